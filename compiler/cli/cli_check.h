/* cli_check.h - `unitc check`: systemd-analyze security --offline=true, byte for byte. */
#ifndef UNITC_CLI_CHECK_H
#define UNITC_CLI_CHECK_H

/* argv[0] is "check". Prints to stdout/stderr; returns the process exit status: 0, or 1 when
 * a unit fails to load or scores above --threshold (systemd-analyze's rule), 2 on a bad
 * command line. */
/* stdlib: the folders whose targets/NAME.yaml --target=NAME reads. */
int cli_check(int argc, char **argv, const char *const *stdlib, size_t nstdlib);

#endif

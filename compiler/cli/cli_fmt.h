/* cli_fmt.h - `unitc fmt [-w | --check] FILE...`: policies in their canonical layout. */
#ifndef UNITC_CLI_FMT_H
#define UNITC_CLI_FMT_H

/* argv[0] is "fmt". Returns an enum uc_exit. */
int cli_fmt(int argc, char **argv);

#endif

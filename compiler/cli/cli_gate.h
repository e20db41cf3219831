/* cli_gate.h - `unitc --dry-run`: compile policies for one or more targets, write nothing,
 * one line per policy and target; the gate for upstream CI. */
#ifndef UNITC_CLI_GATE_H
#define UNITC_CLI_GATE_H

#include "base/prelude.h"

struct uc_options;
struct uc_result;

/* Renders r's diagnostics on stderr, with the "N errors; no files written" summary. */
void cli_print_diags(const struct uc_result *r);

/* --list-targets: every targets/NAME.yaml of the search path, a line each: the name, its
 * systemd version and its distribution, tab-separated. */
int cli_list_targets(const struct uc_options *opt);

/* Each policy compiled for each target of the comma-separated list (or "all": every
 * targets/NAME.yaml in the search path; NULL: the policy's own target). Prints one line per
 * compile on stdout. Returns an enum uc_exit: 1 if any compile had errors (warnings count
 * with --Werror), else 4 if any unit's exposure is above its bound, 2 for a bad list. */
int cli_gate(const char *const *policies, size_t npolicies, const char *targets, const struct uc_options *opt);

#endif

/* upgrade.h - what each newer systemd adds to the strict sandbox, one row per decision.
 *
 * lower.c builds the sandbox systemd 252 runs; this pass, run on the lowered service before
 * the target filter, makes it stronger where the target's systemd can do more and the policy
 * allows it: a value replaced by a stricter spelling (PrivateTmp=yes -> disconnected), or a
 * directive added (PrivatePIDs=yes). Each row says from which version, for which managers,
 * what the policy must not need, and the reason printed above the line in the unit. Rows
 * without a value record a decision against a new setting, with the reason; they emit
 * nothing. The same pass warns about what the target cannot enforce for this policy. */
#ifndef UNITC_UPGRADE_H
#define UNITC_UPGRADE_H

#include "base/prelude.h"

struct arena;
struct diag_queue;
struct policy;
struct unit_file;

/* What the policy must not say for a row to apply. */
enum upgrade_unless {
        UPGRADE_UNLESS_FORKING = 1u << 0,    /* `type forking`: the main process leaves its parent */
        UPGRADE_UNLESS_PID_FILE = 1u << 1,   /* `pid-file`: a PID read by the manager */
        UPGRADE_UNLESS_SIGNALS = 1u << 2,    /* exec-reload, exec-stop, reload signal: commands that
                                              * signal the main process from outside it */
};

/* What the target must have. */
enum upgrade_needs {
        UPGRADE_NEEDS_BPF = 1u << 0,         /* BPF_FRAMEWORK in the build */
        UPGRADE_NEEDS_BPF_LSM = 1u << 1,     /* the BPF LSM in the kernel */
};

struct upgrade_row {
        const char *key;        /* [Service] directive */
        const char *from;       /* the baseline value it replaces; NULL: a line of its own */
        const char *value;      /* the stronger value; NULL: decided against (reason says why) */
        unsigned since;         /* the first systemd version that has it */
        unsigned until;         /* the first version that removed it, 0: none */
        bool system, user;      /* the managers it is for */
        uint32_t unless_relaxed; /* bits of enum relax: a policy that needs any gets none */
        unsigned unless;        /* enum upgrade_unless */
        unsigned needs;         /* enum upgrade_needs */
        const char *after;      /* a new line goes after this directive (or its comment) */
        const char *reason;     /* printed above it as "default: REASON (TARGET)" */
};

extern const struct upgrade_row upgrade_table[];
extern const size_t upgrade_table_len;

/* Whether row r applies to policy p (its target, manager and needs). */
bool upgrade_applies(const struct upgrade_row *r, const struct policy *p);

/* Applies every row that fits to the lowered service u, and warns (into d) about what p's
 * target cannot enforce for it. */
void upgrade_unit(struct arena *a, struct diag_queue *d, const struct policy *p, struct unit_file *u);

#endif

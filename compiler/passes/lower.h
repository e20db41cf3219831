/* lower.h - the lowering stage: a checked policy in, unit models out.
 *
 * Starts from the strictest sandbox systemd runs and relaxes exactly what the policy's
 * needs call for. Every entry carries its reason (unit_entry.why): the statement, or
 * "default: ..." for the strict baseline. */
#ifndef UNITC_LOWER_H
#define UNITC_LOWER_H

#include "base/prelude.h"
#include "passes/check.h"

struct arena;
struct ast_stmt;
struct diag_queue;
struct policy;
struct unit_file;

struct lower_file {
        const char *path;        /* relative to the output folder: "x.service", "x.service.d/..." */
        struct unit_file *unit;
};

/* A directive of the strict sandbox left out because a statement needs it off. */
struct lower_not_set {
        const char *key;
        const struct ast_stmt *by;
};

struct lowered {
        struct unit_file *service;  /* the whole service as systemd will see it (for scoring) */
        struct lower_file *files;
        size_t n;
        bool user_manager;
        const struct lower_not_set *not_set;
        size_t n_not_set;
};

#define LOWER_DROPIN_NAME "50-unitc-sandbox.conf"

/* The strict baseline: one row per hardening directive that a single relaxation turns off
 * (the rest of the sandbox is computed from the needs). */
struct baseline_row {
        const char *key;
        const char *strict;
        int relaxed_by;          /* enum relax, or -1: never relaxed */
        const char *relaxed;     /* the value once relaxed, NULL: not emitted */
        const char *reason;      /* why the strict value is the default */
};

extern const struct baseline_row lower_baseline[];
extern const size_t lower_baseline_len;

struct lowered *lower_policy(struct arena *a, struct diag_queue *diags, const struct policy *p,
                             enum check_layout layout);

#endif

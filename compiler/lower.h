/* lower.h - the lowering stage: a checked policy in, unit models out.
 *
 * Starts from the strictest sandbox systemd runs and relaxes exactly what the policy's
 * needs call for. Every entry carries its reason (unit_entry.why): the statement, or
 * "default: ..." for the strict baseline. */
#ifndef UNITC_LOWER_H
#define UNITC_LOWER_H

#include "prelude.h"
#include "check.h"

struct arena;
struct diag_queue;
struct policy;
struct unit_file;

struct lower_file {
        const char *path;        /* relative to the output folder: "x.service", "x.service.d/..." */
        struct unit_file *unit;
};

struct lowered {
        struct unit_file *service;  /* the whole service as systemd will see it (for scoring) */
        struct lower_file *files;
        size_t n;
        bool user_manager;
};

#define LOWER_DROPIN_NAME "50-unitc-sandbox.conf"

struct lowered *lower_policy(struct arena *a, struct diag_queue *diags, const struct policy *p,
                             enum check_layout layout);

#endif

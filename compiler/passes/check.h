/* check.h - the check stage: resolved statements in, a policy out, every meaning checked
 * against the tables with an error that points at the word. */
#ifndef UNITC_CHECK_H
#define UNITC_CHECK_H

#include "base/prelude.h"

struct arena;
struct diag_queue;
struct policy;
struct resolved;
struct target;

enum check_layout { LAYOUT_FULL, LAYOUT_SPLIT, LAYOUT_DROPIN };

struct check_options {
        enum check_layout layout;
        const char *const *target_dirs;  /* folders whose targets/NAME.yaml `target NAME` reads */
        size_t ntarget_dirs;
        const struct target *target;     /* --target, or NULL */
        const char *target_option;       /* how --target was spelt, for messages */
};

/* NULL when errors were reported. */
struct policy *check_policy(struct arena *a, struct diag_queue *diags, const struct resolved *r,
                            const struct check_options *opt);

/* Value checks shared with tests: each returns true when the text is valid. */
bool check_utf8(const char *s, size_t len);
bool check_duration(const char *s);
bool check_duration_usec(const char *s, uint64_t *usec);
bool check_size(const char *s);
/* An address for IPAddressAllow=: IPv4/IPv6 with an optional prefix, or a systemd name. */
bool check_address(const char *s);
/* A unit name with a known suffix. */
bool check_unit_name(const char *s);
/* A service name (without ".service") that systemd accepts and that cannot change the
 * meaning of a line it is written in. */
bool check_service_name(const char *name);
/* A user or group name systemd accepts, or a numeric id. */
bool check_user_name(const char *s);

#endif

/* syscall_groups.h - systemd's syscall groups (@clock, @privileged ...) per systemd build:
 * the tables are generated (syscall_groups_N.c, by tools/syscall-groups/generate from what
 * each version's own `systemd-analyze syscall-filter` prints); a version profile
 * (versions.h) names the table of each version unitc knows. */
#ifndef UNITC_SYSCALL_GROUPS_H
#define UNITC_SYSCALL_GROUPS_H

#include "base/prelude.h"

struct syscall_group {
        const char *name;          /* "@clock" */
        const int16_t *members;    /* index into names[], or -(g + 1) for nested group g */
        size_t n_members;
};

struct syscall_table {
        unsigned version;          /* the version it was measured on */
        const char *build;         /* the distribution build the data was taken from */
        const char *const *names;  /* every syscall name libseccomp knows, sorted (strcmp) */
        const uint8_t *resolvable; /* per name: 1 if it has a real number on x86-64 */
        size_t n_names;
        const struct syscall_group *groups;
        const char *const *group_names; /* groups[i].name, as one array (for hints) */
        size_t n_groups;
};

/* The measured tables (syscall_groups_N.c, generated). */
extern const struct syscall_table syscall_table_252, syscall_table_254, syscall_table_257, syscall_table_262;

/* The table of version's profile; for a version without one, the newest measured table not
 * newer; NULL if version is older than all. */
const struct syscall_table *syscall_table_for(unsigned version);
/* Index of a syscall name in t->names, or -1. */
int syscall_table_lookup(const struct syscall_table *t, const char *name);
/* Index of a group ("@clock") in t->groups, or -1. */
int syscall_table_group(const struct syscall_table *t, const char *name);
/* A syscall name or a @group t knows. */
bool syscall_table_knows(const struct syscall_table *t, const char *name);

#endif

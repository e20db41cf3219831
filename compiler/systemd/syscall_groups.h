/* syscall_groups.h - systemd's syscall groups (@clock, @privileged ...) per systemd build. */
#ifndef UNITC_SYSCALL_GROUPS_H
#define UNITC_SYSCALL_GROUPS_H

#include "base/prelude.h"

struct syscall_group {
        const char *name;          /* "@clock" */
        const int16_t *members;    /* index into names[], or -(g + 1) for nested group g */
        size_t n_members;
};

struct syscall_table {
        unsigned version;          /* 252, 254, 257 */
        const char *build;         /* the distribution build the data was taken from */
        const char *const *names;  /* every syscall name libseccomp knows, sorted (strcmp) */
        const uint8_t *resolvable; /* per name: 1 if it has a real number on x86-64 */
        size_t n_names;
        const struct syscall_group *groups;
        size_t n_groups;
};

/* The table for the newest build not newer than version, or NULL if none. */
const struct syscall_table *syscall_table_for(unsigned version);
/* Index of a syscall name in t->names, or -1. */
int syscall_table_lookup(const struct syscall_table *t, const char *name);
/* Index of a group ("@clock") in t->groups, or -1. */
int syscall_table_group(const struct syscall_table *t, const char *name);

#endif

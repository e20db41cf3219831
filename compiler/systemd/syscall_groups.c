/* syscall_groups.c - looking up syscall names and @groups in a version's table; the tables
 * themselves are generated, one file per measured version (syscall_groups_N.c). */
#include "base/prelude.h"
#include "systemd/syscall_groups.h"
#include "systemd/versions.h"

const struct syscall_table *syscall_table_for(unsigned version)
{
        const struct sd_profile *p = sd_profile_for(version);
        if (p)
                return p->syscalls;
        /* A version unitc has no profile for: the newest measured table not newer. */
        const struct syscall_table *best = NULL;
        for (size_t i = 0; i < sd_profiles_len; i++)
                if (sd_profiles[i].version <= version)
                        best = sd_profiles[i].syscalls;
        return best;
}

static int syscall_name_cmp(const void *key, const void *elem)
{
        return strcmp(key, *(const char *const *) elem);
}

int syscall_table_lookup(const struct syscall_table *t, const char *name)
{
        const char *const *p = bsearch(name, t->names, t->n_names, sizeof(*t->names),
                                       syscall_name_cmp);

        return p ? (int) (p - t->names) : -1;
}

int syscall_table_group(const struct syscall_table *t, const char *name)
{
        for (size_t i = 0; i < t->n_groups; i++)
                if (streq(t->groups[i].name, name))
                        return (int) i;
        return -1;
}

bool syscall_table_knows(const struct syscall_table *t, const char *name)
{
        return name[0] == '@' ? syscall_table_group(t, name) >= 0 : syscall_table_lookup(t, name) >= 0;
}

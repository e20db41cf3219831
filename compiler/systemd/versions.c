/* versions.c - the version profiles, one row per systemd version unitc knows. */
#include "base/prelude.h"
#include "systemd/syscall_groups.h"
#include "systemd/versions.h"

/* Measured rows: tools/syscall-groups/systemd-N.txt, from Debian's build of N. Rows between
 * two measured versions take the older one's syscall table: systemd adds names and groups
 * with new versions, so the older table never accepts what the version lacks. */
#define MEASURED(n) &syscall_table_##n

const struct sd_profile sd_profiles[] = {
        { 252, MEASURED(252), "debian-12", false, NULL },
        { 253, MEASURED(252), "debian-12", false, "no Debian build to measure; syscalls as 252 measured" },
        { 254, MEASURED(254), "debian-12-backports", false, NULL },
        /* Ubuntu 24.04 (stdlib/targets/ubuntu-24.04.yaml). */
        { 255, MEASURED(254), "debian-12-backports", false, "no Debian build to measure; syscalls as 254 measured" },
        { 256, MEASURED(254), "debian-12-backports", false, "no Debian build to measure; syscalls as 254 measured" },
        /* Debian 13, Fedora 42, RHEL 10. */
        { 257, MEASURED(257), "debian-13", true, NULL },
        { 258, MEASURED(257), "debian-13", true, "no Debian build to measure; syscalls as 257 measured" },
        { 259, MEASURED(257), "debian-13", true, "no Debian build to measure; syscalls as 257 measured" },
        { 260, MEASURED(257), "debian-13", true, "no Debian build to measure; syscalls as 257 measured" },
        { 261, MEASURED(257), "debian-13", true, "no Debian build to measure; syscalls as 257 measured" },
        /* Debian forky, Arch. */
        { 262, MEASURED(262), "debian-forky", true, NULL },
};
const size_t sd_profiles_len = ARRAY_SIZE(sd_profiles);

const struct sd_profile *sd_profile_for(unsigned version)
{
        if (version < sd_profiles[0].version || version > sd_profiles[sd_profiles_len - 1].version)
                return NULL;
        return &sd_profiles[version - sd_profiles[0].version]; /* no gaps: a unit test checks */
}

bool sd_version_known(unsigned version)
{
        return sd_profile_for(version) != NULL;
}

unsigned sd_version_oldest(void)
{
        return sd_profiles[0].version;
}

unsigned sd_version_newest(void)
{
        return sd_profiles[sd_profiles_len - 1].version;
}

bool sd_profile_has(const struct sd_profile *p, unsigned since)
{
        return since <= p->version;
}

unsigned sd_syscall_since(const char *name)
{
        for (size_t i = 0; i < sd_profiles_len; i++)
                if (syscall_table_knows(sd_profiles[i].syscalls, name))
                        return sd_profiles[i].version;
        return 0;
}

/* versions.h - one profile per systemd version unitc knows: what a target's version is
 * resolved to, once, and what check, lower, the scorer and `unitc check` read. */
#ifndef UNITC_VERSIONS_H
#define UNITC_VERSIONS_H

#include "base/prelude.h"

struct syscall_table;

struct sd_profile {
        unsigned version;
        /* The syscall names and @groups of this version: measured on it (syscalls->version
         * == version), or, for a version without a Debian build here, the newest measured
         * one not newer (syscalls->version < version, and note says so). */
        const struct syscall_table *syscalls;
        /* The Debian build a bare `target systemd N` stands for (stdlib/targets/NAME.yaml),
         * and whether that build has BPF_FRAMEWORK. */
        const char *debian;
        bool bpf_framework;
        const char *note;          /* where the data of an unmeasured version comes from */
};

/* Every version unitc knows, oldest first, without gaps. */
extern const struct sd_profile sd_profiles[];
extern const size_t sd_profiles_len;

/* The profile of version, or NULL if unitc does not know it. */
const struct sd_profile *sd_profile_for(unsigned version);
bool sd_version_known(unsigned version);
unsigned sd_version_oldest(void);
unsigned sd_version_newest(void);

/* The oldest version whose syscall table knows name (a syscall or a @group), or 0. */
unsigned sd_syscall_since(const char *name);

/* Whether version knows a directive or value added in since (directive_table's and
 * escape_table's since column). */
bool sd_profile_has(const struct sd_profile *p, unsigned since);

#endif

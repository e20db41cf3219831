/* target.h - the systemd a unit is compiled for: its version, the build features that change
 * what works, what the kernel must allow, and where units go.
 *
 * A target is a profile in YAML (stdlib/targets/NAME.yaml), read with libyaml; every fact in
 * it is checked against a table of known keys, and a bad file is a diagnostic with its line
 * and column, as a policy error is. A bare `target systemd N` is the version with the
 * features of Debian's build of it. */
#ifndef UNITC_TARGET_H
#define UNITC_TARGET_H

#include "base/prelude.h"

struct arena;
struct diag_queue;
struct loc;
struct sd_profile;
struct source;

struct target {
        const char *name;          /* "debian-13", or "systemd-257" for a bare version */
        const char *distribution;  /* "Debian 13 (trixie)" */
        unsigned systemd;          /* the version, e.g. 257 */
        const struct sd_profile *profile; /* what unitc knows of that version (versions.h) */
        /* Build features (systemd --version): without BPF_FRAMEWORK, SocketBindAllow=,
         * RestrictNetworkInterfaces= and RestrictFileSystems= are accepted and do nothing. */
        bool bpf_framework, seccomp, apparmor, selinux;
        /* The kernel: the BPF LSM (RestrictFileSystems=), unprivileged user namespaces (a
         * per-user service's sandbox). */
        bool bpf_lsm, unprivileged_userns;
        const char *system_unit_dir, *user_unit_dir;
        const struct source *src;  /* the profile's file; NULL for a bare version */
};

/* The bare version N, with the features of the Debian build its profile names; NULL if
 * unitc has no profile for N (versions.h). */
const struct target *target_for_version(struct arena *a, unsigned version);

/* Reads a profile; NULL after diagnostics (file:line:col) in d. where: the statement or
 * option that named it, for a note; may be NULL. */
const struct target *target_load(struct arena *a, struct diag_queue *d, const char *path,
                                 const struct loc *where);

/* --target=host: the version and build features of the manager on the system bus
 * ($DBUS_SYSTEM_BUS_ADDRESS or the default socket); NULL after an error that says there is
 * none. Implemented in target_host.c (sd-bus). */
const struct target *target_host(struct arena *a, struct diag_queue *d);

/* Finds NAME (letters, digits, '-', '.', '_') as targets/NAME.yaml in the folders, in order;
 * NULL after an error at where (unknown target, with the names known there as a hint). */
const struct target *target_find(struct arena *a, struct diag_queue *d, const char *name,
                                 const char *const *dirs, size_t ndirs, const struct loc *where);

#endif

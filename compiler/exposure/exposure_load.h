/* exposure_load.h - the unit as the exposure checks see it once loaded (exposure_load.c);
 * internal to the scorer (exposure.c). */
#ifndef UNITC_EXPOSURE_LOAD_H
#define UNITC_EXPOSURE_LOAD_H

#include "base/prelude.h"

#include "exposure/exposure_checks.h"

#define EXPOSURE_CAP_ALL UINT64_MAX
/* Namespaces are loaded as bits by their index in namespace_names (systemd/tables.h). */
#define EXPOSURE_NS_ALL ((UINT64_C(1) << namespace_names_len) - 1)
#define EXPOSURE_NS_INITIAL UINT64_MAX

struct arena;
struct exposure_options;
struct syscall_table;
struct unit_entry;
struct unit_file;

struct exposure_profile {
        unsigned version;
        bool private_mounts_on_by_default; /* v254+: unset PrivateMounts= reads as true offline */
        bool enum_private_settings;        /* v257: PrivateTmp=connected ... count as on */
        bool enum_settings_v262;           /* v262: PrivateUsers=full|managed, ProtectHostname=private */
        const char *credential_device;     /* device entry implied by encrypted credentials, or NULL */
        bool empty_descriptions_first;     /* v262: rows without a description sort first */
        bool af_bad_name_ends_line;        /* v262: an unknown family ends RestrictAddressFamilies='s line */
        bool user_refuses_dynamic_user;    /* v257: a per-user unit with DynamicUser= fails to load */
        bool user_scope_caller;            /* v262: a per-user unit runs as the calling user (no
                                            * root rows; RemoveIPC= n/a) */
};

struct exposure_credential {
        const char *id;
        bool encrypted;
};

struct exposure_credentials {
        struct exposure_credential *v;
        size_t n, cap;
};

/* The entries that decided a setting, in load order; named[i] is the members entry v[i]
 * names in the setting's bits (capabilities, families, namespaces, syscall groups). */
struct exposure_origin {
        const struct unit_entry **v;
        uint64_t *named;
        size_t n, cap;
};

/* A unit type: its suffix, its own section, and which contexts it has. */
struct exposure_type {
        const char *suffix;
        const char *section; /* the type's own section */
        bool exec, cgroup;
};

struct exposure_ctx {
        struct arena *arena;
        const char *id;
        const struct exposure_profile *profile;
        const struct syscall_table *sc;
        bool exec, cgroup, service; /* which contexts the unit type has */
        bool user_scope;            /* scored for the user manager */

        bool b[_EXPOSURE_FIELD_BOOL_MAX];
        bool private_mounts_set;
        const char *user;
        size_t n_groups;
        const char *protect_home, *protect_system, *protect_proc, *proc_subset;
        const char *keyring_mode, *notify_access, *device_policy;
        unsigned umask;
        uint64_t cap_bounding, cap_ambient, namespaces;
        bool af_exists, af_allow_list;
        uint64_t af;
        uint32_t archs;
        bool sf_exists, sf_allow_list;
        uint8_t *sf; /* per syscall name: 0 absent, 1 action "allow/kill", 2 errno */
        const char *root_directory, *root_image;
        bool mount_images;
        const char **devices; /* in the order added; systemd lists them newest first */
        size_t n_devices, cap_devices;
        bool deny_any4, deny_any6, allow_localhost, allow_other;
        bool ip_ingress, ip_egress;

        /* what service_verify() looks at */
        size_t n_exec_start, n_exec_stop;
        bool success_action, remain_after_exit, bus_name, pam;
        const char *type, *restart, *kill_mode;

        /* what the other types' verify steps look at */
        size_t n_listen, n_timer, n_paths;
        bool timer_on_change;
        const char *what, *where;

        struct exposure_credentials load_credentials, set_credentials;
        bool fatal;        /* the last parser call failed fatally */
        const char *error; /* set: systemd refuses to load the unit */
        const struct unit_entry *error_entry; /* the entry behind error, when one is */
        struct exposure_origin origin[_EXPOSURE_FIELD_MAX];
};

/* The profile of a systemd version (252, 254, 257, 262), or NULL. */
const struct exposure_profile *exposure_profile_for(unsigned version);

/* Fills c (zeroed, with profile and sc set) from u. Returns 0, or -1 with c->error set when
 * systemd would refuse to load the unit. */
int exposure_load(struct exposure_ctx *c, const struct unit_file *u, const struct exposure_options *opt);

#endif

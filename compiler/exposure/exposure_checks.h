/* exposure_checks.h - the check table of the exposure scorer (exposure_checks.c). */
#ifndef UNITC_EXPOSURE_CHECKS_H
#define UNITC_EXPOSURE_CHECKS_H

#include "base/prelude.h"

/* The settings the checks read, as loaded; also the unit of "which entries decided this". */
enum exposure_field {
        /* booleans */
        EXPOSURE_FIELD_PRIVATE_DEVICES,
        EXPOSURE_FIELD_PRIVATE_MOUNTS,
        EXPOSURE_FIELD_PRIVATE_NETWORK,
        EXPOSURE_FIELD_PRIVATE_TMP,
        EXPOSURE_FIELD_PRIVATE_USERS,
        EXPOSURE_FIELD_PROTECT_CONTROL_GROUPS,
        EXPOSURE_FIELD_PROTECT_KERNEL_MODULES,
        EXPOSURE_FIELD_PROTECT_KERNEL_TUNABLES,
        EXPOSURE_FIELD_PROTECT_KERNEL_LOGS,
        EXPOSURE_FIELD_PROTECT_CLOCK,
        EXPOSURE_FIELD_PROTECT_HOSTNAME,
        EXPOSURE_FIELD_LOCK_PERSONALITY,
        EXPOSURE_FIELD_MEMORY_DENY_WRITE_EXECUTE,
        EXPOSURE_FIELD_NO_NEW_PRIVILEGES,
        EXPOSURE_FIELD_REMOVE_IPC,
        EXPOSURE_FIELD_RESTRICT_REALTIME,
        EXPOSURE_FIELD_RESTRICT_SUID_SGID,
        EXPOSURE_FIELD_DELEGATE,
        EXPOSURE_FIELD_DYNAMIC_USER,
        EXPOSURE_FIELD_DEFAULT_DEPENDENCIES,
        _EXPOSURE_FIELD_BOOL_MAX,
        /* the rest */
        EXPOSURE_FIELD_USER = _EXPOSURE_FIELD_BOOL_MAX,
        EXPOSURE_FIELD_SUPPLEMENTARY_GROUPS,
        EXPOSURE_FIELD_PROTECT_HOME,
        EXPOSURE_FIELD_PROTECT_SYSTEM,
        EXPOSURE_FIELD_ROOT_DIRECTORY,
        EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET,
        EXPOSURE_FIELD_AMBIENT_CAPABILITIES,
        EXPOSURE_FIELD_UMASK,
        EXPOSURE_FIELD_KEYRING_MODE,
        EXPOSURE_FIELD_PROTECT_PROC,
        EXPOSURE_FIELD_PROC_SUBSET,
        EXPOSURE_FIELD_NOTIFY_ACCESS,
        EXPOSURE_FIELD_RESTRICT_NAMESPACES,
        EXPOSURE_FIELD_ADDRESS_FAMILIES,
        EXPOSURE_FIELD_SYSCALL_ARCHITECTURES,
        EXPOSURE_FIELD_SYSCALL_FILTER,
        EXPOSURE_FIELD_IP_ADDRESS,
        EXPOSURE_FIELD_DEVICE_ALLOW,
        _EXPOSURE_FIELD_MAX,
};

struct exposure_ctx;
struct exposure_check;

/* A check's rule (exposure_assess.c): the badness 0..range, or EXPOSURE_NA; sets *ret_desc
 * when the row's text comes from the rule. */
typedef uint64_t (*exposure_assessor)(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc);

struct exposure_check {
        const char *id;          /* the name column */
        const char *json_field;
        const char *good, *bad, *na;
        unsigned weight, range;
        exposure_assessor assess;
        enum exposure_field field; /* the setting it reads: its entries decide the row */
        bool inverted;             /* exposure_assess_bool: on is bad (Delegate=) */
        uint64_t mask;             /* capabilities (1 << CAP_*) or address families (1 << AF_*) */
        const char *member;        /* the namespace ("user") or syscall group ("@clock") */
        bool default_dependencies_only;
};

extern const struct exposure_check exposure_checks[];
extern const size_t exposure_n_checks;

#endif

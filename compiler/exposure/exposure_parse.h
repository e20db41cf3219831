/* exposure_parse.h - the directive table's row type and the sandbox directives' parsers
 * (exposure_parse.c). */
#ifndef UNITC_EXPOSURE_PARSE_H
#define UNITC_EXPOSURE_PARSE_H

#include "base/prelude.h"

#include "exposure/exposure_checks.h"

struct exposure_credentials;
struct exposure_ctx;
struct unit_entry;

struct exposure_directive;
typedef void (*exposure_parser)(struct exposure_ctx *c, const struct exposure_directive *d,
                                const struct unit_entry *e);

enum exposure_context {
        EXPOSURE_CTX_UNIT,    /* [Unit] */
        EXPOSURE_CTX_EXEC,    /* [Service], [Socket], [Mount], [Swap] */
        EXPOSURE_CTX_CGROUP,  /* the above and [Slice], [Scope] */
        EXPOSURE_CTX_SERVICE, /* [Service] only */
        EXPOSURE_CTX_OWN,     /* the unit type's own section: [Socket], [Timer], [Mount] ... */
};

struct exposure_directive {
        const char *key;
        enum exposure_context context;
        exposure_parser parse;
        enum exposure_field field;
        const char *const *values; /* enums: the accepted values, NULL-terminated */
        bool accepts_boolean;      /* enums: "yes"/"no" spellings map to values[1]/values[0] */
        const char *const *values_v262; /* booleans: the further values 262 reads as on */
};


void exposure_origin_set(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e);
void exposure_origin_add(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e);
/* Adds members (in the setting's bits) to what the last entry of f names. */
void exposure_origin_name(struct exposure_ctx *c, enum exposure_field f, uint64_t members);
/* A parser's fatal error: the unit fails to load when it is in the fragment; in a drop-in,
 * systemd stops reading that drop-in (silently) and goes on. */
void exposure_fatal(struct exposure_ctx *c, const struct unit_entry *e, const char *what);
void exposure_parse_bool(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e);
/* ProtectHostname=: a boolean; from 262 also "private", each with an optional ":NAME", and
 * empty resets. */
void exposure_parse_protect_hostname(struct exposure_ctx *c, const struct exposure_directive *d,
                                     const struct unit_entry *e);
void exposure_parse_delegate(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e);
/* Enumerations; values[0] and values[1] are the "no" and "yes" of the boolean forms. */
void exposure_parse_enum(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e);
void exposure_parse_user(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e);
void exposure_parse_groups(struct exposure_ctx *c, const struct exposure_directive *d,
                           const struct unit_entry *e);
void exposure_parse_umask(struct exposure_ctx *c, const struct exposure_directive *d,
                          const struct unit_entry *e);
void exposure_parse_caps(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e);
void exposure_parse_namespaces(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e);
void exposure_parse_families(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e);
void exposure_parse_archs(struct exposure_ctx *c, const struct exposure_directive *d,
                          const struct unit_entry *e);
void exposure_parse_syscalls(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e);
/* RootDirectory=, RootImage=: a normalized absolute path (a fatal error otherwise), or empty. */
void exposure_parse_root(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e);
void exposure_parse_mount_images(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e);
/* LoadCredential*= share one table keyed by credential ID, SetCredential*= another; an empty
 * assignment clears the table. Encrypted entries imply a TPM device entry (see exposure_load). */
void exposure_parse_credential(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e);
bool exposure_credentials_encrypted(const struct exposure_credentials *t);
void exposure_add_device(struct exposure_ctx *c, const char *entry);
void exposure_parse_device_allow(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e);
void exposure_parse_ip(struct exposure_ctx *c, const struct exposure_directive *d,
                       const struct unit_entry *e);
void exposure_parse_ip_filter(struct exposure_ctx *c, const struct exposure_directive *d,
                              const struct unit_entry *e);

#endif

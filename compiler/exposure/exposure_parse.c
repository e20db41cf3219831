/* exposure_parse.c - the sandbox directives' parsers, as load-fragment.c has them: booleans,
 * enums, users and groups, capability and namespace sets, address families, syscall filters
 * with groups and errnos, root paths, credentials, device lists, IP prefixes; each fatal
 * error as systemd reports it. */
#include "base/prelude.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/socket.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure_load.h"
#include "exposure/exposure_parse.h"
#include "exposure/exposure_specifier.h"
#include "exposure/exposure_words.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "unit/unit.h"

/* ---- names systemd's parsers know ---- */

/* af_from_name()'s aliases, which address_family_names (one name per family) leaves out.
 * AF_UNSPEC is a name the parser refuses (252 to 262). */
static const struct {
        const char *name;
        int family;
} exposure_family_aliases[] = {
        { .name = "AF_LOCAL", .family = AF_LOCAL },
        { .name = "AF_ROUTE", .family = AF_ROUTE },
};

/* af_from_name(): case-insensitive; address_family_names[i] is family i + 1. -1 if unknown. */
static int exposure_family_from_name(const char *w)
{
        for (size_t i = 0; i < address_family_names_len; i++)
                if (strcasecmp(w, address_family_names[i]) == 0)
                        return (int) i + 1;
        for (size_t i = 0; i < ARRAY_SIZE(exposure_family_aliases); i++)
                if (strcasecmp(w, exposure_family_aliases[i].name) == 0)
                        return exposure_family_aliases[i].family;
        return -1;
}

/* seccomp architecture names; "native" is index 0. */
static const char *const exposure_archs[] = {
        "native", "x86", "x86-64", "x32", "arm", "arm64", "loongarch64", "mips", "mips64",
        "mips64-n32", "mipsel", "mipsel64", "mipsel64-n32", "parisc", "parisc64", "ppc", "ppc64",
        "ppc64-le", "riscv64", "s390", "s390x",
};

static const char *const exposure_errnos[] = {
        "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF",
        "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV",
        "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG",
        "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG",
        "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", "EWOULDBLOCK", "ENOMSG", "EIDRM", "ECHRNG",
        "EL2NSYNC", "EL3HLT", "EL3RST", "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT", "EBADE", "EBADR",
        "EXFULL", "ENOANO", "EBADRQC", "EBADSLT", "EDEADLOCK", "EBFONT", "ENOSTR", "ENODATA",
        "ETIME", "ENOSR", "ENONET", "ENOPKG", "EREMOTE", "ENOLINK", "EADV", "ESRMNT", "ECOMM",
        "EPROTO", "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ", "EBADFD", "EREMCHG",
        "ELIBACC", "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC", "EILSEQ", "ERESTART", "ESTRPIPE",
        "EUSERS", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT",
        "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "ENOTSUP", "EPFNOSUPPORT",
        "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET",
        "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN",
        "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY",
        "EINPROGRESS", "ESTALE", "EUCLEAN", "ENOTNAM", "ENAVAIL", "EISNAM", "EREMOTEIO", "EDQUOT",
        "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED", "ENOKEY", "EKEYEXPIRED", "EKEYREVOKED",
        "EKEYREJECTED", "EOWNERDEAD", "ENOTRECOVERABLE", "ERFKILL", "EHWPOISON",
};

/* ---- the loaded context ---- */



void exposure_origin_set(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e)
{
        c->origin[f].n = 0;
        if (e)
                exposure_origin_add(c, f, e);
}

void exposure_origin_add(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e)
{
        struct exposure_origin *o = &c->origin[f];
        size_t cap = o->cap;
        o->v = arena_grow(c->arena, o->v, sizeof(*o->v), &o->cap, o->n + 1);
        o->named = arena_grow(c->arena, o->named, sizeof(*o->named), &cap, o->n + 1);
        o->named[o->n] = 0;
        o->v[o->n++] = e;
}

void exposure_origin_name(struct exposure_ctx *c, enum exposure_field f, uint64_t members)
{
        struct exposure_origin *o = &c->origin[f];
        if (o->n)
                o->named[o->n - 1] |= members;
}

/* A parser's fatal error: the unit fails to load when it is in the fragment; in a drop-in,
 * systemd stops reading that drop-in (silently) and goes on. */
void exposure_fatal(struct exposure_ctx *c, const struct unit_entry *e, const char *what)
{
        c->fatal = true;
        if (c->error)
                return;
        c->error_entry = e;
        c->error = arena_printf(c->arena, "%s:%u: %s: %s\n%s: Unit configuration has fatal error, "
                                "unit will not be started.", e->file ? e->file : c->id, e->line, what,
                                e->value, c->id);
}

void exposure_parse_bool(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e)
{
        int r = exposure_parse_boolean(e->value);
        if (r < 0 && d->values && c->profile->enum_private_settings &&
            exposure_in_list(e->value, d->values, SIZE_MAX))
                r = 1;
        if (r < 0 && d->values_v262 && c->profile->enum_settings_v262 &&
            exposure_in_list(e->value, d->values_v262, SIZE_MAX))
                r = 1;
        if (r < 0 && d->field == EXPOSURE_FIELD_DYNAMIC_USER) {
                exposure_fatal(c, e, "Failed to parse boolean value");
                return;
        }
        if (r < 0) {
                if (d->field == EXPOSURE_FIELD_PRIVATE_MOUNTS && !*e->value &&
                    c->profile->private_mounts_on_by_default) {
                        c->b[d->field] = false; /* a tristate from v254: empty resets to "unset" */
                        c->private_mounts_set = false;
                        exposure_origin_set(c, d->field, e);
                }
                return;
        }
        c->b[d->field] = r;
        if (d->field == EXPOSURE_FIELD_PRIVATE_MOUNTS)
                c->private_mounts_set = true;
        exposure_origin_set(c, d->field, e);
}

void exposure_parse_protect_hostname(struct exposure_ctx *c, const struct exposure_directive *d,
                                     const struct unit_entry *e)
{
        if (!c->profile->enum_settings_v262) {
                exposure_parse_bool(c, d, e);
                return;
        }
        const char *v = e->value, *colon = strchr(v, ':');
        char *word = arena_strndup(c->arena, v, colon ? (size_t) (colon - v) : strlen(v));
        int r = *v ? exposure_parse_boolean(word) : 0;
        if (r < 0 && streq(word, "private"))
                r = 1;
        if (r < 0 || (colon && r == 0))
                return; /* "Failed to parse ProtectHostname=, ignoring" */
        c->b[d->field] = r;
        exposure_origin_set(c, d->field, e);
}

void exposure_parse_delegate(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e)
{
        if (!c->service)
                return; /* only services and scopes can delegate */
        int r = exposure_parse_boolean(e->value);
        if (r < 0 && *e->value) {
                /* a controller list: on, unless its syntax is broken */
                const char *p = e->value;
                bool bad;
                while (exposure_next_word_q(c->arena, &p, true, &bad))
                        ;
                if (bad)
                        return;
        }
        c->b[d->field] = r != 0; /* empty or a controller list: on */
        exposure_origin_set(c, d->field, e);
}

static const char **exposure_enum_field(struct exposure_ctx *c, enum exposure_field f)
{
        switch (f) {
        case EXPOSURE_FIELD_PROTECT_HOME:
                return &c->protect_home;
        case EXPOSURE_FIELD_PROTECT_SYSTEM:
                return &c->protect_system;
        case EXPOSURE_FIELD_PROTECT_PROC:
                return &c->protect_proc;
        case EXPOSURE_FIELD_PROC_SUBSET:
                return &c->proc_subset;
        case EXPOSURE_FIELD_KEYRING_MODE:
                return &c->keyring_mode;
        case EXPOSURE_FIELD_NOTIFY_ACCESS:
                return &c->notify_access;
        case EXPOSURE_FIELD_DEVICE_ALLOW:
                return &c->device_policy;
        default:
                return NULL;
        }
}

/* Enumerations; values[0] and values[1] are the "no" and "yes" of the boolean forms. */
void exposure_parse_enum(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e)
{
        const char **slot = exposure_enum_field(c, d->field);
        if (d->accepts_boolean) {
                int r = exposure_parse_boolean(e->value);
                if (r >= 0) {
                        *slot = d->values[r];
                        exposure_origin_set(c, d->field, e);
                        return;
                }
        }
        for (size_t i = 0; d->values[i]; i++)
                if (streq(e->value, d->values[i])) {
                        *slot = d->values[i];
                        exposure_origin_set(c, d->field, e);
                        return;
                }
}

void exposure_parse_user(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e)
{
        if (!*e->value) {
                if (d->field == EXPOSURE_FIELD_USER) {
                        c->user = NULL;
                        exposure_origin_set(c, d->field, e);
                }
                return;
        }
        const char *v = exposure_expand(c, e->value);
        if (!v) {
                exposure_fatal(c, e, "Failed to resolve unit specifiers");
                return;
        }
        if (!exposure_valid_user(v)) {
                exposure_fatal(c, e, "Invalid user/group name or numeric ID");
                return;
        }
        if (d->field == EXPOSURE_FIELD_USER) {
                c->user = v;
                exposure_origin_set(c, d->field, e);
        }
}

void exposure_parse_groups(struct exposure_ctx *c, const struct exposure_directive *d,
                           const struct unit_entry *e)
{
        if (!*e->value) {
                c->n_groups = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
        const char *p = e->value;
        for (char *w; (w = exposure_next_word_full(c->arena, &p, true, true, NULL));) {
                if (!*w)
                        continue; /* what an open quote leaves of a word */
                const char *v = exposure_expand(c, w);
                if (!v) {
                        exposure_fatal(c, e, "Failed to resolve unit specifiers");
                        return;
                }
                if (!exposure_valid_user(v)) {
                        exposure_fatal(c, e, "Invalid user/group name or numeric ID");
                        return;
                }
                c->n_groups++;
        }
        exposure_origin_add(c, d->field, e);
}

void exposure_parse_umask(struct exposure_ctx *c, const struct exposure_directive *d,
                          const struct unit_entry *e)
{
        uint64_t m;
        if (!exposure_parse_uint(e->value, 8, 07777, &m))
                return;
        c->umask = (unsigned) m;
        exposure_origin_set(c, d->field, e);
}

/* capability_from_name(): a number, or a name with its "cap_" prefix, in any case. */
static bool exposure_cap_from_name(const char *w, unsigned *ret)
{
        uint64_t n;
        if (exposure_parse_uint(w, 10, 63, &n)) {
                *ret = (unsigned) n;
                return true;
        }
        const struct cap_info *info = strncasecmp(w, "cap_", 4) == 0 ? cap_lookup(w) : NULL;
        if (info)
                *ret = info->bit;
        return info != NULL;
}

void exposure_parse_caps(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e)
{
        bool bounding = d->field == EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET;
        uint64_t *set = bounding ? &c->cap_bounding : &c->cap_ambient;
        uint64_t initial = bounding ? EXPOSURE_CAP_ALL : 0, sum = 0;
        const char *p = e->value;
        bool invert = *p == '~';
        if (invert)
                p++;
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
                unsigned cap;
                if (exposure_cap_from_name(w, &cap))
                        sum |= UINT64_C(1) << cap;
        }
        if (sum == 0 || *set == initial) {
                *set = invert ? ~sum : sum;
                exposure_origin_set(c, d->field, e);
        } else {
                *set = invert ? *set & ~sum : *set | sum;
                exposure_origin_add(c, d->field, e);
        }
        exposure_origin_name(c, d->field, sum);
}

void exposure_parse_namespaces(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->namespaces = EXPOSURE_NS_INITIAL;
                exposure_origin_set(c, d->field, e);
                return;
        }
        int r = exposure_parse_boolean(p);
        if (r >= 0) {
                c->namespaces = r ? 0 : EXPOSURE_NS_ALL;
                exposure_origin_set(c, d->field, e);
                return;
        }
        bool invert = *p == '~';
        if (invert)
                p++;
        uint64_t flags = 0;
        for (char *w; (w = exposure_next_word_q(c->arena, &p, false, NULL));) {
                size_t i;
                for (i = 0; i < namespace_names_len; i++)
                        if (streq(w, namespace_names[i]))
                                break;
                if (i == namespace_names_len)
                        return; /* one bad name voids the line */
                flags |= UINT64_C(1) << i;
        }
        if (c->namespaces == EXPOSURE_NS_INITIAL) {
                c->namespaces = invert ? ~flags & EXPOSURE_NS_ALL : flags;
                exposure_origin_set(c, d->field, e);
        } else {
                c->namespaces = invert ? c->namespaces & ~flags : c->namespaces | flags;
                exposure_origin_add(c, d->field, e);
        }
        exposure_origin_name(c, d->field, flags);
}

void exposure_parse_families(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p || streq(p, "none")) {
                c->af_exists = false;
                c->af = 0;
                c->af_allow_list = *p != '\0';
                exposure_origin_set(c, d->field, e);
                return;
        }
        bool invert = *p == '~';
        if (invert)
                p++;
        if (!c->af_exists) {
                c->af_exists = true;
                c->af = 0;
                c->af_allow_list = !invert;
                exposure_origin_set(c, d->field, NULL);
        }
        uint64_t named = 0;
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
                int af = exposure_family_from_name(w);
                if ((af < 0 || af >= 64) && c->profile->af_bad_name_ends_line)
                        break; /* "Failed to parse address family, ignoring" the rest */
                if (af < 0 || af >= 64)
                        continue;
                uint64_t bit = UINT64_C(1) << af;
                if (!invert == c->af_allow_list)
                        c->af |= bit;
                else
                        c->af &= ~bit;
                named |= bit;
        }
        exposure_origin_add(c, d->field, e);
        exposure_origin_name(c, d->field, named);
}

void exposure_parse_archs(struct exposure_ctx *c, const struct exposure_directive *d,
                          const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->archs = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
        /* names before a word with broken quoting count; the rest of the line is ignored */
        for (char *w; (w = exposure_next_word(c->arena, &p));)
                for (size_t i = 0; i < ARRAY_SIZE(exposure_archs); i++)
                        if (streq(w, exposure_archs[i]))
                                c->archs |= UINT32_C(1) << i;
        exposure_origin_add(c, d->field, e);
}

/* seccomp_parse_syscall_filter(): a name or @group, recursively. */
static void exposure_syscall_put(struct exposure_ctx *c, const char *name, bool errno_set, bool invert)
{
        const struct syscall_table *t = c->sc;
        if (name[0] == '@') {
                int g = syscall_table_group(t, name);
                if (g < 0)
                        return;
                const struct syscall_group *grp = &t->groups[g];
                for (size_t i = 0; i < grp->n_members; i++) {
                        int m = grp->members[i];
                        if (m < 0)
                                exposure_syscall_put(c, t->groups[-m - 1].name, errno_set, invert);
                        else if (!invert == c->sf_allow_list)
                                c->sf[m] = errno_set ? 2 : 1;
                        else
                                c->sf[m] = 0;
                }
                return;
        }
        int i = syscall_table_lookup(t, name);
        if (i < 0)
                return;
        c->sf[i] = !invert == c->sf_allow_list ? (errno_set ? 2 : 1) : 0;
}

/* parse_errno(): a name, or a number 0..4095 as safe_atoi() reads it (blanks, sign, base). */
static bool exposure_errno_valid(const char *s)
{
        if (exposure_in_list(s, exposure_errnos, ARRAY_SIZE(exposure_errnos)))
                return true;
        if (!*s)
                return false;
        char *end;
        errno = 0;
        long v = strtol(s, &end, 0);
        return errno == 0 && *end == '\0' && end != s && v >= 0 && v <= 4095;
}

void exposure_parse_syscalls(struct exposure_ctx *c, const struct exposure_directive *d,
                             const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->sf_exists = false;
                c->sf_allow_list = false;
                memset(c->sf, 0, c->sc->n_names);
                exposure_origin_set(c, d->field, e);
                return;
        }
        bool invert = *p == '~';
        if (invert)
                p++;
        if (!c->sf_exists) {
                c->sf_exists = true;
                memset(c->sf, 0, c->sc->n_names);
                c->sf_allow_list = !invert;
                exposure_origin_set(c, d->field, NULL);
                if (!invert)
                        exposure_syscall_put(c, "@default", false, false);
        }
        uint64_t named = 0;
        for (char *w; (w = exposure_next_word_q(c->arena, &p, false, NULL));) {
                char *colon = strchr(w, ':');
                bool errno_set = false;
                if (colon) {
                        *colon = '\0';
                        if (!streq(colon + 1, "kill") && !exposure_errno_valid(colon + 1))
                                continue;
                        errno_set = true; /* "kill" is a non-negative action number too */
                }
                if (!invert && errno_set)
                        continue; /* allow-listed calls cannot take an errno */
                exposure_syscall_put(c, w, errno_set, invert);
                int g = w[0] == '@' ? syscall_table_group(c->sc, w) : -1;
                if (g >= 0 && g < 64)
                        named |= UINT64_C(1) << g;
        }
        exposure_origin_add(c, d->field, e);
        exposure_origin_name(c, d->field, named);
}

/* RootDirectory=, RootImage=: a normalized absolute path (a fatal error otherwise), or empty. */
void exposure_parse_root(struct exposure_ctx *c, const struct exposure_directive *d,
                         const struct unit_entry *e)
{
        const char *v = *e->value ? exposure_expand(c, e->value) : NULL;
        if (v)
                v = exposure_path_simplify(c->arena, v);
        if (*e->value && (!v || v[0] != '/' || !exposure_path_normalized(v))) {
                exposure_fatal(c, e, "path is not absolute and normalized");
                return;
        }
        if (streq(e->key, "RootDirectory"))
                c->root_directory = v;
        else
                c->root_image = v;
        exposure_origin_add(c, d->field, e);
}

void exposure_parse_mount_images(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e)
{
        (void) d;
        const char *p = e->value;
        if (!*p) {
                c->mount_images = false;
                return;
        }
        /* SOURCE:DESTINATION[:OPTIONS] ...; entries whose paths are not absolute are ignored */
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
                char *colon = strchr(w, ':');
                if (!colon)
                        continue;
                *colon = '\0';
                char *dst = colon + 1, *end = strchr(dst, ':');
                if (end)
                        *end = '\0';
                const char *src = exposure_expand(c, w[0] == '-' ? w + 1 : w);
                const char *dest = exposure_expand(c, dst);
                if (src && dest && src[0] == '/' && dest[0] == '/')
                        c->mount_images = true;
        }
}

static int exposure_base64_value(char ch)
{
        if (ch >= 'A' && ch <= 'Z')
                return ch - 'A';
        if (ch >= 'a' && ch <= 'z')
                return ch - 'a' + 26;
        if (ch >= '0' && ch <= '9')
                return ch - '0' + 52;
        return ch == '+' ? 62 : ch == '/' ? 63 : -1;
}

/* unbase64mem(): whitespace ignored, whole groups of four, canonical padding bits. */
static bool exposure_base64_ok(const char *v)
{
        size_t n = 0, pad = 0;
        int last = 0;
        for (const char *q = v; *q; q++) {
                if (strchr(" \t\n\r", *q))
                        continue;
                if (*q == '=') {
                        pad++;
                        continue;
                }
                last = exposure_base64_value(*q);
                if (pad || last < 0)
                        return false;
                n++;
        }
        if (pad > 2 || (n + pad) % 4 != 0)
                return false;
        return pad == 0 || (last & (pad == 1 ? 3 : 15)) == 0;
}

/* LoadCredential*= share one table keyed by credential ID, SetCredential*= another; an empty
 * assignment clears the table. Encrypted entries imply a TPM device entry (see exposure_load). */
void exposure_parse_credential(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e)
{
        (void) d;
        bool load = startswith(e->key, "Load");
        bool encrypted = strstr(e->key, "Encrypted") != NULL;
        struct exposure_credentials *t = load ? &c->load_credentials : &c->set_credentials;
        if (!*e->value) {
                t->n = 0;
                return;
        }
        const char *colon = strchr(e->value, ':');
        if (!load && !colon)
                return; /* SetCredential= needs ID:DATA */
        const char *id = colon ? arena_strndup(c->arena, e->value, (size_t) (colon - e->value))
                               : arena_strdup(c->arena, e->value);
        id = exposure_expand(c, id);
        if (!id || !*id || streq(id, ".") || streq(id, "..") || strchr(id, '/') || strlen(id) > 255)
                return; /* invalid credential name */
        if (!load && encrypted) {
                const char *data = colon + 1 + strspn(colon + 1, " \t\n\r");
                if (!*data || !exposure_base64_ok(data))
                        return;
        }
        if (load && colon && colon[1]) {
                /* the source: a normalized absolute path, or a credential name */
                const char *src = exposure_expand(c, colon + 1);
                if (!src)
                        return;
                if (src[0] == '/' ? !exposure_path_normalized(src)
                                  : (strchr(src, '/') || streq(src, ".") || streq(src, "..")))
                        return;
        }
        for (size_t i = 0; i < t->n; i++)
                if (streq(t->v[i].id, id)) {
                        t->v[i].encrypted = encrypted;
                        return;
                }
        t->v = arena_grow(c->arena, t->v, sizeof(*t->v), &t->cap, t->n + 1);
        t->v[t->n++] = (struct exposure_credential) { .id = id, .encrypted = encrypted };
}

bool exposure_credentials_encrypted(const struct exposure_credentials *t)
{
        for (size_t i = 0; i < t->n; i++)
                if (t->v[i].encrypted)
                        return true;
        return false;
}

/* DeviceAllow='s path: block-*, char-*, or a normalized path under /dev. */
static bool exposure_device_path_ok(const char *p)
{
        if (startswith(p, "block-") || startswith(p, "char-"))
                return true;
        return (exposure_path_under(p, "/dev") || exposure_path_under(p, "/run/systemd/inaccessible")) &&
               exposure_path_normalized(p);
}

void exposure_add_device(struct exposure_ctx *c, const char *entry)
{
        c->devices = arena_grow(c->arena, c->devices, sizeof(*c->devices), &c->cap_devices, c->n_devices + 1);
        c->devices[c->n_devices++] = entry;
}

void exposure_parse_device_allow(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->n_devices = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
        char *path = exposure_next_word_q(c->arena, &p, true, NULL);
        const char *expanded = path ? exposure_expand(c, path) : NULL;
        if (expanded && !startswith(expanded, "block-") && !startswith(expanded, "char-"))
                expanded = exposure_path_simplify(c->arena, expanded);
        if (!expanded || !exposure_device_path_ok(expanded))
                return;
        const char *m = p + strspn(p, " \t\n\r");
        if (!*m)
                m = "rwm";
        if (strspn(m, "rwm") != strlen(m))
                return;
        exposure_add_device(c, arena_printf(c->arena, "%s:%s%s%s", expanded, strchr(m, 'r') ? "r" : "",
                                            strchr(m, 'w') ? "w" : "", strchr(m, 'm') ? "m" : ""));
        exposure_origin_add(c, d->field, e);
}

/* One IP address prefix: family (4/6), whether its address is loopback, prefix length. */
static bool exposure_ip_parse(const char *w, int *ret_family, bool *ret_loopback, unsigned *ret_prefix)
{
        char addr[64];
        const char *slash = strchr(w, '/');
        size_t n = slash ? (size_t) (slash - w) : strlen(w);
        if (n >= sizeof(addr))
                return false;
        memcpy(addr, w, n);
        addr[n] = '\0';
        unsigned char buf[16];
        int family;
        if (inet_pton(AF_INET, addr, buf) == 1)
                family = 4;
        else if (inet_pton(AF_INET6, addr, buf) == 1)
                family = 6;
        else
                return false;
        unsigned max = family == 4 ? 32 : 128, prefix = max;
        if (slash) {
                uint64_t v;
                if (!exposure_parse_uint(slash + 1, 10, max, &v))
                        return false;
                prefix = (unsigned) v;
        }
        /* The stored address is masked to its prefix. */
        for (unsigned bit = prefix; bit < max; bit++)
                buf[bit / 8] &= (unsigned char) ~(0x80u >> (bit % 8));
        bool loop;
        if (family == 4)
                loop = buf[0] == 127;
        else {
                loop = buf[15] == 1;
                for (int i = 0; i < 15; i++)
                        loop = loop && buf[i] == 0;
        }
        *ret_family = family;
        *ret_loopback = loop;
        *ret_prefix = prefix;
        return true;
}

void exposure_parse_ip(struct exposure_ctx *c, const struct exposure_directive *d,
                       const struct unit_entry *e)
{
        bool deny = streq(e->key, "IPAddressDeny");
        const char *p = e->value;
        if (!*p) {
                if (deny)
                        c->deny_any4 = c->deny_any6 = false;
                else
                        c->allow_localhost = c->allow_other = false;
                exposure_origin_add(c, d->field, e);
                return;
        }
        for (char *w; (w = exposure_next_word_q(c->arena, &p, false, NULL));) {
                static const struct {
                        const char *name;
                        const char *v4, *v6;
                } special[] = {
                        { .name = "any", .v4 = "0.0.0.0/0", .v6 = "::/0" },
                        { .name = "localhost", .v4 = "127.0.0.0/8", .v6 = "::1/128" },
                        { .name = "link-local", .v4 = "169.254.0.0/16", .v6 = "fe80::/64" },
                        { .name = "multicast", .v4 = "224.0.0.0/4", .v6 = "ff00::/8" },
                };
                const char *list[2] = { w, NULL };
                for (size_t i = 0; i < ARRAY_SIZE(special); i++)
                        if (streq(w, special[i].name)) {
                                list[0] = special[i].v4;
                                list[1] = special[i].v6;
                        }
                for (size_t i = 0; i < 2 && list[i]; i++) {
                        int family;
                        bool loop;
                        unsigned prefix;
                        if (!exposure_ip_parse(list[i], &family, &loop, &prefix))
                                continue;
                        if (deny) {
                                if (prefix == 0 && family == 4)
                                        c->deny_any4 = true;
                                if (prefix == 0 && family == 6)
                                        c->deny_any6 = true;
                        } else if (loop)
                                c->allow_localhost = true;
                        else
                                c->allow_other = true;
                }
        }
        exposure_origin_add(c, d->field, e);
}

void exposure_parse_ip_filter(struct exposure_ctx *c, const struct exposure_directive *d,
                              const struct unit_entry *e)
{
        bool *slot = streq(e->key, "IPIngressFilterPath") ? &c->ip_ingress : &c->ip_egress;
        const char *v = *e->value ? exposure_expand(c, e->value) : "";
        if (!*e->value)
                *slot = false; /* empty clears the list */
        else if (v && v[0] == '/')
                *slot = true;
        else
                return; /* "path is not absolute, ignoring", or a bad specifier */
        exposure_origin_add(c, d->field, e);
}

/* exposure.c - `systemd-analyze security --offline=true` reimplemented on the unit model.
 *
 * Three steps, as in systemd: load (interpret each directive the checks depend on the way
 * systemd's parsers do, then apply the load-time side effects), assess (one rule per check
 * table row, exposure_checks.c), and sum with round-up division. Rendering reproduces
 * systemd's table (sorted by description descending, then name, with glibc's merge sort) and
 * its JSON rows.
 */
#include "prelude.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <strings.h>

#include "arena.h"
#include "exposure.h"
#include "exposure_checks.h"
#include "strbuf.h"
#include "syscall_groups.h"
#include "unit.h"

#define EXPOSURE_CAP_ALL UINT64_MAX
#define EXPOSURE_NS_ALL (EXPOSURE_NS_CGROUP | EXPOSURE_NS_IPC | EXPOSURE_NS_NET | EXPOSURE_NS_NS | \
                         EXPOSURE_NS_PID | EXPOSURE_NS_USER | EXPOSURE_NS_UTS)
#define EXPOSURE_NS_INITIAL UINT64_MAX
#define EXPOSURE_DIV_ROUND_UP(a, b) (((a) + (b) - 1) / (b))

/* ---- version profiles ---- */

struct exposure_profile {
        unsigned version;
        bool private_mounts_on_by_default; /* v254+: unset PrivateMounts= reads as true offline */
        bool enum_private_settings;        /* v257: PrivateTmp=connected ... count as on */
        const char *credential_device;     /* device entry implied by encrypted credentials */
};

static const struct exposure_profile exposure_profiles[] = {
        { .version = 252, .credential_device = "/dev/tpmrm0:rw" },
        { .version = 254, .private_mounts_on_by_default = true, .credential_device = "char-tpm:rw" },
        { .version = 257, .private_mounts_on_by_default = true, .enum_private_settings = true,
          .credential_device = "char-tpm:rw" },
};

/* ---- names systemd's parsers know ---- */

static const char *const exposure_cap_names[_EXPOSURE_CAP_MAX] = {
        "cap_chown", "cap_dac_override", "cap_dac_read_search", "cap_fowner", "cap_fsetid",
        "cap_kill", "cap_setgid", "cap_setuid", "cap_setpcap", "cap_linux_immutable",
        "cap_net_bind_service", "cap_net_broadcast", "cap_net_admin", "cap_net_raw",
        "cap_ipc_lock", "cap_ipc_owner", "cap_sys_module", "cap_sys_rawio", "cap_sys_chroot",
        "cap_sys_ptrace", "cap_sys_pacct", "cap_sys_admin", "cap_sys_boot", "cap_sys_nice",
        "cap_sys_resource", "cap_sys_time", "cap_sys_tty_config", "cap_mknod", "cap_lease",
        "cap_audit_write", "cap_audit_control", "cap_setfcap", "cap_mac_override",
        "cap_mac_admin", "cap_syslog", "cap_wake_alarm", "cap_block_suspend", "cap_audit_read",
        "cap_perfmon", "cap_bpf", "cap_checkpoint_restore",
};

struct exposure_name_flag {
        const char *name;
        uint64_t flag;
};

static const struct exposure_name_flag exposure_namespaces[] = {
        { "cgroup", EXPOSURE_NS_CGROUP }, { "ipc", EXPOSURE_NS_IPC }, { "net", EXPOSURE_NS_NET },
        { "mnt", EXPOSURE_NS_NS },        { "pid", EXPOSURE_NS_PID }, { "user", EXPOSURE_NS_USER },
        { "uts", EXPOSURE_NS_UTS },
};

/* Address families af_from_name() knows, with their numbers. */
static const struct exposure_name_flag exposure_families[] = {
        { "AF_UNSPEC", 0 },     { "AF_UNIX", 1 },       { "AF_LOCAL", 1 },      { "AF_INET", 2 },
        { "AF_AX25", 3 },       { "AF_IPX", 4 },        { "AF_APPLETALK", 5 },  { "AF_NETROM", 6 },
        { "AF_BRIDGE", 7 },     { "AF_ATMPVC", 8 },     { "AF_X25", 9 },        { "AF_INET6", 10 },
        { "AF_ROSE", 11 },      { "AF_DECnet", 12 },    { "AF_NETBEUI", 13 },   { "AF_SECURITY", 14 },
        { "AF_KEY", 15 },       { "AF_NETLINK", 16 },   { "AF_ROUTE", 16 },     { "AF_PACKET", 17 },
        { "AF_ASH", 18 },       { "AF_ECONET", 19 },    { "AF_ATMSVC", 20 },    { "AF_RDS", 21 },
        { "AF_SNA", 22 },       { "AF_IRDA", 23 },      { "AF_PPPOX", 24 },     { "AF_WANPIPE", 25 },
        { "AF_LLC", 26 },       { "AF_IB", 27 },        { "AF_MPLS", 28 },      { "AF_CAN", 29 },
        { "AF_TIPC", 30 },      { "AF_BLUETOOTH", 31 }, { "AF_IUCV", 32 },      { "AF_RXRPC", 33 },
        { "AF_ISDN", 34 },      { "AF_PHONET", 35 },    { "AF_IEEE802154", 36 }, { "AF_CAIF", 37 },
        { "AF_ALG", 38 },       { "AF_NFC", 39 },       { "AF_VSOCK", 40 },     { "AF_KCM", 41 },
        { "AF_QIPCRTR", 42 },   { "AF_SMC", 43 },       { "AF_XDP", 44 },       { "AF_MCTP", 45 },
};

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

struct exposure_origin {
        const struct unit_entry **v;
        size_t n, cap;
};

struct exposure_ctx {
        struct arena *arena;
        const char *id;
        const struct exposure_profile *profile;
        const struct syscall_table *sc;
        bool exec, cgroup, service; /* which contexts the unit type has */

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
        size_t n_exec_start;
        bool exec_stop, success_action, remain_after_exit, bus_name, pam;
        const char *type, *restart, *kill_mode;

        bool load_credentials_encrypted, set_credentials_encrypted;
        bool fatal;        /* the last parser call failed fatally */
        const char *error; /* set: systemd refuses to load the unit */
        struct exposure_origin origin[_EXPOSURE_FIELD_MAX];
};

static void exposure_origin_set(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e)
{
        c->origin[f].n = 0;
        if (!e)
                return;
        struct exposure_origin *o = &c->origin[f];
        o->v = arena_grow(c->arena, o->v, sizeof(*o->v), &o->cap, 1);
        o->v[o->n++] = e;
}

static void exposure_origin_add(struct exposure_ctx *c, enum exposure_field f, const struct unit_entry *e)
{
        struct exposure_origin *o = &c->origin[f];
        o->v = arena_grow(c->arena, o->v, sizeof(*o->v), &o->cap, o->n + 1);
        o->v[o->n++] = e;
}

/* ---- small parsers ---- */

static int exposure_parse_boolean(const char *v)
{
        static const char *const yes[] = { "1", "yes", "y", "true", "t", "on" };
        static const char *const no[] = { "0", "no", "n", "false", "f", "off" };
        for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
                if (strcasecmp(v, yes[i]) == 0)
                        return 1;
                if (strcasecmp(v, no[i]) == 0)
                        return 0;
        }
        return -1;
}

/* n may be SIZE_MAX for a NULL-terminated list. */
static bool exposure_in_list(const char *v, const char *const *list, size_t n)
{
        for (size_t i = 0; i < n && list[i]; i++)
                if (streq(v, list[i]))
                        return true;
        return false;
}

/* Splits at blanks; returns the next word (arena copy) or NULL. Quotes are removed the way
 * extract_first_word(EXTRACT_UNQUOTE) does for the simple cases. */
static char *exposure_next_word(struct arena *a, const char **p)
{
        const char *s = *p + strspn(*p, " \t\n\r");
        if (!*s) {
                *p = s;
                return NULL;
        }
        struct strbuf w = STRBUF_INIT;
        char quote = 0;
        for (; *s; s++) {
                if (quote) {
                        if (*s == quote)
                                quote = 0;
                        else
                                strbuf_putc(&w, *s);
                } else if (*s == '"' || *s == '\'')
                        quote = *s;
                else if (strchr(" \t\n\r", *s))
                        break;
                else
                        strbuf_putc(&w, *s);
        }
        *p = s;
        char *r = arena_strdup(a, strbuf_str(&w));
        strbuf_free(&w);
        return r;
}

static bool exposure_parse_uint(const char *s, unsigned base, uint64_t max, uint64_t *ret)
{
        if (!*s)
                return false;
        uint64_t v = 0;
        for (; *s; s++) {
                unsigned d;
                if (*s >= '0' && *s <= '9')
                        d = (unsigned) (*s - '0');
                else
                        return false;
                if (d >= base)
                        return false;
                v = v * base + d;
                if (v > max)
                        return false;
        }
        *ret = v;
        return true;
}

/* Unit name parts for specifiers: "pre-fix@inst.type". */
static void exposure_unescape(struct strbuf *b, const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                if (s[i] == '-')
                        strbuf_putc(b, '/');
                else if (s[i] == '\\' && i + 3 < n + 0 && s[i + 1] == 'x') {
                        char hex[3] = { s[i + 2], s[i + 3], 0 };
                        strbuf_putc(b, (char) strtol(hex, NULL, 16));
                        i += 3;
                } else
                        strbuf_putc(b, s[i]);
        }
}

/* Expands the specifiers unit_full_printf() knows for names; NULL on an unknown one. */
static const char *exposure_expand(struct exposure_ctx *c, const char *v)
{
        if (!strchr(v, '%'))
                return v;
        const char *id = c->id, *at = strchr(id, '@'), *dot = strrchr(id, '.');
        const char *pend = at ? at : dot;
        struct strbuf b = STRBUF_INIT;
        for (const char *s = v; *s; s++) {
                if (*s != '%') {
                        strbuf_putc(&b, *s);
                        continue;
                }
                s++;
                const char *dash;
                switch (*s) {
                case '\0':
                        strbuf_putc(&b, '%');
                        s--;
                        break;
                case '%':
                        strbuf_putc(&b, '%');
                        break;
                case 'n':
                        strbuf_puts(&b, id);
                        break;
                case 'N':
                        strbuf_add(&b, id, (size_t) (dot - id));
                        break;
                case 'p':
                        strbuf_add(&b, id, (size_t) (pend - id));
                        break;
                case 'P':
                        exposure_unescape(&b, id, (size_t) (pend - id));
                        break;
                case 'i':
                        if (at)
                                strbuf_add(&b, at + 1, (size_t) (dot - at - 1));
                        break;
                case 'I':
                        if (at)
                                exposure_unescape(&b, at + 1, (size_t) (dot - at - 1));
                        break;
                case 'j':
                case 'J':
                        dash = pend;
                        while (dash > id && dash[-1] != '-')
                                dash--;
                        if (*s == 'j')
                                strbuf_add(&b, dash, (size_t) (pend - dash));
                        else
                                exposure_unescape(&b, dash, (size_t) (pend - dash));
                        break;
                case 'u':
                case 'g':
                        strbuf_puts(&b, "root");
                        break;
                case 'U':
                case 'G':
                        strbuf_puts(&b, "0");
                        break;
                default:
                        strbuf_free(&b);
                        return NULL;
                }
        }
        char *r = arena_strdup(c->arena, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* valid_user_group_name(VALID_USER_RELAX | VALID_USER_ALLOW_NUMERIC). */
static bool exposure_valid_user(const char *u)
{
        uint64_t n;
        if (!*u)
                return false;
        if (exposure_parse_uint(u, 10, UINT64_MAX, &n))
                return n < UINT32_MAX && n != 65535;
        if (u[0] == '-' && exposure_parse_uint(u + 1, 10, UINT64_MAX, &n))
                return false;
        if (streq(u, ".") || streq(u, "..") || strchr(u, ':') || strchr(u, '/'))
                return false;
        if (strchr(" \t", u[0]) || strchr(" \t", u[strlen(u) - 1]))
                return false;
        for (const unsigned char *p = (const unsigned char *) u; *p; p++)
                if (*p < ' ' || *p == 0x7f)
                        return false;
        return strlen(u) <= 255;
}

/* The strict rule DynamicUser= applies to the name it derives from the unit. */
static bool exposure_valid_user_strict(const char *u)
{
        if (!*u || strlen(u) > 31 || (u[0] >= '0' && u[0] <= '9') || u[0] == '-')
                return false;
        for (const char *p = u; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '_' || *p == '-'))
                        return false;
        return true;
}

/* ---- directive parsers ---- */

struct exposure_directive;
typedef void (*exposure_parser)(struct exposure_ctx *c, const struct exposure_directive *d,
                                const struct unit_entry *e);

enum exposure_context {
        EXPOSURE_CTX_UNIT,    /* [Unit] */
        EXPOSURE_CTX_EXEC,    /* [Service], [Socket], [Mount], [Swap] */
        EXPOSURE_CTX_CGROUP,  /* the above and [Slice], [Scope] */
        EXPOSURE_CTX_SERVICE, /* [Service] only */
};

struct exposure_directive {
        const char *key;
        enum exposure_context context;
        exposure_parser parse;
        enum exposure_field field;
        const char *const *values; /* enums: the accepted values, NULL-terminated */
        bool enum_default_on_empty;
};

/* A parser's fatal error: the unit fails to load when it is in the fragment; in a drop-in,
 * systemd stops reading that drop-in (silently) and goes on. */
static void exposure_fatal(struct exposure_ctx *c, const struct unit_entry *e, const char *what)
{
        c->fatal = true;
        if (c->error)
                return;
        c->error = arena_printf(c->arena, "%s:%u: %s: %s\n%s: Unit configuration has fatal error, "
                                "unit will not be started.", e->file ? e->file : c->id, e->line, what,
                                e->value, c->id);
}

static void exposure_parse_bool(struct exposure_ctx *c, const struct exposure_directive *d,
                                const struct unit_entry *e)
{
        int r = exposure_parse_boolean(e->value);
        if (r < 0 && d->values && c->profile->enum_private_settings &&
            exposure_in_list(e->value, d->values, SIZE_MAX))
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

static void exposure_parse_delegate(struct exposure_ctx *c, const struct exposure_directive *d,
                                    const struct unit_entry *e)
{
        if (!c->service)
                return; /* only services and scopes can delegate */
        int r = exposure_parse_boolean(e->value);
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
static void exposure_parse_enum(struct exposure_ctx *c, const struct exposure_directive *d,
                                const struct unit_entry *e)
{
        const char **slot = exposure_enum_field(c, d->field);
        if (d->enum_default_on_empty) {
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

static void exposure_parse_user(struct exposure_ctx *c, const struct exposure_directive *d,
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

static void exposure_parse_groups(struct exposure_ctx *c, const struct exposure_directive *d,
                                  const struct unit_entry *e)
{
        if (!*e->value) {
                c->n_groups = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
        const char *p = e->value;
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
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

static void exposure_parse_umask(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e)
{
        uint64_t m;
        if (!exposure_parse_uint(e->value, 8, 07777, &m))
                return;
        c->umask = (unsigned) m;
        exposure_origin_set(c, d->field, e);
}

static bool exposure_cap_from_name(const char *w, unsigned *ret)
{
        uint64_t n;
        if (exposure_parse_uint(w, 10, 63, &n)) {
                *ret = (unsigned) n;
                return true;
        }
        for (unsigned i = 0; i < _EXPOSURE_CAP_MAX; i++)
                if (strcasecmp(w, exposure_cap_names[i]) == 0) {
                        *ret = i;
                        return true;
                }
        return false;
}

static void exposure_parse_caps(struct exposure_ctx *c, const struct exposure_directive *d,
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
}

static void exposure_parse_namespaces(struct exposure_ctx *c, const struct exposure_directive *d,
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
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
                size_t i;
                for (i = 0; i < ARRAY_SIZE(exposure_namespaces); i++)
                        if (streq(w, exposure_namespaces[i].name))
                                break;
                if (i == ARRAY_SIZE(exposure_namespaces))
                        return; /* one bad name voids the line */
                flags |= exposure_namespaces[i].flag;
        }
        if (c->namespaces == EXPOSURE_NS_INITIAL) {
                c->namespaces = invert ? ~flags & EXPOSURE_NS_ALL : flags;
                exposure_origin_set(c, d->field, e);
        } else {
                c->namespaces = invert ? c->namespaces & ~flags : c->namespaces | flags;
                exposure_origin_add(c, d->field, e);
        }
}

static void exposure_parse_families(struct exposure_ctx *c, const struct exposure_directive *d,
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
        for (char *w; (w = exposure_next_word(c->arena, &p));)
                for (size_t i = 0; i < ARRAY_SIZE(exposure_families); i++)
                        if (streq(w, exposure_families[i].name)) {
                                uint64_t bit = UINT64_C(1) << exposure_families[i].flag;
                                if (!invert == c->af_allow_list)
                                        c->af |= bit;
                                else
                                        c->af &= ~bit;
                                break;
                        }
        exposure_origin_add(c, d->field, e);
}

static void exposure_parse_archs(struct exposure_ctx *c, const struct exposure_directive *d,
                                 const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->archs = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
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

static bool exposure_errno_valid(const char *s)
{
        uint64_t n;
        if (exposure_in_list(s, exposure_errnos, ARRAY_SIZE(exposure_errnos)))
                return true;
        return exposure_parse_uint(s, 10, 4095, &n);
}

static void exposure_parse_syscalls(struct exposure_ctx *c, const struct exposure_directive *d,
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
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
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
        }
        exposure_origin_add(c, d->field, e);
}

static void exposure_parse_string(struct exposure_ctx *c, const struct exposure_directive *d,
                                  const struct unit_entry *e)
{
        const char *v = *e->value ? exposure_expand(c, e->value) : NULL;
        if (*e->value && (!v || v[0] != '/')) {
                exposure_fatal(c, e, "path is not absolute");
                return;
        }
        if (streq(e->key, "RootDirectory"))
                c->root_directory = v;
        else
                c->root_image = v;
        exposure_origin_add(c, d->field, e);
}

static void exposure_parse_mount_images(struct exposure_ctx *c, const struct exposure_directive *d,
                                        const struct unit_entry *e)
{
        (void) d;
        c->mount_images = *e->value != '\0';
}

static void exposure_parse_credential(struct exposure_ctx *c, const struct exposure_directive *d,
                                      const struct unit_entry *e)
{
        (void) d;
        /* LoadCredential*= share one table and SetCredential*= another; empty clears it. */
        bool load = startswith(e->key, "Load");
        bool encrypted = strstr(e->key, "Encrypted") != NULL;
        bool *slot = load ? &c->load_credentials_encrypted : &c->set_credentials_encrypted;
        if (!*e->value)
                *slot = false;
        else if (encrypted)
                *slot = true;
}

static bool exposure_device_path_ok(const char *p)
{
        if (startswith(p, "block-") || startswith(p, "char-"))
                return true;
        if (!startswith(p, "/dev/"))
                return false;
        /* path_is_normalized(): no "." or ".." components, no "//". */
        return !strstr(p, "//") && !strstr(p, "/./") && !strstr(p, "/../") &&
               !(strlen(p) >= 2 && streq(p + strlen(p) - 2, "/.")) &&
               !(strlen(p) >= 3 && streq(p + strlen(p) - 3, "/.."));
}

static void exposure_add_device(struct exposure_ctx *c, const char *entry)
{
        c->devices = arena_grow(c->arena, c->devices, sizeof(*c->devices), &c->cap_devices, c->n_devices + 1);
        c->devices[c->n_devices++] = entry;
}

static void exposure_parse_device_allow(struct exposure_ctx *c, const struct exposure_directive *d,
                                        const struct unit_entry *e)
{
        const char *p = e->value;
        if (!*p) {
                c->n_devices = 0;
                exposure_origin_set(c, d->field, e);
                return;
        }
        char *path = exposure_next_word(c->arena, &p);
        const char *expanded = path ? exposure_expand(c, path) : NULL;
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

static void exposure_parse_ip(struct exposure_ctx *c, const struct exposure_directive *d,
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
        for (char *w; (w = exposure_next_word(c->arena, &p));) {
                static const struct {
                        const char *name;
                        const char *v4, *v6;
                } special[] = {
                        { "any", "0.0.0.0/0", "::/0" },
                        { "localhost", "127.0.0.0/8", "::1/128" },
                        { "link-local", "169.254.0.0/16", "fe80::/64" },
                        { "multicast", "224.0.0.0/4", "ff00::/8" },
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

static void exposure_parse_ip_filter(struct exposure_ctx *c, const struct exposure_directive *d,
                                     const struct unit_entry *e)
{
        bool *slot = streq(e->key, "IPIngressFilterPath") ? &c->ip_ingress : &c->ip_egress;
        *slot = *e->value == '/' || (*e->value && *slot);
        if (!*e->value)
                *slot = false;
        exposure_origin_add(c, d->field, e);
}

/* ExecStart= and what service_verify() checks. */
static void exposure_parse_service(struct exposure_ctx *c, const struct exposure_directive *d,
                                   const struct unit_entry *e)
{
        (void) d;
        const char *k = e->key, *v = e->value;
        if (streq(k, "ExecStart"))
                c->n_exec_start = *v ? c->n_exec_start + 1 : 0;
        else if (streq(k, "ExecStop"))
                c->exec_stop = *v != '\0';
        else if (streq(k, "SuccessAction"))
                c->success_action = *v && !streq(v, "none");
        else if (streq(k, "RemainAfterExit")) {
                int r = exposure_parse_boolean(v);
                if (r >= 0)
                        c->remain_after_exit = r;
        } else if (streq(k, "Type")) {
                static const char *const types[] = { "simple", "exec", "forking", "oneshot",
                                                     "dbus", "notify", "idle" };
                if (exposure_in_list(v, types, ARRAY_SIZE(types)))
                        c->type = v;
        } else if (streq(k, "Restart")) {
                static const char *const restarts[] = { "no", "on-success", "on-failure",
                                                        "on-abnormal", "on-watchdog", "on-abort",
                                                        "always" };
                if (exposure_in_list(v, restarts, ARRAY_SIZE(restarts)))
                        c->restart = v;
        } else if (streq(k, "BusName"))
                c->bus_name = *v != '\0';
        else if (streq(k, "PAMName"))
                c->pam = *v != '\0';
        else if (streq(k, "KillMode")) {
                static const char *const modes[] = { "control-group", "process", "mixed", "none" };
                if (exposure_in_list(v, modes, ARRAY_SIZE(modes)))
                        c->kill_mode = v;
        }
}

static const char *const exposure_protect_home[] = { "no", "yes", "read-only", "tmpfs", NULL };
static const char *const exposure_protect_system[] = { "no", "yes", "full", "strict", NULL };
static const char *const exposure_protect_proc[] = { "default", "noaccess", "invisible", "ptraceable", NULL };
static const char *const exposure_proc_subset[] = { "all", "pid", NULL };
static const char *const exposure_keyring[] = { "inherit", "private", "shared", NULL };
static const char *const exposure_notify[] = { "none", "main", "exec", "all", NULL };
static const char *const exposure_device_policy[] = { "auto", "closed", "strict", NULL };
static const char *const exposure_private_tmp_v257[] = { "connected", "disconnected", NULL };
static const char *const exposure_private_users_v257[] = { "self", "identity", NULL };
static const char *const exposure_protect_cgroups_v257[] = { "private", "strict", NULL };

#define BOOL_DIRECTIVE(k, ctx, f) { .key = k, .context = ctx, .parse = exposure_parse_bool, .field = f }

static const struct exposure_directive exposure_directives[] = {
        BOOL_DIRECTIVE("DefaultDependencies", EXPOSURE_CTX_UNIT, EXPOSURE_FIELD_DEFAULT_DEPENDENCIES),
        BOOL_DIRECTIVE("DynamicUser", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_DYNAMIC_USER),
        BOOL_DIRECTIVE("PrivateDevices", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_DEVICES),
        BOOL_DIRECTIVE("PrivateMounts", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_MOUNTS),
        BOOL_DIRECTIVE("PrivateNetwork", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_NETWORK),
        { .key = "PrivateTmp", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_TMP, .values = exposure_private_tmp_v257 },
        { .key = "PrivateUsers", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_USERS, .values = exposure_private_users_v257 },
        { .key = "ProtectControlGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PROTECT_CONTROL_GROUPS, .values = exposure_protect_cgroups_v257 },
        BOOL_DIRECTIVE("ProtectKernelModules", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_MODULES),
        BOOL_DIRECTIVE("ProtectKernelTunables", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_TUNABLES),
        BOOL_DIRECTIVE("ProtectKernelLogs", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_LOGS),
        BOOL_DIRECTIVE("ProtectClock", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_CLOCK),
        BOOL_DIRECTIVE("ProtectHostname", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_HOSTNAME),
        BOOL_DIRECTIVE("LockPersonality", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_LOCK_PERSONALITY),
        BOOL_DIRECTIVE("MemoryDenyWriteExecute", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_MEMORY_DENY_WRITE_EXECUTE),
        BOOL_DIRECTIVE("NoNewPrivileges", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_NO_NEW_PRIVILEGES),
        BOOL_DIRECTIVE("RemoveIPC", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_REMOVE_IPC),
        BOOL_DIRECTIVE("RestrictRealtime", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_REALTIME),
        BOOL_DIRECTIVE("RestrictSUIDSGID", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_SUID_SGID),
        { .key = "Delegate", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_delegate,
          .field = EXPOSURE_FIELD_DELEGATE },
        { .key = "User", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = EXPOSURE_FIELD_USER },
        { .key = "Group", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = _EXPOSURE_FIELD_MAX },
        { .key = "SupplementaryGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_groups,
          .field = EXPOSURE_FIELD_SUPPLEMENTARY_GROUPS },
        { .key = "ProtectHome", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_HOME, .values = exposure_protect_home,
          .enum_default_on_empty = true },
        { .key = "ProtectSystem", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_SYSTEM, .values = exposure_protect_system,
          .enum_default_on_empty = true },
        { .key = "ProtectProc", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_PROC, .values = exposure_protect_proc },
        { .key = "ProcSubset", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROC_SUBSET, .values = exposure_proc_subset },
        { .key = "KeyringMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_KEYRING_MODE, .values = exposure_keyring },
        { .key = "NotifyAccess", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_NOTIFY_ACCESS, .values = exposure_notify },
        { .key = "UMask", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_umask,
          .field = EXPOSURE_FIELD_UMASK },
        { .key = "CapabilityBoundingSet", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET },
        { .key = "AmbientCapabilities", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_AMBIENT_CAPABILITIES },
        { .key = "RestrictNamespaces", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_namespaces,
          .field = EXPOSURE_FIELD_RESTRICT_NAMESPACES },
        { .key = "RestrictAddressFamilies", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_families,
          .field = EXPOSURE_FIELD_ADDRESS_FAMILIES },
        { .key = "SystemCallArchitectures", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_archs,
          .field = EXPOSURE_FIELD_SYSCALL_ARCHITECTURES },
        { .key = "SystemCallFilter", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_syscalls,
          .field = EXPOSURE_FIELD_SYSCALL_FILTER },
        { .key = "RootDirectory", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_string,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "RootImage", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_string,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "MountImages", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_mount_images },
        { .key = "LoadCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "LoadCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SetCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SetCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "DevicePolicy", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW, .values = exposure_device_policy },
        { .key = "DeviceAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_device_allow,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW },
        { .key = "IPAddressDeny", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPAddressAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPIngressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPEgressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "ExecStart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "ExecStop", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "Type", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "Restart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "RemainAfterExit", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "BusName", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "PAMName", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "KillMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "SuccessAction", .context = EXPOSURE_CTX_UNIT, .parse = exposure_parse_service },
};

static const struct exposure_directive *exposure_directive_find(const char *key)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_directives); i++)
                if (streq(exposure_directives[i].key, key))
                        return &exposure_directives[i];
        return NULL;
}

/* ---- load ---- */

struct exposure_type {
        const char *suffix;
        const char *section; /* the type's own section */
        bool exec, cgroup;
};

static const struct exposure_type exposure_types[] = {
        { .suffix = ".service", .section = "Service", .exec = true, .cgroup = true },
        { .suffix = ".socket", .section = "Socket", .exec = true, .cgroup = true },
        { .suffix = ".mount", .section = "Mount", .exec = true, .cgroup = true },
        { .suffix = ".swap", .section = "Swap", .exec = true, .cgroup = true },
        { .suffix = ".slice", .section = "Slice", .cgroup = true },
        { .suffix = ".scope", .section = "Scope", .cgroup = true },
};

static const struct exposure_type *exposure_type_of(const char *id)
{
        const char *dot = strrchr(id, '.');
        for (size_t i = 0; dot && i < ARRAY_SIZE(exposure_types); i++)
                if (streq(dot, exposure_types[i].suffix))
                        return &exposure_types[i];
        return NULL;
}

struct exposure_item {
        const struct unit_entry *e;
        bool unit_section;
        bool dropin;
        const char *base; /* the file's base name: drop-ins apply in this order */
        size_t seq;       /* position in the model */
};

static int exposure_item_cmp(const void *x, const void *y)
{
        const struct exposure_item *a = x, *b = y;
        if (a->dropin != b->dropin)
                return a->dropin ? 1 : -1;
        if (a->dropin) {
                int r = strcmp(a->base, b->base);
                if (r)
                        return r;
        }
        if (a->e->file && b->e->file && a->e->line != b->e->line)
                return a->e->line < b->e->line ? -1 : 1;
        return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool exposure_is_dropin(const char *file)
{
        size_t n = file ? strlen(file) : 0;
        return n > 5 && streq(file + n - 5, ".conf");
}

static void exposure_apply_entry(struct exposure_ctx *c, const struct unit_entry *e, bool unit_section)
{
        const struct exposure_directive *d = exposure_directive_find(e->key);
        if (d) {
                bool ok;
                switch (d->context) {
                case EXPOSURE_CTX_UNIT:
                        ok = unit_section;
                        break;
                case EXPOSURE_CTX_EXEC:
                        ok = !unit_section && c->exec;
                        break;
                case EXPOSURE_CTX_CGROUP:
                        ok = !unit_section && c->cgroup;
                        break;
                default:
                        ok = !unit_section && c->service;
                        break;
                }
                if (ok)
                        d->parse(c, d, e);
        }
}

/* Applies the model's entries in load order (fragment by line, then each drop-in), with
 * systemd's handling of fatal parse errors. Returns -1 when the unit fails to load. */
static int exposure_apply(struct exposure_ctx *c, const struct unit_file *u, const char *type_section)
{
        size_t n = 0, seq = 0;
        for (size_t i = 0; i < u->n; i++)
                n += u->sections[i].n;
        struct exposure_item *items = xmalloc((n + 1) * sizeof(*items));
        n = 0;
        for (size_t i = 0; i < u->n; i++) {
                const struct unit_section *s = &u->sections[i];
                bool unit_section = streq(s->name, "Unit");
                if (!unit_section && !(type_section && streq(s->name, type_section)))
                        continue;
                for (size_t j = 0; j < s->n; j++) {
                        const struct unit_entry *e = &s->entries[j];
                        const char *slash = e->file ? strrchr(e->file, '/') : NULL;
                        items[n++] = (struct exposure_item) {
                                .e = e, .unit_section = unit_section, .dropin = exposure_is_dropin(e->file),
                                .base = slash ? slash + 1 : e->file ? e->file : "", .seq = seq++,
                        };
                }
        }
        qsort(items, n, sizeof(*items), exposure_item_cmp);
        const char *truncated = NULL;
        int r = 0;
        for (size_t i = 0; i < n; i++) {
                if (truncated && items[i].e->file && streq(items[i].e->file, truncated))
                        continue;
                c->fatal = false;
                exposure_apply_entry(c, items[i].e, items[i].unit_section);
                if (!c->fatal)
                        continue;
                if (!items[i].dropin) {
                        r = -1;
                        break;
                }
                truncated = items[i].e->file;
                c->error = NULL;
        }
        free(items);
        return r;
}

/* service_verify(): the settings that make systemd refuse a service. */
static const char *exposure_verify_service(const struct exposure_ctx *c)
{
        const char *type = c->type;
        if (!type)
                type = c->bus_name ? "dbus" : c->n_exec_start ? "simple" : "oneshot";
        bool oneshot = streq(type, "oneshot");
        if (!c->n_exec_start && !c->exec_stop && !c->success_action)
                return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
        if (!oneshot && !c->n_exec_start)
                return "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
        if (!c->remain_after_exit && !c->n_exec_start && !c->success_action)
                return "Service has no ExecStart= and no SuccessAction= settings and does not have "
                       "RemainAfterExit=yes set. Refusing.";
        if (!oneshot && c->n_exec_start > 1)
                return "Service has more than one ExecStart= setting, which is only allowed for "
                       "Type=oneshot services. Refusing.";
        if (oneshot && c->restart && (streq(c->restart, "always") || streq(c->restart, "on-success")))
                return "Service has Restart= set to either always or on-success, which isn't allowed "
                       "for Type=oneshot services. Refusing.";
        if (streq(type, "dbus") && !c->bus_name)
                return "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.";
        if (c->pam && c->kill_mode && !streq(c->kill_mode, "control-group") && !streq(c->kill_mode, "mixed"))
                return "Service has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.";
        return NULL;
}

static int exposure_load(struct exposure_ctx *c, const struct unit_file *u, const struct exposure_options *opt)
{
        const struct exposure_type *t = exposure_type_of(u->name);
        c->arena = u->arena;
        c->id = u->name;
        c->exec = t && t->exec;
        c->cgroup = t && t->cgroup;
        c->service = t && streq(t->suffix, ".service");
        c->b[EXPOSURE_FIELD_DEFAULT_DEPENDENCIES] = true;
        c->cap_bounding = EXPOSURE_CAP_ALL;
        c->namespaces = EXPOSURE_NS_INITIAL;
        c->sf = arena_alloc(c->arena, c->sc->n_names);
        if (c->exec) {
                c->protect_home = "no";
                c->protect_system = "no";
                c->protect_proc = "default";
                c->proc_subset = "all";
                c->umask = opt->user ? opt->user_umask : 0022;
                c->keyring_mode = opt->user ? "inherit" : c->service ? "private" : "shared";
        } else
                c->umask = 0002;
        if (c->service)
                c->notify_access = "none";
        if (c->cgroup)
                c->device_policy = "auto";

        if (exposure_apply(c, u, t ? t->section : NULL) < 0)
                return -1;
        if (c->service) {
                const char *why = exposure_verify_service(c);
                if (why) {
                        c->error = arena_printf(c->arena, "%s: %s", c->id, why);
                        return -1;
                }
        }
        if (!c->exec)
                return 0;

        /* Load-time side effects (unit_patch_contexts), in systemd's order. */
        static const struct {
                enum exposure_field field;
                uint64_t caps;
        } drops[] = {
                { EXPOSURE_FIELD_PRIVATE_DEVICES, (UINT64_C(1) << EXPOSURE_CAP_MKNOD) |
                                                  (UINT64_C(1) << EXPOSURE_CAP_SYS_RAWIO) },
                { EXPOSURE_FIELD_PROTECT_KERNEL_MODULES, UINT64_C(1) << EXPOSURE_CAP_SYS_MODULE },
                { EXPOSURE_FIELD_PROTECT_KERNEL_LOGS, UINT64_C(1) << EXPOSURE_CAP_SYSLOG },
                { EXPOSURE_FIELD_PROTECT_CLOCK, (UINT64_C(1) << EXPOSURE_CAP_SYS_TIME) |
                                                (UINT64_C(1) << EXPOSURE_CAP_WAKE_ALARM) },
        };
        for (size_t i = 0; i < ARRAY_SIZE(drops); i++)
                if (c->b[drops[i].field]) {
                        c->cap_bounding &= ~drops[i].caps;
                        for (size_t k = 0; k < c->origin[drops[i].field].n; k++)
                                exposure_origin_add(c, EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET,
                                                    c->origin[drops[i].field].v[k]);
                }
        if (c->b[EXPOSURE_FIELD_DYNAMIC_USER]) {
                const struct exposure_origin *du = &c->origin[EXPOSURE_FIELD_DYNAMIC_USER];
                const struct unit_entry *e = du->n ? du->v[du->n - 1] : NULL;
                if (!c->user) {
                        const char *id = c->id, *end = strchr(id, '@');
                        if (!end)
                                end = strrchr(id, '.');
                        char *prefix = arena_strndup(c->arena, id, (size_t) (end - id));
                        c->user = exposure_valid_user_strict(prefix) ? prefix : "_du";
                        exposure_origin_set(c, EXPOSURE_FIELD_USER, e);
                }
                static const enum exposure_field forced[] = {
                        EXPOSURE_FIELD_PRIVATE_TMP, EXPOSURE_FIELD_REMOVE_IPC,
                        EXPOSURE_FIELD_NO_NEW_PRIVILEGES, EXPOSURE_FIELD_RESTRICT_SUID_SGID,
                };
                for (size_t i = 0; i < ARRAY_SIZE(forced); i++) {
                        c->b[forced[i]] = true;
                        exposure_origin_set(c, forced[i], e);
                }
                c->protect_system = "strict";
                exposure_origin_set(c, EXPOSURE_FIELD_PROTECT_SYSTEM, e);
                if (streq(c->protect_home, "no")) {
                        c->protect_home = "read-only";
                        exposure_origin_set(c, EXPOSURE_FIELD_PROTECT_HOME, e);
                }
        }
        if (c->cgroup) {
                if (c->b[EXPOSURE_FIELD_PRIVATE_DEVICES] && streq(c->device_policy, "auto"))
                        c->device_policy = "closed";
                if (!streq(c->device_policy, "auto") || c->n_devices > 0) {
                        if (c->root_image || c->mount_images) {
                                static const char *const loop[] = {
                                        "/dev/loop-control:rw", "/dev/mapper/control:rw",
                                        "block-loop:rwm", "block-blkext:rwm", "block-device-mapper:rwm",
                                };
                                for (size_t i = 0; i < ARRAY_SIZE(loop); i++)
                                        exposure_add_device(c, loop[i]);
                        }
                        if (c->b[EXPOSURE_FIELD_PROTECT_CLOCK])
                                exposure_add_device(c, "char-rtc:r");
                        if (c->load_credentials_encrypted || c->set_credentials_encrypted)
                                exposure_add_device(c, c->profile->credential_device);
                }
        }
        if (c->profile->private_mounts_on_by_default && !c->private_mounts_set)
                c->b[EXPOSURE_FIELD_PRIVATE_MOUNTS] = true;
        return 0;
}

/* ---- assess ---- */

static bool exposure_privileged(const struct exposure_ctx *c)
{
        if (c->user && (streq(c->user, "0") || streq(c->user, "root")))
                return true;
        if (c->b[EXPOSURE_FIELD_DYNAMIC_USER])
                return false;
        return !c->user || !*c->user;
}

/* The first syscall of a group the filter lets through (recursing into nested groups),
 * skipping names without a native number; NULL if none. */
static const char *exposure_syscall_offender(const struct exposure_ctx *c, int group)
{
        const struct syscall_table *t = c->sc;
        const struct syscall_group *g = &t->groups[group];
        for (size_t i = 0; i < g->n_members; i++) {
                int m = g->members[i];
                if (m < 0) {
                        const char *r = exposure_syscall_offender(c, -m - 1);
                        if (r)
                                return r;
                        continue;
                }
                if (!t->resolvable[m])
                        continue;
                bool in_set = c->sf_allow_list ? c->sf[m] == 1 : c->sf[m] != 0;
                if (in_set == c->sf_allow_list)
                        return t->names[m];
        }
        return NULL;
}

static bool exposure_syscall_filter_empty(const struct exposure_ctx *c)
{
        for (size_t i = 0; i < c->sc->n_names; i++)
                if (c->sf[i])
                        return false;
        return true;
}

static bool exposure_empty_or_root(const char *p)
{
        if (!p)
                return true;
        return strspn(p, "/") == strlen(p);
}

static uint64_t exposure_assess_row(const struct exposure_ctx *c, const struct exposure_check *k,
                                    const char **ret_desc)
{
        struct arena *a = c->arena;
        *ret_desc = NULL;
        switch (k->assess) {
        case EXPOSURE_ASSESS_BOOL:
                return c->b[k->field] == k->inverted;
        case EXPOSURE_ASSESS_USER:
                if (c->user && streq(c->user, "nobody")) {
                        *ret_desc = "Service runs under as 'nobody' user, which should not be used for services";
                        return 9;
                }
                if (c->b[EXPOSURE_FIELD_DYNAMIC_USER] && !(c->user && (streq(c->user, "0") || streq(c->user, "root")))) {
                        *ret_desc = "Service runs under a transient non-root user identity";
                        return 0;
                }
                if (c->user && *c->user && !streq(c->user, "0") && !streq(c->user, "root")) {
                        *ret_desc = "Service runs under a static non-root user identity";
                        return 0;
                }
                return 10;
        case EXPOSURE_ASSESS_SUPPLEMENTARY_GROUPS:
                return exposure_privileged(c) ? EXPOSURE_NA : c->n_groups > 0;
        case EXPOSURE_ASSESS_REMOVE_IPC:
                return exposure_privileged(c) ? EXPOSURE_NA : !c->b[EXPOSURE_FIELD_REMOVE_IPC];
        case EXPOSURE_ASSESS_PROTECT_HOME: {
                const char *v = c->protect_home ? c->protect_home : "";
                if (streq(v, "yes")) {
                        *ret_desc = "Service has no access to home directories";
                        return 0;
                }
                if (streq(v, "read-only")) {
                        *ret_desc = "Service has read-only access to home directories";
                        return 5;
                }
                if (streq(v, "tmpfs")) {
                        *ret_desc = "Service has access to fake empty home directories";
                        return 1;
                }
                *ret_desc = "Service has full access to home directories";
                return 10;
        }
        case EXPOSURE_ASSESS_PROTECT_SYSTEM: {
                const char *v = c->protect_system ? c->protect_system : "";
                if (streq(v, "strict")) {
                        *ret_desc = "Service has strict read-only access to the OS file hierarchy";
                        return 0;
                }
                if (streq(v, "full")) {
                        *ret_desc = "Service has very limited write access to the OS file hierarchy";
                        return 3;
                }
                if (streq(v, "yes")) {
                        *ret_desc = "Service has limited write access to the OS file hierarchy";
                        return 5;
                }
                *ret_desc = "Service has full access to the OS file hierarchy";
                return 10;
        }
        case EXPOSURE_ASSESS_ROOT_DIRECTORY:
                return exposure_empty_or_root(c->root_directory) && exposure_empty_or_root(c->root_image);
        case EXPOSURE_ASSESS_CAPABILITY_BOUNDING_SET:
                return (c->cap_bounding & k->param) != 0;
        case EXPOSURE_ASSESS_AMBIENT_CAPABILITIES:
                return c->cap_ambient != 0;
        case EXPOSURE_ASSESS_UMASK: {
                static const struct {
                        unsigned bit;
                        uint64_t badness;
                        const char *text;
                } rules[] = {
                        { 0002, 10, "Files created by service are world-writable by default" },
                        { 0004, 5, "Files created by service are world-readable by default" },
                        { 0020, 2, "Files created by service are group-writable by default" },
                        { 0040, 1, "Files created by service are group-readable by default" },
                };
                for (size_t i = 0; i < ARRAY_SIZE(rules); i++)
                        if (!(c->umask & rules[i].bit)) {
                                *ret_desc = rules[i].text;
                                return rules[i].badness;
                        }
                *ret_desc = "Files created by service are accessible only by service's own user by default";
                return 0;
        }
        case EXPOSURE_ASSESS_KEYRING_MODE:
                return !(c->keyring_mode && streq(c->keyring_mode, "private"));
        case EXPOSURE_ASSESS_PROTECT_PROC: {
                const char *v = c->protect_proc ? c->protect_proc : "";
                if (streq(v, "noaccess"))
                        return 1;
                if (streq(v, "invisible") || streq(v, "ptraceable"))
                        return 0;
                return 3;
        }
        case EXPOSURE_ASSESS_PROC_SUBSET:
                return !(c->proc_subset && streq(c->proc_subset, "pid"));
        case EXPOSURE_ASSESS_NOTIFY_ACCESS:
                return c->notify_access && streq(c->notify_access, "all");
        case EXPOSURE_ASSESS_RESTRICT_NAMESPACES:
                return (c->namespaces & k->param) != 0;
        case EXPOSURE_ASSESS_SYSCALL_ARCHITECTURES:
                if (!c->archs) {
                        *ret_desc = "Service may execute system calls with all ABIs";
                        return 10;
                }
                if (c->archs == 1) {
                        *ret_desc = "Service may execute system calls only with native ABI";
                        return 0;
                }
                *ret_desc = "Service may execute system calls with multiple ABIs";
                return 8;
        case EXPOSURE_ASSESS_SYSCALL_FILTER: {
                if (!c->sf_allow_list && exposure_syscall_filter_empty(c)) {
                        *ret_desc = "Service does not filter system calls";
                        return 10;
                }
                int g = syscall_table_group(c->sc, k->group);
                const char *off = g >= 0 ? exposure_syscall_offender(c, g) : NULL;
                if (c->sf_allow_list) {
                        if (off) {
                                *ret_desc = arena_printf(a, "System call allow list defined for service, and %s "
                                                         "is included (e.g. %s is allowed)", k->group, off);
                                return 9;
                        }
                        *ret_desc = arena_printf(a, "System call allow list defined for service, and %s is "
                                                 "not included", k->group);
                        return 0;
                }
                if (off) {
                        *ret_desc = arena_printf(a, "System call deny list defined for service, and %s is "
                                                 "not included (e.g. %s is allowed)", k->group, off);
                        return 10;
                }
                *ret_desc = arena_printf(a, "System call deny list defined for service, and %s is included",
                                         k->group);
                return 0;
        }
        case EXPOSURE_ASSESS_IP_ADDRESS:
                if (c->ip_ingress || c->ip_egress) {
                        *ret_desc = "Service defines custom ingress/egress IP filters with BPF programs";
                        return 0;
                }
                if (!(c->deny_any4 && c->deny_any6)) {
                        *ret_desc = "Service does not define an IP address allow list";
                        return 10;
                }
                if (c->allow_other) {
                        *ret_desc = "Service defines IP address allow list with non-localhost entries";
                        return 5;
                }
                if (c->allow_localhost) {
                        *ret_desc = "Service defines IP address allow list with only localhost entries";
                        return 2;
                }
                *ret_desc = "Service blocks all IP address ranges";
                return 0;
        case EXPOSURE_ASSESS_DEVICE_ALLOW:
                if (c->device_policy && (streq(c->device_policy, "strict") || streq(c->device_policy, "closed"))) {
                        if (c->n_devices) {
                                struct strbuf b = STRBUF_INIT;
                                strbuf_puts(&b, "Service has a device ACL with some special devices: ");
                                for (size_t i = c->n_devices; i-- > 0;) {
                                        strbuf_puts(&b, c->devices[i]);
                                        if (i)
                                                strbuf_putc(&b, ' ');
                                }
                                *ret_desc = arena_strdup(a, strbuf_str(&b));
                                strbuf_free(&b);
                                return 5;
                        }
                        *ret_desc = "Service has a minimal device ACL";
                        return 0;
                }
                *ret_desc = "Service has no device ACL";
                return 10;
        }
        return 0;
}

/* Which loaded setting decided a row, for exposure_row.why. */
static enum exposure_field exposure_row_field(const struct exposure_check *k)
{
        static const enum exposure_field by_assessor[] = {
                [EXPOSURE_ASSESS_USER] = EXPOSURE_FIELD_USER,
                [EXPOSURE_ASSESS_SUPPLEMENTARY_GROUPS] = EXPOSURE_FIELD_SUPPLEMENTARY_GROUPS,
                [EXPOSURE_ASSESS_REMOVE_IPC] = EXPOSURE_FIELD_REMOVE_IPC,
                [EXPOSURE_ASSESS_PROTECT_HOME] = EXPOSURE_FIELD_PROTECT_HOME,
                [EXPOSURE_ASSESS_PROTECT_SYSTEM] = EXPOSURE_FIELD_PROTECT_SYSTEM,
                [EXPOSURE_ASSESS_ROOT_DIRECTORY] = EXPOSURE_FIELD_ROOT_DIRECTORY,
                [EXPOSURE_ASSESS_CAPABILITY_BOUNDING_SET] = EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET,
                [EXPOSURE_ASSESS_AMBIENT_CAPABILITIES] = EXPOSURE_FIELD_AMBIENT_CAPABILITIES,
                [EXPOSURE_ASSESS_UMASK] = EXPOSURE_FIELD_UMASK,
                [EXPOSURE_ASSESS_KEYRING_MODE] = EXPOSURE_FIELD_KEYRING_MODE,
                [EXPOSURE_ASSESS_PROTECT_PROC] = EXPOSURE_FIELD_PROTECT_PROC,
                [EXPOSURE_ASSESS_PROC_SUBSET] = EXPOSURE_FIELD_PROC_SUBSET,
                [EXPOSURE_ASSESS_NOTIFY_ACCESS] = EXPOSURE_FIELD_NOTIFY_ACCESS,
                [EXPOSURE_ASSESS_RESTRICT_NAMESPACES] = EXPOSURE_FIELD_RESTRICT_NAMESPACES,
                [EXPOSURE_ASSESS_SYSCALL_ARCHITECTURES] = EXPOSURE_FIELD_SYSCALL_ARCHITECTURES,
                [EXPOSURE_ASSESS_SYSCALL_FILTER] = EXPOSURE_FIELD_SYSCALL_FILTER,
                [EXPOSURE_ASSESS_IP_ADDRESS] = EXPOSURE_FIELD_IP_ADDRESS,
                [EXPOSURE_ASSESS_DEVICE_ALLOW] = EXPOSURE_FIELD_DEVICE_ALLOW,
        };
        if (k->assess == EXPOSURE_ASSESS_BOOL) {
                if (k->field >= EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_INET &&
                    k->field <= EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_OTHER)
                        return EXPOSURE_FIELD_ADDRESS_FAMILIES;
                return k->field;
        }
        return by_assessor[k->assess];
}

/* ---- sorting: systemd's comparator under glibc's merge sort ---- */

struct exposure_sort {
        const struct exposure_row *rows;
};

/* Slot 0 is the header, slot i+1 is row i. */
static int exposure_row_cmp(const struct exposure_sort *s, size_t x, size_t y)
{
        if (x == 0 || y == 0)
                return x == y ? 0 : x == 0 ? -1 : 1;
        const struct exposure_row *a = &s->rows[x - 1], *b = &s->rows[y - 1];
        int r;
        if (a->description && b->description)
                r = strcmp(a->description, b->description);
        else if (!a->description && !b->description)
                r = 0;
        else
                r = x < y ? -1 : x > y;
        if (r)
                return r < 0 ? 1 : -1;
        r = strcmp(a->name, b->name);
        if (r)
                return r;
        return x < y ? -1 : x > y;
}

static void exposure_msort(const struct exposure_sort *s, size_t *v, size_t n, size_t *tmp)
{
        if (n <= 1)
                return;
        size_t n1 = n / 2, n2 = n - n1;
        size_t *b1 = v, *b2 = v + n1, *out = tmp;
        exposure_msort(s, b1, n1, tmp);
        exposure_msort(s, b2, n2, tmp);
        while (n1 > 0 && n2 > 0) {
                if (exposure_row_cmp(s, *b1, *b2) <= 0) {
                        *out++ = *b1++;
                        n1--;
                } else {
                        *out++ = *b2++;
                        n2--;
                }
        }
        while (n1 > 0) {
                *out++ = *b1++;
                n1--;
        }
        memcpy(v, tmp, (size_t) (out - tmp) * sizeof(*v));
}

/* ---- public ---- */

static const struct {
        unsigned threshold;
        const char *word, *glyph, *ascii;
} exposure_verdicts[] = {
        { 100, "DANGEROUS", "\U0001F922", ":-[" },
        { 90, "UNSAFE", "\U0001F628", ":-{" },
        { 75, "EXPOSED", "\U0001F641", ":-(" },
        { 50, "MEDIUM", "\U0001F610", ":-|" },
        { 10, "OK", "\U0001F642", ":-)" },
        { 1, "SAFE", "\U0001F600", ":-}" },
        { 0, "PERFECT", "\U0001F607", ":-]" },
};

const char *exposure_verdict(unsigned exposure)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_verdicts); i++)
                if (exposure >= exposure_verdicts[i].threshold)
                        return exposure_verdicts[i].word;
        return "PERFECT";
}

const char *exposure_glyph(unsigned exposure, bool ascii)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_verdicts); i++)
                if (exposure >= exposure_verdicts[i].threshold)
                        return ascii ? exposure_verdicts[i].ascii : exposure_verdicts[i].glyph;
        return "";
}

int exposure_assess(const struct unit_file *u, const struct exposure_options *opt,
                    struct exposure_report *ret)
{
        static const struct exposure_options defaults = { .systemd_version = 252 };
        if (!opt)
                opt = &defaults;
        memset(ret, 0, sizeof(*ret));
        ret->unit_name = u->name;

        unsigned version = opt->systemd_version ? opt->systemd_version : 252;
        const struct exposure_profile *profile = NULL;
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles); i++)
                if (exposure_profiles[i].version == version)
                        profile = &exposure_profiles[i];
        const struct syscall_table *sc = syscall_table_for(version);
        if (!profile || !sc) {
                ret->status = EXPOSURE_BAD_VERSION;
                ret->message = arena_printf(u->arena, "no exposure profile for systemd %u (known: 252, 254, 257)",
                                            version);
                return -1;
        }

        struct exposure_ctx c = { .profile = profile, .sc = sc };
        if (exposure_load(&c, u, opt) < 0) {
                ret->status = EXPOSURE_BAD_SETTING;
                ret->message = c.error;
                return -1;
        }

        /* Address family classes (SecurityInfo's five flags). */
        static const struct {
                enum exposure_field field;
                int family, family2;
        } classes[] = {
                { EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_INET, 2, 10 },
                { EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_UNIX, 1, 1 },
                { EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_NETLINK, 16, 16 },
                { EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_PACKET, 17, 17 },
                { EXPOSURE_FIELD_RESTRICT_ADDRESS_FAMILY_OTHER, -1, -1 },
        };
        for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
                c.b[classes[i].field] = c.af_allow_list;
        for (int af = 1; af < 64; af++) {
                if (!(c.af & (UINT64_C(1) << af)))
                        continue;
                size_t k = ARRAY_SIZE(classes) - 1;
                for (size_t i = 0; i + 1 < ARRAY_SIZE(classes); i++)
                        if (af == classes[i].family || af == classes[i].family2)
                                k = i;
                c.b[classes[k].field] = !c.af_allow_list;
        }

        for (size_t i = 0; i < exposure_n_checks; i++) {
                const struct exposure_check *k = &exposure_checks[i];
                struct exposure_row *row = &ret->rows[ret->n_rows++];
                const char *desc = NULL;
                row->name = k->id;
                row->json_field = k->json_field;
                row->weight = k->weight;
                row->range = k->range;
                if (k->default_dependencies_only && !c.b[EXPOSURE_FIELD_DEFAULT_DEPENDENCIES]) {
                        row->badness = EXPOSURE_NA;
                        desc = "Service runs in special boot phase, option is not appropriate";
                } else
                        row->badness = exposure_assess_row(&c, k, &desc);

                if (row->badness == EXPOSURE_NA) {
                        row->set = -1;
                        row->description = k->na;
                } else if (row->badness == k->range) {
                        row->set = 0;
                        row->description = k->bad;
                } else if (row->badness == 0) {
                        row->set = 1;
                        row->description = k->good;
                } else {
                        row->set = 0;
                        row->description = NULL;
                }
                if (desc)
                        row->description = desc;
                if (row->badness != EXPOSURE_NA) {
                        row->cost = EXPOSURE_DIV_ROUND_UP(row->badness * row->weight, row->range);
                        ret->badness_sum += row->cost;
                        ret->weight_sum += row->weight;
                }

                const struct exposure_origin *o = &c.origin[exposure_row_field(k)];
                for (size_t j = o->n; j-- > 0 && row->n_why < EXPOSURE_MAX_WHY;)
                        row->why[row->n_why++] = o->v[j];
        }

        for (size_t i = 0; i < ret->n_rows; i++) {
                struct exposure_row *row = &ret->rows[i];
                if (row->badness == 0 || row->badness == EXPOSURE_NA)
                        continue;
                uint64_t x = EXPOSURE_DIV_ROUND_UP(row->badness * row->weight * 100, row->range);
                row->exposure = (unsigned) EXPOSURE_DIV_ROUND_UP(x, ret->weight_sum);
                row->has_exposure = true;
        }
        ret->exposure = ret->weight_sum ? (unsigned) EXPOSURE_DIV_ROUND_UP(ret->badness_sum * 100, ret->weight_sum)
                                        : 0;
        ret->verdict = exposure_verdict(ret->exposure);

        size_t slots[EXPOSURE_MAX_ROWS + 1], tmp[EXPOSURE_MAX_ROWS + 1];
        for (size_t i = 0; i <= ret->n_rows; i++)
                slots[i] = i;
        struct exposure_sort s = { .rows = ret->rows };
        exposure_msort(&s, slots, ret->n_rows + 1, tmp);
        for (size_t i = 0, j = 0; i <= ret->n_rows; i++)
                if (slots[i] != 0)
                        ret->order[j++] = slots[i] - 1;
        return 0;
}

size_t exposure_costliest(const struct exposure_report *r, size_t *ret_idx, size_t max)
{
        size_t n = 0;
        for (size_t i = 0; i < r->n_rows; i++) {
                if (r->rows[i].badness == EXPOSURE_NA || r->rows[i].cost == 0)
                        continue;
                /* insertion into a descending list, stable for ties */
                size_t pos = n < max ? n : max;
                while (pos > 0 && r->rows[ret_idx[pos - 1]].cost < r->rows[i].cost)
                        pos--;
                if (pos >= max)
                        continue;
                size_t end = n < max ? n : max - 1;
                memmove(ret_idx + pos + 1, ret_idx + pos, (end - pos) * sizeof(*ret_idx));
                ret_idx[pos] = i;
                if (n < max)
                        n++;
        }
        return n;
}

/* ---- rendering ---- */

/* Terminal columns of a UTF-8 string: one per code point, two for wide emoji. */
static size_t exposure_width(const char *s)
{
        size_t w = 0;
        for (const unsigned char *p = (const unsigned char *) s; *p; p++)
                if ((*p & 0xc0) != 0x80)
                        w += (*p >= 0xf0) ? 2 : 1;
        return w;
}

static void exposure_pad(struct strbuf *out, size_t n)
{
        for (size_t i = 0; i < n; i++)
                strbuf_putc(out, ' ');
}

void exposure_render_text(const struct exposure_report *r, bool ascii, struct strbuf *out)
{
        enum { COLS = 4 };
        const char *header[COLS] = { "", "NAME", "DESCRIPTION", "EXPOSURE" };
        char cells[EXPOSURE_MAX_ROWS][16];
        size_t width[COLS];
        for (size_t c = 0; c < COLS; c++)
                width[c] = exposure_width(header[c]);
        const char *good = ascii ? "+" : "\u2713", *bad = ascii ? "-" : "\u2717";

        for (size_t i = 0; i < r->n_rows; i++) {
                const struct exposure_row *row = &r->rows[i];
                cells[i][0] = '\0';
                if (row->has_exposure)
                        snprintf(cells[i], sizeof(cells[i]), "%u.%u", row->exposure / 10, row->exposure % 10);
                const char *v[COLS] = { row->set < 0 ? "" : row->set ? good : bad, row->name,
                                        row->description ? row->description : "", cells[i] };
                for (size_t c = 0; c < COLS; c++) {
                        size_t w = exposure_width(v[c]);
                        if (w > width[c])
                                width[c] = w;
                }
        }
        for (size_t line = 0; line <= r->n_rows; line++) {
                const char *v[COLS];
                if (line == 0)
                        memcpy(v, header, sizeof(v));
                else {
                        size_t i = r->order[line - 1];
                        const struct exposure_row *row = &r->rows[i];
                        v[0] = row->set < 0 ? "" : row->set ? good : bad;
                        v[1] = row->name;
                        v[2] = row->description ? row->description : "";
                        v[3] = cells[i];
                }
                for (size_t c = 0; c < COLS; c++) {
                        size_t w = exposure_width(v[c]);
                        if (c > 0)
                                strbuf_putc(out, ' ');
                        if (c == COLS - 1) {
                                /* right-aligned; an empty last cell is not padded */
                                if (*v[c])
                                        exposure_pad(out, width[c] - w);
                                strbuf_puts(out, v[c]);
                        } else {
                                strbuf_puts(out, v[c]);
                                exposure_pad(out, width[c] - w);
                        }
                }
                strbuf_putc(out, '\n');
        }
        strbuf_printf(out, "\n%s Overall exposure level for %s: %u.%u %s %s\n", ascii ? "->" : "\u2192",
                      r->unit_name, r->exposure / 10, r->exposure % 10, r->verdict,
                      exposure_glyph(r->exposure, ascii));
}

static void exposure_json_string(struct strbuf *out, const char *s)
{
        if (!s) {
                strbuf_puts(out, "null");
                return;
        }
        strbuf_putc(out, '"');
        for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
                switch (*p) {
                case '"':
                        strbuf_puts(out, "\\\"");
                        break;
                case '\\':
                        strbuf_puts(out, "\\\\");
                        break;
                case '\b':
                        strbuf_puts(out, "\\b");
                        break;
                case '\f':
                        strbuf_puts(out, "\\f");
                        break;
                case '\n':
                        strbuf_puts(out, "\\n");
                        break;
                case '\r':
                        strbuf_puts(out, "\\r");
                        break;
                case '\t':
                        strbuf_puts(out, "\\t");
                        break;
                default:
                        if (*p < 0x20)
                                strbuf_printf(out, "\\u%04x", *p);
                        else
                                strbuf_putc(out, (char) *p);
                }
        }
        strbuf_putc(out, '"');
}

void exposure_render_json(const struct exposure_report *r, enum exposure_json mode, struct strbuf *out)
{
        bool pretty = mode == EXPOSURE_JSON_PRETTY;
        const char *sep = pretty ? " : " : ":";
        strbuf_puts(out, pretty ? "[\n" : "[");
        for (size_t line = 0; line < r->n_rows; line++) {
                const struct exposure_row *row = &r->rows[r->order[line]];
                char exp[16];
                snprintf(exp, sizeof(exp), "%u.%u", row->exposure / 10, row->exposure % 10);
                const char *keys[] = { "set", "name", "json_field", "description", "exposure" };
                if (line > 0)
                        strbuf_puts(out, pretty ? ",\n" : ",");
                strbuf_puts(out, pretty ? "\t{\n" : "{");
                for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
                        if (k > 0)
                                strbuf_puts(out, pretty ? ",\n" : ",");
                        if (pretty)
                                strbuf_puts(out, "\t\t");
                        exposure_json_string(out, keys[k]);
                        strbuf_puts(out, sep);
                        switch (k) {
                        case 0:
                                strbuf_puts(out, row->set < 0 ? "null" : row->set ? "true" : "false");
                                break;
                        case 1:
                                exposure_json_string(out, row->name);
                                break;
                        case 2:
                                exposure_json_string(out, row->json_field);
                                break;
                        case 3:
                                exposure_json_string(out, row->description);
                                break;
                        default:
                                exposure_json_string(out, row->has_exposure ? exp : NULL);
                        }
                }
                strbuf_puts(out, pretty ? "\n\t}" : "}");
        }
        strbuf_puts(out, pretty ? "\n]\n" : "]\n");
}

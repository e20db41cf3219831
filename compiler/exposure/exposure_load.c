/* exposure_load.c - the load step of the exposure scorer: the directives the 81 checks depend
 * on, interpreted the way systemd 252/254/257 parse them (booleans, enums, capability and
 * namespace sets, address families, syscall filters with groups and errnos, IP prefixes,
 * device lists, specifiers, fatal errors), then the load-time side effects
 * (unit_patch_contexts(): PrivateDevices=, Protect*=, DynamicUser=, device entries) and
 * service_verify()'s refusals. Table-driven: one row per directive.
 */
#include "base/prelude.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "base/arena.h"
#include "exposure/exposure.h"
#include "exposure/exposure_checks.h"
#include "exposure/exposure_load.h"
#include "base/strbuf.h"
#include "systemd/syscall_groups.h"
#include "unit/unit.h"

#define EXPOSURE_CAP_ALL UINT64_MAX
#define EXPOSURE_NS_ALL (EXPOSURE_NS_CGROUP | EXPOSURE_NS_IPC | EXPOSURE_NS_NET | EXPOSURE_NS_NS | \
                         EXPOSURE_NS_PID | EXPOSURE_NS_USER | EXPOSURE_NS_UTS)
#define EXPOSURE_NS_INITIAL UINT64_MAX

/* ---- version profiles ---- */


static const struct exposure_profile exposure_profiles[] = {
        { .version = 252, .credential_device = "/dev/tpmrm0:rw" },
        { .version = 254, .private_mounts_on_by_default = true, .credential_device = "char-tpm:rw" },
        { .version = 257, .private_mounts_on_by_default = true, .enum_private_settings = true,
          .credential_device = "char-tpm:rw" },
};

unsigned exposure_model_version(unsigned systemd)
{
        unsigned best = 0;
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles); i++)
                if (exposure_profiles[i].version <= systemd && exposure_profiles[i].version > best)
                        best = exposure_profiles[i].version;
        return best;
}

const struct exposure_profile *exposure_profile_for(unsigned version)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles); i++)
                if (exposure_profiles[i].version == version)
                        return &exposure_profiles[i];
        return NULL;
}

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
        { .name = "cgroup", .flag = EXPOSURE_NS_CGROUP },
        { .name = "ipc", .flag = EXPOSURE_NS_IPC },
        { .name = "net", .flag = EXPOSURE_NS_NET },
        { .name = "mnt", .flag = EXPOSURE_NS_NS },
        { .name = "pid", .flag = EXPOSURE_NS_PID },
        { .name = "user", .flag = EXPOSURE_NS_USER },
        { .name = "uts", .flag = EXPOSURE_NS_UTS },
};

/* Address families af_from_name() knows, with their numbers. */
static const struct exposure_name_flag exposure_families[] = {
        { .name = "AF_UNSPEC", .flag = 0 },
        { .name = "AF_UNIX", .flag = 1 },
        { .name = "AF_LOCAL", .flag = 1 },
        { .name = "AF_INET", .flag = 2 },
        { .name = "AF_AX25", .flag = 3 },
        { .name = "AF_IPX", .flag = 4 },
        { .name = "AF_APPLETALK", .flag = 5 },
        { .name = "AF_NETROM", .flag = 6 },
        { .name = "AF_BRIDGE", .flag = 7 },
        { .name = "AF_ATMPVC", .flag = 8 },
        { .name = "AF_X25", .flag = 9 },
        { .name = "AF_INET6", .flag = 10 },
        { .name = "AF_ROSE", .flag = 11 },
        { .name = "AF_DECnet", .flag = 12 },
        { .name = "AF_NETBEUI", .flag = 13 },
        { .name = "AF_SECURITY", .flag = 14 },
        { .name = "AF_KEY", .flag = 15 },
        { .name = "AF_NETLINK", .flag = 16 },
        { .name = "AF_ROUTE", .flag = 16 },
        { .name = "AF_PACKET", .flag = 17 },
        { .name = "AF_ASH", .flag = 18 },
        { .name = "AF_ECONET", .flag = 19 },
        { .name = "AF_ATMSVC", .flag = 20 },
        { .name = "AF_RDS", .flag = 21 },
        { .name = "AF_SNA", .flag = 22 },
        { .name = "AF_IRDA", .flag = 23 },
        { .name = "AF_PPPOX", .flag = 24 },
        { .name = "AF_WANPIPE", .flag = 25 },
        { .name = "AF_LLC", .flag = 26 },
        { .name = "AF_IB", .flag = 27 },
        { .name = "AF_MPLS", .flag = 28 },
        { .name = "AF_CAN", .flag = 29 },
        { .name = "AF_TIPC", .flag = 30 },
        { .name = "AF_BLUETOOTH", .flag = 31 },
        { .name = "AF_IUCV", .flag = 32 },
        { .name = "AF_RXRPC", .flag = 33 },
        { .name = "AF_ISDN", .flag = 34 },
        { .name = "AF_PHONET", .flag = 35 },
        { .name = "AF_IEEE802154", .flag = 36 },
        { .name = "AF_CAIF", .flag = 37 },
        { .name = "AF_ALG", .flag = 38 },
        { .name = "AF_NFC", .flag = 39 },
        { .name = "AF_VSOCK", .flag = 40 },
        { .name = "AF_KCM", .flag = 41 },
        { .name = "AF_QIPCRTR", .flag = 42 },
        { .name = "AF_SMC", .flag = 43 },
        { .name = "AF_XDP", .flag = 44 },
        { .name = "AF_MCTP", .flag = 45 },
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

/* Splits at blanks; returns the next word (arena copy) or NULL. With unquote, quotes are
 * removed the way extract_first_word(EXTRACT_UNQUOTE) does for the simple cases, and a word
 * with an unbalanced quote ends the list: NULL with *ret_bad set (the parsers of
 * RestrictNamespaces=, SystemCallFilter= and IPAddress*= keep quotes, and then reject the
 * word as a name). With relax, an open quote simply runs to the end of the value. */
static char *exposure_next_word_full(struct arena *a, const char **p, bool unquote, bool relax,
                                     bool *ret_bad)
{
        const char *s = *p + strspn(*p, " \t\n\r");
        if (ret_bad)
                *ret_bad = false;
        if (!*s) {
                *p = s;
                return NULL;
        }
        struct strbuf w = STRBUF_INIT;
        char quote = 0;
        bool broken = false;
        for (; *s; s++) {
                if (*s == '\\') {
                        /* an escaped character stands for itself; a final backslash is an error */
                        if (!s[1]) {
                                broken = !relax;
                                break;
                        }
                        strbuf_putc(&w, *++s);
                } else if (quote) {
                        if (*s == quote)
                                quote = 0;
                        else
                                strbuf_putc(&w, *s);
                } else if (unquote && (*s == '"' || *s == '\''))
                        quote = *s;
                else if (strchr(" \t\n\r", *s))
                        break;
                else
                        strbuf_putc(&w, *s);
        }
        if (*s == '\\')
                s++;
        *p = s;
        broken = broken || (quote && !relax);
        char *r = broken ? NULL : arena_strdup(a, strbuf_str(&w));
        if (broken && ret_bad)
                *ret_bad = true;
        strbuf_free(&w);
        return r;
}

static char *exposure_next_word_q(struct arena *a, const char **p, bool unquote, bool *ret_bad)
{
        return exposure_next_word_full(a, p, unquote, false, ret_bad);
}

static char *exposure_next_word(struct arena *a, const char **p)
{
        return exposure_next_word_q(a, p, true, NULL);
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
                else if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x') {
                        char hex[3] = { s[i + 2], s[i + 3], 0 };
                        strbuf_putc(b, (char) strtol(hex, NULL, 16));
                        i += 3;
                } else
                        strbuf_putc(b, s[i]);
        }
}

/* The value of a key in os-release ("" if absent). */
static const char *exposure_os_release(struct arena *a, const char *key)
{
        FILE *f = fopen("/etc/os-release", "re");
        if (!f)
                f = fopen("/usr/lib/os-release", "re");
        if (!f)
                return "";
        char line[512];
        const char *r = "";
        size_t k = strlen(key);
        while (fgets(line, sizeof(line), f))
                if (strncmp(line, key, k) == 0 && line[k] == '=') {
                        char *v = line + k + 1;
                        v[strcspn(v, "\n")] = '\0';
                        size_t n = strlen(v);
                        if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                                v[n - 1] = '\0';
                                v++;
                        }
                        r = arena_strdup(a, v);
                        break;
                }
        fclose(f);
        return r;
}

/* The first line of a file ("" if unreadable), without dashes when strip_dashes. */
static const char *exposure_file_line(struct arena *a, const char *path, bool strip_dashes)
{
        FILE *f = fopen(path, "re");
        char line[256] = "";
        if (f) {
                if (!fgets(line, sizeof(line), f))
                        line[0] = '\0';
                fclose(f);
        }
        line[strcspn(line, "\n")] = '\0';
        char *r = arena_strdup(a, line), *o = r;
        for (const char *q = line; *q; q++)
                if (!strip_dashes || *q != '-')
                        *o++ = *q;
        *o = '\0';
        return r;
}

/* A specifier that does not depend on the unit name; NULL if unknown. */
static const char *exposure_specifier(struct exposure_ctx *c, char x)
{
        struct arena *a = c->arena;
        const char *home = getenv("HOME"), *runtime = getenv("XDG_RUNTIME_DIR");
        bool user = c->user_scope;
        char host[256] = "";
        struct utsname un;
        switch (x) {
        case 'u':
        case 'g':
                if (!user)
                        return "root";
                {
                        struct passwd *pw = getpwuid(getuid());
                        struct group *gr = getgrgid(getgid());
                        if (x == 'u')
                                return pw ? arena_strdup(a, pw->pw_name) : arena_printf(a, "%u", (unsigned) getuid());
                        return gr ? arena_strdup(a, gr->gr_name) : arena_printf(a, "%u", (unsigned) getgid());
                }
        case 'U':
                return user ? arena_printf(a, "%u", (unsigned) getuid()) : "0";
        case 'G':
                return user ? arena_printf(a, "%u", (unsigned) getgid()) : "0";
        case 'h':
                return user && home ? home : "/root";
        case 's':
                return "/bin/sh";
        case 't':
                return user ? (runtime ? runtime : "") : "/run";
        case 'S':
                return user ? arena_printf(a, "%s/.local/state", home ? home : "") : "/var/lib";
        case 'C':
                return user ? arena_printf(a, "%s/.cache", home ? home : "") : "/var/cache";
        case 'L':
                return user ? arena_printf(a, "%s/.local/state/log", home ? home : "") : "/var/log";
        case 'E':
                return user ? arena_printf(a, "%s/.config", home ? home : "") : "/etc";
        case 'T':
                return "/tmp";
        case 'V':
                return "/var/tmp";
        case 'd':
                return arena_printf(a, "%s/credentials/%s", user ? (runtime ? runtime : "") : "/run", c->id);
        case 'H':
        case 'l':
        case 'q':
                (void) gethostname(host, sizeof(host) - 1);
                if (x == 'l')
                        host[strcspn(host, ".")] = '\0';
                return arena_strdup(a, host);
        case 'm':
                return exposure_file_line(a, "/etc/machine-id", false);
        case 'b':
                return exposure_file_line(a, "/proc/sys/kernel/random/boot_id", true);
        case 'v':
                return uname(&un) == 0 ? arena_strdup(a, un.release) : "";
        case 'a':
                return "x86-64";
        case 'o':
                return exposure_os_release(a, "ID");
        case 'w':
                return exposure_os_release(a, "VERSION_ID");
        case 'B':
                return exposure_os_release(a, "BUILD_ID");
        case 'W':
                return exposure_os_release(a, "VARIANT_ID");
        case 'A':
                return exposure_os_release(a, "IMAGE_VERSION");
        case 'M':
                return exposure_os_release(a, "IMAGE_ID");
        case 'c': /* deprecated cgroup specifiers, as offline mode expands them */
                return arena_printf(a, "/%s", c->id);
        case 'r':
        case 'R':
                return "";
        case 'y':
        case 'Y':
                return "/"; /* the fragment's path or directory: only its shape matters here */
        default:
                return NULL;
        }
}

/* Expands specifiers as unit_full_printf() does; NULL on an unknown one (a fatal error). */
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
                const char *dash, *other;
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
                case 'f':
                        strbuf_putc(&b, '/');
                        if (at && at + 1 < dot)
                                exposure_unescape(&b, at + 1, (size_t) (dot - at - 1));
                        else
                                exposure_unescape(&b, id, (size_t) (pend - id));
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
                default:
                        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) {
                                strbuf_putc(&b, '%'); /* not a specifier: kept as it is */
                                strbuf_putc(&b, *s);
                                break;
                        }
                        other = exposure_specifier(c, *s);
                        if (!other) {
                                strbuf_free(&b);
                                return NULL;
                        }
                        strbuf_puts(&b, other);
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
        if (exposure_parse_uint(u, 10, UINT64_MAX, &n)) /* a numeric ID, written canonically */
                return n < UINT32_MAX && n != 65535 && !(u[0] == '0' && u[1]);
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
        EXPOSURE_CTX_OWN,     /* the unit type's own section: [Socket], [Timer], [Mount] ... */
};

struct exposure_directive {
        const char *key;
        enum exposure_context context;
        exposure_parser parse;
        enum exposure_field field;
        const char *const *values; /* enums: the accepted values, NULL-terminated */
        bool accepts_boolean;      /* enums: "yes"/"no" spellings map to values[1]/values[0] */
};

/* A parser's fatal error: the unit fails to load when it is in the fragment; in a drop-in,
 * systemd stops reading that drop-in (silently) and goes on. */
static void exposure_fatal(struct exposure_ctx *c, const struct unit_entry *e, const char *what)
{
        c->fatal = true;
        if (c->error)
                return;
        c->error_entry = e;
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
static void exposure_parse_enum(struct exposure_ctx *c, const struct exposure_directive *d,
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
        for (char *w; (w = exposure_next_word_q(c->arena, &p, false, NULL));) {
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
                        if (strcasecmp(w, exposure_families[i].name) == 0) {
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
        }
        exposure_origin_add(c, d->field, e);
}

/* path_is_normalized(): no "//", no "." or ".." components. */
static bool exposure_path_normalized(const char *p)
{
        size_t n = strlen(p);
        if (strstr(p, "//") || strstr(p, "/./") || strstr(p, "/../") || startswith(p, "./") ||
            startswith(p, "../") || streq(p, ".") || streq(p, ".."))
                return false;
        return !((n >= 2 && streq(p + n - 2, "/.")) || (n >= 3 && streq(p + n - 3, "/..")));
}

/* path_simplify(): no repeated slashes, no "." components, no trailing slash. */
static char *exposure_path_simplify(struct arena *a, const char *p)
{
        struct strbuf b = STRBUF_INIT;
        if (*p == '/')
                strbuf_putc(&b, '/');
        while (*p) {
                p += strspn(p, "/");
                size_t n = strcspn(p, "/");
                if (n == 0)
                        break;
                if (!(n == 1 && p[0] == '.')) {
                        if (b.len > 0 && b.s[b.len - 1] != '/')
                                strbuf_putc(&b, '/');
                        strbuf_add(&b, p, n);
                }
                p += n;
        }
        char *r = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* The prefix "dir" (a whole component) of a simplified path. */
static bool exposure_path_under(const char *p, const char *dir)
{
        size_t n = strlen(dir);
        return strncmp(p, dir, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

/* RootDirectory=, RootImage=: a normalized absolute path (a fatal error otherwise), or empty. */
static void exposure_parse_root(struct exposure_ctx *c, const struct exposure_directive *d,
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

static void exposure_parse_mount_images(struct exposure_ctx *c, const struct exposure_directive *d,
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
static void exposure_parse_credential(struct exposure_ctx *c, const struct exposure_directive *d,
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

static bool exposure_credentials_encrypted(const struct exposure_credentials *t)
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

static void exposure_parse_ip_filter(struct exposure_ctx *c, const struct exposure_directive *d,
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

#define EXPOSURE_EXEC_FATAL (-1)

/* One word of a command line with quotes and backslashes, copied into a buffer of 4 KiB (longer
 * words are cut, which is enough for the checks below); *ret_unbalanced on an open quote. */
static void exposure_exec_word(const char **p, char *buf, size_t size, bool *ret_unbalanced)
{
        const char *s = *p;
        size_t n = 0;
        char quote = 0;
        for (; *s; s++) {
                char ch = *s;
                if (!quote && (ch == ' ' || ch == '\t'))
                        break;
                if (!quote && (ch == '"' || ch == '\'')) {
                        quote = ch;
                        continue;
                }
                if (quote && ch == quote) {
                        quote = 0;
                        continue;
                }
                if (ch == '\\' && s[1]) {
                        /* \s and quotes stand for themselves; any other escape leaves a
                         * backslash or a control character, which an executable path may not
                         * contain */
                        char next = *++s;
                        if (next == 's')
                                next = ' ';
                        else if (next != '"' && next != '\'' && n + 1 < size)
                                buf[n++] = '\\';
                        ch = next;
                }
                if (n + 1 < size)
                        buf[n++] = ch;
        }
        buf[n] = '\0';
        *ret_unbalanced = quote != 0;
        *p = s;
}

static bool exposure_exec_separator(const char *p)
{
        return p[0] == ';' && (p[1] == '\0' || p[1] == ' ' || p[1] == '\t');
}

/* How many commands an Exec*= line adds (commands are separated by a lone ";"), 0 when
 * systemd ignores the line, or EXPOSURE_EXEC_FATAL when it refuses the unit. */
static int exposure_exec_commands(struct exposure_ctx *c, const char *v)
{
        enum { IGNORE = 1, ARGV0 = 2, NOENV = 4, PRIV = 8, NOSETUID = 16, AMBIENT = 32 };
        const char *p = v;
        char word[4096];
        int n = 0;
        for (;;) {
                p += strspn(p, " \t");
                if (!*p)
                        return n;
                if (exposure_exec_separator(p)) {
                        p++;
                        continue;
                }
                unsigned f = 0;
                for (;; p++) {
                        if (*p == '-' && !(f & IGNORE))
                                f |= IGNORE;
                        else if (*p == '@' && !(f & ARGV0))
                                f |= ARGV0;
                        else if (*p == ':' && !(f & NOENV))
                                f |= NOENV;
                        else if (*p == '+' && !(f & (PRIV | NOSETUID | AMBIENT)))
                                f |= PRIV;
                        else if (*p == '!' && !(f & (PRIV | NOSETUID | AMBIENT)))
                                f |= NOSETUID;
                        else if (*p == '!' && !(f & (PRIV | AMBIENT)))
                                f = (f & ~(unsigned) NOSETUID) | AMBIENT;
                        else
                                break;
                }
                bool ignore = f & IGNORE, unbalanced;
                exposure_exec_word(&p, word, sizeof(word), &unbalanced);
                if (unbalanced)
                        return 0; /* "Unbalanced quoting, ignoring" */
                if (!*word)
                        return ignore ? 0 : EXPOSURE_EXEC_FATAL; /* "Empty path in command line" */
                const char *path = exposure_expand(c, word);
                if (!path || strchr(path, '\\'))
                        return ignore ? 0 : EXPOSURE_EXEC_FATAL; /* specifiers; special characters */
                size_t len = strlen(path);
                bool absolute = path[0] == '/';
                if ((!absolute && (strchr(path, '/') || streq(path, ".") || streq(path, ".."))) ||
                    path[len - 1] == '/')
                        return ignore ? 0 : EXPOSURE_EXEC_FATAL;
                if (f & ARGV0) {
                        p += strspn(p, " \t");
                        if (!*p || exposure_exec_separator(p))
                                return ignore ? 0 : EXPOSURE_EXEC_FATAL;
                }
                /* the arguments, up to a lone ";" */
                for (;;) {
                        p += strspn(p, " \t");
                        if (!*p || exposure_exec_separator(p))
                                break;
                        exposure_exec_word(&p, word, sizeof(word), &unbalanced);
                        if (unbalanced || !exposure_expand(c, word))
                                return ignore ? 0 : EXPOSURE_EXEC_FATAL;
                }
                n++;
        }
}

/* ExecStart= and what service_verify() checks. */
static void exposure_parse_service(struct exposure_ctx *c, const struct exposure_directive *d,
                                   const struct unit_entry *e)
{
        (void) d;
        const char *k = e->key, *v = e->value;
        if (streq(k, "ExecStart") || streq(k, "ExecStop")) {
                size_t *slot = streq(k, "ExecStart") ? &c->n_exec_start : &c->n_exec_stop;
                if (!*v) {
                        *slot = 0;
                        return;
                }
                int n = exposure_exec_commands(c, v);
                if (n == EXPOSURE_EXEC_FATAL)
                        exposure_fatal(c, e, "Invalid command line");
                else
                        *slot += (size_t) n;
        } else if (streq(k, "SuccessAction"))
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

/* The other command lines (ExecStartPre= ... of a service, ExecStopPre= ... of a socket):
 * scored by nothing, but parsed by the same config_parse_exec(), whose fatal errors make
 * systemd refuse the unit. d->values lists the unit types that have the key. */
static void exposure_parse_exec_other(struct exposure_ctx *c, const struct exposure_directive *d,
                                      const struct unit_entry *e)
{
        const char *dot = strrchr(c->id, '.');
        if (!dot || !exposure_in_list(dot, d->values, SIZE_MAX) || !*e->value)
                return;
        if (exposure_exec_commands(c, e->value) == EXPOSURE_EXEC_FATAL)
                exposure_fatal(c, e, "Invalid command line");
}

/* What makes a socket, timer or path unit loadable, and mount/swap/automount paths. */
static void exposure_parse_own(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e)
{
        (void) d;
        const char *k = e->key, *v = e->value;
        if (startswith(k, "Listen"))
                c->n_listen = *v ? c->n_listen + 1 : 0;
        else if (startswith(k, "OnClock") || startswith(k, "OnTimezone")) {
                int r = exposure_parse_boolean(v);
                if (r >= 0)
                        c->timer_on_change = r;
        } else if (startswith(k, "On"))
                c->n_timer = *v ? c->n_timer + 1 : 0;
        else if (startswith(k, "Path") || streq(k, "DirectoryNotEmpty")) {
                const char *x = exposure_expand(c, v);
                if (!*v)
                        c->n_paths = 0;
                else if (x && x[0] == '/')
                        c->n_paths++;
        } else if (streq(k, "What"))
                c->what = *v ? v : NULL;
        else if (streq(k, "Where"))
                c->where = *v ? exposure_expand(c, v) : NULL;
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

static const char *const exposure_exec_service[] = { ".service", NULL };
static const char *const exposure_exec_socket[] = { ".socket", NULL };
static const char *const exposure_exec_both[] = { ".service", ".socket", NULL };

#define EXEC_DIRECTIVE(k, types) { .key = k, .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_exec_other, \
                                   .values = types }
#define BOOL_DIRECTIVE(k, ctx, f) { .key = k, .context = ctx, .parse = exposure_parse_bool, .field = f }

/* Sorted by key (strcmp), for bsearch. */
static const struct exposure_directive exposure_directives[] = {
        { .key = "AmbientCapabilities", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_AMBIENT_CAPABILITIES },
        { .key = "BusName", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "CapabilityBoundingSet", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET },
        BOOL_DIRECTIVE("DefaultDependencies", EXPOSURE_CTX_UNIT, EXPOSURE_FIELD_DEFAULT_DEPENDENCIES),
        { .key = "Delegate", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_delegate,
          .field = EXPOSURE_FIELD_DELEGATE },
        { .key = "DeviceAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_device_allow,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW },
        { .key = "DevicePolicy", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW, .values = exposure_device_policy },
        { .key = "DirectoryNotEmpty", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        BOOL_DIRECTIVE("DynamicUser", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_DYNAMIC_USER),
        EXEC_DIRECTIVE("ExecCondition", exposure_exec_service),
        EXEC_DIRECTIVE("ExecReload", exposure_exec_service),
        { .key = "ExecStart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        EXEC_DIRECTIVE("ExecStartPost", exposure_exec_both),
        EXEC_DIRECTIVE("ExecStartPre", exposure_exec_both),
        { .key = "ExecStop", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        EXEC_DIRECTIVE("ExecStopPost", exposure_exec_both),
        EXEC_DIRECTIVE("ExecStopPre", exposure_exec_socket),
        { .key = "Group", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = _EXPOSURE_FIELD_MAX },
        { .key = "IPAddressAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPAddressDeny", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPEgressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPIngressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "KeyringMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_KEYRING_MODE, .values = exposure_keyring },
        { .key = "KillMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "ListenDatagram", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenFIFO", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenMessageQueue", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenNetlink", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenSequentialPacket", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenSpecial", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenStream", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenUSBFunction", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "LoadCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "LoadCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        BOOL_DIRECTIVE("LockPersonality", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_LOCK_PERSONALITY),
        BOOL_DIRECTIVE("MemoryDenyWriteExecute", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_MEMORY_DENY_WRITE_EXECUTE),
        { .key = "MountImages", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_mount_images },
        BOOL_DIRECTIVE("NoNewPrivileges", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_NO_NEW_PRIVILEGES),
        { .key = "NotifyAccess", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_NOTIFY_ACCESS, .values = exposure_notify },
        { .key = "OnActiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnBootSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnCalendar", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnClockChange", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnStartupSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnTimezoneChange", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnUnitActiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnUnitInactiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PAMName", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "PathChanged", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathExists", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathExistsGlob", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathModified", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        BOOL_DIRECTIVE("PrivateDevices", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_DEVICES),
        BOOL_DIRECTIVE("PrivateMounts", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_MOUNTS),
        BOOL_DIRECTIVE("PrivateNetwork", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_NETWORK),
        { .key = "PrivateTmp", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_TMP, .values = exposure_private_tmp_v257 },
        { .key = "PrivateUsers", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_USERS, .values = exposure_private_users_v257 },
        { .key = "ProcSubset", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROC_SUBSET, .values = exposure_proc_subset },
        BOOL_DIRECTIVE("ProtectClock", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_CLOCK),
        { .key = "ProtectControlGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PROTECT_CONTROL_GROUPS, .values = exposure_protect_cgroups_v257 },
        { .key = "ProtectHome", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_HOME, .values = exposure_protect_home,
          .accepts_boolean = true },
        BOOL_DIRECTIVE("ProtectHostname", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_HOSTNAME),
        BOOL_DIRECTIVE("ProtectKernelLogs", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_LOGS),
        BOOL_DIRECTIVE("ProtectKernelModules", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_MODULES),
        BOOL_DIRECTIVE("ProtectKernelTunables", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_TUNABLES),
        { .key = "ProtectProc", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_PROC, .values = exposure_protect_proc },
        { .key = "ProtectSystem", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_SYSTEM, .values = exposure_protect_system,
          .accepts_boolean = true },
        { .key = "RemainAfterExit", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        BOOL_DIRECTIVE("RemoveIPC", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_REMOVE_IPC),
        { .key = "Restart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "RestrictAddressFamilies", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_families,
          .field = EXPOSURE_FIELD_ADDRESS_FAMILIES },
        { .key = "RestrictNamespaces", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_namespaces,
          .field = EXPOSURE_FIELD_RESTRICT_NAMESPACES },
        BOOL_DIRECTIVE("RestrictRealtime", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_REALTIME),
        BOOL_DIRECTIVE("RestrictSUIDSGID", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_SUID_SGID),
        { .key = "RootDirectory", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_root,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "RootImage", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_root,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "SetCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SetCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SuccessAction", .context = EXPOSURE_CTX_UNIT, .parse = exposure_parse_service },
        { .key = "SupplementaryGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_groups,
          .field = EXPOSURE_FIELD_SUPPLEMENTARY_GROUPS },
        { .key = "SystemCallArchitectures", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_archs,
          .field = EXPOSURE_FIELD_SYSCALL_ARCHITECTURES },
        { .key = "SystemCallFilter", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_syscalls,
          .field = EXPOSURE_FIELD_SYSCALL_FILTER },
        { .key = "Type", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "UMask", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_umask,
          .field = EXPOSURE_FIELD_UMASK },
        { .key = "User", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = EXPOSURE_FIELD_USER },
        { .key = "What", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "Where", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
};

static int exposure_directive_cmp(const void *key, const void *elem)
{
        return strcmp(key, ((const struct exposure_directive *) elem)->key);
}

static const struct exposure_directive *exposure_directive_find(const char *key)
{
        return bsearch(key, exposure_directives, ARRAY_SIZE(exposure_directives),
                       sizeof(exposure_directives[0]), exposure_directive_cmp);
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
        { .suffix = ".timer", .section = "Timer" },
        { .suffix = ".path", .section = "Path" },
        { .suffix = ".automount", .section = "Automount" },
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
                case EXPOSURE_CTX_SERVICE:
                        ok = !unit_section && c->service;
                        break;
                default:
                        ok = !unit_section;
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
                c->error_entry = NULL;
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
        if (!c->n_exec_start && !c->n_exec_stop && !c->success_action)
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

/* unit_name_from_path(): "/mnt/a b" -> "mnt-a\\x20b" + suffix. */
static const char *exposure_name_from_path(struct arena *a, const char *path, const char *suffix)
{
        struct strbuf b = STRBUF_INIT;
        const char *p = path;
        while (*p == '/')
                p++;
        bool first = true;
        while (*p) {
                size_t n = strcspn(p, "/");
                if (!(n == 1 && p[0] == '.')) {
                        if (!first)
                                strbuf_putc(&b, '-');
                        for (size_t i = 0; i < n; i++) {
                                unsigned char ch = (unsigned char) p[i];
                                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                                    ch == ':' || ch == '_' || (ch == '.' && !(first && i == 0)))
                                        strbuf_putc(&b, (char) ch);
                                else
                                        strbuf_printf(&b, "\\x%02x", ch);
                        }
                        first = false;
                }
                p += n;
                while (*p == '/')
                        p++;
        }
        if (b.len == 0)
                strbuf_putc(&b, '-');
        strbuf_puts(&b, suffix);
        const char *r = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* unit_name_to_path(): "mnt-a\\x20b.mount" -> "/mnt/a b"; NULL where systemd fails with
 * EINVAL (a '\\' not starting "\\xNN", a leading or trailing '/', a path that is not
 * normalized: "//", "." or ".." components). */
static const char *exposure_path_from_name(struct arena *a, const char *id, const char *suffix)
{
        size_t n = strlen(id) - strlen(suffix);
        if (n == 0)
                return NULL;
        if (n == 1 && id[0] == '-')
                return "/";
        struct strbuf b = STRBUF_INIT;
        strbuf_putc(&b, '/');
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) {
                if (id[i] == '-') {
                        strbuf_putc(&b, '/');
                        continue;
                }
                if (id[i] != '\\') {
                        strbuf_putc(&b, id[i]);
                        continue;
                }
                unsigned v;
                char hex[3] = { 0 };
                ok = i + 3 < n && id[i + 1] == 'x' && isxdigit((unsigned char) id[i + 2]) &&
                     isxdigit((unsigned char) id[i + 3]);
                if (ok) {
                        memcpy(hex, id + i + 2, 2);
                        v = (unsigned) strtoul(hex, NULL, 16);
                        ok = v != 0;
                        strbuf_putc(&b, (char) v);
                        i += 3;
                }
        }
        const char *p = strbuf_str(&b);
        size_t len = b.len;
        /* leading or trailing '/' in the unescaped name; "//"; "." and ".." components */
        if (ok && (p[1] == '/' || p[len - 1] == '/' || strstr(p, "//") || strstr(p, "/./") ||
                   strstr(p, "/../") || (len >= 2 && streq(p + len - 2, "/.")) ||
                   (len >= 3 && streq(p + len - 3, "/.."))))
                ok = false;
        const char *r = ok ? arena_strdup(a, p) : NULL;
        strbuf_free(&b);
        return r;
}

/* mount_point_is_api() and mount_point_ignore() of systemd 252: no mount unit for these. */
static bool exposure_mount_point_is_api(const char *where)
{
        static const char *const api[] = {
                "/proc", "/sys", "/dev", "/sys/kernel/security", "/sys/fs/smackfs", "/dev/shm",
                "/dev/pts", "/run", "/sys/fs/cgroup", "/sys/fs/pstore", "/sys/firmware/efi/efivars",
                "/sys/fs/bpf", "/sys/fs/selinux", "/dev/console", "/proc/kmsg", "/proc/sys",
                "/proc/sys/kernel/random/boot_id",
        };
        for (size_t i = 0; i < ARRAY_SIZE(api); i++)
                if (streq(where, api[i]))
                        return true;
        return startswith(where, "/sys/fs/cgroup/") || streq(where, "/run/host") ||
               startswith(where, "/run/host/");
}

/* The verify step of the other unit types: what makes systemd refuse them. */
static const char *exposure_verify_other(const struct exposure_ctx *c, const struct exposure_type *t)
{
        if (!t)
                return NULL;
        const char *suffix = t->suffix;
        if (streq(suffix, ".socket") && !c->n_listen)
                return "Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.";
        if (streq(suffix, ".timer") && !c->n_timer && !c->timer_on_change)
                return "Timer unit lacks value setting. Refusing.";
        if (streq(suffix, ".path") && !c->n_paths)
                return "Path unit lacks path setting. Refusing.";
        if ((streq(suffix, ".mount") || streq(suffix, ".automount")) && c->where &&
            !streq(exposure_name_from_path(c->arena, c->where, suffix), c->id))
                return "Where= setting doesn't match unit name. Refusing.";
        if (streq(suffix, ".mount") && c->where && exposure_mount_point_is_api(c->where))
                return arena_printf(c->arena, "Cannot create mount unit for API file system %s. Refusing.",
                                    c->where);
        if (streq(suffix, ".mount") && !c->what && !(c->where && c->where[strspn(c->where, "/")] == '\0') &&
            !streq(c->id, "-.mount"))
                return "What= setting is missing. Refusing.";
        if (streq(suffix, ".swap") && c->what &&
            !streq(exposure_name_from_path(c->arena, c->what, suffix), c->id))
                return "Value of What= and unit name do not match, not loading.";
        return NULL;
}

int exposure_load(struct exposure_ctx *c, const struct unit_file *u, const struct exposure_options *opt)
{
        const struct exposure_type *t = exposure_type_of(u->name);
        c->arena = u->arena;
        c->id = u->name;
        c->user_scope = opt->user;
        c->exec = t && t->exec;
        c->cgroup = t && t->cgroup;
        c->service = t && streq(t->suffix, ".service");
        /* The root slice and the root mount start without default dependencies. */
        c->b[EXPOSURE_FIELD_DEFAULT_DEPENDENCIES] = !streq(u->name, "-.slice") && !streq(u->name, "-.mount");
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
        /* A mount or automount without Where= is where its name says (mount_add_extras()),
         * and a name that is no path fails the load; so does an automount on the root. */
        if (t && (streq(t->suffix, ".mount") || streq(t->suffix, ".automount"))) {
                int err = 0;
                if (!c->where && !(c->where = exposure_path_from_name(c->arena, c->id, t->suffix)))
                        err = EINVAL;
                else if (streq(t->suffix, ".automount") && c->where[strspn(c->where, "/")] == '\0')
                        err = EADDRNOTAVAIL;
                if (err) {
                        c->error = arena_printf(c->arena, "Unit %s failed to load properly, please adjust/correct "
                                                "and reload service manager: %s", c->id, strerror(err));
                        return -1;
                }
        }
        {
                const char *why = c->service ? exposure_verify_service(c) : exposure_verify_other(c, t);
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
                { .field = EXPOSURE_FIELD_PRIVATE_DEVICES,
                  .caps = (UINT64_C(1) << EXPOSURE_CAP_MKNOD) | (UINT64_C(1) << EXPOSURE_CAP_SYS_RAWIO) },
                { .field = EXPOSURE_FIELD_PROTECT_KERNEL_MODULES, .caps = UINT64_C(1) << EXPOSURE_CAP_SYS_MODULE },
                { .field = EXPOSURE_FIELD_PROTECT_KERNEL_LOGS, .caps = UINT64_C(1) << EXPOSURE_CAP_SYSLOG },
                { .field = EXPOSURE_FIELD_PROTECT_CLOCK,
                  .caps = (UINT64_C(1) << EXPOSURE_CAP_SYS_TIME) | (UINT64_C(1) << EXPOSURE_CAP_WAKE_ALARM) },
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
                        if (exposure_credentials_encrypted(&c->load_credentials) ||
                            exposure_credentials_encrypted(&c->set_credentials))
                                exposure_add_device(c, c->profile->credential_device);
                }
        }
        if (c->profile->private_mounts_on_by_default && !c->private_mounts_set)
                c->b[EXPOSURE_FIELD_PRIVATE_MOUNTS] = true;
        return 0;
}


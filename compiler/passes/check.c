/* check.c - gives each statement its meaning, checked against the tables.
 *
 * Runs in passes over the resolved statements: the early ones read the statements that
 * change how the others are read (manager, user, target); the second checks the rest. Every
 * error points at the word that is wrong and, for statements that came in through `use`,
 * names the chain of profiles. */
#include "base/prelude.h"

#include <arpa/inet.h>
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "front/ast.h"
#include "passes/check.h"
#include "front/diag.h"
#include "passes/policy.h"
#include "passes/resolve.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "systemd/target.h"
#include "systemd/versions.h"

#define CHECK_MAX_STATEMENT (256u * 1024) /* bytes of a statement's words */
#define CHECK_MAX_ITEMS 10000u            /* paths, addresses ... of one kind */

struct check_ctx {
        struct arena *arena;
        struct diag_queue *diags;
        struct policy *p;
        enum check_layout layout;
        const struct check_options *opt;
        const struct resolved_stmt *cur;
        const struct ast_stmt *first[_STMT_KIND_MAX]; /* single statements: the first seen */
        const struct ast_stmt *timeouts[2];
};

/* A diagnostic about the current statement, with the chain of `use` that brought it in. */
UC_PRINTF(4, 0) static void check_vreport(struct check_ctx *ctx, bool error, const struct loc *loc, const char *fmt,
                          va_list ap)
{
        char buf[1024];
        vsnprintf(buf, sizeof(buf), fmt, ap);
        if (error)
                diag_error(ctx->diags, loc, "%s", buf);
        else
                diag_warning(ctx->diags, loc, "%s", buf);
        resolve_note_chain(ctx->diags, ctx->cur ? ctx->cur->via : NULL);
}

UC_PRINTF(3, 4) static int check_error(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        check_vreport(ctx, true, loc, fmt, ap);
        va_end(ap);
        return -1;
}

UC_PRINTF(3, 4) static void check_warning(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        check_vreport(ctx, false, loc, fmt, ap);
        va_end(ap);
}

/* ---- value checks ---------------------------------------------------------------------- */

bool check_utf8(const char *s, size_t len)
{
        const unsigned char *p = (const unsigned char *) s, *end = p + len;
        while (p < end) {
                unsigned c = *p++;
                if (c < 0x80)
                        continue;
                unsigned n, min;
                if ((c & 0xe0) == 0xc0)
                        n = 1, min = 0x80, c &= 0x1f;
                else if ((c & 0xf0) == 0xe0)
                        n = 2, min = 0x800, c &= 0x0f;
                else if ((c & 0xf8) == 0xf0)
                        n = 3, min = 0x10000, c &= 0x07;
                else
                        return false;
                if ((size_t) (end - p) < n)
                        return false;
                for (unsigned i = 0; i < n; i++) {
                        if ((p[i] & 0xc0) != 0x80)
                                return false;
                        c = (c << 6) | (p[i] & 0x3f);
                }
                if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
                        return false;
                p += n;
        }
        return true;
}

/* systemd time spans: one or more NUMBER[UNIT] parts, e.g. 30s, 5min, 1h30min, 500ms (a bare
 * number is seconds), or infinity (UINT64_MAX). false: not a time span. */
bool check_duration_usec(const char *s, uint64_t *usec)
{
        *usec = 0;
        if (streq(s, "infinity")) {
                *usec = UINT64_MAX;
                return true;
        }
        if (!*s)
                return false;
        while (*s) {
                size_t digits = strspn(s, "0123456789");
                if (digits == 0 || digits > 9)
                        return false;
                uint64_t n = strtoull(s, NULL, 10);
                s += digits;
                size_t alpha = strspn(s, "abcdefghijklmnopqrstuvwxyz");
                const struct time_unit *u = NULL;
                for (size_t i = 0; alpha && i < time_unit_table_len; i++)
                        if (strlen(time_unit_table[i].word) == alpha && strncmp(time_unit_table[i].word, s, alpha) == 0)
                                u = &time_unit_table[i];
                if (alpha && !u)
                        return false;
                if (!alpha && *s)
                        return false;
                s += alpha;
                /* systemd refuses a span that does not fit below its "infinity", UINT64_MAX. */
                uint64_t unit = u ? u->usec : UINT64_C(1000000);
                if (n > (UINT64_MAX - 1) / unit || n * unit > UINT64_MAX - 1 - *usec)
                        return false;
                *usec += n * unit;
        }
        return true;
}

bool check_duration(const char *s)
{
        uint64_t usec;
        return check_duration_usec(s, &usec);
}

/* A permission mode or mask: three octal digits, or four with a leading 0 (no setuid,
 * setgid or sticky bits). */
static bool octal_mode(const char *s, unsigned long *ret)
{
        size_t n = strlen(s);
        if (n < 3 || n > 4 || strspn(s, "01234567") != n || (n == 4 && s[0] != '0'))
                return false;
        *ret = strtoul(s, NULL, 8);
        return true;
}

/* Sizes: NUMBER with an optional K, M, G or T (powers of 1024), or infinity. */
bool check_size(const char *s)
{
        if (streq(s, "infinity"))
                return true;
        size_t digits = strspn(s, "0123456789");
        if (digits == 0 || digits > 15 || strspn(s, "0") == digits)
                return false; /* systemd: a limit of 0 is out of range */
        s += digits;
        return !*s || (strchr("KMGT", *s) && !s[1]);
}

static bool check_ip(const char *s, int *ret_family, unsigned *ret_prefix)
{
        char buf[INET6_ADDRSTRLEN + 8];
        const char *slash = strchr(s, '/');
        size_t len = slash ? (size_t) (slash - s) : strlen(s);
        if (len >= sizeof(buf))
                return false;
        memcpy(buf, s, len);
        buf[len] = '\0';
        unsigned char addr[16];
        int family = strchr(buf, ':') ? AF_INET6 : AF_INET;
        if (inet_pton(family, buf, addr) != 1)
                return false;
        unsigned max = family == AF_INET ? 32 : 128, prefix = max;
        if (slash) {
                const char *d = slash + 1;
                if (!*d || strspn(d, "0123456789") != strlen(d) || strlen(d) > 3)
                        return false;
                prefix = (unsigned) atoi(d);
                if (prefix > max)
                        return false;
        }
        if (ret_family)
                *ret_family = family;
        if (ret_prefix)
                *ret_prefix = prefix;
        return true;
}

static const char *const address_names[] = { "any", "localhost", "link-local", "multicast" };

bool check_address(const char *s)
{
        for (size_t i = 0; i < ARRAY_SIZE(address_names); i++)
                if (streq(s, address_names[i]))
                        return true;
        return check_ip(s, NULL, NULL);
}

static const char *const unit_suffixes[] = {
        ".service", ".socket", ".target", ".device", ".mount", ".automount", ".swap",
        ".timer", ".path", ".slice", ".scope",
};

bool check_unit_name(const char *s)
{
        size_t len = strlen(s);
        if (len == 0 || len > 255)
                return false;
        /* No '\': systemd reads unit lists (After=, Wants= ...) without unquoting, so a
         * systemd-escape'd name could not be written there. */
        for (const char *p = s; *p; p++)
                if (!isalnum((unsigned char) *p) && !strchr(":-_.@", *p))
                        return false;
        const char *dot = strrchr(s, '.');
        if (!dot || dot == s)
                return false;
        /* One '@' at most, after a prefix: "foo@bar.service", "foo@.service". */
        const char *at = strchr(s, '@');
        if (at && (at == s || at > dot || strchr(at + 1, '@')))
                return false;
        for (size_t i = 0; i < ARRAY_SIZE(unit_suffixes); i++)
                if (streq(dot, unit_suffixes[i]))
                        return true;
        return false;
}

bool check_service_name(const char *name)
{
        if (!*name || strlen(name) > 200 || strchr(".-", name[0]))
                return false;
        for (const char *c = name; *c; c++) {
                if (!isalnum((unsigned char) *c) && !strchr("-_.:\\@", *c))
                        return false;
                /* '\' only as systemd-escape writes it, "\xHH": a name ending in '\' would
                 * continue the Description= line that repeats it. */
                if (*c == '\\' && !(c[1] == 'x' && isxdigit((unsigned char) c[2]) && isxdigit((unsigned char) c[3])))
                        return false;
        }
        const char *at = strchr(name, '@');
        return !at || (at != name && !strchr(at + 1, '@')); /* systemd: one '@', after the prefix */
}

bool check_user_name(const char *s)
{
        size_t len = strlen(s);
        if (len == 0 || len > 31)
                return false;
        /* A numeric id as systemd's parse_uid() takes it: no leading zero, and neither
         * 65535 nor 4294967295, which mean "no user" to the kernel and to 16-bit tools. */
        if (strspn(s, "0123456789") == len) {
                unsigned long long id = strtoull(s, NULL, 10);
                return len <= 10 && (s[0] != '0' || len == 1) && id < 4294967295ULL && id != 65535;
        }
        if (!(isalpha((unsigned char) s[0]) || s[0] == '_'))
                return false;
        for (const char *p = s + 1; *p; p++)
                if (!isalnum((unsigned char) *p) && *p != '_' && *p != '-' &&
                    !(*p == '$' && p[1] == '\0'))
                        return false;
        return true;
}

/* Words that must be one of a list: an error with a hint otherwise. */
static bool check_word_in(struct check_ctx *ctx, const struct ast_arg *arg, const char *what,
                          const char *const *list, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (streq(arg->text, list[i]))
                        return true;
        char known[512] = "";
        size_t off = 0;
        for (size_t i = 0; i < n && off < sizeof(known) - 40; i++)
                off += (size_t) snprintf(known + off, sizeof(known) - off, "%s%s", i ? ", " : "", list[i]);
        check_error(ctx, &arg->loc, "unknown %s '%s'", what, arg->text);
        diag_hint_spelling(ctx->diags, arg->text, list, n);
        diag_hint(ctx->diags, "expected one of: %s", known);
        return false;
}

/* Tables whose rows start with their word (install_table, owns_table, limit_table): the row
 * that arg names, or NULL after an error that lists the words. */
static const void *check_table_row(struct check_ctx *ctx, const struct ast_arg *arg, const char *what,
                                   const void *table, size_t n, size_t stride)
{
        const char *words[16];
        assert(n <= ARRAY_SIZE(words));
        for (size_t i = 0; i < n; i++) {
                const void *row = (const char *) table + i * stride;
                words[i] = *(const char *const *) row;
                if (streq(words[i], arg->text))
                        return row;
        }
        check_word_in(ctx, arg, what, words, n);
        return NULL;
}

/* ---- paths --------------------------------------------------------------------------- */

enum path_flags {
        PATH_HOME_OK = 1 << 0, /* ~/ allowed (user services only) */
};

/* An absolute, normalised path: no empty, '.' or '..' components, no trailing '/'. In user
 * services "~/x" becomes "%h/x". Returns the path to emit, or NULL after an error. */
static const char *check_path(struct check_ctx *ctx, const struct ast_arg *arg, unsigned flags)
{
        const char *s = arg->text;
        const char *rest = s;
        bool home = false;
        if (s[0] == '~') {
                if (s[1] != '/' && s[1] != '\0') {
                        check_error(ctx, &arg->loc, "'~user' paths are not supported; write the full path");
                        return NULL;
                }
                if (ctx->p->manager != POL_USER || !(flags & PATH_HOME_OK)) {
                        check_error(ctx, &arg->loc,
                                    ctx->p->manager != POL_USER
                                            ? "'~' paths are only for user services (`manager user`); a system service has no home folder"
                                            : "'~' is not allowed here");
                        if (ctx->p->manager != POL_USER)
                                diag_hint(ctx->diags, "write the absolute path, e.g. /home/NAME/...");
                        return NULL;
                }
                home = true;
                rest = s + 1;
                if (!*rest) {
                        check_error(ctx, &arg->loc, "'~' alone names the whole home folder; name the folder inside it");
                        return NULL;
                }
        } else if (s[0] != '/') {
                check_error(ctx, &arg->loc, "'%s' is not an absolute path (paths start with '/')", s);
                return NULL;
        }
        /* A trailing '/' names the same folder: dropped. */
        size_t len = strlen(rest);
        bool trailing = len > 1 && rest[len - 1] == '/';
        if (trailing) {
                rest = arena_strndup(ctx->arena, rest, len - 1);
                s = home ? s : rest;
        }
        /* systemd takes every path literally: a glob would name a file called '*'. */
        const char *glob = strpbrk(rest, "*?[");
        if (glob) {
                check_error(ctx, &arg->loc, "systemd does not expand '%c' in a path: '%s' would name one file of that name",
                            *glob, arg->text);
                diag_hint(ctx->diags, "name each path the service uses");
                return NULL;
        }
        for (const char *p = rest; *p;) {
                const char *q = p + 1;
                const char *e = strchr(q, '/');
                size_t n = e ? (size_t) (e - q) : strlen(q);
                if (n == 0 && (e || p != rest)) {
                        check_error(ctx, &arg->loc, "path '%s' has an empty component ('//')", s);
                        return NULL;
                }
                if (n > 255) {
                        check_error(ctx, &arg->loc, "path '%.40s...' has a component longer than 255 bytes", s);
                        return NULL;
                }
                if ((n == 1 && q[0] == '.') || (n == 2 && q[0] == '.' && q[1] == '.')) {
                        check_error(ctx, &arg->loc, "path '%s' has a '%.*s' component; write it normalised",
                                    s, (int) n, q);
                        return NULL;
                }
                if (!e)
                        break;
                p = e;
        }
        if (strlen(s) > 1024) {
                check_error(ctx, &arg->loc, "path longer than 1024 bytes");
                return NULL;
        }
        return home ? arena_printf(ctx->arena, "%%h%s", rest) : s;
}


/* ---- statements ------------------------------------------------------------------------ */

static struct pol_item item_of(struct check_ctx *ctx, const char *key, const char *value)
{
        return (struct pol_item) { .key = key, .value = value, .stmt = ctx->cur->stmt };
}

static void add(struct check_ctx *ctx, struct pol_list *l, const char *key, const char *value)
{
        struct pol_item it = item_of(ctx, key, value);
        pol_add(ctx->arena, l, &it);
}

static void relax(struct check_ctx *ctx, enum relax r)
{
        if (!ctx->p->relax_origin[r])
                ctx->p->relax_origin[r] = ctx->cur->stmt;
}

static void relax_bits(struct check_ctx *ctx, uint32_t bits)
{
        for (unsigned r = 0; r < _RELAX_MAX; r++)
                if (bits & (UINT32_C(1) << r))
                        relax(ctx, (enum relax) r);
}

/* Adds a value the list does not hold yet (lists of few distinct values: system calls). */
static void add_unique(struct check_ctx *ctx, struct pol_list *l, const char *value)
{
        for (size_t i = 0; i < l->n; i++)
                if (streq(l->items[i].value, value))
                        return;
        add(ctx, l, NULL, value);
}

static void add_words(struct check_ctx *ctx, struct pol_list *l, const char *words)
{
        if (!words)
                return;
        const char *p = words;
        while (*p) {
                size_t n = strcspn(p, " ");
                add_unique(ctx, l, arena_strndup(ctx->arena, p, n));
                p += n;
                p += strspn(p, " ");
        }
}

static int add_capability(struct check_ctx *ctx, const struct cap_info *c, const struct loc *loc)
{
        struct policy *p = ctx->p;
        if (p->manager == POL_USER) {
                check_error(ctx, loc,
                            "a user service cannot hold capability '%s': the per-user manager has no capabilities to give (the start would fail with 218/CAPABILITIES)",
                            c->name);
                diag_hint(ctx->diags,
                          "run it as a system service (`manager system` with `user NAME`), or grant the capability to user@UID.service itself");
                return -1;
        }
        if (!(p->caps & (UINT64_C(1) << c->bit))) {
                p->caps |= UINT64_C(1) << c->bit;
                p->cap_origin[c->bit] = ctx->cur->stmt;
        }
        relax_bits(ctx, c->relaxes);
        add_words(ctx, &p->syscalls, c->syscalls);
        /* Capabilities of the host cannot be held inside a user namespace. */
        relax(ctx, RELAX_HOST_USERS);
        return 0;
}

static int add_capability_names(struct check_ctx *ctx, const char *names, const struct loc *loc)
{
        if (!names)
                return 0;
        char buf[256];
        snprintf(buf, sizeof(buf), "%s", names);
        for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
                if (add_capability(ctx, cap_lookup(w), loc) < 0)
                        return -1;
        return 0;
}

static const char *const *cap_names(void)
{
        static const char *names[64];
        for (size_t i = 0; i < cap_table_len; i++)
                names[i] = cap_table[i].name;
        return names;
}

static const char *const *needs_names(void)
{
        static const char *names[64];
        for (size_t i = 0; i < needs_table_len; i++)
                names[i] = needs_table[i].word;
        return names;
}

static int single(struct check_ctx *ctx, const struct ast_stmt *s, const char *what)
{
        const struct ast_stmt **first = &ctx->first[s->kind];
        if (*first && *first != s) {
                check_error(ctx, &s->loc, "%s given twice", what);
                diag_note(ctx->diags, &(*first)->loc, "first given here");
                return -1;
        }
        *first = s;
        return 0;
}

static int want_args(struct check_ctx *ctx, const struct ast_stmt *s, size_t min, size_t max,
                     const char *usage)
{
        size_t n = ast_arg_count(s->args);
        if (n < min || n > max) {
                const struct ast_arg *extra = s->args;
                for (size_t i = 0; extra && i < max; i++)
                        extra = extra->next;
                check_error(ctx, n > max && extra ? &extra->loc : &s->loc,
                            n > max ? "too many arguments; expected: %s" : "missing argument; expected: %s",
                            usage);
                return -1;
        }
        return 0;
}

/* Strings emitted verbatim after "Key=" (Description ...): systemd would trim outer blanks
 * and join a line ending in '\' with the next, so neither may happen. */
static int check_raw_text(struct check_ctx *ctx, const struct ast_arg *arg, const char *text)
{
        size_t n = strlen(text);
        if (n == 0)
                return check_error(ctx, &arg->loc, "empty text");
        if (isspace((unsigned char) text[0]) || isspace((unsigned char) text[n - 1]))
                return check_error(ctx, &arg->loc, "text begins or ends with blanks, which systemd would drop");
        if (text[n - 1] == '\\')
                return check_error(ctx, &arg->loc, "text ends with '\\', which systemd reads as a line continuation");
        return 0;
}

static int check_description(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "description") < 0)
                return -1;
        const char *text = s->args->kind == ARG_STRING && !s->args->next
                                   ? s->args->text
                                   : ast_args_join(ctx->arena, s->args);
        if (s->args->next)
                for (const struct ast_arg *a = s->args; a; a = a->next)
                        if (a->kind == ARG_STRING)
                                return check_error(ctx, &a->loc,
                                                   "write the description as one string or as bare words, not both");
        if (check_raw_text(ctx, s->args, text) < 0)
                return -1;
        ctx->p->description = item_of(ctx, NULL, text);
        return 0;
}

static int check_documentation(struct check_ctx *ctx, const struct ast_stmt *s)
{
        /* As systemd's documentation_url_is_valid(): ASCII only, and a file: URL is absolute. */
        static const char *const schemes[] = { "http://", "https://", "file:/", "info:", "man:" };
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                bool ok = false, ascii = true;
                for (size_t i = 0; i < ARRAY_SIZE(schemes); i++)
                        if (startswith(a->text, schemes[i]) && strlen(a->text) > strlen(schemes[i]))
                                ok = true;
                for (const char *c = a->text; *c; c++)
                        ascii &= (unsigned char) *c < 0x80;
                if (!ok || !ascii || strpbrk(a->text, " \t\"'\\")) {
                        check_error(ctx, &a->loc,
                                    "'%s' is not a documentation address (http://, https://, file:, info: or man:)",
                                    a->text);
                        if (!ascii)
                                diag_hint(ctx->diags, "systemd takes only ASCII here: write other characters as %%XX");
                        else if (startswith(a->text, "file:") && !startswith(a->text, "file:/"))
                                diag_hint(ctx->diags, "a file: address names an absolute path: file:/...");
                        continue;
                }
                add(ctx, &ctx->p->documentation, NULL, a->text);
        }
        return 0;
}

static const struct { const char *sub, *key; } exec_keys[] = {
        { "exec", "ExecStart" },
        { "exec-pre", "ExecStartPre" },
        { "exec-post", "ExecStartPost" },
        { "exec-reload", "ExecReload" },
        { "exec-stop", "ExecStop" },
};

/* `exec-reload` and `reload signal` in one policy: s is the later one. */
static int two_reloads(struct check_ctx *ctx, const struct ast_stmt *s, const struct ast_stmt *other)
{
        check_error(ctx, &s->loc, "a reload command and `reload signal` are two ways to reload; keep one");
        diag_note(ctx->diags, &other->loc, "the other is here");
        return -1;
}

static int check_exec(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const char *key = NULL;
        for (size_t i = 0; i < ARRAY_SIZE(exec_keys); i++)
                if (streq(exec_keys[i].sub, s->sub))
                        key = exec_keys[i].key;
        const struct ast_arg *prog = s->args;
        if (prog->text[0] != '/') {
                if (strchr("-+!@:", prog->text[0]) && prog->text[0])
                        return check_error(ctx, &prog->loc,
                                           "'%c' prefixes are not allowed: unitc does not emit commands that escape the sandbox",
                                           prog->text[0]);
                return check_error(ctx, &prog->loc,
                                   "the program must be an absolute path, e.g. /usr/bin/%s", prog->text);
        }
        if (!check_path(ctx, prog, 0))
                return -1;
        if (prog->text[strlen(prog->text) - 1] == '/')
                return check_error(ctx, &prog->loc, "'%s' names a folder; the program is a file", prog->text);
        if (strpbrk(prog->text, "\"'\\"))
                return check_error(ctx, &prog->loc,
                                   "the program's path holds a quote or '\\', which systemd refuses in a command");
        /* systemd expands $NAME in arguments, never in the program: "$$" would name a file
         * called "$$". */
        if (strchr(prog->text, '$'))
                return check_error(ctx, &prog->loc,
                                   "the program's path holds '$': systemd does not expand variables there, so it would run a file literally named so");
        size_t argc = ast_arg_count(s->args);
        const char **argv = arena_alloc(ctx->arena, argc * sizeof(*argv));
        size_t i = 0;
        for (const struct ast_arg *a = s->args; a; a = a->next)
                argv[i++] = a->text;
        if (streq(key, "ExecReload") && ctx->p->reload_signal.value)
                return two_reloads(ctx, s, ctx->p->reload_signal.stmt);
        struct pol_item it = item_of(ctx, key, prog->text);
        it.argv = argv;
        it.argc = argc;
        pol_add(ctx->arena, &ctx->p->execs, &it);
        return 0;
}

/* `reload signal NAME`: systemctl reload sends NAME to the main process. */
static int check_reload(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "reload") < 0 || want_args(ctx, s, 2, 2, "reload signal NAME (e.g. HUP)") < 0)
                return -1;
        const struct ast_arg *how = s->args, *sig = how->next;
        static const char *const hows[] = { "signal" };
        if (!check_word_in(ctx, how, "way to reload", hows, ARRAY_SIZE(hows)))
                return -1;
        const char *name = sig->text + (strncasecmp(sig->text, "SIG", 3) == 0 ? 3 : 0);
        const char *known = NULL;
        for (size_t i = 0; i < reload_signals_len; i++)
                if (strcasecmp(name, reload_signals[i]) == 0)
                        known = reload_signals[i];
        if (!known) {
                check_word_in(ctx, sig, "reload signal", reload_signals, reload_signals_len);
                return -1;
        }
        for (size_t i = 0; i < ctx->p->execs.n; i++)
                if (streq(ctx->p->execs.items[i].key, "ExecReload"))
                        return two_reloads(ctx, s, ctx->p->execs.items[i].stmt);
        ctx->p->reload_signal = item_of(ctx, NULL, known);
        return 0;
}

/* `umask NNNN`: the file mode creation mask, looser than the default 0077 when others (a
 * group, a reader of its logs) must read what the service creates. Never lets every user
 * write, nor takes the service's own access away. */
static int check_umask(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "umask") < 0 || want_args(ctx, s, 1, 1, "umask NNNN (e.g. 0027)") < 0)
                return -1;
        const struct ast_arg *v = s->args;
        unsigned long m;
        if (!octal_mode(v->text, &m))
                return check_error(ctx, &v->loc, "'%s' is not a umask (octal, e.g. 0027)", v->text);
        if (!(m & 0002))
                return check_error(ctx, &v->loc, "umask %s lets every user write the files the service creates",
                                   v->text);
        if (m & 0700)
                return check_error(ctx, &v->loc, "umask %s takes the service's own access to its files away",
                                   v->text);
        ctx->p->umask = item_of(ctx, NULL, arena_printf(ctx->arena, "%04lo", m));
        return 0;
}

static int check_type(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "type") < 0 ||
            !check_word_in(ctx, s->args, "service type", service_type_names, service_type_names_len))
                return -1;
        ctx->p->type = item_of(ctx, NULL, s->args->text);
        return 0;
}

/* `exit-status CODE... means success|restart|stop`: exit codes 1 to 255 the manager reads as
 * a clean exit, a clean exit to restart after, or a failure not to restart after. A code has
 * one meaning. */
static int check_exit_status(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *means = NULL, *last = NULL;
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                if (a->kind == ARG_WORD && streq(a->text, "means")) {
                        means = a;
                        break;
                }
                last = a;
        }
        if (!means || !last || !means->next || means->next->next)
                return check_error(ctx, means && means->next && means->next->next ? &means->next->next->loc : &s->loc,
                                   "expected: exit-status CODE... means success|restart|stop");
        const struct exit_meaning *m = NULL;
        for (size_t i = 0; i < exit_meaning_table_len; i++)
                if (streq(exit_meaning_table[i].word, means->next->text))
                        m = &exit_meaning_table[i];
        if (!m) {
                const char *words[] = { "success", "restart", "stop" };
                check_word_in(ctx, means->next, "meaning of an exit status", words, ARRAY_SIZE(words));
                return -1;
        }
        for (const struct ast_arg *a = s->args; a != means; a = a->next) {
                size_t n = strlen(a->text);
                unsigned long code = strtoul(a->text, NULL, 10);
                if (n == 0 || n > 3 || strspn(a->text, "0123456789") != n || code < 1 || code > 255) {
                        check_error(ctx, &a->loc, "'%s' is not an exit status (1 to 255)", a->text);
                        continue;
                }
                const char *text = arena_printf(ctx->arena, "%lu", code);
                const struct pol_item *seen = NULL;
                for (size_t i = 0; i < ctx->p->exit_statuses.n; i++)
                        if (streq(ctx->p->exit_statuses.items[i].value, text))
                                seen = &ctx->p->exit_statuses.items[i];
                if (seen) {
                        check_error(ctx, &a->loc, "exit status %s is given a meaning twice", text);
                        diag_note(ctx->diags, &seen->stmt->loc, "first given here");
                        continue;
                }
                add(ctx, &ctx->p->exit_statuses, m->word, text);
        }
        return 0;
}

static int check_restart(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "restart") < 0 ||
            !check_word_in(ctx, s->args, "restart policy", restart_names, restart_names_len))
                return -1;
        ctx->p->restart = item_of(ctx, NULL, s->args->text);
        if (s->args2) {
                if (!check_duration(s->args2->text))
                        return check_error(ctx, &s->args2->loc,
                                           "'%s' is not a duration (e.g. 30s, 5min, 1h30min)", s->args2->text);
                ctx->p->restart_delay = item_of(ctx, NULL, s->args2->text);
        }
        return 0;
}

static int check_environment(struct check_ctx *ctx, const struct ast_stmt *s)
{
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                const char *eq = strchr(a->text, '=');
                size_t n = eq ? (size_t) (eq - a->text) : 0;
                bool ok = eq && n > 0 && (isalpha((unsigned char) a->text[0]) || a->text[0] == '_');
                for (size_t i = 0; ok && i < n; i++)
                        if (!isalnum((unsigned char) a->text[i]) && a->text[i] != '_')
                                ok = false;
                if (!ok) {
                        check_error(ctx, &a->loc, "'%s' is not NAME=VALUE (NAME: letters, digits and '_')",
                                    a->text);
                        continue;
                }
                const struct pol_item *prev = NULL;
                for (size_t i = 0; i < ctx->p->environment.n; i++)
                        if (strncmp(ctx->p->environment.items[i].value, a->text, n + 1) == 0)
                                prev = &ctx->p->environment.items[i];
                if (prev) {
                        check_error(ctx, &a->loc, "%.*s is set twice; systemd would keep only the last value", (int) n,
                                    a->text);
                        diag_note(ctx->diags, &prev->stmt->loc, "first set here");
                        continue;
                }
                add(ctx, &ctx->p->environment, NULL, a->text);
        }
        return 0;
}

/* WorkingDirectory= and EnvironmentFile= take the rest of the line as the path: systemd does
 * not unquote them, so a path that would need quotes cannot be written there. */
static const char *check_raw_path(struct check_ctx *ctx, const struct ast_arg *arg, const char *key)
{
        const char *path = check_path(ctx, arg, PATH_HOME_OK);
        if (path && strpbrk(path, " \t\"'\\")) {
                check_error(ctx, &arg->loc,
                            "this path holds a blank, a quote or '\\', which %s= cannot hold (systemd reads it unquoted)",
                            key);
                return NULL;
        }
        return path;
}

/* `environment-file [optional] PATH...`: the manager reads the files (the service needs no
 * access to them); an optional one may be missing, as Debian's /etc/default files are. */
static int check_environment_file(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *a = s->args;
        bool optional = a->kind == ARG_WORD && streq(a->text, "optional");
        if (optional && !(a = a->next))
                return check_error(ctx, &s->args->loc, "missing path after 'optional'");
        for (; a; a = a->next) {
                const char *path = check_raw_path(ctx, a, "EnvironmentFile");
                if (path)
                        add(ctx, &ctx->p->environment_files, NULL,
                            optional ? arena_printf(ctx->arena, "-%s", path) : path);
        }
        return 0;
}

/* `pid-file PATH`: where a forking daemon writes its main PID (PIDFile=). Whether the daemon
 * can write it is checked once every `writes` is known. */
static int check_pid_file(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "pid-file") < 0 || want_args(ctx, s, 1, 1, "pid-file PATH") < 0)
                return -1;
        const char *path = check_raw_path(ctx, s->args, "PIDFile");
        if (!path)
                return -1;
        ctx->p->pid_file = item_of(ctx, NULL, path);
        return 0;
}

static int check_working_directory(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "working-directory") < 0)
                return -1;
        const char *path = check_raw_path(ctx, s->args, "WorkingDirectory");
        if (!path)
                return -1;
        ctx->p->working_directory = item_of(ctx, NULL, path);
        return 0;
}

static bool endswith_service(const char *name)
{
        size_t n = strlen(name);
        return n > 8 && streq(name + n - 8, ".service");
}

/* NAME.service, the unit being compiled (the -o name, set later, is checked by main). */
static bool is_self(const struct check_ctx *ctx, const char *unit)
{
        size_t n = strlen(ctx->p->name);
        return strncmp(unit, ctx->p->name, n) == 0 && streq(unit + n, ".service");
}

/* An alias is a link that `systemctl enable` makes beside the units of the machine: one named
 * as a unit the machine already has would hide that unit. Said for the units of the machine
 * that compiles (the target's own are not known here). */
static void check_alias_free(struct check_ctx *ctx, const struct ast_arg *a)
{
        static const char *const system_dirs[] = { "/etc/systemd/system", "/run/systemd/system",
                                                   "/usr/lib/systemd/system", "/lib/systemd/system" };
        static const char *const user_dirs[] = { "/etc/systemd/user", "/usr/lib/systemd/user" };
        bool user = ctx->p->manager == POL_USER;
        const char *const *dirs = user ? user_dirs : system_dirs;
        size_t n = user ? ARRAY_SIZE(user_dirs) : ARRAY_SIZE(system_dirs);
        for (size_t i = 0; i < n; i++) {
                const char *path = arena_printf(ctx->arena, "%s/%s", dirs[i], a->text);
                struct stat st;
                if (lstat(path, &st) == 0) {
                        check_warning(ctx, &a->loc,
                                      "this machine has a unit %s (%s): enabling the service would hide it behind the alias",
                                      a->text, path);
                        return;
                }
        }
}

static int check_units(struct check_ctx *ctx, const struct ast_arg *args, struct pol_list *l,
                       const char *key)
{
        for (const struct ast_arg *a = args; a; a = a->next) {
                if (!check_unit_name(a->text)) {
                        check_error(ctx, &a->loc,
                                    "'%s' is not a unit name (e.g. network.target, foo.service)", a->text);
                        continue;
                }
                /* systemd fills a template's empty instance with this unit's own: "a@.service"
                 * would name a@demo.service, not what the policy says. */
                const char *at = strchr(a->text, '@');
                if (at && at[1] == '.') {
                        check_error(ctx, &a->loc, "'%s' is a template: name an instance (e.g. %.*s@NAME%s)", a->text,
                                    (int) (at - a->text), a->text, at + 1);
                        continue;
                }
                if (key && streq(key, "Alias") && !endswith_service(a->text)) {
                        check_error(ctx, &a->loc, "an alias of a service is a .service name; '%s' is not", a->text);
                        continue;
                }
                if (is_self(ctx, a->text)) {
                        check_error(ctx, &a->loc, "%s is the service itself", a->text);
                        continue;
                }
                if (key && streq(key, "Alias"))
                        check_alias_free(ctx, a);
                add(ctx, l, key, a->text);
        }
        return 0;
}

static int check_start(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, streq(s->sub, "after") ? &ctx->p->after : &ctx->p->before, NULL);
}

static int check_wants(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, &ctx->p->wants, NULL);
}

static int check_requires(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, &ctx->p->requires, NULL);
}

static int check_install(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct install_info *row = check_table_row(ctx, s->args, "install kind", install_table,
                                                         install_table_len, sizeof(*install_table));
        if (!row)
                return -1;
        const char *key = row->key;
        if (!s->args->next)
                return check_error(ctx, &s->loc, "missing unit name after '%s'", s->args->text);
        return check_units(ctx, s->args->next, &ctx->p->install, key);
}

static int check_user(struct check_ctx *ctx, const struct ast_stmt *s)
{
        struct policy *p = ctx->p;
        if (single(ctx, s, "user") < 0)
                return -1;
        p->user_stmt = s;
        if (p->manager == POL_USER) {
                check_error(ctx, &s->loc,
                            "a user service always runs as the user who owns the manager; `user` is for system services");
                return -1;
        }
        const char *name = s->args->text;
        if (streq(name, "dynamic")) {
                if (s->args2)
                        return check_error(ctx, &s->args2->loc, "a dynamic user gets its own group; drop `group`");
                p->user = POL_USER_DYNAMIC;
        } else if (streq(name, "root") || streq(name, "0")) {
                p->user = POL_USER_ROOT;
                if (s->args2 && !check_user_name(s->args2->text))
                        return check_error(ctx, &s->args2->loc, "'%s' is not a valid group name", s->args2->text);
                if (s->args2)
                        p->group_name = item_of(ctx, NULL, s->args2->text);
        } else {
                if (!check_user_name(name))
                        return check_error(ctx, &s->args->loc,
                                           "'%s' is not a valid user name (letters, digits, '_' and '-', at most 31) or id (no leading zero, not 65535)", name);
                if (s->args2 && !check_user_name(s->args2->text))
                        return check_error(ctx, &s->args2->loc, "'%s' is not a valid group name", s->args2->text);
                p->user = POL_USER_NAMED;
                p->user_name = item_of(ctx, NULL, name);
                if (streq(name, "nobody") || streq(name, "65534"))
                        check_warning(ctx, &s->args->loc,
                                      "user nobody is shared by every service that runs as nobody and owns what NFS maps to nobody: systemd warns that this is not safe");
                if (s->args2)
                        p->group_name = item_of(ctx, NULL, s->args2->text);
        }
        return 0;
}

/* A folder systemd creates (StateDirectory= and friends): no blanks, quotes, '\\', specifier
 * or variable signs, no "..", and no ':' (NAME:LINK also makes a symbolic link). */
static bool folder_name_ok(const char *t)
{
        if (strpbrk(t, " \t\\%$\"':"))
                return false;
        /* A normalised relative path: no empty, "." or ".." component. */
        for (const char *c = t;;) {
                size_t n = strcspn(c, "/");
                if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
                        return false;
                if (!c[n])
                        return true;
                c += n + 1;
        }
}

/* The row of owner_paths that path is (*ret_how 0), is inside (1), or holds (2); NULL if
 * none. A system service's /home/NAME/... and /root/... are read as a home too. */
static const struct owner_path *check_owner_path(const char *path, int *ret_how)
{
        const char *tail = NULL;
        if (startswith(path, "%h/"))
                tail = path + 2;
        else if (path_under(path, "/root") && path[5] == '/')
                tail = path + 5;
        else if (path_under(path, "/home") && path[5] == '/')
                tail = strchr(path + 6, '/') ? strchr(path + 6, '/') : ""; /* "": the whole home */
        for (size_t i = 0; i < owner_paths_len; i++) {
                const struct owner_path *o = &owner_paths[i];
                const char *candidate = o->home ? tail : path;
                const char *op = o->home ? o->path + 2 : o->path;
                if (!candidate)
                        continue;
                if (path_under(candidate, op)) {
                        *ret_how = streq(candidate, op) ? 0 : 1;
                        return o;
                }
                if (path_under(op, candidate)) {
                        *ret_how = 2;
                        return o;
                }
        }
        return NULL;
}

/* Roots that `writes` must never open whole: name the folder inside them. */
static const char *const write_roots[] = {
        "/", "/etc", "/usr", "/var", "/var/lib", "/var/cache", "/var/log", "/run", "/home",
        "/root", "/boot", "/proc", "/sys", "/dev", "/tmp", "/var/tmp", "/bin", "/sbin", "/lib",
        "/opt", "/srv",
};

/* The argument after a trailing `mode` word of `writes` or `owns`, or NULL; *end is where the
 * list of paths or names stops. */
static const struct ast_arg *mode_arg(const struct ast_arg *args, const struct ast_arg **end)
{
        *end = NULL;
        for (const struct ast_arg *a = args; a; a = a->next)
                if (a->kind == ARG_WORD && streq(a->text, "mode")) {
                        *end = a;
                        return a->next ? a->next : a;
                }
        return NULL;
}

/* `mode NNNN`: the mode systemd gives the folders it creates of one kind (one per kind:
 * RuntimeDirectoryMode= ...). The service keeps full access to its own folder, and no mode
 * lets other users write it or carries setuid, setgid or sticky bits. */
static int check_dir_mode(struct check_ctx *ctx, const struct ast_arg *mode_word, const struct ast_arg *v,
                          const struct owns_info *o)
{
        if (v == mode_word)
                return check_error(ctx, &mode_word->loc, "missing mode after 'mode' (e.g. 0750)");
        if (v->next)
                return check_error(ctx, &v->next->loc, "unexpected '%s' after the mode", v->next->text);
        unsigned long m;
        if (!octal_mode(v->text, &m))
                return check_error(ctx, &v->loc, "'%s' is not a folder mode (octal, e.g. 0750)", v->text);
        if ((m & 0700) != 0700)
                return check_error(ctx, &v->loc, "mode %s takes the service's own access to its folder away (it needs 07..)",
                                   v->text);
        if (m & 0002)
                return check_error(ctx, &v->loc, "mode %s lets every user write the folder", v->text);
        const char *key = arena_printf(ctx->arena, "%sMode", o->key);
        const char *value = arena_printf(ctx->arena, "%04lo", m);
        for (size_t i = 0; i < ctx->p->directory_modes.n; i++) {
                const struct pol_item *it = &ctx->p->directory_modes.items[i];
                if (streq(it->key, key) && !streq(it->value, value)) {
                        check_error(ctx, &v->loc, "two modes for the %s folders; systemd has one %s=", o->word, key);
                        diag_note(ctx->diags, &it->stmt->loc, "the other is here");
                        return -1;
                }
                if (streq(it->key, key))
                        return 0;
        }
        add(ctx, &ctx->p->directory_modes, key, value);
        return 0;
}

static int check_writes(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *a = s->args, *mode_word, *mode = mode_arg(s->args, &mode_word);
        const struct owns_info *mode_kind = NULL;
        bool file = false;
        if (a->kind == ARG_WORD && streq(a->text, "file")) {
                file = true;
                a = a->next;
                if (!a)
                        return check_error(ctx, &s->loc, "missing path after 'writes file'");
        }
        if (mode && file)
                return check_error(ctx, &mode_word->loc, "a mode is for the folders systemd creates, not for a file");
        for (; a && a != mode_word; a = a->next) {
                const char *path = check_path(ctx, a, PATH_HOME_OK);
                if (!path)
                        continue;
                bool root = false;
                for (size_t i = 0; i < ARRAY_SIZE(write_roots); i++)
                        if (streq(path, write_roots[i]))
                                root = true;
                if (root || streq(path, "%h")) {
                        check_error(ctx, &a->loc,
                                    "writes %s would open all of it; name the folder the service writes", a->text);
                        continue;
                }
                int how;
                const struct owner_path *owner = check_owner_path(path, &how);
                if (owner) {
                        const char *shown = owner->home ? arena_printf(ctx->arena, "~%s", owner->path + 2) : owner->path;
                        const char *rel = how == 0   ? ""
                                          : how == 1 ? arena_printf(ctx->arena, "it is inside %s, and ", shown)
                                                     : arena_printf(ctx->arena, "it holds %s, and ", shown);
                        check_error(ctx, &a->loc, "writes %s would let the service own the %s: %s%s", a->text,
                                    owner->home ? "user's session" : "machine", rel, owner->why);
                        diag_hint(ctx->diags, "a service that must write there holds the power of %s; unitc does not compile it",
                                  owner->home ? "its user" : "root");
                        continue;
                }
                if (path_under(path, "/dev")) {
                        check_error(ctx, &a->loc, "devices are not written with `writes`");
                        diag_hint(ctx->diags, "use `needs device %s rw`", path);
                        continue;
                }
                /* Under a folder systemd creates, the rest becomes StateDirectory= and friends. */
                const struct owns_info *o = NULL;
                const char *rel = NULL;
                for (size_t i = 0; !file && !o && i < owns_table_len; i++) {
                        const char *r = ctx->p->manager == POL_USER ? owns_table[i].user_root
                                                                     : owns_table[i].system_root;
                        if (r && path_under(path, r) && path[strlen(r)] == '/') {
                                o = &owns_table[i];
                                rel = path + strlen(r) + 1;
                        }
                }
                if (o && !folder_name_ok(rel)) {
                        check_error(ctx, &a->loc,
                                    "'%s' holds a blank, a quote, '\\', '%%', '$' or ':', which the folder systemd creates for it (%s=) cannot hold",
                                    a->text, o->key);
                        continue;
                }
                if (!o && !file && path_in_home(path) && strchr(path, ':')) {
                        check_error(ctx, &a->loc,
                                    "a home path cannot hold ':' (systemd reads BindPaths= as SOURCE:DESTINATION)");
                        continue;
                }
                if (mode && !o) {
                        char roots[128] = "";
                        size_t off = 0;
                        for (size_t i = 0; i < owns_table_len; i++) {
                                const char *r = ctx->p->manager == POL_USER ? owns_table[i].user_root
                                                                             : owns_table[i].system_root;
                                bool home = r && startswith(r, "%h");
                                if (r && off < sizeof(roots))
                                        off += (size_t) snprintf(roots + off, sizeof(roots) - off, "%s%s%s",
                                                                 off ? ", " : "", home ? "~" : "", home ? r + 2 : r);
                        }
                        check_error(ctx, &a->loc, "a mode is for the folders systemd creates (under %s); %s is not one",
                                    roots, a->text);
                        continue;
                }
                if (mode && mode_kind && mode_kind != o) {
                        check_error(ctx, &a->loc, "one mode for %s and %s folders; give each its own statement",
                                    mode_kind->word, o->word);
                        continue;
                }
                if (mode && check_dir_mode(ctx, mode_word, mode, o) < 0)
                        return -1;
                mode_kind = o;
                struct pol_item it = item_of(ctx, NULL, path);
                it.flag = file;
                it.loc = &a->loc;
                pol_add(ctx->arena, &ctx->p->writes, &it);
        }
        if (mode && a == s->args)
                return check_error(ctx, &mode_word->loc, "missing path before 'mode'");
        return 0;
}

static int check_path_list(struct check_ctx *ctx, const struct ast_stmt *s, struct pol_list *l)
{
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                const char *path = check_path(ctx, a, PATH_HOME_OK);
                if (!path)
                        continue;
                if (s->kind == STMT_HIDES && streq(path, "/")) {
                        check_error(ctx, &a->loc, "hiding / leaves nothing to run");
                        continue;
                }
                add(ctx, l, NULL, path);
        }
        return 0;
}

static int check_reads(struct check_ctx *ctx, const struct ast_stmt *s)
{
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                const char *path = check_path(ctx, a, PATH_HOME_OK);
                if (!path)
                        continue;
                if (path_under(path, "/dev")) {
                        check_error(ctx, &a->loc, "devices are not read with `reads`");
                        diag_hint(ctx->diags, "use `needs device %s r`", path);
                        continue;
                }
                if (path_in_home(path) && strchr(path, ':')) {
                        check_error(ctx, &a->loc,
                                    "a home path cannot hold ':' (systemd reads BindReadOnlyPaths= as SOURCE:DESTINATION)");
                        continue;
                }
                /* /proc beyond the process folders is hidden by ProcSubset=pid. */
                if (path_under(path, "/proc"))
                        relax(ctx, RELAX_PROC_FILES);
                add(ctx, &ctx->p->reads, NULL, path);
        }
        return 0;
}

static int check_executes(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_path_list(ctx, s, &ctx->p->executes);
}

static int check_hides(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_path_list(ctx, s, &ctx->p->hides);
}

static int check_owns(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct owns_info *o = check_table_row(ctx, s->args, "kind of folder", owns_table,
                                                    owns_table_len, sizeof(*owns_table));
        if (!o)
                return -1;
        const struct ast_arg *mode_word, *mode = mode_arg(s->args->next, &mode_word);
        if (!s->args->next || s->args->next == mode_word)
                return check_error(ctx, &s->loc, "missing folder name after 'owns %s'", o->word);
        if (mode && check_dir_mode(ctx, mode_word, mode, o) < 0)
                return -1;
        for (const struct ast_arg *a = s->args->next; a && a != mode_word; a = a->next) {
                const char *t = a->text;
                if (!*t || t[0] == '/' || t[0] == '~' || !folder_name_ok(t) || t[strlen(t) - 1] == '/') {
                        check_error(ctx, &a->loc,
                                    "'%s' is not a folder name relative to %s (e.g. `owns %s myservice`)",
                                    t, o->system_root, o->word);
                        if (strchr(t, ':'))
                                diag_hint(ctx->diags, "systemd reads NAME:LINK in %s= as a folder and a symbolic link to it", o->key);
                        continue;
                }
                add(ctx, &ctx->p->directories, o->key, t);
        }
        return 0;
}

static int check_needs(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *what = s->args;
        const struct needs_info *n = needs_lookup(what->text);
        if (!n) {
                check_error(ctx, &what->loc, "unknown need '%s'", what->text);
                diag_hint_spelling(ctx->diags, what->text, needs_names(), needs_table_len);
                diag_hint(ctx->diags, "see `unitc --list-needs` for every need");
                return -1;
        }
        const struct ast_arg *args = what->next;
        struct policy *p = ctx->p;
        switch (n->args) {
        case NEEDS_NO_ARGS:
                if (args)
                        return check_error(ctx, &args->loc, "`needs %s` takes no arguments", n->word);
                break;
        case NEEDS_CAPABILITIES:
                if (!args)
                        return check_error(ctx, &s->loc, "missing capability names after 'needs capability'");
                for (const struct ast_arg *a = args; a; a = a->next) {
                        const struct cap_info *c = cap_lookup(a->text);
                        if (!c) {
                                check_error(ctx, &a->loc, "unknown capability '%s'", a->text);
                                char lower[64];
                                size_t i = 0;
                                const char *t = strncasecmp(a->text, "cap_", 4) == 0 ? a->text + 4 : a->text;
                                for (; i < sizeof(lower) - 1 && t[i]; i++)
                                        lower[i] = (char) tolower((unsigned char) t[i]);
                                lower[i] = '\0';
                                diag_hint_spelling(ctx->diags, lower, cap_names(), cap_table_len);
                                continue;
                        }
                        if (add_capability(ctx, c, &a->loc) < 0)
                                return -1;
                }
                break;
        case NEEDS_SYSCALLS:
                if (!args)
                        return check_error(ctx, &s->loc, "missing system call names after 'needs syscalls'");
                for (const struct ast_arg *a = args; a; a = a->next) {
                        const struct syscall_table *known = p->target_info->profile->syscalls;
                        if (!syscall_table_knows(known, a->text)) {
                                unsigned since = sd_syscall_since(a->text);
                                if (since)
                                        check_error(ctx, &a->loc, "system call %s '%s' is not known to systemd %u (unitc knows it from systemd %u)",
                                                    a->text[0] == '@' ? "group" : "name", a->text, p->target, since);
                                else
                                        check_error(ctx, &a->loc, "unknown system call %s '%s'",
                                                    a->text[0] == '@' ? "group" : "name", a->text);
                                if (!since && a->text[0] == '@')
                                        diag_hint_spelling(ctx->diags, a->text, known->group_names, known->n_groups);
                                continue;
                        }
                        add_unique(ctx, &p->syscalls, a->text);
                }
                break;
        case NEEDS_NAMESPACES:
                if (!args)
                        return check_error(ctx, &s->loc, "missing namespace types after 'needs namespaces'");
                for (const struct ast_arg *a = args; a; a = a->next)
                        if (check_word_in(ctx, a, "namespace type", namespace_names, namespace_names_len))
                                add(ctx, &p->namespaces, NULL, a->text);
                break;
        case NEEDS_DEVICE: {
                if (!args)
                        return check_error(ctx, &s->loc, "missing device path after 'needs device'");
                const char *path = check_path(ctx, args, 0);
                if (!path)
                        return -1;
                if (!path_under(path, "/dev") || streq(path, "/dev"))
                        return check_error(ctx, &args->loc, "'%s' is not a device node under /dev", path);
                const char *mode = "rw";
                if (args->next) {
                        static const char *const modes[] = { "r", "rw", "rwm", "w", "wm", "rm" };
                        if (!check_word_in(ctx, args->next, "device access", modes, ARRAY_SIZE(modes)))
                                return -1;
                        mode = args->next->text;
                        if (args->next->next)
                                return check_error(ctx, &args->next->next->loc,
                                                   "too many arguments; expected: needs device PATH [r|rw|rwm]");
                }
                add(ctx, &p->devices, mode, path);
                break;
        }
        case NEEDS_NETLINK:
                for (const struct ast_arg *a = args; a; a = a->next)
                        if (!check_word_in(ctx, a, "netlink family", netlink_family_names,
                                           netlink_family_names_len))
                                return -1;
                if (args)
                        check_warning(ctx, &args->loc,
                                      "systemd cannot restrict netlink protocols; the unit allows every netlink family");
                break;
        }
        relax_bits(ctx, n->relaxes);
        if (add_capability_names(ctx, n->capabilities, &s->loc) < 0)
                return -1;
        add_words(ctx, &p->syscalls, n->syscalls);
        add_words(ctx, &p->families, n->families);
        for (const char *d = n->devices; d && *d;) {
                size_t len = strcspn(d, " ");
                const char *node = arena_strndup(ctx->arena, d, len);
                bool have = false;
                for (size_t i = 0; i < p->devices.n; i++)
                        have |= streq(p->devices.items[i].value, node);
                if (!have)
                        add(ctx, &p->devices, "r", node);
                d += len;
                d += strspn(d, " ");
        }
        return 0;
}

static void add_network(struct check_ctx *ctx, bool v4, bool v6)
{
        relax(ctx, RELAX_NETWORK);
        if (v4)
                add(ctx, &ctx->p->families, NULL, "AF_INET");
        if (v6)
                add(ctx, &ctx->p->families, NULL, "AF_INET6");
}

/* `needs network local`: loopback peers only. `needs network host`: the host's network
 * namespace (interfaces, routes, firewall) with no IP traffic of its own. */
static int check_needs_network(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const forms[] = { "local", "host" };
        if (!check_word_in(ctx, s->args, "network need", forms, ARRAY_SIZE(forms)))
                return -1;
        if (s->args->next)
                return check_error(ctx, &s->args->next->loc, "`needs network %s` takes no arguments",
                                   s->args->text);
        add_network(ctx, true, true);
        if (!ctx->p->client_stmt)
                ctx->p->client_stmt = s;
        if (streq(s->args->text, "local"))
                add(ctx, &ctx->p->ip_allow, NULL, "localhost");
        return 0;
}

static int check_port(struct check_ctx *ctx, const struct ast_arg *a, const char *text, int *ret_lo,
                      int *ret_hi)
{
        char *end;
        long lo = strtol(text, &end, 10), hi = lo;
        if (end != text && *end == '-') {
                const char *h = end + 1;
                hi = strtol(h, &end, 10);
                if (end == h)
                        end = (char *) "x";
        }
        if (end == text || *end || !isdigit((unsigned char) text[0]) || lo < 1 || lo > 65535 ||
            hi < lo || hi > 65535)
                return check_error(ctx, &a->loc, "'%s' is not a port (1-65535) or a port range (e.g. 8000-8080)",
                                   text);
        if (ret_lo)
                *ret_lo = (int) lo;
        if (ret_hi)
                *ret_hi = (int) hi;
        return 0;
}

static int check_outbound(struct check_ctx *ctx, const struct ast_stmt *s)
{
        struct policy *p = ctx->p;
        if (!p->client_stmt)
                p->client_stmt = s;
        bool v4 = false, v6 = false, any = false;
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                int family = 0;
                if (streq(a->text, "any") || streq(a->text, "localhost") ||
                    streq(a->text, "link-local") || streq(a->text, "multicast")) {
                        v4 = v6 = true;
                        any |= streq(a->text, "any");
                } else if (check_ip(a->text, &family, NULL)) {
                        v4 |= family == AF_INET;
                        v6 |= family == AF_INET6;
                } else {
                        check_error(ctx, &a->loc,
                                    "'%s' is not an address: an IPv4 or IPv6 address, with an optional /prefix, or any, localhost, link-local, multicast",
                                    a->text);
                        if (strchr(a->text, '.') && !strspn(a->text, "0123456789"))
                                diag_hint(ctx->diags, "host names cannot be enforced (systemd filters addresses); name the addresses or write `any`");
                        continue;
                }
                add(ctx, &p->ip_allow, NULL, a->text);
        }
        if (any)
                v4 = v6 = true;
        bool ports_ok = true;
        for (const struct ast_arg *a = s->args2; a; a = a->next) {
                if (check_port(ctx, a, a->text, NULL, NULL) < 0) {
                        ports_ok = false;
                        continue;
                }
                add(ctx, &p->outbound_ports, NULL, a->text);
        }
        if (s->args2 && ports_ok)
                check_warning(ctx, &s->args2->loc,
                              "systemd cannot restrict the ports of outbound traffic; the unit allows any port to these addresses");
        add_network(ctx, v4, v6);
        return 0;
}

/* [ADDR:]PORT, with IPv6 addresses in brackets. */
static int check_endpoint(struct check_ctx *ctx, const struct ast_arg *a, const char **ret_addr,
                          int *ret_port, int *ret_family)
{
        const char *t = a->text, *port = t;
        *ret_addr = NULL;
        *ret_family = 0;
        if (t[0] == '[') {
                const char *close = strchr(t, ']');
                if (!close || close[1] != ':')
                        return check_error(ctx, &a->loc, "'%s' is not [IPv6]:PORT", t);
                char *addr = arena_strndup(ctx->arena, t + 1, (size_t) (close - t - 1));
                if (!check_ip(addr, ret_family, NULL) || *ret_family != AF_INET6 || strchr(addr, '/'))
                        return check_error(ctx, &a->loc, "'%s' is not an IPv6 address", addr);
                *ret_addr = arena_printf(ctx->arena, "[%s]", addr);
                port = close + 2;
        } else if (strchr(t, ':')) {
                const char *colon = strrchr(t, ':');
                char *addr = arena_strndup(ctx->arena, t, (size_t) (colon - t));
                if (strchr(addr, ':'))
                        return check_error(ctx, &a->loc, "IPv6 addresses are written in brackets: [%s]:PORT", addr);
                if (!check_ip(addr, ret_family, NULL) || strchr(addr, '/'))
                        return check_error(ctx, &a->loc, "'%s' is not an IPv4 address", addr);
                *ret_addr = addr;
                port = colon + 1;
        }
        int lo, hi;
        if (check_port(ctx, a, port, &lo, &hi) < 0)
                return -1;
        if (lo != hi)
                return check_error(ctx, &a->loc, "listen on one port per endpoint, not a range");
        *ret_port = lo;
        return 0;
}

static bool address_is_loopback(const char *addr)
{
        return addr && (startswith(addr, "127.") || streq(addr, "[::1]"));
}

static int check_listens(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const protos[] = { "tcp", "udp" };
        struct policy *p = ctx->p;
        if (!check_word_in(ctx, s->args, "protocol", protos, ARRAY_SIZE(protos)))
                return -1;
        if (!s->args->next)
                return check_error(ctx, &s->loc, "missing port after 'listens on %s'", s->args->text);
        if (s->flag && !streq(s->sub, "socket")) {
                check_error(ctx, &s->loc, "unknown listening method '%s'", s->sub);
                diag_hint(ctx->diags, "write `via socket` for socket activation");
                return -1;
        }
        bool v4 = false, v6 = false, all_loopback = true;
        for (const struct ast_arg *a = s->args->next; a; a = a->next) {
                const char *addr;
                int port = 0, family = 0;
                if (check_endpoint(ctx, a, &addr, &port, &family) < 0)
                        continue;
                struct pol_item it = item_of(ctx, s->args->text, addr);
                it.port = port;
                it.flag = s->flag;
                pol_add(ctx->arena, &p->listens, &it);
                v4 |= !addr || family == AF_INET;
                v6 |= !addr || family == AF_INET6;
                all_loopback &= address_is_loopback(addr);
                /* Ports below 1024 need CAP_NET_BIND_SERVICE, unless systemd binds them. */
                if (port < 1024 && !s->flag && p->manager == POL_USER) {
                        check_error(ctx, &a->loc,
                                    "a user service cannot listen on port %d: ports below 1024 need CAP_NET_BIND_SERVICE, which a per-user manager cannot give",
                                    port);
                        diag_hint(ctx->diags, "listen on a port above 1023, or let systemd bind it: `listens on %s %s via socket`",
                                  s->args->text, a->text);
                        return -1;
                }
                if (port < 1024 && !s->flag && add_capability(ctx, cap_lookup("net_bind_service"), &a->loc) < 0)
                        return -1;
        }
        if (s->flag) {
                /* The socket unit holds the address filter; the service itself stays offline. */
                for (const struct ast_arg *a = s->args2; a; a = a->next)
                        if (!check_address(a->text))
                                check_error(ctx, &a->loc, "'%s' is not an address", a->text);
                return 0;
        }
        add_network(ctx, v4, v6);
        if (s->args2) {
                for (const struct ast_arg *a = s->args2; a; a = a->next) {
                        if (!check_address(a->text)) {
                                check_error(ctx, &a->loc, "'%s' is not an address", a->text);
                                continue;
                        }
                        add(ctx, &p->ip_allow, NULL, a->text);
                }
        } else
                add(ctx, &p->ip_allow, NULL, all_loopback ? "localhost" : "any");
        return 0;
}

static int check_sees(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (ast_arg_count(s->args) != 2 || !streq(s->args->text, "all") ||
            !streq(s->args->next->text, "processes"))
                return check_error(ctx, &s->loc, "expected `sees all processes`");
        relax(ctx, RELAX_PROCESSES);
        return 0;
}

static int check_exposure(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "exposure at most") < 0)
                return -1;
        const char *t = s->args->text;
        char *end;
        double v = strtod(t, &end);
        const char *dot = strchr(t, '.');
        if (end == t || *end || !isdigit((unsigned char) t[0]) || v < 0 || v > 10 ||
            (dot && strlen(dot + 1) != 1))
                return check_error(ctx, &s->args->loc,
                                   "'%s' is not an exposure between 0.0 and 10.0 (one decimal)", t);
        ctx->p->has_exposure_max = true;
        ctx->p->exposure_max = v;
        ctx->p->exposure_stmt = s;
        return 0;
}

static int check_manager(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const managers[] = { "system", "user" };
        if (single(ctx, s, "manager") < 0 ||
            !check_word_in(ctx, s->args, "manager", managers, ARRAY_SIZE(managers)))
                return -1;
        ctx->p->manager = streq(s->args->text, "user") ? POL_USER : POL_SYSTEM;
        ctx->p->manager_stmt = s;
        return 0;
}

/* `target NAME` (a profile, stdlib/targets/NAME.yaml) or `target systemd N` (that version
 * as Debian builds it). --target, when given, must name the same target. */
static int check_target(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (single(ctx, s, "target") < 0)
                return -1;
        const struct ast_arg *a = s->args;
        const struct target *t;
        if (ast_arg_count(a) == 2 && streq(a->text, "systemd")) {
                unsigned long v = strtoul(a->next->text, NULL, 10);
                if (a->next->kind == ARG_NUMBER && strlen(a->next->text) <= 3 && v > sd_version_newest())
                        return check_error(ctx, &a->next->loc, "systemd %s is not supported: unitc knows systemd %u to %u",
                                           a->next->text, sd_version_oldest(), sd_version_newest());
                if (a->next->kind != ARG_NUMBER || strlen(a->next->text) > 3 || !sd_version_known((unsigned) v))
                        return check_error(ctx, &a->next->loc, "systemd %s is not supported: unitc targets systemd %u and later",
                                           a->next->text, sd_version_oldest());
                t = target_for_version(ctx->arena, (unsigned) v);
        } else if (ast_arg_count(a) == 1 && a->kind != ARG_STRING) {
                t = target_find(ctx->arena, ctx->diags, a->text, ctx->opt->target_dirs, ctx->opt->ntarget_dirs,
                                &a->loc);
                if (!t)
                        return -1;
        } else
                return check_error(ctx, &s->loc,
                                   "expected `target NAME` (e.g. target debian-13) or `target systemd VERSION`");
        const struct target *given = ctx->opt->target;
        if (given && (given->systemd != t->systemd || !streq(given->name, t->name))) {
                check_error(ctx, &s->loc, "the policy targets %s, and --target=%s names %s: say one target", t->name,
                            ctx->opt->target_option ? ctx->opt->target_option : given->name, given->name);
                diag_hint(ctx->diags, "drop --target, or the policy's `target`");
                return -1;
        }
        ctx->p->target = t->systemd;
        ctx->p->target_info = t;
        ctx->p->target_stmt = s;
        return 0;
}

static bool escape_value_ok(const struct escape_info *e, const char *v)
{
        static const char *const bools[] = { "yes", "no", "true", "false", "on", "off", "1", "0", "y", "n", "t", "f" };
        switch (e->value) {
        case ESC_TEXT:
                return true;
        case ESC_BOOL:
                for (size_t i = 0; i < ARRAY_SIZE(bools); i++)
                        if (strcasecmp(v, bools[i]) == 0)
                                return true;
                return false;
        case ESC_SPAN:
                return check_duration(v);
        case ESC_NUMBER:
                return *v && strspn(v, "0123456789") == strlen(v) && strlen(v) <= 9;
        case ESC_SIGNAL: {
                const char *name = strncmp(v, "SIG", 3) == 0 ? v + 3 : v;
                for (size_t i = 0; i < signal_names_len; i++)
                        if (streq(name, signal_names[i]))
                                return true;
                return *v && strspn(v, "0123456789") == strlen(v) && strlen(v) <= 2 && atoi(v) >= 1 && atoi(v) <= 64;
        }
        case ESC_UNITS:
                for (const char *p = v; *p;) {
                        size_t n = strcspn(p, " ");
                        char name[256];
                        if (n >= sizeof(name))
                                return false;
                        memcpy(name, p, n);
                        name[n] = '\0';
                        if (!check_unit_name(name))
                                return false;
                        p += n;
                        p += strspn(p, " ");
                }
                return *v != '\0';
        case ESC_WORDS:
                for (const char *w = e->words; *w;) {
                        size_t n = strcspn(w, " ");
                        if (strlen(v) == n && strncmp(v, w, n) == 0)
                                return true;
                        w += n;
                        w += strspn(w, " ");
                }
                return false;
        }
        return false;
}

static const char *const escape_value_usage[] = {
        [ESC_TEXT] = "",
        [ESC_BOOL] = "yes or no",
        [ESC_SPAN] = "a time span such as 30s or 5min",
        [ESC_UNITS] = "unit names such as foo.service",
        [ESC_WORDS] = "",
        [ESC_NUMBER] = "a number",
        [ESC_SIGNAL] = "a signal such as SIGTERM",
};

/* `directive SECTION KEY VALUE`: a directive of systemd that unitc does not manage, from the
 * escape table's allowed rows only. Everything else is refused, with the reason. */
static int check_directive(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const sections[] = { "Unit", "Service", "Install" };
        if (want_args(ctx, s, 3, 3, "directive SECTION KEY VALUE (quote a value with blanks)") < 0)
                return -1;
        const struct ast_arg *sec = s->args, *key = sec->next, *val = key->next;
        if (!check_word_in(ctx, sec, "section", sections, ARRAY_SIZE(sections)))
                return -1;
        for (const char *c = key->text; *c; c++)
                if (!isalnum((unsigned char) *c))
                        return check_error(ctx, &key->loc, "'%s' is not a directive name", key->text);
        if (!isupper((unsigned char) key->text[0]))
                return check_error(ctx, &key->loc, "'%s' is not a directive name", key->text);
        if (directive_lookup(NULL, key->text)) {
                check_error(ctx, &key->loc,
                            "%s= is managed by unitc; the escape hatch cannot override it (policies only narrow)",
                            key->text);
                for (size_t i = 0; i < directive_statement_table_len; i++)
                        if (streq(directive_statement_table[i].key, key->text))
                                diag_hint(ctx->diags, "the statement that sets it: `%s`",
                                          directive_statement_table[i].statement);
                return -1;
        }
        const struct escape_info *e = escape_lookup(key->text);
        if (!e) {
                check_error(ctx, &key->loc,
                            "unknown directive %s=: systemd would ignore it with a warning, so the escape hatch does not emit it",
                            key->text);
                const char *names[512];
                size_t n = 0;
                for (size_t i = 0; i < escape_table_len && n < ARRAY_SIZE(names); i++)
                        if (!escape_table[i].refused)
                                names[n++] = escape_table[i].key;
                diag_hint_spelling(ctx->diags, key->text, names, n);
                return -1;
        }
        if (e->refused) {
                check_error(ctx, &key->loc, "the escape hatch cannot set %s=: %s", key->text, e->refused);
                return -1;
        }
        if (!streq(e->section, sec->text))
                return check_error(ctx, &sec->loc, "%s= belongs in [%s], not [%s]", key->text, e->section,
                                   sec->text);
        if (e->since > ctx->p->target) {
                check_error(ctx, &key->loc,
                            "%s= needs systemd %u; the target, systemd %u, would ignore it with a warning",
                            key->text, e->since, ctx->p->target);
                diag_hint(ctx->diags, "raise the target (`target systemd %u`) or drop the directive", e->since);
                return -1;
        }
        if (check_raw_text(ctx, val, val->text) < 0)
                return -1;
        if (!escape_value_ok(e, val->text)) {
                check_error(ctx, &val->loc, "'%s' is not a value %s= takes%s%s", val->text, key->text,
                            e->value == ESC_WORDS ? "" : ": expected ", escape_value_usage[e->value]);
                if (e->value == ESC_WORDS)
                        diag_hint(ctx->diags, "the escape hatch lets %s= take: %s", key->text, e->words);
                return -1;
        }
        for (size_t i = 0; i < ctx->p->directives.n; i++) {
                const struct pol_item *d = &ctx->p->directives.items[i];
                size_t klen = strlen(key->text);
                if (e->value != ESC_TEXT && e->value != ESC_UNITS && streq(d->key, sec->text) &&
                    strncmp(d->value, key->text, klen) == 0 && d->value[klen] == '=') {
                        check_error(ctx, &key->loc, "%s= given twice; systemd would use the last one", key->text);
                        diag_note(ctx->diags, &d->stmt->loc, "first given here");
                        return -1;
                }
        }
        check_warning(ctx, &s->loc, "unitc cannot vouch for %s=%s; it is emitted as written",
                      key->text, val->text);
        add(ctx, &ctx->p->directives, sec->text, arena_printf(ctx->arena, "%s=%s", key->text, val->text));
        return 0;
}

/* Adds key=value to the limits and priorities, once per directive: "WHAT given twice". */
static int add_once(struct check_ctx *ctx, const struct ast_stmt *s, const char *what, const char *key,
                    const char *value)
{
        for (size_t i = 0; i < ctx->p->limits.n; i++)
                if (streq(ctx->p->limits.items[i].key, key)) {
                        check_error(ctx, &s->loc, "%s given twice", what);
                        diag_note(ctx->diags, &ctx->p->limits.items[i].stmt->loc, "first given here");
                        return -1;
                }
        add(ctx, &ctx->p->limits, key, value);
        return 0;
}

static int check_limit(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (want_args(ctx, s, 2, 2, "limit RESOURCE VALUE") < 0)
                return -1;
        const struct limit_info *l = check_table_row(ctx, s->args, "resource", limit_table, limit_table_len,
                                                     sizeof(*limit_table));
        if (!l)
                return -1;
        const struct ast_arg *v = s->args->next;
        bool ok = false;
        switch (l->kind) {
        case LIMIT_SIZE:
                ok = check_size(v->text);
                break;
        case LIMIT_COUNT:
                /* 0 tasks or open files: the service could not start a thread or open a file. */
                ok = streq(v->text, "infinity") ||
                     (strspn(v->text, "0123456789") == strlen(v->text) && strlen(v->text) <= 9 &&
                      strspn(v->text, "0") != strlen(v->text));
                break;
        case LIMIT_PERCENT: {
                size_t n = strlen(v->text);
                ok = n >= 2 && v->text[n - 1] == '%' && strspn(v->text, "0123456789") == n - 1 && n <= 6 &&
                     strspn(v->text, "0") != n - 1; /* systemd refuses a quota of 0% */
                break;
        }
        }
        if (!ok)
                return check_error(ctx, &v->loc, "'%s' is not a valid value for `limit %s` (%s)", v->text,
                                   l->word,
                                   l->kind == LIMIT_SIZE ? "a size such as 512M or 2G"
                                   : l->kind == LIMIT_COUNT ? "a number or infinity" : "a percentage such as 50%");
        return add_once(ctx, s, arena_printf(ctx->arena, "limit %s", l->word), l->key, v->text);
}

/* `priority nice N`, `priority io CLASS [LEVEL]`, `priority cpu POLICY`. A per-user manager
 * runs as the user: it may lower a priority but not raise it, and systemd would quietly set
 * the closest nice value it can (setpriority_closest) or fail the start (ioprio_set). */
static int check_priority(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct priority_info *pr = check_table_row(ctx, s->args, "priority", priority_table,
                                                         priority_table_len, sizeof(*priority_table));
        if (!pr || want_args(ctx, s, 2, pr->kind == PRIORITY_IO ? 3 : 2, pr->usage) < 0)
                return -1;
        const struct ast_arg *v = s->args->next, *level = v->next;
        bool user = ctx->p->manager == POL_USER;
        if (pr->kind == PRIORITY_NICE) {
                const char *d = v->text + (v->text[0] == '-');
                long n = strtol(v->text, NULL, 10);
                if (!*d || strspn(d, "0123456789") != strlen(d) || strlen(d) > 2 || n < -20 || n > 19)
                        return check_error(ctx, &v->loc, "'%s' is not a nice value (-20 highest to 19 lowest)",
                                           v->text);
                if (n < 0 && user) {
                        check_error(ctx, &v->loc,
                                    "a per-user manager cannot raise a priority: systemd would quietly use nice 0");
                        diag_hint(ctx->diags, "use 0 to 19 (lower priorities) in a user service");
                        return -1;
                }
                return add_once(ctx, s, "priority nice", pr->key, arena_printf(ctx->arena, "%ld", n));
        }
        const struct priority_class *c = NULL;
        const char *words[8];
        size_t n = 0;
        for (size_t i = 0; i < priority_class_table_len; i++)
                if (priority_class_table[i].kind == pr->kind) {
                        assert(n < ARRAY_SIZE(words));
                        words[n++] = priority_class_table[i].word;
                        if (streq(priority_class_table[i].word, v->text))
                                c = &priority_class_table[i];
                }
        if (!c) {
                check_word_in(ctx, v, pr->kind == PRIORITY_IO ? "I/O class" : "CPU policy", words, n);
                return -1;
        }
        if (level && !c->level)
                return check_error(ctx, &level->loc, "`priority %s %s` takes no level", pr->word, c->word);
        if (level && (strlen(level->text) != 1 || level->text[0] < '0' || level->text[0] > '7'))
                return check_error(ctx, &level->loc, "'%s' is not an I/O level (0 highest to 7 lowest)",
                                   level->text);
        if (c->user_fails && user) {
                check_error(ctx, &v->loc,
                            "a per-user manager cannot set the %s I/O class: the start would fail (ioprio_set needs CAP_SYS_ADMIN)",
                            c->word);
                diag_hint(ctx->diags, "use best-effort or idle in a user service");
                return -1;
        }
        const char *what = arena_printf(ctx->arena, "priority %s", pr->word);
        if (add_once(ctx, s, what, pr->key, c->word) < 0)
                return -1;
        return level ? add_once(ctx, s, what, "IOSchedulingPriority", level->text) : 0;
}

/* A duration for `schedule`: finite and not zero. */
static const char *schedule_duration(struct check_ctx *ctx, const struct ast_arg *before)
{
        uint64_t usec;
        const struct ast_arg *a = before->next;
        if (!a) {
                check_error(ctx, &before->loc, "missing duration after '%s'", before->text);
                return NULL;
        }
        if (!check_duration_usec(a->text, &usec) || usec == 0 || usec == UINT64_MAX) {
                check_error(ctx, &a->loc, "'%s' is not a duration for a timer (e.g. 30min, 6h, 1d)", a->text);
                return NULL;
        }
        return a->text;
}

/* DAYS: mon, tue ... sun, joined by ',' or as a range "mon..fri". Returns systemd's
 * spelling ("Mon..Fri") or NULL after an error. */
static const char *schedule_days(struct check_ctx *ctx, const struct ast_arg *before)
{
        const struct ast_arg *a = before->next;
        if (!a) {
                check_error(ctx, &before->loc, "missing days after 'on' (e.g. mon,thu or mon..fri)");
                return NULL;
        }
        char *out = arena_strdup(ctx->arena, a->text);
        size_t from = SIZE_MAX; /* the first day of a range being read */
        for (char *s = out; *s;) {
                size_t n = strcspn(s, ",."), day = SIZE_MAX;
                for (size_t i = 0; i < weekday_names_len; i++)
                        if (n == 3 && strncmp(s, weekday_names[i], 3) == 0)
                                day = i;
                size_t sep = startswith(s + n, "..") ? 2 : s[n] == ',' ? 1 : 0;
                /* systemd takes a range only forwards and from one day to one other */
                bool ok = day != SIZE_MAX && (from == SIZE_MAX || (day > from && sep != 2));
                from = sep == 2 ? day : SIZE_MAX;
                if (!ok || (!sep && s[n]) || (sep && !s[n + sep])) {
                        check_error(ctx, &a->loc, "'%s' is not a list of days (mon ... sun, e.g. mon,thu or mon..fri)",
                                    a->text);
                        if (strchr(a->text, '-'))
                                diag_hint(ctx->diags, "a range of days is written with '..', as in mon..fri");
                        else if (strstr(a->text, ".."))
                                diag_hint(ctx->diags, "a range runs forwards from mon to sun, as in mon..fri or sat,sun");
                        return NULL;
                }
                s[0] = (char) toupper((unsigned char) s[0]);
                s += n + sep;
        }
        return out;
}

/* HH:MM or HH:MM:SS, as systemd's HH:MM:SS, or NULL after an error. */
static const char *schedule_time(struct check_ctx *ctx, const struct ast_arg *before)
{
        const struct ast_arg *a = before->next;
        if (!a) {
                check_error(ctx, &before->loc, "missing time after 'at' (e.g. 03:30)");
                return NULL;
        }
        unsigned f[3] = { 0, 0, 0 };
        size_t nf = 0;
        const char *s = a->text;
        bool ok = true;
        while (ok && nf < 3) {
                size_t d = strspn(s, "0123456789");
                ok = d == 2;
                if (ok)
                        f[nf++] = (unsigned) (s[0] - '0') * 10 + (unsigned) (s[1] - '0');
                s += d;
                if (*s != ':')
                        break;
                s++;
        }
        if (!ok || *s || nf < 2 || f[0] > 23 || f[1] > 59 || f[2] > 59) {
                check_error(ctx, &a->loc, "'%s' is not a time of day (HH:MM or HH:MM:SS, e.g. 03:30)", a->text);
                return NULL;
        }
        return arena_printf(ctx->arena, "%02u:%02u:%02u", f[0], f[1], f[2]);
}

/* `schedule PERIOD | [on DAYS] at TIME | every DURATION [spread DURATION]`: a timer unit
 * beside the service. Several calendar schedules add up; `every` and `spread` are one each. */
static int check_schedule(struct check_ctx *ctx, const struct ast_stmt *s)
{
        struct policy *p = ctx->p;
        const struct ast_arg *a = s->args;
        const char *calendar = NULL;
        if (!a)
                return check_error(ctx, &s->loc, "missing argument; expected: schedule daily|weekly|..., "
                                                 "schedule [on DAYS] at HH:MM, or schedule every DURATION");
        bool period = false;
        for (size_t i = 0; i < schedule_periods_len; i++)
                period |= streq(a->text, schedule_periods[i]);
        if (streq(a->text, "every")) {
                const char *d = schedule_duration(ctx, a);
                if (!d)
                        return -1;
                if (p->timer_every.value) {
                        check_error(ctx, &s->loc, "schedule every given twice");
                        diag_note(ctx->diags, &p->timer_every.stmt->loc, "first given here");
                        return -1;
                }
                p->timer_every = item_of(ctx, NULL, d);
                a = a->next->next;
        } else if (period) {
                calendar = a->text;
                a = a->next;
        } else if (streq(a->text, "on") || streq(a->text, "at")) {
                const char *days = NULL;
                if (streq(a->text, "on")) {
                        if (!(days = schedule_days(ctx, a)))
                                return -1;
                        a = a->next->next;
                        if (!a || !streq(a->text, "at"))
                                return check_error(ctx, a ? &a->loc : &s->loc, "expected 'at HH:MM' after the days");
                }
                const char *time = schedule_time(ctx, a);
                if (!time)
                        return -1;
                calendar = arena_printf(ctx->arena, "%s%s*-*-* %s", days ? days : "", days ? " " : "", time);
                a = a->next->next;
        } else {
                const char *words[16];
                size_t n = 0;
                assert(schedule_periods_len + 3 <= ARRAY_SIZE(words));
                for (size_t i = 0; i < schedule_periods_len; i++)
                        words[n++] = schedule_periods[i];
                words[n++] = "on";
                words[n++] = "at";
                words[n++] = "every";
                check_word_in(ctx, a, "schedule", words, n);
                return -1;
        }
        for (size_t i = 0; calendar && i < p->calendars.n; i++)
                if (streq(p->calendars.items[i].value, calendar)) {
                        check_error(ctx, &s->loc, "this schedule is given twice");
                        diag_note(ctx->diags, &p->calendars.items[i].stmt->loc, "first given here");
                        return -1;
                }
        if (a && streq(a->text, "spread")) {
                const char *d = schedule_duration(ctx, a);
                if (!d)
                        return -1;
                if (p->timer_spread.value) {
                        check_error(ctx, &a->loc, "spread given twice; a timer has one");
                        diag_note(ctx->diags, &p->timer_spread.stmt->loc, "first given here");
                        return -1;
                }
                p->timer_spread = item_of(ctx, NULL, d);
                a = a->next->next;
        }
        if (a)
                return check_error(ctx, &a->loc, "unexpected '%s'; expected 'spread DURATION' or the end of the statement",
                                   a->text);
        if (calendar)
                add(ctx, &p->calendars, NULL, calendar);
        return 0;
}

static int check_timeout(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const kinds[] = { "start", "stop" };
        if (!check_word_in(ctx, s->args, "timeout", kinds, ARRAY_SIZE(kinds)))
                return -1;
        bool start = streq(s->args->text, "start");
        const struct ast_arg *v = s->args->next;
        if (ctx->timeouts[!start]) {
                check_error(ctx, &s->loc, "timeout %s given twice", s->args->text);
                diag_note(ctx->diags, &ctx->timeouts[!start]->loc, "first given here");
                return -1;
        }
        ctx->timeouts[!start] = s;
        if (!check_duration(v->text))
                return check_error(ctx, &v->loc, "'%s' is not a duration (e.g. 30s, 5min, infinity)", v->text);
        uint64_t usec;
        if (check_duration_usec(v->text, &usec) && usec == 0) {
                check_error(ctx, &v->loc, "a timeout of 0 turns the timeout off");
                diag_hint(ctx->diags, "write `timeout %s infinity` if that is meant", s->args->text);
                return -1;
        }
        if (start)
                ctx->p->timeout_start = item_of(ctx, NULL, v->text);
        else
                ctx->p->timeout_stop = item_of(ctx, NULL, v->text);
        return 0;
}

typedef int (*check_fn)(struct check_ctx *ctx, const struct ast_stmt *s);

/* ORDER: enum ast_stmt_kind. Pass 0 checks the bytes of every word; passes 1 and 2 read
 * what changes how the rest is read (the manager before the user); pass 3 the rest.
 * in_profile: a profile may say it. A profile says what a service needs (files, network,
 * capabilities, ordering, limits); who the service runs as, what it runs, its environment
 * and the escape hatch belong to the service itself, where a reviewer reads them. */
static const struct {
        check_fn fn;
        unsigned pass;
        bool in_profile;
} check_table[_STMT_KIND_MAX] = {
        [STMT_USE] = { NULL, 0, true },
        [STMT_DESCRIPTION] = { check_description, 3, false },
        [STMT_DOCUMENTATION] = { check_documentation, 3, false },
        [STMT_EXEC] = { check_exec, 3, false },
        [STMT_TYPE] = { check_type, 3, false },
        [STMT_RESTART] = { check_restart, 3, false },
        [STMT_ENVIRONMENT] = { check_environment, 3, false },
        [STMT_ENVIRONMENT_FILE] = { check_environment_file, 3, false },
        [STMT_WORKING_DIRECTORY] = { check_working_directory, 3, false },
        [STMT_START] = { check_start, 3, true },
        [STMT_WANTS] = { check_wants, 3, true },
        [STMT_REQUIRES] = { check_requires, 3, true },
        [STMT_INSTALL] = { check_install, 3, false },
        [STMT_USER] = { check_user, 2, false },
        [STMT_READS] = { check_reads, 3, true },
        [STMT_WRITES] = { check_writes, 3, true },
        [STMT_EXECUTES] = { check_executes, 3, true },
        [STMT_HIDES] = { check_hides, 3, true },
        [STMT_OWNS] = { check_owns, 3, true },
        [STMT_NEEDS] = { check_needs, 3, true },
        [STMT_NEEDS_OUTBOUND] = { check_outbound, 3, true },
        [STMT_NEEDS_NETWORK] = { check_needs_network, 3, true },
        [STMT_LISTENS] = { check_listens, 3, true },
        [STMT_SEES] = { check_sees, 3, true },
        [STMT_EXPOSURE] = { check_exposure, 3, false },
        [STMT_MANAGER] = { check_manager, 1, false },
        [STMT_TARGET] = { check_target, 1, false },
        [STMT_DIRECTIVE] = { check_directive, 3, false },
        [STMT_LIMIT] = { check_limit, 3, true },
        [STMT_PRIORITY] = { check_priority, 3, false },
        [STMT_SCHEDULE] = { check_schedule, 3, false },
        [STMT_RELOAD] = { check_reload, 3, false },
        [STMT_PID_FILE] = { check_pid_file, 3, false },
        [STMT_UMASK] = { check_umask, 3, false },
        [STMT_EXIT_STATUS] = { check_exit_status, 3, false },
        [STMT_TIMEOUT] = { check_timeout, 3, false },
};

/* Every word of every statement: valid UTF-8, no control characters (a newline in a value
 * could start a new directive in the emitted unit). */
static void check_bytes(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *lists[2] = { s->args, s->args2 };
        /* A statement becomes one line at most; systemd refuses lines over 1 MiB, and
         * escaping can double a value. */
        size_t total = 0;
        for (size_t l = 0; l < 2; l++)
                for (const struct ast_arg *a = lists[l]; a; a = a->next)
                        total += a->len + 3;
        if (total > CHECK_MAX_STATEMENT) {
                check_error(ctx, &s->loc, "statement longer than %u KiB (a unit line holds at most 1 MiB)",
                            CHECK_MAX_STATEMENT / 1024);
                return;
        }
        for (size_t l = 0; l < 2; l++)
                for (const struct ast_arg *a = lists[l]; a; a = a->next) {
                        if (!check_utf8(a->text, a->len)) {
                                check_error(ctx, &a->loc, "invalid UTF-8 in %s", a->kind == ARG_STRING ? "a string" : "a word");
                                continue;
                        }
                        for (size_t i = 0; i < a->len; i++) {
                                unsigned char c = (unsigned char) a->text[i];
                                if (c < 0x20 || c == 0x7f) {
                                        check_error(ctx, &a->loc,
                                                    "%s holds a control character (0x%02x); values cannot contain newlines or control characters",
                                                    a->kind == ARG_STRING ? "this string" : "this word", c);
                                        break;
                                }
                        }
                }
}

/* Lists the later stages compare pairwise (NoExecPaths=, hidden paths against used ones,
 * duplicate addresses): a bound keeps hostile input fast. */
static bool check_counts(struct check_ctx *ctx)
{
        struct policy *p = ctx->p;
        const struct {
                const struct pol_list *l, *l2;
                unsigned max;
                const char *what;
        } lists[] = {
                { &p->writes, &p->directories, CHECK_MAX_ITEMS, "written paths and owned folders" },
                { &p->executes, NULL, CHECK_MAX_ITEMS, "executable paths" },
                { &p->hides, NULL, CHECK_MAX_ITEMS / 10, "hidden paths" },
                { &p->ip_allow, NULL, CHECK_MAX_ITEMS, "addresses" },
                { &p->syscalls, NULL, CHECK_MAX_ITEMS, "system calls" },
        };
        bool ok = true;
        for (size_t i = 0; i < ARRAY_SIZE(lists); i++) {
                size_t n1 = lists[i].l->n, n2 = lists[i].l2 ? lists[i].l2->n : 0;
                if (n1 + n2 <= lists[i].max)
                        continue;
                const struct pol_list *at = n1 > lists[i].max ? lists[i].l : lists[i].l2;
                size_t k = n1 > lists[i].max ? lists[i].max : lists[i].max - n1;
                diag_error(ctx->diags, &at->items[k].stmt->loc, "more than %u %s in one policy",
                           lists[i].max, lists[i].what);
                ok = false;
        }
        return ok;
}

/* Facts that involve several statements. */
static void check_whole(struct check_ctx *ctx)
{
        struct policy *p = ctx->p;
        ctx->cur = NULL;
        if (!check_counts(ctx))
                return;
        size_t starts = 0;
        for (size_t i = 0; i < p->execs.n; i++)
                starts += streq(p->execs.items[i].key, "ExecStart");
        bool oneshot = p->type.value && streq(p->type.value, "oneshot");
        /* An exec statement that was wrong already has its error. */
        if (starts == 0 && ctx->layout != LAYOUT_DROPIN && !diag_has_errors(ctx->diags)) {
                diag_error(ctx->diags, &p->service->name_loc,
                           "service '%s' has no `exec` statement: what does it run?", p->name);
        }
        if (starts > 1 && !oneshot) {
                const struct pol_item *second = NULL;
                for (size_t i = 0, k = 0; i < p->execs.n; i++)
                        if (streq(p->execs.items[i].key, "ExecStart") && ++k == 2)
                                second = &p->execs.items[i];
                diag_error(ctx->diags, &second->stmt->loc,
                           "only `type oneshot` services run more than one `exec`");
        }
        if (oneshot && p->restart.value && !streq(p->restart.value, "no") &&
            !streq(p->restart.value, "on-failure") && !streq(p->restart.value, "on-abnormal") &&
            !streq(p->restart.value, "on-abort") && !streq(p->restart.value, "on-watchdog")) {
                diag_error(ctx->diags, &p->restart.stmt->loc,
                           "`type oneshot` services cannot use `restart %s`", p->restart.value);
        }
        /* /proc/sys and /sys stay read-only under ProtectKernelTunables=, whatever is bound. */
        for (size_t i = 0; i < p->writes.n && !pol_relaxed(p, RELAX_KERNEL_TUNABLES); i++) {
                const struct pol_item *w = &p->writes.items[i];
                if (path_under(w->value, "/proc/sys") || path_under(w->value, "/sys")) {
                        diag_error(ctx->diags, w->loc ? w->loc : &w->stmt->loc,
                                   "%s stays read-only: the kernel's tunables are protected (ProtectKernelTunables=)", w->value);
                        diag_hint(ctx->diags, "add `needs kernel-tunables`");
                }
        }
        /* systemd refuses a D-Bus service that does not say which name it takes. */
        if (p->type.value && streq(p->type.value, "dbus")) {
                bool named = false;
                for (size_t i = 0; i < p->directives.n; i++)
                        named |= startswith(p->directives.items[i].value, "BusName=");
                if (!named) {
                        diag_error(ctx->diags, &p->type.stmt->loc,
                                   "systemd refuses a `type dbus` service that does not name its bus name");
                        diag_hint(ctx->diags, "add `directive Service BusName org.example.Name`, the name the daemon takes");
                }
        }
        /* A pid file is the forking daemon's, written where the policy lets it write. */
        if (p->pid_file.value) {
                const struct pol_item *pf = &p->pid_file;
                bool written = false;
                for (size_t i = 0; i < p->writes.n; i++) {
                        const struct pol_item *w = &p->writes.items[i];
                        written |= w->flag ? streq(w->value, pf->value)
                                           : path_under(pf->value, w->value) && !streq(pf->value, w->value);
                }
                if (!p->type.value || !streq(p->type.value, "forking")) {
                        diag_error(ctx->diags, &pf->stmt->loc,
                                   "a pid file is how systemd finds the main process of a `type forking` daemon");
                        diag_hint(ctx->diags, "add `type forking`, or drop `pid-file` and run the daemon in the foreground");
                } else if (!written) {
                        const char *dir = arena_strndup(ctx->arena, pf->value, (size_t) (strrchr(pf->value, '/') - pf->value));
                        bool root = !*dir;
                        for (size_t i = 0; i < ARRAY_SIZE(write_roots); i++)
                                root |= streq(dir, write_roots[i]);
                        diag_error(ctx->diags, &pf->stmt->loc, "the daemon cannot write %s: the policy writes no folder it is in",
                                   pf->value);
                        if (root)
                                diag_hint(ctx->diags, "give it a folder of its own: `pid-file /run/%s/%s.pid` and `writes /run/%s`",
                                          p->name, p->name, p->name);
                        else
                                diag_hint(ctx->diags, "add `writes %s`", dir);
                }
        }
        /* What is hidden cannot also be used. */
        for (size_t i = 0; i < p->hides.n; i++) {
                const struct pol_list *uses[] = { &p->writes, &p->reads, &p->executes };
                for (size_t u = 0; u < ARRAY_SIZE(uses); u++)
                        for (size_t j = 0; j < uses[u]->n; j++)
                                if (path_under(uses[u]->items[j].value, p->hides.items[i].value)) {
                                        diag_error(ctx->diags, &uses[u]->items[j].stmt->loc,
                                                   "'%s' is inside '%s', which the policy hides",
                                                   uses[u]->items[j].value, p->hides.items[i].value);
                                        diag_note(ctx->diags, &p->hides.items[i].stmt->loc, "hidden here");
                                }
        }
        /* What the service runs, sees or opens cannot be hidden from it. */
        const struct {
                const char *path;
                const struct ast_stmt *by;
                const char *what;
        } used[] = {
                { p->working_directory.value, p->working_directory.stmt, "its working directory" },
                { pol_relaxed(p, RELAX_PROCESSES) ? "/proc" : NULL, p->relax_origin[RELAX_PROCESSES], "the processes it sees" },
                { p->devices.n ? "/dev" : NULL, p->devices.n ? p->devices.items[0].stmt : NULL, "the devices it opens" },
        };
        for (size_t i = 0; i < p->hides.n; i++) {
                const struct pol_item *h = &p->hides.items[i];
                for (size_t u = 0; u < ARRAY_SIZE(used); u++)
                        if (used[u].path && path_under(used[u].path, h->value)) {
                                diag_error(ctx->diags, &h->stmt->loc, "hides %s, which holds %s (%s)", h->value,
                                           used[u].what, used[u].path);
                                diag_note(ctx->diags, &used[u].by->loc, "used here");
                        }
                for (size_t e = 0; e < p->execs.n; e++)
                        if (path_under(p->execs.items[e].value, h->value)) {
                                diag_error(ctx->diags, &h->stmt->loc, "hides %s, which holds the program %s", h->value,
                                           p->execs.items[e].value);
                                diag_note(ctx->diags, &p->execs.items[e].stmt->loc, "run here");
                        }
                for (size_t d = 0; d < p->devices.n; d++)
                        if (path_under(p->devices.items[d].value, h->value) && !path_under("/dev", h->value)) {
                                diag_error(ctx->diags, &h->stmt->loc, "hides %s, which holds the device %s", h->value,
                                           p->devices.items[d].value);
                                diag_note(ctx->diags, &p->devices.items[d].stmt->loc, "opened here");
                        }
        }
        /* A program the service can rewrite is no longer the one the policy names; one in
         * the private /tmp is not there at all. */
        for (size_t e = 0; e < p->execs.n; e++) {
                const struct pol_item *x = &p->execs.items[e];
                if ((path_under(x->value, "/tmp") || path_under(x->value, "/var/tmp")) && !pol_relaxed(p, RELAX_SHARED_TMP)) {
                        diag_error(ctx->diags, &x->stmt->loc, "%s is in /tmp, which is private to the service: it would be missing",
                                   x->value);
                        continue;
                }
                for (size_t i = 0; i < p->writes.n; i++) {
                        const struct pol_item *w = &p->writes.items[i];
                        if (w->flag ? streq(x->value, w->value) : path_under(x->value, w->value)) {
                                diag_error(ctx->diags, &x->stmt->loc,
                                           "the service could replace its own program: %s is inside %s, which it writes", x->value,
                                           w->value);
                                diag_note(ctx->diags, &w->stmt->loc, "written here");
                                break;
                        }
                }
        }
        /* Needs that systemd would silently override: DynamicUser= implies PrivateTmp= and
         * NoNewPrivileges=, and every system call filter implies NoNewPrivileges= for a
         * service that does not hold CAP_SYS_ADMIN. */
        const struct ast_stmt *tmp_by = p->relax_origin[RELAX_SHARED_TMP];
        if (tmp_by && p->user == POL_USER_DYNAMIC && p->manager == POL_SYSTEM) {
                diag_error(ctx->diags, &tmp_by->loc,
                           "a dynamic user always gets a private /tmp (DynamicUser= implies PrivateTmp=)");
                diag_hint(ctx->diags, "name the user the service runs as: `user NAME`");
        }
        const struct ast_stmt *suid_by = p->relax_origin[RELAX_SETUID];
        const struct cap_info *sys_admin = cap_lookup("sys_admin");
        if (suid_by && p->manager == POL_USER) {
                diag_error(ctx->diags, &suid_by->loc,
                           "a user service cannot gain privileges: its system call filter implies NoNewPrivileges=");
        } else if (suid_by && p->user == POL_USER_DYNAMIC) {
                diag_error(ctx->diags, &suid_by->loc,
                           "a dynamic user cannot gain privileges (DynamicUser= implies NoNewPrivileges=)");
                diag_hint(ctx->diags, "name the user the service runs as: `user NAME`");
        } else if (suid_by && !(p->caps & (UINT64_C(1) << sys_admin->bit))) {
                diag_error(ctx->diags, &suid_by->loc,
                           "systemd applies NoNewPrivileges= to a service with a system call filter unless it holds CAP_SYS_ADMIN, so `needs setuid` would have no effect");
                diag_hint(ctx->diags, "add `needs capability sys_admin` (it costs much exposure), or drop the need");
        }
        /* A per-user manager cannot attach the cgroup filters behind IPAddressAllow=: say so
         * when the policy restricts addresses at all. */
        bool any_address = false;
        for (size_t i = 0; i < p->ip_allow.n; i++)
                any_address |= streq(p->ip_allow.items[i].value, "any");
        if (p->manager == POL_USER && p->ip_allow.n && !any_address)
                diag_warning(ctx->diags, &p->ip_allow.items[0].stmt->loc,
                             "a per-user manager does not enforce address filters; the service can reach any address");
        if (p->manager == POL_USER && pol_relaxed(p, RELAX_HOST_USERS)) {
                diag_error(ctx->diags, &p->relax_origin[RELAX_HOST_USERS]->loc,
                           "a user service runs in its own user namespace: its sandbox is only applied with PrivateUsers=yes on systemd 252");
        }
}

struct policy *check_policy(struct arena *a, struct diag_queue *diags, const struct resolved *r,
                            const struct check_options *opt)
{
        struct check_ctx ctx = { .arena = a, .diags = diags, .layout = opt->layout, .opt = opt };
        struct policy *p = arena_alloc(a, sizeof(*p));
        ctx.p = p;
        p->service = r->service;
        p->target_info = opt->target ? opt->target : target_for_version(a, sd_version_oldest());
        p->target = p->target_info->systemd;
        const char *file = strrchr(r->service->src->name, '/');
        p->file = file ? file + 1 : r->service->src->name;

        const struct ast_arg name = { .text = r->service->name, .loc = r->service->name_loc };
        p->name = r->service->name;
        if (!check_service_name(p->name)) {
                diag_error(diags, &name.loc,
                           "'%s' is not a service name (letters, digits, '-', '_', '.', ':' and '@')",
                           name.kind == ARG_STRING ? "string" : p->name);
        } else if (check_unit_name(p->name)) {
                diag_error(diags, &name.loc, "write the service name without its suffix");
                diag_hint(diags, "service %.*s { ... }", (int) (strrchr(p->name, '.') - p->name), p->name);
        }

        for (unsigned pass = 0; pass <= 3; pass++) {
                for (size_t i = 0; i < r->n; i++) {
                        ctx.cur = &r->stmts[i];
                        const struct ast_stmt *s = ctx.cur->stmt;
                        if (diag_too_many(diags))
                                return NULL;
                        if (pass == 0) {
                                check_bytes(&ctx, s);
                                if (s->block && s->block->kind == BLOCK_PROFILE && !check_table[s->kind].in_profile)
                                        check_error(&ctx, &s->loc,
                                                    "a profile says what a service needs; `%s` belongs in the service itself, where it is reviewed",
                                                    s->kind == STMT_EXEC ? s->sub : ast_stmt_kind_name(s->kind));
                        }
                        else if (check_table[s->kind].pass == pass)
                                check_table[s->kind].fn(&ctx, s);
                }
                if (pass == 0 && diag_has_errors(diags))
                        return NULL;
        }
        check_whole(&ctx);
        return diag_has_errors(diags) ? NULL : p;
}

/* check_values.c - the check stage's values and the statements about what the service is:
 * durations, sizes, addresses, names, description, exec, environment, ordering, the user. */
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
#include "front/diag.h"
#include "passes/check.h"
#include "passes/check_impl.h"
#include "passes/policy.h"
#include "passes/resolve.h"
#include "systemd/tables.h"
#include "systemd/target.h"

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
bool check_octal_mode(const char *s, unsigned long *ret)
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

bool check_ip(const char *s, int *ret_family, unsigned *ret_prefix)
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
bool check_word_in(struct check_ctx *ctx, const struct ast_arg *arg, const char *what,
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
const void *check_table_row(struct check_ctx *ctx, const struct ast_arg *arg, const char *what,
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

/* Strings emitted verbatim after "Key=" (Description ...): systemd would trim outer blanks
 * and join a line ending in '\' with the next, so neither may happen. */
int check_raw_text(struct check_ctx *ctx, const struct ast_arg *arg, const char *text)
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

int check_description(struct check_ctx *ctx, const struct ast_stmt *s)
{
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
        ctx->p->description = check_item(ctx, NULL, text);
        return 0;
}

int check_documentation(struct check_ctx *ctx, const struct ast_stmt *s)
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
                check_add(ctx, &ctx->p->documentation, NULL, a->text);
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

int check_exec(struct check_ctx *ctx, const struct ast_stmt *s)
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
        struct pol_item it = check_item(ctx, key, prog->text);
        it.argv = argv;
        it.argc = argc;
        pol_add(ctx->arena, &ctx->p->execs, &it);
        return 0;
}

/* `reload signal NAME`: systemctl reload sends NAME to the main process. */
int check_reload(struct check_ctx *ctx, const struct ast_stmt *s)
{
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
        ctx->p->reload_signal = check_item(ctx, NULL, known);
        return 0;
}

/* `umask NNNN`: the file mode creation mask, looser than the default 0077 when others (a
 * group, a reader of its logs) must read what the service creates. Never lets every user
 * write, nor takes the service's own access away. */
int check_umask(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *v = s->args;
        unsigned long m;
        if (!check_octal_mode(v->text, &m))
                return check_error(ctx, &v->loc, "'%s' is not a umask (octal, e.g. 0027)", v->text);
        if (!(m & 0002))
                return check_error(ctx, &v->loc, "umask %s lets every user write the files the service creates",
                                   v->text);
        if (m & 0700)
                return check_error(ctx, &v->loc, "umask %s takes the service's own access to its files away",
                                   v->text);
        ctx->p->umask = check_item(ctx, NULL, arena_printf(ctx->arena, "%04lo", m));
        return 0;
}

int check_type(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (!check_word_in(ctx, s->args, "service type", service_type_names, service_type_names_len))
                return -1;
        ctx->p->type = check_item(ctx, NULL, s->args->text);
        return 0;
}

/* `exit-status CODE... means success|restart|stop`: exit codes 1 to 255 the manager reads as
 * a clean exit, a clean exit to restart after, or a failure not to restart after. A code has
 * one meaning. */
int check_exit_status(struct check_ctx *ctx, const struct ast_stmt *s)
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
                check_add(ctx, &ctx->p->exit_statuses, m->word, text);
        }
        return 0;
}

int check_restart(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (!check_word_in(ctx, s->args, "restart policy", restart_names, restart_names_len))
                return -1;
        ctx->p->restart = check_item(ctx, NULL, s->args->text);
        if (s->args2) {
                if (!check_duration(s->args2->text))
                        return check_error(ctx, &s->args2->loc,
                                           "'%s' is not a duration (e.g. 30s, 5min, 1h30min)", s->args2->text);
                ctx->p->restart_delay = check_item(ctx, NULL, s->args2->text);
        }
        return 0;
}

int check_environment(struct check_ctx *ctx, const struct ast_stmt *s)
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
                check_add(ctx, &ctx->p->environment, NULL, a->text);
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
int check_environment_file(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *a = s->args;
        bool optional = a->kind == ARG_WORD && streq(a->text, "optional");
        if (optional && !(a = a->next))
                return check_error(ctx, &s->args->loc, "missing path after 'optional'");
        for (; a; a = a->next) {
                const char *path = check_raw_path(ctx, a, "EnvironmentFile");
                if (path)
                        check_add(ctx, &ctx->p->environment_files, NULL,
                            optional ? arena_printf(ctx->arena, "-%s", path) : path);
        }
        return 0;
}

/* `pid-file PATH`: where a forking daemon writes its main PID (PIDFile=). Whether the daemon
 * can write it is checked once every `writes` is known. */
int check_pid_file(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const char *path = check_raw_path(ctx, s->args, "PIDFile");
        if (!path)
                return -1;
        ctx->p->pid_file = check_item(ctx, NULL, path);
        return 0;
}

int check_working_directory(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const char *path = check_raw_path(ctx, s->args, "WorkingDirectory");
        if (!path)
                return -1;
        ctx->p->working_directory = check_item(ctx, NULL, path);
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
                check_add(ctx, l, key, a->text);
        }
        return 0;
}

int check_start(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, streq(s->sub, "after") ? &ctx->p->after : &ctx->p->before, NULL);
}

int check_wants(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, &ctx->p->wants, NULL);
}

int check_requires(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_units(ctx, s->args, &ctx->p->requires, NULL);
}

int check_install(struct check_ctx *ctx, const struct ast_stmt *s)
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

int check_user(struct check_ctx *ctx, const struct ast_stmt *s)
{
        struct policy *p = ctx->p;
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
                        p->group_name = check_item(ctx, NULL, s->args2->text);
        } else {
                if (!check_user_name(name))
                        return check_error(ctx, &s->args->loc,
                                           "'%s' is not a valid user name (letters, digits, '_' and '-', at most 31) or id (no leading zero, not 65535)", name);
                if (s->args2 && !check_user_name(s->args2->text))
                        return check_error(ctx, &s->args2->loc, "'%s' is not a valid group name", s->args2->text);
                p->user = POL_USER_NAMED;
                p->user_name = check_item(ctx, NULL, name);
                if (streq(name, "nobody") || streq(name, "65534"))
                        check_warning(ctx, &s->args->loc,
                                      "user nobody is shared by every service that runs as nobody and owns what NFS maps to nobody: systemd warns that this is not safe");
                if (s->args2)
                        p->group_name = check_item(ctx, NULL, s->args2->text);
        }
        return 0;
}

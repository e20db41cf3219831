/* check.c - gives each statement its meaning, checked against the tables.
 *
 * Runs in passes over the resolved statements: the early ones read the statements that
 * change how the others are read (manager, user, target); the second checks the rest. Every
 * error points at the word that is wrong and, for statements that came in through `use`,
 * names the chain of profiles. This file holds the dispatch, the helpers every area uses,
 * the statements about the policy as a whole (manager, target, exposure, the escape hatch)
 * and the rules that involve several statements; the areas are check_values.c,
 * check_files.c, check_network.c and check_schedule.c. */
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
#include "systemd/versions.h"

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

UC_PRINTF(3, 4) int check_error(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        check_vreport(ctx, true, loc, fmt, ap);
        va_end(ap);
        return -1;
}

UC_PRINTF(3, 4) void check_warning(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        check_vreport(ctx, false, loc, fmt, ap);
        va_end(ap);
}

/* ---- statements ------------------------------------------------------------------------ */

struct pol_item check_item(struct check_ctx *ctx, const char *key, const char *value)
{
        return (struct pol_item) { .key = key, .value = value, .stmt = ctx->cur->stmt };
}

void check_add(struct check_ctx *ctx, struct pol_list *l, const char *key, const char *value)
{
        struct pol_item it = check_item(ctx, key, value);
        pol_add(ctx->arena, l, &it);
}

void check_relax(struct check_ctx *ctx, enum relax r)
{
        if (!ctx->p->relax_origin[r])
                ctx->p->relax_origin[r] = ctx->cur->stmt;
}

void check_relax_bits(struct check_ctx *ctx, uint32_t bits)
{
        for (unsigned r = 0; r < _RELAX_MAX; r++)
                if (bits & (UINT32_C(1) << r))
                        check_relax(ctx, (enum relax) r);
}

/* Adds a value the list does not hold yet (lists of few distinct values: system calls). */
void check_add_unique(struct check_ctx *ctx, struct pol_list *l, const char *value)
{
        for (size_t i = 0; i < l->n; i++)
                if (streq(l->items[i].value, value))
                        return;
        check_add(ctx, l, NULL, value);
}

void check_add_words(struct check_ctx *ctx, struct pol_list *l, const char *words)
{
        if (!words)
                return;
        const char *p = words;
        while (*p) {
                size_t n = strcspn(p, " ");
                check_add_unique(ctx, l, arena_strndup(ctx->arena, p, n));
                p += n;
                p += strspn(p, " ");
        }
}

int check_add_capability(struct check_ctx *ctx, const struct cap_info *c, const struct loc *loc)
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
        check_relax_bits(ctx, c->relaxes);
        check_add_words(ctx, &p->syscalls, c->syscalls);
        /* Capabilities of the host cannot be held inside a user namespace. */
        check_relax(ctx, RELAX_HOST_USERS);
        return 0;
}

int check_add_capability_names(struct check_ctx *ctx, const char *names, const struct loc *loc)
{
        if (!names)
                return 0;
        char buf[256];
        snprintf(buf, sizeof(buf), "%s", names);
        for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
                if (check_add_capability(ctx, cap_lookup(w), loc) < 0)
                        return -1;
        return 0;
}

int check_arg_count(struct check_ctx *ctx, const struct ast_stmt *s, size_t min, size_t max, const char *usage)
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
static int check_exposure(struct check_ctx *ctx, const struct ast_stmt *s)
{
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
        if (!check_word_in(ctx, s->args, "manager", managers, ARRAY_SIZE(managers)))
                return -1;
        ctx->p->manager = streq(s->args->text, "user") ? POL_USER : POL_SYSTEM;
        ctx->p->manager_stmt = s;
        return 0;
}

/* `target NAME` (a profile, stdlib/targets/NAME.yaml) or `target systemd N` (that version
 * as Debian builds it). --target, when given, must name the same target. */
static int check_target(struct check_ctx *ctx, const struct ast_stmt *s)
{
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
        check_add(ctx, &ctx->p->directives, sec->text, arena_printf(ctx->arena, "%s=%s", key->text, val->text));
        return 0;
}

typedef int (*check_fn)(struct check_ctx *ctx, const struct ast_stmt *s);

/* The check half of each row of front/statements.def: the argument shape, the function,
 * the pass and whether a profile may say it. */
#define ANY SIZE_MAX
static const struct {
        size_t min, max;
        bool once;
        check_fn fn;
        unsigned pass;
        bool in_profile;
        const char *usage;
} check_table[_STMT_KIND_MAX] = {
#define STATEMENT(KIND, keyword, syntax, min, max, once, check, pass, in_profile, usage) \
        [STMT_##KIND] = { min, max, once, check, pass, in_profile, usage },
#include "front/statements.def"
};
#undef ANY

/* The shape every row declares, checked once for all: said once at most, and with as many
 * arguments as it takes. */
static int check_shape(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (check_table[s->kind].once) {
                const struct ast_stmt **first = &ctx->first[s->kind];
                if (*first && *first != s) {
                        check_error(ctx, &s->loc, "%s given twice", ast_stmt_kind_name(s->kind));
                        diag_note(ctx->diags, &(*first)->loc, "first given here");
                        return -1;
                }
                *first = s;
        }
        return check_arg_count(ctx, s, check_table[s->kind].min, check_table[s->kind].max, check_table[s->kind].usage);
}

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
                        bool root = !*dir || check_is_write_root(dir);
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
                        else if (check_table[s->kind].pass == pass && check_shape(&ctx, s) == 0)
                                check_table[s->kind].fn(&ctx, s);
                }
                if (pass == 0 && diag_has_errors(diags))
                        return NULL;
        }
        check_whole(&ctx);
        return diag_has_errors(diags) ? NULL : p;
}

/* check_schedule.c - the check stage's time and resources: limits, priorities, `schedule`
 * (the timer unit) and `timeout`. */
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
        check_add(ctx, &ctx->p->limits, key, value);
        return 0;
}

int check_limit(struct check_ctx *ctx, const struct ast_stmt *s)
{
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
int check_priority(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct priority_info *pr = check_table_row(ctx, s->args, "priority", priority_table,
                                                         priority_table_len, sizeof(*priority_table));
        if (!pr || check_arg_count(ctx, s, 2, pr->kind == PRIORITY_IO ? 3 : 2, pr->usage) < 0)
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
int check_schedule(struct check_ctx *ctx, const struct ast_stmt *s)
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
                p->timer_every = check_item(ctx, NULL, d);
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
                p->timer_spread = check_item(ctx, NULL, d);
                a = a->next->next;
        }
        if (a)
                return check_error(ctx, &a->loc, "unexpected '%s'; expected 'spread DURATION' or the end of the statement",
                                   a->text);
        if (calendar)
                check_add(ctx, &p->calendars, NULL, calendar);
        return 0;
}

int check_timeout(struct check_ctx *ctx, const struct ast_stmt *s)
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
                ctx->p->timeout_start = check_item(ctx, NULL, v->text);
        else
                ctx->p->timeout_stop = check_item(ctx, NULL, v->text);
        return 0;
}

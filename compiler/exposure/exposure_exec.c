/* exposure_exec.c - the parsers of command lines (config_parse_exec()) and of each unit
 * type's own settings that decide whether systemd loads it: Type=, Restart=, Listen*=,
 * timers, paths, What=, Where=. */
#include "base/prelude.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure_exec.h"
#include "exposure/exposure_load.h"
#include "exposure/exposure_parse.h"
#include "exposure/exposure_specifier.h"
#include "exposure/exposure_words.h"
#include "unit/unit.h"

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
void exposure_parse_service(struct exposure_ctx *c, const struct exposure_directive *d,
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
        } else if (streq(k, "SuccessAction")) {
                /* A user manager knows only the exit actions; it ignores the others
                 * ("specified as user mode action, ignoring"). */
                static const char *const user_actions[] = { "", "none", "exit", "exit-force" };
                if (c->user_scope && !exposure_in_list(v, user_actions, ARRAY_SIZE(user_actions)))
                        return;
                c->success_action = *v && !streq(v, "none");
        }
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
void exposure_parse_exec_other(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e)
{
        const char *dot = strrchr(c->id, '.');
        if (!dot || !exposure_in_list(dot, d->values, SIZE_MAX) || !*e->value)
                return;
        if (exposure_exec_commands(c, e->value) == EXPOSURE_EXEC_FATAL)
                exposure_fatal(c, e, "Invalid command line");
}

/* What makes a socket, timer or path unit loadable, and mount/swap/automount paths. */
void exposure_parse_own(struct exposure_ctx *c, const struct exposure_directive *d,
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

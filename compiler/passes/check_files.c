/* check_files.c - the check stage's paths and the statements about files: reads, writes,
 * executes, hides, owns, and the folders systemd owns for a service. */
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

/* ---- paths --------------------------------------------------------------------------- */

/* An absolute, normalised path: no empty, '.' or '..' components, no trailing '/'. In user
 * services "~/x" becomes "%h/x". Returns the path to emit, or NULL after an error. */
const char *check_path(struct check_ctx *ctx, const struct ast_arg *arg, unsigned flags)
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

bool check_is_write_root(const char *path)
{
        for (size_t i = 0; i < ARRAY_SIZE(write_roots); i++)
                if (streq(path, write_roots[i]))
                        return true;
        return false;
}

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
        if (!check_octal_mode(v->text, &m))
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
        check_add(ctx, &ctx->p->directory_modes, key, value);
        return 0;
}

int check_writes(struct check_ctx *ctx, const struct ast_stmt *s)
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
                if (check_is_write_root(path))
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
                struct pol_item it = check_item(ctx, NULL, path);
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
                check_add(ctx, l, NULL, path);
        }
        return 0;
}

int check_reads(struct check_ctx *ctx, const struct ast_stmt *s)
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
                        check_relax(ctx, RELAX_PROC_FILES);
                check_add(ctx, &ctx->p->reads, NULL, path);
        }
        return 0;
}

int check_executes(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_path_list(ctx, s, &ctx->p->executes);
}

int check_hides(struct check_ctx *ctx, const struct ast_stmt *s)
{
        return check_path_list(ctx, s, &ctx->p->hides);
}

int check_owns(struct check_ctx *ctx, const struct ast_stmt *s)
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
                check_add(ctx, &ctx->p->directories, o->key, t);
        }
        return 0;
}

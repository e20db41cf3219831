/* unitfile.c - reads unit files into the unit model, as `systemd-analyze --offline=true` does.
 *
 * Parsing follows systemd's config parser: lines end at \n, \r, \r\n, \n\r or NUL; a line whose first
 * non-blank character is '#' or ';' is a comment (also inside a continuation); a line ending in
 * an unescaped backslash continues on the next one, the backslash becoming a space; keys and
 * values are trimmed of blanks. Values are stored raw: interpreting them (empty assignments
 * resetting lists included) is the reader of the model's business.
 */
#include "base/prelude.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "unit/unit.h"
#include "front/source.h"
#include "unit/unitfile.h"

#define UNITFILE_LONG_LINE_MAX (1024U * 1024U) /* systemd's LONG_LINE_MAX */
#define UNITFILE_NAME_MAX 256
#define UNITFILE_WHITESPACE " \t\n\r"

struct unitfile_type {
        const char *suffix;
        const char *sections; /* NUL-separated, double-NUL-terminated */
        bool may_template;    /* unit_type_may_template(): instances allowed */
};

static const struct unitfile_type unitfile_types[] = {
        { .suffix = "service",   .sections = "Unit\0Service\0Install\0", .may_template = true },
        { .suffix = "socket",    .sections = "Unit\0Socket\0Install\0", .may_template = true },
        { .suffix = "target",    .sections = "Unit\0Install\0", .may_template = true },
        { .suffix = "device",    .sections = "Unit\0Install\0" },
        { .suffix = "mount",     .sections = "Unit\0Mount\0Install\0" },
        { .suffix = "automount", .sections = "Unit\0Automount\0Install\0" },
        { .suffix = "swap",      .sections = "Unit\0Swap\0Install\0" },
        { .suffix = "timer",     .sections = "Unit\0Timer\0Install\0", .may_template = true },
        { .suffix = "path",      .sections = "Unit\0Path\0Install\0", .may_template = true },
        { .suffix = "slice",     .sections = "Unit\0Slice\0Install\0" },
        { .suffix = "scope",     .sections = "Unit\0Scope\0Install\0" },
};

/* The unit search path of the system and user managers, after the arguments' directories.
 * "~" is $HOME, "$R" is $XDG_RUNTIME_DIR; entries whose variable is unset are skipped. */
static const char *const unitfile_system_path[] = {
        "/etc/systemd/system.control", "/run/systemd/system.control", "/run/systemd/transient",
        "/run/systemd/generator.early", "/etc/systemd/system", "/etc/systemd/system.attached",
        "/run/systemd/system", "/run/systemd/system.attached", "/run/systemd/generator",
        "/usr/local/lib/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system",
        "/run/systemd/generator.late",
};

static const char *const unitfile_user_path[] = {
        "~/.config/systemd/user.control", "$R/systemd/user.control", "$R/systemd/transient",
        "$R/systemd/generator.early", "~/.config/systemd/user", "/etc/xdg/systemd/user",
        "/etc/systemd/user", "$R/systemd/user", "/run/systemd/user", "$R/systemd/generator",
        "~/.local/share/systemd/user", "/usr/local/share/systemd/user", "/usr/share/systemd/user",
        "/usr/local/lib/systemd/user", "/usr/lib/systemd/user", "$R/systemd/generator.late",
};

static const struct unitfile_type *unitfile_type_of(const char *name)
{
        const char *dot = strrchr(name, '.');
        if (!dot)
                return NULL;
        for (size_t i = 0; i < ARRAY_SIZE(unitfile_types); i++)
                if (streq(dot + 1, unitfile_types[i].suffix))
                        return &unitfile_types[i];
        return NULL;
}

const char *unitfile_name_type(const char *name)
{
        const struct unitfile_type *t = unitfile_type_of(name);
        return t ? t->suffix : NULL;
}

static bool unitfile_char_ok(char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               strchr(":-_.\\", c);
}

/* As systemd's unit_name_is_valid(): '@' may occur more than once ("a@b@c.service" is the
 * instance "b@c" of "a@.service"); the first one separates prefix and instance. */
bool unitfile_name_is_valid(const char *name)
{
        size_t len = strlen(name);
        if (len == 0 || len >= UNITFILE_NAME_MAX || !unitfile_type_of(name))
                return false;
        const char *dot = strrchr(name, '.');
        for (const char *p = name; p < dot; p++)
                if (*p != '@' && !unitfile_char_ok(*p))
                        return false;
        return dot != name && name[0] != '@';
}

/* ---- parsing one file ---- */

static bool unitfile_utf8_valid(const char *s)
{
        const unsigned char *p = (const unsigned char *) s;
        while (*p) {
                unsigned n, cp;
                if (*p < 0x80) {
                        p++;
                        continue;
                } else if ((*p & 0xe0) == 0xc0) {
                        n = 1, cp = *p & 0x1f;
                } else if ((*p & 0xf0) == 0xe0) {
                        n = 2, cp = *p & 0x0f;
                } else if ((*p & 0xf8) == 0xf0) {
                        n = 3, cp = *p & 0x07;
                } else
                        return false;
                for (unsigned i = 1; i <= n; i++) {
                        if ((p[i] & 0xc0) != 0x80)
                                return false;
                        cp = (cp << 6) | (p[i] & 0x3f);
                }
                if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
                    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                        return false;
                p += n + 1;
        }
        return true;
}

static char *unitfile_strip(char *s)
{
        s += strspn(s, UNITFILE_WHITESPACE);
        size_t n = strlen(s);
        while (n > 0 && strchr(UNITFILE_WHITESPACE, s[n - 1]))
                s[--n] = '\0';
        return s;
}

static bool unitfile_section_allowed(const char *allowed, const char *name)
{
        for (const char *p = allowed; *p; p += strlen(p) + 1)
                if (streq(p, name))
                        return true;
        return false;
}

struct unitfile_parser {
        struct unit_file *u;
        const char *file;
        const char *allowed;
        const char *section; /* NULL: none yet, or ignored */
        bool bom_seen;
};

/* One logical line (continuations joined). Returns 0, or -1 with *ret_message. */
static int unitfile_parse_line(struct unitfile_parser *p, unsigned line, char *l,
                               const char **ret_message)
{
        struct arena *a = p->u->arena;

        l = unitfile_strip(l);
        if (*l == '\0')
                return 0;
        if (!unitfile_utf8_valid(l)) {
                *ret_message = arena_printf(a, "%s:%u: String is not UTF-8 clean\t%s", p->file, line,
                                            strerror(EINVAL));
                return -1;
        }
        if (*l == '[') {
                size_t k = strlen(l);
                if (l[k - 1] != ']') {
                        *ret_message = arena_printf(a, "%s:%u: Invalid section header '%s'\t%s",
                                                    p->file, line, l, strerror(EBADMSG));
                        return -1;
                }
                char *name = arena_strndup(a, l + 1, k - 2);
                /* string_is_safe(): no control characters, backslashes or quotes */
                for (const char *c = name; *c; c++)
                        if ((unsigned char) *c < ' ' || *c == 0x7f || strchr("\\\"'", *c)) {
                                *ret_message = arena_printf(a, "%s:%u: Bad characters in section header '%s'\t%s",
                                                            p->file, line, l, strerror(EBADMSG));
                                return -1;
                        }
                p->section = unitfile_section_allowed(p->allowed, name) ? name : NULL;
                return 0;
        }
        if (!p->section)
                return 0; /* assignment outside of a section, or in an ignored one */
        char *eq = strchr(l, '=');
        if (!eq || eq == l)
                return 0; /* "Missing '='" / "Missing key name": ignored */
        *eq = '\0';
        const char *key = unitfile_strip(l);
        const char *value = unitfile_strip(eq + 1);
        struct unit_entry *e = unit_add(p->u, p->section, key, value, NULL);
        e->file = p->file;
        e->line = line;
        return 0;
}

int unitfile_parse_text(struct unit_file *u, const char *file, const char *text, size_t len,
                        const char *allowed_sections, const char **ret_message)
{
        struct unitfile_parser p = { .u = u, .file = arena_strdup(u->arena, file),
                                     .allowed = allowed_sections };
        struct strbuf cont = STRBUF_INIT;
        unsigned line = 0, cont_line = 0;
        bool have_cont = false;
        size_t pos = 0;
        int r = 0;
        char *buf = NULL;

        *ret_message = NULL;
        while (pos < len) {
                size_t start = pos;
                while (pos < len && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\0')
                        pos++;
                size_t n = pos - start;
                /* The line ends at a run of end-of-line characters with each of \n and \r
                 * at most once ("\r\n", "\n\r"); a NUL ends the run. */
                for (unsigned seen = 0; pos < len;) {
                        char ch = text[pos];
                        unsigned bit = ch == '\n' ? 1U : ch == '\r' ? 2U : ch == '\0' ? 4U : 0U;
                        if (!bit || (seen & bit) || (seen & 4U))
                                break;
                        seen |= bit;
                        pos++;
                }
                line++;
                if (n > UNITFILE_LONG_LINE_MAX) {
                        *ret_message = arena_printf(u->arena, "%s:%u: Line too long\t%s", p.file, line,
                                                    strerror(ENOBUFS));
                        r = -1;
                        break;
                }
                free(buf);
                buf = xstrndup(text + start, n);
                const char *lead = buf + strspn(buf, UNITFILE_WHITESPACE);
                if (*lead == '#' || *lead == ';')
                        continue;
                char *l = buf;
                if (!p.bom_seen && startswith(l, "\xef\xbb\xbf")) {
                        l += 3;
                        p.bom_seen = true;
                }
                if (have_cont) {
                        if (cont.len + strlen(l) > UNITFILE_LONG_LINE_MAX) {
                                *ret_message = arena_printf(u->arena, "%s:%u: Continuation line too long\t%s",
                                                            p.file, line, strerror(ENOBUFS));
                                r = -1;
                                break;
                        }
                        strbuf_puts(&cont, l);
                } else {
                        strbuf_reset(&cont);
                        strbuf_puts(&cont, l);
                        cont_line = line;
                }
                /* Does the joined line end in an unescaped backslash? The part joined before
                 * ended in a space, so scanning the new line alone is enough. */
                bool escaped = false;
                for (const char *q = l; *q; q++)
                        escaped = escaped ? false : *q == '\\';
                if (escaped) {
                        cont.s[cont.len - 1] = ' ';
                        have_cont = true;
                        continue;
                }
                have_cont = false;
                r = unitfile_parse_line(&p, cont_line, cont.s, ret_message);
                if (r < 0)
                        break;
        }
        if (r == 0 && have_cont)
                r = unitfile_parse_line(&p, cont_line, cont.s, ret_message);
        free(buf);
        strbuf_free(&cont);
        return r;
}

/* ---- files and search path ---- */

enum unitfile_read {
        UNITFILE_READ_OK,
        UNITFILE_READ_MISSING,
        UNITFILE_READ_EMPTY,   /* masked: a character device, or a regular file of size 0 */
        UNITFILE_READ_NO_OPEN, /* open() fails (errno set); systemd: "Failed to open", not found */
        UNITFILE_READ_FIFO,    /* a FIFO: systemd would wait for a writer, this reader refuses */
        UNITFILE_READ_ERROR,   /* reading fails (errno set; EFBIG above UNITFILE_MAX_BYTES) */
};

/* What systemd makes of a fragment (or drop-in) of this type before reading it:
 * null_or_empty() masks a fragment that is a character device or a regular file of size 0
 * (zero-size /proc files included); a drop-in is read whatever its size, and a character
 * device (/dev/null and /dev/zero alike) or a FIFO is skipped rather than read without end or
 * waited on. Regular files and block devices are read. */
static enum unitfile_read unitfile_classify(const struct stat *st, bool dropin)
{
        if (S_ISREG(st->st_mode))
                return !dropin && st->st_size <= 0 ? UNITFILE_READ_EMPTY : UNITFILE_READ_OK;
        if (S_ISBLK(st->st_mode))
                return UNITFILE_READ_OK;
        if (S_ISCHR(st->st_mode))
                return UNITFILE_READ_EMPTY;
        if (S_ISFIFO(st->st_mode))
                return UNITFILE_READ_FIFO;
        if (S_ISDIR(st->st_mode)) {
                errno = EISDIR;
                return UNITFILE_READ_ERROR;
        }
        errno = ENXIO; /* a socket: what open() says */
        return UNITFILE_READ_NO_OPEN;
}

/* Reads a fragment or drop-in (following symlinks) into a NUL-terminated buffer. The file's
 * type decides first (unitfile_classify(), from stat() so that no device or FIFO is even
 * opened); then the open is O_NONBLOCK and fstat() must agree, and at most
 * UNITFILE_MAX_BYTES are read. Sets errno on UNITFILE_READ_NO_OPEN and UNITFILE_READ_ERROR. */
static enum unitfile_read unitfile_slurp(const char *path, bool dropin, char **ret, size_t *ret_len)
{
        struct stat st;
        if (stat(path, &st) < 0)
                return errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? UNITFILE_READ_MISSING
                                                                               : UNITFILE_READ_NO_OPEN;
        enum unitfile_read kind = unitfile_classify(&st, dropin);
        if (kind != UNITFILE_READ_OK)
                return kind;
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0)
                return errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? UNITFILE_READ_MISSING
                                                                               : UNITFILE_READ_NO_OPEN;
        /* The file may have been replaced between stat() and open(). */
        if (fstat(fd, &st) < 0 || (kind = unitfile_classify(&st, dropin)) != UNITFILE_READ_OK) {
                int e = errno;
                close(fd);
                errno = e;
                return kind == UNITFILE_READ_OK ? UNITFILE_READ_ERROR : kind;
        }
        /* A regular file's size, the read that finds its end, and the NUL fit at once. */
        size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 && (uintmax_t) st.st_size < UNITFILE_MAX_BYTES
                             ? (size_t) st.st_size + 2
                             : 4096,
               len = 0;
        char *buf = xmalloc(cap);
        for (;;) {
                if (len + 1 >= cap) {
                        /* room for UNITFILE_MAX_BYTES, one byte more that shows the file is
                         * larger, and the NUL */
                        if (cap >= UNITFILE_MAX_BYTES + 2) {
                                free(buf);
                                close(fd);
                                errno = EFBIG;
                                return UNITFILE_READ_ERROR;
                        }
                        cap = cap > (UNITFILE_MAX_BYTES + 2) / 2 ? UNITFILE_MAX_BYTES + 2 : cap * 2;
                        buf = xrealloc(buf, cap);
                }
                ssize_t k = read(fd, buf + len, cap - len - 1);
                if (k < 0) {
                        if (errno == EINTR)
                                continue;
                        int e = errno;
                        free(buf);
                        close(fd);
                        errno = e;
                        return UNITFILE_READ_ERROR;
                }
                if (k == 0)
                        break;
                len += (size_t) k;
        }
        close(fd);
        buf[len] = '\0';
        *ret = buf;
        *ret_len = len;
        return UNITFILE_READ_OK;
}

struct unitfile_dirs {
        const char **v;
        size_t n, cap;
};

static void unitfile_dirs_add(struct arena *a, struct unitfile_dirs *d, const char *dir)
{
        char *real = realpath(dir, NULL);
        const char *key = real ? real : dir;
        for (size_t i = 0; i < d->n; i++)
                if (streq(d->v[i], key)) {
                        free(real);
                        return;
                }
        d->v = arena_grow(a, d->v, sizeof(*d->v), &d->cap, d->n + 1);
        d->v[d->n++] = arena_strdup(a, key);
        free(real);
}

static const char *unitfile_basename(const char *path)
{
        const char *slash = strrchr(path, '/');
        return slash ? slash + 1 : path;
}

static void unitfile_collect_path(struct arena *a, const char *argdir, const struct unitfile_options *opt,
                                  struct unitfile_dirs *d)
{
        if (opt->search_dirs && opt->no_host_paths) {
                d->v = (const char **) opt->search_dirs;
                d->n = opt->n_search_dirs;
                return;
        }
        if (opt->search_dirs)
                for (size_t i = 0; i < opt->n_search_dirs; i++)
                        unitfile_dirs_add(a, d, opt->search_dirs[i]);
        else if (argdir)
                unitfile_dirs_add(a, d, argdir);
        if (opt->no_host_paths)
                return;
        const char *env = getenv("SYSTEMD_UNIT_PATH");
        bool defaults = true;
        if (env) {
                /* Explicit entries, then the defaults only when the value ends in ':'. */
                size_t n = strlen(env);
                defaults = n > 0 && env[n - 1] == ':';
                char *copy = arena_strdup(a, env);
                for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":"))
                        unitfile_dirs_add(a, d, tok);
        }
        if (!defaults)
                return;
        const char *home = getenv("HOME"), *runtime = getenv("XDG_RUNTIME_DIR");
        const char *const *list = opt->user ? unitfile_user_path : unitfile_system_path;
        size_t n = opt->user ? ARRAY_SIZE(unitfile_user_path) : ARRAY_SIZE(unitfile_system_path);
        for (size_t i = 0; i < n; i++) {
                const char *p = list[i];
                if (p[0] == '~') {
                        if (!home)
                                continue;
                        p = arena_printf(a, "%s%s", home, p + 1);
                } else if (p[0] == '$') {
                        if (!runtime)
                                continue;
                        p = arena_printf(a, "%s%s", runtime, p + 2);
                }
                unitfile_dirs_add(a, d, p);
        }
}

const char **unitfile_search_path(struct arena *a, const struct unitfile_options *opt, size_t *ret_n)
{
        struct unitfile_options o = *opt;
        o.no_host_paths = false;
        struct unitfile_dirs d = { 0 };
        unitfile_collect_path(a, NULL, &o, &d);
        size_t n = 0;
        for (size_t i = 0; i < d.n; i++) {
                struct stat st;
                if (stat(d.v[i], &st) == 0 && S_ISDIR(st.st_mode))
                        d.v[n++] = d.v[i];
        }
        *ret_n = n;
        return d.v;
}

static bool unitfile_exists(const char *path)
{
        return access(path, F_OK) == 0;
}

/* "foo@bar.service" -> "foo@.service"; NULL if not an instance. */
static char *unitfile_template_of(struct arena *a, const char *name)
{
        const char *at = strchr(name, '@');
        const char *dot = strrchr(name, '.');
        if (!at || !dot || at + 1 == dot)
                return NULL;
        return arena_printf(a, "%.*s%s", (int) (at - name + 1), name, dot);
}

/* "foo@bar.service" -> "bar" (empty for a template). */
static char *unitfile_instance_of(struct arena *a, const char *name)
{
        const char *at = strchr(name, '@'), *dot = strrchr(name, '.');
        return arena_strndup(a, at + 1, (size_t) (dot - at - 1));
}

/* "foo@.service" + "i" -> "foo@i.service". */
static char *unitfile_instantiate(struct arena *a, const char *template, const char *instance)
{
        const char *at = strchr(template, '@');
        return arena_printf(a, "%.*s%s%s", (int) (at - template + 1), template, instance, at + 1);
}

struct unitfile_found {
        const char *path; /* the file to read */
        const char *link; /* the name in the search directory that led there */
        const char *id;   /* the unit's name after alias resolution */
        bool masked;
};

/* Whether path's folder is a folder of the search path or below one (systemd's test of
 * whether a symlink's target makes it an alias or a linked unit file). */
static bool unitfile_in_search_path(struct arena *a, const struct unitfile_dirs *d, const char *path)
{
        char *dir = source_dirname(a, path);
        char *real = realpath(dir, NULL);
        const char *key = real ? real : dir;
        bool in = false;
        for (size_t i = 0; i < d->n && !in; i++) {
                size_t n = strlen(d->v[i]);
                in = strncmp(key, d->v[i], n) == 0 && (key[n] == '\0' || key[n] == '/');
        }
        free(real);
        return in;
}

/* Finds name in the search path; follows alias symlinks. Like systemd's unit name map, only
 * regular files and symlinks in the search directories count (a FIFO, socket, device or
 * folder there is passed over), and a symlink to anything else within the search path is
 * broken; a symlink out of it may lead to any file, which the reader then judges. */
static bool unitfile_find(struct arena *a, const struct unitfile_dirs *d, const char *name,
                          struct unitfile_found *ret)
{
        for (size_t i = 0; i < d->n; i++) {
                char *p = arena_printf(a, "%s/%s", d->v[i], name);
                const char *link = p;
                struct stat st;
                if (lstat(p, &st) < 0 || !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
                        continue;
                const char *id = name;
                for (int hops = 0; S_ISLNK(st.st_mode) && hops < 32; hops++) {
                        char target[PATH_MAX];
                        ssize_t k = readlink(p, target, sizeof(target) - 1);
                        if (k < 0)
                                break;
                        target[k] = '\0';
                        if (streq(target, "/dev/null")) {
                                *ret = (struct unitfile_found) { .path = p, .link = link, .id = id, .masked = true };
                                return true;
                        }
                        const char *tb = unitfile_basename(target);
                        if (unitfile_name_is_valid(tb) && !streq(tb, unitfile_basename(p)) &&
                            unitfile_name_type(tb) == unitfile_name_type(id)) {
                                /* An alias: the unit is known by its target's name. */
                                if (strchr(tb, '@') && !unitfile_template_of(a, tb) &&
                                    unitfile_template_of(a, id))
                                        id = unitfile_instantiate(a, tb, unitfile_instance_of(a, id));
                                else
                                        id = arena_strdup(a, tb);
                        }
                        p = target[0] == '/' ? arena_strdup(a, target)
                                             : arena_printf(a, "%s/%s", source_dirname(a, p), target);
                        if (lstat(p, &st) < 0)
                                break;
                }
                if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode) &&
                    (p == link || unitfile_in_search_path(a, d, p)))
                        continue;
                *ret = (struct unitfile_found) { .path = p, .link = link, .id = id };
                return true;
        }
        return false;
}

struct unitfile_dropin {
        const char *base;
        const char *path;
};

static int unitfile_dropin_cmp(const void *x, const void *y)
{
        const struct unitfile_dropin *a = x, *b = y;
        return strcmp(a->base, b->base);
}

struct unitfile_dropins {
        struct unitfile_dropin *v;
        size_t n, cap;
};

struct unitfile_dircache_entry {
        const char *dir;
        const char **subdirs; /* names ending in ".d", sorted */
        size_t n;
};

struct unitfile_dircache {
        struct arena *arena;
        struct unitfile_dircache_entry *v;
        size_t n, cap;
};

struct unitfile_dircache *unitfile_dircache_new(struct arena *a)
{
        struct unitfile_dircache *c = arena_alloc(a, sizeof(*c));
        c->arena = a;
        return c;
}

static int unitfile_str_cmp(const void *x, const void *y)
{
        return strcmp(*(const char *const *) x, *(const char *const *) y);
}

/* Whether dir/name may exist, as far as the cache knows (true without a cache). */
static bool unitfile_dircache_has(struct unitfile_dircache *c, const char *dir, const char *name)
{
        if (!c)
                return true;
        struct unitfile_dircache_entry *e = NULL;
        for (size_t i = 0; i < c->n && !e; i++)
                if (streq(c->v[i].dir, dir))
                        e = &c->v[i];
        if (!e) {
                c->v = arena_grow(c->arena, c->v, sizeof(*c->v), &c->cap, c->n + 1);
                e = &c->v[c->n++];
                *e = (struct unitfile_dircache_entry) { .dir = arena_strdup(c->arena, dir) };
                size_t cap = 0;
                DIR *dh = opendir(dir);
                struct dirent *de;
                while (dh && (de = readdir(dh))) {
                        size_t n = strlen(de->d_name);
                        if (n < 3 || !streq(de->d_name + n - 2, ".d"))
                                continue;
                        e->subdirs = arena_grow(c->arena, e->subdirs, sizeof(*e->subdirs), &cap, e->n + 1);
                        e->subdirs[e->n++] = arena_strdup(c->arena, de->d_name);
                }
                if (dh)
                        closedir(dh);
                if (e->n > 1)
                        qsort(e->subdirs, e->n, sizeof(*e->subdirs), unitfile_str_cmp);
        }
        return e->n && bsearch(&name, e->subdirs, e->n, sizeof(*e->subdirs), unitfile_str_cmp);
}

static void unitfile_scan_dropin_dir(struct arena *a, const char *dir, struct unitfile_dropins *out)
{
        DIR *dh = opendir(dir);
        if (!dh)
                return;
        struct dirent *de;
        while ((de = readdir(dh))) {
                size_t n = strlen(de->d_name);
                if (de->d_name[0] == '.' || n < 6 || !streq(de->d_name + n - 5, ".conf"))
                        continue;
                bool seen = false;
                for (size_t i = 0; i < out->n && !seen; i++)
                        seen = streq(out->v[i].base, de->d_name);
                if (seen)
                        continue; /* an earlier directory masks this one */
                out->v = arena_grow(a, out->v, sizeof(*out->v), &out->cap, out->n + 1);
                out->v[out->n++] = (struct unitfile_dropin) {
                        .base = arena_strdup(a, de->d_name),
                        .path = arena_printf(a, "%s/%s", dir, de->d_name),
                };
        }
        closedir(dh);
}

/* The drop-in directory names for a unit, most specific first: "foo-bar@x.service.d",
 * "foo-bar@.service.d", "foo-.service.d", "service.d". */
static size_t unitfile_dropin_names(struct arena *a, const char *id, const char **ret, size_t max)
{
        size_t n = 0;
        const char *type = unitfile_name_type(id);
        ret[n++] = arena_printf(a, "%s.d", id);
        char *tmpl = unitfile_template_of(a, id);
        if (tmpl && n < max)
                ret[n++] = arena_printf(a, "%s.d", tmpl);
        /* Prefix drop-ins: cut the prefix (before '@' and the suffix) at each '-'. */
        const char *end = strchr(id, '@');
        if (!end)
                end = strrchr(id, '.');
        for (const char *p = end; p > id && n < max; p--)
                if (p[-1] == '-' && p - 1 > id)
                        ret[n++] = arena_printf(a, "%.*s.%s.d", (int) (p - id), id, type);
        if (n < max)
                ret[n++] = arena_printf(a, "%s.d", type);
        return n;
}

static int unitfile_fail(struct unitfile_result *ret, enum unitfile_status st, const char *msg)
{
        ret->status = st;
        ret->message = msg;
        return -1;
}

const char *unitfile_argument_dir(struct arena *a, const char *path)
{
        char *dir = source_dirname(a, path);
        if (unitfile_exists(path))
                return dir;
        char *tmpl = unitfile_template_of(a, unitfile_basename(path));
        if (tmpl && unitfile_exists(arena_printf(a, "%s/%s", dir, tmpl)))
                return dir;
        return NULL;
}

/* The folder of path made absolute from the working directory and simplified as systemd's
 * path_simplify() does (no "//", no "." components; ".." stays). */
static const char *unitfile_absolute_dir(struct arena *a, const char *path)
{
        char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
        char *abs = arena_printf(a, "%s/%s", cwd ? cwd : "", source_dirname(a, path));
        free(cwd);
        struct strbuf b = STRBUF_INIT;
        for (char *tok = strtok(abs, "/"); tok; tok = strtok(NULL, "/"))
                if (!streq(tok, "."))
                        strbuf_printf(&b, "/%s", tok);
        const char *r = b.len ? arena_strdup(a, strbuf_str(&b)) : "";
        strbuf_free(&b);
        return r;
}

int unitfile_load(struct arena *a, const char *path, const struct unitfile_options *opt,
                  struct unit_file **ret_unit, struct unitfile_result *ret)
{
        static const struct unitfile_options defaults = { 0 };
        if (!opt)
                opt = &defaults;
        *ret = (struct unitfile_result) { 0 };
        *ret_unit = NULL;

        const char *base = unitfile_basename(path);
        if (!unitfile_name_is_valid(base))
                return unitfile_fail(ret, UNITFILE_BAD_NAME,
                                     arena_strdup(a, strerror(EINVAL))); /* systemd's words */
        /* A template is analysed as an instance. */
        const char *name = base;
        const char *at = strchr(base, '@');
        if (at && at + 1 == strrchr(base, '.')) /* "a@.b@.service" is an instance */
                name = unitfile_instantiate(a, base, opt->instance ? opt->instance : "i");
        /* unit_add_name() refuses an instance of a type that has no templates, before any
         * file is looked at; systemd-analyze names the absolute path it would load. */
        if (at && !unitfile_type_of(base)->may_template)
                return unitfile_fail(ret, UNITFILE_NO_TEMPLATE,
                                     arena_printf(a, "Failed to load unit file %s/%s: %s",
                                                  unitfile_absolute_dir(a, path), name, strerror(EINVAL)));
        /* Scopes only exist when created at runtime: a file never defines one. */
        if (streq(unitfile_name_type(base), "scope"))
                return unitfile_fail(ret, UNITFILE_NOT_FOUND, arena_printf(a, "Unit %s not found.", base));

        struct unitfile_dirs dirs = { 0 };
        unitfile_collect_path(a, opt->search_dirs ? NULL : unitfile_argument_dir(a, path), opt, &dirs);

        struct unitfile_found found;
        bool ok = unitfile_find(a, &dirs, name, &found);
        if (!ok) {
                char *tmpl = unitfile_template_of(a, name);
                if (tmpl && unitfile_find(a, &dirs, tmpl, &found)) {
                        ok = true;
                        if (streq(found.id, tmpl))
                                found.id = name;
                        else
                                found.id = unitfile_instantiate(a, found.id, unitfile_instance_of(a, name));
                }
        }
        if (!ok)
                return unitfile_fail(ret, UNITFILE_NOT_FOUND,
                                     arena_printf(a, "Unit %s not found.", name));
        if (found.masked)
                return unitfile_fail(ret, UNITFILE_MASKED,
                                     arena_printf(a, "Unit %s is masked.", found.id));

        char *text = NULL;
        size_t len = 0;
        switch (unitfile_slurp(found.path, false, &text, &len)) {
        case UNITFILE_READ_OK:
                break;
        case UNITFILE_READ_MISSING:
                return unitfile_fail(ret, UNITFILE_NOT_FOUND,
                                     arena_printf(a, "Unit %s not found.", found.id));
        case UNITFILE_READ_NO_OPEN:
                return unitfile_fail(ret, UNITFILE_NOT_FOUND,
                                     arena_printf(a, "%s: Failed to open %s: %s\nUnit %s not found.", found.id,
                                                  found.link, strerror(errno), found.id));
        case UNITFILE_READ_FIFO:
                /* systemd-analyze blocks in open() until something writes to the FIFO */
                return unitfile_fail(ret, UNITFILE_NOT_FOUND,
                                     arena_printf(a, "%s: Failed to open %s: a FIFO, not read (systemd-analyze "
                                                  "would wait for a writer)\nUnit %s not found.",
                                                  found.id, found.link, found.id));
        case UNITFILE_READ_EMPTY:
                return unitfile_fail(ret, UNITFILE_MASKED,
                                     arena_printf(a, "Unit %s is masked.", found.id));
        case UNITFILE_READ_ERROR:
                return unitfile_fail(ret, UNITFILE_BAD_FILE,
                                     arena_printf(a, "Unit %s failed to load properly, please adjust/correct "
                                                  "and reload service manager: %s",
                                                  found.id, strerror(errno)));
        }

        const char *sections = unitfile_type_of(found.id)->sections;
        struct unit_file *u = unit_new(a, found.id);
        const char *msg = NULL;
        int r = unitfile_parse_text(u, found.path, text, len, sections, &msg);
        free(text);
        ret->fragment = found.path;

        /* Drop-ins from every directory of the search path, merged by file name. */
        struct unitfile_dropins dropins = { 0 };
        const char *dnames[64];
        size_t nd = unitfile_dropin_names(a, found.id, dnames, ARRAY_SIZE(dnames));
        for (size_t i = 0; r == 0 && i < dirs.n; i++)
                for (size_t j = 0; j < nd; j++)
                        if (unitfile_dircache_has(opt->dircache, dirs.v[i], dnames[j]))
                                unitfile_scan_dropin_dir(a, arena_printf(a, "%s/%s", dirs.v[i], dnames[j]),
                                                         &dropins);
        if (dropins.n > 1)
                qsort(dropins.v, dropins.n, sizeof(*dropins.v), unitfile_dropin_cmp);
        /* A drop-in that cannot be read or parsed to its end contributes what came before the
         * error; systemd ignores the rest of it. */
        for (size_t i = 0; r == 0 && i < dropins.n; i++) {
                if (unitfile_slurp(dropins.v[i].path, true, &text, &len) != UNITFILE_READ_OK)
                        continue;
                const char *ignored;
                (void) unitfile_parse_text(u, dropins.v[i].path, text, len, sections, &ignored);
                free(text);
                ret->n_dropins++;
        }
        if (r < 0) {
                /* msg is "file:line: what<TAB>reason" */
                const char *tab = strchr(msg, '\t');
                return unitfile_fail(ret, UNITFILE_BAD_FILE,
                                     arena_printf(a, "%.*s\nUnit %s failed to load properly, please adjust/correct "
                                                  "and reload service manager: %s",
                                                  (int) (tab ? tab - msg : (ptrdiff_t) strlen(msg)), msg,
                                                  found.id, tab ? tab + 1 : "Invalid argument"));
        }
        *ret_unit = u;
        return 0;
}

/* target.c - target profiles: YAML files read with libyaml, checked against a table of keys. */
#include "base/prelude.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "base/arena.h"
#include "front/diag.h"
#include "front/source.h"
#include "systemd/target.h"
#include "systemd/versions.h"

/* A bare `target systemd N` is N with the features of the Debian build its profile names:
 * the profiles stdlib/targets/debian-*.yaml say the same (a unit test compares them). */
const struct target *target_for_version(struct arena *a, unsigned version)
{
        const struct sd_profile *p = sd_profile_for(version);
        if (!p)
                return NULL;
        struct target *t = arena_alloc(a, sizeof(*t));
        t->name = arena_printf(a, "systemd-%u", version);
        t->distribution = arena_printf(a, "systemd %u as %s builds it", version, p->debian);
        t->systemd = version;
        t->profile = p;
        t->bpf_framework = p->bpf_framework;
        t->seccomp = t->apparmor = t->selinux = true;
        t->bpf_lsm = false;
        t->unprivileged_userns = true;
        t->system_unit_dir = "/lib/systemd/system";
        t->user_unit_dir = "/usr/lib/systemd/user";
        return t;
}

/* ---- a small tree of the YAML document ------------------------------------------------ */

enum node_kind { NODE_SCALAR, NODE_MAP, NODE_OTHER };

struct node {
        enum node_kind kind;
        const char *text;          /* scalars */
        bool plain;                /* an unquoted scalar (a YAML boolean or number) */
        struct loc loc;
        struct node **keys, **values; /* maps */
        size_t n, cap;
};

struct reader {
        struct arena *arena;
        struct diag_queue *diags;
        const struct source *src;
        yaml_parser_t parser;
        unsigned depth;
};

static struct loc mark_loc(const struct reader *r, yaml_mark_t start, yaml_mark_t end)
{
        struct loc l = { .src = r->src };
        l.first_line = (unsigned) start.line + 1;
        l.first_col = (unsigned) start.column + 1;
        l.last_line = (unsigned) end.line + 1;
        l.last_col = end.column > 0 ? (unsigned) end.column : l.first_col;
        if (l.last_line != l.first_line) { /* a span ends on the line it starts */
                l.last_line = l.first_line;
                l.last_col = l.first_col;
        }
        return l;
}

static bool reader_next(struct reader *r, yaml_event_t *ev)
{
        if (yaml_parser_parse(&r->parser, ev))
                return true;
        struct loc l = { .src = r->src };
        l.first_line = l.last_line = (unsigned) r->parser.problem_mark.line + 1;
        l.first_col = l.last_col = (unsigned) r->parser.problem_mark.column + 1;
        diag_error(r->diags, &l, "not a target profile: %s%s%s", r->parser.problem ? r->parser.problem : "bad YAML",
                   r->parser.context ? " " : "", r->parser.context ? r->parser.context : "");
        return false;
}

/* Reads the node that ev starts; NULL after an error. */
static struct node *reader_node(struct reader *r, yaml_event_t *ev)
{
        struct node *n = arena_alloc(r->arena, sizeof(*n));
        n->loc = mark_loc(r, ev->start_mark, ev->end_mark);
        switch (ev->type) {
        case YAML_SCALAR_EVENT:
                n->kind = NODE_SCALAR;
                n->text = arena_strndup(r->arena, (const char *) ev->data.scalar.value, ev->data.scalar.length);
                n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                return n;
        case YAML_MAPPING_START_EVENT:
                n->kind = NODE_MAP;
                if (++r->depth > 8) {
                        diag_error(r->diags, &n->loc, "a target profile nests at most 8 deep");
                        return NULL;
                }
                for (;;) {
                        yaml_event_t k;
                        if (!reader_next(r, &k))
                                return NULL;
                        if (k.type == YAML_MAPPING_END_EVENT) {
                                yaml_event_delete(&k);
                                r->depth--;
                                return n;
                        }
                        struct node *key = reader_node(r, &k);
                        yaml_event_delete(&k);
                        if (!key)
                                return NULL;
                        yaml_event_t v;
                        if (!reader_next(r, &v))
                                return NULL;
                        struct node *val = reader_node(r, &v);
                        yaml_event_delete(&v);
                        if (!val)
                                return NULL;
                        if (n->n == n->cap) {
                                size_t cap = n->cap;
                                n->keys = arena_grow(r->arena, n->keys, sizeof(*n->keys), &cap, n->n + 1);
                                n->values = arena_grow(r->arena, n->values, sizeof(*n->values), &n->cap, n->n + 1);
                        }
                        n->keys[n->n] = key;
                        n->values[n->n++] = val;
                }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_ALIAS_EVENT:
        default:
                /* Lists and aliases: no key takes one; skip it whole for the error. */
                n->kind = NODE_OTHER;
                if (ev->type == YAML_SEQUENCE_START_EVENT) {
                        for (unsigned open = 1; open;) {
                                yaml_event_t e;
                                if (!reader_next(r, &e))
                                        return NULL;
                                open += e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT;
                                open -= e.type == YAML_SEQUENCE_END_EVENT || e.type == YAML_MAPPING_END_EVENT;
                                yaml_event_delete(&e);
                        }
                }
                return n;
        }
}

/* ---- the keys a profile has ------------------------------------------------------------- */

enum field_kind { FIELD_TEXT, FIELD_VERSION, FIELD_BOOL, FIELD_PATH, FIELD_SECTION };

/* One row per key: its dotted path, what it holds, and where it goes in struct target. */
static const struct field {
        const char *path;
        enum field_kind kind;
        size_t offset;
        bool required;
        const char *help;
} fields[] = {
        { "name", FIELD_TEXT, offsetof(struct target, name), true, "the target's name, as its file is named" },
        { "distribution", FIELD_TEXT, offsetof(struct target, distribution), true, "who ships it" },
        { "systemd", FIELD_VERSION, offsetof(struct target, systemd), true, "the systemd version" },
        { "features", FIELD_SECTION, 0, true, "build features, as systemd --version lists them" },
        { "features.bpf-framework", FIELD_BOOL, offsetof(struct target, bpf_framework), true, "+BPF_FRAMEWORK" },
        { "features.seccomp", FIELD_BOOL, offsetof(struct target, seccomp), true, "+SECCOMP" },
        { "features.apparmor", FIELD_BOOL, offsetof(struct target, apparmor), true, "+APPARMOR" },
        { "features.selinux", FIELD_BOOL, offsetof(struct target, selinux), true, "+SELINUX" },
        { "kernel", FIELD_SECTION, 0, true, "what the distribution's kernel allows" },
        { "kernel.bpf-lsm", FIELD_BOOL, offsetof(struct target, bpf_lsm), true, "the BPF LSM is on (lsm=...,bpf)" },
        { "kernel.unprivileged-userns", FIELD_BOOL, offsetof(struct target, unprivileged_userns), true,
          "unprivileged user namespaces are allowed" },
        { "units", FIELD_SECTION, 0, true, "where units are installed" },
        { "units.system", FIELD_PATH, offsetof(struct target, system_unit_dir), true, "the package's system unit folder" },
        { "units.user", FIELD_PATH, offsetof(struct target, user_unit_dir), true, "the package's user unit folder" },
};

static const struct field *field_find(const char *path)
{
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
                if (streq(fields[i].path, path))
                        return &fields[i];
        return NULL;
}

static bool target_bool(const char *s, bool *ret)
{
        static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
        for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
                if (streq(s, yes[i]))
                        return *ret = true;
                if (streq(s, no[i]))
                        return !(*ret = false);
        }
        return false;
}

struct loader {
        struct reader *r;
        struct target *t;
        bool seen[ARRAY_SIZE(fields)];
        bool ok;
};

UC_PRINTF(3, 4) static void loader_error(struct loader *l, const struct loc *loc, const char *fmt, ...)
{
        char buf[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(buf, sizeof(buf), fmt, ap);
        va_end(ap);
        diag_error(l->r->diags, loc, "%s", buf);
        l->ok = false;
}

static void loader_map(struct loader *l, const struct node *map, const char *prefix)
{
        for (size_t i = 0; i < map->n; i++) {
                const struct node *k = map->keys[i], *v = map->values[i];
                if (k->kind != NODE_SCALAR) {
                        loader_error(l, &k->loc, "a key of a target profile is a word");
                        continue;
                }
                const char *path = *prefix ? arena_printf(l->r->arena, "%s.%s", prefix, k->text) : k->text;
                const struct field *f = field_find(path);
                if (!f) {
                        loader_error(l, &k->loc, "unknown key '%s' in a target profile", path);
                        const char *names[ARRAY_SIZE(fields)];
                        size_t n = 0;
                        for (size_t j = 0; j < ARRAY_SIZE(fields); j++)
                                names[n++] = fields[j].path;
                        diag_hint_spelling(l->r->diags, path, names, n);
                        continue;
                }
                size_t idx = (size_t) (f - fields);
                if (l->seen[idx]) {
                        loader_error(l, &k->loc, "'%s' given twice", path);
                        continue;
                }
                l->seen[idx] = true;
                if (f->kind == FIELD_SECTION) {
                        if (v->kind != NODE_MAP)
                                loader_error(l, &v->loc, "'%s' holds keys (%s)", path, f->help);
                        else
                                loader_map(l, v, path);
                        continue;
                }
                if (v->kind != NODE_SCALAR) {
                        loader_error(l, &v->loc, "'%s' takes one value: %s", path, f->help);
                        continue;
                }
                char *field = (char *) l->t + f->offset;
                switch (f->kind) {
                case FIELD_TEXT:
                case FIELD_PATH:
                        if (!*v->text || (f->kind == FIELD_PATH && v->text[0] != '/')) {
                                loader_error(l, &v->loc, "'%s' takes %s", path,
                                             f->kind == FIELD_PATH ? "an absolute path" : "a text");
                                break;
                        }
                        *(const char **) (void *) field = v->text;
                        break;
                case FIELD_VERSION: {
                        size_t n = strlen(v->text);
                        unsigned long ver = strtoul(v->text, NULL, 10);
                        if (!v->plain || n == 0 || n > 3 || strspn(v->text, "0123456789") != n ||
                            !sd_version_known((unsigned) ver)) {
                                loader_error(l, &v->loc, "'%s' is not a systemd version unitc supports (%u to %u)",
                                             v->text, sd_version_oldest(), sd_version_newest());
                                break;
                        }
                        *(unsigned *) (void *) field = (unsigned) ver;
                        break;
                }
                case FIELD_BOOL: {
                        bool b;
                        if (!v->plain || !target_bool(v->text, &b)) {
                                loader_error(l, &v->loc, "'%s' takes true or false, not '%s'", path, v->text);
                                break;
                        }
                        *(bool *) (void *) field = b;
                        break;
                }
                case FIELD_SECTION:
                        break;
                }
        }
}

const struct target *target_load(struct arena *a, struct diag_queue *d, const char *path,
                                 const struct loc *where)
{
        int err = 0;
        struct source *src = source_read_file(a, path, &err);
        if (!src) {
                diag_error(d, where, "cannot read target profile %s: %s", path,
                           err == EFBIG ? "larger than 16 MiB" : err == EILSEQ ? "contains NUL bytes" : strerror(err));
                return NULL;
        }
        struct reader r = { .arena = a, .diags = d, .src = src };
        if (!yaml_parser_initialize(&r.parser))
                uc_oom();
        yaml_parser_set_input_string(&r.parser, (const unsigned char *) src->text, src->len);
        struct target *t = arena_alloc(a, sizeof(*t));
        t->src = src;
        struct loader l = { .r = &r, .t = t, .ok = true };
        struct node *root = NULL;
        unsigned before = d->errors;
        /* stream start, document start, the root node, document end */
        yaml_event_t ev;
        bool doc = false;
        while (reader_next(&r, &ev)) {
                yaml_event_type_t type = ev.type;
                if (type == YAML_DOCUMENT_START_EVENT) {
                        if (doc) {
                                struct loc loc = mark_loc(&r, ev.start_mark, ev.end_mark);
                                diag_error(d, &loc, "a target profile is one YAML document");
                                yaml_event_delete(&ev);
                                break;
                        }
                        doc = true;
                } else if (type == YAML_MAPPING_START_EVENT || type == YAML_SCALAR_EVENT ||
                           type == YAML_SEQUENCE_START_EVENT || type == YAML_ALIAS_EVENT) {
                        root = reader_node(&r, &ev);
                        if (!root) {
                                yaml_event_delete(&ev);
                                break;
                        }
                }
                yaml_event_delete(&ev);
                if (type == YAML_STREAM_END_EVENT)
                        break;
        }
        yaml_parser_delete(&r.parser);
        if (d->errors > before)
                goto fail;
        struct loc top = { .src = src, .first_line = 1, .first_col = 1, .last_line = 1, .last_col = 1 };
        if (!root || root->kind != NODE_MAP) {
                diag_error(d, root ? &root->loc : &top, "a target profile is a map of keys (name: ..., systemd: ...)");
                goto fail;
        }
        loader_map(&l, root, "");
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
                const char *dot = strchr(fields[i].path, '.');
                bool parent_seen = true;
                if (dot)
                        for (size_t j = 0; j < ARRAY_SIZE(fields); j++)
                                if (strlen(fields[j].path) == (size_t) (dot - fields[i].path) &&
                                    strncmp(fields[j].path, fields[i].path, (size_t) (dot - fields[i].path)) == 0)
                                        parent_seen = l.seen[j];
                if (fields[i].required && !l.seen[i] && parent_seen)
                        loader_error(&l, &root->loc, "the target profile has no '%s' (%s)", fields[i].path, fields[i].help);
        }
        if (!l.ok)
                goto fail;
        /* The file is named after the target. */
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        size_t blen = strlen(base);
        if (blen > 5 && streq(base + blen - 5, ".yaml") &&
            (strlen(t->name) != blen - 5 || strncmp(t->name, base, blen - 5) != 0)) {
                for (size_t i = 0; i < root->n; i++)
                        if (streq(root->keys[i]->text, "name"))
                                diag_error(d, &root->values[i]->loc, "the target is named '%s' but its file is %s", t->name, base);
                goto fail;
        }
        t->profile = sd_profile_for(t->systemd);
        return t;
fail:
        if (where)
                diag_note(d, where, "the target profile named here");
        return NULL;
}

static bool target_name_valid(const char *s)
{
        if (!*s || strlen(s) > 64 || !isalnum((unsigned char) s[0]))
                return false;
        for (const char *p = s; *p; p++)
                if (!isalnum((unsigned char) *p) && !strchr("-._", *p))
                        return false;
        return true;
}

const struct target *target_find(struct arena *a, struct diag_queue *d, const char *name,
                                 const char *const *dirs, size_t ndirs, const struct loc *where)
{
        if (!target_name_valid(name)) {
                diag_error(d, where, "'%s' is not a target name (letters, digits, '-', '.' and '_')", name);
                return NULL;
        }
        for (size_t i = 0; i < ndirs; i++) {
                const char *path = arena_printf(a, "%s/targets/%s.yaml", dirs[i], name);
                FILE *f = fopen(path, "re");
                if (!f)
                        continue;
                fclose(f);
                return target_load(a, d, path, where);
        }
        diag_error(d, where, "unknown target '%s'", name);
        diag_hint(d, "targets are NAME.yaml files in the targets/ folder of the stdlib (e.g. debian-12, debian-13)");
        return NULL;
}

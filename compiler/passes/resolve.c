/* resolve.c - finds the service in a file and expands `use PROFILE` in place.
 *
 * A profile is looked up first among the profiles of the file being compiled, then as
 * NAME.pol in each folder of the search path (which must define `profile NAME`). Each
 * profile is expanded once per compile however often it is used; a profile that uses itself,
 * directly or not, is an error that shows the cycle. */
#include "base/prelude.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/parse.h"
#include "passes/resolve.h"
#include "front/source.h"

struct profile_ref {
        const char *name;
        const struct ast_block *block;
        bool expanded;
        bool active; /* on the current expansion stack */
};

struct resolve_ctx {
        struct arena *arena;
        struct diag_queue *diags;
        const struct resolve_options *opt;
        struct resolved *out;
        struct profile_ref *profiles;
        size_t nprofiles, cap;
        size_t *index;  /* open addressing over profiles: 1 + position, 0 empty */
        size_t nindex;  /* slots, a power of two, at least twice nprofiles */
        const char **loaded;
        size_t nloaded, loaded_cap;
        const char *stack[RESOLVE_MAX_DEPTH + 1];
        size_t depth;
};

void resolve_note_chain(struct diag_queue *diags, const struct use_site *via)
{
        for (; via; via = via->parent)
                diag_note(diags, &via->use->loc, "in profile '%s' used here", via->profile);
}

/* Profiles are found by name through a hash index, so a file of many profiles and many
 * `use` statements resolves in linear time. */
static size_t resolve_hash(const char *s)
{
        size_t h = 5381;
        for (; *s; s++)
                h = h * 33 + (unsigned char) *s;
        return h;
}

static struct profile_ref *resolve_find(struct resolve_ctx *ctx, const char *name)
{
        if (!ctx->nindex)
                return NULL;
        for (size_t i = resolve_hash(name) & (ctx->nindex - 1); ctx->index[i];
             i = (i + 1) & (ctx->nindex - 1))
                if (streq(ctx->profiles[ctx->index[i] - 1].name, name))
                        return &ctx->profiles[ctx->index[i] - 1];
        return NULL;
}

static void resolve_index(struct resolve_ctx *ctx, size_t pos)
{
        size_t i = resolve_hash(ctx->profiles[pos].name) & (ctx->nindex - 1);
        while (ctx->index[i])
                i = (i + 1) & (ctx->nindex - 1);
        ctx->index[i] = pos + 1;
}

static struct profile_ref *resolve_add_profile(struct resolve_ctx *ctx, const struct ast_block *b)
{
        ctx->profiles = arena_grow(ctx->arena, ctx->profiles, sizeof(*ctx->profiles), &ctx->cap,
                                   ctx->nprofiles + 1);
        struct profile_ref *p = &ctx->profiles[ctx->nprofiles++];
        p->name = b->name;
        p->block = b;
        if (ctx->nprofiles * 2 > ctx->nindex) {
                ctx->nindex = ctx->nindex ? ctx->nindex * 2 : 64;
                ctx->index = arena_alloc(ctx->arena, ctx->nindex * sizeof(*ctx->index));
                for (size_t i = 0; i < ctx->nprofiles; i++)
                        resolve_index(ctx, i);
        } else
                resolve_index(ctx, ctx->nprofiles - 1);
        return &ctx->profiles[ctx->nprofiles - 1];
}

/* Registers a file's profiles; a name defined twice is an error. */
static void resolve_register(struct resolve_ctx *ctx, const struct ast_file *f)
{
        for (const struct ast_block *b = f->blocks; b; b = b->next) {
                if (b->kind != BLOCK_PROFILE)
                        continue;
                struct profile_ref *prev = resolve_find(ctx, b->name);
                if (prev) {
                        diag_error(ctx->diags, &b->name_loc, "profile '%s' is defined twice", b->name);
                        diag_note(ctx->diags, &prev->block->name_loc, "first defined here");
                        continue;
                }
                resolve_add_profile(ctx, b);
        }
}

static bool profile_name_valid(const char *s)
{
        if (!*s || strlen(s) > 64)
                return false;
        for (const char *p = s; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
                      *p == '_' || (*p >= 'A' && *p <= 'Z') || (*p == '.' && p != s)))
                        return false;
        return true;
}

/* A profile taken from `what` (a file, or the policy itself) while NAME.pol exists further
 * down the search path, from folder `from` on: said, since a planted or stale file there
 * would change what every `use NAME` means. */
static void resolve_note_shadowed(struct resolve_ctx *ctx, const char *name, const struct loc *loc, size_t from,
                                  const char *what)
{
        for (size_t k = from; k < ctx->opt->nsearch; k++) {
                char *other = arena_printf(ctx->arena, "%s/%s.pol", ctx->opt->search_path[k], name);
                struct stat st;
                if (stat(other, &st) == 0 && S_ISREG(st.st_mode)) {
                        diag_remark(ctx->diags, loc, "profile '%s' is taken from %s; it shadows %s", name, what, other);
                        return;
                }
        }
}

/* Whether a profile file's first token is `profile` or `service` (or it has none), as the
 * lexer reads it: blanks, newlines, ';' and '#' comments come before. A file that fails to
 * parse from its first token is not a policy at all (a link planted to /etc/shadow, say):
 * its lines must not be quoted in the parser's diagnostics. */
static bool resolve_starts_like_policy(const struct source *src)
{
        const char *p = src->text, *end = src->text + src->len;
        while (p < end) {
                if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == ';')
                        p++;
                else if (*p == '#')
                        while (p < end && *p != '\n')
                                p++;
                else
                        break;
        }
        if (p == end)
                return true;
        static const char *const keywords[] = { "profile", "service" };
        for (size_t i = 0; i < ARRAY_SIZE(keywords); i++) {
                size_t n = strlen(keywords[i]);
                if ((size_t) (end - p) >= n && memcmp(p, keywords[i], n) == 0 &&
                    (p + n == end || (unsigned char) p[n] <= 0x20 || p[n] == 0x7f || strchr(";{}\"", p[n])))
                        return true;
        }
        return false;
}

/* A profile file must be a regular file (source_read_file() checks) whose real path ends in
 * .pol: a NAME.pol that links anywhere else is not read. Returns the reason, or NULL. */
static const char *resolve_bad_link(struct arena *a, const char *path)
{
        char *real = realpath(path, NULL);
        if (!real)
                return NULL; /* missing: the search goes on; other errors: source_read_file() */
        size_t n = strlen(real);
        const char *why = n > 4 && streq(real + n - 4, ".pol")
                                  ? NULL
                                  : arena_printf(a, "it links to '%s', whose name does not end in .pol", real);
        free(real);
        return why;
}

/* Loads NAME.pol from the search path; returns the profile or NULL (error reported). */
static struct profile_ref *resolve_load(struct resolve_ctx *ctx, const struct ast_arg *name,
                                        const struct use_site *via)
{
        for (size_t i = 0; i < ctx->opt->nsearch; i++) {
                char *path = arena_printf(ctx->arena, "%s/%s.pol", ctx->opt->search_path[i],
                                          name->text);
                int err = 0;
                const char *why = resolve_bad_link(ctx->arena, path);
                struct source *src = why ? NULL : source_read_file(ctx->arena, path, &err);
                if (!src) {
                        if (!why && (err == ENOENT || err == ENOTDIR))
                                continue;
                        diag_error(ctx->diags, &name->loc, "cannot read profile file '%s': %s", path,
                                   why ? why : source_strerror(err));
                        resolve_note_chain(ctx->diags, via);
                        return NULL;
                }
                if (!resolve_starts_like_policy(src)) {
                        diag_error(ctx->diags, &name->loc,
                                   "profile file '%s' is not a policy (it does not start with `profile`); "
                                   "its contents are not shown",
                                   path);
                        resolve_note_chain(ctx->diags, via);
                        return NULL;
                }
                if (ctx->nloaded >= RESOLVE_MAX_FILES) {
                        diag_error(ctx->diags, &name->loc,
                                   "more than %d profile files used by one policy", RESOLVE_MAX_FILES);
                        return NULL;
                }
                ctx->loaded = arena_grow(ctx->arena, ctx->loaded, sizeof(*ctx->loaded),
                                         &ctx->loaded_cap, ctx->nloaded + 1);
                ctx->loaded[ctx->nloaded++] = src->name;
                unsigned before = ctx->diags->errors;
                struct ast_file *f = parse_source(ctx->arena, ctx->diags, src, NULL);
                if (ctx->diags->errors > before) {
                        diag_note(ctx->diags, &name->loc, "in profile file '%s' used here", path);
                        resolve_note_chain(ctx->diags, via);
                        return NULL;
                }
                /* One file, one profile of its name: a file that defined others could
                 * replace, for every later `use`, the profiles of the stdlib. */
                const struct ast_block *found = NULL;
                for (const struct ast_block *b = f->blocks; b; b = b->next) {
                        if (b->kind == BLOCK_SERVICE) {
                                diag_error(ctx->diags, &b->loc,
                                           "a profile file cannot define a service");
                                diag_note(ctx->diags, &name->loc, "profile file used here");
                                return NULL;
                        }
                        if (streq(b->name, name->text) && !found)
                                found = b;
                }
                if (!found) {
                        diag_error(ctx->diags, &name->loc, "'%s' does not define profile '%s'",
                                   path, name->text);
                        resolve_note_chain(ctx->diags, via);
                        return NULL;
                }
                bool bad = false;
                for (const struct ast_block *b = f->blocks; b; b = b->next) {
                        if (b == found)
                                continue;
                        diag_error(ctx->diags, &b->name_loc,
                                   "a profile file defines one profile, named as the file: %s.pol cannot define '%s'",
                                   name->text, b->name);
                        diag_note(ctx->diags, &name->loc, "profile file used here");
                        bad = true;
                }
                if (bad)
                        return NULL;
                resolve_note_shadowed(ctx, name->text, &name->loc, i + 1, path);
                return resolve_add_profile(ctx, found);
        }
        diag_error(ctx->diags, &name->loc, "unknown profile '%s'", name->text);
        /* Hints from the profiles known so far (the file's own). */
        const char *names[64];
        size_t n = 0;
        for (size_t i = 0; i < ctx->nprofiles && n < ARRAY_SIZE(names); i++)
                names[n++] = ctx->profiles[i].name;
        diag_hint_spelling(ctx->diags, name->text, names, n);
        resolve_note_chain(ctx->diags, via);
        diag_hint(ctx->diags,
                  "profiles are NAME.pol files in the policy's folder, the -I folders, $UNITC_PATH and the stdlib (see unitc --help)");
        return NULL;
}

static void resolve_push(struct resolve_ctx *ctx, const struct ast_stmt *s,
                         const struct use_site *via)
{
        struct resolved *r = ctx->out;
        r->stmts = arena_grow(ctx->arena, r->stmts, sizeof(*r->stmts), &r->cap, r->n + 1);
        r->stmts[r->n++] = (struct resolved_stmt) { .stmt = s, .via = via };
}

static void resolve_block(struct resolve_ctx *ctx, const struct ast_block *b,
                          const struct use_site *via)
{
        for (const struct ast_stmt *s = b->stmts; s; s = s->next) {
                if (diag_too_many(ctx->diags))
                        return;
                if (s->kind != STMT_USE) {
                        resolve_push(ctx, s, via);
                        continue;
                }
                for (const struct ast_arg *name = s->args; name; name = name->next) {
                        if (name->kind == ARG_PATH || !profile_name_valid(name->text)) {
                                diag_error(ctx->diags, &name->loc,
                                           "'%s' is not a profile name (letters, digits, '-', '_' and '.')",
                                           name->kind == ARG_STRING ? "string" : name->text);
                                resolve_note_chain(ctx->diags, via);
                                continue;
                        }
                        struct profile_ref *p = resolve_find(ctx, name->text);
                        if (!p)
                                p = resolve_load(ctx, name, via);
                        if (!p)
                                continue;
                        if (p->active) {
                                struct arena *a = ctx->arena;
                                char *cycle = arena_strdup(a, "");
                                bool in = false;
                                for (size_t i = 0; i < ctx->depth; i++) {
                                        if (streq(ctx->stack[i], p->name))
                                                in = true;
                                        if (in)
                                                cycle = arena_printf(a, "%s%s -> ", cycle, ctx->stack[i]);
                                }
                                diag_error(ctx->diags, &name->loc, "use cycle: %s%s", cycle, p->name);
                                resolve_note_chain(ctx->diags, via);
                                continue;
                        }
                        if (p->expanded)
                                continue;
                        if (ctx->depth >= RESOLVE_MAX_DEPTH) {
                                diag_error(ctx->diags, &name->loc,
                                           "profiles nested more than %d deep", RESOLVE_MAX_DEPTH);
                                resolve_note_chain(ctx->diags, via);
                                continue;
                        }
                        struct use_site *site = arena_alloc(ctx->arena, sizeof(*site));
                        site->use = s;
                        site->profile = p->name;
                        site->parent = via;
                        p->active = true;
                        p->expanded = true;
                        ctx->stack[ctx->depth++] = p->name;
                        resolve_block(ctx, p->block, site);
                        ctx->depth--;
                        p->active = false;
                }
        }
}

struct resolved *resolve_file(struct arena *a, struct diag_queue *diags, const struct ast_file *f,
                              const struct resolve_options *opt)
{
        struct resolve_ctx ctx = { .arena = a, .diags = diags, .opt = opt };
        ctx.out = arena_alloc(a, sizeof(*ctx.out));
        const struct ast_block *service = NULL;
        for (const struct ast_block *b = f->blocks; b; b = b->next) {
                if (b->kind != BLOCK_SERVICE)
                        continue;
                if (service) {
                        diag_error(diags, &b->name_loc,
                                   "a second service in one file; compile each service from its own file");
                        diag_note(diags, &service->name_loc, "the first service is here");
                        return NULL;
                }
                service = b;
        }
        if (!service) {
                struct loc loc = { .src = f->src };
                diag_error(diags, &loc, "no service defined (expected `service NAME { ... }`)");
                return NULL;
        }
        ctx.out->service = service;
        resolve_register(&ctx, f);
        for (const struct ast_block *b = f->blocks; b; b = b->next)
                if (b->kind == BLOCK_PROFILE)
                        resolve_note_shadowed(&ctx, b->name, &b->name_loc, 0, "this file");
        resolve_block(&ctx, service, NULL);
        ctx.out->loaded = ctx.loaded;
        ctx.out->nloaded = ctx.nloaded;
        return diag_has_errors(diags) ? NULL : ctx.out;
}

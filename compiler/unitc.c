/* unitc.c - the compiler driver: one straight line through the stages. */
#include "prelude.h"

#include <errno.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "emit.h"
#include "lower.h"
#include "parse.h"
#include "policy.h"
#include "resolve.h"
#include "source.h"
#include "unit.h"
#include "unitc.h"

static void uc_result_init(struct uc_result *r, const struct uc_options *opt)
{
        memset(r, 0, sizeof(*r));
        r->arena = arena_new();
        diag_queue_init(&r->diags, opt->max_errors);
        r->diags.werror = opt->werror;
}

static int uc_run(const struct source *src, const struct uc_options *opt, struct uc_result *r)
{
        struct arena *a = r->arena;
        if (opt->dump == UC_DUMP_TOKENS) {
                parse_source(a, &r->diags, src, &r->dump);
                return diag_has_errors(&r->diags) ? UC_EXIT_INPUT : UC_EXIT_OK;
        }
        struct ast_file *f = parse_source(a, &r->diags, src, NULL);
        if (diag_has_errors(&r->diags))
                return UC_EXIT_INPUT;
        if (opt->dump == UC_DUMP_AST) {
                ast_dump(f, &r->dump);
                return UC_EXIT_OK;
        }

        /* Profiles: the policy's own folder first, then the search path. */
        const char **path = arena_alloc(a, (opt->nsearch + 1) * sizeof(*path));
        size_t npath = 0;
        if (opt->policy_dir_first)
                path[npath++] = src->dir;
        for (size_t i = 0; i < opt->nsearch; i++)
                path[npath++] = opt->search_path[i];
        struct resolve_options ropt = { .search_path = path, .nsearch = npath };
        struct resolved *res = resolve_file(a, &r->diags, f, &ropt);
        if (!res)
                return UC_EXIT_INPUT;

        struct policy *p = check_policy(a, &r->diags, res, opt->layout);
        if (!p)
                return UC_EXIT_INPUT;
        if (opt->unit_name)
                p->name = opt->unit_name;
        struct lowered *low = lower_policy(a, &r->diags, p, opt->layout);
        if (diag_has_errors(&r->diags))
                return UC_EXIT_INPUT;
        r->policy = p;
        r->lowered = low;

        if (opt->dump == UC_DUMP_IR) {
                for (size_t i = 0; i < low->n; i++)
                        emit_dump(low->files[i].unit, low->files[i].path, &r->dump);
                return UC_EXIT_OK;
        }
        r->files = arena_alloc(a, low->n * sizeof(*r->files));
        for (size_t i = 0; i < low->n; i++) {
                struct strbuf b = STRBUF_INIT;
                emit_unit(low->files[i].unit, p->file, &b);
                r->files[i].path = low->files[i].path;
                r->files[i].len = b.len;
                r->files[i].text = arena_strndup(a, strbuf_str(&b), b.len);
                strbuf_free(&b);
        }
        r->nfiles = low->n;
        return UC_EXIT_OK;
}

int uc_compile_buffer(const char *name, const char *buf, size_t len, const struct uc_options *opt,
                      struct uc_result *ret)
{
        uc_result_init(ret, opt);
        if (len > SOURCE_MAX_BYTES) {
                struct loc loc = { .src = source_from_buffer(ret->arena, name, "", 0) };
                diag_error(&ret->diags, &loc, "file larger than %u MiB", SOURCE_MAX_BYTES >> 20);
                return UC_EXIT_INPUT;
        }
        const struct source *src = source_from_buffer(ret->arena, name, buf, len);
        return uc_run(src, opt, ret);
}

int uc_compile_file(const char *path, const struct uc_options *opt, struct uc_result *ret)
{
        uc_result_init(ret, opt);
        int err = 0;
        struct source *src = source_read_file(ret->arena, path, &err);
        if (!src) {
                struct loc loc = { .src = source_from_buffer(ret->arena, path, "", 0) };
                switch (err) {
                case EFBIG:
                        diag_error(&ret->diags, &loc, "file larger than %u MiB", SOURCE_MAX_BYTES >> 20);
                        return UC_EXIT_INPUT;
                case EILSEQ:
                        diag_error(&ret->diags, &loc, "file contains NUL bytes: not a policy");
                        return UC_EXIT_INPUT;
                case EISDIR:
                        diag_error(&ret->diags, &loc, "is a folder, not a policy file");
                        return UC_EXIT_INPUT;
                default:
                        diag_error(&ret->diags, &loc, "cannot read: %s", strerror(err));
                        return UC_EXIT_IO;
                }
        }
        return uc_run(src, opt, ret);
}

void uc_result_free(struct uc_result *r)
{
        diag_queue_free(&r->diags);
        strbuf_free(&r->dump);
        arena_free(r->arena);
        memset(r, 0, sizeof(*r));
}

void uc_explain(const struct uc_result *r, struct strbuf *out)
{
        if (!r->lowered)
                return;
        for (size_t i = 0; i < r->lowered->n; i++)
                emit_explain(r->lowered->files[i].unit, r->lowered->files[i].path, out);
}

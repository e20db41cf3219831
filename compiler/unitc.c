/* unitc.c - the compiler driver: one straight line through the stages. */
#include "base/prelude.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "front/ast.h"
#include "unit/emit.h"
#include "exposure/exposure.h"
#include "passes/lower.h"
#include "front/parse.h"
#include "passes/policy.h"
#include "passes/resolve.h"
#include "front/source.h"
#include "systemd/target.h"
#include "unit/unit.h"
#include "unitc.h"

static void uc_result_init(struct uc_result *r, const struct uc_options *opt)
{
        memset(r, 0, sizeof(*r));
        r->arena = arena_new();
        diag_queue_init(&r->diags, opt->max_errors);
        r->diags.werror = opt->werror;
}

/* Where a row's cost comes from: the entries the scorer says decided it, or, for a directive
 * the policy relaxed away, the statement that relaxed it. Each statement is named once per row. */
static void uc_exposure_blame(struct uc_result *r, const struct exposure_row *row)
{
        char what[512];
        snprintf(what, sizeof(what), "%s (%u.%u): %s", row->name, row->exposure / 10, row->exposure % 10,
                 row->description ? row->description : "");
        const struct loc *named[EXPOSURE_MAX_WHY];
        size_t nnamed = 0;
        for (size_t i = 0; i < row->n_why; i++) {
                const struct unit_entry *e = row->why[i];
                if (!e->loc)
                        continue;
                bool dup = false;
                for (size_t k = 0; k < nnamed; k++)
                        dup |= named[k] == e->loc;
                if (dup)
                        continue;
                named[nnamed++] = e->loc;
        }
        /* The scorer lists the last assignment first; notes read in file order. */
        for (size_t k = nnamed; k-- > 0;)
                diag_note(&r->diags, named[k], "%s", what);
        if (nnamed)
                return;
        size_t klen = strcspn(row->name, "=");
        for (size_t k = 0; k < r->lowered->n_not_set; k++) {
                const struct lower_not_set *ns = &r->lowered->not_set[k];
                if (strlen(ns->key) == klen && strncmp(ns->key, row->name, klen) == 0) {
                        diag_note(&r->diags, &ns->by->loc, "%s", what);
                        return;
                }
        }
        diag_note(&r->diags, NULL, "%s (the strictest setting unitc emits)", what);
}

/* Scores the service; above the bound (the policy's or --max-exposure), an error that
 * names the rows that cost the most and the statements behind them. */
static int uc_exposure_check(struct uc_result *r, const struct uc_options *opt)
{
        const struct policy *p = r->policy;
        struct exposure_options eo = {
                .systemd_version = exposure_model_version(p->target),
                .user = r->lowered->user_manager,
                .user_umask = 0022,
        };
        struct exposure_report *rep = arena_alloc(r->arena, sizeof(*rep));
        const struct unit_file *scored = r->lowered->service;
        /* A drop-in for a vendor's unit may name no command: its sandbox is scored on a unit
         * with a stand-in one, so that its bound still holds. */
        if (opt->layout == LAYOUT_DROPIN && !unit_get(scored, "Service", "ExecStart")) {
                struct unit_file *copy = unit_new(r->arena, scored->name);
                for (size_t i = 0; i < scored->n; i++)
                        for (size_t k = 0; k < scored->sections[i].n; k++) {
                                const struct unit_entry *e = &scored->sections[i].entries[k];
                                unit_add(copy, scored->sections[i].name, e->key, e->value, e->why)->loc = e->loc;
                        }
                unit_add(copy, "Service", "ExecStart", "/bin/true", "stand-in for the vendor's command");
                scored = copy;
                r->exposure_standin = true;
        }
        /* The scorer reads the unit as systemd's loader does: what it refuses, systemd would
         * refuse to load, and the bound could not hold. */
        if (exposure_assess(scored, &eo, rep) < 0) {
                const char *msg = rep->message ? rep->message : "the unit cannot be read";
                size_t nlen = strlen(rep->unit_name);
                if (strncmp(msg, rep->unit_name, nlen) == 0 && msg[nlen] == ':') {
                        msg += nlen + 1;
                        msg += strspn(msg, "0123456789");
                        msg += msg[0] == ':';
                        msg += strspn(msg, " ");
                }
                const struct unit_entry *e = rep->fatal_entry;
                diag_error(&r->diags, e && e->loc ? e->loc : &p->service->name_loc,
                           "systemd would refuse to load %s: %.*s", rep->unit_name, (int) strcspn(msg, "\n"), msg);
                return -2;
        }
        r->exposure = rep;

        unsigned bound = 101;
        const struct loc *where = NULL;
        if (p->has_exposure_max) {
                bound = (unsigned) (p->exposure_max * 10 + 0.5);
                where = &p->exposure_stmt->loc;
        }
        if (opt->has_max_exposure && (unsigned) (opt->max_exposure * 10 + 0.5) < bound) {
                bound = (unsigned) (opt->max_exposure * 10 + 0.5);
                where = NULL;
        }
        if (rep->exposure <= bound)
                return 0;
        diag_error(&r->diags, where, "%s: exposure %u.%u (%s) is above the bound %u.%u%s; what costs most:",
                   rep->unit_name, rep->exposure / 10, rep->exposure % 10, rep->verdict, bound / 10,
                   bound % 10, where ? "" : " set by --max-exposure");
        size_t idx[5];
        size_t n = exposure_costliest(rep, idx, ARRAY_SIZE(idx));
        for (size_t i = 0; i < n; i++)
                uc_exposure_blame(r, &rep->rows[idx[i]]);
        return -1;
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

        /* --target: a profile's file, or a name on the search path (stdlib/targets/). */
        struct check_options copt = {
                .layout = opt->layout, .target_dirs = path, .ntarget_dirs = npath, .target_option = opt->target,
        };
        if (opt->target) {
                copt.target = streq(opt->target, "host") ? target_host(a, &r->diags)
                              : strchr(opt->target, '/') || (strlen(opt->target) > 5 &&
                                                           streq(opt->target + strlen(opt->target) - 5, ".yaml"))
                                      ? target_load(a, &r->diags, opt->target, NULL)
                                      : target_find(a, &r->diags, opt->target, path, npath, NULL);
                if (!copt.target)
                        return UC_EXIT_INPUT;
        }
        struct policy *p = check_policy(a, &r->diags, res, &copt);
        if (!p)
                return UC_EXIT_INPUT;
        if (opt->unit_name)
                p->name = opt->unit_name;
        struct lowered *low = lower_policy(a, &r->diags, p, opt->layout);
        if (diag_has_errors(&r->diags))
                return UC_EXIT_INPUT;
        r->policy = p;
        r->lowered = low;

        if (opt->dump == UC_DUMP_NONE) {
                int e = uc_exposure_check(r, opt);
                if (e < 0)
                        return e == -2 ? UC_EXIT_INPUT : UC_EXIT_EXPOSURE;
        }

        if (opt->dump == UC_DUMP_IR) {
                for (size_t i = 0; i < low->n; i++)
                        emit_dump(low->files[i].unit, low->files[i].path, &r->dump);
                return UC_EXIT_OK;
        }
        /* The header names the policy and the target it was compiled for. */
        const struct target *t = p->target_info;
        const char *from = startswith(t->name, "systemd-") ? arena_printf(a, "%s for systemd %u", p->file, t->systemd)
                                                          : arena_printf(a, "%s for %s (systemd %u)", p->file, t->name, t->systemd);
        r->files = arena_alloc(a, low->n * sizeof(*r->files));
        for (size_t i = 0; i < low->n; i++) {
                struct strbuf b = STRBUF_INIT;
                emit_unit(low->files[i].unit, from, &b);
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
                case SOURCE_ENOTREG:
                        diag_error(&ret->diags, &loc, "%s", source_strerror(err));
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

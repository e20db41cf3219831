/* cli_gate.c - `unitc --dry-run [--target=A,B|all] POLICY...`: the CI gate. */
#include "base/prelude.h"

#include <dirent.h>
#include <stdio.h>

#include "base/arena.h"
#include "cli/cli_gate.h"
#include "front/diag.h"
#include "exposure/exposure.h"
#include "passes/policy.h"
#include "systemd/target.h"
#include "unitc.h"

void cli_print_diags(const struct uc_result *r)
{
        struct strbuf out = STRBUF_INIT;
        diag_render(&r->diags, &out);
        const struct diag_queue *q = &r->diags;
        if (q->errors) {
                strbuf_printf(&out, "unitc: %u error%s", q->errors, q->errors == 1 ? "" : "s");
                if (q->max_errors && q->errors > q->max_errors)
                        strbuf_printf(&out, " (%u shown)", q->max_errors);
                if (q->warnings)
                        strbuf_printf(&out, ", %u warning%s", q->warnings, q->warnings == 1 ? "" : "s");
                strbuf_puts(&out, "; no files written\n");
        }
        fputs(strbuf_str(&out), stderr);
        strbuf_free(&out);
}

static int name_cmp(const void *a, const void *b)
{
        return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Every targets/NAME.yaml of the search path, sorted, each name once. */
static char **all_targets(const struct uc_options *opt, size_t *ret_n)
{
        char **names = NULL;
        size_t n = 0, cap = 0;
        for (size_t i = 0; i < opt->nsearch; i++) {
                char dir[4096];
                snprintf(dir, sizeof(dir), "%s/targets", opt->search_path[i]);
                DIR *d = opendir(dir);
                if (!d)
                        continue;
                for (struct dirent *e; (e = readdir(d));) {
                        size_t len = strlen(e->d_name);
                        if (len <= 5 || e->d_name[0] == '.' || !streq(e->d_name + len - 5, ".yaml"))
                                continue;
                        char *name = xstrndup(e->d_name, len - 5);
                        bool dup = false;
                        for (size_t k = 0; k < n && !dup; k++)
                                dup = streq(names[k], name);
                        if (dup) {
                                free(name);
                                continue;
                        }
                        if (n == cap) {
                                cap = cap ? cap * 2 : 16;
                                names = xrealloc(names, cap * sizeof(*names));
                        }
                        names[n++] = name;
                }
                closedir(d);
        }
        if (n)
                qsort(names, n, sizeof(*names), name_cmp);
        *ret_n = n;
        return names;
}

/* The list of --target=A,B: empty names and a name twice are usage errors. */
static char **split_targets(const char *list, size_t *ret_n)
{
        char **names = xcalloc(strlen(list) + 1, sizeof(*names));
        size_t n = 0;
        for (const char *s = list;; s++) {
                size_t len = strcspn(s, ",");
                if (len == 0) {
                        fprintf(stderr, "unitc: --target: an empty name in '%s'\n", list);
                        goto bad;
                }
                names[n] = xstrndup(s, len);
                for (size_t k = 0; k < n; k++)
                        if (streq(names[k], names[n])) {
                                fprintf(stderr, "unitc: --target: '%s' given twice\n", names[n]);
                                n++;
                                goto bad;
                        }
                n++;
                s += len;
                if (!*s)
                        break;
        }
        *ret_n = n;
        return names;
bad:
        for (size_t k = 0; k < n; k++)
                free(names[k]);
        free(names);
        return NULL;
}

static void gate_line(const char *policy, const char *asked, const struct uc_result *r, int rc)
{
        const struct policy *p = r->policy;
        const struct target *t = p ? p->target_info : NULL;
        printf("%s: ", policy);
        if (t)
                printf("%s (systemd %u): ", t->name, t->systemd);
        else if (asked)
                printf("%s: ", asked);
        if (r->exposure)
                printf("exposure %u.%u %s", r->exposure->exposure / 10, r->exposure->exposure % 10,
                       r->exposure->verdict);
        if (rc == UC_EXIT_EXPOSURE)
                printf(", above the bound");
        else if (rc != UC_EXIT_OK)
                printf("%s%u error%s", r->exposure ? ", " : "", r->diags.errors, r->diags.errors == 1 ? "" : "s");
        printf(", %u warning%s\n", r->diags.warnings, r->diags.warnings == 1 ? "" : "s");
}

int cli_list_targets(const struct uc_options *opt)
{
        size_t n = 0;
        char **names = all_targets(opt, &n);
        int rc = UC_EXIT_OK;
        for (size_t i = 0; i < n; i++) {
                struct arena *a = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 10);
                const struct target *t = target_find(a, &q, names[i], opt->search_path, opt->nsearch, NULL);
                if (t)
                        printf("%s\tsystemd %u\t%s\n", t->name, t->systemd, t->distribution ? t->distribution : "");
                else {
                        struct strbuf d = STRBUF_INIT;
                        diag_render(&q, &d);
                        fputs(strbuf_str(&d), stderr);
                        strbuf_free(&d);
                        rc = UC_EXIT_INPUT;
                }
                diag_queue_free(&q);
                arena_free(a);
                free(names[i]);
        }
        free(names);
        if (fflush(stdout) != 0)
                rc = UC_EXIT_IO;
        return rc;
}

int cli_gate(const char *const *policies, size_t npolicies, const char *targets, const struct uc_options *opt)
{
        size_t ntargets = 0;
        char **names = NULL;
        if (targets && streq(targets, "all")) {
                names = all_targets(opt, &ntargets);
                if (!ntargets) {
                        fprintf(stderr, "unitc: --target=all: no targets/*.yaml in the search path\n");
                        free(names);
                        return UC_EXIT_USAGE;
                }
        } else if (targets && !(names = split_targets(targets, &ntargets)))
                return UC_EXIT_USAGE;

        bool errors = false, above = false, io = false;
        for (size_t i = 0; i < npolicies; i++)
                for (size_t k = 0; k < (names ? ntargets : 1); k++) {
                        struct uc_options o = *opt;
                        o.target = names ? names[k] : NULL;
                        struct uc_result r;
                        int rc = uc_compile_file(policies[i], &o, &r);
                        cli_print_diags(&r);
                        gate_line(policies[i], o.target, &r, rc);
                        errors |= rc == UC_EXIT_INPUT;
                        above |= rc == UC_EXIT_EXPOSURE;
                        io |= rc == UC_EXIT_IO;
                        uc_result_free(&r);
                }
        for (size_t k = 0; k < ntargets; k++)
                free(names[k]);
        free(names);
        if (fflush(stdout) != 0)
                io = true;
        return errors ? UC_EXIT_INPUT : io ? UC_EXIT_IO : above ? UC_EXIT_EXPOSURE : UC_EXIT_OK;
}

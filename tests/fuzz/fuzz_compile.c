/* fuzz_compile.c - libFuzzer target for the compiler: the input is a policy.
 *
 * Each input is compiled with every layout, its tokens and AST are dumped, and a successful
 * compile is explained. Properties checked beyond "no crash, no leak, no hang":
 *  - the return code is one of 0, 1, 3 or 4, and a failed compile has an error and no files;
 *  - every emitted file, read back by the project's unit reader (unitfile_parse_text), parses
 *    without error and holds exactly the entries of the lowered model, in order: nothing a
 *    policy says can add, drop or change a line of the unit (no injection);
 *  - the drop-in layout follows list_directive_table for every list, escape hatch included: a
 *    deny list is never reset, an allow list is reset once before its entries, a list whose
 *    meaning flips with `~` has one line (its `~` form or the value that allows nothing), and
 *    every directive unitc manages that the drop-in writes twice has a row in the table.
 * Profiles (`use`) are looked up only in the checkout's stdlib/, found from the binary's
 * place (build-fuzz/ or build/tests/), so a run does not depend on the current folder. */
#include "base/prelude.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "fuzz.h"
#include "passes/lower.h"
#include "systemd/tables.h"
#include "unit/unit.h"
#include "unitc.h"
#include "unit/unitfile.h"

static const char *fuzz_search[1];
static size_t fuzz_nsearch;

static void fuzz_find_stdlib(void)
{
        static char found[PATH_MAX];
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        if (n <= 0)
                return;
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (!slash)
                return;
        *slash = '\0';
        static const char *const rel[] = { "/../stdlib", "/../../stdlib" };
        for (size_t i = 0; i < ARRAY_SIZE(rel); i++) {
                char cand[PATH_MAX + 32];
                snprintf(cand, sizeof(cand), "%s%s", exe, rel[i]);
                if (realpath(cand, found) && access(found, R_OK | X_OK) == 0) {
                        fuzz_search[0] = found;
                        fuzz_nsearch = 1;
                        return;
                }
        }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void) argc;
        (void) argv;
        fuzz_find_stdlib();
        return 0;
}

/* The emitted text, read back, must be the model entry for entry. */
static void fuzz_check_readback(const struct uc_file *f, const struct unit_file *model)
{
        struct arena *a = arena_new();
        struct unit_file *u = unit_new(a, "readback");
        const char *msg = NULL;
        int r = unitfile_parse_text(u, f->path, f->text, f->len, "Unit\0Service\0Install\0Socket\0Timer\0", &msg);
        FUZZ_ASSERT(r == 0, "%s does not read back: %s", f->path, msg ? msg : "?");
        size_t ns = 0;
        for (size_t s = 0; s < model->n; s++) {
                const struct unit_section *ms = &model->sections[s];
                size_t ne = 0;
                const struct unit_section *rs = NULL;
                for (size_t i = 0; i < ms->n; i++) {
                        const struct unit_entry *e = &ms->entries[i];
                        if (streq(e->key, "#"))
                                continue;
                        if (!rs) {
                                rs = unit_find_section(u, ms->name);
                                FUZZ_ASSERT(rs, "%s: section [%s] lost", f->path, ms->name);
                                ns++;
                        }
                        FUZZ_ASSERT(ne < rs->n, "%s: [%s] %s= lost", f->path, ms->name, e->key);
                        const struct unit_entry *g = &rs->entries[ne++];
                        FUZZ_ASSERT(streq(g->key, e->key) && streq(g->value, e->value),
                                    "%s: [%s] wrote %s=%s, read back %s=%s", f->path, ms->name, e->key,
                                    e->value, g->key, g->value);
                }
                FUZZ_ASSERT(!rs || ne == rs->n, "%s: [%s] reads back %zu entries, wrote %zu", f->path,
                            ms->name, rs ? rs->n : 0, ne);
        }
        FUZZ_ASSERT(ns == u->n, "%s: reads back %zu sections, wrote %zu", f->path, u->n, ns);
        arena_free(a);
}

/* The drop-in's lists, by list_directive_table. */
static void fuzz_check_dropin(const struct unit_file *u)
{
        const struct unit_section *sec = unit_find_section(u, "Service");
        for (size_t i = 0; sec && i < sec->n; i++) {
                const struct unit_entry *e = &sec->entries[i];
                if (streq(e->key, "#"))
                        continue;
                const struct list_directive *ld = list_directive_lookup(e->key);
                size_t before = 0, resets = 0;
                for (size_t k = 0; k < sec->n; k++)
                        if (streq(sec->entries[k].key, e->key)) {
                                before += k < i;
                                resets += !*sec->entries[k].value;
                        }
                if (!ld) {
                        FUZZ_ASSERT(!directive_lookup("Service", e->key) || before == 0 || *e->value,
                                    "drop-in: %s= is written twice but has no row in list_directive_table", e->key);
                        continue;
                }
                switch (ld->merge) {
                case LIST_DENY:
                case LIST_ADD:
                        FUZZ_ASSERT(*e->value, "drop-in: the list %s= is reset", e->key);
                        break;
                case LIST_ALLOW:
                        FUZZ_ASSERT(resets == 1, "drop-in: the allow list %s= is reset %zu times", e->key, resets);
                        FUZZ_ASSERT(before > 0 || !*e->value, "drop-in: %s=%s comes before its reset", e->key, e->value);
                        break;
                case LIST_INVERT_MASK:
                case LIST_INVERT_SET:
                        FUZZ_ASSERT(before == 0, "drop-in: %s= is written more than once", e->key);
                        FUZZ_ASSERT(e->value[0] == '~' || (ld->narrowest && streq(e->value, ld->narrowest)),
                                    "drop-in: %s=%s is not a ~ list", e->key, e->value);
                        break;
                }
        }
}

static void fuzz_compile(const uint8_t *data, size_t size, enum check_layout layout, enum uc_dump dump)
{
        struct uc_options opt = {
                .search_path = fuzz_search,
                .nsearch = fuzz_nsearch,
                .layout = layout,
                .max_errors = 10,
                .dump = dump,
        };
        struct uc_result r;
        int rc = uc_compile_buffer("fuzz.pol", (const char *) data, size, &opt, &r);
        FUZZ_ASSERT(rc == UC_EXIT_OK || rc == UC_EXIT_INPUT || rc == UC_EXIT_IO || rc == UC_EXIT_EXPOSURE,
                    "rc %d", rc);
        struct strbuf out = STRBUF_INIT;
        diag_render(&r.diags, &out);
        if (rc != UC_EXIT_OK) {
                FUZZ_ASSERT(diag_has_errors(&r.diags) && r.nfiles == 0, "failed without an error");
                FUZZ_ASSERT(out.len > 0, "failed with nothing to say");
        }
        if (rc == UC_EXIT_OK && dump == UC_DUMP_NONE) {
                FUZZ_ASSERT(r.lowered && r.nfiles == r.lowered->n && r.nfiles > 0, "no files");
                for (size_t i = 0; i < r.nfiles; i++) {
                        FUZZ_ASSERT(strlen(r.files[i].text) == r.files[i].len, "NUL in %s", r.files[i].path);
                        fuzz_check_readback(&r.files[i], r.lowered->files[i].unit);
                }
                if (layout == LAYOUT_DROPIN)
                        fuzz_check_dropin(r.lowered->files[0].unit);
                uc_explain(&r, &out);
        }
        strbuf_free(&out);
        uc_result_free(&r);
}

/* The escape hatch in every layout: the input again with `directive` lines (a list unitc
 * does not manage, a [Unit] line the drop-in cannot carry) before its last '}'. */
static const char fuzz_hatch[] = "\ndirective Service SupplementaryGroups adm\n"
                                 "directive Service LogRateLimitBurst 100\n"
                                 "directive Unit StartLimitBurst 3\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const enum check_layout layouts[] = { LAYOUT_FULL, LAYOUT_SPLIT, LAYOUT_DROPIN };
        for (size_t i = 0; i < ARRAY_SIZE(layouts); i++)
                fuzz_compile(data, size, layouts[i], UC_DUMP_NONE);
        const uint8_t *brace = size ? memrchr(data, '}', size) : NULL;
        if (brace) {
                size_t at = (size_t) (brace - data), n = size + sizeof(fuzz_hatch) - 1;
                uint8_t *with = malloc(n);
                FUZZ_ASSERT(with, "out of memory");
                memcpy(with, data, at);
                memcpy(with + at, fuzz_hatch, sizeof(fuzz_hatch) - 1);
                memcpy(with + at + sizeof(fuzz_hatch) - 1, data + at, size - at);
                for (size_t i = 0; i < ARRAY_SIZE(layouts); i++)
                        fuzz_compile(with, n, layouts[i], UC_DUMP_NONE);
                free(with);
        }
        fuzz_compile(data, size, LAYOUT_FULL, UC_DUMP_TOKENS);
        fuzz_compile(data, size, LAYOUT_FULL, UC_DUMP_AST);
        return 0;
}

/* test_lower.c - the lowering, checked against the tables' stated intent: each `needs` word
 * turns off exactly the baseline rows that it (and the capabilities it implies) relaxes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include <stdio.h>

#include "passes/lower.h"
#include "systemd/tables.h"
#include "unit/unit.h"
#include "unitc.h"

/* The relaxations a needs row declares, with those of the capabilities it implies. */
static uint32_t declared_relaxations(const struct needs_info *n)
{
        uint32_t bits = n->relaxes;
        if (n->capabilities) {
                const struct cap_info *c = cap_lookup(n->capabilities);
                assert_non_null(c);
                bits |= c->relaxes | (UINT32_C(1) << RELAX_HOST_USERS);
        }
        return bits;
}

static void compile(const char *body, struct uc_result *r)
{
        char text[512];
        snprintf(text, sizeof(text), "service t {\n exec /usr/bin/t\n user root\n %s\n}\n", body);
        struct uc_options opt = { .max_errors = 10 };
        int rc = uc_compile_buffer("t.pol", text, strlen(text), &opt, r);
        if (rc != UC_EXIT_OK)
                fail_msg("'%s' did not compile: %s", body, r->diags.n ? r->diags.items[0].message : "?");
}

static void test_each_need_relaxes_exactly_its_rows(void **state)
{
        (void) state;
        for (size_t i = 0; i < needs_table_len; i++) {
                const struct needs_info *n = &needs_table[i];
                if (n->args != NEEDS_NO_ARGS)
                        continue;
                char body[128];
                snprintf(body, sizeof(body), "needs %s", n->word);
                uint32_t bits = declared_relaxations(n);
                /* Gaining privileges needs CAP_SYS_ADMIN, or systemd's filters undo it. */
                if (bits & (UINT32_C(1) << RELAX_SETUID)) {
                        snprintf(body, sizeof(body), "needs %s\n needs capability sys_admin", n->word);
                        bits |= UINT32_C(1) << RELAX_HOST_USERS;
                }
                struct uc_result r;
                compile(body, &r);
                const struct unit_file *u = r.lowered->service;
                for (size_t k = 0; k < lower_baseline_len; k++) {
                        const struct baseline_row *row = &lower_baseline[k];
                        const char *v = unit_get(u, "Service", row->key);
                        bool relaxed = row->relaxed_by >= 0 && (bits & (UINT32_C(1) << row->relaxed_by));
                        if (relaxed && !row->relaxed && v)
                                fail_msg("needs %s: %s=%s should be gone", n->word, row->key, v);
                        if (!relaxed && (!v || !streq(v, row->strict)))
                                fail_msg("needs %s: %s should stay %s, is %s", n->word, row->key,
                                         row->strict, v ? v : "(unset)");
                }
                uc_result_free(&r);
        }
}

static void test_capabilities_bring_their_syscalls(void **state)
{
        (void) state;
        for (size_t i = 0; i < cap_table_len; i++) {
                const struct cap_info *c = &cap_table[i];
                char body[128];
                snprintf(body, sizeof(body), "needs capability %s", c->name);
                struct uc_result r;
                compile(body, &r);
                const struct unit_section *s = unit_find_section(r.lowered->service, "Service");
                char want[64];
                snprintf(want, sizeof(want), "CAP_%s", c->name);
                for (char *p = want; *p; p++)
                        if (*p >= 'a' && *p <= 'z')
                                *p = (char) (*p - 32);
                bool in_set = false, syscalls_ok = c->syscalls == NULL, ambient = false;
                for (size_t k = 0; k < s->n; k++) {
                        const struct unit_entry *e = &s->entries[k];
                        if (streq(e->key, "CapabilityBoundingSet") && streq(e->value, want))
                                in_set = true;
                        if (streq(e->key, "AmbientCapabilities"))
                                ambient = true;
                        if (c->syscalls && streq(e->key, "SystemCallFilter") &&
                            strstr(c->syscalls, e->value) == c->syscalls)
                                syscalls_ok = true;
                }
                assert_true(in_set);
                assert_true(syscalls_ok);
                assert_false(ambient); /* root holds its capabilities without ambient ones */
                assert_null(unit_get(r.lowered->service, "Service", "PrivateUsers"));
                uc_result_free(&r);
        }
}

static void test_non_root_gets_ambient(void **state)
{
        (void) state;
        const char text[] = "service t {\n exec /usr/bin/t\n user www\n listens on tcp 80\n}\n";
        struct uc_options opt = { .max_errors = 10 };
        struct uc_result r;
        assert_int_equal(uc_compile_buffer("t.pol", text, sizeof(text) - 1, &opt, &r), UC_EXIT_OK);
        assert_string_equal(unit_get(r.lowered->service, "Service", "AmbientCapabilities"),
                            "CAP_NET_BIND_SERVICE");
        uc_result_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_each_need_relaxes_exactly_its_rows),
                cmocka_unit_test(test_capabilities_bring_their_syscalls),
                cmocka_unit_test(test_non_root_gets_ambient),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

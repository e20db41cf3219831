/* test_semantics.c - value checks, escaping, and the invariants of the domain tables. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include <stdio.h>

#include "base/arena.h"
#include "passes/check.h"
#include "unit/escape.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "systemd/versions.h"
#include "unitc.h"

static void test_durations(void **state)
{
        (void) state;
        const char *good[] = { "30s", "5min", "1h30min", "500ms", "2", "infinity", "1d", "3w", "10us" };
        const char *bad[] = { "", "30x", "s", "1.5s", "-1s", "5 min", "1h30", "9999999999s", "min5" };
        for (size_t i = 0; i < ARRAY_SIZE(good); i++)
                assert_true(check_duration(good[i]));
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                if (streq(bad[i], "1h30"))
                        continue; /* a bare number after a unit is seconds in systemd: valid */
                assert_false(check_duration(bad[i]));
        }
}

/* The length of a time span, as systemd computes it (the timer's AccuracySec= rests on it). */
static void test_duration_lengths(void **state)
{
        (void) state;
        const struct {
                const char *text;
                uint64_t usec;
        } cases[] = {
                { "90s", 90000000 }, { "1h30min", 5400000000 }, { "2", 2000000 }, { "500ms", 500000 },
                { "1d", 86400000000 }, { "1w2d", 777600000000 }, { "10us", 10 }, { "5min30", 330000000 },
                { "infinity", UINT64_MAX },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                uint64_t usec = 0;
                assert_true(check_duration_usec(cases[i].text, &usec));
                assert_int_equal(usec, cases[i].usec);
        }
        uint64_t usec;
        assert_false(check_duration_usec("5x", &usec));
        assert_false(check_duration_usec("", &usec));
}

static void test_sizes_addresses_names(void **state)
{
        (void) state;
        assert_true(check_size("512M"));
        assert_true(check_size("1024"));
        assert_true(check_size("infinity"));
        assert_false(check_size("1Q"));
        assert_false(check_size("M"));
        assert_false(check_size("1MB"));

        assert_true(check_address("10.0.0.0/8"));
        assert_true(check_address("::1"));
        assert_true(check_address("fd00::/8"));
        assert_true(check_address("localhost"));
        assert_false(check_address("10.0.0.0/33"));
        assert_false(check_address("300.1.1.1"));
        assert_false(check_address("example.com"));
        assert_false(check_address("10.0.0.1/"));
        assert_false(check_address("::1/129"));

        assert_true(check_unit_name("network.target"));
        assert_true(check_unit_name("foo@bar.service"));
        assert_false(check_unit_name("network"));
        assert_false(check_unit_name("foo.bar"));
        assert_false(check_unit_name("a b.service"));

        assert_true(check_user_name("www-data"));
        assert_true(check_user_name("_apt"));
        assert_true(check_user_name("1000"));
        assert_false(check_user_name("1abc"));
        assert_false(check_user_name("a b"));
        assert_false(check_user_name("averyveryveryveryveryverylongname"));
}

static void test_utf8(void **state)
{
        (void) state;
        assert_true(check_utf8("caf\xc3\xa9", 5));
        assert_false(check_utf8("caf\xe9", 4));
        assert_false(check_utf8("\xc0\xaf", 2));         /* overlong '/' */
        assert_false(check_utf8("\xed\xa0\x80", 3));     /* a surrogate */
        assert_false(check_utf8("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
        assert_true(check_utf8("\xf0\x9f\x98\x80", 4));
        assert_false(check_utf8("\xf0\x9f\x98", 3));     /* cut short */
}

static void test_escaping(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        assert_string_equal(escape_text(a, "100% \"sure\""), "100%% \"sure\"");
        assert_string_equal(escape_word(a, "/srv/plain"), "/srv/plain");
        assert_string_equal(escape_word(a, "/srv/with space"), "\"/srv/with space\"");
        assert_string_equal(escape_word(a, "a\\b\"c"), "\"a\\\\b\\\"c\"");
        assert_string_equal(escape_word(a, "%h/.config/x"), "%h/.config/x");
        assert_string_equal(escape_word(a, "/x/%h"), "/x/%%h");
        assert_string_equal(escape_exec_arg(a, ";"), "\\;");
        assert_string_equal(escape_exec_arg(a, "$HOME"), "$$HOME");
        assert_string_equal(escape_exec_arg(a, "%h"), "%%h");
        assert_string_equal(escape_exec_arg(a, ""), "\"\"");
        assert_string_equal(escape_exec_arg(a, "it's"), "\"it's\"");
        arena_free(a);
}

static void test_tables(void **state)
{
        (void) state;
        /* Capabilities: bits in order, unique names, lookups with and without CAP_. */
        for (size_t i = 0; i < cap_table_len; i++) {
                assert_int_equal(cap_table[i].bit, i);
                assert_ptr_equal(cap_lookup(cap_table[i].name), &cap_table[i]);
        }
        assert_ptr_equal(cap_lookup("CAP_NET_ADMIN"), cap_lookup("net_admin"));
        assert_null(cap_lookup("net_admn"));
        /* Needs: unique words, and each implied capability exists. */
        for (size_t i = 0; i < needs_table_len; i++) {
                for (size_t j = i + 1; j < needs_table_len; j++)
                        assert_string_not_equal(needs_table[i].word, needs_table[j].word);
                if (needs_table[i].capabilities)
                        assert_non_null(cap_lookup(needs_table[i].capabilities));
        }
        /* Directives: unique per section, versions plausible. */
        for (size_t i = 0; i < directive_table_len; i++) {
                assert_true(directive_table[i].since >= 1 && directive_table[i].since <= 260);
                for (size_t j = i + 1; j < directive_table_len; j++)
                        assert_false(streq(directive_table[i].key, directive_table[j].key) &&
                                     streq(directive_table[i].section, directive_table[j].section));
        }
        /* Every syscall or group a capability or a `needs` word implies is known to every
         * systemd version unitc targets. */
        for (size_t v = 0; v < sd_profiles_len; v++) {
                const struct syscall_table *t = sd_profiles[v].syscalls;
                for (size_t i = 0; i < cap_table_len + needs_table_len; i++) {
                        const char *words = i < cap_table_len ? cap_table[i].syscalls
                                                              : needs_table[i - cap_table_len].syscalls;
                        if (!words)
                                continue;
                        char buf[256];
                        snprintf(buf, sizeof(buf), "%s", words);
                        for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
                                assert_true(syscall_table_knows(t, w));
                }
        }
}

/* The library end to end on a buffer: deterministic, and errors leave no files. */
static void test_compile_buffer(void **state)
{
        (void) state;
        const char ok[] = "service t {\n exec /usr/bin/true\n needs jit\n}\n";
        struct uc_options opt = { .max_errors = 10 };
        struct uc_result r1, r2;
        assert_int_equal(uc_compile_buffer("t.pol", ok, sizeof(ok) - 1, &opt, &r1), UC_EXIT_OK);
        assert_int_equal(uc_compile_buffer("other/t.pol", ok, sizeof(ok) - 1, &opt, &r2), UC_EXIT_OK);
        assert_int_equal(r1.nfiles, 1);
        assert_string_equal(r1.files[0].text, r2.files[0].text);
        assert_non_null(strstr(r1.files[0].text, "MemoryDenyWriteExecute= is not set: t.pol:3: needs jit"));
        uc_result_free(&r1);
        uc_result_free(&r2);

        const char bad[] = "service t {\n exec /usr/bin/true\n needs jet\n}\n";
        assert_int_equal(uc_compile_buffer("t.pol", bad, sizeof(bad) - 1, &opt, &r1), UC_EXIT_INPUT);
        assert_int_equal(r1.nfiles, 0);
        assert_int_equal(r1.diags.errors, 1);
        uc_result_free(&r1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_durations),
                cmocka_unit_test(test_duration_lengths),
                cmocka_unit_test(test_sizes_addresses_names),
                cmocka_unit_test(test_utf8),
                cmocka_unit_test(test_escaping),
                cmocka_unit_test(test_tables),
                cmocka_unit_test(test_compile_buffer),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_systemd.c - the knowledge room's invariants: one profile per version without gaps,
 * each naming a syscall table that is well formed, and the measured facts a profile must
 * carry (a group or call new in a version is refused before it). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include <string.h>

#include "systemd/syscall_groups.h"
#include "systemd/versions.h"

static void test_profiles_have_no_gaps(void **state)
{
        (void) state;
        assert_true(sd_profiles_len > 0);
        for (size_t i = 0; i < sd_profiles_len; i++) {
                const struct sd_profile *p = &sd_profiles[i];
                assert_int_equal(p->version, sd_version_oldest() + i);
                assert_ptr_equal(sd_profile_for(p->version), p);
                assert_non_null(p->syscalls);
                assert_non_null(p->debian);
                /* A profile takes the syscalls of its own version or an older one, and says so. */
                assert_true(p->syscalls->version <= p->version);
                assert_true((p->syscalls->version == p->version) == (p->note == NULL));
                assert_ptr_equal(syscall_table_for(p->version), p->syscalls);
        }
        assert_int_equal(sd_profiles[sd_profiles_len - 1].version, sd_version_newest());
        assert_null(sd_profile_for(sd_version_oldest() - 1));
        assert_null(sd_profile_for(sd_version_newest() + 1));
        assert_false(sd_version_known(0));
        /* Past the newest profile, the newest measured table. */
        assert_ptr_equal(syscall_table_for(sd_version_newest() + 1), sd_profiles[sd_profiles_len - 1].syscalls);
        assert_null(syscall_table_for(sd_version_oldest() - 1));
}

static void test_syscall_tables_are_well_formed(void **state)
{
        (void) state;
        for (size_t i = 0; i < sd_profiles_len; i++) {
                const struct syscall_table *t = sd_profiles[i].syscalls;
                for (size_t k = 1; k < t->n_names; k++)
                        assert_true(strcmp(t->names[k - 1], t->names[k]) < 0);
                for (size_t g = 0; g < t->n_groups; g++) {
                        assert_string_equal(t->group_names[g], t->groups[g].name);
                        assert_true(t->groups[g].name[0] == '@');
                        for (size_t m = 0; m < t->groups[g].n_members; m++) {
                                int v = t->groups[g].members[m];
                                assert_true(v < (int) t->n_names);
                                assert_true(v >= 0 || -v - 1 < (int) t->n_groups);
                        }
                }
                /* What an older version knows, a newer one knows too. */
                if (i > 0) {
                        const struct syscall_table *o = sd_profiles[i - 1].syscalls;
                        for (size_t g = 0; g < o->n_groups; g++)
                                assert_true(syscall_table_group(t, o->group_names[g]) >= 0);
                        for (size_t k = 0; k < o->n_names; k++)
                                assert_true(syscall_table_lookup(t, o->names[k]) >= 0);
                }
        }
}

/* Facts measured with each version's own systemd-analyze syscall-filter. */
static void test_measured_facts(void **state)
{
        (void) state;
        assert_int_equal(sd_syscall_since("listmount"), 257);
        assert_int_equal(sd_syscall_since("@sandbox"), 254);
        assert_int_equal(sd_syscall_since("read"), sd_version_oldest());
        assert_int_equal(sd_syscall_since("nosuchcall"), 0);
        assert_false(syscall_table_knows(sd_profile_for(252)->syscalls, "listmount"));
        assert_false(syscall_table_knows(sd_profile_for(256)->syscalls, "listmount")); /* as 254 */
        assert_true(syscall_table_knows(sd_profile_for(257)->syscalls, "listmount"));
        assert_true(syscall_table_knows(sd_profile_for(262)->syscalls, "listns"));
        assert_false(syscall_table_knows(sd_profile_for(261)->syscalls, "listns")); /* as 257 */
        /* Debian 13's libseccomp 2.6 resolves listmount on x86-64. */
        const struct syscall_table *t = sd_profile_for(257)->syscalls;
        assert_true(t->resolvable[syscall_table_lookup(t, "listmount")]);
        assert_true(sd_profile_has(sd_profile_for(257), 257));
        assert_false(sd_profile_has(sd_profile_for(256), 257));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_profiles_have_no_gaps),
                cmocka_unit_test(test_syscall_tables_are_well_formed),
                cmocka_unit_test(test_measured_facts),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

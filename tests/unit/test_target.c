/* test_target.c - target profiles: every stdlib profile loads, the bare versions agree with
 * Debian's profiles, and a bad profile is a diagnostic at its line and column. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include "base/arena.h"
#include "front/diag.h"
#include "base/strbuf.h"
#include "systemd/target.h"
#include "systemd/versions.h"

static const char *const stdlib_dirs[] = { "stdlib" };

static void test_every_stdlib_profile_loads(void **state)
{
        (void) state;
        DIR *d = opendir("stdlib/targets");
        assert_non_null(d);
        unsigned n = 0;
        for (struct dirent *e; (e = readdir(d));) {
                size_t len = strlen(e->d_name);
                if (len < 6 || !streq(e->d_name + len - 5, ".yaml"))
                        continue;
                struct arena *a = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 0);
                char *name = arena_strndup(a, e->d_name, len - 5);
                const struct target *t = target_find(a, &q, name, stdlib_dirs, 1, NULL);
                if (!t) {
                        struct strbuf b = STRBUF_INIT;
                        diag_render(&q, &b);
                        fail_msg("%s: %s", e->d_name, strbuf_str(&b));
                }
                assert_string_equal(t->name, name);
                assert_true(t->systemd >= 252);
                assert_true(t->system_unit_dir[0] == '/' && t->user_unit_dir[0] == '/');
                diag_queue_free(&q);
                arena_free(a);
                n++;
        }
        closedir(d);
        assert_true(n >= 9); /* the nine targets the project promises */
}

/* `target systemd N` stands for the Debian build its version profile names: the bare
 * version must say what that build's profile says, and the build is not newer than N. */
static void test_bare_versions_are_debian_builds(void **state)
{
        (void) state;
        for (size_t i = 0; i < sd_profiles_len; i++) {
                const struct sd_profile *p = &sd_profiles[i];
                struct arena *a = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 0);
                const struct target *t = target_find(a, &q, p->debian, stdlib_dirs, 1, NULL);
                assert_non_null(t);
                assert_true(t->systemd <= p->version);
                assert_ptr_equal(t->profile, sd_profile_for(t->systemd));
                const struct target *bare = target_for_version(a, p->version);
                assert_non_null(bare);
                assert_int_equal(bare->systemd, p->version);
                assert_ptr_equal(bare->profile, p);
                if (bare->bpf_framework != t->bpf_framework)
                        fail_msg("systemd %u: the bare version says bpf-framework %d, %s.yaml %d", p->version,
                                 bare->bpf_framework, p->debian, t->bpf_framework);
                diag_queue_free(&q);
                arena_free(a);
        }
        struct arena *a = arena_new();
        assert_null(target_for_version(a, sd_version_oldest() - 1));
        assert_null(target_for_version(a, sd_version_newest() + 1));
        assert_int_equal(target_for_version(a, 255)->bpf_framework, false); /* as 254 */
        arena_free(a);
}

/* Loads text as a profile; returns the rendered diagnostics. */
static char *load_text(const char *text, bool *ok)
{
        char path[] = "/tmp/unitc-target-XXXXXX.yaml";
        int fd = mkstemps(path, 5);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, text, strlen(text)), (ssize_t) strlen(text));
        close(fd);
        struct arena *a = arena_new();
        struct diag_queue q;
        diag_queue_init(&q, 0);
        *ok = target_load(a, &q, path, NULL) != NULL;
        struct strbuf b = STRBUF_INIT;
        diag_render(&q, &b);
        char *out = xstrdup(strbuf_str(&b));
        strbuf_free(&b);
        diag_queue_free(&q);
        arena_free(a);
        unlink(path);
        /* The temporary name is not part of what is compared. */
        char *colon = strstr(out, ".yaml:");
        if (colon) {
                char *copy = xstrdup(colon + 5);
                free(out);
                out = copy;
        }
        return out;
}

static void test_bad_profiles_point_at_the_word(void **state)
{
        (void) state;
        static const struct {
                const char *text, *want;
        } cases[] = {
                { "name: x\nsystemd: 25x\n", ":2:10: error: '25x' is not a systemd version unitc supports" },
                { "name: x\nsystemd: \"257\"\n", ":2:10: error: '257' is not a systemd version" },
                { "name: x\nfeatures:\n  bpf-framwork: true\n", ":3:3: error: unknown key 'features.bpf-framwork'" },
                { "name: x\nfeatures:\n  seccomp: maybe\n", ":3:12: error: 'features.seccomp' takes true or false, not 'maybe'" },
                { "name: x\nname: y\n", ":2:1: error: 'name' given twice" },
                { "- a\n- b\n", ":1:1: error: a target profile is a map of keys" },
                { "name: [x\n", "error: not a target profile: did not find expected" },
                { "units:\n  system: lib/systemd\n", ":2:11: error: 'units.system' takes an absolute path" },
                { "name: x\n", ":1:1: error: the target profile has no 'distribution'" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                bool ok;
                char *out = load_text(cases[i].text, &ok);
                assert_false(ok);
                if (!strstr(out, cases[i].want))
                        fail_msg("case %zu: want '%s' in:\n%s", i, cases[i].want, out);
                free(out);
        }
}

static void test_a_good_profile_loads_whole(void **state)
{
        (void) state;
        bool ok;
        char *out = load_text("name: x\ndistribution: Example\nsystemd: 257\nfeatures:\n  bpf-framework: true\n"
                              "  seccomp: true\n  apparmor: false\n  selinux: no\nkernel:\n  bpf-lsm: true\n"
                              "  unprivileged-userns: false\nunits:\n  system: /usr/lib/systemd/system\n"
                              "  user: /usr/lib/systemd/user\n",
                              &ok);
        /* Named "x" in a file of another name: refused, and that is the only error. */
        assert_false(ok);
        assert_non_null(strstr(out, "error: the target is named 'x' but its file is"));
        assert_null(strstr(out, "error: the target profile has no"));
        free(out);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_every_stdlib_profile_loads),
                cmocka_unit_test(test_bare_versions_are_debian_builds),
                cmocka_unit_test(test_bad_profiles_point_at_the_word),
                cmocka_unit_test(test_a_good_profile_loads_whole),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_unitfile.c - the unit-file reader: systemd's line syntax, names, search and drop-ins. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "base/arena.h"
#include "unit/unit.h"
#include "unit/unitfile.h"

static const char service_sections[] = "Unit\0Service\0Install\0";

static struct unit_file *parse(struct arena *a, const char *text, int *ret_r, const char **ret_msg)
{
        struct unit_file *u = unit_new(a, "t.service");
        *ret_r = unitfile_parse_text(u, "t.service", text, strlen(text), service_sections, ret_msg);
        return u;
}

static void test_parse_basics(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        const char *msg;
        int r;
        struct unit_file *u = parse(a,
                                    "# comment\n"
                                    "; also a comment\n"
                                    "[Unit]\n"
                                    "Description = hello world  \n"
                                    "[Service]\n"
                                    "ExecStart=/bin/true\n"
                                    "User=foo \\\n"
                                    "   # a comment inside a continuation is skipped\n"
                                    "bar\n"
                                    "no equals sign here\n"
                                    "=missing key\n"
                                    "[X-Vendor]\n"
                                    "User=ignored\n"
                                    "[Socket]\n"
                                    "User=ignored too\n"
                                    "[Service]\n"
                                    "PrivateTmp=\n",
                                    &r, &msg);
        assert_int_equal(r, 0);
        assert_string_equal(unit_get(u, "Unit", "Description"), "hello world");
        assert_string_equal(unit_get(u, "Service", "User"), "foo  bar");
        assert_string_equal(unit_get(u, "Service", "PrivateTmp"), "");
        assert_null(unit_find_section(u, "X-Vendor"));
        assert_null(unit_find_section(u, "Socket"));
        const struct unit_section *s = unit_find_section(u, "Service");
        assert_non_null(s);
        assert_int_equal(s->n, 3);
        assert_int_equal(s->entries[1].line, 7); /* the first line of a continued entry */
        assert_string_equal(s->entries[1].file, "t.service");
        arena_free(a);
}

static void test_parse_line_ends_and_bom(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        const char *msg;
        int r;
        struct unit_file *u = parse(a, "\xef\xbb\xbf[Service]\r\nUser=a\rGroup=b\r\nPrivateTmp=yes", &r, &msg);
        assert_int_equal(r, 0);
        assert_string_equal(unit_get(u, "Service", "User"), "a");
        assert_string_equal(unit_get(u, "Service", "Group"), "b");
        assert_string_equal(unit_get(u, "Service", "PrivateTmp"), "yes");
        /* a backslash at the very end of the file still ends the entry */
        u = parse(a, "[Service]\nUser=a \\", &r, &msg);
        assert_int_equal(r, 0);
        assert_string_equal(unit_get(u, "Service", "User"), "a"); /* values are trimmed */
        arena_free(a);
}

static void test_parse_errors_keep_earlier_entries(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        const char *msg;
        int r;
        struct unit_file *u = parse(a, "[Service]\nUser=a\n[Broken\nGroup=b\n", &r, &msg);
        assert_int_equal(r, -1);
        assert_non_null(strstr(msg, "t.service:3: Invalid section header '[Broken'"));
        assert_string_equal(unit_get(u, "Service", "User"), "a");
        assert_null(unit_get(u, "Service", "Group"));

        u = parse(a, "[Service]\n# caf\xe9 in a comment is fine\nUser=caf\xe9\n", &r, &msg);
        assert_int_equal(r, -1);
        assert_non_null(strstr(msg, "String is not UTF-8 clean"));

        /* a line over systemd's 1 MiB limit */
        size_t n = 1100 * 1024;
        char *big = xmalloc(n + 32);
        strcpy(big, "[Service]\nUser=");
        memset(big + strlen(big), 'a', n);
        big[15 + n] = '\0';
        u = parse(a, big, &r, &msg);
        assert_int_equal(r, -1);
        assert_non_null(strstr(msg, "Line too long"));
        free(big);
        arena_free(a);
}

static void test_names(void **state)
{
        (void) state;
        assert_true(unitfile_name_is_valid("foo.service"));
        assert_true(unitfile_name_is_valid("foo@.service"));
        assert_true(unitfile_name_is_valid("foo@bar.socket"));
        assert_true(unitfile_name_is_valid("a-b_c:d\\x2d.mount"));
        assert_false(unitfile_name_is_valid("foo"));
        assert_false(unitfile_name_is_valid("foo.bogus"));
        assert_false(unitfile_name_is_valid(".service"));
        assert_false(unitfile_name_is_valid("@x.service"));
        /* systemd's unit_name_is_valid(): only the first '@' separates; "b@c" is an instance */
        assert_true(unitfile_name_is_valid("a@b@c.service"));
        assert_true(unitfile_name_is_valid("a@@.service"));
        assert_true(unitfile_name_is_valid("a@.b@.service"));
        assert_false(unitfile_name_is_valid("@a@b.service"));
        assert_false(unitfile_name_is_valid("sp ace.service"));
        assert_string_equal(unitfile_name_type("x.timer"), "timer");
        assert_null(unitfile_name_type("x.nope"));
}

static void write_file(const char *path, const char *text)
{
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
}

static void test_load_dropins_templates_aliases(void **state)
{
        (void) state;
        char dir[] = "/tmp/test_unitfile.XXXXXX";
        assert_non_null(mkdtemp(dir));
        struct arena *a = arena_new();
        char *p = arena_printf(a, "%s/foo-bar.service", dir);
        write_file(p, "[Service]\nExecStart=/bin/true\nUser=one\n");
        assert_int_equal(mkdir(arena_printf(a, "%s/foo-bar.service.d", dir), 0755), 0);
        assert_int_equal(mkdir(arena_printf(a, "%s/foo-.service.d", dir), 0755), 0);
        assert_int_equal(mkdir(arena_printf(a, "%s/service.d", dir), 0755), 0);
        write_file(arena_printf(a, "%s/foo-bar.service.d/20-b.conf", dir), "[Service]\nUser=three\n");
        write_file(arena_printf(a, "%s/foo-.service.d/10-a.conf", dir), "[Service]\nUser=two\n");
        write_file(arena_printf(a, "%s/service.d/30-c.conf", dir), "[Service]\nGroup=g\n");
        write_file(arena_printf(a, "%s/service.d/ignored.txt", dir), "[Service]\nUser=no\n");

        struct unitfile_options opt = { .no_host_paths = true };
        struct unit_file *u;
        struct unitfile_result res;
        assert_int_equal(unitfile_load(a, p, &opt, &u, &res), 0);
        assert_string_equal(u->name, "foo-bar.service");
        assert_int_equal(res.n_dropins, 3);
        assert_string_equal(unit_get(u, "Service", "User"), "three"); /* 10-a, 20-b, 30-c */
        assert_string_equal(unit_get(u, "Service", "Group"), "g");

        /* a template is loaded as an instance, with its template's drop-ins */
        write_file(arena_printf(a, "%s/tmpl@.service", dir), "[Service]\nExecStart=/bin/true\n");
        assert_int_equal(mkdir(arena_printf(a, "%s/tmpl@.service.d", dir), 0755), 0);
        write_file(arena_printf(a, "%s/tmpl@.service.d/x.conf", dir), "[Service]\nUser=%i\n");
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/tmpl@.service", dir), &opt, &u, &res), 0);
        assert_string_equal(u->name, "tmpl@i.service");
        assert_string_equal(unit_get(u, "Service", "User"), "%i");
        /* an instance that does not exist as a file comes from its template */
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/tmpl@web.service", dir), &opt, &u, &res), 0);
        assert_string_equal(u->name, "tmpl@web.service");

        /* an alias is known by its target's name; a link to /dev/null or an empty file is masked */
        assert_int_equal(symlink("foo-bar.service", arena_printf(a, "%s/alias.service", dir)), 0);
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/alias.service", dir), &opt, &u, &res), 0);
        assert_string_equal(u->name, "foo-bar.service");
        assert_int_equal(symlink("/dev/null", arena_printf(a, "%s/masked.service", dir)), 0);
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/masked.service", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_MASKED);
        assert_string_equal(res.message, "Unit masked.service is masked.");
        write_file(arena_printf(a, "%s/empty.service", dir), "");
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/empty.service", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_MASKED);

        /* an instance of a type without templates is refused before any file is looked at,
         * with the absolute path systemd-analyze would have loaded */
        write_file(arena_printf(a, "%s/sl@x.slice", dir), "[Slice]\n");
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/sl@x.slice", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_NO_TEMPLATE);
        assert_string_equal(res.message,
                            arena_printf(a, "Failed to load unit file %s/sl@x.slice: Invalid argument", dir));
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/.//m@.mount", dir), &opt, &u, &res), -1);
        assert_string_equal(res.message,
                            arena_printf(a, "Failed to load unit file %s/m@i.mount: Invalid argument", dir));

        /* missing files, directories and bad names */
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/none.service", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_NOT_FOUND);
        assert_string_equal(res.message, "Unit none.service not found.");
        assert_int_equal(mkdir(arena_printf(a, "%s/adir.service", dir), 0755), 0);
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/adir.service", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_NOT_FOUND);
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/bad name", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_BAD_NAME);

        /* a drop-in with an error contributes its lines up to the error */
        write_file(arena_printf(a, "%s/foo-bar.service.d/40-d.conf", dir),
                   "[Service]\nUser=four\n[Broken\nUser=five\n");
        assert_int_equal(unitfile_load(a, p, &opt, &u, &res), 0);
        assert_string_equal(unit_get(u, "Service", "User"), "four");
        /* ... while the same error in the fragment fails the unit */
        write_file(arena_printf(a, "%s/frag.service", dir), "[Service\nExecStart=/bin/true\n");
        assert_int_equal(unitfile_load(a, arena_printf(a, "%s/frag.service", dir), &opt, &u, &res), -1);
        assert_int_equal(res.status, UNITFILE_BAD_FILE);
        assert_non_null(strstr(res.message, "Bad message"));

        arena_free(a);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
}

/* Units that are not regular files, as systemd 252's systemd-analyze answers for them. A hang
 * (the bug this guards against) ends in SIGALRM rather than a stuck suite. */
static void test_load_special_files(void **state)
{
        (void) state;
        alarm(20);
        char dir[] = "/tmp/test_unitfile.XXXXXX";
        assert_non_null(mkdtemp(dir));
        struct arena *a = arena_new();
        const char *s = arena_printf(a, "%s/s", dir), *out = arena_printf(a, "%s/out", dir);
        assert_int_equal(mkdir(s, 0755), 0);
        assert_int_equal(mkdir(out, 0755), 0);
        struct unitfile_options opt = { .no_host_paths = true };
        struct unit_file *u;
        struct unitfile_result res;
#define LOAD(name) unitfile_load(a, arena_printf(a, "%s/%s", s, name), &opt, &u, &res)

        /* a FIFO in the search path is not a unit file: not found, and not opened */
        assert_int_equal(mkfifo(arena_printf(a, "%s/fifo.service", s), 0644), 0);
        assert_int_equal(LOAD("fifo.service"), -1);
        assert_int_equal(res.status, UNITFILE_NOT_FOUND);
        assert_string_equal(res.message, "Unit fifo.service not found.");
        /* linked from outside: systemd-analyze waits for a writer; this reader refuses */
        assert_int_equal(mkfifo(arena_printf(a, "%s/fifo", out), 0644), 0);
        assert_int_equal(symlink("../out/fifo", arena_printf(a, "%s/lfifo.service", s)), 0);
        assert_int_equal(LOAD("lfifo.service"), -1);
        assert_int_equal(res.status, UNITFILE_NOT_FOUND);
        assert_non_null(strstr(res.message, "lfifo.service: Failed to open "));
        assert_non_null(strstr(res.message, "a FIFO, not read"));
        /* an alias to a FIFO in the search path: the name map has no such unit */
        assert_int_equal(symlink("fifo.service", arena_printf(a, "%s/afifo.service", s)), 0);
        assert_int_equal(LOAD("afifo.service"), -1);
        assert_string_equal(res.message, "Unit afifo.service not found.");

        /* any character device is masked (null_or_empty()), /dev/zero too: never read */
        assert_int_equal(symlink("/dev/zero", arena_printf(a, "%s/zero.service", s)), 0);
        assert_int_equal(LOAD("zero.service"), -1);
        assert_int_equal(res.status, UNITFILE_MASKED);
        assert_string_equal(res.message, "Unit zero.service is masked.");
        /* so is a regular file of size 0 however much it reads: /proc files */
        assert_int_equal(symlink("/proc/self/status", arena_printf(a, "%s/proc.service", s)), 0);
        assert_int_equal(LOAD("proc.service"), -1);
        assert_int_equal(res.status, UNITFILE_MASKED);
        assert_string_equal(res.message, "Unit proc.service is masked.");
        /* a file of blanks is not empty */
        write_file(arena_printf(a, "%s/blank.service", s), "\n");
        assert_int_equal(LOAD("blank.service"), 0);

        /* a socket in the search path: not found; linked from outside: open() fails */
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        assert_true(fd >= 0);
        struct sockaddr_un sun = { .sun_family = AF_UNIX };
        snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/sock", out);
        assert_int_equal(bind(fd, (struct sockaddr *) &sun, sizeof(sun)), 0);
        close(fd);
        assert_int_equal(symlink("../out/sock", arena_printf(a, "%s/lsock.service", s)), 0);
        assert_int_equal(LOAD("lsock.service"), -1);
        assert_int_equal(res.status, UNITFILE_NOT_FOUND);
        char *real = realpath(s, NULL);
        assert_non_null(real);
        assert_string_equal(res.message,
                            arena_printf(a, "lsock.service: Failed to open %s/lsock.service: %s\n"
                                            "Unit lsock.service not found.",
                                         real, strerror(ENXIO)));
        free(real);
        /* a link out of the search path to a folder is opened, and reading fails */
        assert_int_equal(symlink("../out", arena_printf(a, "%s/ldir.service", s)), 0);
        assert_int_equal(LOAD("ldir.service"), -1);
        assert_int_equal(res.status, UNITFILE_BAD_FILE);
        assert_non_null(strstr(res.message, "Is a directory"));

        /* more than UNITFILE_MAX_BYTES (a sparse file): refused, not read to the end */
        fd = open(arena_printf(a, "%s/big.service", s), O_WRONLY | O_CREAT, 0644);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, (off_t) UNITFILE_MAX_BYTES + 1), 0);
        close(fd);
        assert_int_equal(LOAD("big.service"), -1);
        assert_int_equal(res.status, UNITFILE_BAD_FILE);
        assert_non_null(strstr(res.message, strerror(EFBIG)));

        /* drop-ins: a FIFO or a character device is skipped (systemd-analyze would block or
         * read without end), a zero-size /proc file is read like any regular file */
        write_file(arena_printf(a, "%s/d.service", s), "[Service]\nExecStart=/bin/true\n");
        const char *dd = arena_printf(a, "%s/d.service.d", s);
        assert_int_equal(mkdir(dd, 0755), 0);
        assert_int_equal(mkfifo(arena_printf(a, "%s/10-fifo.conf", dd), 0644), 0);
        assert_int_equal(symlink("../../out/fifo", arena_printf(a, "%s/20-lfifo.conf", dd)), 0);
        assert_int_equal(symlink("/dev/zero", arena_printf(a, "%s/30-zero.conf", dd)), 0);
        assert_int_equal(symlink("/proc/self/status", arena_printf(a, "%s/40-proc.conf", dd)), 0);
        write_file(arena_printf(a, "%s/50-real.conf", dd), "[Service]\nUser=real\n");
        assert_int_equal(LOAD("d.service"), 0);
        assert_int_equal(res.n_dropins, 2);
        assert_string_equal(unit_get(u, "Service", "User"), "real");
#undef LOAD

        arena_free(a);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
        alarm(0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_parse_basics),
                cmocka_unit_test(test_parse_line_ends_and_bom),
                cmocka_unit_test(test_parse_errors_keep_earlier_entries),
                cmocka_unit_test(test_names),
                cmocka_unit_test(test_load_dropins_templates_aliases),
                cmocka_unit_test(test_load_special_files),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

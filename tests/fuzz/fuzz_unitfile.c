/* fuzz_unitfile.c - libFuzzer target for the unit reader (compiler/unit/unitfile.h) and what reads
 * its model (the exposure scorer).
 *
 * The input is a unit file. It is parsed from memory with unitfile_parse_text(), then written
 * to a private temporary folder as fuzz.service and loaded with unitfile_load(), as
 * `unitc check` does. Everything after a line "#-- dropin" (if any) goes to
 * fuzz.service.d/10-fuzz.conf instead, so drop-in merging is reached too. A unit that loads
 * is scored as a system and as a user unit and rendered as text and JSON. */
#include "base/prelude.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "exposure/exposure.h"
#include "fuzz.h"
#include "base/strbuf.h"
#include "unit/unit.h"
#include "unit/unitfile.h"

static char fuzz_dir[64];
static char fuzz_unit[128], fuzz_dropin_dir[128], fuzz_dropin[160];

static void fuzz_cleanup(void)
{
        unlink(fuzz_dropin);
        rmdir(fuzz_dropin_dir);
        unlink(fuzz_unit);
        rmdir(fuzz_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void) argc;
        (void) argv;
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/unitc-fuzz-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
        if (!mkdtemp(fuzz_dir)) {
                perror("mkdtemp");
                exit(1);
        }
        snprintf(fuzz_unit, sizeof(fuzz_unit), "%s/fuzz.service", fuzz_dir);
        snprintf(fuzz_dropin_dir, sizeof(fuzz_dropin_dir), "%s/fuzz.service.d", fuzz_dir);
        snprintf(fuzz_dropin, sizeof(fuzz_dropin), "%s/10-fuzz.conf", fuzz_dropin_dir);
        atexit(fuzz_cleanup);
        return 0;
}

static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
                perror(path);
                abort();
        }
        while (size > 0) {
                ssize_t w = write(fd, data, size);
                if (w < 0) {
                        if (errno == EINTR)
                                continue;
                        perror(path);
                        abort();
                }
                data += w;
                size -= (size_t) w;
        }
        close(fd);
}

static void fuzz_score(const struct unit_file *u, bool user)
{
        struct exposure_options opt = { .systemd_version = 252, .user = user, .user_umask = 022 };
        struct exposure_report rep;
        memset(&rep, 0, sizeof(rep));
        if (exposure_assess(u, &opt, &rep) < 0) {
                FUZZ_ASSERT(rep.status != EXPOSURE_OK && rep.message, "failed without a message");
                return;
        }
        FUZZ_ASSERT(rep.exposure <= 100, "exposure %u", rep.exposure);
        struct strbuf out = STRBUF_INIT;
        exposure_render_text(&rep, false, &out);
        exposure_render_text(&rep, true, &out);
        exposure_render_json(&rep, EXPOSURE_JSON_SHORT, &out);
        exposure_render_json(&rep, EXPOSURE_JSON_PRETTY, &out);
        size_t idx[EXPOSURE_MAX_ROWS];
        size_t n = exposure_costliest(&rep, idx, ARRAY_SIZE(idx));
        FUZZ_ASSERT(n <= rep.n_rows, "costliest %zu of %zu", n, rep.n_rows);
        strbuf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        /* From memory. */
        struct arena *a = arena_new();
        struct unit_file *u = unit_new(a, "fuzz.service");
        const char *msg = NULL;
        if (unitfile_parse_text(u, "fuzz.service", (const char *) data, size, "Unit\0Service\0Install\0",
                                &msg) < 0)
                FUZZ_ASSERT(msg, "failed without a message");
        arena_free(a);

        /* From a folder, with an optional drop-in. */
        static const char sep[] = "\n#-- dropin\n";
        const uint8_t *cut = memmem(data, size, sep, sizeof(sep) - 1);
        size_t frag = cut ? (size_t) (cut - data) + 1 : size;
        fuzz_write(fuzz_unit, data, frag);
        if (cut) {
                if (mkdir(fuzz_dropin_dir, 0755) < 0 && errno != EEXIST)
                        abort();
                size_t off = frag + sizeof(sep) - 2;
                fuzz_write(fuzz_dropin, data + off, size - off);
        } else
                unlink(fuzz_dropin);

        a = arena_new();
        const char *dirs[] = { fuzz_dir };
        struct unitfile_options opt = { .no_host_paths = true, .search_dirs = dirs, .n_search_dirs = 1 };
        struct unit_file *loaded = NULL;
        struct unitfile_result res;
        memset(&res, 0, sizeof(res));
        if (unitfile_load(a, fuzz_unit, &opt, &loaded, &res) == 0) {
                FUZZ_ASSERT(loaded && res.status == UNITFILE_OK, "loaded without a unit");
                fuzz_score(loaded, false);
                fuzz_score(loaded, true);
        } else
                FUZZ_ASSERT(res.status != UNITFILE_OK && res.message, "failed without a message");
        arena_free(a);
        return 0;
}

/* fuzz_main.c - the replay driver: runs a fuzz target's entry point over every file named on
 * the command line, and every file inside each folder named (not recursively), as systemd's
 * fuzz-main.c does. Linked instead of libFuzzer, so `make check` can run the corpus and the
 * bogons with or without sanitizers. Exits 0 when every input ran; a failing input aborts. */
#include "base/prelude.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* Weak: a target without an initializer links too. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static unsigned replay_count;

static int replay_file(const char *path)
{
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
                fprintf(stderr, "%s: %s\n", path, strerror(errno));
                return -1;
        }
        struct stat st;
        if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
                close(fd);
                fprintf(stderr, "%s: not a regular file\n", path);
                return -1;
        }
        size_t len = 0, cap = (size_t) st.st_size + 1;
        uint8_t *buf = xmalloc(cap);
        for (;;) {
                if (len == cap)
                        buf = xrealloc(buf, cap *= 2);
                ssize_t r = read(fd, buf + len, cap - len);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r < 0) {
                        fprintf(stderr, "%s: %s\n", path, strerror(errno));
                        close(fd);
                        free(buf);
                        return -1;
                }
                if (r == 0)
                        break;
                len += (size_t) r;
        }
        close(fd);
        if (getenv("FUZZ_VERBOSE"))
                fprintf(stderr, "running %s (%zu bytes)\n", path, len);
        /* An exact-size copy, so ASan sees a read past the end. */
        uint8_t *exact = xmalloc(len ? len : 1);
        memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
        replay_count++;
        return 0;
}

static int replay_cmp(const void *a, const void *b)
{
        return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static int replay_dir(const char *dir)
{
        DIR *d = opendir(dir);
        if (!d) {
                fprintf(stderr, "%s: %s\n", dir, strerror(errno));
                return -1;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        for (struct dirent *e; (e = readdir(d));) {
                if (e->d_name[0] == '.')
                        continue;
                if (n == cap)
                        names = xrealloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*names));
                if (asprintf(&names[n++], "%s/%s", dir, e->d_name) < 0)
                        uc_oom();
        }
        closedir(d);
        if (n)
                qsort(names, n, sizeof(*names), replay_cmp);
        int r = 0;
        for (size_t i = 0; i < n; i++) {
                struct stat st;
                if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) && replay_file(names[i]) < 0)
                        r = -1;
                free(names[i]);
        }
        free(names);
        return r;
}

int main(int argc, char **argv)
{
        if (argc < 2) {
                fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
                return 2;
        }
        if (LLVMFuzzerInitialize)
                LLVMFuzzerInitialize(&argc, &argv);
        int r = 0;
        for (int i = 1; i < argc; i++) {
                struct stat st;
                if (stat(argv[i], &st) < 0) {
                        fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
                        r = -1;
                } else if (S_ISDIR(st.st_mode) ? replay_dir(argv[i]) < 0 : replay_file(argv[i]) < 0)
                        r = -1;
        }
        printf("%u inputs replayed\n", replay_count);
        return r < 0 ? 1 : 0;
}

/* cli_fmt.c - `unitc fmt`: prints each FILE in the canonical layout (fmt.c); -w rewrites the
 * files that differ in place (a new file renamed over the old, its mode kept); --check
 * writes nothing and lists the files that would change, exiting 1 if any would: the habit
 * of `gofmt -l` for upstream CI. "-" reads standard input. */
#include "base/prelude.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "cli/cli_fmt.h"
#include "front/diag.h"
#include "front/fmt.h"
#include "front/source.h"

static void fmt_usage(FILE *f)
{
        fputs("Usage: unitc fmt [-w | --check] FILE...\n"
              "\n"
              "Prints each policy in unitc's canonical layout, comments kept.\n"
              "\n"
              "  -w, --write   rewrite the files that are not in the layout, in place\n"
              "      --check   write nothing; list the files that are not in the layout,\n"
              "                and exit 1 if there are any\n"
              "  -h, --help    show this help\n"
              "\n"
              "FILE - reads standard input. Exit status: 0 ok, 1 a file does not parse (or,\n"
              "with --check, is not in the layout), 2 usage, 3 I/O error.\n",
              f);
}

static struct source *fmt_read_stdin(struct arena *a, int *ret_errno)
{
        struct strbuf b = STRBUF_INIT;
        char chunk[65536];
        for (;;) {
                ssize_t n = read(STDIN_FILENO, chunk, sizeof(chunk));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        *ret_errno = errno;
                        strbuf_free(&b);
                        return NULL;
                }
                if (n == 0)
                        break;
                strbuf_add(&b, chunk, (size_t) n);
                if (b.len > SOURCE_MAX_BYTES) {
                        *ret_errno = EFBIG;
                        strbuf_free(&b);
                        return NULL;
                }
        }
        if (memchr(strbuf_str(&b), '\0', b.len)) {
                *ret_errno = EILSEQ;
                strbuf_free(&b);
                return NULL;
        }
        struct source *s = source_from_buffer(a, "<stdin>", strbuf_str(&b), b.len);
        strbuf_free(&b);
        return s;
}

/* Replaces path's file with text: a new file beside it, synced, renamed over it. */
static int fmt_rewrite(const char *path, const char *text, size_t len, char **ret_error)
{
        char *real = realpath(path, NULL);
        struct stat st;
        if (!real || stat(real, &st) < 0) {
                if (asprintf(ret_error, "%s: %s", path, strerror(errno)) < 0)
                        uc_oom();
                free(real);
                return -1;
        }
        char *tmp;
        if (asprintf(&tmp, "%s.unitc-fmt.%ld", real, (long) getpid()) < 0)
                uc_oom();
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        int err = fd < 0 ? errno : 0;
        for (size_t off = 0; !err && off < len;) {
                ssize_t n = write(fd, text + off, len - off);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        err = errno;
                else
                        off += (size_t) n;
        }
        if (!err && fchmod(fd, st.st_mode & 07777) < 0)
                err = errno;
        if (!err && fsync(fd) < 0)
                err = errno;
        if (fd >= 0 && close(fd) < 0 && !err)
                err = errno;
        if (!err && rename(tmp, real) < 0)
                err = errno;
        if (err) {
                if (fd >= 0)
                        unlink(tmp);
                if (asprintf(ret_error, "%s: %s; the file is unchanged", path, strerror(err)) < 0)
                        uc_oom();
        }
        free(tmp);
        free(real);
        return err ? -1 : 0;
}

int cli_fmt(int argc, char **argv)
{
        static const struct option options[] = {
                { "write", no_argument, NULL, 'w' },
                { "check", no_argument, NULL, 'c' },
                { "help", no_argument, NULL, 'h' },
                {},
        };
        bool write_back = false, check = false;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "wh", options, NULL)) != -1) {
                switch (c) {
                case 'w':
                        write_back = true;
                        break;
                case 'c':
                        check = true;
                        break;
                case 'h':
                        fmt_usage(stdout);
                        return UC_EXIT_OK;
                default:
                        fmt_usage(stderr);
                        return UC_EXIT_USAGE;
                }
        }
        if (write_back && check) {
                fprintf(stderr, "unitc fmt: -w rewrites and --check writes nothing: give one of them\n");
                return UC_EXIT_USAGE;
        }
        if (optind >= argc) {
                fprintf(stderr, "unitc fmt: no policy file given\n");
                fmt_usage(stderr);
                return UC_EXIT_USAGE;
        }
        int rc = UC_EXIT_OK;
        bool differs = false;
        for (int i = optind; i < argc; i++) {
                const char *path = argv[i];
                bool is_stdin = streq(path, "-");
                if (is_stdin && write_back) {
                        fprintf(stderr, "unitc fmt: -w cannot rewrite standard input\n");
                        return UC_EXIT_USAGE;
                }
                struct arena *a = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 10);
                int err = 0;
                struct source *src = is_stdin ? fmt_read_stdin(a, &err) : source_read_file(a, path, &err);
                if (!src) {
                        fprintf(stderr, "unitc fmt: %s: %s\n", path, source_strerror(err));
                        rc = UC_EXIT_IO;
                        arena_free(a);
                        continue;
                }
                struct strbuf out = STRBUF_INIT;
                if (fmt_source(a, &q, src, &out) < 0) {
                        struct strbuf d = STRBUF_INIT;
                        diag_render(&q, &d);
                        strbuf_printf(&d, "unitc fmt: %s does not parse; left as it is\n", path);
                        fputs(strbuf_str(&d), stderr);
                        strbuf_free(&d);
                        if (rc == UC_EXIT_OK)
                                rc = UC_EXIT_INPUT;
                } else {
                        bool same = out.len == src->len && memcmp(strbuf_str(&out), src->text, out.len) == 0;
                        if (check) {
                                if (!same) {
                                        printf("%s\n", path);
                                        differs = true;
                                }
                        } else if (write_back) {
                                char *msg = NULL;
                                if (!same && fmt_rewrite(path, strbuf_str(&out), out.len, &msg) < 0) {
                                        fprintf(stderr, "unitc fmt: %s\n", msg);
                                        free(msg);
                                        rc = UC_EXIT_IO;
                                }
                        } else
                                fwrite(strbuf_str(&out), 1, out.len, stdout);
                }
                strbuf_free(&out);
                diag_queue_free(&q);
                arena_free(a);
        }
        if (fflush(stdout) != 0)
                rc = UC_EXIT_IO;
        if (rc == UC_EXIT_OK && differs)
                rc = UC_EXIT_INPUT;
        return rc;
}

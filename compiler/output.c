/* output.c - atomic, all-or-nothing writing of the output files. */
#include "prelude.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

UC_PRINTF(2, 3) static int output_fail(char **ret_error, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(ret_error, fmt, ap) < 0)
                uc_oom();
        va_end(ap);
        return -1;
}

static int write_all(int fd, const char *text, size_t len)
{
        while (len > 0) {
                ssize_t r = write(fd, text, len);
                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        return -1;
                }
                text += r;
                len -= (size_t) r;
        }
        return 0;
}

/* The folder a file goes in; created (one level, for NAME.service.d) when missing. */
static int output_prepare_dir(const char *dir, bool top, bool *ret_created, char **ret_error)
{
        struct stat st;
        *ret_created = false;
        if (lstat(dir, &st) == 0) {
                if (S_ISLNK(st.st_mode)) {
                        /* The top folder may be a link the user chose; a drop-in folder not:
                         * a planted link would send the drop-in elsewhere. */
                        if (!top)
                                return output_fail(ret_error, "%s: exists and is a symbolic link; refusing to follow it", dir);
                        if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
                                return output_fail(ret_error, "%s: not a folder", dir);
                        return 0;
                }
                if (!S_ISDIR(st.st_mode))
                        return output_fail(ret_error, "%s: exists and is not a folder", dir);
                return 0;
        }
        if (errno != ENOENT)
                return output_fail(ret_error, "%s: %s", dir, strerror(errno));
        if (mkdir(dir, 0755) < 0)
                return output_fail(ret_error, "cannot create folder %s: %s", dir, strerror(errno));
        /* 0755 whatever the umask, like the files. */
        if (chmod(dir, 0755) < 0) {
                int e = errno;
                rmdir(dir);
                return output_fail(ret_error, "cannot create folder %s: %s", dir, strerror(e));
        }
        *ret_created = true;
        return 0;
}

int output_write(const char *dir, const struct output_file *files, size_t n, char **ret_error)
{
        char **tmp = xcalloc(n, sizeof(char *));
        char **final = xcalloc(n, sizeof(char *));
        char **made_dirs = xcalloc(n + 1, sizeof(char *));
        size_t nmade = 0;
        int r = -1;
        *ret_error = NULL;

        struct stat st;
        if (stat(dir, &st) < 0) {
                output_fail(ret_error, "output folder %s: %s", dir, strerror(errno));
                goto out;
        }
        if (!S_ISDIR(st.st_mode)) {
                output_fail(ret_error, "output folder %s: not a folder", dir);
                goto out;
        }
        for (size_t i = 0; i < n; i++) {
                if (asprintf(&final[i], "%s/%s", dir, files[i].path) < 0)
                        uc_oom();
                char *slash = strrchr(final[i], '/');
                char *sub = strndup(final[i], (size_t) (slash - final[i]));
                if (!sub)
                        uc_oom();
                bool created;
                if (output_prepare_dir(sub, !strchr(files[i].path, '/'), &created, ret_error) < 0) {
                        free(sub);
                        goto out;
                }
                if (created)
                        made_dirs[nmade++] = sub;
                else
                        free(sub);
                if (lstat(final[i], &st) == 0 && !S_ISREG(st.st_mode)) {
                        output_fail(ret_error, "%s: exists and is %s; refusing to replace it", final[i],
                                    S_ISLNK(st.st_mode) ? "a symbolic link" : S_ISDIR(st.st_mode) ? "a folder" : "not a regular file");
                        goto out;
                }
                const char *base = slash + 1;
                for (unsigned attempt = 0;; attempt++) {
                        free(tmp[i]);
                        if (asprintf(&tmp[i], "%.*s/.%s.unitc-%ld-%u", (int) (slash - final[i]), final[i],
                                     base, (long) getpid(), attempt) < 0)
                                uc_oom();
                        int fd = open(tmp[i], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
                        if (fd < 0 && errno == EEXIST && attempt < 100)
                                continue;
                        if (fd < 0) {
                                output_fail(ret_error, "cannot write %s: %s", final[i], strerror(errno));
                                free(tmp[i]);
                                tmp[i] = NULL;
                                goto out;
                        }
                        int w = fchmod(fd, 0644) < 0 || write_all(fd, files[i].text, files[i].len) < 0 ||
                                fsync(fd) < 0;
                        int saved = errno;
                        if (close(fd) < 0 && !w) {
                                w = 1;
                                saved = errno;
                        }
                        if (w) {
                                output_fail(ret_error, "cannot write %s: %s", final[i], strerror(saved));
                                goto out;
                        }
                        break;
                }
        }
        for (size_t i = 0; i < n; i++) {
                if (rename(tmp[i], final[i]) < 0) {
                        output_fail(ret_error, "cannot write %s: %s", final[i], strerror(errno));
                        goto out;
                }
                free(tmp[i]);
                tmp[i] = NULL;
        }
        r = 0;
out:
        for (size_t i = 0; i < n; i++) {
                if (tmp[i])
                        unlink(tmp[i]);
                free(tmp[i]);
                free(final[i]);
        }
        for (size_t i = nmade; i-- > 0;) {
                if (r < 0)
                        rmdir(made_dirs[i]);
                free(made_dirs[i]);
        }
        free(tmp);
        free(final);
        free(made_dirs);
        return r;
}

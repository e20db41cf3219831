/* source.c - loading input files and mapping lines. */
#include "base/prelude.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "front/source.h"

char *source_dirname(struct arena *a, const char *path)
{
        const char *slash = strrchr(path, '/');
        if (!slash)
                return arena_strdup(a, ".");
        if (slash == path)
                return arena_strdup(a, "/");
        return arena_strndup(a, path, (size_t) (slash - path));
}

struct source *source_from_buffer(struct arena *a, const char *name, const char *buf, size_t len)
{
        struct source *s = arena_alloc(a, sizeof(*s));
        s->name = arena_strdup(a, name);
        s->dir = source_dirname(a, name);
        char *text = arena_alloc(a, len + 1);
        memcpy(text, buf, len);
        s->text = text;
        s->len = len;

        size_t n = 1;
        for (size_t i = 0; i < len; i++)
                if (buf[i] == '\n')
                        n++;
        size_t *lines = arena_alloc(a, n * sizeof(*lines));
        size_t k = 0;
        lines[k++] = 0;
        for (size_t i = 0; i < len; i++)
                if (buf[i] == '\n')
                        lines[k++] = i + 1;
        s->lines = lines;
        s->nlines = n;
        return s;
}

/* 0 for a regular file, else the error source_read_file() reports for it. */
static int source_check_type(const struct stat *st)
{
        if (S_ISREG(st->st_mode))
                return 0;
        return S_ISDIR(st->st_mode) ? EISDIR : SOURCE_ENOTREG;
}

struct source *source_read_file(struct arena *a, const char *path, int *ret_errno)
{
        /* The type first, from stat(), so that a FIFO (which would block open() until a
         * writer comes) or a device (which may never end, or act on being opened) is not even
         * opened; then fstat() must agree, in case the file was replaced in between. */
        struct stat st;
        if (stat(path, &st) < 0) {
                *ret_errno = errno;
                return NULL;
        }
        if ((*ret_errno = source_check_type(&st)) != 0)
                return NULL;
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0) {
                *ret_errno = errno;
                return NULL;
        }
        if (fstat(fd, &st) < 0 || (errno = source_check_type(&st)) != 0) {
                *ret_errno = errno;
                close(fd);
                return NULL;
        }
        char *buf = NULL;
        size_t len = 0, cap = 0;
        for (;;) {
                if (len == cap) {
                        cap = cap ? cap * 2 : 16384;
                        buf = xrealloc(buf, cap);
                }
                ssize_t r = read(fd, buf + len, cap - len);
                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        *ret_errno = errno;
                        goto fail;
                }
                if (r == 0)
                        break;
                len += (size_t) r;
                if (len > SOURCE_MAX_BYTES) {
                        *ret_errno = EFBIG;
                        goto fail;
                }
        }
        close(fd);
        if (memchr(buf ? buf : "", '\0', len)) {
                free(buf);
                *ret_errno = EILSEQ;
                return NULL;
        }
        struct source *s = source_from_buffer(a, path, buf ? buf : "", len);
        free(buf);
        return s;
fail:
        close(fd);
        free(buf);
        return NULL;
}

const char *source_strerror(int err)
{
        switch (err) {
        case EFBIG:
                return "larger than 16 MiB";
        case EILSEQ:
                return "contains NUL bytes";
        case EISDIR:
                return "is a folder";
        case SOURCE_ENOTREG:
                return "not a regular file (a FIFO, socket or device), not read";
        default:
                return strerror(err);
        }
}

const char *source_line(const struct source *s, unsigned n, size_t *ret_len)
{
        if (n == 0 || n > s->nlines) {
                *ret_len = 0;
                return "";
        }
        const char *start = s->text + s->lines[n - 1];
        const char *end = memchr(start, '\n', s->len - s->lines[n - 1]);
        size_t len = end ? (size_t) (end - start) : strlen(start);
        if (len > 0 && start[len - 1] == '\r')
                len--;
        *ret_len = len;
        return start;
}

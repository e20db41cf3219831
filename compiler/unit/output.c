/* output.c - atomic, all-or-nothing writing of the output files; output.h says how. */
#include "base/prelude.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit/output.h"
#include "base/strbuf.h"

struct output_folder {
        char *rel;              /* "" for the output folder, else its drop-in folder */
        char *display;          /* as messages name it */
        int fd;
        bool created;
};

struct output_target {
        const struct output_file *file;
        struct output_folder *folder;
        const char *name;       /* in its folder */
        char *display;          /* DIR/PATH */
        char *tmp;              /* the new text, until it is renamed into place */
        char *backup;           /* a second name of the old file, while it may be put back */
        bool existed;
        bool renamed;           /* the new text is in place */
        int undo_errno;         /* putting the old state back failed */
};

UC_PRINTF(1, 0) static char *output_vprintf(const char *fmt, va_list ap)
{
        char *s;
        if (vasprintf(&s, fmt, ap) < 0)
                uc_oom();
        return s;
}

UC_PRINTF(2, 3) static int output_fail(struct strbuf *err, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *s = output_vprintf(fmt, ap);
        va_end(ap);
        strbuf_puts(err, s);
        free(s);
        return -1;
}

static char *output_printf(const char *fmt, ...) UC_PRINTF(1, 2);
static char *output_printf(const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *s = output_vprintf(fmt, ap);
        va_end(ap);
        return s;
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

/* The order of the renames (output.h says why): drop-ins, the service, its companions. */
static int output_rank(const char *path)
{
        size_t n = strlen(path);
        if (strchr(path, '/'))
                return 0;
        if (n > 8 && streq(path + n - 8, ".service"))
                return 1;
        return 2;
}

/* The drop-in folder REL in the output folder; created (0755) when missing. A symlink there
 * is refused: a planted link would send the drop-in elsewhere. */
static struct output_folder *output_folder(struct output_folder *folders, size_t *nfolders, const char *rel,
                                           struct strbuf *err)
{
        for (size_t i = 0; i < *nfolders; i++)
                if (streq(folders[i].rel, rel))
                        return &folders[i];
        struct output_folder *top = &folders[0], *f = &folders[(*nfolders)++];
        *f = (struct output_folder) { .rel = xstrdup(rel), .fd = -1 };
        f->display = output_printf("%s/%s", top->display, rel);
        struct stat st;
        if (fstatat(top->fd, rel, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                if (S_ISLNK(st.st_mode))
                        return output_fail(err, "%s: exists and is a symbolic link; refusing to follow it", f->display), NULL;
                if (!S_ISDIR(st.st_mode))
                        return output_fail(err, "%s: exists and is not a folder", f->display), NULL;
        } else if (errno != ENOENT) {
                return output_fail(err, "%s: %s", f->display, strerror(errno)), NULL;
        } else {
                if (mkdirat(top->fd, rel, 0755) < 0)
                        return output_fail(err, "cannot create folder %s: %s", f->display, strerror(errno)), NULL;
                f->created = true;
                (void) fsync(top->fd);
        }
        f->fd = openat(top->fd, rel, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (f->fd < 0)
                return output_fail(err, "%s: %s", f->display, strerror(errno)), NULL;
        /* 0755 whatever the umask, like the files. */
        if (f->created && fchmod(f->fd, 0755) < 0)
                return output_fail(err, "cannot create folder %s: %s", f->display, strerror(errno)), NULL;
        return f;
}

/* ENTRY is a temporary or backup name of NAME (.NAME.unitc-PID-...) whose writer is gone. */
static bool output_is_stale(const char *entry, const char *name)
{
        size_t n = strlen(name);
        if (entry[0] != '.' || strncmp(entry + 1, name, n) != 0 || !startswith(entry + 1 + n, ".unitc-"))
                return false;
        const char *p = entry + 1 + n + strlen(".unitc-");
        if (!isdigit((unsigned char) *p))
                return false;
        char *end;
        errno = 0;
        long pid = strtol(p, &end, 10);
        if (errno || *end != '-' || end[1] == '\0' || pid <= 0 || pid > INT_MAX)
                return false;
        /* This run has made none yet: one with its PID is from an earlier process. */
        if (pid == (long) getpid())
                return true;
        return kill((pid_t) pid, 0) < 0 && errno == ESRCH;
}

/* Removes from F what a killed run left of the files that go there. */
static void output_clean_stale(struct output_folder *f, const struct output_target *t, size_t n)
{
        int fd = openat(f->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
                return;
        DIR *d = fdopendir(fd);
        if (!d) {
                close(fd);
                return;
        }
        for (struct dirent *de; (de = readdir(d));)
                for (size_t i = 0; i < n; i++)
                        if (t[i].folder == f && output_is_stale(de->d_name, t[i].name)) {
                                (void) unlinkat(f->fd, de->d_name, 0);
                                break;
                        }
        closedir(d);
}

/* The new text under a temporary name beside the file, written and synced. */
static int output_write_tmp(struct output_target *t, struct strbuf *err)
{
        for (unsigned attempt = 0;; attempt++) {
                free(t->tmp);
                t->tmp = output_printf(".%s.unitc-%ld-%u", t->name, (long) getpid(), attempt);
                int fd = openat(t->folder->fd, t->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
                if (fd < 0 && errno == EEXIST && attempt < 100)
                        continue;
                if (fd < 0) {
                        int e = errno;
                        free(t->tmp);
                        t->tmp = NULL;
                        return output_fail(err, "cannot write %s: %s", t->display, strerror(e));
                }
                int w = fchmod(fd, 0644) < 0 || write_all(fd, t->file->text, t->file->len) < 0 || fsync(fd) < 0;
                int saved = errno;
                if (close(fd) < 0 && !w) {
                        w = 1;
                        saved = errno;
                }
                if (w)
                        return output_fail(err, "cannot write %s: %s", t->display, strerror(saved));
                return 0;
        }
}

/* A copy of the old file as BACKUP, for a file system without hard links: the same text and
 * mode. */
static int output_copy_old(int dirfd, const char *name, const char *backup)
{
        int in = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), out = -1, e = 0;
        struct stat st;
        char buf[16384];
        if (in < 0 || fstat(in, &st) < 0)
                goto fail;
        out = openat(dirfd, backup, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out < 0)
                goto fail;
        for (;;) {
                ssize_t r = read(in, buf, sizeof(buf));
                if (r < 0 && errno == EINTR)
                        continue;
                if (r < 0 || (r > 0 && write_all(out, buf, (size_t) r) < 0))
                        goto fail;
                if (r == 0)
                        break;
        }
        if (fchmod(out, st.st_mode & 07777) < 0 || fsync(out) < 0)
                goto fail;
        close(in);
        if (close(out) < 0) {
                e = errno;
                (void) unlinkat(dirfd, backup, 0);
                errno = e;
                return -1;
        }
        return 0;
fail:
        e = errno;
        if (in >= 0)
                close(in);
        if (out >= 0) {
                close(out);
                (void) unlinkat(dirfd, backup, 0);
        }
        errno = e;
        return -1;
}

/* A second name for the old file, to rename it back if a later step fails. */
static int output_keep_old(struct output_target *t, struct strbuf *err)
{
        int fd = t->folder->fd;
        char *backup = output_printf("%s.old", t->tmp);
        if (linkat(fd, t->name, fd, backup, 0) < 0 &&
            ((errno != EPERM && errno != EMLINK && errno != EOPNOTSUPP && errno != ENOSYS) ||
             output_copy_old(fd, t->name, backup) < 0)) {
                free(backup);
                return output_fail(err, "cannot keep the old %s to put it back should a later step fail: %s",
                                   t->display, strerror(errno));
        }
        t->backup = backup;
        return 0;
}

/* Undoes the first DONE renames, the last first, and stops at the first that cannot be undone:
 * what is left is then a state the renames passed through. Returns false in that case. */
static bool output_undo(struct output_target **order, size_t done)
{
        for (size_t k = done; k-- > 0;) {
                struct output_target *x = order[k];
                int fd = x->folder->fd;
                if ((x->existed ? renameat(fd, x->backup, fd, x->name) : unlinkat(fd, x->name, 0)) < 0) {
                        x->undo_errno = errno;
                        return false;
                }
                if (x->existed) {
                        free(x->backup);
                        x->backup = NULL;
                }
                x->renamed = false;
                (void) fsync(fd);
        }
        return true;
}

/* After an undo that failed: which file is new, which old, where the old text of a new one is. */
static void output_describe(struct output_target **order, size_t n, struct strbuf *err)
{
        strbuf_puts(err, "; putting the old files back failed as well, so some are new:");
        for (size_t k = 0; k < n; k++) {
                const struct output_target *x = order[k];
                strbuf_puts(err, k ? ";" : "");
                if (!x->renamed)
                        strbuf_printf(err, " %s %s", x->display, x->existed ? "is the old file" : "is not there, as before");
                else if (x->existed)
                        strbuf_printf(err, " %s is the new file, the old one is kept as %s/%s", x->display,
                                      x->folder->display, x->backup);
                else
                        strbuf_printf(err, " %s is new (there was none before)", x->display);
                if (x->undo_errno)
                        strbuf_printf(err, " (%s failed: %s)", x->existed ? "renaming the old one back" : "removing it",
                                      strerror(x->undo_errno));
        }
}

int output_write(const char *dir, const struct output_file *files, size_t n, char **ret_error)
{
        struct output_folder *folders = xcalloc(n + 1, sizeof(*folders));
        struct output_target *t = xcalloc(n, sizeof(*t));
        struct output_target **order = xcalloc(n, sizeof(*order));
        struct strbuf err = STRBUF_INIT;
        size_t nfolders = 0, done = 0;
        bool undone = true;
        int r = -1;
        *ret_error = NULL;

        struct stat st;
        if (stat(dir, &st) < 0) {
                output_fail(&err, "output folder %s: %s", dir, strerror(errno));
                goto out;
        }
        if (!S_ISDIR(st.st_mode)) {
                output_fail(&err, "output folder %s: not a folder", dir);
                goto out;
        }
        /* The folder given may be a link the user chose; it is followed once, here. */
        folders[0] = (struct output_folder) { .rel = xstrdup(""), .display = xstrdup(dir) };
        folders[0].fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        nfolders = 1;
        if (folders[0].fd < 0) {
                output_fail(&err, "output folder %s: %s", dir, strerror(errno));
                goto out;
        }

        /* Where each file goes; the drop-in folder is made here. */
        for (size_t i = 0; i < n; i++) {
                const char *slash = strrchr(files[i].path, '/');
                t[i].file = &files[i];
                t[i].display = output_printf("%s/%s", dir, files[i].path);
                t[i].name = slash ? slash + 1 : files[i].path;
                if (!slash) {
                        t[i].folder = &folders[0];
                        continue;
                }
                char *rel = xstrndup(files[i].path, (size_t) (slash - files[i].path));
                t[i].folder = output_folder(folders, &nfolders, rel, &err);
                free(rel);
                if (!t[i].folder)
                        goto out;
        }
        for (size_t f = 0; f < nfolders; f++)
                output_clean_stale(&folders[f], t, n);

        /* Every new text under its temporary name. */
        for (size_t i = 0; i < n; i++) {
                if (fstatat(t[i].folder->fd, t[i].name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                        if (!S_ISREG(st.st_mode)) {
                                output_fail(&err, "%s: exists and is %s; refusing to replace it", t[i].display,
                                            S_ISLNK(st.st_mode)  ? "a symbolic link"
                                            : S_ISDIR(st.st_mode) ? "a folder"
                                                                  : "not a regular file");
                                goto out;
                        }
                        t[i].existed = true;
                } else if (errno != ENOENT) {
                        output_fail(&err, "%s: %s", t[i].display, strerror(errno));
                        goto out;
                }
                if (output_write_tmp(&t[i], &err) < 0)
                        goto out;
        }

        size_t k = 0;
        for (int rank = 0; rank <= 2; rank++)
                for (size_t i = 0; i < n; i++)
                        if (output_rank(files[i].path) == rank)
                                order[k++] = &t[i];

        /* The old files keep a second name until every new one is in place. */
        for (k = 0; k < n; k++)
                if (order[k]->existed && output_keep_old(order[k], &err) < 0)
                        goto out;

        for (done = 0; done < n; done++) {
                struct output_target *x = order[done];
                if (renameat(x->folder->fd, x->tmp, x->folder->fd, x->name) < 0) {
                        output_fail(&err, "cannot write %s: %s", x->display, strerror(errno));
                        goto out;
                }
                x->renamed = true;
                free(x->tmp);
                x->tmp = NULL;
                /* On disk in this order too, where the file system can say so. */
                (void) fsync(x->folder->fd);
        }
        r = 0;
out:
        if (r < 0)
                undone = output_undo(order, done);
        for (size_t i = 0; i < n; i++) {
                if (t[i].tmp)
                        (void) unlinkat(t[i].folder->fd, t[i].tmp, 0);
                /* A new file whose old one could not be put back keeps the old text. */
                if (t[i].backup && (r == 0 || !t[i].renamed))
                        (void) unlinkat(t[i].folder->fd, t[i].backup, 0);
        }
        for (size_t f = nfolders; f-- > 1;) {
                if (r < 0 && undone && folders[f].created &&
                    unlinkat(folders[0].fd, folders[f].rel, AT_REMOVEDIR) < 0)
                        strbuf_printf(&err, " (the folder %s made for it is left: %s)", folders[f].display,
                                      strerror(errno));
        }
        if (r < 0 && undone)
                strbuf_puts(&err, "; no files written");
        else if (r < 0)
                output_describe(order, n, &err);
        if (r < 0)
                *ret_error = xstrdup(strbuf_str(&err));
        for (size_t i = 0; i < n; i++) {
                free(t[i].display);
                free(t[i].tmp);
                free(t[i].backup);
        }
        for (size_t f = 0; f < nfolders; f++) {
                if (folders[f].fd >= 0)
                        close(folders[f].fd);
                free(folders[f].rel);
                free(folders[f].display);
        }
        strbuf_free(&err);
        free(order);
        free(t);
        free(folders);
        return r;
}

/* failpoint.c - an LD_PRELOAD library for the output-safety tests: it stops or fails the
 * compiler at the N-th call that changes the file tree (rename, renameat, renameat2, link,
 * linkat, unlink, unlinkat, mkdir, mkdirat, rmdir). Built by tests/output/run:
 * cc -shared -fPIC -o failpoint.so failpoint.c -ldl
 *
 *   FAILPOINT_KILL=N        SIGKILL at the N-th call, before it takes effect
 *   FAILPOINT_FAIL=N[,M]    the N-th (and M-th ...) call fails with EPERM, as on a file
 *                           marked immutable (chattr +i), and changes nothing
 *   FAILPOINT_ONLY=rename   count the rename calls only
 *   FAILPOINT_TRACE=FILE    append "N CALL PATH" for each call counted, before it runs
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned failpoint_calls;

static void failpoint_trace(unsigned n, const char *call, const char *path)
{
        const char *file = getenv("FAILPOINT_TRACE");
        if (!file || !*file)
                return;
        char line[4096];
        int len = snprintf(line, sizeof(line), "%u %s %s\n", n, call, path ? path : "");
        if (len < 0)
                return;
        if ((size_t) len >= sizeof(line))
                len = sizeof(line) - 1;
        int fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0)
                return;
        ssize_t w = write(fd, line, (size_t) len);
        (void) w;
        close(fd);
}

static bool failpoint_listed(const char *list, unsigned n)
{
        for (const char *p = list; p && *p;) {
                char *end;
                unsigned long v = strtoul(p, &end, 10);
                if (end == p)
                        return false;
                if (v == n)
                        return true;
                p = *end == ',' ? end + 1 : end;
        }
        return false;
}

/* Returns -1 (errno EPERM) when this call is to fail; does not return when it is to be killed. */
static int failpoint(const char *call, const char *path)
{
        const char *only = getenv("FAILPOINT_ONLY");
        if (only && *only && !strstr(call, only))
                return 0;
        unsigned n = ++failpoint_calls;
        failpoint_trace(n, call, path);
        const char *kill_at = getenv("FAILPOINT_KILL");
        if (kill_at && *kill_at && strtoul(kill_at, NULL, 10) == n) {
                kill(getpid(), SIGKILL);
                for (;;)
                        pause();
        }
        if (failpoint_listed(getenv("FAILPOINT_FAIL"), n)) {
                errno = EPERM;
                return -1;
        }
        return 0;
}

#define REAL(name) ((__typeof__(&name)) dlsym(RTLD_NEXT, #name))

int rename(const char *from, const char *to)
{
        return failpoint("rename", to) < 0 ? -1 : REAL(rename)(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
        return failpoint("renameat", to) < 0 ? -1 : REAL(renameat)(fromfd, from, tofd, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned flags)
{
        return failpoint("renameat2", to) < 0 ? -1 : REAL(renameat2)(fromfd, from, tofd, to, flags);
}

int link(const char *from, const char *to)
{
        return failpoint("link", to) < 0 ? -1 : REAL(link)(from, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
        return failpoint("linkat", to) < 0 ? -1 : REAL(linkat)(fromfd, from, tofd, to, flags);
}

int unlink(const char *path)
{
        return failpoint("unlink", path) < 0 ? -1 : REAL(unlink)(path);
}

int unlinkat(int fd, const char *path, int flags)
{
        return failpoint("unlinkat", path) < 0 ? -1 : REAL(unlinkat)(fd, path, flags);
}

int mkdir(const char *path, mode_t mode)
{
        return failpoint("mkdir", path) < 0 ? -1 : REAL(mkdir)(path, mode);
}

int mkdirat(int fd, const char *path, mode_t mode)
{
        return failpoint("mkdirat", path) < 0 ? -1 : REAL(mkdirat)(fd, path, mode);
}

int rmdir(const char *path)
{
        return failpoint("rmdir", path) < 0 ? -1 : REAL(rmdir)(path);
}

/* greeterd - a small TCP daemon for the packaging example: it greets each visitor on
 * 127.0.0.1:7790 with the number of visitors so far, kept in $STATE_DIRECTORY/count across
 * restarts (written to a new file and renamed over the old one). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 7790

static unsigned long read_count(const char *path)
{
        FILE *f = fopen(path, "r");
        unsigned long n = 0;
        if (f) {
                if (fscanf(f, "%lu", &n) != 1)
                        n = 0;
                fclose(f);
        }
        return n;
}

static int write_count(const char *path, const char *tmp, unsigned long n)
{
        FILE *f = fopen(tmp, "w");
        if (!f)
                return -1;
        int bad = fprintf(f, "%lu\n", n) < 0;
        bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
        bad |= fclose(f) != 0;
        if (bad || rename(tmp, path) != 0) {
                unlink(tmp);
                return -1;
        }
        return 0;
}

int main(void)
{
        const char *dir = getenv("STATE_DIRECTORY");
        if (!dir || !*dir) {
                fprintf(stderr, "greeterd: STATE_DIRECTORY is not set; run it from its unit\n");
                return 1;
        }
        char path[4096], tmp[4096];
        snprintf(path, sizeof(path), "%s/count", dir);
        snprintf(tmp, sizeof(tmp), "%s/count.new", dir);
        signal(SIGPIPE, SIG_IGN);

        int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(PORT) };
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
            bind(s, (struct sockaddr *) &sa, sizeof(sa)) < 0 || listen(s, 16) < 0) {
                fprintf(stderr, "greeterd: cannot listen on 127.0.0.1:%d: %s\n", PORT, strerror(errno));
                return 1;
        }
        fprintf(stderr, "greeterd: listening on 127.0.0.1:%d, state in %s\n", PORT, path);
        for (;;) {
                int c = accept4(s, NULL, NULL, SOCK_CLOEXEC);
                if (c < 0) {
                        if (errno == EINTR)
                                continue;
                        fprintf(stderr, "greeterd: accept: %s\n", strerror(errno));
                        return 1;
                }
                unsigned long n = read_count(path) + 1;
                char msg[128];
                int len;
                if (write_count(path, tmp, n) == 0)
                        len = snprintf(msg, sizeof(msg), "hello from greeterd, visitor %lu\n", n);
                else
                        len = snprintf(msg, sizeof(msg), "greeterd: cannot save the count: %s\n", strerror(errno));
                if (write(c, msg, (size_t) len) < 0)
                        fprintf(stderr, "greeterd: write: %s\n", strerror(errno));
                close(c);
        }
}

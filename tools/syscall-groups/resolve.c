/* resolve.c - prints "NAME 1" for each syscall name on stdin that the libseccomp found at run
 * time resolves to a real number on the native architecture, "NAME 0" otherwise. Built on the
 * host and run inside a target's rootfs (chroot) by ./measure, so that it asks that target's
 * libseccomp.so.2 (opened with dlopen: no headers or link-time library needed). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
        void *h = dlopen("libseccomp.so.2", RTLD_NOW);
        if (!h) {
                fprintf(stderr, "resolve: %s\n", dlerror());
                return 1;
        }
        int (*resolve)(const char *) = (int (*)(const char *)) dlsym(h, "seccomp_syscall_resolve_name");
        if (!resolve) {
                fprintf(stderr, "resolve: %s\n", dlerror());
                return 1;
        }
        char line[256];
        while (fgets(line, sizeof(line), stdin)) {
                line[strcspn(line, "\n")] = '\0';
                if (*line)
                        printf("%s %d\n", line, resolve(line) >= 0);
        }
        return 0;
}

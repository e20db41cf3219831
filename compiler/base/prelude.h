/* prelude.h - included first by every unitc source file. */
#ifndef UNITC_PRELUDE_H
#define UNITC_PRELUDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define UC_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define UC_NORETURN __attribute__((noreturn))

/* Process exit codes; documented in README.md ("Exit codes"). */
enum uc_exit {
        UC_EXIT_OK = 0,
        UC_EXIT_INPUT = 1,    /* errors in the input */
        UC_EXIT_USAGE = 2,    /* bad command line */
        UC_EXIT_IO = 3,       /* I/O or internal error, out of memory */
        UC_EXIT_EXPOSURE = 4, /* exposure above the policy's bound */
};

/* Out-of-memory is not recoverable in a batch compiler: report and exit 3. */
UC_NORETURN void uc_oom(void);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

static inline bool streq(const char *a, const char *b) { return strcmp(a, b) == 0; }
static inline bool startswith(const char *s, const char *prefix)
{
        return strncmp(s, prefix, strlen(prefix)) == 0;
}
/* path is root or inside it: "/run/x" is under "/run", "/runner" is not. */
static inline bool path_under(const char *path, const char *root)
{
        size_t n = strlen(root);
        return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

#endif

/* arena.c - a chunked bump allocator, plus the process-wide x* allocators. */
#include "base/prelude.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "base/arena.h"

void uc_oom(void)
{
        static const char msg[] = "unitc: out of memory\n";
        ssize_t r = write(STDERR_FILENO, msg, sizeof(msg) - 1);
        (void) r;
        _exit(UC_EXIT_IO);
}

void *xmalloc(size_t n)
{
        void *p = malloc(n ? n : 1);
        if (!p)
                uc_oom();
        return p;
}

void *xcalloc(size_t n, size_t size)
{
        void *p = calloc(n ? n : 1, size ? size : 1);
        if (!p)
                uc_oom();
        return p;
}

void *xrealloc(void *p, size_t n)
{
        p = realloc(p, n ? n : 1);
        if (!p)
                uc_oom();
        return p;
}

char *xstrndup(const char *s, size_t n)
{
        char *p = xmalloc(n + 1);
        memcpy(p, s, n);
        p[n] = '\0';
        return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

#define ARENA_ALIGN 16
#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
        struct arena_chunk *next;
        size_t size, used;
        _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
        struct arena_chunk *head;
};

struct arena *arena_new(void) { return xcalloc(1, sizeof(struct arena)); }

void arena_free(struct arena *a)
{
        if (!a)
                return;
        for (struct arena_chunk *c = a->head, *next; c; c = next) {
                next = c->next;
                free(c);
        }
        free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
        n = (n + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1);
        struct arena_chunk *c = a->head;
        if (!c || c->size - c->used < n) {
                size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
                if (size > SIZE_MAX - sizeof(*c))
                        uc_oom();
                c = xmalloc(sizeof(*c) + size);
                c->size = size;
                c->used = 0;
                /* Large blocks go behind the current chunk so its free space is not lost. */
                if (a->head && n > ARENA_CHUNK / 4) {
                        c->next = a->head->next;
                        a->head->next = c;
                } else {
                        c->next = a->head;
                        a->head = c;
                }
        }
        void *p = c->data + c->used;
        c->used += n;
        memset(p, 0, n);
        return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
        char *p = arena_alloc(a, n + 1);
        memcpy(p, s, n);
        return p;
}

char *arena_strdup(struct arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(struct arena *a, const char *fmt, ...)
{
        va_list ap, ap2;
        va_start(ap, fmt);
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
                uc_oom();
        char *p = arena_alloc(a, (size_t) n + 1);
        vsnprintf(p, (size_t) n + 1, fmt, ap2);
        va_end(ap2);
        return p;
}

void *arena_grow(struct arena *a, void *array, size_t elem, size_t *cap, size_t need)
{
        if (need <= *cap)
                return array;
        size_t ncap = *cap ? *cap * 2 : 8;
        while (ncap < need)
                ncap *= 2;
        if (ncap > SIZE_MAX / elem)
                uc_oom();
        void *p = arena_alloc(a, ncap * elem);
        if (array && *cap)
                memcpy(p, array, *cap * elem);
        *cap = ncap;
        return p;
}

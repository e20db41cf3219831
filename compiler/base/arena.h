/* arena.h - one allocation arena per compilation; everything is freed at once. */
#ifndef UNITC_ARENA_H
#define UNITC_ARENA_H

#include "base/prelude.h"

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a); /* accepts NULL */

void *arena_alloc(struct arena *a, size_t n);  /* zeroed, aligned for any type */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) UC_PRINTF(2, 3);
/* Grow an arena-backed array of *cap elements of size elem to hold at least need. */
void *arena_grow(struct arena *a, void *array, size_t elem, size_t *cap, size_t need);

#endif

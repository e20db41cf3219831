/* source.h - a loaded input file and the locations that point into it. */
#ifndef UNITC_SOURCE_H
#define UNITC_SOURCE_H

#include "base/prelude.h"

#include <errno.h>

struct arena;

struct source {
        const char *name;     /* as given on the command line or found on the search path */
        const char *dir;      /* its folder, for resolving `use` of local files */
        const char *text;     /* NUL-terminated copy of the contents */
        size_t len;           /* bytes, not counting the terminator */
        const size_t *lines;  /* byte offset of each line start */
        size_t nlines;
        const struct source *used_from;      /* the source whose `use` loaded this one */
        const struct loc *used_at;           /* where in used_from */
};

/* A span in one source: 1-based line and column of the first and last character. */
struct loc {
        const struct source *src;
        unsigned first_line, first_col;
        unsigned last_line, last_col;
};

/* Limits that keep hostile input bounded; each has its own error message. */
#define SOURCE_MAX_BYTES (16u * 1024 * 1024)

/* Builds a source from a buffer (copied). Never fails except out of memory. */
struct source *source_from_buffer(struct arena *a, const char *name, const char *buf, size_t len);
/* The error for a file that is not a regular file (a FIFO, socket or device). */
#define SOURCE_ENOTREG ENXIO

/* Reads a regular file (following symlinks); on error returns NULL and sets *ret_errno
 * (EFBIG: larger than the limit, EISDIR: a folder, SOURCE_ENOTREG: not a regular file,
 * which is refused without being opened, EILSEQ: NUL bytes; else open()'s or read()'s). */
struct source *source_read_file(struct arena *a, const char *path, int *ret_errno);
/* Words for source_read_file()'s errors: "larger than 16 MiB", "not a regular file ...". */
const char *source_strerror(int err);
/* The folder part of a path ("." for a bare name, "/" for a file in /), in the arena. */
char *source_dirname(struct arena *a, const char *path);
/* The text of line n (1-based), without its newline, and its length. */
const char *source_line(const struct source *s, unsigned n, size_t *ret_len);

#endif

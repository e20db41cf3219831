/* output.h - writing the compiled files: all or nothing.
 *
 * Every file is first written to a temporary name in its target folder, synced, and only
 * when all are written are they renamed into place. A symlink or a folder where an output
 * file should go is refused, never followed or replaced. Files are created 0644 whatever the
 * umask. */
#ifndef UNITC_OUTPUT_H
#define UNITC_OUTPUT_H

#include "prelude.h"

struct output_file {
        const char *path;    /* relative to the output folder */
        const char *text;
        size_t len;
};

/* Returns 0, or -1 with a message (allocated; the caller frees it) in *ret_error. */
int output_write(const char *dir, const struct output_file *files, size_t n, char **ret_error);

#endif

/* diag.h - the diagnostics queue. The library reports here and never prints; main.c renders.
 *
 * Format (GNU, as editors and CI problem matchers parse it):
 *   file:line:col: error: message
 *    source line
 *    ^~~~~~
 *   file:line:col: note: ...        (use chain, previous statement)
 *   file:line:col: hint: did you mean 'x'?
 */
#ifndef UNITC_DIAG_H
#define UNITC_DIAG_H

#include "base/prelude.h"
#include "front/source.h"

struct strbuf;

enum diag_severity {
        DIAG_ERROR,
        DIAG_WARNING,
        DIAG_NOTE,
        DIAG_HINT,
};

struct diag_note {
        enum diag_severity severity; /* DIAG_NOTE or DIAG_HINT */
        struct loc loc;              /* src may be NULL: a note without a place */
        char *message;
};

struct diag {
        enum diag_severity severity;
        struct loc loc; /* src may be NULL for errors about no particular place */
        char *message;
        struct diag_note *notes;
        size_t nnotes;
};

struct diag_queue {
        struct diag *items;
        size_t n, cap;
        unsigned errors, warnings;
        unsigned max_errors;  /* 0: no cap */
        bool werror;          /* warnings count as errors */
};

void diag_queue_init(struct diag_queue *q, unsigned max_errors);
void diag_queue_free(struct diag_queue *q); /* accepts an empty queue */

/* Each returns -1, so that a check can be written `return diag_error(...)`. */
int diag_error(struct diag_queue *q, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);
int diag_warning(struct diag_queue *q, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);
/* A note of its own, neither error nor warning: something the reader should know. */
void diag_remark(struct diag_queue *q, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);
/* Attaches a note or hint to the last diagnostic. */
void diag_note(struct diag_queue *q, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);
void diag_hint(struct diag_queue *q, const char *fmt, ...) UC_PRINTF(2, 3);
/* Adds "did you mean 'x'?" when one of the candidates (NULL-terminated or counted by n,
 * stride bytes apart, each a const char * at offset 0) is close to word. */
void diag_hint_spelling(struct diag_queue *q, const char *word, const char *const *candidates,
                        size_t n);

bool diag_has_errors(const struct diag_queue *q);
/* True once the error cap is reached: stages stop early. */
bool diag_too_many(const struct diag_queue *q);

/* Renders every queued diagnostic, in order, with source lines and carets. */
void diag_render(const struct diag_queue *q, struct strbuf *out);
/* Renders one location header "file:line:col" (or "file" without a line). */
void diag_render_loc(const struct loc *loc, struct strbuf *out);

/* Edit distance with transpositions, for spelling hints (bounded, for short words). */
unsigned diag_edit_distance(const char *a, const char *b);

#endif

/* diag.c - queueing and rendering diagnostics. */
#include "prelude.h"

#include <stdarg.h>
#include <stdio.h>

#include "diag.h"
#include "strbuf.h"

void diag_queue_init(struct diag_queue *q, unsigned max_errors)
{
        memset(q, 0, sizeof(*q));
        q->max_errors = max_errors;
}

void diag_queue_free(struct diag_queue *q)
{
        for (size_t i = 0; i < q->n; i++) {
                for (size_t j = 0; j < q->items[i].nnotes; j++)
                        free(q->items[i].notes[j].message);
                free(q->items[i].notes);
                free(q->items[i].message);
        }
        free(q->items);
        memset(q, 0, sizeof(*q));
}

static char *vformat(const char *fmt, va_list ap)
{
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap);
        if (n < 0)
                uc_oom();
        char *s = xmalloc((size_t) n + 1);
        vsnprintf(s, (size_t) n + 1, fmt, ap2);
        va_end(ap2);
        return s;
}

static void diag_push(struct diag_queue *q, enum diag_severity sev, const struct loc *loc,
                      const char *fmt, va_list ap)
{
        if (sev == DIAG_WARNING && q->werror)
                sev = DIAG_ERROR;
        if (sev == DIAG_ERROR) {
                /* Past the cap, errors are counted but not kept. */
                q->errors++;
                if (q->max_errors && q->errors > q->max_errors)
                        return;
        } else
                q->warnings++;
        if (q->n == q->cap) {
                q->cap = q->cap ? q->cap * 2 : 16;
                q->items = xrealloc(q->items, q->cap * sizeof(*q->items));
        }
        struct diag *d = &q->items[q->n++];
        memset(d, 0, sizeof(*d));
        d->severity = sev;
        if (loc)
                d->loc = *loc;
        d->message = vformat(fmt, ap);
}

int diag_error(struct diag_queue *q, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        diag_push(q, DIAG_ERROR, loc, fmt, ap);
        va_end(ap);
        return -1;
}

int diag_warning(struct diag_queue *q, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        diag_push(q, DIAG_WARNING, loc, fmt, ap);
        va_end(ap);
        return -1;
}

static void diag_add_note(struct diag_queue *q, enum diag_severity sev, const struct loc *loc,
                          const char *fmt, va_list ap)
{
        if (q->n == 0)
                return;
        struct diag *d = &q->items[q->n - 1];
        /* A note belongs to the diagnostic before it; if that one was dropped by the cap, so
         * is the note. */
        if (d->severity == DIAG_ERROR && q->max_errors && q->errors > q->max_errors)
                return;
        d->notes = xrealloc(d->notes, (d->nnotes + 1) * sizeof(*d->notes));
        struct diag_note *n = &d->notes[d->nnotes++];
        memset(n, 0, sizeof(*n));
        n->severity = sev;
        if (loc)
                n->loc = *loc;
        n->message = vformat(fmt, ap);
}

void diag_note(struct diag_queue *q, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        diag_add_note(q, DIAG_NOTE, loc, fmt, ap);
        va_end(ap);
}

void diag_hint(struct diag_queue *q, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        diag_add_note(q, DIAG_HINT, NULL, fmt, ap);
        va_end(ap);
}

unsigned diag_edit_distance(const char *a, const char *b)
{
        size_t la = strlen(a), lb = strlen(b);
        if (la > 64 || lb > 64)
                return 1000;
        unsigned d[65][65];
        for (size_t i = 0; i <= la; i++)
                d[i][0] = (unsigned) i;
        for (size_t j = 0; j <= lb; j++)
                d[0][j] = (unsigned) j;
        for (size_t i = 1; i <= la; i++)
                for (size_t j = 1; j <= lb; j++) {
                        unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
                        unsigned best = d[i - 1][j] + 1;
                        if (d[i][j - 1] + 1 < best)
                                best = d[i][j - 1] + 1;
                        if (d[i - 1][j - 1] + cost < best)
                                best = d[i - 1][j - 1] + cost;
                        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                            d[i - 2][j - 2] + 1 < best)
                                best = d[i - 2][j - 2] + 1;
                        d[i][j] = best;
                }
        return d[la][lb];
}

void diag_hint_spelling(struct diag_queue *q, const char *word, const char *const *candidates,
                        size_t n)
{
        const char *best = NULL;
        unsigned best_d = 0;
        for (size_t i = 0; i < n && candidates[i]; i++) {
                unsigned d = diag_edit_distance(word, candidates[i]);
                if (!best || d < best_d) {
                        best = candidates[i];
                        best_d = d;
                }
        }
        size_t len = strlen(word);
        /* Close enough: at most a third of the word wrong, and never more than 3 edits. */
        unsigned limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
        if (best && best_d > 0 && best_d <= limit)
                diag_hint(q, "did you mean '%s'?", best);
}

bool diag_has_errors(const struct diag_queue *q) { return q->errors > 0; }

bool diag_too_many(const struct diag_queue *q)
{
        return q->max_errors && q->errors >= q->max_errors;
}

static const char *const diag_severity_names[] = {
        [DIAG_ERROR] = "error",
        [DIAG_WARNING] = "warning",
        [DIAG_NOTE] = "note",
        [DIAG_HINT] = "hint",
};

void diag_render_loc(const struct loc *loc, struct strbuf *out)
{
        if (!loc->src)
                return;
        if (loc->first_line)
                strbuf_printf(out, "%s:%u:%u", loc->src->name, loc->first_line, loc->first_col);
        else
                strbuf_puts(out, loc->src->name);
}

/* The source line, then '^' under the first column and '~' under the rest of the span on
 * that line; tabs are copied so the caret lines up in any tab width. Bytes that are not
 * printable ASCII are shown as '?' so a diagnostic never carries control characters. */
static void diag_render_excerpt(const struct loc *loc, struct strbuf *out)
{
        if (!loc->src || !loc->first_line)
                return;
        size_t len;
        const char *line = source_line(loc->src, loc->first_line, &len);
        if (len > 400) /* very long lines: show the part around the caret */
                len = 400;
        strbuf_putc(out, ' ');
        for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char) line[i];
                strbuf_putc(out, c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0x80 ? (char) c : '?');
        }
        strbuf_putc(out, '\n');
        unsigned first = loc->first_col ? loc->first_col : 1;
        unsigned last = loc->last_line == loc->first_line && loc->last_col >= first
                                ? loc->last_col
                                : first;
        if (first > len + 1)
                first = (unsigned) len + 1;
        if (last > len + 1)
                last = first > len ? first : (unsigned) len;
        strbuf_putc(out, ' ');
        for (unsigned i = 1; i < first; i++)
                strbuf_putc(out, i - 1 < len && line[i - 1] == '\t' ? '\t' : ' ');
        strbuf_putc(out, '^');
        for (unsigned i = first + 1; i <= last; i++)
                strbuf_putc(out, '~');
        strbuf_putc(out, '\n');
}

static void diag_render_header(const struct loc *loc, enum diag_severity sev, const char *msg,
                               struct strbuf *out)
{
        if (loc->src) {
                diag_render_loc(loc, out);
                strbuf_puts(out, ": ");
        } else
                strbuf_puts(out, "unitc: ");
        strbuf_printf(out, "%s: %s\n", diag_severity_names[sev], msg);
}

void diag_render(const struct diag_queue *q, struct strbuf *out)
{
        for (size_t i = 0; i < q->n; i++) {
                const struct diag *d = &q->items[i];
                diag_render_header(&d->loc, d->severity, d->message, out);
                diag_render_excerpt(&d->loc, out);
                for (size_t j = 0; j < d->nnotes; j++) {
                        const struct diag_note *n = &d->notes[j];
                        if (n->severity == DIAG_HINT && !n->loc.src) {
                                /* Hints sit at the diagnostic's own place. */
                                diag_render_header(&d->loc, DIAG_HINT, n->message, out);
                                continue;
                        }
                        diag_render_header(&n->loc, n->severity, n->message, out);
                        diag_render_excerpt(&n->loc, out);
                }
                /* The chain of `use` that brought this place in. */
                for (const struct source *s = d->loc.src; s && s->used_from; s = s->used_from) {
                        diag_render_header(s->used_at, DIAG_NOTE, "in a profile used here", out);
                        diag_render_excerpt(s->used_at, out);
                }
        }
}

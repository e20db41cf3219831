/* diag.c - queueing and rendering diagnostics. */
#include "base/prelude.h"

#include <stdarg.h>
#include <stdio.h>

#include "front/diag.h"
#include "base/strbuf.h"

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

/* The length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t diag_utf8_len(const unsigned char *p, size_t n)
{
        unsigned c = p[0], len, min;
        if (c < 0x80)
                return 1;
        if ((c & 0xe0) == 0xc0)
                len = 2, min = 0x80, c &= 0x1f;
        else if ((c & 0xf0) == 0xe0)
                len = 3, min = 0x800, c &= 0x0f;
        else if ((c & 0xf8) == 0xf0)
                len = 4, min = 0x10000, c &= 0x07;
        else
                return 0;
        if (n < len)
                return 0;
        for (unsigned i = 1; i < len; i++) {
                if ((p[i] & 0xc0) != 0x80)
                        return 0;
                c = (c << 6) | (p[i] & 0x3f);
        }
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
                return 0;
        return len;
}

/* Messages quote what the policy says, which may hold anything: control characters and bytes
 * that are not UTF-8 are written as \xHH, so a diagnostic is one line of text that cannot
 * move the cursor, recolour the terminal or fake another diagnostic. */
UC_PRINTF(1, 0) static char *vformat(const char *fmt, va_list ap)
{
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap);
        if (n < 0)
                uc_oom();
        char *s = xmalloc((size_t) n + 1);
        vsnprintf(s, (size_t) n + 1, fmt, ap2);
        va_end(ap2);
        const unsigned char *u = (const unsigned char *) s;
        size_t len = (size_t) n, clean = 0;
        while (clean < len && u[clean] >= 0x20 && u[clean] < 0x7f)
                clean++;
        if (clean == len)
                return s;
        struct strbuf b = STRBUF_INIT;
        for (size_t i = 0; i < len;) {
                size_t k = diag_utf8_len(u + i, len - i);
                if (k == 0 || u[i] < 0x20 || u[i] == 0x7f) {
                        strbuf_printf(&b, "\\x%02x", u[i]);
                        i++;
                } else {
                        strbuf_add(&b, s + i, k);
                        i += k;
                }
        }
        free(s);
        s = xstrdup(strbuf_str(&b));
        strbuf_free(&b);
        return s;
}

UC_PRINTF(4, 0) static void diag_push(struct diag_queue *q, enum diag_severity sev, const struct loc *loc,
                      const char *fmt, va_list ap)
{
        if (sev == DIAG_WARNING && q->werror)
                sev = DIAG_ERROR;
        if (sev == DIAG_ERROR) {
                /* Past the cap, errors are counted but not kept. */
                q->errors++;
                if (q->max_errors && q->errors > q->max_errors)
                        return;
        } else if (sev == DIAG_WARNING)
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

void diag_remark(struct diag_queue *q, const struct loc *loc, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        diag_push(q, DIAG_NOTE, loc, fmt, ap);
        va_end(ap);
}

UC_PRINTF(4, 0) static void diag_add_note(struct diag_queue *q, enum diag_severity sev, const struct loc *loc,
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
        /* A file name may hold control characters too: '?' for each. */
        for (const char *c = loc->src->name; *c; c++)
                strbuf_putc(out, (unsigned char) *c < 0x20 || *c == 0x7f ? '?' : *c);
        if (loc->first_line)
                strbuf_printf(out, ":%u:%u", loc->first_line, loc->first_col);
}

/* The source line, then '^' under the first column and '~' under the rest of the span on
 * that line; tabs are copied so the caret lines up in any tab width. Bytes that are not
 * printable ASCII or valid UTF-8 are shown as '?' so a diagnostic never carries control
 * characters or broken text; each is one byte, so the caret still lines up. */
static void diag_render_excerpt(const struct loc *loc, struct strbuf *out)
{
        if (!loc->src || !loc->first_line)
                return;
        size_t len;
        const char *line = source_line(loc->src, loc->first_line, &len);
        if (len > 400) /* very long lines: show the part around the caret */
                len = 400;
        strbuf_putc(out, ' ');
        for (size_t i = 0; i < len;) {
                const unsigned char *c = (const unsigned char *) line + i;
                size_t k = diag_utf8_len(c, len - i);
                if (k > 1) {
                        strbuf_add(out, line + i, k);
                        i += k;
                        continue;
                }
                strbuf_putc(out, *c == '\t' || (*c >= 0x20 && *c < 0x7f) ? (char) *c : '?');
                i++;
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

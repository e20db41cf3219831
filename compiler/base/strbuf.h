/* strbuf.h - a growable, always NUL-terminated heap string (lives outside the arena). */
#ifndef UNITC_STRBUF_H
#define UNITC_STRBUF_H

#include "base/prelude.h"

struct strbuf {
        char *s;
        size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) UC_PRINTF(2, 3);
void strbuf_reset(struct strbuf *b);
void strbuf_free(struct strbuf *b); /* accepts an empty buffer */
/* The contents, "" for an empty buffer; valid until the next change. */
const char *strbuf_str(const struct strbuf *b);

#endif

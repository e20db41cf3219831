/* strbuf.c - growable strings. */
#include "base/prelude.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/strbuf.h"

static void strbuf_reserve(struct strbuf *b, size_t extra)
{
        if (extra > SIZE_MAX - b->len - 1)
                uc_oom();
        size_t need = b->len + extra + 1;
        if (need <= b->cap)
                return;
        size_t cap = b->cap ? b->cap : 64;
        while (cap < need)
                cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
        strbuf_reserve(b, n);
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *s) { strbuf_add(b, s, strlen(s)); }

void strbuf_putc(struct strbuf *b, char c) { strbuf_add(b, &c, 1); }

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
        va_list ap, ap2;
        va_start(ap, fmt);
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
                uc_oom();
        strbuf_reserve(b, (size_t) n);
        vsnprintf(b->s + b->len, (size_t) n + 1, fmt, ap2);
        va_end(ap2);
        b->len += (size_t) n;
}

void strbuf_reset(struct strbuf *b)
{
        b->len = 0;
        if (b->s)
                b->s[0] = '\0';
}

void strbuf_free(struct strbuf *b)
{
        free(b->s);
        b->s = NULL;
        b->len = b->cap = 0;
}

const char *strbuf_str(const struct strbuf *b) { return b->s ? b->s : ""; }

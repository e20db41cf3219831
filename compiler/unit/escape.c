/* escape.c - systemd unit-file quoting. */
#include "base/prelude.h"

#include "base/arena.h"
#include "unit/escape.h"
#include "base/strbuf.h"

static char *escape(struct arena *a, const char *s, bool quote_ok, bool dollar, bool keep_home)
{
        struct strbuf b = STRBUF_INIT;
        bool quote = quote_ok && (!*s || strpbrk(s, " \t\"'\\") != NULL);
        if (quote)
                strbuf_putc(&b, '"');
        for (const char *p = s; *p; p++) {
                if (*p == '%' && !(keep_home && p == s && p[1] == 'h'))
                        strbuf_puts(&b, "%%");
                else if (*p == '$' && dollar)
                        strbuf_puts(&b, "$$");
                else if (quote && (*p == '"' || *p == '\\')) {
                        strbuf_putc(&b, '\\');
                        strbuf_putc(&b, *p);
                } else
                        strbuf_putc(&b, *p);
        }
        if (quote)
                strbuf_putc(&b, '"');
        char *r = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

char *escape_text(struct arena *a, const char *s) { return escape(a, s, false, false, false); }

char *escape_word(struct arena *a, const char *s) { return escape(a, s, true, false, true); }

char *escape_exec_arg(struct arena *a, const char *s)
{
        if (streq(s, ";"))
                return arena_strdup(a, "\\;");
        return escape(a, s, true, true, false);
}

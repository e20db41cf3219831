/* fmt.c - the canonical layout of a policy (`unitc fmt`), from the scanner's tokens.
 *
 * The layout: a block's head on one line ending in " {", its statements one per line
 * indented by four spaces, "}" alone on a line; words separated by one space and written
 * as they were (a string keeps its quotes and escapes); at most one blank line in a row,
 * none at the start or end of a block or the file, one between blocks. Comments are kept:
 * a comment on a line of its own is indented as the statements around it; one after a
 * statement stays in its column when the statement ends before it, else it follows the
 * statement after one space. A statement ended by ';' gets a line of its own. Every word
 * stays on its line's statement, so the layout never changes what a policy means. */
#include "base/prelude.h"

#include "base/arena.h"
#include "base/strbuf.h"
#include "front/diag.h"
#include "front/fmt.h"
#include "front/parse.h"
#include "parser.h"
#include "lexer.h"

#define FMT_INDENT "    "

struct fmt_state {
        struct strbuf *out;
        const struct source *src;
        struct strbuf code;   /* the line being built, without its indent */
        unsigned depth;       /* 0: top level, 1: in a block */
        unsigned blanks;      /* blank source lines since the last output line */
        bool any;             /* something was written */
        bool after_open;      /* the last line written opened a block */
        unsigned trailing;    /* column of the last line's comment after a statement, or 0 */
};

/* The comment after column `from` (1-based) of line n: its text from '#' and its column. */
static const char *fmt_comment(const struct source *src, unsigned n, unsigned from, size_t *ret_len,
                               unsigned *ret_col)
{
        size_t len;
        const char *line = source_line(src, n, &len);
        if (!line)
                return NULL;
        size_t i = from > 0 ? from - 1 : 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
                i++;
        if (i >= len || line[i] != '#')
                return NULL;
        size_t end = len;
        while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r'))
                end--;
        *ret_len = end - i;
        *ret_col = (unsigned) i + 1;
        return line + i;
}

/* Writes one output line: blank lines owed before it, the indent, the code, a comment. */
static void fmt_put(struct fmt_state *st, unsigned depth, const char *code, size_t clen, const char *comment,
                    size_t mlen, unsigned mcol, bool closing)
{
        if (st->blanks && st->any && !st->after_open && !closing) {
                strbuf_putc(st->out, '\n');
                st->trailing = 0;
        }
        st->blanks = 0;
        size_t start = st->out->len;
        /* A comment line in the column of the comment after the line above continues it. */
        bool continues = clen == 0 && comment && st->trailing && mcol == st->trailing &&
                         mcol > depth * strlen(FMT_INDENT) + 1;
        for (unsigned d = 0; d < depth && (clen || comment) && !continues; d++)
                strbuf_puts(st->out, FMT_INDENT);
        strbuf_add(st->out, code, clen);
        if (comment) {
                size_t width = st->out->len - start;
                if (continues)
                        while (st->out->len - start + 1 < mcol)
                                strbuf_putc(st->out, ' ');
                else if (clen == 0)
                        ; /* a comment line: at the indent */
                else if (mcol > width + 1)
                        while (st->out->len - start + 1 < mcol)
                                strbuf_putc(st->out, ' ');
                else
                        strbuf_putc(st->out, ' ');
                st->trailing = clen || continues ? (unsigned) (st->out->len - start + 1) : 0;
                strbuf_add(st->out, comment, mlen);
        } else
                st->trailing = 0;
        strbuf_putc(st->out, '\n');
        st->any = true;
}

/* Ends the statement being built (if any), with the comment that follows it on its line. */
static void fmt_flush(struct fmt_state *st, const struct loc *last, bool with_comment)
{
        if (st->code.len == 0)
                return;
        size_t mlen = 0;
        unsigned mcol = 0;
        const char *m = with_comment ? fmt_comment(st->src, last->last_line, last->last_col + 1, &mlen, &mcol) : NULL;
        fmt_put(st, st->depth, strbuf_str(&st->code), st->code.len, m, mlen, mcol, false);
        st->after_open = false;
        strbuf_reset(&st->code);
}

/* Source lines between two tokens' lines: comment lines are kept, blank ones counted. */
static void fmt_between(struct fmt_state *st, unsigned from, unsigned to)
{
        for (unsigned n = from; n < to; n++) {
                size_t mlen;
                unsigned mcol;
                const char *m = fmt_comment(st->src, n, 1, &mlen, &mcol);
                if (m) {
                        fmt_put(st, st->depth, "", 0, m, mlen, mcol, false);
                        st->after_open = false;
                } else
                        st->blanks++;
        }
}

int fmt_source(struct arena *a, struct diag_queue *diags, const struct source *src, struct strbuf *out)
{
        /* Only a policy that parses is laid out: fmt never guesses at a broken one. */
        parse_source(a, diags, src, NULL);
        if (diag_has_errors(diags))
                return -1;

        struct strbuf string = STRBUF_INIT;
        struct parse_ctx ctx = { .arena = a, .diags = diags, .src = src, .line = 1, .col = 1, .string = &string };
        void *scanner;
        if (uc_yylex_init_extra(&ctx, &scanner) != 0)
                uc_oom();
        YY_BUFFER_STATE buf = uc_yy_scan_bytes(src->text, (int) src->len, scanner);
        struct fmt_state st = { .out = out, .src = src, .code = STRBUF_INIT };
        struct loc last = { .src = src, .first_line = 1, .last_line = 1 };
        unsigned next_line = 1; /* the first source line not yet looked at */
        for (;;) {
                UC_YYSTYPE val;
                struct loc loc;
                int t = uc_yylex(&val, &loc, scanner);
                if (t == END)
                        break;
                if (t == NEWLINE) {
                        /* The newline ends line loc.first_line. */
                        if (st.code.len)
                                fmt_flush(&st, &last, true);
                        else if (next_line <= loc.first_line) {
                                fmt_between(&st, next_line, loc.first_line + 1);
                        }
                        next_line = loc.first_line + 1;
                        continue;
                }
                if (loc.first_line >= next_line) {
                        fmt_between(&st, next_line, loc.first_line);
                        next_line = loc.first_line;
                }
                if (t == ';') {
                        bool rest = false; /* more tokens on this line: its comment goes with them */
                        size_t len;
                        const char *line = source_line(src, loc.first_line, &len);
                        for (size_t i = loc.last_col; line && i < len && !rest; i++)
                                rest = line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != ';';
                        if (rest && line[strspn(line + loc.last_col, " \t\r;") + loc.last_col] == '#')
                                rest = false;
                        last = loc;
                        fmt_flush(&st, &last, !rest);
                        if (!rest)
                                next_line = loc.first_line + 1;
                        continue;
                }
                if (t == '{') {
                        strbuf_puts(&st.code, st.code.len ? " {" : "{");
                        last = loc;
                        fmt_flush(&st, &last, true);
                        st.depth = 1;
                        st.after_open = true;
                        next_line = loc.first_line + 1;
                        /* A statement on the same line as '{' starts a line of its own. */
                        continue;
                }
                if (t == '}') {
                        fmt_flush(&st, &last, false);
                        st.depth = 0;
                        st.blanks = 0;
                        size_t mlen = 0;
                        unsigned mcol = 0;
                        const char *m = fmt_comment(src, loc.last_line, loc.last_col + 1, &mlen, &mcol);
                        fmt_put(&st, 0, "}", 1, m, mlen, mcol, true);
                        st.after_open = false;
                        st.blanks = 1; /* one blank line before whatever follows */
                        last = loc;
                        next_line = loc.first_line + 1;
                        continue;
                }
                /* A word: its text as written in the source. */
                size_t len;
                const char *line = source_line(src, loc.first_line, &len);
                if (st.code.len)
                        strbuf_putc(&st.code, ' ');
                strbuf_add(&st.code, line + loc.first_col - 1, loc.last_col - loc.first_col + 1);
                last = loc;
        }
        if (st.code.len)
                fmt_flush(&st, &last, true);
        if (next_line <= src->nlines)
                fmt_between(&st, next_line, (unsigned) src->nlines + 1);
        uc_yy_delete_buffer(buf, scanner);
        uc_yylex_destroy(scanner);
        strbuf_free(&string);
        strbuf_free(&st.code);
        return 0;
}

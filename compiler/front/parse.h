/* parse.h - the lexer and parser stage: a source in, an ast_file out. */
#ifndef UNITC_PARSE_H
#define UNITC_PARSE_H

#include "base/prelude.h"
#include "front/source.h"

struct arena;
struct ast_file;
struct diag_queue;
struct strbuf;

/* Limits for hostile input; each has its own error. */
#define PARSE_MAX_TOKEN 4096        /* bytes in one word or string */
#define PARSE_MAX_STATEMENTS 200000 /* statements in one file */

/* Shared by the generated lexer and parser (their "extra" and parse-param). */
struct parse_ctx {
        struct arena *arena;
        struct diag_queue *diags;
        const struct source *src;
        struct ast_file *file;
        struct strbuf *token_dump; /* --dump=tokens, or NULL */
        const char *last_text;     /* the text of the last token, for "unexpected 'x'" */
        unsigned statements;
        bool limit_hit;
        /* lexer state */
        unsigned line, col;
        struct strbuf *string; /* the string being scanned */
        struct loc string_loc;
};

/* Parses one source. Errors go to diags; returns the (possibly partial) file. */
struct ast_file *parse_source(struct arena *a, struct diag_queue *diags, const struct source *src,
                              struct strbuf *token_dump);

#endif

/* ast.h - the syntax tree the parser builds: files hold blocks (service, profile), blocks
 * hold statements, statements hold argument lists. The parser only builds; every meaning is
 * checked later, in check.c. All nodes live in the compilation's arena. */
#ifndef UNITC_AST_H
#define UNITC_AST_H

#include "base/prelude.h"
#include "front/source.h"

struct arena;
struct strbuf;

enum ast_arg_kind {
        ARG_WORD,   /* a bare word: names, addresses, durations, keywords used as values */
        ARG_NUMBER, /* digits only */
        ARG_PATH,   /* starts with '/' or '~/' */
        ARG_STRING, /* quoted; escapes already decoded (may hold any byte but NUL) */
};

struct ast_arg {
        enum ast_arg_kind kind;
        const char *text;
        size_t len; /* strings may hold bytes strlen would stop at: no, NULs are refused */
        struct loc loc;
        struct ast_arg *next;
};

/* Statement kinds, one per row of statements.def, in its order. What the arguments hold, for
 * the statements with a grammar rule of their own:
 *   STMT_EXEC      sub: exec, exec-pre, exec-post, exec-reload, exec-stop
 *   STMT_RESTART   args: policy; args2: the delay after `after`
 *   STMT_START     sub: after, before
 *   STMT_USER      args: the user; args2: the group
 *   STMT_NEEDS     args: what (capability, jit ...), then its arguments
 *   STMT_NEEDS_OUTBOUND  args: destinations; args2: ports
 *   STMT_NEEDS_NETWORK   args: the words after `needs network` (local ...)
 *   STMT_LISTENS   args: protocol, then endpoints; args2: sources; flag, sub: via socket
 *   STMT_TIMEOUT   args: start|stop, duration
 * The others hold their words in args, as written. */
enum ast_stmt_kind {
#define STATEMENT(KIND, ...) STMT_##KIND,
#include "front/statements.def"
        _STMT_KIND_MAX,
};

/* How the grammar reads a statement (the syntax column of statements.def). */
enum ast_syntax {
        SYNTAX_WORD,     /* KEYWORD word */
        SYNTAX_WORDS,    /* KEYWORD word... */
        SYNTAX_ANYWORD,  /* KEYWORD word-or-keyword */
        SYNTAX_ANYWORDS, /* KEYWORD word-or-keyword... */
        SYNTAX_OWN,      /* a rule of its own in parser.y */
};

struct ast_statement {
        enum ast_stmt_kind kind;
        const char *keyword;
        enum ast_syntax syntax;
};

struct ast_stmt {
        enum ast_stmt_kind kind;
        const char *sub;    /* the keyword that chose a variant, e.g. "exec-pre", "after" */
        struct loc loc;     /* the whole statement */
        struct ast_arg *args, *args2;
        bool flag;
        struct ast_block *block; /* the block it stands in */
        struct ast_stmt *next;
};

enum ast_block_kind { BLOCK_SERVICE, BLOCK_PROFILE };

struct ast_block {
        enum ast_block_kind kind;
        const char *name;
        struct loc loc, name_loc;
        struct ast_stmt *stmts;
        const struct source *src;
        struct ast_block *next;
};

struct ast_file {
        const struct source *src;
        struct ast_block *blocks;
};

const char *ast_stmt_kind_name(enum ast_stmt_kind k);
/* The row of the statement that starts with word, or NULL. */
const struct ast_statement *ast_statement_find(const char *word);
/* The row of kind k. */
const struct ast_statement *ast_statement(enum ast_stmt_kind k);
size_t ast_arg_count(const struct ast_arg *a);
/* Joins a list with single spaces (for statement text in explanations). */
char *ast_args_join(struct arena *a, const struct ast_arg *args);
/* The statement as it reads, normalised: keyword and arguments on one line. */
char *ast_stmt_text(struct arena *a, const struct ast_stmt *s);

/* Constructors, called from the grammar actions. */
struct ast_arg *ast_arg_new(struct arena *a, enum ast_arg_kind kind, const char *text, size_t len,
                            const struct loc *loc);
struct ast_arg *ast_arg_append(struct ast_arg *list, struct ast_arg *item);
struct ast_stmt *ast_stmt_new(struct arena *a, enum ast_stmt_kind kind, const char *sub,
                              const struct loc *loc, struct ast_arg *args, struct ast_arg *args2);
struct ast_stmt *ast_stmt_append(struct ast_stmt *list, struct ast_stmt *item);
struct ast_block *ast_block_new(struct arena *a, enum ast_block_kind kind, struct ast_arg *name,
                                const struct loc *loc, struct ast_stmt *stmts);
struct ast_block *ast_block_append(struct ast_block *list, struct ast_block *item);

/* --dump=ast */
void ast_dump(const struct ast_file *f, struct strbuf *out);

#endif

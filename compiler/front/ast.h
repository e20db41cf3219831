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

/* Statement kinds. ORDER: ast_stmt_kind_names in ast.c follows this order. */
enum ast_stmt_kind {
        STMT_USE,
        STMT_DESCRIPTION,
        STMT_DOCUMENTATION,
        STMT_EXEC,        /* sub: exec-start, exec-pre, exec-post, exec-reload, exec-stop */
        STMT_TYPE,
        STMT_RESTART,     /* args: policy; args2: the delay after `after` */
        STMT_ENVIRONMENT,
        STMT_ENVIRONMENT_FILE,
        STMT_WORKING_DIRECTORY,
        STMT_START,       /* sub: after, before */
        STMT_WANTS,
        STMT_REQUIRES,
        STMT_INSTALL,     /* args: kind (wanted-by ...), then units */
        STMT_USER,        /* args: the user; args2: the group */
        STMT_READS,
        STMT_WRITES,
        STMT_EXECUTES,
        STMT_HIDES,
        STMT_OWNS,        /* args: kind (state, cache ...), then names */
        STMT_NEEDS,       /* args: what (capability, jit ...), then its arguments */
        STMT_NEEDS_OUTBOUND, /* args: destinations; args2: ports */
        STMT_NEEDS_NETWORK,  /* args: the word after `needs network` (local ...) */
        STMT_LISTENS,     /* args: protocol, then endpoints; args2: sources; flag: via socket */
        STMT_SEES,
        STMT_EXPOSURE,
        STMT_MANAGER,
        STMT_TARGET,
        STMT_DIRECTIVE,   /* args: section, key, value */
        STMT_LIMIT,       /* args: resource, value */
        STMT_PRIORITY,    /* args: nice|io|cpu, value, [level] */
        STMT_SCHEDULE,    /* args: the words after `schedule` */
        STMT_RELOAD,      /* args: signal, NAME */
        STMT_PID_FILE,    /* args: the path */
        STMT_UMASK,       /* args: the mask */
        STMT_EXIT_STATUS, /* args: codes, `means`, the meaning */
        STMT_TIMEOUT,     /* args: start|stop, duration */
        _STMT_KIND_MAX,
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

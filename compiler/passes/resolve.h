/* resolve.h - `use` resolution: the service's statements with every profile it uses
 * expanded in place (each profile once), and the chain of `use` that brought each in. */
#ifndef UNITC_RESOLVE_H
#define UNITC_RESOLVE_H

#include "base/prelude.h"

struct arena;
struct ast_block;
struct ast_file;
struct ast_stmt;
struct diag_queue;
struct strbuf;

#define RESOLVE_MAX_DEPTH 32   /* nested `use` */
#define RESOLVE_MAX_FILES 256  /* profile files loaded for one compile */

/* Where a statement came in through `use`: the use statement, and where that came from. */
struct use_site {
        const struct ast_stmt *use;
        const char *profile;
        const struct use_site *parent;
};

struct resolved_stmt {
        const struct ast_stmt *stmt;
        const struct use_site *via; /* NULL: written in the service itself */
};

struct resolved {
        const struct ast_block *service;
        struct resolved_stmt *stmts;
        size_t n, cap;
        const char *const *loaded; /* profile files read, in order (for --dump) */
        size_t nloaded;
};

struct resolve_options {
        const char *const *search_path; /* folders searched for NAME.pol, in order */
        size_t nsearch;
};

/* Picks the file's service, expands its `use` statements. NULL on errors (reported). */
struct resolved *resolve_file(struct arena *a, struct diag_queue *diags, const struct ast_file *f,
                              const struct resolve_options *opt);
/* Adds "in profile 'x' used here" notes for a statement that came in through `use`. */
void resolve_note_chain(struct diag_queue *diags, const struct use_site *via);

#endif

/* check_impl.h - what the files of the check stage share (check.c, check_values.c,
 * check_files.c, check_network.c, check_schedule.c): the context of one check, the
 * reporting and the helpers that add to the policy. Not for use outside passes/check*.c. */
#ifndef UNITC_CHECK_IMPL_H
#define UNITC_CHECK_IMPL_H

#include "base/prelude.h"

#include "front/ast.h"
#include "passes/policy.h"

struct cap_info;
struct loc;

#define CHECK_MAX_STATEMENT (256u * 1024) /* bytes of a statement's words */
#define CHECK_MAX_ITEMS 10000u            /* paths, addresses ... of one kind */

struct check_ctx {
        struct arena *arena;
        struct diag_queue *diags;
        struct policy *p;
        enum check_layout layout;
        const struct check_options *opt;
        const struct resolved_stmt *cur;
        const struct ast_stmt *first[_STMT_KIND_MAX]; /* single statements: the first seen */
        const struct ast_stmt *timeouts[2];
};

enum path_flags {
        PATH_HOME_OK = 1 << 0, /* ~/ allowed (user services only) */
};

/* Reporting about the current statement, with the chain of `use` that brought it in. */
int check_error(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);
void check_warning(struct check_ctx *ctx, const struct loc *loc, const char *fmt, ...) UC_PRINTF(3, 4);

/* Helpers (check.c). */
struct pol_item check_item(struct check_ctx *ctx, const char *key, const char *value);
void check_add(struct check_ctx *ctx, struct pol_list *l, const char *key, const char *value);
void check_relax(struct check_ctx *ctx, enum relax r);
void check_relax_bits(struct check_ctx *ctx, uint32_t bits);
void check_add_unique(struct check_ctx *ctx, struct pol_list *l, const char *value);
void check_add_words(struct check_ctx *ctx, struct pol_list *l, const char *words);
int check_add_capability(struct check_ctx *ctx, const struct cap_info *c, const struct loc *loc);
int check_add_capability_names(struct check_ctx *ctx, const char *names, const struct loc *loc);
/* The count of a statement's arguments, between min and max, or an error that shows usage. */
int check_arg_count(struct check_ctx *ctx, const struct ast_stmt *s, size_t min, size_t max, const char *usage);

/* Values and the statements about the service (check_values.c). */
bool check_octal_mode(const char *s, unsigned long *ret);
bool check_ip(const char *s, int *ret_family, unsigned *ret_prefix);
bool check_word_in(struct check_ctx *ctx, const struct ast_arg *arg, const char *what, const char *const *list, size_t n);
const void *check_table_row(struct check_ctx *ctx, const struct ast_arg *arg, const char *what, const void *table, size_t n, size_t stride);
int check_raw_text(struct check_ctx *ctx, const struct ast_arg *arg, const char *text);
int check_description(struct check_ctx *ctx, const struct ast_stmt *s);
int check_documentation(struct check_ctx *ctx, const struct ast_stmt *s);
int check_exec(struct check_ctx *ctx, const struct ast_stmt *s);
int check_reload(struct check_ctx *ctx, const struct ast_stmt *s);
int check_umask(struct check_ctx *ctx, const struct ast_stmt *s);
int check_type(struct check_ctx *ctx, const struct ast_stmt *s);
int check_exit_status(struct check_ctx *ctx, const struct ast_stmt *s);
int check_restart(struct check_ctx *ctx, const struct ast_stmt *s);
int check_environment(struct check_ctx *ctx, const struct ast_stmt *s);
int check_environment_file(struct check_ctx *ctx, const struct ast_stmt *s);
int check_pid_file(struct check_ctx *ctx, const struct ast_stmt *s);
int check_working_directory(struct check_ctx *ctx, const struct ast_stmt *s);
int check_start(struct check_ctx *ctx, const struct ast_stmt *s);
int check_wants(struct check_ctx *ctx, const struct ast_stmt *s);
int check_requires(struct check_ctx *ctx, const struct ast_stmt *s);
int check_install(struct check_ctx *ctx, const struct ast_stmt *s);
int check_user(struct check_ctx *ctx, const struct ast_stmt *s);

/* Paths and files (check_files.c). */
const char *check_path(struct check_ctx *ctx, const struct ast_arg *arg, unsigned flags);
int check_writes(struct check_ctx *ctx, const struct ast_stmt *s);
int check_reads(struct check_ctx *ctx, const struct ast_stmt *s);
int check_executes(struct check_ctx *ctx, const struct ast_stmt *s);
int check_hides(struct check_ctx *ctx, const struct ast_stmt *s);
int check_owns(struct check_ctx *ctx, const struct ast_stmt *s);
/* One of the roots `writes` must never open whole. */
bool check_is_write_root(const char *path);

/* Needs and network (check_network.c). */
int check_needs(struct check_ctx *ctx, const struct ast_stmt *s);
int check_needs_network(struct check_ctx *ctx, const struct ast_stmt *s);
int check_outbound(struct check_ctx *ctx, const struct ast_stmt *s);
int check_listens(struct check_ctx *ctx, const struct ast_stmt *s);
int check_sees(struct check_ctx *ctx, const struct ast_stmt *s);

/* Time and resources (check_schedule.c). */
int check_limit(struct check_ctx *ctx, const struct ast_stmt *s);
int check_priority(struct check_ctx *ctx, const struct ast_stmt *s);
int check_schedule(struct check_ctx *ctx, const struct ast_stmt *s);
int check_timeout(struct check_ctx *ctx, const struct ast_stmt *s);

#endif

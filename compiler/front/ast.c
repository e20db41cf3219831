/* ast.c - syntax tree constructors and the --dump=ast printer. */
#include "base/prelude.h"

#include "base/arena.h"
#include "front/ast.h"
#include "base/strbuf.h"

/* The front half of each row of statements.def: the keyword and how the grammar reads it. */
static const struct ast_statement ast_statements[_STMT_KIND_MAX] = {
#define STATEMENT(KIND, keyword, syntax, ...) [STMT_##KIND] = { STMT_##KIND, keyword, SYNTAX_##syntax },
#include "front/statements.def"
};

const char *ast_stmt_kind_name(enum ast_stmt_kind k)
{
        return k < _STMT_KIND_MAX ? ast_statements[k].keyword : "?";
}

const struct ast_statement *ast_statement(enum ast_stmt_kind k)
{
        return k < _STMT_KIND_MAX ? &ast_statements[k] : NULL;
}

const struct ast_statement *ast_statement_find(const char *word)
{
        for (size_t i = 0; i < _STMT_KIND_MAX; i++)
                if (streq(ast_statements[i].keyword, word))
                        return &ast_statements[i];
        return NULL;
}

size_t ast_arg_count(const struct ast_arg *a)
{
        size_t n = 0;
        for (; a; a = a->next)
                n++;
        return n;
}

struct ast_arg *ast_arg_new(struct arena *a, enum ast_arg_kind kind, const char *text, size_t len,
                            const struct loc *loc)
{
        struct ast_arg *arg = arena_alloc(a, sizeof(*arg));
        arg->kind = kind;
        arg->text = arena_strndup(a, text, len);
        arg->len = len;
        arg->loc = *loc;
        return arg;
}

struct ast_arg *ast_arg_append(struct ast_arg *list, struct ast_arg *item)
{
        if (!list)
                return item;
        struct ast_arg *p = list;
        while (p->next)
                p = p->next;
        p->next = item;
        return list;
}

struct ast_stmt *ast_stmt_new(struct arena *a, enum ast_stmt_kind kind, const char *sub,
                              const struct loc *loc, struct ast_arg *args, struct ast_arg *args2)
{
        struct ast_stmt *s = arena_alloc(a, sizeof(*s));
        s->kind = kind;
        s->sub = sub;
        s->loc = *loc;
        s->args = args;
        s->args2 = args2;
        return s;
}

struct ast_stmt *ast_stmt_append(struct ast_stmt *list, struct ast_stmt *item)
{
        if (!item)
                return list;
        if (!list)
                return item;
        struct ast_stmt *p = list;
        while (p->next)
                p = p->next;
        p->next = item;
        return list;
}

struct ast_block *ast_block_new(struct arena *a, enum ast_block_kind kind, struct ast_arg *name,
                                const struct loc *loc, struct ast_stmt *stmts)
{
        struct ast_block *b = arena_alloc(a, sizeof(*b));
        b->kind = kind;
        b->name = name->text;
        b->name_loc = name->loc;
        b->loc = *loc;
        b->stmts = stmts;
        b->src = loc->src;
        for (struct ast_stmt *s = stmts; s; s = s->next)
                s->block = b;
        return b;
}

struct ast_block *ast_block_append(struct ast_block *list, struct ast_block *item)
{
        if (!item)
                return list;
        if (!list)
                return item;
        struct ast_block *p = list;
        while (p->next)
                p = p->next;
        p->next = item;
        return list;
}

/* Words print bare, strings quoted with their escapes restored. */
static void ast_arg_print(const struct ast_arg *arg, struct strbuf *out)
{
        if (arg->kind != ARG_STRING) {
                strbuf_puts(out, arg->text);
                return;
        }
        strbuf_putc(out, '"');
        for (size_t i = 0; i < arg->len; i++) {
                unsigned char c = (unsigned char) arg->text[i];
                if (c == '"' || c == '\\')
                        strbuf_printf(out, "\\%c", c);
                else if (c == '\n')
                        strbuf_puts(out, "\\n");
                else if (c == '\t')
                        strbuf_puts(out, "\\t");
                else if (c < 0x20 || c == 0x7f)
                        strbuf_printf(out, "\\x%02x", c);
                else
                        strbuf_putc(out, (char) c);
        }
        strbuf_putc(out, '"');
}

static void ast_args_print(const struct ast_arg *args, struct strbuf *out)
{
        for (const struct ast_arg *a = args; a; a = a->next) {
                if (a != args)
                        strbuf_putc(out, ' ');
                ast_arg_print(a, out);
        }
}

char *ast_args_join(struct arena *a, const struct ast_arg *args)
{
        struct strbuf b = STRBUF_INIT;
        ast_args_print(args, &b);
        char *s = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return s;
}

static void ast_stmt_print(const struct ast_stmt *s, struct strbuf *out)
{
        const struct ast_arg *args = s->args;
        switch (s->kind) {
        case STMT_EXEC:
                strbuf_puts(out, s->sub);
                break;
        case STMT_START:
                strbuf_printf(out, "start %s", s->sub);
                break;
        case STMT_NEEDS_OUTBOUND:
                strbuf_puts(out, "needs network outbound to");
                break;
        case STMT_LISTENS:
                strbuf_puts(out, "listens on");
                break;
        default:
                strbuf_puts(out, ast_stmt_kind_name(s->kind));
        }
        if (args) {
                strbuf_putc(out, ' ');
                ast_args_print(args, out);
        }
        switch (s->kind) {
        case STMT_RESTART:
                if (s->args2) {
                        strbuf_puts(out, " after ");
                        ast_args_print(s->args2, out);
                }
                break;
        case STMT_USER:
                if (s->args2) {
                        strbuf_puts(out, " group ");
                        ast_args_print(s->args2, out);
                }
                break;
        case STMT_NEEDS_OUTBOUND:
                if (s->args2) {
                        strbuf_puts(out, " port ");
                        ast_args_print(s->args2, out);
                }
                break;
        case STMT_LISTENS:
                if (s->args2) {
                        strbuf_puts(out, " from ");
                        ast_args_print(s->args2, out);
                }
                if (s->flag)
                        strbuf_puts(out, " via socket");
                break;
        default:
                break;
        }
}

char *ast_stmt_text(struct arena *a, const struct ast_stmt *s)
{
        struct strbuf b = STRBUF_INIT;
        ast_stmt_print(s, &b);
        char *t = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return t;
}

void ast_dump(const struct ast_file *f, struct strbuf *out)
{
        for (const struct ast_block *b = f->blocks; b; b = b->next) {
                strbuf_printf(out, "%s:%u:%u: %s %s\n", b->src->name, b->loc.first_line,
                              b->loc.first_col, b->kind == BLOCK_SERVICE ? "service" : "profile",
                              b->name);
                for (const struct ast_stmt *s = b->stmts; s; s = s->next) {
                        strbuf_printf(out, "  %u:%u: ", s->loc.first_line, s->loc.first_col);
                        ast_stmt_print(s, out);
                        strbuf_putc(out, '\n');
                }
        }
}

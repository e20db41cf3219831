/* parse.c - runs the generated scanner and parser over one source. */
#include "base/prelude.h"

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/parse.h"
#include "base/strbuf.h"
#include "parser.h"
#include "lexer.h"

int uc_yyparse(void *scanner, struct parse_ctx *ctx);

/* --dump=tokens: every token with its place, read by a second, separate scan. */
static void parse_dump_tokens(struct parse_ctx *ctx, void *scanner)
{
        UC_YYSTYPE val;
        struct loc loc;
        for (;;) {
                int t = uc_yylex(&val, &loc, scanner);
                if (t == END)
                        break;
                strbuf_printf(ctx->token_dump, "%u:%u-%u ", loc.first_line, loc.first_col,
                              loc.last_col);
                switch (t) {
                case NEWLINE:
                        strbuf_puts(ctx->token_dump, "NEWLINE\n");
                        break;
                case UC_YYerror:
                        strbuf_puts(ctx->token_dump, "ERROR\n");
                        break;
                case ';':
                case '{':
                case '}':
                        strbuf_printf(ctx->token_dump, "'%c'\n", t);
                        break;
                case WORD:
                        strbuf_printf(ctx->token_dump, "WORD %s\n", val.arg->text);
                        break;
                case NUMBER:
                        strbuf_printf(ctx->token_dump, "NUMBER %s\n", val.arg->text);
                        break;
                case PATH:
                        strbuf_printf(ctx->token_dump, "PATH %s\n", val.arg->text);
                        break;
                case STRING:
                        strbuf_printf(ctx->token_dump, "STRING %s\n",
                                      ast_args_join(ctx->arena, val.arg));
                        break;
                default:
                        strbuf_printf(ctx->token_dump, "KEYWORD %s\n", val.arg->text);
                }
        }
}

struct ast_file *parse_source(struct arena *a, struct diag_queue *diags, const struct source *src,
                              struct strbuf *token_dump)
{
        struct strbuf string = STRBUF_INIT;
        struct parse_ctx ctx = {
                .arena = a,
                .diags = diags,
                .src = src,
                .token_dump = token_dump,
                .line = 1,
                .col = 1,
                .string = &string,
        };
        ctx.file = arena_alloc(a, sizeof(*ctx.file));
        ctx.file->src = src;

        void *scanner;
        if (uc_yylex_init_extra(&ctx, &scanner) != 0)
                uc_oom();
        YY_BUFFER_STATE buf = uc_yy_scan_bytes(src->text, (int) src->len, scanner);
        if (token_dump) {
                parse_dump_tokens(&ctx, scanner);
        } else if (uc_yyparse(scanner, &ctx) == 2)
                uc_oom();
        uc_yy_delete_buffer(buf, scanner);
        uc_yylex_destroy(scanner);
        strbuf_free(&string);
        return ctx.file;
}

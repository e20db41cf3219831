/* parser.y - the unitc policy grammar (pure, reentrant, with locations).
 *
 * A file is a row of blocks: `service NAME { ... }` and `profile NAME { ... }`. A block is a
 * row of statements, each ended by a newline or ';'. Actions only build the tree; what the
 * words mean is checked in check.c against tables. Keywords are reserved only where the
 * grammar needs them to find its way; any keyword can still be an argument of exec,
 * environment, description and directive (the `anyword` rule).
 */
%require "3.8"
%define api.pure full
%define api.prefix {uc_yy}
%define parse.error custom
%define parse.lac full
%locations
%initial-action { @$ = (struct loc) { .src = ctx->src, .first_line = 1, .first_col = 1, .last_line = 1, .last_col = 1 }; }
%expect 0
%param {void *scanner}
%parse-param {struct parse_ctx *ctx}

%code top {
#include "base/prelude.h"
}

%code requires {
#include "front/ast.h"
#include "front/source.h"
struct parse_ctx;
/* Lists are built with their last element at hand, so a file of 100,000 statements or a
 * line of 1,000,000 words is read in linear time. */
struct uc_stmt_list { struct ast_stmt *head, *tail; };
struct uc_arg_list { struct ast_arg *head, *tail; };
struct uc_block_list { struct ast_block *head, *tail; };
#define UC_YYLTYPE struct loc
#define UC_YYLTYPE_IS_DECLARED 1
#define UC_YYLTYPE_IS_TRIVIAL 0
}

%code provides {
int uc_yylex(UC_YYSTYPE *lval, UC_YYLTYPE *lloc, void *scanner);
}

%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "front/diag.h"
#include "front/parse.h"

#define A ctx->arena

/* Spans: from the first symbol's start to the last one's end (same source). */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                          \
        do {                                                                 \
                if (N) {                                                     \
                        (Cur) = YYRHSLOC(Rhs, 1);                            \
                        (Cur).last_line = YYRHSLOC(Rhs, N).last_line;        \
                        (Cur).last_col = YYRHSLOC(Rhs, N).last_col;          \
                } else {                                                     \
                        (Cur) = YYRHSLOC(Rhs, 0);                            \
                        (Cur).first_line = (Cur).last_line;                  \
                        (Cur).first_col = (Cur).last_col;                    \
                }                                                            \
        } while (0)

static struct ast_stmt *stmt(struct parse_ctx *ctx, enum ast_stmt_kind kind, const char *sub,
                             const struct loc *loc, struct ast_arg *args, struct ast_arg *args2);
static struct ast_stmt *stmt_row(struct parse_ctx *ctx, const struct ast_arg *keyword, const struct loc *loc,
                                 struct ast_arg *args);

static struct uc_stmt_list stmt_list_add(struct uc_stmt_list l, struct ast_stmt *s)
{
        if (!s)
                return l;
        if (l.tail)
                l.tail->next = s;
        else
                l.head = s;
        l.tail = s;
        return l;
}

static struct uc_arg_list arg_list_add(struct uc_arg_list l, struct ast_arg *a)
{
        if (l.tail)
                l.tail->next = a;
        else
                l.head = a;
        l.tail = a;
        return l;
}

static struct uc_block_list block_list_add(struct uc_block_list l, struct ast_block *b)
{
        if (!b)
                return l;
        if (l.tail)
                l.tail->next = b;
        else
                l.head = b;
        l.tail = b;
        return l;
}
/* A statement of the generic rules: its kind is the row the lexer found its keyword in. */
static struct ast_stmt *stmt_row(struct parse_ctx *ctx, const struct ast_arg *keyword, const struct loc *loc,
                                 struct ast_arg *args)
{
        return stmt(ctx, ast_statement_find(keyword->text)->kind, NULL, loc, args, NULL);
}

static void yyerror(const UC_YYLTYPE *loc, void *scanner, struct parse_ctx *ctx, const char *msg);
}

%union {
        struct ast_arg *arg;
        struct ast_stmt *stmt;
        struct ast_block *block;
        struct uc_stmt_list stmts;
        struct uc_arg_list args;
        struct uc_block_list blocks;
}

%token END 0 "end of file"
%token NEWLINE "newline"
%token <arg> WORD "word" NUMBER "number" PATH "path" STRING "string"
%token <arg> AFTER "after" AT "at" BEFORE "before" EXEC "exec" EXEC_POST "exec-post"
%token <arg> EXEC_PRE "exec-pre" EXEC_RELOAD "exec-reload" EXEC_STOP "exec-stop"
%token <arg> EXPOSURE "exposure" FROM "from" GROUP "group" LISTENS "listens" MOST "most"
%token <arg> NEEDS "needs" NETWORK "network" ON "on" OUTBOUND "outbound" PORT "port" PROFILE "profile"
%token <arg> RESTART "restart" SERVICE "service" START "start" TIMEOUT "timeout" TO "to" USER "user" VIA "via"
/* The keyword of a statement whose syntax is its keyword and words, found by the lexer in
 * front/statements.def: one token per syntax, the statement kind in the row of its text. */
%token <arg> STMT_WORD "statement keyword before a word" STMT_WORDS "statement keyword before words"
%token <arg> STMT_ANYWORD "statement keyword before any word" STMT_ANYWORDS "statement keyword before any words"

%type <arg> word anyword keyword
%type <args> words anywords
%type <stmt> stmt exec_stmt needs_stmt
%type <stmts> stmts
%type <block> block
%type <blocks> blocks

%%

file: blocks                    { ctx->file->blocks = $1.head; }
    ;

blocks: %empty                  { $$ = (struct uc_block_list) { NULL, NULL }; }
      | blocks block            { $$ = block_list_add($1, $2); }
      | blocks term             { $$ = $1; }
      | blocks error term       { $$ = $1; yyerrok; if (diag_too_many(ctx->diags)) YYABORT; }
      ;

block: SERVICE word '{' stmts '}'          { $$ = ast_block_new(A, BLOCK_SERVICE, $2, &@$, $4.head); }
     | SERVICE word '{' stmts stmt '}'     { $$ = ast_block_new(A, BLOCK_SERVICE, $2, &@$, stmt_list_add($4, $5).head); }
     | PROFILE word '{' stmts '}'          { $$ = ast_block_new(A, BLOCK_PROFILE, $2, &@$, $4.head); }
     | PROFILE word '{' stmts stmt '}'     { $$ = ast_block_new(A, BLOCK_PROFILE, $2, &@$, stmt_list_add($4, $5).head); }
     | SERVICE error '{' stmts '}'         { $$ = NULL; }
     | PROFILE error '{' stmts '}'         { $$ = NULL; }
     ;

stmts: %empty                   { $$ = (struct uc_stmt_list) { NULL, NULL }; }
     | stmts term               { $$ = $1; }
     | stmts stmt term          { $$ = stmt_list_add($1, $2); }
     | stmts error term         { $$ = $1; yyerrok; if (diag_too_many(ctx->diags)) YYABORT; }
     ;

term: NEWLINE | ';' ;

stmt: STMT_WORD word                     { $$ = stmt_row(ctx, $1, &@$, $2); }
    | STMT_WORDS words                   { $$ = stmt_row(ctx, $1, &@$, $2.head); }
    | STMT_ANYWORD anyword               { $$ = stmt_row(ctx, $1, &@$, $2); }
    | STMT_ANYWORDS anywords             { $$ = stmt_row(ctx, $1, &@$, $2.head); }
    | exec_stmt
    | RESTART word                       { $$ = stmt(ctx, STMT_RESTART, NULL, &@$, $2, NULL); }
    | RESTART word AFTER word            { $$ = stmt(ctx, STMT_RESTART, NULL, &@$, $2, $4); }
    | START AFTER words                  { $$ = stmt(ctx, STMT_START, "after", &@$, $3.head, NULL); }
    | START BEFORE words                 { $$ = stmt(ctx, STMT_START, "before", &@$, $3.head, NULL); }
    | USER word                          { $$ = stmt(ctx, STMT_USER, NULL, &@$, $2, NULL); }
    | USER word GROUP word               { $$ = stmt(ctx, STMT_USER, NULL, &@$, $2, $4); }
    | needs_stmt
    | LISTENS ON words                   { $$ = stmt(ctx, STMT_LISTENS, NULL, &@$, $3.head, NULL); }
    | LISTENS ON words FROM words        { $$ = stmt(ctx, STMT_LISTENS, NULL, &@$, $3.head, $5.head); }
    | LISTENS ON words VIA word          { $$ = stmt(ctx, STMT_LISTENS, NULL, &@$, $3.head, NULL); $$->flag = true; $$->sub = $5->text; }
    | LISTENS ON words FROM words VIA word { $$ = stmt(ctx, STMT_LISTENS, NULL, &@$, $3.head, $5.head); $$->flag = true; $$->sub = $7->text; }
    | EXPOSURE AT MOST word              { $$ = stmt(ctx, STMT_EXPOSURE, NULL, &@$, $4, NULL); }
    | TIMEOUT anyword word               { $$ = stmt(ctx, STMT_TIMEOUT, NULL, &@$, ast_arg_append($2, $3), NULL); }
    ;

exec_stmt: EXEC anywords                 { $$ = stmt(ctx, STMT_EXEC, "exec", &@$, $2.head, NULL); }
         | EXEC_PRE anywords             { $$ = stmt(ctx, STMT_EXEC, "exec-pre", &@$, $2.head, NULL); }
         | EXEC_POST anywords            { $$ = stmt(ctx, STMT_EXEC, "exec-post", &@$, $2.head, NULL); }
         | EXEC_RELOAD anywords          { $$ = stmt(ctx, STMT_EXEC, "exec-reload", &@$, $2.head, NULL); }
         | EXEC_STOP anywords            { $$ = stmt(ctx, STMT_EXEC, "exec-stop", &@$, $2.head, NULL); }
         ;

needs_stmt: NEEDS word                   { $$ = stmt(ctx, STMT_NEEDS, NULL, &@$, $2, NULL); }
          | NEEDS word anywords          { $$ = stmt(ctx, STMT_NEEDS, NULL, &@$, ast_arg_append($2, $3.head), NULL); }
          | NEEDS NETWORK words          { $$ = stmt(ctx, STMT_NEEDS_NETWORK, NULL, &@$, $3.head, NULL); }
          | NEEDS NETWORK OUTBOUND TO words           { $$ = stmt(ctx, STMT_NEEDS_OUTBOUND, NULL, &@$, $5.head, NULL); }
          | NEEDS NETWORK OUTBOUND TO words PORT words { $$ = stmt(ctx, STMT_NEEDS_OUTBOUND, NULL, &@$, $5.head, $7.head); }
          ;

word: WORD | NUMBER | PATH | STRING ;

words: word                     { $$ = arg_list_add((struct uc_arg_list) { NULL, NULL }, $1); }
     | words word               { $$ = arg_list_add($1, $2); }
     ;

anyword: word | keyword ;

anywords: anyword               { $$ = arg_list_add((struct uc_arg_list) { NULL, NULL }, $1); }
        | anywords anyword      { $$ = arg_list_add($1, $2); }
        ;

/* Keywords read as plain words where a whole line of arguments follows. */
keyword: AFTER | AT | BEFORE | EXEC | EXEC_POST | EXEC_PRE | EXEC_RELOAD | EXEC_STOP | EXPOSURE
       | FROM | GROUP | LISTENS | MOST | NEEDS | NETWORK | ON | OUTBOUND | PORT | PROFILE | RESTART
       | SERVICE | START | TIMEOUT | TO | USER | VIA
       | STMT_WORD | STMT_WORDS | STMT_ANYWORD | STMT_ANYWORDS
       ;

%%

static struct ast_stmt *stmt(struct parse_ctx *ctx, enum ast_stmt_kind kind, const char *sub,
                             const struct loc *loc, struct ast_arg *args, struct ast_arg *args2)
{
        if (++ctx->statements > PARSE_MAX_STATEMENTS && !ctx->limit_hit) {
                ctx->limit_hit = true;
                diag_error(ctx->diags, loc, "more than %d statements in one file",
                           PARSE_MAX_STATEMENTS);
        }
        return ast_stmt_new(ctx->arena, kind, sub, loc, args, args2);
}

static void yyerror(const UC_YYLTYPE *loc, void *scanner, struct parse_ctx *ctx, const char *msg)
{
        (void) scanner;
        diag_error(ctx->diags, loc, "%s", msg);
}

/* How a token reads in a message: "a word", "newline", "keyword 'after'", "'{'". */
static const char *symbol_desc(yysymbol_kind_t k, char *buf, size_t size)
{
        const char *name = yysymbol_name(k);
        switch (k) {
        case YYSYMBOL_WORD:
        case YYSYMBOL_NUMBER:
        case YYSYMBOL_PATH:
        case YYSYMBOL_STRING:
                snprintf(buf, size, "a %s", name);
                break;
        case YYSYMBOL_YYEOF:
        case YYSYMBOL_NEWLINE:
        case YYSYMBOL_YYerror:
        case YYSYMBOL_YYUNDEF:
                snprintf(buf, size, "%s", name);
                break;
        default:
                if (name[0] == '\'')
                        snprintf(buf, size, "%s", name);
                else
                        snprintf(buf, size, "keyword '%s'", name);
        }
        return buf;
}

static bool symbol_is_keyword(yysymbol_kind_t k)
{
        return k >= YYSYMBOL_AFTER && k <= YYSYMBOL_STMT_ANYWORDS;
}

/* The syntax of statements a generic token stands for, or SYNTAX_OWN. */
static enum ast_syntax symbol_syntax(yysymbol_kind_t k)
{
        switch (k) {
        case YYSYMBOL_STMT_WORD: return SYNTAX_WORD;
        case YYSYMBOL_STMT_WORDS: return SYNTAX_WORDS;
        case YYSYMBOL_STMT_ANYWORD: return SYNTAX_ANYWORD;
        case YYSYMBOL_STMT_ANYWORDS: return SYNTAX_ANYWORDS;
        default: return SYNTAX_OWN;
        }
}

static int word_cmp(const void *a, const void *b)
{
        return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The statement keywords the parser accepts where a statement starts (every keyword token
 * expected there, and the rows of statements.def behind the generic ones), sorted, for
 * "did you mean" on an unknown statement. */
static size_t statement_words(const yysymbol_kind_t *expected, int n, const char **words, size_t max)
{
        size_t k = 0;
        for (int i = 0; i < n; i++) {
                enum ast_syntax syn = symbol_syntax(expected[i]);
                if (syn != SYNTAX_OWN) {
                        for (size_t r = 0; r < _STMT_KIND_MAX && k < max; r++)
                                if (ast_statement((enum ast_stmt_kind) r)->syntax == syn)
                                        words[k++] = ast_statement((enum ast_stmt_kind) r)->keyword;
                } else if (symbol_is_keyword(expected[i]) && k < max)
                        words[k++] = yysymbol_name(expected[i]);
        }
        qsort(words, k, sizeof(*words), word_cmp);
        return k;
}

/* "unexpected X, expected A, B or C". A word where a statement should start is an unknown
 * statement; a keyword where a value should be gets a hint to quote it. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, void *scanner, struct parse_ctx *ctx)
{
        (void) scanner;
        enum { LIST = 5 };
        yysymbol_kind_t expected[YYNTOKENS];
        int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
        yysymbol_kind_t la = yypcontext_token(yyctx);
        const UC_YYLTYPE *loc = yypcontext_location(yyctx);
        const char *text = ctx->last_text ? ctx->last_text : "";
        bool at_statement = false, wants_value = false;
        for (int i = 0; i < n; i++) {
                at_statement |= expected[i] == YYSYMBOL_EXEC;
                wants_value |= expected[i] == YYSYMBOL_WORD;
        }
        if (at_statement && (la == YYSYMBOL_WORD || la == YYSYMBOL_PATH || la == YYSYMBOL_NUMBER)) {
                diag_error(ctx->diags, loc, "unknown statement '%.100s'", text);
                const char *words[YYNTOKENS + _STMT_KIND_MAX];
                size_t nwords = statement_words(expected, n, words, ARRAY_SIZE(words));
                diag_hint_spelling(ctx->diags, text, words, nwords);
                return 0;
        }
        char what[200], item[80];
        if (la == YYSYMBOL_YYEMPTY)
                snprintf(what, sizeof(what), "nothing");
        else if (la == YYSYMBOL_WORD || la == YYSYMBOL_NUMBER || la == YYSYMBOL_PATH)
                snprintf(what, sizeof(what), "%s '%.100s'", yysymbol_name(la), text);
        else if (symbol_syntax(la) != SYNTAX_OWN)
                snprintf(what, sizeof(what), "keyword '%.100s'", text);
        else
                snprintf(what, sizeof(what), "%s", symbol_desc(la, item, sizeof(item)));
        char msg[600];
        int off = snprintf(msg, sizeof(msg), "unexpected %s", what);
        if (n > 0 && n <= LIST) {
                off += snprintf(msg + off, sizeof(msg) - (size_t) off, ", expected ");
                for (int i = 0; i < n && (size_t) off < sizeof(msg); i++)
                        off += snprintf(msg + off, sizeof(msg) - (size_t) off, "%s%s",
                                        i == 0 ? "" : i == n - 1 ? " or " : ", ",
                                        symbol_desc(expected[i], item, sizeof(item)));
        } else if (at_statement)
                snprintf(msg + off, sizeof(msg) - (size_t) off, ", expected a statement");
        diag_error(ctx->diags, loc, "%s", msg);
        if (wants_value && symbol_is_keyword(la))
                diag_hint(ctx->diags, "'%s' is a keyword; write \"%s\" to use it as a value", text, text);
        return 0;
}

/* test_parse.c - the scanner and parser: the tree they build, spans, and recovery. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/parse.h"
#include "front/source.h"

struct parsed {
        struct arena *a;
        struct diag_queue q;
        struct ast_file *f;
};

static void parse_text(struct parsed *p, const char *text)
{
        p->a = arena_new();
        diag_queue_init(&p->q, 0);
        const struct source *s = source_from_buffer(p->a, "t.pol", text, strlen(text));
        p->f = parse_source(p->a, &p->q, s, NULL);
}

static void parsed_free(struct parsed *p)
{
        diag_queue_free(&p->q);
        arena_free(p->a);
}

static void test_blocks_and_statements(void **state)
{
        (void) state;
        struct parsed p;
        parse_text(&p, "# comment\nprofile x { needs jit }\nservice s {\n  exec /bin/a after on \"q s\"\n"
                       "  needs network outbound to 10.0.0.1 port 443; listens on tcp 80 from 10.0.0.0/8 via socket\n}\n");
        assert_int_equal(p.q.errors, 0);
        const struct ast_block *b = p.f->blocks;
        assert_int_equal(b->kind, BLOCK_PROFILE);
        assert_string_equal(b->name, "x");
        assert_int_equal(b->stmts->kind, STMT_NEEDS);
        b = b->next;
        assert_int_equal(b->kind, BLOCK_SERVICE);
        const struct ast_stmt *s = b->stmts;
        /* Keywords are plain words in an exec line; strings keep their blanks. */
        assert_int_equal(s->kind, STMT_EXEC);
        assert_int_equal(ast_arg_count(s->args), 4);
        assert_string_equal(s->args->next->text, "after");
        assert_int_equal(s->args->next->next->next->kind, ARG_STRING);
        assert_string_equal(s->args->next->next->next->text, "q s");
        s = s->next;
        assert_int_equal(s->kind, STMT_NEEDS_OUTBOUND);
        assert_string_equal(s->args->text, "10.0.0.1");
        assert_string_equal(s->args2->text, "443");
        s = s->next;
        assert_int_equal(s->kind, STMT_LISTENS);
        assert_true(s->flag);
        assert_string_equal(s->sub, "socket");
        assert_string_equal(s->args2->text, "10.0.0.0/8");
        assert_null(s->next);
        parsed_free(&p);
}

static void test_spans(void **state)
{
        (void) state;
        struct parsed p;
        parse_text(&p, "service s {\n\twrites /var/lib/x \"a b\"\n}\n");
        const struct ast_stmt *s = p.f->blocks->stmts;
        assert_int_equal(s->loc.first_line, 2);
        assert_int_equal(s->loc.first_col, 2);
        assert_int_equal(s->args->loc.first_col, 9);
        assert_int_equal(s->args->loc.last_col, 18);
        /* A string's span includes its quotes. */
        assert_int_equal(s->args->next->loc.first_col, 20);
        assert_int_equal(s->args->next->loc.last_col, 24);
        assert_int_equal(s->loc.last_col, 24);
        parsed_free(&p);
}

static void test_string_escapes(void **state)
{
        (void) state;
        struct parsed p;
        parse_text(&p, "service s {\n description \"t\\\"q\\\\b\\x41\\t\"\n}\n");
        assert_int_equal(p.q.errors, 0);
        const struct ast_arg *a = p.f->blocks->stmts->args;
        assert_int_equal(a->len, 7);
        assert_memory_equal(a->text, "t\"q\\bA\t", 7);
        parsed_free(&p);
}

static void test_recovery_reports_every_statement(void **state)
{
        (void) state;
        struct parsed p;
        parse_text(&p, "service s {\n  bogus one\n  exec /bin/a\n  reads\n  also bad\n}\n");
        /* One error per bad statement; the good one in between is kept. */
        assert_int_equal(p.q.errors, 3);
        const struct ast_stmt *s = p.f->blocks->stmts;
        assert_non_null(s);
        assert_int_equal(s->kind, STMT_EXEC);
        parsed_free(&p);
}

static void test_lexical_errors(void **state)
{
        (void) state;
        static const char *const bad[] = {
                "service s {\n description \"open\n}\n",
                "service s {\n description \"\\q\"\n}\n",
                "service s {\n description a\x01" "b\n}\n",
        };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                struct parsed p;
                parse_text(&p, bad[i]);
                assert_int_equal(p.q.errors, 1);
                parsed_free(&p);
        }
        char big[PARSE_MAX_TOKEN + 64];
        strcpy(big, "service s {\n exec /");
        size_t n = strlen(big);
        memset(big + n, 'a', PARSE_MAX_TOKEN + 1);
        strcpy(big + n + PARSE_MAX_TOKEN + 1, "\n}\n");
        struct parsed p;
        parse_text(&p, big);
        assert_int_equal(p.q.errors, 1);
        assert_non_null(strstr(p.q.items[0].message, "longer than"));
        parsed_free(&p);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_blocks_and_statements),
                cmocka_unit_test(test_spans),
                cmocka_unit_test(test_string_escapes),
                cmocka_unit_test(test_recovery_reports_every_statement),
                cmocka_unit_test(test_lexical_errors),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_core.c - the arena, strings, source line maps and diagnostics rendering. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/prelude.h"

#include "base/arena.h"
#include "front/diag.h"
#include "front/source.h"
#include "base/strbuf.h"

static void test_arena_grows_and_zeroes(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        /* Many small and a few large blocks: all zeroed, aligned, and distinct. */
        unsigned char *prev = NULL;
        for (int i = 0; i < 10000; i++) {
                unsigned char *p = arena_alloc(a, (size_t) (i % 97) + 1);
                assert_int_equal((uintptr_t) p % 16, 0);
                for (int k = 0; k < (i % 97) + 1; k++)
                        assert_int_equal(p[k], 0);
                memset(p, 0xab, (size_t) (i % 97) + 1);
                assert_ptr_not_equal(p, prev);
                prev = p;
        }
        unsigned char *big = arena_alloc(a, 1 << 20);
        assert_int_equal(big[(1 << 20) - 1], 0);
        size_t cap = 0;
        int *arr = NULL;
        for (int i = 0; i < 1000; i++) {
                arr = arena_grow(a, arr, sizeof(*arr), &cap, (size_t) i + 1);
                arr[i] = i;
        }
        for (int i = 0; i < 1000; i++)
                assert_int_equal(arr[i], i);
        assert_string_equal(arena_printf(a, "%s-%d", "x", 42), "x-42");
        arena_free(a);
        arena_free(NULL);
}

static void test_strbuf(void **state)
{
        (void) state;
        struct strbuf b = STRBUF_INIT;
        assert_string_equal(strbuf_str(&b), "");
        for (int i = 0; i < 1000; i++)
                strbuf_printf(&b, "%d,", i);
        assert_true(b.len > 3000);
        assert_int_equal(strlen(strbuf_str(&b)), b.len);
        strbuf_reset(&b);
        assert_string_equal(strbuf_str(&b), "");
        strbuf_free(&b);
        strbuf_free(&b);
}

static void test_source_lines(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        const char text[] = "one\r\ntwo\n\nfour";
        struct source *s = source_from_buffer(a, "dir/x.pol", text, sizeof(text) - 1);
        assert_string_equal(s->dir, "dir");
        assert_int_equal(s->nlines, 4);
        size_t len;
        const char *l = source_line(s, 1, &len);
        assert_int_equal(len, 3); /* the CR is not part of the line */
        assert_memory_equal(l, "one", 3);
        l = source_line(s, 3, &len);
        assert_int_equal(len, 0);
        l = source_line(s, 4, &len);
        assert_int_equal(len, 4);
        assert_memory_equal(l, "four", 4);
        source_line(s, 5, &len);
        assert_int_equal(len, 0);
        source_line(s, 0, &len);
        assert_int_equal(len, 0);
        arena_free(a);
}

static void test_caret_keeps_tabs(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        const char text[] = "service x {\n\treads\tbad/path\n}\n";
        struct source *s = source_from_buffer(a, "t.pol", text, sizeof(text) - 1);
        struct diag_queue q;
        diag_queue_init(&q, 10);
        struct loc loc = { .src = s, .first_line = 2, .first_col = 8, .last_line = 2, .last_col = 15 };
        diag_error(&q, &loc, "bad %s", "path");
        diag_hint(&q, "did you mean %s?", "x");
        struct strbuf out = STRBUF_INIT;
        diag_render(&q, &out);
        assert_string_equal(strbuf_str(&out), "t.pol:2:8: error: bad path\n"
                                              " \treads\tbad/path\n"
                                              " \t     \t^~~~~~~~\n"
                                              "t.pol:2:8: hint: did you mean x?\n");
        strbuf_free(&out);
        diag_queue_free(&q);
        arena_free(a);
}

static void test_error_cap(void **state)
{
        (void) state;
        struct diag_queue q;
        diag_queue_init(&q, 3);
        for (int i = 0; i < 10; i++) {
                diag_error(&q, NULL, "e%d", i);
                diag_note(&q, NULL, "n%d", i);
        }
        assert_int_equal(q.errors, 10);
        assert_int_equal(q.n, 3);
        assert_true(diag_too_many(&q));
        diag_queue_free(&q);
        diag_queue_free(&q);
}

static void test_edit_distance(void **state)
{
        (void) state;
        assert_int_equal(diag_edit_distance("net_admin", "net_admin"), 0);
        assert_int_equal(diag_edit_distance("net_admn", "net_admin"), 1);
        assert_int_equal(diag_edit_distance("nte_admin", "net_admin"), 1); /* transposition */
        assert_int_equal(diag_edit_distance("", "abc"), 3);
        assert_true(diag_edit_distance("x", "a-very-long-word-indeed") > 3);
        char longword[200];
        memset(longword, 'a', sizeof(longword) - 1);
        longword[sizeof(longword) - 1] = '\0';
        assert_true(diag_edit_distance(longword, "a") >= 100);
}

static void test_spelling_hint_threshold(void **state)
{
        (void) state;
        static const char *const words[] = { "writes", "reads", "hides" };
        struct diag_queue q;
        diag_queue_init(&q, 0);
        diag_error(&q, NULL, "x");
        diag_hint_spelling(&q, "write", words, 3);
        diag_hint_spelling(&q, "frobnicate", words, 3);
        assert_int_equal(q.items[0].nnotes, 1);
        assert_string_equal(q.items[0].notes[0].message, "did you mean 'writes'?");
        diag_queue_free(&q);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_arena_grows_and_zeroes),
                cmocka_unit_test(test_strbuf),
                cmocka_unit_test(test_source_lines),
                cmocka_unit_test(test_caret_keeps_tabs),
                cmocka_unit_test(test_error_cap),
                cmocka_unit_test(test_edit_distance),
                cmocka_unit_test(test_spelling_hint_threshold),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

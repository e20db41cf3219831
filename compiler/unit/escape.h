/* escape.h - writing values in systemd's unit-file syntax, so that an emitted value means
 * exactly what the policy says: specifiers ('%') doubled where systemd expands them, '$'
 * doubled in command lines, words quoted and backslash-escaped where systemd unquotes them.
 * Values reaching these functions have no control characters (check.c refuses them). */
#ifndef UNITC_ESCAPE_H
#define UNITC_ESCAPE_H

#include "base/prelude.h"

struct arena;

/* Free text (Description=): only '%' is special. */
char *escape_text(struct arena *a, const char *s);
/* One word of a whitespace-separated list (paths, names, NAME=VALUE): quoted when it holds
 * blanks, quotes or backslashes. Paths that start with "%h" keep that specifier. */
char *escape_word(struct arena *a, const char *s);
/* One argument of an Exec line: as escape_word, plus '$' doubled and a lone ';' escaped. */
char *escape_exec_arg(struct arena *a, const char *s);

#endif

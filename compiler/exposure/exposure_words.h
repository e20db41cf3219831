/* exposure_words.h - systemd's basic parsers: booleans, words, numbers, names, paths. */
#ifndef UNITC_EXPOSURE_WORDS_H
#define UNITC_EXPOSURE_WORDS_H

#include "base/prelude.h"

struct arena;

int exposure_parse_boolean(const char *v);
/* n may be SIZE_MAX for a NULL-terminated list. */
bool exposure_in_list(const char *v, const char *const *list, size_t n);
/* Splits at blanks; returns the next word (arena copy) or NULL. With unquote, quotes are
 * removed the way extract_first_word(EXTRACT_UNQUOTE) does for the simple cases, and a word
 * with an unbalanced quote ends the list: NULL with *ret_bad set (the parsers of
 * RestrictNamespaces=, SystemCallFilter= and IPAddress*= keep quotes, and then reject the
 * word as a name). With relax, an open quote simply runs to the end of the value. */
char *exposure_next_word_full(struct arena *a, const char **p, bool unquote, bool relax,
                              bool *ret_bad);
char *exposure_next_word_q(struct arena *a, const char **p, bool unquote, bool *ret_bad);
char *exposure_next_word(struct arena *a, const char **p);
bool exposure_parse_uint(const char *s, unsigned base, uint64_t max, uint64_t *ret);
/* valid_user_group_name(VALID_USER_RELAX | VALID_USER_ALLOW_NUMERIC). */
bool exposure_valid_user(const char *u);
/* The strict rule DynamicUser= applies to the name it derives from the unit. */
bool exposure_valid_user_strict(const char *u);
/* path_is_normalized(): no "//", no "." or ".." components. */
bool exposure_path_normalized(const char *p);
/* path_simplify(): no repeated slashes, no "." components, no trailing slash. */
char *exposure_path_simplify(struct arena *a, const char *p);
/* The prefix "dir" (a whole component) of a simplified path. */
bool exposure_path_under(const char *p, const char *dir);

#endif

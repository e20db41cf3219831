/* exposure_words.c - systemd's basic parsers as the scorer needs them: parse_boolean(),
 * extract_first_word(), safe_atou(), valid_user_group_name() and path-util's checks. */
#include "base/prelude.h"

#include <strings.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure_words.h"
#include "unit/unit.h"

/* ---- small parsers ---- */

int exposure_parse_boolean(const char *v)
{
        static const char *const yes[] = { "1", "yes", "y", "true", "t", "on" };
        static const char *const no[] = { "0", "no", "n", "false", "f", "off" };
        for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
                if (strcasecmp(v, yes[i]) == 0)
                        return 1;
                if (strcasecmp(v, no[i]) == 0)
                        return 0;
        }
        return -1;
}

/* n may be SIZE_MAX for a NULL-terminated list. */
bool exposure_in_list(const char *v, const char *const *list, size_t n)
{
        for (size_t i = 0; i < n && list[i]; i++)
                if (streq(v, list[i]))
                        return true;
        return false;
}

/* Splits at blanks; returns the next word (arena copy) or NULL. With unquote, quotes are
 * removed the way extract_first_word(EXTRACT_UNQUOTE) does for the simple cases, and a word
 * with an unbalanced quote ends the list: NULL with *ret_bad set (the parsers of
 * RestrictNamespaces=, SystemCallFilter= and IPAddress*= keep quotes, and then reject the
 * word as a name). With relax, an open quote simply runs to the end of the value. */
char *exposure_next_word_full(struct arena *a, const char **p, bool unquote, bool relax,
                              bool *ret_bad)
{
        const char *s = *p + strspn(*p, " \t\n\r");
        if (ret_bad)
                *ret_bad = false;
        if (!*s) {
                *p = s;
                return NULL;
        }
        struct strbuf w = STRBUF_INIT;
        char quote = 0;
        bool broken = false;
        for (; *s; s++) {
                if (*s == '\\') {
                        /* an escaped character stands for itself; a final backslash is an error */
                        if (!s[1]) {
                                broken = !relax;
                                break;
                        }
                        strbuf_putc(&w, *++s);
                } else if (quote) {
                        if (*s == quote)
                                quote = 0;
                        else
                                strbuf_putc(&w, *s);
                } else if (unquote && (*s == '"' || *s == '\''))
                        quote = *s;
                else if (strchr(" \t\n\r", *s))
                        break;
                else
                        strbuf_putc(&w, *s);
        }
        if (*s == '\\')
                s++;
        *p = s;
        broken = broken || (quote && !relax);
        char *r = broken ? NULL : arena_strdup(a, strbuf_str(&w));
        if (broken && ret_bad)
                *ret_bad = true;
        strbuf_free(&w);
        return r;
}

char *exposure_next_word_q(struct arena *a, const char **p, bool unquote, bool *ret_bad)
{
        return exposure_next_word_full(a, p, unquote, false, ret_bad);
}

char *exposure_next_word(struct arena *a, const char **p)
{
        return exposure_next_word_q(a, p, true, NULL);
}

bool exposure_parse_uint(const char *s, unsigned base, uint64_t max, uint64_t *ret)
{
        if (!*s)
                return false;
        uint64_t v = 0;
        for (; *s; s++) {
                unsigned d;
                if (*s >= '0' && *s <= '9')
                        d = (unsigned) (*s - '0');
                else
                        return false;
                if (d >= base)
                        return false;
                v = v * base + d;
                if (v > max)
                        return false;
        }
        *ret = v;
        return true;
}

/* valid_user_group_name(VALID_USER_RELAX | VALID_USER_ALLOW_NUMERIC). */
bool exposure_valid_user(const char *u)
{
        uint64_t n;
        if (!*u)
                return false;
        if (exposure_parse_uint(u, 10, UINT64_MAX, &n)) /* a numeric ID, written canonically */
                return n < UINT32_MAX && n != 65535 && !(u[0] == '0' && u[1]);
        if (u[0] == '-' && exposure_parse_uint(u + 1, 10, UINT64_MAX, &n))
                return false;
        if (streq(u, ".") || streq(u, "..") || strchr(u, ':') || strchr(u, '/'))
                return false;
        if (strchr(" \t", u[0]) || strchr(" \t", u[strlen(u) - 1]))
                return false;
        for (const unsigned char *p = (const unsigned char *) u; *p; p++)
                if (*p < ' ' || *p == 0x7f)
                        return false;
        return strlen(u) <= 255;
}

/* The strict rule DynamicUser= applies to the name it derives from the unit. */
bool exposure_valid_user_strict(const char *u)
{
        if (!*u || strlen(u) > 31 || (u[0] >= '0' && u[0] <= '9') || u[0] == '-')
                return false;
        for (const char *p = u; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '_' || *p == '-'))
                        return false;
        return true;
}

/* path_is_normalized(): no "//", no "." or ".." components. */
bool exposure_path_normalized(const char *p)
{
        size_t n = strlen(p);
        if (strstr(p, "//") || strstr(p, "/./") || strstr(p, "/../") || startswith(p, "./") ||
            startswith(p, "../") || streq(p, ".") || streq(p, ".."))
                return false;
        return !((n >= 2 && streq(p + n - 2, "/.")) || (n >= 3 && streq(p + n - 3, "/..")));
}

/* path_simplify(): no repeated slashes, no "." components, no trailing slash. */
char *exposure_path_simplify(struct arena *a, const char *p)
{
        struct strbuf b = STRBUF_INIT;
        if (*p == '/')
                strbuf_putc(&b, '/');
        while (*p) {
                p += strspn(p, "/");
                size_t n = strcspn(p, "/");
                if (n == 0)
                        break;
                if (!(n == 1 && p[0] == '.')) {
                        if (b.len > 0 && b.s[b.len - 1] != '/')
                                strbuf_putc(&b, '/');
                        strbuf_add(&b, p, n);
                }
                p += n;
        }
        char *r = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* The prefix "dir" (a whole component) of a simplified path. */
bool exposure_path_under(const char *p, const char *dir)
{
        size_t n = strlen(dir);
        return strncmp(p, dir, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

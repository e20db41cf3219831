/* property_inject.c - the injection property: whatever a policy's strings hold, the emitted
 * unit says exactly what the policy says and nothing else.
 *
 * Each case takes one statement that carries a string or a path (a "slot"), puts a random
 * value in it - newlines, \r, NUL, '%', '$', '\', quotes, "[Service]", ';', '#', non-ASCII and
 * invalid UTF-8 - written in one of three ways (a quoted string with escapes, a quoted string
 * with the raw bytes, a bare word), and compiles it with every layout through the library.
 * Then either
 *   - the compile fails with exit 1 and a diagnostic that names the file and carries no
 *     control characters, and no file, or
 *   - every emitted file, read back by the project's unit reader (compiler/unit/unitfile.h), holds
 *     exactly the lowered model (no extra or missing line, section or key; the model of the
 *     same policy with a plain value has the same keys), its text has only comments, section
 *     headers and KEY= lines, and the value of the slot's directive, after undoing systemd's
 *     rules for that directive (specifiers, quotes, C escapes, "$$" in command lines, the
 *     "-" prefix ...), is the intended value.
 * A sample of the units (1 in VERIFY_EVERY) is also given to `systemd-analyze verify`, which
 * must say nothing but "is not executable" (skipped when systemd-analyze is missing).
 *
 * Usage: property_inject [-n CASES] [-s SEED] [-v]   (or PROPERTY_CASES, PROPERTY_SEED)
 * Prints the seed; the same seed gives the same cases. Ends with "N passed, N failed". */
#include "base/prelude.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "passes/lower.h"
#include "base/strbuf.h"
#include "unit/unit.h"
#include "unitc.h"
#include "unit/unitfile.h"

#define VERIFY_EVERY 50 /* PROPERTY_VERIFY_EVERY */
#define VERIFY_MAX 150
#define FAIL_SHOW 25

/* ---- random values ------------------------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng(void)
{
        /* xorshift64* */
        rng_state ^= rng_state >> 12;
        rng_state ^= rng_state << 25;
        rng_state ^= rng_state >> 27;
        return rng_state * UINT64_C(2685821657736338717);
}

static unsigned rnd(unsigned n) { return (unsigned) (rng() % n); }

/* Pieces a value is made of: plain text, what systemd's parser gives meaning to, what could
 * start a line or a section, encodings. */
static const struct { const char *s; size_t len; } pieces[] = {
#define P(x) { x, sizeof(x) - 1 }
        P("a"), P("b"), P("Z"), P("0"), P("9"), P("x-y"), P("file.txt"), P("_"),
        P(" "), P("  "), P("\t"), P("\n"), P("\r"), P("\r\n"), P("\0"), P("\v"), P("\f"),
        P("%"), P("%%"), P("%h"), P("%n"), P("%i"), P("%"), P("$"), P("$$"), P("$FOO"), P("${FOO}"),
        P("\\"), P("\\n"), P("\\\\"), P("\\x41"), P("\\;"), P("\""), P("'"), P("`"),
        P(";"), P(" ; "), P("#"), P("="), P("[Service]"), P("[Unit]"), P("[Install]"),
        P("\nExecStartPre=/bin/sh -c evil\n"), P("\\\n"), P("ExecStart=/bin/evil"),
        P("{"), P("}"), P("/"), P("//"), P(".."), P("."), P("~"), P("-"), P("+"), P("@"), P(":"),
        P("!"), P("*"), P("?"), P("&"), P("|"), P("<"), P(">"),
        P("\xc3\xa9"), P("\xe2\x82\xac"), P("\xf0\x9f\x98\x80"), P("\xe2\x80\x8b"),
        P("\xef\xbb\xbf"), P("\xc2\x85"), P("\xe2\x80\xa8"),
        P("\xff"), P("\xc3"), P("\xed\xa0\x80"), P("\xc0\xaf"), P("\xf4\x90\x80\x80"), P("\x80"),
        P("\x01"), P("\x1b[31m"), P("\x7f"),
#undef P
};

struct value {
        char s[512];
        size_t len;
};

static void value_add(struct value *v, const char *s, size_t n)
{
        if (v->len + n < sizeof(v->s)) {
                memcpy(v->s + v->len, s, n);
                v->len += n;
        }
        v->s[v->len] = '\0';
}

/* A piece with only printable ASCII, blanks and valid UTF-8: values made of these reach the
 * output, where the escaping is tested. */
static bool piece_printable(const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char) s[i];
                if ((c < 0x20 && c != ' ') || c == 0x7f || c == 0xff || c == 0xc0 || c == 0xed ||
                    c == 0xf4 || (c == 0xc3 && n == 1) || (c == 0x80 && n == 1))
                        return false;
        }
        return true;
}

static void random_value(struct value *v)
{
        v->len = 0;
        v->s[0] = '\0';
        bool printable = rnd(2);
        unsigned n = 1 + rnd(rnd(4) == 0 ? 12 : 5);
        for (unsigned i = 0; i < n; i++) {
                if (!printable && rnd(12) == 0) {
                        char c = (char) rnd(256);
                        value_add(v, &c, 1);
                } else {
                        unsigned k;
                        do
                                k = rnd(ARRAY_SIZE(pieces));
                        while (printable && !piece_printable(pieces[k].s, pieces[k].len));
                        value_add(v, pieces[k].s, pieces[k].len);
                }
        }
}

/* Bare words: drop what cannot be inside one (blanks, quotes, braces, ';', NUL, newline) and
 * a leading '#'. Other control characters stay: the lexer must refuse them. */
static void make_bare(struct value *v)
{
        size_t o = 0;
        for (size_t i = 0; i < v->len; i++) {
                unsigned char c = (unsigned char) v->s[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '"' ||
                    c == ';' || c == '{' || c == '}' || (c == '#' && o == 0))
                        continue;
                v->s[o++] = (char) c;
        }
        v->len = o;
        v->s[o] = '\0';
        if (o == 0)
                value_add(v, "w", 1);
}

enum enc { ENC_ESCAPED, ENC_RAW, ENC_BARE, _ENC_MAX };
static const char *const enc_names[] = { "escaped string", "raw string", "bare word" };

/* The value as the policy writes it. */
static void encode(struct strbuf *b, const char *s, size_t len, enum enc e)
{
        if (e == ENC_BARE) {
                strbuf_add(b, s, len);
                return;
        }
        strbuf_putc(b, '"');
        for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char) s[i];
                if (c == '"' || c == '\\') {
                        strbuf_putc(b, '\\');
                        strbuf_putc(b, (char) c);
                } else if (e == ENC_RAW || (c >= 0x20 && c != 0x7f))
                        strbuf_putc(b, (char) c);
                else if (c == '\n')
                        strbuf_puts(b, "\\n");
                else if (c == '\t')
                        strbuf_puts(b, "\\t");
                else if (c == '\r')
                        strbuf_puts(b, "\\r");
                else
                        strbuf_printf(b, "\\x%02x", c);
        }
        strbuf_putc(b, '"');
}

/* ---- systemd's reading of a value -------------------------------------------------------- */

/* Specifiers: "%%" is '%'; any other specifier means the value changed (fails the case). */
static bool undo_specifiers(const char *in, struct strbuf *out)
{
        strbuf_reset(out);
        for (const char *p = in; *p; p++) {
                if (*p != '%') {
                        strbuf_putc(out, *p);
                        continue;
                }
                if (p[1] != '%')
                        return false;
                strbuf_putc(out, '%');
                p++;
        }
        return true;
}

/* One C escape after a backslash, as systemd's cunescape_one(); returns bytes consumed or -1. */
static int cunescape_one(const char *p, struct strbuf *out)
{
        static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v\\\\\"\"''s ";
        for (const char *s = simple; *s; s += 2)
                if (*p == s[0]) {
                        strbuf_putc(out, s[1]);
                        return 1;
                }
        if (*p == 'x' && isxdigit((unsigned char) p[1]) && isxdigit((unsigned char) p[2])) {
                char h[3] = { p[1], p[2], 0 };
                unsigned v = (unsigned) strtoul(h, NULL, 16);
                if (v == 0)
                        return -1;
                strbuf_putc(out, (char) v);
                return 3;
        }
        if (*p >= '0' && *p <= '7' && p[1] >= '0' && p[1] <= '7' && p[2] >= '0' && p[2] <= '7') {
                unsigned v = (unsigned) ((p[0] - '0') * 64 + (p[1] - '0') * 8 + (p[2] - '0'));
                if (v == 0 || v > 255)
                        return -1;
                strbuf_putc(out, (char) v);
                return 3;
        }
        return -1; /* \u, \U and the rest: never written by unitc */
}

enum { X_UNQUOTE = 1, X_CUNESCAPE = 2, X_DONT_COALESCE = 4 };

/* systemd's extract_first_word(): the next word of *pp, split at seps. Returns 1 (word in
 * out), 0 (no more words) or -1 (systemd would refuse the value). */
static int extract_word(const char **pp, const char *seps, unsigned flags, struct strbuf *out,
                        char *ret_sep)
{
        const char *p = *pp;
        strbuf_reset(out);
        if (ret_sep)
                *ret_sep = 0;
        if (!(flags & X_DONT_COALESCE))
                p += strspn(p, seps);
        if (!*p) {
                *pp = p;
                return 0;
        }
        char quote = 0;
        for (;; p++) {
                char c = *p;
                if (c == '\0') {
                        if (quote)
                                return -1;
                        break;
                }
                if (c == '\\') {
                        p++;
                        if (!*p)
                                return -1;
                        if (flags & X_CUNESCAPE) {
                                int n = cunescape_one(p, out);
                                if (n < 0)
                                        return -1;
                                p += n - 1;
                        } else
                                strbuf_putc(out, *p);
                        continue;
                }
                if (quote) {
                        if (c == quote)
                                quote = 0;
                        else
                                strbuf_putc(out, c);
                        continue;
                }
                if ((flags & X_UNQUOTE) && (c == '"' || c == '\'')) {
                        quote = c;
                        continue;
                }
                if (strchr(seps, c)) {
                        if (ret_sep)
                                *ret_sep = c;
                        p++;
                        if (!(flags & X_DONT_COALESCE))
                                p += strspn(p, seps);
                        break;
                }
                strbuf_putc(out, c);
        }
        *pp = p;
        return 1;
}

#define WS " \t\n\r"

/* How systemd reads each directive a slot writes. */
enum rule {
        R_TEXT,     /* free text: specifiers only (Description=, SyslogIdentifier=, User=) */
        R_RAWPATH,  /* one path, not unquoted, "-" allowed (WorkingDirectory=, EnvironmentFile=) */
        R_WORDS,    /* words, unquoted, then specifiers (units, URLs, directory names) */
        R_PATHS,    /* as R_WORDS, with the "-" and "+" prefixes of ReadWritePaths= and friends */
        R_UNITS,    /* unit lists (After=, Wants=, Alias=): words NOT unquoted, '\' kept */
        R_ENV,      /* words, unquoted and C-unescaped, then specifiers (Environment=) */
        R_BIND,     /* SOURCE[:DEST[:OPTIONS]] words, "-" allowed (BindPaths=) */
        R_EXEC,     /* a command line: specifiers, then words unquoted and C-unescaped, "$$" */
        R_DEVICE,   /* DeviceAllow=: the path word, unquoted, then the mode */
};

/* The values systemd reads from one entry, into vals (each a heap string). */
static int undo_entry(enum rule rule, const char *value, char ***vals, size_t *nvals, char *why,
                      size_t whylen)
{
        struct strbuf spec = STRBUF_INIT, w = STRBUF_INIT, t = STRBUF_INIT;
        int r = 0;
        *nvals = 0;
        *vals = NULL;
#define PUSH(s)                                                                       \
        do {                                                                          \
                *vals = xrealloc(*vals, (*nvals + 1) * sizeof(char *));               \
                (*vals)[(*nvals)++] = xstrdup(s);                                     \
        } while (0)
#define BAD(...)                                                                      \
        do {                                                                          \
                snprintf(why, whylen, __VA_ARGS__);                                   \
                r = -1;                                                               \
                goto out;                                                             \
        } while (0)
        switch (rule) {
        case R_TEXT:
                if (!undo_specifiers(value, &spec))
                        BAD("a specifier other than %%%% in '%s'", value);
                PUSH(strbuf_str(&spec));
                break;
        case R_RAWPATH: {
                const char *v = value[0] == '-' ? value + 1 : value;
                if (!undo_specifiers(v, &spec))
                        BAD("a specifier other than %%%% in '%s'", value);
                PUSH(strbuf_str(&spec));
                break;
        }
        case R_WORDS:
        case R_PATHS:
        case R_ENV:
        case R_DEVICE: {
                const char *p = value;
                for (;;) {
                        int k = extract_word(&p, WS, X_UNQUOTE | (rule == R_ENV ? X_CUNESCAPE : 0), &w, NULL);
                        if (k < 0)
                                BAD("systemd cannot split '%s' into words", value);
                        if (k == 0)
                                break;
                        const char *word = strbuf_str(&w);
                        if (rule == R_PATHS && *word == '-')
                                word++;
                        if (rule == R_PATHS && *word == '+')
                                word++;
                        if (!undo_specifiers(word, &spec))
                                BAD("a specifier other than %%%% in '%s'", value);
                        PUSH(strbuf_str(&spec));
                        if (rule == R_DEVICE)
                                break;
                }
                break;
        }
        case R_UNITS: {
                /* config_parse_unit_deps(): EXTRACT_RETAIN_ESCAPE, no unquoting. */
                const char *p = value;
                for (;;) {
                        p += strspn(p, WS);
                        if (!*p)
                                break;
                        size_t n = strcspn(p, WS);
                        char *word = xstrndup(p, n);
                        p += n;
                        bool ok = undo_specifiers(word, &spec);
                        free(word);
                        if (!ok)
                                BAD("a specifier other than %%%% in '%s'", value);
                        PUSH(strbuf_str(&spec));
                }
                break;
        }
        case R_BIND: {
                /* config_parse_bind_paths(): SOURCE ends at ':' or a blank, outside quotes. */
                const char *p = value;
                for (;;) {
                        char sep;
                        int k = extract_word(&p, ":" WS, X_UNQUOTE | X_DONT_COALESCE, &w, &sep);
                        if (k < 0)
                                BAD("systemd cannot split '%s' into words", value);
                        if (k == 0)
                                break;
                        const char *word = strbuf_str(&w);
                        if (*word == '-')
                                word++;
                        if (!undo_specifiers(word, &spec))
                                BAD("a specifier other than %%%% in '%s'", value);
                        PUSH(strbuf_str(&spec));
                        if (sep == ':')
                                BAD("systemd reads '%s' as SOURCE:DESTINATION", value);
                }
                break;
        }
        case R_EXEC: {
                if (!undo_specifiers(value, &spec))
                        BAD("a specifier other than %%%% in '%s'", value);
                const char *p = strbuf_str(&spec);
                for (bool first = true;; first = false) {
                        p += strspn(p, WS);
                        if (!*p)
                                break;
                        if (!first && p[0] == ';' && (!p[1] || strchr(WS, p[1])))
                                BAD("an unescaped ';' splits '%s' into two commands", value);
                        if (!first && p[0] == '\\' && p[1] == ';' && (!p[2] || strchr(WS, p[2]))) {
                                PUSH(";");
                                p += 2;
                                continue;
                        }
                        if (first && strchr("-@:+!", *p))
                                BAD("'%s' starts with a prefix", value);
                        int k = extract_word(&p, WS, X_UNQUOTE | X_CUNESCAPE, &w, NULL);
                        if (k < 0)
                                BAD("systemd cannot split '%s' into words", value);
                        if (k == 0)
                                break;
                        /* At run time: "$$" is '$'; "$NAME" and "${NAME}" are expanded. */
                        strbuf_reset(&t);
                        const char *a = strbuf_str(&w);
                        for (size_t i = 0; a[i]; i++) {
                                if (a[i] != '$') {
                                        strbuf_putc(&t, a[i]);
                                } else if (a[i + 1] == '$') {
                                        strbuf_putc(&t, '$');
                                        i++;
                                } else if (a[i + 1] == '{' || isalpha((unsigned char) a[i + 1]) ||
                                           a[i + 1] == '_') {
                                        BAD("'%s' expands a variable", value);
                                } else
                                        strbuf_putc(&t, '$');
                        }
                        PUSH(strbuf_str(&t));
                }
                break;
        }
        }
out:
#undef PUSH
#undef BAD
        if (r < 0) {
                for (size_t i = 0; i < *nvals; i++)
                        free((*vals)[i]);
                free(*vals);
                *vals = NULL;
                *nvals = 0;
        }
        strbuf_free(&spec);
        strbuf_free(&w);
        strbuf_free(&t);
        return r;
}

/* ---- slots ------------------------------------------------------------------------------- */

/* A statement with a value in it. The policy is `service svc { LINES }` where LINES is the
 * template with '@' replaced by the encoded value: prefix + random + suffix. The directive
 * section/key, read with rule, must hold intended (prefix + random + suffix, or with
 * expect_prefix/expect_suffix around the random part instead) as its value number index. */
struct slot {
        const char *name;
        const char *lines;       /* statements; '@' is the value */
        const char *prefix, *suffix;
        const char *section, *key;
        enum rule rule;
        int index;               /* which value of the directive's entries (-1: the last) */
        const char *expect_prefix, *expect_suffix; /* NULL: prefix/suffix */
        const char *service_name; /* the unit's name is prefix+value+suffix when "@" */
        bool keys_vary;          /* the value decides which directives appear (no key check) */
        bool bare_ok;            /* the value may be a bare word */
        const char *plain;       /* a valid value, for the baseline; NULL: "plain" */
        bool free_value;         /* the escape hatch: systemd may refuse what it means */
};

static const struct slot slots[] = {
        { "description", "description @\nexec /usr/bin/prog", "", "", "Unit", "Description", R_TEXT, 0 },
        { "exec argument", "exec /usr/bin/prog @", "", "", "Service", "ExecStart", R_EXEC, 1, .bare_ok = true },
        { "exec argument 2", "exec /usr/bin/prog -x @ --y", "", "", "Service", "ExecStart", R_EXEC, 2, .bare_ok = true },
        { "exec program", "exec @ arg", "/usr/bin/", "", "Service", "ExecStart", R_EXEC, 0, .bare_ok = true },
        { "exec-pre argument", "exec /usr/bin/prog\nexec-pre /bin/true a @", "", "", "Service", "ExecStartPre", R_EXEC, 2, .bare_ok = true },
        { "exec-stop argument", "exec /usr/bin/prog\nexec-stop /bin/kill @", "", "", "Service", "ExecStop", R_EXEC, 1, .bare_ok = true },
        { "environment value", "exec /usr/bin/prog\nenvironment @", "V=", "", "Service", "Environment", R_ENV, 0, .bare_ok = true },
        { "environment name", "exec /usr/bin/prog\nenvironment @", "", "=1", "Service", "Environment", R_ENV, 0, .bare_ok = true },
        { "environment-file", "exec /usr/bin/prog\nenvironment-file @", "/etc/envs/", "", "Service", "EnvironmentFile", R_RAWPATH, 0, .bare_ok = true },
        { "working-directory", "exec /usr/bin/prog\nworking-directory @", "/srv/wd/", "", "Service", "WorkingDirectory", R_RAWPATH, 0, .bare_ok = true },
        { "writes", "exec /usr/bin/prog\nwrites @", "/srv/w/", "", "Service", "ReadWritePaths", R_PATHS, 0, .bare_ok = true },
        { "writes file", "exec /usr/bin/prog\nwrites file @", "/srv/wf/", "", "Service", "ReadWritePaths", R_PATHS, 0, .bare_ok = true },
        { "writes state", "exec /usr/bin/prog\nwrites @", "/var/lib/", "", "Service", "StateDirectory", R_WORDS, 0, "", "", .bare_ok = true },
        { "writes config", "exec /usr/bin/prog\nwrites @", "/etc/", "", "Service", "ConfigurationDirectory", R_WORDS, 0, "", "", .bare_ok = true },
        { "writes home", "exec /usr/bin/prog\nwrites @", "/home/u/", "", "Service", "BindPaths", R_BIND, 0, .bare_ok = true },
        { "reads home", "exec /usr/bin/prog\nreads @", "/home/u/", "", "Service", "BindReadOnlyPaths", R_BIND, 0, .bare_ok = true },
        { "hides", "exec /usr/bin/prog\nhides @", "/srv/h/", "", "Service", "InaccessiblePaths", R_PATHS, 0, .bare_ok = true },
        { "executes", "exec /usr/bin/prog\nwrites /srv/x\nexecutes @", "/srv/x/bin/", "", "Service", "ExecPaths", R_PATHS, 0, .bare_ok = true },
        { "needs device", "exec /usr/bin/prog\nneeds device @ r", "/dev/", "", "Service", "DeviceAllow", R_DEVICE, 0, .bare_ok = true },
        { "documentation", "exec /usr/bin/prog\ndocumentation @", "https://example.org/", "", "Unit", "Documentation", R_WORDS, 0, .bare_ok = true },
        { "documentation man", "exec /usr/bin/prog\ndocumentation @", "man:", "(8)", "Unit", "Documentation", R_WORDS, 0, .bare_ok = true },
        { "directive", "exec /usr/bin/prog\ndirective Service SyslogIdentifier @", "", "", "Service", "SyslogIdentifier", R_TEXT, 0, .bare_ok = true, .free_value = true },
        { "directive unit", "exec /usr/bin/prog\ndirective Unit SourcePath @", "/srv/", "", "Unit", "SourcePath", R_TEXT, 0, .bare_ok = true, .free_value = true },
        { "service name", "exec /usr/bin/prog", "", "", "Unit", "Description", R_TEXT, 0, .service_name = "@", .bare_ok = true },
        { "service name 2", "exec /usr/bin/prog", "a", "b", "Unit", "Description", R_TEXT, 0, .service_name = "@", .bare_ok = true },
        { "user", "exec /usr/bin/prog\nuser @", "", "", "Service", "User", R_TEXT, 0, .keys_vary = true, .bare_ok = true },
        { "group", "exec /usr/bin/prog\nuser svc group @", "", "", "Service", "Group", R_TEXT, 0, .bare_ok = true },
        { "owns cache", "exec /usr/bin/prog\nowns cache @", "", "", "Service", "CacheDirectory", R_WORDS, 0, .bare_ok = true },
        { "owns state", "exec /usr/bin/prog\nowns state @", "d/", "", "Service", "StateDirectory", R_WORDS, 0, .bare_ok = true },
        { "wants", "exec /usr/bin/prog\nwants @", "", ".service", "Unit", "Wants", R_UNITS, 0, .bare_ok = true },
        { "start after", "exec /usr/bin/prog\nstart after @", "", ".target", "Unit", "After", R_UNITS, 0, .bare_ok = true },
        { "install alias", "exec /usr/bin/prog\ninstall alias @", "", ".service", "Install", "Alias", R_UNITS, 0, .bare_ok = true },
        { "outbound", "exec /usr/bin/prog\nneeds network outbound to @", "", "", "Service", "IPAddressAllow", R_WORDS, 0, .keys_vary = true, .bare_ok = true, .plain = "10.0.0.1" },
        { "restart delay", "exec /usr/bin/prog\nrestart on-failure after @", "", "", "Service", "RestartSec", R_TEXT, 0, .bare_ok = true, .plain = "30s" },
        { "limit", "exec /usr/bin/prog\nlimit memory @", "", "", "Service", "MemoryMax", R_TEXT, 0, .bare_ok = true, .plain = "512M" },
        { "profile name", "exec /usr/bin/prog\nuse @\n}\nprofile @ {\nhides /srv/p", "", "", "Service", "InaccessiblePaths", R_PATHS, 0, "/srv/p", "", .bare_ok = true },
        { "syscalls", "exec /usr/bin/prog\nneeds syscalls @", "", "", "Service", "SystemCallFilter", R_WORDS, -1, .keys_vary = true, .bare_ok = true, .plain = "read" },
};

/* ---- one case ---------------------------------------------------------------------------- */

struct stats {
        unsigned pass, fail, compiled, rejected, verified, verify_skipped;
        unsigned per_slot_ok[ARRAY_SIZE(slots)], per_slot_n[ARRAY_SIZE(slots)];
};

static bool have_analyze;
static char tmpdir[64];
static bool verbose;

static void show_bytes(FILE *f, const char *s, size_t n)
{
        fputc('"', f);
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char) s[i];
                if (c == '"' || c == '\\')
                        fprintf(f, "\\%c", c);
                else if (c >= 0x20 && c < 0x7f)
                        fputc(c, f);
                else
                        fprintf(f, "\\x%02x", c);
        }
        fputc('"', f);
}

static void build_policy(const struct slot *sl, const char *val, size_t vlen, enum enc e,
                         struct strbuf *pol, struct strbuf *full)
{
        strbuf_reset(full);
        strbuf_puts(full, sl->prefix);
        strbuf_add(full, val, vlen);
        strbuf_puts(full, sl->suffix);
        struct strbuf enc = STRBUF_INIT;
        encode(&enc, full->s, full->len, e);
        strbuf_reset(pol);
        strbuf_puts(pol, "service ");
        if (sl->service_name)
                strbuf_add(pol, enc.s, enc.len);
        else
                strbuf_puts(pol, "svc");
        strbuf_puts(pol, " {\n");
        for (const char *p = sl->lines; *p; p++)
                if (*p == '@')
                        strbuf_add(pol, enc.s, enc.len);
                else
                        strbuf_putc(pol, *p);
        strbuf_puts(pol, "\n}\n");
        strbuf_free(&enc);
}

/* Every line of the text as systemd splits lines (\n, \r, \r\n, NUL): blank, a comment, a
 * section header or KEY=...; none of them continued. */
static bool text_shape_ok(const char *text, size_t len, char *why, size_t whylen)
{
        size_t pos = 0;
        unsigned line = 0;
        while (pos < len) {
                size_t start = pos;
                while (pos < len && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\0')
                        pos++;
                size_t n = pos - start;
                if (pos < len) {
                        if (text[pos] == '\0') {
                                snprintf(why, whylen, "NUL byte in the unit");
                                return false;
                        }
                        if (text[pos] == '\r') {
                                snprintf(why, whylen, "carriage return in the unit");
                                return false;
                        }
                        pos++;
                }
                line++;
                const char *l = text + start;
                if (n == 0 || l[0] == '#')
                        continue;
                if (l[0] == '[') {
                        static const char *const ok[] = { "[Unit]", "[Service]", "[Install]", "[Socket]" };
                        bool found = false;
                        for (size_t i = 0; i < ARRAY_SIZE(ok); i++)
                                found |= n == strlen(ok[i]) && memcmp(l, ok[i], n) == 0;
                        if (!found) {
                                snprintf(why, whylen, "line %u: section header %.*s", line, (int) n, l);
                                return false;
                        }
                        continue;
                }
                size_t k = 0;
                while (k < n && isalnum((unsigned char) l[k]))
                        k++;
                if (k == 0 || k == n || l[k] != '=') {
                        snprintf(why, whylen, "line %u is not KEY=VALUE: %.*s", line, (int) (n > 80 ? 80 : n), l);
                        return false;
                }
                size_t bs = 0;
                while (bs < n && l[n - 1 - bs] == '\\')
                        bs++;
                if (bs % 2) {
                        snprintf(why, whylen, "line %u ends in '\\' (continued)", line);
                        return false;
                }
        }
        return true;
}

/* The emitted file, read back, is the model entry for entry. */
static bool readback_ok(const struct uc_file *f, const struct unit_file *model, struct unit_file **ret,
                        struct arena *a, char *why, size_t whylen)
{
        struct unit_file *u = unit_new(a, "readback");
        const char *msg = NULL;
        if (unitfile_parse_text(u, f->path, f->text, f->len, "Unit\0Service\0Install\0Socket\0Timer\0", &msg) < 0) {
                snprintf(why, whylen, "%s does not read back: %s", f->path, msg ? msg : "?");
                return false;
        }
        size_t ns = 0;
        for (size_t s = 0; s < model->n; s++) {
                const struct unit_section *ms = &model->sections[s];
                const struct unit_section *rs = unit_find_section(u, ms->name);
                size_t ne = 0;
                for (size_t i = 0; i < ms->n; i++) {
                        const struct unit_entry *e = &ms->entries[i];
                        if (streq(e->key, "#"))
                                continue;
                        if (!rs || ne >= rs->n) {
                                snprintf(why, whylen, "%s: [%s] %s= is lost", f->path, ms->name, e->key);
                                return false;
                        }
                        const struct unit_entry *g = &rs->entries[ne++];
                        if (!streq(g->key, e->key) || !streq(g->value, e->value)) {
                                snprintf(why, whylen, "%s: [%s] wrote %s=%.100s, read back %s=%.100s", f->path,
                                         ms->name, e->key, e->value, g->key, g->value);
                                return false;
                        }
                }
                if (rs && ne != rs->n) {
                        snprintf(why, whylen, "%s: [%s] reads back %zu entries, wrote %zu", f->path, ms->name,
                                 rs->n, ne);
                        return false;
                }
                ns += rs != NULL;
        }
        if (ns != u->n) {
                snprintf(why, whylen, "%s: reads back %zu sections, wrote %zu", f->path, u->n, ns);
                return false;
        }
        *ret = u;
        return true;
}

/* The keys of every file, in order: "file [Section] Key\n"... */
static void keys_of(const struct uc_result *r, struct strbuf *out)
{
        strbuf_reset(out);
        for (size_t i = 0; i < r->lowered->n; i++) {
                const struct unit_file *u = r->lowered->files[i].unit;
                for (size_t s = 0; s < u->n; s++)
                        for (size_t k = 0; k < u->sections[s].n; k++)
                                if (!streq(u->sections[s].entries[k].key, "#"))
                                        strbuf_printf(out, "%zu [%s] %s\n", i, u->sections[s].name,
                                                      u->sections[s].entries[k].key);
        }
}

/* Bytes of a diagnostic: printable, tabs and newlines only. */
static bool diag_clean(const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char) s[i];
                if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                        return false;
        }
        return true;
}

static int run_verify(const struct uc_result *r, char *why, size_t whylen)
{
        char dir[128];
        snprintf(dir, sizeof(dir), "%s/v", tmpdir);
        char cmd[512];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s'", dir, dir);
        if (system(cmd) != 0)
                return -1;
        struct strbuf args = STRBUF_INIT;
        for (size_t i = 0; i < r->nfiles; i++) {
                char path[512];
                snprintf(path, sizeof(path), "%s/%s", dir, r->files[i].path);
                char *slash = strrchr(path, '/');
                *slash = '\0';
                mkdir(path, 0755);
                *slash = '/';
                FILE *f = fopen(path, "w");
                if (!f)
                        return -1;
                fwrite(r->files[i].text, 1, r->files[i].len, f);
                fclose(f);
                if (!strchr(r->files[i].path, '/'))
                        strbuf_printf(&args, " '%s'", path);
        }
        if (!args.len && r->nfiles) {
                /* --layout=dropin: the drop-in hardens a vendor's unit; give it one. */
                char path[512];
                snprintf(path, sizeof(path), "%s/%.*s", dir,
                         (int) (strchr(r->files[0].path, '/') - r->files[0].path - 2), r->files[0].path);
                FILE *f = fopen(path, "w");
                if (!f)
                        return -1;
                fputs("[Unit]\nDescription=vendor\n[Service]\nExecStart=/usr/bin/vendor\n", f);
                fclose(f);
                strbuf_printf(&args, " '%s'", path);
        }
        snprintf(cmd, sizeof(cmd), "systemd-analyze verify --man=no%s 2>&1 >/dev/null | "
                 "grep -v -E ': Command .* is not executable: No such file or directory$' | "
                 /* unitc accepts a trailing '$' (machine accounts); systemd too, with a notice */
                 "grep -v -E \"^Accepting user/group name '.*\\\\$', which does not match strict\" | grep -v '^$'",
                 strbuf_str(&args));
        strbuf_free(&args);
        FILE *p = popen(cmd, "r");
        if (!p)
                return -1;
        char out[2048];
        size_t n = fread(out, 1, sizeof(out) - 1, p);
        out[n] = '\0';
        pclose(p);
        if (n) {
                snprintf(why, whylen, "systemd-analyze verify: %s", out);
                return 1;
        }
        return 0;
}

/* Each slot compiled with a plain value, per layout: its keys, and whether it has the key. */
struct baseline {
        char *keys;
        bool has_key;
};
static struct baseline baselines[ARRAY_SIZE(slots)][3];

static void build_baselines(void)
{
        for (size_t i = 0; i < ARRAY_SIZE(slots); i++)
                for (int l = 0; l < 3; l++) {
                        struct strbuf pol = STRBUF_INIT, full = STRBUF_INIT, keys = STRBUF_INIT;
                        const char *plain = slots[i].plain ? slots[i].plain : "plain";
                        build_policy(&slots[i], plain, strlen(plain), ENC_ESCAPED, &pol, &full);
                        struct uc_options opt = { .layout = (enum check_layout) l, .max_errors = 10 };
                        struct uc_result r;
                        if (uc_compile_buffer("prop.pol", pol.s, pol.len, &opt, &r) == UC_EXIT_OK) {
                                keys_of(&r, &keys);
                                baselines[i][l].keys = xstrdup(strbuf_str(&keys));
                                char want[128];
                                snprintf(want, sizeof(want), "[%s] %s\n", slots[i].section, slots[i].key);
                                baselines[i][l].has_key = strstr(strbuf_str(&keys), want) != NULL;
                        } else {
                                struct strbuf d = STRBUF_INIT;
                                diag_render(&r.diags, &d);
                                fprintf(stderr, "slot '%s' layout %d: the plain policy does not compile:\n%s%s",
                                        slots[i].name, l, pol.s, strbuf_str(&d));
                                strbuf_free(&d);
                        }
                        uc_result_free(&r);
                        strbuf_free(&pol);
                        strbuf_free(&full);
                        strbuf_free(&keys);
                }
}

/* Runs one case; returns true when the property holds. */
static bool run_case(const struct slot *sl, const struct value *v, enum enc e, enum check_layout layout,
                     bool verify, struct stats *st, char *why, size_t whylen)
{
        struct strbuf pol = STRBUF_INIT, full = STRBUF_INIT, keys = STRBUF_INIT;
        struct strbuf diag = STRBUF_INIT;
        bool ok = false;
        build_policy(sl, v->s, v->len, e, &pol, &full);
        struct uc_options opt = { .layout = layout, .max_errors = 10 };
        struct uc_result r;
        int rc = uc_compile_buffer("prop.pol", pol.s, pol.len, &opt, &r);
        struct arena *a = arena_new();
        diag_render(&r.diags, &diag);
        if (rc != UC_EXIT_OK) {
                st->rejected++;
                if (rc != UC_EXIT_INPUT)
                        snprintf(why, whylen, "compile returned %d, not 1", rc);
                else if (r.nfiles)
                        snprintf(why, whylen, "failed, yet gave files");
                else if (!strstr(strbuf_str(&diag), "prop.pol:") || !strstr(strbuf_str(&diag), "error: "))
                        snprintf(why, whylen, "failed without a diagnostic naming the file: %s", strbuf_str(&diag));
                else if (!diag_clean(diag.s, diag.len))
                        snprintf(why, whylen, "the diagnostic carries control characters: %.300s", diag.s);
                else
                        ok = true;
                goto out;
        }
        st->compiled++;
        /* The same policy with a plain value: the same directives. */
        const struct baseline *b = &baselines[sl - slots][layout];
        if (!b->keys) {
                snprintf(why, whylen, "the plain policy does not compile (test bug)");
                goto out;
        }
        keys_of(&r, &keys);
        if (!sl->keys_vary && !streq(strbuf_str(&keys), b->keys)) {
                snprintf(why, whylen, "other directives than with a plain value:\n%s---\n%s",
                         strbuf_str(&keys), b->keys);
                goto out;
        }
        /* The intended value. */
        struct strbuf want = STRBUF_INIT;
        strbuf_puts(&want, sl->expect_prefix ? sl->expect_prefix : sl->prefix);
        if (!sl->expect_prefix || *sl->expect_prefix != '/')
                strbuf_add(&want, v->s, v->len);
        strbuf_puts(&want, sl->expect_suffix ? sl->expect_suffix : sl->suffix);
        /* A path's trailing '/' names the same folder: unitc drops it. */
        if (sl->prefix[0] == '/' && !sl->free_value && !*sl->suffix && want.len > 1 && strbuf_str(&want)[want.len - 1] == '/') {
                char *trimmed = arena_strndup(a, strbuf_str(&want), want.len - 1);
                strbuf_reset(&want);
                strbuf_puts(&want, trimmed);
        }
        if (streq(sl->key, "User") && streq(strbuf_str(&want), "0")) {
                strbuf_reset(&want); /* uid 0 is written as root */
                strbuf_puts(&want, "root");
        }
        if (sl->service_name) {
                const char *want_path = arena_printf(a, "%s.service", strbuf_str(&want));
                bool found = false;
                for (size_t i = 0; i < r.nfiles; i++)
                        found |= startswith(r.files[i].path, want_path) &&
                                 (r.files[i].path[strlen(want_path)] == '\0' ||
                                  r.files[i].path[strlen(want_path)] == '.');
                if (!found || !unitfile_name_is_valid(want_path)) {
                        snprintf(why, whylen, "unit file %s: %s", r.files[0].path,
                                 found ? "not a valid unit name" : "not the service's name");
                        strbuf_free(&want);
                        goto out;
                }
        }
        bool seen = false;
        for (size_t i = 0; i < r.nfiles; i++) {
                struct unit_file *u = NULL;
                if (!text_shape_ok(r.files[i].text, r.files[i].len, why, whylen) ||
                    !readback_ok(&r.files[i], r.lowered->files[i].unit, &u, a, why, whylen)) {
                        strbuf_free(&want);
                        goto out;
                }
                const struct unit_section *s = unit_find_section(u, sl->section);
                if (!s)
                        continue;
                /* All values of the key, in order. */
                char **all = NULL;
                size_t nall = 0;
                for (size_t k = 0; k < s->n; k++) {
                        if (!streq(s->entries[k].key, sl->key))
                                continue;
                        if (sl->rule == R_EXEC && nall) /* one command line per entry */
                                continue;
                        char **vals;
                        size_t nvals;
                        if (undo_entry(sl->rule, s->entries[k].value, &vals, &nvals, why, whylen) < 0) {
                                strbuf_free(&want);
                                goto out;
                        }
                        all = xrealloc(all, (nall + nvals + 1) * sizeof(char *));
                        if (nvals)
                                memcpy(all + nall, vals, nvals * sizeof(char *));
                        nall += nvals;
                        free(vals);
                }
                if (nall) {
                        seen = true;
                        size_t idx = sl->index < 0 ? nall - 1 : (size_t) sl->index;
                        bool match = idx < nall && streq(all[idx], strbuf_str(&want));
                        /* A value with blanks in a word list may only be split if the policy
                         * said so: with the escaped or raw string it must stay one word. */
                        if (!match) {
                                struct strbuf got = STRBUF_INIT;
                                for (size_t k = 0; k < nall; k++) {
                                        strbuf_puts(&got, k ? " | " : "");
                                        strbuf_puts(&got, all[k]);
                                }
                                snprintf(why, whylen, "%s: [%s] %s= means {%s}, the policy said '%s' (value %zu)",
                                         r.files[i].path, sl->section, sl->key, strbuf_str(&got),
                                         strbuf_str(&want), idx);
                                strbuf_free(&got);
                        }
                        for (size_t k = 0; k < nall; k++)
                                free(all[k]);
                        free(all);
                        if (!match) {
                                strbuf_free(&want);
                                goto out;
                        }
                }
        }
        strbuf_free(&want);
        if (!seen && b->has_key) {
                snprintf(why, whylen, "[%s] %s= is not in the output", sl->section, sl->key);
                goto out;
        }
        ok = true;
        /* systemd-analyze cannot verify a unit whose name holds ':' ("Couldn't process
         * aliases"), and judges the escape hatch's values, which are the policy's own. */
        if (verify && have_analyze && !sl->free_value && !strchr(r.files[0].path, ':')) {
                int vr = run_verify(&r, why, whylen);
                if (vr < 0)
                        st->verify_skipped++;
                else
                        st->verified++;
                if (vr > 0)
                        ok = false;
        }
out:
        if (!ok && verbose) {
                fprintf(stderr, "--- policy:\n");
                fwrite(pol.s, 1, pol.len, stderr);
                fprintf(stderr, "--- diagnostics:\n%s", strbuf_str(&diag));
                for (size_t i = 0; i < r.nfiles; i++)
                        fprintf(stderr, "--- %s:\n%s", r.files[i].path, r.files[i].text);
        }
        arena_free(a);
        uc_result_free(&r);
        strbuf_free(&pol);
        strbuf_free(&full);
        strbuf_free(&keys);
        strbuf_free(&diag);
        return ok;
}

int main(int argc, char **argv)
{
        unsigned long cases = 10000;
        uint64_t seed = 20261128;
        const char *env;
        if ((env = getenv("PROPERTY_CASES")))
                cases = strtoul(env, NULL, 10);
        if ((env = getenv("PROPERTY_SEED")))
                seed = streq(env, "random") ? (uint64_t) time(NULL) ^ (uint64_t) getpid() : strtoull(env, NULL, 0);
        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "-n") && i + 1 < argc)
                        cases = strtoul(argv[++i], NULL, 10);
                else if (streq(argv[i], "-s") && i + 1 < argc)
                        seed = strtoull(argv[++i], NULL, 0);
                else if (streq(argv[i], "-v"))
                        verbose = true;
                else {
                        fprintf(stderr, "usage: %s [-n CASES] [-s SEED] [-v]\n", argv[0]);
                        return 2;
                }
        }
        printf("property: seed %llu, %lu cases (reproduce: PROPERTY_SEED=%llu PROPERTY_CASES=%lu)\n",
               (unsigned long long) seed, cases, (unsigned long long) seed, cases);
        rng_state = seed ? seed : 1;
        have_analyze = system("command -v systemd-analyze >/dev/null 2>&1") == 0 && !getenv("PROPERTY_NO_VERIFY");
        const char *tmp = getenv("TMPDIR");
        snprintf(tmpdir, sizeof(tmpdir), "%s/unitc-prop-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
        if (!mkdtemp(tmpdir)) {
                perror("mkdtemp");
                return 3;
        }

        unsigned verify_every = getenv("PROPERTY_VERIFY_EVERY") ? (unsigned) strtoul(getenv("PROPERTY_VERIFY_EVERY"), NULL, 10) : VERIFY_EVERY;
        unsigned verify_max = getenv("PROPERTY_VERIFY_EVERY") ? UINT32_MAX : VERIFY_MAX;
        if (!verify_every)
                verify_every = 1;
        build_baselines();
        struct stats st = { 0 };
        unsigned shown = 0, compiled_seen = 0;
        for (unsigned long c = 0; c < cases; c++) {
                const struct slot *sl = &slots[rnd(ARRAY_SIZE(slots))];
                enum enc e = (enum enc) rnd(_ENC_MAX);
                if (e == ENC_BARE && !sl->bare_ok)
                        e = ENC_ESCAPED;
                /* Escaped strings most often: they reach furthest. */
                if (e == ENC_RAW && rnd(2))
                        e = ENC_ESCAPED;
                struct value v;
                random_value(&v);
                if (e == ENC_BARE)
                        make_bare(&v);
                enum check_layout layout = (enum check_layout) rnd(3);
                unsigned before = st.compiled;
                bool verify = false;
                char why[4096] = "";
                bool ok = run_case(sl, &v, e, layout, false, &st, why, sizeof(why));
                if (ok && st.compiled > before && ++compiled_seen % verify_every == 0 &&
                    st.verified < verify_max) {
                        /* Verify this one (compiled again, with the verification). */
                        verify = true;
                        st.compiled--;
                        ok = run_case(sl, &v, e, layout, true, &st, why, sizeof(why));
                }
                size_t si = (size_t) (sl - slots);
                st.per_slot_n[si]++;
                st.per_slot_ok[si] += st.compiled > before;
                if (ok) {
                        st.pass++;
                        continue;
                }
                st.fail++;
                if (shown++ < (getenv("PROPERTY_SHOW") ? strtoul(getenv("PROPERTY_SHOW"), NULL, 10) : FAIL_SHOW)) {
                        printf("FAIL case %lu: slot '%s', %s, layout %d%s, value ", c, sl->name, enc_names[e],
                               layout, verify ? " (verify)" : "");
                        show_bytes(stdout, v.s, v.len);
                        printf("\n  %s\n", why);
                }
        }
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
                fprintf(stderr, "cannot remove %s\n", tmpdir);
        printf("property: %u compiled and checked, %u refused with a diagnostic, %u verified by systemd-analyze%s\n",
               st.compiled, st.rejected, st.verified, have_analyze ? "" : " (systemd-analyze missing)");
        if (getenv("PROPERTY_SLOTS"))
                for (size_t i = 0; i < ARRAY_SIZE(slots); i++)
                        printf("  %-20s %u cases, %u compiled\n", slots[i].name, st.per_slot_n[i], st.per_slot_ok[i]);
        printf("property: %u passed, %u failed\n", st.pass, st.fail);
        return st.fail ? 1 : 0;
}

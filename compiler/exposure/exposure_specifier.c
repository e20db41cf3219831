/* exposure_specifier.c - unit_full_printf() for the scorer: systemd's specifiers
 * (specifier.c, unit-printf.c), expanded the way the parsers of load-fragment.c call them. */
#include "base/prelude.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure_load.h"
#include "exposure/exposure_specifier.h"
#include "unit/unit.h"

/* Unit name parts for specifiers: "pre-fix@inst.type". */
static void exposure_unescape(struct strbuf *b, const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                if (s[i] == '-')
                        strbuf_putc(b, '/');
                else if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x') {
                        char hex[3] = { s[i + 2], s[i + 3], 0 };
                        strbuf_putc(b, (char) strtol(hex, NULL, 16));
                        i += 3;
                } else
                        strbuf_putc(b, s[i]);
        }
}

/* The value of a key in os-release ("" if absent). */
static const char *exposure_os_release(struct arena *a, const char *key)
{
        FILE *f = fopen("/etc/os-release", "re");
        if (!f)
                f = fopen("/usr/lib/os-release", "re");
        if (!f)
                return "";
        char line[512];
        const char *r = "";
        size_t k = strlen(key);
        while (fgets(line, sizeof(line), f))
                if (strncmp(line, key, k) == 0 && line[k] == '=') {
                        char *v = line + k + 1;
                        v[strcspn(v, "\n")] = '\0';
                        size_t n = strlen(v);
                        if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                                v[n - 1] = '\0';
                                v++;
                        }
                        r = arena_strdup(a, v);
                        break;
                }
        fclose(f);
        return r;
}

/* The first line of a file ("" if unreadable), without dashes when strip_dashes. */
static const char *exposure_file_line(struct arena *a, const char *path, bool strip_dashes)
{
        FILE *f = fopen(path, "re");
        char line[256] = "";
        if (f) {
                if (!fgets(line, sizeof(line), f))
                        line[0] = '\0';
                fclose(f);
        }
        line[strcspn(line, "\n")] = '\0';
        char *r = arena_strdup(a, line), *o = r;
        for (const char *q = line; *q; q++)
                if (!strip_dashes || *q != '-')
                        *o++ = *q;
        *o = '\0';
        return r;
}

/* A specifier that does not depend on the unit name; NULL if unknown. */
static const char *exposure_specifier(struct exposure_ctx *c, char x)
{
        struct arena *a = c->arena;
        const char *home = getenv("HOME"), *runtime = getenv("XDG_RUNTIME_DIR");
        bool user = c->user_scope;
        char host[256] = "";
        struct utsname un;
        switch (x) {
        case 'u':
        case 'g':
                if (!user)
                        return "root";
                {
                        struct passwd *pw = getpwuid(getuid());
                        struct group *gr = getgrgid(getgid());
                        if (x == 'u')
                                return pw ? arena_strdup(a, pw->pw_name) : arena_printf(a, "%u", (unsigned) getuid());
                        return gr ? arena_strdup(a, gr->gr_name) : arena_printf(a, "%u", (unsigned) getgid());
                }
        case 'U':
                return user ? arena_printf(a, "%u", (unsigned) getuid()) : "0";
        case 'G':
                return user ? arena_printf(a, "%u", (unsigned) getgid()) : "0";
        case 'h':
                return user && home ? home : "/root";
        case 's':
                return "/bin/sh";
        case 't':
                return user ? (runtime ? runtime : "") : "/run";
        case 'S':
                return user ? arena_printf(a, "%s/.local/state", home ? home : "") : "/var/lib";
        case 'C':
                return user ? arena_printf(a, "%s/.cache", home ? home : "") : "/var/cache";
        case 'L':
                return user ? arena_printf(a, "%s/.local/state/log", home ? home : "") : "/var/log";
        case 'E':
                return user ? arena_printf(a, "%s/.config", home ? home : "") : "/etc";
        case 'T':
                return "/tmp";
        case 'V':
                return "/var/tmp";
        case 'd':
                return arena_printf(a, "%s/credentials/%s", user ? (runtime ? runtime : "") : "/run", c->id);
        case 'H':
        case 'l':
        case 'q':
                (void) gethostname(host, sizeof(host) - 1);
                if (x == 'l')
                        host[strcspn(host, ".")] = '\0';
                return arena_strdup(a, host);
        case 'm':
                return exposure_file_line(a, "/etc/machine-id", false);
        case 'b':
                return exposure_file_line(a, "/proc/sys/kernel/random/boot_id", true);
        case 'v':
                return uname(&un) == 0 ? arena_strdup(a, un.release) : "";
        case 'a':
                return "x86-64";
        case 'o':
                return exposure_os_release(a, "ID");
        case 'w':
                return exposure_os_release(a, "VERSION_ID");
        case 'B':
                return exposure_os_release(a, "BUILD_ID");
        case 'W':
                return exposure_os_release(a, "VARIANT_ID");
        case 'A':
                return exposure_os_release(a, "IMAGE_VERSION");
        case 'M':
                return exposure_os_release(a, "IMAGE_ID");
        case 'c': /* deprecated cgroup specifiers, as offline mode expands them */
                return arena_printf(a, "/%s", c->id);
        case 'r':
        case 'R':
                return "";
        case 'y':
        case 'Y':
                return "/"; /* the fragment's path or directory: only its shape matters here */
        default:
                return NULL;
        }
}

/* Expands specifiers as unit_full_printf() does; NULL on an unknown one (a fatal error). */
const char *exposure_expand(struct exposure_ctx *c, const char *v)
{
        if (!strchr(v, '%'))
                return v;
        const char *id = c->id, *at = strchr(id, '@'), *dot = strrchr(id, '.');
        const char *pend = at ? at : dot;
        struct strbuf b = STRBUF_INIT;
        for (const char *s = v; *s; s++) {
                if (*s != '%') {
                        strbuf_putc(&b, *s);
                        continue;
                }
                s++;
                const char *dash, *other;
                switch (*s) {
                case '\0':
                        strbuf_putc(&b, '%');
                        s--;
                        break;
                case '%':
                        strbuf_putc(&b, '%');
                        break;
                case 'n':
                        strbuf_puts(&b, id);
                        break;
                case 'N':
                        strbuf_add(&b, id, (size_t) (dot - id));
                        break;
                case 'p':
                        strbuf_add(&b, id, (size_t) (pend - id));
                        break;
                case 'P':
                        exposure_unescape(&b, id, (size_t) (pend - id));
                        break;
                case 'i':
                        if (at)
                                strbuf_add(&b, at + 1, (size_t) (dot - at - 1));
                        break;
                case 'I':
                        if (at)
                                exposure_unescape(&b, at + 1, (size_t) (dot - at - 1));
                        break;
                case 'f':
                        strbuf_putc(&b, '/');
                        if (at && at + 1 < dot)
                                exposure_unescape(&b, at + 1, (size_t) (dot - at - 1));
                        else
                                exposure_unescape(&b, id, (size_t) (pend - id));
                        break;
                case 'j':
                case 'J':
                        dash = pend;
                        while (dash > id && dash[-1] != '-')
                                dash--;
                        if (*s == 'j')
                                strbuf_add(&b, dash, (size_t) (pend - dash));
                        else
                                exposure_unescape(&b, dash, (size_t) (pend - dash));
                        break;
                default:
                        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) {
                                strbuf_putc(&b, '%'); /* not a specifier: kept as it is */
                                strbuf_putc(&b, *s);
                                break;
                        }
                        other = exposure_specifier(c, *s);
                        if (!other) {
                                strbuf_free(&b);
                                return NULL;
                        }
                        strbuf_puts(&b, other);
                }
        }
        char *r = arena_strdup(c->arena, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

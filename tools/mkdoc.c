/* mkdoc - prints the manual pages' lists from the compiler's own tables, as mdoc fragments,
 * so that a row added to a table is in the manual the next time it is built. The Makefile
 * splices its output into the page sources under doc/ (tools/splice.awk): a line `@mkdoc WHAT [ARGS]@` of a
 * page source becomes what `mkdoc WHAT [ARGS]` prints.
 *
 *   mkdoc needs               every `needs` word: its form, help, what it relaxes and brings
 *   mkdoc capabilities        every capability with its plain words and what it brings
 *   mkdoc directives          every directive unitc manages, its section, the systemd version
 *                             that added it and how a per-user manager treats it
 *   mkdoc escape-allowed      what `directive SECTION KEY VALUE` may set, with its value
 *   mkdoc escape-refused      what the escape hatch refuses, and why
 *   mkdoc baseline            the strict sandbox's directives, and the needs that relax each
 *   mkdoc owner-paths         the paths `writes` refuses, and what their writer gains
 *   mkdoc words LIST [PUNCT]  one table of words as `.Cm a , b , c PUNCT`: types, restarts,
 *                             owns, limits, install, namespaces, netlink, periods, weekdays,
 *                             signals, meanings, syscall-groups, priorities, priority-classes,
 *                             time-units
 *   mkdoc lines FILE [PUNCT] the words of FILE, one a line, as `.Cm a , b , c PUNCT` (the
 *                             grammar's keywords, which the Makefile takes from the lexer)
 *   mkdoc plain needs|capabilities
 *                             the needs words or the capability names, space-separated, for
 *                             the vim syntax file
 *   mkdoc stdlib FILE...      each profile of the stdlib with the comment that opens its file
 *
 * A tool, not the library: it may print. Exits 2 on a bad command line, 3 on an unreadable
 * file. */
#include "base/prelude.h"

#include <stdio.h>

#include "passes/lower.h"
#include "systemd/tables.h"
#include "base/strbuf.h"
#include "base/arena.h"
#include "front/diag.h"
#include "systemd/syscall_groups.h"
#include "systemd/target.h"
#include "systemd/versions.h"

/* Text for mdoc text lines: a backslash is \e, a line may not start with '.' or '\'', a
 * sentence that ends inside the text ends its line (roff's rule: new sentence, new line),
 * and lines are broken at a space before 78 columns. Ends without a newline. */
static void text(const char *s)
{
        size_t col = 0;
        while (*s) {
                size_t n = strcspn(s, " ");
                if (col && col + 1 + n > 78) {
                        putchar('\n');
                        col = 0;
                } else if (col) {
                        putchar(' ');
                        col++;
                }
                if (!col && (*s == '.' || *s == '\''))
                        col += (size_t) printf("\\&");
                for (size_t i = 0; i < n; i++)
                        col += (size_t) (s[i] == '\\' ? printf("\\e") : printf("%c", s[i]));
                bool eos = n && strchr(".?!", s[n - 1]) && s[n] == ' ' && s[n + 1 + strspn(s + n + 1, " ")] >= 'A' &&
                           s[n + 1 + strspn(s + n + 1, " ")] <= 'Z';
                s += n;
                s += strspn(s, " ");
                if (eos) {
                        putchar('\n');
                        col = 0;
                }
        }
}

/* One argument of a macro line: quoted, so spaces and punctuation stay literal. */
static void arg(const char *s)
{
        putchar('"');
        for (; *s; s++) {
                if (*s == '\\')
                        fputs("\\e", stdout);
                else if (*s == '"')
                        fputs("\\(dq", stdout);
                else
                        putchar(*s);
        }
        putchar('"');
}

/* "LABEL" on a text line, then the space-separated list as `.Cm "a" , "b" .` */
static void brings(const char *label, const char *list)
{
        printf("%s\n.Cm", label);
        bool first = true;
        for (const char *p = list; *p;) {
                size_t n = strcspn(p, " ");
                if (n) {
                        printf("%s \"%.*s\"", first ? "" : " ,", (int) n, p);
                        first = false;
                }
                p += n;
                p += strspn(p, " ");
        }
        puts(" .");
}

/* What a set of relaxations turns off: the strict baseline's directives, one `.Va` each.
 * A relaxation with no baseline row widens the system call filter instead. */
static void relaxes(uint32_t bits)
{
        bool first = true;
        for (unsigned r = 0; r < _RELAX_MAX; r++) {
                if (!(bits & (UINT32_C(1) << r)))
                        continue;
                for (size_t i = 0; i < lower_baseline_len; i++) {
                        if (lower_baseline[i].relaxed_by != (int) r)
                                continue;
                        printf("%s.Va %s=%s", first ? "Turns off\n" : " ,\n", lower_baseline[i].key,
                               lower_baseline[i].strict);
                        first = false;
                }
        }
        if (!first)
                puts(" .");
        for (unsigned r = 0; r < _RELAX_MAX; r++) {
                if (!(bits & (UINT32_C(1) << r)))
                        continue;
                bool any = false;
                for (size_t i = 0; i < lower_baseline_len && !any; i++)
                        any = lower_baseline[i].relaxed_by == (int) r;
                if (any)
                        continue;
                if (r == RELAX_RESOURCES)
                        puts("Allows the\n.Ql @resources\nsystem calls.");
                else
                        printf("Relaxes\n.Ql %s .\n", relax_name((enum relax) r));
        }
}

static const char *needs_form(enum needs_args a)
{
        switch (a) {
        case NEEDS_NO_ARGS:
                return NULL;
        case NEEDS_CAPABILITIES:
                return "NAME ...";
        case NEEDS_SYSCALLS:
                return "NAME|@GROUP ...";
        case NEEDS_NAMESPACES:
                return "TYPE ...";
        case NEEDS_DEVICE:
                return "/dev/PATH [r|rw|rwm]";
        case NEEDS_NETLINK:
                return "[FAMILY ...]";
        }
        return NULL;
}

static void print_needs(void)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < needs_table_len; i++) {
                const struct needs_info *n = &needs_table[i];
                printf(".It Cm needs %s", n->word);
                const char *form = needs_form(n->args);
                if (form) {
                        printf(" Ar ");
                        arg(form);
                }
                putchar('\n');
                char *help;
                if (asprintf(&help, "%s.", n->help) < 0)
                        return;
                text(help);
                free(help);
                putchar('\n');
                if (n->relaxes)
                        relaxes(n->relaxes);
                if (n->capabilities)
                        brings("Brings the capabilities", n->capabilities);
                if (n->syscalls)
                        brings("Allows the system calls", n->syscalls);
                if (n->families)
                        brings("Allows the address families", n->families);
                if (n->devices)
                        brings("Allows the devices (read-only)", n->devices);
        }
        puts(".El");
}

static void print_capabilities(void)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < cap_table_len; i++) {
                const struct cap_info *c = &cap_table[i];
                printf(".It Cm %s\n", c->name);
                char *what, up[64];
                size_t k = 0;
                for (; c->name[k] && k < sizeof(up) - 1; k++)
                        up[k] = (char) (c->name[k] >= 'a' && c->name[k] <= 'z' ? c->name[k] - 'a' + 'A' : c->name[k]);
                up[k] = '\0';
                if (asprintf(&what, "%s (CAP_%s, bit %u).", c->what, up, c->bit) < 0)
                        return;
                text(what);
                free(what);
                putchar('\n');
                if (c->relaxes)
                        relaxes(c->relaxes);
                if (c->syscalls)
                        brings("Allows the system calls", c->syscalls);
        }
        puts(".El");
}

/* The strict baseline: each directive's strict value, why, and which needs relax it. */
static void print_baseline(void)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < lower_baseline_len; i++) {
                const struct baseline_row *b = &lower_baseline[i];
                printf(".It Va %s=%s\n", b->key, b->strict);
                char *reason;
                if (asprintf(&reason, "%s%s", b->reason, b->relaxed_by < 0 ? "; no statement relaxes it." : ".") < 0)
                        return;
                text(reason);
                free(reason);
                putchar('\n');
                if (b->relaxed_by < 0)
                        continue;
                uint32_t bit = UINT32_C(1) << b->relaxed_by;
                fputs("Turned off by", stdout);
                bool first = true;
                for (size_t k = 0; k < needs_table_len; k++)
                        if (needs_table[k].relaxes & bit) {
                                printf("%s\n.Cm needs %s", first ? "" : " ,", needs_table[k].word);
                                first = false;
                        }
                for (size_t k = 0; k < cap_table_len; k++)
                        if (cap_table[k].relaxes & bit) {
                                printf("%s\n.Cm needs capability %s", first ? "" : " ,", cap_table[k].name);
                                first = false;
                        }
                puts(first ? " the statements described below that need it." : " .");
        }
        puts(".El");
}

static const char *user_words(const struct directive_info *d)
{
        switch (d->user) {
        case USER_OK:
                return "works the same in a per-user manager";
        case USER_NS:
                return "needs PrivateUsers=yes in a per-user manager";
        case USER_CAP:
                return "touches the bounding set: needs PrivateUsers=yes in a per-user manager";
        case USER_SYS:
                return "system services only: left out of a per-user unit";
        case USER_BPF:
                return "cgroup BPF: not enforced in a per-user manager";
        case USER_FAILS:
                return NULL;
        }
        return NULL;
}

static void print_directives(void)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < directive_table_len; i++) {
                const struct directive_info *d = &directive_table[i];
                const char *u = user_words(d);
                printf(".It Va %s= Pq \\&[%s], systemd %u\n", d->key, d->section, d->since);
                char *cell;
                if (asprintf(&cell, "%s%s%s.", u ? u : "left out of a per-user unit: ", u ? "" : d->user_why,
                             d->enforced_252 ? "" : "; Debian 12's systemd ignores it (built without the BPF framework)") < 0)
                        return;
                cell[0] = (char) (cell[0] >= 'a' && cell[0] <= 'z' ? cell[0] - 'a' + 'A' : cell[0]);
                text(cell);
                free(cell);
                putchar('\n');
        }
        puts(".El");
}

static const char *escape_value_words(const struct escape_info *e)
{
        switch (e->value) {
        case ESC_TEXT:
                return "text, as systemd reads it";
        case ESC_BOOL:
                return "yes or no";
        case ESC_SPAN:
                return "a time span";
        case ESC_UNITS:
                return "unit names";
        case ESC_WORDS:
                return NULL;
        case ESC_NUMBER:
                return "a number";
        case ESC_SIGNAL:
                return "a signal";
        }
        return NULL;
}

static void print_escape(bool refused)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < escape_table_len; i++) {
                const struct escape_info *e = &escape_table[i];
                if (!!e->refused != refused)
                        continue;
                char *cell;
                if (refused) {
                        printf(".It Va %s= Pq \\&[%s]\n", e->key, e->section);
                        if (asprintf(&cell, "%s.", e->refused) < 0)
                                return;
                } else {
                        printf(".It Va %s= Pq \\&[%s], systemd %u\n", e->key, e->section, e->since);
                        const char *w = escape_value_words(e);
                        if (asprintf(&cell, "%s%s.", w ? w : "one of: ", w ? "" : e->words) < 0)
                                return;
                }
                cell[0] = (char) (cell[0] >= 'a' && cell[0] <= 'z' ? cell[0] - 'a' + 'A' : cell[0]);
                text(cell);
                free(cell);
                putchar('\n');
        }
        puts(".El");
}

static void print_owner_paths(void)
{
        puts(".Bl -tag -width Ds");
        for (size_t i = 0; i < owner_paths_len; i++) {
                const struct owner_path *o = &owner_paths[i];
                if (strncmp(o->path, "%h/", 3) == 0)
                        printf(".It Pa ~/%s\n", o->path + 3);
                else
                        printf(".It Pa %s\n", o->path);
                char *why;
                if (asprintf(&why, "%s%s", o->why, o->home ? " (a per-user service)." : ".") < 0)
                        return;
                text(why);
                free(why);
                putchar('\n');
        }
        puts(".El");
}

/* A list of words as one macro line: `.Cm "a" , "b" , "c" PUNCT`. */
static void cm_list(const char *const *w, size_t n, size_t stride, const char *punct)
{
        fputs(".Cm", stdout);
        for (size_t i = 0; i < n; i++) {
                const char *s = *(const char *const *) (const void *) ((const char *) w + i * stride);
                bool dup = false;
                for (size_t k = 0; k < i && !dup; k++)
                        dup = streq(s, *(const char *const *) (const void *) ((const char *) w + k * stride));
                if (dup)
                        continue;
                printf("%s ", i ? " ," : "");
                arg(s);
        }
        if (punct)
                printf(" %s", punct);
        putchar('\n');
}

#define CM_TABLE(t, len, field, punct) cm_list(&(t)[0].field, (len), sizeof((t)[0]), (punct))
#define CM_NAMES(t, len, punct) cm_list((t), (len), sizeof((t)[0]), (punct))

static int cmp_strings(const void *a, const void *b)
{
        return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static int print_words(const char *list, const char *punct)
{
        if (streq(list, "types"))
                CM_NAMES(service_type_names, service_type_names_len, punct);
        else if (streq(list, "restarts"))
                CM_NAMES(restart_names, restart_names_len, punct);
        else if (streq(list, "owns"))
                CM_TABLE(owns_table, owns_table_len, word, punct);
        else if (streq(list, "limits"))
                CM_TABLE(limit_table, limit_table_len, word, punct);
        else if (streq(list, "install"))
                CM_TABLE(install_table, install_table_len, word, punct);
        else if (streq(list, "namespaces"))
                CM_NAMES(namespace_names, namespace_names_len, punct);
        else if (streq(list, "netlink"))
                CM_NAMES(netlink_family_names, netlink_family_names_len, punct);
        else if (streq(list, "periods"))
                CM_NAMES(schedule_periods, schedule_periods_len, punct);
        else if (streq(list, "weekdays"))
                CM_NAMES(weekday_names, weekday_names_len, punct);
        else if (streq(list, "signals"))
                CM_NAMES(reload_signals, reload_signals_len, punct);
        else if (streq(list, "meanings"))
                CM_TABLE(exit_meaning_table, exit_meaning_table_len, word, punct);
        else if (streq(list, "syscall-groups")) {
                /* The groups every version unitc targets knows: the oldest's, sorted. */
                const struct syscall_table *t = sd_profiles[0].syscalls;
                const char **sorted = xmalloc(t->n_groups * sizeof(*sorted));
                memcpy(sorted, t->group_names, t->n_groups * sizeof(*sorted));
                qsort(sorted, t->n_groups, sizeof(*sorted), cmp_strings);
                cm_list(sorted, t->n_groups, sizeof(*sorted), punct);
                free(sorted);
        }
        else if (streq(list, "priorities"))
                CM_TABLE(priority_table, priority_table_len, word, punct);
        else if (streq(list, "priority-classes"))
                CM_TABLE(priority_class_table, priority_class_table_len, word, punct);
        else if (streq(list, "time-units"))
                CM_TABLE(time_unit_table, time_unit_table_len, word, punct);
        else if (streq(list, "home-roots"))
                CM_NAMES(home_roots, home_roots_len, punct);
        else
                return -1;
        return 0;
}

static int print_lines(const char *file, const char *punct)
{
        FILE *f = fopen(file, "r");
        if (!f) {
                fprintf(stderr, "mkdoc: %s: cannot open\n", file);
                return 3;
        }
        char line[256];
        const char *w[512];
        size_t n = 0;
        while (n < ARRAY_SIZE(w) && fgets(line, sizeof(line), f)) {
                line[strcspn(line, "\n")] = '\0';
                if (line[0])
                        w[n++] = xstrdup(line);
        }
        fclose(f);
        if (!n) {
                fprintf(stderr, "mkdoc: %s: no words\n", file);
                return 3;
        }
        CM_NAMES(w, n, punct);
        for (size_t i = 0; i < n; i++)
                free((char *) w[i]);
        return 0;
}

/* `# name: what it gives ...` up to the `profile` line: the profile's own description. */
static int print_stdlib(int n, char **files)
{
        if (n <= 0) {
                fprintf(stderr, "mkdoc: stdlib: no profile files\n");
                return 2;
        }
        puts(".Bl -tag -width Ds");
        for (int i = 0; i < n; i++) {
                FILE *f = fopen(files[i], "r");
                if (!f) {
                        fprintf(stderr, "mkdoc: %s: cannot open\n", files[i]);
                        return 3;
                }
                const char *base = strrchr(files[i], '/');
                base = base ? base + 1 : files[i];
                size_t len = strlen(base);
                if (len > 4 && streq(base + len - 4, ".pol"))
                        len -= 4;
                printf(".It Cm %.*s\n", (int) len, base);
                char line[1024];
                bool first = true;
                while (fgets(line, sizeof(line), f) && line[0] == '#') {
                        char *s = line + 1;
                        s += strspn(s, " ");
                        s[strcspn(s, "\n")] = '\0';
                        if (first && strncmp(s, base, len) == 0 && s[len] == ':') {
                                s += len + 1;
                                s += strspn(s, " ");
                        }
                        first = false;
                        if (*s) {
                                text(s);
                                putchar('\n');
                        }
                }
                fclose(f);
        }
        puts(".El");
        return 0;
}

/* The target profiles, each read as the compiler reads it: name, distribution, version and
 * build features. */
static int print_targets(int n, char **files)
{
        if (n <= 0) {
                fprintf(stderr, "mkdoc: targets: no profile files\n");
                return 2;
        }
        puts(".Bl -tag -width Ds");
        for (int i = 0; i < n; i++) {
                struct arena *a = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 0);
                const struct target *t = target_load(a, &q, files[i], NULL);
                if (!t) {
                        struct strbuf b = STRBUF_INIT;
                        diag_render(&q, &b);
                        fprintf(stderr, "mkdoc: %s", strbuf_str(&b));
                        strbuf_free(&b);
                        return 3;
                }
                /* One clause a line: mandoc wants lines of at most 80 bytes. */
                printf(".It Cm %s\n%s:\nsystemd %u,\n%s the BPF framework%s\n", t->name, t->distribution, t->systemd,
                       t->bpf_framework ? "with" : "without", t->unprivileged_userns && !t->bpf_lsm ? "." : ";");
                if (!t->unprivileged_userns)
                        printf("unprivileged user namespaces are off%s\n", t->bpf_lsm ? ";" : ".");
                if (t->bpf_lsm)
                        puts("the kernel's BPF LSM is on.");
                diag_queue_free(&q);
                arena_free(a);
        }
        puts(".El");
        return 0;
}

int main(int argc, char **argv)
{
        const char *what = argc > 1 ? argv[1] : "";
        if (streq(what, "needs"))
                print_needs();
        else if (streq(what, "capabilities"))
                print_capabilities();
        else if (streq(what, "directives"))
                print_directives();
        else if (streq(what, "escape-allowed"))
                print_escape(false);
        else if (streq(what, "escape-refused"))
                print_escape(true);
        else if (streq(what, "baseline"))
                print_baseline();
        else if (streq(what, "owner-paths"))
                print_owner_paths();
        else if (streq(what, "words") && argc >= 3 && argc <= 4) {
                if (print_words(argv[2], argc == 4 ? argv[3] : NULL) < 0) {
                        fprintf(stderr, "mkdoc: no list '%s'\n", argv[2]);
                        return 2;
                }
        } else if (streq(what, "lines") && argc >= 3 && argc <= 4) {
                return print_lines(argv[2], argc == 4 ? argv[3] : NULL);
        } else if (streq(what, "plain") && argc == 3 && streq(argv[2], "needs")) {
                for (size_t i = 0; i < needs_table_len; i++)
                        printf("%s%s", i ? " " : "", needs_table[i].word);
                putchar('\n');
        } else if (streq(what, "plain") && argc == 3 && streq(argv[2], "capabilities")) {
                for (size_t i = 0; i < cap_table_len; i++)
                        printf("%s%s", i ? " " : "", cap_table[i].name);
                putchar('\n');
        } else if (streq(what, "stdlib"))
                return print_stdlib(argc - 2, argv + 2);
        else if (streq(what, "targets"))
                return print_targets(argc - 2, argv + 2);
        else {
                fprintf(stderr, "usage: mkdoc needs|capabilities|directives|escape-allowed|"
                                "escape-refused|baseline|owner-paths|words LIST [PUNCT]|lines FILE [PUNCT]|\n"
                                "plain needs|capabilities|stdlib FILE...\n");
                return 2;
        }
        return fflush(stdout) == 0 ? 0 : 3;
}

/* cli_check.c - `unitc check [--user] [--json=short|pretty|off] [--threshold=N]
 * [--systemd-version=V] UNIT...`: the output of `systemd-analyze security --offline=true
 * --no-pager` with the same arguments, and its exit status. */
#include "base/prelude.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "cli/cli_check.h"
#include "front/diag.h"
#include "exposure/exposure.h"
#include "base/strbuf.h"
#include "systemd/target.h"
#include "systemd/versions.h"
#include "unit/unit.h"
#include "unit/unitfile.h"

enum cli_check_json {
        CLI_CHECK_JSON_OFF,
        CLI_CHECK_JSON_SHORT,
        CLI_CHECK_JSON_PRETTY,
};

struct cli_check_args {
        bool user;
        enum cli_check_json json;
        unsigned threshold;
        unsigned version;
        const char *target;  /* --target=NAME: the version is the target's */
};

/* systemd's is_locale_utf8(): $SYSTEMD_UTF8, then the codeset, and a plain "C" locale that
 * nobody asked for explicitly counts as UTF-8. */
static bool cli_check_locale_utf8(void)
{
        const char *e = getenv("SYSTEMD_UTF8");
        if (e) {
                if (streq(e, "1") || streq(e, "yes") || streq(e, "true") || streq(e, "on"))
                        return true;
                if (streq(e, "0") || streq(e, "no") || streq(e, "false") || streq(e, "off"))
                        return false;
        }
        const char *set = nl_langinfo(CODESET);
        if (!set || streq(set, "UTF-8"))
                return true;
        set = setlocale(LC_CTYPE, NULL);
        if (!set)
                return true;
        return (streq(set, "C") || streq(set, "POSIX")) && !getenv("LC_ALL") && !getenv("LC_CTYPE") &&
               !getenv("LANG");
}

static void cli_check_usage(FILE *f)
{
        fputs("Usage: unitc check [--user] [--json=short|pretty|off] [--threshold=N]\n"
              "                   [--systemd-version=VERSION | --target=NAME] UNIT...\n"
              "Scores unit files like `systemd-analyze security --offline=true`.\n",
              f);
}

static bool cli_check_parse_uint(const char *s, unsigned max, unsigned *ret)
{
        char *end;
        if (!*s || *s == '-' || *s == '+')
                return false;
        unsigned long v = strtoul(s, &end, 10);
        if (*end || v > max)
                return false;
        *ret = (unsigned) v;
        return true;
}

static int cli_check_parse(int argc, char **argv, struct cli_check_args *a)
{
        enum { OPT_JSON = 0x100, OPT_THRESHOLD, OPT_VERSION, OPT_USER, OPT_SYSTEM, OPT_IGNORE, OPT_TARGET };
        static const struct option options[] = {
                { "help", no_argument, NULL, 'h' },
                { "user", no_argument, NULL, OPT_USER },
                { "system", no_argument, NULL, OPT_SYSTEM },
                { "json", required_argument, NULL, OPT_JSON },
                { "threshold", required_argument, NULL, OPT_THRESHOLD },
                { "systemd-version", required_argument, NULL, OPT_VERSION },
                { "target", required_argument, NULL, OPT_TARGET },
                /* accepted for symmetry with systemd-analyze's command line */
                { "offline", required_argument, NULL, OPT_IGNORE },
                { "no-pager", no_argument, NULL, OPT_IGNORE },
                {},
        };
        *a = (struct cli_check_args) { .threshold = 100, .version = 252 };
        optind = 0;
        opterr = 0;
        /* No '+': like systemd-analyze, options may follow the unit names. */
        for (int c; (c = getopt_long(argc, argv, "h", options, NULL)) >= 0;) {
                switch (c) {
                case 'h':
                        cli_check_usage(stdout);
                        return 0;
                case OPT_USER:
                        a->user = true;
                        break;
                case OPT_SYSTEM:
                        a->user = false;
                        break;
                case OPT_JSON:
                        if (streq(optarg, "off"))
                                a->json = CLI_CHECK_JSON_OFF;
                        else if (streq(optarg, "short"))
                                a->json = CLI_CHECK_JSON_SHORT;
                        else if (streq(optarg, "pretty"))
                                a->json = CLI_CHECK_JSON_PRETTY;
                        else {
                                fprintf(stderr, "unitc check: unknown argument to --json=: %s (use short, pretty or off)\n",
                                        optarg);
                                return -1;
                        }
                        break;
                case OPT_THRESHOLD:
                        if (!cli_check_parse_uint(optarg, 100, &a->threshold)) {
                                fprintf(stderr, "unitc check: --threshold= wants an integer from 0 to 100: %s\n",
                                        optarg);
                                return -1;
                        }
                        break;
                case OPT_VERSION: {
                        unsigned v;
                        if (!cli_check_parse_uint(optarg, 100000, &v) || !sd_version_known(v)) {
                                fprintf(stderr, "unitc check: --systemd-version= must be ");
                                for (size_t i = 0; i < sd_profiles_len; i++)
                                        fprintf(stderr, "%u%s", sd_profiles[i].version,
                                                i + 2 < sd_profiles_len ? ", " : i + 1 < sd_profiles_len ? " or " : "");
                                fprintf(stderr, ": %s\n", optarg);
                                return -1;
                        }
                        a->version = exposure_model_version(v);
                        break;
                }
                case OPT_TARGET:
                        if (a->target) {
                                fprintf(stderr, "unitc check: --target given twice\n");
                                return -1;
                        }
                        a->target = optarg;
                        break;
                case OPT_IGNORE:
                        break;
                default:
                        fprintf(stderr, "unitc check: unknown option '%s'\n", argv[optind - 1]);
                        cli_check_usage(stderr);
                        return -1;
                }
        }
        if (optind >= argc) {
                fputs("unitc check: no unit files given\n", stderr);
                cli_check_usage(stderr);
                return -1;
        }
        return 1;
}

int cli_check(int argc, char **argv, const char *const *stdlib, size_t nstdlib)
{
        struct cli_check_args args;
        int r = cli_check_parse(argc, argv, &args);
        if (r <= 0)
                return r == 0 ? UC_EXIT_OK : UC_EXIT_USAGE;
        /* --target: the scoring model of the target's systemd (the newest profile not newer). */
        if (args.target) {
                struct arena *ta = arena_new();
                struct diag_queue q;
                diag_queue_init(&q, 0);
                const struct target *t = streq(args.target, "host") ? target_host(ta, &q)
                                                                    : target_find(ta, &q, args.target, stdlib, nstdlib, NULL);
                if (t)
                        args.version = exposure_model_version(t->systemd);
                struct strbuf b = STRBUF_INIT;
                diag_render(&q, &b);
                fputs(strbuf_str(&b), stderr);
                strbuf_free(&b);
                diag_queue_free(&q);
                arena_free(ta);
                if (!t)
                        return UC_EXIT_USAGE;
        }

        setlocale(LC_ALL, "");
        /* Messages about many failing units would otherwise cost a write each. */
        static char errbuf[1 << 16];
        setvbuf(stderr, errbuf, _IOFBF, sizeof(errbuf));
        bool ascii = !cli_check_locale_utf8();

        if (args.user && !getenv("XDG_RUNTIME_DIR")) {
                fputs("Failed to initialize manager: $XDG_RUNTIME_DIR is not set (needed for --user)\n", stderr);
                return 1;
        }

        struct arena *a = arena_new();
        /* Like systemd-analyze, every argument's directory goes first on the search path. */
        size_t nunits = (size_t) (argc - optind), ndirs = 0;
        const char **dirs = arena_alloc(a, (nunits + 1) * sizeof(*dirs));
        for (int i = optind; i < argc; i++) {
                const char *d = unitfile_argument_dir(a, argv[i]);
                bool seen = false;
                for (size_t k = 0; d && k < ndirs && !seen; k++)
                        seen = streq(dirs[k], d);
                if (d && !seen)
                        dirs[ndirs++] = d;
        }
        mode_t mask = umask(0);
        umask(mask);
        struct unitfile_options uopt = {
                .user = args.user,
                .instance = args.version >= 257 ? "test_instance" : "i",
                .search_dirs = dirs,
                .n_search_dirs = ndirs,
        };
        /* Work the search path out once for all units. */
        uopt.search_dirs = unitfile_search_path(a, &uopt, &uopt.n_search_dirs);
        uopt.no_host_paths = true;
        uopt.dircache = unitfile_dircache_new(a);
        struct exposure_options eopt = {
                .systemd_version = args.version,
                .user = args.user,
                .user_umask = (unsigned) mask,
        };

        int status = 0;
        struct strbuf out = STRBUF_INIT;
        struct exposure_report *report = xmalloc(sizeof(*report));
        struct arena *ua = NULL; /* one unit's model and report strings */
        for (int i = optind; i < argc; i++) {
                struct unit_file *u;
                struct unitfile_result res;
                arena_free(ua);
                ua = arena_new();
                if (unitfile_load(ua, argv[i], &uopt, &u, &res) < 0) {
                        if (res.status == UNITFILE_BAD_NAME)
                                fprintf(stderr, "Failed to prepare filename %s: %s\n", argv[i], res.message);
                        else
                                fprintf(stderr, "%s\n", res.message);
                        status = 1;
                        continue;
                }
                if (exposure_assess(u, &eopt, report) < 0) {
                        fprintf(stderr, "%s\nUnit %s has a bad unit file setting.\n", report->message, u->name);
                        status = 1;
                        continue;
                }
                strbuf_reset(&out);
                if (args.json == CLI_CHECK_JSON_OFF)
                        exposure_render_text(report, ascii, &out);
                else
                        exposure_render_json(report,
                                             args.json == CLI_CHECK_JSON_PRETTY ? EXPOSURE_JSON_PRETTY
                                                                                 : EXPOSURE_JSON_SHORT,
                                             &out);
                fwrite(out.s, 1, out.len, stdout);
                if (report->exposure > args.threshold)
                        status = 1;
        }
        free(report);
        strbuf_free(&out);
        arena_free(ua);
        arena_free(a);
        fflush(stderr);
        if (fflush(stdout) != 0) {
                perror("unitc check: writing output");
                return UC_EXIT_IO;
        }
        return status;
}

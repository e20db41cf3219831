/* main.c - the command line. Everything else is the library; only this file prints. */
#include "base/prelude.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_check.h"
#include "cli/cli_fmt.h"
#include "cli/cli_gate.h"
#include "exposure/exposure.h"
#include "passes/lower.h"
#include "unit/output.h"
#include "base/strbuf.h"
#include "systemd/tables.h"
#include "unitc.h"

static void usage(FILE *f)
{
        fputs("Usage: unitc [OPTION]... POLICY [-o DIR/NAME.service]\n"
              "       unitc --dry-run [--target=NAME,NAME...|all] [OPTION]... POLICY...\n"
              "       unitc fmt [-w | --check] FILE...\n"
              "       unitc check [--user] [--json=off|short|pretty] [--threshold=N] UNIT...\n"
              "\n"
              "Compiles a unitc policy into a complete, least-privilege systemd unit.\n"
              "\n"
              "  -o, --output=FILE       write the unit to FILE (NAME.service); companions go beside\n"
              "                          it: NAME.socket, NAME.service.d/*.conf. Without -o the\n"
              "                          files are printed.\n"
              "      --layout=LAYOUT     full (one unit, the default), split (the sandbox in a\n"
              "                          drop-in), or dropin (only the drop-in, to harden a\n"
              "                          vendor's unit)\n"
              "  -I, --include=DIR       search DIR for profiles (NAME.pol) before the default path\n"
              "      --explain           list each directive with the statement that put it there\n"
              "      --dump=STAGE        show a stage instead of compiling: tokens, ast or ir\n"
              "      --target=NAME       compile for a target: a profile of stdlib/targets (debian-12,\n"
              "                          debian-13, fedora-42 ...), a FILE.yaml, or host (the\n"
              "                          running manager, asked over D-Bus)\n"
              "  -n, --dry-run           compile, write nothing, and print one line per policy and\n"
              "                          target (exposure, warnings); --target then takes a\n"
              "                          comma-separated list, or all (every stdlib target)\n"
              "      --max-exposure=N    fail (exit 4, nothing written) when the unit's exposure is\n"
              "                          above N (0.0 to 10.0), as the policy's `exposure at most`\n"
              "      --exposure-table    print the exposure check's whole table, as\n"
              "                          systemd-analyze security shows it\n"
              "      --max-errors=N      stop after N errors (default 10, 0: no limit)\n"
              "      --Werror            treat warnings as errors\n"
              "      --list-needs        list the words `needs` takes, and every capability\n"
              "      --list-targets      list the targets: name, systemd version, distribution\n"
              "  -h, --help              show this help\n"
              "      --version           show the version\n"
              "\n"
              "Profiles are searched as NAME.pol in: the policy's folder, each -I DIR, each folder\n"
              "of $UNITC_PATH (colon-separated), the stdlib next to the unitc binary (../stdlib,\n"
              "for a build tree), and " UNITC_DATADIR "/stdlib.\n"
              "\n"
              "Exit status: 0 ok, 1 errors in the input, 2 usage, 3 I/O or internal error,\n"
              "4 exposure above the policy's bound.\n",
              f);
}

static void list_needs(void)
{
        printf("needs WORD:\n");
        for (size_t i = 0; i < needs_table_len; i++)
                printf("  %-16s %s\n", needs_table[i].word, needs_table[i].help);
        printf("\ncapabilities (needs capability NAME):\n");
        for (size_t i = 0; i < cap_table_len; i++)
                printf("  %-20s %s\n", cap_table[i].name, cap_table[i].what);
}

/* The stdlib of a build tree: BINDIR/../stdlib, found through /proc/self/exe. */
static char *dev_stdlib(void)
{
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        if (n <= 0)
                return NULL;
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (!slash)
                return NULL;
        *slash = '\0';
        char *dir;
        if (asprintf(&dir, "%s/../stdlib", exe) < 0)
                return NULL;
        char *real = realpath(dir, NULL);
        free(dir);
        struct stat st;
        if (!real || stat(real, &st) < 0 || !S_ISDIR(st.st_mode)) {
                free(real);
                return NULL;
        }
        return real;
}

/* The rest of the search path, after each -I: $UNITC_PATH, the build tree's stdlib, the
 * installed one. search has room for argc + 64 folders. */
static void search_rest(struct uc_options *opt, const char **search, size_t *nsearch, size_t argc,
                        char **ret_envcopy, char **ret_dev)
{
        const char *env = getenv("UNITC_PATH");
        char *envcopy = env ? xstrdup(env) : NULL;
        for (char *save = NULL, *d = envcopy ? strtok_r(envcopy, ":", &save) : NULL; d;
             d = strtok_r(NULL, ":", &save))
                if (*nsearch < argc + 60)
                        search[(*nsearch)++] = d;
        char *dev = dev_stdlib();
        if (dev)
                search[(*nsearch)++] = dev;
        search[(*nsearch)++] = UNITC_DATADIR "/stdlib";
        opt->search_path = search;
        opt->nsearch = *nsearch;
        *ret_envcopy = envcopy;
        *ret_dev = dev;
}

/* A split compile's sandbox drop-in beside a full unit: systemd would apply it over the
 * new unit (its lists add up, its settings win), so the full unit is not what was asked. */
static bool stale_dropin(const char *outdir, const char *service, char **ret_error)
{
        char *path;
        if (asprintf(&path, "%s/%s.d/%s", outdir, service, LOWER_DROPIN_NAME) < 0)
                uc_oom();
        struct stat st;
        bool stale = lstat(path, &st) == 0;
        if (stale && asprintf(ret_error,
                              "%s is left from a --layout=split compile and would override the new unit; remove it, or compile with --layout=split",
                              path) < 0)
                uc_oom();
        free(path);
        return stale;
}

int main(int argc, char **argv)
{
        if (argc > 1 && streq(argv[1], "fmt"))
                return cli_fmt(argc - 1, argv + 1);
        if (argc > 1 && streq(argv[1], "check")) {
                /* --target=NAME: the stdlib's targets/, of the build tree or installed. */
                char *devlib = dev_stdlib();
                const char *stdlib[2];
                size_t nstdlib = 0;
                if (devlib)
                        stdlib[nstdlib++] = devlib;
                stdlib[nstdlib++] = UNITC_DATADIR "/stdlib";
                int crc = cli_check(argc - 1, argv + 1, stdlib, nstdlib);
                free(devlib);
                return crc;
        }

        enum {
                OPT_LAYOUT = 256,
                OPT_EXPLAIN,
                OPT_DUMP,
                OPT_MAX_ERRORS,
                OPT_WERROR,
                OPT_LIST_NEEDS,
                OPT_VERSION,
                OPT_MAX_EXPOSURE,
                OPT_EXPOSURE_TABLE,
                OPT_TARGET,
                OPT_LIST_TARGETS,
        };
        static const struct option options[] = {
                { "output", required_argument, NULL, 'o' },
                { "include", required_argument, NULL, 'I' },
                { "layout", required_argument, NULL, OPT_LAYOUT },
                { "explain", no_argument, NULL, OPT_EXPLAIN },
                { "dump", required_argument, NULL, OPT_DUMP },
                { "max-errors", required_argument, NULL, OPT_MAX_ERRORS },
                { "Werror", no_argument, NULL, OPT_WERROR },
                { "list-needs", no_argument, NULL, OPT_LIST_NEEDS },
                { "help", no_argument, NULL, 'h' },
                { "version", no_argument, NULL, OPT_VERSION },
                { "max-exposure", required_argument, NULL, OPT_MAX_EXPOSURE },
                { "exposure-table", no_argument, NULL, OPT_EXPOSURE_TABLE },
                { "target", required_argument, NULL, OPT_TARGET },
                { "dry-run", no_argument, NULL, 'n' },
                { "list-targets", no_argument, NULL, OPT_LIST_TARGETS },
                {},
        };
        struct uc_options opt = { .max_errors = 10, .policy_dir_first = true };
        const char *output = NULL;
        bool explain = false, table = false, dry_run = false, list_targets = false;
        const char **search = xcalloc((size_t) argc + 64, sizeof(char *));
        size_t nsearch = 0;
        int c, rc = UC_EXIT_OK;
        char *outdir = NULL, *envcopy = NULL, *dev = NULL;
        while ((c = getopt_long(argc, argv, "o:I:hn", options, NULL)) != -1) {
                switch (c) {
                case 'o':
                        if (output) {
                                fprintf(stderr, "unitc: -o given twice; one unit is written at a time, nothing compiled\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        output = optarg;
                        break;
                case 'I':
                        /* An empty name would search the current folder or /, which is
                         * not what anyone means. */
                        if (!*optarg) {
                                fprintf(stderr, "unitc: -I takes a folder, and '' names none; nothing compiled\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        search[nsearch++] = optarg;
                        break;
                case OPT_LAYOUT:
                        if (streq(optarg, "full"))
                                opt.layout = LAYOUT_FULL;
                        else if (streq(optarg, "split"))
                                opt.layout = LAYOUT_SPLIT;
                        else if (streq(optarg, "dropin"))
                                opt.layout = LAYOUT_DROPIN;
                        else {
                                fprintf(stderr, "unitc: unknown layout '%s' (full, split or dropin)\n", optarg);
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        break;
                case OPT_EXPLAIN:
                        explain = true;
                        break;
                case OPT_DUMP:
                        if (streq(optarg, "tokens"))
                                opt.dump = UC_DUMP_TOKENS;
                        else if (streq(optarg, "ast"))
                                opt.dump = UC_DUMP_AST;
                        else if (streq(optarg, "ir"))
                                opt.dump = UC_DUMP_IR;
                        else {
                                fprintf(stderr, "unitc: unknown stage '%s' (tokens, ast or ir)\n", optarg);
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        break;
                case OPT_MAX_ERRORS: {
                        char *end;
                        errno = 0;
                        unsigned long v = strtoul(optarg, &end, 10);
                        if (*end || end == optarg || errno || v > 100000) {
                                fprintf(stderr, "unitc: --max-errors takes a number\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        opt.max_errors = (unsigned) v;
                        break;
                }
                case OPT_MAX_EXPOSURE: {
                        char *end;
                        double v = strtod(optarg, &end);
                        if (*end || end == optarg || !(v >= 0 && v <= 10)) {
                                fprintf(stderr, "unitc: --max-exposure takes a number from 0.0 to 10.0\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        opt.has_max_exposure = true;
                        opt.max_exposure = v;
                        break;
                }
                case OPT_EXPOSURE_TABLE:
                        table = true;
                        break;
                case OPT_TARGET:
                        if (opt.target) {
                                fprintf(stderr, "unitc: --target given twice\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        if (!*optarg) {
                                fprintf(stderr, "unitc: --target takes a name (e.g. debian-12) or a FILE.yaml\n");
                                rc = UC_EXIT_USAGE;
                                goto out;
                        }
                        opt.target = optarg;
                        break;
                case OPT_WERROR:
                        opt.werror = true;
                        break;
                case 'n':
                        dry_run = true;
                        break;
                case OPT_LIST_TARGETS:
                        list_targets = true;
                        break;
                case OPT_LIST_NEEDS:
                        list_needs();
                        rc = UC_EXIT_OK;
                        goto out;
                case 'h':
                        usage(stdout);
                        rc = UC_EXIT_OK;
                        goto out;
                case OPT_VERSION:
                        printf("unitc %s\n", UNITC_VERSION);
                        rc = UC_EXIT_OK;
                        goto out;
                default:
                        usage(stderr);
                        rc = UC_EXIT_USAGE;
                        goto out;
                }
        }
        if (list_targets) {
                if (optind < argc) {
                        fprintf(stderr, "unitc: --list-targets takes no policy\n");
                        rc = UC_EXIT_USAGE;
                        goto out;
                }
                search_rest(&opt, search, &nsearch, (size_t) argc, &envcopy, &dev);
                rc = cli_list_targets(&opt);
                goto out;
        }
        if (dry_run && (output || explain || table || opt.dump != UC_DUMP_NONE)) {
                fprintf(stderr, "unitc: --dry-run writes and prints no unit: it does not go with %s\n",
                        output ? "-o" : explain ? "--explain" : table ? "--exposure-table" : "--dump");
                rc = UC_EXIT_USAGE;
                goto out;
        }
        if (!dry_run && opt.target && (strchr(opt.target, ',') || streq(opt.target, "all"))) {
                fprintf(stderr, "unitc: several targets (--target=%s) only with --dry-run: one unit is written for one target\n",
                        opt.target);
                rc = UC_EXIT_USAGE;
                goto out;
        }
        if (optind != argc - 1 && !(dry_run && optind < argc)) {
                fprintf(stderr, optind >= argc ? "unitc: no policy file given\n"
                                               : "unitc: one policy file at a time\n");
                usage(stderr);
                rc = UC_EXIT_USAGE;
                goto out;
        }
        const char *policy = argv[optind];

        if (output) {
                const char *slash = strrchr(output, '/');
                const char *base = slash ? slash + 1 : output;
                size_t n = strlen(base);
                if (n <= 8 || !streq(base + n - 8, ".service")) {
                        fprintf(stderr, "unitc: -o takes a unit file name ending in .service, e.g. -o out/NAME.service\n");
                        rc = UC_EXIT_USAGE;
                        goto out;
                }
                outdir = slash ? xstrndup(output, slash == output ? 1 : (size_t) (slash - output))
                               : xstrdup(".");
                opt.unit_name = xstrndup(base, n - 8);
                /* The file's name is the unit's name, written into the unit: it must be one. */
                if (!check_service_name(opt.unit_name)) {
                        fprintf(stderr, "unitc: -o: not a unit name systemd accepts (letters, digits, '-', '_', '.', ':' and one '@'): ");
                        for (const char *b = base; *b; b++)
                                fputc((unsigned char) *b < 0x20 || *b == 0x7f ? '?' : *b, stderr);
                        fputc('\n', stderr);
                        rc = UC_EXIT_USAGE;
                        goto out;
                }
        }

        search_rest(&opt, search, &nsearch, (size_t) argc, &envcopy, &dev);

        if (dry_run) {
                rc = cli_gate((const char *const *) argv + optind, (size_t) (argc - optind), opt.target, &opt);
                goto out;
        }
        struct uc_result r;
        rc = uc_compile_file(policy, &opt, &r);
        cli_print_diags(&r);
        /* The exposure check's line goes with the report: stdout when the unit goes to a
         * file, stderr when the unit itself is printed; for a file, only once it is written. */
        FILE *report = output ? stdout : stderr;
        struct strbuf line = STRBUF_INIT;
        if (rc == UC_EXIT_OK && opt.dump == UC_DUMP_NONE && !explain && r.exposure) {
                if (table)
                        exposure_render_text(r.exposure, false, &line);
                else
                        strbuf_printf(&line, "%s: exposure %u.%u %s%s\n", r.exposure->unit_name,
                                      r.exposure->exposure / 10, r.exposure->exposure % 10, r.exposure->verdict,
                                      r.exposure_standin ? " (the drop-in's sandbox, scored on a unit with no other settings)" : "");
        }
        if (rc == UC_EXIT_OK && opt.dump != UC_DUMP_NONE) {
                fputs(strbuf_str(&r.dump), stdout);
        } else if (rc == UC_EXIT_OK && explain) {
                struct strbuf b = STRBUF_INIT;
                uc_explain(&r, &b);
                fputs(strbuf_str(&b), stdout);
                strbuf_free(&b);
        } else if (rc == UC_EXIT_OK && output) {
                struct output_file *files = xcalloc(r.nfiles, sizeof(*files));
                for (size_t i = 0; i < r.nfiles; i++)
                        files[i] = (struct output_file) { r.files[i].path, r.files[i].text, r.files[i].len };
                char *err = NULL;
                if (opt.layout == LAYOUT_FULL && stale_dropin(outdir, r.files[0].path, &err)) {
                        fprintf(stderr, "unitc: %s; no files written\n", err);
                        free(err);
                        rc = UC_EXIT_IO;
                } else if (output_write(outdir, files, r.nfiles, &err) < 0) {
                        /* The message says what the failure left: "no files written", or
                         * which files are new and which old. */
                        fprintf(stderr, "unitc: %s\n", err);
                        free(err);
                        rc = UC_EXIT_IO;
                } else
                        fputs(strbuf_str(&line), report);
                free(files);
        } else if (rc == UC_EXIT_OK) {
                fputs(strbuf_str(&line), report);
                for (size_t i = 0; i < r.nfiles; i++) {
                        if (r.nfiles > 1)
                                printf("%s### %s\n", i ? "\n" : "", r.files[i].path);
                        fwrite(r.files[i].text, 1, r.files[i].len, stdout);
                }
        }
        strbuf_free(&line);
        uc_result_free(&r);
        if (fflush(stdout) != 0 && rc == UC_EXIT_OK)
                rc = UC_EXIT_IO;
out:
        free(search);
        free(envcopy);
        free(dev);
        free(outdir);
        free((char *) opt.unit_name);
        return rc;
}

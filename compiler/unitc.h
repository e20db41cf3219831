/* unitc.h - the library's entry point: a policy in, unit texts and diagnostics out.
 *
 * The pipeline runs in a straight line and stops after the first stage that reported errors:
 * load -> parse -> resolve (`use`) -> check -> lower -> exposure check -> emit. The library never prints and
 * never exits (except on out-of-memory); main.c renders what it returns. */
#ifndef UNITC_UNITC_H
#define UNITC_UNITC_H

#include "base/prelude.h"
#include "passes/check.h"
#include "front/diag.h"
#include "base/strbuf.h"

struct arena;
struct exposure_report;
struct lowered;
struct policy;

enum uc_dump { UC_DUMP_NONE, UC_DUMP_TOKENS, UC_DUMP_AST, UC_DUMP_IR };

struct uc_options {
        const char *const *search_path; /* profile folders, in order */
        size_t nsearch;
        bool policy_dir_first;          /* search the policy's own folder before search_path */
        enum check_layout layout;
        const char *unit_name;          /* output stem; NULL: the service's name */
        unsigned max_errors;            /* 0: no cap */
        bool werror;
        enum uc_dump dump;
        const char *target;             /* --target: NAME, FILE.yaml, or NULL */
        bool has_max_exposure;          /* --max-exposure, on top of the policy's own bound */
        double max_exposure;
};

struct uc_file {
        const char *path; /* relative to the output folder */
        char *text;
        size_t len;
};

struct uc_result {
        struct arena *arena;
        struct diag_queue diags;
        struct strbuf dump;             /* --dump output */
        const struct policy *policy;    /* NULL on errors */
        const struct lowered *lowered;  /* NULL on errors */
        struct uc_file *files;
        size_t nfiles;
        /* The exposure check of the service, as systemd-analyze security --offline=true
         * would score it (a unit it cannot score is an error: systemd would not load it). */
        const struct exposure_report *exposure;
        bool exposure_standin;          /* scored with a stand-in ExecStart= (a drop-in alone) */
};

/* Each returns an enum uc_exit: UC_EXIT_OK, UC_EXIT_INPUT, UC_EXIT_IO or UC_EXIT_EXPOSURE. The result must be
 * freed with uc_result_free whatever the return. */
int uc_compile_file(const char *path, const struct uc_options *opt, struct uc_result *ret);
int uc_compile_buffer(const char *name, const char *buf, size_t len, const struct uc_options *opt,
                      struct uc_result *ret);
void uc_result_free(struct uc_result *r);

/* --explain over the result's files. */
void uc_explain(const struct uc_result *r, struct strbuf *out);

#endif

/* exposure.h - the exposure scorer: `systemd-analyze security --offline=true` reimplemented.
 *
 * exposure_assess() interprets a unit model the way systemd loads the unit (directive parsing,
 * defaults, load-time side effects of DynamicUser=, PrivateDevices=, Protect*=), runs the 81
 * checks, and computes the overall exposure in tenths. The renderers produce systemd-analyze's
 * text table and JSON rows byte for byte. Profiles: systemd 252 (Debian 12, the default), 254
 * (bookworm-backports), 257 (Debian 13) and 262 (Debian forky). The library never prints and
 * never exits; strings of a report live in the unit's arena.
 */
#ifndef UNITC_EXPOSURE_H
#define UNITC_EXPOSURE_H

#include "base/prelude.h"

struct strbuf;
struct unit_file;
struct unit_entry;

#define EXPOSURE_NA UINT64_MAX  /* badness of a check that does not apply */
#define EXPOSURE_MAX_ROWS 81
#define EXPOSURE_MAX_WHY 8      /* responsible entries kept per row */

struct exposure_options {
        unsigned systemd_version; /* one of exposure_model_at(); 0 means 252 */
        bool user;                /* scored as a user-manager unit (systemd-analyze --user) */
        unsigned user_umask;      /* with user: the default UMask (the analyzer's own umask) */
};

enum exposure_status {
        EXPOSURE_OK = 0,
        EXPOSURE_BAD_SETTING, /* systemd would refuse to load the unit; no score */
        EXPOSURE_BAD_VERSION, /* no profile for the requested systemd version */
};

/* One check's result, in table order. */
struct exposure_row {
        const char *name;        /* "PrivateNetwork=" */
        const char *json_field;  /* "PrivateNetwork" */
        const char *description; /* NULL: empty cell */
        int set;                 /* 1 ✓, 0 ✗, -1 n/a (no mark) */
        uint64_t weight, range;
        uint64_t badness;        /* 0..range, or EXPOSURE_NA */
        uint64_t cost;           /* this row's share of the badness sum: ⌈badness·weight/range⌉ */
        unsigned exposure;       /* per-row exposure in tenths; meaningful if has_exposure */
        bool has_exposure;
        /* The unit entries that decided this row (last assignment first); empty when the
         * row scored its default. A row on some members of a set (CAP_SYS_ADMIN, AF_UNIX,
         * ~user, ~@clock) keeps only the entries that name one of its members. Use
         * unit_entry.why / .file / .line to name them. */
        const struct unit_entry *why[EXPOSURE_MAX_WHY];
        size_t n_why;
};

struct exposure_report {
        enum exposure_status status;
        const char *unit_name;
        const char *message;     /* status != OK: systemd's message for the failure */
        const struct unit_entry *fatal_entry; /* the entry systemd would refuse, or NULL */
        struct exposure_row rows[EXPOSURE_MAX_ROWS];
        size_t n_rows;
        size_t order[EXPOSURE_MAX_ROWS]; /* display order: indices into rows */
        uint64_t badness_sum, weight_sum;
        unsigned exposure;       /* 0..100, tenths */
        const char *verdict;     /* "UNSAFE" */
};

/* The scoring model for a systemd version: the newest the scorer has a profile for that is
 * not newer than it; 0 when it is older than all. */
unsigned exposure_model_version(unsigned systemd);
/* The versions the scorer has a profile for, ascending: the i-th, or 0 past the last. */
unsigned exposure_model_at(size_t i);
/* Those versions as text, "252, 254, 257 or 262" (sep between all but the last two, last
 * before the last one), in a static buffer. */
const char *exposure_model_list(const char *sep, const char *last);

/* Scores u. Returns 0, or -1 with ret->status/message set when the unit would not load
 * (for example a service without ExecStart=) or the version has no profile. */
int exposure_assess(const struct unit_file *u, const struct exposure_options *opt,
                    struct exposure_report *ret);

/* The verdict word and glyph for an exposure in tenths; ascii selects the non-UTF-8 forms. */
const char *exposure_verdict(unsigned exposure);
const char *exposure_glyph(unsigned exposure, bool ascii);

/* systemd-analyze's table followed by the "Overall exposure level" line. */
void exposure_render_text(const struct exposure_report *r, bool ascii, struct strbuf *out);

enum exposure_json {
        EXPOSURE_JSON_SHORT,
        EXPOSURE_JSON_PRETTY,
};
/* The rows as one JSON array (the overall score is not part of it, as in systemd). */
void exposure_render_json(const struct exposure_report *r, enum exposure_json mode, struct strbuf *out);

/* Rows by cost, highest first (ties in table order): fills ret_idx with up to max row indices
 * of rows with a non-zero cost and returns how many. For naming the statements that cost most. */
size_t exposure_costliest(const struct exposure_report *r, size_t *ret_idx, size_t max);

#endif

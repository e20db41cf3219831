/* unitfile.h - reads unit files from disk into the unit model (unit.h), the way
 * `systemd-analyze --offline=true` finds and loads them: the argument's directory first on the
 * search path, aliases (symlinks) resolved to their target's name, templates instantiated,
 * drop-ins (NAME.d/, prefix and template drop-ins, type-wide TYPE.d/) merged by file name. */
#ifndef UNITC_UNITFILE_H
#define UNITC_UNITFILE_H

#include "base/prelude.h"

struct arena;
struct unit_file;

/* The most this reader takes from one file (systemd has no such limit; a block device or a
 * file that grows while read would otherwise have no end). Larger: UNITFILE_BAD_FILE,
 * "File too large" (a drop-in that large is skipped). */
#define UNITFILE_MAX_BYTES (64U * 1024U * 1024U)

enum unitfile_status {
        UNITFILE_OK = 0,
        UNITFILE_BAD_NAME,  /* the argument's base name is not a valid unit name */
        UNITFILE_NOT_FOUND, /* no fragment on the search path, or it cannot be opened (a socket,
                             * a FIFO, no permission): only regular files and symlinks count */
        UNITFILE_MASKED,    /* linked to /dev/null or any character device, or of size 0 (as
                             * zero-size /proc files are) */
        UNITFILE_BAD_FILE,  /* unreadable, a folder, larger than UNITFILE_MAX_BYTES, invalid
                             * section header, invalid UTF-8, line too long */
        UNITFILE_NO_TEMPLATE, /* an instance ('@') of a type without templates (mount, swap,
                               * automount, device, slice, scope) */
};

struct unitfile_options {
        bool user;               /* user manager search path (systemd-analyze --user) */
        const char *instance;    /* instance given to a template argument; NULL: "i" */
        bool no_host_paths;      /* search only search_dirs (or the argument's directory) */
        /* Directories searched first; NULL: the argument's own directory. systemd-analyze puts
         * the directories of all its arguments there (unitfile_argument_dir()). With
         * no_host_paths, used as given: pass unitfile_search_path()'s result to load many units
         * without working the search path out again for each. */
        const char *const *search_dirs;
        size_t n_search_dirs;
        /* Optional: remembers which drop-in directories exist, for loading many units. */
        struct unitfile_dircache *dircache;
};

/* A cache of the "*.d" directories of the search path, in arena a; lives as long as a. */
struct unitfile_dircache *unitfile_dircache_new(struct arena *a);

struct unitfile_result {
        enum unitfile_status status;
        const char *message; /* on failure: systemd's wording, without a trailing newline */
        const char *fragment; /* the fragment file read */
        size_t n_dropins;
};

/* Loads the unit named by path (a file path, or a bare unit name looked up on the search
 * path). On success *ret_unit is a model in arena a whose name is the unit's id (for example
 * "foo@i.service" for a template), with the fragment's entries first and then each drop-in's,
 * in load order. Returns 0 or -1; ret describes the outcome either way. Never prints. */
int unitfile_load(struct arena *a, const char *path, const struct unitfile_options *opt,
                  struct unit_file **ret_unit, struct unitfile_result *ret);

/* The directory systemd-analyze puts first on the search path for this argument: its
 * directory if the file exists (or, for an instance, if its template exists there), else NULL.
 * Allocated in a. */
const char *unitfile_argument_dir(struct arena *a, const char *path);

/* The complete search path for opt (its search_dirs first, then the manager's directories),
 * resolved, without duplicates and without directories that do not exist. */
const char **unitfile_search_path(struct arena *a, const struct unitfile_options *opt, size_t *ret_n);

/* Parses one file's text into u (appending entries), as systemd's config parser does.
 * allowed_sections is a NUL-separated, double-NUL-terminated list ("Unit\0Service\0Install\0").
 * Returns 0, or -1 with *ret_message set for errors that make systemd refuse the unit, as
 * "file:line: what<TAB>reason" (reason as strerror() words: "Invalid argument"). Entries
 * before the error stay in u (systemd keeps them for drop-ins). */
int unitfile_parse_text(struct unit_file *u, const char *file, const char *text, size_t len,
                        const char *allowed_sections, const char **ret_message);

/* unit_name_is_valid(): "foo.service", "foo@.service", "foo@bar.service". */
bool unitfile_name_is_valid(const char *name);
/* The unit type suffix ("service"), or NULL. */
const char *unitfile_name_type(const char *name);

#endif

/* unit.h - the unit model: a systemd unit file as sections of ordered key/value entries.
 *
 * One model serves three stages: the compiler lowers a policy into it and emits it as text,
 * the unit reader (unitfile.c) builds it from files on disk (drop-ins merged in load order),
 * and the exposure scorer reads it. Values are stored exactly as systemd's parser receives
 * them after the '=': continuation lines joined, surrounding whitespace trimmed, no unescaping.
 * Everything lives in the model's arena.
 */
#ifndef UNITC_UNIT_H
#define UNITC_UNIT_H

#include "base/prelude.h"

struct arena;
struct loc;

struct unit_entry {
        const char *key;
        const char *value;
        const char *why;  /* compiler: "file:line: statement" or "default: reason"; else NULL */
        const char *file; /* reader: the file the entry came from; else NULL */
        unsigned line;    /* reader: its line (first line of a continued entry) */
        const struct loc *loc; /* compiler: the statement behind it, for diagnostics; or NULL */
};

struct unit_section {
        const char *name; /* without brackets: "Unit", "Service", "Install" ... */
        struct unit_entry *entries;
        size_t n, cap;
};

struct unit_file {
        struct arena *arena;
        const char *name; /* unit name, e.g. "foo.service" */
        struct unit_section *sections;
        size_t n, cap;
};

/* A model allocated in arena a (the caller owns the arena). */
struct unit_file *unit_new(struct arena *a, const char *name);
/* The section with this name, added at the end if missing. */
struct unit_section *unit_section(struct unit_file *u, const char *name);
/* The section with this name, or NULL. */
const struct unit_section *unit_find_section(const struct unit_file *u, const char *name);
/* Appends an entry; strings are copied into the arena. why may be NULL. */
struct unit_entry *unit_add(struct unit_file *u, const char *section, const char *key,
                            const char *value, const char *why);
/* The value of the last assignment of key in section, or NULL. */
const char *unit_get(const struct unit_file *u, const char *section, const char *key);

#endif

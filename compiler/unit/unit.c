/* unit.c - the unit model shared by lowering, emission, the unit reader and the scorer. */
#include "base/prelude.h"

#include "base/arena.h"
#include "unit/unit.h"

struct unit_file *unit_new(struct arena *a, const char *name)
{
        struct unit_file *u = arena_alloc(a, sizeof(*u));
        u->arena = a;
        u->name = arena_strdup(a, name);
        return u;
}

const struct unit_section *unit_find_section(const struct unit_file *u, const char *name)
{
        for (size_t i = 0; i < u->n; i++)
                if (streq(u->sections[i].name, name))
                        return &u->sections[i];
        return NULL;
}

struct unit_section *unit_section(struct unit_file *u, const char *name)
{
        const struct unit_section *found = unit_find_section(u, name);
        if (found)
                return (struct unit_section *) found;
        u->sections = arena_grow(u->arena, u->sections, sizeof(*u->sections), &u->cap, u->n + 1);
        struct unit_section *s = &u->sections[u->n++];
        s->name = arena_strdup(u->arena, name);
        return s;
}

struct unit_entry *unit_add(struct unit_file *u, const char *section, const char *key,
                            const char *value, const char *why)
{
        struct unit_section *s = unit_section(u, section);
        s->entries = arena_grow(u->arena, s->entries, sizeof(*s->entries), &s->cap, s->n + 1);
        struct unit_entry *e = &s->entries[s->n++];
        e->key = arena_strdup(u->arena, key);
        e->value = arena_strdup(u->arena, value);
        e->why = why ? arena_strdup(u->arena, why) : NULL;
        return e;
}

const char *unit_get(const struct unit_file *u, const char *section, const char *key)
{
        const struct unit_section *s = unit_find_section(u, section);
        if (!s)
                return NULL;
        for (size_t i = s->n; i-- > 0;)
                if (streq(s->entries[i].key, key))
                        return s->entries[i].value;
        return NULL;
}

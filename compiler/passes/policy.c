/* policy.c - small helpers of the checked policy model. */
#include "base/prelude.h"

#include "base/arena.h"
#include "passes/policy.h"

void pol_add(struct arena *a, struct pol_list *l, const struct pol_item *item)
{
        l->items = arena_grow(a, l->items, sizeof(*l->items), &l->cap, l->n + 1);
        l->items[l->n++] = *item;
}

bool pol_relaxed(const struct policy *p, enum relax r) { return p->relax_origin[r] != NULL; }

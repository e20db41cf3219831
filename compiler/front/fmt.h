/* fmt.h - `unitc fmt`: a policy in its canonical layout, comments kept (fmt.c says which). */
#ifndef UNITC_FMT_H
#define UNITC_FMT_H

#include "base/prelude.h"

struct arena;
struct diag_queue;
struct source;
struct strbuf;

/* Appends src in the canonical layout to out. A source that does not parse is not laid
 * out: -1, with the parser's diagnostics in diags. */
int fmt_source(struct arena *a, struct diag_queue *diags, const struct source *src, struct strbuf *out);

#endif

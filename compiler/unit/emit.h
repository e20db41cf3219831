/* emit.h - unit models to text: a header, sections, and above each directive the reason it
 * is there (written once for a run of directives with the same reason). */
#ifndef UNITC_EMIT_H
#define UNITC_EMIT_H

#include "base/prelude.h"

struct strbuf;
struct unit_file;

/* from: what the header says the unit was generated from ("web.pol for debian-13 (systemd 257)"). */
void emit_unit(const struct unit_file *u, const char *from, struct strbuf *out);
/* --explain: "Section: Key=Value  <- reason", one line per entry. */
void emit_explain(const struct unit_file *u, const char *path, struct strbuf *out);
/* --dump=ir: the model without comments or header. */
void emit_dump(const struct unit_file *u, const char *path, struct strbuf *out);

#endif

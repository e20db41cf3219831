/* exposure_specifier.h - specifiers expanded as unit_full_printf() does (exposure_specifier.c). */
#ifndef UNITC_EXPOSURE_SPECIFIER_H
#define UNITC_EXPOSURE_SPECIFIER_H

#include "base/prelude.h"

struct exposure_ctx;

/* Expands specifiers as unit_full_printf() does; NULL on an unknown one (a fatal error). */
const char *exposure_expand(struct exposure_ctx *c, const char *v);

#endif

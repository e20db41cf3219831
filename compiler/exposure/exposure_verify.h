/* exposure_verify.h - the verify steps that make systemd refuse a unit (exposure_verify.c). */
#ifndef UNITC_EXPOSURE_VERIFY_H
#define UNITC_EXPOSURE_VERIFY_H

#include "base/prelude.h"

struct arena;
struct exposure_ctx;
struct exposure_type;

/* service_verify(): the settings that make systemd refuse a service. */
const char *exposure_verify_service(const struct exposure_ctx *c);
/* unit_name_to_path(): "mnt-a\\x20b.mount" -> "/mnt/a b"; NULL where systemd fails with
 * EINVAL (a '\\' not starting "\\xNN", a leading or trailing '/', a path that is not
 * normalized: "//", "." or ".." components). */
const char *exposure_path_from_name(struct arena *a, const char *id, const char *suffix);
/* The verify step of the other unit types: what makes systemd refuse them. */
const char *exposure_verify_other(const struct exposure_ctx *c, const struct exposure_type *t);

#endif

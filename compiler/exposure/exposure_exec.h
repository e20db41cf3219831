/* exposure_exec.h - command lines and each unit type's own settings (exposure_exec.c). */
#ifndef UNITC_EXPOSURE_EXEC_H
#define UNITC_EXPOSURE_EXEC_H

#include "base/prelude.h"

struct exposure_ctx;
struct exposure_directive;
struct unit_entry;

/* ExecStart= and what service_verify() checks. */
void exposure_parse_service(struct exposure_ctx *c, const struct exposure_directive *d,
                            const struct unit_entry *e);
/* The other command lines (ExecStartPre= ... of a service, ExecStopPre= ... of a socket):
 * scored by nothing, but parsed by the same config_parse_exec(), whose fatal errors make
 * systemd refuse the unit. d->values lists the unit types that have the key. */
void exposure_parse_exec_other(struct exposure_ctx *c, const struct exposure_directive *d,
                               const struct unit_entry *e);
/* What makes a socket, timer or path unit loadable, and mount/swap/automount paths. */
void exposure_parse_own(struct exposure_ctx *c, const struct exposure_directive *d,
                        const struct unit_entry *e);

#endif

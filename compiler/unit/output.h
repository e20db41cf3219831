/* output.h - writing the compiled files: all or nothing.
 *
 * Every file is first written to a temporary name in its target folder, synced, and only
 * when all are written are they renamed into place. A symlink or a folder where an output
 * file should go is refused, never followed or replaced. Files are created 0644 and folders
 * 0755 whatever the umask.
 *
 * The renames cannot be one step, so their order is chosen such that a run stopped between
 * any two of them (killed, or the machine lost) leaves a set of files at least as strict as
 * the one before or the one after:
 *
 *   1. the sandbox drop-in, NAME.service.d/50-unitc-sandbox.conf: it only adds to the
 *      service beside it, old or new, and alone (a first install) it starts nothing;
 *   2. the service, NAME.service: by now its own sandbox is in place;
 *   3. the companion units, NAME.socket and NAME.timer, which can start the service: they
 *      come once the service they start is the new one.
 *
 * So --layout=split never leaves a NAME.service without its drop-in, --layout=full replaces
 * the service before a socket or timer can start it, and --layout=dropin writes one file.
 * Each folder is synced after each rename, so the order holds across a crash too.
 *
 * Before a file is renamed over, the old one gets a second name (a hard link, or a copy
 * where the file system has none) in the same folder. When a later step fails, what was
 * renamed is undone in the reverse order: the old file is renamed back, a file that did not
 * exist is removed, a folder that was created is removed; then the error says "no files
 * written" and that is true. If undoing fails as well, the error names each file as new or
 * old and where the old text of a new one is kept.
 *
 * Temporary and backup names are .NAME.unitc-PID-N and .NAME.unitc-PID-N.old beside NAME.
 * A run removes them on success and on failure; one that is killed cannot, so each run
 * first removes those of its own output files whose PID is not a running process. A PID in
 * use again keeps them until a later run. A writer of the same unit in another PID namespace
 * looks gone and may lose its temporary files: its rename then fails, is undone, and says so.
 * A drop-in folder made by a killed first run may stay, empty. */
#ifndef UNITC_OUTPUT_H
#define UNITC_OUTPUT_H

#include "base/prelude.h"

struct output_file {
        const char *path;    /* relative to the output folder: NAME or FOLDER/NAME */
        const char *text;
        size_t len;
};

/* Returns 0, or -1 with a message (allocated; the caller frees it) in *ret_error. The message
 * says what failed and what it left: it ends in "no files written" when that is so. */
int output_write(const char *dir, const struct output_file *files, size_t n, char **ret_error);

#endif

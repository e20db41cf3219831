/* exposure_verify.c - what makes systemd refuse a unit once loaded: service_verify() and the
 * other types' verify steps, with unit-name.c's conversions between paths and unit names. */
#include "base/prelude.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure_load.h"
#include "exposure/exposure_verify.h"
#include "unit/unit.h"

/* service_verify(): the settings that make systemd refuse a service. */
const char *exposure_verify_service(const struct exposure_ctx *c)
{
        const char *type = c->type;
        if (!type)
                type = c->bus_name ? "dbus" : c->n_exec_start ? "simple" : "oneshot";
        bool oneshot = streq(type, "oneshot");
        if (!c->n_exec_start && !c->n_exec_stop && !c->success_action)
                return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
        if (!oneshot && !c->n_exec_start)
                return "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
        if (!c->remain_after_exit && !c->n_exec_start && !c->success_action)
                return "Service has no ExecStart= and no SuccessAction= settings and does not have "
                       "RemainAfterExit=yes set. Refusing.";
        if (!oneshot && c->n_exec_start > 1)
                return "Service has more than one ExecStart= setting, which is only allowed for "
                       "Type=oneshot services. Refusing.";
        if (oneshot && c->restart && (streq(c->restart, "always") || streq(c->restart, "on-success")))
                return "Service has Restart= set to either always or on-success, which isn't allowed "
                       "for Type=oneshot services. Refusing.";
        if (streq(type, "dbus") && !c->bus_name)
                return "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.";
        if (c->pam && c->kill_mode && !streq(c->kill_mode, "control-group") && !streq(c->kill_mode, "mixed"))
                return "Service has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.";
        return NULL;
}

/* unit_name_from_path(): "/mnt/a b" -> "mnt-a\\x20b" + suffix. */
static const char *exposure_name_from_path(struct arena *a, const char *path, const char *suffix)
{
        struct strbuf b = STRBUF_INIT;
        const char *p = path;
        while (*p == '/')
                p++;
        bool first = true;
        while (*p) {
                size_t n = strcspn(p, "/");
                if (!(n == 1 && p[0] == '.')) {
                        if (!first)
                                strbuf_putc(&b, '-');
                        for (size_t i = 0; i < n; i++) {
                                unsigned char ch = (unsigned char) p[i];
                                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                                    ch == ':' || ch == '_' || (ch == '.' && !(first && i == 0)))
                                        strbuf_putc(&b, (char) ch);
                                else
                                        strbuf_printf(&b, "\\x%02x", ch);
                        }
                        first = false;
                }
                p += n;
                while (*p == '/')
                        p++;
        }
        if (b.len == 0)
                strbuf_putc(&b, '-');
        strbuf_puts(&b, suffix);
        const char *r = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* unit_name_to_path(): "mnt-a\\x20b.mount" -> "/mnt/a b"; NULL where systemd fails with
 * EINVAL (a '\\' not starting "\\xNN", a leading or trailing '/', a path that is not
 * normalized: "//", "." or ".." components). */
const char *exposure_path_from_name(struct arena *a, const char *id, const char *suffix)
{
        size_t n = strlen(id) - strlen(suffix);
        if (n == 0)
                return NULL;
        if (n == 1 && id[0] == '-')
                return "/";
        struct strbuf b = STRBUF_INIT;
        strbuf_putc(&b, '/');
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) {
                if (id[i] == '-') {
                        strbuf_putc(&b, '/');
                        continue;
                }
                if (id[i] != '\\') {
                        strbuf_putc(&b, id[i]);
                        continue;
                }
                unsigned v;
                char hex[3] = { 0 };
                ok = i + 3 < n && id[i + 1] == 'x' && isxdigit((unsigned char) id[i + 2]) &&
                     isxdigit((unsigned char) id[i + 3]);
                if (ok) {
                        memcpy(hex, id + i + 2, 2);
                        v = (unsigned) strtoul(hex, NULL, 16);
                        ok = v != 0;
                        strbuf_putc(&b, (char) v);
                        i += 3;
                }
        }
        const char *p = strbuf_str(&b);
        size_t len = b.len;
        /* leading or trailing '/' in the unescaped name; "//"; "." and ".." components */
        if (ok && (p[1] == '/' || p[len - 1] == '/' || strstr(p, "//") || strstr(p, "/./") ||
                   strstr(p, "/../") || (len >= 2 && streq(p + len - 2, "/.")) ||
                   (len >= 3 && streq(p + len - 3, "/.."))))
                ok = false;
        const char *r = ok ? arena_strdup(a, p) : NULL;
        strbuf_free(&b);
        return r;
}

/* mount_point_is_api() and mount_point_ignore() of systemd 252: no mount unit for these. */
static bool exposure_mount_point_is_api(const char *where)
{
        static const char *const api[] = {
                "/proc", "/sys", "/dev", "/sys/kernel/security", "/sys/fs/smackfs", "/dev/shm",
                "/dev/pts", "/run", "/sys/fs/cgroup", "/sys/fs/pstore", "/sys/firmware/efi/efivars",
                "/sys/fs/bpf", "/sys/fs/selinux", "/dev/console", "/proc/kmsg", "/proc/sys",
                "/proc/sys/kernel/random/boot_id",
        };
        for (size_t i = 0; i < ARRAY_SIZE(api); i++)
                if (streq(where, api[i]))
                        return true;
        return startswith(where, "/sys/fs/cgroup/") || streq(where, "/run/host") ||
               startswith(where, "/run/host/");
}

/* The verify step of the other unit types: what makes systemd refuse them. */
const char *exposure_verify_other(const struct exposure_ctx *c, const struct exposure_type *t)
{
        if (!t)
                return NULL;
        const char *suffix = t->suffix;
        if (streq(suffix, ".socket") && !c->n_listen)
                return "Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.";
        if (streq(suffix, ".timer") && !c->n_timer && !c->timer_on_change)
                return "Timer unit lacks value setting. Refusing.";
        if (streq(suffix, ".path") && !c->n_paths)
                return "Path unit lacks path setting. Refusing.";
        if ((streq(suffix, ".mount") || streq(suffix, ".automount")) && c->where &&
            !streq(exposure_name_from_path(c->arena, c->where, suffix), c->id))
                return "Where= setting doesn't match unit name. Refusing.";
        if (streq(suffix, ".mount") && c->where && exposure_mount_point_is_api(c->where))
                return arena_printf(c->arena, "Cannot create mount unit for API file system %s. Refusing.",
                                    c->where);
        if (streq(suffix, ".mount") && !c->what && !(c->where && c->where[strspn(c->where, "/")] == '\0') &&
            !streq(c->id, "-.mount"))
                return "What= setting is missing. Refusing.";
        if (streq(suffix, ".swap") && c->what &&
            !streq(exposure_name_from_path(c->arena, c->what, suffix), c->id))
                return "Value of What= and unit name do not match, not loading.";
        return NULL;
}

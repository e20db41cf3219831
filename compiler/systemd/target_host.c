/* target_host.c - --target=host: the running manager's version and build features, asked
 * over D-Bus (sd-bus), as the target to compile for. */
#include "base/prelude.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <systemd/sd-bus.h>

#include "base/arena.h"
#include "front/diag.h"
#include "systemd/target.h"
#include "systemd/versions.h"

/* "+PAM +AUDIT ... -BPF_FRAMEWORK ...": whether +NAME is among the words. */
static bool target_host_feature(const char *features, const char *name)
{
        size_t n = strlen(name);
        for (const char *p = features; (p = strstr(p, name)); p += n)
                if (p > features && p[-1] == '+' && (p - 1 == features || p[-2] == ' ') &&
                    (p[n] == ' ' || p[n] == '\0'))
                        return true;
        return false;
}

static int target_host_property(sd_bus *bus, const char *name, char **ret)
{
        sd_bus_error error = SD_BUS_ERROR_NULL;
        int r = sd_bus_get_property_string(bus, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                                           "org.freedesktop.systemd1.Manager", name, &error, ret);
        sd_bus_error_free(&error);
        return r;
}

const struct target *target_host(struct arena *a, struct diag_queue *d)
{
        sd_bus *bus = NULL;
        int r = sd_bus_open_system(&bus);
        char *version = NULL, *features = NULL;
        if (r >= 0)
                r = target_host_property(bus, "Version", &version);
        if (r >= 0)
                r = target_host_property(bus, "Features", &features);
        sd_bus_flush_close_unref(bus);
        if (r < 0) {
                diag_error(d, NULL,
                           "--target=host: no running systemd manager answers on the system bus (%s); name the target instead (e.g. --target=debian-12)",
                           strerror(-r));
                free(version);
                free(features);
                return NULL;
        }
        /* "252.39-1~deb12u2", "257.13-1~deb13u1", "262-1" */
        unsigned long v = strtoul(version, NULL, 10);
        struct target *t = arena_alloc(a, sizeof(*t));
        const struct target *debian = target_for_version(a, (unsigned) v);
        if (!debian || v > 999) {
                diag_error(d, NULL, "--target=host: the running systemd is %s; unitc knows systemd %u to %u", version,
                           sd_version_oldest(), sd_version_newest());
                free(version);
                free(features);
                return NULL;
        }
        *t = *debian;
        t->name = "host";
        t->distribution = arena_printf(a, "the running manager, systemd %s", version);
        t->bpf_framework = target_host_feature(features, "BPF_FRAMEWORK");
        t->seccomp = target_host_feature(features, "SECCOMP");
        t->apparmor = target_host_feature(features, "APPARMOR");
        t->selinux = target_host_feature(features, "SELINUX");
        free(version);
        free(features);
        return t;
}

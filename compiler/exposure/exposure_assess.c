/* exposure_assess.c - the assessors of the exposure checks, one function per rule of
 * analyze-security.c (assess_user(), assess_protect_home(), assess_system_call_filter() ...),
 * each reading the loaded settings of exposure_load.c. */
#include "base/prelude.h"

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure.h"
#include "exposure/exposure_assess.h"
#include "exposure/exposure_checks.h"
#include "exposure/exposure_load.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"

static bool exposure_privileged(const struct exposure_ctx *c)
{
        if (c->user && (streq(c->user, "0") || streq(c->user, "root")))
                return true;
        if (c->b[EXPOSURE_FIELD_DYNAMIC_USER])
                return false;
        return !c->user || !*c->user;
}

/* The first syscall of a group the filter lets through (recursing into nested groups),
 * skipping names without a native number; NULL if none. */
static const char *exposure_syscall_offender(const struct exposure_ctx *c, int group)
{
        const struct syscall_table *t = c->sc;
        const struct syscall_group *g = &t->groups[group];
        for (size_t i = 0; i < g->n_members; i++) {
                int m = g->members[i];
                if (m < 0) {
                        const char *r = exposure_syscall_offender(c, -m - 1);
                        if (r)
                                return r;
                        continue;
                }
                if (!t->resolvable[m])
                        continue;
                bool in_set = c->sf_allow_list ? c->sf[m] == 1 : c->sf[m] != 0;
                if (in_set == c->sf_allow_list)
                        return t->names[m];
        }
        return NULL;
}

static bool exposure_syscall_filter_empty(const struct exposure_ctx *c)
{
        for (size_t i = 0; i < c->sc->n_names; i++)
                if (c->sf[i])
                        return false;
        return true;
}

static bool exposure_empty_or_root(const char *p)
{
        if (!p)
                return true;
        return strspn(p, "/") == strlen(p);
}

uint64_t exposure_assess_bool(const struct exposure_ctx *c, const struct exposure_check *k,
                              const char **ret_desc)
{
        (void) ret_desc;
        return c->b[k->field] == k->inverted;
}

uint64_t exposure_assess_user(const struct exposure_ctx *c, const struct exposure_check *k,
                              const char **ret_desc)
{
        (void) k;
        if (c->user && streq(c->user, "nobody")) {
                *ret_desc = "Service runs under as 'nobody' user, which should not be used for services";
                return 9;
        }
        if (c->b[EXPOSURE_FIELD_DYNAMIC_USER] && !(c->user && (streq(c->user, "0") || streq(c->user, "root")))) {
                *ret_desc = "Service runs under a transient non-root user identity";
                return 0;
        }
        if (c->user && *c->user && !streq(c->user, "0") && !streq(c->user, "root")) {
                *ret_desc = "Service runs under a static non-root user identity";
                return 0;
        }
        if (c->user_scope && c->profile->user_scope_caller) {
                *ret_desc = "Service runs under the calling user's identity";
                return 0;
        }
        return 10;
}

uint64_t exposure_assess_supplementary_groups(const struct exposure_ctx *c, const struct exposure_check *k,
                                              const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        if (c->user_scope && c->profile->user_scope_caller)
                return c->n_groups > 0;
        return exposure_privileged(c) ? EXPOSURE_NA : c->n_groups > 0;
}

uint64_t exposure_assess_remove_ipc(const struct exposure_ctx *c, const struct exposure_check *k,
                                    const char **ret_desc)
{
        (void) k;
        if (c->user_scope && c->profile->user_scope_caller) {
                *ret_desc = "RemoveIPC= has no effect on per-user services";
                return EXPOSURE_NA;
        }
        return exposure_privileged(c) ? EXPOSURE_NA : !c->b[EXPOSURE_FIELD_REMOVE_IPC];
}

uint64_t exposure_assess_protect_home(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc)
{
        (void) k;
        const char *v = c->protect_home ? c->protect_home : "";
        if (streq(v, "yes")) {
                *ret_desc = "Service has no access to home directories";
                return 0;
        }
        if (streq(v, "read-only")) {
                *ret_desc = "Service has read-only access to home directories";
                return 5;
        }
        if (streq(v, "tmpfs")) {
                *ret_desc = "Service has access to fake empty home directories";
                return 1;
        }
        *ret_desc = "Service has full access to home directories";
        return 10;
}

uint64_t exposure_assess_protect_system(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc)
{
        (void) k;
        const char *v = c->protect_system ? c->protect_system : "";
        if (streq(v, "strict")) {
                *ret_desc = "Service has strict read-only access to the OS file hierarchy";
                return 0;
        }
        if (streq(v, "full")) {
                *ret_desc = "Service has very limited write access to the OS file hierarchy";
                return 3;
        }
        if (streq(v, "yes")) {
                *ret_desc = "Service has limited write access to the OS file hierarchy";
                return 5;
        }
        *ret_desc = "Service has full access to the OS file hierarchy";
        return 10;
}

uint64_t exposure_assess_root_directory(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        return exposure_empty_or_root(c->root_directory) && exposure_empty_or_root(c->root_image);
}

uint64_t exposure_assess_capability_bounding_set(const struct exposure_ctx *c, const struct exposure_check *k,
                                                 const char **ret_desc)
{
        (void) ret_desc;
        return (c->cap_bounding & k->mask) != 0;
}

uint64_t exposure_assess_ambient_capabilities(const struct exposure_ctx *c, const struct exposure_check *k,
                                              const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        return c->cap_ambient != 0;
}

uint64_t exposure_assess_umask(const struct exposure_ctx *c, const struct exposure_check *k,
                               const char **ret_desc)
{
        (void) k;
        static const struct {
                unsigned bit;
                uint64_t badness;
                const char *text;
        } rules[] = {
                { .bit = 0002, .badness = 10, .text = "Files created by service are world-writable by default" },
                { .bit = 0004, .badness = 5, .text = "Files created by service are world-readable by default" },
                { .bit = 0020, .badness = 2, .text = "Files created by service are group-writable by default" },
                { .bit = 0040, .badness = 1, .text = "Files created by service are group-readable by default" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(rules); i++)
                if (!(c->umask & rules[i].bit)) {
                        *ret_desc = rules[i].text;
                        return rules[i].badness;
                }
        *ret_desc = "Files created by service are accessible only by service's own user by default";
        return 0;
}

uint64_t exposure_assess_keyring_mode(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        return !(c->keyring_mode && streq(c->keyring_mode, "private"));
}

uint64_t exposure_assess_protect_proc(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        const char *v = c->protect_proc ? c->protect_proc : "";
        if (streq(v, "noaccess"))
                return 1;
        if (streq(v, "invisible") || streq(v, "ptraceable"))
                return 0;
        return 3;
}

uint64_t exposure_assess_proc_subset(const struct exposure_ctx *c, const struct exposure_check *k,
                                     const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        return !(c->proc_subset && streq(c->proc_subset, "pid"));
}

uint64_t exposure_assess_notify_access(const struct exposure_ctx *c, const struct exposure_check *k,
                                       const char **ret_desc)
{
        (void) k;
        (void) ret_desc;
        return c->notify_access && streq(c->notify_access, "all");
}

uint64_t exposure_assess_restrict_namespaces(const struct exposure_ctx *c, const struct exposure_check *k,
                                             const char **ret_desc)
{
        (void) ret_desc;
        return (c->namespaces & exposure_check_members(c, k)) != 0;
}

uint64_t exposure_assess_syscall_architectures(const struct exposure_ctx *c, const struct exposure_check *k,
                                               const char **ret_desc)
{
        (void) k;
        if (!c->archs) {
                *ret_desc = "Service may execute system calls with all ABIs";
                return 10;
        }
        if (c->archs == 1) {
                *ret_desc = "Service may execute system calls only with native ABI";
                return 0;
        }
        *ret_desc = "Service may execute system calls with multiple ABIs";
        return 8;
}

uint64_t exposure_assess_syscall_filter(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc)
{
        struct arena *a = c->arena;
        if (!c->sf_allow_list && exposure_syscall_filter_empty(c)) {
                *ret_desc = "Service does not filter system calls";
                return 10;
        }
        int g = syscall_table_group(c->sc, k->member);
        const char *off = g >= 0 ? exposure_syscall_offender(c, g) : NULL;
        if (c->sf_allow_list) {
                if (off) {
                        *ret_desc = arena_printf(a, "System call allow list defined for service, and %s "
                                                 "is included (e.g. %s is allowed)", k->member, off);
                        return 9;
                }
                *ret_desc = arena_printf(a, "System call allow list defined for service, and %s is "
                                         "not included", k->member);
                return 0;
        }
        if (off) {
                *ret_desc = arena_printf(a, "System call deny list defined for service, and %s is "
                                         "not included (e.g. %s is allowed)", k->member, off);
                return 10;
        }
        *ret_desc = arena_printf(a, "System call deny list defined for service, and %s is included",
                                 k->member);
        return 0;
}

uint64_t exposure_assess_ip_address(const struct exposure_ctx *c, const struct exposure_check *k,
                                    const char **ret_desc)
{
        (void) k;
        if (c->ip_ingress || c->ip_egress) {
                *ret_desc = "Service defines custom ingress/egress IP filters with BPF programs";
                return 0;
        }
        if (!(c->deny_any4 && c->deny_any6)) {
                *ret_desc = "Service does not define an IP address allow list";
                return 10;
        }
        if (c->allow_other) {
                *ret_desc = "Service defines IP address allow list with non-localhost entries";
                return 5;
        }
        if (c->allow_localhost) {
                *ret_desc = "Service defines IP address allow list with only localhost entries";
                return 2;
        }
        *ret_desc = "Service blocks all IP address ranges";
        return 0;
}

uint64_t exposure_assess_device_allow(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc)
{
        (void) k;
        struct arena *a = c->arena;
        if (c->device_policy && (streq(c->device_policy, "strict") || streq(c->device_policy, "closed"))) {
                if (c->n_devices) {
                        struct strbuf b = STRBUF_INIT;
                        strbuf_puts(&b, "Service has a device ACL with some special devices: ");
                        for (size_t i = c->n_devices; i-- > 0;) {
                                strbuf_puts(&b, c->devices[i]);
                                if (i)
                                        strbuf_putc(&b, ' ');
                        }
                        *ret_desc = arena_strdup(a, strbuf_str(&b));
                        strbuf_free(&b);
                        return 5;
                }
                *ret_desc = "Service has a minimal device ACL";
                return 0;
        }
        *ret_desc = "Service has no device ACL";
        return 10;
}

/* The address family classes of SecurityInfo (restrict_address_family_inet ...): an allow
 * list restricts a class unless it names one of its families, a deny list when it names one. */
uint64_t exposure_assess_address_family(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc)
{
        (void) ret_desc;
        bool named = (c->af & k->mask & ~UINT64_C(1)) != 0; /* AF_UNSPEC is no family */
        bool restricted = c->af_allow_list ? !named : named;
        return !restricted;
}

/* The row's members in the bits its setting is loaded into: capabilities and families as
 * the row has them, a namespace as its index in namespace_names, a syscall group as its
 * index in the target's table; 0 for a row about the whole setting. */
uint64_t exposure_check_members(const struct exposure_ctx *c, const struct exposure_check *k)
{
        if (k->mask || !k->member)
                return k->mask;
        if (k->field == EXPOSURE_FIELD_RESTRICT_NAMESPACES) {
                for (size_t i = 0; i < namespace_names_len; i++)
                        if (streq(k->member, namespace_names[i]))
                                return UINT64_C(1) << i;
                return 0;
        }
        int g = syscall_table_group(c->sc, k->member);
        return g >= 0 && g < 64 ? UINT64_C(1) << g : 0;
}

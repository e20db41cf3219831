/* exposure_load.c - the load step of the exposure scorer: the version profiles, the table of
 * directives the 81 checks depend on (one row each, with its parser), the fragment and drop-ins
 * applied in systemd's order with its handling of fatal errors, then the load-time side effects
 * (unit_patch_contexts(): PrivateDevices=, Protect*=, DynamicUser=, device entries). */
#include "base/prelude.h"

#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "exposure/exposure.h"
#include "exposure/exposure_exec.h"
#include "exposure/exposure_load.h"
#include "exposure/exposure_parse.h"
#include "exposure/exposure_verify.h"
#include "exposure/exposure_words.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "unit/unit.h"


#define CAP(c) (UINT64_C(1) << (c))

/* ---- version profiles ---- */


static const struct exposure_profile exposure_profiles[] = {
        { .version = 252, .credential_device = "/dev/tpmrm0:rw" },
        { .version = 254, .private_mounts_on_by_default = true, .credential_device = "char-tpm:rw" },
        { .version = 257, .private_mounts_on_by_default = true, .enum_private_settings = true,
          .credential_device = "char-tpm:rw", .user_refuses_dynamic_user = true },
        { .version = 262, .private_mounts_on_by_default = true, .enum_private_settings = true,
          .enum_settings_v262 = true, .user_refuses_dynamic_user = true, .empty_descriptions_first = true,
          .af_bad_name_ends_line = true,
          .user_scope_caller = true },
};

unsigned exposure_model_version(unsigned systemd)
{
        unsigned best = 0;
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles); i++)
                if (exposure_profiles[i].version <= systemd && exposure_profiles[i].version > best)
                        best = exposure_profiles[i].version;
        return best;
}

unsigned exposure_model_at(size_t i)
{
        return i < ARRAY_SIZE(exposure_profiles) ? exposure_profiles[i].version : 0;
}

const char *exposure_model_list(const char *sep, const char *last)
{
        static char buf[128];
        size_t n = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles) && n < sizeof(buf); i++)
                n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%u",
                                       i == 0 ? "" : i + 1 == ARRAY_SIZE(exposure_profiles) ? last : sep,
                                       exposure_profiles[i].version);
        return buf;
}

const struct exposure_profile *exposure_profile_for(unsigned version)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_profiles); i++)
                if (exposure_profiles[i].version == version)
                        return &exposure_profiles[i];
        return NULL;
}

static const char *const exposure_protect_home[] = { "no", "yes", "read-only", "tmpfs", NULL };
static const char *const exposure_protect_system[] = { "no", "yes", "full", "strict", NULL };
static const char *const exposure_protect_proc[] = { "default", "noaccess", "invisible", "ptraceable", NULL };
static const char *const exposure_proc_subset[] = { "all", "pid", NULL };
static const char *const exposure_keyring[] = { "inherit", "private", "shared", NULL };
static const char *const exposure_notify[] = { "none", "main", "exec", "all", NULL };
static const char *const exposure_device_policy[] = { "auto", "closed", "strict", NULL };
static const char *const exposure_private_tmp_v257[] = { "connected", "disconnected", NULL };
static const char *const exposure_private_users_v257[] = { "self", "identity", NULL };
static const char *const exposure_protect_cgroups_v257[] = { "private", "strict", NULL };
static const char *const exposure_private_users_v262[] = { "full", "managed", NULL };

static const char *const exposure_exec_service[] = { ".service", NULL };
static const char *const exposure_exec_socket[] = { ".socket", NULL };
static const char *const exposure_exec_both[] = { ".service", ".socket", NULL };

#define EXEC_DIRECTIVE(k, types) { .key = k, .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_exec_other, \
                                   .values = types }
#define BOOL_DIRECTIVE(k, ctx, f) { .key = k, .context = ctx, .parse = exposure_parse_bool, .field = f }

/* Sorted by key (strcmp), for bsearch. */
static const struct exposure_directive exposure_directives[] = {
        { .key = "AmbientCapabilities", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_AMBIENT_CAPABILITIES },
        { .key = "BusName", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "CapabilityBoundingSet", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_caps,
          .field = EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET },
        BOOL_DIRECTIVE("DefaultDependencies", EXPOSURE_CTX_UNIT, EXPOSURE_FIELD_DEFAULT_DEPENDENCIES),
        { .key = "Delegate", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_delegate,
          .field = EXPOSURE_FIELD_DELEGATE },
        { .key = "DeviceAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_device_allow,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW },
        { .key = "DevicePolicy", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_DEVICE_ALLOW, .values = exposure_device_policy },
        { .key = "DirectoryNotEmpty", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        BOOL_DIRECTIVE("DynamicUser", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_DYNAMIC_USER),
        EXEC_DIRECTIVE("ExecCondition", exposure_exec_service),
        EXEC_DIRECTIVE("ExecReload", exposure_exec_service),
        { .key = "ExecStart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        EXEC_DIRECTIVE("ExecStartPost", exposure_exec_both),
        EXEC_DIRECTIVE("ExecStartPre", exposure_exec_both),
        { .key = "ExecStop", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        EXEC_DIRECTIVE("ExecStopPost", exposure_exec_both),
        EXEC_DIRECTIVE("ExecStopPre", exposure_exec_socket),
        { .key = "Group", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = _EXPOSURE_FIELD_MAX },
        { .key = "IPAddressAllow", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPAddressDeny", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPEgressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "IPIngressFilterPath", .context = EXPOSURE_CTX_CGROUP, .parse = exposure_parse_ip_filter,
          .field = EXPOSURE_FIELD_IP_ADDRESS },
        { .key = "KeyringMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_KEYRING_MODE, .values = exposure_keyring },
        { .key = "KillMode", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "ListenDatagram", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenFIFO", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenMessageQueue", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenNetlink", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenSequentialPacket", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenSpecial", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenStream", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "ListenUSBFunction", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "LoadCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "LoadCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        BOOL_DIRECTIVE("LockPersonality", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_LOCK_PERSONALITY),
        BOOL_DIRECTIVE("MemoryDenyWriteExecute", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_MEMORY_DENY_WRITE_EXECUTE),
        { .key = "MountImages", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_mount_images },
        BOOL_DIRECTIVE("NoNewPrivileges", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_NO_NEW_PRIVILEGES),
        { .key = "NotifyAccess", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_NOTIFY_ACCESS, .values = exposure_notify },
        { .key = "OnActiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnBootSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnCalendar", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnClockChange", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnStartupSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnTimezoneChange", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnUnitActiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "OnUnitInactiveSec", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PAMName", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_service },
        { .key = "PathChanged", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathExists", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathExistsGlob", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "PathModified", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        BOOL_DIRECTIVE("PrivateDevices", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_DEVICES),
        BOOL_DIRECTIVE("PrivateMounts", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_MOUNTS),
        BOOL_DIRECTIVE("PrivateNetwork", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PRIVATE_NETWORK),
        { .key = "PrivateTmp", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_TMP, .values = exposure_private_tmp_v257 },
        { .key = "PrivateUsers", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PRIVATE_USERS, .values = exposure_private_users_v257,
          .values_v262 = exposure_private_users_v262 },
        { .key = "ProcSubset", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROC_SUBSET, .values = exposure_proc_subset },
        BOOL_DIRECTIVE("ProtectClock", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_CLOCK),
        { .key = "ProtectControlGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_bool,
          .field = EXPOSURE_FIELD_PROTECT_CONTROL_GROUPS, .values = exposure_protect_cgroups_v257 },
        { .key = "ProtectHome", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_HOME, .values = exposure_protect_home,
          .accepts_boolean = true },
        { .key = "ProtectHostname", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_protect_hostname,
          .field = EXPOSURE_FIELD_PROTECT_HOSTNAME },
        BOOL_DIRECTIVE("ProtectKernelLogs", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_LOGS),
        BOOL_DIRECTIVE("ProtectKernelModules", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_MODULES),
        BOOL_DIRECTIVE("ProtectKernelTunables", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_PROTECT_KERNEL_TUNABLES),
        { .key = "ProtectProc", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_PROC, .values = exposure_protect_proc },
        { .key = "ProtectSystem", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_enum,
          .field = EXPOSURE_FIELD_PROTECT_SYSTEM, .values = exposure_protect_system,
          .accepts_boolean = true },
        { .key = "RemainAfterExit", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        BOOL_DIRECTIVE("RemoveIPC", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_REMOVE_IPC),
        { .key = "Restart", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "RestrictAddressFamilies", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_families,
          .field = EXPOSURE_FIELD_ADDRESS_FAMILIES },
        { .key = "RestrictNamespaces", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_namespaces,
          .field = EXPOSURE_FIELD_RESTRICT_NAMESPACES },
        BOOL_DIRECTIVE("RestrictRealtime", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_REALTIME),
        BOOL_DIRECTIVE("RestrictSUIDSGID", EXPOSURE_CTX_EXEC, EXPOSURE_FIELD_RESTRICT_SUID_SGID),
        { .key = "RootDirectory", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_root,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "RootImage", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_root,
          .field = EXPOSURE_FIELD_ROOT_DIRECTORY },
        { .key = "SetCredential", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SetCredentialEncrypted", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_credential },
        { .key = "SuccessAction", .context = EXPOSURE_CTX_UNIT, .parse = exposure_parse_service },
        { .key = "SupplementaryGroups", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_groups,
          .field = EXPOSURE_FIELD_SUPPLEMENTARY_GROUPS },
        { .key = "SystemCallArchitectures", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_archs,
          .field = EXPOSURE_FIELD_SYSCALL_ARCHITECTURES },
        { .key = "SystemCallFilter", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_syscalls,
          .field = EXPOSURE_FIELD_SYSCALL_FILTER },
        { .key = "Type", .context = EXPOSURE_CTX_SERVICE, .parse = exposure_parse_service },
        { .key = "UMask", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_umask,
          .field = EXPOSURE_FIELD_UMASK },
        { .key = "User", .context = EXPOSURE_CTX_EXEC, .parse = exposure_parse_user,
          .field = EXPOSURE_FIELD_USER },
        { .key = "What", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
        { .key = "Where", .context = EXPOSURE_CTX_OWN, .parse = exposure_parse_own },
};

static int exposure_directive_cmp(const void *key, const void *elem)
{
        return strcmp(key, ((const struct exposure_directive *) elem)->key);
}

static const struct exposure_directive *exposure_directive_find(const char *key)
{
        return bsearch(key, exposure_directives, ARRAY_SIZE(exposure_directives),
                       sizeof(exposure_directives[0]), exposure_directive_cmp);
}

/* ---- load ---- */

static const struct exposure_type exposure_types[] = {
        { .suffix = ".service", .section = "Service", .exec = true, .cgroup = true },
        { .suffix = ".socket", .section = "Socket", .exec = true, .cgroup = true },
        { .suffix = ".mount", .section = "Mount", .exec = true, .cgroup = true },
        { .suffix = ".swap", .section = "Swap", .exec = true, .cgroup = true },
        { .suffix = ".slice", .section = "Slice", .cgroup = true },
        { .suffix = ".scope", .section = "Scope", .cgroup = true },
        { .suffix = ".timer", .section = "Timer" },
        { .suffix = ".path", .section = "Path" },
        { .suffix = ".automount", .section = "Automount" },
};

static const struct exposure_type *exposure_type_of(const char *id)
{
        const char *dot = strrchr(id, '.');
        for (size_t i = 0; dot && i < ARRAY_SIZE(exposure_types); i++)
                if (streq(dot, exposure_types[i].suffix))
                        return &exposure_types[i];
        return NULL;
}

struct exposure_item {
        const struct unit_entry *e;
        bool unit_section;
        bool dropin;
        const char *base; /* the file's base name: drop-ins apply in this order */
        size_t seq;       /* position in the model */
};

static int exposure_item_cmp(const void *x, const void *y)
{
        const struct exposure_item *a = x, *b = y;
        if (a->dropin != b->dropin)
                return a->dropin ? 1 : -1;
        if (a->dropin) {
                int r = strcmp(a->base, b->base);
                if (r)
                        return r;
        }
        if (a->e->file && b->e->file && a->e->line != b->e->line)
                return a->e->line < b->e->line ? -1 : 1;
        return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool exposure_is_dropin(const char *file)
{
        size_t n = file ? strlen(file) : 0;
        return n > 5 && streq(file + n - 5, ".conf");
}

static void exposure_apply_entry(struct exposure_ctx *c, const struct unit_entry *e, bool unit_section)
{
        const struct exposure_directive *d = exposure_directive_find(e->key);
        if (d) {
                bool ok;
                switch (d->context) {
                case EXPOSURE_CTX_UNIT:
                        ok = unit_section;
                        break;
                case EXPOSURE_CTX_EXEC:
                        ok = !unit_section && c->exec;
                        break;
                case EXPOSURE_CTX_CGROUP:
                        ok = !unit_section && c->cgroup;
                        break;
                case EXPOSURE_CTX_SERVICE:
                        ok = !unit_section && c->service;
                        break;
                default:
                        ok = !unit_section;
                        break;
                }
                if (ok)
                        d->parse(c, d, e);
        }
}

/* Applies the model's entries in load order (fragment by line, then each drop-in), with
 * systemd's handling of fatal parse errors. Returns -1 when the unit fails to load. */
static int exposure_apply(struct exposure_ctx *c, const struct unit_file *u, const char *type_section)
{
        size_t n = 0, seq = 0;
        for (size_t i = 0; i < u->n; i++)
                n += u->sections[i].n;
        struct exposure_item *items = xmalloc((n + 1) * sizeof(*items));
        n = 0;
        for (size_t i = 0; i < u->n; i++) {
                const struct unit_section *s = &u->sections[i];
                bool unit_section = streq(s->name, "Unit");
                if (!unit_section && !(type_section && streq(s->name, type_section)))
                        continue;
                for (size_t j = 0; j < s->n; j++) {
                        const struct unit_entry *e = &s->entries[j];
                        const char *slash = e->file ? strrchr(e->file, '/') : NULL;
                        items[n++] = (struct exposure_item) {
                                .e = e, .unit_section = unit_section, .dropin = exposure_is_dropin(e->file),
                                .base = slash ? slash + 1 : e->file ? e->file : "", .seq = seq++,
                        };
                }
        }
        qsort(items, n, sizeof(*items), exposure_item_cmp);
        const char *truncated = NULL;
        int r = 0;
        for (size_t i = 0; i < n; i++) {
                if (truncated && items[i].e->file && streq(items[i].e->file, truncated))
                        continue;
                c->fatal = false;
                exposure_apply_entry(c, items[i].e, items[i].unit_section);
                if (!c->fatal)
                        continue;
                if (!items[i].dropin) {
                        r = -1;
                        break;
                }
                truncated = items[i].e->file;
                c->error = NULL;
                c->error_entry = NULL;
        }
        free(items);
        return r;
}

int exposure_load(struct exposure_ctx *c, const struct unit_file *u, const struct exposure_options *opt)
{
        const struct exposure_type *t = exposure_type_of(u->name);
        c->arena = u->arena;
        c->id = u->name;
        c->user_scope = opt->user;
        c->exec = t && t->exec;
        c->cgroup = t && t->cgroup;
        c->service = t && streq(t->suffix, ".service");
        /* The root slice and the root mount start without default dependencies. */
        c->b[EXPOSURE_FIELD_DEFAULT_DEPENDENCIES] = !streq(u->name, "-.slice") && !streq(u->name, "-.mount");
        c->cap_bounding = EXPOSURE_CAP_ALL;
        c->namespaces = EXPOSURE_NS_INITIAL;
        c->sf = arena_alloc(c->arena, c->sc->n_names);
        if (c->exec) {
                c->protect_home = "no";
                c->protect_system = "no";
                c->protect_proc = "default";
                c->proc_subset = "all";
                c->umask = opt->user ? opt->user_umask : 0022;
                c->keyring_mode = opt->user ? "inherit" : c->service ? "private" : "shared";
        } else
                c->umask = 0002;
        if (c->service)
                c->notify_access = "none";
        if (c->cgroup)
                c->device_policy = "auto";

        if (exposure_apply(c, u, t ? t->section : NULL) < 0)
                return -1;
        /* A mount or automount without Where= is where its name says (mount_add_extras()),
         * and a name that is no path fails the load; so does an automount on the root. */
        if (t && (streq(t->suffix, ".mount") || streq(t->suffix, ".automount"))) {
                int err = 0;
                if (!c->where && !(c->where = exposure_path_from_name(c->arena, c->id, t->suffix)))
                        err = EINVAL;
                else if (streq(t->suffix, ".automount") && c->where[strspn(c->where, "/")] == '\0')
                        err = EADDRNOTAVAIL;
                if (err) {
                        c->error = arena_printf(c->arena, "Unit %s failed to load properly, please adjust/correct "
                                                "and reload service manager: %s", c->id, strerror(err));
                        return -1;
                }
        }
        if (c->exec && c->user_scope && c->profile->user_refuses_dynamic_user && c->b[EXPOSURE_FIELD_DYNAMIC_USER]) {
                c->error = arena_printf(c->arena, "%s: DynamicUser= enabled for user unit, which is not supported. "
                                        "Refusing.", c->id);
                return -1;
        }
        {
                const char *why = c->service ? exposure_verify_service(c) : exposure_verify_other(c, t);
                if (why) {
                        c->error = arena_printf(c->arena, "%s: %s", c->id, why);
                        return -1;
                }
        }
        if (!c->exec)
                return 0;

        /* Load-time side effects (unit_patch_contexts), in systemd's order. */
        static const struct {
                enum exposure_field field;
                uint64_t caps;
        } drops[] = {
                { .field = EXPOSURE_FIELD_PRIVATE_DEVICES, .caps = CAP(CAP_MKNOD) | CAP(CAP_SYS_RAWIO) },
                { .field = EXPOSURE_FIELD_PROTECT_KERNEL_MODULES, .caps = CAP(CAP_SYS_MODULE) },
                { .field = EXPOSURE_FIELD_PROTECT_KERNEL_LOGS, .caps = CAP(CAP_SYSLOG) },
                { .field = EXPOSURE_FIELD_PROTECT_CLOCK, .caps = CAP(CAP_SYS_TIME) | CAP(CAP_WAKE_ALARM) },
        };
        for (size_t i = 0; i < ARRAY_SIZE(drops); i++)
                if (c->b[drops[i].field]) {
                        c->cap_bounding &= ~drops[i].caps;
                        for (size_t k = 0; k < c->origin[drops[i].field].n; k++) {
                                exposure_origin_add(c, EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET,
                                                    c->origin[drops[i].field].v[k]);
                                exposure_origin_name(c, EXPOSURE_FIELD_CAPABILITY_BOUNDING_SET, drops[i].caps);
                        }
                }
        if (c->b[EXPOSURE_FIELD_DYNAMIC_USER]) {
                const struct exposure_origin *du = &c->origin[EXPOSURE_FIELD_DYNAMIC_USER];
                const struct unit_entry *e = du->n ? du->v[du->n - 1] : NULL;
                if (!c->user) {
                        const char *id = c->id, *end = strchr(id, '@');
                        if (!end)
                                end = strrchr(id, '.');
                        char *prefix = arena_strndup(c->arena, id, (size_t) (end - id));
                        c->user = exposure_valid_user_strict(prefix) ? prefix : "_du";
                        exposure_origin_set(c, EXPOSURE_FIELD_USER, e);
                }
                static const enum exposure_field forced[] = {
                        EXPOSURE_FIELD_PRIVATE_TMP, EXPOSURE_FIELD_REMOVE_IPC,
                        EXPOSURE_FIELD_NO_NEW_PRIVILEGES, EXPOSURE_FIELD_RESTRICT_SUID_SGID,
                };
                for (size_t i = 0; i < ARRAY_SIZE(forced); i++) {
                        c->b[forced[i]] = true;
                        exposure_origin_set(c, forced[i], e);
                }
                c->protect_system = "strict";
                exposure_origin_set(c, EXPOSURE_FIELD_PROTECT_SYSTEM, e);
                if (streq(c->protect_home, "no")) {
                        c->protect_home = "read-only";
                        exposure_origin_set(c, EXPOSURE_FIELD_PROTECT_HOME, e);
                }
        }
        if (c->cgroup) {
                if (c->b[EXPOSURE_FIELD_PRIVATE_DEVICES] && streq(c->device_policy, "auto"))
                        c->device_policy = "closed";
                if (!streq(c->device_policy, "auto") || c->n_devices > 0) {
                        if (c->root_image || c->mount_images) {
                                static const char *const loop[] = {
                                        "/dev/loop-control:rw", "/dev/mapper/control:rw",
                                        "block-loop:rwm", "block-blkext:rwm", "block-device-mapper:rwm",
                                };
                                for (size_t i = 0; i < ARRAY_SIZE(loop); i++)
                                        exposure_add_device(c, loop[i]);
                        }
                        if (c->b[EXPOSURE_FIELD_PROTECT_CLOCK])
                                exposure_add_device(c, "char-rtc:r");
                        if (exposure_credentials_encrypted(&c->load_credentials) ||
                            exposure_credentials_encrypted(&c->set_credentials)) {
                                if (c->profile->credential_device)
                                        exposure_add_device(c, c->profile->credential_device);
                        }
                }
        }
        if (c->profile->private_mounts_on_by_default && !c->private_mounts_set)
                c->b[EXPOSURE_FIELD_PRIVATE_MOUNTS] = true;
        return 0;
}

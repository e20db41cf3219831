/* lower.c - turns a checked policy into units: deny by default, relax by statement. */
#include "base/prelude.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"
#include "front/ast.h"
#include "passes/check.h"
#include "front/diag.h"
#include "unit/escape.h"
#include "passes/lower.h"
#include "passes/policy.h"
#include "passes/upgrade.h"
#include "front/source.h"
#include "base/strbuf.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "systemd/target.h"
#include "unit/unit.h"

struct lower_ctx {
        struct arena *arena;
        struct diag_queue *diags;
        const struct policy *p;
        struct unit_file *u;
        struct lower_not_set *not_set;
        size_t n_not_set, cap_not_set;
};

/* "opensnitch.pol:12: needs capability net_admin", or for a statement from a profile
 * "tls-client.pol:3: reads /etc/ssl/certs (profile tls-client)". Base names only: the
 * output must not depend on where the files were. */
static const char *why_stmt(struct lower_ctx *ctx, const struct ast_stmt *s)
{
        const char *name = s->loc.src->name;
        const char *slash = strrchr(name, '/');
        if (slash)
                name = slash + 1;
        const char *text = ast_stmt_text(ctx->arena, s);
        if (s->block && s->block->kind == BLOCK_PROFILE)
                return arena_printf(ctx->arena, "%s:%u: %s (profile %s)", name, s->loc.first_line,
                                    text, s->block->name);
        return arena_printf(ctx->arena, "%s:%u: %s", name, s->loc.first_line, text);
}

static const char *why_default(struct lower_ctx *ctx, const char *reason)
{
        return arena_printf(ctx->arena, "default: %s", reason);
}

static void put(struct lower_ctx *ctx, const char *section, const char *key, const char *value,
                const char *why)
{
        unit_add(ctx->u, section, key, value, why);
}

/* An entry a statement asked for: its reason and its place. */
static void put_by(struct lower_ctx *ctx, const char *section, const char *key, const char *value,
                   const struct ast_stmt *s)
{
        struct unit_entry *e = unit_add(ctx->u, section, key, value, why_stmt(ctx, s));
        e->loc = &s->loc;
}

/* A directive of the strict sandbox that a statement turned off: a comment in the unit, and
 * a record for the exposure check to name the statement. */
static void not_set(struct lower_ctx *ctx, const char *key, const struct ast_stmt *by)
{
        put(ctx, "Service", "#", arena_printf(ctx->arena, "%s= is not set: %s", key, why_stmt(ctx, by)), NULL);
        ctx->not_set = arena_grow(ctx->arena, ctx->not_set, sizeof(*ctx->not_set), &ctx->cap_not_set,
                                  ctx->n_not_set + 1);
        ctx->not_set[ctx->n_not_set++] = (struct lower_not_set) { key, by };
}

static void put_item(struct lower_ctx *ctx, const char *section, const char *key,
                     const struct pol_item *it, const char *value)
{
        put_by(ctx, section, key, value, it->stmt);
}

/* One entry per item, each value escaped as a list word. */
static void put_words(struct lower_ctx *ctx, const char *section, const char *key,
                      const struct pol_list *l)
{
        for (size_t i = 0; i < l->n; i++)
                put_item(ctx, section, key, &l->items[i], escape_word(ctx->arena, l->items[i].value));
}

/* ---- the strict baseline ----------------------------------------------------------------- */

const struct baseline_row lower_baseline[] = {
        { "PrivateTmp", "yes", RELAX_SHARED_TMP, NULL, "a private /tmp and /var/tmp" },
        { "PrivateDevices", "yes", RELAX_DEVICES, NULL, "no physical devices" },
        { "DevicePolicy", "closed", -1, NULL, "only the pseudo devices (null, zero, random ...)" },
        { "PrivateNetwork", "yes", RELAX_NETWORK, NULL, "no network but a private loopback" },
        { "PrivateIPC", "yes", RELAX_IPC, NULL, "private SysV IPC and message queues" },
        { "PrivateMounts", "yes", -1, NULL, "its mounts stay its own" },
        { "PrivateUsers", "yes", RELAX_HOST_USERS, NULL, "its own user namespace: no capabilities on the host" },
        { "ProtectKernelTunables", "yes", RELAX_KERNEL_TUNABLES, NULL, "/proc/sys and /sys read-only" },
        { "ProtectKernelModules", "yes", RELAX_KERNEL_MODULES, NULL, "no kernel module loading" },
        { "ProtectKernelLogs", "yes", RELAX_KERNEL_LOG, NULL, "no access to the kernel log" },
        { "ProtectControlGroups", "yes", RELAX_CGROUPS, NULL, "the control group tree read-only" },
        { "ProtectClock", "yes", RELAX_CLOCK, NULL, "the clock cannot be set" },
        { "ProtectHostname", "yes", RELAX_HOSTNAME, NULL, "the host name cannot be changed" },
        { "ProtectProc", "invisible", RELAX_PROCESSES, NULL, "other users' processes are invisible" },
        { "ProcSubset", "pid", RELAX_PROC_FILES, NULL, "/proc shows processes only" },
        { "NoNewPrivileges", "yes", RELAX_SETUID, NULL, "no privilege gain through setuid programs or file capabilities" },
        { "RestrictSUIDSGID", "yes", RELAX_SETUID, NULL, "cannot create setuid or setgid files" },
        { "LockPersonality", "yes", RELAX_PERSONALITY, NULL, "the execution domain is locked" },
        { "MemoryDenyWriteExecute", "yes", RELAX_JIT, NULL, "no memory both writable and executable" },
        { "RestrictRealtime", "yes", RELAX_REALTIME, NULL, "no real-time scheduling" },
        { "SystemCallArchitectures", "native", -1, NULL, "native system calls only" },
        { "UMask", "0077", -1, NULL, "new files are private to the service" },
        { "KeyringMode", "private", -1, NULL, "a private kernel keyring" },
};
const size_t lower_baseline_len = ARRAY_SIZE(lower_baseline);

static void lower_strict_baseline(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        for (size_t i = 0; i < lower_baseline_len; i++) {
                const struct baseline_row *row = &lower_baseline[i];
                if (row->relaxed_by >= 0 && pol_relaxed(p, (enum relax) row->relaxed_by)) {
                        const struct ast_stmt *by = p->relax_origin[row->relaxed_by];
                        if (row->relaxed)
                                put_by(ctx, "Service", row->key, row->relaxed, by);
                        else
                                not_set(ctx, row->key, by);
                        continue;
                }
                /* The one baseline value a statement sets rather than relaxes. */
                if (streq(row->key, "UMask") && p->umask.value) {
                        put_by(ctx, "Service", row->key, p->umask.value, p->umask.stmt);
                        continue;
                }
                /* A user service must have PrivateUsers=yes for its sandbox to apply at all. */
                const char *reason = row->reason;
                if (streq(row->key, "PrivateUsers") && p->manager == POL_USER)
                        reason = "a per-user manager applies no sandbox without it (systemd 252)";
                put(ctx, "Service", row->key, row->strict, why_default(ctx, reason));
        }
}

/* ---- identity ---------------------------------------------------------------------------- */

/* The identity: from the `user` statement, or the default. */
static void put_user(struct lower_ctx *ctx, const char *section, const char *key, const char *value,
                     const char *default_why)
{
        if (ctx->p->user_stmt)
                put_by(ctx, section, key, value, ctx->p->user_stmt);
        else
                put(ctx, section, key, value, default_why);
}

static void lower_identity(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        const char *why = why_default(ctx, "a user allocated for each start");
        switch (p->user) {
        case POL_USER_DYNAMIC:
                if (p->manager == POL_SYSTEM)
                        put_user(ctx, "Service", "DynamicUser", "yes", why);
                break;
        case POL_USER_ROOT:
                put_user(ctx, "Service", "User", "root", why);
                if (p->group_name.value)
                        put_user(ctx, "Service", "Group", escape_word(ctx->arena, p->group_name.value), why);
                break;
        case POL_USER_NAMED:
                put_user(ctx, "Service", "User", escape_word(ctx->arena, p->user_name.value), why);
                if (p->group_name.value)
                        put_user(ctx, "Service", "Group", escape_word(ctx->arena, p->group_name.value), why);
                break;
        }
        if (p->manager == POL_SYSTEM && p->user != POL_USER_ROOT)
                put(ctx, "Service", "RemoveIPC", "yes", why_default(ctx, "its IPC objects are removed when it stops"));
}

/* ---- files ------------------------------------------------------------------------------- */

/* Where systemd creates a service's own folders (ORDER: owns_table). */
static const struct owns_info *owns_for(const char *path, bool user, const char **ret_rel)
{
        for (size_t i = 0; i < owns_table_len; i++) {
                const char *root = user ? owns_table[i].user_root : owns_table[i].system_root;
                if (!root)
                        continue;
                size_t n = strlen(root);
                if (strncmp(path, root, n) == 0 && path[n] == '/' && path[n + 1]) {
                        *ret_rel = path + n + 1;
                        return &owns_table[i];
                }
        }
        return NULL;
}


static void lower_files(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        struct arena *a = ctx->arena;
        bool user = p->manager == POL_USER;
        const struct ast_stmt *home_stmt = NULL;

        put(ctx, "Service", "ProtectSystem", "strict", why_default(ctx, "the whole file system is read-only"));
        /* ProtectSystem=strict leaves /run writable to root (and /run/lock to everyone); the
         * folders the service writes there are bound back in writable. A user service's
         * runtime folder lives under /run/user, which ProtectHome= covers. */
        if (!user)
                put(ctx, "Service", "ReadOnlyPaths", "/run", why_default(ctx, "/run is read-only too"));

        /* Home folders: hidden; a service that uses one gets an empty /home with just the
         * named paths bound in, a user service too: it sees of its own home only what it
         * reads and writes. */
        for (size_t i = 0; i < p->reads.n; i++)
                if (path_in_home(p->reads.items[i].value) && !home_stmt)
                        home_stmt = p->reads.items[i].stmt;
        for (size_t i = 0; i < p->writes.n; i++)
                if (path_in_home(p->writes.items[i].value) && !home_stmt)
                        home_stmt = p->writes.items[i].stmt;
        if (home_stmt) {
                put_by(ctx, "Service", "ProtectHome", "tmpfs", home_stmt);
                /* The empty folders are writable to root, and a user manager's to the user:
                 * what the service wrote there would be gone at the next start, without an
                 * error. Read-only tmpfs over them (systemd 252 keeps binds inside writable). */
                if (user) { /* `~` alone is refused: there is always a folder to hide */
                        put(ctx, "Service", "TemporaryFileSystem", "%h:ro",
                            why_default(ctx, "the empty home folder is read-only"));
                } else {
                        for (size_t i = 0; i < home_roots_len; i++)
                                put(ctx, "Service", "TemporaryFileSystem", arena_printf(a, "%s:ro", home_roots[i]),
                                    why_default(ctx, "the empty home folders are read-only"));
                }
        } else {
                put(ctx, "Service", "ProtectHome", "yes", why_default(ctx, "home folders are invisible"));
        }

        for (size_t i = 0; i < p->writes.n; i++) {
                const struct pol_item *w = &p->writes.items[i];
                const char *path = w->value, *rel = NULL;
                const struct owns_info *o = w->flag ? NULL : owns_for(path, user, &rel);
                if (w->flag) {
                        /* systemd cannot create a file: if it is missing, it stays unwritable. */
                        put_item(ctx, "Service", "ReadWritePaths", w,
                                 arena_printf(a, "-%s", escape_word(a, path)));
                } else if (o) {
                        put_item(ctx, "Service", o->key, w, escape_word(a, rel));
                        /* The folder exists from the start, so it can be named writable; in a
                         * user service's hidden home it is bound in. */
                        if (user)
                                put_item(ctx, "Service", "BindPaths", w, escape_word(a, path));
                        else if (streq(o->key, "ConfigurationDirectory"))
                                put_item(ctx, "Service", "ReadWritePaths", w, escape_word(a, path));
                } else if (path_in_home(path) && !(user && startswith(path, "%h/"))) {
                        put_item(ctx, "Service", "BindPaths", w, escape_word(a, path));
                } else if ((path_under(path, "/tmp") || path_under(path, "/var/tmp")) &&
                           !pol_relaxed(p, RELAX_SHARED_TMP)) {
                        put(ctx, "Service", "#", arena_printf(a, "%s is in the private /tmp: %s", path,
                                                             why_stmt(ctx, w->stmt)), NULL);
                } else if (user && startswith(path, "%h/")) {
                        put_item(ctx, "Service", "BindPaths", w, arena_printf(a, "-%s", escape_word(a, path)));
                        diag_warning(ctx->diags, w->loc ? w->loc : &w->stmt->loc,
                                     "systemd 252 cannot create ~%s for a user service: create it before the first start, or the service cannot see it",
                                     path + 2);
                } else {
                        put_item(ctx, "Service", "ReadWritePaths", w, escape_word(a, path));
                }
        }
        for (size_t i = 0; i < p->directories.n; i++) {
                const struct pol_item *d = &p->directories.items[i];
                put_item(ctx, "Service", d->key, d, escape_word(a, d->value));
        }
        for (size_t i = 0; i < p->directory_modes.n; i++)
                put_item(ctx, "Service", p->directory_modes.items[i].key, &p->directory_modes.items[i],
                         p->directory_modes.items[i].value);
        for (size_t i = 0; i < p->reads.n; i++) {
                const struct pol_item *r = &p->reads.items[i];
                if (path_in_home(r->value))
                        put_item(ctx, "Service", "BindReadOnlyPaths", r,
                                 arena_printf(a, "-%s", escape_word(a, r->value)));
        }
        for (size_t i = 0; i < p->hides.n; i++)
                put_item(ctx, "Service", "InaccessiblePaths", &p->hides.items[i],
                         arena_printf(a, "-%s", escape_word(a, p->hides.items[i].value)));

        /* What the service can write it cannot run, unless `executes` says so. The rest of
         * the tree is left as it is: on systemd 252 ExecPaths= re-mounts its paths writable
         * even under ProtectSystem=strict, so unitc never names read-only paths there. The
         * decision is the policy's: its own paths are compared, and escaped only when written. */
        struct written { const char *path; const struct ast_stmt *by; } *done =
                arena_alloc(a, (p->writes.n + p->directories.n + 1) * sizeof(*done));
        size_t ndone = 0;
        for (size_t i = 0; i < p->writes.n + p->directories.n; i++) {
                const struct pol_item *w = i < p->writes.n ? &p->writes.items[i] : &p->directories.items[i - p->writes.n];
                const char *path = w->value;
                if (i >= p->writes.n) { /* owns KIND NAME: the folder systemd makes */
                        const char *root = NULL;
                        for (size_t k = 0; k < owns_table_len; k++)
                                if (streq(w->key, owns_table[k].key))
                                        root = user ? owns_table[k].user_root : owns_table[k].system_root;
                        if (!root)
                                continue;
                        path = arena_printf(a, "%s/%s", root, w->value);
                } else if (!w->flag && (path_under(path, "/tmp") || path_under(path, "/var/tmp")) &&
                           !pol_relaxed(p, RELAX_SHARED_TMP) && !path_in_home(path)) {
                        continue; /* in the private /tmp: nothing was emitted for it */
                }
                bool seen = false;
                for (size_t k = 0; k < ndone; k++)
                        seen |= streq(done[k].path, path);
                if (!seen)
                        done[ndone++] = (struct written) { path, w->stmt };
        }
        for (size_t i = 0; i < ndone; i++) {
                bool exec_ok = false;
                for (size_t k = 0; k < p->executes.n; k++)
                        exec_ok |= path_under(done[i].path, p->executes.items[k].value);
                if (!exec_ok)
                        put(ctx, "Service", "NoExecPaths", arena_printf(a, "-%s", escape_word(a, done[i].path)),
                            arena_printf(a, "default: what it writes it cannot run (%s)", why_stmt(ctx, done[i].by)));
        }
        /* The folders the sandbox gives it to write besides the named ones: the private /tmp
         * and /var/tmp, and /dev/shm (the private /dev's, or the host's). Nothing written
         * there runs either. They are mounted afresh after NoExecPaths= over a folder above
         * them (a vendor's NoExecPaths=/) is applied, so each is named itself. */
        static const struct {
                const char *path;
                int shared_by; /* the relaxation that shares the host's, read-only, instead */
        } scratch[] = { { "/tmp", RELAX_SHARED_TMP }, { "/var/tmp", RELAX_SHARED_TMP }, { "/dev/shm", -1 } };
        for (size_t i = 0; i < ARRAY_SIZE(scratch); i++) {
                if (scratch[i].shared_by >= 0 && pol_relaxed(p, (enum relax) scratch[i].shared_by))
                        continue;
                bool exec_ok = false;
                for (size_t k = 0; k < p->executes.n; k++)
                        exec_ok |= path_under(scratch[i].path, p->executes.items[k].value) ||
                                   path_under(p->executes.items[k].value, scratch[i].path);
                if (!exec_ok)
                        put(ctx, "Service", "NoExecPaths", arena_printf(a, "-%s", scratch[i].path),
                            arena_printf(a, "default: what it writes in %s it cannot run", scratch[i].path));
        }
        /* A folder it runs programs from, inside one it writes: executable again. */
        for (size_t k = 0; k < p->executes.n; k++) {
                const struct pol_item *x = &p->executes.items[k];
                bool inside = false;
                for (size_t i = 0; i < ndone; i++)
                        inside |= path_under(x->value, done[i].path) && !streq(x->value, done[i].path);
                if (inside)
                        put_item(ctx, "Service", "ExecPaths", x, arena_printf(a, "-%s", escape_word(a, x->value)));
        }
}

/* ---- capabilities, network, system calls ------------------------------------------------ */

static void lower_capabilities(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        if (!p->caps) {
                put(ctx, "Service", "CapabilityBoundingSet", "", why_default(ctx, "no capabilities"));
                return;
        }
        for (size_t i = 0; i < cap_table_len; i++) {
                const struct cap_info *c = &cap_table[i];
                if (!(p->caps & (UINT64_C(1) << c->bit)))
                        continue;
                char upper[64];
                size_t k = 0;
                for (; k < sizeof(upper) - 1 && c->name[k]; k++)
                        upper[k] = (char) (c->name[k] >= 'a' && c->name[k] <= 'z' ? c->name[k] - 32 : c->name[k]);
                upper[k] = '\0';
                const char *value = arena_printf(ctx->arena, "CAP_%s", upper);
                put_by(ctx, "Service", "CapabilityBoundingSet", value, p->cap_origin[c->bit]);
                /* A service that is not root holds a capability only when it is ambient. */
                if (p->user != POL_USER_ROOT)
                        put_by(ctx, "Service", "AmbientCapabilities", value, p->cap_origin[c->bit]);
        }
}

/* Address families in a fixed order, each once. */
static const char *const family_order[] = { "AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET" };

static void lower_network(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        put(ctx, "Service", "RestrictAddressFamilies", "AF_UNIX",
            why_default(ctx, "local sockets only (logging, name service)"));
        for (size_t f = 1; f < ARRAY_SIZE(family_order); f++)
                for (size_t i = 0; i < p->families.n; i++)
                        if (streq(p->families.items[i].value, family_order[f])) {
                                put_item(ctx, "Service", "RestrictAddressFamilies", &p->families.items[i],
                                         family_order[f]);
                                break;
                        }

        /* A service that only listens binds only its own ports, where the target's systemd
         * can enforce it (cgroup BPF: BPF_FRAMEWORK). A client binds ports of its choosing
         * (a resolver's random source ports, an explicit bind before connect), so any need
         * to reach out leaves binding open. */
        bool binds = false;
        for (size_t i = 0; i < p->listens.n; i++)
                binds |= !p->listens.items[i].flag;
        if (binds && !p->client_stmt && p->target_info->bpf_framework) {
                for (size_t i = 0; i < p->listens.n; i++) {
                        const struct pol_item *l = &p->listens.items[i];
                        if (!l->flag)
                                put_item(ctx, "Service", "SocketBindAllow", l, arena_printf(ctx->arena, "%s:%d", l->key, l->port));
                }
                put(ctx, "Service", "SocketBindDeny", "any",
                    why_default(ctx, arena_printf(ctx->arena, "it binds only the ports it listens on (%s enforces it)",
                                                  p->target_info->name)));
        }

        const struct pol_item *any = NULL;
        for (size_t i = 0; i < p->ip_allow.n; i++)
                if (streq(p->ip_allow.items[i].value, "any"))
                        any = &p->ip_allow.items[i];
        if (any) {
                not_set(ctx, "IPAddressDeny", any->stmt);
                return;
        }
        put(ctx, "Service", "IPAddressDeny", "any", why_default(ctx, "no traffic to or from any address not named"));
        for (size_t i = 0; i < p->ip_allow.n; i++) {
                bool dup = false;
                for (size_t j = 0; j < i; j++)
                        dup |= streq(p->ip_allow.items[j].value, p->ip_allow.items[i].value);
                if (!dup)
                        put_item(ctx, "Service", "IPAddressAllow", &p->ip_allow.items[i], p->ip_allow.items[i].value);
        }
}

static void lower_syscalls(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        put(ctx, "Service", "SystemCallFilter", "@system-service",
            why_default(ctx, "the system calls of ordinary services"));
        if (pol_relaxed(p, RELAX_RESOURCES))
                put_by(ctx, "Service", "SystemCallFilter", "~@privileged", p->relax_origin[RELAX_RESOURCES]);
        else
                put(ctx, "Service", "SystemCallFilter", "~@privileged @resources",
                    why_default(ctx, "no privileged or resource-changing system calls"));
        for (size_t i = 0; i < p->syscalls.n; i++) {
                bool dup = false;
                for (size_t j = 0; j < i; j++)
                        dup |= streq(p->syscalls.items[j].value, p->syscalls.items[i].value);
                if (!dup)
                        put_item(ctx, "Service", "SystemCallFilter", &p->syscalls.items[i],
                                 p->syscalls.items[i].value);
        }
        put(ctx, "Service", "SystemCallErrorNumber", "EPERM",
            why_default(ctx, "a denied system call fails with EPERM rather than killing the service"));

        if (!p->namespaces.n) {
                put(ctx, "Service", "RestrictNamespaces", "yes", why_default(ctx, "no new namespaces"));
                return;
        }
        struct strbuf b = STRBUF_INIT;
        for (size_t k = 0; k < namespace_names_len; k++)
                for (size_t i = 0; i < p->namespaces.n; i++)
                        if (streq(p->namespaces.items[i].value, namespace_names[k])) {
                                strbuf_printf(&b, "%s%s", b.len ? " " : "", namespace_names[k]);
                                break;
                        }
        put_by(ctx, "Service", "RestrictNamespaces", strbuf_str(&b), p->namespaces.items[0].stmt);
        strbuf_free(&b);
}

static void lower_devices(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        for (size_t i = 0; i < p->devices.n; i++) {
                const struct pol_item *d = &p->devices.items[i];
                put_item(ctx, "Service", "DeviceAllow", d,
                         arena_printf(ctx->arena, "%s %s", escape_word(ctx->arena, d->value), d->key));
        }
}

/* ---- the unit's own lines -------------------------------------------------------------- */

static void lower_unit_section(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        struct arena *a = ctx->arena;
        if (p->description.value)
                put_item(ctx, "Unit", "Description", &p->description, escape_text(a, p->description.value));
        else
                put(ctx, "Unit", "Description", escape_text(a, p->name), why_default(ctx, "the service's name"));
        put_words(ctx, "Unit", "Documentation", &p->documentation);
        put_words(ctx, "Unit", "Wants", &p->wants);
        put_words(ctx, "Unit", "Requires", &p->requires);
        put_words(ctx, "Unit", "After", &p->after);
        put_words(ctx, "Unit", "Before", &p->before);
}

static void lower_service_section(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        struct arena *a = ctx->arena;
        if (p->type.value)
                put_item(ctx, "Service", "Type", &p->type, p->type.value);
        else if (p->execs.n)
                put(ctx, "Service", "Type", "exec", why_default(ctx, "the start fails if the program cannot run"));
        static const char *const exec_order[] = { "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop" };
        for (size_t k = 0; k < ARRAY_SIZE(exec_order); k++)
                for (size_t i = 0; i < p->execs.n; i++) {
                        const struct pol_item *e = &p->execs.items[i];
                        if (!streq(e->key, exec_order[k]))
                                continue;
                        struct strbuf b = STRBUF_INIT;
                        for (size_t j = 0; j < e->argc; j++)
                                strbuf_printf(&b, "%s%s", j ? " " : "", escape_exec_arg(a, e->argv[j]));
                        put_item(ctx, "Service", e->key, e, strbuf_str(&b));
                        strbuf_free(&b);
                }
        if (p->pid_file.value)
                put_item(ctx, "Service", "PIDFile", &p->pid_file, escape_word(a, p->pid_file.value));
        /* $MAINPID is systemd's, written as it is; kill(1) needs only the kill call. */
        if (p->reload_signal.value)
                put_item(ctx, "Service", "ExecReload", &p->reload_signal,
                         arena_printf(a, "/bin/kill -s %s $MAINPID", p->reload_signal.value));
        if (p->restart.value)
                put_item(ctx, "Service", "Restart", &p->restart, p->restart.value);
        for (size_t i = 0; i < exit_meaning_table_len; i++)
                for (size_t k = 0; k < ARRAY_SIZE(exit_meaning_table[i].keys) && exit_meaning_table[i].keys[k]; k++)
                        for (size_t j = 0; j < p->exit_statuses.n; j++)
                                if (streq(p->exit_statuses.items[j].key, exit_meaning_table[i].word))
                                        put_item(ctx, "Service", exit_meaning_table[i].keys[k], &p->exit_statuses.items[j],
                                                 p->exit_statuses.items[j].value);
        if (p->restart_delay.value)
                put_item(ctx, "Service", "RestartSec", &p->restart_delay, p->restart_delay.value);
        if (p->timeout_start.value)
                put_item(ctx, "Service", "TimeoutStartSec", &p->timeout_start, p->timeout_start.value);
        if (p->timeout_stop.value)
                put_item(ctx, "Service", "TimeoutStopSec", &p->timeout_stop, p->timeout_stop.value);
        put_words(ctx, "Service", "Environment", &p->environment);
        put_words(ctx, "Service", "EnvironmentFile", &p->environment_files);
        if (p->working_directory.value)
                put_item(ctx, "Service", "WorkingDirectory", &p->working_directory,
                         escape_word(a, p->working_directory.value));
        for (size_t i = 0; i < p->limits.n; i++)
                put_item(ctx, "Service", p->limits.items[i].key, &p->limits.items[i], p->limits.items[i].value);
}

static void lower_escape_hatch(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        for (size_t i = 0; i < p->directives.n; i++) {
                const struct pol_item *d = &p->directives.items[i];
                const char *eq = strchr(d->value, '=');
                char *key = arena_strndup(ctx->arena, d->value, (size_t) (eq - d->value));
                put_item(ctx, d->key, key, d, escape_text(ctx->arena, eq + 1));
        }
}

static void lower_install(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        for (size_t i = 0; i < p->install.n; i++)
                put_item(ctx, "Install", p->install.items[i].key, &p->install.items[i],
                         escape_word(ctx->arena, p->install.items[i].value));
}

/* ---- what the manager and the target can enforce ---------------------------------------- */

static const char *const user_reasons[] = {
        [USER_SYS] = "only for system services",
        [USER_BPF] = "a per-user manager does not enforce it",
        [USER_FAILS] = "it fails the start in a per-user manager",
};

/* Drops what the target would reject or silently ignore, leaving a comment in its place. */
static void lower_filter(struct lower_ctx *ctx)
{
        const struct policy *p = ctx->p;
        for (size_t s = 0; s < ctx->u->n; s++) {
                struct unit_section *sec = &ctx->u->sections[s];
                for (size_t i = 0; i < sec->n; i++) {
                        struct unit_entry *e = &sec->entries[i];
                        const struct directive_info *d = directive_lookup(sec->name, e->key);
                        if (!d)
                                continue;
                        const char *reason = NULL;
                        if (p->manager == POL_USER && (d->user == USER_SYS || d->user == USER_BPF ||
                                                       d->user == USER_FAILS))
                                reason = d->user_why ? d->user_why : user_reasons[d->user];
                        else if (d->since > p->target)
                                reason = arena_printf(ctx->arena, "needs systemd %u", d->since);
                        else if (!d->enforced_252 && !p->target_info->bpf_framework)
                                reason = arena_printf(ctx->arena, "%s's systemd is built without BPF_FRAMEWORK and would ignore it",
                                                      p->target_info->name);
                        if (!reason)
                                continue;
                        e->value = arena_printf(ctx->arena, "not emitted: %s=%s (%s)", e->key, e->value, reason);
                        e->key = "#";
                }
        }
}

/* ---- layouts ----------------------------------------------------------------------------- */

/* [Service] keys that stay in the main unit in the split layout: what the service is and
 * how it runs. Everything else in [Service] is identity and sandbox. */
static const char *const main_service_keys[] = {
        "Type", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop",
        "Restart", "RestartSec", "TimeoutStartSec", "TimeoutStopSec", "Environment",
        "EnvironmentFile", "WorkingDirectory",
};

static bool is_main_key(const char *section, const char *key)
{
        if (!streq(section, "Service"))
                return true;
        for (size_t i = 0; i < ARRAY_SIZE(main_service_keys); i++)
                if (streq(main_service_keys[i], key))
                        return true;
        return false;
}

/* ---- the drop-in over a vendor's unit ---------------------------------------------------- */

/* The members of a list whose meaning flips with `~` (the row's members), as written in a
 * unit; *ret_sc: the system call table, whose @groups are members too. */
static const char **invert_universe(struct lower_ctx *ctx, const struct list_directive *ld, size_t *ret_n,
                                    const struct syscall_table **ret_sc)
{
        struct arena *a = ctx->arena;
        const char **u = NULL;
        size_t n = 0;
        *ret_sc = NULL;
        switch (ld->members) {
        case MEMBERS_CAPABILITIES:
                u = arena_alloc(a, cap_table_len * sizeof(*u));
                for (size_t i = 0; i < cap_table_len; i++) {
                        char *v = arena_printf(a, "CAP_%s", cap_table[i].name);
                        for (char *c = v; *c; c++)
                                *c = (char) (*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
                        u[n++] = v;
                }
                break;
        case MEMBERS_NAMESPACES:
                u = (const char **) namespace_names;
                n = namespace_names_len;
                break;
        case MEMBERS_FAMILIES:
                u = (const char **) address_family_names;
                n = address_family_names_len;
                break;
        case MEMBERS_SYSCALLS:
                *ret_sc = syscall_table_for(ctx->p->target);
                if (*ret_sc) {
                        u = (const char **) (*ret_sc)->names;
                        n = (*ret_sc)->n_names;
                }
                break;
        case MEMBERS_NONE:
                break;
        }
        *ret_n = n;
        return u;
}

/* Sets allowed[] for a name or @group of the universe (system call groups nest). */
static void invert_put(const char **u, size_t n, const struct syscall_table *sc, const char *word, bool allow,
                       bool *allowed)
{
        if (sc && word[0] == '@') {
                int g = syscall_table_group(sc, word);
                if (g < 0)
                        return;
                const struct syscall_group *grp = &sc->groups[g];
                for (size_t i = 0; i < grp->n_members; i++) {
                        int m = grp->members[i];
                        if (m < 0)
                                invert_put(u, n, sc, sc->groups[-m - 1].name, allow, allowed);
                        else
                                allowed[m] = allow;
                }
                return;
        }
        int i = sc ? syscall_table_lookup(sc, word) : -1;
        for (size_t k = 0; !sc && k < n; k++)
                if (streq(u[k], word))
                        i = (int) k;
        if (i >= 0)
                allowed[i] = allow;
}

/* What unitc's own entries of an inverting list allow, by systemd's merge rules (the table's
 * LIST_INVERT_*): the first assignment after a reset starts from nothing (plain; a system
 * call allow list always holds @default) or everything (`~`); then plain words allow and `~`
 * words deny. */
static bool *invert_allowed(struct lower_ctx *ctx, const struct unit_section *sec, const char *key,
                            const char **u, size_t n, const struct syscall_table *sc)
{
        bool *allowed = arena_alloc(ctx->arena, (n + 1) * sizeof(*allowed));
        bool started = false;
        for (size_t i = 0; i < sec->n; i++) {
                const struct unit_entry *e = &sec->entries[i];
                if (!streq(e->key, key))
                        continue;
                const char *v = e->value;
                if (!*v || streq(v, "yes")) { /* "" resets; RestrictNamespaces=yes allows none */
                        memset(allowed, 0, n * sizeof(*allowed));
                        started = *v != '\0';
                        continue;
                }
                bool invert = *v == '~';
                if (invert)
                        v++;
                if (!started) {
                        started = true;
                        for (size_t k = 0; k < n; k++)
                                allowed[k] = invert;
                        if (sc && !invert)
                                invert_put(u, n, sc, "@default", true, allowed);
                }
                char *copy = arena_strdup(ctx->arena, v);
                for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
                        invert_put(u, n, sc, w, !invert, allowed);
        }
        return allowed;
}

/* The drop-in's one line for an inverting list: `~` and every member unitc's entries do not
 * allow. systemd intersects it with whatever the vendor wrote (the table says how), so the
 * vendor's denials stay and the policy's bound holds. NULL: nothing to write (all allowed). */
static const char *invert_value(struct lower_ctx *ctx, const struct unit_section *sec,
                                const struct list_directive *ld)
{
        size_t n;
        const struct syscall_table *sc;
        const char **u = invert_universe(ctx, ld, &n, &sc);
        if (!u)
                return NULL;
        bool *allowed = invert_allowed(ctx, sec, ld->key, u, n, sc);
        size_t nallowed = 0;
        for (size_t i = 0; i < n; i++)
                nallowed += allowed[i];
        if (nallowed == n)
                return NULL;
        if (nallowed == 0 && ld->narrowest)
                return ld->narrowest;
        struct strbuf b = STRBUF_INIT;
        strbuf_putc(&b, '~');
        for (size_t i = 0, k = 0; i < n; i++)
                if (!allowed[i] && (!sc || sc->resolvable[i])) /* names this libseccomp resolves */
                        strbuf_printf(&b, "%s%s", k++ ? " " : "", u[i]);
        const char *r = arena_strdup(ctx->arena, strbuf_str(&b));
        strbuf_free(&b);
        return r;
}

/* The statement behind a lowered entry: put_by() points e->loc at the statement's own loc. */
static const struct ast_stmt *entry_stmt(const struct unit_entry *e)
{
        return e->loc ? (const struct ast_stmt *) (const void *) ((const char *) e->loc - offsetof(struct ast_stmt, loc))
                      : NULL;
}

/* A statement of the unit's own lines, which a drop-in does not carry: one warning each. */
static void warn_dropped(struct lower_ctx *ctx, const struct unit_entry *e, const struct ast_stmt ***warned,
                         size_t *nwarned, size_t *capwarned)
{
        const struct ast_stmt *s = entry_stmt(e);
        if (!s)
                return;
        for (size_t i = 0; i < *nwarned; i++)
                if ((*warned)[i] == s)
                        return;
        *warned = arena_grow(ctx->arena, *warned, sizeof(**warned), capwarned, *nwarned + 1);
        (*warned)[(*nwarned)++] = s;
        const char *word = ast_stmt_kind_name(s->kind);
        if (s->kind == STMT_EXEC)
                word = s->sub;
        else if (s->kind == STMT_START)
                word = arena_printf(ctx->arena, "%s %s", word, s->sub);
        else if ((s->kind == STMT_TIMEOUT || s->kind == STMT_RELOAD) && s->args) /* timeout start, reload signal */
                word = arena_printf(ctx->arena, "%s %s", word, s->args->text);
        diag_warning(ctx->diags, &s->loc, "the vendor's %s= is used; `%s` is ignored in the drop-in layout",
                     e->key, word);
}

static struct unit_file *lower_split(struct lower_ctx *ctx, const struct unit_file *all, bool main,
                                     bool dropin_only, const char *name)
{
        struct unit_file *u = unit_new(ctx->arena, name);
        const struct ast_stmt **warned = NULL;
        size_t nwarned = 0, capwarned = 0;
        for (size_t s = 0; s < all->n; s++) {
                const struct unit_section *sec = &all->sections[s];
                bool *done = arena_alloc(ctx->arena, list_directive_table_len * sizeof(*done)); /* reset, per row */
                for (size_t i = 0; i < sec->n; i++) {
                        const struct unit_entry *e = &sec->entries[i];
                        bool is_main = streq(e->key, "#") ? (i + 1 < sec->n ? is_main_key(sec->name, sec->entries[i + 1].key)
                                                                            : !streq(sec->name, "Service"))
                                                          : is_main_key(sec->name, e->key);
                        if (is_main != main) {
                                if (dropin_only && !streq(e->key, "#"))
                                        warn_dropped(ctx, e, &warned, &nwarned, &capwarned);
                                continue;
                        }
                        const struct list_directive *ld =
                                dropin_only && streq(sec->name, "Service") ? list_directive_lookup(e->key) : NULL;
                        size_t row = ld ? (size_t) (ld - list_directive_table) : 0;
                        /* A ~ list without a member list is written as it is. */
                        if (!ld || ld->merge == LIST_DENY || ld->merge == LIST_ADD ||
                            ((ld->merge == LIST_INVERT_MASK || ld->merge == LIST_INVERT_SET) && ld->members == MEMBERS_NONE)) {
                                unit_add(u, sec->name, e->key, e->value, e->why);
                                continue;
                        }
                        if (ld->merge == LIST_ALLOW) {
                                if (!done[row])
                                        unit_add(u, sec->name, e->key, "",
                                                 "reset: the vendor unit's entries would widen this list");
                                done[row] = true;
                                unit_add(u, sec->name, e->key, e->value, e->why);
                                continue;
                        }
                        /* LIST_INVERT_*: each of unitc's lines as a comment, then one `~` line
                         * after the last of them. */
                        unit_add(u, sec->name, "#", arena_printf(ctx->arena, "policy: %s=%s (%s)", e->key, e->value,
                                                                e->why ? e->why : ""), NULL);
                        bool last = true;
                        for (size_t k = i + 1; k < sec->n; k++)
                                last &= !streq(sec->entries[k].key, e->key);
                        if (!last)
                                continue;
                        const char *v = invert_value(ctx, sec, ld);
                        if (v)
                                unit_add(u, sec->name, e->key, v,
                                         *v == '~' ? "drop-in: what the policy does not allow, denied: systemd narrows the vendor's list by it and keeps the vendor's denials"
                                                   : "drop-in: the policy allows none, which replaces any vendor value");
                }
        }
        return u;
}

/* A companion unit NAME.SUFFIX, described after the service; by: the statement that asks
 * for it. */
static struct unit_file *companion_new(struct lower_ctx *ctx, const char *suffix, const struct ast_stmt *by)
{
        const struct policy *p = ctx->p;
        struct arena *a = ctx->arena;
        struct unit_file *u = unit_new(a, arena_printf(a, "%s.%s", p->name, suffix));
        unit_add(u, "Unit", "Description",
                 escape_text(a, arena_printf(a, "%s (%s)", p->description.value ? p->description.value : p->name,
                                             suffix)),
                 why_stmt(ctx, by));
        return u;
}

/* `listens ... via socket`: NAME.socket; *by is set to the first such statement. */
static struct unit_file *lower_socket(struct lower_ctx *ctx, const struct ast_stmt **by)
{
        const struct policy *p = ctx->p;
        struct unit_file *u = NULL;
        for (size_t i = 0; i < p->listens.n; i++) {
                const struct pol_item *l = &p->listens.items[i];
                if (!l->flag)
                        continue;
                if (!u) {
                        *by = l->stmt;
                        u = companion_new(ctx, "socket", l->stmt);
                }
                const char *key = streq(l->key, "tcp") ? "ListenStream" : "ListenDatagram";
                const char *value = l->value ? arena_printf(ctx->arena, "%s:%d", l->value, l->port)
                                             : arena_printf(ctx->arena, "%d", l->port);
                unit_add(u, "Socket", key, value, why_stmt(ctx, l->stmt));
                for (size_t k = 0; k < p->socket_allow.n; k++) {
                        if (p->socket_allow.items[k].stmt != l->stmt)
                                continue;
                        if (!unit_get(u, "Socket", "IPAddressDeny"))
                                unit_add(u, "Socket", "IPAddressDeny", "any", why_stmt(ctx, l->stmt));
                        unit_add(u, "Socket", "IPAddressAllow", p->socket_allow.items[k].value, why_stmt(ctx, l->stmt));
                }
        }
        if (u)
                unit_add(u, "Install", "WantedBy", "sockets.target",
                         why_default(ctx, "the socket is started at boot and starts the service"));
        return u;
}

/* `schedule`: NAME.timer; *by is set to its first statement. Calendar timers catch up on a
 * run missed while the machine was off; an interval runs first one interval after the timer
 * starts. */
static struct unit_file *lower_timer(struct lower_ctx *ctx, const struct ast_stmt **by)
{
        const struct policy *p = ctx->p;
        struct arena *a = ctx->arena;
        if (!p->calendars.n && !p->timer_every.value)
                return NULL;
        *by = p->calendars.n ? p->calendars.items[0].stmt : p->timer_every.stmt;
        struct unit_file *u = companion_new(ctx, "timer", *by);
        for (size_t i = 0; i < p->calendars.n; i++)
                unit_add(u, "Timer", "OnCalendar", p->calendars.items[i].value, why_stmt(ctx, p->calendars.items[i].stmt));
        if (p->calendars.n)
                unit_add(u, "Timer", "Persistent", "true",
                         why_default(ctx, "a run missed while the machine was off happens when it is next up"));
        if (p->timer_every.value) {
                const char *why = why_stmt(ctx, p->timer_every.stmt);
                unit_add(u, "Timer", "OnActiveSec", p->timer_every.value, why);
                unit_add(u, "Timer", "OnUnitActiveSec", p->timer_every.value, why);
                /* systemd lets a timer fire up to AccuracySec= (1min) late to save wake-ups:
                 * for a short interval that would be most of it. */
                uint64_t usec;
                if (check_duration_usec(p->timer_every.value, &usec) && usec < UINT64_C(600000000)) {
                        uint64_t acc = usec / 10 ? usec / 10 : 1;
                        const char *v = acc % 1000000 == 0 ? arena_printf(a, "%" PRIu64 "s", acc / 1000000)
                                        : acc % 1000 == 0  ? arena_printf(a, "%" PRIu64 "ms", acc / 1000)
                                                           : arena_printf(a, "%" PRIu64 "us", acc);
                        unit_add(u, "Timer", "AccuracySec", v,
                                 why_default(ctx, "an interval under 10 minutes is kept to a tenth of it"));
                }
        }
        if (p->timer_spread.value)
                unit_add(u, "Timer", "RandomizedDelaySec", p->timer_spread.value, why_stmt(ctx, p->timer_spread.stmt));
        unit_add(u, "Install", "WantedBy", "timers.target",
                 why_default(ctx, p->manager == POL_USER ? "the timer starts with the user's manager"
                                                        : "the timer starts at boot and starts the service"));
        return u;
}

struct lowered *lower_policy(struct arena *a, struct diag_queue *diags, const struct policy *p,
                             enum check_layout layout)
{
        const char *service_name = arena_printf(a, "%s.service", p->name);
        struct lower_ctx ctx = { .arena = a, .diags = diags, .p = p };
        ctx.u = unit_new(a, service_name);

        lower_unit_section(&ctx);
        lower_service_section(&ctx);
        lower_identity(&ctx);
        lower_files(&ctx);
        lower_strict_baseline(&ctx);
        lower_devices(&ctx);
        lower_capabilities(&ctx);
        lower_network(&ctx);
        lower_syscalls(&ctx);
        lower_escape_hatch(&ctx);
        lower_install(&ctx);
        upgrade_unit(a, diags, p, ctx.u);
        lower_filter(&ctx);

        struct lowered *out = arena_alloc(a, sizeof(*out));
        out->service = ctx.u;
        out->user_manager = p->manager == POL_USER;
        out->not_set = ctx.not_set;
        out->n_not_set = ctx.n_not_set;
        out->files = arena_alloc(a, 4 * sizeof(*out->files)); /* split: 2, a socket, a timer */
        const char *dropin = arena_printf(a, "%s.d/%s", service_name, LOWER_DROPIN_NAME);
        switch (layout) {
        case LAYOUT_FULL:
                out->files[out->n++] = (struct lower_file) { service_name, ctx.u };
                break;
        case LAYOUT_SPLIT:
                out->files[out->n++] = (struct lower_file) { service_name, lower_split(&ctx, ctx.u, true, false, service_name) };
                out->files[out->n++] = (struct lower_file) { dropin, lower_split(&ctx, ctx.u, false, false, dropin) };
                break;
        case LAYOUT_DROPIN:
                out->files[out->n++] = (struct lower_file) { dropin, lower_split(&ctx, ctx.u, false, true, dropin) };
                break;
        }
        /* Companion units; a drop-in hardens the vendor's service and keeps its own. */
        const struct ast_stmt *by[2] = { NULL, NULL };
        struct unit_file *companions[] = { lower_socket(&ctx, &by[0]), lower_timer(&ctx, &by[1]) };
        for (size_t i = 0; i < ARRAY_SIZE(companions); i++) {
                if (!companions[i])
                        continue;
                if (layout != LAYOUT_DROPIN)
                        out->files[out->n++] = (struct lower_file) { companions[i]->name, companions[i] };
                else
                        diag_warning(diags, &by[i]->loc, "the drop-in layout writes no %s: the vendor's own is used",
                                     companions[i]->name);
        }
        return out;
}

/* upgrade.c - the settings a newer systemd adds, applied where the policy allows them. */
#include "base/prelude.h"

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "passes/policy.h"
#include "passes/upgrade.h"
#include "systemd/target.h"
#include "unit/unit.h"

#define RELAXES(r) (UINT32_C(1) << (r))

/* Each row was checked against the target's own systemd: its NEWS and systemd.exec(5), and
 * `systemd-analyze verify` in the Debian rootfs of each version it is emitted for; each
 * emitted value has an end-to-end check on those targets (tests/e2e/expect.c). */
const struct upgrade_row upgrade_table[] = {
        /* NEWS 257: "a separate tmpfs instance should be used for /tmp/ and /var/tmp/". With
         * `yes` the private /tmp is a folder of the host's /tmp (systemd-private-*), bound in. */
        { "PrivateTmp", "yes", "disconnected", 257, 0, true, false, RELAXES(RELAX_SHARED_TMP), 0, 0, NULL,
          "a /tmp and /var/tmp of its own, on a tmpfs apart from the host's /tmp" },
        /* NEWS 257: "strict": a cgroup namespace of its own, cgroupfs mounted read-only. Not
         * for user services (systemd.exec(5): system services only). */
        { "ProtectControlGroups", "yes", "strict", 257, 0, true, false, RELAXES(RELAX_CGROUPS), 0, 0, NULL,
          "the control group tree read-only, in a cgroup namespace that shows only its own" },
        /* systemd.exec(5) 257: every executed process is PID 1 of a PID namespace of its own,
         * with a /proc of that namespace; not with Type=forking; a per-user service fails
         * where /proc is masked (systemd-nspawn). Each command gets its own namespace, so a
         * command that signals the main process (exec-reload, exec-stop, `reload signal`'s
         * kill $MAINPID) or a PID file would name a process it cannot see. */
        { "PrivatePIDs", NULL, "yes", 257, 0, true, false, RELAXES(RELAX_PROCESSES),
          UPGRADE_UNLESS_FORKING | UPGRADE_UNLESS_PID_FILE | UPGRADE_UNLESS_SIGNALS, 0, "PrivateUsers",
          "PID 1 of a PID namespace of its own: it sees no other process" },

        /* Decided against (no value): recorded so the next reader does not redo the work. */
        { "ProtectHostname", "yes", NULL, 258, 0, true, true, 0, 0, 0, NULL,
          "`private` lets the service set a host name of its own (NEWS 258); `yes` also denies the system calls, which is stricter" },
        { "PrivateUsers", "yes", NULL, 257, 0, true, true, 0, 0, 0, NULL,
          "`identity` (257) maps the first 65536 ids and `full` (258) all of them: weaker than `yes`; a policy needs no user namespace only for capabilities on the host, which neither gives" },
        { "SystemCallFilter", NULL, NULL, 254, 0, true, true, 0, 0, 0, NULL,
          "`~@sandbox` (254) would deny landlock and seccomp, with which a service sandboxes itself further" },
        { "RestrictNetworkInterfaces", NULL, NULL, 250, 0, true, false, 0, 0, UPGRADE_NEEDS_BPF, NULL,
          "`lo` for a loopback-only service adds nothing: IPAddressDeny=any with IPAddressAllow=localhost already keeps every packet it may send on the loopback" },
        { "RestrictFileSystems", NULL, NULL, 250, 0, true, false, 0, 0, UPGRADE_NEEDS_BPF | UPGRADE_NEEDS_BPF_LSM, NULL,
          "no statement says which file systems a service uses, and no Debian target's kernel enables the BPF LSM" },
};
const size_t upgrade_table_len = ARRAY_SIZE(upgrade_table);

static bool policy_says(const struct policy *p, unsigned unless)
{
        if ((unless & UPGRADE_UNLESS_FORKING) && p->type.value && streq(p->type.value, "forking"))
                return true;
        if ((unless & UPGRADE_UNLESS_PID_FILE) && p->pid_file.value)
                return true;
        if (unless & UPGRADE_UNLESS_SIGNALS) {
                if (p->reload_signal.value)
                        return true;
                for (size_t i = 0; i < p->execs.n; i++)
                        if (streq(p->execs.items[i].key, "ExecReload") || streq(p->execs.items[i].key, "ExecStop"))
                                return true;
        }
        return false;
}

bool upgrade_applies(const struct upgrade_row *r, const struct policy *p)
{
        const struct target *t = p->target_info;
        if (!r->value || p->target < r->since || (r->until && p->target >= r->until))
                return false;
        if (!(p->manager == POL_USER ? r->user : r->system))
                return false;
        if (((r->needs & UPGRADE_NEEDS_BPF) && !t->bpf_framework) || ((r->needs & UPGRADE_NEEDS_BPF_LSM) && !t->bpf_lsm))
                return false;
        for (unsigned b = 0; b < _RELAX_MAX; b++)
                if ((r->unless_relaxed & RELAXES(b)) && pol_relaxed(p, (enum relax) b))
                        return false;
        return !policy_says(p, r->unless);
}

/* The entry of key in [Service] (the last), or NULL; with prefix a "#" comment that starts
 * "KEY=" counts too (a baseline directive a statement turned off). */
static size_t find_entry(const struct unit_section *sec, const char *key, bool comments)
{
        size_t n = strlen(key), found = SIZE_MAX;
        for (size_t i = 0; i < sec->n; i++) {
                const struct unit_entry *e = &sec->entries[i];
                if (streq(e->key, key) ||
                    (comments && streq(e->key, "#") && strncmp(e->value, key, n) == 0 && e->value[n] == '='))
                        found = i;
        }
        return found;
}

/* Appends an entry and moves it to just after index at. */
static void insert_after(struct unit_file *u, size_t at, const char *key, const char *value, const char *why)
{
        unit_add(u, "Service", key, value, why);
        struct unit_section *sec = unit_section(u, "Service");
        struct unit_entry added = sec->entries[sec->n - 1];
        memmove(&sec->entries[at + 2], &sec->entries[at + 1], (sec->n - 2 - at) * sizeof(*sec->entries));
        sec->entries[at + 1] = added;
}

/* What a target cannot enforce for a policy: one warning each, naming the target and what
 * follows. */
struct upgrade_limit {
        bool user;                 /* for per-user services */
        bool needs_userns;         /* the target lacks unprivileged user namespaces */
        const char *consequence;
};

static const struct upgrade_limit upgrade_limits[] = {
        { true, true,
          "does not allow unprivileged user namespaces: a per-user manager cannot set up this service's sandbox (PrivateUsers=, ProtectSystem=, PrivateTmp= ...) and its start fails" },
};

static void upgrade_warn(struct diag_queue *d, const struct policy *p)
{
        const struct target *t = p->target_info;
        for (size_t i = 0; i < ARRAY_SIZE(upgrade_limits); i++) {
                const struct upgrade_limit *l = &upgrade_limits[i];
                if (l->user != (p->manager == POL_USER) || (l->needs_userns && t->unprivileged_userns))
                        continue;
                const struct ast_stmt *at = p->manager_stmt ? p->manager_stmt : p->target_stmt;
                diag_warning(d, at ? &at->loc : NULL, "%s %s", t->name, l->consequence);
        }
}

void upgrade_unit(struct arena *a, struct diag_queue *d, const struct policy *p, struct unit_file *u)
{
        upgrade_warn(d, p);
        const struct unit_section *sec = unit_find_section(u, "Service");
        if (!sec)
                return;
        for (size_t i = 0; i < upgrade_table_len; i++) {
                const struct upgrade_row *r = &upgrade_table[i];
                if (!upgrade_applies(r, p))
                        continue;
                /* A bare `target systemd N` has no distribution to name. */
                const char *why = p->target_info->src
                                          ? arena_printf(a, "default: %s (%s's systemd %u)", r->reason,
                                                         p->target_info->name, p->target)
                                          : arena_printf(a, "default: %s (systemd %u)", r->reason, p->target);
                sec = unit_find_section(u, "Service");
                if (r->from) {
                        size_t at = find_entry(sec, r->key, false);
                        if (at == SIZE_MAX || !streq(sec->entries[at].value, r->from) || sec->entries[at].loc)
                                continue; /* not the baseline's line: a statement set it */
                        sec->entries[at].value = r->value;
                        sec->entries[at].why = why;
                        continue;
                }
                if (find_entry(sec, r->key, false) != SIZE_MAX)
                        continue;
                size_t at = r->after ? find_entry(sec, r->after, true) : SIZE_MAX;
                if (at == SIZE_MAX)
                        unit_add(u, "Service", r->key, r->value, why);
                else
                        insert_after(u, at, r->key, r->value, why);
        }
}

/*
 * expect - the end-to-end expectations of a policy, derived from the policy itself.
 *
 * Compiles POLICY with the unitc library (uc_compile_file) and prints, from the checked
 * `struct policy`, what the probe (tests/e2e/probe.c) must observe when it runs under the
 * compiled unit in the harness's container (tests/e2e/run): one `OP ARGS -> OUTCOME` line
 * per check, grouped under a comment naming the statement kind it checks. For every kind of
 * statement the policy uses there is a check that what it allows works, and one that what
 * it does not allow is denied; kinds the policy does not use get their "denied" check from
 * the strict default.
 *
 * Expectations come from the policy's meaning (what the README's semantics promise), not
 * from the lowered unit: a lowering bug must show up as a failed check, not be copied into
 * the expectation. The only facts taken from the manager are the documented limits of a
 * per-user manager (no IP filter, no capabilities).
 *
 * Besides operation lines the output may hold harness directives:
 *   @scope system|user        from `manager`
 *   @fixture dir|file PATH    create PATH in the container before the start if it is missing:
 *                             what `writes` names outside systemd's own folders must exist
 *                             (ReadWritePaths= without '-', BindPaths=), and a `writes
 *                             file` can only be written if the file exists. Fixtures are the
 *                             harness's, never the policy's.
 *   @property KEY WORD        `systemctl show -p KEY` must contain WORD (ordering)
 *   @exposure N               `systemd-analyze security` of the installed unit <= N
 *
 * Usage: expect [-I DIR]... POLICY        (exit 1 if the policy does not compile)
 *        expect --scope POLICY            print only "system" or "user"
 *
 * The harness's fixtures (tests/e2e/README.md): 127.0.0.1:8080 and 192.0.2.2:8081
 * listeners, /tmp/unitc-e2e-marker in the shared /tmp, /srv/e2e-rw, /home/unitc,
 * /run/unitc-e2e/ns/TYPE (the namespaces of the container's PID 1), users root, unitc
 * (1000), e2esvc.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "passes/policy.h"
#include "systemd/target.h"
#include "systemd/tables.h"
#include "unitc.h"

enum { DYNAMIC_UID_MIN = 61184, DYNAMIC_UID_MAX = 65519, TEST_UID = 1000 };


/* ---- output ---------------------------------------------------------------------------- */

/* printf into one of a ring of buffers: f() results live until 16 more calls. */
static const char *f(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *f(const char *fmt, ...)
{
        static char ring[16][600];
        static unsigned next;
        char *b = ring[next++ % 16];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(b, sizeof ring[0], fmt, ap);
        va_end(ap);
        return b;
}

static void section(const char *kind, const char *what)
{
        printf("\n# %s: %s\n", kind, what);
}

static void check(const char *op, const char *outcome)
{
        printf("%-48s -> %s\n", op, outcome);
}

static void note(const char *text)
{
        printf("#   %s\n", text);
}

static void directive(const char *text)
{
        printf("%s\n", text);
}

/* A known difference between what the policy says and what the compiled unit does: the
 * checks assert what the unit does today (so the suite stays green and a fix is noticed as
 * a failure to flip), and the harness prints the text as a GAP line in every run. */
static void gap(const char *text)
{
        printf("@gap %s\n", text);
}

/* ---- facts about the policy ------------------------------------------------------------ */

static const struct policy *P;
static bool USER_SVC; /* `manager user` */


static bool has_cap(const char *name)
{
        const struct cap_info *c = cap_lookup(name);
        return c && (P->caps & (UINT64_C(1) << c->bit));
}

static bool is_root(void)
{
        return !USER_SVC && P->user == POL_USER_ROOT;
}

static bool has_family(const char *af)
{
        if (!strcmp(af, "AF_UNIX"))
                return true;
        for (size_t i = 0; i < P->families.n; i++)
                if (!strcmp(P->families.items[i].value, af))
                        return true;
        return false;
}

static bool in_list(const struct pol_list *l, const char *value)
{
        for (size_t i = 0; i < l->n; i++)
                if (!strcmp(l->items[i].value, value))
                        return true;
        return false;
}

static bool named_path_in(const struct pol_list *l, const char *path)
{
        for (size_t i = 0; i < l->n; i++)
                if (path_under(path, l->items[i].value) || path_under(l->items[i].value, path))
                        return true;
        return false;
}

/* Where systemd puts the service's own folders of this kind, or NULL (owns_table). */
static const char *owns_root(const struct owns_info *o)
{
        return USER_SVC ? o->user_root : o->system_root;
}

/* The path of a folder `owns KIND NAME` asks systemd for, or NULL where the manager has no
 * such folder. */
static const char *owned_dir(const struct pol_item *d)
{
        for (size_t k = 0; k < owns_table_len; k++) {
                const char *root = owns_root(&owns_table[k]);
                if (root && !strcmp(owns_table[k].key, d->key))
                        return f("%s/%s", root, d->value);
        }
        return NULL;
}

/* The folder systemd creates for a `writes` path below /var/lib, /etc ..., or NULL. */
static const char *owned_root(const char *path)
{
        for (size_t k = 0; k < owns_table_len; k++) {
                const char *root = owns_root(&owns_table[k]);
                size_t n = root ? strlen(root) : 0;
                if (root && !strncmp(path, root, n) && path[n] == '/' && path[n + 1])
                        return root;
        }
        return NULL;
}

static bool private_tmp_path(const char *path)
{
        return (path_under(path, "/tmp") || path_under(path, "/var/tmp")) && !pol_relaxed(P, RELAX_SHARED_TMP);
}

/* Is PATH (a file the probe would create, or an existing file) writable under the policy? */
static bool writable(const char *path)
{
        for (size_t i = 0; i < P->writes.n; i++) {
                const struct pol_item *w = &P->writes.items[i];
                if (w->flag ? !strcmp(path, w->value) : path_under(path, w->value))
                        return true;
        }
        for (size_t i = 0; i < P->directories.n; i++) {
                const char *dir = owned_dir(&P->directories.items[i]);
                if (dir && path_under(path, dir))
                        return true;
        }
        /* The private /tmp is writable; the shared one is read-only (ProtectSystem=strict). */
        return private_tmp_path(path);
}

static bool executable(const char *dir)
{
        for (size_t i = 0; i < P->executes.n; i++)
                if (path_under(dir, P->executes.items[i].value))
                        return true;
        return false;
}

/* ---- addresses ------------------------------------------------------------------------- */

/* The harness's listeners (tests/e2e/README.md, "Fixtures"). */
static const struct {
        const char *endpoint, *ip, *where;
} fixture_addrs[] = {
        { "127.0.0.1:8080", "127.0.0.1", "the loopback listener" },
        { "192.0.2.2:8081", "192.0.2.2", "the peer behind a veth (stands for the outside)" },
};

/* Does an IPAddressAllow= word of the policy cover the IPv4 address ip? */
static bool allow_covers(const char *entry, const char *ip)
{
        struct in_addr a, net;
        if (!strcmp(entry, "any"))
                return true;
        if (inet_pton(AF_INET, ip, &a) != 1)
                return false;
        uint32_t h = ntohl(a.s_addr);
        if (!strcmp(entry, "localhost"))
                return (h >> 24) == 127;
        if (!strcmp(entry, "link-local"))
                return (h >> 16) == 0xa9fe;
        if (!strcmp(entry, "multicast"))
                return (h >> 28) == 0xe;
        char buf[64];
        snprintf(buf, sizeof buf, "%s", entry);
        int prefix = 32;
        char *slash = strchr(buf, '/');
        if (slash) {
                *slash = '\0';
                prefix = atoi(slash + 1);
        }
        if (inet_pton(AF_INET, buf, &net) != 1 || prefix < 0 || prefix > 32)
                return false;
        uint32_t mask = prefix ? UINT32_MAX << (32 - prefix) : 0;
        return (h & mask) == (ntohl(net.s_addr) & mask);
}

static bool ip_allowed(const char *ip)
{
        for (size_t i = 0; i < P->ip_allow.n; i++)
                if (allow_covers(P->ip_allow.items[i].value, ip))
                        return true;
        return false;
}

/* ---- one function per statement kind (README's table) ---------------------------------- */

static void expect_identity(void)
{
        if (USER_SVC) {
                section("identity", "manager user: the user's own uid, in a user namespace of its own");
                check("uid", f("value=%d", TEST_UID));
                check("uidmap", f("value=%d:%d:1", TEST_UID, TEST_UID));
                return;
        }
        switch (P->user) {
        case POL_USER_DYNAMIC:
                section("identity", "user dynamic (default): a uid allocated per start, never root");
                check("uid", f("value>=%d", DYNAMIC_UID_MIN));
                check("uid", f("value<=%d", DYNAMIC_UID_MAX));
                check("user", "ENOENT");
                break;
        case POL_USER_ROOT:
                section("identity", "user root");
                check("uid", "value=0");
                break;
        case POL_USER_NAMED:
                section("identity", f("user %s", P->user_name.value));
                check("user", f("value=%s", P->user_name.value));
                check("uid", "value!=0");
                if (P->group_name.value)
                        check("group", f("value=%s", P->group_name.value));
                break;
        }
}

/* The probe operation that reads what a priority directive set, or NULL. */
static const char *prio_op(const char *key)
{
        static const struct {
                const char *key, *op;
        } ops[] = {
                { "Nice", "prio nice" },
                { "IOSchedulingClass", "prio ioclass" },
                { "IOSchedulingPriority", "prio iolevel" },
                { "CPUSchedulingPolicy", "prio cpu" },
        };
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
                if (!strcmp(ops[i].key, key))
                        return ops[i].op;
        return NULL;
}

static void expect_process(void)
{
        section("process", "exec, type, restart and timeouts are the harness's (probe drop-in); the rest applies");
        for (size_t i = 0; i < P->environment.n; i++) {
                const char *kv = P->environment.items[i].value, *eq = strchr(kv, '=');
                if (!eq || strpbrk(eq + 1, " \t%$\\\"'") || !eq[1]) {
                        note(f("not checked (spaces, specifiers or empty): environment %s", kv));
                        continue;
                }
                check(f("env %.*s", (int) (eq - kv), kv), f("value=%s", eq + 1));
        }
        check("env UNITC_E2E_NEVER_SET", "ENOENT");
        check("status Umask", f("value=%s", P->umask.value ? P->umask.value : "0077"));
        if (P->working_directory.value) {
                directive(f("@fixture dir %s", P->working_directory.value));
                check("cwd", f("value=%s", P->working_directory.value));
        }
        for (size_t i = 0; i < P->limits.n; i++) {
                const struct pol_item *l = &P->limits.items[i];
                if (!strcmp(l->key, "LimitNOFILE"))
                        check("rlimit nofile", f("value=%s", l->value));
                else if (prio_op(l->key))
                        check(prio_op(l->key), f("value=%s", l->value));
                else
                        note(f("%s=%s: accepted, not enforced in this container (z-env-resource-limits)",
                               l->key, l->value));
        }
}

static void expect_ordering(void)
{
        static const struct {
                const char *key;
                size_t off;
        } lists[] = {
                { "After", offsetof(struct policy, after) },
                { "Before", offsetof(struct policy, before) },
                { "Wants", offsetof(struct policy, wants) },
                { "Requires", offsetof(struct policy, requires) },
        };
        bool any = false;
        for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
                const struct pol_list *l = (const struct pol_list *) ((const char *) P + lists[k].off);
                for (size_t i = 0; i < l->n; i++) {
                        if (!any)
                                section("ordering", "the manager's view of the unit (systemctl show)");
                        any = true;
                        directive(f("@property %s %s", lists[k].key, l->items[i].value));
                }
        }
        if (P->install.n)
                note("install: [Install] acts on `systemctl enable` only; not checked");
}

/* Writable: what `writes` and `owns` name; everything else read-only or hidden. */
static void expect_files(void)
{
        section("files", "writes / owns: writable, and not executable unless `executes` says so");
        for (size_t i = 0; i < P->writes.n; i++) {
                const struct pol_item *w = &P->writes.items[i];
                if (w->flag) {
                        /* ReadWritePaths=-FILE: systemd cannot create a file, so it must exist. */
                        directive(f("@fixture file %s", w->value));
                        check(f("write %s", w->value), "ok");
                        continue;
                }
                if (private_tmp_path(w->value)) {
                        note(f("%s is inside the private /tmp (made at start, empty): not checked", w->value));
                        continue;
                }
                /* systemd creates its own folders; anything else must exist before the start. */
                if (!owned_root(w->value))
                        directive(f("@fixture dir %s", w->value));
                check(f("write %s/unitc-e2e-probe", w->value), "ok");
                check(f("execwrite %s", w->value), executable(w->value) ? "ok" : "EACCES");
        }
        for (size_t i = 0; i < P->directories.n; i++) {
                const char *dir = owned_dir(&P->directories.items[i]);
                if (!dir)
                        continue;
                check(f("write %s/unitc-e2e-probe", dir), "ok");
                check(f("execwrite %s", dir), executable(dir) ? "ok" : "EACCES");
        }
        for (size_t i = 0; i < P->executes.n; i++) {
                const char *x = P->executes.items[i].value;
                if (!writable(f("%s/unitc-e2e-probe", x)) || private_tmp_path(x)) {
                        note(f("executes %s: not in a written folder, executable like the rest", x));
                        continue;
                }
                /* A folder it runs programs from inside one it writes: executable again. */
                directive(f("@fixture dir %s", x));
                check(f("execwrite %s", x), "ok");
        }

        /* The scratch folders it writes without naming them run nothing either. */
        if (!pol_relaxed(P, RELAX_SHARED_TMP))
                check("execwrite /tmp", executable("/tmp") ? "ok" : "EACCES");
        check("execwrite /dev/shm", executable("/dev/shm") ? "ok" : "EACCES");

        section("files", "everything not written is read-only (ProtectSystem=strict)");
        static const char *const ro[] = { "/etc", "/usr", "/var", "/srv/e2e-rw" };
        for (size_t i = 0; i < sizeof ro / sizeof ro[0]; i++) {
                const char *probe = f("%s/unitc-e2e-probe", ro[i]);
                if (!writable(probe))
                        check(f("write %s", probe), "EROFS");
        }
        /* ProtectSystem=strict alone leaves /run writable to root; unitc adds
         * ReadOnlyPaths=/run for system services. A user service is kept out by permissions. */
        if (!writable("/run/unitc-e2e-probe"))
                check("write /run/unitc-e2e-probe", USER_SVC ? "EACCES" : "EROFS");
        /* (unitc refuses `needs shared-tmp` with a dynamic user: DynamicUser= implies PrivateTmp=.) */
        if (pol_relaxed(P, RELAX_SHARED_TMP)) {
                note("needs shared-tmp: the host's /tmp, read-only like the rest");
                check("read /tmp/unitc-e2e-marker", "ok");
                if (!writable("/tmp/unitc-e2e-probe"))
                        check("write /tmp/unitc-e2e-probe", "EROFS");
        } else {
                note("a private /tmp: the host's marker is not there, and it is writable");
                check("read /tmp/unitc-e2e-marker", "ENOENT");
                check("write /tmp/unitc-e2e-probe", "ok");
                /* systemd 257's PrivateTmp=disconnected: a tmpfs of its own on /tmp, not a
                 * folder of the host's /tmp bound in (cases/t-upgrades-control.case). */
                if (!USER_SVC && P->target >= 257)
                        check("mountroot /tmp", "value=/tmp");
        }

        section("files", "reads: readable; home folders only as named");
        for (size_t i = 0; i < P->reads.n; i++) {
                const char *r = P->reads.items[i].value;
                bool api = path_under(r, "/proc") || path_under(r, "/sys");
                if (!api)
                        directive(f("@fixture dir %s", r));
                check(f("read %s", r), "ok");
                if (!api && !writable(f("%s/unitc-e2e-probe", r)))
                        /* read-only: EROFS in a folder; ENOTDIR if it names a file */
                        check(f("write %s/unitc-e2e-probe", r), "EROFS|ENOTDIR");
        }
        /* Any home path the policy does not name is hidden (ProtectHome=yes or tmpfs), a user
         * service's own home too. */
        static const char *const homes[] = { "/home/unitc/.profile", "/home/unitc/.bashrc", "/root" };
        static const char *const user_homes[] = { "%h/.profile", "%h/.bashrc" };
        const char *const *hidden = USER_SVC ? user_homes : homes;
        size_t nh = USER_SVC ? sizeof user_homes / sizeof *user_homes : sizeof homes / sizeof *homes;
        for (size_t i = 0; i < nh; i++) {
                if (named_path_in(&P->reads, hidden[i]) || writable(hidden[i]))
                        continue;
                check(f("read %s", hidden[i]), "denied");
                /* the empty home is read-only: nothing written there is lost at a restart */
                static const char *const probes[] = { "/home/unitc", "/home", "/root" };
                for (size_t k = 0; k < (USER_SVC ? 1 : sizeof probes / sizeof *probes); k++) {
                        const char *probe = f("%s/unitc-e2e-probe", USER_SVC ? "%h" : probes[k]);
                        if (!writable(probe))
                                check(f("write %s", probe), "denied");
                }
                break;
        }
        if (!USER_SVC) {
                /* ProcSubset=pid hides /proc beyond the process folders. */
                bool all = pol_relaxed(P, RELAX_PROC_FILES);
                note(all ? "/proc shows everything (ProcSubset=all)" : "/proc shows processes only (ProcSubset=pid)");
                check("read /proc/net/dev", all ? "ok" : "ENOENT");
        }

        if (P->hides.n)
                section("files", "hides: inaccessible");
        for (size_t i = 0; i < P->hides.n; i++) {
                const char *h = P->hides.items[i].value;
                if (is_root() && (has_cap("dac_override") || has_cap("dac_read_search"))) {
                        note(f("hides %s: root with DAC override reads the empty placeholder; not checked", h));
                        continue;
                }
                directive(f("@fixture dir %s", h));
                check(f("read %s", h), "denied");
        }
        check("read /etc/hostname", "ok");
}

static void expect_network(void)
{
        bool v4 = has_family("AF_INET"), v6 = has_family("AF_INET6");
        bool host_ns = pol_relaxed(P, RELAX_NETWORK);
        section("network", host_ns ? "the host's network namespace" : "no network but a private loopback");
        check("hostns net", host_ns ? "value=same" : "value=new");
        check("socket inet", v4 ? "ok" : "EAFNOSUPPORT");
        check("socket inet6", v6 ? "ok" : "EAFNOSUPPORT");
        check("socket unix", "ok");
        check("socket netlink", has_family("AF_NETLINK") ? "ok" : "EAFNOSUPPORT");
        check("socket packet", !has_family("AF_PACKET") ? "EAFNOSUPPORT" : has_cap("net_raw") ? "ok" : "EPERM");
        if (v4)
                check("socket raw", has_cap("net_raw") ? "ok" : "EPERM");
        for (size_t i = 0; i < sizeof fixture_addrs / sizeof fixture_addrs[0]; i++) {
                const char *ep = fixture_addrs[i].endpoint, *ip = fixture_addrs[i].ip;
                const char *op = f("connect %s 1500", ep);
                if (!v4)
                        check(op, "EAFNOSUPPORT");
                else if (!host_ns)
                        check(op, i == 0 ? "ECONNREFUSED" : "ENETUNREACH");
                else if (USER_SVC) {
                        if (!ip_allowed(ip))
                                gap(f("%s is not allowed, but a per-user manager enforces no IP filter (unitc warns): reachable", ip));
                        check(op, "ok");
                } else
                        check(op, ip_allowed(ip) ? "ok" : "denied");
        }
        for (size_t i = 0; i < P->listens.n; i++) {
                const struct pol_item *l = &P->listens.items[i];
                if (l->flag) {
                        note(f("listens %s %d via socket: systemd binds it (the .socket unit is not started here)",
                               l->key, l->port));
                        continue;
                }
                const char *addr = l->value ? l->value : "0.0.0.0";
                if (addr[0] == '[')
                        continue; /* IPv6: the container's loopback has no ::1 guarantee */
                check(f("bind %s %s:%d", l->key, addr, l->port), "ok");
        }
        /* A service that listens and never reaches out binds only its own ports, where the
         * target's systemd has the BPF framework (SocketBindDeny=any): its cgroup filter
         * refuses any other port with EPERM, before the capability check. */
        bool listens = false;
        for (size_t i = 0; i < P->listens.n; i++)
                listens |= !P->listens.items[i].flag;
        bool bind_limited = v4 && listens && !P->client_stmt && !USER_SVC;
        if (v4 && !has_cap("net_bind_service"))
                check("bind tcp 127.0.0.1:81", bind_limited && P->target_info->bpf_framework ? "EPERM" : "EACCES");
        if (bind_limited) {
                if (P->target_info->bpf_framework)
                        check("bind tcp 127.0.0.1:8099", "EPERM");
                else
                        gap(f("%s's systemd has no BPF framework: the service may bind ports it does not listen on",
                              P->target_info->name));
        }
}

static void expect_capabilities(void)
{
        uint64_t mask = USER_SVC ? 0 : P->caps;
        section("capabilities", mask ? "exactly the needed capabilities" : "none");
        check("caps bnd", f("value=0x%llx", (unsigned long long) mask));
        check("caps eff", f("value=0x%llx", (unsigned long long) mask));
        check("caps amb", f("value=0x%llx", (unsigned long long) (is_root() ? 0 : mask)));
        /* One capability at work, and one that is missing. */
        if (has_cap("sys_time"))
                check("settime", "ok");
        else if (has_cap("ipc_lock"))
                check("mlock 64", "ok");
        else if (has_cap("net_bind_service") && has_family("AF_INET"))
                check("bind tcp 127.0.0.1:80", "ok");
        else if (has_cap("net_raw") && has_family("AF_INET"))
                check("socket raw", "ok");
        if (!has_cap("sys_time"))
                check("settime", "EPERM");
        else if (!has_cap("sys_boot"))
                check("reboot", "EPERM");
}

/* systemd 257's PrivatePIDs=: each command PID 1 of a namespace of its own. A system
 * service gets it unless it must see other processes, forks away from its parent, or has
 * a PID file or commands that signal the main process (each would be in a namespace of its
 * own, where the main process is not). */
static bool own_pid_namespace(void)
{
        if (USER_SVC || P->target < 257 || pol_relaxed(P, RELAX_PROCESSES) || P->pid_file.value ||
            P->reload_signal.value || (P->type.value && streq(P->type.value, "forking")))
                return false;
        for (size_t i = 0; i < P->execs.n; i++)
                if (streq(P->execs.items[i].key, "ExecReload") || streq(P->execs.items[i].key, "ExecStop"))
                        return false;
        return true;
}

static void expect_processes(void)
{
        bool all = pol_relaxed(P, RELAX_PROCESSES);
        section("processes", all ? "sees all processes" : "other users' processes are invisible");
        if (USER_SVC) {
                note("ProtectProc= is for system services only");
                return;
        }
        if (own_pid_namespace()) {
                note("a PID namespace of its own (PrivatePIDs=): it is PID 1 and sees only itself and its children");
                check("hostns pid", "value=new");
                check("comm 1", "value=probe");
                check("procs", "value<=2");
                return;
        }
        if (!all && is_root()) {
                /* ProtectProc=invisible hides other users' processes: root's own stay. */
                note("root: the other root processes are the same user's, hence visible");
                check("procs", "value>=3");
                return;
        }
        check("procs", all ? "value>=3" : "value<=2");
}

static void expect_devices(void)
{
        section("devices", P->devices.n ? "what `needs device` names, nothing else" : "pseudo devices only");
        for (size_t i = 0; i < P->devices.n; i++) {
                const struct pol_item *d = &P->devices.items[i];
                if (streq(d->value, "/dev/kmsg"))
                        note("needs kernel-log: systemd-nspawn gives the container no /dev/kmsg to open");
                else if (strchr(d->key, 'r'))
                        check(f("open %s", d->value), "ok");
                else
                        note(f("needs device %s %s: no read access to try", d->value, d->key));
        }
        /* /dev/net/tun is the only device nspawn lets the container open beyond the pseudo
         * devices DevicePolicy=closed always allows; with it allowed there is no other one
         * to be denied (f-device-policy shows the closed policy denying it). */
        if (!in_list(&P->devices, "/dev/net/tun"))
                check("open /dev/net/tun", "denied");
        else
                note("no second device to deny in this container (nspawn's own device policy)");
        check("open /dev/null", "ok");
}

static void expect_kernel(void)
{
        section("kernel", "tunables, modules, log, clock, control groups, host name");
        if (pol_relaxed(P, RELAX_KERNEL_TUNABLES)) {
                if (is_root())
                        check("write /proc/sys/net/ipv4/tcp_syncookies", "ok");
                else
                        note("needs kernel-tunables: /proc/sys is writable, but its files are root's");
        } else if (!is_root()) {
                note("not root: file permissions refuse before the read-only mount would");
                check("write /proc/sys/net/ipv4/tcp_syncookies", "denied");
        } else
                /* Hidden by ProcSubset=pid, or read-only (ProtectKernelTunables=). */
                check("write /proc/sys/net/ipv4/tcp_syncookies",
                      pol_relaxed(P, RELAX_PROC_FILES) ? "EROFS" : "ENOENT");
        /* This kernel has no module support (CONFIG_MODULES=n): an allowed call reaches the
         * kernel and fails with ENOSYS; a denied one is stopped by seccomp with EPERM. */
        check("module", pol_relaxed(P, RELAX_KERNEL_MODULES) && has_cap("sys_module") ? "ok|ENOSYS" : "EPERM");
        check("klog", pol_relaxed(P, RELAX_KERNEL_LOG) && has_cap("syslog") ? "ok" : "EPERM");
        check("settime", pol_relaxed(P, RELAX_CLOCK) && has_cap("sys_time") ? "ok" : "EPERM");
        if (pol_relaxed(P, RELAX_CGROUPS)) {
                if (is_root())
                        check("write /sys/fs/cgroup/cgroup.subtree_control", "ok");
                else
                        note("needs control-groups: the tree is writable, but its files are root's");
        } else
                check("write /sys/fs/cgroup/cgroup.subtree_control", is_root() ? "EROFS" : "denied");
        /* systemd 257's ProtectControlGroups=strict (system services): a cgroup namespace of
         * its own as well (cases/t-upgrades-control.case: not with `yes`). */
        if (!USER_SVC && P->target >= 257)
                check("hostns cgroup", pol_relaxed(P, RELAX_CGROUPS) ? "value=same" : "value=new");
        bool host = pol_relaxed(P, RELAX_HOSTNAME);
        check("hostname", host && has_cap("sys_admin") ? "ok" : "denied");
        check("hostns uts", host ? "value=same" : "value=new");
}

static void expect_runtime(void)
{
        section("runtime", "memory, scheduling, privileges, namespaces, system calls, sharing");
        /* systemd 254 and later deny it with prctl(PR_SET_MDWE) where the kernel has it
         * (6.3+: mmap fails with EACCES), 252 with the seccomp filter (EPERM). */
        check("wx", pol_relaxed(P, RELAX_JIT) ? "ok" : P->target >= 254 ? "EACCES|EPERM" : "EPERM");
        if (pol_relaxed(P, RELAX_REALTIME) && !has_cap("sys_nice"))
                note("needs realtime without sys_nice: the kernel itself refuses (RLIMIT_RTPRIO is 0)");
        check("rt", pol_relaxed(P, RELAX_REALTIME) && has_cap("sys_nice") ? "ok" : "EPERM");
        check("nice", pol_relaxed(P, RELAX_RESOURCES) ? "ok" : "EPERM");
        /* (unitc refuses `needs setuid` without sys_admin: the seccomp settings would imply
         * NoNewPrivileges=yes.) */
        check("status NoNewPrivs", pol_relaxed(P, RELAX_SETUID) ? "value=0" : "value=1");
        check("personality", pol_relaxed(P, RELAX_PERSONALITY) ? "ok" : "EPERM");

        static const char *const types[] = { "user", "net", "mnt", "uts", "ipc", "pid", "cgroup" };
        for (size_t i = 0; i < P->namespaces.n; i++) {
                const char *t = P->namespaces.items[i].value;
                if (strcmp(t, "user") && !has_cap("sys_admin")) {
                        note(f("needs namespaces %s: the kernel also wants CAP_SYS_ADMIN", t));
                        continue;
                }
                check(f("unshare %s", t), "ok");
        }
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
                if (!in_list(&P->namespaces, types[i])) {
                        check(f("unshare %s", types[i]), "EPERM");
                        break;
                }

        bool perf = in_list(&P->syscalls, "perf_event_open") || in_list(&P->syscalls, "@debug");
        for (size_t i = 0; i < P->syscalls.n; i++) {
                const char *s = P->syscalls.items[i].value;
                if (strcmp(s, "perf_event_open") && strcmp(s, "@debug"))
                        note(f("needs syscalls %s: no probe operation for it", s));
        }
        check("perf", perf ? "ok" : "EPERM");

        check("hostns ipc", pol_relaxed(P, RELAX_IPC) ? "value=same" : "value=new");
        if (!USER_SVC)
                check("hostns user", pol_relaxed(P, RELAX_HOST_USERS) ? "value=same" : "value=new");
        if (!USER_SVC && !pol_relaxed(P, RELAX_HOST_USERS))
                check("uidmap", "value!=0:0:4294967295");
        check("mlock 64", has_cap("ipc_lock") ? "ok" : "denied");
}

static void expect_contract(void)
{
        section("contract", f("target systemd %u", P->target));
        if (P->has_exposure_max)
                directive(f("@exposure %.1f", P->exposure_max));
        else
                note("no exposure bound");
}

static int usage(void)
{
        fprintf(stderr, "usage: expect [-I DIR]... [--target NAME] POLICY | expect --scope POLICY\n");
        return 2;
}

int main(int argc, char **argv)
{
        const char *search[64], *policy = NULL;
        size_t nsearch = 0;
        bool scope_only = false;
        const char *target = NULL;
        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "-I") && i + 1 < argc && nsearch < 64)
                        search[nsearch++] = argv[++i];
                else if (!strcmp(argv[i], "--target") && i + 1 < argc)
                        target = argv[++i];
                else if (!strcmp(argv[i], "--scope"))
                        scope_only = true;
                else if (argv[i][0] == '-' || policy)
                        return usage();
                else
                        policy = argv[i];
        }
        if (!policy)
                return usage();
        struct uc_options opt = { .search_path = search, .nsearch = nsearch, .policy_dir_first = true, .target = target };
        struct uc_result r;
        int rc = uc_compile_file(policy, &opt, &r);
        if (rc != 0 || !r.policy) {
                fprintf(stderr, "expect: %s does not compile (unitc exit %d); run unitc on it for the errors\n",
                        policy, rc);
                uc_result_free(&r);
                return 1;
        }
        P = r.policy;
        USER_SVC = P->manager == POL_USER;
        if (scope_only) {
                printf("%s\n", USER_SVC ? "user" : "system");
                uc_result_free(&r);
                return 0;
        }
        const char *base = strrchr(policy, '/');
        printf("# Expectations for %s (service %s, %s manager), generated by tests/e2e/expect.c.\n",
               base ? base + 1 : policy, P->name, USER_SVC ? "user" : "system");
        if (USER_SVC)
                directive("@scope user");
        expect_identity();
        expect_process();
        expect_ordering();
        expect_files();
        expect_network();
        expect_capabilities();
        expect_processes();
        expect_devices();
        expect_kernel();
        expect_runtime();
        expect_contract();
        uc_result_free(&r);
        return 0;
}

/* tables.c - the domain tables. Facts come from systemd.exec(5), capabilities(7) and tests
 * against systemd 252 (see README.md, "Why each default"). */
#include "base/prelude.h"

#include <ctype.h>

#include "systemd/tables.h"

#define BIT(r) (UINT32_C(1) << (r))

/* ORDER: enum relax. */
static const char *const relax_names[_RELAX_MAX] = {
        [RELAX_NETWORK] = "network",
        [RELAX_CLOCK] = "clock",
        [RELAX_KERNEL_TUNABLES] = "kernel-tunables",
        [RELAX_KERNEL_MODULES] = "kernel-modules",
        [RELAX_KERNEL_LOG] = "kernel-log",
        [RELAX_CGROUPS] = "control-groups",
        [RELAX_HOSTNAME] = "hostname",
        [RELAX_DEVICES] = "devices",
        [RELAX_SHARED_TMP] = "shared-tmp",
        [RELAX_IPC] = "ipc",
        [RELAX_PROCESSES] = "processes",
        [RELAX_PROC_FILES] = "proc-files",
        [RELAX_JIT] = "jit",
        [RELAX_REALTIME] = "realtime",
        [RELAX_SETUID] = "setuid",
        [RELAX_PERSONALITY] = "personality",
        [RELAX_HOST_USERS] = "host-users",
        [RELAX_RESOURCES] = "resources",
};

const char *relax_name(enum relax r) { return r < _RELAX_MAX ? relax_names[r] : "?"; }

/* Every capability of Linux 6.1, in bit order. A capability held on the host means the
 * service cannot run in its own user namespace (RELAX_HOST_USERS, added by check.c). */
const struct cap_info cap_table[] = {
        { "chown", 0, "change the owner of any file", 0, "@chown" },
        { "dac_override", 1, "read, write and run any file regardless of permissions", 0, NULL },
        { "dac_read_search", 2, "read any file and list any folder regardless of permissions", 0, NULL },
        { "fowner", 3, "change modes and attributes of files it does not own", 0, NULL },
        { "fsetid", 4, "keep setuid/setgid bits when changing files", 0, NULL },
        { "kill", 5, "signal processes of other users", 0, NULL },
        { "setgid", 6, "switch its group ids", 0, "@setuid" },
        { "setuid", 7, "switch its user ids", 0, "@setuid" },
        { "setpcap", 8, "change capability sets and securebits", 0, "capset" },
        { "linux_immutable", 9, "set immutable and append-only file flags", 0, NULL },
        { "net_bind_service", 10, "listen on ports below 1024", 0, NULL },
        { "net_broadcast", 11, "broadcast and listen to multicast (unused by Linux)", 0, NULL },
        { "net_admin", 12, "configure interfaces, routes and firewalls (netfilter, nfqueue)", 0, NULL },
        { "net_raw", 13, "open raw and packet sockets", 0, NULL },
        { "ipc_lock", 14, "lock memory (mlock)", 0, NULL },
        { "ipc_owner", 15, "bypass SysV IPC permission checks", 0, NULL },
        { "sys_module", 16, "load and unload kernel modules", BIT(RELAX_KERNEL_MODULES), "@module" },
        { "sys_rawio", 17, "raw I/O: ioperm, /dev/mem, SCSI commands", BIT(RELAX_DEVICES), "@raw-io" },
        { "sys_chroot", 18, "chroot", 0, "chroot" },
        { "sys_ptrace", 19, "trace and inspect any process", 0, "ptrace process_vm_readv process_vm_writev" },
        { "sys_pacct", 20, "turn process accounting on and off", 0, "acct" },
        { "sys_admin", 21, "mount, set the hostname, and much more (overloaded)", 0, NULL },
        { "sys_boot", 22, "reboot and load a new kernel", 0, "@reboot" },
        { "sys_nice", 23, "raise priorities and set other processes' scheduling", BIT(RELAX_RESOURCES), NULL },
        { "sys_resource", 24, "raise resource limits above the hard limit", BIT(RELAX_RESOURCES), NULL },
        { "sys_time", 25, "set the system clock", BIT(RELAX_CLOCK), "@clock" },
        { "sys_tty_config", 26, "configure terminals (vhangup)", 0, "vhangup" },
        { "mknod", 27, "create device nodes", BIT(RELAX_DEVICES), NULL },
        { "lease", 28, "take leases on files it does not own", 0, NULL },
        { "audit_write", 29, "write records to the audit log", 0, NULL },
        { "audit_control", 30, "configure the audit subsystem", 0, NULL },
        { "setfcap", 31, "set file capabilities", 0, NULL },
        { "mac_override", 32, "override mandatory access control", 0, NULL },
        { "mac_admin", 33, "configure mandatory access control", 0, NULL },
        { "syslog", 34, "read and clear the kernel log", BIT(RELAX_KERNEL_LOG), "syslog" },
        { "wake_alarm", 35, "set timers that wake the system", BIT(RELAX_CLOCK), NULL },
        { "block_suspend", 36, "block system suspend", 0, NULL },
        { "audit_read", 37, "read the audit log over netlink", 0, NULL },
        { "perfmon", 38, "use perf events and tracing", 0, "perf_event_open" },
        { "bpf", 39, "load eBPF programs and maps", 0, "bpf" },
        { "checkpoint_restore", 40, "checkpoint and restore processes", 0, NULL },
};
const size_t cap_table_len = ARRAY_SIZE(cap_table);

const struct cap_info *cap_lookup(const char *name)
{
        char lower[64];
        if (strncasecmp(name, "cap_", 4) == 0)
                name += 4;
        size_t n = strlen(name);
        if (n >= sizeof(lower))
                return NULL;
        for (size_t i = 0; i <= n; i++)
                lower[i] = (char) tolower((unsigned char) name[i]);
        for (size_t i = 0; i < cap_table_len; i++)
                if (streq(cap_table[i].name, lower))
                        return &cap_table[i];
        return NULL;
}

const struct needs_info needs_table[] = {
        { "capability", NEEDS_CAPABILITIES, 0, NULL, NULL, NULL,
          "hold these capabilities (names as in capabilities(7), without CAP_)", NULL },
        { "syscalls", NEEDS_SYSCALLS, 0, NULL, NULL, NULL,
          "system calls or @groups beyond @system-service", NULL },
        { "namespaces", NEEDS_NAMESPACES, 0, NULL, NULL, NULL,
          "create these namespaces (user net mnt pid ipc uts cgroup)", NULL },
        { "device", NEEDS_DEVICE, BIT(RELAX_DEVICES), NULL, NULL, NULL,
          "use a device node: needs device /dev/net/tun rw", NULL },
        { "netlink", NEEDS_NETLINK, 0, NULL, NULL, "AF_NETLINK",
          "open netlink sockets (route, netfilter, audit ...)", NULL },
        { "packet-sockets", NEEDS_NO_ARGS, 0, "net_raw", NULL, "AF_PACKET",
          "open AF_PACKET sockets (DHCP, packet capture)", NULL },
        { "raw-sockets", NEEDS_NO_ARGS, 0, "net_raw", NULL, NULL,
          "open raw IP sockets (ping, traceroute); use with a network statement", NULL },
        { "kernel-tunables", NEEDS_NO_ARGS, BIT(RELAX_KERNEL_TUNABLES) | BIT(RELAX_PROC_FILES), NULL, NULL, NULL,
          "write /proc/sys and /sys (sysctl)", NULL },
        { "kernel-modules", NEEDS_NO_ARGS, BIT(RELAX_KERNEL_MODULES), "sys_module", NULL, NULL,
          "load kernel modules", NULL },
        /* /proc/kmsg is hidden by ProcSubset=pid, /dev/kmsg by PrivateDevices=: the need
         * brings both back, or rsyslog's imklog cannot open the log it is for. */
        { "kernel-log", NEEDS_NO_ARGS, BIT(RELAX_KERNEL_LOG) | BIT(RELAX_PROC_FILES) | BIT(RELAX_DEVICES), "syslog",
          NULL, NULL, "read the kernel log (/dev/kmsg, /proc/kmsg, syslog(2))", "/dev/kmsg" },
        { "clock", NEEDS_NO_ARGS, BIT(RELAX_CLOCK), "sys_time", NULL, NULL,
          "set the system clock", NULL },
        { "control-groups", NEEDS_NO_ARGS, BIT(RELAX_CGROUPS), NULL, NULL, NULL,
          "write to the control group tree (/sys/fs/cgroup)", NULL },
        { "hostname", NEEDS_NO_ARGS, BIT(RELAX_HOSTNAME), "sys_admin", "sethostname setdomainname", NULL,
          "change the host name", NULL },
        { "jit", NEEDS_NO_ARGS, BIT(RELAX_JIT), NULL, NULL, NULL,
          "map memory writable and executable (JIT compilers: JVM, V8, LuaJIT, PCRE-JIT)", NULL },
        { "realtime", NEEDS_NO_ARGS, BIT(RELAX_REALTIME) | BIT(RELAX_RESOURCES), NULL, NULL, NULL,
          "use real-time scheduling", NULL },
        { "resources", NEEDS_NO_ARGS, BIT(RELAX_RESOURCES), NULL, NULL, NULL,
          "change its own priorities and scheduling (setpriority, ioprio_set, sched_setaffinity: @resources); `priority` needs none", NULL },
        { "setuid", NEEDS_NO_ARGS, BIT(RELAX_SETUID), NULL, NULL, NULL,
          "run setuid/setgid programs or gain privileges (sudo, ping on some systems)", NULL },
        { "personality", NEEDS_NO_ARGS, BIT(RELAX_PERSONALITY), NULL, "personality", NULL,
          "change the execution domain (personality(2))", NULL },
        { "shared-tmp", NEEDS_NO_ARGS, BIT(RELAX_SHARED_TMP), NULL, NULL, NULL,
          "share /tmp and /var/tmp with the rest of the system (sockets in /tmp)", NULL },
        { "shared-ipc", NEEDS_NO_ARGS, BIT(RELAX_IPC), NULL, NULL, NULL,
          "share SysV IPC and POSIX message queues with other services", NULL },
        { "host-users", NEEDS_NO_ARGS, BIT(RELAX_HOST_USERS), NULL, NULL, NULL,
          "see the host's users and groups as they are (no user namespace)", NULL },
        { "memory-lock", NEEDS_NO_ARGS, 0, "ipc_lock", NULL, NULL,
          "lock memory into RAM (mlock)", NULL },
};
const size_t needs_table_len = ARRAY_SIZE(needs_table);

const struct needs_info *needs_lookup(const char *word)
{
        for (size_t i = 0; i < needs_table_len; i++)
                if (streq(needs_table[i].word, word))
                        return &needs_table[i];
        return NULL;
}

const char *const namespace_names[] = { "cgroup", "ipc", "net", "mnt", "pid", "user", "uts" };
const size_t namespace_names_len = ARRAY_SIZE(namespace_names);

const char *const netlink_family_names[] = {
        "route", "netfilter", "audit", "kobject-uevent", "generic", "sock-diag", "xfrm",
        "connector", "selinux", "crypto", "rdma", "scsitransport",
};
const size_t netlink_family_names_len = ARRAY_SIZE(netlink_family_names);

const struct install_info install_table[] = {
        { "wanted-by", "WantedBy" },
        { "required-by", "RequiredBy" },
        { "also", "Also" },
        { "alias", "Alias" },
};
const size_t install_table_len = ARRAY_SIZE(install_table);

const struct owns_info owns_table[] = {
        { "state", "StateDirectory", "/var/lib", NULL },
        { "cache", "CacheDirectory", "/var/cache", "%h/.cache" },
        { "logs", "LogsDirectory", "/var/log", NULL },
        { "runtime", "RuntimeDirectory", "/run", NULL },
        { "config", "ConfigurationDirectory", "/etc", "%h/.config" },
};
const size_t owns_table_len = ARRAY_SIZE(owns_table);

const struct limit_info limit_table[] = {
        { "memory", "MemoryMax", "Service", LIMIT_SIZE },
        { "tasks", "TasksMax", "Service", LIMIT_COUNT },
        { "open-files", "LimitNOFILE", "Service", LIMIT_COUNT },
        { "cpu", "CPUQuota", "Service", LIMIT_PERCENT },
};
const size_t limit_table_len = ARRAY_SIZE(limit_table);

const struct priority_info priority_table[] = {
        { "nice", "Nice", PRIORITY_NICE, "priority nice N (-20 highest to 19 lowest)" },
        { "io", "IOSchedulingClass", PRIORITY_IO, "priority io idle|best-effort|realtime [LEVEL 0-7]" },
        { "cpu", "CPUSchedulingPolicy", PRIORITY_CPU, "priority cpu other|batch|idle" },
};
const size_t priority_table_len = ARRAY_SIZE(priority_table);

/* Real-time CPU policies are left out: they need CPUSchedulingPriority= and can starve the
 * machine; `needs realtime` lets a daemon ask for them itself. */
const struct priority_class priority_class_table[] = {
        { "idle", PRIORITY_IO, false, false },
        { "best-effort", PRIORITY_IO, true, false },
        { "realtime", PRIORITY_IO, true, true },
        { "other", PRIORITY_CPU, false, false },
        { "batch", PRIORITY_CPU, false, false },
        { "idle", PRIORITY_CPU, false, false },
};
const size_t priority_class_table_len = ARRAY_SIZE(priority_class_table);

const char *const service_type_names[] = {
        "simple", "exec", "forking", "oneshot", "dbus", "notify", "idle",
};
const size_t service_type_names_len = ARRAY_SIZE(service_type_names);

const char *const restart_names[] = {
        "no", "always", "on-success", "on-failure", "on-abnormal", "on-abort", "on-watchdog",
};
const size_t restart_names_len = ARRAY_SIZE(restart_names);

/* Every directive unitc emits. since: NEWS/man of systemd; user: see enum user_behaviour. */
const struct directive_info directive_table[] = {
        { "Description", "Unit", 1, USER_OK, true, NULL },
        { "Documentation", "Unit", 1, USER_OK, true, NULL },
        { "After", "Unit", 1, USER_OK, true, NULL },
        { "Before", "Unit", 1, USER_OK, true, NULL },
        { "Wants", "Unit", 1, USER_OK, true, NULL },
        { "Requires", "Unit", 1, USER_OK, true, NULL },
        { "Type", "Service", 1, USER_OK, true, NULL },
        { "ExecStartPre", "Service", 1, USER_OK, true, NULL },
        { "ExecStart", "Service", 1, USER_OK, true, NULL },
        { "ExecStartPost", "Service", 1, USER_OK, true, NULL },
        { "ExecReload", "Service", 1, USER_OK, true, NULL },
        { "ExecStop", "Service", 1, USER_OK, true, NULL },
        { "Restart", "Service", 1, USER_OK, true, NULL },
        { "PIDFile", "Service", 1, USER_OK, true, NULL },
        { "SuccessExitStatus", "Service", 189, USER_OK, true, NULL },
        { "RestartForceExitStatus", "Service", 189, USER_OK, true, NULL },
        { "RestartPreventExitStatus", "Service", 189, USER_OK, true, NULL },
        { "RestartSec", "Service", 1, USER_OK, true, NULL },
        { "TimeoutStartSec", "Service", 188, USER_OK, true, NULL },
        { "TimeoutStopSec", "Service", 1, USER_OK, true, NULL },
        { "Environment", "Service", 1, USER_OK, true, NULL },
        { "EnvironmentFile", "Service", 1, USER_OK, true, NULL },
        { "WorkingDirectory", "Service", 1, USER_OK, true, NULL },
        { "User", "Service", 1, USER_SYS, true, NULL },
        { "Group", "Service", 1, USER_SYS, true, NULL },
        { "DynamicUser", "Service", 232, USER_SYS, true, NULL },
        { "StateDirectory", "Service", 235, USER_OK, true, NULL },
        { "CacheDirectory", "Service", 235, USER_OK, true, NULL },
        { "LogsDirectory", "Service", 235, USER_OK, true, NULL },
        { "RuntimeDirectory", "Service", 211, USER_OK, true, NULL },
        { "ConfigurationDirectory", "Service", 235, USER_OK, true, NULL },
        { "StateDirectoryMode", "Service", 235, USER_OK, true, NULL },
        { "CacheDirectoryMode", "Service", 235, USER_OK, true, NULL },
        { "LogsDirectoryMode", "Service", 235, USER_OK, true, NULL },
        { "RuntimeDirectoryMode", "Service", 211, USER_OK, true, NULL },
        { "ConfigurationDirectoryMode", "Service", 235, USER_OK, true, NULL },
        { "ReadWritePaths", "Service", 231, USER_NS, true, NULL },
        { "ReadOnlyPaths", "Service", 231, USER_NS, true, NULL },
        { "InaccessiblePaths", "Service", 231, USER_NS, true, NULL },
        { "BindReadOnlyPaths", "Service", 233, USER_NS, true, NULL },
        { "BindPaths", "Service", 233, USER_NS, true, NULL },
        { "ExecPaths", "Service", 248, USER_NS, true, NULL },
        { "TemporaryFileSystem", "Service", 238, USER_NS, true, NULL },
        { "NoExecPaths", "Service", 248, USER_NS, true, NULL },
        { "UMask", "Service", 1, USER_OK, true, NULL },
        { "Nice", "Service", 1, USER_OK, true, NULL },
        { "IOSchedulingClass", "Service", 1, USER_OK, true, NULL },
        { "IOSchedulingPriority", "Service", 1, USER_OK, true, NULL },
        { "CPUSchedulingPolicy", "Service", 1, USER_OK, true, NULL },
        { "CapabilityBoundingSet", "Service", 1, USER_CAP, true, NULL },
        { "AmbientCapabilities", "Service", 229, USER_FAILS, true,
          "a per-user manager has no capabilities to give (218/CAPABILITIES)" },
        { "NoNewPrivileges", "Service", 187, USER_OK, true, NULL },
        { "SecureBits", "Service", 1, USER_CAP, true, NULL },
        { "PrivateUsers", "Service", 232, USER_OK, true, NULL },
        { "ProtectSystem", "Service", 232, USER_NS, true, NULL },
        { "ProtectHome", "Service", 214, USER_NS, true, NULL },
        { "PrivateTmp", "Service", 1, USER_NS, true, NULL },
        { "PrivateDevices", "Service", 209, USER_NS, true, NULL },
        { "DevicePolicy", "Service", 208, USER_BPF, true, NULL },
        { "DeviceAllow", "Service", 208, USER_BPF, true, NULL },
        { "PrivateNetwork", "Service", 1, USER_NS, true, NULL },
        { "PrivateIPC", "Service", 248, USER_NS, true, NULL },
        { "ProtectKernelTunables", "Service", 232, USER_NS, true, NULL },
        { "ProtectKernelModules", "Service", 232, USER_NS, true, NULL },
        { "ProtectKernelLogs", "Service", 244, USER_FAILS, true,
          "its /proc/kmsg mount fails the start in a per-user manager under systemd-nspawn; a user cannot read the kernel log anyway" },
        { "ProtectControlGroups", "Service", 232, USER_SYS, true, NULL },
        { "ProtectClock", "Service", 245, USER_NS, true, NULL },
        { "ProtectHostname", "Service", 242, USER_NS, true, NULL },
        { "ProtectProc", "Service", 247, USER_SYS, true, NULL },
        { "ProcSubset", "Service", 247, USER_SYS, true, NULL },
        { "RestrictAddressFamilies", "Service", 211, USER_OK, true, NULL },
        { "RestrictNamespaces", "Service", 233, USER_OK, true, NULL },
        { "RestrictRealtime", "Service", 231, USER_OK, true, NULL },
        { "RestrictSUIDSGID", "Service", 242, USER_OK, true, NULL },
        { "LockPersonality", "Service", 235, USER_OK, true, NULL },
        { "MemoryDenyWriteExecute", "Service", 231, USER_OK, true, NULL },
        { "SystemCallArchitectures", "Service", 209, USER_OK, true, NULL },
        { "SystemCallFilter", "Service", 187, USER_OK, true, NULL },
        { "SystemCallErrorNumber", "Service", 209, USER_OK, true, NULL },
        { "IPAddressAllow", "Service", 235, USER_BPF, true, NULL },
        { "IPAddressDeny", "Service", 235, USER_BPF, true, NULL },
        { "SocketBindAllow", "Service", 249, USER_BPF, false, NULL },
        { "SocketBindDeny", "Service", 249, USER_BPF, false, NULL },
        { "RestrictNetworkInterfaces", "Service", 250, USER_BPF, false, NULL },
        { "KeyringMode", "Service", 235, USER_OK, true, NULL },
        { "RemoveIPC", "Service", 232, USER_SYS, true, NULL },
        { "NotifyAccess", "Service", 1, USER_OK, true, NULL },
        { "MemoryMax", "Service", 231, USER_OK, true, NULL },
        { "TasksMax", "Service", 227, USER_OK, true, NULL },
        { "LimitNOFILE", "Service", 1, USER_OK, true, NULL },
        { "CPUQuota", "Service", 213, USER_OK, true, NULL },
        { "WantedBy", "Install", 1, USER_OK, true, NULL },
        { "RequiredBy", "Install", 1, USER_OK, true, NULL },
        { "Also", "Install", 1, USER_OK, true, NULL },
        { "Alias", "Install", 1, USER_OK, true, NULL },
        { "ListenStream", "Socket", 1, USER_OK, true, NULL },
        { "ListenDatagram", "Socket", 1, USER_OK, true, NULL },
        { "BindIPv6Only", "Socket", 1, USER_OK, true, NULL },
        { "FreeBind", "Socket", 1, USER_OK, true, NULL },
};
const size_t directive_table_len = ARRAY_SIZE(directive_table);

const struct directive_info *directive_lookup(const char *section, const char *key)
{
        for (size_t i = 0; i < directive_table_len; i++)
                if (streq(directive_table[i].key, key) &&
                    (!section || streq(directive_table[i].section, section)))
                        return &directive_table[i];
        return NULL;
}

/* The escape hatch: what `directive SECTION KEY VALUE` may set. Managed keys (directive_table)
 * are refused before this table is read. Allowed rows cannot widen the sandbox: they order,
 * condition, log, time, kill, or narrow resources. Refused rows name what the key would do
 * that no policy says: run a command, give an identity, open a file as the manager, join a
 * namespace, change the root, or a systemd alias of a managed key. A key in no row is
 * unknown: systemd would only warn and ignore it, so it is an error too. Versions: the
 * systemd release that added the key (the man pages' "Added in version", or NEWS). */
#define ESC(key, section, since, kind) { key, section, since, kind, NULL, NULL }
#define ESC_ONE_OF(key, section, since, words) { key, section, since, ESC_WORDS, words, NULL }
#define ESC_REFUSED(key, section, why) { key, section, 1, ESC_TEXT, NULL, why }
#define ESC_CONDITION(name, since) \
        ESC("Condition" name, "Unit", since, ESC_TEXT), ESC("Assert" name, "Unit", since, ESC_TEXT)
#define WHY_COMMAND "it runs a command the policy's exec statements do not name"
#define WHY_FILE "the manager opens it as root and hands it to the service, past its sandbox"
#define WHY_NAMESPACE "it joins a namespace of another process, outside the service's private one"
#define WHY_ROOT "it changes the file system the policy's paths refer to"
#define WHY_LABEL "it changes the security label the service runs under"
#define WHY_TTY "it gives the service a terminal"
#define WHY_BPF "it attaches programs or sets unitc cannot read to the service's traffic"
#define WHY_V1 "a cgroup v1 setting: systemd 252 on the unified hierarchy ignores it"
const struct escape_info escape_table[] = {
        /* [Unit]: ordering, conditions, what happens on failure */
        ESC("Requisite", "Unit", 1, ESC_UNITS),
        ESC("BindsTo", "Unit", 1, ESC_UNITS),
        ESC("PartOf", "Unit", 1, ESC_UNITS),
        ESC("Upholds", "Unit", 249, ESC_UNITS),
        ESC("Conflicts", "Unit", 1, ESC_UNITS),
        ESC("OnFailure", "Unit", 1, ESC_UNITS),
        ESC("OnSuccess", "Unit", 249, ESC_UNITS),
        ESC("PropagatesReloadTo", "Unit", 1, ESC_UNITS),
        ESC("ReloadPropagatedFrom", "Unit", 1, ESC_UNITS),
        ESC("PropagatesStopTo", "Unit", 249, ESC_UNITS),
        ESC("StopPropagatedFrom", "Unit", 249, ESC_UNITS),
        ESC("RequiresMountsFor", "Unit", 201, ESC_TEXT),
        ESC("WantsMountsFor", "Unit", 256, ESC_TEXT),
        ESC_ONE_OF("OnFailureJobMode", "Unit", 209, "fail replace replace-irreversibly isolate flush ignore-dependencies ignore-requirements"),
        ESC("IgnoreOnIsolate", "Unit", 1, ESC_BOOL),
        ESC("StopWhenUnneeded", "Unit", 1, ESC_BOOL),
        ESC("RefuseManualStart", "Unit", 1, ESC_BOOL),
        ESC("RefuseManualStop", "Unit", 1, ESC_BOOL),
        ESC("AllowIsolate", "Unit", 1, ESC_BOOL),
        ESC("DefaultDependencies", "Unit", 1, ESC_BOOL),
        ESC("SurviveFinalKillSignal", "Unit", 255, ESC_BOOL),
        ESC_ONE_OF("CollectMode", "Unit", 236, "inactive inactive-or-failed"),
        ESC_ONE_OF("FailureAction", "Unit", 236, "none reboot reboot-force reboot-immediate poweroff poweroff-force poweroff-immediate exit exit-force soft-reboot soft-reboot-force kexec kexec-force halt halt-force halt-immediate"),
        ESC_ONE_OF("SuccessAction", "Unit", 236, "none reboot reboot-force reboot-immediate poweroff poweroff-force poweroff-immediate exit exit-force soft-reboot soft-reboot-force kexec kexec-force halt halt-force halt-immediate"),
        ESC("FailureActionExitStatus", "Unit", 240, ESC_NUMBER),
        ESC("SuccessActionExitStatus", "Unit", 240, ESC_NUMBER),
        ESC("JobTimeoutSec", "Unit", 1, ESC_SPAN),
        ESC("JobRunningTimeoutSec", "Unit", 233, ESC_SPAN),
        ESC("JobTimeoutAction", "Unit", 1, ESC_TEXT),
        ESC("JobTimeoutRebootArgument", "Unit", 1, ESC_TEXT),
        ESC("StartLimitIntervalSec", "Unit", 230, ESC_SPAN),
        ESC("StartLimitBurst", "Unit", 1, ESC_NUMBER),
        ESC("StartLimitAction", "Unit", 1, ESC_TEXT),
        ESC("RebootArgument", "Unit", 1, ESC_TEXT),
        ESC("SourcePath", "Unit", 1, ESC_TEXT),
        ESC_CONDITION("Architecture", 1), ESC_CONDITION("Firmware", 249),
        ESC_CONDITION("Virtualization", 1), ESC_CONDITION("Host", 1),
        ESC_CONDITION("KernelCommandLine", 1), ESC_CONDITION("KernelVersion", 1),
        ESC_CONDITION("Credential", 252), ESC_CONDITION("Environment", 246),
        ESC_CONDITION("Security", 1), ESC_CONDITION("Capability", 1), ESC_CONDITION("ACPower", 1),
        ESC_CONDITION("NeedsUpdate", 1), ESC_CONDITION("FirstBoot", 1),
        ESC_CONDITION("PathExists", 1), ESC_CONDITION("PathExistsGlob", 1),
        ESC_CONDITION("PathIsDirectory", 1), ESC_CONDITION("PathIsSymbolicLink", 1),
        ESC_CONDITION("PathIsMountPoint", 1), ESC_CONDITION("PathIsReadWrite", 1),
        ESC_CONDITION("PathIsEncrypted", 246), ESC_CONDITION("DirectoryNotEmpty", 1),
        ESC_CONDITION("FileNotEmpty", 1), ESC_CONDITION("FileIsExecutable", 1),
        ESC_CONDITION("User", 1), ESC_CONDITION("Group", 1),
        ESC_CONDITION("ControlGroupController", 1), ESC_CONDITION("Memory", 1),
        ESC_CONDITION("CPUs", 1), ESC_CONDITION("CPUFeature", 248), ESC_CONDITION("OSRelease", 249),
        ESC_CONDITION("MemoryPressure", 250), ESC_CONDITION("CPUPressure", 250),
        ESC_CONDITION("IOPressure", 250),
        ESC_REFUSED("JoinsNamespaceOf", "Unit", WHY_NAMESPACE),
        ESC_REFUSED("StartLimitInterval", "Unit", "the old name of StartLimitIntervalSec=: write that"),
        ESC_REFUSED("RequiresOverridable", "Unit", "removed from systemd; `requires` says it"),
        ESC_REFUSED("RequisiteOverridable", "Unit", "removed from systemd: write Requisite="),

        /* [Service]: how the manager runs and stops it */
        ESC("RemainAfterExit", "Service", 1, ESC_BOOL),
        ESC("GuessMainPID", "Service", 1, ESC_BOOL),
        ESC("BusName", "Service", 1, ESC_TEXT),
        ESC("WatchdogSec", "Service", 1, ESC_SPAN),
        ESC("RuntimeMaxSec", "Service", 229, ESC_SPAN),
        ESC("RuntimeRandomizedExtraSec", "Service", 250, ESC_SPAN),
        ESC("TimeoutAbortSec", "Service", 243, ESC_SPAN),
        ESC("TimeoutCleanSec", "Service", 244, ESC_SPAN),
        ESC_ONE_OF("TimeoutStartFailureMode", "Service", 246, "terminate abort kill"),
        ESC_ONE_OF("TimeoutStopFailureMode", "Service", 246, "terminate abort kill"),
        ESC("RestartSteps", "Service", 254, ESC_NUMBER),
        ESC("RestartMaxDelaySec", "Service", 254, ESC_SPAN),
        ESC_ONE_OF("RestartMode", "Service", 254, "normal direct debug"),
        ESC("FileDescriptorStoreMax", "Service", 219, ESC_NUMBER),
        ESC_ONE_OF("FileDescriptorStorePreserve", "Service", 254, "no yes restart"),
        ESC_ONE_OF("OOMPolicy", "Service", 243, "continue stop kill"),
        ESC_ONE_OF("ExitType", "Service", 250, "main cgroup"),
        ESC("ReloadSignal", "Service", 253, ESC_SIGNAL),
        ESC("NonBlocking", "Service", 1, ESC_BOOL),
        ESC("IgnoreSIGPIPE", "Service", 1, ESC_BOOL),
        ESC("RuntimeDirectoryPreserve", "Service", 235, ESC_TEXT),
        ESC_ONE_OF("KillMode", "Service", 1, "control-group mixed process"),
        ESC("KillSignal", "Service", 1, ESC_SIGNAL),
        ESC("RestartKillSignal", "Service", 244, ESC_SIGNAL),
        ESC("FinalKillSignal", "Service", 243, ESC_SIGNAL),
        ESC("WatchdogSignal", "Service", 240, ESC_SIGNAL),
        ESC("SendSIGKILL", "Service", 1, ESC_BOOL),
        ESC("SendSIGHUP", "Service", 1, ESC_BOOL),
        /* logging */
        ESC_ONE_OF("StandardOutput", "Service", 1, "inherit null journal kmsg journal+console kmsg+console"),
        ESC_ONE_OF("StandardError", "Service", 1, "inherit null journal kmsg journal+console kmsg+console"),
        ESC_ONE_OF("StandardInput", "Service", 1, "null data"),
        ESC("StandardInputText", "Service", 236, ESC_TEXT),
        ESC("StandardInputData", "Service", 236, ESC_TEXT),
        ESC("SyslogIdentifier", "Service", 1, ESC_TEXT),
        ESC("SyslogFacility", "Service", 1, ESC_TEXT),
        ESC("SyslogLevel", "Service", 1, ESC_TEXT),
        ESC("SyslogLevelPrefix", "Service", 1, ESC_BOOL),
        ESC("LogLevelMax", "Service", 236, ESC_TEXT),
        ESC("LogExtraFields", "Service", 236, ESC_TEXT),
        ESC("LogRateLimitIntervalSec", "Service", 240, ESC_SPAN),
        ESC("LogRateLimitBurst", "Service", 240, ESC_NUMBER),
        ESC("LogFilterPatterns", "Service", 253, ESC_TEXT),
        ESC("LogNamespace", "Service", 245, ESC_TEXT),
        ESC("SystemCallLog", "Service", 247, ESC_TEXT),
        /* resources: each can only lower what the service gets, or weigh it */
        ESC("CPUWeight", "Service", 232, ESC_TEXT),
        ESC("StartupCPUWeight", "Service", 232, ESC_TEXT),
        ESC("CPUQuotaPeriodSec", "Service", 242, ESC_SPAN),
        ESC("AllowedCPUs", "Service", 244, ESC_TEXT),
        ESC("StartupAllowedCPUs", "Service", 244, ESC_TEXT),
        ESC("AllowedMemoryNodes", "Service", 244, ESC_TEXT),
        ESC("StartupAllowedMemoryNodes", "Service", 244, ESC_TEXT),
        ESC("MemoryMin", "Service", 240, ESC_TEXT),
        ESC("MemoryLow", "Service", 240, ESC_TEXT),
        ESC("MemoryHigh", "Service", 231, ESC_TEXT),
        ESC("MemorySwapMax", "Service", 232, ESC_TEXT),
        ESC("MemoryZSwapMax", "Service", 253, ESC_TEXT),
        ESC("StartupMemoryLow", "Service", 252, ESC_TEXT),
        ESC("StartupMemoryHigh", "Service", 252, ESC_TEXT),
        ESC("StartupMemoryMax", "Service", 252, ESC_TEXT),
        ESC("StartupMemorySwapMax", "Service", 252, ESC_TEXT),
        ESC("StartupMemoryZSwapMax", "Service", 253, ESC_TEXT),
        ESC("IOWeight", "Service", 230, ESC_TEXT),
        ESC("StartupIOWeight", "Service", 230, ESC_TEXT),
        ESC("IODeviceWeight", "Service", 230, ESC_TEXT),
        ESC("IOReadBandwidthMax", "Service", 230, ESC_TEXT),
        ESC("IOWriteBandwidthMax", "Service", 230, ESC_TEXT),
        ESC("IOReadIOPSMax", "Service", 230, ESC_TEXT),
        ESC("IOWriteIOPSMax", "Service", 230, ESC_TEXT),
        ESC("IODeviceLatencyTargetSec", "Service", 240, ESC_TEXT),
        ESC("CPUAccounting", "Service", 1, ESC_BOOL),
        ESC("MemoryAccounting", "Service", 208, ESC_BOOL),
        ESC("IOAccounting", "Service", 230, ESC_BOOL),
        ESC("TasksAccounting", "Service", 227, ESC_BOOL),
        ESC("IPAccounting", "Service", 235, ESC_BOOL),
        ESC("Slice", "Service", 208, ESC_UNITS),
        ESC("DisableControllers", "Service", 240, ESC_TEXT),
        ESC_ONE_OF("ManagedOOMSwap", "Service", 247, "auto kill"),
        ESC_ONE_OF("ManagedOOMMemoryPressure", "Service", 247, "auto kill"),
        ESC("ManagedOOMMemoryPressureLimit", "Service", 247, ESC_TEXT),
        ESC_ONE_OF("ManagedOOMPreference", "Service", 248, "none avoid omit"),
        ESC("MemoryPressureWatch", "Service", 254, ESC_TEXT),
        ESC("MemoryPressureThresholdSec", "Service", 254, ESC_SPAN),
        ESC("MemoryKSM", "Service", 254, ESC_BOOL),
        ESC("CoredumpFilter", "Service", 246, ESC_TEXT),
        ESC("CPUAffinity", "Service", 1, ESC_TEXT),
        ESC("NUMAPolicy", "Service", 243, ESC_TEXT),
        ESC("NUMAMask", "Service", 243, ESC_TEXT),
        ESC("CPUSchedulingResetOnFork", "Service", 1, ESC_BOOL),
        ESC("TimerSlackNSec", "Service", 1, ESC_TEXT),
        ESC("OOMScoreAdjust", "Service", 1, ESC_TEXT),
        ESC("LimitCPU", "Service", 1, ESC_TEXT),
        ESC("LimitFSIZE", "Service", 1, ESC_TEXT),
        ESC("LimitDATA", "Service", 1, ESC_TEXT),
        ESC("LimitSTACK", "Service", 1, ESC_TEXT),
        ESC("LimitCORE", "Service", 1, ESC_TEXT),
        ESC("LimitRSS", "Service", 1, ESC_TEXT),
        ESC("LimitNPROC", "Service", 1, ESC_TEXT),
        ESC("LimitAS", "Service", 1, ESC_TEXT),
        ESC("LimitLOCKS", "Service", 1, ESC_TEXT),
        ESC("LimitSIGPENDING", "Service", 1, ESC_TEXT),
        ESC("LimitMSGQUEUE", "Service", 1, ESC_TEXT),
        ESC("LimitNICE", "Service", 1, ESC_TEXT),
        ESC("LimitRTPRIO", "Service", 1, ESC_TEXT),
        ESC("LimitRTTIME", "Service", 1, ESC_TEXT),
        ESC("LimitMEMLOCK", "Service", 1, ESC_TEXT),
        /* the environment and credentials written in the unit itself */
        ESC("UnsetEnvironment", "Service", 235, ESC_TEXT),
        ESC("PassEnvironment", "Service", 228, ESC_TEXT),
        ESC("SetCredential", "Service", 247, ESC_TEXT),
        ESC("SetCredentialEncrypted", "Service", 250, ESC_TEXT),
        ESC("Personality", "Service", 209, ESC_TEXT),
        ESC("PrivatePIDs", "Service", 257, ESC_BOOL),

        ESC_REFUSED("ExecStopPost", "Service", WHY_COMMAND),
        ESC_REFUSED("ExecCondition", "Service", WHY_COMMAND),
        ESC_REFUSED("ExecReloadPost", "Service", WHY_COMMAND),
        ESC_REFUSED("ExecSearchPath", "Service", "it changes which program a command names"),
        ESC_REFUSED("PermissionsStartOnly", "Service", "it runs every command but the main one outside the sandbox, as root"),
        ESC_REFUSED("RootDirectoryStartOnly", "Service", "it runs every command but the main one outside the root directory"),
        ESC_REFUSED("ReadWriteDirectories", "Service", "the old name of ReadWritePaths=, which `writes` manages"),
        ESC_REFUSED("ReadOnlyDirectories", "Service", "the old name of ReadOnlyPaths=, which unitc manages"),
        ESC_REFUSED("InaccessibleDirectories", "Service", "the old name of InaccessiblePaths=, which `hides` manages"),
        ESC_REFUSED("TimeoutSec", "Service", "it sets TimeoutStartSec= and TimeoutStopSec=, which `timeout` manages"),
        ESC_REFUSED("MemoryLimit", "Service", "the old name of MemoryMax=, which `limit memory` manages"),
        ESC_REFUSED("CPUShares", "Service", WHY_V1),
        ESC_REFUSED("StartupCPUShares", "Service", WHY_V1),
        ESC_REFUSED("BlockIOAccounting", "Service", WHY_V1),
        ESC_REFUSED("BlockIOWeight", "Service", WHY_V1),
        ESC_REFUSED("StartupBlockIOWeight", "Service", WHY_V1),
        ESC_REFUSED("BlockIODeviceWeight", "Service", WHY_V1),
        ESC_REFUSED("BlockIOReadBandwidth", "Service", WHY_V1),
        ESC_REFUSED("BlockIOWriteBandwidth", "Service", WHY_V1),
        ESC_REFUSED("CPUSchedulingPriority", "Service", "a real-time priority, given with a policy `priority cpu` does not offer"),
        ESC_REFUSED("SupplementaryGroups", "Service", "it gives the service groups, and with them files, the policy does not name"),
        ESC_REFUSED("PAMName", "Service", "the manager opens a PAM session as root for the service, outside its sandbox"),
        ESC_REFUSED("SetLoginEnvironment", "Service", "it belongs to a PAM login session, which the escape hatch cannot open"),
        ESC_REFUSED("AppArmorProfile", "Service", WHY_LABEL),
        ESC_REFUSED("SELinuxContext", "Service", WHY_LABEL),
        ESC_REFUSED("SmackProcessLabel", "Service", WHY_LABEL),
        ESC_REFUSED("Delegate", "Service", "it hands the service a control group tree of its own to write"),
        ESC_REFUSED("DelegateSubgroup", "Service", "it hands the service a control group tree of its own to write"),
        ESC_REFUSED("DelegateNamespaces", "Service", "it hands the service namespaces to create"),
        ESC_REFUSED("LoadCredential", "Service", WHY_FILE),
        ESC_REFUSED("LoadCredentialEncrypted", "Service", WHY_FILE),
        ESC_REFUSED("ImportCredential", "Service", "it hands the service the system's credentials"),
        ESC_REFUSED("OpenFile", "Service", WHY_FILE),
        ESC_REFUSED("Sockets", "Service", "it hands the service the sockets of other units"),
        ESC_REFUSED("TTYPath", "Service", WHY_TTY),
        ESC_REFUSED("TTYReset", "Service", WHY_TTY),
        ESC_REFUSED("TTYVHangup", "Service", WHY_TTY),
        ESC_REFUSED("TTYVTDisallocate", "Service", WHY_TTY),
        ESC_REFUSED("TTYRows", "Service", WHY_TTY),
        ESC_REFUSED("TTYColumns", "Service", WHY_TTY),
        ESC_REFUSED("UtmpIdentifier", "Service", "the manager writes login records for it as root"),
        ESC_REFUSED("UtmpMode", "Service", "the manager writes login records for it as root"),
        ESC_REFUSED("USBFunctionDescriptors", "Service", WHY_FILE),
        ESC_REFUSED("USBFunctionStrings", "Service", WHY_FILE),
        ESC_REFUSED("NetworkNamespacePath", "Service", WHY_NAMESPACE),
        ESC_REFUSED("IPCNamespacePath", "Service", WHY_NAMESPACE),
        ESC_REFUSED("UserNamespacePath", "Service", WHY_NAMESPACE),
        ESC_REFUSED("RootDirectory", "Service", WHY_ROOT),
        ESC_REFUSED("RootImage", "Service", WHY_ROOT),
        ESC_REFUSED("RootImageOptions", "Service", WHY_ROOT),
        ESC_REFUSED("RootImagePolicy", "Service", WHY_ROOT),
        ESC_REFUSED("RootEphemeral", "Service", WHY_ROOT),
        ESC_REFUSED("RootHash", "Service", WHY_ROOT),
        ESC_REFUSED("RootHashSignature", "Service", WHY_ROOT),
        ESC_REFUSED("RootVerity", "Service", WHY_ROOT),
        ESC_REFUSED("RootMStack", "Service", WHY_ROOT),
        ESC_REFUSED("MountImages", "Service", WHY_ROOT),
        ESC_REFUSED("MountImagePolicy", "Service", WHY_ROOT),
        ESC_REFUSED("ExtensionImages", "Service", WHY_ROOT),
        ESC_REFUSED("ExtensionImagePolicy", "Service", WHY_ROOT),
        ESC_REFUSED("ExtensionDirectories", "Service", WHY_ROOT),
        ESC_REFUSED("MountAPIVFS", "Service", WHY_ROOT),
        ESC_REFUSED("BindLogSockets", "Service", WHY_ROOT),
        ESC_REFUSED("MountFlags", "Service", "its mounts would reach the host (shared propagation)"),
        ESC_REFUSED("BPFProgram", "Service", WHY_BPF),
        ESC_REFUSED("IPIngressFilterPath", "Service", WHY_BPF),
        ESC_REFUSED("IPEgressFilterPath", "Service", WHY_BPF),
        ESC_REFUSED("NFTSet", "Service", WHY_BPF),
        ESC_REFUSED("RestrictFileSystems", "Service", "Debian 12's systemd is built without the BPF framework and ignores it"),
        ESC_REFUSED("PrivateBPF", "Service", "a file system of BPF objects, which unitc cannot vouch for"),

        /* [Install] */
        ESC("DefaultInstance", "Install", 1, ESC_TEXT),
        ESC("UpheldBy", "Install", 249, ESC_UNITS),
};
const size_t escape_table_len = ARRAY_SIZE(escape_table);
#undef ESC
#undef ESC_ONE_OF
#undef ESC_REFUSED
#undef ESC_CONDITION

const struct escape_info *escape_lookup(const char *key)
{
        for (size_t i = 0; i < escape_table_len; i++)
                if (streq(escape_table[i].key, key))
                        return &escape_table[i];
        return NULL;
}

/* Paths whose writer owns the machine or the user's session: a program, a unit, a job or a
 * rule placed there runs as root (as the user, for the home rows) without asking. `writes`
 * of one of them, inside one, or of a folder that holds one is refused. */
const struct owner_path owner_paths[] = {
        { "/etc/systemd", false, "systemd starts the units written there, as root" },
        { "/run/systemd", false, "systemd starts the units written there, as root" },
        { "/usr", false, "it holds the programs every user and service runs" },
        { "/bin", false, "it holds the programs every user and service runs" },
        { "/sbin", false, "it holds the programs every user and service runs" },
        { "/lib", false, "it holds the libraries and modules every program loads" },
        { "/lib64", false, "it holds the libraries every program loads" },
        { "/boot", false, "the machine boots the kernel written there" },
        { "/etc/sudoers", false, "sudo reads who may run what as root from it" },
        { "/etc/sudoers.d", false, "sudo reads who may run what as root from it" },
        { "/etc/ld.so.preload", false, "the dynamic linker loads what it names into every program" },
        { "/etc/ld.so.conf", false, "the dynamic linker finds every program's libraries through it" },
        { "/etc/ld.so.conf.d", false, "the dynamic linker finds every program's libraries through it" },
        { "/etc/crontab", false, "cron runs the jobs written there, as root" },
        { "/etc/cron.d", false, "cron runs the jobs written there, as root" },
        { "/etc/cron.hourly", false, "cron runs the jobs written there, as root" },
        { "/etc/cron.daily", false, "cron runs the jobs written there, as root" },
        { "/etc/cron.weekly", false, "cron runs the jobs written there, as root" },
        { "/etc/cron.monthly", false, "cron runs the jobs written there, as root" },
        { "/etc/anacrontab", false, "anacron runs the jobs written there, as root" },
        { "/var/spool/cron", false, "cron runs every user's jobs from there" },
        { "/etc/passwd", false, "it says who the users are and which is root" },
        { "/etc/shadow", false, "it holds every user's password" },
        { "/etc/group", false, "it says who is in which group" },
        { "/etc/gshadow", false, "it holds the groups' passwords" },
        { "/etc/pam.d", false, "it says how every login is checked" },
        { "/etc/security", false, "it says how every login is checked" },
        { "/etc/profile", false, "every login shell runs it" },
        { "/etc/profile.d", false, "every login shell runs it" },
        { "/etc/bash.bashrc", false, "every interactive shell runs it" },
        { "/etc/environment", false, "every login session reads its variables" },
        { "/etc/ssh", false, "the SSH server reads who may log in from it" },
        { "/root/.ssh", false, "the SSH server lets in whoever it names, as root" },
        { "/etc/udev", false, "udev runs the programs its rules name, as root" },
        { "/etc/modprobe.d", false, "the kernel's module loader runs the commands it names, as root" },
        { "/etc/modules-load.d", false, "the modules it names are loaded into the kernel at boot" },
        { "/etc/sysctl.d", false, "it sets the kernel's settings at boot" },
        { "/etc/tmpfiles.d", false, "systemd creates what it says, as root, at boot" },
        { "/etc/init.d", false, "the boot runs the scripts written there, as root" },
        { "/etc/rc.local", false, "the boot runs it, as root" },
        { "/etc/polkit-1", false, "it says which user may do what as root" },
        { "/etc/dbus-1", false, "it says who may talk to the system's services" },
        { "/etc/apt", false, "apt installs packages from the sources it names, as root" },
        { "/var/lib/dpkg", false, "it is the package manager's record of the system, whose scripts run as root" },
        { "/etc/xdg/autostart", false, "every desktop session starts the programs it names" },
        { "/etc/kernel", false, "the kernel's install scripts run from it, as root" },
        { "/etc/initramfs-tools", false, "the next boot's first programs are built from it" },
        { "/etc/default/grub", false, "the next boot's kernel command line comes from it" },
        { "%h/.config/systemd", true, "the user's manager starts the units written there" },
        { "%h/.config/autostart", true, "the user's desktop session starts the programs it names" },
        { "%h/.config/environment.d", true, "every program the user's manager starts reads its variables" },
        { "%h/.bashrc", true, "the user's every shell runs it" },
        { "%h/.bash_profile", true, "the user's login shell runs it" },
        { "%h/.bash_login", true, "the user's login shell runs it" },
        { "%h/.profile", true, "the user's login shell runs it" },
        { "%h/.zshrc", true, "the user's every shell runs it" },
        { "%h/.zprofile", true, "the user's login shell runs it" },
        { "%h/.config/fish", true, "the user's every shell runs it" },
        { "%h/.pam_environment", true, "every login of the user reads its variables" },
        { "%h/.ssh", true, "the SSH server lets in whoever it names, as the user" },
        { "%h/.local/bin", true, "it holds programs the user's shells run by name" },
        { "%h/bin", true, "it holds programs the user's shells run by name" },
};
const size_t owner_paths_len = ARRAY_SIZE(owner_paths);

const char *const home_roots[] = { "/home", "/root", "/run/user" };
const size_t home_roots_len = ARRAY_SIZE(home_roots);

bool path_in_home(const char *path)
{
        for (size_t i = 0; i < home_roots_len; i++)
                if (path_under(path, home_roots[i]))
                        return true;
        return path_under(path, "%h");
}

const struct exit_meaning exit_meaning_table[] = {
        { "success", { "SuccessExitStatus", NULL } },
        /* a clean exit that asks to be started again (Debian's syncthing: 3 and 4) */
        { "restart", { "SuccessExitStatus", "RestartForceExitStatus" } },
        { "stop", { "RestartPreventExitStatus", NULL } },
};
const size_t exit_meaning_table_len = ARRAY_SIZE(exit_meaning_table);

/* Signal names systemd's signal_from_string() takes, without "SIG". */
const char *const signal_names[] = {
        "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
};
const size_t signal_names_len = ARRAY_SIZE(signal_names);

const char *const reload_signals[] = { "HUP", "USR1", "USR2", "INT", "QUIT", "WINCH", "ALRM" };
const size_t reload_signals_len = ARRAY_SIZE(reload_signals);

const char *const schedule_periods[] = {
        "minutely", "hourly", "daily", "weekly", "monthly", "quarterly", "semiannually", "yearly",
};
const size_t schedule_periods_len = ARRAY_SIZE(schedule_periods);

const char *const weekday_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
const size_t weekday_names_len = ARRAY_SIZE(weekday_names);

#define USEC_S UINT64_C(1000000)
const struct time_unit time_unit_table[] = {
        { "usec", 1 }, { "us", 1 },
        { "msec", 1000 }, { "ms", 1000 },
        { "seconds", USEC_S }, { "second", USEC_S }, { "sec", USEC_S }, { "s", USEC_S },
        { "minutes", 60 * USEC_S }, { "minute", 60 * USEC_S }, { "min", 60 * USEC_S }, { "m", 60 * USEC_S },
        { "hours", 3600 * USEC_S }, { "hour", 3600 * USEC_S }, { "hr", 3600 * USEC_S }, { "h", 3600 * USEC_S },
        { "days", 86400 * USEC_S }, { "day", 86400 * USEC_S }, { "d", 86400 * USEC_S },
        { "weeks", 604800 * USEC_S }, { "week", 604800 * USEC_S }, { "w", 604800 * USEC_S },
};
const size_t time_unit_table_len = ARRAY_SIZE(time_unit_table);

const struct directive_statement directive_statement_table[] = {
        { "Nice", "priority nice N" },
        { "IOSchedulingClass", "priority io CLASS [LEVEL]" },
        { "IOSchedulingPriority", "priority io CLASS LEVEL" },
        { "CPUSchedulingPolicy", "priority cpu POLICY" },
        { "MemoryMax", "limit memory SIZE" },
        { "TasksMax", "limit tasks N" },
        { "LimitNOFILE", "limit open-files N" },
        { "CPUQuota", "limit cpu N%" },
        { "User", "user NAME" },
        { "Group", "user NAME group GROUP" },
        { "DynamicUser", "user dynamic" },
        { "ReadWritePaths", "writes PATH" },
        { "ReadOnlyPaths", "reads PATH" },
        { "InaccessiblePaths", "hides PATH" },
        { "ExecPaths", "executes PATH" },
        { "Environment", "environment NAME=VALUE" },
        { "EnvironmentFile", "environment-file PATH" },
        { "WorkingDirectory", "working-directory PATH" },
        { "TimeoutStartSec", "timeout start DURATION" },
        { "TimeoutStopSec", "timeout stop DURATION" },
        { "Restart", "restart POLICY [after DELAY]" },
        { "ExecReload", "exec-reload COMMAND or reload signal NAME" },
        { "PIDFile", "pid-file PATH" },
        { "UMask", "umask NNNN" },
        { "SuccessExitStatus", "exit-status CODE... means success" },
        { "RestartForceExitStatus", "exit-status CODE... means restart" },
        { "RestartPreventExitStatus", "exit-status CODE... means stop" },
        { "Type", "type TYPE" },
        { "AmbientCapabilities", "needs capability NAME" },
        { "CapabilityBoundingSet", "needs capability NAME" },
        { "MemoryDenyWriteExecute", "needs jit" },
        { "RestrictRealtime", "needs realtime" },
        { "SystemCallFilter", "needs syscalls NAME" },
        { "RestrictAddressFamilies", "needs network ..." },
        { "PrivateNetwork", "needs network ..." },
        { "IPAddressAllow", "needs network outbound to ADDRESS" },
        { "IPAddressDeny", "needs network outbound to ADDRESS" },
        { "RestrictNamespaces", "needs namespaces TYPE" },
        { "PrivateTmp", "needs shared-tmp" },
        { "DeviceAllow", "needs device PATH" },
        { "ProtectProc", "sees all processes" },
};
const size_t directive_statement_table_len = ARRAY_SIZE(directive_statement_table);

/* ---- list-valued directives in a drop-in ---------------------------------------------- */

const struct list_directive list_directive_table[] = {
        /* file system: what the service can see, write and run */
        { "ReadWritePaths", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "BindPaths", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "BindReadOnlyPaths", LIST_ALLOW, MEMBERS_NONE, NULL, "a bind can show what a vendor's hidden path covers" },
        { "ExecPaths", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "StateDirectory", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "CacheDirectory", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "LogsDirectory", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "RuntimeDirectory", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "ConfigurationDirectory", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "ReadOnlyPaths", LIST_DENY, MEMBERS_NONE, NULL, NULL },
        { "InaccessiblePaths", LIST_DENY, MEMBERS_NONE, NULL, NULL },
        { "NoExecPaths", LIST_DENY, MEMBERS_NONE, NULL, NULL },
        { "TemporaryFileSystem", LIST_DENY, MEMBERS_NONE, NULL, "an empty tmpfs hides what the vendor put it over" },
        /* devices, identity, capabilities */
        { "DeviceAllow", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "SupplementaryGroups", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        { "AmbientCapabilities", LIST_ALLOW, MEMBERS_NONE, NULL, "its `~` form is an allow list too: all but these" },
        { "CapabilityBoundingSet", LIST_INVERT_MASK, MEMBERS_CAPABILITIES, "", NULL },
        { "RestrictNamespaces", LIST_INVERT_MASK, MEMBERS_NAMESPACES, "yes",
          "`yes` and `no` replace every earlier value; `no` is never written" },
        /* network */
        { "IPAddressAllow", LIST_ALLOW, MEMBERS_NONE, NULL, "an address it allows wins over a vendor's IPAddressDeny= of it" },
        { "IPAddressDeny", LIST_DENY, MEMBERS_NONE, NULL, NULL },
        { "RestrictAddressFamilies", LIST_INVERT_SET, MEMBERS_FAMILIES, NULL,
          "a vendor's `none` is forgotten by any later assignment (systemd 252 starts a new list after it)" },
        /* system calls */
        { "SystemCallFilter", LIST_INVERT_SET, MEMBERS_SYSCALLS, NULL,
          "without a vendor allow list, calls systemd does not know by name stay allowed" },
        { "SystemCallArchitectures", LIST_ALLOW, MEMBERS_NONE, NULL, NULL },
        /* what exit codes mean (exit-status) */
        { "SuccessExitStatus", LIST_ADD, MEMBERS_NONE, NULL, NULL },
        { "RestartForceExitStatus", LIST_ADD, MEMBERS_NONE, NULL, NULL },
        { "RestartPreventExitStatus", LIST_ADD, MEMBERS_NONE, NULL, NULL },
        /* lists only the escape hatch can set: old names of managed lists (resetting one
         * would reset the managed list), and filters unitc has no member list for */
        { "ReadWriteDirectories", LIST_ADD, MEMBERS_NONE, NULL, "the old name of ReadWritePaths=" },
        { "ReadOnlyDirectories", LIST_DENY, MEMBERS_NONE, NULL, "the old name of ReadOnlyPaths=" },
        { "InaccessibleDirectories", LIST_DENY, MEMBERS_NONE, NULL, "the old name of InaccessiblePaths=" },
        { "RestrictFileSystems", LIST_ADD, MEMBERS_NONE, NULL, "written as the escape hatch says: unitc cannot vouch for its form" },
        { "SystemCallLog", LIST_ADD, MEMBERS_NONE, NULL, "logs, allows nothing" },
};
const size_t list_directive_table_len = ARRAY_SIZE(list_directive_table);

const struct list_directive *list_directive_lookup(const char *key)
{
        for (size_t i = 0; i < list_directive_table_len; i++)
                if (streq(list_directive_table[i].key, key))
                        return &list_directive_table[i];
        return NULL;
}

const char *const address_family_names[] = {
        "AF_UNIX", "AF_INET", "AF_AX25", "AF_IPX", "AF_APPLETALK", "AF_NETROM", "AF_BRIDGE",
        "AF_ATMPVC", "AF_X25", "AF_INET6", "AF_ROSE", "AF_DECnet", "AF_NETBEUI", "AF_SECURITY",
        "AF_KEY", "AF_NETLINK", "AF_PACKET", "AF_ASH", "AF_ECONET", "AF_ATMSVC", "AF_RDS",
        "AF_SNA", "AF_IRDA", "AF_PPPOX", "AF_WANPIPE", "AF_LLC", "AF_IB", "AF_MPLS", "AF_CAN",
        "AF_TIPC", "AF_BLUETOOTH", "AF_IUCV", "AF_RXRPC", "AF_ISDN", "AF_PHONET", "AF_IEEE802154",
        "AF_CAIF", "AF_ALG", "AF_NFC", "AF_VSOCK", "AF_KCM", "AF_QIPCRTR", "AF_SMC", "AF_XDP",
        "AF_MCTP",
};
const size_t address_family_names_len = ARRAY_SIZE(address_family_names);

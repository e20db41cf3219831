/* names.c - the names systemd spells, one row each: capabilities, namespace types, address
 * and netlink families, service types, restart policies, signals, calendar and time words. */
#include "base/prelude.h"

#include <ctype.h>
#include <strings.h>

#include "systemd/tables.h"

#define BIT(r) (UINT32_C(1) << (r))

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

const char *const namespace_names[] = { "cgroup", "ipc", "net", "mnt", "pid", "user", "uts" };
const size_t namespace_names_len = ARRAY_SIZE(namespace_names);

const char *const netlink_family_names[] = {
        "route", "netfilter", "audit", "kobject-uevent", "generic", "sock-diag", "xfrm",
        "connector", "selinux", "crypto", "rdma", "scsitransport",
};
const size_t netlink_family_names_len = ARRAY_SIZE(netlink_family_names);

const char *const service_type_names[] = {
        "simple", "exec", "forking", "oneshot", "dbus", "notify", "idle",
};
const size_t service_type_names_len = ARRAY_SIZE(service_type_names);

const char *const restart_names[] = {
        "no", "always", "on-success", "on-failure", "on-abnormal", "on-abort", "on-watchdog",
};
const size_t restart_names_len = ARRAY_SIZE(restart_names);

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

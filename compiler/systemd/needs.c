/* needs.c - the language's words as systemd settings: what each `needs` word relaxes, the
 * relaxations, `owns`, `limit`, `priority`, `install`, `exit-status`, and the paths whose
 * writer owns the machine. Facts from systemd.exec(5), capabilities(7) and tests against
 * systemd 252 (see README.md, "Why each default"). */
#include "base/prelude.h"

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

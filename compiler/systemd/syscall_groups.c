/* syscall_groups.c - syscall group membership per systemd build (x86-64), as tables.
 *
 * Generated once from the group lists of the systemd builds named below (as printed by
 * `systemd-analyze syscall-filter`) and the names their libseccomp resolves on x86-64.
 * Each table lists every known syscall name once, sorted with strcmp(), with a flag for
 * "resolvable on the native architecture"; group members are indices into that list, or
 * -(g + 1) for a nested group g, in the order systemd lists them. */

#include "base/prelude.h"
#include "systemd/syscall_groups.h"

/* systemd 252.39-1~deb12u2, libseccomp 2.5.4, x86_64 */
static const char *const names_252[] = {
        "_llseek", "_newselect", "_sysctl", "accept", "accept4", "access", "acct", "add_key",
        "adjtimex", "afs_syscall", "alarm", "arc_gettls", "arc_settls", "arc_usr_cmpxchg",
        "arch_prctl", "arm_fadvise64_64", "atomic_barrier", "atomic_cmpxchg_32", "bdflush",
        "bind", "bpf", "break", "brk", "cachectl", "cacheflush", "capget", "capset", "chdir",
        "chmod", "chown", "chown32", "chroot", "clock_adjtime", "clock_adjtime64",
        "clock_getres", "clock_getres_time64", "clock_gettime", "clock_gettime64",
        "clock_nanosleep", "clock_nanosleep_time64", "clock_settime", "clock_settime64",
        "clone", "clone3", "close", "close_range", "connect", "copy_file_range", "creat",
        "create_module", "delete_module", "dipc", "dup", "dup2", "dup3", "epoll_create",
        "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait", "epoll_pwait2",
        "epoll_wait", "epoll_wait_old", "eventfd", "eventfd2", "exec_with_loader", "execv",
        "execve", "execveat", "exit", "exit_group", "faccessat", "faccessat2", "fadvise64",
        "fadvise64_64", "fallocate", "fanotify_init", "fanotify_mark", "fchdir", "fchmod",
        "fchmodat", "fchmodat2", "fchown", "fchown32", "fchownat", "fcntl", "fcntl64",
        "fdatasync", "fgetxattr", "finit_module", "flistxattr", "flock", "fork", "fremovexattr",
        "fsconfig", "fsetxattr", "fsmount", "fsopen", "fspick", "fstat", "fstat64", "fstatat64",
        "fstatfs", "fstatfs64", "fsync", "ftime", "ftruncate", "ftruncate64", "futex",
        "futex_requeue", "futex_time64", "futex_wait", "futex_waitv", "futex_wake", "futimesat",
        "get_kernel_syms", "get_mempolicy", "get_robust_list", "get_thread_area", "getcpu",
        "getcwd", "getdents", "getdents64", "getdomainname", "getdtablesize", "getegid",
        "getegid32", "geteuid", "geteuid32", "getgid", "getgid32", "getgroups", "getgroups32",
        "gethostname", "getitimer", "getpagesize", "getpeername", "getpgid", "getpgrp",
        "getpid", "getpmsg", "getppid", "getpriority", "getrandom", "getresgid", "getresgid32",
        "getresuid", "getresuid32", "getrlimit", "getrusage", "getsid", "getsockname",
        "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32", "getxattr", "getxgid",
        "getxpid", "getxuid", "gtty", "idle", "init_module", "inotify_add_watch",
        "inotify_init", "inotify_init1", "inotify_rm_watch", "io_cancel", "io_destroy",
        "io_getevents", "io_pgetevents", "io_pgetevents_time64", "io_setup", "io_submit",
        "io_uring_enter", "io_uring_register", "io_uring_setup", "ioctl", "ioperm", "iopl",
        "ioprio_get", "ioprio_set", "ipc", "kcmp", "kern_features", "kexec_file_load",
        "kexec_load", "keyctl", "kill", "landlock_add_rule", "landlock_create_ruleset",
        "landlock_restrict_self", "lchown", "lchown32", "lgetxattr", "link", "linkat", "listen",
        "listxattr", "llistxattr", "lock", "lookup_dcookie", "lremovexattr", "lseek",
        "lsetxattr", "lstat", "lstat64", "madvise", "map_shadow_stack", "mbind", "membarrier",
        "memfd_create", "memfd_secret", "memory_ordering", "migrate_pages", "mincore", "mkdir",
        "mkdirat", "mknod", "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2",
        "modify_ldt", "mount", "mount_setattr", "move_mount", "move_pages", "mprotect", "mpx",
        "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedreceive_time64",
        "mq_timedsend", "mq_timedsend_time64", "mq_unlink", "mremap", "msgctl", "msgget",
        "msgrcv", "msgsnd", "msync", "multiplexer", "munlock", "munlockall", "munmap",
        "name_to_handle_at", "nanosleep", "newfstatat", "nfsservctl", "nice", "old_adjtimex",
        "oldfstat", "oldlstat", "oldolduname", "oldstat", "oldumount", "olduname", "open",
        "open_by_handle_at", "open_tree", "openat", "openat2", "or1k_atomic", "osf_fstat",
        "osf_fstatfs", "osf_fstatfs64", "osf_getdirentries", "osf_getdomainname",
        "osf_getitimer", "osf_getrusage", "osf_getsysinfo", "osf_gettimeofday", "osf_lstat",
        "osf_mount", "osf_proplist_syscall", "osf_select", "osf_set_program_attributes",
        "osf_setitimer", "osf_setsysinfo", "osf_settimeofday", "osf_shmat", "osf_sigprocmask",
        "osf_sigstack", "osf_stat", "osf_statfs", "osf_statfs64", "osf_swapon", "osf_syscall",
        "osf_sysinfo", "osf_usleep_thread", "osf_utimes", "osf_utsname", "osf_wait4", "pause",
        "pciconfig_iobase", "pciconfig_read", "pciconfig_write", "perf_event_open", "perfctr",
        "personality", "pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe", "pipe2",
        "pivot_root", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll",
        "ppoll_time64", "prctl", "pread64", "preadv", "preadv2", "prlimit64", "process_madvise",
        "process_mrelease", "process_vm_readv", "process_vm_writev", "prof", "profil",
        "pselect6", "pselect6_time64", "ptrace", "putpmsg", "pwrite64", "pwritev", "pwritev2",
        "query_module", "quotactl", "quotactl_fd", "read", "readahead", "readdir", "readlink",
        "readlinkat", "readv", "reboot", "recv", "recvfrom", "recvmmsg", "recvmmsg_time64",
        "recvmsg", "remap_file_pages", "removexattr", "rename", "renameat", "renameat2",
        "request_key", "restart_syscall", "riscv_flush_icache", "riscv_hwprobe", "rmdir",
        "rseq", "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo",
        "rt_sigreturn", "rt_sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64",
        "rt_tgsigqueueinfo", "rtas", "s390_guarded_storage", "s390_pci_mmio_read",
        "s390_pci_mmio_write", "s390_runtime_instr", "s390_sthyi", "sched_get_affinity",
        "sched_get_priority_max", "sched_get_priority_min", "sched_getaffinity",
        "sched_getattr", "sched_getparam", "sched_getscheduler", "sched_rr_get_interval",
        "sched_rr_get_interval_time64", "sched_set_affinity", "sched_setaffinity",
        "sched_setattr", "sched_setparam", "sched_setscheduler", "sched_yield", "seccomp",
        "security", "select", "semctl", "semget", "semop", "semtimedop", "semtimedop_time64",
        "send", "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto", "set_mempolicy",
        "set_mempolicy_home_node", "set_robust_list", "set_thread_area", "set_tid_address",
        "set_tls", "setdomainname", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
        "setgid", "setgid32", "setgroups", "setgroups32", "sethae", "sethostname", "setitimer",
        "setns", "setpgid", "setpgrp", "setpriority", "setregid", "setregid32", "setresgid",
        "setresgid32", "setresuid", "setresuid32", "setreuid", "setreuid32", "setrlimit",
        "setsid", "setsockopt", "settimeofday", "setuid", "setuid32", "setxattr", "sgetmask",
        "shmat", "shmctl", "shmdt", "shmget", "shutdown", "sigaction", "sigaltstack", "signal",
        "signalfd", "signalfd4", "sigpending", "sigprocmask", "sigreturn", "sigsuspend",
        "socket", "socketcall", "socketpair", "splice", "spu_create", "spu_run", "ssetmask",
        "stat", "stat64", "statfs", "statfs64", "statx", "stime", "stty", "subpage_prot",
        "swapcontext", "swapoff", "swapon", "switch_endian", "symlink", "symlinkat", "sync",
        "sync_file_range", "sync_file_range2", "syncfs", "sys_debug_setcontext", "syscall",
        "sysfs", "sysinfo", "syslog", "sysmips", "tee", "tgkill", "time", "timer_create",
        "timer_delete", "timer_getoverrun", "timer_gettime", "timer_gettime64", "timer_settime",
        "timer_settime64", "timerfd", "timerfd_create", "timerfd_gettime", "timerfd_gettime64",
        "timerfd_settime", "timerfd_settime64", "times", "tkill", "truncate", "truncate64",
        "tuxcall", "ugetrlimit", "ulimit", "umask", "umount", "umount2", "uname", "unlink",
        "unlinkat", "unshare", "uretprobe", "uselib", "userfaultfd", "ustat", "utime",
        "utimensat", "utimensat_time64", "utimes", "utrap_install", "vfork", "vhangup", "vm86",
        "vm86old", "vmsplice", "vserver", "wait4", "waitid", "waitpid", "write", "writev",
};
static const uint8_t resolvable_252[] = {
        0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1,
        1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1,
        1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
        0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1,
        1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1,
        0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0,
        0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1,
        1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1,
        1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1,
};
static const int16_t g252_default[] = {
        14, 22, 24, 34, 35, 36, 37, 38, 39, 67, 69, 70, 108, 110, 112, 117, 118, 125, 126, 127,
        128, 129, 130, 131, 132, 137, 138, 139, 141, 143, 144, 145, 146, 147, 148, 150, 153,
        154, 155, 156, 211, 224, 225, 231, 250, 252, 299, 322, 357, 358, 359, 361, 366, 380,
        391, 408, 409, 410, 411, 456, 491, 510, 519,
};
static const int16_t g252_aio[] = {
        168, 169, 170, 171, 172, 173, 174, 175, 176, 177,
};
static const int16_t g252_basic_io[] = {
        0, 44, 45, 52, 53, 54, 204, 319, 320, 321, 333, 334, 335, 339, 344, 537, 538,
};
static const int16_t g252_chown[] = {
        29, 30, 82, 83, 84, 193, 194,
};
static const int16_t g252_clock[] = {
        8, 32, 33, 40, 41, 439,
};
static const int16_t g252_cpu_emulation[] = {
        226, 472, 476, 530, 531,
};
static const int16_t g252_debug[] = {
        202, 303, 306, 331, 371, 375, 483,
};
static const int16_t g252_file_system[] = {
        5, 27, 28, 44, 48, 71, 72, 75, 78, 79, 80, 81, 85, 86, 88, 90, 93, 95, 99, 100, 101,
        102, 103, 106, 107, 114, 120, 121, 122, 157, 164, 165, 166, 167, 195, 196, 197, 199,
        200, 203, 205, 206, 207, 217, 218, 219, 220, 253, 257, 258, 260, 263, 266, 267, 342,
        343, 352, 353, 354, 355, 360, 442, 465, 466, 467, 468, 469, 477, 478, 507, 508, 516,
        517, 523, 524, 525, 526,
};
static const int16_t g252_io_event[] = {
        1, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 315, 316, 317, 329, 330, 394,
};
static const int16_t g252_ipc[] = {
        183, 212, 233, 234, 235, 236, 237, 238, 239, 240, 242, 243, 244, 245, 309, 310, 323,
        325, 326, 395, 396, 397, 398, 399, 444, 445, 446, 447,
};
static const int16_t g252_keyring[] = {
        7, 188, 356,
};
static const int16_t g252_memlock[] = {
        221, 222, 223, 248, 249,
};
static const int16_t g252_module[] = {
        50, 89, 163,
};
static const int16_t g252_mount[] = {
        31, 94, 96, 97, 98, 227, 228, 229, 265, 311, 513, 514,
};
static const int16_t g252_network_io[] = {
        3, 4, 19, 46, 136, 151, 152, 198, 346, 347, 348, 349, 350, 400, 403, 404, 405, 438, 448,
        458, 459, 460,
};
static const int16_t g252_obsolete[] = {
        2, 9, 18, 21, 49, 105, 115, 140, 161, 162, 201, 232, 327, 328, 332, 336, 393, 443, 464,
        470, 471, 485, 509, 511, 520, 522, 533,
};
static const int16_t g252_pkey[] = {
        312, 313, 314,
};
static const int16_t g252_privileged[] = {
        -4, -5, -13, -20, -21, -25, 2, 6, 20, 26, 31, 76, 77, 254, 264, 311, 337, 338, 412, 415,
        416, 419, 420, 422, 432, 433, 434, 435, 440, 441, 529,
};
static const int16_t g252_process[] = {
        25, 42, 43, 68, 92, 149, 189, 307, 308, 318, 365, 370, 424, 473, 490, 505, 506, 518,
        528, 534, 535, 536,
};
static const int16_t g252_raw_io[] = {
        179, 180, 300, 301, 302, 373, 374,
};
static const int16_t g252_reboot[] = {
        186, 187, 345,
};
static const int16_t g252_resources[] = {
        182, 210, 215, 230, 255, 387, 388, 389, 390, 406, 407, 427, 436,
};
static const int16_t g252_setuid[] = {
        417, 418, 419, 420, 428, 429, 430, 431, 432, 433, 434, 435, 440, 441,
};
static const int16_t g252_signal[] = {
        362, 363, 364, 367, 368, 369, 449, 450, 451, 452, 453, 454, 455, 457,
};
static const int16_t g252_swap[] = {
        474, 475,
};
static const int16_t g252_sync[] = {
        87, 104, 246, 479, 480, 481, 482,
};
static const int16_t g252_system_service[] = {
        -2, -3, -4, -1, -8, -9, -10, -11, -12, -15, -19, -22, -23, -24, -26, -28, 15, 25, 26,
        47, 73, 74, 91, 116, 119, 142, 178, 181, 184, 208, 241, 251, 259, 262, 305, 340, 341,
        351, 378, 379, 381, 382, 383, 384, 385, 391, 401, 402, 413, 414, 415, 416, 425, 437,
        461, 486, 489, 512, 515, 521, 532,
};
static const int16_t g252_timer[] = {
        10, 134, 423, 492, 493, 494, 495, 496, 497, 498, 500, 501, 502, 503, 504, 505,
};
static const int16_t g252_known[] = {
        -16, 0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
        50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
        72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
        94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 106, 107, 108, 109, 110, 111, 112, 113,
        114, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131,
        132, 133, 134, 135, 136, 137, 138, 139, 141, 142, 143, 144, 145, 146, 147, 148, 149,
        150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 163, 164, 165, 166, 167, 168,
        169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185,
        186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 202, 203,
        204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220,
        221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 233, 234, 235, 236, 237, 238,
        239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 255, 256,
        257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273,
        274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290,
        291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307,
        308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324,
        325, 326, 329, 330, 331, 333, 334, 335, 337, 338, 339, 340, 341, 342, 343, 344, 345,
        346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362,
        363, 364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379,
        380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 394, 395, 396, 397,
        398, 399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415,
        416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432,
        433, 434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449,
        450, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466,
        467, 468, 469, 470, 472, 473, 474, 475, 476, 477, 478, 479, 480, 481, 482, 483, 484,
        485, 486, 487, 488, 489, 490, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501,
        502, 503, 504, 505, 506, 507, 508, 510, 512, 513, 514, 515, 516, 517, 518, 521, 522,
        523, 524, 525, 526, 527, 528, 529, 530, 531, 532, 534, 535, 536, 537, 538,
};
static const struct syscall_group groups_252[] = {
        { .name = "@default", .members = g252_default, .n_members = ARRAY_SIZE(g252_default) },
        { .name = "@aio", .members = g252_aio, .n_members = ARRAY_SIZE(g252_aio) },
        { .name = "@basic-io", .members = g252_basic_io, .n_members = ARRAY_SIZE(g252_basic_io) },
        { .name = "@chown", .members = g252_chown, .n_members = ARRAY_SIZE(g252_chown) },
        { .name = "@clock", .members = g252_clock, .n_members = ARRAY_SIZE(g252_clock) },
        { .name = "@cpu-emulation", .members = g252_cpu_emulation, .n_members = ARRAY_SIZE(g252_cpu_emulation) },
        { .name = "@debug", .members = g252_debug, .n_members = ARRAY_SIZE(g252_debug) },
        { .name = "@file-system", .members = g252_file_system, .n_members = ARRAY_SIZE(g252_file_system) },
        { .name = "@io-event", .members = g252_io_event, .n_members = ARRAY_SIZE(g252_io_event) },
        { .name = "@ipc", .members = g252_ipc, .n_members = ARRAY_SIZE(g252_ipc) },
        { .name = "@keyring", .members = g252_keyring, .n_members = ARRAY_SIZE(g252_keyring) },
        { .name = "@memlock", .members = g252_memlock, .n_members = ARRAY_SIZE(g252_memlock) },
        { .name = "@module", .members = g252_module, .n_members = ARRAY_SIZE(g252_module) },
        { .name = "@mount", .members = g252_mount, .n_members = ARRAY_SIZE(g252_mount) },
        { .name = "@network-io", .members = g252_network_io, .n_members = ARRAY_SIZE(g252_network_io) },
        { .name = "@obsolete", .members = g252_obsolete, .n_members = ARRAY_SIZE(g252_obsolete) },
        { .name = "@pkey", .members = g252_pkey, .n_members = ARRAY_SIZE(g252_pkey) },
        { .name = "@privileged", .members = g252_privileged, .n_members = ARRAY_SIZE(g252_privileged) },
        { .name = "@process", .members = g252_process, .n_members = ARRAY_SIZE(g252_process) },
        { .name = "@raw-io", .members = g252_raw_io, .n_members = ARRAY_SIZE(g252_raw_io) },
        { .name = "@reboot", .members = g252_reboot, .n_members = ARRAY_SIZE(g252_reboot) },
        { .name = "@resources", .members = g252_resources, .n_members = ARRAY_SIZE(g252_resources) },
        { .name = "@setuid", .members = g252_setuid, .n_members = ARRAY_SIZE(g252_setuid) },
        { .name = "@signal", .members = g252_signal, .n_members = ARRAY_SIZE(g252_signal) },
        { .name = "@swap", .members = g252_swap, .n_members = ARRAY_SIZE(g252_swap) },
        { .name = "@sync", .members = g252_sync, .n_members = ARRAY_SIZE(g252_sync) },
        { .name = "@system-service", .members = g252_system_service, .n_members = ARRAY_SIZE(g252_system_service) },
        { .name = "@timer", .members = g252_timer, .n_members = ARRAY_SIZE(g252_timer) },
        { .name = "@known", .members = g252_known, .n_members = ARRAY_SIZE(g252_known) },
};

/* systemd 254.26-1~bpo12+1, libseccomp 2.5.4, x86_64 */
static const char *const names_254[] = {
        "_llseek", "_newselect", "_sysctl", "accept", "accept4", "access", "acct", "add_key",
        "adjtimex", "afs_syscall", "alarm", "arc_gettls", "arc_settls", "arc_usr_cmpxchg",
        "arch_prctl", "arm_fadvise64_64", "atomic_barrier", "atomic_cmpxchg_32", "bdflush",
        "bind", "bpf", "break", "brk", "cachectl", "cacheflush", "cachestat", "capget",
        "capset", "chdir", "chmod", "chown", "chown32", "chroot", "clock_adjtime",
        "clock_adjtime64", "clock_getres", "clock_getres_time64", "clock_gettime",
        "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "clock_settime",
        "clock_settime64", "clone", "clone3", "close", "close_range", "connect",
        "copy_file_range", "creat", "create_module", "delete_module", "dipc", "dup", "dup2",
        "dup3", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait",
        "epoll_pwait2", "epoll_wait", "epoll_wait_old", "eventfd", "eventfd2",
        "exec_with_loader", "execv", "execve", "execveat", "exit", "exit_group", "faccessat",
        "faccessat2", "fadvise64", "fadvise64_64", "fallocate", "fanotify_init",
        "fanotify_mark", "fchdir", "fchmod", "fchmodat", "fchmodat2", "fchown", "fchown32",
        "fchownat", "fcntl", "fcntl64", "fdatasync", "fgetxattr", "finit_module", "flistxattr",
        "flock", "fork", "fremovexattr", "fsconfig", "fsetxattr", "fsmount", "fsopen", "fspick",
        "fstat", "fstat64", "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftime", "ftruncate",
        "ftruncate64", "futex", "futex_requeue", "futex_time64", "futex_wait", "futex_waitv",
        "futex_wake", "futimesat", "get_kernel_syms", "get_mempolicy", "get_robust_list",
        "get_thread_area", "getcpu", "getcwd", "getdents", "getdents64", "getdomainname",
        "getdtablesize", "getegid", "getegid32", "geteuid", "geteuid32", "getgid", "getgid32",
        "getgroups", "getgroups32", "gethostname", "getitimer", "getpagesize", "getpeername",
        "getpgid", "getpgrp", "getpid", "getpmsg", "getppid", "getpriority", "getrandom",
        "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit", "getrusage",
        "getsid", "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32",
        "getxattr", "getxgid", "getxpid", "getxuid", "gtty", "idle", "init_module",
        "inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch", "io_cancel",
        "io_destroy", "io_getevents", "io_pgetevents", "io_pgetevents_time64", "io_setup",
        "io_submit", "io_uring_enter", "io_uring_register", "io_uring_setup", "ioctl", "ioperm",
        "iopl", "ioprio_get", "ioprio_set", "ipc", "kcmp", "kern_features", "kexec_file_load",
        "kexec_load", "keyctl", "kill", "landlock_add_rule", "landlock_create_ruleset",
        "landlock_restrict_self", "lchown", "lchown32", "lgetxattr", "link", "linkat", "listen",
        "listxattr", "llistxattr", "lock", "lookup_dcookie", "lremovexattr", "lseek",
        "lsetxattr", "lstat", "lstat64", "madvise", "map_shadow_stack", "mbind", "membarrier",
        "memfd_create", "memfd_secret", "memory_ordering", "migrate_pages", "mincore", "mkdir",
        "mkdirat", "mknod", "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2",
        "modify_ldt", "mount", "mount_setattr", "move_mount", "move_pages", "mprotect", "mpx",
        "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedreceive_time64",
        "mq_timedsend", "mq_timedsend_time64", "mq_unlink", "mremap", "msgctl", "msgget",
        "msgrcv", "msgsnd", "msync", "multiplexer", "munlock", "munlockall", "munmap",
        "name_to_handle_at", "nanosleep", "newfstatat", "nfsservctl", "nice", "old_adjtimex",
        "oldfstat", "oldlstat", "oldolduname", "oldstat", "oldumount", "olduname", "open",
        "open_by_handle_at", "open_tree", "openat", "openat2", "or1k_atomic", "osf_fstat",
        "osf_fstatfs", "osf_fstatfs64", "osf_getdirentries", "osf_getdomainname",
        "osf_getitimer", "osf_getrusage", "osf_getsysinfo", "osf_gettimeofday", "osf_lstat",
        "osf_mount", "osf_proplist_syscall", "osf_select", "osf_set_program_attributes",
        "osf_setitimer", "osf_setsysinfo", "osf_settimeofday", "osf_shmat", "osf_sigprocmask",
        "osf_sigstack", "osf_stat", "osf_statfs", "osf_statfs64", "osf_swapon", "osf_syscall",
        "osf_sysinfo", "osf_usleep_thread", "osf_utimes", "osf_utsname", "osf_wait4", "pause",
        "pciconfig_iobase", "pciconfig_read", "pciconfig_write", "perf_event_open", "perfctr",
        "personality", "pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe", "pipe2",
        "pivot_root", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll",
        "ppoll_time64", "prctl", "pread64", "preadv", "preadv2", "prlimit64", "process_madvise",
        "process_mrelease", "process_vm_readv", "process_vm_writev", "prof", "profil",
        "pselect6", "pselect6_time64", "ptrace", "putpmsg", "pwrite64", "pwritev", "pwritev2",
        "query_module", "quotactl", "quotactl_fd", "read", "readahead", "readdir", "readlink",
        "readlinkat", "readv", "reboot", "recv", "recvfrom", "recvmmsg", "recvmmsg_time64",
        "recvmsg", "remap_file_pages", "removexattr", "rename", "renameat", "renameat2",
        "request_key", "restart_syscall", "riscv_flush_icache", "riscv_hwprobe", "rmdir",
        "rseq", "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo",
        "rt_sigreturn", "rt_sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64",
        "rt_tgsigqueueinfo", "rtas", "s390_guarded_storage", "s390_pci_mmio_read",
        "s390_pci_mmio_write", "s390_runtime_instr", "s390_sthyi", "sched_get_affinity",
        "sched_get_priority_max", "sched_get_priority_min", "sched_getaffinity",
        "sched_getattr", "sched_getparam", "sched_getscheduler", "sched_rr_get_interval",
        "sched_rr_get_interval_time64", "sched_set_affinity", "sched_setaffinity",
        "sched_setattr", "sched_setparam", "sched_setscheduler", "sched_yield", "seccomp",
        "security", "select", "semctl", "semget", "semop", "semtimedop", "semtimedop_time64",
        "send", "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto", "set_mempolicy",
        "set_mempolicy_home_node", "set_robust_list", "set_thread_area", "set_tid_address",
        "set_tls", "setdomainname", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
        "setgid", "setgid32", "setgroups", "setgroups32", "sethae", "sethostname", "setitimer",
        "setns", "setpgid", "setpgrp", "setpriority", "setregid", "setregid32", "setresgid",
        "setresgid32", "setresuid", "setresuid32", "setreuid", "setreuid32", "setrlimit",
        "setsid", "setsockopt", "settimeofday", "setuid", "setuid32", "setxattr", "sgetmask",
        "shmat", "shmctl", "shmdt", "shmget", "shutdown", "sigaction", "sigaltstack", "signal",
        "signalfd", "signalfd4", "sigpending", "sigprocmask", "sigreturn", "sigsuspend",
        "socket", "socketcall", "socketpair", "splice", "spu_create", "spu_run", "ssetmask",
        "stat", "stat64", "statfs", "statfs64", "statx", "stime", "stty", "subpage_prot",
        "swapcontext", "swapoff", "swapon", "switch_endian", "symlink", "symlinkat", "sync",
        "sync_file_range", "sync_file_range2", "syncfs", "sys_debug_setcontext", "syscall",
        "sysfs", "sysinfo", "syslog", "sysmips", "tee", "tgkill", "time", "timer_create",
        "timer_delete", "timer_getoverrun", "timer_gettime", "timer_gettime64", "timer_settime",
        "timer_settime64", "timerfd", "timerfd_create", "timerfd_gettime", "timerfd_gettime64",
        "timerfd_settime", "timerfd_settime64", "times", "tkill", "truncate", "truncate64",
        "tuxcall", "ugetrlimit", "ulimit", "umask", "umount", "umount2", "uname", "unlink",
        "unlinkat", "unshare", "uretprobe", "uselib", "userfaultfd", "ustat", "utime",
        "utimensat", "utimensat_time64", "utimes", "utrap_install", "vfork", "vhangup", "vm86",
        "vm86old", "vmsplice", "vserver", "wait4", "waitid", "waitpid", "write", "writev",
};
static const uint8_t resolvable_254[] = {
        0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1,
        1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0,
        1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
        1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0,
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0,
        0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1,
        1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0,
        1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0,
        0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1,
        1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1,
};
static const int16_t g254_default[] = {
        -23, 14, 22, 24, 35, 36, 37, 38, 39, 40, 68, 70, 71, 109, 111, 113, 118, 119, 126, 127,
        128, 129, 130, 131, 132, 133, 138, 139, 140, 142, 144, 145, 146, 147, 148, 149, 151,
        154, 155, 156, 157, 212, 225, 226, 232, 251, 253, 300, 323, 358, 359, 360, 362, 367,
        381, 392, 409, 410, 411, 412, 457, 492, 511, 520,
};
static const int16_t g254_aio[] = {
        169, 170, 171, 172, 173, 174, 175, 176, 177, 178,
};
static const int16_t g254_basic_io[] = {
        0, 45, 46, 53, 54, 55, 205, 320, 321, 322, 334, 335, 336, 340, 345, 538, 539,
};
static const int16_t g254_chown[] = {
        30, 31, 83, 84, 85, 194, 195,
};
static const int16_t g254_clock[] = {
        8, 33, 34, 41, 42, 440,
};
static const int16_t g254_cpu_emulation[] = {
        227, 473, 477, 531, 532,
};
static const int16_t g254_debug[] = {
        203, 304, 307, 332, 372, 376, 484,
};
static const int16_t g254_file_system[] = {
        5, 28, 29, 45, 49, 72, 73, 76, 79, 80, 81, 82, 86, 87, 89, 91, 94, 96, 100, 101, 102,
        103, 104, 107, 108, 115, 121, 122, 123, 158, 165, 166, 167, 168, 196, 197, 198, 200,
        201, 204, 206, 207, 208, 218, 219, 220, 221, 254, 258, 259, 261, 264, 267, 268, 343,
        344, 353, 354, 355, 356, 361, 443, 466, 467, 468, 469, 470, 478, 479, 508, 509, 517,
        518, 524, 525, 526, 527,
};
static const int16_t g254_io_event[] = {
        1, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 316, 317, 318, 330, 331, 395,
};
static const int16_t g254_ipc[] = {
        184, 213, 234, 235, 236, 237, 238, 239, 240, 241, 243, 244, 245, 246, 310, 311, 324,
        326, 327, 396, 397, 398, 399, 400, 445, 446, 447, 448,
};
static const int16_t g254_keyring[] = {
        7, 189, 357,
};
static const int16_t g254_memlock[] = {
        222, 223, 224, 249, 250,
};
static const int16_t g254_module[] = {
        51, 90, 164,
};
static const int16_t g254_mount[] = {
        32, 95, 97, 98, 99, 228, 229, 230, 266, 312, 514, 515,
};
static const int16_t g254_network_io[] = {
        3, 4, 19, 47, 137, 152, 153, 199, 347, 348, 349, 350, 351, 401, 404, 405, 406, 439, 449,
        459, 460, 461,
};
static const int16_t g254_obsolete[] = {
        2, 9, 18, 21, 50, 106, 116, 141, 162, 163, 202, 233, 328, 329, 333, 337, 394, 444, 465,
        471, 472, 486, 510, 512, 521, 523, 534,
};
static const int16_t g254_pkey[] = {
        313, 314, 315,
};
static const int16_t g254_privileged[] = {
        -4, -5, -13, -20, -21, -26, 2, 6, 20, 27, 32, 77, 78, 255, 265, 312, 338, 339, 413, 416,
        417, 420, 421, 423, 433, 434, 435, 436, 441, 442, 530,
};
static const int16_t g254_process[] = {
        26, 43, 44, 69, 93, 150, 190, 308, 309, 319, 366, 371, 425, 474, 491, 506, 507, 519,
        529, 535, 536, 537,
};
static const int16_t g254_raw_io[] = {
        180, 181, 301, 302, 303, 374, 375,
};
static const int16_t g254_reboot[] = {
        187, 188, 346,
};
static const int16_t g254_resources[] = {
        183, 211, 216, 231, 256, 388, 389, 390, 391, 407, 408, 428, 437,
};
static const int16_t g254_sandbox[] = {
        191, 192, 193, 393,
};
static const int16_t g254_setuid[] = {
        418, 419, 420, 421, 429, 430, 431, 432, 433, 434, 435, 436, 441, 442,
};
static const int16_t g254_signal[] = {
        363, 364, 365, 368, 369, 370, 450, 451, 452, 453, 454, 455, 456, 458,
};
static const int16_t g254_swap[] = {
        475, 476,
};
static const int16_t g254_sync[] = {
        88, 105, 247, 480, 481, 482, 483,
};
static const int16_t g254_system_service[] = {
        -2, -3, -4, -1, -8, -9, -10, -11, -12, -15, -19, -22, -24, -25, -27, -29, 15, 26, 27,
        48, 74, 75, 92, 117, 120, 143, 179, 182, 185, 209, 242, 252, 260, 263, 306, 341, 342,
        352, 379, 380, 382, 383, 384, 385, 386, 392, 402, 403, 414, 415, 416, 417, 426, 438,
        462, 487, 490, 513, 516, 522, 533,
};
static const int16_t g254_timer[] = {
        10, 135, 424, 493, 494, 495, 496, 497, 498, 499, 501, 502, 503, 504, 505, 506,
};
static const int16_t g254_known[] = {
        -16, 0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
        49, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
        72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
        94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 107, 108, 109, 110, 111, 112, 113,
        114, 115, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131,
        132, 133, 134, 135, 136, 137, 138, 139, 140, 142, 143, 144, 145, 146, 147, 148, 149,
        150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 164, 165, 166, 167, 168,
        169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185,
        186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 203,
        204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220,
        221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 234, 235, 236, 237, 238,
        239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 256,
        257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273,
        274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290,
        291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307,
        308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324,
        325, 326, 327, 330, 331, 332, 334, 335, 336, 338, 339, 340, 341, 342, 343, 344, 345,
        346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362,
        363, 364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379,
        380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 395, 396, 397,
        398, 399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 413, 414, 415,
        416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432,
        433, 434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449,
        450, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466,
        467, 468, 469, 470, 471, 473, 474, 475, 476, 477, 478, 479, 480, 481, 482, 483, 484,
        485, 486, 487, 488, 489, 490, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501,
        502, 503, 504, 505, 506, 507, 508, 509, 511, 513, 514, 515, 516, 517, 518, 519, 522,
        523, 524, 525, 526, 527, 528, 529, 530, 531, 532, 533, 535, 536, 537, 538, 539,
};
static const struct syscall_group groups_254[] = {
        { .name = "@default", .members = g254_default, .n_members = ARRAY_SIZE(g254_default) },
        { .name = "@aio", .members = g254_aio, .n_members = ARRAY_SIZE(g254_aio) },
        { .name = "@basic-io", .members = g254_basic_io, .n_members = ARRAY_SIZE(g254_basic_io) },
        { .name = "@chown", .members = g254_chown, .n_members = ARRAY_SIZE(g254_chown) },
        { .name = "@clock", .members = g254_clock, .n_members = ARRAY_SIZE(g254_clock) },
        { .name = "@cpu-emulation", .members = g254_cpu_emulation, .n_members = ARRAY_SIZE(g254_cpu_emulation) },
        { .name = "@debug", .members = g254_debug, .n_members = ARRAY_SIZE(g254_debug) },
        { .name = "@file-system", .members = g254_file_system, .n_members = ARRAY_SIZE(g254_file_system) },
        { .name = "@io-event", .members = g254_io_event, .n_members = ARRAY_SIZE(g254_io_event) },
        { .name = "@ipc", .members = g254_ipc, .n_members = ARRAY_SIZE(g254_ipc) },
        { .name = "@keyring", .members = g254_keyring, .n_members = ARRAY_SIZE(g254_keyring) },
        { .name = "@memlock", .members = g254_memlock, .n_members = ARRAY_SIZE(g254_memlock) },
        { .name = "@module", .members = g254_module, .n_members = ARRAY_SIZE(g254_module) },
        { .name = "@mount", .members = g254_mount, .n_members = ARRAY_SIZE(g254_mount) },
        { .name = "@network-io", .members = g254_network_io, .n_members = ARRAY_SIZE(g254_network_io) },
        { .name = "@obsolete", .members = g254_obsolete, .n_members = ARRAY_SIZE(g254_obsolete) },
        { .name = "@pkey", .members = g254_pkey, .n_members = ARRAY_SIZE(g254_pkey) },
        { .name = "@privileged", .members = g254_privileged, .n_members = ARRAY_SIZE(g254_privileged) },
        { .name = "@process", .members = g254_process, .n_members = ARRAY_SIZE(g254_process) },
        { .name = "@raw-io", .members = g254_raw_io, .n_members = ARRAY_SIZE(g254_raw_io) },
        { .name = "@reboot", .members = g254_reboot, .n_members = ARRAY_SIZE(g254_reboot) },
        { .name = "@resources", .members = g254_resources, .n_members = ARRAY_SIZE(g254_resources) },
        { .name = "@sandbox", .members = g254_sandbox, .n_members = ARRAY_SIZE(g254_sandbox) },
        { .name = "@setuid", .members = g254_setuid, .n_members = ARRAY_SIZE(g254_setuid) },
        { .name = "@signal", .members = g254_signal, .n_members = ARRAY_SIZE(g254_signal) },
        { .name = "@swap", .members = g254_swap, .n_members = ARRAY_SIZE(g254_swap) },
        { .name = "@sync", .members = g254_sync, .n_members = ARRAY_SIZE(g254_sync) },
        { .name = "@system-service", .members = g254_system_service, .n_members = ARRAY_SIZE(g254_system_service) },
        { .name = "@timer", .members = g254_timer, .n_members = ARRAY_SIZE(g254_timer) },
        { .name = "@known", .members = g254_known, .n_members = ARRAY_SIZE(g254_known) },
};

/* systemd 257.13-1~deb13u1, libseccomp 2.5.4, x86_64 */
static const char *const names_257[] = {
        "_llseek", "_newselect", "_sysctl", "accept", "accept4", "access", "acct", "add_key",
        "adjtimex", "afs_syscall", "alarm", "arc_gettls", "arc_settls", "arc_usr_cmpxchg",
        "arch_prctl", "arm_fadvise64_64", "atomic_barrier", "atomic_cmpxchg_32", "bdflush",
        "bind", "bpf", "break", "breakpoint", "brk", "cachectl", "cacheflush", "cachestat",
        "capget", "capset", "chdir", "chmod", "chown", "chown32", "chroot", "clock_adjtime",
        "clock_adjtime64", "clock_getres", "clock_getres_time64", "clock_gettime",
        "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "clock_settime",
        "clock_settime64", "clone", "clone3", "close", "close_range", "connect",
        "copy_file_range", "creat", "create_module", "delete_module", "dipc", "dup", "dup2",
        "dup3", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait",
        "epoll_pwait2", "epoll_wait", "epoll_wait_old", "eventfd", "eventfd2",
        "exec_with_loader", "execv", "execve", "execveat", "exit", "exit_group", "faccessat",
        "faccessat2", "fadvise64", "fadvise64_64", "fallocate", "fanotify_init",
        "fanotify_mark", "fchdir", "fchmod", "fchmodat", "fchmodat2", "fchown", "fchown32",
        "fchownat", "fcntl", "fcntl64", "fdatasync", "fgetxattr", "file_getattr",
        "file_setattr", "finit_module", "flistxattr", "flock", "fork", "fremovexattr",
        "fsconfig", "fsetxattr", "fsmount", "fsopen", "fspick", "fstat", "fstat64", "fstatat",
        "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftime", "ftruncate", "ftruncate64",
        "futex", "futex_requeue", "futex_time64", "futex_wait", "futex_waitv", "futex_wake",
        "futimesat", "get_kernel_syms", "get_mempolicy", "get_robust_list", "get_thread_area",
        "get_tls", "getcpu", "getcwd", "getdents", "getdents64", "getdomainname",
        "getdtablesize", "getegid", "getegid32", "geteuid", "geteuid32", "getgid", "getgid32",
        "getgroups", "getgroups32", "gethostname", "getitimer", "getpagesize", "getpeername",
        "getpgid", "getpgrp", "getpid", "getpmsg", "getppid", "getpriority", "getrandom",
        "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit", "getrusage",
        "getsid", "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32",
        "getxattr", "getxattrat", "getxgid", "getxpid", "getxuid", "gtty", "idle",
        "init_module", "inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch",
        "io_cancel", "io_destroy", "io_getevents", "io_pgetevents", "io_pgetevents_time64",
        "io_setup", "io_submit", "io_uring_enter", "io_uring_register", "io_uring_setup",
        "ioctl", "ioperm", "iopl", "ioprio_get", "ioprio_set", "ipc", "kcmp", "kern_features",
        "kexec_file_load", "kexec_load", "keyctl", "kill", "landlock_add_rule",
        "landlock_create_ruleset", "landlock_restrict_self", "lchown", "lchown32", "lgetxattr",
        "link", "linkat", "listen", "listmount", "listxattr", "listxattrat", "llistxattr",
        "llseek", "lock", "lookup_dcookie", "lremovexattr", "lseek", "lsetxattr",
        "lsm_get_self_attr", "lsm_list_modules", "lsm_set_self_attr", "lstat", "lstat64",
        "madvise", "map_shadow_stack", "mbind", "membarrier", "memfd_create", "memfd_secret",
        "memory_ordering", "migrate_pages", "mincore", "mkdir", "mkdirat", "mknod", "mknodat",
        "mlock", "mlock2", "mlockall", "mmap", "mmap2", "modify_ldt", "mount", "mount_setattr",
        "move_mount", "move_pages", "mprotect", "mpx", "mq_getsetattr", "mq_notify", "mq_open",
        "mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend", "mq_timedsend_time64",
        "mq_unlink", "mremap", "mseal", "msgctl", "msgget", "msgrcv", "msgsnd", "msync",
        "multiplexer", "munlock", "munlockall", "munmap", "name_to_handle_at", "nanosleep",
        "newfstat", "newfstatat", "nfsservctl", "nice", "old_adjtimex", "oldfstat", "oldlstat",
        "oldolduname", "oldstat", "oldumount", "olduname", "open", "open_by_handle_at",
        "open_tree", "openat", "openat2", "or1k_atomic", "osf_fstat", "osf_fstatfs",
        "osf_fstatfs64", "osf_getdirentries", "osf_getdomainname", "osf_getitimer",
        "osf_getrusage", "osf_getsysinfo", "osf_gettimeofday", "osf_lstat", "osf_mount",
        "osf_proplist_syscall", "osf_select", "osf_set_program_attributes", "osf_setitimer",
        "osf_setsysinfo", "osf_settimeofday", "osf_shmat", "osf_sigprocmask", "osf_sigstack",
        "osf_stat", "osf_statfs", "osf_statfs64", "osf_swapon", "osf_syscall", "osf_sysinfo",
        "osf_usleep_thread", "osf_utimes", "osf_utsname", "osf_wait4", "pause",
        "pciconfig_iobase", "pciconfig_read", "pciconfig_write", "perf_event_open", "perfctr",
        "personality", "pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe", "pipe2",
        "pivot_root", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll",
        "ppoll_time64", "prctl", "pread64", "preadv", "preadv2", "prlimit64", "process_madvise",
        "process_mrelease", "process_vm_readv", "process_vm_writev", "prof", "profil",
        "pselect6", "pselect6_time64", "ptrace", "putpmsg", "pwrite64", "pwritev", "pwritev2",
        "query_module", "quotactl", "quotactl_fd", "read", "readahead", "readdir", "readlink",
        "readlinkat", "readv", "reboot", "recv", "recvfrom", "recvmmsg", "recvmmsg_time64",
        "recvmsg", "remap_file_pages", "removexattr", "removexattrat", "rename", "renameat",
        "renameat2", "request_key", "restart_syscall", "riscv_flush_icache", "riscv_hwprobe",
        "rmdir", "rseq", "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo",
        "rt_sigreturn", "rt_sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64",
        "rt_tgsigqueueinfo", "rtas", "s390_guarded_storage", "s390_pci_mmio_read",
        "s390_pci_mmio_write", "s390_runtime_instr", "s390_sthyi", "sched_get_affinity",
        "sched_get_priority_max", "sched_get_priority_min", "sched_getaffinity",
        "sched_getattr", "sched_getparam", "sched_getscheduler", "sched_rr_get_interval",
        "sched_rr_get_interval_time64", "sched_set_affinity", "sched_setaffinity",
        "sched_setattr", "sched_setparam", "sched_setscheduler", "sched_yield", "seccomp",
        "security", "select", "semctl", "semget", "semop", "semtimedop", "semtimedop_time64",
        "send", "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto", "set_mempolicy",
        "set_mempolicy_home_node", "set_robust_list", "set_thread_area", "set_tid_address",
        "set_tls", "setdomainname", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
        "setgid", "setgid32", "setgroups", "setgroups32", "sethae", "sethostname", "setitimer",
        "setns", "setpgid", "setpgrp", "setpriority", "setregid", "setregid32", "setresgid",
        "setresgid32", "setresuid", "setresuid32", "setreuid", "setreuid32", "setrlimit",
        "setsid", "setsockopt", "settimeofday", "setuid", "setuid32", "setxattr", "setxattrat",
        "sgetmask", "shmat", "shmctl", "shmdt", "shmget", "shutdown", "sigaction",
        "sigaltstack", "signal", "signalfd", "signalfd4", "sigpending", "sigprocmask",
        "sigreturn", "sigsuspend", "socket", "socketcall", "socketpair", "splice", "spu_create",
        "spu_run", "ssetmask", "stat", "stat64", "statfs", "statfs64", "statmount", "statx",
        "stime", "stty", "subpage_prot", "swapcontext", "swapoff", "swapon", "switch_endian",
        "symlink", "symlinkat", "sync", "sync_file_range", "sync_file_range2", "syncfs",
        "sys_debug_setcontext", "syscall", "sysfs", "sysinfo", "syslog", "sysmips", "tee",
        "tgkill", "time", "timer_create", "timer_delete", "timer_getoverrun", "timer_gettime",
        "timer_gettime64", "timer_settime", "timer_settime64", "timerfd", "timerfd_create",
        "timerfd_gettime", "timerfd_gettime64", "timerfd_settime", "timerfd_settime64", "times",
        "tkill", "truncate", "truncate64", "tuxcall", "ugetrlimit", "ulimit", "umask", "umount",
        "umount2", "uname", "unlink", "unlinkat", "unshare", "uretprobe", "uselib",
        "userfaultfd", "usr26", "usr32", "ustat", "utime", "utimensat", "utimensat_time64",
        "utimes", "utrap_install", "vfork", "vhangup", "vm86", "vm86old", "vmsplice", "vserver",
        "wait4", "waitid", "waitpid", "write", "writev",
};
static const uint8_t resolvable_257[] = {
        0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1,
        1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1,
        1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1,
        1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1,
        0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0,
        1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1,
        1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1,
        1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1,
        0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0,
        0, 1, 1, 1, 1, 0, 1, 1,
};
static const int16_t g257_default[] = {
        -23, 14, 23, 25, 36, 37, 38, 39, 40, 41, 69, 71, 72, 113, 115, 117, 122, 123, 131, 132,
        133, 134, 135, 136, 137, 138, 143, 144, 145, 147, 149, 150, 151, 152, 153, 154, 156,
        159, 160, 161, 162, 216, 217, 224, 237, 238, 244, 255, 264, 266, 314, 337, 373, 374,
        375, 377, 382, 396, 407, 424, 425, 426, 427, 473, 509, 528, 537,
};
static const int16_t g257_aio[] = {
        175, 176, 177, 178, 179, 180, 181, 182, 183, 184,
};
static const int16_t g257_basic_io[] = {
        0, 46, 47, 54, 55, 56, 210, 214, 334, 335, 336, 348, 349, 350, 354, 359, 557, 558,
};
static const int16_t g257_chown[] = {
        31, 32, 84, 85, 86, 200, 201,
};
static const int16_t g257_clock[] = {
        8, 34, 35, 42, 43, 455,
};
static const int16_t g257_cpu_emulation[] = {
        239, 490, 494, 550, 551,
};
static const int16_t g257_debug[] = {
        212, 318, 321, 346, 387, 391, 501,
};
static const int16_t g257_file_system[] = {
        5, 29, 30, 46, 50, 73, 74, 77, 80, 81, 82, 83, 87, 88, 90, 91, 92, 94, 97, 99, 103, 104,
        105, 106, 107, 108, 111, 112, 119, 126, 127, 128, 163, 164, 171, 172, 173, 174, 202,
        203, 204, 206, 207, 208, 209, 213, 215, 219, 220, 230, 231, 232, 233, 267, 268, 272,
        273, 275, 278, 281, 282, 357, 358, 367, 368, 369, 370, 371, 376, 458, 459, 482, 483,
        484, 485, 486, 487, 495, 496, 525, 526, 534, 535, 543, 544, 545, 546,
};
static const int16_t g257_io_event[] = {
        1, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 330, 331, 332, 344, 345, 410,
};
static const int16_t g257_ipc[] = {
        190, 225, 246, 247, 248, 249, 250, 251, 252, 253, 256, 257, 258, 259, 324, 325, 338,
        340, 341, 411, 412, 413, 414, 415, 461, 462, 463, 464,
};
static const int16_t g257_keyring[] = {
        7, 195, 372,
};
static const int16_t g257_memlock[] = {
        234, 235, 236, 262, 263,
};
static const int16_t g257_module[] = {
        52, 93, 170,
};
static const int16_t g257_mount[] = {
        33, 98, 100, 101, 102, 240, 241, 242, 280, 326, 531, 532,
};
static const int16_t g257_network_io[] = {
        3, 4, 19, 48, 142, 157, 158, 205, 361, 362, 363, 364, 365, 416, 419, 420, 421, 454, 465,
        475, 476, 477,
};
static const int16_t g257_obsolete[] = {
        2, 9, 18, 21, 51, 110, 120, 146, 168, 169, 211, 245, 342, 343, 347, 351, 409, 460, 481,
        488, 489, 503, 527, 529, 538, 542, 553,
};
static const int16_t g257_pkey[] = {
        327, 328, 329,
};
static const int16_t g257_privileged[] = {
        -4, -5, -13, -20, -21, -26, 2, 6, 20, 28, 33, 78, 79, 269, 279, 326, 352, 353, 428, 431,
        432, 435, 436, 438, 448, 449, 450, 451, 456, 457, 549,
};
static const int16_t g257_process[] = {
        27, 44, 45, 70, 96, 155, 196, 322, 323, 333, 381, 386, 440, 491, 508, 523, 524, 536,
        548, 554, 555, 556,
};
static const int16_t g257_raw_io[] = {
        186, 187, 315, 316, 317, 389, 390,
};
static const int16_t g257_reboot[] = {
        193, 194, 360,
};
static const int16_t g257_resources[] = {
        189, 223, 228, 243, 270, 403, 404, 405, 406, 422, 423, 443, 452,
};
static const int16_t g257_sandbox[] = {
        197, 198, 199, 408,
};
static const int16_t g257_setuid[] = {
        433, 434, 435, 436, 444, 445, 446, 447, 448, 449, 450, 451, 456, 457,
};
static const int16_t g257_signal[] = {
        378, 379, 380, 383, 384, 385, 466, 467, 468, 469, 470, 471, 472, 474,
};
static const int16_t g257_swap[] = {
        492, 493,
};
static const int16_t g257_sync[] = {
        89, 109, 260, 497, 498, 499, 500,
};
static const int16_t g257_system_service[] = {
        -2, -3, -4, -1, -8, -9, -10, -11, -12, -15, -19, -22, -24, -25, -27, -29, 15, 27, 28,
        49, 75, 76, 95, 121, 125, 148, 185, 188, 191, 221, 254, 265, 274, 277, 320, 355, 356,
        366, 394, 395, 397, 398, 399, 400, 401, 407, 417, 418, 429, 430, 431, 432, 441, 453,
        478, 504, 507, 530, 533, 539, 552,
};
static const int16_t g257_timer[] = {
        10, 140, 439, 510, 511, 512, 513, 514, 515, 516, 518, 519, 520, 521, 522, 523,
};
static const int16_t g257_known[] = {
        -16, 0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
        49, 50, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
        72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
        94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 106, 107, 108, 109, 111, 112, 113, 114,
        115, 116, 117, 118, 119, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132,
        133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 147, 148, 149, 150,
        151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167,
        170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186,
        187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203,
        204, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221,
        222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238,
        239, 240, 241, 242, 243, 244, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256,
        257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 268, 270, 271, 272, 273, 274, 275,
        276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292,
        293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309,
        310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324, 325, 326,
        327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 344, 345,
        346, 348, 349, 350, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364,
        365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381,
        382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398,
        399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 410, 411, 412, 413, 414, 415, 416,
        417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432, 433,
        434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449, 450,
        451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466, 467,
        468, 469, 470, 471, 472, 473, 474, 475, 476, 477, 478, 479, 480, 481, 482, 483, 484,
        485, 486, 487, 488, 490, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501, 502,
        503, 504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519,
        520, 521, 522, 523, 524, 525, 526, 528, 530, 531, 532, 533, 534, 535, 536, 537, 539,
        540, 541, 542, 543, 544, 545, 546, 547, 548, 549, 550, 551, 552, 554, 555, 556, 557,
        558,
};
static const struct syscall_group groups_257[] = {
        { .name = "@default", .members = g257_default, .n_members = ARRAY_SIZE(g257_default) },
        { .name = "@aio", .members = g257_aio, .n_members = ARRAY_SIZE(g257_aio) },
        { .name = "@basic-io", .members = g257_basic_io, .n_members = ARRAY_SIZE(g257_basic_io) },
        { .name = "@chown", .members = g257_chown, .n_members = ARRAY_SIZE(g257_chown) },
        { .name = "@clock", .members = g257_clock, .n_members = ARRAY_SIZE(g257_clock) },
        { .name = "@cpu-emulation", .members = g257_cpu_emulation, .n_members = ARRAY_SIZE(g257_cpu_emulation) },
        { .name = "@debug", .members = g257_debug, .n_members = ARRAY_SIZE(g257_debug) },
        { .name = "@file-system", .members = g257_file_system, .n_members = ARRAY_SIZE(g257_file_system) },
        { .name = "@io-event", .members = g257_io_event, .n_members = ARRAY_SIZE(g257_io_event) },
        { .name = "@ipc", .members = g257_ipc, .n_members = ARRAY_SIZE(g257_ipc) },
        { .name = "@keyring", .members = g257_keyring, .n_members = ARRAY_SIZE(g257_keyring) },
        { .name = "@memlock", .members = g257_memlock, .n_members = ARRAY_SIZE(g257_memlock) },
        { .name = "@module", .members = g257_module, .n_members = ARRAY_SIZE(g257_module) },
        { .name = "@mount", .members = g257_mount, .n_members = ARRAY_SIZE(g257_mount) },
        { .name = "@network-io", .members = g257_network_io, .n_members = ARRAY_SIZE(g257_network_io) },
        { .name = "@obsolete", .members = g257_obsolete, .n_members = ARRAY_SIZE(g257_obsolete) },
        { .name = "@pkey", .members = g257_pkey, .n_members = ARRAY_SIZE(g257_pkey) },
        { .name = "@privileged", .members = g257_privileged, .n_members = ARRAY_SIZE(g257_privileged) },
        { .name = "@process", .members = g257_process, .n_members = ARRAY_SIZE(g257_process) },
        { .name = "@raw-io", .members = g257_raw_io, .n_members = ARRAY_SIZE(g257_raw_io) },
        { .name = "@reboot", .members = g257_reboot, .n_members = ARRAY_SIZE(g257_reboot) },
        { .name = "@resources", .members = g257_resources, .n_members = ARRAY_SIZE(g257_resources) },
        { .name = "@sandbox", .members = g257_sandbox, .n_members = ARRAY_SIZE(g257_sandbox) },
        { .name = "@setuid", .members = g257_setuid, .n_members = ARRAY_SIZE(g257_setuid) },
        { .name = "@signal", .members = g257_signal, .n_members = ARRAY_SIZE(g257_signal) },
        { .name = "@swap", .members = g257_swap, .n_members = ARRAY_SIZE(g257_swap) },
        { .name = "@sync", .members = g257_sync, .n_members = ARRAY_SIZE(g257_sync) },
        { .name = "@system-service", .members = g257_system_service, .n_members = ARRAY_SIZE(g257_system_service) },
        { .name = "@timer", .members = g257_timer, .n_members = ARRAY_SIZE(g257_timer) },
        { .name = "@known", .members = g257_known, .n_members = ARRAY_SIZE(g257_known) },
};

static const struct syscall_table syscall_tables[] = {
        {
                .version = 252,
                .build = "252.39-1~deb12u2",
                .names = names_252,
                .resolvable = resolvable_252,
                .n_names = ARRAY_SIZE(names_252),
                .groups = groups_252,
                .n_groups = ARRAY_SIZE(groups_252),
        },
        {
                .version = 254,
                .build = "254.26-1~bpo12+1",
                .names = names_254,
                .resolvable = resolvable_254,
                .n_names = ARRAY_SIZE(names_254),
                .groups = groups_254,
                .n_groups = ARRAY_SIZE(groups_254),
        },
        {
                .version = 257,
                .build = "257.13-1~deb13u1",
                .names = names_257,
                .resolvable = resolvable_257,
                .n_names = ARRAY_SIZE(names_257),
                .groups = groups_257,
                .n_groups = ARRAY_SIZE(groups_257),
        },
};

const struct syscall_table *syscall_table_for(unsigned version)
{
        const struct syscall_table *best = NULL;

        /* The newest table not newer than the requested version. */
        for (size_t i = 0; i < ARRAY_SIZE(syscall_tables); i++)
                if (syscall_tables[i].version <= version)
                        best = &syscall_tables[i];
        return best;
}

static int syscall_name_cmp(const void *key, const void *elem)
{
        return strcmp(key, *(const char *const *) elem);
}

int syscall_table_lookup(const struct syscall_table *t, const char *name)
{
        const char *const *p = bsearch(name, t->names, t->n_names, sizeof(*t->names),
                                       syscall_name_cmp);

        return p ? (int) (p - t->names) : -1;
}

int syscall_table_group(const struct syscall_table *t, const char *name)
{
        for (size_t i = 0; i < t->n_groups; i++)
                if (streq(t->groups[i].name, name))
                        return (int) i;
        return -1;
}

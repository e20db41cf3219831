/* tables.h - the domain knowledge, one row per fact, declared in one place: names.c (names
 * systemd spells: capabilities, namespaces, families, signals), needs.c (what each statement of
 * the language means in systemd settings), directives.c (systemd's directives: version,
 * user-manager behaviour, the escape hatch, drop-in merging). Per-version facts (syscall
 * groups, the version profiles) are in syscall_groups.h and versions.h. */
#ifndef UNITC_TABLES_H
#define UNITC_TABLES_H

#include "base/prelude.h"

/* Relaxations of the strict default. A statement sets bits; lower.c reads them. */
enum relax {
        RELAX_NETWORK,          /* PrivateNetwork off */
        RELAX_CLOCK,            /* ProtectClock off, @clock allowed */
        RELAX_KERNEL_TUNABLES,
        RELAX_KERNEL_MODULES,
        RELAX_KERNEL_LOG,
        RELAX_CGROUPS,
        RELAX_HOSTNAME,
        RELAX_DEVICES,          /* PrivateDevices off (DevicePolicy stays closed) */
        RELAX_SHARED_TMP,       /* PrivateTmp off */
        RELAX_IPC,              /* PrivateIPC off */
        RELAX_PROCESSES,        /* ProtectProc=default */
        RELAX_PROC_FILES,       /* ProcSubset=all */
        RELAX_JIT,              /* MemoryDenyWriteExecute off */
        RELAX_REALTIME,         /* RestrictRealtime off, @resources allowed */
        RELAX_SETUID,           /* NoNewPrivileges and RestrictSUIDSGID off */
        RELAX_PERSONALITY,      /* LockPersonality off */
        RELAX_HOST_USERS,       /* PrivateUsers off: host capabilities or host ids needed */
        RELAX_RESOURCES,        /* @resources syscalls allowed */
        _RELAX_MAX,
};

const char *relax_name(enum relax r);

/* A capability: its name (lower case, without CAP_), bit, plain words, and what it is
 * useless without. */
struct cap_info {
        const char *name;
        unsigned bit;
        const char *what;
        uint32_t relaxes;          /* bits of enum relax it pulls in */
        const char *syscalls;      /* space-separated syscalls/groups it pulls in, or NULL */
};

extern const struct cap_info cap_table[];
extern const size_t cap_table_len;
const struct cap_info *cap_lookup(const char *name); /* "net_admin" or "CAP_NET_ADMIN" */

/* One `needs WORD ...` form. */
enum needs_args {
        NEEDS_NO_ARGS,
        NEEDS_CAPABILITIES,  /* capability names */
        NEEDS_SYSCALLS,      /* syscall names and @groups */
        NEEDS_NAMESPACES,    /* namespace types */
        NEEDS_DEVICE,        /* a /dev path, then optional r|rw|rwm */
        NEEDS_NETLINK,       /* optional netlink families (documentation only) */
};

struct needs_info {
        const char *word;
        enum needs_args args;
        uint32_t relaxes;
        const char *capabilities;  /* capabilities it implies, space-separated, or NULL */
        const char *syscalls;      /* syscalls it implies */
        const char *families;      /* address families it implies */
        const char *help;
        const char *devices;       /* device nodes it opens read-only, space-separated, or NULL */
};

extern const struct needs_info needs_table[];
extern const size_t needs_table_len;
const struct needs_info *needs_lookup(const char *word);

/* Syscall names and groups: per version, in syscall_groups.h (a target's profile names
 * its table, versions.h). */

/* Namespace types of RestrictNamespaces=. */
extern const char *const namespace_names[];
extern const size_t namespace_names_len;

/* Netlink families (for `needs netlink FAMILY`). */
extern const char *const netlink_family_names[];
extern const size_t netlink_family_names_len;

/* Unit types of [Install] and statements that take unit names. */
struct install_info {
        const char *word;
        const char *key;
};
extern const struct install_info install_table[];
extern const size_t install_table_len;

/* `owns KIND NAME`: systemd's per-service directories. */
struct owns_info {
        const char *word;
        const char *key;           /* StateDirectory ... */
        const char *system_root;   /* where a system service's directory lives */
        const char *user_root;     /* where a user service's directory lives ("%h/..."), or NULL */
};
extern const struct owns_info owns_table[];
extern const size_t owns_table_len;

/* `limit RESOURCE VALUE` */
enum limit_value { LIMIT_SIZE, LIMIT_COUNT, LIMIT_PERCENT };
struct limit_info {
        const char *word;
        const char *key;
        const char *section;
        enum limit_value kind;
};
extern const struct limit_info limit_table[];
extern const size_t limit_table_len;

/* `priority nice N`, `priority io CLASS [LEVEL]`, `priority cpu POLICY`: set by the manager
 * before the service starts, so the service needs no system call or capability for them. */
enum priority_kind { PRIORITY_NICE, PRIORITY_IO, PRIORITY_CPU };
struct priority_info {
        const char *word;
        const char *key;             /* Nice, IOSchedulingClass, CPUSchedulingPolicy */
        enum priority_kind kind;
        const char *usage;
};
extern const struct priority_info priority_table[];
extern const size_t priority_table_len;

/* The values of `priority io` and `priority cpu`. level: takes a level 0 (highest) to 7;
 * user_fails: a per-user manager lacks the privilege, and the start fails. */
struct priority_class {
        const char *word;
        enum priority_kind kind;
        bool level;
        bool user_fails;
};
extern const struct priority_class priority_class_table[];
extern const size_t priority_class_table_len;

/* Service types and restart policies systemd accepts. */
extern const char *const service_type_names[];
extern const size_t service_type_names_len;
extern const char *const restart_names[];
extern const size_t restart_names_len;

/* Directives: how each behaves in a per-user manager, and the systemd version it needs. */
enum user_behaviour {
        USER_OK,     /* works unprivileged */
        USER_NS,     /* needs a user namespace: silently skipped on 252 without PrivateUsers=yes */
        USER_CAP,    /* touches the bounding set: 218/CAPABILITIES without PrivateUsers=yes */
        USER_SYS,    /* system services only: skipped or meaningless in a user manager */
        USER_BPF,    /* cgroup BPF: not enforced in a user manager */
        USER_FAILS,  /* fails in a user manager even with PrivateUsers=yes */
};

struct directive_info {
        const char *key;
        const char *section;
        unsigned since;            /* first systemd version that knows it */
        enum user_behaviour user;
        bool enforced_252;         /* false: needs BPF_FRAMEWORK, which Debian 12's build lacks */
        const char *user_why;      /* why it is left out of user services, when user is USER_FAILS */
};
extern const struct directive_info directive_table[];
extern const size_t directive_table_len;
const struct directive_info *directive_lookup(const char *section, const char *key);

/* The escape hatch (`directive SECTION KEY VALUE`): each directive of systemd it may set, and
 * each it refuses with the reason (refused != NULL). A key in neither this table nor
 * directive_table is unknown. */
enum escape_value {
        ESC_TEXT,   /* unitc does not read it; systemd-analyze verify does */
        ESC_BOOL,   /* yes, no, true, false, on, off, 1, 0 */
        ESC_SPAN,   /* a time span */
        ESC_UNITS,  /* unit names */
        ESC_WORDS,  /* one of words */
        ESC_NUMBER, /* a decimal number */
        ESC_SIGNAL, /* a signal name (SIGTERM, TERM) or number */
};
struct escape_info {
        const char *key;
        const char *section;
        unsigned since;           /* first systemd version that knows it */
        enum escape_value value;
        const char *words;        /* ESC_WORDS: the values it may take, space-separated */
        const char *refused;      /* NULL, or why the escape hatch cannot set it */
};
extern const struct escape_info escape_table[];
extern const size_t escape_table_len;
const struct escape_info *escape_lookup(const char *key);

/* Paths whose writer owns the machine (or, home rows, the user's session): `writes` refuses
 * them, what is inside them and the folders that hold them. */
struct owner_path {
        const char *path;
        bool home;                /* under a user service's home (%h) */
        const char *why;          /* what a writer gains */
};
extern const struct owner_path owner_paths[];
extern const size_t owner_paths_len;

/* What ProtectHome= covers. A path under one of them, or under a user service's own home
 * (%h), is bound into an emptied home: BindPaths= reads it as SOURCE:DESTINATION. */
extern const char *const home_roots[];
extern const size_t home_roots_len;
bool path_in_home(const char *path);

/* `schedule`: the calendar shorthands systemd knows (systemd.time(7)), and the days. */
extern const char *const schedule_periods[];
extern const size_t schedule_periods_len;
extern const char *const weekday_names[];  /* mon ... sun */
extern const size_t weekday_names_len;

/* systemd time span units and their length in microseconds (systemd.time(7)). */
struct time_unit {
        const char *word;
        uint64_t usec;
};
extern const struct time_unit time_unit_table[];
extern const size_t time_unit_table_len;

/* `exit-status CODE... means success|restart|stop`: what an exit code means to the manager. */
struct exit_meaning {
        const char *word;
        const char *keys[2]; /* the directives that take the codes */
};
extern const struct exit_meaning exit_meaning_table[];
extern const size_t exit_meaning_table_len;

/* Signal names systemd takes (KillSignal= ...), without "SIG". */
extern const char *const signal_names[];
extern const size_t signal_names_len;

/* `reload signal NAME`: the signals a daemon commonly reloads on. */
extern const char *const reload_signals[];
extern const size_t reload_signals_len;

/* The statement that sets a directive, for the hint when the escape hatch names it. */
struct directive_statement {
        const char *key;
        const char *statement;
};
extern const struct directive_statement directive_statement_table[];
extern const size_t directive_statement_table_len;


/* ---- list-valued directives in a drop-in ---------------------------------------------- */

/* How systemd 252 (load-fragment.c, systemd.exec(5)) merges a later assignment of a list with
 * the vendor unit's earlier ones, and so what a drop-in over a vendor's unit must write for
 * the merged list to be no wider than the vendor's or the policy's. */
enum list_merge {
        /* Entries add up; an empty assignment resets. Entries deny, so a reset would widen:
         * the drop-in adds its entries to the vendor's. */
        LIST_DENY,
        /* Entries add up; an empty assignment resets. Entries grant nothing (what an exit
         * code means, an old name of another list): the drop-in adds its entries, and the
         * vendor's keep their meaning. */
        LIST_ADD,
        /* Entries add up; an empty assignment resets. Entries allow, so a reset narrows: the
         * drop-in resets the list before its own entries. */
        LIST_ALLOW,
        /* A bit set (capabilities, namespace types). The first assignment replaces the
         * initial value (plain: exactly these, `~`: all but these); a later plain one ORs in,
         * a later `~` one takes out. The narrowest value ("" or "yes") replaces everything.
         * The drop-in writes `~` and every member the policy does not allow: the vendor's
         * value, whatever its form, loses them (an intersection); with no vendor value it is
         * exactly the policy's set. */
        LIST_INVERT_MASK,
        /* An allow list or a deny list, chosen by the first assignment after a reset (plain:
         * allow, `~`: deny); later plain entries allow (add to an allow list, take out of a
         * deny list), later `~` entries deny. A plain entry in the drop-in would undo a
         * vendor's denial; `~` and every member the policy does not allow never does. */
        LIST_INVERT_SET,
};

/* LIST_INVERT_*: the members a `~` list names. */
enum list_members {
        MEMBERS_NONE,
        MEMBERS_CAPABILITIES,      /* cap_table, as CAP_NAME */
        MEMBERS_NAMESPACES,        /* namespace_names */
        MEMBERS_FAMILIES,          /* address_family_names */
        MEMBERS_SYSCALLS,          /* the target's syscall table, with its @groups */
};

struct list_directive {
        const char *key;           /* [Service] */
        enum list_merge merge;
        enum list_members members; /* LIST_INVERT_* */
        const char *narrowest;     /* LIST_INVERT_*: the value that allows nothing, or NULL */
        const char *note;          /* what the merge leaves open, or NULL */
};

/* Every list-valued directive unitc lowers into a drop-in, and the lists of the sandbox the
 * escape hatch can still name (it cannot set a managed directive; other lists it sets are
 * written as they are, after the vendor's entries). */
extern const struct list_directive list_directive_table[];
extern const size_t list_directive_table_len;
const struct list_directive *list_directive_lookup(const char *key);

/* The address families systemd 252 knows by name (af_from_name(), no aliases such as
 * AF_LOCAL or AF_ROUTE): what a `~` list of RestrictAddressFamilies= may name. */
extern const char *const address_family_names[];
extern const size_t address_family_names_len;

#endif

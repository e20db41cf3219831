/* policy.h - a checked policy: what the service needs, each need with the statement that
 * asked for it. check.c builds it from the resolved statements; lower.c turns it into units. */
#ifndef UNITC_POLICY_H
#define UNITC_POLICY_H

#include "base/prelude.h"
#include "front/source.h"
#include "systemd/tables.h"

struct ast_stmt;
struct ast_block;
struct use_site;

/* A value and the statement it came from. key is an extra field for keyed lists. */
struct pol_item {
        const char *key;
        const char *value;
        const struct ast_stmt *stmt;
        const struct loc *loc;   /* the word it came from, when one word says it */
        int port;    /* listens: port number */
        bool flag;   /* listens: via socket; writes: a single file; exec: argv[0] follows */
        const char *const *argv; /* exec: arguments after escaping checks */
        size_t argc;
};

struct pol_list {
        struct pol_item *items;
        size_t n, cap;
};

enum pol_user { POL_USER_DYNAMIC, POL_USER_ROOT, POL_USER_NAMED };
enum pol_manager { POL_SYSTEM, POL_USER };

struct policy {
        const struct ast_block *service;
        const char *name;                /* "opensnitch" */
        const char *file;                /* the policy file's base name, for the header */
        enum pol_manager manager;
        const struct ast_stmt *manager_stmt;
        unsigned target;                 /* systemd version: 252 unless said */
        const struct target *target_info; /* the target: its version, build and kernel */
        const struct ast_stmt *target_stmt;

        struct pol_item description;
        struct pol_list documentation;
        struct pol_list execs;           /* key: ExecStart, ExecStartPre ... */
        struct pol_item type, restart, restart_delay, working_directory;
        struct pol_item reload_signal;   /* reload signal NAME: the signal's name */
        struct pol_item pid_file;        /* pid-file PATH */
        struct pol_item umask;           /* umask NNNN, normalised to 4 digits */
        struct pol_list exit_statuses;   /* key: success|restart|stop; value: the code */
        struct pol_item timeout_start, timeout_stop;
        struct pol_list environment, environment_files;
        struct pol_list after, before, wants, requires;
        struct pol_list install;         /* key: WantedBy ... */

        enum pol_user user;
        struct pol_item user_name, group_name;
        const struct ast_stmt *user_stmt;

        struct pol_list reads, writes, executes, hides;
        struct pol_list directories;     /* key: StateDirectory ...; value: relative name */
        struct pol_list directory_modes; /* key: StateDirectoryMode ...; value: 0750 */

        uint64_t caps;
        const struct ast_stmt *cap_origin[64];
        const struct ast_stmt *relax_origin[_RELAX_MAX]; /* non-NULL: relaxed by it */

        struct pol_list syscalls;        /* extra syscalls and groups */
        struct pol_list families;        /* extra address families */
        struct pol_list namespaces;      /* allowed namespace types */
        struct pol_list devices;         /* value: path; key: r|rw|rwm */
        struct pol_list ip_allow;        /* IPAddressAllow= entries */
        struct pol_list outbound_ports;  /* ports named on outbound statements (not enforceable) */
        struct pol_list listens;         /* key: tcp|udp; value: address or NULL; port */
        struct pol_list socket_allow;    /* listens ... from ... via socket: the addresses the socket
                                          * unit admits, each with its statement */
        const struct ast_stmt *client_stmt; /* the first need to reach out (outbound, local, host) */
        struct pol_list directives;      /* the escape hatch: key "Section", value "Key=Value" */
        struct pol_list limits;          /* limit and priority: key: directive, value */
        struct pol_list calendars;       /* schedule: OnCalendar= values */
        struct pol_item timer_every, timer_spread; /* schedule every D; spread D */

        bool has_exposure_max;
        double exposure_max;
        const struct ast_stmt *exposure_stmt;
};

void pol_add(struct arena *a, struct pol_list *l, const struct pol_item *item);
bool pol_relaxed(const struct policy *p, enum relax r);

#endif

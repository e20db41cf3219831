/* check_network.c - the check stage's needs and network: `needs`, `needs network`,
 * outbound destinations and ports, `listens on`, `sees`. */
#include "base/prelude.h"

#include <arpa/inet.h>
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "passes/check.h"
#include "passes/check_impl.h"
#include "passes/policy.h"
#include "passes/resolve.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "systemd/target.h"
#include "systemd/versions.h"

static const char *const *cap_names(void)
{
        static const char *names[64];
        for (size_t i = 0; i < cap_table_len; i++)
                names[i] = cap_table[i].name;
        return names;
}

static const char *const *needs_names(void)
{
        static const char *names[64];
        for (size_t i = 0; i < needs_table_len; i++)
                names[i] = needs_table[i].word;
        return names;
}

int check_needs(struct check_ctx *ctx, const struct ast_stmt *s)
{
        const struct ast_arg *what = s->args;
        const struct needs_info *n = needs_lookup(what->text);
        if (!n) {
                check_error(ctx, &what->loc, "unknown need '%s'", what->text);
                diag_hint_spelling(ctx->diags, what->text, needs_names(), needs_table_len);
                diag_hint(ctx->diags, "see `unitc --list-needs` for every need");
                return -1;
        }
        const struct ast_arg *args = what->next;
        struct policy *p = ctx->p;
        switch (n->args) {
        case NEEDS_NO_ARGS:
                if (args)
                        return check_error(ctx, &args->loc, "`needs %s` takes no arguments", n->word);
                break;
        case NEEDS_CAPABILITIES:
                if (!args)
                        return check_error(ctx, &s->loc, "missing capability names after 'needs capability'");
                for (const struct ast_arg *a = args; a; a = a->next) {
                        const struct cap_info *c = cap_lookup(a->text);
                        if (!c) {
                                check_error(ctx, &a->loc, "unknown capability '%s'", a->text);
                                char lower[64];
                                size_t i = 0;
                                const char *t = strncasecmp(a->text, "cap_", 4) == 0 ? a->text + 4 : a->text;
                                for (; i < sizeof(lower) - 1 && t[i]; i++)
                                        lower[i] = (char) tolower((unsigned char) t[i]);
                                lower[i] = '\0';
                                diag_hint_spelling(ctx->diags, lower, cap_names(), cap_table_len);
                                continue;
                        }
                        if (check_add_capability(ctx, c, &a->loc) < 0)
                                return -1;
                }
                break;
        case NEEDS_SYSCALLS:
                if (!args)
                        return check_error(ctx, &s->loc, "missing system call names after 'needs syscalls'");
                for (const struct ast_arg *a = args; a; a = a->next) {
                        const struct syscall_table *known = p->target_info->profile->syscalls;
                        if (!syscall_table_knows(known, a->text)) {
                                unsigned since = sd_syscall_since(a->text);
                                if (since)
                                        check_error(ctx, &a->loc, "system call %s '%s' is not known to systemd %u (unitc knows it from systemd %u)",
                                                    a->text[0] == '@' ? "group" : "name", a->text, p->target, since);
                                else
                                        check_error(ctx, &a->loc, "unknown system call %s '%s'",
                                                    a->text[0] == '@' ? "group" : "name", a->text);
                                if (!since && a->text[0] == '@')
                                        diag_hint_spelling(ctx->diags, a->text, known->group_names, known->n_groups);
                                continue;
                        }
                        check_add_unique(ctx, &p->syscalls, a->text);
                }
                break;
        case NEEDS_NAMESPACES:
                if (!args)
                        return check_error(ctx, &s->loc, "missing namespace types after 'needs namespaces'");
                for (const struct ast_arg *a = args; a; a = a->next)
                        if (check_word_in(ctx, a, "namespace type", namespace_names, namespace_names_len))
                                check_add(ctx, &p->namespaces, NULL, a->text);
                break;
        case NEEDS_DEVICE: {
                if (!args)
                        return check_error(ctx, &s->loc, "missing device path after 'needs device'");
                const char *path = check_path(ctx, args, 0);
                if (!path)
                        return -1;
                if (!path_under(path, "/dev") || streq(path, "/dev"))
                        return check_error(ctx, &args->loc, "'%s' is not a device node under /dev", path);
                const char *mode = "rw";
                if (args->next) {
                        static const char *const modes[] = { "r", "rw", "rwm", "w", "wm", "rm" };
                        if (!check_word_in(ctx, args->next, "device access", modes, ARRAY_SIZE(modes)))
                                return -1;
                        mode = args->next->text;
                        if (args->next->next)
                                return check_error(ctx, &args->next->next->loc,
                                                   "too many arguments; expected: needs device PATH [r|rw|rwm]");
                }
                check_add(ctx, &p->devices, mode, path);
                break;
        }
        case NEEDS_NETLINK:
                for (const struct ast_arg *a = args; a; a = a->next)
                        if (!check_word_in(ctx, a, "netlink family", netlink_family_names,
                                           netlink_family_names_len))
                                return -1;
                if (args)
                        check_warning(ctx, &args->loc,
                                      "systemd cannot restrict netlink protocols; the unit allows every netlink family");
                break;
        }
        check_relax_bits(ctx, n->relaxes);
        if (check_add_capability_names(ctx, n->capabilities, &s->loc) < 0)
                return -1;
        check_add_words(ctx, &p->syscalls, n->syscalls);
        check_add_words(ctx, &p->families, n->families);
        for (const char *d = n->devices; d && *d;) {
                size_t len = strcspn(d, " ");
                const char *node = arena_strndup(ctx->arena, d, len);
                bool have = false;
                for (size_t i = 0; i < p->devices.n; i++)
                        have |= streq(p->devices.items[i].value, node);
                if (!have)
                        check_add(ctx, &p->devices, "r", node);
                d += len;
                d += strspn(d, " ");
        }
        return 0;
}

static void add_network(struct check_ctx *ctx, bool v4, bool v6)
{
        check_relax(ctx, RELAX_NETWORK);
        if (v4)
                check_add(ctx, &ctx->p->families, NULL, "AF_INET");
        if (v6)
                check_add(ctx, &ctx->p->families, NULL, "AF_INET6");
}

/* `needs network local`: loopback peers only. `needs network host`: the host's network
 * namespace (interfaces, routes, firewall) with no IP traffic of its own. */
int check_needs_network(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const forms[] = { "local", "host" };
        if (!check_word_in(ctx, s->args, "network need", forms, ARRAY_SIZE(forms)))
                return -1;
        if (s->args->next)
                return check_error(ctx, &s->args->next->loc, "`needs network %s` takes no arguments",
                                   s->args->text);
        add_network(ctx, true, true);
        if (!ctx->p->client_stmt)
                ctx->p->client_stmt = s;
        if (streq(s->args->text, "local"))
                check_add(ctx, &ctx->p->ip_allow, NULL, "localhost");
        return 0;
}

static int check_port(struct check_ctx *ctx, const struct ast_arg *a, const char *text, int *ret_lo,
                      int *ret_hi)
{
        char *end;
        long lo = strtol(text, &end, 10), hi = lo;
        if (end != text && *end == '-') {
                const char *h = end + 1;
                hi = strtol(h, &end, 10);
                if (end == h)
                        end = (char *) "x";
        }
        if (end == text || *end || !isdigit((unsigned char) text[0]) || lo < 1 || lo > 65535 ||
            hi < lo || hi > 65535)
                return check_error(ctx, &a->loc, "'%s' is not a port (1-65535) or a port range (e.g. 8000-8080)",
                                   text);
        if (ret_lo)
                *ret_lo = (int) lo;
        if (ret_hi)
                *ret_hi = (int) hi;
        return 0;
}

int check_outbound(struct check_ctx *ctx, const struct ast_stmt *s)
{
        struct policy *p = ctx->p;
        if (!p->client_stmt)
                p->client_stmt = s;
        bool v4 = false, v6 = false, any = false;
        for (const struct ast_arg *a = s->args; a; a = a->next) {
                int family = 0;
                if (streq(a->text, "any") || streq(a->text, "localhost") ||
                    streq(a->text, "link-local") || streq(a->text, "multicast")) {
                        v4 = v6 = true;
                        any |= streq(a->text, "any");
                } else if (check_ip(a->text, &family, NULL)) {
                        v4 |= family == AF_INET;
                        v6 |= family == AF_INET6;
                } else {
                        check_error(ctx, &a->loc,
                                    "'%s' is not an address: an IPv4 or IPv6 address, with an optional /prefix, or any, localhost, link-local, multicast",
                                    a->text);
                        if (strchr(a->text, '.') && !strspn(a->text, "0123456789"))
                                diag_hint(ctx->diags, "host names cannot be enforced (systemd filters addresses); name the addresses or write `any`");
                        continue;
                }
                check_add(ctx, &p->ip_allow, NULL, a->text);
        }
        if (any)
                v4 = v6 = true;
        bool ports_ok = true;
        for (const struct ast_arg *a = s->args2; a; a = a->next) {
                if (check_port(ctx, a, a->text, NULL, NULL) < 0) {
                        ports_ok = false;
                        continue;
                }
                check_add(ctx, &p->outbound_ports, NULL, a->text);
        }
        if (s->args2 && ports_ok)
                check_warning(ctx, &s->args2->loc,
                              "systemd cannot restrict the ports of outbound traffic; the unit allows any port to these addresses");
        add_network(ctx, v4, v6);
        return 0;
}

/* [ADDR:]PORT, with IPv6 addresses in brackets. */
static int check_endpoint(struct check_ctx *ctx, const struct ast_arg *a, const char **ret_addr,
                          int *ret_port, int *ret_family)
{
        const char *t = a->text, *port = t;
        *ret_addr = NULL;
        *ret_family = 0;
        if (t[0] == '[') {
                const char *close = strchr(t, ']');
                if (!close || close[1] != ':')
                        return check_error(ctx, &a->loc, "'%s' is not [IPv6]:PORT", t);
                char *addr = arena_strndup(ctx->arena, t + 1, (size_t) (close - t - 1));
                if (!check_ip(addr, ret_family, NULL) || *ret_family != AF_INET6 || strchr(addr, '/'))
                        return check_error(ctx, &a->loc, "'%s' is not an IPv6 address", addr);
                *ret_addr = arena_printf(ctx->arena, "[%s]", addr);
                port = close + 2;
        } else if (strchr(t, ':')) {
                const char *colon = strrchr(t, ':');
                char *addr = arena_strndup(ctx->arena, t, (size_t) (colon - t));
                if (strchr(addr, ':'))
                        return check_error(ctx, &a->loc, "IPv6 addresses are written in brackets: [%s]:PORT", addr);
                if (!check_ip(addr, ret_family, NULL) || strchr(addr, '/'))
                        return check_error(ctx, &a->loc, "'%s' is not an IPv4 address", addr);
                *ret_addr = addr;
                port = colon + 1;
        }
        int lo, hi;
        if (check_port(ctx, a, port, &lo, &hi) < 0)
                return -1;
        if (lo != hi)
                return check_error(ctx, &a->loc, "listen on one port per endpoint, not a range");
        *ret_port = lo;
        return 0;
}

static bool address_is_loopback(const char *addr)
{
        return addr && (startswith(addr, "127.") || streq(addr, "[::1]"));
}

int check_listens(struct check_ctx *ctx, const struct ast_stmt *s)
{
        static const char *const protos[] = { "tcp", "udp" };
        struct policy *p = ctx->p;
        if (!check_word_in(ctx, s->args, "protocol", protos, ARRAY_SIZE(protos)))
                return -1;
        if (!s->args->next)
                return check_error(ctx, &s->loc, "missing port after 'listens on %s'", s->args->text);
        if (s->flag && !streq(s->sub, "socket")) {
                check_error(ctx, &s->loc, "unknown listening method '%s'", s->sub);
                diag_hint(ctx->diags, "write `via socket` for socket activation");
                return -1;
        }
        bool v4 = false, v6 = false, all_loopback = true;
        for (const struct ast_arg *a = s->args->next; a; a = a->next) {
                const char *addr;
                int port = 0, family = 0;
                if (check_endpoint(ctx, a, &addr, &port, &family) < 0)
                        continue;
                struct pol_item it = check_item(ctx, s->args->text, addr);
                it.port = port;
                it.flag = s->flag;
                pol_add(ctx->arena, &p->listens, &it);
                v4 |= !addr || family == AF_INET;
                v6 |= !addr || family == AF_INET6;
                all_loopback &= address_is_loopback(addr);
                /* Ports below 1024 need CAP_NET_BIND_SERVICE, unless systemd binds them. */
                if (port < 1024 && !s->flag && p->manager == POL_USER) {
                        check_error(ctx, &a->loc,
                                    "a user service cannot listen on port %d: ports below 1024 need CAP_NET_BIND_SERVICE, which a per-user manager cannot give",
                                    port);
                        diag_hint(ctx->diags, "listen on a port above 1023, or let systemd bind it: `listens on %s %s via socket`",
                                  s->args->text, a->text);
                        return -1;
                }
                if (port < 1024 && !s->flag && check_add_capability(ctx, cap_lookup("net_bind_service"), &a->loc) < 0)
                        return -1;
        }
        if (s->flag) {
                /* The socket unit holds the address filter; the service itself stays offline. */
                for (const struct ast_arg *a = s->args2; a; a = a->next)
                        if (!check_address(a->text))
                                check_error(ctx, &a->loc, "'%s' is not an address", a->text);
                        else
                                check_add(ctx, &p->socket_allow, NULL, a->text);
                return 0;
        }
        add_network(ctx, v4, v6);
        if (s->args2) {
                for (const struct ast_arg *a = s->args2; a; a = a->next) {
                        if (!check_address(a->text)) {
                                check_error(ctx, &a->loc, "'%s' is not an address", a->text);
                                continue;
                        }
                        check_add(ctx, &p->ip_allow, NULL, a->text);
                }
        } else
                check_add(ctx, &p->ip_allow, NULL, all_loopback ? "localhost" : "any");
        return 0;
}

int check_sees(struct check_ctx *ctx, const struct ast_stmt *s)
{
        if (ast_arg_count(s->args) != 2 || !streq(s->args->text, "all") ||
            !streq(s->args->next->text, "processes"))
                return check_error(ctx, &s->loc, "expected `sees all processes`");
        check_relax(ctx, RELAX_PROCESSES);
        return 0;
}

/* test_exposure.c - the exposure scorer: table invariants, rounding, verdicts, load-time side
 * effects, row order, rendering and the "which statements cost most" API. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/capability.h>
#include <sys/socket.h>

#include "base/prelude.h"

#include "base/arena.h"
#include "exposure/exposure.h"
#include "exposure/exposure_assess.h"
#include "exposure/exposure_checks.h"
#include "base/strbuf.h"
#include "systemd/syscall_groups.h"
#include "systemd/tables.h"
#include "unit/unit.h"

static const struct exposure_row *row_named(const struct exposure_report *r, const char *json_field)
{
        for (size_t i = 0; i < r->n_rows; i++)
                if (streq(r->rows[i].json_field, json_field))
                        return &r->rows[i];
        fail_msg("no row %s", json_field);
        return NULL;
}

/* A unit model from "Section.Key=value" lines, as the compiler would build it. */
static struct unit_file *model(struct arena *a, const char *name, const char *const *lines)
{
        struct unit_file *u = unit_new(a, name);
        for (size_t i = 0; lines[i]; i++) {
                const char *dot = strchr(lines[i], '.'), *eq = strchr(lines[i], '=');
                char *section = arena_strndup(a, lines[i], (size_t) (dot - lines[i]));
                char *key = arena_strndup(a, dot + 1, (size_t) (eq - dot - 1));
                unit_add(u, section, key, eq + 1, arena_printf(a, "policy.pol:%zu: line %zu", i + 1, i + 1));
        }
        return u;
}

static void test_table_invariants(void **state)
{
        (void) state;
        assert_int_equal(exposure_n_checks, 81);
        unsigned weight = 0, dd_weight = 0, dd = 0;
        for (size_t i = 0; i < exposure_n_checks; i++) {
                const struct exposure_check *k = &exposure_checks[i];
                weight += k->weight;
                assert_true(k->range == 1 || k->range == 3 || k->range == 10);
                if (k->default_dependencies_only) {
                        dd++;
                        dd_weight += k->weight;
                }
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(k->json_field, exposure_checks[j].json_field);
                /* every row has its rule and reads a setting; its members exist by name */
                assert_non_null(k->assess);
                if (k->assess == exposure_assess_syscall_filter)
                        for (unsigned v = 252; v <= 262; v++)
                                if (syscall_table_for(v))
                                        assert_true(syscall_table_group(syscall_table_for(v), k->member) >= 0);
                if (k->assess == exposure_assess_restrict_namespaces) {
                        bool known = false;
                        for (size_t n = 0; n < namespace_names_len; n++)
                                known |= streq(namespace_names[n], k->member);
                        assert_true(known);
                }
                if (k->assess == exposure_assess_capability_bounding_set ||
                    k->assess == exposure_assess_address_family)
                        assert_true(k->mask != 0);
                assert_true(k->field < _EXPOSURE_FIELD_MAX);
                if (k->assess == exposure_assess_bool)
                        assert_true(k->field < _EXPOSURE_FIELD_BOOL_MAX);
        }
        assert_int_equal(weight, 56460);
        assert_int_equal(dd, 4);
        assert_int_equal(dd_weight, 3200);
        /* systemd's own spelling, stray parenthesis included */
        assert_string_equal(exposure_checks[33].json_field,
                            "CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)");
        assert_string_equal(exposure_checks[65].id, "RestrictAddressFamilies=~\u2026");
}

static void test_syscall_tables(void **state)
{
        (void) state;
        const struct syscall_table *t = syscall_table_for(252);
        assert_non_null(t);
        assert_int_equal(t->version, 252);
        assert_int_equal(syscall_table_for(256)->version, 254);
        assert_int_equal(syscall_table_for(300)->version, 262);
        assert_null(syscall_table_for(100));
        for (size_t i = 1; i < t->n_names; i++)
                assert_true(strcmp(t->names[i - 1], t->names[i]) < 0);
        int swapon = syscall_table_lookup(t, "swapon");
        assert_true(swapon >= 0);
        assert_true(t->resolvable[swapon]);
        int s32 = syscall_table_lookup(t, "setfsuid32");
        assert_true(s32 >= 0);
        assert_false(t->resolvable[s32]);
        assert_int_equal(syscall_table_lookup(t, "nosuchcall"), -1);
        assert_int_equal(syscall_table_group(t, "@sandbox"), -1); /* new in 254 */
        assert_true(syscall_table_group(syscall_table_for(254), "@sandbox") >= 0);
}

static void test_verdicts(void **state)
{
        (void) state;
        static const struct {
                unsigned exposure;
                const char *word, *ascii;
        } cases[] = {
                { 100, "DANGEROUS", ":-[" }, { 99, "UNSAFE", ":-{" }, { 90, "UNSAFE", ":-{" },
                { 89, "EXPOSED", ":-(" },    { 75, "EXPOSED", ":-(" }, { 74, "MEDIUM", ":-|" },
                { 50, "MEDIUM", ":-|" },     { 49, "OK", ":-)" },      { 10, "OK", ":-)" },
                { 9, "SAFE", ":-}" },        { 1, "SAFE", ":-}" },     { 0, "PERFECT", ":-]" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                assert_string_equal(exposure_verdict(cases[i].exposure), cases[i].word);
                assert_string_equal(exposure_glyph(cases[i].exposure, true), cases[i].ascii);
        }
        assert_string_equal(exposure_glyph(96, false), "\U0001F628");
}

/* SPEC §4's worked example: a bare root service. */
static void test_bare_service_arithmetic(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        static const char *const lines[] = { "Service.ExecStart=/usr/bin/true", NULL };
        struct exposure_report *r = xmalloc(sizeof(*r));
        assert_int_equal(exposure_assess(model(a, "u01-bare.service", lines), NULL, r), 0);
        assert_int_equal(r->weight_sum, 56160);
        assert_int_equal(r->badness_sum, 53510);
        assert_int_equal(r->exposure, 96);
        assert_string_equal(r->verdict, "UNSAFE");
        const struct exposure_row *pn = row_named(r, "PrivateNetwork");
        assert_true(pn->has_exposure);
        assert_int_equal(pn->exposure, 5);
        assert_int_equal(pn->set, 0);
        const struct exposure_row *sg = row_named(r, "SupplementaryGroups");
        assert_int_equal(sg->badness, EXPOSURE_NA);
        assert_int_equal(sg->set, -1);
        assert_string_equal(sg->description, "Service runs as root, option does not matter");
        const struct exposure_row *um = row_named(r, "UMask");
        assert_int_equal(um->badness, 5);
        assert_int_equal(um->cost, 50);
        assert_string_equal(um->description, "Files created by service are world-readable by default");
        /* the 254 profile passes PrivateMounts= by default: 0.2 lower */
        struct exposure_options o254 = { .systemd_version = 254 };
        assert_int_equal(exposure_assess(model(a, "u01-bare.service", lines), &o254, r), 0);
        assert_int_equal(r->exposure, 94);
        struct exposure_options bogus = { .systemd_version = 253 };
        assert_int_equal(exposure_assess(model(a, "u01-bare.service", lines), &bogus, r), -1);
        assert_int_equal(r->status, EXPOSURE_BAD_VERSION);
        free(r);
        arena_free(a);
}

static void test_dynamic_user_side_effects(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        static const char *const lines[] = {
                "Service.ExecStart=/bin/true",
                "Service.DynamicUser=yes",
                "Service.ProtectHome=no",
                NULL,
        };
        struct exposure_report *r = xmalloc(sizeof(*r));
        assert_int_equal(exposure_assess(model(a, "web.service", lines), NULL, r), 0);
        assert_int_equal(row_named(r, "UserOrDynamicUser")->badness, 0);
        assert_string_equal(row_named(r, "UserOrDynamicUser")->description,
                            "Service runs under a transient non-root user identity");
        assert_int_equal(row_named(r, "PrivateTmp")->badness, 0);
        assert_int_equal(row_named(r, "RemoveIPC")->badness, 0);
        assert_int_equal(row_named(r, "NoNewPrivileges")->badness, 0);
        assert_int_equal(row_named(r, "ProtectSystem")->badness, 0);
        assert_int_equal(row_named(r, "ProtectHome")->badness, 5); /* "no" still becomes read-only */
        assert_int_equal(r->exposure, 84);
        /* the user name comes from the unit name: nobody.service runs as nobody */
        assert_int_equal(exposure_assess(model(a, "nobody.service", lines), NULL, r), 0);
        assert_int_equal(row_named(r, "UserOrDynamicUser")->badness, 9);
        /* DefaultDependencies=no makes four rows n/a */
        static const char *const early[] = { "Unit.DefaultDependencies=no", "Service.ExecStart=/bin/true", NULL };
        assert_int_equal(exposure_assess(model(a, "e.service", early), NULL, r), 0);
        assert_int_equal(r->weight_sum, 56160 - 3200);
        assert_string_equal(row_named(r, "ProtectHome")->description,
                            "Service runs in special boot phase, option is not appropriate");
        free(r);
        arena_free(a);
}

static void test_parsers(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        struct exposure_report *r = xmalloc(sizeof(*r));
        static const char *const caps[] = {
                "Service.ExecStart=/bin/true",
                "Service.User=65534",
                "Service.CapabilityBoundingSet=~cap_sys_admin CAP_NET_ADMIN bogus 21",
                "Service.CapabilityBoundingSet=~CAP_KILL",
                "Service.PrivateDevices=YES",
                "Service.ProtectClock=on",
                "Service.RestrictNamespaces=~user net",
                "Service.RestrictNamespaces=~bogus",
                "Service.RestrictAddressFamilies=~AF_INET6 AF_BLUETOOTH",
                "Service.SystemCallArchitectures=native",
                "Service.SystemCallFilter=~@privileged:EPERM @clock",
                "Service.SystemCallFilter=adjtimex",
                "Service.IPAddressDeny=any",
                "Service.IPAddressAllow=127.0.0.1",
                "Service.UMask=0077",
                "Service.ProtectProc=noaccess",
                NULL,
        };
        assert_int_equal(exposure_assess(model(a, "p.service", caps), NULL, r), 0);
        assert_string_equal(row_named(r, "UserOrDynamicUser")->description,
                            "Service runs under a static non-root user identity");
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_SYS_ADMIN")->badness, 0);
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_KILL")->badness, 0);
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_MKNOD")->badness, 0); /* PrivateDevices= */
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_SYS_TIME")->badness, 0); /* ProtectClock= */
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_SYS_PTRACE")->badness, 1);
        assert_int_equal(row_named(r, "RestrictNamespaces_user")->badness, 0);
        assert_int_equal(row_named(r, "RestrictNamespaces_mnt")->badness, 1);
        assert_int_equal(row_named(r, "RestrictAddressFamilies_AF_INET_INET6")->badness, 0);
        assert_int_equal(row_named(r, "RestrictAddressFamilies_OTHER")->badness, 0);
        assert_int_equal(row_named(r, "RestrictAddressFamilies_AF_UNIX")->badness, 1);
        assert_int_equal(row_named(r, "SystemCallArchitectures")->badness, 0);
        const struct exposure_row *clock = row_named(r, "SystemCallFilter_clock");
        assert_int_equal(clock->badness, 10);
        assert_string_equal(clock->description, "System call deny list defined for service, and @clock is not "
                                                 "included (e.g. adjtimex is allowed)");
        assert_int_equal(row_named(r, "SystemCallFilter_swap")->badness, 0); /* @privileged has @swap */
        assert_int_equal(row_named(r, "IPAddressDeny")->badness, 2);
        assert_int_equal(row_named(r, "UMask")->badness, 0);
        assert_int_equal(row_named(r, "DeviceAllow")->badness, 5); /* closed policy + char-rtc:r */
        assert_string_equal(row_named(r, "DeviceAllow")->description,
                            "Service has a device ACL with some special devices: char-rtc:r");
        /* ProtectProc=noaccess: a partial score without a description, sorted next to last */
        const struct exposure_row *pp = row_named(r, "ProtectProc");
        assert_int_equal(pp->badness, 1);
        assert_null(pp->description);
        assert_int_equal(pp->set, 0);

        static const char *const refused[] = { "Service.User=foo", NULL };
        assert_int_equal(exposure_assess(model(a, "n.service", refused), NULL, r), -1);
        assert_int_equal(r->status, EXPOSURE_BAD_SETTING);
        assert_non_null(strstr(r->message, "Service has no ExecStart="));
        static const char *const fatal[] = { "Service.ExecStart=/bin/true", "Service.User=a/b", NULL };
        assert_int_equal(exposure_assess(model(a, "f.service", fatal), NULL, r), -1);
        assert_non_null(strstr(r->message, "fatal error"));

        /* quotes: removed for capability lists, kept (and so rejected) for syscall filters */
        static const char *const quoted[] = {
                "Service.ExecStart=/bin/true",
                "Service.CapabilityBoundingSet='CAP_SYS_ADMIN'",
                "Service.SystemCallFilter=\"@clock\"",
                "Service.RootDirectory=%S/app",
                NULL,
        };
        assert_int_equal(exposure_assess(model(a, "q.service", quoted), NULL, r), 0);
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_SYS_ADMIN")->badness, 1);
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_KILL")->badness, 0);
        assert_int_equal(row_named(r, "SystemCallFilter_clock")->badness, 0); /* allow list of @default */
        assert_int_equal(row_named(r, "RootDirectoryOrRootImage")->badness, 0);
        static const char *const bad_specifier[] = { "Service.ExecStart=/bin/true", "Service.User=%Z", NULL };
        assert_int_equal(exposure_assess(model(a, "s.service", bad_specifier), NULL, r), -1);

        /* other unit types: what makes them loadable, and their defaults */
        static const char *const socket[] = { "Socket.PrivateTmp=yes", NULL };
        assert_int_equal(exposure_assess(model(a, "s.socket", socket), NULL, r), -1);
        assert_non_null(strstr(r->message, "Unit has no Listen setting"));
        static const char *const socket_ok[] = { "Socket.ListenStream=/run/s", NULL };
        assert_int_equal(exposure_assess(model(a, "s.socket", socket_ok), NULL, r), 0);
        assert_int_equal(row_named(r, "KeyringMode")->badness, 1); /* shared outside services */
        static const char *const mount[] = { "Mount.What=/dev/x", "Mount.Where=/mnt/b", NULL };
        assert_int_equal(exposure_assess(model(a, "mnt-a.mount", mount), NULL, r), -1);
        static const char *const root_mount[] = { "Mount.Where=/", NULL };
        assert_int_equal(exposure_assess(model(a, "-.mount", root_mount), NULL, r), 0);
        assert_int_equal(row_named(r, "ProtectSystem")->badness, EXPOSURE_NA);
        static const char *const target[] = { "Unit.Description=t", NULL };
        assert_int_equal(exposure_assess(model(a, "t.target", target), NULL, r), 0);
        assert_int_equal(r->exposure, 98);
        assert_int_equal(row_named(r, "UMask")->badness, 5); /* no exec context: 0002 */
        free(r);
        arena_free(a);
}

static void test_order_and_rendering(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        static const char *const lines[] = { "Service.ExecStart=/bin/true", NULL };
        struct exposure_report *r = xmalloc(sizeof(*r));
        assert_int_equal(exposure_assess(model(a, "o.service", lines), NULL, r), 0);
        /* description descending, then name ascending */
        for (size_t i = 1; i < r->n_rows; i++) {
                const struct exposure_row *x = &r->rows[r->order[i - 1]], *y = &r->rows[r->order[i]];
                int c = strcmp(x->description, y->description);
                assert_true(c > 0 || (c == 0 && strcmp(x->name, y->name) < 0));
        }
        assert_string_equal(r->rows[r->order[0]].name, "RootDirectory=/RootImage=");

        struct strbuf b = STRBUF_INIT;
        exposure_render_json(r, EXPOSURE_JSON_SHORT, &b);
        assert_true(startswith(strbuf_str(&b), "[{\"set\":false,\"name\":\"RootDirectory=/RootImage=\","
                                               "\"json_field\":\"RootDirectoryOrRootImage\",\"description\":"
                                               "\"Service runs within the host's root directory\",\"exposure\":\"0.1\"},"));
        assert_true(strstr(strbuf_str(&b), "\"set\":null") != NULL);
        assert_string_equal(strbuf_str(&b) + b.len - 2, "]\n");
        strbuf_reset(&b);
        exposure_render_json(r, EXPOSURE_JSON_PRETTY, &b);
        assert_true(startswith(strbuf_str(&b), "[\n\t{\n\t\t\"set\" : false,\n\t\t\"name\" : \"RootDirectory="));
        assert_string_equal(strbuf_str(&b) + b.len - 6, "\n\t}\n]\n");
        strbuf_reset(&b);
        exposure_render_text(r, true, &b);
        const char *s = strbuf_str(&b);
        assert_true(startswith(s, "  NAME "));
        assert_non_null(strstr(s, "\n- RootDirectory=/RootImage= "));
        assert_non_null(strstr(s, "\n\n-> Overall exposure level for o.service: 9.6 UNSAFE :-{\n"));
        /* rows without an exposure end after the separator, without padding */
        const char *amb = strstr(s, "\u2713 AmbientCapabilities=");
        assert_null(amb); /* ascii mode */
        amb = strstr(s, "+ AmbientCapabilities=");
        assert_non_null(amb);
        const char *eol = strchr(amb, '\n');
        assert_true(eol[-1] == ' ' && eol[-2] == ' ');
        assert_int_equal(eol - amb, strstr(s, "EXPOSURE") - s); /* ends where EXPOSURE starts */
        strbuf_free(&b);
        free(r);
        arena_free(a);
}

static void test_costliest_names_statements(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        static const char *const lines[] = {
                "Service.ExecStart=/bin/true",
                "Service.PrivateNetwork=no",
                "Service.User=svc",
                "Service.SystemCallFilter=@system-service",
                NULL,
        };
        struct exposure_report *r = xmalloc(sizeof(*r));
        assert_int_equal(exposure_assess(model(a, "c.service", lines), NULL, r), 0);
        size_t idx[5];
        size_t n = exposure_costliest(r, idx, ARRAY_SIZE(idx));
        assert_int_equal(n, 5);
        const struct exposure_row *top = &r->rows[idx[0]];
        assert_string_equal(top->json_field, "PrivateNetwork");
        assert_int_equal(top->cost, 2500);
        assert_int_equal(top->n_why, 1);
        assert_string_equal(top->why[0]->why, "policy.pol:2: line 2");
        for (size_t i = 1; i < n; i++)
                assert_true(r->rows[idx[i - 1]].cost >= r->rows[idx[i]].cost);
        const struct exposure_row *priv = row_named(r, "SystemCallFilter_privileged");
        assert_int_equal(priv->badness, 9);
        assert_int_equal(priv->n_why, 0); /* @system-service does not name @privileged */
        /* a row that scored its default names nothing */
        assert_int_equal(row_named(r, "ProtectClock")->n_why, 0);
        free(r);
        arena_free(a);
}

/* The scorer reads capability and family names from systemd/tables.h: their numbers there
 * are the kernel's, which the check rows' masks use. */
static void test_names_are_the_kernels(void **state)
{
        (void) state;
        assert_int_equal(cap_lookup("CAP_SYS_ADMIN")->bit, CAP_SYS_ADMIN);
        assert_int_equal(cap_lookup("cap_net_bind_service")->bit, CAP_NET_BIND_SERVICE);
        assert_int_equal(cap_lookup("CAP_CHECKPOINT_RESTORE")->bit, CAP_CHECKPOINT_RESTORE);
        for (size_t i = 0; i < cap_table_len; i++)
                assert_true(cap_table[i].bit < 64);
        static const struct {
                const char *name;
                int family;
        } families[] = {
                { "AF_UNIX", AF_UNIX }, { "AF_INET", AF_INET }, { "AF_INET6", AF_INET6 },
                { "AF_NETLINK", AF_NETLINK }, { "AF_PACKET", AF_PACKET }, { "AF_VSOCK", AF_VSOCK },
        };
        for (size_t f = 0; f < ARRAY_SIZE(families); f++) {
                size_t i = 0;
                while (i < address_family_names_len && !streq(address_family_names[i], families[f].name))
                        i++;
                assert_int_equal(i + 1, families[f].family);
        }
        assert_true(address_family_names_len < 64);
}

/* A row about some members of a set names only the entries that name them: the scorer
 * decides from the row's mask, the driver only renders. */
static void test_why_from_the_rows_mask(void **state)
{
        (void) state;
        struct arena *a = arena_new();
        static const char *const lines[] = {
                "Service.ExecStart=/bin/true",
                "Service.CapabilityBoundingSet=CAP_SYS_ADMIN",
                "Service.CapabilityBoundingSet=CAP_NET_RAW CAP_DAC_OVERRIDE",
                "Service.RestrictAddressFamilies=AF_UNIX",
                "Service.RestrictAddressFamilies=AF_INET6",
                "Service.RestrictNamespaces=~user",
                "Service.RestrictNamespaces=~net",
                "Service.SystemCallFilter=~@clock",
                "Service.SystemCallFilter=~@debug:EPERM",
                NULL,
        };
        struct exposure_report *r = xmalloc(sizeof(*r));
        assert_int_equal(exposure_assess(model(a, "m.service", lines), NULL, r), 0);
        const struct exposure_row *row = row_named(r, "CapabilityBoundingSet_CAP_SYS_ADMIN");
        assert_int_equal(row->n_why, 1);
        assert_string_equal(row->why[0]->value, "CAP_SYS_ADMIN");
        row = row_named(r, "CapabilityBoundingSet_CAP_DAC_FOWNER_IPC_OWNER");
        assert_int_equal(row->n_why, 1);
        assert_string_equal(row->why[0]->value, "CAP_NET_RAW CAP_DAC_OVERRIDE");
        assert_int_equal(row_named(r, "CapabilityBoundingSet_CAP_SYS_TIME")->n_why, 0);
        row = row_named(r, "RestrictAddressFamilies_AF_INET_INET6");
        assert_int_equal(row->badness, 1);
        assert_int_equal(row->n_why, 1);
        assert_string_equal(row->why[0]->value, "AF_INET6");
        assert_int_equal(row_named(r, "RestrictAddressFamilies_AF_UNIX")->n_why, 1);
        assert_int_equal(row_named(r, "RestrictAddressFamilies_AF_PACKET")->badness, 0);
        assert_int_equal(row_named(r, "RestrictAddressFamilies_AF_PACKET")->n_why, 0);
        row = row_named(r, "RestrictNamespaces_net");
        assert_int_equal(row->badness, 0);
        assert_int_equal(row->n_why, 1);
        assert_string_equal(row->why[0]->value, "~net");
        assert_int_equal(row_named(r, "RestrictNamespaces_pid")->n_why, 0);
        row = row_named(r, "SystemCallFilter_debug");
        assert_int_equal(row->n_why, 1);
        assert_string_equal(row->why[0]->value, "~@debug:EPERM");
        /* a row about the whole setting names every entry, the last first */
        row = row_named(r, "AmbientCapabilities");
        assert_int_equal(row->n_why, 0);
        assert_int_equal(row_named(r, "SystemCallFilter_mount")->n_why, 0);
        free(r);
        arena_free(a);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_table_invariants),
                cmocka_unit_test(test_names_are_the_kernels),
                cmocka_unit_test(test_why_from_the_rows_mask),
                cmocka_unit_test(test_syscall_tables),
                cmocka_unit_test(test_verdicts),
                cmocka_unit_test(test_bare_service_arithmetic),
                cmocka_unit_test(test_dynamic_user_side_effects),
                cmocka_unit_test(test_parsers),
                cmocka_unit_test(test_order_and_rendering),
                cmocka_unit_test(test_costliest_names_statements),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}

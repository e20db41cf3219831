# shellcheck shell=bash
# live/target-host.sh - --target=host asks the running manager for its version and build
# features over D-Bus. Here unitc (on the host) talks to the booted container's system bus,
# and the unit it compiles must be for that systemd: the header names its version, and a
# service that only listens gets the port filter exactly where the container's systemd is
# built with BPF_FRAMEWORK. Outside any manager (the host of these tests has none) it is a
# clear error, exit 1, nothing written.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, live_check) and $LABEL set.

TH_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$TH_WORK"
mkdir -p "$TH_WORK/out"
th_bus=unix:path=/proc/$(e2e_leader)/root/run/dbus/system_bus_socket
th_version=$(e2e_exec systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p')
th_bpf=no
e2e_exec systemctl --version | grep -q '+BPF_FRAMEWORK' && th_bpf=yes
cp "$REPO/tests/e2e/policies/listens-only.pol" "$TH_WORK/listens-only.pol"
if DBUS_SYSTEM_BUS_ADDRESS=$th_bus "$UNITC" --target=host "$TH_WORK/listens-only.pol" \
    -o "$TH_WORK/out/e2e-listens-only.service" >"$TH_WORK/compile.log" 2>&1; then
    live_check "the header names the container's systemd $th_version" \
        grep -q "^# .* for host (systemd $th_version)\.$" "$TH_WORK/out/e2e-listens-only.service"
    if [ "$th_bpf" = yes ]; then
        live_check "+BPF_FRAMEWORK: the port filter is there" \
            grep -q '^SocketBindDeny=any$' "$TH_WORK/out/e2e-listens-only.service"
    else
        live_check "-BPF_FRAMEWORK: no port filter systemd would ignore" \
            sh -c '! grep -q "^SocketBind" "$1"' sh "$TH_WORK/out/e2e-listens-only.service"
    fi
else
    fail "$LABEL: unitc --target=host failed: $(tail -n 2 "$TH_WORK/compile.log" | tr '\n' ' ')"
fi
live_check "no manager on the bus: exit 1, a clear error, nothing written" \
    sh -c 'DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent "$1" --target=host "$2" -o "$3/x.service" 2>"$3/none.err";
           [ $? -eq 1 ] && [ ! -e "$3/x.service" ] && grep -q "no running systemd manager" "$3/none.err"' \
    sh "$UNITC" "$TH_WORK/listens-only.pol" "$TH_WORK"

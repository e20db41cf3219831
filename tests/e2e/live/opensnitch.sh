# shellcheck shell=bash
# live/opensnitch.sh - the seed's own service, live: Debian's opensnitchd 1.5.8
# (the real daemon, no probe swap) under the unit compiled from
# examples/opensnitch.pol, compared with the same daemon under Debian's unit.
# e2e-targets: debian-12
# (opensnitch 1.5.8 and its configuration are bookworm's; other targets ship 1.6.)
#
# Sourced by tests/e2e/run in a subshell, with the container up and the
# harness's functions (e2e_*, pass, fail, compile_policy) and $LABEL set. Prints
# PASS/FAIL/GAP lines; evidence (daemon log, iptables, nfnetlink_queue, journal)
# goes to $(E2E_RUN_DIR)/work/$LABEL/VARIANT.log.
#
# What it shows, per variant (unit x iptables backend):
#   - the daemon starts and binds NFQUEUE 0 from its main PID
#     (/proc/net/netfilter/nfnetlink_queue: queue 0, portid = MainPID), and its
#     NFQUEUE rules are in place (iptables -S);
#   - with default action allow and one rule "deny dest.port 8082", a
#     connection to 127.0.0.1:8082 times out while one to 127.0.0.1:8083
#     succeeds, for root and for the ordinary user unitc (uid 1000), after one
#     warm-up connection (the first queued packet can time out);
#   - its log (/var/log/opensnitchd.log) attributes the denied connection to
#     the probe's path and names the rule;
#   - it reaches /tmp (the UI socket /tmp/osui.sock: no UI runs, so connect()
#     gets ENOENT and it retries) and does not fail for lack of a UI;
#   - the same PID, ActiveState=active and NRestarts=0 15 s after the start;
#   - on stop it removes its rules.
# The kernel here has no NFT_QUEUE; both iptables backends use the xtables
# NFQUEUE target (iptables-nft through nft_compat), so both are tried.
#
# No traffic leaves the container: the listeners are on 127.0.0.1.

OS_WORK=$(E2E_RUN_DIR)/work/$LABEL
OS_LOG=/var/log/opensnitchd.log
OS_UNIT=opensnitch.service
OS_DENY_PORT=8082
OS_OPEN_PORT=8083
rm -rf "$OS_WORK"
mkdir -p "$OS_WORK"

# The daemon's log without its colour codes.
os_log_text() { e2e_exec sed 's/\x1b\[[0-9;]*m//g' "$OS_LOG"; }

os_show() { e2e_exec systemctl show "$OS_UNIT" -p "$1" --value; }

# Configuration shared by every variant: LogLevel 0 (debug), default action
# allow, one deny rule, a log file, and the two listeners.
os_setup() {
    # shellcheck disable=SC2016  # expanded by the shell in the container
    e2e_exec sh -euc '
        cfg=/etc/opensnitchd/default-config.json
        sed -i -e "s/\"LogLevel\": *[0-9]*/\"LogLevel\": 0/" \
            -e "s/\"DefaultAction\": *\"[a-z]*\"/\"DefaultAction\": \"allow\"/" "$cfg"
        grep -q "\"LogLevel\": 0" "$cfg" && grep -q "\"DefaultAction\": \"allow\"" "$cfg"
        # The rule format of opensnitch 1.5: operator type "simple" on dest.port.
        mkdir -p /root/opensnitch-rules
        cat >/root/opensnitch-rules/000-deny-$1.json <<EOF
{
  "created": "2026-01-01T00:00:00Z",
  "updated": "2026-01-01T00:00:00Z",
  "name": "000-deny-$1",
  "enabled": true,
  "precedence": true,
  "action": "deny",
  "duration": "always",
  "operator": {
    "type": "simple",
    "operand": "dest.port",
    "sensitive": false,
    "data": "$1",
    "list": []
  }
}
EOF
    ' sh "$OS_DENY_PORT"
    e2e_exec systemd-run --quiet --unit=unitc-e2e-os-listen "$E2E_PROBE" serve \
        "127.0.0.1:$OS_DENY_PORT" "127.0.0.1:$OS_OPEN_PORT"
}

# Put a variant's unit in place: Debian's own (/lib/systemd/system), or the
# compiled one installed over it as /etc/systemd/system/opensnitch.service.
os_install() {   # debian|unitc [POLICY]
    e2e_exec rm -rf "/etc/systemd/system/$OS_UNIT" "/etc/systemd/system/$OS_UNIT.d"
    if [ "$1" = unitc ]; then
        local dir=$OS_WORK/unit-$1
        rm -rf "$dir"
        compile_policy "${2:-$REPO/examples/opensnitch.pol}" "$dir" >"$OS_WORK/compile.log" 2>&1 ||
            { fail "$LABEL: unitc failed on the policy: $(tail -2 "$OS_WORK/compile.log")"; return 1; }
        e2e_install_unit system "$dir"
    fi
    e2e_exec systemctl daemon-reload
}

# One variant: start the daemon under UNIT with BACKEND and check it all.
os_variant() {   # debian|unitc nft|legacy
    local unit=$1 backend=$2 t="$LABEL [$1 unit, iptables-$2]" ev=$OS_WORK/$1-$2.log
    local pid="" t0 q
    os_install "$unit" || return 0
    e2e_exec update-alternatives --quiet --set iptables "/usr/sbin/iptables-$backend"
    # A fresh log, created as logrotate's "create 640 root root" would: the
    # compiled unit can write the file (ReadWritePaths=-FILE) but not create it.
    # shellcheck disable=SC2016  # expanded by the shell in the container
    e2e_exec sh -euc 'rm -f "$1"; install -m 0640 -o root -g root /dev/null "$1"
        rm -rf /etc/opensnitchd/rules; mkdir -p /etc/opensnitchd/rules
        cp /root/opensnitch-rules/*.json /etc/opensnitchd/rules/' sh "$OS_LOG"
    local cursor
    cursor=$(e2e_cursor)
    t0=$(date +%s)
    E2E_TIMEOUT=60 e2e_exec systemctl start "$OS_UNIT" || true
    # The queue is bound once the daemon has loaded its rules and firewall.
    for _ in $(seq 1 100); do
        pid=$(os_show MainPID)
        q=$(e2e_exec awk '$1 == 0 { print $2 }' /proc/net/netfilter/nfnetlink_queue)
        [ -n "$q" ] && [ "$pid" != 0 ] && break
        sleep 0.1
    done
    {
        echo "--- systemctl show"; e2e_exec systemctl show "$OS_UNIT" -p MainPID,ActiveState,SubState,Result,NRestarts
        echo "--- /proc/net/netfilter/nfnetlink_queue"; e2e_exec cat /proc/net/netfilter/nfnetlink_queue
        echo "--- iptables -S -t mangle ($backend)"; e2e_exec iptables -S -t mangle
        echo "--- iptables -S ($backend)"; e2e_exec iptables -S
    } >"$ev" 2>&1
    if [ "$(os_show ActiveState)" = active ] && [ "$pid" != 0 ]; then
        pass "$t: active, MainPID=$pid"
    else
        fail "$t: not running ($(os_show ActiveState)/$(os_show Result)); see $ev"
        e2e_journal system "$OS_UNIT" "$cursor" >>"$ev"
        e2e_exec systemctl stop "$OS_UNIT" || true
        return 0
    fi
    if [ "$q" = "$pid" ]; then pass "$t: NFQUEUE 0 bound by the main PID (portid $q)"
    else fail "$t: NFQUEUE 0 portid '$q', MainPID $pid"; fi
    if grep -q -- '-A OUTPUT .*-j NFQUEUE --queue-num 0' "$ev"; then pass "$t: iptables has the NFQUEUE rule"
    else fail "$t: no NFQUEUE rule in iptables -S; see $ev"; fi

    # Warm-up: the first queued packet may time out while the daemon warms its caches.
    e2e_exec "$E2E_PROBE" "connect 127.0.0.1:$OS_OPEN_PORT 5000" >>"$ev" 2>&1 || true
    local who out
    for who in root user; do
        if [ "$who" = root ]; then
            out=$(e2e_exec "$E2E_PROBE" uid "connect 127.0.0.1:$OS_DENY_PORT 3000" "connect 127.0.0.1:$OS_OPEN_PORT 3000")
        else
            out=$(e2e_user_exec "$E2E_PROBE" uid "connect 127.0.0.1:$OS_DENY_PORT 3000" "connect 127.0.0.1:$OS_OPEN_PORT 3000")
        fi
        printf -- '--- probe as %s\n%s\n' "$who" "$out" >>"$ev"
        if grep -q "connect 127.0.0.1:$OS_DENY_PORT 3000 => ETIMEDOUT" <<<"$out"; then
            pass "$t: as $who ($(grep -o 'uid => ok value=[0-9]*' <<<"$out" | cut -d= -f3)), port $OS_DENY_PORT denied (ETIMEDOUT)"
        else fail "$t: as $who, port $OS_DENY_PORT not denied: $(grep "$OS_DENY_PORT" <<<"$out")"; fi
        if grep -q "connect 127.0.0.1:$OS_OPEN_PORT 3000 => ok" <<<"$out"; then
            pass "$t: as $who, port $OS_OPEN_PORT allowed"
        else fail "$t: as $who, port $OS_OPEN_PORT not allowed: $(grep "$OS_OPEN_PORT" <<<"$out")"; fi
    done

    # The daemon's own account: the deny applied to the probe, by uid.
    local log
    log=$(os_log_text)
    local deny_line="✘ $E2E_PROBE -> 127.0.0.1:$OS_DENY_PORT (000-deny-$OS_DENY_PORT)"
    if grep -qF "$deny_line" <<<"$log"; then pass "$t: log: '$deny_line'"
    else fail "$t: the log lacks '$deny_line'"; fi
    if grep -q "outgoing connection uid: $E2E_UID, .*-> 127.0.0.1:$OS_DENY_PORT" <<<"$log" &&
        grep -q "outgoing connection uid: 0, .*-> 127.0.0.1:$OS_DENY_PORT" <<<"$log" &&
        grep -q "PID found" <<<"$log"; then
        pass "$t: log attributes the connections to a PID, for uid 0 and uid $E2E_UID"
    else fail "$t: the log does not attribute the connections (uid/PID lines missing)"; fi

    # The UI socket: it shares the host's /tmp, and keeps retrying without a UI.
    if e2e_exec nsenter -t "$pid" -m test -e /tmp/unitc-e2e-marker; then
        pass "$t: the daemon sees the shared /tmp (the fixture's marker)"
    else fail "$t: the daemon's /tmp is not the shared one"; fi
    local st
    st=$(E2E_TIMEOUT=5 e2e_exec timeout 2.5 strace -f -qq -e trace=connect -p "$pid" 2>&1) || true
    printf -- '--- strace -e connect (2.5 s)\n%s\n' "$st" >>"$ev"
    if grep -q 'sun_path="/tmp/osui.sock".*ENOENT' <<<"$st"; then
        pass "$t: it tries /tmp/osui.sock and gets ENOENT (no UI), not EACCES/EPERM"
    else fail "$t: no connect() to /tmp/osui.sock with ENOENT within 2.5 s; see $ev"; fi

    # Still the same process 15 s after the start, never restarted.
    local left=$((t0 + 15 - $(date +%s)))
    [ "$left" -gt 0 ] && sleep "$left"
    local pid2 nr as
    pid2=$(os_show MainPID) nr=$(os_show NRestarts) as=$(os_show ActiveState)
    if [ "$pid2" = "$pid" ] && [ "$nr" = 0 ] && [ "$as" = active ]; then
        pass "$t: after 15 s: MainPID=$pid2, NRestarts=0, active"
    else fail "$t: after 15 s: MainPID=$pid2 (was $pid), NRestarts=$nr, $as"; fi

    {
        echo "--- $OS_LOG (first 40 and the lines about port $OS_DENY_PORT)"
        head -40 <<<"$log"
        grep "$OS_DENY_PORT" <<<"$log" | head -20
        echo "--- journal"; e2e_journal system "$OS_UNIT" "$cursor"
    } >>"$ev"
    e2e_exec systemctl stop "$OS_UNIT" || true
    if e2e_exec iptables -S -t mangle | grep -q NFQUEUE; then
        fail "$t: NFQUEUE rules left behind after stop"
    else pass "$t: stopped, its rules removed"; fi
}

# A fresh Debian install has no /etc/opensnitchd/rules (the package ships none;
# Debian's unit runs `ExecStartPre=/bin/mkdir -p` for it). The policy writes it, so
# systemd creates it at start (ConfigurationDirectory=opensnitchd/rules).
os_fresh_install() {
    local t="$LABEL [unitc unit, no rules folder]" cursor
    os_install unitc || return 0
    e2e_exec update-alternatives --quiet --set iptables /usr/sbin/iptables-nft
    e2e_exec rm -rf /etc/opensnitchd/rules
    cursor=$(e2e_cursor)
    E2E_TIMEOUT=60 e2e_exec systemctl start "$OS_UNIT" || true
    sleep 2
    e2e_journal system "$OS_UNIT" "$cursor" >"$OS_WORK/unitc-fresh.log"
    if [ "$(os_show ActiveState)" = active ] && e2e_exec test -d /etc/opensnitchd/rules; then
        pass "$t: active; systemd created /etc/opensnitchd/rules (ConfigurationDirectory=opensnitchd/rules)"
    else fail "$t: not running; see $OS_WORK/unitc-fresh.log"; fi
    e2e_exec systemctl stop "$OS_UNIT" || true
    e2e_exec systemctl reset-failed "$OS_UNIT" >/dev/null 2>&1 || true
}

os_setup
os_variant debian nft
os_variant unitc nft
os_variant unitc legacy
os_fresh_install
# Leave the container as the cases expect it.
e2e_exec rm -rf "/etc/systemd/system/$OS_UNIT" "/etc/systemd/system/$OS_UNIT.d"
e2e_exec systemctl daemon-reload
e2e_exec systemctl stop unitc-e2e-os-listen || true
e2e_exec update-alternatives --quiet --set iptables /usr/sbin/iptables-nft

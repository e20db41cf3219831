#!/usr/bin/env bash
# shellcheck disable=SC2016
# (SC2016: the single-quoted `sh -c` scripts run in the container, which expands them.)
# tests/gallery/live.sh - runs every gallery daemon (examples/gallery/*.pol) under the unit
# unitc compiles from its policy, in a booted Debian 12 container (systemd 252, through
# tests/e2e/lib.sh), and checks its workload: nginx serves a page, redis SET/GET, and so on.
# Not part of `make check`: it needs root, and network access the first time (apt-get
# installs the daemons into a copy of the end-to-end rootfs, cached under $E2E_STATE_DIR).
#
#   sudo tests/gallery/live.sh              # every daemon
#   sudo tests/gallery/live.sh nginx redis-server
#   sudo KEEP=1 tests/gallery/live.sh ...   # leave the container up (E2E_NAME=unitc-gallery)
#
# Prints PASS/FAIL/GAP lines and ends with "gallery-live: N passed, N failed". The
# container has no way out (private network): what needs the Internet (unbound resolving
# debian.org, chrony's NTP servers, syncthing's discovery and relays) is not checked. chronyd
# runs with -x (no clock control), since the container shares the host's clock; CLOCK=1
# drops the -x.
#
# What the rootfs gets beyond the packages (the configuration changes the policies' comments
# ask for): nginx's pid file in /run/nginx, unbound's control socket in /run/unbound, an
# OpenVPN server configuration from Debian's sample with a test PKI (`dh none` instead of a
# dh2048.pem), and ~/Sync for the test user. Debian's own units of these daemons are disabled.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOP=$PWD
UNITC=${UNITC:-$TOP/build/unitc}
export E2E_NAME=${E2E_NAME:-unitc-gallery}
export E2E_STATE_DIR=${E2E_STATE_DIR:-/var/lib/unitc-gallery}
# shellcheck source=/dev/null
. tests/e2e/lib.sh

GALLERY_PACKAGES="nginx redis-server redis-tools unbound dns-root-data dnsutils mosquitto
mosquitto-clients memcached netcat-openbsd postgresql-15 postgresql-client-15 ssl-cert chrony
openvpn openssl man-db syncthing curl procps"
pass=0 fail=0
PASS() { pass=$((pass + 1)); echo "PASS $*"; }
FAIL() { fail=$((fail + 1)); echo "FAIL $*"; }
GAP() { echo "GAP  $*"; }
check() {   # NAME CMD...: PASS if CMD succeeds in the container
    local name=$1
    shift
    if e2e_exec "$@" >/dev/null 2>&1; then PASS "$name"; else FAIL "$name"; fi
}
ucheck() {   # same, as the test user
    local name=$1
    shift
    if e2e_user_exec "$@" >/dev/null 2>&1; then PASS "$name"; else FAIL "$name"; fi
}

# Changes to the rootfs after the packages are in. Part of the cache key.
gallery_customize() {
    local r=$1
    printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
    chmod 755 "$r/usr/sbin/policy-rc.d"
    sed -i 's|^pid /run/nginx.pid;|pid /run/nginx/nginx.pid;|' "$r/etc/nginx/nginx.conf"
    sed -i 's|control-interface: /run/unbound.ctl|control-interface: /run/unbound/unbound.ctl|' \
        "$r/etc/unbound/unbound.conf.d/remote-control.conf"
    chroot "$r" /bin/sh -ec '
        cd /etc/openvpn/server
        s=/usr/share/doc/openvpn/examples/sample-config-files/server.conf
        if [ -f $s.gz ]; then zcat $s.gz; else cat $s; fi >server.conf
        sed -i "s/^dh dh2048.pem/dh none/" server.conf
        ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
        openssl req -x509 $ec -days 3650 -subj /CN=gallery-ca -keyout ca.key -out ca.crt
        for n in server client; do
            openssl req $ec -subj /CN=$n -keyout $n.key -out $n.csr
            if [ $n = server ]; then eku=serverAuth; else eku=clientAuth; fi
            printf "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\nextendedKeyUsage=$eku\n" >$n.ext
            openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
                -extfile $n.ext -out $n.crt
        done
        chmod 600 *.key' >/dev/null 2>&1
    for u in nginx redis-server unbound unbound-resolvconf mosquitto memcached postgresql chrony \
        openvpn man-db.timer syncthing-resume; do
        chroot "$r" systemctl disable "$u" >/dev/null 2>&1 || true
    done
    chroot "$r" runuser -u "$E2E_USER" -- mkdir -p "/home/$E2E_USER/Sync"
    rm -f "$r/usr/sbin/policy-rc.d"
}

gallery_rootfs() {
    local key base
    e2e_prepare_rootfs
    base=$E2E_ROOT
    key=$({ echo "$base $GALLERY_PACKAGES"; declare -f gallery_customize; } | sha256sum | cut -c1-16)
    E2E_ROOT=$E2E_STATE_DIR/gallery-rootfs-$key
    [ -f "$E2E_ROOT/.gallery-ready" ] && return 0
    e2e_log "building the gallery rootfs (apt-get install; log: $E2E_STATE_DIR/apt.log)"
    rm -rf --one-file-system "$E2E_ROOT.tmp"
    cp -a "$base" "$E2E_ROOT.tmp"
    local r=$E2E_ROOT.tmp
    grep -q bookworm-security "$r/etc/apt/sources.list" ||
        echo 'deb http://deb.debian.org/debian-security bookworm-security main' >>"$r/etc/apt/sources.list"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
    printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
    chmod 755 "$r/usr/sbin/policy-rc.d"
    mount --bind /proc "$r/proc"
    mount --bind /dev "$r/dev"
    if ! chroot "$r" env DEBIAN_FRONTEND=noninteractive sh -c \
        "apt-get update -q && apt-get install -y -q --no-install-recommends ${GALLERY_PACKAGES//$'\n'/ }" \
        >"$E2E_STATE_DIR/apt.log" 2>&1; then
        umount "$r/proc" "$r/dev"
        tail -20 "$E2E_STATE_DIR/apt.log" >&2
        e2e_die "apt-get install failed"
    fi
    umount "$r/proc" "$r/dev"
    gallery_customize "$r"
    rm -rf "$r"/var/cache/apt/archives/*.deb
    touch "$r/.gallery-ready"
    mv "$r" "$E2E_ROOT"
}

# compile NAME SCOPE: compile examples/gallery/NAME.pol, install the unit, start it. Sets UNIT.
compile_start() {
    local name=$1 scope=$2 out
    out=$(mktemp -d)
    UNIT=$(sed -n 's/^service \([^ {]*\).*/\1/p' "examples/gallery/$name.pol" | head -n1).service
    if ! "$UNITC" "examples/gallery/$name.pol" -o "$out/$UNIT" >"$out.log" 2>&1; then
        cat "$out.log"
        FAIL "$name: unitc failed"
        return 1
    fi
    e2e_install_unit "$scope" "$out"
    rm -rf "$out" "$out.log"
    CURSOR=$(e2e_cursor)
    e2e_start "$scope" "$UNIT" 60
    sleep "${SETTLE:-2}"
    if [ "$(e2e_systemctl "$scope" show -p ActiveState --value "$UNIT")" = active ]; then
        PASS "$name: $UNIT active"
    elif [ "$(e2e_systemctl "$scope" show -p Result --value "$UNIT")" = success ] &&
        grep -q '^ *type oneshot' "examples/gallery/$name.pol"; then
        PASS "$name: $UNIT ran to success"
    else
        FAIL "$name: $UNIT did not start"
        e2e_state "$scope" "$UNIT" | sed 's/^/    /'
        e2e_journal "$scope" "$UNIT" "$CURSOR" | tail -n 15 | sed 's/^/    /'
        return 1
    fi
}
journal_has() {   # NAME TEXT [SCOPE]: the run's journal has TEXT
    if e2e_journal "${3:-system}" "$UNIT" "$CURSOR" | grep -q -- "$2"; then PASS "$1"; else FAIL "$1"; fi
}
journal_lacks() {   # NAME TEXT [SCOPE]: the run's journal does not have TEXT
    if e2e_journal "${3:-system}" "$UNIT" "$CURSOR" | grep -q -- "$2"; then FAIL "$1"; else PASS "$1"; fi
}
same_after_reload() {   # NAME: systemctl reload succeeds and keeps the service up, same main PID
    local pid ok=yes
    pid=$(e2e_exec systemctl show -p MainPID --value "$UNIT")
    e2e_exec systemctl reload "$UNIT" >/dev/null 2>&1 || ok=no
    sleep 1
    if [ $ok = yes ] && [ "$(e2e_exec systemctl show -p ActiveState --value "$UNIT")" = active ] &&
        [ "$(e2e_exec systemctl show -p MainPID --value "$UNIT")" = "$pid" ]; then
        PASS "$1: reload succeeds, same main PID"
    else
        FAIL "$1: reload"
    fi
}
stop() { e2e_systemctl "${1:-system}" stop "$UNIT" >/dev/null 2>&1 || true; }

t_nginx() {
    compile_start nginx system || return 0
    check "nginx: GET http://127.0.0.1/ is 200" sh -c '[ "$(curl -s -o /dev/null -w %{http_code} http://127.0.0.1/)" = 200 ]'
    check "nginx: GET http://[::1]/ is 200" sh -c '[ "$(curl -g -s -o /dev/null -w %{http_code} "http://[::1]/")" = 200 ]'
    check "nginx: master and workers run as www-data" sh -c '[ -z "$(ps -o user= -C nginx | grep -v www-data)" ]'
    check "nginx: access.log written" sh -c 'grep -q "GET / " /var/log/nginx/access.log'
    same_after_reload nginx
    stop
}
t_redis-server() {
    compile_start redis-server system || return 0
    check "redis: SET" sh -c '[ "$(redis-cli SET k v)" = OK ]'
    check "redis: GET" sh -c '[ "$(redis-cli GET k)" = v ]'
    check "redis: ::1 answers" sh -c '[ "$(redis-cli -h ::1 PING)" = PONG ]'
    check "redis: SAVE writes /var/lib/redis/dump.rdb" sh -c '[ "$(redis-cli SAVE)" = OK ] && [ -s /var/lib/redis/dump.rdb ]'
    check "redis: CONFIG REWRITE" sh -c '[ "$(redis-cli CONFIG REWRITE)" = OK ]'
    check "redis: log file" sh -c 'grep -q "Ready to accept connections" /var/log/redis/redis-server.log'
    stop
}
t_unbound() {
    compile_start unbound system || return 0
    check "unbound: answers on 127.0.0.1" sh -c '[ "$(dig +short @127.0.0.1 localhost A)" = 127.0.0.1 ]'
    check "unbound: answers on ::1" sh -c '[ "$(dig +short @::1 localhost AAAA)" = ::1 ]'
    check "unbound: unbound-control status over /run/unbound/unbound.ctl" unbound-control status
    check "unbound: root.key seeded" test -s /var/lib/unbound/root.key
    journal_lacks "unbound: no setrlimit warning" "cannot increase max open fds"
    GAP "unbound: 'unable to initgroups unbound: Operation not permitted' is logged (a warning; setgroups stays denied)"
    same_after_reload unbound
    stop
}
t_mosquitto() {
    compile_start mosquitto system || return 0
    check "mosquitto: publish/subscribe" sh -c '
        mosquitto_sub -h 127.0.0.1 -t gallery -C 1 -W 10 >/tmp/sub.out & sleep 1
        mosquitto_pub -h 127.0.0.1 -t gallery -m hello; wait; [ "$(cat /tmp/sub.out)" = hello ]'
    check "mosquitto: log file" grep -q "mosquitto version" /var/log/mosquitto/mosquitto.log
    same_after_reload mosquitto
    check "mosquitto: reload logged" grep -q "Reloading config" /var/log/mosquitto/mosquitto.log
    stop
}
t_memcached() {
    compile_start memcached system || return 0
    check "memcached: set/get" sh -c '
        printf "set k 0 0 5\r\nhello\r\nget k\r\nquit\r\n" | nc -q1 127.0.0.1 11211 | grep -q "^hello"'
    check "memcached: its RLIMIT_NOFILE is 1024 (setrlimit worked)" sh -c \
        'grep -q "^Max open files *1024 *1024" /proc/$(systemctl show -p MainPID --value memcached)/limits'
    stop
}
t_postgresql() {
    compile_start postgresql system || return 0
    check "postgresql: create, insert, select over the socket" sh -c \
        '[ "$(runuser -u postgres -- psql -At -c "create table if not exists g(a int); insert into g values (42); select max(a) from g;" | tail -n1)" = 42 ]'
    check "postgresql: TCP 127.0.0.1:5432 listens" sh -c 'ss -ltn | grep -q "127.0.0.1:5432"'
    check "postgresql: ssl = on (the snakeoil key read through group ssl-cert)" sh -c \
        '[ "$(runuser -u postgres -- psql -At -c "show ssl")" = on ]'
    check "postgresql: a JIT-compiled query" sh -c \
        'runuser -u postgres -- psql -v ON_ERROR_STOP=1 -c "set jit_above_cost=0; explain analyze select sum(a*2) from generate_series(1,100000) a;" | grep -q "JIT:"'
    same_after_reload postgresql
    journal_has "postgresql: the reload's SIGHUP reached postgres" "received SIGHUP, reloading configuration files"
    stop
}
t_chrony() {
    if [ "${CLOCK:-}" != 1 ]; then
        printf '[Service]\nExecStart=\nExecStart=/usr/sbin/chronyd -n -U -x\n' |
            e2e_install_dropin system chrony.service zz-gallery-noclock
    fi
    if ! compile_start chrony system; then
        e2e_exec rm -rf /etc/systemd/system/chrony.service.d
        return 0
    fi
    check "chrony: chronyc tracking over UDP 127.0.0.1:323" sh -c 'chronyc -n tracking | grep -q "Reference ID"'
    check "chrony: runs as _chrony" sh -c '[ "$(ps -o user= -C chronyd)" = _chrony ]'
    check "chrony: /run/chrony is 0750, owned by _chrony" sh -c '[ "$(stat -c %a:%U /run/chrony)" = 750:_chrony ]'
    check "chrony: chronyc tracking over the command socket" sh -c \
        'chronyc -n -h /run/chrony/chronyd.sock tracking | grep -q "Reference ID"'
    journal_lacks "chrony: no 'Disabled command socket'" "Disabled command socket"
    [ "${CLOCK:-}" = 1 ] || GAP "chrony: ran with -x; clock control not checked (CLOCK=1 to check it)"
    stop
    e2e_exec rm -rf /etc/systemd/system/chrony.service.d
}
t_openvpn-server() {
    compile_start openvpn-server system || return 0
    check "openvpn: tun0 has 10.8.0.1/24" sh -c 'ip -br addr show tun0 | grep -q 10.8.0.1/24'
    check "openvpn: UDP 1194 bound" sh -c 'ss -ulpn | grep -q ":1194 .*openvpn"'
    check "openvpn: a client completes the handshake" sh -c '
        cd /etc/openvpn/server && timeout 30 openvpn --client --remote 127.0.0.1 1194 --proto udp \
            --dev null --ifconfig-noexec --route-noexec --ca ca.crt --cert client.crt --key client.key \
            --remote-cert-tls server --verb 3 >/tmp/ovpn-client.log 2>&1 &
        echo $! >/tmp/ovpn-client.pid
        for i in $(seq 1 30); do grep -q "Initialization Sequence Completed" /tmp/ovpn-client.log && exit 0; sleep 1; done
        exit 1'
    e2e_exec sh -c 'kill "$(cat /tmp/ovpn-client.pid)"' >/dev/null 2>&1 || true
    stop
}
t_man-db() {
    SETTLE=0 compile_start man-db system || return 0
    check "man-db: index.db owned by man" sh -c '[ "$(stat -c %U /var/cache/man/index.db)" = man ]'
    ucheck "man-db: whatis ls, as an ordinary user" sh -c 'whatis ls | grep -q "list directory contents"'
    check "man-db: its timer starts, is scheduled daily and triggers man-db.service" sh -c '
        systemctl enable --now man-db.timer &&
        [ "$(systemctl show -p Triggers --value man-db.timer)" = man-db.service ] &&
        systemctl show -p TimersCalendar --value man-db.timer | grep -q "OnCalendar=\*-\*-\* 00:00:00" &&
        [ -n "$(systemctl show -p NextElapseUSecRealtime --value man-db.timer)" ]'
}
t_syncthing() {
    e2e_wait_user_manager
    SETTLE=5 compile_start syncthing user || return 0
    ucheck "syncthing: GUI on 127.0.0.1:8384" sh -c '[ "$(curl -s -o /dev/null -w %{http_code} http://127.0.0.1:8384/)" = 200 ]'
    ucheck "syncthing: REST API with its key" sh -c '
        k=$(sed -n "s:.*<apikey>\(.*\)</apikey>.*:\1:p" ~/.config/syncthing/config.xml)
        curl -sf -H "X-API-Key: $k" http://127.0.0.1:8384/rest/system/status | grep -q myID'
    check "syncthing: TCP and UDP 22000, UDP 21027" sh -c '
        ss -ltn | grep -q ":22000 " && ss -lun | grep -q ":22000 " && ss -lun | grep -q ":21027 "'
    check "syncthing: runs at nice 9, I/O best-effort 5 (priority, set by the manager)" sh -c \
        'pid=$(pgrep -u 1000 -f "syncthing serve" | head -1) &&
         [ "$(ps -o ni= -p "$pid" | tr -d " ")" = 9 ] && ionice -p "$pid" | grep -q "best-effort: prio 5"'
    check "syncthing: sees none of the home folder but what it names" sh -c '
        r=/proc/$(pgrep -u 1000 -f "syncthing serve" | head -1)/root/home/unitc
        [ -f $r/.config/syncthing/config.xml ] && [ -e /home/unitc/.profile ] && [ ! -e $r/.profile ]'
    local pid
    pid=$(e2e_systemctl user show -p MainPID --value syncthing.service)
    ucheck "syncthing: after the GUI's restart (exit 3) systemd starts it again" sh -c '
        k=$(sed -n "s:.*<apikey>\(.*\)</apikey>.*:\1:p" ~/.config/syncthing/config.xml)
        curl -sf -X POST -H "X-API-Key: $k" http://127.0.0.1:8384/rest/system/restart >/dev/null
        for i in $(seq 1 30); do
            sleep 0.5
            [ "$(systemctl --user show -p NRestarts --value syncthing.service)" -ge 1 ] &&
                [ "$(systemctl --user show -p ActiveState --value syncthing.service)" = active ] &&
                [ "$(systemctl --user show -p MainPID --value syncthing.service)" != "$1" ] && exit 0
        done
        exit 1' sh "$pid"
    journal_lacks "syncthing: the restart is not logged as a failure (exit-status 3 4 means restart)" \
        "Failed with result" user
    GAP "syncthing: no netlink: it cannot list interfaces (IPv6 local discovery off; IPv4 uses 255.255.255.255)"
    stop user
}

main() {
    local names=("$@") n
    if [ ${#names[@]} -eq 0 ]; then
        for p in examples/gallery/*.pol; do names+=("$(basename "$p" .pol)"); done
    fi
    gallery_rootfs
    e2e_boot
    [ -n "${KEEP:-}" ] || trap 'e2e_shutdown' EXIT
    for n in "${names[@]}"; do
        if declare -f "t_$n" >/dev/null; then "t_$n"; else FAIL "$n: no live test"; fi
    done
    echo "gallery-live: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
main "$@"

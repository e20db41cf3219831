# shellcheck shell=bash
# live/packaging.sh - the packaging step, as a Debian maintainer uses it: the example source
# package examples/packaging/greeterd is built with `dpkg-buildpackage -us -uc -b` on this
# (Debian 12) host, its debian/rules running unitc through greeterd's Makefile. The .deb must
# hold unitc's own output in pkg-config's systemdsystemunitdir, lintian must have nothing to
# say about it, and `dpkg -i` in the booted container must enable and start the service
# (dh_installsystemd's maintainer scripts), which then works: it greets, counts, and keeps
# its count across a restart in the state directory systemd made for it.
# e2e-targets: debian-12
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, live_check) and $LABEL set.

PK_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$PK_WORK"
mkdir -p "$PK_WORK/src" "$PK_WORK/unit"
cp -r "$REPO/examples/packaging/greeterd" "$PK_WORK/src/greeterd"
pk_src=$PK_WORK/src/greeterd
# unitc is not in Debian's archive: it comes from this tree, first on PATH, and the one
# build dependency dpkg cannot see installed is unitc itself.
pk_path=$(dirname "$UNITC"):$PATH
live_check "every build dependency but unitc is installed" \
    sh -c 'cd "$1" && out=$(dpkg-checkbuilddeps 2>&1); [ -z "$out" ] || { echo "$out" | grep -q "Unmet build dependencies: unitc$"; }' sh "$pk_src"
if (cd "$pk_src" && env -u O -u MAKEFLAGS -u MFLAGS -u MAKELEVEL PATH="$pk_path" \
        dpkg-buildpackage -us -uc -b -d) >"$PK_WORK/build.log" 2>&1; then
    pass "$LABEL: dpkg-buildpackage -us -uc -b builds greeterd"
else
    fail "$LABEL: dpkg-buildpackage failed: $(tail -n 5 "$PK_WORK/build.log" | tr '\n' ' ')"
    return 0
fi
pk_deb=$PK_WORK/src/greeterd_1.0_amd64.deb
pk_unitdir=$(pkg-config --variable=systemdsystemunitdir systemd)
dpkg-deb -x "$pk_deb" "$PK_WORK/unpacked"
"$UNITC" --target debian-12 "$REPO/examples/packaging/greeterd/greeterd.pol" \
    -o "$PK_WORK/unit/greeterd.service" >"$PK_WORK/unit/compile.log" 2>&1
live_check "the packaged unit is in pkg-config's systemdsystemunitdir ($pk_unitdir)" \
    test -f "$PK_WORK/unpacked$pk_unitdir/greeterd.service"
live_check "the packaged unit is unitc's output for debian-12, byte for byte" \
    cmp "$PK_WORK/unit/greeterd.service" "$PK_WORK/unpacked$pk_unitdir/greeterd.service"
live_check "the build ran unitc (its exposure line is in the log)" \
    grep -q '^greeterd.service: exposure [0-9.]* ' "$PK_WORK/build.log"
live_check "lintian: no error and no warning" \
    sh -c 'lintian --fail-on error,warning "$1"' sh "$PK_WORK/src/greeterd_1.0_amd64.changes"
live_check "lintian, every level: nothing about the unit" \
    sh -c 'out=$(lintian -I -E --pedantic "$1" 2>&1 | grep -v "root privileges"); echo "$out"; ! echo "$out" | grep -q "greeterd.service"' \
    sh "$PK_WORK/src/greeterd_1.0_amd64.changes"
live_check "dh_installsystemd added the enable and start snippets" \
    sh -c 'dpkg-deb -e "$1" "$2/control" && grep -q "deb-systemd-helper enable .greeterd.service." "$2/control/postinst" &&
           grep -q "deb-systemd-invoke \$_dh_action .greeterd.service." "$2/control/postinst"' sh "$pk_deb" "$PK_WORK"

# Installed the way a user installs it.
e2e_copy_in "$pk_deb" /root/greeterd.deb 0644
pk_greet() { e2e_exec bash -c 'exec 3<>/dev/tcp/127.0.0.1/7790 && head -n 1 <&3'; }
pk_active() {
    local i
    for i in $(seq 50); do
        [ "$(e2e_exec systemctl is-active greeterd.service)" = active ] && return 0
        sleep 0.1
    done
    return 1
}
pk_greets() { [ "$(pk_greet)" = "hello from greeterd, visitor $1" ]; }
pk_enabled() { [ "$(e2e_exec systemctl is-enabled greeterd.service)" = enabled ]; }
pk_sandboxed() {
    local got
    got=$(e2e_exec systemctl show -p DynamicUser -p ProtectSystem -p PrivateUsers greeterd.service | sort | tr '\n' ' ')
    echo "systemctl show: $got"
    [ "$got" = "DynamicUser=yes PrivateUsers=yes ProtectSystem=strict " ]
}
pk_restarted() { e2e_exec systemctl restart greeterd.service && pk_active && pk_greets 3; }
pk_removed() {
    e2e_exec dpkg -r greeterd && [ "$(e2e_exec systemctl is-active greeterd.service)" != active ] &&
        ! e2e_exec test -e "$pk_unitdir/greeterd.service"
}
live_check "dpkg -i installs it in the container" e2e_exec dpkg -i /root/greeterd.deb
live_check "the service is enabled" pk_enabled
live_check "the service started on install" pk_active
live_check "it works: the first visitor is visitor 1" pk_greets 1
live_check "it counts: the second is visitor 2" pk_greets 2
live_check "it runs as a dynamic user, with the unit's sandbox" pk_sandboxed
live_check "after a restart the count goes on (state in /var/lib/greeterd)" pk_restarted
live_check "dpkg -r stops and removes it" pk_removed

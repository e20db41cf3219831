# shellcheck shell=bash disable=SC2016
# (SC2016: the single-quoted `sh -c` scripts below expand $1... inside the
# container, on purpose.)
# tests/e2e/lib.sh - boot a real systemd 252 (Debian 12 "bookworm") in a
# systemd-nspawn container and drive it: install units and drop-ins, start them,
# read their results and journals, for the system manager and for the per-user
# manager of a test user.
#
# Source it (`. tests/e2e/lib.sh`) and call the e2e_* functions; it runs as root.
# It does not set shell options itself; the caller uses `set -euo pipefail`.
#
# Why a container and not the host: the host's PID 1 is not systemd, so the only
# way to see what systemd really does with a unit is to boot a systemd of our own.
# `systemd-nspawn --boot` gives it a PID 1 position, /dev, a cgroup tree and the
# `container=` environment, which is all systemd needs.
#
# Life cycle:
#   e2e_prepare_rootfs     rootfs dir from cache, or debootstrap + cache it
#   e2e_boot               start the container, wait until systemd is up
#   e2e_exec CMD...        run CMD inside the container (all its namespaces)
#   e2e_user_exec CMD...   same, as the test user (uid 1000) with its user bus
#   e2e_wait_user_manager  wait until user@1000.service is up (after boot)
#   e2e_systemctl SCOPE ARGS...         systemctl or systemctl --user
#   e2e_copy_in HOST_FILE PATH MODE [UID:GID]   put a file into the container
#   e2e_install_unit SCOPE SRC          SRC = unit file, or dir with X.service
#                                       and X.service.d/*.conf
#   e2e_install_dropin SCOPE UNIT NAME  drop-in text on stdin
#   e2e_start SCOPE UNIT [SECS]         daemon-reload + start (blocks for oneshot)
#   e2e_wait SCOPE UNIT [SECS]          wait until the unit leaves activating
#   e2e_state SCOPE UNIT                ActiveState/SubState/Result/ExecMainCode/
#                                       ExecMainStatus as KEY=VALUE lines
#   e2e_cursor                          a journal position "now"
#   e2e_journal SCOPE UNIT [CURSOR]     messages of/about UNIT (after CURSOR)
#   e2e_uninstall_unit SCOPE UNIT
#   e2e_shutdown
# SCOPE is "system" or "user" (the manager of user $E2E_USER, uid $E2E_UID).
#
# Tunables (environment), all optional:
#   E2E_NAME       container/cgroup name                 (unitc-e2e); runs
#                  with different names can share the rootfs side by side
#   E2E_STATE_DIR  unpacked rootfs, logs, probe build    (/var/lib/unitc-e2e)
#   E2E_CACHE_DIR  rootfs tarballs, keyed by content     (/var/cache/unitc-e2e)
#   E2E_MIRROR     Debian mirror for debootstrap         (from apt's sources)
#   E2E_BOOT_TIMEOUT seconds                             (60)

E2E_NAME=${E2E_NAME:-unitc-e2e}
E2E_STATE_DIR=${E2E_STATE_DIR:-/var/lib/unitc-e2e}
E2E_CACHE_DIR=${E2E_CACHE_DIR:-/var/cache/unitc-e2e}
E2E_BOOT_TIMEOUT=${E2E_BOOT_TIMEOUT:-60}
# The target to boot: one of unitc's Debian targets (stdlib/targets/NAME.yaml). Policies
# are compiled for it (--target) unless they name their own.
E2E_TARGET=${E2E_TARGET:-debian-12}
E2E_DEBOOTSTRAP_SCRIPT=""   # the suite's own script, unless set
E2E_BACKPORTS=""            # packages upgraded from SUITE-backports after debootstrap
case $E2E_TARGET in
    debian-12) E2E_SUITE=bookworm ;;
    debian-12-backports) E2E_SUITE=bookworm E2E_BACKPORTS="systemd systemd-sysv libpam-systemd libsystemd0 libsystemd-shared udev" ;;
    debian-13) E2E_SUITE=trixie ;;
    # debootstrap on bookworm has no forky script; sid's is the same bootstrap.
    debian-forky) E2E_SUITE=forky E2E_DEBOOTSTRAP_SCRIPT=/usr/share/debootstrap/scripts/sid ;;
    *) printf '[e2e] ERROR: E2E_TARGET=%s: not a target the harness boots (debian-12, debian-12-backports, debian-13, debian-forky)\n' "$E2E_TARGET" >&2
       exit 2 ;;
esac
E2E_USER=unitc
E2E_UID=1000
# Packages inside the rootfs, on top of debootstrap's minbase:
#   systemd systemd-sysv  the manager under test, and /sbin/init
#   dbus libpam-systemd   logind, which starts user@1000.service (lingering)
#   dbus-user-session     the user bus that `systemctl --user` talks to
#   iproute2              `ip netns` / veth for the network fixtures
#   opensnitch iptables   the live test of examples/opensnitch.pol: the real daemon
#                         (1.5.8) and the iptables it drives (NFQUEUE rules)
#   strace                to say which call a sandboxed daemon was denied
# Everything else the tests need is our own static probe binary.
E2E_PACKAGES=systemd,systemd-sysv,dbus,dbus-user-session,libpam-systemd,iproute2,opensnitch,iptables,strace
E2E_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Where the probe binary lives inside the container (readable under
# ProtectSystem=strict, executable by DynamicUser= users).
export E2E_PROBE=/usr/local/libexec/unitc-e2e/probe

e2e_log() { printf '[e2e] %s\n' "$*" >&2; }
e2e_die() { printf '[e2e] ERROR: %s\n' "$*" >&2; exit 1; }
e2e_now() { date +%s.%N; }
e2e_since() { awk -v a="$1" -v b="$(e2e_now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- host side ----

# Install what the host needs to build and boot the rootfs.
e2e_host_deps() {
    local need=()
    command -v systemd-nspawn >/dev/null || need+=(systemd-container)
    command -v debootstrap >/dev/null || need+=(debootstrap)
    command -v zstd >/dev/null || need+=(zstd)
    command -v nsenter >/dev/null || need+=(util-linux)
    command -v cc >/dev/null || need+=(gcc libc6-dev)
    [ ${#need[@]} -eq 0 ] && return 0
    e2e_log "installing host packages: ${need[*]}"
    apt-get update -qq
    # --no-install-recommends: systemd-container recommends libnss-mymachines
    # and friends, which we do not need and which would touch the host's nsswitch.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# The Debian mirror apt already uses (deb822 or one-line sources); debootstrap
# needs a plain URL. It is the only non-local host the harness talks to.
e2e_mirror() {
    if [ -n "${E2E_MIRROR:-}" ]; then echo "$E2E_MIRROR"; return; fi
    local m=""
    if [ -r /etc/apt/sources.list.d/debian.sources ]; then
        m=$(awk '/^URIs:/ { u = $2 } /^Suites:/ { if ($0 !~ /security/ && u != "") { print u; exit } }' \
            /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$m" ] && [ -r /etc/apt/sources.list ]; then
        m=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
            /etc/apt/sources.list)
    fi
    echo "${m:-http://deb.debian.org/debian}"
}

# Changes made to the freshly debootstrapped tree. Its source text is part of the
# cache key, so editing this function invalidates old caches automatically.
e2e_customize_rootfs() {
    local r=$1 u
    echo "$E2E_NAME" >"$r/etc/hostname"
    # The test user, with lingering so logind starts user@1000.service at boot
    # (nobody ever logs in).
    if ! grep -q "^$E2E_USER:" "$r/etc/passwd"; then
        chroot "$r" /usr/sbin/groupadd -g "$E2E_UID" "$E2E_USER"
        chroot "$r" /usr/sbin/useradd -m -u "$E2E_UID" -g "$E2E_UID" -s /bin/bash "$E2E_USER"
    fi
    mkdir -p "$r/var/lib/systemd/linger"
    : >"$r/var/lib/systemd/linger/$E2E_USER"
    # A system account for test policies that say `user e2esvc` (User= of a name
    # that must exist, unlike DynamicUser=; a missing one fails with 217/USER).
    if ! grep -q "^e2esvc:" "$r/etc/passwd"; then
        chroot "$r" /usr/sbin/useradd --system --user-group --no-create-home \
            --home-dir /nonexistent --shell /usr/sbin/nologin e2esvc
    fi
    # The package enables opensnitch.service: at every boot it would queue every
    # new connection of every case through its firewall. The live test starts it
    # on purpose, under Debian's unit and under the compiled one.
    rm -f "$r/etc/systemd/system/multi-user.target.wants/opensnitch.service"
    # No gettys (the console is read-only) and no timers that could fire in the
    # middle of a run and change what the tests observe.
    for u in console-getty.service getty@.service apt-daily.timer apt-daily-upgrade.timer \
        dpkg-db-backup.timer e2scrub_all.timer fstrim.timer systemd-tmpfiles-clean.timer; do
        ln -sf /dev/null "$r/etc/systemd/system/$u"
    done
    # Journal in memory only (every boot is thrown away), and no rate limit:
    # a test must never lose the line it looks for.
    mkdir -p "$r/etc/systemd/journald.conf.d"
    printf '[Journal]\nStorage=volatile\nRateLimitIntervalSec=0\nRateLimitBurst=0\n' \
        >"$r/etc/systemd/journald.conf.d/unitc-e2e.conf"
    # Apt's downloaded lists and archives are dead weight in the cache.
    rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/lib/apt/lists/*_Packages
}

# bookworm-backports' systemd over a bookworm tree (debian-12-backports).
e2e_install_backports() {   # ROOT MIRROR
    local r=$1
    echo "deb $2 $E2E_SUITE-backports main" >"$r/etc/apt/sources.list.d/backports.list"
    # No service may start inside the chroot while packages are configured.
    printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
    chmod 0755 "$r/usr/sbin/policy-rc.d"
    if ! { chroot "$r" apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive chroot "$r" apt-get install -y -qq --no-install-recommends \
               -t "$E2E_SUITE-backports" $E2E_BACKPORTS; } >"$E2E_STATE_DIR/backports.log" 2>&1; then
        tail -20 "$E2E_STATE_DIR/backports.log" >&2
        e2e_die "installing $E2E_BACKPORTS from $E2E_SUITE-backports failed"
    fi
    rm -f "$r/usr/sbin/policy-rc.d"
}

# Cache key: suite + package list + the customisation code.
e2e_rootfs_key() {
    { echo "$E2E_SUITE $E2E_PACKAGES $E2E_USER $E2E_UID $E2E_BACKPORTS"; declare -f e2e_customize_rootfs e2e_install_backports; } |
        sha256sum | cut -c1-16
}

# Sets E2E_ROOT to a ready rootfs directory: the unpacked one if present, else
# unpacked from the cache tarball, else built with debootstrap and cached.
e2e_prepare_rootfs() {
    local key t0 tmp
    key=$(e2e_rootfs_key)
    E2E_ROOT=$E2E_STATE_DIR/rootfs-$key
    local tarball=$E2E_CACHE_DIR/rootfs-$E2E_SUITE-$key.tar.zst
    mkdir -p "$E2E_STATE_DIR" "$E2E_CACHE_DIR"
    # The ".ready" marker is written last, so a half-built tree is never used.
    if [ -f "$E2E_ROOT/.unitc-e2e-ready" ]; then
        return 0
    fi
    # Two runs at once (different E2E_NAMEs) must not build the same tree.
    local lock
    exec {lock}>"$E2E_STATE_DIR/prepare.lock"
    flock "$lock"
    if [ -f "$E2E_ROOT/.unitc-e2e-ready" ]; then
        exec {lock}>&-
        return 0
    fi
    t0=$(e2e_now)
    rm -rf --one-file-system "$E2E_ROOT"
    tmp=$E2E_ROOT.tmp
    rm -rf --one-file-system "$tmp"
    mkdir -p "$tmp"
    if [ -f "$tarball" ]; then
        e2e_log "unpacking cached rootfs $tarball"
        # --numeric-owner: the host's passwd is not the rootfs's; --xattrs keeps
        # file capabilities (e.g. on ping) intact.
        tar --numeric-owner --xattrs --xattrs-include='*' -I zstd -C "$tmp" -xpf "$tarball"
    else
        local mirror
        mirror=$(e2e_mirror)
        e2e_log "debootstrap $E2E_SUITE from $mirror (about a minute; log: $E2E_STATE_DIR/debootstrap-$E2E_TARGET.log)"
        # --variant=minbase: no "important" packages, just what --include adds.
        if ! debootstrap --variant=minbase --include="$E2E_PACKAGES" \
            "$E2E_SUITE" "$tmp" "$mirror" $E2E_DEBOOTSTRAP_SCRIPT >"$E2E_STATE_DIR/debootstrap-$E2E_TARGET.log" 2>&1; then
            tail -20 "$E2E_STATE_DIR/debootstrap-$E2E_TARGET.log" >&2
            e2e_die "debootstrap of $E2E_SUITE failed"
        fi
        [ -z "$E2E_BACKPORTS" ] || e2e_install_backports "$tmp" "$mirror"
        e2e_customize_rootfs "$tmp"
        # -T0: all cores; -6: a good size/speed trade-off (~50 MiB, ~1 s).
        tar --numeric-owner --xattrs --xattrs-include='*' -I 'zstd -T0 -6' -C "$tmp" \
            -cpf "$tarball.tmp" .
        mv "$tarball.tmp" "$tarball"
        e2e_log "cached rootfs as $tarball ($(du -h "$tarball" | cut -f1))"
    fi
    touch "$tmp/.unitc-e2e-ready"
    mv "$tmp" "$E2E_ROOT"
    exec {lock}>&-
    e2e_log "rootfs ready in $(e2e_since "$t0")s: $E2E_ROOT"
}

# ------------------------------------------------------------ the container ----

E2E_RUN_DIR() { echo "$E2E_STATE_DIR/run/$E2E_NAME"; }

# Host PID of systemd-nspawn, and of the container's PID 1.
e2e_nspawn_pid() {
    local p
    p=$(cat "$(E2E_RUN_DIR)/nspawn.pid" 2>/dev/null) || return 1
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = systemd-nspawn ] || return 1
    echo "$p"
}
e2e_leader() {
    local np c
    np=$(e2e_nspawn_pid) || return 1
    # nspawn's child whose comm is "systemd" (it also forks short-lived
    # "(sd-...)" helpers while it sets the container up).
    for c in $(cat /proc/"$np"/task/*/children 2>/dev/null); do
        if [ "$(cat "/proc/$c/comm" 2>/dev/null)" = systemd ]; then
            echo "$c"
            return 0
        fi
    done
    return 1
}
e2e_running() { e2e_leader >/dev/null 2>&1; }

# The host cgroups the container lives in. nspawn creates payload/ and
# supervisor/ under whatever cgroup it was started from, so we start it from a
# dedicated one instead of littering the host's root cgroup.
e2e_cgroup_dirs() {
    local h
    for h in unified systemd; do
        [ -d "/sys/fs/cgroup/$h" ] && echo "/sys/fs/cgroup/$h/$E2E_NAME"
    done
    # A pure cgroup2 host (not this one): the root is the cgroup2 mount.
    [ -f /sys/fs/cgroup/cgroup.controllers ] && echo "/sys/fs/cgroup/$E2E_NAME"
    return 0
}
e2e_cgroup_cleanup() {
    local d
    for d in $(e2e_cgroup_dirs); do
        [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
    done
    return 0
}

e2e_boot() {
    local rd t0 st="" launcher deadline
    rd=$(E2E_RUN_DIR)
    [ -n "${E2E_ROOT:-}" ] || e2e_prepare_rootfs
    if e2e_running; then
        e2e_log "container $E2E_NAME already running; shutting it down first"
        e2e_shutdown
    fi
    mkdir -p "$rd"
    e2e_cgroup_cleanup
    local args=(
        -D "$E2E_ROOT" -M "$E2E_NAME" --boot
        # No machined/host systemd to register with: --register=no alone still
        # makes nspawn ask the host bus for a scope and fail; --keep-unit stops that.
        --register=no --keep-unit
        # Only a loopback: nothing in the container can reach the outside.
        --private-network
        # NOT --console=passive: nobody would drain the pty and PID 1 blocks in
        # write() once it is full. read-only copies it to our log instead.
        --console=read-only
        --link-journal=no --resolv-conf=off --timezone=off
        # Every capability the host has, so the container's systemd can
        # grant and withdraw them like on a real machine.
        --capability=all
        # nspawn's seccomp allow-list lacks bpf(2); without it systemd cannot
        # load cgroup BPF programs and SILENTLY ignores IPAddressDeny=/
        # IPAddressAllow=/DeviceAllow=. perf_event_open(2) is missing too; we
        # add it so that the unsandboxed control can use it like on a host.
        "--system-call-filter=bpf perf_event_open"
        # The rootfs is the read-only lower layer of a tmpfs overlay: every boot
        # starts pristine, and the cached tree is never modified.
        --volatile=overlay
    )
    t0=$(e2e_now)
    (
        # Move this subshell into our own cgroups first (see e2e_cgroup_dirs).
        for d in $(e2e_cgroup_dirs); do
            mkdir -p "$d"
            echo "$BASHPID" >"$d/cgroup.procs"
        done
        # SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1: the container sees a pure cgroup2
        # tree like a stock bookworm host (this host is hybrid). Never 0: that
        # is pure cgroup v1, without the BPF firewall, and poweroff hangs.
        # setsid: detach from our terminal/session and its signals.
        exec setsid env SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 \
            systemd-nspawn "${args[@]}" </dev/null >"$rd/console.log" 2>&1
    ) &
    launcher=$!
    echo "$launcher" >"$rd/nspawn.pid"
    deadline=$(($(date +%s) + E2E_BOOT_TIMEOUT))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if ! kill -0 "$launcher" 2>/dev/null || grep -q '^State:.*Z' "/proc/$launcher/status" 2>/dev/null; then
            tail -30 "$rd/console.log" >&2
            e2e_die "systemd-nspawn exited during boot"
        fi
        if e2e_running; then
            st=$(e2e_exec systemctl is-system-running 2>/dev/null) || true
            case "$st" in running | degraded) break ;; esac
        fi
        sleep 0.1
    done
    case "$st" in
        running) ;;
        degraded)
            e2e_log "container booted degraded:"
            e2e_exec systemctl --failed --no-legend --plain >&2 || true
            ;;
        *) e2e_die "container did not boot within ${E2E_BOOT_TIMEOUT}s (state '$st'); see $rd/console.log" ;;
    esac
    e2e_log "booted in $(e2e_since "$t0")s (container PID 1 = host pid $(e2e_leader))"
}

# Clean poweroff; SIGTERM to nspawn, then SIGKILL of the container's PID 1 as
# fallbacks. Only ever signals the PIDs we recorded.
e2e_shutdown() {
    local np l
    np=$(e2e_nspawn_pid) || { e2e_cgroup_cleanup; return 0; }
    l=$(e2e_leader) || l=""
    e2e_exec systemctl poweroff --no-block >/dev/null 2>&1 || true
    for _ in $(seq 1 150); do kill -0 "$np" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$np" 2>/dev/null; then
        # nspawn turns SIGTERM into a halt request for the container.
        e2e_log "poweroff timed out; SIGTERM to nspawn $np"
        kill -TERM "$np" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$np" 2>/dev/null || break; sleep 0.1; done
    fi
    if kill -0 "$np" 2>/dev/null; then
        # Killing the container's PID 1 takes its whole PID namespace with it.
        e2e_log "SIGKILL to container PID 1 ($l) and nspawn ($np)"
        [ -n "$l" ] && kill -KILL "$l" 2>/dev/null
        sleep 0.5
        kill -KILL "$np" 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$(E2E_RUN_DIR)/nspawn.pid"
    e2e_cgroup_cleanup
}

# Run a command in all namespaces of the container's PID 1, with a clean
# environment. Such a process is outside the container's cgroups and seccomp
# filter: fine for systemctl/journalctl/ip/cat; workloads go through units.
e2e_exec() {
    local l
    l=$(e2e_leader) || e2e_die "container not running"
    # E2E_TIMEOUT (seconds) bounds the command, e.g. a `systemctl start` that hangs.
    ${E2E_TIMEOUT:+timeout "$E2E_TIMEOUT"} nsenter -t "$l" -a -- /usr/bin/env -i PATH="$E2E_PATH" LANG=C.UTF-8 TERM=dumb \
        SYSTEMD_PAGER= SYSTEMD_COLORS=0 "$@"
}

# Same, as the test user, with what `systemctl --user` needs to find its manager.
e2e_user_exec() {
    local l
    l=$(e2e_leader) || e2e_die "container not running"
    ${E2E_TIMEOUT:+timeout "$E2E_TIMEOUT"} nsenter -t "$l" -a -S "$E2E_UID" -G "$E2E_UID" -- /usr/bin/env -i PATH="$E2E_PATH" \
        HOME="/home/$E2E_USER" USER="$E2E_USER" LOGNAME="$E2E_USER" LANG=C.UTF-8 TERM=dumb \
        SYSTEMD_PAGER= SYSTEMD_COLORS=0 XDG_RUNTIME_DIR="/run/user/$E2E_UID" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/$E2E_UID/bus" "$@"
}

# The user manager is started by logind after boot; is-system-running does not
# wait for it.
e2e_wait_user_manager() {
    for _ in $(seq 1 100); do
        if [ "$(e2e_exec systemctl show -p ActiveState --value "user@$E2E_UID.service")" = active ] &&
            e2e_exec test -S "/run/user/$E2E_UID/systemd/private"; then
            return 0
        fi
        sleep 0.1
    done
    e2e_die "user@$E2E_UID.service did not come up"
}

# systemctl for a scope.
e2e_systemctl() {
    local scope=$1
    shift
    if [ "$scope" = user ]; then e2e_user_exec systemctl --user "$@"; else e2e_exec systemctl "$@"; fi
}

# Where units of a scope are installed. For the user scope this is the user's
# own ~/.config/systemd/user (the place a user would put them).
e2e_unit_dir() {
    if [ "$1" = user ]; then echo "/home/$E2E_USER/.config/systemd/user"; else echo /etc/systemd/system; fi
}

# Copy a file from the host into the container (through nsenter, because the
# rootfs directory is the overlay's lower layer and must not be written to).
e2e_copy_in() {   # HOST_FILE CONTAINER_PATH MODE [OWNER]
    e2e_exec sh -c 'mkdir -p "$(dirname "$1")" && cat >"$1" && chmod "$2" "$1" && chown "$3" "$1"' \
        sh "$2" "$3" "${4:-0:0}" <"$1"
}

# Install a unit: SRC is a unit file, or a directory holding X.service and
# optionally X.service.d/*.conf (the shape unitc emits). Does not daemon-reload.
e2e_install_unit() {
    local scope=$1 src=$2 dest owner=0:0
    dest=$(e2e_unit_dir "$scope")
    [ "$scope" = user ] && owner=$E2E_UID:$E2E_UID
    if [ -d "$src" ]; then
        tar -C "$src" --owner=0 --group=0 -cf - . |
            e2e_exec sh -c 'mkdir -p "$1" && tar -C "$1" --no-same-owner -xf - && chown -R "$2" "$1"' sh "$dest" "$owner"
    else
        e2e_exec sh -c 'mkdir -p "$1"' sh "$dest"
        e2e_copy_in "$src" "$dest/$(basename "$src")" 0644 "$owner"
    fi
    [ "$scope" = user ] && e2e_exec chown -R "$owner" "/home/$E2E_USER/.config"
    return 0
}

# Add a drop-in (text on stdin) as UNIT.d/NAME.conf.
e2e_install_dropin() {   # SCOPE UNIT NAME
    local scope=$1 unit=$2 name=$3 dest owner=0:0
    dest=$(e2e_unit_dir "$scope")/$unit.d
    [ "$scope" = user ] && owner=$E2E_UID:$E2E_UID
    e2e_exec sh -c 'mkdir -p "$1" && cat >"$1/$2.conf" && chown -R "$3" "$1"' sh "$dest" "$name" "$owner"
}

e2e_uninstall_unit() {   # SCOPE UNIT
    local d
    d=$(e2e_unit_dir "$1")
    e2e_systemctl "$1" stop "$2" >/dev/null 2>&1 || true
    e2e_systemctl "$1" reset-failed "$2" >/dev/null 2>&1 || true
    e2e_exec rm -rf "$d/$2" "$d/$2.d"
    e2e_systemctl "$1" daemon-reload
}

# A journal position "now". It is the cursor of an entry we log ourselves
# (inclusive --cursor=, not --after-cursor=: journalctl 252 with field matches
# skips the first match after a cursor that does not itself match).
e2e_cursor() {
    local tag="e2e-mark-$$-$RANDOM$RANDOM"
    e2e_exec logger -t "$tag" "unitc-e2e mark"
    e2e_exec journalctl --sync >/dev/null 2>&1 || true
    e2e_exec journalctl -q -n1 --show-cursor -o cat SYSLOG_IDENTIFIER="$tag" | sed -n 's/^-- cursor: //p'
}

# daemon-reload and start UNIT. For Type=oneshot this returns when the service
# has finished (or after SECS). Never fails: the outcome is read with e2e_state.
e2e_start() {   # SCOPE UNIT [SECS]
    local scope=$1 unit=$2 secs=${3:-60}
    e2e_systemctl "$scope" daemon-reload
    e2e_systemctl "$scope" reset-failed "$unit" >/dev/null 2>&1 || true
    E2E_TIMEOUT=$secs e2e_systemctl "$scope" start "$unit" >/dev/null 2>&1 || true
}

# Wait until UNIT is no longer activating/deactivating (for units that are not
# oneshot, or were started with --no-block).
e2e_wait() {   # SCOPE UNIT [SECS]
    local scope=$1 unit=$2 secs=${3:-60} st
    for _ in $(seq 1 $((secs * 10))); do
        st=$(e2e_systemctl "$scope" show -p ActiveState --value "$unit")
        case "$st" in activating | deactivating | reloading) sleep 0.1 ;; *) return 0 ;; esac
    done
    return 1
}

# systemd's view of UNIT, one KEY=VALUE per line. NB: a unit that finished
# successfully and has no RemainAfterExit=yes is garbage-collected at once and
# then shows pristine defaults; the harness's probe drop-in sets
# RemainAfterExit=yes so that the state stays readable.
e2e_state() {   # SCOPE UNIT
    e2e_systemctl "$1" show "$2" -p LoadState,ActiveState,SubState,Result,ExecMainCode,ExecMainStatus
}

# Messages of UNIT (its own output and the manager's lines about it), after
# CURSOR if given. SYSLOG_IDENTIFIER is matched too, because journald sometimes
# fails to attribute the last lines of a short-lived process to its unit.
e2e_journal() {   # SCOPE UNIT [CURSOR]
    local scope=$1 unit=$2 ca=() ident=${2%.*}
    [ -n "${3:-}" ] && ca=(--cursor="$3")
    e2e_exec journalctl --sync >/dev/null 2>&1 || true
    if [ "$scope" = user ]; then
        e2e_exec journalctl --no-pager -q -o cat "${ca[@]}" \
            _SYSTEMD_USER_UNIT="$unit" + USER_UNIT="$unit" + SYSLOG_IDENTIFIER="$ident"
    else
        e2e_exec journalctl --no-pager -q -o cat "${ca[@]}" \
            _SYSTEMD_UNIT="$unit" + UNIT="$unit" + SYSLOG_IDENTIFIER="$ident"
    fi
}

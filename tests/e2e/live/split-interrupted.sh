# shellcheck shell=bash
# live/split-interrupted.sh - a split compile killed at any rename never leaves a service
# systemd would start without its sandbox. Before, NAME.service was renamed into place
# first: killed there, a first install was a unit running as root with every capability.
# The compiler is killed (tests/output/failpoint.c, preloaded) before its 1st, 2nd, ...
# rename until a run completes; whatever it left is installed into the container, and the
# real manager's view of it must be "not found" or the whole sandbox (DynamicUser=yes, no
# capabilities, ProtectSystem=strict).
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, live_check) and $LABEL set.

SI_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$SI_WORK"
mkdir -p "$SI_WORK"
cat >"$SI_WORK/e2e-split.pol" <<'POL'
service e2e-split {
    type oneshot
    exec /bin/true
    listens on tcp 8095 via socket
}
POL
if ! cc -shared -fPIC -o "$SI_WORK/failpoint.so" "$REPO/tests/output/failpoint.c" -ldl 2>"$SI_WORK/cc.log"; then
    fail "$LABEL: cannot build tests/output/failpoint.c: $(tail -1 "$SI_WORK/cc.log")"
else
    for n in 1 2 3 4 5 6; do
        out=$SI_WORK/out-$n
        mkdir -p "$out"
        # (a subshell, so that the shell's "Killed" notice goes to /dev/null too)
        (LD_PRELOAD=$SI_WORK/failpoint.so FAILPOINT_ONLY=rename FAILPOINT_KILL=$n \
            "$UNITC" --layout=split "$SI_WORK/e2e-split.pol" -o "$out/e2e-split.service" >/dev/null 2>&1
         exit $?) 2>/dev/null
        rc=$?
        left=$(cd "$out" && find . -type f ! -name '.*' | sort | tr '\n' ' ')
        e2e_uninstall_unit system e2e-split.service >/dev/null 2>&1 || true
        e2e_exec rm -rf /etc/systemd/system/e2e-split.service /etc/systemd/system/e2e-split.service.d \
            /etc/systemd/system/e2e-split.socket
        if [ -f "$out/e2e-split.service" ]; then
            e2e_install_unit system "$out"
        elif [ -d "$out/e2e-split.service.d" ]; then
            e2e_exec mkdir -p /etc/systemd/system/e2e-split.service.d
            e2e_copy_in "$out/e2e-split.service.d/50-unitc-sandbox.conf" \
                /etc/systemd/system/e2e-split.service.d/50-unitc-sandbox.conf 0644
        fi
        e2e_systemctl system daemon-reload
        show=$(e2e_systemctl system show -p LoadState -p DynamicUser -p CapabilityBoundingSet -p ProtectSystem \
            e2e-split.service)
        printf 'kill before rename %s (exit %s), left: %s\n%s\n' "$n" "$rc" "$left" "$show" >>"$SI_WORK/seen.txt"
        if grep -qx 'LoadState=not-found' <<<"$show"; then
            pass "$LABEL: killed before rename $n: no e2e-split.service to start (left: ${left:-nothing})"
        elif grep -qx 'DynamicUser=yes' <<<"$show" && grep -qx 'CapabilityBoundingSet=' <<<"$show" &&
             grep -qx 'ProtectSystem=strict' <<<"$show"; then
            pass "$LABEL: $([ "$rc" = 0 ] && echo "whole run" || echo "killed before rename $n"): the unit systemd loads has its sandbox (left: $left)"
        else
            fail "$LABEL: killed before rename $n: systemd loads e2e-split.service without its sandbox: $(tr '\n' ' ' <<<"$show")"
        fi
        [ "$rc" = 0 ] && break
    done
    e2e_exec rm -rf /etc/systemd/system/e2e-split.service /etc/systemd/system/e2e-split.service.d \
        /etc/systemd/system/e2e-split.socket
    e2e_systemctl system daemon-reload
fi

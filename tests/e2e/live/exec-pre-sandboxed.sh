# shellcheck shell=bash
# live/exec-pre-sandboxed.sh - every command of a compiled unit runs in its sandbox, the
# `exec-pre` ones too: no PermissionsStartOnly=, no '+'/'!' prefix can reach the unit (the
# escape hatch refuses them), so the pre-command runs as the service's dynamic user, with
# no capabilities, NoNewPrivileges and a read-only /etc.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, compile_policy, live_check) and $LABEL set.

EP_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$EP_WORK"
mkdir -p "$EP_WORK/out"
cat >"$EP_WORK/e2e-exec-pre.pol" <<'POL'
service e2e-exec-pre {
    type oneshot
    exec-pre /bin/sh -c "id -u > /run/e2e-exec-pre/uid; grep -E '^(CapEff|CapBnd|NoNewPrivs):' /proc/self/status > /run/e2e-exec-pre/status; if touch /etc/e2e-exec-pre 2>/dev/null; then echo wrote; else echo denied; fi > /run/e2e-exec-pre/etc"
    exec /bin/true
    writes /run/e2e-exec-pre
    directive Service RemainAfterExit yes
}
POL
if ! compile_policy "$EP_WORK/e2e-exec-pre.pol" "$EP_WORK/out" >"$EP_WORK/compile.log" 2>&1; then
    fail "$LABEL: unitc failed: $(tail -2 "$EP_WORK/compile.log" | tr '\n' ' ')"
else
    e2e_install_unit system "$EP_WORK/out"
    e2e_start system e2e-exec-pre.service 20
    ep_uid=$(e2e_exec cat /run/e2e-exec-pre/uid 2>/dev/null)
    ep_status=$(e2e_exec cat /run/e2e-exec-pre/status 2>/dev/null)
    ep_etc=$(e2e_exec cat /run/e2e-exec-pre/etc 2>/dev/null)
    printf 'uid=%s\n%s\netc=%s\n' "$ep_uid" "$ep_status" "$ep_etc" >"$EP_WORK/seen.txt"
    live_check "exec-pre ran (Result=$(e2e_systemctl system show -p Result --value e2e-exec-pre.service))" \
        test -n "$ep_uid"
    live_check "exec-pre runs as the dynamic user, not root (uid $ep_uid)" \
        test -n "$ep_uid" -a "${ep_uid:-0}" != 0
    live_check "exec-pre holds no capability" grep -q '^CapEff:[[:space:]]*0*$' "$EP_WORK/seen.txt"
    live_check "exec-pre has an empty bounding set" grep -q '^CapBnd:[[:space:]]*0*$' "$EP_WORK/seen.txt"
    live_check "exec-pre runs with NoNewPrivileges" grep -q '^NoNewPrivs:[[:space:]]*1$' "$EP_WORK/seen.txt"
    live_check "exec-pre cannot write /etc ($ep_etc)" test "$ep_etc" = denied
    e2e_uninstall_unit system e2e-exec-pre.service >/dev/null 2>&1 || true
fi
# The escape hatch can no longer take the pre-command out: PermissionsStartOnly= made it
# run as uid 0 with every capability while the exposure check said 0.2 SAFE.
sed 's/^    directive Service RemainAfterExit yes$/&\n    directive Service PermissionsStartOnly yes/' \
    "$EP_WORK/e2e-exec-pre.pol" >"$EP_WORK/e2e-exec-pre-pso.pol"
live_check "unitc refuses PermissionsStartOnly= (exit 1, nothing written)" \
    sh -c '! "$1" "$2" -o "$3/x.service" && [ ! -e "$3/x.service" ] && grep -q PermissionsStartOnly "$2"' \
    sh "$UNITC" "$EP_WORK/e2e-exec-pre-pso.pol" "$EP_WORK"

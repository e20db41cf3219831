# shellcheck shell=bash
# live/exit-status.sh - `exit-status CODE... means success|restart|stop`, read by the real
# manager: exit 3 counts as a clean exit; exit 4 as a clean exit to restart after, even
# with `restart no`; exit 5 stops a `restart always` service for good.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, compile_policy) and $LABEL set.

XS_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$XS_WORK"
mkdir -p "$XS_WORK"

xs_show() { e2e_systemctl system show -p "$2" --value "$1.service"; }

# NAME CODE RESTART MEANING: a service that exits CODE, compiled and started.
xs_run() {
    mkdir -p "$XS_WORK/$1"
    cat >"$XS_WORK/$1.pol" <<POL
service $1 {
    exec /bin/sh -c "exit $2"
    restart $3 after 1s
    exit-status $2 means $4
}
POL
    if ! compile_policy "$XS_WORK/$1.pol" "$XS_WORK/$1" >"$XS_WORK/$1.log" 2>&1; then
        fail "$LABEL: unitc failed on $1: $(tail -2 "$XS_WORK/$1.log" | tr '\n' ' ')"
        return 1
    fi
    e2e_install_unit system "$XS_WORK/$1"
    e2e_start system "$1.service" 20
}

if xs_run e2e-xs-success 3 no success; then
    sleep 1
    live_check "exit 3 means success: Result=success" test "$(xs_show e2e-xs-success Result)" = success
    e2e_uninstall_unit system e2e-xs-success.service >/dev/null 2>&1 || true
fi
if xs_run e2e-xs-restart 4 no restart; then
    sleep 4
    n=$(xs_show e2e-xs-restart NRestarts)
    live_check "exit 4 means restart: restarted under \`restart no\` ($n)" test "${n:-0}" -ge 2
    e2e_uninstall_unit system e2e-xs-restart.service >/dev/null 2>&1 || true
fi
if xs_run e2e-xs-stop 5 always stop; then
    sleep 3
    live_check "exit 5 means stop: no restart under \`restart always\`" \
        test "$(xs_show e2e-xs-stop NRestarts)" = 0
    live_check "exit 5 means stop: it failed" test "$(xs_show e2e-xs-stop Result)" = exit-code
    e2e_uninstall_unit system e2e-xs-stop.service >/dev/null 2>&1 || true
fi

# shellcheck shell=bash
# live/forking.sh - `type forking` with `pid-file`: a daemon that forks and writes its pid
# file into the folder the policy gives it, started by the real manager.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, compile_policy) and $LABEL set.
#
# What it shows: the start returns once the parent has exited, systemd takes the PID in
# the file as the main PID (the forked child, not the shell), the service stays active
# under the sandbox (as a dynamic user, in /run/e2e-fork), and a stop ends the child.

FK_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$FK_WORK"
mkdir -p "$FK_WORK"

cat >"$FK_WORK/e2e-fork.pol" <<'POL'
service e2e-fork {
    description "unitc e2e: a forking daemon with a pid file"
    type forking
    exec /bin/sh -c "sleep 600 & echo $! > /run/e2e-fork/e2e-fork.pid"
    pid-file /run/e2e-fork/e2e-fork.pid
    writes /run/e2e-fork
}
POL
if compile_policy "$FK_WORK/e2e-fork.pol" "$FK_WORK/unit" >"$FK_WORK/compile.log" 2>&1; then
    e2e_install_unit system "$FK_WORK/unit"
    e2e_start system e2e-fork.service 30
    e2e_systemctl system show e2e-fork.service >"$FK_WORK/show.txt" 2>&1
    main=$(e2e_systemctl system show -p MainPID --value e2e-fork.service)
    live_check "active after the parent exited" \
        test "$(e2e_systemctl system show -p ActiveState --value e2e-fork.service)" = active
    live_check "main PID is the one in the pid file ($main)" \
        test "$(e2e_exec cat /run/e2e-fork/e2e-fork.pid)" = "$main"
    live_check "the main process is the forked sleep, not the shell" \
        test "$(e2e_exec cat "/proc/$main/comm")" = sleep
    e2e_systemctl system stop e2e-fork.service
    live_check "a stop ends it (no process $main in the container)" e2e_exec sh -c '! test -e "/proc/$1"' sh "$main"
    e2e_uninstall_unit system e2e-fork.service >/dev/null 2>&1 || true
else
    fail "$LABEL: unitc failed: $(tail -3 "$FK_WORK/compile.log" | tr '\n' ' ')"
fi

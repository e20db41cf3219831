# shellcheck shell=bash
# live/timer.sh - `schedule`: the .timer unitc writes beside the service, started
# by the real manager, for a system and a per-user service.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the
# harness's functions (e2e_*, pass, fail, compile_policy) and $LABEL set.
#
# What it shows:
#   - `schedule every 2s`: after the timer starts, the sandboxed oneshot runs
#     again and again (each run appends a line to a file it owns), and every run
#     succeeds; the timer triggers the service of the same name;
#   - the same as a per-user service, whose timer the user's manager runs;
#   - calendar schedules (`daily`, `on mon..fri at 03:30`): systemd accepts them
#     (a next elapse time), and `systemctl enable` hooks the timer into
#     timers.target.

TM_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$TM_WORK"
mkdir -p "$TM_WORK"

# How many lines FILE in the container has (0 if it is missing).
tm_lines() { e2e_exec sh -c 'cat "$1" 2>/dev/null | wc -l' sh "$1"; }

tm_compile() {   # NAME: compile $TM_WORK/NAME.pol into $TM_WORK/NAME
    if ! compile_policy "$TM_WORK/$1.pol" "$TM_WORK/$1" >"$TM_WORK/$1.compile.log" 2>&1; then
        fail "$LABEL: unitc failed on $1.pol: $(tail -3 "$TM_WORK/$1.compile.log" | tr '\n' ' ')"
        return 1
    fi
    [ -f "$TM_WORK/$1/$1.timer" ] || { fail "$LABEL: no $1.timer written"; return 1; }
}

# Start the timer of NAME in SCOPE, wait SECS, and check the runs recorded in FILE.
tm_interval() {   # SCOPE NAME FILE
    local scope=$1 name=$2 file=$3 n
    tm_compile "$name" || return 0
    e2e_install_unit "$scope" "$TM_WORK/$name"
    e2e_systemctl "$scope" daemon-reload
    e2e_systemctl "$scope" start "$name.timer"
    live_check "$scope: $name.timer is active" \
        test "$(e2e_systemctl "$scope" show -p ActiveState --value "$name.timer")" = active
    live_check "$scope: $name.timer triggers $name.service" \
        test "$(e2e_systemctl "$scope" show -p Triggers --value "$name.timer")" = "$name.service"
    sleep 12
    e2e_systemctl "$scope" stop "$name.timer"
    e2e_wait "$scope" "$name.service" 10 || true
    n=$(tm_lines "$file")
    echo "$scope $name: $n runs" >>"$TM_WORK/checks.log"
    live_check "$scope: every 2s, the service ran at least 3 times in 12 s ($n)" test "$n" -ge 3
    live_check "$scope: no run failed" \
        test "$(e2e_systemctl "$scope" show -p Result --value "$name.service")" = success
    e2e_journal "$scope" "$name.service" >"$TM_WORK/$name.journal" 2>&1 || true
    e2e_uninstall_unit "$scope" "$name.timer" >/dev/null 2>&1 || true
    e2e_uninstall_unit "$scope" "$name.service" >/dev/null 2>&1 || true
}

cat >"$TM_WORK/e2e-tick.pol" <<'EOF'
service e2e-tick {
    description "unitc e2e: an interval timer"
    type oneshot
    exec /bin/sh -c "date +%s.%N >> /var/lib/e2e-tick/runs"
    writes /var/lib/e2e-tick
    schedule every 2s
}
EOF
tm_interval system e2e-tick /var/lib/e2e-tick/runs

cat >"$TM_WORK/e2e-utick.pol" <<'EOF'
service e2e-utick {
    description "unitc e2e: a per-user interval timer"
    manager user
    type oneshot
    exec /bin/sh -c "date +%s.%N >> $HOME/.local/state/e2e-utick/runs"
    writes ~/.local/state/e2e-utick
    schedule every 2s
}
EOF
# systemd 252 cannot create a folder in a user's home for the service: the user does.
e2e_user_exec sh -c 'rm -rf ~/.local/state/e2e-utick && mkdir -p ~/.local/state/e2e-utick'
tm_interval user e2e-utick "/home/$E2E_USER/.local/state/e2e-utick/runs"

cat >"$TM_WORK/e2e-cal.pol" <<'EOF'
service e2e-cal {
    description "unitc e2e: calendar timers"
    type oneshot
    exec /bin/true
    schedule daily spread 1h
    schedule on mon..fri at 03:30
}
EOF
if tm_compile e2e-cal; then
    e2e_install_unit system "$TM_WORK/e2e-cal"
    e2e_systemctl system daemon-reload
    e2e_systemctl system enable --now e2e-cal.timer >>"$TM_WORK/checks.log" 2>&1
    live_check "calendar: the timer has a next elapse time" sh -c \
        '[ -n "$1" ] && [ "$1" != n/a ]' sh "$(e2e_systemctl system show -p NextElapseUSecRealtime --value e2e-cal.timer)"
    live_check "calendar: enabled under timers.target" \
        e2e_exec test -L /etc/systemd/system/timers.target.wants/e2e-cal.timer
    e2e_systemctl system show -p TimersCalendar --value e2e-cal.timer >"$TM_WORK/e2e-cal.calendar"
    live_check "calendar: systemd parsed both schedules" sh -c \
        'grep -q "OnCalendar=\*-\*-\* 00:00:00" "$1" && grep -q "OnCalendar=Mon..Fri \*-\*-\* 03:30:00" "$1"' \
        sh "$TM_WORK/e2e-cal.calendar"
    e2e_systemctl system disable --now e2e-cal.timer >/dev/null 2>&1 || true
    e2e_uninstall_unit system e2e-cal.timer >/dev/null 2>&1 || true
fi

# verify.sh - sourced by the runners: checks emitted units with systemd-analyze verify.
#
# verify_units DIR USER: runs `systemd-analyze verify` on every unit in DIR and prints its
# stderr, less the one line that says a binary is missing from this machine (the units name
# programs of the packages they are for). Empty output means systemd accepts the units.
# Prints "skip" when systemd-analyze is not installed.
verify_units() {
        local dir=$1 user=$2 units=() out rt
        if ! command -v systemd-analyze >/dev/null 2>&1; then
                echo skip
                return 0
        fi
        for f in "$dir"/*.service "$dir"/*.socket "$dir"/*.timer; do
                [ -e "$f" ] && units+=("$f")
        done
        [ ${#units[@]} -gt 0 ] || return 0
        if [ "$user" = user ]; then
                # A per-user verify needs a runtime folder with a systemd/ inside.
                rt=$(mktemp -d)
                mkdir -p "$rt/systemd"
                out=$(XDG_RUNTIME_DIR=$rt systemd-analyze --user verify --man=no "${units[@]}" 2>&1 >/dev/null)
                rm -rf "$rt"
        else
                out=$(systemd-analyze verify --man=no "${units[@]}" 2>&1 >/dev/null)
        fi
        printf '%s\n' "$out" | grep -v -E ': Command .* is not executable: No such file or directory$' | grep -v '^$' || true
}

# exposure_of UNIT USER: the overall exposure systemd-analyze security --offline=true gives
# the unit (e.g. 2.9), scored as a user unit when USER is "user".
exposure_of() {
        local unit=$1 user=$2 rt flags=() out
        [ "$user" = user ] && flags=(--user)
        rt=$(mktemp -d)
        mkdir -p "$rt/systemd"
        out=$(XDG_RUNTIME_DIR=$rt systemd-analyze security "${flags[@]}" --offline=true --no-pager "$unit" 2>/dev/null)
        rm -rf "$rt"
        printf '%s\n' "$out" | sed -n 's/^→ Overall exposure level for .*: \([0-9.]*\) .*/\1/p' | tail -n1
}

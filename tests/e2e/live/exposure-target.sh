# shellcheck shell=bash
# live/exposure-target.sh - the exposure check of each target is its own systemd-analyze's:
# every example and gallery policy, compiled for the booted target, must give with
# `unitc --exposure-table` exactly the table (every row and the overall line, byte for
# byte) that the container's own `systemd-analyze security --offline=true` prints for the
# compiled unit.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail, live_check) and $LABEL set. systemd-analyze runs with SYSTEMD_UTF8=1
# and a TERM that is not dumb, as unitc draws its table in UTF-8 with the emoji.

XT_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$XT_WORK"
mkdir -p "$XT_WORK"
for pol in "$REPO"/examples/*.pol "$REPO"/examples/gallery/*.pol; do
    n=$(basename "$pol" .pol)
    out=$XT_WORK/$n
    mkdir -p "$out"
    name=$(sed -n 's/^[[:space:]]*service[[:space:]]\{1,\}\([^[:space:]{]*\).*/\1/p' "$pol" | head -n 1)
    if ! "$UNITC" --target="$E2E_TARGET" --exposure-table "$pol" -o "$out/$name.service" >"$XT_WORK/$n.ours" 2>"$XT_WORK/$n.err"; then
        fail "$LABEL: $n: unitc --target=$E2E_TARGET failed: $(tail -n 2 "$XT_WORK/$n.err" | tr '\n' ' ')"
        continue
    fi
    scope=()
    grep -q '^[[:space:]]*manager[[:space:]]\{1,\}user' "$pol" && scope=(--user)
    e2e_exec rm -rf "/run/unitc-exposure/$n"
    e2e_exec mkdir -p "/run/unitc-exposure/$n"
    tar -C "$out" -cf - . | e2e_exec tar -C "/run/unitc-exposure/$n" -xf -
    # shellcheck disable=SC2016  # expanded in the container
    e2e_exec sh -c 'rt=$(mktemp -d); mkdir -p "$rt/systemd"; XDG_RUNTIME_DIR=$rt SYSTEMD_UTF8=1 TERM=xterm-256color systemd-analyze security "$@" --offline=true --no-pager 2>/dev/null; rm -rf "$rt"' \
        sh ${scope[@]+"${scope[@]}"} "/run/unitc-exposure/$n/$name.service" >"$XT_WORK/$n.real" || true
    if [ -s "$XT_WORK/$n.real" ] && cmp -s "$XT_WORK/$n.ours" "$XT_WORK/$n.real"; then
        pass "$LABEL: $n: the same table as $E2E_TARGET's systemd-analyze ($(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$XT_WORK/$n.real"))"
    else
        fail "$LABEL: $n: unitc's table differs from $E2E_TARGET's systemd-analyze (work/$LABEL/$n.ours, .real): $(diff "$XT_WORK/$n.ours" "$XT_WORK/$n.real" | sed -n 2p)"
    fi
done
e2e_exec rm -rf /run/unitc-exposure

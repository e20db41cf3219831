# shellcheck shell=bash
# live/verify-target.sh - every example and gallery policy, compiled for the booted target,
# is accepted by that target's own `systemd-analyze verify` with nothing on stderr (less
# the lines saying a command of a package this rootfs lacks is not executable; --man=no,
# as the rootfs has no manual pages). Per-user policies are verified with --user.
#
# Sourced by tests/e2e/run in a subshell, with the container up and the harness's
# functions (e2e_*, pass, fail) and $LABEL set.

VT_WORK=$(E2E_RUN_DIR)/work/$LABEL
rm -rf "$VT_WORK"
mkdir -p "$VT_WORK"
for pol in "$REPO"/examples/*.pol "$REPO"/examples/gallery/*.pol; do
    n=$(basename "$pol" .pol)
    out=$VT_WORK/$n
    mkdir -p "$out"
    name=$(sed -n 's/^[[:space:]]*service[[:space:]]\{1,\}\([^[:space:]{]*\).*/\1/p' "$pol" | head -n 1)
    if ! "$UNITC" --target="$E2E_TARGET" "$pol" -o "$out/$name.service" >"$VT_WORK/$n.out" 2>"$VT_WORK/$n.err"; then
        fail "$LABEL: $n: unitc --target=$E2E_TARGET failed: $(tail -n 2 "$VT_WORK/$n.err" | tr '\n' ' ')"
        continue
    fi
    scope=()
    grep -q '^[[:space:]]*manager[[:space:]]\{1,\}user' "$pol" && scope=(--user)
    e2e_exec rm -rf "/run/unitc-verify/$n"
    e2e_exec mkdir -p "/run/unitc-verify/$n"
    tar -C "$out" -cf - . | e2e_exec tar -C "/run/unitc-verify/$n" -xf -
    # shellcheck disable=SC2016  # expanded in the container
    e2e_exec sh -c 'rt=$(mktemp -d); mkdir -p "$rt/systemd"; d=$1; shift
        XDG_RUNTIME_DIR=$rt systemd-analyze "$@" verify --man=no "$d"/*.service $(ls "$d"/*.socket "$d"/*.timer 2>/dev/null) 2>&1 >/dev/null
        rm -rf "$rt"' sh "/run/unitc-verify/$n" ${scope[@]+"${scope[@]}"} >"$VT_WORK/$n.verify" || true
    grep -v -E ': Command .* is not executable: No such file or directory$' "$VT_WORK/$n.verify" | grep -v '^$' >"$VT_WORK/$n.complaints" || true
    if [ -s "$VT_WORK/$n.complaints" ]; then
        fail "$LABEL: $n: $E2E_TARGET's systemd-analyze verify complains: $(head -n 2 "$VT_WORK/$n.complaints" | tr '\n' ' ')"
    else
        pass "$LABEL: $n: $E2E_TARGET's systemd-analyze verify accepts it"
    fi
done
e2e_exec rm -rf /run/unitc-verify

#!/usr/bin/env bash
# Runs every test suite (tests/*/run, in name order), shows its output, and adds up the
# "N passed, N failed" line each one ends with. Exits non-zero if any suite failed or
# did not report.
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
export UNITC=${UNITC:-$PWD/$O/unitc} O
total_pass=0 total_fail=0
for t in "$O"/tests/test_*; do
        [ -x "$t" ] || continue
        out=$("$t" 2>&1); rc=$?
        printf '%s\n' "$out" | grep -E '^\[  (FAILED|PASSED)  \]|^\[  ERROR   \]' | sed "s|^|$(basename "$t"): |"
        p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
        f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
        p=${p:-0} f=${f:-0}
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$out" | tail -n 20; fi
        [ "$f" -gt 0 ] && printf '%s\n' "$out" | grep -E 'FAIL|ERROR|Failure|error' | head -n 20
        total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
done
for suite in tests/*/run; do
        [ -x "$suite" ] || continue
        case "$suite" in tests/e2e/run|tests/bench/run) continue ;; esac
        echo "== $suite"
        out=$("$suite" 2>&1); rc=$?
        printf '%s\n' "$out"
        line=$(printf '%s\n' "$out" | grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' | tail -n1)
        p=$(printf '%s\n' "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
        f=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
        p=${p:-0} f=${f:-0}
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$suite: exited $rc without reporting a failure"; fi
        total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

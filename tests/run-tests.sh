#!/bin/sh
# run-tests.sh: runs the C unit test binaries and the end-to-end scripts,
# reads their TAP, and ends with "N passed, N failed, N skipped". Fails when
# anything failed, crashed, or when no test ran at all.
#   UNIT_DIR  directory of unit test binaries     PLANSOK  binary for e2e
#   ONLY=unit|e2e   run one family                T=pattern  only matching files
set -u
LC_ALL=C.UTF-8; export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0 skipped=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

run_one() { # name, command...
    name=$1; shift
    "$@" >"$out" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$out" | tr -d ' ')
    s=$(grep -c '^ok .*# *[Ss][Kk][Ii][Pp]' "$out" | tr -d ' ')
    f=$(grep -c '^not ok ' "$out" | tr -d ' ')
    p=$((p - s))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc" >>"$out"
    fi
    if [ "$f" -gt 0 ] || [ -n "${VERBOSE:-}" ]; then
        sed 's/^/    /' "$out"
    fi
    printf '%-34s %3d passed, %d failed, %d skipped\n' "$name" "$p" "$f" "$s"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

if [ "${ONLY:-unit}" = unit ] || [ -z "${ONLY:-}" ]; then
    for t in "${UNIT_DIR:-$top/build/tests}"/test-*; do
        [ -x "$t" ] || continue
        case "$t" in *.o|*.d) continue ;; esac
        case "$(basename "$t")" in *${T:-}*) ;; *) continue ;; esac
        run_one "unit/$(basename "$t")" "$t"
    done
fi
if [ "${ONLY:-e2e}" = e2e ] || [ -z "${ONLY:-}" ]; then
    for t in "$top"/tests/e2e/t[0-9]*.sh; do
        case "$(basename "$t")" in *${T:-}*) ;; *) continue ;; esac
        run_one "e2e/$(basename "$t" .sh)" sh "$t"
    done
fi
total=$((passed + failed))
if [ "$total" -eq 0 ]; then
    echo "no tests ran"
    echo "0 passed, 0 failed"
    exit 1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

# lib.sh: helpers for the end-to-end tests, sourced by tests/e2e/t*.sh.
# Each script gets a scratch directory, speaks TAP, and fails a check when
# plansok dies by a signal (exit code above 128) whatever was expected.
set -u
LC_ALL=C.UTF-8; export LC_ALL
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PLANSOK=${PLANSOK:-$TOP/build/plansok}
CORPUS=$TOP/corpus
FIXTURES=$TOP/tests/fixtures
SHARED=${SHARED:-$TOP/../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/plansok-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
unset PLANSOK_DB XDG_DATA_HOME
n=0 fails=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# need_real DESC: ends the script with one skipped check DESC when the
# shared real PDFs (../shared/realplans) are not on this machine
need_real() {
    if [ ! -f "$SHARED/realplans/MANIFEST.tsv" ]; then
        skip "$1" "no $SHARED/realplans (the shared real PDFs are not on this machine)"
        done_testing
        exit 0
    fi
}

# check DESC COMMAND...: passes when the command succeeds
check() {
    d=$1; shift
    if "$@" >"$TMP/check.out" 2>&1; then ok "$d"; else not_ok "$d" "$(head -c 600 "$TMP/check.out")"; fi
}

# run_ps CODE DESC ARGS...: runs plansok, output in $TMP/out and $TMP/err,
# passes when it exits with CODE
run_ps() {
    want=$1 d=$2; shift 2
    "$PLANSOK" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -gt 128 ]; then
        not_ok "$d" "plansok died by signal $((rc - 128))" "$(head -c 400 "$TMP/err")"
    elif [ "$rc" -eq "$want" ]; then
        ok "$d"
    else
        not_ok "$d" "exit $rc, wanted $want" "$(head -c 400 "$TMP/err")"
    fi
}

# one_line RC CODE DESC PATTERN [GREP_OPTION]: the plansok just run (exit
# RC, stderr in $TMP/err) exited with CODE and said one line that matches
# PATTERN (an extended regular expression, or with -F a fixed string)
one_line() {
    if [ "$1" -eq "$2" ] && [ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q "${5:--E}" -e "$4" "$TMP/err"; then
        ok "$3"
    else
        not_ok "$3" "exit $1, wanted $2" "$(head -c 400 "$TMP/err")"
    fi
}

done_testing() {
    echo "1..$n"
    [ "$fails" -eq 0 ]
}

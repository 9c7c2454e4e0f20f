#!/bin/sh
# t015-build: only 'make deps' (and the targets that run it first) installs
# Debian packages. Compiling an object, linking a binary or plain 'make' may
# check that packages are there, but never runs apt-get, even as root and
# with no stamp saying the packages were found. Dry runs (make -n) into a
# scratch build directory, so nothing is built or installed.
. "$(dirname "$0")/lib.sh"

# Run from 'make check', the outer make's flags (-j, SAN=1 ...) and jobserver
# would leak in through the environment.
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! command -v make >/dev/null 2>&1; then
    skip "make never installs while building" "no make on PATH"
    done_testing
    exit 0
fi
B=$TMP/b
mk() { make --no-print-directory -C "$TOP" B="$B" FB="$TMP/fb" DEPS_STAMP="$TMP/none" "$@"; }

# dry_run NAME DESC MAKE-ARGS...: make -n into $TMP/NAME; passes when make
# knows how to make the targets and the commands it would run do not
# mention apt-get
dry_run() {
    name=$1 d=$2; shift 2
    if ! mk -n "$@" >"$TMP/$name" 2>&1; then
        not_ok "$d would not run apt-get" "make -n failed: $(head -c 300 "$TMP/$name")"
    elif grep -q 'apt-get' "$TMP/$name"; then
        not_ok "$d would not run apt-get" "$(grep -o '.\{0,20\}apt-get install.\{0,50\}' "$TMP/$name" | head -n 1)"
    else
        ok "$d would not run apt-get"
    fi
}

dry_run obj "compiling a C object" "$B/core/util.o"
dry_run cxx "compiling a C++ object" "$B/index/xapian-open.o"
check "... the dry runs compile something" sh -c "grep -q -- ' -c -o .*util.o' '$TMP/obj' && grep -q -- ' -c -o .*xapian-open.o' '$TMP/cxx'"
dry_run all "plain make (all)" all
unit=$(cd "$TOP/tests/unit" && ls test-*.c | sed -n '1s/\.c$//p')
dry_run bins "linking the binaries, a unit test and the tools" \
    -B "$B/plansok" "$B/tests/$unit" "$B/eval-sections" "$B/eval-search" "$B/bench-query"
dry_run fuzz "building a fuzz object and harness" -B "$TMP/fb/core/util.o" "$TMP/fb/fuzz-text"
dry_run render "building the corpus renderer" -B build/render

mk -n deps >"$TMP/deps" 2>&1
check "make -n deps would install with apt-get" grep -q 'apt-get install' "$TMP/deps"
for goal in check demo; do
    mk -n -j2 "$goal" >"$TMP/$goal" 2>&1
    first_apt=$(grep -n -m 1 'apt-get install' "$TMP/$goal" | cut -d: -f1)
    first_cc=$(grep -n -m 1 -- ' -c -o ' "$TMP/$goal" | cut -d: -f1)
    check "make -n -j2 $goal installs packages before compiling anything" \
        test "${first_apt:-99999}" -lt "${first_cc:-0}"
done

# With a package missing, a real build stops at once with one line naming it
# and 'make deps' (run only when the dry run showed it cannot install).
if grep -q 'apt-get' "$TMP/obj"; then
    not_ok "a missing package stops the build with one line" "not run: the build would install"
else
    mk DEB_PKGS=plansok-no-such-package "$B/core/util.o" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -ne 0 ] && [ ! -e "$B/core/util.o" ] && [ "$(grep -c plansok: "$TMP/err")" -eq 1 ] &&
        grep -q "plansok-no-such-package.*make deps" "$TMP/err"; then
        ok "a missing package stops the build with one line"
    else
        not_ok "a missing package stops the build with one line" "exit $rc" "$(head -c 400 "$TMP/err")"
    fi
fi
done_testing

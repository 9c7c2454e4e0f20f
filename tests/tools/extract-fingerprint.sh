#!/bin/sh
# extract-fingerprint.sh DUMP [--write]: a line "SET VERSION SHA256" for
# what ingest makes of corpus/ and, when present, ../shared/realplans
# (tests/tools/extract-dump.c, DUMP the built tool): printed, or with
# --write written to tests/data/extract-fingerprint.tsv. Run with --write
# after bumping PS_EXTRACT_VERSION for a change to what ingest makes.
set -u
DUMP=$1
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$TOP/../shared}
LC_ALL=C.UTF-8; export LC_ALL
unset PLANSOK_WORDLIST
v=$("$DUMP" --version) || exit 2
line() { # set dir
    [ -d "$2" ] || return 0
    sum=$(find "$2" -maxdepth 1 -name '*.pdf' | sort | xargs "$DUMP" | sha256sum | cut -c1-64)
    printf '%s\t%s\t%s\n' "$1" "$v" "$sum"
}
out=$( line corpus "$TOP/corpus"; line realplans "$SHARED/realplans" )
if [ "${2:-}" = --write ]; then
    f=$TOP/tests/data/extract-fingerprint.tsv
    old=$(grep -v '^#' "$f" 2>/dev/null)
    {
        echo "# What ingest makes of corpus/ and ../shared/realplans (tests/tools/extract-dump.c) under"
        echo "# PS_EXTRACT_VERSION: set, version, SHA-256. t105-extract-version fails when it changes while"
        echo "# the version stays; written by tests/tools/extract-fingerprint.sh --write."
        echo "$out"
        # a set not on this machine keeps its line
        echo "$old" | while IFS='	' read -r s rest; do
            if [ -n "$s" ] && ! echo "$out" | grep -q "^$s	"; then printf '%s\t%s\n' "$s" "$rest"; fi
        done
    } > "$f.tmp" || exit 2
    mv "$f.tmp" "$f"
    cat "$f"
else
    echo "$out"
fi

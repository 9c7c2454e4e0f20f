#!/bin/sh
# extract-fingerprint.sh DUMP [--write]: what ingest makes of each PDF of
# corpus/ and, when present, ../shared/realplans, as the SHA-256 of
# tests/tools/extract-dump.c's output (DUMP: the built tool), under the
# lines "version N" (PS_EXTRACT_VERSION), "poppler V" and "words H" (the
# Swedish word list's SHA-256, or none): printed, or with --write written
# to tests/data/extract-fingerprint.tsv. Run with --write after bumping
# PS_EXTRACT_VERSION for a change to what ingest makes, or when a set's
# files change. Exits 2 when the dump fails.
set -u
DUMP=$1
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$TOP/../shared}
LC_ALL=C.UTF-8; export LC_ALL
unset PLANSOK_WORDLIST
WORDS=/usr/share/dict/swedish
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
{
    printf 'version\t%s\n' "$("$DUMP" --version)" || exit 2
    printf 'poppler\t%s\n' "$(dpkg-query -W -f='${Version}' libpoppler-glib8 2>/dev/null || echo unknown)"
    if [ -r "$WORDS" ]; then printf 'words\t%s\n' "$(sha256sum < "$WORDS" | cut -c1-64)"; else printf 'words\tnone\n'; fi
    for set in corpus realplans; do
        dir=$TOP/corpus
        [ $set = realplans ] && dir=$SHARED/realplans
        [ -d "$dir" ] || continue
        for f in "$dir"/*.pdf; do
            [ -e "$f" ] || continue
            "$DUMP" "$f" > "$tmp" || { echo "extract-fingerprint: extract-dump failed on $f" >&2; exit 2; }
            printf '%s\t%s\t%s\n' "$set" "${f##*/}" "$(sha256sum < "$tmp" | cut -c1-64)"
        done
    done
} > "$tmp.out" || { rm -f "$tmp.out"; exit 2; }
if [ "${2:-}" = --write ]; then
    f=$TOP/tests/data/extract-fingerprint.tsv
    {
        echo "# What ingest makes of each PDF of corpus/ and ../shared/realplans, as the SHA-256 of"
        echo "# tests/tools/extract-dump's output, under PS_EXTRACT_VERSION, this poppler and this word list."
        echo "# t105-extract-version fails when it changes while the version stays. Written by"
        echo "# tests/tools/extract-fingerprint.sh build/extract-dump --write."
        cat "$tmp.out"
        # a set not on this machine keeps its lines
        if [ -f "$f" ]; then
            for set in corpus realplans; do
                grep -q "^$set	" "$tmp.out" || grep "^$set	" "$f"
            done
        fi
    } > "$f.tmp" || exit 2
    mv "$f.tmp" "$f"
fi
cat "$tmp.out"
rm -f "$tmp.out"

#!/bin/sh
# langcheck.sh: runs the language and garbled-text detectors (ingest/lang.c)
# over real PDFs, one line per file: detected language, garbled pages /
# pages, file. Text comes from pdftotext (poppler-utils). A measurement,
# not a test; 'make check' does not run it.
#   sh tests/tools/langcheck.sh [-v] [DIR|FILE.pdf ...]
# Defaults to /work/shared/realpdfs and /work/shared/realplans.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=${B:-build}
V=
if [ "${1:-}" = -v ]; then V=-v; shift; fi
[ $# -gt 0 ] || set -- /work/shared/realpdfs /work/shared/realplans
command -v pdftotext >/dev/null || { echo "langcheck.sh: needs pdftotext (apt-get install poppler-utils)" >&2; exit 2; }
make -C "$TOP" --no-print-directory "$B/libplansok.a" >/dev/null
cc -std=c11 -D_XOPEN_SOURCE=700 -I"$TOP" -I"$TOP/core" -o "$TOP/$B/langcheck" \
    "$TOP/tests/tools/langcheck.c" "$TOP/$B/libplansok.a" -lm
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for arg in "$@"; do
    if [ -d "$arg" ]; then find "$arg" -maxdepth 1 -iname '*.pdf' | sort; else echo "$arg"; fi
done | while IFS= read -r pdf; do
    txt=$TMP/$(basename "$pdf").txt
    pdftotext -enc UTF-8 "$pdf" "$txt" 2>/dev/null || { echo "?   pdftotext failed: $pdf"; continue; }
    "$TOP/$B/langcheck" $V "$txt" | sed "s|$TMP/||; s|\.pdf\.txt|.pdf|"
done

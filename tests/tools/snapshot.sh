#!/bin/sh
# snapshot.sh BIN OUTDIR: every command's output in every format over the
# corpus, the test fixtures and (when present) ../shared/realplans and
# ../shared/realpdfs, one file per command line, so that two builds can be
# compared byte by byte (diff -r A B) after a change that must not change
# what plansok prints. Not part of make check (it takes a minute or two).
set -u
BIN=$1 OUT=$2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$TOP/../shared}
LC_ALL=C.UTF-8; export LC_ALL
unset PLANSOK_DB XDG_DATA_HOME
rm -rf "$OUT" && mkdir -p "$OUT"
DB=$OUT/.db
run() { # name args...
    name=$1; shift
    "$BIN" "$@" >"$OUT/$name" 2>&1
    echo "exit $?" >>"$OUT/$name"
}
set_db() { DB=$1; }
queries='kompetensförsörjning
"hälso- och sjukvård"
ESF
vuxenutbildning
folkhalsa
e-hälsa
kompetensförsörjning lan:jönköping
regionalt utvecklingsprogram
övriga
Övriga
budget year:2013..2014
mål section:mal
cykel
nonexistentwordxyz'
snap_db() { # tag
    tag=$1
    for f in text json csv md; do
        run "$tag-docs.$f" docs --db "$DB" --format $f
        run "$tag-budget.$f" budget --db "$DB" --format $f
    done
    "$BIN" docs --db "$DB" --format csv 2>/dev/null | tail -n +2 | cut -d, -f1 | sort -u | while read -r file; do
        for f in text json csv md; do
            run "$tag-show-$file.$f" show --db "$DB" --passages --format $f "$file"
        done
    done
    i=0
    echo "$queries" | while read -r q; do
        i=$((i + 1))
        for f in text json csv md; do
            run "$tag-search$i.$f" search --db "$DB" --limit 30 --format $f "$q"
            run "$tag-matrix$i.$f" matrix --db "$DB" --format $f "$q"
            run "$tag-compare$i.$f" compare --db "$DB" --format $f "$q"
        done
        run "$tag-search$i-mal.json" search --db "$DB" --section mal --format json "$q"
        run "$tag-report$i.md" report --db "$DB" "$q"
        run "$tag-report$i.html" report --db "$DB" --format html "$q"
    done
    for r in jönköping västernorrland norrbotten stockholm skåne "västra götaland"; do
        for f in text json csv md; do
            run "$tag-goals-$r.$f" goals --db "$DB" --region "$r" --format $f
            run "$tag-goals-$r-q.$f" goals --db "$DB" --region "$r" --format $f regionalt utvecklingsprogram
        done
    done
}
DB=$OUT/.db-corpus
run ingest-corpus ingest -q --db "$DB" "$TOP/corpus" "$TOP/tests/budget" "$TOP/tests/fixtures"
sort -o "$OUT/ingest-corpus" "$OUT/ingest-corpus" # workers finish in any order
snap_db corpus
if [ -d "$SHARED/realplans" ]; then
    DB=$OUT/.db-real
    run ingest-real ingest -q --db "$DB" "$SHARED/realplans" "$SHARED/realpdfs"
    sort -o "$OUT/ingest-real" "$OUT/ingest-real"
    snap_db real
fi
rm -rf "$OUT"/.db-*
echo "snapshot: $(ls "$OUT" | wc -l) files in $OUT"

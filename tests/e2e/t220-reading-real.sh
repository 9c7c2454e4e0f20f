#!/bin/sh
# t220-reading-real: reading order of real pages (tests/data/reading-real.tsv):
# tables whose cells hold prose read a cell at a time, and the lists, tables
# of figures, prose and columns around them as a reader reads them. One check
# per case, on build/dump-lines FILE PAGE (its lines, without their places).
. "$(dirname "$0")/lib.sh"
DUMP=${DUMP:-$(dirname "$PLANSOK")/dump-lines}

need_real "reading order of real PDFs"
tab=$(printf '\t')
grep -v '^#' "$TOP/tests/data/reading-real.tsv" > "$TMP/cases"
while IFS="$tab" read -r file page kind a b why; do
    pdf="$SHARED/realplans/$file"
    [ -f "$pdf" ] || pdf="$SHARED/realpdfs/$file"
    "$DUMP" "$pdf" "$page" > "$TMP/page" 2>&1
    # the text of each line, after its four numbers
    sed -n 's/^ *[^ =][^ ]* *[^ ]* *[^ ]* *[^ ]*  *//p' "$TMP/page" > "$TMP/text"
    case $kind in
    follows)
        check "$file p$page: $why" awk -v a="$a" -v b="$b" \
            'prev == a && $0 == b { found = 1 } { prev = $0 } END { exit !found }' "$TMP/text" ;;
    line)
        check "$file p$page: $why" awk -v a="$a" '$0 == a { found = 1 } END { exit !found }' "$TMP/text" ;;
    columns)
        check "$file p$page: $why" grep -q "^=== page $page (.*, $a columns)" "$TMP/page" ;;
    *)
        not_ok "$file p$page: unknown check '$kind'" ;;
    esac
done < "$TMP/cases"
done_testing

#!/bin/bash
# t680-twins-and-edits.sh: what incremental ingest makes of copies and
# edits (issue 15, items 5 and 20): the indexed one of two identical files
# edited, the same file reached three ways, an edit within the second that
# keeps the size.
. "$(dirname "$0")/lib.sh"

KFVN=$CORPUS/kfvn-vp-2013.pdf   # says "Energikontor Västernorrland"
RFJL=$CORPUS/rfjl_vp_budget_2014.pdf

# hits FILE QUERY: the files of the passages that match, one per line
hits() {
    "$PLANSOK" search --db "$1" --format json --limit 200 "$2" 2>/dev/null |
        python3 -c 'import json,sys; print("\n".join(sorted({h["file"] for h in json.load(sys.stdin)["hits"]})))'
}

# --- item 5: the indexed one of two copies is edited --------------------------
mkdir -p "$TMP/two"
cp "$KFVN" "$TMP/two/a.pdf"
cp "$KFVN" "$TMP/two/b.pdf"
run_ps 0 "two copies ingested" ingest -q -j 1 --db "$TMP/db5" "$TMP/two"
indexed=$("$PLANSOK" docs --db "$TMP/db5" 2>/dev/null | grep -o '^[ab]\.pdf')
other=$([ "$indexed" = a.pdf ] && echo b.pdf || echo a.pdf)
check "one copy is indexed ($indexed)" test "$(printf '%s\n' "$indexed" | wc -l)" -eq 1
cp "$RFJL" "$TMP/two/$indexed"
run_ps 0 "the indexed copy edited: ingest again" ingest --db "$TMP/db5" "$TMP/two"
if grep -q "same contents" "$TMP/err"; then
    not_ok "no false 'same contents' line" "$(cat "$TMP/err")"
else
    ok "no false 'same contents' line"
fi
check "the edit is an update, the other copy's contents moved to it" \
    grep -q "0 added, 1 updated, 1 moved, 0 unchanged" "$TMP/err"
check "the other copy's contents are still found, under its own name" \
    test "$(hits "$TMP/db5" Energikontor)" = "$other"
check "the edited file's new contents are found" test "$(hits "$TMP/db5" Jönköpings)" = "$indexed"
run_ps 0 "a third run" ingest --db "$TMP/db5" "$TMP/two"
check "changes nothing" grep -q "0 added, 0 updated, 0 moved, 2 unchanged" "$TMP/err"

# a copy whose indexed twin is only touched stays a copy
mkdir -p "$TMP/touched"
cp "$KFVN" "$TMP/touched/a.pdf"
cp "$KFVN" "$TMP/touched/b.pdf"
"$PLANSOK" ingest -q -j 1 --db "$TMP/dbt" "$TMP/touched/a.pdf" 2>/dev/null
touch -d '2001-02-03 04:05:06' "$TMP/touched/a.pdf"
run_ps 0 "the copy of a touched file" ingest --db "$TMP/dbt" "$TMP/touched/b.pdf"
check "is a copy" grep -q "has the same contents as '.*a.pdf'; indexed once" "$TMP/err"

# --- item 20: the same file reached three ways, on a fresh index ---------------
mkdir -p "$TMP/same/d" "$TMP/same/e"
cp "$KFVN" "$TMP/same/d/a.pdf"
ln -s a.pdf "$TMP/same/d/link.pdf"
ln -s . "$TMP/same/d/loop"
ln -s ../d "$TMP/same/e/x"
cd "$TMP/same" || exit 1
run_ps 0 "one file given three times, through a link and a loop" \
    ingest --db "$TMP/db20" d/a.pdf d/a.pdf ./d/a.pdf d/link.pdf d d/loop e
check "counts it once, as added" grep -q "1 added, 0 updated, 0 moved, 0 unchanged" "$TMP/err"
check "with no other line" test "$(wc -l < "$TMP/err")" -eq 1
cd "$TOP" || exit 1

# --- item 20: an edit that keeps the size and the whole second ----------------
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/v1.pdf" "Planen gäller vattenledningarna i kommunen"
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/v2.pdf" "Planen gäller kollektivtrafiken i kommunen"
mkdir -p "$TMP/edit"
cp "$TMP/v1.pdf" "$TMP/edit/plan.pdf"
touch -d '2024-05-06 07:08:09.100000000' "$TMP/edit/plan.pdf"
if [ "$(stat -c %y "$TMP/edit/plan.pdf")" = "$(touch -d '2024-05-06 07:08:09' "$TMP/v1.pdf"; stat -c %y "$TMP/v1.pdf")" ]; then
    skip "an edit within the second" "this file system keeps whole seconds only"
else
    run_ps 0 "a plan ingested" ingest -q --db "$TMP/dbe" "$TMP/edit"
    cp "$TMP/v2.pdf" "$TMP/edit/plan.pdf"
    touch -d '2024-05-06 07:08:09.900000000' "$TMP/edit/plan.pdf"
    run_ps 0 "edited within the same second, the size kept" ingest --db "$TMP/dbe" "$TMP/edit"
    check "is an update" grep -q "0 added, 1 updated, 0 moved, 0 unchanged" "$TMP/err"
    check "its new words are found" test "$(hits "$TMP/dbe" kollektivtrafiken)" = plan.pdf
    check "its old words are not" test -z "$(hits "$TMP/dbe" vattenledningarna)"
    run_ps 0 "again" ingest --db "$TMP/dbe" "$TMP/edit"
    check "unchanged, without reading it" grep -q "0 updated, 0 moved, 1 unchanged" "$TMP/err"
fi

done_testing

#!/bin/sh
# t610-terms: no document can make a term Xapian refuses (over 245 bytes),
# and a document the index cannot take is skipped on one line without
# losing the documents of its batch (a refusal inside Xapian's unflushed
# transaction once cancelled the whole batch: the good files before it
# were reported as added and were not in the index).
. "$(dirname "$0")/lib.sh"

G1="$CORPUS/kfvn-vp-2013.pdf" G2="$CORPUS/rfjl_vp_budget_2014.pdf"
# an author that detection takes as the organisation: its O term would be
# 'O' + 298 bytes (73 x U+1D400, four bytes each in UTF-8)
long=$(python3 -c 'print("\U0001D400" * 73)')
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/long-author.pdf" --author "Regionförbundet X$long" \
    "Verksamhetsplan 2015 for regional utveckling" \
    "Regionen ska arbeta med kompetensforsorjning och infrastruktur i hela lanet." \
    "Insatser: utbildning, bredband och lokaltrafik i glesbygden."

# findable FILE DESC QUERY...: a search that names FILE among its hits
findable() {
    f=$1 d=$2; shift 2
    "$PLANSOK" search --db "$TMP/db" --format csv "$@" > "$TMP/found" 2>&1
    check "$d" grep -q "$(basename "$f")" "$TMP/found"
}

run_ps 0 "a PDF whose organisation is 300 bytes long indexes between two good ones" \
    ingest -j 1 --db "$TMP/db" "$G1" "$TMP/long-author.pdf" "$G2"
check "... all three are indexed" grep -q "3 added" "$TMP/err"
"$PLANSOK" docs --db "$TMP/db" --format csv > "$TMP/docs" 2>&1
check "... and listed, with the whole name" sh -c "test \$(tail -n +2 '$TMP/docs' | wc -l) -eq 3 && grep -q 'Regionförbundet X$long' '$TMP/docs'"
findable "$G1" "the good file before it is findable" "kompetensförsörjning" --year 2013
findable "$G2" "the good file after it is findable" "kompetensförsörjning" --year 2014
findable "$TMP/long-author.pdf" "the long organisation is found by org:" "org:\"Regionförbundet X$long\""
findable "$TMP/long-author.pdf" "... and by its start, past which the term is cut" \
    "org:\"Regionförbundet X$(python3 -c 'print("\U0001D400" * 70)')\""

# a document the index refuses (test hook: a 300-byte term that bypasses
# the bounds) is skipped; the batch it was in is kept
rm -rf "$TMP/db"
PLANSOK_TEST_LONG_TERM=long-author run_ps 3 "a document the index refuses is skipped with exit 3" \
    ingest -j 1 --db "$TMP/db" "$G1" "$TMP/long-author.pdf" "$G2"
check "... on one line naming it" sh -c "test \$(grep -c . '$TMP/err') -eq 2 &&
    grep -q \"^plansok: skipping '$TMP/long-author.pdf': the index cannot take it: a term of 300 bytes\" '$TMP/err'"
check "... and the two good files are indexed" grep -q "ingested 2 documents.* 2 added.*skipped 1" "$TMP/err"
findable "$G1" "... the one before it is findable" "kompetensförsörjning" --year 2013
findable "$G2" "... the one after it is findable" "kompetensförsörjning" --year 2014
done_testing

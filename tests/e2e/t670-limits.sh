#!/bin/sh
# t670-limits: what one document may bring into the index is limited in the
# parent, whatever its worker did. A small PDF whose pages all draw one
# content stream is much text (a 640 kB file of 4,000 pages once cost the
# parent 30 s and 440 MB and wrote a 200 MB index, as the worker's limits
# bound only the worker). Each limit is set low by its option here, so the
# files stay small: a document over one is skipped on one line naming the
# limit and its option (exit 3) and the run goes on, with workers and with
# --in-process; an answer longer than the limits allow is not read at all
# (a worker that announces a terabyte, by the test hook).
. "$(dirname "$0")/lib.sh"

G1="$CORPUS/kfvn-vp-2013.pdf" G2="$CORPUS/rfjl_vp_budget_2014.pdf" G3="$CORPUS/Storsthlm-Verksamhetsplan-och-budget-2018.pdf"

# shared PAGES OUT: a PDF of PAGES pages that all draw one content stream of
# 46 lines (3.4 kB of text a page; the file is about 130 bytes a page)
shared() {
    python3 - "$1" "$2" "$TOP/tests/tools" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
from pdfwrite import lines_content, shared_pages_pdf
lines = ['Rad %d: kommunen ska arbeta med kompetensforsorjning och regional utveckling i lanet' % k for k in range(1, 47)]
open(sys.argv[2], 'wb').write(shared_pages_pdf(lines_content(lines), int(sys.argv[1])))
PY
}
# ingest_t CODE DESC ARGS...: ingest into a new index under a deadline, so
# that a hang fails
ingest_t() {
    want=$1 d=$2; shift 2
    rm -rf "$TMP/db"
    timeout -k 5 60 "$PLANSOK" ingest --db "$TMP/db" "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    check "$d (exit $rc; 124 is a hang)" test "$rc" -eq "$want"
}
# says LINE N: stderr holds LINE exactly and has N lines in all (the summary too)
says() {
    check "... one line: $1" sh -c 'grep -qxF "$1" "$2" && test "$(wc -l < "$2")" -eq "$3"' - "$1" "$TMP/err" "$2"
}
# indexed N: the summary counts N documents
indexed() {
    check "... the others are indexed ($1)" grep -q "ingested $1 document" "$TMP/err"
}

shared 30 "$TMP/pages30.pdf"
shared 400 "$TMP/text400.pdf"

# --- each limit, by its option ------------------------------------------------
for how in "-j 1" "--in-process"; do
    ingest_t 3 "$how: more pages than --max-pages: exit 3" $how --max-pages 25 "$G1" "$TMP/pages30.pdf" "$G2"
    says "plansok: skipping '$TMP/pages30.pdf': too large for the index: 30 pages (the limit is 25; --max-pages)" 2
    indexed 2
    ingest_t 3 "$how: more passages than --max-passages" $how --max-passages 40 "$G2" "$G1"
    says "plansok: skipping '$G2': too large for the index: 55 passages (the limit is 40; --max-passages)" 2
    indexed 1
    ingest_t 3 "$how: more text than --max-text" $how --max-text 1 "$TMP/text400.pdf" "$G1"
    says "plansok: skipping '$TMP/text400.pdf': too large for the index: 1.3 MB of text (the limit is 1 MB; --max-text)" 2
    indexed 1
    ingest_t 3 "$how: more headings than --max-headings" $how --max-headings 20 "$G2" "$G1"
    says "plansok: skipping '$G2': too large for the index: 42 headings (the limit is 20; --max-headings)" 2
    indexed 1
    ingest_t 3 "$how: more budget rows than --max-budget-rows" $how --max-budget-rows 2 "$G3" "$G1"
    says "plansok: skipping '$G3': too large for the index: 3 budget rows (the limit is 2; --max-budget-rows)" 2
    indexed 1
done

# --- at the limit, without a limit, and the defaults ---------------------------
ingest_t 0 "a document at every limit is indexed" --max-pages 29 --max-passages 60 --max-headings 34 \
    --max-budget-rows 3 --max-text 1 "$G1" "$G3"
ingest_t 0 "0 is no limit" --max-pages 0 --max-passages 0 --max-text 0 --max-headings 0 --max-budget-rows 0 \
    "$TMP/pages30.pdf" "$G1"
ingest_t 0 "the defaults take the corpus" "$CORPUS"
ingest_t 2 "a limit is a number" --max-pages lots "$G1"

# --- an answer longer than the limits is not read ------------------------------
# The worker begins an answer of a terabyte and hangs: the parent stops
# reading at 4 x --max-text + 1 MB, stops that worker at once (no waiting
# for the deadline), and the files queued behind it go to a fresh one.
cp "$G1" "$TMP/huge.pdf"
PLANSOK_TEST_WORKER=huge PLANSOK_TEST_WORKER_MATCH=huge.pdf; export PLANSOK_TEST_WORKER PLANSOK_TEST_WORKER_MATCH
ingest_t 3 "a worker that announces a terabyte: exit 3, long before the deadline" -j 1 --timeout 50 \
    "$TMP/huge.pdf" "$G2" "$G3"
says "plansok: skipping '$TMP/huge.pdf': too large for the index: its worker's answer is 1048576.0 MB (the limit is 65 MB: 4 times --max-text, and 1 MB)" 2
indexed 2
ingest_t 3 "... with --max-text 2 the limit is 9 MB" -j 1 --max-text 2 "$TMP/huge.pdf" "$G2"
check "... and says so" grep -q "(the limit is 9 MB: " "$TMP/err"
unset PLANSOK_TEST_WORKER PLANSOK_TEST_WORKER_MATCH

# --- a file too large is not even read ------------------------------------------
# The parent hashes every file before a worker sees it (the document's id);
# an 8 GB sparse file took 28 s. Over --max-file it is skipped by its size.
if truncate -s 8G "$TMP/sparse.pdf" 2>/dev/null; then
    ingest_t 3 "an 8 GB sparse file: exit 3, the others indexed" -j 1 "$G1" "$TMP/sparse.pdf" "$G2"
    says "plansok: skipping '$TMP/sparse.pdf': too large to read: 8.0 GB (the limit is 1024 MB; --max-file)" 2
    indexed 2
else
    skip "an 8 GB sparse file" "truncate cannot make one here"
fi
head -c 1200000 /dev/zero > "$TMP/big.pdf"
cat "$G1" >> "$TMP/big.pdf"
for how in "-j 1" "--in-process"; do
    ingest_t 3 "$how: a file over --max-file 1" $how --max-file 1 "$TMP/big.pdf" "$G2"
    says "plansok: skipping '$TMP/big.pdf': too large to read: 1.2 MB (the limit is 1 MB; --max-file)" 2
    indexed 1
done
ingest_t 0 "--max-file 0 is no limit" --max-file 0 "$G2"

# --- the options are listed ------------------------------------------------------
run_ps 0 "ingest --help lists the limits" ingest --help
for o in max-pages max-passages max-text max-headings max-budget-rows max-file; do
    check "... --$o" grep -q -- "--$o" "$TMP/out"
done

done_testing

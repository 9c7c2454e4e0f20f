#!/bin/sh
# t110-bad-input: each broken fixture gets its own one-line message naming
# the file, exit code 3, the good files still index, and nothing already
# indexed is lost.
. "$(dirname "$0")/lib.sh"

expect_skip() { # fixture, message
    run_ps 3 "$1 is skipped with exit code 3" ingest --db "$TMP/db" "$FIXTURES/$1"
    if [ "$(wc -l < "$TMP/err")" -eq 2 ] && grep -q "skipping '$FIXTURES/$1': $2" "$TMP/err"; then
        ok "$1: one line naming the file: $2"
    else
        not_ok "$1: one line naming the file: $2" "$(cat "$TMP/err")"
    fi
}

run_ps 0 "a good file indexes first" ingest --db "$TMP/db" "$CORPUS/kfvn-vp-2013.pdf"
expect_skip not-a-pdf.pdf "not a PDF"
expect_skip empty.pdf "file is empty"
expect_skip truncated.pdf "PDF is damaged"
expect_skip encrypted.pdf "PDF is encrypted"
expect_skip no-text.pdf "no text layer .*needs OCR"

mkdir -p "$TMP/nopdfs" && echo hej > "$TMP/nopdfs/readme.txt"
run_ps 3 "a directory without PDFs is skipped" ingest --db "$TMP/db" "$TMP/nopdfs"
check "... with a message naming it" grep -q "skipping '$TMP/nopdfs': no PDF files found" "$TMP/err"
run_ps 3 "a missing path is skipped" ingest --db "$TMP/db" "$TMP/does-not-exist.pdf"

run_ps 3 "bad files among good ones: exit 3" ingest --db "$TMP/db2" "$FIXTURES" "$CORPUS/rfjl_vp_budget_2014.pdf" "$CORPUS/vp2013_webb.pdf"
check "... and the good files are indexed" grep -q "ingested 2 documents" "$TMP/err"
check "... and five skips are reported" sh -c "test \$(grep -c '^plansok: skipping' '$TMP/err') -eq 5"

run_ps 0 "what was indexed before the bad files is still there" docs --db "$TMP/db" --format csv
check "... exactly the one good document" sh -c "test \$(tail -n +2 '$TMP/out' | wc -l) -eq 1 && grep -q kfvn-vp-2013.pdf '$TMP/out'"
run_ps 0 "and it still answers queries" search --db "$TMP/db" Västernorrland

if [ -d "$SHARED/realpdfs" ]; then
    run_ps 3 "the real PDFs in shared/ ingest without a crash" ingest --db "$TMP/real" "$SHARED/realpdfs"
    check "... the three scans are reported as needing OCR" sh -c "test \$(grep -c 'skann.*pdf.: no text layer.*needs OCR' '$TMP/err') -eq 3"
    check "... and the other twenty are indexed" grep -q "ingested 20 documents" "$TMP/err"
else
    skip "the real PDFs in shared/ ingest without a crash" "no ../shared/realpdfs"
    skip "... the three scans are reported as needing OCR" "no ../shared/realpdfs"
    skip "... and the other twenty are indexed" "no ../shared/realpdfs"
fi
# a file name holding terminal control sequences reaches no terminal raw
mkdir -p "$TMP/ctl"
esc=$(printf '\033') bel=$(printf '\007')
cp "$TOP/tests/budget/budget-jonkoping-2015.pdf" "$TMP/ctl/x${esc}]0;owned${bel}y.pdf"
printf 'x' > "$TMP/ctl/bad${esc}[2J.pdf"
run_ps 3 "ingest of files named with control sequences" ingest --db "$TMP/ctldb" "$TMP/ctl"
check "... its messages hold no control byte" sh -c "! grep -q \"[$esc$bel]\" '$TMP/err' && grep -q \"skipping '.*bad?\\[2J.pdf'\" '$TMP/err'"
for fmt in text md; do
    run_ps 0 "docs --format $fmt of that file" docs --db "$TMP/ctldb" --format $fmt
    shown='x?]0;owned?y.pdf'
    [ $fmt = md ] && shown='x?\]0;owned?y.pdf'
    check "... prints no control byte" sh -c "! grep -q \"[$esc$bel]\" '$TMP/out' && grep -qF '$shown' '$TMP/out'"
done
done_testing

#!/bin/sh
# t330-write-errors: output that does not arrive is a failure. Every
# command writing to a full device (/dev/full) exits 4 with one line on
# stderr, whether the write fails at once (a large output) or only when
# stdout is flushed at the end (a small one); so does report -o on a full
# device, and a closed stdout; a closed stderr is written into no file
# of the index.
. "$(dirname "$0")/lib.sh"

if ! [ -w /dev/full ]; then
    skip "writes to a full device fail" "no /dev/full"
    done_testing
    exit
fi
run_ps 0 "ingest three corpus PDFs (two years of Jönköpings län)" ingest --db "$TMP/db" "$CORPUS/kfvn-vp-2013.pdf" \
    "$CORPUS/vp2013_webb.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf"

# full DESC ARGS...: plansok ARGS > /dev/full exits 4 with one line naming
# standard output (and the reason when stdio still has it: a write that
# failed before the last one leaves no errno)
full() {
    d=$1; shift
    "$PLANSOK" "$@" >/dev/full 2>"$TMP/err"
    one_line $? 4 "$d > /dev/full: exit 4, one line" "^plansok: cannot write to standard output(: No space left on device)?$"
}
DB="--db $TMP/db"
full "docs" docs $DB
full "search" search $DB mål
full "search, 200 hits in JSON (the write fails before the end)" search $DB --limit 200 --format json mål
full "matrix" matrix $DB mål
full "report" report $DB mål
full "report --format html" report $DB --format html mål
full "compare" compare $DB mål
full "budget" budget $DB
full "show" show $DB kfvn
full "goals" goals $DB --region jönköping
full "search without hits (exit 1 otherwise)" search $DB qwertyuiop
full "--help" --help
full "--version" --version
full "search --help" search --help

"$PLANSOK" report $DB -o /dev/full mål 2>"$TMP/err"
one_line $? 4 "report -o /dev/full: exit 4, one line naming the file" \
    "^plansok: cannot write '/dev/full': No space left on device\$"
"$PLANSOK" search $DB mål >&- 2>"$TMP/err"
one_line $? 4 "a closed stdout: exit 4, one line" "^plansok: cannot write to standard output: "

# a closed stderr: the file ingest opens next (the index's lock) once got
# its messages
mkdir -p "$TMP/two"
cp "$CORPUS/kfvn-vp-2013.pdf" "$FIXTURES/not-a-pdf.pdf" "$TMP/two/"
"$PLANSOK" ingest --db "$TMP/db2" "$TMP/two" 2>&-
check "ingest with stderr closed: exit 3, its messages written into no file of the index" \
    sh -c "test $? -eq 3 && ! grep -rq 'skipping' '$TMP/db2'"
run_ps 0 "... and the index answers" docs --db "$TMP/db2"
run_ps 0 "a stdout that takes the output still exits 0" docs $DB
done_testing

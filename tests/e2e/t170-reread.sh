#!/bin/sh
# t170-reread: the index keeps what read each document (the version of
# ingest, and a rules file's hash), and ingest reads a file again when
# another version or other rules read it: a rules file of one's own takes
# effect on an index that holds the files already, and so do the built-in
# rules again. What an analyst set by hand lasts. (A document of an earlier
# version of ingest: tests/unit/test-guards.c, test_reader.)
. "$(dirname "$0")/lib.sh"

DB=$TMP/db
S=Storsthlm-Verksamhetsplan-och-budget-2018.pdf
mkdir -p "$TMP/pdf"
cp "$CORPUS/$S" "$CORPUS/kfvn-vp-2013.pdf" "$TMP/pdf/"

# uppdrag: how many passages of $S 'Uppdrag' headings tag budget
uppdrag() {
    "$PLANSOK" search --db "$DB" --format csv --section budget --limit 1000 medlemskommuner 2>/dev/null |
        grep -c 'budget,"Uppdrag'
}

run_ps 0 "ingest two corpus files" ingest --db "$DB" "$TMP/pdf"
check "... 2 added" grep -q ' 2 added, 0 updated, 0 moved, 0 unchanged' "$TMP/err"
run_ps 0 "set --year 2019 on $S" set --db "$DB" "$S" --year 2019
run_ps 0 "ingest again" ingest --db "$DB" "$TMP/pdf"
check "... 2 unchanged, one line" sh -c "grep -q ' 0 updated, 0 moved, 2 unchanged' '$TMP/err' && test \$(wc -l < '$TMP/err') -eq 1"
check "the built-in rules tag no 'Uppdrag' passage budget" test "$(uppdrag)" -eq 0

printf 'budget heading 10 ^Uppdrag\n' > "$TMP/own.rules"
run_ps 0 "ingest with a rules file of one's own" ingest --db "$DB" --rules "$TMP/own.rules" "$TMP/pdf"
check "... reads both again: 2 updated" grep -q ' 0 added, 2 updated, 0 moved, 0 unchanged' "$TMP/err"
check "... and says why, once" sh -c "test \$(grep -c 'are read again' '$TMP/err') -eq 1"
check "... its rule holds: 'Uppdrag' passages tagged budget" test "$(uppdrag)" -gt 0
run_ps 0 "docs --format json" docs --db "$DB" --format json
check "... the year set by hand lasts" python3 -c "
import json; d=[d for d in json.load(open('$TMP/out'))['documents'] if d['file']=='$S'][0]
assert d['year']==2019 and 'year' in d['by_hand'], d"
run_ps 0 "the same rules again" ingest --db "$DB" --rules "$TMP/own.rules" "$TMP/pdf"
check "... 2 unchanged, one line" sh -c "grep -q ' 0 updated, 0 moved, 2 unchanged' '$TMP/err' && test \$(wc -l < '$TMP/err') -eq 1"
printf 'budget heading 10 ^Uppdrag\n# another comment\n' > "$TMP/own.rules"
run_ps 0 "a rules file whose text changed" ingest --db "$DB" --rules "$TMP/own.rules" "$TMP/pdf"
check "... reads both again" grep -q ' 2 updated, 0 moved, 0 unchanged' "$TMP/err"
run_ps 0 "without --rules" ingest --db "$DB" "$TMP/pdf"
check "... reads both again" grep -q ' 2 updated, 0 moved, 0 unchanged' "$TMP/err"
check "... the built-in rules hold again" test "$(uppdrag)" -eq 0
run_ps 0 "check" check --db "$DB"
check "... says nothing of another version" sh -c "! grep -q 'version' '$TMP/out'"

# a file this version cannot read (here: over --max-pages) keeps what an
# earlier reading made of it, and the run goes on
run_ps 0 "other rules, and a limit one file is over" ingest --db "$DB" --rules "$TMP/own.rules" --max-pages 25 "$TMP/pdf"
check "... the other is read again" grep -q ' 1 updated, 0 moved, 1 unchanged' "$TMP/err"
check "... the summary says so" grep -q '; 1 read again (an earlier version of plansok or other rules had read them)' "$TMP/err"
check "... and the one over it keeps its earlier reading" grep -q "'$TMP/pdf/$S' could not be read again (.*25.*); what an earlier reading made of it stays" "$TMP/err"
run_ps 0 "docs --format json" docs --db "$DB" --format json
check "... both documents are there, the year set by hand too" python3 -c "
import json; ds=json.load(open('$TMP/out'))['documents']; d=[d for d in ds if d['file']=='$S'][0]
assert len(ds)==2 and d['year']==2019, ds"
done_testing

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
check "... says nothing of another version" sh -c "! grep -q 'another version' '$TMP/out'"
done_testing

#!/bin/sh
# t010-basics: help, usage errors and a missing index, with their exit codes.
. "$(dirname "$0")/lib.sh"

run_ps 0 "plansok --help exits 0" --help
check "--help lists the commands" grep -q "ingest" "$TMP/out"
run_ps 2 "no command is a usage error"
run_ps 2 "an unknown command is a usage error" frobnicate
check "... and says so" grep -q "unknown command 'frobnicate'" "$TMP/err"
run_ps 0 "search --help exits 0" search --help
check "search --help documents --region" grep -q -- "--region" "$TMP/out"
# every command's option table is checked by the parser on each run
for c in ingest search matrix docs compare report goals budget show; do
    run_ps 0 "$c --help exits 0" $c --help
    check "... and lists --db and its own usage" sh -c "grep -q -- '--db DIR' '$TMP/out' && grep -q '^usage: plansok $c ' '$TMP/out'"
done
run_ps 2 "an unknown option is a usage error" search --frobnicate x
run_ps 2 "search without a query is a usage error" search --db "$TMP/none"
run_ps 4 "search on a missing index is fatal" search --db "$TMP/none" kompetens
check "... with one clear line" sh -c "test \$(wc -l < '$TMP/err') -eq 1 && grep -q \"no index at '$TMP/none'\" '$TMP/err'"
PLANSOK_DB=$TMP/none run_ps 4 "PLANSOK_DB names the index" docs
check "... and the message names it" grep -q "$TMP/none" "$TMP/err"
run_ps 2 "ingest without paths is a usage error" ingest --db "$TMP/db"
# an override the index could not read back is refused before any file
run_ps 2 "ingest --year 12345 is a usage error" ingest --db "$TMP/db" --year 12345 "$TOP/tests/budget"
check "... that names the year" grep -q "year 12345 is not a year a plan can have" "$TMP/err"
check "... and makes no index" test ! -e "$TMP/db"
# --db in folders that do not exist yet: ingest makes them, as git init does
run_ps 0 "ingest --db into new folders" ingest -q --db "$TMP/new/plans/db" "$TOP/tests/budget"
check "... makes them and the index" test -d "$TMP/new/plans/db"
run_ps 4 "a reader does not make them" docs --db "$TMP/new2/db"
check "... and says there is no index" sh -c "grep -q 'no index at' '$TMP/err' && test ! -e '$TMP/new2'"
done_testing

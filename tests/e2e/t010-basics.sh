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
# --db before the command's name is the command's
run_ps 0 "plansok --db DIR docs" --db "$TMP/new/plans/db" docs
check "... lists that index's documents" grep -q '^2 documents$' "$TMP/out"
run_ps 0 "plansok --db=DIR docs" --db="$TMP/new/plans/db" docs
check "... lists that index's documents" grep -q '^2 documents$' "$TMP/out"
run_ps 2 "--db twice before a command is a usage error" --db="$TMP/a" --db="$TMP/b"
run_ps 2 "--db --db --db is a usage error" --db --db --db
run_ps 2 "--db without a command is a usage error" --db "$TMP/new/plans/db"
check "... and says so" grep -q -- "--db DIR needs a command" "$TMP/err"
# org: as a user types it: an upper-case short name in any case, the start
# of a name; a name no document has is a bad query that says so
run_ps 0 "ingest as Västra Götalandsregionen" ingest -q --db "$TMP/vgr" --org "Västra Götalandsregionen" "$TOP/tests/budget"
for q in org:VGR org:vgr org:västra 'org:"västra götalandsregionen"'; do
    run_ps 0 "docs $q" docs --db "$TMP/vgr" "$q"
    check "... finds both documents" grep -q '^2 documents$' "$TMP/out"
done
run_ps 2 "docs org:nosuch" docs --db "$TMP/vgr" org:nosuch
check "... says no organisation is named so" grep -q "unknown org 'nosuch': no document's organisation is named so or starts so" "$TMP/err"
run_ps 2 "search --org nosuch" search --db "$TMP/vgr" --org nosuch budget
check "... says no organisation is named so" grep -q "unknown org 'nosuch'" "$TMP/err"
done_testing

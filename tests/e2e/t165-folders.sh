#!/bin/sh
# t165-folders: a document that names only its nämnd takes the kommun of
# the other documents of its folder when all of them (two at least) that
# name a kommun name the same one; never when they name two, nor from one
# alone; a correction by hand wins. Real board papers of one kommun from
# ../shared/realplans, copied into the scratch folder.
. "$(dirname "$0")/lib.sh"

R=$SHARED/realplans
TEN=se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf
A1=se_alingsas-socialnamnden_2026-2027_genomlysning.pdf
A2=se_alingsas-barn-och-ungdomsnamnden_2026_kompetensforsorjningsplan.pdf
if [ ! -f "$R/$TEN" ]; then
    skip "organisations from the folder" "no $R (the shared real PDFs are not on this machine)"
    done_testing
    exit 0
fi
field() { # DB FILE FIELD
    "$PLANSOK" docs --db "$1" --format json | python3 -c '
import json, sys
print([d[sys.argv[2]] for d in json.load(sys.stdin)["documents"] if d["file"] == sys.argv[1]][0])' "$2" "$3"
}
is() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi; }

mkdir -p "$TMP/one" "$TMP/alone" "$TMP/two"
cp "$R/$TEN" "$R/$A1" "$R/$A2" "$TMP/one/"
run_ps 0 "a folder of one kommun's papers" ingest -q --db "$TMP/db1" "$TMP/one"
check "... the summary says one organisation came from the folder" grep -q '1 organisation from the folder' "$TMP/err"
is "... the nämnd's follow-up takes the kommun" "$(field "$TMP/db1" $TEN organisation)" "Alingsås kommun"
is "... and its län" "$(field "$TMP/db1" $TEN lan)" "Västra Götalands län"
is "... marked as taken from the folder" "$(field "$TMP/db1" $TEN from_folder)" "org,lan"
check "... docs says so" sh -c "'$PLANSOK' docs --db '$TMP/db1' | grep -A1 '^$TEN' | grep -q 'Alingsås kommun (from its folder), tekniska nämnden'"
is "... the others keep their own" "$(field "$TMP/db1" $A1 from_folder)" ""
run_ps 0 "... search by the kommun finds it" search --db "$TMP/db1" --format csv --limit 200 'org:alingsås prognos'
check "... in the follow-up" grep -q "$TEN" "$TMP/out"

cp "$R/$TEN" "$R/$A1" "$TMP/alone/"
run_ps 0 "one other paper is not enough" ingest -q --db "$TMP/db2" "$TMP/alone"
is "... the follow-up stays unknown" "$(field "$TMP/db2" $TEN organisation)" ""

cp "$R/$TEN" "$R/$A1" "$R/$A2" "$CORPUS/kfvn-vp-2013.pdf" "$TMP/two/"
run_ps 0 "a folder with another kommun's paper" ingest -q --db "$TMP/db3" "$TMP/two"
run_ps 0 "... set by hand to Nacka kommun" set --db "$TMP/db3" kfvn-vp-2013.pdf --org "Nacka kommun"
run_ps 0 "... a new ingest of the folder" ingest -q --db "$TMP/db3" "$TMP/two"
# the first ingest filled it in when the folder named one kommun; a later
# kommun in the folder does not take that back (set --org "" does)
is "... what the folder gave stays" "$(field "$TMP/db3" $TEN organisation)" "Alingsås kommun"
# once the folder holds two kommuner, a paper added after is not filled in
rm -rf "$TMP/db3" && "$PLANSOK" ingest -q --db "$TMP/db3" "$TMP/two/kfvn-vp-2013.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/db3" kfvn-vp-2013.pdf --org "Nacka kommun" 2>/dev/null
run_ps 0 "... the kommun's papers added after" ingest -q --db "$TMP/db3" "$TMP/two"
is "... the follow-up stays unknown: two kommuner in the folder" "$(field "$TMP/db3" $TEN organisation)" ""

run_ps 0 "a correction by hand wins over the folder" set --db "$TMP/db1" $TEN --org ""
run_ps 0 "... through a new ingest" ingest -q --db "$TMP/db1" "$TMP/one"
is "... the follow-up has no organisation, by hand" "$(field "$TMP/db1" $TEN organisation) $(field "$TMP/db1" $TEN by_hand)" " org"
done_testing

#!/bin/sh
# t320-bad-queries: a query with no word that is indexed (an emoji, '*',
# '€', bytes that are not UTF-8, an empty phrase) or one that only says
# what to leave out ('-kommun', 'NOT kommun') is a bad query: exit 2 and
# one line naming the query, in every query command; it never matches
# every passage with exit 0. Queries with something to look for still
# run. A query of more than 200 words (PS_QUERY_MAX_WORDS) is a bad query
# too, at once; one of 200 repeated words runs (repeats once cost N^3:
# 1,000 took 22 s). Long queries run under 'timeout 20' so that a
# regression fails instead of hanging; no other timing is asserted.
. "$(dirname "$0")/lib.sh"

run_ps 0 "ingest two corpus PDFs" ingest --db "$TMP/db" "$CORPUS/vp2013_webb.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf"
DB="--db $TMP/db"

# bad DESC QUERY [SHOWN]: exit 2 and one line quoting the query (as SHOWN)
bad() {
    d=$1 q=$2 shown=${3:-$2}
    for cmd in search matrix compare report docs; do
        "$PLANSOK" $cmd $DB -- "$q" >"$TMP/out" 2>"$TMP/err"
        one_line $? 2 "$cmd $d: exit 2, one line naming the query" "plansok: query '$shown' " -F
    done
    check "... which says why" grep -q "$4" "$TMP/err"
}
none='has no word to search for'
bad "😀 (an emoji)" "😀" "" "$none"
bad "* (a symbol)" "*" "" "$none"
bad "€" "€" "" "$none"
bad "'\"\"' (an empty phrase)" '""' "" "$none"
bad "'- !' (punctuation)" "- !" "" "$none"
bad "of the bytes 0xff 0xfe" "$(printf '\377\376')" "��" "is not valid UTF-8"
leave='only says what to leave out'
bad "-kommun (only a negation)" "-kommun" "" "$leave"
bad "'NOT kommun'" "NOT kommun" "" "$leave"
bad "'-kommun -region'" "-kommun -region" "" "$leave"
bad "'NOT (kommun OR region)'" "NOT (kommun OR region)" "" "$leave"
bad "-lan:jönköping" "-lan:jönköping" "" "$leave"

# what they are not: a word, with a negation, a filter alone
run_ps 0 "'mål -kommun' searches" search $DB "mål -kommun"
run_ps 0 "'lan:jönköping -kommun' searches" search $DB "lan:jönköping -kommun"
run_ps 0 "'lan:jönköping' alone searches (a filter is something to look for)" search $DB "lan:jönköping"
run_ps 1 "a word that is not in the index finds nothing (exit 1)" search $DB qwertyuiop
run_ps 2 "a syntax error names the query" search $DB "mål AND"
check "... in one line" sh -c "test \$(wc -l < '$TMP/err') -eq 1 && grep -q \"^plansok: bad query 'mål AND': \" '$TMP/err'"

# long queries: each command under timeout 20 (exit 124 when it hangs)
long_query() { # N WORD...: N words, the WORDs repeated in turn
    n=$1; shift
    yes "$*" | tr ' ' '\n' | head -n "$n" | tr '\n' ' '
}
q2000=$(long_query 2000 kommun)
for cmd in search matrix compare report docs; do
    timeout 20 "$PLANSOK" $cmd $DB -- "$q2000" >"$TMP/out" 2>"$TMP/err"
    one_line $? 2 "$cmd of 2,000 words: exit 2 within 20 s, one line naming the query and the limit" \
        "^plansok: query 'kommun kommun kommun kommun kommun kommun \.\.\.' has 2000 words; at most 200 are searched for\$"
done
run_ps 2 "201 different words: a bad query" search $DB "$(seq 201 | sed 's/^/ord/' | tr '\n' ' ')"
for cmd in search matrix compare report "goals --region jönköping"; do
    # shellcheck disable=SC2086 # cmd may carry an option
    timeout 20 "$PLANSOK" $cmd $DB -- "$(long_query 200 kommun kommunerna region)" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -le 1 ]; then
        ok "$cmd of 200 repeated words runs within 20 s (exit $rc)"
    else
        not_ok "$cmd of 200 repeated words runs within 20 s" "exit $rc" "$(head -c 300 "$TMP/err")"
    fi
done
done_testing

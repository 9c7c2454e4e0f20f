#!/bin/sh
# t300-search: cross-region search on corpus/: län, years, physical pages
# checked against poppler's own pdftotext, phrases, running headers kept
# out of snippets, the matrix agreeing with the hits, and the formats.
. "$(dirname "$0")/lib.sh"

"$PLANSOK" ingest -q --db "$TMP/db" "$CORPUS" 2>/dev/null
S() { "$PLANSOK" search --db "$TMP/db" "$@"; }

run_ps 0 "kompetensförsörjning has hits" search --db "$TMP/db" --limit 1000 --format csv kompetensförsörjning
cp "$TMP/out" "$TMP/k.csv"
nlan=$(tail -n +2 "$TMP/k.csv" | python3 -c 'import csv,sys; print(len({r[2] for r in csv.reader(sys.stdin)}))')
check "kompetensförsörjning is found in at least three län ($nlan)" test "$nlan" -ge 3
check "... in Jönköping 2013" sh -c "grep -q ',Jönköpings län,2013,' '$TMP/k.csv'"
check "... and in Jönköping 2014" sh -c "grep -q ',Jönköpings län,2014,' '$TMP/k.csv'"

# Every cited page really has the word (any inflection, or split by a line-end hyphen).
bad=0
tail -n +2 "$TMP/k.csv" | python3 -c 'import csv,sys
for r in csv.reader(sys.stdin): print(r[8] + "\t" + r[9])' | sort -u > "$TMP/pages"
while IFS="$(printf '\t')" read -r file page; do
    pdftotext -f "$page" -l "$page" "$CORPUS/$file" - 2>/dev/null | tr -d '\n-' | grep -qi "kompetensförsörjning" || {
        bad=$((bad + 1)); echo "# $file page $page lacks the word"; }
done < "$TMP/pages"
check "every cited page contains kompetensförsörjning ($(wc -l < "$TMP/pages") pages checked)" test "$bad" -eq 0

run_ps 0 "the phrase \"hälso- och sjukvård\" is found" search --db "$TMP/db" --format csv --limit 100 '"hälso- och sjukvård"'
check "... in Stockholms län, where it falls at a line end" grep -q "Storsthlm-Verksamhetsplan-och-budget-2018.pdf,9," "$TMP/out"
check "... and the snippet keeps the hyphen" grep -q "hälso- och sjukvård" "$TMP/out"

run_ps 0 "EU-projekt keeps its hyphen in the index text" search --db "$TMP/db" --format csv '"EU-projekt"'

S --limit 10000 --format csv 'verksamhetsplan OR budget OR region OR kommunerna' > "$TMP/all.csv"
check "no snippet contains running-header or footer text" sh -c "! grep -q 'REGIONFÖRBUNDET JÖNKÖPINGS LÄN [0-9]\|Storsthlm | Verksamhetsplan\|Kommunförbundet Norrbotten · Styrelsen\|Sida [0-9]' '$TMP/all.csv'"

# A table of contents names every topic and discusses none: kept in the
# document, passed by in searches and counts.
S --format csv --limit 100 hemsjukvård > "$TMP/h.csv"
check "hemsjukvård is found in Storsthlm's plan" grep -q "Storsthlm-Verksamhetsplan-och-budget-2018.pdf," "$TMP/h.csv"
check "... but not on its table of contents (page 2)" sh -c "! grep -q 'Storsthlm-Verksamhetsplan-och-budget-2018.pdf,2,' '$TMP/h.csv'"
S --format csv --limit 500 'year:2018 -zzzqqq' > "$TMP/y.csv"
check "filters and a word left out still list it" grep -q "Storsthlm-Verksamhetsplan-och-budget-2018.pdf,2," "$TMP/y.csv"
run_ps 0 "show --passages of Storsthlm's plan" show --db "$TMP/db" --passages Storsthlm-Verksamhetsplan-och-budget-2018.pdf
check "... marks its table of contents" grep -q "p2   \[other, contents\] Innehåll" "$TMP/out"
run_ps 0 "... in JSON too" show --db "$TMP/db" --passages --format json Storsthlm-Verksamhetsplan-och-budget-2018.pdf
check "... as contents: true" grep -q '"page":2,"section":"other","contents":true' "$TMP/out"

run_ps 0 "matrix for kompetensförsörjning" matrix --db "$TMP/db" --format csv kompetensförsörjning
mt=$(tail -n +2 "$TMP/out" | awk -F, '{s += $(NF-1)} END {print s}')
st=$(tail -n +2 "$TMP/k.csv" | wc -l)
check "matrix total ($mt) equals the number of hits ($st)" test "$mt" -eq "$st"
jk=$(grep -c ',Jönköpings län,2014,' "$TMP/k.csv")
check "matrix cell Jönköping 2014 equals its hits ($jk)" grep -q "^Jönköpings län,2014,$jk,1$" "$TMP/out"

run_ps 0 "filters in the query" search --db "$TMP/db" --format csv 'lan:jönköping year:2013..2014 kompetensförsörjning'
check "... return only Jönköping" sh -c "tail -n +2 '$TMP/out' | cut -d, -f5 | sort -u | grep -qx 'Jönköpings län'"
run_ps 0 "--region and --year options" search --db "$TMP/db" --format csv --region norrbotten --year 2011 kompetensförsörjning
check "... return only Norrbotten 2011" sh -c "tail -n +2 '$TMP/out' | cut -d, -f5,6 | sort -u | grep -qx 'Norrbottens län,2011'"
run_ps 0 "OR and NOT work" search --db "$TMP/db" --format csv 'kompetensförsörjning NOT lan:stockholm'
check "... NOT removes Stockholm" sh -c "! grep -q 'Stockholms län' '$TMP/out'"
run_ps 1 "no hits exits 1" search --db "$TMP/db" xyzzyplugh
run_ps 2 "a bad filter value exits 2" search --db "$TMP/db" 'lan:atlantis kompetens'
check "... naming the value" grep -q "atlantis" "$TMP/err"
run_ps 2 "a bad --years exits 2" search --db "$TMP/db" --years 2014..2013 kompetens

run_ps 0 "search --format json" search --db "$TMP/db" --format json kompetensförsörjning
check "... is valid JSON with format_version and hits" python3 -c "
import json,sys; d=json.load(open('$TMP/out')); assert d['format_version']==5 and d['hits']
h=d['hits'][0]; assert {'organisation','org_code','unit','lang','lan','year','kind','file','page','heading','snippet','marks'} <= set(h)
s=h['snippet'].encode(); assert all(b'ompetensf' in s[a:b] or True for a,b in h['marks']) and h['marks']"
run_ps 0 "matrix --format json" matrix --db "$TMP/db" --format json kompetensförsörjning
check "... is valid JSON" python3 -m json.tool "$TMP/out"
run_ps 0 "search --format md" search --db "$TMP/db" --format md --limit 3 kompetensförsörjning
check "... is a Markdown table with bold matches" sh -c "grep -q '^| # | Län' '$TMP/out' && grep -q '\*\*' '$TMP/out'"
run_ps 0 "text output names file and page" search --db "$TMP/db" --limit 1 kompetensförsörjning
check "... as 'FILE, page N'" grep -q '\.pdf, page [0-9]' "$TMP/out"
done_testing

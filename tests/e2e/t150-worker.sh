#!/bin/sh
# t150-worker: extraction in worker processes and in-process give the same
# index: every corpus, budget and fixture PDF, and a PDF whose metadata
# title holds control characters (U+001E and U+001F were the old pipe's
# record and list separators: such a title turned a Jönköping plan into
# "Stockholms län, year 0, 0 pages" when a worker sent it).
. "$(dirname "$0")/lib.sh"

# with_title IN OUT HEX: a copy of IN whose /Info has a /Title of the
# UTF-16BE hex string HEX, as an incremental update (a new Info object,
# an xref section for it, and a trailer pointing back to the old one).
with_title() {
    in=$1 out=$2 hex=$3
    size=$(wc -c < "$in" | tr -d ' ')
    prev=$(tail -c 64 "$in" | tr '\r' '\n' | awk '/startxref/ {getline; print; exit}')
    trailer=$(tail -c 400 "$in" | tr '\r\n' '  ')
    root=$(echo "$trailer" | sed -n 's/.*\/Root \([0-9]*\) \([0-9]*\) R.*/\1 \2/p')
    num=$(echo "$trailer" | sed -n 's/.*\/Size \([0-9]*\).*/\1/p')
    cp "$in" "$out"
    printf '\n%d 0 obj\n<< /Title <%s> /Producer (plansok tests) >>\nendobj\n' "$num" "$hex" >> "$out"
    xref=$(wc -c < "$out" | tr -d ' ')
    printf 'xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s R /Info %d 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n' \
        "$num" $((size + 1)) $((num + 1)) "$root" "$num" "$prev" "$xref" >> "$out"
}

mkdir -p "$TMP/pdfs"
# "Verksamhetsplan<RS>2014<US>" then a tab and a newline
with_title "$CORPUS/rfjl_vp_budget_2014.pdf" "$TMP/pdfs/rfjl-control-title.pdf" \
    FEFF005600650072006B00730061006D00680065007400730070006C0061006E001E0032003000310034001F0009000A0078
check "the crafted PDF's title holds U+001E" sh -c "pdfinfo '$TMP/pdfs/rfjl-control-title.pdf' | grep -q \"\$(printf 'plan\036')\""

run_ps 3 "ingest with workers (fixtures skipped)" ingest -q --db "$TMP/w" "$CORPUS" "$TOP/tests/budget" "$FIXTURES" "$TMP/pdfs"
run_ps 3 "ingest in-process" ingest -q --in-process --db "$TMP/p" "$CORPUS" "$TOP/tests/budget" "$FIXTURES" "$TMP/pdfs"

same() { # DESC ARGS...: the same output from both indexes
    d=$1; shift
    "$PLANSOK" "$@" --db "$TMP/w" >"$TMP/w.out" 2>&1
    "$PLANSOK" "$@" --db "$TMP/p" >"$TMP/p.out" 2>&1
    if cmp -s "$TMP/w.out" "$TMP/p.out" && [ -s "$TMP/w.out" ]; then
        ok "$d"
    else
        not_ok "$d" "$(diff "$TMP/w.out" "$TMP/p.out" | head -c 600)"
    fi
}
same "docs (JSON) are the same" docs --format json
same "budget rows are the same" budget --format json
same "a search is the same" search --format json --limit 100 kompetensförsörjning
for f in $("$PLANSOK" docs --db "$TMP/p" --format csv | tail -n +2 | cut -d, -f1); do
    same "$f: outline and passages are the same" show --passages --format json "$f"
done

"$PLANSOK" docs --db "$TMP/w" --format json > "$TMP/docs.json"
check "the control-title PDF keeps its län, year, kind and pages through a worker" python3 -c "
import json, sys
d = [x for x in json.load(open('$TMP/docs.json'))['documents'] if x['file'] == 'rfjl-control-title.pdf'][0]
ok = (d['lan'] == 'Jönköpings län' and d['year'] == 2014 and d['pages'] == 21 and d['text_pages'] > 0
      and d['title'] == 'Verksamhetsplan\x1e2014\x1f\t\nx')
sys.exit(0 if ok else print(d) or 1)"
done_testing

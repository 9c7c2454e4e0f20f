#!/bin/sh
# t100-ingest-corpus: ingest corpus/ and compare the detected organisation,
# län, year, kind and page count of every file with corpus/MANIFEST.tsv.
. "$(dirname "$0")/lib.sh"

run_ps 0 "ingest corpus/ succeeds" ingest --db "$TMP/db" "$CORPUS"
check "summary names five documents" grep -q "ingested 5 documents (162 pages" "$TMP/err"
run_ps 0 "docs lists documents" docs --db "$TMP/db" --format json
# organisation and län as MANIFEST.tsv has them, or unknown where the
# document never names its publisher (kfvn-vp-2013.pdf: only its file
# name says Kommunförbundet Västernorrland); never another; year, kind
# and pages exactly
python3 - "$TMP/out" "$CORPUS/MANIFEST.tsv" > "$TMP/cmp" <<'PY'
import json, sys
docs = {d["file"]: d for d in json.load(open(sys.argv[1]))["documents"]}
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
head = rows[0]
for r in rows[1:]:
    m = dict(zip(head, r)); d = docs.get(m["file"])
    if d is None:
        print("not_ok\t%s\tnot indexed" % m["file"]); continue
    unnamed = m["file"] == "kfvn-vp-2013.pdf"
    ok = (d["organisation"] == m["organisation"] or (unnamed and d["organisation"] == "")) and \
         (d["lan"] == m["lan"] or (unnamed and d["lan"] == "")) and \
         str(d["year"]) == m["year"] and d["kind"] == m["kind"] and str(d["pages"]) == m["pages"]
    print("%s\t%s\tgot %s | %s | %s | %s | %s" % ("ok" if ok else "not_ok", m["file"], d["organisation"],
          d["lan"], d["year"], d["kind"], d["pages"]))
PY
while IFS="$(printf '\t')" read -r verdict file detail; do
    if [ "$verdict" = ok ]; then
        ok "detected metadata of $file matches MANIFEST.tsv"
    else
        not_ok "detected metadata of $file matches MANIFEST.tsv" "$detail"
    fi
done < "$TMP/cmp"
check "five documents compared" test "$(wc -l < "$TMP/cmp")" -eq 5
run_ps 0 "docs --org lists that organisation's documents" docs --db "$TMP/db" --format csv --org F-rfjl
check "... the two of Regionförbundet Jönköpings län" sh -c "test \"\$(tail -n +2 '$TMP/out' | cut -d, -f1 | sort | tr '\n' ' ')\" = 'rfjl_vp_budget_2014.pdf vp2013_webb.pdf '"
run_ps 0 "docs --unit too" docs --db "$TMP/db" --format csv --org Storsthlm --unit regionstyrelsen
check "... none of Storsthlm's is regionstyrelsen's" test "$(tail -n +2 "$TMP/out" | wc -l)" -eq 0

# Re-ingesting replaces: same passage count, same document count.
"$PLANSOK" docs --db "$TMP/db" --format json > "$TMP/before.json"
run_ps 0 "re-ingesting the corpus succeeds" ingest --db "$TMP/db" "$CORPUS"
"$PLANSOK" docs --db "$TMP/db" --format json > "$TMP/after.json"
check "re-ingesting leaves documents and passage counts unchanged" cmp "$TMP/before.json" "$TMP/after.json"
"$PLANSOK" search --db "$TMP/db" --limit 10000 --format csv kompetensförsörjning > "$TMP/hits.csv"
check "no passage is indexed twice" sh -c "test \$(tail -n +2 '$TMP/hits.csv' | cut -d, -f2- | sort | uniq -d | wc -l) -eq 0"
check "docs --format json is valid JSON" python3 -m json.tool "$TMP/after.json"
done_testing

#!/bin/sh
# t100-ingest-corpus: ingest corpus/ and compare the detected organisation,
# län, year, kind and page count of every file with corpus/MANIFEST.tsv.
. "$(dirname "$0")/lib.sh"

run_ps 0 "ingest corpus/ succeeds" ingest --db "$TMP/db" "$CORPUS"
check "summary names five documents" grep -q "ingested 5 documents (162 pages" "$TMP/err"
run_ps 0 "docs lists documents" docs --db "$TMP/db" --format csv
tail -n +2 "$TMP/out" | awk -F, '{print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6}' | sort > "$TMP/got"
awk -F'\t' 'NR>1 {print $1 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7}' "$CORPUS/MANIFEST.tsv" | sort > "$TMP/want"
while IFS="$(printf '\t')" read -r file org lan year kind pages; do
    line=$(grep "^$file	" "$TMP/got")
    if [ "$line" = "$(printf '%s\t%s\t%s\t%s\t%s\t%s' "$file" "$org" "$lan" "$year" "$kind" "$pages")" ]; then
        ok "detected metadata of $file matches MANIFEST.tsv"
    else
        not_ok "detected metadata of $file matches MANIFEST.tsv" "got:  $line" "want: $file $org $lan $year $kind $pages"
    fi
done < "$TMP/want"

# Re-ingesting replaces: same passage count, same document count.
"$PLANSOK" docs --db "$TMP/db" --format json > "$TMP/before.json"
run_ps 0 "re-ingesting the corpus succeeds" ingest --db "$TMP/db" "$CORPUS"
"$PLANSOK" docs --db "$TMP/db" --format json > "$TMP/after.json"
check "re-ingesting leaves documents and passage counts unchanged" cmp "$TMP/before.json" "$TMP/after.json"
"$PLANSOK" search --db "$TMP/db" --limit 10000 --format csv kompetensförsörjning > "$TMP/hits.csv"
check "no passage is indexed twice" sh -c "test \$(tail -n +2 '$TMP/hits.csv' | cut -d, -f2- | sort | uniq -d | wc -l) -eq 0"
check "docs --format json is valid JSON" python3 -m json.tool "$TMP/after.json"
done_testing

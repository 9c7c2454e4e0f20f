#!/bin/sh
# t160-corrections: corrections by hand ('plansok set', ingest --org/--region
# and --meta FILE) against the register of public bodies; that they last
# through re-ingest, touch, a move and --prune; the org: filter and
# --region names; twins (another rendering of the same text) counted once;
# language and garbled pages of $SHARED/realpdfs.
. "$(dirname "$0")/lib.sh"

# is DESC GOT WANT: passes when GOT is WANT
is() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

# doc DB FILE KEYS: the fields KEYS (comma-separated) of the one document
# named FILE in 'docs --format json', joined with |
doc() {
    "$PLANSOK" docs --db "$1" --format json > "$TMP/doc.json" 2>/dev/null
    python3 - "$TMP/doc.json" "$2" "$3" <<'PY'
import json, sys
try:
    docs = json.load(open(sys.argv[1]))["documents"]
except Exception as e:
    print("docs gave no JSON: %s" % e); sys.exit()
ds = [d for d in docs if d["file"] == sys.argv[2]]
if len(ds) != 1:
    print("%d documents named %s" % (len(ds), sys.argv[2])); sys.exit()
print("|".join(str(ds[0][k]) for k in sys.argv[3].split(",")))
PY
}

# hits [FILE]: "N file,file..." for the search --format json output in
# $TMP/out: the number of hits and the files they are in, sorted; only
# those in FILE when it is given
hits() {
    python3 - "$TMP/out" "${1:-}" <<'PY'
import json, sys
try:
    h = json.load(open(sys.argv[1]))["hits"]
except Exception as e:
    print("no JSON: %s" % e); sys.exit()
h = [x for x in h if not sys.argv[2] or x["file"] == sys.argv[2]]
print(len(h), ",".join(sorted(set(x["file"] for x in h))))
PY
}

# lines FILE: its number of lines
lines() { wc -l < "$1" | tr -d ' '; }

# the register's code for a name (core/register.tsv: code type lan name aliases)
reg_code() { awk -F'\t' -v n="$1" '!/^#/ && $4 == n {print $1}' "$TOP/core/register.tsv"; }

DB=$TMP/db
KF=kfvn-vp-2013.pdf
mkdir -p "$TMP/pdf"
cp "$CORPUS/$KF" "$CORPUS/vp2013_webb.pdf" "$TMP/pdf/"

# --- 1. set --org, --year, --kind ----------------------------------------
run_ps 0 "ingest two corpus files" ingest -q --db "$DB" "$TMP/pdf"
is "$KF: no organisation or län detected (its text never names them)" \
    "$(doc "$DB" $KF organisation,org_code,lan,by_hand)" "|||"
run_ps 0 "set --org 'Kommunförbundet Västernorrland'" set --db "$DB" $KF --org "Kommunförbundet Västernorrland"
is "set prints one line" "$(lines "$TMP/err")" 1
code=$(reg_code "Kommunförbundet Västernorrland")
check "the register has a code for Kommunförbundet Västernorrland" test -n "$code"
is "$KF: organisation, the register's code and län, by_hand org" \
    "$(doc "$DB" $KF organisation,org_code,lan,year,kind,by_hand)" \
    "Kommunförbundet Västernorrland|$code|Västernorrlands län|2013|verksamhetsplan|org"
run_ps 0 "set --year 2014 --kind plan" set --db "$DB" $KF --year 2014 --kind plan
WANT_KF="Kommunförbundet Västernorrland|$code|Västernorrlands län|2014|plan|org,year,kind"
is "$KF: year 2014, kind plan, by_hand org,year,kind" \
    "$(doc "$DB" $KF organisation,org_code,lan,year,kind,by_hand)" "$WANT_KF"
is "the other document is not touched" "$(doc "$DB" vp2013_webb.pdf lan,year,by_hand)" "Jönköpings län|2013|"
npass=$(doc "$DB" $KF passages)
run_ps 0 "search 'year:2014 kind:plan'" search --db "$DB" --limit 1000 --format json 'year:2014 kind:plan'
is "... finds every passage of $KF and nothing else" "$(hits)" "$npass $KF"
run_ps 0 "matrix --format json 'kind:plan'" matrix --db "$DB" --format json 'kind:plan'
is "... one row: Västernorrlands län, 2014, all its passages, one document" \
    "$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(";".join("%s:%s" % (r["lan"], ",".join("%d/%d/%d" % (c["year"], c["passages"], c["documents"]) for c in r["cells"])) for r in m["rows"]))' "$TMP/out")" \
    "Västernorrlands län:2014/$npass/1"

# --- 2. the correction lasts ---------------------------------------------
run_ps 0 "re-ingest the unchanged directory" ingest --db "$DB" "$TMP/pdf"
check "... both unchanged" grep -q ' 0 added, 0 updated, 0 moved, 2 unchanged' "$TMP/err"
is "... the correction stays" "$(doc "$DB" $KF organisation,org_code,lan,year,kind,by_hand)" "$WANT_KF"
touch "$TMP/pdf/$KF"
run_ps 0 "re-ingest after touch" ingest --db "$DB" "$TMP/pdf"
is "... the correction stays" "$(doc "$DB" $KF organisation,org_code,lan,year,kind,by_hand)" "$WANT_KF"
mv "$TMP/pdf/$KF" "$TMP/pdf/renamed.pdf"
run_ps 0 "ingest --prune after a move within the directory" ingest --prune --db "$DB" "$TMP/pdf"
check "... one moved, none removed" grep -q ' 1 moved, 1 unchanged, 0 removed' "$TMP/err"
is "... the old name is gone" "$(doc "$DB" $KF file)" "0 documents named $KF"
is "... the moved file has the correction" \
    "$(doc "$DB" renamed.pdf organisation,org_code,lan,year,kind,by_hand)" "$WANT_KF"
mv "$TMP/pdf/renamed.pdf" "$TMP/away.pdf"
run_ps 0 "ingest --prune after deleting the file" ingest --prune --db "$DB" "$TMP/pdf"
check "... one removed" grep -q ' 1 unchanged, 1 removed' "$TMP/err"
is "... it is not listed" "$(doc "$DB" renamed.pdf file)" "0 documents named renamed.pdf"
cp "$TMP/away.pdf" "$TMP/pdf/$KF"
run_ps 0 "ingest the file copied back" ingest --db "$DB" "$TMP/pdf"
check "... added again" grep -q ' 1 added, ' "$TMP/err"
is "... with the correction" "$(doc "$DB" $KF organisation,org_code,lan,year,kind,by_hand)" "$WANT_KF"

# --- 3. org: -------------------------------------------------------------
run_ps 0 "search 'org:\"Kommunförbundet Västernorrland\"'" \
    search --db "$DB" --limit 1000 --format json 'org:"Kommunförbundet Västernorrland"'
is "... finds every passage of $KF" "$(hits)" "$npass $KF"
run_ps 0 "search org:$code (the register's code)" search --db "$DB" --limit 1000 --format json "org:$code"
is "... finds every passage of $KF" "$(hits)" "$npass $KF"
run_ps 2 "search org:Atlantis: no document's organisation nor a register body: a bad query, exit 2" \
    search --db "$DB" --format json org:Atlantis
is "... one line" "$(lines "$TMP/err")" 1
check "... that says no organisation is named so" grep -q "unknown org 'Atlantis': no document's organisation is named so" "$TMP/err"
run_ps 1 "search 'org:\"Nacka kommun\"': a register body with no documents, exit 1" \
    search --db "$DB" --format json 'org:"Nacka kommun"'

# --- 4. --region names ---------------------------------------------------
run_ps 1 "search --region VGR kompetensförsörjning: nothing in Västra Götaland yet" \
    search --db "$DB" --region VGR kompetensförsörjning
run_ps 0 "set vp2013_webb.pdf --region 'Västra Götalands län'" \
    set --db "$DB" vp2013_webb.pdf --region "Västra Götalands län"
"$PLANSOK" search --db "$DB" --limit 1000 --format json kompetensförsörjning > "$TMP/out" 2>/dev/null
all=$(hits vp2013_webb.pdf)
check "vp2013_webb.pdf has passages with kompetensförsörjning" test "${all%% *}" -gt 0
for r in VGR "Västra Götalandsregionen" "västra götaland"; do
    run_ps 0 "search --region '$r'" search --db "$DB" --limit 1000 --format json --region "$r" kompetensförsörjning
    is "... means Västra Götalands län: the hits of vp2013_webb.pdf" "$(hits)" "$all"
done
run_ps 2 "search --region Atlantis: exit 2" search --db "$DB" --region Atlantis kompetensförsörjning
is "... one line" "$(lines "$TMP/err")" 1
check "... naming Atlantis" grep -q "Atlantis" "$TMP/err"

# --- 5. ingest --region on an unchanged file -----------------------------
mkdir -p "$TMP/up"
cp "$CORPUS/rfjl_vp_budget_2014.pdf" "$TMP/up/"
run_ps 0 "ingest rfjl_vp_budget_2014.pdf" ingest -q --db "$DB" "$TMP/up"
is "... detected in Jönköpings län, nothing by hand" "$(doc "$DB" rfjl_vp_budget_2014.pdf lan,by_hand)" "Jönköpings län|"
run_ps 0 "ingest --region uppsala on the unchanged file" ingest --db "$DB" --region uppsala "$TMP/up"
check "... unchanged, one set by hand" grep -q ' 1 unchanged, 0 removed; 1 set by hand' "$TMP/err"
is "... now Uppsala län, by_hand lan" "$(doc "$DB" rfjl_vp_budget_2014.pdf lan,by_hand)" "Uppsala län|lan"
run_ps 0 "search --region uppsala finds it" search --db "$DB" --limit 1000 --format json --region uppsala mål
check "... and only it" test "$(hits | cut -d' ' -f2)" = rfjl_vp_budget_2014.pdf

# --- 6. ingest --meta FILE -----------------------------------------------
MDB=$TMP/mdb
mkdir -p "$TMP/m/sub" "$TMP/new"
cp "$CORPUS/Storsthlm-Verksamhetsplan-och-budget-2018.pdf" "$TMP/m/sub/"
cp "$CORPUS/$KF" "$TMP/m/"
cp "$CORPUS/vp2013_webb.pdf" "$TMP/new/"
printf 'file\torg\tlan\tyear\tkind\n# a folder, then a file name\nsub/\tVGR\t\t\t\n%s\t\tuppsala\t2015\tbudget\n' \
    "$KF" > "$TMP/m/meta.tsv"
run_ps 0 "ingest --meta with a folder row and a file row" ingest --db "$MDB" --meta "$TMP/m/meta.tsv" "$TMP/m"
check "... two set by hand" grep -q '; 2 set by hand' "$TMP/err"
is "the folder's row: org VGR is the register's Västra Götalandsregionen" \
    "$(doc "$MDB" Storsthlm-Verksamhetsplan-och-budget-2018.pdf organisation,org_code,lan,year,by_hand)" \
    "Västra Götalandsregionen|$(reg_code "Västra Götalandsregionen")|Västra Götalands län|2018|org"
is "the file's row: län, year and kind" "$(doc "$MDB" $KF lan,year,kind,by_hand)" "Uppsala län|2015|budget|lan,year,kind"

"$PLANSOK" docs --db "$MDB" --format json > "$TMP/before.json"
printf 'file\tlan\tyear\n# comment\n%s\tAtlantis\t\nsub/\t\ttjugo\nvp2013_webb.pdf\tgotland\t2020\n' "$KF" > "$TMP/m/bad.tsv"
run_ps 2 "ingest --meta with two bad rows: exit 2" ingest --db "$MDB" --meta "$TMP/m/bad.tsv" "$TMP/m" "$TMP/new"
is "... one line per bad row naming FILE:LINE" "$(grep -c "^plansok: $TMP/m/bad.tsv:[0-9]*: " "$TMP/err")" 2
check "... line 3: unknown län 'Atlantis'" grep -q "bad.tsv:3: unknown län 'Atlantis'" "$TMP/err"
check "... line 4: year 'tjugo'" grep -q "bad.tsv:4: year 'tjugo'" "$TMP/err"
"$PLANSOK" docs --db "$MDB" --format json > "$TMP/after.json"
check "... nothing changed: docs JSON byte-identical" cmp "$TMP/before.json" "$TMP/after.json"

# a blank line is a line too: the row after it is reported by its line in the file
printf 'file\tyear\n\n%s\ttjugo\n' "$KF" > "$TMP/m/blank.tsv"
run_ps 2 "ingest --meta, a bad row after a blank line: exit 2" ingest --db "$MDB" --meta "$TMP/m/blank.tsv" "$TMP/m"
is "... named by its line in the file" "$(grep -o 'blank.tsv:[0-9]*: year .tjugo.' "$TMP/err")" "blank.tsv:3: year 'tjugo'"

printf 'name\torg\n%s\tVGR\n' "$KF" > "$TMP/m/nofile.tsv"
run_ps 2 "ingest --meta, a header without a file column: exit 2" \
    ingest --db "$MDB" --meta "$TMP/m/nofile.tsv" "$TMP/m" "$TMP/new"
is "... one line" "$(lines "$TMP/err")" 1
check "... saying so" grep -q "nofile.tsv:1: the header row has no 'file' column" "$TMP/err"
run_ps 4 "ingest --meta, a missing file: exit 4" ingest --db "$MDB" --meta "$TMP/m/missing.tsv" "$TMP/m" "$TMP/new"
is "... one line" "$(lines "$TMP/err")" 1
check "... naming it" grep -q "missing.tsv" "$TMP/err"
"$PLANSOK" docs --db "$MDB" --format json > "$TMP/after.json"
check "nothing changed after the bad metadata files" cmp "$TMP/before.json" "$TMP/after.json"

# --- 7. set errors -------------------------------------------------------
"$PLANSOK" docs --db "$DB" --format json > "$TMP/before.json"
run_ps 2 "set, no document matching: exit 2" set --db "$DB" no-such-document --year 2014
is "... one line" "$(lines "$TMP/err")" 1
run_ps 2 "set vp (a part of three file names): exit 2" set --db "$DB" vp --year 2014
is "... one line" "$(lines "$TMP/err")" 1
run_ps 2 "set without a field: exit 2" set --db "$DB" $KF
is "... one line" "$(lines "$TMP/err")" 1
run_ps 2 "set --year 1800: exit 2" set --db "$DB" $KF --year 1800
is "... one line" "$(lines "$TMP/err")" 1
run_ps 2 "set --region Atlantis: exit 2" set --db "$DB" $KF --region Atlantis
"$PLANSOK" docs --db "$DB" --format json > "$TMP/after.json"
check "the failed sets changed nothing" cmp "$TMP/before.json" "$TMP/after.json"

# --- 8. twins ------------------------------------------------------------
mkdir -p "$TMP/ta" "$TMP/tb"
cp "$CORPUS/vp2013_webb.pdf" "$TMP/ta/"
if pdftocairo -pdf "$CORPUS/vp2013_webb.pdf" "$TMP/tb/vp2013_cairo.pdf" 2>/dev/null; then
    check "the cairo rendering has other bytes" sh -c "! cmp -s '$CORPUS/vp2013_webb.pdf' '$TMP/tb/vp2013_cairo.pdf'"
    run_ps 0 "ingest the original and its rendering" ingest -q --db "$TMP/t2" "$TMP/ta" "$TMP/tb"
    "$PLANSOK" docs --db "$TMP/t2" --format json > "$TMP/out"
    is "exactly one is the twin of the other" "$(python3 - "$TMP/out" <<'PY'
import json, sys
d = {x["file"]: x for x in json.load(open(sys.argv[1]))["documents"]}
if len(d) != 2:
    print("%d documents" % len(d)); sys.exit()
a, b = d["vp2013_webb.pdf"], d["vp2013_cairo.pdf"]
tw = [x for x in (a, b) if x["twin_of"]]
other = b if tw and tw[0] is a else a
print("ok" if len(tw) == 1 and tw[0]["twin_of"] == other["docid"] else
      "twin_of: %r, %r" % (a["twin_of"], b["twin_of"]))
PY
)" ok
    # the group counts as its smallest docid, whichever came first
    counted=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))["documents"]
print(min(d, key=lambda x: x["docid"])["file"])' "$TMP/out")
    is "... the one with the smaller docid is counted" "$(doc "$TMP/t2" "$counted" twin_of)" ""
    case $counted in vp2013_webb.pdf) dir=$TMP/ta ;; *) dir=$TMP/tb ;; esac
    run_ps 0 "ingest the counted one alone" ingest -q --db "$TMP/t1" "$dir"
    run_ps 0 "ingest them in the other order" ingest -q --db "$TMP/t3" "$TMP/tb"
    run_ps 0 "... then the original" ingest -q --db "$TMP/t3" "$TMP/ta"
    is "... the same one is counted" "$(doc "$TMP/t3" "$counted" twin_of)" ""
    for i in 1 2; do
        "$PLANSOK" matrix --db "$TMP/t$i" --format json kompetensförsörjning > "$TMP/m$i.json" 2>/dev/null
        "$PLANSOK" search --db "$TMP/t$i" --limit 1000 --format json kompetensförsörjning > "$TMP/out" 2>/dev/null
        hits > "$TMP/h$i"
    done
    is "matrix counts the document once" \
        "$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["total_passages"], m["total_documents"])' "$TMP/m2.json")" \
        "$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["total_passages"], m["total_documents"])' "$TMP/m1.json")"
    check "... the same matrix with and without the twin, which it says it left out" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a.pop("twins_left_out") == 0 and b.pop("twins_left_out") == 1, "twins_left_out"
assert a == b' "$TMP/m1.json" "$TMP/m2.json"
    is "search has the same hits with the twin indexed" "$(cat "$TMP/h2")" "$(cat "$TMP/h1")"
    check "... and they are the counted one's" grep -q "^[1-9][0-9]* $counted\$" "$TMP/h1"
    # the counted one goes: the other rendering is counted now, nothing is lost
    case $counted in vp2013_webb.pdf) other=vp2013_cairo.pdf ;; *) other=vp2013_webb.pdf ;; esac
    rm "$dir/$counted"
    run_ps 0 "ingest --prune after deleting the counted one" ingest -q --prune --db "$TMP/t2"
    is "... the other is no longer a twin of a document that is gone" "$(doc "$TMP/t2" "$other" twin_of)" ""
    run_ps 0 "... and search finds its passages" search --db "$TMP/t2" --limit 1000 --format json kompetensförsörjning
    hits > "$TMP/h3"
    check "... in $other" grep -q "^[1-9][0-9]* $other\$" "$TMP/h3"

    # four renderings, one at a time in every order of arrival: one group,
    # every member marked twin of the smallest docid (no chains), and
    # pruning any member or the head still counts the document once
    mkdir -p "$TMP/g"
    cp "$CORPUS/vp2013_webb.pdf" "$TMP/g/a.pdf"
    pdftocairo -pdf "$TMP/g/a.pdf" "$TMP/g/b.pdf"
    pdftocairo -pdf -origpagesizes "$TMP/g/b.pdf" "$TMP/g/c.pdf"
    pdftocairo -pdf -paper A4 -expand "$TMP/g/a.pdf" "$TMP/g/d.pdf"
    group() { # DB: "ok" when one head and every other member points at it
        "$PLANSOK" docs --db "$1" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)["documents"]
heads = [x for x in d if not x["twin_of"]]
ok = len(heads) == 1 and heads[0]["docid"] == min(x["docid"] for x in d) and \
     all(x["twin_of"] == heads[0]["docid"] for x in d if x is not heads[0])
print("ok" if ok else [(x["file"], x["docid"], x["twin_of"]) for x in d])'
    }
    counted() { "$PLANSOK" matrix --db "$1" --format json '' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_documents"])'; }
    for order in "a b c d" "d c b a" "b d a c"; do
        db=$TMP/g-$(echo $order | tr -d ' ')
        for f in $order; do "$PLANSOK" ingest -q --db "$db" "$TMP/g/$f.pdf" 2>/dev/null; done
        is "four renderings in the order $order: one group headed by the smallest docid" "$(group "$db")" ok
        is "... counted once" "$(counted "$db")" 1
    done
    db=$TMP/g-dcba
    mkdir -p "$TMP/g2" && cp "$TMP/g/"*.pdf "$TMP/g2/" && "$PLANSOK" ingest -q --db "$TMP/g2db" "$TMP/g2" 2>/dev/null
    head=$("$PLANSOK" docs --db "$TMP/g2db" --format json | python3 -c '
import json, sys
print([x["file"] for x in json.load(sys.stdin)["documents"] if not x["twin_of"]][0])')
    member=$(for f in a.pdf b.pdf c.pdf d.pdf; do [ "$f" != "$head" ] && echo "$f" && break; done)
    run_ps 0 "set on a member of the group ($member)" set --db "$TMP/g2db" "$member" --region uppsala --year 2030
    check "... corrects every rendering of it" sh -c "'$PLANSOK' docs --db '$TMP/g2db' --format csv | tail -n +2 | grep -vc 'Uppsala län,2030' | grep -qx 0"
    rm "$TMP/g2/$head"
    run_ps 0 "the head is pruned" ingest -q --prune --db "$TMP/g2db"
    is "... the group is still counted once" "$(counted "$TMP/g2db")" 1
    is "... one group again" "$(group "$TMP/g2db")" ok
    check "... and the correction still counts" sh -c "'$PLANSOK' matrix --db '$TMP/g2db' --format csv '' | grep -q '^Uppsala län,2030,'"
    other=$(for f in a.pdf b.pdf c.pdf d.pdf; do [ -f "$TMP/g2/$f" ] && [ "$f" != "$member" ] && echo "$f" && break; done)
    rm "$TMP/g2/$other"
    run_ps 0 "a member that is not the head is pruned" ingest -q --prune --db "$TMP/g2db"
    is "... still one group, counted once" "$(group "$TMP/g2db") $(counted "$TMP/g2db")" "ok 1"
else
    skip "twins" "pdftocairo (poppler-utils) is missing"
fi

# --- 9. language and garbled pages (the real PDFs of $SHARED) -------------
if [ -d "$SHARED/realpdfs" ]; then
    RDB=$TMP/real
    run_ps 3 "ingest \$SHARED/realpdfs (three scanned files skipped: exit 3)" ingest --db "$RDB" "$SHARED/realpdfs"
    cp "$TMP/err" "$TMP/real.err"
    "$PLANSOK" docs --db "$RDB" --format json > "$TMP/real.json"
    python3 - "$TMP/real.json" > "$TMP/cmp" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))["documents"]
want = {"dk_": "da", "no_": "no", "se_": "sv"}
bad = ["%s: lang %r" % (d["file"], d["lang"]) for d in docs if d["lang"] != want.get(d["file"][:3])]
print("lang\t%d\t%s" % (len(docs), "; ".join(bad)))
bad = ["%s: %r" % (d["file"], d["organisation"]) for d in docs if d["file"][:3] in ("dk_", "no_") and d["organisation"]]
print("org\t%d\t%s" % (len(docs), "; ".join(bad)))
g = [d for d in docs if d["file"] == "se_regeringen_1999_prop-1999-2000-17_custom-encoding.pdf"]
print("garbled\t%s\t" % (g[0]["garbled_pages"] if g else "missing"))
print("dapass\t%d\t" % sum(d["passages"] for d in docs if d["lang"] == "da"))
PY
    r() { awk -F'\t' -v k="$1" -v f="$2" '$1 == k {print $f}' "$TMP/cmp"; }
    check "documents of three languages indexed" test "$(r lang 2)" -ge 10
    is "every dk_* is da, every no_* no, every se_* sv" "$(r lang 3)" ""
    is "no dk_* or no_* document has an organisation (the register is Swedish)" "$(r org 3)" ""
    g=$(r garbled 2)
    if [ "$g" -ge 1 ] 2>/dev/null; then ok "the custom-encoding prop has garbled_pages >= 1 ($g)"
    else not_ok "the custom-encoding prop has garbled_pages >= 1" "garbled_pages: $g"; fi
    check "ingest names it with 'pages left out'" \
        grep -q "se_regeringen_1999_prop-1999-2000-17_custom-encoding.pdf': [1-9][0-9]* of [0-9]* pages left out" "$TMP/real.err"
    for q in lang:da lang:danska; do
        run_ps 0 "search '$q'" search --db "$RDB" --limit 10000 --format json "$q"
        h=$(hits)
        is "... every Danish passage, only in dk_* files" \
            "$(echo "$h" | python3 -c 'import sys; n, f = sys.stdin.read().split(" ", 1); print(n, all(x.startswith("dk_") for x in f.strip().split(",")))')" \
            "$(r dapass 2) True"
    done
else
    skip "language and garbled pages" "no $SHARED/realpdfs"
fi
# --- set --unit refiles the document under its new unit ---------------------
cp -r "$DB" "$TMP/db-unit"
run_ps 0 "set --unit ekonomiutskottet" set --db "$TMP/db-unit" vp2013_webb.pdf --unit ekonomiutskottet
run_ps 0 "... unit: finds its passages under the new unit" search --db "$TMP/db-unit" --format csv --limit 1000 'unit:ekonomiutskottet'
check "... and only them" sh -c "test \$(tail -n +2 '$TMP/out' | wc -l) -gt 0 && ! tail -n +2 '$TMP/out' | grep -v vp2013_webb.pdf"
run_ps 1 "... and not under the unit it had" search --db "$TMP/db-unit" --format csv 'nämnd:regionstyrelsen year:2013'
done_testing

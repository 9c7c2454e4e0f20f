#!/bin/sh
# t120-detect-real: organisation, län, year and kind on real PDFs, file by
# file against the truth in ../shared/realplans/MANIFEST.tsv (ingested
# under their original file names), and no invented organisation on
# ../shared/realpdfs. Floors just below what docs/DETECTION.md reports;
# the held-out files are in the totals too (tests/tools/detect-eval.py).
. "$(dirname "$0")/lib.sh"

need_real "detection on real PDFs"
python3 "$TOP/tests/tools/detect-eval.py" "$PLANSOK" "$SHARED" --floors org=24,lan=24,year=24,kind=24,invented=0 \
    > "$TMP/eval" 2>&1
rc=$?
sed 's/^/# /' "$TMP/eval"
if [ $rc -eq 0 ]; then ok "detection on realplans and realpdfs meets its floors"
else not_ok "detection on realplans and realpdfs meets its floors" "$(grep floor "$TMP/eval")"; fi
check "every realplans file was compared" sh -c "grep -q '^all: 25 files' '$TMP/eval' && ! grep -q 'NOT INDEXED' '$TMP/eval'"
# a few files by name: the kinds of evidence each stands for
for f in se_alingsas-barn-och-ungdomsnamnden_2026-2031_lokalforsorjningsplan.pdf \
    se_alingsas-kommunfullmaktige_2018_protokoll.pdf se_vastra-gotalandsregionen_2021-2030_regional-utvecklingsstrategi.pdf \
    se_tolkformedling-vast_2025_arsredovisning.pdf se_kommunforbundet-skane_2011-2012_handlingsplan-aldreomradet.pdf; do
    check "$f: organisation, län, year and kind right" grep -q "^tune	${f%.pdf}.*	org lan year kind	" "$TMP/eval"
done
# the signature block's two columns, which the PDF's text runs together
# ("SKÅNEREGION"), are two words
KFSK="$SHARED/realplans/se_kommunforbundet-skane_2011-2012_handlingsplan-aldreomradet.pdf"
"$PLANSOK" ingest -q --db "$TMP/kfsk" "$KFSK" >/dev/null 2>&1
"$PLANSOK" show --db "$TMP/kfsk" --passages "$KFSK" > "$TMP/kfsk.txt" 2>&1
check "a signature block's columns stay apart" grep -q "KOMMUNFÖRBUNDET SKÅNE REGION SKÅNE Stefan Lundgren" "$TMP/kfsk.txt"
check "Danish and Norwegian files name no Swedish body" sh -c "! grep -E '^pdfs	(dk|no)_.*INVENTED' '$TMP/eval'"
# one nämnd's goals over the years, by the unit detected: the socialnämnd's
# two follow-ups (2017, 2026) are budget follow-ups without goals, and the
# output says so; its 2026 genomlysning has no goal passages but names two
# goals outright ("ett övergripande mål – att bli …", "målsättningen är att
# …"), listed, as no other year has goals to compare them with
SN="$SHARED/realplans/se_alingsas-socialnamnden"
"$PLANSOK" ingest -q --db "$TMP/sn" "$SN"_2017_manadsuppfoljning.pdf "$SN"_2026_manadsuppfoljning.pdf \
    "$SN"_2026-2027_genomlysning.pdf "$SHARED/realplans/se_alingsas-kommun_2026_cykelplan.pdf" >/dev/null 2>&1
run_ps 0 "goals of Alingsås kommun's socialnämnd" goals --db "$TMP/sn" --org 1489 --unit socialnämnden
check "... says each year's documents have no goal passages, and which goals 2026 names outright" sh -c \
    "grep -qx '2017: 1 document, no goal passages' '$TMP/out' && \
     grep -qx '2026: 2 documents, no goal passages, 2 goals (2 named in other passages)' '$TMP/out' && \
     grep -qx 'Goals of Alingsås kommun, socialnämnden in 2026' '$TMP/out' && \
     grep -q '^  p3 *Av den anledningen har Alingsås ett övergripande mål – att bli Sveriges mest effektiva kommun.' '$TMP/out' && \
     grep -q '^  p14 *Åtgärden kan ha' '$TMP/out'"
run_ps 0 "a report on 'effektiva' over them" report --db "$TMP/sn" effektiva
check "... lists the goal named outright, as goals does" sh -c "sed -n '/^## Mål om ämnet/,/^## Budget/p' '$TMP/out' | \
    grep -q 'genomlysning.pdf s. 3: Av den anledningen har Alingsås ett övergripande mål – att bli Sveriges mest effektiva kommun.'"
# a handlingsplan states its goals as "Målet är att …" in passages about
# actions: they are its goals, and "tills målet är uppnått" is none
"$PLANSOK" ingest -q --db "$TMP/kfsk" "$SHARED/realplans/se_kommunforbundet-skane_2011-2012_handlingsplan-aldreomradet.pdf" >/dev/null 2>&1
run_ps 0 "goals of Skåne's handlingsplan" goals --db "$TMP/kfsk" --region skåne
check "... are the goals it names outright" sh -c \
    "grep -q '^  p3 *Målet är att samtliga kommuner och stadsdelar ska registrera' '$TMP/out' && \
     grep -qx '2011: 1 document, no goal passages, [0-9]* goals ([0-9]* named in other passages)' '$TMP/out'"
# a programme's goals stated under a heading "Mål" in bold, without a goal
# cue, are its goals (ingest: the statement is the text of "Mål"; goals: a
# passage of one statement under a goal's title)
IDROTT="$SHARED/realplans/se_alingsas-kommun_2027-2030_program-idrott-rorelse-friluftsliv.pdf"
"$PLANSOK" ingest -q --db "$TMP/idrott" "$IDROTT" >/dev/null 2>&1
run_ps 0 "goals of Alingsås kommun's idrott programme" goals --db "$TMP/idrott" --org 1489
check "... lists its four goals" sh -c "grep -qx '2027: 1 document, [0-9]* goal passages, 4 goals .*' '$TMP/out' && \
    grep -q 'I hela Alingsås kommun finns attraktiva, trygga och tillgängliga mötesplatser' '$TMP/out' && \
    grep -q 'så att fler invånare vistas i naturen regelbundet' '$TMP/out'"
run_ps 0 "a report on friluftsliv over the idrott programme" report --db "$TMP/idrott" friluftsliv
sed -n '/^## Mål om ämnet/,/^## Budget/p' "$TMP/out" > "$TMP/report-goals"
check "... lists its goal about friluftsliv, as goals does" \
    grep -q 'Kommunen främjar ett tillgängligt, jämlikt och aktivt friluftsliv' "$TMP/report-goals"
# goals stated in headings after a goal's title ("Mål – öppna sju nya
# stationer"); one the text states in full ("Mål – tågresandet ska
# tredubblas" over "Målbild tåg 2035 är att tågtrafiken ska tredubblas …")
# counts once, as the text has it
MALBILD="$SHARED/realplans/se_vastra-gotalandsregionen_2025_utvardering-malbild-tag-2035.pdf"
"$PLANSOK" ingest -q --db "$TMP/malbild" "$MALBILD" >/dev/null 2>&1
run_ps 0 "goals of the train target's evaluation" goals --db "$TMP/malbild" --region 'västra götaland'
check "... lists the goals its headings state, each once" sh -c \
    "[ \$(grep -c 'ska tredubblas' '$TMP/out') -eq 1 ] && grep -q 'Öppna sju nya stationer' '$TMP/out'"
# a kommun's nämnder publish in different years: barn- och ungdomsnämnden's
# 2026 goals are not dropped by a 2027 programme of another organ, and the
# programme's goals are no new goals of barn- och ungdomsnämnden
"$PLANSOK" ingest -q --db "$TMP/organs" "$SHARED/realplans/se_alingsas-barn-och-ungdomsnamnden_2026_kompetensforsorjningsplan.pdf" \
    "$SHARED/realplans/se_alingsas-kommun_2027-2030_program-idrott-rorelse-friluftsliv.pdf" >/dev/null 2>&1
run_ps 0 "goals of Alingsås kommun, two organs' documents" goals --db "$TMP/organs" --org 1489 --format json
check "... none dropped or new: unfollowed and first" python3 -c "
import json; s=json.load(open('$TMP/out'))['summary']
assert s['dropped'] == s['new'] == 0 and s['unfollowed'] >= 5 and s['first'] == 4, s"
# a motion in minutes proposes goals of its proposers, not the
# kommun's: KF 2018's "§ 67 Motion om kunskap …" (p56) gives no goals, and
# the year says why
"$PLANSOK" ingest -q --db "$TMP/kf18" "$SHARED/realplans/se_alingsas-kommunfullmaktige_2018_protokoll.pdf" >/dev/null 2>&1
run_ps 1 "goals of KF 2018's minutes: none" goals --db "$TMP/kf18" --org 1489 --format json
check "... none from the motion, each counted as others'" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
motion = [g for g in d['goals'] if 'Motion' in g['heading']]
y = [x for x in d['per_year'] if x['year'] == 2018]
sys.exit(0 if not motion and y and y[0]['others'] >= 4 else print('#', motion[:2], y) or 1)
PY
run_ps 1 "... as text" goals --db "$TMP/kf18" --org 1489
check "... says so" grep -q '^2018: 1 document, .* of others (motions, the nation, the law))$' "$TMP/out"
# an annual report's goal table (Tolkförmedling p18): its five
# verksamhetsmål with the förbund's whole name, the indicators without the
# outcome and target cells read into them, and none of the next pages'
# judgements ("Målet … bedöms ha uppnåtts")
"$PLANSOK" ingest -q --db "$TMP/tolk" "$SHARED/realplans/se_tolkformedling-vast_2025_arsredovisning.pdf" >/dev/null 2>&1
run_ps 0 "goals of Tolkförmedling Väst's annual report" goals --db "$TMP/tolk" --org "Tolkförmedling Väst" --format json
check "... the five verksamhetsmål whole, the indicators clean, no judgement" python3 - "$TMP/out" <<'PY'
import json, re, sys
g = [x['text'] for x in json.load(open(sys.argv[1]))['goals']]
whole = [t for t in g if t.startswith('Tolkförmedling Väst ska')]
bad = [t for t in g if re.search(r'\d%\s+[<>≥≤]?\d', t) or 'bedöms' in t or t.startswith('Väst ska')]
ok = len(whole) == 5 and not bad and 'Andel uppdrag som utförs av auktoriserad tolk ska uppgå till minst 32%.' in g
sys.exit(0 if ok else print('#', whole, bad) or 1)
PY
# goals about a topic: the kompetensförsörjningsplan's goals listed per
# verksamhet without a cue ("• 100 procent legitimerade och behöriga
# lärare …"), and not the lokalförsörjningsplan's goals for premises,
# whose passage names kompetensförsörjning only in passing
"$PLANSOK" ingest -q --db "$TMP/bun" "$SHARED"/realplans/se_alingsas-barn-och-ungdomsnamnden_2026*.pdf >/dev/null 2>&1
run_ps 0 "goals of barn- och ungdomsnämnden about kompetensförsörjning (one year: listed)" \
    goals --db "$TMP/bun" --org 1489 --format json kompetensförsörjning
check "... the listed goals, not the premises'" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = {x['text'] for x in d['goals']}
ok = '100 procent legitimerade och behöriga lärare eller förskollärare.' in g and not any('lokal' in t for t in g)
sys.exit(0 if ok else print('#', sorted(g)) or 1)
PY
done_testing

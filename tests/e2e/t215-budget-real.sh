#!/bin/sh
# t215-budget-real: budget rows from real tables, against a transcription
# by hand of three real documents (tests/data/budget-real.tsv): frame budget
# slides, a räddningstjänstförbund's budget and a kommun's fördjupad
# månadsuppföljning. Every row's label and amounts must come back, and
# nothing else from those pages; column headings are checked where the
# table prints them.
. "$(dirname "$0")/lib.sh"

need_real "budget rows of real PDFs"
set -- $(grep -v '^#' "$TOP/tests/data/budget-real.tsv" | cut -f1 | sort -u | sed "s|^|$SHARED/realplans/|")
run_ps 0 "ingest the three budget documents" ingest --db "$TMP/db" "$@"
run_ps 0 "plansok budget --format json" budget --db "$TMP/db" --format json
cp "$TMP/out" "$TMP/got.json"
check "every transcribed row comes back with its label and amounts, and nothing else" \
    python3 - "$TOP/tests/data/budget-real.tsv" "$TMP/got.json" <<'PY'
import json, sys
from collections import Counter
def num(s):
    return round(float(s), 3)
want = Counter()
for line in open(sys.argv[1], encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    f, page, label, amounts = line.rstrip('\n').split('\t')
    vals = tuple(num(a) for a in amounts.split('|') if a.strip())
    want[(f, int(page), label, vals)] += 1
got = Counter()
files = {k[0] for k in want}
for r in json.load(open(sys.argv[2], encoding='utf-8'))['rows']:
    if r['file'] not in files:
        continue
    vals = tuple(num(a) for a in r['amounts'] if a is not None)
    got[(r['file'], r['page'], r['label'], vals)] += 1
missing, extra = want - got, got - want
for m in sorted(missing): print('# missing', m)
for e in sorted(extra): print('# extra', e)
print('#', sum(want.values()), 'rows transcribed,', sum(got.values()), 'read')
sys.exit(1 if missing or extra or sum(want.values()) < 90 else 0)
PY
check "the columns are named as printed (years, Budget, Prognos, Årsbokslut, two-line headings)" python3 - "$TMP/got.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding='utf-8'))['rows']
def cols(f, page):
    return [r['columns'] for r in rows if r['file'] == f and r['page'] == page]
ok = True
m = cols('se_alingsas-kommun_2026_fordjupad-manadsuppfoljning.pdf', 2)
ok &= bool(m) and len(m[0]) == 3 and m[0][0] == 'Budget 2026' and 'Prognos' in m[0][1] and m[0][2] == 'Årsbokslut 2025'
r = cols('se_alingsas-vargarda-raddningstjanstforbund_2027_budget.pdf', 3)
ok &= bool(r) and r[0] == ['2027', '2028', '2029', '2030', '2031']
f = cols('se_alingsas-kommun_2027_budgetramar.pdf', 2)
ok &= bool(f) and f[0] == ['Ram inkl PKV', 'Resurs kompensation', 'Ram förändringar', 'Ram inkl förändringar',
                           'Statsbidrag', 'Ram inkl förändringar och statsbidrag']
b = cols('se_alingsas-kommun_2027_budgetramar.pdf', 5)
ok &= bool(b) and b[0] == ['2027', '2028', '2029']
u = {r['unit'] for r in rows if r['file'] == 'se_alingsas-kommun_2026_fordjupad-manadsuppfoljning.pdf'}
ok &= u == {'mnkr'}
sys.exit(0 if ok else 1)
PY

# headings of several lines whose words run together over columns, read
# off the page images: socialnämnden's 2017 follow-up p1 (the second table,
# headings of up to four lines) and tekniska nämndens fördjupade
# månadsuppföljning p5 ("2026" / "budget 2026" under "Prognos helår" and
# "Avv. prognos/"; "Budget 2026" and "Prognos" that the PDF's text runs
# together, 9.8 pt apart) and p10
run_ps 0 "ingest two follow-ups with headings of several lines" ingest --db "$TMP/db2" \
    "$SHARED/realplans/se_alingsas-socialnamnden_2017_manadsuppfoljning.pdf" \
    "$SHARED/realplans/se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf"
run_ps 0 "plansok budget --format json" budget --db "$TMP/db2" --format json
check "... each column is named by its own heading's words" python3 - "$TMP/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding='utf-8'))['rows']
def cols(f, page):
    return [r['columns'] for r in rows if r['file'] == f and r['page'] == page]
sn = cols('se_alingsas-socialnamnden_2017_manadsuppfoljning.pdf', 1)
want_sn = ['Förvaltningsledning', 'AFF Avd för funktionsstöd exkl EKB', 'ASS Arbetsmarkn Stöd o service exkl EKB',
           'IFO Individ o familjeomsorg exkl EKB', 'EKB - Ensamkommande', 'Summa']
tn = ['Budget 2026', 'Prognos helår 2026', 'Avv. prognos/ budget 2026']
got = (want_sn in sn, cols('se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf', 5)[:1] == [tn],
       cols('se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf', 10)[:1] == [tn])
sys.exit(0 if all(got) else print('#', got, sn[-1:]) or 1)
PY
check "... and an action plan's rows are what, which measure and its effect, in mnkr (socialnämnden 2017 p4)" python3 - "$TMP/out" <<'PY'
import json, sys
rows = [r for r in json.load(open(sys.argv[1], encoding='utf-8'))['rows']
        if r['file'] == 'se_alingsas-socialnamnden_2017_manadsuppfoljning.pdf' and r['page'] == 4]
got = [(r['label'], r['amounts'], r['unit'], r['columns']) for r in rows]
want = [('Alla: Alla externa köp av vård prövas mot lösningar i egen regi', [2.1], 'mnkr', ['Bedömd effekt 2017']),
        ('Alla: Inköpsstopp under året vad gäller material, kurser, konferenser', [1.0], 'mnkr', ['Bedömd effekt 2017']),
        ('Alla: Restriktivitet vid tjänstetillsättningar', [1.5], 'mnkr', ['Bedömd effekt 2017']),
        ('EKB: Avslutade platser och nerförhandlade priser', [0.5], 'mnkr', ['Bedömd effekt 2017'])]
sys.exit(0 if got == want else print('#', got) or 1)
PY
# totals: adding a table's item rows counts nothing twice. Investments
# (TN p3) are groups over parts set in under them, and their total; the
# result budgets (SN 2017 p1, TN p2) close costs, net cost and result
# under their parts. Each table's last total is the sum of its item rows.
check "... totals are marked, parts set in under their group, and the item rows add up to each table's total" \
    python3 - "$TMP/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding='utf-8'))['rows']
sn, tn = 'se_alingsas-socialnamnden_2017_manadsuppfoljning.pdf', 'se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf'
def table(f, page, first):
    t = [r for r in rows if r['file'] == f and r['page'] == page]
    return t[:next((i for i, r in enumerate(t[1:], 1) if r['columns'] != t[0]['columns']), len(t))] if first else t
bad = []
for f, page, last in ((tn, 3, 'Totala utgifter'), (tn, 2, 'Årets resultat'), (sn, 1, 'Årets resultat')):
    t = table(f, page, True)
    if not t or t[-1]['label'] != last or t[-1]['role'] != 'total':
        bad.append((f, page, 'last row', t[-1:] and t[-1]['label']))
        continue
    for c in range(len(t[-1]['amounts'])):
        s = sum(r['amounts'][c] or 0 for r in t if r['role'] == 'item')
        if abs(s - (t[-1]['amounts'][c] or 0)) > 0.5:
            bad.append((f, page, c, s, t[-1]['amounts'][c]))
inv = table(tn, 3, True)
groups = [r['label'] for r in inv if r['role'] == 'total' and r['level'] == 0]
bad += [] if groups == ['Expansionsinvestering', 'Imageinvestering', 'Reinvestering', 'Anpassningsinvestering',
                         'Totala utgifter'] else [groups]
bad += [] if sum(r['level'] == 1 and r['role'] == 'item' for r in inv) == 25 else ['parts set in']
res = [r['label'] for r in table(sn, 1, True) if r['role'] == 'total']
bad += [] if res == ['Verksamhetens kostnader', 'Verksamhetens nettokostnader', 'Årets resultat'] else [res]
varav = [(r['label'], r['role'], r['level']) for r in rows if r['file'] == tn and r['page'] == 4]
bad += [] if ('- varav exploatering', 'of_which', 1) in varav else [varav]
sys.exit(0 if not bad else print('#', bad) or 1)
PY
# a table whose heading over its labels is only its unit ("(tkr)") is
# named by the title-like line above it on its page: the förbund's
# investment plan p3, under "Investeringsbudget" and a paragraph
check "... a table headed only by its unit takes the page's title above it" python3 - "$TMP/got.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding='utf-8'))['rows']
t = {r['table'] for r in rows if r['file'] == 'se_alingsas-vargarda-raddningstjanstforbund_2027_budget.pdf' and r['page'] == 3
     and r['label'] == 'Fordon'}
sys.exit(0 if t == {'Investeringsbudget'} else print('#', t) or 1)
PY
# columns computed from others: the frame slides' "Ram inkl förändringar"
# (the frame, its compensation and changes) and "… och statsbidrag" (that
# and the grants), by their figures; TN's "Avv. prognos/ budget", the
# forecast less the budget; SN 2017's "Summa" of its units. Adding a row's
# item columns then gives each total column.
check "... columns that are totals or differences of others are marked, and add up" \
    python3 - "$TMP/out" "$TMP/got.json" <<'PY'
import json, sys
rows = [r for a in sys.argv[1:] for r in json.load(open(a, encoding='utf-8'))['rows']]
frame, sn, tn = ('se_alingsas-kommun_2027_budgetramar.pdf', 'se_alingsas-socialnamnden_2017_manadsuppfoljning.pdf',
                 'se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf')
bad = []
def roles(f, page):
    return {tuple(r['column_roles']) for r in rows if r['file'] == f and r['page'] == page and len(r['columns']) > 1}
want = {(frame, 2): {('item', 'item', 'item', 'total', 'item', 'total')},
        (tn, 2): {('item', 'item', 'difference')}}
for (f, page), w in want.items():
    if roles(f, page) != w:
        bad.append((f, page, roles(f, page)))
sn1 = [r for r in rows if r['file'] == sn and r['page'] == 1 and 'Summa' in r['columns']]
if len(sn1) < 8 or any(r['column_roles'][r['columns'].index('Summa')] != 'total' for r in sn1):
    bad.append(('SN 2017 Summa', len(sn1)))
for r in rows:
    if r['file'] != frame or r['page'] != 2:
        continue
    items = [a for a, k in zip(r['amounts'], r['column_roles']) if k == 'item']
    if abs(sum(items) - r['amounts'][-1]) > 2:
        bad.append((r['label'], items, r['amounts'][-1]))
sys.exit(0 if not bad else print('#', bad) or 1)
PY
# rows of one label under different totals are kept apart by their
# parent ("Vattenverk" under three groups of TN p10); each row carries its
# table's number on its page
run_ps 0 "budget as CSV" budget --db "$TMP/db2" --format csv
check "... each row names its parent and its table's number" python3 - "$TMP/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
vv = {r['parent'] for r in rows if r['label'] == 'Vattenverk' and r['page'] == '10'}
nos = {r['table_no'] for r in rows if r['page'] == '10' and 'tekniska' in r['file']}
ok = vv == {'Expansionsinvestering - VA', 'Reinvestering', 'Anpassningsinvestering'} and '0' not in nos and nos
sys.exit(0 if ok else print('#', vv, nos) or 1)
PY
# a topic keeps the rows that name it, and the parts set in under a total
# that does: "reinvestering" keeps TN p3's reinvestment group with its
# eleven parts, not the other groups' parts of the same names; a table
# whose caption names it stays whole ("Investeringar" over "Belopp i tkr",
# which names only the unit)
run_ps 0 "budget reinvestering" budget --db "$TMP/db2" --format json reinvestering
check "... keeps the reinvestment group with its parts, and no other row" python3 - "$TMP/out" <<'PY'
import json, sys
rows = [r for r in json.load(open(sys.argv[1], encoding='utf-8'))['rows'] if r['page'] == 3]
got = [(r['label'], r['amounts'][0]) for r in rows]
want = [('Reinvestering', 30505), ('Parkmiljö', 7853), ('Naturmark', 568), ('Lekplatser', 4500),
        ('Stadsmiljöåtgärder', 380), ('Gator och vägar', 1675), ('Cykel- och gångbanor', 1050),
        ('Trafiksäkerhet', 400), ('Maskiner och inventarier', 6779), ('Beläggning', 7000),
        ('Digitalisering', 300), ('Broar', 0)]
sys.exit(0 if got == want else print('#', got) or 1)
PY
run_ps 0 "budget investeringar" budget --db "$TMP/db2" --format json investeringar
check "... keeps the investment tables whole, named by the heading over them" python3 - "$TMP/out" <<'PY'
import json, sys
rows = [r for r in json.load(open(sys.argv[1], encoding='utf-8'))['rows'] if r['page'] == 3]
ok = len(rows) == 30 and rows[-1]['label'] == 'Totala utgifter' and {r['table'] for r in rows} == {'Investeringar'}
ok &= not any(r['label'] == 'Personalkostnader' for r in json.load(open(sys.argv[1], encoding='utf-8'))['rows'])
sys.exit(0 if ok else print('#', [(r['label'], r['table']) for r in rows][:3]) or 1)
PY
# key figures whose Alingsås column holds the year before's for some rows
# ("20 (2024)" under "Alingsås 2025"; socialnämnden's genomlysning p5)
run_ps 0 "ingest a genomlysning's key figures" ingest --db "$TMP/db3" \
    "$SHARED/realplans/se_alingsas-socialnamnden_2026-2027_genomlysning.pdf"
run_ps 0 "plansok budget --format csv" budget --db "$TMP/db3" --format csv
check "... each figure under its column, the year it is of noted, each label whole" python3 - "$TMP/out" <<'PY'
import csv, sys
rows = [(r['label'], r['column'], float(r['amount'])) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))
        if r['page'] == '5']
want = [('Antal barn och unga 0–20 år som har varit placerade på HVB någon gång under året', 'Alingsås 2025 (2024)', 20),
        ('Antal barn och unga 0–20 år som har varit placerade på HVB någon gång under året', 'Liknande kommuner 2024', 21),
        ('Antal barn och unga 0–20 år som har varit placerade på familjehem någon gång under året', 'Kommungenomsnitt 2024', 68),
        ('Kostnad öppna insatser barn och unga, kr/inv', 'Liknande kommuner 2024', 850)]
sys.exit(0 if all(w in rows for w in want) else print('#', rows) or 1)
PY
run_ps 0 "plansok budget as text" budget --db "$TMP/db3"
check "... shows them in one table, the year beside the figure" sh -c \
    "grep -c 'Alingsås 2025 Liknande kommuner 2024 Kommungenomsnitt 2024' '$TMP/out' | grep -qx 1 && grep -q 'på HVB någon gång under året *20 (2024) *21 *27\$' '$TMP/out'"
# a balance sheet's two sides read as one table are two (Tolkförmedling
# p28): "SUMMA TILLGÅNGAR" over the assets, then the equity and debts
# under "EGET KAPITAL OCH SKULDER", each side's items adding up to its total
run_ps 0 "ingest an annual report" ingest --db "$TMP/db4" "$SHARED/realplans/se_tolkformedling-vast_2025_arsredovisning.pdf"
run_ps 0 "plansok budget --format json" budget --db "$TMP/db4" --format json
check "... its balance sheet is two tables, each adding up to its total" python3 - "$TMP/out" <<'PY'
import json, sys
rows = [r for r in json.load(open(sys.argv[1], encoding='utf-8'))['rows'] if r['page'] == 28]
bad = []
for table, total in (('TILLGÅNGAR', 'SUMMA TILLGÅNGAR'), ('EGET KAPITAL OCH SKULDER', 'SUMMA EGET KAPITAL OCH SKULDER')):
    t = [r for r in rows if r['table'] == table]
    if not t or t[-1]['label'] != total:
        bad.append((table, [r['label'] for r in t][-1:]))
        continue
    s = sum(r['amounts'][0] for r in t if r['role'] == 'item')
    if abs(s - t[-1]['amounts'][0]) > 2:
        bad.append((table, s, t[-1]['amounts'][0]))
sys.exit(0 if not bad else print('#', bad) or 1)
PY
done_testing

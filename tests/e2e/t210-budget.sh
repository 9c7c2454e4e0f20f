#!/bin/sh
# t210-budget: budget figures from the fixture PDFs in tests/budget/ (their
# figures are invented): every amount written in the spec that rendered the
# PDF must come back from 'plansok budget', with its label and column.
. "$(dirname "$0")/lib.sh"

run_ps 0 "ingest the budget fixtures" ingest --db "$TMP/db" "$TOP/tests/budget"
run_ps 0 "plansok budget --format csv" budget --db "$TMP/db" --format csv
cp "$TMP/out" "$TMP/got.csv"
check "every amount in the specs is extracted, and nothing else" python3 - "$TOP/corpus/specs" "$TMP/got.csv" <<'PY'
import csv, sys, glob, os
def amount(s):
    s = s.strip().replace('\u2212', '-').replace('\u2013', '-').replace(' ', '').replace(',', '.')
    return float(s)
want = set()
for spec in glob.glob(os.path.join(sys.argv[1], 'budget-*.spec')):
    cols = None
    for line in open(spec, encoding='utf-8'):
        d, _, arg = line.rstrip('\n').partition(' ')
        if d == 'table':
            cols = [c.strip() for c in arg.split(' | ')][1:]
        elif d == 'row':
            cells = [c.strip() for c in arg.split(' | ')]
            for c, v in zip(cols, cells[1:]):
                if v not in ('', '-', '\u2013'):
                    want.add((cells[0], c, amount(v)))
got = set()
for r in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
    got.add((r['label'], r['column'], float(r['amount'])))
missing, extra = want - got, got - want
for m in sorted(missing): print('# missing', m)
for e in sorted(extra): print('# extra', e)
print('#', len(want), 'amounts in the specs,', len(got), 'extracted')
sys.exit(1 if missing or extra or len(want) < 50 else 0)
PY
check "units come from the captions (tkr, kr, mnkr)" sh -c "cut -d, -f7 '$TMP/got.csv' | sort -u | tr '\n' ' ' | grep -qx 'kr mnkr tkr unit '"
run_ps 0 "--region filters budget rows" budget --db "$TMP/db" --format csv --region västernorrland
check "... to Västernorrland only" sh -c "tail -n +2 '$TMP/out' | cut -d, -f2 | sort -u | grep -qx 'Västernorrlands län'"
run_ps 0 "--year filters budget rows" budget --db "$TMP/db" --format json --year 2015
check "... and JSON lists columns and amounts" python3 -c "
import json; d=json.load(open('$TMP/out')); rows=d['rows']; assert rows and all(r['year']==2015 for r in rows)
r=[r for r in rows if r['label']=='Övriga kostnader'][0]; assert r['amounts']==[-22840,-22010,-21905], r"
run_ps 0 "text output uses Swedish number format" budget --db "$TMP/db" --region jönköping
check "... 4 215,5 and −31 200" sh -c "grep -q '4 215,5' '$TMP/out' && grep -q '−31 200' '$TMP/out'"
run_ps 0 "Markdown output is a table per source table" budget --db "$TMP/db" --format md
check "... with a header row" grep -q '^| Post | Budget 2015 | Budget 2014 | Utfall 2013 |' "$TMP/out"
run_ps 0 "--org filters budget rows (a register code)" budget --db "$TMP/db" --format csv --org F-kfvn
check "... to that organisation's document only" sh -c "test \"\$(tail -n +2 '$TMP/out' | cut -d, -f1,4 | sort -u)\" = 'Kommunförbundet Västernorrland,budget-vasternorrland-2014.pdf'"
run_ps 0 "--org with --unit" budget --db "$TMP/db" --format csv --org "Regionförbundet Jönköpings län" --unit regionstyrelsen
check "... keeps the unit's rows" sh -c "test \$(tail -n +2 '$TMP/out' | cut -d, -f4 | sort -u) = budget-jonkoping-2015.pdf"
run_ps 2 "... and a unit no document has is a bad query" budget --db "$TMP/db" --org "Regionförbundet Jönköpings län" --unit socialnämnden
check "... that says so" grep -q "unknown unit 'socialnämnden': no document's unit is named so or starts so" "$TMP/err"
run_ps 0 "--unit names the start of a unit too" budget --db "$TMP/db" --format csv --unit Region
check "... and finds the unit's rows" sh -c "test \$(tail -n +2 '$TMP/out' | cut -d, -f4 | sort -u) = budget-jonkoping-2015.pdf"
run_ps 2 "... but not the middle of its name" budget --db "$TMP/db" --unit styrelsen
run_ps 2 "an empty unit in a query is a bad query, not every unit" search --db "$TMP/db" 'unit:"" budget'
check "... and says so" grep -q "empty unit ''" "$TMP/err"
# csv-sv: the same CSV as Excel set to Swedish opens it (BOM, ';', decimal
# comma, CRLF), field for field
run_ps 0 "--format csv-sv" budget --db "$TMP/db" --format csv-sv
check "... is the CSV with a BOM, ';', decimal commas and CRLF, field for field" python3 - "$TMP/got.csv" "$TMP/out" <<'PY'
import csv, io, sys
plain = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
raw = open(sys.argv[2], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf') and raw.count(b'\r\n') == len(plain) and raw.count(b'\n') == len(plain), 'BOM, CRLF'
sv = list(csv.reader(io.StringIO(raw[3:].decode('utf-8'), newline=''), delimiter=';'))
assert len(sv) == len(plain) > 10 and sv[0] == plain[0], (len(sv), len(plain))
decimals = 0
for a, b in zip(plain, sv):
    assert len(a) == len(b), (a, b)
    for x, y in zip(a, b):
        num = x.replace('-', '', 1).replace('.', '', 1).isdigit()
        want = x.replace('.', ',') if num else ("'" + x if x and x[0] in '=+-@' else x)
        assert y == want, (x, y)
        decimals += num and '.' in x
assert decimals > 0
PY
run_ps 0 "a topic keeps the rows that name it" budget --db "$TMP/db" --format csv medlemsavgifter
check "... in its label or its table, and no other" python3 - "$TMP/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
bad = [r for r in rows if 'medlemsavgift' not in (r['label'] + r['table']).lower()]
sys.exit(0 if rows and not bad and any('medlemsavgift' not in r['label'].lower() for r in rows) else print('#', bad[:2]) or 1)
PY
run_ps 1 "... and says when none does" budget --db "$TMP/db" cykelbanor
run_ps 0 "set a unit on a budget" set --db "$TMP/db" budget-vasternorrland-2014.pdf --unit förbundsstyrelsen
run_ps 0 "... its rows name it, for a pivot table by nämnd" budget --db "$TMP/db" --format json --org F-kfvn
check "... in every row" python3 -c "
import json; rows=json.load(open('$TMP/out'))['rows']; assert rows and all(r['org_unit']=='förbundsstyrelsen' for r in rows), rows[:1]"
run_ps 1 "no budget rows for a län without documents" budget --db "$TMP/db" --region gotland
done_testing

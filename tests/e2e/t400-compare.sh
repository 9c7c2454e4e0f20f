#!/bin/sh
# t400-compare: goals year over year (Jönköping 2013 vs 2014), compare and
# report on "kompetensförsörjning" (every län with hits; every cited page
# really holds the text, checked with pdftotext), the HTML report rendered
# in headless Chromium, and JSON outputs against docs/FORMATS.md.
. "$(dirname "$0")/lib.sh"

"$PLANSOK" ingest -q --db "$TMP/db" "$CORPUS" "$TOP/tests/budget" 2>/dev/null
DB="--db $TMP/db"

# --- goals: known goals read off the two plans ---------------------------
run_ps 0 "goals for Jönköping 2013,2014" goals $DB --region jönköping --years 2013,2014 --format json
cp "$TMP/out" "$TMP/goals.json"
goal() { # description, python condition on links (l) and goal texts (t)
    check "$1" python3 - "$TMP/goals.json" "$2" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1])); g = d['goals']
t = lambda i: g[i]['text'] if i is not None else ''
links = [dict(l, a=t(l['from']), b=t(l['to'])) for l in d['links']]
def has(change, a='', b=''):
    return any(l['change'] == change and a in l['a'] and b in l['b'] for l in links)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
goal "kept: 'Antalet nystartade företag per invånare ska vara över rikssnittet'" \
     "has('kept', 'Antalet nystartade företag per invånare ska vara över rikssnittet', 'Antalet nystartade företag per invånare ska vara över rikssnittet')"
goal "reworded: Lönesummeutvecklingen -> Lönesummautvecklingen" \
     "has('reworded', 'Lönesummeutvecklingen ska närma sig', 'Lönesummautvecklingen ska närma sig')"
goal "... with the changed word marked" \
     "any(l['change']=='reworded' and {'op':'del','text':'Lönesummeutvecklingen'} in l['diff'] and {'op':'add','text':'Lönesummautvecklingen'} in l['diff'] for l in links)"
goal "kept or reworded: the share with eftergymnasial utbildning" \
     "has('reworded', 'eftergymnasial utbildning ska närma sig rikssnittet', 'eftergymnasial utbildning ska närma sig rikssnittet') or has('kept', 'eftergymnasial utbildning ska närma sig', 'eftergymnasial utbildning ska närma sig')"
goal "reworded: Kursutbudet ska öka (15 -> 10 procent)" "has('reworded', 'Kursutbudet ska öka', 'Kursutbudet ska öka med 10 procent')"
goal "dropped: 'Befolkningstillväxten ska vara minst 0,5 % per år' (2013 only)" "has('dropped', 'Befolkningstillväxten ska vara minst 0,5')"
goal "new: 'Andelen tjänstenäringar ska närma sig riksgenomsnittet' (2014 only)" "has('new', '', 'Andelen tjänstenäringar ska närma sig riksgenomsnittet')"
goal "no goal is paired twice" \
     "len([l['from'] for l in links if l['from'] is not None]) == len({l['from'] for l in links if l['from'] is not None}) and len([l['to'] for l in links if l['to'] is not None]) == len({l['to'] for l in links if l['to'] is not None})"
goal "every goal of both years is accounted for" "{i for l in links for i in (l['from'], l['to']) if i is not None} == set(range(len(g)))"
goal "a goal stated on the scorecard and again on its detail page is listed once a year" \
     "len({(x['year'], tuple(re.findall(r'\w+', x['text'].lower()))) for x in g}) == len(g)"
goal "... with where else it is stated" \
     "any(x['text'].startswith('Befolkningstillväxten ska vara minst 0,5') and x['page'] == 18 and {'file': 'vp2013_webb.pdf', 'page': 21} in x['also'] for x in g)"
goal "... and is counted as a repeat" "d['per_year'][0]['repeats'] > 0 and d['per_year'][0]['goals'] == len([x for x in g if x['year'] == 2013])"
goal "fragments are not goals ('ska användas varje år.')" \
     "not any(x['text'][:1].islower() for x in g) and not any(x['text'] == 'ska användas varje år.' for x in g)"
goal "statements of fact are not goals ('Idag har länet 28 %.', 'Under 2011 omkom ...')" \
     "not any(x['text'].startswith(('Idag har länet', 'Under 2011')) for x in g)"
goal "JSON says per year how many documents, goal passages and goals there were" \
     "[(y['year'], y['documents']) for y in d['per_year']] == [(2013, 1), (2014, 1)] and all(y['goal_passages'] > 0 and y['goals'] > 0 for y in d['per_year'])"

# a topic picks links from the alignment of all goals: a goal the
# untopiced run pairs is never dropped because the later year's goal is
# not about the topic (the topic filtered each year on its own)
run_ps 0 "goals with a topic" goals $DB --region jönköping --years 2013,2014 --format json kompetensförsörjning
check "no goal the untopiced run pairs is dropped or new with a topic" python3 - "$TMP/goals.json" "$TMP/out" <<'PY'
import json, sys
a, t = (json.load(open(p)) for p in sys.argv[1:])
key = lambda d, i: (d['goals'][i]['year'], d['goals'][i]['file'], d['goals'][i]['page'], d['goals'][i]['text'])
paired = {key(a, l[e]) for l in a['links'] if l['change'] in ('kept', 'reworded') for e in ('from', 'to')}
lone = [key(t, l['from'] if l['from'] is not None else l['to']) for l in t['links'] if l['change'] in ('dropped', 'new')]
bad = [x for x in lone if x in paired]
sys.exit(0 if t['links'] and not bad else print(bad[:3]) or 1)
PY
check "... and every link of it is one of the untopiced run" python3 - "$TMP/goals.json" "$TMP/out" <<'PY'
import json, sys
a, t = (json.load(open(p)) for p in sys.argv[1:])
text = lambda d, i: d['goals'][i]['text'] if i is not None else None
links = lambda d: {(l['change'], text(d, l['from']), text(d, l['to'])) for l in d['links']}
sys.exit(0 if links(t) <= links(a) else 1)
PY

# a goal is dropped only when a later document of its organisation and unit
# has no goal like it: with the 2014 plan another unit's, the 2013 goals
# it lacks are unfollowed and its own lacking in 2013 first; pairs stay
"$PLANSOK" ingest -q --db "$TMP/units" "$CORPUS/vp2013_webb.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf" 2>/dev/null
run_ps 0 "set --unit kulturnämnden on the 2014 plan" set --db "$TMP/units" rfjl_vp_budget_2014.pdf --unit kulturnämnden
run_ps 0 "goals of two units' plans" goals --db "$TMP/units" --region jönköping --years 2013,2014 --format json
check "... dropped and new become unfollowed and first, kept and reworded stay" python3 - "$TMP/goals.json" "$TMP/out" <<'PY'
import json, sys
a, u = (json.load(open(p)) for p in sys.argv[1:])
sa, su = a['summary'], u['summary']
want = dict(kept=sa['kept'], reworded=sa['reworded'], new=0, dropped=0, unfollowed=sa['dropped'], first=sa['new'], in_force=0)
sys.exit(0 if su == want and sa['dropped'] > 0 else print(su, want) or 1)
PY
run_ps 0 "... as text" goals --db "$TMP/units" --region jönköping --years 2013,2014
check "... says what unfollowed and first mean" grep -q '^[0-9]* kept, [0-9]* reworded, 0 new, 0 dropped; [0-9]* unfollowed, [0-9]* first (the other year has no goals of their organisation and unit in a document that would state them)$' "$TMP/out"
check "... and lists them" sh -c "grep -q '^  unfollowed p18 ' '$TMP/out' && grep -q '^  first      p' '$TMP/out'"
run_ps 0 "... as Markdown" goals --db "$TMP/units" --region jönköping --years 2013,2014 --format md
check "... says what they mean, in Swedish" grep -q '^\*unfollowed\* och \*first\*: året det jämförs med har inga mål från samma organisation och nämnd' "$TMP/out"
# a unit is the same unit in any case ("Regionstyrelsen", "regionstyrelsen")
run_ps 0 "set --unit Regionstyrelsen on the 2014 plan" set --db "$TMP/units" rfjl_vp_budget_2014.pdf --unit Regionstyrelsen
run_ps 0 "goals of one unit in two cases" goals --db "$TMP/units" --region jönköping --years 2013,2014 --format json
check "... dropped and new as before" python3 - "$TMP/goals.json" "$TMP/out" <<'PY'
import json, sys
a, u = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if u['summary'] == dict(a['summary'], unfollowed=0, first=0) else print(u['summary']) or 1)
PY
# a goal that documents of two organs state counts for both: the 2014 plan
# moved to 2013 under another unit, and a 2014 plan of the first unit: a
# goal both 2013 plans state is dropped, not unfollowed
"$PLANSOK" ingest -q --db "$TMP/organs" "$CORPUS/vp2013_webb.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf" "$CORPUS/kfvn-vp-2013.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/organs" rfjl_vp_budget_2014.pdf --year 2013 --unit kulturnämnden >/dev/null 2>&1
"$PLANSOK" set --db "$TMP/organs" kfvn-vp-2013.pdf --org "Regionförbundet Jönköpings län" --unit regionstyrelsen --region jönköping --year 2014 >/dev/null 2>&1
run_ps 0 "goals of two organs' plans of one year" goals --db "$TMP/organs" --region jönköping --years 2013,2014 --format json
check "... a goal stated by both is dropped, one stated by the other organ alone unfollowed" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); g = d['goals']
files = lambda x: {x['file']} | {a['file'] for a in x['also']}
gone = [(l['change'], files(g[l['from']])) for l in d['links'] if l['to'] is None]
both = [c for c, f in gone if f == {'vp2013_webb.pdf', 'rfjl_vp_budget_2014.pdf'}]
other = [c for c, f in gone if f == {'rfjl_vp_budget_2014.pdf'}]
ok = both and set(both) == {'dropped'} and other and set(other) == {'unfollowed'}
sys.exit(0 if ok else print(both[:3], other[:3]) or 1)
PY
# a document whose organisation is not known is compared with the whole year
"$PLANSOK" ingest -q --db "$TMP/unknown" "$CORPUS/vp2013_webb.pdf" "$CORPUS/kfvn-vp-2013.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/unknown" kfvn-vp-2013.pdf --region jönköping --year 2014 >/dev/null 2>&1
run_ps 0 "goals of a plan of an unknown organisation" goals --db "$TMP/unknown" --region jönköping --years 2013,2014 --format json
check "... are new, not first" python3 -c "
import json; s=json.load(open('$TMP/out'))['summary']; assert s['new'] > 0 and s['first'] == 0, s"
# goal_changes(path): a goals JSON file, its goals, and each link as the
# first 12 characters of its goal's text with its change
cat > "$TMP/changes.py" <<'PY'
def goal_changes(path):
    d = json.load(open(path)); g = d['goals']
    return d, g, {(g[l['from'] if l['from'] is not None else l['to']]['text'][:12], l['change']) for l in d['links']}
PY
# a goal stated in one year only, by a plan for a period that covers the
# other year too, is in force, not dropped or new: a cykelplan for
# 2026-2028 and a verksamhetsplan for 2027 of the same kommun; a strategy
# for 2026-2030 set to 2027
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/cykelplan-2026-2028.pdf" "Cykelplan 2026-2028 for kommunen" "Mal" \
    "Sjukfranvaron bland alla medarbetare ska minska med 10 procent till 2028." \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-b.pdf" "Verksamhetsplan 2027 for kommunen" "Mal" \
    "Sjukfranvaron bland alla medarbetare ska minska med 10 procent till 2028." \
    "Antalet bibliotekslan ska oka med 5 procent till 2028."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-c.pdf" "Strategi 2026-2030 for kommunen" "Mal" \
    "Antalet elever per larare ska vara hogst 12 till 2030." \
    "Korttidsfranvaron ska minska med 5 procent till 2030."
"$PLANSOK" ingest -q --db "$TMP/periods" --region uppsala --org "Uppsala kommun" \
    "$TMP/cykelplan-2026-2028.pdf" "$TMP/plan-b.pdf" "$TMP/plan-c.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/periods" plan-c.pdf --year 2027 >/dev/null 2>&1
run_ps 0 "goals of plans for periods" goals --db "$TMP/periods" --org "Uppsala kommun" --format json
check "... a goal the later year lacks, of a plan that runs through it, is in force; so is a later goal of a strategy that held already" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
want = {('Sjukfranvaro', 'kept'), ('Andelen som ', 'in_force'), ('Antalet bibl', 'first'),
        ('Antalet elev', 'in_force'), ('Korttidsfran', 'in_force')}
per = {x['text'][:12]: (x['period_from'], x['period_to']) for x in g}
ok = ch == want and d['summary']['in_force'] == 3 and d['summary']['dropped'] == 0 \
     and per['Andelen som '] == (2026, 2028) and per['Antalet bibl'] == (None, None)
sys.exit(0 if ok else print(sorted(ch), d['summary'], per) or 1)
PY
run_ps 0 "... as text" goals --db "$TMP/periods" --org "Uppsala kommun"
check "... with the year and period that state each one, and what in force means" sh -c \
    "grep -q '^  in_force   1:p1          Andelen som cyklar .* (stated in 2026 for 2026–2028)\$' '$TMP/out' && grep -q '^  in_force   3:p1          Korttidsfranvaron .* (stated in 2027 for 2026–2030)\$' '$TMP/out' && grep -q '^1 kept, 0 reworded, 0 new, 0 dropped; 0 unfollowed, 1 first (.*); 3 in force (stated for a period that covers both years, by a plan nothing replaces)\$' '$TMP/out'"
run_ps 0 "... as Markdown" goals --db "$TMP/periods" --org "Uppsala kommun" --format md
check "... says it in Swedish, the year and period beside the goal" sh -c \
    "grep -q '^| in_force | Andelen som cyklar .* (dok. 1, s. 1) (angivet 2026 för 2026–2028) |  |\$' '$TMP/out' && grep -q '^\*in_force\*: målet står bara det ena året' '$TMP/out'"
run_ps 0 "... as CSV" goals --db "$TMP/periods" --org "Uppsala kommun" --format csv
check "... with each goal's period" sh -c \
    "head -1 '$TMP/out' | grep -q ',to_text,from_period,to_period\$' && grep -q '^2026,2027,in_force,0.000,cykelplan-2026-2028.pdf,1,Andelen som cyklar .*,,,,2026–2028,\$' '$TMP/out'"
# ... but not when the other year has a plan of the same kommun and kind
# for an overlapping period (the plan rolled on: 2027-2029), nor for a
# follow-up's period, which is what it looks back on; the follow-up's goals
# are unfollowed, for the later year's cykelplan would not state them
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/cykelplan-2027-2029.pdf" "Cykelplan 2027-2029 for kommunen" "Mal" \
    "Sjukfranvaron bland alla medarbetare ska minska med 10 procent till 2028." \
    "Antalet cykelbanor ska vara minst 40 till 2029."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-e.pdf" "Uppfoljning 2026-2027 for kommunen" "Mal" \
    "Antalet elever per larare ska vara hogst 12 till 2027." \
    "Korttidsfranvaron ska minska med 5 procent till 2027."
"$PLANSOK" ingest -q --db "$TMP/rolled" --region uppsala --org "Uppsala kommun" \
    "$TMP/cykelplan-2026-2028.pdf" "$TMP/cykelplan-2027-2029.pdf" "$TMP/plan-e.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/rolled" plan-e.pdf --year 2026 --kind uppföljning >/dev/null 2>&1
run_ps 0 "goals of a plan rolled on, and of a follow-up" goals --db "$TMP/rolled" --org "Uppsala kommun" --format json
check "... the goal the new plan leaves out is dropped, its new goal new, and the follow-up's goals unfollowed" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
want = {('Sjukfranvaro', 'kept'), ('Andelen som ', 'dropped'), ('Antalet cyke', 'new'),
        ('Antalet elev', 'unfollowed'), ('Korttidsfran', 'unfollowed')}
sys.exit(0 if ch == want and d['summary']['in_force'] == 0 else print(sorted(ch), d['summary']) or 1)
PY
# ... nor when the later plan is another series (a cykelplan is no
# lokalförsörjningsplan's successor), while a verksamhetsplan for 2026-2028
# is replaced by the next year's verksamhetsplan, period or not
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/lokalplan-2026-2031.pdf" "Lokalforsorjningsplan 2026-2031 for kommunen" "Mal" \
    "Andelen lokaler med god ventilation ska vara minst 90 procent till 2031."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/vp-2026-2028.pdf" "Verksamhetsplan 2026-2028 for kommunen" "Mal" \
    "Sjukfranvaron bland alla medarbetare ska minska med 10 procent till 2028." \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
"$PLANSOK" ingest -q --db "$TMP/series" --region uppsala --org "Uppsala kommun" \
    "$TMP/lokalplan-2026-2031.pdf" "$TMP/vp-2026-2028.pdf" "$TMP/cykelplan-2027-2029.pdf" "$TMP/plan-b.pdf" 2>/dev/null
run_ps 0 "goals of plans of two series and of two verksamhetsplaner" goals --db "$TMP/series" --org "Uppsala kommun" --format json
check "... the lokalförsörjningsplan's goal is in force, the verksamhetsplan's left-out goal dropped" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
ok = ('Andelen loka', 'in_force') in ch and ('Andelen som ', 'dropped') in ch
sys.exit(0 if ok else print(sorted(ch)) or 1)
PY
# a thematic plan's goals meet only a plan of their series, or nothing: the
# 2026 cykelplan's goals against the 2027 biblioteksplan of the same kommun
# are unfollowed, not dropped, and the library's goals first, not new
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/cykelplan-2026.pdf" "Cykelplan 2026 for kommunen" "Mal" \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028." \
    "Antalet cykelbanor ska vara minst 40 till 2029."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/biblioteksplan-2027.pdf" "Biblioteksplan 2027 for kommunen" "Mal" \
    "Antalet bibliotekslan ska oka med 5 procent till 2028." \
    "Antalet besokare ska oka med 10 procent till 2028."
"$PLANSOK" ingest -q --db "$TMP/themes" --region uppsala --org "Uppsala kommun" \
    "$TMP/cykelplan-2026.pdf" "$TMP/biblioteksplan-2027.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/themes" cykelplan-2026.pdf --year 2026 --kind plan >/dev/null 2>&1
"$PLANSOK" set --db "$TMP/themes" biblioteksplan-2027.pdf --year 2027 --kind plan >/dev/null 2>&1
run_ps 0 "goals of two plans of other subjects" goals --db "$TMP/themes" --org "Uppsala kommun" --format json
check "... are unfollowed and first, not dropped and new" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
want = {('Andelen som ', 'unfollowed'), ('Antalet cyke', 'unfollowed'), ('Antalet bibl', 'first'), ('Antalet beso', 'first')}
sys.exit(0 if ch == want else print(sorted(ch)) or 1)
PY
# ... nor is a goal of one subject reworded as another subject's alike
# goal: the cykelplan's "Antalet cykelbanor ska vara minst 40" and an
# idrottsplan's "Antalet foreningar ska vara minst 30", a year apart, are
# unfollowed and first; the goal both state in the same words is kept
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/idrottsplan-2027.pdf" "Idrottsplan 2027 for kommunen" "Mal" \
    "Antalet foreningar ska vara minst 30 till 2029." \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
"$PLANSOK" ingest -q --db "$TMP/alike" --region uppsala --org "Uppsala kommun" \
    "$TMP/cykelplan-2026.pdf" "$TMP/idrottsplan-2027.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/alike" cykelplan-2026.pdf --year 2026 --kind plan >/dev/null 2>&1
"$PLANSOK" set --db "$TMP/alike" idrottsplan-2027.pdf --year 2027 --kind plan >/dev/null 2>&1
run_ps 0 "goals alike of two plans of other subjects" goals --db "$TMP/alike" --org "Uppsala kommun" --format json
check "... are not reworded; the same words are kept" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
want = {('Andelen som ', 'kept'), ('Antalet cyke', 'unfollowed'), ('Antalet fore', 'first')}
sys.exit(0 if ch == want else print(sorted(ch)) or 1)
PY
# ... and a goal carried in force into the next year makes no later goal of
# another subject new: the cykelplan 2026-2028's goals, in force in 2027,
# meet an idrottsplan 2028 whose goals are first
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/idrottsplan-2028.pdf" "Idrottsplan 2028 for kommunen" "Mal" \
    "Simhallen ska vara oppen alla dagar till 2028." \
    "Antalet foreningar ska vara minst 30 till 2029."
"$PLANSOK" ingest -q --db "$TMP/carried2" --region uppsala --org "Uppsala kommun" \
    "$TMP/cykelplan-2026-2028.pdf" "$TMP/biblioteksplan-2027.pdf" "$TMP/idrottsplan-2028.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/carried2" biblioteksplan-2027.pdf --year 2027 --kind plan >/dev/null 2>&1
"$PLANSOK" set --db "$TMP/carried2" idrottsplan-2028.pdf --year 2028 --kind plan >/dev/null 2>&1
run_ps 0 "goals of a plan in force, then plans of other subjects" goals --db "$TMP/carried2" --org "Uppsala kommun" --format json
check "... whose goals are first, not new" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = d['goals']
later = {g[l['to']]['text'][:8]: l['change'] for l in d['links'] if l['to_year'] == 2028 and l['to'] is not None}
sys.exit(0 if later.get('Simhalle') == 'first' and later.get('Antalet ') in ('first', 'reworded') else print(later) or 1)
PY
# a goal in force in a year is compared with the next year's goals as that
# year's: the lokalförsörjningsplan 2026-2031's goals, not stated in 2027,
# meet the plan 2028-2033 of its series, which keeps one and leaves the
# other out; a new goal of the kommun's in 2028 is new, not first; the
# verksamhetsplan 2027's goals meet no document that would state them in
# 2026 or 2028 (only lokalförsörjningsplaner): first, then unfollowed
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/lokalplan-2028-2033.pdf" "Lokalforsorjningsplan 2028-2033 for kommunen" "Mal" \
    "Andelen lokaler med god ventilation ska vara minst 90 procent till 2031." \
    "Antalet nya forskoleplatser ska vara minst 200 till 2033."
mkdir -p "$TMP/rev"
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/rev/lokalplan-2026-2031.pdf" "Lokalforsorjningsplan 2026-2031 for kommunen" "Mal" \
    "Andelen lokaler med god ventilation ska vara minst 90 procent till 2031." \
    "Energianvandningen i fastigheterna ska minska med 15 procent."
"$PLANSOK" ingest -q --db "$TMP/carried" --region uppsala --org "Uppsala kommun" \
    "$TMP/rev/lokalplan-2026-2031.pdf" "$TMP/plan-b.pdf" "$TMP/lokalplan-2028-2033.pdf" 2>/dev/null
run_ps 0 "goals of a plan in force through a year, then revised" goals --db "$TMP/carried" --org "Uppsala kommun" --format json
check "... meet the revision: kept, or dropped when it leaves them out" python3 - "$TMP/out" "$TMP/changes.py" <<'PY'
import json, sys
exec(open(sys.argv[2]).read())
d, g, ch = goal_changes(sys.argv[1])
links = {(l['from_year'], l['to_year'], g[l['from'] if l['from'] is not None else l['to']]['text'][:12], l['change'])
         for l in d['links']}
want = {(2026, 2027, 'Andelen loka', 'in_force'), (2026, 2027, 'Energianvand', 'in_force'),
        (2026, 2027, 'Sjukfranvaro', 'first'), (2026, 2027, 'Antalet bibl', 'first'),
        (2027, 2028, 'Andelen loka', 'kept'), (2027, 2028, 'Energianvand', 'dropped'),
        (2027, 2028, 'Sjukfranvaro', 'unfollowed'), (2027, 2028, 'Antalet bibl', 'unfollowed'),
        (2027, 2028, 'Antalet nya ', 'new')}
sys.exit(0 if links == want else print(sorted(links)) or 1)
PY
run_ps 0 "... as text" goals --db "$TMP/carried" --org "Uppsala kommun"
check "... which says the year and period that stated them" sh -c \
    "grep -q '^  kept       p1 -> p1      Andelen lokaler .* (stated in 2026 for 2026–2031)\$' '$TMP/out' && grep -q '^  dropped    p1            Energianvandningen .* (stated in 2026 for 2026–2031)\$' '$TMP/out'"
# a goal stated by two plans of a year takes the period of both when they
# overlap (2026-2027 and 2027-2029: 2026-2029), not across a gap (2030-2031)
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-f.pdf" "Cykelplan 2026-2027 for kommunen" "Mal" \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-g.pdf" "Cykelplan 2027-2029 for kommunen" "Mal" \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/plan-h.pdf" "Cykelplan 2030-2031 for kommunen" "Mal" \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2028."
"$PLANSOK" ingest -q --db "$TMP/widen" --region uppsala --org "Uppsala kommun" "$TMP/plan-f.pdf" "$TMP/plan-g.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/widen" plan-g.pdf --year 2026 >/dev/null 2>&1
run_ps 0 "a goal stated by two plans of a year" goals --db "$TMP/widen" --org "Uppsala kommun" --years 2026 --format json
check "... is for the period of both when they overlap" python3 -c "
import json; g=json.load(open('$TMP/out'))['goals']; assert len(g) == 1 and (g[0]['period_from'], g[0]['period_to']) == (2026, 2029), g"
"$PLANSOK" ingest -q --db "$TMP/gap" --region uppsala --org "Uppsala kommun" "$TMP/plan-f.pdf" "$TMP/plan-h.pdf" 2>/dev/null
"$PLANSOK" set --db "$TMP/gap" plan-h.pdf --year 2026 >/dev/null 2>&1
run_ps 0 "... and by two plans whose periods lie apart" goals --db "$TMP/gap" --org "Uppsala kommun" --years 2026 --format json
check "... is for the first one's, not the years between" python3 -c "
import json; g=json.load(open('$TMP/out'))['goals']; assert len(g) == 1 and (g[0]['period_from'], g[0]['period_to']) == (2026, 2027), g"
run_ps 0 "goals text output" goals $DB --region jönköping
check "... marks the changed words" grep -q '\[-Lönesummeutvecklingen-\] {+Lönesummautvecklingen+}' "$TMP/out"
check "... says what each year gave, a year without goal passages too" sh -c "grep -q '^2013: 1 document, [0-9]* goal passages, [0-9]* goals' '$TMP/out' && grep -qx '2015: 1 document, no goal passages' '$TMP/out'"
check "... and does not drop every goal of a year into one without goals" sh -c "! grep -q '2014 -> 2015' '$TMP/out'"
run_ps 2 "goals without --region or --org" goals $DB
check "... says so" grep -q -- "--region or --org is required" "$TMP/err"
run_ps 0 "goals for a län with one year list that year's goals" goals $DB --region norrbotten
check "... under the year, each with its page" sh -c "grep -q '^Goals of Norrbottens län in 2011\$' '$TMP/out' && grep -Eq '^  p[0-9]+ ' '$TMP/out'"
run_ps 1 "goals of years without goals: exit 1" goals $DB --region jönköping --years 2015,2016
check "... and says why, year by year" sh -c "grep -qx '2015: 1 document, no goal passages' '$TMP/out' && grep -qx '2016: no documents' '$TMP/out'"
run_ps 1 "the same in JSON" goals $DB --region jönköping --years 2015,2016 --format json
check "... with the numbers of each year" python3 -c "
import json; d=json.load(open('$TMP/out'))
assert d['links'] == [] and [(y['year'], y['documents'], y['goal_passages']) for y in d['per_year']] == [(2015, 1, 0), (2016, 0, 0)], d['per_year']"
run_ps 1 "goals about a topic no goal passage has" goals $DB --region jönköping --years 2013,2014 medlemsavgifter
check "... says none is about the topic" grep -q '^2013: 1 document, [0-9]* goal passages (none about the topic)' "$TMP/out"

# --- goals of one organisation ----------------------------------------------
# kfvn-vp-2013.pdf, filed by hand under another organisation of Jönköpings
# län: in the län's goals, not in Regionförbundet's
cp -r "$TMP/db" "$TMP/db-org"
"$PLANSOK" set --db "$TMP/db-org" kfvn-vp-2013.pdf --org "Region Jönköpings län" --region jönköping --year 2013 2>/dev/null
run_ps 0 "goals of the län, with another organisation's plan" goals --db "$TMP/db-org" --region jönköping --years 2013,2014 --format json
cp "$TMP/out" "$TMP/goals-lan.json"
check "... has two documents and goals from both in 2013" python3 -c "
import json; d=json.load(open('$TMP/goals-lan.json'))
assert d['per_year'][0]['documents'] == 2 and {x['file'] for x in d['goals'] if x['year'] == 2013} == {'vp2013_webb.pdf', 'kfvn-vp-2013.pdf'}"
run_ps 0 "goals text of the län with two documents a year" goals --db "$TMP/db-org" --region jönköping --years 2013,2014
check "... cites each page with its document's number, and lists the documents" sh -c \
    "grep -Eq '^  (kept|reworded|new|dropped) +[0-9]+:p[0-9]+' '$TMP/out' && grep -qx 'Documents:' '$TMP/out' && grep -Eqx '  [0-9]+: kfvn-vp-2013.pdf' '$TMP/out'"
run_ps 0 "... in Markdown" goals --db "$TMP/db-org" --region jönköping --years 2013,2014 --format md
check "... cites (dok. N, s. P) and lists the documents" sh -c \
    "grep -Eq '\(dok\. [0-9]+, s\. [0-9]+\)' '$TMP/out' && grep -Eqx '[0-9]+\. kfvn-vp-2013\.pdf' '$TMP/out'"
run_ps 0 "goals text of one document a year" goals --db "$TMP/db" --region jönköping --years 2013,2014
check "... cites pages alone and lists no documents" sh -c \
    "grep -Eq '^  (kept|reworded|new|dropped) +p[0-9]+' '$TMP/out' && ! grep -q 'Documents:' '$TMP/out'"
for org in "Regionförbundet Jönköpings län" F-rfjl "regionförbundet jönköpings län"; do
    run_ps 0 "goals --org '$org'" goals --db "$TMP/db-org" --org "$org" --years 2013,2014 --format json
    check "... follows that organisation's plans only" python3 -c "
import json; d=json.load(open('$TMP/out'))
assert d['org'] == 'Regionförbundet Jönköpings län' and d['lan'] is None, (d['org'], d['lan'])
assert [y['documents'] for y in d['per_year']] == [1, 1] and {x['file'] for x in d['goals']} == {'vp2013_webb.pdf', 'rfjl_vp_budget_2014.pdf'}
assert d['summary']['kept'] > 0"
done
run_ps 0 "goals --org with --region" goals --db "$TMP/db-org" --org F-rfjl --region jönköping
check "... names both" grep -q "^Goals of Regionförbundet Jönköpings län, Jönköpings län: 2013 -> 2014" "$TMP/out"
run_ps 0 "goals --org by default takes the years of the organisation's documents" goals --db "$TMP/db-org" --org F-rfjl --format json
check "... (2013, 2014 and the 2015 budget)" python3 -c "
import json; assert json.load(open('$TMP/out'))['years'] == [2013, 2014, 2015]"
run_ps 0 "goals --org of an organisation with one year" goals --db "$TMP/db-org" --org "Region Jönköpings län"
check "... lists that year's goals with their pages" sh -c \
    "grep -q '^Goals of Region Jönköpings län in 20[0-9][0-9]\$' '$TMP/out' && grep -Eq '^  p[0-9]+ +[A-ZÅÄÖ]' '$TMP/out'"
run_ps 0 "goals --years of one year, as CSV" goals --db "$TMP/db" --region jönköping --years 2013 --format csv
check "... a goal a line with its year, file, page and period" sh -c \
    "head -1 '$TMP/out' | grep -qx 'year,file,page,text,period' && sed -n 2p '$TMP/out' | grep -q '^2013,vp2013_webb.pdf,[0-9]*,'"
run_ps 1 "goals of one year without goals" goals --db "$TMP/db-org" --org 1489 --years 2013
check "... says why" sh -c "grep -q '^Goals of Alingsås kommun in 2013' '$TMP/out' && grep -qx '2013: no documents' '$TMP/out'"
run_ps 1 "goals --org of an organisation without documents in the years asked" goals --db "$TMP/db-org" --org 1489 --years 2013,2014
check "... names it as the register does and says why" sh -c "grep -q '^No goals of Alingsås kommun to compare' '$TMP/out' && grep -qx '2013: no documents' '$TMP/out'"
# ... and of one unit of it (a nämnd: docs shows each document's unit)
run_ps 0 "goals --org --unit" goals --db "$TMP/db-org" --org F-rfjl --unit regionstyrelsen --years 2013,2014
check "... names the unit and follows its plans" sh -c \
    "grep -q '^Goals of Regionförbundet Jönköpings län, regionstyrelsen: 2013 -> 2014' '$TMP/out' && grep -qx '2013: 1 document, [0-9]* goal passages, [0-9]* goals (of [0-9]* statements: [0-9]* repeats, [0-9]* non-goals\\(; [0-9]* named in other passages\\)\\{0,1\\})' '$TMP/out'"
run_ps 0 "goals --unit with the start of a unit's name" goals --db "$TMP/db-org" --org F-rfjl --unit region --years 2013,2014
check "... names the unit as its documents do" grep -q '^Goals of Regionförbundet Jönköpings län, regionstyrelsen: 2013 -> 2014' "$TMP/out"
run_ps 1 "goals --unit of a unit without documents of that organisation" goals --db "$TMP/db-org" --org "Region Jönköpings län" --unit regionstyrelsen --years 2013,2014
check "... says why" sh -c "grep -q '^No goals of Region Jönköpings län, regionstyrelsen to compare' '$TMP/out' && grep -qx '2013: no documents' '$TMP/out'"
run_ps 2 "goals --unit of a unit no document has" goals --db "$TMP/db-org" --org F-rfjl --unit nosuch
check "... says so" grep -q "unknown unit 'nosuch': no document's unit is named so or starts so (plansok docs lists them)" "$TMP/err"
run_ps 0 "search with the unit filter in the query" search $DB --format csv --limit 100 'mål nämnd:Regionstyrelsen'
check "... finds only that unit's passages" sh -c "test \$(tail -n +2 '$TMP/out' | wc -l) -gt 0 && ! tail -n +2 '$TMP/out' | grep -v ',regionstyrelsen,'"

# --- compare ---------------------------------------------------------------
run_ps 0 "compare kompetensförsörjning" compare $DB --format json kompetensförsörjning
cp "$TMP/out" "$TMP/compare.json"
"$PLANSOK" matrix $DB --format csv kompetensförsörjning | tail -n +2 | cut -d, -f1 | sort -u > "$TMP/matrix-lans"
check "compare covers every län with hits" python3 -c "
import json; d=json.load(open('$TMP/compare.json'))
want={l.rstrip('\n') for l in open('$TMP/matrix-lans')}; got={x['lan'] for x in d['lans']}
assert got == want, (got, want)"
check "Jönköping has 2013, 2014 and (budget fixture) 2015, with a best passage each" python3 -c "
import json; d=json.load(open('$TMP/compare.json'))
j=[x for x in d['lans'] if x['lan']=='Jönköpings län'][0]
assert [y['year'] for y in j['years']] == [2013, 2014, 2015] and all(y['best'] for y in j['years'])"

# Cited pages really hold the cited text: pdftotext -raw of that page,
# compared with letters and digits only (so hyphenation cannot hide a match).
cat > "$TMP/cite.py" <<'PY'
import json, re, subprocess, sys, os
corpus, dirs = sys.argv[1], sys.argv[2:]
def norm(s): return re.sub(r'[^0-9a-zåäöéü]', '', s.lower())
def page_text(f, p):
    for d in dirs:
        if os.path.exists(os.path.join(d, f)):
            return subprocess.run(['pdftotext', '-raw', '-f', str(p), '-l', str(p), os.path.join(d, f), '-'],
                                  capture_output=True, text=True).stdout
    return ''
bad = n = 0
for line in sys.stdin:
    f, p, text = line.rstrip('\n').split('\t', 2)
    t = norm(text.replace('…', ' '))
    chunk = t[len(t)//2 - 20: len(t)//2 + 20] if len(t) > 60 else t
    n += 1
    if not chunk or chunk not in norm(page_text(f, p)):
        bad += 1; print('# not on page:', f, p, text[:80])
print('#', n, 'citations checked')
sys.exit(1 if bad or n == 0 else 0)
PY
check "every best passage cited by compare is on its page" sh -c "python3 -c \"
import json; d=json.load(open('$TMP/compare.json'))
for l in d['lans']:
    for y in l['years']:
        b=y['best']
        if b: print(b['file'], b['page'], b['snippet'].replace(chr(10), ' '), sep='\t')
\" | python3 '$TMP/cite.py' '$CORPUS' '$CORPUS' '$TOP/tests/budget'"
run_ps 0 "compare text output" compare $DB kompetensförsörjning
check "... names where the topic appears" grep -q "Jönköpings län (appears 2013; disappears -)" "$TMP/out"

run_ps 2 "goals over a range of years without documents is a usage error" goals $DB --region jönköping --years 1990..1995
check "... and says so" grep -q "no documents of Jönköpings län in 1990..1995" "$TMP/err"

# goals about a topic go through the same query preparation as search: a
# synonym group (RUP = regionalt utvecklingsprogram) finds the goals that
# search finds (it found none when goals skipped it); a link is kept when
# either of its goals comes from such a passage (of any section: a goal
# named outright counts wherever it stands)
run_ps 0 "goals about 'regionalt utvecklingsprogram'" goals $DB --region jönköping --format json regionalt utvecklingsprogram
cp "$TMP/out" "$TMP/goals-rup.json"
run_ps 0 "search for the same" search $DB --region jönköping --limit 1000 --format json regionalt utvecklingsprogram
check "every link has a goal from a passage search finds, and there are some" python3 - "$TMP/goals-rup.json" "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); h = json.load(open(sys.argv[2]))['hits']
pages = {(x['file'], x['page']) for x in h}
found = lambda i: i is not None and any((p['file'], p['page']) in pages for p in [d['goals'][i]] + d['goals'][i]['also'])
sys.exit(0 if d['links'] and h and all(found(l['from']) or found(l['to']) for l in d['links']) else 1)
PY

# snippets are text: Xapian's snippets come HTML-escaped, and '>' of a
# heading path showed as '&gt;' in every format (as '&amp;gt;' in HTML)
run_ps 0 "compare 'mål section:mal'" compare $DB --format json "mål section:mal"
check "snippets hold '>' as text, not as an HTML entity" python3 - "$TMP/out" <<'PY'
import json, sys
snips = [y['best']['snippet'] for l in json.load(open(sys.argv[1]))['lans'] for y in l['years'] if y['best']]
bad = [s for s in snips if '&gt;' in s or '&amp;' in s or '&lt;' in s]
sys.exit(0 if snips and not bad and any(' > ' in s for s in snips) else print(bad[:2]) or 1)
PY
run_ps 0 "the same in an HTML report" report $DB --format html "mål section:mal"
check "... where '>' is escaped once" sh -c "grep -q 'Styrkort för 2014 &gt; ' '$TMP/out' && ! grep -q '&amp;gt;' '$TMP/out'"
run_ps 0 "... and in a Markdown report" report $DB --format md "mål section:mal"
check "... where '>' between headings is text, no entity" sh -c "grep -q 'Styrkort för 2014 > ' '$TMP/out' && ! grep -q '&gt;' '$TMP/out'"

# --- report -----------------------------------------------------------------
# budget rows naming the topic, in any case: 'övriga' as 'Övriga' (report.c
# lower-cased bytes, so Ö did not match ö)
for q in Övriga övriga; do
    run_ps 0 "report '$q' lists the 'Övriga intäkter' budget row" report $DB "$q"
    check "... it does, in its table" grep -q '^| Övriga intäkter | 4 215,5 |' "$TMP/out"
done
run_ps 0 "report in Markdown" report $DB kompetensförsörjning
cp "$TMP/out" "$TMP/report.md"
check "the report covers every län with hits, and documents without one" sh -c "while read -r lan; do grep -q \"^### \${lan:-okänt län} \" '$TMP/report.md' || exit 1; done < '$TMP/matrix-lans'"
check "a document without a known organisation is cited as such, not with a bare comma" \
    grep -q '^\*\*okänd organisation\*\* – [0-9]* passager* i [0-9]* dokument\. kfvn-vp-2013\.pdf, s\. ' "$TMP/report.md"
check "the report names each passage's section in Swedish" sh -c "grep -q ', s\. [0-9]* (\(mål\|insatser\|budget\|övrigt\); ' '$TMP/report.md' && ! grep -q ', s\. [0-9]* (\(mal\|other\); ' '$TMP/report.md'"
check "the report has the matrix, goals and budget sections" sh -c "grep -q '^| Län |' '$TMP/report.md' && grep -q '^## Mål om ämnet' '$TMP/report.md' && grep -q '^## Budget' '$TMP/report.md'"
check "every passage the report cites is on its page" sh -c "python3 -c \"
import re
lines=open('$TMP/report.md').read().split('\n')
for i,l in enumerate(lines):
    m=re.match(r'.* (\S+\.pdf), s\. (\d+) \(', l)
    if m and i+2 < len(lines) and lines[i+2].startswith('> '):
        print(m.group(1), m.group(2), lines[i+2][2:].replace('**',''), sep='\t')
\" | python3 '$TMP/cite.py' '$CORPUS' '$CORPUS' '$TOP/tests/budget'"
run_ps 0 "report in HTML to a file" report $DB --format html -o "$TMP/report.html" kompetensförsörjning
check "... one self-contained page with two SVG charts" sh -c "test \$(grep -c '<svg' '$TMP/report.html') -eq 2 && ! grep -qi '<script\|src=\"http\|<link' '$TMP/report.html'"
check "... which is well-formed XML-ish HTML (every tag closed)" python3 -c "
import html.parser
class P(html.parser.HTMLParser):
    void={'meta','br','hr','img','input','link'}
    def __init__(s): super().__init__(); s.stack=[]
    def handle_starttag(s,t,a):
        if t not in s.void: s.stack.append(t)
    def handle_endtag(s,t):
        assert s.stack and s.stack[-1]==t, (t, s.stack[-3:]); s.stack.pop()
p=P(); p.feed(open('$TMP/report.html').read()); assert not p.stack, p.stack"
# goals about the topic: the goal statements that name it, not passages
# tagged mal that only mention it (Storsthlm's "För att Stockholmsregionen
# ska klara kompetensförsörjningen förutsätter det …" is a purpose clause)
check "the report's goals on kompetensförsörjning: none in corpus/" sh -c \
    "sed -n '/^## Mål om ämnet/,/^## Budget/p' '$TMP/report.md' | grep -q '^Inga målformuleringar om ämnet.'"
run_ps 0 "report on näringsliv" report $DB näringsliv
sed -n '/^## Mål om ämnet/,/^## Budget/p' "$TMP/out" | grep '^- ' > "$TMP/goals.md"
check "... lists goal statements, each naming the topic and stating a goal" sh -c \
    "test -s '$TMP/goals.md' && ! grep -iv 'näringsliv' '$TMP/goals.md' && ! grep -v ' ska ' '$TMP/goals.md'"
check "... each cited by its organisation and unit, year, file and page" sh -c \
    "! grep -v '^- Regionförbundet Jönköpings län, regionstyrelsen 2013, vp2013_webb.pdf s\. [0-9]*: ' '$TMP/goals.md'"
run_ps 0 "report on näringsliv in HTML" report $DB --format html näringsliv
check "... its goals table names each goal's organisation" sh -c \
    "grep -q '<th>Organisation</th><th>År</th>' '$TMP/out' && grep -q '<tr><td>Regionförbundet Jönköpings län, regionstyrelsen</td><td class=\"num\">2013</td>' '$TMP/out'"
# a goal names the topic by a word that starts with it, inflected ("arbete"
# in "Arbetet"), not inside another word ("medarbetare"); a filter's value is
# no topic word (pdfwrite.py writes ASCII only)
python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/topic.pdf" "Verksamhetsplan 2026 for kommunen" \
    "Sjukfranvaron bland alla medarbetare ska minska med 10 procent till 2027." \
    "Arbetet med rekrytering ska minska vakanserna till 2027." \
    "Andelen som cyklar till skolan ska vara minst 20 procent till 2030." \
    "Varje cykel ska ha en plats i ett cykelstall till 2028." \
    "Verksamhetsplanen ska antas av fullmaktige senast i juni 2026."
"$PLANSOK" ingest -q --db "$TMP/topic" "$TMP/topic.pdf" >/dev/null 2>&1
goals_of() { sed -n '/^## Mål om ämnet/,/^## Budget/p' "$TMP/out" > "$TMP/goals-section"; }
run_ps 0 "report arbete" report --db "$TMP/topic" arbete
goals_of
check "... lists the goal on Arbetet, not the one on medarbetare" sh -c \
    "grep -q 'Arbetet med rekrytering ska minska' '$TMP/goals-section' && ! grep -q 'medarbetare' '$TMP/goals-section'"
run_ps 0 "report cyklar" report --db "$TMP/topic" cyklar
goals_of
check "... lists the goals on cyklar and on cykel (a form the stemmer keeps apart)" sh -c \
    "grep -q 'Andelen som cyklar' '$TMP/goals-section' && grep -q 'Varje cykel ska ha' '$TMP/goals-section'"
run_ps 0 "report with a filter in the query" report --db "$TMP/topic" "rekrytering kind:verksamhetsplan"
goals_of
check "... takes no goal for the filter's value" sh -c \
    "grep -q 'Arbetet med rekrytering' '$TMP/goals-section' && ! grep -q 'Verksamhetsplanen ska antas' '$TMP/goals-section'"
run_ps 0 "report on budget figures names the rows" report $DB medlemsavgifter
check "... in a table under its caption, with Swedish amounts" sh -c \
    "grep -q '^\*\*Resultatbudget (tkr)\*\* (Regionförbundet Jönköpings län\(, regionstyrelsen\)\{0,1\}, 2015), budget-jonkoping-2015.pdf s. 1, tkr' '$TMP/out' && \
     grep -q '^| Post | Budget 2015 | Budget 2014 | Utfall 2013 |' '$TMP/out' && grep -q '^| Medlemsavgifter | 38 450 | 37 512 | 36 620 |' '$TMP/out'"
run_ps 0 "... and in HTML" report $DB --format html medlemsavgifter
check "... an HTML table under its caption" sh -c \
    "grep -q '<table><caption>Resultatbudget (tkr)</caption>' '$TMP/out' && \
     grep -q '<tr><th>Post</th><th>Budget 2015</th><th>Budget 2014</th><th>Utfall 2013</th></tr>' '$TMP/out' && \
     grep -q '<tr><td>Medlemsavgifter</td><td class=\"num\">38 450</td>' '$TMP/out'"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROMIUM" ]; then
    # A real browser renders the report; errors on the page or missing charts fail.
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$TMP/chrome" --enable-logging=stderr --v=0 --window-size=1100,1800 \
        --screenshot="$TMP/report.png" "file://$TMP/report.html" > "$TMP/chrome.out" 2> "$TMP/chrome.err"
    check "Chromium renders the HTML report to a PNG" sh -c "test -s '$TMP/report.png' && head -c 8 '$TMP/report.png' | grep -q PNG"
    check "... without errors on the page" sh -c "! grep -qiE 'Uncaught|CONSOLE.*error|Failed to load' '$TMP/chrome.err'"
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$TMP/chrome2" --dump-dom "file://$TMP/report.html" > "$TMP/dom.html" 2>/dev/null
    check "... and the rendered page holds the heat map and the bar chart" sh -c "grep -q 'class=\"heatmap\"' '$TMP/dom.html' && grep -q 'class=\"bars\"' '$TMP/dom.html' && test \$(grep -c '<rect' '$TMP/dom.html') -ge 8"
    if [ -n "${PLANSOK_KEEP_SCREENSHOT:-}" ]; then cp "$TMP/report.png" "$PLANSOK_KEEP_SCREENSHOT"; fi
else
    skip "Chromium renders the HTML report to a PNG" "chromium is not installed (make deps installs it)"
    skip "... without errors on the page" "no chromium"
    skip "... and the rendered page holds the heat map and the bar chart" "no chromium"
fi

# --- JSON against docs/FORMATS.md ---------------------------------------------
"$PLANSOK" search $DB --format json kompetensförsörjning > "$TMP/search.json"
"$PLANSOK" matrix $DB --format json kompetensförsörjning > "$TMP/matrix.json"
"$PLANSOK" docs $DB --format json > "$TMP/docs.json"
"$PLANSOK" show $DB --format json --passages rfjl > "$TMP/show.json"
"$PLANSOK" budget $DB --format json > "$TMP/budget.json"
for cmd in search matrix docs show budget goals compare; do
    check "$cmd --format json has every field docs/FORMATS.md lists, with its type, and no other" python3 - "$TOP/docs/FORMATS.md" "$cmd" "$TMP/$cmd.json" <<'PY'
import json, re, sys
doc, cmd, path = sys.argv[1:]
text = open(doc, encoding='utf-8').read()
sec = re.search(r'^## ' + cmd + r'\n(.*?)(?=^## |\Z)', text, re.S | re.M).group(1)
rows = re.findall(r'^\| `([^`]+)` \| ([^|]+) \|', sec, re.M)
assert rows, 'no fields documented'
data = json.load(open(path, encoding='utf-8'))
types = {'number': (int, float), 'string': str, 'array': list, 'object': dict, 'boolean': bool}
def values(obj, parts):
    if not parts: yield obj; return
    p, rest = parts[0], parts[1:]
    key, many = (p[:-2], True) if p.endswith('[]') else (p, False)
    assert isinstance(obj, dict) and key in obj, f'missing {key}'
    v = obj[key]
    if many:
        assert isinstance(v, list), f'{key} is not a list'
        for e in v: yield from values(e, rest)
    else:
        yield from values(v, rest)
checked = 0
for field, typ in rows:
    allowed = [t.strip() for t in typ.split(' or ')]
    for v in values(data, field.split('.')):
        ok = any((a == 'null' and v is None) or (a in types and isinstance(v, types[a]) and (a == 'boolean') == isinstance(v, bool)) for a in allowed)
        assert ok, f'{field}: {v!r} is not {typ}'
        checked += 1
# and every field the output has is documented
documented = {f for f, _ in rows}
def paths(obj, prefix):
    if isinstance(obj, dict):
        for k, v in obj.items():
            p = prefix + k
            yield p
            yield from paths(v, p + '.')
    elif isinstance(obj, list):
        for e in obj:
            if isinstance(e, dict):
                yield from paths(e, prefix[:-1] + '[].')
undocumented = sorted({p for p in paths(data, '') if p not in documented})
assert not undocumented, f'not in docs/FORMATS.md: {undocumented}'
print('#', len(rows), 'fields,', checked, 'values checked')
PY
done
done_testing

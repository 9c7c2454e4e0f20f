#!/usr/bin/env python3
"""expected-pages.py: the expected pages of tests/data/queries.tsv, found the
way a reader would check them: pdftotext -raw of every corpus page, and a
case-insensitive regular expression for every form the analyst means (all
inflections, compounds, spellings). plansok is not involved.

    tests/tools/expected-pages.py corpus > tests/data/queries.tsv

The queries and their patterns are in QUERIES below; a query with a filter
keeps only the pages the filter allows (by file name). A table of contents is
passed by, as a reader does (without_contents)."""
import re, subprocess, sys, os

CORPUS = sys.argv[1] if len(sys.argv) > 1 else 'corpus'
FILES = {  # file -> (län, year)
    'rfjl_vp_budget_2014.pdf': ('jönköping', 2014),
    'vp2013_webb.pdf': ('jönköping', 2013),
    'kallelse_styrelsen_110915.pdf': ('norrbotten', 2011),
    'Storsthlm-Verksamhetsplan-och-budget-2018.pdf': ('stockholm', 2018),
    'kfvn-vp-2013.pdf': ('västernorrland', 2013),
}
W = r'[\wåäöÅÄÖéü]'   # a word character, Swedish letters included

# kind, query as an analyst types it, pattern of what counts, filter
QUERIES = [
    # inflections of single words
    ('inflection', 'kompetensförsörjning', rf'kompetensförsörjning{W}*', None),
    ('inflection', 'kompetensförsörjningen', rf'kompetensförsörjning{W}*', None),
    ('inflection', 'målområde', rf'målområde{W}*', None),
    ('inflection', 'åtgärder', rf'\båtgärd{W}*', None),
    ('inflection', 'indikatorer', rf'\bindikator{W}*', None),
    ('inflection', 'regionbildning', rf'\bregionbildning{W}*', None),
    ('inflection', 'ungdomar', rf'\bungdom(?:ar|arna|arnas|en|ens|s)?\b', None),
    ('inflection', 'medlemsavgifter', rf'\bmedlemsavgift{W}*', None),
    ('inflection', 'integration', rf'\bintegration{W}*', None),
    ('inflection', 'besöksnäringen', rf'\bbesöksnäring{W}*', None),
    # a neuter's definite form and an unstressed e, which the stemmer keeps apart
    ('inflection', 'projekt', rf'\bprojekt(?:et|en|ets|ens|s)?\b', None),
    ('inflection', 'uppdraget', rf'\buppdrag(?:et|en|ets|ens|s)?\b', None),
    ('inflection', 'medlen', rf'\bmed(?:el|els|let|lets|len|lens)\b', None),
    # a part of a compound finds the compound
    ('compound', 'vuxenutbildning', rf'{W}*vuxenutbildning{W}*', None),
    ('compound', 'försörjning', rf'{W}*försörjning{W}*', None),
    ('compound', 'hemsjukvård', rf'{W}*hemsjukvård{W}*', None),
    ('compound', 'folkhälsa', rf'{W}*folkhäls[ao]{W}*', None),
    ('compound', 'gymnasieskolan', rf'{W}*gymnasieskol{W}*', None),
    ('compound', 'utbildare', rf'{W}*utbildare{W}*', None),
    ('compound', 'infrastruktur', rf'{W}*infrastruktur{W}*', None),
    ('compound', 'arbetsmarknad', rf'{W}*arbetsmarknad{W}*', None),
    # typed without å, ä, ö
    ('diacritics', 'kompetensforsorjning', rf'kompetensförsörjning{W}*', None),
    ('diacritics', 'malomrade', rf'målområde{W}*', None),
    ('diacritics', 'atgarder', rf'\båtgärd{W}*', None),
    ('diacritics', 'lansstyrelsen', rf'\blänsstyrelse{W}*', None),
    ('diacritics', 'aldreomsorg', rf'\bäldreomsorg{W}*', None),
    ('diacritics', 'besoksnaringen', rf'\bbesöksnäring{W}*', None),
    # hyphens, glued and split words
    ('hyphen', 'e-hälsa', rf'\be-? ?häls[ao]{W}*|\behäls[ao]{W}*', None),
    ('hyphen', 'ehälsa', rf'\be-? ?häls[ao]{W}*|\behäls[ao]{W}*', None),
    ('hyphen', 'E-hälsa', rf'\be-? ?häls[ao]{W}*|\behäls[ao]{W}*', None),
    ('hyphen', 'EU-projekt', rf'\beu-? ?projekt{W}*', None),
    ('hyphen', 'AUDIT', r'\bau-? ?dit\b', None),
    ('hyphen', 'BBIC', r'bbic', None),
    # acronyms and their written-out forms
    ('acronym', 'ESF', r'\besf\b|europeiska socialfonden|\bsocialfonden', None),
    ('acronym', 'Europeiska socialfonden', r'\besf\b|europeiska socialfonden|\bsocialfonden', None),
    ('acronym', 'ERUF', r'\beruf\b|regionalfonden|regionala utvecklingsfonden', None),
    ('acronym', 'FoUrum', r'fourum', None),
    ('acronym', 'SKL', r'\bskl\b|sveriges kommuner och landsting', None),
    ('acronym', 'RUS', r'\brus\b|regional(?:a)? utvecklingsstrategi', None),
    # phrases
    ('phrase', '"hälso- och sjukvård"', rf'hälso-\s*och\s+sjukvård{W}*', None),
    ('phrase', '"regional utveckling"', rf'regional\s+utveckling\b', None),
    ('phrase', '"Strategiskt mål"', rf'strategiskt\s+mål\b', None),
    ('phrase', '"Vidtagna åtgärder"', rf'vidtagna\s+åtgärder', None),
    # with filters
    ('filter', 'kompetensförsörjning lan:jönköping', rf'kompetensförsörjning{W}*', ('lan', 'jönköping')),
    ('filter', 'kompetensförsörjning year:2013', rf'kompetensförsörjning{W}*', ('year', 2013)),
    ('filter', 'samverkan lan:norrbotten', rf'\bsamverkan{W}*', ('lan', 'norrbotten')),
    ('filter', 'vuxenutbildning year:2013..2018', rf'{W}*vuxenutbildning{W}*', ('years', (2013, 2018))),
    ('filter', 'Effektmål lan:jönköping year:2014', rf'effektmål{W}*', ('both', ('jönköping', 2014))),
]

# A reader passes a table of contents by: from a line that opens with
# "Innehåll" or "Innehållsförteckning" to the page's end, and every line of a
# title, a leader of dots and a page number ("1. Inledning ........ 4"). It
# names a document's topics and discusses none.
CONTENTS = re.compile(r'^(?:innehåll|innehållsförteckning)\b', re.I | re.M)
LEADER = re.compile(r'^.*(?:\.\s?){4,}\s*\d{1,3}\s*$', re.M)

def without_contents(t):
    m = CONTENTS.search(t)
    if m:
        t = t[:m.start()]
    return LEADER.sub('', t)

def page_texts(path):
    n = int(re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout).group(1))
    for p in range(1, n + 1):
        t = without_contents(subprocess.run(['pdftotext', '-raw', '-f', str(p), '-l', str(p), path, '-'],
                                            capture_output=True, text=True).stdout)
        # a word broken at a line end counts whole ("kompe-\ntens" -> "kompetens")
        joined = re.sub(r'(\w)-\n(\w)', r'\1\2', t)
        yield p, t.replace('\n', ' ') + ' \n ' + joined.replace('\n', ' ')

texts = {f: list(page_texts(os.path.join(CORPUS, f))) for f in FILES}
print('# Analyst queries on corpus/ with the physical pages that should be found.')
print('# Expected pages come from tests/tools/expected-pages.py: pdftotext -raw of each')
print('# page and the pattern in the last column (every form the analyst means),')
print('# not from plansok. kind\tquery\texpected (file:page ...)\tpattern')
for kind, q, pat, flt in QUERIES:
    rx = re.compile(pat, re.I)
    pages = []
    for f, (lan, year) in FILES.items():
        if flt:
            k, v = flt
            if k == 'lan' and lan != v: continue
            if k == 'year' and year != v: continue
            if k == 'years' and not (v[0] <= year <= v[1]): continue
            if k == 'both' and (lan, year) != v: continue
        pages += [f'{f}:{p}' for p, t in texts[f] if rx.search(t)]
    print(f'{kind}\t{q}\t{" ".join(pages)}\t{pat}')

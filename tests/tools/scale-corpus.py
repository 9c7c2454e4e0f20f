#!/usr/bin/env python3
"""scale-corpus.py: specs for a large, realistic, deterministic corpus built
by recombining the seed transcripts: about 2,000 PDFs and 60,000 pages over
the 21 län and 15 years, with headings, goals, actions, budget tables and
running headers. 'make scale-corpus' renders them with corpus/render.

    tests/tools/scale-corpus.py SEEDDIR SPECDIR [DOCS [PAGES]]"""
import os, random, re, sys

seeds, out = sys.argv[1], sys.argv[2]
ndocs = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
npages = int(sys.argv[4]) if len(sys.argv) > 4 else 30
rnd = random.Random(7)
os.makedirs(out, exist_ok=True)

LANS = [('Stockholms län', 'Stockholm'), ('Uppsala län', 'Uppsala'), ('Södermanlands län', 'Sörmland'),
        ('Östergötlands län', 'Östergötland'), ('Jönköpings län', 'Jönköping'), ('Kronobergs län', 'Kronoberg'),
        ('Kalmar län', 'Kalmar'), ('Gotlands län', 'Gotland'), ('Blekinge län', 'Blekinge'), ('Skåne län', 'Skåne'),
        ('Hallands län', 'Halland'), ('Västra Götalands län', 'Västra Götaland'), ('Värmlands län', 'Värmland'),
        ('Örebro län', 'Örebro'), ('Västmanlands län', 'Västmanland'), ('Dalarnas län', 'Dalarna'),
        ('Gävleborgs län', 'Gävleborg'), ('Västernorrlands län', 'Västernorrland'), ('Jämtlands län', 'Jämtland'),
        ('Västerbottens län', 'Västerbotten'), ('Norrbottens län', 'Norrbotten')]
SEED_PLACES = ['Jönköpings län', 'Jönköping', 'Norrbottens län', 'Norrbotten', 'Västernorrlands län',
               'Västernorrland', 'Stockholms län', 'Stockholmsregionen', 'Storsthlm', 'Stockholm']
KINDS = [('Verksamhetsplan och budget', 6), ('Årsredovisning', 2), ('Regional utvecklingsstrategi', 1),
         ('Kallelse till styrelsens sammanträde', 1)]
HEADINGS = {
    1: ['Regional utveckling', 'Kommunal utveckling', 'Uppdrag och verksamhet', 'Styrkort', 'Organisation'],
    2: ['Kompetensförsörjning', 'Infrastruktur och kommunikationer', 'Folkhälsa', 'Näringsliv', 'Vuxenutbildning',
        'Barn och unga', 'Hemsjukvård', 'Digital agenda', 'Miljö och klimat', 'Internationell samverkan'],
    3: ['Övergripande mål', 'Strategiskt mål', 'Effektmål', 'Insatser och aktiviteter', 'Nyckelaktiviteter',
        'Indikatorer', 'Vidtagna åtgärder'],
}
BUDGET_LABELS = ['Medlemsavgifter', 'Statliga bidrag', 'Projektintäkter', 'Övriga intäkter', 'Personalkostnader',
                 'Lokalkostnader', 'Övriga kostnader', 'Nettokostnad']

def pages_of(path):
    text = open(path, encoding='utf-8').read().split('\nTranskript\n', 1)[1]
    out, n = [], 0
    for line in text.split('\n'):
        line = line.strip()
        if not line:
            continue
        m = re.match(r'(\d+)(?: (.*))?$', line)
        if not m or int(m.group(1)) != n + 1:
            break
        n += 1
        if m.group(2) and len(m.group(2)) > 400:
            out.append(m.group(2))
    return out

pool = []
for f in sorted(os.listdir(seeds)):
    if f.endswith('.txt'):
        pool += pages_of(os.path.join(seeds, f))

def place(text, lan, short):
    for p in SEED_PLACES:
        text = text.replace(p, lan if p.endswith('län') else short)
    return text

def sentences(text):
    return re.split(r'(?<=[.!?]) (?=[A-ZÅÄÖ])', text)

for i in range(ndocs):
    lan, short = LANS[i % 21]
    year = 2008 + (i // 21) % 15
    kind = rnd.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    org = rnd.choice(['Regionförbundet ' + lan, 'Region ' + short, 'Kommunförbundet ' + short,
                      'Samordningsförbundet ' + short])
    spec = [f'# scale corpus document {i}: {org}, {year}',
            f'creator plansok scale-corpus', f'date {year - 1}-11-15T10:00:00',
            f'header {org} · {kind} {year}', 'footer %p', 'hf-from 2']
    if i % 3 == 0:
        spec += [f'title {kind} {year}', f'author {org}']
    if i % 10 == 0:
        spec.append('columns 2')
    spec += ['page', f'heading 1 {kind} {year}', f'heading 1 {org}']
    for p in range(2, npages + 1):
        spec.append('page')
        src = place(rnd.choice(pool), lan, short)
        ss = sentences(src)
        spec.append(f'heading {1 if p % 7 == 2 else 2} {rnd.choice(HEADINGS[1 if p % 7 == 2 else 2])}')
        cut = max(1, len(ss) // 3)
        spec.append('text ' + ' '.join(ss[:cut]))
        spec.append(f'heading 3 {rnd.choice(HEADINGS[3])}')
        spec.append('text ' + ' '.join(ss[cut:2 * cut]))
        if p % 10 == 0:
            spec.append(f'heading 2 Budget {year}')
            spec.append(f'table Resultatbudget (tkr) | Budget {year} | Budget {year - 1} | Utfall {year - 2}')
            for lab in rnd.sample(BUDGET_LABELS, 5):
                vals = [rnd.randrange(100, 90000) * (-1 if 'kostnad' in lab else 1) for _ in range(3)]
                spec.append('row ' + lab + ' | ' + ' | '.join(f'{v:,}'.replace(',', ' ').replace('-', '−') for v in vals))
        else:
            spec.append('text ' + ' '.join(ss[2 * cut:]))
    slug = short.lower().replace(' ', '-').translate(str.maketrans('åäöé', 'aaoe'))
    with open(os.path.join(out, f'{i:04d}-{slug}-{year}.spec'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(spec) + '\n')
print(ndocs, 'specs,', ndocs * npages, 'pages in', out)

#!/usr/bin/env python3
"""bench-queries.py: the fixed query set of 'make bench' (tests/data/bench-queries.tsv),
drawn deterministically from the seed transcripts: single words across the frequency
range, two-word queries, quoted phrases, and words typed without å/ä/ö. Each query
carries a län and a year for the filtered runs.

    tests/tools/bench-queries.py SEEDDIR > tests/data/bench-queries.tsv"""
import collections, os, random, re, sys

seeds = sys.argv[1]
text = ''
for f in sorted(os.listdir(seeds)):
    if f.endswith('.txt'):
        text += open(os.path.join(seeds, f), encoding='utf-8').read().split('\nTranskript\n', 1)[-1]
words = re.findall(r'[a-zåäöé]{6,}', text.lower())
stop = set('kommer kommun kommunerna mellan därför genom enligt inför andra detta dessa sådana eftersom'.split())
freq = collections.Counter(w for w in words if w not in stop)
ranked = [w for w, c in freq.most_common() if c >= 3]
rnd = random.Random(2026)
lans = ['stockholm', 'uppsala', 'sodermanland', 'ostergotland', 'jonkoping', 'kronoberg', 'kalmar', 'gotland',
        'blekinge', 'skane', 'halland', 'vastra-gotaland', 'varmland', 'orebro', 'vastmanland', 'dalarna',
        'gavleborg', 'vasternorrland', 'jamtland', 'vasterbotten', 'norrbotten']
out = []
# 120 single words, spread over the frequency ranks
step = max(1, len(ranked) // 120)
out += [ranked[i * step] for i in range(120)]
# 50 two-word queries
out += [rnd.choice(ranked[:300]) + ' ' + rnd.choice(ranked[:300]) for _ in range(50)]
# 20 phrases: two neighbouring words of the text
pairs = re.findall(r'\b([a-zåäö]{5,}) ([a-zåäö]{5,})\b', text.lower())
pc = collections.Counter(pairs)
out += ['"%s %s"' % p for p, c in pc.most_common(20)]
# 20 words with å/ä/ö typed without them
dia = [w for w in ranked[:600] if re.search('[åäö]', w)]
out += [w.translate(str.maketrans('åäö', 'aao')) for w in rnd.sample(dia, 20)]
print('# query\tlan\tyear: made by tests/tools/bench-queries.py from the seed transcripts')
for i, q in enumerate(out):
    print('%s\t%s\t%d' % (q, lans[i % 21], 2008 + (i * 7) % 15))

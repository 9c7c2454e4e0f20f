#!/usr/bin/env python3
"""label-agreement.py: how far two labellings of the same passages agree.

    label-agreement.py [--list] A.tsv B.tsv

A and B are tests/data/sections*.tsv or real-sections-pass*.tsv files: the
same rows (file, page, first bytes, and for real documents anchors) in the
same order, each with its own kind. Prints the share of rows
with the same kind, Cohen's kappa, and per kind how B's labels fare when A's
are taken as right (the same precision and recall eval-sections reports for
the tagger, so the figures compare). --list prints the rows that differ."""
import sys
from collections import Counter

KINDS = ["other", "mal", "insatser", "budget"]


def rows(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            # real documents' labels carry their anchors in a fifth field
            if len(fields) not in (4, 5) or fields[2] not in KINDS:
                sys.exit(f"{path}: bad row: {line.rstrip()}")
            out.append(fields)
    return out


def main(argv):
    show = "--list" in argv
    paths = [a for a in argv if a != "--list"]
    if len(paths) != 2:
        sys.exit(__doc__.strip().split("\n\n")[1])
    a, b = rows(paths[0]), rows(paths[1])
    if [(r[0], r[1], r[3]) for r in a] != [(r[0], r[1], r[3]) for r in b]:
        sys.exit(f"{paths[0]} and {paths[1]} do not hold the same passages in the same order")
    n = len(a)
    pairs = Counter((x[2], y[2]) for x, y in zip(a, b))
    same = sum(v for (x, y), v in pairs.items() if x == y)
    ca, cb = Counter(r[2] for r in a), Counter(r[2] for r in b)
    pe = sum(ca[k] * cb[k] for k in KINDS) / (n * n)
    po = same / n
    print(f"{n} passages, same kind {same} ({po:.3f}), Cohen's kappa {(po - pe) / (1 - pe):.3f}")
    print(f"{'kind':<9} {'in A':>6} {'in B':>6} {'both':>6} {'prec':>7} {'recall':>7}")
    for k in KINDS:
        both = pairs[(k, k)]
        p = both / cb[k] if cb[k] else 0
        r = both / ca[k] if ca[k] else 0
        print(f"{k:<9} {ca[k]:>6} {cb[k]:>6} {both:>6} {p:>7.3f} {r:>7.3f}")
    if show:
        for x, y in zip(a, b):
            if x[2] != y[2]:
                print(f"# {x[0]} p{x[1]}: {x[2]} -> {y[2]}: {x[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""joined-labels.py: finds the real passages that hold labels of several
kinds (a change to extraction joined passages that were labelled apart),
lists them for labelling again, and puts the new labels in place
(docs/TAGGING.md, "Real documents").

    tests/tools/joined-labels.py PLANSOK SHARED LABELS.tsv --list OUTDIR
    tests/tools/joined-labels.py PLANSOK SHARED LABELS.tsv --apply ANSWERS.tsv > NEW.tsv
    tests/tools/joined-labels.py PLANSOK SHARED PASS.tsv --apply ANSWERS.tsv --own-vote > NEW.tsv

--list writes OUTDIR/joined.txt in the form real-passages.py lists passages
("#N  p.PAGE  HEADING PATH", then the text; N counts the document's
passages from 1), under a "# FILE" line per document, without the
labels' kinds. A labeller answers with lines "file<TAB>N<TAB>kind".
--apply writes the labels again: the labels that fell in an answered
passage give way to one label, made from the passage as
real-passages.py --keys makes it, where the first of them stood. Labels
fall in passages as eval-sections --contains finds them: the key on its
own page first, then on any page, in the labels' order. With --own-vote
(for the two labelling passes, which label the same passages as the
adjudicated labels) the answered passages are the same, but each takes
the kind most of the file's own labels in it have, the first one's on a
tie."""
import importlib.util, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("real_passages", os.path.join(here, "real-passages.py"))
rp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rp)

def place(rows, got):
    """For each label row (f, page, kind, key, anchors), the index of the
    passage of its document it falls in, or None."""
    at = [None] * len(rows)
    folded = {f: rp.folded(v) for f, v in got.items()}
    for strict in (True, False):
        for i, (f, page, _, key, _) in enumerate(rows):
            if at[i] is not None:
                continue
            for k, (pg, both, t) in enumerate(folded.get(f, [])):
                if (not strict or pg == page) and rp.key_found(key, both, t):
                    at[i] = k
                    break
    return at


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 4 or not ({"--list", "--apply"} & set(sys.argv)):
        print(__doc__, file=sys.stderr)
        return 2
    ps, shared, labels, target = args[:4]
    lines = open(labels, encoding="utf-8").read().splitlines(keepends=True)
    rows, where = [], []  # label rows, and their line numbers
    for n, line in enumerate(lines):
        if line.startswith("#") or not line.strip():
            continue
        f, page, kind, key, anchors = line.rstrip("\n").split("\t")
        rows.append((f, int(page), kind, key, anchors))
        where.append(n)
    _, got = rp.passages(ps, shared)
    at = place(rows, got)
    kinds = {}
    for (f, _, kind, _, _), k in zip(rows, at):
        if k is not None:
            kinds.setdefault((f, k), set()).add(kind)
    mixed = sorted(fk for fk, s in kinds.items() if len(s) > 1)
    if "--list" in sys.argv:
        os.makedirs(target, exist_ok=True)
        with open(os.path.join(target, "joined.txt"), "w", encoding="utf-8") as o:
            last = None
            for f, k in mixed:
                if f != last:
                    o.write(f"# {f}\n\n")
                    last = f
                pg, h, t = got[f][k]
                o.write(f"#{k + 1}  p.{pg}  {h}\n{t}\n\n")
        print(f"joined-labels: {len(mixed)} passages hold labels of several kinds", file=sys.stderr)
        return 0
    answers = {}
    for line in open(target, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f, n, kind = line.rstrip("\n").split("\t")[:3]
        answers[(f, int(n) - 1)] = kind
    if "--own-vote" in sys.argv:
        votes = {}
        for row, k in zip(rows, at):
            if (row[0], k) in answers:
                votes.setdefault((row[0], k), []).append(row[2])
        answers = {fk: max(v, key=lambda x: (v.count(x), -v.index(x))) for fk, v in votes.items()}
    drop, put = set(), {}
    for i, (row, k) in enumerate(zip(rows, at)):
        fk = (row[0], k)
        if k is None or fk not in answers:
            continue
        drop.add(where[i])
        if fk not in put.values():
            put[where[i]] = fk
    for n, line in enumerate(lines):
        if n in put:
            f, k = put[n]
            pg, _, t = got[f][k]
            sys.stdout.write(f"{f}\t{pg}\t{answers[(f, k)]}\t{rp.key(t)}\t{rp.anchors(t)}\n")
        elif n not in drop:
            sys.stdout.write(line)
    print(f"joined-labels: {len(drop)} labels became {len(put)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""rekey-labels.py: moves labels of real passages onto the passages of a
new build, when a change to extraction (reading order, tables, headings)
moved the text a label's key pointed at (docs/TAGGING.md, "Real documents").

    tests/tools/rekey-labels.py PLANSOK SHARED LABELS.tsv > NEW.tsv

A label whose key is still found in a passage of its document (its own
heading and text, white space folded, as eval-sections --contains looks)
is kept as it is (a key shorter than 50 bytes was its whole passage, a
fragment such as "2027" or "§ 111", and is kept only by a passage that is
still all of it; otherwise it is lost). Otherwise the label moves to the passage, on its page or
the next, that holds most of its anchors (the labelled passage's twelve
longest words, written when it was labelled), when that is at least half of
them; its key becomes that passage's first 60 bytes. The kind and the
anchors never change. A label with no such passage is lost: it is left
out and printed on stderr. Prints on stderr how many were kept, moved and
lost."""
import importlib.util, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("real_passages", os.path.join(here, "real-passages.py"))
rp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rp)



def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    ps, shared, labels = sys.argv[1:]
    files, got = rp.passages(ps, shared)
    new = {f: rp.folded(got[f]) for f in files}
    found = rp.key_found

    kept = moved = lost = 0
    for line in open(labels, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            sys.stdout.write(line)
            continue
        f, page, kind, key, anchors = line.rstrip("\n").split("\t")
        page = int(page)
        if any(found(key, both, t) for _, both, t in new[f]):
            sys.stdout.write(line)
            kept += 1
            continue
        if len(key.encode()) < rp.KEY_WHOLE:
            # a fragment's text is now part of a longer passage: its label
            # was for the fragment, and goes with it
            print(f"rekey-labels: lost (a fragment, now inside a longer passage): {line.rstrip()}", file=sys.stderr)
            lost += 1
            continue
        want = anchors.split()
        best, score = None, 0.0
        for pg, both, t in new[f]:
            if pg not in (page, page + 1) or not t.strip():
                continue
            have = set(w.lower() for w in re.findall(r"\w+", both))
            s = sum(w in have for w in want) / max(1, len(want))
            if s > score:
                best, score = (pg, t), s
        if not best or score < 0.5:
            print(f"rekey-labels: lost (its text is spread over several passages or gone): {line.rstrip()}",
                  file=sys.stderr)
            lost += 1
            continue
        sys.stdout.write(f"{f}\t{best[0]}\t{kind}\t{rp.key(best[1])}\t{anchors}\n")
        moved += 1
    print(f"rekey-labels: {kept} kept, {moved} moved, {lost} lost", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

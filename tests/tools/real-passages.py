#!/usr/bin/env python3
"""real-passages.py: lists the passages of ../shared/realplans for labelling,
without the tagger's kinds (docs/TAGGING.md, "Real documents").

    tests/tools/real-passages.py PLANSOK SHARED OUTDIR

Writes one file per document, OUTDIR/<file>.txt: a header with the
document's file name and whether it is held out, then each passage as

    #N  p.PAGE  HEADING PATH
    text ...

and OUTDIR/index.tsv (file, passages, held). A labeller answers with
lines "file<TAB>N<TAB>kind"; `--keys LABELS.tsv` turns such answers into
the stable form tests/data keeps (file, page, kind, text key): the key is
the passage's first 60 bytes with whitespace folded, which eval-sections
looks for inside the passages of that page (so a label survives changes to
where passages begin and end). A passage without text of its own (a
heading alone) gets no key and no label.

The held-out documents are every third in name order (index % 3 == 0),
fixed before any rule was written for real documents; this phase keeps
the three documents whose budget rows are checked by hand (the
budgetramar slides, the räddningstjänstförbund's budget, the kommun's
fördjupad månadsuppföljning) on the tuned side."""
import json, os, subprocess, sys, tempfile


def held(i):
    return i % 3 == 0


def passages(ps, shared):
    """{file: [(page, heading, text)]} in name order."""
    plans = os.path.join(shared, "realplans")
    files = sorted(f for f in os.listdir(plans) if f.endswith(".pdf"))
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([ps, "ingest", "-q", "--db", db, plans], capture_output=True, check=False)
        for f in files:
            r = subprocess.run([ps, "show", "--db", db, "--passages", "--format", "json", f],
                               capture_output=True, text=True)
            if r.returncode != 0:
                out[f] = []
                continue
            j = json.loads(r.stdout)
            out[f] = [(p["page"], p["heading"], p["text"]) for p in j["passages"]]
    return files, out


def key(text):
    t = " ".join(text.split())
    b = t.encode()[:60]
    while b and (b[-1] & 0xC0) == 0x80:
        b = b[:-1]
    if b and b[-1] >= 0xC0:
        b = b[:-1]
    return b.decode().rstrip()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    ps, shared, outdir = args[0], args[1], args[2]
    files, got = passages(ps, shared)
    if "--keys" in sys.argv:
        labels = sys.argv[sys.argv.index("--keys") + 1]
        for line in open(labels, encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            f, n, kind = line.rstrip("\n").split("\t")[:3]
            page, _, text = got[f][int(n) - 1]
            if key(text):  # a heading without text of its own has nothing to find
                print(f"{f}\t{page}\t{kind}\t{key(text)}")
        return 0
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "index.tsv"), "w", encoding="utf-8") as idx:
        idx.write("file\tpassages\theld\n")
        for i, f in enumerate(files):
            idx.write(f"{f}\t{len(got[f])}\t{'held' if held(i) else 'tune'}\n")
            with open(os.path.join(outdir, f + ".txt"), "w", encoding="utf-8") as o:
                o.write(f"# {f}: {len(got[f])} passages\n\n")
                for n, (page, heading, text) in enumerate(got[f], 1):
                    o.write(f"#{n}  p.{page}  {heading}\n{text}\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
the stable form tests/data keeps (file, page, kind, key, anchors): the key
is the passage's first 60 bytes with whitespace folded, which eval-sections
looks for inside the passages of that page (so a label survives changes to
where passages begin and end); the anchors are its twelve longest words,
which rekey-labels.py uses to find the passage again when a change to
extraction moved the key's text. A passage without text of its own (a
heading alone) gets no key and no label. `--from-listing DIR` takes the
passages from a listing this script wrote instead of running plansok (the
listing the labellers read).

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


def anchors(text, n=12):
    """The passage's longest distinct words of six letters or more (at
    most n, lower case), topped up with shorter words and numbers: what
    rekey-labels.py looks for when the key is no longer found."""
    import re
    ws = sorted(set(w.lower() for w in re.findall(r"\w{6,}", text)), key=lambda w: (-len(w), w))
    if len(ws) < n:  # a table of figures: its numbers too
        more = sorted(set(w.lower() for w in re.findall(r"\w{3,}", text)) - set(ws), key=lambda w: (-len(w), w))
        ws += more[: n - len(ws)]
    return " ".join(ws[:n])


def from_listing(listings):
    """{file: [(page, heading, text)]} from a directory this script wrote."""
    import re
    out = {}
    for name in sorted(os.listdir(listings)):
        if not name.endswith(".pdf.txt"):
            continue
        cur, v = None, []
        for line in open(os.path.join(listings, name), encoding="utf-8"):
            m = re.match(r"^#(\d+)  p\.(\d+)  (.*)$", line.rstrip("\n"))
            if m:
                if cur:
                    v.append(cur)
                cur = [int(m.group(2)), m.group(3), ""]
            elif cur is not None:
                cur[2] += line
        if cur:
            v.append(cur)
        out[name[:-4]] = [(pg, h, t.strip()) for pg, h, t in v]
    return sorted(out), out


KEY_WHOLE = 50


def fold(s):
    return " ".join(s.split())


def folded(passages):
    """[(page, both, text)] of a document's [(page, heading, text)]: both
    is the passage's own heading (the last of its path) and its text, white
    space folded, where eval-sections --contains looks for a key."""
    return [(pg, fold((h.split(">")[-1] if h else "") + " " + t), t) for pg, h, t in passages]


def key_found(key, both, text):
    """Whether a label's key lies in a passage, as eval-sections --contains
    looks: inside its own heading and text (both, white space folded); a
    key shorter than KEY_WHOLE bytes was its whole passage (a fragment:
    "2027", "§ 111") and only a passage that is still all of it has it."""
    if len(key.encode()) < KEY_WHOLE:
        return key == both or key == fold(text)
    return key in both


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
    if "--from-listing" in sys.argv:
        files, got = from_listing(sys.argv[sys.argv.index("--from-listing") + 1])
    else:
        files, got = passages(ps, shared)
    if "--keys" in sys.argv:
        labels = sys.argv[sys.argv.index("--keys") + 1]
        for line in open(labels, encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            f, n, kind = line.rstrip("\n").split("\t")[:3]
            page, _, text = got[f][int(n) - 1]
            if key(text):  # a heading without text of its own has nothing to find
                print(f"{f}\t{page}\t{kind}\t{key(text)}\t{anchors(text)}")
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

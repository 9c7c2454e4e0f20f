#!/usr/bin/env python3
"""kill-campaign.py: SIGKILL and SIGTERM at random moments of an ingest, then
ingest again to the end: the index must be the one a clean ingest makes.

    tests/tools/kill-campaign.py [--trials 60] [--seed S] [--plansok build/plansok]

The files: corpus/*.pdf, ../shared/realplans when it is there (a folder of
one kommun's papers, so the kommun some of them take from their folder is
tried too), and copies of the corpus PDFs with a few bytes added (other
bytes, the same words: twins). Each trial starts `plansok ingest
--commit-every 3 -j 2` on them into a new index, sends SIGKILL or SIGTERM
(in turn) after a random time between 0 and the length of a clean run,
and then checks:

- the killed run ended (by the signal, or by itself when it was done first)
  within 60 s, and a run stopped by SIGTERM printed its summary and
  "interrupted by SIGTERM", counted exactly what the index then holds, and
  left no worker running (a SIGKILLed one's busy workers end with their
  PDF: they hold none of the index's files);
- the index opens (`docs`), and is not locked: the next ingest, run at
  once, is not refused;
- after that ingest has run to its end, the index is identical to a clean
  ingest's, told by plansok's own outputs: `docs --format json` (every
  field of every document), `show --passages` of every document, `budget`,
  and the hits of a set of searches (every hit, with its score; ties in
  any order) and matrices. Xapian's own files legitimately differ.

Two clean ingests are compared first, so that a difference is the kill's.
Prints one line per trial and "N trials: N identical, N differ"; exits 1
when any trial differs or fails a check. `make stress` runs it.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUERIES = ["kommun", "kompetensförsörjning", "budget", "mål", "verksamhetsplan", "barn OR ungdom",
           "\"regional utveckling\"", "lan:jönköping", "year:2026", "section:mal", "kind:verksamhetsplan"]


def run(ps, *args, check=True):
    p = subprocess.run([ps] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and p.returncode not in (0, 1):
        raise RuntimeError("plansok %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()[:300]))
    return p


def snapshot(ps, db):
    """What plansok says the index holds, in an order of its own."""
    snap = {}
    docs = json.loads(run(ps, "docs", "--db", db, "--format", "json").stdout)["documents"]
    docs.sort(key=lambda d: d["docid"])
    snap["docs"] = docs
    for d in docs:
        out = run(ps, "show", "--db", db, "--format", "json", "--passages", d["docid"]).stdout
        snap["show " + d["file"]] = hashlib.sha256(out).hexdigest()
    snap["budget"] = sorted(json.dumps(r, sort_keys=True) for r in
                            json.loads(run(ps, "budget", "--db", db, "--format", "json").stdout).get("rows", []))
    for q in QUERIES:
        res = json.loads(run(ps, "search", "--db", db, "--format", "json", "--limit", "10000", q).stdout)
        hits = [dict(h) for h in res["hits"]]
        for h in hits:
            h.pop("rank")  # equal scores are ordered by Xapian's document ids
        snap["search " + q] = (res["total"], sorted(json.dumps(h, sort_keys=True) for h in hits))
        snap["matrix " + q] = json.loads(run(ps, "matrix", "--db", db, "--format", "json", q).stdout)
    return snap


def differences(a, b):
    return [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def doc_differences(a, b):
    """Which document differs in which fields (file: field clean -> here)."""
    ka, kb = {d["docid"]: d for d in a["docs"]}, {d["docid"]: d for d in b["docs"]}
    out = ["%s: only in the %s index" % ((ka.get(k) or kb.get(k))["file"], "clean" if k in ka else "trial's")
           for k in sorted(set(ka) ^ set(kb))]
    for k in sorted(set(ka) & set(kb)):
        out += ["%s: %s %r -> %r" % (ka[k]["file"], f, ka[k][f], kb[k].get(f))
                for f in ka[k] if ka[k][f] != kb[k].get(f)]
    return out


def left_over(marker):
    """Processes whose command line names the trial's index (workers are
    forks of the writer, so they carry its command line)."""
    p = subprocess.run(["pgrep", "-f", marker], stdout=subprocess.PIPE)
    return p.stdout.split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=int(os.environ.get("TRIALS", 60)))
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--plansok", default=os.environ.get("PLANSOK", os.path.join(TOP, "build", "plansok")))
    ap.add_argument("--commit-every", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--signal", choices=["both", "KILL", "TERM"], default="both",
                    help="SIGKILL and SIGTERM in turn (default), or only one of them")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory (kept anyway when a trial differs)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    ps = os.path.abspath(args.plansok)
    work = tempfile.mkdtemp(prefix="plansok-kill.")
    started = time.time()
    try:
        # the files: the corpus, the real plans, and copies with other bytes
        copies = os.path.join(work, "copies")
        os.makedirs(copies)
        corpus = sorted(f for f in os.listdir(os.path.join(TOP, "corpus")) if f.endswith(".pdf"))
        for i, f in enumerate(corpus[:3]):
            with open(os.path.join(TOP, "corpus", f), "rb") as src, open(os.path.join(copies, "kopia-" + f), "wb") as dst:
                dst.write(src.read() + b"%% kopia %d\n" % i)
        inputs = [os.path.join(TOP, "corpus"), copies]
        real = os.path.join(TOP, "..", "shared", "realplans")
        if os.path.isdir(real):
            inputs.append(os.path.abspath(real))
        opts = ["-q", "--commit-every", str(args.commit_every), "-j", str(args.jobs)]

        # two clean ingests: the reference, and proof that it is reproducible
        t0 = time.time()
        ref_run = run(ps, "ingest", "--db", os.path.join(work, "clean"), *opts, *inputs, check=False)
        clean_secs = time.time() - t0
        if ref_run.returncode not in (0, 3):
            sys.exit("clean ingest failed: exit %d: %s" % (ref_run.returncode, ref_run.stderr.decode()))
        ref = snapshot(ps, os.path.join(work, "clean"))
        # the second run, with the files in the page cache, is as fast as a
        # trial's: the shorter of the two bounds the random moments, so that
        # few trials end before their signal
        t0 = time.time()
        run(ps, "ingest", "--db", os.path.join(work, "clean2"), *opts, *inputs, check=False)
        clean_secs = min(clean_secs, time.time() - t0)
        diff = differences(ref, snapshot(ps, os.path.join(work, "clean2")))
        if diff:
            sys.exit("two clean ingests differ (%s): the comparison cannot tell a kill's harm" % ", ".join(diff[:5]))
        ndocs = len(ref["docs"])
        print("# seed %d; %d documents from %s; clean ingest %.1f s (exit %d); --commit-every %d -j %d"
              % (seed, ndocs, " ".join(inputs), clean_secs, ref_run.returncode, args.commit_every, args.jobs))

        tally = {"identical": 0, "differ": 0, "SIGKILL": 0, "SIGTERM": 0,
                 "no index yet": 0, "before any commit": 0, "mid-run": 0, "all committed": 0,
                 "ended before the signal": 0}
        for t in range(1, args.trials + 1):
            sig = {"KILL": signal.SIGKILL, "TERM": signal.SIGTERM}.get(args.signal) or \
                (signal.SIGKILL if t % 2 else signal.SIGTERM)
            name = signal.Signals(sig).name
            db = os.path.join(work, "trial-%03d" % t)
            marker = db + " "
            at = rng.uniform(0, clean_secs)
            problems = []
            p = subprocess.Popen([ps, "ingest", "--db", db, *opts, *inputs],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(at)
            ended_first = p.poll() is not None
            if not ended_first:
                p.send_signal(sig)
            try:
                _, err = p.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
                _, err = p.communicate()
                problems.append("did not end within 60 s of %s" % name)
            err = err.decode(errors="replace")
            tally[name] += 1
            if not ended_first and p.returncode == ref_run.returncode:
                ended_first = True  # it ended on its own just before the signal came
            if ended_first:
                moment = "ended before the signal"
            elif p.returncode != -sig:
                problems.append("%s: ended with %d, not by the signal" % (name, p.returncode))

            # the index opens, and says what it holds
            d = run(ps, "docs", "--db", db, "--format", "json", check=False)
            if d.returncode == 0:
                held = len(json.loads(d.stdout)["documents"])
            elif b"no index" in d.stderr:
                held = None
            else:
                held = None
                problems.append("the index does not open: " + d.stderr.decode(errors="replace").strip())
            if not ended_first:
                moment = ("no index yet" if held is None else "before any commit" if held == 0
                          else "all committed" if held == ndocs else "mid-run")
            if sig == signal.SIGTERM and not ended_first:
                said = [l for l in err.splitlines() if l.startswith("plansok: ingested ")]
                if not err and held is None:
                    pass  # it came before ingest began: nothing was touched
                elif not said or "plansok: interrupted by SIGTERM" not in err:
                    problems.append("SIGTERM: no summary or no 'interrupted' line: " + err.strip()[-200:])
                elif int(said[0].split()[2]) != (held or 0):
                    problems.append("SIGTERM: the summary says %s, the index holds %s" % (said[0].split()[2], held))
                if left_over(marker):
                    problems.append("SIGTERM: workers left running")
            tally[moment] += 1

            # not locked: the next run starts at once, and runs to its end
            again = run(ps, "ingest", "--db", db, *opts, *inputs, check=False)
            if b"locked" in again.stderr:
                problems.append("the index was left locked")
            if again.returncode != ref_run.returncode:
                problems.append("the second run exited %d, a clean one %d" % (again.returncode, ref_run.returncode))
            snap = snapshot(ps, db)
            diff = differences(ref, snap)
            verdict = "identical" if not diff else "differ"
            tally[verdict] += 1
            if diff:
                problems.append("differs from a clean ingest in: " + ", ".join(diff[:6]))
                problems += doc_differences(ref, snap)[:10]
            elif problems:
                tally["identical"] -= 1
                tally["differ"] += 1
                verdict = "differ"
            print("trial %d/%d: %s at %.2f s (%s, %s of %d documents committed): %s%s"
                  % (t, args.trials, name, at, moment, "-" if held is None else held, ndocs, verdict,
                     "".join("\n#   " + x for x in problems)), flush=True)
            for pid in left_over(marker):  # a SIGKILLed run's workers, still on their PDF
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if verdict == "identical":
                shutil.rmtree(db, ignore_errors=True)
            else:
                args.keep = True  # the differing index, and the files, for a look

        secs = time.time() - started
        print("# SIGKILL %d, SIGTERM %d; killed with no index yet %d, before any commit %d, mid-run %d, "
              "after the last batch's commit %d; ended before the signal %d; %.0f s"
              % (tally["SIGKILL"], tally["SIGTERM"], tally["no index yet"], tally["before any commit"],
                 tally["mid-run"], tally["all committed"], tally["ended before the signal"], secs))
        print("%d trials: %d identical, %d differ" % (args.trials, tally["identical"], tally["differ"]))
        return 1 if tally["differ"] else 0
    finally:
        if args.keep:
            print("# kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

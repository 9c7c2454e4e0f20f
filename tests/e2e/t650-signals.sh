#!/bin/sh
# t650-signals: SIGTERM or SIGINT in the middle of a batch. Four PDFs on two
# workers; the fourth hangs its worker (test hook), so three are finished
# and indexed but not committed (the default batch is 64) when the signal
# comes. Ingest then kills its workers, commits the three, prints the
# summary and one line naming the signal, and ends by the signal (the shell
# sees 143 or 130); no worker is left, and the next run adds the fourth. A
# second signal ends it at once, at its last commit. Then the run after a
# stopped one ends as a clean ingest, also where a folder gives a kommun;
# and a kill while a twin group gets its new head (found by make stress).
# Every run is under timeout (-s KILL: 137 means it hung); the waits are
# bounded loops.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/in"
cp "$CORPUS/kfvn-vp-2013.pdf" "$TMP/in/a.pdf"
cp "$CORPUS/rfjl_vp_budget_2014.pdf" "$TMP/in/b.pdf"
cp "$CORPUS/vp2013_webb.pdf" "$TMP/in/c.pdf"
cp "$CORPUS/kallelse_styrelsen_110915.pdf" "$TMP/in/d-hangs.pdf"
FILES="$TMP/in/a.pdf $TMP/in/b.pdf $TMP/in/c.pdf $TMP/in/d-hangs.pdf"

# start NAME [PREFIX...]: starts "ingest $OPTS FILES" on index $TMP/NAME
# in the background (the PREFIX command, if any, runs it), its
# stderr in $TMP/NAME.err, its pid in $pid (sh writes it, then becomes
# plansok), the timeout's in $bg; waits until 3 of the 4 files are done
# (--progress says "[3/4]") and the workers' process group is known ($group)
start() {
    name=$1; shift
    rm -rf "$TMP/$name" "$TMP/$name.pid"
    PLANSOK_TEST_WORKER=hang PLANSOK_TEST_WORKER_MATCH=-hangs \
        timeout -s KILL 60 sh -c 'echo $$ > "$0"; exec "$@"' "$TMP/$name.pid" "$@" \
        "$PLANSOK" ingest --progress -j 2 --db "$TMP/$name" $OPTS $FILES 2> "$TMP/$name.err" &
    bg=$!
    i=0
    while ! grep -q '\[3/4\]' "$TMP/$name.err" 2> /dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    pid=$(cat "$TMP/$name.pid")
    group=$(pgrep -P "$pid" | head -1 | xargs -r ps -o pgid= -p | tr -d ' ')
}

# lines LOG: the lines of a log with progress ("\r[1/4] a.pdf\033[K")
lines() { tr '\r' '\n' < "$1" | sed "s/$(printf '\033')\\[K//g"; }

# the processes of an index's run still there (the workers are forks: their
# command line names the index)
left() { pgrep -f "$TMP/$1 " || true; }

# held NAME: how many documents the index holds
held() { "$PLANSOK" docs --db "$TMP/$1" --format csv 2> /dev/null | tail -n +2 | wc -l; }

interrupt() { # signal, its number
    sig=$1 num=$2 name=db-$1
    OPTS= start "$name"
    check "$sig: three of four files are done, one worker hangs" grep -q '\[3/4\]' "$TMP/$name.err"
    check "... the workers are a process group of their own" test -n "$group" -a "$group" != "$(ps -o pgid= -p "$pid" | tr -d ' ')"
    kill -"$sig" "$pid"
    wait $bg 2> /dev/null
    rc=$?
    check "... ingest ends by $sig (exit $rc, wanted $((128 + num)); 137: it hung)" test "$rc" -eq $((128 + num))
    lines "$TMP/$name.err" > "$TMP/$name.lines"
    check "... the summary counts the three" grep -q '^plansok: ingested 3 documents (.*): 3 added, 0 updated, 0 moved, 0 unchanged, 0 removed$' "$TMP/$name.lines"
    check "... one line says it was interrupted, by which signal" \
        test "$(grep -c "^plansok: interrupted by SIG$sig: 1 of 4 files not ingested; the next run ingests them$" "$TMP/$name.lines")" -eq 1
    check "... the poll the signal interrupted is not a failure of the pool" sh -c "! grep -q 'stopping' '$TMP/$name.lines'"
    check "... the three finished documents are in the index" test "$(held "$name")" -eq 3
    check "... no worker is left (by command line)" test -z "$(left "$name")"
    check "... none in the workers' process group" test -z "$(pgrep -g "${group:-0}" || true)"
    run_ps 0 "... the next run adds the fourth" ingest --db "$TMP/$name" $FILES
    check "... and finds the three unchanged" grep -q '1 added, 0 updated, 0 moved, 3 unchanged' "$TMP/err"
}
interrupt TERM 15
interrupt INT 2

# a SIGINT its caller ignores (a background job of a script) stays ignored:
# the SIGTERM after it is the one that stops the run
OPTS= start db-ign sh -c 'trap "" INT; exec "$@"' sh
kill -INT "$pid"
kill -TERM "$pid"
wait $bg 2> /dev/null
rc=$?
check "an ignored SIGINT is passed over, SIGTERM then stops the run (exit $rc)" test "$rc" -eq 143
check "... which says so" grep -q '^plansok: interrupted by SIGTERM: 1 of 4' "$TMP/db-ign.err"

# a second signal ends the run at once: stopped, the process gets SIGINT
# and SIGTERM, and goes on; the first is handled, the second ends it by
# its default action, with no summary, and the index is at its last commit
# (--commit-every 2: the first two documents). Its hanging worker is not
# killed (nothing runs after the second signal; a real worker ends at its
# CPU limit): it is cleaned up below.
OPTS="--commit-every 2" start db-twice
kill -STOP "$pid"
kill -INT "$pid"
kill -TERM "$pid"
kill -CONT "$pid"
wait $bg 2> /dev/null
rc=$?
check "a second signal ends the run at once, by that signal (exit $rc, wanted 143)" test "$rc" -eq 143
check "... without a summary" sh -c "! grep -q 'ingested\|interrupted' '$TMP/db-twice.err'"
check "... the index opens at its last commit: two documents" test "$(held db-twice)" -eq 2

# without workers (--in-process) the run stops between two files: whatever
# it had finished is committed, and the summary counts what the index holds
rm -rf "$TMP/inproc"
timeout -s KILL 60 sh -c 'echo $$ > "$0"; exec "$@"' "$TMP/inproc.pid" \
    "$PLANSOK" ingest --progress --in-process --db "$TMP/inproc" "$CORPUS" 2> "$TMP/inproc.err" &
bg=$!
i=0
while ! grep -q '\[1/5\]' "$TMP/inproc.err" 2> /dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM "$(cat "$TMP/inproc.pid")"
wait $bg 2> /dev/null
rc=$?
said=$(lines "$TMP/inproc.err" | sed -n 's/^plansok: ingested \([0-9]*\) document.*/\1/p')
check "--in-process: SIGTERM after the first file stops the run (exit $rc)" test "$rc" -eq 143
check "... which says so" grep -q '^plansok: interrupted by SIGTERM' "$TMP/inproc.err"
kept=$(held inproc)
check "... and counts what the index holds ($said said, $kept held)" test -n "$said" -a "${said:-0}" -ge 1 -a "${said:-0}" -eq "$kept"

# --- what a folder gives, after a run stopped before its last file ---------
# A document that names only its nämnd takes the kommun its folder's other
# documents name (t165), and keeps it. A stopped run takes nothing from a
# folder (it has seen only some of it: a clean ingest could see two
# kommuner there), and every whole run does, whatever it added: so the run
# after the stopped one ends with the index a clean ingest makes, both when
# the file left over names another kommun and when it is not a PDF at all
# (that run adds nothing).
R=$SHARED/realplans
TEN=se_alingsas-tekniska-namnden_2026_fordjupad-manadsuppfoljning.pdf
A1=se_alingsas-socialnamnden_2026-2027_genomlysning.pdf
A2=se_alingsas-barn-och-ungdomsnamnden_2026_kompetensforsorjningsplan.pdf
docs_of() { "$PLANSOK" docs --db "$1" --format json | python3 -c '
import json, sys
for d in sorted(json.load(sys.stdin)["documents"], key=lambda d: d["docid"]):
    print(d["file"], d["organisation"] or "-", d["from_folder"] or "-")'; }
folder() { # name, the fourth file, what it is
    f=$1 # (start sets $name)
    mkdir -p "$TMP/$f"
    cp "$R/$TEN" "$R/$A1" "$R/$A2" "$TMP/$f/"
    cp "$2" "$TMP/$f/zz-hangs.pdf"
    FILES="$TMP/$f/$TEN $TMP/$f/$A1 $TMP/$f/$A2 $TMP/$f/zz-hangs.pdf"
    "$PLANSOK" ingest -q --db "$TMP/$f-clean" $FILES 2> /dev/null
    OPTS= start "$f-db"
    kill -TERM "$pid"
    wait $bg 2> /dev/null
    check "a folder with $3: stopped after three of its four files" grep -q 'interrupted by SIGTERM: 1 of 4' "$TMP/$f-db.err"
    "$PLANSOK" ingest -q --db "$TMP/$f-db" $FILES 2> /dev/null
    docs_of "$TMP/$f-clean" > "$TMP/$f.clean"
    docs_of "$TMP/$f-db" > "$TMP/$f.after"
    check "... the next run ends as a clean ingest: $(grep "^$TEN" "$TMP/$f.clean" | cut -d' ' -f2-)" \
        diff "$TMP/$f.clean" "$TMP/$f.after"
}
if [ -f "$R/$TEN" ]; then
    python3 "$TOP/tests/tools/pdfwrite.py" "$TMP/nacka.pdf" --author "Nacka kommun" "Nacka kommun" \
        "Verksamhetsplan 2026" "Kommunstyrelsen beslutade om verksamhetsplanen for 2026."
    folder f-nacka "$TMP/nacka.pdf" "another kommun's paper left over"
    folder f-notpdf "$FIXTURES/not-a-pdf.pdf" "a file that is not a PDF left over"
else
    skip "what a folder gives after a stopped run" "no $R (the shared real PDFs are not on this machine)"
fi

# --- found by the kill campaign (make stress) ---------------------------------
# A copy with other bytes and the same words joins its original as a twin;
# with the smaller docid it becomes the group's head, and the original is
# filed again as its twin. That relabelling went to disk after the copy
# (the copy's batch was committed first), so a kill between them left two
# heads, which the next run, finding both unchanged, kept. Now both go in
# one commit. Test hook: SIGKILL inside the first relabelling, with the
# batch (--commit-every 2) full at the copy.
mkdir -p "$TMP/tw"
cp "$CORPUS/Storsthlm-Verksamhetsplan-och-budget-2018.pdf" "$TMP/tw/a.pdf"
{ cat "$TMP/tw/a.pdf"; printf '%%%% kopia 0\n'; } > "$TMP/tw/b-kopia.pdf" # a smaller docid
twins_of() { "$PLANSOK" docs --db "$1" --format json | python3 -c '
import json, sys
print(" ".join("%s:%s" % (d["file"], d["twin_of"] or "head") for d in sorted(json.load(sys.stdin)["documents"], key=lambda d: d["file"])))'; }
"$PLANSOK" ingest -q -j 1 --db "$TMP/tw-clean" "$TMP/tw/a.pdf" "$TMP/tw/b-kopia.pdf" 2> /dev/null
PLANSOK_TEST_KILL_RELABEL=1 timeout -s KILL 60 "$PLANSOK" ingest -q -j 1 --commit-every 2 --db "$TMP/tw-db" \
    "$TMP/tw/a.pdf" "$TMP/tw/b-kopia.pdf" > /dev/null 2>&1
rc=$?
check "killed while a copy's original is filed as its twin (exit $rc)" test "$rc" -eq 137
"$PLANSOK" ingest -q -j 1 --db "$TMP/tw-db" "$TMP/tw/a.pdf" "$TMP/tw/b-kopia.pdf" 2> /dev/null
check "... the next run ends with one head, as a clean ingest: $(twins_of "$TMP/tw-clean")" \
    test "$(twins_of "$TMP/tw-db")" = "$(twins_of "$TMP/tw-clean")"

# the worker left hanging by the second signal (and by an old build, all)
for p in $(left db-TERM) $(left db-INT) $(left db-ign) $(left db-twice) $(left f-nacka-db) $(left f-notpdf-db); do kill -9 "$p" 2> /dev/null; done
done_testing

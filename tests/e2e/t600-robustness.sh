#!/bin/sh
# t600-robustness: isolated extraction (crash, hang, CPU, memory), hostile
# and odd PDFs, incremental re-ingest, SIGKILL at several points of a run,
# the writer lock, and searches while an ingest runs.
. "$(dirname "$0")/lib.sh"

# --- isolation: a worker that crashes, hangs, spins or eats memory --------
fail_as() { # how, limit options, expected message
    how=$1 opts=$2 msg=$3
    PLANSOK_TEST_WORKER=$how PLANSOK_TEST_WORKER_MATCH=kfvn run_ps 3 "a worker that fails by '$how' is skipped" \
        ingest --db "$TMP/iso" $opts "$CORPUS/kfvn-vp-2013.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf"
    check "... with '$msg'" grep -q "skipping '$CORPUS/kfvn-vp-2013.pdf': $msg" "$TMP/err"
    check "... and the other file is indexed" grep -q "1 added\|1 unchanged" "$TMP/err"
}
if [ -n "${PLANSOK_SAN:-}" ]; then
    fail_as crash "" "crashed: " # AddressSanitizer turns the SIGSEGV into an exit
else
    fail_as crash "" "crashed: SIGSEGV"
fi
fail_as hang "--timeout 2" "timed out after 2 s"
fail_as spin "--cpu 1 --timeout 30" "timed out: used its 1 s of CPU time"
if [ -n "${PLANSOK_SAN:-}" ]; then
    skip "a worker that runs out of memory" "no memory limit under AddressSanitizer"
else
    fail_as oom "--memory 300" "killed: out of memory (limit 300 MB)"
    # told by the worker's exit status, not by what it printed: it aborts
    # without a word (as poppler's gmalloc or C++'s new would, here unheard)
    # or stops at a breakpoint as GLib's g_malloc does
    fail_as oom-quiet "--memory 300" "killed: out of memory (limit 300 MB)"
    fail_as oom-glib "--memory 300" "killed: out of memory (limit 300 MB)"
fi

# a worker that has read other PDFs may be worn down: a crash there is tried
# once more in a fresh worker, and the jobs queued behind it are not lost
W1="$CORPUS/rfjl_vp_budget_2014.pdf" W2="$CORPUS/kfvn-vp-2013.pdf" W3="$CORPUS/vp2013_webb.pdf"
: > "$TMP/trace1"
PLANSOK_TEST_WORKER=crash-worn PLANSOK_TEST_WORKER_MATCH=kfvn PLANSOK_TEST_WORKER_TRACE="$TMP/trace1" \
    run_ps 0 "a PDF that crashes a worker after other PDFs is retried in a fresh worker" ingest -j 1 --db "$TMP/worn" "$W1" "$W2" "$W3"
check "... it crashed once (after 1 PDF)" sh -c "test \$(wc -l < '$TMP/trace1') -eq 1 && grep -q 'kfvn-vp-2013.pdf after 1' '$TMP/trace1'"
check "... and all three files are indexed" grep -q "3 added" "$TMP/err"
: > "$TMP/trace2"
PLANSOK_TEST_WORKER=crash PLANSOK_TEST_WORKER_MATCH=kfvn PLANSOK_TEST_WORKER_TRACE="$TMP/trace2" \
    run_ps 3 "a PDF that crashes every worker is tried twice, then skipped" ingest -j 1 --db "$TMP/worn2" "$W1" "$W2" "$W3"
check "... two tries: after 1 PDF, then in a fresh worker" sh -c "test \$(wc -l < '$TMP/trace2') -eq 2 && grep -q 'after 1' '$TMP/trace2' && grep -q 'after 0' '$TMP/trace2'"
check "... one line names it" sh -c "test \$(grep -c \"skipping '$W2': crashed\" '$TMP/err') -eq 1"
check "... the PDF queued behind it is indexed" grep -q "2 added" "$TMP/err"

# --- the pool: as wide as -j, and its own failures -------------------------
# every busy worker's pipe is watched, however many workers there are: on
# -j 64, 128 distinct small PDFs (copies, each with its own trailing
# comment), two for each worker; all but the 64th worker's sleep S s each
# (test hook 'slow:S'), so 63 workers stay busy for 2S s, longer than the
# timeout T (a clock per worker, not per PDF, would time the second out),
# while the 64th has its answers ready at once. T - S is the room for 63
# workers reading their PDF at once on two cores: under 1 s, 4 s under
# AddressSanitizer on an idle machine, where a room of 4 s once timed out
if [ -n "${PLANSOK_SAN:-}" ]; then S=12 T=22; else S=6 T=11; fi
mkdir -p "$TMP/wide"
i=0
while [ $i -lt 128 ]; do
    speed=slow
    [ $((i % 64)) -eq 63 ] && speed=fast
    { cat "$TOP/tests/budget/budget-vasternorrland-2014.pdf"; printf '%% copy %d\n' $i; } \
        > "$TMP/wide/$(printf %03d $i)-$speed.pdf"
    i=$((i + 1))
done
PLANSOK_TEST_WORKER=slow:$S PLANSOK_TEST_WORKER_MATCH=-slow \
    run_ps 0 "ingest -j 64 reads 128 PDFs on 64 busy workers (${S} s each, timeout ${T} s)" ingest -j 64 --timeout $T --db "$TMP/wide.db" "$TMP/wide"
check "... all 128 are indexed" grep -q "ingested 128 documents" "$TMP/err"
check "... and none timed out" sh -c "! grep 'timed out' '$TMP/err'"

# when the pool itself cannot wait for its workers (test hook: every poll
# fails once 2 results were handed out), ingest stops on one line, exits 4
# and keeps what it had indexed; timeout turns a hang into a failure
PLANSOK_TEST_POLL_FAIL=2 timeout -k 5 60 "$PLANSOK" ingest -j 1 --db "$TMP/pollfail" "$CORPUS" > /dev/null 2> "$TMP/err"
rc=$?
check "a failing poll stops ingest with exit 4 (exit $rc; 124 is a hang)" test "$rc" -eq 4
check "... on one line that says why" sh -c "test \$(grep -c '^plansok: stopping: cannot wait for the extraction workers: ' '$TMP/err') -eq 1"
check "... after the 2 documents collected before it" grep -q "ingested 2 documents" "$TMP/err"
"$PLANSOK" docs --db "$TMP/pollfail" --format csv > "$TMP/pdocs" 2>&1
check "... which the index holds" sh -c "test \$(tail -n +2 '$TMP/pdocs' | wc -l) -eq 2"

# --- hostile and odd PDFs --------------------------------------------------
python3 "$TOP/tests/tools/hostile-pdfs.py" "$CORPUS/kfvn-vp-2013.pdf" "$TMP/hostile" > /dev/null
run_ps 3 "ingest survives $(ls "$TMP/hostile" | wc -l) hostile and odd PDFs" ingest --db "$TMP/host" --timeout 60 "$TMP/hostile"
check "... every bad file gets one line naming it" sh -c "test \$(grep -c \"^plansok: skipping '$TMP/hostile/\" '$TMP/err') -ge 12"
check "... no damaged file is reported as anything but damaged, empty or without text" sh -c "! grep \"skipping '$TMP/hostile/truncated\" '$TMP/err' | grep -v 'PDF is damaged\|no text layer\|not a PDF'"
check "... a PDF without pages says so" grep -q "enormous-count.pdf': PDF has no pages\|deep-nesting.pdf': PDF has no pages" "$TMP/err"
run_ps 0 "the index still answers after the hostile run" docs --db "$TMP/host" --format csv
check "... the 5,000-page PDF is indexed with all its pages" grep -q "^five-thousand-pages.pdf,.*,5000," "$TMP/out"
check "... the megabyte page is indexed" grep -q "^megabyte-page.pdf," "$TMP/out"
check "... files with odd names are indexed once (same contents)" python3 -c "
import csv; names={r['file'] for r in csv.DictReader(open('$TMP/out', encoding='utf-8'))}
odd={'-börjar-med-streck.pdf', 'med mellanslag och åäö.pdf', 'citat\'och\"tecken.pdf', 'ŝtrange ☃ unicode.pdf'}
assert len(names & odd) == 1, names & odd"
run_ps 0 "search finds text of the megabyte page" search --db "$TMP/host" --format csv --limit 3 '"av en mycket"'

# --- incremental re-ingest ---------------------------------------------------
mkdir -p "$TMP/inc" && cp "$CORPUS"/*.pdf "$TMP/inc/"
run_ps 0 "first ingest of a copy of corpus/" ingest --db "$TMP/incdb" "$TMP/inc"
check "... counts 5 added" grep -q "5 added, 0 updated, 0 moved, 0 unchanged, 0 removed" "$TMP/err"
"$PLANSOK" show --db "$TMP/incdb" --format json kfvn-vp-2013.pdf > "$TMP/show-before.json"
"$PLANSOK" docs --db "$TMP/incdb" --format json > "$TMP/docs-before.json"
touch -d '2020-01-02 03:04:05' "$TMP/inc/kfvn-vp-2013.pdf"
run_ps 0 "after touching a file" ingest --db "$TMP/incdb" "$TMP/inc"
check "... nothing is re-indexed: 5 unchanged" grep -q "0 added, 0 updated, 0 moved, 5 unchanged" "$TMP/err"
# the new mtime is written into the document's record, read and written
# whole: every other field (outline, län, year, kind ...) stays
"$PLANSOK" show --db "$TMP/incdb" --format json kfvn-vp-2013.pdf > "$TMP/show-after.json"
"$PLANSOK" docs --db "$TMP/incdb" --format json > "$TMP/docs-after.json"
check "... its record keeps its outline and metadata" sh -c "cmp '$TMP/show-before.json' '$TMP/show-after.json' && cmp '$TMP/docs-before.json' '$TMP/docs-after.json' && grep -q '\"level\":' '$TMP/show-after.json'"
run_ps 0 "a second ingest after the touch" ingest --db "$TMP/incdb" "$TMP/inc"
check "... finds all 5 unchanged" grep -q "0 added, 0 updated, 0 moved, 5 unchanged" "$TMP/err"
printf '%% an edit\n' >> "$TMP/inc/vp2013_webb.pdf"
run_ps 0 "after editing a file" ingest --db "$TMP/incdb" "$TMP/inc"
check "... 1 updated, 4 unchanged" grep -q "0 added, 1 updated, 0 moved, 4 unchanged" "$TMP/err"
mv "$TMP/inc/kfvn-vp-2013.pdf" "$TMP/inc/omdöpt.pdf"
run_ps 0 "after renaming a file" ingest --db "$TMP/incdb" "$TMP/inc"
check "... 1 moved, 4 unchanged" grep -q "0 added, 0 updated, 1 moved, 4 unchanged" "$TMP/err"
"$PLANSOK" docs --db "$TMP/incdb" --format csv > "$TMP/docs"
check "... and it is indexed once, under its new name" sh -c "test \$(tail -n +2 '$TMP/docs' | wc -l) -eq 5 && grep -q '^omdöpt.pdf,' '$TMP/docs'"
rm "$TMP/inc/rfjl_vp_budget_2014.pdf"
run_ps 0 "after deleting a file, with --prune" ingest --db "$TMP/incdb" --prune "$TMP/inc"
check "... 1 removed, 4 unchanged" grep -q "0 added, 0 updated, 0 moved, 4 unchanged, 1 removed" "$TMP/err"
check "... and its passages are gone" sh -c "'$PLANSOK' search --db '$TMP/incdb' --format csv --limit 500 Jönköping | grep -vq rfjl_vp_budget_2014"

# --- SIGKILL in the middle of a document's transaction -----------------------
for k in 1 2 3 5; do
    rm -rf "$TMP/kill"
    PLANSOK_TEST_KILL=$k "$PLANSOK" ingest -q --commit-every 1 --db "$TMP/kill" "$CORPUS" > /dev/null 2>&1
    rc=$?
    check "killed by SIGKILL in document $k's transaction (exit $rc)" test "$rc" -eq 137
    "$PLANSOK" docs --db "$TMP/kill" --format csv > "$TMP/kdocs" 2> "$TMP/kerr"
    check "... the index opens and holds exactly the $((k - 1)) committed documents" sh -c "test \$(tail -n +2 '$TMP/kdocs' | wc -l) -eq $((k - 1))"
    if [ "$k" -gt 1 ]; then
        run_ps 0 "... and answers queries" search --db "$TMP/kill" --limit 1 'verksamhet OR kommun OR region'
    fi
    run_ps 0 "... and the next run completes it" ingest --db "$TMP/kill" "$CORPUS"
    check "... adding the missing $((5 - k + 1))" grep -q "$((5 - k + 1)) added, 0 updated, 0 moved, $((k - 1)) unchanged" "$TMP/err"
done

# With commits in batches (the default), a kill loses the open batch, and
# only whole documents: every document in the index has all its passages.
rm -rf "$TMP/kill"
PLANSOK_TEST_KILL=4 "$PLANSOK" ingest -q --commit-every 2 --db "$TMP/kill" "$CORPUS" > /dev/null 2>&1
"$PLANSOK" docs --db "$TMP/kill" --format json > "$TMP/kdocs.json" 2>&1
check "killed with commits every 2 documents: the index holds the 2 of the first batch" python3 -c "
import json; d=json.load(open('$TMP/kdocs.json'))['documents']; assert len(d) == 2, len(d)"
check "... each with all of its passages" sh -c "for f in \$(python3 -c \"import json; print(' '.join(x['file'] for x in json.load(open('$TMP/kdocs.json'))['documents']))\"); do
    want=\$(python3 -c \"import json; print([x['passages'] for x in json.load(open('$TMP/kdocs.json'))['documents'] if x['file']=='\$f'][0])\")
    got=\$('$PLANSOK' show --db '$TMP/kill' --format json --passages \$f | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"passages\"]))')
    test \"\$want\" = \"\$got\" || exit 1; done"

# --- the writer lock, and searches during an ingest ---------------------------
"$PLANSOK" ingest -q --db "$TMP/lock" "$CORPUS/kfvn-vp-2013.pdf" 2>/dev/null
# (the second writer comes once the first one's worker hangs on its PDF,
# which is after the first took the lock, however slow the machine)
: > "$TMP/trace-lock"
PLANSOK_TEST_WORKER=hang PLANSOK_TEST_WORKER_MATCH=rfjl PLANSOK_TEST_WORKER_TRACE="$TMP/trace-lock" \
    "$PLANSOK" ingest -q --db "$TMP/lock" --timeout 20 "$CORPUS/rfjl_vp_budget_2014.pdf" > /dev/null 2>&1 &
bg=$!
i=0
while [ ! -s "$TMP/trace-lock" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
start=$(date +%s)
run_ps 4 "a second writer is refused at once" ingest --db "$TMP/lock" "$CORPUS/vp2013_webb.pdf"
check "... with 'index is locked by another plansok ingest'" grep -q "is locked by another plansok ingest" "$TMP/err"
check "... without waiting for the lock" test $(( $(date +%s) - start )) -le 3
run_ps 0 "searches work while the ingest runs" search --db "$TMP/lock" Västernorrland
kill $bg 2> /dev/null; wait $bg 2> /dev/null || true

# a killed writer leaves no lock behind, even while its workers are still
# busy: workers must not hold the index's files (Xapian's lock is shared
# with every process that has its descriptor)
: > "$TMP/trace3"
PLANSOK_TEST_WORKER=hang PLANSOK_TEST_WORKER_MATCH=kfvn PLANSOK_TEST_WORKER_TRACE="$TMP/trace3" \
    "$PLANSOK" ingest -q -j 1 --timeout 60 --db "$TMP/orphan" "$CORPUS/kfvn-vp-2013.pdf" 2> /dev/null &
writer=$!
i=0
while [ ! -s "$TMP/trace3" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
workers=$(pgrep -P $writer || true)
kill -9 $writer 2> /dev/null
wait $writer 2> /dev/null || true
check "a worker is still busy after its writer was killed" test -n "$workers"
run_ps 0 "... and the next ingest is not locked out" ingest --db "$TMP/orphan" "$CORPUS/vp2013_webb.pdf"
[ -n "$workers" ] && kill -9 $workers 2> /dev/null
done_testing

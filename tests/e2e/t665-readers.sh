#!/bin/sh
# t665-readers: searches during an ingest see the last committed state.
# An ingest commits after every document (--commit-every 1) over 45
# distinct PDFs while docs, full listings (search -n 100000), matrix and
# report run over and over: a reader whose revision the writer discarded
# used to fail with Xapian's "DatabaseModifiedError ... call reopen()"
# (exit 4); now every reader exits 0, no message names reopen(), and the
# documents a reader lists never go down in number.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/many"
i=0
for round in 1 2 3 4 5 6 7 8 9; do
    for f in "$CORPUS"/*.pdf; do
        i=$((i + 1))
        cp "$f" "$TMP/many/f$i.pdf"
        printf '\n%% copy %d\n' $i >> "$TMP/many/f$i.pdf" # other contents: another document
    done
done
"$PLANSOK" ingest -q --db "$TMP/db" "$CORPUS/kfvn-vp-2013.pdf" 2> /dev/null

timeout 300 "$PLANSOK" ingest -q --db "$TMP/db" --commit-every 1 -j 2 "$TMP/many" > /dev/null 2> "$TMP/ingest.err" &
writer=$!
: > "$TMP/readers.err"
reads=0 bad=0 last=0 fell=
while kill -0 $writer 2> /dev/null; do
    for cmd in "docs --format csv" "search -n 100000 och" "matrix och" "report och"; do
        # shellcheck disable=SC2086 # cmd is words
        "$PLANSOK" $cmd --db "$TMP/db" > "$TMP/r.out" 2> "$TMP/r.err"
        rc=$?
        cat "$TMP/r.err" >> "$TMP/readers.err"
        reads=$((reads + 1))
        if [ $rc -ne 0 ] || [ -s "$TMP/r.err" ] || [ ! -s "$TMP/r.out" ]; then
            bad=$((bad + 1))
            [ $bad -le 3 ] && echo "# $cmd: exit $rc: $(head -c 200 "$TMP/r.err")"
        fi
        if [ "$cmd" = "docs --format csv" ] && [ $rc -eq 0 ]; then
            now=$(grep -c '\.pdf,' "$TMP/r.out")
            [ "$now" -lt "$last" ] && fell="$last documents, then $now"
            last=$now
        fi
    done
done
wait $writer
wrc=$?
if [ $wrc -eq 0 ]; then ok "the ingest committing after every document ends well"
else not_ok "the ingest committing after every document ends well" "exit $wrc: $(head -c 300 "$TMP/ingest.err")"; fi
if [ $bad -eq 0 ]; then ok "$reads reads during the ingest: each exited 0 with its answer and no message"
else not_ok "every read during the ingest exits 0 with its answer and no message" "$bad of $reads failed"; fi
check "no message names Xapian's reopen()" sh -c "! grep -q reopen '$TMP/readers.err' '$TMP/ingest.err'"
if [ -z "$fell" ]; then ok "the documents listed never went down in number (last seen: $last)"
else not_ok "the documents listed never go down in number" "$fell"; fi
if [ $reads -ge 8 ]; then ok "readers ran throughout the ingest ($reads reads)"
else not_ok "readers ran throughout the ingest" "only $reads reads: the test did not test"; fi
run_ps 0 "afterwards every document is listed" docs --db "$TMP/db" --format csv
check "... 46 of them" test "$(grep -c '\.pdf,' "$TMP/out")" -eq 46

done_testing

#!/bin/sh
# t640-disk-full: a run commits what it reports or says what it lost. The
# index cannot grow past a file size limit (ulimit -f, with SIGXFSZ
# ignored, so writes fail with EFBIG as on a full disk). Over a range of
# limits the failure comes at a commit within the run or at the last one
# (which closing the index used to swallow: "5 added", exit 0, an empty
# index). Whatever the limit, a run that failed says so and exits 4, and
# its summary counts exactly the documents the index then holds. (The
# limits are in the shell's ulimit units, 512 bytes in dash. Near 550 kB
# libxapian itself aborts inside commit() on this corpus, "terminate called
# without an active exception": docs/RELIABILITY.md.)
. "$(dirname "$0")/lib.sh"

cd "$TOP" || exit 1
failed=0
for kb in 360 400 420 450 480 520; do
    for opt in "" "--commit-every 1" "-j 1 --commit-every 1"; do
        db="$TMP/db-$kb$(echo "$opt" | tr -dc 0-9)"
        (trap '' XFSZ; ulimit -f "$kb"; "$PLANSOK" ingest -q --db "$db" $opt corpus/) >"$TMP/full.out" 2>"$TMP/full.err"
        rc=$?
        said=$(sed -n 's/.*ingested \([0-9]*\) document.*/\1/p' "$TMP/full.err")
        held=$("$PLANSOK" docs --db "$db" --format csv 2>/dev/null | tail -n +2 | wc -l)
        name="limit $kb kB${opt:+, $opt}"
        if [ "$rc" -eq 0 ]; then
            check "$name: a run that ends well indexed all 5 ($said said, $held held)" \
                test "${said:-x}" = 5 -a "$held" = 5
        else
            failed=$((failed + 1))
            check "$name: a failed run exits 4" test "$rc" -eq 4
            check "$name: ... says what was lost" grep -Eq "added since the last commit (is|are) lost|every document added before is on disk" "$TMP/full.err"
            check "$name: ... and counts what the index holds ($said said, $held held)" test "${said:-x}" = "$held"
        fi
    done
done
check "some of the limits made the disk run full" test "$failed" -ge 4
done_testing

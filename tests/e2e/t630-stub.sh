#!/bin/sh
# t630-stub: opening an index never runs a program. Xapian reads a stub file
# (DIR/XAPIANDB, which plansok writes for a sharded index) and would run the
# program of a "remote :PROGRAM ARGS" line; plansok reads the stub itself
# and refuses every line that is not a shard inside the index directory,
# with one line naming the index, for readers and for ingest alike.
. "$(dirname "$0")/lib.sh"

G1="$CORPUS/kfvn-vp-2013.pdf" G2="$CORPUS/rfjl_vp_budget_2014.pdf"
run_ps 0 "an index" ingest --db "$TMP/db" "$G1"

# refused STUB-LINE DESC: every command refuses an index whose stub holds
# the line, on one line naming the index and the stub's line, and runs nothing
refused() {
    printf '%s\n' "$1" > "$TMP/db/XAPIANDB"
    for cmd in "docs" "search kompetensförsörjning" "ingest $G2"; do
        rm -f "$TMP/PWNED"
        run_ps 4 "$2: '$cmd' fails" $cmd --db "$TMP/db"
        check "... with one line naming the index and the line" sh -c "test \$(wc -l < '$TMP/err') -eq 1 &&
            grep -q \"^plansok: cannot open index at '$TMP/db': $TMP/db/XAPIANDB:1: \" '$TMP/err'"
        check "... and runs nothing" test ! -e "$TMP/PWNED"
    done
}
refused "remote :/usr/bin/touch $TMP/PWNED" "a stub that would run a program"
refused "remote 127.0.0.1:1" "a stub that would reach another machine"
refused "auto /srv/plans/lan-skane" "a stub that lists a database outside the index"
refused "auto ../other" "... by a relative path"
ln -s /tmp "$TMP/db/out"
refused "auto out" "... by a symbolic link"

# a shard inside the index whose own stub would run a program: plansok
# opens shards as Xapian databases only, never as stubs
mkdir -p "$TMP/db/sub"
echo "remote :/usr/bin/touch $TMP/PWNED" > "$TMP/db/sub/XAPIANDB"
printf '# plansok shard-by lan\nauto sub\n' > "$TMP/db/XAPIANDB"
rm -f "$TMP/PWNED"
run_ps 4 "a shard with a stub of its own: docs fails" docs --db "$TMP/db"
check "... with one line naming the shard" sh -c "test \$(wc -l < '$TMP/err') -eq 1 &&
    grep -q \"$TMP/db/XAPIANDB:2: no database at 'sub'\" '$TMP/err'"
run_ps 4 "... search too" search --db "$TMP/db" kompetensförsörjning
"$PLANSOK" ingest --db "$TMP/db" "$G2" > /dev/null 2>&1
check "... and neither they nor ingest ran anything" test ! -e "$TMP/PWNED"
rm -rf "$TMP/db/XAPIANDB" "$TMP/db/sub"
run_ps 0 "without the stub the index opens again" docs --db "$TMP/db"

# a stub file named by --db (an analyst's own list of shards) may list
# remote shards, but no program either
echo "remote :/usr/bin/touch $TMP/PWNED" > "$TMP/my.stub"
rm -f "$TMP/PWNED"
run_ps 4 "a stub file with a program" docs --db "$TMP/my.stub"
check "... is refused on one line that says why" sh -c "test \$(wc -l < '$TMP/err') -eq 1 &&
    grep -q 'my.stub:1: .* would run a program' '$TMP/err'"
check "... and runs nothing" test ! -e "$TMP/PWNED"
printf 'auto %s\n' "$TMP/db" > "$TMP/my.stub"
run_ps 0 "a stub file that lists the index opens" docs --db "$TMP/my.stub"
done_testing

#!/bin/sh
# t660-index-safety: an index that cannot be used is named with the real
# cause and advice that works. Damaged copies of a corpus index (a table
# truncated, bytes overwritten in the middle, a block zeroed): 'plansok
# check' and ingest say "damaged (TABLE: ...)", exit 4, never abort inside
# libxapian; a query that meets the damage says the same. A read-only
# index, a foreign directory, an index of another schema and a locked one
# each get their own line, and only the locked one says locked. Two
# sharded ingests into one new directory: the second is refused at once
# (the lock on the whole index), never both exit 0 with documents lost.
. "$(dirname "$0")/lib.sh"

"$PLANSOK" ingest -q --db "$TMP/good" "$CORPUS" 2>/dev/null
mkdir -p "$TMP/new"
cp "$CORPUS/kfvn-vp-2013.pdf" "$TMP/new/plan.pdf"
printf '\n%% another version\n' >> "$TMP/new/plan.pdf"

run_ps 0 "check: a sound index" check --db "$TMP/good"
check "... says it is sound" grep -q "^index at '$TMP/good' is sound" "$TMP/out"
run_ps 0 "check --help" check --help

# damage DIR HOW: a damaged position table in DIR, a copy of the good index
damage() {
    rm -rf "$1"
    cp -r "$TMP/good" "$1"
    f=$1/position.glass
    size=$(stat -c %s "$f")
    case $2 in
    truncated) truncate -s $((size / 2)) "$f" ;;
    overwritten) # what crashed ingest with "free(): invalid next size"
        printf 'GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE ' |
            dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null ;;
    zeroed) dd if=/dev/zero of="$f" bs=8192 seek=10 count=1 conv=notrunc 2>/dev/null ;;
    esac
}

for how in truncated overwritten zeroed; do
    D=$TMP/d-$how
    damage "$D" "$how"
    "$PLANSOK" check --db "$D" > "$TMP/out" 2> "$TMP/err"
    one_line $? 4 "check: position table $how: damaged, exit 4" \
        "^plansok: index at '$D' is damaged \\(position: .*\\); delete the directory and ingest again: rm -r '$D' && plansok ingest --db '$D' PDF\\.\\.\\.\$"
    cp "$D/position.glass" "$TMP/before"
    "$PLANSOK" ingest --db "$D" "$TMP/new" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if [ $rc -gt 128 ]; then
        not_ok "ingest into it: no abort inside libxapian" "died by signal $((rc - 128))" "$(head -c 300 "$TMP/err")"
    else
        one_line $rc 4 "ingest into it: the same line, exit 4, no abort" "^plansok: index at '$D' is damaged \\(position: "
    fi
    check "... and nothing was written into the damaged table" cmp -s "$TMP/before" "$D/position.glass"
done

# the advice works as written: the line's command, with the PDFs for '...'
# (and this plansok for 'plansok')
advice=$(sed -n "s/.*ingest again: \\(rm -r .*\\) PDF\\.\\.\\.\$/\\1/p" "$TMP/err" | sed "s|&& plansok |\\&\\& '$PLANSOK' |")
check "the advice's command makes a sound index" sh -c "$advice '$TMP/new' > /dev/null 2>&1 &&
    '$PLANSOK' check --db '$TMP/d-zeroed' > /dev/null"

# a query that meets a damaged table says so too (it used to be "index
# error (DatabaseError): EOF reading block 35" or 0 hits)
rm -rf "$TMP/q"
cp -r "$TMP/good" "$TMP/q"
truncate -s $(($(stat -c %s "$TMP/q/postlist.glass") / 2)) "$TMP/q/postlist.glass"
"$PLANSOK" search --db "$TMP/q" kompetensförsörjning > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "search on a damaged postlist: damaged, exit 4" "^plansok: index at '$TMP/q' is damaged \\(.*\\); delete the directory"
"$PLANSOK" docs --db "$TMP/q" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "docs on it: the same" "^plansok: index at '$TMP/q' is damaged"

# --- messages that name the real cause ---------------------------------------
# a directory of someone's files: neither written into nor called locked
mkdir -p "$TMP/mine"
echo notes > "$TMP/mine/notes.txt"
"$PLANSOK" ingest --db "$TMP/mine" "$TMP/new" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "ingest into a directory that is not an index: refused" \
    "^plansok: '$TMP/mine' is not a plansok index; ingest into a new directory or delete it\$"
check "... and nothing is written there" test "$(ls "$TMP/mine")" = notes.txt
"$PLANSOK" docs --db "$TMP/mine" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "docs on it: the same line" "^plansok: '$TMP/mine' is not a plansok index"

# an index of another schema: the advice is a new directory or deleting it
rm -rf "$TMP/other"
cp -r "$TMP/good" "$TMP/other"
xapian-metadata set "$TMP/other" plansok_schema 999 2>/dev/null
"$PLANSOK" docs --db "$TMP/other" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "an index of another schema: named so" \
    "^plansok: '$TMP/other' was written by another version of plansok \\(schema 999, this one reads [0-9]+\\); ingest into a new directory or delete it\$"
"$PLANSOK" ingest --db "$TMP/other" "$TMP/new" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "... ingest into it: the same line" "^plansok: '$TMP/other' was written by another version"
check "... deleting it and ingesting again works" sh -c "rm -r '$TMP/other' &&
    '$PLANSOK' ingest -q --db '$TMP/other' '$TMP/new' 2>/dev/null && '$PLANSOK' check --db '$TMP/other'"
rm -rf "$TMP/other"
cp -r "$TMP/good" "$TMP/other"
xapian-metadata set "$TMP/other" plansok_schema '' 2>/dev/null
"$PLANSOK" docs --db "$TMP/other" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "a Xapian index plansok did not write: not a plansok index" \
    "^plansok: '$TMP/other' is not a plansok index; ingest into a new directory or delete it\$"

# locked: the only case that says locked (flock(1) holds the lock ingest takes)
rm -rf "$TMP/locked"
cp -r "$TMP/good" "$TMP/locked"
flock -n "$TMP/locked/plansok.lock" "$PLANSOK" ingest --db "$TMP/locked" "$TMP/new" > "$TMP/out" 2> "$TMP/err"
one_line $? 4 "an index another writer holds: locked" \
    "^plansok: index at '$TMP/locked' is locked by another plansok ingest; wait for it to finish\$"

# read-only: permissions (as root, with the capability to override them
# dropped) and a read-only file system (a read-only bind mount)
rm -rf "$TMP/ro"
cp -r "$TMP/good" "$TMP/ro"
chmod -R a-w "$TMP/ro"
nocap="setpriv --bounding-set=-dac_override,-dac_read_search"
if [ "$(id -u)" != 0 ]; then
    nocap=
elif ! $nocap true 2> /dev/null; then
    nocap=none
fi
if [ "$nocap" = none ]; then
    skip "a read-only index: cannot write, not locked" "running as root and setpriv cannot drop CAP_DAC_OVERRIDE"
else
    $nocap "$PLANSOK" ingest --db "$TMP/ro" "$TMP/new" > "$TMP/out" 2> "$TMP/err"
    one_line $? 4 "a read-only index: cannot write, not locked" \
        "^plansok: cannot write to index at '$TMP/ro': Permission denied\$"
fi
run_ps 0 "... and it is still read" docs --db "$TMP/ro"
chmod -R u+w "$TMP/ro"
mkdir -p "$TMP/mnt"
if unshare -m sh -c "mount --bind '$TMP/good' '$TMP/mnt' && mount -o remount,bind,ro '$TMP/mnt' &&
    '$PLANSOK' ingest --db '$TMP/mnt' '$TMP/new' > '$TMP/out' 2> '$TMP/err'; echo \$? > '$TMP/rc'" 2> /dev/null &&
    [ -s "$TMP/rc" ]; then
    one_line "$(cat "$TMP/rc")" 4 "an index on a read-only file system: cannot write, not locked" \
        "^plansok: cannot write to index at '$TMP/mnt': Read-only file system\$"
else
    skip "an index on a read-only file system: cannot write, not locked" "cannot mount here (unshare -m)"
fi

# --- two sharded ingests into one new directory (the lock on the whole index)
mkdir -p "$TMP/a" "$TMP/b"
cp "$CORPUS/kfvn-vp-2013.pdf" "$CORPUS/rfjl_vp_budget_2014.pdf" "$TMP/a/"
cp "$CORPUS/Storsthlm-Verksamhetsplan-och-budget-2018.pdf" "$CORPUS/kallelse_styrelsen_110915.pdf" "$TMP/b/"
for round in 1 2 3; do
    S=$TMP/shards$round
    "$PLANSOK" ingest -q --db "$S" --shard-by lan "$TMP/a" > /dev/null 2> "$TMP/err.a" &
    pa=$!
    "$PLANSOK" ingest -q --db "$S" --shard-by lan "$TMP/b" > /dev/null 2> "$TMP/err.b"
    rb=$?
    wait $pa
    ra=$?
    seen=$("$PLANSOK" docs --db "$S" --format csv 2> /dev/null | grep -c '\.pdf,')
    lost=
    for side in a b; do
        r=$ra
        [ $side = b ] && r=$rb
        if [ "$r" = 0 ]; then
            continue
        elif [ "$r" = 4 ] && grep -qx "plansok: index at '$S' is locked by another plansok ingest; wait for it to finish" "$TMP/err.$side"; then
            "$PLANSOK" ingest -q --db "$S" --shard-by lan "$TMP/$side" 2> /dev/null || lost="the re-run of $side failed"
        else
            lost="$side: exit $r: $(head -c 200 "$TMP/err.$side")"
        fi
    done
    after=$("$PLANSOK" docs --db "$S" --format csv 2> /dev/null | grep -c '\.pdf,')
    if [ -z "$lost" ] && [ "$ra$rb" != 00 -o "$seen" = 4 ] && [ "$after" = 4 ]; then
        ok "two sharded ingests at once, round $round: exits $ra and $rb, $seen then $after of 4 documents"
    else
        not_ok "two sharded ingests at once, round $round" "exits $ra and $rb, $seen documents seen, $after after re-runs" "$lost"
    fi
done

done_testing

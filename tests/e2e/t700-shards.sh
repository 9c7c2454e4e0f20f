#!/bin/sh
# t700-shards: ingest --shard-by writes one Xapian database per län (or
# year) and a stub; search, matrix, goals and the other query commands give
# the same answers through it as from one index. Then two xapian-tcpsrv on
# 127.0.0.1 serve the shards in two groups, a stub file lists them as
# "remote tcp HOST PORT", and the answers are the same again.
. "$(dirname "$0")/lib.sh"

"$PLANSOK" ingest -q --db "$TMP/one" "$CORPUS" "$TOP/tests/budget" 2>/dev/null

run_ps 0 "ingest --shard-by lan" ingest -q --db "$TMP/lan" --shard-by lan "$CORPUS" "$TOP/tests/budget"
check "the stub file lists the shards" grep -q '^auto lan-' "$TMP/lan/XAPIANDB"
lans=$(awk -F'\t' 'NR > 1 {print $3}' "$CORPUS/MANIFEST.tsv" | sort -u | wc -l)
shards=$(grep -c '^auto ' "$TMP/lan/XAPIANDB")
if [ "$shards" -ge "$lans" ] && [ "$shards" -ge 2 ]; then ok "one database per län ($shards shards, $lans län in the manifest)"
else not_ok "one database per län" "$shards shards for $lans län"; fi
for d in $(sed -n 's/^auto //p' "$TMP/lan/XAPIANDB"); do
    test -f "$TMP/lan/$d/iamglass" || not_ok "shard $d is a Xapian database" "no $TMP/lan/$d/iamglass"
done

# same ARGS...: the command's output from one index and from $SHARDED
same() {
    d=$1
    shift
    "$PLANSOK" "$@" --db "$TMP/one" >"$TMP/same.one" 2>&1
    "$PLANSOK" "$@" --db "$SHARDED" >"$TMP/same.sharded" 2>&1
    if [ ! -s "$TMP/same.one" ]; then
        not_ok "$d" "no output from the single index"
    elif cmp -s "$TMP/same.one" "$TMP/same.sharded"; then
        ok "$d"
    else
        not_ok "$d" "$(diff "$TMP/same.one" "$TMP/same.sharded" | head -8)"
    fi
}

# the questions of the issue, and the rest of the query commands
questions() {
    same "$1: search" search kompetensförsörjning
    same "$1: search, JSON with scores" search -n 50 --format json kompetensförsörjning
    same "$1: search with filters" search --region jönköping --years 2013..2014 mål
    same "$1: search, a phrase and OR" search '"hälso- och sjukvård" OR folkhälsa'
    same "$1: search without å/ä/ö" search kompetensforsorjning
    same "$1: matrix" matrix kompetensförsörjning
    same "$1: matrix, JSON" matrix --format json utbildning
    same "$1: matrix of everything" matrix
    same "$1: goals Jönköping 2013-2014" goals --region jönköping --years 2013,2014 --format json
    same "$1: goals text" goals --region jönköping
    same "$1: docs" docs
    same "$1: budget" budget --format csv
    same "$1: compare" compare kompetensförsörjning
}

SHARDED=$TMP/lan
questions "shards by län, through the stub"

run_ps 0 "ingest --shard-by year" ingest -q --db "$TMP/year" --shard-by year "$CORPUS" "$TOP/tests/budget"
check "year shards" grep -q '^auto year-2013' "$TMP/year/XAPIANDB"
SHARDED=$TMP/year
same "shards by year: search" search kompetensförsörjning
same "shards by year: matrix" matrix kompetensförsörjning
same "shards by year: goals" goals --region jönköping --years 2013,2014 --format json

# --- incremental ingest into shards (a copy: the remote part below serves
# the shards as they are now) ---------------------------------------------
cp -r "$TMP/lan" "$TMP/inc"
run_ps 0 "ingest again into the shards" ingest --db "$TMP/inc" "$CORPUS" "$TOP/tests/budget"
check "... finds everything unchanged" grep -q ' 0 added, 0 updated, 0 moved, [1-9][0-9]* unchanged' "$TMP/err"
mkdir -p "$TMP/pdf"
cp "$CORPUS/kfvn-vp-2013.pdf" "$TMP/pdf/plan.pdf"
run_ps 0 "a file of its own into the shards" ingest -q --db "$TMP/inc" "$TMP/pdf"
printf '\n%% appended\n' >> "$TMP/pdf/plan.pdf"
run_ps 0 "the file changed, now with --region uppsala" ingest -q --db "$TMP/inc" --region uppsala "$TMP/pdf"
check "it moved to the Uppsala shard" grep -q '^auto lan-uppsala' "$TMP/inc/XAPIANDB"
"$PLANSOK" docs --db "$TMP/inc" --format csv > "$TMP/docs.csv" 2>&1
if [ "$(grep -c 'plan.pdf' "$TMP/docs.csv")" = 1 ] && grep 'plan.pdf' "$TMP/docs.csv" | grep -q -i uppsala; then
    ok "... and is listed once, in Uppsala län"
else
    not_ok "... and is listed once, in Uppsala län" "$(grep plan.pdf "$TMP/docs.csv")"
fi

run_ps 2 "another split for a sharded index is refused" ingest --db "$TMP/inc" --shard-by year "$TMP/pdf"
check "... saying how it is split" grep -q 'sharded by län' "$TMP/err"
run_ps 2 "shards for an index that has none are refused" ingest --db "$TMP/one" --shard-by lan "$TMP/pdf"
check "... naming it" grep -q 'is not sharded' "$TMP/err"
run_ps 2 "--shard-by takes lan or year" ingest --db "$TMP/x" --shard-by kind "$TMP/pdf"

# --- remote shards: two xapian-tcpsrv on 127.0.0.1 -----------------------
if ! command -v xapian-tcpsrv >/dev/null; then
    skip "remote shards" "xapian-tcpsrv is not installed (Debian xapian-tools)"
    done_testing
    exit $?
fi
set -- $(sed -n 's/^auto //p' "$TMP/lan/XAPIANDB")
half=$(($# / 2))
group1= group2= i=0
for d in "$@"; do
    i=$((i + 1))
    if [ "$i" -le "$half" ]; then group1="$group1 $TMP/lan/$d"; else group2="$group2 $TMP/lan/$d"; fi
done
pids=
trap 'kill $pids 2>/dev/null; rm -rf "$TMP"' EXIT
# serve GROUP: starts xapian-tcpsrv on a free port; sets $port
serve() {
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((20000 + ($$ * 7 + attempt * 7919 + $(date +%N | sed 's/^0*//;s/^$/0/')) % 40000))
        # a session of its own: on SIGTERM xapian-tcpsrv signals its
        # whole process group, which would otherwise include this script
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" $1 > "$TMP/srv.$port" 2>&1 &
        spid=$!
        for t in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            grep -q Listening "$TMP/srv.$port" 2>/dev/null && break
            kill -0 "$spid" 2>/dev/null || break
            sleep 0.1
        done
        if grep -q Listening "$TMP/srv.$port" 2>/dev/null; then
            pids="$pids $spid"
            return 0
        fi
        kill "$spid" 2>/dev/null
    done
    return 1
}
if serve "$group1"; then port1=$port; else port1=; fi
if serve "$group2"; then port2=$port; else port2=; fi
if [ -z "$port1" ] || [ -z "$port2" ]; then
    not_ok "two xapian-tcpsrv started" "$(cat "$TMP"/srv.* 2>/dev/null | head -5)"
    done_testing
    exit $?
fi
ok "two xapian-tcpsrv on 127.0.0.1:$port1 and :$port2 ($half and $(($# - half)) shards)"
printf '# two machines, one index\nremote tcp 127.0.0.1 %s\nremote tcp 127.0.0.1 %s\n' "$port1" "$port2" > "$TMP/remote.stub"
SHARDED=$TMP/remote.stub
questions "remote shards"

# local shards and a remote one in one stub, in Xapian's own syntax too
: > "$TMP/mixed.stub"
for d in $group1; do echo "auto $d" >> "$TMP/mixed.stub"; done
echo "remote 127.0.0.1:$port2" >> "$TMP/mixed.stub"
SHARDED=$TMP/mixed.stub
same "local and remote shards in one stub: search" search kompetensförsörjning
same "local and remote shards in one stub: matrix" matrix kompetensförsörjning
same "local and remote shards in one stub: goals" goals --region jönköping --years 2013,2014

# a shard that cannot be reached is named
kill $pids 2>/dev/null
wait 2>/dev/null
pids=
run_ps 4 "a server that is down" search --db "$TMP/remote.stub" kompetensförsörjning
check "... is named with the stub's line" grep -q "remote.stub:2: cannot reach shard 'remote tcp 127.0.0.1 $port1'" "$TMP/err"
printf 'remote tcp nowhere\n' > "$TMP/bad.stub"
run_ps 4 "a bad stub line" search --db "$TMP/bad.stub" kompetensförsörjning
check "... is named" grep -q 'bad.stub:1' "$TMP/err"

done_testing

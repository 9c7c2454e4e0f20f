#!/bin/sh
# t620-operands: what ingest is pointed at. Operands that are neither a
# regular file nor a directory (a FIFO, a device, a socket) are refused on
# one line each and the run goes on (a FIFO or /dev/zero once hung the
# writer while it hashed the file). The directory walk: symbolic-link loops
# end (each directory is read once), a dangling *.pdf link and a directory
# that cannot be read get a line each (they were passed over in silence),
# and --prune keeps the documents under a directory it could not read
# (they were removed as gone).
. "$(dirname "$0")/lib.sh"

G1="$CORPUS/kfvn-vp-2013.pdf" G2="$CORPUS/rfjl_vp_budget_2014.pdf"

# ingest_t CODE DESC ARGS...: ingest under a deadline, so that a hang
# fails; $WRAP (a command) runs it when set
WRAP=
ingest_t() {
    want=$1 d=$2; shift 2
    timeout -k 5 60 $WRAP "$PLANSOK" ingest "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    check "$d (exit $rc; 124 is a hang)" test "$rc" -eq "$want"
}
# docs_has N: the index $TMP/db lists N documents, each once
docs_has() {
    "$PLANSOK" docs --db "$TMP/db" --format csv | tail -n +2 | cut -d, -f1 > "$TMP/docs"
    test "$(wc -l < "$TMP/docs")" -eq "$1" && test "$(sort -u "$TMP/docs" | wc -l)" -eq "$1"
}

# --- operands that are not regular files ----------------------------------
mkfifo "$TMP/fifo.pdf"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$TMP/sock.pdf"
ingest_t 3 "a FIFO, /dev/zero and a socket among good files: exit 3" --db "$TMP/db" \
    "$G1" "$TMP/fifo.pdf" /dev/zero "$TMP/sock.pdf" "$G2"
check "... the FIFO is refused on one line naming it" \
    grep -qx "plansok: skipping '$TMP/fifo.pdf': not a regular file (a FIFO)" "$TMP/err"
check "... /dev/zero too" grep -qx "plansok: skipping '/dev/zero': not a regular file (a character device)" "$TMP/err"
check "... and the socket" grep -qx "plansok: skipping '$TMP/sock.pdf': not a regular file (a socket)" "$TMP/err"
check "... one line each, and the summary" sh -c "test \$(wc -l < '$TMP/err') -eq 4"
check "... the good files are indexed" grep -q "ingested 2 documents.*skipped 3" "$TMP/err"
ingest_t 3 "the same without workers (--in-process)" --in-process --db "$TMP/db2" "$TMP/fifo.pdf" /dev/zero
check "... refused there too" sh -c "grep -q 'skipping .*fifo.pdf.: not a regular file' '$TMP/err' && grep -q 'skipped 2' '$TMP/err'"

# --- the directory walk -----------------------------------------------------
# symbolic-link loops: each directory is read once
rm -rf "$TMP/db"
D=$TMP/loop
mkdir -p "$D/sub"
cp "$G1" "$D/"
cp "$G2" "$D/sub/"
ln -s . "$D/a"
ln -s . "$D/b"
ln -s .. "$D/sub/up"
ingest_t 0 "a directory with symbolic-link loops is walked once" --db "$TMP/db" "$D"
check "... and each PDF is indexed once" sh -c "grep -q 'ingested 2 documents' '$TMP/err' && ! grep -q 'same contents' '$TMP/err'"
check "... and listed once" docs_has 2
ingest_t 0 "the same directory given twice is read once" --db "$TMP/db" "$D" "$D/a/b/sub/.."
check "... without a line" sh -c "test \$(wc -l < '$TMP/err') -eq 1 && grep -q '2 unchanged' '$TMP/err'"

# what a directory holds that cannot be read as a PDF
D=$TMP/odd
mkdir -p "$D"
cp "$G1" "$D/"
ln -s nowhere.pdf "$D/gone.pdf"
ln -s nowhere "$D/gone-dir"
mkfifo "$D/pipe.pdf"
rm -rf "$TMP/db"
ingest_t 3 "a dangling *.pdf link and a FIFO in a directory" --db "$TMP/db" "$D"
check "... the link is reported on one line naming its target" \
    grep -qx "plansok: skipping '$D/gone.pdf': a symbolic link to 'nowhere.pdf', which does not exist" "$TMP/err"
check "... the FIFO too" grep -qx "plansok: skipping '$D/pipe.pdf': not a regular file (a FIFO)" "$TMP/err"
check "... nothing else (a dangling link not named *.pdf is passed over)" sh -c "test \$(wc -l < '$TMP/err') -eq 3"

# a directory that cannot be read: reported, and --prune keeps what is
# indexed under it. chmod 000 does not stop root: as root the run drops the
# capabilities that let it read anyway
D=$TMP/p
mkdir -p "$D/open" "$D/locked"
cp "$G1" "$D/open/"
cp "$TOP/tests/budget/budget-jonkoping-2015.pdf" "$D/locked/"
rm -rf "$TMP/db"
ingest_t 0 "a directory indexed whole" --db "$TMP/db" "$D"
chmod 000 "$D/locked"
if ls "$D/locked" > /dev/null 2>&1; then
    WRAP=none
    nocap="setpriv --bounding-set=-dac_override,-dac_read_search"
    if command -v setpriv > /dev/null && $nocap true 2> /dev/null && ! $nocap ls "$D/locked" > /dev/null 2>&1; then
        WRAP=$nocap
    fi
fi
if [ "$WRAP" = none ]; then
    for t in "an unreadable directory is reported" "... on one line" "... and --prune keeps its documents"; do
        skip "$t" "chmod 000 does not stop this user from reading, and setpriv cannot drop that"
    done
else
    ingest_t 3 "then a part of it cannot be read: reported" --prune --db "$TMP/db" "$D"
    check "... on one line" sh -c "test \$(wc -l < '$TMP/err') -eq 2 &&
        grep -qx \"plansok: skipping '$D/locked': cannot read the directory: Permission denied\" '$TMP/err'"
    check "... and --prune keeps its documents" sh -c "grep -q '0 removed' '$TMP/err' &&
        \"$PLANSOK\" docs --db '$TMP/db' --format csv | grep -q budget-jonkoping-2015.pdf"
fi
chmod 755 "$D/locked"
WRAP=
done_testing

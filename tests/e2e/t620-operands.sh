#!/bin/sh
# t620-operands: what ingest is pointed at. Operands that are neither a
# regular file nor a directory (a FIFO, a device, a socket) are refused on
# one line each and the run goes on (a FIFO or /dev/zero once hung the
# writer while it hashed the file).
. "$(dirname "$0")/lib.sh"

G1="$CORPUS/kfvn-vp-2013.pdf" G2="$CORPUS/rfjl_vp_budget_2014.pdf"

# ingest_t DESC ARGS...: ingest under a deadline, so that a hang fails
ingest_t() {
    d=$1; shift
    timeout -k 5 60 "$PLANSOK" ingest "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    check "$d (exit $rc; 124 is a hang)" test "$rc" -eq 3
}

# --- operands that are not regular files ----------------------------------
mkfifo "$TMP/fifo.pdf"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$TMP/sock.pdf"
ingest_t "a FIFO, /dev/zero and a socket among good files: exit 3" --db "$TMP/db" \
    "$G1" "$TMP/fifo.pdf" /dev/zero "$TMP/sock.pdf" "$G2"
check "... the FIFO is refused on one line naming it" \
    grep -qx "plansok: skipping '$TMP/fifo.pdf': not a regular file (a FIFO)" "$TMP/err"
check "... /dev/zero too" grep -qx "plansok: skipping '/dev/zero': not a regular file (a character device)" "$TMP/err"
check "... and the socket" grep -qx "plansok: skipping '$TMP/sock.pdf': not a regular file (a socket)" "$TMP/err"
check "... one line each, and the summary" sh -c "test \$(wc -l < '$TMP/err') -eq 4"
check "... the good files are indexed" grep -q "ingested 2 documents.*skipped 3" "$TMP/err"
ingest_t "the same without workers (--in-process)" --in-process --db "$TMP/db2" "$TMP/fifo.pdf" /dev/zero
check "... refused there too" sh -c "grep -q 'skipping .*fifo.pdf.: not a regular file' '$TMP/err' && grep -q 'skipped 2' '$TMP/err'"
done_testing

#!/bin/sh
# t105-extract-version: what ingest makes of each PDF of corpus/ and
# ../shared/realplans (text, passages, kinds, detected fields, budget rows,
# the passages' extra index words) is as tests/data/extract-fingerprint.tsv
# records it under PS_EXTRACT_VERSION. When it changes, PS_EXTRACT_VERSION
# must change too, so that an index reads its documents again (t170-reread);
# then the fingerprint is written anew:
#   tests/tools/extract-fingerprint.sh build/extract-dump --write
# The record holds for one poppler and one Swedish word list: with others,
# the comparison is skipped and says why.
. "$(dirname "$0")/lib.sh"

DUMP=${EXTRACT_DUMP:-$(dirname "$PLANSOK")/extract-dump}
REC=$TOP/tests/data/extract-fingerprint.tsv
WRITE="tests/tools/extract-fingerprint.sh build/extract-dump --write"
sh "$TOP/tests/tools/extract-fingerprint.sh" "$DUMP" > "$TMP/now" 2> "$TMP/err"
rc=$?
check "the fingerprint is computed" sh -c "test $rc -eq 0 && grep -q '^corpus	' '$TMP/now'"
field() { grep "^$1	" "$2" | cut -f2; } # KEY FILE
same=yes
for key in poppler words; do
    if [ "$(field $key "$TMP/now")" != "$(field $key "$REC")" ]; then
        skip "this machine's $key is the recorded one" "it is '$(field $key "$TMP/now")', the record has '$(field $key "$REC")' ('make deps' installs the recorded one)"
        same=no
    fi
done
v=$(field version "$TMP/now")
for set in corpus realplans; do
    if ! grep -q "^$set	" "$TMP/now"; then
        skip "what ingest makes of $set is as recorded" "../shared/realplans is not on this machine"
        continue
    fi
    if [ $same = no ]; then
        skip "what ingest makes of $set is as recorded" "another poppler or word list"
        continue
    fi
    grep "^$set	" "$TMP/now" | cut -f2 > "$TMP/files.now"
    grep "^$set	" "$REC" | cut -f2 > "$TMP/files.rec"
    if ! cmp -s "$TMP/files.now" "$TMP/files.rec"; then
        not_ok "$set holds the files recorded" "the files changed, not the reading (no bump needed): $WRITE" \
            "$(diff "$TMP/files.rec" "$TMP/files.now" | grep '^[<>]' | tr '\n' ' ')"
        continue
    fi
    changed=$(grep "^$set	" "$TMP/now" | while IFS='	' read -r s f sum; do
        grep -qx "$s	$f	$sum" "$REC" || printf '%s ' "$f"; done)
    if [ -z "$changed" ] && [ "$v" = "$(field version "$REC")" ]; then
        ok "what ingest makes of $set is as recorded (version $v)"
    elif [ -z "$changed" ]; then
        not_ok "what ingest makes of $set is as recorded" "PS_EXTRACT_VERSION is $v, the record has $(field version "$REC"): $WRITE"
    elif [ "$v" = "$(field version "$REC")" ]; then
        not_ok "what ingest makes of $set is as recorded" "it changed for $changed" \
            "while PS_EXTRACT_VERSION stayed $v: bump it in plansok.h, then $WRITE"
    else
        not_ok "what ingest makes of $set is as recorded" "it changed under version $v; the record is of $(field version "$REC"): $WRITE"
    fi
done
# the dump holds the reading, not the file's place: the same PDF elsewhere dumps alike
mkdir -p "$TMP/x"
cp "$CORPUS/kfvn-vp-2013.pdf" "$TMP/x/"
"$DUMP" "$TMP/x/kfvn-vp-2013.pdf" > "$TMP/x/a"
"$DUMP" "$CORPUS/kfvn-vp-2013.pdf" > "$TMP/x/b"
check "the dump does not depend on where the file is" cmp -s "$TMP/x/a" "$TMP/x/b"
check "... and holds the document's 36 passages and their kinds" sh -c \
    "grep -qx 'passages	36' '$TMP/x/a' && grep -q 'section.t1' '$TMP/x/a'"
done_testing

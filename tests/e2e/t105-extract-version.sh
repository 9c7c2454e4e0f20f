#!/bin/sh
# t105-extract-version: what ingest makes of corpus/ and ../shared/realplans
# (text, passages, kinds, detected fields, budget rows, index words) is as
# tests/data/extract-fingerprint.tsv records it under PS_EXTRACT_VERSION.
# When it changes, PS_EXTRACT_VERSION must change too, so that an index
# reads its documents again (t170-reread); then the fingerprint is written
# anew: tests/tools/extract-fingerprint.sh build/extract-dump --write.
. "$(dirname "$0")/lib.sh"

DUMP=${EXTRACT_DUMP:-$(dirname "$PLANSOK")/extract-dump}
REC=$TOP/tests/data/extract-fingerprint.tsv
now=$(sh "$TOP/tests/tools/extract-fingerprint.sh" "$DUMP")
check "the fingerprint is computed" test -n "$now"
for set in corpus realplans; do
    line=$(echo "$now" | grep "^$set	")
    if [ -z "$line" ]; then
        skip "what ingest makes of $set is as recorded" "../shared/realplans is not on this machine"
        continue
    fi
    want=$(grep "^$set	" "$REC")
    if [ "$line" = "$want" ]; then ok "what ingest makes of $set is as recorded (version $(echo "$line" | cut -f2))"
    elif [ "$(echo "$line" | cut -f2)" = "$(echo "$want" | cut -f2)" ]; then
        not_ok "what ingest makes of $set is as recorded" "it changed while PS_EXTRACT_VERSION stayed $(echo "$line" | cut -f2):" \
            "bump it in plansok.h, then tests/tools/extract-fingerprint.sh build/extract-dump --write"
    else
        not_ok "what ingest makes of $set is as recorded" "PS_EXTRACT_VERSION is $(echo "$line" | cut -f2), the record has $(echo "$want" | cut -f2):" \
            "tests/tools/extract-fingerprint.sh build/extract-dump --write"
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

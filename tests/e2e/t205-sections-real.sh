#!/bin/sh
# t205-sections-real: section tagging on real documents, against passages
# of ../shared/realplans labelled by reading (tests/data/real-sections-*.tsv,
# docs/TAGGING.md "Real documents"): the tuned part and the held-out third,
# each with floors a little below the figures measured. Labels are found by
# a key inside the passages (eval-sections --contains); a label whose key
# is no longer found fails here, so a change to extraction that loses text
# is seen.
. "$(dirname "$0")/lib.sh"
EVAL=${EVAL:-$(dirname "$PLANSOK")/eval-sections}

need_real "tagging on real PDFs"
cd "$TOP"
floor() { # file, kind, minimum precision, minimum recall
    line=$(grep "^$2 " "$TMP/$1")
    p=$(echo "$line" | awk '{print $5}') r=$(echo "$line" | awk '{print $6}')
    if awk "BEGIN {exit !($p >= $3 && $r >= $4)}"; then ok "$1 $2: precision $p >= $3, recall $r >= $4"
    else not_ok "$1 $2: precision $p >= $3, recall $r >= $4" "$(cat "$TMP/$1")"; fi
}
for part in tune held; do
    "$EVAL" --contains "tests/data/real-sections-$part.tsv" "$SHARED/realplans" > "$TMP/$part" 2>"$TMP/$part.err"
    check "$part: every labelled passage is found" sh -c "! grep -q 'not found' '$TMP/$part'"
done
# floors (docs/TAGGING.md, "Real documents: figures")
floor tune mal 0.80 0.56
floor tune insatser 0.76 0.84
floor tune budget 0.83 0.88
floor held mal 0.52 0.60
floor held insatser 0.70 0.29
floor held budget 0.81 0.87
# the passes and the adjudicated labels cover the same passages
grep -hv '^#' tests/data/real-sections-tune.tsv tests/data/real-sections-held.tsv | cut -f1,2,4 | sort > "$TMP/adj"
for pass in 1 2; do
    grep -v '^#' "tests/data/real-sections-pass$pass.tsv" | cut -f1,2,4 | sort > "$TMP/p$pass"
    check "real-sections-pass$pass.tsv labels the same passages as the adjudicated labels" cmp -s "$TMP/adj" "$TMP/p$pass"
done
check "at least 1000 labelled real passages" test "$(wc -l < "$TMP/adj")" -ge 1000
# make eval reports the two passes' agreement (their rows carry anchors)
check "label-agreement reads the two passes of real labels" sh -c \
    "python3 tests/tools/label-agreement.py tests/data/real-sections-pass1.tsv tests/data/real-sections-pass2.tsv | grep -q \"Cohen's kappa\""
# a list's items stay lines of their own (goals are read item by item)
KP="$SHARED/realplans/se_alingsas-barn-och-ungdomsnamnden_2026_kompetensforsorjningsplan.pdf"
"$PLANSOK" ingest -q --db "$TMP/kp" "$KP" >/dev/null 2>&1
"$PLANSOK" show --db "$TMP/kp" --passages --format json "$KP" > "$TMP/kp.json" 2>&1
check "list items stay lines of their own" python3 -c "
import json, sys
p = [x['text'] for x in json.load(open('$TMP/kp.json'))['passages'] if x['page'] == 6]
sys.exit(0 if any('förvaltningen.\\n• I varje barngrupp' in t for t in p) else 1)"
done_testing

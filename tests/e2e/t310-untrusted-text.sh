#!/bin/sh
# t310-untrusted-text: file names and organisation names are untrusted
# text. Corpus PDFs copied under hostile names (HTML and Markdown markup,
# ESC [ 31 m, the one-character CSI U+009B, a byte that is not UTF-8) and an
# organisation set to markup: Markdown shows them as text (rendered with
# cmark-gfm when it is installed: no tag, link, image or emphasis comes
# from them), text output holds no control character, and every output is
# valid UTF-8 (JSON read by python3's json module).
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033') csi=$(printf '\302\233') ff=$(printf '\377')
markup='<img src=x onerror=alert(1)>[x](javascript:alert(1))![i](t.png)_em_ ~~s~~ &lt;b&gt;'
mkdir -p "$TMP/c"
cp "$CORPUS/kfvn-vp-2013.pdf" "$TMP/c/$markup.pdf"
cp "$CORPUS/vp2013_webb.pdf" "$TMP/c/red${esc}[31m${csi}31mx.pdf"
cp "$CORPUS/rfjl_vp_budget_2014.pdf" "$TMP/c/latin${ff}1.pdf"
DB="--db $TMP/db"
run_ps 0 "ingest PDFs named with markup, ESC [ 31 m, U+009B and a byte 0xff" ingest $DB "$TMP/c"
run_ps 0 "an organisation set to markup" set $DB '<img' --org '<b>*Evil*</b> [x](javascript:alert(1)) kommun'

# utf8_clean FILE: valid UTF-8 without controls other than newline (and
# tab in CSV).
utf8_clean() {
    python3 - "$1" <<'PY'
import sys
t = open(sys.argv[1], 'rb').read().decode('utf-8')
bad = [hex(ord(ch)) for ch in t if (ord(ch) < 0x20 and ch not in '\n\t') or 0x7f <= ord(ch) < 0xa0]
assert not bad, bad
PY
}

# --- Markdown ---------------------------------------------------------------
for args in "report mål" "search --format md mål" "docs --format md" "matrix --format md mål" \
            "compare --format md mål" "show --format md <img"; do
    # shellcheck disable=SC2086 # the words of args are the command's arguments
    set -- $args
    run_ps 0 "$1 in Markdown" "$@" $DB
    cp "$TMP/out" "$TMP/md"
    check "... holds no raw '<img', '<b>' or link" sh -c "! grep -q -e '<img' -e '<b>' -e '[^\\]\\[x\\](' '$TMP/md'"
    check "... is valid UTF-8 without control characters" utf8_clean "$TMP/md"
    if command -v cmark-gfm >/dev/null; then
        cmark-gfm --unsafe -e table -e strikethrough -e autolink "$TMP/md" > "$TMP/md.html"
        check "... renders (cmark-gfm) without a tag, link, image or emphasis from a name" \
            sh -c "! grep -q -e '<img' -e '<b>' -e '<a ' -e '<em>' -e '<del>' '$TMP/md.html'"
    else
        skip "... renders (cmark-gfm) without a tag, link, image or emphasis from a name" "cmark-gfm is not installed"
    fi
done
check "the file name shows as typed (rendered: only escapes differ)" \
    grep -qF '&lt;img src=x onerror=alert(1)>\[x\](javascript:alert(1))!\[i\](t.png)\_em\_ \~\~s\~\~ &amp;lt;b&amp;gt;.pdf' "$TMP/md"

# --- text -------------------------------------------------------------------
for args in "search mål" "docs" "compare mål" "show red" "show latin" "budget" "goals --region jönköping mål"; do
    # shellcheck disable=SC2086
    set -- $args
    "$PLANSOK" "$@" $DB >"$TMP/out" 2>"$TMP/err"
    check "$1 in text: no ESC, no C1, valid UTF-8" utf8_clean "$TMP/out"
done
run_ps 0 "docs lists the names with their controls shown as '?'" docs $DB
check "... ESC [ 31 m as ?[31m, U+009B as ?, 0xff as U+FFFD" \
    sh -c "grep -qF 'red?[31m?31mx.pdf' '$TMP/out' && grep -qF 'latin�1.pdf' '$TMP/out'"

# --- JSON and CSV -----------------------------------------------------------
for args in "docs" "search mål" "compare mål" "matrix mål" "show latin" "budget" "goals --region jönköping mål"; do
    # shellcheck disable=SC2086
    set -- $args
    "$PLANSOK" "$@" $DB --format json >"$TMP/out" 2>"$TMP/err"
    check "$1 --format json is valid JSON (python3 json)" \
        python3 -c "import json,sys; json.loads(open(sys.argv[1],'rb').read())" "$TMP/out"
done
"$PLANSOK" docs $DB --format json >"$TMP/out" 2>&1
check "... the byte 0xff is U+FFFD in the file name, ESC and U+009B escaped" python3 - "$TMP/out" <<'PY'
import json, sys
files = {d['file'] for d in json.load(open(sys.argv[1], 'rb'))['documents']}
assert 'latin\ufffd1.pdf' in files and 'red\x1b[31m\x9b31mx.pdf' in files, files
raw = open(sys.argv[1], 'rb').read()
assert b'\x1b' not in raw and b'\xc2\x9b' not in raw, 'a control raw in JSON'
PY
run_ps 0 "docs --format csv" docs $DB --format csv
check "... is valid UTF-8 without control characters" utf8_clean "$TMP/out"
# csv-sv is for Excel, which runs a field starting with '=', '+', '-' or '@'
# as a formula: an organisation set to one stays text there
run_ps 0 "an organisation set to a formula" set $DB latin --org '=HYPERLINK("http://x";"klicka")'
run_ps 0 "docs --format csv-sv" docs $DB --format csv-sv
check "... has the formula as text: quoted, after an apostrophe" python3 - "$TMP/out" <<'PY'
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], 'rb').read()[3:].decode('utf-8'), newline=''), delimiter=';'))
orgs = [r[rows[0].index('organisation')] for r in rows[1:]]
assert '\'=HYPERLINK("http://x";"klicka")' in orgs, orgs
assert not any(o[:1] in '=+-@' for o in orgs), orgs
PY
tail -c +4 "$TMP/out" | tr -d '\r' >"$TMP/sv"
check "... is valid UTF-8 without control characters (but its CRLF)" utf8_clean "$TMP/sv"
done_testing

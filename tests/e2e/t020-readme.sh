#!/bin/sh
# t020-readme: the README's worked examples are what a newcomer sees. Every
# '$ plansok ...' line in a fenced code block is run, in README order, in a
# scratch directory whose corpus/ is the repository's, with the binary under
# test first on PATH as 'plansok'. Its stdout and stderr must equal the lines
# that follow it in the README, up to the next '$' line or the end of the
# block (trailing blank lines aside). A README line that is only '...'
# (indented or not) stands for zero or more lines of output.
. "$(dirname "$0")/lib.sh"

cases=$TMP/cases
mkdir -p "$cases" "$TMP/bin" "$TMP/work" "$TMP/home"
ln -s "$PLANSOK" "$TMP/bin/plansok"
ln -s "$CORPUS" "$TMP/work/corpus"

# cmd.N holds the Nth command (without '$ '), want.N the lines after it.
awk -v dir="$cases" '
    /^```/ { inblock = !inblock; taking = 0; next }
    !inblock { next }
    /^\$ plansok( |$)/ {
        if (n) { close(dir "/want." n) }
        n++; taking = 1
        printf "%s\n", substr($0, 3) > (dir "/cmd." n); close(dir "/cmd." n)
        printf "" > (dir "/want." n)
        next
    }
    /^\$ / { taking = 0; next }
    taking { print > (dir "/want." n) }
' "$TOP/README.md"

# trim FILE: FILE without its trailing blank lines, on stdout
trim() { awk '{ l[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print l[i] }' "$1"; }

# matches WANT GOT: whether GOT's lines equal WANT's, where a WANT line of
# only '...' matches any run of lines (a table filled from the end)
matches() {
    awk 'FILENAME == ARGV[1] { w[++m] = $0; ell[m] = ($0 ~ /^[ \t]*\.\.\.[ \t]*$/); next }
         { g[++k] = $0 }
         END {
             M[m + 1, k + 1] = 1
             for (i = m; i >= 1; i--)
                 for (j = k + 1; j >= 1; j--)
                     if (ell[i]) M[i, j] = M[i + 1, j] || (j <= k && M[i, j + 1])
                     else M[i, j] = j <= k && w[i] == g[j] && M[i + 1, j + 1]
             exit !M[1, 1]
         }' "$1" "$2"
}

i=1
while [ -f "$cases/cmd.$i" ]; do
    cmd=$(cat "$cases/cmd.$i")
    trim "$cases/want.$i" >"$cases/want.$i.t"
    (cd "$TMP/work" && HOME=$TMP/home PATH="$TMP/bin:$PATH" sh -c "$cmd") >"$cases/got.$i" 2>&1
    rc=$?
    trim "$cases/got.$i" >"$cases/got.$i.t"
    d="README: \$ $(printf '%s' "$cmd" | cut -c 1-70)"
    if [ "$rc" -gt 128 ]; then
        not_ok "$d" "plansok died by signal $((rc - 128))"
    elif matches "$cases/want.$i.t" "$cases/got.$i.t"; then
        ok "$d"
    else
        not_ok "$d" "exit $rc; README (-) vs real output (+):"
        diff -u "$cases/want.$i.t" "$cases/got.$i.t" | tail -n +3 | head -n 20 | sed 's/^/#   /'
    fi
    i=$((i + 1))
done
[ "$i" -gt 1 ] || not_ok "the README has '\$ plansok' examples" "none found in $TOP/README.md"
done_testing

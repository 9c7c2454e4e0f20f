#!/bin/sh
# layers.sh OBJDIR [SRCDIR]: checks the layer rules of docs/ARCHITECTURE.md
# on the compiled objects (OBJDIR/{core,ingest,index,query,cli}/*.o) and the
# sources. Every symbol an object uses from another directory must follow
# an allowed edge:
#     cli -> query, index, ingest, core      query -> index, core
#     index -> core, and ingest's ps_doc accessors only
#     ingest -> core                         core -> nothing
# The front end uses other layers through plansok.h only (ps_ names, no
# psi_ internals). The store's query functions (psi_store_search, _count,
# _budget) are called only by objects that also prepare the query
# (psi_query_prepare). Each foreign library has its owners: PCRE2
# ingest/rx.c, Xapian index/xapian-*.cc, dlopen (poppler) ingest/pdf.c;
# foreign headers (FOREIGN below) only there. Source directories other
# than the layers, corpus/ and tests/ are refused: a new directory is a new
# layer and needs its edges here. Prints one line per violation and exits
# 1 when there is any.
set -u
OBJ=$1 SRC=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
LAYERS="core ingest index query cli"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for l in $LAYERS; do
    for o in "$OBJ/$l"/*.o; do
        [ -e "$o" ] || continue
        nm -P --defined-only "$o" | awk -v l="$l" '$2 ~ /^[TDBRVWC]$/ {print $1, l}' >> "$tmp/defs"
        nm -P -u "$o" | awk -v l="$l" -v o="$l/$(basename "$o")" '{print $1, l, o}' >> "$tmp/uses"
    done
done
[ -s "$tmp/defs" ] || { echo "layers: no objects under $OBJ"; exit 2; }
bad=$(awk '
    BEGIN {
        allow["ingest core"] = 1
        allow["index core"] = 1
        allow["query index"] = 1; allow["query core"] = 1
        allow["cli query"] = 1; allow["cli index"] = 1; allow["cli ingest"] = 1; allow["cli core"] = 1
        split("ps_doc_info ps_doc_passage_count ps_doc_passage ps_doc_budget_count ps_doc_budget_row " \
              "ps_doc_heading_count ps_doc_heading", a, " ")
        for (i in a) accessor[a[i]] = 1
    }
    FNR == NR { owner[$1] = $2; next }
    {
        sym = $1; from = $2; obj = $3
        if (sym == "psi_query_prepare")
            prepares[obj] = 1
        if (sym ~ /^psi_store_(search|count|budget)$/ && from != "index")
            runs[obj] = sym
        if (sym in owner) {
            to = owner[sym]
            if (from == "cli" && to != "cli" && sym !~ /^ps_/) {
                printf "layers: %s uses %s from %s/: the front end uses the library through plansok.h only\n", obj, sym, to
                next
            }
            if (to == from || allow[from " " to]) next
            if (from == "index" && to == "ingest" && (sym in accessor)) next
            printf "layers: %s uses %s from %s/: %s -> %s is not an allowed edge\n", obj, sym, to, from, to
            next
        }
        if (sym ~ /^pcre2_/ && obj != "ingest/rx.o")
            printf "layers: %s uses %s: only ingest/rx.c may call PCRE2\n", obj, sym
        if (sym ~ /6Xapian/ && obj !~ /^index\/xapian-.*\.o$/)
            printf "layers: %s uses %s: only index/xapian-*.cc may call Xapian\n", obj, sym
        if (sym ~ /^(dlopen|dlsym)$/ && obj != "ingest/pdf.o")
            printf "layers: %s uses %s: only ingest/pdf.c loads poppler\n", obj, sym
        if (sym ~ /^(g_|poppler_)/)
            printf "layers: %s uses %s: poppler and GLib are loaded at run time by ingest/pdf.c only\n", obj, sym
    }
    END {
        for (o in runs)
            if (!(o in prepares))
                printf "layers: %s calls %s without psi_query_prepare: every query is prepared\n", o, runs[o]
    }' "$tmp/defs" "$tmp/uses" | sort -u)
# headers of the foreign libraries, in the sources
FOREIGN='poppler|glib|gio/|gobject|cairo|pango|pcre2|xapian|microhttpd|hunspell|tesseract|leptonica|xlsxwriter'
inc=$(cd "$SRC" && grep -n -E "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($FOREIGN)" \
        core/*.[ch] ingest/*.[ch] index/*.[ch] index/*.cc query/*.[ch] cli/*.[ch] plansok.h 2>/dev/null |
    awk -F: '
        $1 == "ingest/pdf.c" && $3 ~ /poppler|glib|gio\// { next }
        $1 == "ingest/rx.c" && $3 ~ /pcre2/ { next }
        $1 == "index/xapian.h" && $3 ~ /xapian/ { next }
        { printf "layers: %s:%s includes a foreign header: %s\n", $1, $2, $3 }')
# source directories: the layers, the corpus renderer and the tests only
dirs=$(cd "$SRC" && find . -mindepth 2 -maxdepth 2 \( -name '*.c' -o -name '*.cc' \) -print 2>/dev/null |
    cut -d/ -f2 | sort -u | grep -v -x -E 'core|ingest|index|query|cli|corpus|tests' |
    sed 's|.*|layers: &/ holds sources but is no layer: give it its edges in tests/tools/layers.sh|')
out=$(printf '%s\n%s\n%s\n' "$bad" "$inc" "$dirs" | sed '/^$/d')
if [ -n "$out" ]; then
    echo "$out"
    exit 1
fi
objs=$(for l in $LAYERS; do ls "$OBJ/$l"/*.o 2>/dev/null; done | wc -l | tr -d ' ')
echo "layers: $(wc -l < "$tmp/uses" | tr -d ' ') uses of symbols in $objs objects follow the layer rules"

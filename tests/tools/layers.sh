#!/bin/sh
# layers.sh OBJDIR [SRCDIR]: checks the layer rules of docs/ARCHITECTURE.md
# on the compiled objects (OBJDIR/{core,ingest,index,query,cli}/*.o) and the
# sources. Every symbol an object uses from another directory must follow
# an allowed edge:
#     cli -> query, index, ingest, core      query -> index, core
#     index -> core, and ingest's ps_doc accessors only
#     ingest -> core                         core -> nothing
# and each foreign library has its owners: PCRE2 ingest/rx.c, Xapian
# index/xapian-*.cc, dlopen (poppler) ingest/pdf.c; poppler, GLib, PCRE2
# and Xapian headers only there. Prints one line per violation and exits
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
        if (sym in owner) {
            to = owner[sym]
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
    }' "$tmp/defs" "$tmp/uses" | sort -u)
# headers of the foreign libraries, in the sources
inc=$(cd "$SRC" && grep -n -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](poppler|glib|gio/|pcre2|xapian)' \
        core/*.[ch] ingest/*.[ch] index/*.[ch] index/*.cc query/*.[ch] cli/*.[ch] plansok.h 2>/dev/null |
    awk -F: '
        $1 == "ingest/pdf.c" && $3 ~ /poppler|glib|gio\// { next }
        $1 == "ingest/rx.c" && $3 ~ /pcre2/ { next }
        $1 == "index/xapian.h" && $3 ~ /xapian/ { next }
        { printf "layers: %s:%s includes a foreign header: %s\n", $1, $2, $3 }')
out=$(printf '%s\n%s\n' "$bad" "$inc" | sed '/^$/d')
if [ -n "$out" ]; then
    echo "$out"
    exit 1
fi
objs=$(for l in $LAYERS; do ls "$OBJ/$l"/*.o 2>/dev/null; done | wc -l | tr -d ' ')
echo "layers: $(wc -l < "$tmp/uses" | tr -d ' ') uses of symbols in $objs objects follow the layer rules"

#!/bin/sh
# t030-layers: the objects follow the layer rules (tests/tools/layers.sh,
# docs/ARCHITECTURE.md), and the check fails on a deliberately added
# back-edge, a non-accessor use of ingest by the index, a foreign library
# called outside its owner, and a foreign header included elsewhere.
. "$(dirname "$0")/lib.sh"

OBJ=$(dirname "$PLANSOK")
LAYERS_SH=$TOP/tests/tools/layers.sh
check "the built objects follow the layer rules" sh "$LAYERS_SH" "$OBJ" "$TOP"

# a copy of the objects, plus one object that breaks a rule
mkdir -p "$TMP/objs"
for l in core ingest index query cli; do
    mkdir -p "$TMP/objs/$l" && cp "$OBJ/$l"/*.o "$TMP/objs/$l/"
done
breaks() { # DESC LAYER CODE PATTERN: the check fails naming PATTERN
    printf '%s\n' "$3" > "$TMP/bad.c"
    rm -f "$TMP"/objs/*/bad.o
    if ! cc -std=c11 -I"$TOP" -I"$TOP/core" -c -o "$TMP/objs/$2/bad.o" "$TMP/bad.c" 2>"$TMP/cc.err"; then
        not_ok "$1" "cannot compile: $(head -c 300 "$TMP/cc.err")"
        return
    fi
    if sh "$LAYERS_SH" "$TMP/objs" "$TOP" > "$TMP/layers.out" 2>&1; then
        not_ok "$1" "the check passed"
    elif grep -q "$4" "$TMP/layers.out"; then
        ok "$1"
    else
        not_ok "$1" "$(head -c 400 "$TMP/layers.out")"
    fi
}
breaks "a back-edge core -> query fails the check" core \
    '#include "plansok.h"
void psi_bad(ps_index *ix) { ps_search(ix, "x", 0, 0, 0); }' 'core/bad.o uses ps_search from query/: core -> query'
breaks "a back-edge ingest -> index fails the check" ingest \
    '#include "plansok.h"
void psi_bad(ps_index *ix) { ps_index_close(ix); }' 'ingest -> index'
breaks "the index using ingest beyond the ps_doc accessors fails" index \
    '#include "plansok-private.h"
void psi_bad(const psi_tagger *t) { psi_tagger_heading(t, "x", 0); }' 'index -> ingest'
breaks "PCRE2 called outside ingest/rx.c fails" query \
    'void *pcre2_compile_8(const unsigned char *, unsigned long, unsigned, int *, unsigned long *, void *);
void *psi_bad(void) { return pcre2_compile_8(0, 0, 0, 0, 0, 0); }' 'only ingest/rx.c may call PCRE2'
breaks "the front end using a psi_ internal fails" cli \
    '#include "plansok-private.h"
char *psi_bad(void) { return psi_stem("mål"); }' 'the front end uses the library through plansok.h only'
breaks "a store query without psi_query_prepare fails" query \
    '#include "plansok-private.h"
ps_status psi_bad(ps_index *ix, const psi_store_query *q, ps_hits **h) { return psi_store_search(psi_index_store(ix), q, 1, true, h, 0); }' \
    'without psi_query_prepare'
rm -f "$TMP"/objs/*/bad.o

mkdir -p "$TMP/src/query" "$TMP/src/core" "$TMP/src/web"
printf '#include <xapian.h>\n' > "$TMP/src/query/bad.c"
printf '#include <pcre2.h>\n' > "$TMP/src/core/bad.h"
printf '#include <cairo.h>\n' > "$TMP/src/core/bad.c"
printf 'int psi_web;\n' > "$TMP/src/web/server.c"
if sh "$LAYERS_SH" "$OBJ" "$TMP/src" > "$TMP/layers.out" 2>&1; then
    not_ok "foreign headers outside their owners fail the check" "the check passed"
else
    check "foreign headers outside their owners fail the check" \
        sh -c "grep -q 'query/bad.c:1 includes' '$TMP/layers.out' && grep -q 'core/bad.h:1 includes' '$TMP/layers.out' && grep -q 'core/bad.c:1 includes' '$TMP/layers.out'"
    check "... and so does a source directory that is no layer" grep -q "web/ holds sources but is no layer" "$TMP/layers.out"
fi
done_testing

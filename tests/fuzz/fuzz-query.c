/* fuzz-query.c: libFuzzer harness for query handling: synonym and hyphen
 * rewriting, Xapian's query parser with plansok's field processors and
 * expansion, search, matrix and compare, on a small index built from one
 * corpus PDF at start-up. Built and run by 'make fuzz'. */
#include "plansok.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ps_index *ix;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[] = "/tmp/plansok-fuzz-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    ps_error e = PS_ERROR_INIT;
    ps_index *w;
    ps_doc *doc;
    if (ps_index_open(dir, PS_INDEX_WRITE, &w, &e) || ps_doc_extract("corpus/kfvn-vp-2013.pdf", NULL, &doc, &e) ||
        ps_index_add_doc(w, doc, &e)) {
        fprintf(stderr, "fuzz-query: %s (run from the repository's top)\n", e.msg);
        abort();
    }
    ps_doc_free(doc);
    ps_index_close(w);
    if (ps_index_open(dir, PS_INDEX_READ, &ix, &e))
        abort();
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *q = malloc(size + 1);
    memcpy(q, data, size);
    q[size] = '\0';
    ps_error e = PS_ERROR_INIT;
    ps_query_opts o = PS_QUERY_OPTS_INIT;
    ps_hits *h = NULL;
    if (ps_search(ix, q, &o, &h, &e) == PS_OK)
        ps_hits_free(h);
    ps_matrix *m = NULL;
    if (ps_matrix_run(ix, q, &o, &m, &e) == PS_OK)
        ps_matrix_free(m);
    ps_compare *c = NULL;
    if (size < 64 && ps_compare_run(ix, q, &o, &c, &e) == PS_OK)
        ps_compare_free(c);
    free(q);
    return 0;
}

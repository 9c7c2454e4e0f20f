/* matrix.c: matching passages and documents per län and year, counted by
 * the store per document (a match spy) without reading passages. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_lan(const void *a, const void *b)
{
    int x = psi_lan_order(*(const int *)a), y = psi_lan_order(*(const int *)b);
    return (x > y) - (x < y);
}

static int
index_of(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x)
            return i;
    return -1;
}

ps_status
ps_matrix_run(ps_index *ix, const char *query, const ps_query_opts *o, ps_matrix **out, ps_error *err)
{
    *out = NULL;
    psi_store_query q;
    psi_doc_count *dc = NULL;
    size_t n = 0;
    ps_status s = psi_query_prepare(ix, query, o, &q, err);
    if (s == PS_OK)
        s = psi_store_count(psi_index_store(ix), &q, &dc, &n, err);
    psi_query_release(&q);
    if (s != PS_OK)
        return s;
    size_t twins = 0;
    s = psi_store_twins(psi_index_store(ix), &twins, err);
    if (s != PS_OK) {
        free(dc);
        return s;
    }
    ps_matrix *m = psi_calloc(1, sizeof *m);
    m->twins = (unsigned)twins;
    m->query = psi_strdup(query ? query : "");
    m->lans = psi_malloc((PS_LAN_COUNT + 1) * sizeof *m->lans);
    m->years = psi_malloc((n + 1) * sizeof *m->years);
    for (size_t i = 0; i < n; i++) {
        if (dc[i].lan < 0 || dc[i].lan >= PS_LAN_COUNT)
            dc[i].lan = -1;
        if (index_of(m->lans, m->nlan, dc[i].lan) < 0)
            m->lans[m->nlan++] = dc[i].lan;
        if (index_of(m->years, m->nyear, dc[i].year) < 0)
            m->years[m->nyear++] = dc[i].year;
    }
    qsort(m->lans, (size_t)m->nlan, sizeof *m->lans, cmp_lan); /* the unknown län last */
    qsort(m->years, (size_t)m->nyear, sizeof *m->years, psi_cmp_int);
    size_t cells = (size_t)(m->nlan * m->nyear);
    m->passages = psi_calloc(cells ? cells : 1, sizeof *m->passages);
    m->docs = psi_calloc(cells ? cells : 1, sizeof *m->docs);
    m->lan_passages = psi_calloc((size_t)m->nlan + 1, sizeof *m->lan_passages);
    m->lan_docs = psi_calloc((size_t)m->nlan + 1, sizeof *m->lan_docs);
    m->year_passages = psi_calloc((size_t)m->nyear + 1, sizeof *m->year_passages);
    m->year_docs = psi_calloc((size_t)m->nyear + 1, sizeof *m->year_docs);
    for (size_t i = 0; i < n; i++) {
        int l = index_of(m->lans, m->nlan, dc[i].lan), y = index_of(m->years, m->nyear, dc[i].year);
        int cell = l * m->nyear + y;
        m->passages[cell] += dc[i].passages;
        m->docs[cell]++;
        m->lan_passages[l] += dc[i].passages;
        m->lan_docs[l]++;
        m->year_passages[y] += dc[i].passages;
        m->year_docs[y]++;
        m->total_passages += dc[i].passages;
        m->total_docs++;
    }
    free(dc);
    *out = m;
    return PS_OK;
}

void
ps_matrix_free(ps_matrix *m)
{
    if (!m)
        return;
    free(m->query);
    free(m->lans);
    free(m->years);
    free(m->passages);
    free(m->docs);
    free(m->lan_passages);
    free(m->lan_docs);
    free(m->year_passages);
    free(m->year_docs);
    free(m);
}

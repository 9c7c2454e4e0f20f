/* compare.c: one topic side by side per län and year: passages,
 * documents and sections per cell, the best passage of each cell, and per
 * län the years it has documents and whether the topic is in them. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

/* The years a län's row has the topic after a year without it (or in
 * its first year), and the years it lost it. */
static void
transitions(ps_compare_row *r)
{
    r->appears = psi_calloc((size_t)r->nyears + 1, sizeof *r->appears);
    r->disappears = psi_calloc((size_t)r->nyears + 1, sizeof *r->disappears);
    r->nappears = r->ndisappears = 0;
    for (int y = 0; y < r->nyears; y++) {
        bool before = y > 0 && r->present[y - 1];
        if (r->present[y] && !before)
            r->appears[r->nappears++] = r->years[y];
        if (!r->present[y] && before)
            r->disappears[r->ndisappears++] = r->years[y];
    }
}

static int
cmp_cell(const void *a, const void *b)
{
    const ps_compare_cell *x = a, *y = b;
    int lx = psi_lan_order(x->lan), ly = psi_lan_order(y->lan);
    return lx != ly ? lx - ly : x->year - y->year;
}

ps_status
ps_compare_run(ps_index *ix, const char *query, const ps_query_opts *o, ps_compare **out, ps_error *err)
{
    *out = NULL;
    ps_query_opts def = PS_QUERY_OPTS_INIT;
    if (!o)
        o = &def;
    ps_hits *all;
    ps_status st = psi_query_hits(ix, query, o, 0, false, &all, err);
    if (st != PS_OK)
        return st;
    ps_compare *c = psi_calloc(1, sizeof *c);
    c->query = psi_strdup(query);
    size_t cap = 0;
    /* cells: count passages, sections and distinct documents */
    char **seen_doc = psi_calloc(all->n + 1, sizeof *seen_doc);
    size_t *seen_cell = psi_calloc(all->n + 1, sizeof *seen_cell);
    size_t nseen = 0;
    for (size_t i = 0; i < all->n; i++) {
        const ps_hit *h = &all->hits[i];
        size_t k = 0;
        while (k < c->ncells && !(c->cells[k].lan == h->lan && c->cells[k].year == h->year))
            k++;
        if (k == c->ncells) {
            if (c->ncells == cap) {
                cap = cap ? cap * 2 : 16;
                c->cells = psi_realloc(c->cells, cap * sizeof *c->cells);
            }
            memset(&c->cells[k], 0, sizeof c->cells[k]);
            c->cells[k].lan = h->lan;
            c->cells[k].year = h->year;
            c->cells[k].best = -1;
            c->ncells++;
        }
        c->cells[k].passages++;
        c->cells[k].sections[h->section < PS_SECTION_COUNT ? h->section : 0]++;
        bool dup = false;
        for (size_t d = 0; d < nseen && !dup; d++)
            dup = seen_cell[d] == k && !strcmp(seen_doc[d], h->docid);
        if (!dup) {
            seen_doc[nseen] = h->docid;
            seen_cell[nseen++] = k;
            c->cells[k].docs++;
        }
    }
    free(seen_doc);
    free(seen_cell);
    ps_hits_free(all);
    if (c->ncells) /* qsort wants an array, even of nothing */
        qsort(c->cells, c->ncells, sizeof *c->cells, cmp_cell);

    /* the best passage of each cell: the top hit with the cell's filters */
    c->best = psi_calloc(1, sizeof *c->best);
    c->best->query = psi_strdup(query);
    c->best->hits = psi_calloc(c->ncells + 1, sizeof *c->best->hits);
    for (size_t k = 0; k < c->ncells && st == PS_OK; k++) {
        ps_query_opts q = *o;
        q.lan = c->cells[k].lan >= 0 ? c->cells[k].lan : PS_LAN_NONE;
        q.year_from = q.year_to = c->cells[k].year;
        ps_hits *top;
        if (c->cells[k].year <= 0)
            continue; /* unknown year: no filter can select it alone */
        st = psi_query_hits(ix, query, &q, 1, true, &top, err);
        if (st == PS_OK && top->n) {
            c->best->hits[c->best->n] = top->hits[0];
            memset(&top->hits[0], 0, sizeof top->hits[0]);
            top->n = 0;
            c->cells[k].best = (long)c->best->n++;
        }
        if (st == PS_OK)
            ps_hits_free(top);
    }
    c->best->total = c->best->n;

    /* per län: years with documents, and whether the topic is there */
    ps_doclist *dl = NULL;
    if (st == PS_OK)
        st = ps_docs_list(ix, &dl, err);
    for (size_t k = 0; st == PS_OK && k < c->ncells; k++) {
        int lan = c->cells[k].lan;
        if (c->nrows && c->rows[c->nrows - 1].lan == lan)
            continue;
        c->rows = psi_realloc(c->rows, (c->nrows + 1) * sizeof *c->rows);
        ps_compare_row *r = &c->rows[c->nrows++];
        r->lan = lan;
        r->nyears = 0;
        r->years = psi_malloc((dl->n + 1) * sizeof *r->years);
        r->present = psi_calloc(dl->n + 1, 1);
        for (size_t i = 0; i < dl->n; i++) {
            const ps_docinfo *d = &dl->docs[i];
            if (d->lan != lan || d->year <= 0 || (o->kind >= 0 && (int)d->kind != o->kind))
                continue;
            if ((o->year_from && d->year < o->year_from) || (o->year_to && d->year > o->year_to))
                continue;
            if (r->nyears && r->years[r->nyears - 1] == d->year)
                continue; /* the list is sorted by län, then year */
            r->years[r->nyears] = d->year;
            for (size_t j = 0; j < c->ncells; j++)
                if (c->cells[j].lan == lan && c->cells[j].year == d->year)
                    r->present[r->nyears] = 1;
            r->nyears++;
        }
        transitions(r);
    }
    ps_doclist_free(dl);
    if (st != PS_OK) {
        ps_compare_free(c);
        return st;
    }
    *out = c;
    return PS_OK;
}

void
ps_compare_free(ps_compare *c)
{
    if (!c)
        return;
    free(c->query);
    free(c->cells);
    ps_hits_free(c->best);
    for (size_t i = 0; i < c->nrows; i++) {
        free(c->rows[i].years);
        free(c->rows[i].present);
        free(c->rows[i].appears);
        free(c->rows[i].disappears);
    }
    free(c->rows);
    free(c);
}

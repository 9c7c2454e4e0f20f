/* docs.c: what is indexed: every document with its metadata, and one
 * document's outline with its passages in order (plansok show). */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_doc(const void *a, const void *b)
{
    const ps_docinfo *x = a, *y = b;
    int lx = psi_lan_order(x->lan), ly = psi_lan_order(y->lan);
    if (lx != ly)
        return lx - ly;
    if (x->year != y->year)
        return x->year - y->year;
    return strcmp(x->file, y->file);
}

ps_status
ps_docs_list(ps_index *ix, ps_doclist **out, ps_error *err)
{
    ps_status s = psi_store_docs(psi_index_store(ix), out, err);
    if (s == PS_OK)
        qsort((*out)->docs, (*out)->n, sizeof *(*out)->docs, cmp_doc);
    return s;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

ps_status
ps_docs_query(ps_index *ix, const char *query, const ps_query_opts *o, ps_doclist **out, ps_error *err)
{
    *out = NULL;
    ps_query_opts none = PS_QUERY_OPTS_INIT;
    bool blank = !query || !query[strspn(query, " \t\n")];
    if (blank && (!o || (o->lan == none.lan && !o->year_from && !o->year_to && o->kind < 0 && o->section < 0 &&
                         !(o->org && *o->org) && !(o->unit && *o->unit))))
        return ps_docs_list(ix, out, err);
    ps_hits *h;
    ps_status st = psi_query_hits(ix, blank ? "" : query, o, 0, false, &h, err);
    if (st != PS_OK)
        return st;
    char **ids = psi_malloc((h->n + 1) * sizeof *ids);
    for (size_t i = 0; i < h->n; i++)
        ids[i] = h->hits[i].docid;
    qsort(ids, h->n, sizeof *ids, cmp_str);
    ps_doclist *l;
    st = ps_docs_list(ix, &l, err);
    if (st == PS_OK) {
        size_t kept = 0;
        for (size_t i = 0; i < l->n; i++) {
            ps_docinfo *d = &l->docs[i];
            const char *key = *d->twin_of ? d->twin_of : d->docid;
            if (bsearch(&key, ids, h->n, sizeof *ids, cmp_str)) {
                if (kept != i)
                    l->docs[kept] = *d;
                kept++;
            } else {
                psi_docinfo_release(d);
            }
        }
        l->n = kept;
        *out = l;
    }
    free(ids);
    ps_hits_free(h);
    return st;
}

/* The heading each passage follows: both lists are in document order, and
 * a passage goes under the heading its heading path ends with (one without
 * a heading path stays where it is; the rest go under the last heading). */
static long *
outline_under(const ps_outline *o)
{
    const ps_hits *ps = o->passages;
    long *under = psi_calloc(ps->n + 1, sizeof *under);
    size_t next = 0;
    for (size_t i = 0; i <= o->nheadings; i++) {
        while (next < ps->n) {
            const ps_hit *p = &ps->hits[next];
            const char *last = psi_heading_own(p->heading);
            bool mine = p->heading[0] == '\0' || (i > 0 && !strcmp(last, o->headings[i - 1].text)) ||
                        i == o->nheadings;
            if (!mine)
                break;
            under[next++] = (long)i - 1;
        }
    }
    return under;
}

ps_status
ps_doc_show(ps_index *ix, const char *which, int with_passages, ps_outline **out, ps_error *err)
{
    *out = NULL;
    ps_docinfo found;
    ps_status st = psi_index_resolve(ix, which, &found, err);
    if (st != PS_OK)
        return st;
    ps_outline *o = psi_calloc(1, sizeof *o);
    st = psi_store_doc_detail(psi_index_store(ix), found.docid, o, with_passages != 0, err);
    psi_docinfo_release(&found);
    if (st != PS_OK) {
        ps_outline_free(o);
        return st;
    }
    if (o->passages)
        o->under = outline_under(o);
    *out = o;
    return PS_OK;
}

void
ps_outline_free(ps_outline *o)
{
    if (!o)
        return;
    psi_docinfo_release(&o->info);
    for (size_t i = 0; i < o->nheadings; i++)
        free(o->headings[i].text);
    free(o->headings);
    ps_hits_free(o->passages);
    free(o->under);
    free(o);
}

/* results.c: the lifetimes of the result structs that more than one layer
 * fills (hits from the index and the query layer, document lists, budget
 * rows from extraction and from the index), so that no layer has to call
 * up to free what it made. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

void
psi_hit_release(ps_hit *x)
{
    psi_record_release(psi_hit_fields, x);
    free(x->snippet);
    free(x->marks);
}

void
ps_hits_free(ps_hits *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        psi_hit_release(&h->hits[i]);
    free(h->hits);
    free(h->query);
    free(h->suggestion);
    free(h);
}

void
psi_hits_append(ps_hits *to, ps_hits *from, int skip_section)
{
    to->hits = psi_realloc(to->hits, (to->n + from->n + 1) * sizeof *to->hits);
    size_t kept = 0; /* those of skip_section stay in from, and go with it */
    for (size_t i = 0; i < from->n; i++) {
        if ((int)from->hits[i].section == skip_section)
            from->hits[kept++] = from->hits[i];
        else
            to->hits[to->n++] = from->hits[i];
    }
    from->n = kept;
    ps_hits_free(from);
}

long
psi_reader_version(const char *reader)
{
    if (!reader || *reader < '0' || *reader > '9')
        return 0;
    char *end;
    long v = strtol(reader, &end, 10);
    return *end && *end != ' ' ? 0 : v;
}

psi_read_diff
psi_reader_diff(const char *recorded, const char *now)
{
    long a = psi_reader_version(recorded), b = psi_reader_version(now);
    if (a != b)
        return a < b ? PSI_READ_OLDER : PSI_READ_NEWER;
    return strcmp(recorded ? recorded : "", now) ? PSI_READ_OTHERWISE : PSI_READ_ALIKE;
}

int
ps_docinfo_version_cmp(const ps_docinfo *d)
{
    long v = psi_reader_version(d->reader);
    return v < PS_EXTRACT_VERSION ? -1 : v > PS_EXTRACT_VERSION;
}

void
psi_docinfo_release(ps_docinfo *d)
{
    psi_record_release(psi_docinfo_fields, d);
}

void
ps_doclist_free(ps_doclist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        psi_docinfo_release(&l->docs[i]);
    free(l->docs);
    free(l);
}

void
psi_budget_row_release(ps_budget_row *r)
{
    psi_record_release(psi_budget_row_fields, r);
}

ps_column_role
ps_budget_column_role(const ps_budget_row *r, size_t k)
{
    if (!r->column_roles || k >= strlen(r->column_roles))
        return PS_COL_ITEM;
    return r->column_roles[k] == 't' ? PS_COL_TOTAL : r->column_roles[k] == 'd' ? PS_COL_DIFFERENCE : PS_COL_ITEM;
}

void
ps_budget_free(ps_budget *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        psi_budget_row_release(&b->rows[i]);
    free(b->rows);
    free(b);
}

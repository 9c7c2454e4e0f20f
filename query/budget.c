/* budget.c: the budget rows of the indexed documents that pass the
 * filters, in the order the store sorts them (län, year, file, page), and
 * of those the rows whose label or table names a topic. */
#include "plansok-private.h"

#include <string.h>

/* Whether row r is set in under row over of the same table. */
static bool
set_in_under(const ps_budget_row *r, const ps_budget_row *over)
{
    return r->level > over->level && r->page == over->page && !strcmp(r->docid, over->docid) &&
           !strcmp(r->table, over->table);
}

/* Keeps the rows whose label or table names the topic, and the parts set
 * in under a total that does ("Expansionsinvestering" and its
 * "Parkmiljö", "Lekplatser" … for "investeringar"). */
static void
keep_topic_rows(ps_budget *b, const char *query)
{
    psi_topic t;
    psi_topic_of(query, &t);
    size_t kept = 0;
    long group = -1; /* the kept total whose parts follow */
    for (size_t i = 0; i < b->n; i++) {
        ps_budget_row *r = &b->rows[i];
        if (group >= 0 && !set_in_under(r, &b->rows[group]))
            group = -1;
        bool named = psi_topic_named(&t, r->label) || psi_topic_named(&t, r->table);
        if (named && group < 0 && r->role == PS_ROW_TOTAL)
            group = (long)i;
        if (named || group >= 0) {
            if (group == (long)i)
                group = (long)kept; /* where it is now */
            b->rows[kept++] = *r;
        } else {
            psi_budget_row_release(r);
        }
    }
    b->n = kept;
    psi_topic_release(&t);
}

ps_status
ps_budget_list(ps_index *ix, const char *query, const ps_query_opts *o, ps_budget **out, ps_error *err)
{
    *out = NULL;
    ps_query_opts f = PS_QUERY_OPTS_INIT;
    if (o) { /* the document filters; a budget row has no section */
        f.lan = o->lan;
        f.year_from = o->year_from;
        f.year_to = o->year_to;
        f.kind = o->kind;
        f.org = o->org;
        f.unit = o->unit;
    }
    psi_store_query q;
    ps_status st = psi_query_prepare(ix, "", &f, &q, err);
    if (st == PS_OK)
        st = psi_store_budget(psi_index_store(ix), &q, out, err);
    psi_query_release(&q);
    if (st == PS_OK && query && query[strspn(query, " \t\n")])
        keep_topic_rows(*out, query);
    return st;
}

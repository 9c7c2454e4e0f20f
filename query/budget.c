/* budget.c: the budget rows of the indexed documents that pass the
 * filters, in the order the store sorts them (län, year, file, page). */
#include "plansok-private.h"

ps_status
ps_budget_list(ps_index *ix, const ps_query_opts *o, ps_budget **out, ps_error *err)
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
    return st;
}

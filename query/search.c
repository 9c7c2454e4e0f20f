/* search.c: ranked passages. ps_search() for analysts, and
 * psi_query_hits() for the query layer's own needs (every match, or only
 * what counting needs); both prepare the query the one way. */
#include "plansok-private.h"

#include <stdlib.h>

ps_status
psi_query_hits(ps_index *ix, const char *query, const ps_query_opts *o, size_t limit, bool want_text, ps_hits **out,
               ps_error *err)
{
    *out = NULL;
    psi_store_query q;
    ps_status st = psi_query_prepare(ix, query, o, &q, err);
    if (st == PS_OK)
        st = psi_store_search(psi_index_store(ix), &q, limit, want_text, out, err);
    if (st == PS_OK) { /* report the query as typed */
        free((*out)->query);
        (*out)->query = psi_strdup(query ? query : "");
    }
    psi_query_release(&q);
    return st;
}

ps_status
ps_search(ps_index *ix, const char *query, const ps_query_opts *o, ps_hits **out, ps_error *err)
{
    size_t limit = o && o->limit ? o->limit : 20;
    return psi_query_hits(ix, query, o, limit, true, out, err);
}

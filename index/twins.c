/* twins.c: renderings of one document (other bytes, the same words) are
 * a group counted once, as its smallest docid (the head); every other
 * member is marked twin_of the head, never of another member, so that no
 * chain can form. The group keeps one set of corrections: a member that
 * joins takes the head's, `set` on any member applies to all (fix.c), and
 * when the head goes the smallest member becomes the head: nothing
 * counted is lost. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

/* Files document docid again as a rendering of `of` ("": the head). */
static ps_status
set_twin_of(ps_index *ix, const char *docid, const char *of, ps_error *err)
{
    ps_docinfo d;
    ps_status st = psi_store_find(psi_index_store(ix), NULL, docid, &d, err);
    if (st == PS_OK && d.docid && strcmp(d.twin_of, of) != 0) {
        free(d.twin_of);
        d.twin_of = psi_strdup(of);
        st = psi_store_relabel(psi_index_store(ix), &d, err);
    }
    psi_docinfo_release(&d);
    return st;
}

static void
free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

ps_status
psi_twins_join(ps_index *ix, ps_docinfo *info, char **new_head_of, ps_error *err)
{
    *new_head_of = NULL;
    char *head = NULL;
    free(info->twin_of);
    info->twin_of = psi_strdup("");
    if (!*info->sig)
        return PS_OK;
    ps_status st = psi_store_find_twin(psi_index_store(ix), info->sig, info->docid, &head, err);
    if (st != PS_OK || !head)
        return st;
    /* one set of corrections per group: a newcomer without its own takes the head's */
    psi_fixrec mine, theirs;
    st = psi_store_get_fix(psi_index_store(ix), info->docid, &mine, err);
    if (st == PS_OK && psi_fixrec_empty(&mine))
        st = psi_store_get_fix(psi_index_store(ix), head, &theirs, err);
    else
        psi_fixrec_init(&theirs);
    if (st == PS_OK && !psi_fixrec_empty(&theirs)) {
        st = psi_store_put_fix(psi_index_store(ix), info->docid, &theirs, err);
        if (st == PS_OK)
            psi_fix_apply(&theirs, info);
    }
    psi_fixrec_release(&mine);
    psi_fixrec_release(&theirs);
    if (st == PS_OK && strcmp(info->docid, head) < 0) {
        *new_head_of = head; /* this one counts instead, once it is stored */
        head = NULL;
    } else if (st == PS_OK) {
        free(info->twin_of);
        info->twin_of = head;
        head = NULL;
    }
    free(head);
    return st;
}

ps_status
psi_twins_regroup(ps_index *ix, const char *old_head, const char *new_head, ps_error *err)
{
    char **ids;
    size_t n;
    ps_status st = psi_store_twins_of(psi_index_store(ix), old_head, &ids, &n, err);
    for (size_t i = 0; st == PS_OK && i < n; i++)
        st = set_twin_of(ix, ids[i], strcmp(ids[i], new_head) ? new_head : "", err);
    if (st == PS_OK)
        st = set_twin_of(ix, old_head, new_head, err);
    free_ids(ids, n);
    return st;
}

ps_status
psi_twins_left(ps_index *ix, const char *gone, ps_error *err)
{
    char **ids;
    size_t n;
    ps_status st = psi_store_twins_of(psi_index_store(ix), gone, &ids, &n, err);
    /* the smallest counts now, the rest as renderings of it */
    for (size_t i = 0; st == PS_OK && i < n; i++)
        st = set_twin_of(ix, ids[i], i ? ids[0] : "", err);
    free_ids(ids, n);
    return st;
}

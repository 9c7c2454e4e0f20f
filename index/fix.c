/* fix.c: corrections by hand. A correction is kept in the index under the
 * document's content id, so that it outlives re-ingest, a move of the file
 * and --prune (index.c applies it whenever the document is added again),
 * and is applied at once to everything stored for the document. Also the
 * one way a document is named on the command line (psi_index_resolve). */
#include "plansok-private.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

ps_status
psi_index_resolve(ps_index *ix, const char *which, ps_docinfo *out, ps_error *err)
{
    memset(out, 0, sizeof *out);
    /* a docid or the path of an indexed file: looked up, not listed */
    char abs[PATH_MAX];
    const char *full = realpath(which, abs) ? abs : which;
    ps_status st = psi_store_find(psi_index_store(ix), full, NULL, out, err);
    if (st == PS_OK && !out->docid) {
        psi_docinfo_release(out);
        st = psi_store_find(psi_index_store(ix), NULL, which, out, err);
    }
    if (st != PS_OK || out->docid)
        return st;
    psi_docinfo_release(out);
    memset(out, 0, sizeof *out);
    ps_doclist *l;
    st = psi_store_docs(psi_index_store(ix), &l, err);
    if (st != PS_OK)
        return st;
    /* exact docid, path or file name first, then a unique part of a file name */
    const ps_docinfo *found = NULL, *sub = NULL;
    size_t nsub = 0, nexact = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        if (!strcmp(d->docid, which) || !strcmp(d->path, which) || !strcmp(d->path, full) ||
            !strcmp(d->file, which)) {
            if (!found || strcmp(found->docid, d->docid))
                nexact++;
            found = d;
        } else if (strstr(d->file, which)) {
            nsub++;
            sub = d;
        }
    }
    if (nexact > 1) {
        st = psi_fail(err, PS_ERR_USAGE, "'%s' names %zu documents; give its path or docid (see 'plansok docs')",
                      which, nexact);
    } else if (!found && nsub != 1) {
        st = psi_fail(err, PS_ERR_USAGE,
                      nsub ? "'%s' matches %zu documents; give more of the file name" :
                             "no indexed document matches '%s'; see 'plansok docs'",
                      which, nsub);
    } else {
        const ps_docinfo *d = found ? found : sub;
        st = psi_store_find(psi_index_store(ix), NULL, d->docid, out, err);
    }
    ps_doclist_free(l);
    return st;
}

/* The correction merged into one document's record, kept and applied. */
static ps_status
fix_one(ps_index *ix, const char *docid, const ps_fix *fix, ps_error *err)
{
    psi_store *store = psi_index_store(ix);
    ps_docinfo info;
    ps_status st = psi_store_find(store, NULL, docid, &info, err);
    if (st != PS_OK || !info.docid) {
        psi_docinfo_release(&info);
        return st;
    }
    psi_fixrec rec;
    psi_buf before = PSI_BUF_INIT, after = PSI_BUF_INIT;
    st = psi_store_get_fix(store, docid, &rec, err);
    if (st == PS_OK) {
        psi_record_put(&before, psi_fixrec_fields, &rec, NULL);
        psi_fixrec_merge(&rec, fix);
        psi_record_put(&after, psi_fixrec_fields, &rec, NULL);
    }
    /* the same correction again (ingest --region on an unchanged folder)
     * rewrites nothing */
    bool same = st == PS_OK && before.len == after.len && !memcmp(before.s, after.s, before.len);
    if (st == PS_OK && !same)
        st = psi_store_put_fix(store, docid, &rec, err);
    if (st == PS_OK && !same) {
        psi_fix_apply(&rec, &info);
        st = psi_store_relabel(store, &info, err);
    }
    psi_buf_release(&before);
    psi_buf_release(&after);
    psi_fixrec_release(&rec);
    psi_docinfo_release(&info);
    return st;
}

ps_status
ps_index_fix(ps_index *ix, const char *which, const ps_fix *fix, char **docid, ps_error *err)
{
    if (docid)
        *docid = NULL;
    ps_status st = psi_fix_check(fix, err);
    if (st != PS_OK)
        return st;
    if (!psi_index_writable(ix))
        return psi_fail(err, PS_ERR_USAGE, "index is open read-only");
    ps_docinfo info;
    st = psi_index_resolve(ix, which, &info, err);
    if (st != PS_OK)
        return st;
    /* a group of renderings keeps one set of corrections (twins.c) */
    const char *head = *info.twin_of ? info.twin_of : info.docid;
    char **members = NULL;
    size_t n = 0;
    st = fix_one(ix, head, fix, err);
    if (st == PS_OK)
        st = psi_store_twins_of(psi_index_store(ix), head, &members, &n, err);
    for (size_t i = 0; i < n; i++) {
        if (st == PS_OK)
            st = fix_one(ix, members[i], fix, err);
        free(members[i]);
    }
    free(members);
    if (st == PS_OK) /* the relabelling is written now, as the correction was */
        st = psi_store_commit(psi_index_store(ix), err);
    if (st == PS_OK && docid)
        *docid = psi_strdup(info.docid);
    psi_docinfo_release(&info);
    return st;
}

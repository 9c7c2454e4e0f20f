/* folders.c: what a document's folder says about it. Board papers are
 * kept by their kommun: an archive folder of one kommun's bilagor holds
 * follow-ups that name only their nämnd ("tekniska nämnden"), never the
 * kommun. Such a document takes the kommun that every other document of
 * its folder naming a kommun names (two at least); a folder of two
 * kommuners' papers gives nothing. The fields taken are listed in
 * from_folder, and a correction by hand always wins. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_dir(const void *a, const void *b)
{
    const ps_docinfo *x = a, *y = b;
    return strcmp(x->path, y->path);
}

/* The length of path's folder part ("/a/b/c.pdf" -> 4). */
static size_t
dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) : 0;
}

static bool
same_dir(const ps_docinfo *a, const ps_docinfo *b)
{
    size_t n = dir_len(a->path);
    return n == dir_len(b->path) && !strncmp(a->path, b->path, n);
}

/* The one kommun the documents [from, to) name, from at least two of
 * them; NULL when none or several. */
static const psi_body *
folder_kommun(const ps_docinfo *d, size_t from, size_t to)
{
    const psi_body *k = NULL;
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        if (*d[i].from_folder || !*d[i].org_code)
            continue;
        const psi_body *b = psi_register_by_code(d[i].org_code);
        if (!b || b->type != PSI_BODY_KOMMUN)
            continue;
        if (k && k != b)
            return NULL;
        k = b;
        n++;
    }
    return n >= 2 ? k : NULL;
}

ps_status
ps_index_infer_folders(ps_index *ix, size_t *changed, ps_error *err)
{
    *changed = 0;
    ps_doclist *l;
    ps_status st = psi_store_docs(psi_index_store(ix), &l, err);
    if (st != PS_OK)
        return st;
    qsort(l->docs, l->n, sizeof *l->docs, cmp_dir);
    for (size_t from = 0, to; st == PS_OK && from < l->n; from = to) {
        for (to = from + 1; to < l->n && same_dir(&l->docs[from], &l->docs[to]);)
            to++;
        const psi_body *k = folder_kommun(l->docs, from, to);
        for (size_t i = from; k && st == PS_OK && i < to; i++) {
            ps_docinfo *d = &l->docs[i];
            if (*d->org || strstr(d->by_hand, "org") || psi_unit_body_type(d->unit) != PSI_BODY_KOMMUN)
                continue;
            free(d->org);
            free(d->org_code);
            free(d->from_folder);
            d->org = psi_strdup(k->name);
            d->org_code = psi_strdup(k->code);
            d->from_folder = psi_strdup(d->lan < 0 ? "org,lan" : "org");
            if (d->lan < 0)
                d->lan = k->lan;
            st = psi_store_relabel(psi_index_store(ix), d, err);
            if (st == PS_OK)
                (*changed)++;
        }
    }
    ps_doclist_free(l);
    return st;
}

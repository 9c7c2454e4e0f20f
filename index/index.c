/* index.c: the ps_index handle and its write path in C: opening and
 * closing, adding a document, classifying a file against what is indexed
 * (new, unchanged, stale, changed, moved, duplicate) and pruning documents whose
 * files are gone. The handle also carries the synonym groups queries use.
 * Xapian itself is behind the store shim (index/xapian-*.cc); the query
 * layer reaches the store through psi_index_store(). */
#include "plansok-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct ps_index {
    psi_store *store;
    bool writable;
    bool plain;
    psi_synonyms synonyms;
};

ps_status
ps_index_open(const char *dir, ps_index_mode mode, ps_index **out, ps_error *err)
{
    *out = NULL;
    if (!dir || !*dir)
        return psi_fail(err, PS_ERR_USAGE, "no index directory given");
    psi_store *st;
    bool writable = (mode & PS_INDEX_WRITE) != 0, plain = (mode & PS_INDEX_PLAIN) != 0;
    ps_shard_by by = (mode & PS_INDEX_SHARD_LAN) ? PS_SHARD_LAN : (mode & PS_INDEX_SHARD_YEAR) ? PS_SHARD_YEAR
                                                                                            : PS_SHARD_NONE;
    if (by != PS_SHARD_NONE && (!writable || plain))
        return psi_fail(err, PS_ERR_USAGE, "shards are chosen when an index is written");
    ps_status s = psi_store_open(dir, writable, plain, by, &st, err);
    if (s != PS_OK)
        return s;
    ps_index *ix = psi_calloc(1, sizeof *ix);
    ix->store = st;
    ix->writable = writable;
    ix->plain = plain;
    if (!plain)
        psi_synonyms_parse(&ix->synonyms, psi_default_synonyms);
    *out = ix;
    return PS_OK;
}

void
ps_index_close(ps_index *ix)
{
    if (!ix)
        return;
    psi_store_close(ix->store);
    psi_synonyms_release(&ix->synonyms);
    free(ix);
}

ps_status
ps_index_commit(ps_index *ix, ps_error *err)
{
    return ix->writable ? psi_store_commit(ix->store, err) : PS_OK;
}

size_t
ps_index_uncommitted(const ps_index *ix)
{
    int n = psi_store_pending(ix->store);
    return n > 0 ? (size_t)n : 0;
}

psi_store *
psi_index_store(ps_index *ix)
{
    return ix->store;
}

bool
psi_index_writable(const ps_index *ix)
{
    return ix->writable;
}

bool
psi_index_plain(const ps_index *ix)
{
    return ix->plain;
}

const psi_synonyms *
psi_index_synonyms(const ps_index *ix)
{
    return &ix->synonyms;
}

ps_status
ps_index_add_synonyms(ps_index *ix, const char *path, ps_error *err)
{
    return psi_synonyms_add_file(&ix->synonyms, path, err);
}

void
ps_index_set_batch(ps_index *ix, int documents)
{
    psi_store_set_batch(ix->store, documents);
}

char *
ps_index_default_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg == '/')
        return psi_asprintf("%s/plansok/index", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return psi_asprintf("%s/.local/share/plansok/index", home);
    return NULL;
}


static ps_status
add_info(ps_index *ix, const ps_doc *doc, const ps_docinfo *info, ps_error *err)
{
    size_t n = ps_doc_passage_count(doc), nh = ps_doc_heading_count(doc), nb = ps_doc_budget_count(doc);
    psi_store_doc sd = { info, n ? ps_doc_passage(doc, 0) : NULL, n, nh ? ps_doc_heading(doc, 0) : NULL,
                         nh, nb ? ps_doc_budget_row(doc, 0) : NULL, nb };
    /* the same path indexed with other contents goes in the same transaction */
    ps_docinfo old;
    ps_status st = psi_store_find(ix->store, info->path, NULL, &old, err);
    if (st != PS_OK)
        return st;
    const char *replaced = old.docid && strcmp(old.docid, info->docid) ? old.docid : NULL;
    st = psi_store_replace(ix->store, &sd, replaced, err);
    if (st == PS_OK && replaced)
        st = psi_twins_left(ix, replaced, err);
    psi_docinfo_release(&old);
    return st;
}

/* A deep copy of a docinfo, through its record. */
static void
copy_info(const ps_docinfo *from, ps_docinfo *to)
{
    psi_buf b = PSI_BUF_INIT;
    ps_error e = PS_ERROR_INIT;
    memset(to, 0, sizeof *to);
    if (psi_record_put(&b, psi_docinfo_fields, from, &e) != PS_OK ||
        psi_record_take(b.s, b.len, psi_docinfo_fields, to, &e) != PS_OK) {
        /* a docinfo that does not read back is refused when written too */
        psi_docinfo_release(to);
        memset(to, 0, sizeof *to);
    }
    psi_buf_release(&b);
}

ps_status
ps_index_add_doc(ps_index *ix, const ps_doc *doc, ps_error *err)
{
    if (!ix->writable)
        return psi_fail(err, PS_ERR_USAGE, "index is open read-only");
    ps_docinfo info;
    copy_info(ps_doc_info(doc), &info);
    if (!info.docid)
        return psi_fail(err, PS_ERR_INTERNAL, "a document's fields do not read back");
    /* the corrections an analyst made to this content before */
    psi_fixrec fix;
    ps_status st = psi_store_get_fix(ix->store, info.docid, &fix, err);
    if (st == PS_OK && !psi_fixrec_empty(&fix))
        psi_fix_apply(&fix, &info);
    psi_fixrec_release(&fix);
    /* another rendering of a document already indexed is counted once */
    char *old_head = NULL;
    if (st == PS_OK)
        st = psi_twins_join(ix, &info, &old_head, err);
    if (st == PS_OK)
        st = add_info(ix, doc, &info, err);
    /* stored first: if what follows fails, the group counts twice, not never */
    if (st == PS_OK && old_head)
        st = psi_twins_regroup(ix, old_head, info.docid, err);
    /* the document and what it changed in others go to disk together, in
     * its batch: a kill between them once left a twin group with two heads */
    if (st == PS_OK)
        st = psi_store_commit_batch(ix->store, err);
    free(old_head);
    psi_docinfo_release(&info);
    return st;
}


/* Whether the file of sb is as the record d saw it: the same size and
 * modification time, to the nanosecond (an edit within the second that
 * keeps the size is seen; a record without nanoseconds never matches). */
static bool
as_recorded(const ps_docinfo *d, const struct stat *sb)
{
    return d->size == (long long)sb->st_size && d->mtime == (long long)sb->st_mtim.tv_sec &&
           d->mtime_ns == (int)sb->st_mtim.tv_nsec;
}

/* Whether the file at d's path still holds d's contents: as recorded, or
 * else with the same hash. A file that is gone, cannot be read or was
 * edited does not: its contents are then nowhere else in the index. */
static bool
still_holds(const ps_docinfo *d)
{
    struct stat sb;
    if (stat(d->path, &sb) != 0)
        return false;
    if (as_recorded(d, &sb))
        return true;
    char hash[17];
    ps_error ignored = PS_ERROR_INIT;
    return psi_file_hash(d->path, hash, &ignored) == PS_OK && !strcmp(hash, d->docid);
}

/* Whether d was read as reader would read it (any reader will do when
 * reader is NULL). What a later version of ingest read is left as it is:
 * an older plansok does not undo its work. */
static bool
read_alike(const ps_docinfo *d, const char *reader)
{
    if (!reader)
        return true;
    psi_read_diff diff = psi_reader_diff(d->reader, reader);
    return diff == PSI_READ_ALIKE || diff == PSI_READ_NEWER;
}

ps_status
ps_index_check_file(ps_index *ix, const char *path, const char *reader, ps_file_state *state, char **other,
                    ps_error *err)
{
    *state = PS_FILE_NEW;
    *other = NULL;
    char abs[PATH_MAX];
    if (!realpath(path, abs))
        return psi_fail(err, PS_ERR_IO, "cannot resolve path: %s", strerror(errno));
    struct stat sb;
    ps_status st = psi_stat_regular(abs, &sb, err);
    if (st != PS_OK)
        return st;
    ps_docinfo by_path, by_hash;
    st = psi_store_find(ix->store, abs, NULL, &by_path, err);
    if (st != PS_OK)
        return st;
    /* same path, size and mtime: unchanged without reading the file */
    if (by_path.docid && as_recorded(&by_path, &sb)) {
        *state = read_alike(&by_path, reader) ? PS_FILE_UNCHANGED : PS_FILE_STALE;
        psi_docinfo_release(&by_path);
        return PS_OK;
    }
    char hash[17];
    st = psi_file_hash(abs, hash, err);
    if (st == PS_OK)
        st = psi_store_find(ix->store, NULL, hash, &by_hash, err);
    if (st != PS_OK) {
        psi_docinfo_release(&by_path);
        return st;
    }
    if (by_hash.docid && !strcmp(by_hash.path, abs)) {
        /* touched: record the new mtime */
        *state = read_alike(&by_hash, reader) ? PS_FILE_UNCHANGED : PS_FILE_STALE;
        if (ix->writable && *state == PS_FILE_UNCHANGED)
            st = psi_store_touch(ix->store, hash, abs, &sb, err);
    } else if (by_path.docid) {
        /* this path indexed with other contents: its old document goes,
         * also when the new contents are indexed from another path (the
         * document then names this one) */
        *state = PS_FILE_CHANGED;
    } else if (by_hash.docid) {
        /* indexed from another path: a copy while that file still holds
         * them, else they moved here (that file was edited, perhaps in
         * this very run, or is gone) */
        *state = still_holds(&by_hash) ? PS_FILE_DUPLICATE : PS_FILE_MOVED;
        *other = psi_strdup(by_hash.path);
    }
    psi_docinfo_release(&by_path);
    psi_docinfo_release(&by_hash);
    return st;
}

/* Whether path is under one of the directories keep. */
static bool
kept(const char *path, const char *const *keep, size_t nkeep)
{
    for (size_t k = 0; k < nkeep; k++) {
        size_t n = strlen(keep[k]);
        while (n > 1 && keep[k][n - 1] == '/')
            n--;
        if (!strncmp(path, keep[k], n) && (path[n] == '/' || (n == 1 && keep[k][0] == '/')))
            return true;
    }
    return false;
}

ps_status
ps_index_prune(ps_index *ix, const char *const *keep, size_t nkeep, size_t *removed, ps_error *err)
{
    *removed = 0;
    ps_doclist *l;
    ps_status st = psi_store_docs(ix->store, &l, err);
    for (size_t i = 0; st == PS_OK && i < l->n; i++) {
        struct stat sb;
        const char *path = l->docs[i].path;
        if (stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR) || kept(path, keep, nkeep))
            continue;
        st = psi_store_remove(ix->store, l->docs[i].docid, err);
        if (st == PS_OK)
            st = psi_twins_left(ix, l->docs[i].docid, err);
        if (st == PS_OK)
            (*removed)++;
    }
    ps_doclist_free(l);
    return st;
}

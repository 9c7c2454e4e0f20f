/* query.c: the public index and query API over the store shim. It owns
 * ps_index, normalises filter values typed by analysts (lan:jönköping,
 * kind:arsredovisning), runs searches, counts the län x year matrix and
 * lists documents. No Xapian here: that is index/xapian.cc's. */
#include "plansok-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Synonym forms, lower-cased, each with its group. */
typedef struct synonym {
    char *form;    /* lower case, as matched */
    char *shown;   /* as written in the file, as put in the query */
    int group;
} synonym;

struct ps_index {
    psi_store *store;
    bool writable;
    bool plain;
    synonym *syn;
    size_t nsyn;
    int ngroups;
};

extern const char psi_default_synonyms[];

/* Parses "form = form = ..." lines; returns the number of groups added. */
static int
parse_synonyms(ps_index *ix, const char *text)
{
    int added = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = psi_strndup(p, len);
        p += len + (nl ? 1 : 0);
        char *c = line;
        while (*c == ' ' || *c == '\t')
            c++;
        if (*c && *c != '#' && strstr(c, " = ")) {
            int g = ix->ngroups++;
            added++;
            for (char *f = c; f;) {
                char *eq = strstr(f, " = ");
                if (eq)
                    *eq = '\0';
                while (*f == ' ')
                    f++;
                size_t fl = strlen(f);
                while (fl && (f[fl - 1] == ' ' || f[fl - 1] == '\r'))
                    f[--fl] = '\0';
                if (fl) {
                    psi_buf low = PSI_BUF_INIT;
                    psi_lower_append(&low, f, fl);
                    ix->syn = psi_realloc(ix->syn, (ix->nsyn + 1) * sizeof *ix->syn);
                    ix->syn[ix->nsyn++] = (synonym){ psi_buf_detach(&low), psi_strdup(f), g };
                }
                f = eq ? eq + 3 : NULL;
            }
        }
        free(line);
    }
    return added;
}

ps_status
ps_index_add_synonyms(ps_index *ix, const char *path, ps_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return psi_fail(err, PS_ERR_IO, "cannot read synonyms file '%s'", path);
    psi_buf b = PSI_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        psi_buf_add(&b, chunk, n);
    fclose(f);
    if (!psi_utf8_valid(psi_buf_str(&b), b.len)) {
        psi_buf_release(&b);
        return psi_fail(err, PS_ERR_USAGE, "synonyms file '%s' is not UTF-8", path);
    }
    parse_synonyms(ix, psi_buf_str(&b));
    psi_buf_release(&b);
    return PS_OK;
}

static bool
is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* "(ESF OR \"Europeiska socialfonden\" OR ...)" */
static void
add_group(const ps_index *ix, int group, psi_buf *out)
{
    psi_buf_addc(out, '(');
    bool first = true;
    for (size_t k = 0; k < ix->nsyn; k++) {
        if (ix->syn[k].group != group)
            continue;
        if (!first)
            psi_buf_adds(out, " OR ");
        first = false;
        bool multi = strchr(ix->syn[k].shown, ' ') != NULL;
        psi_buf_addf(out, multi ? "\"%s\"" : "%s", ix->syn[k].shown);
    }
    psi_buf_addc(out, ')');
}

/* The query as Xapian should see it: a synonym also brings its other
 * forms ("ESF" -> "(ESF OR \"Europeiska socialfonden\" OR ...)"), and a
 * hyphenated word its joined form ("e-hälsa" -> "(e-hälsa OR ehälsa)").
 * Quoted phrases and field:value filters are left alone. */
static char *
rewrite_query(const ps_index *ix, const char *q)
{
    psi_buf low = PSI_BUF_INIT, out = PSI_BUF_INIT;
    size_t n = strlen(q);
    psi_lower_append(&low, q, n);
    const char *l = psi_buf_str(&low);
    if (low.len != n) { /* lower-casing changed lengths: match nothing */
        psi_buf_release(&low);
        return psi_strdup(q);
    }
    bool quoted = false;
    for (size_t i = 0; i < n;) {
        if (q[i] == '"' && !quoted) {
            /* a quoted phrase that is a synonym form brings its group */
            const char *close = strchr(q + i + 1, '"');
            int group = -1;
            if (close) {
                size_t len = (size_t)(close - q) - i - 1;
                for (size_t k = 0; k < ix->nsyn && group < 0; k++)
                    if (strlen(ix->syn[k].form) == len && !strncmp(l + i + 1, ix->syn[k].form, len))
                        group = ix->syn[k].group;
            }
            if (group >= 0) {
                add_group(ix, group, &out);
                i = (size_t)(close - q) + 1;
                continue;
            }
        }
        if (q[i] == '"') {
            quoted = !quoted;
            psi_buf_addc(&out, q[i++]);
            continue;
        }
        bool start = is_word_byte((unsigned char)q[i]) && (i == 0 || q[i - 1] == ' ' || q[i - 1] == '(');
        if (quoted || !start) {
            psi_buf_addc(&out, q[i++]);
            continue;
        }
        /* the longest synonym form that starts here */
        size_t best = 0;
        int group = -1;
        for (size_t k = 0; k < ix->nsyn; k++) {
            size_t fl = strlen(ix->syn[k].form);
            if (fl > best && fl <= n - i && !strncmp(l + i, ix->syn[k].form, fl) &&
                (i + fl == n || !is_word_byte((unsigned char)q[i + fl])) && q[i + fl] != ':') {
                best = fl;
                group = ix->syn[k].group;
            }
        }
        if (group >= 0) {
            add_group(ix, group, &out);
            i += best;
            continue;
        }
        size_t j = i;
        while (j < n && q[j] != ' ' && q[j] != '(' && q[j] != ')' && q[j] != '"')
            j++;
        bool field = memchr(q + i, ':', j - i) != NULL;
        bool hyphen = false;
        for (size_t k = i + 1; k + 1 < j && !field; k++)
            hyphen |= q[k] == '-' && is_word_byte((unsigned char)q[k - 1]) && is_word_byte((unsigned char)q[k + 1]);
        if (hyphen) {
            psi_buf_addc(&out, '(');
            psi_buf_add(&out, q + i, j - i);
            psi_buf_adds(&out, " OR ");
            for (size_t k = i; k < j; k++)
                if (q[k] != '-')
                    psi_buf_addc(&out, q[k]);
            psi_buf_addc(&out, ')');
        } else {
            psi_buf_add(&out, q + i, j - i);
        }
        i = j;
    }
    psi_buf_release(&low);
    return psi_buf_detach(&out);
}

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
        parse_synonyms(ix, psi_default_synonyms);
    *out = ix;
    return PS_OK;
}

void
ps_index_close(ps_index *ix)
{
    if (!ix)
        return;
    psi_store_close(ix->store);
    for (size_t i = 0; i < ix->nsyn; i++) {
        free(ix->syn[i].form);
        free(ix->syn[i].shown);
    }
    free(ix->syn);
    free(ix);
}

void
ps_index_set_batch(ps_index *ix, int documents)
{
    psi_store_set_batch(ix->store, documents);
}

ps_status
ps_index_add_doc(ps_index *ix, const ps_doc *doc, ps_error *err)
{
    if (!ix->writable)
        return psi_fail(err, PS_ERR_USAGE, "index is open read-only");
    size_t n = ps_doc_passage_count(doc), nh = ps_doc_heading_count(doc), nb = ps_doc_budget_count(doc);
    psi_store_doc sd = { ps_doc_info(doc), n ? ps_doc_passage(doc, 0) : NULL, n, nh ? ps_doc_heading(doc, 0) : NULL,
                         nh, nb ? ps_doc_budget_row(doc, 0) : NULL, nb };
    /* the same path indexed with other contents goes in the same transaction */
    psi_store_rec old;
    ps_status st = psi_store_find(ix->store, ps_doc_info(doc)->path, NULL, &old, err);
    if (st != PS_OK)
        return st;
    const char *replaced = old.docid && strcmp(old.docid, ps_doc_info(doc)->docid) ? old.docid : NULL;
    st = psi_store_replace(ix->store, &sd, replaced, err);
    psi_store_rec_release(&old);
    return st;
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

/* Term suffix for a filter value typed in a query, or NULL if unknown. */
static char *
filter_value(const char *field, const char *value)
{
    if (strcmp(field, "län") == 0) {
        int lan = ps_lan_parse(value);
        return lan >= 0 ? psi_strdup(ps_lan_slug(lan)) : NULL;
    }
    if (strcmp(field, "kind") == 0) {
        int k = ps_kind_parse(value);
        if (k < 0)
            return NULL;
        char *f = psi_fold_ascii(ps_kind_name((ps_kind)k));
        return f;
    }
    if (strcmp(field, "section") == 0) {
        int k = ps_section_parse(value);
        return k >= 0 ? psi_strdup(ps_section_name((ps_section)k)) : NULL;
    }
    if (strcmp(field, "org") == 0) {
        char *f = psi_fold_ascii(value);
        char *w = f;
        for (char *r = f; *r; r++)
            if (*r != ' ')
                *w++ = *r;
        *w = '\0';
        return f;
    }
    return NULL;
}

/* The store's query for what was typed, with the options' filters;
 * returns the rewritten text, which the caller frees. */
static char *
store_query(const ps_index *ix, const char *query, const ps_query_opts *o, psi_store_query *q)
{
    ps_query_opts def = PS_QUERY_OPTS_INIT;
    if (!o)
        o = &def;
    char *text = ix->plain ? psi_strdup(query ? query : "") : rewrite_query(ix, query ? query : "");
    *q = (psi_store_query){ text, filter_value, o->lan, o->year_from, o->year_to, o->kind, o->section };
    return text;
}

static ps_status
run(ps_index *ix, const char *query, const ps_query_opts *o, size_t limit, bool want_text, ps_hits **out,
    ps_error *err)
{
    psi_store_query q;
    char *text = store_query(ix, query, o, &q);
    ps_status st = psi_store_search(ix->store, &q, limit, want_text, out, err);
    if (st == PS_OK) { /* report the query as typed */
        free((*out)->query);
        (*out)->query = psi_strdup(query ? query : "");
    }
    free(text);
    return st;
}

ps_status
ps_search(ps_index *ix, const char *query, const ps_query_opts *o, ps_hits **out, ps_error *err)
{
    size_t limit = o && o->limit ? o->limit : 20;
    return run(ix, query, o, limit, true, out, err);
}

void
ps_hits_free(ps_hits *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++) {
        ps_hit *x = &h->hits[i];
        free(x->docid);
        free(x->file);
        free(x->org);
        free(x->heading);
        free(x->snippet);
        free(x->marks);
        free(x->text);
    }
    free(h->hits);
    free(h->query);
    free(h->suggestion);
    free(h);
}

static int
cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int
index_of(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x)
            return i;
    return -1;
}

ps_status
ps_matrix_run(ps_index *ix, const char *query, const ps_query_opts *o, ps_matrix **out, ps_error *err)
{
    *out = NULL;
    psi_store_query q;
    char *text = store_query(ix, query, o, &q);
    psi_doc_count *dc;
    size_t n;
    ps_status s = psi_store_count(ix->store, &q, &dc, &n, err);
    free(text);
    if (s != PS_OK)
        return s;
    ps_matrix *m = psi_calloc(1, sizeof *m);
    m->query = psi_strdup(query ? query : "");
    m->lans = psi_malloc((PS_LAN_COUNT + 1) * sizeof *m->lans);
    m->years = psi_malloc((n + 1) * sizeof *m->years);
    for (size_t i = 0; i < n; i++) {
        if (dc[i].lan < 0 || dc[i].lan >= PS_LAN_COUNT)
            dc[i].lan = -1;
        if (index_of(m->lans, m->nlan, dc[i].lan) < 0)
            m->lans[m->nlan++] = dc[i].lan;
        if (index_of(m->years, m->nyear, dc[i].year) < 0)
            m->years[m->nyear++] = dc[i].year;
    }
    qsort(m->lans, (size_t)m->nlan, sizeof *m->lans, cmp_int);
    qsort(m->years, (size_t)m->nyear, sizeof *m->years, cmp_int);
    /* unknown län (-1) sorts first; show it last */
    if (m->nlan > 1 && m->lans[0] == -1) {
        memmove(m->lans, m->lans + 1, (size_t)(m->nlan - 1) * sizeof *m->lans);
        m->lans[m->nlan - 1] = -1;
    }
    size_t cells = (size_t)(m->nlan * m->nyear);
    m->passages = psi_calloc(cells ? cells : 1, sizeof *m->passages);
    m->docs = psi_calloc(cells ? cells : 1, sizeof *m->docs);
    m->lan_passages = psi_calloc((size_t)m->nlan + 1, sizeof *m->lan_passages);
    m->lan_docs = psi_calloc((size_t)m->nlan + 1, sizeof *m->lan_docs);
    m->year_passages = psi_calloc((size_t)m->nyear + 1, sizeof *m->year_passages);
    m->year_docs = psi_calloc((size_t)m->nyear + 1, sizeof *m->year_docs);
    for (size_t i = 0; i < n; i++) {
        int l = index_of(m->lans, m->nlan, dc[i].lan), y = index_of(m->years, m->nyear, dc[i].year);
        int cell = l * m->nyear + y;
        m->passages[cell] += dc[i].passages;
        m->docs[cell]++;
        m->lan_passages[l] += dc[i].passages;
        m->lan_docs[l]++;
        m->year_passages[y] += dc[i].passages;
        m->year_docs[y]++;
        m->total_passages += dc[i].passages;
        m->total_docs++;
    }
    free(dc);
    *out = m;
    return PS_OK;
}

void
ps_matrix_free(ps_matrix *m)
{
    if (!m)
        return;
    free(m->query);
    free(m->lans);
    free(m->years);
    free(m->passages);
    free(m->docs);
    free(m->lan_passages);
    free(m->lan_docs);
    free(m->year_passages);
    free(m->year_docs);
    free(m);
}

static int
cmp_doc(const void *a, const void *b)
{
    const ps_docinfo *x = a, *y = b;
    int lx = x->lan < 0 ? 99 : x->lan, ly = y->lan < 0 ? 99 : y->lan;
    if (lx != ly)
        return lx - ly;
    if (x->year != y->year)
        return x->year - y->year;
    return strcmp(x->file, y->file);
}

ps_status
ps_docs_list(ps_index *ix, ps_doclist **out, ps_error *err)
{
    ps_status s = psi_store_docs(ix->store, out, err);
    if (s == PS_OK)
        qsort((*out)->docs, (*out)->n, sizeof *(*out)->docs, cmp_doc);
    return s;
}

void
ps_doclist_free(ps_doclist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->docs[i].docid);
        free(l->docs[i].path);
        free(l->docs[i].file);
        free(l->docs[i].title);
        free(l->docs[i].org);
    }
    free(l->docs);
    free(l);
}

static void
docinfo_copy(ps_docinfo *to, const ps_docinfo *from)
{
    *to = *from;
    to->docid = psi_strdup(from->docid);
    to->path = psi_strdup(from->path);
    to->file = psi_strdup(from->file);
    to->title = psi_strdup(from->title);
    to->org = psi_strdup(from->org);
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
            const char *last = strrchr(p->heading, '>');
            last = last ? last + 2 : p->heading;
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
    ps_doclist *l;
    ps_status st = ps_docs_list(ix, &l, err);
    if (st != PS_OK)
        return st;
    /* exact docid, path or file name first, then a unique substring */
    const ps_docinfo *found = NULL;
    size_t nsub = 0;
    const ps_docinfo *sub = NULL;
    for (size_t i = 0; i < l->n && !found; i++) {
        const ps_docinfo *d = &l->docs[i];
        if (!strcmp(d->docid, which) || !strcmp(d->path, which) || !strcmp(d->file, which))
            found = d;
        else if (strstr(d->file, which)) {
            nsub++;
            sub = d;
        }
    }
    if (!found && nsub == 1)
        found = sub;
    if (!found) {
        st = psi_fail(err, PS_ERR_USAGE,
                      nsub ? "'%s' matches %zu documents; give more of the file name" :
                             "no indexed document matches '%s'; see 'plansok docs'",
                      which, nsub);
        ps_doclist_free(l);
        return st;
    }
    ps_outline *o = psi_calloc(1, sizeof *o);
    docinfo_copy(&o->info, found);
    ps_doclist_free(l);
    char *text = NULL;
    st = psi_store_doc_detail(ix->store, o->info.docid, &text, with_passages ? &o->passages : NULL, err);
    if (st != PS_OK) {
        ps_outline_free(o);
        return st;
    }
    size_t cap = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        int level, page;
        char sec[32];
        int used = 0;
        if (sscanf(line, "%d\t%d\t%31[^\t]\t%n", &level, &page, sec, &used) == 3 && used > 0) {
            if (o->nheadings == cap) {
                cap = cap ? cap * 2 : 32;
                o->headings = psi_realloc(o->headings, cap * sizeof *o->headings);
            }
            int k = ps_section_parse(sec);
            o->headings[o->nheadings++] = (ps_heading){ level, page, k < 0 ? PS_SECTION_OTHER : (ps_section)k,
                                                        psi_strdup(line + used) };
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    free(text);
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
    free(o->info.docid);
    free(o->info.path);
    free(o->info.file);
    free(o->info.title);
    free(o->info.org);
    for (size_t i = 0; i < o->nheadings; i++)
        free(o->headings[i].text);
    free(o->headings);
    ps_hits_free(o->passages);
    free(o->under);
    free(o);
}

ps_status
ps_budget_list(ps_index *ix, const ps_query_opts *o, ps_budget **out, ps_error *err)
{
    ps_query_opts def = PS_QUERY_OPTS_INIT;
    if (!o)
        o = &def;
    psi_store_query q = { "", filter_value, o->lan, o->year_from, o->year_to, o->kind, -1 };
    return psi_store_budget(ix->store, &q, out, err);
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

ps_status
ps_goals_compare(ps_index *ix, int lan, const int *years, int nyears, const char *query, ps_goals **out,
                 ps_error *err)
{
    *out = NULL;
    if (lan < 0 || lan >= PS_LAN_COUNT)
        return psi_fail(err, PS_ERR_USAGE, "goals need a län");
    return psi_goals_collect(ix->store, filter_value, lan, years, nyears, query, out, err);
}

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
    int lx = x->lan < 0 ? 99 : x->lan, ly = y->lan < 0 ? 99 : y->lan;
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
    ps_status st = run(ix, query, o, 0, false, &all, err);
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
        q.lan = c->cells[k].lan;
        q.year_from = q.year_to = c->cells[k].year;
        ps_hits *top;
        if (c->cells[k].lan < 0 || c->cells[k].year <= 0)
            continue; /* unknown län or year: no filter can select it alone */
        st = run(ix, query, &q, 1, true, &top, err);
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
        if (lan < 0 || (c->nrows && c->rows[c->nrows - 1].lan == lan))
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

ps_status
ps_index_check_file(ps_index *ix, const char *path, ps_file_state *state, char **other, ps_error *err)
{
    *state = PS_FILE_NEW;
    *other = NULL;
    char abs[PATH_MAX];
    if (!realpath(path, abs))
        return psi_fail(err, PS_ERR_IO, "cannot resolve path: %s", strerror(errno));
    struct stat sb;
    if (stat(abs, &sb) < 0)
        return psi_fail(err, PS_ERR_IO, "cannot stat: %s", strerror(errno));
    psi_store_rec by_path, by_hash;
    ps_status st = psi_store_find(ix->store, abs, NULL, &by_path, err);
    if (st != PS_OK)
        return st;
    /* same path, size and mtime: unchanged without reading the file */
    if (by_path.docid && by_path.size == (long long)sb.st_size && by_path.mtime == (long long)sb.st_mtime) {
        *state = PS_FILE_UNCHANGED;
        psi_store_rec_release(&by_path);
        return PS_OK;
    }
    char hash[17];
    st = psi_file_hash(abs, hash, err);
    if (st == PS_OK)
        st = psi_store_find(ix->store, NULL, hash, &by_hash, err);
    if (st != PS_OK) {
        psi_store_rec_release(&by_path);
        return st;
    }
    if (by_hash.docid) {
        struct stat ob;
        if (!strcmp(by_hash.path, abs)) {
            *state = PS_FILE_UNCHANGED; /* touched: record the new mtime */
            if (ix->writable)
                st = psi_store_touch(ix->store, hash, abs, (long long)sb.st_size, (long long)sb.st_mtime, err);
        } else if (stat(by_hash.path, &ob) == 0) {
            *state = PS_FILE_DUPLICATE;
            *other = psi_strdup(by_hash.path);
        } else {
            *state = PS_FILE_MOVED;
            *other = psi_strdup(by_hash.path);
        }
    } else {
        *state = by_path.docid ? PS_FILE_CHANGED : PS_FILE_NEW;
    }
    psi_store_rec_release(&by_path);
    psi_store_rec_release(&by_hash);
    return st;
}

ps_status
ps_index_prune(ps_index *ix, size_t *removed, ps_error *err)
{
    *removed = 0;
    ps_doclist *l;
    ps_status st = psi_store_docs(ix->store, &l, err);
    for (size_t i = 0; st == PS_OK && i < l->n; i++) {
        struct stat sb;
        if (stat(l->docs[i].path, &sb) == 0)
            continue;
        st = psi_store_remove(ix->store, l->docs[i].docid, err);
        if (st == PS_OK)
            (*removed)++;
    }
    if (l)
        ps_doclist_free(l);
    return st;
}

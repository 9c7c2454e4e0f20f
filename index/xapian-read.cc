/* xapian-read.cc: answers from the store: ranked passages with snippets
 * and marks, matches counted per document (a match spy), the document
 * records, one document's outline and passages, budget rows, and the
 * record of a file by path or contents. Stored records are read through
 * the field tables (core/record-fields.c, psi_doc_record_fields); one that
 * does not read is reported as a corrupt index, never taken as zeros. */
#include "index/xapian.h"

#include <algorithm>
#include <cstring>

void
take_record(const std::string &data, const psi_field *fields, void *obj)
{
    ps_error e = PS_ERROR_INIT;
    if (psi_record_take(data.data(), data.size(), fields, obj, &e) != PS_OK)
        throw Xapian::DatabaseCorruptError("a stored record does not read: " + std::string(e.msg));
}

/* Appends an empty hit to res (whose array has room) and returns it. */
static ps_hit *
next_hit(ps_hits *res)
{
    ps_hit *h = &res->hits[res->n++];
    memset(h, 0, sizeof *h);
    return h;
}

/* Xapian's snippets are HTML, with &, <, > (and in later versions quotes)
 * escaped; a hit's snippet is text, escaped by whoever prints it. Adds the
 * character of the entity at s[i] to b; returns the bytes it took. */
static size_t
unescape_entity(const std::string &s, size_t i, psi_buf *b)
{
    static const struct {
        const char *entity;
        char c;
    } entities[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
                     { "&#34;", '"' }, { "&#39;", '\'' }, { "&#x27;", '\'' } };
    for (const auto &e : entities)
        if (s.compare(i, strlen(e.entity), e.entity) == 0) {
            psi_buf_addc(b, e.c);
            return strlen(e.entity);
        }
    psi_buf_addc(b, '&');
    return 1;
}

/* Moves Xapian's highlight markers out of the snippet into marks. */
static void
set_snippet(ps_hit *h, const std::string &s)
{
    psi_buf b = PSI_BUF_INIT;
    size_t cap = 0;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\x01') {
            if (h->nmarks == cap) {
                cap = cap ? cap * 2 : 8;
                h->marks = (ps_mark *)psi_realloc(h->marks, cap * sizeof *h->marks);
            }
            h->marks[h->nmarks++] = ps_mark{ b.len, b.len };
        } else if (s[i] == '\x02') {
            if (h->nmarks)
                h->marks[h->nmarks - 1].end = b.len;
        } else if (s[i] == '&') {
            i += unescape_entity(s, i, &b) - 1;
        } else {
            psi_buf_addc(&b, s[i]);
        }
    }
    h->snippet = psi_buf_detach(&b);
}

/* Marks whole words of the snippet that contain a query stem (a compound
 * found through its part: "vuxenutbildningsregion" for "vuxenutbildning"). */
static void
mark_compounds(ps_hit *h, const std::vector<std::string> &stems)
{
    const char *s = h->snippet;
    size_t n = strlen(s);
    std::vector<ps_mark> add;
    auto letter_or_hyphen = [](uint32_t cp) { return psi_cp_is_letter(cp) || cp == '-'; };
    for (size_t i = 0, b; psi_utf8_run(s, n, &i, &b, psi_cp_is_letter, letter_or_hyphen);) {
        bool marked = false;
        for (size_t k = 0; k < h->nmarks && !marked; k++)
            marked = h->marks[k].start < i && h->marks[k].end > b;
        if (marked)
            continue;
        buf_guard low;
        psi_lower_append(&low.b, s + b, i - b);
        std::unique_ptr<char, void (*)(void *)> folded(psi_fold_ascii(psi_buf_str(&low.b)), free);
        const std::string fp = psi_terms[PSI_TERM_FOLDED].prefix;
        for (const std::string &st : stems) {
            /* folded stems keep their prefix: compare with the folded word */
            bool f = st.compare(0, fp.size(), fp) == 0;
            const char *needle = f ? st.c_str() + fp.size() : st.c_str();
            if (strlen(needle) >= 5 && strstr(f ? folded.get() : psi_buf_str(&low.b), needle)) {
                add.push_back(ps_mark{ b, i });
                break;
            }
        }
    }
    if (add.empty())
        return;
    std::vector<ps_mark> all(h->marks, h->marks + h->nmarks);
    all.insert(all.end(), add.begin(), add.end());
    std::sort(all.begin(), all.end(), [](const ps_mark &a, const ps_mark &b) { return a.start < b.start; });
    h->marks = (ps_mark *)psi_realloc(h->marks, all.size() * sizeof *h->marks);
    memcpy(h->marks, all.data(), all.size() * sizeof *h->marks);
    h->nmarks = all.size();
}

extern "C" ps_status
psi_store_search(psi_store *st, const psi_store_query *q, size_t limit, bool want_text, ps_hits **out,
                 ps_error *err)
{
    *out = nullptr;
    try {
        return reading(st, [&] {
            c_owned<ps_hits, ps_hits_free> res;
            Xapian::Enquire enq(*st->db);
            Xapian::Query query = build_query(*st->db, q, st->plain, nullptr);
            const std::string part = psi_terms[PSI_TERM_PART].prefix, folded = psi_terms[PSI_TERM_FOLDED].prefix,
                              stem_prefix = psi_terms[PSI_TERM_STEM].prefix;
            enq.set_query(query);
            std::vector<std::string> stems; /* for marking compounds in snippets */
            if (!st->plain)
                for (Xapian::TermIterator t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
                    const std::string &term = *t;
                    if (term.compare(0, part.size(), part) == 0)
                        stems.push_back(term.substr(part.size()));
                    else if (term.compare(0, folded.size(), folded) == 0)
                        stems.push_back(term); /* kept with its prefix: folded */
                    else if (term.compare(0, stem_prefix.size(), stem_prefix) == 0)
                        stems.push_back(term.substr(stem_prefix.size()));
                }
            /* equal weights rank by document, then as the document reads:
             * the same order whether the index is one database or shards */
            enq.set_sort_by_relevance_then_value(PSI_SLOT_DOCID, false);
            Xapian::doccount max = limit ? (Xapian::doccount)limit : st->db->get_doccount();
            /* totals up to COUNT_EXACT are counted, above it estimated */
            Xapian::MSet ms = enq.get_mset(0, max, limit ? std::max(max, COUNT_EXACT) : max);
            res.p = (ps_hits *)psi_calloc(1, sizeof *res.p);
            res->query = psi_strdup(q->text);
            std::string suggestion;
            if (ms.empty() && !st->plain) /* parsed again, for "did you mean" */
                build_query(*st->db, q, st->plain, &suggestion);
            res->suggestion = psi_strdup(suggestion.c_str());
            res->total = limit ? ms.get_matches_estimated() : ms.size();
            res->hits = (ps_hit *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->hits);
            Xapian::Stem stem("swedish");
            for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
                ps_hit *h = next_hit(res.p);
                h->score = it.get_percent();
                take_record(it.get_document().get_data(), want_text ? psi_hit_fields : psi_hit_brief_fields, h);
                if (!want_text)
                    continue;
                std::string body = std::string(h->text);
                if (body.empty())
                    body = h->heading;
                set_snippet(h, ms.snippet(body, 320, stem,
                                          Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                          "\x01", "\x02", "…"));
                if (!stems.empty())
                    mark_compounds(h, stems);
            }
            *out = res.release();
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_count(psi_store *st, const psi_store_query *q, psi_doc_count **out, size_t *n, ps_error *err)
{
    *out = nullptr;
    *n = 0;
    try {
        return reading(st, [&] {
            Xapian::Enquire enq(*st->db);
            enq.set_query(build_query(*st->db, q, st->plain, nullptr));
            enq.set_weighting_scheme(Xapian::BoolWeight());
            /* a spy sees every match and reads one value of each: no passage
             * text, no ranking; Xapian's own spy, so remote shards count too */
            Xapian::ValueCountMatchSpy spy(PSI_SLOT_DOCID);
            enq.add_matchspy(&spy);
            enq.get_mset(0, 0, st->db->get_doccount());
            std::vector<psi_doc_count> res;
            for (Xapian::TermIterator t = spy.values_begin(); t != spy.values_end(); ++t) {
                psi_doc_count c = { -1, 0, (unsigned)t.get_termfreq() };
                /* the document's record carries its län and year */
                std::string id = term(PSI_TERM_ID, *t);
                Xapian::PostingIterator p = st->db->postlist_begin(id);
                if (p != st->db->postlist_end(id)) {
                    Xapian::Document d = st->db->get_document(*p, Xapian::DOC_ASSUME_VALID);
                    std::string lan = d.get_value(PSI_SLOT_LAN), year = d.get_value(PSI_SLOT_YEAR);
                    c.lan = lan.empty() ? -1 : ps_lan_parse(lan.c_str());
                    c.year = year.empty() ? 0 : (int)Xapian::sortable_unserialise(year);
                }
                res.push_back(c);
            }
            *out = (psi_doc_count *)psi_calloc(res.size() ? res.size() : 1, sizeof **out);
            if (!res.empty())
                memcpy(*out, res.data(), res.size() * sizeof **out);
            *n = res.size();
            return PS_OK;
        });
    } catch (...) {
        free(*out);
        *out = nullptr;
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_docs(psi_store *st, ps_doclist **out, ps_error *err)
{
    *out = nullptr;
    try {
        return reading(st, [&] {
            c_owned<ps_doclist, ps_doclist_free> l;
            Xapian::Enquire enq(*st->db);
            enq.set_query(Xapian::Query(type_term(PSI_DOCTYPE_DOC)));
            Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
            l.p = (ps_doclist *)psi_calloc(1, sizeof *l.p);
            l->docs = (ps_docinfo *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *l->docs);
            for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
                take_record(it.get_document().get_data(), psi_docinfo_fields, &l->docs[l->n]);
                l->n++;
            }
            *out = l.release();
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

/* The PDF record of a docid, or an empty document when there is none. */
static bool
doc_record(psi_store *st, const char *docid, Xapian::Document *d)
{
    std::string id = term(PSI_TERM_ID, docid);
    Xapian::PostingIterator it = st->db->postlist_begin(id);
    if (it == st->db->postlist_end(id))
        return false;
    *d = st->db->get_document(*it);
    return true;
}

extern "C" ps_status
psi_store_doc_detail(psi_store *st, const char *docid, ps_outline *o, bool passages, ps_error *err)
{
    try {
        return reading(st, [&] {
            Xapian::Document d;
            /* a try before this one may have filled it */
            psi_record_release(psi_doc_record_fields, o);
            ps_hits_free(o->passages);
            memset(o, 0, sizeof *o);
            if (!doc_record(st, docid, &d))
                return psi_fail(err, PS_ERR_USAGE, "no indexed document with id '%s'", docid);
            take_record(d.get_data(), psi_doc_record_fields, o);
            if (!passages)
                return PS_OK;
            Xapian::Enquire enq(*st->db);
            enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term(PSI_TERM_DOC, docid)),
                                        Xapian::Query(type_term(PSI_DOCTYPE_PASSAGE))));
            enq.set_sort_by_value(PSI_SLOT_ORDER, false);
            Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
            c_owned<ps_hits, ps_hits_free> res((ps_hits *)psi_calloc(1, sizeof(ps_hits)));
            res->query = psi_strdup("");
            res->total = ms.size();
            res->hits = (ps_hit *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->hits);
            for (Xapian::MSetIterator m = ms.begin(); m != ms.end(); ++m) {
                ps_hit *h = next_hit(res.p);
                take_record(m.get_document().get_data(), psi_hit_fields, h);
                h->snippet = psi_strdup("");
            }
            o->passages = res.release();
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_budget(psi_store *st, const psi_store_query *q, ps_budget **out, ps_error *err)
{
    *out = nullptr;
    try {
        return reading(st, [&] {
            c_owned<ps_budget, ps_budget_free> res;
            Xapian::Enquire enq(*st->db);
            enq.set_query(build_query(*st->db, q, st->plain, nullptr, PSI_DOCTYPE_BUDGET));
            enq.set_docid_order(Xapian::Enquire::ASCENDING);
            enq.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
            res.p = (ps_budget *)psi_calloc(1, sizeof *res.p);
            res->rows = (ps_budget_row *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->rows);
            for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it)
                take_record(it.get_document().get_data(), psi_budget_row_fields, &res->rows[res->n++]);
            /* by län, year, file, page and document, then as the table reads:
             * the same whether the documents share a database or not (docid
             * order interleaves shards; one document's rows keep theirs) */
            std::stable_sort(res->rows, res->rows + res->n, [](const ps_budget_row &a, const ps_budget_row &b) {
                int la = psi_lan_order(a.lan), lb = psi_lan_order(b.lan);
                if (la != lb)
                    return la < lb;
                if (a.year != b.year)
                    return a.year < b.year;
                if (int c = strcmp(a.file, b.file))
                    return c < 0;
                if (int c = strcmp(a.docid, b.docid))
                    return c < 0;
                return a.page < b.page;
            });
            *out = res.release();
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_find(psi_store *st, const char *path, const char *docid, ps_docinfo *out, ps_error *err)
{
    memset(out, 0, sizeof *out);
    try {
        return reading(st, [&] {
            psi_docinfo_release(out); /* a try before this one may have filled it */
            memset(out, 0, sizeof *out);
            std::string t = path ? path_term(path) : term(PSI_TERM_ID, docid);
            Xapian::PostingIterator it = st->db->postlist_begin(t);
            if (it != st->db->postlist_end(t))
                take_record(st->db->get_document(*it).get_data(), psi_docinfo_fields, out);
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

std::vector<std::string>
sig_bands(const char *sig)
{
    std::vector<std::string> v;
    if (!sig || strlen(sig) != 16)
        return v;
    for (int b = 0; b < 4; b++)
        v.push_back(term(PSI_TERM_SIG, std::to_string(b) + std::string(sig + 4 * b, 4)));
    return v;
}

static int
sig_distance(const char *a, const char *b)
{
    if (strlen(a) != 16 || strlen(b) != 16)
        return 64;
    unsigned long long x = strtoull(a, NULL, 16) ^ strtoull(b, NULL, 16);
    return __builtin_popcountll(x);
}

extern "C" ps_status
psi_store_find_twin(psi_store *st, const char *sig, const char *docid, char **twin, ps_error *err)
{
    *twin = NULL;
    try {
        std::vector<std::string> bands = sig_bands(sig);
        if (bands.empty() || (st->writable && st->shards.empty()))
            return PS_OK; /* nothing to compare with (a new sharded index) */
        Xapian::Query q(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()),
                        Xapian::Query(type_term(PSI_DOCTYPE_DOC)));
        return reading(st, [&] {
            free(*twin);
            *twin = NULL;
            Xapian::Enquire enq(*st->db);
            enq.set_query(q);
            enq.set_sort_by_value(PSI_SLOT_DOCID, false);
            Xapian::MSet ms = enq.get_mset(0, 1000);
            for (Xapian::MSetIterator it = ms.begin(); it != ms.end() && !*twin; ++it) {
                ps_outline o = {};
                record_guard g(psi_doc_record_fields, &o);
                take_record(it.get_document().get_data(), psi_doc_record_fields, &o);
                if (strcmp(o.info.docid, docid) != 0 && strcmp(o.info.twin_of, docid) != 0 &&
                    sig_distance(o.info.sig, sig) <= PSI_TWIN_BITS)
                    *twin = psi_strdup(*o.info.twin_of ? o.info.twin_of : o.info.docid);
            }
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_twins(psi_store *st, size_t *n, ps_error *err)
{
    *n = 0;
    try {
        if (!st->db || (st->writable && st->shards.empty()))
            return PS_OK;
        return reading(st, [&] {
            Xapian::Enquire enq(*st->db);
            enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(type_term(PSI_DOCTYPE_DOC)),
                                        Xapian::Query(term(PSI_TERM_TWIN, ""))));
            Xapian::MSet ms = enq.get_mset(0, 0, st->db->get_doccount());
            *n = ms.get_matches_estimated();
            return PS_OK;
        });
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_twins_of(psi_store *st, const char *head, char ***out, size_t *n, ps_error *err)
{
    *out = NULL;
    *n = 0;
    try {
        if (!st->db || (st->writable && st->shards.empty()))
            return PS_OK;
        std::vector<std::string> ids;
        std::string t = term(PSI_TERM_TWIN_OF, head);
        reading(st, [&] {
            ids.clear();
            for (Xapian::PostingIterator it = st->db->postlist_begin(t); it != st->db->postlist_end(t); ++it)
                ids.push_back(st->db->get_document(*it).get_value(PSI_SLOT_DOCID));
        });
        std::sort(ids.begin(), ids.end());
        char **v = (char **)psi_calloc(ids.size() + 1, sizeof *v);
        for (size_t i = 0; i < ids.size(); i++)
            v[i] = psi_strdup(ids[i].c_str());
        *out = v;
        *n = ids.size();
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

/* xapian-write.cc: documents in and out of the store: a PDF's record,
 * passages and budget rows added in one transaction per PDF (deleting its
 * old version by its D term first), the terms and values every document
 * gets (index/schema.h), a new path for a moved file, and removal. */
#include "index/xapian.h"

#include <csignal>
#include <cstring>
#include <sys/stat.h>
#include <unordered_map>

std::string
put_record(const psi_field *fields, const void *obj)
{
    buf_guard g;
    ps_error e = PS_ERROR_INIT;
    if (psi_record_put(&g.b, fields, obj, &e) != PS_OK)
        throw bad_record(e.msg);
    return g.str();
}

static std::string
folded(const std::string &s)
{
    char *f = psi_fold_ascii(s.c_str());
    std::string r(f);
    free(f);
    return r;
}

/* Adds the words of text, lower-cased, to counts: the words TermGenerator
 * would give to the spelling table. */
static void
count_words(const char *text, std::unordered_map<std::string, Xapian::termcount> &counts)
{
    std::string word;
    for (Xapian::Utf8Iterator it(text);; ++it) {
        bool end = it == Xapian::Utf8Iterator();
        if (!end && Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
            continue;
        }
        if (!word.empty() && word.size() <= MAX_WORD)
            counts[word]++;
        word.clear();
        if (end)
            break;
    }
}

/* The extra words of a passage (see ingest/terms.c) as terms. */
static void
add_extra_terms(Xapian::Document &d, const char *terms, const Xapian::Stem &stem)
{
    for (const char *p = terms; *p;) {
        const char *nl = strchr(p, '\n');
        std::string w(p + 1, nl ? (size_t)(nl - p - 1) : strlen(p + 1));
        char tag = *p;
        if (!w.empty() && w.size() <= MAX_WORD) {
            std::string st = stem(w);
            if (tag == 'P') {
                d.add_term(term(PSI_TERM_PART, st));
            } else if (tag == 'J') {
                d.add_term(term(PSI_TERM_STEM, st));
            } else if (tag == 'D') {
                d.add_term(term(PSI_TERM_FOLDED, folded(st)));
                d.add_term(term(PSI_TERM_FOLDED, folded(w)));
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* The filter terms, and the values every document has; the document
 * record (record = true) also keeps its län and kind as values. */
static void
add_filters(Xapian::Document &d, const ps_docinfo *info, bool record = false)
{
    d.add_boolean_term(term(PSI_TERM_DOC, info->docid));
    if (info->lan >= 0) {
        d.add_boolean_term(vocab_term(PSI_TERM_LAN, ps_lan_name(info->lan)));
        if (record)
            d.add_value(PSI_SLOT_LAN, ps_lan_slug(info->lan));
    }
    if (info->year > 0) {
        d.add_boolean_term(term(PSI_TERM_YEAR, std::to_string(info->year)));
        d.add_value(PSI_SLOT_YEAR, Xapian::sortable_serialise(info->year));
    }
    d.add_boolean_term(vocab_term(PSI_TERM_KIND, ps_kind_name(info->kind)));
    if (record)
        d.add_value(PSI_SLOT_KIND, ps_kind_name(info->kind));
    if (info->org && *info->org)
        d.add_boolean_term(vocab_term(PSI_TERM_ORG, info->org));
    if (info->org_code && *info->org_code)
        d.add_boolean_term(term(PSI_TERM_ORGCODE, info->org_code));
    if (info->unit && *info->unit)
        d.add_boolean_term(vocab_term(PSI_TERM_UNIT, info->unit));
    if (info->lang && *info->lang)
        d.add_boolean_term(term(PSI_TERM_LANG, info->lang));
    if (info->twin_of && *info->twin_of) {
        d.add_boolean_term(term(PSI_TERM_TWIN, ""));
        if (record)
            d.add_boolean_term(term(PSI_TERM_TWIN_OF, info->twin_of));
    }
    d.add_value(PSI_SLOT_DOCID, info->docid);
}

/* Takes away what add_filters added (but the D term and the docid), so
 * that a document can be filed again under corrected fields. */
static void
remove_filters(Xapian::Document &d)
{
    static const psi_term filters[] = { PSI_TERM_LAN,  PSI_TERM_YEAR, PSI_TERM_KIND,    PSI_TERM_ORG,
                                        PSI_TERM_ORGCODE, PSI_TERM_LANG, PSI_TERM_TWIN, PSI_TERM_TWIN_OF,
                                        PSI_TERM_UNIT };
    std::vector<std::string> gone;
    for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        const std::string &w = *t;
        for (psi_term f : filters) {
            const std::string p = psi_terms[f].prefix;
            /* a one-letter prefix is followed by a lower-case value; "XO" is not "O" */
            if (w.compare(0, p.size(), p) == 0 && (p.size() > 1 || w.size() == 1 || !(w[1] >= 'A' && w[1] <= 'Z')))
                gone.push_back(w);
        }
    }
    for (const std::string &w : gone)
        d.remove_term(w);
    for (Xapian::valueno slot : { PSI_SLOT_YEAR, PSI_SLOT_LAN, PSI_SLOT_KIND })
        if (!d.get_value(slot).empty())
            d.remove_value(slot);
}

std::string
path_term(const char *path)
{
    char h[17];
    psi_hash_hex(path, strlen(path), h);
    return term(PSI_TERM_PATH, h);
}

/* Test hooks for the crash-safety tests (tests/e2e/t600-robustness.sh,
 * t650-signals.sh): PLANSOK_TEST_KILL=N kills the process with SIGKILL
 * inside the N-th document transaction of this process, after its
 * passages are added and before the commit; PLANSOK_TEST_KILL_RELABEL=N
 * inside the N-th relabelling (hook, count: one per hook). Never set
 * outside tests. */
static void
test_kill_point(const char *hook, int *count)
{
    const char *k = getenv(hook);
    if (k && ++*count == atoi(k))
        raise(SIGKILL);
}

/* The key of a document's corrections in the index's metadata. */
static std::string
fix_key(const char *docid)
{
    return std::string("plansok_fix:") + docid;
}

extern "C" ps_status
psi_store_get_fix(psi_store *st, const char *docid, psi_fixrec *out, ps_error *err)
{
    psi_fixrec_init(out);
    try {
        if (st->writable && st->shards.empty())
            return PS_OK; /* a new sharded index: nothing is there yet */
        if (!st->writable && !st->db)
            return PS_OK;
        Xapian::Database &db = st->writable ? *st->shards[0].wdb : *st->db;
        std::string v = reading(st, [&] { return db.get_metadata(fix_key(docid)); });
        if (!v.empty()) {
            psi_fixrec r;
            take_record(v, psi_fixrec_fields, &r);
            *out = r;
        }
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_put_fix(psi_store *st, const char *docid, const psi_fixrec *fix, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    try {
        if (st->shards.empty())
            return psi_fail(err, PS_ERR_INTERNAL, "no database to keep a correction in");
        st->shards[0].wdb->set_metadata(fix_key(docid), put_record(psi_fixrec_fields, fix));
        commit_all(st);
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

/* The record of a PDF: its docinfo and outline. */
static std::string
doc_record(const psi_store_doc *doc)
{
    ps_outline o = {};
    o.info = *doc->info;
    o.info.passages = (int)doc->npassages;
    o.headings = const_cast<ps_heading *>(doc->outline);
    o.nheadings = doc->noutline;
    return put_record(psi_doc_record_fields, &o);
}

/* The document's fields a passage's record carries (strings borrowed). */
static void
hit_from_doc(ps_hit &h, const ps_docinfo *info)
{
    h.org = info->org;
    h.org_code = info->org_code;
    h.unit = info->unit;
    h.lang = info->lang;
    h.date = info->date;
    h.period_from = info->period_from;
    h.period_to = info->period_to;
    h.lan = info->lan;
    h.year = info->year;
    h.kind = info->kind;
}

/* A passage's stored record: what a hit shows, its document's fields too. */
static std::string
passage_record(const ps_docinfo *info, const ps_passage *p)
{
    ps_hit h = {};
    h.docid = info->docid;
    h.file = info->file;
    hit_from_doc(h, info);
    h.page = p->page;
    h.section = p->section;
    h.heading = p->heading;
    h.text = p->text;
    h.contents = p->contents;
    return put_record(psi_hit_fields, &h);
}

static std::string
budget_record(const ps_docinfo *info, const ps_budget_row *row)
{
    ps_budget_row r = *row;
    r.docid = info->docid;
    r.file = info->file;
    r.org = info->org;
    r.org_unit = info->unit ? info->unit : (char *)"";
    r.lan = info->lan;
    r.year = info->year;
    return put_record(psi_budget_row_fields, &r);
}

/* Removes every document of a PDF from one database. */
static void
delete_pdf(Xapian::WritableDatabase &w, const char *docid)
{
    std::string d = term(PSI_TERM_DOC, docid);
    if (w.term_exists(d))
        w.delete_document(d);
}

/* The Xapian documents of one PDF, made before the database is touched. */
struct pdf_docs {
    Xapian::Document rec;
    std::vector<Xapian::Document> parts; /* passages, then budget rows */
    std::unordered_map<std::string, Xapian::termcount> spelling;
};

/* Test hook (tests/e2e/t610-terms.sh): the documents of files whose path
 * holds PLANSOK_TEST_LONG_TERM get a term of 300 bytes that bypasses
 * term(), as a term that escaped the bounds would. Never set outside tests. */
static void
test_long_term(pdf_docs &docs, const char *path)
{
    const char *m = getenv("PLANSOK_TEST_LONG_TERM");
    if (m && *m && strstr(path, m))
        docs.rec.add_boolean_term("XZ" + std::string(298, 'x'));
}

/* Throws InvalidArgumentError for a term Xapian would refuse. Checked
 * before the transaction: a refusal inside an unflushed transaction
 * cancels it, and Xapian's cancel drops every document not yet committed
 * with it (the rest of the batch), not only this PDF's. */
static void
check_terms(const Xapian::Document &d)
{
    for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t)
        if ((*t).size() > MAX_TERM) {
            const std::string &w = *t;
            throw Xapian::InvalidArgumentError("a term of " + std::to_string(w.size()) + " bytes (Xapian takes " +
                                               std::to_string(MAX_TERM) + "): '" +
                                               w.substr(0, psi_utf8_cut(w.data(), w.size(), 40)) + "...'");
        }
}

static pdf_docs
make_docs(const psi_store *st, const psi_store_doc *doc)
{
    const ps_docinfo *info = doc->info;
    pdf_docs out;
    Xapian::TermGenerator tg;
    Xapian::Stem stem("swedish");
    tg.set_stemmer(stem);
    tg.set_max_word_length(MAX_WORD);
    /* every word as its stem, with positions: unstemmed terms as well
     * (STEM_SOME) cost a third more postings and the writer's time */
    tg.set_stemming_strategy(st->plain ? Xapian::TermGenerator::STEM_SOME : Xapian::TermGenerator::STEM_ALL_Z);

    Xapian::Document &rec = out.rec;
    rec.set_data(doc_record(doc));
    rec.add_boolean_term(type_term(PSI_DOCTYPE_DOC));
    rec.add_boolean_term(term(PSI_TERM_ID, info->docid));
    rec.add_boolean_term(path_term(info->path));
    for (const std::string &band : sig_bands(info->sig))
        rec.add_boolean_term(band);
    add_filters(rec, info, true);

    for (size_t i = 0; i < doc->npassages; i++) {
        const ps_passage *p = &doc->passages[i];
        Xapian::Document d;
        tg.set_document(d);
        /* only the passage's own heading: its ancestors (a chapter
         * title) would make every passage of the chapter match */
        const char *own = psi_heading_own(p->heading);
        tg.index_text(own, 2);
        tg.increase_termpos(100);
        tg.index_text(p->text);
        /* spelling data ("did you mean") once per word and document,
         * not once per occurrence as TermGenerator's FLAG_SPELLING would */
        if (!st->plain) {
            count_words(own, out.spelling);
            count_words(p->text, out.spelling);
        }
        if (!st->plain && p->terms)
            add_extra_terms(d, p->terms, stem);
        d.set_data(passage_record(info, p));
        d.add_boolean_term(type_term(PSI_DOCTYPE_PASSAGE));
        add_filters(d, info);
        d.add_boolean_term(vocab_term(PSI_TERM_SECTION, ps_section_name(p->section)));
        if (p->contents)
            d.add_boolean_term(term(PSI_TERM_CONTENTS, ""));
        d.add_value(PSI_SLOT_ORDER, Xapian::sortable_serialise((double)i));
        /* no unique term of its own: the document's D term finds (and
         * removes) every passage, and one posting list per passage
         * would cost the writer for nothing */
        out.parts.push_back(d);
    }
    for (size_t i = 0; i < doc->nbudget; i++) {
        Xapian::Document d;
        d.set_data(budget_record(info, &doc->budget[i]));
        d.add_boolean_term(type_term(PSI_DOCTYPE_BUDGET));
        add_filters(d, info);
        d.add_value(PSI_SLOT_ORDER, Xapian::sortable_serialise((double)i));
        out.parts.push_back(d); /* removed with the D term, as passages are */
    }
    test_long_term(out, info->path);
    check_terms(out.rec);
    for (const Xapian::Document &d : out.parts)
        check_terms(d);
    return out;
}

extern "C" ps_status
psi_store_replace(psi_store *st, const psi_store_doc *doc, const char *old_docid, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    const ps_docinfo *info = doc->info;
    pdf_docs docs;
    try {
        docs = make_docs(st, doc);
    } catch (const Xapian::InvalidArgumentError &e) {
        return psi_fail(err, PS_ERR_DOC_REFUSED, "the index cannot take it: %s", e.get_msg().c_str());
    } catch (const bad_record &e) {
        return psi_fail(err, PS_ERR_DOC_REFUSED, "the index cannot take it: a record does not write: %s", e.what());
    } catch (...) {
        return classify(err, st->dir);
    }
    Xapian::WritableDatabase *wdb = nullptr;
    bool in_transaction = false;
    try {
        wdb = &shard_for(st, info);
        /* a new version of a document whose län or year changed: its
         * old passages are in another shard */
        for (shard &sh : st->shards)
            if (sh.wdb != wdb) {
                delete_pdf(*sh.wdb, info->docid);
                if (old_docid && *old_docid)
                    delete_pdf(*sh.wdb, old_docid);
            }
        /* unflushed: whole documents go to disk together, every batch */
        wdb->begin_transaction(false);
        in_transaction = true;
        wdb->delete_document(term(PSI_TERM_DOC, info->docid));
        if (old_docid && *old_docid)
            wdb->delete_document(term(PSI_TERM_DOC, old_docid));
        wdb->replace_document(term(PSI_TERM_ID, info->docid), docs.rec);
        for (const Xapian::Document &d : docs.parts)
            wdb->add_document(d);
        for (const auto &w : docs.spelling)
            wdb->add_spelling(w.first, w.second);
        static int kills; /* test hook only */
        test_kill_point("PLANSOK_TEST_KILL", &kills);
        wdb->commit_transaction();
        st->pending++; /* on disk with the batch: psi_store_commit_batch */
        return PS_OK;
    } catch (...) {
        ps_status s = classify(err, st->dir);
        try {
            if (in_transaction)
                wdb->cancel_transaction();
        } catch (...) {
        }
        /* the database failed: cancelling drops the documents of the
         * batch not yet committed too, and a failed commit wrote none */
        note_lost(st, err);
        return s;
    }
}

/* A stored record read, changed by set (which may point its strings at
 * the caller's, not the record's) and written back. */
template <class T, class F>
static void
rewrite(Xapian::Document &d, const psi_field *fields, F set)
{
    T was = {};
    record_guard g(fields, &was);
    take_record(d.get_data(), fields, &was);
    T now = was;
    set(now);
    d.set_data(put_record(fields, &now));
}

/* One stored document of a PDF filed again under info's fields. */
static void
relabel(Xapian::Document &d, const ps_docinfo *info)
{
    bool rec = false, budget = false;
    for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        rec |= *t == type_term(PSI_DOCTYPE_DOC);
        budget |= *t == type_term(PSI_DOCTYPE_BUDGET);
    }
    remove_filters(d);
    add_filters(d, info, rec);
    if (rec) {
        rewrite<ps_outline>(d, psi_doc_record_fields, [info](ps_outline &o) { o.info = *info; });
    } else if (budget) {
        rewrite<ps_budget_row>(d, psi_budget_row_fields, [info](ps_budget_row &r) {
            r.org = info->org;
            r.org_unit = info->unit ? info->unit : (char *)"";
            r.lan = info->lan;
            r.year = info->year;
        });
    } else {
        rewrite<ps_hit>(d, psi_hit_fields, [info](ps_hit &h) { hit_from_doc(h, info); });
    }
}

extern "C" ps_status
psi_store_relabel(psi_store *st, const ps_docinfo *info, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    bool dropped = false; /* cancelled: with it the uncommitted batch */
    try {
        std::string dt = term(PSI_TERM_DOC, info->docid);
        for (shard &sh : st->shards) {
            Xapian::WritableDatabase &w = *sh.wdb;
            std::vector<Xapian::docid> ids;
            for (Xapian::PostingIterator it = w.postlist_begin(dt); it != w.postlist_end(dt); ++it)
                ids.push_back(*it);
            if (ids.empty())
                continue;
            /* a document's passages change together or not at all; and
             * unflushed, so that what a new document changes in others (a
             * twin group's new head) goes to disk with it, never alone */
            w.begin_transaction(false);
            try {
                for (Xapian::docid id : ids) {
                    Xapian::Document d = w.get_document(id);
                    relabel(d, info);
                    w.replace_document(id, d);
                }
                static int kills; /* test hook only */
                test_kill_point("PLANSOK_TEST_KILL_RELABEL", &kills);
                w.commit_transaction();
            } catch (...) {
                dropped = true;
                try {
                    w.cancel_transaction();
                } catch (...) {
                }
                throw;
            }
        }
        return PS_OK;
    } catch (const bad_record &e) {
        ps_status s = psi_fail(err, PS_ERR_INTERNAL, "%s", e.what());
        if (dropped)
            note_lost(st, err);
        return s;
    } catch (...) {
        ps_status s = classify(err, st->dir);
        if (dropped)
            note_lost(st, err);
        return s;
    }
}

extern "C" ps_status
psi_store_touch(psi_store *st, const char *docid, const char *path, const struct stat *sb, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    try {
        std::string id = term(PSI_TERM_ID, docid);
        Xapian::PostingIterator it = st->db->postlist_begin(id);
        if (it == st->db->postlist_end(id))
            return PS_OK;
        Xapian::Document d = st->db->get_document(*it);
        /* the record read whole and written whole, with the new path,
         * size and mtime: every other field as it was */
        ps_outline o = {};
        record_guard g(psi_doc_record_fields, &o);
        take_record(d.get_data(), psi_doc_record_fields, &o);
        d.remove_term(path_term(o.info.path));
        d.add_boolean_term(path_term(path));
        free(o.info.path);
        o.info.path = psi_strdup(path);
        o.info.size = (long long)sb->st_size;
        o.info.mtime = (long long)sb->st_mtim.tv_sec;
        o.info.mtime_ns = (int)sb->st_mtim.tv_nsec;
        d.set_data(put_record(psi_doc_record_fields, &o));
        Xapian::docid local;
        Xapian::WritableDatabase &w = shard_of(st, *it, &local);
        w.replace_document(local, d);
        w.commit();
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_remove(psi_store *st, const char *docid, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    try {
        for (shard &sh : st->shards) {
            sh.wdb->delete_document(term(PSI_TERM_DOC, docid));
            sh.wdb->commit();
        }
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

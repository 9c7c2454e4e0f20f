/* xapian-query.cc: the query language. Xapian's QueryParser with a
 * boolean prefix for every field of the schema's term table (lan:, kind:,
 * year:A..B, ...), typed values normalised through psi_vocab_term, each
 * word expanded to compound parts and to words with å/ä/ö, and the option
 * filters; plus the Swedish stemmer for the query layer. */
#include "index/xapian.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

std::string
vocab_term(psi_term t, const char *value)
{
    char *v = psi_vocab_term(psi_terms[t].vocab, value);
    std::string r = term(t, v ? v : "");
    free(v);
    return r;
}

/* A filter value ("jönköping" for lan:) as the query of the terms the
 * writer gave it; an unknown value is a query error. The one resolver of
 * typed filters: FilterField (lan:, org: ... in a query) and the option
 * filters of build_query (ps_query_opts.org) both call it. */
static Xapian::Query
filter_query(const Xapian::Database &db, psi_term t, const std::string &field, const std::string &value)
{
    char *v = psi_vocab_term(psi_terms[t].vocab, value.c_str());
    if (!v || !*v) {
        free(v);
        throw Xapian::QueryParserError((v ? "empty " : "unknown ") + field + " '" + value + "'");
    }
    /* org: also finds a register body by any of its names or its code
     * ("org:nacka", "org:0182", "org:VGR", "org:vgr") */
    char *code = t == PSI_TERM_ORG ? psi_vocab_term(PSI_VOCAB_ORGCODE, value.c_str()) : NULL;
    /* unit: and org: a name, or the start of one when none has that name
     * and no register body is named so ("unit:tekniska" finds "tekniska
     * nämnden", "unit:social" socialnämnden, "org:västra" Västra
     * Götalandsregionen; "unit:kommunstyrelsen" is not its arbetsutskott) */
    std::string exact = term(t, v);
    bool start = (t == PSI_TERM_UNIT || (t == PSI_TERM_ORG && !code)) && !db.term_exists(exact);
    Xapian::Query q = start ? Xapian::Query(Xapian::Query::OP_WILDCARD, exact) : Xapian::Query(exact);
    free(v);
    /* a name no document has, nor the start of one, nor a register body's:
     * say so rather than find nothing ("org:nosuch") */
    if (start && db.allterms_begin(exact) == db.allterms_end(exact) && db.get_doccount() > 0)
        throw Xapian::QueryParserError("unknown " + field + " '" + value + "': no document's " +
                                       (t == PSI_TERM_ORG ? "organisation" : "unit") +
                                       " is named so or starts so (plansok docs lists them)");
    if (code)
        q = Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query(term(PSI_TERM_ORGCODE, code)));
    free(code);
    return q;
}

/* A filter typed in a query ("lan:jönköping"). */
class FilterField : public Xapian::FieldProcessor {
    const Xapian::Database &db;
    psi_term t;
    std::string field;

  public:
    FilterField(const Xapian::Database &d, psi_term which, const char *name) : db(d), t(which), field(name) {}
    Xapian::Query operator()(const std::string &value) override { return filter_query(db, t, field, value); }
};

class YearField : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string &v) override
    {
        int a, b;
        if (ps_years_parse(v.c_str(), &a, &b) != 0)
            throw Xapian::QueryParserError("bad year '" + v + "': a year from " + std::to_string(PS_YEAR_MIN) + " to " +
                                           std::to_string(PS_YEAR_MAX) + ", as in year:2014 or year:2013..2014");
        if (a == b)
            return Xapian::Query(term(PSI_TERM_YEAR, std::to_string(a)));
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, PSI_SLOT_YEAR, Xapian::sortable_serialise(a),
                             Xapian::sortable_serialise(b));
    }
};

static bool
has_diacritic(const std::string &s)
{
    for (size_t i = 0; i + 1 < s.size(); i++)
        if ((unsigned char)s[i] == 0xC3)
            return true;
    return false;
}

/* Adds to out the stems of the forms of word that the stemmer keeps apart
 * from it (core/inflect.c), once each: those the stemmer leaves whole, and
 * not the word's own stem. A form the stemmer shortens further is another
 * word ("internet" -> "intern" -> "int", the stem of "inte"). */
static void
other_forms(const std::string &word, const Xapian::Stem &stem, std::vector<std::string> &out)
{
    if (word.size() > MAX_WORD)
        return;
    std::string st = stem(word);
    char v[MAX_WORD + 4];
    auto keep = [&](const char *f) {
        std::string s = stem(f);
        if (s == f && s != st && std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
    };
    if (psi_e_syncope(word.c_str(), v, sizeof v))
        keep(v);
    if (psi_neuter_other(word.c_str(), v, sizeof v))
        keep(v);
    if (psi_e_restore(st.c_str(), v, sizeof v))
        keep(v);
}

/* Words typed in the query also match compound parts (weight 0.3) and,
 * when typed without å/ä/ö, the words that have them (weight 0.5), so
 * exact matches rank first. Phrases stay exact; filters are untouched. */
static Xapian::Query
expand(const Xapian::Query &q, const Xapian::Stem &stem, const Xapian::QueryParser &qp)
{
    Xapian::Query::op t = q.get_type();
    if (t == Xapian::Query::LEAF_TERM) {
        std::string word = *q.get_terms_begin();
        const std::string stem_prefix = psi_terms[PSI_TERM_STEM].prefix;
        if (word.empty())
            return q;
        unsigned char c = (unsigned char)word[0];
        bool stemmed = word.compare(0, stem_prefix.size(), stem_prefix) == 0;
        if (!stemmed && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c < 0x80)
            return q; /* a boolean filter term (L, Y, K, S, O, T ...) */
        if (word.size() > MAX_WORD)
            return q;
        std::string st = stemmed ? word.substr(stem_prefix.size()) : stem(word);
        /* the words as typed: the stemmer treats "malomrade" and
         * "målområde" differently, so the folded word is matched too */
        std::vector<std::string> typed;
        if (stemmed) { /* once each: the parser lists a form once per time
                          it was typed, so N repeats cost N^2 leaves */
            for (Xapian::TermIterator u = qp.unstem_begin(word); u != qp.unstem_end(word); ++u)
                typed.push_back(*u);
            std::sort(typed.begin(), typed.end());
            typed.erase(std::unique(typed.begin(), typed.end()), typed.end());
        } else {
            typed.push_back(word);
        }
        std::vector<Xapian::Query> alts{ q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                       Xapian::Query(term(PSI_TERM_PART, st)), 0.3) };
        /* forms the stemmer keeps apart (other_forms), at 0.8: an
         * unstressed e ("cykel" finds "cyklar", "cyklar" finds "cykel")
         * and a neuter's definite form ("mål" finds "målet", "beslutet"
         * finds "beslut") */
        std::vector<std::string> forms;
        for (const std::string &w : typed)
            other_forms(w, stem, forms);
        for (const std::string &f : forms)
            alts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term(PSI_TERM_STEM, f)), 0.8));
        bool diacritics = has_diacritic(st);
        for (const std::string &w : typed)
            diacritics |= has_diacritic(w);
        if (!diacritics) { /* typed without å/ä/ö: also the words with them */
            alts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term(PSI_TERM_FOLDED, st)), 0.5));
            for (const std::string &w : typed)
                alts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term(PSI_TERM_FOLDED, w)), 0.5));
        }
        return Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
    }
    switch (t) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
        std::vector<Xapian::Query> sub;
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            sub.push_back(expand(q.get_subquery(i), stem, qp));
        return Xapian::Query(t, sub.begin(), sub.end());
    }
    default:
        return q; /* phrases, NEAR, ranges, scaled queries */
    }
}

/* Whether q asks for a word (a stem, a compound part, a folded or raw
 * word), not only for filter terms ("year:2014 kind:plan"); a word it
 * leaves out ("year:2018 -budget") asks for nothing. */
static bool
has_words(const Xapian::Query &q)
{
    Xapian::Query::op t = q.get_type();
    if (t == Xapian::Query::LEAF_TERM) {
        const std::string w = *q.get_terms_begin();
        if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z'))
            return true;
        for (psi_term k : { PSI_TERM_STEM, PSI_TERM_PART, PSI_TERM_FOLDED }) {
            const std::string p = psi_terms[k].prefix;
            if (w.compare(0, p.size(), p) == 0)
                return true;
        }
        return false;
    }
    /* AND_NOT's and FILTER's later parts only leave out or narrow */
    size_t n = q.get_num_subqueries();
    if (t == Xapian::Query::OP_AND_NOT || t == Xapian::Query::OP_FILTER)
        n = n ? 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (has_words(q.get_subquery(i)))
            return true;
    return false;
}

/* The query as typed, quoted for a message. */
static std::string
quoted(const psi_store_query *q)
{
    return "'" + std::string(q->typed ? q->typed : q->text ? q->text : "") + "'";
}

Xapian::Query
build_query(Xapian::Database &db, const psi_store_query *q, bool plain, std::string *suggestion, psi_doctype type)
{
    Xapian::Query base;
    std::string text = q->text ? q->text : "";
    bool blank = text.find_first_not_of(" \t\n") == std::string::npos;
    if (!blank) {
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("swedish"));
        qp.set_stemming_strategy(plain ? Xapian::QueryParser::STEM_SOME : Xapian::QueryParser::STEM_ALL_Z);
        qp.set_default_op(Xapian::Query::OP_AND);
        for (int t = 0; t < PSI_TERM_COUNT; t++)
            for (int k = 0; psi_terms[t].fields[k]; k++) {
                Xapian::FieldProcessor *fp;
                if (psi_terms[t].range)
                    fp = new YearField();
                else
                    fp = new FilterField(db, (psi_term)t, psi_terms[t].name);
                qp.add_boolean_prefix(psi_terms[t].fields[k], fp->release());
            }
        unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
        /* spelling correction looks up every word's trigrams: only
         * when a suggestion is asked for (a search without matches) */
        if (!plain && suggestion)
            flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        try {
            base = qp.parse_query(text, flags);
        } catch (const Xapian::QueryParserError &e) {
            throw Xapian::QueryParserError("bad query " + quoted(q) + ": " + e.get_msg());
        }
        if (base.empty())
            throw Xapian::QueryParserError("query " + quoted(q) + " has no word to search for (symbols, emoji and "
                                           "punctuation are not indexed)");
        if (suggestion)
            *suggestion = qp.get_corrected_query_string();
        if (!plain)
            base = expand(base, Xapian::Stem("swedish"), qp);
    }
    Xapian::Query filter(type_term(type));
    auto narrow = [&filter](const Xapian::Query &by) { filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, by); };
    if (q->lan >= 0)
        narrow(Xapian::Query(vocab_term(PSI_TERM_LAN, ps_lan_name(q->lan))));
    else if (q->lan == PS_LAN_NONE) /* no L term at all */
        filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter,
                               Xapian::Query(Xapian::Query::OP_WILDCARD, psi_terms[PSI_TERM_LAN].prefix));
    if (q->section >= 0)
        narrow(Xapian::Query(vocab_term(PSI_TERM_SECTION, ps_section_name((ps_section)q->section))));
    if (q->kind >= 0)
        narrow(Xapian::Query(vocab_term(PSI_TERM_KIND, ps_kind_name((ps_kind)q->kind))));
    if (q->org && *q->org)
        narrow(filter_query(db, PSI_TERM_ORG, "org", q->org));
    if (q->unit && *q->unit)
        narrow(filter_query(db, PSI_TERM_UNIT, "unit", q->unit));
    if (q->year_from > 0 || q->year_to > 0) {
        int a = q->year_from > 0 ? q->year_from : 0, b = q->year_to > 0 ? q->year_to : 9999;
        if (a > 0 && b - a <= 50) { /* the year terms: faster than reading values */
            std::vector<Xapian::Query> ys;
            for (int y = a; y <= b; y++)
                ys.push_back(Xapian::Query(term(PSI_TERM_YEAR, std::to_string(y))));
            narrow(Xapian::Query(Xapian::Query::OP_OR, ys.begin(), ys.end()));
        } else {
            narrow(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, PSI_SLOT_YEAR, Xapian::sortable_serialise(a),
                                 Xapian::sortable_serialise(b)));
        }
    }
    /* another rendering of a document is counted once: as the first */
    if (type != PSI_DOCTYPE_DOC)
        filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter, Xapian::Query(term(PSI_TERM_TWIN, "")));
    if (blank)
        return filter;
    /* a table of contents names every topic of its document and discusses
     * none: words pass it by (filters alone list every passage) */
    if (type == PSI_DOCTYPE_PASSAGE && has_words(base))
        filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter, Xapian::Query(term(PSI_TERM_CONTENTS, "")));
    return Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
}

extern "C" char *
psi_stem(const char *word)
{
    try {
        Xapian::Stem stem("swedish");
        return psi_strdup(stem(word).c_str());
    } catch (...) {
        return psi_strdup(word);
    }
}


extern "C" size_t
psi_stem_forms(const char *word, char *out[3])
{
    try {
        Xapian::Stem stem("swedish");
        std::vector<std::string> forms;
        other_forms(word, stem, forms);
        size_t n = 0;
        for (const std::string &f : forms)
            if (n < 3)
                out[n++] = psi_strdup(f.c_str());
        return n;
    } catch (...) {
        return 0;
    }
}

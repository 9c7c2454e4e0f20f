/* xapian.cc: the ONLY C++ file and the only one that includes Xapian. It
 * stores passages and document records, parses queries and runs them.
 * Every extern "C" function catches everything: no exception crosses into
 * C, and each Xapian error class maps to its own ps_status.
 *
 * Schema (PS_SCHEMA_VERSION, stored as metadata "plansok_schema"):
 *   one Xapian document per passage, one record per PDF, one per budget row.
 *   boolean terms  D<docid> belongs to PDF (passages and budget rows have
 *                  no unique term: D finds and removes them)
 *                  Q<docid>, P<hash of the path> on the PDF record
 *                  (docid = content hash)
 *                  Tpassage / Tdoc / Tbudget  L<lan slug>  Y<year>
 *                  K<kind>  O<folded org>  S<section> (passages)
 *   free text      heading (weight 2) and passage text as Swedish stems
 *                  (Z prefix) with positions (STEM_ALL_Z); a "plain"
 *                  store keeps Xapian's default, unstemmed terms too
 *   extra terms    XP<stem>  compound and glued-word parts (ingest/terms.c)
 *                  XD<folded stem>, XD<folded word>  words without å/ä/ö
 *                  joined hyphen words ("ehälsa") as stems
 *                  plus Xapian spelling data for "did you mean"
 *   A "plain" store (the evaluation baseline) has none of the extras and
 *   its queries are not expanded.
 *   values         0 year (sortable)  3 docid  6 passage number in the
 *                  document (sortable); records also 2 lan slug, 4 kind
 *   data           psi_record lines (see plansok-private.h)
 *
 * Shards (ingest --shard-by lan|year): the index directory holds one
 * database per län ("lan-jonkoping") or year ("year-2014") and a Xapian
 * stub file, DIR/XAPIANDB, listing them ("auto lan-jonkoping"), with a
 * comment line "# plansok shard-by lan". Readers open DIR and Xapian
 * searches the shards as one database; the stub may also list remote
 * shards ("remote tcp HOST PORT", see docs/SCALING.md). The writer keeps
 * every local shard open and puts each document in the shard of its län
 * or year.                                                             */
#include "plansok-private.h"

#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

namespace {

const Xapian::doccount COUNT_EXACT = 1000;
/* slots 1 (page) and 5 (section) were used up to schema 3 */
enum { SLOT_YEAR = 0, SLOT_LAN = 2, SLOT_DOCID = 3, SLOT_KIND = 4, SLOT_ORDER = 6 };
const char *const SCHEMA_KEY = "plansok_schema";

} // namespace

/* One writable database: the whole index, or one shard of it. */
struct shard {
    std::string key;                 /* "lan-jonkoping"; "" unsharded */
    Xapian::WritableDatabase *wdb;
};

struct psi_store {
    std::string dir;
    bool plain = false;
    int batch = 64;     /* documents per commit to disk */
    int pending = 0;    /* documents since the last commit */
    bool writable = false;
    ps_shard_by shard_by = PS_SHARD_NONE;
    Xapian::Database *db = nullptr;   /* the one to read from */
    std::vector<shard> shards;        /* when writable, in db's order */
};

static const char *const STUB = "/XAPIANDB";
static const char *const SHARD_MARK = "# plansok shard-by ";

static bool
file_exists(const std::string &path)
{
    struct stat sb;
    return stat(path.c_str(), &sb) == 0;
}

/* The shard-by line of a sharded index's stub; PS_SHARD_NONE when dir is
 * not one. Fills *keys with its local shards ("auto KEY" lines) and
 * *remote with whether it lists any other kind. */
static ps_shard_by
read_stub(const std::string &dir, std::vector<std::string> *keys, bool *remote)
{
    FILE *f = fopen((dir + STUB).c_str(), "r");
    if (!f)
        return PS_SHARD_NONE;
    ps_shard_by by = PS_SHARD_NONE;
    char line[1024];
    *remote = false;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncmp(line, SHARD_MARK, strlen(SHARD_MARK))) {
            const char *v = line + strlen(SHARD_MARK);
            by = !strcmp(v, "lan") ? PS_SHARD_LAN : !strcmp(v, "year") ? PS_SHARD_YEAR : by;
        } else if (!strncmp(line, "auto ", 5)) {
            keys->push_back(line + 5);
        } else if (line[0] && line[0] != '#') {
            *remote = true;
        }
    }
    fclose(f);
    return by;
}

/* Rewrites the stub to list the shards, atomically. */
static void
write_stub(const psi_store *st)
{
    std::string path = st->dir + STUB, tmp = path + ".tmp";
    FILE *f = fopen(tmp.c_str(), "w");
    if (!f)
        throw Xapian::DatabaseError("cannot write '" + tmp + "': " + strerror(errno));
    fprintf(f, "# Xapian stub database written by plansok ingest: one database per shard.\n"
               "# Query commands read this directory as one index; see docs/SCALING.md.\n"
               "%s%s\n",
            SHARD_MARK, st->shard_by == PS_SHARD_LAN ? "lan" : "year");
    for (const shard &sh : st->shards)
        fprintf(f, "auto %s\n", sh.key.c_str());
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0)
        throw Xapian::DatabaseError("cannot write '" + path + "': " + strerror(errno));
}

/* Opens a stub database for reading: a file, or DIR/XAPIANDB of a sharded
 * index. Besides Xapian's own lines ("auto PATH", "glass PATH", "remote
 * HOST:PORT", "remote :PROGRAM ARGS") it reads "remote tcp HOST PORT".
 * Relative paths are relative to the stub's directory. *nshards counts
 * the databases listed. */
static Xapian::Database *
open_stub(const std::string &stub, const std::string &base, int *nshards)
{
    FILE *f = fopen(stub.c_str(), "r");
    if (!f)
        throw Xapian::DatabaseOpeningError("cannot read '" + stub + "': " + strerror(errno));
    auto *db = new Xapian::Database();
    char line[2048];
    int lineno = 0;
    *nshards = 0;
    try {
        while (fgets(line, sizeof line, f)) {
            lineno++;
            line[strcspn(line, "\r\n")] = '\0';
            char *p = line + strspn(line, " \t");
            if (!*p || *p == '#')
                continue;
            std::string where = stub + ":" + std::to_string(lineno);
            char kind[32] = "", a[1024] = "", b[1024] = "";
            int got = sscanf(p, "%31s %1023s %1023s", kind, a, b);
            try {
                if (!strcmp(kind, "remote") && got == 3 && !strcmp(a, "tcp")) {
                    char host[1024];
                    unsigned long port = 0;
                    if (sscanf(p, "%*s %*s %1023s %lu", host, &port) != 2 || port == 0 || port > 65535)
                        throw Xapian::DatabaseOpeningError(where + ": use 'remote tcp HOST PORT'");
                    db->add_database(Xapian::Remote::open(host, (unsigned)port));
                } else if (!strcmp(kind, "remote") && got >= 2 && a[0] == ':') {
                    const char *args = strstr(p, a) + strlen(a);
                    db->add_database(Xapian::Remote::open(a + 1, args + strspn(args, " \t")));
                } else if (!strcmp(kind, "remote") && got == 2 && strrchr(a, ':')) {
                    std::string hp(a);
                    size_t colon = hp.rfind(':');
                    db->add_database(Xapian::Remote::open(hp.substr(0, colon),
                                                          (unsigned)atoi(hp.c_str() + colon + 1)));
                } else if ((!strcmp(kind, "auto") || !strcmp(kind, "glass") || !strcmp(kind, "chert")) &&
                           got == 2) {
                    std::string path = a[0] == '/' ? std::string(a) : base + "/" + a;
                    db->add_database(Xapian::Database(path));
                } else {
                    throw Xapian::DatabaseOpeningError(where + ": cannot read '" + p +
                                                       "' (want 'auto PATH' or 'remote tcp HOST PORT')");
                }
            } catch (const Xapian::NetworkError &e) {
                throw Xapian::DatabaseOpeningError(where + ": cannot reach shard '" + p + "': " + e.get_msg());
            } catch (const Xapian::DatabaseNotFoundError &e) {
                throw Xapian::DatabaseOpeningError(where + ": no database at '" + a + "'");
            }
            ++*nshards;
        }
    } catch (...) {
        fclose(f);
        delete db;
        throw;
    }
    fclose(f);
    return db;
}

/* The database to read at path: a directory, a sharded index or a stub
 * file; *nshards is -1 for a plain directory. */
static Xapian::Database *
open_read(const std::string &path, int *nshards)
{
    struct stat sb;
    *nshards = -1;
    if (stat(path.c_str(), &sb) == 0 && S_ISDIR(sb.st_mode) && file_exists(path + STUB))
        return open_stub(path + STUB, path, nshards);
    if (stat(path.c_str(), &sb) == 0 && S_ISREG(sb.st_mode)) {
        size_t slash = path.rfind('/');
        return open_stub(path, slash == std::string::npos ? "." : path.substr(0, slash), nshards);
    }
    return new Xapian::Database(path);
}

/* Opens (or creates) a writable shard and adds it to the read view. */
static shard &
open_shard(psi_store *st, const std::string &key)
{
    std::string path = key.empty() ? st->dir : st->dir + "/" + key;
    auto *w = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    st->shards.push_back(shard{ key, w });
    if (key.empty())
        st->db = w;
    else
        st->db->add_database(*w);
    return st->shards.back();
}

static void
commit_all(psi_store *st)
{
    for (shard &sh : st->shards)
        sh.wdb->commit();
}

/* The shard a document belongs in, created when it is the first. */
static Xapian::WritableDatabase &
shard_for(psi_store *st, const ps_docinfo *info)
{
    if (st->shard_by == PS_SHARD_NONE)
        return *st->shards[0].wdb;
    std::string key;
    if (st->shard_by == PS_SHARD_LAN)
        key = std::string("lan-") + (info->lan >= 0 ? ps_lan_slug(info->lan) : "unknown");
    else
        key = "year-" + (info->year > 0 ? std::to_string(info->year) : std::string("unknown"));
    for (shard &sh : st->shards)
        if (sh.key == key)
            return *sh.wdb;
    shard &sh = open_shard(st, key);
    sh.wdb->set_metadata(SCHEMA_KEY, std::to_string(PS_SCHEMA_VERSION));
    sh.wdb->commit();
    write_stub(st);
    return *sh.wdb;
}

/* The writable shard holding a document of the read view, and its docid
 * there (Xapian interleaves the docids of its sub-databases). */
static Xapian::WritableDatabase &
shard_of(psi_store *st, Xapian::docid did, Xapian::docid *local)
{
    size_t n = st->shards.size();
    *local = n == 1 ? did : (did - 1) / (Xapian::docid)n + 1;
    return *st->shards[n == 1 ? 0 : (did - 1) % n].wdb;
}

/* Sorts a Xapian exception into a status; call inside a catch block. */
static ps_status
classify(ps_error *err, const std::string &dir)
{
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &) {
        return psi_fail(err, PS_ERR_INDEX_LOCKED,
                        "index at '%s' is locked by another plansok ingest; wait for it to finish", dir.c_str());
    } catch (const Xapian::DatabaseVersionError &e) {
        return psi_fail(err, PS_ERR_INDEX_VERSION, "index at '%s' has a format this Xapian cannot read: %s",
                        dir.c_str(), e.get_msg().c_str());
    } catch (const Xapian::DatabaseCorruptError &e) {
        return psi_fail(err, PS_ERR_INDEX_CORRUPT, "index at '%s' is corrupt: %s; re-create it with 'plansok ingest'",
                        dir.c_str(), e.get_msg().c_str());
    } catch (const Xapian::DatabaseNotFoundError &) {
        return psi_fail(err, PS_ERR_INDEX_MISSING, "no index at '%s'; run 'plansok ingest --db %s PDF...' first",
                        dir.c_str(), dir.c_str());
    } catch (const Xapian::DatabaseOpeningError &e) {
        return psi_fail(err, PS_ERR_INDEX_MISSING, "cannot open index at '%s': %s", dir.c_str(),
                        e.get_msg().c_str());
    } catch (const Xapian::QueryParserError &e) {
        return psi_fail(err, PS_ERR_BAD_QUERY, "%s", e.get_msg().c_str());
    } catch (const Xapian::Error &e) {
        return psi_fail(err, PS_ERR_INDEX, "index error (%s): %s", e.get_type(), e.get_msg().c_str());
    } catch (const std::bad_alloc &) {
        return psi_fail(err, PS_ERR_NOMEM, "out of memory");
    } catch (...) {
        return psi_fail(err, PS_ERR_INTERNAL, "unexpected exception in the index layer");
    }
}

extern "C" ps_status
psi_store_open(const char *dir, bool writable, bool plain, ps_shard_by shard_by, psi_store **out, ps_error *err)
{
    *out = nullptr;
    psi_store *st = nullptr;
    try {
        st = new psi_store;
        st->dir = dir;
        st->plain = plain;
        struct stat sb;
        bool exists = stat(dir, &sb) == 0;
        if (!writable && !exists) {
            delete st;
            return psi_fail(err, PS_ERR_INDEX_MISSING,
                            "no index at '%s'; run 'plansok ingest --db %s PDF...' first", dir, dir);
        }
        if (writable) {
            std::vector<std::string> keys;
            bool remote = false;
            ps_shard_by have = read_stub(dir, &keys, &remote);
            if (exists && !S_ISDIR(sb.st_mode)) {
                ps_status s = psi_fail(err, PS_ERR_USAGE,
                                       "'%s' is a file (a stub database?); ingest into an index directory", dir);
                delete st;
                return s;
            }
            if (remote || (have == PS_SHARD_NONE && file_exists(std::string(dir) + STUB))) {
                ps_status s = psi_fail(err, PS_ERR_USAGE,
                                       "'%s' lists databases plansok did not make (or remote ones); "
                                       "ingest into each shard's own directory instead", dir);
                delete st;
                return s;
            }
            if (have == PS_SHARD_NONE && shard_by != PS_SHARD_NONE && exists &&
                file_exists(std::string(dir) + "/iamglass")) {
                ps_status s = psi_fail(err, PS_ERR_USAGE,
                                       "the index at '%s' is not sharded; use a new --db directory for --shard-by",
                                       dir);
                delete st;
                return s;
            }
            if (have != PS_SHARD_NONE && shard_by != PS_SHARD_NONE && have != shard_by) {
                ps_status s = psi_fail(err, PS_ERR_USAGE, "the index at '%s' is sharded by %s, not by %s", dir,
                                       have == PS_SHARD_LAN ? "län" : "year",
                                       shard_by == PS_SHARD_LAN ? "län" : "year");
                delete st;
                return s;
            }
            st->shard_by = have != PS_SHARD_NONE ? have : shard_by;
            st->writable = true;
            if (st->shard_by == PS_SHARD_NONE) {
                open_shard(st, "");
            } else {
                if (!exists && mkdir(dir, 0777) != 0)
                    throw Xapian::DatabaseCreateError(std::string("cannot create '") + dir + "': " +
                                                      strerror(errno));
                st->db = new Xapian::Database(); /* the shards join it as they open */
                for (const std::string &k : keys)
                    open_shard(st, k);
                if (keys.empty()) { /* a new sharded index: an empty stub */
                    write_stub(st);
                    *out = st;
                    return PS_OK;
                }
            }
        } else {
            int nshards;
            st->db = open_read(dir, &nshards);
            if (nshards == 0) { /* a sharded index without documents yet */
                *out = st;
                return PS_OK;
            }
        }
        std::string v = st->db->get_metadata(SCHEMA_KEY);
        if (v.empty() && st->db->get_doccount() == 0 && st->writable) {
            for (shard &sh : st->shards)
                sh.wdb->set_metadata(SCHEMA_KEY, std::to_string(PS_SCHEMA_VERSION));
            commit_all(st);
        } else if (v != std::to_string(PS_SCHEMA_VERSION)) {
            ps_status s = psi_fail(err, PS_ERR_INDEX_VERSION,
                                   "index at '%s' has schema version '%s', this plansok reads %d; "
                                   "re-create it with 'plansok ingest'",
                                   dir, v.empty() ? "none" : v.c_str(), PS_SCHEMA_VERSION);
            psi_store_close(st);
            return s;
        }
        *out = st;
        return PS_OK;
    } catch (...) {
        ps_status s = classify(err, dir);
        psi_store_close(st);
        return s;
    }
}

extern "C" void
psi_store_set_batch(psi_store *st, int documents)
{
    st->batch = documents > 0 ? documents : 1;
}

extern "C" void
psi_store_close(psi_store *st)
{
    if (!st)
        return;
    for (shard &sh : st->shards) {
        try {
            sh.wdb->close();
        } catch (...) {
        }
        if (st->db != sh.wdb)
            delete sh.wdb;
    }
    delete st->db;
    delete st;
}

static std::string
record(const psi_buf &b)
{
    return std::string(b.s ? b.s : "", b.len);
}

static std::string
fold(const char *s)
{
    char *f = psi_fold_ascii(s ? s : "");
    std::string r;
    for (const char *p = f; *p; p++)
        if (*p != ' ')
            r += *p;
    free(f);
    return r;
}

static std::string
fold_str(const std::string &s)
{
    char *f = psi_fold_ascii(s.c_str());
    std::string r(f);
    free(f);
    return r;
}

/* Xapian refuses terms over 245 bytes; TermGenerator skips words over 64
 * bytes, and so do the extras (a damaged PDF can glue a page into one word). */
static const size_t MAX_WORD = 64;

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
                d.add_term("XP" + st);
            } else if (tag == 'J') {
                d.add_term("Z" + st);
            } else if (tag == 'D') {
                d.add_term("XD" + fold_str(st));
                d.add_term("XD" + fold_str(w));
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* The first fields of a passage's or budget row's data: which document
 * it belongs to, for printing a hit without reading the record. */
static void
record_start(psi_buf *b, const ps_docinfo *info)
{
    psi_buf_reset(b);
    psi_record_add(b, "docid", info->docid);
    psi_record_add(b, "file", info->file);
    psi_record_add(b, "org", info->org);
    psi_record_addi(b, "lan", info->lan);
    psi_record_addi(b, "year", info->year);
}

/* The filter terms, and the values every document has; the document
 * record (record = true) also keeps its län and kind as values. */
static void
add_filters(Xapian::Document &d, const ps_docinfo *info, bool record = false)
{
    d.add_boolean_term(std::string("D") + info->docid);
    if (info->lan >= 0) {
        d.add_boolean_term(std::string("L") + ps_lan_slug(info->lan));
        if (record)
            d.add_value(SLOT_LAN, ps_lan_slug(info->lan));
    }
    if (info->year > 0) {
        d.add_boolean_term("Y" + std::to_string(info->year));
        d.add_value(SLOT_YEAR, Xapian::sortable_serialise(info->year));
    }
    d.add_boolean_term(std::string("K") + fold(ps_kind_name(info->kind)));
    if (record)
        d.add_value(SLOT_KIND, ps_kind_name(info->kind));
    if (info->org && *info->org)
        d.add_boolean_term("O" + fold(info->org));
    d.add_value(SLOT_DOCID, info->docid);
}

static std::string
path_term(const char *path)
{
    char h[17];
    psi_hash_hex(path, strlen(path), h);
    return std::string("P") + h;
}

/* Test hook for the crash-safety tests (tests/e2e/t600-robustness.sh):
 * PLANSOK_TEST_KILL=N kills the process with SIGKILL inside the N-th
 * document transaction of this process, after its passages are added and
 * before the commit. Never set outside tests. */
static void
test_kill_point(void)
{
    static int count; /* test hook only */
    const char *k = getenv("PLANSOK_TEST_KILL");
    if (k && ++count == atoi(k))
        raise(SIGKILL);
}

extern "C" ps_status
psi_store_replace(psi_store *st, const psi_store_doc *doc, const char *old_docid, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    const ps_docinfo *info = doc->info;
    Xapian::WritableDatabase *wdb = nullptr;
    try {
        wdb = &shard_for(st, info);
        /* a new version of a document whose län or year changed: its
         * old passages are in another shard */
        for (shard &sh : st->shards)
            if (sh.wdb != wdb) {
                if (sh.wdb->term_exists(std::string("D") + info->docid))
                    sh.wdb->delete_document(std::string("D") + info->docid);
                if (old_docid && *old_docid && sh.wdb->term_exists(std::string("D") + old_docid))
                    sh.wdb->delete_document(std::string("D") + old_docid);
            }
        Xapian::TermGenerator tg;
        Xapian::Stem stem("swedish");
        tg.set_stemmer(stem);
        /* every word as its stem, with positions: unstemmed terms as well
         * (STEM_SOME) cost a third more postings and the writer's time */
        tg.set_stemming_strategy(st->plain ? Xapian::TermGenerator::STEM_SOME : Xapian::TermGenerator::STEM_ALL_Z);
        /* spelling data ("did you mean") once per word and document,
         * not once per occurrence as TermGenerator's FLAG_SPELLING would */
        std::unordered_map<std::string, Xapian::termcount> spelling;
        /* unflushed: whole documents go to disk together, every batch */
        wdb->begin_transaction(false);
        wdb->delete_document(std::string("D") + info->docid);
        if (old_docid && *old_docid)
            wdb->delete_document(std::string("D") + old_docid);

        Xapian::Document rec;
        psi_buf b = PSI_BUF_INIT;
        psi_record_add(&b, "docid", info->docid);
        psi_record_add(&b, "path", info->path);
        psi_record_addi(&b, "size", (long)info->size);
        psi_record_addi(&b, "mtime", (long)info->mtime);
        psi_record_add(&b, "file", info->file);
        psi_record_add(&b, "title", info->title);
        psi_record_add(&b, "org", info->org);
        psi_record_addi(&b, "lan", info->lan);
        psi_record_addi(&b, "year", info->year);
        psi_record_addi(&b, "kind", info->kind);
        psi_record_addi(&b, "pages", info->pages);
        psi_record_addi(&b, "text_pages", info->text_pages);
        psi_record_addi(&b, "passages", (long)doc->npassages);
        psi_buf ol = PSI_BUF_INIT;
        for (size_t i = 0; i < doc->noutline; i++)
            psi_buf_addf(&ol, "%d\t%d\t%s\t%s\n", doc->outline[i].level, doc->outline[i].page,
                         ps_section_name(doc->outline[i].section), doc->outline[i].text);
        psi_record_add(&b, "outline", psi_buf_str(&ol));
        psi_buf_release(&ol);
        rec.set_data(record(b));
        rec.add_boolean_term("Tdoc");
        rec.add_boolean_term(std::string("Q") + info->docid);
        rec.add_boolean_term(path_term(info->path));
        add_filters(rec, info, true);
        wdb->replace_document(std::string("Q") + info->docid, rec);

        for (size_t i = 0; i < doc->npassages; i++) {
            const ps_passage *p = &doc->passages[i];
            Xapian::Document d;
            tg.set_document(d);
            /* only the passage's own heading: its ancestors (a chapter
             * title) would make every passage of the chapter match */
            const char *own = strrchr(p->heading, '>');
            own = own ? own + 2 : p->heading;
            tg.index_text(own, 2);
            tg.increase_termpos(100);
            tg.index_text(p->text);
            if (!st->plain) {
                count_words(own, spelling);
                count_words(p->text, spelling);
            }
            if (!st->plain && p->terms)
                add_extra_terms(d, p->terms, stem);
            record_start(&b, info);
            psi_record_addi(&b, "kind", info->kind);
            psi_record_addi(&b, "page", p->page);
            psi_record_addi(&b, "section", p->section);
            psi_record_add(&b, "heading", p->heading);
            psi_record_add(&b, "text", p->text);
            d.set_data(record(b));
            d.add_boolean_term("Tpassage");
            add_filters(d, info);
            d.add_boolean_term(std::string("S") + ps_section_name(p->section));
            d.add_value(SLOT_ORDER, Xapian::sortable_serialise((double)i));
            /* no unique term of its own: the document's D term finds (and
             * removes) every passage, and one posting list per passage
             * would cost the writer for nothing */
            wdb->add_document(d);
        }
        for (size_t i = 0; i < doc->nbudget; i++) {
            const ps_budget_row *r = &doc->budget[i];
            Xapian::Document d;
            record_start(&b, info);
            psi_record_addi(&b, "page", r->page);
            psi_record_add(&b, "table", r->table);
            psi_record_add(&b, "unit", r->unit);
            psi_record_add(&b, "label", r->label);
            psi_buf cols = PSI_BUF_INIT, vals = PSI_BUF_INIT;
            for (size_t k = 0; k < r->ncols; k++) {
                psi_buf_addf(&cols, "%s%s", k ? "\t" : "", r->columns[k]);
                if (k)
                    psi_buf_addc(&vals, '\t');
                if (r->present[k])
                    psi_buf_addf(&vals, "%.17g", r->amounts[k]);
            }
            psi_record_add(&b, "columns", psi_buf_str(&cols));
            psi_record_add(&b, "amounts", psi_buf_str(&vals));
            psi_buf_release(&cols);
            psi_buf_release(&vals);
            d.set_data(record(b));
            d.add_boolean_term("Tbudget");
            add_filters(d, info);
            d.add_value(SLOT_ORDER, Xapian::sortable_serialise((double)i));
            wdb->add_document(d); /* removed with the D term, as passages are */
        }
        psi_buf_release(&b);
        for (const auto &w : spelling)
            wdb->add_spelling(w.first, w.second);
        test_kill_point();
        wdb->commit_transaction();
        if (++st->pending >= st->batch) {
            commit_all(st);
            st->pending = 0;
        }
        return PS_OK;
    } catch (...) {
        ps_status s = classify(err, st->dir);
        try {
            if (wdb)
                wdb->cancel_transaction();
        } catch (...) {
        }
        return s;
    }
}

/* Field values typed in a query go through the C normaliser. */
class FilterField : public Xapian::FieldProcessor {
    psi_filter_fn fn;
    std::string field, prefix;

  public:
    FilterField(psi_filter_fn f, const char *name, const char *pfx) : fn(f), field(name), prefix(pfx) {}
    Xapian::Query operator()(const std::string &value) override
    {
        char *t = fn(field.c_str(), value.c_str());
        if (!t)
            throw Xapian::QueryParserError("unknown " + field + " '" + value + "'");
        std::string term = prefix + t;
        free(t);
        return Xapian::Query(term);
    }
};

class YearField : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string &v) override
    {
        int a = 0, b = 0;
        char tail = 0;
        if (sscanf(v.c_str(), "%d..%d%c", &a, &b, &tail) == 2 && a > 0 && b >= a)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, SLOT_YEAR, Xapian::sortable_serialise(a),
                                 Xapian::sortable_serialise(b));
        if (sscanf(v.c_str(), "%d%c", &a, &tail) == 1 && a > 0)
            return Xapian::Query("Y" + std::to_string(a));
        throw Xapian::QueryParserError("bad year '" + v + "': use year:2014 or year:2013..2014");
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

/* Words typed in the query also match compound parts (weight 0.3) and,
 * when typed without å/ä/ö, the words that have them (weight 0.5), so
 * exact matches rank first. Phrases stay exact; filters are untouched. */
static Xapian::Query
expand(const Xapian::Query &q, const Xapian::Stem &stem, const Xapian::QueryParser &qp)
{
    Xapian::Query::op t = q.get_type();
    if (t == Xapian::Query::LEAF_TERM) {
        std::string term = *q.get_terms_begin();
        if (term.empty())
            return q;
        unsigned char c = (unsigned char)term[0];
        bool stemmed = c == 'Z';
        if (!stemmed && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c < 0x80)
            return q; /* a boolean filter term (L, Y, K, S, O, T ...) */
        if (term.size() > MAX_WORD)
            return q;
        std::string st = stemmed ? term.substr(1) : stem(term);
        /* the words as typed: the stemmer treats "malomrade" and
         * "målområde" differently, so the folded word is matched too */
        std::vector<std::string> typed;
        if (stemmed) {
            for (Xapian::TermIterator u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u)
                typed.push_back(*u);
        } else {
            typed.push_back(term);
        }
        std::vector<Xapian::Query> alts{ q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("XP" + st), 0.3) };
        bool diacritics = has_diacritic(st);
        for (const std::string &w : typed)
            diacritics |= has_diacritic(w);
        if (!diacritics) { /* typed without å/ä/ö: also the words with them */
            alts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("XD" + st), 0.5));
            for (const std::string &w : typed)
                alts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("XD" + w), 0.5));
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

static Xapian::Query
build_query(Xapian::Database &db, const psi_store_query *q, bool plain, std::string *suggestion,
            const char *type = "Tpassage")
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
        qp.add_boolean_prefix("lan", (new FilterField(q->filter, "län", "L"))->release());
        qp.add_boolean_prefix("län", (new FilterField(q->filter, "län", "L"))->release());
        qp.add_boolean_prefix("kind", (new FilterField(q->filter, "kind", "K"))->release());
        qp.add_boolean_prefix("org", (new FilterField(q->filter, "org", "O"))->release());
        qp.add_boolean_prefix("section", (new FilterField(q->filter, "section", "S"))->release());
        qp.add_boolean_prefix("year", (new YearField())->release());
        qp.add_boolean_prefix("år", (new YearField())->release());
        unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
        /* spelling correction looks up every word's trigrams: only
         * when a suggestion is asked for (a search without matches) */
        if (!plain && suggestion)
            flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        base = qp.parse_query(text, flags);
        if (suggestion)
            *suggestion = qp.get_corrected_query_string();
        if (!plain)
            base = expand(base, Xapian::Stem("swedish"), qp);
    }
    Xapian::Query filter(type);
    if (q->lan >= 0)
        filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, Xapian::Query(std::string("L") + ps_lan_slug(q->lan)));
    if (q->section >= 0)
        filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
                               Xapian::Query(std::string("S") + ps_section_name((ps_section)q->section)));
    if (q->kind >= 0)
        filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
                               Xapian::Query("K" + fold(ps_kind_name((ps_kind)q->kind))));
    if (q->year_from > 0 || q->year_to > 0) {
        int a = q->year_from > 0 ? q->year_from : 0, b = q->year_to > 0 ? q->year_to : 9999;
        Xapian::Query years;
        if (a > 0 && b - a <= 50) { /* the year terms: faster than reading values */
            std::vector<Xapian::Query> ys;
            for (int y = a; y <= b; y++)
                ys.push_back(Xapian::Query("Y" + std::to_string(y)));
            years = Xapian::Query(Xapian::Query::OP_OR, ys.begin(), ys.end());
        } else {
            years = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, SLOT_YEAR, Xapian::sortable_serialise(a),
                                  Xapian::sortable_serialise(b));
        }
        filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, years);
    }
    if (blank || base.empty())
        return filter;
    return Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
}

static char *
get(const std::string &data, const char *key)
{
    char *v = psi_record_get(data.data(), data.size(), key);
    return v ? v : psi_strdup("");
}

static int
geti(const std::string &data, const char *key)
{
    char *v = get(data, key);
    int r = atoi(v);
    free(v);
    return r;
}

/* The fields of a passage hit from its stored record. */
static void
fill_hit(ps_hit *h, const std::string &data, bool want_text)
{
    h->docid = get(data, "docid");
    h->lan = geti(data, "lan");
    h->year = geti(data, "year");
    h->kind = (ps_kind)geti(data, "kind");
    h->page = geti(data, "page");
    h->section = (ps_section)geti(data, "section");
    if (!want_text)
        return;
    h->file = get(data, "file");
    h->org = get(data, "org");
    h->heading = get(data, "heading");
    h->text = get(data, "text");
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
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = psi_utf8_decode(s + i, n - i, &cp);
        if (!l || !psi_cp_is_letter(cp)) {
            i += l ? l : 1;
            continue;
        }
        size_t b = i;
        while (i < n && (l = psi_utf8_decode(s + i, n - i, &cp)) && (psi_cp_is_letter(cp) || cp == '-'))
            i += l;
        bool marked = false;
        for (size_t k = 0; k < h->nmarks && !marked; k++)
            marked = h->marks[k].start < i && h->marks[k].end > b;
        if (marked)
            continue;
        psi_buf low = PSI_BUF_INIT;
        psi_lower_append(&low, s + b, i - b);
        char *folded = psi_fold_ascii(psi_buf_str(&low));
        for (const std::string &st : stems) {
            /* "XD..." stems are folded: compare with the folded word */
            bool f = st.compare(0, 2, "XD") == 0;
            const char *needle = f ? st.c_str() + 2 : st.c_str();
            if (strlen(needle) >= 5 && strstr(f ? folded : psi_buf_str(&low), needle)) {
                add.push_back(ps_mark{ b, i });
                break;
            }
        }
        free(folded);
        psi_buf_release(&low);
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
    ps_hits *res = nullptr;
    try {
        Xapian::Enquire enq(*st->db);
        Xapian::Query query = build_query(*st->db, q, st->plain, nullptr);
        enq.set_query(query);
        std::vector<std::string> stems; /* for marking compounds in snippets */
        if (!st->plain)
            for (Xapian::TermIterator t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
                const std::string &term = *t;
                if (term.compare(0, 2, "XP") == 0)
                    stems.push_back(term.substr(2));
                else if (term.compare(0, 2, "XD") == 0)
                    stems.push_back(term); /* kept with its prefix: folded */
                else if (term[0] == 'Z')
                    stems.push_back(term.substr(1));
            }
        /* equal weights rank by document, then as the document reads:
         * the same order whether the index is one database or shards */
        enq.set_sort_by_relevance_then_value(SLOT_DOCID, false);
        Xapian::doccount max = limit ? (Xapian::doccount)limit : st->db->get_doccount();
        /* totals up to COUNT_EXACT are counted, above it estimated */
        Xapian::MSet ms = enq.get_mset(0, max, limit ? std::max(max, COUNT_EXACT) : max);
        res = (ps_hits *)psi_calloc(1, sizeof *res);
        res->query = psi_strdup(q->text);
        std::string suggestion;
        if (ms.empty() && !st->plain) /* parsed again, for "did you mean" */
            build_query(*st->db, q, st->plain, &suggestion);
        res->suggestion = psi_strdup(suggestion.c_str());
        res->total = limit ? ms.get_matches_estimated() : ms.size();
        res->hits = (ps_hit *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->hits);
        Xapian::Stem stem("swedish");
        for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
            ps_hit *h = &res->hits[res->n++];
            h->score = it.get_percent();
            fill_hit(h, it.get_document().get_data(), want_text);
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
        *out = res;
        return PS_OK;
    } catch (...) {
        ps_hits_free(res);
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_count(psi_store *st, const psi_store_query *q, psi_doc_count **out, size_t *n, ps_error *err)
{
    *out = nullptr;
    *n = 0;
    try {
        Xapian::Enquire enq(*st->db);
        enq.set_query(build_query(*st->db, q, st->plain, nullptr));
        enq.set_weighting_scheme(Xapian::BoolWeight());
        /* a spy sees every match and reads one value of each: no passage
         * text, no ranking; Xapian's own spy, so remote shards count too */
        Xapian::ValueCountMatchSpy spy(SLOT_DOCID);
        enq.add_matchspy(&spy);
        enq.get_mset(0, 0, st->db->get_doccount());
        std::vector<psi_doc_count> res;
        for (Xapian::TermIterator t = spy.values_begin(); t != spy.values_end(); ++t) {
            psi_doc_count c = { -1, 0, (unsigned)t.get_termfreq() };
            /* the document's record carries its län and year */
            std::string id = "Q" + *t;
            Xapian::PostingIterator p = st->db->postlist_begin(id);
            if (p != st->db->postlist_end(id)) {
                Xapian::Document d = st->db->get_document(*p, Xapian::DOC_ASSUME_VALID);
                std::string lan = d.get_value(SLOT_LAN), year = d.get_value(SLOT_YEAR);
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
    ps_doclist *l = nullptr;
    try {
        Xapian::Enquire enq(*st->db);
        enq.set_query(Xapian::Query("Tdoc"));
        Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
        l = (ps_doclist *)psi_calloc(1, sizeof *l);
        l->docs = (ps_docinfo *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *l->docs);
        for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
            std::string data = it.get_document().get_data();
            ps_docinfo *d = &l->docs[l->n++];
            d->docid = get(data, "docid");
            d->path = get(data, "path");
            d->size = psi_record_getll(data.data(), data.size(), "size");
            d->mtime = psi_record_getll(data.data(), data.size(), "mtime");
            d->file = get(data, "file");
            d->title = get(data, "title");
            d->org = get(data, "org");
            d->lan = geti(data, "lan");
            d->year = geti(data, "year");
            d->kind = (ps_kind)geti(data, "kind");
            d->pages = geti(data, "pages");
            d->text_pages = geti(data, "text_pages");
            d->passages = geti(data, "passages");
        }
        *out = l;
        return PS_OK;
    } catch (...) {
        ps_doclist_free(l);
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_doc_detail(psi_store *st, const char *docid, char **outline, ps_hits **hits, ps_error *err)
{
    *outline = nullptr;
    if (hits)
        *hits = nullptr;
    ps_hits *res = nullptr;
    try {
        std::string id = std::string("Q") + docid;
        Xapian::PostingIterator it = st->db->postlist_begin(id);
        if (it == st->db->postlist_end(id))
            return psi_fail(err, PS_ERR_USAGE, "no indexed document with id '%s'", docid);
        std::string data = st->db->get_document(*it).get_data();
        *outline = get(data, "outline");
        if (!hits)
            return PS_OK;
        Xapian::Enquire enq(*st->db);
        enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(std::string("D") + docid),
                                    Xapian::Query("Tpassage")));
        enq.set_sort_by_value(SLOT_ORDER, false);
        Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
        res = (ps_hits *)psi_calloc(1, sizeof *res);
        res->query = psi_strdup("");
        res->total = ms.size();
        res->hits = (ps_hit *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->hits);
        for (Xapian::MSetIterator m = ms.begin(); m != ms.end(); ++m) {
            ps_hit *h = &res->hits[res->n++];
            fill_hit(h, m.get_document().get_data(), true);
            h->snippet = psi_strdup("");
        }
        *hits = res;
        return PS_OK;
    } catch (...) {
        free(*outline);
        *outline = nullptr;
        ps_hits_free(res);
        return classify(err, st->dir);
    }
}

/* Splits a tab-joined record value. */
static std::vector<std::string>
split_tabs(const std::string &s)
{
    std::vector<std::string> v;
    size_t start = 0;
    for (;;) {
        size_t t = s.find('\t', start);
        v.push_back(s.substr(start, t == std::string::npos ? std::string::npos : t - start));
        if (t == std::string::npos)
            break;
        start = t + 1;
    }
    return v;
}

extern "C" ps_status
psi_store_budget(psi_store *st, const psi_store_query *q, ps_budget **out, ps_error *err)
{
    *out = nullptr;
    ps_budget *res = nullptr;
    try {
        Xapian::Enquire enq(*st->db);
        enq.set_query(build_query(*st->db, q, st->plain, nullptr, "Tbudget"));
        enq.set_docid_order(Xapian::Enquire::ASCENDING);
        enq.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet ms = enq.get_mset(0, st->db->get_doccount());
        /* by län, year, file, page and document, then as the table reads:
         * the same whether the documents share a database or not (docid
         * order interleaves shards; one document's rows keep theirs) */
        struct key {
            int lan, year, page;
            std::string file, docid;
            Xapian::MSetIterator it;
        };
        std::vector<key> keys;
        for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
            Xapian::Document d = it.get_document();
            std::string data = d.get_data();
            char *f = get(data, "file");
            keys.push_back(key{ geti(data, "lan"), geti(data, "year"), geti(data, "page"), f,
                                d.get_value(SLOT_DOCID), it });
            free(f);
        }
        std::stable_sort(keys.begin(), keys.end(), [](const key &a, const key &b) {
            unsigned la = (unsigned)a.lan, lb = (unsigned)b.lan; /* unknown (-1) last */
            if (la != lb)
                return la < lb;
            if (a.year != b.year)
                return a.year < b.year;
            if (a.file != b.file)
                return a.file < b.file;
            if (a.docid != b.docid)
                return a.docid < b.docid;
            return a.page < b.page;
        });
        res = (ps_budget *)psi_calloc(1, sizeof *res);
        res->rows = (ps_budget_row *)psi_calloc(ms.size() ? ms.size() : 1, sizeof *res->rows);
        for (const key &k : keys) {
            std::string data = k.it.get_document().get_data();
            ps_budget_row *r = &res->rows[res->n++];
            r->docid = get(data, "docid");
            r->file = get(data, "file");
            r->org = get(data, "org");
            r->lan = geti(data, "lan");
            r->year = geti(data, "year");
            r->page = geti(data, "page");
            r->table = get(data, "table");
            r->unit = get(data, "unit");
            r->label = get(data, "label");
            char *c = get(data, "columns"), *a = get(data, "amounts");
            std::vector<std::string> cols = split_tabs(c), vals = split_tabs(a);
            free(c);
            free(a);
            r->ncols = cols.size();
            r->columns = (char **)psi_calloc(r->ncols ? r->ncols : 1, sizeof *r->columns);
            r->amounts = (double *)psi_calloc(r->ncols ? r->ncols : 1, sizeof *r->amounts);
            r->present = (unsigned char *)psi_calloc(r->ncols ? r->ncols : 1, 1);
            for (size_t k = 0; k < r->ncols; k++) {
                r->columns[k] = psi_strdup(cols[k].c_str());
                if (k < vals.size() && !vals[k].empty()) {
                    r->amounts[k] = strtod(vals[k].c_str(), nullptr);
                    r->present[k] = 1;
                }
            }
        }
        *out = res;
        return PS_OK;
    } catch (...) {
        ps_budget_free(res);
        return classify(err, st->dir);
    }
}

extern "C" char *
psi_stem(const char *word)
{
    try {
        static_assert(sizeof(char) == 1, "");
        Xapian::Stem stem("swedish");
        return psi_strdup(stem(word).c_str());
    } catch (...) {
        return psi_strdup(word);
    }
}

extern "C" void
psi_store_rec_release(psi_store_rec *r)
{
    free(r->docid);
    free(r->path);
    memset(r, 0, sizeof *r);
}

extern "C" ps_status
psi_store_find(psi_store *st, const char *path, const char *docid, psi_store_rec *out, ps_error *err)
{
    memset(out, 0, sizeof *out);
    try {
        std::string term = path ? path_term(path) : std::string("Q") + docid;
        Xapian::PostingIterator it = st->db->postlist_begin(term);
        for (; it != st->db->postlist_end(term); ++it) {
            Xapian::Document d = st->db->get_document(*it);
            std::string data = d.get_data();
            char *size = psi_record_get(data.data(), data.size(), "size");
            if (!size) /* a passage, not the document record */
                continue;
            out->size = atoll(size);
            free(size);
            out->docid = get(data, "docid");
            out->path = get(data, "path");
            out->mtime = psi_record_getll(data.data(), data.size(), "mtime");
            break;
        }
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

extern "C" ps_status
psi_store_touch(psi_store *st, const char *docid, const char *path, long long size, long long mtime, ps_error *err)
{
    if (!st->writable)
        return psi_fail(err, PS_ERR_INTERNAL, "index opened read-only");
    try {
        std::string id = std::string("Q") + docid;
        Xapian::PostingIterator it = st->db->postlist_begin(id);
        if (it == st->db->postlist_end(id))
            return PS_OK;
        Xapian::Document d = st->db->get_document(*it);
        std::string data = d.get_data();
        /* rewrite the record with the new path, size and mtime */
        psi_buf b = PSI_BUF_INIT;
        static const char *const keys[] = { "file", "title", "org", "lan", "year", "kind", "pages",
                                            "text_pages", "passages", "outline", nullptr };
        psi_record_add(&b, "docid", docid);
        psi_record_add(&b, "path", path);
        psi_record_addi(&b, "size", (long)size);
        psi_record_addi(&b, "mtime", (long)mtime);
        for (int k = 0; keys[k]; k++) {
            char *v = get(data, keys[k]);
            psi_record_add(&b, keys[k], v);
            free(v);
        }
        d.set_data(record(b));
        psi_buf_release(&b);
        char *old = get(data, "path");
        d.remove_term(path_term(old));
        free(old);
        d.add_boolean_term(path_term(path));
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
            sh.wdb->delete_document(std::string("D") + docid);
            sh.wdb->commit();
        }
        return PS_OK;
    } catch (...) {
        return classify(err, st->dir);
    }
}

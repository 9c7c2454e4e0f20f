/* xapian.h: what the store's C++ files share, and the only header that
 * includes Xapian. The store is split by concept: xapian-open.cc (opening,
 * shards, stub files, the lock), xapian-write.cc (documents in and out),
 * xapian-query.cc (the query language), xapian-read.cc (answers),
 * xapian-check.cc (whether an index is sound) and xapian-errors.cc
 * (exceptions to statuses and messages).
 * No C++ type or exception leaves these files: every extern "C" function
 * catches everything and classify() sorts it into a ps_status. C buffers
 * held across Xapian calls are owned by the RAII guards below, so nothing
 * leaks when Xapian throws. */
#ifndef PLANSOK_XAPIAN_H
#define PLANSOK_XAPIAN_H

#include "index/schema.h"

#include <xapian.h>

#include <cstdlib>
#include <sys/stat.h>
#include <time.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

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
    int lock_fd = -1;                 /* a writer's lock on the whole index */
};

/* ------------------------------------------------------------ guards */

/* A psi_buf released when it goes out of scope. */
struct buf_guard {
    psi_buf b = PSI_BUF_INIT;
    buf_guard() = default;
    buf_guard(const buf_guard &) = delete;
    buf_guard &operator=(const buf_guard &) = delete;
    ~buf_guard() { psi_buf_release(&b); }
    std::string str() const { return std::string(b.s ? b.s : "", b.len); }
};

/* A C result freed with its own function unless released to the caller. */
template <class T, void (*Free)(T *)> struct c_owned {
    T *p = nullptr;
    c_owned() = default;
    explicit c_owned(T *x) : p(x) {}
    c_owned(const c_owned &) = delete;
    c_owned &operator=(const c_owned &) = delete;
    ~c_owned() { Free(p); }
    T *operator->() const { return p; }
    T *release()
    {
        T *x = p;
        p = nullptr;
        return x;
    }
};

/* A struct filled from a record by a field table, released unless kept. */
struct record_guard {
    const psi_field *fields;
    void *obj;
    bool kept = false;
    record_guard(const psi_field *f, void *o) : fields(f), obj(o) {}
    record_guard(const record_guard &) = delete;
    record_guard &operator=(const record_guard &) = delete;
    ~record_guard()
    {
        if (!kept)
            psi_record_release(fields, obj);
    }
};

/* ---------------------------------------------------- schema helpers */

/* Xapian (glass) refuses terms over 245 bytes, and a refused term used to
 * stop a run. TermGenerator skips words over 64 bytes, and so do the
 * extras (a damaged PDF can glue a page into one word); every other term
 * is made by term(), which cuts it to MAX_TERM bytes. */
const size_t MAX_WORD = 64;
const size_t MAX_TERM = 245;
/* Totals up to this many matches are counted, above it estimated. */
const Xapian::doccount COUNT_EXACT = 1000;

/* The term of a value: the prefix and as much of the value as fits in
 * MAX_TERM bytes, cut between characters. The writer and the query
 * filters both come here, so a long value ("org:" of a name of 300
 * bytes) finds its document; values alike in all their first ~240 bytes
 * share a term. */
inline std::string
term(psi_term t, const std::string &value)
{
    std::string s = psi_terms[t].prefix;
    size_t room = MAX_TERM > s.size() ? MAX_TERM - s.size() : 0;
    s.append(value, 0, psi_utf8_cut(value.data(), value.size(), room));
    return s;
}

inline std::string
type_term(psi_doctype d)
{
    return term(PSI_TERM_TYPE, psi_doctype_names[d]);
}

/* The term of a vocabulary value as the writer stores it: the same
 * normalisation typed filter values get. */
std::string vocab_term(psi_term t, const char *value);

/* The XS terms of a fingerprint: its four 16-bit bands, so that two
 * fingerprints within 3 bits share at least one (none for ""). */
std::vector<std::string> sig_bands(const char *sig);

/* The P term of a file path (a hash: paths can exceed Xapian's term length). */
std::string path_term(const char *path);

/* A record that cannot be written so that it reads back (a value out of
 * its field's range): a bug upstream, PS_ERR_INTERNAL. */
struct bad_record : std::runtime_error {
    explicit bad_record(const char *what) : std::runtime_error(what) {}
};

/* Fills obj from a stored record; a bad record throws DatabaseCorruptError. */
void take_record(const std::string &data, const psi_field *fields, void *obj);
std::string put_record(const psi_field *fields, const void *obj);

/* ------------------------------------------------------ across files */

/* An index directory's stub and its writers' lock, after DIR. */
static const char *const STUB = "/XAPIANDB";
static const char *const LOCK = "/plansok.lock";

inline bool
file_exists(const std::string &path)
{
    struct stat sb;
    return stat(path.c_str(), &sb) == 0;
}

/* xapian-errors.cc */
ps_status classify(ps_error *err, const std::string &dir, bool writing = false);
/* "'DIR' is not a plansok index" (schema "") or "was written by another
 * version of plansok (schema N ...)", PS_ERR_INDEX_VERSION. */
ps_status fail_foreign(ps_error *err, const std::string &dir, const std::string &schema);
/* A directory that holds files but no index: not plansok's to write in. */
bool foreign_dir(const std::string &dir);

/* xapian-open.cc */
Xapian::WritableDatabase &shard_for(psi_store *st, const ps_docinfo *info);
Xapian::WritableDatabase &shard_of(psi_store *st, Xapian::docid did, Xapian::docid *local);
void commit_all(psi_store *st);
/* After a failure: says in err how many documents added since the last
 * commit are lost, and forgets them. */
void note_lost(psi_store *st, ps_error *err);

/* The local databases of the index directory dir: its shards as its stub
 * lists them (read by the stub's rules), or dir itself. */
std::vector<std::string> index_databases(const std::string &dir);

/* xapian-check.cc: a damaged table, found by Xapian's consistency check;
 * what() is "TABLE: what Xapian said". classify() makes it
 * PS_ERR_INDEX_CORRUPT with the advice to delete and ingest again. */
struct damaged : std::runtime_error {
    explicit damaged(const std::string &what) : std::runtime_error(what) {}
};
/* Runs Database::check on each database (paths), throws damaged for the
 * first that is not sound; databases not yet made are passed over. */
void check_databases(const std::vector<std::string> &paths);

/* Reading while an ingest commits: glass keeps the revision a reader
 * opened only until the writer's next commits reuse its blocks, and then
 * Xapian throws DatabaseModifiedError. reading() runs body (which must
 * start its results afresh each time) and, on that error, reopens the
 * database at the last committed revision and runs it again, at most
 * MAX_READ_TRIES times in all, pausing 10 ms before the second try and
 * twice as long before each next one (up to 1 s, about 3.5 s in all): a
 * writer that commits after every document would otherwise catch a long
 * read in the same place each time. The last error goes to classify().
 * Returns what body returns. */
const int MAX_READ_TRIES = 10;
template <class F>
auto
reading(psi_store *st, F body) -> decltype(body())
{
    for (int tries = 1;; tries++) {
        try {
            return body();
        } catch (const Xapian::DatabaseModifiedError &) {
            if (tries >= MAX_READ_TRIES)
                throw;
            long ms = tries > 7 ? 1000 : 10L << (tries - 1); /* 10, 20 ... 640, then 1000 */
            struct timespec pause = { ms / 1000, ms % 1000 * 1000000L };
            nanosleep(&pause, nullptr);
            st->db->reopen();
        }
    }
}

/* xapian-query.cc: the Xapian query for q over documents of one type; a
 * suggestion (when not NULL) asks for spelling correction. */
Xapian::Query build_query(Xapian::Database &db, const psi_store_query *q, bool plain, std::string *suggestion,
                          psi_doctype type = PSI_DOCTYPE_PASSAGE);

#endif

/* xapian-open.cc: opening the store (a directory, a sharded index, a stub
 * file), creating and choosing shards, checking the schema version, and
 * classify(), the one place Xapian's exceptions become statuses.
 *
 * Shards (ingest --shard-by lan|year): the index directory holds one
 * database per län ("lan-jonkoping") or year ("year-2014") and a Xapian
 * stub file, DIR/XAPIANDB, listing them ("auto lan-jonkoping"), with a
 * comment line "# plansok shard-by lan". Readers open DIR and Xapian
 * searches the shards as one database; the stub may also list remote
 * shards ("remote tcp HOST PORT", see docs/SCALING.md). The writer keeps
 * every local shard open and puts each document in the shard of its län
 * or year. */
#include "index/xapian.h"

#include <cerrno>
#include <cstring>
#include <new>
#include <sys/stat.h>
#include <unistd.h>

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

void
commit_all(psi_store *st)
{
    for (shard &sh : st->shards)
        sh.wdb->commit();
}

/* The shard a document belongs in, created when it is the first. */
Xapian::WritableDatabase &
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
    sh.wdb->set_metadata(PSI_SCHEMA_KEY, std::to_string(PS_SCHEMA_VERSION));
    sh.wdb->commit();
    write_stub(st);
    return *sh.wdb;
}

/* The writable shard holding a document of the read view, and its docid
 * there (Xapian interleaves the docids of its sub-databases). */
Xapian::WritableDatabase &
shard_of(psi_store *st, Xapian::docid did, Xapian::docid *local)
{
    size_t n = st->shards.size();
    *local = n == 1 ? did : (did - 1) / (Xapian::docid)n + 1;
    return *st->shards[n == 1 ? 0 : (did - 1) % n].wdb;
}

/* Sorts a Xapian exception into a status; call inside a catch block. */
ps_status
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
    } catch (const bad_record &e) {
        return psi_fail(err, PS_ERR_INTERNAL, "a record does not write: %s", e.what());
    } catch (const std::bad_alloc &) {
        return psi_fail(err, PS_ERR_NOMEM, "out of memory");
    } catch (...) {
        return psi_fail(err, PS_ERR_INTERNAL, "unexpected exception in the index layer");
    }
}

/* Why a writable store cannot be opened at dir as asked, or "". */
static std::string
write_refusal(const std::string &dir, bool exists, const struct stat &sb, ps_shard_by have, bool remote,
              ps_shard_by shard_by)
{
    if (exists && !S_ISDIR(sb.st_mode))
        return "'" + dir + "' is a file (a stub database?); ingest into an index directory";
    if (remote || (have == PS_SHARD_NONE && file_exists(dir + STUB)))
        return "'" + dir + "' lists databases plansok did not make (or remote ones); "
                           "ingest into each shard's own directory instead";
    if (have == PS_SHARD_NONE && shard_by != PS_SHARD_NONE && exists && file_exists(dir + "/iamglass"))
        return "the index at '" + dir + "' is not sharded; use a new --db directory for --shard-by";
    if (have != PS_SHARD_NONE && shard_by != PS_SHARD_NONE && have != shard_by)
        return "the index at '" + dir + "' is sharded by " + (have == PS_SHARD_LAN ? "län" : "year") + ", not by " +
               (shard_by == PS_SHARD_LAN ? "län" : "year");
    return "";
}

extern "C" ps_status
psi_store_open(const char *dir, bool writable, bool plain, ps_shard_by shard_by, psi_store **out, ps_error *err)
{
    *out = nullptr;
    /* closed on every way out but success */
    std::unique_ptr<psi_store, void (*)(psi_store *)> st(nullptr, psi_store_close);
    try {
        st.reset(new psi_store);
        st->dir = dir;
        st->plain = plain;
        struct stat sb;
        bool exists = stat(dir, &sb) == 0;
        if (!writable && !exists)
            return psi_fail(err, PS_ERR_INDEX_MISSING,
                            "no index at '%s'; run 'plansok ingest --db %s PDF...' first", dir, dir);
        bool empty_ok = false; /* a sharded index without documents yet */
        if (writable) {
            std::vector<std::string> keys;
            bool remote = false;
            ps_shard_by have = read_stub(dir, &keys, &remote);
            std::string why = write_refusal(dir, exists, sb, have, remote, shard_by);
            if (!why.empty())
                return psi_fail(err, PS_ERR_USAGE, "%s", why.c_str());
            st->shard_by = have != PS_SHARD_NONE ? have : shard_by;
            st->writable = true;
            if (st->shard_by == PS_SHARD_NONE) {
                open_shard(st.get(), "");
            } else {
                if (!exists && mkdir(dir, 0777) != 0)
                    throw Xapian::DatabaseCreateError(std::string("cannot create '") + dir + "': " +
                                                      strerror(errno));
                st->db = new Xapian::Database(); /* the shards join it as they open */
                for (const std::string &k : keys)
                    open_shard(st.get(), k);
                if (keys.empty()) /* a new sharded index: an empty stub */
                    write_stub(st.get());
                empty_ok = keys.empty();
            }
        } else {
            int nshards;
            st->db = open_read(dir, &nshards);
            empty_ok = nshards == 0;
        }
        if (!empty_ok) {
            std::string v = st->db->get_metadata(PSI_SCHEMA_KEY);
            if (v.empty() && st->db->get_doccount() == 0 && st->writable) {
                for (shard &sh : st->shards)
                    sh.wdb->set_metadata(PSI_SCHEMA_KEY, std::to_string(PS_SCHEMA_VERSION));
                commit_all(st.get());
            } else if (v != std::to_string(PS_SCHEMA_VERSION)) {
                return psi_fail(err, PS_ERR_INDEX_VERSION,
                                "index at '%s' has schema version '%s', this plansok reads %d; "
                                "re-create it with 'plansok ingest'",
                                dir, v.empty() ? "none" : v.c_str(), PS_SCHEMA_VERSION);
            }
        }
        *out = st.release();
        return PS_OK;
    } catch (...) {
        return classify(err, dir);
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

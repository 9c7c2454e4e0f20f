/* xapian-open.cc: opening the store (a directory, a sharded index, a stub
 * file), creating and choosing shards, checking the schema version, and
 * classify(), the one place Xapian's exceptions become statuses.
 *
 * Shards (ingest --shard-by lan|year): the index directory holds one
 * database per län ("lan-jonkoping") or year ("year-2014") and a Xapian
 * stub file, DIR/XAPIANDB, listing them ("auto lan-jonkoping"), with a
 * comment line "# plansok shard-by lan". Readers open DIR and Xapian
 * searches the shards as one database. That stub may list only shards
 * inside DIR (read_index_stub): opening an index never runs a program or
 * reaches another machine. A stub file an analyst writes and names with
 * --db may also list remote shards ("remote tcp HOST PORT", see
 * docs/SCALING.md), never a program. Every local database is opened as
 * glass, so Xapian itself never reads a stub. The writer keeps every
 * local shard open and puts each document in the shard of its län or
 * year. Xapian's exceptions become statuses in xapian-errors.cc. */
#include "index/xapian.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <new>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const SHARD_MARK = "# plansok shard-by ";

/* Refuses a line of an index directory's stub (where: "DIR/XAPIANDB:3"). */
[[noreturn]] static void
refuse_line(const std::string &where, const char *line, const char *why)
{
    throw Xapian::DatabaseOpeningError(where + ": '" + line + "' " + why);
}

/* The shard-by line of an index directory's stub, DIR/XAPIANDB;
 * PS_SHARD_NONE when there is none (or no stub). Fills *keys with its
 * shards (and *where, when not null, with the line of each). The stub is read here, whole, before Xapian sees any of it:
 * Xapian would also take "remote :PROGRAM ARGS", which runs PROGRAM,
 * "remote HOST:PORT", absolute paths and stubs nested in the shards, and
 * opening an index someone handed over must not run a program or reach
 * another machine. So every line but comments must be "auto NAME" (or
 * "glass NAME"), NAME a directory inside DIR: relative, without "..", and
 * no symbolic link out of DIR; anything else throws, naming the line.
 * The shards are then opened as glass databases only (open_glass). */
static ps_shard_by
read_index_stub(const std::string &dir, std::vector<std::string> *keys, std::vector<std::string> *where_of = nullptr)
{
    std::string stub = dir + STUB;
    FILE *f = fopen(stub.c_str(), "r");
    if (!f)
        return PS_SHARD_NONE;
    ps_shard_by by = PS_SHARD_NONE;
    char line[1024], real_dir[PATH_MAX], real_shard[PATH_MAX];
    bool have_real = realpath(dir.c_str(), real_dir) != nullptr;
    int lineno = 0;
    try {
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            std::string where = stub + ":" + std::to_string(++lineno);
            if (!strncmp(line, SHARD_MARK, strlen(SHARD_MARK))) {
                const char *v = line + strlen(SHARD_MARK);
                by = !strcmp(v, "lan") ? PS_SHARD_LAN : !strcmp(v, "year") ? PS_SHARD_YEAR : by;
                continue;
            }
            const char *p = line + strspn(line, " \t");
            if (!*p || *p == '#')
                continue;
            char kind[16] = "", name[1024] = "", extra[2] = "";
            if (sscanf(p, "%15s %1023s %1s", kind, name, extra) != 2 || (strcmp(kind, "auto") && strcmp(kind, "glass")))
                refuse_line(where, p, "is not a shard of this index; an index directory lists only its own "
                                      "shards ('auto NAME'), never a program or another machine");
            std::string n = "/" + std::string(name) + "/";
            if (name[0] == '/' || n.find("/../") != std::string::npos || n == "/./")
                refuse_line(where, p, "names a database outside the index directory");
            size_t rl = have_real ? strlen(real_dir) : 0;
            if (have_real && realpath((dir + "/" + name).c_str(), real_shard) &&
                (strncmp(real_shard, real_dir, rl) != 0 || real_shard[rl] != '/'))
                refuse_line(where, p, "leads out of the index directory (a symbolic link)");
            keys->push_back(name);
            if (where_of)
                where_of->push_back(where);
        }
    } catch (...) {
        fclose(f);
        throw;
    }
    fclose(f);
    return by;
}

/* A local database, opened as glass only: never a stub Xapian would read. */
static Xapian::Database
open_glass(const std::string &path)
{
    return Xapian::Database(path, Xapian::DB_BACKEND_GLASS);
}

/* Rewrites the stub to list the shards, atomically (a new file renamed
 * over the old), keeping every shard the stub already lists: the stub is
 * read again, so a shard another writer listed is never dropped. Writers
 * hold the index lock (take_index_lock) while they do this. */
static void
write_stub(const psi_store *st)
{
    std::string path = st->dir + STUB, tmp = path + ".tmp";
    std::vector<std::string> keys;
    read_index_stub(st->dir, &keys);
    for (const shard &sh : st->shards)
        if (std::find(keys.begin(), keys.end(), sh.key) == keys.end())
            keys.push_back(sh.key);
    FILE *f = fopen(tmp.c_str(), "w");
    if (!f)
        throw Xapian::DatabaseError("cannot write '" + tmp + "'", errno);
    fprintf(f, "# Xapian stub database written by plansok ingest: one database per shard.\n"
               "# Query commands read this directory as one index; see docs/SCALING.md.\n"
               "%s%s\n",
            SHARD_MARK, st->shard_by == PS_SHARD_LAN ? "lan" : "year");
    for (const std::string &k : keys)
        fprintf(f, "auto %s\n", k.c_str());
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0)
        throw Xapian::DatabaseError("cannot write '" + path + "'", errno);
}

std::vector<std::string>
index_databases(const std::string &dir)
{
    std::vector<std::string> keys;
    if (!file_exists(dir + STUB))
        return { dir };
    read_index_stub(dir, &keys);
    for (std::string &k : keys)
        k = dir + "/" + k;
    return keys;
}

static Xapian::Database *open_read(const std::string &path, int depth, int *nshards);

/* Opens a stub file given as the index (--db FILE, an analyst's own list
 * of shards): "auto PATH" or "glass PATH" (relative to the stub's
 * directory; opened as any index is, by open_read, so a sharded index
 * listed here keeps its own stub's rules), "remote tcp HOST PORT" and
 * Xapian's "remote HOST:PORT". Xapian's "remote :PROGRAM ARGS" runs
 * PROGRAM: refused, as every other line. *nshards counts the lines. */
static Xapian::Database *
open_stub_file(const std::string &stub, const std::string &base, int depth, int *nshards)
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
                    refuse_line(where, p, "would run a program, and opening an index never does; serve the "
                                          "shard with xapian-tcpsrv and list it as 'remote tcp HOST PORT'");
                } else if (!strcmp(kind, "remote") && got == 2 && strrchr(a, ':')) {
                    std::string hp(a);
                    size_t colon = hp.rfind(':');
                    db->add_database(Xapian::Remote::open(hp.substr(0, colon),
                                                          (unsigned)atoi(hp.c_str() + colon + 1)));
                } else if ((!strcmp(kind, "auto") || !strcmp(kind, "glass")) && got == 2) {
                    int n;
                    std::unique_ptr<Xapian::Database> sub(open_read(a[0] == '/' ? a : base + "/" + a, depth + 1, &n));
                    db->add_database(*sub);
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

/* How deep stub files may list stub files. */
const int MAX_STUB_DEPTH = 8;

/* The database to read at path: a glass directory, a sharded index (its
 * stub read by read_index_stub) or a stub file; *nshards is -1 for a
 * plain directory. Nothing is handed to Xapian that it would read as a
 * stub of its own. */
static Xapian::Database *
open_read(const std::string &path, int depth, int *nshards)
{
    if (depth > MAX_STUB_DEPTH)
        throw Xapian::DatabaseOpeningError("'" + path + "': stub files nested more than " +
                                           std::to_string(MAX_STUB_DEPTH) + " deep");
    struct stat sb;
    *nshards = -1;
    bool found = stat(path.c_str(), &sb) == 0;
    if (found && S_ISDIR(sb.st_mode) && file_exists(path + STUB)) {
        std::vector<std::string> keys, where;
        read_index_stub(path, &keys, &where);
        std::unique_ptr<Xapian::Database> db(new Xapian::Database());
        for (size_t i = 0; i < keys.size(); i++) {
            try {
                db->add_database(open_glass(path + "/" + keys[i]));
            } catch (const Xapian::DatabaseNotFoundError &) {
                throw Xapian::DatabaseOpeningError(where[i] + ": no database at '" + keys[i] + "'");
            }
        }
        *nshards = (int)keys.size();
        return db.release();
    }
    if (found && S_ISREG(sb.st_mode)) {
        size_t slash = path.rfind('/');
        return open_stub_file(path, slash == std::string::npos ? "." : path.substr(0, slash), depth, nshards);
    }
    return new Xapian::Database(open_glass(path));
}

/* Opens (or creates) a writable shard and adds it to the read view. */
static shard &
open_shard(psi_store *st, const std::string &key)
{
    std::string path = key.empty() ? st->dir : st->dir + "/" + key;
    /* glass only: an existing directory is never read as a stub by Xapian */
    auto *w = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
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
    st->pending = 0;
}

extern "C" ps_status
psi_store_commit(psi_store *st, ps_error *err)
{
    if (!st->writable)
        return PS_OK;
    try {
        commit_all(st);
        return PS_OK;
    } catch (...) {
        ps_status s = classify(err, st->dir);
        note_lost(st, err);
        return s;
    }
}

extern "C" ps_status
psi_store_commit_batch(psi_store *st, ps_error *err)
{
    return st->writable && st->pending >= st->batch ? psi_store_commit(st, err) : PS_OK;
}

void
note_lost(psi_store *st, ps_error *err)
{
    size_t n = err ? strlen(err->msg) : 0;
    if (st->pending > 0 && err)
        snprintf(err->msg + n, sizeof err->msg - n, "; the %d document%s added since the last commit %s lost",
                 st->pending, st->pending == 1 ? "" : "s", st->pending == 1 ? "is" : "are");
    else if (err) /* a commit had just been made: say so, not nothing */
        snprintf(err->msg + n, sizeof err->msg - n, "; every document added before is on disk");
    st->pending = 0;
}

extern "C" int
psi_store_pending(const psi_store *st)
{
    return st && st->writable ? st->pending : 0;
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

/* Throws (errno kept) when dir or a file in it cannot be written: a
 * read-only file system, or permissions. */
static void
check_writable(const std::string &dir)
{
    if (access(dir.c_str(), W_OK) != 0)
        throw Xapian::DatabaseError("'" + dir + "'", errno);
    DIR *d = opendir(dir.c_str());
    if (!d)
        throw Xapian::DatabaseError("'" + dir + "'", errno);
    int e = 0;
    while (struct dirent *ent = readdir(d)) {
        std::string path = dir + "/" + ent->d_name;
        struct stat sb;
        if (!e && stat(path.c_str(), &sb) == 0 && S_ISREG(sb.st_mode) && access(path.c_str(), W_OK) != 0)
            e = errno;
    }
    closedir(d);
    if (e)
        throw Xapian::DatabaseError("'" + dir + "'", e);
}

/* A writer's lock on the whole index, DIR/plansok.lock, held until the
 * store is closed. Xapian locks each database; a sharded index is many,
 * and two writers once each rewrote the stub with their own shards. Every
 * writer takes this lock before it reads the stub, so a second writer
 * fails at once, as on an unsharded index. Returns whether it made the
 * lock file. */
static bool
take_index_lock(psi_store *st)
{
    std::string path = st->dir + LOCK;
    bool made = true;
    st->lock_fd = open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (st->lock_fd < 0 && errno == EEXIST) {
        made = false;
        st->lock_fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
    }
    if (st->lock_fd < 0)
        throw Xapian::DatabaseLockError("cannot open '" + path + "'", errno);
    if (flock(st->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            throw Xapian::DatabaseLockError(path + ": already locked");
        throw Xapian::DatabaseLockError("cannot lock '" + path + "'", errno);
    }
    return made;
}

/* Why a writable store cannot be opened at dir as asked, or "". */
static std::string
write_refusal(const std::string &dir, bool exists, const struct stat &sb, ps_shard_by have, ps_shard_by shard_by)
{
    if (exists && !S_ISDIR(sb.st_mode))
        return "'" + dir + "' is a file (a stub database?); ingest into an index directory";
    if (have == PS_SHARD_NONE && file_exists(dir + STUB))
        return "'" + dir + "' lists databases plansok did not make; "
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
            /* another writer may make it at the same moment: then it is
             * there, and the lock below decides */
            if (!exists && mkdir(dir, 0777) != 0) {
                if (errno != EEXIST || stat(dir, &sb) != 0)
                    throw Xapian::DatabaseCreateError(dir, errno);
                exists = true;
            }
            if (exists && !S_ISDIR(sb.st_mode))
                return psi_fail(err, PS_ERR_USAGE, "%s",
                                write_refusal(dir, exists, sb, PS_SHARD_NONE, shard_by).c_str());
            check_writable(dir);
            /* under the lock: another writer may be making the index */
            bool made_lock = take_index_lock(st.get());
            if (foreign_dir(dir)) {
                if (made_lock) /* leave the directory as it was */
                    unlink((st->dir + LOCK).c_str());
                return fail_foreign(err, dir, "");
            }
            std::vector<std::string> keys;
            ps_shard_by have = read_index_stub(dir, &keys);
            std::string why = write_refusal(dir, exists, sb, have, shard_by);
            if (!why.empty())
                return psi_fail(err, PS_ERR_USAGE, "%s", why.c_str());
            /* a damaged table is refused before anything is written to it */
            std::vector<std::string> dbs = index_databases(dir);
            for (const std::string &db : dbs)
                if (db != dir && file_exists(db))
                    check_writable(db);
            check_databases(dbs);
            st->shard_by = have != PS_SHARD_NONE ? have : shard_by;
            st->writable = true;
            if (st->shard_by == PS_SHARD_NONE) {
                open_shard(st.get(), "");
            } else {
                st->db = new Xapian::Database(); /* the shards join it as they open */
                for (const std::string &k : keys)
                    open_shard(st.get(), k);
                if (keys.empty()) /* a new sharded index: an empty stub */
                    write_stub(st.get());
                empty_ok = keys.empty();
            }
        } else {
            int nshards;
            st->db = open_read(dir, 0, &nshards);
            empty_ok = nshards == 0;
        }
        if (!empty_ok) {
            std::string v = st->db->get_metadata(PSI_SCHEMA_KEY);
            if (v.empty() && st->db->get_doccount() == 0 && st->writable) {
                for (shard &sh : st->shards)
                    sh.wdb->set_metadata(PSI_SCHEMA_KEY, std::to_string(PS_SCHEMA_VERSION));
                commit_all(st.get());
            } else if (v != std::to_string(PS_SCHEMA_VERSION)) {
                return fail_foreign(err, dir, v);
            }
        }
        *out = st.release();
        return PS_OK;
    } catch (...) {
        return classify(err, dir, writable);
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
    if (st->lock_fd >= 0)
        close(st->lock_fd); /* after the databases: the lock covers them */
    delete st;
}

/* xapian-errors.cc: classify(), the one place Xapian's exceptions become
 * statuses, and the messages that name the cause: locked (only when
 * another writer holds the index), cannot write (permissions, a read-only
 * file system), not a plansok index (other files, another schema),
 * damaged (with the advice to delete and ingest again). Xapian's advice to
 * programmers ("call reopen()", "run xapian-check") never reaches users. */
#include "index/xapian.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>

/* What Xapian said, without the advice it adds for programmers ("run
 * xapian-check on this database", "you should call reopen()"): plansok's
 * own message says what to do. */
static std::string
xapian_says(const Xapian::Error &e)
{
    std::string m = e.get_msg();
    for (const char *hint : { " - run ", " - you should ", "; you should " }) {
        size_t at = m.find(hint);
        if (at != std::string::npos)
            m.erase(at);
    }
    return m;
}

/* Whether the system refused access (read-only file system, permissions). */
static bool
refused_access(const Xapian::Error &e)
{
    const char *why = e.get_error_string();
    return why && (!strcmp(why, strerror(EACCES)) || !strcmp(why, strerror(EROFS)) || !strcmp(why, strerror(EPERM)));
}

static ps_status
fail_access(ps_error *err, const std::string &dir, bool writing, const Xapian::Error &e)
{
    return psi_fail(err, PS_ERR_IO, "cannot %s index at '%s': %s", writing ? "write to" : "read", dir.c_str(),
                    e.get_error_string());
}

static ps_status
fail_damaged(ps_error *err, const std::string &dir, const std::string &what)
{
    return psi_fail(err, PS_ERR_INDEX_CORRUPT,
                    "index at '%s' is damaged (%s); delete the directory and ingest again: "
                    "rm -r '%s' && plansok ingest --db '%s' PDF...",
                    dir.c_str(), what.c_str(), dir.c_str(), dir.c_str());
}

ps_status
fail_foreign(ps_error *err, const std::string &dir, const std::string &schema)
{
    std::string what = schema.empty() ? "is not a plansok index"
                                      : "was written by another version of plansok (schema " + schema +
                                            ", this one reads " + std::to_string(PS_SCHEMA_VERSION) + ")";
    return psi_fail(err, PS_ERR_INDEX_VERSION, "'%s' %s; ingest into a new directory or delete it", dir.c_str(),
                    what.c_str());
}

bool
foreign_dir(const std::string &dir)
{
    if (file_exists(dir + "/iamglass") || file_exists(dir + STUB))
        return false;
    DIR *d = opendir(dir.c_str());
    if (!d)
        return false;
    bool other = false;
    while (struct dirent *e = readdir(d))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, LOCK + 1))
            other = true;
    closedir(d);
    return other;
}

/* Sorts a Xapian exception into a status; call inside a catch block.
 * writing: the index was being opened or written by a writer. */
ps_status
classify(ps_error *err, const std::string &dir, bool writing)
{
    const char *d = dir.c_str();
    try {
        throw;
    } catch (const damaged &e) {
        return fail_damaged(err, dir, e.what());
    } catch (const Xapian::DatabaseLockError &e) {
        if (e.get_error_string())
            return fail_access(err, dir, true, e);
        return psi_fail(err, PS_ERR_INDEX_LOCKED,
                        "index at '%s' is locked by another plansok ingest; wait for it to finish", d);
    } catch (const Xapian::DatabaseModifiedError &) {
        return psi_fail(err, PS_ERR_INDEX,
                        "index at '%s' changed while it was read, %d times in a row (an ingest is committing); "
                        "run the command again",
                        d, MAX_READ_TRIES);
    } catch (const Xapian::DatabaseVersionError &e) {
        return psi_fail(err, PS_ERR_INDEX_VERSION,
                        "index at '%s' has a format this Xapian cannot read (%s); ingest into a new directory", d,
                        xapian_says(e).c_str());
    } catch (const Xapian::DatabaseCorruptError &e) {
        return fail_damaged(err, dir, xapian_says(e));
    } catch (const Xapian::DatabaseNotFoundError &) {
        if (foreign_dir(dir))
            return fail_foreign(err, dir, "");
        return psi_fail(err, PS_ERR_INDEX_MISSING, "no index at '%s'; run 'plansok ingest --db %s PDF...' first", d,
                        d);
    } catch (const Xapian::DatabaseOpeningError &e) {
        if (refused_access(e))
            return fail_access(err, dir, writing, e);
        return psi_fail(err, PS_ERR_INDEX_MISSING, "cannot open index at '%s': %s", d, xapian_says(e).c_str());
    } catch (const Xapian::DatabaseCreateError &e) {
        if (refused_access(e))
            return fail_access(err, dir, true, e);
        return psi_fail(err, PS_ERR_IO, "cannot create index at '%s': %s", d,
                        e.get_error_string() ? e.get_error_string() : xapian_says(e).c_str());
    } catch (const Xapian::DatabaseError &e) {
        if (refused_access(e))
            return fail_access(err, dir, writing, e);
        if (e.get_error_string()) /* the system's error: a full disk, EIO */
            return psi_fail(err, PS_ERR_INDEX, "index at '%s': %s: %s", d, xapian_says(e).c_str(),
                            e.get_error_string());
        /* Xapian found a table it cannot read ("Block 25 item 202: not
         * in sorted order"); a failed write is the system's error */
        if (e.get_type() == std::string("DatabaseError") && e.get_msg().find("writ") == std::string::npos)
            return fail_damaged(err, dir, xapian_says(e));
        return psi_fail(err, PS_ERR_INDEX, "index error (%s): %s", e.get_type(), xapian_says(e).c_str());
    } catch (const Xapian::QueryParserError &e) {
        return psi_fail(err, PS_ERR_BAD_QUERY, "%s", e.get_msg().c_str());
    } catch (const Xapian::Error &e) {
        return psi_fail(err, PS_ERR_INDEX, "index error (%s): %s", e.get_type(), xapian_says(e).c_str());
    } catch (const bad_record &e) {
        return psi_fail(err, PS_ERR_INTERNAL, "a record does not write: %s", e.what());
    } catch (const std::bad_alloc &) {
        return psi_fail(err, PS_ERR_NOMEM, "out of memory");
    } catch (...) {
        return psi_fail(err, PS_ERR_INTERNAL, "unexpected exception in the index layer");
    }
}

/* xapian-check.cc: whether an index is sound. Xapian's consistency check
 * (Database::check) reads every block of every table of each database of
 * the index and says which table is damaged; "plansok check" runs it, and
 * so does every writer before it writes: libxapian, writing into a damaged
 * table, can overrun its own heap and abort ("free(): invalid next size")
 * where no exception reaches plansok. */
#include "index/xapian.h"

#include <cstring>
#include <sstream>
#include <sys/stat.h>

/* Whether line is a table's header in Xapian's check report ("NAME:": it
 * names each table before checking it); sets table to the name. */
static bool
table_header(const std::string &line, std::string *table)
{
    if (line.empty() || line.back() != ':' || line.find(' ') != std::string::npos)
        return false;
    *table = line.substr(0, line.size() - 1);
    return true;
}

/* The table Xapian's check was at: the last header line of its report. */
static std::string
last_table(const std::string &report)
{
    std::istringstream in(report);
    std::string line, table;
    while (std::getline(in, line))
        table_header(line, &table);
    return table;
}

/* The first line of the report that tells of an error (check counted
 * errors without throwing): one that is not a header or an "OK". */
static std::string
first_error(const std::string &report)
{
    std::istringstream in(report);
    std::string line, table;
    while (std::getline(in, line)) {
        if (line.empty() || table_header(line, &table))
            continue;
        if (line.find("checked OK") != std::string::npos || line.find("not implemented") != std::string::npos ||
            line.find("Lazily created") != std::string::npos || line.find("not present") != std::string::npos)
            continue;
        return (table.empty() ? "" : table + ": ") + line;
    }
    return "";
}

void
check_databases(const std::vector<std::string> &paths)
{
    for (const std::string &path : paths) {
        struct stat sb;
        if (stat((path + "/iamglass").c_str(), &sb) != 0)
            continue; /* not made yet (a new index or shard) */
        std::ostringstream report;
        size_t errors;
        try {
            errors = Xapian::Database::check(path, 0, &report);
        } catch (const Xapian::DatabaseOpeningError &) {
            throw; /* cannot be read at all: not a damaged table */
        } catch (const Xapian::DatabaseError &e) {
            std::string table = last_table(report.str());
            throw damaged((table.empty() ? "" : table + ": ") + e.get_msg());
        }
        if (errors > 0) {
            std::string what = first_error(report.str());
            throw damaged(what.empty() ? std::to_string(errors) + " errors" : what);
        }
    }
}

extern "C" ps_status
ps_index_check(const char *dir, size_t *databases, ps_error *err)
{
    *databases = 0;
    try {
        struct stat sb;
        if (stat(dir, &sb) != 0)
            throw Xapian::DatabaseNotFoundError(dir);
        if (!S_ISDIR(sb.st_mode))
            return psi_fail(err, PS_ERR_USAGE, "'%s' is not an index directory; check each database it lists", dir);
        std::vector<std::string> dbs = index_databases(dir);
        for (const std::string &db : dbs)
            if (stat((db + "/iamglass").c_str(), &sb) != 0) {
                if (db == dir)
                    throw Xapian::DatabaseNotFoundError(db);
                throw Xapian::DatabaseOpeningError(std::string(dir) + "/XAPIANDB lists '" + db.substr(strlen(dir) + 1) +
                                                   "', which is no database");
            }
        check_databases(dbs);
        /* sound; and plansok's (its schema) */
        psi_store *st;
        ps_status s = psi_store_open(dir, false, false, PS_SHARD_NONE, &st, err);
        psi_store_close(st);
        if (s == PS_OK)
            *databases = dbs.size();
        return s;
    } catch (...) {
        return classify(err, dir);
    }
}

/* test-guards.c: the index's guards against what it is pointed at: a FIFO
 * or a device is never read as a document, pruning removes only the
 * documents whose files are gone, nothing under a directory the caller
 * could not read, and an index directory's stub file may list only shards
 * inside it (opening an index never runs a program); and against an
 * analyst's settings and filters: a synonyms, rules or metadata file is
 * read bounded (/dev/zero is refused, not read for ever), a synonym form
 * with '"' stays one phrase (the query's later filters are not swallowed),
 * and a year filter is a year a plan can have; a document read by
 * another version of ingest is read again. Run from the top directory
 * (it reads tests/budget/). */
#include "plansok-private.h"
#include "tap.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp[] = "/tmp/plansok-guards-XXXXXX";

/* Runs a shell command built from fmt; true when it succeeds. */
static bool
sh(const char *fmt, const char *a, const char *b)
{
    char *cmd = psi_asprintf(fmt, a, b);
    bool ok = system(cmd) == 0;
    free(cmd);
    return ok;
}

static void
test_not_regular(ps_index *ix)
{
    char *fifo = psi_asprintf("%s/fifo.pdf", tmp);
    CHECK(mkfifo(fifo, 0600) == 0);
    ps_file_state fs;
    char *other = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(ps_index_check_file(ix, fifo, NULL, &fs, &other, &e) == PS_ERR_IO); /* and returns: no hang */
    CHECK_STR(e.msg, "not a regular file (a FIFO)");
    CHECK(ps_index_check_file(ix, "/dev/zero", NULL, &fs, &other, &e) == PS_ERR_IO);
    CHECK_STR(e.msg, "not a regular file (a character device)");
    char hash[17];
    CHECK(psi_file_hash(fifo, hash, &e) == PS_ERR_IO);
    CHECK(psi_file_hash("/dev/zero", hash, &e) == PS_ERR_IO);
    int fd;
    struct stat sb;
    CHECK(psi_open_regular("/dev/null", &fd, &sb, &e) == PS_ERR_IO && fd == -1);
    CHECK(psi_open_regular("tests/budget/budget-jonkoping-2015.pdf", &fd, &sb, &e) == PS_OK && fd >= 0);
    if (fd >= 0)
        close(fd);
    free(fifo);
}

static void
test_prune(ps_index *ix)
{
    static const struct {
        const char *src, *rel;
    } files[] = {
        { "tests/budget/budget-jonkoping-2015.pdf", "a/x.pdf" },
        { "tests/budget/budget-vasternorrland-2014.pdf", "ab/y.pdf" },
    };
    ps_error e = PS_ERROR_INIT;
    for (size_t i = 0; i < 2; i++) {
        char *dst = psi_asprintf("%s/%s", tmp, files[i].rel);
        char *dir = psi_asprintf("%.*s", (int)(strrchr(dst, '/') - dst), dst);
        mkdir(dir, 0700);
        CHECK(sh("cp '%s' '%s'", files[i].src, dst));
        ps_doc *doc = NULL;
        CHECK(ps_doc_extract(dst, NULL, &doc, &e) == PS_OK);
        if (doc)
            CHECK(ps_index_add_doc(ix, doc, &e) == PS_OK);
        ps_doc_free(doc);
        free(dir);
        free(dst);
    }
    /* both files gone; a/ could not be read, so its document may exist */
    CHECK(sh("rm -rf '%s/a' '%s/ab'", tmp, tmp));
    char real[PATH_MAX];
    char *a = psi_asprintf("%s/a/", realpath(tmp, real) ? real : tmp); /* as the index has it */
    const char *keep[] = { a };
    size_t removed = 0;
    CHECK(ps_index_prune(ix, keep, 1, &removed, &e) == PS_OK);
    CHECK(removed == 1); /* ab/y.pdf: "a/" keeps a/, not ab/ */
    CHECK(ps_index_prune(ix, keep, 1, &removed, &e) == PS_OK && removed == 0);
    CHECK(ps_index_prune(ix, NULL, 0, &removed, &e) == PS_OK && removed == 1);
    free(a);
}

/* A document read by another version of ingest (or other rules) is
 * STALE to an extractor of this one, also after a touch, and UNCHANGED
 * again once this one has read it; which readers are outdated. */
static void
test_reader(ps_index *ix)
{
    char *path = psi_asprintf("%s/reader.pdf", tmp);
    CHECK(sh("cp '%s' '%s'", "tests/budget/budget-jonkoping-2015.pdf", path));
    ps_extractor *ex = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(ps_extractor_new(NULL, &ex, &e) == PS_OK);
    if (!ex) {
        free(path);
        return;
    }
    const char *now = ps_extractor_stamp(ex);
    CHECK(psi_reader_version(now) == PS_EXTRACT_VERSION && !strstr(now, " rules "));
    ps_file_state fs;
    char *other = NULL;
    for (int round = 0; round < 2; round++) {
        ps_doc *doc = NULL;
        CHECK(ps_extractor_run(ex, path, &doc, &e) == PS_OK);
        if (!doc)
            break;
        CHECK_STR(ps_doc_info(doc)->reader, now);
        if (round == 0) { /* as an earlier plansok would have left it */
            ps_docinfo *info = (ps_docinfo *)ps_doc_info(doc);
            free(info->reader);
            info->reader = psi_strdup("0");
        }
        CHECK(ps_index_add_doc(ix, doc, &e) == PS_OK);
        ps_doc_free(doc);
        CHECK(ps_index_check_file(ix, path, now, &fs, &other, &e) == PS_OK);
        CHECK(fs == (round == 0 ? PS_FILE_STALE : PS_FILE_UNCHANGED));
        CHECK(ps_index_check_file(ix, path, NULL, &fs, &other, &e) == PS_OK && fs == PS_FILE_UNCHANGED);
        if (round == 1) { /* an older plansok leaves what this one read */
            CHECK(ps_index_check_file(ix, path, "0", &fs, &other, &e) == PS_OK && fs == PS_FILE_UNCHANGED);
            /* this one with another word list reads it again */
            char *other_words = psi_asprintf("%ld words 0123456789abcdef", psi_reader_version(now));
            CHECK(ps_index_check_file(ix, path, other_words, &fs, &other, &e) == PS_OK && fs == PS_FILE_STALE);
            free(other_words);
        }
        if (round == 0) {
            CHECK(ps_index_check_file(ix, path, "0", &fs, &other, &e) == PS_OK && fs == PS_FILE_UNCHANGED);
            CHECK(sh("touch -d '2001-01-01' '%s'%s", path, ""));
            CHECK(ps_index_check_file(ix, path, now, &fs, &other, &e) == PS_OK && fs == PS_FILE_STALE);
        }
    }
    ps_extractor_free(ex);
    free(path);
    /* which version read a document, against this one */
    static const struct {
        const char *reader;
        int cmp;
    } readers[] = { { "", -1 }, { "0", -1 }, { "x", -1 }, { "1x", -1 }, { "99999", 1 }, { NULL, 0 }, { NULL, 0 } };
    char cur[32], cur_rules[64];
    snprintf(cur, sizeof cur, "%d", PS_EXTRACT_VERSION);
    snprintf(cur_rules, sizeof cur_rules, "%d rules 00ff00ff00ff00ff", PS_EXTRACT_VERSION);
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        ps_docinfo d = { 0 };
        d.reader = (char *)(readers[i].reader ? readers[i].reader : i == 5 ? cur : cur_rules);
        printf("# reader '%s'\n", d.reader);
        CHECK(ps_docinfo_version_cmp(&d) == readers[i].cmp);
    }
    CHECK(psi_reader_diff(cur, cur_rules) == PSI_READ_OTHERWISE && psi_reader_diff(cur, cur) == PSI_READ_ALIKE);
    CHECK(psi_reader_diff("", cur) == PSI_READ_OLDER && psi_reader_diff("99999 words 00", cur) == PSI_READ_NEWER);
}

/* Every line but "auto NAME" inside the directory is refused, by readers
 * and writers, naming the stub's line, and nothing runs. */
static void
test_stub(void)
{
    static const char *const lines[] = {
        "remote :/usr/bin/touch %s/PWNED",
        "remote 127.0.0.1:1",
        "remote tcp 127.0.0.1 1",
        "auto /srv/plans",
        "glass ../db",
        "auto a/../../x",
        "auto .",
        "inmemory",
        "auto two names",
        "chert old",
    };
    char *dir = psi_asprintf("%s/stubbed", tmp), *stub = psi_asprintf("%s/XAPIANDB", dir);
    char *pwned = psi_asprintf("%s/PWNED", tmp);
    mkdir(dir, 0700);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        FILE *f = fopen(stub, "w");
        if (!f)
            continue;
        fprintf(f, "# plansok shard-by lan\n");
        fprintf(f, lines[i], tmp);
        fprintf(f, "\n");
        fclose(f);
        for (int w = 0; w < 2; w++) {
            ps_index *ix = NULL;
            ps_error e = PS_ERROR_INIT;
            ps_status st = ps_index_open(dir, w ? PS_INDEX_WRITE : PS_INDEX_READ, &ix, &e);
            CHECK(st != PS_OK && ix == NULL && strstr(e.msg, "/XAPIANDB:2: '") != NULL);
            if (st == PS_OK || !strstr(e.msg, "/XAPIANDB:2: '"))
                printf("#   %s: %s\n", lines[i], e.msg);
            ps_index_close(ix);
            CHECK(access(pwned, F_OK) != 0);
        }
    }
    free(dir);
    free(stub);
    free(pwned);
}

static void
test_years(void)
{
    static const struct {
        const char *text;
        int ok, from, to;
    } rows[] = {
        { "2014", 0, 2014, 2014 },
        { "2013..2015", 0, 2013, 2015 },
        { "1900..2100", 0, 1900, 2100 },
        { "99999999999999", -1, 0, 0 },
        { "4294969310", -1, 0, 0 }, /* 2014 + 2^32: read as 2014 by sscanf's %d */
        { "2013..4294969310", -1, 0, 0 },
        { "1899", -1, 0, 0 },
        { "2101", -1, 0, 0 },
        { "2015..2013", -1, 0, 0 },
        { "-2014", -1, 0, 0 },
        { "+2014", -1, 0, 0 },
        { " 2014", -1, 0, 0 },
        { "2014x", -1, 0, 0 },
        { "2014..", -1, 0, 0 },
        { "2014...2015", -1, 0, 0 },
        { "", -1, 0, 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int a = 0, b = 0;
        int r = ps_years_parse(rows[i].text, &a, &b);
        printf("# '%s': %d (%d..%d)\n", rows[i].text, r, a, b);
        CHECK(r == rows[i].ok && a == rows[i].from && b == rows[i].to);
    }
}

static void
test_bounded(ps_index *ix)
{
    char *text = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(psi_slurp_settings("/dev/zero", "rules file", 1, &text, &e) == PS_ERR_USAGE && !text);
    CHECK_STR(e.msg, "rules file '/dev/zero' is larger than 1 MB; is it the right file?");
    CHECK(ps_index_add_synonyms(ix, "/dev/zero", &e) == PS_ERR_USAGE); /* and returns */
    CHECK_STR(e.msg, "synonyms file '/dev/zero' is larger than 1 MB; is it the right file?");
    CHECK(ps_index_add_synonyms(ix, "/nonexistent/syn.txt", &e) == PS_ERR_IO);
    CHECK_STR(e.msg, "cannot read synonyms file '/nonexistent/syn.txt': No such file or directory");
    ps_metafile *mf = NULL;
    CHECK(ps_metafile_read("/dev/zero", &mf, &e) == PS_ERR_USAGE && !mf);
}

/* Whether every '"' of s pairs with another. */
static bool
balanced(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '"';
    return n % 2 == 0;
}

static void
test_synonym_quotes(ps_index *ix)
{
    char *path = psi_asprintf("%s/syn.txt", tmp);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("Energikontor = Energi\"kontor Väst = a\"b = \" = OR\n", f);
    fclose(f);
    ps_error e = PS_ERROR_INIT;
    CHECK(ps_index_add_synonyms(ix, path, &e) == PS_OK);
    psi_store_query q;
    CHECK(psi_query_prepare(ix, "energikontor year:2014 lan:jönköping", NULL, &q, &e) == PS_OK);
    printf("# %s\n", q.text);
    CHECK(balanced(q.text));
    CHECK_STR(q.text, "(Energikontor OR \"Energi kontor Väst\" OR \"a b\" OR \"OR\") year:2014 lan:jönköping");
    psi_query_release(&q);
    free(path);
}

int
main(void)
{
    if (access("tests/budget/budget-jonkoping-2015.pdf", R_OK) != 0 || !mkdtemp(tmp)) {
        printf("ok 1 - # SKIP run from the top directory\n1..1\n");
        return 0;
    }
    char *db = psi_asprintf("%s/db", tmp);
    ps_index *ix = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(ps_index_open(db, PS_INDEX_WRITE, &ix, &e) == PS_OK);
    if (ix) {
        test_not_regular(ix);
        test_prune(ix);
        test_bounded(ix);
        test_synonym_quotes(ix);
        test_reader(ix);
        ps_index_close(ix);
    }
    test_stub();
    test_years();
    CHECK(sh("rm -rf '%s'%s", tmp, ""));
    free(db);
    return tap_done();
}

/* test-settings.c: what an analyst's settings and typed filters cannot do
 * (issue 15, item 20): a synonyms, rules or metadata file is read bounded
 * (/dev/zero is refused, not read for ever), a synonym form with '"' stays
 * one phrase (the query's later filters are not swallowed), and a year
 * filter is a year a plan can have. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp[] = "/tmp/plansok-settings-XXXXXX";

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
    test_years();
    if (!mkdtemp(tmp)) {
        printf("ok 1 - # SKIP no temporary directory\n1..1\n");
        return 0;
    }
    char *db = psi_asprintf("%s/db", tmp);
    ps_index *ix = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(ps_index_open(db, PS_INDEX_WRITE, &ix, &e) == PS_OK);
    if (ix) {
        test_bounded(ix);
        test_synonym_quotes(ix);
        ps_index_close(ix);
    }
    char *rm = psi_asprintf("rm -rf '%s'", tmp);
    CHECK(system(rm) == 0);
    free(rm);
    free(db);
    return tap_done();
}

/* test-pool.c: the worker pool from the caller's side: an answer that is
 * already in the pipe when the caller comes back late (after the PDF's
 * wall-clock limit) is the PDF's result, not a timeout; a pool refuses an
 * absurd number of workers; a document over a limit of what one document
 * may bring (ps_doc_check_limits) is refused by the pool, not returned.
 * Real PDFs, real worker processes. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

static const char *const pdf = "tests/budget/budget-jonkoping-2015.pdf";

static void
test_late_caller(void)
{
    ps_error err = PS_ERROR_INIT;
    ps_extractor *ex = NULL;
    CHECK(ps_extractor_new(NULL, &ex, &err) == PS_OK);
    ps_limits lim = { .wall_seconds = 1, .cpu_seconds = 30 }; /* a second of wall time per PDF */
    ps_pool *p = NULL;
    CHECK(ps_pool_new(ex, &lim, 1, &p, &err) == PS_OK);
    if (!p) {
        ps_extractor_free(ex);
        return;
    }
    CHECK(ps_pool_submit(p, pdf, (void *)1, &err) == PS_OK);
    sleep(3); /* the writer was busy; the worker answered long ago */
    ps_pool_result r;
    CHECK(ps_pool_next(p, &r, &err) == PS_OK);
    CHECK(r.done == 1 && r.tag == (void *)1);
    printf("# status %d: %s\n", (int)r.status, r.err.msg);
    CHECK(r.status == PS_OK && r.doc != NULL);
    ps_doc_free(r.doc);
    CHECK(ps_pool_next(p, &r, &err) == PS_OK && r.done == 0);
    ps_pool_free(p);
    ps_extractor_free(ex);
}

static void
test_too_many(void)
{
    ps_error err = PS_ERROR_INIT;
    ps_extractor *ex = NULL;
    CHECK(ps_extractor_new(NULL, &ex, &err) == PS_OK);
    ps_pool *p = NULL;
    CHECK(ps_pool_new(ex, NULL, 1000000000, &p, &err) == PS_ERR_USAGE && p == NULL);
    printf("# %s\n", err.msg);
    ps_extractor_free(ex);
}

/* The budget PDF against each limit: one below its count refuses it with
 * the limit's line, its count and 0 (no limit) take it. */
static void
test_doc_limits(void)
{
    ps_error err = PS_ERROR_INIT;
    ps_doc *doc = NULL;
    CHECK(ps_doc_extract(pdf, NULL, &doc, &err) == PS_OK);
    if (!doc)
        return;
    const ps_docinfo *d = ps_doc_info(doc);
    CHECK(ps_doc_check_limits(doc, NULL, &err) == PS_OK); /* the defaults */
    ps_limits at = { .max_pages = d->pages,
                     .max_passages = (long)ps_doc_passage_count(doc),
                     .max_text_mb = 1,
                     .max_headings = (long)ps_doc_heading_count(doc),
                     .max_budget_rows = (long)ps_doc_budget_count(doc) };
    CHECK(ps_doc_check_limits(doc, &at, &err) == PS_OK);
    ps_limits none = { 0 };
    CHECK(ps_doc_check_limits(doc, &none, &err) == PS_OK);
    char want[256];
    ps_limits lim = at;
    lim.max_pages--;
    CHECK(ps_doc_check_limits(doc, &lim, &err) == PS_ERR_DOC_REFUSED);
    snprintf(want, sizeof want, "too large for the index: %d pages (the limit is %d; --max-pages)", d->pages,
             d->pages - 1);
    CHECK_STR(err.msg, want);
    lim = at;
    lim.max_passages--;
    CHECK(ps_doc_check_limits(doc, &lim, &err) == PS_ERR_DOC_REFUSED);
    CHECK(strstr(err.msg, " passages (the limit is ") && strstr(err.msg, "; --max-passages)"));
    lim = at;
    lim.max_headings--;
    CHECK(ps_doc_check_limits(doc, &lim, &err) == PS_ERR_DOC_REFUSED);
    CHECK(strstr(err.msg, " headings (the limit is ") != NULL);
    lim = at;
    lim.max_budget_rows--;
    CHECK(ps_doc_budget_count(doc) > 0 && ps_doc_check_limits(doc, &lim, &err) == PS_ERR_DOC_REFUSED);
    CHECK(strstr(err.msg, " budget rows (the limit is ") != NULL);

    /* the file's own size, before it is read: a sparse file of 2.5 MB */
    char big[] = "/tmp/plansok-test-pool.XXXXXX";
    int fd = mkstemp(big);
    CHECK(fd >= 0 && ftruncate(fd, 5 << 19) == 0);
    lim = none;
    lim.max_file_mb = 2;
    CHECK(ps_file_check_limits(pdf, &lim, &err) == PS_OK);
    CHECK(ps_file_check_limits(big, &lim, &err) == PS_ERR_DOC_REFUSED);
    CHECK_STR(err.msg, "too large to read: 2.5 MB (the limit is 2 MB; --max-file)");
    lim.max_file_mb = 3;
    CHECK(ps_file_check_limits(big, &lim, &err) == PS_OK);
    CHECK(ps_file_check_limits(big, &none, &err) == PS_OK);   /* 0: no limit */
    CHECK(ps_file_check_limits(big, NULL, &err) == PS_OK);    /* the default, 1024 MB */
    CHECK(ps_file_check_limits("/no/such/file.pdf", &lim, &err) == PS_OK); /* whoever opens it says why */
    if (fd >= 0) {
        close(fd);
        unlink(big);
    }

    /* the pool refuses it too: no document comes back */
    ps_extractor *ex = NULL;
    CHECK(ps_extractor_new(NULL, &ex, &err) == PS_OK);
    lim = (ps_limits)PS_LIMITS_INIT;
    lim.max_passages = (long)ps_doc_passage_count(doc) - 1;
    ps_doc *back = NULL;
    CHECK(ps_extractor_run_isolated(ex, pdf, &lim, &back, &err) == PS_ERR_DOC_REFUSED && back == NULL);
    printf("# %s\n", err.msg);
    lim.max_passages++;
    CHECK(ps_extractor_run_isolated(ex, pdf, &lim, &back, &err) == PS_OK && back != NULL);
    ps_doc_free(back);
    ps_extractor_free(ex);
    ps_doc_free(doc);
}

int
main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0); /* a crash keeps what was printed */
    if (access(pdf, R_OK) != 0) {
        printf("ok 1 - # SKIP %s not found (run from the top directory)\n1..1\n", pdf);
        return 0;
    }
    test_late_caller();
    test_too_many();
    test_doc_limits();
    return tap_done();
}

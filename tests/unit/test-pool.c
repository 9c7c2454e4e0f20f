/* test-pool.c: the worker pool from the caller's side: an answer that is
 * already in the pipe when the caller comes back late (after the PDF's
 * wall-clock limit) is the PDF's result, not a timeout; a pool refuses an
 * absurd number of workers. Real PDFs, real worker processes. */
#include "plansok-private.h"
#include "tap.h"

#include <unistd.h>

static const char *const pdf = "tests/budget/budget-jonkoping-2015.pdf";

static void
test_late_caller(void)
{
    ps_error err = PS_ERROR_INIT;
    ps_extractor *ex = NULL;
    CHECK(ps_extractor_new(NULL, &ex, &err) == PS_OK);
    ps_limits lim = { 1, 30, 0 }; /* a second of wall time per PDF */
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
    return tap_done();
}

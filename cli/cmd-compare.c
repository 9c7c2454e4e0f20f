/* cmd-compare.c: "plansok compare": one topic side by side per län and
 * year: passages, documents, sections, the best passage with its page,
 * and the years where the topic appears or disappears. */
#include "cli.h"

#include <stdlib.h>

int
cli_cmd_compare(cli_ctx *ctx, int argc, char **argv)
{
    cli_filters flt = { 0 };
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_FILTER_OPTS(&flt),
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    cli_query q;
    int rc = cli_query_start(ctx, argc, argv, opts, &flt, &q);
    if (rc >= 0)
        return rc;
    ps_error err = PS_ERROR_INIT;
    ps_compare *cmp = NULL;
    ps_status st = ps_compare_run(q.ix, q.text, &q.opts, &cmp, &err);
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_compare(out, cmp, co.fmt);
        cli_print_end(&co);
        rc = cmp->ncells ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_compare_free(cmp);
    cli_query_done(&q);
    return rc;
}

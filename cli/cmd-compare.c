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
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    char *query;
    int rc = cli_parse_query(ctx, argc, argv, opts, &flt, &q, &query);
    if (rc >= 0)
        return rc;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_compare *cmp = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_compare_run(ix, query, &q, &cmp, &err);
    if (st == PS_OK) {
        cli_print_compare(stdout, cmp, (cli_format)format);
        rc = cmp->ncells ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_compare_free(cmp);
    free(query);
    return rc;
}

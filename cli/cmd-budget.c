/* cmd-budget.c: "plansok budget [QUERY]": the rows of budget tables found
 * in the indexed documents, filtered by län, year, kind, organisation and
 * unit, and by a topic their label or table names. Parse, call, print. */
#include "cli.h"

#include <stdlib.h>

int
cli_cmd_budget(cli_ctx *ctx, int argc, char **argv)
{
    cli_filters flt = { 0 };
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_FILTER_DOC_OPTS(&flt),
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    if (!cli_apply_filters(&flt, &q))
        return EXIT_USAGE;
    char *query = n ? cli_join(n, argv) : NULL;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_budget *b = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_budget_list(ix, query, &q, &b, &err);
    free(query);
    int rc;
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_budget(out, b, co.fmt);
        cli_print_end(&co);
        rc = b->n ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_budget_free(b);
    return rc;
}

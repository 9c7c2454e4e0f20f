/* cmd-matrix.c: "plansok matrix": matching passages and documents per län
 * and year, as a table. Parse, call, print. */
#include "cli.h"

#include <stdlib.h>

int
cli_cmd_matrix(cli_ctx *ctx, int argc, char **argv)
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
    ps_matrix *m = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_matrix_run(ix, query, &q, &m, &err);
    if (st == PS_OK) {
        cli_print_matrix(stdout, m, (cli_format)format);
        rc = m->total_passages ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_matrix_free(m);
    free(query);
    return rc;
}

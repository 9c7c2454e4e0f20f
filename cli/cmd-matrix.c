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
    cli_query q;
    int rc = cli_query_start(ctx, argc, argv, opts, &flt, &q);
    if (rc >= 0)
        return rc;
    ps_error err = PS_ERROR_INIT;
    ps_matrix *m = NULL;
    ps_status st = ps_matrix_run(q.ix, q.text, &q.opts, &m, &err);
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_matrix(out, m, co.fmt);
        cli_print_end(&co);
        rc = m->total_passages ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_matrix_free(m);
    cli_query_done(&q);
    return rc;
}

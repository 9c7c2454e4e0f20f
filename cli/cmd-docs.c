/* cmd-docs.c: "plansok docs [QUERY]": the indexed documents with their
 * organisation, unit, län, year, kind and counts; a query or the filter
 * options narrow them as they narrow a search (org:nacka, lang:da,
 * --region VGR, --years 2013..2014). */
#include "cli.h"

#include <stdlib.h>

int
cli_cmd_docs(cli_ctx *ctx, int argc, char **argv)
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
    ps_query_opts qo = PS_QUERY_OPTS_INIT;
    if (!cli_apply_filters(&flt, &qo))
        return EXIT_USAGE;
    char *query = n ? cli_join(n, argv) : NULL;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_doclist *l = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_docs_query(ix, query, &qo, &l, &err);
    free(query);
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_docs(out, l, co.fmt);
        cli_print_end(&co);
    }
    ps_doclist_free(l);
    return cli_report(st, &err);
}

/* cmd-docs.c: "plansok docs": every indexed document with its detected
 * organisation, län, year, kind and counts. */
#include "cli.h"

int
cli_cmd_docs(cli_ctx *ctx, int argc, char **argv)
{
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    int rc0 = cli_parse_no_operands(ctx, argc, argv, opts);
    if (rc0 >= 0)
        return rc0;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_doclist *l = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_docs_list(ix, &l, &err);
    if (st == PS_OK)
        cli_print_docs(stdout, l, (cli_format)format);
    ps_doclist_free(l);
    return cli_report(st, &err);
}

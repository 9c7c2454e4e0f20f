/* cmd-docs.c: "plansok docs": every indexed document with its detected
 * organisation, län, year, kind and counts. */
#include "cli.h"

int
cli_cmd_docs(int argc, char **argv, const cli_command *self)
{
    cli_common c = { 0 };
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_DB_OPT(&c),
        CLI_FORMAT_OPT(&format),
        { NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    int rc0 = cli_parse_no_operands(argc, argv, opts, self);
    if (rc0 >= 0)
        return rc0;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_doclist *l = NULL;
    ps_status st = cli_open_index(&c, PS_INDEX_READ, &ix, &err);
    if (st == PS_OK)
        st = ps_docs_list(ix, &l, &err);
    if (st == PS_OK)
        cli_print_docs(stdout, l, (cli_format)format);
    ps_doclist_free(l);
    ps_index_close(ix);
    return cli_report(st, &err);
}

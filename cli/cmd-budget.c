/* cmd-budget.c: "plansok budget": the rows of budget tables found in the
 * indexed documents, filtered by län, year and kind. Parse, call, print. */
#include "cli.h"

int
cli_cmd_budget(int argc, char **argv, const cli_command *self)
{
    cli_common c = { 0 };
    cli_filters flt = { 0 };
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_DB_OPT(&c),
        { "region", 'r', OPT_STRING, &flt.region, NULL, "LÄN", "only this län" },
        { "year", 'y', OPT_STRING, &flt.year, NULL, "Y", "only documents of year Y" },
        { "years", 0, OPT_STRING, &flt.years, NULL, "A..B", "only documents of years A to B" },
        { "kind", 'k', OPT_STRING, &flt.kind, NULL, "KIND", "only documents of this kind" },
        CLI_FORMAT_OPT(&format),
        { NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    int rc0 = cli_parse_no_operands(argc, argv, opts, self);
    if (rc0 >= 0)
        return rc0;
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    if (!cli_apply_filters(&flt, &q))
        return EXIT_USAGE;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_budget *b = NULL;
    ps_status st = cli_open_index(&c, PS_INDEX_READ, &ix, &err);
    if (st == PS_OK)
        st = ps_budget_list(ix, &q, &b, &err);
    int rc;
    if (st == PS_OK) {
        cli_print_budget(stdout, b, (cli_format)format);
        rc = b->n ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_budget_free(b);
    ps_index_close(ix);
    return rc;
}

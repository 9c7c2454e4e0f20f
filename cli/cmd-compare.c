/* cmd-compare.c: "plansok compare": one topic side by side per län and
 * year: passages, documents, sections, the best passage with its page,
 * and the years where the topic appears or disappears. */
#include "cli.h"

#include <stdlib.h>

int
cli_cmd_compare(int argc, char **argv, const cli_command *self)
{
    cli_common c = { 0 };
    cli_filters flt = { 0 };
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_DB_OPT(&c),
        CLI_FILTER_OPTS(&flt),
        CLI_FORMAT_OPT(&format),
        { NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    char *query;
    int rc = cli_parse_query(argc, argv, opts, self, &flt, &q, &query);
    if (rc >= 0)
        return rc;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_compare *cmp = NULL;
    ps_status st = cli_open_index(&c, PS_INDEX_READ, &ix, &err);
    if (st == PS_OK)
        st = ps_compare_run(ix, query, &q, &cmp, &err);
    if (st == PS_OK) {
        cli_print_compare(stdout, cmp, (cli_format)format);
        rc = cmp->ncells ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_compare_free(cmp);
    ps_index_close(ix);
    free(query);
    return rc;
}

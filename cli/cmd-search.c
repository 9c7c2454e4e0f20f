/* cmd-search.c: "plansok search": ranked passages with their organisation,
 * län, year, file, physical page and heading. Parse, call, print. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
cli_cmd_search(cli_ctx *ctx, int argc, char **argv)
{
    cli_filters flt = { 0 };
    int limit = 20, format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_FILTER_OPTS(&flt),
        { .name = "limit", .letter = 'n', .opt_int = &limit, .arg = "N",
          .help = "show at most N passages (default 20)" },
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    char *query;
    int rc = cli_parse_query(ctx, argc, argv, opts, &flt, &q, &query);
    if (rc >= 0)
        return rc;
    q.limit = limit > 0 ? (size_t)limit : 20;
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_hits *hits = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_search(ix, query, &q, &hits, &err);
    if (st == PS_OK) {
        cli_print_hits(stdout, hits, (cli_format)format, format == FMT_TEXT && isatty(STDOUT_FILENO));
        rc = hits->n ? EXIT_OK : EXIT_NO_MATCH;
        if (!hits->n && hits->suggestion && *hits->suggestion)
            fprintf(stderr, "plansok: no matches; did you mean: %s\n", hits->suggestion);
    } else {
        rc = cli_report(st, &err);
    }
    ps_hits_free(hits);
    free(query);
    return rc;
}

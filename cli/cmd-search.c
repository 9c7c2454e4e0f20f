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
    cli_query q;
    int rc = cli_query_start(ctx, argc, argv, opts, &flt, &q);
    if (rc >= 0)
        return rc;
    q.opts.limit = limit > 0 ? (size_t)limit : 20;
    ps_error err = PS_ERROR_INIT;
    ps_hits *hits = NULL;
    ps_status st = ps_search(q.ix, q.text, &q.opts, &hits, &err);
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_hits(out, hits, co.fmt, format == FMT_TEXT && isatty(STDOUT_FILENO));
        cli_print_end(&co);
        rc = hits->n ? EXIT_OK : EXIT_NO_MATCH;
        if (!hits->n && hits->suggestion && *hits->suggestion) {
            fputs("plansok: no matches; did you mean: ", stderr);
            cli_escape(stderr, hits->suggestion, ESC_PLAIN);
            fputc('\n', stderr);
        }
    } else {
        rc = cli_report(st, &err);
    }
    ps_hits_free(hits);
    cli_query_done(&q);
    return rc;
}

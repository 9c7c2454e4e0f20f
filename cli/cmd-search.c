/* cmd-search.c: "plansok search": ranked passages with their organisation,
 * län, year, file, physical page and heading. Parse, call, print. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Joins the operands into one query string. */
char *cli_join_query(int n, char **argv);

char *
cli_join_query(int n, char **argv)
{
    size_t len = 1;
    for (int i = 1; i <= n; i++)
        len += strlen(argv[i]) + 1;
    char *q = malloc(len);
    if (!q)
        return NULL;
    q[0] = '\0';
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            strcat(q, " ");
        strcat(q, argv[i]);
    }
    return q;
}

int
cli_cmd_search(int argc, char **argv, const cli_command *self)
{
    cli_common c = { 0 };
    cli_filters flt = { 0 };
    int limit = 20, format = FMT_TEXT;
    const cli_opt opts[] = {
        CLI_DB_OPT(&c),
        CLI_FILTER_OPTS(&flt),
        { "limit", 'n', OPT_INT, &limit, NULL, "N", "show at most N passages (default 20)" },
        CLI_FORMAT_OPT(&format),
        { NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    int n = cli_parse(argc, argv, opts, self);
    if (n == -2)
        return EXIT_OK;
    if (n < 0)
        return EXIT_USAGE;
    if (n == 0) {
        fprintf(stderr, "plansok search: no query given; see 'plansok search --help'\n");
        return EXIT_USAGE;
    }
    ps_query_opts q = PS_QUERY_OPTS_INIT;
    q.limit = limit > 0 ? (size_t)limit : 20;
    if (!cli_apply_filters(&flt, &q))
        return EXIT_USAGE;
    char *query = cli_join_query(n, argv);
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_hits *hits = NULL;
    ps_status st = cli_open_index(&c, PS_INDEX_READ, &ix, &err);
    if (st == PS_OK)
        st = ps_search(ix, query, &q, &hits, &err);
    int rc;
    if (st == PS_OK) {
        cli_print_hits(stdout, hits, (cli_format)format, format == FMT_TEXT && isatty(STDOUT_FILENO));
        rc = hits->n ? EXIT_OK : EXIT_NO_MATCH;
    } else {
        rc = cli_report(st, &err);
    }
    ps_hits_free(hits);
    ps_index_close(ix);
    free(query);
    return rc;
}

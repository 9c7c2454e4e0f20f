/* cmd-set.c: "plansok set DOC --org ... --year ...": an analyst's
 * correction of a document's metadata. It is kept in the index by the
 * document's contents, so it survives re-ingest, --prune and a move of
 * the file, and 'docs' shows the fields as set by hand. */
#include "cli.h"
#include "escape.h"

#include <stdlib.h>

int
cli_cmd_set(cli_ctx *ctx, int argc, char **argv)
{
    cli_fix_opts fo = { 0 };
    const cli_opt opts[] = {
        CLI_FIX_OPTS(&fo, "to set"),
        { 0 },
    };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (n != 1) {
        fprintf(stderr, "plansok set: give one document (file name, path or id); see 'plansok docs'\n");
        return EXIT_USAGE;
    }
    ps_fix fix;
    if (!cli_fix_from_opts("set", &fo, &fix))
        return EXIT_USAGE;
    if (cli_fix_empty(&fix)) {
        fprintf(stderr, "plansok set: nothing to set; give --org, --unit, --region, --year or --kind\n");
        return EXIT_USAGE;
    }
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    char *docid = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_index_fix(ix, argv[1], &fix, &docid, &err);
    if (st == PS_OK) {
        fputs("plansok: set by hand for ", stderr);
        cli_escape(stderr, argv[1], ESC_PLAIN);
        fprintf(stderr, " (%s); it lasts through re-ingest\n", docid);
    }
    free(docid);
    return cli_report(st, &err);
}

/* cmd-check.c: "plansok check": runs Xapian's consistency check on every
 * database of the index (each shard of a sharded one) and says whether it
 * is sound or damaged, and what to do when it is damaged (exit 4). */
#include "cli.h"

#include <stdlib.h>

/* Says how many documents an earlier version of plansok read: their
 * passages and kinds are as it made them until ingest reads them again. */
static ps_status
report_outdated(cli_ctx *ctx, ps_error *err)
{
    ps_index *ix = NULL;
    ps_doclist *l = NULL;
    ps_status st = cli_index(ctx, &ix, err);
    if (st == PS_OK)
        st = ps_docs_list(ix, &l, err);
    size_t old = 0;
    for (size_t i = 0; st == PS_OK && i < l->n; i++)
        old += ps_docinfo_outdated(&l->docs[i]);
    if (old)
        printf("%zu of %zu document%s were read by another version of plansok: 'plansok ingest' of their files "
               "reads them again\n",
               old, l->n, l->n == 1 ? "" : "s");
    ps_doclist_free(l);
    return st;
}

int
cli_cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    const cli_opt opts[] = { { 0 } };
    int rc = cli_parse_no_operands(ctx, argc, argv, opts);
    if (rc >= 0)
        return rc;
    ps_error err = PS_ERROR_INIT;
    const char *dir;
    char *def;
    size_t databases = 0;
    ps_status st = cli_index_dir(ctx, &dir, &def, &err);
    if (st == PS_OK)
        st = ps_index_check(dir, &databases, &err);
    if (st == PS_OK) {
        fputs("index at '", stdout);
        cli_escape(stdout, dir, ESC_PLAIN);
        printf("' is sound: Xapian's check found no damage in %zu database%s\n", databases, databases == 1 ? "" : "s");
        st = report_outdated(ctx, &err);
    }
    free(def);
    return cli_report(st, &err);
}

/* cmd-check.c: "plansok check": runs Xapian's consistency check on every
 * database of the index (each shard of a sharded one) and says whether it
 * is sound or damaged, and what to do when it is damaged (exit 4). */
#include "cli.h"

#include <stdlib.h>

/* Says how many documents an earlier version of plansok read (their
 * passages and kinds are as it made them until ingest reads them again),
 * and how many a later one read. */
static ps_status
report_versions(cli_ctx *ctx, ps_error *err)
{
    ps_index *ix = NULL;
    ps_doclist *l = NULL;
    ps_status st = cli_index(ctx, &ix, err);
    if (st == PS_OK)
        st = ps_docs_list(ix, &l, err);
    size_t earlier = 0, later = 0;
    for (size_t i = 0; st == PS_OK && i < l->n; i++) {
        int c = ps_docinfo_version_cmp(&l->docs[i]);
        earlier += c < 0;
        later += c > 0;
    }
    const char *docs = st == PS_OK && l->n == 1 ? "document" : "documents";
    if (earlier)
        printf("%zu of %zu %s %s read by an earlier version of plansok: 'plansok ingest' of their files reads "
               "them again\n",
               earlier, l->n, docs, earlier == 1 ? "was" : "were");
    if (later)
        printf("%zu of %zu %s %s read by a later version of plansok, which reads them otherwise\n", later, l->n, docs,
               later == 1 ? "was" : "were");
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
        st = report_versions(ctx, &err);
    }
    free(def);
    return cli_report(st, &err);
}

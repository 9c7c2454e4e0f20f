/* cmd-check.c: "plansok check": runs Xapian's consistency check on every
 * database of the index (each shard of a sharded one) and says whether it
 * is sound or damaged, and what to do when it is damaged (exit 4). */
#include "cli.h"

#include <stdlib.h>

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
    }
    free(def);
    return cli_report(st, &err);
}

/* cmd-goals.c: "plansok goals": one län's goal statements year by year,
 * each shown as kept, reworded (changed words marked), new or dropped.
 * Parse, call, print. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* The years of "2013,2014", or of "2013..2015" the years the län has
 * documents in that range, into years[*n]. PS_ERR_USAGE for a bad value
 * or a range without documents; a failure to list documents as it is. */
static ps_status
parse_years(ps_index *ix, int lan, const char *spec, int *years, int max, int *n, ps_error *err)
{
    int a, b;
    char tail;
    *n = 0;
    if (sscanf(spec, "%d..%d%c", &a, &b, &tail) == 2 && a >= 1900 && b >= a && b <= 2100) {
        ps_doclist *l;
        ps_status st = ps_docs_list(ix, &l, err);
        if (st != PS_OK)
            return st;
        for (int y = a; y <= b && *n < max; y++)
            for (size_t i = 0; i < l->n; i++)
                if (l->docs[i].lan == lan && l->docs[i].year == y) {
                    years[(*n)++] = y;
                    break;
                }
        ps_doclist_free(l);
        if (*n == 0) {
            snprintf(err->msg, sizeof err->msg, "no documents of %s in %d..%d", ps_lan_name(lan), a, b);
            return err->code = PS_ERR_USAGE;
        }
        return PS_OK;
    }
    for (const char *p = spec; *p && *n < max;) {
        char *end;
        long y = strtol(p, &end, 10);
        if (end == p || y < 1900 || y > 2100 || (*end && *end != ',') || (*n > 0 && y <= years[*n - 1])) {
            snprintf(err->msg, sizeof err->msg, "bad --years '%s': use 2013,2014 or 2013..2015", spec);
            return err->code = PS_ERR_USAGE;
        }
        years[(*n)++] = (int)y;
        p = *end ? end + 1 : end;
    }
    return PS_OK;
}

int
cli_cmd_goals(cli_ctx *ctx, int argc, char **argv)
{
    const char *region = NULL, *yearspec = NULL;
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        { .name = "region", .letter = 'r', .opt_string = &region, .arg = "LÄN",
          .help = "the län whose goals to compare (required)" },
        { .name = "years", .opt_string = &yearspec, .arg = "A,B|A..B",
          .help = "years to compare (default: every year indexed)" },
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (!region) {
        fprintf(stderr, "plansok goals: --region is required, e.g. --region jönköping\n");
        return EXIT_USAGE;
    }
    int lan = ps_lan_parse(region);
    if (lan < 0) {
        fprintf(stderr, "plansok goals: unknown län '%s'\n", region);
        return EXIT_USAGE;
    }
    char *query = cli_join(n, argv);
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_goals *g = NULL;
    int years[64], ny = 0;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK && yearspec)
        st = parse_years(ix, lan, yearspec, years, 64, &ny, &err);
    if (st == PS_OK)
        st = ps_goals_compare(ix, lan, ny ? years : NULL, ny, query, &g, &err);
    if (st == PS_OK)
        cli_print_goals(stdout, g, query, (cli_format)format);
    ps_goals_free(g);
    free(query);
    return cli_report(st, &err);
}

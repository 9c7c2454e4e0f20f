/* cmd-goals.c: "plansok goals": the goal statements of a län or of one
 * organisation year by year, each shown as kept, reworded (changed words
 * marked), new or dropped, unfollowed or first, or in force. Parse, call,
 * print. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* "2013,2014" into years[*n], or "2013..2015" into the scope's range (the
 * library takes the years with documents in it). False after printing why
 * for a bad value. */
static bool
parse_years(const char *spec, ps_query_opts *scope, int *years, int max, int *n)
{
    int a, b;
    *n = 0;
    if (strstr(spec, "..") && ps_years_parse(spec, &a, &b) == 0) {
        scope->year_from = a;
        scope->year_to = b;
        return true;
    }
    for (const char *p = spec; *p && *n < max;) {
        char *end;
        long y = strtol(p, &end, 10);
        if (end == p || y < 1900 || y > 2100 || (*end && *end != ',') || (*n > 0 && y <= years[*n - 1])) {
            fprintf(stderr, "plansok goals: bad --years '%s': use 2013,2014, 2013..2015 or 2013\n", spec);
            return false;
        }
        years[(*n)++] = (int)y;
        p = *end ? end + 1 : end;
    }
    return true;
}

int
cli_cmd_goals(cli_ctx *ctx, int argc, char **argv)
{
    const char *region = NULL, *org = NULL, *unit = NULL, *yearspec = NULL;
    int format = FMT_TEXT;
    const cli_opt opts[] = {
        { .name = "region", .letter = 'r', .opt_string = &region, .arg = "LÄN",
          .help = "the län whose goals to compare (this or --org is required)" },
        { .name = "org", .opt_string = &org, .arg = "ORG",
          .help = "the organisation whose goals to compare: a name, or a register name or code "
                  "(\"Alingsås kommun\", 1489, VGR)" },
        { .name = "unit", .opt_string = &unit, .arg = "UNIT",
          .help = "only the documents of this unit of it, as docs shows it (\"socialnämnden\")" },
        { .name = "years", .opt_string = &yearspec, .arg = "A[,B]|A..B",
          .help = "years to compare, or one year whose goals to list (default: every year with documents)" },
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (!region && !(org && *org)) {
        fprintf(stderr, "plansok goals: --region or --org is required, e.g. --region jönköping\n");
        return EXIT_USAGE;
    }
    ps_query_opts scope = PS_QUERY_OPTS_INIT;
    scope.org = org;
    scope.unit = unit;
    if (region && (scope.lan = ps_lan_parse(region)) < 0) {
        fprintf(stderr, "plansok goals: unknown län '%s'\n", region);
        return EXIT_USAGE;
    }
    int years[64], ny = 0;
    if (yearspec && !parse_years(yearspec, &scope, years, 64, &ny))
        return EXIT_USAGE;
    char *query = cli_join(n, argv);
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_goals *g = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_goals_compare(ix, &scope, ny ? years : NULL, ny, query, &g, &err);
    int rc = EXIT_OK;
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_goals(out, g, query, co.fmt);
        cli_print_end(&co);
        rc = g->nlinks || g->ngoals ? EXIT_OK : EXIT_NO_MATCH;
    }
    ps_goals_free(g);
    free(query);
    return st == PS_OK ? rc : cli_report(st, &err);
}

/* common.c: what several commands share beyond option parsing: the index
 * a command asks for (opened once, in the mode of its table row), the
 * query filter options, the query text joined from the operands, and
 * whether their output arrived. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Creates the parents of dir (the default location, or a --db in a new folder);
 * failures show when the index opens. */
static void
make_parents(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return;
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(p, 0755);
        *s = '/';
    }
    free(p);
}

ps_status
cli_index_dir(const cli_ctx *ctx, const char **dir, char **def, ps_error *err)
{
    *dir = ctx->db;
    *def = NULL;
    if (!*dir || !**dir)
        *dir = getenv("PLANSOK_DB");
    if (!*dir || !**dir) {
        *def = ps_index_default_dir();
        if (!*def) {
            snprintf(err->msg, sizeof err->msg, "no index directory: use --db DIR or set PLANSOK_DB");
            return err->code = PS_ERR_USAGE;
        }
        *dir = *def;
    }
    return PS_OK;
}

ps_status
cli_index(cli_ctx *ctx, ps_index **ix, ps_error *err)
{
    *ix = ctx->ix;
    if (ctx->ix)
        return PS_OK;
    if (ctx->cmd->mode == CLI_INDEX_NONE) {
        snprintf(err->msg, sizeof err->msg, "'plansok %s' has no index", ctx->cmd->name);
        return err->code = PS_ERR_INTERNAL;
    }
    bool write = ctx->cmd->mode == CLI_INDEX_WRITE;
    const char *dir;
    char *def;
    ps_status st = cli_index_dir(ctx, &dir, &def, err);
    if (st != PS_OK)
        return st;
    if (write) /* as git init makes the directories it needs */
        make_parents(dir);
    ps_index_mode mode = (write ? PS_INDEX_WRITE : PS_INDEX_READ) | ctx->extra;
    st = ps_index_open(dir, mode, &ctx->ix, err);
    free(def);
    const char *syn = getenv("PLANSOK_SYNONYMS");
    if (st == PS_OK && syn && *syn && (st = ps_index_add_synonyms(ctx->ix, syn, err)) != PS_OK)
        cli_index_close(ctx);
    *ix = ctx->ix;
    return st;
}

void
cli_index_close(cli_ctx *ctx)
{
    ps_index_close(ctx->ix);
    ctx->ix = NULL;
}

ps_status
cli_output_done(FILE *f, const char *name, bool close, ps_error *err)
{
    errno = 0;
    bool failed = fflush(f) != 0;
    int e = errno;
    failed |= ferror(f) != 0;
    if (close && fclose(f) != 0 && !failed) {
        failed = true;
        e = errno;
    }
    if (!failed)
        return PS_OK;
    /* the reason is known when the last write failed; stdio does not
     * keep it for an earlier one */
    char what[300];
    if (name)
        snprintf(what, sizeof what, "'%s'", name);
    else
        snprintf(what, sizeof what, "to standard output");
    snprintf(err->msg, sizeof err->msg, "cannot write %s%s%s", what, e ? ": " : "", e ? strerror(e) : "");
    return err->code = PS_ERR_IO;
}

bool
cli_apply_filters(const cli_filters *f, ps_query_opts *q)
{
    if (f->region) {
        q->lan = ps_lan_parse(f->region);
        if (q->lan < 0) {
            fprintf(stderr, "plansok: unknown län '%s' (try e.g. jönköping, norrbotten, stockholm)\n", f->region);
            return false;
        }
    }
    if (f->org && *f->org)
        q->org = f->org;
    if (f->unit && *f->unit)
        q->unit = f->unit;
    if (f->kind) {
        q->kind = ps_kind_parse(f->kind);
        if (q->kind < 0) {
            fprintf(stderr, "plansok: unknown kind '%s' (", f->kind);
            for (int k = 0; k < PS_KIND_COUNT; k++)
                fprintf(stderr, "%s%s", k ? ", " : "", ps_kind_name((ps_kind)k));
            fprintf(stderr, ")\n");
            return false;
        }
    }
    if (f->section) {
        q->section = ps_section_parse(f->section);
        if (q->section < 0) {
            fprintf(stderr, "plansok: unknown section '%s' (mal, insatser, budget, other)\n", f->section);
            return false;
        }
    }
    if (f->year) {
        int a, b;
        if (ps_years_parse(f->year, &a, &b) != 0 || a != b) {
            fprintf(stderr, "plansok: bad --year '%s': use a year like 2014\n", f->year);
            return false;
        }
        q->year_from = q->year_to = a;
    }
    if (f->years) {
        int a, b;
        if (ps_years_parse(f->years, &a, &b) != 0) {
            fprintf(stderr, "plansok: bad --years '%s': use A..B, e.g. 2013..2014\n", f->years);
            return false;
        }
        q->year_from = a;
        q->year_to = b;
    }
    return true;
}

char *
cli_join(int n, char **argv) /* NULL also when out of memory */
{
    if (n <= 0)
        return NULL;
    size_t len = 1;
    for (int i = 1; i <= n; i++)
        len += strlen(argv[i]) + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

int
cli_query_start(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts, const cli_filters *f, cli_query *q)
{
    *q = (cli_query){ NULL, PS_QUERY_OPTS_INIT, NULL };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (n == 0) {
        fprintf(stderr, "plansok %s: no query given; see 'plansok %s --help'\n", ctx->cmd->name, ctx->cmd->name);
        return EXIT_USAGE;
    }
    if (!cli_apply_filters(f, &q->opts))
        return EXIT_USAGE;
    q->text = cli_join(n, argv);
    if (!q->text) {
        fprintf(stderr, "plansok: out of memory\n");
        return EXIT_FATAL;
    }
    ps_error err = PS_ERROR_INIT;
    ps_status st = cli_index(ctx, &q->ix, &err);
    if (st != PS_OK) {
        cli_query_done(q);
        return cli_report(st, &err);
    }
    return -1;
}

void
cli_query_done(cli_query *q)
{
    free(q->text);
    q->text = NULL;
}

int
cli_parse_no_operands(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts)
{
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (n > 0) {
        fprintf(stderr, "plansok %s: takes no arguments; see 'plansok %s --help'\n", ctx->cmd->name,
                ctx->cmd->name);
        return EXIT_USAGE;
    }
    return -1;
}

bool
cli_fix_from_opts(const char *cmd, const cli_fix_opts *o, ps_fix *fix)
{
    *fix = (ps_fix)PS_FIX_INIT;
    fix->org = o->org;
    fix->unit = o->unit;
    if (o->region && (fix->lan = ps_lan_parse(o->region)) < 0) {
        fprintf(stderr, "plansok %s: unknown län '%s' (try e.g. skåne, \"Västra Götalands län\", VGR)\n", cmd,
                o->region);
        return false;
    }
    if (o->year && (o->year < 1900 || o->year > 2100)) {
        fprintf(stderr, "plansok %s: --year %d is not a year a plan can have (1900 to 2100)\n", cmd, o->year);
        return false;
    }
    if (o->year)
        fix->year = o->year;
    if (o->kind && (fix->kind = ps_kind_parse(o->kind)) < 0) {
        fprintf(stderr, "plansok %s: unknown kind '%s' (see docs/DETECTION.md)\n", cmd, o->kind);
        return false;
    }
    return true;
}

bool
cli_fix_empty(const ps_fix *fix)
{
    return !fix->org && !fix->unit && fix->lan == PS_FIX_KEEP && fix->year == PS_FIX_KEEP &&
           fix->kind == PS_FIX_KEEP;
}

/* opts.c: the one option parser. Each command declares a table of typed
 * options (cli_opt: the out pointer that is set decides the type); nobody
 * walks argv by hand. Accepts --name=value, --name value, -x value,
 * options after operands, and "--" to end options; --db and --help come
 * with every command. Prints its own one-line errors; knows nothing of
 * the library but the ps_status names it never needs. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The options every command with an index has besides its own. */
static cli_opt
db_option(const char **out)
{
    return (cli_opt){ .name = "db", .opt_string = out, .arg = "DIR",
                      .help = "index directory (default: $PLANSOK_DB, else the XDG data dir)" };
}

static bool
has_db(const cli_ctx *ctx)
{
    return ctx->cmd->mode != CLI_INDEX_NONE;
}

static const cli_opt *
find(const cli_opt *opts, const char *name, size_t n, char letter)
{
    for (const cli_opt *o = opts; o->name; o++) {
        if (letter ? o->letter == letter : (strlen(o->name) == n && strncmp(o->name, name, n) == 0))
            return o;
    }
    return NULL;
}

static bool
set_value(const cli_opt *o, const char *v, const char *cmd)
{
    if (o->opt_bool) {
        *o->opt_bool = true;
        return true;
    }
    if (o->opt_string) {
        *o->opt_string = v;
        return true;
    }
    if (o->opt_int) {
        char *end;
        errno = 0;
        long x = strtol(v, &end, 10);
        if (errno || *end || end == v || x < 0 || x > 1000000000) {
            fprintf(stderr, "plansok %s: --%s wants a non-negative number, not '%s'\n", cmd, o->name, v);
            return false;
        }
        *o->opt_int = (int)x;
        return true;
    }
    for (const cli_keyword *k = o->keywords; k && k->name; k++) {
        if (strcmp(k->name, v) == 0) {
            *o->opt_keyword = k->value;
            return true;
        }
    }
    fprintf(stderr, "plansok %s: --%s: unknown value '%s' (one of:", cmd, o->name, v);
    for (const cli_keyword *k = o->keywords; k && k->name; k++)
        fprintf(stderr, " %s", k->name);
    fprintf(stderr, ")\n");
    return false;
}

/* The first option of a table that does not have exactly one type, or NULL. */
static const cli_opt *
malformed(const cli_opt *opts)
{
    for (const cli_opt *o = opts; o->name; o++) {
        int types = !!o->opt_bool + !!o->opt_int + !!o->opt_string + !!o->opt_keyword;
        if (types != 1 || (o->opt_keyword && !o->keywords) || (!o->opt_keyword && o->keywords))
            return o;
    }
    return NULL;
}

int
cli_parse(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts)
{
    const char *cmd = ctx->cmd->name;
    const cli_opt *bad = malformed(opts);
    if (bad) { /* a bug in the command's table, caught by every run of it */
        fprintf(stderr, "plansok %s: internal error: option --%s must have exactly one type\n", cmd, bad->name);
        return -1;
    }
    cli_opt common[2] = { db_option(&ctx->db), { 0 } };
    int nops = 0;
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_operands || a[0] != '-' || a[1] == '\0') {
            argv[1 + nops++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_operands = true;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_print_help(stdout, ctx, opts);
            return -2;
        }
        const cli_opt *o;
        const char *value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            o = find(opts, name, n, 0);
            if (!o && has_db(ctx))
                o = find(common, name, n, 0);
            if (eq)
                value = eq + 1;
        } else {
            o = a[2] == '\0' ? find(opts, NULL, 0, a[1]) : NULL;
        }
        if (!o) {
            fprintf(stderr, "plansok %s: unknown option '%s'; see 'plansok %s --help'\n", cmd, a, cmd);
            return -1;
        }
        if (o->opt_bool) {
            if (value) {
                fprintf(stderr, "plansok %s: --%s takes no value\n", cmd, o->name);
                return -1;
            }
        } else if (!value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "plansok %s: --%s needs a value (%s)\n", cmd, o->name, o->arg ? o->arg : "VALUE");
                return -1;
            }
            value = argv[++i];
        }
        if (!set_value(o, value, cmd))
            return -1;
    }
    argv[1 + nops] = NULL;
    return nops;
}

static void
print_option(FILE *f, const cli_opt *o)
{
    char left[64];
    if (o->letter)
        snprintf(left, sizeof left, "-%c, --%s%s%s", o->letter, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    fputs("  ", f);
    cli_pad_right(f, left, 27); /* by characters: "LÄN" is four bytes */
    fprintf(f, "%s\n", o->help);
}

void
cli_print_help(FILE *f, const cli_ctx *ctx, const cli_opt *opts)
{
    const cli_command *cmd = ctx->cmd;
    fprintf(f, "usage: plansok %s [options] %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
    if (cmd->details)
        fprintf(f, "\n%s\n", cmd->details);
    fprintf(f, "\noptions:\n");
    if (has_db(ctx)) {
        cli_opt db = db_option(NULL);
        print_option(f, &db);
    }
    for (const cli_opt *o = opts; o->name; o++)
        print_option(f, o);
    fprintf(f, "  %-26s %s\n", "-h, --help", "show this help");
}

/* opts.c: the one option parser. Each command declares a table of typed
 * options; nobody walks argv by hand. Accepts --name=value, --name value,
 * -x value, options after operands, and "--" to end options. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
set_value(const cli_opt *o, const char *v, const cli_command *cmd)
{
    switch (o->type) {
    case OPT_BOOL:
        *(bool *)o->out = true;
        return true;
    case OPT_STRING:
        *(const char **)o->out = v;
        return true;
    case OPT_INT: {
        char *end;
        errno = 0;
        long x = strtol(v, &end, 10);
        if (errno || *end || end == v || x < 0 || x > 1000000000) {
            fprintf(stderr, "plansok %s: --%s wants a non-negative number, not '%s'\n", cmd->name, o->name, v);
            return false;
        }
        *(int *)o->out = (int)x;
        return true;
    }
    case OPT_KEYWORD:
        for (const cli_keyword *k = o->keywords; k->name; k++) {
            if (strcmp(k->name, v) == 0) {
                *(int *)o->out = k->value;
                return true;
            }
        }
        fprintf(stderr, "plansok %s: --%s: unknown value '%s' (one of:", cmd->name, o->name, v);
        for (const cli_keyword *k = o->keywords; k->name; k++)
            fprintf(stderr, " %s", k->name);
        fprintf(stderr, ")\n");
        return false;
    }
    return false;
}

int
cli_parse(int argc, char **argv, const cli_opt *opts, const cli_command *cmd)
{
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
            cli_print_help(stdout, opts, cmd);
            return -2;
        }
        const cli_opt *o;
        const char *value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            o = find(opts, name, n, 0);
            if (eq)
                value = eq + 1;
        } else {
            o = a[2] == '\0' ? find(opts, NULL, 0, a[1]) : NULL;
        }
        if (!o) {
            fprintf(stderr, "plansok %s: unknown option '%s'; see 'plansok %s --help'\n", cmd->name, a, cmd->name);
            return -1;
        }
        if (o->type == OPT_BOOL) {
            if (value) {
                fprintf(stderr, "plansok %s: --%s takes no value\n", cmd->name, o->name);
                return -1;
            }
        } else if (!value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "plansok %s: --%s needs a value (%s)\n", cmd->name, o->name, o->arg ? o->arg : "VALUE");
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

void
cli_print_help(FILE *f, const cli_opt *opts, const cli_command *cmd)
{
    fprintf(f, "usage: plansok %s [options] %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
    if (cmd->details)
        fprintf(f, "\n%s\n", cmd->details);
    fprintf(f, "\noptions:\n");
    for (const cli_opt *o = opts; o->name; o++) {
        char left[64];
        if (o->letter)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->letter, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-26s %s\n", left, o->help);
    }
    fprintf(f, "  %-26s %s\n", "-h, --help", "show this help");
}

ps_status
cli_open_index(const cli_common *c, ps_index_mode mode, ps_index **ix, ps_error *err)
{
    const char *dir = c->db;
    char *def = NULL;
    if (!dir || !*dir)
        dir = getenv("PLANSOK_DB");
    if (!dir || !*dir) {
        def = ps_index_default_dir();
        if (!def) {
            snprintf(err->msg, sizeof err->msg, "no index directory: use --db DIR or set PLANSOK_DB");
            err->code = PS_ERR_USAGE;
            return PS_ERR_USAGE;
        }
        dir = def;
        if (mode & PS_INDEX_WRITE) {
            /* create the parents of the default location */
            char *p = malloc(strlen(def) + 1);
            strcpy(p, def);
            for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
                *s = '\0';
                mkdir(p, 0755); /* failures show up when the index opens */
                *s = '/';
            }
            free(p);
        }
    }
    ps_status st = ps_index_open(dir, mode, ix, err);
    free(def);
    const char *syn = getenv("PLANSOK_SYNONYMS");
    if (st == PS_OK && syn && *syn) {
        st = ps_index_add_synonyms(*ix, syn, err);
        if (st != PS_OK) {
            ps_index_close(*ix);
            *ix = NULL;
        }
    }
    return st;
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
    if (f->kind) {
        q->kind = ps_kind_parse(f->kind);
        if (q->kind < 0) {
            fprintf(stderr, "plansok: unknown kind '%s' (verksamhetsplan, budget, kallelse, protokoll, "
                            "årsredovisning, strategi, other)\n", f->kind);
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
        char *end;
        long y = strtol(f->year, &end, 10);
        if (*end || y < 1900 || y > 2100) {
            fprintf(stderr, "plansok: bad --year '%s': use a year like 2014\n", f->year);
            return false;
        }
        q->year_from = q->year_to = (int)y;
    }
    if (f->years) {
        int a, b;
        char tail;
        if (sscanf(f->years, "%d..%d%c", &a, &b, &tail) != 2 || a < 1900 || b < a || b > 2100) {
            fprintf(stderr, "plansok: bad --years '%s': use A..B, e.g. 2013..2014\n", f->years);
            return false;
        }
        q->year_from = a;
        q->year_to = b;
    }
    return true;
}

int
cli_parse_query(int argc, char **argv, const cli_opt *opts, const cli_command *cmd, const cli_filters *f,
                ps_query_opts *q, char **query)
{
    *query = NULL;
    int n = cli_parse(argc, argv, opts, cmd);
    if (n < 0)
        return cli_parse_exit(n);
    if (n == 0) {
        fprintf(stderr, "plansok %s: no query given; see 'plansok %s --help'\n", cmd->name, cmd->name);
        return EXIT_USAGE;
    }
    if (!cli_apply_filters(f, q))
        return EXIT_USAGE;
    size_t len = 1;
    for (int i = 1; i <= n; i++)
        len += strlen(argv[i]) + 1;
    char *s = malloc(len);
    if (!s) {
        fprintf(stderr, "plansok: out of memory\n");
        return EXIT_FATAL;
    }
    s[0] = '\0';
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            strcat(s, " ");
        strcat(s, argv[i]);
    }
    *query = s;
    return -1;
}

int
cli_parse_no_operands(int argc, char **argv, const cli_opt *opts, const cli_command *cmd)
{
    int n = cli_parse(argc, argv, opts, cmd);
    if (n < 0)
        return cli_parse_exit(n);
    if (n > 0) {
        fprintf(stderr, "plansok %s: takes no arguments; see 'plansok %s --help'\n", cmd->name, cmd->name);
        return EXIT_USAGE;
    }
    return -1;
}

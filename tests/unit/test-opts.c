/* test-opts.c: the option parser (cli/opts.c) with typed descriptors:
 * every type, long and short forms, --name=value, options after operands,
 * "--", --db for commands with an index, and each error a usage error.
 * Cases are rows: an argument line and what it should give. */
#include "cli/cli.h"
#include "tap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static const cli_keyword colours[] = { { "red", 1 }, { "green", 2 }, { NULL, 0 } };

typedef struct parsed {
    bool flag;
    int num, colour;
    const char *str, *db;
    int n;          /* cli_parse's result */
    char ops[64];   /* operands joined by '|' */
} parsed;

/* Parses the words of line for a command of the given index mode. */
static parsed
parse(const char *line, cli_index_mode mode)
{
    static char buf[256];
    char *argv[32];
    int argc = 0;
    snprintf(buf, sizeof buf, "cmd %s", line);
    for (char *t = strtok(buf, " "); t && argc < 31; t = strtok(NULL, " "))
        argv[argc++] = t;
    argv[argc] = NULL;
    parsed p = { .num = -1, .colour = 0 };
    const cli_opt opts[] = {
        { .name = "flag", .letter = 'f', .opt_bool = &p.flag, .help = "a flag" },
        { .name = "num", .letter = 'n', .opt_int = &p.num, .arg = "N", .help = "a number" },
        { .name = "str", .opt_string = &p.str, .arg = "S", .help = "a string" },
        { .name = "colour", .letter = 'c', .opt_keyword = &p.colour, .keywords = colours, .arg = "C", .help = "red" },
        { 0 },
    };
    cli_command cmd = { "cmd", NULL, mode, "ARGS", "A test command.", NULL };
    cli_ctx ctx = { .cmd = &cmd };
    /* --help and errors print: keep TAP output clean */
    fflush(stdout);
    int out = dup(1), err = dup(2), null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    p.n = cli_parse(&ctx, argc, argv, opts);
    fflush(stdout);
    dup2(out, 1);
    dup2(err, 2);
    close(out), close(err), close(null);
    p.db = ctx.db;
    for (int i = 1; p.n > 0 && i <= p.n; i++)
        snprintf(p.ops + strlen(p.ops), sizeof p.ops - strlen(p.ops), "%s%s", i > 1 ? "|" : "", argv[i]);
    return p;
}

static void
test_rows(void)
{
    static const struct {
        const char *line;
        cli_index_mode mode;
        int n;              /* operands, -1 error, -2 help */
        bool flag;
        int num, colour;
        const char *str, *db, *ops;
    } rows[] = {
        { "a b", CLI_INDEX_READ, 2, false, -1, 0, NULL, NULL, "a|b" },
        { "--flag a", CLI_INDEX_READ, 1, true, -1, 0, NULL, NULL, "a" },
        { "a -f", CLI_INDEX_READ, 1, true, -1, 0, NULL, NULL, "a" },
        { "--num 12 x", CLI_INDEX_READ, 1, false, 12, 0, NULL, NULL, "x" },
        { "--num=7", CLI_INDEX_READ, 0, false, 7, 0, NULL, NULL, "" },
        { "-n 3 -c green", CLI_INDEX_READ, 0, false, 3, 2, NULL, NULL, "" },
        { "--str=a=b q", CLI_INDEX_READ, 1, false, -1, 0, "a=b", NULL, "q" },
        { "x --colour red y", CLI_INDEX_READ, 2, false, -1, 1, NULL, NULL, "x|y" },
        { "-- --flag -n", CLI_INDEX_READ, 2, false, -1, 0, NULL, NULL, "--flag|-n" },
        { "- a", CLI_INDEX_READ, 2, false, -1, 0, NULL, NULL, "-|a" },
        { "--db idx a", CLI_INDEX_READ, 1, false, -1, 0, NULL, "idx", "a" },
        { "a --db=idx", CLI_INDEX_WRITE, 1, false, -1, 0, NULL, "idx", "a" },
        { "--db idx", CLI_INDEX_NONE, -1, false, -1, 0, NULL, NULL, "" },
        { "--nope", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "-x", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--num", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--num -3", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--num 12abc", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--num 2000000000", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--colour blue", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "--flag=yes", CLI_INDEX_READ, -1, false, -1, 0, NULL, NULL, "" },
        { "a --help", CLI_INDEX_READ, -2, false, -1, 0, NULL, NULL, "" },
        { "-h", CLI_INDEX_NONE, -2, false, -1, 0, NULL, NULL, "" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        parsed p = parse(rows[i].line, rows[i].mode);
        printf("# '%s'\n", rows[i].line);
        CHECK(p.n == rows[i].n);
        if (rows[i].n < 0)
            continue;
        CHECK(p.flag == rows[i].flag && p.num == rows[i].num && p.colour == rows[i].colour);
        CHECK((!p.str && !rows[i].str) || (p.str && rows[i].str && !strcmp(p.str, rows[i].str)));
        CHECK((!p.db && !rows[i].db) || (p.db && rows[i].db && !strcmp(p.db, rows[i].db)));
        CHECK_STR(p.ops, rows[i].ops);
    }
}

/* A table whose option has no type, or two, is refused. */
static void
test_malformed(void)
{
    int num;
    bool flag;
    char a0[] = "cmd", a1[] = "x", *argv[] = { a0, a1, NULL };
    cli_command cmd = { "cmd", NULL, CLI_INDEX_NONE, "", "", NULL };
    cli_ctx ctx = { .cmd = &cmd };
    const cli_opt none[] = { { .name = "x", .help = "no type" }, { 0 } };
    const cli_opt two[] = { { .name = "x", .opt_int = &num, .opt_bool = &flag, .help = "two" }, { 0 } };
    int err = dup(2), null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    int r1 = cli_parse(&ctx, 2, argv, none), r2 = cli_parse(&ctx, 2, argv, two);
    dup2(err, 2);
    close(err), close(null);
    CHECK(r1 == -1);
    CHECK(r2 == -1);
    CHECK(cli_parse_exit(-1) == EXIT_USAGE && cli_parse_exit(-2) == EXIT_OK);
}

int
main(void)
{
    test_rows();
    test_malformed();
    return tap_done();
}

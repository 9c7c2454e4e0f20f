/* cli.h: what the plansok command-line front end shares between main.c,
 * the option parser, the printers and the cmd-*.c subcommands.
 *
 * To add a command: write cli/cmd-x.c defining cli_cmd_x(), declare it
 * here, add it to the table in main.c, document it in docs/CLI.md and add
 * tests/e2e/tNNN-x.sh. */
#ifndef PLANSOK_CLI_H
#define PLANSOK_CLI_H

#include "plansok.h"
#include "print.h"
#include <stdbool.h>
#include <stdio.h>

/* Exit codes: the only place they are defined. */
enum {
    EXIT_OK = 0,
    EXIT_NO_MATCH = 1, /* as grep */
    EXIT_USAGE = 2,    /* usage or query syntax */
    EXIT_SKIPPED = 3,  /* done, but some inputs were skipped */
    EXIT_FATAL = 4,    /* I/O, index, internal */
};

/* Maps a status to an exit code (main.c). */
int cli_exit_code(ps_status st);
/* Prints "plansok: <msg>" once and returns the exit code for st. */
int cli_report(ps_status st, const ps_error *err);

/* ------------------------------------------------------------- options */
typedef enum cli_opt_type { OPT_BOOL, OPT_INT, OPT_STRING, OPT_KEYWORD } cli_opt_type;

typedef struct cli_keyword {
    const char *name;
    int value;
} cli_keyword;

typedef struct cli_opt {
    const char *name;      /* long name without "--" */
    char letter;           /* short form, or 0 */
    cli_opt_type type;
    void *out;             /* bool*, int*, const char**, int* */
    const cli_keyword *keywords; /* for OPT_KEYWORD, NULL-terminated */
    const char *arg;       /* argument name in help, e.g. "DIR" */
    const char *help;
} cli_opt;

typedef struct cli_command {
    const char *name;
    int (*fn)(int argc, char **argv, const struct cli_command *self);
    const char *args;      /* operands in the usage line */
    const char *summary;
    const char *details;   /* extra paragraph for --help, or NULL */
} cli_command;

/* Parses options anywhere on the line (after argv[0], the command name);
 * operands are moved to argv[1..n] and their count returned. --help prints
 * the command's help and returns -2; an error prints a message and
 * returns -1. */
int cli_parse(int argc, char **argv, const cli_opt *opts, const cli_command *cmd);
/* The exit code for cli_parse's negative results: EXIT_OK after --help,
 * EXIT_USAGE after an error. */
static inline int
cli_parse_exit(int n)
{
    return n == -2 ? EXIT_OK : EXIT_USAGE;
}
void cli_print_help(FILE *f, const cli_opt *opts, const cli_command *cmd);

/* Options every command has. */
typedef struct cli_common {
    const char *db;
    bool help;
} cli_common;
#define CLI_DB_OPT(c) { "db", 0, OPT_STRING, &(c)->db, NULL, "DIR", "index directory (default: $PLANSOK_DB, else the XDG data dir)" }

/* Opens the index named by --db, PLANSOK_DB or the default. */
ps_status cli_open_index(const cli_common *c, ps_index_mode mode, ps_index **ix, ps_error *err);

/* Query filters shared by search and matrix. */
typedef struct cli_filters {
    const char *region, *year, *years, *kind, *section;
} cli_filters;
#define CLI_FILTER_OPTS(f) \
    { "region", 'r', OPT_STRING, &(f)->region, NULL, "LÄN", "only this län (e.g. jönköping, \"Norrbottens län\")" }, \
    { "year", 'y', OPT_STRING, &(f)->year, NULL, "Y", "only documents of year Y" }, \
    { "years", 0, OPT_STRING, &(f)->years, NULL, "A..B", "only documents of years A to B" }, \
    { "kind", 'k', OPT_STRING, &(f)->kind, NULL, "KIND", "verksamhetsplan, budget, kallelse, protokoll, årsredovisning, strategi, other" }, \
    { "section", 's', OPT_STRING, &(f)->section, NULL, "SECTION", "only passages in mal, insatser, budget or other sections" }
/* Fills q from the filter options; prints a message and returns false on a
 * bad value. */
bool cli_apply_filters(const cli_filters *f, ps_query_opts *q);

/* For commands without operands: -1 to go on, else the exit code. */
int cli_parse_no_operands(int argc, char **argv, const cli_opt *opts, const cli_command *cmd);

/* For search and matrix: parses options, applies the filter options to q
 * and joins the operands into *query (caller frees). Returns -1 when the
 * command should go on, else the exit code to return. */
int cli_parse_query(int argc, char **argv, const cli_opt *opts, const cli_command *cmd, const cli_filters *f,
                    ps_query_opts *q, char **query);

/* ------------------------------------------------------------ printing */
/* The printers and cli_format are in print.h. text|json|csv|md, for
 * every command but report, which has its own list (md|html). */
extern const cli_keyword cli_format_keywords[];
#define CLI_FORMAT_OPT(fmt) { "format", 'f', OPT_KEYWORD, (fmt), cli_format_keywords, "FMT", "text, json, csv or md" }

/* ----------------------------------------------------------- commands */
int cli_cmd_ingest(int argc, char **argv, const cli_command *self);
int cli_cmd_search(int argc, char **argv, const cli_command *self);
int cli_cmd_matrix(int argc, char **argv, const cli_command *self);
int cli_cmd_docs(int argc, char **argv, const cli_command *self);
int cli_cmd_show(int argc, char **argv, const cli_command *self);
int cli_cmd_budget(int argc, char **argv, const cli_command *self);
int cli_cmd_goals(int argc, char **argv, const cli_command *self);
int cli_cmd_compare(int argc, char **argv, const cli_command *self);
int cli_cmd_report(int argc, char **argv, const cli_command *self);

#endif

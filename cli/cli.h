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
#include <sys/types.h>

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
/* Whether everything written to f arrived: flushes it (and closes it
 * when close is set) and checks its error flag. PS_ERR_IO with "cannot
 * write to standard output: No space left on device" (or "cannot write
 * 'NAME'", the reason when the last write gave it) when a write failed.
 * main checks stdout once, after every command. */
ps_status cli_output_done(FILE *f, const char *name, bool close, ps_error *err);
/* Catches SIGINT and SIGTERM (those not ignored when the process started)
 * until the process ends, and returns the flag the first one sets to its
 * number (main.c). The handler only sets the flag and gives both signals
 * back their default action, so a second one ends the process at once.
 * Once the command has returned, main ends a process whose flag is set by
 * that signal, so its caller sees it stopped by the signal (a shell: 130 or
 * 143; docs/RELIABILITY.md, "Signals"). */
const volatile sig_atomic_t *cli_catch_stop_signals(void);

/* ------------------------------------------------------------ commands */

/* The index a command needs: main opens it in this mode, once, when the
 * command first asks for it (cli_index), and closes it after the command. */
typedef enum cli_index_mode {
    CLI_INDEX_NONE,  /* no index, no --db option */
    CLI_INDEX_READ,
    CLI_INDEX_WRITE  /* created when missing; the writer lock */
} cli_index_mode;

struct cli_command;

/* What main hands a command. */
typedef struct cli_ctx {
    const struct cli_command *cmd;
    const char *db;          /* --db, or NULL: $PLANSOK_DB, else the default */
    ps_index_mode extra;     /* or'ed into the open mode (ingest --shard-by) */
    ps_index *ix;            /* open once asked for */
} cli_ctx;

typedef struct cli_command {
    const char *name;
    int (*fn)(cli_ctx *ctx, int argc, char **argv);
    cli_index_mode mode;
    const char *args;      /* operands in the usage line */
    const char *summary;
    const char *details;   /* extra paragraph for --help, or NULL */
} cli_command;

/* The command's index, opened in its table mode on the first call (with
 * PLANSOK_SYNONYMS added); later calls return the same. */
ps_status cli_index(cli_ctx *ctx, ps_index **ix, ps_error *err);
/* The index directory the command names: --db, else $PLANSOK_DB, else the
 * default (then also in *def, for the caller to free; NULL otherwise). */
ps_status cli_index_dir(const cli_ctx *ctx, const char **dir, char **def, ps_error *err);
/* Closes the index (main does; a command may close it early, to report
 * only what is committed). */
void cli_index_close(cli_ctx *ctx);

/* ------------------------------------------------------------- options */

typedef struct cli_keyword {
    const char *name;
    int value;
} cli_keyword;

/* A typed option: exactly one of the out pointers is set, and it decides
 * the option's type. Tables end with an entry without a name. */
typedef struct cli_opt {
    const char *name;         /* long name without "--" */
    char letter;              /* short form, or 0 */
    bool *opt_bool;           /* a flag: true when given */
    int *opt_int;             /* a number from 0 to 1e9 */
    const char **opt_string;  /* the argument as given */
    int *opt_keyword;         /* the value of the keyword given, one of: */
    const cli_keyword *keywords; /* NULL-terminated */
    const char *arg;          /* argument name in help, e.g. "DIR" */
    const char *help;
} cli_opt;

/* Parses options anywhere on the line (after argv[0], the command name):
 * --name=value, --name value, -x value, and "--" to end options. --db is
 * accepted by every command with an index (into ctx->db), --help by all.
 * Operands are moved to argv[1..n] and their count returned. --help
 * prints the command's help and returns -2; an error prints one line and
 * returns -1. */
int cli_parse(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts);
/* The exit code for cli_parse's negative results: EXIT_OK after --help,
 * EXIT_USAGE after an error. */
static inline int
cli_parse_exit(int n)
{
    return n == -2 ? EXIT_OK : EXIT_USAGE;
}
void cli_print_help(FILE *f, const cli_ctx *ctx, const cli_opt *opts);

/* Query filters shared by search, matrix, compare, report and budget. */
typedef struct cli_filters {
    const char *region, *year, *years, *kind, *section, *org, *unit;
} cli_filters;
#define CLI_FILTER_DOC_OPTS(f) \
    { .name = "region", .letter = 'r', .opt_string = &(f)->region, .arg = "LÄN", \
      .help = "only this län (e.g. jönköping, \"Norrbottens län\")" }, \
    { .name = "org", .opt_string = &(f)->org, .arg = "ORG", \
      .help = "only this organisation: a name, or a register name or code (\"Alingsås kommun\", 1489, VGR)" }, \
    { .name = "unit", .opt_string = &(f)->unit, .arg = "UNIT", \
      .help = "only this unit of it, as docs shows it, or its name's start (\"socialnämnden\", \"tekniska\")" }, \
    { .name = "year", .letter = 'y', .opt_string = &(f)->year, .arg = "Y", .help = "only documents of year Y" }, \
    { .name = "years", .opt_string = &(f)->years, .arg = "A..B", .help = "only documents of years A to B" }, \
    { .name = "kind", .letter = 'k', .opt_string = &(f)->kind, .arg = "KIND", \
      .help = "only this kind: verksamhetsplan, budget, plan, uppföljning, rapport, protokoll ... (docs/DETECTION.md)" }
#define CLI_FILTER_OPTS(f) \
    CLI_FILTER_DOC_OPTS(f), \
    { .name = "section", .letter = 's', .opt_string = &(f)->section, .arg = "SECTION", \
      .help = "only passages in mal, insatser, budget or other sections" }
/* Fills q from the filter options; prints a message and returns false on a
 * bad value. */
bool cli_apply_filters(const cli_filters *f, ps_query_opts *q);

/* The options that correct a document's metadata (set, ingest). */
typedef struct cli_fix_opts {
    const char *org, *unit, *region, *kind;
    int year;
} cli_fix_opts;
#define CLI_FIX_OPTS(f, what) \
    { .name = "org", .opt_string = &(f)->org, .arg = "NAME", \
      .help = "the organisation " what " (a register name or code: \"Nacka kommun\", 0182, VGR)" }, \
    { .name = "unit", .opt_string = &(f)->unit, .arg = "NAME", \
      .help = "the unit within it " what " (e.g. socialnämnden)" }, \
    { .name = "region", .letter = 'r', .opt_string = &(f)->region, .arg = "LÄN", \
      .help = "the län " what " (e.g. skåne, \"Västra Götalands län\", VGR)" }, \
    { .name = "year", .letter = 'y', .opt_int = &(f)->year, .arg = "Y", .help = "the year " what }, \
    { .name = "kind", .letter = 'k', .opt_string = &(f)->kind, .arg = "KIND", \
      .help = "the document kind " what " (see docs/DETECTION.md)" }
/* Checks the values and fills fix; prints one line naming cmd and returns
 * false for a bad one. */
bool cli_fix_from_opts(const char *cmd, const cli_fix_opts *o, ps_fix *fix);
bool cli_fix_empty(const ps_fix *fix);

/* For commands without operands: -1 to go on, else the exit code. */
int cli_parse_no_operands(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts);

/* What a query command has once its line is read. */
typedef struct cli_query {
    char *text;          /* the operands joined by spaces */
    ps_query_opts opts;  /* with the filter options applied */
    ps_index *ix;        /* the command's index, open */
} cli_query;

/* For the query commands: parses options, applies the filter options,
 * joins the operands into the query and opens the index. Returns -1 when
 * the command should go on (then cli_query_done(q) when it is finished),
 * else the exit code to return (after printing why). */
int cli_query_start(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts, const cli_filters *f, cli_query *q);
void cli_query_done(cli_query *q);
/* The operands argv[1..n] joined by spaces, or NULL when n is 0. */
char *cli_join(int n, char **argv);

/* ------------------------------------------------------------ printing */
/* The printers and cli_format are in print.h. text|json|csv|md, for
 * every command but report, which has its own list (md|html). */
extern const cli_keyword cli_format_keywords[];
#define CLI_FORMAT_OPT(fmt) \
    { .name = "format", .letter = 'f', .opt_keyword = (fmt), .keywords = cli_format_keywords, .arg = "FMT", \
      .help = "text, json, csv, csv-sv (for Excel set to Swedish: ';', decimal comma) or md" }

/* One line on stderr, after clearing a progress line when clear is set;
 * the control bytes a file name may hold are made harmless (ESC_PLAIN). */
void cli_note(bool clear, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ------------------------------------------------- ingest's files (collect.c) */
/* A file or directory met, by device and inode; a set of them is sorted. */
typedef struct cli_fileid {
    dev_t dev;
    ino_t ino;
    size_t pdfs; /* a directory: the PDFs found under it */
} cli_fileid;
typedef struct cli_idset {
    cli_fileid *v;
    size_t n, cap;
} cli_idset;

/* The files of one ingest run. Zero-initialise; cli_files_release frees. */
typedef struct cli_files {
    char **v;          /* the files to ingest, in the order found */
    size_t n, cap;
    char **unread;     /* directories not read whole, resolved: --prune
                          removes nothing under them */
    size_t nunread, capunread;
    int skipped;       /* operands and entries reported on a line */
    cli_idset dirs;    /* directories walked */
    cli_idset pdfs;    /* files taken: one reached again (the same operand
                          twice, a link, a hard link) is taken once */
} cli_files;

/* Adds one operand: a file as it is, a directory's *.pdf files (each
 * directory once); prints one line for each thing it cannot read. */
void cli_files_add(cli_files *f, const char *operand);
void cli_files_release(cli_files *f);

/* ----------------------------------------------------------- commands */
int cli_cmd_ingest(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_search(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_matrix(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_docs(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_show(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_check(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_budget(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_goals(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_compare(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_report(cli_ctx *ctx, int argc, char **argv);
int cli_cmd_set(cli_ctx *ctx, int argc, char **argv);

#endif

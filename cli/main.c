/* main.c: the command table, top-level help, the one map from status
 * to exit code, the one check that what went to stdout arrived, and how a
 * process asked to stop by a signal ends. Each row names the index mode its command needs; main
 * hands the command a context that opens the index in that mode when the
 * command asks (after its options are read, so --help and usage errors
 * need no index) and closes it when the command returns.
 *
 * To add a command: write cli/cmd-x.c defining cli_cmd_x(cli_ctx *, int,
 * char **), declare it in cli.h, add a row to `commands` below with its
 * index mode (CLI_INDEX_NONE, _READ or _WRITE), document it in
 * docs/CLI.md and add tests/e2e/tNNN-x.sh. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const cli_command commands[] = {
    { "ingest", cli_cmd_ingest, CLI_INDEX_WRITE, "PATH...",
      "Extract PDFs (files, or directories searched recursively) into the index.",
      "Each PDF is read page by page, cleaned (reading order, dehyphenation, running\n"
      "headers and footers removed), its organisation, län, year and kind detected,\n"
      "and cut into passages. Re-ingesting a file replaces its passages; a file left\n"
      "as it was is read again only when an earlier version of plansok or other\n"
      "section rules (--rules) read it. A file that cannot be read is reported on\n"
      "one line and skipped; the exit code is then 3." },
    { "search", cli_cmd_search, CLI_INDEX_READ, "QUERY...",
      "Rank passages across all documents, with organisation, län, year and page.",
      "Query language: words (Swedish inflections match), \"phrases\" (words in\n"
      "order, also inflected), AND (the default), OR, NOT, parentheses, and\n"
      "filters lan:jönköping, year:2014, year:2013..2014, kind:verksamhetsplan,\n"
      "org:storsthlm, section:mal.\n"
      "Exit status: 0 with hits, 1 with none, 2 on a bad query." },
    { "matrix", cli_cmd_matrix, CLI_INDEX_READ, "QUERY...",
      "Count matching passages and documents per län (rows) and year (columns).",
      "Each cell is 'passages/documents'. Same query language and filters as search." },
    { "docs", cli_cmd_docs, CLI_INDEX_READ, "[QUERY]",
      "List the indexed documents with their metadata and counts.",
      "Organisation (and the unit within it), län, year (and the period it covers),\n"
      "kind, the date it was decided or published, its language, and the fields an\n"
      "analyst set by hand. A QUERY and the options narrow the list as they narrow a\n"
      "search: words, and filters org:nacka, org:0182, lan:skåne, year:2026, kind:plan,\n"
      "lang:da. Another rendering of a listed document is listed with it." },
    { "compare", cli_cmd_compare, CLI_INDEX_READ, "QUERY...",
      "One topic side by side per län and year: passages, sections, best passage.",
      "For each län with hits: every year it has documents, the passages and documents\n"
      "that match, how they split over mal / insatser / budget / other, the best\n"
      "passage with its page, and the years where the topic appears or disappears." },
    { "report", cli_cmd_report, CLI_INDEX_READ, "QUERY...",
      "Write a report on a topic: matrix, who writes about it per län and year, goals, budget.",
      "Markdown (default) pastes into a document; --format html writes one\n"
      "self-contained page with the matrix as a heat map and passages per year as a\n"
      "bar chart (inline SVG, printable). Every passage is cited with file and page." },
    { "goals", cli_cmd_goals, CLI_INDEX_READ, "(--region LÄN | --org ORG) [QUERY...]",
      "Compare a län's or an organisation's goals year by year: kept, reworded, new, dropped.",
      "Goal statements are the sentences of passages tagged mal. Each is paired with\n"
      "the most similar goal of the next year (Swedish stems or letter trigrams, so\n"
      "spelling drift still pairs), never twice; reworded goals show the changed words\n"
      "as [-old-]{+new+}. A goal is dropped only when the year it is compared with\n"
      "has goals of its organisation and unit, none like it; without them it is\n"
      "unfollowed, and a goal whose organisation and unit had no goals in the year\n"
      "before it is first, not new (--unit follows one nämnd from its own document\n"
      "to its next). A goal stated in one year only, by a plan, budget or strategy\n"
      "for a period that covers both years (2026-2031), is in_force unless the\n"
      "other year has one of the same organisation and kind in its place. A QUERY\n"
      "limits the goals to passages about a topic." },
    { "budget", cli_cmd_budget, CLI_INDEX_READ, "[QUERY]",
      "List budget table rows (label, amounts per column, unit) from the documents.",
      "Rows come from tables on pages tagged as budget: a header of column headings\n"
      "with years (Budget 2018, Utfall 2016) and rows of a label with amounts in Swedish\n"
      "format (12 345, 1 234,5, -500). CSV gives one line per amount, and each row's\n"
      "role: item, total (a sum of other rows: leave it out when adding) or of_which.\n"
      "A QUERY keeps the rows whose label or table names its topic (investeringar)." },
    { "set", cli_cmd_set, CLI_INDEX_WRITE, "DOC [--org NAME] [--unit NAME] [--region LÄN] [--year Y] [--kind KIND]",
      "Correct a document's organisation, unit, län, year or kind by hand.",
      "DOC is a file name (or a unique part of it), a path or a document id, as\n"
      "'plansok docs' lists them. The correction is kept in the index with the\n"
      "document's contents: it survives re-ingest, --prune and a move of the file,\n"
      "and 'docs' lists the fields as set by hand. An organisation the register knows\n"
      "(\"Nacka kommun\", 0182, VGR) brings its code and län. For many files at once,\n"
      "give 'ingest --meta FILE' a TSV file (docs/DETECTION.md)." },
    { "show", cli_cmd_show, CLI_INDEX_READ, "DOC",
      "Print a document's outline: headings with level, page and section kind.",
      "DOC is a file name (or a unique part of it), a path or a document id, as\n"
      "'plansok docs' lists them. With --passages, each passage follows, with its\n"
      "page and section kind (mal, insatser, budget, other)." },
    { "check", cli_cmd_check, CLI_INDEX_READ, "",
      "Check that the index is sound (Xapian's consistency check on every shard).",
      "Reads every block of every table of each database of the index. A damaged\n"
      "index is named with its damaged table and what to do (delete the directory\n"
      "and ingest again); the exit status is then 4, and 0 when it is sound.\n"
      "Ingest runs the same check before it writes. It also says how many\n"
      "documents an earlier version of plansok read (ingest reads them again)." },
};

int
cli_exit_code(ps_status st)
{
    switch (st) {
    case PS_OK:
        return EXIT_OK;
    case PS_ERR_USAGE:
    case PS_ERR_BAD_QUERY:
        return EXIT_USAGE;
    case PS_ERR_EMPTY_FILE:
    case PS_ERR_NOT_PDF:
    case PS_ERR_PDF_DAMAGED:
    case PS_ERR_PDF_ENCRYPTED:
    case PS_ERR_PDF_NO_TEXT:
    case PS_ERR_PDF_GARBLED:
    case PS_ERR_NO_PDFS:
    case PS_ERR_TIMEOUT:
    case PS_ERR_OOM:
    case PS_ERR_CRASHED:
    case PS_ERR_DOC_REFUSED:
        return EXIT_SKIPPED;
    case PS_ERR_NOMEM:
    case PS_ERR_IO:
    case PS_ERR_INTERRUPTED: /* main then ends the process by the signal */
    case PS_ERR_INDEX_MISSING:
    case PS_ERR_INDEX_LOCKED:
    case PS_ERR_INDEX_CORRUPT:
    case PS_ERR_INDEX_VERSION:
    case PS_ERR_INDEX:
    case PS_ERR_INTERNAL:
    case PS_STATUS_COUNT:
        return EXIT_FATAL;
    }
    return EXIT_FATAL;
}

int
cli_report(ps_status st, const ps_error *err)
{
    if (st != PS_OK) { /* a message may quote a file name or a query */
        fputs("plansok: ", stderr);
        cli_escape(stderr, err && err->msg[0] ? err->msg : ps_status_str(st), ESC_PLAIN);
        fputc('\n', stderr);
    }
    return cli_exit_code(st);
}

/* SIGINT and SIGTERM: those caught (not ignored when the process started,
 * as in a shell's background job), and the first that came, or 0. */
static const int stop_signals[] = { SIGINT, SIGTERM };
static sigset_t stop_caught;
static volatile sig_atomic_t stop_signal;

/* Async-signal-safe: sets the flag, and the default action back (signal()
 * and sigismember() are safe in a handler) so that a second signal of
 * either kind ends the process at once. */
static void
on_stop(int sig)
{
    stop_signal = sig;
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        if (sigismember(&stop_caught, stop_signals[i]))
            signal(stop_signals[i], SIG_DFL);
}

const volatile sig_atomic_t *
cli_catch_stop_signals(void)
{
    struct sigaction sa, was;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sa.sa_flags = SA_RESTART; /* reads and writes go on; poll is interrupted */
    sigemptyset(&sa.sa_mask);
    sigemptyset(&stop_caught);
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
        sigaddset(&sa.sa_mask, stop_signals[i]); /* one handler at a time */
        if (sigaction(stop_signals[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN)
            sigaddset(&stop_caught, stop_signals[i]);
    }
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        if (sigismember(&stop_caught, stop_signals[i]))
            sigaction(stop_signals[i], &sa, NULL);
    return &stop_signal;
}

static void
usage(FILE *f)
{
    fprintf(f, "usage: plansok COMMAND [options] [ARGS]\n\n"
               "Search and compare Swedish public planning documents (PDF).\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nEvery command takes --db DIR (default: $PLANSOK_DB, else\n"
               "$XDG_DATA_HOME/plansok/index), before or after its name, and --help.\n\n"
               "example:\n"
               "  plansok ingest corpus/\n"
               "  plansok search 'kompetensförsörjning lan:jönköping'\n"
               "  plansok matrix kompetensförsörjning\n");
}

/* The command argv[1] names (or help, or the version); its exit code. */
static int
run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (!strcmp(commands[i].name, argv[2])) {
                    char *args[] = { argv[2], "--help", NULL };
                    cli_ctx ctx = { .cmd = &commands[i] };
                    return commands[i].fn(&ctx, 2, args);
                }
        }
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(name, "--version")) {
        printf("plansok 0.1 (index schema %d)\n", PS_SCHEMA_VERSION);
        return EXIT_OK;
    }
    /* "plansok --db DIR COMMAND …" is "plansok COMMAND --db DIR …"; the
     * word after it must be a command ("--db a --db b" is none), so the
     * moved arguments start with the command and are moved once */
    size_t lead = !strcmp(name, "--db") ? 2 : !strncmp(name, "--db=", 5) ? 1 : 0;
    if (lead && (size_t)argc > lead + 1 && argv[1 + lead][0] != '-') {
        char **moved = malloc((size_t)(argc + 1) * sizeof *moved);
        if (!moved) {
            fprintf(stderr, "plansok: out of memory\n");
            return EXIT_FATAL;
        }
        moved[0] = argv[0];
        moved[1] = argv[1 + lead];
        for (size_t i = 0; i < lead; i++)
            moved[2 + i] = argv[1 + i];
        for (int i = (int)lead + 2; i < argc; i++)
            moved[i] = argv[i];
        moved[argc] = NULL;
        int rc = run(argc, moved);
        free(moved);
        return rc;
    }
    if (lead) {
        fprintf(stderr, "plansok: %s needs a command after it; see 'plansok --help'\n", lead == 2 ? "--db DIR" : name);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(commands[i].name, name)) {
            cli_ctx ctx = { .cmd = &commands[i] };
            int rc = commands[i].fn(&ctx, argc - 1, argv + 1);
            cli_index_close(&ctx);
            return rc;
        }
    fprintf(stderr, "plansok: unknown command '%s'; see 'plansok --help'\n", name);
    return EXIT_USAGE;
}

/* A closed descriptor 0, 1 or 2 would be the next file opened (a file of
 * the index), and output or messages would be written into it: each closed
 * one is held by /dev/null, read-only, so writes to it still fail and are
 * reported. */
static void
hold_standard_fds(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
            open("/dev/null", O_RDONLY); /* the lowest free descriptor: fd */
}

int
main(int argc, char **argv)
{
    hold_standard_fds();
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* stored amounts use a decimal point */
    int rc = run(argc, argv);
    /* output that did not arrive (a full disk) is a failure, whatever the
     * command found */
    ps_error err = PS_ERROR_INIT;
    ps_status st = cli_output_done(stdout, NULL, false, &err);
    rc = st == PS_OK ? rc : cli_report(st, &err);
    /* a command stopped by a signal has said what it kept; the process
     * ends by the signal (its action is the default again), as a shell
     * expects of a program that caught it: a shell loop stops at Ctrl-C */
    if (stop_signal)
        raise(stop_signal);
    return rc;
}

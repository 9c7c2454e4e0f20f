/* cmd-report.c: "plansok report": gathers a topic's matrix, per-cell best
 * passages, goals and budget material from the library and hands them to
 * report.c, to stdout or a file (-o). */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int
cli_cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    cli_filters flt = { 0 };
    int format = FMT_MD, goals_n = 15;
    const char *output = NULL;
    static const cli_keyword report_formats[] = { { "md", FMT_MD }, { "html", FMT_HTML }, { NULL, 0 } };
    const cli_opt opts[] = {
        CLI_FILTER_OPTS(&flt),
        { .name = "format", .letter = 'f', .opt_keyword = &format, .keywords = report_formats, .arg = "FMT",
          .help = "md (default) or html" },
        { .name = "output", .letter = 'o', .opt_string = &output, .arg = "FILE",
          .help = "write the report to FILE instead of stdout" },
        { .name = "goals", .opt_int = &goals_n, .arg = "N", .help = "at most N passages with goals about the topic (default 15)" },
        { 0 },
    };
    cli_query q;
    int rc = cli_query_start(ctx, argc, argv, opts, &flt, &q);
    if (rc >= 0)
        return rc;

    ps_error err = PS_ERROR_INIT;
    ps_report *r = NULL;
    ps_status st = ps_report_run(q.ix, q.text, &q.opts, goals_n > 0 ? (size_t)goals_n : 15, &r, &err);
    FILE *f = NULL;
    if (st == PS_OK && !(f = output ? fopen(output, "w") : stdout)) {
        snprintf(err.msg, sizeof err.msg, "cannot write '%s': %s", output, strerror(errno));
        st = PS_ERR_IO;
    }
    if (st == PS_OK) {
        cli_write_report(f, r, (cli_format)format);
        if (output) /* stdout is main's to check */
            st = cli_output_done(f, output, true, &err);
    }
    if (st == PS_OK)
        rc = r->matrix->total_passages ? EXIT_OK : EXIT_NO_MATCH;
    else
        rc = cli_report(st, &err);
    ps_report_free(r);
    cli_query_done(&q);
    return rc;
}

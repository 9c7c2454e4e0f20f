/* cmd-show.c: "plansok show DOC": a document's outline (headings with
 * level, physical page and section kind) and, with --passages, its
 * passages in order, so an analyst can check the tagging. */
#include "cli.h"

int
cli_cmd_show(cli_ctx *ctx, int argc, char **argv)
{
    int format = FMT_TEXT;
    bool passages = false;
    const cli_opt opts[] = {
        { .name = "passages", .letter = 'p', .opt_bool = &passages,
          .help = "also print the passages under each heading" },
        CLI_FORMAT_OPT(&format),
        { 0 },
    };
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (n != 1) {
        fprintf(stderr, "plansok show: give one document (file name, path or id); see 'plansok docs'\n");
        return EXIT_USAGE;
    }
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_outline *o = NULL;
    ps_status st = cli_index(ctx, &ix, &err);
    if (st == PS_OK)
        st = ps_doc_show(ix, argv[1], passages, &o, &err);
    if (st == PS_OK) {
        cli_output co;
        FILE *out = cli_print_begin(&co, stdout, format);
        cli_print_outline(out, o, co.fmt);
        cli_print_end(&co);
    }
    ps_outline_free(o);
    return cli_report(st, &err);
}

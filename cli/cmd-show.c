/* cmd-show.c: "plansok show DOC": a document's outline (headings with
 * level, physical page and section kind) and, with --passages, its
 * passages in order, so an analyst can check the tagging. */
#include "cli.h"

int
cli_cmd_show(int argc, char **argv, const cli_command *self)
{
    cli_common c = { 0 };
    int format = FMT_TEXT;
    bool passages = false;
    const cli_opt opts[] = {
        CLI_DB_OPT(&c),
        { "passages", 'p', OPT_BOOL, &passages, NULL, NULL, "also print the passages under each heading" },
        CLI_FORMAT_OPT(&format),
        { NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    int n = cli_parse(argc, argv, opts, self);
    if (n < 0)
        return cli_parse_exit(n);
    if (n != 1) {
        fprintf(stderr, "plansok show: give one document (file name, path or id); see 'plansok docs'\n");
        return EXIT_USAGE;
    }
    ps_error err = PS_ERROR_INIT;
    ps_index *ix = NULL;
    ps_outline *o = NULL;
    ps_status st = cli_open_index(&c, PS_INDEX_READ, &ix, &err);
    if (st == PS_OK)
        st = ps_doc_show(ix, argv[1], passages, &o, &err);
    if (st == PS_OK)
        cli_print_outline(stdout, o, (cli_format)format);
    ps_outline_free(o);
    ps_index_close(ix);
    return cli_report(st, &err);
}

/* print-matrix.c: "plansok matrix" results: län (rows) by year (columns),
 * each cell "passages/documents", as a text or Markdown table with the
 * library's row totals, as JSON, and as long CSV (non-empty cells). Sums
 * nothing itself: totals come with the ps_matrix. */
#include "print.h"
#include "escape.h"

#define LAN_WIDTH 22 /* characters of the län column in text */

static void
matrix_json(FILE *f, const ps_matrix *m)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    sprinter_map_string(sp, "query", m->query);
    sp->map_key(sp, "years");
    sp->begin_list(sp);
    for (int y = 0; y < m->nyear; y++)
        sp->integer(sp, m->years[y]);
    sp->end(sp);
    sprinter_map_integer(sp, "total_passages", m->total_passages);
    sprinter_map_integer(sp, "total_documents", m->total_docs);
    sprinter_map_integer(sp, "twins_left_out", m->twins);
    cli_json_list(sp, "rows");
    for (int l = 0; l < m->nlan; l++) {
        cli_json_item(sp);
        sprinter_map_string(sp, "lan", cli_lan_field(m->lans[l]));
        sp->map_key(sp, "cells");
        sp->begin_list(sp);
        for (int y = 0; y < m->nyear; y++) {
            sp->begin_map(sp);
            sprinter_map_integer(sp, "year", m->years[y]);
            sprinter_map_integer(sp, "passages", m->passages[l * m->nyear + y]);
            sprinter_map_integer(sp, "documents", m->docs[l * m->nyear + y]);
            sp->end(sp);
        }
        sp->end(sp);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->end(sp);
}

static void
matrix_csv(FILE *f, const ps_matrix *m)
{
    fprintf(f, "lan,year,passages,documents\n");
    for (int l = 0; l < m->nlan; l++)
        for (int y = 0; y < m->nyear; y++) {
            unsigned p = m->passages[l * m->nyear + y];
            if (!p) /* the long format lists non-empty cells only */
                continue;
            cli_escape(f, cli_lan_field(m->lans[l]), ESC_CSV);
            fprintf(f, ",%d,%u,%u\n", m->years[y], p, m->docs[l * m->nyear + y]);
        }
}

/* One "passages/documents" cell, "-" when empty. */
static void
matrix_cell(FILE *f, const char *sep, unsigned passages, unsigned docs, bool dash)
{
    char cell[32];
    if (dash && !passages)
        snprintf(cell, sizeof cell, "-");
    else
        snprintf(cell, sizeof cell, "%u/%u", passages, docs);
    fprintf(f, "%s%7s", sep, cell);
}

/* Text and Markdown: a table with a total column. */
static void
matrix_table(FILE *f, const ps_matrix *m, bool md)
{
    const char *sep = md ? " | " : "  ";
    fprintf(f, "%s%s%*s", md ? "| " : "", "Län", md ? 0 : LAN_WIDTH - 3, "");
    for (int y = 0; y < m->nyear; y++) {
        char yl[16];
        snprintf(yl, sizeof yl, "%d", m->years[y]);
        fprintf(f, "%s%7s", sep, m->years[y] ? yl : "?");
    }
    fprintf(f, "%s%7s%s\n", sep, "Totalt", md ? " |" : "");
    if (md) {
        fprintf(f, "|---");
        for (int y = 0; y <= m->nyear; y++)
            fprintf(f, "|---:");
        fprintf(f, "|\n");
    }
    for (int l = 0; l < m->nlan; l++) {
        const char *name = cli_lan_label(m->lans[l]);
        if (md)
            fprintf(f, "| %s", name);
        else
            cli_pad_right(f, name, LAN_WIDTH);
        for (int y = 0; y < m->nyear; y++)
            matrix_cell(f, sep, m->passages[l * m->nyear + y], m->docs[l * m->nyear + y], true);
        matrix_cell(f, sep, m->lan_passages[l], m->lan_docs[l], false);
        fprintf(f, "%s\n", md ? " |" : "");
    }
    if (!md)
        fprintf(f, "\n%u passages in %u document%s (cells: passages/documents)\n", m->total_passages,
                m->total_docs, m->total_docs == 1 ? "" : "s");
    if (!md && m->twins)
        fprintf(f, "%u document%s another rendering of an indexed one and counted once (see plansok docs)\n",
                m->twins, m->twins == 1 ? " is" : "s are");
}

void
cli_print_matrix(FILE *f, const ps_matrix *m, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: matrix_json(f, m); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: matrix_csv(f, m); break;
    case FMT_MD: matrix_table(f, m, true); break;
    case FMT_TEXT:
    case FMT_HTML: matrix_table(f, m, false); break;
    }
}

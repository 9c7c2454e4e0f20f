/* print.h: the printers of the command-line front end, one file each
 * (print-hits.c ... print-compare.c, report.c), and the few pieces they
 * share (print.c). A printer writes one library result in one format; it
 * counts, pads and adds 1 to pages, but never decides what belongs
 * together or which rows to show: that is the library's work. Formats
 * differ only in syntax; all print the same fields (docs/CLI.md,
 * docs/FORMATS.md). */
#ifndef PLANSOK_PRINT_H
#define PLANSOK_PRINT_H

#include "plansok.h"
#include "escape.h"
#include "sprinter.h"
#include <stdbool.h>
#include <stdio.h>

/* Output formats. Every printer takes text, json, csv and md; only the
 * report takes md and html, and the other printers write text for html.
 * csv-sv is csv as Excel set to Swedish reads it (csv-sv.c): a command
 * prints it through cli_print_begin and cli_print_end, which hand the
 * printer csv (a printer writes csv for it too, if it is ever given it). */
typedef enum cli_format { FMT_TEXT, FMT_JSON, FMT_CSV, FMT_MD, FMT_HTML, FMT_CSV_SV } cli_format;

/* Where a command prints its result in format fmt: cli_print_begin
 * returns dst, or for csv-sv a buffer that cli_print_end writes to dst in
 * the Swedish dialect; o->fmt is the format to print in (csv for
 * csv-sv). */
typedef struct cli_output {
    FILE *dst, *buf;
    char *text;
    size_t len;
    cli_format fmt;
} cli_output;
FILE *cli_print_begin(cli_output *o, FILE *dst, int fmt);
void cli_print_end(cli_output *o);
/* Writes CSV text csv[0..n) to f as csv-sv. */
void cli_csv_swedish(FILE *f, const char *csv, size_t n);

void cli_print_hits(FILE *f, const ps_hits *h, cli_format fmt, bool color);
void cli_print_matrix(FILE *f, const ps_matrix *m, cli_format fmt);
void cli_print_docs(FILE *f, const ps_doclist *l, cli_format fmt);
void cli_print_outline(FILE *f, const ps_outline *o, cli_format fmt);
void cli_print_budget(FILE *f, const ps_budget *b, cli_format fmt);
void cli_print_goals(FILE *f, const ps_goals *g, const char *query, cli_format fmt);
void cli_print_compare(FILE *f, const ps_compare *c, cli_format fmt);

/* A report as Markdown (FMT_MD) or one self-contained HTML page (FMT_HTML). */
void cli_write_report(FILE *f, const ps_report *r, cli_format fmt);

/* ------------------------------------------- shared by the printers (print.c) */

/* "12 345", "1 234,5", "−500": an amount as Swedish reports write it. */
void cli_format_amount(double v, char *out, size_t cap);

/* A county for people ("okänt län" when unknown) and for programs (""). */
const char *cli_lan_label(int lan);
const char *cli_lan_field(int lan);
/* An organisation for people: "(unknown organisation)" when "". */
const char *cli_org_label(const char *org);
/* "Org (from its folder), unit · län · year (period) · kind · date · språk xx",
 * as docs and show head a document. */
void cli_print_doc_fields(FILE *f, const ps_docinfo *d, cli_escaping e);

/* A document's organisation, code, unit, län, year, period, date, kind
 * and language as fields of a JSON item (docs, show and search alike). */
void cli_json_doc_fields(sprinter *sp, const ps_docinfo *d);
/* A hit's document fields as a docinfo (strings borrowed from the hit). */
ps_docinfo cli_hit_doc(const ps_hit *x);

/* A table cell: the separator, then s escaped. */
void cli_cell(FILE *f, const char *sep, const char *s, cli_escaping e);
/* "2027–2030" into buf, or "" when there is no period; returns buf. */
const char *cli_period(int from, int to, char buf[32]);

/* s (escaped as ESC_PLAIN), then spaces up to width characters (not
 * bytes), at least one. */
void cli_pad_right(FILE *f, const char *s, int width);
/* s (escaped as ESC_PLAIN) right-aligned in width characters. */
void cli_pad_left(FILE *f, const char *s, int width);

/* Starts a JSON result on f: the outer map and its format_version. The
 * printer ends it with sp->end(). */
sprinter *cli_json_begin(sprinter_json *js, FILE *f);
/* A result's main list, "key":[, with each item a map on a new line
 * (cli_json_item), and with cli_json_list_end a line break before the
 * closing bracket: the shape of JSON format 1. */
void cli_json_list(sprinter *sp, const char *key);
void cli_json_item(sprinter *sp);
void cli_json_list_end(sprinter *sp);

#endif

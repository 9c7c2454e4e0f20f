/* print-docs.c: "plansok docs" results: every indexed document with its
 * organisation, unit, län, year, period, date, kind, language, pages and
 * passages, in the order ps_docs_list gives them, as text, JSON, CSV or a
 * Markdown table. Fields an analyst set by hand are marked (by_hand). */
#include "print.h"
#include "escape.h"


static void
docs_json(FILE *f, const ps_doclist *l)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    cli_json_list(sp, "documents");
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        cli_json_item(sp);
        sprinter_map_string(sp, "docid", d->docid);
        sprinter_map_string(sp, "file", d->file);
        sprinter_map_string(sp, "path", d->path);
        sprinter_map_string(sp, "title", d->title);
        cli_json_doc_fields(sp, d);
        sprinter_map_integer(sp, "pages", d->pages);
        sprinter_map_integer(sp, "text_pages", d->text_pages);
        sprinter_map_integer(sp, "garbled_pages", d->garbled_pages);
        sprinter_map_integer(sp, "passages", d->passages);
        sprinter_map_string(sp, "by_hand", d->by_hand);
        sprinter_map_string(sp, "from_folder", d->from_folder);
        sprinter_map_string(sp, "twin_of", d->twin_of);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->end(sp);
}

/* CSV and Markdown differ only in the separator, the header and the
 * escaping. */
static void
docs_table(FILE *f, const ps_doclist *l, bool md)
{
    const char *s = md ? " | " : ",";
    cli_escaping e = md ? ESC_MD : ESC_CSV;
    if (md)
        fprintf(f, "| Fil | Organisation | Enhet | Län | År | Period | Datum | Typ | Språk | Sidor | Passager | "
                   "Satt för hand | Dubblett av |\n"
                   "|---|---|---|---|---:|---|---|---|---|---:|---:|---|---|\n");
    else
        fprintf(f, "file,organisation,org_code,unit,lan,year,period,date,kind,lang,pages,passages,by_hand,twin_of,"
                   "from_folder\n");
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        char period[32];
        if (md)
            fputs("| ", f);
        cli_escape(f, d->file, e);
        cli_cell(f, s, d->org, e);
        if (!md)
            cli_cell(f, s, d->org_code, e);
        cli_cell(f, s, d->unit, e);
        cli_cell(f, s, cli_lan_field(d->lan), e);
        fprintf(f, "%s%d", s, d->year);
        cli_cell(f, s, cli_period(d->period_from, d->period_to, period), e);
        cli_cell(f, s, d->date, e);
        cli_cell(f, s, ps_kind_name(d->kind), e);
        cli_cell(f, s, d->lang, e);
        fprintf(f, "%s%d%s%d", s, d->pages, s, d->passages);
        cli_cell(f, s, d->by_hand, e);
        cli_cell(f, s, d->twin_of, e);
        if (!md)
            cli_cell(f, s, d->from_folder, e);
        fputs(md ? " |\n" : "\n", f);
    }
}


static void
docs_text(FILE *f, const ps_doclist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        cli_escape(f, d->file, ESC_PLAIN);
        fputs("\n  ", f);
        cli_print_doc_fields(f, d, ESC_PLAIN);
        fprintf(f, " · %d pages (%d with text) · %d passages\n", d->pages, d->text_pages, d->passages);
        if (*d->by_hand) {
            fputs("  set by hand: ", f);
            cli_escape(f, d->by_hand, ESC_PLAIN);
            fputc('\n', f);
        }
        if (*d->twin_of) {
            fputs("  another rendering of ", f);
            cli_escape(f, d->twin_of, ESC_PLAIN);
            fputs(": counted once\n", f);
        }
    }
    fprintf(f, "%zu document%s\n", l->n, l->n == 1 ? "" : "s");
}

void
cli_print_docs(FILE *f, const ps_doclist *l, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: docs_json(f, l); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: docs_table(f, l, false); break;
    case FMT_MD: docs_table(f, l, true); break;
    case FMT_TEXT:
    case FMT_HTML: docs_text(f, l); break;
    }
}

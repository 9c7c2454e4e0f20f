/* print-docs.c: "plansok docs" results: every indexed document with its
 * organisation, unit, län, year, period, date, kind, language, pages and
 * passages, in the order ps_docs_list gives them, as text, JSON, CSV or a
 * Markdown table. Fields an analyst set by hand are marked (by_hand). */
#include "print.h"
#include "escape.h"

#include <string.h>

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
        sprinter_map_string(sp, "organisation", d->org);
        sprinter_map_string(sp, "org_code", d->org_code);
        sprinter_map_string(sp, "unit", d->unit);
        sprinter_map_string(sp, "lan", cli_lan_field(d->lan));
        sprinter_map_integer(sp, "year", d->year);
        sprinter_map_integer(sp, "period_from", d->period_from);
        sprinter_map_integer(sp, "period_to", d->period_to);
        sprinter_map_string(sp, "date", d->date);
        sprinter_map_string(sp, "kind", ps_kind_name(d->kind));
        sprinter_map_string(sp, "lang", d->lang);
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
    cli_escaping e = md ? ESC_MD_CELL : ESC_CSV;
    if (md)
        fprintf(f, "| Fil | Organisation | Enhet | Län | År | Period | Datum | Typ | Språk | Sidor | Passager | "
                   "Satt för hand | Dubblett av |\n"
                   "|---|---|---|---|---:|---|---|---|---|---:|---:|---|---|\n");
    else
        fprintf(f, "file,organisation,org_code,unit,lan,year,period,date,kind,lang,pages,passages,by_hand,twin_of,"
                   "from_folder\n");
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        if (md)
            fputs("| ", f);
        cli_escape(f, d->file, e);
        fputs(s, f);
        cli_escape(f, d->org, e);
        if (!md) {
            fputs(s, f);
            cli_escape(f, d->org_code, e);
        }
        fputs(s, f);
        cli_escape(f, d->unit, e);
        fputs(s, f);
        cli_escape(f, cli_lan_field(d->lan), e);
        fprintf(f, "%s%d%s", s, d->year, s);
        if (d->period_from)
            fprintf(f, "%d–%d", d->period_from, d->period_to);
        fputs(s, f);
        cli_escape(f, d->date, e);
        fprintf(f, "%s%s%s", s, ps_kind_name(d->kind), s);
        cli_escape(f, d->lang, e);
        fprintf(f, "%s%d%s%d%s", s, d->pages, s, d->passages, s);
        cli_escape(f, d->by_hand, e);
        fputs(s, f);
        cli_escape(f, d->twin_of, e);
        if (!md) {
            fputs(s, f);
            cli_escape(f, d->from_folder, e);
        }
        fputs(md ? " |\n" : "\n", f);
    }
}

void
cli_print_doc_fields(FILE *f, const ps_docinfo *d, cli_escaping e)
{
    cli_escape(f, cli_org_label(d->org), e);
    if (*d->from_folder)
        fputs(" (from its folder)", f);
    if (*d->unit) {
        fputs(", ", f);
        cli_escape(f, d->unit, e);
    }
    fprintf(f, " · %s · %d", cli_lan_label(d->lan), d->year);
    if (d->period_from)
        fprintf(f, " (%d–%d)", d->period_from, d->period_to);
    fprintf(f, " · %s", ps_kind_name(d->kind));
    if (*d->date) {
        fputs(" · ", f);
        cli_escape(f, d->date, e);
    }
    if (*d->lang && strcmp(d->lang, "sv") != 0)
        fprintf(f, " · språk %s", d->lang);
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
    case FMT_CSV: docs_table(f, l, false); break;
    case FMT_MD: docs_table(f, l, true); break;
    case FMT_TEXT:
    case FMT_HTML: docs_text(f, l); break;
    }
}

/* print-docs.c: "plansok docs" results: every indexed document with its
 * detected organisation, län, year, kind, pages and passages, in the order
 * ps_docs_list gives them, as text, JSON, CSV or a Markdown table. */
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
        sprinter_map_string(sp, "organisation", d->org);
        sprinter_map_string(sp, "lan", cli_lan_field(d->lan));
        sprinter_map_integer(sp, "year", d->year);
        sprinter_map_string(sp, "kind", ps_kind_name(d->kind));
        sprinter_map_integer(sp, "pages", d->pages);
        sprinter_map_integer(sp, "text_pages", d->text_pages);
        sprinter_map_integer(sp, "passages", d->passages);
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
        fprintf(f, "| Fil | Organisation | Län | År | Typ | Sidor | Passager |\n|---|---|---|---:|---|---:|---:|\n");
    else
        fprintf(f, "file,organisation,lan,year,kind,pages,passages\n");
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        if (md)
            fputs("| ", f);
        cli_escape(f, d->file, e);
        fputs(s, f);
        cli_escape(f, d->org, e);
        fputs(s, f);
        cli_escape(f, cli_lan_field(d->lan), e);
        fprintf(f, "%s%d%s%s%s%d%s%d%s\n", s, d->year, s, ps_kind_name(d->kind), s, d->pages, s, d->passages,
                md ? " |" : "");
    }
}

static void
docs_text(FILE *f, const ps_doclist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        cli_escape(f, d->file, ESC_PLAIN);
        fputs("\n  ", f);
        cli_escape(f, cli_org_label(d->org), ESC_PLAIN);
        fprintf(f, " · %s · %d · %s · %d pages (%d with text) · %d passages\n", cli_lan_label(d->lan), d->year,
                ps_kind_name(d->kind), d->pages, d->text_pages, d->passages);
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

/* print-outline.c: "plansok show" results: a document's headings with page,
 * section kind and level, and with --passages each passage after the
 * heading the library says it follows (ps_outline.under), as text, JSON,
 * CSV (headings only) or Markdown. */
#include "print.h"
#include "escape.h"

static void
outline_json(FILE *f, const ps_outline *o)
{
    const ps_docinfo *d = &o->info;
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    sprinter_map_string(sp, "file", d->file);
    sprinter_map_string(sp, "docid", d->docid);
    cli_json_doc_fields(sp, d);
    cli_json_list(sp, "outline");
    for (size_t i = 0; i < o->nheadings; i++) {
        const ps_heading *h = &o->headings[i];
        cli_json_item(sp);
        sprinter_map_integer(sp, "level", h->level);
        sprinter_map_integer(sp, "page", h->page + 1);
        sprinter_map_string(sp, "section", ps_section_name(h->section));
        sprinter_map_string(sp, "heading", h->text);
        sp->end(sp);
    }
    sp->end(sp);
    if (o->passages) {
        cli_json_list(sp, "passages");
        for (size_t i = 0; i < o->passages->n; i++) {
            const ps_hit *p = &o->passages->hits[i];
            cli_json_item(sp);
            sprinter_map_integer(sp, "page", p->page + 1);
            sprinter_map_string(sp, "section", ps_section_name(p->section));
            sprinter_map_bool(sp, "contents", p->contents);
            sprinter_map_string(sp, "heading", p->heading);
            sprinter_map_string(sp, "text", p->text);
            sp->end(sp);
        }
        sp->end(sp);
    }
    sp->end(sp);
}

static void
outline_csv(FILE *f, const ps_outline *o)
{
    fprintf(f, "level,page,section,heading\n");
    for (size_t i = 0; i < o->nheadings; i++) {
        const ps_heading *h = &o->headings[i];
        fprintf(f, "%d,%d,%s,", h->level, h->page + 1, ps_section_name(h->section));
        cli_escape(f, h->text, ESC_CSV);
        fputc('\n', f);
    }
}

static void
outline_heading(FILE *f, const ps_heading *h, bool md)
{
    if (md) {
        fprintf(f, "%*s- ", 2 * (h->level - 1), "");
        cli_escape(f, h->text, ESC_MD);
        fprintf(f, " (p. %d, %s)\n", h->page + 1, ps_section_name(h->section));
    } else {
        fprintf(f, "  p%-3d %-9s %*s", h->page + 1, ps_section_name(h->section), 2 * (h->level - 1), "");
        cli_escape(f, h->text, ESC_PLAIN);
        fputc('\n', f);
    }
}

static void
outline_passage(FILE *f, const ps_hit *p, bool md)
{
    /* a table of contents, which searches pass by, says so */
    fprintf(f, md ? "    - p. %d *%s%s*: " : "        p%-3d [%s%s] ", p->page + 1, ps_section_name(p->section),
            p->contents ? ", contents" : "");
    cli_escape(f, p->text[0] ? p->text : "(heading only)", md ? ESC_MD : ESC_PLAIN);
    fputc('\n', f);
}

/* Text and Markdown: the document, then each heading with the passages
 * that follow it; passages before the first heading come first. */
static void
outline_tree(FILE *f, const ps_outline *o, bool md)
{
    const ps_docinfo *d = &o->info;
    if (md) {
        fputs("## ", f);
        cli_escape(f, d->file, ESC_MD);
        fputs("\n\n", f);
        cli_print_doc_fields(f, d, ESC_MD);
        fprintf(f, " · %d sidor · %d passager\n\n", d->pages, d->passages);
    } else {
        cli_escape(f, d->file, ESC_PLAIN);
        fputs("\n  ", f);
        cli_print_doc_fields(f, d, ESC_PLAIN);
        fprintf(f, " · %d pages · %d passages\n\n", d->pages, d->passages);
    }
    const ps_hits *ps = o->passages;
    size_t next = 0;
    for (long i = -1; i < (long)o->nheadings; i++) {
        if (i >= 0)
            outline_heading(f, &o->headings[i], md);
        /* under[] ascends; after the last heading, whatever is left */
        bool last = i + 1 == (long)o->nheadings;
        for (; ps && next < ps->n && (last || o->under[next] <= i); next++)
            outline_passage(f, &ps->hits[next], md);
    }
}

void
cli_print_outline(FILE *f, const ps_outline *o, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: outline_json(f, o); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: outline_csv(f, o); break;
    case FMT_MD: outline_tree(f, o, true); break;
    case FMT_TEXT:
    case FMT_HTML: outline_tree(f, o, false); break;
    }
}

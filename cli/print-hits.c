/* print-hits.c: "plansok search" results: the ranked passages in text (the
 * matches in brackets, or bold red on a terminal), JSON, CSV and a Markdown
 * table. Prints ps_search's hits in its order and decides nothing. */
#include "print.h"
#include "escape.h"

static void
hits_text(FILE *f, const ps_hits *h, bool color)
{
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *x = &h->hits[i];
        fprintf(f, "%s%zu. ", color ? "\033[1m" : "", i + 1);
        cli_escape(f, cli_org_label(x->org), ESC_PLAIN);
        if (*x->unit) {
            fputs(", ", f);
            cli_escape(f, x->unit, ESC_PLAIN);
        }
        fprintf(f, " · %s · %d · %s%s\n   ", cli_lan_label(x->lan), x->year, ps_kind_name(x->kind),
                color ? "\033[0m" : "");
        cli_escape(f, x->file, ESC_PLAIN);
        fprintf(f, ", page %d · %s%s", x->page + 1, ps_section_name(x->section), x->heading[0] ? " · " : "");
        cli_escape(f, x->heading, ESC_PLAIN);
        fputs("\n   ", f);
        cli_write_snippet(f, x, color ? "\033[1;31m" : "[", color ? "\033[0m" : "]", ESC_PLAIN);
        fprintf(f, "\n\n");
    }
    fprintf(f, "%zu of about %zu matching passages\n", h->n, h->total);
}

static void
hits_json(FILE *f, const ps_hits *h)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    sprinter_map_string(sp, "query", h->query);
    sprinter_map_integer(sp, "total", (long long)h->total);
    sprinter_map_string(sp, "suggestion", h->suggestion);
    cli_json_list(sp, "hits");
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *x = &h->hits[i];
        cli_json_item(sp);
        sprinter_map_integer(sp, "rank", (long long)i + 1);
        sp->map_key(sp, "score");
        sp->number(sp, "%.0f", x->score);
        ps_docinfo doc = cli_hit_doc(x);
        cli_json_doc_fields(sp, &doc);
        sprinter_map_string(sp, "file", x->file);
        sprinter_map_string(sp, "docid", x->docid);
        sprinter_map_integer(sp, "page", x->page + 1);
        sprinter_map_string(sp, "section", ps_section_name(x->section));
        sprinter_map_string(sp, "heading", x->heading);
        sprinter_map_string(sp, "snippet", x->snippet);
        sp->map_key(sp, "marks");
        sp->begin_list(sp);
        for (size_t k = 0; k < x->nmarks; k++) {
            sp->begin_list(sp);
            sp->integer(sp, (long long)x->marks[k].start);
            sp->integer(sp, (long long)x->marks[k].end);
            sp->end(sp);
        }
        sp->end(sp);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->end(sp);
}

static void
hits_csv(FILE *f, const ps_hits *h)
{
    fprintf(f, "rank,organisation,org_code,unit,lan,year,kind,lang,file,page,section,heading,snippet,period,date\n");
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *x = &h->hits[i];
        char period[32];
        fprintf(f, "%zu", i + 1);
        cli_cell(f, ",", x->org, ESC_CSV);
        cli_cell(f, ",", x->org_code, ESC_CSV);
        cli_cell(f, ",", x->unit, ESC_CSV);
        cli_cell(f, ",", cli_lan_field(x->lan), ESC_CSV);
        fprintf(f, ",%d", x->year);
        cli_cell(f, ",", ps_kind_name(x->kind), ESC_CSV);
        cli_cell(f, ",", x->lang, ESC_CSV);
        cli_cell(f, ",", x->file, ESC_CSV);
        fprintf(f, ",%d,%s", x->page + 1, ps_section_name(x->section));
        cli_cell(f, ",", x->heading, ESC_CSV);
        cli_cell(f, ",", x->snippet, ESC_CSV);
        cli_cell(f, ",", cli_period(x->period_from, x->period_to, period), ESC_CSV);
        cli_cell(f, ",", x->date, ESC_CSV);
        fputc('\n', f);
    }
}

static void
hits_md(FILE *f, const ps_hits *h)
{
    fprintf(f, "| # | Län | År | Organisation | Dokument | Sida | Avsnitt | Rubrik | Utdrag |\n");
    fprintf(f, "|---|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *x = &h->hits[i];
        fprintf(f, "| %zu | %s | %d | ", i + 1, cli_lan_label(x->lan), x->year);
        cli_escape(f, x->org, ESC_MD);
        fputs(" | ", f);
        cli_escape(f, x->file, ESC_MD);
        fprintf(f, " | %d | %s | ", x->page + 1, ps_section_name(x->section));
        cli_escape(f, x->heading, ESC_MD);
        fputs(" | ", f);
        cli_write_snippet(f, x, "**", "**", ESC_MD);
        fputs(" |\n", f);
    }
}

void
cli_print_hits(FILE *f, const ps_hits *h, cli_format fmt, bool color)
{
    switch (fmt) {
    case FMT_JSON: hits_json(f, h); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: hits_csv(f, h); break;
    case FMT_MD: hits_md(f, h); break;
    case FMT_TEXT:
    case FMT_HTML: hits_text(f, h, color); break;
    }
}

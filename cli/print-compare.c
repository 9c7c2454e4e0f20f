/* print-compare.c: "plansok compare" results: a topic per län and year
 * (passages, documents, their sections, the best passage) with the years
 * the library found it appearing and disappearing, as text, JSON, CSV or
 * Markdown. Finds each row year's cell; works out nothing else. */
#include "print.h"
#include "escape.h"

/* The cell of a län and year, or NULL when the topic is not there. */
static const ps_compare_cell *
compare_cell(const ps_compare *c, int lan, int year)
{
    for (size_t k = 0; k < c->ncells; k++)
        if (c->cells[k].lan == lan && c->cells[k].year == year)
            return &c->cells[k];
    return NULL;
}

static const ps_hit *
best_hit(const ps_compare *c, const ps_compare_cell *x)
{
    return x && x->best >= 0 ? &c->best->hits[x->best] : NULL;
}

static void
compare_csv(FILE *f, const ps_compare *c)
{
    fprintf(f, "lan,year,passages,documents,mal,insatser,budget,other,best_file,best_page,best_section,best_snippet\n");
    for (size_t k = 0; k < c->ncells; k++) {
        const ps_compare_cell *x = &c->cells[k];
        const ps_hit *b = best_hit(c, x);
        cli_escape(f, cli_lan_field(x->lan), ESC_CSV);
        fprintf(f, ",%d,%u,%u,%u,%u,%u,%u,", x->year, x->passages, x->docs, x->sections[PS_SECTION_MAL],
                x->sections[PS_SECTION_INSATSER], x->sections[PS_SECTION_BUDGET], x->sections[PS_SECTION_OTHER]);
        cli_escape(f, b ? b->file : "", ESC_CSV);
        fprintf(f, b ? ",%d,%s," : ",,,", b ? b->page + 1 : 0, b ? ps_section_name(b->section) : "");
        cli_escape(f, b ? b->snippet : "", ESC_CSV);
        fputc('\n', f);
    }
}

static void
year_json(sprinter *sp, const ps_compare *c, const ps_compare_row *row, int year)
{
    const ps_compare_cell *x = compare_cell(c, row->lan, year);
    const ps_hit *b = best_hit(c, x);
    sp->begin_map(sp);
    sprinter_map_integer(sp, "year", year);
    sprinter_map_integer(sp, "passages", x ? x->passages : 0);
    sprinter_map_integer(sp, "documents", x ? x->docs : 0);
    sp->map_key(sp, "sections");
    sp->begin_map(sp);
    for (int s = 0; s < PS_SECTION_COUNT; s++)
        sprinter_map_integer(sp, ps_section_name((ps_section)s), x ? x->sections[s] : 0);
    sp->end(sp);
    sp->map_key(sp, "best");
    if (b) {
        sp->begin_map(sp);
        sprinter_map_string(sp, "file", b->file);
        sprinter_map_integer(sp, "page", b->page + 1);
        sprinter_map_string(sp, "section", ps_section_name(b->section));
        sprinter_map_string(sp, "heading", b->heading);
        sprinter_map_string(sp, "snippet", b->snippet);
        sp->end(sp);
    } else {
        sp->null(sp);
    }
    sp->end(sp);
}

static void
years_json(sprinter *sp, const char *key, const int *years, int n)
{
    sp->map_key(sp, key);
    sp->begin_list(sp);
    for (int i = 0; i < n; i++) {
        if (i)
            sp->separator(sp, " "); /* format 1 has always printed "2013, 2018" here */
        sp->integer(sp, years[i]);
    }
    sp->end(sp);
}

static void
compare_json(FILE *f, const ps_compare *c)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    sprinter_map_string(sp, "query", c->query);
    cli_json_list(sp, "lans");
    for (size_t r = 0; r < c->nrows; r++) {
        const ps_compare_row *row = &c->rows[r];
        cli_json_item(sp);
        sprinter_map_string(sp, "lan", ps_lan_name(row->lan));
        sp->map_key(sp, "years");
        sp->begin_list(sp);
        for (int y = 0; y < row->nyears; y++)
            year_json(sp, c, row, row->years[y]);
        sp->end(sp);
        years_json(sp, "appears", row->appears, row->nappears);
        years_json(sp, "disappears", row->disappears, row->ndisappears);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->end(sp);
}

/* "2013, 2018", or none when there are no years. */
static void
years_text(FILE *f, const int *years, int n, const char *none)
{
    if (!n)
        fputs(none, f);
    for (int i = 0; i < n; i++)
        fprintf(f, "%s%d", i ? ", " : "", years[i]);
}

static void
row_head(FILE *f, const ps_compare_row *row, bool md, bool after)
{
    const char *none = md ? "–" : "-";
    if (md)
        fprintf(f, "%s### %s\n\nFörekommer första gången: ", after ? "\n" : "", cli_lan_label(row->lan));
    else
        fprintf(f, "\n%s (appears ", cli_lan_label(row->lan));
    years_text(f, row->appears, row->nappears, none);
    fputs(md ? ". Försvinner: " : "; disappears ", f);
    years_text(f, row->disappears, row->ndisappears, none);
    fputs(md ? ".\n\n| År | Passager | Dokument | Mål | Insatser | Budget | Övrigt | Bästa träff |\n"
               "|---:|---:|---:|---:|---:|---:|---:|---|\n"
             : ")\n",
          f);
}

static void
year_md(FILE *f, int year, const ps_compare_cell *x, const ps_hit *b)
{
    fprintf(f, "| %d | %u | %u | %u | %u | %u | %u | ", year, x ? x->passages : 0, x ? x->docs : 0,
            x ? x->sections[PS_SECTION_MAL] : 0, x ? x->sections[PS_SECTION_INSATSER] : 0,
            x ? x->sections[PS_SECTION_BUDGET] : 0, x ? x->sections[PS_SECTION_OTHER] : 0);
    if (b) {
        cli_escape(f, b->file, ESC_MD);
        fprintf(f, " s. %d (%s): ", b->page + 1, ps_section_name(b->section));
        cli_write_snippet(f, b, "**", "**", ESC_MD);
    }
    fputs(" |\n", f);
}

static void
year_text(FILE *f, int year, const ps_compare_cell *x, const ps_hit *b)
{
    if (!x) {
        fprintf(f, "  %d  not found\n", year);
        return;
    }
    fprintf(f, "  %d  %u passage%s in %u document%s (mal %u, insatser %u, budget %u, other %u)\n", year,
            x->passages, x->passages == 1 ? "" : "s", x->docs, x->docs == 1 ? "" : "s",
            x->sections[PS_SECTION_MAL], x->sections[PS_SECTION_INSATSER], x->sections[PS_SECTION_BUDGET],
            x->sections[PS_SECTION_OTHER]);
    if (b) {
        fputs("        best: ", f);
        cli_escape(f, b->file, ESC_PLAIN);
        fprintf(f, ", page %d · %s · ", b->page + 1, ps_section_name(b->section));
        cli_write_snippet(f, b, "[", "]", ESC_PLAIN);
        fputc('\n', f);
    }
}

/* Text and Markdown: a block per län, a line per year. */
static void
compare_tables(FILE *f, const ps_compare *c, bool md)
{
    if (!md) {
        fputc('\'', f);
        cli_escape(f, c->query, ESC_PLAIN);
        fputs("' by län and year\n", f);
    }
    for (size_t r = 0; r < c->nrows; r++) {
        const ps_compare_row *row = &c->rows[r];
        row_head(f, row, md, r > 0);
        for (int y = 0; y < row->nyears; y++) {
            const ps_compare_cell *x = compare_cell(c, row->lan, row->years[y]);
            (md ? year_md : year_text)(f, row->years[y], x, best_hit(c, x));
        }
    }
}

void
cli_print_compare(FILE *f, const ps_compare *c, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: compare_json(f, c); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: compare_csv(f, c); break;
    case FMT_MD: compare_tables(f, c, true); break;
    case FMT_TEXT:
    case FMT_HTML: compare_tables(f, c, false); break;
    }
}

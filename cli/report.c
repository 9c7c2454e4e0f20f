/* report.c: "plansok report" output: one topic across every län and year,
 * ready for a report. Markdown (FMT_MD) pastes into a document; HTML
 * (FMT_HTML) is one self-contained file (no scripts, no external files)
 * with the län x year matrix as an SVG heat map and passages per year as an
 * SVG bar chart, laid out to print. The data comes from ps_report_run
 * (matrix with its totals, compare, goal and budget passages, the budget
 * rows that name the topic); this file only writes it, section by section,
 * each section in both formats, all text through escape.c; the budget rows
 * are print-budget.c's tables. */
#include "print.h"
#include "escape.h"

#include <string.h>

/* One report being written. */
typedef struct report_out {
    FILE *f;
    bool html;
    cli_escaping esc; /* for text from the documents and file names */
} report_out;

static void
text(const report_out *o, const char *s)
{
    cli_escape(o->f, s, o->esc);
}

/* An organisation's name, or what to call it when none was found. */
static const char *
org_name(const char *org)
{
    return org && *org ? org : "okänd organisation";
}

/* A section kind in Swedish, as a report names it. */
static const char *
section_sv(ps_section s)
{
    switch (s) {
    case PS_SECTION_MAL: return "mål";
    case PS_SECTION_INSATSER: return "insatser";
    case PS_SECTION_BUDGET: return "budget";
    case PS_SECTION_OTHER:
    case PS_SECTION_COUNT: break;
    }
    return "övrigt";
}

/* "1 passage", "2 passager". */
static const char *
passager(unsigned n)
{
    return n == 1 ? "passage" : "passager";
}

static void
snippet(const report_out *o, const ps_hit *h)
{
    cli_write_snippet(o->f, h, o->html ? "<mark>" : "**", o->html ? "</mark>" : "**", o->esc);
}

/* ------------------------------------------------------------ SVG charts */

static unsigned
max_of(const unsigned *v, int n)
{
    unsigned mx = 0;
    for (int i = 0; i < n; i++)
        if (v[i] > mx)
            mx = v[i];
    return mx;
}

static void
svg_open(FILE *f, const char *class, int w, int h, const char *label)
{
    fprintf(f, "<svg class=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", class, w, h, w, h, label);
}

static void
svg_label(FILE *f, int x, int y, const char *anchor)
{
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"axis\">", x, y, anchor);
}

/* The heat map: one row per län, one column per year, darker = more. */
static void
svg_heatmap(FILE *f, const ps_matrix *m)
{
    int cw = 64, ch = 26, left = 170, top = 28;
    unsigned mx = max_of(m->passages, m->nlan * m->nyear);
    svg_open(f, "heatmap", left + cw * m->nyear + 10, top + ch * m->nlan + 10, "Träffar per län och år");
    for (int y = 0; y < m->nyear; y++) {
        svg_label(f, left + cw * y + cw / 2, top - 10, "middle");
        fprintf(f, "%d</text>\n", m->years[y]);
    }
    for (int l = 0; l < m->nlan; l++) {
        const char *lan = cli_lan_label(m->lans[l]);
        svg_label(f, left - 8, top + ch * l + ch / 2 + 4, "end");
        cli_escape(f, lan, ESC_HTML);
        fprintf(f, "</text>\n");
        for (int y = 0; y < m->nyear; y++) {
            unsigned v = m->passages[l * m->nyear + y];
            double t = mx ? (double)v / mx : 0;
            int shade = v ? 230 - (int)(t * 170) : 248;
            fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\" stroke=\"#999\">"
                       "<title>", left + cw * y, top + ch * l, cw, ch, shade, shade);
            cli_escape(f, lan, ESC_HTML);
            fprintf(f, " %d: %u</title></rect>\n", m->years[y], v);
            if (v)
                fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"%s\">%u/%u</text>\n",
                        left + cw * y + cw / 2, top + ch * l + ch / 2 + 4, t > 0.6 ? "cell dark" : "cell", v,
                        m->docs[l * m->nyear + y]);
        }
    }
    fprintf(f, "</svg>\n");
}

/* Passages per year over all län: the matrix's column totals. */
static void
svg_bars(FILE *f, const ps_matrix *m)
{
    unsigned mx = max_of(m->year_passages, m->nyear);
    int bw = 44, gap = 20, left = 40, top = 16, ph = 150;
    int w = left + (bw + gap) * m->nyear + 10;
    svg_open(f, "bars", w, top + ph + 40, "Träffar per år");
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, top + ph, w - 5, top + ph);
    for (int y = 0; y < m->nyear; y++) {
        unsigned v = m->year_passages[y];
        int bh = mx ? (int)((double)v / mx * ph) : 0;
        int x = left + gap / 2 + (bw + gap) * y;
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#3b6fb6\"><title>%d: %u</title></rect>\n",
                x, top + ph - bh, bw, bh, m->years[y], v);
        svg_label(f, x + bw / 2, top + ph - bh - 4, "middle");
        fprintf(f, "%u</text>\n", v);
        svg_label(f, x + bw / 2, top + ph + 16, "middle");
        fprintf(f, "%d</text>\n", m->years[y]);
    }
    fprintf(f, "</svg>\n");
}

/* -------------------------------------------------------------- sections */

static const char style[] =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto;color:#111;"
    "line-height:1.4}\n"
    "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}"
    "h3{font-size:1.05em}\n"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;"
    "vertical-align:top}th{background:#eef}\n"
    "td.num{text-align:right}.cite{color:#555;font-size:.9em}mark{background:#fde68a}\n"
    "table.goals td:nth-child(3){overflow-wrap:anywhere;font-size:.9em;max-width:14em}\n"
    "svg text.axis{font-size:12px;fill:#222}svg text.cell{font-size:11px;fill:#111}"
    "svg text.cell.dark{fill:#fff}\n"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid-page}"
    "mark{background:none;font-weight:bold}}\n";

static void
write_title(const report_out *o, const ps_report *r)
{
    const ps_matrix *m = r->matrix;
    if (o->html) {
        fprintf(o->f, "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n<title>plansok: ");
        text(o, r->query);
        fprintf(o->f, "</title>\n<style>\n%s</style></head><body>\n<h1>", style);
    } else {
        fprintf(o->f, "# ");
    }
    fprintf(o->f, "Ämne: ");
    text(o, r->query);
    fprintf(o->f, "%s%u %s i %u dokument, %d län, %d år. Sidhänvisningar är fysiska PDF-sidor.%s",
            o->html ? "</h1>\n<p>" : "\n\n", m->total_passages, passager(m->total_passages), m->total_docs, m->nlan,
            m->nyear, o->html ? "</p>\n" : "\n\n");
}

static void
write_matrix(const report_out *o, const ps_report *r)
{
    if (o->html) {
        fprintf(o->f, "<section><h2>Län och år</h2>\n<figure>");
        svg_heatmap(o->f, r->matrix);
        fprintf(o->f, "<figcaption>Passager/dokument per län och år.</figcaption></figure>\n<figure>");
        svg_bars(o->f, r->matrix);
        fprintf(o->f, "<figcaption>Passager per år, alla län.</figcaption></figure>\n");
    } else {
        fprintf(o->f, "## Län och år\n\n");
        cli_print_matrix(o->f, r->matrix, FMT_MD);
        fprintf(o->f, "\nCellerna visar passager/dokument.\n");
    }
    if (r->matrix->twins)
        fprintf(o->f, "%s%u dokument är en annan utgåva av ett redan indexerat dokument och räknas en gång "
                      "(plansok docs visar vilka).%s",
                o->html ? "<p class=\"note\">" : "\n", r->matrix->twins, o->html ? "</p>\n" : "\n");
    fputs(o->html ? "</section>\n" : "\n", o->f);
}

/* Whose a passage is: its organisation and unit; with lan, its län too
 * when the organisation is not known ("okänd organisation (Jönköpings
 * län)"). */
static void
write_who(const report_out *o, const ps_hit *h, bool lan)
{
    text(o, org_name(h->org));
    if (h->org && *h->org && h->unit && *h->unit) {
        fputs(", ", o->f);
        text(o, h->unit);
    } else if (lan && !(h->org && *h->org)) {
        fputs(" (", o->f);
        text(o, cli_lan_label(h->lan));
        fputc(')', o->f);
    }
}

#define MAX_VOICES 8 /* organisations shown per län and year */

/* Every län and year that has passages: how many, then each organisation
 * (and unit) there with its passages and its best one, most passages
 * first: who discusses the topic, not only the best passage. */
static void
write_best(const report_out *o, const ps_report *r)
{
    const ps_compare *c = r->compare;
    FILE *f = o->f;
    fprintf(f, o->html ? "<section><h2>Vem skriver om ämnet, per län och år</h2>\n"
                       : "## Vem skriver om ämnet, per län och år\n");
    size_t v = 0; /* r->voices are in the cells' order */
    for (size_t i = 0; i < c->ncells; i++) {
        const ps_compare_cell *x = &c->cells[i];
        size_t first = v;
        while (v < r->voices->n && r->voice_cell[v] == i)
            v++;
        if (first == v)
            continue;
        fputs(o->html ? "<h3>" : "\n### ", f);
        text(o, cli_lan_label(x->lan));
        fprintf(f, o->html ? " %d</h3>\n<p>" : " %d\n\n", x->year);
        fprintf(f, "%u %s i %u dokument (mål %u, insatser %u, budget %u), från %zu %s.%s", x->passages,
                passager(x->passages), x->docs, x->sections[PS_SECTION_MAL], x->sections[PS_SECTION_INSATSER],
                x->sections[PS_SECTION_BUDGET], v - first, v - first == 1 ? "organisation" : "organisationer",
                o->html ? "</p>\n" : "\n");
        for (size_t k = first; k < v && k < first + MAX_VOICES; k++) {
            const ps_hit *b = &r->voices->hits[k];
            fputs(o->html ? "<p class=\"cite\"><b>" : "\n**", f);
            write_who(o, b, false); /* under its län's heading */
            fprintf(f, o->html ? "</b> · %u %s i %u dokument" : "** – %u %s i %u dokument", r->voice_passages[k],
                    passager(r->voice_passages[k]), r->voice_docs[k]);
            if (!b->file) { /* ranked too low to be cited */
                fputs(o->html ? "</p>\n" : ".\n", f);
                continue;
            }
            fputs(o->html ? " · " : ". ", f);
            text(o, b->file);
            fprintf(f, o->html ? ", s. %d · %s · " : ", s. %d (%s; ", b->page + 1, section_sv(b->section));
            text(o, b->heading);
            fputs(o->html ? "</p>\n<blockquote>" : "):\n\n> ", f);
            snippet(o, b);
            fputs(o->html ? "</blockquote>\n" : "\n", f);
        }
        if (v - first > MAX_VOICES)
            fprintf(f, o->html ? "<p class=\"note\">… och %zu organisationer till (plansok compare och search visar dem).</p>\n"
                               : "\n… och %zu organisationer till (plansok compare och search visar dem).\n",
                    v - first - MAX_VOICES);
    }
}

/* How a passage is cited: the strings around its län, year, file, page
 * and snippet. */
typedef struct passage_style {
    const char *open, *before_year, *before_file, *before_page, *before_snippet, *close;
} passage_style;

static const passage_style md_item = { "- ", " ", ", ", " s. ", ": ", "\n" };
static const passage_style html_row = { "<tr><td>", "</td><td class=\"num\">", "</td><td>",
                                        "</td><td class=\"num\">", "</td><td>", "</td></tr>\n" };
static const passage_style html_cite = { "<p class=\"cite\">", " ", ", ", ", s. ", "</p><blockquote>",
                                         "</blockquote>\n" };

/* Where a passage is: organisation, year, file and page, up to what
 * follows. */
static void
cite(const report_out *o, const ps_hit *h, const passage_style *st)
{
    fputs(st->open, o->f);
    write_who(o, h, true);
    fprintf(o->f, "%s%d%s", st->before_year, h->year, st->before_file);
    text(o, h->file);
    fprintf(o->f, "%s%d%s", st->before_page, h->page + 1, st->before_snippet);
}

static void
write_passage(const report_out *o, const ps_hit *h, const passage_style *st)
{
    cite(o, h, st);
    snippet(o, h);
    fputs(st->close, o->f);
}

static void
write_goals(const report_out *o, const ps_report *r)
{
    const ps_hits *g = r->goals;
    FILE *f = o->f;
    fprintf(f, o->html ? "</section>\n<section><h2>Mål om ämnet</h2>\n" : "\n## Mål om ämnet\n\n");
    if (!g->n)
        fprintf(f, o->html ? "<p>Inga målformuleringar om ämnet.</p>\n" : "Inga målformuleringar om ämnet.\n");
    else if (o->html)
        fprintf(f, "<table class=\"goals\"><tr><th>Organisation</th><th>År</th><th>Dokument</th><th>Sida</th>"
                   "<th>Mål</th></tr>\n");
    for (size_t i = 0; i < g->n; i++) {
        /* where, then the goals the passage states, one per line */
        const passage_style *st = o->html ? &html_row : &md_item;
        cite(o, &g->hits[i], st);
        const char *s = r->goal_statements[i];
        for (const char *nl; s; s = nl ? nl + 1 : NULL) {
            nl = strchr(s, '\n');
            if (s != r->goal_statements[i])
                fputs(o->html ? "<br>" : " · ", f);
            cli_escape_len(f, s, nl ? (size_t)(nl - s) : strlen(s), o->esc);
        }
        fputs(st->close, f);
    }
    if (g->n && o->html)
        fprintf(f, "</table>\n");
}

static void
write_budget(const report_out *o, const ps_report *r)
{
    FILE *f = o->f;
    fprintf(f, o->html ? "</section>\n<section><h2>Budget</h2>\n" : "\n## Budget\n\n");
    /* the figures first: rows of budget tables that name the topic, then
     * the budget passages about it */
    if (r->budget->n) {
        /* a table per source table, as 'budget' prints them; totals in
         * bold, their parts set in */
        fprintf(f, o->html ? "<h3>Budgetrader</h3>\n" : "### Budgetrader\n\n");
        cli_print_budget(f, r->budget, o->html ? FMT_HTML : FMT_MD);
    }
    if (r->budget_passages->n)
        fprintf(f, o->html ? "<h3>Budgetavsnitt</h3>\n" : "%s### Budgetavsnitt\n\n", r->budget->n ? "\n" : "");
    for (size_t i = 0; i < r->budget_passages->n; i++)
        write_passage(o, &r->budget_passages->hits[i], o->html ? &html_cite : &md_item);
    if (!r->budget_passages->n && !r->budget->n)
        fprintf(f, o->html ? "<p>Inga budgetposter om ämnet.</p>\n" : "Inga budgetposter om ämnet.\n");
    if (o->html)
        fprintf(f, "</section>\n<p class=\"cite\">Skapad med plansok.</p>\n</body></html>\n");
}

void
cli_write_report(FILE *f, const ps_report *r, cli_format fmt)
{
    bool html = fmt == FMT_HTML;
    const report_out o = {
        .f = f,
        .html = html,
        .esc = html ? ESC_HTML : ESC_MD,
    };
    write_title(&o, r);
    write_matrix(&o, r);
    write_best(&o, r);
    write_goals(&o, r);
    write_budget(&o, r);
}

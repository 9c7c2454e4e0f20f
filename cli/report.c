/* report.c: "plansok report" output: one topic across every län and year,
 * ready for a report. Markdown pastes into a document; HTML is one
 * self-contained file (no scripts, no external files) with the län x year
 * matrix as an SVG heat map and passages per year as an SVG bar chart,
 * laid out to print. The data comes from the library (matrix, compare,
 * goals as mal passages, budget passages and rows); this file only writes. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void
html_str(FILE *f, const char *s)
{
    for (s = s ? s : ""; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

static void
md_text(FILE *f, const char *s)
{
    for (s = s ? s : ""; *s; s++) {
        if (*s == '\n')
            fputc(' ', f);
        else if (strchr("*_|[]`<#", *s))
            fprintf(f, "\\%c", *s);
        else
            fputc(*s, f);
    }
}

/* A snippet with its matches bold (Markdown) or <mark> (HTML). */
static void
snippet(FILE *f, const ps_hit *h, bool html)
{
    const char *s = h->snippet ? h->snippet : "";
    size_t at = 0, len = strlen(s);
    char buf[4096];
    for (size_t i = 0; i <= h->nmarks; i++) {
        size_t stop = i < h->nmarks ? h->marks[i].start : len;
        if (stop < at || stop > len)
            continue;
        size_t n = stop - at < sizeof buf - 1 ? stop - at : sizeof buf - 1;
        memcpy(buf, s + at, n);
        buf[n] = '\0';
        html ? html_str(f, buf) : md_text(f, buf);
        if (i == h->nmarks)
            break;
        size_t e = h->marks[i].end <= len ? h->marks[i].end : len;
        n = e - stop < sizeof buf - 1 ? e - stop : sizeof buf - 1;
        memcpy(buf, s + stop, n);
        buf[n] = '\0';
        fputs(html ? "<mark>" : "**", f);
        html ? html_str(f, buf) : md_text(f, buf);
        fputs(html ? "</mark>" : "**", f);
        at = e;
    }
}

static unsigned
matrix_max(const ps_matrix *m)
{
    unsigned mx = 0;
    for (int i = 0; i < m->nlan * m->nyear; i++)
        if (m->passages[i] > mx)
            mx = m->passages[i];
    return mx;
}

static const char *
lan_label(int lan)
{
    return lan >= 0 ? ps_lan_name(lan) : "okänt län";
}

/* The heat map: one row per län, one column per year, darker = more. */
static void
svg_heatmap(FILE *f, const ps_matrix *m)
{
    int cw = 64, ch = 26, left = 170, top = 28;
    int w = left + cw * m->nyear + 10, h = top + ch * m->nlan + 10;
    unsigned mx = matrix_max(m);
    fprintf(f, "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Träffar per län och år\">\n", w, h, w, h);
    for (int y = 0; y < m->nyear; y++)
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%d</text>\n", left + cw * y + cw / 2,
                top - 10, m->years[y]);
    for (int l = 0; l < m->nlan; l++) {
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"axis\">", left - 8, top + ch * l + ch / 2 + 4);
        html_str(f, lan_label(m->lans[l]));
        fprintf(f, "</text>\n");
        for (int y = 0; y < m->nyear; y++) {
            unsigned v = m->passages[l * m->nyear + y];
            double t = mx ? (double)v / mx : 0;
            int shade = v ? 230 - (int)(t * 170) : 248;
            fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\" stroke=\"#999\">"
                       "<title>%s %d: %u</title></rect>\n",
                    left + cw * y, top + ch * l, cw, ch, shade, shade, lan_label(m->lans[l]), m->years[y], v);
            if (v)
                fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"%s\">%u/%u</text>\n",
                        left + cw * y + cw / 2, top + ch * l + ch / 2 + 4, t > 0.6 ? "cell dark" : "cell", v,
                        m->docs[l * m->nyear + y]);
        }
    }
    fprintf(f, "</svg>\n");
}

/* Passages per year, summed over län. */
static void
svg_bars(FILE *f, const ps_matrix *m)
{
    unsigned *per = calloc((size_t)m->nyear + 1, sizeof *per), mx = 0;
    for (int y = 0; y < m->nyear; y++) {
        for (int l = 0; l < m->nlan; l++)
            per[y] += m->passages[l * m->nyear + y];
        if (per[y] > mx)
            mx = per[y];
    }
    int bw = 44, gap = 20, left = 40, top = 16, ph = 150;
    int w = left + (bw + gap) * m->nyear + 10, h = top + ph + 40;
    fprintf(f, "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Träffar per år\">\n", w, h, w, h);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, top + ph, w - 5, top + ph);
    for (int y = 0; y < m->nyear; y++) {
        int bh = mx ? (int)((double)per[y] / mx * ph) : 0;
        int x = left + gap / 2 + (bw + gap) * y;
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#3b6fb6\"><title>%d: %u</title></rect>\n",
                x, top + ph - bh, bw, bh, m->years[y], per[y]);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%u</text>\n", x + bw / 2,
                top + ph - bh - 4, per[y]);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%d</text>\n", x + bw / 2,
                top + ph + 16, m->years[y]);
    }
    fprintf(f, "</svg>\n");
    free(per);
}

void
cli_write_report(FILE *f, const ps_report *r, bool html)
{
    const ps_matrix *m = r->matrix;
    const ps_compare *c = r->compare;
    if (html) {
        fprintf(f, "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n<title>plansok: ");
        html_str(f, r->query);
        fprintf(f, "</title>\n<style>\n"
                   "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto;color:#111;"
                   "line-height:1.4}\n"
                   "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}"
                   "h3{font-size:1.05em}\n"
                   "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;"
                   "vertical-align:top}th{background:#eef}\n"
                   "td.num{text-align:right}.cite{color:#555;font-size:.9em}mark{background:#fde68a}\n"
                   "svg text.axis{font-size:12px;fill:#222}svg text.cell{font-size:11px;fill:#111}"
                   "svg text.cell.dark{fill:#fff}\n"
                   "@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid-page}"
                   "mark{background:none;font-weight:bold}}\n</style></head><body>\n");
        fprintf(f, "<h1>Ämne: ");
        html_str(f, r->query);
        fprintf(f, "</h1>\n<p>%u passager i %u dokument, %d län, %d år. Sidhänvisningar är fysiska PDF-sidor.</p>\n",
                m->total_passages, m->total_docs, m->nlan, m->nyear);
        fprintf(f, "<section><h2>Län och år</h2>\n<figure>");
        svg_heatmap(f, m);
        fprintf(f, "<figcaption>Passager/dokument per län och år.</figcaption></figure>\n<figure>");
        svg_bars(f, m);
        fprintf(f, "<figcaption>Passager per år, alla län.</figcaption></figure></section>\n");
        fprintf(f, "<section><h2>Bästa träffar per län och år</h2>\n");
        for (size_t i = 0; i < c->ncells; i++) {
            const ps_compare_cell *x = &c->cells[i];
            if (x->best < 0)
                continue;
            const ps_hit *b = &c->best->hits[x->best];
            fprintf(f, "<h3>");
            html_str(f, lan_label(x->lan));
            fprintf(f, " %d</h3>\n<p class=\"cite\">", x->year);
            html_str(f, b->org);
            fprintf(f, ", ");
            html_str(f, b->file);
            fprintf(f, ", s. %d · %s · ", b->page + 1, ps_section_name(b->section));
            html_str(f, b->heading);
            fprintf(f, " · %u passager: mål %u, insatser %u, budget %u</p>\n<blockquote>", x->passages,
                    x->sections[PS_SECTION_MAL], x->sections[PS_SECTION_INSATSER], x->sections[PS_SECTION_BUDGET]);
            snippet(f, b, true);
            fprintf(f, "</blockquote>\n");
        }
        fprintf(f, "</section>\n<section><h2>Mål om ämnet</h2>\n");
        if (!r->goals->n)
            fprintf(f, "<p>Inga målformuleringar.</p>\n");
        else {
            fprintf(f, "<table><tr><th>Län</th><th>År</th><th>Dokument</th><th>Sida</th><th>Mål</th></tr>\n");
            for (size_t i = 0; i < r->goals->n; i++) {
                const ps_hit *h = &r->goals->hits[i];
                fprintf(f, "<tr><td>");
                html_str(f, lan_label(h->lan));
                fprintf(f, "</td><td class=\"num\">%d</td><td>", h->year);
                html_str(f, h->file);
                fprintf(f, "</td><td class=\"num\">%d</td><td>", h->page + 1);
                snippet(f, h, true);
                fprintf(f, "</td></tr>\n");
            }
            fprintf(f, "</table>\n");
        }
        fprintf(f, "</section>\n<section><h2>Budget</h2>\n");
        size_t shown = 0;
        for (size_t i = 0; i < r->budget_passages->n; i++) {
            const ps_hit *h = &r->budget_passages->hits[i];
            fprintf(f, "<p class=\"cite\">");
            html_str(f, lan_label(h->lan));
            fprintf(f, " %d, ", h->year);
            html_str(f, h->file);
            fprintf(f, ", s. %d</p><blockquote>", h->page + 1);
            snippet(f, h, true);
            fprintf(f, "</blockquote>\n");
            shown++;
        }
        char num[64];
        for (size_t i = 0; i < r->budget->n; i++) {
            const ps_budget_row *b = &r->budget->rows[i];
            fprintf(f, "<p>");
            html_str(f, b->org);
            fprintf(f, " %d, ", b->year);
            html_str(f, b->file);
            fprintf(f, " s. %d, ", b->page + 1);
            html_str(f, b->table);
            fprintf(f, ": <b>");
            html_str(f, b->label);
            fprintf(f, "</b>");
            for (size_t k = 0; k < b->ncols; k++) {
                if (!b->present[k])
                    continue;
                cli_format_amount(b->amounts[k], num, sizeof num);
                fprintf(f, " · ");
                html_str(f, b->columns[k]);
                fprintf(f, " %s %s", num, b->unit);
            }
            fprintf(f, "</p>\n");
            shown++;
        }
        if (!shown)
            fprintf(f, "<p>Inga budgetposter om ämnet.</p>\n");
        fprintf(f, "</section>\n<p class=\"cite\">Skapad med plansok.</p>\n</body></html>\n");
        return;
    }

    /* Markdown */
    fprintf(f, "# Ämne: ");
    md_text(f, r->query);
    fprintf(f, "\n\n%u passager i %u dokument, %d län, %d år. Sidhänvisningar är fysiska PDF-sidor.\n\n",
            m->total_passages, m->total_docs, m->nlan, m->nyear);
    fprintf(f, "## Län och år\n\n");
    cli_print_matrix(f, m, FMT_MD);
    fprintf(f, "\nCellerna visar passager/dokument.\n\n## Bästa träffar per län och år\n");
    for (size_t i = 0; i < c->ncells; i++) {
        const ps_compare_cell *x = &c->cells[i];
        if (x->best < 0)
            continue;
        const ps_hit *b = &c->best->hits[x->best];
        fprintf(f, "\n### %s %d\n\n", lan_label(x->lan), x->year);
        fprintf(f, "%s, %s, s. %d (%s; ", b->org, b->file, b->page + 1, ps_section_name(b->section));
        md_text(f, b->heading);
        fprintf(f, "). %u passager: mål %u, insatser %u, budget %u.\n\n> ", x->passages, x->sections[PS_SECTION_MAL],
                x->sections[PS_SECTION_INSATSER], x->sections[PS_SECTION_BUDGET]);
        snippet(f, b, false);
        fprintf(f, "\n");
    }
    fprintf(f, "\n## Mål om ämnet\n\n");
    if (!r->goals->n)
        fprintf(f, "Inga målformuleringar.\n");
    for (size_t i = 0; i < r->goals->n; i++) {
        const ps_hit *h = &r->goals->hits[i];
        fprintf(f, "- %s %d, %s s. %d: ", lan_label(h->lan), h->year, h->file, h->page + 1);
        snippet(f, h, false);
        fprintf(f, "\n");
    }
    fprintf(f, "\n## Budget\n\n");
    size_t shown = 0;
    char num[64];
    for (size_t i = 0; i < r->budget_passages->n; i++) {
        const ps_hit *h = &r->budget_passages->hits[i];
        fprintf(f, "- %s %d, %s s. %d: ", lan_label(h->lan), h->year, h->file, h->page + 1);
        snippet(f, h, false);
        fprintf(f, "\n");
        shown++;
    }
    for (size_t i = 0; i < r->budget->n; i++) {
        const ps_budget_row *b = &r->budget->rows[i];
        fprintf(f, "- %s %d, %s s. %d, %s: **%s**", b->org, b->year, b->file, b->page + 1, b->table, b->label);
        for (size_t k = 0; k < b->ncols; k++)
            if (b->present[k]) {
                cli_format_amount(b->amounts[k], num, sizeof num);
                fprintf(f, " · %s %s %s", b->columns[k], num, b->unit);
            }
        fprintf(f, "\n");
        shown++;
    }
    if (!shown)
        fprintf(f, "Inga budgetposter om ämnet.\n");
}

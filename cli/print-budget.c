/* print-budget.c: "plansok budget" results: budget table rows as text or
 * Markdown or HTML (a table per source table, Swedish number format; HTML
 * for a report), JSON (null for an empty cell) and long CSV (one line per
 * amount, for pivot tables).
 * The rows come from ps_budget_list in their order. */
#include "print.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_WIDTH 34  /* characters of the label column in text */
#define AMOUNT_WIDTH 14 /* characters of an amount column in text */
#define MAX_INDENT 4    /* levels a part is set in under its total, at most */

static void
budget_json(FILE *f, const ps_budget *b)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    cli_json_list(sp, "rows");
    for (size_t i = 0; i < b->n; i++) {
        const ps_budget_row *r = &b->rows[i];
        cli_json_item(sp);
        sprinter_map_string(sp, "organisation", r->org);
        sprinter_map_string(sp, "org_unit", r->org_unit ? r->org_unit : "");
        sprinter_map_string(sp, "lan", cli_lan_field(r->lan));
        sprinter_map_integer(sp, "year", r->year);
        sprinter_map_string(sp, "file", r->file);
        sprinter_map_integer(sp, "page", r->page + 1);
        sprinter_map_string(sp, "table", r->table);
        sprinter_map_integer(sp, "table_no", r->table_no);
        sprinter_map_string(sp, "parent", r->parent ? r->parent : "");
        sprinter_map_string(sp, "unit", r->unit);
        sprinter_map_string(sp, "label", r->label);
        sprinter_map_string(sp, "role", ps_budget_role_name(r->role));
        sprinter_map_integer(sp, "level", r->level);
        sp->map_key(sp, "columns");
        sp->begin_list(sp);
        for (size_t k = 0; k < r->ncols; k++)
            sp->string(sp, r->columns[k]);
        sp->end(sp);
        sp->map_key(sp, "column_roles");
        sp->begin_list(sp);
        for (size_t k = 0; k < r->ncols; k++)
            sp->string(sp, ps_column_role_name(ps_budget_column_role(r, k)));
        sp->end(sp);
        sp->map_key(sp, "amounts");
        sp->begin_list(sp);
        for (size_t k = 0; k < r->ncols; k++) {
            if (r->present[k])
                sp->number(sp, "%.15g", r->amounts[k]);
            else
                sp->null(sp);
        }
        sp->end(sp);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->end(sp);
}

static void
budget_csv(FILE *f, const ps_budget *b)
{
    fprintf(f, "organisation,lan,year,file,page,table,unit,label,column,amount,role,level,org_unit,column_role,table_no,parent\n");
    for (size_t i = 0; i < b->n; i++) {
        const ps_budget_row *r = &b->rows[i];
        for (size_t k = 0; k < r->ncols; k++) {
            if (!r->present[k]) /* one line per amount: an empty cell has none */
                continue;
            cli_escape(f, r->org, ESC_CSV);
            fputc(',', f);
            cli_escape(f, cli_lan_field(r->lan), ESC_CSV);
            fprintf(f, ",%d,", r->year);
            cli_escape(f, r->file, ESC_CSV);
            fprintf(f, ",%d,", r->page + 1);
            cli_escape(f, r->table, ESC_CSV);
            fputc(',', f);
            cli_escape(f, r->unit, ESC_CSV);
            fputc(',', f);
            cli_escape(f, r->label, ESC_CSV);
            fputc(',', f);
            cli_escape(f, r->columns[k], ESC_CSV);
            fprintf(f, ",%.15g,%s,%d,", r->amounts[k], ps_budget_role_name(r->role), r->level);
            cli_escape(f, r->org_unit ? r->org_unit : "", ESC_CSV);
            fprintf(f, ",%s,%d,", ps_column_role_name(ps_budget_column_role(r, k)), r->table_no);
            cli_escape(f, r->parent ? r->parent : "", ESC_CSV);
            fputc('\n', f);
        }
    }
}

/* "Alingsås kommun, tekniska nämnden": a row's organisation and the unit
 * of its document. */
static void
org_and_unit(FILE *f, const ps_budget_row *r, cli_escaping e)
{
    /* Markdown and HTML are for reports, in Swedish */
    cli_escape(f, r->org[0] ? r->org : e == ESC_PLAIN ? cli_org_label(r->org) : "okänd organisation", e);
    if (r->org_unit && *r->org_unit) {
        fputs(", ", f);
        cli_escape(f, r->org_unit, e);
    }
}

/* The caption and column headings of a source table (in HTML, the
 * table's start). */
static void
budget_table_head(FILE *f, const ps_budget_row *r, char *const *head, cli_format fmt, bool after)
{
    if (fmt == FMT_HTML) {
        fputs("<p class=\"cite\">", f);
        org_and_unit(f, r, ESC_HTML);
        fprintf(f, " %d, ", r->year);
        cli_escape(f, r->file, ESC_HTML);
        fprintf(f, ", s. %d</p>\n<table><caption>", r->page + 1);
        cli_escape(f, r->table, ESC_HTML);
        if (r->unit[0] && !strstr(r->table, r->unit)) { /* not "Resultatbudget (tkr) (tkr)" */
            fputs(" (", f);
            cli_escape(f, r->unit, ESC_HTML);
            fputc(')', f);
        }
        fputs("</caption>\n<tr><th>Post</th>", f);
        for (size_t k = 0; k < r->ncols; k++) {
            fputs("<th>", f);
            cli_escape(f, head[k], ESC_HTML);
            fputs("</th>", f);
        }
        fputs("</tr>", f);
    } else if (fmt == FMT_MD) {
        fputs(after ? "\n**" : "**", f);
        cli_escape(f, r->table, ESC_MD);
        fputs("** (", f);
        org_and_unit(f, r, ESC_MD);
        fprintf(f, ", %d), ", r->year);
        cli_escape(f, r->file, ESC_MD);
        fprintf(f, " s. %d%s", r->page + 1, r->unit[0] ? ", " : "");
        cli_escape(f, r->unit, ESC_MD);
        fputs("\n\n| Post |", f);
        for (size_t k = 0; k < r->ncols; k++) {
            fputc(' ', f);
            cli_escape(f, head[k], ESC_MD);
            fputs(" |", f);
        }
        fprintf(f, "\n|---|");
        for (size_t k = 0; k < r->ncols; k++)
            fprintf(f, "---:|");
    } else {
        fputs(after ? "\n" : "", f);
        org_and_unit(f, r, ESC_PLAIN);
        fprintf(f, " · %s · %d · ", cli_lan_label(r->lan), r->year);
        cli_escape(f, r->file, ESC_PLAIN);
        fprintf(f, ", page %d\n  ", r->page + 1);
        cli_escape(f, r->table, ESC_PLAIN);
        if (r->unit[0]) {
            fputs(" [", f);
            cli_escape(f, r->unit, ESC_PLAIN);
            fputc(']', f);
        }
        fprintf(f, "\n  %-*s", LABEL_WIDTH, "");
        for (size_t k = 0; k < r->ncols; k++) {
            fputc(' ', f);
            cli_pad_left(f, head[k], AMOUNT_WIDTH);
        }
    }
    fputc('\n', f);
}

/* The year noted after heading col ("Alingsås 2025 (2024)": 2024;
 * "(2024)" alone too), else 0; *base (may be NULL) is the length of the
 * heading without it. */
static int
noted(const char *col, size_t *base)
{
    size_t m = strlen(col);
    if (base)
        *base = m;
    if (m < 6 || col[m - 1] != ')' || col[m - 6] != '(' || (m > 6 && col[m - 7] != ' '))
        return 0;
    for (size_t i = m - 5; i < m - 1; i++)
        if (col[i] < '0' || col[i] > '9')
            return 0;
    if (base)
        *base = m > 6 ? m - 7 : 0;
    return atoi(col + m - 5);
}

/* Whether two headings are one column's, a year noted or not. */
static bool
same_column(const char *a, const char *b)
{
    size_t na, nb;
    noted(a, &na);
    noted(b, &nb);
    return na == nb && !strncmp(a, b, na);
}

/* The year a figure of column col is of when it differs from its table's
 * heading head by that year noted ("Alingsås 2025 (2024)" under "Alingsås
 * 2025": the figure is 2024's), else 0. */
static int
noted_year(const char *col, const char *head)
{
    size_t n;
    int y = noted(col, &n);
    return y && !noted(head, NULL) && n == strlen(head) && !strncmp(col, head, n) ? y : 0;
}

/* A row: its label, set in as far as its level (Markdown and HTML: a
 * total in bold), and its amounts (Markdown and HTML: a total column's in
 * bold). */
static void
budget_row(FILE *f, const ps_budget_row *r, char *const *head, cli_format fmt)
{
    char num[64];
    int in = r->level < MAX_INDENT ? r->level : MAX_INDENT; /* parts set in under their total */
    bool total = r->role == PS_ROW_TOTAL;
    if (fmt == FMT_HTML) {
        if (in)
            fprintf(f, "<tr><td style=\"padding-left:%.1fem\">", 0.5 + 1.5 * in);
        else
            fputs("<tr><td>", f);
        bool part = r->role == PS_ROW_OF_WHICH; /* "varav": in italics */
        fputs(total ? "<b>" : part ? "<i>" : "", f);
        cli_escape(f, r->label, ESC_HTML);
        fputs(total ? "</b></td>" : part ? "</i></td>" : "</td>", f);
    } else if (fmt == FMT_MD) {
        fputs("| ", f);
        for (int k = 0; k < in; k++)
            fputs("\u00a0\u00a0", f); /* no-break spaces, which Markdown keeps */
        const char *mark = total ? "**" : r->role == PS_ROW_OF_WHICH ? "*" : ""; /* a "varav" in italics */
        fputs(mark, f);
        cli_escape(f, r->label, ESC_MD);
        fprintf(f, "%s |", mark);
    } else {
        fprintf(f, "  %*s", 2 * in, "");
        cli_pad_right(f, r->label, LABEL_WIDTH - 2 * in);
    }
    for (size_t k = 0; k < r->ncols; k++) {
        if (r->present[k])
            cli_format_amount(r->amounts[k], num, sizeof num);
        else
            snprintf(num, sizeof num, "–");
        int y = r->present[k] ? noted_year(r->columns[k], head[k]) : 0;
        if (y)
            snprintf(num + strlen(num), sizeof num - strlen(num), " (%d)", y);
        bool sum = ps_budget_column_role(r, k) == PS_COL_TOTAL;
        if (fmt == FMT_HTML) {
            /* digits, spaces, signs: nothing to escape */
            fprintf(f, sum ? "<td class=\"num\"><b>%s</b></td>" : "<td class=\"num\">%s</td>", num);
        } else if (fmt == FMT_MD) {
            fprintf(f, sum ? " **%s** |" : " %s |", num);
        } else {
            fputc(' ', f);
            cli_pad_left(f, num, AMOUNT_WIDTH);
        }
    }
    fputs(fmt == FMT_HTML ? "</tr>\n" : "\n", f);
}

/* A row starts a new source table when its document, page or caption
 * differs from the row before. */
static bool
starts_table(const ps_budget *b, size_t i)
{
    const ps_budget_row *r = &b->rows[i], *prev = i ? &b->rows[i - 1] : NULL;
    if (!prev || strcmp(r->docid, prev->docid) || strcmp(r->table, prev->table) || r->page != prev->page ||
        r->ncols != prev->ncols)
        return true;
    /* two tables of one caption on a page: their columns differ */
    for (size_t k = 0; k < r->ncols; k++)
        if (!same_column(r->columns[k], prev->columns[k]))
            return true;
    return false;
}

/* The headings a table shows, from its rows i..: each column's heading,
 * without a year noted after it when its rows differ in it ("Alingsås
 * 2025" when a row has "Alingsås 2025 (2024)"; that row's figure shows
 * its year). Free with free_headings. */
static char **
table_headings(const ps_budget *b, size_t i)
{
    const ps_budget_row *r = &b->rows[i];
    char **head = malloc((r->ncols ? r->ncols : 1) * sizeof *head);
    for (size_t k = 0; k < r->ncols; k++) {
        /* a heading all its rows share is the table's, a year in it or not
         * ("Bokslut (2025)") */
        bool shared = true;
        for (size_t j = i + 1; j < b->n && !starts_table(b, j) && shared; j++)
            shared = !strcmp(b->rows[j].columns[k], r->columns[k]);
        size_t n;
        noted(r->columns[k], &n);
        head[k] = strndup(r->columns[k], shared ? strlen(r->columns[k]) : n);
    }
    return head;
}

static void
free_headings(char **head, size_t n)
{
    for (size_t k = 0; head && k < n; k++)
        free(head[k]);
    free(head);
}

static void
budget_tables(FILE *f, const ps_budget *b, cli_format fmt)
{
    char **head = NULL; /* the headings the table shows */
    size_t nhead = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (starts_table(b, i)) {
            free_headings(head, nhead);
            if (i && fmt == FMT_HTML)
                fputs("</table>\n", f);
            head = table_headings(b, i);
            nhead = b->rows[i].ncols;
            budget_table_head(f, &b->rows[i], head, fmt, i > 0);
        }
        budget_row(f, &b->rows[i], head, fmt);
    }
    free_headings(head, nhead);
    if (fmt == FMT_HTML && b->n)
        fputs("</table>\n", f);
    if (fmt == FMT_TEXT)
        fprintf(f, "\n%zu budget rows\n", b->n);
}

void
cli_print_budget(FILE *f, const ps_budget *b, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: budget_json(f, b); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: budget_csv(f, b); break;
    case FMT_MD:
    case FMT_HTML: /* tables, for a report */
    case FMT_TEXT: budget_tables(f, b, fmt); break;
    }
}

/* budget.c: budget table rows from the lines of budget pages (cells.c
 * reads the cells of each line). A table is a run of rows, a label and
 * amounts, under its header lines; columns.c finds its columns and the
 * headings that name them (docs/TAGGING.md, "Budget figures"). Pure C. */
#include "table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether a heading over the labels names the table ("Resultatbudget
 * (tkr)"), not only its unit ("Miljoner kronor", "(tkr)", "NÄMND",
 * "Belopp i tkr"). */
static bool
names_table(const char *s)
{
    static const char *const units[] = { "kronor", "miljoner", "tusen", "belopp", "beloppen" };
    char *f = psi_fold_ascii(s);
    bool named = false;
    for (char *p = f; *p && !named;) {
        while (*p && !(*p >= 'a' && *p <= 'z'))
            p++;
        char *e = p;
        while (*e >= 'a' && *e <= 'z')
            e++;
        size_t n = (size_t)(e - p);
        bool unit = false;
        for (size_t u = 0; u < sizeof units / sizeof *units; u++)
            unit |= n == strlen(units[u]) && !strncmp(p, units[u], n);
        named = n >= 6 && !unit;
        p = e;
    }
    free(f);
    return named;
}

/* The unit the amounts of the table's rows give themselves, when every
 * one gives the same ("2,1 mnkr", "0,5 mnkr"), else NULL: a bare figure
 * among them is not known to be in it. */
static const char *
cells_unit(const psi_table *tb)
{
    const char *unit = NULL;
    for (size_t r = 0; r < tb->nrows; r++)
        for (size_t i = 0; i < tb->rows[r].n; i++) {
            const psi_tcell *c = &tb->rows[r].c[i];
            if (c->kind != PSI_C_AMOUNT)
                continue;
            if (!c->unit || (unit && strcmp(c->unit, unit)))
                return NULL;
            unit = c->unit;
        }
    return unit;
}

/* The letters of s's first word ("placerade": 9; "l BEHOV": 1). */
static size_t
first_word_letters(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && s[i] != ' ';) {
        uint32_t cp;
        size_t k = psi_utf8_decode(s + i, strlen(s + i), &cp);
        if (!k)
            break;
        n += psi_cp_is_letter(cp);
        i += k;
    }
    return n;
}

/* A column's heading for an amount of year y, noted beside it: "Alingsås
 * 2025 (2024)" for "20 (2024)" under "Alingsås 2025"; the heading as it is
 * when it names that year already, or without a note. */
static char *
column_of_year(const char *name, int y)
{
    char year[8];
    snprintf(year, sizeof year, "%d", y);
    if (!y || strstr(name, year))
        return psi_strdup(name);
    return *name ? psi_asprintf("%s (%d)", name, y) : psi_asprintf("(%d)", y);
}

/* Where a row of a table was: which side of its line (0: the label's;
 * 1: the first breakdown beside it …) and its label's left edge. */
typedef struct row_place {
    size_t side;
    double indent;
} row_place;

/* The totals of a table's rows v[0..n), each side of its lines apart. */
static void
table_sums(ps_budget_row *v, const row_place *at, size_t n)
{
    ps_budget_row **rows = psi_malloc((n ? n : 1) * sizeof *rows);
    double *indent = psi_malloc((n ? n : 1) * sizeof *indent);
    size_t sides = 0;
    for (size_t i = 0; i < n; i++)
        if (at[i].side + 1 > sides)
            sides = at[i].side + 1;
    for (size_t side = 0; side < sides; side++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (at[i].side == side) {
                rows[k] = &v[i];
                indent[k++] = at[i].indent;
            }
        psi_budget_sums(rows, indent, k);
        psi_budget_column_sums(rows, k);
    }
    for (size_t i = 0; i < n; i++) {
        rows[i] = &v[i];
        indent[i] = at[i].indent;
    }
    psi_budget_breakdowns(rows, indent, n); /* rows of either side that split a row's figure */
    psi_budget_balance_sides(rows, n);
    free(rows);
    free(indent);
}

/* A new row at the end of out, zeroed. */
static ps_budget_row *
new_row(psi_budget_rows *out)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 32;
        out->v = psi_realloc(out->v, out->cap * sizeof *out->v);
    }
    ps_budget_row *row = &out->v[out->n++];
    memset(row, 0, sizeof *row);
    return row;
}

static void
emit_table(psi_table *tb, const psi_page *pg, int page, int table_no, const psi_wordset *words, psi_budget_rows *out)
{
    size_t ncols;
    bool placed;
    psi_buf stub = PSI_BUF_INIT; /* headings over the labels: "Miljoner kronor", "(tkr)" */
    const char *above;
    bool side;
    psi_column *c = psi_table_columns(tb, pg, words, &ncols, &placed, &stub, &side, &above);
    bool named = false;
    for (size_t k = 0; k < ncols; k++)
        named |= c[k].name.len > 0;
    if (named && ncols > 0) {
        /* the table's name: the heading over its labels when it names
         * something ("Resultatbudget (tkr)", not "(tkr)", "NÄMND" or
         * "Miljoner kronor") and is not the headings of the label's cells
         * ("Verksamhet | Åtgärd" under "Handlingsplan 2"), else the line
         * above the table */
        const char *caption = names_table(psi_buf_str(&stub)) && !(side && above) ? psi_buf_str(&stub)
                              : above                          ? above
                              : tb->section                    ? tb->section /* not "(tkr)" */
                                                               : psi_buf_str(&stub);
        char *unit = psi_unit_of(psi_buf_str(&stub));
        if (!*unit) {
            free(unit);
            unit = psi_unit_of(caption);
        }
        /* a line of its own over the table, "(tkr)" over a balance
         * sheet whose headings name it ("TILLGÅNGAR") */
        for (size_t h = 0; !*unit && h < tb->nheader; h++)
            if (tb->header[h].n == 1 && tb->header[h].c[0].kind == PSI_C_TEXT) {
                free(unit);
                unit = psi_unit_of(tb->header[h].c[0].text);
            }
        if (!*unit) { /* the figures' own, when they agree ("2,1 mnkr") */
            const char *own = cells_unit(tb);
            if (own) {
                free(unit);
                unit = psi_strdup(own);
            }
        }
        /* a column of note references ("Not": 1, 2, 6,7) holds no amounts */
        size_t nkeep = 0;
        long *keep = psi_malloc((ncols ? ncols : 1) * sizeof *keep); /* output column of each column, -1: left out */
        for (size_t k = 0; k < ncols; k++) {
            char *f = psi_fold_ascii(psi_buf_str(&c[k].name));
            keep[k] = strcmp(f, "not") && strcmp(f, "noter") ? (long)nkeep++ : -1;
            free(f);
        }
        size_t first = out->n, most = 1; /* the table's rows are out->v[first..], at most one per cell */
        for (size_t r = 0; r < tb->nrows; r++)
            most += tb->rows[r].n;
        row_place *place = psi_malloc(most * sizeof *place); /* each emitted row's */
        size_t nplace = 0;
        for (size_t r = 0; r < tb->nrows; r++) {
            const psi_tline *t = &tb->rows[r];
            /* a row, and the breakdowns beside it: a label cell after amounts starts a row of its own */
            size_t i = 0, lead = psi_tline_lead(t), skip = lead > 1 ? lead : 1; /* cells before the first amount */
            const char *label = tb->labels[r];
            /* (a label wrapped around its figures has no place of its own here) */
            row_place at = { 0, t->placed && t->n && t->c[0].kind == PSI_C_TEXT ? t->c[0].x0 : NAN };
            while (i < t->n) {
                if (i == 0 && lead > 1) {
                    i = lead; /* the label's cells */
                } else {
                    if (i > 0) {
                        label = t->c[i].text;
                        at.side++;
                        at.indent = t->placed ? t->c[i].x0 : NAN;
                    }
                    if (t->c[i].kind == PSI_C_TEXT)
                        i++;
                }
                double *amounts = psi_calloc(nkeep + 1, sizeof *amounts);
                unsigned char *present = psi_calloc(nkeep + 1, 1);
                int *of_year = psi_calloc(nkeep + 1, sizeof *of_year);
                size_t namount = 0;
                for (; i < t->n && t->c[i].kind != PSI_C_TEXT; i++) {
                    /* in a row, a figure that looks like a year is a figure ("2099") */
                    if (t->c[i].kind != PSI_C_AMOUNT && t->c[i].kind != PSI_C_YEAR)
                        continue;
                    long col = placed ? psi_column_at(c, ncols, t->c[i].x0, t->c[i].x1, false)
                                      : (long)(i - skip) < (long)ncols ? (long)(i - skip) : -1;
                    col = col >= 0 ? keep[col] : -1;
                    if (col >= 0 && !present[col]) {
                        amounts[col] = t->c[i].v;
                        present[col] = 1;
                        of_year[col] = t->c[i].of_year;
                        namount++;
                    }
                }
                if (!namount || !label || !*label) {
                    free(amounts);
                    free(present);
                    free(of_year);
                    continue;
                }
                ps_budget_row *row = new_row(out);
                row->page = page;
                row->table_no = table_no;
                row->table = psi_strdup(caption);
                row->unit = psi_strdup(unit);
                row->label = psi_strdup(label);
                row->ncols = nkeep;
                row->columns = psi_malloc((nkeep ? nkeep : 1) * sizeof *row->columns);
                for (size_t k = 0; k < ncols; k++)
                    if (keep[k] >= 0)
                        row->columns[keep[k]] = column_of_year(psi_buf_str(&c[k].name), of_year[keep[k]]);
                free(of_year);
                row->amounts = amounts;
                row->present = present;
                row->lan = -1;
                place[nplace++] = at;
            }
        }
        table_sums(out->v + first, place, nplace);
        free(place);
        free(unit);
        free(keep);
    }
    psi_columns_free(c, ncols);
    psi_buf_release(&stub);
}

static void
table_reset(psi_table *tb)
{
    for (size_t i = 0; i < tb->nheader; i++)
        psi_tline_release(&tb->header[i]);
    for (size_t i = 0; i < tb->nrows; i++) {
        psi_tline_release(&tb->rows[i]);
        free(tb->labels[i]);
    }
    free(tb->header);
    free(tb->rows);
    free(tb->labels);
    free(tb->caption);
    free(tb->section);
    memset(tb, 0, sizeof *tb);
}

static void
push_row(psi_table *tb, psi_tline *t, char *label)
{
    tb->rows = psi_realloc(tb->rows, (tb->nrows + 1) * sizeof *tb->rows);
    tb->labels = psi_realloc(tb->labels, (tb->nrows + 1) * sizeof *tb->labels);
    tb->rows[tb->nrows] = *t;
    tb->labels[tb->nrows++] = label;
}

static bool
ends_in_year(const char *s)
{
    size_t n = strlen(s);
    return n >= 4 && (n == 4 || s[n - 5] == ' ' || s[n - 5] == '-') && psi_year_token(s + n - 4) == 4;
}

/* Whether line above, of words, is the middle cell of row t wrapped
 * around the row's figures: it starts right of t's first cell, ends left
 * of its figures and lies close above it, and the line below goes on with
 * it in lower case from where it starts ("Alla externa köp av vård prövas
 * mot lösningar i" / "Alla | 2,1 mnkr" / "egen regi"). A title over the
 * table has no such line under its row. */
static bool
middle_of(const psi_tline *t, const psi_line *above, const psi_line *below)
{
    if (!t->placed || t->n < 2 || !t->l || !above || !below || !below->text || !psi_starts_lower(below->text))
        return false;
    size_t first_amount = psi_tline_lead(t);
    double right = first_amount < t->n ? t->c[first_amount].x0 : 1e18;
    double h = t->l->y1 - t->l->y0;
    return above->x0 > t->c[0].x1 && above->x1 < right && above->y0 < t->l->y0 && t->l->y0 - above->y1 < h &&
           fabs(below->x0 - above->x0) < 2 && below->y0 > t->l->y0;
}

/* A row's label: its cells of words joined ("Alla: Restriktivitet vid
 * tjänstetillsättningar"), with its middle cell's text wrapped above it
 * (middle, may be NULL) after the first. */
static char *
row_label(const psi_tline *t, const char *middle)
{
    psi_buf b = PSI_BUF_INIT;
    size_t lead = psi_tline_lead(t);
    psi_buf_adds(&b, t->c[0].text);
    if (lead < 2 && !middle)
        return psi_buf_detach(&b);
    psi_buf_adds(&b, ":");
    if (middle) {
        psi_buf_addc(&b, ' ');
        psi_buf_adds(&b, middle);
    }
    for (size_t i = 1; i < lead; i++) {
        psi_buf_addc(&b, ' ');
        psi_buf_adds(&b, t->c[i].text);
    }
    return psi_buf_detach(&b);
}

/* Whether s is a percentage: "36%", "147 %", "−0,9 %". */
static bool
percent_cell(const char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n < 2 || s[n - 1] != '%')
        return false;
    char *fig = psi_strndup(s, n - 1);
    double v;
    bool r = ps_parse_amount(fig, &v);
    free(fig);
    return r;
}

/* Whether t is a label and percentages only. */
static bool
percent_row(const psi_tline *t)
{
    if (t->n < 2 || t->c[0].kind != PSI_C_TEXT || !psi_has_letter(t->c[0].text))
        return false;
    for (size_t i = 1; i < t->n; i++)
        if (!percent_cell(t->c[i].text))
            return false;
    return true;
}

/* A page's tables: header lines (headings and years, over one line or
 * several), then rows of a label and amounts until a sentence or the next
 * header. Columns are where the amounts stand, and each heading names the
 * column under it; a label wrapped around its amounts ("Summa
 * skattefinansierad / 0,0 5,3 3,1 / verksamhet") is made whole. */
#define PENDING_MAX 8 /* lines of a header over its table, at most */

/* Whether a line of text stands as a title: short, a capitalised word of
 * four letters or more first (after a section number: "4.2
 * Investeringsbudget"), no colon, not a sentence's end nor a page's
 * number ("Investeringsbudget" over the paragraph before its table; not
 * "(tkr)", "Källa: SCB" or "Sida 3 av 12"). */
static bool
title_like(const char *s)
{
    size_t n = strlen(s), words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    if (!n || n > 60 || words > 6 || strchr(s, ':') || strchr(s, '\t') || strchr(".,;", s[n - 1]))
        return false;
    const char *w = s;
    while ((*w >= '0' && *w <= '9') || *w == '.')
        w++;
    while (*w == ' ')
        w++;
    if (!psi_starts_upper(w) || !strncmp(w, "Sida ", 5))
        return false;
    size_t letters = 0;
    for (const char *p = w; *p && *p != ' '; p++)
        letters += ((unsigned char)*p & 0xC0) != 0x80 && (unsigned char)*p >= 'A';
    return letters >= 4;
}

static void
page_tables(const psi_page *pg, int page, const psi_wordset *words, psi_budget_rows *out)
{
    psi_table tb = { 0 };
    psi_tline pending[PENDING_MAX]; /* header lines not yet under a table */
    size_t npending = 0;
    char *caption = NULL; /* the last short line of words */
    const char *title = NULL; /* the last title-like line of the page */
    int ntables = 0;          /* tables emitted on the page */
    char *wrap = NULL;    /* a label line that may go with amounts below it */
    const psi_line *wrap_line = NULL; /* ... the line it is */
    double mid_x0 = -1;   /* where the last row's middle text starts, or -1 */
    const psi_line *under_line = NULL; /* the last line of the last row's label wrapped under it */
    for (size_t i = 0; i <= pg->nlines; i++) {
        psi_tline t = { 0 };
        psi_lkind k = PSI_L_PROSE;
        if (i < pg->nlines) {
            if (!pg->lines[i].text || !*pg->lines[i].text)
                continue;
            psi_tline_of(&pg->lines[i], &t);
            k = psi_tline_kind(&t);
            /* a lone figure among a table's rows (a row's amount whose
             * label stands elsewhere) is one of them, not the table's end */
            if (k == PSI_L_PROSE && t.n == 1 && t.c[0].kind == PSI_C_AMOUNT && tb.nrows)
                k = PSI_L_AMOUNTS;
            /* a row of percentages among a table's rows ("Soliditet (%) |
             * 36% | 47% …" under "Förbundet (tkr)") is no amounts and no
             * header either: the table goes on under it */
            if (tb.nrows && percent_row(&t)) {
                psi_tline_release(&t);
                continue;
            }
        }
        if (k == PSI_L_ROW || k == PSI_L_AMOUNTS) {
            /* a row's middle cell wrapped over lines around its figures
             * ("Alla | Alla externa köp av vård prövas mot lösningar i /
             * 2,1 mnkr / egen regi"): the line of words right above, that
             * starts right of its first cell, is part of its label, not
             * the next table's caption */
            const psi_tline *above = npending ? &pending[npending - 1] : NULL;
            const psi_line *below = i + 1 < pg->nlines ? &pg->lines[i + 1] : NULL;
            if (k == PSI_L_ROW && !tb.nrows && !wrap && above && above->n == 1 && above->placed &&
                above->c[0].kind == PSI_C_TEXT && middle_of(&t, above->l, below)) {
                wrap = psi_strdup(above->c[0].text);
                wrap_line = above->l;
                psi_tline_release(&pending[--npending]);
                free(caption); /* it was the caption */
                caption = NULL;
            }
            if (!tb.nrows && !tb.nheader) { /* a new table */
                tb.header = psi_malloc((npending + 1) * sizeof *tb.header);
                for (size_t h = 0; h < npending; h++)
                    tb.header[tb.nheader++] = pending[h];
                npending = 0;
                /* a caption among the header lines is found there (emit_table) */
                bool in_header = false;
                for (size_t h = 0; h < tb.nheader; h++)
                    in_header |= tb.header[h].n == 1 && tb.header[h].c[0].kind == PSI_C_TEXT;
                tb.caption = caption && !in_header ? psi_strdup(caption) : NULL;
                tb.section = title ? psi_strdup(title) : NULL;
            }
            char *label = NULL;
            mid_x0 = -1;
            under_line = NULL;
            if (k == PSI_L_ROW) {
                bool middle = wrap && middle_of(&t, wrap_line, below);
                label = row_label(&t, middle ? wrap : NULL);
                if (middle)
                    mid_x0 = wrap_line->x0;
            } else if (wrap)
                label = psi_strdup(wrap);
            free(wrap);
            wrap = NULL;
            push_row(&tb, &t, label);
            continue;
        }
        /* a line of words in a table goes with the labels, unless it is
         * the caption of the next table ("Ram 2028") */
        if (k == PSI_L_LABEL && tb.nrows && !ends_in_year(t.c[0].text)) {
            const char *s = t.c[0].text;
            char **last = &tb.labels[tb.nrows - 1];
            const psi_tline *row = &tb.rows[tb.nrows - 1];
            bool in_middle = mid_x0 >= 0 && fabs(t.c[0].x0 - mid_x0) < 2;
            /* ... or of a label wrapped under its row, from where it starts
             * ("Antal barn och unga 0–20 år som har varit | 20 | 21 | 27" /
             * "placerade på HVB någon gång under året") */
            const psi_line *above = under_line ? under_line : row->l;
            bool under = row->c[0].kind == PSI_C_TEXT && above && t.l && fabs(t.c[0].x0 - row->c[0].x0) < 2 &&
                         t.l->y0 > above->y0 && t.l->y0 - above->y1 < 0.8 * t.l->size && first_word_letters(s) >= 2;
            if (*last && psi_starts_lower(s) && (row->c[0].kind != PSI_C_TEXT || in_middle || under)) {
                /* the end of a label wrapped around its amounts, or of
                 * its middle cell */
                psi_buf joined = PSI_BUF_INIT;
                psi_buf_adds(&joined, *last);
                psi_join_line(&joined, s, words);
                free(*last);
                *last = psi_buf_detach(&joined);
                under_line = under ? t.l : NULL;
            } else {
                free(wrap);
                wrap = psi_strdup(s);
                wrap_line = t.l;
            }
            psi_tline_release(&t);
            continue;
        }
        /* anything else ends a table */
        if (tb.nrows) {
            emit_table(&tb, pg, page, ++ntables, words, out);
            title = NULL; /* a later table has a title of its own, or none */
        }
        table_reset(&tb);
        free(wrap);
        wrap = NULL;
        if ((k == PSI_L_HEADER || k == PSI_L_LABEL) && t.n) {
            if (k == PSI_L_LABEL) {
                free(caption);
                caption = psi_strdup(t.c[0].text);
            }
            if (npending == PENDING_MAX) {
                psi_tline_release(&pending[0]);
                memmove(pending, pending + 1, (PENDING_MAX - 1) * sizeof *pending);
                npending--;
            }
            pending[npending++] = t;
            continue;
        }
        /* lines of words that were no table's header: the last title
         * among them, or this line, is the title of what follows */
        for (size_t h = npending; h-- > 0;)
            if (pending[h].l && title_like(pending[h].l->text)) {
                title = pending[h].l->text;
                break;
            }
        if (i < pg->nlines && title_like(pg->lines[i].text))
            title = pg->lines[i].text;
        for (size_t h = 0; h < npending; h++)
            psi_tline_release(&pending[h]);
        npending = 0;
        free(caption); /* a caption stands right above its table */
        caption = NULL;
        psi_tline_release(&t);
    }
    for (size_t h = 0; h < npending; h++)
        psi_tline_release(&pending[h]);
    table_reset(&tb);
    free(caption);
    free(wrap);
}

void
psi_budget_extract(const psi_page *pages, int npages, const bool *pages_on, const psi_wordset *words,
                   psi_budget_rows *out)
{
    for (int p = 0; p < npages; p++)
        if (pages_on[p])
            page_tables(&pages[p], p, words, out);
}

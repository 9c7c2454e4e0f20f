/* columns.c: a budget table's columns and the headings that name them.
 * Columns are where the amounts stand; each heading names the column
 * under it, over as many header lines as it takes; a cell of headings set
 * close over several columns is parted where its words stand apart; a
 * title across the columns names the table instead (docs/TAGGING.md,
 * "Budget figures"). budget.c reads the rows. Pure C. */
#include "table.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Amount cells at the same right edge (figures set flush right) or over
 * the same stretch (figures centred) are one column; a column's extent is
 * that of its cells. */
static psi_column *
columns_of(const psi_table *tb, size_t *ncols)
{
    psi_column *c = NULL;
    *ncols = 0;
    for (size_t r = 0; r < tb->nrows; r++) {
        const psi_tline *t = &tb->rows[r];
        double tol = t->l && t->l->size > 0 ? t->l->size * 0.8 : 8;
        for (size_t i = 0; i < t->n; i++) {
            if (t->c[i].kind != PSI_C_AMOUNT && t->c[i].kind != PSI_C_EMPTY)
                continue;
            if (i == 0 && t->c[i].kind == PSI_C_EMPTY)
                continue;
            size_t k = 0;
            for (; k < *ncols; k++) {
                double o = fmin(c[k].x1, t->c[i].x1) - fmax(c[k].x0, t->c[i].x0);
                double narrow = fmin(c[k].x1 - c[k].x0, t->c[i].x1 - t->c[i].x0);
                if (fabs(c[k].x1 - t->c[i].x1) <= tol || (narrow > 0 && o >= 0.5 * narrow))
                    break;
            }
            if (k == *ncols) {
                if (t->c[i].kind == PSI_C_EMPTY) /* a dash places no column */
                    continue;
                c = psi_realloc(c, (*ncols + 1) * sizeof *c);
                c[(*ncols)++] = (psi_column){ t->c[i].x0, t->c[i].x1, PSI_BUF_INIT };
            } else if (t->c[i].kind == PSI_C_AMOUNT) {
                c[k].x0 = fmin(c[k].x0, t->c[i].x0);
                c[k].x1 = fmax(c[k].x1, t->c[i].x1);
            }
        }
    }
    /* left to right */
    for (size_t i = 1; i < *ncols; i++)
        for (size_t k = i; k > 0 && c[k].x1 < c[k - 1].x1; k--) {
            psi_column tmp = c[k];
            c[k] = c[k - 1];
            c[k - 1] = tmp;
        }
    return c;
}

/* The column a cell at [x0, x1] belongs to: the one it overlaps most, else
 * the nearest right edge; -1 left of every column. */
long
psi_column_at(const psi_column *c, size_t n, double x0, double x1, bool header)
{
    long best = -1;
    double most = 0;
    for (size_t k = 0; k < n; k++) {
        double o = fmin(x1, c[k].x1) - fmax(x0, c[k].x0);
        if (o > most) {
            most = o;
            best = (long)k;
        }
    }
    if (best >= 0 || !n)
        return best;
    /* a heading over the labels, unless it ends within a few points of
     * the first column's figures (set flush right, they start further in) */
    if (header && x1 < c[0].x0 - 12)
        return -1;
    double d = 1e18;
    for (size_t k = 0; k < n; k++)
        if (fabs(c[k].x1 - x1) < d) {
            d = fabs(c[k].x1 - x1);
            best = (long)k;
        }
    return best;
}

/* How many columns the cell lies over: 0 left of them all, 2 or more for
 * a title across the table. */
static size_t
spans_columns(const psi_column *c, size_t n, const psi_tcell *x)
{
    size_t over = 0;
    for (size_t k = 0; k < n; k++)
        over += fmin(x->x1, c[k].x1) - fmax(x->x0, c[k].x0) > 0;
    return over;
}

/* A heading's next line: "Förvaltnings-" + "ledning" is one word, as the
 * document's words (may be NULL) say, as in its text. */
static void
add_name(psi_column *c, const char *text, const psi_wordset *words)
{
    psi_join_line(&c->name, text, words);
}

/* The headings of a header cell: a cell of several ("Budget 2015 Budget
 * 2014") is cut after each year. Returns the count; parts[] are owned by
 * the caller. */
static size_t
heading_parts(const char *s, char **parts, size_t max)
{
    size_t len = strlen(s), n = 0, cut[16];
    for (size_t k = 0; k <= len && n < 15; k++) {
        size_t y = k < len && (k == 0 || s[k - 1] == ' ') ? psi_year_token(s + k) : 0;
        if (y && (k + y == len || s[k + y] == ' ')) {
            cut[n++] = k + y;
            k += y;
        }
    }
    if (n < 2 || cut[n - 1] != len) {
        parts[0] = psi_strdup(s);
        return 1;
    }
    size_t start = 0, np = 0;
    for (size_t k = 0; k < n && np < max; k++) {
        while (start < cut[k] && s[start] == ' ')
            start++;
        parts[np++] = psi_strndup(s + start, cut[k] - start);
        start = cut[k];
    }
    return np;
}

#define CELL_WORDS 48

/* The page's words inside header cell x of line l, left to right; 0 when
 * they are not the cell's text (words joined or cut by layout.c). */
static size_t
cell_words(const psi_page *pg, const psi_line *l, const psi_tcell *x, const psi_word **w)
{
    size_t n = 0, chars = 0;
    for (size_t i = 0; pg && l && i < pg->nwords; i++) {
        const psi_word *a = &pg->words[i];
        double cx = (a->x0 + a->x1) / 2, cy = (a->y0 + a->y1) / 2;
        if (!a->text || cx < x->x0 - 0.5 || cx > x->x1 + 0.5 || cy < l->y0 || cy > l->y1)
            continue;
        if (n == CELL_WORDS)
            return 0;
        size_t k = n++;
        for (; k > 0 && w[k - 1]->x0 > a->x0; k--)
            w[k] = w[k - 1];
        w[k] = a;
        chars += strlen(a->text);
    }
    size_t cell = 0;
    for (const char *q = x->text; *q; q++)
        cell += *q != ' ';
    return chars == cell ? n : 0;
}

/* Whether header cell x of line l is the headings of the label's cells
 * side by side ("Verksamhet      Åtgärd" over "Alla | Restriktivitet vid
 * tjänstetillsättningar | 1,5"): its page words are more than an em apart
 * somewhere, a word starts each side (not a numbered title: "1   Verksamhetens
 * intäkter"), and the right side starts where a later cell of a row's label
 * does (not a justified line's wide spaces). */
static bool
side_by_side(const psi_table *tb, const psi_page *pg, const psi_line *l, const psi_tcell *x)
{
    const psi_word *w[CELL_WORDS];
    size_t n = cell_words(pg, l, x, w);
    if (!n || !psi_has_letter(w[0]->text) || isdigit((unsigned char)w[0]->text[0]))
        return false;
    for (size_t i = 0; i + 1 < n; i++) {
        double em = w[i]->size > 0.05 ? w[i]->size : w[i]->y1 - w[i]->y0;
        if (w[i + 1]->x0 - w[i]->x1 <= em || !psi_has_letter(w[i + 1]->text))
            continue;
        for (size_t r = 0; r < tb->nrows; r++)
            for (size_t k = 1; k < tb->rows[r].n && tb->rows[r].c[k].kind == PSI_C_TEXT; k++)
                if (fabs(tb->rows[r].c[k].x0 - w[i + 1]->x0) < em / 2)
                    return true;
    }
    return false;
}

/* The column whose heading a run of words at [x0, x1] is: the one whose
 * right edge or middle it is nearest (headings are set flush right or
 * centred over their figures). */
static size_t
column_of_heading(const psi_column *c, size_t n, double x0, double x1)
{
    size_t best = 0;
    double d = 1e18;
    for (size_t k = 0; k < n; k++) {
        double e = fmin(fabs(c[k].x1 - x1), fabs((c[k].x0 + c[k].x1) / 2 - (x0 + x1) / 2));
        if (e < d) {
            d = e;
            best = k;
        }
    }
    return best;
}

/* A header cell over several columns whose headings are set close
 * ("funktionsstöd Stöd o service familjeomsorg", the third lines of three
 * headings; "kompensation förändringar förändringar"): the widest gaps
 * between its words part it into as many headings as it lies over, and
 * each names the column under it, left to right, a column at most once.
 * Where the words lie is the page's (pg), else reckoned from their
 * characters' share of the cell, unless placed_only. Anything else is
 * left whole. Returns whether it named them. */
static bool
name_by_words(psi_column *c, size_t ncols, const psi_tcell *x, const psi_page *pg, const psi_line *l, bool placed_only,
              const psi_wordset *words)
{
    size_t over = spans_columns(c, ncols, x);
    if (over < 2 || over > 16 || x->kind != PSI_C_TEXT)
        return false;
    const psi_word *pw[CELL_WORDS];
    size_t nw = cell_words(pg, l, x, pw);
    double wx0[CELL_WORDS], wx1[CELL_WORDS], em = 0;
    const char *wt[CELL_WORDS];
    size_t wl[CELL_WORDS];
    if (nw) {
        for (size_t i = 0; i < nw; i++) {
            double e = pw[i]->size > 0.05 ? pw[i]->size : pw[i]->y1 - pw[i]->y0;
            em = fmax(em, e);
            wx0[i] = pw[i]->x0;
            wx1[i] = pw[i]->x1;
            wt[i] = pw[i]->text;
            wl[i] = strlen(pw[i]->text);
        }
    } else { /* one word a heading, placed by its characters */
        if (placed_only)
            return false;
        pg = NULL;
        const char *s = x->text;
        size_t len = strlen(s);
        double per = (x->x1 - x->x0) / (double)(psi_utf8_chars(s, len) ? psi_utf8_chars(s, len) : 1);
        for (size_t k = 0; k < len; k++)
            if (s[k] != ' ' && (k == 0 || s[k - 1] == ' ')) {
                if (nw == over)
                    return false;
                size_t e = k;
                while (e < len && s[e] != ' ')
                    e++;
                wx0[nw] = x->x0 + per * (double)psi_utf8_chars(s, k);
                wx1[nw] = x->x0 + per * (double)psi_utf8_chars(s, e);
                wt[nw] = s + k;
                wl[nw++] = e - k;
            }
    }
    if (nw < over)
        return false;
    /* cut at the over - 1 widest gaps, each wider than a word space (half
     * an em) */
    bool cut[CELL_WORDS] = { false };
    for (size_t m = 0; m + 1 < over; m++) {
        size_t best = 0;
        double widest = -1e18;
        for (size_t i = 0; i + 1 < nw; i++)
            if (!cut[i] && wx0[i + 1] - wx1[i] > widest) {
                widest = wx0[i + 1] - wx1[i];
                best = i;
            }
        if (pg && widest <= 0.5 * em)
            return false;
        cut[best] = true;
    }
    size_t col[16], from[16], to[16], ng = 0;
    for (size_t i = 0; i < nw; i++) {
        if (i == 0 || cut[i - 1])
            from[ng++] = i;
        to[ng - 1] = i;
    }
    for (size_t g = 0; g < ng; g++) {
        col[g] = column_of_heading(c, ncols, wx0[from[g]], wx1[to[g]]);
        if (g > 0 && col[g] <= col[g - 1]) /* two headings to one column */
            return false;
    }
    for (size_t g = 0; g < ng; g++) {
        psi_buf h = PSI_BUF_INIT;
        for (size_t i = from[g]; i <= to[g]; i++) {
            if (h.len)
                psi_buf_addc(&h, ' ');
            psi_buf_add(&h, wt[i], wl[i]);
        }
        add_name(&c[col[g]], psi_buf_str(&h), words);
        psi_buf_release(&h);
    }
    return true;
}

/* Without the places of cells (text from elsewhere than layout.c), the
 * header line with most headings names the columns in order, and a row's
 * n-th amount cell is in the n-th column. */
static psi_column *
columns_by_order(const psi_table *tb, size_t *ncols, psi_buf *stub)
{
    psi_column *c = NULL;
    *ncols = 0;
    size_t best = 0, most = 0;
    for (size_t h = 0; h < tb->nheader; h++)
        if (tb->header[h].n > most) {
            most = tb->header[h].n;
            best = h;
        }
    if (!tb->nheader)
        return NULL;
    const psi_tline *t = &tb->header[best];
    psi_buf_adds(stub, t->c[0].text);
    for (size_t i = 1; i < t->n; i++) {
        char *parts[16];
        size_t np = heading_parts(t->c[i].text, parts, 16);
        for (size_t k = 0; k < np; k++) {
            c = psi_realloc(c, (*ncols + 1) * sizeof *c);
            c[*ncols] = (psi_column){ 100.0 * (double)(*ncols + 1), 100.0 * (double)(*ncols + 1) + 90, PSI_BUF_INIT };
            psi_buf_adds(&c[(*ncols)++].name, parts[k]);
            free(parts[k]);
        }
    }
    return c;
}

psi_column *
psi_table_columns(const psi_table *tb, const psi_page *pg, const psi_wordset *words, size_t *ncols, bool *placed,
                  psi_buf *stub, bool *stub_side, const char **above)
{
    *placed = true;
    *stub_side = false;
    for (size_t r = 0; r < tb->nrows; r++)
        *placed &= tb->rows[r].placed;
    for (size_t h = 0; h < tb->nheader; h++)
        *placed &= tb->header[h].placed;
    psi_column *c = *placed ? columns_of(tb, ncols) : columns_by_order(tb, ncols, stub);
    *above = tb->caption; /* a line of words over the labels */
    double row_size = 0;
    for (size_t r = 0; r < tb->nrows; r++)
        if (tb->rows[r].l && tb->rows[r].l->size > row_size)
            row_size = tb->rows[r].l->size;
    if (row_size <= 0)
        row_size = 1e9;
    for (size_t h = 0; *placed && h < tb->nheader; h++) {
        const psi_tline *t = &tb->header[h];
        /* a line of one cell beside the columns, across them, starting over
         * the labels or set much larger than the rows is the table's
         * title, not a heading */
        bool over_labels = *ncols && t->c[0].x0 < c[0].x0 - row_size, large = t->l && t->l->size > 1.4 * row_size;
        /* ... unless it is headings of the columns set close, a word
         * space or more apart ("2026   budget 2026") */
        if (t->n == 1 && !over_labels && !large && name_by_words(c, *ncols, &t->c[0], pg, t->l, true, words))
            continue;
        if (t->n == 1 && over_labels && !large && side_by_side(tb, pg, t->l, &t->c[0])) {
            /* the headings of the label's cells ("Verksamhet      Åtgärd") */
            if (stub->len)
                psi_buf_addc(stub, ' ');
            psi_buf_adds(stub, t->c[0].text);
            *stub_side = true;
            continue;
        }
        if (t->n == 1 && (spans_columns(c, *ncols, &t->c[0]) != 1 || over_labels || large)) {
            /* "Driftsprognos", "Budget 2027", "Ramar 2027 - 2029", "Ram 2027"; a lone year under a title is not one */
            if (!*above || psi_has_letter(t->c[0].text))
                *above = t->c[0].text;
            continue;
        }
        for (size_t i = 0; i < t->n; i++) {
            if (name_by_words(c, *ncols, &t->c[i], pg, t->l, false, words))
                continue;
            char *parts[16];
            size_t np = heading_parts(t->c[i].text, parts, 16);
            for (size_t k = 0; k < np; k++) {
                double w = (t->c[i].x1 - t->c[i].x0) / (double)np;
                double x0 = t->c[i].x0 + w * (double)k, x1 = x0 + w;
                long col = psi_column_at(c, *ncols, x0, x1, true);
                if (col >= 0)
                    add_name(&c[col], parts[k], words);
                else {
                    if (stub->len)
                        psi_buf_addc(stub, ' ');
                    psi_buf_adds(stub, parts[k]);
                }
                free(parts[k]);
            }
        }
    }
    /* a table under a caption with a year and no headings of its own: its
     * first column is the caption's ("Budget 2027") */
    bool named = false;
    for (size_t k = 0; k < *ncols; k++)
        named |= c[k].name.len > 0;
    if (!named && *ncols >= 1 && *above) {
        bool year = false;
        for (const char *q = *above; *q && !year; q++)
            year = (q == *above || q[-1] == ' ') && psi_year_token(q) && !q[psi_year_token(q)];
        if (year)
            add_name(&c[0], *above, words);
    }
    return c;
}

void
psi_columns_free(psi_column *c, size_t n)
{
    for (size_t k = 0; k < n; k++)
        psi_buf_release(&c[k].name);
    free(c);
}

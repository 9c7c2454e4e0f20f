/* gutters.c: the gutters between columns of text, for layout.c. A gutter
 * is an x run that almost no row covers (a row's word spaces cover it
 * too), with prose on both sides: tables have gaps too, but their cells
 * are short, numbers, or a table's in most rows. A gutter may be crossed
 * by one band of rows above or below the columns (a slide's introduction
 * across both). */
#include "layout.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 64

/* Whether the words r[s..e) of one row, read as a line (word spaces join
 * its words), run across x0..x1. */
bool
psi_row_across(const wref *r, size_t s, size_t e, double x0, double x1)
{
    const psi_word *last = NULL; /* the chain's rightmost word */
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t k = s; k < e; k++) {
            const psi_word *w = r[k].w;
            if ((w->x0 < x0 - 1 || (last && w->x0 >= last->x1 - 0.5 && psi_word_gap(last, w))) &&
                (!last || w->x1 > last->x1)) {
                last = w;
                grew = true;
            }
        }
    }
    return last && last->x1 > x1 + 1;
}

/* Whether the words of r[s..e) within x0..x1 have a table cell's gap
 * between two of them (cell_gap; a gap after a letter or two is a
 * figure's lettering, not a cell). */
static bool
side_has_cells(const wref *r, size_t s, size_t e, double x0, double x1)
{
    for (size_t i = s; i < e; i++) {
        const psi_word *a = r[i].w, *next = NULL;
        if (a->x0 < x0 - 1 || a->x1 > x1 + 1 || psi_word_chars(a->text) <= 2)
            continue;
        for (size_t k = s; k < e; k++) {
            const psi_word *b = r[k].w;
            if (k != i && b->x0 >= a->x1 - 0.5 && b->x1 <= x1 + 1 && (!next || b->x0 < next->x0))
                next = b;
        }
        if (next && psi_cell_gap(a, next))
            return true;
    }
    return false;
}

/* Whether the candidate gutter gi, with the left side from left0 and the
 * right side up to right1, has prose on both sides: several lines long on
 * both (at least 0.6 of the side's width, of four words that are not
 * numbers), or, when no row crosses it, one side clearly prose and a prose
 * line on the other (a short column). Sides narrower than 80 pt hold no
 * column. A side where two thirds of the rows have a table cell's gap is
 * a table, not prose (a genomlysning's table of measures has a label and
 * prose in its first row and prose alone in the rest, and stays columns).
 * With alone, the left side starts at left0, and a row with words left of
 * it is no line of that side (a table's column beside its narrow first
 * one). */
static bool
gutter_holds(const wref *r, size_t n, const gutter *gi, double left0, double right1, bool alone, double height)
{
    double lw = gi->x0 - left0, rw = right1 - gi->x1;
    if (lw < 80 || rw < 80)
        return false;
    int longl = 0, longr = 0, first_across = -1, last_across = -1, first_long = -1, last_long = -1;
    int rows_l = 0, rows_r = 0, cells_l = 0, cells_r = 0; /* rows with words on a side, and with a cell's gap there */
    size_t k = 0;
    while (k < n) {
        int row = r[k].row;
        double l0 = 1e9, l1 = -1e9, r0 = 1e9, r1 = -1e9;
        int wl = 0, wr = 0;
        bool before = false;
        size_t s = k;
        for (; k < n && r[k].row == row; k++) {
            const psi_word *w = r[k].w;
            before |= w->x1 < left0 - 1;
            if (w->x1 <= gi->x0 + 1 && w->x0 >= left0 - 1) {
                l0 = fmin(l0, w->x0);
                l1 = fmax(l1, w->x1);
                wl += !psi_is_number(w->text, strlen(w->text));
            } else if (w->x0 >= gi->x1 - 1 && w->x1 <= right1 + 1) {
                r0 = fmin(r0, w->x0);
                r1 = fmax(r1, w->x1);
                wr += !psi_is_number(w->text, strlen(w->text));
            }
        }
        bool across = psi_row_across(r, s, k, gi->x0, gi->x1);
        /* under a band of text over the columns, a row across the gutter
         * is neither side's */
        bool mine = !(across && gi->band); /* a row of the columns, not of a band over them */
        bool l = mine && !(alone && before) && wl >= 4 && l1 - l0 >= 0.6 * lw;
        bool rr = mine && wr >= 4 && r1 - r0 >= 0.6 * rw;
        if (mine && l1 > l0) {
            rows_l++;
            cells_l += side_has_cells(r, s, k, left0, gi->x0);
        }
        if (mine && r1 > r0) {
            rows_r++;
            cells_r += side_has_cells(r, s, k, gi->x1, right1);
        }
        longl += l;
        longr += rr;
        /* a running header or footer is no band (it is read apart) */
        if (across && !psi_word_at_edge(r[s].w, height)) {
            first_across = first_across < 0 ? row : first_across;
            last_across = row;
        }
        if (l || rr) {
            first_long = first_long < 0 ? row : first_long;
            last_long = row;
        }
    }
    /* a band lies above or below the columns, not beside them: rows
     * across a gap between the columns' lines are a box or a table
     * there (a sidebar's lines reach into the gap before a slide's
     * right half) */
    if (gi->band && first_across >= 0 && first_long >= 0 && !(last_across < first_long || first_across > last_long))
        return false;
    /* a side whose rows mostly have a cell's gap is a table's columns, not
     * prose (Aarhus's list of cases: title | department | decision) */
    if (rows_l >= 3 && cells_l * 3 >= rows_l * 2)
        longl = 0;
    if (rows_r >= 3 && cells_r * 3 >= rows_r * 2)
        longr = 0;
    int lo = longl < longr ? longl : longr, hi = longl < longr ? longr : longl;
    return lo >= 3 || (gi->cover == 0 && hi >= 5 && lo >= 1);
}

/* What psi_find_gutters counts per bin (an x of one point): rows over it,
 * runs of consecutive rows over it, the first and last row over it, and
 * the first and last row with words on both its sides, not over it. */
typedef struct bins {
    int *cov, *runs, *first, *last, *first_both, *last_both;
} bins;

/* Low coverage at bin b: almost no row, or one band of rows above or below
 * the columns (a slide's introduction across both): one run of rows, or
 * rows that all lie above the first row with words on both sides, or all
 * below the last, when there are such rows (a heading and an introduction
 * across both, a line of the heading beside them on one side only: the
 * RUS's page 32). */
static inline bool
low_cover(const bins *bn, int b, int limit, int nrows)
{
    int c = bn->cov[b];
    return c <= limit ||
           (c <= nrows / 3 && (bn->runs[b] == 1 || (bn->last_both[b] >= 0 && (bn->last[b] < bn->first_both[b] ||
                                                                               bn->first[b] > bn->last_both[b]))));
}

int
psi_find_gutters(const wref *r, size_t n, int nrows, double width, double height, gutter *g)
{
    if (!(width >= 50 && width <= 5000) || nrows < 6) /* a NaN width too */
        return 0;
    int nb = (int)width + 1;
    bins bn;
    bn.cov = psi_calloc((size_t)nb, sizeof(int));
    bn.runs = psi_calloc((size_t)nb, sizeof(int)); /* runs of consecutive rows over it */
    bn.first = psi_malloc((size_t)nb * sizeof(int));
    bn.last = psi_malloc((size_t)nb * sizeof(int));
    bn.first_both = psi_malloc((size_t)nb * sizeof(int));
    bn.last_both = psi_malloc((size_t)nb * sizeof(int));
    for (int b = 0; b < nb; b++) {
        bn.first[b] = bn.last[b] = bn.last_both[b] = -1;
        bn.first_both[b] = INT_MAX;
    }
    double xmin = 1e9, xmax = -1e9;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        double rx0 = 1e9, rx1 = -1e9; /* the row's words, but at the page's edges */
        for (; i < n && r[i].row == r[s].row; i++) {
            const psi_word *w = r[i].w;
            xmin = fmin(xmin, w->x0);
            xmax = fmax(xmax, w->x1);
            /* headers, footers and page numbers near the edges do not count */
            if (psi_word_at_edge(w, height))
                continue;
            rx0 = fmin(rx0, w->x0);
            rx1 = fmax(rx1, w->x1);
            /* a row covers the word spaces between its words too: a line of
             * a band over a narrow gutter leaves no gap where a column's
             * would be */
            double x1 = w->x1;
            for (size_t k = s; k < n && r[k].row == r[s].row; k++)
                if (r[k].w->x0 > w->x1 && psi_word_gap(w, r[k].w))
                    x1 = fmax(x1, r[k].w->x0);
            int row = r[i].row;
            for (int b = (int)fmax(0, w->x0); b < (int)fmin(nb, x1); b++) {
                if (bn.last[b] != row) { /* count each row once per bin */
                    bn.cov[b]++;
                    bn.runs[b] += bn.last[b] < 0 || bn.last[b] != row - 1;
                    if (bn.first[b] < 0)
                        bn.first[b] = row;
                    bn.last[b] = row;
                }
            }
        }
        for (int b = (int)fmax(0, rx0); b < (int)fmin(nb, rx1); b++)
            if (bn.last[b] != r[s].row) {
                if (bn.first_both[b] == INT_MAX)
                    bn.first_both[b] = r[s].row;
                bn.last_both[b] = r[s].row;
            }
    }
    int limit = nrows / 25 > 1 ? nrows / 25 : 1;
    int ng = 0;
    int b = (int)fmax(0, xmin + 30);
    int end = (int)fmin(nb, xmax - 30);
    gutter cand[MAX_CANDIDATES];
    while (b < end && ng < MAX_CANDIDATES) {
        if (!low_cover(&bn, b, limit, nrows)) {
            b++;
            continue;
        }
        /* within a run of low coverage, each stretch at its lowest
         * coverage is a candidate: a short column next to the gutter must
         * not widen it */
        int s = b, least = bn.cov[b];
        while (b < end && low_cover(&bn, b, limit, nrows)) {
            if (bn.cov[b] < least)
                least = bn.cov[b];
            b++;
        }
        for (int k = s; k < b && ng < MAX_CANDIDATES;) {
            if (bn.cov[k] != least) {
                k++;
                continue;
            }
            int k0 = k;
            while (k < b && bn.cov[k] == least)
                k++;
            if (k - k0 >= 7)
                cand[ng++] = (gutter){ k0, k, least, least > limit };
        }
    }
    free(bn.cov);
    free(bn.runs);
    free(bn.first);
    free(bn.last);
    free(bn.first_both);
    free(bn.last_both);
    /* Keep a gutter only when both sides have prose (gutter_holds): tables
     * have gaps too, but their cells are short or numbers. */
    int kept = 0;
    for (int i = 0; i < ng && kept < MAX_GUTTERS; i++) {
        gutter *gi = &cand[i];
        double left0 = kept == 0 ? xmin : g[kept - 1].x1;
        /* measured against the page's rest, and against its own width up
         * to the next candidate at least a column's width away (a column
         * beside two others is not long against both) */
        double bound = xmax;
        for (int k = i + 1; k < ng && bound == xmax; k++)
            if (cand[k].x0 - gi->x1 >= 80 && (gi->cover > 0 || cand[k].cover == 0)) /* nearer is inside the column; a gap
                                                                                       rows cross bounds no clean gutter */
                bound = cand[k].x0;
        /* and back to the previous candidate two columns' width away: text
         * on a slide's right half, under a running header across the slide,
         * is measured from where it starts (a glossary's narrow column of
         * terms is not prose) */
        double lbound = left0;
        for (int k = i - 1; k >= 0 && lbound == left0; k--)
            if (gi->x0 - cand[k].x1 >= 160 && cand[k].x1 > left0)
                lbound = cand[k].x1;
        bool holds = false;
        for (int side = 0; side < 2 && !holds; side++) {
            double from = side ? lbound : left0;
            if (side && lbound == left0)
                break;
            holds = gutter_holds(r, n, gi, from, xmax, side, height) ||
                    (bound < xmax && gutter_holds(r, n, gi, from, bound, side, height));
        }
        if (holds)
            g[kept++] = *gi;
    }
    return kept;
}


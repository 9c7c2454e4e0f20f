/* layout.c: reading order from geometry alone. poppler hands over words
 * with boxes; here they become lines, in the order a person reads them:
 * columns are found as vertical gutters that prose lines on both sides
 * respect, full-width lines (headers, wide headings) split the page into
 * bands, and each band is read column by column, top to bottom; each
 * column is read the same way once more, for columns inside it (a box of
 * text beside a column's first lines: a two-level XY cut). Pure C and
 * unit-testable with made-up boxes; it knows nothing of poppler. A gap
 * wider than two ems inside a line becomes a tab: the cells of a table. */
#include "plansok-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GUTTERS 4
#define MAX_CANDIDATES 64

typedef struct gutter {
    double x0, x1;
    int cover; /* rows crossing it */
    bool band; /* ... all of them one run of rows: a band over the columns */
} gutter;

static size_t nchars(const char *s);

typedef struct wref {
    const psi_word *w;
    int col;      /* column, or -1 when the word's row spans a gutter */
    int row;      /* global row */
} wref;

/* Whether a word is a number ("-147", "505", "3,0%"): digits and no
 * letter (ASCII, or Latin-1 and Latin Extended-A: å, ä, ö, é, ø ... have
 * lead bytes 0xC3 to 0xC5). A dash or a bullet is a word of prose. */
static bool
is_number(const char *s)
{
    bool digit = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((unsigned)((c | 0x20) - 'a') < 26u || (c >= 0xC3 && c <= 0xC5))
            return false;
        digit |= c >= '0' && c <= '9';
    }
    return digit;
}

static double
wheight(const psi_word *w)
{
    /* the box's height; the font size when the box is flat; tiny type is
     * tiny, not the 10 pt of a missing size */
    double h = w->y1 - w->y0;
    return h > 0.05 ? h : (w->size > 0.05 ? w->size : 10);
}

static int
cmp_y_then_x(const void *a, const void *b)
{
    const wref *p = a, *q = b;
    double d = p->w->y1 - q->w->y1;
    if (fabs(d) > 0.5)
        return d < 0 ? -1 : 1;
    return p->w->x0 < q->w->x0 ? -1 : p->w->x0 > q->w->x0;
}

static int
cmp_x(const void *a, const void *b)
{
    const wref *p = a, *q = b;
    return p->w->x0 < q->w->x0 ? -1 : p->w->x0 > q->w->x0;
}

static bool
one_size(const wref *r, size_t n)
{
    double lo = 1e9, hi = 0;
    for (size_t i = 0; i < n; i++) {
        double h = wheight(r[i].w);
        lo = fmin(lo, h);
        hi = fmax(hi, h);
    }
    return hi <= lo * 1.15;
}

/* Sorts a row's words left to right when, so sorted, no word overlaps the
 * next: they are one line, whatever their sizes and baselines ("Satsa" set
 * large at the start of a line of small text). Words of two lines merged
 * into one row overlap and keep their order. */
static void
sort_if_one_line(wref *r, size_t n)
{
    qsort(r, n, sizeof *r, cmp_x);
    for (size_t i = 1; i < n; i++)
        if (r[i].w->x0 < r[i - 1].w->x1 - 1) {
            qsort(r, n, sizeof *r, cmp_y_then_x); /* back to baseline order */
            return;
        }
}

/* Groups refs (sorted by baseline) into rows; returns the row count. */
static int
assign_rows(wref *r, size_t n)
{
    /* within 0.45 of the smaller height of the row's first word and this
     * one: a 28 pt heading's baseline 14 pt above a line of 11 pt text is
     * another row */
    int row = -1;
    double base = -1e9, h0 = 0;
    for (size_t i = 0; i < n; i++) {
        if (row < 0 || fabs(r[i].w->y1 - base) > fmin(h0, wheight(r[i].w)) * 0.45) {
            row++;
            base = r[i].w->y1;
            h0 = wheight(r[i].w);
        }
        r[i].row = row;
    }
    return row + 1;
}

/* A word's em: its font size, or its box's height when the size is
 * missing. */
static inline double
em_of(const psi_word *w)
{
    return w->size > 0.05 ? w->size : wheight(w);
}

/* Whether the gap from word a to word b, right of it, is a word space:
 * under 0.8 em of the smaller of the two (a large heading's wide spaces do
 * not reach into a column of small text beside it). */
static inline bool
word_gap(const psi_word *a, const psi_word *b)
{
    return b->x0 - a->x1 < 0.5 * fmin(em_of(a), em_of(b));
}

/* Whether the gap from word a to word b, right of it, parts a table's
 * cells: more than two ems of b. emit_line cuts cells there. */
static inline bool
cell_gap(const psi_word *a, const psi_word *b)
{
    return b->x0 - a->x1 > 2.0 * em_of(b);
}

/* Whether the words r[s..e) of one row, read as a line (word spaces join
 * its words), run across x0..x1. */
static bool
row_across(const wref *r, size_t s, size_t e, double x0, double x1)
{
    const psi_word *last = NULL; /* the chain's rightmost word */
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t k = s; k < e; k++) {
            const psi_word *w = r[k].w;
            if ((w->x0 < x0 - 1 || (last && w->x0 >= last->x1 - 0.5 && word_gap(last, w))) &&
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
        if (a->x0 < x0 - 1 || a->x1 > x1 + 1 || nchars(a->text) <= 2)
            continue;
        for (size_t k = s; k < e; k++) {
            const psi_word *b = r[k].w;
            if (k != i && b->x0 >= a->x1 - 0.5 && b->x1 <= x1 + 1 && (!next || b->x0 < next->x0))
                next = b;
        }
        if (next && cell_gap(a, next))
            return true;
    }
    return false;
}

/* Gutters: x runs covered by almost no row, with prose on both sides. */

/* Whether the candidate gutter gi, with the left side from left0 and the
 * right side up to right1, has prose on both sides: several lines long on
 * both (at least 0.6 of the side's width, of four words that are not
 * numbers), or, when no row crosses it, one side clearly prose and a prose
 * line on the other (a short column). Sides narrower than 80 pt hold no
 * column. A side whose rows mostly have a table cell's gap is a table, not
 * prose (a genomlysning's table of measures has a label and prose in its
 * first row, prose alone in the rest, and stays columns); with alone, the left side starts at left0, and a row with words left of
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
        bool across = false, before = false;
        size_t s = k;
        for (; k < n && r[k].row == row; k++) {
            const psi_word *w = r[k].w;
            before |= w->x1 < left0 - 1;
            if (w->x1 <= gi->x0 + 1 && w->x0 >= left0 - 1) {
                l0 = fmin(l0, w->x0);
                l1 = fmax(l1, w->x1);
                wl += !is_number(w->text);
            } else if (w->x0 >= gi->x1 - 1 && w->x1 <= right1 + 1) {
                r0 = fmin(r0, w->x0);
                r1 = fmax(r1, w->x1);
                wr += !is_number(w->text);
            }
        }
        across = row_across(r, s, k, gi->x0, gi->x1);
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
        bool edge = height > 0 && (r[s].w->y1 < height * 0.08 || r[s].w->y0 > height * 0.92);
        if (across && !edge) {
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

/* Low coverage at bin b: almost no row, or one band of rows above or below
 * the columns (a slide's introduction across both). */
static inline bool
low_cover(const int *cov, const int *runs, int b, int limit, int nrows)
{
    return cov[b] <= limit || (runs[b] == 1 && cov[b] <= nrows / 3);
}

static int
find_gutters(const wref *r, size_t n, int nrows, double width, double height, gutter *g)
{
    if (width < 50 || width > 5000 || nrows < 6)
        return 0;
    int nb = (int)width + 1;
    int *cov = psi_calloc((size_t)nb, sizeof *cov);
    int *last = psi_malloc((size_t)nb * sizeof *last);
    int *runs = psi_calloc((size_t)nb, sizeof *runs); /* runs of consecutive rows over it */
    for (int b = 0; b < nb; b++)
        last[b] = -1;
    double xmin = 1e9, xmax = -1e9;
    for (size_t i = 0; i < n; i++) {
        const psi_word *w = r[i].w;
        xmin = fmin(xmin, w->x0);
        xmax = fmax(xmax, w->x1);
        /* headers, footers and page numbers near the edges do not count */
        if (height > 0 && (w->y1 < height * 0.08 || w->y0 > height * 0.92))
            continue;
        /* a row covers the word spaces between its words too: a line of
         * a band over a narrow gutter leaves no gap where a column's
         * would be */
        double x1 = w->x1;
        for (size_t k = i + 1; k < n && r[k].row == r[i].row; k++)
            if (r[k].w->x0 > w->x1 && word_gap(w, r[k].w))
                x1 = fmax(x1, r[k].w->x0);
        for (size_t k = i; k-- > 0 && r[k].row == r[i].row;)
            if (r[k].w->x0 > w->x1 && word_gap(w, r[k].w))
                x1 = fmax(x1, r[k].w->x0);
        for (int b = (int)fmax(0, w->x0); b < (int)fmin(nb, x1); b++) {
            if (last[b] != r[i].row) { /* count each row once per bin */
                cov[b]++;
                runs[b] += last[b] < 0 || last[b] != r[i].row - 1;
                last[b] = r[i].row;
            }
        }
    }
    int limit = nrows / 25 > 1 ? nrows / 25 : 1;
    int ng = 0;
    int b = (int)fmax(0, xmin + 30);
    int end = (int)fmin(nb, xmax - 30);
    gutter cand[MAX_CANDIDATES];
    while (b < end && ng < MAX_CANDIDATES) {
        if (!low_cover(cov, runs, b, limit, nrows)) {
            b++;
            continue;
        }
        /* within a run of low coverage, each stretch at its lowest
         * coverage is a candidate: a short column next to the gutter must
         * not widen it */
        int s = b, least = cov[b];
        while (b < end && low_cover(cov, runs, b, limit, nrows)) {
            if (cov[b] < least)
                least = cov[b];
            b++;
        }
        for (int k = s; k < b && ng < MAX_CANDIDATES;) {
            if (cov[k] != least) {
                k++;
                continue;
            }
            int k0 = k;
            while (k < b && cov[k] == least)
                k++;
            if (k - k0 >= 7)
                cand[ng++] = (gutter){ k0, k, least, least > limit };
        }
    }
    free(cov);
    free(last);
    free(runs);
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

/* Characters in a word. */
static size_t
nchars(const char *s)
{
    return psi_utf8_chars(s, strlen(s));
}

/* Letter-spaced text ("R E G I O N A L  U T V E C K L I N G", "k l i m at
 * h j ä lta r"): in a run of at least five words of one to three characters,
 * most of them single, a gap no wider than twice the run's usual gap is
 * inside a word. glue[i] is set when word i joins the one before it. */
static void
letter_spacing(const wref *r, size_t count, bool *glue)
{
    size_t i = 0;
    while (i < count) {
        size_t j = i, single = 0;
        while (j < count && nchars(r[j].w->text) <= 3 && (j == i || r[j].w->x0 >= r[j - 1].w->x1 - 0.5)) {
            single += nchars(r[j].w->text) == 1;
            j++;
        }
        if (j - i >= 5 && single * 10 >= (j - i) * 7) {
            double gaps[64];
            size_t ng = 0;
            for (size_t k = i + 1; k < j && ng < 64; k++)
                gaps[ng++] = r[k].w->x0 - r[k - 1].w->x1;
            for (size_t a = 1; a < ng; a++) /* sort: the median is the usual gap */
                for (size_t b = a; b > 0 && gaps[b] < gaps[b - 1]; b--) {
                    double t = gaps[b];
                    gaps[b] = gaps[b - 1];
                    gaps[b - 1] = t;
                }
            double usual = gaps[ng / 2], em = em_of(r[i].w);
            if (usual < 0.35 * em)
                for (size_t k = i + 1; k < j; k++)
                    glue[k] = r[k].w->x0 - r[k - 1].w->x1 <= 2 * fmax(usual, 0.05 * em);
        }
        i = j > i ? j : i + 1;
    }
}

/* The line of words r[0..count), left to right, at out[(*n)++]. */
static void
emit_line(psi_line *out, size_t *n, wref *r, size_t count)
{
    psi_buf b = PSI_BUF_INIT;
    psi_line l = { 0 };
    l.x0 = l.y0 = 1e9;
    l.x1 = l.y1 = -1e9;
    size_t boldchars = 0, chars = 0, ncells = 0;
    double prev_x1 = 0;
    psi_cell *cells = psi_malloc((count ? count : 1) * sizeof *cells);
    bool *glue = psi_calloc(count + 1, sizeof *glue);
    letter_spacing(r, count, glue);
    for (size_t i = 0; i < count; i++) {
        const psi_word *w = r[i].w;
        /* a wide gap is a table column: a tab keeps the cells apart */
        double gap = w->x0 - prev_x1;
        /* ... and so is a gap of more than a word space between two
         * amounts ("-86 822   -90 753": a thousands space is a fifth of an
         * em, the cells' gap more than one) */
        bool amounts = i > 0 && is_number(r[i - 1].w->text) && is_number(w->text);
        bool cell = i == 0 || cell_gap(r[i - 1].w, w) || (amounts && gap > em_of(w) * 0.6);
        if (cell)
            cells[ncells++] = (psi_cell){ w->x0, w->x1 };
        else
            cells[ncells - 1].x1 = fmax(cells[ncells - 1].x1, w->x1);
        if (i > 0 && cell)
            psi_buf_addc(&b, '\t');
        else if (glue[i])
            ; /* a letter of a letter-spaced word */
        else if (i > 0 && !(gap < wheight(w) * 0.08 && w->x0 >= prev_x1 - 0.5))
            psi_buf_addc(&b, ' ');
        psi_buf_adds(&b, w->text);
        prev_x1 = w->x1;
        l.x0 = fmin(l.x0, w->x0);
        l.y0 = fmin(l.y0, w->y0);
        l.x1 = fmax(l.x1, w->x1);
        l.y1 = fmax(l.y1, w->y1);
        if (w->size > l.size)
            l.size = w->size;
        size_t c = strlen(w->text);
        chars += c;
        if (w->bold)
            boldchars += c;
    }
    free(glue);
    l.bold = boldchars * 2 > chars;
    l.text = psi_buf_detach(&b);
    l.cells = cells;
    l.ncells = ncells;
    out[(*n)++] = l;
}

void
psi_line_release(psi_line *l)
{
    free(l->text);
    free(l->cells);
    l->text = NULL;
    l->cells = NULL;
    l->ncells = 0;
}

/* The lines of words r[0..n), row by row: words of one row left to right. */
static void
emit_rows(wref *r, size_t n, psi_line *out, size_t *nout)
{
    qsort(r, n, sizeof *r, cmp_y_then_x);
    assign_rows(r, n);
    size_t s = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i == n || r[i].row != r[s].row) {
            /* a row's words of one size left to right, whatever their
             * baselines (a table's labels may sit a little lower than its
             * figures); words of different sizes too when they do not
             * overlap, else (two lines of small text beside a large
             * title) they stay by baseline */
            if (one_size(r + s, i - s))
                qsort(r + s, i - s, sizeof *r, cmp_x);
            else
                sort_if_one_line(r + s, i - s);
            /* a title beside a figure's small lettering, a cell's gap
             * apart, is a line of its own ("11. Bilagor" set at 28 pt
             * beside a flow chart's 10 pt boxes), not a row of a table */
            size_t from = s;
            for (size_t k = s + 1; k < i; k++) {
                const psi_word *a = r[k - 1].w, *b = r[k].w;
                double big = fmax(em_of(a), em_of(b)), small = fmin(em_of(a), em_of(b));
                if (b->x0 - a->x1 > 2.0 * small && big > 1.8 * small) {
                    emit_line(out, nout, r + from, k - from);
                    from = k;
                }
            }
            emit_line(out, nout, r + from, i - from);
            s = i;
        }
    }
}

/* Which rows span the gutters g[0..ng): a row that reads as one line
 * across a gutter (a word across it, or words a word space apart on its
 * two sides: "riktning för omställning till ett hållbart och …" under a
 * slide's band gutter, "3. Indledning og vision" over two columns), and a
 * running header or footer. Sets each word's column, -1 in a spanning
 * row. */
static bool *
mark_spans(wref *r, size_t n, int nrows, const gutter *g, int ng, double height)
{
    bool *spans = psi_calloc((size_t)nrows, sizeof *spans);
    for (size_t i = 0; i < n; i++) {
        const psi_word *w = r[i].w;
        int col = 0;
        for (int k = 0; k < ng; k++)
            if ((w->x0 + w->x1) / 2 > (g[k].x0 + g[k].x1) / 2)
                col = k + 1;
        r[i].col = col;
    }
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && r[i].row == r[s].row)
            i++;
        for (int k = 0; k < ng; k++)
            spans[r[s].row] |= row_across(r, s, i, g[k].x0, g[k].x1);
    }
    /* a running header or footer in the page's top or bottom 8 % is one
     * line across the columns, read before or after them */
    for (size_t i = 0; i < n; i++) {
        const psi_word *w = r[i].w;
        if (ng && height > 0 && (w->y1 < height * 0.08 || w->y0 > height * 0.92))
            spans[r[i].row] = true;
    }
    for (size_t i = 0; i < n; i++)
        if (spans[r[i].row])
            r[i].col = -1;
    return spans;
}

static bool
uncrossed(const gutter *g)
{
    return g->cover == 0;
}

static bool
unbanded(const gutter *g)
{
    return !g->band;
}

/* Reads the words r[0..n) of a page or of one column of it into lines at
 * out[*nout...], in reading order: bands between spanning lines, each band
 * column by column, top to bottom. A column of the page is read the same
 * way once more, for columns inside it: a sidebar beside a column's text,
 * under an introduction across both (the RUS's page 4). On the page, the
 * gutters no row crosses count first, else those no band of rows crosses;
 * the others are looked for again inside the columns (a heading across
 * the two columns of a slide's left part, beside a text of its own: the
 * RUS's page 11). Returns how many columns it read. */
static int
read_region(wref *r, size_t n, double width, double height, bool inner, psi_line *out, size_t *nout)
{
    qsort(r, n, sizeof *r, cmp_y_then_x);
    int nrows = assign_rows(r, n);
    gutter g[MAX_GUTTERS];
    int ng = find_gutters(r, n, nrows, width, height, g), clean = 0, open = 0;
    for (int k = 0; k < ng; k++) {
        clean += !g[k].band;
        open += g[k].cover == 0;
    }
    /* on the page, the gutters no row crosses first, else those no band
     * crosses: the others are looked for again inside the columns */
    bool (*keep)(const gutter *) = open && open < ng ? uncrossed : clean && clean < ng ? unbanded : NULL;
    if (keep && !inner) {
        int kept = 0;
        for (int k = 0; k < ng; k++)
            if (keep(&g[k]))
                g[kept++] = g[k];
        ng = kept;
    }
    bool *spans = mark_spans(r, n, nrows, g, ng, height);
    wref *sub = psi_malloc((n ? n : 1) * sizeof *sub);
    int columns = ng + 1; /* the most side by side in one band */
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && !spans[r[i].row])
            i++;
        int band = ng + 1;
        for (int col = 0; col <= ng; col++) {
            size_t m = 0;
            for (size_t k = s; k < i; k++)
                if (r[k].col == col)
                    sub[m++] = r[k];
            if (m && ng && !inner)
                band += read_region(sub, m, width, height, true, out, nout) - 1;
            else if (m)
                emit_rows(sub, m, out, nout);
        }
        columns = band > columns ? band : columns;
        if (i < n) { /* the spanning row */
            size_t e = i;
            while (e < n && r[e].row == r[i].row)
                e++;
            memcpy(sub, r + i, (e - i) * sizeof *sub);
            emit_rows(sub, e - i, out, nout);
            i = e;
        }
    }
    free(sub);
    free(spans);
    return columns;
}

void
psi_layout_page(psi_page *pg)
{
    size_t n = pg->nwords;
    pg->columns = 0;
    if (n == 0)
        return;
    pg->lines = psi_malloc(n * sizeof *pg->lines);
    pg->nlines = 0;
    wref *r = psi_malloc(n * sizeof *r);
    bool geometry = false;
    for (size_t i = 0; i < n; i++) {
        r[i] = (wref){ &pg->words[i], 0, 0 };
        geometry |= pg->words[i].x1 > pg->words[i].x0;
    }
    if (geometry) {
        pg->columns = read_region(r, n, pg->width, pg->height, false, pg->lines, &pg->nlines);
        /* one slot per word was room enough; keep what the lines need */
        pg->lines = psi_realloc(pg->lines, (pg->nlines ? pg->nlines : 1) * sizeof *pg->lines);
    }
    else {
        /* no boxes: keep poppler's order as one line */
        emit_line(pg->lines, &pg->nlines, r, n);
        pg->columns = 1;
    }
    free(r);
}

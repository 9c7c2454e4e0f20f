/* layout.c: reading order from geometry alone. poppler hands over words
 * with boxes; here they become lines, in the order a person reads them:
 * columns are found as vertical gutters that prose lines on both sides
 * respect, full-width lines (headers, wide headings) split the page into
 * bands, and each band is read column by column, top to bottom; each
 * column is read the same way once more, for columns inside it (a box of
 * text beside a column's first lines: a two-level XY cut). Before that, a
 * page or a column is cut where white runs across all of it, and parts
 * whose columns differ are read one after the other (read_blocks). Pure C and
 * unit-testable with made-up boxes; it knows nothing of poppler. A gap
 * wider than two ems inside a line becomes a tab: the cells of a table. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

bool
psi_is_number(const char *s, size_t n)
{
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((unsigned)((c | 0x20) - 'a') < 26u || (c >= 0xC3 && c <= 0xC5))
            return false;
        digit |= c >= '0' && c <= '9';
    }
    return digit;
}

double
psi_word_height(const psi_word *w)
{
    double h = w->y1 - w->y0;
    return h > 0.05 ? h : (w->size > 0.05 ? w->size : 10);
}

size_t
psi_word_chars(const char *s)
{
    return psi_utf8_chars(s, strlen(s));
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
        double h = psi_word_height(r[i].w);
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
        if (row < 0 || fabs(r[i].w->y1 - base) > fmin(h0, psi_word_height(r[i].w)) * 0.45) {
            row++;
            base = r[i].w->y1;
            h0 = psi_word_height(r[i].w);
        }
        r[i].row = row;
    }
    return row + 1;
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
        while (j < count && psi_word_chars(r[j].w->text) <= 3 && (j == i || r[j].w->x0 >= r[j - 1].w->x1 - 0.5)) {
            single += psi_word_chars(r[j].w->text) == 1;
            j++;
        }
        if (j - i >= 5 && single * 10 >= (j - i) * 7) {
            double gaps[64];
            size_t ng = 0;
            for (size_t k = i + 1; k < j && ng < 64; k++)
                gaps[ng++] = r[k].w->x0 - r[k - 1].w->x1;
            double usual = psi_median(gaps, ng), em = psi_word_em(r[i].w);
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
    /* the line's usual word space, to tell a label's first figure from a
     * wide-spaced line's next word */
    double gaps[64], usual = 0;
    size_t ng = 0;
    for (size_t i = 1; i < count && ng < 64; i++)
        gaps[ng++] = r[i].w->x0 - r[i - 1].w->x1;
    if (ng)
        usual = psi_median(gaps, ng);
    for (size_t i = 0; i < count; i++) {
        const psi_word *w = r[i].w;
        /* a wide gap is a table column: a tab keeps the cells apart */
        double gap = w->x0 - prev_x1;
        /* ... and so is a gap of more than a word space between two
         * amounts ("-86 822   -90 753": a thousands space is a fifth of an
         * em, the cells' gap more than one) */
        bool number = psi_is_number(w->text, strlen(w->text));
        bool amounts = i > 0 && psi_is_number(r[i - 1].w->text, strlen(r[i - 1].w->text)) && number;
        /* ... and between a label and its first figure, a gap of one and a
         * half em and three of the line's word spaces ("kommunala   74,2":
         * 1.9 em where the label's words are 0.6 em apart; not "inom 3
         * år," on a line justified to 1.75 em spaces) */
        bool first_figure = i > 0 && number && !amounts && psi_has_letter(r[i - 1].w->text) &&
                            gap > psi_word_em(w) * 1.5 && gap > 3 * usual;
        bool cell = i == 0 || psi_cell_gap(r[i - 1].w, w) || (amounts && gap > psi_word_em(w) * 0.6) || first_figure;
        if (cell)
            cells[ncells++] = (psi_cell){ w->x0, w->x1 };
        else
            cells[ncells - 1].x1 = fmax(cells[ncells - 1].x1, w->x1);
        if (i > 0 && cell)
            psi_buf_addc(&b, '\t');
        else if (glue[i])
            ; /* a letter of a letter-spaced word */
        else if (i > 0 && !(gap < psi_word_height(w) * 0.08 && w->x0 >= prev_x1 - 0.5))
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

/* The line of a row's words r[0..count), left to right; a title beside a
 * figure's small lettering, a cell's gap apart, is a line of its own
 * ("11. Bilagor" set at 28 pt beside a flow chart's 10 pt boxes), not a
 * row of a table. */
static void
emit_row(psi_line *out, size_t *nout, wref *r, size_t count)
{
    size_t from = 0;
    for (size_t k = 1; k < count; k++) {
        const psi_word *a = r[k - 1].w, *b = r[k].w;
        double big = fmax(psi_word_em(a), psi_word_em(b)), small = fmin(psi_word_em(a), psi_word_em(b));
        if (b->x0 - a->x1 > 2.0 * small && big > 1.8 * small) {
            emit_line(out, nout, r + from, k - from);
            from = k;
        }
    }
    emit_line(out, nout, r + from, count - from);
}

/* Sorts words r[0..n) into rows, each left to right; returns where each
 * row starts (nrows + 1 of them, the last n), to be freed. */
static size_t *
sort_rows(wref *r, size_t n, int *nrows_out)
{
    qsort(r, n, sizeof *r, cmp_y_then_x);
    int nrows = assign_rows(r, n);
    size_t *starts = psi_malloc(((size_t)nrows + 1) * sizeof *starts);
    int k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || r[i].row != r[i - 1].row)
            starts[k++] = i;
    starts[k] = n;
    for (k = 0; k < nrows; k++) {
        size_t s = starts[k], e = starts[k + 1];
        /* a row's words of one size left to right, whatever their
         * baselines (a table's labels may sit a little lower than its
         * figures); words of different sizes too when they do not
         * overlap, else (two lines of small text beside a large title)
         * they stay by baseline */
        if (one_size(r + s, e - s))
            qsort(r + s, e - s, sizeof *r, cmp_x);
        else
            sort_if_one_line(r + s, e - s);
    }
    *nrows_out = nrows;
    return starts;
}

/* The lines of words r[0..n), row by row: words of one row left to right;
 * a table whose cells hold prose cell by cell (tablerows.c). */
static void
emit_rows(wref *r, size_t n, psi_line *out, size_t *nout)
{
    int nrows;
    size_t *starts = sort_rows(r, n, &nrows);
    psi_piece *pc = psi_malloc((n ? n : 1) * sizeof *pc);
    size_t np = psi_table_pieces(r, starts, nrows, pc);
    for (size_t i = 0; i < np; i++) {
        size_t before = *nout;
        if (pc[i].part == PSI_PART_NONE)
            emit_row(out, nout, r + pc[i].from, pc[i].to - pc[i].from);
        else
            emit_line(out, nout, r + pc[i].from, pc[i].to - pc[i].from);
        out[before].part = pc[i].part;
    }
    free(pc);
    free(starts);
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
            spans[r[s].row] |= psi_row_across(r, s, i, g[k].x0, g[k].x1);
    }
    /* a running header or footer in the page's top or bottom 8 % is one
     * line across the columns, read before or after them */
    for (size_t i = 0; i < n; i++) {
        const psi_word *w = r[i].w;
        if (ng && psi_word_at_edge(w, height))
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

static int read_region(wref *r, size_t n, double width, double height, bool inner, const gutter *pre, int npre,
                       psi_line *out, size_t *nout);

static int
cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return p < q ? -1 : p > q;
}

double
psi_median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* Where the first block of r[0..n) (sorted, in rows) ends: at the first
 * row with white above it across the whole region taller than BLOCK_GAP
 * of the region's usual em (the median). Blocks are read one after the
 * other, each with its own columns: the RUS's page 11 sets two columns of
 * introduction over a 2x2 grid of priorities, whose gutters do not line
 * up, and was read down its columns through both. The white between the
 * paragraphs, headings and figures of one column is narrower. */
#define BLOCK_GAP 5.0
static size_t
block_end(const wref *r, size_t n, double em)
{
    double bottom = r[0].w->y1;
    for (size_t i = 1; i < n;) {
        size_t s = i;
        double top = 1e9;
        while (i < n && r[i].row == r[s].row)
            top = fmin(top, r[i++].w->y0);
        if (top - bottom > BLOCK_GAP * em)
            return s;
        for (size_t k = s; k < i; k++)
            bottom = fmax(bottom, r[k].w->y1);
    }
    return n;
}

typedef struct block {
    size_t s, e; /* words r[s..e) */
    int ng;      /* its gutters g[0..ng) */
    gutter g[MAX_GUTTERS];
    bool found;  /* g are the gutters of these words (not of a block joined
                  * to others, nor of a region that is one block) */
} block;

/* Whether blocks a and b have the same columns: as many gutters, each
 * over the other's. */
static bool
same_columns(const block *a, const block *b)
{
    if (a->ng != b->ng)
        return false;
    for (int k = 0; k < a->ng; k++)
        if (a->g[k].x1 < b->g[k].x0 || b->g[k].x1 < a->g[k].x0)
            return false;
    return true;
}

/* Reads r[0..n) block by block (block_end), each with read_region's
 * columns; blocks in a row with the same columns are read as one (two
 * columns of text with white across both at one height, a grid of boxes
 * row under row). Returns the most columns a block has. */
static int
read_blocks(wref *r, size_t n, double width, double height, bool inner, psi_line *out, size_t *nout)
{
    if (n == 0)
        return 1;
    qsort(r, n, sizeof *r, cmp_y_then_x);
    assign_rows(r, n);
    double *em = psi_malloc(n * sizeof *em);
    for (size_t i = 0; i < n; i++)
        em[i] = psi_word_em(r[i].w);
    double usual = psi_median(em, n);
    free(em);
    block *b = NULL;
    size_t nb = 0, cap = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + block_end(r + s, n - s, usual);
        if (nb == cap) {
            cap = cap ? 2 * cap : 8;
            b = psi_realloc(b, cap * sizeof *b);
        }
        b[nb] = (block){ .s = s, .e = e, .found = e - s < n };
        b[nb].ng = b[nb].found ? psi_find_gutters(r + s, e - s, assign_rows(r + s, e - s), width, height, b[nb].g) : 0;
        if (nb && (same_columns(&b[nb - 1], &b[nb]) || (!inner && (!b[nb - 1].ng || !b[nb].ng)))) {
            /* joined, with the columns of the part that has them (a
             * running header over a page's first columns has none) */
            if (!b[nb - 1].ng) {
                memcpy(b[nb - 1].g, b[nb].g, sizeof b[nb].g);
                b[nb - 1].ng = b[nb].ng;
            }
            b[nb - 1].e = e;
            b[nb - 1].found = false;
        }
        else
            nb++;
        s = e;
    }
    int columns = 1;
    for (size_t i = 0; i < nb; i++) {
        int c = read_region(r + b[i].s, b[i].e - b[i].s, width, height, inner, b[i].g, b[i].found ? b[i].ng : -1, out,
                            nout);
        columns = c > columns ? c : columns;
    }
    free(b);
    return columns;
}

/* Reads the words r[0..n) of a page or of one column of it (a block of
 * read_blocks) into lines at out[*nout...], in reading order: bands between spanning lines, each band
 * column by column, top to bottom. A column of the page is read the same
 * way once more, for columns inside it: a sidebar beside a column's text,
 * under an introduction across both (the RUS's page 4). On the page, the
 * gutters no row crosses count first, else those no band of rows crosses;
 * the others are looked for again inside the columns (a heading across
 * the two columns of a slide's left part, beside a text of its own: the
 * RUS's page 11). pre[0..npre) are the region's gutters when the caller
 * found them (a block's), else npre is -1. Returns how many columns it
 * read. */
static int
read_region(wref *r, size_t n, double width, double height, bool inner, const gutter *pre, int npre,
            psi_line *out, size_t *nout)
{
    /* sorted again: the order by baseline within half a point is no total
     * order, and a block's words by it are not those of its page */
    qsort(r, n, sizeof *r, cmp_y_then_x);
    int nrows = assign_rows(r, n);
    gutter g[MAX_GUTTERS];
    int ng = npre >= 0 ? npre : psi_find_gutters(r, n, nrows, width, height, g), clean = 0, open = 0;
    if (npre > 0)
        memcpy(g, pre, (size_t)npre * sizeof *g);
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
    if (ng && !inner) {
        /* a gutter through a table whose cells hold prose is none: the
         * table is read by its rows (a table of measures whose labels
         * wrap beside their years and comments) */
        wref *t = psi_malloc(n * sizeof *t);
        memcpy(t, r, n * sizeof *t);
        int trows;
        size_t *starts = sort_rows(t, n, &trows);
        psi_piece *pc = psi_malloc(n * sizeof *pc);
        size_t np = psi_table_pieces(t, starts, trows, pc);
        int kept = 0;
        for (int k = 0; k < ng; k++)
            if (!psi_table_across(t, n, pc, np, g[k].x0, g[k].x1))
                g[kept++] = g[k];
        ng = kept;
        free(pc);
        free(starts);
        free(t);
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
                band += read_blocks(sub, m, width, height, true, out, nout) - 1;
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

/* A coordinate within +-1e7 points (a page is at most 14,400 points
 * across; the unit tests' tall pages run to a million); NaN is 0. */
static double
in_reach(double v)
{
    return isnan(v) ? 0 : fmax(-1e7, fmin(1e7, v));
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
        psi_word *w = &pg->words[i];
        /* a malformed PDF's box may be NaN, infinite or far off the page:
         * held within a page's reach, it is a box layout can sort */
        w->x0 = in_reach(w->x0);
        w->x1 = in_reach(w->x1);
        w->y0 = in_reach(w->y0);
        w->y1 = in_reach(w->y1);
        r[i] = (wref){ w, 0, 0 };
        geometry |= w->x1 > w->x0;
    }
    if (geometry) {
        pg->columns = read_blocks(r, n, pg->width, pg->height, false, pg->lines, &pg->nlines);
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

/* tableedges.c: where a table's columns begin, for tablerows.c. A column
 * edge is an x where three rows or more start a cell (a cell's left edge;
 * edges 6 pt apart are one, 13 pt where only numbers start, a column of
 * figures set centred), or centre one at the same x (a grid of boxes whose
 * text is centred: the RUS's four priorities, two by two), and a run of
 * rows leaves room: no word crosses it and no gap under an em spans it. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#define EDGE_MERGE 6.0     /* points: edges closer than this are one column's */
#define FIGURES_MERGE 13.0 /* ... and closer than this when numbers start there */
#define CENTRE_SLACK 2.0   /* points: how far a centred cell's middle may stray */
#define MAX_CLUSTERS 32    /* places where cells start (or are centred) tried as edges */
#define CENTRED_WORDS 3    /* words of a centred column's longest line, at least: a box's
                            * text, not a diagram's labels ("Rådgivning", "Knyta samman") */

/* Whether row ri leaves no room for a cell's edge at x: a word crosses
 * it, or the words on its two sides are less than an em apart (the spaces
 * of prose, a justified line's wide ones too, which by chance start words
 * at one x now and then; a cell's gap is wider). */
static bool
crosses(const wref *r, const rowinfo *ri, double x)
{
    for (size_t i = ri->s; i < ri->e; i++) {
        const psi_word *w = r[i].w;
        if (w->x0 < x - EDGE_SLACK && w->x1 > x + EDGE_SLACK)
            return true;
        if (i > ri->s && w->x0 >= x - EDGE_SLACK && r[i - 1].w->x0 < x - EDGE_SLACK)
            return w->x0 - r[i - 1].w->x1 < psi_word_em(w);
    }
    return false;
}

/* The end of the cell of row ri that starts at word s: the words up to
 * the next cell's gap. */
static size_t
cell_end(const wref *r, const rowinfo *ri, size_t s)
{
    size_t e = s + 1;
    while (e < ri->e && !psi_cell_gap(r[e - 1].w, r[e].w))
        e++;
    return e;
}

/* The middle of the cell r[s..e). */
static double
middle(const wref *r, size_t s, size_t e)
{
    return (r[s].w->x0 + r[e - 1].w->x1) / 2;
}

/* Whether row ri starts a word at x, or, for an edge of centred cells
 * (centre not NAN), has a cell centred there that starts at x or right of
 * it. */
static bool
cell_at(const wref *r, const rowinfo *ri, double x, double centre)
{
    if (isnan(centre)) {
        for (size_t i = ri->s; i < ri->e; i++)
            if (fabs(r[i].w->x0 - x) <= EDGE_SLACK)
                return true;
        return false;
    }
    for (size_t s = ri->s; s < ri->e;) {
        size_t e = cell_end(r, ri, s);
        if (r[s].w->x0 >= x - EDGE_SLACK && fabs(middle(r, s, e) - centre) <= CENTRE_SLACK)
            return true;
        s = e;
    }
    return false;
}

/* Whether the words that start at x are all numbers ("90–140", "1 154"). */
static bool
figures_at(const wref *r, const rowinfo *rows, int nrows, double x)
{
    for (int k = 0; k < nrows; k++)
        for (size_t i = rows[k].s; i < rows[k].e; i++)
            if (fabs(r[i].w->x0 - x) <= EDGE_SLACK && !psi_is_number(r[i].w->text, strlen(r[i].w->text)))
                return false;
    return true;
}

typedef struct cluster {
    double x;      /* where the cells start (the first of them, when centred) */
    double centre; /* where they are centred, NAN when they start at x */
    size_t count;
} cluster;

static int
cmp_count_desc(const void *a, const void *b)
{
    const cluster *p = a, *q = b;
    return p->count < q->count ? 1 : p->count > q->count ? -1 : (p->x > q->x) - (p->x < q->x);
}

static int
cmp_x(const void *a, const void *b)
{
    const cluster *p = a, *q = b;
    return (p->x > q->x) - (p->x < q->x);
}

typedef struct cellpos {
    double x0, mid;
    size_t words;
} cellpos;

static int
cmp_x0(const void *a, const void *b)
{
    const cellpos *p = a, *q = b;
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int
cmp_mid(const void *a, const void *b)
{
    const cellpos *p = a, *q = b;
    return (p->mid > q->mid) - (p->mid < q->mid);
}

/* Places where cells start, c[0..nc) sorted by x0, in clusters within
 * EDGE_SLACK, right of the region's left edge, into cl; and places where
 * they are centred, sorted by their middles, within CENTRE_SLACK, where
 * their starts differ (else they start at one x too) and a line holds
 * CENTRED_WORDS words. Returns how many. */
static size_t
clusters(cellpos *c, size_t nc, double left, cluster *cl)
{
    size_t ncl = 0;
    qsort(c, nc, sizeof *c, cmp_x0);
    for (size_t i = 0; i < nc;) {
        size_t j = i;
        while (j < nc && c[j].x0 - c[i].x0 <= EDGE_SLACK)
            j++;
        if (c[(i + j) / 2].x0 > left + EDGE_SLACK)
            cl[ncl++] = (cluster){ c[(i + j) / 2].x0, NAN, j - i };
        i = j;
    }
    qsort(c, nc, sizeof *c, cmp_mid);
    for (size_t i = 0; i < nc;) {
        size_t j = i, words = 0;
        double x0 = c[i].x0, x1 = c[i].x0;
        while (j < nc && c[j].mid - c[i].mid <= CENTRE_SLACK) {
            x0 = fmin(x0, c[j].x0);
            x1 = fmax(x1, c[j].x0);
            words = c[j].words > words ? c[j].words : words;
            j++;
        }
        if (j - i >= 3 && x1 - x0 > EDGE_SLACK && x0 > left + EDGE_SLACK && words >= CENTRED_WORDS)
            cl[ncl++] = (cluster){ x0, c[(i + j) / 2].mid, j - i };
        i = j;
    }
    return ncl;
}

/* Candidate edges: the left edges of cells (a row's first word, a word
 * after a cell's gap) where three rows or more start one, or their middles
 * where three rows or more centre one, right of the region's left edge.
 * Only the MAX_CLUSTERS places where most cells start are tried: a page of
 * scattered words costs no more. Returns how many, at most MAX_EDGES, in x
 * order. */
static int
find_edges(const wref *r, const rowinfo *rows, int nrows, edge *e)
{
    size_t n = rows[nrows - 1].e, nc = 0;
    double left = 1e9;
    cellpos *c = psi_malloc((n ? n : 1) * sizeof *c);
    for (int k = 0; k < nrows; k++) {
        for (size_t i = rows[k].s; i < rows[k].e; i++)
            left = fmin(left, r[i].w->x0);
        for (size_t i = rows[k].s; i < rows[k].e;) {
            size_t end = cell_end(r, &rows[k], i);
            c[nc++] = (cellpos){ r[i].w->x0, middle(r, i, end), end - i };
            i = end;
        }
    }
    cluster *cl = psi_malloc((2 * nc + 1) * sizeof *cl);
    size_t ncl = clusters(c, nc, left, cl);
    free(c);
    qsort(cl, ncl, sizeof *cl, cmp_count_desc);
    if (ncl > MAX_CLUSTERS)
        ncl = MAX_CLUSTERS;
    cluster found[MAX_CLUSTERS];
    size_t nf = 0;
    for (size_t i = 0; i < ncl; i++) {
        int rows_at = 0;
        for (int k = 0; k < nrows && rows_at < 3; k++)
            rows_at += rows[k].sorted && cell_at(r, &rows[k], cl[i].x, cl[i].centre);
        if (rows_at >= 3)
            found[nf++] = cl[i];
    }
    free(cl);
    qsort(found, nf, sizeof *found, cmp_x);
    /* a cell's lines indented a little are one column: the leftmost edge
     * holds them all; so are a column's figures set centred or flush right
     * ("90–140" under "140–200"), a little further apart */
    int ne = 0;
    for (size_t i = 0; i < nf && ne < MAX_EDGES; i++) {
        double gap = ne ? found[i].x - e[ne - 1].x : 1e9;
        if (gap >= EDGE_MERGE && !(gap < FIGURES_MERGE && figures_at(r, rows, nrows, found[i].x)))
            e[ne++] = (edge){ found[i].x, found[i].centre, NULL, NULL, NULL };
    }
    return ne;
}

/* Whether row ri has words left of x and at it or right of it. */
static bool
both_sides(const wref *r, const rowinfo *ri, double x)
{
    return ri->e > ri->s && r[ri->s].w->x0 < x - EDGE_SLACK && r[ri->e - 1].w->x0 >= x - EDGE_SLACK;
}

/* The runs of rows that leave room for edge e, start (or centre) a cell
 * at it in three rows or more and have words on both its sides in two
 * rows or more: from[k] and to[k] bound row k's run, -1 outside one. */
static void
edge_runs(const wref *r, const rowinfo *rows, int nrows, edge *e)
{
    for (int k = 0; k < nrows;) {
        if (!rows[k].sorted || crosses(r, &rows[k], e->x)) {
            e->from[k] = e->to[k] = -1;
            k++;
            continue;
        }
        int s = k, at = 0, both = 0;
        while (k < nrows && rows[k].sorted && !crosses(r, &rows[k], e->x)) {
            both += both_sides(r, &rows[k], e->x);
            at += cell_at(r, &rows[k++], e->x, e->centre);
        }
        bool table = at >= 3 && both >= 2;
        for (int j = s; j < k; j++) {
            e->from[j] = table ? s : -1;
            e->to[j] = table ? k : -1;
        }
    }
    int next = nrows;
    for (int k = nrows - 1; k >= 0; k--) {
        e->next[k] = next;
        if (e->from[k] == k)
            next = k;
    }
}

int
psi_table_edges(const wref *r, const rowinfo *rows, int nrows, edge *e)
{
    int ne = nrows >= 3 ? find_edges(r, rows, nrows, e) : 0;
    for (int j = 0; j < ne; j++) {
        e[j].from = psi_malloc((size_t)nrows * sizeof(int));
        e[j].to = psi_malloc((size_t)nrows * sizeof(int));
        e[j].next = psi_malloc((size_t)nrows * sizeof(int));
        edge_runs(r, rows, nrows, &e[j]);
    }
    return ne;
}

void
psi_table_edges_free(edge *e, int ne)
{
    for (int j = 0; j < ne; j++) {
        free(e[j].from);
        free(e[j].to);
        free(e[j].next);
    }
}

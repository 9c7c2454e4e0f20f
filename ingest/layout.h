/* layout.h: what the reading-order files of ingest/ share (layout.c reads
 * regions into lines, gutters.c finds the gutters between columns,
 * tablerows.c reads tables whose cells hold prose): a word as layout sees
 * it, a gutter, a line's piece, and the facts of words they judge by.
 * Private to those three files. */
#ifndef PLANSOK_INGEST_LAYOUT_H
#define PLANSOK_INGEST_LAYOUT_H

#include "plansok-private.h"

#include <math.h>

#define MAX_GUTTERS 4

typedef struct gutter {
    double x0, x1;
    int cover; /* rows crossing it */
    bool band; /* ... all of them a band over or under the columns (gutters.c) */
} gutter;

typedef struct wref {
    const psi_word *w;
    int col; /* column, or -1 when the word's row spans a gutter */
    int row; /* global row */
} wref;

/* Whether text[0..n) is a number ("-147", "1 049", "3,0%"): digits and no
 * letter (ASCII, or Latin-1 and Latin Extended-A: å, ä, ö, é, ø ... have
 * lead bytes 0xC3 to 0xC5). A dash or a bullet is a word of prose. */
bool psi_is_number(const char *text, size_t n);
/* Characters in a word. */
size_t psi_word_chars(const char *s);
/* The box's height; the font size when the box is flat; tiny type is
 * tiny, not the 10 pt of a missing size. */
double psi_word_height(const psi_word *w);

/* A word's em: its font size, or its box's height when the size is
 * missing. */
static inline double
psi_word_em(const psi_word *w)
{
    return w->size > 0.05 ? w->size : psi_word_height(w);
}

/* Whether the gap from word a to word b, right of it, is a word space:
 * under half an em of the smaller of the two (a large heading's wide
 * spaces do not reach into a column of small text beside it). Of the gaps
 * between words of a row in the real plans, 93 % are under half an em and
 * 3.6 % between half an em and 0.8 (a justified line's wide spaces, taken
 * for a gap here, which matters only where one lies over a gutter); the
 * rest part cells and columns. */
static inline bool
psi_word_gap(const psi_word *a, const psi_word *b)
{
    return b->x0 - a->x1 < 0.5 * fmin(psi_word_em(a), psi_word_em(b));
}

/* Whether the gap from word a to word b, right of it, parts a table's
 * cells: more than two ems of b. Lines get a tab there. */
static inline bool
psi_cell_gap(const psi_word *a, const psi_word *b)
{
    return b->x0 - a->x1 > 2.0 * psi_word_em(b);
}

/* Whether a word lies in the top or bottom 8 % of a page of the given
 * height: a running header, a footer or a page number, read apart. */
static inline bool
psi_word_at_edge(const psi_word *w, double height)
{
    return height > 0 && (w->y1 < height * 0.08 || w->y0 > height * 0.92);
}

/* gutters.c: whether the words r[s..e) of one row, read as a line (word
 * spaces join its words), run across x0..x1; and the gutters of the words
 * r[0..n) (sorted by row, nrows rows) of a page or region of the given
 * width and height, into g (at most MAX_GUTTERS), left to right. */
bool psi_row_across(const wref *r, size_t s, size_t e, double x0, double x1);
int psi_find_gutters(const wref *r, size_t n, int nrows, double width, double height, gutter *g);

/* tableedges.c, tablerows.c: a table's rows and column edges. */
#define MAX_EDGES 8
#define EDGE_SLACK 1.5 /* points: how far a cell's left edge may stray */

typedef struct rowinfo {
    size_t s, e;     /* words r[s..e) */
    double y0;       /* the top of the row's box */
    bool sorted;     /* its words left to right without overlap: each
                      * column's words are a run of them */
} rowinfo;

typedef struct edge {
    double x;       /* where its column's cells start, at the latest */
    double centre;  /* where they are centred, NAN when they start at x */
    int *from, *to; /* per row, the run of rows that leave room for it, or -1 */
    int *next;      /* per row, the first row after it that starts a run */
} edge;

/* tableedges.c: the column edges of the rows[0..nrows) of words r, left to
 * right, into e (at most MAX_EDGES), each with its runs of rows; returns
 * how many. psi_table_edges_free frees the runs of e[0..ne). */
int psi_table_edges(const wref *r, const rowinfo *rows, int nrows, edge *e);
void psi_table_edges_free(edge *e, int ne);
/* layout.c: the median of v[0..n), which it sorts; 0 when n is 0. */
double psi_median(double *v, size_t n);

/* tablerows.c: one output line of a region, words r[from..to): a whole
 * row (part PSI_PART_NONE), or a row's part in one cell of a table whose
 * cells hold prose. */
typedef struct psi_piece {
    size_t from, to;
    psi_cellpart part;
    int col, columns; /* a cell's line: its column, of how many */
} psi_piece;

/* tablerows.c: the lines of the rows of a region, row k the words
 * r[starts[k]..starts[k+1]) left to right, into out (room for one per
 * word): the rows as they are, but a table whose cells hold prose a cell
 * at a time. Returns how many. */
size_t psi_table_pieces(const wref *r, const size_t *starts, int nrows, psi_piece *out);
/* tablerows.c: whether the gap x0..x1 between a page's columns runs through
 * a table of three columns or more whose rows are read by cells, rows with
 * cells on both its sides, three of them on the row's first line, holding
 * half the words or more, one of its columns of short cells in two rows of
 * three (a table of measures whose label column a gutter would read apart
 * from its years, statuses and comments; not a slide's columns of text set
 * on one grid); pc[0..np) are psi_table_pieces' pieces of the n words r. */
bool psi_table_across(const wref *r, size_t n, const psi_piece *pc, size_t np, double x0, double x1);

#endif

/* tables.c: where a table's cells hold prose. layout.c reads a table row by
 * row, a row one line with its cells apart (a tab between them), which
 * keeps a budget's rows whole; but where a cell's text wraps over several
 * lines (a genomlysning's table of measures: Område | Beskrivning | Möjlig
 * effektivisering), each line of a row holds a piece of every cell, and a
 * sentence of one cell is cut by the others. Here such a table is found in
 * the lines layout.c made (their cells' places): its columns' left edges.
 * layout.c then reads its rows cell by cell from the words. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#define EDGE_SLACK 4.0 /* points: cells of one column start within this */

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The left edges of the table's columns: the starts of cells in lines of
 * two cells or more, where at least three such lines have one. */
static int
column_edges(const psi_line *l, size_t n, double *edge)
{
    size_t nx = 0, cap = 0;
    for (size_t i = 0; i < n; i++)
        cap += l[i].ncells >= 2 ? l[i].ncells : 0;
    double *xs = psi_malloc((cap ? cap : 1) * sizeof *xs);
    for (size_t i = 0; i < n; i++)
        if (l[i].ncells >= 2)
            for (size_t c = 0; c < l[i].ncells; c++)
                xs[nx++] = l[i].cells[c].x0;
    qsort(xs, nx, sizeof *xs, cmp_double);
    int ne = 0;
    for (size_t a = 0; a < nx && ne < PSI_TABLE_COLS;) {
        size_t b = a;
        while (b + 1 < nx && xs[b + 1] - xs[a] <= EDGE_SLACK)
            b++;
        if (b - a + 1 >= 3)
            edge[ne++] = xs[a];
        a = b + 1;
    }
    free(xs);
    return ne;
}

int
psi_table_column(const psi_table *t, double x)
{
    int k = 0;
    while (k + 1 < t->ncols && x >= t->edge[k + 1] - EDGE_SLACK)
        k++;
    return k;
}

bool
psi_table_edges(const psi_line *lines, size_t n, psi_table *t)
{
    t->ncols = column_edges(lines, n, t->edge);
    return t->ncols >= 2;
}

bool
psi_table_prose(const psi_line *lines, size_t a, size_t z, const psi_table *t)
{
    size_t cells = 0, amounts = 0, multi = 0;
    int run[PSI_TABLE_COLS] = { 0 };
    bool wraps = false;
    for (size_t i = a; i < z; i++) {
        const psi_line *l = &lines[i];
        bool in[PSI_TABLE_COLS] = { false };
        const char *s = l->text;
        for (size_t c = 0; c < (l->ncells ? l->ncells : 1); c++) {
            size_t len = strcspn(s, "\t");
            cells++;
            amounts += psi_is_number(s, len);
            in[psi_table_column(t, l->ncells ? l->cells[c].x0 : l->x0)] = true;
            s += len + (s[len] == '\t');
        }
        multi += l->ncells >= 2;
        for (int c = 1; c < t->ncols; c++) { /* a later column's cell over two lines */
            run[c] = in[c] ? run[c] + 1 : 0;
            wraps |= run[c] >= 2;
        }
    }
    return multi >= 2 && wraps && amounts * 5 < cells;
}

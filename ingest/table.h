/* table.h: what budget.c (tables of a label and amounts, row by row) and
 * columns.c (their columns and the headings that name them) share: a
 * table as budget.c gathers it, and a column. Private to those two files. */
#ifndef PLANSOK_INGEST_TABLE_H
#define PLANSOK_INGEST_TABLE_H

#include "plansok-private.h"

typedef struct psi_column {
    double x0, x1;
    psi_buf name;
} psi_column;

typedef struct psi_table {
    psi_tline *header;   /* header lines, top down */
    size_t nheader;
    char *caption;   /* the line above: "Ram 2027", "Resultatbudget samt eget kapital" */
    char *section;   /* the last title-like line above it on its page
                        ("Investeringsbudget" over a paragraph), or NULL */
    psi_tline *rows;     /* PSI_L_ROW and PSI_L_AMOUNTS lines, with labels made whole */
    char **labels;
    size_t nrows;
} psi_table;

/* The columns of tb, left to right, named by its header lines: where the
 * amounts stand, when the lines have their places from layout.c (*placed),
 * else one per heading in order. Where a heading's words lie comes from
 * pg's words (may be NULL); words (the document's, may be NULL) join a
 * heading's lines. stub receives the headings over the labels ("(tkr)",
 * "Belopp i tkr"), and *stub_side whether a line of them is the headings
 * of the label's cells, side by side ("Verksamhet      Åtgärd");
 * *above is the table's title: a header line that is one
 * ("Driftsprognos"), else tb->caption. *ncols is the count; release with
 * psi_columns_free. */
psi_column *psi_table_columns(const psi_table *tb, const psi_page *pg, const psi_wordset *words, size_t *ncols,
                              bool *placed, psi_buf *stub, bool *stub_side, const char **above);
void psi_columns_free(psi_column *c, size_t n);
/* The column a cell at [x0, x1] belongs to: the one it overlaps most, else
 * the nearest right edge; -1 left of every column (for a heading, also
 * when it ends well before the first column's figures). */
long psi_column_at(const psi_column *c, size_t n, double x0, double x1, bool header);

#endif

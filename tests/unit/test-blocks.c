/* test-blocks.c: parts of a page with columns of their own (ingest/layout.c's
 * blocks), bands of rows across a gutter above its columns (gutters.c),
 * and grids of boxes whose text is centred (ingest/tableedges.c), on pages
 * of words made here, in the style of the RUS's pages 11 and 32. */
#include "pages.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

#define WORD 40.0 /* a word's width here; words are 4 pt apart */

/* A line of k words named PREFIX0, PREFIX1 … from x, at y, their names
 * kept in names[*nn…]; returns the new count. */
static size_t
line(psi_word *all, size_t n, char (*names)[12], size_t *nn, const char *prefix, int k, double x, double y)
{
    for (int i = 0; i < k; i++) {
        snprintf(names[*nn], sizeof names[*nn], "%s%d", prefix, i);
        all[n++] = w(names[(*nn)++], x + i * (WORD + 4), y, WORD);
    }
    return n;
}

/* A line of the words t[0..k) centred at c, at y. */
static size_t
centred(psi_word *all, size_t n, const char *const *t, int k, double c, double y)
{
    double x = c - (k * (WORD + 4) - 4) / 2;
    for (int i = 0; i < k; i++)
        all[n++] = w(t[i], x + i * (WORD + 4), y, WORD);
    return n;
}

/* The index of the line whose text is s, or -1. */
static int
find(const psi_page *pg, const char *s)
{
    for (size_t i = 0; i < pg->nlines; i++)
        if (strcmp(pg->lines[i].text, s) == 0)
            return (int)i;
    return -1;
}

/* Whether line a is followed by line b. */
static bool
follows(const psi_page *pg, const char *a, const char *b)
{
    int i = find(pg, a), j = find(pg, b);
    if (i < 0 || j != i + 1)
        fprintf(stderr, "# '%s' at %d, '%s' at %d\n", a, i, b, j);
    return i >= 0 && j == i + 1;
}

/* A grid of four boxes, two by two, centred at c1 and c2, from y: a title
 * of two words and a subtitle of three words and two, the second line
 * going on in lower case. */
static size_t
boxes(psi_word *all, size_t n, double c1, double c2, double y)
{
    static const char *const t[4][7] = {
        { "Stärka", "kraften", "–", "för", "ett", "näringsliv", "framåt" },
        { "Bygga", "kompetens", "–", "för", "bättre", "lärande", "livet" },
        { "Öka", "inkluderingen", "–", "för", "tillit", "och", "samhörighet" },
        { "Knyta", "samman", "–", "för", "hållbar", "och", "tillgänglighet" },
    };
    for (int row = 0; row < 2; row++) {
        double top = y + row * 120;
        for (int col = 0; col < 2; col++) {
            const char *const *b = t[row * 2 + col];
            double c = col ? c2 : c1;
            n = centred(all, n, b, 2, c, top);
            n = centred(all, n, b + 2, 3, c, top + 15);
            n = centred(all, n, b + 5, 2, c, top + 28);
        }
    }
    return n;
}

static void
test_introduction_over_boxes(void)
{
    /* A slide's left part: two columns of introduction, six lines each,
     * then white, then a grid of boxes whose gutter lies over the
     * introduction's but not in line with it; on the right, a column of
     * prose at the top and a diagram's scattered words below it. */
    static char names[200][12];
    size_t nn = 0, n = 0;
    psi_word all[300];
    for (int i = 0; i < 6; i++) {
        n = line(all, n, names, &nn, i == 5 ? "Aend" : "a", 6, 60, 100 + i * 13);
        n = line(all, n, names, &nn, i == 0 ? "Bstart" : "b", 6, 360, 100 + i * 13);
        n = line(all, n, names, &nn, "c", 6, 760, 100 + i * 13);
    }
    n = boxes(all, n, 186, 388, 300);
    all[n++] = w("ENSKILD", 780, 330, 50);
    all[n++] = w("SAMVERKAN", 960, 330, 60);
    all[n++] = w("KORTSIKTIGT", 860, 440, 60);
    psi_page pg = laid_out(all, n, 1100, 700);
    /* the introduction's first column, then its second */
    CHECK(follows(&pg, "Aend0 Aend1 Aend2 Aend3 Aend4 Aend5", "Bstart0 Bstart1 Bstart2 Bstart3 Bstart4 Bstart5"));
    /* box by box: a box's title, its subtitle, then the next box */
    CHECK(follows(&pg, "Stärka kraften", "– för ett"));
    CHECK(follows(&pg, "näringsliv framåt", "Bygga kompetens"));
    CHECK(follows(&pg, "lärande livet", "Öka inkluderingen"));
    CHECK(follows(&pg, "och samhörighet", "Knyta samman"));
    /* the diagram's words are no cells of the boxes' rows */
    for (size_t i = 0; i < pg.nlines; i++)
        if (strstr(pg.lines[i].text, "ENSKILD") || strstr(pg.lines[i].text, "KORTSIKTIGT"))
            CHECK(!strstr(pg.lines[i].text, "Stärka") && !strstr(pg.lines[i].text, "Öka"));
    page_release(&pg);
}

static void
test_white_across_columns(void)
{
    /* Two columns of text with white across both at one height (a
     * figure's room in each, set level): each column is still read whole,
     * not the tops of both, then the bottoms. */
    static char names[200][12];
    size_t nn = 0, n = 0;
    psi_word all[200];
    for (int i = 0; i < 16; i++) {
        double y = 100 + i * 13 + (i >= 8 ? 90 : 0);
        char l[8], r[8]; /* "L12_" */
        snprintf(l, sizeof l, "L%d_", i);
        snprintf(r, sizeof r, "R%d_", i);
        n = line(all, n, names, &nn, l, 5, 60, y);
        n = line(all, n, names, &nn, r, 5, 320, y);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 2);
    CHECK(follows(&pg, "L7_0 L7_1 L7_2 L7_3 L7_4", "L8_0 L8_1 L8_2 L8_3 L8_4"));
    CHECK(follows(&pg, "L15_0 L15_1 L15_2 L15_3 L15_4", "R0_0 R0_1 R0_2 R0_3 R0_4"));
    page_release(&pg);
}

static void
test_centred_labels_keep_rows(void)
{
    /* A diagram's labels centred in a grid, a word or two a line (the
     * RUS's page 5, a process chart's boxes): no table's column edge, for
     * a box's text has a line of three words or more; the rows stay. */
    psi_word all[40];
    size_t n = 0;
    static const char *const t[4][2] = {
        { "Stärka", "innovation" }, { "Bygga", "kompetens" }, { "Öka", "inkludering" }, { "Knyta", "samman" }
    };
    for (int row = 0; row < 2; row++)
        for (int col = 0; col < 2; col++) {
            const char *const *b = t[row * 2 + col];
            double c = col ? 400 : 200, top = 300 + row * 120;
            for (int k = 0; k < 2; k++) { /* each word as wide as its letters */
                double width = 7.0 * (double)strlen(b[k]);
                all[n++] = w(b[k], c - width / 2, top + k * 15, width);
            }
        }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 4 && !strcmp(pg.lines[0].text, "Stärka\tBygga"));
    page_release(&pg);
}

static void
test_band_with_a_gap(void)
{
    /* The RUS's page 32: a heading over two lines, the first across the
     * gutter of the two columns under it, the second on the left only,
     * then an introduction across the gutter, then the columns. The rows
     * across lie above the columns, though not in one run: a band, and
     * each column reads whole. */
    static char names[300][12];
    size_t nn = 0, n = 0;
    psi_word all[300];
    n = line(all, n, names, &nn, "H", 8, 60, 60);
    n = line(all, n, names, &nn, "G", 3, 60, 80);
    for (int i = 0; i < 4; i++)
        n = line(all, n, names, &nn, i == 0 ? "I" : "i", 11, 60, 105 + i * 13);
    for (int i = 0; i < 10; i++) {
        char l[8], r[8];
        snprintf(l, sizeof l, "L%d_", i);
        snprintf(r, sizeof r, "R%d_", i);
        n = line(all, n, names, &nn, l, 5, 60, 175 + i * 13);
        n = line(all, n, names, &nn, r, 5, 320, 175 + i * 13);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(follows(&pg, "L0_0 L0_1 L0_2 L0_3 L0_4", "L1_0 L1_1 L1_2 L1_3 L1_4"));
    CHECK(follows(&pg, "L9_0 L9_1 L9_2 L9_3 L9_4", "R0_0 R0_1 R0_2 R0_3 R0_4"));
    page_release(&pg);
    /* ... and upside down: the rows across below the columns */
    for (size_t i = 0; i < n; i++) {
        double y0 = 500 - all[i].y1;
        all[i].y1 = 500 - all[i].y0;
        all[i].y0 = y0;
    }
    pg = laid_out(all, n, 595, 842);
    CHECK(follows(&pg, "L9_0 L9_1 L9_2 L9_3 L9_4", "L8_0 L8_1 L8_2 L8_3 L8_4"));
    CHECK(follows(&pg, "L0_0 L0_1 L0_2 L0_3 L0_4", "R9_0 R9_1 R9_2 R9_3 R9_4"));
    page_release(&pg);
}

static void
test_blocks_under_a_header(void)
{
    /* A running header far above the text, two columns of introduction,
     * white, then three columns: the header's part has no columns and
     * joins the introduction's, which is read before the three columns,
     * each column whole. */
    static char names[400][12];
    size_t nn = 0, n = 0;
    psi_word all[400];
    n = line(all, n, names, &nn, "H", 6, 60, 20);
    for (int i = 0; i < 8; i++) {
        char a[8], b[8];
        snprintf(a, sizeof a, "A%d_", i);
        snprintf(b, sizeof b, "B%d_", i);
        n = line(all, n, names, &nn, a, 5, 60, 100 + i * 13);
        n = line(all, n, names, &nn, b, 5, 320, 100 + i * 13);
    }
    for (int i = 0; i < 8; i++) {
        char c[3][8];
        for (int k = 0; k < 3; k++) {
            snprintf(c[k], sizeof c[k], "%c%d_", 'C' + k, i);
            n = line(all, n, names, &nn, c[k], 4, 60 + k * 210, 320 + i * 13);
        }
    }
    psi_page pg = laid_out(all, n, 700, 842);
    CHECK(follows(&pg, "A7_0 A7_1 A7_2 A7_3 A7_4", "B0_0 B0_1 B0_2 B0_3 B0_4"));
    CHECK(follows(&pg, "B7_0 B7_1 B7_2 B7_3 B7_4", "C0_0 C0_1 C0_2 C0_3"));
    CHECK(follows(&pg, "C7_0 C7_1 C7_2 C7_3", "D0_0 D0_1 D0_2 D0_3"));
    page_release(&pg);
}

int
main(void)
{
    test_introduction_over_boxes();
    test_white_across_columns();
    test_band_with_a_gap();
    test_blocks_under_a_header();
    test_centred_labels_keep_rows();
    return tap_done();
}

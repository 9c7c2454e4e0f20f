/* pages.h: pages of words made by hand, through layout.c, for the unit
 * tests of reading order (test-layout.c, test-regions.c, test-tablerows.c). */
#ifndef PLANSOK_TEST_PAGES_H
#define PLANSOK_TEST_PAGES_H

#include "plansok-private.h"

#include <stdlib.h>

/* A word of 10 pt text from x, width wide, on the line at y. */
static inline psi_word
w(const char *t, double x, double y, double width)
{
    psi_word r = { 0 };
    r.text = (char *)t;
    r.x0 = x;
    r.x1 = x + width;
    r.y0 = y;
    r.y1 = y + 10;
    r.size = 10;
    return r;
}

/* Words of a line: each word 50 pt wide, 4 pt apart, from x; returns the
 * new count. */
static inline size_t
words_at(psi_word *all, size_t n, const char *const *t, size_t k, double x, double y)
{
    for (size_t i = 0; i < k; i++)
        all[n++] = w(t[i], x + (double)i * 54, y, 50);
    return n;
}

/* A page of the given words, through layout.c. */
static inline psi_page
laid_out(psi_word *words, size_t n, double width, double height)
{
    psi_page pg = { 0 };
    pg.words = words;
    pg.nwords = n;
    pg.width = width;
    pg.height = height;
    psi_layout_page(&pg);
    return pg;
}

static inline void
page_release(psi_page *pg)
{
    for (size_t i = 0; i < pg->nlines; i++)
        psi_line_release(&pg->lines[i]);
    free(pg->lines);
}

/* Frees what psi_build_passages made. */
static inline void
passages_release(psi_passages *out)
{
    for (size_t i = 0; i < out->n; i++) {
        free(out->v[i].heading);
        free(out->v[i].text);
        free(out->v[i].terms);
    }
    for (size_t i = 0; i < out->noutline; i++)
        free(out->outline[i].text);
    free(out->v);
    free(out->outline);
}

#endif

/* dump-lines.c: the lines layout.c makes of a PDF's pages, with their box,
 * size and weight; table cells (tabs) shown as " | ". A tool for working
 * on reading order and tables, not a test.
 *
 *   dump-lines [--words] FILE.pdf [PAGE]   (PAGE 1-based; all pages without it)
 *
 * --words prints the words pdf.c hands to layout.c instead, in poppler's
 * order, with their boxes. */
#include "plansok-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
    bool words = argc > 1 && !strcmp(argv[1], "--words");
    if (words) {
        argv++;
        argc--;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: dump-lines [--words] FILE.pdf [PAGE]\n");
        return 2;
    }
    int only = argc > 2 ? atoi(argv[2]) : 0;
    psi_pdflib *lib;
    ps_error err = PS_ERROR_INIT;
    if (psi_pdflib_open(&lib, &err) != PS_OK) {
        fprintf(stderr, "dump-lines: %s\n", err.msg);
        return 2;
    }
    psi_pdf pdf;
    if (psi_pdf_read(lib, argv[1], &pdf, &err) != PS_OK) {
        fprintf(stderr, "dump-lines: %s: %s\n", argv[1], err.msg);
        psi_pdflib_free(lib);
        return 2;
    }
    for (int p = 0; p < pdf.npages; p++) {
        if (only && p + 1 != only)
            continue;
        psi_page *pg = &pdf.pages[p];
        if (words) {
            printf("=== page %d words\n", p + 1);
            for (size_t i = 0; i < pg->nwords; i++)
                printf("%6.1f %6.1f %6.1f %6.1f %4.1f  %s\n", pg->words[i].x0, pg->words[i].y0, pg->words[i].x1,
                       pg->words[i].y1, pg->words[i].size, pg->words[i].text);
            continue;
        }
        psi_layout_page(pg);
        printf("=== page %d (%.0f x %.0f, %d columns)\n", p + 1, pg->width, pg->height, pg->columns);
        for (size_t i = 0; i < pg->nlines; i++) {
            const psi_line *l = &pg->lines[i];
            printf("%6.1f %6.1f %6.1f %5.1f%s  ", l->x0, l->y0, l->x1, l->size, l->bold ? "b" : " ");
            for (const char *c = l->text ? l->text : ""; *c; c++)
                if (*c == '\t')
                    fputs(" | ", stdout);
                else
                    putchar(*c);
            putchar('\n');
        }
    }
    psi_pdf_release(&pdf);
    psi_pdflib_free(lib);
    return 0;
}

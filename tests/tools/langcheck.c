/* langcheck: the language of a text file and its garbled pages, for
 * tests/tools/langcheck.sh (a measurement, not part of 'make check').
 * Pages are separated by form feeds, as pdftotext writes them.
 *   langcheck [-v] FILE.txt...   prints: lang garbled/pages file
 * -v also prints each garbled page's number and first characters. */
#include "plansok-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    int rc = 0;
    for (int a = 1 + verbose; a < argc; a++) {
        char *text = psi_slurp(argv[a]);
        if (!text) {
            fprintf(stderr, "langcheck: cannot read '%s'\n", argv[a]);
            rc = 1;
            continue;
        }
        size_t len = strlen(text);
        psi_lang l = psi_lang_detect(text, len);
        int pages = 0, garbled = 0;
        psi_buf list = PSI_BUF_INIT;
        for (char *p = text; p < text + len;) {
            char *ff = memchr(p, '\f', (size_t)(text + len - p));
            size_t n = ff ? (size_t)(ff - p) : (size_t)(text + len - p);
            pages++;
            if (psi_text_garbled(p, n)) {
                garbled++;
                psi_buf_addf(&list, "    page %d: %.60s\n", pages, p);
            }
            p += n + 1;
        }
        printf("%-3s %3d/%-3d %s\n", l ? psi_lang_code(l) : "?", garbled, pages, argv[a]);
        if (verbose)
            fputs(psi_buf_str(&list), stdout);
        psi_buf_release(&list);
        free(text);
    }
    return rc;
}

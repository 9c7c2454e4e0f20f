/* extract-dump.c: what ingest makes of PDFs, as the record a worker sends
 * (core/record.c), less what belongs to the file rather than to its
 * reading (path, size, mtime) and the reader's stamp. Two builds that read
 * the same PDFs alike print the same bytes; t105-extract-version compares
 * a hash of it with tests/data/extract-fingerprint.tsv, so that a change to
 * what ingest makes bumps PS_EXTRACT_VERSION.
 *
 *   extract-dump FILE.pdf...     one "file" line and the record per file
 *   extract-dump --version       PS_EXTRACT_VERSION */
#include "plansok-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dropped[] = { "path", "size", "mtime", "mtime_ns", "reader", NULL };

/* Prints the lines of rec but those whose key is dropped. */
static void
print_kept(const char *rec, size_t len)
{
    const char *p = rec, *end = rec + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        const char *tab = memchr(p, '\t', n);
        bool keep = true;
        for (int k = 0; tab && dropped[k]; k++)
            if ((size_t)(tab - p) == strlen(dropped[k]) && !memcmp(p, dropped[k], strlen(dropped[k])))
                keep = false;
        if (keep)
            fwrite(p, 1, n, stdout);
        p += n;
    }
}

int
main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--version")) {
        printf("%d\n", PS_EXTRACT_VERSION);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: extract-dump FILE.pdf... | --version\n");
        return 2;
    }
    ps_extractor *ex = NULL;
    ps_error err = PS_ERROR_INIT;
    if (ps_extractor_new(NULL, &ex, &err) != PS_OK) {
        fprintf(stderr, "extract-dump: %s\n", err.msg);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *base = strrchr(argv[i], '/');
        printf("file\t%s\n", base ? base + 1 : argv[i]);
        ps_doc *doc = NULL;
        char *rec = NULL;
        size_t len = 0;
        err = (ps_error)PS_ERROR_INIT;
        ps_status st = ps_extractor_run(ex, argv[i], &doc, &err);
        if (st == PS_OK)
            st = ps_doc_serialize(doc, &rec, &len, &err);
        if (st == PS_OK)
            print_kept(rec, len);
        else
            printf("error\t%d\n", (int)st); /* not its message: it may name the path */
        free(rec);
        ps_doc_free(doc);
    }
    ps_extractor_free(ex);
    return fflush(stdout) == 0 ? 0 : 2;
}

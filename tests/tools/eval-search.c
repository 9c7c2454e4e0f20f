/* eval-search.c: recall and precision of plansok's search on the analyst
 * queries of tests/data/queries.tsv, next to a baseline of plain Xapian
 * Swedish stemming (PS_INDEX_PLAIN) built from the same passages in the
 * same run.
 *
 *   eval-search [--min-recall R] [--max-precision-drop D] [--show] QUERIES.TSV CORPUSDIR WORKDIR
 *
 * Recall: expected pages found among the top 50 passages. Precision: the
 * share of returned pages that are expected. Both are averaged per query
 * kind and over all queries. With the options, exits 1 when plansok's
 * overall recall is below R or its precision more than D below the
 * baseline's (make check uses this as a floor). */
#include "plansok.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP 50
#define MAXQ 200
#define MAXK 16

typedef struct query {
    char kind[32];
    char text[256];
    char **pages; /* "file:page" */
    size_t npages;
} query;

static char *
xstrdup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    strcpy(d, s);
    return d;
}

static int
contains(char **v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], s))
            return 1;
    return 0;
}

/* Runs q and fills its recall and precision against the expected pages. */
static int
measure(ps_index *ix, const query *q, double *recall, double *precision)
{
    ps_query_opts o = PS_QUERY_OPTS_INIT;
    o.limit = TOP;
    ps_hits *h;
    ps_error err = PS_ERROR_INIT;
    if (ps_search(ix, q->text, &o, &h, &err) != PS_OK) {
        fprintf(stderr, "eval-search: '%s': %s\n", q->text, err.msg);
        return -1;
    }
    char **got = calloc(h->n + 1, sizeof *got);
    size_t ngot = 0;
    for (size_t i = 0; i < h->n; i++) {
        char key[600];
        snprintf(key, sizeof key, "%s:%d", h->hits[i].file, h->hits[i].page + 1);
        if (!contains(got, ngot, key))
            got[ngot++] = xstrdup(key);
    }
    size_t found = 0, right = 0;
    for (size_t i = 0; i < q->npages; i++)
        found += contains(got, ngot, q->pages[i]);
    for (size_t i = 0; i < ngot; i++)
        right += contains(q->pages, q->npages, got[i]);
    *recall = q->npages ? (double)found / q->npages : 1;
    *precision = ngot ? (double)right / ngot : (q->npages ? 0 : 1);
    for (size_t i = 0; i < ngot; i++)
        free(got[i]);
    free(got);
    ps_hits_free(h);
    return 0;
}

int
main(int argc, char **argv)
{
    double min_recall = -1, max_drop = -1;
    int show = 0;
    const char *args[3];
    int na = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--min-recall") && i + 1 < argc)
            min_recall = atof(argv[++i]);
        else if (!strcmp(argv[i], "--max-precision-drop") && i + 1 < argc)
            max_drop = atof(argv[++i]);
        else if (!strcmp(argv[i], "--show"))
            show = 1;
        else if (na < 3)
            args[na++] = argv[i];
    }
    if (na != 3) {
        fprintf(stderr, "usage: eval-search [--min-recall R] [--max-precision-drop D] [--show] QUERIES.TSV CORPUSDIR WORKDIR\n");
        return 2;
    }
    /* the queries */
    FILE *f = fopen(args[0], "r");
    if (!f) {
        perror(args[0]);
        return 2;
    }
    static query qs[MAXQ];
    size_t nq = 0;
    char line[8192];
    while (fgets(line, sizeof line, f) && nq < MAXQ) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *kind = strtok(line, "\t"), *text = strtok(NULL, "\t"), *pages = strtok(NULL, "\t");
        if (!kind || !text || !pages) {
            fprintf(stderr, "%s: bad line\n", args[0]);
            return 2;
        }
        query *q = &qs[nq++];
        snprintf(q->kind, sizeof q->kind, "%.31s", kind);
        snprintf(q->text, sizeof q->text, "%.255s", text);
        q->pages = NULL;
        q->npages = 0;
        for (char *p = strtok(pages, " "); p; p = strtok(NULL, " ")) {
            q->pages = realloc(q->pages, (q->npages + 1) * sizeof *q->pages);
            q->pages[q->npages++] = xstrdup(p);
        }
    }
    fclose(f);

    /* two indexes from the same passages: plansok's and the plain one */
    char full[1024], plain[1024];
    snprintf(full, sizeof full, "%s/full", args[2]);
    snprintf(plain, sizeof plain, "%s/plain", args[2]);
    ps_error err = PS_ERROR_INIT;
    ps_index *wf, *wp;
    ps_extractor *ex;
    if (ps_extractor_new(NULL, &ex, &err) || ps_index_open(full, PS_INDEX_WRITE, &wf, &err) ||
        ps_index_open(plain, PS_INDEX_WRITE | PS_INDEX_PLAIN, &wp, &err)) {
        fprintf(stderr, "eval-search: %s\n", err.msg);
        return 2;
    }
    static const char *files[] = { "rfjl_vp_budget_2014.pdf", "vp2013_webb.pdf", "kallelse_styrelsen_110915.pdf",
                                   "Storsthlm-Verksamhetsplan-och-budget-2018.pdf", "kfvn-vp-2013.pdf" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", args[1], files[i]);
        ps_doc *doc;
        if (ps_extractor_run(ex, path, &doc, &err) || ps_index_add_doc(wf, doc, &err) ||
            ps_index_add_doc(wp, doc, &err)) {
            fprintf(stderr, "eval-search: %s: %s\n", path, err.msg);
            return 2;
        }
        ps_doc_free(doc);
    }
    ps_index_close(wf);
    ps_index_close(wp);
    ps_extractor_free(ex);
    ps_index *rf, *rp;
    if (ps_index_open(full, PS_INDEX_READ, &rf, &err) || ps_index_open(plain, PS_INDEX_READ | PS_INDEX_PLAIN, &rp, &err)) {
        fprintf(stderr, "eval-search: %s\n", err.msg);
        return 2;
    }

    /* per kind: sums of recall and precision for plansok (0) and baseline (1) */
    char kinds[MAXK][32];
    int nk = 0, count[MAXK] = { 0 };
    double sum[MAXK][2][2] = { { { 0 } } }, all[2][2] = { { 0 } };
    for (size_t i = 0; i < nq; i++) {
        int k = 0;
        while (k < nk && strcmp(kinds[k], qs[i].kind))
            k++;
        if (k == nk && nk < MAXK)
            snprintf(kinds[nk++], sizeof kinds[0], "%.31s", qs[i].kind);
        double r[2], p[2];
        if (measure(rf, &qs[i], &r[0], &p[0]) || measure(rp, &qs[i], &r[1], &p[1]))
            return 2;
        if (show)
            printf("# %-10s %-40s plansok R %.2f P %.2f   baseline R %.2f P %.2f\n", qs[i].kind, qs[i].text, r[0], p[0],
                   r[1], p[1]);
        count[k]++;
        for (int s = 0; s < 2; s++) {
            sum[k][s][0] += r[s];
            sum[k][s][1] += p[s];
            all[s][0] += r[s];
            all[s][1] += p[s];
        }
    }
    printf("%-11s %7s %14s %14s %14s %14s\n", "kind", "queries", "recall", "precision", "base recall",
           "base precision");
    for (int k = 0; k < nk; k++)
        printf("%-11s %7d %14.3f %14.3f %14.3f %14.3f\n", kinds[k], count[k], sum[k][0][0] / count[k],
               sum[k][0][1] / count[k], sum[k][1][0] / count[k], sum[k][1][1] / count[k]);
    double R = all[0][0] / nq, P = all[0][1] / nq, BR = all[1][0] / nq, BP = all[1][1] / nq;
    printf("%-11s %7zu %14.3f %14.3f %14.3f %14.3f\n", "overall", nq, R, P, BR, BP);
    ps_index_close(rf);
    ps_index_close(rp);
    int fail = 0;
    if (min_recall >= 0 && R < min_recall) {
        printf("overall recall %.3f is below %.3f\n", R, min_recall);
        fail = 1;
    }
    if (max_drop >= 0 && P < BP - max_drop) {
        printf("overall precision %.3f is more than %.3f below the baseline's %.3f\n", P, max_drop, BP);
        fail = 1;
    }
    return fail;
}

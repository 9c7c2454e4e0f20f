/* eval-sections.c: precision and recall of the section tagger against
 * tests/data/sections.tsv (passages labelled by reading the documents).
 *
 *   eval-sections [--rules FILE] [--min P] [--show-errors] [--explain] [--contains] SECTIONS.TSV DIR
 *
 * Each labelled row names a file, a physical page and the first bytes of a
 * passage; rows are matched to the tagger's passages in order. With
 * --contains (the labels of real documents, tests/tools/real-passages.py)
 * the bytes are a key looked for, spaces folded, inside the passages
 * (their own heading and text) of that page and then of any page: a label
 * survives changes to where passages begin and end. A passage counts once:
 * when several labels fall in it, with the kind most of them have (the
 * first one's on a tie). Prints a
 * table per kind; with --min, exits 1 when precision or recall of mal,
 * insatser or budget is below P (make check uses this as a floor).
 * --explain (implies --show-errors) prints under each error its heading path
 * and the points each sentence or opening rule gave it, by rules-file line:
 * a tool for writing rules, so it uses the library's private tagger. */
#include "plansok-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    char file[256];
    int page;
    int kind;
    char prefix[128];
    int matched;
    size_t at; /* --contains: the passage it fell in */
} row;

/* text with each run of white space one space, trimmed; the caller frees */
static char *
fold(const char *text)
{
    char *out = malloc(strlen(text) + 1), *w = out;
    for (const char *r = text; *r; r++) {
        bool sp = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
        if (sp && (w == out || w[-1] == ' '))
            continue;
        *w++ = sp ? ' ' : *r;
    }
    while (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    return out;
}

static int
prefix_of(const char *text, char *out, size_t cap)
{
    size_t n = strlen(text);
    if (n > 50) {
        n = 50;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(out, text, n);
    out[n] = '\0';
    for (char *c = out; *c; c++)
        if (*c == '\t' || *c == '\n')
            *c = ' ';
    return (int)n;
}

/* One tagger per sentence/opening rule line of the rules text, so that the
 * points of each line can be shown apart. */
typedef struct one_rule {
    int line;
    char text[120];
    psi_tagger *t;
} one_rule;

static one_rule *
split_rules(const char *rules, size_t *count)
{
    one_rule *v = NULL;
    size_t n = 0, cap = 0;
    int lineno = 0;
    const char *p = rules;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[2048];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), p);
        p += len + (nl ? 1 : 0);
        lineno++;
        char kind[32], where[32];
        int w;
        if (sscanf(line, "%31s %31s %d", kind, where, &w) != 3 || ps_section_parse(kind) < 0 ||
            (strcmp(where, "sentence") && strcmp(where, "opening")))
            continue;
        char one[2100];
        snprintf(one, sizeof one, "set sentence-threshold 1\n%s\n", line);
        psi_tagger *t;
        ps_error err = PS_ERROR_INIT;
        if (psi_tagger_new(one, "rules", &t, &err) != PS_OK)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            v = realloc(v, cap * sizeof *v);
        }
        v[n].line = lineno;
        snprintf(v[n].text, sizeof v[n].text, "%.*s", (int)sizeof v[n].text - 1, line);
        v[n].t = t;
        n++;
    }
    *count = n;
    return v;
}

/* A key is a labelled passage's first 60 bytes; a shorter one was the whole
 * passage (a fragment: "2027", "§ 111"), and labels only a passage that is
 * still all of it, not any longer passage that happens to hold it. */
#define KEY_WHOLE 50

static int
key_in(const char *key, const char *both, const char *text)
{
    if (strlen(key) < KEY_WHOLE)
        return !strcmp(key, both) || !strcmp(key, text);
    return strstr(both, key) != NULL;
}

static void
explain(const ps_passage *p, const one_rule *rules, size_t nrules)
{
    printf("    heading: %s\n", p->heading && *p->heading ? p->heading : "(none)");
    int total[PS_SECTION_COUNT] = { 0 };
    for (size_t i = 0; i < nrules; i++) {
        int sc[PS_SECTION_COUNT];
        psi_tagger_sentences(rules[i].t, p->text, sc);
        for (int k = 0; k < PS_SECTION_COUNT; k++)
            if (sc[k]) {
                total[k] += sc[k];
                printf("    %+3d %-8s line %3d: %.70s\n", sc[k], ps_section_name((ps_section)k), rules[i].line,
                       rules[i].text);
            }
    }
    printf("    points: mal %d, insatser %d, budget %d, other %d; %zu bytes\n", total[PS_SECTION_MAL],
           total[PS_SECTION_INSATSER], total[PS_SECTION_BUDGET], total[PS_SECTION_OTHER], strlen(p->text));
}

int
main(int argc, char **argv)
{
    const char *rules = NULL, *tsv = NULL, *dir = NULL;
    double min = -1;
    int show = 0, expl = 0, contains = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rules") && i + 1 < argc)
            rules = argv[++i];
        else if (!strcmp(argv[i], "--min") && i + 1 < argc)
            min = atof(argv[++i]);
        else if (!strcmp(argv[i], "--show-errors"))
            show = 1;
        else if (!strcmp(argv[i], "--explain"))
            show = expl = 1;
        else if (!strcmp(argv[i], "--contains"))
            contains = 1;
        else if (!tsv)
            tsv = argv[i];
        else
            dir = argv[i];
    }
    if (!tsv || !dir) {
        fprintf(stderr, "usage: eval-sections [--rules FILE] [--min P] [--show-errors] [--explain] [--contains] SECTIONS.TSV DIR\n");
        return 2;
    }
    FILE *f = fopen(tsv, "r");
    if (!f) {
        perror(tsv);
        return 2;
    }
    row *rows = NULL;
    size_t n = 0, cap = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *file = strtok(line, "\t"), *page = strtok(NULL, "\t"), *kind = strtok(NULL, "\t");
        char *pre = strtok(NULL, "\t"); /* real labels add anchors after a tab */
        if (!file || !page || !kind || !pre || ps_section_parse(kind) < 0) {
            fprintf(stderr, "%s: bad row\n", tsv);
            return 2;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            rows = realloc(rows, cap * sizeof *rows);
        }
        row *r = &rows[n++];
        snprintf(r->file, sizeof r->file, "%s", file);
        r->page = atoi(page);
        r->kind = ps_section_parse(kind);
        snprintf(r->prefix, sizeof r->prefix, "%s", pre);
        r->matched = 0;
    }
    fclose(f);

    ps_extract_opts xo = PS_EXTRACT_OPTS_INIT;
    xo.rules_file = rules;
    ps_extractor *ex;
    ps_error err = PS_ERROR_INIT;
    if (ps_extractor_new(&xo, &ex, &err) != PS_OK) {
        fprintf(stderr, "eval-sections: %s\n", err.msg);
        return 2;
    }
    one_rule *one = NULL;
    size_t none = 0;
    if (expl) {
        char *text = rules ? psi_slurp(rules) : NULL;
        if (rules && !text) {
            perror(rules);
            return 2;
        }
        one = split_rules(text ? text : psi_default_rules, &none);
        free(text);
    }
    /* confusion[gold][predicted] */
    int conf[PS_SECTION_COUNT][PS_SECTION_COUNT] = { { 0 } };
    int missing = 0, joined = 0, mixed = 0; /* passages with several labels, of several kinds */
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !strcmp(rows[i].file, rows[i - 1].file))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, rows[i].file);
        ps_doc *doc;
        if (ps_extractor_run(ex, path, &doc, &err) != PS_OK) {
            fprintf(stderr, "eval-sections: %s: %s\n", path, err.msg);
            return 2;
        }
        size_t np = ps_doc_passage_count(doc);
        char **folded = NULL, **whole = NULL;
        if (contains) {
            folded = calloc(np + 1, sizeof *folded);
            whole = calloc(np + 1, sizeof *whole);
            for (size_t k = 0; k < np; k++) {
                /* the passage's own heading and its text: a line that moves
                 * from one to the other keeps its label */
                const ps_passage *p = ps_doc_passage(doc, k);
                const char *h = p->heading ? p->heading : "", *last = strrchr(h, '>');
                last = last ? last + 1 : h;
                char *both = malloc(strlen(last) + strlen(p->text) + 2);
                sprintf(both, "%s %s", last, p->text);
                folded[k] = fold(both);
                whole[k] = fold(p->text);
                free(both);
            }
            /* the key's page first, then any page */
            for (int pass = 0; pass < 2; pass++)
                for (size_t j = i; j < n && !strcmp(rows[j].file, rows[i].file); j++)
                    for (size_t k = 0; k < np && !rows[j].matched; k++) {
                        const ps_passage *p = ps_doc_passage(doc, k);
                        if ((pass == 1 || rows[j].page == p->page + 1) && key_in(rows[j].prefix, folded[k], whole[k])) {
                            rows[j].matched = 1;
                            rows[j].at = k;
                        }
                    }
            /* One passage, one label: a passage that now holds several
             * labelled passages (a change to extraction joined them) takes
             * the kind most of them had, the first one's on a tie, as the
             * guideline settles a mixed passage (rule 7) */
            for (size_t k = 0; k < np; k++) {
                int votes[PS_SECTION_COUNT] = { 0 }, first = -1, labels = 0;
                size_t first_row = 0;
                for (size_t j = i; j < n && !strcmp(rows[j].file, rows[i].file); j++)
                    if (rows[j].matched && rows[j].at == k) {
                        votes[rows[j].kind]++;
                        labels++;
                        if (first < 0) {
                            first = rows[j].kind;
                            first_row = j;
                        }
                    }
                if (first < 0)
                    continue;
                int kind = first, kinds = 0;
                for (int c = 0; c < PS_SECTION_COUNT; c++) {
                    kinds += votes[c] > 0;
                    if (votes[c] > votes[kind])
                        kind = c;
                }
                joined += labels > 1;
                mixed += kinds > 1;
                const ps_passage *p = ps_doc_passage(doc, k);
                conf[kind][p->section]++;
                if (show && kind != (int)p->section)
                    printf("# %s p%d: labelled %s%s, tagged %s: %s\n", rows[first_row].file, rows[first_row].page,
                           ps_section_name((ps_section)kind), labels > 1 ? " (by most of its labels)" : "",
                           ps_section_name(p->section), rows[first_row].prefix);
                if (expl && kind != (int)p->section)
                    explain(p, one, none);
            }
            for (size_t k = 0; k < np; k++) {
                free(folded[k]);
                free(whole[k]);
            }
            free(folded);
            free(whole);
            np = 0; /* matched above */
        }
        for (size_t k = 0; k < np; k++) {
            const ps_passage *p = ps_doc_passage(doc, k);
            char pre[128];
            prefix_of(p->text, pre, sizeof pre);
            for (size_t j = i; j < n && !strcmp(rows[j].file, rows[i].file); j++) {
                if (!rows[j].matched && rows[j].page == p->page + 1 && !strcmp(rows[j].prefix, pre)) {
                    rows[j].matched = 1;
                    conf[rows[j].kind][p->section]++;
                    if (show && rows[j].kind != (int)p->section)
                        printf("# %s p%d: labelled %s, tagged %s: %s\n", rows[j].file, rows[j].page,
                               ps_section_name((ps_section)rows[j].kind), ps_section_name(p->section), pre);
                    if (expl && rows[j].kind != (int)p->section)
                        explain(p, one, none);
                    break;
                }
            }
        }
        ps_doc_free(doc);
    }
    for (size_t i = 0; i < n; i++)
        if (!rows[i].matched) {
            missing++;
            fprintf(stderr, "eval-sections: no passage for %s p%d '%s'\n", rows[i].file, rows[i].page, rows[i].prefix);
        }
    ps_extractor_free(ex);

    printf("%-9s %9s %9s %7s %7s %7s\n", "kind", "labelled", "tagged", "correct", "prec", "recall");
    int fail = missing > 0;
    int total = 0, correct = 0;
    for (int k = 0; k < PS_SECTION_COUNT; k++) {
        int gold = 0, pred = 0;
        for (int j = 0; j < PS_SECTION_COUNT; j++) {
            gold += conf[k][j];
            pred += conf[j][k];
        }
        double p = pred ? (double)conf[k][k] / pred : 0, r = gold ? (double)conf[k][k] / gold : 0;
        printf("%-9s %9d %9d %7d %7.3f %7.3f\n", ps_section_name((ps_section)k), gold, pred, conf[k][k], p, r);
        total += gold;
        correct += conf[k][k];
        if (min >= 0 && k != PS_SECTION_OTHER && (p < min || r < min))
            fail = 1;
    }
    printf("%-9s %9d %9s %7d accuracy %.3f\n", "all", total, "", correct, total ? (double)correct / total : 0);
    if (joined)
        printf("%d passages hold several labels (%d of them of several kinds): each counts once, "
               "with the kind most of its labels have\n",
               joined, mixed);
    if (missing)
        printf("%d labelled passages not found\n", missing);
    for (size_t i = 0; i < none; i++)
        psi_tagger_free(one[i].t);
    free(one);
    free(rows);
    return fail;
}

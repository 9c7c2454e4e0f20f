/* tagger.c: section kinds (mal, insatser, budget, other) from the rules in
 * ingest/sections.rules or a file of the same form. Parses the rules once,
 * compiles each pattern once (through rx.c), and answers two questions:
 * which kind a heading sets, and which kind the sentences of a passage
 * point to. The rule format is documented in the rules file itself. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

typedef enum rule_scope { W_HEADING, W_INTRO, W_SENTENCE, W_OPENING } rule_scope;

typedef struct trule {
    ps_section kind;
    rule_scope where;
    int weight;
    psi_rx *rx;
} trule;

struct psi_tagger {
    trule *rules;
    size_t n;
    int threshold;
    double density[PS_SECTION_COUNT]; /* points needed per sentence, per kind */
};

void
psi_tagger_free(psi_tagger *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        psi_rx_free(t->rules[i].rx);
    free(t->rules);
    free(t);
}

ps_status
psi_tagger_new(const char *text, const char *source, psi_tagger **out, ps_error *err)
{
    *out = NULL;
    psi_tagger *t = psi_calloc(1, sizeof *t);
    t->threshold = 3;
    size_t cap = 0;
    int lineno = 0;
    const char *p = text;
    ps_status st = PS_OK;
    while (*p && st == PS_OK) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = psi_strndup(p, len);
        p += len + (nl ? 1 : 0);
        lineno++;
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        size_t l = strlen(s);
        while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r'))
            s[--l] = '\0';
        if (!*s || *s == '#') {
            free(line);
            continue;
        }
        char kind[32], where[32];
        int weight, used = 0;
        double dens;
        char dkind[32];
        if (sscanf(s, "set sentence-threshold %d%n", &weight, &used) == 1 && s[used] == '\0') {
            t->threshold = weight;
        } else if (sscanf(s, "set sentence-density %31s %lf%n", dkind, &dens, &used) == 2 && s[used] == '\0' &&
                   ps_section_parse(dkind) >= 0) {
            t->density[ps_section_parse(dkind)] = dens;
        } else if (sscanf(s, "%31s %31s %d %n", kind, where, &weight, &used) != 3 || !s[used]) {
            st = psi_fail(err, PS_ERR_USAGE, "%s:%d: a rule is KIND WHERE WEIGHT PATTERN", source, lineno);
        } else if (ps_section_parse(kind) < 0) {
            st = psi_fail(err, PS_ERR_USAGE, "%s:%d: unknown kind '%s' (mal, insatser, budget, other)", source,
                          lineno, kind);
        } else if (strcmp(where, "heading") && strcmp(where, "intro") && strcmp(where, "sentence") &&
                   strcmp(where, "opening")) {
            st = psi_fail(err, PS_ERR_USAGE, "%s:%d: WHERE is 'heading', 'intro', 'sentence' or 'opening', not '%s'",
                          source, lineno, where);
        } else {
            psi_rx *rx = NULL;
            ps_error rerr = PS_ERROR_INIT;
            if (psi_rx_new(s + used, false, &rx, &rerr) != PS_OK) {
                st = psi_fail(err, PS_ERR_USAGE, "%s:%d: %s", source, lineno, rerr.msg);
            } else {
                if (t->n == cap) {
                    cap = cap ? cap * 2 : 32;
                    t->rules = psi_realloc(t->rules, cap * sizeof *t->rules);
                }
                rule_scope w = !strcmp(where, "heading")  ? W_HEADING
                               : !strcmp(where, "intro")  ? W_INTRO
                               : !strcmp(where, "opening") ? W_OPENING
                                                          : W_SENTENCE;
                t->rules[t->n++] = (trule){ (ps_section)ps_section_parse(kind), w, weight, rx };
            }
        }
        free(line);
    }
    if (st != PS_OK) {
        psi_tagger_free(t);
        return st;
    }
    *out = t;
    return PS_OK;
}

/* A heading without its number: "2. Kompetensförsörjningsmål",
 * "3.1.1 Legitimation", "3.1.Samordnad", "4) Åtgärder", a protocol's
 * "§ 112 Budget 2027" -> the words, so that rules anchored at the start
 * see them. A year is no number of a heading ("2027 Budget" is left as it
 * is). */
static const char *
unnumbered(const char *h)
{
    const char *p = h;
    while (*p == ' ')
        p++;
    if (!strncmp(p, "\xc2\xa7", 2)) { /* "§ 112 " */
        const char *q = p + 2 + strspn(p + 2, " ");
        size_t d = strspn(q, "0123456789");
        const char *words = q + d + strspn(q + d, " ");
        if (d && q[d] == ' ' && *words)
            return words;
    }
    const char *d = p;
    while ((*p >= '0' && *p <= '9') || (*p == '.' && p > d))
        p++;
    if (p == d || p - d > 8 || (p - d == 4 && !memchr(d, '.', 4)))
        return h;
    if (*p == ')' || *p == ':')
        p++;
    /* "3.1.Samordnad planering": a number that ends in a dot may touch its words */
    bool dotted = p[-1] == '.' && memchr(d, '.', (size_t)(p - d - 1)) != NULL;
    if (*p != ' ' && *p != '\t' && !(dotted && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) &&
        !(dotted && (unsigned char)*p >= 0xC3))
        return h;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p ? p : h;
}

int
psi_tagger_heading(const psi_tagger *t, const char *heading, bool *intro)
{
    int best = -1, bestw = 0;
    heading = unnumbered(heading);
    size_t n = strlen(heading);
    long ov[2];
    *intro = false;
    /* a heading that starts in lower case is a line of text set large
     * ("insatser för att klara omställningen ..."): it names no section */
    if (psi_starts_lower(heading))
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        const trule *r = &t->rules[i];
        if ((r->where == W_HEADING || r->where == W_INTRO) && r->weight > bestw &&
            psi_rx_match(r->rx, heading, n, 0, ov, 1)) {
            best = (int)r->kind;
            bestw = r->weight;
            *intro = r->where == W_INTRO;
        }
    }
    return best;
}

int
psi_tagger_sentences(const psi_tagger *t, const char *text, int scores[PS_SECTION_COUNT])
{
    int local[PS_SECTION_COUNT];
    if (!scores)
        scores = local;
    memset(scores, 0, sizeof(int) * PS_SECTION_COUNT);
    size_t n = strlen(text), start = 0;
    long ov[2];
    int sentences = 0;
    /* the opening of the passage */
    size_t open = n < 160 ? n : 160;
    while (open < n && ((unsigned char)text[open] & 0xC0) == 0x80)
        open++;
    for (size_t k = 0; k < t->n; k++) {
        const trule *r = &t->rules[k];
        if (r->where == W_OPENING && psi_rx_match(r->rx, text, open, 0, ov, 1))
            scores[r->kind] += r->weight;
    }
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || text[i] == '\n' ||
                   ((text[i] == '.' || text[i] == '?' || text[i] == '!' || text[i] == ';') &&
                    (i + 1 == n || text[i + 1] == ' '));
        if (!end)
            continue;
        size_t len = i - start;
        if (len > 1)
            sentences++;
        if (len > 1) {
            char *sent = psi_strndup(text + start, len);
            for (size_t k = 0; k < t->n; k++) {
                const trule *r = &t->rules[k];
                if (r->where != W_SENTENCE)
                    continue;
                /* up to three matches of one rule in one sentence count */
                size_t at = 0;
                for (int m = 0; m < 3 && at <= len && psi_rx_match(r->rx, sent, len, at, ov, 1); m++) {
                    scores[r->kind] += r->weight;
                    at = (size_t)ov[1] > at ? (size_t)ov[1] : at + 1;
                    while (at < len && ((unsigned char)sent[at] & 0xC0) == 0x80)
                        at++;
                }
            }
            free(sent);
        }
        start = i + 1;
        while (start < n && text[start] == ' ')
            start++;
    }
    int best = -1, bestv = 0;
    for (int k = 0; k < PS_SECTION_COUNT; k++)
        if (scores[k] > bestv) {
            bestv = scores[k];
            best = k;
        }
    /* enough points, and enough for the passage's length: a long account
     * that mentions a plan once is not an action section */
    double need = best >= 0 ? t->density[best] * sentences : 0;
    return bestv >= t->threshold && bestv >= need ? best : -1;
}

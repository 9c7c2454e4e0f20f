/* goals.c: goal statements of a län or an organisation, year by year,
 * and how each fared from one plan to the next: kept, reworded (with a
 * word diff), new or dropped. Statements are the sentences of passages
 * tagged mal; a run-on list of goals ("... per år Inflyttningsnettot ska
 * vara positivt") is cut around each "ska" (see split_goals). A statement
 * counts when it reads as a goal (the cue tables below), and once a year:
 * a scorecard and its detail pages state the same goal twice. Two
 * statements are alike by the larger of the overlap of their Swedish stems
 * and the overlap of their letter trigrams, so spelling drift between
 * years ("Lönesummeutvecklingen" / "Lönesummautvecklingen") still pairs
 * them. Pairs are chosen greedily, best first, and no goal is paired
 * twice. A topic picks links after the alignment, never before it, so the
 * two years of a pair are read alike. */
#include "plansok-private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define REWORD_MIN 0.5   /* least similarity to call two goals the same goal */
#define REPEAT_MIN 0.9   /* least similarity to count two goals of one year once */
#define STATEMENT_MIN_WORDS 3

const char *
ps_goal_change_name(ps_goal_change c)
{
    switch (c) {
    case PS_GOAL_KEPT: return "kept";
    case PS_GOAL_REWORDED: return "reworded";
    case PS_GOAL_NEW: return "new";
    case PS_GOAL_DROPPED: return "dropped";
    }
    return "kept";
}

/* ------------------------------------------------------------ words */

typedef struct words {
    char **w;      /* as written */
    char **low;    /* lower-cased */
    char **key;    /* lower-cased stems */
    size_t n;
} words;

static bool
word_char(uint32_t cp)
{
    return psi_cp_is_letter(cp) || (cp >= '0' && cp <= '9');
}

/* Splits text into words (letters and digits) with their stems. */
static void
words_of(const char *text, words *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(text), cap = 0;
    for (size_t i = 0, s; psi_utf8_run(text, n, &i, &s, word_char, word_char);) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->w = psi_realloc(out->w, cap * sizeof *out->w);
            out->low = psi_realloc(out->low, cap * sizeof *out->low);
            out->key = psi_realloc(out->key, cap * sizeof *out->key);
        }
        psi_buf low = PSI_BUF_INIT;
        psi_lower_append(&low, text + s, i - s);
        out->w[out->n] = psi_strndup(text + s, i - s);
        out->key[out->n] = psi_stem(psi_buf_str(&low));
        out->low[out->n] = psi_buf_detach(&low);
        out->n++;
    }
}

static void
words_release(words *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->w[i]);
        free(w->low[i]);
        free(w->key[i]);
    }
    free(w->w);
    free(w->low);
    free(w->key);
}

/* ------------------------------------------------------------- goal cues */

/* Which statements are goals. A cue is lower-case words, where "20xx"
 * stands for a year (1900-2099). A goal needs a goal cue anywhere in it;
 * a fact cue at its start marks a present state or history ("Idag har
 * länet 28 %.", "Under 2011 omkom 11 personer ..."), and a statement
 * starting with a lower-case letter is a fragment ("ska användas varje
 * år."). docs/CLI.md lists these; tests/unit/test-goals.c has the cases. */
static const char *const goal_cues[] = {
    "ska", "skall", "bör",                               /* shall, should */
    "mål", "målet", "målen",                             /* goal */
    "öka", "ökas", "minska", "minskas",                  /* increase, decrease */
    "uppnå", "uppnås", "uppnått", "senast", "till 20xx", /* reach, by (a year) */
    "ha ökat till", "ha minskat till",                   /* (shall) have risen / fallen to */
    NULL,
};
static const char *const fact_cues[] = {
    "idag", "i dag",                /* today */
    "under 20xx", "sedan 20xx",     /* during, since (a year) */
    "det finns", "det fanns",       /* there is, there was */
    NULL,
};

static bool
is_year(const char *w)
{
    return strlen(w) == 4 && (!strncmp(w, "19", 2) || !strncmp(w, "20", 2)) && isdigit((unsigned char)w[2]) &&
           isdigit((unsigned char)w[3]);
}

/* Whether word w is the cue word c[0..len). */
static bool
cue_word(const char *w, const char *c, size_t len)
{
    if (len == 4 && !strncmp(c, "20xx", 4))
        return is_year(w);
    return strlen(w) == len && !strncmp(w, c, len);
}

/* Whether the words of cue are the words of w from word i on. */
static bool
cue_at(const char *cue, const words *w, size_t i)
{
    for (const char *c = cue; *c; i++) {
        size_t len = strcspn(c, " ");
        if (i >= w->n || !cue_word(w->low[i], c, len))
            return false;
        c += len + (c[len] == ' ');
    }
    return true;
}

static ps_statement_kind
statement_kind(const char *s, const words *w)
{
    uint32_t cp;
    if (psi_utf8_decode(s, strlen(s), &cp) && psi_cp_is_lower(cp))
        return PS_STATEMENT_FRAGMENT;
    for (int k = 0; fact_cues[k]; k++)
        if (cue_at(fact_cues[k], w, 0))
            return PS_STATEMENT_FACT;
    for (size_t i = 0; i < w->n; i++)
        for (int k = 0; goal_cues[k]; k++)
            if (cue_at(goal_cues[k], w, i))
                return PS_STATEMENT_GOAL;
    return PS_STATEMENT_NO_CUE;
}

ps_statement_kind
ps_goal_statement_kind(const char *statement)
{
    words w;
    words_of(statement, &w);
    ps_statement_kind k = statement_kind(statement, &w);
    words_release(&w);
    return k;
}

/* ----------------------------------------------------------- statements */

static bool
starts_upper(const char *s)
{
    uint32_t cp, cp2;
    size_t l = psi_utf8_decode(s, strlen(s), &cp);
    if (!l || !psi_cp_is_upper(cp))
        return false;
    /* "Antalet", not an acronym such as "RUS" */
    return psi_utf8_decode(s + l, strlen(s + l), &cp2) && psi_cp_is_lower(cp2);
}

typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

static void
push_statement(strlist *l, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    while (n && (*s == ' ' || *s == '\n')) {
        s++;
        n--;
    }
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            nw++;
    if (nw < STATEMENT_MIN_WORDS || nw > 80)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = psi_realloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = psi_strndup(s, n);
}

/* Words that put a capitalised word inside a phrase ("i Jönköpings län"). */
static bool
is_preposition(const char *w, size_t n)
{
    static const char *const preps[] = { "i", "för", "av", "med", "till", "på", "inom", "från", "vid", "mot",
                                         "om", "under", "och", "hos", NULL };
    for (int i = 0; preps[i]; i++)
        if (strlen(preps[i]) == n && !strncmp(w, preps[i], n))
            return true;
    return false;
}

typedef struct span {
    size_t s, e;
} span;

/* Cuts a sentence holding several goals. Each goal has a "ska": its
 * subject starts at the last capitalised word before the "ska" that does
 * not follow a preposition, and its predicate ends before the first
 * capitalised word after it. Words between goals (inline headings such as
 * "Delmål" or "Kommunikationer") belong to none. A sentence without "ska"
 * is one statement (a goal line). */
static void
split_goals(const char *s, size_t n, strlist *out)
{
    span *w = NULL;
    size_t nw = 0, cap = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (b == i)
            break;
        if (nw == cap) {
            cap = cap ? cap * 2 : 32;
            w = psi_realloc(w, cap * sizeof *w);
        }
        w[nw++] = (span){ b, i };
    }
    size_t prev_end = 0; /* word index where the last goal ended */
    bool any = false;
    for (size_t k = 0; k < nw; k++) {
        if (w[k].e - w[k].s != 3 || strncmp(s + w[k].s, "ska", 3))
            continue;
        size_t subj = k;
        for (size_t j = k; j-- > prev_end;) {
            if (starts_upper(s + w[j].s) &&
                !(j > prev_end && is_preposition(s + w[j - 1].s, w[j - 1].e - w[j - 1].s))) {
                subj = j;
                break;
            }
        }
        if (subj == k)
            subj = prev_end; /* no capitalised subject: from where the last goal ended */
        size_t end = k + 1;
        while (end < nw && !starts_upper(s + w[end].s) &&
               !(w[end].e - w[end].s == 3 && !strncmp(s + w[end].s, "ska", 3)))
            end++;
        if (end < nw && w[end].e - w[end].s == 3 && !strncmp(s + w[end].s, "ska", 3))
            end = k + 1; /* two "ska" with no subject between: keep the first short */
        push_statement(out, s + w[subj].s, w[end - 1].e - w[subj].s);
        prev_end = end;
        any = true;
        k = end - 1;
    }
    if (!any)
        push_statement(out, s, n);
    free(w);
}

static void
statements_of(const char *text, strlist *out)
{
    size_t n = strlen(text), start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || text[i] == '\n' ||
                   ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 == n || text[i + 1] == ' '));
        if (!end)
            continue;
        size_t stop = i < n && text[i] != '\n' ? i + 1 : i;
        split_goals(text + start, stop - start, out);
        start = i + 1;
    }
}

/* ------------------------------------------------------------ similarity */

static double
stem_overlap(const words *a, const words *b)
{
    if (!a->n || !b->n)
        return 0;
    size_t common = 0;
    for (size_t i = 0; i < a->n; i++) {
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(a->key[k], a->key[i]);
        if (dup)
            continue;
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(a->key[i], b->key[j])) {
                common++;
                break;
            }
    }
    size_t ua = 0, ub = 0;
    for (size_t i = 0; i < a->n; i++) {
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(a->key[k], a->key[i]);
        ua += !dup;
    }
    for (size_t i = 0; i < b->n; i++) {
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(b->key[k], b->key[i]);
        ub += !dup;
    }
    return (double)common / (double)(ua + ub - common);
}

/* Letter trigrams of the folded words joined, as 32-bit codes. */
static size_t
trigrams(const words *w, uint32_t **out)
{
    psi_buf b = PSI_BUF_INIT;
    for (size_t i = 0; i < w->n; i++) {
        char *f = psi_fold_ascii(w->w[i]);
        psi_buf_adds(&b, f);
        psi_buf_addc(&b, ' ');
        free(f);
    }
    size_t n = b.len >= 3 ? b.len - 2 : 0;
    *out = psi_malloc((n ? n : 1) * sizeof **out);
    for (size_t i = 0; i < n; i++)
        (*out)[i] = (uint32_t)(unsigned char)b.s[i] << 16 | (uint32_t)(unsigned char)b.s[i + 1] << 8 |
                    (unsigned char)b.s[i + 2];
    psi_buf_release(&b);
    return n;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static double
trigram_dice(const words *a, const words *b)
{
    uint32_t *ta, *tb;
    size_t na = trigrams(a, &ta), nb = trigrams(b, &tb);
    qsort(ta, na, sizeof *ta, cmp_u32);
    qsort(tb, nb, sizeof *tb, cmp_u32);
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (ta[i] == tb[j]) {
            common++;
            i++;
            j++;
        } else if (ta[i] < tb[j]) {
            i++;
        } else {
            j++;
        }
    }
    free(ta);
    free(tb);
    return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

/* How alike two statements are, 0..1. */
static double
similarity(const words *a, const words *b)
{
    double so = stem_overlap(a, b), td = trigram_dice(a, b);
    return so > td ? so : td;
}

/* ------------------------------------------------------------------ diff */

/* Word diff by longest common subsequence of the words as written. */
static ps_diff *
word_diff(const words *a, const words *b, size_t *ndiff)
{
    size_t n = a->n, m = b->n;
    unsigned *lcs = psi_calloc((n + 1) * (m + 1), sizeof *lcs);
#define LCS(i, j) lcs[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            LCS(i, j) = !strcmp(a->w[i], b->w[j]) ? LCS(i + 1, j + 1) + 1
                                                   : (LCS(i + 1, j) > LCS(i, j + 1) ? LCS(i + 1, j) : LCS(i, j + 1));
    ps_diff *d = NULL;
    size_t nd = 0, cap = 0;
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        ps_diff_op op;
        const char *w;
        if (i < n && j < m && !strcmp(a->w[i], b->w[j])) {
            op = PS_DIFF_SAME;
            w = a->w[i++];
            j++;
        } else if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1))) {
            op = PS_DIFF_DEL; /* removals before additions, as diffs read */
            w = a->w[i++];
        } else {
            op = PS_DIFF_ADD;
            w = b->w[j++];
        }
        if (nd && d[nd - 1].op == op) {
            char *t = psi_asprintf("%s %s", d[nd - 1].text, w);
            free(d[nd - 1].text);
            d[nd - 1].text = t;
        } else {
            if (nd == cap) {
                cap = cap ? cap * 2 : 8;
                d = psi_realloc(d, cap * sizeof *d);
            }
            d[nd++] = (ps_diff){ op, psi_strdup(w) };
        }
    }
#undef LCS
    free(lcs);
    *ndiff = nd;
    return d;
}

/* --------------------------------------------------------------- collect */

static int
cmp_hit_order(const void *a, const void *b)
{
    const ps_hit *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->page != y->page)
        return x->page - y->page;
    return strcmp(x->docid, y->docid);
}

/* One passage: its place, then its text. */
static int
cmp_passage(const void *a, const void *b)
{
    int c = cmp_hit_order(a, b);
    return c ? c : strcmp(((const ps_hit *)a)->text, ((const ps_hit *)b)->text);
}

/* The goals found so far, with what comparing them needs. */
typedef struct goal_set {
    ps_goals *g;
    size_t cap;    /* of g->goals, w and about */
    words *w;      /* each goal's words */
    bool *about;   /* stated in a passage that matches the topic */
    size_t *first; /* each year's first goal; first[nyears] is ngoals */
    size_t lcap;   /* of g->links */
} goal_set;

/* The words of the goals, once they are compared. */
static void
goal_set_drop_words(goal_set *gs)
{
    for (size_t i = 0; gs->w && i < gs->g->ngoals; i++)
        words_release(&gs->w[i]);
    free(gs->w);
    gs->w = NULL;
}

static void
goal_set_release(goal_set *gs)
{
    goal_set_drop_words(gs);
    free(gs->about);
    free(gs->first);
}

static void
add_goal(goal_set *gs, ps_goal goal, words w, bool about)
{
    ps_goals *g = gs->g;
    if (g->ngoals == gs->cap) {
        gs->cap = gs->cap ? gs->cap * 2 : 64;
        g->goals = psi_realloc(g->goals, gs->cap * sizeof *g->goals);
        gs->w = psi_realloc(gs->w, gs->cap * sizeof *gs->w);
        gs->about = psi_realloc(gs->about, gs->cap * sizeof *gs->about);
    }
    gs->w[g->ngoals] = w;
    gs->about[g->ngoals] = about;
    g->goals[g->ngoals++] = goal;
}

/* Notes that goal x is stated again on a page of file (once per page). */
static void
add_place(ps_goal *x, const char *file, int page)
{
    if (!strcmp(x->file, file) && x->page == page)
        return;
    for (size_t k = 0; k < x->nalso; k++)
        if (!strcmp(x->also[k].file, file) && x->also[k].page == page)
            return;
    x->also = psi_realloc(x->also, (x->nalso + 1) * sizeof *x->also);
    x->also[x->nalso++] = (ps_goal_place){ psi_strdup(file), page };
}

/* The goal of this year (from goal from on) stated with w's words, or -1. */
static long
repeat_of(const goal_set *gs, size_t from, const words *w)
{
    for (size_t k = from; k < gs->g->ngoals; k++)
        if (similarity(&gs->w[k], w) >= REPEAT_MIN)
            return (long)k;
    return -1;
}

/* The goals of year y, in document order, each once; topic (sorted by
 * cmp_passage, or NULL for none) marks the passages about the topic. */
static ps_status
collect_year(ps_index *ix, const ps_query_opts *scope, int y, const ps_hits *topic, goal_set *gs, ps_error *err)
{
    ps_goals *g = gs->g;
    ps_goal_year *yr = &g->years[y];
    ps_query_opts q = *scope;
    q.year_from = q.year_to = yr->year;
    q.section = PS_SECTION_MAL;
    ps_hits *h;
    ps_status s = psi_query_hits(ix, "", &q, 0, true, &h, err);
    if (s != PS_OK)
        return s;
    qsort(h->hits, h->n, sizeof *h->hits, cmp_hit_order);
    size_t first = g->ngoals;
    yr->passages = (unsigned)h->n;
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *p = &h->hits[i];
        bool about = !topic || (topic->n && bsearch(p, topic->hits, topic->n, sizeof *topic->hits, cmp_passage));
        yr->topic_passages += about;
        strlist sl = { 0 };
        statements_of(p->text, &sl);
        for (size_t k = 0; k < sl.n; k++) {
            words w;
            words_of(sl.v[k], &w);
            yr->statements++;
            long rep = -1;
            if (statement_kind(sl.v[k], &w) != PS_STATEMENT_GOAL) {
                yr->not_goals++;
            } else if ((rep = repeat_of(gs, first, &w)) >= 0) {
                add_place(&g->goals[rep], p->file, p->page);
                gs->about[rep] |= about;
                yr->repeats++;
            } else {
                add_goal(gs, (ps_goal){ yr->year, psi_strdup(p->file), p->page, psi_strdup(p->heading), sl.v[k], NULL, 0 },
                         w, about);
                continue;
            }
            words_release(&w);
            free(sl.v[k]);
        }
        free(sl.v);
    }
    yr->goals = (unsigned)(g->ngoals - first);
    ps_hits_free(h);
    return PS_OK;
}

/* ----------------------------------------------------------------- align */

typedef struct pair {
    size_t a, b;
    double score;
} pair;

static int
cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    return p->score < q->score ? 1 : p->score > q->score ? -1 : 0;
}

static void
add_link(goal_set *gs, ps_goal_link l)
{
    ps_goals *g = gs->g;
    if (g->nlinks == gs->lcap) {
        gs->lcap = gs->lcap ? gs->lcap * 2 : 32;
        g->links = psi_realloc(g->links, gs->lcap * sizeof *g->links);
    }
    g->links[g->nlinks++] = l;
}

/* Links from the goals of year ya to those of year yb. */
static void
align_years(goal_set *gs, int ya, int yb)
{
    ps_goals *g = gs->g;
    words *w = gs->w;
    size_t a0 = gs->first[ya], a1 = gs->first[ya + 1], b0 = gs->first[yb], b1 = gs->first[yb + 1];
    int from_year = g->years[ya].year, to_year = g->years[yb].year;
    size_t np = 0;
    pair *pairs = psi_malloc(((a1 - a0) * (b1 - b0) + 1) * sizeof *pairs);
    for (size_t a = a0; a < a1; a++)
        for (size_t b = b0; b < b1; b++) {
            double sc = similarity(&w[a], &w[b]);
            if (sc >= REWORD_MIN)
                pairs[np++] = (pair){ a, b, sc };
        }
    qsort(pairs, np, sizeof *pairs, cmp_pair);
    long *match_a = psi_malloc((a1 - a0 + 1) * sizeof *match_a), *match_b = psi_malloc((b1 - b0 + 1) * sizeof *match_b);
    double *score_a = psi_calloc(a1 - a0 + 1, sizeof *score_a);
    for (size_t k = 0; k < a1 - a0; k++)
        match_a[k] = -1;
    for (size_t k = 0; k < b1 - b0; k++)
        match_b[k] = -1;
    for (size_t k = 0; k < np; k++) { /* best first; each goal once */
        if (match_a[pairs[k].a - a0] >= 0 || match_b[pairs[k].b - b0] >= 0)
            continue;
        match_a[pairs[k].a - a0] = (long)pairs[k].b;
        match_b[pairs[k].b - b0] = (long)pairs[k].a;
        score_a[pairs[k].a - a0] = pairs[k].score;
    }
    for (size_t a = a0; a < a1; a++) {
        long b = match_a[a - a0];
        ps_goal_link l = { from_year, to_year, PS_GOAL_DROPPED, (long)a, -1, 0, NULL, 0 };
        if (b >= 0) {
            l.to = b;
            l.similarity = score_a[a - a0];
            bool same = w[a].n == w[b].n;
            for (size_t k = 0; same && k < w[a].n; k++)
                same = !strcmp(w[a].w[k], w[b].w[k]);
            l.change = same ? PS_GOAL_KEPT : PS_GOAL_REWORDED;
            if (!same)
                l.diff = word_diff(&w[a], &w[b], &l.ndiff);
            if (same)
                l.similarity = 1;
        }
        add_link(gs, l);
    }
    for (size_t b = b0; b < b1; b++)
        if (match_b[b - b0] < 0)
            add_link(gs, (ps_goal_link){ from_year, to_year, PS_GOAL_NEW, -1, (long)b, 0, NULL, 0 });
    free(pairs);
    free(match_a);
    free(match_b);
    free(score_a);
}

static void
goal_release(ps_goal *x)
{
    free(x->file);
    free(x->heading);
    free(x->text);
    for (size_t k = 0; k < x->nalso; k++)
        free(x->also[k].file);
    free(x->also);
}

static void
link_release(ps_goal_link *l)
{
    for (size_t k = 0; k < l->ndiff; k++)
        free(l->diff[k].text);
    free(l->diff);
}

/* Keeps the links with a goal about the topic, and the goals they link. */
static void
keep_linked(goal_set *gs)
{
    ps_goals *g = gs->g;
    size_t kept = 0;
    for (size_t i = 0; i < g->nlinks; i++) {
        ps_goal_link *l = &g->links[i];
        if ((l->from >= 0 && gs->about[l->from]) || (l->to >= 0 && gs->about[l->to]))
            g->links[kept++] = *l;
        else
            link_release(l);
    }
    g->nlinks = kept;
    long *renum = psi_malloc((g->ngoals + 1) * sizeof *renum);
    for (size_t i = 0; i < g->ngoals; i++)
        renum[i] = -1;
    for (size_t i = 0; i < g->nlinks; i++) {
        if (g->links[i].from >= 0)
            renum[g->links[i].from] = 0;
        if (g->links[i].to >= 0)
            renum[g->links[i].to] = 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < g->ngoals; i++) {
        if (renum[i] < 0) {
            goal_release(&g->goals[i]);
            continue;
        }
        renum[i] = (long)n;
        g->goals[n++] = g->goals[i];
    }
    g->ngoals = n;
    for (size_t i = 0; i < g->nlinks; i++) {
        if (g->links[i].from >= 0)
            g->links[i].from = renum[g->links[i].from];
        if (g->links[i].to >= 0)
            g->links[i].to = renum[g->links[i].to];
    }
    free(renum);
}

/* ----------------------------------------------------------------- scope */

/* g->lan, g->org and g->name from the scope; PS_ERR_USAGE without either. */
static ps_status
name_scope(ps_goals *g, const ps_query_opts *scope, ps_error *err)
{
    g->lan = scope->lan >= 0 && scope->lan < PS_LAN_COUNT ? scope->lan : -1;
    if (scope->org && *scope->org) { /* as org: reads it: a register body's name */
        char *code = psi_vocab_term(PSI_VOCAB_ORGCODE, scope->org);
        const psi_body *b = code ? psi_register_by_code(code) : NULL;
        g->org = psi_strdup(b ? b->name : scope->org);
        free(code);
    }
    if (g->lan < 0 && !g->org)
        return psi_fail(err, PS_ERR_USAGE, "goals need a län or an organisation");
    if (g->org && g->lan >= 0)
        g->name = psi_asprintf("%s, %s", g->org, ps_lan_name(g->lan));
    else
        g->name = psi_strdup(g->org ? g->org : ps_lan_name(g->lan));
    return PS_OK;
}

/* g->years: the years asked for, or every year with documents in scope,
 * each with its number of documents. */
static ps_status
scope_years(ps_index *ix, const ps_query_opts *scope, const int *years, int nyears, ps_goals *g, ps_error *err)
{
    if (nyears == 1)
        return psi_fail(err, PS_ERR_USAGE, "goals need two years to compare; %d is one", years[0]);
    for (int i = 1; i < nyears; i++)
        if (years[i] <= years[i - 1])
            return psi_fail(err, PS_ERR_USAGE, "goal years must ascend (%d after %d)", years[i], years[i - 1]);
    ps_query_opts o = *scope;
    o.section = -1;
    if (nyears > 0) {
        o.year_from = years[0];
        o.year_to = years[nyears - 1];
    }
    ps_matrix *m;
    ps_status s = ps_matrix_run(ix, "", &o, &m, err);
    if (s != PS_OK)
        return s;
    g->years = psi_calloc((size_t)(nyears > 0 ? nyears : m->nyear) + 1, sizeof *g->years);
    for (int k = 0; k < m->nyear; k++)
        for (int i = 0; i < nyears; i++)
            if (years[i] == m->years[k])
                g->years[i].docs = m->year_docs[k];
    if (nyears > 0) {
        for (int i = 0; i < nyears; i++)
            g->years[i].year = years[i];
        g->nyears = nyears;
    } else {
        for (int k = 0; k < m->nyear; k++)
            if (m->years[k] > 0 && m->year_docs[k] > 0)
                g->years[g->nyears++] = (ps_goal_year){ .year = m->years[k], .docs = m->year_docs[k] };
    }
    ps_matrix_free(m);
    if (nyears > 0 || g->nyears >= 2)
        return PS_OK;
    if (g->nyears == 0 && (scope->year_from > 0 || scope->year_to > 0))
        return psi_fail(err, PS_ERR_USAGE, "no documents of %s in %d..%d", g->name, scope->year_from, scope->year_to);
    return psi_fail(err, PS_ERR_USAGE, "goals need two years of %s; found %d", g->name, g->nyears);
}

ps_status
ps_goals_compare(ps_index *ix, const ps_query_opts *scope, const int *years, int nyears, const char *query,
                 ps_goals **out, ps_error *err)
{
    *out = NULL;
    ps_goals *g = psi_calloc(1, sizeof *g);
    goal_set gs = { .g = g };
    ps_hits *topic = NULL;
    ps_status s = name_scope(g, scope, err);
    if (s == PS_OK)
        s = scope_years(ix, scope, years, nyears, g, err);
    if (s == PS_OK && query && query[strspn(query, " \t\n")]) {
        ps_query_opts q = *scope;
        q.year_from = g->years[0].year;
        q.year_to = g->years[g->nyears - 1].year;
        q.section = PS_SECTION_MAL;
        s = psi_query_hits(ix, query, &q, 0, true, &topic, err);
        if (s == PS_OK)
            qsort(topic->hits, topic->n, sizeof *topic->hits, cmp_passage);
    }
    gs.first = psi_calloc((size_t)g->nyears + 1, sizeof *gs.first);
    for (int y = 0; y < g->nyears && s == PS_OK; y++) {
        gs.first[y] = g->ngoals;
        s = collect_year(ix, scope, y, topic, &gs, err);
    }
    gs.first[g->nyears] = g->ngoals;
    ps_hits_free(topic);
    if (s != PS_OK) {
        goal_set_release(&gs);
        ps_goals_free(g);
        return s;
    }
    /* each year that has goals with the next that has */
    for (int ya = 0, yb; ya < g->nyears; ya = yb) {
        for (yb = ya + 1; yb < g->nyears && !g->years[yb].goals; yb++)
            ;
        if (g->years[ya].goals && yb < g->nyears)
            align_years(&gs, ya, yb);
    }
    goal_set_drop_words(&gs); /* goal indexes change now */
    keep_linked(&gs);
    goal_set_release(&gs);
    for (size_t i = 0; i < g->nlinks; i++)
        g->counts[g->links[i].change]++;
    *out = g;
    return PS_OK;
}

void
ps_goals_free(ps_goals *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->ngoals; i++)
        goal_release(&g->goals[i]);
    free(g->goals);
    for (size_t i = 0; i < g->nlinks; i++)
        link_release(&g->links[i]);
    free(g->links);
    free(g->years);
    free(g->org);
    free(g->name);
    free(g);
}

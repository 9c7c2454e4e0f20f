/* pairing.c: which goal statements are alike enough to be one goal (the
 * repeats of one year) or the same goal in two years (the alignment), found
 * without comparing every pair. Comparing every pair cost 123 s and 555 MB
 * for 4,500 goals a year.
 *
 * Two statements are alike (statements.c) by the larger of the Jaccard
 * share of their distinct stems and the Dice coefficient of their letter
 * trigrams (repeats counted), so a pair at least t alike shares at least
 * t x |A| stems, or at least t x |A| / (2 - t) trigrams, of either
 * statement A. Then, in any fixed order of the tokens, the pair shares one
 * of the first |A| - that + 1 tokens of each (prefix filtering, as in
 * Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", 2007).
 * The order is rarest first, so the prefixes leave out the words every
 * goal has ("ska", "öka"). Each statement's prefix tokens go into an
 * inverted index; a statement is compared only with those that share a
 * prefix token with it, and the similarity of those is computed exactly:
 * the pairs found are the pairs every-pair comparison finds.
 *
 * Bounds, for goals that are one template with different names: a
 * statement reads at most MAX_VISITS postings, is compared with at most
 * MAX_CANDIDATES others (those found through its rarest tokens first) and
 * keeps its MAX_PAIRS most alike, so the work grows with the number of
 * goals, not with its square; only past these bounds can the pairing
 * differ from comparing every pair (4,500 goals a year of six subjects and
 * 20,000 words stay well within them).
 *
 * Must not: know about hits, years or the index (goals.c). */
#include "plansok-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CANDIDATES = 4096, MAX_VISITS = 1 << 18, MAX_PAIRS = 256 };
enum { STEMS, TRIGRAMS, FAMILIES }; /* the two kinds of token, each filtered on its own */

/* A stem's hash with the top bit set, or a trigram's code above the number
 * of its earlier repeats in the statement. */
typedef uint64_t token;

/* A token with how many statements have it. */
typedef struct ranked {
    size_t df;
    token key;
} ranked;

/* Where an indexed statement has a token: which, and at what place of its
 * family's tokens, rarest first. */
typedef struct posting {
    size_t who, pos;
} posting;

/* A token: how many statements have it, and the indexed ones. */
typedef struct entry {
    token key;
    size_t df;
    posting *post;
    size_t npost, cap;
} entry;

/* The tokens of the statements compared, by open addressing, and each
 * statement's prefix of each family. */
typedef struct tokens {
    entry *e;
    size_t cap;    /* a power of two */
    size_t used;   /* entries */
    size_t n;      /* statements */
    double min;    /* the similarity asked for */
    struct ranked **tok; /* each statement's tokens: its stems, then its trigrams, each rarest first */
    size_t (*size)[FAMILIES];   /* how many of each */
    size_t (*prefix)[FAMILIES]; /* how many of each are its prefix */
    size_t *seen[FAMILIES];     /* per statement, the probe that last met it, as 1 + probe */
    size_t *taken;              /* per statement, the probe that made it a candidate, as 1 + probe */
} tokens;

static entry *
lookup(tokens *t, token k, bool add)
{
    uint64_t m = (k ^ k >> 31) * 0x9E3779B97F4A7C15ULL; /* trigram tokens differ in their high bits */
    size_t h = (size_t)(m ^ m >> 29) & (t->cap - 1);
    for (;; h = (h + 1) & (t->cap - 1)) {
        entry *e = &t->e[h];
        if (e->df && e->key == k)
            return e;
        if (!e->df) {
            if (!add)
                return NULL;
            e->key = k;
            return e;
        }
    }
}

/* Adds token k (once) and counts a statement that has it; the table is
 * kept at most half full. */
static void
count(tokens *t, token k)
{
    if (2 * (t->used + 1) > t->cap) {
        entry *old = t->e;
        size_t ocap = t->cap;
        t->cap = ocap ? 2 * ocap : 1024;
        t->e = psi_calloc(t->cap, sizeof *t->e);
        for (size_t h = 0; h < ocap; h++)
            if (old[h].df)
                *lookup(t, old[h].key, true) = old[h];
        free(old);
    }
    entry *e = lookup(t, k, true);
    t->used += e->df == 0;
    e->df++;
}

/* The tokens of s: its stems, then its trigrams; returns how many, *nstems
 * of them stems. */
static size_t
tokens_of(const psi_goal_sig *s, token **out, size_t *nstems)
{
    token *v = psi_malloc((s->nstems + s->ntri + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < s->nstems; i++) /* by hash: two stems of one hash count once */
        if (!i || s->stem_hash[i] != s->stem_hash[i - 1])
            v[n++] = s->stem_hash[i] | (1ULL << 63);
    *nstems = n;
    for (size_t i = 0, rep = 0; i < s->ntri; i++) {
        rep = i && s->tri[i] == s->tri[i - 1] ? rep + 1 : 0; /* sorted: repeats are together */
        v[n++] = (token)s->tri[i] << 24 | (rep & 0xFFFFFF);
    }
    *out = v;
    return n;
}

/* Rarest first, then by value: one order for all statements. */
static int
cmp_rarest(const ranked *x, const ranked *y)
{
    if (x->df != y->df)
        return x->df < y->df ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

static int
cmp_rarest_v(const void *a, const void *b)
{
    return cmp_rarest(a, b);
}

/* The least overlap, in tokens of family f, of two statements of nx and ny
 * of them that are min alike by that family: Jaccard of stems, or Dice of
 * trigrams. Rounding never raises it. */
static size_t
overlap_needed(int f, double min, size_t nx, size_t ny)
{
    double c = f == STEMS ? min / (1 + min) : min / 2;
    double need = ceil(c * (double)(nx + ny) - 1e-9);
    return need < 1 ? 1 : (size_t)need;
}

/* How many of its n tokens of family f a statement keeps as its prefix:
 * any statement that is min alike to it by f shares one of those. */
static size_t
prefix_len(int f, double min, size_t n)
{
    /* the overlap needed with the smallest statement that can be that alike */
    double least = f == STEMS ? min * (double)n : min / (2 - min) * (double)n;
    double need = ceil(least - 1e-9);
    if (need < 1)
        need = 1;
    return need > (double)n ? 0 : n - (size_t)need + 1;
}

/* Each of s[0..n)'s tokens, rarest first by how many of s have it, and its
 * prefixes for similarity min. */
static void
tokens_init(tokens *t, const psi_goal_sig *s, size_t n, double min)
{
    t->n = n;
    t->min = min;
    t->tok = psi_calloc(n + 1, sizeof *t->tok);
    t->size = psi_calloc(n + 1, sizeof *t->size);
    t->prefix = psi_calloc(n + 1, sizeof *t->prefix);
    token **all = psi_calloc(n + 1, sizeof *all);
    for (size_t i = 0; i < n; i++) {
        size_t nall = tokens_of(&s[i], &all[i], &t->size[i][STEMS]);
        t->size[i][TRIGRAMS] = nall - t->size[i][STEMS];
        for (size_t k = 0; k < nall; k++)
            count(t, all[i][k]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t ns = t->size[i][STEMS], nall = ns + t->size[i][TRIGRAMS];
        t->tok[i] = psi_malloc((nall + 1) * sizeof *t->tok[i]);
        for (size_t k = 0; k < nall; k++)
            t->tok[i][k] = (ranked){ lookup(t, all[i][k], false)->df, all[i][k] };
        qsort(t->tok[i], ns, sizeof *t->tok[i], cmp_rarest_v);
        qsort(t->tok[i] + ns, nall - ns, sizeof *t->tok[i], cmp_rarest_v);
        for (int f = 0; f < FAMILIES; f++)
            t->prefix[i][f] = prefix_len(f, min, t->size[i][f]);
        free(all[i]);
    }
    free(all);
    for (int f = 0; f < FAMILIES; f++)
        t->seen[f] = psi_calloc(n + 1, sizeof *t->seen[f]);
    t->taken = psi_calloc(n + 1, sizeof *t->taken);
}

static void
tokens_release(tokens *t)
{
    for (size_t h = 0; h < t->cap; h++)
        free(t->e[h].post);
    free(t->e);
    for (size_t i = 0; i < t->n; i++)
        free(t->tok[i]);
    free(t->tok);
    free(t->size);
    free(t->prefix);
    for (int f = 0; f < FAMILIES; f++)
        free(t->seen[f]);
    free(t->taken);
}

/* The first token of statement i's family f. */
static const ranked *
family(const tokens *t, size_t i, int f)
{
    return t->tok[i] + (f == TRIGRAMS ? t->size[i][STEMS] : 0);
}

/* Puts statement i under its prefix tokens, as statement number who of
 * those looked up. */
static void
index_add(tokens *t, size_t i, size_t who)
{
    for (int f = 0; f < FAMILIES; f++) {
        const ranked *p = family(t, i, f);
        for (size_t k = 0; k < t->prefix[i][f]; k++) {
            entry *e = lookup(t, p[k].key, false);
            if (e->npost == e->cap) {
                e->cap = e->cap ? e->cap * 2 : 4;
                e->post = psi_realloc(e->post, e->cap * sizeof *e->post);
            }
            e->post[e->npost++] = (posting){ who, k };
        }
    }
}

/* The indexed statements that may be t->min alike to statement x, each
 * once, at most MAX_CANDIDATES; probe numbers the call (from 0), and
 * indexed statement y is statement first_indexed + y. A statement met first
 * at place k of x's prefix and place j of its own has at most 1 + the
 * tokens after those in common (the first shared token in the order is
 * the first met), so it is left out when that is less than the overlap
 * needed (the positional filter of PPJoin, Xiao et al. 2008). */
static size_t
candidates(tokens *t, size_t x, size_t probe, size_t first_indexed, size_t *out)
{
    size_t n = 0, visits = 0;
    for (int f = 0; f < FAMILIES; f++) {
        const ranked *p = family(t, x, f);
        size_t nx = t->size[x][f];
        for (size_t k = 0; k < t->prefix[x][f] && n < MAX_CANDIDATES && visits < MAX_VISITS; k++) {
            entry *e = lookup(t, p[k].key, false);
            for (size_t m = 0; e && m < e->npost && n < MAX_CANDIDATES && visits++ < MAX_VISITS; m++) {
                size_t y = e->post[m].who, j = e->post[m].pos;
                if (t->seen[f][y] == probe + 1)
                    continue;
                t->seen[f][y] = probe + 1;
                size_t ny = t->size[first_indexed + y][f];
                size_t left = nx - k - 1 < ny - j - 1 ? nx - k - 1 : ny - j - 1;
                if (1 + left < overlap_needed(f, t->min, nx, ny) || t->taken[y] == probe + 1)
                    continue;
                t->taken[y] = probe + 1;
                out[n++] = y;
            }
        }
    }
    return n;
}

/* Whether statements x and y (numbers of t) share enough tokens of one
 * family to be t->min alike: their tokens merged in the one order, given
 * up as soon as what is left cannot make the overlap needed. Never false
 * for a pair that is that alike; psi_goal_sig_similarity says how alike. */
static bool
may_be_alike(const tokens *t, size_t x, size_t y)
{
    for (int f = 0; f < FAMILIES; f++) {
        const ranked *a = family(t, x, f), *b = family(t, y, f);
        size_t na = t->size[x][f], nb = t->size[y][f], need = overlap_needed(f, t->min, na, nb), common = 0;
        for (size_t i = 0, j = 0; i < na && j < nb && common + (na - i < nb - j ? na - i : nb - j) >= need;) {
            int c = cmp_rarest(&a[i], &b[j]);
            common += c == 0;
            i += c <= 0;
            j += c >= 0;
        }
        if (common >= need)
            return true;
    }
    return false;
}

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

void
psi_goal_repeats(const psi_goal_sig *s, size_t n, double min, long *rep)
{
    tokens t = { 0 };
    tokens_init(&t, s, n, min);
    size_t *cand = psi_malloc(MAX_CANDIDATES * sizeof *cand);
    for (size_t i = 0; i < n; i++) {
        size_t nc = candidates(&t, i, i, 0, cand);
        qsort(cand, nc, sizeof *cand, cmp_size); /* the first one alike wins */
        rep[i] = -1;
        for (size_t k = 0; k < nc && rep[i] < 0; k++)
            if (may_be_alike(&t, cand[k], i) && psi_goal_sig_similarity(&s[cand[k]], &s[i]) >= min)
                rep[i] = (long)cand[k];
        if (rep[i] < 0)
            index_add(&t, i, i);
    }
    free(cand);
    tokens_release(&t);
}

typedef struct pair {
    size_t a, b;
    double score;
} pair;

/* The most alike first; then in the order every-pair comparison made them. */
static int
cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->score != q->score)
        return p->score < q->score ? 1 : -1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

void
psi_goal_align(const psi_goal_sig *a, size_t na, const psi_goal_sig *b, size_t nb, double min,
               psi_goal_may_pair *may, const void *ctx, long *match_a, double *score_a, long *match_b)
{
    /* one token order for both years: b's statements are numbered after a's */
    psi_goal_sig *both = psi_malloc((na + nb + 1) * sizeof *both);
    for (size_t i = 0; i < na; i++)
        both[i] = a[i];
    for (size_t j = 0; j < nb; j++)
        both[na + j] = b[j];
    tokens t = { 0 };
    tokens_init(&t, both, na + nb, min);
    for (size_t j = 0; j < nb; j++)
        index_add(&t, na + j, j);
    size_t *cand = psi_malloc(MAX_CANDIDATES * sizeof *cand), np = 0, cap = 16;
    pair *pairs = psi_malloc(cap * sizeof *pairs), *mine = psi_malloc(MAX_PAIRS * sizeof *mine);
    for (size_t i = 0; i < na; i++) {
        size_t nc = candidates(&t, i, i, na, cand), nm = 0;
        for (size_t k = 0; k < nc; k++) {
            if (!may_be_alike(&t, i, na + cand[k]))
                continue;
            pair p = { i, cand[k], psi_goal_sig_similarity(&a[i], &b[cand[k]]) };
            if (p.score < min || (may && !may(ctx, i, cand[k], p.score)))
                continue;
            /* its MAX_PAIRS most alike, kept in order */
            size_t at = nm;
            while (at > 0 && cmp_pair(&p, &mine[at - 1]) < 0)
                at--;
            if (at == MAX_PAIRS)
                continue;
            nm -= nm == MAX_PAIRS;
            memmove(&mine[at + 1], &mine[at], (nm - at) * sizeof *mine);
            mine[at] = p;
            nm++;
        }
        if (np + nm > cap) {
            cap = (np + nm) * 2;
            pairs = psi_realloc(pairs, cap * sizeof *pairs);
        }
        memcpy(pairs + np, mine, nm * sizeof *mine);
        np += nm;
    }
    qsort(pairs, np, sizeof *pairs, cmp_pair);
    for (size_t i = 0; i < na; i++) {
        match_a[i] = -1;
        score_a[i] = 0;
    }
    for (size_t j = 0; j < nb; j++)
        match_b[j] = -1;
    for (size_t k = 0; k < np; k++) { /* best first; each goal once */
        if (match_a[pairs[k].a] >= 0 || match_b[pairs[k].b] >= 0)
            continue;
        match_a[pairs[k].a] = (long)pairs[k].b;
        match_b[pairs[k].b] = (long)pairs[k].a;
        score_a[pairs[k].a] = pairs[k].score;
    }
    free(pairs);
    free(mine);
    free(cand);
    free(both);
    tokens_release(&t);
}

/* goals.c: goal statements of a län or an organisation, year by year,
 * and how each fared from one plan to the next: kept, reworded (with a
 * word diff), new or dropped, or unfollowed and first when the other year
 * has no document of its organisation and unit, or in force when a plan,
 * budget or strategy states it for a period that covers the other year
 * too and nothing there takes its place. Statements come from passages tagged mal
 * (statements.c says what a goal statement is and how alike two are); a
 * statement counts once a year: a scorecard and its detail pages state the
 * same goal twice. Pairs are chosen greedily, best first, and no goal is
 * paired twice; pairing.c finds the repeats and the pairs without
 * comparing every two goals. A topic picks links after the alignment,
 * never before it, so the two years of a pair are read alike. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

#define REWORD_MIN 0.5   /* least similarity to call two goals the same goal */
#define REPEAT_MIN 0.9   /* least similarity to count two goals of one year once */

const char *
ps_goal_change_name(ps_goal_change c)
{
    switch (c) {
    case PS_GOAL_KEPT: return "kept";
    case PS_GOAL_REWORDED: return "reworded";
    case PS_GOAL_NEW: return "new";
    case PS_GOAL_DROPPED: return "dropped";
    case PS_GOAL_UNFOLLOWED: return "unfollowed";
    case PS_GOAL_FIRST: return "first";
    case PS_GOAL_IN_FORCE: return "in_force";
    case PS_GOAL_CHANGE_COUNT: break;
    }
    return "kept";
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

/* A hit and where it was: passages of a page keep the order the index
 * gave them (qsort need not be stable). */
typedef struct placed {
    ps_hit hit;
    size_t at;
} placed;

static int
cmp_placed(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    int c = cmp_hit_order(&x->hit, &y->hit);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Puts hits in document and page order. */
static void
sort_hits(ps_hits *h)
{
    placed *v = psi_malloc((h->n + 1) * sizeof *v);
    for (size_t i = 0; i < h->n; i++)
        v[i] = (placed){ h->hits[i], i };
    qsort(v, h->n, sizeof *v, cmp_placed);
    for (size_t i = 0; i < h->n; i++)
        h->hits[i] = v[i].hit;
    free(v);
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
    size_t cap;    /* of g->goals, w, sig and about */
    psi_words *w;      /* each goal's psi_words */
    psi_goal_sig *sig; /* what comparing it reads (borrows from w) */
    bool *about;   /* stated in a passage that matches the topic, the goal
                      or its heading path naming it */
    psi_topic topic; /* the topic's words (none without a topic) */
    char **who;    /* whose each goal is: the who_of() of the documents
                      stating it, joined by RS; NULL when none is known */
    size_t *first; /* each year's first goal; first[nyears] is ngoals */
    ps_kind *kind; /* the kind of the document that first states each goal */
    char **series; /* ... and its series (series_of()) */
    size_t lcap;   /* of g->links */
    struct year_docs *year_docs; /* the documents with goal passages of each year */
} goal_set;

/* A document with goal passages: whose it is (who_of(), NULL when its
 * organisation is unknown), its kind and its period (0 when none). */
typedef struct goal_doc {
    char *who;
    char *series;
    ps_kind kind;
    int period_from, period_to;
} goal_doc;

struct year_docs {
    goal_doc *v;
    size_t n;
};

/* Whose a passage's document is: its organisation (the register's code,
 * else its name) and unit, folded as the org: and unit: filters fold them;
 * NULL when its organisation is unknown. */
static char *
who_of(const ps_hit *p)
{
    char *org = p->org_code && *p->org_code ? psi_strdup(p->org_code)
                : p->org && *p->org         ? psi_vocab_term(PSI_VOCAB_ORG, p->org)
                                            : NULL;
    if (!org || !*org) {
        free(org);
        return NULL;
    }
    char *unit = p->unit && *p->unit ? psi_vocab_term(PSI_VOCAB_ORG, p->unit) : NULL;
    char *who = psi_asprintf("%s\x1f%s", org, unit ? unit : "");
    free(org);
    free(unit);
    return who;
}

/* Whether list (keys joined by RS) holds key. */
static bool
holds_key(const char *list, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = list; p; p = strchr(p, '\x1e'), p = p ? p + 1 : NULL)
        if (!strncmp(p, key, n) && (p[n] == '\x1e' || !p[n]))
            return true;
    return false;
}

/* Whether two RS-joined lists share a key. */
static bool
shares_key(const char *a, const char *b)
{
    bool shared = false;
    for (const char *p = b; p && !shared; p = strchr(p, '\x1e'), p = p ? p + 1 : NULL) {
        char *key = psi_strndup(p, strcspn(p, "\x1e"));
        shared = holds_key(a, key);
        free(key);
    }
    return shared;
}

/* Adds key (taken; may be NULL) to the RS-joined list *who. */
static void
add_who(char **who, char *key)
{
    if (!key || (*who && holds_key(*who, key))) {
        free(key);
        return;
    }
    if (!*who) {
        *who = key;
        return;
    }
    char *both = psi_asprintf("%s\x1e%s", *who, key);
    free(*who);
    free(key);
    *who = both;
}

/* Whether documents of kind k state an organisation's (or unit's) goals
 * at large, year by year: a verksamhetsplan, budget, strategy, annual
 * report or follow-up. A thematic plan, a report or minutes state the
 * goals of their subject ("Cykelplan", "Biblioteksplan", an evaluation). */
static bool
at_large(ps_kind k)
{
    return k == PS_KIND_VERKSAMHETSPLAN || k == PS_KIND_BUDGET || k == PS_KIND_STRATEGI ||
           k == PS_KIND_ARSREDOVISNING || k == PS_KIND_UPPFOLJNING;
}

/* Whether a document of series and kind would state goal i if it still
 * held: one of its series ("cykelplan" again), or, for a goal of a
 * document at large, one at large too (the 2027 biblioteksplan would not
 * state the 2026 cykelplan's goals). */
static bool
would_state(const char *series, ps_kind kind, const goal_set *gs, size_t i)
{
    return !strcmp(series, gs->series[i]) || (at_large(kind) && at_large(gs->kind[i]));
}

/* Whether two RS-joined lists of whose hold one organisation, whatever
 * the units: a nämnd's goal may be reworded in the kommun's budget. */
static bool
same_org(const char *a, const char *b)
{
    for (const char *p = a; p; p = strchr(p, '\x1e'), p = p ? p + 1 : NULL)
        for (const char *q = b; q; q = strchr(q, '\x1e'), q = q ? q + 1 : NULL) {
            size_t n = strcspn(p, "\x1f\x1e");
            if (n == strcspn(q, "\x1f\x1e") && !strncmp(p, q, n))
                return true;
        }
    return false;
}

/* Whether year y has goal passages of goal i's organisation and unit in a
 * document that would state it: else the goal is unfollowed there, not
 * dropped. A goal whose organisation is unknown is judged against the
 * whole year, which has goals. */
static bool
year_has(const goal_set *gs, int y, size_t i)
{
    const char *who = gs->who[i];
    if (!who)
        return true;
    for (size_t k = 0; k < gs->year_docs[y].n; k++) {
        const goal_doc *d = &gs->year_docs[y].v[k];
        if (d->who && holds_key(who, d->who) && would_state(d->series, d->kind, gs, i))
            return true;
    }
    return false;
}

/* A document's series: the letters of its file's name, years and other
 * figures left out ("cykelplan_2026-2028.pdf" and "cykelplan_2027-2029.pdf"
 * are one series, a lokalförsörjningsplan another). */
static char *
series_of(const char *file)
{
    const char *base = strrchr(file, '/');
    char *f = psi_fold_ascii(base ? base + 1 : file);
    size_t n = 0, len = strlen(f);
    if (len > 4 && !strcmp(f + len - 4, ".pdf"))
        f[len - 4] = '\0';
    for (char *q = f; *q; q++)
        if (*q >= 'a' && *q <= 'z')
            f[n++] = *q;
    f[n] = '\0';
    return f;
}

/* Whether documents of kind k look ahead: their period is when their
 * goals hold (a report's or a follow-up's is what it looks back on). */
static bool
looks_ahead(ps_kind k)
{
    return k == PS_KIND_PLAN || k == PS_KIND_VERKSAMHETSPLAN || k == PS_KIND_BUDGET || k == PS_KIND_STRATEGI;
}

/* Whether goal i, stated only in its own year, still holds in year y (an
 * index into years[]): a plan, budget or strategy states it for a period
 * that covers y, and y has no document that takes its place, which would
 * state it again if it still held: one of the same (known) organisation
 * and unit and kind that is a verksamhetsplan or budget (a new one each
 * year), or is of the same series for a period that overlaps it (a plan
 * revised, or rolled on: "Cykelplan 2026–2028", then "2027–2029"; not
 * another nämnd's plan, nor a cykelplan in place of a lokalförsörjningsplan). */
static bool
in_force(const goal_set *gs, size_t i, int y)
{
    const ps_goal *x = &gs->g->goals[i];
    int year = gs->g->years[y].year;
    if (!looks_ahead(gs->kind[i]) || !x->period_from || x->period_from > year || x->period_to < year)
        return false;
    for (size_t k = 0; k < gs->year_docs[y].n; k++) {
        const goal_doc *d = &gs->year_docs[y].v[k];
        bool same = gs->who[i] && d->who && holds_key(gs->who[i], d->who);
        bool yearly = d->kind == PS_KIND_VERKSAMHETSPLAN || d->kind == PS_KIND_BUDGET;
        bool revised = !strcmp(d->series, gs->series[i]) && d->period_from && d->period_from <= x->period_to &&
                       d->period_to >= x->period_from;
        if (same && d->kind == gs->kind[i] && (yearly || revised))
            return false;
    }
    return true;
}

/* The words of the goals, and whose they are, once they are compared. */
static void
goal_set_drop_words(goal_set *gs)
{
    for (size_t i = 0; gs->w && i < gs->g->ngoals; i++) {
        psi_goal_sig_release(&gs->sig[i]);
        psi_words_release(&gs->w[i]);
    }
    for (size_t i = 0; gs->who && i < gs->g->ngoals; i++)
        free(gs->who[i]);
    free(gs->w);
    free(gs->sig);
    free(gs->who);
    free(gs->kind);
    for (size_t i = 0; gs->series && i < gs->g->ngoals; i++)
        free(gs->series[i]);
    free(gs->series);
    gs->series = NULL;
    gs->w = NULL;
    gs->sig = NULL;
    gs->who = NULL;
    gs->kind = NULL;
}

static void
goal_set_release(goal_set *gs)
{
    goal_set_drop_words(gs);
    for (int y = 0; gs->year_docs && y < gs->g->nyears; y++) {
        for (size_t i = 0; i < gs->year_docs[y].n; i++) {
            free(gs->year_docs[y].v[i].who);
            free(gs->year_docs[y].v[i].series);
        }
        free(gs->year_docs[y].v);
    }
    free(gs->year_docs);
    free(gs->about);
    free(gs->first);
    psi_topic_release(&gs->topic);
}

static void
add_goal(goal_set *gs, ps_goal goal, psi_words w, psi_goal_sig sig, bool about, char *who, ps_kind kind)
{
    ps_goals *g = gs->g;
    if (g->ngoals == gs->cap) {
        gs->cap = gs->cap ? gs->cap * 2 : 64;
        g->goals = psi_realloc(g->goals, gs->cap * sizeof *g->goals);
        gs->w = psi_realloc(gs->w, gs->cap * sizeof *gs->w);
        gs->sig = psi_realloc(gs->sig, gs->cap * sizeof *gs->sig);
        gs->about = psi_realloc(gs->about, gs->cap * sizeof *gs->about);
        gs->who = psi_realloc(gs->who, gs->cap * sizeof *gs->who);
        gs->kind = psi_realloc(gs->kind, gs->cap * sizeof *gs->kind);
        gs->series = psi_realloc(gs->series, gs->cap * sizeof *gs->series);
    }
    gs->kind[g->ngoals] = kind;
    gs->series[g->ngoals] = series_of(goal.file);
    gs->w[g->ngoals] = w;
    gs->sig[g->ngoals] = sig;
    gs->about[g->ngoals] = about;
    gs->who[g->ngoals] = who;
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

/* Widens goal x's period (of a document of kind k) to hold the period of
 * p's document, another of that kind stating it, when the two overlap. */
static void
widen_period(ps_goal *x, ps_kind k, const ps_hit *p)
{
    if (!p->period_from || p->kind != k)
        return;
    if (!x->period_from) {
        x->period_from = p->period_from;
        x->period_to = p->period_to;
    } else if (p->period_from <= x->period_to && p->period_to >= x->period_from) {
        if (p->period_from < x->period_from)
            x->period_from = p->period_from;
        if (p->period_to > x->period_to)
            x->period_to = p->period_to;
    }
}

/* Whose goal passages (those of h marked in stating) a year has, of what
 * kind and period, each once. */
static void
year_documents(struct year_docs *yd, const ps_hits *h, const bool *stating)
{
    yd->v = psi_malloc((h->n + 1) * sizeof *yd->v);
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *p = &h->hits[i];
        if (!stating[i])
            continue;
        goal_doc d = { who_of(p), series_of(p->file), p->kind, p->period_from, p->period_to };
        bool seen = false;
        for (size_t k = 0; !seen && k < yd->n; k++)
            seen = ((!d.who && !yd->v[k].who) || (d.who && yd->v[k].who && !strcmp(yd->v[k].who, d.who))) &&
                   !strcmp(yd->v[k].series, d.series) && yd->v[k].kind == d.kind &&
                   yd->v[k].period_from == d.period_from && yd->v[k].period_to == d.period_to;
        if (seen) {
            free(d.who);
            free(d.series);
        } else {
            yd->v[yd->n++] = d;
        }
    }
}

/* Appends to h the passages of scope q's documents, not tagged mal, that
 * speak of a goal ("mål", "målet", "målsättningen", compounds): a goal
 * named outright there ("Målet är att …" under "Bakgrund") is a goal too. */
static ps_status
add_named_goal_passages(ps_index *ix, const ps_query_opts *q, ps_hits *h, ps_error *err)
{
    ps_query_opts all = *q;
    all.section = -1;
    ps_hits *named;
    char *words = psi_goal_words_query();
    ps_status s = psi_query_hits(ix, words, &all, 0, true, &named, err);
    free(words);
    if (s == PS_OK)
        psi_hits_append(h, named, PS_SECTION_MAL);
    return s;
}

/* A goal statement of a year, before its repeats are known. */
typedef struct stated {
    const ps_hit *hit;
    char *text;
    psi_words w;
    bool about;
} stated;

/* Whether passage p (passage np of the statements ss) names the topic only
 * in passing: not in its heading path, in none of its goals, and nowhere
 * but in statements that are no goals ("… och ge förutsättningar för en
 * god kompetensförsörjning."). A scorecard's inline heading between its
 * goals ("… rikssnittet Arbetsmarknad och kompetensförsörjning Andelen
 * …") lies in no statement: its goals are about the topic. */
static bool
in_passing(const psi_topic *t, const ps_hit *p, const psi_statements *ss, size_t np)
{
    if (psi_topic_named(t, p->heading))
        return false;
    char *rest = psi_strdup(p->text ? p->text : "");
    bool passing = false;
    for (size_t k = 0; k < ss->n; k++) {
        if (ss->v[k].passage != np || ss->v[k].heading)
            continue;
        bool names = psi_topic_named(t, ss->v[k].text);
        if (names && ss->v[k].kind == PS_STATEMENT_GOAL) {
            free(rest);
            return false;
        }
        char *at = strstr(rest, ss->v[k].text);
        if (at) /* blank it out: what is left lies in no statement */
            memset(at, ' ', strlen(ss->v[k].text));
        passing |= names;
    }
    passing = passing && !psi_topic_named(t, rest);
    free(rest);
    return passing;
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
    yr->passages = (unsigned)h->n;
    for (size_t i = 0; i < h->n; i++) {
        const ps_hit *p = &h->hits[i];
        yr->topic_passages += !topic || (topic->n && bsearch(p, topic->hits, topic->n, sizeof *topic->hits, cmp_passage));
    }
    s = add_named_goal_passages(ix, &q, h, err);
    if (s != PS_OK) {
        ps_hits_free(h);
        return s;
    }
    sort_hits(h);
    bool *stating = psi_calloc(h->n + 1, sizeof *stating); /* a passage with goals: mal, or one naming a goal */
    size_t first = g->ngoals, n = 0, cap = 0;
    stated *st = NULL;
    /* the passages under one heading of a document together: a goal the
     * heading states counts with the first of them, unless one states it
     * in full; passages not tagged mal give only the goals they name
     * outright */
    for (size_t i = 0, j; i < h->n; i = j) {
        bool mal = h->hits[i].section == PS_SECTION_MAL;
        for (j = i + 1; j < h->n && !strcmp(h->hits[j].file, h->hits[i].file) &&
                        !strcmp(h->hits[j].heading, h->hits[i].heading) &&
                        (h->hits[j].section == PS_SECTION_MAL) == mal;
             j++)
            ;
        const char **texts = psi_malloc((j - i) * sizeof *texts);
        /* a motion's goals are its proposer's, the nation's and the law's
         * are theirs, not the body's */
        bool others = psi_heading_of_others(h->hits[i].heading);
        for (size_t k = i; k < j; k++) {
            texts[k - i] = h->hits[k].text;
            stating[k] = mal && !others;
        }
        psi_statements ss;
        psi_heading_statements(h->hits[i].heading, texts, j - i, mal, &ss);
        free(texts);
        if (others) {
            for (size_t k = 0; k < ss.n; k++)
                yr->others += !mal ? psi_hit_names_goal(&h->hits[i + ss.v[k].passage], ss.v[k].text, &ss.v[k].w)
                                     : ss.v[k].kind == PS_STATEMENT_GOAL;
            psi_statements_release(&ss);
            continue;
        }
        bool *aside = psi_calloc(j - i + 1, sizeof *aside);
        for (size_t k = i; k < j; k++)
            aside[k - i] = topic && gs->topic.n && in_passing(&gs->topic, &h->hits[k], &ss, k - i);
        for (size_t k = 0; k < ss.n; k++) {
            const ps_hit *p = &h->hits[i + ss.v[k].passage];
            /* about the topic: in a passage that matches it, unless it names
             * it only in passing (a lokalförsörjningsplan's "… en god
             * kompetensförsörjning" beside goals for premises); a goal
             * that names it is about it there too */
            bool about = !topic || (topic->n && bsearch(p, topic->hits, topic->n, sizeof *topic->hits, cmp_passage) &&
                                    (!aside[ss.v[k].passage] || psi_topic_named(&gs->topic, ss.v[k].text)));
            if (!mal) {
                if (!psi_hit_names_goal(p, ss.v[k].text, &ss.v[k].w))
                    continue;
                stating[i + ss.v[k].passage] = true;
                yr->named++;
            } else {
                yr->statements++;
                if (ss.v[k].kind != PS_STATEMENT_GOAL) {
                    yr->not_goals++;
                    continue;
                }
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                st = psi_realloc(st, cap * sizeof *st);
            }
            st[n++] = (stated){ p, ss.v[k].text, ss.v[k].w, about };
            ss.v[k].text = NULL;
            ss.v[k].w = (psi_words){ 0 };
        }
        psi_statements_release(&ss);
        free(aside);
    }
    /* a statement alike to an earlier goal of the year is that goal again */
    psi_goal_sig *sig = psi_malloc((n + 1) * sizeof *sig);
    long *rep = psi_malloc((n + 1) * sizeof *rep);
    size_t *goal_of = psi_malloc((n + 1) * sizeof *goal_of);
    for (size_t i = 0; i < n; i++)
        psi_goal_sig_of(&st[i].w, &sig[i]);
    psi_goal_repeats(sig, n, REPEAT_MIN, rep);
    for (size_t i = 0; i < n; i++) {
        const ps_hit *p = st[i].hit;
        if (rep[i] < 0) {
            goal_of[i] = g->ngoals;
            add_goal(gs,
                     (ps_goal){ yr->year, psi_strdup(p->file), p->page, psi_strdup(p->heading), st[i].text, NULL, 0,
                                p->period_from, p->period_to },
                     st[i].w, sig[i], st[i].about, who_of(p), p->kind);
            continue;
        }
        size_t k = goal_of[rep[i]];
        add_place(&g->goals[k], p->file, p->page);
        add_who(&gs->who[k], who_of(p)); /* stated by another organ too */
        widen_period(&g->goals[k], gs->kind[k], p); /* ... or for a longer period */
        gs->about[k] |= st[i].about;
        yr->repeats++;
        psi_goal_sig_release(&sig[i]);
        psi_words_release(&st[i].w);
        free(st[i].text);
    }
    free(sig);
    free(rep);
    free(goal_of);
    free(st);
    yr->goals = (unsigned)(g->ngoals - first);
    year_documents(&gs->year_docs[y], h, stating);
    free(stating);
    ps_hits_free(h);
    return PS_OK;
}

/* ----------------------------------------------------------------- align */

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

/* Goals an alignment of two years pairs: the goals of ya (from) and of
 * yb (first b0). */
typedef struct pairing {
    const goal_set *gs;
    const size_t *from;
    size_t b0;
} pairing;

/* Whether goal i of ya may be reworded as goal j of yb: of one
 * organisation (or one unknown), in documents that would state each
 * other's goals (a cykelplan's "Antalet cykelbanor ska vara minst 40" is
 * not reworded as an idrottsprogram's "Antalet föreningar … minst 30").
 * A goal stated again in the same words is kept wherever it is. */
static bool
may_pair(const void *ctx, size_t i, size_t j, double score)
{
    const pairing *p = ctx;
    size_t a = p->from[i], b = p->b0 + j;
    const goal_set *gs = p->gs;
    return score >= 1 || ((!gs->who[a] || !gs->who[b] || same_org(gs->who[a], gs->who[b])) &&
                          would_state(gs->series[b], gs->kind[b], gs, a));
}

/* Whether link l carries its earlier goal, in force, into year y. */
static bool
carries_into(const ps_goal_link *l, int y)
{
    return l->to_year == y && l->change == PS_GOAL_IN_FORCE && l->to < 0;
}

/* Links from the goals of year ya to those of year yb. The goals of ya
 * are its own and those an earlier year's plan holds in force in it (its
 * links into ya say so): a goal of a lokalförsörjningsplan 2026–2031 that
 * 2027 does not state is still compared with 2028's, kept or reworded
 * there, or dropped when a plan of its series leaves it out. */
static void
align_years(goal_set *gs, int ya, int yb)
{
    ps_goals *g = gs->g;
    psi_words *w = gs->w;
    size_t a0 = gs->first[ya], a1 = gs->first[ya + 1], b0 = gs->first[yb], b1 = gs->first[yb + 1];
    int from_year = g->years[ya].year, to_year = g->years[yb].year;
    size_t na = a1 - a0, nlinks = g->nlinks;
    for (size_t i = 0; i < nlinks; i++)
        na += carries_into(&g->links[i], from_year);
    size_t *from = psi_malloc((na + 1) * sizeof *from); /* the goals of ya, own first */
    psi_goal_sig *sig = psi_malloc((na + 1) * sizeof *sig);
    na = 0;
    for (size_t a = a0; a < a1; a++)
        from[na++] = a;
    for (size_t i = 0; i < nlinks; i++)
        if (carries_into(&g->links[i], from_year))
            from[na++] = (size_t)g->links[i].from;
    for (size_t k = 0; k < na; k++)
        sig[k] = gs->sig[from[k]];
    long *match_a = psi_malloc((na + 1) * sizeof *match_a), *match_b = psi_malloc((b1 - b0 + 1) * sizeof *match_b);
    double *score_a = psi_malloc((na + 1) * sizeof *score_a);
    pairing pc = { gs, from, b0 };
    psi_goal_align(sig, na, &gs->sig[b0], b1 - b0, REWORD_MIN, may_pair, &pc, match_a, score_a, match_b);
    for (size_t k = 0; k < na; k++) {
        size_t a = from[k];
        long b = match_a[k] >= 0 ? (long)b0 + match_a[k] : -1;
        ps_goal_change gone = in_force(gs, a, yb)   ? PS_GOAL_IN_FORCE
                              : year_has(gs, yb, a) ? PS_GOAL_DROPPED
                                                    : PS_GOAL_UNFOLLOWED;
        ps_goal_link l = { from_year, to_year, gone, (long)a, -1, 0, NULL, 0 };
        if (b >= 0) {
            l.to = b;
            l.similarity = score_a[k];
            bool same = w[a].n == w[b].n;
            for (size_t j = 0; same && j < w[a].n; j++)
                same = !strcmp(w[a].w[j], w[b].w[j]);
            l.change = same ? PS_GOAL_KEPT : PS_GOAL_REWORDED;
            if (!same)
                l.diff = psi_word_diff(&w[a], &w[b], &l.ndiff);
            if (same)
                l.similarity = 1;
        }
        add_link(gs, l);
    }
    for (size_t b = b0; b < b1; b++) {
        if (match_b[b - b0] >= 0)
            continue;
        /* ya had goals of its organisation and unit in a document that
         * would state it: its own or in force */
        bool had = year_has(gs, ya, b);
        for (size_t k = a1 - a0; k < na && !had; k++)
            had = gs->who[b] && gs->who[from[k]] && shares_key(gs->who[from[k]], gs->who[b]) &&
                  would_state(gs->series[from[k]], gs->kind[from[k]], gs, b);
        add_link(gs, (ps_goal_link){ from_year, to_year,
                                     in_force(gs, b, ya) ? PS_GOAL_IN_FORCE
                                     : had               ? PS_GOAL_NEW
                                                         : PS_GOAL_FIRST,
                                     -1, (long)b, 0, NULL, 0 });
    }
    free(match_a);
    free(match_b);
    free(score_a);
    free(from);
    free(sig);
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

/* Keeps the goals keep[] marks, renumbering the links. */
static void
keep_goals(ps_goals *g, const bool *keep)
{
    long *renum = psi_malloc((g->ngoals + 1) * sizeof *renum);
    size_t n = 0;
    for (size_t i = 0; i < g->ngoals; i++) {
        if (!keep[i]) {
            renum[i] = -1;
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

/* Keeps the links with a goal about the topic, and the goals they link;
 * of a year compared with no other (one year, or the only year with
 * goals), the goals about the topic (a year's goals listed). */
static void
keep_linked(goal_set *gs)
{
    ps_goals *g = gs->g;
    bool *linked = psi_calloc(g->ngoals + 1, sizeof *linked); /* compared with another year's */
    for (size_t i = 0; i < g->nlinks; i++) {
        if (g->links[i].from >= 0)
            linked[g->links[i].from] = true;
        if (g->links[i].to >= 0)
            linked[g->links[i].to] = true;
    }
    size_t kept = 0;
    for (size_t i = 0; i < g->nlinks; i++) {
        ps_goal_link *l = &g->links[i];
        if ((l->from >= 0 && gs->about[l->from]) || (l->to >= 0 && gs->about[l->to]))
            g->links[kept++] = *l;
        else
            link_release(l);
    }
    g->nlinks = kept;
    bool *keep = psi_calloc(g->ngoals + 1, sizeof *keep);
    for (size_t i = 0; i < g->ngoals; i++) {
        keep[i] = !linked[i] && gs->about[i]; /* a year with no other to compare it with: listed */
        for (int y = 0; keep[i] && y < g->nyears; y++)
            g->years[y].listed += g->years[y].year == g->goals[i].year;
    }
    free(linked);
    for (size_t i = 0; i < g->nlinks; i++) {
        if (g->links[i].from >= 0)
            keep[g->links[i].from] = true;
        if (g->links[i].to >= 0)
            keep[g->links[i].to] = true;
    }
    keep_goals(g, keep);
    free(keep);
}

/* ----------------------------------------------------------------- scope */

/* The unit the scope's --unit names, as its documents write it: "tekniska
 * nämnden" for "tekniska" (a unit's start) when its documents have that
 * one unit; else as typed. Free it. */
static char *
unit_name(ps_index *ix, const ps_query_opts *scope)
{
    ps_query_opts q = *scope;
    q.year_from = q.year_to = 0;
    q.section = -1;
    ps_doclist *l = NULL;
    ps_error err = PS_ERROR_INIT; /* a failure names the unit as typed */
    const char *one = NULL;
    bool several = false;
    if (ps_docs_query(ix, NULL, &q, &l, &err) == PS_OK)
        for (size_t i = 0; i < l->n && !several; i++)
            if (l->docs[i].unit && *l->docs[i].unit) {
                several = one && strcmp(one, l->docs[i].unit);
                one = one ? one : l->docs[i].unit;
            }
    char *r = psi_strdup(one && !several ? one : scope->unit);
    ps_doclist_free(l);
    return r;
}

/* g->lan, g->org and g->name from the scope; PS_ERR_USAGE without either. */
static ps_status
name_scope(ps_index *ix, ps_goals *g, const ps_query_opts *scope, ps_error *err)
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
    const char *who = g->org ? g->org : ps_lan_name(g->lan);
    char *unit = scope->unit && *scope->unit ? unit_name(ix, scope) : NULL;
    if (g->org && g->lan >= 0 && unit)
        g->name = psi_asprintf("%s, %s, %s", g->org, unit, ps_lan_name(g->lan));
    else if (g->org && g->lan >= 0)
        g->name = psi_asprintf("%s, %s", g->org, ps_lan_name(g->lan));
    else if (unit)
        g->name = psi_asprintf("%s, %s", who, unit);
    else
        g->name = psi_strdup(who);
    free(unit);
    return PS_OK;
}

/* g->years: the years asked for, or every year with documents in scope,
 * each with its number of documents. */
static ps_status
scope_years(ps_index *ix, const ps_query_opts *scope, const int *years, int nyears, ps_goals *g, ps_error *err)
{
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
    if (nyears > 0 || g->nyears >= 1)
        return PS_OK;
    if (scope->year_from > 0 || scope->year_to > 0)
        return psi_fail(err, PS_ERR_USAGE, "no documents of %s in %d..%d", g->name, scope->year_from, scope->year_to);
    if (scope->unit && *scope->unit)
        return psi_fail(err, PS_ERR_USAGE, "no documents of %s (a unit is named as 'plansok docs' shows it: "
                                           "socialnämnden)", g->name);
    return psi_fail(err, PS_ERR_USAGE, "no documents of %s", g->name);
}

ps_status
ps_goals_compare(ps_index *ix, const ps_query_opts *scope, const int *years, int nyears, const char *query,
                 ps_goals **out, ps_error *err)
{
    *out = NULL;
    ps_goals *g = psi_calloc(1, sizeof *g);
    goal_set gs = { .g = g };
    ps_hits *topic = NULL;
    ps_status s = name_scope(ix, g, scope, err);
    if (s == PS_OK)
        s = scope_years(ix, scope, years, nyears, g, err);
    if (s == PS_OK && query && query[strspn(query, " \t\n")]) {
        psi_topic_of(query, &gs.topic);
        ps_query_opts q = *scope;
        q.year_from = g->years[0].year;
        q.year_to = g->years[g->nyears - 1].year;
        q.section = -1; /* goals are named outright in other passages too */
        s = psi_query_hits(ix, query, &q, 0, true, &topic, err);
        if (s == PS_OK)
            qsort(topic->hits, topic->n, sizeof *topic->hits, cmp_passage);
    }
    gs.first = psi_calloc((size_t)g->nyears + 1, sizeof *gs.first);
    gs.year_docs = psi_calloc((size_t)g->nyears + 1, sizeof *gs.year_docs);
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

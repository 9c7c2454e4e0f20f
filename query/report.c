/* report.c: ps_report_run(), everything a report on one topic shows: the
 * län x year matrix, the best passage per län and year and of each
 * organisation there, passages tagged
 * mal and budget about the topic, and the budget rows that name it. The
 * printers (cli/report.c) only lay this out. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static void
add_line(psi_buf *b, const char *line)
{
    if (b->len)
        psi_buf_addc(b, '\n');
    psi_buf_adds(b, line);
}

/* The heading path of a passage without the document's title (its first
 * level, when it has more): "Cykelplan för Alingsås kommun > 3. Mål" names
 * no cycling goal by its title. */
static const char *
below_title(const char *heading)
{
    const char *gt = heading ? strstr(heading, " > ") : NULL;
    return gt ? gt + 3 : heading;
}

/* Keeps the goal passages that state a goal about the topic (the goal
 * names it, or the passage's heading below the title does), each with those goal
 * statements; other passages give the goals they name outright ("Målet
 * är att …"). A passage tagged mal may hold only background
 * ("Målen pekar ut riktningen …"), or goals of other things beside a
 * sentence that names the topic: it states no goal about the topic. At
 * most limit stay. */
static void
keep_goal_statements(ps_report *r, const psi_topic *t, size_t limit)
{
    size_t kept = 0;
    ps_hits *g = r->goals;
    r->goal_statements = psi_calloc(g->n + 1, sizeof *r->goal_statements);
    for (size_t i = 0; i < g->n; i++) {
        /* the goals each passage's text states (goals also reads goals
         * from headings, "Mål – …": a report cites passages) */
        const char *text = g->hits[i].text;
        psi_statements ss;
        psi_heading_statements(g->hits[i].heading, &text, 1, false, &ss);
        psi_buf about = PSI_BUF_INIT;
        /* under a heading that names the topic ("Kompetensförsörjningsmål >
         * Förskola"), every goal is about it */
        bool heading = psi_topic_named(t, below_title(g->hits[i].heading));
        bool mal = g->hits[i].section == PS_SECTION_MAL;
        for (size_t k = 0; k < ss.n; k++)
            if ((mal ? ss.v[k].kind == PS_STATEMENT_GOAL : psi_hit_names_goal(&g->hits[i], ss.v[k].text, &ss.v[k].w)) &&
                (!t->n || heading || psi_topic_named(t, ss.v[k].text)))
                add_line(&about, ss.v[k].text);
        psi_statements_release(&ss);
        if (!about.len || kept >= limit) {
            psi_hit_release(&g->hits[i]);
            psi_buf_release(&about);
            continue;
        }
        r->goal_statements[kept] = psi_buf_detach(&about);
        g->hits[kept++] = g->hits[i];
    }
    g->n = kept;
}

/* Appends to h (passages tagged mal) the best passages of other sections
 * about the query, where goals may be named outright. */
static ps_status
add_other_passages(ps_index *ix, const char *query, const ps_query_opts *o, ps_hits *h, ps_error *err)
{
    ps_query_opts q = *o;
    q.limit = 50;
    ps_hits *more;
    ps_status st = ps_search(ix, query, &q, &more, err);
    if (st == PS_OK)
        psi_hits_append(h, more, PS_SECTION_MAL);
    return st;
}

/* Whose a passage is, as the report names it: organisation and unit. */
static char *
voice_of(const char *org, const char *unit)
{
    return psi_asprintf("%s\x1f%s", org ? org : "", unit ? unit : "");
}

static int
cmp_docid(const void *a, const void *b)
{
    return strcmp((*(const ps_docinfo *const *)a)->docid, (*(const ps_docinfo *const *)b)->docid);
}

/* Whose the document docid is (hits without their text carry no
 * organisation): by the sorted list by[0..n). */
static char *
voice_of_doc(ps_docinfo *const *by, size_t n, const char *docid)
{
    ps_docinfo key = { .docid = (char *)docid }, *k = &key;
    ps_docinfo *const *d = n ? bsearch(&k, by, n, sizeof *by, cmp_docid) : NULL;
    return voice_of(d ? (*d)->org : NULL, d ? (*d)->unit : NULL);
}

/* One organisation's (and unit's) passages in a cell. */
typedef struct voice {
    char *who;
    unsigned passages, docs;
    const char **docids; /* its documents seen (docs of them) */
    long best; /* index in the cell's ranked hits with text, or -1 */
} voice;

/* Which organisation said what in each cell of the compare table: per
 * cell, every organisation (and unit) with passages there, most passages
 * first, with its best passage. A län-year cell of a regional strategy
 * and a kommun's plans names both, not the best one alone. */
static ps_status
add_voices(ps_report *r, ps_index *ix, const char *query, const ps_query_opts *o, ps_error *err)
{
    const ps_compare *c = r->compare;
    r->voices = psi_calloc(1, sizeof *r->voices);
    r->voices->query = psi_strdup(query);
    size_t cap = 0;
    ps_doclist *dl;
    ps_status st = ps_docs_list(ix, &dl, err);
    if (st != PS_OK)
        return st;
    ps_docinfo **by = psi_malloc((dl->n + 1) * sizeof *by);
    for (size_t i = 0; i < dl->n; i++)
        by[i] = &dl->docs[i];
    if (dl->n)
        qsort(by, dl->n, sizeof *by, cmp_docid);
    for (size_t k = 0; k < c->ncells && st == PS_OK; k++) {
        if (c->cells[k].year <= 0)
            continue; /* unknown year: no filter can select it alone */
        ps_query_opts q = *o;
        q.lan = c->cells[k].lan >= 0 ? c->cells[k].lan : PS_LAN_NONE;
        q.year_from = q.year_to = c->cells[k].year;
        ps_hits *all = NULL, *top = NULL;
        st = psi_query_hits(ix, query, &q, 0, false, &all, err);
        if (st == PS_OK)
            st = psi_query_hits(ix, query, &q, 200, true, &top, err);
        voice *v = NULL;
        size_t nv = 0;
        for (size_t i = 0; st == PS_OK && i < all->n; i++) {
            char *who = voice_of_doc(by, dl->n, all->hits[i].docid);
            size_t j = 0;
            while (j < nv && strcmp(v[j].who, who))
                j++;
            if (j == nv) {
                v = psi_realloc(v, (nv + 1) * sizeof *v);
                v[nv++] = (voice){ who, 0, 0, NULL, -1 };
            } else {
                free(who);
            }
            v[j].passages++;
            bool seen = false;
            for (unsigned e = 0; e < v[j].docs && !seen; e++)
                seen = !strcmp(v[j].docids[e], all->hits[i].docid);
            if (!seen) {
                v[j].docids = psi_realloc(v[j].docids, (v[j].docs + 1) * sizeof *v[j].docids);
                v[j].docids[v[j].docs++] = all->hits[i].docid;
            }
        }
        for (size_t i = 0; st == PS_OK && i < top->n; i++) {
            char *who = voice_of(top->hits[i].org, top->hits[i].unit);
            for (size_t j = 0; j < nv; j++)
                if (v[j].best < 0 && !strcmp(v[j].who, who))
                    v[j].best = (long)i;
            free(who);
        }
        /* most passages first; on a tie, the one with the better passage */
        for (size_t a = 1; a < nv; a++)
            for (size_t b = a; b > 0; b--) {
                bool after = v[b].passages > v[b - 1].passages ||
                             (v[b].passages == v[b - 1].passages && v[b].best >= 0 &&
                              (v[b - 1].best < 0 || v[b].best < v[b - 1].best));
                if (!after)
                    break;
                voice t = v[b];
                v[b] = v[b - 1];
                v[b - 1] = t;
            }
        for (size_t j = 0; j < nv; j++) {
            if (r->voices->n == cap) {
                cap = cap ? cap * 2 : 16;
                r->voices->hits = psi_realloc(r->voices->hits, cap * sizeof *r->voices->hits);
                r->voice_cell = psi_realloc(r->voice_cell, cap * sizeof *r->voice_cell);
                r->voice_passages = psi_realloc(r->voice_passages, cap * sizeof *r->voice_passages);
                r->voice_docs = psi_realloc(r->voice_docs, cap * sizeof *r->voice_docs);
            }
            size_t n = r->voices->n++;
            if (v[j].best >= 0) {
                r->voices->hits[n] = top->hits[v[j].best];
                memset(&top->hits[v[j].best], 0, sizeof top->hits[v[j].best]);
            } else { /* all its passages rank below the cell's first 200: named, not cited */
                const char *sep = strchr(v[j].who, '\x1f');
                r->voices->hits[n] = (ps_hit){ .org = psi_strndup(v[j].who, (size_t)(sep - v[j].who)),
                                               .unit = psi_strdup(sep + 1), .lan = c->cells[k].lan,
                                               .year = c->cells[k].year };
            }
            r->voice_cell[n] = k;
            r->voice_passages[n] = v[j].passages;
            r->voice_docs[n] = v[j].docs;
            free(v[j].who);
            free(v[j].docids);
        }
        free(v);
        ps_hits_free(all);
        ps_hits_free(top);
    }
    r->voices->total = r->voices->n;
    free(by);
    ps_doclist_free(dl);
    return st;
}

ps_status
ps_report_run(ps_index *ix, const char *query, const ps_query_opts *o, size_t goals, ps_report **out,
              ps_error *err)
{
    *out = NULL;
    ps_query_opts def = PS_QUERY_OPTS_INIT;
    if (!o)
        o = &def;
    ps_report *r = psi_calloc(1, sizeof *r);
    r->query = psi_strdup(query);
    psi_topic t;
    psi_topic_of(query, &t);
    ps_status st = ps_matrix_run(ix, query, o, &r->matrix, err);
    if (st == PS_OK)
        st = ps_compare_run(ix, query, o, &r->compare, err);
    if (st == PS_OK)
        st = add_voices(r, ix, query, o, err);
    if (st == PS_OK) {
        ps_query_opts g = *o;
        g.section = PS_SECTION_MAL;
        g.limit = 3 * (goals ? goals : 15); /* some state no goal */
        st = ps_search(ix, query, &g, &r->goals, err);
        if (st == PS_OK) /* then goals named outright in other passages */
            st = add_other_passages(ix, query, o, r->goals, err);
        if (st == PS_OK)
            keep_goal_statements(r, &t, goals ? goals : 15);
    }
    if (st == PS_OK) {
        ps_query_opts b = *o;
        b.section = PS_SECTION_BUDGET;
        b.limit = 10;
        st = ps_search(ix, query, &b, &r->budget_passages, err);
    }
    if (st == PS_OK)
        st = ps_budget_list(ix, query, o, &r->budget, err);
    if (st != PS_OK) {
        psi_topic_release(&t);
        ps_report_free(r);
        return st;
    }
    psi_topic_release(&t);
    *out = r;
    return PS_OK;
}

void
ps_report_free(ps_report *r)
{
    if (!r)
        return;
    free(r->query);
    ps_matrix_free(r->matrix);
    ps_compare_free(r->compare);
    if (r->goals && r->goal_statements)
        for (size_t i = 0; i < r->goals->n; i++)
            free(r->goal_statements[i]);
    free(r->goal_statements);
    ps_hits_free(r->goals);
    ps_hits_free(r->budget_passages);
    ps_budget_free(r->budget);
    ps_hits_free(r->voices);
    free(r->voice_cell);
    free(r->voice_passages);
    free(r->voice_docs);
    free(r);
}

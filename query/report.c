/* report.c: ps_report_run(), everything a report on one topic shows: the
 * län x year matrix, the best passage per län and year, passages tagged
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
    free(r);
}

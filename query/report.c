/* report.c: ps_report_run(), everything a report on one topic shows: the
 * län x year matrix, the best passage per län and year, passages tagged
 * mal and budget about the topic, and the budget rows that name it. The
 * printers (cli/report.c) only lay this out. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

/* Words of four letters or more of the query, lower-cased. */
static size_t
topic_words(const char *query, char ***out)
{
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, query, strlen(query));
    const char *s = psi_buf_str(&low);
    char **v = NULL;
    size_t n = 0;
    for (size_t i = 0; s[i];) {
        while (s[i] && !psi_byte_is_word((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (s[i] && psi_byte_is_word((unsigned char)s[i]))
            i++;
        if (i > b && psi_utf8_chars(s + b, i - b) >= 4) {
            v = psi_realloc(v, (n + 1) * sizeof *v);
            v[n++] = psi_strndup(s + b, i - b);
        }
    }
    psi_buf_release(&low);
    *out = v;
    return n;
}

static bool
names_topic(const char *text, char *const *words, size_t n)
{
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, text, strlen(text));
    bool found = false;
    for (size_t k = 0; k < n && !found; k++)
        found = strstr(psi_buf_str(&low), words[k]) != NULL;
    psi_buf_release(&low);
    return found;
}

/* Keeps the rows whose label or table names a word of the topic. */
static void
keep_topic_rows(ps_budget *b, const char *query)
{
    char **words;
    size_t nw = topic_words(query, &words), kept = 0;
    for (size_t i = 0; i < b->n; i++) {
        ps_budget_row *r = &b->rows[i];
        if (names_topic(r->label, words, nw) || names_topic(r->table, words, nw))
            b->rows[kept++] = *r;
        else
            psi_budget_row_release(r);
    }
    b->n = kept;
    for (size_t k = 0; k < nw; k++)
        free(words[k]);
    free(words);
}

static void
add_line(psi_buf *b, const char *line)
{
    if (b->len)
        psi_buf_addc(b, '\n');
    psi_buf_adds(b, line);
}

/* Whether text holds a word of the topic, inflected: each word's first
 * letters but its last three (at least four letters), so that
 * "kompetensförsörjningen" names "kompetensförsörjning" and back. */
static bool
names_topic_stem(const char *text, char *const *words, size_t n)
{
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, text, strlen(text));
    bool found = false;
    for (size_t k = 0; k < n && !found; k++) {
        size_t len = strlen(words[k]), chars = psi_utf8_chars(words[k], len);
        size_t keep = chars > 7 ? chars - 3 : 4;
        /* the byte length of the first keep characters */
        size_t b = 0;
        for (size_t c = 0; c < keep && b < len; c++) {
            b++;
            while (b < len && ((unsigned char)words[k][b] & 0xC0) == 0x80)
                b++;
        }
        char *stem = psi_strndup(words[k], b);
        found = strstr(psi_buf_str(&low), stem) != NULL;
        free(stem);
    }
    psi_buf_release(&low);
    return found;
}

/* Keeps the goal passages that state a goal about the topic (the goal
 * names it, or the passage's heading does), each with those goal
 * statements. A passage tagged mal may hold only background
 * ("Målen pekar ut riktningen …"), or goals of other things beside a
 * sentence that names the topic: it states no goal about the topic. At
 * most limit stay. */
static void
keep_goal_statements(ps_report *r, const char *query, size_t limit)
{
    char **words;
    size_t nw = topic_words(query, &words), kept = 0;
    ps_hits *g = r->goals;
    r->goal_statements = psi_calloc(g->n + 1, sizeof *r->goal_statements);
    for (size_t i = 0; i < g->n; i++) {
        psi_strlist sl = { 0 };
        psi_goal_statements(g->hits[i].text ? g->hits[i].text : "", &sl);
        psi_buf about = PSI_BUF_INIT;
        /* under a heading that names the topic ("Kompetensförsörjningsmål >
         * Förskola"), every goal is about it */
        bool heading = nw && g->hits[i].heading && names_topic_stem(g->hits[i].heading, words, nw);
        for (size_t k = 0; k < sl.n; k++) {
            if (ps_goal_statement_kind(sl.v[k]) == PS_STATEMENT_GOAL &&
                (!nw || heading || names_topic_stem(sl.v[k], words, nw)))
                add_line(&about, sl.v[k]);
            free(sl.v[k]);
        }
        free(sl.v);
        if (!about.len || kept >= limit) {
            psi_hit_release(&g->hits[i]);
            psi_buf_release(&about);
            continue;
        }
        r->goal_statements[kept] = psi_buf_detach(&about);
        g->hits[kept++] = g->hits[i];
    }
    g->n = kept;
    for (size_t k = 0; k < nw; k++)
        free(words[k]);
    free(words);
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
    ps_status st = ps_matrix_run(ix, query, o, &r->matrix, err);
    if (st == PS_OK)
        st = ps_compare_run(ix, query, o, &r->compare, err);
    if (st == PS_OK) {
        ps_query_opts g = *o;
        g.section = PS_SECTION_MAL;
        g.limit = 3 * (goals ? goals : 15); /* some state no goal */
        st = ps_search(ix, query, &g, &r->goals, err);
        if (st == PS_OK)
            keep_goal_statements(r, query, goals ? goals : 15);
    }
    if (st == PS_OK) {
        ps_query_opts b = *o;
        b.section = PS_SECTION_BUDGET;
        b.limit = 10;
        st = ps_search(ix, query, &b, &r->budget_passages, err);
    }
    if (st == PS_OK)
        st = ps_budget_list(ix, o, &r->budget, err);
    if (st != PS_OK) {
        ps_report_free(r);
        return st;
    }
    keep_topic_rows(r->budget, query);
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

/* print-goals.c: "plansok goals" results: how each goal statement of a län
 * or an organisation fared from one year to the next (kept, reworded with
 * its changed words marked, new, dropped, unfollowed, first, in_force), or one year's goals listed, as
 * text, JSON, CSV or Markdown tables, with the library's counts of each change and what each year
 * gave (documents, goal passages, goals). Pairs nothing and counts
 * nothing. */
#include "print.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

static const char *const diff_op_names[] = { "same", "del", "add" };

/* A string, or null when there is none. */
static void
string_or_null(sprinter *sp, const char *key, const char *s)
{
    if (s) {
        sprinter_map_string(sp, key, s);
        return;
    }
    sp->map_key(sp, key);
    sp->null(sp);
}

/* A link's goal id or a year of a goal's period, null when there is
 * none (below 0). */
static void
goal_id(sprinter *sp, const char *key, long id)
{
    sp->map_key(sp, key);
    if (id >= 0)
        sp->integer(sp, id);
    else
        sp->null(sp);
}

static void
goals_json(FILE *f, const ps_goals *g, const char *query)
{
    sprinter_json js;
    sprinter *sp = cli_json_begin(&js, f);
    string_or_null(sp, "lan", g->lan >= 0 ? ps_lan_name(g->lan) : NULL);
    string_or_null(sp, "org", g->org);
    sprinter_map_string(sp, "query", query);
    sp->map_key(sp, "years");
    sp->begin_list(sp);
    for (int y = 0; y < g->nyears; y++)
        sp->integer(sp, g->years[y].year);
    sp->end(sp);
    cli_json_list(sp, "per_year");
    for (int y = 0; y < g->nyears; y++) {
        const ps_goal_year *x = &g->years[y];
        cli_json_item(sp);
        sprinter_map_integer(sp, "year", x->year);
        sprinter_map_integer(sp, "documents", x->docs);
        sprinter_map_integer(sp, "goal_passages", x->passages);
        sprinter_map_integer(sp, "topic_passages", x->topic_passages);
        sprinter_map_integer(sp, "statements", x->statements);
        sprinter_map_integer(sp, "not_goals", x->not_goals);
        sprinter_map_integer(sp, "named_elsewhere", x->named);
        sprinter_map_integer(sp, "listed", x->listed);
        sprinter_map_integer(sp, "repeats", x->repeats);
        sprinter_map_integer(sp, "others", x->others);
        sprinter_map_integer(sp, "goals", x->goals);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    cli_json_list(sp, "goals");
    for (size_t i = 0; i < g->ngoals; i++) {
        const ps_goal *x = &g->goals[i];
        cli_json_item(sp);
        sprinter_map_integer(sp, "id", (long long)i);
        sprinter_map_integer(sp, "year", x->year);
        sprinter_map_string(sp, "file", x->file);
        sprinter_map_integer(sp, "page", x->page + 1);
        sprinter_map_string(sp, "heading", x->heading);
        sprinter_map_string(sp, "text", x->text);
        goal_id(sp, "period_from", x->period_from > 0 ? x->period_from : -1);
        goal_id(sp, "period_to", x->period_to > 0 ? x->period_to : -1);
        sp->map_key(sp, "also");
        sp->begin_list(sp);
        for (size_t k = 0; k < x->nalso; k++) {
            sp->begin_map(sp);
            sprinter_map_string(sp, "file", x->also[k].file);
            sprinter_map_integer(sp, "page", x->also[k].page + 1);
            sp->end(sp);
        }
        sp->end(sp);
        sp->end(sp);
    }
    sp->end(sp);
    cli_json_list(sp, "links");
    for (size_t i = 0; i < g->nlinks; i++) {
        const ps_goal_link *l = &g->links[i];
        cli_json_item(sp);
        sprinter_map_integer(sp, "from_year", l->from_year);
        sprinter_map_integer(sp, "to_year", l->to_year);
        sprinter_map_string(sp, "change", ps_goal_change_name(l->change));
        goal_id(sp, "from", l->from);
        goal_id(sp, "to", l->to);
        sp->map_key(sp, "similarity");
        sp->number(sp, "%.3f", l->similarity);
        sp->map_key(sp, "diff");
        sp->begin_list(sp);
        for (size_t k = 0; k < l->ndiff; k++) {
            sp->begin_map(sp);
            sprinter_map_string(sp, "op", diff_op_names[l->diff[k].op]);
            sprinter_map_string(sp, "text", l->diff[k].text);
            sp->end(sp);
        }
        sp->end(sp);
        sp->end(sp);
    }
    cli_json_list_end(sp);
    sp->map_key(sp, "summary");
    sp->begin_map(sp);
    sprinter_map_integer(sp, "kept", (long long)g->counts[PS_GOAL_KEPT]);
    sprinter_map_integer(sp, "reworded", (long long)g->counts[PS_GOAL_REWORDED]);
    sprinter_map_integer(sp, "new", (long long)g->counts[PS_GOAL_NEW]);
    sprinter_map_integer(sp, "dropped", (long long)g->counts[PS_GOAL_DROPPED]);
    sprinter_map_integer(sp, "unfollowed", (long long)g->counts[PS_GOAL_UNFOLLOWED]);
    sprinter_map_integer(sp, "first", (long long)g->counts[PS_GOAL_FIRST]);
    sprinter_map_integer(sp, "in_force", (long long)g->counts[PS_GOAL_IN_FORCE]);
    sp->end(sp);
    sp->end(sp);
}

/* The goal a link comes from or goes to, or NULL. */
static const ps_goal *
goal_at(const ps_goals *g, long i)
{
    return i >= 0 ? &g->goals[i] : NULL;
}

/* file,page,text of a goal, or three empty fields */
static void
goal_csv(FILE *f, const ps_goal *x)
{
    cli_escape(f, x ? x->file : "", ESC_CSV);
    fprintf(f, x ? ",%d," : ",,", x ? x->page + 1 : 0);
    cli_escape(f, x ? x->text : "", ESC_CSV);
}

/* ",2026–2031": a goal's period, or an empty field */
static void
period_csv(FILE *f, const ps_goal *x)
{
    if (x && x->period_from)
        fprintf(f, ",%d–%d", x->period_from, x->period_to);
    else
        fputc(',', f);
}

static void
goals_csv(FILE *f, const ps_goals *g)
{
    if (g->nyears == 1) { /* one year's goals, listed */
        fprintf(f, "year,file,page,text,period\n");
        for (size_t i = 0; i < g->ngoals; i++) {
            fprintf(f, "%d,", g->goals[i].year);
            goal_csv(f, &g->goals[i]);
            period_csv(f, &g->goals[i]);
            fputc('\n', f);
        }
        return;
    }
    fprintf(f, "from_year,to_year,change,similarity,from_file,from_page,from_text,to_file,to_page,to_text,"
               "from_period,to_period\n");
    for (size_t i = 0; i < g->nlinks; i++) {
        const ps_goal_link *l = &g->links[i];
        fprintf(f, "%d,%d,%s,%.3f,", l->from_year, l->to_year, ps_goal_change_name(l->change), l->similarity);
        goal_csv(f, goal_at(g, l->from));
        fputc(',', f);
        goal_csv(f, goal_at(g, l->to));
        period_csv(f, goal_at(g, l->from));
        period_csv(f, goal_at(g, l->to));
        fputc('\n', f);
    }
}

/* A reworded goal's new wording with the changes marked: [-old-]{+new+}
 * in text, ~~old~~ **new** in Markdown. */
static void
goal_diff(FILE *f, const ps_goal_link *l, bool md)
{
    static const char *const open[2][3] = { { "", "[-", "{+" }, { "", "~~", "**" } };
    static const char *const close[2][3] = { { "", "-]", "+}" }, { "", "~~", "**" } };
    for (size_t k = 0; k < l->ndiff; k++) {
        const ps_diff *d = &l->diff[k];
        if (k)
            fputc(' ', f);
        fputs(open[md][d->op], f);
        cli_escape(f, d->text, md ? ESC_MD : ESC_PLAIN);
        fputs(close[md][d->op], f);
    }
}

/* The documents the goals come from, numbered in order of first use, so
 * that a page is cited with its document when a year has several ("2:p7"). */
typedef struct doc_list {
    const char **file;
    size_t n;
    bool numbered; /* some year's goals come from two documents */
} doc_list;

static doc_list
docs_of(const ps_goals *g)
{
    doc_list d = { calloc(g->ngoals + 1, sizeof *d.file), 0, false };
    int *year = calloc(g->ngoals + 1, sizeof *year);
    for (size_t i = 0; d.file && year && i < g->ngoals; i++) {
        size_t k = 0;
        while (k < d.n && strcmp(d.file[k], g->goals[i].file))
            k++;
        if (k < d.n)
            continue;
        for (size_t j = 0; j < d.n; j++)
            d.numbered |= year[j] == g->goals[i].year;
        year[d.n] = g->goals[i].year;
        d.file[d.n++] = g->goals[i].file;
    }
    /* a year listed names its documents when it has several in scope, a
     * topic's goals from one of them too */
    if (g->nyears == 1 && g->years[0].docs > 1)
        d.numbered = true;
    d.numbered &= year != NULL;
    free(year);
    return d;
}

/* 1-based; 0 when no year has two documents (no number is printed), or
 * when the list could not be made. */
static size_t
doc_number(const doc_list *d, const ps_goal *x)
{
    if (!d->numbered)
        return 0;
    for (size_t k = 0; k < d->n; k++)
        if (!strcmp(d->file[k], x->file))
            return k + 1;
    return 0;
}

/* "p7", or "2:p7" in text; " (s. 7)" or " (dok. 2, s. 7)" in Markdown */
static void
cite(char *buf, size_t size, const doc_list *d, const ps_goal *x, bool md)
{
    size_t n = doc_number(d, x);
    if (md)
        snprintf(buf, size, n ? " (dok. %zu, s. %d)" : " (s. %.0zu%d)", n, x->page + 1);
    else
        snprintf(buf, size, n ? "%zu:p%d" : "p%.0zu%d", n, x->page + 1);
}

/* An in-force goal's year and period: " (stated in 2026 for 2026–2031)",
 * also where an earlier year's plan holds it in force in the link's
 * earlier year (l->from_year 2027) */
static void
period(FILE *f, const ps_goal *x, const char *in, const char *for_)
{
    fprintf(f, " (%s %d %s %d–%d)", in, x->year, for_, x->period_from, x->period_to);
}

static void
goal_md_row(FILE *f, const ps_goal_link *l, const ps_goal *a, const ps_goal *b, const doc_list *d)
{
    char c[64];
    fprintf(f, "| %s | ", ps_goal_change_name(l->change));
    if (a) {
        cli_escape(f, a->text, ESC_MD);
        cite(c, sizeof c, d, a, true);
        fputs(c, f);
        if (l->change == PS_GOAL_IN_FORCE || a->year != l->from_year)
            period(f, a, "angivet", "för");
    }
    fputs(" | ", f);
    if (b && l->change == PS_GOAL_REWORDED)
        goal_diff(f, l, true);
    else if (b)
        cli_escape(f, b->text, ESC_MD);
    if (b) {
        cite(c, sizeof c, d, b, true);
        fputs(c, f);
        if (l->change == PS_GOAL_IN_FORCE)
            period(f, b, "angivet", "för");
    }
    fputs(" |\n", f);
}

static void
goal_text_row(FILE *f, const ps_goal_link *l, const ps_goal *a, const ps_goal *b, const doc_list *d)
{
    char where[96], ca[40] = "", cb[40] = "";
    if (a)
        cite(ca, sizeof ca, d, a, false);
    if (b)
        cite(cb, sizeof cb, d, b, false);
    snprintf(where, sizeof where, "%s%s%s", ca, a && b ? " -> " : "", cb);
    fprintf(f, "  %-10s %-13s ", ps_goal_change_name(l->change), where);
    if (l->change == PS_GOAL_REWORDED)
        goal_diff(f, l, false);
    else
        cli_escape(f, (b ? b : a)->text, ESC_PLAIN);
    if (l->change == PS_GOAL_IN_FORCE)
        period(f, b ? b : a, "stated in", "for");
    else if (a && a->year != l->from_year) /* in force since: "kept" from a 2026 plan in 2027 -> 2028 */
        period(f, a, "stated in", "for");
    fputc('\n', f);
}

/* A goal of a year listed: "  p7     text", "- text (s. 7)". */
static void
goal_list_row(FILE *f, const ps_goal *x, const doc_list *d, bool md)
{
    char c[64];
    cite(c, sizeof c, d, x, md);
    if (md) {
        fputs("- ", f);
        cli_escape(f, x->text, ESC_MD);
        fprintf(f, "%s\n", c);
        return;
    }
    fprintf(f, "  %-13s ", c);
    cli_escape(f, x->text, ESC_PLAIN);
    fputc('\n', f);
}

/* The words of a year's line: English in text, Swedish in Markdown (as
 * its headings). Counts: none, one, many. */
typedef struct year_words {
    const char *docs[3], *passages[3], *goals[3];
    const char *statements[3], *repeats[3], *not_goals[3], *named[3], *others[3];
    const char *about, *none_about, *of;
} year_words;

static const year_words words_en = {
    { "no documents", "document", "documents" }, { "no goal passages", "goal passage", "goal passages" },
    { "no goals", "goal", "goals" },             { "", "statement", "statements" },
    { "", "repeat", "repeats" },                 { "", "non-goal", "non-goals" },
    { "", "named in another passage", "named in other passages" },
    { "", "of others (a motion, the nation, the law)", "of others (motions, the nation, the law)" },
    "about the topic",                           "none about the topic",
    "of",
};
static const year_words words_sv = {
    { "inga dokument", "dokument", "dokument" }, { "inga målavsnitt", "målavsnitt", "målavsnitt" },
    { "inga mål", "mål", "mål" },                { "", "mening", "meningar" },
    { "", "upprepning", "upprepningar" },        { "", "inte mål", "inte mål" },
    { "", "uttalat i ett annat avsnitt", "uttalade i andra avsnitt" },
    { "", "andras (en motion, nationens, lagens)", "andras (motioner, nationens, lagens)" },
    "om ämnet",                                  "inga om ämnet",
    "av",
};

static void
count_of(FILE *f, unsigned n, const char *const w[3])
{
    if (n)
        fprintf(f, "%u %s", n, w[n == 1 ? 1 : 2]);
    else
        fputs(w[0], f);
}

/* "2017: 1 document, no goal passages", or with goals "2013: 1 document,
 * 9 goal passages, 45 goals (of 70 statements: 8 repeats, 17 non-goals)". */
static void
goal_year_line(FILE *f, const ps_goal_year *y, bool topic, const year_words *w)
{
    fprintf(f, "%d: ", y->year);
    count_of(f, y->docs, w->docs);
    if (y->docs) {
        fputs(", ", f);
        count_of(f, y->passages, w->passages);
    }
    if (y->docs && (y->passages || y->named)) {
        if (topic && y->topic_passages)
            fprintf(f, " (%u %s)", y->topic_passages, w->about);
        else if (topic && y->passages)
            fprintf(f, " (%s)", w->none_about);
        fputs(", ", f);
        count_of(f, y->goals, w->goals);
        bool split = y->repeats || y->not_goals;
        if (split || y->named)
            fputs(" (", f);
        if (split) {
            fprintf(f, "%s ", w->of);
            count_of(f, y->statements, w->statements);
            fputs(":", f);
            if (y->repeats) {
                fputc(' ', f);
                count_of(f, y->repeats, w->repeats);
            }
            if (y->repeats && y->not_goals)
                fputc(',', f);
            if (y->not_goals) {
                fputc(' ', f);
                count_of(f, y->not_goals, w->not_goals);
            }
        }
        if (y->named) {
            fputs(split ? "; " : "", f);
            count_of(f, y->named, w->named);
        }
        if (y->others) {
            fputs(split || y->named ? "; " : " (", f);
            count_of(f, y->others, w->others);
        }
        if (split || y->named || y->others)
            fputc(')', f);
    }
    fputc('\n', f);
}

/* ", about: QUERY" when there is a query. */
static void
about(FILE *f, const char *query, const char *lead, cli_escaping e)
{
    if (query && *query) {
        fputs(lead, f);
        cli_escape(f, query, e);
    }
}

/* "Goals of NAME in YEAR", and that year's goals. */
static void
year_goals(FILE *f, const ps_goals *g, int y, const doc_list *d, const char *query, bool md)
{
    cli_escaping e = md ? ESC_MD : ESC_PLAIN;
    fputs(md ? "### Mål för " : "Goals of ", f);
    cli_escape(f, g->name, e);
    fprintf(f, md ? " %d" : " in %d", g->years[y].year);
    about(f, query, md ? " om: " : ", about: ", e);
    fputs(md ? "\n\n" : "\n", f);
    for (size_t i = 0; i < g->ngoals; i++)
        if (g->goals[i].year == g->years[y].year)
            goal_list_row(f, &g->goals[i], d, md);
}

/* Text and Markdown: a heading for each pair of years and a line per link
 * (or, with one year, a heading and a line per goal), then a line per
 * year, then the numbered documents. */
static void
goals_tables(FILE *f, const ps_goals *g, const char *query, bool md)
{
    bool topic = query && *query;
    cli_escaping e = md ? ESC_MD : ESC_PLAIN;
    int from_year = 0;
    doc_list d = docs_of(g);
    for (size_t i = 0; i < g->nlinks; i++) {
        const ps_goal_link *l = &g->links[i];
        if (l->from_year != from_year) {
            from_year = l->from_year;
            fputs(i ? "\n" : "", f);
            fputs(md ? "### Mål för " : "Goals of ", f);
            cli_escape(f, g->name, e);
            if (md) {
                fprintf(f, ": %d → %d\n\n| Förändring | %d | %d |\n|---|---|---|\n", l->from_year, l->to_year,
                        l->from_year, l->to_year);
            } else {
                fprintf(f, ": %d -> %d", l->from_year, l->to_year);
                about(f, query, ", about: ", e);
                fputc('\n', f);
            }
        }
        (md ? goal_md_row : goal_text_row)(f, l, goal_at(g, l->from), goal_at(g, l->to), &d);
    }
    if (g->nyears == 1) { /* one year's goals, listed */
        year_goals(f, g, 0, &d, query, md);
        if (!g->ngoals)
            fputs(md ? "Inga mål.\n" : "  (none)\n", f);
    } else if (!g->nlinks) {
        fputs(md ? "### Mål för " : "No goals of ", f);
        cli_escape(f, g->name, e);
        fputs(md ? "\n\nInga mål att jämföra" : " to compare", f);
        about(f, query, md ? " om: " : ", about: ", e);
        fputs(md ? ".\n" : "\n", f);
    }
    /* a year's goals with no other year's to compare them with */
    for (int y = 0; g->nyears > 1 && y < g->nyears; y++)
        if (g->years[y].listed) {
            fputc('\n', f);
            year_goals(f, g, y, &d, query, md);
        }
    fputc('\n', f);
    for (int y = 0; y < g->nyears; y++) {
        if (md)
            fputs("- ", f);
        goal_year_line(f, &g->years[y], topic, md ? &words_sv : &words_en);
    }
    if (!md && g->nlinks) {
        fprintf(f, "%zu kept, %zu reworded, %zu new, %zu dropped", g->counts[PS_GOAL_KEPT],
                g->counts[PS_GOAL_REWORDED], g->counts[PS_GOAL_NEW], g->counts[PS_GOAL_DROPPED]);
        size_t unf = g->counts[PS_GOAL_UNFOLLOWED], first = g->counts[PS_GOAL_FIRST];
        if (unf || first)
            fprintf(f, "; %zu unfollowed, %zu first (the other year has no goals of their organisation and unit in "
                    "a document that would state them)",
                    unf, first);
        if (g->counts[PS_GOAL_IN_FORCE])
            fprintf(f, "; %zu in force (stated for a period that covers both years, by a plan nothing replaces)",
                    g->counts[PS_GOAL_IN_FORCE]);
        fputc('\n', f);
    }
    if (md && (g->counts[PS_GOAL_UNFOLLOWED] || g->counts[PS_GOAL_FIRST]))
        fputs("\n*unfollowed* och *first*: året det jämförs med har inga mål från samma organisation och nämnd, "
              "i ett dokument som skulle ange målet (av samma serie, eller en verksamhetsplan, budget, strategi, "
              "årsredovisning eller uppföljning) "
              "(inte *dropped* eller *new*).\n",
              f);
    if (md && g->counts[PS_GOAL_IN_FORCE])
        fputs("\n*in_force*: målet står bara det ena året, men i en plan, budget eller strategi för en period som "
              "omfattar båda åren, och ingen senare eller tidigare sådan från samma organisation och nämnd "
              "ersätter den (inte *dropped*, *unfollowed*, *new* eller *first*).\n",
              f);
    if (d.numbered && (g->nlinks || g->ngoals)) {
        fputs(md ? "\nDokument:\n\n" : "Documents:\n", f);
        for (size_t k = 0; k < d.n; k++) {
            fprintf(f, md ? "%zu. " : "  %zu: ", k + 1);
            cli_escape(f, d.file[k], e);
            fputc('\n', f);
        }
    }
    free(d.file);
}

void
cli_print_goals(FILE *f, const ps_goals *g, const char *query, cli_format fmt)
{
    switch (fmt) {
    case FMT_JSON: goals_json(f, g, query); break;
    case FMT_CSV_SV: /* cli_print_begin made it csv */
    case FMT_CSV: goals_csv(f, g); break;
    case FMT_MD: goals_tables(f, g, query, true); break;
    case FMT_TEXT:
    case FMT_HTML: goals_tables(f, g, query, false); break;
    }
}

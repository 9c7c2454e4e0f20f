/* topic.c: the words of a topic as a query names them, and whether a text
 * names it: what a report keeps of goals and budget rows, and what
 * 'budget QUERY' keeps. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static void
topic_add(psi_topic *t, const char *stem)
{
    t->stem = psi_realloc(t->stem, (t->n + 1) * sizeof *t->stem);
    t->stem[t->n++] = psi_strdup(stem);
}

void
psi_topic_of(const char *query, psi_topic *t)
{
    memset(t, 0, sizeof *t);
    size_t n = strlen(query);
    bool drop_next = false;
    for (size_t i = 0; i < n;) {
        while (i < n && (query[i] == ' ' || query[i] == '\t' || query[i] == '\n'))
            i++;
        size_t b = i;
        while (i < n && query[i] != ' ' && query[i] != '\t' && query[i] != '\n')
            i++;
        if (i == b)
            break;
        char *tok = psi_strndup(query + b, i - b);
        bool skip = drop_next || tok[0] == '-' || strchr(tok, ':');
        drop_next = !strcmp(tok, "NOT");
        if (!skip && strcmp(tok, "AND") && strcmp(tok, "OR") && strcmp(tok, "NOT")) {
            psi_words w;
            psi_words_of(tok, &w);
            for (size_t k = 0; k < w.n; k++) {
                if (psi_utf8_chars(w.low[k], strlen(w.low[k])) < 4)
                    continue;
                topic_add(t, w.key[k]);
                char *forms[3]; /* the forms the stemmer keeps apart, as search takes them */
                for (size_t f = 0, nf = psi_stem_forms(w.low[k], forms); f < nf; f++) {
                    topic_add(t, forms[f]);
                    free(forms[f]);
                }
            }
            psi_words_release(&w);
        }
        free(tok);
    }
}

void
psi_topic_release(psi_topic *t)
{
    for (size_t k = 0; k < t->n; k++)
        free(t->stem[k]);
    free(t->stem);
}

/* Whether text names the topic: a word of it starts with a topic stem
 * ("arbete" names "arbetet", not "medarbetare"), or, for a stem of six
 * letters or more, holds it inside a compound ("avgift" in "Medlemsavgifter",
 * "kompetensförsörjning" in "kompetensförsörjningsmål"). */
bool
psi_topic_named(const psi_topic *t, const char *text)
{
    if (!text || !t->n)
        return false;
    psi_words w;
    psi_words_of(text, &w);
    bool found = false;
    for (size_t i = 0; i < w.n && !found; i++)
        for (size_t k = 0; k < t->n && !found; k++) {
            const char *s = t->stem[k];
            size_t m = strlen(s);
            found = !strncmp(w.low[i], s, m) || !strncmp(w.key[i], s, m) ||
                    (psi_utf8_chars(s, m) >= 6 && strstr(w.low[i], s));
        }
    psi_words_release(&w);
    return found;
}

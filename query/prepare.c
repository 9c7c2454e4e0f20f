/* prepare.c: psi_query_prepare(), the one way from what an analyst typed
 * to what the store runs, for every query (search, matrix, compare,
 * budget, goals): the text rewritten with synonym groups and joined
 * hyphen forms, and the option filters; and the queries refused as typed
 * (not UTF-8, over PS_QUERY_MAX_WORDS words, only negations). The store
 * shim parses the result (Xapian's QueryParser), refuses a query without
 * an indexed word and normalises typed filter values itself. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static bool
is_operator(const char *t, size_t n)
{
    static const char *const ops[] = { "AND", "OR", "NOT", "XOR", "NEAR", "ADJ" };
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (strlen(ops[k]) == n && !strncmp(t, ops[k], n))
            return true;
    return false;
}

/* One form of a group as the parser should read it: a plain word as it
 * is, anything else as a phrase whose own quotes become spaces, so that
 * it ends where the form does (a '"' in a synonyms file once opened a
 * phrase that swallowed the rest of the query, its filters too). */
static void
add_form(const char *form, psi_buf *out)
{
    bool word = *form != '\0';
    for (const char *c = form; *c && word; c++)
        word = psi_byte_is_word((unsigned char)*c);
    if (word && !is_operator(form, strlen(form))) {
        psi_buf_adds(out, form);
        return;
    }
    psi_buf_addc(out, '"');
    for (const char *c = form; *c; c++)
        psi_buf_addc(out, *c == '"' ? ' ' : *c);
    psi_buf_addc(out, '"');
}

/* "(ESF OR \"Europeiska socialfonden\" OR ...)" */
static void
add_group(const psi_synonyms *syn, int group, psi_buf *out)
{
    psi_buf_addc(out, '(');
    bool first = true;
    for (size_t k = 0; k < syn->n; k++) {
        if (syn->v[k].group != group)
            continue;
        if (!first)
            psi_buf_adds(out, " OR ");
        first = false;
        add_form(syn->v[k].shown, out);
    }
    psi_buf_addc(out, ')');
}

/* The query as Xapian should see it: a synonym also brings its other
 * forms ("ESF" -> "(ESF OR \"Europeiska socialfonden\" OR ...)"), and a
 * hyphenated word its joined form ("e-hälsa" -> "(e-hälsa OR ehälsa)").
 * Quoted phrases and field:value filters are left alone. */
static char *
rewrite_query(const psi_synonyms *syn, const char *q)
{
    psi_buf low = PSI_BUF_INIT, out = PSI_BUF_INIT;
    size_t n = strlen(q);
    psi_lower_append(&low, q, n);
    const char *l = psi_buf_str(&low);
    if (low.len != n) { /* lower-casing changed lengths: no rewriting */
        psi_buf_release(&low);
        return psi_strdup(q);
    }
    bool quoted = false;
    for (size_t i = 0; i < n;) {
        if (q[i] == '"' && !quoted) {
            /* a quoted phrase that is a synonym form brings its group */
            const char *close = strchr(q + i + 1, '"');
            int group = -1;
            if (close) {
                size_t len = (size_t)(close - q) - i - 1;
                for (size_t k = 0; k < syn->n && group < 0; k++)
                    if (strlen(syn->v[k].form) == len && !strncmp(l + i + 1, syn->v[k].form, len))
                        group = syn->v[k].group;
            }
            if (group >= 0) {
                add_group(syn, group, &out);
                i = (size_t)(close - q) + 1;
                continue;
            }
        }
        if (q[i] == '"') {
            quoted = !quoted;
            psi_buf_addc(&out, q[i++]);
            continue;
        }
        bool start = psi_byte_is_word((unsigned char)q[i]) && (i == 0 || q[i - 1] == ' ' || q[i - 1] == '(');
        if (quoted || !start) {
            psi_buf_addc(&out, q[i++]);
            continue;
        }
        /* the longest synonym form that starts here */
        size_t best = 0;
        int group = -1;
        for (size_t k = 0; k < syn->n; k++) {
            size_t fl = strlen(syn->v[k].form);
            if (fl > best && fl <= n - i && !strncmp(l + i, syn->v[k].form, fl) &&
                (i + fl == n || !psi_byte_is_word((unsigned char)q[i + fl])) && q[i + fl] != ':') {
                best = fl;
                group = syn->v[k].group;
            }
        }
        if (group >= 0) {
            add_group(syn, group, &out);
            i += best;
            continue;
        }
        size_t j = i;
        while (j < n && q[j] != ' ' && q[j] != '(' && q[j] != ')' && q[j] != '"')
            j++;
        bool field = memchr(q + i, ':', j - i) != NULL;
        bool hyphen = false;
        for (size_t k = i + 1; k + 1 < j && !field; k++)
            hyphen |= q[k] == '-' && psi_byte_is_word((unsigned char)q[k - 1]) && psi_byte_is_word((unsigned char)q[k + 1]);
        if (hyphen) {
            psi_buf_addc(&out, '(');
            psi_buf_add(&out, q + i, j - i);
            psi_buf_adds(&out, " OR ");
            for (size_t k = i; k < j; k++)
                if (q[k] != '-')
                    psi_buf_addc(&out, q[k]);
            psi_buf_addc(&out, ')');
        } else {
            psi_buf_add(&out, q + i, j - i);
        }
        i = j;
    }
    psi_buf_release(&low);
    return psi_buf_detach(&out);
}

/* Whether the query as typed only leaves things out: it has words,
 * phrases or filters, and every one is negated (-word, -"a phrase", NOT
 * word, NOT (...)). Xapian reads "-kommun" alone as "kommun" and "NOT
 * kommun" as every passage without it; neither is what was meant. */
static bool
only_negations(const char *q)
{
    bool positive = false, negative = false, not_next = false;
    int depth = 0, not_depth = -1; /* the depth of a NOT (...) group */
    for (size_t i = 0; q[i];) {
        char c = q[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            i++;
        } else if (c == '(') {
            if (not_next && not_depth < 0)
                not_depth = depth;
            not_next = false;
            depth++;
            i++;
        } else if (c == ')') {
            if (--depth == not_depth)
                not_depth = -1;
            i++;
        } else { /* a word or filter, or a phrase through its closing quote */
            size_t j = i + (c == '-' || c == '+');
            const char *close = q[j] == '"' ? strchr(q + j + 1, '"') : NULL;
            if (q[j] == '"')
                j = close ? (size_t)(close - q) + 1 : strlen(q);
            else
                while (q[j] && !strchr(" \t\n()", q[j]))
                    j++;
            bool word = false;
            for (size_t k = i; k < j && !word; k++)
                word = psi_byte_is_word((unsigned char)q[k]);
            if (is_operator(q + i, j - i)) {
                not_next = j - i == 3 && !strncmp(q + i, "NOT", 3);
            } else if (word) {
                if (c == '-' || not_next || not_depth >= 0)
                    negative = true;
                else
                    positive = true;
                not_next = false;
            }
            i = j;
        }
    }
    return negative && !positive;
}

/* The number of runs of text between spaces in q, and in *shown the
 * bytes of the first few (a whole character at the end) to name it by. */
static size_t
count_words(const char *q, int *shown)
{
    size_t n = 0;
    *shown = 0;
    for (size_t i = 0; q[i];) {
        while (q[i] && strchr(" \t\n", q[i]))
            i++;
        if (!q[i])
            break;
        while (q[i] && !strchr(" \t\n", q[i]))
            i++;
        if (++n <= 6 && i <= 60)
            *shown = (int)i;
    }
    return n;
}

/* A query Xapian would read as something else than was meant, or one
 * too long to be meant. */
static ps_status
check_query(const char *q, ps_error *err)
{
    if (!psi_utf8_valid(q, strlen(q)))
        return psi_fail(err, PS_ERR_BAD_QUERY, "query '%s' is not valid UTF-8; is the terminal set to UTF-8?", q);
    int shown;
    size_t words = count_words(q, &shown);
    if (words > PS_QUERY_MAX_WORDS)
        return psi_fail(err, PS_ERR_BAD_QUERY, "query '%.*s ...' has %zu words; at most %d are searched for", shown, q,
                        words, PS_QUERY_MAX_WORDS);
    if (only_negations(q))
        return psi_fail(err, PS_ERR_BAD_QUERY,
                        "query '%s' only says what to leave out; add what to search for, e.g. 'mål -kommun' or "
                        "'lan:jönköping -kommun'",
                        q);
    return PS_OK;
}

ps_status
psi_query_prepare(ps_index *ix, const char *query, const ps_query_opts *o, psi_store_query *out, ps_error *err)
{
    ps_query_opts def = PS_QUERY_OPTS_INIT;
    if (!o)
        o = &def;
    if (o->lan >= PS_LAN_COUNT || o->lan < PS_LAN_NONE || o->kind >= PS_KIND_COUNT || o->section >= PS_SECTION_COUNT) {
        memset(out, 0, sizeof *out);
        return psi_fail(err, PS_ERR_USAGE, "a filter is out of range (län %d, kind %d, section %d)", o->lan, o->kind,
                        o->section);
    }
    const char *q = query ? query : "";
    ps_status st = check_query(q, err);
    if (st != PS_OK) {
        memset(out, 0, sizeof *out);
        return st;
    }
    char *text = psi_index_plain(ix) ? psi_strdup(q) : rewrite_query(psi_index_synonyms(ix), q);
    *out = (psi_store_query){ text, o->lan, o->year_from, o->year_to, o->kind, o->section, o->org, q, o->unit };
    return PS_OK;
}

void
psi_query_release(psi_store_query *q)
{
    free(q->text);
    q->text = NULL;
}

/* cells.c: the cells of a table line and what a line is to a table.
 * layout.c marks wide gaps inside a line with tabs and keeps where each
 * cell lies, so a row arrives as "Medlemsavgifter\t38 450\t37 512".
 * Amounts are Swedish: "12 345", "1 234,5", "-500", "−500"; a year is a
 * heading, a dash an empty cell. budget.c builds tables from the lines.
 * Pure C. */
#include "plansok-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
ps_parse_amount(const char *text, double *out)
{
    const char *p = text;
    while (*p == ' ')
        p++;
    int sign = 1;
    if (*p == '-' || *p == '+') {
        sign = *p == '-' ? -1 : 1;
        p++;
    } else if (!strncmp(p, "\xE2\x88\x92", 3) || !strncmp(p, "\xE2\x80\x93", 3)) { /* − – */
        sign = -1;
        p += 3;
    }
    while (*p == ' ')
        p++;
    double v = 0;
    int digits = 0, group = 0;
    bool grouped = false;
    for (;;) {
        if (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            digits++;
            group++;
            p++;
        } else if (*p == ' ' && p[1] >= '0' && p[1] <= '9') {
            /* thousands separator: first group 1-3 digits, then 3 each */
            if ((grouped && group != 3) || (!grouped && (group < 1 || group > 3)))
                return 0;
            grouped = true;
            group = 0;
            p++;
        } else {
            break;
        }
    }
    if (digits == 0 || (grouped && group != 3))
        return 0;
    if (*p == ',' && p[1] >= '0' && p[1] <= '9') {
        p++;
        double scale = 0.1;
        while (*p >= '0' && *p <= '9') {
            v += (*p - '0') * scale;
            scale /= 10;
            p++;
        }
    }
    while (*p == ' ')
        p++;
    if (*p)
        return 0;
    *out = sign * v;
    return 1;
}

/* A cell meaning "no amount": a dash, "i.u." (no figure reported), "**". */
static bool
is_empty_cell(const char *c)
{
    return !*c || !strcmp(c, "-") || !strcmp(c, "\xE2\x80\x93") || !strcmp(c, "\xE2\x88\x92") || !strcmp(c, "i.u") ||
           !strcmp(c, "i.u.") || !strcmp(c, "**");
}

bool
psi_has_letter(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = psi_utf8_decode(s + i, n - i, &cp);
        if (!l)
            return false;
        if (psi_cp_is_letter(cp))
            return true;
        i += l;
    }
    return false;
}

/* Length of a year or date token at s ("2015", "2015-12-31"), or 0. */
size_t
psi_year_token(const char *s)
{
    if (!((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) || s[2] < '0' || s[2] > '9' || s[3] < '0' ||
        s[3] > '9')
        return 0;
    size_t n = 4;
    if (s[4] == '-' && s[5] >= '0' && s[5] <= '9' && s[6] >= '0' && s[7] == '-' && s[8] >= '0' && s[9] >= '0')
        n = 10;
    if (s[n] >= '0' && s[n] <= '9')
        return 0;
    return n;
}

/* "tkr", "mnkr", "kr" from a caption such as "Resultatbudget (tkr)" or a
 * heading such as "Miljoner kronor". */
char *
psi_unit_of(const char *s)
{
    static const char *const units[] = { "miljoner kronor", "miljoner kr", "tusentals kronor", "tusen kronor",
                                         "tusen kr", "mnkr", "mkr", "tkr", "kr" };
    static const char *const as[] = { "mnkr", "mnkr", "tkr", "tkr", "tkr", "mnkr", "mnkr", "tkr", "kr" };
    char *f = psi_fold_ascii(s ? s : "");
    const char *found = "";
    for (size_t u = 0; u < sizeof units / sizeof units[0] && !*found; u++) {
        size_t ul = strlen(units[u]);
        for (const char *p = f; (p = strstr(p, units[u])); p++) {
            bool left = p == f || !((p[-1] >= 'a' && p[-1] <= 'z'));
            bool right = !(p[ul] >= 'a' && p[ul] <= 'z');
            if (left && right) {
                found = as[u];
                break;
            }
        }
    }
    free(f);
    return psi_strdup(found);
}

/* ------------------------------------------------------------- cells */

/* A year as a column heading: "2026", "2015-12-31", or a year and month
 * as monthly follow-ups write the months they count ("201711": Utfall to
 * November 2017), and nothing else. */
static bool
is_year_cell(const char *s)
{
    size_t y = psi_year_token(s);
    if (y && !s[y])
        return true;
    char year[5];
    if (strlen(s) != 6 || strspn(s, "0123456789") != 6)
        return false;
    memcpy(year, s, 4);
    year[4] = '\0';
    if (psi_year_token(year) != 4)
        return false;
    int month = (s[4] - '0') * 10 + (s[5] - '0');
    return month >= 1 && month <= 12;
}

static psi_ckind
kind_of(const char *text, double *v)
{
    if (is_year_cell(text)) {
        *v = (double)atoi(text); /* a figure in a row, a heading in a header */
        return PSI_C_YEAR;
    }
    if (is_empty_cell(text))
        return PSI_C_EMPTY;
    if (ps_parse_amount(text, v))
        return PSI_C_AMOUNT;
    return PSI_C_TEXT;
}

/* The unit a cell's words after its amount are, alone ("mnkr", "Tkr"),
 * or NULL. */
static const char *
unit_word(const char *s)
{
    static const char *const words[] = { "mnkr", "mkr", "tkr", "kr", NULL };
    static const char *const as[] = { "mnkr", "mnkr", "tkr", "kr" };
    char *f = psi_fold_ascii(s);
    const char *unit = NULL;
    for (size_t i = 0; words[i] && !unit; i++)
        if (!strcmp(f, words[i]) || (!strncmp(f, words[i], strlen(words[i])) && !strcmp(f + strlen(words[i]), ".")))
            unit = as[i];
    free(f);
    return unit;
}

/* The cells of a line at tabs, with their places from layout.c; a line
 * without them gets made-up places, one slot per cell. A cell of an amount
 * and words after it ("90 362 Alingsås": a breakdown beside the table) is
 * two cells, unless it is the first ("1 Kommunstyrelsen": a numbered label)
 * or the words are its unit ("2,1 mnkr": one amount, in mnkr). */
void
psi_tline_of(const psi_line *l, psi_tline *out)
{
    memset(out, 0, sizeof *out);
    out->l = l;
    size_t nt = 1;
    for (const char *t = l->text; *t; t++)
        nt += *t == '\t';
    bool placed = l->cells && l->ncells == nt;
    out->placed = placed;
    out->c = psi_calloc(2 * nt + 1, sizeof *out->c);
    const char *p = l->text;
    for (size_t i = 0; i < nt; i++) {
        const char *t = strchr(p, '\t');
        size_t len = t ? (size_t)(t - p) : strlen(p);
        double x0 = placed ? l->cells[i].x0 : 100.0 * (double)i, x1 = placed ? l->cells[i].x1 : 100.0 * (double)i + 90;
        char *text = psi_strndup(p, len);
        /* an amount and the year it is of, where a table's column holds
         * another year's figures: "20 (2024)" under "Alingsås 2025" */
        const char *paren = i > 0 && len > 7 && text[len - 1] == ')' ? strstr(text, " (") : NULL;
        if (paren && paren + 7 == text + len && psi_year_token(paren + 2) == 4) {
            char *num = psi_strndup(text, (size_t)(paren - text));
            double v;
            if (ps_parse_amount(num, &v) && !is_year_cell(num)) {
                /* its place with its note: figures are set flush right,
                 * the note's right edge where the column's figures end */
                out->c[out->n++] = (psi_tcell){ num, x0, x1, PSI_C_AMOUNT, v, NULL, atoi(paren + 2) };
                free(text);
                p = t ? t + 1 : p + len;
                continue;
            }
            free(num);
        }
        /* an amount, then words */
        size_t k = 0;
        while (k < len && (text[k] == '-' || text[k] == ' ' || (text[k] >= '0' && text[k] <= '9') || text[k] == ','))
            k++;
        double v;
        if (i > 0 && k > 0 && k < len && text[k - 1] == ' ' && psi_has_letter(text + k)) {
            char *num = psi_strndup(text, k - 1);
            const char *unit = unit_word(text + k);
            if (ps_parse_amount(num, &v) && !is_year_cell(num) && unit) {
                out->c[out->n++] = (psi_tcell){ num, x0, x1, PSI_C_AMOUNT, v, unit, 0 };
                free(text);
                p = t ? t + 1 : p + len;
                continue;
            }
            if (ps_parse_amount(num, &v) && !is_year_cell(num)) {
                double xm = x0 + (x1 - x0) * (double)(k - 1) / (double)len;
                out->c[out->n++] = (psi_tcell){ num, x0, xm, PSI_C_AMOUNT, v, NULL, 0 };
                out->c[out->n++] = (psi_tcell){ psi_strdup(text + k), xm, x1, PSI_C_TEXT, 0, NULL, 0 };
                free(text);
                p = t ? t + 1 : p + len;
                continue;
            }
            free(num);
        }
        psi_ckind kd = kind_of(text, &v);
        out->c[out->n++] = (psi_tcell){ text, x0, x1, kd, kd == PSI_C_AMOUNT || kd == PSI_C_YEAR ? v : 0, NULL, 0 };
        p = t ? t + 1 : p + len;
    }
}

void
psi_tline_release(psi_tline *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->c[i].text);
    free(t->c);
}

#define LABEL_MAX 60

/* Whether s holds a word of two letters or more and no address
 * ("postmottak@…", "www.…"): words a label is made of, not a letter of a
 * figure's lettering or a letterhead. */
static bool
label_words(const char *s)
{
    if (strchr(s, '@') || strstr(s, "www."))
        return false;
    size_t run = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = psi_utf8_decode(s + i, n - i, &cp);
        if (!l)
            return false;
        run = psi_cp_is_letter(cp) ? run + 1 : 0;
        if (run >= 2)
            return true;
        i += l;
    }
    return false;
}

size_t
psi_tline_lead(const psi_tline *t)
{
    size_t n = 0;
    while (n < t->n && t->c[n].kind == PSI_C_TEXT && psi_has_letter(t->c[n].text))
        n++;
    /* a label of several cells is one of words */
    for (size_t i = 0; n > 1 && i < n; i++)
        if (!label_words(t->c[i].text))
            return 1;
    return n;
}

psi_lkind
psi_tline_kind(const psi_tline *t)
{
    size_t amounts = 0, texts = 0, years = 0, empties = 0;
    for (size_t i = 0; i < t->n; i++) {
        amounts += t->c[i].kind == PSI_C_AMOUNT;
        texts += t->c[i].kind == PSI_C_TEXT;
        years += t->c[i].kind == PSI_C_YEAR;
        empties += t->c[i].kind == PSI_C_EMPTY;
    }
    const char *s = t->c[0].text;
    size_t len = strlen(s);
    if (t->n == 1)
        return t->c[0].kind == PSI_C_TEXT && len <= LABEL_MAX && s[len - 1] != '.' && s[len - 1] != ':'
                   ? PSI_L_LABEL
                   : t->c[0].kind == PSI_C_YEAR ? PSI_L_HEADER : PSI_L_PROSE;
    if (t->c[0].kind == PSI_C_TEXT && psi_has_letter(s) && amounts + empties > 0 && amounts + empties + years == t->n - 1 &&
        amounts > 0)
        return PSI_L_ROW;
    /* a label of two or three cells of words ("Alla | Restriktivitet vid
     * tjänstetillsättningar | 1,5 mnkr": what, then which measure), then
     * amounts */
    size_t lead = psi_tline_lead(t);
    if (lead >= 2 && lead <= 3 && amounts > 0 && amounts + empties + years == t->n - lead)
        return PSI_L_ROW;
    /* a row whose breakdown beside it adds a label: "Medlemsbidrag 2027 | 90 362 | Alingsås | 69 994" */
    if (t->c[0].kind == PSI_C_TEXT && psi_has_letter(s) && amounts > 0 && t->c[1].kind == PSI_C_AMOUNT)
        return PSI_L_ROW;
    if (texts == 0 && amounts > 0 && years == 0)
        return PSI_L_AMOUNTS;
    if (amounts == 0)
        return PSI_L_HEADER;
    return PSI_L_PROSE;
}

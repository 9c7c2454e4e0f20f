/* budget.c: budget table rows from the lines of budget pages. layout.c
 * marks wide gaps inside a line with tabs, so a table row arrives as
 * "Medlemsavgifter\t38 450\t37 512\t36 620". A header line names the
 * columns ("Resultatbudget (tkr)\tBudget 2015 Budget 2014\tUtfall 2013");
 * the rows under it, up to the next line of prose, are its rows. Amounts
 * are Swedish: "12 345", "1 234,5", "-500", "−500". Pure C. */
#include "plansok-private.h"

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

/* A cell meaning "no amount". */
static bool
is_empty_cell(const char *c)
{
    return !*c || !strcmp(c, "-") || !strcmp(c, "\xE2\x80\x93") || !strcmp(c, "\xE2\x88\x92");
}

static bool
has_letter(const char *s)
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

/* Splits at tabs into a NULL-terminated array (caller frees). */
static char **
cells_of(const char *line, size_t *n)
{
    char **v = NULL;
    *n = 0;
    const char *p = line;
    for (;;) {
        const char *t = strchr(p, '\t');
        size_t len = t ? (size_t)(t - p) : strlen(p);
        v = psi_realloc(v, (*n + 2) * sizeof *v);
        v[(*n)++] = psi_strndup(p, len);
        if (!t)
            break;
        p = t + 1;
    }
    v[*n] = NULL;
    return v;
}

static void
free_cells(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Length of a year or date token at s ("2015", "2015-12-31"), or 0. */
static size_t
year_token(const char *s)
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

/* Column headings from the header cells after the first: a cell holding
 * several headings ("Budget 2015 Budget 2014") is cut after each year. */
static char **
header_columns(char **cells, size_t ncells, size_t *ncols)
{
    char **cols = NULL;
    *ncols = 0;
    for (size_t c = 1; c < ncells; c++) {
        const char *s = cells[c];
        size_t start = 0, len = strlen(s);
        for (size_t i = 0; i <= len; i++) {
            size_t y = i < len && (i == 0 || s[i - 1] == ' ') ? year_token(s + i) : 0;
            if (y && (i + y == len || s[i + y] == ' ')) {
                cols = psi_realloc(cols, (*ncols + 1) * sizeof *cols);
                cols[(*ncols)++] = psi_strndup(s + start, i + y - start);
                i += y;
                start = i + 1;
            }
        }
        if (start < len) { /* a heading without a year ("Utfall", "Kvar") */
            cols = psi_realloc(cols, (*ncols + 1) * sizeof *cols);
            cols[(*ncols)++] = psi_strdup(s + start);
        }
    }
    return cols;
}

static bool
is_header(char **cells, size_t n)
{
    if (n < 2)
        return false;
    for (size_t c = 1; c < n; c++) {
        bool year = false;
        for (const char *p = cells[c]; *p && !year; p++)
            year = (p == cells[c] || p[-1] == ' ') && year_token(p);
        if (!year)
            return false;
    }
    return true;
}

/* "tkr", "mnkr", "kr" from a caption such as "Resultatbudget (tkr)". */
static char *
unit_of(const char *s)
{
    static const char *const units[] = { "mnkr", "mkr", "tkr", "kr" };
    char *f = psi_fold_ascii(s ? s : "");
    const char *found = "";
    for (size_t u = 0; u < 4 && !*found; u++) {
        size_t ul = strlen(units[u]);
        for (const char *p = f; (p = strstr(p, units[u])); p++) {
            bool left = p == f || !((p[-1] >= 'a' && p[-1] <= 'z'));
            bool right = !(p[ul] >= 'a' && p[ul] <= 'z');
            if (left && right) {
                found = units[u];
                break;
            }
        }
    }
    if (!strcmp(found, "mkr"))
        found = "mnkr";
    free(f);
    return psi_strdup(found);
}

void
psi_budget_extract(const psi_page *pages, int npages, const bool *pages_on, psi_budget_rows *out)
{
    for (int p = 0; p < npages; p++) {
        if (!pages_on[p])
            continue;
        char **cols = NULL;
        size_t ncols = 0;
        char *caption = NULL, *unit = NULL, *above = NULL;
        for (size_t i = 0; i < pages[p].nlines; i++) {
            const char *line = pages[p].lines[i].text;
            if (!line)
                continue;
            size_t n;
            char **cells = cells_of(line, &n);
            if (is_header(cells, n)) {
                for (size_t k = 0; k < ncols; k++)
                    free(cols[k]);
                free(cols);
                cols = header_columns(cells, n, &ncols);
                free(caption);
                free(unit);
                caption = psi_strdup(has_letter(cells[0]) ? cells[0] : above ? above : "");
                unit = unit_of(caption);
                if (!*unit && above) {
                    free(unit);
                    unit = unit_of(above);
                }
            } else if (cols && n >= 2 && has_letter(cells[0])) {
                size_t namount = 0;
                bool ok = true;
                double *amounts = psi_calloc(ncols, sizeof *amounts);
                unsigned char *present = psi_calloc(ncols, 1);
                for (size_t c = 1; c < n && ok; c++) {
                    double v;
                    if (c - 1 >= ncols)
                        ok = false;
                    else if (is_empty_cell(cells[c]))
                        continue;
                    else if (ps_parse_amount(cells[c], &v)) {
                        amounts[c - 1] = v;
                        present[c - 1] = 1;
                        namount++;
                    } else
                        ok = false;
                }
                if (ok && namount > 0) {
                    if (out->n == out->cap) {
                        out->cap = out->cap ? out->cap * 2 : 32;
                        out->v = psi_realloc(out->v, out->cap * sizeof *out->v);
                    }
                    ps_budget_row *r = &out->v[out->n++];
                    memset(r, 0, sizeof *r);
                    r->page = p;
                    r->table = psi_strdup(caption);
                    r->unit = psi_strdup(unit);
                    r->label = psi_strdup(cells[0]);
                    r->ncols = ncols;
                    r->columns = psi_malloc((ncols ? ncols : 1) * sizeof *r->columns);
                    for (size_t k = 0; k < ncols; k++)
                        r->columns[k] = psi_strdup(cols[k]);
                    r->amounts = amounts;
                    r->present = present;
                    r->lan = -1;
                } else {
                    free(amounts);
                    free(present);
                }
            } else if (n == 1) {
                /* a line of prose or a heading ends the table */
                for (size_t k = 0; k < ncols; k++)
                    free(cols[k]);
                free(cols);
                cols = NULL;
                ncols = 0;
                free(above);
                above = psi_strdup(line);
            }
            free_cells(cells, n);
        }
        for (size_t k = 0; k < ncols; k++)
            free(cols[k]);
        free(cols);
        free(caption);
        free(unit);
        free(above);
    }
}

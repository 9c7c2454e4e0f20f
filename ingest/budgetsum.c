/* budgetsum.c: which rows of a budget table are totals of other rows, so
 * that a reader adding a column does not count money twice. A row is a
 * total when its figures are, in every column, the sum of
 *  - the rows set in under it ("Expansionsinvestering" over "Parkmiljö",
 *    "Lekplatser" …, TN's investments), or
 *  - the rows just above it that no total holds yet ("Verksamhetens
 *    kostnader" under the cost rows; "Verksamhetens nettokostnader" as
 *    the income and that total), or
 * when its label says so ("Summa …", "Totalt …", "Årets resultat"): such a
 * row takes the rows above it that add up to it when some do, and is only
 * a row of its own when a later total takes it in ("Årets resultat" in a
 * balance sheet's equity). "varav …" rows are parts of the row above.
 * Figures are printed rounded, so a sum may be a step or two of the last
 * digit off. Pure C. */
#include "plansok-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_PARTS 60    /* rows a total above its parts may hold */
#define INDENT_PT 3.0   /* a part set in under its total, at least */
#define SMALL_STEPS 20  /* a figure of fewer steps of the last digit is small */

typedef struct sums {
    ps_budget_row **row;
    const double *indent; /* the label's left edge, NAN when unknown */
    size_t n;
    long *parent;         /* the total (or row of a "varav") it is part of, -1 */
    bool *named;          /* a total by its label */
    bool *closed;         /* a total with its parts found */
    double tol;           /* half a step of the last printed digit */
} sums;

/* The words of a label, folded to ASCII, after any leading "-", "+" or
 * bullet: "- Varav 2023" is "varav 2023". */
static char *
folded_words(const char *label)
{
    char *f = psi_fold_ascii(label);
    size_t i = 0;
    while (f[i] && !(f[i] >= 'a' && f[i] <= 'z') && !(f[i] >= '0' && f[i] <= '9'))
        i++;
    memmove(f, f + i, strlen(f + i) + 1);
    return f;
}

static bool
starts_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    return !strncmp(s, w, n) && !(s[n] >= 'a' && s[n] <= 'z');
}

static bool
has_word(const char *s, const char *w)
{
    for (const char *p = s; (p = strstr(p, w)); p++)
        if ((p == s || !(p[-1] >= 'a' && p[-1] <= 'z')) && starts_word(p, w))
            return true;
    return false;
}

bool
psi_budget_label_of_which(const char *label)
{
    char *f = folded_words(label);
    bool r = starts_word(f, "varav") || starts_word(f, "darav");
    free(f);
    return r;
}

/* Whether folded words f compare "mot" a year or a budget before ("mot
 * fg år", "mot föregående år", "mot budget", "mot 2025"; not "mot
 * bakgrund av", "Minskning av bidrag mot ekonomiskt bistånd"). */
static bool
against_before(const char *f)
{
    static const char *const what[] = { "fg", "foregaende", "forra", "fjolaret", "budget", "budgeten", "prognos",
                                        "prognosen", "plan", "ursprunglig", NULL };
    for (const char *p = f; (p = strstr(p, "mot ")); p++) {
        if (p != f && p[-1] != ' ')
            continue;
        const char *n = p + 4;
        if (n[0] >= '1' && n[0] <= '2' && strspn(n, "0123456789") == 4)
            return true;
        for (int k = 0; what[k]; k++)
            if (starts_word(n, what[k]))
                return true;
    }
    return false;
}

/* Whether folded words f open with a deviation's word: "Avvikelse …",
 * "Differens", "Diff" (a column's heading also "Avv. …"). */
static bool
deviation(const char *f, bool abbreviated)
{
    return starts_word(f, "avvikelse") || starts_word(f, "differens") || starts_word(f, "diff") ||
           (abbreviated && starts_word(f, "avv"));
}

bool
psi_budget_label_difference(const char *label)
{
    char *f = folded_words(label);
    /* "Avvikelse mot budget", "Differens"; "Ökning mot fg år", "Förändring
     * jämfört med 2025"; not "Förändring av pensionsavsättning" (a cash
     * flow's item) */
    bool r = deviation(f, false) ||
             ((starts_word(f, "okning") || starts_word(f, "minskning") || starts_word(f, "forandring")) &&
              (against_before(f) || has_word(f, "jamfort")));
    free(f);
    return r;
}

/* Whether a label names a ratio or a count per something, never a total
 * of the rows: "Andel av totala kostnader", "Årets resultat i procent av
 * skatteintäkter", "Totalt antal årsarbetare", "Nettokostnad, kr/inv". */
static bool
ratio_label(const char *label, const char *folded)
{
    static const char *const words[] = { "andel", "procent", "antal", "per", "snitt", "genomsnitt", NULL };
    if (strchr(label, '%') || strstr(folded, "kr/") || strstr(folded, "/inv"))
        return true;
    for (size_t i = 0; words[i]; i++)
        if (has_word(folded, words[i]))
            return true;
    return false;
}

bool
psi_budget_label_total(const char *label)
{
    static const char *const first[] = { "summa", "delsumma", "s:a", "sum", "total", "totalt", "totala",
                                         "arets resultat", "periodens resultat", "budgeterat resultat",
                                         "resultat fore", "resultat efter", "arets balanskravsresultat",
                                         "arets kassaflode", NULL };
    char *f = folded_words(label);
    /* "Resultat" alone, not "Resultat vid avslut …" (a key figure) */
    bool r = has_word(f, "totalt") || has_word(f, "totala") || !strcmp(f, "resultat");
    /* a cash-flow statement's subtotals, "Medel från den löpande
     * verksamheten", not "Medel från Migrationsverket" (a grant) */
    r = r || ((starts_word(f, "medel fran") || starts_word(f, "kassaflode fran")) && strstr(f, "verksamhet"));
    for (size_t i = 0; first[i] && !r; i++)
        r = starts_word(f, first[i]);
    r = r && !ratio_label(label, f);
    free(f);
    return r;
}

/* Whether row t's figures are the sum of the k rows part[0..k): in every
 * column within the rounding of k figures, with need of t's figures other
 * than zero (0: a total of zeros may be); unless t's label names a total
 * or its parts are set in under it (bare), two of the parts must have a
 * figure other than zero (a row is not the sum of one row like it and
 * rows of zeros). */
static bool
adds_up(const sums *s, size_t t, const size_t *part, size_t k, int need, bool bare)
{
    size_t nonzero_parts = 0;
    for (size_t j = 0; j < k; j++) {
        const ps_budget_row *p = s->row[part[j]];
        bool nz = false;
        for (size_t c = 0; c < p->ncols; c++)
            nz |= p->present[c] && p->amounts[c] != 0;
        nonzero_parts += nz;
    }
    if (bare && !s->named[t] && nonzero_parts < 2)
        return false;
    const ps_budget_row *r = s->row[t];
    double tol = s->tol * (k < 2 ? 1 : k < 4 ? (double)k : 4) + 1e-9;
    int nonzero = 0;
    for (size_t c = 0; c < r->ncols; c++) {
        double sum = 0;
        bool any = false;
        for (size_t j = 0; j < k; j++) {
            const ps_budget_row *p = s->row[part[j]];
            if (c < p->ncols && p->present[c]) {
                sum += p->amounts[c];
                any = true;
            }
        }
        if (r->present[c]) {
            if (!(fabs(sum - r->amounts[c]) <= tol) || (r->amounts[c] != 0 && !any))
                return false; /* (a sum of figures too large to hold is NaN: no total) */
            /* without a name or parts set in, a figure of a few steps may
             * be the sum of others by chance (10 + 5 − 3 = 12 mnkr) */
            if (bare && !s->named[t] && r->amounts[c] != 0 && fabs(r->amounts[c]) < SMALL_STEPS * 2 * s->tol)
                return false;
            nonzero += r->amounts[c] != 0;
        } else if (any && !(fabs(sum) <= tol)) {
            return false;
        }
    }
    return nonzero >= need;
}

/* Half a step of the table's last printed digit: 0.05 when a figure has
 * one decimal ("5,3"), 0.5 for whole numbers. */
static double
half_step(ps_budget_row **row, size_t n)
{
    int dec = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < row[i]->ncols; c++) {
            if (!row[i]->present[c])
                continue;
            double v = fabs(row[i]->amounts[c]);
            int d = 0;
            while (d < 3 && fabs(v * pow(10, d) - nearbyint(v * pow(10, d))) > 1e-6 * pow(10, d))
                d++;
            if (d > dec)
                dec = d;
        }
    return 0.5 * pow(10, -dec);
}

/* The rows set in under row i, up to the first that is not: the parts of
 * a total over them, those set in as far as the first (rows set in
 * further are parts of those). Returns their count (0 when the next row
 * is not set in, or a place is unknown); "varav" rows are left out. */
static size_t
rows_under(const sums *s, size_t i, size_t *part)
{
    size_t k = 0;
    if (isnan(s->indent[i]) || i + 1 >= s->n || isnan(s->indent[i + 1]))
        return 0;
    double level = s->indent[i + 1]; /* where the parts start */
    for (size_t j = i + 1; j < s->n && k < MAX_PARTS; j++) {
        if (isnan(s->indent[j]) || s->indent[j] < s->indent[i] + INDENT_PT)
            break;
        if (s->indent[j] < level + INDENT_PT && s->row[j]->role == PS_ROW_ITEM) /* not a "varav" or change */
            part[k++] = j;
    }
    return k;
}

/* The rows after row i set as far in as it, each with the rows set in
 * under it, up to one set less far in: a total over rows of its own
 * level ("Expansionsinvestering" over "… - VA" and "… - Exploatering",
 * each a group of its own). Returns the fewest of them, two or more, that
 * add up to row i, or 0. */
static size_t
heads(const sums *s, size_t i, size_t *part)
{
    size_t k = 0;
    if (isnan(s->indent[i]))
        return 0;
    for (size_t j = i + 1; j < s->n && k < MAX_PARTS; j++) {
        if (isnan(s->indent[j]) || s->indent[j] < s->indent[i] - INDENT_PT)
            break;
        if (s->indent[j] >= s->indent[i] + INDENT_PT || s->row[j]->role != PS_ROW_ITEM)
            continue;
        if (s->named[j])
            break; /* "Summa …" closes rows above it */
        part[k++] = j;
        if (k >= 2 && adds_up(s, i, part, k, k >= 3 ? 1 : 2, true))
            return k;
    }
    return 0;
}

/* Row i as a total of the rows above it no total holds (entries
 * top[0..ntop)): the count it takes from the end, or 0. A named total
 * first tries all the rows since the last total with parts. */
static size_t
closes(const sums *s, size_t i, const size_t *top, size_t ntop)
{
    if (s->named[i]) {
        size_t run = 0;
        while (run < ntop && !s->closed[top[ntop - 1 - run]])
            run++;
        if (run > 1 && adds_up(s, i, top + ntop - run, run, 0, true))
            return run;
    }
    for (size_t k = 1; k <= ntop && k <= MAX_PARTS; k++) {
        if (k == 1 && !s->named[i])
            continue;
        if (adds_up(s, i, top + ntop - k, k, s->named[i] ? 0 : k >= 3 ? 1 : 2, true))
            return k;
    }
    return 0;
}

/* How far row i is set in: one more than a row above it that holds it (a
 * total over its parts, the row of a "varav"), as far as a total under it
 * that holds it (parts above their total stand where it stands). */
static int
level_of(const sums *s, size_t i, int depth)
{
    long p = s->parent[i];
    if (p < 0 || depth > 63)
        return 0;
    return (p < (long)i ? 1 : 0) + level_of(s, (size_t)p, depth + 1);
}

void
psi_budget_sums(ps_budget_row **row, const double *indent, size_t n)
{
    if (!n)
        return;
    sums s = { row, indent, n, psi_malloc(n * sizeof(long)), psi_calloc(n, 1), psi_calloc(n, 1),
               half_step(row, n) };
    size_t *top = psi_malloc(n * sizeof *top), ntop = 0; /* rows no total holds yet */
    size_t *part = psi_malloc(n * sizeof *part);
    /* rows set aside from sums by their labels first: a "varav" row, a
     * change (part of no sum, holding none); the rest are items until
     * they are found to be totals */
    for (size_t i = 0; i < n; i++) {
        s.parent[i] = -1;
        row[i]->role = psi_budget_label_of_which(row[i]->label)     ? PS_ROW_OF_WHICH
                       : psi_budget_label_difference(row[i]->label) ? PS_ROW_DIFFERENCE
                                                                    : PS_ROW_ITEM;
        s.named[i] = psi_budget_label_total(row[i]->label);
    }
    long last = -1; /* the last row not a "varav" */
    for (size_t i = 0; i < n; i++) {
        if (row[i]->role == PS_ROW_OF_WHICH)
            s.parent[i] = last;
        if (row[i]->role != PS_ROW_ITEM)
            continue;
        last = (long)i;
        bool held = s.parent[i] >= 0; /* a part of a total above it */
        size_t k = rows_under(&s, i, part);
        if ((k && adds_up(&s, i, part, k, k >= 2 ? 1 : 2, false)) || (!held && (k = heads(&s, i, part)))) {
            for (size_t j = 0; j < k; j++)
                s.parent[part[j]] = (long)i;
            s.closed[i] = true;
        } else if (!held && (k = closes(&s, i, top, ntop))) {
            for (size_t j = ntop - k; j < ntop; j++)
                s.parent[top[j]] = (long)i;
            ntop -= k;
            s.closed[i] = true;
        }
        if (!held)
            top[ntop++] = i;
    }
    for (size_t i = 0; i < n; i++) {
        /* a total by its label alone that a later total holds is a row of
         * its own ("Årets resultat" among the equity's rows) */
        if (row[i]->role == PS_ROW_ITEM && (s.closed[i] || (s.named[i] && s.parent[i] < 0)))
            row[i]->role = PS_ROW_TOTAL;
        row[i]->level = level_of(&s, i, 0);
        free(row[i]->parent);
        row[i]->parent = s.parent[i] >= 0 ? psi_strdup(row[s.parent[i]]->label) : NULL;
    }
    free(top);
    free(part);
    free(s.parent);
    free(s.named);
    free(s.closed);
}

/* The one column row r has a figure in, or -1 (none, or several). */
static long
only_column(const ps_budget_row *r)
{
    long c = -1;
    for (size_t k = 0; k < r->ncols; k++)
        if (r->present[k]) {
            if (c >= 0)
                return -1;
            c = (long)k;
        }
    return c;
}

#define BESIDE_PT 100.0 /* a label this far right of another is set beside its figures */

void
psi_budget_breakdowns(ps_budget_row **row, const double *indent, size_t n)
{
    if (!n)
        return;
    double tol = half_step(row, n);
    for (size_t i = 0; i + 2 < n; i++) {
        const ps_budget_row *r = row[i];
        long rc = only_column(r);
        if (rc < 0)
            continue;
        /* the rows after it with a figure in one column, the same, that no
         * row up to r has ("Alingsås 69 994", "Vårgårda 20 367" in a
         * column of their own beside "Medlemsbidrag 2027 90 362") */
        long c = i + 1 < n ? only_column(row[i + 1]) : -1;
        if (c < 0 || c == rc || row[i + 1]->ncols != r->ncols)
            continue;
        bool used = false;
        for (size_t j = 0; j <= i && !used; j++)
            used = (size_t)c < row[j]->ncols && row[j]->present[c];
        if (used)
            continue;
        size_t k = i + 1;
        double sum = 0;
        /* ... set beside its figures, right of its label; not the rows of
         * a sparse table under it ("Fordon 2 000 | –", "IT-system – |
         * 1 000"), whose labels stand where its label stands */
        while (k < n && row[k]->ncols == r->ncols && only_column(row[k]) == c &&
               indent[k] - indent[i] > BESIDE_PT) {
            sum += row[k]->amounts[c];
            k++;
        }
        size_t parts = k - i - 1;
        if (parts < 2 || !(fabs(sum - r->amounts[rc]) <= tol * (parts < 4 ? (double)parts : 4) + 1e-9) ||
            r->amounts[rc] == 0)
            continue;
        for (size_t j = i + 1; j < k; j++) {
            row[j]->role = PS_ROW_OF_WHICH;
            row[j]->level = r->level + 1;
            free(row[j]->parent);
            row[j]->parent = psi_strdup(r->label);
        }
        i = k - 1;
    }
}

/* Whether the item rows row[from..to) add up to row t in every column,
 * within their rounding, with figures other than zero. */
static bool
items_make(ps_budget_row **row, size_t from, size_t to, size_t t, double tol)
{
    const ps_budget_row *r = row[t];
    bool nonzero = false;
    for (size_t c = 0; c < r->ncols; c++) {
        if (!r->present[c])
            continue;
        double sum = 0;
        size_t k = 0;
        for (size_t j = from; j < to; j++)
            if (row[j]->role == PS_ROW_ITEM && row[j]->ncols == r->ncols && row[j]->present[c]) {
                sum += row[j]->amounts[c];
                k++;
            }
        if (!(fabs(sum - r->amounts[c]) <= tol * (k < 4 ? (double)(k ? k : 1) : 4) + 1e-9))
            return false;
        nonzero |= r->amounts[c] != 0;
    }
    return nonzero;
}

/* The words of a total's label after its "Summa": "SUMMA EGET KAPITAL OCH
 * SKULDER" gives "EGET KAPITAL OCH SKULDER". */
static char *
after_summa(const char *label)
{
    static const char *const firsts[] = { "summa ", "s:a ", "totalt ", "total ", NULL };
    const char *rest = label;
    for (int k = 0; firsts[k] && rest == label; k++)
        if (!strncasecmp(label, firsts[k], strlen(firsts[k])))
            rest = label + strlen(firsts[k]);
    /* with a capital first: "Summa eget kapital och skulder" names "Eget
     * kapital och skulder" */
    return psi_strndup_capital(rest, strlen(rest));
}

/* Whether row r totals a balance sheet's side by its label, one that
 * names word or other (folded): "SUMMA TILLGÅNGAR", "Summa eget kapital
 * och skulder". */
static bool
side_total(const ps_budget_row *r, const char *word, const char *other)
{
    if (r->role != PS_ROW_TOTAL || r->level || !psi_budget_label_total(r->label))
        return false;
    char *f = psi_fold_ascii(r->label);
    bool names = strstr(f, word) || (other && strstr(f, other));
    free(f);
    return names;
}

void
psi_budget_balance_sides(ps_budget_row **row, size_t n)
{
    if (n < 4)
        return;
    double tol = half_step(row, n);
    for (size_t i = 1; i + 2 < n; i++) {
        /* the assets' total first: not a budget's "Summa intäkter" over
         * "Summa kostnader" of the same figures */
        if (!side_total(row[i], "tillgangar", NULL) || !items_make(row, 0, i, i, tol))
            continue;
        for (size_t j = i + 2; j < n; j++) {
            const ps_budget_row *a = row[i], *b = row[j];
            if (b->ncols != a->ncols || !side_total(b, "skulder", "eget kapital"))
                continue;
            bool same = true;
            for (size_t c = 0; c < a->ncols && same; c++)
                same = a->present[c] == b->present[c] && (!a->present[c] || fabs(a->amounts[c] - b->amounts[c]) <= tol);
            if (!same || !items_make(row, i + 1, j, j, tol))
                continue;
            /* the second side is a table of its own, named by its total */
            char *name = after_summa(b->label);
            for (size_t k = i + 1; k <= j; k++) {
                free(row[k]->table);
                row[k]->table = psi_strdup(name);
            }
            free(name);
            return;
        }
    }
}

/* ---------------------------------------------------------------- columns */

/* Whether a column's heading names a sum of the columns before it:
 * "Summa", "S:a", "Totalt"; not "Total budget 2026" (a budget of its own
 * that may be set beside its parts' budgets) nor "Totalt antal". */
static bool
column_named_total(const char *heading)
{
    char *f = folded_words(heading);
    bool r = (starts_word(f, "summa") || starts_word(f, "s:a") || !strcmp(f, "sum") || !strcmp(f, "total") ||
              !strcmp(f, "totalt")) && !ratio_label(heading, f);
    free(f);
    return r;
}

/* Whether it names one column less another: "Avvikelse helår", "Avv.
 * prognos/ budget 2026", "Differens"; not "Ram förändringar" (changes
 * added to the frame). */
static bool
column_named_difference(const char *heading)
{
    char *f = folded_words(heading);
    bool r = deviation(f, true);
    free(f);
    return r;
}

typedef struct cols {
    ps_budget_row **row;
    size_t n, ncols;
    const char *role; /* the roles found so far, left to right */
    double tol;
} cols;

/* Whether column j is, in every row that has it, the sum of the item
 * columns before it (two or more), in two rows or more from two parts
 * other than zero, with a figure of 20 steps or more. */
static bool
column_adds_up(const cols *t, size_t j)
{
    size_t k = 0;
    for (size_t c = 0; c < j; c++)
        k += t->role[c] == 'i';
    if (k < 2)
        return false;
    double tol = t->tol * (k < 4 ? (double)k : 4) + 1e-9;
    size_t telling = 0;
    bool big = false;
    for (size_t i = 0; i < t->n; i++) {
        const ps_budget_row *r = t->row[i];
        if (r->ncols != t->ncols || !r->present[j])
            continue;
        double sum = 0;
        size_t nonzero = 0;
        for (size_t c = 0; c < j; c++)
            if (t->role[c] == 'i' && r->present[c]) {
                sum += r->amounts[c];
                nonzero += r->amounts[c] != 0;
            }
        if (!(fabs(sum - r->amounts[j]) <= tol))
            return false;
        telling += nonzero >= 2;
        big |= fabs(r->amounts[j]) >= SMALL_STEPS * 2 * t->tol;
    }
    return telling >= 2 && big;
}

/* Whether column j is, in every row that has it, column b less column a
 * (or a less b), in two rows or more where all three are other than
 * zero, with a figure of 20 steps or more. */
static bool
column_differs(const cols *t, size_t j, size_t a, size_t b, double sign)
{
    size_t telling = 0;
    bool big = false;
    for (size_t i = 0; i < t->n; i++) {
        const ps_budget_row *r = t->row[i];
        if (r->ncols != t->ncols || !r->present[j])
            continue;
        if (!r->present[a] || !r->present[b])
            return false;
        double d = sign * (r->amounts[b] - r->amounts[a]);
        if (!(fabs(d - r->amounts[j]) <= 2 * t->tol + 1e-9))
            return false;
        telling += r->amounts[j] != 0 && r->amounts[a] != 0 && r->amounts[b] != 0;
        big |= fabs(r->amounts[j]) >= SMALL_STEPS * 2 * t->tol;
    }
    return telling >= 2 && big;
}

void
psi_budget_column_sums(ps_budget_row **row, size_t n)
{
    if (!n || row[0]->ncols < 2)
        return;
    size_t ncols = row[0]->ncols;
    char *role = psi_malloc(ncols + 1);
    memset(role, 'i', ncols);
    role[ncols] = 0;
    cols t = { row, n, ncols, role, half_step(row, n) };
    bool any = false;
    for (size_t j = 1; j < ncols; j++) {
        const char *heading = row[0]->columns[j] ? row[0]->columns[j] : "";
        if (column_named_total(heading) || column_adds_up(&t, j)) {
            role[j] = 't';
        } else if (column_named_difference(heading)) {
            role[j] = 'd';
        } else {
            /* the nearest two columns first: "Budget | Prognos | Avv." */
            for (size_t b = j - 1; b >= 1 && role[j] == 'i'; b--)
                for (size_t a = b; a-- > 0 && role[j] == 'i';)
                    if (role[a] != 'd' && role[b] != 'd' &&
                        (column_differs(&t, j, a, b, 1) || column_differs(&t, j, a, b, -1)))
                        role[j] = 'd';
        }
        any |= role[j] != 'i';
    }
    for (size_t i = 0; i < n; i++) {
        free(row[i]->column_roles);
        row[i]->column_roles = NULL;
        if (any && row[i]->ncols == ncols)
            row[i]->column_roles = psi_strdup(role);
    }
    free(role);
}

/* tablerows.c: tables whose cells hold prose, read cell by cell. A table
 * of measures (Område | Beskrivning | Effekt) sets each cell's text over
 * several lines of its own; read row by row, its lines interleave three
 * texts ("Stärkt samver- kan mellan skola kan mellan skola och …"). Here
 * the rows of a region (one line of words each, left to right) are cut
 * into pieces, each one output line: the rows themselves, except in such a
 * table, where each table row is read a column at a time, its cells in
 * turn.
 *
 * - Column edges are where three rows or more start a cell at one x, or
 *   centre one, and a run of rows leaves room (tableedges.c).
 * - A table row (a group of lines) starts at a line with text in the first
 *   column: a line pitch further down than the table's usual one, after a
 *   line without, where the first column and another start together, or at
 *   a capital after a line that does not go on (see new_group()).
 * - A group is read by cells only when that changes the order (a column's
 *   text goes on under a later column's), some row of the table wraps (a
 *   line that breaks a word or goes on in lower case), its first line
 *   starts with a label in the first column that holds no sum of money,
 *   and no column holds amounts on two lines.
 * - Such a group is a table's row (one paragraph, its cells apart) when it
 *   is short and one of its columns holds short lines; else (columns of
 *   text on one grid) its columns are read as text.
 * - A table of figures keeps its rows (budget.c reads them by lines), its
 *   labels wrapped beside the amounts and its headings too: a run of rows
 *   where most columns after the first hold amounts.
 * - A table's line of one row with no first column's cell (a column's
 *   heading set bold) is no heading. */
#include "layout.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROW_LINES 10 /* lines of a table's row; more are columns of text */
#define SHORT_CELL 3.5   /* words a line of a column of short cells holds at most, on average */
#define FIGURES_REACH 80 /* rows around a run judged for figures: more than a page holds */

/* The column of word w among edges x[0..ne): how many lie left of it. */
static int
column_of(const psi_word *w, const double *x, int ne)
{
    int c = 0;
    while (c < ne && w->x0 >= x[c] - EDGE_SLACK)
        c++;
    return c;
}

/* Row k's words in column c: r[*s..*e), empty when none. */
static void
part(const wref *r, const rowinfo *ri, const double *x, int ne, int c, size_t *s, size_t *e)
{
    *s = *e = ri->e;
    for (size_t i = ri->s; i < ri->e; i++) {
        int col = column_of(r[i].w, x, ne);
        if (col == c && *s == ri->e)
            *s = i;
        if (col == c)
            *e = i + 1;
    }
}

/* Whether the words r[s..e) are a list's marker alone: a bullet or an
 * item's number ("•", "–", "o", "1.", "a)"). */
static bool
marker(const wref *r, size_t s, size_t e)
{
    if (e - s != 1)
        return false;
    const char *t = r[s].w->text;
    size_t n = strlen(t);
    char spaced[8];
    if (n + 2 <= sizeof spaced) { /* "–" alone is the bullet "– " */
        memcpy(spaced, t, n);
        memcpy(spaced + n, " ", 2);
        size_t b = psi_bullet_len(spaced);
        if (b == n || b == n + 1)
            return true;
    }
    if (!strcmp(t, "o")) /* a list's "o" in Word's second level */
        return true;
    return n >= 2 && n <= 3 && (t[n - 1] == '.' || t[n - 1] == ')');
}

/* Whether a line ending in word s goes on in the next: a word broken at
 * its end, a comma, a dash ("Kungsbacka station -" / "Avlastning …"), or
 * a word that cannot end a label ("Kville inkl. station i" / "Brunnsbo":
 * psi_word_goes_on). */
static bool
label_goes_on(const char *s)
{
    size_t n = strlen(s);
    return psi_broken_end(s, n) || (n && s[n - 1] == ',') || !strcmp(s, "-") || !strcmp(s, "–") ||
           psi_word_goes_on(s);
}

/* The units of amounts, from a word's start ("kr/kvm", "kg/inv."); the
 * first six are money's and a share's. */
static const char *const units[] = { "tkr", "mnkr", "mkr", "mdkr", "kr", "%", "procent", "st", "m", "km", "kg", NULL };
#define MONEY_UNITS 6

/* Whether t starts with one of units[0..n). */
static bool
unit_in(const char *t, int n)
{
    size_t u = strcspn(t, "/.)");
    for (int k = 0; k < n && units[k]; k++)
        if (strlen(units[k]) == u && strncmp(t, units[k], u) == 0)
            return true;
    return false;
}

/* Whether t is money's unit or a share's ("kr", "tkr", "kr/kvm", "%"). */
static bool
money(const char *t)
{
    return unit_in(t, MONEY_UNITS);
}

/* Whether t is a unit ("tkr", "kr/kvm", "kr/inv.", "%", "kg"). */
static bool
unit(const char *t)
{
    return unit_in(t, INT_MAX);
}

/* Whether the words r[s..e) are an amount: a number first, glued to its
 * unit or not ("1,5 mnkr/år", "300 tkr", "138,13kr/kvm"), then units and
 * at most two words of a note ("32,4 kr/m (GR, ovägt"). */
static bool
amounts(const wref *r, size_t s, size_t e)
{
    const char *t = r[s].w->text;
    size_t digits = strspn(t, "0123456789,.- ");
    if (!psi_is_number(t, strlen(t)) && !(digits && strcspn(t, "0123456789") == 0 && unit(t + digits)))
        return false;
    int note = 0;
    for (size_t i = s + 1; i < e; i++) {
        t = r[i].w->text;
        if (!psi_is_number(t, strlen(t)) && !unit(t))
            note++;
    }
    return note <= 2;
}

/* Whether a cell's line r[s..e) goes on from the line above it in its
 * column, which ended in word prev_end: that line broke a word, or this one
 * starts in lower case (a list's "o" is no lower case). */
static bool
goes_on_under(const char *prev_end, const wref *r, size_t s, size_t e)
{
    return !marker(r, s, e) && (psi_broken_end(prev_end, strlen(prev_end)) || psi_starts_lower(r[s].w->text));
}

/* Whether a column's text wraps in rows[a..b): a cell's line goes on from
 * the one above it (goes_on_under). */
static bool
wraps(const wref *r, const rowinfo *rows, int a, int b, const double *x, int ne)
{
    for (int c = 0; c <= ne; c++) {
        const char *prev_end = NULL;
        for (int k = a; k < b; k++) {
            size_t s, e;
            part(r, &rows[k], x, ne, c, &s, &e);
            if (s == e) {
                prev_end = NULL;
                continue;
            }
            if (prev_end && goes_on_under(prev_end, r, s, e))
                return true;
            prev_end = r[e - 1].w->text;
        }
    }
    return false;
}

/* Whether the words r[s..e) hold a sum of money or a share: a number, then
 * "kr", "tkr", "mnkr" … or "%", glued to it or not ("40,1 kr/kvm"). */
static bool
holds_money(const wref *r, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        const char *t = r[i].w->text, *u = i + 1 < e ? r[i + 1].w->text : "";
        size_t digits = strspn(t, "0123456789,.");
        if (!digits)
            continue;
        if (t[digits] == '\0' ? money(u) : money(t + digits))
            return true;
    }
    return false;
}

/* Whether rows[a..b) with the edges x[0..ne) are a table row to read by
 * cells (see the top of the file), given whether some row of the table
 * wraps (prose: a short label under the first line of a row wraps nothing,
 * "Ny mötesstation byggs" / "Uddevalla-Strömstad", in a table whose other
 * rows do). */
static bool
by_cells(const wref *r, const rowinfo *rows, int a, int b, const double *x, int ne, bool prose)
{
    if (b - a < 2 || ne == 0 || !prose)
        return false;
    bool list = true;
    for (int k = a; k < b; k++) {
        size_t s, e;
        part(r, &rows[k], x, ne, 0, &s, &e);
        list &= s == e || marker(r, s, e);
    }
    if (list) /* the first column holds only bullets or numbers */
        return false;
    size_t s0, e0;
    part(r, &rows[a], x, ne, 0, &s0, &e0);
    if (s0 == e0) /* a heading over the columns, or a cell gone on */
        return false;
    if (holds_money(r, s0, e0)) /* a label with its amount: an edge not found */
        return false;
    for (int c = 0; c <= ne; c++) {
        int amount_lines = 0;
        for (int k = a; k < b; k++) {
            size_t s, e;
            part(r, &rows[k], x, ne, c, &s, &e);
            amount_lines += s < e && amounts(r, s, e);
        }
        if (amount_lines >= 2) /* a label and its "varav" line beside amounts */
            return false;
    }
    /* a column's text goes on under a later column's: row k holds a
     * column right of c, a row under it column c */
    for (int c = 0; c < ne; c++) {
        int first_later = -1;
        for (int k = a; k < b && first_later < 0; k++)
            for (size_t i = rows[k].s; i < rows[k].e && first_later < 0; i++)
                if (column_of(r[i].w, x, ne) > c)
                    first_later = k;
        for (int k = first_later + 1; first_later >= 0 && k < b; k++) {
            size_t s, e;
            part(r, &rows[k], x, ne, c, &s, &e);
            if (s < e)
                return true;
        }
    }
    return false;
}

/* Whether row ri has text in a column after the first. */
static bool
later_cells(const wref *r, const rowinfo *ri, const double *x, int ne)
{
    for (int c = 1; c <= ne; c++) {
        size_t a, b;
        part(r, ri, x, ne, c, &a, &b);
        if (a < b)
            return true;
    }
    return false;
}

/* Whether row k starts a new table row (a group of lines) after row k-1,
 * which takes text in the first column (a paragraph of a cell may follow
 * a space, as SN's p15's description of three paragraphs): a line further
 * down than the run's usual line pitch; at text in the
 * first column after a row without (unless it is less than a line down: a
 * heading's cells set between lines); at a row whose first column and
 * another start together, the other empty in the row before (a table's
 * cells start on one line: "Förlängda mötesspår i | 2020 | Ej beslutat"
 * under a label's second line); at a list's bullet; and at a capital in
 * the first column after a line that does not go on (label_goes_on()),
 * unless it is the group's third line or later, alone (a label going on
 * at a place name). g is the group's first row. */
static bool
new_group(const wref *r, const rowinfo *rows, int g, int k, const double *x, int ne, double usual, double em)
{
    double pitch = rows[k].y0 - rows[k - 1].y0;
    size_t s0, e0, s1, e1;
    part(r, &rows[k - 1], x, ne, 0, &s0, &e0);
    part(r, &rows[k], x, ne, 0, &s1, &e1);
    if (s1 == e1) /* no label: a cell's next paragraph, however far down */
        return false;
    if (pitch > usual + 0.5 * em)
        return true;
    if (s0 == e0) {
        /* ... while no other column's text goes on from the row before
         * (the columns of a page of prose, a paragraph ending in one) */
        for (int c = 1; c <= ne; c++) {
            size_t a0, b0, a1, b1;
            part(r, &rows[k - 1], x, ne, c, &a0, &b0);
            part(r, &rows[k], x, ne, c, &a1, &b1);
            if (a0 < b0 && a1 < b1 && goes_on_under(r[b0 - 1].w->text, r, a1, b1))
                return false;
        }
        return pitch > 0.75 * em;
    }
    if (marker(r, s1, e1) || psi_bullet_len(r[s1].w->text))
        return true;
    for (int c = 1; c <= ne; c++) {
        size_t a0, b0, a1, b1;
        part(r, &rows[k - 1], x, ne, c, &a0, &b0);
        part(r, &rows[k], x, ne, c, &a1, &b1);
        if (a0 == b0 && a1 < b1)
            return true;
    }
    /* a label's line alone, past the row's second, is the label going
     * on, a name too ("Uppgradering till | 2035 | Ej beslutat" /
     * "hastighet 160 km/h" / "Uddevalla-Göteborg inkl.") */
    if (k - 1 > g && !later_cells(r, &rows[k], x, ne))
        return false;
    return psi_starts_upper(r[s1].w->text) && !label_goes_on(r[e0 - 1].w->text);
}

/* What column c of rows[a..b) holds: lines (rows with text in it), words,
 * and lines that are amounts. */
typedef struct colstats {
    size_t lines, words, amounts;
} colstats;

static colstats
column_stats(const wref *r, const rowinfo *rows, int a, int b, const double *x, int ne, int c)
{
    colstats st = { 0, 0, 0 };
    for (int k = a; k < b; k++) {
        size_t s, e;
        part(r, &rows[k], x, ne, c, &s, &e);
        if (s == e)
            continue;
        st.lines++;
        st.words += e - s;
        st.amounts += amounts(r, s, e);
    }
    return st;
}

/* Whether rows[a..b) are a table of figures: most of its columns after
 * the first hold amounts in most of their cells (a year's or a measure's
 * column among prose ones does not make one). */
static bool
figures(const wref *r, const rowinfo *rows, int a, int b, const double *x, int ne)
{
    int columns = 0;
    for (int c = 1; c <= ne; c++) {
        colstats st = column_stats(r, rows, a, b, x, ne, c);
        columns += st.amounts * 2 > st.lines;
    }
    return columns * 2 > ne;
}

/* Whether lines of a column holding words in all are short: SHORT_CELL
 * words a line or fewer, on average (a column's labels, years, amounts). */
static bool
short_lines(size_t lines, size_t words)
{
    return lines && (double)words <= SHORT_CELL * (double)lines;
}

/* Whether a column of rows[a..b) holds short lines. */
static bool
short_column(const wref *r, const rowinfo *rows, int a, int b, const double *x, int ne)
{
    for (int c = 0; c <= ne; c++) {
        colstats st = column_stats(r, rows, a, b, x, ne, c);
        if (short_lines(st.lines, st.words))
            return true;
    }
    return false;
}

/* A table's row of one line read whole: a line of its own, but no heading
 * when it holds no first column's cell (a column's heading set bold,
 * "Möjlig" / "effektivisering" over the effect column, is no section's). */
static psi_piece
whole_row(const wref *r, const rowinfo *ri, const double *x, int ne)
{
    bool cell = column_of(r[ri->s].w, x, ne) > 0;
    return (psi_piece){ ri->s, ri->e, cell ? PSI_PART_COLUMN : PSI_PART_NONE, 0, 0 };
}

size_t
psi_table_pieces(const wref *r, const size_t *starts, int nrows, psi_piece *out)
{
    size_t np = 0;
    if (nrows <= 0)
        return 0;
    rowinfo *rows = psi_malloc((size_t)nrows * sizeof *rows);
    for (int k = 0; k < nrows; k++) {
        rowinfo *ri = &rows[k];
        ri->s = starts[k];
        ri->e = starts[k + 1];
        ri->y0 = 1e9;
        ri->sorted = true;
        for (size_t i = ri->s; i < ri->e; i++) {
            ri->y0 = fmin(ri->y0, r[i].w->y0);
            if (i > ri->s && (r[i].w->x0 < r[i - 1].w->x1 - 1 || r[i].w->x0 < r[i - 1].w->x0))
                ri->sorted = false;
        }
    }
    edge e[MAX_EDGES];
    int ne = psi_table_edges(r, rows, nrows, e);
    int k = 0, fig_lo = -1, fig_hi = -1, fig_nx = -1;
    double fig_x[MAX_EDGES];
    bool fig = false;
    while (k < nrows) {
        /* the edges row k lies in runs of, as far as they all go and no
         * other edge's run starts */
        double x[MAX_EDGES];
        int nx = 0, end = nrows;
        for (int j = 0; j < ne; j++) {
            if (e[j].from[k] >= 0) {
                x[nx++] = e[j].x;
                end = e[j].to[k] < end ? e[j].to[k] : end;
            }
            end = e[j].next[k] < end ? e[j].next[k] : end;
        }
        if (!nx || end - k < 2) {
            out[np++] = (psi_piece){ rows[k].s, rows[k].e, PSI_PART_NONE, 0, 0 };
            k++;
            continue;
        }
        /* a table of figures keeps its rows, headings over its columns
         * too: judged over the runs of the edges, as far as a page's
         * rows reach (so a crafted tall page costs no more) */
        int lo = k, hi = end;
        for (int j = 0; j < ne; j++)
            if (e[j].from[k] >= 0) {
                lo = e[j].from[k] < lo ? e[j].from[k] : lo;
                hi = e[j].to[k] > hi ? e[j].to[k] : hi;
            }
        lo = lo < k - FIGURES_REACH ? k - FIGURES_REACH : lo;
        hi = hi > end + FIGURES_REACH ? end + FIGURES_REACH : hi;
        /* (the runs are the same for the segments they hold: judged once) */
        if (lo != fig_lo || hi != fig_hi || nx != fig_nx || memcmp(x, fig_x, (size_t)nx * sizeof *x)) {
            fig = figures(r, rows, lo, hi, x, nx);
            fig_lo = lo;
            fig_hi = hi;
            fig_nx = nx;
            memcpy(fig_x, x, (size_t)nx * sizeof *x);
        }
        if (fig) {
            for (int j = k; j < end; j++)
                out[np++] = whole_row(r, &rows[j], x, nx);
            k = end;
            continue;
        }
        /* the run's usual line pitch */
        double *pitches = psi_malloc((size_t)(end - k) * sizeof *pitches), em = 0;
        size_t ng = 0;
        for (int j = k + 1; j < end; j++)
            pitches[ng++] = rows[j].y0 - rows[j - 1].y0;
        for (size_t i = rows[k].s; i < rows[end - 1].e; i++)
            em = fmax(em, psi_word_em(r[i].w));
        double usual = psi_median(pitches, ng);
        free(pitches);
        /* the table rows, and whether any wraps: then the table holds
         * prose */
        int *groups = psi_malloc((size_t)(end - k + 1) * sizeof *groups), ngroups = 0;
        bool prose = false;
        for (int g = k; g < end;) {
            int h = g + 1;
            while (h < end && !new_group(r, rows, g, h, x, nx, usual, em))
                h++;
            groups[ngroups++] = g;
            prose = prose || wraps(r, rows, g, h, x, nx);
            g = h;
        }
        groups[ngroups] = end;
        for (int i = 0; i < ngroups; i++) {
            int g = groups[i], h = groups[i + 1];
            if (by_cells(r, rows, g, h, x, nx, prose)) {
                /* a table's row is short and has a column of short cells
                 * (its labels, years, amounts); columns of text set on
                 * one grid have long lines and run long: only a table's
                 * row is one paragraph with its cells apart */
                bool row = h - g <= MAX_ROW_LINES && short_column(r, rows, g, h, x, nx);
                size_t from = np;
                for (int c = 0; c <= nx; c++) {
                    bool first = true;
                    for (int j = g; j < h; j++) {
                        size_t s, t;
                        part(r, &rows[j], x, nx, c, &s, &t);
                        if (s == t)
                            continue;
                        psi_cellpart p = !row         ? PSI_PART_COLUMN
                                         : np == from ? PSI_PART_ROW
                                         : first      ? PSI_PART_CELL
                                                      : PSI_PART_ON;
                        out[np++] = (psi_piece){ s, t, p, c, nx + 1 };
                        first = false;
                    }
                }
            }
            else {
                for (int j = g; j < h; j++)
                    out[np++] = whole_row(r, &rows[j], x, nx);
            }
        }
        free(groups);
        k = end;
    }
    psi_table_edges_free(e, ne);
    free(rows);
    return np;
}


bool
psi_table_across(const wref *r, size_t n, const psi_piece *pc, size_t np, double x0, double x1)
{
    size_t across = 0, words = 0;          /* table rows across, and their words */
    int short_in[MAX_EDGES + 1] = { 0 };   /* per column, rows whose cell there is short */
    for (size_t i = 0; i < np;) {
        if (pc[i].part != PSI_PART_ROW || pc[i].columns < 3) {
            i++;
            continue;
        }
        bool left = false, right = false;
        int top = 0; /* cells on the row's first line: a table's start together */
        size_t j = i;
        do {
            left |= r[pc[j].to - 1].w->x1 <= x0 + 1;
            right |= r[pc[j].from].w->x0 >= x1 - 1;
            top += r[pc[j].from].row == r[pc[i].from].row;
            j++;
        } while (j < np && (pc[j].part == PSI_PART_ON || pc[j].part == PSI_PART_CELL));
        if (left && right && top >= 3) {
            across++;
            size_t lines[MAX_EDGES + 1] = { 0 }, in[MAX_EDGES + 1] = { 0 };
            bool letters[MAX_EDGES + 1] = { false }; /* a word of two letters or more: no figure's lettering */
            for (size_t k = i; k < j; k++) {
                words += pc[k].to - pc[k].from;
                lines[pc[k].col]++;
                in[pc[k].col] += pc[k].to - pc[k].from;
                for (size_t q = pc[k].from; q < pc[k].to; q++)
                    letters[pc[k].col] |= psi_word_chars(r[q].w->text) >= 2;
            }
            for (int c = 0; c <= MAX_EDGES; c++)
                short_in[c] += letters[c] && short_lines(lines[c], in[c]);
        }
        i = j;
    }
    /* a column of short cells (years, statuses, amounts) in two rows of three */
    bool short_cells = false;
    for (int c = 0; c <= MAX_EDGES; c++)
        short_cells |= short_in[c] >= 2 && (size_t)short_in[c] * 3 >= across * 2;
    /* the table is most of the region: not a few cells of a signature
     * under columns of text */
    return across >= 2 && words * 2 >= n && short_cells;
}

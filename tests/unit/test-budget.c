/* test-budget.c: Swedish amounts, and table rows from tab-separated lines
 * (as layout.c makes them), with a header that names the columns. */
#include "plansok-private.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>

static void
test_amounts(void)
{
    static const struct {
        const char *text;
        int ok;
        double value;
    } cases[] = {
        { "12 345", 1, 12345 },       { "1 234,5", 1, 1234.5 },    { "-500", 1, -500 },
        { "\xE2\x88\x92" "500", 1, -500 }, { "\xE2\x80\x93" "22 010", 1, -22010 }, { "0,25", 1, 0.25 },
        { "1 234 567", 1, 1234567 },  { "66,80", 1, 66.8 },        { " 907 ", 1, 907 },
        { "12 34", 0, 0 },            { "1234 567", 0, 0 },        { "Budget", 0, 0 },
        { "2015-12-31", 0, 0 },       { "", 0, 0 },                { "12,", 0, 0 },
        { "- ", 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = 0;
        int ok = ps_parse_amount(cases[i].text, &v);
        printf("# '%s'\n", cases[i].text);
        CHECK(ok == cases[i].ok);
        if (ok && cases[i].ok)
            CHECK(fabs(v - cases[i].value) < 1e-9);
    }
}

static psi_line
L(const char *t)
{
    psi_line l = { 0 };
    l.text = (char *)t;
    return l;
}

static void
test_rows(void)
{
    psi_line lines[] = {
        L("Budget 2018"),
        L("Resultatbudget (tkr)\tBudget 2018 Budget 2017\tUtfall 2016"),
        L("Medlemsavgifter\t12 345\t11 900\t-"),
        L("Övriga kostnader\t\xE2\x88\x92" "500\t-450,5\t-400"),
        L("Texten efter tabellen är prosa."),
        L("Summa\t1\t2\t3"), /* no header any more: not a row */
    };
    psi_page pg = { 0 };
    pg.lines = lines;
    pg.nlines = sizeof lines / sizeof lines[0];
    bool on = true;
    psi_budget_rows out = { 0 };
    psi_budget_extract(&pg, 1, &on, NULL, &out);
    CHECK(out.n == 2);
    if (out.n == 2) {
        ps_budget_row *r = &out.v[0];
        CHECK_STR(r->table, "Resultatbudget (tkr)");
        CHECK_STR(r->unit, "tkr");
        CHECK_STR(r->label, "Medlemsavgifter");
        CHECK(r->ncols == 3);
        if (r->ncols == 3) {
            CHECK_STR(r->columns[0], "Budget 2018");
            CHECK_STR(r->columns[1], "Budget 2017");
            CHECK_STR(r->columns[2], "Utfall 2016");
            CHECK(r->present[0] && r->amounts[0] == 12345 && !r->present[2]);
        }
        r = &out.v[1];
        CHECK(r->amounts[0] == -500 && fabs(r->amounts[1] + 450.5) < 1e-9);
    }
    for (size_t i = 0; i < out.n; i++)
        psi_budget_row_release(&out.v[i]);
    free(out.v);
    /* pages not marked as budget pages give nothing */
    on = false;
    psi_budget_rows none = { 0 };
    psi_budget_extract(&pg, 1, &on, NULL, &none);
    CHECK(none.n == 0);
}

static void
test_units(void)
{
    static const struct {
        const char *caption, *unit;
    } cases[] = {
        { "Resultatbudget (tkr)", "tkr" }, { "Miljoner kronor", "mnkr" }, { "Belopp i tusen kr", "tkr" },
        { "Miljoner kr", "mnkr" },         { "Tusentals kronor", "tkr" }, { "Mkr", "mnkr" },
        { "Kronor per invånare", "" },     { "Budget 2027", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *u = psi_unit_of(cases[i].caption);
        printf("# unit of '%s'\n", cases[i].caption);
        CHECK_STR(u, cases[i].unit);
        free(u);
    }
}

/* A line with its cells' places, as layout.c makes them. */
static psi_line
placed(const char *t, const double *x0, const double *x1, size_t n)
{
    psi_line l = { 0 };
    l.text = (char *)t;
    l.size = 10;
    l.cells = psi_malloc(n * sizeof *l.cells);
    l.ncells = n;
    for (size_t i = 0; i < n; i++)
        l.cells[i] = (psi_cell){ x0[i], x1[i] };
    l.x0 = x0[0];
    l.x1 = x1[n - 1];
    return l;
}

/* The rows psi_budget_extract reads from one page of these lines. */
static psi_budget_rows
rows_of(psi_line *lines, size_t n)
{
    psi_page pg = { 0 };
    pg.lines = lines;
    pg.nlines = n;
    bool on = true;
    psi_budget_rows out = { 0 };
    psi_budget_extract(&pg, 1, &on, NULL, &out);
    return out;
}

/* Frees the rows and the lines' cells (placed() made them). */
static void
release(psi_budget_rows *out, psi_line *lines, size_t n)
{
    for (size_t i = 0; i < out->n; i++)
        psi_budget_row_release(&out->v[i]);
    free(out->v);
    for (size_t i = 0; i < n; i++)
        free(lines[i].cells);
}

static void
test_note_column(void)
{
    /* a resultaträkning's "Not" column holds note references, not amounts */
    static const double h0[] = { 60, 250, 330, 420 }, h1[] = { 120, 270, 370, 460 };
    static const double r0[] = { 60, 262, 340, 430 }, r1[] = { 200, 270, 370, 460 };
    psi_line lines[] = {
        placed("Resultaträkning (tkr)\tNot\tBudget 2025\tUtfall 2024", h0, h1, 4),
        placed("Verksamhetens intäkter\t1\t233 760\t220 452", r0, r1, 4),
        placed("Årets resultat\t11\t315\t-3 950", r0, r1, 4),
    };
    psi_budget_rows out = rows_of(lines, 3);
    CHECK(out.n == 2);
    if (out.n == 2) {
        CHECK(out.v[0].ncols == 2);
        if (out.v[0].ncols == 2) {
            CHECK_STR(out.v[0].columns[0], "Budget 2025");
            CHECK(out.v[0].amounts[0] == 233760 && out.v[0].amounts[1] == 220452);
            CHECK(out.v[1].amounts[0] == 315 && out.v[1].amounts[1] == -3950);
        }
    }
    release(&out, lines, 3);
}

static void
test_percent_rows(void)
{
    /* rows of percentages among a table's rows (Tolkförmedling's p5:
     * "Soliditet (%) | 36% | 47%") are left out, and the table goes on
     * under them with its columns */
    static const double x0[] = { 60, 250, 330 }, x1[] = { 200, 290, 370 };
    psi_line lines[] = {
        placed("Förbundet (tkr)\t2025\t2024", x0, x1, 3),
        placed("Årets resultat\t315\t-3 950", x0, x1, 3),
        placed("Soliditet (%)\t36%\t47 %", x0, x1, 3),
        placed("Likviditet (%)\t147%\t171%", x0, x1, 3),
        placed("Nettoinvesteringar\t0\t7 035", x0, x1, 3),
    };
    psi_budget_rows out = rows_of(lines, 5);
    CHECK(out.n == 2);
    if (out.n == 2) {
        CHECK_STR(out.v[1].label, "Nettoinvesteringar");
        CHECK_STR(out.v[1].columns[0], "2025");
        CHECK_STR(out.v[1].table, "Förbundet (tkr)");
        CHECK(out.v[1].amounts[1] == 7035);
    }
    release(&out, lines, 5);
}

static void
test_unit_caption(void)
{
    /* "Belopp i tkr" over the labels names only the unit: the heading
     * over the table names it (TN's "Investeringar", "Drift") */
    static const double x0[] = { 60, 250, 330 }, x1[] = { 200, 290, 370 };
    static const double t0[] = { 60 }, t1[] = { 160 };
    psi_line lines[] = {
        placed("Investeringar", t0, t1, 1),
        placed("Belopp i tkr\tBudget 2026\tPrognos 2026", x0, x1, 3),
        placed("Reinvestering\t30 505\t30 150", x0, x1, 3),
    };
    psi_budget_rows out = rows_of(lines, 3);
    CHECK(out.n == 1);
    if (out.n == 1) {
        CHECK_STR(out.v[0].table, "Investeringar");
        CHECK_STR(out.v[0].unit, "tkr");
    }
    release(&out, lines, 3);
    /* "(tkr)" on a line of its own over a balance sheet whose headings
     * name it (Tolkförmedling p28) gives the unit */
    psi_line sheet[] = {
        placed("(tkr)", t0, t1, 1),
        placed("TILLGÅNGAR\tBokslut 2025\tBokslut 2024", x0, x1, 3),
        placed("Fordringar\t47 669\t42 839", x0, x1, 3),
    };
    out = rows_of(sheet, 3);
    CHECK(out.n == 1);
    if (out.n == 1) {
        CHECK_STR(out.v[0].table, "TILLGÅNGAR");
        CHECK_STR(out.v[0].unit, "tkr");
    }
    release(&out, sheet, 3);
}

static void
test_year_like_figures(void)
{
    /* a figure that looks like a year is a figure in a row ("2099" places),
     * and a label may start with a number ("1 Kommunstyrelsen") */
    static const double h0[] = { 60, 300, 380 }, h1[] = { 120, 330, 410 };
    static const double r0[] = { 60, 300, 380 }, r1[] = { 200, 330, 410 };
    psi_line lines[] = {
        placed("Lokalbehov (platser)\t2026\t2027", h0, h1, 3),
        placed("Förskola\t2099\t2 101", r0, r1, 3),
        placed("1 Kommunstyrelsen\t45\t46", r0, r1, 3),
        placed("Grundskola\t1 950\t2010", r0, r1, 3),
    };
    psi_budget_rows out = rows_of(lines, 4);
    CHECK(out.n == 3);
    if (out.n == 3) {
        CHECK(out.v[0].amounts[0] == 2099 && out.v[0].amounts[1] == 2101);
        CHECK_STR(out.v[1].label, "1 Kommunstyrelsen");
        CHECK(out.v[1].amounts[0] == 45 && out.v[1].amounts[1] == 46);
        CHECK(out.v[2].present[1] && out.v[2].amounts[1] == 2010);
    }
    release(&out, lines, 4);
}

static void
test_heading_words(void)
{
    /* the budgetramar slides: headings of two lines, whose second lines
     * ("kompensation", "förändringar", "förändringar") are set so close that
     * they are one cell over three columns: a word each */
    static const double h0[] = { 284, 361, 451, 524 }, h1[] = { 328, 395, 474, 568 };
    static const double s0[] = { 168, 296, 342 }, s1[] = { 209, 316, 577 };
    static const double r0[] = { 100, 282, 364, 451, 522 }, r1[] = { 240, 330, 392, 473, 570 };
    psi_line lines[] = {
        placed("Ram inkl\tResurs\tRam\tRam inkl", h0, h1, 4),
        placed("NÄMND\tPKV\tkompensation förändringar förändringar", s0, s1, 3),
        placed("Socialnämnden\t274 077\t-427\t-50\t273 600", r0, r1, 5),
        placed("Tekniska nämnden\t88 604\t0\t-3 250\t85 354", r0, r1, 5),
    };
    psi_budget_rows out = rows_of(lines, 4);
    CHECK(out.n == 2 && out.v[0].ncols == 4);
    if (out.n == 2 && out.v[0].ncols == 4) {
        CHECK_STR(out.v[0].columns[0], "Ram inkl PKV");
        CHECK_STR(out.v[0].columns[1], "Resurs kompensation");
        CHECK_STR(out.v[0].columns[2], "Ram förändringar");
        CHECK_STR(out.v[0].columns[3], "Ram inkl förändringar");
    }
    release(&out, lines, 4);
    /* a heading of more words than the columns it lies over (three over
     * two) stays whole */
    static const double g0[] = { 60, 282 }, g1[] = { 120, 392 };
    psi_line lines2[] = {
        placed("tkr\tFörändring mot budget", g0, g1, 2),
        placed("Socialnämnden\t274 077\t-427\t-50\t273 600", r0, r1, 5),
        placed("Tekniska nämnden\t88 604\t0\t-3 250\t85 354", r0, r1, 5),
    };
    out = rows_of(lines2, 3);
    bool split = false;
    for (size_t k = 0; out.n && k < out.v[0].ncols; k++)
        split |= out.v[0].columns[k] && !strcmp(out.v[0].columns[k], "Förändring");
    CHECK(out.n == 2 && !split);
    release(&out, lines2, 3);
}

/* A word of a page, as pdf.c gives it. */
typedef struct tword {
    const char *text;
    double x0, x1, y;
} tword;

/* The rows psi_budget_extract reads from one page of these lines and of
 * these words (each 7.3 pt high from its y), where the words of headings
 * lie. */
static psi_budget_rows
rows_with_words(psi_line *lines, size_t n, const tword *tw, size_t nw)
{
    psi_page pg = { 0 };
    pg.lines = lines;
    pg.nlines = n;
    pg.words = psi_calloc(nw + 1, sizeof *pg.words);
    pg.nwords = nw;
    for (size_t i = 0; i < nw; i++)
        pg.words[i] = (psi_word){ (char *)tw[i].text, tw[i].x0, tw[i].y, tw[i].x1, tw[i].y + 7.3, 7.3f, false };
    bool on = true;
    psi_budget_rows out = { 0 };
    psi_budget_extract(&pg, 1, &on, NULL, &out);
    free(pg.words);
    return out;
}

/* A line of lines[] at y, 8 pt high. */
static void
at_y(psi_line *l, double y)
{
    l->y0 = y;
    l->y1 = y + 8;
    l->size = 7.3;
}

static void
test_heading_lines_by_words(void)
{
    /* socialnämnden's 2017 follow-up, p1's second table: headings of up
     * to four lines, flush right over their figures, whose lines run
     * together into cells over several columns ("funktionsstöd Stöd o
     * service familjeomsorg"): the words part where they stand apart */
    static const tword w[] = {
        { "AFF", 292, 308, 556 }, { "ASS", 345, 363, 556 }, { "IFO", 405, 418, 556 },
        { "Avd", 282.7, 296.1, 566 }, { "för", 298.4, 308.0, 566 }, { "Arbetsmarkn", 318.1, 363.1, 566 },
        { "Individ", 387.3, 411.5, 566 }, { "o", 413.7, 418.2, 566 }, { "EKB", 444.1, 459.0, 566 },
        { "-", 461.0, 463.4, 566 },
        { "Förvaltnings-", 206.7, 253.0, 576 }, { "funktionsstöd", 261.3, 307.9, 576 },
        { "Stöd", 312.5, 328.8, 576 }, { "o", 331.0, 335.5, 576 }, { "service", 337.8, 362.7, 576 },
        { "familjeomsorg", 367.0, 418.2, 576 }, { "Ensam-", 437.4, 463.4, 576 },
    };
    static const double a0[] = { 292, 345, 405 }, a1[] = { 308, 363, 418 };
    static const double b0[] = { 282.7, 387.3, 444.1 }, b1[] = { 363.1, 418.2, 463.4 };
    static const double c0[] = { 206.7, 261.3, 437.4 }, c1[] = { 253.0, 418.2, 463.4 };
    static const double d0[] = { 100.9, 225.8, 275.9, 331.0, 386.2, 423.3, 480.1 },
                        d1[] = { 138.3, 252.8, 308.2, 363.3, 418.5, 462.8, 507.3 };
    static const double r0[] = { 100.9, 232.6, 304, 358, 397, 441, 483 },
                        r1[] = { 184.8, 253.0, 308, 363, 418, 463, 507 };
    psi_line lines[] = {
        placed("AFF\tASS\tIFO", a0, a1, 3),
        placed("Avd för Arbetsmarkn\tIndivid o\tEKB -", b0, b1, 3),
        placed("Förvaltnings-\tfunktionsstöd Stöd o service familjeomsorg\tEnsam-", c0, c1, 3),
        placed("Belopp i tkr\tledning\texkl EKB\texkl EKB\texkl EKB\tkommande\tSumma", d0, d1, 7),
        placed("Verksamhetens intäkter\t-9 500\t0\t0\t-2 980\t-16 220\t-28 700", r0, r1, 7),
        placed("Personalkostnader\t-2 190\t-5 000\t0\t1 315\t4 990\t-885", r0, r1, 7),
    };
    for (size_t i = 0; i < 6; i++)
        at_y(&lines[i], 555 + 10 * (double)i);
    psi_budget_rows out = rows_with_words(lines, 6, w, sizeof w / sizeof *w);
    CHECK(out.n == 2 && out.v[0].ncols == 6);
    if (out.n == 2 && out.v[0].ncols == 6) {
        CHECK_STR(out.v[0].columns[0], "Förvaltningsledning");
        CHECK_STR(out.v[0].columns[1], "AFF Avd för funktionsstöd exkl EKB");
        CHECK_STR(out.v[0].columns[2], "ASS Arbetsmarkn Stöd o service exkl EKB");
        CHECK_STR(out.v[0].columns[3], "IFO Individ o familjeomsorg exkl EKB");
        CHECK_STR(out.v[0].columns[4], "EKB - Ensamkommande");
        CHECK_STR(out.v[0].columns[5], "Summa");
        CHECK(out.v[1].amounts[1] == -5000 && out.v[1].amounts[5] == -885);
    }
    release(&out, lines, 6);

    /* a header line of one cell over two columns, its headings two ems
     * apart ("2026   budget 2026", tekniska nämnden's follow-up) names
     * both; a title across them, its words a word space apart, does not */
    static const tword v[] = {
        { "Prognos", 475, 510, 545 }, { "2026", 512.5, 540, 545 },
        { "2026", 465.3, 485.5, 565 }, { "budget", 503.3, 533.4, 565 }, { "2026", 535.9, 555.9, 565 },
    };
    static const double t0[] = { 475 }, t1[] = { 540 };
    static const double e0[] = { 80.1, 361.4, 425, 495.7 }, e1[] = { 120, 415.0, 485.4, 555.8 };
    static const double f0[] = { 465.3 }, f1[] = { 555.9 };
    static const double g0[] = { 80.1, 380, 460, 530 }, g1[] = { 160, 415, 485, 556 };
    psi_line lines2[] = {
        placed("Prognos 2026", t0, t1, 1),
        placed("Belopp i tkr\tBudget 2026\tPrognos helår\tAvv. prognos/", e0, e1, 4),
        placed("2026 budget 2026", f0, f1, 1),
        placed("Verksamhetens intäkter\t84 664\t85 994\t1 330", g0, g1, 4),
        placed("Personalkostnader\t-23 720\t-24 643\t-923", g0, g1, 4),
    };
    for (size_t i = 0; i < 5; i++)
        at_y(&lines2[i], 545 + 10 * (double)i);
    out = rows_with_words(lines2, 5, v, sizeof v / sizeof *v);
    CHECK(out.n == 2 && out.v[0].ncols == 3);
    if (out.n == 2 && out.v[0].ncols == 3) {
        CHECK_STR(out.v[0].columns[0], "Budget 2026");
        CHECK_STR(out.v[0].columns[1], "Prognos helår 2026");
        CHECK_STR(out.v[0].columns[2], "Avv. prognos/ budget 2026");
        CHECK(out.v[1].amounts[2] == -923);
    }
    release(&out, lines2, 5);
    /* ... and without the page's words (where they lie unknown) a title
     * over two columns stays the table's title, its words no headings */
    static const double u0[] = { 430 }, u1[] = { 545 };
    static const double m0[] = { 80.1, 460, 530 }, m1[] = { 120, 485, 556 };
    psi_line lines3[] = {
        placed("Budget 2027", u0, u1, 1),
        placed("tkr\tJan\tFeb", m0, m1, 3),
        placed("Personalkostnader\t-23 720\t-24 643\t-923", g0, g1, 4),
    };
    out = rows_of(lines3, 3);
    CHECK(out.n == 1 && out.v[0].ncols == 3);
    if (out.n == 1 && out.v[0].ncols == 3) {
        CHECK_STR(out.v[0].table, "Budget 2027");
        CHECK_STR(out.v[0].columns[1], "Jan");
        CHECK_STR(out.v[0].columns[2], "Feb");
    }
    release(&out, lines3, 3);
}

static void
test_action_plan(void)
{
    /* socialnämnden's 2017 follow-up p4, "Handlingsplan 2": what
     * (Verksamhet), which measure (Åtgärd) and its effect, in mnkr written
     * in each cell; a measure wrapped over three lines has its figure on
     * the middle one */
    static const double h0[] = { 466 }, h1[] = { 510 }, i0[] = { 111.8 }, i1[] = { 226.4 };
    static const double j0[] = { 453.1 }, j1[] = { 510 };
    static const double w0[] = { 191 }, w1[] = { 419.7 }, v0[] = { 191 }, v1[] = { 236.9 };
    static const double r0[] = { 133.8, 460 }, r1[] = { 150, 494.4 };
    static const double s0[] = { 133.8, 191, 460 }, s1[] = { 150, 380, 494.4 };
    psi_line lines[] = {
        placed("Bedömd", h0, h1, 1),
        placed("Verksamhet Åtgärd", i0, i1, 1),
        placed("effekt 2017", j0, j1, 1),
        placed("Alla externa köp av vård prövas mot lösningar i", w0, w1, 1),
        placed("Alla\t2,1 mnkr", r0, r1, 2),
        placed("egen regi", v0, v1, 1),
        placed("Alla\tRestriktivitet vid tjänstetillsättningar\t1,5 mnkr", s0, s1, 3),
        placed("EKB\tAvslutade platser och nerförhandlade priser\t0,5 mnkr", s0, s1, 3),
    };
    static const double y[] = { 297.8, 304.1, 310.5, 333.6, 339.9, 346.2, 405.7, 435.1 };
    for (size_t i = 0; i < 8; i++)
        at_y(&lines[i], y[i]);
    psi_budget_rows out = rows_of(lines, 8);
    CHECK(out.n == 3 && out.v[0].ncols == 1);
    if (out.n == 3 && out.v[0].ncols == 1) {
        CHECK_STR(out.v[0].label, "Alla: Alla externa köp av vård prövas mot lösningar i egen regi");
        CHECK_STR(out.v[1].label, "Alla: Restriktivitet vid tjänstetillsättningar");
        CHECK_STR(out.v[2].label, "EKB: Avslutade platser och nerförhandlade priser");
        CHECK_STR(out.v[0].columns[0], "Bedömd effekt 2017");
        CHECK_STR(out.v[0].unit, "mnkr");
        CHECK(fabs(out.v[0].amounts[0] - 2.1) < 1e-9 && fabs(out.v[2].amounts[0] - 0.5) < 1e-9);
    }
    release(&out, lines, 8);

    /* under its caption "Handlingsplan 2", the line "Verksamhet      Åtgärd"
     * is the headings of the label's two cells (its words far apart, the
     * second where the rows' measures start), not the table's name; set as
     * a title (a word space apart) it is the name */
    static const double t0[] = { 99.2 }, t1[] = { 184.2 };
    psi_line lines1[] = {
        placed("Handlingsplan 2", t0, t1, 1),
        placed("Bedömd", h0, h1, 1),
        placed("Verksamhet Åtgärd", i0, i1, 1),
        placed("effekt 2017", j0, j1, 1),
        placed("Alla\tRestriktivitet vid tjänstetillsättningar\t1,5 mnkr", s0, s1, 3),
        placed("EKB\tAvslutade platser och nerförhandlade priser\t0,5 mnkr", s0, s1, 3),
    };
    static const double y1[] = { 270.6, 297.8, 304.1, 310.5, 405.7, 435.1 };
    for (size_t i = 0; i < 6; i++)
        at_y(&lines1[i], y1[i]);
    const tword apart[] = { { "Verksamhet", 111.8, 174.2, 304.1 }, { "Åtgärd", 191, 226.4, 304.1 } };
    const tword close[] = { { "Verksamhet", 111.8, 174.2, 304.1 }, { "Åtgärd", 176, 211.4, 304.1 } };
    for (int k = 0; k < 2; k++) {
        out = rows_with_words(lines1, 6, k ? close : apart, 2);
        CHECK(out.n == 2);
        if (out.n == 2) {
            CHECK_STR(out.v[0].table, k ? "Verksamhet Åtgärd" : "Handlingsplan 2");
            CHECK_STR(out.v[0].label, "Alla: Restriktivitet vid tjänstetillsättningar");
        }
        release(&out, lines1, 0);
    }
    out = (psi_budget_rows){ 0 };
    release(&out, lines1, 6);

    /* a caption over the figures right above a table's first row is its
     * caption, not the row's middle cell: no line goes on under it */
    static const double c0[] = { 200 }, c1[] = { 300 }, k0[] = { 100, 460 }, k1[] = { 180, 494 };
    psi_line lines2[] = {
        placed("Budget 2027", c0, c1, 1),
        placed("Socialnämnden\t274 077", k0, k1, 2),
        placed("Tekniska nämnden\t88 604", k0, k1, 2),
    };
    for (size_t i = 0; i < 3; i++)
        at_y(&lines2[i], 300 + 7 * (double)i);
    out = rows_of(lines2, 3);
    CHECK(out.n == 2);
    if (out.n == 2) {
        CHECK_STR(out.v[0].label, "Socialnämnden");
        CHECK_STR(out.v[0].table, "Budget 2027");
    }
    release(&out, lines2, 3);

    /* a letterhead and a figure's letters are no label of several cells;
     * "i.u." is no figure; a bare figure among figures in mnkr leaves the
     * table without a unit */
    static const double q0[] = { 100, 250, 460 }, q1[] = { 200, 400, 494 };
    psi_line lines3[] = {
        placed("Bedömd effekt 2027", j0, j1, 1),
        placed("Antal besök\ti.u.\t2,5 mnkr", q0, q1, 3),
        placed("Lokaler\tHyra\t300", q0, q1, 3),
        placed("postmottak@sd.dep.no\twww.sd.dep.no\t22 240", q0, q1, 3),
        placed("g\tf BEHOV HT\t12", q0, q1, 3),
    };
    out = rows_of(lines3, 5);
    bool letter = false, unit = false;
    for (size_t i = 0; i < out.n; i++) {
        letter |= strchr(out.v[i].label, '@') || !strncmp(out.v[i].label, "g:", 2);
        unit |= out.v[i].unit && *out.v[i].unit;
    }
    CHECK(!letter && !unit);
    bool besok = false;
    for (size_t i = 0; i < out.n; i++)
        besok |= !strcmp(out.v[i].label, "Antal besök") && out.v[i].amounts[0] == 2.5;
    CHECK(besok);
    release(&out, lines3, 5);

    /* without the cells' places (text from elsewhere), a row's figures
     * after a label of two cells are in order from the first column */
    psi_line lines4[] = {
        { .text = (char *)"Verksamhet\tBedömd effekt 2017", .size = 10 },
        { .text = (char *)"Alla\tRestriktivitet vid tjänstetillsättningar\t1,5 mnkr", .size = 10 },
    };
    out = rows_of(lines4, 2);
    CHECK(out.n == 1 && out.v[0].ncols == 1 && out.v[0].present[0] && out.v[0].amounts[0] == 1.5);
    release(&out, lines4, 2);
}

static void
test_monthly_follow_up(void)
{
    /* a monthly follow-up (socialnämnden, November 2017): the months
     * counted are a heading ("201711"), not a figure, and a lone figure
     * among the rows (a row's amount whose label stands elsewhere) does
     * not end the table */
    static const double h0[] = { 101, 290, 350 }, h1[] = { 140, 320, 457 };
    static const double y0[] = { 285, 345, 390, 430 }, y1[] = { 305, 370, 410, 457 };
    static const double r0[] = { 101, 280, 340, 390, 430 }, r1[] = { 200, 320, 370, 410, 457 };
    static const double z0[] = { 453 }, z1[] = { 457 };
    psi_line lines[] = {
        placed("Belopp i tkr\tBudget\tUtfall Prognos Avvikelse", h0, h1, 3),
        placed("2017\t201711\thelår\thelår", y0, y1, 4),
        placed("Verksamhetens intäkter\t218 033\t174 917\t189 333\t-28 700", r0, r1, 5),
        placed("Övriga kostnader\t-74 768\t-63 317\t-71 028\t3 740", r0, r1, 5),
        placed("0", z0, z1, 1),
        placed("Årets resultat\t0\t-38 429\t-45 749\t-45 749", r0, r1, 5),
    };
    psi_budget_rows out = rows_of(lines, 6);
    CHECK(out.n == 3 && out.v[0].ncols == 4);
    if (out.n == 3 && out.v[0].ncols == 4) {
        CHECK_STR(out.v[0].columns[0], "Budget 2017");
        CHECK_STR(out.v[0].columns[1], "Utfall 201711");
        CHECK_STR(out.v[0].columns[2], "Prognos helår");
        CHECK_STR(out.v[0].columns[3], "Avvikelse helår");
        CHECK_STR(out.v[2].label, "Årets resultat");
        CHECK(out.v[2].amounts[1] == -38429 && out.v[2].amounts[3] == -45749);
    }
    release(&out, lines, 6);
    /* six digits that are no year and month stay a figure: 201713, 123456 */
    psi_line lines2[] = {
        placed("Belopp i tkr\tBudget\tUtfall Prognos Avvikelse", h0, h1, 3),
        placed("Summa\t201713\t123456\t1\t2", r0, r1, 5),
    };
    out = rows_of(lines2, 2);
    CHECK(out.n == 1 && out.v[0].ncols == 4 && out.v[0].amounts[0] == 201713);
    release(&out, lines2, 2);
}

/* socialnämnden's genomlysning p5, a table of key figures: a figure with
 * the year it is of beside it ("20 (2024)" under "Alingsås 2025") is that
 * figure, its year noted in its column's heading; a label wrapped under
 * its row, from where it starts, is whole ("pla-" / "cerade …"). */
static void
test_key_figures(void)
{
    static const double h0[] = { 295.4, 373.8, 450 }, h1[] = { 341.3, 420, 505 };
    static const double r0[] = { 85.1, 290, 370, 450 }, r1[] = { 250, 340, 420, 497 };
    static const double l0[] = { 85.1 }, l1[] = { 250 };
    psi_line lines[] = {
        placed("Alingsås 2025\tLiknande 2024\tKommun 2024", h0, h1, 3),
        placed("Kostnad HVB för barn och unga kr/inv.\t3 187\t3 481\t3 992", r0, r1, 4),
        placed("Antal barn och unga 0–20 år som har varit pla-\t79 (2024)\t59 (2024)\t68 (2024)", r0, r1, 4),
        placed("cerade på familjehem någon gång under året", l0, l1, 1),
        placed("Kostnad öppna insatser, kr/inv\t769\t850 (2024)\t761 (2024)", r0, r1, 4),
    };
    static const double y[] = { 480, 512, 534, 544.5, 567 };
    for (size_t i = 0; i < 5; i++)
        at_y(&lines[i], y[i]);
    psi_budget_rows out = rows_of(lines, 5);
    CHECK(out.n == 3 && out.v[0].ncols == 3);
    if (out.n == 3 && out.v[0].ncols == 3) {
        CHECK_STR(out.v[1].label, "Antal barn och unga 0–20 år som har varit placerade på familjehem någon gång under året");
        CHECK(out.v[1].amounts[0] == 79 && out.v[1].amounts[1] == 59 && out.v[1].amounts[2] == 68);
        CHECK_STR(out.v[1].columns[0], "Alingsås 2025 (2024)");
        CHECK_STR(out.v[1].columns[1], "Liknande 2024");
        CHECK_STR(out.v[0].columns[0], "Alingsås 2025");
        CHECK(out.v[2].amounts[0] == 769 && out.v[2].amounts[1] == 850);
        CHECK_STR(out.v[2].columns[0], "Alingsås 2025");
    }
    release(&out, lines, 5);
}

int
main(void)
{
    test_amounts();
    test_rows();
    test_units();
    test_note_column();
    test_percent_rows();
    test_unit_caption();
    test_year_like_figures();
    test_heading_words();
    test_monthly_follow_up();
    test_heading_lines_by_words();
    test_action_plan();
    test_key_figures();
    return tap_done();
}

/* test-layout.c: reading order (ingest/layout.c: columns, slides, sidebars,
 * tables, rows of mixed sizes, letter-spaced words) and passages
 * (ingest/passage.c: bold lead paragraphs and run-in leads are text, a
 * sentence over a page end is read whole), on pages of words and lines
 * made here. */
#include "pages.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
test_layout_columns(void)
{
    /* Two columns of 8 lines, given to layout interleaved line by line, as
     * poppler sometimes does; a full-width header on top. */
    psi_word words[1];
    size_t n;
    /* each line: a label word and three more words of prose */
    static char left[8][16], right[8][16];
    psi_word all[80];
    n = 0;
    all[n++] = w("Rubrik", 60, 20, 400);
    for (int i = 0; i < 8; i++) {
        snprintf(left[i], sizeof left[i], "L%d", i);
        snprintf(right[i], sizeof right[i], "R%d", i);
        double y = 60 + i * 13;
        all[n++] = w(right[i], 310, y, 40);
        all[n++] = w("och", 360, y, 50);
        all[n++] = w("mer", 420, y, 50);
        all[n++] = w("text", 480, y, 50);
        all[n++] = w(left[i], 60, y, 40);
        all[n++] = w("och", 110, y, 50);
        all[n++] = w("mer", 170, y, 50);
        all[n++] = w("text", 230, y, 50);
    }
    (void)words;
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 2);
    CHECK(pg.nlines == 17);
    if (pg.nlines == 17) {
        CHECK_STR(pg.lines[0].text, "Rubrik");
        CHECK_STR(pg.lines[1].text, "L0 och mer text");
        CHECK_STR(pg.lines[8].text, "L7 och mer text");
        CHECK_STR(pg.lines[9].text, "R0 och mer text");
        CHECK_STR(pg.lines[16].text, "R7 och mer text");
    }
    page_release(&pg);
}

static void
test_layout_three_columns(void)
{
    /* An InDesign page of three columns (as Nacka's översiktsplan): a
     * heading across the page, three columns of twelve lines each given
     * to layout row by row across all three, and a page number. Each
     * column reads in order, left to right. */
    static char c[3][12][8];
    psi_word all[200];
    size_t n = 0;
    all[n++] = w("Översiktsplan", 50, 40, 300);
    for (int i = 0; i < 12; i++) {
        double y = 90 + i * 12;
        for (int k = 0; k < 3; k++) {
            snprintf(c[k][i], sizeof c[k][i], "%c%d", "ABC"[k], i);
            double x = 50 + k * 170;
            all[n++] = w(c[k][i], x, y, 30);
            all[n++] = w("och", x + 34, y, 30);
            all[n++] = w("mer", x + 68, y, 30);
            all[n++] = w("löptext", x + 102, y, 48);
        }
    }
    all[n++] = w("12", 290, 800, 12);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 3);
    if (pg.columns != 3) {
        page_release(&pg);
        return;
    }
    CHECK(pg.nlines == 1 + 36 + 1);
    if (pg.nlines == 38) {
        CHECK_STR(pg.lines[0].text, "Översiktsplan");
        CHECK_STR(pg.lines[1].text, "A0 och mer löptext");
        CHECK_STR(pg.lines[12].text, "A11 och mer löptext");
        CHECK_STR(pg.lines[13].text, "B0 och mer löptext");
        CHECK_STR(pg.lines[25].text, "C0 och mer löptext");
        CHECK_STR(pg.lines[36].text, "C11 och mer löptext");
        CHECK_STR(pg.lines[37].text, "12");
    }
    page_release(&pg);
}

static void
test_layout_sidebar(void)
{
    /* Two columns of body text and a sidebar of larger quotes whose lines
     * fall between the body's rows: the body is read column by column, then
     * the sidebar, each quote whole. */
    static char c[2][14][8], q[5][8];
    psi_word all[200];
    size_t n = 0;
    for (int i = 0; i < 14; i++) {
        double y = 90 + i * 12;
        for (int k = 0; k < 2; k++) {
            snprintf(c[k][i], sizeof c[k][i], "%c%d", "AB"[k], i);
            double x = 50 + k * 170;
            all[n++] = w(c[k][i], x, y, 30);
            all[n++] = w("och", x + 34, y, 30);
            all[n++] = w("mer", x + 68, y, 30);
            all[n++] = w("löptext", x + 102, y, 48);
        }
    }
    for (int i = 0; i < 5; i++) {
        psi_word *x;
        double y = 97 + i * 19;
        snprintf(q[i], sizeof q[i], "Q%d", i);
        x = &all[n++];
        *x = w(q[i], 400, y, 30);
        x->y1 = y + 15;
        x->size = 15;
        x = &all[n++];
        *x = w("citat", 434, y, 45);
        x->y1 = y + 15;
        x->size = 15;
        x = &all[n++];
        *x = w("i", 483, y, 8);
        x->y1 = y + 15;
        x->size = 15;
        x = &all[n++];
        *x = w("marginalen", 495, y, 70);
        x->y1 = y + 15;
        x->size = 15;
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 3);
    CHECK(pg.nlines == 28 + 5);
    if (pg.nlines == 33) {
        CHECK_STR(pg.lines[0].text, "A0 och mer löptext");
        CHECK_STR(pg.lines[13].text, "A13 och mer löptext");
        CHECK_STR(pg.lines[14].text, "B0 och mer löptext");
        CHECK_STR(pg.lines[28].text, "Q0 citat i marginalen");
        CHECK_STR(pg.lines[32].text, "Q4 citat i marginalen");
    }
    page_release(&pg);
}

static void
test_layout_table(void)
{
    /* A table of a label and number columns, with a wide gap before its
     * last two columns (a slide of frame budgets): the numbers are no
     * prose, so the gap is no gutter and each row stays one line with its
     * cells. Labels of four words make the left side look like prose. */
    static const char *labels[8] = { "Vård och omsorg nämnd", "Social och stöd nämnd", "Kultur och fritid nämnd",
                                     "Barn och unga nämnd",   "Bygg och miljö nämnd",  "Teknik och gata nämnd",
                                     "Styrelse och kansli nu", "Förmyndare och gode män" };
    psi_word all[200];
    size_t n = 0;
    for (int i = 0; i < 8; i++) {
        double y = 60 + i * 16;
        all[n++] = w(labels[i], 100, y, 200); /* one word of the label's width: enough here */
        all[n++] = w("1", 330, y, 8); /* thousands spaces of 2 pt */
        all[n++] = w("049", 340, y, 20);
        all[n++] = w("382", 362, y, 20);
        all[n++] = w("-935", 420, y, 25);
        all[n++] = w("1", 640, y, 8); /* the wide gap: 640 - 445 */
        all[n++] = w("057", 650, y, 20);
        all[n++] = w("382", 672, y, 20);
        all[n++] = w("0", 720, y, 8);
    }
    psi_page pg = laid_out(all, n, 960, 540);
    CHECK(pg.columns == 1);
    CHECK(pg.nlines == 8);
    if (pg.nlines == 8) {
        CHECK_STR(pg.lines[0].text, "Vård och omsorg nämnd\t1 049 382\t-935\t1 057 382\t0");
        /* each cell where it lies */
        CHECK(pg.lines[0].ncells == 5 && pg.lines[0].cells[3].x0 == 640 && pg.lines[0].cells[3].x1 == 692);
    }
    page_release(&pg);
}

static void
test_layout_slide(void)
{
    /* A 16:9 slide: a running header across the slide, and on its right half
     * an introduction across two columns of prose, as the RUS's chapter
     * pages. The header is one line; the introduction is read before the
     * columns, whole, also where a line leaves the gutter free; then the
     * left column, then the right. */
    static const char *const head[] = { "REGIONAL", "UTVECKLINGSSTRATEGI" };
    static const char *const intro[] = { "Den", "regionala", "strategin", "pekar", "ut", "vår",
                                         "gemensamma", "riktning", "för", "omställning", "nu" };
    static const char *const lw[] = { "L", "vänster", "kolumn", "med", "text", "här" };
    static const char *const rw[] = { "R", "höger", "kolumn", "med", "text", "där" };
    static char left[12][8], right[12][8];
    psi_word all[400];
    size_t n = 0;
    n = words_at(all, n, head, 2, 48, 42);
    all[n++] = w("GENOMFÖRANDE", 1750, 42, 110);
    for (int i = 0; i < 4; i++) /* the third row leaves the gutter free */
        n = words_at(all, n, intro, i == 2 ? 7 : 11, 1010, 150 + i * 14);
    static const char *const tail[] = { "riktning", "för", "omställning", "nu" };
    n = words_at(all, n, tail, 4, 1010 + 7 * 54, 150 + 2 * 14); /* a word space (0.4 em) over the gutter */
    for (int i = 0; i < 12; i++) {
        double y = 240 + i * 14;
        snprintf(left[i], sizeof left[i], "L%d", i);
        snprintf(right[i], sizeof right[i], "R%d", i);
        all[n++] = w(left[i], 1010, y, 50);
        n = words_at(all, n, lw + 1, 5, 1064, y);
        all[n++] = w(right[i], 1400, y, 50);
        n = words_at(all, n, rw + 1, 5, 1454, y);
    }
    psi_page pg = laid_out(all, n, 1920, 1080);
    CHECK(pg.columns == 2);
    CHECK(pg.nlines == 1 + 4 + 24);
    if (pg.nlines == 29) {
        CHECK(!strncmp(pg.lines[0].text, "REGIONAL UTVECKLINGSSTRATEGI", 28) && strstr(pg.lines[0].text, "GENOMFÖRANDE"));
        CHECK_STR(pg.lines[3].text, "Den regionala strategin pekar ut vår gemensamma riktning för omställning nu");
        CHECK_STR(pg.lines[5].text, "L0 vänster kolumn med text här");
        CHECK_STR(pg.lines[16].text, "L11 vänster kolumn med text här");
        CHECK_STR(pg.lines[17].text, "R0 höger kolumn med text där");
    }
    page_release(&pg);
}

static void
test_layout_sizes(void)
{
    static const struct {
        psi_word words[3];
        size_t n, nlines;
        const char *first;
    } cases[] = {
        /* "Satsa" set large at the start of a line of small text, its baseline
         * a little lower and given last, as the RUS's list of verbs is */
        { { { .text = "på", .x0 = 104, .x1 = 116, .y0 = 100, .y1 = 110, .size = 10 },
            { .text = "innovationsmiljöer", .x0 = 120, .x1 = 200, .y0 = 100, .y1 = 110, .size = 10 },
            { .text = "Satsa", .x0 = 60, .x1 = 100, .y0 = 97, .y1 = 112, .size = 15 } },
          3, 1, "Satsa på innovationsmiljöer" },
        /* a 28 pt heading whose box ends 2 pt above a line of 11 pt text, its
         * baseline 14 pt higher: two rows, not "1. Inledning Alingsås kommun" */
        { { { .text = "Inledning", .x0 = 60, .x1 = 180, .y0 = 72, .y1 = 103.7, .size = 28 },
            { .text = "Alingsås", .x0 = 60, .x1 = 100, .y0 = 105.4, .y1 = 117.7, .size = 11 },
            { .text = "kommun", .x0 = 104, .x1 = 144, .y0 = 105.4, .y1 = 117.7, .size = 11 } },
          3, 2, "Inledning" },
        /* words of two sizes that overlap (one printed over the other) keep
         * their order by baseline */
        { { { .text = "under", .x0 = 60, .x1 = 100, .y0 = 100, .y1 = 110, .size = 10 },
            { .text = "ÖVER", .x0 = 70, .x1 = 130, .y0 = 97, .y1 = 112, .size = 15 } },
          2, 1, "under ÖVER" },
        /* a 28 pt title beside a flow chart's 10 pt lettering, a cell's gap
         * apart on one row: the title is a line of its own (a heading), not
         * "11. Bilagor | styrmodell", a row of a table */
        { { { .text = "11.", .x0 = 113, .x1 = 150, .y0 = 98, .y1 = 126, .size = 28 },
            { .text = "Bilagor", .x0 = 156, .x1 = 252, .y0 = 98, .y1 = 126, .size = 28 },
            { .text = "styrmodell", .x0 = 491, .x1 = 540, .y0 = 114, .y1 = 124, .size = 10 } },
          3, 2, "11. Bilagor" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        psi_word all[3];
        memcpy(all, cases[i].words, sizeof all);
        psi_page pg = laid_out(all, cases[i].n, 595, 842);
        CHECK(pg.nlines == cases[i].nlines);
        if (pg.nlines == cases[i].nlines)
            CHECK_STR(pg.lines[0].text, cases[i].first);
        page_release(&pg);
    }
}

/* One line of words at the given x (each w wide), through layout. */
static char *
line_of(const char *const *words, const double *x, const double *width, size_t n)
{
    psi_word all[32];
    for (size_t i = 0; i < n; i++)
        all[i] = w(words[i], x[i], 100, width[i]);
    psi_page pg = laid_out(all, n, 595, 842);
    char *t = pg.nlines == 1 ? psi_strdup(pg.lines[0].text) : psi_strdup("(not one line)");
    page_release(&pg);
    return t;
}

static void
test_letter_spacing(void)
{
    /* "k l i m at h j ä lta r": one word, letters 1.5 pt apart */
    static const char *const klimat[] = { "k", "l", "i", "m", "at", "h", "j", "ä", "lta", "r" };
    double x[10], wd[10], at = 60;
    for (size_t i = 0; i < 10; i++) {
        wd[i] = 5.0 * (double)strlen(klimat[i]);
        x[i] = at;
        at += wd[i] + 1.5;
    }
    char *t = line_of(klimat, x, wd, 10);
    CHECK_STR(t, "klimathjältar");
    free(t);
    /* two letter-spaced words: the gap between them is three times the letters' */
    static const char *const two[] = { "R", "E", "G", "I", "O", "N", "U", "T", "V" };
    at = 60;
    for (size_t i = 0; i < 9; i++) {
        wd[i] = 6;
        x[i] = at;
        at += 6 + (i == 5 ? 5.5 : 1.8);
    }
    t = line_of(two, x, wd, 9);
    CHECK_STR(t, "REGION UTV");
    free(t);
    /* ordinary short words keep their spaces */
    static const char *const words[] = { "i", "en", "av", "de", "fem", "år" };
    at = 60;
    for (size_t i = 0; i < 6; i++) {
        wd[i] = 5.0 * (double)strlen(words[i]);
        x[i] = at;
        at += wd[i] + 2.8;
    }
    t = line_of(words, x, wd, 6);
    CHECK_STR(t, "i en av de fem år");
    free(t);
}

/* A label and its first figure 1.7 em apart are two cells (KUN's
 * genomlysning p6: "kommunala       74,2 | 73,6"); a word and a number 1.2
 * em apart are one ("inom    4 år"), and so are they on a line whose
 * every word stands 1.75 em apart. */
static void
test_first_figure(void)
{
    static const char *const row[] = { "Gymnasieelever", "med", "examen", "inom", "4", "år,", "kommunala", "74,2", "73,6" };
    double x[] = { 60, 127, 148, 180, 205, 215, 232, 294, 362 }, wd[] = { 62, 16, 27, 20, 5, 12, 45, 18, 18 };
    char *t = line_of(row, x, wd, 9);
    CHECK_STR(t, "Gymnasieelever med examen inom 4 år, kommunala\t74,2\t73,6");
    free(t);
    static const char *const prose[] = { "inom", "4", "år" };
    double x2[] = { 60, 92, 102 }, wd2[] = { 20, 5, 10 };
    t = line_of(prose, x2, wd2, 3);
    CHECK_STR(t, "inom 4 år");
    free(t);
    /* a line justified to 1.75 em spaces keeps its figure (KUN p7: "till
     * universitet och högskola inom 3 år,") */
    static const char *const wide[] = { "högskola", "inom", "3", "år," };
    double x3[] = { 60, 117.5, 157.5, 180 }, wd3[] = { 40, 22.5, 5, 12 };
    t = line_of(wide, x3, wd3, 4);
    CHECK_STR(t, "högskola inom 3 år,");
    free(t);
}

/* A line as layout.c makes it, for passage.c. */
static psi_line
ln(const char *text, double y, double size, bool bold)
{
    psi_line l = { 0 };
    l.text = (char *)text;
    l.x0 = 80;
    l.x1 = 80 + 4.5 * (double)strlen(text);
    l.y0 = y;
    l.y1 = y + size;
    l.size = size;
    l.bold = bold;
    return l;
}

/* An A4 page of the given lines, for passage.c. */
static psi_page
a4(psi_line *lines, size_t n)
{
    psi_page pg = { 0 };
    pg.lines = lines;
    pg.nlines = n;
    pg.width = 595;
    pg.height = 842;
    return pg;
}

/* The passages of one A4 page of the given lines, untagged. */
static psi_passages
passages_on(psi_line *lines, size_t n)
{
    psi_page pg = a4(lines, n);
    psi_passages out = { 0 };
    psi_build_passages(&pg, 1, NULL, NULL, &out, NULL);
    return out;
}

static void
test_bold_paragraph(void)
{
    /* A follow-up's section: a heading, a lead paragraph set in bold at body
     * size over four lines of under 90 characters, then body text, then a
     * short bold heading at body size. The lead is text, not a heading. */
    psi_line lines[] = {
        ln("Ökad lärartäthet", 100, 14, true),
        ln("Elevpengen i grundskolans årskurser 7 till 9 höjs återigen inför 2026, vilket gör det", 125, 11, true),
        ln("möjligt att fortsätta att öka lärartätheten. Förstärkningarna, tillsammans med", 138.2, 11, true),
        ln("insatser för att utveckla kvaliteten i det särskilda stödet, förbättrar", 151.4, 11, true),
        ln("förutsättningarna för att fler elever blir behöriga till gymnasiet.", 164.6, 11, true),
        ln("Förvaltningens arbete under året inriktas på att stärka processen kring särskilt stöd.", 184, 11, false),
        ln("En kunskapshöjande insats har genomförts under april.", 197.2, 11, false),
        ln("Elever med hög frånvaro", 230, 11, true),
        ln("Socialpedagogernas arbete följs upp kvalitativt och kvantitativt under året.", 255, 11, false),
        ln("Arbetet har lett till att flera elever återgått till regelbunden skolgång.", 268.2, 11, false),
    };
    psi_passages out = passages_on(lines, sizeof lines / sizeof lines[0]);
    CHECK(out.noutline == 2);
    if (out.noutline == 2) {
        CHECK_STR(out.outline[0].text, "Ökad lärartäthet");
        CHECK_STR(out.outline[1].text, "Elever med hög frånvaro");
    }
    CHECK(out.n == 2);
    if (out.n == 2) {
        CHECK_STR(out.v[0].heading, "Ökad lärartäthet");
        CHECK(!strncmp(out.v[0].text, "Elevpengen i grundskolans", 25));
        CHECK(strstr(out.v[0].text, "behöriga till gymnasiet.") != NULL);
        CHECK_STR(out.v[1].heading, "Ökad lärartäthet > Elever med hög frånvaro");
    }
    passages_release(&out);
}

static void
test_contents(void)
{
    /* A table of contents (title, leader of dots, page) is a passage marked
     * contents, which searches pass by; text that speaks of "innehållet"
     * or has dots of its own is not. */
    psi_line toc[] = {
        ln("Innehåll", 100, 16, true),
        ln("1. Inledning och kompetensförsörjning ................................... 4", 130, 11, false),
        ln("2. Ekonomi och budget . . . . . . . . . . . . . . . . . . . . . . . . . 12", 143.2, 11, false),
        ln("Bilagor: ordlista, förkortningar och de styrdokument som planen bygger på", 156.4, 11, false),
    };
    psi_passages out = passages_on(toc, sizeof toc / sizeof toc[0]);
    CHECK(out.n == 1 && out.v[0].contents == 1);
    passages_release(&out);
    psi_line body[] = {
        ln("Innehållet i planen följs upp varje år av nämnden, som rapporterar till", 100, 11, false),
        ln("fullmäktige... 4 gånger per år och i årsredovisningen. Kostnaderna ökar.", 113.2, 11, false),
    };
    out = passages_on(body, sizeof body / sizeof body[0]);
    CHECK(out.n == 1 && out.v[0].contents == 0);
    passages_release(&out);
    psi_line opens[] = {
        ln("INNEHÅLL INLEDNING... 7 Vår verksamhet 8 Mål och budget 12", 100, 11, false),
    };
    out = passages_on(opens, 1);
    CHECK(out.n == 1 && out.v[0].contents == 1);
    passages_release(&out);
    /* a table of contents that goes on to the next page with titles alone
     * (Storsthlm's p3); the text after it is text */
    psi_line c1[] = {
        ln("INNEHÅLL Uppdrag, mål och arbetsformer MÅLOMRÅDE UTBILDNING", 100, 11, false),
    };
    psi_line c2[] = {
        ln("Stödjande processer Strategiskt kommunikationsarbete", 100, 11, false),
    };
    psi_line c3[] = {
        ln("Storsthlm driver regional utveckling. Syftet är att stärka kommunerna", 100, 11, false),
    };
    /* titles and page numbers without dots under a heading "Indhold" (KL's
     * p2); under "Innehållsförteckning", text with sentences and figures is
     * text (a bill whose only heading that is) */
    psi_line dk[] = {
        ln("Indhold", 100, 16, true),
        ln("1. Forord 3 2. Sammenfatning 4 3. Indledning og vision 11 4. Kvalitet i det nære 15", 130, 11, false),
    };
    out = passages_on(dk, sizeof dk / sizeof dk[0]);
    CHECK(out.n == 1 && out.v[0].contents == 1);
    passages_release(&out);
    psi_line prop[] = {
        ln("Innehållsförteckning", 100, 16, true),
        ln("Regeringen föreslår att 3 kap. 2 § ändras. Stödet är 12 procent av 40 miljoner för 6 år.", 130, 11,
           false),
    };
    out = passages_on(prop, sizeof prop / sizeof prop[0]);
    CHECK(out.n == 1 && out.v[0].contents == 0);
    passages_release(&out);
    psi_line law[] = {
        ln("Innehållsförteckning", 100, 16, true),
        ln("7 b § Den samordnare som enligt 6 § första stycket 3 har utsetts, ska se till att 1. samordna", 130, 11,
           false),
        ln("arbetet med att förebygga risker, 2. samordna tillämpningen av regler samt följa en plan, 3.", 143.2, 11,
           false),
        ln("samordna åtgärder för att 8", 156.4, 11, false),
    };
    out = passages_on(law, sizeof law / sizeof law[0]);
    CHECK(out.n == 1 && out.v[0].contents == 0);
    passages_release(&out);
    psi_page pg[3] = { a4(c1, 1), a4(c2, 1), a4(c3, 1) };
    out = (psi_passages){ 0 };
    psi_build_passages(pg, 3, NULL, NULL, &out, NULL);
    CHECK(out.n == 3);
    if (out.n == 3)
        CHECK(out.v[0].contents == 1 && out.v[1].contents == 1 && out.v[2].contents == 0);
    passages_release(&out);
}

static void
test_goal_under_heading(void)
{
    /* A programme's goal area (Alingsås's idrott programme p8): "Mål" in
     * bold at body size, the goal itself in bold over two lines (the first
     * 86 characters and 91 bytes long), the text that explains it, then
     * "Strategiska inriktningar". The goal is one heading, not a line of
     * text and a heading, and it is also the text of "Mål", tagged mal; the
     * explanation stays under the goal's heading. */
    psi_line lines[] = {
        ln("Friluftsliv för alla", 80, 28, true),
        ln("Mål", 130, 11, true),
        ln("Kommunen främjar ett tillgängligt, jämlikt och aktivt friluftsliv så att fler invånare", 153, 11, true),
        ln("vistas i naturen regelbundet", 166.2, 11, true),
        ln("Friluftsliv är en viktig del av ett hållbart och hälsosamt samhälle. Naturvistelse bidrar till", 193,
           11, false),
        ln("återhämtning och ökat välbefinnande i vardagen genom hela livet för alla invånare i kommunen.", 207.5,
           11, false),
        ln("Strategiska inriktningar", 236, 11, true),
        ln("Säkerställa god och jämlik tillgång till natur- och friluftsområden i hela kommunen för alla.", 260,
           11, false),
    };
    psi_tagger *t = NULL;
    ps_error err = { 0 };
    CHECK(psi_tagger_new(psi_default_rules, "sections.rules", &t, &err) == PS_OK);
    psi_page pg = a4(lines, sizeof lines / sizeof lines[0]);
    psi_passages out = { 0 };
    psi_build_passages(&pg, 1, NULL, t, &out, NULL);
    const char *goal = "Kommunen främjar ett tillgängligt, jämlikt och aktivt friluftsliv så att fler invånare "
                       "vistas i naturen regelbundet";
    CHECK(out.noutline == 4);
    if (out.noutline == 4)
        CHECK_STR(out.outline[2].text, goal);
    CHECK(out.n == 3);
    if (out.n == 3) {
        CHECK_STR(out.v[0].heading, "Friluftsliv för alla > Mål");
        CHECK_STR(out.v[0].text, goal);
        CHECK(out.v[0].section == PS_SECTION_MAL);
        CHECK(!strncmp(out.v[1].text, "Friluftsliv är en viktig", 24));
        CHECK(out.v[1].section == PS_SECTION_OTHER);
    }
    passages_release(&out);
    psi_tagger_free(t);
}

static void
test_heading_ends_in_number(void)
{
    /* A heading wrapped before its last year (TN's genomlysning p3): the
     * number alone is its last line, not the text's first word. A number
     * of the heading's size far under it is not. */
    psi_line lines[] = {
        ln("1.1.Tekniska nämndens genomlysning 2026–", 100, 20, true),
        ln("2027", 124, 20, true),
        ln("Enligt Alingsås styrmodell ska kommunens nämnder årligen ta fram en genomlysning av sin", 152, 11,
           false),
        ln("verksamhet, och nämnderna ska analysera hur dess verksamheter bidrar till målen för året.", 165.2, 11,
           false),
        ln("Avgifter", 200, 20, true),
        ln("2028", 260, 20, true),
        ln("Antal invånare", 280, 20, true),
        ln("41 602", 304, 20, true),
        ln("Avgifterna för år 2028 räknas upp med index enligt kommunfullmäktiges beslut om taxor.", 300, 11,
           false),
    };
    psi_passages out = passages_on(lines, sizeof lines / sizeof lines[0]);
    CHECK(out.noutline >= 1);
    if (out.noutline >= 1)
        CHECK_STR(out.outline[0].text, "1.1.Tekniska nämndens genomlysning 2026–2027");
    CHECK(out.n >= 2);
    if (out.n >= 2) {
        CHECK(!strncmp(out.v[0].text, "Enligt Alingsås", 15));
        CHECK(!strncmp(out.v[1].text, "2028", 4));
    }
    bool figure = false; /* a key figure under its label is no part of it */
    for (size_t i = 0; i < out.noutline; i++)
        figure |= strstr(out.outline[i].text, "41 602") != NULL;
    CHECK(!figure);
    passages_release(&out);
    /* a heading with nothing under it at a page's end is cited at its page */
    psi_line p1[] = {
        ln("Inledning", 100, 20, true),
        ln("Budgeten för 2027 bygger på de ramar som kommunfullmäktige beslutade om i juni.", 130, 11, false),
        ln("Underlag ramar 2027-2029", 700, 20, true),
    };
    psi_line p2[] = {
        ln("Ram 2027", 100, 20, true),
        ln("Ramarna för 2027 räknas upp med index enligt kommunfullmäktiges beslut om taxor.", 130, 11, false),
    };
    psi_page pg[2] = { a4(p1, 3), a4(p2, 2) };
    out = (psi_passages){ 0 };
    psi_build_passages(pg, 2, NULL, NULL, &out, NULL);
    bool cited = false;
    for (size_t i = 0; i < out.n; i++)
        if (!strcmp(out.v[i].heading, "Underlag ramar 2027-2029") && !*out.v[i].text)
            cited = out.v[i].page == 0;
    CHECK(cited);
    passages_release(&out);
}

static void
test_large_lead(void)
{
    /* A chapter of the RUS: its title, an introduction of five lines set
     * larger than the body that ends a sentence, body text, and a heading
     * of three lines at that larger size. The introduction is text; the
     * heading stays one. */
    psi_line lines[] = {
        ln("Genomförande", 100, 50, true),
        ln("Den regionala utvecklingsstrategin pekar ut vår gemensamma", 170, 20, false),
        ln("riktning för omställning till ett hållbart och konkurrenskraftigt", 194, 20, false),
        ln("samhälle. För att få genomslag behöver vi vara många som", 218, 20, false),
        ln("driver på utvecklingen åt samma håll. Vi har alla olika mandat", 242, 20, false),
        ln("och resurser till vårt förfogande men ansvaret är delat.", 266, 20, false),
        ln("Tillsammans kan vi öka takten i omställningen genom stärkt dialog.", 310, 16, false),
        ln("Vi behöver utmana oss själva att arbeta och samarbeta på nya sätt.", 334, 16, false),
        ln("Västra Götalandsregionens roll är att leda och driva på utvecklingen.", 358, 16, false),
        ln("Möjliga förflyttningar som ska", 400, 20, true),
        ln("undersökas och som kräver", 424, 20, true),
        ln("samordning", 448, 20, true),
        ln("Här presenteras en uppföljning av de möjliga förflyttningarna.", 490, 16, false),
        ln("Förvaltningen har genomfört en översyn av arbetssätten under året.", 514, 16, false),
        ln("Översynen visar att samverkan mellan förvaltningarna har förbättrats.", 538, 16, false),
        ln("Arbetet fortsätter under nästa år med fler verksamheter och partner.", 562, 16, false),
        ln("En samlad uppföljning redovisas för nämnden i samband med bokslutet.", 586, 16, false),
    };
    psi_passages out = passages_on(lines, sizeof lines / sizeof lines[0]);
    CHECK(out.noutline == 2);
    if (out.noutline == 2) {
        CHECK_STR(out.outline[0].text, "Genomförande");
        CHECK_STR(out.outline[1].text, "Möjliga förflyttningar som ska undersökas och som kräver samordning");
    }
    CHECK(out.n >= 1 && !strncmp(out.v[0].text, "Den regionala utvecklingsstrategin", 34));
    passages_release(&out);
}

static void
test_run_in_lead(void)
{
    /* A bold first line that runs on into its paragraph in lower case, and
     * a list item whose first line is set large, are text; a short heading
     * over text that happens to start in lower case stays a heading. */
    psi_line lines[] = {
        ln("Kunskap till praktik", 100, 13.5, true),
        ln("utvecklingsarbete inom riskbruk, missbruk och beroendeområdet beslutades.", 118, 10, false),
        ln("Samverkan och kunskapsöverföring blir allt", 150, 10, true),
        ln("viktigare när traditionella branscher vävs samman.", 163, 10, false),
        ln("Stimulera entreprenörskap samt utveckla", 190, 13.5, false),
        ln("och ta tillvara barns och ungas kreativitet.", 206, 10, false),
    };
    lines[2].x1 = lines[3].x1; /* the bold line is full: it broke there */
    lines[4].x1 = lines[5].x1;
    psi_passages out = passages_on(lines, sizeof lines / sizeof lines[0]);
    CHECK(out.noutline == 1);
    if (out.noutline >= 1)
        CHECK_STR(out.outline[0].text, "Kunskap till praktik");
    CHECK(out.n == 1 && strstr(out.v[0].text, "Samverkan och kunskapsöverföring blir allt viktigare") &&
          strstr(out.v[0].text, "Stimulera entreprenörskap samt utveckla och ta tillvara"));
    passages_release(&out);
}

static void
test_loose_lines(void)
{
    /* Text set loosely (9 pt on a 13.2 pt pitch: the gap between lines is
     * over the paragraph's 0.45 em): a line that goes on in lower case at
     * the same gap is the same paragraph, and a word broken at its end is
     * joined; a capital, or lower case after a paragraph's space, starts a
     * paragraph. */
    psi_line lines[] = {
        ln("Texten är satt glest och ett ord bryts i samver-", 100, 9, false),
        ln("kan mellan raderna som här och", 113.2, 9, false),
        ln("meningen går vidare på en tredje rad.", 126.4, 9, false),
        ln("Nästa mening börjar med versal och står för sig.", 139.6, 9, false),
        ln("och en rad efter ett stycke börjar ett nytt.", 165, 9, false),
    };
    psi_passages out = passages_on(lines, sizeof lines / sizeof lines[0]);
    CHECK(out.n == 1);
    if (out.n == 1)
        CHECK_STR(out.v[0].text, "Texten är satt glest och ett ord bryts i samverkan mellan raderna som här och "
                                 "meningen går vidare på en tredje rad.\nNästa mening börjar med versal och står för "
                                 "sig.\noch en rad efter ett stycke börjar ett nytt.");
    passages_release(&out);
}

static void
test_sentence_over_page_end(void)
{
    /* A sentence the page end cuts off is read whole on the page where it
     * ends; a page that opens with a capital starts afresh. */
    psi_line p1[] = {
        ln("Förvaltningens arbete inriktas på rättssäkra arbetssätt.", 100, 10, false),
        ln("Målet är att manuella arbetsmoment som kan automatiseras ska", 113, 10, false),
    };
    psi_line p2[] = {
        ln("vara ersatta av digitala lösningar vid utgången av 2026. En översyn pågår.", 100, 10, false),
        ln("Arbetet fortsätter.", 113, 10, false),
    };
    psi_line p3[] = {
        ln("Nästa sida börjar med en ny mening.", 100, 10, false),
    };
    psi_page pg[3] = { a4(p1, 2), a4(p2, 2), a4(p3, 1) };
    psi_passages out = { 0 };
    psi_build_passages(pg, 3, NULL, NULL, &out, NULL);
    CHECK(out.n == 3);
    if (out.n == 3) {
        CHECK_STR(out.v[0].text, "Förvaltningens arbete inriktas på rättssäkra arbetssätt.");
        CHECK(out.v[1].page == 1 && !strncmp(out.v[1].text, "Målet är att manuella arbetsmoment som kan "
                                                            "automatiseras ska vara ersatta",
                                            strlen("Målet är att manuella arbetsmoment som kan automatiseras ska "
                                                   "vara ersatta")));
        CHECK_STR(out.v[2].text, "Nästa sida börjar med en ny mening.");
    }
    passages_release(&out);
    /* a paragraph that is one unfinished sentence goes whole; "t.ex." ends
     * no sentence */
    psi_line q1[] = {
        ln("Rubrik", 80, 14, true),
        ln("Kommunerna har olika förutsättningar, t.ex. möjligheten att", 100, 10, false),
    };
    psi_line q2[] = {
        ln("göra ärenden digitalt. Arbetet fortsätter.", 100, 10, false),
    };
    pg[0] = a4(q1, 2);
    pg[1] = a4(q2, 1);
    psi_passages out2 = { 0 };
    psi_build_passages(pg, 2, NULL, NULL, &out2, NULL);
    bool whole = false;
    for (size_t i = 0; i < out2.n; i++)
        whole |= out2.v[i].page == 1 && !strncmp(out2.v[i].text, "Kommunerna har olika förutsättningar, t.ex. "
                                                               "möjligheten att göra ärenden digitalt.",
                                                 strlen("Kommunerna har olika förutsättningar, t.ex. möjligheten "
                                                        "att göra ärenden digitalt."));
    CHECK(whole);
    passages_release(&out2);
}

/* A protocol's item number over its title ("§ 112 2026.272 KS" / "Budget
 * 2027 och ramar …", socialnämnden's and kommunstyrelsen's minutes) numbers
 * the title and is a passage of its own under it, not the end of the item
 * before; a "§" line in running text stays text. */
static void
test_item_number(void)
{
    psi_line lines[] = {
        ln("Information och överläggningar", 80, 13, true),
        ln("Redogörelse för samrådet.", 100, 10, false),
        ln("§ 112 2026.272 KS", 130, 10, false),
        ln("Budget 2027 och ramar 2028-2029", 145, 13, true),
        ln("Direktionen beslutade att godkänna budget 2027.", 170, 10, false),
        ln("§ 10 i förbundsordningen gäller.", 190, 10, false),
        ln("Mer text om beslutet.", 203, 10, false),
    };
    psi_passages out = passages_on(lines, sizeof lines / sizeof *lines);
    CHECK(out.n == 3);
    if (out.n == 3) {
        CHECK_STR(out.v[0].text, "Redogörelse för samrådet.");
        CHECK_STR(out.v[1].heading, "§ 112 Budget 2027 och ramar 2028-2029");
        CHECK_STR(out.v[1].text, "§ 112 2026.272 KS");
        CHECK(out.v[1].section == PS_SECTION_OTHER);
        CHECK_STR(out.v[2].heading, "§ 112 Budget 2027 och ramar 2028-2029");
        CHECK_STR(out.v[2].text, "Direktionen beslutade att godkänna budget 2027.\n§ 10 i förbundsordningen gäller. "
                                 "Mer text om beslutet.");
    }
    passages_release(&out);
    /* a paragraph's last line that starts with a § is no item number, even
     * right above a heading */
    psi_line text[] = {
        ln("Information", 80, 13, true),
        ln("Beslutet fattades enligt kommunallagen 6 kap.", 100, 10, false),
        ln("§ 36 i den lydelse som gällde då.", 113, 10, false),
        ln("Beslut", 128, 13, true),
        ln("Kommunstyrelsen beslutar att lägga informationen till handlingarna.", 150, 10, false),
    };
    out = passages_on(text, sizeof text / sizeof *text);
    CHECK(out.n == 2);
    if (out.n == 2) {
        CHECK_STR(out.v[0].text, "Beslutet fattades enligt kommunallagen 6 kap. § 36 i den lydelse som gällde då.");
        CHECK_STR(out.v[1].heading, "Beslut");
    }
    passages_release(&out);
}

int
main(void)
{
    test_layout_columns();
    test_layout_three_columns();
    test_layout_sidebar();
    test_layout_table();
    test_layout_sizes();
    test_layout_slide();
    test_letter_spacing();
    test_bold_paragraph();
    test_contents();
    test_goal_under_heading();
    test_heading_ends_in_number();
    test_large_lead();
    test_run_in_lead();
    test_sentence_over_page_end();
    test_loose_lines();
    test_item_number();
    test_first_figure();
    return tap_done();
}

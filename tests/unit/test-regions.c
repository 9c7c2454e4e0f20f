/* test-regions.c: reading order of columns inside a column and of tables
 * whose cells hold words (ingest/layout.c), on pages of words made here in
 * the style of real ones. */
#include "pages.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

static void
test_sidebar_in_column(void)
{
    /* A 16:9 slide as the RUS's page 4: on its left half an introduction
     * across the half, then a column of text with a box of text beside its
     * first rows; on its right half a column of its own from the top. The
     * introduction is read first, then the left column whole, then the
     * box, then the right half; no line joins the column and the box. */
    static const char *const intro[] = { "Alla", "som", "bor", "och", "verkar", "här", "ska", "ha", "ett", "gott", "liv" };
    static const char *const text[] = { "vänster", "kolumn", "med", "löpande", "text" };
    static const char *const box[] = { "rutan", "om", "vilka", "som", "genomför" };
    static const char *const right[] = { "högra", "halvan", "med", "sin", "text" };
    static char l[14][8], b[7][8], r[20][8];
    psi_word all[600];
    size_t n = 0;
    for (int i = 0; i < 4; i++)
        n = words_at(all, n, intro, 11, 80, 232 + i * 27);
    for (int i = 0; i < 14; i++) {
        double y = 400 + i * 24;
        snprintf(l[i], sizeof l[i], "L%d", i);
        all[n++] = w(l[i], 80, y, 50);
        n = words_at(all, n, text, 5, 134, y);
        if (i < 7) {
            snprintf(b[i], sizeof b[i], "B%d", i);
            all[n++] = w(b[i], 555, y, 50);
            n = words_at(all, n, box, 5, 609, y);
        }
    }
    for (int i = 0; i < 20; i++) {
        double y = 180 + i * 37;
        snprintf(r[i], sizeof r[i], "R%d", i);
        all[n++] = w(r[i], 1207, y, 50);
        n = words_at(all, n, right, 5, 1261, y);
    }
    psi_page pg = laid_out(all, n, 1920, 1080);
    CHECK(pg.columns == 3);
    CHECK(pg.nlines == 4 + 14 + 7 + 20);
    if (pg.nlines == 45) {
        CHECK_STR(pg.lines[0].text, "Alla som bor och verkar här ska ha ett gott liv");
        CHECK_STR(pg.lines[4].text, "L0 vänster kolumn med löpande text");
        CHECK_STR(pg.lines[17].text, "L13 vänster kolumn med löpande text");
        CHECK_STR(pg.lines[18].text, "B0 rutan om vilka som genomför");
        CHECK_STR(pg.lines[24].text, "B6 rutan om vilka som genomför");
        CHECK_STR(pg.lines[25].text, "R0 högra halvan med sin text");
    }
    page_release(&pg);
}

static void
test_narrow_gutter(void)
{
    /* Two columns of 10 pt text 7.5 pt apart: narrower than a wide word
     * space of justified text but wider than a word space (half an em), so
     * still a gutter: each column reads whole. */
    static const char *const text[] = { "kolumn", "med", "löpande", "text" };
    static char a[10][8], b[10][8];
    psi_word all[200];
    size_t n = 0;
    for (int i = 0; i < 10; i++) {
        double y = 100 + i * 13;
        snprintf(a[i], sizeof a[i], "A%d", i);
        snprintf(b[i], sizeof b[i], "B%d", i);
        all[n++] = w(a[i], 60, y, 50);
        n = words_at(all, n, text, 4, 114, y);
        all[n++] = w(b[i], 114 + 3 * 54 + 50 + 7.5, y, 50);
        n = words_at(all, n, text, 4, 114 + 3 * 54 + 50 + 7.5 + 54, y);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 2);
    CHECK(pg.nlines == 20 && !strcmp(pg.lines[0].text, "A0 kolumn med löpande text") &&
          !strcmp(pg.lines[10].text, "B0 kolumn med löpande text"));
    page_release(&pg);
}

static void
test_heading_over_two_of_three(void)
{
    /* A slide as the RUS's page 11: a heading across the two columns of its
     * left part, and beside it, past a wide gutter no line crosses, a text
     * of its own whose first lines stand level with the heading. The
     * heading spans only the left part: the left part is read (heading,
     * then its two columns), then the right one, whole. */
    static const char *const head[] = { "Strategin", "pekar", "ut", "fyra", "långsiktiga", "prioriteringar", "nu" };
    static const char *const text[] = { "kolumn", "med", "löpande", "text" };
    static const char *const side[] = { "texten", "till", "höger", "om", "bilden" };
    static char a[10][8], b[10][8], c[12][8];
    psi_word all[400];
    size_t n = 0;
    for (int k = 0; k < 7; k++) {
        psi_word *x = &all[n++];
        *x = w(head[k], 80 + k * 100, 134, 96);
        x->y1 = x->y0 + 40;
        x->size = 40;
    }
    for (int i = 0; i < 10; i++) {
        double y = 280 + i * 24;
        snprintf(a[i], sizeof a[i], "A%d", i);
        snprintf(b[i], sizeof b[i], "B%d", i);
        all[n++] = w(a[i], 80, y, 50);
        n = words_at(all, n, text, 4, 134, y);
        all[n++] = w(b[i], 460, y, 50);
        n = words_at(all, n, text, 4, 514, y);
    }
    for (int i = 0; i < 12; i++) {
        snprintf(c[i], sizeof c[i], "C%d", i);
        double y = 132 + i * 21;
        all[n++] = w(c[i], 1281, y, 50);
        n = words_at(all, n, side, 5, 1335, y);
    }
    psi_page pg = laid_out(all, n, 1920, 1080);
    CHECK(pg.nlines == 1 + 10 + 10 + 12);
    if (pg.nlines == 33) {
        CHECK_STR(pg.lines[0].text, "Strategin pekar ut fyra långsiktiga prioriteringar nu");
        CHECK_STR(pg.lines[1].text, "A0 kolumn med löpande text");
        CHECK_STR(pg.lines[11].text, "B0 kolumn med löpande text");
        CHECK_STR(pg.lines[21].text, "C0 texten till höger om bilden");
        CHECK_STR(pg.lines[32].text, "C11 texten till höger om bilden");
    }
    page_release(&pg);
}

static void
test_table_of_words(void)
{
    /* A table of cases as Aarhus's "sager på vej": a title of words, the
     * department, and the decision in a column of its own. The gap before
     * the department is no gutter, since the rest of the row is cells, not
     * a line of prose: each row stays one line, its cells apart. */
    static const char *const title[] = { "Svar", "på", "forslag", "om", "lokalt", "plejehjem" };
    static const char *const status[] = { "Vedtaget", "Byrådet", "2.", "november" };
    psi_word all[300];
    size_t n = 0;
    for (int i = 0; i < 12; i++) {
        double y = 86 + i * 13;
        n = words_at(all, n, title, 3 + (size_t)(i % 4), 90, y);
        all[n++] = w("Sundhedsstaben", 431, y, 70);
        n = words_at(all, n, status, 4, 540, y);
    }
    psi_page pg = laid_out(all, n, 842, 595);
    CHECK(pg.columns == 1);
    CHECK(pg.nlines == 12);
    if (pg.nlines == 12) {
        CHECK_STR(pg.lines[0].text, "Svar på forslag\tSundhedsstaben\tVedtaget Byrådet 2. november");
        CHECK_STR(pg.lines[3].text, "Svar på forslag om lokalt plejehjem\tSundhedsstaben\tVedtaget Byrådet 2. november");
    }
    page_release(&pg);
}

static void
test_table_under_heading(void)
{
    /* A table of four columns under a heading of two lines across the page,
     * as a genomlysning's table of measures (Område, Beskrivning, Effekt,
     * Uppföljning): its second column is text, but beside a narrow first
     * one, and the heading is a band over it. The gap after the second
     * column is no gutter: each row stays one line. */
    static const char *const head[] = { "Möjliga", "förflyttningar", "som", "ska", "undersökas", "nu" };
    static const char *const desc[] = { "Utreda", "former", "för", "samverkan" };
    static const char *const effect[] = { "Kan", "ge" };
    static const char *const follow[] = { "Arbetet", "pågår" };
    psi_word all[300];
    size_t n = 0;
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 6; k++) {
            psi_word *x = &all[n++];
            *x = w(head[k], 77 + k * 70, 99 + i * 24, 66);
            x->y1 = x->y0 + 20;
            x->size = 20;
        }
    for (int i = 0; i < 8; i++) {
        double y = 200 + i * 13;
        all[n++] = w("Lokaler", 85, y, 40);
        n = words_at(all, n, desc, 4, 149, y);
        n = words_at(all, n, effect, 2, 385, y);
        n = words_at(all, n, follow, 2, 497, y);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 1);
    CHECK(pg.nlines == 2 + 8);
    if (pg.nlines == 10)
        CHECK(!strncmp(pg.lines[2].text, "Lokaler\tUtreda former för samverkan", 35) && strstr(pg.lines[2].text, "Arbetet pågår"));
    page_release(&pg);
}

int
main(void)
{
    test_sidebar_in_column();
    test_narrow_gutter();
    test_heading_over_two_of_three();
    test_table_of_words();
    test_table_under_heading();
    return tap_done();
}

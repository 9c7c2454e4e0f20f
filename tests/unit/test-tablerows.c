/* test-tablerows.c: tables whose cells hold prose, read cell by cell
 * (ingest/tablerows.c through layout.c), and the tables, lists and prose
 * that keep their rows; on pages of words made here in the style of real
 * ones. */
#include "pages.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* A word of the given size from x, width wide, its box's top at y. */
static psi_word
ws(const char *t, double x, double y, double width, double size)
{
    psi_word r = w(t, x, y, width);
    r.y1 = y + size * 0.92;
    r.size = (float)size;
    return r;
}

/* The words of one line of text from x, at 0.42 em a letter (as 9 pt
 * text sets about 4 pt a letter), a word space (a quarter em) apart;
 * returns the new count. */
static size_t
line_at(psi_word *all, size_t n, const char *text, double x, double y, double size)
{
    static char store[4096];
    static size_t used;
    size_t len = strlen(text);
    if (used + len + 1 > sizeof store)
        used = 0;
    char *s = store + used;
    memcpy(s, text, len + 1);
    used += len + 1;
    for (char *t = strtok(s, " "); t; t = strtok(NULL, " ")) {
        double width = (double)psi_utf8_chars(t, strlen(t)) * size * 0.42;
        all[n++] = ws(t, x, y, width, size);
        x += width + size * 0.25;
    }
    return n;
}

/* The passages of a page laid out, untagged. */
static psi_passages
passages_of(psi_page *pg)
{
    psi_passages out = { 0 };
    psi_build_passages(pg, 1, NULL, NULL, &out, NULL);
    return out;
}

static void
test_measures_by_cells(void)
{
    /* A genomlysning's table of measures (Område | Beskrivning | Möjlig
     * effektivisering) set at 9 pt on a 13.2 pt pitch: each row's cells run
     * over lines of their own, a row under the last after a gap. Each row
     * reads its label, then its description, then its effect, and is one
     * paragraph whose cells are apart; a word broken at a line's end in a
     * cell is joined across the loose lines. */
    static const char *const rows[2][3][4] = {
        { { "Stärkt samver-", "kan mellan skola", "och socialtjänst", NULL },
          { "Möjligheten att införa gemensamma rutiner och stärkt samver-",
            "kan mellan skola och socialtjänst enligt SAMS-modellen ska",
            "undersökas, i syfte att stärka skolutvecklingen och säkerställa",
            "goda förutsättningar för placerade barns skolgång." },
          { "Tidigare upptäckt", "av barn i riskzon,", "stärkt skolnärvaro.", NULL } },
        { { "Minska risken för", "att unga hamnar", "i kriminalitet", NULL },
          { "Utveckla samverkan genom effektfulla kommunövergripande",
            "strukturer och tidigare insatser såsom SSPF och Rätt kurva.", NULL, NULL },
          { "Minskad risk för", "utanförskap,", "skolfrånvaro,", "kriminalitet." } },
    };
    static const double col[3] = { 85.1, 170.2, 439.5 };
    psi_word all[400];
    size_t n = 0;
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 3; c++)
            for (int k = 0; k < 4 && rows[r][c][k]; k++)
                n = line_at(all, n, rows[r][c][k], col[c], 243.9 + r * 104.3 + k * 13.2, 9);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 10 + 9);
    if (pg.nlines == 19) {
        CHECK_STR(pg.lines[0].text, "Stärkt samver-");
        CHECK_STR(pg.lines[2].text, "och socialtjänst");
        CHECK_STR(pg.lines[3].text, "Möjligheten att införa gemensamma rutiner och stärkt samver-");
        CHECK(pg.lines[0].part == PSI_PART_ROW && pg.lines[1].part == PSI_PART_ON && pg.lines[3].part == PSI_PART_CELL);
        CHECK_STR(pg.lines[7].text, "Tidigare upptäckt");
        CHECK_STR(pg.lines[10].text, "Minska risken för");
    }
    psi_passages out = passages_of(&pg);
    CHECK(out.n == 1 && out.noutline == 0);
    if (out.n == 1) {
        CHECK(!strncmp(out.v[0].text,
                       "Stärkt samverkan mellan skola och socialtjänst | Möjligheten att införa gemensamma rutiner "
                       "och stärkt samverkan mellan skola",
                       120));
        CHECK(strstr(out.v[0].text, "barns skolgång. | Tidigare upptäckt av barn i riskzon, stärkt skolnärvaro.\n"
                                    "Minska risken för att unga hamnar i kriminalitet | Utveckla") != NULL);
    }
    passages_release(&out);
    page_release(&pg);
}

static void
test_rows_without_space(void)
{
    /* A follow-up's table of measures (Åtgärd | Målår | Status | Kommentar)
     * with no space between its rows: a row starts where its year starts
     * beside a label's first line. A label's line that starts with a place
     * name ("Brunnsbo") goes on with its row; a row whose comment is empty
     * keeps its label's lines together too. */
    psi_word all[200];
    size_t n = 0;
    double y = 162.2;
    n = line_at(all, n, "Dubbelspår Brunnsbo-", 79.1, y, 11);
    n = line_at(all, n, "2020", 220.9, y, 11);
    n = line_at(all, n, "Beslutat", 270.5, y, 11);
    n = line_at(all, n, "Dubbelspåret planeras byggas", 334.6, y, 11);
    n = line_at(all, n, "Kville inkl. station i", 79.1, y + 12.5, 11);
    n = line_at(all, n, "2026-2027. Brunnsbo station", 334.6, y + 12.5, 11);
    n = line_at(all, n, "Brunnsbo", 79.1, y + 25, 11);
    n = line_at(all, n, "planeras att färdigställas 2029.", 334.6, y + 25, 11);
    n = line_at(all, n, "Effektivare trafiklednings-", 79.1, y + 38, 11);
    n = line_at(all, n, "2020", 220.9, y + 38, 11);
    n = line_at(all, n, "Ej beslutat", 270.5, y + 38, 11);
    n = line_at(all, n, "system Uddevalla-", 79.1, y + 50.5, 11);
    n = line_at(all, n, "Strömstad", 79.1, y + 63, 11);
    n = line_at(all, n, "Ny mötesstation byggs", 79.1, y + 76, 11);
    n = line_at(all, n, "2020", 220.9, y + 76, 11);
    n = line_at(all, n, "Ej beslutat", 270.5, y + 76, 11);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 14);
    if (pg.nlines == 14) {
        CHECK_STR(pg.lines[2].text, "Brunnsbo");
        CHECK_STR(pg.lines[3].text, "2020");
        CHECK_STR(pg.lines[5].text, "Dubbelspåret planeras byggas");
        CHECK_STR(pg.lines[8].text, "Effektivare trafiklednings-");
        CHECK_STR(pg.lines[10].text, "Strömstad");
        CHECK_STR(pg.lines[11].text, "2020");
        CHECK_STR(pg.lines[13].text, "Ny mötesstation byggs\t2020\tEj beslutat");
    }
    page_release(&pg);
}

static void
test_figures_keep_rows(void)
{
    /* A table of figures whose labels wrap beside their amounts ("Totalt
     * antal" / "årsarbetare" beside 1154 1160 1150), under a heading of
     * years: each line stays a row, its cells apart (budget.c reads them
     * so). */
    psi_word all[200];
    size_t n = 0;
    static const char *const years[] = { "2021", "2022", "2023" };
    static const char *const labels[3][2] = { { "Utförd tid av", "timavlönade" },
                                              { "Totalt antal", "årsarbetare" },
                                              { "Andel", "timavlönade" } };
    static const char *const amounts[3][3] = { { "60,5", "58,0", "63,0" },
                                               { "1154", "1160", "1150" },
                                               { "5,2%", "5,0%", "5,5%" } };
    for (int c = 0; c < 3; c++)
        all[n++] = ws(years[c], 195 + c * 64, 148.6, 22, 10);
    for (int r = 0; r < 3; r++) {
        double y = 172.4 + r * 40;
        n = line_at(all, n, labels[r][0], 82.2, y, 10);
        n = line_at(all, n, labels[r][1], 82.2, y + 11.5, 10);
        for (int c = 0; c < 3; c++)
            all[n++] = ws(amounts[r][c], 195 + c * 64, y, 22, 10);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 7);
    if (pg.nlines == 7) {
        CHECK_STR(pg.lines[0].text, "2021\t2022\t2023");
        CHECK_STR(pg.lines[3].text, "Totalt antal\t1154\t1160\t1150");
        CHECK_STR(pg.lines[4].text, "årsarbetare");
    }
    page_release(&pg);
}

static void
test_lists_and_prose_keep_rows(void)
{
    /* A list of bullets whose items wrap under their text, and justified
     * prose whose words start at one x in three lines by chance, are read
     * line by line as before. */
    psi_word all[300];
    size_t n = 0;
    static const char *const items[4][2] = {
        { "Er borgerens indgang til sundhedsvæsenet", NULL },
        { "Fremmer borgernes sunde livsstil", NULL },
        { "Forebygger indlæggelse gennem levering af", "almen og specialiseret behandling" },
        { "Understøtter behandling i eget hjem", NULL },
    };
    double y = 100;
    for (int i = 0; i < 4; i++) {
        all[n++] = ws("•", 203.1, y, 2.7, 8);
        for (int k = 0; k < 2 && items[i][k]; k++, y += 14)
            n = line_at(all, n, items[i][k], 217.3, y, 8);
    }
    /* prose: "som" starts at one x in three lines (four words of 19
     * letters before it in each), and a line of its own starts there */
    n = line_at(all, n, "Förvaltningen har i år som arbetat vidare med frågan om lokaler", 85, 300, 10);
    n = line_at(all, n, "Nämnden vet nog säkert som alla andra att tid och en plan behövs", 85, 313, 10);
    n = line_at(all, n, "Planen tar upp ärenden som nämnden har bett om och mer därtill", 85, 326, 10);
    n = line_at(all, n, "som källa: egen sammanställning", 85 + 19 * 4.2 + 4 * 2.5, 339, 10);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 9);
    if (pg.nlines == 9) {
        CHECK_STR(pg.lines[0].text, "• Er borgerens indgang til sundhedsvæsenet");
        CHECK_STR(pg.lines[8].text, "som källa: egen sammanställning");
        CHECK_STR(pg.lines[1].text, "• Fremmer borgernes sunde livsstil");
        CHECK_STR(pg.lines[3].text, "almen og specialiseret behandling");
        CHECK_STR(pg.lines[6].text, "Nämnden vet nog säkert som alla andra att tid och en plan behövs");
    }
    page_release(&pg);
}

static void
test_columns_of_prose(void)
{
    /* Two columns of prose the page's gutter finder left alone (a figure
     * beside them): paragraphs ending at different lines in the two. The
     * left column is read whole before the right. */
    psi_word all[300];
    size_t n = 0;
    static const char *const left[] = { "Den demografiske udvikling bety-", "der, at der vil komme flere ældre.",
                                        NULL, "I 2020 vil antallet af ældre over", "65 år være steget med 22 pct." };
    static const char *const right[] = { "Det er en udfordring for det dan-", "ske sundhedsvæsen, fordi ældre",
                                         "borgere har større sygelighed og", "større plejebehov end den øvrige",
                                         "befolkning." };
    for (int i = 0; i < 5; i++) {
        if (left[i])
            n = line_at(all, n, left[i], 56.7, 250.7 + i * 13.9, 9);
        n = line_at(all, n, right[i], 349.6, 250.7 + i * 13.9, 9);
    }
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.nlines == 9);
    if (pg.nlines == 9) {
        CHECK_STR(pg.lines[3].text, "65 år være steget med 22 pct.");
        CHECK_STR(pg.lines[4].text, "Det er en udfordring for det dan-");
    }
    page_release(&pg);
}

int
main(void)
{
    test_measures_by_cells();
    test_rows_without_space();
    test_figures_keep_rows();
    test_lists_and_prose_keep_rows();
    test_columns_of_prose();
    return tap_done();
}

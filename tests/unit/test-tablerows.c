/* test-tablerows.c: tables whose cells hold prose, read cell by cell
 * (ingest/tablerows.c through layout.c), and the tables, lists and prose
 * that keep their rows; on pages of words made here in the style of real
 * ones. */
#include "ingest/layout.h"
#include "pages.h"
#include "tap.h"

#include <math.h>
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

/* Room for the words' text of one page; each test starts it anew. */
static char store[16384];
static size_t used;

/* The words of one line of text from x, at 0.42 em a letter (as 9 pt
 * text sets about 4 pt a letter), a word space (a quarter em) apart;
 * returns the new count (none, and a failed check, when the page's room
 * for text is full). */
static size_t
line_at(psi_word *all, size_t n, const char *text, double x, double y, double size)
{
    size_t len = strlen(text);
    if (used + len + 1 > sizeof store) {
        CHECK(!"the page's room for text is full");
        return n;
    }
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

/* The words of a page's lines, counted at spaces and tabs. */
static size_t
words_out(const psi_page *pg)
{
    size_t k = 0;
    for (size_t i = 0; i < pg->nlines; i++)
        for (const char *t = pg->lines[i].text; *t;) {
            t += strspn(t, " \t");
            if (*t)
                k++;
            t += strcspn(t, " \t");
        }
    return k;
}

/* A line of text placed on a page: its left edge, its top, its words. */
typedef struct placed {
    double x, y;
    const char *text;
} placed;

/* The words of lines p[0..k) of the given size; returns the new count. */
static size_t
lines_of(psi_word *all, size_t n, const placed *p, size_t k, double size)
{
    for (size_t i = 0; i < k; i++)
        n = line_at(all, n, p[i].text, p[i].x, p[i].y, size);
    return n;
}

/* A line the page should have: its index and text. */
typedef struct want {
    size_t at;
    const char *text;
} want;

/* Whether the page has nlines lines, those of want[0..k) as wanted. */
static void
lines_are(const psi_page *pg, size_t nlines, const want *w, size_t k)
{
    CHECK(pg->nlines == nlines);
    for (size_t i = 0; pg->nlines == nlines && i < k; i++)
        CHECK_STR(pg->lines[w[i].at].text, w[i].text);
}
#define LINES_ARE(pg, nlines, ...)                                                                                     \
    lines_are(pg, nlines, (const want[]){ __VA_ARGS__ }, sizeof((const want[]){ __VA_ARGS__ }) / sizeof(want))

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
    used = 0;
    size_t n = 0;
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 3; c++)
            for (int k = 0; k < 4 && rows[r][c][k]; k++)
                n = line_at(all, n, rows[r][c][k], col[c], 243.9 + r * 104.3 + k * 13.2, 9);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
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
    used = 0;
    size_t n = 0;
    static const placed lines[] = {
        { 79.1, 162.2, "Dubbelspår Brunnsbo-" },
        { 220.9, 162.2, "2020" },
        { 270.5, 162.2, "Beslutat" },
        { 334.6, 162.2, "Dubbelspåret planeras byggas" },
        { 79.1, 174.7, "Kville inkl. station i" },
        { 334.6, 174.7, "2026-2027. Brunnsbo station" },
        { 79.1, 187.2, "Brunnsbo" },
        { 334.6, 187.2, "planeras att färdigställas 2029." },
        { 79.1, 200.2, "Effektivare trafiklednings-" },
        { 220.9, 200.2, "2020" },
        { 270.5, 200.2, "Ej beslutat" },
        { 79.1, 212.7, "system Uddevalla-" },
        { 79.1, 225.2, "Strömstad" },
        { 79.1, 238.2, "Ny mötesstation byggs" },
        { 220.9, 238.2, "2020" },
        { 270.5, 238.2, "Ej beslutat" },
    };
    n = lines_of(all, n, lines, sizeof lines / sizeof lines[0], 11);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
    LINES_ARE(&pg, 14,
              { 2, "Brunnsbo" },
              { 3, "2020" },
              { 5, "Dubbelspåret planeras byggas" },
              { 8, "Effektivare trafiklednings-" },
              { 10, "Strömstad" },
              { 11, "2020" },
              { 13, "Ny mötesstation byggs\t2020\tEj beslutat" });
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
    used = 0;
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
    LINES_ARE(&pg, 7,
              { 0, "2021\t2022\t2023" },
              { 3, "Totalt antal\t1154\t1160\t1150" },
              { 4, "årsarbetare" });
    page_release(&pg);
}

static void
test_lists_and_prose_keep_rows(void)
{
    /* A list of bullets whose items wrap under their text, and justified
     * prose whose words start at one x in three lines by chance, are read
     * line by line as before. */
    psi_word all[300];
    used = 0;
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
    LINES_ARE(&pg, 9,
              { 0, "• Er borgerens indgang til sundhedsvæsenet" },
              { 8, "som källa: egen sammanställning" },
              { 1, "• Fremmer borgernes sunde livsstil" },
              { 3, "almen og specialiseret behandling" },
              { 6, "Nämnden vet nog säkert som alla andra att tid och en plan behövs" });
    page_release(&pg);
}

static void
test_columns_of_prose(void)
{
    /* Two columns of prose the page's gutter finder left alone (a figure
     * beside them): paragraphs ending at different lines in the two. The
     * left column is read whole before the right. */
    psi_word all[300];
    used = 0;
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
    LINES_ARE(&pg, 9,
              { 3, "65 år være steget med 22 pct." },
              { 4, "Det er en udfordring for det dan-" });
    page_release(&pg);
}

static void
test_table_past_gutter(void)
{
    /* Målbild's annex (p30): a table of measures (Åtgärd | Målår | Status |
     * Kommentar) whose labels wrap in a narrow first column, its lines
     * placed as there. The gap after the labels runs down the page like a
     * gutter between columns of text; it is the table's, and each measure
     * reads with its year, status and comment. */
    static const placed lines[] = {
        { 76.2, 142.3, "Förbigångsspår för" },         { 218.0, 142.3, "2017" },
        { 276.4, 142.3, "Beslutat" },                   { 345.6, 142.3, "Genomförs 2030." },
        { 76.2, 154.8, "godståg (Ledsgård" },          { 76.2, 167.2, "uppspår) - Möjlighet till" },
        { 76.2, 179.7, "förbigång godståg, behovet" }, { 76.2, 192.2, "har inte kunnat" },
        { 76.2, 204.8, "säkerställas" },                { 76.2, 217.8, "Varberg-Hamra" },
        { 218.0, 217.8, "2020" },                       { 276.4, 217.8, "Genomfört" },
        { 76.2, 230.2, "dubbelspår, inkl ny station" }, { 76.2, 242.7, "i Varberg med" },
        { 76.2, 255.2, "vändmöjlighet för tåg från" }, { 76.2, 267.7, "Kungsbacka - Möjlighet att" },
        { 76.2, 280.3, "trafikera ny" },                { 76.2, 292.7, "pendeltågslinje Varberg-" },
        { 76.2, 305.2, "Kungsbacka." },                 { 76.2, 318.2, "Funktionsanpassning av" },
        { 218.0, 318.2, "2020" },                       { 276.4, 318.2, "Beslutat" },
        { 345.6, 318.2, "Stationen ska utrustas med nya" }, { 76.2, 330.7, "Kungsbacka station -" },
        { 345.6, 330.7, "mellanblock-signaler vid" },   { 76.2, 343.3, "Avlastning Göteborg C," },
        { 345.6, 343.3, "plattformarna för att kunna ställa" }, { 76.2, 355.7, "trafiken blir mindre" },
        { 345.6, 355.7, "upp fler fordon. Tidplan för" }, { 76.2, 368.2, "störningskänslig" },
        { 345.6, 368.2, "genomförande är inte fastställd." }, { 76.2, 381.2, "250 m vändspår Varberg" },
        { 218.0, 381.2, "2028" },                       { 276.4, 381.2, "Genomfört" },
        { 345.6, 381.2, "Stationen har i samband med" }, { 76.2, 393.7, "station - Vändmöjlighet" },
        { 345.6, 393.7, "tunnelbyggnaden genom Varberg" }, { 76.2, 406.1, "för regiontåg från" },
        { 345.6, 406.1, "getts en utformning som" },    { 76.2, 418.7, "Göteborg" },
        { 345.6, 418.7, "möjliggör vändning av tåg." },
    };
    psi_word all[400];
    used = 0;
    size_t n = 0;
    n = lines_of(all, n, lines, sizeof lines / sizeof lines[0], 11);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 1);
    CHECK(pg.nlines >= 22);
    if (pg.nlines >= 22) {
        CHECK_STR(pg.lines[5].text, "säkerställas");
        CHECK_STR(pg.lines[6].text, "2017");
        CHECK_STR(pg.lines[8].text, "Genomförs 2030.");
        CHECK_STR(pg.lines[9].text, "Varberg-Hamra");
    }
    page_release(&pg);
}

static void
test_prose_columns_on_a_grid(void)
{
    /* KL's page 30: three columns of prose on one baseline grid, a short
     * heading in one ("6.2 Status og" / "udviklingstendenser") and a
     * paragraph's last word alone in another: no table, whatever lines up.
     * Each column is read whole. */
    static const placed lines[] = {
        { 56.7, 404.1, "og rehabilitering. Endelig er der" },
        { 56.7, 418.0, "behov for en ny prioritering af" },
        { 56.7, 432.0, "ressourcerne, så denne udvikling" },
        { 203.1, 404.1, "6.2 Status og" },
        { 203.1, 419.1, "udviklingstendenser" },
        { 56.7, 445.9, "understøttes. Den kommunale" },
        { 56.7, 459.9, "opgave i forhold til borgere med" },
        { 56.7, 473.8, "kronisk sygdom er svagt forankret" },
        { 56.7, 487.8, "i lovgivningen, og kommunerne" },
        { 56.7, 501.7, "har aldrig fået varig finansiering til" },
        { 56.7, 515.7, "at løse opgaven. Som det kom-" },
        { 56.7, 529.6, "mende afsnit vil vise, har mange" },
        { 56.7, 543.6, "kommuner alligevel etableret" },
        { 56.7, 557.5, "tilbud til personer med kronisk" },
        { 56.7, 571.5, "sygdom og kroniske tilstande." },
        { 203.1, 445.9, "Siden opgave- og strukturrefor-" },
        { 203.1, 459.9, "men har kommunerne, som en" },
        { 203.1, 473.8, "del af den patientrettede forebyg-" },
        { 203.1, 487.8, "gelse, fået et stærkt øget fokus på" },
        { 203.1, 501.7, "at forbedre kronisk syges evne til" },
        { 203.1, 515.7, "at tage hånd om deres sygdom," },
        { 203.1, 529.6, "så udvikling af sygdommen kan" },
        { 203.1, 543.6, "undgås eller udskydes. Siden" },
        { 203.1, 557.5, "2007 er tilbud til kronisk syge ble-" },
        { 203.1, 571.5, "vet en fast del af alle kommuners" },
        { 56.7, 585.4, "Der er i høj grad tale om puljefi-" },
        { 56.7, 599.4, "nansierede indsatser eller i nogle" },
        { 203.1, 585.4, "sundhedsindsats." },
        { 56.7, 613.3, "kommuner konkrete prioriteringer" },
        { 56.7, 627.3, "på bekostning af andre velfærds-" },
        { 56.7, 641.2, "områder. Skal potentialerne i det" },
        { 56.7, 655.2, "nære sundhedsvæsen i forhold til" },
        { 56.7, 669.1, "den patientrettede indsats over" },
        { 56.7, 683.1, "for borgere med kronisk sygdom" },
        { 56.7, 697.0, "indfries, er der behov for en varig" },
        { 56.7, 711.0, "prioritering og en klar politisk" },
        { 56.7, 724.9, "tilkendegivelse af, at man ønsker," },
        { 56.7, 738.9, "at kronikerindsatsen primært skal" },
        { 56.7, 752.8, "være forankret i det nære sund-" },
        { 56.7, 766.8, "hedsvæsen og ikke i det speciali-" },
        { 203.1, 613.3, "Også sygehusenes udgifter til" },
        { 203.1, 627.2, "indlæggelse og ambulante besøg" },
        { 203.1, 641.2, "knyttet til fem af de store kroni-" },
        { 203.1, 655.1, "ske sygdomsgrupper (diabetes," },
        { 203.1, 669.1, "hjerte-kar-sygdomme, kroniske" },
        { 203.1, 683.0, "lungesygdomme, knogleskørhed/" },
        { 203.1, 697.0, "leddegigt og psykiske sygdomme)" },
        { 203.1, 710.9, "er steget markant siden 2007, jf." },
        { 203.1, 724.9, "figur 6.1." },
        { 349.6, 404.1, "Mere effektiv forebyggelse i" },
        { 349.6, 418.1, "kommunerne er en af vejene til" },
        { 349.6, 432.0, "at begrænse den aktuelle vækst i" },
        { 349.6, 446.0, "udgifterne, der har været på over" },
        { 349.6, 459.9, "15 pct. siden 2007. Rehabilitering" },
        { 349.6, 473.9, "af borgere med kronisk sygdom" },
        { 349.6, 487.8, "kan ligeledes have stor effekt på" },
        { 349.6, 501.8, "genindlæggelser og sygehuskon-" },
        { 349.6, 515.7, "takter, ligesom forbruget af øvrige" },
        { 349.6, 529.7, "velfærdsydelser kan reduceres." },
        { 349.6, 543.6, "Endelig kan indsatser, hvor bor-" },
        { 349.6, 557.6, "gerne lærer at mestre egen syg-" },
        { 349.6, 571.5, "dom i kraft af patientuddannelse," },
        { 349.6, 585.5, "brug af telemedicinske løsninger" },
        { 349.6, 599.4, "mv. også medvirke til, at borgeren" },
        { 349.6, 613.4, "får mindre behov for at komme på" },
        { 349.6, 627.3, "sygehuset." },
        { 349.6, 655.2, "Indsatsen over for borgere med" },
        { 349.6, 669.2, "kronisk sygdom i kommunerne" },
        { 349.6, 683.1, "har fra starten været fokuseret" },
        { 349.6, 697.1, "på KOL, diabetes type 2 og" },
        { 349.6, 711.0, "hjerte-kar-sygdom, som udgør" },
        { 349.6, 725.0, "de tre største somatiske kroni-" },
        { 349.6, 738.9, "ske sygdomme. Det er også de" },
        { 349.6, 752.9, "diagnoser, som flest regioner og" },
        { 349.6, 766.8, "kommuner har udarbejdet forløbs-" },
        { 56.7, 780.7, "serede sundhedsvæsen. | programmer for. Efterhånden er" },
    };
    psi_word all[800];
    used = 0;
    size_t n = 0;
    n = lines_of(all, n, lines, sizeof lines / sizeof lines[0], 9);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(pg.columns == 3);
    LINES_ARE(&pg, sizeof lines / sizeof lines[0],
              { 0, "og rehabilitering. Endelig er der" },
              { 1, "behov for en ny prioritering af" });
    page_release(&pg);
}

static void
test_rows_that_keep_their_lines(void)
{
    /* In a table of measures whose cells hold prose, a row whose effect
     * column holds two amounts (a total and its "varav" line) keeps its
     * lines as rows; a heading over the columns (no label on its first
     * line) too. The rows read by cells around them still do. */
    psi_word all[300];
    used = 0;
    size_t n = 0;
    static const double col[3] = { 85.1, 170.2, 439.5 };
    /* a heading over the columns, bold at 11 pt: its first line holds only
     * the third column */
    n = line_at(all, n, "Möjlig", col[2], 200, 11);
    n = line_at(all, n, "Område", col[0], 206.6, 11);
    n = line_at(all, n, "Beskrivning", col[1], 206.6, 11);
    n = line_at(all, n, "effektivisering", col[2], 213.2, 11);
    for (size_t i = 0; i < n; i++)
        all[i].bold = true;
    /* a row read by cells */
    n = line_at(all, n, "Stärkt samver-", col[0], 243.9, 9);
    n = line_at(all, n, "Utreda formerna för en samverkan mellan", col[1], 243.9, 9);
    n = line_at(all, n, "Tidigare", col[2], 243.9, 9);
    n = line_at(all, n, "kan mellan skola", col[0], 257.1, 9);
    n = line_at(all, n, "skola och socialtjänst i ärenden.", col[1], 257.1, 9);
    n = line_at(all, n, "upptäckt.", col[2], 257.1, 9);
    /* a row with two amounts */
    n = line_at(all, n, "Köpta platser", col[0], 300, 9);
    n = line_at(all, n, "Förhandla ner priserna på de", col[1], 300, 9);
    n = line_at(all, n, "1,5 mnkr", col[2], 300, 9);
    n = line_at(all, n, "varav HVB", col[0], 313.2, 9);
    n = line_at(all, n, "platser kommunen köper.", col[1], 313.2, 9);
    n = line_at(all, n, "0,8 mnkr", col[2], 313.2, 9);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
    LINES_ARE(&pg, 3 + 6 + 2,
              { 0, "Möjlig" },
              { 1, "Område\tBeskrivning" },
              { 3, "Stärkt samver-" },
              { 9, "Köpta platser\tFörhandla ner priserna på de\t1,5 mnkr" });
    /* the column's heading "Möjlig" / "effektivisering" is a cell, no
     * section's heading */
    psi_passages out = passages_of(&pg);
    CHECK(out.noutline == 0);
    passages_release(&out);
    page_release(&pg);
}

/* The pieces tablerows.c makes of rows of two columns of text, each line
 * "left" at x 56.7 and "right" at 349.6, 9 pt on a 13.2 pt pitch, as it
 * sees them when the page's gutter finder left them alone; np their
 * count, rstart where the right column's words of the first row start. */
static size_t
two_columns(int nrows, const char *left, const char *right, psi_piece *pc, size_t *rstart)
{
    static psi_word all[400];
    static wref r[400];
    size_t starts[32], n = 0;
    used = 0;
    for (int i = 0; i < nrows; i++) {
        starts[i] = n;
        n = line_at(all, n, left, 56.7, 300 + i * 13.2, 9);
        if (i == 0)
            *rstart = n;
        n = line_at(all, n, right, 349.6, 300 + i * 13.2, 9);
    }
    starts[nrows] = n;
    for (int i = 0; i < nrows; i++)
        for (size_t k = starts[i]; k < starts[i + 1]; k++)
            r[k] = (wref){ &all[k], 0, i };
    return psi_table_pieces(r, starts, nrows, pc);
}

static void
test_columns_of_text_are_no_rows(void)
{
    /* Two columns of text beside each other, read column by column, are
     * no table's row (no " | " joins them, paragraphs break as the lines
     * fall): twelve lines, more than a row holds; four lines of long
     * lines, with no column of short cells. */
    psi_piece pc[400];
    size_t rs;
    size_t np = two_columns(12, "och texten går vidare här i", "och här går den högra vidare", pc, &rs);
    CHECK(np == 24);
    if (np == 24)
        CHECK(pc[0].from == 0 && pc[12].from == rs && pc[0].part == PSI_PART_COLUMN && pc[12].part == PSI_PART_COLUMN);
    np = two_columns(4, "och texten går vidare här i", "och här går den högra vidare", pc, &rs);
    CHECK(np == 8);
    if (np == 8)
        CHECK(pc[4].from == rs && pc[0].part == PSI_PART_COLUMN && pc[4].part == PSI_PART_COLUMN);
    /* ... but a label's short lines beside text are a table's row */
    np = two_columns(4, "en etikett", "och här går den högra vidare", pc, &rs);
    CHECK(np == 8);
    if (np == 8)
        CHECK(pc[0].part == PSI_PART_ROW && pc[4].part == PSI_PART_CELL);
}

static void
test_words_out_of_order(void)
{
    /* A row whose words poppler placed out of order (a narrow word of
     * small type, then a word a little left of it on a baseline a point
     * lower) in a table of two columns whose edge lies between them: no
     * word comes out twice, none is lost. */
    psi_word all[100];
    size_t n = 0;
    for (int i = 0; i < 5; i++) {
        double y = 100 + i * 13.2;
        all[n++] = ws(i % 2 ? "och" : "Etikett", 50, y, 30, 10);
        all[n++] = ws(i % 2 ? "fortsätter" : "Texten", 101.5, y, 40, 10);
        all[n++] = ws(i % 2 ? "texten" : "i", 145, y, 20, 10);
    }
    /* "kan" and "x" on one baseline, "Q" a point lower, a little left of "x" */
    all[n++] = ws("kan", 50, 170, 20, 10);
    all[n++] = ws("x", 100, 170 + 9.2 - 4.6, 0.5, 5);
    all[n++] = ws("Q", 99.6, 171, 2.9, 10);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
    page_release(&pg);
}

static void
test_boxes_out_of_reach(void)
{
    /* A malformed PDF's boxes: NaN, infinite, far off the page. The page
     * is laid out (no hang, no crash) and keeps every word. */
    psi_word all[100];
    used = 0;
    size_t n = 0;
    for (int i = 0; i < 6; i++) {
        double y = 100 + i * 13.2;
        n = line_at(all, n, i % 2 ? "och etikett" : "Etikett", 50, y, 10);
        n = line_at(all, n, i % 2 ? "fortsätter texten" : "Texten börjar", 150, y, 10);
    }
    all[1].x0 = NAN;
    all[3].x1 = INFINITY;
    all[5].y0 = -INFINITY;
    all[7].x0 = 1e300;
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
    page_release(&pg);
}

static void
test_label_goes_on_with_a_name(void)
{
    /* Målbild's p27: a measure's label over four lines whose third starts
     * with a place name ("Uddevalla-Göteborg inkl.") after a line that
     * does not go on ("hastighet 160 km/h"): the label goes on, for its
     * row's cells started with its first line and the second stood alone. */
    psi_word all[200];
    used = 0;
    size_t n = 0;
    static const placed lines[] = {
        { 79.1, 532.6, "Mötesstation Grohed" },
        { 220.9, 532.6, "2017" },
        { 270.5, 532.6, "Genomfört" },
        { 79.1, 545.1, "Ny mötesstation byggs" },
        { 220.9, 545.1, "2020" },
        { 270.5, 545.1, "Ej beslutat" },
        { 79.1, 558.1, "Partiellt dubbelspår" },
        { 220.9, 558.1, "2035" },
        { 270.5, 558.1, "Ej beslutat" },
        { 337.4, 558.1, "Trafikverket har i en fördjupad" },
        { 79.1, 570.6, "Göteborg-Stenungsund -" },
        { 337.4, 570.6, "kapacitetsutredning tagit fram" },
        { 79.1, 583.0, "Möjlighet att köra" },
        { 337.4, 583.0, "förslag för partiella dubbelspår." },
        { 79.1, 633.6, "Uppgradering till" },
        { 220.9, 633.6, "2035" },
        { 270.5, 633.6, "Ej beslutat" },
        { 79.1, 646.0, "hastighet 160 km/h" },
        { 79.1, 658.6, "Uddevalla-Göteborg inkl." },
        { 79.1, 671.1, "kurvrätningar - Tåg kan" },
        { 79.1, 683.6, "köra med högre" },
    };
    n = lines_of(all, n, lines, sizeof lines / sizeof lines[0], 11);
    psi_page pg = laid_out(all, n, 595, 842);
    CHECK(words_out(&pg) == n);
    LINES_ARE(&pg, 14,
              { 7, "Uppgradering till" },
              { 8, "hastighet 160 km/h" },
              { 9, "Uddevalla-Göteborg inkl." },
              { 12, "2035" },
              { 13, "Ej beslutat" });
    page_release(&pg);
}

int
main(void)
{
    test_measures_by_cells();
    test_rows_without_space();
    test_label_goes_on_with_a_name();
    test_figures_keep_rows();
    test_lists_and_prose_keep_rows();
    test_columns_of_prose();
    test_table_past_gutter();
    test_prose_columns_on_a_grid();
    test_rows_that_keep_their_lines();
    test_columns_of_text_are_no_rows();
    test_words_out_of_order();
    test_boxes_out_of_reach();
    return tap_done();
}

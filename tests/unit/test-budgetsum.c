/* test-budgetsum.c: which rows of a budget table are totals, parts set in
 * under them and "varav" rows (ingest/budgetsum.c). Each case is a table
 * as real documents set it: a label, its left edge, its figures, and the
 * role and level the row should get. */
#include "plansok-private.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NOPE NAN /* an empty cell */
#define T PS_ROW_TOTAL
#define I PS_ROW_ITEM
#define V PS_ROW_OF_WHICH

typedef struct row {
    const char *label;
    double indent; /* NAN: the place is unknown */
    double a[3];
    ps_budget_role role;
    int level;
} row;

typedef struct table {
    const char *name;
    size_t ncols;
    row rows[16];
} table;

static const table tables[] = {
    /* TN's investments (fördjupad månadsuppföljning p3): groups over parts
     * set in under them, a group of one part, and the total of the groups */
    { "groups over their parts", 3,
      { { "Expansionsinvestering", 50, { 34950, 34680, 270 }, T, 0 },
        { "Parkmiljö", 60, { 5625, 5625, 0 }, I, 1 },
        { "Lekplatser", 60, { 0, 0, 0 }, I, 1 },
        { "Gator och vägar", 60, { 29325, 29055, 270 }, I, 1 },
        { "Imageinvestering", 50, { 1500, 900, 600 }, T, 0 },
        { "Gator och vägar", 60, { 1500, 900, 600 }, I, 1 },
        { "Totala utgifter", 50, { 36450, 35580, 870 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* TN's VA investments (p10): a total over groups as far in as it,
     * each over its parts, and a group of none */
    { "a total over groups", 3,
      { { "Expansionsinvestering", 50, { 101260, 43234, 58026 }, T, 0 },
        { "Expansionsinvestering - VA", 50, { 59910, 27240, 32670 }, T, 1 },
        { "Vattenverk", 60, { 10500, 4500, 6000 }, I, 2 },
        { "Ledningsnät", 60, { 49410, 22740, 26670 }, I, 2 },
        { "Expansionsinvestering - Exploatering", 50, { 41350, 15994, 25356 }, I, 1 },
        { "Imageinvestering", 50, { 0, 0, 0 }, I, 0 },
        { "Reinvestering", 50, { 1700, 3600, -1900 }, T, 0 },
        { "Vattenverk", 60, { 1700, 3600, -1900 }, I, 1 },
        { "Totala utgifter", 50, { 102960, 46834, 56126 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* three levels set in: the top row's parts are the groups, not the
     * groups' parts too */
    { "three levels set in", 2,
      { { "Investeringar", 40, { 3000, 2000 }, T, 0 },
        { "Expansion", 50, { 1000, 500 }, T, 1 },
        { "Parkmiljö", 60, { 400, 200 }, I, 2 },
        { "Gator", 60, { 600, 300 }, I, 2 },
        { "Reinvestering", 50, { 2000, 1500 }, T, 1 },
        { "Broar", 60, { 2000, 1500 }, I, 2 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* small whole figures add up by chance: mnkr deviations per nämnd */
    { "small figures", 2,
      { { "Socialnämnden", 50, { 10, 1 }, I, 0 },
        { "Barn- och ungdomsnämnden", 50, { 5, 2 }, I, 0 },
        { "Kultur- och utbildningsnämnden", 50, { -3, 3 }, I, 0 },
        { "Tekniska nämnden", 50, { 12, 6 }, I, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* SN 2017 p1: costs and their total, net cost, result; "–" empty */
    { "totals under their parts", 3,
      { { "Verksamhetens intäkter", 50, { 218033, 174917, 189333 }, I, 0 },
        { "Personalkostnader", 50, { -401063, -366742, -401948 }, I, 0 },
        { "Lokalhyror", 50, { -31176, -31974, -33566 }, I, 0 },
        { "Köp av tjänster", 50, { -97575, -105640, -115080 }, I, 0 },
        { "Övriga kostnader", 50, { -74768, -63317, -71028 }, I, 0 },
        { "Verksamhetens kostnader", 50, { -604582, -567673, -621622 }, T, 0 },
        { "Verksamhetens nettokostnader", 50, { -386549, -392756, -432289 }, T, 0 },
        { "Kommunbidrag", 50, { 386549, 354336, 386549 }, I, 0 },
        { "Finansnetto", 50, { NOPE, -9, -9 }, I, 0 },
        { "Årets resultat", 50, { 0, -38429, -45749 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* a balance sheet: "Årets resultat" among the equity's rows is one */
    { "a named total inside a later total", 2,
      { { "Eget kapital", 50, { 26781, 30731 }, I, 0 },
        { "Andelskapital, medlemmar", 50, { 3212, 3212 }, I, 0 },
        { "Årets resultat", 50, { 315, -3950 }, I, 0 },
        { "Summa eget kapital", 50, { 30308, 29993 }, T, 0 },
        { "Kortfristiga skulder", 50, { 53450, 34264 }, I, 0 },
        { "Summa skulder", 50, { 53450, 34264 }, T, 0 },
        { "SUMMA EGET KAPITAL OCH SKULDER", 50, { 83758, 64258 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* "varav" is a part of the row above, not a row to add */
    { "varav", 3,
      { { "Gång- och cykelvägar", 50, { 8000, 8000, 0 }, I, 0 },
        { "- varav exploatering", 50, { 6000, 6000, 0 }, V, 1 },
        { "Kollektivtrafikåtgärder", 50, { 250, 250, 0 }, I, 0 },
        { "Totala inkomster", 50, { 8250, 8250, 0 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* a cash-flow statement's subtotals of one row, by their names */
    { "cash flow", 2,
      { { "Inbetalningar", 50, { 20000, 1000 }, I, 0 },
        { "Utbetalningar", 50, { -3643, -4358 }, I, 0 },
        { "Medel från den löpande verksamheten", 50, { 16357, -3358 }, T, 0 },
        { "Bruttoinvestering i anläggningstillgångar", 50, { 0, 0 }, I, 0 },
        { "Medel från investeringsverksamheten", 50, { 0, 0 }, T, 0 },
        { "Andelskapital", 50, { 0, 77 }, I, 0 },
        { "Kassaflöde från finansieringsverksamheten", 50, { 0, 77 }, T, 0 },
        { "ÅRETS KASSAFLÖDE", 50, { 16357, -3281 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* rounded figures: the parts' sum is a step off */
    { "rounding", 3,
      { { "Vård- och omsorgsnämnden", NOPE, { 0, 0, 2 }, I, 0 },
        { "Socialnämnden", NOPE, { 0, 0, -3 }, I, 0 },
        { "Kultur- och utbildningsnämnden", NOPE, { 0, 0, 0.6 }, I, 0 },
        { "Barn- och ungdomsnämnden", NOPE, { 0, 5, 6 }, I, 0 },
        { "Överförmyndarnämnden", NOPE, { 0, 0.3, 1.1 }, I, 0 },
        { "Skattefinansierad verksamhet", NOPE, { 0, 5.3, 6.8 }, T, 0 },
        { "Finansieringen", NOPE, { 146.3, 225.2, 134.9 }, I, 0 },
        { "Kommunen", NOPE, { 146.3, 230.5, 141.7 }, T, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* not totals: figures that do not add up, one row equal to the one
     * above without a name that says so, a row equal to the sum of rows
     * of zeros and one like it (Tolkförmedling p21, "UB …"), a key figure named "Resultat vid
     * …", rows set in that do not add up to the row over them */
    { "no totals", 2,
      { { "Nettokostnad bibliotek, kr/invånare", 50, { 470, 520 }, I, 0 },
        { "Nettokostnad fritidsgårdar kr/invånare", 50, { 140, 261 }, I, 0 },
        { "Nettokostnad kulturskola", 50, { 335, 259 }, I, 0 },
        { "Resultat vid avslut i kommunens arbetsmarknadsverksamhet", 50, { 23, 62 }, I, 0 },
        { "Avslut till arbete", 50, { 23, 62 }, I, 0 },
        { "UB att återställa inom tre år", 50, { -215, -215 }, I, 0 },
        { "UB Synnerliga skäl", 50, { 0, 0 }, I, 0 },
        { "UB ej återställda negativa resultat", 50, { -215, -215 }, I, 0 },
        { "Insamling", 50, { 900, 1000 }, I, 0 },
        { "Kärl", 60, { 500, 500 }, I, 0 },
        { "Containrar", 60, { 300, 400 }, I, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
    /* a single column: three parts and their total with no name */
    { "one column", 1,
      { { "Medlemsbidrag 2026", NOPE, { 86759 }, I, 0 },
        { "Uppräkning med PKV 3,0%", NOPE, { 2603 }, I, 0 },
        { "Ledningssystem", NOPE, { 1000 }, I, 0 },
        { "Medlemsbidrag 2027", NOPE, { 90362 }, T, 0 },
        { "Alla externa köp av vård", NOPE, { 2.1 }, I, 0 },
        { "Inköpsstopp", NOPE, { 1 }, I, 0 },
        { "Restriktivitet vid tjänstetillsättningar", NOPE, { 3.1 }, I, 0 },
        { NULL, 0, { 0 }, I, 0 } } },
};

static void
test_table(const table *t)
{
    size_t n = 0;
    while (t->rows[n].label)
        n++;
    ps_budget_row *v = calloc(n, sizeof *v);
    ps_budget_row **p = calloc(n, sizeof *p);
    double *indent = calloc(n, sizeof *indent);
    for (size_t i = 0; i < n; i++) {
        v[i].label = (char *)t->rows[i].label;
        v[i].ncols = t->ncols;
        v[i].amounts = calloc(t->ncols, sizeof(double));
        v[i].present = calloc(t->ncols, 1);
        for (size_t c = 0; c < t->ncols; c++) {
            v[i].present[c] = !isnan(t->rows[i].a[c]);
            v[i].amounts[c] = v[i].present[c] ? t->rows[i].a[c] : 0;
        }
        v[i].role = 99;
        v[i].level = 99;
        p[i] = &v[i];
        indent[i] = t->rows[i].indent;
    }
    psi_budget_sums(p, indent, n);
    for (size_t i = 0; i < n; i++) {
        printf("# %s: %s\n", t->name, t->rows[i].label);
        CHECK(v[i].role == t->rows[i].role);
        CHECK(v[i].level == t->rows[i].level);
        free(v[i].amounts);
        free(v[i].present);
        free(v[i].parent);
    }
    free(v);
    free(p);
    free(indent);
}

static void
test_labels(void)
{
    static const struct {
        const char *label;
        bool total, of_which;
    } cases[] = {
        { "Summa verksamhetens intäkter", true, false },
        { "SUMMA TILLGÅNGAR", true, false },
        { "Totalt kommunen", true, false },
        { "Verksamhetens totala kostnader", true, false },
        { "Årets resultat enligt resultaträkningen", true, false },
        { "Resultat", true, false },
        { "Resultat före extraord. poster", true, false },
        { "Resultat vid avslut", false, false },
        { "Totalkostnad per elev", false, false },
        { "Nettokostnad bibliotek", false, false },
        { "Summering av året", false, false },
        { "Sum alle fylker", true, false },
        { "Medel från den löpande verksamheten", true, false },
        { "Medel från Migrationsverket", false, false },
        { "- Varav 2023", false, true },
        { "därav statsbidrag", false, true },
        { "Varavdelning", false, false },
        { "Andel av totala kostnader", false, false },
        { "Årets resultat i procent av skatteintäkter", false, false },
        { "Totalt antal årsarbetare", false, false },
        { "Totala kostnader, kr/inv", false, false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("# '%s'\n", cases[i].label);
        CHECK(psi_budget_label_total(cases[i].label) == cases[i].total);
        CHECK(psi_budget_label_of_which(cases[i].label) == cases[i].of_which);
    }
}

/* Column roles: each case is a table's headings, its rows' figures and
 * the roles its columns should get, a letter each ('i' item, 't' total,
 * 'd' difference). */
typedef struct coltable {
    const char *name;
    size_t ncols;
    const char *head[6];
    double a[10][6]; /* rows; a row of NANs in the first cell ends them */
    const char *roles;
} coltable;

static const coltable coltables[] = {
    /* the frame budget slides (budgetramar p2): each "Ram inkl …" the sum
     * of the columns before it, a step of rounding off */
    { "running totals", 6,
      { "Ram inkl PKV", "Resurs kompensation", "Ram förändringar", "Ram inkl förändringar", "Statsbidrag",
        "Ram inkl förändringar och statsbidrag" },
      { { 1049382, 8936, -935, 1057382, 0, 1057382 },
        { 274077, -427, -50, 273600, 9192, 282792 },
        { 405665, 3964, -170, 409459, 1554, 411013 },
        { 18394, 0, 0, 18394, 0, 18394 },
        { NAN } },
      "iiitit" },
    /* SN 2017 p1: a "Summa" column by its name, though its "Resultat" is
     * printed 9 tkr off its parts */
    { "a Summa column", 4,
      { "IFO", "EKB", "AFF", "Summa" },
      { { -9500, -2980, -16220, -28700 }, { -12295, -9390, -18555, -40249 }, { NAN } },
      "iiit" },
    /* TN p2: the deviation of the forecast from the budget, by its
     * figures alone (the heading says nothing) */
    { "a difference by its figures", 3,
      { "Budget 2026", "Prognos helår 2026", "Kolumn" },
      { { 5134, 5290, 156 }, { 11191, 6415, -4776 }, { 16326, 11704, -4622 }, { NAN } },
      "iid" },
    /* Vianova p25: one column less the next, the other way round */
    { "a difference the other way", 3,
      { "Forenklet modell", "MOTIV-beregninger", "Differanse" },
      { { 1531468, 1524549, 6919 }, { 1169194, 1172564, -3370 }, { 244000, 244000, 0 }, { NAN } },
      "iid" },
    /* "Avvikelse" is a difference by its name */
    { "a named deviation", 3,
      { "Budget", "Utfall", "Avvikelse helår" },
      { { 100, 90, 7 }, { NAN } },
      "iid" },
    /* years side by side: a sum in one row is chance */
    { "years", 3,
      { "2023", "2024", "2025" },
      { { 1000, 2000, 3000 }, { 1100, 2100, 3300 }, { NAN } },
      "iii" },
    /* small figures add up by chance */
    { "small figures", 3,
      { "A", "B", "C" },
      { { 1, 2, 3 }, { 2, 3, 5 }, { 4, 1, 5 }, { NAN } },
      "iii" },
    /* one row that adds up from two parts is not enough */
    { "one telling row", 3,
      { "Ram", "Förändring", "Ny ram" },
      { { 1000, 500, 1500 }, { 2000, 0, 2000 }, { NAN } },
      "iii" },
    /* "Total budget" is not a sum by its name alone: its figures are not its parts' */
    { "a total budget", 3,
      { "Drift", "Investering", "Total budget" },
      { { 1000, 500, 1700 }, { 2000, 300, 2600 }, { NAN } },
      "iii" },
};

static void
test_columns(const coltable *t)
{
    size_t n = 0;
    while (!isnan(t->a[n][0]))
        n++;
    ps_budget_row *v = calloc(n, sizeof *v);
    ps_budget_row **p = calloc(n, sizeof *p);
    for (size_t i = 0; i < n; i++) {
        v[i].label = "rad";
        v[i].ncols = t->ncols;
        v[i].columns = (char **)t->head;
        v[i].amounts = (double *)t->a[i];
        v[i].present = malloc(t->ncols);
        memset(v[i].present, 1, t->ncols);
        p[i] = &v[i];
    }
    psi_budget_column_sums(p, n);
    printf("# columns, %s: %s\n", t->name, v[0].column_roles ? v[0].column_roles : "(none)");
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < t->ncols; k++) {
            ps_column_role want = t->roles[k] == 't' ? PS_COL_TOTAL : t->roles[k] == 'd' ? PS_COL_DIFFERENCE : PS_COL_ITEM;
            CHECK(ps_budget_column_role(&v[i], k) == want);
        }
        free(v[i].present);
        free(v[i].column_roles);
    }
    free(v);
    free(p);
}

static void
test_differences(void)
{
    static const struct {
        const char *label;
        bool difference;
    } cases[] = {
        { "Ökning mot fg år (tkr)", true },
        { "Avvikelse mot budget", true },
        { "Förändring jämfört med 2025", true },
        { "Differens", true },
        { "Förändring av pensionsavsättning", false },
        { "Ökning av eget kapital", false },
        { "Reglering abonnentkollektivet - Ökning (-)/minskning (+)", false },
        { "Medlemsbidrag 2027", false },
        { "Ökning mot bakgrund av fler elever", false },
        { "Minskning av bidrag mot ekonomiskt bistånd", false },
        { "Förändring mot 2025", true },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("# difference '%s'\n", cases[i].label);
        CHECK(psi_budget_label_difference(cases[i].label) == cases[i].difference);
    }
    /* a change under a total is part of no sum: the frame's "TOTALT" over
     * the nämnder, then "Ökning mot fg år" */
    static const table change = { "a change under a total", 2,
      { { "Vård- och omsorgsnämnden", 50, { 1057382, 1099954 }, I, 0 },
        { "Socialnämnden", 50, { 282792, 292306 }, I, 0 },
        { "TOTALT", 50, { 1340174, 1392260 }, T, 0 },
        { "Ökning mot fg år (tkr)", 50, { 106343, 107126 }, PS_ROW_DIFFERENCE, 0 },
        { NULL, 0, { 0 }, I, 0 } } };
    test_table(&change);
}

/* AVRF p2: "Medlemsbidrag 2027 90 362" with "Alingsås 69 994" and
 * "Vårgårda 20 367" beside it, in a column of their own: its parts; not
 * when they do not add up (2029's, printed 814 tkr off) */
static void
test_breakdowns(void)
{
    static const struct {
        double total, a, b;
        double beside; /* where the parts' labels stand */
        ps_budget_role want;
    } cases[] = { { 90362, 69994, 20367, 330, PS_ROW_OF_WHICH },
                  { 97735, 75706, 21215, 330, PS_ROW_ITEM },
                  /* a sparse table's rows under it, not beside */
                  { 2000, 1000, 1000, 70, PS_ROW_ITEM } };
    for (size_t t = 0; t < 3; t++) {
        ps_budget_row v[4] = { 0 };
        ps_budget_row *p[4];
        const char *labels[] = { "Ledningssystem", "Medlemsbidrag 2027", "Alingsås", "Vårgårda" };
        double a[4][2] = { { 1000, 0 }, { cases[t].total, 0 }, { 0, cases[t].a }, { 0, cases[t].b } };
        unsigned char pr[4][2] = { { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 } };
        for (size_t i = 0; i < 4; i++) {
            v[i].label = (char *)labels[i];
            v[i].ncols = 2;
            v[i].amounts = a[i];
            v[i].present = pr[i];
            v[i].role = PS_ROW_ITEM;
            p[i] = &v[i];
        }
        double indent[4] = { 70, 70, cases[t].beside, cases[t].beside };
        psi_budget_breakdowns(p, indent, 4);
        printf("# breakdown of %.0f\n", cases[t].total);
        CHECK(v[0].role == PS_ROW_ITEM && v[1].role == PS_ROW_ITEM);
        CHECK(v[2].role == cases[t].want && v[3].role == cases[t].want);
        CHECK(v[2].level == (cases[t].want == PS_ROW_OF_WHICH ? 1 : 0));
        /* each part names the row it splits */
        CHECK(cases[t].want != PS_ROW_OF_WHICH || (v[3].parent && !strcmp(v[3].parent, "Medlemsbidrag 2027")));
        for (size_t i = 0; i < 4; i++)
            free(v[i].parent);
    }
}

/* Tolkförmedling p28: a balance sheet's two sides read as one table are
 * two; a result before and after extraordinary items of the same figures
 * (p27) is not, nor a budget's income and costs printed positive */
static void
test_balance(void)
{
    typedef struct bal_row {
        const char *label;
        double a[2];
        ps_budget_role role;
    } bal_row;
    static const bal_row sheet[] = {
        { "Immateriell anläggningstillgång", { 4040, 5726 }, PS_ROW_ITEM },
        { "Summa anläggningstillgångar", { 4040, 5726 }, PS_ROW_TOTAL },
        { "Fordringar", { 47669, 42839 }, PS_ROW_ITEM },
        { "Likvida medel", { 32050, 15693 }, PS_ROW_ITEM },
        { "Summa omsättningstillgångar", { 79718, 58532 }, PS_ROW_TOTAL },
        { "SUMMA TILLGÅNGAR", { 83758, 64258 }, PS_ROW_TOTAL },
        { "Eget kapital", { 26781, 30731 }, PS_ROW_ITEM },
        { "Andelskapital, medlemmar", { 3212, 3212 }, PS_ROW_ITEM },
        { "Årets resultat", { 315, -3950 }, PS_ROW_ITEM },
        { "Summa eget kapital", { 30308, 29993 }, PS_ROW_TOTAL },
        { "Kortfristiga skulder", { 53450, 34264 }, PS_ROW_ITEM },
        { "Summa skulder", { 53450, 34264 }, PS_ROW_TOTAL },
        { "SUMMA EGET KAPITAL OCH SKULDER", { 83758, 64258 }, PS_ROW_TOTAL },
    }, result[] = {
        { "Verksamhetens intäkter", { 233760, 231858 }, PS_ROW_ITEM },
        { "Verksamhetens kostnader", { -233760, -231543 }, PS_ROW_ITEM },
        { "Resultat före extraord. poster", { 0, 315 }, PS_ROW_TOTAL },
        { "Extraordinära poster", { 0, 0 }, PS_ROW_ITEM },
        { "Årets resultat", { 0, 315 }, PS_ROW_TOTAL },
    }, budget[] = {
        { "Medlemsbidrag", { 900, 900 }, PS_ROW_ITEM },
        { "Övriga intäkter", { 100, 100 }, PS_ROW_ITEM },
        { "Summa intäkter", { 1000, 1000 }, PS_ROW_TOTAL },
        { "Personalkostnader", { 700, 700 }, PS_ROW_ITEM },
        { "Lokalkostnader", { 300, 300 }, PS_ROW_ITEM },
        { "Summa kostnader", { 1000, 1000 }, PS_ROW_TOTAL },
        { "Resultat", { 0, 0 }, PS_ROW_TOTAL },
    };
    for (int t = 0; t < 3; t++) {
        const bal_row *c = t == 0 ? sheet : t == 1 ? result : budget;
        size_t n = t == 0 ? sizeof sheet / sizeof *sheet : t == 1 ? sizeof result / sizeof *result
                                                                  : sizeof budget / sizeof *budget;
        ps_budget_row v[16] = { 0 };
        ps_budget_row *p[16];
        unsigned char present[2] = { 1, 1 };
        for (size_t i = 0; i < n; i++) {
            v[i].label = (char *)c[i].label;
            v[i].ncols = 2;
            v[i].amounts = (double *)c[i].a;
            v[i].present = present;
            v[i].table = strdup("TILLGÅNGAR");
            p[i] = &v[i];
        }
        /* the roles as ingest gives them, then the sides */
        double indent[16];
        for (size_t i = 0; i < n; i++)
            indent[i] = NAN;
        psi_budget_sums(p, indent, n);
        for (size_t i = 0; i < n; i++)
            CHECK(v[i].role == c[i].role);
        psi_budget_balance_sides(p, n);
        printf("# balance sides, %s\n", t == 0 ? "a balance sheet" : t == 1 ? "a result" : "a budget");
        CHECK_STR(v[t ? 2 : 5].table, "TILLGÅNGAR");
        CHECK_STR(v[n - 1].table, t ? "TILLGÅNGAR" : "EGET KAPITAL OCH SKULDER");
        if (!t)
            CHECK_STR(v[6].table, "EGET KAPITAL OCH SKULDER");
        for (size_t i = 0; i < n; i++) {
            free(v[i].table);
            free(v[i].parent);
        }
    }
}

int
main(void)
{
    test_balance();
    test_differences();
    test_breakdowns();
    for (size_t i = 0; i < sizeof coltables / sizeof coltables[0]; i++)
        test_columns(&coltables[i]);
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        test_table(&tables[i]);
    test_labels();
    return tap_done();
}

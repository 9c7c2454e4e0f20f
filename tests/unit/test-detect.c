/* test-detect.c: detection on made-up documents, place by place: file
 * name, metadata, the first page's headline and text, the body. Cases are
 * data: the document -> organisation, unit, län, year, period, date, kind.
 * A case's body text is also its last page (where signatures stand).
 * A body only mentioned, a bare "Kommunförbundet", a county named in
 * passing and a Danish text give no organisation: unsure is unknown. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>

enum { SV = PSI_LANG_SV, DA = PSI_LANG_DA };

/* a text said many times over */
#define R2(x) x x
#define R5(x) x x x x x
#define R9(x) R5(x) x x x x
#define R10(x) R5(x) R5(x)

static const struct {
    const char *file, *title, *author, *headline, *first, *body;
    int lang, created;
    const char *org, *unit;
    int lan, year, from, to;
    const char *date;
    ps_kind kind;
} cases[] = {
    { "rfjl_vp_2014.pdf", "Verksamhetsplan och budget 2014", "Regionförbundet Jönköpings län", "Verksamhetsplan och budget 2014",
      "RAPPORT 2013:04 Fastställd av Regionstyrelsen 20 juni 2013", "", SV, 0,
      "Regionförbundet Jönköpings län", "regionstyrelsen", 4, 2014, 0, 0, "2013-06-20", PS_KIND_VERKSAMHETSPLAN },
    { "doc.pdf", "", "", "KOMMUNFÖRBUNDET NORRBOTTENS styrelse\nKALLELSE till sammanträde",
      "Tid: Torsdagen den 15 september 2011", "", SV, 0,
      "Kommunförbundet Norrbotten", "", 20, 2011, 0, 0, "2011-09-15", PS_KIND_KALLELSE },
    { "arsred.pdf", "", "", "ÅRSREDOVISNING 2012\nRegion Skåne", "Regionstyrelsen i Region Skåne", "", SV, 0,
      "Region Skåne", "regionstyrelsen", 9, 2012, 0, 0, "", PS_KIND_ARSREDOVISNING },
    { "protokoll_2016-03-01.pdf", "", "", "Protokoll",
      "Protokoll fört vid sammanträde med styrelsen i Kommunalförbundet Gotland. Justerare: A", "", SV, 0,
      "Kommunalförbundet Gotland", "", 7, 2016, 0, 0, "", PS_KIND_PROTOKOLL },
    /* a bare type is never completed with a county named in the body */
    { "x.pdf", "", "", "Verksamhetsplan 2013", "Vi kommer att arbeta för Västernorrland. Kommunförbundet ska stödja.",
      "Kommunförbundet ska stödja Västernorrland.", SV, 0, "", "", -1, 2013, 0, 0, "", PS_KIND_VERKSAMHETSPLAN },
    { "strategi.pdf", "Regional utvecklingsstrategi för Östergötland 2030", "", "", "Östergötlands län strategi", "", SV, 0,
      "", "", 3, 2030, 0, 0, "", PS_KIND_STRATEGI },
    { "notes.pdf", "", "", "", "Ett dokument utan årtal om ingenting särskilt", "", SV, 0, "", "", -1, 0, 0, 0, "",
      PS_KIND_OTHER },
    /* a government bill: signed in Stockholm, "protokoll" on its first page */
    { "prop.pdf", "", "", "Regeringens proposition 2008/09:5",
      "Utdrag ur protokoll vid regeringssammanträde den 4 september 2008. Stockholm den 4 september 2008", "", SV, 0,
      "Regeringen", "", -1, 2008, 0, 0, "", PS_KIND_OTHER },
    /* a county named in a board's minutes is not the publisher's */
    { "prot.pdf", "", "", "Protokoll", "Protokoll fört vid sammanträde med styrelsen. Justerare: A. Luleå den 15 "
      "september 2011. Norrbottens län", "", SV, 0, "", "", -1, 2011, 0, 0, "2011-09-15", PS_KIND_PROTOKOLL },
    /* the PDF author counts only when it names a body */
    { "vp.pdf", "Verksamhetsplan 2018", "Storsthlm", "", "", "", SV, 0, "Storsthlm", "", 0, 2018, 0, 0, "",
      PS_KIND_VERKSAMHETSPLAN },
    { "notes.pdf", "", "Ludvig Gustafson", "", "Ett dokument utan årtal", "", SV, 0, "", "", -1, 0, 0, 0, "", PS_KIND_OTHER },
    { "notes.pdf", "", "Nsd0318", "", "Ett dokument utan årtal", "", SV, 0, "", "", -1, 0, 0, 0, "", PS_KIND_OTHER },
    { "notes.pdf", "", "Arbetsmiljöverket", "", "Ett dokument utan årtal", "", SV, 0, "Arbetsmiljöverket", "", -1, 0, 0,
      0, "", PS_KIND_OTHER },
    { "notes.pdf", "", "Region Gotland", "", "Ett dokument utan årtal", "", SV, 0, "Region Gotland", "", 7, 0, 0, 0, "",
      PS_KIND_OTHER },
    /* a kommun's web address on the cover, a nämnd, a decision date, a period */
    { "bilaga-lokalforsorjningsplan.pdf", "", "Christian Jerhov", "Lokalförsörjnings-\nplan 2026-2031\nBarn- och ungdomsnämnden",
      "Typ av styrdokument: Plan  Beslutande instans: Barn- och ungdomsnämnden\nDatum för beslut: 2026-06-16\nalingsas.se",
      "", SV, 0, "Alingsås kommun", "barn- och ungdomsnämnden", 11, 2026, 2026, 2031, "2026-06-16", PS_KIND_PLAN },
    /* template leftovers are no dates; the title's year stands */
    { "biblioteksplan.pdf", "", "", "Biblioteksplan\n2027–2030\nAlingsås kommun",
      "Datum för beslut: ÅÅÅ-MM-DD  Revideras senast: ÅÅÅÅ-MM-DD", "", SV, 2026, "Alingsås kommun", "", 11, 2027, 2027,
      2030, "", PS_KIND_PLAN },
    { "genomlysning.pdf", "", "", "Genomlysning\n2026–2027\nKultur- och utbildningsnämnden",
      "Beslut: Kultur- och utbildningsnämnden 2026-06-xx § x\nalingsås.se", "", SV, 0, "Alingsås kommun",
      "kultur- och utbildningsnämnden", 11, 2026, 2026, 2027, "", PS_KIND_RAPPORT },
    /* a horizon in the title is not the year: the date is */
    { "storkoll.pdf", "", "", "Storkoll 2050", "2026-05-06 Beskrivning av process och ramar inför muntlig dialog",
      "Västra Götalandsregionen ansvarar. Västra Götalandsregionen beslutar. Västra Götalandsregionen har. "
      "Västra Götalandsregionen ska. Västra Götalandsregionen tar. Västra Götalandsregionen vill.",
      SV, 0, "Västra Götalandsregionen", "", 11, 2026, 0, 0, "", PS_KIND_OTHER },
    /* only a draft's PDF date tells the year */
    { "plan.pdf", "", "", "Plan för brandvattenförsörjning", "Datum för beslut: ÅÅÅ-MM-DD", "", SV, 2026, "", "", -1,
      2026, 0, 0, "", PS_KIND_PLAN },
    /* minutes of a kommun's council: the kommun the text names, not the förbund it names more */
    { "protokoll.pdf", "", "", "Protokoll\nKommunfullmäktige\n2018-03-28", "Plats och tid Rådhuset",
      "Alingsås kommun beslutar. GR beslutade. GR tillhanda. Göteborgsregionen. GR:s kapital. Alingsås kommun. "
      "Alingsås kommuns budget.", SV, 0, "Alingsås kommun", "kommunfullmäktige", 11, 2018, 0, 0, "",
      PS_KIND_PROTOKOLL },
    /* named in passing twice, no unit: unsure */
    { "x.pdf", "", "", "Rapport om kollektivtrafik", "", "Västra Götalandsregionen och Region Halland samverkar. "
      "Västra Götalandsregionen.", SV, 0, "", "", -1, 0, 0, 0, "", PS_KIND_RAPPORT },
    /* a Danish document is no Swedish body's, whatever it mentions */
    { "referat.pdf", "", "", "Referat", "Aarhus Kommune. Regeringen og MSB.", "Regeringen har besluttet.", DA, 0, "", "",
      -1, 0, 0, 0, "", PS_KIND_OTHER },
    /* a Danish board is no unit of a Swedish body; a body's own name is no unit of it */
    { "dagsorden.pdf", "", "", "Kommunalbestyrelsen\nReferat", "Ballerup Kommune", "", DA, 0, "", "", -1, 0, 0, 0, "",
      PS_KIND_OTHER },
    { "referat.pdf", "", "", "Allmänna reklamationsnämnden\nREFERAT", "Beslut 2013", "", SV, 0,
      "Allmänna reklamationsnämnden", "", -1, 0, 0, 0, "", PS_KIND_OTHER },
    /* a bare Länsstyrelsen is not completed with a county */
    { "x.pdf", "", "", "Länsstyrelsen\nRapport 2019", "Skåne", "", SV, 0, "", "", -1, 2019, 0, 0, "", PS_KIND_RAPPORT },
    /* a unit by the abbreviation of a decision line or diarienummer */
    { "g.pdf", "", "", "Genomlysning 2026–2027", "Diarienummer: 2026.133 KUN\nBeslut: KUN 2026-06-16 § 4", "", SV, 0,
      "", "kultur- och utbildningsnämnden", -1, 2026, 2026, 2027, "2026-06-16", PS_KIND_RAPPORT },
    { "g.pdf", "", "", "Genomlysning\nSocialnämnden", "Dnr KS 2026/84", "", SV, 0, "", "socialnämnden", -1, 2026, 0,
      0, "2026", PS_KIND_RAPPORT },
    /* a guide's version date is its date, whatever year its file name has */
    { "guide_2014.pdf", "", "", "Vägledning för samråd", "Version 2023-10-10", "", SV, 0, "", "", -1, 2023, 0, 0,
      "2023-10-10", PS_KIND_OTHER },
    /* a report written in March 2026 about 2027 is a 2026 report; a budget for 2027 stays 2027 */
    { "r.pdf", "", "", "Rapport: Befolkningsprognos 2027", "Datum: 2026-03-12", "", SV, 0, "", "", -1, 2026, 0, 0,
      "2026-03-12", PS_KIND_RAPPORT },
    { "b.pdf", "", "", "Budget 2027", "Datum: 2026-03-12", "", SV, 0, "", "", -1, 2027, 0, 0, "2026-03-12",
      PS_KIND_BUDGET },
    /* a stated year without its day: the print year, a diarienummer's year */
    { "strategi.pdf", "", "", "Regional utvecklingsstrategi för Västra Götaland", "Tryck: 2013\nDnr RS 2012/375", "",
      SV, 0, "", "regionstyrelsen", 11, 2013, 0, 0, "2013", PS_KIND_STRATEGI },
    { "vp.pdf", "", "", "Verksamhetsplan", "Dnr KS 2013/375", "", SV, 0, "", "kommunstyrelsen", -1, 2013, 0, 0, "2013",
      PS_KIND_VERKSAMHETSPLAN },
    /* a partner in the title is not the publisher (nor in a file name of the title) */
    { "samverkan mellan kommunerna och Region Skåne.pdf",
      "Långsiktigt hållbar struktur för samverkan mellan kommunerna och Region Skåne", "",
      "Handlingsplan - Långsiktigt hållbar struktur för ledning och samverkan mellan kommunerna och\nRegion Skåne",
      "Datum 2011-12-09", "", SV, 0, "", "", 9, 2011, 0, 0, "2011-12-09", PS_KIND_PLAN },
    /* a signature block on the last page: the body that signs first, not
     * the partner beside it, nor the one the text mentions most */
    { "handlingsplan.pdf", "", "", "Handlingsplan - samverkan mellan kommunerna och\nRegion Skåne", "Datum 2011-12-09",
      "Region Skåne och kommunerna. Region Skåne leder. Region Skånes verksamheter. I Region Skåne.\n"
      "KOMMUNFÖRBUNDET SKÅNE\tREGION SKÅNE\nStefan Lundgren\tCarl-Johan Sonesson\nFörbundsordförande\tOrdförande",
      SV, 0, "Kommunförbundet Skåne", "", 9, 2011, 0, 0, "2011-12-09", PS_KIND_PLAN },
    /* ... also when the two names share a line with a space between them */
    { "handlingsplan.pdf", "", "", "Handlingsplan - samverkan mellan kommunerna och\nRegion Skåne", "Datum 2011-12-09",
      "Region Skåne och kommunerna. Region Skåne leder. Region Skånes verksamheter. I Region Skåne.\n"
      "KOMMUNFÖRBUNDET SKÅNE REGION SKÅNE\nStefan Lundgren Carl-Johan Sonesson\nFörbundsordförande Ordförande",
      SV, 0, "Kommunförbundet Skåne", "", 9, 2011, 0, 0, "2011-12-09", PS_KIND_PLAN },
    /* names on lines of their own without a signatory's title are a list */
    { "rapport.pdf", "", "", "Rapport", "Datum 2011-12-09", "Källor:\nTrafikverket\nRegion Halland\nFoto: A. Person",
      SV, 0, "", "", -1, 2011, 0, 0, "2011-12-09", PS_KIND_RAPPORT },
    /* mentioned in passing only: every mention counts against a rival */
    { "utvardering.pdf", "", "", "Utvärdering av Målbild tåg 2035", "Datum: 2025–10–08",
      R9(R5("VGR planerar. ")) R2(R10("Trafikverket bygger. ")), SV, 0, "Västra Götalandsregionen", "", 11, 2025, 0, 0,
      "2025-10-08", PS_KIND_RAPPORT },
    /* the publisher's file name */
    { "ramar-2027-2029-for-alingsas-kommun-uppdaterad.pdf", "PowerPoint-presentation", "", "Underlag ramar\n2027-2029",
      "Ram 2027", "", SV, 0, "Alingsås kommun", "", 11, 2027, 2027, 2029, "", PS_KIND_BUDGET },
    /* a förbund that calls itself by its kind and names its members: the
     * register's förbund of those kommuner (AVRF's budget) */
    { "budget.pdf", "Microsoft Word - Budget 2027", "Pontus Allert", "Budget 2027 och ramar 2028 – 2029",
      "Medlemskommunernas driftbidrag för 2027 uppgår samlat till 90 362tkr. Budgeterat medlemsbidrag för 2027 uppgår "
      "till 69 994tkr för Alingsås kommun och 20 367tkr för Vårgårda kommun.",
      "Förbundet lyfter kostnadsökningar utom ram separat. Räddningstjänstförbundet\nBudget 2027", SV, 0,
      "Alingsås och Vårgårda räddningstjänstförbund", "", 11, 2027, 0, 0, "", PS_KIND_BUDGET },
    /* ... not with one kommun named (that kommun, named alone, as before),
     * nor another kind of förbund's */
    { "budget.pdf", "", "", "Budget 2027", "Medlemsbidraget för Alingsås kommun uppgår till 69 994 tkr.",
      "Förbundet lyfter kostnader. Räddningstjänstförbundet", SV, 0, "Alingsås kommun", "", 11, 2027, 0, 0, "",
      PS_KIND_BUDGET },
    { "budget.pdf", "", "", "Budget 2027", "Budget",
      "Samordningsförbundet lyfter kostnader för Alingsås kommun och Vårgårda kommun.", SV, 0, "", "", -1, 2027, 0, 0,
      "", PS_KIND_BUDGET },
    /* ... nor without words for its members, nor when another kommun is
     * named more (another förbund's paper naming these two in passing) */
    { "budget.pdf", "", "", "Budget 2027", "Budget",
      "Räddningstjänstförbundet lyfter kostnader för Alingsås kommun och Vårgårda kommun.", SV, 0, "", "", -1, 2027,
      0, 0, "", PS_KIND_BUDGET },
    { "budget.pdf", "", "", "Budget 2027", "Budget",
      "Räddningstjänstförbundet och medlemskommunerna Göteborgs Stad, Göteborgs Stad och Göteborgs Stad. "
      "Alingsås kommun och Vårgårda kommun.",
      SV, 0, "", "", -1, 2027, 0, 0, "", PS_KIND_BUDGET },
};

int
main(void)
{
    psi_detector *d = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(psi_detector_new(&d, &e) == PS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char front[2048];
        snprintf(front, sizeof front, "%s\n%s", cases[i].headline, cases[i].first);
        char body[4096];
        snprintf(body, sizeof body, "%s\n%s", front, cases[i].body);
        psi_detect_input in = { cases[i].file, cases[i].title, cases[i].author, "", cases[i].headline, cases[i].first, "",
                                front, body, cases[i].created, (psi_lang)cases[i].lang, cases[i].body };
        psi_detected got;
        psi_detect(d, &in, &got);
        printf("# case %zu: %s\n", i, cases[i].file);
        CHECK_STR(got.org, cases[i].org);
        CHECK_STR(got.unit, cases[i].unit);
        CHECK(got.lan == cases[i].lan);
        CHECK(got.year == cases[i].year);
        CHECK(got.period_from == cases[i].from && got.period_to == cases[i].to);
        CHECK_STR(got.date, cases[i].date);
        CHECK(got.kind == cases[i].kind);
        psi_detected_release(&got);
    }
    /* UTF+UCP: caseless å/ä/ö and \b around them */
    psi_rx *rx = NULL;
    CHECK(psi_rx_new("\\båtgärder\\b", false, &rx, &e) == PS_OK);
    long ov[2];
    const char *s = "VIDTAGNA ÅTGÄRDER:";
    CHECK(psi_rx_match(rx, s, strlen(s), 0, ov, 1) == 1 && ov[0] == 9);
    s = "motåtgärder";
    CHECK(psi_rx_match(rx, s, strlen(s), 0, ov, 1) == 0);
    psi_rx_free(rx);
    CHECK(psi_rx_new("(unclosed", false, &rx, &e) == PS_ERR_INTERNAL);
    CHECK(strstr(e.msg, "offset") != NULL);
    psi_detector_free(d);
    return tap_done();
}

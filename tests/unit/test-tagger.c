/* test-tagger.c: the built-in rules (ingest/sections.rules) on headings and
 * on short texts, one case per row: the kind each should get. The corpus
 * figures are measured by make eval; these rows pin the cues themselves. */
#include "plansok-private.h"
#include "tap.h"

#include <stdio.h>

typedef struct kase {
    const char *text;
    int kind; /* a ps_section, or -1: no kind (the passage is other) */
} kase;

static const kase headings[] = {
    { "Effektmål", PS_SECTION_MAL },
    { "Strategiskt mål i RUP", PS_SECTION_MAL },
    { "MÅLOMRÅDE UTBILDNING OCH ARBETSKRAFT", PS_SECTION_MAL },
    { "Insatser och aktiviteter", PS_SECTION_INSATSER },
    { "Vidtagna åtgärder:", PS_SECTION_INSATSER },
    { "Nyckelaktiviteter", PS_SECTION_INSATSER },
    { "Resultatbudget (tkr)", PS_SECTION_BUDGET },
    { "Medlemsavgifter", PS_SECTION_BUDGET },
    { "Finansiering", PS_SECTION_BUDGET },
    { "5. Finansiering av brandvattensystem", -1 },
    { "Innehållsförteckning", PS_SECTION_OTHER },
    { "Till 36 §", PS_SECTION_OTHER },
    { "§ 112 Budget 2027 och ramar 2028-2029 för AVRF", PS_SECTION_BUDGET },
    /* background is neither goals nor actions (the guideline for real documents) */
    { "Bakgrund", PS_SECTION_OTHER },
    { "Regionförbundets verksamhet", -1 },
    /* real documents: numbered headings, compounds, the parts of a case in minutes */
    { "2. Kompetensförsörjningsmål", PS_SECTION_MAL },
    { "Nämndens mål", PS_SECTION_MAL },
    { "Mål – tågresandet ska tredubblas", PS_SECTION_MAL },
    { "MÅL 6: Köpt energi avseende lokaler ska minska", PS_SECTION_MAL },
    { "Strategiska inriktningar", PS_SECTION_MAL },
    { "3.1.Möjliga förflyttningar som ska undersökas", PS_SECTION_INSATSER },
    { "Rekommendationer till revideringen", PS_SECTION_INSATSER },
    { "4) Effektiviseringsåtgärder", PS_SECTION_INSATSER },
    { "Driftredovisning", PS_SECTION_BUDGET },
    { "Ramar 2027", PS_SECTION_BUDGET },
    { "Ram 2028", PS_SECTION_BUDGET },
    /* an annex titled by its measures; the strategies that reach a goal */
    /* the follow-up of goals; money headings of real reports */
    { "Verksamhetsmål och måluppfyllelse", PS_SECTION_MAL },
    { "Uppföljning av nämndens mål", PS_SECTION_MAL },
    { "Ekonomisk uppföljning", PS_SECTION_BUDGET },
    { "Ekonomiskt resultat", PS_SECTION_BUDGET },
    { "Bilaga 1 – uppföljning av infrastrukturåtgärder", PS_SECTION_INSATSER },
    { "Bilaga 2", PS_SECTION_OTHER },
    { "5. Strategier för kompetensförsörjningen", PS_SECTION_INSATSER },
    { "Ärendebeskrivning", PS_SECTION_OTHER },
    { "Förslag till beslut", PS_SECTION_OTHER },
    /* a year is no heading number; a sentence about goals is no goal heading */
    { "2027 års verksamhet", -1 },
    { "Målen följs upp varje år av nämnden", -1 },
    /* a line of text set large is no heading of a kind */
    { "insatser för att klara omställningen till ett hållbart samhälle", -1 },
};

static const kase texts[] = {
    /* actions, planned, with the subject before or after the verb */
    { "Vi kommer årligen att arrangera en Regnbågsdag. Dagen är öppen för alla.", PS_SECTION_INSATSER },
    { "Under våren kommer vi att stödja införandet av NPÖ. Arbetet med säker inloggning fortsätter.",
      PS_SECTION_INSATSER },
    { "Minst fyra nätverksträffar hålls för länets BBIC-utbildare.", PS_SECTION_INSATSER },
    { "Minst fyra regionala nätverksträffar hålls för länets BBIC-utbildare.", PS_SECTION_INSATSER },
    /* a date is no count: one "hålls" is a weak cue */
    { "Den 12 maj hålls ett informationsmöte för alla medarbetare.", -1 },
    { "Den 3 juni genomförs samrådet med berörda fastighetsägare.", -1 },
    { "Den 5 dec hålls ett informationsmöte för alla medarbetare.", -1 },
    { "Klockan 9 på förmiddagen hålls ett informationsmöte i stadshuset.", -1 },
    /* a participants' target measures the activity it follows */
    { "Två uppföljningsdagar ska genomföras under 2014. Minst 80 procent av de deltagande ska uppleva att de "
      "fått stöd.",
      PS_SECTION_INSATSER },
    /* targets */
    { "Antalet nystartade företag per invånare ska vara över rikssnittet. Andelen tjänstenäringar ska närma "
      "sig riksgenomsnittet.",
      PS_SECTION_MAL },
    { "Samtliga kommuner i länet ska uppfylla fastställda grund- och prestationskrav för 2014. Sex av länets "
      "kommuner ska ha kommit igång med modellen.",
      PS_SECTION_MAL },
    /* ... but one target alone is not enough */
    { "Samtliga kommuner i länet ska uppfylla fastställda krav.", -1 },
    /* money */
    { "Summa intäkter 12 345 tkr. Kostnader för lokaler 2 300 tkr. Nettokostnad 1 200 tkr.", PS_SECTION_BUDGET },
    /* cost per unit: the key figures of a genomlysning */
    { "Snittkostnad HVB, kr/dygn 8 763 5 041 5 549. Nettokostnad parker, kr/inv. 625 649.", PS_SECTION_BUDGET },
    /* background and statute text stay other */
    { "Arbetslösheten är hög i Västernorrland, i synnerhet bland ungdomar. Arbetslinjen är en grundläggande "
      "princip.",
      -1 },
    { "7 b § Byggarbetsmiljösamordnaren ska samordna tillämpningen av de regler som ska följas. Arbetsmoment "
      "som ska genomföras samtidigt ska planeras.",
      PS_SECTION_OTHER },
    { "Innehåll Inledning 3 Mål och insatser 5 Budget 9", PS_SECTION_OTHER },
    /* a goal stated as the aim */
    { "Målsättningen är 60 procent legitimerade förskollärare. Andelen har ökat sedan 2022.", PS_SECTION_MAL },
    /* a table of measures with their status */
    { "Åtgärd Målår Status Kommentar", PS_SECTION_INSATSER },
    /* work under way, written impersonally (real plans and follow-ups) */
    { "Under 2026 införs en särskild resurs för barn med omfattande stödbehov. Till hösten planeras en "
      "workshop för rektorer.",
      PS_SECTION_INSATSER },
    /* ... in the present passive, and a named measure with what is done with it */
    { "Webbplatsen Pedagog Alingsås vidareutvecklas och redaktionen utökas. En marknadsföringsplan tas fram.",
      PS_SECTION_INSATSER },
    { "Inom barn- och elevhälsan sker en kompetenshöjande insats om autism. Insatsen är schemalagd och omfattar "
      "även planering.",
      PS_SECTION_INSATSER },
    /* a list of measures, each item after its bullet */
    { "• Se över rutinerna för skolskjuts.\n• Bygga en ny förskola i Sollebrunn.\n• Rekrytera fler lärare.",
      PS_SECTION_INSATSER },
    /* a goal followed up */
    { "Målet bedöms som delvis uppfyllt. Måluppfyllelsen har ökat sedan förra året.", PS_SECTION_MAL },
};

/* The first bytes of s, at most n, not cutting a UTF-8 character. */
static int
head(const char *s, int n)
{
    int len = (int)strlen(s);
    if (len <= n)
        return len;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

int
main(void)
{
    (void)tap_check_str;
    psi_tagger *t = NULL;
    ps_error err = PS_ERROR_INIT;
    CHECK(psi_tagger_new(psi_default_rules, "sections.rules", &t, &err) == PS_OK);
    if (!t)
        return tap_done();
    char what[200];
    for (size_t i = 0; i < sizeof headings / sizeof *headings; i++) {
        bool intro;
        int got = psi_tagger_heading(t, headings[i].text, &intro);
        snprintf(what, sizeof what, "heading '%s' -> %s", headings[i].text,
                 headings[i].kind < 0 ? "none" : ps_section_name((ps_section)headings[i].kind));
        tap_check(got == headings[i].kind, what, __FILE__, __LINE__);
    }
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        int scores[PS_SECTION_COUNT];
        int got = psi_tagger_sentences(t, texts[i].text, scores);
        snprintf(what, sizeof what, "'%.*s...' -> %s", head(texts[i].text, 40), texts[i].text,
                 texts[i].kind < 0 ? "none" : ps_section_name((ps_section)texts[i].kind));
        tap_check(got == texts[i].kind, what, __FILE__, __LINE__);
        if (got != texts[i].kind)
            printf("#   got %s; points: mal %d, insatser %d, budget %d, other %d\n",
                   got < 0 ? "none" : ps_section_name((ps_section)got), scores[PS_SECTION_MAL],
                   scores[PS_SECTION_INSATSER], scores[PS_SECTION_BUDGET], scores[PS_SECTION_OTHER]);
    }
    psi_tagger_free(t);
    return tap_done();
}

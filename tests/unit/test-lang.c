/* test-lang.c: language detection (sv, da, no bokmål and nynorsk, en) and
 * garbled-text detection (ingest/lang.c). The paragraphs are written for
 * these tests in the style of planning documents, not taken from the PDFs. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void
check_lang(const char *text, psi_lang want, const char *what)
{
    psi_lang got = psi_lang_detect(text, strlen(text));
    char msg[96];
    snprintf(msg, sizeof msg, "%s is '%s'", what, psi_lang_code(want));
    tap_check(got == want, msg, __FILE__, __LINE__);
    if (got != want)
        printf("#   got: '%s'\n", psi_lang_code(got));
}

static void
test_detect(void)
{
    static const struct {
        const char *what;
        psi_lang want;
        const char *text;
    } cases[] = {
        { "sv plan", PSI_LANG_SV,
          "Kommunens mål är att alla barn och unga ska ha tillgång till en likvärdig utbildning. "
          "För att nå dit behöver nämnden arbeta med kompetensförsörjning och se över lokalerna, "
          "som inte längre räcker till det ökande antalet elever i de centrala delarna av staden." },
        { "sv budget text", PSI_LANG_SV,
          "Budgetramen för 2027 uppgår till 412 mnkr, vilket är 3,2 procent mer än föregående år. "
          "Nämnden föreslår att ramen fördelas enligt tabellen nedan och att investeringar i "
          "förskolor prioriteras." },
        { "sv all caps", PSI_LANG_SV,
          "HANDLINGSPLAN FÖR ÄLDREOMRÅDET OCH KOMMUNENS ARBETE MED VÅRD OCH OMSORG SOM SKA "
          "GENOMFÖRAS UNDER ÅREN 2026 TILL 2028" },
        { "da minutes", PSI_LANG_DA,
          "Byrådet besluttede at godkende forslaget om en ny skole i den nordlige del af kommunen. "
          "Udvalget havde ikke indstillet sagen, men der var flertal for at bevillingen gives nu, "
          "så arbejdet kan gå i gang efter sommerferien. Kommunen bliver bygherre." },
        { "da policy", PSI_LANG_DA,
          "Politikken skal sikre, at borgerne har adgang til kultur og fritid gennem hele livet. "
          "Vi vil styrke det lokale engagement og samarbejdet mellem foreninger, skoler og "
          "kommunens institutioner, og hvad der virker, skal udvikles videre." },
        { "da with party letters", PSI_LANG_DA,
          "Indstillingen blev godkendt, og sagen sendes til byrådet. Fraværende: Ole Bak (A), "
          "Eva Lund (A), Per Holm (V), Anne Krogh (A)." },
        { "no bokmål", PSI_LANG_NO,
          "Fylkeskommunen har ansvar for drift og vedlikehold av fylkesvegene. Departementet ber "
          "om at dataene sendes inn innen fristen, slik at beregningen av utgiftsbehovet blir "
          "riktig. Etter en vurdering av kostnadene mellom fylkene er det ikke behov for endringer." },
        { "no nynorsk", PSI_LANG_NO,
          "Tabellen viser trafikken på ferjesambanda i kvart fylke. Talet på køyretøy er henta frå "
          "ferjedatabanken, og det er ikkje gjort endringar i metoden. Dei fleste sambanda har ein "
          "auke i trafikken, men eit par av dei har hatt nedgang etter pandemien." },
        { "en summary", PSI_LANG_EN,
          "The municipality will publish the plan for consultation in the spring. It sets out "
          "the goals for housing and transport, and the council has asked that the measures "
          "which are proposed should be followed up every year." },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_lang(cases[i].text, cases[i].want, cases[i].what);

    static const char *const unknown[] = {
        "", "   \n", "Budget 2027", "Alingsås kommun", "12 345 tkr", "och", "Kommunstyrelsen 2026-03-04 § 45",
    };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        psi_lang got = psi_lang_detect(unknown[i], strlen(unknown[i]));
        char msg[96];
        snprintf(msg, sizeof msg, "too short to tell: '%s'", unknown[i]);
        tap_check(got == PSI_LANG_UNKNOWN, msg, __FILE__, __LINE__);
    }
    /* a length, not a NUL, ends the text */
    const char *sv = "Nämnden ska arbeta för att alla har tillgång till stöd och det är viktigt. The end of the";
    CHECK(psi_lang_detect(sv, 73) == PSI_LANG_SV);
}

static void
test_codes(void)
{
    CHECK_STR(psi_lang_code(PSI_LANG_UNKNOWN), "");
    CHECK_STR(psi_lang_code(PSI_LANG_SV), "sv");
    CHECK_STR(psi_lang_code(PSI_LANG_DA), "da");
    CHECK_STR(psi_lang_code(PSI_LANG_NO), "no");
    CHECK_STR(psi_lang_code(PSI_LANG_EN), "en");
    static const struct {
        const char *s;
        int want;
    } names[] = {
        { "sv", PSI_LANG_SV },      { "Svenska", PSI_LANG_SV }, { "swedish", PSI_LANG_SV },
        { "da", PSI_LANG_DA },      { "DANSK", PSI_LANG_DA },   { "danish", PSI_LANG_DA },
        { "no", PSI_LANG_NO },      { "nb", PSI_LANG_NO },      { "nn", PSI_LANG_NO },
        { "norsk", PSI_LANG_NO },   { "bokmål", PSI_LANG_NO },  { "Nynorsk", PSI_LANG_NO },
        { "en", PSI_LANG_EN },      { "engelska", PSI_LANG_EN }, { "English", PSI_LANG_EN },
        { "", -1 },                 { "fi", -1 },               { "svensk dansk", -1 },
        { "s", -1 },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char msg[64];
        snprintf(msg, sizeof msg, "psi_lang_parse(\"%s\") == %d", names[i].s, names[i].want);
        tap_check(psi_lang_parse(names[i].s) == names[i].want, msg, __FILE__, __LINE__);
    }
    CHECK(psi_lang_parse(NULL) == -1);
}

/* Text as a font with a custom encoding gives it: every code 29 lower (the
 * glyph order read as codes), with å ä ö on n l | as in the 1999 bill. */
static char *
shift29(const char *s)
{
    psi_buf b = PSI_BUF_INIT;
    for (size_t i = 0; s[i];) {
        if (strncmp(s + i, "å", 2) == 0 || strncmp(s + i, "ä", 2) == 0 || strncmp(s + i, "ö", 2) == 0) {
            psi_buf_addc(&b, s[i + 1] == '\xA5' ? 'n' : s[i + 1] == '\xA4' ? 'l' : '|');
            i += 2;
        } else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) {
            psi_buf_addc(&b, (char)(s[i++] - 29));
        } else {
            psi_buf_addc(&b, s[i++]);
        }
    }
    return psi_buf_detach(&b);
}

static void
check_garbled(const char *text, int want, const char *what)
{
    char msg[120];
    snprintf(msg, sizeof msg, "%s: %s", want ? "garbled" : "not garbled", what);
    tap_check(psi_text_garbled(text, strlen(text)) == want, msg, __FILE__, __LINE__);
}

static void
test_garbled(void)
{
    /* the signature block of the 1999 bill, and the like */
    check_garbled("Stockholm den 14 oktober 1999\n*|UDQ3HUVVRQ\n%RVVH5LQJKROP\n"
                  "*|UDQ3HUVVRQ %RVVH5LQJKROP $QQD/LQGK *|UDQ3HUVVRQ",
                  1, "names in a custom encoding");
    check_garbled("*|UDQ3HUVVRQ %RVVH5LQJKROP", 0, "the same two names alone (under 40 letters)");
    static const char *const plain[] = {
        "Regeringen föreslår att riksdagen godkänner avtalet mellan Sverige och Danmark om beskattning "
        "av anställda på tåg och färjor i trafik mellan länderna.",
        "Kommunen ska verka för att invånarna har god tillgång till bibliotek och kultur i hela kommunen, "
        "och biblioteken ska vara öppna för alla.",
        "Det avtal mellan Sverige och Danmark om beskattning av anställda ombord på färjor och tåg "
        "skall gälla som lag här i landet. Avtalet är avfattat på danska och svenska språken.",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        check_garbled(plain[i], 0, "plain Swedish");
        char *g = shift29(plain[i]);
        check_garbled(g, 1, g);
        free(g);
    }
    /* glyphs with no Unicode mapping */
    check_garbled("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83 \xEE\x80\x84\xEE\x80\x85 \xEE\x80\x86\xEE\x80\x87\xEE\x80\x88"
                  "\xEE\x80\x89 \xEE\x80\x8A\xEE\x80\x8B \xEE\x80\x81\xEE\x80\x82\xEE\x80\x83 \xEE\x80\x84\xEE\x80\x85"
                  "\xEE\x80\x86 och en del av texten som syns",
                  1, "private-use characters among words");
    psi_buf pua = PSI_BUF_INIT;
    for (int i = 0; i < 60; i++)
        psi_buf_adds(&pua, i % 7 == 6 ? " " : "\xEE\x80\x81");
    check_garbled(psi_buf_str(&pua), 1, "private-use characters only");
    psi_buf_release(&pua);
    check_garbled("Kommunen har tagit fram en plan fÃ¶r att Ã¶ka tillgÃ¤ngligheten. MÃ¥let Ã¤r att "
                  "fler ska kunna ta del av fÃ¶reningslivet och Ã¤ldreomsorgen i Ã¥r.",
                  1, "UTF-8 read as Latin-1");

    static const struct {
        const char *what, *text;
    } normal[] = {
        { "a budget table",
          "Verksamhet            Budget 2026   Prognos   Avvikelse\n"
          "Förskola              12 345 tkr    12 845    −500\n"
          "Grundskola            48 120 tkr    47 900    220\n"
          "Gymnasium             21 004 tkr    21 004    0\n"
          "Summa                 81 469 tkr    81 749    −280\n" },
        { "URLs and e-mail",
          "Mer information finns på https://www.alingsas.se/kommun-och-politik/planer_och_program?id=42 "
          "och kan beställas via kommunstyrelsen@alingsas.se eller www.vgregion.se/regional-utveckling." },
        { "all-caps headings",
          "KOMMUNFULLMÄKTIGE\nSAMMANTRÄDESPROTOKOLL\nSTRANDSKYDDSDISPENS FÖR BRYGGA\n"
          "REGIONUTVECKLINGSNÄMNDEN\nDNR KS 2026/0123  § 45  SKR  MSB  VGR  LSS  SoL  HSL" },
        { "names and numbers",
          "Närvarande: Anna-Karin Ödman (S), Per-Olof McDonald (M), Lars Åberg (KD), "
          "Birgitta Hägg (C), Jan-Erik Strömqvist (L), Ebba Nygård (MP), Ali Hassan (V). "
          "Justerare: Ingrid Lövgren. Paragrafer 12–27. SFS 1997:858, 2014:1123, prop. 2012/13:144." },
        { "legal text with symbols",
          "Enligt 3 kap. 2 § miljöbalken (1998:808) ska hänsyn tas till t.ex. CO2-utsläpp, PM2.5 och "
          "e-hälsa; se bilaga 1a [s. 14] och avsnitt 4.2.1 (jfr 5 § första stycket)." },
        { "a table of contents",
          "Innehållsförteckning\n1 Förslag till riksdagsbeslut ..................3\n"
          "2 Lagtext ..............................................4\n"
          "2.1 Förslag till lag om ändring i lagen (1996:1512)............4\n" },
        /* an attachment's cover: the file path it was printed from, in capitals */
        { "a Windows path in capitals",
          "LÄGESBESKRIVNING RISKLINJEN 15 MARS 2011 Utredare: Anders Renström\nSekretariatet,\n"
          "landstingsdirektörens\nstab\n1\nC:\\USERS\\KJELLAKE\\APPDATA\\LOCAL\\MICROSOFT\\WINDOWS\\TEMPORARY\n"
          "INTERNET\nSENAST\nUTSKRIVET FILES\\CONTENT.OUTLOOK\\X26NR1PQ\\RISKLINJEN :51:00 NLL.DOC\n" },
    };
    for (size_t i = 0; i < sizeof normal / sizeof normal[0]; i++)
        check_garbled(normal[i].text, 0, normal[i].what);
    check_garbled("", 0, "empty text");
    check_garbled("%%% $$$ ||| ###", 0, "symbols without letters");
}

/* Speed: a 2 MB text must take well under 50 ms (a loose bound here, so a
 * sanitizer build or a busy machine does not fail it). */
static void
test_speed(void)
{
    const char *para = "Kommunens mål är att alla barn och unga ska ha tillgång till en likvärdig "
                       "utbildning, 12 345 tkr. ";
    size_t pn = strlen(para), n = 0, cap = 2u << 20;
    char *big = psi_malloc(cap + pn);
    while (n < cap) {
        memcpy(big + n, para, pn);
        n += pn;
    }
    CHECK(psi_lang_detect(big, n) == PSI_LANG_SV);
    CHECK(psi_text_garbled(big, n) == 0);
    free(big);
}

int
main(void)
{
    test_detect();
    test_codes();
    test_garbled();
    test_speed();
    return tap_done();
}

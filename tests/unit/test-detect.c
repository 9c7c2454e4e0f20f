/* test-detect.c: the detection rules on made-up inputs, with å/ä/ö in
 * upper and lower case, file names, metadata and front pages. Cases are
 * data: file, title, author, front text -> org, län, year, kind. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>

static const struct {
    const char *file, *title, *author, *front;
    const char *org;
    int lan, year;
    ps_kind kind;
} cases[] = {
    { "rfjl_vp_2014.pdf", "Verksamhetsplan och budget 2014", "Regionförbundet Jönköpings län",
      "RAPPORT 2013:04 Fastställd av Regionstyrelsen 20 juni 2013", "Regionförbundet Jönköpings län", 4, 2014,
      PS_KIND_VERKSAMHETSPLAN },
    { "doc.pdf", "", "", "KOMMUNFÖRBUNDET NORRBOTTENS styrelse KALLELSE till sammanträde Tid: Torsdagen den 15 september 2011",
      "Kommunförbundet Norrbotten", 20, 2011, PS_KIND_KALLELSE },
    { "arsred.pdf", "", "", "ÅRSREDOVISNING 2012 Region Skåne. Regionstyrelsen i Region Skåne", "Region Skåne", 9, 2012,
      PS_KIND_ARSREDOVISNING },
    { "protokoll_2016-03-01.pdf", "", "", "Protokoll fört vid sammanträde med styrelsen i Kommunalförbundet Gotland. Justerare: A",
      "Kommunalförbundet Gotland", 7, 2016, PS_KIND_PROTOKOLL },
    { "x.pdf", "", "", "Vi kommer att arbeta för Västernorrland. Kommunförbundet ska stödja. Verksamhetsplan 2013",
      "Kommunförbundet Västernorrland", 17, 2013, PS_KIND_VERKSAMHETSPLAN },
    { "strategi.pdf", "Regional utvecklingsstrategi för Östergötland 2030", "", "Östergötlands län strategi",
      "", 3, 2030, PS_KIND_STRATEGI },
    { "notes.pdf", "", "", "Ett dokument utan årtal om ingenting särskilt", "", -1, 0, PS_KIND_OTHER },
    /* a government bill: signed in Stockholm, with "protokoll" on its first page */
    { "prop.pdf", "", "", "Regeringens proposition 2008/09:5 Utdrag ur protokoll vid regeringssammanträde den 4 "
      "september 2008. Stockholm den 4 september 2008",
      "", -1, 2008, PS_KIND_OTHER },
    /* ... while a board's own minutes stay minutes, and a county named in the text still counts */
    { "prot.pdf", "", "", "Protokoll fört vid sammanträde med styrelsen. Justerare: A. Luleå den 15 september 2011. "
      "Norrbottens län",
      "", 20, 2011, PS_KIND_PROTOKOLL },
    /* the PDF author counts only when it names an organisation */
    { "vp.pdf", "Verksamhetsplan 2018", "Storsthlm", "", "Storsthlm", 0, 2018, PS_KIND_VERKSAMHETSPLAN },
    { "notes.pdf", "", "Ludvig Gustafson", "Ett dokument utan årtal", "", -1, 0, PS_KIND_OTHER },
    { "notes.pdf", "", "Nsd0318", "Ett dokument utan årtal", "", -1, 0, PS_KIND_OTHER },
    { "notes.pdf", "", "Administrator", "Ett dokument utan årtal", "", -1, 0, PS_KIND_OTHER },
    { "notes.pdf", "", "Arbetsmiljöverket", "Ett dokument utan årtal", "Arbetsmiljöverket", -1, 0, PS_KIND_OTHER },
    { "notes.pdf", "", "Region Gotland", "Ett dokument utan årtal", "Region Gotland", 7, 0, PS_KIND_OTHER },
};

int
main(void)
{
    psi_detector *d = NULL;
    ps_error e = PS_ERROR_INIT;
    CHECK(psi_detector_new(&d, &e) == PS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        psi_detect_input in = { cases[i].file, cases[i].title, cases[i].author, "", cases[i].front, cases[i].front };
        psi_detected got;
        psi_detect(d, &in, &got);
        printf("# case %zu: %s\n", i, cases[i].file);
        CHECK_STR(got.org, cases[i].org);
        CHECK(got.lan == cases[i].lan);
        CHECK(got.year == cases[i].year);
        CHECK(got.kind == cases[i].kind);
        free(got.org);
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

/* test-dates.c: dates, years and periods as documents write them, and
 * the template leftovers that are none of these. Cases are data. */
#include "plansok-private.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* text -> the dates found, as "Y-M-D" joined by spaces */
static const struct {
    const char *text, *want;
} date_cases[] = {
    { "Datum för beslut: 2026-06-16", "2026-6-16" },
    { "Antagen i regionfullmäktige 17 februari 2026", "2026-2-17" },
    { "Fastställd av Regionstyrelsen den 20 juni 2013.", "2013-6-20" },
    { "Datum för beslut: ÅÅÅ-MM-DD  Revideras senast: ÅÅÅÅ-MM-DD", "" },
    { "Beslut: Kultur- och utbildningsnämnden 2026-06-xx § x", "" },
    { "2026-02-30 is no day, 2024-02-29 is", "2024-2-29" },
    { "2023-02-29", "" },
    { "Datum: 2025–10–08; 2025—10—09 and 2025-10–10, 2025–10-11", "2025-10-8 2025-10-9" },
    { "Dnr KS 2013/375 och 2026.131 BUN", "" },
    { "12026-01-01 and 2026-01-011", "" },
    { "Luleå den 15 september 2011 och 2011-09-16", "2011-9-15 2011-9-16" },
    { "32 maj 2020, 1 Juni 2020", "2020-6-1" },
    { "Dato 6. juni 2023; Aarhus den 27. august 2025; 3. marts 2012; 1. desember 2019", "2023-6-6 2025-8-27 2012-3-3 2019-12-1" },
    { "kapitel 3. mars 2020 och 4.mars 2020", "2020-3-3" },
};

/* text -> the years found, "Y" or "Y-T" for a period */
static const struct {
    const char *text, *want;
} year_cases[] = {
    { "Budget 2027", "2027" },
    { "Lokalförsörjningsplan 2026-2031", "2026-2031" },
    { "Biblioteksplan 2027–2030", "2027-2030" },
    { "Regional utvecklingsstrategi 2021 – 2030 Med utblick mot 2045", "2021-2030 2045" },
    { "Datum för beslut: 2026-06-16", "" },
    { "Datum: 2025–10–08", "" },
    { "Beslut 2026-06-xx", "" },
    { "Dnr KS 2013/375, 2026.131 BUN, 2026:4", "" },
    { "Organisationsnummer 222000–2972", "" },
    { "Ramar 2028–2029 samt investeringsbudget 2027–2031", "2028-2029 2027-2031" },
    { "år 1850 och 2150 och 20255", "" },
    { "perioden 2030-2020 baklänges", "2030" },
    { "november 2017.", "2017" },
};

int
main(void)
{
    char got[256];
    for (size_t i = 0; i < sizeof date_cases / sizeof *date_cases; i++) {
        psi_datehit h[8];
        const char *t = date_cases[i].text;
        size_t n = psi_find_dates(t, strlen(t), h, 8);
        got[0] = '\0';
        for (size_t k = 0; k < n; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%d-%d-%d", k ? " " : "", h[k].y, h[k].m,
                     h[k].d);
        printf("# dates in: %s\n", t);
        CHECK_STR(got, date_cases[i].want);
    }
    for (size_t i = 0; i < sizeof year_cases / sizeof *year_cases; i++) {
        psi_yearhit h[8];
        const char *t = year_cases[i].text;
        size_t n = psi_find_years(t, strlen(t), h, 8);
        got[0] = '\0';
        for (size_t k = 0; k < n; k++) {
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%d", k ? " " : "", h[k].year);
            if (h[k].to)
                snprintf(got + strlen(got), sizeof got - strlen(got), "-%d", h[k].to);
        }
        printf("# years in: %s\n", t);
        CHECK_STR(got, year_cases[i].want);
    }
    /* offsets are bytes: after "Beslut 17 februari 2026" with å before */
    psi_datehit h;
    const char *t = "Fastställd å 2026-06-16";
    CHECK(psi_find_dates(t, strlen(t), &h, 1) == 1 && h.start == 15 && h.end == 25);
    return tap_done();
}

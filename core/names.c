/* names.c: the fixed vocabularies shared by detection, the tagger, the
 * index and the query language: document kinds, the 21 Swedish counties
 * (län), section kinds, and how a value typed in a query filter becomes
 * the term suffix the index stores (psi_vocab_term). */
#include "plansok-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[PS_KIND_COUNT] = {
    [PS_KIND_OTHER] = "other",
    [PS_KIND_VERKSAMHETSPLAN] = "verksamhetsplan",
    [PS_KIND_BUDGET] = "budget",
    [PS_KIND_KALLELSE] = "kallelse",
    [PS_KIND_PROTOKOLL] = "protokoll",
    [PS_KIND_ARSREDOVISNING] = "årsredovisning",
    [PS_KIND_STRATEGI] = "strategi",
    [PS_KIND_PLAN] = "plan",
    [PS_KIND_UPPFOLJNING] = "uppföljning",
    [PS_KIND_RAPPORT] = "rapport",
    [PS_KIND_TJANSTESKRIVELSE] = "tjänsteskrivelse",
};

/* Other names a kind answers to in filters and options. */
static const struct {
    const char *name;
    ps_kind kind;
} kind_aliases[] = {
    { "vp", PS_KIND_VERKSAMHETSPLAN },
    { "mål och budget", PS_KIND_BUDGET },
    { "budgetramar", PS_KIND_BUDGET },
    { "ramar", PS_KIND_BUDGET },
    { "program", PS_KIND_PLAN },
    { "handlingsplan", PS_KIND_PLAN },
    { "delårsrapport", PS_KIND_UPPFOLJNING },
    { "månadsuppföljning", PS_KIND_UPPFOLJNING },
    { "delårsbokslut", PS_KIND_UPPFOLJNING },
    { "granskning", PS_KIND_RAPPORT },
    { "utvärdering", PS_KIND_RAPPORT },
    { "verksamhetsberättelse", PS_KIND_ARSREDOVISNING },
    { "dagordning", PS_KIND_KALLELSE },
    { "föredragningslista", PS_KIND_KALLELSE },
    { "skrivelse", PS_KIND_TJANSTESKRIVELSE },
    { "övrigt", PS_KIND_OTHER },
};

/* Whether folded (already folded to ASCII) is name folded. */
static bool
folded_is(const char *folded, const char *name)
{
    char *g = psi_fold_ascii(name);
    bool same = strcmp(folded, g) == 0;
    free(g);
    return same;
}

const char *
ps_kind_name(ps_kind k)
{
    if ((int)k < 0 || k >= PS_KIND_COUNT)
        return "other";
    return kind_names[k];
}

int
ps_kind_parse(const char *name)
{
    char *f = psi_fold_ascii(name);
    int found = -1;
    for (int k = 0; k < PS_KIND_COUNT; k++)
        if (folded_is(f, kind_names[k]))
            found = k;
    for (size_t i = 0; found < 0 && i < sizeof kind_aliases / sizeof kind_aliases[0]; i++)
        if (folded_is(f, kind_aliases[i].name))
            found = (int)kind_aliases[i].kind;
    free(f);
    return found;
}

/* Official name, ASCII slug, and the stem that both the genitive form and
 * "Region X" share once folded to ASCII. */
static const struct {
    const char *name, *slug, *stem;
} lans[PS_LAN_COUNT] = {
    { "Stockholms län", "stockholm", "stockholm" },
    { "Uppsala län", "uppsala", "uppsala" },
    { "Södermanlands län", "sodermanland", "sodermanland" },
    { "Östergötlands län", "ostergotland", "ostergotland" },
    { "Jönköpings län", "jonkoping", "jonkoping" },
    { "Kronobergs län", "kronoberg", "kronoberg" },
    { "Kalmar län", "kalmar", "kalmar" },
    { "Gotlands län", "gotland", "gotland" },
    { "Blekinge län", "blekinge", "blekinge" },
    { "Skåne län", "skane", "skane" },
    { "Hallands län", "halland", "halland" },
    { "Västra Götalands län", "vastra-gotaland", "vastra gotaland" },
    { "Värmlands län", "varmland", "varmland" },
    { "Örebro län", "orebro", "orebro" },
    { "Västmanlands län", "vastmanland", "vastmanland" },
    { "Dalarnas län", "dalarna", "dalarna" },
    { "Gävleborgs län", "gavleborg", "gavleborg" },
    { "Västernorrlands län", "vasternorrland", "vasternorrland" },
    { "Jämtlands län", "jamtland", "jamtland" },
    { "Västerbottens län", "vasterbotten", "vasterbotten" },
    { "Norrbottens län", "norrbotten", "norrbotten" },
};

const char *
ps_lan_name(int lan)
{
    return lan >= 0 && lan < PS_LAN_COUNT ? lans[lan].name : "";
}

int
psi_lan_order(int lan)
{
    return lan >= 0 && lan < PS_LAN_COUNT ? lan : PS_LAN_COUNT;
}

const char *
ps_lan_slug(int lan)
{
    return lan >= 0 && lan < PS_LAN_COUNT ? lans[lan].slug : "";
}

int
ps_lan_parse(const char *text)
{
    char *f = psi_fold_ascii(text);
    /* Drop "region ", " lan", a trailing genitive s and separators. */
    char *p = f;
    for (char *q = f; *q; q++)
        if (*q == '-' || *q == '_')
            *q = ' ';
    if (strncmp(p, "region ", 7) == 0)
        p += 7;
    size_t n = strlen(p);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    if (n > 4 && strncmp(p + n - 4, " lan", 4) == 0)
        n -= 4;
    p[n] = '\0';
    int found = -1;
    for (int i = 0; i < PS_LAN_COUNT && found < 0; i++) {
        size_t sl = strlen(lans[i].stem);
        if (strcmp(p, lans[i].stem) == 0 || strcmp(p, lans[i].slug) == 0 ||
            (n == sl + 1 && strncmp(p, lans[i].stem, sl) == 0 && p[sl] == 's'))
            found = i;
    }
    free(f);
    if (found < 0) { /* a region's or länsstyrelse's name: "Västra Götalandsregionen", "VGR" */
        const psi_body *b = psi_register_lookup(text);
        if (b && (b->type == PSI_BODY_REGION || b->type == PSI_BODY_LANSSTYRELSE))
            found = b->lan;
    }
    return found;
}

const char *
ps_section_name(ps_section s)
{
    switch (s) {
    case PS_SECTION_MAL: return "mal";
    case PS_SECTION_INSATSER: return "insatser";
    case PS_SECTION_BUDGET: return "budget";
    case PS_SECTION_OTHER:
    case PS_SECTION_COUNT: break;
    }
    return "other";
}

const char *
ps_budget_role_name(ps_budget_role r)
{
    switch (r) {
    case PS_ROW_TOTAL: return "total";
    case PS_ROW_OF_WHICH: return "of_which";
    case PS_ROW_DIFFERENCE: return "difference";
    case PS_ROW_ITEM: break;
    }
    return "item";
}

const char *
ps_column_role_name(ps_column_role r)
{
    switch (r) {
    case PS_COL_TOTAL: return "total";
    case PS_COL_DIFFERENCE: return "difference";
    case PS_COL_ITEM: break;
    }
    return "item";
}

int
ps_section_parse(const char *name)
{
    char *f = psi_fold_ascii(name);
    int r = -1;
    for (int s = 0; s < PS_SECTION_COUNT; s++)
        if (!strcmp(f, ps_section_name((ps_section)s)))
            r = s;
    free(f);
    return r;
}

/* A year at s, digits only, within the years a plan can be for. */
static bool
year_at(const char *s, char **end, int *y)
{
    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    long v = strtol(s, end, 10);
    if (errno || v < PS_YEAR_MIN || v > PS_YEAR_MAX)
        return false;
    *y = (int)v;
    return true;
}

int
ps_years_parse(const char *text, int *from, int *to)
{
    char *end;
    int a, b;
    if (!text || !year_at(text, &end, &a))
        return -1;
    if (!*end)
        b = a;
    else if (strncmp(end, "..", 2) || !year_at(end + 2, &end, &b) || *end || b < a)
        return -1;
    *from = a;
    *to = b;
    return 0;
}

/* Lower case folded to ASCII, without spaces: "Region Jönköping" ->
 * "regionjonkoping" (organisation terms). */
static char *
fold_nospace(const char *value)
{
    char *f = psi_fold_ascii(value);
    char *w = f;
    for (char *r = f; *r; r++)
        if (*r != ' ')
            *w++ = *r;
    *w = '\0';
    return f;
}

/* Languages: codes and the names an analyst may type. */
const char *
psi_lang_code(psi_lang l)
{
    switch (l) {
    case PSI_LANG_UNKNOWN: return "";
    case PSI_LANG_SV: return "sv";
    case PSI_LANG_DA: return "da";
    case PSI_LANG_NO: return "no";
    case PSI_LANG_EN: return "en";
    }
    return "";
}

int
psi_lang_parse(const char *s)
{
    static const struct {
        const char *name;
        psi_lang lang;
    } names[] = {
        { "sv", PSI_LANG_SV },      { "swe", PSI_LANG_SV },     { "svenska", PSI_LANG_SV },
        { "swedish", PSI_LANG_SV }, { "da", PSI_LANG_DA },      { "dan", PSI_LANG_DA },
        { "dansk", PSI_LANG_DA },   { "danska", PSI_LANG_DA },  { "danish", PSI_LANG_DA },
        { "no", PSI_LANG_NO },      { "nb", PSI_LANG_NO },      { "nn", PSI_LANG_NO },
        { "nor", PSI_LANG_NO },     { "nob", PSI_LANG_NO },     { "nno", PSI_LANG_NO },
        { "norsk", PSI_LANG_NO },   { "norska", PSI_LANG_NO },  { "bokmål", PSI_LANG_NO },
        { "nynorsk", PSI_LANG_NO }, { "norwegian", PSI_LANG_NO }, { "en", PSI_LANG_EN },
        { "eng", PSI_LANG_EN },     { "engelska", PSI_LANG_EN }, { "english", PSI_LANG_EN },
    };
    if (!s)
        return -1;
    char *low = psi_fold_ascii(s); /* "Svenska", "BOKMÅL" -> "svenska", "bokmal" */
    int found = -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && found < 0; i++)
        if (folded_is(low, names[i].name))
            found = (int)names[i].lang;
    free(low);
    return found;
}

char *
psi_vocab_term(psi_vocab v, const char *value)
{
    switch (v) {
    case PSI_VOCAB_LAN: {
        int lan = ps_lan_parse(value);
        return lan >= 0 ? psi_strdup(ps_lan_slug(lan)) : NULL;
    }
    case PSI_VOCAB_KIND: {
        int k = ps_kind_parse(value);
        return k >= 0 ? fold_nospace(ps_kind_name((ps_kind)k)) : NULL;
    }
    case PSI_VOCAB_SECTION: {
        int k = ps_section_parse(value);
        return k >= 0 ? psi_strdup(ps_section_name((ps_section)k)) : NULL;
    }
    case PSI_VOCAB_ORG:
        return fold_nospace(value);
    case PSI_VOCAB_ORGCODE: {
        const psi_body *b = psi_register_lookup_typed(value);
        if (!b)
            b = psi_register_by_code(value);
        for (size_t i = 0; !b && value && i < psi_register_count(); i++) /* "f-avrf" for "F-avrf" */
            if (!strcasecmp(psi_register_get(i)->code, value))
                b = psi_register_get(i);
        return b ? psi_strdup(b->code) : NULL;
    }
    case PSI_VOCAB_LANG: {
        int l = psi_lang_parse(value);
        return l > 0 ? psi_strdup(psi_lang_code((psi_lang)l)) : NULL;
    }
    case PSI_VOCAB_NONE:
        break;
    }
    return NULL;
}

int
psi_unit_body_type(const char *unit)
{
    if (!unit || !*unit)
        return -1;
    if (!strncmp(unit, "region", 6))
        return PSI_BODY_REGION;
    if (strstr(unit, "nämnd") || !strncmp(unit, "kommun", 6) || strstr(unit, "förvaltning"))
        return PSI_BODY_KOMMUN;
    return -1;
}

/* names.c: the fixed vocabularies shared by detection, the tagger, the
 * index and the query language: document kinds, the 21 Swedish counties
 * (län), section kinds, and how a value typed in a query filter becomes
 * the term suffix the index stores (psi_vocab_term). */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[PS_KIND_COUNT] = {
    [PS_KIND_OTHER] = "other",
    [PS_KIND_VERKSAMHETSPLAN] = "verksamhetsplan",
    [PS_KIND_BUDGET] = "budget",
    [PS_KIND_KALLELSE] = "kallelse",
    [PS_KIND_PROTOKOLL] = "protokoll",
    [PS_KIND_ARSREDOVISNING] = "årsredovisning",
    [PS_KIND_STRATEGI] = "strategi",
};

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
    for (int k = 0; k < PS_KIND_COUNT; k++) {
        char *g = psi_fold_ascii(kind_names[k]);
        if (strcmp(f, g) == 0)
            found = k;
        free(g);
    }
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
    case PSI_VOCAB_NONE:
        break;
    }
    return NULL;
}

/* detect.c: organisation, län, year and document kind from a document's
 * file name, PDF metadata, first pages and body. All evidence is in the
 * rules table below: each rule adds its weight to a candidate value every
 * time its pattern matches in one of the places it applies to; the value
 * with the highest score wins. Patterns go through rx.c (PCRE2, UTF+UCP,
 * caseless). */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

typedef enum field { F_LAN, F_YEAR, F_KIND, F_ORG } field;

/* where a rule looks */
enum {
    W_FILE = 1,   /* base name, with _ and - read as spaces */
    W_META = 2,   /* PDF title and subject */
    W_AUTHOR = 4, /* PDF author */
    W_FRONT = 8,  /* first text pages */
    W_BODY = 16,  /* the whole text */
};

/* Year captures: group 1 is the year; YY rules give two digits. */
enum { V_CAPTURE = -1, V_YY = -2 };

typedef struct rule {
    field field;
    int value;        /* county, kind, or V_CAPTURE / V_YY */
    unsigned where;
    int weight;
    const char *pattern;
    const char *example;
} rule;

#define MONTHS "(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
#define DOCTITLE "(?:verksamhetsplan|budget|årsredovisning|verksamhetsberättelse|delårsrapport|strategi|handlingsplan|program)"
#define ORGTYPE "(?:Regionförbundet|Kommunförbundet|Kommunalförbundet|Landstinget|Länsstyrelsen|Samordningsförbundet)"

static const rule rules[] = {
    /* ---- län: the place name of each county, any inflection ---- */
    { F_LAN, 0, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\b(?:Stockholms?|Storsthlm|Storstockholms?)\\b", "Stockholms län, Storsthlm" },
    { F_LAN, 1, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bUppsala\\b", "Region Uppsala" },
    { F_LAN, 2, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bSörmlands?\\b|\\bSödermanlands?\\b", "Region Sörmland" },
    { F_LAN, 3, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bÖstergötlands?\\b", "Region Östergötland" },
    { F_LAN, 4, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bJönköpings?\\b", "Regionförbundet Jönköpings län" },
    { F_LAN, 5, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bKronobergs?\\b", "Region Kronoberg" },
    { F_LAN, 6, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bKalmar\\b", "Kalmar län" },
    { F_LAN, 7, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bGotlands?\\b", "Region Gotland" },
    { F_LAN, 8, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bBlekinge\\b", "Region Blekinge" },
    { F_LAN, 9, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bSkånes?\\b", "Region Skåne" },
    { F_LAN, 10, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bHallands?\\b", "Region Halland" },
    { F_LAN, 11, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bVästra Götalands?(?:regionen)?\\b", "Västra Götalandsregionen" },
    { F_LAN, 12, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bVärmlands?\\b", "Region Värmland" },
    { F_LAN, 13, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bÖrebro\\b", "Region Örebro län" },
    { F_LAN, 14, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bVästmanlands?\\b", "Region Västmanland" },
    { F_LAN, 15, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bDalarnas?\\b", "Region Dalarna" },
    { F_LAN, 16, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bGävleborgs?\\b", "Region Gävleborg" },
    { F_LAN, 17, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bVästernorrlands?\\b", "Kommunförbundet Västernorrland" },
    { F_LAN, 18, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bJämtlands?\\b|\\bJämtland Härjedalen\\b", "Region Jämtland Härjedalen" },
    { F_LAN, 19, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bVästerbottens?\\b", "Region Västerbotten" },
    { F_LAN, 20, W_FILE | W_META | W_AUTHOR | W_FRONT | W_BODY, 1, "\\bNorrbottens?\\b", "Kommunförbundet Norrbotten" },
    /* the place a document was signed in ("Stockholm den 4 september 2008") is not its county:
     * this takes back the point the place name got above */
    { F_LAN, V_CAPTURE, W_FRONT | W_BODY, -1, "\\b((?-i:[A-ZÅÄÖ])[\\wåäö]+)\\s+den\\s+\\d{1,2}\\s+" MONTHS "\\b", "Stockholm den 4 september 2008" },
    /* a county named together with an organisation counts more */
    { F_LAN, V_CAPTURE, W_META | W_AUTHOR | W_FRONT, 4, "\\b" ORGTYPE "\\s+(?:i\\s+)?((?-i:[A-ZÅÄÖ])[\\wåäö]+(?: Götalands)?)", "Kommunförbundet Norrbotten" },
    { F_LAN, V_CAPTURE, W_META | W_AUTHOR | W_FRONT, 4, "\\b(Storsthlm)\\b", "Storsthlm" },

    /* ---- year ---- */
    { F_YEAR, V_CAPTURE, W_META | W_FRONT, 10, "\\b" DOCTITLE "(?:\\s+(?:och|&)\\s+\\w+)?\\s+(?:för\\s+)?(?:år\\s+)?((?:19|20)\\d\\d)\\b(?![-–:]\\d)", "Verksamhetsplan och budget 2014" },
    { F_YEAR, V_CAPTURE, W_FRONT, 4, "\\b\\d{1,2}\\s+" MONTHS "\\s+((?:19|20)\\d\\d)\\b", "Torsdagen den 15 september 2011" },
    { F_YEAR, V_CAPTURE, W_FRONT, 2, "\\b((?:19|20)\\d\\d)-[01]\\d-[0-3]\\d\\b", "2011-09-15" },
    { F_YEAR, V_CAPTURE, W_FILE, 6, "(?<!\\d)((?:19|20)\\d\\d)(?!\\d)", "vp_budget_2014.pdf" },
    { F_YEAR, V_YY, W_FILE, 3, "(?<!\\d)(\\d\\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?!\\d)", "kallelse_110915.pdf" },
    { F_YEAR, V_CAPTURE, W_META | W_FRONT, 1, "(?<![\\d:/-])((?:19|20)\\d\\d)(?![\\d:/])", "any year on the first pages" },

    /* ---- kind ---- */
    { F_KIND, PS_KIND_KALLELSE, W_FILE | W_META | W_FRONT, 10, "\\bkallelse\\b", "KALLELSE till sammanträde" },
    { F_KIND, PS_KIND_KALLELSE, W_FRONT, 3, "\\bföredragningslista\\b", "Program och föredragningslista" },
    { F_KIND, PS_KIND_PROTOKOLL, W_FILE | W_META | W_FRONT, 8, "\\b(?:protokoll|sammanträdesprotokoll)\\b", "Protokoll fört vid sammanträde" },
    { F_KIND, PS_KIND_PROTOKOLL, W_FRONT, 3, "\\bjusterare\\b|\\bjusteras\\b", "Justerare: ..." },
    { F_KIND, PS_KIND_ARSREDOVISNING, W_FILE | W_META | W_FRONT, 8, "\\bårsredovisning\\b|\\bverksamhetsberättelse\\b", "Årsredovisning 2012" },
    { F_KIND, PS_KIND_VERKSAMHETSPLAN, W_FILE | W_META | W_FRONT, 8, "\\bverksamhetsplan\\b|\\bvp\\s?(?:19|20)\\d\\d\\b|\\bvp\\b", "Verksamhetsplan och budget 2014" },
    { F_KIND, PS_KIND_BUDGET, W_FILE | W_META | W_FRONT, 5, "\\b(?:budget|flerårsplan|mål och budget)\\s+(?:för\\s+)?(?:19|20)\\d\\d\\b", "Budget 2018" },
    /* government bills and directives: their "Utdrag ur protokoll vid regeringssammanträde"
     * does not make them a board's minutes */
    { F_KIND, PS_KIND_OTHER, W_META | W_FRONT, 12, "\\bregeringens\\s+proposition\\b|\\bprotokoll\\s+vid\\s+regeringssammanträde\\b|\\bkommittédirektiv\\b", "Regeringens proposition 2008/09:5" },
    { F_KIND, PS_KIND_STRATEGI, W_FILE | W_META | W_FRONT, 6, "\\b(?:\\w+strategi|strategi|strategisk plan|handlingsplan|utvecklingsprogram)\\b", "Regional utvecklingsstrategi" },

    /* ---- organisation: group 1 is the name ---- */
    /* the PDF author when it names an organisation, not a person or a login
     * ("Ludvig Gustafson", "Nsd0318", "Administrator" say nothing) */
    { F_ORG, V_CAPTURE, W_AUTHOR, 20,
      "^\\s*(?!.*\\d)(?!(?:administrat\\w*|admin|microsoft\\w*|användare|owner|user|unknown|författare)\\s*$)"
      "(?=.*(?:förbund|region|kommun|landsting|länsstyrelse|verket|myndighet|nämnd|styrelse|kansli|universitet|"
      "högskola|institut|förvaltning|rådet|kontor|departement|regeringen)|(?-i:[A-ZÅÄÖ])[\\wåäö]{2,}\\s*$)"
      "(.{3,80}?)\\s*$",
      "PDF author: Storsthlm" },
    { F_ORG, V_CAPTURE, W_META | W_FRONT | W_BODY, 3, "\\b(" ORGTYPE "\\s+(?:i\\s+)?(?-i:[A-ZÅÄÖ])[\\wåäö]+(?: Götalands)?(?:\\s+län\\b)?)", "Regionförbundet Jönköpings län" },
    { F_ORG, V_CAPTURE, W_META | W_FRONT, 2, "\\b(Region\\s+(?-i:[A-ZÅÄÖ])[\\wåäö]+(?:\\s+län\\b)?)", "Region Skåne" },
    { F_ORG, V_CAPTURE, W_META | W_FRONT | W_BODY, 3, "\\b(Storsthlm)\\b", "Storsthlm" },
    /* the bare type ("Kommunförbundet ska"): completed with the län below */
    { F_ORG, V_CAPTURE, W_FRONT | W_BODY, 1, "\\b(" ORGTYPE ")\\b(?!\\s+(?:i\\s+)?(?-i:[A-ZÅÄÖ]))", "Kommunförbundet ska" },
};

#define NRULES (sizeof rules / sizeof rules[0])

struct psi_detector {
    psi_rx *rx[NRULES];
};

ps_status
psi_detector_new(psi_detector **out, ps_error *err)
{
    psi_detector *d = psi_calloc(1, sizeof *d);
    for (size_t i = 0; i < NRULES; i++) {
        /* organisation names keep their case; everything else is caseless */
        ps_status st = psi_rx_new(rules[i].pattern, false, &d->rx[i], err);
        if (st != PS_OK) {
            psi_detector_free(d);
            *out = NULL;
            return st;
        }
    }
    *out = d;
    return PS_OK;
}

void
psi_detector_free(psi_detector *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < NRULES; i++)
        psi_rx_free(d->rx[i]);
    free(d);
}

/* Candidate organisation names and their scores. */
typedef struct orgcand {
    char *name;
    int score;
} orgcand;

/* "KOMMUNFÖRBUNDET NORRBOTTENS" -> "Kommunförbundet Norrbotten": words
 * capitalised (but "län", "i"), and a genitive s dropped when the county
 * name follows without "län". */
static char *
normalise_org(const char *s, size_t n)
{
    psi_buf b = PSI_BUF_INIT;
    bool start = true;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (!psi_utf8_next(s, n, &i, &cp))
            continue;
        if (cp == ' ' || cp == '\n') {
            if (b.len && b.s[b.len - 1] != ' ')
                psi_buf_addc(&b, ' ');
            start = true;
            continue;
        }
        cp = start ? psi_cp_upper(cp) : psi_cp_lower(cp);
        start = false;
        char enc[4];
        psi_buf_add(&b, enc, psi_utf8_encode(cp, enc));
    }
    char *r = psi_buf_detach(&b);
    size_t len = strlen(r);
    while (len && r[len - 1] == ' ')
        r[--len] = '\0';
    /* lower-case small words after the first */
    for (char *p = strchr(r, ' '); p; p = strchr(p + 1, ' ')) {
        if (!strncmp(p, " Län", 5) && (p[5] == '\0' || p[5] == ' '))
            memcpy(p + 1, "l", 1);
        if (!strncmp(p, " I ", 3))
            p[1] = 'i';
    }
    /* "Län" is "L\xC3\xA4n": first byte only was changed above */
    const char *last = strrchr(r, ' ');
    if (last && len > 1 && r[len - 1] == 's' && strcmp(last, " län") != 0) {
        char *word = psi_strdup(last + 1);
        word[strlen(word) - 1] = '\0';
        if (ps_lan_parse(word) >= 0)
            r[--len] = '\0';
        free(word);
    }
    return r;
}

static void
add_org(orgcand **v, size_t *n, char *name, int weight)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*v)[i].name, name) == 0) {
            (*v)[i].score += weight;
            free(name);
            return;
        }
    }
    *v = psi_realloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = (orgcand){ name, weight };
}

typedef struct scores {
    int lan[PS_LAN_COUNT];
    int kind[PS_KIND_COUNT];
    int year[60]; /* 1990 .. 2049 */
    orgcand *org;
    size_t norg;
} scores;

static void
apply(const psi_detector *d, size_t ri, const char *text, scores *sc)
{
    const rule *r = &rules[ri];
    size_t len = strlen(text);
    long ov[4];
    size_t at = 0;
    int matches = 0;
    while (at <= len && psi_rx_match(d->rx[ri], text, len, at, ov, 2)) {
        long s = ov[2] >= 0 ? ov[2] : ov[0], e = ov[2] >= 0 ? ov[3] : ov[1];
        switch (r->field) {
        case F_LAN:
            if (r->value >= 0) {
                sc->lan[r->value] += r->weight;
            } else {
                char *name = psi_strndup(text + s, (size_t)(e - s));
                int lan = ps_lan_parse(name);
                if (lan < 0 && strcmp(name, "Storsthlm") == 0)
                    lan = 0;
                if (lan >= 0)
                    sc->lan[lan] += r->weight;
                free(name);
            }
            break;
        case F_KIND:
            sc->kind[r->value] += r->weight;
            break;
        case F_YEAR: {
            int y = atoi(text + s);
            if (r->value == V_YY)
                y += 2000;
            if (y >= 1990 && y < 2050)
                sc->year[y - 1990] += r->weight;
            break;
        }
        case F_ORG:
            if (e > s)
                add_org(&sc->org, &sc->norg, normalise_org(text + s, (size_t)(e - s)), r->weight);
            break;
        }
        if (++matches > 10000)
            break;
        at = (size_t)ov[1] > at ? (size_t)ov[1] : at + 1;
        while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
            at++;
    }
}

/* The best candidate; a bare type ("Kommunförbundet") becomes the best
 * full name of that type, or the type with the county's place name. */
static char *
pick_org(const scores *sc, int lan)
{
    int best = 0;
    size_t bi = 0;
    for (size_t i = 0; i < sc->norg; i++)
        if (sc->org[i].score > best) {
            best = sc->org[i].score;
            bi = i;
        }
    if (best == 0)
        return psi_strdup("");
    const char *name = sc->org[bi].name;
    static const char *const types[] = { "Regionförbundet", "Kommunförbundet", "Kommunalförbundet",
                                         "Landstinget", "Länsstyrelsen", "Samordningsförbundet" };
    bool bare = false;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        bare |= strcmp(name, types[i]) == 0;
    if (!bare)
        return psi_strdup(name);
    size_t tl = strlen(name);
    int fbest = 0;
    size_t fi = 0;
    for (size_t i = 0; i < sc->norg; i++)
        if (!strncmp(sc->org[i].name, name, tl) && sc->org[i].name[tl] == ' ' && sc->org[i].score > fbest) {
            fbest = sc->org[i].score;
            fi = i;
        }
    if (fbest > 0)
        return psi_strdup(sc->org[fi].name);
    if (lan < 0)
        return psi_strdup(name);
    char *place = psi_strdup(ps_lan_name(lan));
    size_t pl = strlen(place);
    if (pl > 5 && !strcmp(place + pl - 5, " l\xC3\xA4n"))
        place[pl -= 5] = '\0';
    if (pl > 1 && place[pl - 1] == 's')
        place[--pl] = '\0';
    char *r = psi_asprintf("%s %s", name, place);
    free(place);
    return r;
}

static char *
spaced_file_name(const char *file)
{
    char *f = psi_strdup(file);
    char *dot = strrchr(f, '.');
    if (dot)
        *dot = '\0';
    for (char *p = f; *p; p++)
        if (*p == '_' || *p == '-' || *p == '.')
            *p = ' ';
    return f;
}

void
psi_detect(const psi_detector *d, const psi_detect_input *in, psi_detected *out)
{
    scores sc;
    memset(&sc, 0, sizeof sc);
    char *file = spaced_file_name(in->file ? in->file : "");
    psi_buf meta = PSI_BUF_INIT;
    psi_buf_adds(&meta, in->title ? in->title : "");
    psi_buf_adds(&meta, "\n");
    psi_buf_adds(&meta, in->subject ? in->subject : "");
    const struct {
        unsigned where;
        const char *text;
    } places[] = {
        { W_FILE, file },
        { W_META, psi_buf_str(&meta) },
        { W_AUTHOR, in->author ? in->author : "" },
        { W_FRONT, in->front ? in->front : "" },
        { W_BODY, in->body ? in->body : "" },
    };
    for (size_t ri = 0; ri < NRULES; ri++)
        for (size_t p = 0; p < sizeof places / sizeof places[0]; p++)
            if ((rules[ri].where & places[p].where) && places[p].text[0])
                apply(d, ri, places[p].text, &sc);

    out->lan = -1;
    int best = 0;
    for (int i = 0; i < PS_LAN_COUNT; i++)
        if (sc.lan[i] > best) {
            best = sc.lan[i];
            out->lan = i;
        }
    out->year = 0;
    best = 0;
    for (int i = 0; i < 60; i++)
        if (sc.year[i] > best) {
            best = sc.year[i];
            out->year = 1990 + i;
        }
    /* a kind needs more votes than the rules that say "none of these" */
    out->kind = PS_KIND_OTHER;
    best = sc.kind[PS_KIND_OTHER] > 0 ? sc.kind[PS_KIND_OTHER] : 0;
    for (int i = 1; i < PS_KIND_COUNT; i++)
        if (sc.kind[i] > best) {
            best = sc.kind[i];
            out->kind = (ps_kind)i;
        }
    out->org = pick_org(&sc, out->lan);
    for (size_t i = 0; i < sc.norg; i++)
        free(sc.org[i].name);
    free(sc.org);
    free(file);
    psi_buf_release(&meta);
}

/* detect.c: who published a document, for which county and year, and
 * what kind it is: read as a person reads it. docs/DETECTION.md is the
 * prose version of this file.
 *
 * A document has places, and a name weighs what its place weighs: the
 * headline of the first page (its largest lines), the rest of that page,
 * the running header and footer, the PDF metadata, the first pages, the
 * body. Organisations are the bodies of the register (core/register.c) a
 * place names — "Alingsås kommun", "VGR", "Kommunstyrelsen i Nacka", the
 * kommun's web address "alingsas.se" — and, in the strong places only,
 * a named förbund the register does not know. The county comes from the
 * organisation's register entry, or from a county named in the headline
 * or metadata; never from a place name in the body. Kinds and units are
 * the rule tables below; years, periods and dates come from dates.c and
 * the choice in pick_year. Unsure means unknown: a body mentioned only in
 * passing publishes nothing. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

typedef enum place { P_FILE, P_META, P_AUTHOR, P_HEAD, P_FIRST, P_RUNNING, P_SIGN, P_FRONT, P_BODY, P_COUNT } place;

#define W(p) (1u << (p))
#define STRONG (W(P_FILE) | W(P_META) | W(P_AUTHOR) | W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_SIGN))

/* What an organisation named in each place is worth. The body counts
 * once per mention, up to BODY_CAP. P_SIGN is the body that signs first
 * in a signature block on the last page. */
static const int org_weight[P_COUNT] = {
    [P_FILE] = 8, [P_META] = 8, [P_AUTHOR] = 10, [P_HEAD] = 12, [P_FIRST] = 8,
    [P_RUNNING] = 10, [P_SIGN] = 8, [P_FRONT] = 3, [P_BODY] = 1,
};
#define BODY_CAP 20
/* the least evidence for naming an organisation: one strong place, or
 * many mentions with no rival near (half as many); fewer when the
 * headline names a unit of that kind of body ("Socialnämnden" is some
 * kommun's: the one the text names) */
#define ORG_MIN_STRONG 8
#define ORG_MIN_BODY 6
#define ORG_MIN_UNIT 3

/* What a kind's words are worth in each place. */
static const int kind_weight[P_COUNT] = {
    [P_FILE] = 4, [P_META] = 10, [P_AUTHOR] = 0, [P_HEAD] = 20, [P_FIRST] = 5,
    [P_RUNNING] = 6, [P_SIGN] = 0, [P_FRONT] = 2, [P_BODY] = 0,
};

typedef enum rtype {
    R_KIND,    /* value: a ps_kind; bonus: added to the place's weight */
    R_UNIT,    /* group 1: a unit within the organisation */
    R_NOTUNIT, /* group 1: a unit named as someone else (a beställare) */
    R_UNITABBR, /* group 1: a unit's abbreviation in a decision or diarienummer ("Beslut: KUN") */
    R_ORGAN,   /* group 1: a kommun's place after an organ ("Kommunstyrelsen i Nacka") */
    R_DOMAIN,  /* group 1: a web address's name ("alingsas" of alingsas.se) */
    R_NAMED,   /* group 1: a förbund's own name, kept when the register lacks it */
    R_LOOKUP,  /* group 1: a name the register may know, written without å/ä/ö */
    R_CODE,    /* code: a register body that the phrase names */
    R_HORIZON, /* group 1: a year that is a horizon or a name, not the document's */
    R_DATED,   /* a label of the date the document was decided, adopted or
                  printed; the date itself is the first thing after it with
                  digits, read by dates.c */
    R_DATED_YEAR, /* group 1: only the year of it ("Tryck: 2013", "Dnr KS 2013/375") */
    R_LAN,     /* value: a county named in a strong place */
    R_FORBUND, /* group 1: a förbund named by its kind alone, "förbundet",
                  "Räddningstjänstförbundet" (group 1 "räddningstjänst") */
    R_MEMBERS, /* a förbund's words for its members: "medlemskommunerna" */
} rtype;

/* How far after a date's label its digits may start (characters). */
#define DATED_REACH 40

typedef struct rule {
    rtype type;
    int value;
    int bonus;
    unsigned where;
    const char *code;
    const char *pattern;
} rule;

#define FORBUND "(?:Regionförbundet|Kommunförbundet|Kommunalförbundet|Samordningsförbundet|Räddningstjänstförbundet)"
#define UNITWORD "(?:nämnd(?:en)?|styrelsen|fullmäktige|förvaltningen|revisionen|kontoret|utskottet)"
#define ANYW (W(P_FILE) | W(P_META) | W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_FRONT))

static const rule rules[] = {
    /* ---- kinds: the words of a title; the headline weighs most ---- */
    { R_KIND, PS_KIND_KALLELSE, 4, ANYW, NULL, "\\bkallelse\\b|\\bföredragningslista\\b|\\bdagordning\\b" },
    { R_KIND, PS_KIND_PROTOKOLL, 4, ANYW, NULL, "\\b(?:sammanträdes)?protokoll\\b|\\bprotokollsutdrag\\b" },
    { R_KIND, PS_KIND_PROTOKOLL, 0, W(P_FIRST) | W(P_FRONT), NULL, "\\bjusterare\\b|\\bjusteringens\\b|\\bjusteras\\b" },
    { R_KIND, PS_KIND_ARSREDOVISNING, 6, ANYW, NULL, "\\bårsredovisning\\b|\\bverksamhetsberättelse\\b|\\bårsbokslut\\b" },
    { R_KIND, PS_KIND_UPPFOLJNING, 5, ANYW, NULL,
      "\\b\\w*uppföljning\\b|\\bdelårsrapport\\b|\\bdelårsbokslut\\b|\\btertialrapport\\b|\\bprognos\\s+per\\b" },
    { R_KIND, PS_KIND_VERKSAMHETSPLAN, 6, ANYW, NULL, "\\bverksamhetsplan\\b|\\bvp\\s?(?:19|20)\\d\\d\\b" },
    { R_KIND, PS_KIND_BUDGET, 5, ANYW, NULL,
      "\\b(?:mål\\s+och\\s+budget|budget|budgetramar|flerårsplan|ramar|investeringsbudget)\\s+(?:för\\s+)?(?:år\\s+)?(?:19|20)\\d\\d\\b|"
      "\\bbudgetramar\\b|\\bbudgetunderlag\\b|\\bmål\\s+och\\s+budget\\b" },
    { R_KIND, PS_KIND_STRATEGI, 4, ANYW, NULL, "\\b\\w*strategi\\b|\\bstrategisk\\s+plan\\b" },
    { R_KIND, PS_KIND_PLAN, 0, ANYW, NULL,
      "\\b\\w+(?<!verksamhets)plan\\b|\\bplan\\s+för\\b|\\bprogram\\s+för\\b|\\b\\w*program\\b(?!\\s+och\\s+föredragningslista)" },
    { R_KIND, PS_KIND_RAPPORT, 0, ANYW, NULL,
      "\\brapport\\b|\\bgranskning\\b|\\bgenomlysning\\b|\\butvärdering\\b|\\butredning\\b|\\banalys\\b|\\brevisionsrapport\\b" },
    { R_KIND, PS_KIND_TJANSTESKRIVELSE, 6, ANYW, NULL, "\\btjänsteskrivelse\\b|\\btjänsteutlåtande\\b" },
    /* a governing document says what it is */
    { R_KIND, PS_KIND_PLAN, 14, W(P_FIRST), NULL, "\\btyp\\s+av\\s+styrdokument:\\s*(?:plan|program|handlingsplan)\\b" },
    { R_KIND, PS_KIND_STRATEGI, 14, W(P_FIRST), NULL, "\\btyp\\s+av\\s+styrdokument:\\s*strategi\\b" },
    /* government bills and directives: "Utdrag ur protokoll vid
     * regeringssammanträde" does not make them a board's minutes */
    { R_KIND, PS_KIND_OTHER, 30, W(P_META) | W(P_HEAD) | W(P_FIRST), NULL,
      "\\bregeringens\\s+proposition\\b|\\bprotokoll\\s+vid\\s+regeringssammanträde\\b|\\bkommittédirektiv\\b" },

    /* ---- units within the organisation ---- */
    { R_UNIT, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_META), NULL,
      "(?<![\\w-])((?:\\w+-\\s+(?:och|&)\\s+)?\\w+" UNITWORD "|\\w+ska\\s+nämnden|Koncernkontoret|Stadsrevisionen|"
      "Regionkansliet|Kommunledningskontoret)\\b" },
    { R_NOTUNIT, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING), NULL,
      "\\b(?:beställare|mottagare|till):\\s*((?:\\w+-\\s+(?:och|&)\\s+)?\\w+" UNITWORD ")" },

    { R_UNITABBR, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING), NULL,
      "\\b(?:beslut|beslutad|protokoll)\\s*:?\\s*((?-i:[A-ZÅÄÖ]{2,5}))\\b(?=\\s+(?:\\d|§))|"
      "\\b(?:dnr|diarienummer|diarienr)\\.?\\s*:?\\s*(?:(?-i:([A-ZÅÄÖ]{2,5}))\\s+\\d|\\d[\\d.:/-]*\\d\\s+(?-i:([A-ZÅÄÖ]{2,5}))\\b)" },

    /* ---- organisations the register knows, named indirectly ---- */
    { R_ORGAN, 0, 0, STRONG | W(P_FRONT) | W(P_BODY), NULL,
      "\\b(?:kommunstyrelsen|kommunfullmäktige|kommunrevisionen|\\w+nämnden|kommunen|stadsledningskontoret)\\s+i\\s+"
      "((?-i:[A-ZÅÄÖ])[\\wåäö]+(?:[ -](?-i:[A-ZÅÄÖ])[\\wåäö]+)?)" },
    { R_DOMAIN, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_FRONT), NULL,
      "(?<![\\w.@-])(?:www\\.)?([\\wåäö-]+)\\.se\\b(?![.-]\\w)" },
    /* a file name written by the publisher: "ramar-2027-for-alingsas-kommun.pdf" */
    { R_LOOKUP, 0, 0, W(P_FILE), NULL, "\\b([\\wåäö]+\\s+(?:kommun|stad)|region\\s+[\\wåäö]+)\\b" },
    { R_CODE, 0, 0, W(P_META) | W(P_HEAD) | W(P_FIRST), "S-regeringen",
      "\\bregeringens\\s+proposition\\b|\\bkommittédirektiv\\b|\\bregeringsbeslut\\b" },
    { R_NAMED, 0, 0, STRONG, NULL,
      "\\b(" FORBUND "\\h+(?:i\\h+)?(?-i:[A-ZÅÄÖ])[\\wåäö]+(?:\\h+(?-i:[A-ZÅÄÖ])[\\wåäö]+)?(?:\\h+län\\b)?)" },

    /* ---- years: horizons and names are not the document's year ---- */
    { R_HORIZON, 0, 0, ANYW, NULL,
      "\\b(?:mot|till|inför|utblick\\s+mot|vision|målbild(?:\\s+\\w+)?)\\s+((?:19|20)\\d\\d)\\b(?!\\s*[-–])" },
    { R_DATED_YEAR, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_FRONT), NULL,
      "\\b(?:tryck(?:år)?|utgiven|publicerad|fastställd|antagen)\\s*:?\\s*(?:år\\s+)?((?:19|20)\\d\\d)\\b(?![-–.\\d])|"
      "\\bdnr\\.?\\s*:?\\s*(?:[A-ZÅÄÖ]{1,5}\\s*)?((?:19|20)\\d\\d)/\\d+" },
    { R_DATED, 0, 0, W(P_HEAD) | W(P_FIRST) | W(P_RUNNING) | W(P_FRONT), NULL,
      "\\b(?:datum\\s+för\\s+beslut|datum|beslut(?:ad|at)?|antagen|antaget|fastställd|fastställt|godkänd|"
      "sammanträdesdatum|sammanträde|tryck|reviderad|uppdaterad|version|dato)\\b" },

    /* ---- a förbund that names itself by its kind alone ---- */
    { R_FORBUND, 0, 0, STRONG | W(P_FRONT) | W(P_BODY), NULL,
      "\\b(\\w*?)(?:kommunal|region|kommun)?förbundet\\b" },
    { R_MEMBERS, 0, 0, STRONG | W(P_FRONT) | W(P_BODY), NULL,
      "\\bmedlems(?:kommun|bidrag|avgift)\\w*|\\bmedlemskommuner\\w*" },

    /* ---- a county named in a strong place, for documents without a known publisher ---- */
    { R_LAN, -1, 0, W(P_META) | W(P_HEAD) | W(P_RUNNING), NULL,
      "\\b(?:för|i|region|länsstyrelsen\\s+i)\\s+((?-i:[A-ZÅÄÖ])[\\wåäö]+(?:\\s+(?-i:[A-ZÅÄÖ])[\\wåäö]+)?)(?:\\s+län)?\\b|"
      "\\b((?-i:[A-ZÅÄÖ])[\\wåäö]+(?:\\s+(?-i:[A-ZÅÄÖ])[\\wåäö]+)?)\\s+län\\b" },
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

void
psi_detected_release(psi_detected *d)
{
    free(d->org);
    free(d->org_code);
    free(d->unit);
    free(d->date);
    memset(d, 0, sizeof *d);
}

/* The abbreviations kommuner and regions use for their own units, in
 * decision lines and diarienummer ("Beslut: KUN 2026-06-16", "Dnr 2026.131
 * BUN"). Common usage; a kommun may use one for another unit, so these
 * weigh half of a unit written out. */
static const struct {
    const char *abbr, *unit;
} unit_abbreviations[] = {
    { "KF", "kommunfullmäktige" },       { "KS", "kommunstyrelsen" },
    { "KSAU", "kommunstyrelsens arbetsutskott" },
    { "BUN", "barn- och ungdomsnämnden" }, { "UN", "utbildningsnämnden" },
    { "SN", "socialnämnden" },           { "SOCN", "socialnämnden" },
    { "VON", "vård- och omsorgsnämnden" }, { "ÄN", "äldrenämnden" },
    { "KUN", "kultur- och utbildningsnämnden" }, { "KFN", "kultur- och fritidsnämnden" },
    { "TN", "tekniska nämnden" },        { "TEN", "tekniska nämnden" },
    { "BMN", "bygg- och miljönämnden" }, { "MBN", "miljö- och byggnämnden" },
    { "SBN", "samhällsbyggnadsnämnden" }, { "ÖFN", "överförmyndarnämnden" },
    { "RS", "regionstyrelsen" },         { "RF", "regionfullmäktige" },
    { "HSN", "hälso- och sjukvårdsnämnden" },
};

static const char *
unit_abbreviation(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof unit_abbreviations / sizeof unit_abbreviations[0]; i++)
        if (strlen(unit_abbreviations[i].abbr) == n && !memcmp(unit_abbreviations[i].abbr, s, n))
            return unit_abbreviations[i].unit;
    return NULL;
}

/* ------------------------------------------------------------ evidence */

/* A candidate organisation: a register body, or a name it lacks. */
typedef struct orgcand {
    const psi_body *body;
    char *name;
    int score;     /* all places */
    int strong;    /* places other than the front pages and the body */
    int body_hits; /* mentions in the body, for the cap */
} orgcand;

typedef struct namecand {
    char *name;
    int score;
} namecand;

typedef struct evidence {
    orgcand *org;
    size_t norg;
    namecand *unit;
    size_t nunit;
    int kind[PS_KIND_COUNT];
    int lan[PS_LAN_COUNT];
    psi_datehit dated; /* the first labelled date in the strongest place */
    int dated_place;
    int dated_year;    /* a labelled year without the day ("Tryck: 2013") */
    bool horizon[200]; /* 1900..2099 */
    int forbund;       /* mentions of a förbund by its kind alone */
    int members;       /* ... and of its members ("medlemskommunerna") */
    char *forbund_kind; /* the first kind word, "räddningstjänst", or NULL */
} evidence;

static void
add_org(evidence *ev, const psi_body *body, const char *name, place p)
{
    orgcand *c = NULL;
    for (size_t i = 0; i < ev->norg && !c; i++)
        if (body ? ev->org[i].body == body : (!ev->org[i].body && strcmp(ev->org[i].name, name) == 0))
            c = &ev->org[i];
    if (!c) {
        ev->org = psi_realloc(ev->org, (ev->norg + 1) * sizeof *ev->org);
        c = &ev->org[ev->norg++];
        *c = (orgcand){ body, psi_strdup(body ? body->name : name), 0, 0, 0 };
    }
    if (p == P_BODY) {
        if (c->body_hits++ >= BODY_CAP)
            return;
    }
    c->score += org_weight[p];
    if (W(p) & STRONG)
        c->strong += org_weight[p];
}

static void
add_name(namecand **v, size_t *n, char *name, int weight)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i].name, name) == 0) {
            (*v)[i].score += weight;
            free(name);
            return;
        }
    *v = psi_realloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = (namecand){ name, weight };
}

/* "Barn- och ungdomsnämnden" -> "barn- och ungdomsnämnden"; "STADSREVISIONEN" too. */
static char *
lower_name(const char *s, size_t n)
{
    psi_buf b = PSI_BUF_INIT;
    psi_lower_append(&b, s, n);
    /* one space for each run of spaces, tabs and line breaks */
    size_t w = 0;
    for (size_t r = 0; r < b.len; r++) {
        char c = b.s[r] == '\n' || b.s[r] == '\t' ? ' ' : b.s[r];
        if (c != ' ' || !w || b.s[w - 1] != ' ')
            b.s[w++] = c;
    }
    b.len = w;
    b.s[w] = '\0';
    return psi_buf_detach(&b);
}

/* Whether the name at s is named as a partner, not as the publisher:
 * "samverkan mellan kommunerna och Region Skåne", "i samarbete med VGR". */
#define PARTNER_REACH 80

static bool
partner(const char *t, size_t s)
{
    size_t from = s > PARTNER_REACH ? s - PARTNER_REACH : 0;
    static const char *const cues[] = { "mellan ", "Mellan ", "samverkan med ", "samarbete med ",
                                        "tillsammans med ", "överenskommelse med " };
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t n = strlen(cues[c]);
        for (size_t i = from; i + n <= s; i++)
            if (!memcmp(t + i, cues[c], n))
                return true;
    }
    return false;
}

/* Whether the name at [s, e) of the first page stands as a letterhead
 * does: a short line of its own, the start of a line, or after a label
 * ("Gäller för: Alingsås kommun"); not a mention inside a sentence
 * ("Staten och Sveriges Kommuner och Landsting tecknade ..."). */
#define LETTERHEAD_LINE 80

static bool
letterhead(const char *t, size_t len, size_t s, size_t e)
{
    /* at most a line's worth either way: a page of one long line costs
     * no more than a page of short ones */
    size_t ls = s, le = e;
    while (ls > 0 && t[ls - 1] != '\n' && s - ls <= LETTERHEAD_LINE)
        ls--;
    while (le < len && t[le] != '\n' && le - e <= LETTERHEAD_LINE)
        le++;
    bool line_start = ls == 0 || t[ls - 1] == '\n', line_end = le == len || t[le] == '\n';
    size_t b = s;
    while (b > ls && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    return (line_start && line_end && le - ls <= LETTERHEAD_LINE) || (b == ls && line_start) ||
           (b > 0 && t[b - 1] == ':');
}

/* Organisations named in one place: the register's names, each body once
 * per place but in the body. On the first page a mention inside a
 * sentence weighs what the front pages weigh. */
static void
scan_register(evidence *ev, const char *text, place p)
{
    size_t len = strlen(text);
    enum { MAXM = 4096 };
    psi_body_match *m = psi_malloc(MAXM * sizeof *m);
    size_t n = psi_register_scan(text, len, m, MAXM);
    for (size_t i = 0; i < n; i++) {
        if (p == P_BODY) {
            add_org(ev, m[i].body, NULL, p);
            continue;
        }
        bool again = false, strong = p != P_FIRST;
        for (size_t k = 0; k < i && !again; k++)
            again = m[k].body == m[i].body;
        if (again)
            continue;
        for (size_t k = i; k < n && !strong; k++)
            strong = m[k].body == m[i].body && letterhead(text, len, m[k].start, m[k].end);
        /* a partner in a title is not the one who publishes: a mention in passing */
        bool all_partner = true;
        for (size_t k = i; k < n && all_partner; k++)
            all_partner = m[k].body != m[i].body || partner(text, m[k].start);
        add_org(ev, m[i].body, NULL, all_partner ? P_BODY : strong ? p : P_FRONT);
    }
    free(m);
}

/* A signature block on the last page: a body's name as a line of its own
 * with, within a few lines after it, a signatory's title ("KOMMUNFÖRBUNDET
 * SKÅNE  REGION SKÅNE / Stefan Lundgren / Förbundsordförande"). The body
 * named first signs first: the document is its; a body that signs beside
 * it is a party to it, and its name is counted in the body already. */
#define SIGN_REACH 240

static bool
signatory_after(const char *t, size_t len, size_t e)
{
    size_t to = e + SIGN_REACH < len ? e + SIGN_REACH : len;
    while (to < len && ((unsigned char)t[to] & 0xC0) == 0x80)
        to++;
    char *low = lower_name(t + e, to - e);
    static const char *const titles[] = { "ordförande", "direktör", "förvaltningschef", "förbundschef" };
    bool found = false;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0] && !found; i++)
        found = strstr(low, titles[i]) != NULL;
    free(low);
    return found;
}

/* Whether [s, e) fills its line, or its cell of a line the layout split
 * at wide gaps (tabs): "KOMMUNFÖRBUNDET SKÅNE\tREGION SKÅNE". */
static bool
fills_cell(const char *t, size_t len, size_t s, size_t e)
{
    while (s > 0 && t[s - 1] == ' ')
        s--;
    while (e < len && t[e] == ' ')
        e++;
    return (s == 0 || t[s - 1] == '\n' || t[s - 1] == '\t') && (e == len || t[e] == '\n' || t[e] == '\t');
}

static bool
only_spaces(const char *t, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (t[i] != ' ' && t[i] != '\t')
            return false;
    return to > from;
}

static void
scan_signature(evidence *ev, const char *text)
{
    size_t len = strlen(text);
    enum { MAXM = 4096 };
    psi_body_match *m = psi_malloc(MAXM * sizeof *m);
    size_t n = psi_register_scan(text, len, m, MAXM);
    for (size_t i = 0; i < n; i++) {
        /* names side by side that the layout kept on one line with a space
         * ("KOMMUNFÖRBUNDET SKÅNE REGION SKÅNE") fill it together */
        size_t s = m[i].start, e = m[i].end;
        for (size_t k = i + 1; k < n && m[k].start >= e && only_spaces(text, e, m[k].start); k++)
            e = m[k].end;
        for (size_t k = i; k > 0 && m[k - 1].end <= s && only_spaces(text, m[k - 1].end, s); k--)
            s = m[k - 1].start;
        if (fills_cell(text, len, s, e) && signatory_after(text, len, m[i].end)) {
            add_org(ev, m[i].body, NULL, P_SIGN);
            break;
        }
    }
    free(m);
}

static void
apply(const psi_detector *d, size_t ri, const char *text, place p, evidence *ev)
{
    const rule *r = &rules[ri];
    size_t len = strlen(text);
    long ov[8];
    size_t at = 0;
    int matches = 0;
    bool seen = false; /* kinds and codes count once per place */
    while (at <= len && psi_rx_match(d->rx[ri], text, len, at, ov, 4)) {
        long s = ov[2] >= 0 ? ov[2] : ov[4] >= 0 ? ov[4] : ov[0];
        long e = ov[2] >= 0 ? ov[3] : ov[4] >= 0 ? ov[5] : ov[1];
        char *g = psi_strndup(text + s, (size_t)(e - s));
        switch (r->type) {
        case R_KIND:
            /* the bonus is for titles, not for words in passing */
            if (!seen && kind_weight[p])
                ev->kind[r->value] += kind_weight[p] + (kind_weight[p] >= 5 ? r->bonus : 0);
            seen = true;
            break;
        case R_UNIT: {
            char *u = lower_name(g, strlen(g));
            if (strcmp(u, "länsstyrelsen") != 0) /* a body of its own */
                add_name(&ev->unit, &ev->nunit, u, org_weight[p]);
            else
                free(u);
            break;
        }
        case R_UNITABBR: {
            /* the third group: "2026.131 BUN" */
            const char *u = unit_abbreviation(ov[6] >= 0 ? text + ov[6] : g, ov[6] >= 0 ? (size_t)(ov[7] - ov[6]) : strlen(g));
            if (u)
                add_name(&ev->unit, &ev->nunit, psi_strdup(u), org_weight[p] / 2);
            break;
        }
        case R_NOTUNIT:
            add_name(&ev->unit, &ev->nunit, lower_name(g, strlen(g)), -org_weight[p]);
            break;
        case R_ORGAN:
        case R_DOMAIN: {
            const psi_body *b = psi_register_kommun_by_place(g);
            if (b && (r->type == R_ORGAN || p != P_FRONT || !seen))
                add_org(ev, b, NULL, p);
            seen |= b != NULL;
            break;
        }
        case R_CODE: {
            const psi_body *b = psi_register_by_code(r->code);
            if (b && !seen)
                add_org(ev, b, NULL, p);
            seen = true;
            break;
        }
        case R_NAMED: {
            const psi_body *b = psi_register_lookup(g);
            add_org(ev, b, g, p);
            break;
        }
        case R_LOOKUP: {
            const psi_body *b = psi_register_lookup(g);
            if (b) /* a partner named in a file name is not the publisher either */
                add_org(ev, b, NULL, partner(text, (size_t)s) ? P_BODY : p);
            break;
        }
        case R_HORIZON: {
            int y = atoi(g);
            if (y >= 1900 && y < 2100)
                ev->horizon[y - 1900] = true;
            break;
        }
        case R_DATED: {
            /* the date when the first digits within a short reach of the label start one */
            size_t to = (size_t)ov[1], chars = 0;
            while (to < len && !(text[to] >= '0' && text[to] <= '9') && chars <= DATED_REACH)
                chars += ((unsigned char)text[to++] & 0xC0) != 0x80;
            size_t end = to + 32 < len ? to + 32 : len;
            psi_datehit h;
            if (to < len && psi_find_dates(text + to, end - to, &h, 1) == 1 && h.start == 0 &&
                (!ev->dated.y || p < (place)ev->dated_place)) {
                ev->dated = h;
                ev->dated_place = (int)p;
            }
            break;
        }
        case R_DATED_YEAR: {
            int y = atoi(g);
            if (y >= 1900 && y < 2100 && !ev->dated_year)
                ev->dated_year = y;
            break;
        }
        case R_LAN: {
            int lan = ps_lan_parse(g);
            if (lan >= 0)
                ev->lan[lan] += org_weight[p];
            break;
        }
        case R_MEMBERS:
            ev->members++;
            break;
        case R_FORBUND:
            ev->forbund++;
            if (*g && !ev->forbund_kind)
                ev->forbund_kind = lower_name(g, strlen(g));
            break;
        }
        free(g);
        if (++matches > 10000)
            break;
        at = (size_t)ov[1] > at ? (size_t)ov[1] : at + 1;
        while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
            at++;
    }
}

/* ------------------------------------------------------------- choices */

/* 0 when name ends with unit, ignoring case (unit is lower case already). */
static int
ends_with_unit(const char *name, const char *unit)
{
    char *low = lower_name(name, strlen(name));
    size_t nl = strlen(low), ul = strlen(unit);
    int r = nl >= ul ? strcmp(low + nl - ul, unit) : 1;
    free(low);
    return r;
}

static const orgcand *
pick_org(const evidence *ev, int unit_type)
{
    /* named in a strong place: of those, the one with most evidence; a
     * body mentioned often in the body does not outweigh it */
    const orgcand *best = NULL;
    for (size_t i = 0; i < ev->norg; i++)
        if (ev->org[i].strong >= ORG_MIN_STRONG && (!best || ev->org[i].score > best->score))
            best = &ev->org[i];
    if (best)
        return best;
    /* named in passing only: the most mentioned, of the unit's kind of
     * body when the document names a unit, with no rival near it (every
     * mention counted here: the cap is for weighing against strong places) */
    const orgcand *first = NULL, *second = NULL;
    int s1 = 0, s2 = 0;
    for (size_t i = 0; i < ev->norg; i++) {
        const orgcand *c = &ev->org[i];
        if (unit_type >= 0 && (!c->body || (int)c->body->type != unit_type))
            continue;
        int s = c->score + (c->body_hits > BODY_CAP ? c->body_hits - BODY_CAP : 0);
        if (!first || s > s1) {
            second = first;
            s2 = s1;
            first = c;
            s1 = s;
        } else if (!second || s > s2) {
            second = c;
            s2 = s;
        }
    }
    int need = unit_type >= 0 ? ORG_MIN_UNIT : ORG_MIN_BODY;
    if (first && s1 >= need && (!second || s1 >= 2 * s2))
        return first;
    return NULL;
}

/* Whether the lower-case name holds the lower-case word w whole. */
static bool
has_name_word(const char *low, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = low; (p = strstr(p, w)); p++)
        if ((p == low || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ' || p[n] == ','))
            return true;
    return false;
}

/* A förbund that calls itself "förbundet" or by its kind alone
 * ("Räddningstjänstförbundet") and speaks of its members
 * ("medlemskommunerna", "medlemsbidrag"): the register's förbund whose
 * name holds two or more of the kommuner the text names, no kommun named
 * more often than they, and its kind when the text gives one ("Alingsås och
 * Vårgårda räddningstjänstförbund" for a budget of "förbundet" whose
 * members are "Alingsås kommun" and "Vårgårda kommun"). NULL when none,
 * or two, fit. */
static const psi_body *
member_forbund(const evidence *ev)
{
    if (!ev->forbund || !ev->members)
        return NULL;
    /* the kommuner the text names, by their place words */
    char **places = psi_calloc(ev->norg + 1, sizeof *places);
    for (size_t k = 0; k < ev->norg; k++) {
        const psi_body *b = ev->org[k].body;
        if (b && b->type == PSI_BODY_KOMMUN && *b->place)
            places[k] = lower_name(b->place, strlen(b->place));
    }
    const psi_body *best = NULL;
    int best_n = 0;
    bool tie = false, first = false; /* its kommuner are the ones the text names most */
    for (size_t i = 0; i < psi_register_count(); i++) {
        const psi_body *f = psi_register_get(i);
        if (f->type != PSI_BODY_FORBUND)
            continue;
        char *low = lower_name(f->name, strlen(f->name));
        int n = 0, least_in = -1, most_out = 0;
        if (!ev->forbund_kind || strstr(low, ev->forbund_kind))
            for (size_t k = 0; k < ev->norg; k++) {
                if (!places[k])
                    continue;
                bool in = has_name_word(low, places[k]);
                n += in;
                if (in && (least_in < 0 || ev->org[k].score < least_in))
                    least_in = ev->org[k].score;
                if (!in && ev->org[k].score > most_out)
                    most_out = ev->org[k].score;
            }
        free(low);
        if (n > best_n) {
            best = f;
            best_n = n;
            tie = false;
            first = least_in >= most_out;
        } else if (n == best_n && n) {
            tie = true;
        }
    }
    for (size_t k = 0; k < ev->norg; k++)
        free(places[k]);
    free(places);
    /* not a paper of another förbund that names these two in passing */
    return best_n >= 2 && !tie && first ? best : NULL;
}

/* The year the document is for. A year in the headline or title names it
 * ("Budget 2027", "Genomlysning 2026–2027"), unless it is a horizon far
 * from the date the document was decided or written ("Storkoll 2050");
 * then the date's year. Without either, the years of the first pages and
 * the file name vote. */
static void
pick_year(const psi_detect_input *in, const evidence *ev, psi_detected *out)
{
    const char *titled[] = { in->headline, in->title, in->file };
    psi_yearhit y[64];
    int title_year = 0, from = 0, to = 0;
    for (size_t t = 0; t < sizeof titled / sizeof *titled && !title_year; t++) {
        if (!titled[t])
            continue;
        size_t n = psi_find_years(titled[t], strlen(titled[t]), y, 64);
        for (size_t i = 0; i < n && !title_year; i++) {
            if (ev->horizon[y[i].year - 1900] && !y[i].to)
                continue;
            title_year = y[i].year;
            if (y[i].to) {
                from = y[i].year;
                to = y[i].to;
            }
        }
    }
    int dated = ev->dated.y ? ev->dated.y : ev->dated_year;
    if (!dated) { /* an undescribed date on the first page: the day it was written */
        psi_datehit h;
        if (in->headline && psi_find_dates(in->headline, strlen(in->headline), &h, 1))
            dated = h.y;
        else if (in->first && psi_find_dates(in->first, strlen(in->first), &h, 1))
            dated = h.y;
        else if (in->file && psi_find_dates(in->file, strlen(in->file), &h, 1))
            dated = h.y; /* "protokoll_2016-03-01.pdf" */
    }
    out->period_from = from;
    out->period_to = to;
    /* a report, follow-up or minutes is of its own year: a later year in its
     * title ("Prognos 2027" written in March 2026) is what it looks ahead to */
    bool looks_back = out->kind == PS_KIND_RAPPORT || out->kind == PS_KIND_UPPFOLJNING ||
                      out->kind == PS_KIND_PROTOKOLL || out->kind == PS_KIND_KALLELSE ||
                      out->kind == PS_KIND_TJANSTESKRIVELSE || out->kind == PS_KIND_ARSREDOVISNING;
    if (looks_back && dated && title_year > dated)
        title_year = 0;
    if (title_year && (!dated || (title_year >= dated - 2 && title_year <= dated + 4)))
        out->year = title_year;
    else if (dated)
        out->year = dated;
    else /* the year the PDF was made: better than none, for a draft */
        out->year = in->created_year >= 1990 ? in->created_year : 0;
}

/* "2026-06-16", or "2013" when only a year is stated, or "". */
static char *
iso_date(const psi_datehit *h, int year)
{
    if (h->y)
        return psi_asprintf("%04d-%02d-%02d", h->y, h->m, h->d);
    return year ? psi_asprintf("%04d", year) : psi_strdup("");
}

void
psi_detect(const psi_detector *d, const psi_detect_input *in, psi_detected *out)
{
    memset(out, 0, sizeof *out);
    evidence ev;
    memset(&ev, 0, sizeof ev);
    char *file = psi_strdup(in->file ? in->file : "");
    char *dot = strrchr(file, '.');
    if (dot)
        *dot = '\0';
    for (char *p = file; *p; p++)
        if (*p == '_' || *p == '-')
            *p = ' ';
    psi_buf meta = PSI_BUF_INIT;
    psi_buf_adds(&meta, in->title ? in->title : "");
    psi_buf_adds(&meta, "\n");
    psi_buf_adds(&meta, in->subject ? in->subject : "");
    const char *text[P_COUNT] = {
        [P_FILE] = file,
        [P_META] = psi_buf_str(&meta),
        [P_AUTHOR] = in->author,
        [P_HEAD] = in->headline,
        [P_FIRST] = in->first,
        [P_RUNNING] = in->running,
        [P_SIGN] = in->closing,
        [P_FRONT] = in->front,
        [P_BODY] = in->body,
    };
    for (int p = 0; p < P_COUNT; p++) {
        if (!text[p] || !text[p][0])
            continue;
        if (p == P_SIGN)
            scan_signature(&ev, text[p]);
        else if (p != P_FILE)
            scan_register(&ev, text[p], (place)p);
        for (size_t ri = 0; ri < NRULES; ri++)
            if (rules[ri].where & W(p))
                apply(d, ri, text[p], (place)p, &ev);
    }
    /* the PDF author as a whole name ("VGR Inhouse" is scanned above) */
    const psi_body *ab = in->author && *in->author ? psi_register_lookup(in->author) : NULL;
    if (ab)
        add_org(&ev, ab, NULL, P_AUTHOR);

    int best = 0;
    out->unit = psi_strdup("");
    for (size_t i = 0; i < ev.nunit; i++)
        if (ev.unit[i].score > best) {
            best = ev.unit[i].score;
            free(out->unit);
            out->unit = psi_strdup(ev.unit[i].name);
        }
    /* a document in Danish or Norwegian is no Swedish body's */
    bool foreign = in->lang == PSI_LANG_DA || in->lang == PSI_LANG_NO;
    const orgcand *org = foreign ? NULL : pick_org(&ev, psi_unit_body_type(out->unit));
    const psi_body *fb = org || foreign ? NULL : member_forbund(&ev);
    if (fb) {
        add_org(&ev, fb, NULL, P_FRONT);
        for (size_t i = 0; i < ev.norg && !org; i++)
            if (ev.org[i].body == fb)
                org = &ev.org[i];
    }
    out->org = psi_strdup(org ? org->name : "");
    out->org_code = psi_strdup(org && org->body ? org->body->code : "");
    /* no unit for a foreign document, nor one that is the organisation's own
     * name ("reklamationsnämnden" of Allmänna reklamationsnämnden) */
    if (foreign || (org && *out->unit && strlen(org->name) >= strlen(out->unit) &&
                    !ends_with_unit(org->name, out->unit))) {
        free(out->unit);
        out->unit = psi_strdup("");
    }
    out->lan = -1;
    if (org && org->body)
        out->lan = org->body->lan;
    else if (org) { /* a förbund named for its county: "Kommunalförbundet Gotland" */
        const char *sp = strchr(org->name, ' ');
        out->lan = sp ? ps_lan_parse(sp + 1) : -1;
    }
    if (out->lan < 0 && !(org && org->body) && !foreign) {
        best = 0;
        for (int i = 0; i < PS_LAN_COUNT; i++)
            if (ev.lan[i] > best) {
                best = ev.lan[i];
                out->lan = i;
            }
    }
    /* a kind needs more than the rules that say "none of these" */
    out->kind = PS_KIND_OTHER;
    best = ev.kind[PS_KIND_OTHER] > 4 ? ev.kind[PS_KIND_OTHER] : 4;
    for (int i = 1; i < PS_KIND_COUNT; i++)
        if (ev.kind[i] > best) {
            best = ev.kind[i];
            out->kind = (ps_kind)i;
        }
    pick_year(in, &ev, out);
    out->date = iso_date(&ev.dated, ev.dated_year);

    for (size_t i = 0; i < ev.norg; i++)
        free(ev.org[i].name);
    free(ev.org);
    for (size_t i = 0; i < ev.nunit; i++)
        free(ev.unit[i].name);
    free(ev.unit);
    free(ev.forbund_kind);
    free(file);
    psi_buf_release(&meta);
}

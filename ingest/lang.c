/* lang.c: the language of extracted text (Swedish, Danish, Norwegian,
 * English) and whether a page's text is garbled, in pure C. It owns the
 * word table and the thresholds below; it does not read PDFs, touch the
 * index or decide what a caller does with the answer.
 *
 * One pass (scan) cuts the text at white space into tokens and measures
 * each; both public functions read the same counts.
 *
 * Language. Every token, lower-cased with its edge punctuation trimmed, is
 * looked up in `words` (one sorted table: a word and the languages that use
 * it as an everyday function word). A hit adds 2 to each language of its
 * set, so words shared by all of sv/da/no count against English only and
 * words shared by da/no count against Swedish. Orthography adds 1 per word:
 * ä or ö (sv; Danish and Norwegian write æ/ø), æ or ø (da+no), and the
 * suffixes that split Danish from Norwegian in the real PDFs (da "-hed(en,
 * er)", "-skab(et)", "-erne", "ud-" as in udvikling/udvalg; no "-sjon(en,
 * er)", "-het(en)" is sv+no, "-ene" as in fylkeskommunene). The Danish and
 * Norwegian tell-tales among the function words are af/mellem/efter/nu/
 * bliver/hvad/noget/gennem/uden/mod (da) against av/mellom/etter/nå/blir/
 * hva/noe/gjennom/uten/mot (bokmål) and ikkje/eg/kva/korleis/frå/dei/ein/
 * eit/vert/berre (nynorsk, counted as no). The best language wins when it
 * has at least MIN_EVIDENCE points from at least MIN_HITS table words and
 * beats the second by a margin; otherwise the answer is UNKNOWN.
 *
 * Garbled text. A broken font encoding (the 1999 government bill in
 * /work/shared/realpdfs: "UHJHULQJ" for "regering", a fixed shift of the
 * character codes) yields tokens no language writes: a digit or one of
 * | \ $ % * # < > = ^ ~ { } [ ] ( ) ; ! ? " between two letters
 * ("UDQ3HUVVRQ", "-|QN|SLQJ"), a short lower-case run inside capitals
 * ("DQVWlOOGD"), and long capital words with almost no vowels ("EHVNDWWQLQJ");
 * text from unmapped glyphs shows up as private-use, control or replacement
 * characters. URLs and e-mail addresses are never bad. A page is garbled
 * when it has at least MIN_GARBLE_LETTERS letters and either
 *   - bad tokens hold at least BAD_SHARE of the letters in tokens, or
 *   - junk characters are at least JUNK_SHARE of the non-space characters, or
 *   - it has many words, almost none a function word of any language, and
 *     those words are mostly capitals with few vowels (shifted lower case).
 * Numbers, tables ("12 345 tkr −500"), all-caps headings and names are
 * not garbled: digits alone are not letters, and headings have vowels and
 * function words. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

enum {
    SV = 1 << PSI_LANG_SV,
    DA = 1 << PSI_LANG_DA,
    NO = 1 << PSI_LANG_NO,
    EN = 1 << PSI_LANG_EN,
    SCAND = SV | DA | NO,
    DANO = DA | NO,
};

/* Function words and a few everyday nouns with the languages that use them,
 * sorted by strcmp (UTF-8 bytes, as `LC_ALL=C sort`) for the binary search.
 * The counts that chose them are in the header comment. */
static const struct word {
    const char *w;
    unsigned char langs;
} words[] = {
    { "a", EN },
    { "af", DA },
    { "all", EN },
    { "alla", SV },
    { "alle", DANO },
    { "also", EN },
    { "an", EN },
    { "and", EN },
    { "andet", DA },
    { "andra", SV },
    { "andre", DANO },
    { "annan", SV },
    { "annen", NO },
    { "annet", NO },
    { "are", EN },
    { "as", EN },
    { "at", DANO|EN },
    { "att", SV },
    { "av", SV|NO },
    { "bara", SV },
    { "bare", DANO },
    { "be", EN },
    { "been", EN },
    { "berre", NO },
    { "bland", SV },
    { "blandt", DA },
    { "blant", NO },
    { "ble", NO },
    { "blev", DA|SV },
    { "bli", NO },
    { "blir", SV|NO },
    { "blive", DA },
    { "bliver", DA },
    { "but", EN },
    { "by", EN },
    { "både", SCAND },
    { "da", DANO },
    { "dei", NO },
    { "deira", NO },
    { "dem", SCAND },
    { "den", SCAND },
    { "denne", DANO },
    { "der", DA },
    { "deras", SV },
    { "dere", NO },
    { "deres", DANO },
    { "dess", SV },
    { "dessa", SV },
    { "desse", NO },
    { "det", SCAND },
    { "detta", SV },
    { "dette", DANO },
    { "disse", DANO },
    { "då", SV|NO },
    { "efter", SV|DA },
    { "ein", NO },
    { "eit", NO },
    { "eller", SCAND },
    { "er", DANO },
    { "et", DANO },
    { "ett", SV },
    { "etter", NO },
    { "for", DANO|EN },
    { "fra", DANO },
    { "from", EN },
    { "frå", NO },
    { "från", SV },
    { "fylke", NO },
    { "fylkeskommune", NO },
    { "fylkeskommunen", NO },
    { "fylkeskommunene", NO },
    { "för", SV },
    { "gennem", DA },
    { "genom", SV },
    { "gjennom", NO },
    { "had", EN },
    { "har", SCAND },
    { "has", EN },
    { "have", EN },
    { "hela", SV },
    { "hele", DANO },
    { "hende", DA },
    { "her", DANO|EN },
    { "hon", SV },
    { "hun", DANO },
    { "hur", SV },
    { "hva", NO },
    { "hvad", DA },
    { "hver", DANO },
    { "hvilke", DA },
    { "hvis", DANO },
    { "hvor", DANO },
    { "hvordan", DANO },
    { "här", SV },
    { "i", SCAND },
    { "ikke", DANO },
    { "ikkje", NO },
    { "in", EN },
    { "inte", SV },
    { "is", EN },
    { "it", EN },
    { "its", EN },
    { "jag", SV },
    { "jeg", DANO },
    { "kan", SCAND },
    { "kommun", SV },
    { "kommune", DANO },
    { "korleis", NO },
    { "kun", DANO },
    { "kva", NO },
    { "man", SCAND },
    { "med", SCAND },
    { "meget", DA },
    { "mellan", SV },
    { "mellem", DA },
    { "mellom", NO },
    { "men", SCAND },
    { "mod", DA },
    { "mot", SV|NO },
    { "mycket", SV },
    { "mye", NO },
    { "må", DANO },
    { "måste", SV },
    { "noe", NO },
    { "noen", NO },
    { "noget", DA },
    { "nogle", DA },
    { "not", EN },
    { "nu", SV|DA },
    { "när", SV },
    { "nå", NO },
    { "något", SV },
    { "några", SV },
    { "når", DANO },
    { "och", SV },
    { "också", SV },
    { "of", EN },
    { "og", DANO },
    { "også", DANO },
    { "om", SCAND },
    { "on", EN },
    { "or", EN },
    { "over", DANO|EN },
    { "på", SCAND },
    { "samt", SV|DA },
    { "seg", NO },
    { "sig", SV|DA },
    { "sin", SCAND },
    { "sina", SV },
    { "sine", DANO },
    { "sit", DA },
    { "sitt", SV|NO },
    { "ska", SV },
    { "skal", DANO },
    { "skall", SV },
    { "skulle", SCAND },
    { "som", SCAND },
    { "than", EN },
    { "that", EN },
    { "the", EN },
    { "their", EN },
    { "there", EN },
    { "these", EN },
    { "they", EN },
    { "this", EN },
    { "til", DANO },
    { "till", SV },
    { "to", EN },
    { "uden", DA },
    { "under", SCAND },
    { "utan", SV|NO },
    { "uten", NO },
    { "var", SV },
    { "vara", SV },
    { "ved", DANO },
    { "vere", NO },
    { "vert", NO },
    { "vi", SCAND },
    { "vid", SV },
    { "vil", DANO },
    { "vill", SV },
    { "være", DANO },
    { "was", EN },
    { "we", EN },
    { "were", EN },
    { "which", EN },
    { "will", EN },
    { "with", EN },
    { "would", EN },
    { "är", SV },
};

/* The thresholds named in the header comment. */
enum {
    MIN_HITS = 3,            /* table words needed to name a language */
    MIN_EVIDENCE = 6,        /* points the winner needs (a table word is 2) */
    MIN_GARBLE_LETTERS = 40, /* less text than this is never garbled */
    BAD_SHARE = 25,          /* percent of word letters in bad tokens */
    JUNK_SHARE = 30,         /* percent of non-space characters */
    MAX_TOKEN = 128,         /* code points of a token that are examined */
    MAX_WORD = 24,           /* bytes of a word looked up in the table */
};

typedef struct scan_stats {
    size_t nonspace, junk;          /* characters */
    size_t letters;                 /* in every token */
    size_t word_letters, bad_letters;
    size_t caps_letters, caps_vowels; /* all-capital words of 6+ letters */
    size_t nwords, nfunction;       /* tokens with letters; of them table words */
    unsigned score[PSI_LANG_EN + 1];
} scan_stats;

static bool
is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x2028 || cp == 0x2029;
}

/* Characters that text from an unmapped glyph turns into. */
static bool
is_junk(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD;
}

static bool
is_vowel(uint32_t cp)
{
    switch (psi_cp_lower(cp)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE0: case 0xE1: case 0xE2: case 0xE4: case 0xE5: case 0xE6: /* à á â ä å æ */
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xEE: case 0xEF: /* è é ê ë î ï */
    case 0xF3: case 0xF4: case 0xF6: case 0xF8: case 0xFC:             /* ó ô ö ø ü */
        return true;
    default:
        return false;
    }
}

/* A character between two letters that no language writes inside a word
 * (a digit counts too; - ' ’ . / : & _ + do occur: "t.ex", "AB:s"). */
static bool
is_bad_inner(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp < 0x80 && strchr("|\\$%*#<>=^~{}[]();!?\"", (int)cp));
}

static int
word_cmp(const void *key, const void *elt)
{
    return strcmp(key, ((const struct word *)elt)->w);
}

static bool
ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k + 1 && memcmp(w + n - k, suffix, k) == 0;
}

/* Orthographic votes of one lower-case word (the header comment). */
static void
spelling_votes(scan_stats *st, const char *w, size_t n)
{
    unsigned v = 0;
    if (strstr(w, "\xC3\xA4") || strstr(w, "\xC3\xB6")) /* ä ö */
        v |= SV;
    if (strstr(w, "\xC3\xA6") || strstr(w, "\xC3\xB8")) /* æ ø */
        v |= DANO;
    if (ends_with(w, n, "hed") || ends_with(w, n, "heden") || ends_with(w, n, "heder") ||
        ends_with(w, n, "skab") || ends_with(w, n, "skabet") || ends_with(w, n, "erne") ||
        (n >= 5 && w[0] == 'u' && w[1] == 'd' && !strchr("aeiouy", w[2])))
        v |= DA;
    if (ends_with(w, n, "sjon") || ends_with(w, n, "sjonen") || ends_with(w, n, "sjoner"))
        v |= NO;
    if (ends_with(w, n, "het") || ends_with(w, n, "heten"))
        v |= SV | NO;
    for (int l = PSI_LANG_SV; l <= PSI_LANG_EN; l++)
        if (v & (1u << l))
            st->score[l] += 1;
}

/* Measures one token of cp[0..n) (its first MAX_TOKEN code points). */
static void
scan_token(scan_stats *st, const uint32_t *cp, size_t n)
{
    size_t a = 0, b = n;
    while (a < b && !psi_cp_is_letter(cp[a]) && !(cp[a] >= '0' && cp[a] <= '9'))
        a++;
    while (b > a && !psi_cp_is_letter(cp[b - 1]) && !(cp[b - 1] >= '0' && cp[b - 1] <= '9'))
        b--;
    size_t letters = 0, upper = 0, vowels = 0, other = 0;
    for (size_t i = a; i < b; i++) {
        if (psi_cp_is_letter(cp[i])) {
            letters++;
            upper += psi_cp_is_upper(cp[i]);
            vowels += is_vowel(cp[i]);
        } else if (!(cp[i] >= '0' && cp[i] <= '9')) {
            other++;
        }
    }
    st->letters += letters;
    if (letters == 0)
        return;
    st->nwords++;
    st->word_letters += letters;

    /* URLs and e-mail addresses are never bad */
    bool link = false;
    for (size_t i = a; i + 2 < b && !link; i++)
        link = (cp[i] == ':' && cp[i + 1] == '/' && cp[i + 2] == '/') || cp[i] == '@' ||
               (i == a && (cp[i] | 32) == 'w' && (cp[i + 1] | 32) == 'w' && (cp[i + 2] | 32) == 'w');
    bool bad = false;
    if (!link && letters >= 3) {
        for (size_t i = a + 1; i + 1 < b && !bad; i++)
            bad = is_bad_inner(cp[i]) && psi_cp_is_letter(cp[i - 1]) && psi_cp_is_letter(cp[i + 1]) &&
                  (letters >= 5 || !(cp[i] >= '0' && cp[i] <= '9'));
        /* a run of one or two small letters inside capitals: "DQVWlOOGD" */
        if (!bad && upper >= 3 && letters >= 4) {
            for (size_t i = a + 1; i + 1 < b && !bad; i++) {
                if (!psi_cp_is_lower(cp[i]) || !psi_cp_is_upper(cp[i - 1]))
                    continue;
                size_t j = i + 1;
                if (j < b && psi_cp_is_lower(cp[j]))
                    j++;
                bad = j < b && psi_cp_is_upper(cp[j]);
            }
        }
        if (!bad && upper == letters && letters >= 6 && vowels * 7 < letters)
            bad = true;
    }
    if (bad)
        st->bad_letters += letters;
    if (upper == letters && letters >= 6) {
        st->caps_letters += letters;
        st->caps_vowels += vowels;
    }

    /* the word, lower-cased, for the table and the spelling votes */
    if (other > 0 || bad)
        return;
    char w[MAX_WORD + 4];
    size_t wn = 0;
    for (size_t i = a; i < b; i++) {
        if (wn + 4 > MAX_WORD)
            return;
        wn += psi_utf8_encode(psi_cp_lower(cp[i]), w + wn);
    }
    w[wn] = '\0';
    const struct word *hit = bsearch(w, words, sizeof words / sizeof words[0], sizeof words[0], word_cmp);
    if (hit) {
        st->nfunction++;
        for (int l = PSI_LANG_SV; l <= PSI_LANG_EN; l++)
            if (hit->langs & (1u << l))
                st->score[l] += 2;
    }
    spelling_votes(st, w, wn);
}

static void
scan(const char *text, size_t len, scan_stats *st)
{
    memset(st, 0, sizeof *st);
    uint32_t tok[MAX_TOKEN];
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        if (!psi_utf8_next(text, len, &i, &cp))
            cp = 0xFFFD;
        if (is_space(cp)) {
            if (n)
                scan_token(st, tok, n);
            n = 0;
            continue;
        }
        st->nonspace++;
        st->junk += is_junk(cp);
        if (n < MAX_TOKEN)
            tok[n++] = cp;
    }
    if (n)
        scan_token(st, tok, n);
}

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
    for (size_t i = 0; i < sizeof names / sizeof names[0] && found < 0; i++) {
        char *name = psi_fold_ascii(names[i].name);
        if (strcmp(low, name) == 0)
            found = (int)names[i].lang;
        free(name);
    }
    free(low);
    return found;
}

psi_lang
psi_lang_detect(const char *text, size_t len)
{
    scan_stats st;
    scan(text, len, &st);
    if (st.nfunction < MIN_HITS)
        return PSI_LANG_UNKNOWN;
    psi_lang best = PSI_LANG_UNKNOWN;
    unsigned top = 0, second = 0;
    for (int l = PSI_LANG_SV; l <= PSI_LANG_EN; l++) {
        if (st.score[l] > top) {
            second = top;
            top = st.score[l];
            best = (psi_lang)l;
        } else if (st.score[l] > second) {
            second = st.score[l];
        }
    }
    if (top < MIN_EVIDENCE || top == second)
        return PSI_LANG_UNKNOWN;
    return best;
}

int
psi_text_garbled(const char *text, size_t len)
{
    scan_stats st;
    scan(text, len, &st);
    if (st.letters < MIN_GARBLE_LETTERS)
        return 0;
    if (st.junk * 100 >= JUNK_SHARE * st.nonspace)
        return 1;
    if (st.bad_letters * 100 >= BAD_SHARE * st.word_letters)
        return 1;
    /* many words, almost none a function word, mostly capitals without
     * vowels: lower case shifted into capitals */
    if (st.nwords >= 20 && st.nfunction * 50 < st.nwords && st.caps_letters * 2 >= st.word_letters &&
        st.caps_vowels * 4 < st.caps_letters)
        return 1;
    return 0;
}

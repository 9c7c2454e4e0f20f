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
 * ("DQVWlOOGD"), long capital words with almost no vowels ("EHVNDWWQLQJ"),
 * and function words shifted by the font's glyph order ("RFK" for "och",
 * SHIFT below; none occurs on any normal page of the real PDFs). UTF-8
 * read as Latin-1 ("fÃ¶r") is bad too. Text from unmapped glyphs shows up
 * as private-use, control or replacement characters ("junk"). URLs, e-mail addresses and file paths are never bad. A page is garbled
 * when it has at least MIN_GARBLE_LETTERS letters (junk characters count)
 * and either
 *   - bad tokens hold at least BAD_SHARE of the letters in tokens, or
 *   - junk characters are at least JUNK_SHARE of the non-space characters, or
 *   - at least MIN_SHIFTED words, and SHIFTED_SHARE of all function words,
 *     are shifted ones (on the 1999 bill a page with a garbled column of a
 *     two-column table has 17 shifted against 80 plain), or
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
    MAX_WORD = 24,           /* bytes of a word given the spelling votes */
    MAX_TABLE_WORD = 15,     /* bytes of the longest word in the table */
    MIN_SHIFTED = 3,         /* shifted function words that can garble a page */
    SHIFTED_SHARE = 10,      /* percent of all function words, shifted or not */
    SHIFT = 29,              /* a font's glyph order read as codes: "RFK" for "och" */
};

typedef struct scan_stats {
    size_t nonspace, junk;          /* characters */
    size_t letters;                 /* in every token */
    size_t word_letters, bad_letters;
    size_t caps_letters, caps_vowels; /* all-capital words of 6+ letters */
    size_t nwords, nfunction;       /* tokens with letters; of them table words */
    size_t nshifted;                /* tokens that are table words shifted by SHIFT */
    unsigned score[PSI_LANG_EN + 1];
} scan_stats;

/* What a code point is, worked out once per character (ASCII inline). */
enum { C_LETTER = 1, C_UPPER = 2, C_LOWER = 4, C_DIGIT = 8, C_VOWEL = 16 };

static bool is_vowel(uint32_t cp);

static unsigned
classify(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        /* bit k: the k-th letter of the alphabet is a vowel (a e i o u y) */
        const uint32_t vowels = 1u << 0 | 1u << 4 | 1u << 8 | 1u << 14 | 1u << 20 | 1u << 24;
        if (cp >= 'a' && cp <= 'z')
            return C_LETTER | C_LOWER | (vowels >> (cp - 'a') & 1 ? C_VOWEL : 0);
        if (cp >= 'A' && cp <= 'Z')
            return C_LETTER | C_UPPER | (vowels >> (cp - 'A') & 1 ? C_VOWEL : 0);
        return 0;
    }
    if (!psi_cp_is_letter(cp))
        return 0;
    return C_LETTER | (psi_cp_is_upper(cp) ? C_UPPER : 0) | (psi_cp_is_lower(cp) ? C_LOWER : 0) |
           (is_vowel(cp) ? C_VOWEL : 0);
}

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
    return (cp >= '0' && cp <= '9') || is_junk(cp) || (cp < 0x80 && strchr("|\\$%*#<>=^~{}[]();!?\"", (int)cp));
}

static bool
ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k + 1 && memcmp(w + n - k, suffix, k) == 0;
}

/* Binary search of the table; the first byte is compared inline, as most
 * steps end there. */
static const struct word *
lookup(const char *w)
{
    size_t lo = 0, hi = sizeof words / sizeof words[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *t = words[mid].w;
        int c = (unsigned char)w[0] - (unsigned char)t[0];
        if (c == 0)
            c = strcmp(w, t);
        if (c == 0)
            return &words[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Whether cp[0..n) is a table word written SHIFT code points down, as text
 * comes out of a font whose glyph numbers were taken for character codes
 * (TrueType glyph order puts the space at 3: ' ' - 29). Lower-case a-z
 * land on 'D'..']', so such words look like capitals: "RFK" (och),
 * "GHW" (det), "DY" (av). */
static bool
shifted_word(const uint32_t *cp, size_t n)
{
    char w[MAX_WORD];
    if (n >= sizeof w)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (cp[i] < 'a' - SHIFT || cp[i] > 'z' - SHIFT)
            return false;
        w[i] = (char)(cp[i] + SHIFT);
    }
    w[n] = '\0';
    return lookup(w) != NULL;
}

/* Orthographic votes of one lower-case word (the header comment); v holds
 * the votes of its letters already. */
static void
spelling_votes(scan_stats *st, const char *w, size_t n, unsigned v)
{
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

/* Measures one token of cp[0..n) (its first MAX_TOKEN code points), whose
 * classes are in cls[0..n). */
static void
scan_token(scan_stats *st, const uint32_t *cp, const unsigned char *cls, size_t n)
{
    size_t a = 0, b = n;
    while (a < b && !(cls[a] & (C_LETTER | C_DIGIT)))
        a++;
    while (b > a && !(cls[b - 1] & (C_LETTER | C_DIGIT)))
        b--;
    size_t letters = 0, upper = 0, vowels = 0, other = 0;
    for (size_t i = a; i < b; i++) {
        if (cls[i] & C_LETTER) {
            letters++;
            upper += !!(cls[i] & C_UPPER);
            vowels += !!(cls[i] & C_VOWEL);
        } else if (!(cls[i] & C_DIGIT)) {
            other++;
        }
    }
    st->letters += letters;
    if (letters == 0)
        return;
    st->nwords++;
    st->word_letters += letters;

    /* URLs, e-mail addresses and file paths ("C:\USERS\X\APPDATA") are never bad */
    bool link = false;
    for (size_t i = a; i + 2 < b && !link; i++)
        link = (cp[i] == ':' && cp[i + 1] == '/' && cp[i + 2] == '/') || cp[i] == '@' || cp[i] == '\\' ||
               (i == a && (cp[i] | 32) == 'w' && (cp[i + 1] | 32) == 'w' && (cp[i + 2] | 32) == 'w');
    bool bad = false;
    if (!link && letters >= 3) {
        for (size_t i = a + 1; i + 1 < b && !bad; i++)
            bad = !(cls[i] & C_LETTER) && (cls[i - 1] & cls[i + 1] & C_LETTER) && is_bad_inner(cp[i]) &&
                  (letters >= 5 || !(cp[i] >= '0' && cp[i] <= '9'));
        /* UTF-8 read as Latin-1: "fÃ¶r", "Ã¤r" */
        for (size_t i = a; i + 1 < b && !bad; i++)
            bad = (cp[i] == 0xC3 || cp[i] == 0xC2) && cp[i + 1] >= 0x80 && cp[i + 1] <= 0xBF;
        /* a run of one or two small letters inside capitals: "DQVWlOOGD" */
        if (!bad && upper >= 3 && letters >= 4) {
            for (size_t i = a + 1; i + 1 < b && !bad; i++) {
                if (!(cls[i] & C_LOWER) || !(cls[i - 1] & C_UPPER))
                    continue;
                size_t j = i + 1;
                if (j < b && (cls[j] & C_LOWER))
                    j++;
                bad = j < b && (cls[j] & C_UPPER);
            }
        }
        if (!bad && upper == letters && letters >= 6 && vowels * 7 < letters)
            bad = true;
    }
    if (!bad && letters >= 2 && shifted_word(cp + a, b - a)) {
        st->nshifted++;
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
    unsigned letter_votes = 0;
    for (size_t i = a; i < b; i++) {
        if (wn + 4 > MAX_WORD)
            return;
        uint32_t c = psi_cp_lower(cp[i]);
        if (c == 0xE4 || c == 0xF6) /* ä ö */
            letter_votes |= SV;
        else if (c == 0xE6 || c == 0xF8) /* æ ø */
            letter_votes |= DANO;
        wn += psi_utf8_encode(c, w + wn);
    }
    w[wn] = '\0';
    /* a capital alone is an initial or a party, "(A)", not the word "a" */
    bool initial = letters == 1 && upper == 1;
    const struct word *hit = wn <= MAX_TABLE_WORD && !initial ? lookup(w) : NULL;
    if (hit) {
        st->nfunction++;
        for (int l = PSI_LANG_SV; l <= PSI_LANG_EN; l++)
            if (hit->langs & (1u << l))
                st->score[l] += 2;
    }
    spelling_votes(st, w, wn, letter_votes);
}

static void
scan(const char *text, size_t len, scan_stats *st)
{
    memset(st, 0, sizeof *st);
    uint32_t tok[MAX_TOKEN];
    unsigned char cls[MAX_TOKEN];
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)text[i];
        if (cp < 0x80)
            i++;
        else if (!psi_utf8_next(text, len, &i, &cp))
            cp = 0xFFFD;
        if (is_space(cp)) {
            if (n)
                scan_token(st, tok, cls, n);
            n = 0;
            continue;
        }
        st->nonspace++;
        st->junk += is_junk(cp);
        if (n < MAX_TOKEN) {
            tok[n] = cp;
            cls[n++] = (unsigned char)classify(cp);
        }
    }
    if (n)
        scan_token(st, tok, cls, n);
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
    if (st.letters + st.junk < MIN_GARBLE_LETTERS) /* a page of junk alone has no letters */
        return 0;
    if (st.junk * 100 >= JUNK_SHARE * st.nonspace)
        return 1;
    if (st.bad_letters * 100 >= BAD_SHARE * st.word_letters)
        return 1;
    /* a tenth of the function words shifted: text in a broken font */
    if (st.nshifted >= MIN_SHIFTED && st.nshifted * 100 >= SHIFTED_SHARE * (st.nshifted + st.nfunction))
        return 1;
    /* many words, almost none a function word, mostly capitals without
     * vowels: lower case shifted into capitals */
    if (st.nwords >= 20 && st.nfunction * 50 < st.nwords && st.caps_letters * 2 >= st.word_letters &&
        st.caps_vowels * 4 < st.caps_letters)
        return 1;
    return 0;
}

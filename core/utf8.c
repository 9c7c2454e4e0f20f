/* utf8.c: the few UTF-8 and code point facts the library needs outside
 * PCRE2 and Xapian: decoding, validity, letter case for Latin scripts,
 * ASCII folding (å -> a) for slugs and diacritic-free comparison, and the
 * bullets that start an item of a list. */
#include "plansok-private.h"

#include <string.h>

size_t
psi_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2; c = s[0] & 0x1F; min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3; c = s[0] & 0x0F; min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4; c = s[0] & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t
ps_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    return psi_utf8_decode(s, n, cp);
}

size_t
psi_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool
psi_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = psi_utf8_decode(s + i, n - i, &cp);
        if (l == 0)
            return false;
        i += l;
    }
    return true;
}

size_t
psi_utf8_chars(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t
psi_utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    size_t cut = max;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
}

/* The simple lower-case mapping of Latin-1, Latin Extended-A, Greek and
 * Cyrillic capitals; cp itself for everything else. Latin Extended-A
 * pairs capitals and small letters by parity, but the parity flips at
 * U+0138 (ĸ) and U+0149 (ŉ), and U+0178 (Ÿ) maps back into Latin-1, so
 * the ranges are spelled out ("Łódź" must not become "ŁódŻ"). */
uint32_t
psi_cp_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    if (cp == 0x130) /* İ */
        return 'i';
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        return cp | 1; /* capitals even, small letters odd */
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp & 1 ? cp + 1 : cp; /* capitals odd, small letters even */
    if (cp == 0x178) /* Ÿ */
        return 0xFF;
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    return cp;
}

/* The inverse of psi_cp_lower: the capital of a small letter it maps to. */
uint32_t
psi_cp_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 32;
    if (cp == 0xFF)
        return 0x178;
    if (cp == 0x131) /* ı */
        return 'I';
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x138 && cp != 0x149 && cp != 0x17F && psi_cp_lower(cp - 1) == cp)
        return cp - 1;
    if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2)
        return cp - 32;
    if (cp >= 0x430 && cp <= 0x44F)
        return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F)
        return cp - 80;
    return cp;
}

bool
psi_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp)
{
    size_t l = psi_utf8_decode(s + *i, n - *i, cp);
    *i += l ? l : 1;
    return l > 0;
}

bool
psi_utf8_run(const char *s, size_t n, size_t *i, size_t *start, bool (*first)(uint32_t), bool (*rest)(uint32_t))
{
    uint32_t cp;
    while (*i < n) {
        size_t at = *i;
        if (!psi_utf8_next(s, n, i, &cp) || !first(cp))
            continue;
        *start = at;
        size_t l;
        while (*i < n && (l = psi_utf8_decode(s + *i, n - *i, &cp)) && rest(cp))
            *i += l;
        return true;
    }
    return false;
}

bool
psi_cp_is_upper(uint32_t cp)
{
    return psi_cp_lower(cp) != cp;
}

bool
psi_cp_is_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF)
        return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) /* all letters; ĸ, ŉ and ſ have no capital */
        return !psi_cp_is_upper(cp);
    return (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F);
}

bool
psi_cp_is_letter(uint32_t cp)
{
    if (psi_cp_is_upper(cp) || psi_cp_is_lower(cp))
        return true;
    return (cp >= 0x180 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x3FF) ||
           (cp >= 0x400 && cp <= 0x4FF);
}

/* ASCII stand-in for a Latin-1 / Latin Extended-A letter, lower-cased. */
static const char *
fold_cp(uint32_t cp)
{
    static const char *latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
    };
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0];
    return NULL;
}

char *
psi_fold_ascii(const char *s)
{
    psi_buf b = PSI_BUF_INIT;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (!psi_utf8_next(s, n, &i, &cp))
            continue; /* an invalid byte */
        const char *f = fold_cp(cp);
        if (f) {
            psi_buf_adds(&b, f);
        } else if (cp < 0x80) {
            psi_buf_addc(&b, (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp));
        } else {
            char enc[4];
            psi_buf_add(&b, enc, psi_utf8_encode(cp, enc));
        }
    }
    return psi_buf_detach(&b);
}

void
psi_lower_append(psi_buf *b, const char *s, size_t n)
{
    /* lower case never needs more bytes here: the letters lower_cp maps
     * keep their UTF-8 length or shrink (İ -> i); invalid bytes are dropped */
    psi_buf_reserve(b, n);
    char *o = b->s + b->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        uint32_t cp;
        if (psi_utf8_next(s, n, &i, &cp))
            o += psi_utf8_encode(psi_cp_lower(cp), o);
    }
    b->len = (size_t)(o - b->s);
    b->s[b->len] = '\0';
}

bool
psi_starts_lower(const char *s)
{
    uint32_t cp;
    return psi_utf8_decode(s, strlen(s), &cp) > 0 && psi_cp_is_lower(cp);
}

bool
psi_starts_upper(const char *s)
{
    uint32_t cp;
    return psi_utf8_decode(s, strlen(s), &cp) > 0 && psi_cp_is_upper(cp);
}

bool
psi_broken_end(const char *s, size_t n)
{
    return n >= 2 && s[n - 1] == '-' && s[n - 2] != ' ' && s[n - 2] != '-';
}

size_t
psi_bullet_len(const char *t)
{
    static const char *const bullets[] = { "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\xA3",
                                           "\xE2\x97\x8F", "\xE2\x80\x93 ", "- ",          "* ",
                                           "\xEF\x82\xB7" };
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (!strncmp(t, bullets[i], strlen(bullets[i])))
            return strlen(bullets[i]);
    return 0;
}

char *
psi_strndup_capital(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = n ? psi_utf8_decode(s, n, &cp) : 0;
    char up[4];
    size_t u = k ? psi_utf8_encode(psi_cp_upper(cp), up) : 0;
    char *t = psi_malloc(n - k + u + 1);
    memcpy(t, up, u);
    memcpy(t + u, s + k, n - k);
    t[n - k + u] = '\0';
    return t;
}

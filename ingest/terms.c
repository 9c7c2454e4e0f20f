/* terms.c: extra index words that let a query find what an analyst means.
 * For each passage it lists, one per line, with a one-letter tag:
 *   P<part>   a part of a Swedish compound ("vuxenutbildningsregion" ->
 *             vuxenutbildning, vuxen, utbildning, region), split with a word
 *             list (wswedish) and the document's own words, with linking
 *             letters (-s-, -e-, -a-, -u-, -o-) and changed first parts
 *             ("folkhälsoarbete" -> folkhälsa); no part under three letters,
 *             no last part under four but a whole word after a long first
 *             part ("kompetensförsörjningsmål" -> kompetensförsörjning, mål)
 *   P<part>   the parts of a glued word ("BBICutbildare" -> bbic, utbildare)
 *   J<word>   a hyphenated or split word joined ("e-hälsa" -> ehälsa,
 *             "AU- DIT" -> audit)
 *   D<word>   a word with å, ä, ö or é, so that the store (index/xapian-write.cc) can index it
 *             without them as well
 * The index shim turns these into terms; nothing here knows Xapian. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

#define MIN_PART 3      /* bytes-ish: characters of the shortest part */
#define MIN_COMPOUND 8  /* characters of the shortest word worth splitting */

ps_status
psi_wordlist_load(const char *path, psi_wordset **out, ps_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return psi_fail(err, PS_ERR_IO, "cannot read word list '%s'", path);
    psi_wordset *ws = psi_wordset_new();
    char line[256];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n/");
        line[n] = '\0';
        if (n < MIN_PART)
            continue;
        if (psi_utf8_valid(line, n)) {
            psi_wordset_add(ws, line);
        } else { /* Debian's wswedish is ISO-8859-1 */
            char u[512];
            size_t k = 0;
            for (size_t i = 0; i < n && k + 4 < sizeof u; i++)
                k += psi_utf8_encode((unsigned char)line[i], u + k);
            u[k] = '\0';
            psi_wordset_add(ws, u);
        }
    }
    fclose(f);
    *out = ws;
    return PS_OK;
}

typedef struct lex {
    const psi_wordset *list, *doc;
} lex;

static bool
known(const lex *l, const char *w, size_t n)
{
    return psi_utf8_chars(w, n) >= MIN_PART &&
           (psi_wordset_has_lower(l->list, w, n) || psi_wordset_has_lower(l->doc, w, n));
}

/* A last part, possibly inflected: "vuxenutbildningen" is known when
 * "vuxenutbildning" is. */
static bool
known_tail(const lex *l, const char *w, size_t n)
{
    static const char *const endings[] = { "", "en", "et", "n", "t", "s", "ens", "ets", "na", "ar", "er", "or",
                                           "arna", "erna", "orna", "ernas", "arnas", NULL };
    for (int i = 0; endings[i]; i++) {
        size_t el = strlen(endings[i]);
        /* the base must be a real word, not a short one ("kom|munerna") */
        if (n > el && !strncmp(w + n - el, endings[i], el) && psi_utf8_chars(w, n - el) >= MIN_PART + 1 &&
            known(l, w, n - el))
            return true;
    }
    return false;
}

static void
emit(psi_buf *out, char tag, const char *w, size_t n)
{
    psi_buf_addc(out, tag);
    psi_buf_add(out, w, n);
    psi_buf_addc(out, '\n');
}

static bool split_word(const lex *l, const char *w, size_t n, psi_buf *out, int depth);

/* A first part as written in a compound: itself, without a linking letter,
 * or with its changed ending restored ("folkhälso" -> "folkhälsa"). The
 * known form goes to *form. */
static bool
head_form(const lex *l, const char *h, size_t n, psi_buf *form, psi_buf *out, int depth)
{
    psi_buf_reset(form);
    char last = h[n - 1];
    /* a linking s first: "verksamhets" -> "verksamhet" */
    if (n > MIN_PART && last == 's' && known(l, h, n - 1)) {
        psi_buf_add(form, h, n - 1);
        if (depth < 3)
            split_word(l, h, n - 1, out, depth + 1);
        return true;
    }
    if (known(l, h, n)) {
        psi_buf_add(form, h, n);
        if (depth < 3)
            split_word(l, h, n, out, depth + 1); /* its own parts too */
        return true;
    }
    /* a final e dropped before the linking s: "arbets" -> "arbete" */
    if (n > MIN_PART && last == 's') {
        psi_buf alt = PSI_BUF_INIT;
        psi_buf_add(&alt, h, n - 1);
        psi_buf_addc(&alt, 'e');
        bool ok = known(l, alt.s, alt.len);
        if (ok)
            psi_buf_add(form, alt.s, alt.len);
        psi_buf_release(&alt);
        if (ok)
            return true;
    }
    if (n > MIN_PART && strchr("eau", last) && known(l, h, n - 1)) {
        psi_buf_add(form, h, n - 1);
        return true;
    }
    if (n > MIN_PART && (last == 'o' || last == 'u' || last == 'e')) {
        psi_buf alt = PSI_BUF_INIT;
        psi_buf_add(&alt, h, n - 1);
        psi_buf_addc(&alt, 'a');
        bool ok = known(l, alt.s, alt.len);
        if (!ok && depth < 3) {
            psi_buf sub = PSI_BUF_INIT;
            ok = split_word(l, alt.s, alt.len, &sub, depth + 1);
            if (ok)
                psi_buf_add(out, sub.s, sub.len);
            psi_buf_release(&sub);
        }
        if (ok)
            psi_buf_add(form, alt.s, alt.len);
        psi_buf_release(&alt);
        if (ok)
            return true;
    }
    /* a head that is itself a compound ("hemsjukvårds" -> hemsjukvård) */
    if (depth < 3) {
        /* without a linking letter first */
        for (size_t c = 0; c < 2 && c < n; c++) {
            size_t cut = strchr("seau", last) ? 1 - c : c;
            size_t m = n - cut;
            if (cut == 1 && !strchr("seau", last))
                continue;
            psi_buf sub = PSI_BUF_INIT;
            if (split_word(l, h, m, &sub, depth + 1)) {
                psi_buf_add(out, sub.s, sub.len);
                psi_buf_add(form, h, m);
                psi_buf_release(&sub);
                return true;
            }
            psi_buf_release(&sub);
        }
    }
    return false;
}

/* Swedish suffixes of three letters that are words too: "het" (hot), "dom"
 * (a verdict), "lek" (a game). */
static bool
suffix_word(const char *w, size_t n)
{
    static const char *const s[] = { "het", "dom", "lek", NULL };
    for (int i = 0; s[i]; i++)
        if (strlen(s[i]) == n && !strncmp(w, s[i], n))
            return true;
    return false;
}

/* Splits a lower-case word into a first part and a known last part, the
 * longest last part first. Emits every part (and compound first parts). */
static bool
split_word(const lex *l, const char *w, size_t n, psi_buf *out, int depth)
{
    if (depth > 3 || psi_utf8_chars(w, n) < 2 * MIN_PART + 1)
        return false;
    psi_buf form = PSI_BUF_INIT, sub = PSI_BUF_INIT;
    bool done = false;
    for (size_t cut = 1; cut < n && !done; cut++) {
        if (((unsigned char)w[cut] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        size_t tail = n - cut;
        size_t head_chars = psi_utf8_chars(w, cut), tail_chars = psi_utf8_chars(w + cut, tail);
        if (head_chars < MIN_PART || tail_chars < MIN_PART)
            continue;
        /* a last part of three letters only as a whole word after a long
         * first part, in the word itself: "kompetensförsörjnings|mål",
         * "arbets|tid"; not inflected ("kom|munerna"), not a suffix that is
         * also a word ("verksam|het"), not inside a first part */
        if (tail_chars == MIN_PART ? depth > 0 || head_chars < 6 || suffix_word(w + cut, tail) ||
                                         !known(l, w + cut, tail)
                                   : !known_tail(l, w + cut, tail))
            continue;
        psi_buf_reset(&sub);
        if (head_form(l, w, cut, &form, &sub, depth)) {
            psi_buf_add(out, sub.s, sub.len);
            emit(out, 'P', form.s, form.len);
            emit(out, 'P', w + cut, tail);
            done = true;
        }
    }
    psi_buf_release(&form);
    psi_buf_release(&sub);
    return done;
}

static bool
has_diacritic(const char *w, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)w[i] == 0xC3)
            return true;
    return false;
}

void
psi_passage_terms(const char *text, const psi_wordset *list, const psi_wordset *docwords, psi_buf *out)
{
    lex l = { list, docwords };
    size_t n = strlen(text);
    psi_buf low = PSI_BUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = psi_utf8_decode(text + i, n - i, &cp);
        if (!k || !(psi_cp_is_letter(cp) || (cp >= '0' && cp <= '9'))) {
            i += k ? k : 1;
            continue;
        }
        /* a token: letters, digits and inner hyphens */
        size_t s = i, upper_run = 0, first_lower = 0;
        bool hyphen = false, digits = false, in_upper = true;
        while (i < n) {
            k = psi_utf8_decode(text + i, n - i, &cp);
            if (!k)
                break;
            if (cp == '-' && i + 1 < n && i > s && text[i + 1] != ' ' && text[i + 1] != '\n' &&
                text[i + 1] != '-') {
                hyphen = true;
                i += k;
                continue;
            }
            if (!(psi_cp_is_letter(cp) || (cp >= '0' && cp <= '9')))
                break;
            digits |= cp >= '0' && cp <= '9';
            if (in_upper && psi_cp_is_upper(cp))
                upper_run++;
            else if (in_upper) {
                in_upper = false;
                first_lower = i;
            }
            i += k;
        }
        size_t e = i;
        psi_buf_reset(&low);
        psi_lower_append(&low, text + s, e - s);
        const char *lw = psi_buf_str(&low);
        if (hyphen) { /* "e-hälsa" -> "ehälsa" */
            psi_buf joined = PSI_BUF_INIT;
            for (const char *c = lw; *c; c++)
                if (*c != '-')
                    psi_buf_addc(&joined, *c);
            emit(out, 'J', joined.s, joined.len);
            psi_buf_release(&joined);
        } else if (e < n && text[e] == '-' && e + 2 < n && text[e + 1] == ' ') {
            /* "AU- DIT": a word split with a hyphen and a space */
            size_t t = e + 2, te = t;
            while (te < n && text[te] != ' ' && text[te] != '\n' && text[te] != '.' && text[te] != ',')
                te++;
            psi_buf joined = PSI_BUF_INIT;
            psi_buf_adds(&joined, lw);
            psi_lower_append(&joined, text + t, te - t);
            if (strcmp(lw, "och") && te > t)
                emit(out, 'J', joined.s, joined.len);
            psi_buf_release(&joined);
        }
        if (!hyphen && !digits && upper_run >= 3 && first_lower) {
            /* "BBICutbildare": an acronym glued to a word */
            size_t cut = first_lower;
            /* the last capital may start the word ("BBICUtbildare") */
            emit(out, 'P', lw, (size_t)(cut - s));
            if (known(&l, lw + (cut - s), low.len - (cut - s)))
                emit(out, 'P', lw + (cut - s), low.len - (cut - s));
        }
        if (!hyphen && !digits && psi_utf8_chars(lw, low.len) >= MIN_COMPOUND)
            split_word(&l, lw, low.len, out, 0);
        /* each hyphen-separated part with å/ä/ö, as the index splits them */
        for (const char *p = lw; *p;) {
            size_t m = strcspn(p, "-");
            if (has_diacritic(p, m))
                emit(out, 'D', p, m);
            p += m;
            if (*p)
                p++;
        }
    }
    psi_buf_release(&low);
}

/* clean.c: page text cleaning, in pure C. Normalises characters
 * (ligatures, odd spaces, soft hyphens), finds running headers and footers
 * (lines near the top or bottom edge that repeat across pages once digits
 * are masked), and joins lines with Swedish-aware dehyphenation. */
#include "plansok-private.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

char *
psi_clean_line(const char *s)
{
    psi_buf b = PSI_BUF_INIT;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (!psi_utf8_next(s, n, &i, &cp)) { /* invalid byte: replacement character */
            psi_buf_adds(&b, "\xEF\xBF\xBD");
            continue;
        }
        const char *rep = NULL;
        switch (cp) {
        case 0xFB00: rep = "ff"; break;
        case 0xFB01: rep = "fi"; break;
        case 0xFB02: rep = "fl"; break;
        case 0xFB03: rep = "ffi"; break;
        case 0xFB04: rep = "ffl"; break;
        case 0xFB05: case 0xFB06: rep = "st"; break;
        case 0x2010: case 0x2011: rep = "-"; break;
        case 0x00AD: /* soft hyphen: a break point, visible only at line end */
            rep = i >= n ? "-" : "";
            break;
        case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x2060: rep = ""; break;
        case 0x00A0: case 0x202F: case 0x205F: case 0x3000: rep = " "; break;
        default:
            if (cp >= 0x2000 && cp <= 0x200A)
                rep = " ";
            else if ((cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
                rep = "";
        }
        if (rep) {
            psi_buf_adds(&b, rep);
        } else {
            char enc[4];
            psi_buf_add(&b, enc, psi_utf8_encode(cp, enc));
        }
    }
    /* fold runs of spaces, drop spaces next to a tab (a cell boundary),
     * and trim */
    char *t = psi_buf_detach(&b);
    char *w = t;
    for (char *r = t; *r; r++) {
        if (*r == ' ' && (w == t || w[-1] == ' ' || w[-1] == '\t' || r[1] == '\t'))
            continue;
        if (*r == '\t' && (w == t || w[-1] == '\t'))
            continue;
        *w++ = *r;
    }
    while (w > t && (w[-1] == ' ' || w[-1] == '\t'))
        w--;
    *w = '\0';
    return t;
}

char *
psi_running_key(const char *line)
{
    psi_buf low = PSI_BUF_INIT, key = PSI_BUF_INIT;
    psi_lower_append(&low, line, strlen(line));
    const char *s = psi_buf_str(&low);
    for (const char *p = s; *p; p++) {
        if (*p == '\t') {
            psi_buf_addc(&key, ' ');
        } else if (*p >= '0' && *p <= '9') {
            if (key.len == 0 || key.s[key.len - 1] != '#')
                psi_buf_addc(&key, '#');
        } else {
            psi_buf_addc(&key, *p);
        }
    }
    psi_buf_release(&low);
    /* trim page numbers and decoration at both ends */
    char *k = psi_buf_detach(&key);
    const char *junk = "# -|.\xE2\x80\x93\xC2\xB7()";
    char *start = k;
    while (*start && strchr(junk, *start))
        start++;
    size_t n = strlen(start);
    while (n > 0 && strchr(junk, start[n - 1]))
        n--;
    char *r = psi_strndup(start, n);
    free(k);
    return r;
}

static bool
in_edge_band(const psi_page *pg, const psi_line *l, size_t index)
{
    if (pg->height > 0 && l->y1 > l->y0)
        return l->y1 < pg->height * 0.12 || l->y0 > pg->height * 0.88;
    return index < 2 || index + 2 >= pg->nlines;
}

typedef struct keycount {
    char *key;
    int pages;
    int last_page;
} keycount;

/* A running line's key that is only a page number: "7", "Sida 3", "Sida 3
 * av 9", "Sid 1 (36)", "Sidan 2". */
static bool
page_label(const char *key)
{
    static const char *const labels[] = { "", "sida", "sida av", "sid", "sid av", "sidan", "sidan av", "s" };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (!strcmp(key, labels[i]))
            return true;
    return false;
}

/* Running-line keys with the pages they are on. */
typedef struct keycounts {
    keycount *v;
    size_t n, cap;
} keycounts;

/* Counts page p for the key of text[0..len). */
static void
count_key(keycounts *kc, const char *text, size_t len, int p)
{
    char *part = psi_strndup(text, len);
    char *key = psi_running_key(part);
    free(part);
    size_t k = 0;
    while (k < kc->n && strcmp(kc->v[k].key, key) != 0)
        k++;
    if (k == kc->n) {
        if (kc->n == kc->cap) {
            kc->cap = kc->cap ? kc->cap * 2 : 16;
            kc->v = psi_realloc(kc->v, kc->cap * sizeof *kc->v);
        }
        kc->v[kc->n++] = (keycount){ key, 0, -1 };
    } else {
        free(key);
    }
    if (kc->v[k].last_page != p) {
        kc->v[k].pages++;
        kc->v[k].last_page = p;
    }
}

/* Whether a cell of a line of cells, a cell of words, is a running line of
 * its own. */
static bool
running_cell(const keycounts *kc, const char *text, int threshold)
{
    bool found = false;
    for (const char *c = text; c && !found;) {
        const char *tab = strchr(c, '\t');
        char *part = psi_strndup(c, tab ? (size_t)(tab - c) : strlen(c));
        char *key = psi_running_key(part);
        free(part);
        /* a cell of words, not a figure or a page number */
        for (size_t k = 0; k < kc->n && !found && strlen(key) >= 8 && !page_label(key); k++)
            found = !strcmp(kc->v[k].key, key) && kc->v[k].pages >= threshold;
        free(key);
        c = tab ? tab + 1 : NULL;
    }
    return found;
}

size_t
psi_strip_running(psi_page *pages, int npages, psi_buf *running)
{
    keycounts kc = { NULL, 0, 0 };
    int text_pages = 0;
    for (int p = 0; p < npages; p++) {
        if (pages[p].nlines)
            text_pages++;
        for (size_t i = 0; i < pages[p].nlines; i++) {
            psi_line *l = &pages[p].lines[i];
            if (!l->text || !in_edge_band(&pages[p], l, i))
                continue;
            /* the line, and each of its cells: a header of the document's
             * title and the chapter's ("REGIONAL UTVECKLINGSSTRATEGI … |
             * LÅNGSIKTIGA PRIORITERINGAR") shares its title with the rest */
            count_key(&kc, l->text, strlen(l->text), p);
            if (strchr(l->text, '\t'))
                for (const char *c = l->text, *tab; c; c = tab ? tab + 1 : NULL) {
                    tab = strchr(c, '\t');
                    count_key(&kc, c, tab ? (size_t)(tab - c) : strlen(c), p);
                }
        }
    }
    int threshold = (int)lround(text_pages * 0.3);
    if (threshold < 2)
        threshold = 2;
    size_t removed = 0;
    for (int p = 0; p < npages; p++) {
        for (size_t i = 0; i < pages[p].nlines; i++) {
            psi_line *l = &pages[p].lines[i];
            if (!l->text || !in_edge_band(&pages[p], l, i))
                continue;
            char *key = psi_running_key(l->text);
            bool drop = page_label(key);
            for (size_t k = 0; k < kc.n && !drop; k++)
                if (strcmp(kc.v[k].key, key) == 0)
                    drop = kc.v[k].pages >= threshold ||
                           (strchr(l->text, '\t') && running_cell(&kc, l->text, threshold));
            if (drop && running && !page_label(key)) {
                /* each running line once: the first time its key is seen */
                for (size_t k = 0; k < kc.n; k++)
                    if (strcmp(kc.v[k].key, key) == 0 && kc.v[k].last_page >= 0) {
                        psi_buf_adds(running, l->text);
                        psi_buf_addc(running, '\n');
                        kc.v[k].last_page = -1;
                    }
            }
            free(key);
            if (drop) {
                free(l->text);
                l->text = NULL;
                removed++;
            }
        }
    }
    for (size_t k = 0; k < kc.n; k++)
        free(kc.v[k].key);
    free(kc.v);
    return removed;
}

/* ------------------------------------------------------------- word set */

struct psi_wordset {
    struct ws_slot {
        uint64_t hash; /* 0: empty */
        char *w;
        size_t n;
    } *slot;
    size_t cap, n;
};

psi_wordset *
psi_wordset_new(void)
{
    psi_wordset *ws = psi_calloc(1, sizeof *ws);
    ws->cap = 1024;
    ws->slot = psi_calloc(ws->cap, sizeof *ws->slot);
    return ws;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
    return psi_hash64(s, n) | 1; /* never 0: 0 marks an empty slot */
}

static void
ws_put(psi_wordset *ws, uint64_t h, char *w, size_t n)
{
    size_t i = h & (ws->cap - 1);
    while (ws->slot[i].hash) {
        if (ws->slot[i].hash == h && ws->slot[i].n == n && !memcmp(ws->slot[i].w, w, n)) {
            free(w);
            return;
        }
        i = (i + 1) & (ws->cap - 1);
    }
    ws->slot[i] = (struct ws_slot){ h, w, n };
    ws->n++;
}

static void
ws_insert(psi_wordset *ws, char *w)
{
    if ((ws->n + 1) * 2 > ws->cap) {
        psi_wordset bigger = { psi_calloc(ws->cap * 2, sizeof *ws->slot), ws->cap * 2, 0 };
        for (size_t i = 0; i < ws->cap; i++)
            if (ws->slot[i].hash)
                ws_put(&bigger, ws->slot[i].hash, ws->slot[i].w, ws->slot[i].n);
        free(ws->slot);
        *ws = bigger;
    }
    size_t n = strlen(w);
    ws_put(ws, hash_bytes(w, n), w, n);
}

static bool
is_word_punct(char c)
{
    return strchr(".,;:!?()[]\"'/", c) != NULL;
}

/* The next word of text at *p, without punctuation around it, as
 * [*s, *e); moves *p past it. False at the end of the text. */
static bool
next_word(const char **p, const char **s, const char **e)
{
    const char *q = *p;
    while (*q == ' ' || *q == '\n' || *q == '\t')
        q++;
    if (!*q)
        return false;
    const char *a = q;
    while (*q && *q != ' ' && *q != '\n' && *q != '\t')
        q++;
    const char *b = q;
    while (a < b && is_word_punct(*a))
        a++;
    while (b > a && is_word_punct(b[-1]))
        b--;
    *p = q, *s = a, *e = b;
    return true;
}

void
psi_wordset_add_text(psi_wordset *ws, const char *text)
{
    const char *p = text, *s, *e;
    while (next_word(&p, &s, &e))
        /* a word ending in a hyphen is a line-end fragment, not evidence */
        if (e > s && e[-1] != '-') {
            psi_buf b = PSI_BUF_INIT;
            psi_lower_append(&b, s, (size_t)(e - s));
            ws_insert(ws, psi_buf_detach(&b));
        }
}

void
psi_wordset_add(psi_wordset *ws, const char *word)
{
    ws_insert(ws, psi_strdup(word));
}

bool
psi_wordset_has_lower(const psi_wordset *ws, const char *w, size_t n)
{
    if (!ws)
        return false;
    uint64_t h = hash_bytes(w, n);
    for (size_t i = h & (ws->cap - 1); ws->slot[i].hash; i = (i + 1) & (ws->cap - 1))
        if (ws->slot[i].hash == h && ws->slot[i].n == n && !memcmp(ws->slot[i].w, w, n))
            return true;
    return false;
}

bool
psi_wordset_has(const psi_wordset *ws, const char *word, size_t n)
{
    if (!ws)
        return false;
    char local[256];
    psi_buf b = PSI_BUF_INIT;
    if (n < sizeof local) { /* no allocation for the usual word */
        b.s = local;
        b.cap = sizeof local;
    }
    psi_lower_append(&b, word, n);
    bool found = psi_wordset_has_lower(ws, b.s, b.len);
    if (b.s != local)
        psi_buf_release(&b);
    return found;
}

void
psi_wordset_free(psi_wordset *ws)
{
    if (!ws)
        return;
    for (size_t i = 0; i < ws->cap; i++)
        free(ws->slot[i].w);
    free(ws->slot);
    free(ws);
}

/* ------------------------------------------------------- dehyphenation */

/* Words after which a line-end hyphen is a real one: "hälso- och sjukvård",
 * "kart- eller", "barn- samt". */
static const char *const conjunctions[] = {
    "och", "eller", "samt", "resp", "resp.", "respektive", "till", "som", "men",
    "liksom", "el.", "o.", "&", "utan", "än", NULL,
};

static bool
cp_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Appends s with table-cell tabs read as spaces. */
static void
add_untabbed(psi_buf *b, const char *s)
{
    for (; *s; s++)
        psi_buf_addc(b, *s == '\t' ? ' ' : *s);
}

void
psi_join_line(psi_buf *b, const char *next, const psi_wordset *words)
{
    if (!next || !*next)
        return;
    if (b->len == 0) {
        add_untabbed(b, next);
        return;
    }
    const char *s = b->s;
    size_t n = b->len;
    /* a span of years broken after its dash: "2026–" + "2027" */
    if (n >= 4 && !memcmp(s + n - 3, "\xe2\x80\x93", 3) && isdigit((unsigned char)s[n - 4]) &&
        isdigit((unsigned char)next[0])) {
        add_untabbed(b, next);
        return;
    }
    /* a hyphen at the end of the text so far, right after a letter/digit */
    bool hyphen = psi_broken_end(s, n);
    if (!hyphen) {
        psi_buf_addc(b, ' ');
        add_untabbed(b, next);
        return;
    }
    size_t ws = n - 1;
    while (ws > 0 && s[ws - 1] != ' ' && s[ws - 1] != '\n')
        ws--;
    const char *frag = s + ws;           /* "kompetens-" */
    size_t fraglen = n - 1 - ws;         /* without the hyphen */
    size_t nw = strcspn(next, " ");
    size_t nwcore = nw;
    while (nwcore > 0 && is_word_punct(next[nwcore - 1]))
        nwcore--;

    /* the two halves written whole in the document ("kompetensförsörjning") */
    psi_buf joined = PSI_BUF_INIT;
    psi_buf_add(&joined, frag, fraglen);
    psi_buf_add(&joined, next, nwcore);
    bool whole = psi_wordset_has(words, joined.s, joined.len);
    psi_buf_release(&joined);

    bool word_end = false; /* a conjunction that ends the word here */
    for (int i = 0; conjunctions[i]; i++) {
        const char *c = conjunctions[i];
        if (strlen(c) != nw || strncmp(next, c, nw))
            continue;
        /* ... unless it is the end of a word ("samt", "men", "till") and
         * the document writes the two whole: "kommungemen-" + "samt" is
         * "kommungemensamt", "plattfor-" + "men" "plattformen". Not "och",
         * "eller": poppler joins some lines itself ("hälsooch"), so the
         * document's "whole" words lie */
        if (!whole || (strcmp(c, "samt") && strcmp(c, "men") && strcmp(c, "till"))) {
            psi_buf_addc(b, ' '); /* "hälso- och" */
            add_untabbed(b, next);
            return;
        }
        word_end = true;
        break;
    }
    bool keep;
    if (word_end) {
        keep = false;
    } else if (!psi_starts_lower(next)) {
        keep = true; /* "Jönköping-" + "Linköping", "EU-" + "2020" */
    } else {
        psi_buf hy = PSI_BUF_INIT;
        psi_buf_add(&hy, frag, fraglen + 1);
        psi_buf_add(&hy, next, nwcore);
        if (psi_wordset_has(words, hy.s, hy.len)) {
            keep = true;
        } else if (whole) {
            keep = false;
        } else {
            /* "EU-projekt", "IoT-plattform", "e-hälsa", "2014-års": the
             * part before the hyphen is a short acronym (capitals, or two
             * among five letters), has a digit or is one letter */
            size_t chars = psi_utf8_chars(frag, fraglen), capitals = 0;
            bool upper = chars >= 2;
            bool digit = false;
            for (size_t i = 0; i < fraglen;) {
                uint32_t cp;
                size_t l = psi_utf8_decode(frag + i, fraglen - i, &cp);
                if (l == 0)
                    break;
                upper &= psi_cp_is_upper(cp);
                capitals += psi_cp_is_upper(cp);
                digit |= cp_is_digit(cp);
                i += l;
            }
            keep = (upper && chars <= 4) || (capitals >= 2 && !upper && chars <= 5) || digit || chars == 1;
        }
        psi_buf_release(&hy);
    }
    if (!keep) {
        b->len--; /* drop the hyphen */
        b->s[b->len] = '\0';
    }
    add_untabbed(b, next);
}

/* ------------------------------------------------------ split words */

/* Whether the last character of s is a letter. */
static bool
ends_in_letter(const char *s)
{
    size_t n = strlen(s), i = n;
    if (n == 0)
        return false;
    while (--i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        ;
    uint32_t cp;
    return psi_utf8_decode(s + i, n - i, &cp) && psi_cp_is_letter(cp);
}

/* The words (lower case) that stand alone twice or more on the lines of
 * the pages. */
static psi_wordset *
repeated_words(const psi_page *pages, int npages)
{
    psi_wordset *once = psi_wordset_new(), *twice = psi_wordset_new();
    psi_buf low = PSI_BUF_INIT;
    for (int p = 0; p < npages; p++)
        for (size_t k = 0; k < pages[p].nlines; k++) {
            const char *t = pages[p].lines[k].text, *s, *f;
            while (t && next_word(&t, &s, &f))
                if (f > s) {
                    psi_buf_reset(&low);
                    psi_lower_append(&low, s, (size_t)(f - s));
                    if (!psi_wordset_has_lower(once, low.s, low.len))
                        psi_wordset_add(once, low.s);
                    else if (!psi_wordset_has_lower(twice, low.s, low.len))
                        psi_wordset_add(twice, low.s);
                }
        }
    psi_buf_release(&low);
    psi_wordset_free(once);
    return twice;
}

/* Where the words a and b stand as "a b" on line l, whole words, or NULL. */
static char *
pair_at(const psi_line *l, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    for (char *at = strstr(l->text, a); at; at = strstr(at + 1, a)) {
        const char *e = at + na + 1 + nb;
        if ((at == l->text || at[-1] == ' ' || at[-1] == '\t') && at[na] == ' ' && !strncmp(at + na + 1, b, nb) &&
            (!*e || *e == ' ' || *e == '\t'))
            return at;
    }
    return NULL;
}

void
psi_join_split_words(psi_page *pages, int npages, const psi_wordset *words)
{
    psi_wordset *repeated = NULL; /* made at the first candidate */
    for (int p = 0; p < npages; p++) {
        psi_page *pg = &pages[p];
        for (size_t i = 0; words && i + 1 < pg->nwords; i++) {
            const psi_word *a = &pg->words[i], *b = &pg->words[i + 1];
            double em = a->size > 0.05 ? a->size : a->y1 - a->y0;
            if (!a->text || !b->text || em <= 0 || fabs(a->y0 - b->y0) > 0.2 * em || fabs(a->y1 - b->y1) > 0.2 * em ||
                b->x0 - a->x1 > 0.15 * em || b->x0 < a->x1 - 0.1 * em || !psi_starts_lower(b->text) ||
                !ends_in_letter(a->text))
                continue;
            /* the two halves whole elsewhere in the document, the second
             * nowhere alone but here ("hetens"; not "av", "snø") */
            psi_buf w = PSI_BUF_INIT;
            psi_lower_append(&w, a->text, strlen(a->text));
            size_t half = w.len;
            psi_lower_append(&w, b->text, strlen(b->text));
            size_t n = w.len;
            while (n > half && is_word_punct(w.s[n - 1]))
                n--;
            bool whole = n > half && psi_wordset_has_lower(words, w.s, n);
            if (whole && !repeated)
                repeated = repeated_words(pages, npages);
            whole = whole && !psi_wordset_has_lower(repeated, w.s + half, n - half);
            psi_buf_release(&w);
            if (!whole)
                continue;
            /* "Verksam hetens" on a's line, where a stands, is one word */
            double ax = (a->x0 + a->x1) / 2, ay = (a->y0 + a->y1) / 2;
            for (size_t k = 0; k < pg->nlines; k++) {
                psi_line *l = &pg->lines[k];
                char *at;
                if (!l->text || ay < l->y0 || ay > l->y1 || ax < l->x0 - 1 || ax > l->x1 + 1 ||
                    !(at = pair_at(l, a->text, b->text)))
                    continue;
                size_t space = (size_t)(at - l->text) + strlen(a->text);
                memmove(l->text + space, l->text + space + 1, strlen(l->text + space + 1) + 1);
                break;
            }
        }
    }
    psi_wordset_free(repeated);
}

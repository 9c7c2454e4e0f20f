/* register.c: the register of Swedish public bodies (kommuner, regions,
 * länsstyrelser, förbund, national agencies) read from the built-in
 * core/register.tsv (its header describes the columns and sources): look a
 * body up by code or by a whole name, a kommun by its place word, and find
 * every mention of a body in a text. Only data and matching; what a
 * document's publisher is, is decided by ingest/detect.c.
 *
 * The tables are built once, on first use (pthread_once), and freed when the
 * process exits (a GNU destructor), so sanitizers and valgrind see no leak.
 * One open-addressing hash holds every key, each starting with a byte that
 * says what it is:
 *   'C' code                      'E' an "=" alias as written
 *   'L' a name in lower case      'F' the same folded to ASCII
 *   'P' a kommun's place or genitive, lower case; 'Q' the same folded
 *   'W' the first word of a name in lower case -> its names for scanning
 * Folded keys two bodies share ("habo" for Håbo and Habo) answer nothing. */
#include "plansok-private.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AMBIGUOUS (-1)

/* The länskod of each ps_lan index (the order of core/names.c). */
static const int lan_codes[PS_LAN_COUNT] = { 1,  3,  4,  5,  6,  7,  8,  9,  10, 12, 13,
                                             14, 17, 18, 19, 20, 21, 22, 23, 24, 25 };
static const char *const type_names[] = { "kommun", "region", "lansstyrelse", "forbund", "stat" };

typedef struct slot {
    uint32_t off, len; /* the key in rg.keys; len 0 is an empty slot */
    int val;           /* a body's index, AMBIGUOUS, or the first name of a 'W' key */
    int n;             /* 'W': how many names start with that word */
} slot;

/* A name as matched in text: a self-name or an alias. */
typedef struct alias {
    const char *s;
    size_t len;
    size_t first_off, first_len; /* its first word, lower case, in rg.keys */
    int body;
    bool exact; /* an "=" alias: only in this case */
} alias;

static struct {
    char *text; /* a copy of the data, cut into the strings bodies point to */
    psi_body *bodies;
    size_t n;
    alias *names;
    size_t nnames;
    psi_buf keys;
    slot *slots;
    size_t mask;
} rg;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static bool
is_word_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || psi_cp_is_letter(cp);
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The next word of s[0..n) at or after *i: [*ws, *we), *i moved past it. */
static bool
next_word(const char *s, size_t n, size_t *i, size_t *ws, size_t *we)
{
    if (!psi_utf8_run(s, n, i, ws, is_word_cp, is_word_cp))
        return false;
    *we = *i;
    return true;
}

static const slot *
find(const char *k, size_t n)
{
    if (!rg.slots) /* used after the destructor */
        return NULL;
    for (size_t j = psi_hash64(k, n) & rg.mask;; j = (j + 1) & rg.mask) {
        const slot *s = &rg.slots[j];
        if (!s->len)
            return NULL;
        if (s->len == n && memcmp(rg.keys.s + s->off, k, n) == 0)
            return s;
    }
}

/* Adds key k for val. A key already there keeps its value, unless
 * ambiguous is set and the value differs: then it answers nothing. */
static slot *
put(const char *k, size_t n, int val, bool ambiguous)
{
    size_t j = psi_hash64(k, n) & rg.mask;
    for (; rg.slots[j].len; j = (j + 1) & rg.mask) {
        slot *s = &rg.slots[j];
        if (s->len == n && memcmp(rg.keys.s + s->off, k, n) == 0) {
            if (ambiguous && s->val != val)
                s->val = AMBIGUOUS;
            return s;
        }
    }
    rg.slots[j] = (slot){ (uint32_t)rg.keys.len, (uint32_t)n, val, 0 };
    psi_buf_add(&rg.keys, k, n);
    return &rg.slots[j];
}

/* s[0..n) with surrounding white space dropped and inner runs as one space. */
static void
squeeze(psi_buf *b, const char *s, size_t n)
{
    psi_buf_reset(b);
    for (size_t i = 0; i < n; i++) {
        if (!is_space(s[i]))
            psi_buf_addc(b, s[i]);
        else if (b->len && b->s[b->len - 1] != ' ')
            psi_buf_addc(b, ' ');
    }
    if (b->len && b->s[b->len - 1] == ' ')
        b->s[--b->len] = '\0';
    psi_buf_str(b);
}

/* The key of kind ns for the squeezed string s: lower case, or folded. */
static void
make_key(psi_buf *k, char ns, const char *s, size_t n, bool fold)
{
    psi_buf_reset(k);
    psi_buf_addc(k, ns);
    if (!fold) {
        psi_lower_append(k, s, n);
        return;
    }
    char *tmp = psi_strndup(s, n), *f = psi_fold_ascii(tmp);
    psi_buf_adds(k, f);
    free(f);
    free(tmp);
}

/* A name of body b in lookup namespace lo ('L' or 'P') and its folded twin. */
static void
put_name(int b, const char *s, char lo, char fo)
{
    psi_buf sq = PSI_BUF_INIT, k = PSI_BUF_INIT;
    squeeze(&sq, s, strlen(s));
    make_key(&k, lo, sq.s, sq.len, false);
    put(k.s, k.len, b, false);
    make_key(&k, fo, sq.s, sq.len, true);
    put(k.s, k.len, b, true);
    psi_buf_release(&sq);
    psi_buf_release(&k);
}

/* A kommun's genitive from the first of its names (rg.names[first..]) that
 * is "X kommun" or "X stad" (Gotland's from its alias "Gotlands kommun"). */
static void
set_genitive(psi_body *b, size_t first)
{
    for (size_t i = first; i < rg.nnames; i++) {
        const char *s = rg.names[i].s;
        size_t n = rg.names[i].len, cut = n > 7 && !strcasecmp(s + n - 7, " kommun") ? 7
                                    : n > 5 && !strcasecmp(s + n - 5, " stad")   ? 5
                                                                                 : 0;
        if (cut) {
            b->genitive = psi_strndup(s, n - cut);
            return;
        }
    }
}

static void
add_alias(int b, const char *s, bool exact)
{
    rg.names = psi_realloc(rg.names, (rg.nnames + 1) * sizeof *rg.names);
    rg.names[rg.nnames++] = (alias){ s, strlen(s), 0, 0, b, exact };
}

/* One data line, cut in place: 5 fields, a known type and länskod; the
 * aliases field into *aliases. */
static bool
parse_line(char *line, psi_body *b, char **aliases)
{
    char *f[5];
    for (int i = 0; i < 5; i++) {
        f[i] = line;
        line = strchr(line, '\t');
        if ((i < 4) != (line != NULL))
            return false;
        if (line)
            *line++ = '\0';
    }
    *b = (psi_body){ f[0], f[3], "", "", PSI_BODY_KOMMUN, -1 };
    size_t t = 0;
    while (t < sizeof type_names / sizeof *type_names && strcmp(f[1], type_names[t]))
        t++;
    if (t == sizeof type_names / sizeof *type_names || !*f[0] || !*f[3])
        return false;
    b->type = (psi_body_type)t;
    if (*f[2]) {
        int code = atoi(f[2]);
        for (int i = 0; i < PS_LAN_COUNT; i++)
            if (lan_codes[i] == code && strlen(f[2]) == 2)
                b->lan = i;
        if (b->lan < 0)
            return false;
    }
    if ((b->lan < 0) != (b->type == PSI_BODY_STAT))
        return false;
    *aliases = f[4];
    return true;
}

static int
cmp_names(const void *pa, const void *pb)
{
    const alias *a = pa, *b = pb;
    size_t n = a->first_len < b->first_len ? a->first_len : b->first_len;
    int c = memcmp(rg.keys.s + a->first_off, rg.keys.s + b->first_off, n);
    if (c)
        return c;
    if (a->first_len != b->first_len)
        return a->first_len < b->first_len ? -1 : 1;
    return a->len != b->len ? (a->len > b->len ? -1 : 1) : (a->body > b->body) - (a->body < b->body);
}

static void
build(void)
{
    rg.text = psi_strdup(psi_default_register);
    size_t lines = 1, bars = 0;
    for (const char *p = rg.text; *p; p++)
        lines += *p == '\n', bars += *p == '|';
    rg.bodies = psi_calloc(lines, sizeof *rg.bodies);
    /* every key a body can give: 2 per name (4 per "=" alias), 12 more per kommun, 1 per code */
    size_t cap = 64;
    while (cap < 2 * (3 * (lines + bars) + 12 * lines))
        cap *= 2;
    rg.slots = psi_calloc(cap, sizeof *rg.slots);
    rg.mask = cap - 1;
    psi_buf k = PSI_BUF_INIT;
    for (char *line = rg.text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *a;
        psi_body *b = &rg.bodies[rg.n];
        if (*line != '#' && *line && parse_line(line, b, &a)) {
            int bi = (int)rg.n++;
            size_t first = rg.nnames;
            add_alias(bi, b->name, false);
            for (char *bar; a; a = bar) {
                if ((bar = strchr(a, '|')))
                    *bar++ = '\0';
                if (*a == '@')
                    b->place = a + 1;
                else if (*a)
                    add_alias(bi, a + (*a == '='), *a == '=');
            }
            if (b->type == PSI_BODY_KOMMUN)
                set_genitive(b, first);
            psi_buf_reset(&k);
            psi_buf_addf(&k, "C%s", b->code);
            put(k.s, k.len, bi, false);
        }
        line = nl ? nl + 1 : NULL;
    }
    /* self-names and aliases first, so that a derived form never hides one */
    for (size_t i = 0; i < rg.nnames; i++) {
        alias *a = &rg.names[i];
        if (a->exact) {
            psi_buf_reset(&k);
            psi_buf_addc(&k, 'E');
            psi_buf_add(&k, a->s, a->len);
            put(k.s, k.len, a->body, false);
            /* in any case, for a name typed by a user ("org:vgr") */
            put_name(a->body, a->s, 'U', 'V');
        } else {
            put_name(a->body, a->s, 'L', 'F');
        }
        size_t i0 = 0, ws = 0, we = 0;
        next_word(a->s, a->len, &i0, &ws, &we);
        make_key(&k, 'W', a->s + ws, we - ws, false);
        a->first_off = rg.keys.len + 1;
        a->first_len = k.len - 1;
        psi_buf_add(&rg.keys, k.s, k.len); /* a copy outside the table */
    }
    for (size_t i = 0; i < rg.n; i++) {
        const psi_body *b = &rg.bodies[i];
        if (b->type != PSI_BODY_KOMMUN)
            continue;
        const char *forms[] = { b->place, b->genitive };
        for (int f = 0; f < 2; f++) {
            if (!*forms[f])
                continue;
            put_name((int)i, forms[f], 'P', 'Q');
            char *legal = psi_asprintf("%s kommun", forms[f]);
            put_name((int)i, legal, 'L', 'F');
            free(legal);
        }
        if (*b->place)
            put_name((int)i, b->place, 'L', 'F');
    }
    qsort(rg.names, rg.nnames, sizeof *rg.names, cmp_names);
    for (size_t i = 0; i < rg.nnames; i++) { /* sorted: a word's names are a run */
        psi_buf_reset(&k); /* a copy: put may move rg.keys */
        psi_buf_add(&k, rg.keys.s + rg.names[i].first_off - 1, rg.names[i].first_len + 1);
        slot *s = put(k.s, k.len, (int)i, false);
        if (!s->n++)
            s->val = (int)i;
    }
    psi_buf_release(&k);
}

#if defined(__GNUC__)
__attribute__((destructor)) static void
release(void)
{
    for (size_t i = 0; i < rg.n; i++)
        if (rg.bodies[i].type == PSI_BODY_KOMMUN && *rg.bodies[i].genitive)
            free((char *)rg.bodies[i].genitive);
    free(rg.bodies);
    free(rg.names);
    free(rg.slots);
    free(rg.text);
    psi_buf_release(&rg.keys);
    memset(&rg, 0, sizeof rg);
}
#endif

static void
init(void)
{
    pthread_once(&once, build);
}

size_t
psi_register_count(void)
{
    init();
    return rg.n;
}

const psi_body *
psi_register_get(size_t i)
{
    init();
    return i < rg.n ? &rg.bodies[i] : NULL;
}

static const psi_body *
body_of(const slot *s)
{
    return s && s->val != AMBIGUOUS ? &rg.bodies[s->val] : NULL;
}

const psi_body *
psi_register_by_code(const char *code)
{
    init();
    if (!code)
        return NULL;
    psi_buf k = PSI_BUF_INIT;
    psi_buf_addf(&k, "C%s", code);
    const psi_body *b = body_of(find(k.s, k.len));
    psi_buf_release(&k);
    return b;
}

/* name in namespace lo, or else folded in namespace fo; exact first with e. */
static const psi_body *
look(const char *name, char lo, char fo, bool e)
{
    init();
    if (!name)
        return NULL;
    psi_buf sq = PSI_BUF_INIT, k = PSI_BUF_INIT;
    squeeze(&sq, name, strlen(name));
    const psi_body *b = NULL;
    if (sq.len) {
        if (e) {
            psi_buf_addc(&k, 'E');
            psi_buf_add(&k, sq.s, sq.len);
            b = body_of(find(k.s, k.len));
        }
        for (int pass = 0; pass < 2 && !b; pass++) {
            make_key(&k, pass ? fo : lo, sq.s, sq.len, pass == 1);
            b = body_of(find(k.s, k.len));
        }
    }
    psi_buf_release(&sq);
    psi_buf_release(&k);
    return b;
}

const psi_body *
psi_register_lookup(const char *name)
{
    return look(name, 'L', 'F', true);
}

const psi_body *
psi_register_lookup_typed(const char *name)
{
    const psi_body *b = look(name, 'L', 'F', true);
    return b ? b : look(name, 'U', 'V', false);
}

const psi_body *
psi_register_kommun_by_place(const char *word)
{
    return look(word, 'P', 'Q', false);
}

/* Whether gaps a and t between words hold the same characters but white space. */
static bool
same_gap(const char *a, size_t an, const char *t, size_t tn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && is_space(a[i]))
            i++;
        while (j < tn && is_space(t[j]))
            j++;
        if (i == an || j == tn)
            return i == an && j == tn;
        if (a[i++] != t[j++])
            return false;
    }
}

static bool
same_word(const char *a, size_t an, const char *t, size_t tn, bool exact)
{
    if (exact)
        return an == tn && memcmp(a, t, an) == 0;
    size_t i = 0, j = 0;
    while (i < an && j < tn) {
        uint32_t ca, ct;
        psi_utf8_next(a, an, &i, &ca);
        psi_utf8_next(t, tn, &j, &ct);
        if (psi_cp_lower(ca) != psi_cp_lower(ct))
            return false;
    }
    return i == an && j == tn;
}

/* The end of name a in text t when it starts at the word at ts; 0 if not.
 * The last word may carry a genitive s ("Alingsås kommuns",
 * "Regeringens"), except in a name matched by its exact case. */
static size_t
match_at(const char *t, size_t n, size_t ts, const alias *a)
{
    size_t ai = 0, ti = ts, end = 0;
    for (bool first = true;; first = false) {
        size_t ag = ai, tg = ti, as, ae, ws, we, xi, xs, xe;
        if (!next_word(a->s, a->len, &ai, &as, &ae))
            return end;
        if (!next_word(t, n, &ti, &ws, &we))
            return 0;
        if (!first && !same_gap(a->s + ag, as - ag, t + tg, ws - tg))
            return 0;
        xi = ai;
        bool last = !next_word(a->s, a->len, &xi, &xs, &xe);
        bool gen = last && !a->exact && we - ws > ae - as && we - ws == ae - as + 1 && (t[we - 1] | 0x20) == 's';
        if (!same_word(a->s + as, ae - as, t + ws, gen ? we - ws - 1 : we - ws, a->exact))
            return 0;
        end = we;
    }
}

size_t
psi_register_scan(const char *text, size_t len, psi_body_match *out, size_t max)
{
    init();
    size_t found = 0, i = 0, ws, we;
    psi_buf k = PSI_BUF_INIT;
    while (found < max && next_word(text, len, &i, &ws, &we)) {
        make_key(&k, 'W', text + ws, we - ws, false);
        const slot *s = find(k.s, k.len);
        if (!s && we - ws > 2 && (text[we - 1] | 0x20) == 's') { /* a one-word name's genitive */
            make_key(&k, 'W', text + ws, we - ws - 1, false);
            s = find(k.s, k.len);
        }
        for (int j = s ? s->val : 0; s && j < s->val + s->n; j++) {
            size_t end = match_at(text, len, ws, &rg.names[j]);
            if (end) {
                out[found++] = (psi_body_match){ &rg.bodies[rg.names[j].body], ws, end };
                i = end;
                break;
            }
        }
    }
    psi_buf_release(&k);
    return found;
}

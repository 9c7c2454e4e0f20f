/* passage.c: cleaned lines -> headings and paragraphs -> passages. A heading
 * is a short line set larger than the body font (or bold at body size);
 * its level comes from its size rank. A paragraph ends at a vertical gap.
 * A passage is a heading with the paragraphs under it, cut at page ends
 * (so every passage has one physical page to cite; a sentence a page end
 * cuts off goes with the page where it ends) and at about
 * PSI_PASSAGE_MAX bytes, at a paragraph or sentence boundary. */
#include "plansok-private.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LEVELS 4

typedef struct builder {
    psi_passages *out;
    const psi_wordset *words;
    const psi_tagger *tagger;
    char *path[MAX_LEVELS];   /* current heading at each level */
    int hk[MAX_LEVELS];       /* section kind each heading sets, -1: none */
    bool intro[MAX_LEVELS];   /* ... for its own text only */
    bool force_other;         /* title and contents pages */
    int level;                /* level of the newest heading, 0: none */
    bool heading_pending;     /* newest heading has no passage yet */
    int heading_page;         /* ... and the page it is on */
    psi_buf text;             /* passage text so far */
    psi_buf para;             /* current paragraph */
    int page;
} builder;

static char *
heading_path(const builder *b)
{
    psi_buf p = PSI_BUF_INIT;
    for (int i = 0; i < MAX_LEVELS; i++) {
        if (!b->path[i])
            continue;
        if (p.len)
            psi_buf_adds(&p, " > ");
        psi_buf_adds(&p, b->path[i]);
    }
    return psi_buf_detach(&p);
}

/* The kind set by the deepest heading that sets one, or -1. */
static int
heading_kind(const builder *b)
{
    bool deepest = true;
    for (int i = MAX_LEVELS - 1; i >= 0; i--) {
        if (!b->path[i])
            continue;
        if (b->hk[i] >= 0 && (deepest || !b->intro[i]))
            return b->hk[i];
        deepest = false;
    }
    return -1;
}

/* Whether text opens with word (lower case) in any case ("INNEHÅLL"),
 * then a space or its end. */
static bool
opens_with(const char *text, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n < w || (n > w && text[w] != ' ' && text[w] != '\n'))
        return false;
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, text, w);
    bool same = !strcmp(psi_buf_str(&low), word);
    psi_buf_release(&low);
    return same;
}

/* Entries of a table of contents in text: a leader of dots (four or more,
 * spaced or not, or two "…") and a page number ending a title ("1. Inledning
 * ........ 4"). */
static int
contents_entries(const char *t, size_t n)
{
    int entries = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, dots = 0;
        while (j < n) {
            if (t[j] == '.')
                dots++;
            else if (j + 2 < n && !memcmp(t + j, "\xe2\x80\xa6", 3))
                dots += 2, j += 2;
            else if (t[j] != ' ' || !dots)
                break;
            j++;
        }
        if (dots < 4) {
            i = j > i ? j : i + 1;
            continue;
        }
        while (j < n && t[j] == ' ')
            j++;
        size_t d = j;
        while (j < n && t[j] >= '0' && t[j] <= '9')
            j++;
        if (j > d && j - d <= 3 && (j == n || t[j] == ' ' || t[j] == '\n'))
            entries++;
        i = j;
    }
    return entries;
}

/* Words that open a table of contents, in Swedish, Danish and Norwegian. */
static const char *const contents_words[] = { "innehåll", "innehållsförteckning", "indhold", "indholdsfortegnelse",
                                              "innhold", "innholdsfortegnelse", NULL };

/* Whether the last heading of path is a table of contents' title. */
static bool
under_contents(const char *path)
{
    const char *last = path, *sep;
    while ((sep = strstr(last, " > ")))
        last = sep + 3;
    for (int i = 0; contents_words[i]; i++)
        if (opens_with(last, strlen(last), contents_words[i]) && strlen(last) == strlen(contents_words[i]))
            return true;
    return false;
}

/* Whether text is titles and page numbers without a sentence: three page
 * numbers or more (numbers of at most three digits, not followed by '.'),
 * rising, with at most twelve words to each (numbers too), and no '.', '?'
 * or '!' after a letter ("1. Forord 3 2. Sammenfatning 4 3. Indledning og
 * vision 11"; a paragraph of a law citing "6 § första stycket 3" is not). */
static bool
titles_and_pages(const char *t, size_t n)
{
    int pages = 0, words = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && i > 0 && !(t[i - 1] >= '0' && t[i - 1] <= '9'))
            return false;
        bool starts = i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n';
        if (starts && t[i] != ' ' && t[i] != '\n')
            words++;
        if (!starts || t[i] < '0' || t[i] > '9')
            continue;
        size_t j = i;
        while (j < n && t[j] >= '0' && t[j] <= '9')
            j++;
        if (j - i <= 3 && (j == n || t[j] == ' ' || t[j] == '\n')) {
            int page = atoi(t + i);
            if (page < last)
                return false;
            last = page;
            pages++;
        }
        i = j - 1;
    }
    return pages >= 3 && words <= 12 * pages;
}

/* Whether a passage of kind other is a table of contents: opening with
 * "Innehåll" or "Innehållsförteckning" (a heading read as text: "INNEHÅLL
 * INLEDNING... 7"), or with two entries of title, dots and page, or one
 * that is most of a short passage, or titles and page numbers without dots
 * under a heading "Innehåll" ("Indhold": "1. Forord 3 2. Sammenfatning 4").
 * A heading "Innehåll" over text is not enough: where a document has no
 * other heading, it is over every page. It stays in the document (show
 * --passages); searches and counts pass it by, since it names every topic
 * of its document and discusses none. */
static bool
is_contents(const char *t, size_t n, int kind, const char *path)
{
    if (kind != PS_SECTION_OTHER)
        return false;
    for (int i = 0; contents_words[i]; i++)
        if (opens_with(t, n, contents_words[i]))
            return true;
    int e = contents_entries(t, n);
    return e >= 2 || (e == 1 && n < 200) || (under_contents(path) && titles_and_pages(t, n));
}

/* Whether a passage goes on with the table of contents before it: under
 * the same headings, on its page or the next, titles without a sentence
 * ("Stödjande processer Strategiskt kommunikationsarbete … Budget 2018",
 * Storsthlm's p3 after its p2). */
static bool
goes_on_contents(const psi_passages *o, int page, const char *path, const char *t, size_t n, int kind)
{
    if (kind != PS_SECTION_OTHER || o->n == 0 || n > 1000)
        return false;
    const ps_passage *last = &o->v[o->n - 1];
    if (!last->contents || page - last->page > 1 || strcmp(last->heading, path))
        return false;
    for (size_t i = 0; i < n; i++)
        if (strchr(".?!:;", t[i]))
            return false;
    return true;
}

static void
emit(builder *b, const char *text, size_t n)
{
    psi_passages *o = b->out;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 32;
        o->v = psi_realloc(o->v, o->cap * sizeof *o->v);
    }
    char *t = psi_strndup(text, n);
    int kind = b->force_other ? PS_SECTION_OTHER : heading_kind(b);
    if (kind < 0 && b->tagger)
        kind = psi_tagger_sentences(b->tagger, t, NULL);
    if (kind < 0)
        kind = PS_SECTION_OTHER;
    char *path = heading_path(b);
    int contents = is_contents(t, n, kind, path) || goes_on_contents(o, b->page, path, t, n, kind);
    o->v[o->n++] = (ps_passage){ b->page, path, t, (ps_section)kind, NULL, contents };
    b->heading_pending = false;
}

/* Ends the paragraph; cuts a passage when the text has grown long. */
static void
end_paragraph(builder *b)
{
    if (b->para.len == 0)
        return;
    if (b->text.len && b->text.len + b->para.len > PSI_PASSAGE_MAX) {
        emit(b, b->text.s, b->text.len);
        psi_buf_reset(&b->text);
    }
    /* a paragraph longer than twice the bound is cut at sentence ends */
    const char *s = psi_buf_str(&b->para);
    size_t n = b->para.len, from = 0;
    while (n - from > 2 * PSI_PASSAGE_MAX) {
        size_t cut = 0;
        for (size_t i = from + PSI_PASSAGE_MAX; i + 2 < n && i < from + 2 * PSI_PASSAGE_MAX; i++) {
            if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ') {
                cut = i + 1;
                break;
            }
        }
        if (!cut) { /* no sentence end: cut at a space */
            cut = from + PSI_PASSAGE_MAX;
            while (cut < n && s[cut] != ' ')
                cut++;
        }
        if (b->text.len)
            psi_buf_addc(&b->text, '\n');
        psi_buf_add(&b->text, s + from, cut - from);
        emit(b, b->text.s, b->text.len);
        psi_buf_reset(&b->text);
        from = cut;
        while (from < n && s[from] == ' ')
            from++;
    }
    if (from < n) {
        if (b->text.len)
            psi_buf_addc(&b->text, '\n');
        psi_buf_add(&b->text, s + from, n - from);
    }
    psi_buf_reset(&b->para);
}

static void
flush_passage(builder *b)
{
    end_paragraph(b);
    if (b->text.len)
        emit(b, b->text.s, b->text.len);
    psi_buf_reset(&b->text);
}

/* Whether heading text, a sibling of the heading with nothing under it
 * that sets a kind, is what that heading heads: a statement of eight words
 * or more with no kind of its own ("Mål" / "I Alingsås finns goda
 * förutsättningar för ett starkt, hållbart och inkluderande föreningsliv
 * …", set bold over the text that explains it). */
static bool
heads_statement(const builder *b, int level, const char *text)
{
    if (!b->heading_pending || level != b->level || b->hk[level - 1] < 0 || !b->tagger)
        return false;
    bool intro;
    if (psi_tagger_heading(b->tagger, text, &intro) >= 0)
        return false;
    int words = 0;
    for (const char *c = text; *c; c++)
        words += *c != ' ' && (c == text || c[-1] == ' ');
    return words >= 8;
}

/* The passage of a heading with nothing under it, cited at the heading's
 * page (not the page of what comes next). */
static void
emit_heading_only(builder *b)
{
    int page = b->page;
    b->page = b->heading_page;
    emit(b, "", 0);
    b->page = page;
}

static void
set_heading(builder *b, int level, const char *text)
{
    flush_passage(b);
    /* a heading with nothing under it before a sibling or a parent still
     * becomes a passage, so that its words are searchable; a statement
     * after it is its text, and stays a heading over the text after it */
    if (heads_statement(b, level, text))
        emit(b, text, strlen(text));
    else if (b->heading_pending && level <= b->level)
        emit_heading_only(b);
    for (int i = level - 1; i < MAX_LEVELS; i++) {
        free(b->path[i]);
        b->path[i] = NULL;
        b->hk[i] = -1;
    }
    b->path[level - 1] = psi_strdup(text);
    b->hk[level - 1] = b->tagger ? psi_tagger_heading(b->tagger, text, &b->intro[level - 1]) : -1;
    b->level = level;
    b->heading_pending = true;
    b->heading_page = b->page;
    psi_passages *o = b->out;
    if (o->noutline == o->outline_cap) {
        o->outline_cap = o->outline_cap ? o->outline_cap * 2 : 32;
        o->outline = psi_realloc(o->outline, o->outline_cap * sizeof *o->outline);
    }
    int k = heading_kind(b);
    o->outline[o->noutline++] = (ps_heading){ level, b->page, k < 0 ? PS_SECTION_OTHER : (ps_section)k,
                                               psi_strdup(text) };
}

/* Body size: the font size that carries the most text. */
static double
body_size(const psi_page *pages, int npages)
{
    double sizes[64] = { 0 }, weight[64] = { 0 };
    int ns = 0;
    for (int p = 0; p < npages; p++) {
        for (size_t i = 0; i < pages[p].nlines; i++) {
            const psi_line *l = &pages[p].lines[i];
            if (!l->text)
                continue;
            double s = round(l->size * 2) / 2;
            int k = 0;
            while (k < ns && sizes[k] != s)
                k++;
            if (k == ns) {
                if (ns == 64)
                    continue;
                sizes[ns++] = s;
            }
            weight[k] += (double)strlen(l->text);
        }
    }
    int best = 0;
    for (int k = 1; k < ns; k++)
        if (weight[k] > weight[best])
            best = k;
    return ns ? sizes[best] : 0;
}

/* Distinct heading sizes, largest first, give the levels. */
typedef struct levels {
    double size[8];
    int n;
} levels;

#define BOLD_HEADING_MAX 90

static bool
is_heading(const psi_line *l, double body)
{
    if (body <= 0 || l->size <= 0)
        return false;
    size_t n = strlen(l->text);
    if (n < 2 || n > 160)
        return false;
    /* a line of table cells is a row, a cell's line a cell, and an item of
     * a list an item, however they are set */
    if (strchr(l->text, '\t') || l->part != PSI_PART_NONE || psi_bullet_len(l->text))
        return false;
    bool letter = false;
    for (size_t i = 0; i < n && !letter;) {
        uint32_t cp;
        size_t k = psi_utf8_decode(l->text + i, n - i, &cp);
        if (!k)
            break;
        letter = psi_cp_is_letter(cp);
        i += k;
    }
    if (!letter)
        return false;
    if (l->size >= body * 1.12)
        return true;
    /* bold at body size: a heading is short; a line of a bold paragraph
     * (an inriktning set in bold) runs on. Lengths are in characters: "…
     * jämlikt och aktivt friluftsliv så att fler invånare" is 86 of them
     * and 91 bytes. */
    return l->bold && l->size >= body * 0.95 && l->text[n - 1] != '.' && psi_utf8_chars(l->text, n) <= BOLD_HEADING_MAX;
}

static bool
bold_at_body(const psi_line *l, double body)
{
    return l->text && l->bold && l->size >= body * 0.95 && l->size < body * 1.12;
}

/* Whether line b goes on the run of line a: the next line down, close
 * under it, set as it is (bold at body size, or larger than the body). */
static bool
same_run(const psi_line *a, const psi_line *b, bool bold, double body)
{
    if (!a->text || !b->text || b->bold != a->bold || fabs(b->size - a->size) > 0.25)
        return false;
    bool set = bold ? bold_at_body(a, body) && bold_at_body(b, body) : a->size >= body * 1.12 && b->size >= body * 1.12;
    return set && b->y0 > a->y0 && b->y0 - a->y1 < b->size * 0.9;
}

/* A run of bold lines at body size that ends a sentence after two lines or
 * more, or runs past two headings' length, is a paragraph set in bold (the
 * lead of a follow-up's section: "Elevpengen i grundskolans årskurser 7 till
 * 9 höjs återigen inför 2026, vilket gör det / möjligt att …"), however short
 * its lines are. So is a run of three lines or more set larger than the body
 * that ends a sentence past two headings' length: a chapter's introduction
 * (the RUS's "Den regionala utvecklingsstrategin pekar ut vår gemensamma /
 * riktning …", five lines at 20 pt under "Genomförande"). */
static bool
in_paragraph(const psi_page *pg, size_t i, double body)
{
    const psi_line *ls = pg->lines;
    bool bold = bold_at_body(&ls[i], body);
    if (!bold && !(ls[i].text && ls[i].size >= body * 1.12))
        return false;
    /* (a run of more than 12 lines is a paragraph: the walk stops there) */
    size_t a = i, z = i;
    while (a > 0 && i - a <= 12 && same_run(&ls[a - 1], &ls[a], bold, body))
        a--;
    while (z + 1 < pg->nlines && z - i <= 12 && same_run(&ls[z], &ls[z + 1], bold, body))
        z++;
    if (z - a > 12)
        return true;
    if (a == z || (!bold && z - a < 2))
        return false;
    size_t total = 0;
    for (size_t k = a; k <= z; k++)
        total += psi_utf8_chars(ls[k].text, strlen(ls[k].text)) + 1;
    size_t n = strlen(ls[z].text);
    bool ends = n && ls[z].text[n - 1] == '.';
    return bold ? ends || total > 2 * BOLD_HEADING_MAX : ends && total > 2 * BOLD_HEADING_MAX;
}

/* A line whose sentence runs on into the line under it, set smaller or not
 * bold, is the lead of a paragraph or a list item, not a heading: "Samverkan
 * och kunskapsöverföring blir allt" (bold) / "viktigare när traditionella
 * branscher …"; "Stimulera entreprenörskap samt utveckla" (22 pt) / "och ta
 * tillvara barns …" (16 pt). A heading wrapped over two lines stays one. */
static bool
runs_on(const psi_page *pg, size_t i)
{
    const psi_line *l = &pg->lines[i];
    for (;;) {
        size_t j = i + 1;
        while (j < pg->nlines && !pg->lines[j].text)
            j++;
        if (j >= pg->nlines)
            return false;
        const psi_line *next = &pg->lines[j];
        size_t n = strlen(l->text);
        if (!n || l->text[n - 1] == ':' || l->text[n - 1] == '.')
            return false;
        if (next->y0 <= l->y0 || next->y0 - l->y1 > l->size * 0.8 || fabs(next->x0 - l->x0) > 3 * l->size)
            return false;
        if (fabs(next->size - l->size) <= 0.25 && next->bold == l->bold) {
            l = next; /* the same heading, wrapped: its last line decides */
            i = j;
            continue;
        }
        /* a line broken because it was full, not a short heading over text */
        return l->x1 >= next->x1 - 3 * next->size && psi_starts_lower(next->text);
    }
}

static bool
heading_at(const psi_page *pg, size_t i, double body)
{
    return pg->lines[i].text && is_heading(&pg->lines[i], body) && !in_paragraph(pg, i, body) &&
           !runs_on(pg, i);
}

static bool
page_has_body(const psi_page *pg, double body)
{
    for (size_t i = 0; i < pg->nlines; i++)
        if (pg->lines[i].text && !heading_at(pg, i, body))
            return true;
    return false;
}

/* Whether line b goes on with line a's sentence across a gap wider than a
 * paragraph's: text set loosely (a table's cells at 9 pt on a 13 pt
 * pitch), where b starts in lower case ("kan mellan skola") and a breaks a
 * word ("samver-") or is as far under the line above it (gap_a) as b is
 * under it: the same loose setting, no paragraph's space. */
static bool
loose_goes_on(const psi_line *a, const psi_line *b, double gap_a)
{
    double gap = b->y0 - a->y1;
    return psi_starts_lower(b->text) && gap < b->size && fabs(a->size - b->size) <= 0.25 &&
           (psi_broken_end(a->text, strlen(a->text)) || fabs(gap - gap_a) <= 0.15 * b->size);
}

/* Whether the '.' at s[i] ends an abbreviation ("t.ex.", "bl.a.", "s.k.")
 * rather than a sentence: the word it ends holds another '.' or is one
 * letter. */
static bool
abbreviation(const char *s, size_t i)
{
    size_t b = i;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n')
        b--;
    return i - b == 1 || memchr(s + b, '.', i - b) != NULL;
}

/* Where the sentence a paragraph ends in, unfinished, starts: after its
 * last sentence end, or at its start when it is all one sentence, as long
 * as that sentence is no longer than a long one; the paragraph's length
 * when it ends a sentence or the tail is too long to be one. */
static size_t
cut_sentence(const psi_buf *para)
{
    size_t n = para->len;
    const char *s = para->s;
    if (n == 0 || strchr(".!?:;", s[n - 1]))
        return n;
    for (size_t i = n; i-- > 1;) {
        if (n - i > 600)
            return n;
        if (s[i] == ' ' && strchr(".!?", s[i - 1]) && !(s[i - 1] == '.' && abbreviation(s, i - 1)))
            return i + 1;
    }
    return n > 600 ? n : 0;
}

/* Whether page p+1 opens with body text in lower case: the sentence page p
 * ended in goes on there. */
static bool
continued(const psi_page *pages, int npages, int p, double body)
{
    if (p + 1 >= npages || !page_has_body(&pages[p + 1], body))
        return false;
    const psi_page *pg = &pages[p + 1];
    for (size_t i = 0; i < pg->nlines; i++) {
        if (!pg->lines[i].text)
            continue;
        return !heading_at(pg, i, body) && psi_starts_lower(pg->lines[i].text);
    }
    return false;
}

/* Whether line l, a year, a span of years or a date alone ("2027",
 * "2026–2027", "2026 - 2027", "2018-03-28"), is the last line of the
 * heading in head, wrapped: set as it is and close under its last line prev
 * ("1.1.Tekniska nämndens genomlysning 2026–" / "2027"). A line without a
 * letter is no heading of its own (a page number); a key figure under its
 * label ("Antal invånare" / "41 602") is not a year. */
static bool
ends_heading(const psi_buf *head, double head_size, const psi_line *prev, const psi_line *l)
{
    if (!head->len || !prev || fabs(l->size - head_size) > 0.25 || l->bold != prev->bold || l->y0 <= prev->y0 ||
        l->y0 - prev->y1 > head_size * 0.9 || l->part != PSI_PART_NONE || psi_bullet_len(l->text))
        return false;
    int years = 0;
    for (const char *c = l->text; *c;) {
        if (isdigit((unsigned char)*c)) {
            size_t d = strspn(c, "0123456789");
            if (d != 4 || (strncmp(c, "19", 2) && strncmp(c, "20", 2)))
                return false;
            years++;
            c += d;
            /* a date: "Kommunfullmäktige" / "2018-03-28" */
            if (c[0] == '-' && isdigit((unsigned char)c[1]) && isdigit((unsigned char)c[2]) && c[3] == '-' &&
                isdigit((unsigned char)c[4]) && isdigit((unsigned char)c[5]) && !isdigit((unsigned char)c[6]))
                c += 6;
        } else if (*c == ' ' || *c == '-' || *c == '/') {
            c++;
        } else if (!strncmp(c, "\xe2\x80\x93", 3)) {
            c += 3;
        } else {
            return false;
        }
    }
    return years == 1 || years == 2;
}

/* The length of the item number a protocol sets above an item's title
 * ("§ 112" of "§ 112 2026.272 KS"), when line i of pg is one, alone or
 * with the case's number ("2026.272 KS", "Dnr …"; not "§ 36 i den lydelse
 * …", a paragraph's last line), and the next line with text, close under
 * it, is a heading not numbered so itself; else 0. */
static size_t
item_number(const psi_page *pg, size_t i, double body)
{
    const psi_line *l = &pg->lines[i];
    const char *t = l->text;
    if (strncmp(t, "\xc2\xa7", 2) || strlen(t) > 60)
        return 0;
    size_t n = 2 + strspn(t + 2, " ");
    size_t d = strspn(t + n, "0123456789");
    if (!d || (t[n + d] && t[n + d] != ' '))
        return 0;
    const char *rest = t + n + d + strspn(t + n + d, " ");
    size_t year = strspn(rest, "0123456789");
    bool case_number = (year == 4 && rest[4] == '.' && isdigit((unsigned char)rest[5])) ||
                       !strncmp(rest, "Dnr", 3) || !strncmp(rest, "dnr", 3);
    if (*rest && !case_number)
        return 0;
    size_t j = i + 1;
    while (j < pg->nlines && !pg->lines[j].text)
        j++;
    if (j == pg->nlines || pg->lines[j].y0 <= l->y0 || pg->lines[j].y0 - l->y1 > 2.5 * l->size ||
        !strncmp(pg->lines[j].text, "\xc2\xa7", 2) || !heading_at(pg, j, body))
        return 0;
    return n + d;
}

static int
level_of(levels *lv, double size)
{
    double s = round(size * 2) / 2;
    for (int i = 0; i < lv->n; i++)
        if (lv->size[i] == s)
            return i + 1 < MAX_LEVELS ? i + 1 : MAX_LEVELS;
    return MAX_LEVELS;
}

static int
cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

void
psi_build_passages(const psi_page *pages, int npages, const psi_wordset *words, const psi_tagger *tagger,
                   psi_passages *out, char **page_text)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.out = out;
    b.words = words;
    b.tagger = tagger;
    for (int i = 0; i < MAX_LEVELS; i++)
        b.hk[i] = -1;
    double body = body_size(pages, npages);

    levels lv = { { 0 }, 0 };
    for (int p = 0; p < npages; p++) {
        if (!page_has_body(&pages[p], body))
            continue;
        for (size_t i = 0; i < pages[p].nlines; i++) {
            const psi_line *l = &pages[p].lines[i];
            if (!heading_at(&pages[p], i, body))
                continue;
            double s = round(l->size * 2) / 2;
            int k = 0;
            while (k < lv.n && lv.size[k] != s)
                k++;
            if (k == lv.n && lv.n < 8)
                lv.size[lv.n++] = s;
        }
    }
    qsort(lv.size, (size_t)lv.n, sizeof lv.size[0], cmp_desc);

    char *carry = NULL; /* a sentence or a hyphenated word cut by a page end */
    char *item = NULL;  /* a protocol's "§ 112 2026.272 KS" over the next heading (on
                         * its page: item_number), emitted when that heading ends */
    size_t item_len = 0; /* ... "§ 112" */
    for (int p = 0; p < npages; p++) {
        b.page = p;
        psi_buf pt = PSI_BUF_INIT;
        const psi_line *prev = NULL;
        double prev_gap = -1e9; /* from the line before prev to prev */
        psi_buf head = PSI_BUF_INIT;
        double head_size = 0;
        if (!page_has_body(&pages[p], body)) {
            /* a title page: its big lines are text, not the outline */
            flush_passage(&b);
            for (size_t i = 0; i < pages[p].nlines; i++)
                if (pages[p].lines[i].text)
                    psi_join_line(&pt, pages[p].lines[i].text, words);
            if (pt.len) {
                char *saved[MAX_LEVELS];
                memcpy(saved, b.path, sizeof saved);
                memset(b.path, 0, sizeof b.path);
                bool pending = b.heading_pending;
                b.force_other = true;
                emit(&b, pt.s, pt.len);
                b.force_other = false;
                b.heading_pending = pending;
                memcpy(b.path, saved, sizeof saved);
            }
            if (page_text)
                page_text[p] = psi_buf_detach(&pt);
            else
                psi_buf_release(&pt);
            continue;
        }
        if (carry) {
            psi_buf_adds(&b.para, carry);
            free(carry);
            carry = NULL;
        }
        for (size_t i = 0; i <= pages[p].nlines; i++) {
            const psi_line *l = i < pages[p].nlines ? &pages[p].lines[i] : NULL;
            if (l && !l->text)
                continue;
            bool heading = l && (heading_at(&pages[p], i, body) || ends_heading(&head, head_size, prev, l));
            /* a heading ends when the next line is not the same heading */
            if (head.len && (!heading || fabs(l->size - head_size) > 0.25 ||
                             (prev && l->y0 - prev->y1 > head_size * 0.9))) {
                set_heading(&b, level_of(&lv, head_size), head.s);
                if (pt.len)
                    psi_buf_addc(&pt, '\n');
                psi_buf_adds(&pt, head.s);
                psi_buf_addc(&pt, '\n');
                psi_buf_reset(&head);
                if (item) { /* the item's number and case under its title, a
                               * passage of its own of no kind */
                    b.force_other = true;
                    emit(&b, item, strlen(item));
                    b.force_other = false;
                    psi_buf_adds(&pt, item);
                    psi_buf_addc(&pt, '\n');
                    free(item);
                    item = NULL;
                }
            }
            if (!l)
                break;
            if (!heading && !head.len && !item && (item_len = item_number(&pages[p], i, body))) {
                end_paragraph(&b);
                item = psi_strdup(l->text);
                continue;
            }
            if (heading) {
                if (!head.len) {
                    end_paragraph(&b);
                    if (item) /* "§ 112 Budget 2027 och ramar 2028-2029 för AVRF" */
                        psi_buf_add(&head, item, item_len);
                }
                psi_join_line(&head, l->text, words);
                head_size = l->size;
                prev = l;
                prev_gap = -1e9;
                continue;
            }
            /* a paragraph ends at a vertical gap in the same column, and
             * before an item of a list: each item a line of its own; a
             * table's row read cell by cell is one, its cells apart */
            bool on = l->part == PSI_PART_ON || l->part == PSI_PART_CELL;
            if (l->part == PSI_PART_ROW ||
                (!on && prev && l->y0 > prev->y0 && l->y0 - prev->y1 > l->size * 0.45 &&
                 fabs(l->x0 - prev->x0) < 200 && !loose_goes_on(prev, l, prev_gap)) ||
                (!on && psi_bullet_len(l->text))) {
                end_paragraph(&b);
                if (pt.len && pt.s[pt.len - 1] != '\n')
                    psi_buf_addc(&pt, '\n');
            }
            if (l->part == PSI_PART_CELL && b.para.len) {
                psi_buf_adds(&b.para, " |");
                psi_buf_adds(&pt, " |");
            }
            psi_join_line(&b.para, l->text, words);
            psi_join_line(&pt, l->text, words);
            prev_gap = prev && l->y0 > prev->y0 ? l->y0 - prev->y1 : -1e9;
            prev = l;
        }
        psi_buf_release(&head);
        /* the page ends: a sentence it cuts off, that the next page goes on
         * with in lower case, is read whole on the page where it ends ("…
         * stödinsatser som stärker både måluppfyllelse och" / "skolnärvaro.
         * Inom barn- och elevhälsan …"); else keep a hyphenated word-half
         * for the next page */
        size_t tail = cut_sentence(&b.para);
        if (tail < b.para.len && continued(pages, npages, p, body)) {
            carry = psi_strdup(b.para.s + tail);
            b.para.len = tail > 0 ? tail - 1 : 0;
            b.para.s[b.para.len] = '\0';
        } else if (b.para.len >= 2 && b.para.s[b.para.len - 1] == '-' && b.para.s[b.para.len - 2] != ' ') {
            size_t k = b.para.len;
            while (k > 0 && b.para.s[k - 1] != ' ')
                k--;
            carry = psi_strdup(b.para.s + k);
            b.para.len = k > 0 ? k - 1 : 0;
            b.para.s[b.para.len] = '\0';
        }
        flush_passage(&b);
        if (page_text)
            page_text[p] = psi_buf_detach(&pt);
        else
            psi_buf_release(&pt);
    }
    if (carry) {
        psi_buf_adds(&b.para, carry);
        free(carry);
        b.page = npages - 1;
        flush_passage(&b);
    }
    if (b.heading_pending)
        emit_heading_only(&b);
    for (int i = 0; i < MAX_LEVELS; i++)
        free(b.path[i]);
    psi_buf_release(&b.text);
    psi_buf_release(&b.para);
}

/* render.c: turns a page transcript from ../shared/seeds into a PDF that
 * looks like a real plan: one PDF page per transcript page, justified text
 * with Swedish hyphenation at line ends, headings in a larger bold font,
 * optional two columns, running headers and page-number footers, and PDF
 * metadata on some files. A spec file (corpus/specs/NNN.spec) says how.
 *
 *   render SPEC SEEDDIR OUT.pdf
 *
 * This is a corpus generator, not part of plansok: it may print and exit. */
#define _GNU_SOURCE
#include <cairo-pdf.h>
#include <cairo.h>
#include <ctype.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXH 512
#define PAGE_W 595.28
#define PAGE_H 841.89

typedef struct {
    int page, level;
    char *text;
} heading;

/* Synthetic content (fixtures without a seed): one entry per block. */
typedef struct {
    int page;      /* 1-based */
    char kind;     /* 'h' heading, 'p' paragraph, 't' table start, 'r' row */
    int level;
    char *text;    /* cells separated by " | " for 't' and 'r' */
} synth;

typedef struct {
    char *seed, *title, *author, *creator, *date;
    char *header, *footer, *body_font, *head_font;
    char *strip[8];
    int nstrip;
    int columns, label_offset, hf_from;
    bool alternate, strip_label;
    heading h[MAXH];
    int nh;
    int cover[16], ncover;
    int twocol_from;
    int para_sentences;
    synth *syn;
    int nsyn, synpages;
} spec;

static void
die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "render: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static char *
xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        die("out of memory");
    return d;
}

static char *
trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void
read_spec(const char *path, spec *sp)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open spec %s", path);
    memset(sp, 0, sizeof *sp);
    sp->columns = 1;
    sp->hf_from = 2;
    sp->para_sentences = 4;
    sp->body_font = xstrdup("DejaVu Serif");
    sp->head_font = xstrdup("DejaVu Sans");
    char line[4096];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        char *l = trim(line);
        if (!*l || *l == '#')
            continue;
        char *sp1 = strchr(l, ' ');
        char *arg = sp1 ? trim(sp1 + 1) : (char *)"";
        if (sp1)
            *sp1 = '\0';
        if (!strcmp(l, "seed")) sp->seed = xstrdup(arg);
        else if (!strcmp(l, "title")) sp->title = xstrdup(arg);
        else if (!strcmp(l, "author")) sp->author = xstrdup(arg);
        else if (!strcmp(l, "creator")) sp->creator = xstrdup(arg);
        else if (!strcmp(l, "date")) sp->date = xstrdup(arg);
        else if (!strcmp(l, "header")) sp->header = xstrdup(arg);
        else if (!strcmp(l, "footer")) sp->footer = xstrdup(arg);
        else if (!strcmp(l, "body-font")) { free(sp->body_font); sp->body_font = xstrdup(arg); }
        else if (!strcmp(l, "head-font")) { free(sp->head_font); sp->head_font = xstrdup(arg); }
        else if (!strcmp(l, "strip")) {
            if (sp->nstrip == 8) die("%s:%d: too many strip lines", path, ln);
            sp->strip[sp->nstrip++] = xstrdup(arg);
        }
        else if (!strcmp(l, "columns")) sp->columns = atoi(arg);
        else if (!strcmp(l, "label-offset")) sp->label_offset = atoi(arg);
        else if (!strcmp(l, "hf-from")) sp->hf_from = atoi(arg);
        else if (!strcmp(l, "alternate")) sp->alternate = true;
        else if (!strcmp(l, "strip-label")) sp->strip_label = true;
        else if (!strcmp(l, "paragraph")) sp->para_sentences = atoi(arg);
        else if (!strcmp(l, "cover")) {
            if (sp->ncover == 16) die("%s:%d: too many covers", path, ln);
            sp->cover[sp->ncover++] = atoi(arg);
        }
        else if (!strcmp(l, "h")) {
            /* h PAGE LEVEL TEXT */
            char *e1, *e2;
            long pg = strtol(arg, &e1, 10);
            long lv = strtol(e1, &e2, 10);
            if (e1 == arg || e2 == e1 || sp->nh == MAXH)
                die("%s:%d: bad heading line", path, ln);
            sp->h[sp->nh].page = (int)pg;
            sp->h[sp->nh].level = (int)lv;
            sp->h[sp->nh].text = xstrdup(trim(e2));
            sp->nh++;
        }
        else if (!strcmp(l, "page")) sp->synpages++;
        else if (!strcmp(l, "heading") || !strcmp(l, "text") || !strcmp(l, "table") || !strcmp(l, "row")) {
            if (sp->synpages == 0)
                die("%s:%d: '%s' before the first 'page'", path, ln, l);
            sp->syn = realloc(sp->syn, (size_t)(sp->nsyn + 1) * sizeof *sp->syn);
            synth *y = &sp->syn[sp->nsyn++];
            y->page = sp->synpages;
            y->kind = l[0] == 'h' ? 'h' : l[0] == 't' && l[1] == 'e' ? 'p' : l[0] == 't' ? 't' : 'r';
            y->level = 0;
            if (y->kind == 'h') {
                char *end;
                y->level = (int)strtol(arg, &end, 10);
                arg = trim(end);
            }
            y->text = xstrdup(arg);
        }
        else die("%s:%d: unknown directive '%s'", path, ln, l);
    }
    fclose(f);
    if (!sp->seed && !sp->synpages)
        die("%s: no seed line and no pages", path);
}

/* Reads the transcript: pages after the "Transkript" line, while their
 * leading numbers follow each other. Returns the number of pages. */
static int
read_pages(const char *path, char ***pages_out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open seed %s", path);
    size_t cap = 1 << 20, n = 0;
    char *all = malloc(cap);
    size_t r;
    while ((r = fread(all + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 >= cap) {
            cap *= 2;
            all = realloc(all, cap);
        }
    }
    all[n] = '\0';
    fclose(f);
    char *p = strstr(all, "\nTranskript\n");
    if (!p)
        die("%s: no Transkript line", path);
    p += strlen("\nTranskript\n");
    char **pages = NULL;
    int np = 0;
    for (char *line = strtok(p, "\n"); line; line = strtok(NULL, "\n")) {
        if (!*trim(line))
            continue;
        char *end;
        long num = strtol(line, &end, 10);
        if (end == line || num != np + 1 || (*end && *end != ' '))
            break;
        pages = realloc(pages, (size_t)(np + 1) * sizeof *pages);
        pages[np++] = xstrdup(*end ? trim(end) : "");
    }
    free(all);
    *pages_out = pages;
    return np;
}

/* Removes every occurrence of lit (and a page number next to it). */
static void
strip_literal(char *s, const char *lit)
{
    size_t ll = strlen(lit);
    char *p;
    while ((p = strstr(s, lit))) {
        char *start = p, *end = p + ll;
        /* a number before or after belongs to the footer */
        char *q = end;
        while (*q == ' ') q++;
        char *d = q;
        while (isdigit((unsigned char)*q)) q++;
        if (q > d && (*q == ' ' || !*q)) {
            end = q;
        } else {
            char *b = start;
            while (b > s && b[-1] == ' ') b--;
            char *db = b;
            while (db > s && isdigit((unsigned char)db[-1])) db--;
            if (db < b && (db == s || db[-1] == ' '))
                start = db;
        }
        while (start > s && start[-1] == ' ') start--;
        memmove(start, end, strlen(end) + 1);
        if (start == s)
            while (*s == ' ') memmove(s, s + 1, strlen(s));
    }
}

/* Removes the printed page label at the start or end of a page text. */
static void
strip_number(char *s, int label)
{
    char num[16];
    int n = snprintf(num, sizeof num, "%d", label);
    size_t len = strlen(s);
    if (!strcmp(s, num)) {
        s[0] = '\0';
        return;
    }
    if (len > (size_t)n && !strcmp(s + len - n, num) && s[len - n - 1] == ' ') {
        s[len - n - 1] = '\0';
        return;
    }
    if (!strncmp(s, num, (size_t)n) && s[n] == ' ')
        memmove(s, s + n + 1, len - (size_t)n);
}

typedef enum { B_PARA, B_HEAD, B_TABLE, B_ROW } btype;
typedef struct {
    btype type;
    int level;
    char *text;
} block;

static bool
is_upper_start(const char *s)
{
    gunichar c = g_utf8_get_char(s);
    return g_unichar_isupper(c) || g_unichar_isdigit(c);
}

/* Splits running text into paragraphs of about n sentences. */
static void
add_paragraphs(block **bl, int *nb, const char *text, int n)
{
    size_t len = strlen(text);
    if (!len)
        return;
    size_t start = 0;
    int count = 0, target = n;
    for (size_t i = 0; i + 2 < len; i++) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == ':') && text[i + 1] == ' ' &&
            is_upper_start(text + i + 2) && text[i] != ':') {
            if (++count >= target) {
                *bl = realloc(*bl, (size_t)(*nb + 1) * sizeof **bl);
                (*bl)[(*nb)++] = (block){ B_PARA, 0, g_strndup(text + start, i + 1 - start) };
                start = i + 2;
                count = 0;
                target = n + ((*nb % 3) - 1);
                if (target < 2)
                    target = 2;
            }
        }
    }
    if (start < len) {
        *bl = realloc(*bl, (size_t)(*nb + 1) * sizeof **bl);
        (*bl)[(*nb)++] = (block){ B_PARA, 0, g_strdup(text + start) };
    }
}

static int
page_blocks(const spec *sp, int pageno, const char *text, block **out)
{
    block *bl = NULL;
    int nb = 0;
    const char *cur = text;
    for (int i = 0; i < sp->nh; i++) {
        if (sp->h[i].page != pageno)
            continue;
        /* the heading as a whole word: "Effektmål" is not "Effektmålen" */
        const char *at = strstr(cur, sp->h[i].text);
        while (at && g_unichar_isalnum(g_utf8_get_char(at + strlen(sp->h[i].text))))
            at = strstr(at + 1, sp->h[i].text);
        if (!at)
            die("page %d: heading '%s' not found in the rest of the page", pageno, sp->h[i].text);
        char *before = g_strndup(cur, (gsize)(at - cur));
        add_paragraphs(&bl, &nb, g_strstrip(before), sp->para_sentences);
        g_free(before);
        bl = realloc(bl, (size_t)(nb + 1) * sizeof *bl);
        bl[nb++] = (block){ B_HEAD, sp->h[i].level, g_strdup(sp->h[i].text) };
        cur = at + strlen(sp->h[i].text);
    }
    char *rest = g_strdup(cur);
    add_paragraphs(&bl, &nb, g_strstrip(rest), sp->para_sentences);
    g_free(rest);
    *out = bl;
    return nb;
}

/* ------------------------------------------------------------ typesetting */

typedef struct {
    cairo_t *cr;
    PangoLayout *lay;
    double x0, width, y, ytop, ybottom;
    int col, ncol;
    double colw, gap, left;
    bool draw;      /* false: measure only */
    bool overflow;
} pen;

static double
text_width(pen *p, PangoFontDescription *fd, const char *s, int len)
{
    pango_layout_set_font_description(p->lay, fd);
    pango_layout_set_text(p->lay, s, len);
    int w, h;
    pango_layout_get_size(p->lay, &w, &h);
    return (double)w / PANGO_SCALE;
}

static void
draw_text(pen *p, PangoFontDescription *fd, const char *s, int len, double x, double y)
{
    if (!p->draw)
        return;
    pango_layout_set_font_description(p->lay, fd);
    pango_layout_set_text(p->lay, s, len);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, p->lay);
}

static bool
next_line(pen *p, double lh)
{
    p->y += lh;
    if (p->y + lh > p->ybottom) {
        if (p->col + 1 < p->ncol) {
            p->col++;
            p->x0 = p->left + p->col * (p->colw + p->gap);
            p->y = p->ytop;
        } else {
            p->overflow = true;
            return false;
        }
    }
    return true;
}

static bool
is_vowel(gunichar c)
{
    c = g_unichar_tolower(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
           c == 0xe5 || c == 0xe4 || c == 0xf6 || c == 0xe9 || c == 0xfc;
}

/* Byte offsets where a word may be hyphenated (Swedish rule of thumb: break
 * before the consonant that starts a syllable), best last. */
static int
hyphen_points(const char *w, int *pts, int max)
{
    gunichar cs[128];
    int off[129], n = 0;
    const char *p = w;
    while (*p && n < 127) {
        cs[n] = g_utf8_get_char(p);
        off[n] = (int)(p - w);
        if (!g_unichar_isalpha(cs[n]))
            return 0;
        p = g_utf8_next_char(p);
        n++;
    }
    if (*p || n < 7)
        return 0;
    int uppers = 0;
    for (int i = 0; i < n; i++)
        uppers += g_unichar_isupper(cs[i]);
    if (uppers > 1)
        return 0;
    int np = 0;
    for (int i = 3; i <= n - 3 && np < max; i++) {
        bool vowel_before = false;
        for (int k = 0; k < i; k++)
            vowel_before |= is_vowel(cs[k]);
        if (vowel_before && !is_vowel(cs[i]) && i + 1 < n && is_vowel(cs[i + 1]))
            pts[np++] = off[i];
    }
    return np;
}

/* Lays out one paragraph: greedy fill, Swedish hyphenation of long words,
 * a preference for ending lines on a real hyphen, justified lines. */
static void
layout_para(pen *p, PangoFontDescription *fd, double lh, const char *text, bool justify, bool hyphenate)
{
    char **words = g_strsplit(text, " ", -1);
    int nw = (int)g_strv_length(words);
    double space = text_width(p, fd, " ", 1);
    /* pieces of the current line */
    char *piece[256];
    double pw[256];
    int npiece = 0;
    double used = 0;
    char *carry = NULL;
    int i = 0;
    for (;;) {
        const char *w;
        if (carry)
            w = carry;
        else if (i < nw)
            w = words[i++];
        else
            break;
        if (!*w) {
            if (carry) { g_free(carry); carry = NULL; }
            continue;
        }
        double ww = text_width(p, fd, w, -1);
        double need = used + (npiece ? space : 0) + ww;
        bool flush = false;
        char *line_piece = NULL;
        if (need <= p->width && npiece < 255) {
            line_piece = g_strdup(w);
            pw[npiece] = ww;
            piece[npiece++] = line_piece;
            used = need;
            if (carry) { g_free(carry); carry = NULL; }
            size_t wl = strlen(w);
            /* a real hyphen at the end of a word: end the line here when it
             * is mostly full, so "hälso-" / "och" meet at a line end */
            if (wl > 2 && w[wl - 1] == '-' && used > p->width * 0.72)
                flush = true;
        } else {
            /* try a real hyphen inside the word, then hyphenation */
            double room = p->width - used - (npiece ? space : 0);
            const char *hy = strchr(w, '-');
            int cut = -1;
            bool add_hyphen = false;
            if (hy && hy[1] && hy > w &&
                text_width(p, fd, w, (int)(hy - w) + 1) <= room) {
                cut = (int)(hy - w) + 1;
            } else if (hyphenate) {
                int pts[64];
                int np = hyphen_points(w, pts, 64);
                for (int k = np - 1; k >= 0; k--) {
                    char *tmp = g_strdup_printf("%.*s-", pts[k], w);
                    double tw = text_width(p, fd, tmp, -1);
                    g_free(tmp);
                    if (tw <= room) {
                        cut = pts[k];
                        add_hyphen = true;
                        break;
                    }
                }
            }
            if (cut > 0 && npiece < 255) {
                char *head = add_hyphen ? g_strdup_printf("%.*s-", cut, w) : g_strndup(w, (gsize)cut);
                pw[npiece] = text_width(p, fd, head, -1);
                piece[npiece++] = head;
                used += (npiece > 1 ? space : 0) + pw[npiece - 1];
                char *rest = g_strdup(w + cut);
                if (carry)
                    g_free(carry);
                carry = rest;
            } else if (npiece == 0) {
                /* a word wider than the line: let it overhang */
                pw[0] = ww;
                piece[npiece++] = g_strdup(w);
                used = ww;
                if (carry) { g_free(carry); carry = NULL; }
            } else if (!carry) {
                i--; /* retry the word on the next line */
            }
            flush = true;
        }
        if (flush) {
            double gap = space;
            if (justify && npiece > 1)
                gap = space + (p->width - used) / (npiece - 1);
            double x = p->x0;
            for (int k = 0; k < npiece; k++) {
                draw_text(p, fd, piece[k], -1, x, p->y);
                x += pw[k] + gap;
                g_free(piece[k]);
            }
            npiece = 0;
            used = 0;
            if (!next_line(p, lh))
                goto out;
        }
    }
    if (npiece) {
        double x = p->x0;
        for (int k = 0; k < npiece; k++) {
            draw_text(p, fd, piece[k], -1, x, p->y);
            x += pw[k] + space;
        }
        next_line(p, lh);
    }
out:
    for (int k = 0; k < npiece; k++)
        g_free(piece[k]);
    npiece = 0;
    g_free(carry);
    g_strfreev(words);
}

static bool
is_cover(const spec *sp, int pageno)
{
    for (int i = 0; i < sp->ncover; i++)
        if (sp->cover[i] == pageno)
            return true;
    return false;
}

/* Sets the page body; returns false when it did not fit. */
static bool
typeset(cairo_t *cr, const spec *sp, int pageno, block *bl, int nb, double size, bool draw)
{
    pen p = { 0 };
    p.cr = cr;
    p.lay = pango_cairo_create_layout(cr);
    p.draw = draw;
    p.ncol = sp->columns;
    p.gap = 22;
    p.left = 64;
    p.colw = (PAGE_W - 2 * p.left - (p.ncol - 1) * p.gap) / p.ncol;
    p.width = p.colw;
    p.x0 = p.left;
    p.ytop = 78;
    p.y = p.ytop;
    p.ybottom = PAGE_H - 70;
    PangoFontDescription *body = pango_font_description_from_string(sp->body_font);
    pango_font_description_set_absolute_size(body, size * PANGO_SCALE);
    bool cover = is_cover(sp, pageno);
    if (cover)
        p.y = 220;
    int tcols = 0;
    for (int i = 0; i < nb && !p.overflow; i++) {
        if (bl[i].type == B_TABLE || bl[i].type == B_ROW) {
            /* label left, amounts right-aligned in equal columns */
            gchar **cells = g_strsplit(bl[i].text, " | ", -1);
            int nc = (int)g_strv_length(cells);
            if (bl[i].type == B_TABLE)
                tcols = nc;
            PangoFontDescription *fd = pango_font_description_from_string(sp->body_font);
            pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
            if (bl[i].type == B_TABLE) {
                pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
                p.y += size * 0.6;
            }
            double labelw = p.width * 0.42, colw = tcols > 1 ? (p.width - labelw) / (tcols - 1) : 0;
            draw_text(&p, fd, cells[0], -1, p.x0, p.y);
            for (int c = 1; c < nc; c++) {
                double w = text_width(&p, fd, cells[c], -1);
                draw_text(&p, fd, cells[c], -1, p.x0 + labelw + c * colw - w, p.y);
            }
            next_line(&p, size * 1.45);
            pango_font_description_free(fd);
            g_strfreev(cells);
            continue;
        }
        if (bl[i].type == B_HEAD || cover) {
            /* heading sizes are fixed; only the body shrinks on a full page */
            double hs = cover ? 22 : bl[i].level == 1 ? 17 : bl[i].level == 2 ? 13.5 : 11.2;
            if (sp->columns > 1 && !cover)
                hs *= 0.8; /* narrow columns get smaller headings */
            PangoFontDescription *hd = pango_font_description_from_string(sp->head_font);
            pango_font_description_set_weight(hd, PANGO_WEIGHT_BOLD);
            pango_font_description_set_absolute_size(hd, hs * PANGO_SCALE);
            if (p.y > p.ytop + 1)
                p.y += hs * 0.6;
            if (p.y + 3 * hs > p.ybottom && p.col + 1 < p.ncol) {
                p.col++;
                p.x0 = p.left + p.col * (p.colw + p.gap);
                p.y = p.ytop;
            }
            layout_para(&p, hd, hs * 1.25, bl[i].text, false, false);
            p.y += hs * 0.25;
            pango_font_description_free(hd);
        } else {
            layout_para(&p, body, size * 1.32, bl[i].text, true, true);
            p.y += size * 0.55;
        }
    }
    pango_font_description_free(body);
    g_object_unref(p.lay);
    return !p.overflow;
}

static void
running_text(cairo_t *cr, const spec *sp, int pageno)
{
    if (pageno < sp->hf_from || is_cover(sp, pageno))
        return;
    PangoLayout *lay = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_from_string(sp->head_font);
    pango_font_description_set_absolute_size(fd, 8 * PANGO_SCALE);
    pango_layout_set_font_description(lay, fd);
    int w, h;
    if (sp->header) {
        pango_layout_set_text(lay, sp->header, -1);
        pango_layout_get_size(lay, &w, &h);
        cairo_move_to(cr, PAGE_W - 64 - (double)w / PANGO_SCALE, 40);
        pango_cairo_show_layout(cr, lay);
        cairo_move_to(cr, 64, 54);
        cairo_line_to(cr, PAGE_W - 64, 54);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    if (sp->footer) {
        char label[32];
        snprintf(label, sizeof label, "%d", pageno + sp->label_offset);
        GString *s = g_string_new(NULL);
        const char *f = sp->footer;
        bool even = pageno % 2 == 0;
        if (strstr(f, "%p")) {
            for (const char *q = f; *q; q++) {
                if (q[0] == '%' && q[1] == 'p') { g_string_append(s, label); q++; }
                else g_string_append_c(s, *q);
            }
        } else if (sp->alternate && even) {
            g_string_printf(s, "%s   %s", label, f);
        } else {
            g_string_printf(s, "%s   %s", f, label);
        }
        pango_layout_set_text(lay, s->str, -1);
        pango_layout_get_size(lay, &w, &h);
        double x = (sp->alternate && even) ? 64 : PAGE_W - 64 - (double)w / PANGO_SCALE;
        if (!strcmp(f, "%p"))
            x = (PAGE_W - (double)w / PANGO_SCALE) / 2;
        cairo_move_to(cr, x, PAGE_H - 44);
        pango_cairo_show_layout(cr, lay);
        g_string_free(s, TRUE);
    }
    pango_font_description_free(fd);
    g_object_unref(lay);
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: render SPEC SEEDDIR OUT.pdf\n");
        return 2;
    }
    spec sp;
    read_spec(argv[1], &sp);
    char **pages = NULL;
    int np;
    if (sp.seed) {
        char *seedpath = g_build_filename(argv[2], sp.seed, NULL);
        np = read_pages(seedpath, &pages);
        if (np == 0)
            die("%s: no pages", seedpath);
    } else {
        np = sp.synpages;
    }
    cairo_surface_t *surf = cairo_pdf_surface_create(argv[3], PAGE_W, PAGE_H);
    if (sp.title)
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, sp.title);
    if (sp.author)
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR, sp.author);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
                                   sp.creator ? sp.creator : "plansok corpus renderer");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
                                   sp.date ? sp.date : "2000-01-01T00:00:00");
    cairo_t *cr = cairo_create(surf);
    for (int i = 0; i < np; i++) {
        int pageno = i + 1;
        block *bl = NULL;
        int nb = 0;
        if (sp.seed) {
            for (int k = 0; k < sp.nstrip; k++)
                strip_literal(pages[i], sp.strip[k]);
            if (sp.strip_label)
                strip_number(pages[i], pageno + sp.label_offset);
            nb = page_blocks(&sp, pageno, pages[i], &bl);
        } else {
            for (int k = 0; k < sp.nsyn; k++) {
                synth *y = &sp.syn[k];
                if (y->page != pageno)
                    continue;
                bl = realloc(bl, (size_t)(nb + 1) * sizeof *bl);
                btype t = y->kind == 'h' ? B_HEAD : y->kind == 'p' ? B_PARA : y->kind == 't' ? B_TABLE : B_ROW;
                bl[nb++] = (block){ t, y->level, g_strdup(y->text) };
            }
        }
        double size = 10.0;
        while (size > 5.0 && !typeset(cr, &sp, pageno, bl, nb, size, false))
            size -= 0.5;
        cairo_set_source_rgb(cr, 0, 0, 0);
        typeset(cr, &sp, pageno, bl, nb, size, true);
        if (nb > 0)
            running_text(cr, &sp, pageno);
        cairo_show_page(cr);
        for (int k = 0; k < nb; k++)
            g_free(bl[k].text);
        free(bl);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
        die("%s: %s", argv[3], cairo_status_to_string(cairo_surface_status(surf)));
    cairo_surface_destroy(surf);
    printf("%s: %d pages\n", argv[3], np);
    return 0;
}

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
#include "render.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        int nb = page_content(&sp, pageno, sp.seed ? pages[i] : NULL, &bl);
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

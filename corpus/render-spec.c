/* render-spec.c: reads a render spec and a page transcript, and cuts a
 * page into blocks (headings, paragraphs, table rows) for render.c. A
 * corpus generator, not part of plansok: it may print and exit. */
#define _GNU_SOURCE
#include "render.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
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

void
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
int
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

int
page_content(const spec *sp, int pageno, char *text, block **out)
{
    if (text) {
        for (int k = 0; k < sp->nstrip; k++)
            strip_literal(text, sp->strip[k]);
        if (sp->strip_label)
            strip_number(text, pageno + sp->label_offset);
        return page_blocks(sp, pageno, text, out);
    }
    block *bl = NULL;
    int nb = 0;
    for (int k = 0; k < sp->nsyn; k++) {
        const synth *y = &sp->syn[k];
        if (y->page != pageno)
            continue;
        bl = realloc(bl, (size_t)(nb + 1) * sizeof *bl);
        btype t = y->kind == 'h' ? B_HEAD : y->kind == 'p' ? B_PARA : y->kind == 't' ? B_TABLE : B_ROW;
        bl[nb++] = (block){ t, y->level, g_strdup(y->text) };
    }
    *out = bl;
    return nb;
}

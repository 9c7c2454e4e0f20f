/* pdf.c: the ONLY file that includes poppler-glib and GLib. It opens a PDF,
 * and for every page copies the text in poppler's reading order, split into
 * words, with each word's box and font evidence (size, bold) into our own
 * structs (poppler's own line order interleaves columns; layout.c orders). GLib objects never leave this file, and poppler's own warnings
 * are captured instead of printed. Cleaning happens elsewhere (clean.c). */
#include "plansok-private.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poppler.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PSI_POPPLER_SONAME
#define PSI_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

/* poppler-glib is loaded when an extractor is made, not when the program
 * starts: it brings some fifty libraries (cairo, NSS, X11 ...) whose
 * loading cost every query command ~8 ms before it did anything. The
 * table's fields have the functions' own names and types; the list below
 * is the one place that names them. */
#define PSI_POPPLER_FUNCTIONS(X) \
    X(poppler_document_new_from_bytes) \
    X(poppler_document_get_title) \
    X(poppler_document_get_author) \
    X(poppler_document_get_subject) \
    X(poppler_document_get_keywords) \
    X(poppler_document_get_creator) \
    X(poppler_document_get_creation_date) \
    X(poppler_document_get_n_pages) \
    X(poppler_document_get_page) \
    X(poppler_error_quark) \
    X(poppler_page_get_size) \
    X(poppler_page_get_text) \
    X(poppler_page_get_text_layout) \
    X(poppler_page_get_text_attributes) \
    X(poppler_page_free_text_attributes) \
    X(g_free) \
    X(g_object_unref) \
    X(g_bytes_new_with_free_func) \
    X(g_bytes_unref) \
    X(g_error_free) \
    X(g_log_set_handler) \
    X(g_log_remove_handler)

struct psi_pdflib {
    void *handle;
#define PSI_FN(name) __typeof__(name) *name;
    PSI_POPPLER_FUNCTIONS(PSI_FN)
#undef PSI_FN
};

ps_status
psi_pdflib_open(psi_pdflib **out, ps_error *err)
{
    *out = NULL;
    void *h = dlopen(PSI_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return psi_fail(err, PS_ERR_INTERNAL, "cannot load poppler (%s): %s; install libpoppler-glib8",
                        PSI_POPPLER_SONAME, dlerror());
    psi_pdflib *lib = psi_calloc(1, sizeof *lib);
    lib->handle = h;
    const char *missing = NULL;
#define PSI_LOAD(name)                                                                                     \
    do {                                                                                                   \
        void *sym = dlsym(h, #name);                                                                       \
        if (!sym && !missing)                                                                              \
            missing = #name;                                                                               \
        memcpy(&lib->name, &sym, sizeof sym);                                                              \
    } while (0);
    PSI_POPPLER_FUNCTIONS(PSI_LOAD)
#undef PSI_LOAD
    if (missing) {
        free(lib); /* GLib cannot be unloaded safely: the handle stays */
        return psi_fail(err, PS_ERR_INTERNAL, "poppler (%s) lacks %s", PSI_POPPLER_SONAME, missing);
    }
    *out = lib;
    return PS_OK;
}

void
psi_pdflib_free(psi_pdflib *lib)
{
    free(lib); /* the library stays loaded: GLib's types cannot be unloaded */
}

/* poppler-glib reports syntax problems through g_log in the "Poppler"
 * domain; a library must not print, so they are counted, not shown. */
typedef struct log_sink {
    unsigned count;
} log_sink;

static void
swallow_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
    (void)domain;
    (void)level;
    (void)msg;
    ((log_sink *)data)->count++;
}

static char *
meta_string(const psi_pdflib *lib, gchar *s)
{
    char *r = psi_strdup(s && psi_utf8_valid(s, strlen(s)) ? s : "");
    lib->g_free(s);
    return r;
}

/* g_unichar_isspace: tab, newline, carriage return, form feed and the
 * Unicode separators */
static bool
is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

/* The next character of s (NUL-terminated); invalid bytes are U+FFFD. */
static uint32_t
next_char(const char **s)
{
    uint32_t cp;
    size_t k = psi_utf8_decode(*s, strnlen(*s, 4), &cp);
    if (!k) {
        *s += 1;
        return 0xFFFD;
    }
    *s += k;
    return cp;
}

static bool
font_is_bold(const char *name)
{
    return name && (strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Black") ||
                    strstr(name, "Heavy") || strstr(name, "Semibold") || strstr(name, "Demi"));
}

static bool
is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Whether character b is too far from a, the one before it in the text,
 * to be in the same word: a gap wider than 1.2 of its height (a word
 * space is a fifth of it; the columns of a signature block that the text
 * runs together, "SKÅNEREGION", were exactly the 1.5 this once was), a
 * step back, or another baseline. Narrower would split the number
 * columns of tables into more words than layout.c's gutter rule expects;
 * but a figure and a letter (ca, cb) more than 0.8 of the height apart
 * are two cells' ("Budget 2026" | "Prognos helår": "2026Prognos", 1.18
 * apart). */
static bool
far_apart(const PopplerRectangle *a, const PopplerRectangle *b, uint32_t ca, uint32_t cb)
{
    double ah = fabs(a->y2 - a->y1), bh = fabs(b->y2 - b->y1), h = MAX(ah, bh);
    if (h <= 0)
        return false;
    double ax1 = MAX(a->x1, a->x2), bx0 = MIN(b->x1, b->x2);
    double amid = (a->y1 + a->y2) / 2, bmid = (b->y1 + b->y2) / 2;
    double wide = (is_digit(ca) && psi_cp_is_letter(cb)) || (psi_cp_is_letter(ca) && is_digit(cb)) ? 0.8 : 1.2;
    return bx0 - ax1 > wide * h || bx0 - ax1 < -2 * h || fabs(amid - bmid) > 0.6 * h;
}

static void
page_extract(const psi_pdflib *lib, PopplerPage *page, psi_page *out)
{
    double pw = 0, ph = 0;
    lib->poppler_page_get_size(page, &pw, &ph);
    out->width = pw;
    out->height = ph;

    char *text = lib->poppler_page_get_text(page);
    if (!text || !*text) {
        lib->g_free(text);
        return;
    }
    /* The layout has one rectangle per character of the text (an invalid
     * byte counts as one character, as next_char reads it). */
    long nchars = 0;
    for (const char *c = text; *c; nchars++)
        next_char(&c);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!lib->poppler_page_get_text_layout(page, &rects, &nrects) || (long)nrects != nchars) {
        lib->g_free(rects);
        rects = NULL;
        nrects = 0;
    }
    /* Per-character font size and weight from the attribute runs. */
    float *size = psi_calloc((size_t)nchars + 1, sizeof *size);
    unsigned char *bold = psi_calloc((size_t)nchars + 1, 1);
    GList *attrs = lib->poppler_page_get_text_attributes(page);
    for (GList *l = attrs; l; l = l->next) {
        PopplerTextAttributes *a = l->data;
        bool b = font_is_bold(a->font_name);
        for (int i = a->start_index; i <= a->end_index && i < nchars; i++) {
            if (i < 0)
                continue;
            size[i] = (float)a->font_size;
            bold[i] = b;
        }
    }
    lib->poppler_page_free_text_attributes(attrs);

    /* Words: runs between spaces and newlines, with their box. */
    size_t cap = 64;
    out->words = psi_calloc(cap, sizeof *out->words);
    const char *p = text;
    long ci = 0;
    while (*p) {
        const char *q = p;
        if (is_space(next_char(&q))) {
            p = q;
            ci++;
            continue;
        }
        const char *start = p;
        long first = ci;
        uint32_t prev = 0;
        while (*p) {
            q = p;
            uint32_t c = next_char(&q);
            if (is_space(c))
                break;
            /* two table cells the text runs together ("PlanGäller"): a
             * character far from the one before it starts a new word */
            if (ci > first && rects && far_apart(&rects[ci - 1], &rects[ci], prev, c))
                break;
            prev = c;
            p = q;
            ci++;
        }
        psi_word w = { 0 };
        w.x0 = w.y0 = 1e9;
        w.x1 = w.y1 = -1e9;
        unsigned nb = 0;
        for (long k = first; k < ci; k++) {
            if (rects) {
                w.x0 = MIN(w.x0, MIN(rects[k].x1, rects[k].x2));
                w.y0 = MIN(w.y0, MIN(rects[k].y1, rects[k].y2));
                w.x1 = MAX(w.x1, MAX(rects[k].x1, rects[k].x2));
                w.y1 = MAX(w.y1, MAX(rects[k].y1, rects[k].y2));
            }
            if (size[k] > w.size)
                w.size = size[k];
            nb += bold[k];
        }
        if (!rects)
            w.x0 = w.y0 = w.x1 = w.y1 = 0;
        w.bold = nb * 2 > (unsigned)(ci - first);
        w.text = psi_strndup(start, (size_t)(p - start));
        if (out->nwords == cap) {
            cap *= 2;
            out->words = psi_realloc(out->words, cap * sizeof *out->words);
        }
        out->words[out->nwords++] = w;
    }
    free(size);
    free(bold);
    lib->g_free(rects);
    lib->g_free(text);
}

static ps_status
read_file(const char *path, char **data, size_t *len, struct timespec *mtime, ps_error *err)
{
    *data = NULL;
    *len = 0;
    int fd;
    struct stat sb;
    ps_status st = psi_open_regular(path, &fd, &sb, err);
    if (st != PS_OK)
        return st;
    size_t cap = (size_t)sb.st_size + 1, n = 0;
    char *buf = psi_malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = psi_realloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return psi_fail(err, PS_ERR_IO, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    /* a file that grows, shrinks or is rewritten while read is not kept */
    struct stat after;
    if (fstat(fd, &after) < 0 || after.st_size != sb.st_size || after.st_mtim.tv_sec != sb.st_mtim.tv_sec ||
        after.st_mtim.tv_nsec != sb.st_mtim.tv_nsec || n != (size_t)sb.st_size) {
        free(buf);
        close(fd);
        return psi_fail(err, PS_ERR_IO, "file changed while it was read; try again when it is complete");
    }
    close(fd);
    *data = buf;
    *len = n;
    *mtime = sb.st_mtim;
    return PS_OK;
}

ps_status
psi_pdf_read(const psi_pdflib *lib, const char *path, psi_pdf *out, ps_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    struct timespec mtime = { 0, 0 };
    ps_status st = read_file(path, &data, &len, &mtime, err);
    if (st != PS_OK)
        return st;
    psi_hash_hex(data, len, out->hash);
    out->size = (long long)len;
    out->mtime = (long long)mtime.tv_sec;
    out->mtime_ns = (int)mtime.tv_nsec;
    if (len == 0) {
        free(data);
        return psi_fail(err, PS_ERR_EMPTY_FILE, "file is empty (0 bytes)");
    }
    /* PDF readers accept the header anywhere in the first kilobyte. */
    size_t head = len < 1024 ? len : 1024;
    bool magic = false;
    for (size_t i = 0; i + 5 <= head && !magic; i++)
        magic = memcmp(data + i, "%PDF-", 5) == 0;
    if (!magic) {
        free(data);
        return psi_fail(err, PS_ERR_NOT_PDF, "not a PDF (no %%PDF- header)");
    }

    log_sink sink = { 0 };
    guint handler = lib->g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                                           G_LOG_FLAG_RECURSION, swallow_log, &sink);
    GBytes *bytes = lib->g_bytes_new_with_free_func(data, len, free, data);
    GError *gerr = NULL;
    PopplerDocument *doc = lib->poppler_document_new_from_bytes(bytes, NULL, &gerr);
    lib->g_bytes_unref(bytes);
    if (!doc) {
        if (gerr && gerr->domain == lib->poppler_error_quark() && gerr->code == POPPLER_ERROR_ENCRYPTED)
            st = psi_fail(err, PS_ERR_PDF_ENCRYPTED, "PDF is encrypted and needs a password");
        else
            st = psi_fail(err, PS_ERR_PDF_DAMAGED, "PDF is damaged: %s",
                          gerr && gerr->message ? gerr->message : "poppler cannot open it");
        if (gerr)
            lib->g_error_free(gerr);
        lib->g_log_remove_handler("Poppler", handler);
        return st;
    }
    out->title = meta_string(lib, lib->poppler_document_get_title(doc));
    out->author = meta_string(lib, lib->poppler_document_get_author(doc));
    out->subject = meta_string(lib, lib->poppler_document_get_subject(doc));
    out->keywords = meta_string(lib, lib->poppler_document_get_keywords(doc));
    out->creator = meta_string(lib, lib->poppler_document_get_creator(doc));
    /* the year the PDF was made (UTC), when it says; detection's last resort */
    time_t made = lib->poppler_document_get_creation_date(doc);
    struct tm tm;
    out->created_year = made > 0 && gmtime_r(&made, &tm) ? tm.tm_year + 1900 : 0;
    int n = lib->poppler_document_get_n_pages(doc);
    if (n < 0)
        n = 0;
    out->npages = n;
    out->pages = psi_calloc((size_t)n, sizeof *out->pages);
    for (int i = 0; i < n; i++) {
        PopplerPage *page = lib->poppler_document_get_page(doc, i);
        if (!page)
            continue;
        page_extract(lib, page, &out->pages[i]);
        lib->g_object_unref(page);
    }
    lib->g_object_unref(doc);
    lib->g_log_remove_handler("Poppler", handler);
    return PS_OK;
}

void
psi_pdf_release(psi_pdf *pdf)
{
    if (!pdf)
        return;
    for (int i = 0; i < pdf->npages; i++) {
        for (size_t k = 0; k < pdf->pages[i].nwords; k++)
            free(pdf->pages[i].words[k].text);
        free(pdf->pages[i].words);
        for (size_t k = 0; k < pdf->pages[i].nlines; k++)
            psi_line_release(&pdf->pages[i].lines[k]);
        free(pdf->pages[i].lines);
    }
    free(pdf->pages);
    free(pdf->title);
    free(pdf->author);
    free(pdf->subject);
    free(pdf->keywords);
    free(pdf->creator);
    memset(pdf, 0, sizeof *pdf);
}

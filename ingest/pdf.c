/* pdf.c: the ONLY file that includes poppler-glib and GLib. It opens a PDF,
 * and for every page copies the text in poppler's reading order, split into
 * words, with each word's box and font evidence (size, bold) into our own
 * structs (poppler's own line order interleaves columns; layout.c orders). GLib objects never leave this file, and poppler's own warnings
 * are captured instead of printed. Cleaning happens elsewhere (clean.c). */
#include "plansok-private.h"

#include <errno.h>
#include <fcntl.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
meta_string(gchar *s)
{
    char *r = psi_strdup(s && g_utf8_validate(s, -1, NULL) ? s : "");
    g_free(s);
    return r;
}

static bool
font_is_bold(const char *name)
{
    return name && (strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Black") ||
                    strstr(name, "Heavy") || strstr(name, "Semibold") || strstr(name, "Demi"));
}

static void
page_extract(PopplerPage *page, psi_page *out)
{
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    out->width = pw;
    out->height = ph;

    char *raw = poppler_page_get_text(page);
    if (!raw || !*raw) {
        g_free(raw);
        return;
    }
    /* The layout has one rectangle per character of the text. */
    char *text = g_utf8_make_valid(raw, -1);
    g_free(raw);
    glong nchars = g_utf8_strlen(text, -1);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!poppler_page_get_text_layout(page, &rects, &nrects) || (glong)nrects != nchars) {
        g_free(rects);
        rects = NULL;
        nrects = 0;
    }
    /* Per-character font size and weight from the attribute runs. */
    float *size = g_new0(float, nchars + 1);
    unsigned char *bold = g_new0(unsigned char, nchars + 1);
    GList *attrs = poppler_page_get_text_attributes(page);
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
    poppler_page_free_text_attributes(attrs);

    /* Words: runs between spaces and newlines, with their box. */
    size_t cap = 64;
    out->words = psi_calloc(cap, sizeof *out->words);
    const char *p = text;
    glong ci = 0;
    while (*p) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c)) {
            p = g_utf8_next_char(p);
            ci++;
            continue;
        }
        const char *start = p;
        glong first = ci;
        while (*p && !g_unichar_isspace(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            ci++;
        }
        psi_word w = { 0 };
        w.x0 = w.y0 = 1e9;
        w.x1 = w.y1 = -1e9;
        unsigned nb = 0;
        for (glong k = first; k < ci; k++) {
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
    g_free(size);
    g_free(bold);
    g_free(rects);
    g_free(text);
}

static ps_status
read_file(const char *path, char **data, size_t *len, long long *mtime, ps_error *err)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return psi_fail(err, PS_ERR_IO, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return psi_fail(err, PS_ERR_IO, "not a regular file");
    }
    size_t cap = (size_t)sb.st_size + 1, n = 0;
    char *buf = g_malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = g_realloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            g_free(buf);
            close(fd);
            return psi_fail(err, PS_ERR_IO, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    /* a file that grows, shrinks or is rewritten while read is not kept */
    struct stat after;
    if (fstat(fd, &after) < 0 || after.st_size != sb.st_size || after.st_mtime != sb.st_mtime ||
        n != (size_t)sb.st_size) {
        g_free(buf);
        close(fd);
        return psi_fail(err, PS_ERR_IO, "file changed while it was read; try again when it is complete");
    }
    close(fd);
    *data = buf;
    *len = n;
    *mtime = (long long)sb.st_mtime;
    return PS_OK;
}

ps_status
psi_pdf_read(const char *path, psi_pdf *out, ps_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    long long mtime = 0;
    ps_status st = read_file(path, &data, &len, &mtime, err);
    if (st != PS_OK)
        return st;
    psi_hash_hex(data, len, out->hash);
    out->size = (long long)len;
    out->mtime = mtime;
    if (len == 0) {
        g_free(data);
        return psi_fail(err, PS_ERR_EMPTY_FILE, "file is empty (0 bytes)");
    }
    /* PDF readers accept the header anywhere in the first kilobyte. */
    size_t head = len < 1024 ? len : 1024;
    bool magic = false;
    for (size_t i = 0; i + 5 <= head && !magic; i++)
        magic = memcmp(data + i, "%PDF-", 5) == 0;
    if (!magic) {
        g_free(data);
        return psi_fail(err, PS_ERR_NOT_PDF, "not a PDF (no %%PDF- header)");
    }

    log_sink sink = { 0 };
    guint handler = g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                                      G_LOG_FLAG_RECURSION, swallow_log, &sink);
    GBytes *bytes = g_bytes_new_take(data, len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
    g_bytes_unref(bytes);
    if (!doc) {
        if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED)
            st = psi_fail(err, PS_ERR_PDF_ENCRYPTED, "PDF is encrypted and needs a password");
        else
            st = psi_fail(err, PS_ERR_PDF_DAMAGED, "PDF is damaged: %s",
                          gerr && gerr->message ? gerr->message : "poppler cannot open it");
        if (gerr)
            g_error_free(gerr);
        g_log_remove_handler("Poppler", handler);
        return st;
    }
    out->title = meta_string(poppler_document_get_title(doc));
    out->author = meta_string(poppler_document_get_author(doc));
    out->subject = meta_string(poppler_document_get_subject(doc));
    out->keywords = meta_string(poppler_document_get_keywords(doc));
    out->creator = meta_string(poppler_document_get_creator(doc));
    int n = poppler_document_get_n_pages(doc);
    if (n < 0)
        n = 0;
    out->npages = n;
    out->pages = psi_calloc((size_t)n, sizeof *out->pages);
    for (int i = 0; i < n; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (!page)
            continue;
        page_extract(page, &out->pages[i]);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_log_remove_handler("Poppler", handler);
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
            free(pdf->pages[i].lines[k].text);
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

/* doc.c: ps_doc_extract(), the ingest pipeline for one file:
 * pdf.c (poppler) -> layout.c (reading order) -> clean.c (characters,
 * running headers, dehyphenation) -> passage.c (headings, passages) ->
 * detect.c (organisation, län, year, kind). */
#include "plansok-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct ps_doc {
    ps_docinfo info;
    psi_passages passages;
    psi_budget_rows budget;
    char **page_text;
    int npages;
};

struct ps_extractor {
    ps_extract_opts opts; /* org points into org_copy */
    char *org_copy;
    psi_detector *detector;
    psi_tagger *tagger;
    psi_wordset *wordlist; /* NULL when no word list is installed */
    psi_pdflib *pdflib;
};

ps_status
ps_extractor_new(const ps_extract_opts *opts, ps_extractor **out, ps_error *err)
{
    *out = NULL;
    ps_extract_opts none = PS_EXTRACT_OPTS_INIT;
    ps_extractor *ex = psi_calloc(1, sizeof *ex);
    ex->opts = opts ? *opts : none;
    if (ex->opts.org) {
        ex->org_copy = psi_strdup(ex->opts.org);
        ex->opts.org = ex->org_copy;
    }
    ex->opts.rules_file = NULL;
    ps_status st = psi_pdflib_open(&ex->pdflib, err);
    if (st == PS_OK)
        st = psi_detector_new(&ex->detector, err);
    if (st == PS_OK) {
        if (opts && opts->rules_file) {
            char *text = psi_slurp(opts->rules_file);
            if (!text)
                st = psi_fail(err, PS_ERR_IO, "cannot read rules file '%s': %s", opts->rules_file, strerror(errno));
            else
                st = psi_tagger_new(text, opts->rules_file, &ex->tagger, err);
            free(text);
        } else {
            st = psi_tagger_new(psi_default_rules, "sections.rules", &ex->tagger, err);
        }
    }
    if (st == PS_OK) {
        /* the word list is optional: without it compounds split only on
         * the document's own words */
        const char *wl = opts && opts->wordlist ? opts->wordlist : getenv("PLANSOK_WORDLIST");
        if (!wl || !*wl)
            wl = "/usr/share/dict/swedish";
        ps_error ignored = PS_ERROR_INIT;
        if (psi_wordlist_load(wl, &ex->wordlist, &ignored) != PS_OK && opts && opts->wordlist)
            st = psi_fail(err, PS_ERR_IO, "%s", ignored.msg);
    }
    if (st != PS_OK) {
        ps_extractor_free(ex);
        return st;
    }
    *out = ex;
    return PS_OK;
}

void
ps_extractor_free(ps_extractor *ex)
{
    if (!ex)
        return;
    psi_detector_free(ex->detector);
    psi_tagger_free(ex->tagger);
    psi_wordset_free(ex->wordlist);
    psi_pdflib_free(ex->pdflib);
    free(ex->org_copy);
    free(ex);
}

#define FRONT_PAGES 3

static void
clean_pages(psi_pdf *pdf, int *text_pages)
{
    *text_pages = 0;
    for (int p = 0; p < pdf->npages; p++) {
        psi_page *pg = &pdf->pages[p];
        psi_layout_page(pg);
        size_t kept = 0;
        for (size_t i = 0; i < pg->nlines; i++) {
            char *c = psi_clean_line(pg->lines[i].text);
            free(pg->lines[i].text);
            if (!*c) {
                free(c);
                continue;
            }
            pg->lines[kept] = pg->lines[i];
            pg->lines[kept++].text = c;
        }
        pg->nlines = kept;
        if (kept)
            (*text_pages)++;
    }
}

static char *
absolute_path(const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return psi_strdup(buf);
    return psi_strdup(path);
}

ps_status
ps_doc_extract(const char *path, const ps_extract_opts *opts, ps_doc **out, ps_error *err)
{
    *out = NULL;
    ps_extractor *ex;
    ps_status st = ps_extractor_new(opts, &ex, err);
    if (st != PS_OK)
        return st;
    st = ps_extractor_run(ex, path, out, err);
    ps_extractor_free(ex);
    return st;
}

ps_status
ps_extractor_run(ps_extractor *ex, const char *path, ps_doc **out, ps_error *err)
{
    *out = NULL;
    const ps_extract_opts *opts = &ex->opts;
    psi_pdf pdf;
    ps_status st = psi_pdf_read(ex->pdflib, path, &pdf, err);
    if (st != PS_OK)
        return st;
    int text_pages;
    clean_pages(&pdf, &text_pages);
    if (pdf.npages == 0) {
        psi_pdf_release(&pdf);
        return psi_fail(err, PS_ERR_PDF_DAMAGED, "PDF has no pages (its page tree is broken or empty)");
    }
    if (text_pages == 0) {
        st = psi_fail(err, PS_ERR_PDF_NO_TEXT, "no text layer on any of its %d page%s (scanned?); needs OCR",
                      pdf.npages, pdf.npages == 1 ? "" : "s");
        psi_pdf_release(&pdf);
        return st;
    }
    psi_strip_running(pdf.pages, pdf.npages);

    psi_wordset *words = psi_wordset_new();
    for (int p = 0; p < pdf.npages; p++)
        for (size_t i = 0; i < pdf.pages[p].nlines; i++)
            if (pdf.pages[p].lines[i].text)
                psi_wordset_add_text(words, pdf.pages[p].lines[i].text);

    ps_doc *doc = psi_calloc(1, sizeof *doc);
    doc->npages = pdf.npages;
    doc->page_text = psi_calloc((size_t)pdf.npages, sizeof *doc->page_text);
    psi_build_passages(pdf.pages, pdf.npages, words, ex->tagger, &doc->passages, doc->page_text);
    for (size_t i = 0; i < doc->passages.n; i++) {
        ps_passage *p = &doc->passages.v[i];
        psi_buf t = PSI_BUF_INIT;
        psi_passage_terms(p->heading, ex->wordlist, words, &t);
        psi_passage_terms(p->text, ex->wordlist, words, &t);
        p->terms = psi_buf_detach(&t);
    }
    psi_wordset_free(words);

    /* budget tables on the pages that have budget passages */
    bool *budget_pages = psi_calloc((size_t)pdf.npages + 1, sizeof *budget_pages);
    for (size_t i = 0; i < doc->passages.n; i++)
        if (doc->passages.v[i].section == PS_SECTION_BUDGET)
            budget_pages[doc->passages.v[i].page] = true;
    psi_budget_extract(pdf.pages, pdf.npages, budget_pages, &doc->budget);
    free(budget_pages);

    /* detection */
    psi_buf front = PSI_BUF_INIT, body = PSI_BUF_INIT;
    int taken = 0;
    for (int p = 0; p < pdf.npages; p++) {
        const char *t = doc->page_text[p];
        if (!t || !*t)
            continue;
        if (taken++ < FRONT_PAGES) {
            psi_buf_adds(&front, t);
            psi_buf_addc(&front, '\n');
        }
        psi_buf_adds(&body, t);
        psi_buf_addc(&body, '\n');
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    psi_detect_input in = { base, pdf.title, pdf.author, pdf.subject, psi_buf_str(&front), psi_buf_str(&body) };
    psi_detected d;
    psi_detect(ex->detector, &in, &d);
    psi_buf_release(&front);
    psi_buf_release(&body);

    ps_docinfo *info = &doc->info;
    info->path = absolute_path(path);
    info->docid = psi_strdup(pdf.hash);
    info->size = pdf.size;
    info->mtime = pdf.mtime;
    info->file = psi_strdup(base);
    info->title = psi_strdup(pdf.title);
    info->org = opts->org ? psi_strdup(opts->org) : d.org;
    if (opts->org)
        free(d.org);
    info->lan = opts->lan >= 0 ? opts->lan : d.lan;
    info->year = opts->year > 0 ? opts->year : d.year;
    info->kind = opts->kind >= 0 ? (ps_kind)opts->kind : d.kind;
    info->pages = pdf.npages;
    info->text_pages = text_pages;
    info->passages = (int)doc->passages.n;
    psi_pdf_release(&pdf);
    *out = doc;
    return PS_OK;
}

const ps_docinfo *
ps_doc_info(const ps_doc *doc)
{
    return &doc->info;
}

size_t
ps_doc_passage_count(const ps_doc *doc)
{
    return doc->passages.n;
}

const ps_passage *
ps_doc_passage(const ps_doc *doc, size_t i)
{
    return i < doc->passages.n ? &doc->passages.v[i] : NULL;
}

size_t
ps_doc_budget_count(const ps_doc *doc)
{
    return doc->budget.n;
}

const ps_budget_row *
ps_doc_budget_row(const ps_doc *doc, size_t i)
{
    return i < doc->budget.n ? &doc->budget.v[i] : NULL;
}

size_t
ps_doc_heading_count(const ps_doc *doc)
{
    return doc->passages.noutline;
}

const ps_heading *
ps_doc_heading(const ps_doc *doc, size_t i)
{
    return i < doc->passages.noutline ? &doc->passages.outline[i] : NULL;
}

const char *
ps_doc_page_text(const ps_doc *doc, int page)
{
    if (page < 0 || page >= doc->npages || !doc->page_text[page])
        return "";
    return doc->page_text[page];
}

void
ps_doc_free(ps_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->passages.n; i++) {
        free(doc->passages.v[i].heading);
        free(doc->passages.v[i].text);
        free(doc->passages.v[i].terms);
    }
    free(doc->passages.v);
    for (size_t i = 0; i < doc->passages.noutline; i++)
        free(doc->passages.outline[i].text);
    free(doc->passages.outline);
    for (size_t i = 0; i < doc->budget.n; i++)
        psi_budget_row_release(&doc->budget.v[i]);
    free(doc->budget.v);
    for (int p = 0; p < doc->npages; p++)
        free(doc->page_text[p]);
    free(doc->page_text);
    free(doc->info.docid);
    free(doc->info.path);
    free(doc->info.file);
    free(doc->info.title);
    free(doc->info.org);
    free(doc);
}

/* ------------------------------------------------------------ serialize */

#define RS '\x1e' /* between records */
#define US "\x1f" /* between list items inside a field */

static void
end_record(psi_buf *b)
{
    psi_buf_addc(b, RS);
}

ps_status
ps_doc_serialize(const ps_doc *doc, char **out, size_t *len)
{
    psi_buf b = PSI_BUF_INIT;
    const ps_docinfo *d = &doc->info;
    psi_record_add(&b, "t", "doc");
    psi_record_add(&b, "docid", d->docid);
    psi_record_add(&b, "path", d->path);
    psi_record_addi(&b, "size", (long)d->size);
    psi_record_addi(&b, "mtime", (long)d->mtime);
    psi_record_add(&b, "file", d->file);
    psi_record_add(&b, "title", d->title);
    psi_record_add(&b, "org", d->org);
    psi_record_addi(&b, "lan", d->lan);
    psi_record_addi(&b, "year", d->year);
    psi_record_addi(&b, "kind", d->kind);
    psi_record_addi(&b, "pages", d->pages);
    psi_record_addi(&b, "text_pages", d->text_pages);
    end_record(&b);
    for (size_t i = 0; i < doc->passages.n; i++) {
        const ps_passage *p = &doc->passages.v[i];
        psi_record_add(&b, "t", "p");
        psi_record_addi(&b, "page", p->page);
        psi_record_addi(&b, "section", p->section);
        psi_record_add(&b, "heading", p->heading);
        psi_record_add(&b, "text", p->text);
        psi_record_add(&b, "terms", p->terms);
        end_record(&b);
    }
    for (size_t i = 0; i < doc->passages.noutline; i++) {
        const ps_heading *h = &doc->passages.outline[i];
        psi_record_add(&b, "t", "h");
        psi_record_addi(&b, "level", h->level);
        psi_record_addi(&b, "page", h->page);
        psi_record_addi(&b, "section", h->section);
        psi_record_add(&b, "text", h->text);
        end_record(&b);
    }
    for (size_t i = 0; i < doc->budget.n; i++) {
        const ps_budget_row *r = &doc->budget.v[i];
        psi_buf cols = PSI_BUF_INIT, vals = PSI_BUF_INIT;
        for (size_t k = 0; k < r->ncols; k++) {
            if (k) {
                psi_buf_adds(&cols, US);
                psi_buf_adds(&vals, US);
            }
            psi_buf_adds(&cols, r->columns[k]);
            if (r->present[k])
                psi_buf_addf(&vals, "%.17g", r->amounts[k]);
        }
        psi_record_add(&b, "t", "b");
        psi_record_addi(&b, "page", r->page);
        psi_record_add(&b, "table", r->table);
        psi_record_add(&b, "unit", r->unit);
        psi_record_add(&b, "label", r->label);
        psi_record_add(&b, "columns", psi_buf_str(&cols));
        psi_record_add(&b, "amounts", psi_buf_str(&vals));
        psi_buf_release(&cols);
        psi_buf_release(&vals);
        end_record(&b);
    }
    for (int p = 0; p < doc->npages; p++) {
        psi_record_add(&b, "t", "page");
        psi_record_addi(&b, "page", p);
        psi_record_add(&b, "text", doc->page_text[p] ? doc->page_text[p] : "");
        end_record(&b);
    }
    *len = b.len;
    *out = psi_buf_detach(&b);
    return PS_OK;
}

static char *
field(const char *rec, size_t n, const char *key)
{
    char *v = psi_record_get(rec, n, key);
    return v ? v : psi_strdup("");
}

static long
fieldi(const char *rec, size_t n, const char *key)
{
    return (long)psi_record_getll(rec, n, key);
}

/* Splits a US-joined field into a new array of n strings. */
static char **
split_us(const char *s, size_t *n)
{
    char **v = NULL;
    *n = 0;
    for (const char *p = s;;) {
        const char *e = strstr(p, US);
        size_t len = e ? (size_t)(e - p) : strlen(p);
        v = psi_realloc(v, (*n + 1) * sizeof *v);
        v[(*n)++] = psi_strndup(p, len);
        if (!e)
            break;
        p = e + 1;
    }
    return v;
}

ps_status
ps_doc_deserialize(const char *data, size_t len, ps_doc **out, ps_error *err)
{
    *out = NULL;
    ps_doc *doc = psi_calloc(1, sizeof *doc);
    bool have_doc = false;
    size_t pages_cap = 0;
    for (size_t at = 0; at < len;) {
        const char *rs = memchr(data + at, RS, len - at);
        size_t n = rs ? (size_t)(rs - data) - at : len - at;
        const char *rec = data + at;
        char *t = field(rec, n, "t");
        if (!strcmp(t, "doc")) {
            ps_docinfo *d = &doc->info;
            d->docid = field(rec, n, "docid");
            d->path = field(rec, n, "path");
            d->size = psi_record_getll(rec, n, "size");
            d->mtime = psi_record_getll(rec, n, "mtime");
            d->file = field(rec, n, "file");
            d->title = field(rec, n, "title");
            d->org = field(rec, n, "org");
            d->lan = (int)fieldi(rec, n, "lan");
            d->year = (int)fieldi(rec, n, "year");
            d->kind = (ps_kind)fieldi(rec, n, "kind");
            d->pages = (int)fieldi(rec, n, "pages");
            d->text_pages = (int)fieldi(rec, n, "text_pages");
            have_doc = true;
        } else if (!strcmp(t, "p")) {
            psi_passages *ps = &doc->passages;
            if (ps->n == ps->cap) {
                ps->cap = ps->cap ? ps->cap * 2 : 32;
                ps->v = psi_realloc(ps->v, ps->cap * sizeof *ps->v);
            }
            ps->v[ps->n++] = (ps_passage){ (int)fieldi(rec, n, "page"), field(rec, n, "heading"), field(rec, n, "text"),
                                           (ps_section)fieldi(rec, n, "section"), field(rec, n, "terms") };
        } else if (!strcmp(t, "h")) {
            psi_passages *ps = &doc->passages;
            if (ps->noutline == ps->outline_cap) {
                ps->outline_cap = ps->outline_cap ? ps->outline_cap * 2 : 32;
                ps->outline = psi_realloc(ps->outline, ps->outline_cap * sizeof *ps->outline);
            }
            ps->outline[ps->noutline++] = (ps_heading){ (int)fieldi(rec, n, "level"), (int)fieldi(rec, n, "page"),
                                                        (ps_section)fieldi(rec, n, "section"), field(rec, n, "text") };
        } else if (!strcmp(t, "b")) {
            psi_budget_rows *br = &doc->budget;
            if (br->n == br->cap) {
                br->cap = br->cap ? br->cap * 2 : 16;
                br->v = psi_realloc(br->v, br->cap * sizeof *br->v);
            }
            ps_budget_row *r = &br->v[br->n++];
            memset(r, 0, sizeof *r);
            r->page = (int)fieldi(rec, n, "page");
            r->table = field(rec, n, "table");
            r->unit = field(rec, n, "unit");
            r->label = field(rec, n, "label");
            r->lan = -1;
            char *cols = field(rec, n, "columns"), *vals = field(rec, n, "amounts");
            size_t nc, nv;
            r->columns = split_us(cols, &nc);
            char **vs = split_us(vals, &nv);
            r->ncols = nc;
            r->amounts = psi_calloc(nc ? nc : 1, sizeof *r->amounts);
            r->present = psi_calloc(nc ? nc : 1, 1);
            for (size_t k = 0; k < nc && k < nv; k++)
                if (*vs[k]) {
                    r->amounts[k] = strtod(vs[k], NULL);
                    r->present[k] = 1;
                }
            for (size_t k = 0; k < nv; k++)
                free(vs[k]);
            free(vs);
            free(cols);
            free(vals);
        } else if (!strcmp(t, "page")) {
            int p = (int)fieldi(rec, n, "page");
            if (p >= 0 && p < 1000000) {
                if ((size_t)p >= pages_cap) {
                    size_t nc = (size_t)p + 64;
                    doc->page_text = psi_realloc(doc->page_text, nc * sizeof *doc->page_text);
                    memset(doc->page_text + pages_cap, 0, (nc - pages_cap) * sizeof *doc->page_text);
                    pages_cap = nc;
                }
                free(doc->page_text[p]);
                doc->page_text[p] = field(rec, n, "text");
                if (p + 1 > doc->npages)
                    doc->npages = p + 1;
            }
        }
        free(t);
        at += n + (rs ? 1 : 0);
    }
    if (!have_doc) {
        ps_doc_free(doc);
        return psi_fail(err, PS_ERR_INTERNAL, "a worker sent no document");
    }
    doc->info.passages = (int)doc->passages.n;
    *out = doc;
    return PS_OK;
}

/* doc.c: ps_doc_extract(), the ingest pipeline for one file:
 * pdf.c (poppler) -> layout.c (reading order) -> clean.c (characters,
 * running headers, dehyphenation) -> passage.c (headings, passages) ->
 * detect.c (organisation, län, year, kind). */
#include "plansok-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A rules file is written by hand: the built-in one is a few kB. */
enum { RULES_MAX_MB = 1 };

struct ps_doc {
    ps_docinfo info;
    psi_passages passages;
    psi_budget_rows budget;
    char **page_text;
    int npages;
};

/* A document as one record (core/record.c): what an isolated worker sends.
 * Page texts stay behind: nothing after extraction reads them. */
static const psi_field doc_fields[] = {
    PSI_FIELD_INCLUDE(ps_doc, info, psi_docinfo_fields),
    PSI_FIELD_LIST("passage", ps_doc, passages.v, passages.n, ps_passage, psi_passage_fields),
    PSI_FIELD_LIST("heading", ps_doc, passages.outline, passages.noutline, ps_heading, psi_heading_fields),
    PSI_FIELD_LIST("budget_row", ps_doc, budget.v, budget.n, ps_budget_row, psi_budget_cell_fields),
    PSI_FIELD_END,
};

struct ps_extractor {
    ps_extract_opts opts; /* org points into org_copy */
    char *org_copy;
    psi_detector *detector;
    psi_tagger *tagger;
    psi_wordset *wordlist; /* NULL when no word list is installed */
    psi_pdflib *pdflib;
    char *stamp; /* ps_extractor_stamp */
};

ps_status
ps_extractor_new(const ps_extract_opts *opts, ps_extractor **out, ps_error *err)
{
    *out = NULL;
    ps_extract_opts none = PS_EXTRACT_OPTS_INIT;
    if (opts && (opts->year < 0 || (opts->year > 0 && (opts->year < 1900 || opts->year > 2100))))
        return psi_fail(err, PS_ERR_USAGE, "year %d is not a year a plan can have (1900 to 2100)", opts->year);
    if (opts && (opts->lan < -1 || opts->lan >= PS_LAN_COUNT))
        return psi_fail(err, PS_ERR_USAGE, "län %d is not one of the %d län", opts->lan, PS_LAN_COUNT);
    if (opts && (opts->kind < -1 || opts->kind >= PS_KIND_COUNT))
        return psi_fail(err, PS_ERR_USAGE, "kind %d is not a document kind", opts->kind);
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
    /* the stamp: this version, and what else decides what it makes */
    psi_buf stamp = PSI_BUF_INIT;
    psi_buf_addf(&stamp, "%d", PS_EXTRACT_VERSION);
    if (st == PS_OK) {
        if (opts && opts->rules_file) {
            char *text = NULL;
            st = psi_slurp_settings(opts->rules_file, "rules file", RULES_MAX_MB, &text, err);
            if (st == PS_OK)
                st = psi_tagger_new(text, opts->rules_file, &ex->tagger, err);
            if (st == PS_OK) {
                char hash[17];
                psi_hash_hex(text, strlen(text), hash);
                psi_buf_addf(&stamp, " rules %s", hash);
            }
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
        char hash[17];
        if (psi_wordlist_load(wl, &ex->wordlist, &ignored) != PS_OK) {
            if (opts && opts->wordlist)
                st = psi_fail(err, PS_ERR_IO, "%s", ignored.msg);
        } else {
            psi_buf_addf(&stamp, " words %s", psi_file_hash(wl, hash, &ignored) == PS_OK ? hash : "unhashed");
        }
    }
    ex->stamp = psi_buf_detach(&stamp);
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
    free(ex->stamp);
    free(ex);
}

const char *
ps_extractor_stamp(const ps_extractor *ex)
{
    return ex->stamp;
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
            pg->lines[i].text = c;
            if (!*c) {
                psi_line_release(&pg->lines[i]);
                continue;
            }
            /* the cells' places hold while cleaning keeps the cells */
            size_t ncells = 1;
            for (const char *t = c; *t; t++)
                ncells += *t == '\t';
            if (ncells != pg->lines[i].ncells) {
                free(pg->lines[i].cells);
                pg->lines[i].cells = NULL;
                pg->lines[i].ncells = 0;
            }
            pg->lines[kept++] = pg->lines[i];
        }
        pg->nlines = kept;
        if (kept)
            (*text_pages)++;
    }
}

/* The largest lines of the first text page, in reading order: a cover's
 * title and the name under it. A word broken at a line end is joined
 * ("Lokalförsörjnings-" "plan"). */
#define HEADLINE_LINES 8

static char *
headline_text(const psi_page *pages, int npages)
{
    const psi_page *pg = NULL;
    for (int p = 0; p < npages && !pg; p++)
        if (pages[p].nlines)
            pg = &pages[p];
    if (!pg)
        return psi_strdup("");
    double big = 0;
    for (size_t i = 0; i < pg->nlines; i++)
        if (pg->lines[i].text && pg->lines[i].size > big)
            big = pg->lines[i].size;
    psi_buf b = PSI_BUF_INIT;
    int taken = 0;
    for (size_t i = 0; i < pg->nlines && taken < HEADLINE_LINES; i++) {
        const psi_line *l = &pg->lines[i];
        if (!l->text || l->size < big * 0.8)
            continue;
        bool joined = b.len > 1 && b.s[b.len - 1] == '-' && b.s[b.len - 2] != ' ' && (unsigned char)l->text[0] >= 'a';
        if (joined)
            b.len--, b.s[b.len] = '\0';
        else if (b.len)
            psi_buf_addc(&b, '\n');
        psi_buf_adds(&b, l->text);
        taken++;
    }
    return psi_buf_detach(&b);
}

/* Pages whose text layer is not readable text (a broken font encoding
 * gives "*|UDQ3HUVVRQ") are left out, not indexed as nonsense: their lines
 * are dropped. Returns how many; *text_pages counts the rest. */
static int
drop_garbled(psi_pdf *pdf, int *text_pages)
{
    int garbled = 0;
    for (int p = 0; p < pdf->npages; p++) {
        psi_page *pg = &pdf->pages[p];
        if (!pg->nlines)
            continue;
        psi_buf b = PSI_BUF_INIT;
        for (size_t i = 0; i < pg->nlines; i++) {
            psi_buf_adds(&b, pg->lines[i].text);
            psi_buf_addc(&b, '\n');
        }
        if (psi_text_garbled(b.s, b.len)) {
            for (size_t i = 0; i < pg->nlines; i++)
                psi_line_release(&pg->lines[i]);
            pg->nlines = 0;
            garbled++;
            (*text_pages)--;
        }
        psi_buf_release(&b);
    }
    return garbled;
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
    int garbled = drop_garbled(&pdf, &text_pages);
    if (pdf.npages == 0) {
        psi_pdf_release(&pdf);
        return psi_fail(err, PS_ERR_PDF_DAMAGED, "PDF has no pages (its page tree is broken or empty)");
    }
    if (text_pages == 0 && garbled) {
        st = psi_fail(err, PS_ERR_PDF_GARBLED,
                      "the text layer of %s %d page%s is not readable text (a broken font encoding?); "
                      "needs OCR",
                      garbled == 1 ? "its" : "all its", garbled, garbled == 1 ? "" : "s");
        psi_pdf_release(&pdf);
        return st;
    }
    if (text_pages == 0) {
        st = psi_fail(err, PS_ERR_PDF_NO_TEXT, "no text layer on any of its %d page%s (scanned?); needs OCR",
                      pdf.npages, pdf.npages == 1 ? "" : "s");
        psi_pdf_release(&pdf);
        return st;
    }
    char *headline = headline_text(pdf.pages, pdf.npages);
    psi_buf running = PSI_BUF_INIT;
    psi_strip_running(pdf.pages, pdf.npages, &running);

    psi_wordset *words = psi_wordset_new();
    for (int p = 0; p < pdf.npages; p++)
        for (size_t i = 0; i < pdf.pages[p].nlines; i++)
            if (pdf.pages[p].lines[i].text)
                psi_wordset_add_text(words, pdf.pages[p].lines[i].text);
    psi_join_split_words(pdf.pages, pdf.npages, words);

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

    /* budget tables on the pages that have budget passages */
    bool *budget_pages = psi_calloc((size_t)pdf.npages + 1, sizeof *budget_pages);
    for (size_t i = 0; i < doc->passages.n; i++)
        if (doc->passages.v[i].section == PS_SECTION_BUDGET)
            budget_pages[doc->passages.v[i].page] = true;
    psi_budget_extract(pdf.pages, pdf.npages, budget_pages, words, &doc->budget);
    free(budget_pages);
    psi_wordset_free(words);

    /* detection */
    psi_buf front = PSI_BUF_INIT, body = PSI_BUF_INIT;
    const char *first = "", *last = "";
    int taken = 0;
    for (int p = 0; p < pdf.npages; p++) {
        const char *t = doc->page_text[p];
        if (!t || !*t)
            continue;
        if (!taken)
            first = t;
        last = t;
        if (taken++ < FRONT_PAGES) {
            psi_buf_adds(&front, t);
            psi_buf_addc(&front, '\n');
        }
        psi_buf_adds(&body, t);
        psi_buf_addc(&body, '\n');
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    psi_detect_input in = { base,    pdf.title,  pdf.author,          pdf.subject,        headline,
                            first,   psi_buf_str(&running), psi_buf_str(&front), psi_buf_str(&body),
                            pdf.created_year, psi_lang_detect(body.s ? body.s : "", body.len), last };
    psi_detected d;
    psi_detect(ex->detector, &in, &d);
    char *sig = psi_text_sig(psi_buf_str(&body));
    psi_buf_release(&front);
    psi_buf_release(&body);
    psi_buf_release(&running);
    free(headline);

    ps_docinfo *info = &doc->info;
    info->path = absolute_path(path);
    info->docid = psi_strdup(pdf.hash);
    info->size = pdf.size;
    info->mtime = pdf.mtime;
    info->mtime_ns = pdf.mtime_ns;
    info->file = psi_strdup(base);
    info->title = psi_strdup(pdf.title);
    info->org = psi_strdup(opts->org ? opts->org : d.org);
    info->org_code = psi_strdup(opts->org ? "" : d.org_code);
    info->unit = psi_strdup(d.unit);
    info->lan = opts->lan >= 0 ? opts->lan : d.lan;
    info->year = opts->year > 0 ? opts->year : d.year;
    info->kind = opts->kind >= 0 ? (ps_kind)opts->kind : d.kind;
    info->period_from = d.period_from;
    info->period_to = d.period_to;
    info->date = psi_strdup(d.date);
    info->lang = psi_strdup(psi_lang_code(in.lang));
    info->garbled_pages = garbled;
    info->by_hand = psi_strdup("");
    info->from_folder = psi_strdup("");
    info->twin_of = psi_strdup("");
    info->sig = sig;
    info->reader = psi_strdup(ex->stamp);
    psi_detected_release(&d);
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
    psi_record_release(doc_fields, doc);
    for (int p = 0; p < doc->npages; p++)
        free(doc->page_text[p]);
    free(doc->page_text);
    free(doc);
}

/* --------------------------------------------------------------- limits */

/* The refusal for one limit of ps_doc_check_limits: how many there are of
 * what, the limit, and the ingest option that raises it. */
static ps_status
over(ps_error *err, size_t have, const char *what, long limit, const char *option)
{
    return psi_fail(err, PS_ERR_DOC_REFUSED, "too large for the index: %zu %s (the limit is %ld; %s)", have, what,
                    limit, option);
}

ps_status
ps_doc_check_limits(const ps_doc *doc, const ps_limits *lim, ps_error *err)
{
    ps_limits def = PS_LIMITS_INIT;
    if (!lim)
        lim = &def;
    size_t text = 0;
    for (size_t i = 0; i < doc->passages.n; i++)
        text += strlen(doc->passages.v[i].text);
    if (lim->max_pages > 0 && doc->info.pages > lim->max_pages)
        return over(err, (size_t)doc->info.pages, "pages", lim->max_pages, "--max-pages");
    if (lim->max_passages > 0 && doc->passages.n > (size_t)lim->max_passages)
        return over(err, doc->passages.n, "passages", lim->max_passages, "--max-passages");
    if (lim->max_text_mb > 0 && text > (size_t)lim->max_text_mb << 20)
        return psi_fail(err, PS_ERR_DOC_REFUSED, "too large for the index: %.1f MB of text (the limit is %ld MB; --max-text)",
                        (double)text / (1 << 20), lim->max_text_mb);
    if (lim->max_headings > 0 && doc->passages.noutline > (size_t)lim->max_headings)
        return over(err, doc->passages.noutline, "headings", lim->max_headings, "--max-headings");
    if (lim->max_budget_rows > 0 && doc->budget.n > (size_t)lim->max_budget_rows)
        return over(err, doc->budget.n, "budget rows", lim->max_budget_rows, "--max-budget-rows");
    return PS_OK;
}

ps_status
ps_file_check_limits(const char *path, const ps_limits *lim, ps_error *err)
{
    ps_limits def = PS_LIMITS_INIT;
    if (!lim)
        lim = &def;
    struct stat sb;
    if (lim->max_file_mb <= 0 || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        sb.st_size <= (off_t)lim->max_file_mb << 20)
        return PS_OK;
    double mb = (double)sb.st_size / (1 << 20);
    return psi_fail(err, PS_ERR_DOC_REFUSED, "too large to read: %.1f %s (the limit is %ld MB; --max-file)",
                    mb >= 1024 ? mb / 1024 : mb, mb >= 1024 ? "GB" : "MB", lim->max_file_mb);
}

/* ------------------------------------------------------------ serialize */

ps_status
ps_doc_serialize(const ps_doc *doc, char **out, size_t *len, ps_error *err)
{
    psi_buf b = PSI_BUF_INIT;
    ps_status st = psi_record_put(&b, doc_fields, doc, err);
    if (st != PS_OK) {
        psi_buf_release(&b);
        *out = NULL;
        *len = 0;
        return st;
    }
    *len = b.len;
    *out = psi_buf_detach(&b);
    return PS_OK;
}

ps_status
ps_doc_deserialize(const char *data, size_t len, ps_doc **out, ps_error *err)
{
    *out = NULL;
    ps_doc *doc = psi_calloc(1, sizeof *doc);
    ps_status st = psi_record_take(data, len, doc_fields, doc, err);
    if (st != PS_OK) {
        free(doc);
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err ? err->msg : "");
        return psi_fail(err, PS_ERR_INTERNAL, "a worker sent a document that does not read: %s", msg);
    }
    if ((size_t)doc->info.passages != doc->passages.n) {
        st = psi_fail(err, PS_ERR_INTERNAL, "a worker sent a document with %zu of its %d passages",
                      doc->passages.n, doc->info.passages);
        ps_doc_free(doc);
        return st;
    }
    doc->passages.cap = doc->passages.n;
    doc->passages.outline_cap = doc->passages.noutline;
    doc->budget.cap = doc->budget.n;
    for (size_t i = 0; i < doc->budget.n; i++)
        doc->budget.v[i].lan = -1; /* set when rows come from the index */
    *out = doc;
    return PS_OK;
}

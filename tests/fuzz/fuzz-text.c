/* fuzz-text.c: libFuzzer harness for the text pipeline: character
 * cleaning, running-line keys, dehyphenating joins, extra index words,
 * section tagging, metadata detection, Swedish amounts, budget rows,
 * passages and headings (sizes and weights from the input's bytes), and
 * goal statements. Built and run by 'make fuzz'. */
#include "plansok-private.h"
#include "tests/unit/pages.h"

#include <stdlib.h>
#include <string.h>

static psi_tagger *tagger;
static psi_detector *detector;
static psi_wordset *words;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ps_error e = PS_ERROR_INIT;
    if (psi_tagger_new(psi_default_rules, "rules", &tagger, &e) || psi_detector_new(&detector, &e))
        abort();
    words = psi_wordset_new();
    psi_wordset_add_text(words, "vuxenutbildning kompetens försörjning region hälsa utbud-efterfrågan");
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0'; /* text with NULs ends at the first */

    char *c = psi_clean_line(s);
    free(psi_running_key(s));
    psi_buf b = PSI_BUF_INIT;
    size_t half = strlen(c) / 2;
    char *first = psi_strndup(c, half);
    psi_join_line(&b, first, words);
    psi_join_line(&b, c + half, words);
    psi_buf terms = PSI_BUF_INIT;
    psi_passage_terms(psi_buf_str(&b), NULL, words, &terms);
    psi_buf_release(&terms);
    psi_buf_release(&b);
    free(first);

    int scores[PS_SECTION_COUNT];
    bool intro;
    psi_tagger_sentences(tagger, c, scores);
    psi_tagger_heading(tagger, c, &intro);
    double v;
    ps_parse_amount(c, &v);

    /* every place of a document, and the dates, years, language, garbled
     * test and fingerprint of the same text */
    psi_detect_input in = { c, c, c, "", c, c, c, c, c, 2026, PSI_LANG_SV };
    psi_detected d;
    psi_detect(detector, &in, &d);
    psi_detected_release(&d);
    psi_datehit dh[16];
    psi_find_dates(c, strlen(c), dh, 16);
    psi_yearhit yh[16];
    psi_find_years(c, strlen(c), yh, 16);
    psi_lang_detect(c, strlen(c));
    psi_text_garbled(c, strlen(c));
    free(psi_text_sig(c));
    psi_body_match bm[16];
    psi_register_scan(c, strlen(c), bm, 16);
    psi_register_lookup(c);

    /* budget rows from the lines of the input, as tab-separated cells */
    psi_line lines[64];
    size_t nl = 0;
    for (char *p = s, *e; nl < 64 && p && *p; p = e ? e + 1 : NULL) {
        e = strchr(p, '\n');
        if (e)
            *e = '\0';
        lines[nl] = (psi_line){ 0 };
        lines[nl++].text = psi_clean_line(p);
    }
    psi_page pg = { 0 };
    pg.lines = lines;
    pg.nlines = nl;
    bool on = true;
    psi_budget_rows rows = { 0 };
    psi_budget_extract(&pg, 1, &on, NULL, &rows);
    for (size_t i = 0; i < rows.n; i++)
        psi_budget_row_release(&rows.v[i]);
    free(rows.v);

    /* passages and headings: each line's size, weight and gap from its
     * first byte, so that headings, bold runs, wrapped years and titles
     * come and go */
    double y = 60;
    for (size_t i = 0; i < nl; i++) {
        unsigned char k = (unsigned char)(lines[i].text[0] ? lines[i].text[0] : i);
        psi_line *l = &lines[i];
        l->size = (k & 3) == 0 ? 20 : (k & 3) == 1 ? 14 : 11;
        l->bold = (k & 4) != 0;
        l->x0 = 80;
        l->x1 = 80 + 4.5 * (double)strlen(l->text);
        l->y0 = y;
        l->y1 = y + l->size;
        y += l->size + ((k & 8) ? 2 : 14);
    }
    psi_page two[2] = { pg, pg };
    two[1].lines = lines + nl / 2;
    two[1].nlines = nl - nl / 2;
    two[0].nlines = nl / 2;
    psi_passages ps = { 0 };
    psi_build_passages(two, 2, words, tagger, &ps, NULL);
    passages_release(&ps);

    /* goal statements, under the input as a heading */
    psi_statements ss;
    const char *texts[2] = { c, c + strlen(c) / 2 };
    psi_heading_statements(c, texts, 2, true, &ss);
    psi_statements_release(&ss);
    psi_heading_names_goal(c);
    for (size_t i = 0; i < nl; i++)
        free(lines[i].text);
    free(c);
    free(s);
    return 0;
}

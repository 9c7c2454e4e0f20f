/* test-record.c: the record codec (core/record.c) and the records of the
 * library's structs: every byte value survives, no raw control byte is
 * ever written into a value, a missing or out-of-range field is an error
 * (never a silent 0), lists and sub-records round-trip, and a document
 * sent by a worker reads back as it was, without its page texts. */
#include "plansok-private.h"
#include "index/schema.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

static bool
has_raw_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] == 0x7f)
            return true;
    return false;
}

/* Each of the 256 byte values alone, and all of them in one value. */
static void
test_bytes(void)
{
    int bad_escape = 0, bad_round = 0;
    char all[256];
    for (int c = 0; c < 256; c++) {
        char one[1] = { (char)c };
        all[c] = (char)c;
        psi_buf e = PSI_BUF_INIT, u = PSI_BUF_INIT;
        psi_record_escape(&e, one, 1);
        bad_escape += has_raw_control(e.s, e.len);
        psi_record_unescape(&u, e.s, e.len);
        bad_round += u.len != 1 || u.s[0] != (char)c;
        psi_buf_release(&e);
        psi_buf_release(&u);
    }
    CHECK(bad_escape == 0);
    CHECK(bad_round == 0);
    psi_buf e = PSI_BUF_INIT, u = PSI_BUF_INIT;
    psi_record_escape(&e, all, sizeof all);
    CHECK(!has_raw_control(e.s, e.len));
    psi_record_unescape(&u, e.s, e.len);
    CHECK(u.len == sizeof all && memcmp(u.s, all, sizeof all) == 0);
    psi_buf_release(&e);
    psi_buf_release(&u);

    /* as a field among others: every non-NUL byte of a C string */
    char str[256];
    memcpy(str, all + 1, 255);
    str[255] = '\0';
    typedef struct three {
        char *a, *text, *b;
    } three;
    static const psi_field fields[] = { PSI_FIELD_STR("a", three, a), PSI_FIELD_STR("text", three, text),
                                        PSI_FIELD_STR("b", three, b), PSI_FIELD_END };
    three in = { "x", str, "y\\n\\x1e" }, back;
    psi_buf r = PSI_BUF_INIT;
    CHECK(psi_record_put(&r, fields, &in, NULL) == PS_OK);
    size_t controls = 0; /* only the line structure's own: a tab and a newline per field */
    for (size_t i = 0; i < r.len; i++)
        controls += (unsigned char)r.s[i] < 0x20 || r.s[i] == 0x7f;
    CHECK(controls == 6);
    CHECK(psi_record_take(r.s, r.len, fields, &back, NULL) == PS_OK);
    CHECK_STR(back.text, str);
    CHECK_STR(back.b, "y\\n\\x1e");
    psi_record_release(fields, &back);
    psi_buf_release(&r);
}

static ps_docinfo
sample_info(char *title)
{
    ps_docinfo d = { 0 };
    d.docid = "0123456789abcdef";
    d.path = "/tmp/a\tb\nc.pdf";
    d.size = 12345678901LL;
    d.mtime = 1700000000;
    d.mtime_ns = 123456789;
    d.file = "a\tb\nc.pdf";
    d.title = title;
    d.org = "Regionförbundet Jönköpings län";
    d.lan = 4;
    d.year = 2014;
    d.kind = PS_KIND_VERKSAMHETSPLAN;
    d.pages = 21;
    d.text_pages = 20;
    d.passages = 7;
    d.reader = "1 rules 00ff00ff00ff00ff";
    return d;
}

static void
test_docinfo(void)
{
    char title[40];
    /* RS and US, the old frame bytes, and other controls in the title */
    snprintf(title, sizeof title, "Plan\x1e%s\x1f%s\x01\x7f slut", "2014", "x");
    ps_docinfo d = sample_info(title), back;
    psi_buf b = PSI_BUF_INIT;
    CHECK(psi_record_put(&b, psi_docinfo_fields, &d, NULL) == PS_OK);
    size_t lines = 0;
    for (size_t i = 0; i < b.len; i++)
        lines += b.s[i] == '\n';
    CHECK(lines == 26);
    ps_error err = PS_ERROR_INIT;
    CHECK(psi_record_take(b.s, b.len, psi_docinfo_fields, &back, &err) == PS_OK);
    CHECK_STR(back.title, title);
    CHECK_STR(back.path, d.path);
    CHECK_STR(back.org, d.org);
    CHECK(back.size == d.size && back.mtime == d.mtime && back.lan == 4 && back.year == 2014);
    CHECK(back.mtime_ns == 123456789);
    CHECK(back.kind == PS_KIND_VERKSAMHETSPLAN && back.pages == 21 && back.text_pages == 20 && back.passages == 7);
    CHECK_STR(back.reader, d.reader);
    psi_docinfo_release(&back);
    CHECK(back.title == NULL && back.lan == 0);

    /* a record without its län: an error naming the field, not county 0 */
    const char *cut = strstr(b.s, "lan\t");
    psi_buf missing = PSI_BUF_INIT;
    psi_buf_add(&missing, b.s, (size_t)(cut - b.s));
    psi_buf_adds(&missing, strchr(cut, '\n') + 1);
    CHECK(psi_record_take(missing.s, missing.len, psi_docinfo_fields, &back, &err) != PS_OK);
    CHECK(strstr(err.msg, "'lan'") != NULL);
    CHECK(back.docid == NULL && back.title == NULL);
    psi_buf_release(&missing);

    /* a record of an index written before mtime_ns was: "not recorded" (-1),
     * so the file is hashed once rather than taken as unchanged */
    cut = strstr(b.s, "mtime_ns\t");
    psi_buf old = PSI_BUF_INIT;
    psi_buf_add(&old, b.s, (size_t)(cut - b.s));
    psi_buf_adds(&old, strchr(cut, '\n') + 1);
    CHECK(psi_record_take(old.s, old.len, psi_docinfo_fields, &back, &err) == PS_OK);
    CHECK(back.mtime_ns == -1 && back.mtime == d.mtime);
    psi_docinfo_release(&back);
    psi_buf_release(&old);

    /* ... and before documents kept what read them: read by no reader
     * (""), so that ingest reads the file again */
    cut = strstr(b.s, "reader\t");
    old = (psi_buf)PSI_BUF_INIT;
    psi_buf_add(&old, b.s, (size_t)(cut - b.s));
    psi_buf_adds(&old, strchr(cut, '\n') + 1);
    CHECK(psi_record_take(old.s, old.len, psi_docinfo_fields, &back, &err) == PS_OK);
    CHECK_STR(back.reader, "");
    CHECK_STR(back.org, d.org);
    psi_docinfo_release(&back);
    psi_buf_release(&old);

    /* out of range and not a number */
    static const char *const bad[][2] = { { "lan", "21" }, { "kind", "99" }, { "year", "-1" }, { "pages", "12x" },
                                          { "size", "" }, { "mtime_ns", "1000000000" }, { "mtime_ns", "-2" } };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        psi_buf r = PSI_BUF_INIT;
        psi_buf_addf(&r, "%s\t%s\n", bad[i][0], bad[i][1]); /* found first */
        psi_buf_add(&r, b.s, b.len);
        err = (ps_error)PS_ERROR_INIT;
        CHECK(psi_record_take(r.s, r.len, psi_docinfo_fields, &back, &err) != PS_OK);
        printf("# %s=%s: %s\n", bad[i][0], bad[i][1], err.msg);
        psi_buf_release(&r);
    }
    psi_buf_release(&b);
}

static void
test_lists(void)
{
    char *cols[] = { "Budget 2015", "tab\there", "us\x1fhere", "" };
    double amounts[] = { 4215.5, 0, -22840, 1e-7 };
    unsigned char present[] = { 1, 0, 1, 1 };
    ps_budget_row r = { 0 };
    r.page = 3;
    r.table = "Resultatbudget (tkr)";
    r.unit = "tkr";
    r.label = "Övriga intäkter";
    r.ncols = 4;
    r.columns = cols;
    r.amounts = amounts;
    r.present = present;
    r.docid = "d";
    r.file = "f.pdf";
    r.org = "";
    r.lan = -1;
    r.year = 2015;
    psi_buf b = PSI_BUF_INIT;
    CHECK(psi_record_put(&b, psi_budget_row_fields, &r, NULL) == PS_OK);
    ps_budget_row back;
    ps_error err = PS_ERROR_INIT;
    CHECK(psi_record_take(b.s, b.len, psi_budget_row_fields, &back, &err) == PS_OK);
    CHECK(back.ncols == 4);
    for (size_t k = 0; k < 4 && back.ncols == 4; k++) {
        CHECK_STR(back.columns[k], cols[k]);
        CHECK(back.present[k] == present[k] && (!present[k] || back.amounts[k] == amounts[k]));
    }
    CHECK(back.lan == -1 && back.year == 2015 && back.page == 3);
    CHECK_STR(back.label, "Övriga intäkter");
    psi_budget_row_release(&back);
    psi_buf_release(&b);

    /* a list of sub-records: a document record with its outline */
    ps_heading hs[] = { { 1, 0, PS_SECTION_OTHER, "Inledning" }, { 2, 4, PS_SECTION_MAL, "Mål\tmed\nbrytning \\ slut" },
                        { 3, 5, PS_SECTION_INSATSER, "" } };
    ps_outline o = { 0 }, ob;
    o.info = sample_info("t");
    o.headings = hs;
    o.nheadings = 3;
    CHECK(psi_record_put(&b, psi_doc_record_fields, &o, NULL) == PS_OK);
    CHECK(psi_record_take(b.s, b.len, psi_doc_record_fields, &ob, &err) == PS_OK);
    CHECK(ob.nheadings == 3);
    for (size_t k = 0; k < 3 && ob.nheadings == 3; k++) {
        CHECK_STR(ob.headings[k].text, hs[k].text);
        CHECK(ob.headings[k].level == hs[k].level && ob.headings[k].page == hs[k].page &&
              ob.headings[k].section == hs[k].section);
    }
    psi_record_release(psi_doc_record_fields, &ob);
    /* an empty list is a list, a broken element an error */
    o.nheadings = 0;
    psi_buf_reset(&b);
    CHECK(psi_record_put(&b, psi_doc_record_fields, &o, NULL) == PS_OK);
    CHECK(psi_record_take(b.s, b.len, psi_doc_record_fields, &ob, &err) == PS_OK && ob.nheadings == 0);
    psi_record_release(psi_doc_record_fields, &ob);
    psi_buf_reset(&b);
    CHECK(psi_record_put(&b, psi_docinfo_fields, &o.info, NULL) == PS_OK);
    psi_buf_adds(&b, "outline\tlevel\\t1\\n\x1f\n"); /* a heading without page, section, text */
    CHECK(psi_record_take(b.s, b.len, psi_doc_record_fields, &ob, &err) != PS_OK);
    CHECK(strstr(err.msg, "'page'") != NULL);
    CHECK(ob.headings == NULL && ob.nheadings == 0);
    psi_buf_release(&b);
}

/* A real PDF through poppler, serialized as a worker sends it. */
static void
test_doc(void)
{
    const char *pdf = "tests/budget/budget-jonkoping-2015.pdf";
    if (access(pdf, R_OK) != 0) {
        printf("ok %d - # SKIP %s not found (run from the top directory)\n", ++tap_count, pdf);
        return;
    }
    ps_doc *doc = NULL, *back = NULL;
    ps_error err = PS_ERROR_INIT;
    CHECK(ps_doc_extract(pdf, NULL, &doc, &err) == PS_OK);
    if (!doc)
        return;
    /* a title holding the old record separator */
    ps_docinfo *info = (ps_docinfo *)ps_doc_info(doc);
    free(info->title);
    info->title = psi_strdup("Budget\x1e" "2015");
    char *data;
    size_t len;
    CHECK(ps_doc_serialize(doc, &data, &len, &err) == PS_OK);
    CHECK(memchr(data, '\x1e', len) == NULL);
    CHECK(strstr(data, "Medlemsavgifter") != NULL); /* a budget row */
    CHECK(ps_doc_deserialize(data, len, &back, &err) == PS_OK);
    if (back) {
        const ps_docinfo *a = ps_doc_info(doc), *b = ps_doc_info(back);
        CHECK_STR(b->title, "Budget\x1e" "2015");
        CHECK(a->lan == b->lan && a->year == b->year && a->kind == b->kind && a->pages == b->pages &&
              a->passages == b->passages);
        CHECK(ps_doc_passage_count(doc) == ps_doc_passage_count(back));
        CHECK(ps_doc_heading_count(doc) == ps_doc_heading_count(back));
        CHECK(ps_doc_budget_count(doc) == ps_doc_budget_count(back) && ps_doc_budget_count(back) > 0);
        bool same = true;
        for (size_t i = 0; i < ps_doc_passage_count(doc) && same; i++) {
            const ps_passage *p = ps_doc_passage(doc, i), *q = ps_doc_passage(back, i);
            same = p->page == q->page && p->section == q->section && !strcmp(p->heading, q->heading) &&
                   !strcmp(p->text, q->text) && !strcmp(p->terms, q->terms);
        }
        CHECK(same);
        /* budget rows, nested in the document (escaped twice): every cell */
        same = true;
        for (size_t i = 0; i < ps_doc_budget_count(doc) && same; i++) {
            const ps_budget_row *x = ps_doc_budget_row(doc, i), *y = ps_doc_budget_row(back, i);
            same = x->page == y->page && !strcmp(x->table, y->table) && !strcmp(x->unit, y->unit) &&
                   !strcmp(x->label, y->label) && x->ncols == y->ncols;
            for (size_t k = 0; k < x->ncols && same; k++)
                same = !strcmp(x->columns[k], y->columns[k]) && x->present[k] == y->present[k] &&
                       (!x->present[k] || x->amounts[k] == y->amounts[k]);
        }
        CHECK(same);
        /* page texts stay in the worker */
        CHECK(*ps_doc_page_text(doc, 0) != '\0' && *ps_doc_page_text(back, 0) == '\0');
    }
    ps_doc_free(back);
    /* cut short, or without a field: an error, never half a document */
    back = NULL;
    CHECK(ps_doc_deserialize(data, len / 2, &back, &err) != PS_OK && back == NULL);
    char *lan = strstr(data, "\nlan\t");
    if (lan)
        memcpy(lan + 1, "lun", 3);
    CHECK(ps_doc_deserialize(data, len, &back, &err) != PS_OK && back == NULL);
    CHECK(strstr(err.msg, "'lan'") != NULL);
    if (lan)
        memcpy(lan + 1, "lan", 3);
    free(data);
    /* a document that says it has more passages than it sends */
    info->passages++;
    CHECK(ps_doc_serialize(doc, &data, &len, &err) == PS_OK);
    CHECK(ps_doc_deserialize(data, len, &back, &err) != PS_OK && back == NULL);
    CHECK(strstr(err.msg, "of its") != NULL);
    free(data);
    info->passages--;
    /* what cannot read back is not written: a year out of range */
    int year = info->year;
    info->year = 12345;
    data = NULL;
    CHECK(ps_doc_serialize(doc, &data, &len, &err) != PS_OK && data == NULL);
    CHECK(strstr(err.msg, "'year'") != NULL);
    info->year = year;
    ps_doc_free(doc);
}

int
main(void)
{
    test_bytes();
    test_docinfo();
    test_lists();
    test_doc();
    return tap_done();
}

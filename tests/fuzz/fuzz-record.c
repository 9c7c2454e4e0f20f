/* fuzz-record.c: libFuzzer harness for the record codec: any bytes read as
 * a worker's document (ps_doc_deserialize), as a stored PDF record with
 * its outline, a hit and a budget row; whatever reads is written again and
 * must read back the same. Built and run by 'make fuzz'. */
#include "plansok-private.h"
#include "index/schema.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads rec with fields into obj (of size bytes); when it reads, writes it
 * again and checks the second writing reads back to the same record. */
static void
round_trip(const char *rec, size_t len, const psi_field *fields, size_t size)
{
    char *obj = calloc(1, size), *again = calloc(1, size);
    ps_error e = PS_ERROR_INIT;
    if (psi_record_take(rec, len, fields, obj, &e) == PS_OK) {
        psi_buf a = PSI_BUF_INIT, b = PSI_BUF_INIT;
        if (psi_record_put(&a, fields, obj, &e) != PS_OK || psi_record_take(a.s, a.len, fields, again, &e) != PS_OK)
            abort(); /* what reads must write, and read back */
        if (psi_record_put(&b, fields, again, &e) != PS_OK)
            abort();
        if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0)
            abort();
        psi_record_release(fields, again);
        psi_record_release(fields, obj);
        psi_buf_release(&a);
        psi_buf_release(&b);
    }
    free(obj);
    free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *rec = (const char *)data;
    ps_doc *doc = NULL;
    ps_error e = PS_ERROR_INIT;
    if (ps_doc_deserialize(rec, size, &doc, &e) == PS_OK) {
        char *out;
        size_t n;
        if (ps_doc_serialize(doc, &out, &n, &e) != PS_OK)
            abort();
        free(out);
        ps_doc_free(doc);
    }
    round_trip(rec, size, psi_doc_record_fields, sizeof(ps_outline));
    round_trip(rec, size, psi_hit_fields, sizeof(ps_hit));
    round_trip(rec, size, psi_budget_row_fields, sizeof(ps_budget_row));
    return 0;
}

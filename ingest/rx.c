/* rx.c: the ONLY file that includes PCRE2. Patterns are compiled once with
 * PCRE2_UTF | PCRE2_UCP (so \w, \b and caseless matching know å, ä, ö) and
 * JIT-compiled when the JIT is there; matching reports byte offsets. Each
 * psi_rx owns its match data, so one psi_rx must not be shared between
 * threads. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "plansok-private.h"

#include <pcre2.h>
#include <stdlib.h>

struct psi_rx {
    pcre2_code *code;
    pcre2_match_data *md;
};

ps_status
psi_rx_new(const char *pattern, bool case_sensitive, psi_rx **out, ps_error *err)
{
    *out = NULL;
    int ec;
    PCRE2_SIZE eo;
    uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    if (!case_sensitive)
        flags |= PCRE2_CASELESS;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags, &ec, &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        return psi_fail(err, PS_ERR_INTERNAL, "bad pattern '%s' at offset %zu: %s", pattern,
                        (size_t)eo, (char *)msg);
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    psi_rx *rx = psi_calloc(1, sizeof *rx);
    rx->code = code;
    rx->md = pcre2_match_data_create_from_pattern(code, NULL);
    if (!rx->md) {
        pcre2_code_free(code);
        free(rx);
        return psi_fail(err, PS_ERR_NOMEM, "out of memory for match data");
    }
    *out = rx;
    return PS_OK;
}

int
psi_rx_match(const psi_rx *rx, const char *s, size_t len, size_t start, long *ov, int nov)
{
    if (start > len)
        return 0;
    int rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, start, 0, rx->md, NULL);
    if (rc < 0) /* no match, or an error such as a match limit: no match */
        return 0;
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(rx->md);
    uint32_t pairs = pcre2_get_ovector_count(rx->md);
    for (int i = 0; i < nov; i++) {
        bool set = (uint32_t)i < pairs && i < rc && v[2 * i] != PCRE2_UNSET;
        ov[2 * i] = set ? (long)v[2 * i] : -1;
        ov[2 * i + 1] = set ? (long)v[2 * i + 1] : -1;
    }
    return 1;
}

void
psi_rx_free(psi_rx *rx)
{
    if (!rx)
        return;
    pcre2_match_data_free(rx->md);
    pcre2_code_free(rx->code);
    free(rx);
}

/* twins.c: a fingerprint of a document's words, so that two renderings of
 * one document (a print-to-PDF copy: other bytes, nearly the same text)
 * are recognised. A 64-bit simhash of word trigrams: near-identical texts
 * differ in few bits, different texts in about half. The index compares
 * fingerprints (index/index.c, PS_TWIN_BITS). */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

/* Fewer words than this say too little to call two documents one. */
#define MIN_WORDS 60

char *
psi_text_sig(const char *text)
{
    size_t len = strlen(text);
    int votes[64] = { 0 };
    uint64_t w[3] = { 0, 0, 0 }; /* hashes of the last three words */
    size_t words = 0;
    psi_buf word = PSI_BUF_INIT;
    for (size_t i = 0; i <= len;) {
        uint32_t cp = 0;
        bool end = i == len;
        if (!end && !psi_utf8_next(text, len, &i, &cp))
            continue;
        if (!end && (psi_cp_is_letter(cp) || (cp >= '0' && cp <= '9'))) {
            char enc[4];
            psi_buf_add(&word, enc, psi_utf8_encode(psi_cp_lower(cp), enc));
            continue;
        }
        if (end)
            i++;
        if (!word.len)
            continue;
        w[0] = w[1];
        w[1] = w[2];
        w[2] = psi_hash64(word.s, word.len);
        word.len = 0;
        if (++words < 3)
            continue;
        uint64_t h = w[0] * 0x9E3779B97F4A7C15ull ^ (w[1] * 0xC2B2AE3D27D4EB4Full) ^ w[2];
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 32;
        for (int b = 0; b < 64; b++)
            votes[b] += (h >> b) & 1 ? 1 : -1;
    }
    psi_buf_release(&word);
    if (words < MIN_WORDS)
        return psi_strdup("");
    uint64_t sig = 0;
    for (int b = 0; b < 64; b++)
        if (votes[b] > 0)
            sig |= 1ull << b;
    return psi_asprintf("%016llx", (unsigned long long)sig);
}

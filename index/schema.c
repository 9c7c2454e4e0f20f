/* schema.c: the tables of index/schema.h. */
#include "index/schema.h"

const psi_term_info psi_terms[PSI_TERM_COUNT] = {
    [PSI_TERM_TYPE] = { "T", "type", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_DOC] = { "D", "document", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_ID] = { "Q", "document", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_PATH] = { "P", "path", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_LAN] = { "L", "län", { "lan", "län", NULL }, PSI_VOCAB_LAN, false },
    [PSI_TERM_YEAR] = { "Y", "year", { "year", "år", NULL }, PSI_VOCAB_NONE, true },
    [PSI_TERM_KIND] = { "K", "kind", { "kind", NULL }, PSI_VOCAB_KIND, false },
    [PSI_TERM_ORG] = { "O", "org", { "org", NULL }, PSI_VOCAB_ORG, false },
    [PSI_TERM_SECTION] = { "S", "section", { "section", NULL }, PSI_VOCAB_SECTION, false },
    [PSI_TERM_STEM] = { "Z", "word", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_PART] = { "XP", "compound part", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_FOLDED] = { "XD", "folded word", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_ORGCODE] = { "XO", "organisation", { NULL }, PSI_VOCAB_ORGCODE, false },
    [PSI_TERM_LANG] = { "XG", "language", { "lang", "språk", NULL }, PSI_VOCAB_LANG, false },
    [PSI_TERM_TWIN] = { "XT", "twin", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_SIG] = { "XS", "fingerprint", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_TWIN_OF] = { "XW", "twin of", { NULL }, PSI_VOCAB_NONE, false },
    [PSI_TERM_UNIT] = { "XU", "unit", { "unit", "nämnd", NULL }, PSI_VOCAB_ORG, false },
    [PSI_TERM_CONTENTS] = { "XC", "contents", { NULL }, PSI_VOCAB_NONE, false },
};

const char *const psi_doctype_names[3] = {
    [PSI_DOCTYPE_PASSAGE] = "passage",
    [PSI_DOCTYPE_DOC] = "doc",
    [PSI_DOCTYPE_BUDGET] = "budget",
};

const psi_field psi_doc_record_fields[] = {
    PSI_FIELD_INCLUDE(ps_outline, info, psi_docinfo_fields),
    PSI_FIELD_LIST("outline", ps_outline, headings, nheadings, ps_heading, psi_heading_fields),
    PSI_FIELD_END,
};

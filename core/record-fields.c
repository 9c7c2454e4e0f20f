/* record-fields.c: how the library's structs are written as records
 * (core/record.c): the worker pipe and the index read and write them
 * through these tables only. Keys are named once, here. */
#include "plansok-private.h"

_Static_assert(sizeof(ps_kind) == sizeof(int) && sizeof(ps_section) == sizeof(int),
               "enums are read and written as int");

#define K_DOCID "docid"
#define K_FILE "file"
#define K_ORG "org"
#define K_LAN "lan"
#define K_YEAR "year"
#define K_KIND "kind"
#define K_PAGE "page"
#define K_SECTION "section"
#define K_HEADING "heading"
#define K_TEXT "text"
#define K_ORG_CODE "org_code"
#define K_UNIT "unit"
#define K_LANG "lang"
#define K_DATE "date"
#define K_PERIOD_FROM "period_from"
#define K_PERIOD_TO "period_to"

#define LAN_RANGE -1, PS_LAN_COUNT - 1
#define YEAR_RANGE 0, 9999
#define KIND_RANGE 0, PS_KIND_COUNT - 1
#define SECTION_RANGE 0, PS_SECTION_COUNT - 1
#define COUNT_RANGE 0, 100000000

const psi_field psi_docinfo_fields[] = {
    PSI_FIELD_STR(K_DOCID, ps_docinfo, docid),
    PSI_FIELD_STR("path", ps_docinfo, path),
    PSI_FIELD_LL("size", ps_docinfo, size),
    PSI_FIELD_LL("mtime", ps_docinfo, mtime),
    PSI_FIELD_INT_OPT("mtime_ns", ps_docinfo, mtime_ns, -1, 999999999),
    PSI_FIELD_STR(K_FILE, ps_docinfo, file),
    PSI_FIELD_STR("title", ps_docinfo, title),
    PSI_FIELD_STR(K_ORG, ps_docinfo, org),
    PSI_FIELD_INT(K_LAN, ps_docinfo, lan, LAN_RANGE),
    PSI_FIELD_INT(K_YEAR, ps_docinfo, year, YEAR_RANGE),
    PSI_FIELD_INT(K_KIND, ps_docinfo, kind, KIND_RANGE),
    PSI_FIELD_INT("pages", ps_docinfo, pages, COUNT_RANGE),
    PSI_FIELD_INT("text_pages", ps_docinfo, text_pages, COUNT_RANGE),
    PSI_FIELD_INT("passages", ps_docinfo, passages, COUNT_RANGE),
    PSI_FIELD_STR(K_ORG_CODE, ps_docinfo, org_code),
    PSI_FIELD_STR(K_UNIT, ps_docinfo, unit),
    PSI_FIELD_INT(K_PERIOD_FROM, ps_docinfo, period_from, YEAR_RANGE),
    PSI_FIELD_INT(K_PERIOD_TO, ps_docinfo, period_to, YEAR_RANGE),
    PSI_FIELD_STR(K_DATE, ps_docinfo, date),
    PSI_FIELD_STR(K_LANG, ps_docinfo, lang),
    PSI_FIELD_INT("garbled_pages", ps_docinfo, garbled_pages, COUNT_RANGE),
    PSI_FIELD_STR("by_hand", ps_docinfo, by_hand),
    PSI_FIELD_STR("from_folder", ps_docinfo, from_folder),
    PSI_FIELD_STR("twin_of", ps_docinfo, twin_of),
    PSI_FIELD_STR("sig", ps_docinfo, sig),
    PSI_FIELD_STR_OPT("reader", ps_docinfo, reader),
    PSI_FIELD_END,
};

const psi_field psi_fixrec_fields[] = {
    PSI_FIELD_STR(K_ORG, psi_fixrec, org),
    PSI_FIELD_INT("has_org", psi_fixrec, has_org, 0, 1),
    PSI_FIELD_STR(K_UNIT, psi_fixrec, unit),
    PSI_FIELD_INT("has_unit", psi_fixrec, has_unit, 0, 1),
    PSI_FIELD_INT(K_LAN, psi_fixrec, lan, PS_FIX_KEEP, PS_LAN_COUNT - 1),
    PSI_FIELD_INT(K_YEAR, psi_fixrec, year, PS_FIX_KEEP, 9999),
    PSI_FIELD_INT(K_KIND, psi_fixrec, kind, PS_FIX_KEEP, PS_KIND_COUNT - 1),
    PSI_FIELD_END,
};

const psi_field psi_passage_fields[] = {
    PSI_FIELD_INT(K_PAGE, ps_passage, page, COUNT_RANGE),
    PSI_FIELD_INT(K_SECTION, ps_passage, section, SECTION_RANGE),
    PSI_FIELD_STR(K_HEADING, ps_passage, heading),
    PSI_FIELD_STR(K_TEXT, ps_passage, text),
    PSI_FIELD_STR("terms", ps_passage, terms),
    PSI_FIELD_INT_OPT("contents", ps_passage, contents, 0, 1),
    PSI_FIELD_END,
};

const psi_field psi_heading_fields[] = {
    PSI_FIELD_INT("level", ps_heading, level, 1, 1000),
    PSI_FIELD_INT(K_PAGE, ps_heading, page, COUNT_RANGE),
    PSI_FIELD_INT(K_SECTION, ps_heading, section, SECTION_RANGE),
    PSI_FIELD_STR(K_TEXT, ps_heading, text),
    PSI_FIELD_END,
};

const psi_field psi_budget_cell_fields[] = {
    PSI_FIELD_INT(K_PAGE, ps_budget_row, page, COUNT_RANGE),
    PSI_FIELD_STR("table", ps_budget_row, table),
    PSI_FIELD_STR("unit", ps_budget_row, unit),
    PSI_FIELD_STR("label", ps_budget_row, label),
    PSI_FIELD_STRV("columns", ps_budget_row, columns, ncols),
    PSI_FIELD_AMOUNTS("amounts", ps_budget_row, amounts, ncols, present),
    PSI_FIELD_INT_OPT("role", ps_budget_row, role, PS_ROW_ITEM, PS_ROW_DIFFERENCE),
    PSI_FIELD_INT_OPT("level", ps_budget_row, level, 0, 64),
    PSI_FIELD_STR_OPT("column_roles", ps_budget_row, column_roles),
    PSI_FIELD_INT_OPT("table_no", ps_budget_row, table_no, 0, 100000),
    PSI_FIELD_STR_OPT("parent", ps_budget_row, parent),
    PSI_FIELD_END,
};

const psi_field psi_budget_row_fields[] = {
    PSI_FIELD_STR(K_DOCID, ps_budget_row, docid),
    PSI_FIELD_STR(K_FILE, ps_budget_row, file),
    PSI_FIELD_STR(K_ORG, ps_budget_row, org),
    PSI_FIELD_STR_OPT("org_unit", ps_budget_row, org_unit),
    PSI_FIELD_INT(K_LAN, ps_budget_row, lan, LAN_RANGE),
    PSI_FIELD_INT(K_YEAR, ps_budget_row, year, YEAR_RANGE),
    { "*", PSI_F_INCLUDE, 0, 0, 0, 0, 0, psi_budget_cell_fields, 0, false },
    PSI_FIELD_END,
};

/* The document fields and the place of a passage: what a hit needs
 * without its text (matrix and compare counting). */
const psi_field psi_hit_brief_fields[] = {
    PSI_FIELD_STR(K_DOCID, ps_hit, docid),
    PSI_FIELD_INT(K_LAN, ps_hit, lan, LAN_RANGE),
    PSI_FIELD_INT(K_YEAR, ps_hit, year, YEAR_RANGE),
    PSI_FIELD_INT(K_KIND, ps_hit, kind, KIND_RANGE),
    PSI_FIELD_INT(K_PAGE, ps_hit, page, COUNT_RANGE),
    PSI_FIELD_INT(K_SECTION, ps_hit, section, SECTION_RANGE),
    PSI_FIELD_END,
};

const psi_field psi_hit_fields[] = {
    { "*", PSI_F_INCLUDE, 0, 0, 0, 0, 0, psi_hit_brief_fields, 0, false },
    PSI_FIELD_STR(K_FILE, ps_hit, file),
    PSI_FIELD_STR(K_ORG, ps_hit, org),
    PSI_FIELD_STR(K_ORG_CODE, ps_hit, org_code),
    PSI_FIELD_STR(K_UNIT, ps_hit, unit),
    PSI_FIELD_STR(K_LANG, ps_hit, lang),
    PSI_FIELD_STR(K_DATE, ps_hit, date),
    PSI_FIELD_INT(K_PERIOD_FROM, ps_hit, period_from, YEAR_RANGE),
    PSI_FIELD_INT(K_PERIOD_TO, ps_hit, period_to, YEAR_RANGE),
    PSI_FIELD_STR(K_HEADING, ps_hit, heading),
    PSI_FIELD_STR(K_TEXT, ps_hit, text),
    PSI_FIELD_INT_OPT("contents", ps_hit, contents, 0, 1),
    PSI_FIELD_END,
};

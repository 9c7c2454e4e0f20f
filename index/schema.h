/* schema.h: the index's layout in one place (PS_SCHEMA_VERSION): the term
 * prefixes with the query-language fields they answer to, the value slots
 * and the document types. The store shim (index/xapian-*.cc) writes and
 * parses through these tables only; the records stored as document data
 * are core/record-fields.c's tables and psi_doc_record_fields below.
 *
 *   corrections by hand: metadata "plansok_fix:" + docid, a record of
 *   psi_fixrec_fields (first shard).
 *
 *   one Xapian document per passage (type passage), one per PDF (type
 *   doc, its record: docinfo and outline), one per budget row (type
 *   budget). Passages and budget rows have no unique term: the PDF's D
 *   term finds and removes them. Free text: the own heading (weight 2)
 *   and the passage text as Swedish stems with positions (STEM_ALL_Z); a
 *   "plain" store (the evaluation baseline) keeps Xapian's default
 *   (unstemmed terms too) and none of the extra terms or spelling data. */
#ifndef PLANSOK_SCHEMA_H
#define PLANSOK_SCHEMA_H

#include "plansok-private.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum psi_term {
    PSI_TERM_TYPE,    /* T + psi_doctype name */
    PSI_TERM_DOC,     /* D + docid: every Xapian document of one PDF */
    PSI_TERM_ID,      /* Q + docid: the PDF's record */
    PSI_TERM_PATH,    /* P + hash of the path: the PDF's record */
    PSI_TERM_LAN,     /* L + län slug             lan:, län: */
    PSI_TERM_YEAR,    /* Y + year                 year:, år: (A..B too) */
    PSI_TERM_KIND,    /* K + folded kind          kind: */
    PSI_TERM_ORG,     /* O + folded organisation  org: */
    PSI_TERM_SECTION, /* S + section (passages)   section: */
    PSI_TERM_STEM,    /* Z + Swedish stem: words of heading and text */
    PSI_TERM_PART,    /* XP + stem: compound and glued-word parts (ingest/terms.c) */
    PSI_TERM_FOLDED,  /* XD + folded stem or word: words with å/ä/ö, without them */
    PSI_TERM_ORGCODE, /* XO + register code       org: (with O) */
    PSI_TERM_LANG,    /* XG + language code       lang:, språk: */
    PSI_TERM_TWIN,    /* XT: every document of a PDF that is another
                         rendering of one already indexed (twin_of) */
    PSI_TERM_SIG,     /* XS + band + bits of the text fingerprint: PDF
                         records, to find twins */
    PSI_TERM_TWIN_OF, /* XW + docid counted instead: PDF records of twins,
                         to find a group's members */
    PSI_TERM_UNIT,    /* XU + folded unit         unit:, nämnd: */
    PSI_TERM_CONTENTS, /* XC: a passage that is a table of contents */
    PSI_TERM_COUNT
} psi_term;

typedef struct psi_term_info {
    const char *prefix;
    const char *name;      /* in messages: "unknown län 'x'" */
    const char *fields[3]; /* its names in the query language, NULL-ended */
    psi_vocab vocab;       /* how a typed value becomes the term suffix */
    bool range;            /* year:A..B is a range of values */
} psi_term_info;

extern const psi_term_info psi_terms[PSI_TERM_COUNT];

/* Value slots (1 and 5 were used up to schema 3). */
enum psi_slot {
    PSI_SLOT_YEAR = 0,  /* sortable year: every document */
    PSI_SLOT_LAN = 2,   /* län slug: PDF records */
    PSI_SLOT_DOCID = 3, /* docid: every document (order, counting) */
    PSI_SLOT_KIND = 4,  /* kind name: PDF records */
    PSI_SLOT_ORDER = 6  /* sortable number in the PDF: passages, budget rows */
};

typedef enum psi_doctype { PSI_DOCTYPE_PASSAGE, PSI_DOCTYPE_DOC, PSI_DOCTYPE_BUDGET } psi_doctype;
extern const char *const psi_doctype_names[3];

/* The metadata key holding the schema version. */
#define PSI_SCHEMA_KEY "plansok_schema"

/* The record of a PDF: its docinfo and its outline, as ps_outline holds
 * them (info and headings). */
extern const psi_field psi_doc_record_fields[];

#ifdef __cplusplus
}
#endif
#endif

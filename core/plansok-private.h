/* plansok-private.h: cross-file internals of libplansok (prefix psi_).
 * Included by library files and unit tests only; the CLI uses plansok.h.
 * Foreign types never appear here: GLib stays in ingest/pdf.c, PCRE2 in
 * ingest/rx.c, C++ and Xapian in index/xapian-*.cc (through index/xapian.h). */
#ifndef PLANSOK_PRIVATE_H
#define PLANSOK_PRIVATE_H

#include "plansok.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define PSI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PSI_PRINTF(a, b)
#endif

/* core/util.c ------------------------------------------------------------ */

/* Sets err (when not NULL) and returns code. */
ps_status psi_fail(ps_error *err, ps_status code, const char *fmt, ...)
    PSI_PRINTF(3, 4);

/* Allocation: out of memory is not bad input, so these abort with a message
 * (the one place the library may stop the process). */
void *psi_malloc(size_t n);
void *psi_calloc(size_t n, size_t size);
void *psi_realloc(void *p, size_t n);
char *psi_strdup(const char *s);
char *psi_strndup(const char *s, size_t n);
char *psi_asprintf(const char *fmt, ...) PSI_PRINTF(1, 2);

/* Growable string. init allocates nothing; release frees the contents. */
typedef struct psi_buf {
    char *s;
    size_t len, cap;
} psi_buf;
#define PSI_BUF_INIT { NULL, 0, 0 }
/* room for extra more bytes and a NUL, allocated if the buffer had none */
void psi_buf_reserve(psi_buf *b, size_t extra);
void psi_buf_add(psi_buf *b, const char *s, size_t n);
void psi_buf_adds(psi_buf *b, const char *s);
void psi_buf_addc(psi_buf *b, char c);
void psi_buf_addf(psi_buf *b, const char *fmt, ...) PSI_PRINTF(2, 3);
const char *psi_buf_str(psi_buf *b); /* never NULL */
char *psi_buf_detach(psi_buf *b);    /* caller frees; b is emptied */
void psi_buf_reset(psi_buf *b);
void psi_buf_release(psi_buf *b);
/* The last part of a heading path, the passage's own heading: "A > B > C"
 * gives "C" (parts are joined by " > "; a '>' inside a heading stays). */
const char *psi_heading_own(const char *path);
/* A qsort comparison of ints. */
int psi_cmp_int(const void *a, const void *b);
/* s without the spaces, tabs and carriage returns around it (in place). */
char *psi_trim(char *s);
/* A whole file as a string (caller frees); NULL on error, errno set. */
char *psi_slurp(const char *path);
/* A settings file the caller named (what: "synonyms file", ...) as a
 * string, of at most max_mb MB: read as given, a pipe too, but /dev/zero
 * or a runaway pipe is refused once it passes max_mb, never read on. */
ps_status psi_slurp_settings(const char *path, const char *what, int max_mb, char **out, ps_error *err);

/* 64-bit FNV-1a as 16 hex digits into out[17]. */
void psi_hash_hex(const void *data, size_t n, char out[17]);
/* The same hash as a number. */
uint64_t psi_hash64(const void *data, size_t n);
/* The same hash of a whole file, read in chunks; PS_ERR_IO for what is
 * not a regular file (psi_open_regular). */
ps_status psi_file_hash(const char *path, char out[17], ps_error *err);
struct stat;
/* stat(): PS_ERR_IO when path cannot be stat'ed or is not a regular file
 * ("not a regular file (a FIFO)"): a FIFO, a device or a socket never
 * ends or cannot be read as a file. */
ps_status psi_stat_regular(const char *path, struct stat *sb, ps_error *err);
/* Opens a regular file to read (checked with psi_stat_regular first, as
 * opening a device can act on it, then again on the descriptor, opened
 * without blocking: a file replaced by a FIFO meanwhile cannot hang the
 * open). *sb is the open file's. */
ps_status psi_open_regular(const char *path, int *fd, struct stat *sb, ps_error *err);

/* core/utf8.c ------------------------------------------------------------ */

/* Decodes one code point at s (n bytes left); returns its length, or 0 on
 * an invalid sequence (then *cp is U+FFFD). */
size_t psi_utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t psi_utf8_encode(uint32_t cp, char out[4]);
bool psi_utf8_valid(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t psi_utf8_chars(const char *s, size_t n);
/* Swedish words whose unstressed e before a last l or r drops when an
 * ending follows (core/inflect.c). psi_e_syncope writes the word without
 * that e ("cykel" -> "cykl", "fönster" -> "fönstr"); psi_e_restore writes a
 * stem with it put back ("cykl" -> "cykel", "medl" -> "medel"). Each
 * returns false when the word has no such e, when the noun's form without
 * it is a verb's ("handel" / "handla"), or when the result would not fit
 * in cap bytes; what out holds then is unspecified. The forms are
 * candidates: psi_stem_forms keeps those the stemmer leaves whole. */
bool psi_e_syncope(const char *word, char *out, size_t cap);
bool psi_e_restore(const char *stem, char *out, size_t cap);
/* The other form of a neuter noun, definite or not: "mål" -> "målet",
 * "arbete" -> "arbetet", "målet" -> "mål", "området" -> "områd" (its stem
 * is the stem of "område"). Any word gets a candidate, which may be
 * another word ("internet" -> "intern"); false when it is under three
 * bytes or the form would not fit in cap bytes. */
bool psi_neuter_other(const char *word, char *out, size_t cap);
/* core/smallwords.c: whether word w, as written (lower case), is one a
 * sentence or a table's label does not end with: an auxiliary, a
 * conjunction, a preposition, an article ("ska", "och", "i", "inkl.",
 * "en"; Danish and Norwegian "og", "af", "til" too). */
bool psi_word_goes_on(const char *w);
/* Whether s starts with a lower-case letter; with an upper-case one. */
bool psi_starts_lower(const char *s);
bool psi_starts_upper(const char *s);
/* Whether text s[0..n) ends in a word broken at a line's end: a hyphen
 * after a character that is no space and no hyphen ("samver-"). */
bool psi_broken_end(const char *s, size_t n);
/* The length of the bullet an item of a list starts with ("• Stärka …",
 * "– för …", "- Beslut i …", "* …", a Symbol font's bullet), or 0. */
size_t psi_bullet_len(const char *t);
/* The length of the longest start of s[0..n) of at most max bytes that
 * ends between characters: n itself when n <= max. */
size_t psi_utf8_cut(const char *s, size_t n, size_t max);
/* Appends s[0..n) to b with Latin letters lower-cased. */
void psi_lower_append(psi_buf *b, const char *s, size_t n);
/* Lower-cases and folds å/ä/ö/é/ü... to ASCII into a new string. */
char *psi_fold_ascii(const char *s);
bool psi_cp_is_letter(uint32_t cp);
/* Simple case mappings of Latin-1, Latin Extended-A, Greek and Cyrillic
 * letters; other code points map to themselves. */
uint32_t psi_cp_lower(uint32_t cp);
uint32_t psi_cp_upper(uint32_t cp);
/* A new copy of s[0..n) with its first letter in upper case ("eget
 * kapital" -> "Eget kapital"). */
char *psi_strndup_capital(const char *s, size_t n);
/* Decodes the code point at s[*i] and moves *i past it; an invalid byte
 * is stepped over (one byte) and gives false. */
bool psi_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp);
/* The next run of code points in s[0..n) from *i that starts with one for
 * which first holds and goes on while rest holds: true with its start in
 * *start and *i just past it; false when there is none. */
bool psi_utf8_run(const char *s, size_t n, size_t *i, size_t *start, bool (*first)(uint32_t),
                  bool (*rest)(uint32_t));
/* A byte of a word as query words are cut: ASCII letters and digits, and
 * every byte of a multi-byte character. */
static inline bool
psi_byte_is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}
bool psi_cp_is_upper(uint32_t cp);
bool psi_cp_is_lower(uint32_t cp);

/* core/names.c: vocabularies of filters -------------------------------- */

/* Where a county goes in a list: by its number, the unknown (-1) last. */
int psi_lan_order(int lan);

/* What a filter value names, and so how it is normalised into the term
 * suffix the index stores ("Jönköpings län" -> "jonkoping"). */
typedef enum psi_lang { PSI_LANG_UNKNOWN = 0, PSI_LANG_SV, PSI_LANG_DA, PSI_LANG_NO, PSI_LANG_EN } psi_lang;
/* "", "sv", "da", "no", "en" (static strings). */
const char *psi_lang_code(psi_lang l);
/* A language from its code or name, any case: "sv", "svenska", "swedish",
 * "da", "dansk", "no", "nb", "nn", "norsk", "bokmål", "en", "engelska" ...;
 * -1 when it is none of them. */
int psi_lang_parse(const char *s);

typedef enum psi_vocab {
    PSI_VOCAB_NONE,
    PSI_VOCAB_LAN,
    PSI_VOCAB_KIND,
    PSI_VOCAB_SECTION,
    PSI_VOCAB_ORG,     /* a name, folded without spaces */
    PSI_VOCAB_ORGCODE, /* a register name or code -> its code */
    PSI_VOCAB_LANG     /* "sv", "svenska", "danska", "norsk" ... -> "sv", "da", "no", "en" */
} psi_vocab;
/* The term suffix for a value, as a new string; NULL when the value names
 * nothing known (an unknown län or kind). The index writes its terms
 * through this too, so typed and stored values always meet. */
char *psi_vocab_term(psi_vocab v, const char *value);

/* core/synonyms.c: synonym groups ----------------------------------------- */

typedef struct psi_synonym {
    char *form;  /* lower case, as matched */
    char *shown; /* as written in the file, as put in the query */
    int group;
} psi_synonym;

typedef struct psi_synonyms {
    psi_synonym *v;
    size_t n;
    int ngroups;
} psi_synonyms;

/* The built-in groups (core/synonyms.txt, compiled into the library). */
extern const char psi_default_synonyms[];
/* Adds the groups of "form = form = ..." lines ('#' comments). */
void psi_synonyms_parse(psi_synonyms *s, const char *text);
ps_status psi_synonyms_add_file(psi_synonyms *s, const char *path, ps_error *err);
void psi_synonyms_release(psi_synonyms *s);

/* core/register.c: Swedish public bodies (core/register.tsv, compiled in) - */

typedef enum psi_body_type {
    PSI_BODY_KOMMUN,
    PSI_BODY_REGION,
    PSI_BODY_LANSSTYRELSE,
    PSI_BODY_FORBUND,
    PSI_BODY_STAT
} psi_body_type;

/* One body. Every pointer is owned by the register and lives until the
 * process ends. */
typedef struct psi_body {
    const char *code;     /* "1489", "R14", "L14", "F-avrf", "S-regeringen" */
    const char *name;     /* the name it uses for itself */
    const char *place;    /* kommun: bare name ("Falun"); region, länsstyrelse:
                             the county's place word ("Västra Götaland"); else "" */
    const char *genitive; /* kommun: "Falu", "Göteborgs", "Gotlands"; else "" */
    psi_body_type type;
    int lan;              /* ps_lan index 0..20 (ps_lan_name), -1 for national bodies */
} psi_body;

/* The built-in data (core/register.tsv). */
extern const char psi_default_register[];
/* The register is read on first use (once, also with threads: pthread_once)
 * and freed when the process exits. */
size_t psi_register_count(void);
const psi_body *psi_register_get(size_t i); /* NULL when i >= count */
const psi_body *psi_register_by_code(const char *code);
/* The body a whole name refers to, NULL if none: case-insensitive, also
 * without å/ä/ö ("alingsas kommun") when that is unambiguous (Håbo and Habo
 * are not); accepts the self-name, aliases ("=" aliases only in their own
 * case), a kommun's bare name ("Falun"), genitive or bare name + " kommun";
 * a bare county word ("Skåne") is no body. Surrounding spaces are ignored
 * and runs of spaces inside count as one. "Region Gotland" is kommun 0980. */
const psi_body *psi_register_lookup(const char *name);
/* As psi_register_lookup, for a name a user typed: "=" aliases in any
 * case too ("vgr"; text and metadata keep their case rule: "gr" inside a
 * word is no body). */
const psi_body *psi_register_lookup_typed(const char *name);
/* A kommun by its bare name or genitive ("Alingsås", "Simrishamns", "Falu",
 * "Falun"), NULL if none. */
const psi_body *psi_register_kommun_by_place(const char *word);

/* A mention of a body in text: bytes [start, end). */
typedef struct psi_body_match {
    const psi_body *body;
    size_t start, end;
} psi_body_match;
/* Every mention of a body in text (UTF-8, len bytes): self-names and
 * aliases only (not bare place names), whole words, case-insensitive but for
 * the "=" aliases, the longest at each word start; words may be separated
 * by any white space (line breaks too), other characters between them must
 * be those of the name. Writes at most max matches; returns how many. */
size_t psi_register_scan(const char *text, size_t len, psi_body_match *out, size_t max);

/* core/results.c: lifetimes of results more than one layer fills ---------- */

void psi_docinfo_release(ps_docinfo *d);
/* The version of ingest a reader stamp names (ps_extractor_stamp): its
 * leading number; 0 for "" or what is not one. */
long psi_reader_version(const char *reader);
/* How a document's recorded reader compares with the reader now. */
typedef enum psi_read_diff {
    PSI_READ_ALIKE,     /* the same stamp */
    PSI_READ_OLDER,     /* an earlier version of ingest */
    PSI_READ_NEWER,     /* a later version */
    PSI_READ_OTHERWISE  /* this version with other rules or word list */
} psi_read_diff;
psi_read_diff psi_reader_diff(const char *recorded, const char *now);
void psi_budget_row_release(ps_budget_row *r);
/* Frees what one hit holds (not the hit itself). */
void psi_hit_release(ps_hit *h);
/* Moves from's hits, but those of section skip_section (-1: none), to the
 * end of to, and frees from with what is left in it. */
void psi_hits_append(ps_hits *to, ps_hits *from, int skip_section);

/* core/record.c: the one record codec, for the worker pipe and the index -- */

/* "key\tvalue\n" lines; values have every control byte escaped (\n, \t,
 * \\, \xHH). */
void psi_record_escape(psi_buf *b, const char *s, size_t n);
void psi_record_unescape(psi_buf *b, const char *s, size_t n);

/* How a struct member is written in a record. */
typedef enum psi_ftype {
    PSI_F_STR,     /* char *; NULL is written as "" */
    PSI_F_INT,     /* int (or an enum), read back only within [min, max] */
    PSI_F_LL,      /* long long */
    PSI_F_STRV,    /* char ** of *count items: each escaped, ended by US */
    PSI_F_AMOUNTS, /* double * with unsigned char * present flags (aux), as
                      many as *count (set by a STRV field before it):
                      "%.17g", or nothing when absent, each ended by US */
    PSI_F_LIST,    /* an array of *count structs of size bytes, each a
                      sub-record of the fields sub, escaped, ended by US */
    PSI_F_INCLUDE  /* the fields sub of the struct at off, in this record */
} psi_ftype;

/* One member of a struct in its record; a table ends with a NULL key. */
typedef struct psi_field {
    const char *key;
    psi_ftype type;
    size_t off;          /* offsetof the member */
    long long min, max;  /* PSI_F_INT */
    size_t count;        /* offsetof the size_t count: STRV, AMOUNTS, LIST */
    size_t aux;          /* AMOUNTS: offsetof the present flags */
    const struct psi_field *sub; /* LIST, INCLUDE */
    size_t size;         /* LIST: sizeof an element */
    bool optional;       /* a field added after indexes were written: a
                            record without the key reads as min (INT) or
                            "" (STR) */
} psi_field;

#define PSI_FIELD_STR(k, T, m) { k, PSI_F_STR, offsetof(T, m), 0, 0, 0, 0, NULL, 0, false }
/* the last arguments are the range: lo, hi (a macro of both will do) */
#define PSI_FIELD_INT(k, T, m, ...) { k, PSI_F_INT, offsetof(T, m), __VA_ARGS__, 0, 0, NULL, 0, false }
/* a field records written before it lack: their value reads as lo */
#define PSI_FIELD_INT_OPT(k, T, m, lo, hi) { k, PSI_F_INT, offsetof(T, m), lo, hi, 0, 0, NULL, 0, true }
#define PSI_FIELD_STR_OPT(k, T, m) { k, PSI_F_STR, offsetof(T, m), 0, 0, 0, 0, NULL, 0, true }
#define PSI_FIELD_LL(k, T, m) { k, PSI_F_LL, offsetof(T, m), 0, 0, 0, 0, NULL, 0, false }
#define PSI_FIELD_STRV(k, T, m, n) { k, PSI_F_STRV, offsetof(T, m), 0, 0, offsetof(T, n), 0, NULL, 0, false }
#define PSI_FIELD_AMOUNTS(k, T, m, n, p) { k, PSI_F_AMOUNTS, offsetof(T, m), 0, 0, offsetof(T, n), offsetof(T, p), NULL, 0, false }
#define PSI_FIELD_LIST(k, T, m, n, E, fields) \
    { k, PSI_F_LIST, offsetof(T, m), 0, 0, offsetof(T, n), 0, fields, sizeof(E), false }
#define PSI_FIELD_INCLUDE(T, m, fields) { "*", PSI_F_INCLUDE, offsetof(T, m), 0, 0, 0, 0, fields, 0, false }
#define PSI_FIELD_END { NULL, PSI_F_STR, 0, 0, 0, 0, 0, NULL, 0, false }

/* Appends the fields of obj. A number outside its field's range gives
 * PS_ERR_INTERNAL naming the field: what is written must read back. */
ps_status psi_record_put(psi_buf *b, const psi_field *fields, const void *obj, ps_error *err);
/* Fills the fields of obj from a record. A missing field or a bad value
 * gives PS_ERR_INTERNAL with a message naming the field (callers say what
 * the record was); obj's fields are then NULL/0. */
ps_status psi_record_take(const char *rec, size_t len, const psi_field *fields, void *obj, ps_error *err);
/* Frees what psi_record_take allocated in obj and zeroes those fields. */
void psi_record_release(const psi_field *fields, void *obj);

/* core/record-fields.c: the records of the library's structs */
extern const psi_field psi_docinfo_fields[];     /* ps_docinfo, whole */
extern const psi_field psi_passage_fields[];     /* ps_passage, whole */
extern const psi_field psi_heading_fields[];     /* ps_heading */
extern const psi_field psi_budget_cell_fields[]; /* ps_budget_row: the table's part */
extern const psi_field psi_budget_row_fields[];  /* ps_budget_row: with its document */
extern const psi_field psi_hit_fields[];         /* ps_hit: a stored passage */
extern const psi_field psi_hit_brief_fields[];   /* ps_hit: its document and place only */

/* ingest/pdf.c: the ONLY file that includes poppler and GLib -------------- */

/* Where a table cell of a line lies: one per tab-separated part of its text. */
typedef struct psi_cell {
    double x0, x1;
} psi_cell;

/* What a line is to a table whose cells hold prose, read a cell at a time
 * (ingest/tablerows.c): none; a line of a column read as text, or a row's
 * line with no first column's cell (a column's heading), no heading either
 * way; the first line of a table's row; a line going on with its row; or
 * the first line of the row's next cell. A row is one paragraph, its
 * cells apart. */
typedef enum psi_cellpart {
    PSI_PART_NONE,
    PSI_PART_COLUMN,
    PSI_PART_ROW,
    PSI_PART_ON,
    PSI_PART_CELL,
} psi_cellpart;

typedef struct psi_line {
    char *text;            /* raw UTF-8 from poppler, made valid */
    double x0, y0, x1, y1; /* points, y grows downward */
    double size;           /* largest font size on the line */
    bool bold;             /* most characters in a bold font */
    psi_cell *cells;       /* from layout.c, one per cell of text; NULL when unknown */
    size_t ncells;
    psi_cellpart part;     /* a line of a table read cell by cell (tablerows.c) */
} psi_line;

/* A word as poppler placed it: the unit pdf.c hands to layout.c. */
typedef struct psi_word {
    char *text;
    double x0, y0, x1, y1;
    float size;
    bool bold;
} psi_word;

typedef struct psi_page {
    psi_word *words;       /* from pdf.c, in poppler's order */
    size_t nwords;
    psi_line *lines;       /* from layout.c, in reading order */
    size_t nlines;
    double width, height;
    int columns;           /* text columns found by layout.c */
} psi_page;

typedef struct psi_pdf {
    psi_page *pages;
    int npages;
    char hash[17];        /* FNV-1a of the file's bytes */
    long long size, mtime;
    int mtime_ns;
    char *title, *author, *subject, *keywords, *creator;
    int created_year;     /* from the PDF's creation date; 0 when none */
} psi_pdf;

/* poppler-glib, loaded at run time (dlopen) by the extractor that needs it. */
typedef struct psi_pdflib psi_pdflib;
ps_status psi_pdflib_open(psi_pdflib **out, ps_error *err);
void psi_pdflib_free(psi_pdflib *lib);

/* Opens path and extracts every page. Returns PS_ERR_EMPTY_FILE, _NOT_PDF,
 * _PDF_DAMAGED, _PDF_ENCRYPTED, _IO. */
ps_status psi_pdf_read(const psi_pdflib *lib, const char *path, psi_pdf *out, ps_error *err);
void psi_pdf_release(psi_pdf *pdf);

/* ingest/layout.c: words -> lines in reading order (pure geometry) ------- */

/* Finds text columns (gutters that prose lines on both sides respect),
 * groups words into lines by baseline within each column and orders them:
 * full-width lines split the page into bands, and each band is read column
 * by column; each column is read the same way once more, for columns
 * inside it (a box beside a column's text). Fills page->lines and
 * page->columns (the most columns side by side in one band). */
void psi_layout_page(psi_page *page);
/* Frees a line's text and cells (either may be NULL). */
void psi_line_release(psi_line *l);

/* ingest/clean.c: page text cleaning (pure C, no foreign library) -------- */

/* Ligatures to letters, odd spaces to ' ', soft hyphens dropped, controls
 * removed, runs of spaces folded, ends trimmed. Returns a new string. */
char *psi_clean_line(const char *s);

/* Masks digits so running lines compare equal across pages: trims leading
 * and trailing page numbers and folds case. Returns a new string. */
char *psi_running_key(const char *line);

/* Marks running headers, footers and bare page numbers in pages: sets
 * line text to NULL (freed) for each removed line. Returns how many.
 * When running is not NULL, each distinct running line (not page
 * numbers) is appended to it once, with a newline: detection reads them. */
size_t psi_strip_running(psi_page *pages, int npages, psi_buf *running);

/* Words seen whole in a document, used as evidence for dehyphenation. */
typedef struct psi_wordset psi_wordset;
psi_wordset *psi_wordset_new(void);
void psi_wordset_add_text(psi_wordset *ws, const char *text);
bool psi_wordset_has(const psi_wordset *ws, const char *word, size_t n);
/* the same for a word already in lower case (no copy) */
bool psi_wordset_has_lower(const psi_wordset *ws, const char *word, size_t n);
/* Adds one word as it is (no case folding). */
void psi_wordset_add(psi_wordset *ws, const char *word);
void psi_wordset_free(psi_wordset *ws);

/* Joins two words that poppler split inside one on the pages' lines
 * ("Verksam hetens"): adjacent on a line less than 0.15 em apart, the
 * second in lower case and nowhere else a word of its own, and the two
 * whole among the document's words ("Verksamhetens"). */
void psi_join_split_words(psi_page *pages, int npages, const psi_wordset *words);

/* Joins line `next` onto buffer b, which holds the text so far. A hyphen
 * ending b is removed ("kompetens-" + "försörjning"), kept with a space
 * ("hälso- och") or kept without one ("EU-projekt", "e-hälsa"); words may
 * be NULL. */
void psi_join_line(psi_buf *b, const char *next, const psi_wordset *words);

/* ingest/lang.c: language and garbled-text detection (pure C) ----------- */
/* The language of a text (UTF-8, any length; invalid bytes are skipped).
 * UNKNOWN when there are too few words to tell or two languages tie. */
psi_lang psi_lang_detect(const char *text, size_t len);
/* 1 when a page's text is garbled (not readable text in any language, as
 * from a broken font encoding), 0 otherwise; text with fewer than about 40
 * letters is never garbled. The signals are listed atop ingest/lang.c. */
int psi_text_garbled(const char *text, size_t len);

/* ingest/rx.c: the ONLY file that includes PCRE2 ------------------------- */

typedef struct psi_rx psi_rx;
/* Compiles with PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS (unless
 * case_sensitive) and JIT. A bad pattern gives PS_ERR_INTERNAL with the
 * error text and offset. */
ps_status psi_rx_new(const char *pattern, bool case_sensitive, psi_rx **out,
                     ps_error *err);
/* Finds the first match at or after byte offset start. Returns 1 on a
 * match, 0 on none; ov receives byte offsets (ov[0..1] whole match,
 * ov[2k..2k+1] group k, -1 when unset) for up to nov pairs. */
int psi_rx_match(const psi_rx *rx, const char *s, size_t len, size_t start,
                 long *ov, int nov);
void psi_rx_free(psi_rx *rx);

/* What kind of body a unit (lower case) belongs to: "socialnämnden",
 * "kommunstyrelsen" a kommun (PSI_BODY_KOMMUN), "regionstyrelsen" a
 * region; -1 when it does not say. */
int psi_unit_body_type(const char *unit);

/* core/fix.c: corrections as the index keeps them ------------------------ */

typedef struct psi_fixrec {
    char *org, *unit;
    int has_org, has_unit;
    int lan, year, kind;    /* PS_FIX_KEEP when not set */
} psi_fixrec;
extern const psi_field psi_fixrec_fields[];
void psi_fixrec_init(psi_fixrec *r);
void psi_fixrec_release(psi_fixrec *r);
bool psi_fixrec_empty(const psi_fixrec *r);
/* Values out of range: PS_ERR_USAGE. */
ps_status psi_fix_check(const ps_fix *fix, ps_error *err);
/* The fields fix sets replace those of r. */
void psi_fixrec_merge(psi_fixrec *r, const ps_fix *fix);
/* Sets the corrected fields of info, and info->by_hand to their names. */
void psi_fix_apply(const psi_fixrec *r, ps_docinfo *info);

/* ingest/twins.c: a fingerprint of a text's words, 16 hex digits; "" for
 * a text too short to tell. */
char *psi_text_sig(const char *text);

/* ingest/dates.c: dates, years and periods in text ------------------------- */

typedef struct psi_datehit {
    int y, m, d;            /* a whole date */
    size_t start, end;      /* bytes */
} psi_datehit;

/* Whole dates: "2026-06-16", "17 februari 2026"; not "2026-06-xx" or
 * "ÅÅÅÅ-MM-DD". At most max; returns how many. */
size_t psi_find_dates(const char *text, size_t len, psi_datehit *out, size_t max);

typedef struct psi_yearhit {
    int year;
    int to;                 /* end of a period ("2027-2030"), else 0 */
    size_t start, end;
} psi_yearhit;

/* Years standing alone (1900..2099) and periods; not the year inside a
 * date, a template ("2026-06-xx") or a number ("2026.131", "2013/375"). */
size_t psi_find_years(const char *text, size_t len, psi_yearhit *out, size_t max);

/* ingest/detect.c: organisation, län, year, kind ------------------------- */

typedef struct psi_detector psi_detector;
ps_status psi_detector_new(psi_detector **out, ps_error *err);
void psi_detector_free(psi_detector *d);

/* A document as a reader meets it: each place is weighed differently. */
typedef struct psi_detect_input {
    const char *file;       /* base name */
    const char *title;      /* metadata, may be "" */
    const char *author;
    const char *subject;
    const char *headline;   /* the largest lines of the first text page */
    const char *first;      /* the whole first text page */
    const char *running;    /* running headers and footers, once each */
    const char *front;      /* text of the first text pages */
    const char *body;       /* text of the whole document (may be long) */
    int created_year;       /* the PDF's creation date, 0 when none */
    psi_lang lang;          /* of the body text */
    const char *closing;    /* the last text page, for a signature block */
} psi_detect_input;

typedef struct psi_detected {
    char *org;              /* "" when unsure */
    char *org_code;         /* the register's code, or "" */
    char *unit;             /* "socialnämnden", or "" */
    char *date;             /* "2026-06-16", or "" */
    int lan;
    int year;
    int period_from, period_to;
    ps_kind kind;
} psi_detected;

void psi_detected_release(psi_detected *d);

void psi_detect(const psi_detector *d, const psi_detect_input *in,
                psi_detected *out);

/* ingest/tagger.c: section kinds from the rules file ----------------------- */

typedef struct psi_tagger psi_tagger;
/* The built-in rules (ingest/sections.rules, compiled into the library). */
extern const char psi_default_rules[];
/* Parses and compiles rules text; source names it in messages. A bad line
 * gives PS_ERR_USAGE "SOURCE:LINE: ..." with the pattern's error offset. */
ps_status psi_tagger_new(const char *rules, const char *source, psi_tagger **out, ps_error *err);
void psi_tagger_free(psi_tagger *t);
/* The kind a heading sets, or -1 when no heading rule matches; *intro is
 * set when the kind covers only the text directly under the heading. */
int psi_tagger_heading(const psi_tagger *t, const char *heading, bool *intro);
/* The kind the sentences of text point to, or -1 under the threshold;
 * scores (may be NULL) receives the points per kind. */
int psi_tagger_sentences(const psi_tagger *t, const char *text, int scores[PS_SECTION_COUNT]);

/* ingest/passage.c: cleaned pages -> blocks -> passages ------------------ */

#define PSI_PASSAGE_MAX 1400 /* bytes of text before a passage is cut */

typedef struct psi_passages {
    ps_passage *v;
    size_t n, cap;
    ps_heading *outline;
    size_t noutline, outline_cap;
} psi_passages;

/* Builds passages and the outline from cleaned pages (lines already
 * stripped of running text), tagging sections with tagger (may be NULL).
 * page_text[i] receives each page's cleaned text. */
void psi_build_passages(const psi_page *pages, int npages,
                        const psi_wordset *words, const psi_tagger *tagger,
                        psi_passages *out, char **page_text);

/* ingest/terms.c: extra index words (compound parts, joined words, ...) -- */

/* Loads a word list (UTF-8 or ISO-8859-1, one word per line). */
ps_status psi_wordlist_load(const char *path, psi_wordset **out, ps_error *err);
/* Appends the passage's extra index words to out, one per line, each
 * tagged: P compound or glued part, J joined word, D word with å/ä/ö.
 * list may be NULL; docwords are the document's own words. */
void psi_passage_terms(const char *text, const psi_wordset *list, const psi_wordset *docwords, psi_buf *out);

/* ingest/budget.c: budget table rows from cell-separated lines ----------- */

typedef struct psi_budget_rows {
    ps_budget_row *v;
    size_t n, cap;
} psi_budget_rows;

/* Finds table rows (a label and amounts in tab-separated cells, under a
 * header of column headings with years) on the pages marked in pages_on;
 * words (the document's, may be NULL) join a heading's lines as
 * psi_join_line does. */
void psi_budget_extract(const psi_page *pages, int npages, const bool *pages_on, const psi_wordset *words,
                        psi_budget_rows *out);

/* ingest/budgetsum.c: the totals of a table's rows ------------------------ */

/* Sets the role and level of a table's rows row[0..n), top down; indent[i]
 * is row i's label's left edge (NAN when unknown). */
void psi_budget_sums(ps_budget_row **row, const double *indent, size_t n);
/* Sets column_roles of rows row[0..n), one table's (side's) rows: which
 * columns are the sum of the columns before them or the difference of
 * two; NULL when all are items. */
void psi_budget_column_sums(ps_budget_row **row, size_t n);
/* Whether a label names a total ("Summa …", "Totalt", "Årets resultat"),
 * or a part of the row above ("varav …", "- därav …"). */
bool psi_budget_label_total(const char *label);
bool psi_budget_label_of_which(const char *label);
/* Whether a label names a change or deviation of other figures: "Ökning
 * mot fg år", "Avvikelse mot budget", "Förändring jämfört med 2025". */
bool psi_budget_label_difference(const char *label);
/* Marks rows beside a row that split its figure in a column of their own
 * as its parts (PS_ROW_OF_WHICH): rows row[0..n) of one table, in order,
 * indent[i] the left edge of row i's label (NAN when unknown). */
void psi_budget_breakdowns(ps_budget_row **row, const double *indent, size_t n);
/* A balance sheet's two sides read as one table: when a total of the
 * assets by its label closes the item rows above it and a later total of
 * equity or debts of the same figures closes the item rows between them
 * ("SUMMA TILLGÅNGAR", "SUMMA EGET KAPITAL OCH SKULDER"), the rows after
 * the first, to the second, are a table of their own, named by the
 * second's label after its "Summa". */
void psi_budget_balance_sides(ps_budget_row **row, size_t n);

/* ingest/cells.c: the cells of a table line (for budget.c) ---------------- */

/* A cell's text and place (made up from its index when the line has no
 * places), and what it is: words, an amount (v), an empty dash, a year. */
typedef enum psi_ckind { PSI_C_TEXT, PSI_C_AMOUNT, PSI_C_EMPTY, PSI_C_YEAR } psi_ckind;

typedef struct psi_tcell {
    char *text;
    double x0, x1; /* where it lies; made up from its place when unknown */
    psi_ckind kind;
    double v;
    const char *unit; /* an amount's own unit ("2,1 mnkr": "mnkr"), else NULL */
    int of_year;      /* the year an amount is of, noted beside it ("20 (2024)"), else 0 */
} psi_tcell;

/* A line's cells. */
typedef struct psi_tline {
    psi_tcell *c;
    size_t n;
    const psi_line *l;
    bool placed; /* the cells' places are layout.c's, not made up */
} psi_tline;

/* What a line is to a table. */
typedef enum psi_lkind {
    PSI_L_ROW,     /* a label (one cell of words, or up to three: "Alla |
                      Restriktivitet vid tjänstetillsättningar"), then amounts */
    PSI_L_AMOUNTS, /* amounts alone: a label wrapped around them */
    PSI_L_HEADER,  /* short cells of headings and years, no amounts */
    PSI_L_LABEL,   /* one short cell of words: a caption, or part of a label */
    PSI_L_PROSE,   /* a sentence: no table goes on across it */
} psi_lkind;

/* The cells of l; a cell of an amount and words after it ("90 362 Alingsås")
 * is two cells, unless the words are its unit ("2,1 mnkr"). Release with
 * psi_tline_release. */
void psi_tline_of(const psi_line *l, psi_tline *out);
void psi_tline_release(psi_tline *t);
psi_lkind psi_tline_kind(const psi_tline *t);
/* How many cells of words (with a letter) open t: its label's. */
size_t psi_tline_lead(const psi_tline *t);
bool psi_has_letter(const char *s);
/* Length of a year or date token at s ("2015", "2015-12-31"), or 0. */
size_t psi_year_token(const char *s);
/* "tkr", "mnkr", "kr" or "" from a caption or heading ("Miljoner kronor"). */
char *psi_unit_of(const char *s);

/* ingest/worker.c (a worker's side, and the wire) for ingest/pool.c ------ */

enum {
    PSI_WORKER_PATH_MAX = 1 << 20, /* the longest path a worker takes */
    PSI_WORKER_EXIT_OOM = 86,      /* a worker's exit status when it ran out of memory */
};

/* The body of a worker process, forked by pool.c: closes every inherited
 * descriptor but its own, sets its limits, then answers each path framed on
 * cmd_fd with one frame on data_fd until cmd_fd ends. Never returns. */
void psi_worker_main(ps_extractor *ex, const ps_limits *lim, int cmd_fd, int data_fd);
/* Sends path to a worker; false when the worker has gone. */
bool psi_worker_send(int cmd_fd, const char *path);
/* Appends to from what the worker's data pipe holds (up to 64 kB): returns
 * the bytes read, 0 when the worker has gone, -1 with errno on failure. */
ssize_t psi_worker_receive(int data_fd, psi_buf *from);
/* The length the answer at the start of from says it has (its record,
 * whether or not it has all come), or 0 before that is known. */
uint64_t psi_worker_answer_len(const psi_buf *from);
/* Whether from starts with a whole answer. */
bool psi_worker_has_answer(const psi_buf *from);
/* Takes the whole answer at the start of from: the document, or the status
 * and message the worker sent instead. */
ps_status psi_worker_take_answer(psi_buf *from, ps_doc **out, ps_error *err);

/* index/xapian-*.cc: the store, the only C++ and the only Xapian ---------- */

typedef struct psi_store psi_store;

/* shard_by applies to a new writable index; an existing one keeps its own. */
ps_status psi_store_open(const char *dir, bool writable, bool plain, ps_shard_by shard_by, psi_store **out,
                         ps_error *err);
void psi_store_close(psi_store *st);
void psi_store_set_batch(psi_store *st, int documents);
/* Commits what was added (PS_OK for a read-only store); on failure the
 * message says how many documents were lost. */
ps_status psi_store_commit(psi_store *st, ps_error *err);
/* psi_store_commit once a batch of documents is pending, else nothing. */
ps_status psi_store_commit_batch(psi_store *st, ps_error *err);
/* Documents added since the last commit. */
int psi_store_pending(const psi_store *st);

typedef struct psi_store_doc {
    const ps_docinfo *info;
    const ps_passage *passages;
    size_t npassages;
    const ps_heading *outline;
    size_t noutline;
    const ps_budget_row *budget;
    size_t nbudget;
} psi_store_doc;

/* Adds or replaces a document in one transaction; old_docid (may be NULL)
 * names another version of it to delete in the same transaction. It goes
 * to disk with the next commit (psi_store_commit_batch), not by itself. */
ps_status psi_store_replace(psi_store *st, const psi_store_doc *doc, const char *old_docid,
                            ps_error *err);
/* The record of the document indexed from a path, or with contents docid;
 * *out is all NULL/0 when there is none (release it either way). */
ps_status psi_store_find(psi_store *st, const char *path, const char *docid, ps_docinfo *out, ps_error *err);
/* Records a new path, and the size and mtime of sb, for a document. */
struct stat;
ps_status psi_store_touch(psi_store *st, const char *docid, const char *path, const struct stat *sb, ps_error *err);
ps_status psi_store_remove(psi_store *st, const char *docid, ps_error *err);
/* A document's corrections (psi_fixrec_init'ed when none) and their
 * keeping; they outlive the document's removal. */
ps_status psi_store_get_fix(psi_store *st, const char *docid, psi_fixrec *out, ps_error *err);
ps_status psi_store_put_fix(psi_store *st, const char *docid, const psi_fixrec *fix, ps_error *err);
/* Files every stored document of the PDF info->docid again under info's
 * fields (filter terms, values and records), one transaction per shard;
 * the shard stays the one it is in. Like a document, it goes to disk with
 * the next commit: a caller that changes the index by it alone commits. */
ps_status psi_store_relabel(psi_store *st, const ps_docinfo *info, ps_error *err);
/* Fingerprints this close (differing bits of 64) are one document. */
#define PSI_TWIN_BITS 3
/* An indexed document (not docid) whose fingerprint is within
 * PSI_TWIN_BITS of sig: the docid its group is counted as (its twin_of, or
 * its own); *twin NULL for none. */
/* The docids (sorted; free each and the array) of the documents marked
 * twin_of head. */
ps_status psi_store_twins_of(psi_store *st, const char *head, char ***out, size_t *n, ps_error *err);
/* How many documents are marked twin_of another. */
ps_status psi_store_twins(psi_store *st, size_t *n, ps_error *err);
ps_status psi_store_find_twin(psi_store *st, const char *sig, const char *docid, char **twin, ps_error *err);

/* A query as the store runs it (made by psi_query_prepare). */
typedef struct psi_store_query {
    char *text;                /* for Xapian's QueryParser; filters typed in
                                  it (lan:, year:, ...) are normalised by the
                                  shim through psi_vocab_term */
    int lan, year_from, year_to, kind, section; /* -1 / 0 = none */
    const char *org;           /* NULL = none; borrowed from ps_query_opts */
    const char *typed;         /* the query as typed, for messages (borrowed) */
    const char *unit;          /* NULL = none; borrowed from ps_query_opts */
} psi_store_query;

/* Ranked passages; limit 0 means every match (fields then only as needed
 * for counting: psi_hit_brief_fields). */
ps_status psi_store_search(psi_store *st, const psi_store_query *q,
                           size_t limit, bool want_text, ps_hits **out,
                           ps_error *err);
ps_status psi_store_docs(psi_store *st, ps_doclist **out, ps_error *err);

/* Matching passages counted per document, with the document's län and
 * year, without reading the passages (for matrices). */
typedef struct psi_doc_count {
    int lan, year;
    unsigned passages;
} psi_doc_count;
ps_status psi_store_count(psi_store *st, const psi_store_query *q, psi_doc_count **out, size_t *n,
                          ps_error *err);
/* Budget rows of all documents matching the filters in q (text unused). */
ps_status psi_store_budget(psi_store *st, const psi_store_query *q, ps_budget **out, ps_error *err);
/* One document's record into o->info and o->headings, and with passages
 * its passages in order into o->passages. */
ps_status psi_store_doc_detail(psi_store *st, const char *docid, ps_outline *o, bool passages, ps_error *err);

/* Swedish stem of one lower-case word, into a new string. */
char *psi_stem(const char *word);
/* The stems of the forms of a lower-case word that Xapian's Swedish stemmer
 * keeps apart from it (psi_e_syncope, psi_e_restore, psi_neuter_other: a
 * neuter's definite form, an unstressed e), each only when the stemmer
 * leaves the form whole (a form it shortens further is another word:
 * "internet" -> "intern" -> "int", the stem of "inte") and not the word's
 * own stem. Fills out (at most 3, each malloc'd, the caller frees) and
 * returns how many. */
size_t psi_stem_forms(const char *word, char *out[3]);

/* index/index.c: the ps_index handle, for the query layer ------------------ */

psi_store *psi_index_store(ps_index *ix);
bool psi_index_writable(const ps_index *ix);
/* index/twins.c: groups of renderings of one document. */
/* Before a document is stored: its group's head into info->twin_of (and
 * the group's corrections applied to it); or, when it will be the head
 * itself, *new_head_of receives the old head to regroup once it is. */
ps_status psi_twins_join(ps_index *ix, ps_docinfo *info, char **new_head_of, ps_error *err);
/* The old head and its members become renderings of new_head. */
ps_status psi_twins_regroup(ps_index *ix, const char *old_head, const char *new_head, ps_error *err);
/* After head `gone` is removed: its smallest member is the head. */
ps_status psi_twins_left(ps_index *ix, const char *gone, ps_error *err);
/* index/fix.c: the document a user names: its docid, path or file name,
 * or a unique part of its file name; PS_ERR_USAGE for none or several. */
ps_status psi_index_resolve(ps_index *ix, const char *which, ps_docinfo *out, ps_error *err);
bool psi_index_plain(const ps_index *ix);
const psi_synonyms *psi_index_synonyms(const ps_index *ix);

/* query/: the query layer's own entry points ------------------------------ */

/* query/topic.c: the words of a topic, as a query names them: its words of four letters
 * or more that are not a filter's value ("org:alingsås"), not left out
 * ("-cykel", "NOT cykel") and not an operator; each as its Swedish stem and
 * in the form the stemmer keeps apart, as search widens a word: "cykel" ->
 * "cykl" (as in "cyklingens"), "cyklar" -> "cykel", "målet" -> "mål". */
typedef struct psi_topic {
    char **stem;
    size_t n;
} psi_topic;
void psi_topic_of(const char *query, psi_topic *t);
void psi_topic_release(psi_topic *t);
/* Whether text names the topic: a word of it starts with a topic stem
 * ("arbete" names "arbetet", not "medarbetare"), or, for a stem of six
 * letters or more, holds it inside a compound ("avgift" in
 * "Medlemsavgifter"). */
bool psi_topic_named(const psi_topic *t, const char *text);

/* prepare.c: what the store runs for a query typed by an analyst and the
 * option filters (release with psi_query_release, also after a failure). */
ps_status psi_query_prepare(ps_index *ix, const char *query, const ps_query_opts *o, psi_store_query *out,
                            ps_error *err);
void psi_query_release(psi_store_query *q);
/* search.c: hits of a prepared query; limit 0 is every match. */
ps_status psi_query_hits(ps_index *ix, const char *query, const ps_query_opts *o, size_t limit, bool want_text,
                         ps_hits **out, ps_error *err);

/* statements.c: goal statements and how alike two are (query/goals.c
 * aligns them year by year). */
/* A statement's words: as written, lower-cased, stemmed. */
typedef struct psi_words {
    char **w;      /* as written */
    char **low;    /* lower-cased */
    char **key;    /* lower-cased stems */
    size_t n;
} psi_words;

/* Statements, each owned by the list (free each, then v). */
typedef struct psi_strlist {
    char **v;
    size_t n, cap;
} psi_strlist;

void psi_words_of(const char *text, psi_words *out);
void psi_words_release(psi_words *w);
/* The statements of a passage's text, appended to out. */
void psi_goal_statements(const char *text, psi_strlist *out);
/* What the statement s (with its words w) is taken for. */
ps_statement_kind psi_statement_kind(const char *s, const psi_words *w);
/* Whether statement s (its words w) names a goal outright, wherever it
 * stands: "Målet är att …", "Det långsiktiga målet är att …", "Det
 * finansiella målet för … är ett positivt resultat …", "har ett
 * övergripande mål – att bli …"; not a goal reached or named in a clause
 * ("tills målet är uppnått"), a fact, a fragment or a lead-in. */
bool psi_statement_names_goal(const char *s, const psi_words *w);
/* The same for statement s of passage p, not tagged mal, as a goal of p's
 * organisation: never in minutes, notices or an official's report, which
 * name other bodies' goals and motions' (the räddningstjänstförbund's "Det
 * finansiella målet … är …" in kommunstyrelsen's minutes); theirs count
 * only from passages tagged mal. */
bool psi_hit_names_goal(const ps_hit *p, const char *s, const psi_words *w);
/* A query for the words of a goal ("mål OR målet OR …"), to free. */
char *psi_goal_words_query(void);
/* Whether heading (a heading path, parts joined by " > ") ends in a goal's
 * title: "Mål", "Målet", "Mål 3: Trygg kommun", "Delmål 2.1",
 * "Verksamhetsmål 2027". */
bool psi_heading_names_goal(const char *heading);
/* Whether a heading path has among its parts a heading over goals of
 * others: a proposal put to the body, whose goals are the proposer's ("§
 * 67 Motion om kunskap …", "Svar på medborgarförslag …", "Interpellation
 * …"), other levels' goals ("Internationell och nationell nivå", "Agenda
 * 2030") or the law's ("Skollagen, bibliotekslagen och läroplanerna"). */
bool psi_heading_of_others(const char *heading);
/* A statement of a passage, with its words and what it is taken for. */
typedef struct psi_statement {
    char *text;
    psi_words w;
    ps_statement_kind kind;
    bool heading;   /* stated in the passages' heading ("Mål – …") */
    size_t passage; /* of texts[] (psi_heading_statements) */
} psi_statement;
typedef struct psi_statements {
    psi_statement *v;
    size_t n;
} psi_statements;
/* The statements of the passages under one heading of a document (a path,
 * or NULL; texts, n of them, in page order), each with its words, its kind
 * and its passage: first, with heading_too, a goal the heading states after
 * a goal's title ("Mål – tågresandet ska tredubblas"; not a fact), unless a
 * goal of these texts states it in full (half its content words); then
 * each text's statements, as psi_statement_kind takes them, where one alone
 * in its passage under a goal's title ("Mål" / "I hela Alingsås kommun
 * finns attraktiva … mötesplatser") is a goal with a cue or not, unless it
 * is a lead-in or about a goal. A caller may take a statement's text and
 * words (leaving NULL and zeroes) before psi_statements_release. */
void psi_heading_statements(const char *heading, const char *const *texts, size_t n, bool heading_too,
                            psi_statements *out);
void psi_statements_release(psi_statements *s);
/* How alike two statements are, 0..1: the larger of the share of their
 * distinct stems they have in common and the Dice coefficient of their
 * letter trigrams. */
double psi_goal_similarity(const psi_words *a, const psi_words *b);
/* The same, from what it compares, made once per statement: the distinct
 * stems (borrowed from the psi_words, which must outlive it) with their
 * psi_hash64, in the order of the hashes; the trigram codes, sorted. */
typedef struct psi_goal_sig {
    const char **stems;
    uint64_t *stem_hash;
    size_t nstems;
    uint32_t *tri;
    size_t ntri;
} psi_goal_sig;
void psi_goal_sig_of(const psi_words *w, psi_goal_sig *out);
void psi_goal_sig_release(psi_goal_sig *s);
double psi_goal_sig_similarity(const psi_goal_sig *a, const psi_goal_sig *b);

/* pairing.c: which goals are alike enough, found through an index of
 * their rarest stems and trigrams instead of by comparing every pair. */
/* For each of the statements s[0..n) in order: rep[i] is the first
 * earlier statement that is not itself a repeat and is at least min alike
 * (i repeats it), or -1 (i is a goal of its own). */
void psi_goal_repeats(const psi_goal_sig *s, size_t n, double min, long *rep);
/* Whether goal i of a may be paired with goal j of b, score alike (ctx
 * the caller's): goals of documents that would state each other. */
typedef bool psi_goal_may_pair(const void *ctx, size_t i, size_t j, double score);
/* Pairs goals a[0..na) with b[0..nb): the most alike pair first, each goal
 * once, only pairs at least min alike that may (NULL: all may). match_a[i]
 * is i's partner in b or -1, score_a[i] their similarity; match_b[j] is
 * j's partner in a or -1. */
void psi_goal_align(const psi_goal_sig *a, size_t na, const psi_goal_sig *b, size_t nb, double min,
                    psi_goal_may_pair *may, const void *ctx, long *match_a, double *score_a, long *match_b);
/* The word diff of a reworded goal: runs kept, removed, added. */
ps_diff *psi_word_diff(const psi_words *a, const psi_words *b, size_t *ndiff);

#ifdef __cplusplus
}
#endif
#endif

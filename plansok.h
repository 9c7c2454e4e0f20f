/* plansok.h: the whole public contract of libplansok. Start reading here.
 *
 * plansok turns Swedish planning PDFs into searchable passages:
 *   ps_doc_extract()  PDF -> cleaned pages -> detected metadata -> passages
 *   ps_index_*()      passages <-> a Xapian database on disk
 *   ps_search(), ps_matrix(), ps_docs()   questions across all documents
 *
 * OWNERSHIP (the one rule): whoever calls a _new/_open/_extract/_search
 * function owns the result and releases it with the matching _free/_close;
 * _free(NULL) and _close(NULL) do nothing. A const pointer handed out by an
 * object is borrowed and lives until that object is freed. Strings inside
 * result structs belong to the result.
 *
 * ERRORS: fallible functions return a ps_status (PS_OK is 0) and, when err is
 * not NULL, fill it with a message for people. On failure out-parameters are
 * NULL or 0. The library never prints and never exits.
 *
 * TEXT: every string in and out is UTF-8, except file names and paths,
 * which are the file system's bytes. Pages are 0-based inside the
 * library; printers add 1.
 */
#ifndef PLANSOK_H
#define PLANSOK_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PS_SCHEMA_VERSION 8 /* bump when the index layout changes */
#define PS_FORMAT_VERSION 5 /* version field of JSON output (docs/FORMATS.md) */
/* What ingest makes of a PDF: bump when its text, passages, section kinds,
 * detected fields, budget rows or the passages' extra index words change,
 * so that an index reads its documents again (ps_index_check_file:
 * PS_FILE_STALE). t105 (tests/data/extract-fingerprint.tsv) fails make
 * check until it is bumped. */
#define PS_EXTRACT_VERSION 7

typedef enum ps_status {
    PS_OK = 0,
    PS_ERR_NOMEM,
    PS_ERR_USAGE,          /* bad option or argument */
    PS_ERR_IO,             /* a file could not be read or written */
    PS_ERR_INTERRUPTED,    /* stopped by a signal the caller watches for */
    PS_ERR_EMPTY_FILE,     /* zero bytes */
    PS_ERR_NOT_PDF,        /* does not start like a PDF */
    PS_ERR_PDF_DAMAGED,    /* poppler could not open it */
    PS_ERR_PDF_ENCRYPTED,  /* needs a password */
    PS_ERR_PDF_NO_TEXT,    /* no text layer: needs OCR */
    PS_ERR_PDF_GARBLED,    /* text layer is not readable text */
    PS_ERR_NO_PDFS,        /* a directory without any PDF */
    PS_ERR_TIMEOUT,        /* extraction ran out of wall-clock or CPU time */
    PS_ERR_OOM,            /* extraction ran out of its memory limit */
    PS_ERR_CRASHED,        /* the extraction worker died by a signal */
    PS_ERR_DOC_REFUSED,    /* the index cannot hold this document (the
                              others go on) */
    PS_ERR_INDEX_MISSING,  /* no index where one was expected */
    PS_ERR_INDEX_LOCKED,   /* another writer holds the lock */
    PS_ERR_INDEX_CORRUPT,
    PS_ERR_INDEX_VERSION,  /* made by another plansok schema */
    PS_ERR_INDEX,          /* other Xapian failure */
    PS_ERR_BAD_QUERY,      /* query syntax or unknown filter value */
    PS_ERR_INTERNAL,       /* a bug in plansok */
    PS_STATUS_COUNT
} ps_status;

typedef struct ps_error {
    ps_status code;
    char msg[512];
} ps_error;

#define PS_ERROR_INIT { PS_OK, { 0 } }

/* A fixed phrase for each status ("index is locked"); never NULL. */
const char *ps_status_str(ps_status st);

/* One character of UTF-8 at s (n bytes left): returns its length with the
 * code point in *cp, or 0 for a byte that starts no valid character (then
 * *cp is U+FFFD). For printers of text that may not be UTF-8: file names
 * are bytes, as the file system has them. */
size_t ps_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* ---------------------------------------------------------------- documents */

typedef enum ps_kind {
    PS_KIND_OTHER = 0,
    PS_KIND_VERKSAMHETSPLAN,
    PS_KIND_BUDGET,
    PS_KIND_KALLELSE,
    PS_KIND_PROTOKOLL,
    PS_KIND_ARSREDOVISNING,
    PS_KIND_STRATEGI,       /* strategies; regional development strategies */
    PS_KIND_PLAN,           /* plans and programmes ("Cykelplan", "Program för ...") */
    PS_KIND_UPPFOLJNING,    /* follow-ups: delårsrapport, månadsuppföljning */
    PS_KIND_RAPPORT,        /* reports, evaluations, reviews (granskning) */
    PS_KIND_TJANSTESKRIVELSE, /* an official's written report to a board */
    PS_KIND_COUNT
} ps_kind;

/* "verksamhetsplan", "årsredovisning", ...; never NULL. */
const char *ps_kind_name(ps_kind k);
/* Parses a kind name, with or without å/ä/ö and in any case, also the
 * other names of a kind ("delårsrapport", "program", "granskning"); -1 if
 * unknown. */
int ps_kind_parse(const char *name);

/* The 21 Swedish counties. Slugs are ASCII ("jonkoping"), names are the
 * official forms ("Jönköpings län"). */
#define PS_LAN_COUNT 21
const char *ps_lan_name(int lan);
const char *ps_lan_slug(int lan);
/* Accepts "Jönköpings län", "jönköping", "jonkoping", "Region Jönköping",
 * and a region's or länsstyrelse's name in the register ("Västra
 * Götalandsregionen", "VGR", "Landstinget i Jönköpings län"); returns
 * 0..20 or -1. */
int ps_lan_parse(const char *text);

/* The kind of section a passage belongs to. */
typedef enum ps_section {
    PS_SECTION_OTHER = 0,
    PS_SECTION_MAL,       /* goals and targets */
    PS_SECTION_INSATSER,  /* actions and activities */
    PS_SECTION_BUDGET,    /* budget tables and comments */
    PS_SECTION_COUNT
} ps_section;

/* "other", "mal", "insatser", "budget"; never NULL. */
const char *ps_section_name(ps_section s);
/* Accepts the names above, also "mål"; -1 if unknown. */
int ps_section_parse(const char *name);

/* The years a plan can be for; a year outside them is a typing error. */
#define PS_YEAR_MIN 1900
#define PS_YEAR_MAX 2100
/* Parses "2014" (*from = *to) or "2013..2015": digits only, each year
 * PS_YEAR_MIN..PS_YEAR_MAX, from <= to. 0, or -1 (nothing set) for
 * anything else. */
int ps_years_parse(const char *text, int *from, int *to);

typedef struct ps_docinfo {
    char *docid;        /* stable id: 64-bit FNV-1a hash of the file's bytes */
    char *path;         /* absolute path at ingest time */
    long long size;     /* bytes, and modification time (seconds), at ingest */
    long long mtime;
    int mtime_ns;       /* the nanoseconds of mtime; -1 when not recorded
                           (indexed by a plansok before issue 15) */
    char *file;         /* base name */
    char *title;        /* PDF metadata title, or "" */
    char *org;          /* organisation, or "" when unknown */
    int lan;            /* county index, -1 when unknown */
    int year;           /* the year the document is for; 0 when unknown */
    ps_kind kind;
    int pages;          /* physical pages */
    int text_pages;     /* pages with a text layer */
    int passages;
    char *org_code;     /* the organisation's code in the register: kommunkod
                           ("1489"), "R14", "L14", "F-avrf", "S-..."; or "" */
    char *unit;         /* the unit within it ("socialnämnden"), or "" */
    int period_from;    /* the period it covers (2027..2030); 0 when none */
    int period_to;
    char *date;         /* adopted, decided or published: "2026-06-16",
                           "2026-06" or "2013"; "" when not stated */
    char *lang;         /* "sv", "da", "no", "en", or "" when unsure */
    int garbled_pages;  /* pages left out as unreadable text */
    char *by_hand;      /* the fields an analyst set ("org,year"), or "" */
    char *from_folder;  /* the fields taken from the other documents of its
                           folder ("org,lan"; ps_index_infer_folders), or "" */
    char *twin_of;      /* docid of another rendering of the same document
                           that is counted instead of this one, or "" */
    char *sig;          /* text fingerprint (hex) that finds such twins */
    char *reader;       /* what read it: ps_extractor_stamp(); "" when
                           indexed by a plansok before there was one */
} ps_docinfo;

typedef struct ps_passage {
    int page;           /* 0-based physical page where it starts */
    char *heading;      /* heading path, parts joined by " > ", or "" */
    char *text;         /* cleaned text, paragraphs joined by "\n" */
    ps_section section;
    char *terms;        /* extra index words, one per line: P compound part,
                           J joined word, D word with å/ä/ö (ingest/terms.c) */
    int contents;       /* 1: a table of contents, kept in the document but
                           passed by in searches and counts */
} ps_passage;

/* One entry of a document's outline. */
typedef struct ps_heading {
    int level;          /* 1 is the top */
    int page;           /* 0-based physical page */
    ps_section section; /* the kind in force under this heading */
    char *text;
} ps_heading;

/* What a budget row is in its table (ingest/budgetsum.c): a row to add, or
 * one computed from others, to leave out when adding. */
typedef enum ps_budget_role {
    PS_ROW_ITEM,     /* an amount of its own */
    PS_ROW_TOTAL,    /* a sum or result of other rows: "Summa …", "Totalt",
                        "Verksamhetens kostnader" when its figures are the
                        sum of the rows it heads or closes, "Årets resultat" */
    PS_ROW_OF_WHICH, /* "varav …": a part of the row above, already in it;
                        also rows beside a row that split its figure in a
                        column of their own ("Alingsås", "Vårgårda" beside
                        "Medlemsbidrag 2027") */
    PS_ROW_DIFFERENCE, /* a change or deviation of other figures: "Ökning
                          mot fg år", "Avvikelse mot budget" */
} ps_budget_role;

/* "item", "total", "of_which" or "difference". */
const char *ps_budget_role_name(ps_budget_role r);

/* What a column of a budget table is (ingest/budgetsum.c): amounts of
 * their own, or computed from the columns before it, to leave out when
 * adding a row across its columns. */
typedef enum ps_column_role {
    PS_COL_ITEM,       /* "Budget 2026", "IFO", "Ram inkl PKV" */
    PS_COL_TOTAL,      /* the sum of the item columns before it: "Summa"
                          after a nämnd's units, "Ram inkl förändringar"
                          after the frame and its changes */
    PS_COL_DIFFERENCE, /* one column less another before it: "Avvikelse",
                          "Avv. prognos/budget" */
} ps_column_role;

/* "item", "total" or "difference". */
const char *ps_column_role_name(ps_column_role r);

/* One row of a budget table: a label and its amounts per column. */
typedef struct ps_budget_row {
    int page;           /* 0-based physical page */
    char *table;        /* the table's caption, e.g. "Resultatbudget (tkr)" */
    char *unit;         /* "tkr", "mnkr", "kr" or "" */
    char *label;        /* e.g. "Medlemsavgifter" */
    size_t ncols;
    char **columns;     /* headings, e.g. "Budget 2015", "Utfall 2013" */
    double *amounts;    /* in the table's unit; -500 for "−500" */
    unsigned char *present; /* 0 where the cell is empty */
    ps_budget_role role;
    int level;          /* how far it is set in: 1 + the level of a row above
                           it that holds it (a total over its parts, the row
                           of a "varav"); a part above its total has the
                           total's level; else 0 */
    int table_no;       /* its table's number on its page, from 1 (0 in
                           an index written before it was recorded) */
    char *parent;       /* the label of the row that holds it: its total,
                           or the row of a "varav"; "" for none */
    char *column_roles; /* a letter per column: 'i' item, 't' total, 'd'
                           difference; "" or NULL when not known (items);
                           read it with ps_budget_column_role */
    /* set when rows come from the index (ps_budget_list) */
    char *docid, *file, *org;
    char *org_unit;     /* the unit of its document ("tekniska nämnden"), or "" */
    int lan, year;
} ps_budget_row;

/* The role of row r's column k (PS_COL_ITEM when not known). */
ps_column_role ps_budget_column_role(const ps_budget_row *r, size_t k);

/* Parses a Swedish amount: "12 345", "1 234,5", "-500", "−500", "–500".
 * Returns 1 and sets *out, or 0 when the text is not an amount. */
int ps_parse_amount(const char *text, double *out);

/* Overrides for one run; NULL / -1 / 0 means "detect". */
typedef struct ps_extract_opts {
    const char *org;
    int lan;
    int year;
    int kind;
    const char *rules_file; /* section rules; NULL: the built-in ones */
    const char *wordlist;   /* Swedish word list for compounds; NULL: $PLANSOK_WORDLIST,
                               else /usr/share/dict/swedish (Debian wswedish) */
} ps_extract_opts;

#define PS_EXTRACT_OPTS_INIT { NULL, -1, 0, -1, NULL, NULL }

typedef struct ps_doc ps_doc;
typedef struct ps_extractor ps_extractor;

/* Compiles the detection and section rules once for many documents.
 * Returns PS_ERR_IO (rules file unreadable) or PS_ERR_USAGE (a bad rule,
 * with its line and the position of the error; or an override out of
 * range: a year not 0 or 1900..2100, an unknown län or kind). */
ps_status ps_extractor_new(const ps_extract_opts *opts, ps_extractor **out,
                           ps_error *err);
void ps_extractor_free(ps_extractor *ex);
/* What this extractor makes of a PDF, as a stamp an index keeps with each
 * document: PS_EXTRACT_VERSION, with a rules file the hash of its text,
 * and the hash of the word list it loaded ("2 words 5c1e…", "2 rules
 * 3fa0c2d1e4b5a697 words 5c1e…"). Owned by ex. */
const char *ps_extractor_stamp(const ps_extractor *ex);

/* Reads one PDF with poppler, cleans every page, detects organisation, län,
 * year and kind, cuts passages and tags their sections. Returns
 * PS_ERR_EMPTY_FILE, _NOT_PDF, _PDF_DAMAGED, _PDF_ENCRYPTED, _PDF_NO_TEXT,
 * _PDF_GARBLED, _IO or _NOMEM. */
ps_status ps_extractor_run(ps_extractor *ex, const char *path, ps_doc **out,
                           ps_error *err);
/* Limits for one isolated extraction; 0 means no limit. The first three
 * bound the worker; the rest bound what a document may bring into the
 * index, and are checked by the caller's side (ps_doc_check_limits, and
 * the pool on every answer) whatever the worker did. */
typedef struct ps_limits {
    int wall_seconds;
    int cpu_seconds;
    long memory_mb;     /* address space of the worker */
    long max_pages;     /* physical pages of one document */
    long max_passages;
    long max_text_mb;   /* bytes of passage text, in MB; a worker's answer
                           may be at most 4 times that plus 1 MB */
    long max_headings;  /* entries of its outline */
    long max_budget_rows;
    long max_file_mb;   /* size of the file, in MB: the caller reads all of
                           it (the document's id is the hash of its bytes)
                           before any worker sees it */
} ps_limits;

#define PS_LIMITS_INIT { 60, 60, 2048, 10000, 10000, 16, 10000, 10000, 1024 }

/* Whether doc is within the document limits of lim (NULL: the defaults):
 * PS_OK, or PS_ERR_DOC_REFUSED naming the first limit it exceeds ("too
 * large for the index: 20000 passages (the limit is 10000;
 * --max-passages)"). */
ps_status ps_doc_check_limits(const ps_doc *doc, const ps_limits *lim, ps_error *err);

/* Whether the file at path is within lim's max_file_mb (NULL: the
 * defaults), by its size alone: PS_OK, or PS_ERR_DOC_REFUSED ("too large to
 * read: 8.0 GB (the limit is 1024 MB; --max-file)"). A file that cannot be
 * stat'ed passes: whoever opens it says why. */
ps_status ps_file_check_limits(const char *path, const ps_limits *lim, ps_error *err);

/* ps_extractor_run in a separate worker process with the limits, so that a
 * PDF that crashes, hangs or exhausts poppler cannot harm the caller.
 * Adds PS_ERR_TIMEOUT ("timed out after 60 s"), PS_ERR_OOM ("killed: out
 * of memory") and PS_ERR_CRASHED ("crashed: SIGSEGV") to the statuses of
 * ps_extractor_run. */
ps_status ps_extractor_run_isolated(ps_extractor *ex, const char *path, const ps_limits *limits, ps_doc **out,
                                    ps_error *err);

/* A pool of isolated workers, for extracting several PDFs at once: jobs
 * worker processes with the limits, each with up to ps_pool_size() / jobs
 * PDFs queued. */
typedef struct ps_pool ps_pool;
#define PS_POOL_MAX_JOBS 1024
/* PS_ERR_USAGE for more than PS_POOL_MAX_JOBS jobs; PS_ERR_IO when no
 * worker can start. When the system gives fewer (descriptors or processes
 * run out), the pool has fewer, and ps_pool_shortfall says why; it never
 * leaves its caller without descriptors to go on with. */
ps_status ps_pool_new(ps_extractor *ex, const ps_limits *limits, int jobs, ps_pool **out, ps_error *err);
/* NULL, or why fewer workers than asked for started ("3 of 8 extraction
 * workers started: ..."); lives as long as the pool. */
const char *ps_pool_shortfall(const ps_pool *p);
int ps_pool_size(const ps_pool *p);
int ps_pool_running(const ps_pool *p);
/* Queues path for a worker; tag comes back with the result. Only when
 * ps_pool_running() < ps_pool_size(). Returns PS_ERR_IO when a worker
 * cannot be started, PS_ERR_USAGE for a path too long, PS_ERR_INTERNAL
 * when the pool is full. */
ps_status ps_pool_submit(ps_pool *p, const char *path, void *tag, ps_error *err);

/* One finished job, from ps_pool_next. */
typedef struct ps_pool_result {
    int done;          /* 1: a job finished, as below; 0: nothing was running */
    void *tag;         /* as given to ps_pool_submit */
    ps_doc *doc;       /* the document (the caller's to free), or NULL */
    ps_status status;  /* the job's own outcome: PS_OK with doc, or a status
                        * of ps_extractor_run_isolated */
    ps_error err;      /* why, when status is not PS_OK */
} ps_pool_result;

/* Waits for the next finished job. Returns PS_OK with res->done = 1 and
 * the job's outcome in res (whatever it is: a PDF that failed is a result,
 * not a failure of the pool), or PS_OK with res->done = 0 when nothing is
 * running. Returns PS_ERR_IO with err set when the pool itself fails (it
 * cannot poll or read the workers' pipes), or PS_ERR_INTERRUPTED once the
 * flag given to ps_pool_watch is set: the jobs still queued are lost
 * and the pool can only be freed; later calls return the same failure. */
ps_status ps_pool_next(ps_pool *p, ps_pool_result *res, ps_error *err);
/* Makes ps_pool_next watch *stop, a flag the caller's signal handler sets
 * (NULL: none). Once it is non-zero, ps_pool_next kills the workers (their
 * process group: the workers are in a group of their own, so a terminal's
 * Ctrl-C reaches only the caller) and returns PS_ERR_INTERRUPTED. A signal
 * that sets the flag while ps_pool_next waits ends the wait at once. */
void ps_pool_watch(ps_pool *p, const volatile sig_atomic_t *stop);
/* Stops running workers. */
void ps_pool_free(ps_pool *p);

/* A document as bytes and back (what an isolated worker sends): one record
 * of core/record.c. Page texts are not carried: ps_doc_page_text gives ""
 * for every page of a document that came back from a worker (isolated
 * extraction or the pool). PS_ERR_INTERNAL when a field cannot be written
 * so that it reads back (a year outside 0..9999, say). */
ps_status ps_doc_serialize(const ps_doc *doc, char **out, size_t *len, ps_error *err);
ps_status ps_doc_deserialize(const char *data, size_t len, ps_doc **out, ps_error *err);

/* The same with a one-off extractor. */
ps_status ps_doc_extract(const char *path, const ps_extract_opts *opts,
                         ps_doc **out, ps_error *err);
const ps_docinfo *ps_doc_info(const ps_doc *doc);
size_t ps_doc_passage_count(const ps_doc *doc);
const ps_passage *ps_doc_passage(const ps_doc *doc, size_t i);
/* Budget table rows found on pages with budget passages. */
size_t ps_doc_budget_count(const ps_doc *doc);
const ps_budget_row *ps_doc_budget_row(const ps_doc *doc, size_t i);
size_t ps_doc_heading_count(const ps_doc *doc);
const ps_heading *ps_doc_heading(const ps_doc *doc, size_t i);
/* Cleaned text of one physical page (0-based); "" for a page without text,
 * and for every page of a document from a worker (see ps_doc_serialize). */
const char *ps_doc_page_text(const ps_doc *doc, int page);
void ps_doc_free(ps_doc *doc);

/* -------------------------------------------------------------------- index */

typedef struct ps_index ps_index;

typedef enum ps_index_mode {
    PS_INDEX_READ = 0,  /* must exist */
    PS_INDEX_WRITE = 1, /* created when missing; takes the writer lock */
    PS_INDEX_PLAIN = 2, /* or'ed in: plain Xapian Swedish stemming, no
                           compounds, å/ä/ö folding, synonyms or spelling;
                           the baseline of 'make eval' */
    PS_INDEX_SHARD_LAN = 4, /* or'ed in with WRITE: a new index is made of
                           one Xapian database per län (or year) under dir,
                           listed in the stub file dir/XAPIANDB, which
                           readers open as one index (docs/SCALING.md); an
                           existing index keeps the split it has */
    PS_INDEX_SHARD_YEAR = 8
} ps_index_mode;

typedef enum ps_shard_by { PS_SHARD_NONE, PS_SHARD_LAN, PS_SHARD_YEAR } ps_shard_by;

/* Runs Xapian's consistency check on every database of the index at dir
 * (each shard of a sharded index; writers run it too, before they write).
 * PS_OK when it is sound, *databases the number checked;
 * PS_ERR_INDEX_CORRUPT with a message naming the damaged table and what
 * to do; PS_ERR_INDEX_MISSING, PS_ERR_INDEX_VERSION (not a plansok
 * index), PS_ERR_USAGE (dir is a file) as ps_index_open. */
ps_status ps_index_check(const char *dir, size_t *databases, ps_error *err);
/* Returns PS_ERR_INDEX_MISSING, _LOCKED, _CORRUPT, _VERSION, _INDEX, _IO. */
ps_status ps_index_open(const char *dir, ps_index_mode mode, ps_index **out,
                        ps_error *err);
/* Adds or replaces a document (all its passages) in one transaction: after
 * a crash the index holds the old version or the new one, never half, and
 * what it changes in other documents (a twin group's head) goes to disk
 * with it. Transactions are committed to disk every ps_index_set_batch()
 * documents (default 64) and when the index is closed. PS_ERR_DOC_REFUSED: this
 * document cannot be stored (nothing of it is, and the documents added
 * before it stay); any other failure is the index's. */
ps_status ps_index_add_doc(ps_index *ix, const ps_doc *doc, ps_error *err);
/* Writes what was added to disk. Closing an index commits too but cannot
 * say that it failed: a writer that reports what it indexed commits first
 * (a full disk fails here; the message says how many documents were lost). */
ps_status ps_index_commit(ps_index *ix, ps_error *err);
/* Documents added since the last commit (they are lost if the next commit fails). */
size_t ps_index_uncommitted(const ps_index *ix);
void ps_index_close(ps_index *ix);
void ps_index_set_batch(ps_index *ix, int documents);

/* What ingest should do with a file, from comparing it with the index: by
 * path, size and modification time (to the nanosecond) first, then by
 * content hash. */
typedef enum ps_file_state {
    PS_FILE_NEW,        /* not indexed */
    PS_FILE_UNCHANGED,  /* indexed as it is (a new mtime alone is recorded) */
    PS_FILE_CHANGED,    /* indexed from this path with other contents (its
                           new ones may be indexed from another path too) */
    PS_FILE_MOVED,      /* its contents are indexed from a path that is gone
                           or holds other contents now */
    PS_FILE_DUPLICATE,  /* its contents are indexed from another path that
                           still holds them */
    PS_FILE_STALE       /* indexed as it is from this path, but read by an
                           earlier version of ingest, or by this one with
                           other rules or another word list */
} ps_file_state;

/* Classifies path; reader is the stamp of the extractor that would read it
 * (ps_extractor_stamp; NULL: any will do). *other receives the other
 * indexed path for MOVED and DUPLICATE (caller frees), else NULL. May
 * record a new mtime. */
ps_status ps_index_check_file(ps_index *ix, const char *path, const char *reader, ps_file_state *state,
                              char **other, ps_error *err);
/* Removes the documents whose files are gone: stat() says there is no such
 * file (ENOENT, ENOTDIR). A file that cannot be stat'ed for another
 * reason (a directory without permission) may be there and stays, and so
 * does every document under one of the nkeep directories of keep (whole
 * resolved paths: those the caller could not read). *removed counts. */
ps_status ps_index_prune(ps_index *ix, const char *const *keep, size_t nkeep, size_t *removed, ps_error *err);

/* Documents that name no organisation but a kommun's unit ("tekniska
 * nämnden") take the kommun of the other documents in their folder, when
 * all of those (at least two) that name a kommun name the same one: an
 * archive of one kommun's board papers. The fields are listed in
 * from_folder; corrections by hand win. *changed counts the documents. */
ps_status ps_index_infer_folders(ps_index *ix, size_t *changed, ps_error *err);

/* ------------------------------------------------------------ corrections */

/* An analyst's correction of a document's metadata. A field left at its
 * _INIT value stays as it is; org "" and lan -1, year 0 set "unknown". */
#define PS_FIX_KEEP (-2)
typedef struct ps_fix {
    const char *org;    /* a register name or code ("Nacka kommun", "0182",
                           "VGR") becomes the register's name, code and län */
    const char *unit;
    int lan;            /* PS_FIX_KEEP, -1, or 0..20 */
    int year;           /* PS_FIX_KEEP, 0, or 1900..2100 */
    int kind;           /* PS_FIX_KEEP or a ps_kind */
} ps_fix;

#define PS_FIX_INIT { NULL, NULL, PS_FIX_KEEP, PS_FIX_KEEP, PS_FIX_KEEP }

/* Records a correction for the document `which` (its docid, path or file
 * name, or a unique part of the file name) and applies it at once to all
 * that is indexed for it. Corrections are kept in the index by the
 * document's contents: they survive re-ingest, a move of the file and
 * --prune, are applied whenever the document is added again, and its
 * by_hand field lists them. *docid (may be NULL) receives the document's
 * id. PS_ERR_USAGE for no or several matching documents, or a value out
 * of range. */
ps_status ps_index_fix(ps_index *ix, const char *which, const ps_fix *fix, char **docid, ps_error *err);

/* A metadata file: corrections for many files at once, a TSV with a
 * header row naming its columns: file (required: a path, a file name or a
 * folder, which applies to every file under it), and any of org, unit,
 * lan (or region, län), year, kind. '#' lines are comments; an empty
 * cell leaves the field as detected; a cell in double quotes is read as a
 * spreadsheet writes it, and a byte-order mark is skipped. */
typedef struct ps_metafile ps_metafile;
/* Reads and checks every row. PS_ERR_IO when it cannot be read, and
 * PS_ERR_USAGE for no header or no file column; a bad row does not stop
 * the reading: ps_metafile_problem lists one line for each
 * ("meta.tsv:3: unknown län 'Atlantis'"), and a caller should apply
 * nothing from a file with problems. */
ps_status ps_metafile_read(const char *path, ps_metafile **out, ps_error *err);
size_t ps_metafile_problems(const ps_metafile *mf);
const char *ps_metafile_problem(const ps_metafile *mf, size_t i);
/* The correction for a file (absolute path): the fields of the rows that
 * match it are set in *fix (the caller's; PS_FIX_INIT for none before),
 * later rows over earlier ones; 0 when no row matches. Strings set in
 * *fix belong to mf. */
int ps_metafile_match(ps_metafile *mf, const char *abs_path, ps_fix *fix);
/* After matching: the rows that matched no file, each as one line
 * ("meta.tsv:4: 'x.pdf' matched no file of this run"), else NULL. */
size_t ps_metafile_rows(const ps_metafile *mf);
const char *ps_metafile_row_unused(const ps_metafile *mf, size_t i);
void ps_metafile_free(ps_metafile *mf);

/* Adds the synonym groups of a file ("ESF = Europeiska socialfonden", one
 * group per line, '#' comments) to the built-in ones (core/synonyms.txt). */
ps_status ps_index_add_synonyms(ps_index *ix, const char *path, ps_error *err);

/* The directory used when neither --db nor PLANSOK_DB is given:
 * $XDG_DATA_HOME/plansok/index or ~/.local/share/plansok/index.
 * The caller free()s the result; NULL when HOME is unset too. */
char *ps_index_default_dir(void);

/* -------------------------------------------------------------------- query */

/* Filters that apply on top of the query text. */
#define PS_LAN_NONE (-2) /* ps_query_opts.lan: documents without a län */

typedef struct ps_query_opts {
    int lan;            /* -1: any; PS_LAN_NONE: none known */
    int year_from;      /* 0: no lower bound */
    int year_to;        /* 0: no upper bound */
    int kind;           /* -1: any */
    int section;        /* -1: any */
    size_t limit;       /* hits to return; 0 means 20 */
    const char *org;    /* NULL or "": any; else as the filter org: takes it
                           (a name, or any name or code of a register body) */
    const char *unit;   /* NULL or "": any; else as the filter unit: takes it
                           (the unit within the organisation, "socialnämnden") */
} ps_query_opts;

#define PS_QUERY_OPTS_INIT { -1, 0, 0, -1, -1, 20, NULL, NULL }

/* The most words (runs of text between spaces: words, operators,
 * filters) a query may have; a longer one is PS_ERR_BAD_QUERY. Each word
 * widens to compound parts and folded forms, and Xapian's work grows with
 * their number: a paragraph pasted as a query is a mistake. */
#define PS_QUERY_MAX_WORDS 200

/* A byte range [start, end) of a snippet that matched the query. */
typedef struct ps_mark {
    size_t start, end;
} ps_mark;

typedef struct ps_hit {
    double score;       /* 0..100, Xapian's percentage */
    char *docid;
    char *file;
    char *org;
    char *org_code;     /* as in ps_docinfo */
    char *unit;
    char *lang;
    char *date;
    int period_from, period_to;
    int lan;
    int year;
    ps_kind kind;
    int page;           /* 0-based physical page */
    ps_section section;
    char *heading;
    char *snippet;      /* part of the passage around the matches */
    ps_mark *marks;
    size_t nmarks;
    char *text;         /* the whole passage */
    int contents;       /* 1: a table of contents (ps_passage) */
} ps_hit;

typedef struct ps_hits {
    char *query;        /* as typed */
    char *suggestion;   /* "did you mean" when nothing matched, else "" */
    size_t total;       /* estimated number of matching passages */
    ps_hit *hits;
    size_t n;
} ps_hits;

/* Query language: words (Swedish stemming), "phrases", AND (default), OR,
 * NOT, parentheses, and filters lan:, year:Y or year:A..B, kind:, org:,
 * unit: (nämnd:), lang:, section:. An empty query matches every passage the options allow.
 * Returns PS_ERR_BAD_QUERY with a message naming the query on a syntax
 * error, an unknown filter value, a query that is not UTF-8, one without
 * an indexed word ("*", an emoji) and one that only leaves things out
 * ("-kommun", "NOT kommun") or has more than PS_QUERY_MAX_WORDS words.
 * Every query function (matrix, compare,
 * report, docs, goals) checks its query the same way. */
ps_status ps_search(ps_index *ix, const char *query, const ps_query_opts *o,
                    ps_hits **out, ps_error *err);
void ps_hits_free(ps_hits *h);

/* Count of matching passages and documents per län and year. */
typedef struct ps_matrix {
    char *query;
    int nlan, nyear;
    int *lans;          /* county indexes, in ps_lan order; -1 is "unknown" */
    int *years;         /* ascending; 0 is "unknown" */
    unsigned *passages; /* nlan * nyear, row-major by län */
    unsigned *docs;     /* likewise */
    unsigned *lan_passages, *lan_docs;   /* row totals, nlan each */
    unsigned *year_passages, *year_docs; /* column totals, nyear each */
    unsigned total_passages, total_docs;
    unsigned twins;     /* documents in the index left out as other
                           renderings of counted ones (docs lists them) */
} ps_matrix;

ps_status ps_matrix_run(ps_index *ix, const char *query,
                        const ps_query_opts *o, ps_matrix **out,
                        ps_error *err);
void ps_matrix_free(ps_matrix *m);

typedef struct ps_doclist {
    ps_docinfo *docs;
    size_t n;
} ps_doclist;

/* Every indexed document, sorted by län, year, file. */
ps_status ps_docs_list(ps_index *ix, ps_doclist **out, ps_error *err);
/* The documents with a passage matching query (NULL or "" for any: the
 * filters alone, typed in it or in o) and their other renderings (twins),
 * in the same order. PS_ERR_BAD_QUERY as ps_search. */
ps_status ps_docs_query(ps_index *ix, const char *query, const ps_query_opts *o, ps_doclist **out,
                        ps_error *err);
void ps_doclist_free(ps_doclist *l);
/* The version of ingest that read d against this one (PS_EXTRACT_VERSION):
 * below 0 an earlier one (ingest of its file reads it again; a record
 * without a reader counts as version 0), 0 this one, above 0 a later one
 * (ingest leaves it as it is). */
int ps_docinfo_version_cmp(const ps_docinfo *d);

typedef struct ps_budget {
    ps_budget_row *rows;
    size_t n;
} ps_budget;

/* Budget rows of the indexed documents that pass the filters (lan, years,
 * kind, org, unit; limit and section are ignored), by län, year, file and
 * page; with a query (NULL or "" for none), the rows whose label or table
 * names its topic ("investeringar" keeps "Investeringsprognos"'s rows and
 * "Expansionsinvestering"). */
ps_status ps_budget_list(ps_index *ix, const char *query, const ps_query_opts *o, ps_budget **out, ps_error *err);
void ps_budget_free(ps_budget *b);

/* ------------------------------------------------------------------ goals */

typedef enum ps_goal_change {
    PS_GOAL_KEPT,       /* the same words */
    PS_GOAL_REWORDED,   /* similar, with changed words */
    PS_GOAL_NEW,        /* only in the later year */
    PS_GOAL_DROPPED,    /* only in the earlier year */
    PS_GOAL_UNFOLLOWED, /* only in the earlier year, whose organisation and
                           unit have no goal passages in the later year:
                           not dropped, for nothing later states their goals */
    PS_GOAL_FIRST,      /* only in the later year, whose organisation and
                           unit had no goal passages in the earlier year */
    PS_GOAL_IN_FORCE,   /* only in one year, stated by a plan, budget or
                           strategy for a period that covers the other year
                           too (a plan for 2026–2031), and nothing there
                           takes its place (docs/CLI.md): it holds in both */
    PS_GOAL_CHANGE_COUNT
} ps_goal_change;

const char *ps_goal_change_name(ps_goal_change c); /* "kept", ... */

/* Where a goal is stated. */
typedef struct ps_goal_place {
    char *file;
    int page;           /* 0-based physical page */
} ps_goal_place;

/* One goal statement: a sentence of a passage tagged mal that states a
 * goal (see ps_goal_statement_kind). */
typedef struct ps_goal {
    int year;
    char *file;
    int page;           /* 0-based physical page */
    char *heading;
    char *text;
    ps_goal_place *also; /* the same goal stated again that year (same or
                            nearly the same words), in document order */
    size_t nalso;
    int period_from, period_to; /* the period of the document stating it
                           (2026, 2031: a plan for 2026–2031), widened by
                           others of its kind stating it for overlapping
                           periods; 0 when none gives one */
} ps_goal;

/* What a statement is taken for (ps_goal_statement_kind). */
typedef enum ps_statement_kind {
    PS_STATEMENT_GOAL,     /* a goal */
    PS_STATEMENT_FRAGMENT, /* starts with a lower-case letter: a piece of a
                              sentence cut elsewhere */
    PS_STATEMENT_FACT,     /* starts with a fact cue ("Idag", "Under 2011") */
    PS_STATEMENT_NO_CUE    /* has no goal cue ("ska", "mål", "öka" ...) */
} ps_statement_kind;

/* Whether a statement reads as a goal: it must not start with a lower-case
 * letter or a fact cue, and must hold a goal cue. The cue words are one
 * table in query/statements.c (documented in docs/CLI.md). Statements as
 * goals lists them come without a list's bullet, and a listed goal's next
 * clause without its "att" ("Fler blanketter ska vara digitaliserade"); a
 * statement given here as "att …" is a fragment. */
ps_statement_kind ps_goal_statement_kind(const char *statement);

typedef enum ps_diff_op { PS_DIFF_SAME, PS_DIFF_DEL, PS_DIFF_ADD } ps_diff_op;

/* A word-level difference: runs of words kept, removed or added. */
typedef struct ps_diff {
    ps_diff_op op;
    char *text;
} ps_diff;

/* How one goal fared from one year to the next. from/to index goals[];
 * -1 when absent (new, first: from is -1; dropped, unfollowed: to is -1;
 * in force: either). */
typedef struct ps_goal_link {
    int from_year, to_year;
    ps_goal_change change;
    long from, to;
    double similarity;  /* 0..1 */
    ps_diff *diff;      /* for reworded goals, else NULL */
    size_t ndiff;
} ps_goal_link;

/* What a year gave: the numbers that say why goals are there or not. */
typedef struct ps_goal_year {
    int year;
    unsigned docs;           /* documents in scope (a twin counted once) */
    unsigned passages;       /* their passages tagged mal */
    unsigned topic_passages; /* of those, passages about the topic (all of
                                them without one) */
    unsigned statements;     /* sentences of those passages */
    unsigned not_goals;      /* left out: not goals (ps_statement_kind) */
    unsigned named;          /* goals named outright in passages not tagged
                                mal ("Målet är att …" under "Bakgrund") */
    unsigned repeats;        /* left out: a goal already stated that year */
    unsigned others;         /* left out: goals of others, under a heading
                                over a motion or other proposal put to the
                                body ("§ 67 Motion om …" in minutes), over
                                national or international goals or the law
                                ("Internationell och nationell nivå") */
    unsigned goals;          /* goals: statements + named - not_goals - repeats */
    unsigned listed;         /* of those, about the topic and compared with
                                no other year's (one year, or the only one
                                with goals): listed as they are */
} ps_goal_year;

typedef struct ps_goals {
    int lan;             /* the län asked for, or -1 */
    char *org;           /* the organisation asked for (its register name
                            when the register knows it), or NULL */
    char *name;          /* what the goals are of: "Jönköpings län",
                            "Alingsås kommun", "Alingsås kommun, Västra
                            Götalands län" */
    ps_goal_year *years; /* every year asked for, ascending */
    int nyears;
    ps_goal *goals;      /* the goals links refer to */
    size_t ngoals;
    ps_goal_link *links; /* year pair by year pair, in document order */
    size_t nlinks;
    size_t counts[PS_GOAL_CHANGE_COUNT]; /* links per ps_goal_change */
} ps_goals;

/* Goal statements of a län or an organisation (scope->lan, scope->org;
 * at least one of them), year by year, aligned each year with the next
 * year that has goals. years (ascending) are the years to compare; NULL/0
 * means every year with documents in scope, within
 * scope->year_from..year_to when given (PS_ERR_USAGE when there is none).
 * With one year, its goals are listed: goals[] holds them (those about the
 * query when there is one) and there are no links. Within a
 * year, a goal stated again with the same or nearly the same words counts
 * once. A query (may be NULL or "") keeps the links where either goal
 * comes from a passage that matches it; goals are aligned without it, so a
 * goal is dropped only when the later year has no goal like it at all.
 * scope->kind narrows the documents; section and limit are ignored. No
 * links (nlinks 0) is not an error: years[] says why. */
ps_status ps_goals_compare(ps_index *ix, const ps_query_opts *scope, const int *years, int nyears,
                           const char *query, ps_goals **out, ps_error *err);
void ps_goals_free(ps_goals *g);

/* ---------------------------------------------------------------- compare */

/* One län and year of a topic. */
typedef struct ps_compare_cell {
    int lan, year;
    unsigned passages, docs;
    unsigned sections[PS_SECTION_COUNT]; /* passages per section kind */
    long best;          /* index into ps_compare.best->hits, or -1 */
} ps_compare_cell;

/* A län's documents year by year and whether the topic is in them. */
typedef struct ps_compare_row {
    int lan;
    int nyears;
    int *years;             /* years with documents, ascending */
    unsigned char *present; /* the topic has passages that year */
    int *appears;           /* years the topic is there and was not the */
    int nappears;           /* year before (or the first year) */
    int *disappears;        /* years the topic is gone after a year with it */
    int ndisappears;
} ps_compare_row;

typedef struct ps_compare {
    char *query;
    ps_compare_cell *cells; /* by län, then year */
    size_t ncells;
    ps_hits *best;          /* the best passage of each cell */
    ps_compare_row *rows;   /* one per län with hits */
    size_t nrows;
} ps_compare;

/* A topic side by side per län and year. Filters as for ps_search. */
ps_status ps_compare_run(ps_index *ix, const char *query, const ps_query_opts *o, ps_compare **out,
                         ps_error *err);
void ps_compare_free(ps_compare *c);

/* A document's outline, and optionally its passages in order. */
typedef struct ps_outline {
    ps_docinfo info;
    ps_heading *headings;
    size_t nheadings;
    ps_hits *passages;  /* NULL unless asked for; snippets are empty */
    long *under;        /* with passages: for each, the index of the heading
                           it follows in headings[], -1 before the first */
} ps_outline;

/* Finds one indexed document by docid, path or file name (a unique
 * substring of the file name will do). PS_ERR_USAGE when none or several
 * match, with a message naming them. */
ps_status ps_doc_show(ps_index *ix, const char *which, int with_passages,
                      ps_outline **out, ps_error *err);
void ps_outline_free(ps_outline *o);

/* ----------------------------------------------------------------- report */

/* Everything a report on one topic shows. */
typedef struct ps_report {
    char *query;
    ps_matrix *matrix;
    ps_compare *compare;
    ps_hits *goals;           /* passages tagged mal that state a goal
                                 naming a word of the topic */
    char **goal_statements;   /* per goals hit: those goals, one per line */
    ps_hits *budget_passages; /* passages tagged budget about the topic */
    ps_budget *budget;        /* budget rows whose label or table names a
                                 word of the topic (four letters or more) */
    ps_hits *voices;          /* per compare cell, in its order: the best
                                 passage of each organisation (and unit)
                                 with passages there, most passages first;
                                 a hit without a file names one whose
                                 passages all rank below the cell's first
                                 200 */
    size_t *voice_cell;       /* per voices hit: its index in compare->cells */
    unsigned *voice_passages; /* per voices hit: its organisation's passages
                                 in the cell */
    unsigned *voice_docs;     /* ... and documents */
} ps_report;

/* Gathers a report; goals caps the goal passages (0: 15). Filters as for
 * ps_search. */
ps_status ps_report_run(ps_index *ix, const char *query, const ps_query_opts *o, size_t goals, ps_report **out,
                        ps_error *err);
void ps_report_free(ps_report *r);

#ifdef __cplusplus
}
#endif
#endif

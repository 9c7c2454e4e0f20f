/* metafile.c: corrections for many files at once, as an analyst writes
 * them in a spreadsheet and saves as TSV:
 *
 *   file                      org                 lan                   year  kind
 *   alingsas/                 Alingsås kommun
 *   alingsas/ramar-2027.pdf                                             2027  budget
 *
 * A header row names the columns (file, and any of org, unit, lan, year,
 * kind; Swedish names too). A file cell is a file name, or a path or a
 * folder relative to the metadata file; a folder applies to every file
 * under it. Every row is checked before anything is applied; each bad row
 * gets one problem line naming the file and row. */
#include "plansok-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A row a file: 16 MB holds about 100,000 rows. */
enum { METAFILE_MAX_MB = 16 };

enum col { C_FILE, C_ORG, C_UNIT, C_LAN, C_YEAR, C_KIND, C_COUNT };

static const struct {
    enum col col;
    const char *name;
} col_names[] = {
    { C_FILE, "file" }, { C_FILE, "fil" },      { C_FILE, "path" },   { C_ORG, "org" },
    { C_ORG, "organisation" }, { C_UNIT, "unit" }, { C_UNIT, "enhet" }, { C_LAN, "lan" },
    { C_LAN, "region" }, { C_YEAR, "year" },    { C_YEAR, "ar" },     { C_KIND, "kind" },
    { C_KIND, "typ" },
};

typedef struct row {
    char *target;  /* absolute path or folder ("/x/y/"), or a bare file name */
    bool base;     /* target is a file name, matched against base names */
    ps_fix fix;    /* strings point into org/unit */
    char *org, *unit;
    char *unused;  /* "meta.tsv:4: 'x.pdf' matched no file of this run" */
    size_t hits;   /* files it matched */
} row;

struct ps_metafile {
    row *rows;
    size_t n;
    char **problems;
    size_t nproblems;
};

static void
problem(ps_metafile *mf, const char *path, int line, const char *fmt, const char *value)
{
    char *what = psi_asprintf(fmt, value);
    mf->problems = psi_realloc(mf->problems, (mf->nproblems + 1) * sizeof *mf->problems);
    mf->problems[mf->nproblems++] = psi_asprintf("%s:%d: %s", path, line, what);
    free(what);
}

/* A cell a spreadsheet quoted ("x.pdf", "Nacka ""kommun""") as written. */
static char *
unquote(char *c)
{
    size_t n = strlen(c);
    if (n < 2 || c[0] != '"' || c[n - 1] != '"')
        return c;
    c[n - 1] = '\0';
    char *w = c;
    for (char *r = c + 1; *r; r++) {
        *w++ = *r;
        if (r[0] == '"' && r[1] == '"')
            r++;
    }
    *w = '\0';
    return c;
}

/* The cells of one line, split at tabs, spaces around each trimmed;
 * max + 1 when the line has more than max. */
static size_t
split(char *line, char **cells, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (n == max)
            return max + 1;
        if (tab)
            *tab = '\0';
        cells[n++] = unquote(psi_trim(p));
        if (!tab)
            break;
        p = tab + 1;
    }
    return n;
}

static char *
resolve(const char *dir, const char *cell, bool *folder)
{
    char *joined = cell[0] == '/' ? psi_strdup(cell) : psi_asprintf("%s/%s", dir, cell);
    size_t len = strlen(joined);
    *folder = len > 1 && joined[len - 1] == '/';
    char buf[PATH_MAX];
    struct stat sb;
    if (realpath(joined, buf)) {
        free(joined);
        *folder |= stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode);
        return *folder ? psi_asprintf("%s/", buf) : psi_strdup(buf);
    }
    return joined; /* not there now: matched as written */
}

static void
read_row(ps_metafile *mf, const char *path, const char *dir, int line, char **cells, size_t ncells,
         const int *colof, size_t ncols)
{
    if (ncells > ncols) {
        problem(mf, path, line, "%s", "more cells than the header has columns");
        return;
    }
    const char *named = "";
    row r = { 0 };
    r.fix = (ps_fix)PS_FIX_INIT;
    bool bad = false;
    for (size_t c = 0; c < ncells && !bad; c++) {
        const char *v = cells[c];
        if (!*v)
            continue;
        if (colof[c] < 0)
            continue; /* reported with the header */
        switch ((enum col)colof[c]) {
        case C_FILE:
            named = v;
            if (strchr(v, '/')) {
                bool folder;
                r.target = resolve(dir, v, &folder);
            } else {
                struct stat sb;
                char *near = psi_asprintf("%s/%s", dir, v);
                if (stat(near, &sb) == 0 && S_ISDIR(sb.st_mode)) {
                    bool folder;
                    r.target = resolve(dir, v, &folder);
                } else {
                    r.target = psi_strdup(v);
                    r.base = true;
                }
                free(near);
            }
            break;
        case C_ORG: r.org = psi_strdup(v); break;
        case C_UNIT: r.unit = psi_strdup(v); break;
        case C_LAN:
            if ((r.fix.lan = ps_lan_parse(v)) < 0) {
                problem(mf, path, line, "unknown län '%s'", v);
                bad = true;
            }
            break;
        case C_YEAR: {
            char *end;
            long y = strtol(v, &end, 10);
            if (*end || y < 1900 || y > 2100) {
                problem(mf, path, line, "year '%s' is not a year from 1900 to 2100", v);
                bad = true;
            }
            r.fix.year = (int)y;
            break;
        }
        case C_KIND:
            if ((r.fix.kind = ps_kind_parse(v)) < 0) {
                problem(mf, path, line, "unknown kind '%s' (see docs/DETECTION.md)", v);
                bad = true;
            }
            break;
        case C_COUNT: break;
        }
    }
    if (!bad && !r.target) {
        problem(mf, path, line, "%s", "no file or folder in the file column");
        bad = true;
    }
    if (bad) {
        free(r.target);
        free(r.org);
        free(r.unit);
        return;
    }
    r.unused = psi_asprintf("%s:%d: '%s' matched no file of this run", path, line, named);
    r.fix.org = r.org;
    r.fix.unit = r.unit;
    mf->rows = psi_realloc(mf->rows, (mf->n + 1) * sizeof *mf->rows);
    mf->rows[mf->n++] = r;
}

ps_status
ps_metafile_read(const char *path, ps_metafile **out, ps_error *err)
{
    *out = NULL;
    char *text;
    ps_status st = psi_slurp_settings(path, "metadata file", METAFILE_MAX_MB, &text, err);
    if (st != PS_OK)
        return st;
    /* rows are relative to the metadata file's folder, made absolute */
    char *where = psi_strdup(path);
    char *slash = strrchr(where, '/');
    if (slash)
        *slash = '\0';
    char buf[PATH_MAX];
    char *dir = psi_strdup(realpath(slash ? (*where ? where : "/") : ".", buf) ? buf : where);
    free(where);
    ps_metafile *mf = psi_calloc(1, sizeof *mf);
    int colof[64];
    size_t ncols = 0;
    int lineno = 0;
    /* every line counts, blank ones too: problems name the right line */
    char *start = text;
    if (!strncmp(start, "\xEF\xBB\xBF", 3)) /* the byte-order mark of Excel's "CSV UTF-8" */
        start += 3;
    for (char *line = start, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl)
            *nl++ = '\0';
        lineno++;
        char *cells[64];
        if (line[0] == '#' || !line[strspn(line, " \t\r")])
            continue;
        size_t nc = split(line, cells, 64);
        if (nc > 64) {
            problem(mf, path, lineno, "%s", "more than 64 columns");
            continue;
        }
        if (!ncols) { /* the header */
            bool has_file = false;
            for (size_t c = 0; c < nc; c++) {
                char *f = psi_fold_ascii(cells[c]);
                colof[c] = -1;
                for (size_t k = 0; k < sizeof col_names / sizeof col_names[0]; k++)
                    if (!strcmp(f, col_names[k].name))
                        colof[c] = (int)col_names[k].col;
                if (colof[c] < 0)
                    problem(mf, path, lineno, "unknown column '%s' (file, org, unit, lan, year, kind)", cells[c]);
                for (size_t k = 0; k < c && colof[c] >= 0; k++)
                    if (colof[k] == colof[c]) {
                        problem(mf, path, lineno, "column '%s' is given twice", cells[c]);
                        colof[c] = -1;
                    }
                has_file |= colof[c] == C_FILE;
                free(f);
            }
            ncols = nc;
            if (!has_file) {
                st = psi_fail(err, PS_ERR_USAGE, "%s:%d: the header row has no 'file' column", path, lineno);
                break;
            }
            continue;
        }
        read_row(mf, path, dir, lineno, cells, nc, colof, ncols);
    }
    if (st == PS_OK && !ncols)
        st = psi_fail(err, PS_ERR_USAGE, "%s: no header row (file, org, unit, lan, year, kind)", path);
    free(text);
    free(dir);
    if (st != PS_OK) {
        ps_metafile_free(mf);
        return st;
    }
    *out = mf;
    return PS_OK;
}

size_t
ps_metafile_problems(const ps_metafile *mf)
{
    return mf ? mf->nproblems : 0;
}

const char *
ps_metafile_problem(const ps_metafile *mf, size_t i)
{
    return mf && i < mf->nproblems ? mf->problems[i] : "";
}

size_t
ps_metafile_rows(const ps_metafile *mf)
{
    return mf ? mf->n : 0;
}

const char *
ps_metafile_row_unused(const ps_metafile *mf, size_t i)
{
    return mf && i < mf->n && !mf->rows[i].hits ? mf->rows[i].unused : NULL;
}

int
ps_metafile_match(ps_metafile *mf, const char *abs_path, ps_fix *fix)
{
    const char *base = strrchr(abs_path, '/');
    base = base ? base + 1 : abs_path;
    int matched = 0;
    for (size_t i = 0; mf && i < mf->n; i++) {
        row *r = &mf->rows[i];
        size_t tl = strlen(r->target);
        bool hit = r->base ? !strcmp(base, r->target)
                           : !strcmp(abs_path, r->target) ||
                                 (tl && r->target[tl - 1] == '/' && !strncmp(abs_path, r->target, tl));
        if (!hit)
            continue;
        matched = 1;
        r->hits++;
        if (r->fix.org)
            fix->org = r->fix.org;
        if (r->fix.unit)
            fix->unit = r->fix.unit;
        if (r->fix.lan != PS_FIX_KEEP)
            fix->lan = r->fix.lan;
        if (r->fix.year != PS_FIX_KEEP)
            fix->year = r->fix.year;
        if (r->fix.kind != PS_FIX_KEEP)
            fix->kind = r->fix.kind;
    }
    return matched;
}

void
ps_metafile_free(ps_metafile *mf)
{
    if (!mf)
        return;
    for (size_t i = 0; i < mf->n; i++) {
        free(mf->rows[i].target);
        free(mf->rows[i].org);
        free(mf->rows[i].unit);
        free(mf->rows[i].unused);
    }
    free(mf->rows);
    for (size_t i = 0; i < mf->nproblems; i++)
        free(mf->problems[i]);
    free(mf->problems);
    free(mf);
}

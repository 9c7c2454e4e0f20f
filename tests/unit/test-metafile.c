/* test-metafile.c: metadata files (ps_metafile_read, ps_metafile_match):
 * the problems of bad rows, named by the line in the file, and which rows
 * apply to a file. Cases are data. */
#include "plansok-private.h"
#include "tap.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[PATH_MAX];

/* TSV text -> the problems, joined by ";", the file's path written "M";
 * or "USAGE" when the file cannot be used at all */
static const struct {
    const char *tsv, *want;
} read_cases[] = {
    { "file\tyear\nx.pdf\t2014\n", "" },
    { "file\tlan\tyear\n# a comment\nx.pdf\tAtlantis\t\ny.pdf\t\ttjugo\n",
      "M:3: unknown län 'Atlantis';M:4: year 'tjugo' is not a year from 1900 to 2100" },
    { "file\tyear\n\nx.pdf\ttjugo\n", "M:3: year 'tjugo' is not a year from 1900 to 2100" },
    { "\nfile\tyear\nx.pdf\t1899\n", "M:3: year '1899' is not a year from 1900 to 2100" },
    { "file\tyear\r\nx.pdf\t2101\r\n", "M:2: year '2101' is not a year from 1900 to 2100" },
    { "file\tyear\nx.pdf\t2014x\n", "M:2: year '2014x' is not a year from 1900 to 2100" },
    { "file\tkind\nx.pdf\tbogus\n", "M:2: unknown kind 'bogus' (see docs/DETECTION.md)" },
    { "file\tyear\nx.pdf\t2014\t2015\n", "M:2: more cells than the header has columns" },
    { "file\torg\n\tVGR\n", "M:2: no file or folder in the file column" },
    { "file\tcolour\nx.pdf\tred\n", "M:1: unknown column 'colour' (file, org, unit, lan, year, kind)" },
    { "Fil\tOrganisation\tRegion\tÅr\tTyp\nx.pdf\tVGR\tskåne\t2014\tplan\n", "" },
    { " file \t year \nx.pdf\t 2014 \n", "" },
    /* as a spreadsheet saves it: a byte-order mark, quoted cells, CRLF */
    { "\xEF\xBB\xBF" "file\tyear\r\n\"x.pdf\"\t\"2014\"\r\n", "" },
    { "file\tfile\torg\torg\nx.pdf\ty.pdf\tA\tB\n",
      "M:1: column 'file' is given twice;M:1: column 'org' is given twice" },
    { "file\tyear\n" "x.pdf" "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
      "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n",
      "M:2: more than 64 columns" },
    { "org\tyear\nx.pdf\t2014\n", "USAGE" },
    { "# nothing but a comment\n", "USAGE" },
    { "", "USAGE" },
};

/* one metadata file, then a path under dir -> the correction, as
 * "org|unit|lan|year|kind", '-' for a field left as detected; "none"
 * when no row matches */
static const char match_tsv[] = "file\torg\tunit\tlan\tyear\tkind\n"
                                "sub/\tVGR\t\t\t2014\t\n"
                                "a.pdf\t\t\t\t2015\tplan\n"
                                "sub/b.pdf\t\tregionstyrelsen\tuppsala\t2016\t\n"
                                "folder\t\t\tgotland\t\t\n";

static const struct {
    const char *path, *want;
} match_cases[] = {
    { "sub/b.pdf", "VGR|regionstyrelsen|uppsala|2016|-" },
    { "sub/a.pdf", "VGR|-|-|2015|plan" },
    { "sub/deeper/c.pdf", "VGR|-|-|2014|-" },
    { "elsewhere/a.pdf", "-|-|-|2015|plan" },
    { "elsewhere/c.pdf", "none" },
    { "subway/c.pdf", "none" },
    { "sub", "none" },
    { "folder/x.pdf", "-|-|gotland|-|-" },
};

static char *
write_tsv(const char *name, const char *text)
{
    char *path = psi_asprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static void
test_read(void)
{
    for (size_t i = 0; i < sizeof read_cases / sizeof read_cases[0]; i++) {
        char *path = write_tsv("meta.tsv", read_cases[i].tsv);
        ps_metafile *mf = NULL;
        ps_error err = PS_ERROR_INIT;
        ps_status st = ps_metafile_read(path, &mf, &err);
        psi_buf got = PSI_BUF_INIT;
        if (st == PS_ERR_USAGE)
            psi_buf_adds(&got, "USAGE");
        else if (st != PS_OK)
            psi_buf_adds(&got, "error");
        for (size_t k = 0; st == PS_OK && k < ps_metafile_problems(mf); k++) {
            const char *p = ps_metafile_problem(mf, k);
            if (k)
                psi_buf_adds(&got, ";");
            if (!strncmp(p, path, strlen(path))) {
                psi_buf_adds(&got, "M");
                p += strlen(path);
            }
            psi_buf_adds(&got, p);
        }
        char what[160];
        snprintf(what, sizeof what, "read case %zu", i);
        tap_check_str(psi_buf_str(&got), read_cases[i].want, what, __FILE__, __LINE__);
        psi_buf_release(&got);
        ps_metafile_free(mf);
        free(path);
    }
}

static void
test_match(void)
{
    char *p = psi_asprintf("%s/sub", dir);
    mkdir(p, 0700);
    free(p);
    p = psi_asprintf("%s/folder", dir);
    mkdir(p, 0700);
    free(p);
    char *path = write_tsv("match.tsv", match_tsv);
    ps_metafile *mf = NULL;
    ps_error err = PS_ERROR_INIT;
    CHECK(ps_metafile_read(path, &mf, &err) == PS_OK);
    CHECK(ps_metafile_problems(mf) == 0);
    for (size_t i = 0; mf && i < sizeof match_cases / sizeof match_cases[0]; i++) {
        char *abs = psi_asprintf("%s/%s", dir, match_cases[i].path);
        ps_fix fix = PS_FIX_INIT;
        char got[256];
        if (!ps_metafile_match(mf, abs, &fix)) {
            snprintf(got, sizeof got, "none");
        } else {
            char year[16] = "-";
            if (fix.year != PS_FIX_KEEP)
                snprintf(year, sizeof year, "%d", fix.year);
            snprintf(got, sizeof got, "%s|%s|%s|%s|%s", fix.org ? fix.org : "-", fix.unit ? fix.unit : "-",
                     fix.lan == PS_FIX_KEEP ? "-" : ps_lan_slug(fix.lan), year,
                     fix.kind == PS_FIX_KEEP ? "-" : ps_kind_name((ps_kind)fix.kind));
        }
        char what[160];
        snprintf(what, sizeof what, "match %s", match_cases[i].path);
        tap_check_str(got, match_cases[i].want, what, __FILE__, __LINE__);
        free(abs);
    }
    /* every row matched a case above but folder/'s, which only folder/x.pdf matched */
    size_t unused = 0;
    for (size_t i = 0; i < ps_metafile_rows(mf); i++)
        unused += ps_metafile_row_unused(mf, i) != NULL;
    CHECK(ps_metafile_rows(mf) == 4 && unused == 0);
    ps_fix none = PS_FIX_INIT;
    char *lone = psi_asprintf("%s/lone.tsv", dir);
    ps_metafile *mf2 = NULL;
    FILE *f = fopen(lone, "w");
    if (f) {
        fputs("file\tyear\nnowhere.pdf\t2014\n", f);
        fclose(f);
    }
    CHECK(ps_metafile_read(lone, &mf2, &err) == PS_OK);
    char *abs = psi_asprintf("%s/a.pdf", dir);
    CHECK(ps_metafile_match(mf2, abs, &none) == 0);
    const char *msg = ps_metafile_row_unused(mf2, 0);
    CHECK(msg && strstr(msg, "lone.tsv:2: 'nowhere.pdf' matched no file of this run"));
    free(abs);
    free(lone);
    ps_metafile_free(mf2);
    ps_metafile_free(mf);
    free(path);
    ps_error e2 = PS_ERROR_INIT;
    char *missing = psi_asprintf("%s/missing.tsv", dir);
    CHECK(ps_metafile_read(missing, &mf, &e2) == PS_ERR_IO && mf == NULL);
    free(missing);
}

int
main(void)
{
    char tmpl[] = "/tmp/plansok-metafile.XXXXXX";
    if (!mkdtemp(tmpl) || !realpath(tmpl, dir)) {
        printf("Bail out! no temporary directory\n");
        return 1;
    }
    test_read();
    test_match();
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}

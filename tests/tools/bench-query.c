/* bench-query.c: query latency for 'make bench' (tests/tools/bench.sh).
 *
 *   bench-query inproc DB QUERIES.TSV
 *       plansok's library, in one process: each query of the file as a
 *       search (10 hits), a search filtered by its län and year, and a
 *       matrix; one untimed pass first, then one timed pass.
 *   bench-query exec QUERIES.TSV [NAME=VALUE...] CMD ARG...
 *       one process per query: CMD with {q}, {qurl} (the query URL-encoded),
 *       {lan} and {year} in its arguments replaced, with NAME=VALUE added
 *       to its environment (replaced likewise), output thrown away; one
 *       untimed pass first.
 *
 * Prints one line per kind: "<kind>\t<queries>\t<p50 ms>\t<p95 ms>\t<mean ms>"
 * and exits 1 when a query fails. */
#define _POSIX_C_SOURCE 200809L
#include "plansok.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { MAXQ = 1000 };

typedef struct query {
    char text[256], lan[64];
    int year;
} query;

static query qs[MAXQ];
static int nq;

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void
report(const char *kind, double *t, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += t[i];
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    int p95 = (int)(0.95 * n + 0.5) - 1;
    printf("%s\t%d\t%.2f\t%.2f\t%.2f\n", kind, n, t[n / 2], t[p95 < 0 ? 0 : p95], sum / n);
}

static void
load(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench-query: cannot read '%s'\n", path);
        exit(2);
    }
    char line[256 + 64 + 32];
    while (fgets(line, sizeof line, f) && nq < MAXQ) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2)
            continue;
        *t1 = *t2 = '\0';
        snprintf(qs[nq].text, sizeof qs[nq].text, "%.255s", line);
        snprintf(qs[nq].lan, sizeof qs[nq].lan, "%.63s", t1 + 1);
        qs[nq].year = atoi(t2 + 1);
        nq++;
    }
    fclose(f);
    if (nq == 0) {
        fprintf(stderr, "bench-query: no queries in '%s'\n", path);
        exit(2);
    }
}

/* 0 search, 1 filtered search, 2 matrix; the time in ms or -1. */
static double
run_inproc(ps_index *ix, const query *q, int kind)
{
    ps_query_opts o = PS_QUERY_OPTS_INIT;
    ps_error err = PS_ERROR_INIT;
    o.limit = 10;
    if (kind == 1) {
        o.lan = ps_lan_parse(q->lan);
        o.year_from = o.year_to = q->year;
    }
    double t0 = now_ms();
    ps_status st;
    if (kind == 2) {
        ps_matrix *m = NULL;
        st = ps_matrix_run(ix, q->text, &o, &m, &err);
        ps_matrix_free(m);
    } else {
        ps_hits *h = NULL;
        st = ps_search(ix, q->text, &o, &h, &err);
        ps_hits_free(h);
    }
    double t = now_ms() - t0;
    if (st != PS_OK) {
        fprintf(stderr, "bench-query: '%s': %s\n", q->text, err.msg);
        return -1;
    }
    return t;
}

static int
inproc(const char *db)
{
    ps_index *ix;
    ps_error err = PS_ERROR_INIT;
    if (ps_index_open(db, PS_INDEX_READ, &ix, &err) != PS_OK) {
        fprintf(stderr, "bench-query: %s\n", err.msg);
        return 2;
    }
    static const char *const names[] = { "search", "search+filters", "matrix" };
    double *t = calloc((size_t)nq, sizeof *t);
    int rc = 0;
    for (int kind = 0; kind < 3; kind++) {
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < nq; i++) {
                double ms = run_inproc(ix, &qs[i], kind);
                if (ms < 0)
                    rc = 1;
                t[i] = ms;
            }
        report(names[kind], t, nq);
    }
    free(t);
    ps_index_close(ix);
    return rc;
}

/* q->text URL-encoded into out (3 * strlen + 1 bytes) */
static void
url_encode(const char *s, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-_.~", c)) {
            *out++ = (char)c;
        } else {
            *out++ = '%';
            *out++ = hex[c >> 4];
            *out++ = hex[c & 15];
        }
    }
    *out = '\0';
}

/* arg with {q}, {qurl}, {lan}, {year} replaced; caller frees */
static char *
subst(const char *arg, const query *q)
{
    size_t cap = strlen(arg) + 1024, n = 0;
    char *out = malloc(cap);
    char url[3 * sizeof q->text + 1];
    for (const char *p = arg; *p;) {
        const char *rep = NULL;
        char year[16];
        size_t skip = 0;
        if (!strncmp(p, "{q}", 3))
            rep = q->text, skip = 3;
        else if (!strncmp(p, "{qurl}", 6))
            url_encode(q->text, url), rep = url, skip = 6;
        else if (!strncmp(p, "{lan}", 5))
            rep = q->lan, skip = 5;
        else if (!strncmp(p, "{year}", 6))
            snprintf(year, sizeof year, "%d", q->year), rep = year, skip = 6;
        if (rep) {
            size_t l = strlen(rep);
            if (n + l + 1 > cap)
                out = realloc(out, cap = (n + l + 1) * 2);
            memcpy(out + n, rep, l);
            n += l;
            p += skip;
        } else {
            if (n + 2 > cap)
                out = realloc(out, cap *= 2);
            out[n++] = *p++;
        }
    }
    out[n] = '\0';
    return out;
}

static double
run_exec(char **cmd, int argc, const query *q)
{
    /* leading NAME=VALUE words go to the environment */
    int nenv = 0;
    while (nenv < argc - 1 && strchr(cmd[nenv], '=') && cmd[nenv][0] >= 'A' && cmd[nenv][0] <= 'Z')
        nenv++;
    size_t nenviron = 0;
    while (environ[nenviron])
        nenviron++;
    char **envp = calloc(nenviron + (size_t)nenv + 1, sizeof *envp);
    for (int i = 0; i < nenv; i++)
        envp[i] = subst(cmd[i], q);
    memcpy(envp + nenv, environ, nenviron * sizeof *envp);
    cmd += nenv;
    argc -= nenv;
    char **argv = calloc((size_t)argc + 1, sizeof *argv);
    for (int i = 0; i < argc; i++)
        argv[i] = subst(cmd[i], q);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    double t0 = now_ms();
    pid_t pid;
    int status = -1;
    if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, envp) == 0)
        waitpid(pid, &status, 0);
    double t = now_ms() - t0;
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    free(argv);
    for (int i = 0; i < nenv; i++)
        free(envp[i]);
    free(envp);
    /* 1 is "nothing found" for plansok, as for grep */
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        fprintf(stderr, "bench-query: '%s' failed for '%s'\n", cmd[0], q->text);
        return -1;
    }
    return t;
}

static int
exec_mode(char **cmd, int argc)
{
    double *t = calloc((size_t)nq, sizeof *t);
    int rc = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nq; i++) {
            double ms = run_exec(cmd, argc, &qs[i]);
            if (ms < 0)
                rc = 1;
            t[i] = ms;
        }
    report("exec", t, nq);
    free(t);
    return rc;
}

int
main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "inproc")) {
        load(argv[3]);
        return inproc(argv[2]);
    }
    if (argc >= 4 && !strcmp(argv[1], "exec")) {
        load(argv[2]);
        return exec_mode(argv + 3, argc - 3);
    }
    fprintf(stderr, "usage: bench-query inproc DB QUERIES.TSV\n"
                    "       bench-query exec QUERIES.TSV [NAME=VALUE...] CMD ARG... ({q} {qurl} {lan} {year} are replaced)\n");
    return 2;
}

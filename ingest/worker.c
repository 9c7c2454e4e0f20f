/* worker.c: isolated extraction. PDFs are read in worker processes with
 * limits on address space, CPU time and wall time; a worker sends each
 * finished document back over a pipe (ps_doc_serialize), so the parent and
 * its open index never see half a document, whatever poppler does. The
 * reasons a worker can fail become statuses: "timed out after 60 s",
 * "killed: out of memory", "crashed: SIGSEGV". POSIX only; no GLib here.
 *
 * Workers are started once, when the pool is made (while the parent is
 * still small), and each reads many PDFs: forking per PDF from a writer
 * that holds a batch of Xapian changes cost more than the extraction, in
 * copied page tables and copy-on-write faults. A worker that dies is
 * replaced for the next PDF. A worker that has already read other PDFs and
 * then crashes or runs out of memory may have been harmed by them (a slow
 * leak in poppler), so that PDF is tried once more in a fresh worker
 * before it is reported. Workers are replaced after RECYCLE_AFTER PDFs.
 *
 * Frames: parent to worker  u32 length, path bytes (EOF: exit)
 *         worker to parent  'K' or 'E', u64 length, then ps_doc_serialize
 *                           bytes or "<status>\t<message>"             */
#define _GNU_SOURCE /* F_SETPIPE_SZ, MSG_NOSIGNAL, strsignal, close_range */
#include "plansok-private.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define PSI_ASAN 1 /* AddressSanitizer reserves terabytes of address space */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PSI_ASAN 1
#endif
#endif


enum { RECYCLE_AFTER = 500 };

/* Writes all of p to fd. A socket is written with send(MSG_NOSIGNAL), so a
 * dead worker is an error return, not a SIGPIPE. */
static bool
write_all(int fd, const char *p, size_t n, bool socket)
{
    while (n > 0) {
        ssize_t w = socket ? send(fd, p, n, MSG_NOSIGNAL) : write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static bool
read_all(int fd, char *p, size_t n)
{
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* Test hook (tests/e2e/t600-robustness.sh): PLANSOK_TEST_WORKER=crash,
 * hang, spin or oom makes the worker fail that way, for files whose name
 * holds PLANSOK_TEST_WORKER_MATCH; crash-worn crashes only a worker that
 * has already read another PDF (done > 0). With PLANSOK_TEST_WORKER_TRACE
 * set to a file, each failure appends a line to it first, so a test can
 * count the tries. Never set outside tests. */
static void
test_worker_failure(const char *path, int done)
{
    const char *how = getenv("PLANSOK_TEST_WORKER"), *match = getenv("PLANSOK_TEST_WORKER_MATCH");
    if (!how || !match || !strstr(path, match))
        return;
    if (!strcmp(how, "crash-worn") && done == 0)
        return;
    const char *trace = getenv("PLANSOK_TEST_WORKER_TRACE");
    FILE *f = trace ? fopen(trace, "a") : NULL;
    if (f) {
        fprintf(f, "%s %s after %d\n", how, path, done);
        fclose(f);
    }
    if (!strcmp(how, "crash") || !strcmp(how, "crash-worn"))
        raise(SIGSEGV);
    if (!strcmp(how, "slow")) { /* long, but within a 6 s deadline */
        struct timespec ts = { 4, 0 };
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
            ;
        return;
    }
    if (!strcmp(how, "hang"))
        for (;;)
            pause();
    if (!strcmp(how, "spin"))
        for (volatile unsigned long i = 0;; i++)
            ;
    if (!strcmp(how, "oom-quiet"))
        for (;;) {
            char *p = malloc(64 << 20);
            if (!p)
                abort(); /* as g_malloc and operator new do, without a word */
            memset(p, 1, 64 << 20);
        }
    if (!strcmp(how, "oom"))
        for (;;) {
            char *p = malloc(64 << 20);
            if (!p) {
                fprintf(stderr, "plansok: out of memory\n");
                abort();
            }
            memset(p, 1, 64 << 20);
        }
}

/* The worker's side: reads framed paths from cmd_fd until EOF, answers each
 * with a framed result on data_fd. A CPU limit applies to each job: the soft
 * RLIMIT_CPU is moved to (CPU used so far + the limit) before it starts. */
static void
worker_main(ps_extractor *ex, const ps_limits *lim, int cmd_fd, int data_fd, int err_fd)
{
    dup2(err_fd, STDERR_FILENO);
    close(err_fd);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl);
#ifndef PSI_ASAN
    if (lim->memory_mb > 0) {
        rl.rlim_cur = rl.rlim_max = (rlim_t)lim->memory_mb << 20;
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    for (int done = 0;; done++) {
        uint32_t len;
        if (!read_all(cmd_fd, (char *)&len, sizeof len) || len == 0 || len > 1 << 20)
            _exit(0);
        char *path = malloc((size_t)len + 1);
        if (!path || !read_all(cmd_fd, path, len))
            _exit(0);
        path[len] = '\0';
        if (lim->cpu_seconds > 0 && getrlimit(RLIMIT_CPU, &rl) == 0) {
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            rlim_t want = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1 + lim->cpu_seconds);
            rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || want < rl.rlim_max ? want : rl.rlim_max;
            setrlimit(RLIMIT_CPU, &rl);
        }
        test_worker_failure(path, done);
        ps_doc *doc = NULL;
        ps_error err = PS_ERROR_INIT;
        ps_status st = ps_extractor_run(ex, path, &doc, &err);
        free(path);
        char *data = NULL;
        size_t dlen;
        char kind;
        if (st != PS_OK) {
            kind = 'E';
            data = psi_asprintf("%d\t%s", (int)st, err.msg);
            dlen = strlen(data);
        } else {
            kind = 'K';
            ps_doc_serialize(doc, &data, &dlen);
            ps_doc_free(doc);
        }
        char head[1 + sizeof(uint64_t)];
        uint64_t n64 = dlen;
        head[0] = kind;
        memcpy(head + 1, &n64, sizeof n64);
        if (!write_all(data_fd, head, sizeof head, false) || !write_all(data_fd, data, dlen, false))
            _exit(0);
        free(data);
    }
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A job: one PDF for a worker. */
typedef struct job {
    char *path;
    void *tag;
    bool retried;
} job;

/* One worker process and its jobs, the first one in progress. DEPTH jobs
 * per worker: while the writer is busy, a worker's answer waits in the
 * (enlarged) pipe and the worker goes on with its next PDF. */
enum { DEPTH = 4 };
typedef struct worker {
    pid_t pid;                 /* -1: no process */
    int cmd_fd, data_fd, err_fd;
    int done;                  /* PDFs this process has finished */
    job q[DEPTH];
    int nq;
    bool timed_out;
    double deadline;           /* for q[0] */
    psi_buf data, errtext;
} worker;

struct ps_pool {
    ps_extractor *ex;
    ps_limits lim;
    worker *w;
    int n, running;
    int poll_fail_after, handed; /* test hook PLANSOK_TEST_POLL_FAIL */
};

static void
close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Closes descriptors lo to hi. */
static void
close_span(unsigned lo, unsigned hi)
{
    if (lo > hi || close_range(lo, hi, 0) == 0)
        return;
    long max = sysconf(_SC_OPEN_MAX); /* a kernel without close_range */
    unsigned top = max > 0 && max < 65536 ? (unsigned)max - 1 : 65535;
    for (unsigned fd = lo; fd <= hi && fd <= top; fd++)
        close((int)fd);
}

/* In a new worker: closes every descriptor from 3 up but its own three.
 * Other workers' pipes are not its business, and the writer's files must
 * not outlive the writer: Xapian's lock is an open-file-description lock,
 * held as long as any process has the descriptor, so a worker still busy
 * after the writer was killed would keep the index locked. */
static void
close_inherited(int a, int b, int c)
{
    int keep[3] = { a, b, c }, t;
    for (int i = 0; i < 2; i++) /* sort three */
        for (int k = 0; k < 2 - i; k++)
            if (keep[k] > keep[k + 1])
                t = keep[k], keep[k] = keep[k + 1], keep[k + 1] = t;
    unsigned from = 3;
    for (int k = 0; k < 3; k++) {
        close_span(from, (unsigned)keep[k] - 1);
        from = (unsigned)keep[k] + 1;
    }
    close_span(from, ~0U);
}

static ps_status
spawn(ps_pool *p, worker *w, ps_error *err)
{
    int cp[2], dp[2], ep[2];
    /* a socket, not a pipe, for the commands: send() with MSG_NOSIGNAL
     * to a worker that died fails instead of raising SIGPIPE */
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, cp) < 0)
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    if (pipe(dp) < 0) {
        close(cp[0]), close(cp[1]);
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    }
    if (pipe(ep) < 0) {
        close(cp[0]), close(cp[1]), close(dp[0]), close(dp[1]);
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    }
#ifdef F_SETPIPE_SZ
    fcntl(dp[1], F_SETPIPE_SZ, 1 << 20); /* best effort: room for a whole answer */
#endif
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(cp[0]), close(cp[1]), close(dp[0]), close(dp[1]), close(ep[0]), close(ep[1]);
        return psi_fail(err, PS_ERR_IO, "cannot start a worker: %s", strerror(errno));
    }
    if (pid == 0) {
        close_inherited(cp[0], dp[1], ep[1]);
        worker_main(p->ex, &p->lim, cp[0], dp[1], ep[1]);
        _exit(0);
    }
    close(cp[0]), close(dp[1]), close(ep[1]);
    w->pid = pid;
    w->cmd_fd = cp[1];
    w->data_fd = dp[0];
    w->err_fd = ep[0];
    w->done = 0;
    w->timed_out = false;
    psi_buf_reset(&w->data);
    psi_buf_reset(&w->errtext);
    return PS_OK;
}

/* Ends a worker's process: closing its command socket makes it exit; kill
 * makes sure. Returns the wait status. */
static int
reap(worker *w, bool kill_it)
{
    if (w->pid < 0)
        return 0;
    close_fd(&w->cmd_fd);
    if (kill_it)
        kill(w->pid, SIGKILL);
    close_fd(&w->data_fd);
    close_fd(&w->err_fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = -1;
    return status;
}

static void
send_job(worker *w, const job *j)
{
    size_t len = strlen(j->path);
    uint32_t n32 = (uint32_t)len;
    if (!write_all(w->cmd_fd, (const char *)&n32, sizeof n32, true) ||
        !write_all(w->cmd_fd, j->path, len, true))
        close_fd(&w->cmd_fd); /* it died: reading its answer sees the end */
}

static double
job_deadline(const ps_pool *p)
{
    return p->lim.wall_seconds > 0 ? now() + p->lim.wall_seconds : 0;
}

/* A fresh process for w, given w's queued jobs again from q[from] on. */
static ps_status
restart(ps_pool *p, worker *w, int from, ps_error *err)
{
    reap(w, true);
    ps_status st = spawn(p, w, err);
    if (st != PS_OK)
        return st;
    for (int k = from; k < w->nq; k++)
        send_job(w, &w->q[k]);
    w->deadline = job_deadline(p);
    return PS_OK;
}

ps_status
ps_pool_new(ps_extractor *ex, const ps_limits *limits, int jobs, ps_pool **out, ps_error *err)
{
    ps_pool *p = psi_calloc(1, sizeof *p);
    ps_limits def = PS_LIMITS_INIT;
    p->ex = ex;
    p->lim = limits ? *limits : def;
    p->n = jobs > 0 ? jobs : 1;
    const char *pf = getenv("PLANSOK_TEST_POLL_FAIL");
    p->poll_fail_after = pf ? atoi(pf) : -1;
    p->w = psi_calloc((size_t)p->n, sizeof *p->w);
    for (int i = 0; i < p->n; i++) {
        worker *w = &p->w[i];
        w->pid = -1;
        w->cmd_fd = w->data_fd = w->err_fd = -1;
    }
    for (int i = 0; i < p->n; i++) {
        ps_status st = spawn(p, &p->w[i], err);
        if (st != PS_OK) {
            ps_pool_free(p);
            *out = NULL;
            return st;
        }
    }
    *out = p;
    return PS_OK;
}

int
ps_pool_running(const ps_pool *p)
{
    return p->running;
}

int
ps_pool_size(const ps_pool *p)
{
    return p->n * DEPTH;
}

ps_status
ps_pool_submit(ps_pool *p, const char *path, void *tag, ps_error *err)
{
    /* the worker with the fewest jobs */
    worker *w = NULL;
    for (int i = 0; i < p->n; i++)
        if (p->w[i].nq < DEPTH && (!w || p->w[i].nq < w->nq))
            w = &p->w[i];
    if (!w)
        return psi_fail(err, PS_ERR_INTERNAL, "no free worker; collect one with ps_pool_next first");
    if (strlen(path) > 1 << 20)
        return psi_fail(err, PS_ERR_USAGE, "path too long");
    if (w->nq == 0 && w->pid >= 0 && w->done >= RECYCLE_AFTER)
        reap(w, false);
    if (w->pid < 0) {
        ps_status st = spawn(p, w, err);
        if (st != PS_OK)
            return st;
    }
    job *j = &w->q[w->nq++];
    j->path = psi_strdup(path);
    j->tag = tag;
    j->retried = false;
    if (w->nq == 1) {
        w->deadline = job_deadline(p);
        psi_buf_reset(&w->errtext);
    }
    send_job(w, j);
    p->running++;
    return PS_OK;
}

/* The length of a whole frame at the start of w->data, or 0. */
static size_t
frame_len(const worker *w)
{
    uint64_t n64;
    if (w->data.len < 1 + sizeof n64)
        return 0;
    memcpy(&n64, w->data.s + 1, sizeof n64);
    return w->data.len >= 1 + sizeof n64 + n64 ? 1 + sizeof n64 + (size_t)n64 : 0;
}

/* Removes q[0] from w's queue; the next job's clock starts. */
static void
pop_job(ps_pool *p, worker *w)
{
    free(w->q[0].path);
    memmove(&w->q[0], &w->q[1], (size_t)(w->nq - 1) * sizeof w->q[0]);
    w->nq--;
    w->deadline = job_deadline(p);
    psi_buf_reset(&w->errtext);
    p->running--;
}

/* The outcome of w's first job. Returns 0 when the job was handed to a
 * fresh worker for a second try instead. */
static int
finish(ps_pool *p, worker *w, ps_doc **out, void **tag, ps_status *status, ps_error *err)
{
    *out = NULL;
    const ps_limits *lim = &p->lim;
    ps_status st;
    size_t flen = frame_len(w);
    if (flen) {
        const char *payload = w->data.s + 1 + sizeof(uint64_t);
        size_t plen = flen - 1 - sizeof(uint64_t);
        if (w->data.s[0] == 'K') {
            st = ps_doc_deserialize(payload, plen, out, err);
        } else {
            int code = atoi(payload);
            ps_status s = code > 0 && code < PS_STATUS_COUNT ? (ps_status)code : PS_ERR_INTERNAL;
            const char *msg = memchr(payload, '\t', plen);
            st = msg ? psi_fail(err, s, "%.*s", (int)(plen - (size_t)(msg + 1 - payload)), msg + 1)
                     : psi_fail(err, s, "extraction failed");
        }
        memmove(w->data.s, w->data.s + flen, w->data.len - flen);
        w->data.len -= flen;
        w->done++;
    } else {
        bool timed_out = w->timed_out;
        int ws = reap(w, true);
        const char *et = psi_buf_str(&w->errtext);
        bool oom = strstr(et, "out of memory") || strstr(et, "failed to allocate");
        int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
        if (timed_out) {
            st = psi_fail(err, PS_ERR_TIMEOUT, "timed out after %d s", lim->wall_seconds);
        } else if (sig == SIGXCPU) {
            st = psi_fail(err, PS_ERR_TIMEOUT, "timed out: used its %d s of CPU time", lim->cpu_seconds);
        } else if (oom || (sig == SIGKILL && lim->memory_mb > 0)) {
            st = psi_fail(err, PS_ERR_OOM, "killed: out of memory (limit %ld MB)", lim->memory_mb);
        } else if (sig) {
            st = psi_fail(err, PS_ERR_CRASHED, "crashed: %s",
                          sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGFPE ? "SIGFPE"
                          : sig == SIGABRT ? "SIGABRT" : sig == SIGILL ? "SIGILL" : strsignal(sig));
        } else {
            st = psi_fail(err, PS_ERR_CRASHED, "crashed: the worker ended without a result (exit %d)",
                          WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
        }
        /* a worker that had read other PDFs may have been worn down by
         * them: one more try in a fresh one */
        bool again = (st == PS_ERR_CRASHED || st == PS_ERR_OOM) && w->done > 0 && !w->q[0].retried;
        if (again) {
            w->q[0].retried = true;
            ps_error e2 = PS_ERROR_INIT;
            if (restart(p, w, 0, &e2) == PS_OK) {
                if (err)
                    *err = (ps_error)PS_ERROR_INIT;
                return 0;
            }
        }
        /* the jobs queued behind it go to a fresh worker */
        if (w->nq > 1) {
            ps_error e2 = PS_ERROR_INIT;
            restart(p, w, 1, &e2); /* on failure the queued jobs end as crashed */
        }
    }
    *status = st;
    *tag = w->q[0].tag;
    pop_job(p, w);
    return 1;
}

int
ps_pool_next(ps_pool *p, ps_doc **out, void **tag, ps_status *status, ps_error *err)
{
    *out = NULL;
    if (p->running == 0)
        return 0;
    char buf[65536];
    for (;;) {
        /* a job with its whole answer, or whose worker has gone, or whose
         * time is up, is done */
        double t = now(), soonest = 0;
        for (int i = 0; i < p->n; i++) {
            worker *w = &p->w[i];
            if (w->nq == 0)
                continue;
            bool whole = frame_len(w) > 0;
            if (!whole && w->deadline && t >= w->deadline)
                w->timed_out = true;
            if (whole || w->timed_out || w->data_fd < 0) {
                if (!finish(p, w, out, tag, status, err))
                    continue; /* retried in a fresh worker */
                p->handed++;
                return 1;
            }
            if (w->deadline && (!soonest || w->deadline < soonest))
                soonest = w->deadline;
        }
        struct pollfd fds[128];
        worker *owner[128];
        int which[128], n = 0;
        for (int i = 0; i < p->n && n < 126; i++) {
            worker *w = &p->w[i];
            if (w->nq == 0)
                continue;
            if (w->data_fd >= 0) {
                fds[n] = (struct pollfd){ w->data_fd, POLLIN, 0 };
                owner[n] = w;
                which[n++] = 0;
            }
            if (w->err_fd >= 0) {
                fds[n] = (struct pollfd){ w->err_fd, POLLIN, 0 };
                owner[n] = w;
                which[n++] = 1;
            }
        }
        int wait_ms = soonest ? (int)((soonest - now()) * 1000) + 1 : -1;
        if (soonest && wait_ms < 0)
            wait_ms = 0;
        int r = p->poll_fail_after >= 0 && p->handed >= p->poll_fail_after ? (errno = EINVAL, -1)
                                                                             : poll(fds, (nfds_t)n, wait_ms);
        if (r < 0 && errno != EINTR)
            return 0;
        for (int k = 0; k < n && r > 0; k++) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            worker *w = owner[k];
            int *fd = which[k] ? &w->err_fd : &w->data_fd;
            ssize_t got = read(*fd, buf, sizeof buf);
            if (got > 0) {
                psi_buf *b = which[k] ? &w->errtext : &w->data;
                if (!which[k] || b->len < 4096)
                    psi_buf_add(b, buf, (size_t)got);
            } else if (got == 0 || errno != EINTR) {
                close_fd(fd);
            }
        }
    }
}

void
ps_pool_free(ps_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++) {
        worker *w = &p->w[i];
        reap(w, w->nq > 0);
        for (int k = 0; k < w->nq; k++)
            free(w->q[k].path);
        psi_buf_release(&w->data);
        psi_buf_release(&w->errtext);
    }
    free(p->w);
    free(p);
}

ps_status
ps_extractor_run_isolated(ps_extractor *ex, const char *path, const ps_limits *limits, ps_doc **out, ps_error *err)
{
    *out = NULL;
    ps_pool *p;
    ps_status st = ps_pool_new(ex, limits, 1, &p, err);
    if (st != PS_OK)
        return st;
    st = ps_pool_submit(p, path, NULL, err);
    if (st == PS_OK) {
        void *tag;
        ps_pool_next(p, out, &tag, &st, err);
    }
    ps_pool_free(p);
    return st;
}

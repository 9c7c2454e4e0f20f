/* pool.c: the parent side of isolated extraction (ps_pool_*): the worker
 * processes (fork, restart, reap), their job queues, the poll loop over
 * their pipes, the wall-clock deadline of each PDF, and how the end of a
 * worker becomes a status ("timed out after 60 s", "killed: out of
 * memory", "crashed: SIGSEGV"), told by its wait status (and, for
 * SIGKILL, its peak memory) alone. Documents come back serialized, so the
 * parent and its open index never see half of one, whatever poppler does; and within the limits of what one document
 * may bring (ps_limits), whatever the worker does: an answer longer than
 * 4 x max_text_mb + 1 MB is not read on, and a document over a count is
 * refused (ps_doc_check_limits) before the caller sees it.
 *
 * Workers are started with the pool (while the parent is still small), and
 * each reads many PDFs: forking per PDF from a writer that holds a batch of
 * Xapian changes cost more than the extraction, in copied page tables and
 * copy-on-write faults. A worker that dies is replaced. One that had read
 * other PDFs before it crashed or ran out of memory may have been harmed
 * by them (a slow leak in poppler), so that PDF is tried once more in a
 * fresh worker before it is reported. Workers are replaced after
 * RECYCLE_AFTER PDFs.
 *
 * The workers are a process group of their own, so a terminal's Ctrl-C
 * reaches only the caller, and one kill stops them all when the caller's
 * stop flag (ps_pool_watch) is set.
 *
 * Must not: run extraction, set a worker's limits or touch frame bytes
 * (worker.c owns the child side and the wire), read what a worker prints
 * (its stderr is /dev/null), or print. POSIX only; no GLib here. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "plansok-private.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { RECYCLE_AFTER = 500 };
/* Descriptors left free when the pool starts: a Xapian database opens
 * about four more as it commits, and the caller reads one file at a
 * time (measured: an ingest with -j 8 went on with 1 worker where it had
 * 12 descriptors free, with 2 where it had 14). */
enum { RESERVE_FDS = 8 };

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
    int cmd_fd, data_fd;
    int done;                  /* PDFs this process has finished */
    job q[DEPTH];
    int nq;
    bool timed_out;
    double deadline;           /* for q[0] */
    psi_buf data;              /* what the worker has sent so far */
    long peak_mb;              /* the ended process's peak memory (ru_maxrss) */
    uint64_t max_answer;       /* the longest answer taken (from the limits) */
    uint64_t too_large;        /* the length of a longer one it began, or 0 */
} worker;

struct ps_pool {
    ps_extractor *ex;
    ps_limits lim;
    worker *w;
    int n, running;
    struct pollfd *fds;          /* w[i]'s data pipe; fd -1 while w[i] is idle */
    pid_t group;                 /* the workers' process group; 0 before the first */
    const volatile sig_atomic_t *stop; /* the caller's stop flag, or NULL */
    ps_error failed;             /* the pool's own failure, once it failed */
    int poll_fail_after, handed; /* test hook PLANSOK_TEST_POLL_FAIL */
    ps_error shortfall;          /* why fewer workers than asked for started */
};

static void
close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Whether any worker process is there (running, or ended and not yet
 * reaped): the workers' process group lasts exactly as long. */
static bool
any_worker(const ps_pool *p)
{
    for (int i = 0; i < p->n; i++)
        if (p->w[i].pid >= 0)
            return true;
    return false;
}

/* Puts process pid (0: this one) into the workers' process group, or into
 * a new one of its own when there is none (group 0). Returns the group. */
static pid_t
join_group(pid_t pid, pid_t group)
{
    if (group && setpgid(pid, group) == 0)
        return group;
    setpgid(pid, 0);
    return pid ? pid : getpid();
}

static ps_status
spawn(ps_pool *p, worker *w, ps_error *err)
{
    int cp[2], dp[2];
    /* a socket, not a pipe, for the commands: send() with MSG_NOSIGNAL
     * to a worker that died fails instead of raising SIGPIPE */
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, cp) < 0)
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    if (pipe(dp) < 0) {
        close(cp[0]), close(cp[1]);
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    }
#ifdef F_SETPIPE_SZ
    fcntl(dp[1], F_SETPIPE_SZ, 1 << 20); /* best effort: room for a whole answer */
#endif
    if (!any_worker(p))
        p->group = 0; /* the group ended with its last worker: its number is free */
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(cp[0]), close(cp[1]), close(dp[0]), close(dp[1]);
        return psi_fail(err, PS_ERR_IO, "cannot start a worker: %s", strerror(errno));
    }
    if (pid == 0) {
        join_group(0, p->group);
        psi_worker_main(p->ex, &p->lim, cp[0], dp[1]);
        _exit(0);
    }
    p->group = join_group(pid, p->group); /* both sides: whichever runs first */
    close(cp[0]), close(dp[1]);
    w->pid = pid;
    w->cmd_fd = cp[1];
    w->data_fd = dp[0];
    w->done = 0;
    w->timed_out = false;
    psi_buf_reset(&w->data);
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
    int status = 0;
    struct rusage ru = { .ru_maxrss = 0 };
    while (wait4(w->pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    w->peak_mb = ru.ru_maxrss / 1024;
    w->pid = -1;
    return status;
}

static void
send_job(worker *w, const job *j)
{
    if (!psi_worker_send(w->cmd_fd, j->path))
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
    *out = NULL;
    if (jobs > PS_POOL_MAX_JOBS)
        return psi_fail(err, PS_ERR_USAGE, "%d workers are more than %d; use fewer jobs", jobs, PS_POOL_MAX_JOBS);
    ps_pool *p = psi_calloc(1, sizeof *p);
    ps_limits def = PS_LIMITS_INIT;
    p->ex = ex;
    p->lim = limits ? *limits : def;
    p->n = jobs > 0 ? jobs : 1;
    const char *pf = getenv("PLANSOK_TEST_POLL_FAIL");
    p->poll_fail_after = pf ? atoi(pf) : -1;
    p->w = psi_calloc((size_t)p->n, sizeof *p->w);
    p->fds = psi_calloc((size_t)p->n, sizeof *p->fds);
    for (int i = 0; i < p->n; i++) {
        worker *w = &p->w[i];
        w->pid = -1;
        w->cmd_fd = w->data_fd = -1;
        w->max_answer = p->lim.max_text_mb > 0 ? ((uint64_t)p->lim.max_text_mb * 4 + 1) << 20 : UINT64_MAX;
    }
    /* as many workers as the system gives, while RESERVE_FDS descriptors
     * stay free for the caller's index and files: when the descriptors (or
     * processes) run out, fewer workers, never none and no limits */
    int reserve[RESERVE_FDS], held = 0;
    while (held < RESERVE_FDS && (reserve[held] = open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0)
        held++;
    ps_error why = PS_ERROR_INIT;
    int started = 0;
    while (started < p->n && spawn(p, &p->w[started], &why) == PS_OK)
        started++;
    while (held > 0)
        close(reserve[--held]);
    if (started == 0) {
        ps_pool_free(p);
        return psi_fail(err, why.code, "cannot start an extraction worker: %s", why.msg);
    }
    if (started < p->n)
        psi_fail(&p->shortfall, why.code, "%d of %d extraction workers started: %s", started, p->n, why.msg);
    p->n = started;
    *out = p;
    return PS_OK;
}

const char *
ps_pool_shortfall(const ps_pool *p)
{
    return p->shortfall.code != PS_OK ? p->shortfall.msg : NULL;
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
    if (strlen(path) > PSI_WORKER_PATH_MAX)
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
    if (w->nq == 1)
        w->deadline = job_deadline(p);
    send_job(w, j);
    p->running++;
    return PS_OK;
}

/* Removes q[0] from w's queue; the next job's clock starts. */
static void
pop_job(ps_pool *p, worker *w)
{
    free(w->q[0].path);
    memmove(&w->q[0], &w->q[1], (size_t)(w->nq - 1) * sizeof w->q[0]);
    w->nq--;
    w->deadline = job_deadline(p);
    p->running--;
}

/* Why w's process ended without answering: its wait status ws (or the
 * deadline) as a status. A worker that ran out of memory exits with
 * PSI_WORKER_EXIT_OOM (worker.c). SIGKILL is the kernel's OOM killer, or
 * someone else's kill: the OOM killer picks the biggest process, so it is
 * taken for out of memory only when the worker had used at least half its
 * limit (peak_mb, its ru_maxrss). */
static ps_status
ended(const ps_pool *p, bool timed_out, int ws, long peak_mb, ps_error *err)
{
    const ps_limits *lim = &p->lim;
    int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
    int code = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    if (timed_out)
        return psi_fail(err, PS_ERR_TIMEOUT, "timed out after %d s", lim->wall_seconds);
    if (sig == SIGXCPU)
        return psi_fail(err, PS_ERR_TIMEOUT, "timed out: used its %d s of CPU time", lim->cpu_seconds);
    if (code == PSI_WORKER_EXIT_OOM || (sig == SIGKILL && lim->memory_mb > 0 && peak_mb * 2 >= lim->memory_mb))
        return lim->memory_mb > 0
                   ? psi_fail(err, PS_ERR_OOM, "killed: out of memory (limit %ld MB)", lim->memory_mb)
                   : psi_fail(err, PS_ERR_OOM, "killed: out of memory");
    if (sig == SIGKILL)
        return psi_fail(err, PS_ERR_CRASHED, "killed by SIGKILL, from outside plansok (it had used %ld MB)", peak_mb);
    if (sig)
        return psi_fail(err, PS_ERR_CRASHED, "crashed: %s",
                        sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGFPE ? "SIGFPE"
                        : sig == SIGABRT ? "SIGABRT" : sig == SIGILL ? "SIGILL" : strsignal(sig));
    return psi_fail(err, PS_ERR_CRASHED, "crashed: the worker ended without a result (exit %d)", code);
}

/* The outcome of w's first job, into res. Returns false when the job was
 * handed to a fresh worker for a second try instead. */
static bool
finish(ps_pool *p, worker *w, ps_pool_result *res)
{
    ps_status st;
    if (w->too_large) {
        /* not read: its worker is stopped, the jobs behind it go on */
        st = psi_fail(&res->err, PS_ERR_DOC_REFUSED,
                      "too large for the index: its worker's answer is %.1f MB (the limit is %.0f MB: 4 times "
                      "--max-text, and 1 MB)", (double)w->too_large / (1 << 20), (double)w->max_answer / (1 << 20));
        w->too_large = 0;
        reap(w, true);
        if (w->nq > 1)
            restart(p, w, 1, NULL);
    } else if (psi_worker_has_answer(&w->data)) {
        st = psi_worker_take_answer(&w->data, &res->doc, &res->err);
        w->done++;
        /* what a worker says is checked here, whatever the worker did */
        if (st == PS_OK && (st = ps_doc_check_limits(res->doc, &p->lim, &res->err)) != PS_OK) {
            ps_doc_free(res->doc);
            res->doc = NULL;
        }
    } else {
        bool timed_out = w->timed_out;
        int ws = reap(w, true);
        st = ended(p, timed_out, ws, w->peak_mb, &res->err);
        /* a worker that had read other PDFs may have been worn down by
         * them: one more try in a fresh one */
        bool again = (st == PS_ERR_CRASHED || st == PS_ERR_OOM) && w->done > 0 && !w->q[0].retried;
        if (again) {
            w->q[0].retried = true;
            if (restart(p, w, 0, NULL) == PS_OK) {
                res->err = (ps_error)PS_ERROR_INIT;
                return false;
            }
        }
        /* the jobs queued behind it go to a fresh worker (when none can be
         * started, they end as crashed) */
        if (w->nq > 1)
            restart(p, w, 1, NULL);
    }
    res->done = 1;
    res->status = st;
    res->tag = w->q[0].tag;
    pop_job(p, w);
    return true;
}

/* Reads once from w's readable pipe; false when reading fails. An answer
 * longer than the limits allow is not read on: its pipe is closed and
 * finish() refuses it. */
static bool
receive(worker *w)
{
    ssize_t got = psi_worker_receive(w->data_fd, &w->data);
    if (got == 0)
        close_fd(&w->data_fd); /* the worker has gone */
    if (got > 0 && psi_worker_answer_len(&w->data) > w->max_answer) {
        w->too_large = psi_worker_answer_len(&w->data);
        close_fd(&w->data_fd);
    }
    return got >= 0 || errno == EINTR || errno == EAGAIN;
}

/* Reads what w has written without waiting, until its answer is whole or
 * nothing more is there; false when reading fails. */
static bool
drain(worker *w)
{
    while (w->data_fd >= 0 && !psi_worker_has_answer(&w->data)) {
        struct pollfd one = { w->data_fd, POLLIN, 0 };
        int r = poll(&one, 1, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r == 0;
        if (!receive(w))
            return false;
    }
    return true;
}

/* poll() on the busy workers' pipes; or, under the test hook
 * PLANSOK_TEST_POLL_FAIL=N, its failure (EINVAL) on every call once N
 * results were handed out. Never set outside tests. With a stop flag, a
 * signal that sets it after the caller looked must not be slept through:
 * the flag is read again with every signal blocked, and ppoll unblocks
 * them as it starts to wait (a signal then ends the wait with EINTR). */
static int
poll_workers(ps_pool *p, int wait_ms)
{
    for (int i = 0; i < p->n; i++)
        p->fds[i] = (struct pollfd){ p->w[i].nq ? p->w[i].data_fd : -1, POLLIN, 0 };
    if (p->poll_fail_after >= 0 && p->handed >= p->poll_fail_after) {
        errno = EINVAL;
        return -1;
    }
    if (!p->stop)
        return poll(p->fds, (nfds_t)p->n, wait_ms);
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before); /* this thread: the one that waits */
    struct timespec ts = { wait_ms / 1000, (long)(wait_ms % 1000) * 1000000 };
    int r = -1;
    errno = EINTR;
    if (!*p->stop)
        r = ppoll(p->fds, (nfds_t)p->n, wait_ms < 0 ? NULL : &ts, &before);
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    errno = saved;
    return r;
}

/* The pool's own failure: what failed (with errno), or NULL for the one
 * kept from before, which later calls return too. */
static ps_status
pool_failed(ps_pool *p, const char *what, ps_error *err)
{
    if (what)
        psi_fail(&p->failed, PS_ERR_IO, "cannot wait for the extraction workers: %s: %s", what, strerror(errno));
    if (err)
        *err = p->failed;
    return p->failed.code;
}

void
ps_pool_watch(ps_pool *p, const volatile sig_atomic_t *stop)
{
    p->stop = stop;
}

/* The caller's stop flag was set: every worker is killed at once (their
 * jobs are lost; ps_pool_free reaps them), and the pool has failed. */
static ps_status
interrupted(ps_pool *p, ps_error *err)
{
    if (any_worker(p))
        kill(-p->group, SIGKILL);
    psi_fail(&p->failed, PS_ERR_INTERRUPTED, "interrupted");
    return pool_failed(p, NULL, err);
}

ps_status
ps_pool_next(ps_pool *p, ps_pool_result *res, ps_error *err)
{
    *res = (ps_pool_result){ 0, NULL, NULL, PS_OK, PS_ERROR_INIT };
    if (p->failed.code != PS_OK)
        return pool_failed(p, NULL, err);
    if (p->running == 0)
        return PS_OK;
    for (;;) {
        if (p->stop && *p->stop)
            return interrupted(p, err);
        /* a job with its whole answer, or whose worker has gone, or whose
         * time is up, is done */
        double t = now(), soonest = 0;
        for (int i = 0; i < p->n; i++) {
            worker *w = &p->w[i];
            if (w->nq == 0)
                continue;
            bool whole = psi_worker_has_answer(&w->data);
            if (!whole && w->deadline && t >= w->deadline) {
                /* its answer may be in the pipe already, unread while the
                 * caller was busy: only a worker without one timed out */
                if (!drain(w))
                    return pool_failed(p, "read", err);
                whole = psi_worker_has_answer(&w->data);
                w->timed_out = !whole && w->data_fd >= 0;
            }
            if (whole || w->timed_out || w->data_fd < 0) {
                if (!finish(p, w, res))
                    continue; /* retried in a fresh worker */
                p->handed++;
                return PS_OK;
            }
            if (w->deadline && (!soonest || w->deadline < soonest))
                soonest = w->deadline;
        }
        int wait_ms = soonest ? (int)((soonest - now()) * 1000) + 1 : -1;
        if (soonest && wait_ms < 0)
            wait_ms = 0;
        int r = poll_workers(p, wait_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return pool_failed(p, "poll", err);
        for (int i = 0; i < p->n && r > 0; i++) {
            worker *w = &p->w[i];
            if (p->fds[i].fd < 0 || !(p->fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (!receive(w))
                return pool_failed(p, "read", err);
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
    }
    free(p->w);
    free(p->fds);
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
    ps_pool_result res;
    st = ps_pool_submit(p, path, NULL, err);
    if (st == PS_OK)
        st = ps_pool_next(p, &res, err);
    if (st == PS_OK) {
        *out = res.doc;
        st = res.status;
        if (err && st != PS_OK)
            *err = res.err;
    }
    ps_pool_free(p);
    return st;
}

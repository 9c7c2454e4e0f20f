/* worker.c: isolated extraction. Each PDF is read in a child process with
 * limits on address space, CPU time and wall time; the child sends the
 * finished document back over a pipe (ps_doc_serialize), so the parent and
 * its open index never see half a document, whatever poppler does. The
 * reasons a child can fail become statuses: "timed out after 60 s",
 * "killed: out of memory", "crashed: SIGSEGV". POSIX only; no GLib here. */
#define _DEFAULT_SOURCE /* wait4 */
#include "plansok-private.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

static void
write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* Test hook (tests/e2e/t600-robustness.sh): PLANSOK_TEST_WORKER=crash,
 * hang or oom makes the worker fail that way, for files whose name holds
 * PLANSOK_TEST_WORKER_MATCH. Never set outside tests. */
static void
test_worker_failure(const char *path)
{
    const char *how = getenv("PLANSOK_TEST_WORKER"), *match = getenv("PLANSOK_TEST_WORKER_MATCH");
    if (!how || !match || !strstr(path, match))
        return;
    if (!strcmp(how, "crash"))
        raise(SIGSEGV);
    if (!strcmp(how, "hang"))
        for (;;)
            pause();
    if (!strcmp(how, "spin"))
        for (volatile unsigned long i = 0;; i++)
            ;
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

static void
child(ps_extractor *ex, const char *path, const ps_limits *lim, int data_fd, int err_fd)
{
    dup2(err_fd, STDERR_FILENO);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl);
#ifndef PSI_ASAN
    if (lim->memory_mb > 0) {
        rl.rlim_cur = rl.rlim_max = (rlim_t)lim->memory_mb << 20;
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    if (lim->cpu_seconds > 0) {
        rl.rlim_cur = (rlim_t)lim->cpu_seconds;
        rl.rlim_max = (rlim_t)lim->cpu_seconds + 2;
        setrlimit(RLIMIT_CPU, &rl);
    }
    test_worker_failure(path);
    ps_doc *doc = NULL;
    ps_error err = PS_ERROR_INIT;
    ps_status st = ps_extractor_run(ex, path, &doc, &err);
    if (st != PS_OK) {
        char head[600];
        int n = snprintf(head, sizeof head, "E%d\t%s", (int)st, err.msg);
        write_all(data_fd, head, (size_t)n);
        _exit(0);
    }
    char *data;
    size_t len;
    ps_doc_serialize(doc, &data, &len);
    write_all(data_fd, "K", 1);
    write_all(data_fd, data, len);
    _exit(0);
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One extraction in flight. */
typedef struct job {
    pid_t pid;
    int data_fd, err_fd;
    psi_buf data, errtext;
    double deadline;
    bool timed_out;
    void *tag;
} job;

struct ps_pool {
    ps_extractor *ex;
    ps_limits lim;
    job *jobs;
    int njobs, running;
};

ps_status
ps_pool_new(ps_extractor *ex, const ps_limits *limits, int jobs, ps_pool **out, ps_error *err)
{
    (void)err;
    ps_pool *p = psi_calloc(1, sizeof *p);
    ps_limits def = PS_LIMITS_INIT;
    p->ex = ex;
    p->lim = limits ? *limits : def;
    p->njobs = jobs > 0 ? jobs : 1;
    p->jobs = psi_calloc((size_t)p->njobs, sizeof *p->jobs);
    for (int i = 0; i < p->njobs; i++)
        p->jobs[i].pid = -1;
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
    return p->njobs;
}

ps_status
ps_pool_submit(ps_pool *p, const char *path, void *tag, ps_error *err)
{
    int slot = 0;
    while (slot < p->njobs && p->jobs[slot].pid >= 0)
        slot++;
    if (slot == p->njobs)
        return psi_fail(err, PS_ERR_INTERNAL, "no free worker; collect one with ps_pool_next first");
    int dp[2], ep[2];
    if (pipe(dp) < 0)
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    if (pipe(ep) < 0) {
        close(dp[0]);
        close(dp[1]);
        return psi_fail(err, PS_ERR_IO, "cannot create a pipe: %s", strerror(errno));
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(dp[0]);
        close(dp[1]);
        close(ep[0]);
        close(ep[1]);
        return psi_fail(err, PS_ERR_IO, "cannot start a worker: %s", strerror(errno));
    }
    if (pid == 0) {
        close(dp[0]);
        close(ep[0]);
        /* other workers' pipes are not this child's business */
        for (int i = 0; i < p->njobs; i++)
            if (p->jobs[i].pid >= 0) {
                close(p->jobs[i].data_fd);
                close(p->jobs[i].err_fd);
            }
        child(p->ex, path, &p->lim, dp[1], ep[1]);
    }
    close(dp[1]);
    close(ep[1]);
    job *j = &p->jobs[slot];
    memset(j, 0, sizeof *j);
    j->pid = pid;
    j->data_fd = dp[0];
    j->err_fd = ep[0];
    j->deadline = p->lim.wall_seconds > 0 ? now() + p->lim.wall_seconds : 0;
    j->tag = tag;
    p->running++;
    return PS_OK;
}

/* The outcome of a finished (or killed) job. */
static ps_status
finish(ps_pool *p, job *j, ps_doc **out, ps_error *err)
{
    *out = NULL;
    const ps_limits *lim = &p->lim;
    if (j->timed_out)
        kill(j->pid, SIGKILL);
    if (j->data_fd >= 0)
        close(j->data_fd);
    if (j->err_fd >= 0)
        close(j->err_fd);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(j->pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6;
    psi_buf *data = &j->data, *errtext = &j->errtext;
    ps_status st;
    if (j->timed_out) {
        st = psi_fail(err, PS_ERR_TIMEOUT, "timed out after %d s", lim->wall_seconds);
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        bool oom = strstr(psi_buf_str(errtext), "out of memory") || strstr(psi_buf_str(errtext), "failed to allocate");
        if (sig == SIGXCPU || (sig == SIGKILL && lim->cpu_seconds > 0 && cpu >= lim->cpu_seconds - 0.5))
            st = psi_fail(err, PS_ERR_TIMEOUT, "timed out: used its %d s of CPU time", lim->cpu_seconds);
        else if (oom || (sig == SIGKILL && lim->memory_mb > 0))
            st = psi_fail(err, PS_ERR_OOM, "killed: out of memory (limit %ld MB)", lim->memory_mb);
        else
            st = psi_fail(err, PS_ERR_CRASHED, "crashed: %s", sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS"
                                                              : sig == SIGFPE ? "SIGFPE" : sig == SIGABRT ? "SIGABRT"
                                                              : sig == SIGILL ? "SIGILL" : strsignal(sig));
    } else if (data->len > 0 && data->s[0] == 'E') {
        int code = atoi(data->s + 1);
        const char *msg = strchr(data->s, '\t');
        st = psi_fail(err, code > 0 && code < PS_STATUS_COUNT ? (ps_status)code : PS_ERR_INTERNAL, "%s",
                      msg ? msg + 1 : "extraction failed");
    } else if (data->len > 0 && data->s[0] == 'K') {
        st = ps_doc_deserialize(data->s + 1, data->len - 1, out, err);
    } else {
        st = psi_fail(err, PS_ERR_CRASHED, "crashed: the worker ended without a result (exit %d)",
                      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    psi_buf_release(data);
    psi_buf_release(errtext);
    j->pid = -1;
    p->running--;
    return st;
}

int
ps_pool_next(ps_pool *p, ps_doc **out, void **tag, ps_status *status, ps_error *err)
{
    *out = NULL;
    if (p->running == 0)
        return 0;
    char buf[65536];
    for (;;) {
        /* a job whose pipes are both closed, or whose time is up, is done */
        double t = now(), soonest = 0;
        for (int i = 0; i < p->njobs; i++) {
            job *j = &p->jobs[i];
            if (j->pid < 0)
                continue;
            if (j->deadline && t >= j->deadline && (j->data_fd >= 0 || j->err_fd >= 0))
                j->timed_out = true;
            if (j->timed_out || (j->data_fd < 0 && j->err_fd < 0)) {
                *tag = j->tag;
                *status = finish(p, j, out, err);
                return 1;
            }
            if (j->deadline && (!soonest || j->deadline < soonest))
                soonest = j->deadline;
        }
        struct pollfd fds[128];
        job *owner[128];
        int which[128], n = 0;
        for (int i = 0; i < p->njobs && n < 126; i++) {
            job *j = &p->jobs[i];
            if (j->pid < 0)
                continue;
            if (j->data_fd >= 0) {
                fds[n] = (struct pollfd){ j->data_fd, POLLIN, 0 };
                owner[n] = j;
                which[n++] = 0;
            }
            if (j->err_fd >= 0) {
                fds[n] = (struct pollfd){ j->err_fd, POLLIN, 0 };
                owner[n] = j;
                which[n++] = 1;
            }
        }
        int wait_ms = soonest ? (int)((soonest - now()) * 1000) + 1 : -1;
        if (soonest && wait_ms < 0)
            wait_ms = 0;
        int r = poll(fds, (nfds_t)n, wait_ms);
        if (r < 0 && errno != EINTR)
            return 0;
        for (int k = 0; k < n && r > 0; k++) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            job *j = owner[k];
            int *fd = which[k] ? &j->err_fd : &j->data_fd;
            ssize_t got = read(*fd, buf, sizeof buf);
            if (got > 0) {
                psi_buf *b = which[k] ? &j->errtext : &j->data;
                if (!which[k] || b->len < 4096)
                    psi_buf_add(b, buf, (size_t)got);
            } else if (got == 0 || errno != EINTR) {
                close(*fd);
                *fd = -1;
            }
        }
    }
}

void
ps_pool_free(ps_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->njobs; i++) {
        job *j = &p->jobs[i];
        if (j->pid < 0)
            continue;
        kill(j->pid, SIGKILL);
        j->timed_out = false;
        ps_doc *d;
        ps_error e;
        finish(p, j, &d, &e);
        ps_doc_free(d);
    }
    free(p->jobs);
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

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

ps_status
ps_extractor_run_isolated(ps_extractor *ex, const char *path, const ps_limits *limits, ps_doc **out, ps_error *err)
{
    *out = NULL;
    ps_limits def = PS_LIMITS_INIT;
    const ps_limits *lim = limits ? limits : &def;
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
        child(ex, path, lim, dp[1], ep[1]);
    }
    close(dp[1]);
    close(ep[1]);

    psi_buf data = PSI_BUF_INIT, errtext = PSI_BUF_INIT;
    double deadline = lim->wall_seconds > 0 ? now() + lim->wall_seconds : 0;
    bool timed_out = false;
    struct pollfd fds[2] = { { dp[0], POLLIN, 0 }, { ep[0], POLLIN, 0 } };
    int open_fds = 2;
    char buf[65536];
    while (open_fds > 0) {
        int wait_ms = -1;
        if (deadline) {
            double left = deadline - now();
            if (left <= 0) {
                timed_out = true;
                break;
            }
            wait_ms = (int)(left * 1000) + 1;
        }
        int r = poll(fds, 2, wait_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                psi_buf *b = i == 0 ? &data : &errtext;
                if (i == 0 || b->len < 4096)
                    psi_buf_add(b, buf, (size_t)n);
            } else if (n == 0 || (n < 0 && errno != EINTR)) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    if (timed_out)
        kill(pid, SIGKILL);
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6;
    ps_status st;
    if (timed_out) {
        st = psi_fail(err, PS_ERR_TIMEOUT, "timed out after %d s", lim->wall_seconds);
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        bool oom = strstr(psi_buf_str(&errtext), "out of memory") || strstr(psi_buf_str(&errtext), "failed to allocate");
        if (sig == SIGXCPU || (sig == SIGKILL && lim->cpu_seconds > 0 && cpu >= lim->cpu_seconds - 0.5))
            st = psi_fail(err, PS_ERR_TIMEOUT, "timed out: used its %d s of CPU time", lim->cpu_seconds);
        else if (oom || (sig == SIGKILL && lim->memory_mb > 0))
            st = psi_fail(err, PS_ERR_OOM, "killed: out of memory (limit %ld MB)", lim->memory_mb);
        else
            st = psi_fail(err, PS_ERR_CRASHED, "crashed: %s", sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS"
                                                              : sig == SIGFPE ? "SIGFPE" : sig == SIGABRT ? "SIGABRT"
                                                              : sig == SIGILL ? "SIGILL" : strsignal(sig));
    } else if (data.len > 0 && data.s[0] == 'E') {
        int code = atoi(data.s + 1);
        const char *msg = strchr(data.s, '\t');
        st = psi_fail(err, code > 0 && code < PS_STATUS_COUNT ? (ps_status)code : PS_ERR_INTERNAL, "%s",
                      msg ? msg + 1 : "extraction failed");
    } else if (data.len > 0 && data.s[0] == 'K') {
        st = ps_doc_deserialize(data.s + 1, data.len - 1, out, err);
    } else {
        st = psi_fail(err, PS_ERR_CRASHED, "crashed: the worker ended without a result (exit %d)",
                      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    psi_buf_release(&data);
    psi_buf_release(&errtext);
    return st;
}

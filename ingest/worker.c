/* worker.c: the child side of isolated extraction, and the wire between
 * the child and the parent. A worker process (started by pool.c) closes
 * what it inherited, sets its limits (address space, core size, CPU time
 * per PDF), then reads paths framed on its command socket and answers each
 * with one frame on its data pipe: the document from ps_doc_serialize, or
 * the status and message of ps_extractor_run. A worker that runs out of
 * memory says so by its exit status (PSI_WORKER_EXIT_OOM). The test hooks
 * that make a worker fail on purpose live here too.
 *
 * This file must not know about the pool: no queues, deadlines, polling,
 * or statuses made from how a process ended (all in pool.c). The parent
 * reaches it only through the psi_worker_* functions: it never writes or
 * parses frame bytes itself. The child leaves only by _exit (never by
 * returning into the parent's code); its stdout and stderr go to
 * /dev/null, as the library never prints and the parent reads nothing a
 * worker prints.
 *
 * Frames: parent to worker  u32 length, path bytes (EOF: exit)
 *         worker to parent  'K' or 'E', u64 length, then one record
 *                           (core/record.c): the document
 *                           (ps_doc_serialize), or its failure          */
#define _GNU_SOURCE /* close_range */
#include "plansok-private.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define PSI_ASAN 1 /* AddressSanitizer reserves terabytes of address space */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PSI_ASAN 1
#endif
#endif

enum { HEAD = 1 + sizeof(uint64_t) }; /* kind byte and length of an answer */

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

/* Runs out of memory (the address-space limit) 64 MB at a time: through
 * psi_malloc, which says so and aborts; or quietly, as poppler's gmalloc
 * and C++'s operator new abort; or as GLib's g_malloc stops, at a
 * breakpoint (SIGTRAP) after logging, which leaves errno changed. */
static void
test_exhaust_memory(const char *how)
{
    for (;;) {
        char *p = !strcmp(how, "oom") ? psi_malloc(64 << 20) : malloc(64 << 20);
        if (!p && !strcmp(how, "oom-glib")) {
            errno = ENOTTY;
            raise(SIGTRAP);
        }
        if (!p)
            abort();
        memset(p, 1, 64 << 20);
    }
}

/* How a worker sends a failed extraction: one record. */
typedef struct failure {
    int status;
    char *message;
} failure;

static const psi_field failure_fields[] = {
    PSI_FIELD_INT("status", failure, status, 1, PS_STATUS_COUNT - 1),
    PSI_FIELD_STR("message", failure, message),
    PSI_FIELD_END,
};

/* Test hook (tests/e2e/t600-robustness.sh): PLANSOK_TEST_WORKER=crash,
 * hang, spin, slow, oom, oom-quiet or oom-glib makes the worker fail (or,
 * for slow, take 6 s, or N s for slow:N) that way, and huge makes it begin an answer of a
 * terabyte and hang (t670-limits.sh), for files whose name holds
 * PLANSOK_TEST_WORKER_MATCH; crash-worn crashes only a worker that has
 * already read another PDF (done > 0). With PLANSOK_TEST_WORKER_TRACE set
 * to a file, each failure appends a line to it first, so a test can count
 * the tries. Never set outside tests. */
static void
test_worker_failure(const char *path, int done, int data_fd)
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
    if (!strncmp(how, "slow", 4)) { /* "slow" sleeps 6 s, "slow:N" N s */
        struct timespec ts = { how[4] == ':' ? atoi(how + 5) : 6, 0 };
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
            ;
        return;
    }
    if (!strcmp(how, "huge")) {
        char head[HEAD + 4] = { 'K' };
        uint64_t n64 = (uint64_t)1 << 40;
        memcpy(head + 1, &n64, sizeof n64);
        memcpy(head + HEAD, "pdf\t", 4); /* and the start of it */
        write_all(data_fd, head, sizeof head, false);
    }
    if (!strcmp(how, "hang") || !strcmp(how, "huge"))
        for (;;)
            pause();
    if (!strcmp(how, "spin"))
        for (volatile unsigned long i = 0;; i++)
            ;
    if (!strncmp(how, "oom", 3))
        test_exhaust_memory(how);
}

/* How a worker that ran out of memory ends, whoever noticed: a failed
 * malloc leaves errno at ENOMEM, then poppler's gmalloc, C++'s operator
 * new and psi_malloc abort (SIGABRT); GLib's g_malloc logs "failed to
 * allocate" and stops at a breakpoint (SIGTRAP), and its logging changes
 * errno, so in a worker SIGTRAP counts as out of memory by itself (g_error
 * is the only source of it, and allocation failures are g_error's business
 * here). Any other SIGABRT ends the worker by the signal, as before: the
 * default action is back, and the signal raised again is delivered as
 * soon as this returns. */
static void
on_abort_or_trap(int sig)
{
    if (errno == ENOMEM || sig == SIGTRAP)
        _exit(PSI_WORKER_EXIT_OOM);
    signal(sig, SIG_DFL);
    raise(sig);
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

/* In a new worker: closes every descriptor from 3 up but its own two.
 * Other workers' pipes are not its business, and the writer's files must
 * not outlive the writer: Xapian's lock is an open-file-description lock,
 * held as long as any process has the descriptor, so a worker still busy
 * after the writer was killed would keep the index locked. */
static void
close_inherited(int a, int b)
{
    unsigned lo = (unsigned)(a < b ? a : b), hi = (unsigned)(a < b ? b : a);
    close_span(3, lo - 1);
    close_span(lo + 1, hi - 1);
    close_span(hi + 1, ~0U);
}

/* A new worker's process: its own descriptors only, output to /dev/null
 * (where a worker's messages, its libraries' and psi_malloc's, go: the
 * parent learns what happened from frames and the exit status), no core
 * files, the address-space limit, out of memory told by exit status, and
 * SIGINT and SIGTERM ending it as they end any process (it inherits the
 * caller's handlers, which would only set a flag in the worker's copy of
 * the caller's memory, and the worker would go on). */
static void
worker_setup(const ps_limits *lim, int cmd_fd, int data_fd)
{
    close_inherited(cmd_fd, data_fd);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) { /* without it, messages reach the parent's stderr */
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        if (null > STDERR_FILENO)
            close(null);
    }
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl);
#ifdef PSI_ASAN
    (void)lim; /* no address-space limit under AddressSanitizer */
#else
    if (lim->memory_mb > 0) {
        rl.rlim_cur = rl.rlim_max = (rlim_t)lim->memory_mb << 20;
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_abort_or_trap;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* Writes one answer frame; false when the parent is gone. */
static bool
send_answer(int data_fd, char kind, const char *data, size_t dlen)
{
    char head[HEAD];
    uint64_t n64 = dlen;
    head[0] = kind;
    memcpy(head + 1, &n64, sizeof n64);
    return write_all(data_fd, head, sizeof head, false) && write_all(data_fd, data, dlen, false);
}

void
psi_worker_main(ps_extractor *ex, const ps_limits *lim, int cmd_fd, int data_fd)
{
    worker_setup(lim, cmd_fd, data_fd);
    struct rlimit rl;
    for (int done = 0;; done++) {
        uint32_t len;
        if (!read_all(cmd_fd, (char *)&len, sizeof len) || len == 0 || len > PSI_WORKER_PATH_MAX)
            _exit(0);
        char *path = malloc((size_t)len + 1);
        if (!path || !read_all(cmd_fd, path, len))
            _exit(0);
        path[len] = '\0';
        /* the CPU limit is per PDF: the soft RLIMIT_CPU moves to the CPU
         * time used so far plus the limit */
        if (lim->cpu_seconds > 0 && getrlimit(RLIMIT_CPU, &rl) == 0) {
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            rlim_t want = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1 + lim->cpu_seconds);
            rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || want < rl.rlim_max ? want : rl.rlim_max;
            setrlimit(RLIMIT_CPU, &rl);
        }
        errno = 0; /* what a previous PDF left must not read as out of memory */
        test_worker_failure(path, done, data_fd);
        ps_doc *doc = NULL;
        ps_error err = PS_ERROR_INIT;
        ps_status st = ps_extractor_run(ex, path, &doc, &err);
        free(path);
        char *data = NULL;
        size_t dlen = 0;
        bool sent;
        if (st == PS_OK) {
            st = ps_doc_serialize(doc, &data, &dlen, &err);
            ps_doc_free(doc);
        }
        if (st == PS_OK) {
            sent = send_answer(data_fd, 'K', data, dlen);
        } else {
            failure f = { (int)st, err.msg };
            psi_buf b = PSI_BUF_INIT;
            psi_record_put(&b, failure_fields, &f, NULL); /* the status is in range */
            sent = send_answer(data_fd, 'E', psi_buf_str(&b), b.len);
            psi_buf_release(&b);
        }
        free(data);
        if (!sent)
            _exit(0);
    }
}

bool
psi_worker_send(int cmd_fd, const char *path)
{
    size_t len = strlen(path);
    uint32_t n32 = (uint32_t)len;
    return len <= PSI_WORKER_PATH_MAX && write_all(cmd_fd, (const char *)&n32, sizeof n32, true) &&
           write_all(cmd_fd, path, len, true);
}

/* The length of the whole answer frame at the start of b, or 0. */
static size_t
frame_len(const psi_buf *b)
{
    uint64_t n64 = psi_worker_answer_len(b);
    return b->len >= HEAD && n64 <= b->len - HEAD ? HEAD + (size_t)n64 : 0;
}

ssize_t
psi_worker_receive(int data_fd, psi_buf *from)
{
    enum { CHUNK = 65536 };
    psi_buf_reserve(from, CHUNK);
    ssize_t got = read(data_fd, from->s + from->len, CHUNK);
    if (got > 0) {
        from->len += (size_t)got;
        from->s[from->len] = '\0';
    }
    return got;
}

uint64_t
psi_worker_answer_len(const psi_buf *from)
{
    uint64_t n64 = 0;
    if (from->len >= HEAD)
        memcpy(&n64, from->s + 1, sizeof n64);
    return n64;
}

bool
psi_worker_has_answer(const psi_buf *from)
{
    return frame_len(from) > 0;
}

ps_status
psi_worker_take_answer(psi_buf *from, ps_doc **out, ps_error *err)
{
    *out = NULL;
    size_t flen = frame_len(from);
    const char *payload = from->s + HEAD;
    size_t plen = flen - HEAD;
    ps_status st;
    if (from->s[0] == 'K') {
        st = ps_doc_deserialize(payload, plen, out, err);
    } else {
        failure f;
        ps_error e = PS_ERROR_INIT;
        if (psi_record_take(payload, plen, failure_fields, &f, &e) == PS_OK) {
            st = psi_fail(err, (ps_status)f.status, "%s", f.message);
            psi_record_release(failure_fields, &f);
        } else {
            st = psi_fail(err, PS_ERR_INTERNAL, "a worker sent a failure that does not read: %s", e.msg);
        }
    }
    memmove(from->s, from->s + flen, from->len - flen);
    from->len -= flen;
    return st;
}

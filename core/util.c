/* util.c: status phrases, error filling, the allocation policy, a growable
 * string and hashing. Nothing here
 * knows about PDFs, regexes or Xapian. */
#include "plansok-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
ps_status_str(ps_status st)
{
    switch (st) {
    case PS_OK: return "success";
    case PS_ERR_NOMEM: return "out of memory";
    case PS_ERR_USAGE: return "bad usage";
    case PS_ERR_IO: return "cannot read or write a file";
    case PS_ERR_INTERRUPTED: return "interrupted by a signal";
    case PS_ERR_EMPTY_FILE: return "file is empty";
    case PS_ERR_NOT_PDF: return "not a PDF file";
    case PS_ERR_PDF_DAMAGED: return "PDF is damaged";
    case PS_ERR_PDF_ENCRYPTED: return "PDF is encrypted";
    case PS_ERR_PDF_NO_TEXT: return "PDF has no text layer (needs OCR)";
    case PS_ERR_PDF_GARBLED: return "PDF text is not readable (broken font encoding)";
    case PS_ERR_NO_PDFS: return "no PDF files found";
    case PS_ERR_TIMEOUT: return "extraction timed out";
    case PS_ERR_OOM: return "extraction ran out of memory";
    case PS_ERR_CRASHED: return "extraction crashed";
    case PS_ERR_DOC_REFUSED: return "the index cannot take the document";
    case PS_ERR_INDEX_MISSING: return "no index found";
    case PS_ERR_INDEX_LOCKED: return "index is locked";
    case PS_ERR_INDEX_CORRUPT: return "index is corrupt";
    case PS_ERR_INDEX_VERSION: return "index has another schema version";
    case PS_ERR_INDEX: return "index error";
    case PS_ERR_BAD_QUERY: return "bad query";
    case PS_ERR_INTERNAL: return "internal error";
    case PS_STATUS_COUNT: break;
    }
    return "unknown status";
}

ps_status
psi_fail(ps_error *err, ps_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

/* errno is ENOMEM at the abort, so that an isolated worker reports out of
 * memory by its exit status (ingest/worker.c), whatever the message did
 * to errno. */
static void
oom(size_t n)
{
    fprintf(stderr, "plansok: out of memory (%zu bytes)\n", n);
    errno = ENOMEM;
    abort();
}

void *
psi_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *
psi_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *
psi_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *
psi_strndup(const char *s, size_t n)
{
    char *d = psi_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
psi_strdup(const char *s)
{
    return psi_strndup(s ? s : "", strlen(s ? s : ""));
}

char *
psi_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = psi_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void
psi_buf_reserve(psi_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = psi_realloc(b->s, cap);
    b->s[b->len] = '\0'; /* a buffer that has memory holds a string */
    b->cap = cap;
}

void
psi_buf_add(psi_buf *b, const char *s, size_t n)
{
    psi_buf_reserve(b, n);
    if (n) /* s may be NULL when n is 0 (an empty buffer's contents) */
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void
psi_buf_adds(psi_buf *b, const char *s)
{
    psi_buf_add(b, s, strlen(s));
}

void
psi_buf_addc(psi_buf *b, char c)
{
    psi_buf_add(b, &c, 1);
}

void
psi_buf_addf(psi_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    psi_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *
psi_buf_str(psi_buf *b)
{
    return b->s ? b->s : "";
}

char *
psi_buf_detach(psi_buf *b)
{
    char *s = b->s ? b->s : psi_strdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* At most max bytes of a file (0: all of it); NULL on error, errno set
 * (EFBIG: there was more). */
static char *
slurp(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    psi_buf b = PSI_BUF_INIT;
    char chunk[4096];
    size_t n;
    bool big = false;
    while (!big && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        psi_buf_add(&b, chunk, n);
        big = max && b.len > max;
    }
    bool bad = ferror(f);
    int e = errno;
    fclose(f);
    if (bad || big) {
        psi_buf_release(&b);
        errno = big ? EFBIG : e;
        return NULL;
    }
    return psi_buf_detach(&b);
}

char *
psi_slurp(const char *path)
{
    return slurp(path, 0);
}

ps_status
psi_slurp_settings(const char *path, const char *what, int max_mb, char **out, ps_error *err)
{
    *out = slurp(path, (size_t)max_mb << 20);
    if (*out)
        return PS_OK;
    if (errno == EFBIG)
        return psi_fail(err, PS_ERR_USAGE, "%s '%s' is larger than %d MB; is it the right file?", what, path, max_mb);
    return psi_fail(err, PS_ERR_IO, "cannot read %s '%s': %s", what, path, strerror(errno));
}

void
psi_buf_reset(psi_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void
psi_buf_release(psi_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

static uint64_t
fnv_update(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t
psi_hash64(const void *data, size_t n)
{
    return fnv_update(1469598103934665603ULL, data, n);
}

void
psi_hash_hex(const void *data, size_t n, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)psi_hash64(data, n));
}

static const char *
file_kind(mode_t mode)
{
    return S_ISDIR(mode)    ? "a directory"
           : S_ISFIFO(mode) ? "a FIFO"
           : S_ISSOCK(mode) ? "a socket"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
                            : "a special file";
}

ps_status
psi_stat_regular(const char *path, struct stat *sb, ps_error *err)
{
    if (stat(path, sb) < 0)
        return psi_fail(err, PS_ERR_IO, "cannot open: %s", strerror(errno));
    if (!S_ISREG(sb->st_mode))
        return psi_fail(err, PS_ERR_IO, "not a regular file (%s)", file_kind(sb->st_mode));
    return PS_OK;
}

ps_status
psi_open_regular(const char *path, int *fd, struct stat *sb, ps_error *err)
{
    *fd = -1;
    ps_status st = psi_stat_regular(path, sb, err);
    if (st != PS_OK)
        return st;
    int f = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (f < 0)
        return psi_fail(err, PS_ERR_IO, "cannot open: %s", strerror(errno));
    if (fstat(f, sb) < 0 || !S_ISREG(sb->st_mode)) {
        close(f);
        return psi_fail(err, PS_ERR_IO, "not a regular file (it changed while it was opened)");
    }
    *fd = f;
    return PS_OK;
}

ps_status
psi_file_hash(const char *path, char out[17], ps_error *err)
{
    int fd;
    struct stat sb;
    ps_status st = psi_open_regular(path, &fd, &sb, err);
    if (st != PS_OK)
        return st;
    uint64_t h = 1469598103934665603ULL;
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            return psi_fail(err, PS_ERR_IO, "cannot read: %s", strerror(e));
        }
        h = fnv_update(h, buf, (size_t)n);
    }
    close(fd);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
    return PS_OK;
}

const char *
psi_heading_own(const char *path)
{
    const char *own = path;
    for (const char *p = path; (p = strstr(p, " > ")) != NULL; p += 3)
        own = p + 3;
    return own;
}

int
psi_cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

char *
psi_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

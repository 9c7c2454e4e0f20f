/* collect.c: the files "plansok ingest" is given. An operand that is not a
 * directory is taken as it is (the library refuses what is not a regular
 * file, on its own line); a directory is walked for *.pdf in sorted order,
 * each directory once by its device and inode, so that symbolic-link
 * loops end, and each file once the same way (an operand given twice, a
 * link to a file taken already). What cannot be read is reported on one line and counted: a
 * directory that cannot be opened or listed (also kept in unread, so that
 * --prune keeps what is indexed under it), a *.pdf entry that cannot be
 * reached (a dangling symbolic link). Nothing here reads a file. */
#include "cli.h"
#include "escape.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* How deep the walk goes below an operand. */
enum { MAX_DEPTH = 64 };

void
cli_note(bool clear, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (clear)
        fputs("\r\033[K", stderr);
    cli_escape(stderr, line, ESC_PLAIN);
    fputc('\n', stderr);
}

static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 64;
    v = realloc(v, *cap * size);
    if (!v) {
        fprintf(stderr, "plansok: out of memory\n");
        exit(EXIT_FATAL);
    }
    return v;
}

static char *
xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, "plansok: out of memory\n");
        exit(EXIT_FATAL);
    }
    return d;
}

static void
push(char ***v, size_t *n, size_t *cap, const char *s)
{
    *v = grow(*v, cap, *n, sizeof **v);
    (*v)[(*n)++] = xstrdup(s);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_pdf_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

/* Where the file of sb is in the set, or would go; true when it is there. */
static bool
find_id(const cli_idset *s, const struct stat *sb, size_t *at)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const cli_fileid *d = &s->v[mid];
        if (d->dev == sb->st_dev && d->ino == sb->st_ino) {
            *at = mid;
            return true;
        }
        if (d->dev < sb->st_dev || (d->dev == sb->st_dev && d->ino < sb->st_ino))
            lo = mid + 1;
        else
            hi = mid;
    }
    *at = lo;
    return false;
}

/* Adds the file of sb to the set; false when it was there already. */
static bool
first_visit(cli_idset *s, const struct stat *sb)
{
    size_t at;
    if (find_id(s, sb, &at))
        return false;
    s->v = grow(s->v, &s->cap, s->n, sizeof *s->v);
    memmove(s->v + at + 1, s->v + at, (s->n - at) * sizeof *s->v);
    s->v[at] = (cli_fileid){ sb->st_dev, sb->st_ino, 0 };
    s->n++;
    return true;
}

/* Takes the file at path (whose stat is sb) unless it was taken already,
 * by this path or another. */
static void
take(cli_files *f, const char *path, const struct stat *sb)
{
    if (first_visit(&f->pdfs, sb))
        push(&f->v, &f->n, &f->cap, path);
}

/* A directory not read whole: reported, and kept from --prune. */
static void
unread(cli_files *f, const char *dir, const char *why)
{
    cli_note(false, "plansok: skipping '%s': %s", dir, why);
    f->skipped++;
    char abs[PATH_MAX];
    push(&f->unread, &f->nunread, &f->capunread, realpath(dir, abs) ? abs : dir);
}

/* A *.pdf entry that stat() cannot reach: a dangling symbolic link names
 * its target. */
static void
unreachable(cli_files *f, const char *path, int err)
{
    char target[PATH_MAX];
    struct stat lb;
    ssize_t n = err == ENOENT && lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode)
                    ? readlink(path, target, sizeof target - 1)
                    : -1;
    if (n >= 0) {
        target[n] = '\0';
        cli_note(false, "plansok: skipping '%s': a symbolic link to '%s', which does not exist", path, target);
    } else {
        cli_note(false, "plansok: skipping '%s': %s", path, strerror(err));
    }
    f->skipped++;
}

/* Adds the PDFs under dir (whose stat is sb), sorted; returns how many
 * are under it, also those taken before by another way. */
static size_t
walk(cli_files *f, const char *dir, const struct stat *sb, int depth)
{
    size_t at;
    if (find_id(&f->dirs, sb, &at)) /* walked already: a link back up, or given twice */
        return f->dirs.v[at].pdfs;
    first_visit(&f->dirs, sb);
    if (depth > MAX_DEPTH) {
        unread(f, dir, "more than 64 directories deep; not read");
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        char why[300];
        snprintf(why, sizeof why, "cannot read the directory: %s", strerror(errno));
        unread(f, dir, why);
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    for (errno = 0; (e = readdir(d)); errno = 0)
        if (e->d_name[0] != '.')
            push(&names, &n, &cap, e->d_name);
    if (errno) {
        char why[300];
        snprintf(why, sizeof why, "cannot read the whole directory: %s", strerror(errno));
        unread(f, dir, why);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    size_t found = 0, dlen = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        size_t len = dlen + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            fprintf(stderr, "plansok: out of memory\n");
            exit(EXIT_FATAL);
        }
        snprintf(p, len, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", names[i]);
        struct stat eb;
        if (stat(p, &eb) != 0) {
            if (is_pdf_name(names[i]))
                unreachable(f, p, errno);
        } else if (S_ISDIR(eb.st_mode)) {
            found += walk(f, p, &eb, depth + 1);
        } else if (is_pdf_name(names[i])) {
            take(f, p, &eb); /* not a regular file: refused when it is read */
            found++;
        }
        free(p);
        free(names[i]);
    }
    free(names);
    if (find_id(&f->dirs, sb, &at))
        f->dirs.v[at].pdfs = found;
    return found;
}

void
cli_files_add(cli_files *f, const char *operand)
{
    struct stat sb;
    if (stat(operand, &sb) != 0) {
        cli_note(false, "plansok: skipping '%s': %s", operand, strerror(errno));
        f->skipped++;
    } else if (S_ISDIR(sb.st_mode)) {
        int before = f->skipped;
        if (walk(f, operand, &sb, 0) == 0 && f->skipped == before) {
            cli_note(false, "plansok: skipping '%s': no PDF files found in the directory", operand);
            f->skipped++;
        }
    } else {
        take(f, operand, &sb);
    }
}

void
cli_files_release(cli_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i]);
    free(f->v);
    for (size_t i = 0; i < f->nunread; i++)
        free(f->unread[i]);
    free(f->unread);
    free(f->dirs.v);
    free(f->pdfs.v);
    memset(f, 0, sizeof *f);
}

/* record.c: the one record codec, used for the worker pipe and for the
 * data stored with every Xapian document. A record is "key\tvalue\n"
 * lines. In a value every control byte is escaped (\n, \t, \\ and \xHH for
 * the rest, DEL included), so a record never holds a raw control byte but
 * the line structure's own and the list terminator below.
 *
 * Records are read and written through field tables (psi_field), one per
 * struct, so the mapping between a struct and its record is written once
 * (core/record-fields.c). A list value is its items, each escaped and
 * ended by US (0x1f): strings, amounts ("%.17g", "" when absent) or whole
 * sub-records. A field missing from a record, or a number out of its
 * range, is an error, never a silent 0, unless its table marks it
 * optional (added after indexes were written: it reads as the low end of
 * its range, which says "not recorded"). Unknown keys are skipped.
 *
 * Nothing here knows what the records mean; no foreign library. */
#include "plansok-private.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define US '\x1f' /* ends each item of a list value */

void
psi_record_escape(psi_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    psi_buf_reserve(b, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            psi_buf_add(b, "\\\\", 2);
        } else if (c == '\n') {
            psi_buf_add(b, "\\n", 2);
        } else if (c == '\t') {
            psi_buf_add(b, "\\t", 2);
        } else if (c < 0x20 || c == 0x7f) {
            char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
            psi_buf_add(b, e, 4);
        } else {
            psi_buf_addc(b, (char)c);
        }
    }
}

static int
hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

void
psi_record_unescape(psi_buf *b, const char *s, size_t n)
{
    psi_buf_reserve(b, n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            psi_buf_addc(b, s[i]);
            continue;
        }
        char c = s[++i];
        if (c == 'n') {
            psi_buf_addc(b, '\n');
        } else if (c == 't') {
            psi_buf_addc(b, '\t');
        } else if (c == 'x' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            psi_buf_addc(b, (char)(hexval(s[i + 1]) << 4 | hexval(s[i + 2])));
            i += 2;
        } else {
            psi_buf_addc(b, c); /* "\\" and anything else: the byte itself */
        }
    }
}

/* The raw (still escaped) value of key; false when the key is absent. */
static bool
find(const char *rec, size_t len, const char *key, const char **v, size_t *vlen)
{
    size_t klen = strlen(key);
    const char *end = rec + len;
    for (const char *p = rec; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if ((size_t)(nl - p) > klen && memcmp(p, key, klen) == 0 && p[klen] == '\t') {
            *v = p + klen + 1;
            *vlen = (size_t)(nl - *v);
            return true;
        }
        p = nl + 1;
    }
    return false;
}

/* Amounts are written and read with a decimal point whatever the
 * process's locale (a host in sv_SE would print "4215,5"). */
static void
put_double(psi_buf *b, double v)
{
    char num[64];
    snprintf(num, sizeof num, "%.17g", v);
    const char *dp = localeconv()->decimal_point;
    char *at = dp && dp[0] && strcmp(dp, ".") ? strstr(num, dp) : NULL;
    if (at) { /* "4215,5" -> "4215.5" */
        *at = '.';
        memmove(at + 1, at + strlen(dp), strlen(at + strlen(dp)) + 1);
    }
    psi_buf_adds(b, num);
}

static bool
take_double(const char *s, double *out)
{
    psi_buf loc = PSI_BUF_INIT; /* "4215.5" -> "4215,5" where the locale wants it */
    const char *dp = localeconv()->decimal_point, *dot = strchr(s, '.');
    if (dot && dp && dp[0] && strcmp(dp, ".")) {
        psi_buf_add(&loc, s, (size_t)(dot - s));
        psi_buf_adds(&loc, dp);
        psi_buf_adds(&loc, dot + 1);
        s = psi_buf_str(&loc);
    }
    char *end;
    *out = strtod(s, &end);
    bool ok = *s && !*end;
    psi_buf_release(&loc);
    return ok;
}

/* ------------------------------------------------------------ by table */

static bool
is_list(psi_ftype t)
{
    return t == PSI_F_STRV || t == PSI_F_AMOUNTS || t == PSI_F_LIST;
}

#define AT(obj, off, type) ((type *)((char *)(obj) + (off)))
#define AT_C(obj, off, type) ((const type *)((const char *)(obj) + (off)))

ps_status
psi_record_put(psi_buf *b, const psi_field *fields, const void *obj, ps_error *err)
{
    ps_status st = PS_OK;
    for (const psi_field *f = fields; f->key && st == PS_OK; f++) {
        if (f->type == PSI_F_INCLUDE) {
            st = psi_record_put(b, f->sub, AT_C(obj, f->off, char), err);
            continue;
        }
        if (f->type == PSI_F_INT) { /* what is written must read back */
            int v = *AT_C(obj, f->off, int);
            if (v < f->min || v > f->max)
                return psi_fail(err, PS_ERR_INTERNAL, "value %d of field '%s' is out of its range %lld..%lld", v,
                                f->key, f->min, f->max);
        }
        psi_buf_adds(b, f->key);
        psi_buf_addc(b, '\t');
        size_t n = is_list(f->type) ? *AT_C(obj, f->count, size_t) : 0;
        switch (f->type) {
        case PSI_F_STR: {
            const char *s = *AT_C(obj, f->off, char *);
            if (s)
                psi_record_escape(b, s, strlen(s));
            break;
        }
        case PSI_F_INT:
            psi_buf_addf(b, "%d", *AT_C(obj, f->off, int));
            break;
        case PSI_F_LL:
            psi_buf_addf(b, "%lld", *AT_C(obj, f->off, long long));
            break;
        case PSI_F_STRV:
            for (size_t i = 0; i < n; i++) {
                const char *s = (*AT_C(obj, f->off, char **))[i];
                psi_record_escape(b, s ? s : "", s ? strlen(s) : 0);
                psi_buf_addc(b, US);
            }
            break;
        case PSI_F_AMOUNTS:
            for (size_t i = 0; i < n; i++) {
                if ((*AT_C(obj, f->aux, unsigned char *))[i])
                    put_double(b, (*AT_C(obj, f->off, double *))[i]);
                psi_buf_addc(b, US);
            }
            break;
        case PSI_F_LIST: {
            psi_buf item = PSI_BUF_INIT;
            const char *elems = *AT_C(obj, f->off, char *);
            for (size_t i = 0; i < n && st == PS_OK; i++) {
                psi_buf_reset(&item);
                st = psi_record_put(&item, f->sub, elems + i * f->size, err);
                psi_record_escape(b, item.s, item.len);
                psi_buf_addc(b, US);
            }
            psi_buf_release(&item);
            break;
        }
        case PSI_F_INCLUDE:
            break;
        }
        psi_buf_addc(b, '\n');
    }
    return st;
}

/* Sets every field of the table to zero, NULL or an empty list. */
static void
clear(const psi_field *fields, void *obj)
{
    for (const psi_field *f = fields; f->key; f++) {
        switch (f->type) {
        case PSI_F_INCLUDE: clear(f->sub, AT(obj, f->off, char)); break;
        case PSI_F_STR: *AT(obj, f->off, char *) = NULL; break;
        case PSI_F_INT: *AT(obj, f->off, int) = 0; break;
        case PSI_F_LL: *AT(obj, f->off, long long) = 0; break;
        case PSI_F_AMOUNTS: *AT(obj, f->aux, unsigned char *) = NULL; /* fall through */
        case PSI_F_STRV:
        case PSI_F_LIST:
            *AT(obj, f->off, void *) = NULL;
            *AT(obj, f->count, size_t) = 0;
            break;
        }
    }
}

void
psi_record_release(const psi_field *fields, void *obj)
{
    for (const psi_field *f = fields; f->key; f++) {
        size_t n = is_list(f->type) ? *AT(obj, f->count, size_t) : 0;
        switch (f->type) {
        case PSI_F_INCLUDE: psi_record_release(f->sub, AT(obj, f->off, char)); continue;
        case PSI_F_STR: free(*AT(obj, f->off, char *)); break;
        case PSI_F_INT:
        case PSI_F_LL: break;
        case PSI_F_STRV:
            for (size_t i = 0; *AT(obj, f->off, char **) && i < n; i++)
                free((*AT(obj, f->off, char **))[i]);
            free(*AT(obj, f->off, char **));
            break;
        case PSI_F_AMOUNTS:
            free(*AT(obj, f->off, double *));
            free(*AT(obj, f->aux, unsigned char *));
            break;
        case PSI_F_LIST: {
            char *elems = *AT(obj, f->off, char *);
            for (size_t i = 0; elems && i < n; i++)
                psi_record_release(f->sub, elems + i * f->size);
            free(elems);
            break;
        }
        }
    }
    clear(fields, obj);
}

/* The number of US-ended items of a list value (a last item without its
 * US counts too). */
static size_t
count_items(const char *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += v[i] == US;
    return k + (n && v[n - 1] != US);
}

/* Decodes one field's raw value into obj. */
static ps_status
take_one(const psi_field *f, const char *v, size_t n, void *obj, ps_error *err)
{
    psi_buf b = PSI_BUF_INIT;
    ps_status st = PS_OK;
    switch (f->type) {
    case PSI_F_STR:
        psi_record_unescape(&b, v, n);
        *AT(obj, f->off, char *) = psi_buf_detach(&b);
        return PS_OK;
    case PSI_F_INT:
    case PSI_F_LL: {
        char num[32], *end;
        if (n == 0 || n >= sizeof num)
            return psi_fail(err, PS_ERR_INTERNAL, "bad number in field '%s'", f->key);
        memcpy(num, v, n);
        num[n] = '\0';
        errno = 0;
        long long x = strtoll(num, &end, 10);
        if (errno || *end || (f->type == PSI_F_INT && (x < f->min || x > f->max)))
            return psi_fail(err, PS_ERR_INTERNAL, "bad value '%s' in field '%s'", num, f->key);
        if (f->type == PSI_F_INT)
            *AT(obj, f->off, int) = (int)x;
        else
            *AT(obj, f->off, long long) = x;
        return PS_OK;
    }
    case PSI_F_STRV:
    case PSI_F_AMOUNTS:
    case PSI_F_LIST:
        break;
    case PSI_F_INCLUDE:
        return PS_OK;
    }
    size_t items = count_items(v, n), *count = AT(obj, f->count, size_t);
    if (f->type == PSI_F_AMOUNTS && items != *count)
        return psi_fail(err, PS_ERR_INTERNAL, "field '%s' has %zu items, not %zu", f->key, items, *count);
    size_t elem = f->type == PSI_F_STRV ? sizeof(char *) : f->type == PSI_F_AMOUNTS ? sizeof(double) : f->size;
    char *arr = psi_calloc(items + 1, elem);
    unsigned char *present = f->type == PSI_F_AMOUNTS ? psi_calloc(items + 1, 1) : NULL;
    *AT(obj, f->off, char *) = arr;
    if (present)
        *AT(obj, f->aux, unsigned char *) = present;
    *count = 0;
    for (size_t i = 0, at = 0; i < items && st == PS_OK; i++) {
        const char *e = memchr(v + at, US, n - at);
        size_t len = e ? (size_t)(e - (v + at)) : n - at;
        psi_buf_reset(&b);
        psi_record_unescape(&b, v + at, len);
        at += len + 1;
        if (f->type == PSI_F_STRV) {
            ((char **)arr)[i] = psi_strdup(psi_buf_str(&b));
        } else if (f->type == PSI_F_AMOUNTS) {
            if (b.len) {
                present[i] = 1;
                if (!take_double(b.s, &((double *)arr)[i]))
                    st = psi_fail(err, PS_ERR_INTERNAL, "bad amount '%s' in field '%s'", b.s, f->key);
            }
        } else {
            st = psi_record_take(b.s ? b.s : "", b.len, f->sub, arr + i * f->size, err);
            if (st != PS_OK)
                break; /* the element released what it had */
        }
        ++*count;
    }
    if (f->type == PSI_F_AMOUNTS)
        *count = items;
    psi_buf_release(&b);
    return st;
}

ps_status
psi_record_take(const char *rec, size_t len, const psi_field *fields, void *obj, ps_error *err)
{
    clear(fields, obj);
    /* every field's line ends in a newline: a record cut short in a value
     * would read as a shorter value, or an optional field as absent */
    if (len && rec[len - 1] != '\n')
        return psi_fail(err, PS_ERR_INTERNAL, "a record cut short (its last line has no end)");
    ps_status st = PS_OK;
    for (const psi_field *f = fields; st == PS_OK && (f->key); f++) {
        if (f->type == PSI_F_INCLUDE) {
            st = psi_record_take(rec, len, f->sub, AT(obj, f->off, char), err);
            continue;
        }
        const char *v;
        size_t n;
        if (!find(rec, len, f->key, &v, &n)) {
            if (f->optional && f->type == PSI_F_STR)
                *AT(obj, f->off, char *) = psi_strdup("");
            else if (f->optional)
                *AT(obj, f->off, int) = (int)f->min;
            else
                st = psi_fail(err, PS_ERR_INTERNAL, "no '%s' field", f->key);
        } else
            st = take_one(f, v, n, obj, err);
    }
    if (st != PS_OK)
        psi_record_release(fields, obj);
    return st;
}

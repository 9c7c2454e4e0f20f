/* csv-sv.c: the csv-sv format, CSV as Excel set to Swedish opens it with a
 * double click: UTF-8 with a byte order mark (else å, ä and ö come out as
 * "Ã¥"), ';' between fields (Swedish Windows lists with ';'), a decimal
 * comma ("4215,5", which Excel takes for a number; "4215.5" is text or a
 * date there), and CRLF. A printer writes plain CSV (RFC 4180) to a buffer
 * and this file writes it out in that dialect, so no printer knows it.
 * Text that Excel would take for a formula ("=…", "+…", "-…", "@…", a tab
 * or CR first: a budget label "- varav exploatering", or a PDF's hostile
 * text) starts with an apostrophe and stays text; numbers stay numbers,
 * but digits Excel would lose as one (a code with a leading zero, "0182";
 * more than 15 digits) are the field ="0182" (quoted for CSV:
 * "=""0182"""), its way to keep text. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Whether s[0..n) is a number as the printers write one: "-12", "4215.5". */
static bool
is_number(const char *s, size_t n)
{
    size_t i = s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
    if (i >= n)
        return false;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] == '.' && digits && !dots)
            dots++;
        else
            return false;
    }
    return digits > 0 && s[n - 1] != '.';
}

/* Whether Excel would lose what digits s[0..n) holds if it took them for
 * a number: a code with a leading zero ("0182", Nacka's kommun code), or
 * more than the 15 digits it keeps. */
static bool
digits_as_text(const char *s, size_t n)
{
    if (n < 2 || (s[0] != '0' && n <= 15))
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static void
put_field(FILE *f, const char *s, size_t n, bool quoted)
{
    if (n && digits_as_text(s, n)) {
        fputs("\"=\"\"", f); /* ="0182": a formula of text, Excel's way to keep the digits */
        fwrite(s, 1, n, f);
        fputs("\"\"\"", f);
        return;
    }
    if (n && !quoted && is_number(s, n)) {
        for (size_t i = 0; i < n; i++)
            fputc(s[i] == '.' ? ',' : s[i], f);
        return;
    }
    bool formula = n && strchr("=+-@\t\r", s[0]);
    bool quote = formula || memchr(s, ';', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n);
    if (quote)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    if (quote)
        fputc('"', f);
}

static void
out_of_memory(void)
{
    fputs("plansok: out of memory\n", stderr);
    exit(EXIT_FATAL);
}

void
cli_csv_swedish(FILE *f, const char *csv, size_t n)
{
    fputs("\xEF\xBB\xBF", f);
    char *field = malloc(n + 1);
    if (!field)
        out_of_memory();
    size_t len = 0, i = 0;
    bool quoting = false, quoted = false; /* inside quotes; the field had them */
    while (i < n) {
        char c = csv[i++];
        if (quoting) {
            if (c == '"' && i < n && csv[i] == '"') {
                field[len++] = '"';
                i++;
            } else if (c == '"') {
                quoting = false;
            } else {
                field[len++] = c;
            }
        } else if (c == '"') {
            quoting = quoted = true;
        } else if (c == ',' || c == '\n') {
            put_field(f, field, len, quoted);
            len = 0;
            quoted = false;
            fputs(c == ',' ? ";" : "\r\n", f);
        } else if (c != '\r') {
            field[len++] = c;
        }
    }
    if (len) /* a last line without its newline */
        put_field(f, field, len, quoted);
    free(field);
}

FILE *
cli_print_begin(cli_output *o, FILE *dst, int fmt)
{
    memset(o, 0, sizeof *o);
    o->dst = dst;
    o->fmt = fmt == FMT_CSV_SV ? FMT_CSV : (cli_format)fmt;
    if (fmt == FMT_CSV_SV && !(o->buf = open_memstream(&o->text, &o->len)))
        out_of_memory();
    return o->buf ? o->buf : dst;
}

void
cli_print_end(cli_output *o)
{
    if (!o->buf)
        return;
    if (fclose(o->buf) != 0)
        out_of_memory(); /* the buffer could not grow */
    cli_csv_swedish(o->dst, o->text, o->len);
    free(o->text);
    o->buf = NULL;
}

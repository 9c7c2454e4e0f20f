/* csv-sv.c: the csv-sv format, CSV as Excel set to Swedish opens it with a
 * double click: UTF-8 with a byte order mark (else å, ä and ö come out as
 * "Ã¥"), ';' between fields (Swedish Windows lists with ';'), a decimal
 * comma ("4215,5", which Excel takes for a number; "4215.5" is text or a
 * date there), and CRLF. A printer writes plain CSV (RFC 4180) to a buffer
 * and this file writes it out in that dialect, so no printer knows it.
 * Text that Excel would take for a formula ("=…", "+…", "-…", "@…": a
 * budget label "- varav exploatering", or a PDF's hostile text) starts
 * with an apostrophe and stays text; numbers stay numbers. */
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

static void
put_field(FILE *f, const char *s, size_t n)
{
    if (n && is_number(s, n)) {
        for (size_t i = 0; i < n; i++)
            fputc(s[i] == '.' ? ',' : s[i], f);
        return;
    }
    bool formula = n && strchr("=+-@", s[0]);
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

void
cli_csv_swedish(FILE *f, const char *csv, size_t n)
{
    fputs("\xEF\xBB\xBF", f);
    char *field = malloc(n + 1);
    size_t len = 0, i = 0;
    bool quoted = false;
    while (field && i < n) {
        char c = csv[i++];
        if (quoted) {
            if (c == '"' && i < n && csv[i] == '"') {
                field[len++] = '"';
                i++;
            } else if (c == '"') {
                quoted = false;
            } else {
                field[len++] = c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            put_field(f, field, len);
            len = 0;
            fputs(c == ',' ? ";" : "\r\n", f);
        } else if (c != '\r') {
            field[len++] = c;
        }
    }
    if (field && len) /* a last line without its newline */
        put_field(f, field, len);
    free(field);
}

FILE *
cli_print_begin(cli_output *o, FILE *dst, int fmt)
{
    memset(o, 0, sizeof *o);
    o->dst = dst;
    o->fmt = fmt == FMT_CSV_SV ? FMT_CSV : (cli_format)fmt;
    if (fmt == FMT_CSV_SV && !(o->buf = open_memstream(&o->text, &o->len)))
        cli_note(false, "no memory for csv-sv: writing plain CSV");
    return o->buf ? o->buf : dst;
}

void
cli_print_end(cli_output *o)
{
    if (!o->buf)
        return;
    fclose(o->buf);
    cli_csv_swedish(o->dst, o->text, o->len);
    free(o->text);
    o->buf = NULL;
}

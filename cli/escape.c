/* escape.c: the escapers of every output syntax, and the one walk over a
 * snippet's marks. Each escaping is a map from one byte to its replacement,
 * so UTF-8 passes through untouched; CSV and JSON add the quotes around a
 * whole field. What goes around the text (tables, tags, keys) is the
 * printers' business, not this file's. */
#include "escape.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The replacement for byte c, or NULL to write c as it is. buf holds the
 * replacements that are made up on the spot. */
static const char *
replacement(cli_escaping e, unsigned char c, char buf[8])
{
    switch (e) {
    case ESC_PLAIN: /* no control byte reaches a terminal */
        return c == '\n' || c == '\t' ? " " : c < 0x20 || c == 0x7f ? "?" : NULL;
    case ESC_MD_CELL:
        if (c == '|' || c == '\\') {
            snprintf(buf, 8, "\\%c", c);
            return buf;
        }
        return c == '<' ? "&lt;" : c == '\n' || c == '\t' ? " " : c < 0x20 || c == 0x7f ? "?" : NULL;
    case ESC_MD_TEXT:
        if (c == '\n' || c == '\t')
            return " ";
        if (c < 0x20 || c == 0x7f)
            return "?";
        if (c && strchr("\\*_|[]`<#", c)) {
            snprintf(buf, 8, "\\%c", c);
            return buf;
        }
        return NULL;
    case ESC_HTML:
        switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        default: return NULL;
        }
    case ESC_JSON:
        switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        default:
            if (c >= 0x20)
                return NULL;
            snprintf(buf, 8, "\\u%04x", c);
            return buf;
        }
    case ESC_CSV:
        return c == '"' ? "\"\"" : c == '\n' ? " " : NULL;
    }
    return NULL;
}

static bool
csv_needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return true;
    return false;
}

void
cli_escape_len(FILE *f, const char *s, size_t len, cli_escaping e)
{
    bool quote = e == ESC_JSON || (e == ESC_CSV && csv_needs_quotes(s, len));
    char buf[8];
    if (quote)
        fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        const char *r = replacement(e, (unsigned char)s[i], buf);
        if (r)
            fputs(r, f);
        else
            fputc(s[i], f);
    }
    if (quote)
        fputc('"', f);
}

void
cli_escape(FILE *f, const char *s, cli_escaping e)
{
    s = s ? s : "";
    cli_escape_len(f, s, strlen(s), e);
}

void
cli_write_snippet(FILE *f, const ps_hit *h, const char *open, const char *close, cli_escaping e)
{
    const char *s = h->snippet ? h->snippet : "";
    size_t at = 0, len = strlen(s);
    for (size_t i = 0; i < h->nmarks; i++) {
        const ps_mark *m = &h->marks[i];
        if (m->start < at || m->end < m->start || m->end > len)
            continue;
        cli_escape_len(f, s + at, m->start - at, e);
        fputs(open, f);
        cli_escape_len(f, s + m->start, m->end - m->start, e);
        fputs(close, f);
        at = m->end;
    }
    cli_escape_len(f, s + at, len - at, e);
}

/* escape.c: the escapers of every output syntax, and the one walk over a
 * snippet's marks. Text is read a character at a time: each escaping maps
 * a character to its replacement (Markdown also looks at its neighbours),
 * and a byte that starts no valid UTF-8 character becomes U+FFFD, so the
 * output is UTF-8 whatever a file name holds. CSV and JSON add the quotes
 * around a whole field. What goes around the text (tables, tags, keys) is
 * the printers' business, not this file's. */
#include "escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */

/* C0, DEL, C1, and the bidirectional controls that reorder a line. */
static bool
is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

static bool
ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* s[0..i) is a number of at most nine digits, as an ordered list item's. */
static bool
leading_number(const char *s, size_t i)
{
    if (i == 0 || i > 9)
        return false;
    for (size_t k = 0; k < i; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    return true;
}

/* Markdown's replacement for the ASCII character s[i] of the text
 * s[0..len), or NULL: whatever could open a tag, an entity, a link, an
 * image, emphasis, code, a strikethrough or a table cell is escaped
 * everywhere, and what starts a heading, list item or underline at the
 * start of the text. Backslashes are escaped, so none can undo this. */
static const char *
md_replacement(const char *s, size_t len, size_t i, char buf[8])
{
    char c = s[i];
    switch (c) {
    case '<':
        return "&lt;";
    case '>': /* a quote only at the start of a line; "A > B" elsewhere */
        if (i > 0)
            return NULL;
        break;
    case '&': /* "&lt;" in a file name shows as typed */
        return i + 1 < len && (ascii_alnum(s[i + 1]) || s[i + 1] == '#') ? "&amp;" : NULL;
    case '_': /* inside a word it emphasises nothing: rfjl_vp_budget */
        if (i > 0 && i + 1 < len && ascii_alnum(s[i - 1]) && ascii_alnum(s[i + 1]))
            return NULL;
        break;
    case '\\': case '`': case '*': case '[': case ']': case '|': case '~':
        break;
    case '#': case '-': case '+': case '=':
        if (i > 0)
            return NULL;
        break;
    case '.': case ')':
        if (!leading_number(s, i))
            return NULL;
        break;
    default:
        return NULL;
    }
    snprintf(buf, 8, "\\%c", c);
    return buf;
}

/* The replacement for the character cp at s[i] (of the text s[0..len)),
 * or NULL to write it as it is. buf holds replacements made up on the
 * spot. */
static const char *
replacement(cli_escaping e, const char *s, size_t len, size_t i, uint32_t cp, char buf[8])
{
    bool space = cp == '\n' || cp == '\t';
    switch (e) {
    case ESC_PLAIN: /* no control reaches a terminal */
        return space ? " " : is_control(cp) ? "?" : NULL;
    case ESC_MD:
        return space ? " " : is_control(cp) ? "?" : cp < 0x80 ? md_replacement(s, len, i, buf) : NULL;
    case ESC_HTML:
        switch (cp) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\n': case '\t': case '\r': return NULL;
        default: return is_control(cp) ? "?" : NULL;
        }
    case ESC_JSON:
        switch (cp) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        default:
            if (cp >= 0x20 && (cp < 0x7F || cp >= 0xA0))
                return NULL;
            snprintf(buf, 8, "\\u%04x", (unsigned)cp);
            return buf;
        }
    case ESC_CSV:
        if (cp == '"')
            return "\"\"";
        if (cp == '\n')
            return " ";
        return cp != '\t' && cp != '\r' && is_control(cp) ? "?" : NULL;
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
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = ps_utf8_decode(s + i, len - i, &cp);
        const char *r = n ? replacement(e, s, len, i, cp, buf) : REPLACEMENT_CHAR;
        if (r)
            fputs(r, f);
        else
            fwrite(s + i, 1, n, f);
        i += n ? n : 1;
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

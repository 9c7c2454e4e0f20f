/* escape.h: how untrusted text (from PDFs, file names and queries) is
 * written into each output syntax. Every printer writes such text through
 * cli_escape() or cli_write_snippet(); none has an escaper of its own.
 *
 * Whatever the escaping, the output is valid UTF-8: a byte that starts no
 * valid character (a file name in Latin-1) becomes U+FFFD. "Controls"
 * below are C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F), and the
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069), which reorder what a terminal shows. */
#ifndef PLANSOK_ESCAPE_H
#define PLANSOK_ESCAPE_H

#include "plansok.h"
#include <stddef.h>
#include <stdio.h>

typedef enum cli_escaping {
    ESC_PLAIN, /* text for people: a newline or tab becomes a space, any
                  other control '?' (nothing reaches a terminal raw) */
    ESC_MD,    /* Markdown, in a table cell or running text: newlines and
                  tabs spaces, other controls '?'; HTML and Markdown syntax
                  made inert: '<' as &lt; ('>' opens nothing but a quote:
                  "A > B" stays), '&' before a name or '#' as &amp;, \ `
                  * [ ] | ~ and '_' (unless inside a word) backslash-
                  escaped, and at the start a '#' '-' '+' '=' '>' or the
                  '.' ')' after a number (a heading, list item, quote or
                  underline when a line starts with it) */
    ESC_HTML,  /* HTML text or a double-quoted attribute: & < > ", and
                  controls other than newline, tab and CR '?' */
    ESC_JSON,  /* one whole JSON string, with its quotes: controls as \n,
                  \t, \r or \u00XX (C1 too) */
    ESC_CSV,   /* one whole CSV field: quoted when it holds a comma, a
                  quote, CR or LF; quotes doubled, a newline becomes a
                  space, other controls but tab and CR '?' */
} cli_escaping;

/* Writes s (NULL is ""), escaped for e. */
void cli_escape(FILE *f, const char *s, cli_escaping e);
/* The same for len bytes of s, which may hold NUL bytes. */
void cli_escape_len(FILE *f, const char *s, size_t len, cli_escaping e);

/* A hit's snippet with open and close around each match ("[" "]", "**"
 * "**", "<mark>" "</mark>"), the text escaped for e, which is one of the
 * text escapings (not ESC_JSON or ESC_CSV). A mark out of order or out of
 * the snippet is left out. */
void cli_write_snippet(FILE *f, const ps_hit *h, const char *open, const char *close, cli_escaping e);

#endif

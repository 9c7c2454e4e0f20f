/* escape.h: how untrusted text (from PDFs and file names) is written into
 * each output syntax. Every printer writes such text through cli_escape()
 * or cli_write_snippet(); none has an escaper of its own. */
#ifndef PLANSOK_ESCAPE_H
#define PLANSOK_ESCAPE_H

#include "plansok.h"
#include <stddef.h>
#include <stdio.h>

typedef enum cli_escaping {
    ESC_PLAIN,   /* text for people: a newline or tab becomes a space, any
                    other control byte '?' (nothing reaches a terminal raw) */
    ESC_MD_CELL, /* Markdown table cell: '|' and '\\' escaped, '<' as &lt;,
                    newlines and tabs spaces, other control bytes '?' */
    ESC_MD_TEXT, /* Markdown running text: \\ * _ | [ ] ` < # escaped,
                    newlines and tabs spaces, other control bytes '?' */
    ESC_HTML,    /* HTML text or a double-quoted attribute: & < > " */
    ESC_JSON,    /* one whole JSON string, with its quotes */
    ESC_CSV,     /* one whole CSV field: quoted when it holds a comma, a
                    quote, CR or LF; quotes doubled, a newline becomes a space */
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

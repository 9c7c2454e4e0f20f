/* render.h: what the corpus renderer's two files share: the spec of one
 * PDF (corpus/specs/NNN.spec) and the blocks of a page. render-spec.c
 * reads specs and transcripts into blocks; render.c typesets them. */
#ifndef PLANSOK_RENDER_H
#define PLANSOK_RENDER_H

#include <pango/pangocairo.h>
#include <stdbool.h>

#define MAXH 512
#define PAGE_W 595.28
#define PAGE_H 841.89

typedef struct {
    int page, level;
    char *text;
} heading;

/* Synthetic content (fixtures without a seed): one entry per block. */
typedef struct {
    int page;      /* 1-based */
    char kind;     /* 'h' heading, 'p' paragraph, 't' table start, 'r' row */
    int level;
    char *text;    /* cells separated by " | " for 't' and 'r' */
} synth;

typedef struct {
    char *seed, *title, *author, *creator, *date;
    char *header, *footer, *body_font, *head_font;
    char *strip[8];
    int nstrip;
    int columns, label_offset, hf_from;
    bool alternate, strip_label;
    heading h[MAXH];
    int nh;
    int cover[16], ncover;
    int twocol_from;
    int para_sentences;
    synth *syn;
    int nsyn, synpages;
} spec;

typedef enum { B_PARA, B_HEAD, B_TABLE, B_ROW } btype;
typedef struct {
    btype type;
    int level;
    char *text;
} block;

/* Prints "render: " and the message, and exits 1. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void read_spec(const char *path, spec *sp);
/* The pages of a transcript ("--- page N ---" separated) into a new array. */
int read_pages(const char *path, char ***pages_out);
/* The blocks of page pageno (1-based): from its transcript text (changed
 * in place: literal strings and the printed page number removed), or,
 * when text is NULL, from the spec's synthetic content. */
int page_content(const spec *sp, int pageno, char *text, block **out);

#endif

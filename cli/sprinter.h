/* sprinter.h: a structure printer, after notmuch's sprinter.h. A printer
 * calls begin_map/begin_list/end, map_key and the value functions in the
 * order of the output; the sprinter places the punctuation (commas, colons,
 * brackets) and escapes strings. It knows nothing of plansok's results.
 *
 * Only JSON is implemented. Another structure format (S-expressions, say)
 * would be a second set of the functions below behind the same struct, made
 * by its own sprinter_X_init(). */
#ifndef PLANSOK_SPRINTER_H
#define PLANSOK_SPRINTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct sprinter sprinter;

struct sprinter {
    /* Opens a map or a list; end() closes the innermost one. Closing the
     * outermost value ends the output with a newline. */
    void (*begin_map)(sprinter *sp);
    void (*begin_list)(sprinter *sp);
    void (*end)(sprinter *sp);

    /* Inside a map: the key of the next value. */
    void (*map_key)(sprinter *sp, const char *key);

    /* Values. string(NULL) prints the empty string; string_len may hold
     * NUL bytes. number() prints v with a printf format for one double
     * ("%.3f"); a value that is not finite prints as null. */
    void (*string)(sprinter *sp, const char *s);
    void (*string_len)(sprinter *sp, const char *s, size_t len);
    void (*integer)(sprinter *sp, long long v);
    void (*number)(sprinter *sp, const char *fmt, double v);
    void (*boolean)(sprinter *sp, bool v);
    void (*null)(sprinter *sp);

    /* Whitespace (ws: "\n" or " ") to print before the next item, after
     * the comma that precedes it, or before the closing bracket when the
     * map or list ends first. Only for people reading the output: it never
     * changes what the output means. A later call replaces an earlier one
     * that has not been printed yet. */
    void (*separator)(sprinter *sp, const char *ws);
};

/* -------------------------------------------------------------------- JSON */

#define SPRINTER_JSON_DEPTH 32 /* deeper nesting is a bug in a printer */

/* The JSON sprinter's state. The caller owns it, usually on the stack, and
 * never touches its fields; nothing is allocated, so nothing is freed. */
typedef struct sprinter_json {
    sprinter sp; /* first, so that &js->sp and js are the same address */
    FILE *f;
    const char *pending; /* separator not printed yet, or NULL */
    int depth;           /* open maps and lists */
    bool after_key;      /* a key was printed; its value comes next */
    struct {
        char closer; /* '}' or ']' */
        bool first;  /* no item in it yet */
    } open[SPRINTER_JSON_DEPTH]; /* per open map or list, outermost first */
} sprinter_json;

/* Prepares js to write JSON to f and returns its sprinter. */
sprinter *sprinter_json_init(sprinter_json *js, FILE *f);

/* Shorthands for a map member: map_key then the value. */
void sprinter_map_string(sprinter *sp, const char *key, const char *s);
void sprinter_map_integer(sprinter *sp, const char *key, long long v);
void sprinter_map_bool(sprinter *sp, const char *key, bool v);

#endif

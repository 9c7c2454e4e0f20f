/* sprinter.c: the JSON structure printer. It tracks, per open map or list,
 * whether an item came yet, so that it can put the commas, and prints the
 * whitespace a printer asks for with separator(). It writes compact JSON
 * (no space after ',' or ':'); it does not check that a printer opens and
 * closes in a valid order beyond the nesting depth. */
#include "sprinter.h"
#include "escape.h"

#include <assert.h>
#include <math.h>

static sprinter_json *
json_state(sprinter *sp)
{
    return (sprinter_json *)sp;
}

/* Before any value or key: the comma after the previous item and the
 * pending separator, unless this is the value of a key. */
static sprinter_json *
json_begin_value(sprinter *sp)
{
    sprinter_json *js = json_state(sp);
    if (js->after_key) {
        js->after_key = false;
        return js;
    }
    if (js->depth > 0 && js->depth <= SPRINTER_JSON_DEPTH) {
        if (!js->open[js->depth - 1].first)
            fputc(',', js->f);
        js->open[js->depth - 1].first = false;
    }
    if (js->pending) {
        fputs(js->pending, js->f);
        js->pending = NULL;
    }
    return js;
}

static void
json_open(sprinter *sp, char opener, char closer)
{
    sprinter_json *js = json_begin_value(sp);
    fputc(opener, js->f);
    assert(js->depth < SPRINTER_JSON_DEPTH);
    if (js->depth < SPRINTER_JSON_DEPTH) {
        js->open[js->depth].closer = closer;
        js->open[js->depth].first = true;
    }
    js->depth++;
}

static void
json_begin_map(sprinter *sp)
{
    json_open(sp, '{', '}');
}

static void
json_begin_list(sprinter *sp)
{
    json_open(sp, '[', ']');
}

static void
json_end(sprinter *sp)
{
    sprinter_json *js = json_state(sp);
    assert(js->depth > 0 && !js->after_key);
    if (js->depth == 0)
        return;
    if (js->pending) {
        fputs(js->pending, js->f);
        js->pending = NULL;
    }
    js->depth--;
    fputc(js->depth < SPRINTER_JSON_DEPTH ? js->open[js->depth].closer : ']', js->f);
    if (js->depth == 0)
        fputc('\n', js->f);
}

static void
json_string_len(sprinter *sp, const char *s, size_t len)
{
    sprinter_json *js = json_begin_value(sp);
    cli_escape_len(js->f, s, len, ESC_JSON);
}

static void
json_string(sprinter *sp, const char *s)
{
    sprinter_json *js = json_begin_value(sp);
    cli_escape(js->f, s, ESC_JSON);
}

static void
json_map_key(sprinter *sp, const char *key)
{
    sprinter_json *js = json_begin_value(sp);
    cli_escape(js->f, key, ESC_JSON);
    fputc(':', js->f);
    js->after_key = true;
}

static void
json_integer(sprinter *sp, long long v)
{
    sprinter_json *js = json_begin_value(sp);
    fprintf(js->f, "%lld", v);
}

static void
json_number(sprinter *sp, const char *fmt, double v)
{
    sprinter_json *js = json_begin_value(sp);
    if (isfinite(v))
        fprintf(js->f, fmt, v);
    else
        fputs("null", js->f);
}

static void
json_boolean(sprinter *sp, bool v)
{
    sprinter_json *js = json_begin_value(sp);
    fputs(v ? "true" : "false", js->f);
}

static void
json_null(sprinter *sp)
{
    sprinter_json *js = json_begin_value(sp);
    fputs("null", js->f);
}

static void
json_separator(sprinter *sp, const char *ws)
{
    json_state(sp)->pending = ws;
}

sprinter *
sprinter_json_init(sprinter_json *js, FILE *f)
{
    *js = (sprinter_json){
        .sp = {
            .begin_map = json_begin_map,
            .begin_list = json_begin_list,
            .end = json_end,
            .map_key = json_map_key,
            .string = json_string,
            .string_len = json_string_len,
            .integer = json_integer,
            .number = json_number,
            .boolean = json_boolean,
            .null = json_null,
            .separator = json_separator,
        },
        .f = f,
    };
    return &js->sp;
}

void
sprinter_map_string(sprinter *sp, const char *key, const char *s)
{
    sp->map_key(sp, key);
    sp->string(sp, s);
}

void
sprinter_map_integer(sprinter *sp, const char *key, long long v)
{
    sp->map_key(sp, key);
    sp->integer(sp, v);
}

void
sprinter_map_bool(sprinter *sp, const char *key, bool v)
{
    sp->map_key(sp, key);
    sp->boolean(sp, v);
}

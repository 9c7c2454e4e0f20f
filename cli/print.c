/* print.c: what the printers share: the formats a command can ask for,
 * labels for unknown values, padding by characters, the opening of every
 * JSON result and the Swedish amount format. Each result's printer is in
 * its own print-*.c; nothing here knows a result type. */
#include "cli.h"

#include <string.h>

const cli_keyword cli_format_keywords[] = {
    { "text", FMT_TEXT }, { "json", FMT_JSON }, { "csv", FMT_CSV }, { "csv-sv", FMT_CSV_SV }, { "md", FMT_MD },
    { NULL, 0 },
};

const char *
cli_lan_label(int lan)
{
    return lan >= 0 ? ps_lan_name(lan) : "okänt län";
}

const char *
cli_lan_field(int lan)
{
    return lan >= 0 ? ps_lan_name(lan) : "";
}

const char *
cli_org_label(const char *org)
{
    return org[0] ? org : "(unknown organisation)";
}

/* Characters of UTF-8 text: bytes that do not continue a sequence. */
static int
u8len(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void
cli_pad_right(FILE *f, const char *s, int width)
{
    int chars = u8len(s);
    cli_escape(f, s, ESC_PLAIN);
    fprintf(f, "%*s", width - chars > 0 ? width - chars : 1, "");
}

void
cli_pad_left(FILE *f, const char *s, int width)
{
    int chars = u8len(s);
    fprintf(f, "%*s", width - chars > 0 ? width - chars : 0, "");
    cli_escape(f, s, ESC_PLAIN);
}

sprinter *
cli_json_begin(sprinter_json *js, FILE *f)
{
    sprinter *sp = sprinter_json_init(js, f);
    sp->begin_map(sp);
    sprinter_map_integer(sp, "format_version", PS_FORMAT_VERSION);
    return sp;
}

void
cli_json_list(sprinter *sp, const char *key)
{
    sp->map_key(sp, key);
    sp->begin_list(sp);
}

void
cli_json_item(sprinter *sp)
{
    sp->separator(sp, "\n");
    sp->begin_map(sp);
}

void
cli_json_list_end(sprinter *sp)
{
    sp->separator(sp, "\n");
    sp->end(sp);
}

void
cli_format_amount(double v, char *out, size_t cap)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.4f", v < 0 ? -v : v);
    char *dot = strchr(digits, '.');
    size_t ilen = dot ? (size_t)(dot - digits) : strlen(digits);
    /* trailing zeros of the decimals go */
    char *dec = dot ? dot + 1 : NULL;
    if (dec) {
        size_t dl = strlen(dec);
        while (dl > 0 && dec[dl - 1] == '0')
            dec[--dl] = '\0';
    }
    char tmp[96];
    size_t t = 0;
    if (v < 0 && t + 3 < sizeof tmp) { /* U+2212 MINUS SIGN */
        memcpy(tmp + t, "\xE2\x88\x92", 3);
        t += 3;
    }
    for (size_t i = 0; i < ilen && t + 2 < sizeof tmp; i++) {
        if (i > 0 && (ilen - i) % 3 == 0)
            tmp[t++] = ' ';
        tmp[t++] = digits[i];
    }
    if (dec && *dec) {
        tmp[t++] = ',';
        for (const char *d = dec; *d && t + 1 < sizeof tmp; d++)
            tmp[t++] = *d;
    }
    tmp[t] = '\0';
    snprintf(out, cap, "%s", tmp);
}

void
cli_print_doc_fields(FILE *f, const ps_docinfo *d, cli_escaping e)
{
    cli_escape(f, cli_org_label(d->org), e);
    if (*d->from_folder)
        fputs(" (from its folder)", f);
    if (*d->unit) {
        fputs(", ", f);
        cli_escape(f, d->unit, e);
    }
    fprintf(f, " · %s · %d", cli_lan_label(d->lan), d->year);
    char period[32];
    if (d->period_from)
        fprintf(f, " (%s)", cli_period(d->period_from, d->period_to, period));
    fprintf(f, " · %s", ps_kind_name(d->kind));
    if (*d->date) {
        fputs(" · ", f);
        cli_escape(f, d->date, e);
    }
    if (*d->lang && strcmp(d->lang, "sv") != 0)
        fprintf(f, " · språk %s", d->lang);
}

void
cli_json_doc_fields(sprinter *sp, const ps_docinfo *d)
{
    sprinter_map_string(sp, "organisation", d->org);
    sprinter_map_string(sp, "org_code", d->org_code);
    sprinter_map_string(sp, "unit", d->unit);
    sprinter_map_string(sp, "lan", cli_lan_field(d->lan));
    sprinter_map_integer(sp, "year", d->year);
    sprinter_map_integer(sp, "period_from", d->period_from);
    sprinter_map_integer(sp, "period_to", d->period_to);
    sprinter_map_string(sp, "date", d->date);
    sprinter_map_string(sp, "kind", ps_kind_name(d->kind));
    sprinter_map_string(sp, "lang", d->lang);
}

ps_docinfo
cli_hit_doc(const ps_hit *x)
{
    ps_docinfo d = { 0 };
    d.org = x->org;
    d.org_code = x->org_code;
    d.unit = x->unit;
    d.lan = x->lan;
    d.year = x->year;
    d.period_from = x->period_from;
    d.period_to = x->period_to;
    d.date = x->date;
    d.kind = x->kind;
    d.lang = x->lang;
    return d;
}

void
cli_cell(FILE *f, const char *sep, const char *s, cli_escaping e)
{
    fputs(sep, f);
    cli_escape(f, s, e);
}

const char *
cli_period(int from, int to, char buf[32])
{
    if (from)
        snprintf(buf, 32, "%d–%d", from, to);
    else
        buf[0] = '\0';
    return buf;
}

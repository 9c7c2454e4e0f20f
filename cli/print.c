/* print.c: every output format in one place: text for people, JSON and CSV
 * for programs, Markdown for reports. Formats differ only in syntax; all
 * print the same fields (docs/CLI.md lists them). Pages print 1-based. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const cli_keyword cli_format_keywords[] = {
    { "text", FMT_TEXT }, { "json", FMT_JSON }, { "csv", FMT_CSV }, { "md", FMT_MD }, { NULL, 0 },
};

static void
json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

/* ,"key":"value" — a string member after the first */
static void
json_field(FILE *f, const char *key, const char *value)
{
    fprintf(f, ",\"%s\":", key);
    json_str(f, value);
}

static void
csv_str(FILE *f, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s == '\n' ? ' ' : *s, f);
    }
    fputc('"', f);
}

/* Markdown table cell: pipes escaped, newlines folded. */
static void
md_str(FILE *f, const char *s)
{
    for (s = s ? s : ""; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '\n')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
}

/* Snippet with its marks: open/close strings around each match. */
static void
marked(FILE *f, const ps_hit *h, const char *open, const char *close, void (*esc)(FILE *, const char *))
{
    const char *s = h->snippet ? h->snippet : "";
    size_t at = 0, len = strlen(s);
    for (size_t i = 0; i < h->nmarks; i++) {
        if (h->marks[i].start < at || h->marks[i].end > len)
            continue;
        char *seg = strndup(s + at, h->marks[i].start - at);
        esc(f, seg);
        free(seg);
        fputs(open, f);
        seg = strndup(s + h->marks[i].start, h->marks[i].end - h->marks[i].start);
        esc(f, seg);
        free(seg);
        fputs(close, f);
        at = h->marks[i].end;
    }
    esc(f, s + at);
}

static void
plain(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\n' ? ' ' : *s, f);
}

static int
u8len(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static const char *
lan_or_unknown(int lan)
{
    return lan >= 0 ? ps_lan_name(lan) : "okänt län";
}

void
cli_print_hits(FILE *f, const ps_hits *h, cli_format fmt, bool color)
{
    switch (fmt) {
    case FMT_TEXT:
        for (size_t i = 0; i < h->n; i++) {
            const ps_hit *x = &h->hits[i];
            fprintf(f, "%s%zu. %s · %s · %d · %s%s\n", color ? "\033[1m" : "", i + 1,
                    x->org[0] ? x->org : "(unknown organisation)", lan_or_unknown(x->lan), x->year,
                    ps_kind_name(x->kind), color ? "\033[0m" : "");
            fprintf(f, "   %s, page %d · %s%s%s\n   ", x->file, x->page + 1, ps_section_name(x->section),
                    x->heading[0] ? " · " : "", x->heading);
            marked(f, x, color ? "\033[1;31m" : "[", color ? "\033[0m" : "]", plain);
            fprintf(f, "\n\n");
        }
        fprintf(f, "%zu of about %zu matching passages\n", h->n, h->total);
        break;
    case FMT_JSON:
        fprintf(f, "{\"format_version\":%d,\"query\":", PS_FORMAT_VERSION);
        json_str(f, h->query);
        fprintf(f, ",\"total\":%zu,\"suggestion\":", h->total);
        json_str(f, h->suggestion ? h->suggestion : "");
        fprintf(f, ",\"hits\":[");
        for (size_t i = 0; i < h->n; i++) {
            const ps_hit *x = &h->hits[i];
            fprintf(f, "%s\n{\"rank\":%zu,\"score\":%.0f,\"organisation\":", i ? "," : "", i + 1, x->score);
            json_str(f, x->org);
            json_field(f, "lan", x->lan >= 0 ? ps_lan_name(x->lan) : "");
            fprintf(f, ",\"year\":%d,\"kind\":", x->year);
            json_str(f, ps_kind_name(x->kind));
            json_field(f, "file", x->file);
            json_field(f, "docid", x->docid);
            fprintf(f, ",\"page\":%d,\"section\":", x->page + 1);
            json_str(f, ps_section_name(x->section));
            json_field(f, "heading", x->heading);
            json_field(f, "snippet", x->snippet);
            fprintf(f, ",\"marks\":[");
            for (size_t k = 0; k < x->nmarks; k++)
                fprintf(f, "%s[%zu,%zu]", k ? "," : "", x->marks[k].start, x->marks[k].end);
            fprintf(f, "]}");
        }
        fprintf(f, "\n]}\n");
        break;
    case FMT_CSV:
        fprintf(f, "rank,organisation,lan,year,kind,file,page,section,heading,snippet\n");
        for (size_t i = 0; i < h->n; i++) {
            const ps_hit *x = &h->hits[i];
            fprintf(f, "%zu,", i + 1);
            csv_str(f, x->org);
            fputc(',', f);
            csv_str(f, x->lan >= 0 ? ps_lan_name(x->lan) : "");
            fprintf(f, ",%d,%s,", x->year, ps_kind_name(x->kind));
            csv_str(f, x->file);
            fprintf(f, ",%d,%s,", x->page + 1, ps_section_name(x->section));
            csv_str(f, x->heading);
            fputc(',', f);
            csv_str(f, x->snippet);
            fputc('\n', f);
        }
        break;
    case FMT_MD:
        fprintf(f, "| # | Län | År | Organisation | Dokument | Sida | Avsnitt | Rubrik | Utdrag |\n");
        fprintf(f, "|---|---|---|---|---|---|---|---|---|\n");
        for (size_t i = 0; i < h->n; i++) {
            const ps_hit *x = &h->hits[i];
            fprintf(f, "| %zu | %s | %d | ", i + 1, lan_or_unknown(x->lan), x->year);
            md_str(f, x->org);
            fputs(" | ", f);
            md_str(f, x->file);
            fprintf(f, " | %d | %s | ", x->page + 1, ps_section_name(x->section));
            md_str(f, x->heading);
            fputs(" | ", f);
            marked(f, x, "**", "**", md_str);
            fputs(" |\n", f);
        }
        break;
    }
}

void
cli_print_matrix(FILE *f, const ps_matrix *m, cli_format fmt)
{
    const char *sep = fmt == FMT_CSV ? "," : fmt == FMT_MD ? " | " : "  ";
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"query\":", PS_FORMAT_VERSION);
        json_str(f, m->query);
        fprintf(f, ",\"years\":[");
        for (int y = 0; y < m->nyear; y++)
            fprintf(f, "%s%d", y ? "," : "", m->years[y]);
        fprintf(f, "],\"total_passages\":%u,\"total_documents\":%u,\"rows\":[", m->total_passages, m->total_docs);
        for (int l = 0; l < m->nlan; l++) {
            fprintf(f, "%s\n{\"lan\":", l ? "," : "");
            json_str(f, m->lans[l] >= 0 ? ps_lan_name(m->lans[l]) : "");
            fprintf(f, ",\"cells\":[");
            for (int y = 0; y < m->nyear; y++)
                fprintf(f, "%s{\"year\":%d,\"passages\":%u,\"documents\":%u}", y ? "," : "", m->years[y],
                        m->passages[l * m->nyear + y], m->docs[l * m->nyear + y]);
            fprintf(f, "]}");
        }
        fprintf(f, "\n]}\n");
        return;
    }
    if (fmt == FMT_CSV) {
        fprintf(f, "lan,year,passages,documents\n");
        for (int l = 0; l < m->nlan; l++)
            for (int y = 0; y < m->nyear; y++) {
                unsigned p = m->passages[l * m->nyear + y];
                if (!p)
                    continue;
                csv_str(f, m->lans[l] >= 0 ? ps_lan_name(m->lans[l]) : "");
                fprintf(f, ",%d,%u,%u\n", m->years[y], p, m->docs[l * m->nyear + y]);
            }
        return;
    }
    /* text and Markdown: a table, cells "passages/documents" */
    int w = 22;
    if (fmt == FMT_MD)
        fprintf(f, "| ");
    fprintf(f, "%s%*s", "Län", fmt == FMT_MD ? 0 : w - 3, "");
    for (int y = 0; y < m->nyear; y++) {
        char yl[16];
        snprintf(yl, sizeof yl, "%d", m->years[y]);
        fprintf(f, "%s%7s", sep, m->years[y] ? yl : "?");
    }
    fprintf(f, "%s%7s%s\n", sep, "Totalt", fmt == FMT_MD ? " |" : "");
    if (fmt == FMT_MD) {
        fprintf(f, "|---");
        for (int y = 0; y <= m->nyear; y++)
            fprintf(f, "|---:");
        fprintf(f, "|\n");
    }
    for (int l = 0; l < m->nlan; l++) {
        const char *name = lan_or_unknown(m->lans[l]);
        if (fmt == FMT_MD)
            fprintf(f, "| %s", name);
        else /* pad by characters, not bytes */
            fprintf(f, "%s%*s", name, w - u8len(name) > 0 ? w - u8len(name) : 1, "");
        unsigned tp = 0, td = 0;
        for (int y = 0; y < m->nyear; y++) {
            unsigned p = m->passages[l * m->nyear + y], d = m->docs[l * m->nyear + y];
            char cell[32];
            if (p)
                snprintf(cell, sizeof cell, "%u/%u", p, d);
            else
                snprintf(cell, sizeof cell, "-");
            fprintf(f, "%s%7s", sep, cell);
            tp += p;
            td += d;
        }
        char tot[32];
        snprintf(tot, sizeof tot, "%u/%u", tp, td);
        fprintf(f, "%s%7s%s\n", sep, tot, fmt == FMT_MD ? " |" : "");
    }
    if (fmt == FMT_TEXT)
        fprintf(f, "\n%u passages in %u documents (cells: passages/documents)\n", m->total_passages,
                m->total_docs);
}

void
cli_print_docs(FILE *f, const ps_doclist *l, cli_format fmt)
{
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"documents\":[", PS_FORMAT_VERSION);
        for (size_t i = 0; i < l->n; i++) {
            const ps_docinfo *d = &l->docs[i];
            fprintf(f, "%s\n{\"docid\":", i ? "," : "");
            json_str(f, d->docid);
            json_field(f, "file", d->file);
            json_field(f, "path", d->path);
            json_field(f, "title", d->title);
            json_field(f, "organisation", d->org);
            json_field(f, "lan", d->lan >= 0 ? ps_lan_name(d->lan) : "");
            fprintf(f, ",\"year\":%d,\"kind\":", d->year);
            json_str(f, ps_kind_name(d->kind));
            fprintf(f, ",\"pages\":%d,\"text_pages\":%d,\"passages\":%d}", d->pages, d->text_pages, d->passages);
        }
        fprintf(f, "\n]}\n");
        return;
    }
    if (fmt == FMT_CSV || fmt == FMT_MD) {
        const char *s = fmt == FMT_CSV ? "," : " | ";
        if (fmt == FMT_MD)
            fprintf(f, "| Fil | Organisation | Län | År | Typ | Sidor | Passager |\n|---|---|---|---:|---|---:|---:|\n");
        else
            fprintf(f, "file,organisation,lan,year,kind,pages,passages\n");
        for (size_t i = 0; i < l->n; i++) {
            const ps_docinfo *d = &l->docs[i];
            if (fmt == FMT_MD)
                fputs("| ", f);
            (fmt == FMT_CSV ? csv_str : md_str)(f, d->file);
            fputs(s, f);
            (fmt == FMT_CSV ? csv_str : md_str)(f, d->org);
            fputs(s, f);
            (fmt == FMT_CSV ? csv_str : md_str)(f, d->lan >= 0 ? ps_lan_name(d->lan) : "");
            fprintf(f, "%s%d%s%s%s%d%s%d%s\n", s, d->year, s, ps_kind_name(d->kind), s, d->pages, s, d->passages,
                    fmt == FMT_MD ? " |" : "");
        }
        return;
    }
    for (size_t i = 0; i < l->n; i++) {
        const ps_docinfo *d = &l->docs[i];
        fprintf(f, "%s\n  %s · %s · %d · %s · %d pages (%d with text) · %d passages\n", d->file,
                d->org[0] ? d->org : "(unknown organisation)", lan_or_unknown(d->lan), d->year,
                ps_kind_name(d->kind), d->pages, d->text_pages, d->passages);
    }
    fprintf(f, "%zu document%s\n", l->n, l->n == 1 ? "" : "s");
}

void
cli_print_outline(FILE *f, const ps_outline *o, cli_format fmt)
{
    const ps_docinfo *d = &o->info;
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"file\":", PS_FORMAT_VERSION);
        json_str(f, d->file);
        json_field(f, "docid", d->docid);
        json_field(f, "organisation", d->org);
        json_field(f, "lan", d->lan >= 0 ? ps_lan_name(d->lan) : "");
        fprintf(f, ",\"year\":%d,\"kind\":", d->year);
        json_str(f, ps_kind_name(d->kind));
        fprintf(f, ",\"outline\":[");
        for (size_t i = 0; i < o->nheadings; i++) {
            const ps_heading *h = &o->headings[i];
            fprintf(f, "%s\n{\"level\":%d,\"page\":%d,\"section\":\"%s\",\"heading\":", i ? "," : "", h->level,
                    h->page + 1, ps_section_name(h->section));
            json_str(f, h->text);
            fputc('}', f);
        }
        fprintf(f, "]");
        if (o->passages) {
            fprintf(f, ",\"passages\":[");
            for (size_t i = 0; i < o->passages->n; i++) {
                const ps_hit *p = &o->passages->hits[i];
                fprintf(f, "%s\n{\"page\":%d,\"section\":\"%s\",\"heading\":", i ? "," : "", p->page + 1,
                        ps_section_name(p->section));
                json_str(f, p->heading);
                json_field(f, "text", p->text);
                fputc('}', f);
            }
            fprintf(f, "]");
        }
        fprintf(f, "}\n");
        return;
    }
    if (fmt == FMT_CSV) {
        fprintf(f, "level,page,section,heading\n");
        for (size_t i = 0; i < o->nheadings; i++) {
            fprintf(f, "%d,%d,%s,", o->headings[i].level, o->headings[i].page + 1,
                    ps_section_name(o->headings[i].section));
            csv_str(f, o->headings[i].text);
            fputc('\n', f);
        }
        return;
    }
    bool md = fmt == FMT_MD;
    fprintf(f, md ? "## %s\n\n%s · %s · %d · %s · %d sidor · %d passager\n\n" : "%s\n  %s · %s · %d · %s · %d pages · %d passages\n\n",
            d->file, d->org[0] ? d->org : "(unknown organisation)", lan_or_unknown(d->lan), d->year,
            ps_kind_name(d->kind), d->pages, d->passages);
    /* Passages follow the heading their heading path ends with; both lists
     * are in document order. */
    const ps_hits *ps = o->passages;
    size_t next = 0;
    for (size_t i = 0; i <= o->nheadings; i++) {
        if (i > 0) {
            const ps_heading *h = &o->headings[i - 1];
            if (md)
                fprintf(f, "%*s- %s (p. %d, %s)\n", 2 * (h->level - 1), "", h->text, h->page + 1,
                        ps_section_name(h->section));
            else
                fprintf(f, "  p%-3d %-9s %*s%s\n", h->page + 1, ps_section_name(h->section), 2 * (h->level - 1), "",
                        h->text);
        }
        while (ps && next < ps->n) {
            const ps_hit *p = &ps->hits[next];
            const char *last = strrchr(p->heading, '>');
            last = last ? last + 2 : p->heading;
            bool mine = p->heading[0] == '\0' || (i > 0 && !strcmp(last, o->headings[i - 1].text)) ||
                        i == o->nheadings;
            if (!mine)
                break;
            fprintf(f, md ? "    - p. %d *%s*: " : "        p%-3d [%s] ", p->page + 1, ps_section_name(p->section));
            plain(f, p->text[0] ? p->text : "(heading only)");
            fputc('\n', f);
            next++;
        }
    }
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
cli_print_budget(FILE *f, const ps_budget *b, cli_format fmt)
{
    char num[64];
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"rows\":[", PS_FORMAT_VERSION);
        for (size_t i = 0; i < b->n; i++) {
            const ps_budget_row *r = &b->rows[i];
            fprintf(f, "%s\n{\"organisation\":", i ? "," : "");
            json_str(f, r->org);
            json_field(f, "lan", r->lan >= 0 ? ps_lan_name(r->lan) : "");
            fprintf(f, ",\"year\":%d,\"file\":", r->year);
            json_str(f, r->file);
            fprintf(f, ",\"page\":%d,\"table\":", r->page + 1);
            json_str(f, r->table);
            json_field(f, "unit", r->unit);
            json_field(f, "label", r->label);
            fprintf(f, ",\"columns\":[");
            for (size_t k = 0; k < r->ncols; k++) {
                fprintf(f, "%s", k ? "," : "");
                json_str(f, r->columns[k]);
            }
            fprintf(f, "],\"amounts\":[");
            for (size_t k = 0; k < r->ncols; k++) {
                if (r->present[k])
                    fprintf(f, "%s%.10g", k ? "," : "", r->amounts[k]);
                else
                    fprintf(f, "%snull", k ? "," : "");
            }
            fprintf(f, "]}");
        }
        fprintf(f, "\n]}\n");
        return;
    }
    if (fmt == FMT_CSV) { /* long format: one line per amount, for pivot tables */
        fprintf(f, "organisation,lan,year,file,page,table,unit,label,column,amount\n");
        for (size_t i = 0; i < b->n; i++) {
            const ps_budget_row *r = &b->rows[i];
            for (size_t k = 0; k < r->ncols; k++) {
                if (!r->present[k])
                    continue;
                csv_str(f, r->org);
                fputc(',', f);
                csv_str(f, r->lan >= 0 ? ps_lan_name(r->lan) : "");
                fprintf(f, ",%d,", r->year);
                csv_str(f, r->file);
                fprintf(f, ",%d,", r->page + 1);
                csv_str(f, r->table);
                fprintf(f, ",%s,", r->unit);
                csv_str(f, r->label);
                fputc(',', f);
                csv_str(f, r->columns[k]);
                fprintf(f, ",%.10g\n", r->amounts[k]);
            }
        }
        return;
    }
    /* text and Markdown: one table per source table */
    bool md = fmt == FMT_MD;
    for (size_t i = 0; i < b->n; i++) {
        const ps_budget_row *r = &b->rows[i];
        bool first = i == 0 || strcmp(r->docid, b->rows[i - 1].docid) || strcmp(r->table, b->rows[i - 1].table) ||
                     r->page != b->rows[i - 1].page;
        if (first) {
            if (md) {
                fprintf(f, "%s**%s** (%s, %d), %s s. %d%s%s\n\n| Post |", i ? "\n" : "", r->table, r->org,
                        r->year, r->file, r->page + 1, r->unit[0] ? ", " : "", r->unit);
                for (size_t k = 0; k < r->ncols; k++)
                    fprintf(f, " %s |", r->columns[k]);
                fprintf(f, "\n|---|");
                for (size_t k = 0; k < r->ncols; k++)
                    fprintf(f, "---:|");
                fputc('\n', f);
            } else {
                fprintf(f, "%s%s · %s · %d · %s, page %d\n  %s%s%s%s\n  %-34s", i ? "\n" : "",
                        r->org[0] ? r->org : "(unknown organisation)", lan_or_unknown(r->lan), r->year, r->file,
                        r->page + 1, r->table, r->unit[0] ? " [" : "", r->unit, r->unit[0] ? "]" : "", "");
                for (size_t k = 0; k < r->ncols; k++)
                    fprintf(f, " %14s", r->columns[k]);
                fputc('\n', f);
            }
        }
        if (md) {
            fputs("| ", f);
            md_str(f, r->label);
            fputs(" |", f);
        } else {
            fprintf(f, "  %s%*s", r->label, 34 - u8len(r->label) > 0 ? 34 - u8len(r->label) : 1, "");
        }
        for (size_t k = 0; k < r->ncols; k++) {
            if (r->present[k])
                cli_format_amount(r->amounts[k], num, sizeof num);
            else
                snprintf(num, sizeof num, "–");
            if (md)
                fprintf(f, " %s |", num);
            else
                fprintf(f, " %*s", 14 + (int)(strlen(num) - (size_t)u8len(num)), num);
        }
        fputc('\n', f);
    }
    if (!md)
        fprintf(f, "\n%zu budget rows\n", b->n);
}

static const char *const diff_op_names[] = { "same", "del", "add" };

/* A reworded goal's new wording with the changes marked. */
static void
print_diff(FILE *f, const ps_goal_link *l, cli_format fmt)
{
    for (size_t k = 0; k < l->ndiff; k++) {
        const ps_diff *d = &l->diff[k];
        if (k)
            fputc(' ', f);
        if (d->op == PS_DIFF_SAME)
            fmt == FMT_MD ? md_str(f, d->text) : plain(f, d->text);
        else if (fmt == FMT_MD)
            fprintf(f, d->op == PS_DIFF_DEL ? "~~%s~~" : "**%s**", d->text);
        else
            fprintf(f, d->op == PS_DIFF_DEL ? "[-%s-]" : "{+%s+}", d->text);
    }
}

void
cli_print_goals(FILE *f, const ps_goals *g, const char *query, cli_format fmt)
{
    size_t count[4] = { 0 };
    for (size_t i = 0; i < g->nlinks; i++)
        count[g->links[i].change]++;
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"lan\":", PS_FORMAT_VERSION);
        json_str(f, ps_lan_name(g->lan));
        json_field(f, "query", query ? query : "");
        fprintf(f, ",\"years\":[");
        for (int y = 0; y < g->nyears; y++)
            fprintf(f, "%s%d", y ? "," : "", g->years[y]);
        fprintf(f, "],\"goals\":[");
        for (size_t i = 0; i < g->ngoals; i++) {
            const ps_goal *x = &g->goals[i];
            fprintf(f, "%s\n{\"id\":%zu,\"year\":%d,\"file\":", i ? "," : "", i, x->year);
            json_str(f, x->file);
            fprintf(f, ",\"page\":%d,\"heading\":", x->page + 1);
            json_str(f, x->heading);
            json_field(f, "text", x->text);
            fputc('}', f);
        }
        fprintf(f, "],\"links\":[");
        for (size_t i = 0; i < g->nlinks; i++) {
            const ps_goal_link *l = &g->links[i];
            fprintf(f, "%s\n{\"from_year\":%d,\"to_year\":%d,\"change\":\"%s\",", i ? "," : "", l->from_year,
                    l->to_year, ps_goal_change_name(l->change));
            if (l->from >= 0)
                fprintf(f, "\"from\":%ld,", l->from);
            else
                fprintf(f, "\"from\":null,");
            if (l->to >= 0)
                fprintf(f, "\"to\":%ld,", l->to);
            else
                fprintf(f, "\"to\":null,");
            fprintf(f, "\"similarity\":%.3f,\"diff\":[", l->similarity);
            for (size_t k = 0; k < l->ndiff; k++) {
                fprintf(f, "%s{\"op\":\"%s\",\"text\":", k ? "," : "", diff_op_names[l->diff[k].op]);
                json_str(f, l->diff[k].text);
                fputc('}', f);
            }
            fprintf(f, "]}");
        }
        fprintf(f, "\n],\"summary\":{\"kept\":%zu,\"reworded\":%zu,\"new\":%zu,\"dropped\":%zu}}\n", count[0],
                count[1], count[2], count[3]);
        return;
    }
    if (fmt == FMT_CSV) {
        fprintf(f, "from_year,to_year,change,similarity,from_file,from_page,from_text,to_file,to_page,to_text\n");
        for (size_t i = 0; i < g->nlinks; i++) {
            const ps_goal_link *l = &g->links[i];
            const ps_goal *a = l->from >= 0 ? &g->goals[l->from] : NULL, *b = l->to >= 0 ? &g->goals[l->to] : NULL;
            fprintf(f, "%d,%d,%s,%.3f,", l->from_year, l->to_year, ps_goal_change_name(l->change), l->similarity);
            csv_str(f, a ? a->file : "");
            fprintf(f, a ? ",%d," : ",,", a ? a->page + 1 : 0);
            csv_str(f, a ? a->text : "");
            fputc(',', f);
            csv_str(f, b ? b->file : "");
            fprintf(f, b ? ",%d," : ",,", b ? b->page + 1 : 0);
            csv_str(f, b ? b->text : "");
            fputc('\n', f);
        }
        return;
    }
    bool md = fmt == FMT_MD;
    int from_year = 0;
    for (size_t i = 0; i < g->nlinks; i++) {
        const ps_goal_link *l = &g->links[i];
        const ps_goal *a = l->from >= 0 ? &g->goals[l->from] : NULL, *b = l->to >= 0 ? &g->goals[l->to] : NULL;
        if (l->from_year != from_year) {
            from_year = l->from_year;
            if (md)
                fprintf(f, "%s### Mål för %s: %d → %d\n\n| Förändring | %d | %d |\n|---|---|---|\n", i ? "\n" : "",
                        ps_lan_name(g->lan), l->from_year, l->to_year, l->from_year, l->to_year);
            else
                fprintf(f, "%sGoals of %s: %d -> %d%s%s\n", i ? "\n" : "", ps_lan_name(g->lan), l->from_year,
                        l->to_year, query && *query ? ", about: " : "", query && *query ? query : "");
        }
        if (md) {
            fprintf(f, "| %s | ", ps_goal_change_name(l->change));
            if (a) {
                md_str(f, a->text);
                fprintf(f, " (s. %d)", a->page + 1);
            }
            fputs(" | ", f);
            if (b && l->change == PS_GOAL_REWORDED)
                print_diff(f, l, fmt);
            else if (b)
                md_str(f, b->text);
            if (b)
                fprintf(f, " (s. %d)", b->page + 1);
            fputs(" |\n", f);
            continue;
        }
        char where[64];
        snprintf(where, sizeof where, "%s%.0d%s%s%.0d", a ? "p" : "", a ? a->page + 1 : 0, a && b ? " -> " : "",
                 b ? "p" : "", b ? b->page + 1 : 0);
        fprintf(f, "  %-9s %-13s ", ps_goal_change_name(l->change), where);
        if (l->change == PS_GOAL_REWORDED)
            print_diff(f, l, fmt);
        else
            plain(f, (b ? b : a)->text);
        fputc('\n', f);
    }
    if (!md)
        fprintf(f, "\n%zu kept, %zu reworded, %zu new, %zu dropped\n", count[0], count[1], count[2], count[3]);
}

static const ps_compare_cell *
compare_cell(const ps_compare *c, int lan, int year)
{
    for (size_t k = 0; k < c->ncells; k++)
        if (c->cells[k].lan == lan && c->cells[k].year == year)
            return &c->cells[k];
    return NULL;
}

/* Years where the topic appears (after a year without it, or in the first
 * year) or disappears; into the two buffers as "2013, 2018". */
typedef struct yearlist {
    char s[512];
    size_t len;
} yearlist;

static void
yearlist_add(yearlist *l, int year)
{
    if (l->len + 8 < sizeof l->s)
        l->len += (size_t)snprintf(l->s + l->len, sizeof l->s - l->len, "%s%d", l->len ? ", " : "", year);
}

static void
transitions(const ps_compare_row *r, yearlist *appears, yearlist *disappears)
{
    appears->len = disappears->len = 0;
    appears->s[0] = disappears->s[0] = '\0';
    for (int y = 0; y < r->nyears; y++) {
        bool before = y > 0 && r->present[y - 1];
        if (r->present[y] && !before)
            yearlist_add(appears, r->years[y]);
        if (!r->present[y] && y > 0 && before)
            yearlist_add(disappears, r->years[y]);
    }
}

void
cli_print_compare(FILE *f, const ps_compare *c, cli_format fmt)
{
    if (fmt == FMT_CSV) {
        fprintf(f, "lan,year,passages,documents,mal,insatser,budget,other,best_file,best_page,best_section,best_snippet\n");
        for (size_t k = 0; k < c->ncells; k++) {
            const ps_compare_cell *x = &c->cells[k];
            const ps_hit *b = x->best >= 0 ? &c->best->hits[x->best] : NULL;
            csv_str(f, x->lan >= 0 ? ps_lan_name(x->lan) : "");
            fprintf(f, ",%d,%u,%u,%u,%u,%u,%u,", x->year, x->passages, x->docs, x->sections[PS_SECTION_MAL],
                    x->sections[PS_SECTION_INSATSER], x->sections[PS_SECTION_BUDGET], x->sections[PS_SECTION_OTHER]);
            csv_str(f, b ? b->file : "");
            fprintf(f, b ? ",%d,%s," : ",,,", b ? b->page + 1 : 0, b ? ps_section_name(b->section) : "");
            csv_str(f, b ? b->snippet : "");
            fputc('\n', f);
        }
        return;
    }
    if (fmt == FMT_JSON) {
        fprintf(f, "{\"format_version\":%d,\"query\":", PS_FORMAT_VERSION);
        json_str(f, c->query);
        fprintf(f, ",\"lans\":[");
        for (size_t r = 0; r < c->nrows; r++) {
            const ps_compare_row *row = &c->rows[r];
            fprintf(f, "%s\n{\"lan\":", r ? "," : "");
            json_str(f, ps_lan_name(row->lan));
            fprintf(f, ",\"years\":[");
            for (int y = 0; y < row->nyears; y++) {
                const ps_compare_cell *x = compare_cell(c, row->lan, row->years[y]);
                const ps_hit *b = x && x->best >= 0 ? &c->best->hits[x->best] : NULL;
                fprintf(f, "%s{\"year\":%d,\"passages\":%u,\"documents\":%u,\"sections\":{", y ? "," : "",
                        row->years[y], x ? x->passages : 0, x ? x->docs : 0);
                for (int s = 0; s < PS_SECTION_COUNT; s++)
                    fprintf(f, "%s\"%s\":%u", s ? "," : "", ps_section_name((ps_section)s), x ? x->sections[s] : 0);
                fprintf(f, "},\"best\":");
                if (b) {
                    fprintf(f, "{\"file\":");
                    json_str(f, b->file);
                    fprintf(f, ",\"page\":%d,\"section\":\"%s\",\"heading\":", b->page + 1,
                            ps_section_name(b->section));
                    json_str(f, b->heading);
                    json_field(f, "snippet", b->snippet);
                    fputc('}', f);
                } else {
                    fprintf(f, "null");
                }
                fputc('}', f);
            }
            yearlist ap, dis;
            transitions(row, &ap, &dis);
            fprintf(f, "],\"appears\":[%s],\"disappears\":[%s]}", ap.s, dis.s);
        }
        fprintf(f, "\n]}\n");
        return;
    }
    bool md = fmt == FMT_MD;
    if (!md)
        fprintf(f, "'%s' by län and year\n", c->query);
    for (size_t r = 0; r < c->nrows; r++) {
        const ps_compare_row *row = &c->rows[r];
        yearlist ap, dis;
        transitions(row, &ap, &dis);
        if (md)
            fprintf(f, "%s### %s\n\nFörekommer första gången: %s. Försvinner: %s.\n\n"
                       "| År | Passager | Dokument | Mål | Insatser | Budget | Övrigt | Bästa träff |\n"
                       "|---:|---:|---:|---:|---:|---:|---:|---|\n",
                    r ? "\n" : "", ps_lan_name(row->lan), ap.len ? ap.s : "–", dis.len ? dis.s : "–");
        else
            fprintf(f, "\n%s (appears %s; disappears %s)\n", ps_lan_name(row->lan), ap.len ? ap.s : "-",
                    dis.len ? dis.s : "-");
        for (int y = 0; y < row->nyears; y++) {
            const ps_compare_cell *x = compare_cell(c, row->lan, row->years[y]);
            const ps_hit *b = x && x->best >= 0 ? &c->best->hits[x->best] : NULL;
            if (md) {
                fprintf(f, "| %d | %u | %u | %u | %u | %u | %u | ", row->years[y], x ? x->passages : 0,
                        x ? x->docs : 0, x ? x->sections[1] : 0, x ? x->sections[2] : 0, x ? x->sections[3] : 0,
                        x ? x->sections[0] : 0);
                if (b) {
                    md_str(f, b->file);
                    fprintf(f, " s. %d (%s): ", b->page + 1, ps_section_name(b->section));
                    marked(f, b, "**", "**", md_str);
                }
                fputs(" |\n", f);
                continue;
            }
            if (!x) {
                fprintf(f, "  %d  not found\n", row->years[y]);
                continue;
            }
            fprintf(f, "  %d  %u passage%s in %u document%s (mal %u, insatser %u, budget %u, other %u)\n",
                    row->years[y], x->passages, x->passages == 1 ? "" : "s", x->docs, x->docs == 1 ? "" : "s",
                    x->sections[1], x->sections[2], x->sections[3], x->sections[0]);
            if (b) {
                fprintf(f, "        best: %s, page %d · %s · ", b->file, b->page + 1, ps_section_name(b->section));
                marked(f, b, "[", "]", plain);
                fputc('\n', f);
            }
        }
    }
}

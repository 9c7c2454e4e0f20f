/* synonyms.c: groups of words and phrases an analyst means alike ("ESF =
 * Europeiska socialfonden"), one group per line of the built-in
 * core/synonyms.txt or of a file of the same form. Reading them only; the
 * query layer (query/prepare.c) puts a group into the query. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

/* A synonyms file is a list typed by hand: the built-in one is 2 kB. */
enum { SYNONYMS_MAX_MB = 1 };

static bool
has_word(const char *form)
{
    for (; *form; form++)
        if (psi_byte_is_word((unsigned char)*form))
            return true;
    return false;
}

void
psi_synonyms_parse(psi_synonyms *s, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = psi_strndup(p, len);
        p += len + (nl ? 1 : 0);
        char *c = line;
        while (*c == ' ' || *c == '\t')
            c++;
        if (*c && *c != '#' && strstr(c, " = ")) {
            int g = s->ngroups++;
            for (char *f = c; f;) {
                char *eq = strstr(f, " = ");
                if (eq)
                    *eq = '\0';
                f = psi_trim(f);
                size_t fl = strlen(f);
                if (has_word(f)) { /* a form of only '"', '-' ... asks for nothing */
                    psi_buf low = PSI_BUF_INIT;
                    psi_lower_append(&low, f, fl);
                    s->v = psi_realloc(s->v, (s->n + 1) * sizeof *s->v);
                    s->v[s->n++] = (psi_synonym){ psi_buf_detach(&low), psi_strdup(f), g };
                }
                f = eq ? eq + 3 : NULL;
            }
        }
        free(line);
    }
}

ps_status
psi_synonyms_add_file(psi_synonyms *s, const char *path, ps_error *err)
{
    char *text;
    ps_status st = psi_slurp_settings(path, "synonyms file", SYNONYMS_MAX_MB, &text, err);
    if (st != PS_OK)
        return st;
    if (!psi_utf8_valid(text, strlen(text)))
        st = psi_fail(err, PS_ERR_USAGE, "synonyms file '%s' is not UTF-8", path);
    else
        psi_synonyms_parse(s, text);
    free(text);
    return st;
}

void
psi_synonyms_release(psi_synonyms *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].form);
        free(s->v[i].shown);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* inflect.c: Swedish inflection that Xapian's Swedish stemmer misses. The
 * unstressed e before a last l or r drops when an ending follows
 * ("cykel" / "cyklar", "medel" / "medlen", "exempel" / "exemplen"): the
 * stemmer takes "cykel" to "cykel" and "cyklar" to "cykl". And a neuter
 * noun's definite form in -et or -t keeps its ending ("mål" / "målet",
 * "beslut" / "beslutet", "arbete" / "arbetet", "område" / "området"): the
 * stemmer has no -et. So a search for one form missed the other. Pure C
 * over lower-case words. */
#include "plansok-private.h"

#include <string.h>

static bool
consonant(char c)
{
    return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* The e drops before a last l or r ("cykel", "fönster"). Not before n: a
 * noun's definite form in -en looks the same ("kosten" would give "kostn",
 * the stem of "kostnad"). */
static bool
liquid(char c)
{
    return c == 'l' || c == 'r';
}

/* Nouns whose form without the e is a verb's stem: "handel" / "handla"
 * ("handlar om" is "is about"). */
static bool
verb_like(const char *noun)
{
    static const char *const nouns[] = { "handel", NULL };
    for (int i = 0; nouns[i]; i++)
        if (!strcmp(noun, nouns[i]))
            return true;
    return false;
}

bool
psi_e_syncope(const char *word, char *out, size_t cap)
{
    size_t n = strlen(word);
    if (n < 4 || n >= cap || !liquid(word[n - 1]) || word[n - 2] != 'e' || !consonant(word[n - 3]) ||
        verb_like(word))
        return false;
    memcpy(out, word, n - 2);
    out[n - 2] = word[n - 1];
    out[n - 1] = '\0';
    return true;
}

bool
psi_e_restore(const char *stem, char *out, size_t cap)
{
    size_t n = strlen(stem);
    if (n < 4 || n + 1 >= cap || !liquid(stem[n - 1]) || !consonant(stem[n - 2]) || stem[n - 2] == stem[n - 1])
        return false;
    memcpy(out, stem, n - 1);
    out[n - 1] = 'e';
    out[n] = stem[n - 1];
    out[n + 1] = '\0';
    if (verb_like(out)) {
        out[0] = '\0';
        return false;
    }
    return true;
}

bool
psi_neuter_other(const char *word, char *out, size_t cap)
{
    size_t n = strlen(word);
    if (n < 3 || n + 3 > cap)
        return false;
    if (n >= 5 && word[n - 2] == 'e' && word[n - 1] == 't') { /* "målet" -> "mål" */
        memcpy(out, word, n - 2);
        out[n - 2] = '\0';
        return true;
    }
    memcpy(out, word, n + 1);
    if (word[n - 1] == 'e' || word[n - 1] == 'a') /* "arbete" -> "arbetet", "schema" -> "schemat" */
        strcat(out, "t");
    else if (consonant(word[n - 1]) || (unsigned char)word[n - 1] >= 0x80) /* "mål", "beslut" -> "-et" */
        strcat(out, "et");
    else
        return false;
    return true;
}

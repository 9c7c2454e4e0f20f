/* smallwords.c: the small words a Swedish sentence, or a table's label,
 * does not end with: auxiliaries, conjunctions, prepositions, articles
 * (and the Danish and Norwegian ones of the same kind). A line or a
 * statement that ends with one goes on elsewhere. */
#include "plansok-private.h"

#include <string.h>

bool
psi_word_goes_on(const char *w)
{
    static const char *const words[] = {
        "ska",   "skall", "bör",    "kan",   "att",  "och",  "eller", "som",  "i",   "för",  "av",
        "med",   "till",  "på",     "om",    "en",   "ett",  "den",   "det",  "de",  "vid",  "från",
        "samt",  "inkl.", "inkl",   "mot",   "under", "över", "efter", "mellan", "genom", "og", "af",
        "til",   "fra",   "for",    "ved",   "et",   "der",  NULL,
    };
    for (int i = 0; words[i]; i++)
        if (!strcmp(w, words[i]))
            return true;
    return false;
}

/* statements.c: goal statements as plans write them, and how alike two
 * are. Statements are the sentences of a passage; a run-on list of goals
 * ("... per år Inflyttningsnettot ska vara positivt") is cut around each
 * "ska" (see split_goals). A statement counts as a goal when it has a goal
 * cue and does not open as a fact or a fragment (the cue tables below).
 * Two statements are alike by the larger of the overlap of their Swedish
 * stems and the overlap of their letter trigrams, so spelling drift
 * between years ("Lönesummeutvecklingen" / "Lönesummautvecklingen") still
 * pairs them; a reworded goal's word diff is a longest common subsequence.
 * query/goals.c aligns them year by year. */
#include "plansok-private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define STATEMENT_MIN_WORDS 3

/* ------------------------------------------------------------ psi_words */

static bool
word_char(uint32_t cp)
{
    return psi_cp_is_letter(cp) || (cp >= '0' && cp <= '9');
}

/* Splits text into words (letters and digits) with their stems. */
void
psi_words_of(const char *text, psi_words *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(text), cap = 0;
    for (size_t i = 0, s; psi_utf8_run(text, n, &i, &s, word_char, word_char);) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->w = psi_realloc(out->w, cap * sizeof *out->w);
            out->low = psi_realloc(out->low, cap * sizeof *out->low);
            out->key = psi_realloc(out->key, cap * sizeof *out->key);
        }
        psi_buf low = PSI_BUF_INIT;
        psi_lower_append(&low, text + s, i - s);
        out->w[out->n] = psi_strndup(text + s, i - s);
        out->key[out->n] = psi_stem(psi_buf_str(&low));
        out->low[out->n] = psi_buf_detach(&low);
        out->n++;
    }
}

void
psi_words_release(psi_words *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->w[i]);
        free(w->low[i]);
        free(w->key[i]);
    }
    free(w->w);
    free(w->low);
    free(w->key);
}

/* ------------------------------------------------------------- goal cues */

/* Which statements are goals. A cue is lower-case words, where "20xx"
 * stands for a year (1900-2099). A goal needs a goal cue anywhere in it
 * (the word "mål" alone is not one: "Målen pekar ut riktningen" speaks of
 * goals; a lead-in ending in ':' is not one either);
 * a fact cue at its start marks a present state or history ("Idag har
 * länet 28 %.", "Under 2011 omkom 11 personer ..."), and a statement
 * starting with a lower-case letter is a fragment ("ska användas varje
 * år."). docs/CLI.md lists these; tests/unit/test-goals.c has the cases. */
static const char *const goal_cues[] = {
    "ska", "skall", "bör",                               /* shall, should */
    "målet är", "målen är", "målet att", "målsättningen är", /* the goal is (to), not a goal named in passing */
    "målet enligt",                                      /* "Målet enligt Målbild tåg 2035 är ..." */
    "öka", "ökas", "minska", "minskas",                  /* increase, decrease */
    "uppnå", "uppnås", "uppnått", "senast", "till 20xx", /* reach, by (a year) */
    "ha ökat till", "ha minskat till",                   /* (shall) have risen / fallen to */
    NULL,
};
static const char *const fact_cues[] = {
    "idag", "i dag",                /* today */
    "under 20xx", "sedan 20xx",     /* during, since (a year) */
    "det finns", "det fanns",       /* there is, there was */
    NULL,
};

static bool
is_year(const char *w)
{
    return strlen(w) == 4 && (!strncmp(w, "19", 2) || !strncmp(w, "20", 2)) && isdigit((unsigned char)w[2]) &&
           isdigit((unsigned char)w[3]);
}

/* Whether word w is the cue word c[0..len). */
static bool
cue_word(const char *w, const char *c, size_t len)
{
    if (len == 4 && !strncmp(c, "20xx", 4))
        return is_year(w);
    return strlen(w) == len && !strncmp(w, c, len);
}

/* Whether the words of cue are the words of w from word i on. */
static bool
cue_at(const char *cue, const psi_words *w, size_t i)
{
    for (const char *c = cue; *c; i++) {
        size_t len = strcspn(c, " ");
        if (i >= w->n || !cue_word(w->low[i], c, len))
            return false;
        c += len + (c[len] == ' ');
    }
    return true;
}

/* Whether w ends in one of ends after at least three bytes of its own. */
static bool
ends_in(const char *w, const char *const *ends)
{
    size_t n = strlen(w);
    for (int i = 0; ends[i]; i++) {
        size_t e = strlen(ends[i]);
        if (n > e + 2 && !strcmp(w + n - e, ends[i]))
            return true;
    }
    return false;
}

/* The words for a goal, alone or ending a compound. */
static const char *const goal_words[] = { "mål", "målet", "målen", "målsättning", "målsättningen", NULL };

char *
psi_goal_words_query(void)
{
    psi_buf q = PSI_BUF_INIT;
    for (int i = 0; goal_words[i]; i++) {
        psi_buf_adds(&q, i ? " OR " : "");
        psi_buf_adds(&q, goal_words[i]);
    }
    return psi_buf_detach(&q);
}

/* Whether w is a compound naming a goal: "…mål", "…målet", "…målen",
 * "…målsättning", "…målsättningen". */
static bool
named_goal(const char *w)
{
    static const char *const *const ends = goal_words;
    /* a language, a court's cases: no goals ("Lärare i modersmål är …") */
    static const char *const not_goals[] = { "modersmål", "modersmålet", "tvistemål", "brottmål", "brottmålen", NULL };
    for (int i = 0; not_goals[i]; i++)
        if (!strcmp(w, not_goals[i]))
            return false;
    return ends_in(w, ends);
}

/* Whether w is a modal verb of a main clause. */
static bool
is_modal(const char *w)
{
    return !strcmp(w, "ska") || !strcmp(w, "skall") || !strcmp(w, "bör") || !strcmp(w, "vill");
}

/* Whether one of words (lower case) is among the n words before word i. */
static bool
word_before(const psi_words *w, size_t i, size_t n, const char *const *words)
{
    for (size_t j = i >= n ? i - n : 0; j < i; j++)
        for (int k = 0; words[k]; k++)
            if (!strcmp(w->low[j], words[k]))
                return true;
    return false;
}

/* Whether one of openers, within back words before word i, opens a clause
 * that word i lies in: no main clause's modal comes between, and the opener
 * is not what one works for ("verka för att", "arbeta för att"); with
 * subjects, the word before the opener is one of them. */
static bool
opened_by(const psi_words *w, size_t i, size_t back, const char *const *opener, const char *const *subjects)
{
    static const char *const works[] = { "verka", "verkar", "verkat", "arbeta", "arbetar", "arbetat", NULL };
    for (size_t j = i >= back ? i - back : 0; j + 1 < i; j++)
        for (int b = 0; opener[b]; b++) {
            if (!cue_at(opener[b], w, j) || (subjects && !word_before(w, j, 1, subjects)))
                continue;
            bool worked = false;
            for (int k = 0; works[k] && j > 0 && !worked; k++)
                worked = !strcmp(w->low[j - 1], works[k]);
            /* a main clause's modal between the opener and word i ends the
             * clause: "Genom att samverka ska vi öka tryggheten" */
            bool main_clause = false;
            for (size_t k = j + 2; k < i && !main_clause; k++)
                main_clause = is_modal(w->low[k]);
            if (!worked && !main_clause)
                return true;
        }
    return false;
}

/* Whether the words before word i open a clause of means or purpose:
 * "genom att", "för att", "så att", "syftar till att", "i syfte att". */
static bool
means_or_purpose(const psi_words *w, size_t i, size_t back)
{
    static const char *const opener[] = { "genom att",       "för att",     "så att",
                                          "syftar till att", "syftar också till att",
                                          "syftar även till att", "syfte att", "möjligt att", NULL };
    return opened_by(w, i, back, opener, NULL);
}

static bool measure_after(const psi_words *w, size_t i);

/* Whether word i lies in a clause of what something said before leads to,
 * whose subject may be long: "Det bidrar till att alla som bor och verkar i
 * Västra Götaland ska ha möjlighet …" ("Det", "Detta", "Vilket" … before
 * the verb). A clause with its measure is a target ("Det bidrar till att
 * andelen ska öka till 80 procent"); "Kommunen bidrar till att fler
 * invånare ska kunna vara fysiskt aktiva" and "Vi ska bidra till att …"
 * state goals. */
static bool
effect_of(const psi_words *w, size_t i)
{
    static const char *const opener[] = { "bidrar till att", "bidrog till att", "bidrar också till att",
                                          "leder till att", NULL };
    static const char *const said[] = { "det", "detta", "här", "vilket", "dessa", "som", NULL };
    return opened_by(w, i, 12, opener, said) && !measure_after(w, i);
}

/* Whether the "ska" at word i opens a relative clause ("som ska") of a
 * main clause that does something else than say what a thing is:
 * "Budgeten innehåller satsningar som ska öka måluppfyllelsen" tells what
 * the budget holds, while "Alingsås är en kommun som ska växa hållbart"
 * and "Det är elevernas behov som ska styra" state what shall be. */
static bool
relative_ska(const psi_words *w, size_t i)
{
    static const char *const copulas[] = { "är", "var", "blir", "förblir", NULL };
    if (i == 0 || strcmp(w->low[i - 1], "som"))
        return false;
    /* a clause with its measure is a target ("insatser som ska öka andelen
     * behöriga lärare till 80 procent 2027") */
    for (size_t j = i + 1; j < w->n && j <= i + 12; j++)
        if (isdigit((unsigned char)w->low[j][0]))
            return false;
    for (size_t j = 0; j + 1 < i; j++)
        for (int k = 0; copulas[k]; k++)
            if (!strcmp(w->low[j], copulas[k]))
                return false;
    return true;
}

/* Whether the "ska" at word i tells of something rather than says what
 * shall be: in a relative clause of a thing held (relative_ska) or an
 * indirect question ("beskriva hur tågtrafiken i Västra Götaland ska
 * utvecklas", "vad som ska göras"; not "oavsett hur de bor, ska alla ha
 * …", "Vi vet vad vi vill: resandet ska …"). */
static bool
ska_tells_of(const psi_words *w, size_t i)
{
    if (relative_ska(w, i))
        return true;
    if (i >= 2 && !strcmp(w->low[i - 1], "som") && !strcmp(w->low[i - 2], "vad"))
        return true;
    for (size_t j = i >= 5 ? i - 5 : 0; j < i; j++)
        if (!strcmp(w->low[j], "hur"))
            return !(j > 0 && !strcmp(w->low[j - 1], "oavsett"));
    return false;
}

/* Whether the words after the "ska" at word i are a main clause's subject
 * after a fronted clause of purpose ("För att uppnå målen ska nämnden
 * anställa …", "För att lyckas ska vi …"): a pronoun or a noun in its
 * definite form, where the clause's own "ska" is followed by its verb ("för
 * att alla ska få kännedom"). */
static bool
inverted_subject(const psi_words *w, size_t i)
{
    static const char *const pronouns[] = { "vi", "jag", "man", "de", "den", "det", "hon", "han", "alla", NULL };
    static const char *const fronted[] = { "för", "genom", NULL };
    if (i + 1 >= w->n || !word_before(w, 1, 1, fronted))
        return false;
    static const char *const definite[] = { "en", "et", "erna", "arna", "orna", NULL };
    return word_before(w, i + 2, 1, pronouns) || ends_in(w->low[i + 1], definite);
}

/* Whether a number or a share follows word i within six words: the
 * measure of a goal ("minskas med 20 procent", "ökas med hälften"). */
static bool
measure_after(const psi_words *w, size_t i)
{
    static const char *const shares[] = { "procent", "hälften", "två", "tre", "fyra", "fem", "sex", "sju", "åtta",
                                          "nio", "tio", NULL };
    for (size_t j = i + 1; j < w->n && j <= i + 6; j++) {
        if (isdigit((unsigned char)w->low[j][0]))
            return true;
        for (int k = 0; shares[k]; k++)
            if (!strcmp(w->low[j], shares[k]))
                return true;
    }
    return false;
}

/* Whether goal cue c at word i says no goal here:
 * - "öka", "minska", "uppnå" and "till 2035" in a clause of means or
 *   purpose ("Genom att öka cyklingens attraktivitet kommer fler att
 *   cykla", "för att minska utsläppen", "för att uppnå målet om
 *   resandeökning", "för att kunna tredubbla resandet till 2035", "vilket
 *   gör det möjligt att fortsätta att öka lärartätheten", "syftar också
 *   till att minska"), unless a main clause's "ska", "bör", "vill" comes
 *   between ("Genom att samverka ska vi öka tryggheten"); as a goal line's
 *   first word or after "är att", "vill" they state a goal ("Öka andelen
 *   elever …", "Målet är att minska …", "Fortsätta att öka andelen
 *   förnybar energi");
 * - "öka", "minska" as infinitives of a relative "ska" ("satsningar som
 *   ska öka måluppfyllelsen … och öka attraktiviteten") and a "till 2035"
 *   of an indirect question ("hur tågtrafiken ska utvecklas till 2035"),
 *   see ska_tells_of;
 * - a present passive "ökas", "minskas" states a goal with its measure
 *   ("minskas med 20 procent"); without one it tells what is done ("ökas
 *   de totala resurserna genom att en grundresurs införs");
 * - "fram till 2023", "sträcker sig till 2037" is until a year, not by it,
 *   and "inte till 2035" is what will not be;
 * - "målet enligt" after a preposition names a goal in passing ("i linje
 *   med målet enligt målbilden"); as a subject it opens one ("Det
 *   övergripande målet enligt Målbild tåg 2035 är …");
 * - a "ska" in such a clause ("för att alla ska få kännedom", "så att fler
 *   ska kunna", "syftar till att flera ska välja") is why something is done,
 *   not what shall be ("Regionen verkar för att länet ska ha …" is); in a
 *   relative clause of a thing held or an indirect question ("beskriva hur
 *   tågtrafiken ska utvecklas") it tells of something; after "framgår att",
 *   "anges att", "angav att" or "enligt skollagen" it (and a "bör") is what
 *   a law or another document requires or advises ("regeringen angav att
 *   de transportpolitiska målen bör vara en utgångspunkt"). */
static bool
cue_in_passing(const char *c, const psi_words *w, size_t i)
{
    bool verb = !strcmp(c, "öka") || !strcmp(c, "minska") || !strcmp(c, "uppnå") || !strcmp(c, "uppnås");
    if (verb || !strcmp(c, "till 20xx")) {
        /* the clause of a "ska" that tells of something */
        for (size_t j = i; j-- > 0 && i - j <= 12;)
            if (is_modal(w->low[j])) {
                if (ska_tells_of(w, j))
                    return true;
                break;
            }
    }
    /* "Det uppnås också genom att …" tells how, not what */
    if (!strcmp(c, "uppnås") && i + 1 < w->n &&
        (!strcmp(w->low[i + 1], "genom") || (i + 2 < w->n && !strcmp(w->low[i + 2], "genom"))))
        return true;
    if (verb)
        return means_or_purpose(w, i, 5) || effect_of(w, i);
    if (!strcmp(c, "ökas") || !strcmp(c, "minskas"))
        return !measure_after(w, i);
    if (!strcmp(c, "till 20xx")) {
        static const char *const until[] = { "fram", "sig", "inte", NULL };
        return word_before(w, i, 1, until) || means_or_purpose(w, i, 8);
    }
    if (!strcmp(c, "målet enligt")) {
        static const char *const preps[] = { "med", "i", "på", "mot", "till", "för", "om", "av", NULL };
        return word_before(w, i, 1, preps);
    }
    if (!strcmp(c, "ska") || !strcmp(c, "skall") || !strcmp(c, "bör")) {
        if (strcmp(c, "bör") &&
            ((means_or_purpose(w, i, 6) && !inverted_subject(w, i)) || effect_of(w, i) || ska_tells_of(w, i)))
            return true;
        for (size_t j = i >= 6 ? i - 6 : 0; j + 1 < i; j++) {
            static const char *const required[] = { "framgår att", "anges att", "anger att", "angav att",
                                                    "angavs att", "föreskriver att", NULL };
            for (int b = 0; required[b]; b++)
                if (cue_at(required[b], w, j))
                    return true;
            size_t n = strlen(w->low[j + 1]);
            if (!strcmp(w->low[j], "enligt") &&
                ((n >= 5 && !strcmp(w->low[j + 1] + n - 5, "lagen")) ||
                 (n >= 6 && !strcmp(w->low[j + 1] + n - 6, "lagens"))))
                return true;
        }
    }
    return false;
}

/* Whether the statement speaks about a goal rather than states one: its
 * subject is the goal ("Målet", "Målen", "Klimatmålet", after "Det
 * övergripande" or "Detta"), its verb tells what the goal does or how it
 * was set ("Målet pekar ut riktningen för Västra Götaland till 2030",
 * "Målet är satt med utblick mot 2040", "Målen följs upp varje år"), and
 * nothing after the verb states it: no "ska", "öka", "minska", "uppnå", no
 * number but a year, no "procent", no ':' ("Målet är satt till 50 procent
 * 2030", "Målet handlar om att alla barn ska ha …", "Målet är satt:
 * utsläppen ska vara noll 2045" state goals). */
static bool
about_goal(const char *s, const psi_words *w)
{
    static const char *const leads[] = { "det", "detta", "vårt", "övergripande", "långsiktiga", NULL };
    static const char *const verbs[] = { "pekar", "handlar", "beskriver", "gäller", "omfattar", "bygger",
                                         "följs",  "sattes",  "togs",      "antogs", "speglar", "utgår",
                                         NULL };
    static const char *const set[] = { "satt",      "fastställt", "fastställda", "antaget", "antagna", "beslutat",
                                       "formulerat", "framtaget", "uppsatt",     NULL };
    static const char *const goal[] = { "målet", "målen", NULL };
    static const char *const states[] = { "ska", "skall", "öka", "minska", "uppnå", "procent", NULL };
    size_t i = 0;
    while (i < w->n && i < 2 && word_before(w, i + 1, 1, leads))
        i++;
    if (i + 1 >= w->n || !(word_before(w, i + 1, 1, goal) || ends_in(w->low[i], goal)))
        return false;
    size_t v = i + 1; /* the verb */
    if (!word_before(w, v + 1, 1, verbs)) {
        if (strcmp(w->low[v], "är") || v + 1 >= w->n || !word_before(w, v + 2, 1, set))
            return false;
        v++;
    }
    if (strchr(s, ':'))
        return false;
    for (size_t j = v + 1; j < w->n; j++)
        if (word_before(w, j + 1, 1, states) || (isdigit((unsigned char)w->low[j][0]) && !is_year(w->low[j])))
            return false;
    return true;
}

/* Whether a statement judges how far a goal was reached, a follow-up's
 * word and not a goal: "Målet att ha en pålitlig leverans bedöms ha
 * uppnåtts", "Målet bedöms därmed uppnått", "målvärdet har inte
 * uppfyllts"; not "Målet ska vara uppnått 2030". */
static bool
assessed(const psi_words *w)
{
    static const char *const done[] = { "uppnåtts", "uppfyllts", "nåtts", "uppnåddes", "uppfylldes", "nåddes", NULL };
    static const char *const judged[] = { "bedöms", "bedömdes", "bedömts", "anses", "ansågs", NULL };
    static const char *const reached[] = { "uppnått", "uppnådd", "uppnådda", "uppfyllt", "uppfylld", "uppfyllda",
                                           "nått", NULL };
    static const char *const modal[] = { "ska", "skall", "bör", "måste", NULL };
    bool judge = false, reach = false;
    for (size_t i = 0; i < w->n; i++) {
        /* "Senast 2030 ska klimatneutralitet ha uppnåtts" is a goal: a
         * modal a few words before the participle */
        bool wanted = word_before(w, i, 4, modal);
        if (word_before(w, i + 1, 1, done) && !wanted)
            return true;
        judge |= word_before(w, i + 1, 1, judged);
        reach |= word_before(w, i + 1, 1, reached) && !wanted;
    }
    return judge && reach;
}

/* Whether s ends a lead-in to a list ("Per verksamhet finns följande mål:"). */
static bool
lead_in(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n > 0 && (s[n - 1] == ':' || s[n - 1] == ';');
}

/* What statement s is taken for (psi_statement_kind); *plain says that it
 * has no goal cue and is neither a lead-in nor about a goal. */
static ps_statement_kind
kind_of(const char *s, const psi_words *w, bool *plain)
{
    *plain = false;
    /* lower case first: a fragment of a sentence cut elsewhere (the next
     * clause of a listed goal has lost its "att" and starts with a capital:
     * push_statement) */
    if (psi_starts_lower(s))
        return PS_STATEMENT_FRAGMENT;
    /* a lead-in to a list is not a goal itself */
    if (lead_in(s))
        return PS_STATEMENT_NO_CUE;
    /* a sentence cut off at a page or column end ends in a word that needs
     * more after it; with no goal cue before that word it states nothing
     * ("Enligt skollagens (2010:800) kapitel 1 ska"), with one it is a goal
     * however it ends ("Fem utländska personer ska ha flyttat till länet
     * som ett resultat av") */
    size_t n = strlen(s);
    bool cut = w->n > 0 && n > 0 && !strchr(".!?", s[n - 1]) && psi_word_goes_on(w->low[w->n - 1]);
    for (int k = 0; fact_cues[k]; k++)
        if (cue_at(fact_cues[k], w, 0))
            return PS_STATEMENT_FACT;
    if (about_goal(s, w))
        return PS_STATEMENT_NO_CUE;
    if (assessed(w))
        return PS_STATEMENT_FACT;
    psi_words head = *w; /* the words a cue may lie in; what follows it may
                          * be read to the end ("Det uppnås genom") */
    head.n -= cut;
    for (size_t i = 0; i < head.n; i++) {
        for (int k = 0; goal_cues[k]; k++)
            if (cue_at(goal_cues[k], &head, i) && !cue_in_passing(goal_cues[k], w, i))
                return PS_STATEMENT_GOAL;
        /* a named goal: "Nämndens kompetensförsörjningsmål är att …",
         * "Verksamhetsmålet är …" */
        if (i + 1 < head.n && !strcmp(head.low[i + 1], "är") && named_goal(head.low[i]))
            return PS_STATEMENT_GOAL;
    }
    *plain = !cut;
    return cut ? PS_STATEMENT_FRAGMENT : PS_STATEMENT_NO_CUE;
}

/* Whether one of words is among the n words before word i, in its clause:
 * not before an "och", "men" or "samt" that starts another ("Regionen
 * vill nå fler och det långsiktiga målet är …"). */
static bool
in_clause_before(const psi_words *w, size_t i, size_t n, const char *const *words)
{
    static const char *const joins[] = { "och", "men", "samt", NULL };
    for (size_t j = i; j-- > 0 && i - j <= n;) {
        if (word_before(w, j + 1, 1, joins))
            return false;
        if (word_before(w, j + 1, 1, words))
            return true;
    }
    return false;
}

bool
psi_statement_names_goal(const char *s, const psi_words *w)
{
    static const char *const *const goal = goal_words;
    static const char *const subordinate[] = { "tills", "när", "då", "om", "innan", "sedan", "hur", "att", NULL };
    static const char *const has[] = { "som", "övergripande", "långsiktigt", "ett", "vårt", NULL };
    static const char *const reached[] = { "uppnått", "uppnådd", "uppnådda", "nått", "uppfyllt", "uppfyllda",
                                           "satt",    "fastställt", "antaget", NULL };
    static const char *const towards[] = { "uppnå", "uppnås", "nå", "nås", "mot", "bidrar", "bidra", NULL };
    static const char *const would[] = { "skulle", "kunde", "kan", NULL }; /* a goal one might have */
    static const char *const others[] = { "nationella", "nationellt", "globala", "internationella", "regeringens",
                                          "riksdagens", "eu", "agenda", NULL }; /* another body's goal */
    bool plain;
    ps_statement_kind k = kind_of(s, w, &plain);
    if (k == PS_STATEMENT_FRAGMENT || k == PS_STATEMENT_FACT || lead_in(s))
        return false;
    for (size_t i = 0; i < w->n; i++) {
        if (!(word_before(w, i + 1, 1, goal) || named_goal(w->low[i])) || word_before(w, i, 1, subordinate))
            continue;
        /* a goal worked towards ("bidrar till att uppnå det övergripande
         * målet"), the aim of a text ("målet med rapporten är att …"), one
         * proposed ("Nätverket skulle också ha som mål att …") */
        static const char *const purpose[] = { "för", NULL };
        if (in_clause_before(w, i, 8, towards) || (i + 1 < w->n && !strcmp(w->low[i + 1], "med")) ||
            word_before(w, i, 5, would) || word_before(w, i, 3, purpose) || word_before(w, i, 3, others) ||
            !strncmp(w->low[i], "nation", 6))
            continue;
        /* "har som mål att …", "ett övergripande mål – att bli …" */
        if (i + 1 < w->n && !strcmp(w->low[i + 1], "att") && word_before(w, i, 1, has))
            return true;
        /* "Målet är att …", "Det finansiella målet för … 2027 är ett
         * positivt resultat på 1 procent …": what the goal is, a clause
         * or a figure; not "målet är uppnått", "Strategins mål är
         * utgångspunkt för …" */
        for (size_t j = i + 1; j < w->n && j <= i + 9; j++) {
            if (is_modal(w->low[j]))
                break;
            if (strcmp(w->low[j], "är"))
                continue;
            if (j + 1 < w->n && !strcmp(w->low[j + 1], "att")) /* "… är att ha nått …" states one */
                return true;
            /* "Målet är (delvis, inte, till stor del) uppfyllt" follows a
             * goal up */
            if (j + 1 >= w->n || word_before(w, j + 5 < w->n ? j + 5 : w->n, 4, reached))
                break;
            for (size_t m = j + 1; m < w->n && m <= j + 7; m++)
                if (isdigit((unsigned char)w->low[m][0]) && !is_year(w->low[m]))
                    return true;
            break;
        }
    }
    return false;
}

bool
psi_hit_names_goal(const ps_hit *p, const char *s, const psi_words *w)
{
    if (p->kind == PS_KIND_PROTOKOLL || p->kind == PS_KIND_KALLELSE || p->kind == PS_KIND_TJANSTESKRIVELSE)
        return false;
    return psi_statement_names_goal(s, w);
}

ps_statement_kind
psi_statement_kind(const char *s, const psi_words *w)
{
    bool plain;
    return kind_of(s, w, &plain);
}

static bool
fact_or_about(const char *s, const psi_words *w)
{
    for (int k = 0; fact_cues[k]; k++)
        if (cue_at(fact_cues[k], w, 0))
            return true;
    return about_goal(s, w);
}

/* A heading path's last part read as a goal's title: its word ("mål",
 * "målet", "målen" or a compound, "delmål"), a number after it ("3", "2.1",
 * "2026-2029"), and what follows a ':' or a dash ("Mål 3: Trygg kommun",
 * "Mål 2 – Ökad trygghet", "Mål – tågresandet ska tredubblas"), as an
 * offset into the part. Only the title's word is lower-cased. */
typedef struct title {
    const char *part; /* the heading's last part */
    bool word;        /* it opens with a goal's word */
    bool compound;    /* ... a compound ("Samhällsmål") */
    bool number;      /* a number follows the word */
    bool year;        /* ... a year ("Delmål 2028") */
    char sep;         /* ':', '-' (a dash) or 0 (none: the part ends) */
    size_t rest;      /* where the text after sep starts in part */
    bool other;       /* something else follows: "Mål och indikatorer" */
} title;

/* The length of a dash at s (-, en dash, em dash), or 0. */
static size_t
dash_at(const char *s)
{
    if (*s == '-')
        return 1;
    return !strncmp(s, "\xe2\x80\x93", 3) || !strncmp(s, "\xe2\x80\x94", 3) ? 3 : 0;
}

static title
title_of(const char *heading)
{
    title t = { 0 };
    const char *last = heading, *sep;
    while ((sep = strstr(last, " > ")))
        last = sep + 3;
    t.part = last;
    size_t n = strcspn(last, " :");
    for (size_t k = 0; k < n; k++)
        if (dash_at(last + k)) {
            n = k;
            break;
        }
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, last, n);
    const char *word = psi_buf_str(&low);
    t.word = !strcmp(word, "mål") || !strcmp(word, "målet") || !strcmp(word, "målen");
    t.compound = !t.word && named_goal(word);
    t.word |= t.compound;
    psi_buf_release(&low);
    const char *r = last + n;
    while (*r == ' ')
        r++;
    bool spaced = r > last + n; /* "Mål - …", not the hyphen of "Mål- och …" */
    if (isdigit((unsigned char)*r)) {
        /* a number: digits, and more after '.', '/' or a dash between digits */
        t.number = true;
        t.year = strspn(r, "0123456789") == 4;
        for (;;) {
            r += strspn(r, "0123456789");
            size_t d = *r == '.' || *r == '/' ? 1 : dash_at(r);
            if (!d || !isdigit((unsigned char)r[d]))
                break;
            r += d;
        }
        if (*r == '.' && (r[1] == ' ' || !r[1]))
            r++; /* "Mål 3." */
        spaced = *r == ' ';
        while (*r == ' ')
            r++;
    }
    size_t d = *r == ':' ? 1 : *r == '-' && !spaced ? 0 : dash_at(r);
    if (d) {
        t.sep = *r == ':' ? ':' : '-';
        r += d;
        while (*r == ' ')
            r++;
    } else
        t.other = *r != '\0';
    t.rest = (size_t)(r - last);
    return t;
}

bool
psi_heading_names_goal(const char *heading)
{
    /* "Mål", "Mål 3", "Mål 3: Trygg kommun", "Delmål 2.1", "Mål 2026-2029";
     * not "Mål och indikatorer", nor "Mål – tågresandet ska tredubblas"
     * (a goal stated in the heading, heading_goal) */
    title t = title_of(heading);
    return t.word && !t.other && (t.sep != '-' || t.number);
}

/* Proposals put to a body, whose goals are the proposer's: a citizen's
 * proposal, an interpellation (always), a member's motion (when it is one:
 * numbered as a case, answered, or "Motion om …"; "Motion och
 * friluftsliv" is exercise). */
static const char *const proposal_words[] = { "medborgarförslag", "medborgarförslaget", "interpellation",
                                              "interpellationen", NULL };
static const char *const motion_words[] = { "motion", "motionen", "motioner", "motionssvar", NULL };
static const char *const motion_about[] = { "om", "från", "angående", "gällande", "rörande", "av", NULL };

/* Laws and the curricula by name, as the first word of a heading
 * ("Skollagen, bibliotekslagen och läroplanerna"; not "Förslagen i
 * korthet" nor "Riktlinjer för bistånd enligt socialtjänstlagen"). */
static const char *const law_words[] = {
    "lag", "lagen", "lagar", "lagstiftning", "lagstiftningen", "skollagen", "socialtjänstlagen", "bibliotekslagen",
    "kommunallagen", "förvaltningslagen", "arbetsmiljölagen", "diskrimineringslagen", "miljöbalken", "läroplan",
    "läroplaner", "läroplanen", "läroplanerna", "riksdagen", "riksdagens", "regeringen", NULL,
};

/* ... "nationell" or "internationell" before one of these ("Nationella
 * mål", "Internationell och nationell nivå"; not "Nationella minoriteter",
 * whose languages a biblioteksplan sets goals for, nor "Internationell
 * strategi" or "Internationell samverkan", a region's own) */
static const char *const national_what[] = { "nivå", "nivån", "mål", "målen", "riktlinjer", "styrdokument",
                                             "ramverk", NULL };

/* Whether a level of a heading, from its word i (after its number), heads
 * other levels' goals or the law's: it opens with them. */
static bool
opens_other_level(const psi_words *w, size_t i)
{
    if (i >= w->n)
        return false;
    const char *l = w->low[i];
    if (word_before(w, i + 1, 1, law_words))
        return true;
    /* "Agenda 2030 …", "Globala målen" */
    if (i + 1 < w->n && ((!strcmp(l, "agenda") && !strcmp(w->low[i + 1], "2030")) ||
                         (!strcmp(l, "globala") && !strncmp(w->low[i + 1], "mål", strlen("mål")))))
        return true;
    bool nat = !strcmp(l, "nationell") || !strcmp(l, "nationella");
    bool inter = !strcmp(l, "internationell") || !strcmp(l, "internationella");
    if ((nat || inter) && i + 1 < w->n) {
        if (inter && !strcmp(w->low[i + 1], "och"))
            return i + 2 < w->n && opens_other_level(w, i + 2);
        for (int k = 0; national_what[k]; k++)
            if (!strcmp(w->low[i + 1], national_what[k]) && (nat || k < 2))
                return true;
    }
    return false;
}

/* Whether one level of a heading heads others' goals; the document's
 * title (the first of several levels) only as a proposal: a title naming
 * a law is the document's own subject ("Riktlinjer för bistånd enligt
 * socialtjänstlagen > Mål"), a motion's is the proposer's. */
static bool
level_of_others(const char *level, size_t len, bool is_title)
{
    char *one = psi_strndup(level, len);
    psi_words w;
    psi_words_of(one, &w);
    free(one);
    size_t i = 0; /* after "§ 67", a case number "2018.123", "KS" */
    while (i < w.n && (isdigit((unsigned char)w.low[i][0]) || !strcmp(w.low[i], "ks") || !strcmp(w.low[i], "kf")))
        i++;
    bool numbered = i > 0;
    /* "Svar på motion …", "Besvarande av medborgarförslag …" */
    bool answered = i + 2 < w.n && ((!strcmp(w.low[i], "svar") && !strcmp(w.low[i + 1], "på")) ||
                                    (!strcmp(w.low[i], "besvarande") && !strcmp(w.low[i + 1], "av")));
    if (answered)
        i += 2;
    bool r = (!is_title && opens_other_level(&w, i)) || (i < w.n && word_before(&w, i + 1, 1, proposal_words)) ||
             (i < w.n && word_before(&w, i + 1, 1, motion_words) &&
              (numbered || answered || (i + 1 < w.n && word_before(&w, i + 2, 1, motion_about))));
    /* "E-förslag om …" is two words */
    r = r || (i + 1 < w.n && !strcmp(w.low[i], "e") && !strcmp(w.low[i + 1], "förslag"));
    psi_words_release(&w);
    return r;
}

bool
psi_heading_of_others(const char *heading)
{
    bool several = heading && strstr(heading, " > ");
    for (const char *lv = heading; lv && *lv; lv = strstr(lv, " > "), lv = lv ? lv + 3 : NULL)
        if (level_of_others(lv, strcspn(lv, ">"), several && lv == heading))
            return true;
    return false;
}

/* Whether a statement of the heading's own is a goal: not a fact, nor a
 * statement about a goal ("Mål – idag har länet 28 procent"). */
static bool fact_or_about(const char *s, const psi_words *w);

/* The goal a heading states after its title, with its first letter in upper
 * case, or NULL: "Mål – tågresandet ska tredubblas", "Mål 2 – Ökad
 * trygghet i hela kommunen", "Samhällsmål – framtida tillstånd: ökad
 * tillgång till arbete …"; three words or more, not a fact. Not a
 * compound's numbered chapter nor a year's ("Delmål 2028 – nödvändig
 * konkretisering på vägen", "Delmål 2.1 – fler i arbete"). */
static char *
heading_goal(const char *heading)
{
    title t = title_of(heading);
    if (!t.word || !t.sep || t.year || (t.compound && t.number))
        return NULL;
    const char *x = t.part + t.rest;
    /* without a list's number: "Mål – 1. Öka antalet företag" */
    const char *num = x + strspn(x, "0123456789");
    if (num > x && (*num == '.' || *num == ')') && num[1] == ' ')
        x = num + 2;
    psi_words w;
    psi_words_of(x, &w);
    bool ok = w.n >= 3 && !fact_or_about(x, &w);
    psi_words_release(&w);
    if (!ok)
        return NULL;
    psi_buf b = PSI_BUF_INIT;
    uint32_t cp;
    size_t k = psi_utf8_decode(x, strlen(x), &cp);
    if (k) {
        char up[4];
        psi_buf_add(&b, up, psi_utf8_encode(psi_cp_upper(cp), up));
        psi_buf_adds(&b, x + k);
    }
    return psi_buf_detach(&b);
}

/* Whether goal a states goal b in full: b's content words (not "ska",
 * "öka", "och", numbers …) are there in a, at least half of them, and b
 * has one ("Tågresandet ska tredubblas" in "… att tågtrafiken ska
 * tredubblas från 10,5 miljoner resor …"; "Resandet ska öka" is not in
 * "Antalet cyklister ska öka med 20 procent"). */
static bool
covers(const psi_words *a, const psi_words *b)
{
    static const char *const plain[] = { "ska",  "skall", "bör",  "att", "och",  "i",    "på",     "för",
                                         "av",   "med",   "till", "en",  "ett",  "som",  "de",     "det",
                                         "den",  "är",    "vara", "bli", "ha",   "öka",  "ökas",   "minska",
                                         "minskas", "uppnå", "senast", "mål", "målet", "målen", "alla", "fler",
                                         "mer",  "samt",  "eller", "inom", "från", "under", NULL };
    size_t content = 0, found = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (isdigit((unsigned char)b->low[i][0]) || word_before(b, i + 1, 1, plain))
            continue;
        content++;
        for (size_t j = 0; j < a->n; j++)
            if (!strcmp(a->key[j], b->key[i])) {
                found++;
                break;
            }
    }
    return content > 0 && 2 * found >= content;
}

static void
add_statement(psi_statements *out, char *text, size_t passage)
{
    psi_statement *st = &out->v[out->n++];
    st->text = text;
    psi_words_of(text, &st->w);
    st->passage = passage;
}

/* The last parts of a heading path whose items are no goals, under a
 * goal's title too: "Mål 1 > Indikatorer", "Verksamhetsmål > Aktiviteter". */
static const char *const not_goal_parts[] = { "indikator", "indikatorer", "aktivitet", "aktiviteter", "åtgärd",
                                              "åtgärder", "insatser", "uppföljning", "bakgrund", "nuläge",
                                              "resultat", "analys", "mått", "nyckeltal", NULL };

/* Whether the last part of a heading path, or the part above it (an area
 * under the goals: "2. Kompetensförsörjningsmål > Förskola"), is a goal's
 * title, its number left out; not when the last part names something
 * else under it ("Mål 1 > Indikatorer"). */
static bool
path_names_goals(const char *heading)
{
    const char *last = heading, *above = NULL;
    for (const char *p = heading; p && (p = strstr(p, " > ")); p += 3) {
        above = last;
        last = p + 3;
    }
    psi_words w;
    psi_words_of(last, &w);
    bool other = word_before(&w, w.n, w.n, not_goal_parts);
    psi_words_release(&w);
    if (other)
        return false;
    for (const char *p = above ? above : last; p && *p; p = strstr(p, " > "), p = p ? p + 3 : NULL) {
        size_t len = strcspn(p, ">");
        while (len && p[len - 1] == ' ')
            len--;
        const char *q = p;
        while (q < p + len && (isdigit((unsigned char)*q) || *q == '.' || *q == ' '))
            q++;
        char *part = psi_strndup(q, (size_t)(p + len - q));
        bool r = *part && psi_heading_names_goal(part);
        free(part);
        if (r)
            return true;
    }
    return false;
}

/* Whether a passage's text is a list: it opens with a bullet. */
static bool
is_list(const char *text)
{
    while (*text == ' ' || *text == '\n')
        text++;
    return psi_bullet_len(text) > 0;
}

void
psi_heading_statements(const char *heading, const char *const *texts, size_t n, bool heading_too,
                       psi_statements *out)
{
    memset(out, 0, sizeof *out);
    char *goal = heading ? heading_goal(heading) : NULL;
    /* a passage of one statement under a goal's title states the goal,
     * with a cue or not ("Mål" / "I hela Alingsås kommun finns attraktiva
     * … mötesplatser"), unless it is a lead-in or about a goal; under a
     * title that states the goal itself, the heading's goal is it */
    bool titled = heading && !goal && psi_heading_names_goal(heading);
    /* the items of a list under a goals' heading are goals, cue or not
     * ("2. Kompetensförsörjningsmål > Förskoleklass" / "• 100 procent
     * legitimerade och behöriga lärare eller förskollärare.") */
    bool goals_below = heading && path_names_goals(heading);
    if (!heading_too) {
        free(goal);
        goal = NULL;
    }
    size_t cap = 8;
    out->v = psi_calloc(cap, sizeof *out->v);
    if (goal) {
        add_statement(out, goal, 0);
        out->v[0].kind = PS_STATEMENT_GOAL;
        out->v[0].heading = true;
    }
    for (size_t p = 0; p < n; p++) {
        psi_strlist sl = { 0 };
        psi_goal_statements(texts[p] ? texts[p] : "", &sl);
        bool listed = goals_below && is_list(texts[p] ? texts[p] : "");
        if (out->n + sl.n + 1 > cap) {
            cap = 2 * (out->n + sl.n + 1);
            out->v = psi_realloc(out->v, cap * sizeof *out->v);
        }
        for (size_t k = 0; k < sl.n; k++) {
            psi_statement *st = &out->v[out->n];
            add_statement(out, sl.v[k], p);
            st->heading = false;
            bool plain;
            st->kind = kind_of(st->text, &st->w, &plain);
            if ((titled && sl.n == 1 && plain && st->w.n >= 5) || (listed && plain && st->w.n >= 3))
                st->kind = PS_STATEMENT_GOAL;
            /* the heading's goal stated in full in the text ("Mål –
             * tågresandet ska tredubblas" / "Målbild tåg 2035 är att
             * tågtrafiken ska tredubblas från 10,5 miljoner resor …")
             * counts once, as the text has it */
            if (goal && st->kind == PS_STATEMENT_GOAL && out->v[0].kind == PS_STATEMENT_GOAL &&
                covers(&st->w, &out->v[0].w))
                out->v[0].kind = PS_STATEMENT_NO_CUE;
        }
        free(sl.v);
    }
    if (goal && out->v[0].kind != PS_STATEMENT_GOAL) {
        free(out->v[0].text);
        psi_words_release(&out->v[0].w);
        memmove(out->v, out->v + 1, --out->n * sizeof *out->v);
    }
}

void
psi_statements_release(psi_statements *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].text);
        psi_words_release(&s->v[i].w);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

ps_statement_kind
ps_goal_statement_kind(const char *statement)
{
    psi_words w;
    psi_words_of(statement, &w);
    ps_statement_kind k = psi_statement_kind(statement, &w);
    psi_words_release(&w);
    return k;
}

/* ----------------------------------------------------------- statements */

static bool
starts_upper(const char *s)
{
    uint32_t cp;
    if (!psi_starts_upper(s))
        return false;
    /* "Antalet", not an acronym such as "RUS" */
    size_t l = psi_utf8_decode(s, strlen(s), &cp);
    return psi_starts_lower(s + l);
}

/* Whether s[0..n) is a table's figure cell: a number, perhaps after a
 * comparison and before a per cent sign ("12,5%", "≥12%", "<1%", "81"). */
static bool
figure_cell(const char *s, size_t n)
{
    static const char *const signs[] = { "<", ">", "=", "\xe2\x89\xa5", "\xe2\x89\xa4", NULL }; /* ≥ ≤ */
    for (int k = 0; signs[k]; k++) {
        size_t l = strlen(signs[k]);
        if (n > l && !strncmp(s, signs[k], l)) {
            s += l;
            n -= l;
            break;
        }
    }
    if (n && s[n - 1] == '%')
        n--;
    size_t i = 0, digits = 0;
    while (i < n && (isdigit((unsigned char)s[i]) || ((s[i] == ',' || s[i] == '.') && i > 0 && i + 1 < n))) {
        digits += isdigit((unsigned char)s[i]) != 0;
        i++;
    }
    return digits && i == n;
}

/* Drops, in place, runs of three figure cells or more, one of them with a
 * per cent or comparison sign, from a statement: a goal table's outcome
 * and target columns read into the goal's sentence ("… auktoriserad tolk
 * ska uppgå till minst 33,6% ≥32% 37,9% 32%." is "… minst 32%."); not a
 * number written in groups ("1 200 000 kvadratmeter"). */
static void
drop_figure_runs(char *t)
{
    char *out = t;
    const char *p = t;
    while (*p) {
        const char *run = p;
        size_t cells = 0;
        bool signed_cell = false;
        const char *q = p;
        for (;;) {
            while (*q == ' ')
                q++;
            size_t len = strcspn(q, " ");
            if (!len || !figure_cell(q, len))
                break;
            signed_cell |= q[len - 1] == '%' || !isdigit((unsigned char)q[0]);
            q += len;
            cells++;
        }
        if (cells >= 3 && signed_cell && (run == t || run[-1] == ' ')) {
            p = q;
            while (*p == ' ')
                p++;
            if (out > t && *p && out[-1] != ' ')
                *out++ = ' ';
            continue;
        }
        *out++ = *p++;
    }
    while (out > t && out[-1] == ' ')
        out--;
    *out = '\0';
}

/* Adds statement s[0..n) to l as an analyst reads it: without the bullet
 * of its list item ("• I varje barngrupp ska …") or a comma at its end, and a listed goal's
 * next clause without its "att", from a capital ("att fler blanketter ska
 * vara digitaliserade" -> "Fler blanketter ska vara digitaliserade"). */
static void
push_statement(psi_strlist *l, const char *s, size_t n)
{
    /* a clause cut from the next one at its comma ends without it
     * ("… vid utgången av 2026," / "att fler blanketter …"), and without
     * the conjunction that led on to it ("Kostnaderna ska inte öka, utan"
     * / "Regionen ska …"; "… särskilt stöd, samt" / "att arbetet ska …") */
    static const char *const leads_on[] = { "utan", "samt", "och", "men", "eller", NULL };
    for (bool again = true; again;) {
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == ','))
            n--;
        again = false;
        for (int k = 0; leads_on[k] && !again; k++) {
            size_t w = strlen(leads_on[k]);
            if (n > w + 1 && !memcmp(s + n - w, leads_on[k], w) && (s[n - w - 1] == ' ' || s[n - w - 1] == '\n')) {
                n -= w;
                again = true;
            }
        }
    }
    for (;;) {
        /* "|" parts a table row's cells in a passage: the cell's text is
         * the statement */
        while (n && (*s == ' ' || *s == '\n' || *s == '|')) {
            s++;
            n--;
        }
        size_t b = n ? psi_bullet_len(s) : 0;
        if (!b || b > n)
            break;
        s += b;
        n -= b;
    }
    bool clause = n > 4 && !strncmp(s, "att ", 4);
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            nw++;
    if (nw - clause < STATEMENT_MIN_WORDS || nw > 80)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = psi_realloc(l->v, l->cap * sizeof *l->v);
    }
    if (!clause) {
        l->v[l->n++] = psi_strndup(s, n);
        drop_figure_runs(l->v[l->n - 1]);
        return;
    }
    char *t = psi_strndup_capital(s + 4, n - 4);
    drop_figure_runs(t);
    l->v[l->n++] = t;
}

/* Words that put a capitalised word inside a phrase ("i Jönköpings län"). */
static bool
is_preposition(const char *w, size_t n)
{
    static const char *const preps[] = { "i", "för", "av", "med", "till", "på", "inom", "från", "vid", "mot",
                                         "om", "under", "och", "hos", "enligt", "efter", "genom", NULL };
    for (int i = 0; preps[i]; i++)
        if (strlen(preps[i]) == n && !strncmp(w, preps[i], n))
            return true;
    return false;
}

typedef struct span {
    size_t s, e;
} span;

/* Whether the word at sp, in either case ("I Västra Götaland ska …"), is a
 * preposition that puts the name after it inside a phrase ("och" too: "…
 * polisen och Länsstyrelsen, ska följa upp"). */
static bool
before_name(const char *s, span sp)
{
    psi_buf low = PSI_BUF_INIT;
    psi_lower_append(&low, s + sp.s, sp.e - sp.s);
    bool prep = is_preposition(psi_buf_str(&low), low.len);
    psi_buf_release(&low);
    return prep;
}

/* Whether the word at sp is lower-case word, or it with a capital first
 * (ASCII) letter. */
static bool
word_is(const char *s, span sp, const char *word)
{
    size_t n = strlen(word);
    return sp.e - sp.s == n && (s[sp.s] | 0x20) == word[0] && !strncmp(s + sp.s + 1, word + 1, n - 1);
}

/* Whether the word at sp opens a purpose clause with the "att" after it:
 * "för att", "så att". */
static bool
for_or_so(const char *s, span sp)
{
    return word_is(s, sp, "för") || word_is(s, sp, "så");
}

/* Whether the word at sp opens a name of two words: "Västra Götaland",
 * "Norra Bohuslän", "Region Halland". */
static bool
name_first(const char *s, span sp)
{
    static const char *const firsts[] = { "Västra", "Östra", "Norra", "Södra", "Mellersta", "Stora",
                                          "Lilla",  "Nya",   "Gamla", "Region", NULL };
    for (int i = 0; firsts[i]; i++)
        if (sp.e - sp.s == strlen(firsts[i]) && !strncmp(s + sp.s, firsts[i], sp.e - sp.s))
            return true;
    return false;
}

/* Where a register body's name that ends with word j starts, when it
 * starts at or after word lo and before word first ("Tolkförmedling Väst
 * ska …": the subject is the förbund, not "Väst"); else first. */
static size_t
body_name_start(const char *s, const span *w, size_t lo, size_t first, size_t j)
{
    size_t from = j >= lo + 4 ? j - 4 : lo;
    if (from >= first)
        return first;
    psi_body_match m[8];
    size_t n = psi_register_scan(s + w[from].s, w[j].e - w[from].s, m, 8);
    for (size_t i = 0; i < n; i++) {
        if (w[from].s + m[i].end != w[j].e)
            continue;
        for (size_t k = from; k < first; k++)
            if (w[k].s == w[from].s + m[i].start)
                return k;
    }
    return first;
}

/* Whether word j of w goes on a goal's predicate: a word in lower case,
 * or a name after a preposition ("… att arbeta inom förskolor och skolor i
 * Alingsås kommun", "… i Västra Götaland"), its second word after "Västra",
 * "Norra", "Region" … A capitalised word otherwise starts the next goal or
 * an inline heading ("… i Nederländerna Kommunal utveckling"). */
static bool
predicate_goes_on(const char *s, const span *w, size_t j)
{
    if (!starts_upper(s + w[j].s))
        return true;
    if (is_preposition(s + w[j - 1].s, w[j - 1].e - w[j - 1].s))
        return true;
    return j >= 2 && name_first(s, w[j - 1]) && is_preposition(s + w[j - 2].s, w[j - 2].e - w[j - 2].s);
}

/* Whether the word at sp is "ska", as written. */
static bool
is_ska(const char *s, span sp)
{
    return sp.e - sp.s == 3 && !strncmp(s + sp.s, "ska", 3);
}

/* Cuts a sentence holding several goals. Each goal has a "ska": its
 * subject starts at the last capitalised word before the "ska" that does
 * not follow a preposition, and its predicate ends before the first
 * capitalised word after it that is no name after a preposition. Words between goals (inline headings such as
 * "Delmål" or "Kommunikationer") belong to none. A sentence without "ska"
 * is one statement (a goal line). */
static void
split_goals(const char *s, size_t n, psi_strlist *out)
{
    span *w = NULL;
    size_t nw = 0, cap = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (b == i)
            break;
        if (nw == cap) {
            cap = cap ? cap * 2 : 32;
            w = psi_realloc(w, cap * sizeof *w);
        }
        w[nw++] = (span){ b, i };
    }
    size_t prev_end = 0; /* word index where the last goal ended */
    bool any = false;
    for (size_t k = 0; k < nw; k++) {
        if (!is_ska(s, w[k]))
            continue;
        size_t subj = k;
        for (size_t j = k; j-- > prev_end;) {
            if (!starts_upper(s + w[j].s))
                continue;
            /* a name of two words keeps its first: "Västra Götaland"; after a
             * preposition it is no subject ("Tågtrafiken i Västra Götaland") */
            size_t first = j;
            while (first > prev_end && name_first(s, w[first - 1]))
                first--;
            first = body_name_start(s, w, prev_end, first, j);
            /* … but the "och" where the last goal ended opens this one's
             * subject ("… ska byggas ut och Västra Götaland ska vara …") */
            bool opens = any && first - 1 == prev_end && word_is(s, w[first - 1], "och");
            if (first > prev_end && !opens && before_name(s, w[first - 1])) {
                j = first;
                continue;
            }
            subj = first;
            break;
        }
        if (subj == k) {
            subj = prev_end; /* no capitalised subject: from where the last goal ended */
            if (subj + 1 < k && word_is(s, w[subj], "och") && word_is(s, w[subj + 1], "att"))
                subj++; /* "… och att kvaliteten ska vara stärkt": the clause from its "att" */
        }
        /* a purpose clause keeps its "för att" ("För att Stockholmsregionen
         * ska klara kompetensförsörjningen förutsätter det …"): it is no goal */
        if (subj >= prev_end + 2 && word_is(s, w[subj - 1], "att") && for_or_so(s, w[subj - 2]))
            subj -= 2;
        size_t end = k + 1;
        while (end < nw && predicate_goes_on(s, w, end) && !is_ska(s, w[end]))
            end++;
        if (end < nw && is_ska(s, w[end])) {
            /* two "ska" with no capitalised subject between: the first goal
             * ends where the second's clause opens ("… ska vara ersatta av
             * digitala lösningar, att fler blanketter ska vara …"), else
             * just after its "ska"; a purpose clause ("… så att syftet ska
             * kunna uppfyllas") stays with its goal */
            size_t open = end;
            while (open > k + 2 && !word_is(s, w[open - 1], "att"))
                open--;
            /* "… ska ligga i framkant och verksamheten ska utvecklas": a
             * second clause with its own subject in lower case, one goal */
            bool joined = end >= k + 4 && word_is(s, w[end - 2], "och") && !starts_upper(s + w[end - 1].s) &&
                          !word_is(s, w[end - 1], "att");
            if ((open > k + 3 && for_or_so(s, w[open - 2])) || joined) {
                end++; /* past the second "ska", to its clause's end */
                while (end < nw && predicate_goes_on(s, w, end) && !is_ska(s, w[end]))
                    end++;
            } else {
                /* "… ska byggas ut och Västra Götaland ska vara …": the
                 * first goal ends before "och" and the next one's subject */
                size_t och = 0;
                for (size_t o = end - 1; o > k + 1 && !och; o--)
                    if (word_is(s, w[o], "och") && starts_upper(s + w[o + 1].s))
                        och = o;
                if (och) {
                    end = och;
                } else {
                    end = open > k + 2 ? open - 1 : k + 1;
                    if (end > k + 1 && word_is(s, w[end - 1], "och"))
                        end--;
                }
            }
        }
        push_statement(out, s + w[subj].s, w[end - 1].e - w[subj].s);
        prev_end = end;
        any = true;
        k = end - 1;
    }
    if (!any)
        push_statement(out, s, n);
    free(w);
}

void
psi_goal_statements(const char *text, psi_strlist *out)
{
    size_t n = strlen(text), start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || text[i] == '\n' ||
                   ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 == n || text[i + 1] == ' '));
        if (!end)
            continue;
        size_t stop = i < n && text[i] != '\n' ? i + 1 : i;
        split_goals(text + start, stop - start, out);
        start = i + 1;
    }
}

/* ------------------------------------------------------------ similarity */

/* A stem with its hash: stems are compared by hash first. */
typedef struct hashed {
    uint64_t hash;
    const char *stem;
} hashed;

static int
cmp_hashed(const hashed *x, const hashed *y)
{
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return strcmp(x->stem, y->stem);
}

static int
cmp_hashed_v(const void *a, const void *b)
{
    return cmp_hashed(a, b);
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The distinct stems (borrowed from w) with their hashes, by hash; and
 * the letter trigrams of the folded words joined, as 32-bit codes, sorted
 * with their repeats. */
void
psi_goal_sig_of(const psi_words *w, psi_goal_sig *out)
{
    hashed *h = psi_malloc((w->n ? w->n : 1) * sizeof *h);
    for (size_t i = 0; i < w->n; i++)
        h[i] = (hashed){ psi_hash64(w->key[i], strlen(w->key[i])), w->key[i] };
    qsort(h, w->n, sizeof *h, cmp_hashed_v);
    out->stems = psi_malloc((w->n ? w->n : 1) * sizeof *out->stems);
    out->stem_hash = psi_malloc((w->n ? w->n : 1) * sizeof *out->stem_hash);
    out->nstems = 0;
    for (size_t i = 0; i < w->n; i++)
        if (!i || cmp_hashed(&h[i - 1], &h[i])) {
            out->stems[out->nstems] = h[i].stem;
            out->stem_hash[out->nstems++] = h[i].hash;
        }
    free(h);
    psi_buf b = PSI_BUF_INIT;
    for (size_t i = 0; i < w->n; i++) {
        char *f = psi_fold_ascii(w->w[i]);
        psi_buf_adds(&b, f);
        psi_buf_addc(&b, ' ');
        free(f);
    }
    size_t n = b.len >= 3 ? b.len - 2 : 0;
    out->tri = psi_malloc((n ? n : 1) * sizeof *out->tri);
    for (size_t i = 0; i < n; i++)
        out->tri[i] = (uint32_t)(unsigned char)b.s[i] << 16 | (uint32_t)(unsigned char)b.s[i + 1] << 8 |
                      (unsigned char)b.s[i + 2];
    out->ntri = n;
    qsort(out->tri, n, sizeof *out->tri, cmp_u32);
    psi_buf_release(&b);
}

void
psi_goal_sig_release(psi_goal_sig *s)
{
    free(s->stems);
    free(s->stem_hash);
    free(s->tri);
}

/* The share of distinct stems two statements have in common (Jaccard). */
static double
stem_overlap(const psi_goal_sig *a, const psi_goal_sig *b)
{
    if (!a->nstems || !b->nstems)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->nstems && j < b->nstems) {
        int c = cmp_hashed(&(hashed){ a->stem_hash[i], a->stems[i] }, &(hashed){ b->stem_hash[j], b->stems[j] });
        common += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    return (double)common / (double)(a->nstems + b->nstems - common);
}

/* Dice of the trigrams, repeats counted. */
static double
trigram_dice(const psi_goal_sig *a, const psi_goal_sig *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->ntri && j < b->ntri) {
        common += a->tri[i] == b->tri[j];
        uint32_t x = a->tri[i], y = b->tri[j];
        i += x <= y;
        j += x >= y;
    }
    return a->ntri + b->ntri ? 2.0 * (double)common / (double)(a->ntri + b->ntri) : 0;
}

double
psi_goal_sig_similarity(const psi_goal_sig *a, const psi_goal_sig *b)
{
    double so = stem_overlap(a, b), td = trigram_dice(a, b);
    return so > td ? so : td;
}

/* How alike two statements are, 0..1. */
double
psi_goal_similarity(const psi_words *a, const psi_words *b)
{
    psi_goal_sig sa, sb;
    psi_goal_sig_of(a, &sa);
    psi_goal_sig_of(b, &sb);
    double sim = psi_goal_sig_similarity(&sa, &sb);
    psi_goal_sig_release(&sa);
    psi_goal_sig_release(&sb);
    return sim;
}

/* ------------------------------------------------------------------ diff */

/* Word diff by longest common subsequence of the words as written. */
ps_diff *
psi_word_diff(const psi_words *a, const psi_words *b, size_t *ndiff)
{
    size_t n = a->n, m = b->n;
    unsigned *lcs = psi_calloc((n + 1) * (m + 1), sizeof *lcs);
#define LCS(i, j) lcs[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            LCS(i, j) = !strcmp(a->w[i], b->w[j]) ? LCS(i + 1, j + 1) + 1
                                                   : (LCS(i + 1, j) > LCS(i, j + 1) ? LCS(i + 1, j) : LCS(i, j + 1));
    ps_diff *d = NULL;
    size_t nd = 0, cap = 0;
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        ps_diff_op op;
        const char *w;
        if (i < n && j < m && !strcmp(a->w[i], b->w[j])) {
            op = PS_DIFF_SAME;
            w = a->w[i++];
            j++;
        } else if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1))) {
            op = PS_DIFF_DEL; /* removals before additions, as diffs read */
            w = a->w[i++];
        } else {
            op = PS_DIFF_ADD;
            w = b->w[j++];
        }
        if (nd && d[nd - 1].op == op) {
            char *t = psi_asprintf("%s %s", d[nd - 1].text, w);
            free(d[nd - 1].text);
            d[nd - 1].text = t;
        } else {
            if (nd == cap) {
                cap = cap ? cap * 2 : 8;
                d = psi_realloc(d, cap * sizeof *d);
            }
            d[nd++] = (ps_diff){ op, psi_strdup(w) };
        }
    }
#undef LCS
    free(lcs);
    *ndiff = nd;
    return d;
}

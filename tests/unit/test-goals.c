/* test-goals.c: which statements of a goal passage are goals
 * (ps_goal_statement_kind, the cue tables of query/goals.c). A row per
 * statement: fragments, facts, statements without a goal cue, and goals,
 * most of them as the Jönköping plans of corpus/ write them. */
#include "plansok-private.h"
#include "tap.h"

static void
test_statement_kinds(void)
{
    static const struct {
        const char *text;
        ps_statement_kind kind;
    } cases[] = {
        /* goals: a goal cue anywhere */
        { "Befolkningstillväxten ska vara minst 0,5 % per år", PS_STATEMENT_GOAL },
        { "Heldygnsvården för missbrukare ska kvalitetssäkras och vården minskas med 10 %", PS_STATEMENT_GOAL },
        { "Kommunen skall erbjuda förskola inom fyra månader.", PS_STATEMENT_GOAL },
        { "Andelen förnybar energi bör öka.", PS_STATEMENT_GOAL },
        { "Öka andelen elever som når målen i alla ämnen", PS_STATEMENT_GOAL },
        { "Minska utsläppen av växthusgaser med 40 procent till 2020.", PS_STATEMENT_GOAL },
        { "Andelen med eftergymnasial utbildning har ökat till 40 % år 2020", PS_STATEMENT_NO_CUE },
        { "Andelen med eftergymnasial utbildning ska ha ökat till 40 % år 2020", PS_STATEMENT_GOAL },
        { "Arbetslösheten 2020 ha minskat till 5 %", PS_STATEMENT_GOAL },
        { "Nationella målet är ungefär 4 % av BNP år 2020", PS_STATEMENT_GOAL },
        { "Ekonomisk balans ska vara uppnått senast vid utgången av 2013", PS_STATEMENT_GOAL },
        { "Samtliga kommuner uppnår en god ekonomisk hushållning senast 2015", PS_STATEMENT_GOAL },
        { "ÖKA ANTALET NYSTARTADE FÖRETAG", PS_STATEMENT_GOAL },
        { "90 % av anslaget ska användas varje år", PS_STATEMENT_GOAL },
        /* fragments: a piece of a sentence cut elsewhere */
        { "ska användas varje år.", PS_STATEMENT_FRAGMENT },
        { "tation skapar förutsättningar för kunskapsutveckling i socialtjänsten.", PS_STATEMENT_FRAGMENT },
        { "år ska öka med 10 %", PS_STATEMENT_FRAGMENT },
        { "östra länsdelen ska växa", PS_STATEMENT_FRAGMENT },
        /* ... or cut off at a page or column end, ending in a word that needs
         * more, with no goal cue before it */
        { "Enligt skollagens (2010:800) kapitel 1 ska", PS_STATEMENT_FRAGMENT },
        { "Enligt skollagens (2010:800) kapitel 1 ska.", PS_STATEMENT_GOAL },
        /* a goal cut off is still a goal */
        { "Målet är att manuella arbetsmoment som kan automatiseras ska", PS_STATEMENT_GOAL },
        { "Fem utländska personer ska ha flyttat till länet som ett resultat av", PS_STATEMENT_GOAL },
        /* facts: the present or history, even with a goal word */
        { "Idag har länet 28 %.", PS_STATEMENT_FACT },
        { "I dag finns målet i tre kommuner.", PS_STATEMENT_FACT },
        { "Under 2011 omkom 11 personer i vägtrafiken i Jönköpings län.", PS_STATEMENT_FACT },
        { "Under 2011 gjordes 17 miljoner resor med Länstrafiken i Jönköpings län.", PS_STATEMENT_FACT },
        { "Sedan 2010 har antalet resor ökat med 5 %.", PS_STATEMENT_FACT },
        { "Det finns ett mål om att minska utsläppen.", PS_STATEMENT_FACT },
        { "Det fanns 12 000 företag i länet 2012.", PS_STATEMENT_FACT },
        /* no goal cue */
        { "Region Jönköping skapar kraft.", PS_STATEMENT_NO_CUE },
        { "14 Regional utveckling", PS_STATEMENT_NO_CUE },
        { "Antalet resor ökade med 5 % under 2012.", PS_STATEMENT_NO_CUE },
        { "Målgruppen är unga vuxna.", PS_STATEMENT_NO_CUE },
        /* goals named in passing, and lead-ins to a list of goals */
        { "Målen pekar ut riktningen för arbetet.", PS_STATEMENT_NO_CUE },
        { "Flertalet av målen har bäring på cykling.", PS_STATEMENT_NO_CUE },
        { "Per verksamhet finns följande mål:", PS_STATEMENT_NO_CUE },
        { "Kommunens mål för cykling är att;", PS_STATEMENT_NO_CUE },
        { "Målet enligt Målbild tåg 2035 är att resandet tredubblas.", PS_STATEMENT_GOAL },
        { "Under året skapar vi mötesplatser.", PS_STATEMENT_NO_CUE },
        { "Skatten är oförändrad.", PS_STATEMENT_NO_CUE },
        { "", PS_STATEMENT_NO_CUE },
    };
    static const char *const names[] = { "goal", "fragment", "fact", "no cue" };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_statement_kind k = ps_goal_statement_kind(cases[i].text);
        printf("# '%s': %s\n", cases[i].text, names[k]);
        CHECK(k == cases[i].kind);
    }
}

int
main(void)
{
    test_statement_kinds();
    return tap_done();
}

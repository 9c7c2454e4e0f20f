/* test-register.c: the register of public bodies (core/register.c): the
 * compiled table, lookups of names, and mentions found in text. Every one
 * of the 290 kommuner of ../shared/data/kommuner.tsv (or $SHARED/data) is
 * looked up by its bare name, self-name and genitive + " kommun" when that
 * file is there; skipped with a message otherwise. */
#include "plansok-private.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

/* the code a lookup gives, "(null)" for none */
static const char *
code_of(const psi_body *b)
{
    return b ? b->code : "(null)";
}

static void
test_table(void)
{
    size_t count[5] = { 0 }, data_lines = 0, bad_prefix = 0, bad_code = 0;
    for (const char *p = psi_default_register; *p; p = strchr(p, '\n') + 1)
        data_lines += *p != '#' && *p != '\n';
    CHECK(psi_register_count() == data_lines); /* every data line parsed */
    for (size_t i = 0; i < psi_register_count(); i++) {
        const psi_body *b = psi_register_get(i);
        count[b->type]++;
        bad_code += psi_register_by_code(b->code) != b; /* codes are unique */
        if (b->type == PSI_BODY_KOMMUN) {
            /* a kommunkod starts with its länskod: the länsstyrelse's län */
            char lst[4];
            snprintf(lst, sizeof lst, "L%.2s", b->code);
            const psi_body *l = psi_register_by_code(lst);
            bad_prefix += !l || l->lan != b->lan || !*b->place || !*b->genitive;
        }
    }
    CHECK(psi_register_get(psi_register_count()) == NULL);
    CHECK(count[PSI_BODY_KOMMUN] == 290);
    CHECK(count[PSI_BODY_REGION] == 20); /* Gotland's is kommun 0980 */
    CHECK(count[PSI_BODY_LANSSTYRELSE] == 21);
    CHECK(count[PSI_BODY_FORBUND] >= 11);
    CHECK(count[PSI_BODY_STAT] >= 24);
    CHECK(bad_prefix == 0);
    CHECK(bad_code == 0);
    /* the länskod of each ps_lan index */
    CHECK_STR(ps_lan_name(psi_register_by_code("L01")->lan), "Stockholms län");
    CHECK_STR(ps_lan_name(psi_register_by_code("L14")->lan), "Västra Götalands län");
    CHECK_STR(ps_lan_name(psi_register_by_code("R25")->lan), "Norrbottens län");
    CHECK_STR(ps_lan_name(psi_register_by_code("2583")->lan), "Norrbottens län");
    CHECK(psi_register_by_code("S-regeringen")->lan == -1);
    CHECK(psi_register_by_code("R09") == NULL);
    CHECK(psi_register_by_code("") == NULL);
    CHECK(psi_register_by_code(NULL) == NULL && psi_register_lookup(NULL) == NULL);
    const psi_body *falun = psi_register_by_code("2080");
    CHECK_STR(falun->place, "Falun");
    CHECK_STR(falun->genitive, "Falu");
    CHECK_STR(psi_register_by_code("0980")->genitive, "Gotlands");
    CHECK_STR(psi_register_by_code("1480")->genitive, "Göteborgs");
    CHECK_STR(psi_register_by_code("R14")->place, "Västra Götaland");
    CHECK_STR(psi_register_by_code("L06")->place, "Jönköping");
    CHECK_STR(psi_register_by_code("S-skr")->place, "");
}

static void
test_lookup(void)
{
    static const struct {
        const char *name, *code;
    } cases[] = {
        { "Göteborgs Stad", "1480" },
        { "GÖTEBORGS STAD", "1480" },
        { "Göteborgs kommun", "1480" },
        { "goteborgs stad", "1480" },
        { "  Göteborgs \t Stad ", "1480" },
        { "Göteborg", "1480" },
        { "Haparanda stad", "2583" },
        { "Haparanda kommun", "2583" },
        { "alingsas kommun", "1489" },
        { "Falun", "2080" },
        { "Falu kommun", "2080" },
        { "Ystad kommun", "1286" },
        { "Ystads kommun", "1286" },
        { "Håbo kommun", "0305" },
        { "Habo kommun", "0643" },
        { "habo kommun", "0643" },
        { "Stockholm", "0180" },
        { "Västra Götalandsregionen", "R14" },
        { "VGR", "R14" },
        { "vgr", "(null)" },
        { "Region Jönköpings län", "R06" },
        { "Region Jönköping", "R06" },
        { "Landstinget i Jönköpings län", "R06" },
        { "Jönköpings läns landsting", "R06" },
        { "Region Jämtland", "R23" },
        { "Landstinget Dalarna", "R20" },
        { "Stockholms läns landsting", "R01" },
        { "SLL", "R01" },
        { "Region Gotland", "0980" },
        { "Gotlands kommun", "0980" },
        { "Gotland", "0980" },
        { "Länsstyrelsen Skåne", "L12" },
        { "Länsstyrelsen i Skåne", "L12" },
        { "Länsstyrelsen i Skåne län", "L12" },
        { "länsstyrelsen i gotlands län", "L09" },
        { "Kommunförbundet Skåne", "F-kfsk" },
        { "Storsthlm", "F-storsthlm" },
        { "AVRF", "F-avrf" },
        { "Räddningstjänstförbundet Alingsås Vårgårda", "F-avrf" },
        { "Tolkförmedling Väst", "F-tolkvast" },
        { "GR", "F-gr" },
        { "gr", "(null)" },
        { "Göteborgsregionens kommunalförbund", "F-gr" },
        { "Regeringen", "S-regeringen" },
        { "Regeringskansliet", "S-regeringen" },
        { "Sveriges Kommuner och Landsting", "S-skr" },
        { "SKL", "S-skr" },
        { "Havs- och vattenmyndigheten", "S-hav" },
        { "Statens kulturråd", "S-kulturradet" },
        { "Skåne", "(null)" },
        { "Västra Götaland", "(null)" },
        { "Länsstyrelsen", "(null)" },
        { "Länsstyrelserna", "(null)" },
        { "Alingsås stad", "(null)" },
        { "", "(null)" },
        { "   ", "(null)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = code_of(psi_register_lookup(cases[i].name));
        tap_check_str(got, cases[i].code, cases[i].name, __FILE__, __LINE__);
    }
    CHECK_STR(code_of(psi_register_kommun_by_place("Simrishamns")), "1291");
    CHECK_STR(code_of(psi_register_kommun_by_place("Falu")), "2080");
    CHECK_STR(code_of(psi_register_kommun_by_place("Falun")), "2080");
    CHECK_STR(code_of(psi_register_kommun_by_place("ALINGSÅS")), "1489");
    CHECK_STR(code_of(psi_register_kommun_by_place("Gotland")), "0980");
    CHECK_STR(code_of(psi_register_kommun_by_place("Skåne")), "(null)");
    CHECK_STR(code_of(psi_register_kommun_by_place("Alingsås kommun")), "(null)");
}

static void
test_scan(void)
{
    const char *text = "Beslut i Kommunstyrelsen i Alingsås kommun och Västra Götalandsregionen (VGR), inte vgr";
    psi_body_match m[8];
    size_t n = psi_register_scan(text, strlen(text), m, 8);
    CHECK(n == 3);
    if (n == 3) {
        CHECK_STR(m[0].body->code, "1489");
        CHECK(m[0].start == 27 && m[0].end == 43); /* "Alingsås kommun": å is 2 bytes */
        CHECK_STR(m[1].body->code, "R14");
        CHECK(m[1].start == 48 && m[1].end == 74);
        CHECK_STR(m[2].body->code, "R14");
        CHECK(m[2].start == 76 && m[2].end == 79);
    }
    CHECK(psi_register_scan(text, strlen(text), m, 1) == 1);
    CHECK(psi_register_scan(text, strlen(text), m, 0) == 0);

    /* the longest name at a word start; line breaks between words; an
     * alias's own punctuation; nothing inside a word */
    const char *t2 = "Sveriges Kommuner och\nRegioner (SKR) och Havs- och vattenmyndigheten; "
                     "Region Jönköpings län, Gotlands kommunalförbund, Alingsås, GRUS, SKR:s";
    n = psi_register_scan(t2, strlen(t2), m, 8);
    CHECK(n == 5);
    static const char *const want[] = { "Sveriges Kommuner och\nRegioner", "SKR", "Havs- och vattenmyndigheten",
                                        "Region Jönköpings län", "SKR" };
    for (size_t i = 0; i < n && i < 5; i++) {
        char *got = psi_strndup(t2 + m[i].start, m[i].end - m[i].start);
        CHECK_STR(got, want[i]);
        free(got);
    }
    const char *t3 = "Havs och vattenmyndigheten, Alingsås\nkommun";
    n = psi_register_scan(t3, strlen(t3), m, 8);
    CHECK(n == 1 && strcmp(m[0].body->code, "1489") == 0);
}

/* A long text: the scan is linear (about 2 MB with a mention every line). */
static void
test_scan_long(void)
{
    psi_buf b = PSI_BUF_INIT;
    size_t lines = 0;
    for (; b.len < 2000000; lines++)
        psi_buf_adds(&b, "Kommunstyrelsen i Region Skåne och alla andra kommuner i Skåne län beslutade\n");
    psi_body_match *m = psi_malloc(2 * lines * sizeof *m);
    size_t n = psi_register_scan(b.s, b.len, m, 2 * lines);
    CHECK(n == lines && strcmp(m[n - 1].body->code, "R12") == 0);
    free(m);
    psi_buf_release(&b);
}

/* Each kommun of ../shared/data/kommuner.tsv by its bare name, self-name and
 * genitive + " kommun". */
static void
test_shared(void)
{
    const char *dir = getenv("SHARED");
    char *path = psi_asprintf("%s/data/kommuner.tsv", dir && *dir ? dir : "../shared");
    char *text = psi_slurp(path);
    if (!text) {
        printf("ok %d - kommuner.tsv # SKIP no %s\n", ++tap_count, path);
        free(path);
        return;
    }
    size_t rows = 0, wrong = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[5], *s2 = NULL;
        int nf = 0;
        for (char *c = strtok_r(line, "\t", &s2); c && nf < 5; c = strtok_r(NULL, "\t", &s2))
            f[nf++] = c;
        if (nf != 5 || !strcmp(f[0], "kommunkod"))
            continue;
        rows++;
        /* genitive: the self-name without " kommun"/" stad", else bare name + s (Gotland) */
        size_t on = strlen(f[2]);
        char *gen = on > 7 && !strcmp(f[2] + on - 7, " kommun")                             ? psi_strndup(f[2], on - 7)
                    : on > 5 && (!strcmp(f[2] + on - 5, " stad") || !strcmp(f[2] + on - 5, " Stad")) ? psi_strndup(f[2], on - 5)
                                                                                            : psi_asprintf("%ss", f[1]);
        char *legal = psi_asprintf("%s kommun", gen);
        const char *names[] = { f[1], f[2], legal };
        char lan[4];
        snprintf(lan, sizeof lan, "L%s", f[3]);
        const psi_body *lst = psi_register_by_code(lan);
        for (int i = 0; i < 3; i++) {
            const psi_body *b = psi_register_lookup(names[i]);
            if (!b || strcmp(b->code, f[0]) || !lst || b->lan != lst->lan || strncmp(f[0], f[3], 2)) {
                wrong++;
                printf("# %s: got %s, want %s\n", names[i], code_of(b), f[0]);
            }
        }
        const psi_body *p = psi_register_kommun_by_place(gen);
        if (!p || strcmp(p->code, f[0])) {
            wrong++;
            printf("# place %s: got %s, want %s\n", gen, code_of(p), f[0]);
        }
        free(gen);
        free(legal);
    }
    CHECK(rows == 290);
    CHECK(wrong == 0);
    free(text);
    free(path);
}

int
main(void)
{
    test_table();
    test_lookup();
    test_scan();
    test_scan_long();
    test_shared();
    return tap_done();
}

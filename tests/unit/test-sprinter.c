/* test-sprinter.c: the JSON structure printer (cli/sprinter.c) and the
 * escapers under it (cli/escape.c): nesting, commas, separators, every
 * control byte, quotes, backslashes, UTF-8, numbers and null, written to a
 * memory stream and compared as strings. */
#include "cli/escape.h"
#include "cli/sprinter.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>

/* Output written to memory: start() opens it, done() closes it and returns
 * the text, which the next start() or release() frees. */
typedef struct capture {
    FILE *f;
    char *buf;
    size_t len;
    sprinter_json js;
} capture;

static sprinter *
start(capture *c)
{
    free(c->buf);
    c->buf = NULL;
    c->f = open_memstream(&c->buf, &c->len);
    return sprinter_json_init(&c->js, c->f);
}

static const char *
done(capture *c)
{
    fclose(c->f);
    c->f = NULL;
    return c->buf;
}

static void
release(capture *c)
{
    free(c->buf);
    c->buf = NULL;
}

static void
test_nesting(void)
{
    capture c = { 0 };
    sprinter *sp = start(&c);
    sp->begin_map(sp);
    sprinter_map_integer(sp, "a", 1);
    sp->map_key(sp, "b");
    sp->begin_list(sp);
    sp->integer(sp, 1);
    sp->string(sp, "x");
    sp->begin_map(sp);
    sp->map_key(sp, "c");
    sp->null(sp);
    sp->end(sp);
    sp->begin_list(sp);
    sp->end(sp);
    sp->end(sp);
    sp->map_key(sp, "d");
    sp->begin_map(sp);
    sp->end(sp);
    sprinter_map_string(sp, "e", "f");
    sp->end(sp);
    CHECK_STR(done(&c), "{\"a\":1,\"b\":[1,\"x\",{\"c\":null},[]],\"d\":{},\"e\":\"f\"}\n");

    sp = start(&c); /* a list at the top, lists in lists */
    sp->begin_list(sp);
    for (int i = 0; i < 3; i++) {
        sp->begin_list(sp);
        sp->integer(sp, i);
        sp->integer(sp, i * 10);
        sp->end(sp);
    }
    sp->end(sp);
    CHECK_STR(done(&c), "[[0,0],[1,10],[2,20]]\n");

    sp = start(&c); /* a lone value */
    sp->string(sp, "only");
    CHECK_STR(done(&c), "\"only\"");
    release(&c);
}

/* The shape of plansok's results: a line break before each element of the
 * main list and before its closing bracket, none elsewhere. */
static void
test_separator(void)
{
    capture c = { 0 };
    sprinter *sp = start(&c);
    sp->begin_map(sp);
    sprinter_map_integer(sp, "format_version", 1);
    sp->map_key(sp, "hits");
    sp->begin_list(sp);
    for (int i = 1; i <= 2; i++) {
        sp->separator(sp, "\n");
        sp->begin_map(sp);
        sprinter_map_integer(sp, "rank", i);
        sp->end(sp);
    }
    sp->separator(sp, "\n");
    sp->end(sp);
    sp->end(sp);
    CHECK_STR(done(&c), "{\"format_version\":1,\"hits\":[\n{\"rank\":1},\n{\"rank\":2}\n]}\n");

    sp = start(&c); /* empty: the break before the bracket stays */
    sp->begin_list(sp);
    sp->separator(sp, "\n");
    sp->end(sp);
    CHECK_STR(done(&c), "[\n]\n");

    sp = start(&c); /* a space after a comma; a later call wins */
    sp->begin_list(sp);
    sp->integer(sp, 2013);
    sp->separator(sp, "\n");
    sp->separator(sp, " ");
    sp->integer(sp, 2018);
    sp->end(sp);
    CHECK_STR(done(&c), "[2013, 2018]\n");

    sp = start(&c); /* not between a key and its value */
    sp->begin_map(sp);
    sp->map_key(sp, "k");
    sp->separator(sp, "\n");
    sp->integer(sp, 1);
    sp->map_key(sp, "l");
    sp->integer(sp, 2);
    sp->end(sp);
    CHECK_STR(done(&c), "{\"k\":1,\n\"l\":2}\n");
    release(&c);
}

static void
test_control_bytes(void)
{
    char in[32];
    for (int i = 0; i < 32; i++)
        in[i] = (char)i;
    capture c = { 0 };
    sprinter *sp = start(&c);
    sp->string_len(sp, in, sizeof in);
    CHECK_STR(done(&c), "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                        "\\u0008\\t\\n\\u000b\\u000c\\r\\u000e\\u000f"
                        "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                        "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
    int ok = 1; /* one at a time, each a whole string */
    for (int i = 1; i < 32; i++) {
        char s[2] = { (char)i, 0 }, want[16];
        sp = start(&c);
        sp->string(sp, s);
        const char *got = done(&c);
        if (i == '\t' || i == '\n' || i == '\r')
            snprintf(want, sizeof want, "\"\\%c\"", i == '\t' ? 't' : i == '\n' ? 'n' : 'r');
        else
            snprintf(want, sizeof want, "\"\\u%04x\"", i);
        ok &= strcmp(got, want) == 0;
    }
    CHECK(ok);
    sp = start(&c); /* DEL and C1 (U+0080-U+009F) are escaped too: JSON
                     * allows them raw, but JSON is read on terminals */
    sp->string(sp, "\x7f \xc2\x9b\xc2\xa0");
    CHECK_STR(done(&c), "\"\\u007f \\u009b\xc2\xa0\"");
    release(&c);
}

static void
test_quotes_utf8(void)
{
    capture c = { 0 };
    sprinter *sp = start(&c);
    sp->begin_map(sp);
    sprinter_map_string(sp, "say \"hi\"", "a \"quoted\" C:\\path\\ and \\\" both");
    sprinter_map_string(sp, "län", "Jönköpings län – ÅÄÖ åäö € 𝄞");
    sprinter_map_string(sp, "null", NULL);
    sp->end(sp);
    CHECK_STR(done(&c), "{\"say \\\"hi\\\"\":\"a \\\"quoted\\\" C:\\\\path\\\\ and \\\\\\\" both\","
                        "\"län\":\"Jönköpings län – ÅÄÖ åäö € 𝄞\",\"null\":\"\"}\n");
    release(&c);
}

static void
test_numbers(void)
{
    capture c = { 0 };
    sprinter *sp = start(&c);
    sp->begin_list(sp);
    sp->number(sp, "%.0f", 87.4);
    sp->number(sp, "%.10g", -1234567.5);
    sp->number(sp, "%.10g", 12345.0);
    sp->number(sp, "%.3f", 2.0 / 3);
    sp->number(sp, "%.10g", NAN);
    sp->number(sp, "%.10g", INFINITY);
    sp->integer(sp, 0);
    sp->integer(sp, -42);
    sp->integer(sp, 9223372036854775807LL);
    sp->boolean(sp, true);
    sp->boolean(sp, false);
    sp->null(sp);
    sp->end(sp);
    CHECK_STR(done(&c), "[87,-1234567.5,12345,0.667,null,null,0,-42,9223372036854775807,true,false,null]\n");
    release(&c);
}

/* The escapers of the other formats, and the snippet walk. */
static void
test_escapers(void)
{
    capture c = { 0 };
    start(&c);
    cli_escape(c.f, "a,b", ESC_CSV);
    fputc('|', c.f);
    cli_escape(c.f, "plain", ESC_CSV);
    fputc('|', c.f);
    cli_escape(c.f, "say \"x\"\nnext\r", ESC_CSV);
    CHECK_STR(done(&c), "\"a,b\"|plain|\"say \"\"x\"\" next\r\"");
    start(&c);
    cli_escape(c.f, "a|b\n*c*", ESC_MD);
    CHECK_STR(done(&c), "a\\|b \\*c\\*");
    start(&c);
    cli_escape(c.f, "*_|[]`<#\nå", ESC_MD);
    CHECK_STR(done(&c), "\\*\\_\\|\\[\\]\\`&lt;# å");
    start(&c);
    cli_escape(c.f, "<a href=\"x\">&amp;</a> 'å'", ESC_HTML);
    CHECK_STR(done(&c), "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; 'å'");
    start(&c);
    cli_escape(c.f, "rad ett\nrad två", ESC_PLAIN);
    cli_escape(c.f, NULL, ESC_PLAIN);
    CHECK_STR(done(&c), "rad ett rad två");
    /* control bytes never reach a terminal or a Markdown file raw, and a
     * backslash cannot undo a Markdown escape */
    start(&c);
    cli_escape(c.f, "x\033]0;owned\007\033[2Jy\tz", ESC_PLAIN);
    CHECK_STR(done(&c), "x?]0;owned??[2Jy z");
    start(&c);
    cli_escape(c.f, "a \\<img src=x onerror=alert(1)> \\*b\\*\033", ESC_MD);
    CHECK_STR(done(&c), "a \\\\&lt;img src=x onerror=alert(1)> \\\\\\*b\\\\\\*?");
    start(&c);
    cli_escape(c.f, "cell \\| <img src=x>\033", ESC_MD);
    CHECK_STR(done(&c), "cell \\\\\\| &lt;img src=x>?");

    ps_mark marks[] = { { 0, 3 }, { 7, 13 }, { 9, 10 }, { 20, 40 } };
    ps_hit h = { .snippet = "Mål: <bättre> hälsa", .marks = marks, .nmarks = 4 };
    start(&c); /* the third mark overlaps, the fourth is past the end: both left out */
    cli_write_snippet(c.f, &h, "<mark>", "</mark>", ESC_HTML);
    CHECK_STR(done(&c), "<mark>Må</mark>l: &lt;<mark>bättr</mark>e&gt; hälsa");
    start(&c);
    h.nmarks = 0;
    cli_write_snippet(c.f, &h, "[", "]", ESC_PLAIN);
    CHECK_STR(done(&c), "Mål: <bättre> hälsa");
    release(&c);
}

/* Text from file names and PDFs: C1 and bidirectional controls reach no
 * terminal, bytes that are not UTF-8 become U+FFFD in every syntax, and
 * Markdown links, images, entities, emphasis and line-start markers are
 * inert. */
static void
test_untrusted(void)
{
    capture c = { 0 };
    start(&c); /* CSI as one C1 character, a right-to-left override */
    cli_escape(c.f, "a\xc2\x9b" "31mb \xe2\x80\xae" "fdp.exe \xe2\x81\xa6x", ESC_PLAIN);
    CHECK_STR(done(&c), "a?31mb ?fdp.exe ?x");
    static const cli_escaping all[] = { ESC_PLAIN, ESC_MD, ESC_HTML, ESC_JSON, ESC_CSV };
    static const char *const want[] = { "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd",
                                        "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd",
                                        "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd",
                                        "\"a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd\"",
                                        "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd" };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        start(&c); /* a raw CSI byte, a cut-off sequence (each byte
                    * replaced), a lone lead byte */
        cli_escape(c.f, "a\x9b\xe2\x80" "b\xff", all[i]);
        CHECK_STR(done(&c), want[i]);
    }
    start(&c);
    cli_escape(c.f, "bad\033[31m\x1b]0;x\x07\xc2\x85", ESC_HTML);
    CHECK_STR(done(&c), "bad?[31m?]0;x??");
    start(&c);
    cli_escape(c.f, "x\033[31m,\t\r\xc2\x9b", ESC_CSV);
    CHECK_STR(done(&c), "\"x?[31m,\t\r?\"");

    start(&c);
    cli_escape(c.f, "<img src=x onerror=alert(1)>[x](javascript:alert(1))![i](t.png)", ESC_MD);
    CHECK_STR(done(&c), "&lt;img src=x onerror=alert(1)>\\[x\\](javascript:alert(1))!\\[i\\](t.png)");
    start(&c);
    cli_escape(c.f, "&lt;b&gt; & _em_ ~~s~~ rfjl_vp_2014.pdf a_", ESC_MD);
    CHECK_STR(done(&c), "&amp;lt;b&amp;gt; & \\_em\\_ \\~\\~s\\~\\~ rfjl_vp_2014.pdf a\\_");
    static const char *const starts[][2] = {
        { "# x", "\\# x" }, { "- x", "\\- x" }, { "+ x", "\\+ x" }, { "===", "\\===" },
        { "12. x", "12\\. x" }, { "3) x", "3\\) x" }, { "> x", "\\> x" }, { "A > B", "A > B" }, { "x-y #2. 4)", "x-y #2. 4)" },
        { "1234567890. x", "1234567890. x" },
    };
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        start(&c);
        cli_escape(c.f, starts[i][0], ESC_MD);
        CHECK_STR(done(&c), starts[i][1]);
    }
    release(&c);
}

int
main(void)
{
    test_nesting();
    test_separator();
    test_control_bytes();
    test_quotes_utf8();
    test_numbers();
    test_escapers();
    test_untrusted();
    return tap_done();
}

/* test-csv-sv.c: plain CSV as the printers write it, turned into csv-sv
 * for Excel set to Swedish (cli/csv-sv.c): each case is the CSV and the
 * bytes expected after the byte order mark. */
#include "cli/print.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *csv, *want;
} cases[] = {
    /* fields by ';', lines by CRLF, decimals by ',' */
    { "a,b\n1,4215.5\n", "a;b\r\n1;4215,5\r\n" },
    { "label,amount\nPersonalkostnader,-401063\n", "label;amount\r\nPersonalkostnader;-401063\r\n" },
    /* quoted fields: their comma is no separator, a ';' needs quotes */
    { "\"Alingsås, kommun\",\"a \"\"b\"\"\"\n", "Alingsås, kommun;\"a \"\"b\"\"\"\r\n" },
    { "x;y,z\n", "\"x;y\";z\r\n" },
    /* a quoted newline stays in its field; empty fields stay empty */
    { "\"two\nlines\",,\n", "\"two\nlines\";;\r\n" },
    /* text Excel would run as a formula stays text */
    { "\"=HYPERLINK(\"\"x\"\")\",+1 a,- varav,@SUM(A1),\"\tx\"\n",
      "\"'=HYPERLINK(\"\"x\"\")\";\"'+1 a\";\"'- varav\";\"'@SUM(A1)\";\"'\tx\"\r\n" },
    /* digits Excel would lose: a leading zero, more than 15 digits; the
     * field ="0182" (Excel's text of digits), quoted as CSV quotes it */
    { "0182,20261234567890123,2026,0\n", "\"=\"\"0182\"\"\";\"=\"\"20261234567890123\"\"\";2026;0\r\n" },
    /* a quoted figure is text, not converted */
    { "\"3.10\",3.10\n", "3.10;3,10\r\n" },
    /* a header only; a last line without its newline */
    { "organisation,lan\n", "organisation;lan\r\n" },
    { "a,b", "a;b" },
    { "", "" },
};

int
main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        cli_csv_swedish(f, cases[i].csv, strlen(cases[i].csv));
        fclose(f);
        printf("# case %zu\n", i);
        CHECK(len >= 3 && !memcmp(out, "\xEF\xBB\xBF", 3));
        CHECK_STR(len >= 3 ? out + 3 : "", cases[i].want);
        free(out);
    }
    return tap_done();
}

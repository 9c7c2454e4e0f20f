/* dates.c: dates, years and periods as Swedish documents write them.
 *
 *   2026-06-16              ISO date (2025–10–08 with en dashes too)
 *   17 februari 2026        day, month name, year ("den" before is fine);
 *   6. juni 2023            also Danish and Norwegian
 *   2026-06-xx, ÅÅÅÅ-MM-DD  template leftovers: not dates, and their year
 *                           is not a year either
 *   2027-2030, 2021 – 2030  a period: from < to, at most 30 years
 *
 * Plain scanning, no regular expressions: a date is a fixed shape of
 * digits, and what stands around it decides whether it counts. Offsets
 * are bytes. docs/DETECTION.md says how detect.c uses them. */
#include "plansok-private.h"

#include <string.h>

static const char *const months[12] = { "januari", "februari", "mars",      "april",   "maj",      "juni",
                                        "juli",    "augusti",  "september", "oktober", "november", "december" };

static bool
digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A byte that continues a word: ASCII letters and digits, and every byte
 * of a multi-byte character (å, ä, ö ...). */
static bool
wordish(unsigned char c)
{
    return digit((char)c) || (unsigned)((c | 0x20) - 'a') < 26u || c >= 0x80;
}

/* The bytes of a dash at t[i]: '-', or an en or em dash; 0 for none. */
static size_t
dash_at(const char *t, size_t len, size_t i)
{
    if (i < len && t[i] == '-')
        return 1;
    if (i + 3 <= len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
        return 3;
    return 0;
}

static int
num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* A plausible year at s (four digits, 1900..2099), standing alone on its
 * left. */
static int
year_at(const char *t, size_t len, size_t i)
{
    bool after_dash = (i >= 1 && t[i - 1] == '-') || (i >= 3 && dash_at(t, len, i - 3) == 3);
    if (i + 4 > len || (i > 0 && wordish((unsigned char)t[i - 1]) && !after_dash))
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (!digit(t[i + k]))
            return 0;
    int y = num(t + i, 4);
    return y >= 1900 && y <= 2099 ? y : 0;
}

static bool
ends_word(const char *t, size_t len, size_t i)
{
    return i >= len || !wordish((unsigned char)t[i]) || dash_at(t, len, i);
}

static int
days_in(int y, int m)
{
    static const int d[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 28 : d[m - 1];
}

/* Danish and Norwegian names where they differ from the Swedish ones
 * ("27. august 2025", "6. juni 2023"): Nordic documents date themselves so. */
static const struct {
    const char *name;
    int month;
} nordic_months[] = {
    { "januar", 1 }, { "februar", 2 }, { "marts", 3 }, { "mai", 5 }, { "august", 8 }, { "desember", 12 },
};

/* Whether t[i..] is word w (ASCII letters), in any case, ending there. */
static bool
word_at(const char *t, size_t len, size_t i, const char *w, size_t n)
{
    if (i + n > len || !ends_word(t, len, i + n))
        return false;
    size_t k = 0;
    while (k < n && (t[i + k] | 0x20) == w[k])
        k++;
    return k == n;
}

/* The month name at t[i..], in any case: returns 1..12 and its length. */
static int
month_at(const char *t, size_t len, size_t i, size_t *mlen)
{
    for (int m = 0; m < 12; m++)
        if (word_at(t, len, i, months[m], *mlen = strlen(months[m])))
            return m + 1;
    for (size_t k = 0; k < sizeof nordic_months / sizeof nordic_months[0]; k++)
        if (word_at(t, len, i, nordic_months[k].name, *mlen = strlen(nordic_months[k].name)))
            return nordic_months[k].month;
    return 0;
}

/* "2026-06-xx", "2026-06-XX", "2026-xx-xx": a template's blanks. */
static bool
template_tail(const char *t, size_t len, size_t i)
{
    return i + 3 <= len && t[i] == '-' && (t[i + 1] | 0x20) == 'x' && (t[i + 2] | 0x20) == 'x';
}

size_t
psi_find_dates(const char *t, size_t len, psi_datehit *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max; i++) {
        int y = year_at(t, len, i);
        if (y) {
            /* ISO: YYYY-MM-DD, also with the en dashes a word processor
             * puts in ("2025–10–08") */
            size_t d1 = dash_at(t, len, i + 4), m0 = i + 4 + d1;
            size_t d2 = d1 ? dash_at(t, len, m0 + 2) : 0, d0 = m0 + 2 + d2, e = d0 + 2;
            if (d1 && d2 == d1 && e <= len && digit(t[m0]) && digit(t[m0 + 1]) && digit(t[d0]) &&
                digit(t[d0 + 1]) && ends_word(t, len, e)) {
                int m = num(t + m0, 2), d = num(t + d0, 2);
                if (m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m)) {
                    out[n++] = (psi_datehit){ y, m, d, i, e };
                    i = e - 1;
                    continue;
                }
            }
            continue;
        }
        /* [den] D month YYYY, and D. month YYYY */
        if (digit(t[i]) && (i == 0 || !wordish((unsigned char)t[i - 1]))) {
            size_t k = i;
            while (k < len && digit(t[k]) && k - i < 3)
                k++;
            size_t dl = k - i;
            if (k < len && t[k] == '.')
                k++;
            if (dl > 2 || k >= len || t[k] != ' ')
                continue;
            int d = num(t + i, dl);
            size_t mlen;
            int m = month_at(t, len, k + 1, &mlen);
            size_t ye = k + 1 + mlen;
            if (!m || ye >= len || t[ye] != ' ')
                continue;
            int yy = year_at(t, len, ye + 1);
            if (yy && ends_word(t, len, ye + 5) && d >= 1 && d <= days_in(yy, m)) {
                out[n++] = (psi_datehit){ yy, m, d, i, ye + 5 };
                i = ye + 4;
            }
        }
    }
    return n;
}

size_t
psi_find_years(const char *t, size_t len, psi_yearhit *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max; i++) {
        int y = year_at(t, len, i);
        if (!y)
            continue;
        size_t e = i + 4;
        /* part of a date ("2026-06-16", "2025–10–08"), a template
         * ("2026-06-xx"), a number ("2026.131", "2026/375" of a
         * diarienummer) or a longer number: not a year */
        size_t dl = dash_at(t, len, e);
        if (e < len && (digit(t[e]) || (dl && e + dl < len && digit(t[e + dl]) && !year_at(t, len, e + dl)) ||
                        template_tail(t, len, e) || ((t[e] == '.' || t[e] == '/' || t[e] == ':') && e + 1 < len &&
                                                     digit(t[e + 1])) || !ends_word(t, len, e))) {
            /* skip the rest of this token */
            while (i + 1 < len && (digit(t[i + 1]) || t[i + 1] == '-' || t[i + 1] == '.'))
                i++;
            continue;
        }
        if (i > 0 && (t[i - 1] == '-' || t[i - 1] == '/' || t[i - 1] == '.') && i > 1 && digit(t[i - 2]))
            continue; /* the tail of "2026-2031" is read with its head */
        psi_yearhit h = { y, 0, i, e };
        /* a period: "2027-2030", "2027–2030", "2021 – 2030" */
        size_t k = e;
        while (k < len && t[k] == ' ')
            k++;
        size_t dash = dash_at(t, len, k);
        if (dash) {
            k += dash;
            while (k < len && t[k] == ' ')
                k++;
            int to = year_at(t, len, k);
            if (to > y && to - y <= 30 && ends_word(t, len, k + 4)) {
                h.to = to;
                h.end = k + 4;
            }
        }
        out[n++] = h;
        i = h.end - 1;
    }
    return n;
}

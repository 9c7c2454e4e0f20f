/* tap.h: a tiny TAP producer for the C unit tests. Tests are plain
 * functions; each CHECK prints "ok N - ..." or "not ok N - ...", and
 * tap_done() prints the plan and returns the exit code. */
#ifndef PLANSOK_TAP_H
#define PLANSOK_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static inline void
tap_check(int ok, const char *what, const char *file, int line)
{
    tap_count++;
    if (!ok)
        tap_failed++;
    printf("%s %d - %s%s", ok ? "ok" : "not ok", tap_count, what, ok ? "\n" : "");
    if (!ok)
        printf(" (%s:%d)\n", file, line);
}

static inline void
tap_check_str(const char *got, const char *want, const char *what, const char *file, int line)
{
    int ok = got && want && strcmp(got, want) == 0;
    tap_check(ok, what, file, line);
    if (!ok)
        printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
}

#define CHECK(cond) tap_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) tap_check_str((got), (want), #got " == " #want, __FILE__, __LINE__)

static inline int
tap_done(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif

# plansok: one non-recursive Makefile (with mk/*.mk included). Objects go to build/
#   make            build build/plansok (never installs packages)
#   make deps       install missing Debian packages (build and tests; as root)
#   make demo       deps, build, ingest corpus/ into build/demo-index, sample query
#   make check      deps, build, all tests (unit + end-to-end)
#   make check-nodeps   the same without deps (likewise demo, fuzz, bench ...)
#   make corpus     re-render corpus/*.pdf from ../shared/seeds
#   make stress     SIGKILL/SIGTERM campaign over ingest (STRESS_TRIALS=60)
#   make format-check   files whose formatting differs from .clang-format
#   make SAN=1 ...  with AddressSanitizer + UndefinedBehaviorSanitizer
#   make V=1 ...    show commands
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

SEEDS ?= ../shared/seeds
B := build

# Debian packages the build needs, and the tests; installed by 'make deps'.
DEB_PKGS := libpoppler-glib-dev libxapian-dev libpcre2-dev g++ pkg-config wswedish
DEB_TEST_PKGS := poppler-utils chromium xapian-tools python3 cmark-gfm
DEB_CORPUS_PKGS := libpango1.0-dev libcairo2-dev fonts-dejavu-core

CC ?= cc
CXX ?= g++
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
B := build/san
endif
ifeq ($(CI),true)
WERROR := -Werror
endif
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(WARN) $(WERROR) $(CFLAGS) $(SANFLAGS) -I. -Icore -MMD -MP
ALL_CXXFLAGS = -std=c++17 -Wall -Wextra $(WERROR) $(CXXFLAGS) $(SANFLAGS) -I. -Icore -MMD -MP

# Flags of each foreign library, given only to the one file that owns it.
POPPLER_CFLAGS = $(shell pkg-config --cflags poppler-glib)
# poppler-glib is loaded at run time by ingest/pdf.c (dlopen): only its
# soname is needed here, not a link.
POPPLER_SONAME = $(shell objdump -p $$(pkg-config --variable=libdir poppler-glib)/libpoppler-glib.so 2>/dev/null \
	| awk '/SONAME/ {print $$2}')
PCRE2_CFLAGS = $(shell pkg-config --cflags libpcre2-8)
PCRE2_LIBS = $(shell pkg-config --libs libpcre2-8)
XAPIAN_CXXFLAGS = $(shell xapian-config --cxxflags)
XAPIAN_LIBS = $(shell xapian-config --libs)
LIBS = $(PCRE2_LIBS) $(XAPIAN_LIBS) -ldl

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Sources by layer (docs/ARCHITECTURE.md): every .c and .cc of a layer's
# directory is part of it, so adding a file needs no edit here.
LIB_C := $(sort $(wildcard core/*.c ingest/*.c index/*.c query/*.c))
LIB_CXX := $(sort $(wildcard index/*.cc))
CLI_C := $(sort $(wildcard cli/*.c))
UNIT_C := $(wildcard tests/unit/test-*.c)

# Data compiled into the library as C strings, each in its layer.
GEN_OBJ = $(B)/ingest/gen-rules.o $(B)/core/gen-synonyms.o $(B)/core/gen-register.o
LIB_OBJ := $(LIB_C:%.c=$(B)/%.o) $(LIB_CXX:%.cc=$(B)/%.o) $(GEN_OBJ)
CLI_OBJ := $(CLI_C:%.c=$(B)/%.o)
UNIT_BIN := $(UNIT_C:tests/unit/%.c=$(B)/tests/%)
DEPS_STAMP := build/.deps-ok

$(B)/ingest/pdf.o: EXTRA_CFLAGS = $(POPPLER_CFLAGS) $(if $(POPPLER_SONAME),-DPSI_POPPLER_SONAME='"$(POPPLER_SONAME)"')
$(B)/ingest/rx.o: EXTRA_CFLAGS = $(PCRE2_CFLAGS)
$(B)/index/xapian-%.o: EXTRA_CXXFLAGS = $(XAPIAN_CXXFLAGS)

.PHONY: all deps check check-unit check-e2e demo corpus clean install eval fuzz scale-corpus bench \
	format-check
all: $(B)/plansok

# --- build -----------------------------------------------------------------
$(B)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(B)/%.o: %.cc | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(CXX) $(ALL_CXXFLAGS) $(EXTRA_CXXFLAGS) -c -o $@ $<

# The built-in section rules, synonyms and register of bodies as C strings.
$(B)/ingest/gen-rules.c: ingest/sections.rules core/embed.awk
	@mkdir -p $(@D)
	$(Q)awk -v name=psi_default_rules -f core/embed.awk $< > $@

$(B)/core/gen-synonyms.c: core/synonyms.txt core/embed.awk
	@mkdir -p $(@D)
	$(Q)awk -v name=psi_default_synonyms -f core/embed.awk $< > $@

$(B)/core/gen-register.c: core/register.tsv core/embed.awk
	@mkdir -p $(@D)
	$(Q)awk -v name=psi_default_register -f core/embed.awk $< > $@

$(GEN_OBJ): %.o: %.c
	$(Q)$(CC) -std=c11 $(CFLAGS) $(SANFLAGS) -c -o $@ $<

$(B)/libplansok.a: $(LIB_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

# Linked with the C++ driver so libstdc++ comes in for the Xapian shim.
# The front end but main.o, as an archive: unit tests of the option parser
# and the printers link it.
$(B)/libplansok-cli.a: $(filter-out $(B)/cli/main.o,$(CLI_OBJ))
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/plansok: $(B)/cli/main.o $(B)/libplansok-cli.a $(B)/libplansok.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CXX) $(SANFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/tap.h $(B)/libplansok-cli.a $(B)/libplansok.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -c -o $@.o $<
	$(Q)$(CXX) $(SANFLAGS) -o $@ $@.o $(B)/libplansok-cli.a $(B)/libplansok.a $(LIBS)

# Evaluation and benchmark tools over the library.
TOOLS := eval-sections eval-search bench-query dump-lines extract-dump
$(TOOLS:%=$(B)/%): $(B)/%: tests/tools/%.c $(B)/libplansok.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(Q)$(CXX) $(SANFLAGS) -o $@ $@.o $(B)/libplansok.a $(LIBS)

include mk/packages.mk mk/tests.mk mk/corpus.mk mk/fuzz.mk

# --- formatting ------------------------------------------------------------
# Lists the C and C++ files whose formatting differs from .clang-format, with
# the number of lines clang-format would change in each. Informational: the
# code predates the file and is not reformatted; not part of check.
CLANG_FORMAT ?= clang-format
FORMAT_FILES = $(sort $(wildcard *.h */*.c */*.h */*.cc tests/*.h tests/*/*.c))
format-check:
	@command -v $(CLANG_FORMAT) >/dev/null || { echo "plansok: no $(CLANG_FORMAT) (Debian package clang-format)" >&2; exit 1; }
	@total=0; files=0; for f in $(FORMAT_FILES); do \
	  n=$$($(CLANG_FORMAT) --style=file "$$f" | diff "$$f" - | grep -c '^<'); \
	  if [ "$$n" -gt 0 ]; then printf '%6d  %s\n' "$$n" "$$f"; total=$$((total + n)); files=$$((files + 1)); fi; \
	done; \
	echo "clang-format would change $$total lines in $$files of $(words $(FORMAT_FILES)) files (diff: $(CLANG_FORMAT) FILE | diff FILE -)"

# --- misc ------------------------------------------------------------------
PREFIX ?= /usr/local
install: $(B)/plansok
	install -D -m 755 $(B)/plansok $(DESTDIR)$(PREFIX)/bin/plansok

clean:
	rm -rf build/*.a build/plansok build/core build/ingest build/index build/query \
	  build/cli build/tests build/san build/render build/demo-index build/fuzz build/fuzz-corpus \
	  build/fuzz-pdfs build/fuzz-index build/eval-search.tmp

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

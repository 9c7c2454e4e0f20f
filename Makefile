# plansok: one non-recursive Makefile. Objects go to build/.
#   make            build build/plansok (never installs packages)
#   make deps       install missing Debian packages (build and tests; as root)
#   make demo       deps, build, ingest corpus/ into build/demo-index, sample query
#   make check      deps, build, all tests (unit + end-to-end)
#   make check-nodeps   the same without deps (likewise demo, fuzz, bench ...)
#   make corpus     re-render corpus/*.pdf from ../shared/seeds
#   make format-check   files whose formatting differs from .clang-format
#   make SAN=1 ...  with AddressSanitizer + UndefinedBehaviorSanitizer
#   make V=1 ...    show commands
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

SEEDS ?= ../shared/seeds
B := build

# Debian packages the build needs, and the tests; installed by 'make deps'.
DEB_PKGS := libpoppler-glib-dev libxapian-dev libpcre2-dev g++ pkg-config wswedish
DEB_TEST_PKGS := poppler-utils chromium xapian-tools python3
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
GEN_OBJ = $(B)/ingest/gen-rules.o $(B)/core/gen-synonyms.o
LIB_OBJ := $(LIB_C:%.c=$(B)/%.o) $(LIB_CXX:%.cc=$(B)/%.o) $(GEN_OBJ)
CLI_OBJ := $(CLI_C:%.c=$(B)/%.o)
UNIT_BIN := $(UNIT_C:tests/unit/%.c=$(B)/tests/%)
DEPS_STAMP := build/.deps-ok

$(B)/ingest/pdf.o: EXTRA_CFLAGS = $(POPPLER_CFLAGS) $(if $(POPPLER_SONAME),-DPSI_POPPLER_SONAME='"$(POPPLER_SONAME)"')
$(B)/ingest/rx.o: EXTRA_CFLAGS = $(PCRE2_CFLAGS)
$(B)/index/xapian.o: EXTRA_CXXFLAGS = $(XAPIAN_CXXFLAGS)

.PHONY: all deps check check-unit check-e2e demo corpus clean install eval fuzz scale-corpus bench \
	format-check
all: $(B)/plansok

# --- packages --------------------------------------------------------------
# Only these targets install Debian packages: deps, and the ones that need
# packages beyond the build's (check, demo, fuzz, bench, corpus,
# scale-corpus). Each of those installs first and then does its work in a
# sub-make of this Makefile, check-nodeps and so on (sequencing, not
# recursion: under -j nothing compiles while apt-get runs). No object or
# binary depends on an install; a build only checks that the build
# packages are there (once: the stamp $(DEPS_STAMP)).
INSTALL_FIRST := check demo fuzz bench corpus scale-corpus
.PHONY: $(INSTALL_FIRST:=-nodeps)

# missing_pkgs: shell code that leaves the missing ones of $(1) in $missing.
missing_pkgs = missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done

# Installs the missing ones of $(1) when run as root; otherwise prints the
# exact command and stops.
define install_pkgs
	@$(missing_pkgs); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "plansok: installing Debian packages:$$missing"; \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || { echo "plansok: apt-get install failed for:$$missing" >&2; exit 1; }; \
	  else \
	    echo "plansok: missing Debian packages:$$missing" >&2; \
	    echo "plansok: run: sudo apt-get update && sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi
endef

# Stops with one line when some of $(1) are missing, naming them and the
# target $(2) that installs them. Never installs; no check without dpkg.
define need_pkgs
	@command -v dpkg-query >/dev/null || exit 0; $(missing_pkgs); \
	test -z "$$missing" || { echo "plansok: missing Debian packages:$$missing; run 'make $(2)' as root" >&2; exit 1; }
endef

deps:
	$(call install_pkgs,$(DEB_PKGS) $(DEB_TEST_PKGS))

# Every object waits for this check (order-only), so a missing package is
# one clear line instead of a compiler error.
$(DEPS_STAMP):
	$(call need_pkgs,$(DEB_PKGS),deps)
	@mkdir -p $(@D) && touch $@

check demo:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory $@-nodeps

fuzz:
	@$(MAKE) --no-print-directory deps
	$(call install_pkgs,$(DEB_FUZZ_PKGS))
	@$(MAKE) --no-print-directory $@-nodeps

bench:
	@$(MAKE) --no-print-directory deps
	$(call install_pkgs,$(DEB_BENCH_PKGS) $(DEB_CORPUS_PKGS))
	@$(MAKE) --no-print-directory $@-nodeps

corpus scale-corpus:
	$(call install_pkgs,$(DEB_CORPUS_PKGS))
	@$(MAKE) --no-print-directory $@-nodeps

# 'make -j2 demo check' (or 'all check') would run two makes over one
# build/ at once: with one of these among the goals, this make runs its
# goals one at a time. Its sub-makes still run jobs in parallel.
ifneq ($(filter $(INSTALL_FIRST),$(MAKECMDGOALS)),)
.NOTPARALLEL:
endif

# --- build -----------------------------------------------------------------
$(B)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(B)/%.o: %.cc | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(CXX) $(ALL_CXXFLAGS) $(EXTRA_CXXFLAGS) -c -o $@ $<

# The built-in section rules and synonyms as C strings.
$(B)/ingest/gen-rules.c: ingest/sections.rules core/embed.awk
	@mkdir -p $(@D)
	$(Q)awk -v name=psi_default_rules -f core/embed.awk $< > $@

$(B)/core/gen-synonyms.c: core/synonyms.txt core/embed.awk
	@mkdir -p $(@D)
	$(Q)awk -v name=psi_default_synonyms -f core/embed.awk $< > $@

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

$(B)/eval-sections: tests/tools/eval-sections.c $(B)/libplansok.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(Q)$(CXX) $(SANFLAGS) -o $@ $@.o $(B)/libplansok.a $(LIBS)

$(B)/eval-search: tests/tools/eval-search.c $(B)/libplansok.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(Q)$(CXX) $(SANFLAGS) -o $@ $@.o $(B)/libplansok.a $(LIBS)

$(B)/bench-query: tests/tools/bench-query.c $(B)/libplansok.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(Q)$(CXX) $(SANFLAGS) -o $@ $@.o $(B)/libplansok.a $(LIBS)

# --- tests -----------------------------------------------------------------
# 'make check' installs packages (make deps), then runs this.
check-nodeps: $(B)/plansok $(UNIT_BIN) $(B)/eval-sections $(B)/eval-search
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 $(if $(SANFLAGS),PLANSOK_SAN=1) \
	  PLANSOK=$(CURDIR)/$(B)/plansok UNIT_DIR=$(CURDIR)/$(B)/tests sh tests/run-tests.sh

check-unit: $(UNIT_BIN)
	@UNIT_DIR=$(CURDIR)/$(B)/tests ONLY=unit sh tests/run-tests.sh

check-e2e: $(B)/plansok
	@PLANSOK=$(CURDIR)/$(B)/plansok ONLY=e2e sh tests/run-tests.sh

# Precision and recall of the section tagger (tests/data/sections.tsv) and
# of search against a plain Xapian baseline (tests/data/queries.tsv).
eval: $(B)/eval-sections $(B)/eval-search
	@echo "section tagging (tests/data/sections.tsv, adjudicated labels):"
	@$(B)/eval-sections tests/data/sections.tsv corpus
	@for p in 1 2; do echo; echo "... against labelling pass $$p alone (tests/data/sections-pass$$p.tsv):"; \
	  $(B)/eval-sections tests/data/sections-pass$$p.tsv corpus; done
	@echo
	@echo "agreement of the two labelling passes (A: pass 1, B: pass 2):"
	@python3 tests/tools/label-agreement.py tests/data/sections-pass1.tsv tests/data/sections-pass2.tsv
	@echo
	@echo "search, top $(if $(TOP),$(TOP),50) passages (tests/data/queries.tsv):"
	@rm -rf build/eval-search.tmp && mkdir -p build/eval-search.tmp
	@$(B)/eval-search tests/data/queries.tsv corpus build/eval-search.tmp

# --- demo ------------------------------------------------------------------
# 'make demo' installs packages (make deps), then runs this. Each command is
# shown as the README writes it and run that way, with $(B)/ first on PATH;
# the last lines say how to get 'plansok' on PATH for the README's examples.
DEMO_DB := build/demo-index
demo_run = echo '$$ plansok $(1)' && PATH="$(CURDIR)/$(B):$$PATH" plansok $(1)
demo-nodeps: $(B)/plansok
	@rm -rf $(DEMO_DB)
	@$(call demo_run,ingest --db $(DEMO_DB) corpus/)
	@echo
	@$(call demo_run,matrix --db $(DEMO_DB) kompetensförsörjning)
	@echo
	@$(call demo_run,search --db $(DEMO_DB) --limit 3 kompetensförsörjning)
	@echo
	@echo "To type 'plansok' like this (and as in README.md), put $(B)/ on PATH, or install it:"
	@echo '  export PATH="$(CURDIR)/$(B):$$PATH"    # or: sudo make install'

# --- corpus ----------------------------------------------------------------
CORPUS_PDFS := $(shell awk -F'\t' 'NR>1 {print "corpus/" $$1}' corpus/MANIFEST.tsv)
build/render: corpus/render.c corpus/render-spec.c corpus/render.h
	$(call need_pkgs,$(DEB_CORPUS_PKGS),corpus)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ corpus/render.c corpus/render-spec.c \
	  $$(pkg-config --cflags --libs pangocairo cairo-pdf)

corpus-nodeps: build/render
	@test -d $(SEEDS) || { echo "plansok: no seeds at $(SEEDS); set SEEDS=DIR" >&2; exit 1; }
	@awk -F'\t' 'NR>1 {print $$1, $$2}' corpus/MANIFEST.tsv | while read f s; do \
	  build/render corpus/specs/$$s.spec $(SEEDS) corpus/$$f || exit 1; done
	@for s in corpus/specs/budget-*.spec; do \
	  build/render $$s $(SEEDS) tests/budget/$$(basename $$s .spec).pdf || exit 1; done

# --- scale corpus ----------------------------------------------------------
# About 2,000 PDFs and 60,000 pages recombined from the seed transcripts
# (tests/tools/scale-corpus.py), rendered with corpus/render on every core.
# Deterministic; generated on demand into build/scale/pdf, never committed.
SCALE_DOCS ?= 2000
SCALE_PAGES ?= 30
SCALE := build/scale
NPROC := $(shell nproc 2>/dev/null || echo 2)
SCALE_DONE := $(SCALE)/.done-$(SCALE_DOCS)x$(SCALE_PAGES)
scale-corpus-nodeps: $(SCALE_DONE)
$(SCALE_DONE): build/render tests/tools/scale-corpus.py
	@test -d $(SEEDS) || { echo "plansok: no seeds at $(SEEDS); set SEEDS=DIR" >&2; exit 1; }
	@rm -rf $(SCALE) && mkdir -p $(SCALE)/pdf
	@python3 tests/tools/scale-corpus.py $(SEEDS) $(SCALE)/specs $(SCALE_DOCS) $(SCALE_PAGES)
	@echo "rendering with $(NPROC) processes..."
	@ls $(SCALE)/specs | sed 's/\.spec$$//' | xargs -P $(NPROC) -I{} \
	  build/render $(SCALE)/specs/{}.spec $(SEEDS) $(SCALE)/pdf/{}.pdf >/dev/null
	@n=$$(ls $(SCALE)/pdf | wc -l); test $$n -eq $(SCALE_DOCS) || { echo "plansok: rendered $$n of $(SCALE_DOCS)" >&2; exit 1; }; \
	  echo "scale corpus: $$n PDFs, $$(du -sh $(SCALE)/pdf | cut -f1) in $(SCALE)/pdf"
	@touch $@

# --- benchmark -------------------------------------------------------------
# Ingest and query speed, index size and memory on the scale corpus, next
# to pdftotext, Omega (omindex, quest) and Recoll (recollindex, recollq),
# which 'make bench' installs for this only. Writes docs/BENCHMARKS.md.
DEB_BENCH_PKGS := xapian-omega recollcmd time poppler-utils
bench-nodeps: $(B)/plansok $(B)/bench-query $(SCALE_DONE)
	@PLANSOK=$(B)/plansok BENCH_QUERY=$(B)/bench-query sh tests/tools/bench.sh

# --- fuzzing ---------------------------------------------------------------
# libFuzzer harnesses (clang), each run for FUZZ_SECONDS, then the hostile
# PDF corpus (tests/tools/hostile-pdfs.py --many) through ingest. The library
# is built again with clang in build/fuzz, with ASan and UBSan.
FUZZ_SECONDS ?= 60
FB := build/fuzz
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIB_OBJ := $(LIB_C:%.c=$(FB)/%.o) $(LIB_CXX:%.cc=$(FB)/%.o) $(FB)/ingest/gen-rules.o $(FB)/core/gen-synonyms.o
FUZZ_TARGETS := fuzz-text fuzz-query fuzz-record
DEB_FUZZ_PKGS := clang-14 libclang-rt-14-dev

$(FB)/ingest/pdf.o: EXTRA_CFLAGS = $(POPPLER_CFLAGS) $(if $(POPPLER_SONAME),-DPSI_POPPLER_SONAME='"$(POPPLER_SONAME)"')
$(FB)/ingest/rx.o: EXTRA_CFLAGS = $(PCRE2_CFLAGS)
$(FB)/index/xapian.o: EXTRA_CXXFLAGS = $(XAPIAN_CXXFLAGS)

$(FB)/.deps-ok:
	$(call need_pkgs,$(DEB_FUZZ_PKGS),fuzz)
	@mkdir -p $(@D) && touch $@

$(FB)/%.o: %.c | $(DEPS_STAMP) $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 -D_XOPEN_SOURCE=700 -I. -Icore $(FUZZ_FLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(FB)/%.o: %.cc | $(DEPS_STAMP) $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang++ -std=c++17 -I. -Icore $(FUZZ_FLAGS) $(EXTRA_CXXFLAGS) -c -o $@ $<

$(FB)/ingest/gen-rules.o: $(B)/ingest/gen-rules.c | $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

$(FB)/core/gen-synonyms.o: $(B)/core/gen-synonyms.c | $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

$(FB)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_LIB_OBJ)
	$(Q)clang -std=c11 -D_XOPEN_SOURCE=700 -I. -Icore $(FUZZ_FLAGS) -c -o $@.o $<
	$(Q)clang++ -fsanitize=fuzzer,address,undefined -o $@ $@.o $(FUZZ_LIB_OBJ) $(LIBS)

.SECONDARY: $(FUZZ_LIB_OBJ)
fuzz-nodeps: SHELL := /bin/bash
fuzz-nodeps: $(FUZZ_TARGETS:%=$(FB)/%) $(B)/plansok
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz-corpus/$$t; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(FB)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
	    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=build/fuzz-$$t- build/fuzz-corpus/$$t tests/fuzz/seeds/$${t#fuzz-} 2>&1 \
	    | tee build/fuzz-$$t.log | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)'; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "$$t found a problem: see build/fuzz-$$t.log"; exit 1; }; \
	done
	@rm -rf build/fuzz-pdfs build/fuzz-index
	@python3 tests/tools/hostile-pdfs.py corpus/kfvn-vp-2013.pdf build/fuzz-pdfs --many
	@$(B)/plansok ingest -q --db build/fuzz-index --timeout 60 build/fuzz-pdfs; \
	  rc=$$?; test $$rc -le 3 || { echo "ingest of hostile PDFs died: exit $$rc"; exit 1; }
	@$(B)/plansok docs --db build/fuzz-index > /dev/null && echo "hostile PDFs: ingest survived, index answers"

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

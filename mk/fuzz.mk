# fuzz.mk: libFuzzer harnesses built with clang (ASan, UBSan) and the
# hostile PDF corpus through ingest; and the kill campaign (make stress).
# Included by the Makefile; its variables are defined there.

# --- fuzzing ---------------------------------------------------------------
# libFuzzer harnesses (clang), each run for FUZZ_SECONDS, then the hostile
# PDF corpus (tests/tools/hostile-pdfs.py --many) through ingest. The library
# is built again with clang in build/fuzz, with ASan and UBSan.
FUZZ_SECONDS ?= 60
FB := build/fuzz
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIB_OBJ := $(LIB_C:%.c=$(FB)/%.o) $(LIB_CXX:%.cc=$(FB)/%.o) $(FB)/ingest/gen-rules.o $(FB)/core/gen-synonyms.o \
	$(FB)/core/gen-register.o
FUZZ_TARGETS := fuzz-text fuzz-query fuzz-record
DEB_FUZZ_PKGS := clang-14 libclang-rt-14-dev

$(FB)/ingest/pdf.o: EXTRA_CFLAGS = $(POPPLER_CFLAGS) $(if $(POPPLER_SONAME),-DPSI_POPPLER_SONAME='"$(POPPLER_SONAME)"')
$(FB)/ingest/rx.o: EXTRA_CFLAGS = $(PCRE2_CFLAGS)
$(FB)/index/xapian-%.o: EXTRA_CXXFLAGS = $(XAPIAN_CXXFLAGS)

$(FB)/.deps-ok:
	$(call need_pkgs,$(DEB_FUZZ_PKGS),fuzz)
	@mkdir -p $(@D) && touch $@

$(FB)/%.o: %.c | $(DEPS_STAMP) $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 -D_XOPEN_SOURCE=700 -I. -Icore -MMD -MP $(FUZZ_FLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(FB)/%.o: %.cc | $(DEPS_STAMP) $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang++ -std=c++17 -I. -Icore -MMD -MP $(FUZZ_FLAGS) $(EXTRA_CXXFLAGS) -c -o $@ $<

$(FB)/ingest/gen-rules.o: $(B)/ingest/gen-rules.c | $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

$(FB)/core/gen-synonyms.o: $(B)/core/gen-synonyms.c | $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

$(FB)/core/gen-register.o: $(B)/core/gen-register.c | $(FB)/.deps-ok
	@mkdir -p $(@D)
	$(Q)clang -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

# header dependencies, as the main build has them: a struct that grew in
# plansok.h rebuilds every object that uses it (stale objects of two
# layouts once crashed fuzz-query in ps_hits_free)
-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_TARGETS:%=$(FB)/%.o.d)

$(FB)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_LIB_OBJ)
	$(Q)clang -std=c11 -D_XOPEN_SOURCE=700 -I. -Icore -MMD -MP -MF $@.o.d -MT $@ $(FUZZ_FLAGS) -c -o $@.o $<
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

# --- stress ------------------------------------------------------------------
# SIGKILL and SIGTERM at STRESS_TRIALS random moments of an ingest, each run
# then ingested again to its end: every index must be a clean ingest's, as
# plansok's own outputs tell (tests/tools/kill-campaign.py, figures in
# docs/RELIABILITY.md). Needs python3 only; not part of check (about 10 s a
# trial on 2 cores).
STRESS_TRIALS ?= 60
.PHONY: stress
stress: $(B)/plansok
	python3 tests/tools/kill-campaign.py --trials $(STRESS_TRIALS) --plansok $(B)/plansok

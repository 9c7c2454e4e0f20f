# tests.mk: make check (unit and end-to-end tests), make eval (tagging
# and search quality) and make demo.
# Included by the Makefile; its variables are defined there.

# --- tests -----------------------------------------------------------------
# 'make check' installs packages (make deps), then runs this.
# Under ASan, new_delete_type_mismatch is off: libxapian 1.4's
# Database::check deletes a table through a type 8 bytes smaller (inside
# libxapian, on every check; docs/RELIABILITY.md, "A damaged index").
check-nodeps: $(B)/plansok $(UNIT_BIN) $(B)/eval-sections $(B)/eval-search $(B)/dump-lines $(B)/extract-dump
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(if $(SANFLAGS),ASAN_OPTIONS=new_delete_type_mismatch=0 PLANSOK_SAN=1) \
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
	@if [ -d ../shared/realplans ]; then \
	  for part in tune held; do echo; echo "section tagging on real documents, $$part part (tests/data/real-sections-$$part.tsv):"; \
	    $(B)/eval-sections --contains tests/data/real-sections-$$part.tsv ../shared/realplans; done; \
	  echo; echo "agreement of the two labelling passes of real documents:"; \
	  python3 tests/tools/label-agreement.py tests/data/real-sections-pass1.tsv tests/data/real-sections-pass2.tsv; \
	else echo "(../shared/realplans is not on this machine: no figures on real documents)"; fi
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

# corpus.mk: the sample corpus renderer, the scale corpus and the
# benchmark against pdftotext, Omega and Recoll.
# Included by the Makefile; its variables are defined there.

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

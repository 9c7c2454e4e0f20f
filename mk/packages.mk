# packages.mk: which Debian packages each target needs, and the only
# targets that install them (make deps, and check, demo, fuzz, bench,
# corpus and scale-corpus, which install and then run their -nodeps part).
# Included by the Makefile; its variables are defined there.

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

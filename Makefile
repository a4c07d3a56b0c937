# Waymark's entry points. `serve`, `test`, `bench` and `fuzz` first install what they need
# (scripts/install-*.sh, each a no-op when the tool is there), so they work from a clean clone.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DELETE_ON_ERROR:
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

PORT ?= 8080
CHROMEDRIVER ?= /usr/bin/chromedriver

# The site is built in steps, each only when what it is made from is newer than what it
# made, so `make test` after `make serve` builds nothing again. The first steps put the page
# under its plain names in the stage folder, $(STAGE): the wasm and its glue
# (scripts/build-web.sh), then the page from web/site/ (index.html, main.js, first-steps.js
# and embed.js) with www/styles.css and www/favicon.svg; first-steps.js and styles.css are
# written into the page as it is published. A step that changes the page, such as writing the
# start page into index.html, rewrites $(STAGE)/index.html after it is copied there. The
# last step (scripts/publish-site.mjs) publishes the stage into www/: each asset named by
# its content, the page and embed.js rewritten to load them, the service worker www/sw.js
# with the files it keeps, and `.br` and `.gz` copies beside every file of the site.
STAGE := target/site

# The browser bundle, from the Rust sources.
WASM := $(STAGE)/dist/waymark_web_bg.wasm $(STAGE)/dist/waymark_web.js
WASM_INPUTS := $(shell find engine words web -name '*.rs' -o -name Cargo.toml) \
	Cargo.toml $(wildcard Cargo.lock) scripts/build-web.sh scripts/wasm-opt.sh

# The page, under its plain names, with the start page drawn into index.html by the app's
# own components (prerender/) from the default scheme in www/config.json, so it shows
# before the wasm arrives.
PAGE := $(STAGE)/index.html $(STAGE)/main.js $(STAGE)/first-steps.js $(STAGE)/embed.js $(STAGE)/styles.css $(STAGE)/favicon.svg
PAGE_INPUTS := web/site/index.html web/site/main.js web/site/first-steps.js web/site/embed.js www/styles.css www/favicon.svg
PRERENDER_INPUTS := www/config.json $(wildcard www/schemes/*.json) $(wildcard www/lang/*.json) \
	$(shell find engine words web prerender -name '*.rs' -o -name Cargo.toml) Cargo.toml $(wildcard Cargo.lock)

# The published site, marked by its last file. Every file of www/ that is not build output
# is an input, since each gets compressed copies and the service worker keeps config.json,
# the schemes and the catalogues.
SITE := www/dist/precache.json
SITE_INPUTS := $(shell find www -regextype posix-extended -type f ! -path 'www/dist/*' ! -name '*.br' ! -name '*.gz' \
	! -path www/index.html ! -path www/embed.js ! -path www/sw.js ! -regex '.*\.[0-9a-f]{16}\.[a-z0-9]+') \
	web/site/sw.js scripts/publish-site.mjs

# The engine on its own as a JavaScript module, for portals that build their own interface.
ENGINE_JS := www/dist/engine/waymark_bg.wasm www/dist/engine/waymark.js www/dist/engine/waymark.d.ts
ENGINE_JS_INPUTS := $(shell find engine js -name '*.rs' -o -name Cargo.toml) \
	Cargo.toml $(wildcard Cargo.lock) scripts/build-engine-js.sh

# The example community directory, imported from its Open Referral UK feed by the tool.
DIRECTORY := www/dist/directories/northvale.directory.json
DIRECTORY_INPUTS := $(wildcard www/directories/northvale/*.json) \
	www/schemes/northvale-recovery-2026.json $(shell find engine cli -name '*.rs')

# The engine's tests compiled to wasm and run in headless Chromium through ChromeDriver;
# scripts/webdriver.json adds Chromium's switches for a machine with no outside network.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/scripts/webdriver.json \
	cargo test -p waymark-tests --target wasm32-unknown-unknown

.PHONY: help tools browser web serve test fmt clippy unit scheme-tests wasm-test browser-test \
	schemas bench budget fuzz clean

help:
	@echo "make serve    build the site once and serve www/ with the reference receiver at http://127.0.0.1:$(PORT)"
	@echo "make test     every check CI runs, in order, stopping at the first failure"
	@echo "make bench    engine and site benchmarks: sizes, a first visit, Lighthouse mobile, drawing"
	@echo "make budget   check the size budgets of a first visit (200 KB) and the engine module (120 KB)"
	@echo "make fuzz     fuzz loading and estimating for 60 seconds"
	@echo "make web      build the site into www: the bundle, the page with its start page drawn in, the service worker, compressed copies"
	@echo "make schemas  rewrite www/*.schema.json from the engine's types"
	@echo "make clean    remove build output"

tools:
	scripts/install-build-tools.sh

browser:
	scripts/install-browser.sh

web: $(SITE)

$(WASM) &: $(WASM_INPUTS) | tools
	scripts/build-web.sh

$(PAGE) &: $(PAGE_INPUTS) $(PRERENDER_INPUTS)
	mkdir -p $(STAGE)
	cp $(PAGE_INPUTS) $(STAGE)/
	cargo run -q -p waymark-prerender -- web/site/index.html --site www --out $(STAGE)/index.html

$(SITE): $(WASM) $(PAGE) $(ENGINE_JS) $(DIRECTORY) $(SITE_INPUTS)
	node scripts/publish-site.mjs $(STAGE) web/site/sw.js www

$(ENGINE_JS) &: $(ENGINE_JS_INPUTS) | tools
	scripts/build-engine-js.sh

$(DIRECTORY): $(DIRECTORY_INPUTS)
	mkdir -p $(dir $@)
	cargo run -q -p waymark --release -- directory import www/directories/northvale/services-page-*.json \
		--scheme www/schemes/northvale-recovery-2026.json --mapping www/directories/northvale/mapping.json --out $@

# Serves www/ with the reference receiver, so the app can send a submission locally; what
# is sent is stored in the SQLite database target/submissions.db (`waymark submissions
# export --store target/submissions.db --out DIR` writes it out as files).
serve: web
	cargo build -q --release -p waymark
	target/release/waymark receive --site www --store target/submissions.db --port $(PORT) www/schemes/*.json

test: tools browser fmt clippy unit scheme-tests wasm-test web browser-test

fmt:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

unit:
	cargo test --workspace

scheme-tests:
	cargo run -q -p waymark --release -- test www/schemes/*.json

wasm-test: tools browser
	$(WASM_TEST)

browser-test: web browser
	node --test tests/browser/

# Rewrites the published JSON Schemas from the engine's types (the test that checks them
# writes them instead when WAYMARK_BLESS is set).
schemas:
	WAYMARK_BLESS=1 cargo test -q -p waymark-tests --test schemes the_published_json_schemas_are_current

# Every figure of the engine, the council tools and the site: sizes, a first visit (as the
# reference receiver serves it), Lighthouse's mobile run and drawing; scripts/bench.sh runs
# each part on its own, so one that fails does not stop the others.
bench: web browser
	cargo build -q --release -p waymark
	scripts/bench.sh

# The size budgets of a first visit and of the engine module, from the files on disk; fails
# when either is exceeded.
budget: web
	node scripts/size-budget.mjs

# Each fuzz target in turn, for FUZZ_SECONDS each (`FUZZ_TARGETS="a b"` runs only those),
# from corpora seeded with the repository's own files. Without AddressSanitizer, which would
# cut the executions per second to a quarter: the engine and the cli library have no unsafe
# Rust (README.md's "Fuzzing" says how to check the receiver's SQLite with it).
FUZZ_SECONDS ?= 60
fuzz:
	scripts/install-fuzz-tools.sh
	fuzz/seed-corpora.sh
	cd fuzz && for target in $${FUZZ_TARGETS:-$$(cargo fuzz list)}; do \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$$target" -- \
	    -max_total_time=$(FUZZ_SECONDS) -dict=$(CURDIR)/fuzz/waymark.dict; \
	done

clean:
	cargo clean
	rm -rf www/dist www/index.html www/embed.js www/sw.js
	find www -regextype posix-extended \( -name '*.br' -o -name '*.gz' -o -regex '.*\.[0-9a-f]{16}\.[a-z0-9]+' \) -delete

# Waymark's entry points. `serve`, `test`, `bench` and `fuzz` first install what they need
# (scripts/install-*.sh, each a no-op when the tool is there), so they work from a clean clone.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DELETE_ON_ERROR:
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

PORT ?= 8080
CHROMEDRIVER ?= /usr/bin/chromedriver

# The browser bundle. Its recipe runs only when a Rust source or manifest it is built from is
# newer than the wasm, so `make test` after `make serve` does not build it again.
WASM := www/dist/waymark_web_bg.wasm www/dist/waymark_web.js
WASM_INPUTS := $(shell find engine words web -name '*.rs' -o -name Cargo.toml) \
	Cargo.toml $(wildcard Cargo.lock) scripts/build-web.sh scripts/wasm-opt.sh

# The engine on its own as a JavaScript module, for portals that build their own interface.
ENGINE_JS := www/dist/engine/waymark_bg.wasm www/dist/engine/waymark.js www/dist/engine/waymark.d.ts
ENGINE_JS_INPUTS := $(shell find engine js -name '*.rs' -o -name Cargo.toml) \
	Cargo.toml $(wildcard Cargo.lock) scripts/build-engine-js.sh

# The example community directory, imported from its Open Referral UK feed by the tool.
DIRECTORY := www/dist/directories/northvale.directory.json
DIRECTORY_INPUTS := $(wildcard www/directories/northvale/*.json) \
	www/schemes/northvale-recovery-2026.json $(shell find engine cli -name '*.rs')

# The served page: web/index.html with the start page drawn in at build time, from the
# default scheme in www/config.json, by the app's own components (prerender/).
INDEX := www/index.html
INDEX_INPUTS := web/index.html www/config.json $(wildcard www/schemes/*.json) $(wildcard www/lang/*.json) \
	$(shell find engine words web prerender -name '*.rs' -o -name Cargo.toml) Cargo.toml $(wildcard Cargo.lock)

# The engine's tests compiled to wasm and run in headless Chromium through ChromeDriver;
# scripts/webdriver.json adds Chromium's switches for a machine with no outside network.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/scripts/webdriver.json \
	cargo test -p waymark-tests --target wasm32-unknown-unknown

.PHONY: help tools browser web serve test fmt clippy unit scheme-tests wasm-test browser-test \
	schemas bench fuzz clean

help:
	@echo "make serve    build the site once and serve www/ with the reference receiver at http://127.0.0.1:$(PORT)"
	@echo "make test     every check CI runs, in order, stopping at the first failure"
	@echo "make bench    engine benchmarks and the gzipped size of a first visit"
	@echo "make fuzz     fuzz loading and estimating for 60 seconds"
	@echo "make web      build the browser bundle into www/dist and the page, www/index.html"
	@echo "make schemas  rewrite www/*.schema.json from the engine's types"
	@echo "make clean    remove build output"

tools:
	scripts/install-build-tools.sh

browser:
	scripts/install-browser.sh

web: $(WASM) $(ENGINE_JS) $(DIRECTORY) $(INDEX)

$(WASM) &: $(WASM_INPUTS) | tools
	scripts/build-web.sh

$(ENGINE_JS) &: $(ENGINE_JS_INPUTS) | tools
	scripts/build-engine-js.sh

$(DIRECTORY): $(DIRECTORY_INPUTS)
	mkdir -p $(dir $@)
	cargo run -q -p waymark --release -- directory import www/directories/northvale/services-page-*.json \
		--scheme www/schemes/northvale-recovery-2026.json --mapping www/directories/northvale/mapping.json --out $@

$(INDEX): $(INDEX_INPUTS)
	cargo run -q -p waymark-prerender -- web/index.html --site www --out $@

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

bench: web
	cargo run -p waymark --release -- bench
	scripts/bench-council.sh
	node scripts/browser-bench.mjs

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
	rm -rf www/dist $(INDEX)

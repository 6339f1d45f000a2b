# Matomo MCP Server: the matomo_mcp PHP extension (Rust) and the McpServer Matomo plugin (php/).
SHELL := /bin/bash
PORT ?= 8080
EXTENSION := target/release/libmatomo_mcp.so
RUN_TESTS := $(shell php-config --extension-dir 2>/dev/null)/build/run-tests.php
# PHP as the system has it, minus an installed matomo_mcp: the tests load the build themselves
CLEAN_PHP = PHP_INI_SCAN_DIR="$$(bash scripts/php-ini-without-mcp.sh php build/php-cli.d)"
PYTHON := build/tools/venv/bin/python

.PHONY: all deps build demo test lint test-rust test-php test-e2e bench bench-short fuzz fuzz-short client-tools install dist clean

all: build

deps:
	bash scripts/install-deps.sh

build: deps
	cargo build --release

# A live MCP endpoint on 127.0.0.1:$(PORT) backed by the Matomo stand-in; prints MCP_URL/MCP_TOKEN.
demo: build
	PORT=$(PORT) bash scripts/demo.sh

client-tools: deps
	bash scripts/install-client-tools.sh

test: build client-tools lint test-rust test-php test-e2e bench-short

# php -n: the syntax check must not depend on what the system PHP loads (an installed
# matomo_mcp would make the stub's declarations clash)
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	@for f in $$(find php standin tests -name '*.php' -o -name '*.inc'); do php -n -l "$$f" >/dev/null || exit 1; done
	phpcs --standard=PSR12 php
	phpcs --standard=PSR12 --warning-severity=0 standin

# the core needs no PHP; the extension crate's own tests run with the PHP headers
test-rust:
	cargo test --workspace

test-php: $(EXTENSION)
	rm -f tests/phpt/*.{diff,exp,log,out,php,sh}
	$(CLEAN_PHP) php $(RUN_TESTS) -q --no-color -d extension=$(CURDIR)/$(EXTENSION) tests/phpt | tee build/phpt.log
	@! grep -q '^FAIL' build/phpt.log

test-e2e: $(EXTENSION)
	$(CLEAN_PHP) MCP_EXTENSION=$(CURDIR)/$(EXTENSION) $(PYTHON) -m pytest tests/e2e -q -rs

# every benchmark, ratios measured in one run (a few minutes)
bench: build
	bash scripts/bench.sh

# each benchmark runs, in seconds (part of make test)
bench-short: $(EXTENSION)
	bash scripts/bench.sh --short

# every cargo fuzz target (the core, and PHP values in the embed SAPI) for FUZZ_SECONDS (10 minutes by default)
FUZZ_SECONDS ?= 600
fuzz: deps
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# each fuzz target briefly (CI)
fuzz-short: deps
	bash scripts/fuzz.sh 20

install: build
	bash scripts/install.sh "$(MATOMO_DIR)"

# Release artefacts in dist/: plugin zip, extension .so for this PHP, install script, SHA256SUMS.
dist: build
	bash scripts/dist.sh

clean:
	cargo clean
	rm -rf build

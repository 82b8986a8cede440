# factsh: the two commands of the README, plus the helpers they use.
#   make run   installs what is missing, builds (release) and starts the shell with the samples
#   make test  installs what is missing, builds and runs every test

SWIFT ?= swift
# apt-get needs root: use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := libedit-dev libsqlite3-dev sqlite3 tmux libpq-dev postgresql time

.PHONY: run test lint build deps release clean bench bench-postgres bench-ingest bench-micro soak fuzz test-asan test-tsan

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	$$($(SWIFT) build -c release --show-bin-path)/factsh --demo

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# Every Swift file passes the toolchain's formatter with the house settings in .swift-format
# (4-space indent, lines up to 200); `swift format -i --configuration .swift-format FILE` fixes one.
lint:
	find Package.swift Sources Tests Benchmarks -name '*.swift' -not -path '*/.build/*' -print0 \
		| xargs -0 $(SWIFT) format lint --strict --configuration .swift-format

# 10,000 differential cases against the independent SQLite oracle (make test runs 300), on
# relations from none to 100,000 rows; it prints how many cases ran, agreed and were skipped
# (and why). A failure prints its seed, which replays with FACTSH_DIFF_SEED=N FACTSH_DIFF_CASES=1.
soak: deps
	$(SWIFT) build --build-tests
	FACTSH_DIFF_CASES=$${CASES:-10000} FACTSH_DIFF_SEED=$${SEED:-1} $(SWIFT) test --skip-build --filter DifferentialTests.factshAgreesWithTheOracle

# libFuzzer on the parser, the evaluator (demo facts), the article loader, the data-file
# loaders, .open of session files and dot commands (demo facts, in a sandbox directory),
# FUZZ_SECONDS each (default 60), corpora seeded from Samples/ (FuzzSessionFile patches a session
# it saves itself, so it needs none). Paths are absolute: the dot-command target works in its
# sandbox directory. Crashes land in .build/fuzz/crashes; each one found becomes a test.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzParser FuzzEvaluator FuzzArticle FuzzDataFiles FuzzSessionFile FuzzDotCommands
fuzz: deps
	cd Tests/Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
	mkdir -p .build/fuzz/crashes
	for target in $(FUZZ_TARGETS); do \
		mkdir -p .build/fuzz/corpus/$$target; \
		case $$target in \
			FuzzArticle) cp Samples/*.txt .build/fuzz/corpus/$$target/ ;; \
			FuzzDataFiles) cp Tests/FactShellTests/Golden/sample.* .build/fuzz/corpus/$$target/ ;; \
			FuzzSessionFile) ;; \
			FuzzDotCommands) cp Tests/Fuzz/DotCommandSeeds/* .build/fuzz/corpus/$$target/ ;; \
			*) cp Samples/*.fq .build/fuzz/corpus/$$target/ ;; \
		esac; \
		Tests/Fuzz/.build/release/$$target -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(CURDIR)/.build/fuzz/crashes/$$target- \
			$(CURDIR)/.build/fuzz/corpus/$$target || exit 1; \
	done

# The whole test suite under AddressSanitizer. Leak detection is off: the shell exits with its
# facts still in memory, on purpose, and LeakSanitizer would call that a leak.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	FACTSH_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# The whole test suite under ThreadSanitizer: CSV loading fills columns on both cores, and
# articles are read on every core.
test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	FACTSH_SANITIZER=thread $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

# factsh against SQLite and DuckDB, each with 1 thread and with all cores, on ROWS generated
# events (1M unless told: `make bench ROWS=10000000`): one table of times, ratios and peak
# memory; fails if any engine gives a different answer.
ROWS ?= 1000000
BENCH_EVENTS := Benchmarks/data/events$(if $(filter 1000000,$(ROWS)),,-$(ROWS)).csv
bench: deps
	$(SWIFT) build -c release --product factsh
	[ -f $(BENCH_EVENTS) ] || python3 Benchmarks/generate_events.py $(ROWS) $(BENCH_EVENTS)
	python3 Benchmarks/compare.py $$($(SWIFT) build -c release --show-bin-path)/factsh $(BENCH_EVENTS)

# factsh over PostgreSQL against psql on one throwaway server (1M generated events): the load
# against \copy, each query against its SQL run in psql; fails if an answer is not the
# in-memory engine's.
bench-postgres: deps
	$(SWIFT) build -c release --product factsh
	[ -f Benchmarks/data/events.csv ] || python3 Benchmarks/generate_events.py 1000000 Benchmarks/data/events.csv
	python3 Benchmarks/compare_postgres.py $$($(SWIFT) build -c release --show-bin-path)/factsh Benchmarks/data/events.csv

# Microbenchmarks of the hot paths (lexer and parser, each operator on 1M rows, CSV parsing)
# with ordo-one/benchmark, in a package of their own so `make test` never builds them.
bench-micro: deps
	cd Benchmarks/Micro && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress

# Ingest throughput: MB of article text turned into mentions per second (a >= 10 MB corpus
# built from the sample articles, loaded as `.load FOLDER` loads it, with 1 thread and with
# every core). Timing is never asserted by `make test`.
bench-ingest: deps
	$(SWIFT) build -c release --product ingest-benchmark
	$$($(SWIFT) build -c release --show-bin-path)/ingest-benchmark Samples 10

clean:
	rm -rf .build

# make run: install what is missing, build an optimized (release) lrlab, start the shell.
# make test: install what is missing, then run every test (a debug build; its engine target is
# optimized even there, see Package.swift, so the lessons that train take seconds).
# make lessons: build lessons/*.lrlab into the executable (after editing a lesson; a test fails until then).
# make install: install a release build in $(PREFIX)/bin (~/.local/bin unless PREFIX says otherwise).
SWIFT ?= swift
PREFIX ?= $(HOME)/.local
BINDIR ?= $(PREFIX)/bin

.PHONY: run test build deps bench bench-python fuzz fuzz-build clean lessons install

deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev (the line editor's headers)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

# The shell users run is the optimized build: a debug build steps ~15x slower.
run: deps
	@if [ ! -x .build/release/lrlab ]; then \
		echo "building an optimized (release) lrlab: the first build takes a few minutes"; \
	fi
	$(SWIFT) build -c release --product lrlab
	$(SWIFT) run -c release --skip-build lrlab

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

lessons:
	sh Sources/LRLabShell/Generated/generate-lessons.sh lessons > Sources/LRLabShell/Generated/BuiltInLessons.swift.tmp || { rm -f Sources/LRLabShell/Generated/BuiltInLessons.swift.tmp; exit 1; }
	mv Sources/LRLabShell/Generated/BuiltInLessons.swift.tmp Sources/LRLabShell/Generated/BuiltInLessons.swift

# The lessons are built in, so the installed lrlab needs nothing beside it.
install: deps
	$(SWIFT) build -c release --product lrlab
	mkdir -p "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/lrlab" "$(DESTDIR)$(BINDIR)/lrlab"
	@echo "installed $(DESTDIR)$(BINDIR)/lrlab"

# Benchmarks are a separate package: never part of `make test`. Case d times the release lrlab.
bench: deps
	$(SWIFT) build -c release --product lrlab
	cd Benchmarks && $(SWIFT) run -c release --scratch-path ../.build-bench lrlab-bench

# The Python baselines of the digits MLP case alone (numpy loop, scikit-learn); installs numpy and
# scikit-learn into .build-python the first time. `make bench` runs them too, inside case g.
bench-python:
	Benchmarks/python/run.sh

# Fuzzing is a separate package too (Fuzz/). `make fuzz` runs each target in FUZZ_TARGETS for
# FUZZ_SECONDS, one after another, going on past findings (fork mode); new inputs go to
# .build-fuzz/corpus/TARGET, each finding to .build-fuzz/findings/TARGET/ (crash-*, timeout-*, oom-*).
FUZZ_TARGETS ?= expression statement script
FUZZ_SECONDS ?= 600
FUZZ_FLAGS ?= -dict=Fuzz/Dictionaries/lrlab.dict -max_len=4096 -timeout=10 -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
fuzz-build:
	$(SWIFT) build -c release --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target .build-fuzz/findings/$$target; \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		.build-fuzz/release/fuzz-$$target $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=.build-fuzz/findings/$$target/ .build-fuzz/corpus/$$target Fuzz/Corpus/$$target; \
	done

clean:
	rm -rf .build .build-fuzz

# make run: install what is missing, build, start the shell.
# make test: install what is missing, then run every test.
SWIFT ?= swift

.PHONY: run test build deps bench clean

deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev (the line editor's headers)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run --skip-build lrlab

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

# Benchmarks are a separate package: never part of `make test`. Case d times the release lrlab.
bench: deps
	$(SWIFT) build -c release --product lrlab
	cd Benchmarks && $(SWIFT) run -c release --scratch-path ../.build-bench lrlab-bench

clean:
	rm -rf .build

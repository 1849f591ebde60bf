# Sarex: the two set-up commands are `make demo` and `make test` (see README.md).
# Each installs the Debian packages it needs when they are missing.

DEBS := libnetcdf-dev netcdf-bin libproj-dev proj-data gmt-gshhg-full imagemagick
SWIFT ?= swift
OUT ?= out/demo

.PHONY: demo test deps bench bench-deps format release

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

release: deps
	$(SWIFT) build -c release --product sarex

demo: release
	.build/release/sarex demo --out $(OUT)

test: deps
	$(SWIFT) test

bench-deps: deps
	@python3 -c "import opendrift, bottleneck" 2>/dev/null || pip install -q opendrift bottleneck

bench: release bench-deps
	.build/release/sarex bench

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

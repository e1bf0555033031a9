# SPDX-License-Identifier: EUPL-1.2
# The two commands of the README. Both install what is missing (Debian 12
# packages, as root or through sudo), build, then:
#   make demo   installs only what the demo needs (DEMO_PACKAGES: a compiler,
#               cmake and the three libraries), builds only the program
#               (build/cmd/ctg, no tests), validates the bundled example of
#               Provence Alpes Agglomération, computes its coverage rates,
#               writes the convention (convention.md, convention.html, and
#               convention.pdf when chromium is installed) and prints the paths
#   make check  installs everything the tests need (PACKAGES) and runs the whole test suite
#   make deb    builds the Debian packages (build/ctg_*.deb, build/ctg-dev_*.deb)
BUILD ?= build
CTG := $(BUILD)/cmd/ctg
EXAMPLE := examples/provence-alpes-agglomeration

# Build and test dependencies, all from Debian 12.
PACKAGES := g++ cmake make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev \
            python3 python3-yaml python3-jsonschema groff-base man-db cmark-gfm pandoc \
            tidy chromium poppler-utils fonts-dejavu-core python3-docx librsvg2-bin \
            hyperfine time \
            libzip-dev libpugixml-dev libxlsxwriter-dev libssl-dev \
            python3-openpyxl libreoffice-writer-nogui strace

# What make demo needs, and nothing else: the compiler and the libraries. Not
# chromium (the PDF is written only when it is already there), pandoc,
# lintian, hyperfine or the test tools.
DEMO_PACKAGES := g++ cmake make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev \
                 libzip-dev libpugixml-dev libxlsxwriter-dev libssl-dev

# What .ci/run adds after make check (issue 12): clang 14 and its sanitizer
# and libFuzzer runtimes, for the clang build, the ASan/UBSan suite and the fuzzers.
HARDENING_PACKAGES := clang-14 libclang-rt-14-dev llvm-14 clang

.PHONY: all deps deps-demo deps-hardening build build-tool demo demo-run check clean print-demo-packages

all: build

# Installation and packaging tests: cpack's dpkg-shlibdeps and file, lintian,
# bash-completion, git (hooks and completion of revisions).
PACKAGES += dpkg-dev file lintian bash-completion git

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets manquants :" $$missing; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_OPTIONS) $$missing; \
	fi

deps-demo:
	@$(MAKE) --no-print-directory deps PACKAGES="$(DEMO_PACKAGES)" APT_OPTIONS=--no-install-recommends

deps-hardening:
	@$(MAKE) --no-print-directory deps PACKAGES="$(HARDENING_PACKAGES)"

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
	cmake --build $(BUILD) -j$$(nproc)

# Only the program, without the tests (nor doctest).
build-tool: deps-demo
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
	cmake --build $(BUILD) -j$$(nproc) --target ctg

demo: build-tool
	@$(MAKE) --no-print-directory demo-run

# The demo itself, on an already built program (tests/cli/demo_test.sh runs it
# with CTG= and OUT=): every file it writes is named at the end, by its path.
OUT ?= .
CHROMIUM ?= chromium
demo-run:
	$(CTG) validate $(EXAMPLE)
	$(CTG) coverage $(EXAMPLE)
	$(CTG) render $(EXAMPLE) -o $(OUT)/convention.md
	$(CTG) render $(EXAMPLE) -f html -o $(OUT)/convention.html
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then \
	  echo "$(CTG) render $(EXAMPLE) -f pdf -o $(OUT)/convention.pdf"; \
	  $(CTG) render $(EXAMPLE) -f pdf -o $(OUT)/convention.pdf || exit $$?; \
	fi
	@echo; echo "Fichiers écrits :"
	@for f in convention.md convention.html convention.pdf; do \
	  [ -f "$(OUT)/$$f" ] && echo "  $$(realpath "$(OUT)/$$f")"; done; true
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  echo "PDF non écrit : chromium n'est pas installé. Pour l'avoir : sudo apt install chromium, puis"; \
	  echo "  $(CTG) render $(EXAMPLE) -f pdf -o $(OUT)/convention.pdf"; }
	@echo "Le programme est $$(realpath $(CTG)) : lancez-le sous ce nom (par exemple"
	@echo "  $(CTG) referentiel --epci \"CC du Briançonnais\"), ou installez-le : make deb puis"
	@echo "  sudo apt install ./$(BUILD)/ctg_*.deb (ou sudo cmake --install $(BUILD)) pour l'appeler « ctg »."

print-demo-packages:
	@echo $(DEMO_PACKAGES)

check: build
	cd $(BUILD) && ctest --output-on-failure

# The Debian packages ctg and ctg-dev, in $(BUILD)/.
.PHONY: deb
deb: build
	cd $(BUILD) && cpack -G DEB

# ctg.exe for Windows (issue 23), cross-compiled here: yaml-cpp, pugixml,
# libzip and libxlsxwriter from Debian's source packages
# (tools/windows/build-deps.sh), zlib from libz-mingw-w64-dev, one static
# ctg.exe in build-windows/cmd/, and the zip
# build-windows/ctg-VERSION-windows-x64.zip (tools/windows/package.sh).
# `make windows-check`: the tests under Wine (tests/windows/run.sh).
WINDOWS_BUILD ?= build-windows
WINDOWS_PACKAGES := g++-mingw-w64-x86-64-posix mingw-w64 libz-mingw-w64-dev dpkg-dev pandoc zip unzip
.PHONY: windows
windows:
	@$(MAKE) --no-print-directory deps PACKAGES="$(WINDOWS_PACKAGES) libcli11-dev libfmt-dev"
	tools/windows/build-deps.sh $(WINDOWS_BUILD)
	cmake -S . -B $(WINDOWS_BUILD) -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
	  -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DCMAKE_PREFIX_PATH=$(CURDIR)/$(WINDOWS_BUILD)/deps
	cmake --build $(WINDOWS_BUILD) -j$$(nproc)
	tools/windows/package.sh $(WINDOWS_BUILD)

.PHONY: windows-check
windows-check: windows
	@$(MAKE) --no-print-directory deps PACKAGES="wine wine64 python3-openpyxl"
	tests/windows/run.sh $(WINDOWS_BUILD)

clean:
	rm -rf $(BUILD) $(WINDOWS_BUILD) convention.md convention.html convention.pdf

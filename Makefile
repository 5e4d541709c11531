# Cove build. `make` builds build/cove; `make test` installs deps, builds from scratch
# and runs every test; `make bench` runs the benchmarks. See README.md.

CC      ?= cc
PKGS    := bdw-gc
OPT     ?= -O2
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
CFLAGS  ?= -g
ALLCFLAGS = -std=gnu11 $(WARN) $(OPT) $(CFLAGS) -Ivm -fno-strict-aliasing \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgc) -lm -ldl -lreadline
BUILD   ?= build

CORE_SRC := $(wildcard vm/*.c) $(wildcard compiler/*.c) $(wildcard stdlib/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC  := tools/cove.c tools/repl.c
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/*.c)

DEB_PKGS := build-essential pkg-config libgc-dev libffi-dev libreadline-dev libcriterion-dev \
            libseccomp-dev lua5.4 luajit hyperfine gnuplot-nox valgrind clang time \
            lua-lpeg lua-cjson lua-filesystem gcovr

.PHONY: all deps test test-unit test-lang test-asan bench demo clean official

# The main build also makes the shared library and cove.pc (`lib`); the sanitizer, fuzz and
# coverage builds (other BUILD folders) only need the binaries.
all: $(BUILD)/cove $(BUILD)/covec $(if $(filter build,$(BUILD)),lib)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libcove.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# -rdynamic: C modules built for Lua 5.4 resolve lua_* symbols from the cove binary.
# The command links libgc and libffi statically when Debian's .a files are there: two
# shared libraries fewer to map and relocate at every start (`cove -e ''`: 1.48 M -> 1.41 M
# instructions, about 0.2 ms); the library (libcove.so) keeps them shared.
STATIC_LIBS = $(if $(filter /%,$(shell $(CC) -print-file-name=libgc.a)),-lgc) \
              $(if $(filter /%,$(shell $(CC) -print-file-name=libffi.a)),-lffi)
comma      := ,
CLI_LDLIBS  = $(if $(STATIC_LIBS),$(filter-out $(STATIC_LIBS),$(LDLIBS)) \
              -Wl$(comma)-Bstatic $(STATIC_LIBS) -Wl$(comma)-Bdynamic -lpthread,$(LDLIBS))
$(BUILD)/cove: $(CLI_OBJ) $(BUILD)/libcove.a
	$(CC) $(ALLCFLAGS) -rdynamic -o $@ $(CLI_OBJ) -Wl,--whole-archive $(BUILD)/libcove.a \
	  -Wl,--no-whole-archive $(CLI_LDLIBS)

# covec (luac's counterpart) links like cove; it uses internals (Proto, the dumper).
$(BUILD)/covec: $(BUILD)/obj/tools/covec.o $(BUILD)/libcove.a
	$(CC) $(ALLCFLAGS) -o $@ $(BUILD)/obj/tools/covec.o $(BUILD)/libcove.a $(LDLIBS)

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BUILD)/obj/tools/covec.d

# Install the Debian packages the build and the tests need, when any is missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "deps: missing$$missing; run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi

$(BUILD)/unit: $(UNIT_SRC) $(BUILD)/libcove.a
	$(CC) $(ALLCFLAGS) -o $@ $(UNIT_SRC) $(BUILD)/libcove.a $(LDLIBS) -lcriterion

test-unit: $(BUILD)/unit
	$(BUILD)/unit --jobs 2

test-lang: $(BUILD)/cove
	tests/run-lang.sh $(BUILD)/cove

# The full gate: clean build from scratch, then every suite.
# The fuzz step of `make test` is reproducible (fixed seed and input count per target, see
# tests/fuzz/run.sh); `make fuzz` is the open-ended run.
FUZZ_RUNS ?= 20000
test: deps
	rm -rf $(BUILD)
	$(MAKE) all
	$(MAKE) test-unit
	tests/capi/run.sh $(BUILD)/cove
	$(MAKE) test-capi
	tests/cli/run.sh $(BUILD)/cove
	$(MAKE) test-ffi
	$(MAKE) test-robust
	$(MAKE) test-asan
	$(MAKE) test-lang

bench: deps all
	tools/bench.sh $(BUILD)/cove

demo: deps all
	$(BUILD)/cove examples/demo.lua

clean:
	rm -rf $(BUILD)

# The official Lua 5.4.4 suite (not committed; see README.md for how to fetch it).
official: all
	tools/run-official.sh $(BUILD)/cove

# Sanitizer build: AddressSanitizer + UndefinedBehaviorSanitizer, no recovery. libgc itself is not
# instrumented (its heap is mmap'ed by libgc, outside ASan's redzones); leak detection is off because
# the collector, not malloc/free, owns the heap. See spec/testing.md.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# Runtime options. detect_stack_use_after_return=0: its fake frames live in memory libgc does
# not scan, so an object referenced only from them would be freed under the program.
# exitcode=86: a sanitizer report can never pass for a test's expected error exit (1).
ASAN_ENV := ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:exitcode=86 \
            UBSAN_OPTIONS=print_stacktrace=1:exitcode=86
# C API tests that need one exact object to be unreachable from the C stack: ASan's padded
# frames keep stale words that libgc's conservative scan takes for references (spec/testing.md).
ASAN_IMPRECISE_LANG := gc_weak_finalizer_order
ASAN_IMPRECISE := userdata/unreachable_userdata_are_finalized_by_a_full_collection
test-asan: deps
	$(MAKE) BUILD=build/asan CFLAGS="$(ASAN_FLAGS)" build/asan/cove build/asan/unit \
	  build/asan/capi_unit build/asan/canary
	tests/sanitize/canary.sh build/asan/canary
	$(ASAN_ENV) ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=1 \
	  build/asan/unit --jobs 2
	$(ASAN_ENV) ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=1 \
	  build/asan/capi_unit --jobs 2 --filter '!($(ASAN_IMPRECISE))'
	LANG_SKIP="$(ASAN_IMPRECISE_LANG)" LANG_SKIP_WHY="needs one object unreachable; ASan frames keep stale words the conservative scan sees (spec/testing.md)" \
	  $(ASAN_ENV) tests/run-lang.sh build/asan/cove
	$(ASAN_ENV) COVE_SANFLAGS="$(ASAN_FLAGS)" tests/capi/run.sh build/asan/cove
	COVE_SKIP_PTY="timing-based terminal test; it runs in the normal build" $(ASAN_ENV) tests/cli/run.sh build/asan/cove
	$(ASAN_ENV) tests/ffi/run.sh build/asan/cove

# The sanitizer canary (tests/sanitize/): deliberate errors the instrumented build must catch.
$(BUILD)/canary: tests/sanitize/canary.c
	$(CC) $(ALLCFLAGS) -o $@ $<

# ---- Robustness: fuzzing, bytecode round trip, differential testing (spec/fuzzing.md) ----
# Fuzz targets are built with clang + libFuzzer; the core is rebuilt with clang into build/fuzz/
# with coverage instrumentation, ASan and UBSan (no recovery: any report is a crash).
FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_TARGETS := compile bytecode pattern format pack number utf8
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_SECONDS ?= 60
# Per-input limits: 10 s is a hang, 2 GB RSS is a leak; leak detection is off (libgc owns the heap).
FUZZ_OPTS    ?= -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1
N            ?= 1000
SEED         ?= 1

.PHONY: fuzz-build fuzz fuzz-bytecode fuzz-corpus roundtrip difftest test-robust

fuzz-build:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" $(FUZZ_BUILD)/libcove.a
	$(MAKE) $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_run.h $(FUZZ_BUILD)/libcove.a
	$(FUZZ_CC) -std=gnu11 $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -Ivm \
	  $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -o $@ $< $(FUZZ_BUILD)/libcove.a $(LDLIBS)

# All targets, FUZZ_SECONDS each, growing a scratch corpus in build/fuzz/corpus/ from the seeds.
fuzz: fuzz-build
	tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-bytecode: fuzz-build
	tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) bytecode

# Every committed corpus input through its target once (each must be handled without crash).
fuzz-corpus: fuzz-build
	tests/fuzz/run.sh corpus 0 $(FUZZ_TARGETS)

roundtrip: all
	tests/roundtrip.sh $(BUILD)/cove $(BUILD)/covec

# N random programs from seed SEED on cove and lua5.4; differences minimised into build/difftest/.
difftest: all
	python3 -B tests/difftest/difftest.py --cove $(BUILD)/cove --n $(N) --seed $(SEED)

# Bounded robustness gate: corpora, a short run of every fuzz target (whole fuzz step < 2 min
# on 2 cores; FZ_CHECK: after each input the shared globals must be intact), the bytecode
# round trip and a fixed-seed batch of 300 differential programs.
test-robust: all fuzz-build
	tests/fuzz/run.sh corpus 0 $(FUZZ_TARGETS)
	FZ_CHECK=1 FUZZ_RUNS=$(FUZZ_RUNS) tests/fuzz/run.sh fuzz 20 $(FUZZ_TARGETS)
	tests/roundtrip.sh $(BUILD)/cove $(BUILD)/covec
	python3 -B tests/difftest/difftest.py --cove $(BUILD)/cove --n 300 --seed 1

# ---- libcove for embedding (spec/capi.md "Building against Cove") ----
# The core objects again, position-independent, in $(BUILD)/pic/, for the shared library
# (soname libcove.so.$(SOVERSION)); the library itself links libgc/libm/libdl, never
# readline (only the REPL uses it). Linked to a temporary name then renamed, so a host
# linking against it concurrently never sees a half-written file.
SOVERSION := 0
VERSION   := 0.1.0
PIC_OBJ   := $(CORE_SRC:%.c=$(BUILD)/pic/%.o)
LIBLIBS    = $(filter-out -lreadline,$(LDLIBS))
HEADERS   := vm/lua.h vm/luaconf.h vm/lauxlib.h vm/lualib.h vm/lua.hpp vm/cove.h

.PHONY: lib debug uninstall

lib: $(BUILD)/libcove.a $(BUILD)/libcove.so $(BUILD)/cove.pc

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -fPIC -MMD -MP -c $< -o $@

$(BUILD)/libcove.so.$(SOVERSION): $(PIC_OBJ)
	$(CC) $(ALLCFLAGS) -shared -fPIC -Wl,-soname,libcove.so.$(SOVERSION) -o $@.tmp $(PIC_OBJ) $(LIBLIBS)
	mv -f $@.tmp $@

$(BUILD)/libcove.so: $(BUILD)/libcove.so.$(SOVERSION)
	ln -sf libcove.so.$(SOVERSION) $@

-include $(PIC_OBJ:.o=.d)

# Rewritten whenever PREFIX changes (the file records it).
$(BUILD)/cove.pc: FORCE
	@mkdir -p $(BUILD)
	@printf '%s\n' 'prefix=$(PREFIX)' 'exec_prefix=$${prefix}' 'libdir=$${exec_prefix}/lib' \
	  'includedir=$${prefix}/include' '' 'Name: cove' \
	  'Description: Cove, a Lua 5.4 compatible VM: the Lua 5.4 C API and cove_* extensions' \
	  'Version: $(VERSION)' 'Cflags: -I$${includedir}/cove' 'Libs: -L$${libdir} -lcove' \
	  'Libs.private: -lgc -lm -ldl $(filter -lffi,$(LDLIBS))' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

.PHONY: FORCE
FORCE:

# API-misuse-checking build: lua5.4's LUA_USE_APICHECK assertions plus Cove's own.
DEBUG_CFLAGS := -O0 -g -DLUA_USE_APICHECK -DCOVE_ASSERTS
debug:
	$(MAKE) BUILD=build/debug CFLAGS="$(DEBUG_CFLAGS)" build/debug/cove build/debug/libcove.a

# Install the commands and the man page (PREFIX=/usr/local, DESTDIR for staging),
# plus the library, headers (include/cove/) and pkg-config file.
PREFIX ?= /usr/local
.PHONY: install
install: all lib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/cove $(BUILD)/covec $(DESTDIR)$(PREFIX)/bin/
	if [ -f tools/cove.1 ]; then install -m 644 tools/cove.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/cove
	install -m 644 $(BUILD)/libcove.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libcove.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libcove.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libcove.so
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/cove/
	install -m 644 $(BUILD)/cove.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cove $(DESTDIR)$(PREFIX)/bin/covec
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/cove.1
	rm -f $(DESTDIR)$(PREFIX)/lib/libcove.a $(DESTDIR)$(PREFIX)/lib/libcove.so \
	  $(DESTDIR)$(PREFIX)/lib/libcove.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/pkgconfig/cove.pc
	rm -f $(HEADERS:vm/%=$(DESTDIR)$(PREFIX)/include/cove/%)
	-rmdir $(DESTDIR)$(PREFIX)/include/cove 2>/dev/null

# ---- ffi (stdlib/ffilib.c, spec/ffi.md): libffi, and its test suite ----
ALLCFLAGS += $(shell pkg-config --cflags libffi 2>/dev/null)
LDLIBS    += $(shell pkg-config --libs libffi 2>/dev/null || echo -lffi)
.PHONY: test-ffi
test-ffi: $(BUILD)/cove
	tests/ffi/run.sh $(BUILD)/cove

# ---- C API proof (tests/capi/): Criterion tests per API function group, built against
# libcove.a like $(BUILD)/unit, then Debian's binary lua-lpeg/lua-cjson/lua-filesystem under cove ----
CAPI_SRC := $(wildcard tests/capi/test_*.c)
.PHONY: test-capi
$(BUILD)/capi_unit: $(CAPI_SRC) tests/capi/capi_test.h $(BUILD)/libcove.a
	$(CC) $(ALLCFLAGS) -o $@ $(CAPI_SRC) $(BUILD)/libcove.a $(LDLIBS) -lcriterion

test-capi: $(BUILD)/capi_unit $(BUILD)/cove
	$(BUILD)/capi_unit --jobs 2
	tests/capi/modules.sh $(BUILD)/cove

# ---- Coverage (spec/testing.md): gcc --coverage build in build/cov/; the unit, C API, lang,
# CLI and ffi suites and the bytecode round trip; then gcovr: HTML under build/coverage/,
# line and branch totals per folder.
# Suite failures are reported but do not stop the report (it measures, the gate is `test`).
COV_BUILD   := build/cov
COV_FOLDERS := vm compiler stdlib sandbox
# Atomic counter updates: tests/capi/threads.c runs states on several threads, and plain
# updates race (gcov then reports negative counts and gcovr refuses them).
COV_FLAGS   := -O1 -g --coverage -fprofile-update=atomic
.PHONY: coverage
coverage: deps
	$(MAKE) BUILD=$(COV_BUILD) CFLAGS="$(COV_FLAGS)" $(COV_BUILD)/cove $(COV_BUILD)/covec \
	  $(COV_BUILD)/unit $(COV_BUILD)/capi_unit
	find $(COV_BUILD) -name '*.gcda' -delete
	rm -rf build/coverage && mkdir -p build/coverage
	-$(COV_BUILD)/unit --jobs 2 >build/coverage/unit.log 2>&1; tail -n 1 build/coverage/unit.log
	-$(COV_BUILD)/capi_unit --jobs 2 >build/coverage/capi_unit.log 2>&1; tail -n 1 build/coverage/capi_unit.log
	-tests/run-lang.sh $(COV_BUILD)/cove >build/coverage/lang.log 2>&1; tail -n 1 build/coverage/lang.log
	-COVE_SANFLAGS="$(COV_FLAGS)" tests/capi/run.sh $(COV_BUILD)/cove >build/coverage/capi.log 2>&1; \
	  grep -c '^PASS' build/coverage/capi.log | sed 's/$$/ capi checks passed/'; grep '^FAIL' build/coverage/capi.log || true
	-tests/cli/run.sh $(COV_BUILD)/cove >build/coverage/cli.log 2>&1; \
	  grep -c '^PASS' build/coverage/cli.log | sed 's/$$/ cli checks passed/'; grep '^FAIL' build/coverage/cli.log || true
	-tests/ffi/run.sh $(COV_BUILD)/cove >build/coverage/ffi.log 2>&1; tail -n 1 build/coverage/ffi.log
	-tests/roundtrip.sh $(COV_BUILD)/cove $(COV_BUILD)/covec >build/coverage/roundtrip.log 2>&1; \
	  tail -n 1 build/coverage/roundtrip.log
	gcovr -r . --object-directory $(COV_BUILD) $(COV_FOLDERS:%=--filter '%/') --exclude-unreachable-branches \
	  --html-details build/coverage/index.html --json-summary build/coverage/summary.json
	python3 -B tools/covsummary.py build/coverage/summary.json $(COV_FOLDERS)
	@echo "coverage: HTML report in build/coverage/index.html"

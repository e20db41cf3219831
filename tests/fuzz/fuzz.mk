# tests/fuzz/fuzz.mk - fuzzing and the hostile-input test programs; included by the Makefile
# (`include tests/fuzz/fuzz.mk`, after its own rules).
#
#   make fuzz           libFuzzer binaries (clang, ASan+UBSan) in build-fuzz/: fuzz_compile, fuzz_unitfile
#   make fuzz-run       runs each for FUZZ_SECONDS (default 60) on the corpus in build-fuzz/corpus-*
#   make fuzz-replay    replay builds ($(O)/tests/fuzz_*_replay, linked with $(O)/libunitc.a) that
#                       tests/fuzz/run runs over the seed corpus and tests/bogons/ in `make check`
#   make property-tests $(O)/tests/property_inject, run by tests/property/run
FUZZ_O       ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SAN     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_compile fuzz_unitfile
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(O)/tests/%_replay)

.PHONY: fuzz fuzz-bins fuzz-run fuzz-replay property-tests

# The library is rebuilt in its own tree with coverage instrumentation for libFuzzer.
fuzz:
	$(MAKE) O=$(FUZZ_O) CC=$(FUZZ_CC) CFLAGS='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' \
		LDFLAGS='$(FUZZ_SAN)' fuzz-bins

fuzz-bins: $(FUZZ_TARGETS:%=$(O)/%)

$(FUZZ_TARGETS:%=$(O)/%): $(O)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(O)/libunitc.a
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz -fsanitize=fuzzer -MMD -MP -o $@ $< \
		$(O)/libunitc.a $(LDLIBS)

# A short run of each target; the corpus grows in $(FUZZ_O)/corpus-NAME, seeded by tests/fuzz/seeds.
fuzz-run: fuzz
	set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_O)/corpus-$$t; \
		tests/fuzz/seeds $$t $(FUZZ_O)/seeds-$$t; \
		$(FUZZ_O)/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			-rss_limit_mb=2048 -dict=tests/fuzz/$$t.dict -artifact_prefix=$(FUZZ_O)/$$t- \
			$(FUZZ_O)/corpus-$$t $(FUZZ_O)/seeds-$$t; \
	done

fuzz-replay: $(FUZZ_REPLAY)

$(O)/tests/fuzz_main.o: tests/fuzz/fuzz_main.c tests/fuzz/fuzz.h $(O)/libunitc.a
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz -MMD -MP -c -o $@ $<

$(FUZZ_REPLAY): $(O)/tests/%_replay: tests/fuzz/%.c tests/fuzz/fuzz.h $(O)/tests/fuzz_main.o $(O)/libunitc.a
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -Itests/fuzz -MMD -MP -o $@ $< $(O)/tests/fuzz_main.o \
		$(O)/libunitc.a $(LDLIBS)

property-tests: $(O)/tests/property_inject

$(O)/tests/property_inject: tests/property/property_inject.c $(O)/libunitc.a
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -Wno-missing-prototypes -Wno-missing-field-initializers -MMD -MP -o $@ $< \
		$(O)/libunitc.a $(LDLIBS)

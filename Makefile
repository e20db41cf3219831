# unitc - a plain GNU Makefile. `make`, `make check`, `make install PREFIX=... DESTDIR=...`.
CC      ?= cc
BISON   ?= bison
FLEX    ?= flex
O       ?= build
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
VIMDIR  ?= $(DATADIR)/vim/vimfiles
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
VERSION := 0.1.0

CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wmissing-declarations -Wwrite-strings -Wundef -Wformat=2 -Wcast-align \
           -Wpointer-arith -Wold-style-definition -Wvla
WERROR  ?=
ALL_CFLAGS   = -std=c11 $(WARN) $(WERROR) $(CFLAGS)
ALL_CPPFLAGS = -D_GNU_SOURCE -Icompiler -I$(O) -include $(O)/config.h $(CPPFLAGS)
LDLIBS  ?=
# libyaml reads the target profiles (stdlib/targets/*.yaml).
LDLIBS  += -lyaml -lsystemd

GEN_SRCS  := $(O)/parser.c $(O)/lexer.c
# compiler/README.md says what each folder holds; cli/ is the program, the rest the library.
CLI_SRCS  := $(wildcard compiler/cli/*.c)
LIB_SRCS  := $(wildcard compiler/*.c) $(filter-out $(CLI_SRCS),$(wildcard compiler/*/*.c))
LIB_OBJS  := $(LIB_SRCS:compiler/%.c=$(O)/%.o) $(GEN_SRCS:.c=.o)
CLI_OBJS  := $(CLI_SRCS:compiler/%.c=$(O)/%.o)
UNIT_TESTS := $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: FORCE all check check-asan check-valgrind unit-tests install uninstall clean bench e2e doc completion vim deb-test
all: $(O)/unitc doc completion vim

$(O)/unitc: $(CLI_OBJS) $(O)/libunitc.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(O)/libunitc.a $(LDLIBS)

$(O)/libunitc.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

# The version and the stdlib folder baked into the binary: rewritten only when they change,
# so `make install PREFIX=/usr` after `make` rebuilds what depends on them.
$(O)/config.h: FORCE | $(O)
	@printf '#define UNITC_VERSION "%s"\n#define UNITC_DATADIR "%s"\n' '$(VERSION)' '$(DATADIR)/unitc' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

FORCE:

$(O)/parser.c $(O)/parser.h &: grammar/parser.y | $(O)
	$(BISON) -Wall -Werror --header=$(O)/parser.h -o $(O)/parser.c $<

$(O)/lexer.c $(O)/lexer.h &: grammar/lexer.l | $(O)
	$(FLEX) --header-file=$(O)/lexer.h -o $(O)/lexer.c $<

# The generated scanner gets relaxed warnings and never -Werror.
$(O)/lexer.o: $(O)/lexer.c $(O)/parser.h $(O)/config.h
	$(CC) $(ALL_CPPFLAGS) -std=c11 $(CFLAGS) -w -MMD -MP -c -o $@ $<

$(O)/parser.o: $(O)/parser.c $(O)/lexer.h $(O)/config.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -Wno-missing-declarations \
		-MMD -MP -c -o $@ $<

# Every compiler object may include the generated headers.
$(O)/%.o: compiler/%.c $(O)/parser.h $(O)/lexer.h $(O)/config.h | $(O)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(O)/libunitc.a
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -MMD -MP -o $@ $< \
		$(O)/libunitc.a -lcmocka $(LDLIBS)

$(O):
	mkdir -p $(O)

unit-tests: $(UNIT_TESTS)

# Every suite is a tests/*/run script ending with "N passed, N failed"; run-suites adds them up.
check: all unit-tests
	@UNITC=$${UNITC:-$(CURDIR)/$(O)/unitc} O=$(O) tests/run-suites.sh

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own tree.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	$(MAKE) O=build-asan CFLAGS='$(SAN_FLAGS)' LDFLAGS='$(SAN_FLAGS)' \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 check

# The suites that run the compiler, with every run under valgrind's memcheck: the unit
# tests, the golden, error, bogon and output suites, and 500 property cases.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
check-valgrind: all unit-tests property-tests
	set -e; for t in $(UNIT_TESTS); do $(VALGRIND) $$t > /dev/null; done; \
		echo "unit tests under valgrind: clean"
	set -e; for s in golden errors bogons output; do \
		UNITC="$(VALGRIND) $(CURDIR)/$(O)/unitc" tests/$$s/run | tail -n 1; done
	$(VALGRIND) $(O)/tests/property_inject -n 500 | tail -n 1

# The end-to-end suite derives each policy's expectations with this program.
$(O)/tests/e2e-expect: tests/e2e/expect.c $(O)/libunitc.a
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(O)/libunitc.a $(LDLIBS)

# The suite on every Debian target (tests/e2e/all-targets; E2E_TARGETS narrows it), then
# every gallery daemon under its compiled unit on Debian 12, with its workload check.
e2e: all $(O)/tests/e2e-expect
	EXPECT=$(CURDIR)/$(O)/tests/e2e-expect UNITC=$(CURDIR)/$(O)/unitc tests/e2e/all-targets
	UNITC=$(CURDIR)/$(O)/unitc tests/gallery/live.sh

# The manual pages: hand-written sources under doc/, with every list that lives in a table
# (needs, capabilities, directives, the escape hatch, the grammar's keywords) printed from
# that table by tools/mkdoc and spliced in, so a new row cannot be missing from the manual.
MANPAGES := $(O)/man/unitc.1 $(O)/man/unitc.pol.5
doc: $(MANPAGES)

$(O)/keywords.txt: grammar/lexer.l compiler/front/statements.def tools/keywords.awk | $(O)
	LC_ALL=C awk -f tools/keywords.awk grammar/lexer.l compiler/front/statements.def > $@.tmp && mv $@.tmp $@

$(O)/tools/mkdoc: tools/mkdoc.c $(O)/libunitc.a
	@mkdir -p $(O)/tools
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(O)/libunitc.a $(LDLIBS)

$(O)/man/%: doc/%.in tools/splice.awk $(O)/tools/mkdoc $(O)/keywords.txt $(wildcard stdlib/*.pol) \
		$(wildcard stdlib/targets/*.yaml) $(O)/config.h
	@mkdir -p $(O)/man
	awk -v tool=$(O)/tools/mkdoc -v datadir='$(DATADIR)' -v keywords=$(O)/keywords.txt \
		-f tools/splice.awk $< > $@.tmp && mv $@.tmp $@

# Shell completion: the options and their values are read from the binary's own --help and
# messages (tools/mkcompletion), so the completion offers what this unitc takes.
COMPLETIONS := $(O)/completion/unitc $(O)/completion/_unitc
completion: $(COMPLETIONS)

$(O)/completion/unitc: completion/unitc.bash.in tools/mkcompletion $(O)/unitc
	@mkdir -p $(O)/completion
	tools/mkcompletion $(O)/unitc $< > $@.tmp && mv $@.tmp $@

$(O)/completion/_unitc: completion/_unitc.in tools/mkcompletion $(O)/unitc
	@mkdir -p $(O)/completion
	tools/mkcompletion $(O)/unitc $< > $@.tmp && mv $@.tmp $@

# The vim syntax file: its keywords are the lexer's keyword table, its needs words and
# capabilities the compiler's tables.
vim: $(O)/vim/syntax/unitc.vim

$(O)/vim/syntax/unitc.vim: editors/vim/syntax/unitc.vim.in $(O)/keywords.txt $(O)/tools/mkdoc
	@mkdir -p $(O)/vim/syntax
	kw=$$(tr '\n' ' ' < $(O)/keywords.txt) && needs=$$($(O)/tools/mkdoc plain needs) && \
		caps=$$($(O)/tools/mkdoc plain capabilities) && [ -n "$$kw" ] && [ -n "$$needs" ] && [ -n "$$caps" ] && \
		sed -e "s|@KEYWORDS@|$$kw|" -e "s|@NEEDS@|$$needs|" -e "s|@CAPABILITIES@|$$caps|" $< > $@.tmp && mv $@.tmp $@

# The Debian package (debian/), built from a clean checkout of HEAD with its make check,
# lintian-clean, installed into a throwaway root and run; the .deb is left in $(O)/deb/.
deb-test:
	O=$(O) tests/deb/deb-test

bench: all
	tests/bench/run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/unitc/stdlib \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(VIMDIR)/syntax $(DESTDIR)$(VIMDIR)/ftdetect
	install -m 0755 $(O)/unitc $(DESTDIR)$(BINDIR)/unitc
	install -m 0644 stdlib/*.pol $(DESTDIR)$(DATADIR)/unitc/stdlib/
	install -d $(DESTDIR)$(DATADIR)/unitc/stdlib/targets
	install -m 0644 stdlib/targets/*.yaml $(DESTDIR)$(DATADIR)/unitc/stdlib/targets/
	install -m 0644 $(O)/man/unitc.1 $(DESTDIR)$(MANDIR)/man1/unitc.1
	install -m 0644 $(O)/man/unitc.pol.5 $(DESTDIR)$(MANDIR)/man5/unitc.pol.5
	install -m 0644 $(O)/completion/unitc $(DESTDIR)$(BASHCOMPDIR)/unitc
	install -m 0644 $(O)/completion/_unitc $(DESTDIR)$(ZSHCOMPDIR)/_unitc
	install -m 0644 $(O)/vim/syntax/unitc.vim $(DESTDIR)$(VIMDIR)/syntax/unitc.vim
	install -m 0644 editors/vim/ftdetect/unitc.vim $(DESTDIR)$(VIMDIR)/ftdetect/unitc.vim

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/unitc
	rm -rf $(DESTDIR)$(DATADIR)/unitc
	rm -f $(DESTDIR)$(MANDIR)/man1/unitc.1 $(DESTDIR)$(MANDIR)/man5/unitc.pol.5
	rm -f $(DESTDIR)$(BASHCOMPDIR)/unitc $(DESTDIR)$(ZSHCOMPDIR)/_unitc
	rm -f $(DESTDIR)$(VIMDIR)/syntax/unitc.vim $(DESTDIR)$(VIMDIR)/ftdetect/unitc.vim

clean:
	rm -rf $(O) build-asan

-include $(wildcard $(O)/*.d $(O)/*/*.d $(O)/tests/*.d $(O)/tools/*.d)

include tests/fuzz/fuzz.mk
# make check also runs the fuzz corpus replay and the injection property test.
check: fuzz-replay property-tests

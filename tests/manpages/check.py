#!/usr/bin/env python3
"""check.py - what the manual pages must hold, each check from a source other than the one
the pages are generated from, so that a check fails when the pages miss something.

    check.py options UNIT_1_TEXT HELP_TEXT...
        every option of `unitc --help` and `unitc check --help` (HELP_TEXT files) is in the
        rendered unitc(1)
    check.py statements POL_5_SOURCE STATEMENTS_DEF PARSER_Y
        every statement keyword, as the rows of statements.def name the statements and as
        parser.y spells its tokens, starts an `.It Cm` entry of the hand-written unitc.pol(5) source
    check.py tables POL_5_TEXT DIRECTIVES_C LIST_NEEDS_TEXT
        every row of directives.c's directive and escape tables, and every word and capability
        `unitc --list-needs` prints, is in the rendered unitc.pol(5)

Prints one line per missing item and exits 1 if any is missing.
"""
import re
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def options(page, *helps):
    text = read(page)
    missing = []
    for h in helps:
        for opt in sorted(set(re.findall(r"(?<![\w-])(--[A-Za-z][\w-]*|-[A-Za-z])(?=[\s,=\[])", read(h)))):
            if not re.search(r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])", text):
                missing.append(f"option {opt} (from {h}) is not in unitc(1)")
    return missing


def statements(source, statements_def, parser_y):
    src = read(source)
    entries = [l for l in src.splitlines() if l.startswith(".It ")]
    # The words of each `.It` line that are Cm arguments, joined: ".It Cm needs network local".
    def cm_words(line):
        words, on = [], False
        for w in line.split()[1:]:
            if w in ("Cm",):
                on = True
                continue
            if re.fullmatch(r"[A-Z][a-z][a-z]?", w) or w in ("Ns", "|", ",", "Oo", "Oc"):
                on = w in (",",) and on
                if w == ",":
                    words.append(",")
                continue
            if on:
                words.append(w)
        return " ".join(words)
    heads = [cm_words(l) for l in entries]
    missing = []
    # The rows of statements.def: each statement's keyword and the syntax the grammar reads.
    rows = re.findall(r'^STATEMENT\(\s*[A-Z_]+,\s*"([^"]+)",\s*([A-Z]+),', read(statements_def), re.M)
    names = [name for name, _ in rows]
    if len(names) < 10:
        return [f"{statements_def}: no statement rows found"]
    # exec_stmt and the like: the keywords that start a variant of a statement.
    y = read(parser_y)
    tokens = {}
    starts = set()
    for line in re.findall(r"^%token <arg> (.*)$", y, re.M):
        tokens.update(re.findall(r'\b([A-Z_]+) "([a-z-]+)"', line))
    for t in ("WORD", "NUMBER", "PATH", "STRING"):
        tokens.pop(t, None)
    # The statements the generic rules read: their keyword is a keyword to the lexer too.
    for name, syntax in rows:
        if syntax != "OWN":
            tokens["STMT_" + name] = name
            starts.add(name)
    # The rules that make statements and blocks: each alternative's first token.
    for rule, body in re.findall(r"^(\w+):(.*?)\s;[ \t]*$", y, re.M | re.S):
        if rule not in ("block", "stmt", "exec_stmt", "needs_stmt"):
            continue
        for alt in re.split(r"^\s*\|", body, flags=re.M):
            m = re.match(r"\s*([A-Z_]+)\b", alt)
            if m and m.group(1) in tokens:
                starts.add(tokens[m.group(1)])
    if len(starts) < 10:
        return [f"{parser_y}: no statement tokens found"]
    for name in sorted(set(names) | starts):
        if not any(re.search(r"(^|, )" + re.escape(name) + r"( |$|,)", h) for h in heads):
            missing.append(f"statement '{name}' has no `.It Cm {name} ...` entry in {source}")
    # Every keyword of the lexer is used somewhere as a word of the language.
    for word in sorted(set(tokens.values())):
        if not any(re.search(r"(^| )" + re.escape(word) + r"( |$)", h) for h in heads) and \
           not re.search(r"^\.(Cm|It Cm)\b.*(?<![\w-])" + re.escape(word) + r"(?![\w-])", src, re.M):
            missing.append(f"keyword '{word}' is never shown as `.Cm {word}` in {source}")
    return missing


def tables(page, tables_c, list_needs):
    text = re.sub(r"\s+", " ", read(page))
    c = read(tables_c)
    missing = []

    def section(name):
        m = re.search(r"\n(?:const )?struct \w+ " + name + r"\[\] = \{(.*?)\n\};", c, re.S)
        return m.group(1) if m else ""

    directives = re.findall(r'\{ "(\w+)", "(\w+)", (\d+), USER_', section("directive_table"))
    if len(directives) < 20:
        return [f"{tables_c}: directive_table not found"]
    for key, sect, since in directives:
        if not re.search(re.escape(key) + r"= \(\[" + sect + r"\], systemd " + since + r"\)", text):
            missing.append(f"directive {key}= ([{sect}], systemd {since}) is not in unitc.pol(5)")
    esc = section("escape_table")
    keys = re.findall(r'ESC(?:_ONE_OF|_REFUSED)?\("(\w+)", "(\w+)"', esc)
    for cond in re.findall(r'ESC_CONDITION\("(\w+)"', esc):
        keys += [("Condition" + cond, "Unit"), ("Assert" + cond, "Unit")]
    if len(keys) < 20:
        return [f"{tables_c}: escape_table not found"]
    for key, sect in keys:
        if not re.search(re.escape(key) + r"= \(\[" + sect + r"\]", text):
            missing.append(f"escape hatch directive {key}= ([{sect}]) is not in unitc.pol(5)")
    words = re.findall(r"^  (\S+)", read(list_needs), re.M)
    if len(words) < 20:
        return [f"{list_needs}: no words"]
    for w in words:
        if not re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text):
            missing.append(f"`unitc --list-needs` word {w} is not in unitc.pol(5)")
    return missing


def main():
    what, args = sys.argv[1], sys.argv[2:]
    missing = {"options": options, "statements": statements, "tables": tables}[what](*args)
    for m in missing:
        print(m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

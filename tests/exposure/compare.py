#!/usr/bin/env python3
"""compare.py - per-unit comparison of two `security` outputs of one batch of units.

Usage: compare.py text|json EXPECTED ACTUAL [UNIT...]

Text output is cut into one block per unit after each "Overall exposure level for NAME" line;
JSON output (short or pretty) into one array per unit, matched to the units in order (UNIT...
are the names of the units that loaded, taken from the text run). Prints
"IDENTICAL n", "DIFFERENT n" and one "MISMATCH name" line per differing unit.
"""
import re
import sys


def text_blocks(data):
    blocks, cur = {}, []
    order = []
    for line in data.splitlines(keepends=True):
        cur.append(line)
        m = re.match(r'(?:→|->) Overall exposure level for (.*): \d+\.\d ', line)
        if m:
            blocks[m.group(1)] = ''.join(cur)
            order.append(m.group(1))
            cur = []
    if cur:
        blocks['<trailing>'] = ''.join(cur)
        order.append('<trailing>')
    return order, blocks


def json_arrays(data):
    """Splits concatenated top-level JSON arrays (short: one per line; pretty: [ ... ])."""
    arrays, depth, start, in_str, esc = [], 0, None, False, False
    for i, ch in enumerate(data):
        if in_str:
            if esc:
                esc = False
            elif ch == '\\':
                esc = True
            elif ch == '"':
                in_str = False
            continue
        if ch == '"':
            in_str = True
        elif ch in '[{':
            if depth == 0:
                start = i
            depth += 1
        elif ch in ']}':
            depth -= 1
            if depth == 0:
                end = i + 1
                if end < len(data) and data[end] == '\n':
                    end += 1
                arrays.append(data[start:end])
    return arrays


def main(argv):
    mode, exp_path, act_path = argv[1], argv[2], argv[3]
    names = argv[4:]
    exp = open(exp_path, encoding='utf-8', errors='surrogateescape').read()
    act = open(act_path, encoding='utf-8', errors='surrogateescape').read()
    same, diff = 0, []
    if mode == 'text':
        order, eb = text_blocks(exp)
        _, ab = text_blocks(act)
        for n in order:
            if ab.get(n) == eb[n]:
                same += 1
            else:
                diff.append(n)
        for n in ab:
            if n not in eb:
                diff.append(n)
    else:
        ea, aa = json_arrays(exp), json_arrays(act)
        for k in range(max(len(ea), len(aa))):
            n = names[k] if k < len(names) else '#%d' % k
            if k < len(ea) and k < len(aa) and ea[k] == aa[k]:
                same += 1
            else:
                diff.append(n)
        if ''.join(ea) != exp or ''.join(aa) != act:
            diff.append('<framing>')
    print('IDENTICAL %d' % same)
    print('DIFFERENT %d' % len(diff))
    for n in diff:
        print('MISMATCH %s' % n)
    return 0 if not diff else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))

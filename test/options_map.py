#!/usr/bin/env python3
"""Rewrites `clang-tidy --dump-config` output so CheckOptions read as a map.

clang-tidy 14 dumps CheckOptions as a list of `- key: K` / `value: V` pairs;
later majors dump a map of `K: V`. Tests pipe the dump through this filter and
match the map form with every major. Other lines pass through unchanged; the
value keeps the quoting clang-tidy gave it (the same YAML writer in both
forms). Standard input to standard output.
"""
import re
import sys

KEY = re.compile(r"^(\s*)- key:\s*(\S+)\s*$")
VALUE = re.compile(r"^\s*value:\s?\s*(.*)$")


def main():
    lines = sys.stdin.read().splitlines()
    out = []
    index = 0
    while index < len(lines):
        key = KEY.match(lines[index])
        value = VALUE.match(lines[index + 1]) if key and index + 1 < len(lines) else None
        if key and value:
            out.append("%s%s: %s" % (key.group(1), key.group(2), value.group(1)))
            index += 2
            continue
        out.append(lines[index])
        index += 1
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

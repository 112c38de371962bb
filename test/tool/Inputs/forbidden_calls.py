"""Lists calls in C++ sources that build clang's whole-unit parent map.

  forbidden_calls.py DIR...   prints 'FILE:LINE: forbidden call NAME' for
                              each one and a summary line.
lib/Parents.cpp is the one place allowed to ask clang itself.
"""
import os
import re
import sys

FORBIDDEN = re.compile(r"\b(getParents|hasParent|hasAncestor|forFunction|forCallable|"
                       r"isInTemplateInstantiation)\s*\(")
ALLOWED = {"Parents.cpp"}

scanned = found = 0
for root in sys.argv[1:]:
    if not os.path.isdir(root):
        print("not a directory: " + root)
        sys.exit(2)
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")) or name in ALLOWED:
                continue
            scanned += 1
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    match = FORBIDDEN.search(line)
                    if match:
                        found += 1
                        print("%s:%d: forbidden call %s" % (path, number, match.group(1)))
print("scanned %d files, %d forbidden calls" % (scanned, found))

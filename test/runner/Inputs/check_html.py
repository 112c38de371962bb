#!/usr/bin/env python3
"""Compares the findings an HTML report shows in a browser with a SARIF report.

  check_html.py DOM SARIF [--html FILE]

DOM is what `chromium --headless --dump-dom` printed for the report: every
<article class="finding"> that is not hidden counts as shown, with its
data-check, data-path, data-line and data-column. Prints one line per shown
finding, then "same as SARIF" when they are exactly the SARIF results (rule,
file, line, column), or the differences. With --html, also checks that the
report file is self-contained: no external script, style sheet, font, image
or frame, no @import or url().
"""
import argparse
import json
import re
import sys
from html.parser import HTMLParser


class Findings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.shown, self.hidden = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "finding" in (attrs.get("class") or "").split():
            item = (attrs.get("data-check"), attrs.get("data-path"),
                    int(attrs.get("data-line") or 0), int(attrs.get("data-column") or 0))
            (self.hidden if "hidden" in attrs else self.shown).append(item)


def external(text):
    problems = []
    patterns = [(r"<script[^>]*\bsrc=", "an external script"),
                (r"<link\b", "a linked resource"),
                (r"<(?:img|iframe|object|embed|video|audio|source)\b", "an embedded resource"),
                (r"@import", "a CSS @import"), (r"url\(", "a CSS url()"),
                (r"@font-face", "a web font")]
    for pattern, what in patterns:
        if re.search(pattern, text, re.I):
            problems.append("the report loads %s" % what)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dom")
    parser.add_argument("sarif")
    parser.add_argument("--html")
    args = parser.parse_args()
    found = Findings()
    with open(args.dom, encoding="utf-8") as handle:
        found.feed(handle.read())
    with open(args.sarif, encoding="utf-8") as handle:
        sarif = json.load(handle)
    expected = []
    for result in sarif["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]
        expected.append((result["ruleId"], where["artifactLocation"]["uri"],
                         where["region"]["startLine"], where["region"]["startColumn"]))
    problems = external(open(args.html, encoding="utf-8").read()) if args.html else []
    for item in found.shown:
        print("shown %s %s:%d:%d" % item)
    print("hidden: %d" % len(found.hidden))
    if sorted(found.shown) != sorted(expected):
        missing = sorted(set(expected) - set(found.shown))
        extra = sorted(set(found.shown) - set(expected))
        problems.append("the page differs from SARIF: not shown %s, not in SARIF %s" % (missing, extra))
    for problem in problems:
        print("problem: " + problem)
    if problems:
        return 1
    print("same as SARIF")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores the leak-* checks on code written by others: bench/real.

The code is not in this repository: bench/real/fetch.py downloads pinned
Debian source packages (sources.tsv) into bench/real/src/. This folder holds
our own labels of files in them, made by reading each file in full before
leak-tidy ran on it:

  labels.tsv    package, version, path, lines (START-END), check, reason
                check is a leak-* check that must report in the range, 'none'
                for a look-alike no leak-* check may report in, or
                'debatable' for a range whose findings are not scored
  flags.tsv     package, path, compile flags ({src}, {gen}, {root})
  expected.tsv  what the tool does today where it disagrees with a label:
                'miss' rows (a labeled leak not found) and 'fp' rows (a
                finding outside its check's ranges)

A labeled file counts as reviewed entirely: a finding outside every range of
its check (and outside 'debatable' ranges) is a false positive. Labels are
never changed to agree with the tool; expected.tsv is.

Prints precision and recall per check and overall, then every miss and false
positive with its reason. Exit status 1 when the tool's results differ from
expected.tsv (a miss or a false positive that is new, or one that is gone:
run with --update-expected after an improvement), a file does not compile,
or a source is missing.

  bench/real/score.py --llvm 22
  bench/real/score.py --llvm 22 --write docs/benchmark.md
  bench/real/score.py --llvm 22 --update-expected
Standard library only.
"""
import argparse
import collections
import concurrent.futures
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import scoring  # noqa: E402  (bench/scoring.py)
import fetch  # noqa: E402  (bench/real/fetch.py)

LABELS = os.path.join(HERE, "labels.tsv")
FLAGS = os.path.join(HERE, "flags.tsv")
EXPECTED = os.path.join(HERE, "expected.tsv")

Label = collections.namedtuple("Label", "package version path start end check reason")


def read_labels():
    labels = []
    for row in fetch.read_tsv(LABELS):
        package, version, path, lines, check, reason = row
        start, _, end = lines.partition("-")
        labels.append(Label(package, version, path, int(start), int(end or start), check, reason))
    return labels


def read_flags():
    """{(package, path): flags string}"""
    return {(row[0], row[1]): row[2] for row in fetch.read_tsv(FLAGS)}


def flags_for(package, template):
    return (template.replace("{src}", fetch.top_dir(package))
            .replace("{gen}", fetch.generated_dir(package))
            .replace("{root}", ROOT).split())


def read_expected():
    if not os.path.exists(EXPECTED):
        return set()
    return {tuple(row) for row in fetch.read_tsv(EXPECTED)}


def files_of(labels):
    """The labeled files, sorted: [(package, path)]."""
    return sorted({(l.package, l.path) for l in labels})


def check_inputs(labels, flags, versions):
    """Problems with the label and flag files themselves."""
    problems = []
    for label in labels:
        if versions.get(label.package) != label.version:
            problems.append("label for %s %s, but sources.tsv pins %s"
                            % (label.package, label.version, versions.get(label.package)))
        if label.check not in scoring.ALL_CHECKS + ["none", "debatable"]:
            problems.append("unknown check '%s' in a label of %s" % (label.check, label.path))
        if label.end < label.start:
            problems.append("empty range %d-%d in %s" % (label.start, label.end, label.path))
    for key in files_of(labels):
        if key not in flags:
            problems.append("no flags for %s %s" % key)
    for key in flags:
        if key not in files_of(labels):
            problems.append("flags for an unlabeled file %s %s" % key)
    return problems


def score(labels, results):
    """Compares the findings with the labels. Returns (stats, misses, false
    positives, debatable findings); misses and false positives are rows of
    expected.tsv, each with a text to print."""
    stats = scoring.new_stats()
    misses, false_positives, debatable = [], [], []
    for check in scoring.ALL_CHECKS:
        stats[check]["positives"] += 0  # every check takes part
    for label in labels:
        if label.check in scoring.ALL_CHECKS:
            stats[label.check]["positives"] += 1
    for (package, path), findings in results.items():
        mine = [l for l in labels if (l.package, l.path) == (package, path)]
        for label in mine:
            if label.check not in scoring.ALL_CHECKS:
                continue
            found = any(check == label.check and label.start <= line <= label.end
                        for line, check in findings)
            where = "%s %s:%d-%d [%s]" % (package, path, label.start, label.end, label.check)
            if found:
                stats[label.check]["tp"] += 1
            else:
                stats[label.check]["fn"] += 1
                misses.append((("miss", package, path, "%d-%d" % (label.start, label.end), label.check),
                               where + " " + label.reason))
        for line, check in sorted(findings):
            inside = [l for l in mine if l.start <= line <= l.end]
            if any(l.check == check for l in inside):
                continue
            where = "%s %s:%d [%s]" % (package, path, line, check)
            if any(l.check == "debatable" for l in inside):
                debatable.append(where)
                continue
            stats[check]["fp"] += 1
            look_alike = [l for l in inside if l.check == "none"]
            reason = ("on a look-alike: " + look_alike[0].reason) if look_alike else "unlabeled line"
            false_positives.append((("fp", package, path, str(line), check), where + " " + reason))
    return stats, misses, false_positives, debatable


def write_expected(misses, false_positives):
    with open(EXPECTED, "w", encoding="utf-8") as handle:
        handle.write("# What leak-tidy does today where it disagrees with bench/real/labels.tsv:\n"
                     "# 'miss' package path lines check, 'fp' package path line check.\n"
                     "# Written by bench/real/score.py --update-expected; the labels are not.\n")
        for row in sorted(row for row, _ in misses + false_positives):
            handle.write("\t".join(row) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="22")
    parser.add_argument("--leak-tidy", default=None)
    parser.add_argument("--write", default=None, help="write the table into this markdown file")
    parser.add_argument("--update-expected", action="store_true",
                        help="record today's misses and false positives in expected.tsv")
    args = parser.parse_args()
    leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + args.llvm, "bin", "leak-tidy")

    labels, flags, versions = read_labels(), read_flags(), fetch.packages()
    problems = check_inputs(labels, flags, versions)
    missing = sorted({l.package for l in labels if not fetch.top_dir(l.package)})
    if missing:
        problems.append("sources missing (run bench/real/fetch.py): " + ", ".join(missing))
        for problem in problems:
            print("REGRESSION: " + problem)
        return 1
    files = files_of(labels)
    checks = ",".join(["-*"] + scoring.ALL_CHECKS)

    def run(key):
        package, path = key
        full = os.path.join(fetch.top_dir(package), path)
        return key, scoring.analyse(leak_tidy, full, checks, flags_for(package, flags[key]),
                                    ignore_config_files=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = dict(pool.map(run, files))
    results = {}
    for key, (findings, errors) in outcomes.items():
        results[key] = findings
        problems += ["%s: leak-tidy failed: %s" % (key[0], e) for e in errors]

    stats, misses, false_positives, debatable = score(labels, results)
    lines = ["LLVM %s, %d files from %d Debian source packages (bench/real), every leak-* check." % (
        args.llvm, len(files), len({p for p, _ in files})), ""]
    rows, total = scoring.table_lines(stats, per_check_negatives=False)
    lines += rows
    lines += ["", "%d labeled look-alikes (no leak-* check may report in them) and %d debatable "
              "ranges (not scored)." % (sum(1 for l in labels if l.check == "none"),
                                        sum(1 for l in labels if l.check == "debatable"))]
    table = "\n".join(lines)
    print(table)
    print("")
    for _, text in misses:
        print("miss: " + text)
    for _, text in false_positives:
        print("false positive: " + text)
    for where in debatable:
        print("debatable: " + where)

    if args.update_expected:
        write_expected(misses, false_positives)
    expected = read_expected()
    now = {row for row, _ in misses + false_positives}
    for row in sorted(now - expected):
        problems.append("new %s: %s" % ("miss" if row[0] == "miss" else "false positive", " ".join(row[1:])))
    for row in sorted(expected - now):
        problems.append("%s no longer happens, run --update-expected: %s"
                        % ("miss" if row[0] == "miss" else "false positive", " ".join(row[1:])))
    for problem in problems:
        print("REGRESSION: " + problem)
    if args.write:
        scoring.write_between(args.write, "<!-- real-table-begin -->", "<!-- real-table-end -->", table)
    print("bench/real: %d files, %d positives, %d look-alikes, %d debatable ranges, %d expectations broken"
          % (len(files), total["positives"], sum(1 for l in labels if l.check == "none"),
             sum(1 for l in labels if l.check == "debatable"), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores the leak-* checks on the labeled benchmark: precision and recall.

Every file in bench/labeled/corpus/ is a piece of a plausible service, written
to compile against the real installed library headers (AWS SDK shapes come
from test/Inputs/aws-sdk). Lines carry labels in comments:

  // FINDING: leak-x      the check leak-x must report a warning on this line
  // NO-FINDING: leak-x   a look-alike: leak-x must stay silent on this line
  // MISSED: leak-x       a real leak that leak-x does not find yet (counts as
                          a false negative, does not fail the run)
  // KNOWN-FP: leak-x     a known false positive (counts against precision,
                          does not fail the run)
Several checks may be listed, separated by commas. A line `// FLAGS: ...` near
the top adds compiler flags for that file.

Only the checks named by at least one label in the corpus run: a new leak-*
check takes part once its findings and look-alikes are labeled, and until then
its warnings on the corpus cannot count as unlabeled findings.

Prints, per check and overall, true/false positives, misses, precision and
recall, then every miss and every false positive. Exit status 1 when a
labeled expectation does not hold: a FINDING without its warning, a warning
on an unlabeled or NO-FINDING line, a MISSED or KNOWN-FP label that no longer
applies (update the label), or a file that does not compile.

  bench/labeled/score.py --llvm 22
  bench/labeled/score.py --llvm 22 --write docs/benchmark.md
Standard library only.
"""
import argparse
import concurrent.futures
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
sys.path.insert(0, os.path.dirname(HERE))
import scoring  # noqa: E402  (bench/scoring.py)
BASE_FLAGS = ["-std=c++20", "-I", os.path.join(ROOT, "test", "Inputs", "aws-sdk"),
              "-I", os.path.join(CORPUS, "include"), "-I/usr/include/postgresql",
              "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]
LABEL = re.compile(r"//\s*(FINDING|NO-FINDING|MISSED|KNOWN-FP):\s*([a-z0-9 ,-]+)")


def corpus_files():
    if not os.path.isdir(CORPUS):
        return []
    return sorted(os.path.join(CORPUS, f) for f in os.listdir(CORPUS) if f.endswith(".cpp"))


def flags_of(path):
    with open(path, encoding="utf-8") as handle:
        head = handle.read(2000)
    match = re.search(r"^//\s*FLAGS:\s*(.*)$", head, re.M)
    return BASE_FLAGS + (match.group(1).split() if match else [])


def corpus_entries():
    """(file, flags) pairs, for bench/perf.py."""
    return [(path, flags_of(path)) for path in corpus_files()]


def labels_of(path):
    """{(line, check): kind}"""
    labels = {}
    with open(path, encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            for kind, checks in LABEL.findall(text):
                for check in checks.split(","):
                    check = check.strip()
                    if check:
                        labels[(number, check)] = kind
    return labels


def scored_checks():
    """The checks named by at least one label of the corpus, sorted."""
    checks = set()
    for path in corpus_files():
        checks.update(check for _, check in labels_of(path))
    return sorted(checks)


def checks_argument():
    """The --checks value that runs the scored checks and nothing else."""
    return ",".join(["-*"] + scored_checks())


def analyse(leak_tidy, path, checks):
    return scoring.analyse(leak_tidy, path, checks, flags_of(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="22")
    parser.add_argument("--leak-tidy", default=None)
    parser.add_argument("--write", default=None, help="write the table into this markdown file")
    args = parser.parse_args()
    leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + args.llvm, "bin", "leak-tidy")

    stats = scoring.new_stats()
    problems, misses, false_positives = [], [], []
    files = corpus_files()
    checks = checks_argument()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: (p, analyse(leak_tidy, p, checks)), files))
    for path, (findings, errors) in results:
        name = os.path.basename(path)
        problems += ["leak-tidy failed: " + e for e in errors]
        labels = labels_of(path)
        for (line, check), kind in labels.items():
            found = (line, check) in findings
            where = "%s:%d [%s]" % (name, line, check)
            if kind == "FINDING":
                stats[check]["positives"] += 1
                if found:
                    stats[check]["tp"] += 1
                else:
                    stats[check]["fn"] += 1
                    misses.append(where)
                    problems.append("expected finding is gone: " + where)
            elif kind == "MISSED":
                stats[check]["positives"] += 1
                if found:
                    stats[check]["tp"] += 1
                    problems.append("now found, relabel MISSED as FINDING: " + where)
                else:
                    stats[check]["fn"] += 1
                    misses.append(where + " (known)")
            elif kind == "NO-FINDING":
                stats[check]["negatives"] += 1
                if found:
                    stats[check]["fp"] += 1
                    false_positives.append(where)
                    problems.append("false positive on a look-alike: " + where)
            elif kind == "KNOWN-FP":
                stats[check]["negatives"] += 1
                if found:
                    stats[check]["fp"] += 1
                    false_positives.append(where + " (known)")
                else:
                    problems.append("known false positive is gone, relabel as NO-FINDING: " + where)
        for line, check in sorted(findings):
            if (line, check) not in labels:
                stats[check]["fp"] += 1
                where = "%s:%d [%s]" % (name, line, check)
                false_positives.append(where + " (unlabeled line)")
                problems.append("finding on an unlabeled line: " + where)

    lines = ["LLVM %s, %d files in bench/labeled/corpus, checks scored: %s." % (
                 args.llvm, len(files), ", ".join(scored_checks())), ""]
    rows, total = scoring.table_lines(stats)
    lines += rows
    table = "\n".join(lines)
    print(table)
    print("")
    for where in misses:
        print("miss: " + where)
    for where in false_positives:
        print("false positive: " + where)
    for problem in problems:
        print("REGRESSION: " + problem)
    if args.write:
        scoring.write_between(args.write, "<!-- benchmark-table-begin -->",
                              "<!-- benchmark-table-end -->", table)
    print("labeled: %d positives, %d look-alikes, %d expectations broken"
          % (total["positives"], total["negatives"], len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""What the two scored benchmarks share: running leak-tidy on one file and
reading its findings, and the precision/recall table.

Used by bench/labeled/score.py (our own corpus) and bench/real/score.py (code
written by others). Standard library only.
"""
import collections
import os
import re
import subprocess

WARNING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: (?P<kind>warning|error): (?P<msg>.*?)(?: \[(?P<check>[^\]]+)\])?$",
                     re.M)
ALL_CHECKS = ["leak-captured-stream", "leak-detached-task", "leak-per-request-client",
              "leak-unawaited-future", "leak-unbounded-pagination",
              "leak-unbounded-shared-container", "leak-unreleased-handle"]


def analyse(leak_tidy, path, checks, flags, env=None, ignore_config_files=False):
    """Runs leak-tidy on one file. Returns ({(line, check)}, [error text]):
    the leak-* warnings reported in the file itself, and its compile errors,
    crashes and fatal errors. With ignore_config_files, the .clang-tidy files
    around the file (a project's own, e.g. one turning warnings into errors)
    are not read."""
    argv = [leak_tidy, "--checks=" + checks, "--quiet"]
    if ignore_config_files:
        argv.append("--config={}")
    argv += [path, "--"] + flags
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, env=env)
    findings, errors = set(), []
    name = os.path.basename(path)
    for match in WARNING.finditer(result.stdout):
        if os.path.realpath(match["file"]) != os.path.realpath(path):
            continue
        if match["kind"] == "error":
            errors.append("%s:%s: %s" % (name, match["line"], match["msg"]))
        elif (match["check"] or "").startswith("leak-"):
            findings.add((int(match["line"]), match["check"].split(",")[0]))
    if result.returncode < 0 or "Stack dump" in result.stdout:
        errors.append("%s: leak-tidy crashed" % name)
    for line in result.stdout.splitlines():
        if line.startswith("LLVM ERROR:"):  # e.g. LEAKTIDY_VERIFY_PARENTS
            errors.append("%s: %s" % (name, line))
    return findings, errors


def new_stats():
    """Per check: positives, negatives, tp, fn, fp (and any other counter)."""
    return collections.defaultdict(collections.Counter)


def ratio(part, whole):
    return "%.1f%%" % (100.0 * part / whole) if whole else "n/a"


def table_lines(stats, per_check_negatives=True):
    """The markdown table of precision and recall, one row per check and a
    total. Look-alikes get a column when they are labeled per check.
    Returns (lines, total counter)."""
    columns = ["check", "labeled positives"] + (["labeled look-alikes"] if per_check_negatives else []) + [
        "found", "missed", "false positives", "precision", "recall"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]

    def row(name, s):
        cells = [name, str(s["positives"])] + ([str(s["negatives"])] if per_check_negatives else []) + [
            str(s["tp"]), str(s["fn"]), str(s["fp"]),
            ratio(s["tp"], s["tp"] + s["fp"]), ratio(s["tp"], s["tp"] + s["fn"])]
        return "| " + " | ".join(cells) + " |"

    total = collections.Counter()
    for check in sorted(stats):
        total.update(stats[check])
        lines.append(row(check, stats[check]))
    lines.append(row("**all**", total))
    return lines, total


def write_between(path, begin, end, text):
    """Replaces what lies between the markers begin and end in a file."""
    with open(path, encoding="utf-8") as handle:
        doc = handle.read()
    doc = doc[:doc.index(begin) + len(begin)] + "\n" + text + "\n" + doc[doc.index(end):]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(doc)

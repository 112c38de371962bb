#!/usr/bin/env python3
"""Runs leak-tidy-run on whole projects of bench/real, as a new user would.

bench/real/score.py scores single labeled files with hand-written flags. This
script takes the CMake projects of bench/real/projects.tsv (package, CMake
options) as they come: for each one it configures the extracted source tree
(bench/real/fetch.py) with CMake only, nothing is built,

  cmake -S TOP -B SCRATCH/PACKAGE -DCMAKE_EXPORT_COMPILE_COMMANDS=ON OPTIONS

runs 'leak-tidy-run -p SCRATCH/PACKAGE' over every unit of the compile
database, and prints per project the units, the thousands of non-blank lines
of the analysed .c/.cc/.cpp/.cxx files (generated files, those outside the
source tree, excluded), the findings, findings per 1,000 lines and findings
per check.

Every finding (package, path relative to the top dir, line, check) is then
looked up in bench/real/triage.tsv, our verdict on it after reading the code:

  triage.tsv    package, path, line, check, verdict, reason
                verdict is 'real' (a maintainer would accept a fix),
                'debatable' or 'false' (the code is correct)

The script prints the verdicts per check, the share of real and debatable
findings, every finding not triaged yet and every triage row that matches no
finding any more. Exit status 1 when a finding is untriaged or a triage row is
stale, 2 when a project fails to configure or leak-tidy-run fails.

  bench/real/projects.py
  bench/real/projects.py --leak-tidy-run /opt/leaktidy/bin/leak-tidy-run --packages cpprest,soci
  bench/real/projects.py --write docs/benchmark.md
  bench/real/projects.py --reuse    # re-read the last reports, no cmake, no analysis
Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fetch  # noqa: E402  (bench/real/fetch.py)

PROJECTS = os.path.join(HERE, "projects.tsv")
TRIAGE = os.path.join(HERE, "triage.tsv")
SCRATCH = os.path.join(HERE, "src", "projects-build")
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx")
VERDICTS = ("real", "debatable", "false")
BEGIN, END = "<!-- projects-table-begin -->", "<!-- projects-table-end -->"
# A line of leak-tidy-run's text report: PATH:LINE:COLUMN: warning|error: MESSAGE [CHECK]
REPORTED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):\d+: (?P<kind>warning|error): "
                      r"(?P<msg>.*?)(?: \[(?P<check>[^\]]+)\])?$", re.M)

# A progress line of leak-tidy-run: [I/N] PATH: N findings|compile errors|tool error (S s)
PROGRESS = re.compile(r"^\[\d+/\d+\] (?P<path>.+): (?P<state>[^:]+) \([\d.]+ s\)$", re.M)

Finding = collections.namedtuple("Finding", "package path line check message")
Project = collections.namedtuple("Project", "package options units lines findings errors failed seconds")


def read_projects():
    """[(package, [cmake option])] of projects.tsv."""
    rows = []
    for row in fetch.read_tsv(PROJECTS):
        options = [] if len(row) < 2 or row[1].strip() in ("", "-") else row[1].split()
        rows.append((row[0], options))
    return rows


def read_triage():
    """{(package, path, line, check): (verdict, reason)}; a malformed row is an error."""
    triage = {}
    if not os.path.exists(TRIAGE):
        return triage
    for row in fetch.read_tsv(TRIAGE):
        if len(row) != 6 or row[4] not in VERDICTS or not row[2].isdigit():
            sys.exit("%s: malformed row: %s" % (os.path.relpath(TRIAGE, ROOT), "\t".join(row)))
        key = (row[0], row[1], int(row[2]), row[3])
        if key in triage:
            sys.exit("%s: duplicate row: %s" % (os.path.relpath(TRIAGE, ROOT), "\t".join(row)))
        triage[key] = (row[4], row[5])
    return triage


def configure(top, build, options, log):
    argv = ["cmake", "-S", top, "-B", build, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"] + options
    with open(log, "w", encoding="utf-8") as handle:
        handle.write("$ " + " ".join(argv) + "\n")
        handle.flush()
        return subprocess.run(argv, stdout=handle, stderr=subprocess.STDOUT).returncode == 0


def database_files(build):
    """The source files of the compile database, absolute, without duplicates."""
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as handle:
        entries = json.load(handle)
    files = []
    for entry in entries:
        path = os.path.normpath(os.path.join(entry.get("directory", ""), entry["file"]))
        if path not in files:
            files.append(path)
    return files


def inside(path, directory):
    return os.path.realpath(path).startswith(os.path.realpath(directory).rstrip(os.sep) + os.sep)


def count_lines(files, top, build):
    """Non-blank lines of the .c/.cc/.cpp/.cxx files of the source tree;
    generated files (in the build directory or outside the tree) excluded."""
    total = 0
    for path in files:
        if not path.endswith(SOURCE_SUFFIXES) or not inside(path, top) or inside(path, build):
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def relative(path, top):
    """A reported path relative to the top dir (the report is written with --root TOP)."""
    if os.path.isabs(path):
        for base in (top, os.path.realpath(top)):
            if path.startswith(base.rstrip(os.sep) + os.sep):
                return os.path.relpath(path, base)
    return os.path.normpath(path)


def read_report(package, report, top):
    """(findings, errors) of a leak-tidy-run text report."""
    with open(report, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    findings, errors = [], []
    for match in REPORTED.finditer(text):
        check = (match["check"] or "").split(",")[0]
        if match["kind"] == "warning" and check.startswith("leak-"):
            findings.append(Finding(package, relative(match["path"], top), int(match["line"]), check,
                                    match["msg"]))
        elif match["kind"] == "error":
            errors.append("%s:%s: %s" % (relative(match["path"], top), match["line"], match["msg"]))
    return findings, errors


def failed_units(log):
    """The units leak-tidy-run's progress lines report as not analysed (compile
    errors, tool errors): [(path, state)]."""
    with open(log, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    return [(m["path"], m["state"]) for m in PROGRESS.finditer(text)
            if not re.match(r"\d+ findings?$", m["state"])]


def analyse(args, package, options):
    """Configures and analyses one project. Returns a Project, or an error text."""
    top = fetch.top_dir(package)
    if top is None:
        return "%s: no source tree under bench/real/src/%s (run bench/real/fetch.py)" % (package, package)
    build = os.path.join(args.scratch, package)
    report = os.path.join(build, "leak-tidy.txt")
    log = os.path.join(build, "leak-tidy.log")  # progress and summary of leak-tidy-run
    seconds = None
    if not (args.reuse and os.path.exists(report) and os.path.exists(log)):
        os.makedirs(args.scratch, exist_ok=True)
        configure_log = os.path.join(args.scratch, package + ".configure.log")
        if not configure(top, build, options, configure_log):
            return "%s: cmake failed to configure, see %s" % (package, configure_log)
        for stale in (report, log):
            if os.path.exists(stale):
                os.remove(stale)
        argv = [args.leak_tidy_run, "-p", build, "--format", "text", "--root", top, "-o", report,
                "-j", str(args.jobs)]
        started = time.time()
        with open(log, "w", encoding="utf-8") as handle:
            returncode = subprocess.run(argv, stdout=handle, stderr=subprocess.STDOUT).returncode
        seconds = time.time() - started
        # 1: findings; 2 with a report: some units could not be analysed (listed below)
        if returncode not in (0, 1) and not (returncode == 2 and os.path.exists(report)):
            return "%s: leak-tidy-run exited with %d, see %s" % (package, returncode, log)
    files = database_files(build)
    findings, errors = read_report(package, report, top)
    return Project(package, options, len(files), count_lines(files, top, build), findings, errors,
                   failed_units(log), seconds)


def per_kloc(findings, lines):
    return "%.2f" % (1000.0 * findings / lines) if lines else "n/a"


def projects_table(projects):
    lines = ["| project | CMake options | units | not analysed | KLOC | findings | findings per KLOC |",
             "|---|---|---|---|---|---|---|"]
    units = failed = kloc = found = 0
    for p in projects:
        lines.append("| %s | %s | %d | %d | %.1f | %d | %s |" % (
            p.package, " ".join("`%s`" % o for o in p.options) or "none", p.units, len(p.failed),
            p.lines / 1000.0, len(p.findings), per_kloc(len(p.findings), p.lines)))
        units, failed = units + p.units, failed + len(p.failed)
        kloc, found = kloc + p.lines, found + len(p.findings)
    lines.append("| **all** | | %d | %d | %.1f | %d | %s |" % (units, failed, kloc / 1000.0, found,
                                                              per_kloc(found, kloc)))
    return lines


def check_table(projects):
    packages = [p.package for p in projects]
    counts = collections.defaultdict(collections.Counter)
    for p in projects:
        for f in p.findings:
            counts[f.check][p.package] += 1
    lines = ["| check | " + " | ".join(packages) + " | all |", "|---|" + "---|" * (len(packages) + 1)]
    for check in sorted(counts):
        lines.append("| %s | %s | %d |" % (check, " | ".join(str(counts[check][p]) for p in packages),
                                           sum(counts[check].values())))
    return lines


def verdict_table(findings, triage):
    """Verdicts per check; returns (lines, counter over all checks)."""
    stats = collections.defaultdict(collections.Counter)
    for f in findings:
        key = (f.package, f.path, f.line, f.check)
        stats[f.check][triage[key][0] if key in triage else "untriaged"] += 1
    lines = ["| check | findings | real | debatable | false | untriaged | real or debatable |",
             "|---|---|---|---|---|---|---|"]
    total = collections.Counter()

    def row(name, s):
        n = sum(s.values())
        share = "%.1f%%" % (100.0 * (s["real"] + s["debatable"]) / n) if n else "n/a"
        return "| %s | %d | %d | %d | %d | %d | %s |" % (name, n, s["real"], s["debatable"], s["false"],
                                                        s["untriaged"], share)
    for check in sorted(stats):
        total.update(stats[check])
        lines.append(row(check, stats[check]))
    lines.append(row("**all**", total))
    return lines, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leak-tidy-run", default=os.path.join(ROOT, "build", "llvm-22", "bin", "leak-tidy-run"),
                        help="the leak-tidy-run to use (default: %(default)s)")
    parser.add_argument("--packages", default=None,
                        help="comma-separated packages of projects.tsv (default: all of them)")
    parser.add_argument("--scratch", default=SCRATCH,
                        help="where the build directories go (default: %(default)s, ignored by git)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="parallel leak-tidy processes (default: 2)")
    parser.add_argument("--reuse", action="store_true",
                        help="re-read the reports of the last run instead of configuring and analysing again")
    parser.add_argument("--write", default=None, help="write the tables into this markdown file")
    args = parser.parse_args()
    args.scratch = os.path.abspath(args.scratch)

    table = read_projects()
    if args.packages:
        wanted = args.packages.split(",")
        unknown = sorted(set(wanted) - {package for package, _ in table})
        if unknown:
            parser.error("not in projects.tsv: " + ", ".join(unknown))
        table = [(package, options) for package, options in table if package in wanted]

    projects, failures = [], []
    for package, options in table:
        print("%s: configuring and analysing..." % package if not args.reuse else "%s: reading..." % package,
              file=sys.stderr, flush=True)
        result = analyse(args, package, options)
        if isinstance(result, str):
            failures.append(result)
            print(result, file=sys.stderr)
            continue
        projects.append(result)
        if result.seconds is not None:
            print("%s: %d units in %.0f s" % (package, result.units, result.seconds), file=sys.stderr)

    lines = projects_table(projects)
    print("\n".join(lines) + "\n")
    print("\n".join(check_table(projects)) + "\n")
    for p in projects:
        for path, state in p.failed:
            print("%s: not analysed: %s: %s" % (p.package, path, state))
        for error in p.errors:
            print("%s: %s" % (p.package, error))

    triage = read_triage()
    findings = [f for p in projects for f in p.findings]
    verdicts, total = verdict_table(findings, triage)
    print("\n".join(verdicts) + "\n")
    seen = {(f.package, f.path, f.line, f.check) for f in findings}
    untriaged = [f for f in findings if (f.package, f.path, f.line, f.check) not in triage]
    analysed = {p.package for p in projects}
    stale = sorted(key for key in triage if key[0] in analysed and key not in seen)
    for f in sorted(untriaged):
        print("UNTRIAGED %s\t%s\t%d\t%s\t%s" % (f.package, f.path, f.line, f.check, f.message))
    for key in stale:
        print("STALE     %s\t%s\t%d\t%s\t(%s)" % (key + (triage[key][0],)))

    if args.write:
        packages = ", ".join(p.package for p in projects)
        text = "\n".join(
            ["%d CMake projects of bench/real (%s), every leak-* check, "
             "the default header filter (findings in the units' own files)." % (len(projects), packages), ""]
            + lines + ["", "Findings per check:", ""] + check_table(projects)
            + ["", "Our verdicts (bench/real/triage.tsv):", ""] + verdicts)
        with open(args.write, encoding="utf-8") as handle:
            doc = handle.read()
        doc = doc[:doc.index(BEGIN) + len(BEGIN)] + "\n" + text + "\n" + doc[doc.index(END):]
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write(doc)

    if failures:
        return 2
    return 1 if untriaged or stale else 0


if __name__ == "__main__":
    sys.exit(main())

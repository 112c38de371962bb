#!/usr/bin/env python3
"""Measures what the leak-* checks cost, as ratios within one run.

For every supported LLVM major that has a build tree (or those of --llvm),
and every translation unit of the sample (a sample of the robustness corpus,
the example service, the labeled benchmark and a sample of bench/real, code
written by others), in the same run and on the same machine:
  (a) wall time of leak-tidy with a parse-only configuration versus with
      -checks=-*,leak-* (the overhead the leak checks add to parsing);
  (b) --enable-check-profile: the time of each leak-* check relative to the
      parse-only time;
  (c) the same for upstream's bugprone-* checks, for scale;
  (d) peak resident memory of the parse-only, leak-* and bugprone-* runs;
  (e) peak resident memory of a run of each leak-* check alone (one run),
      relative to the parse-only run.
Every translation unit where one check takes more than 2% of the parse time
or adds more than 1% to peak memory is listed with the check's name.
Each configuration runs --repeat times per file; the minimum wall time is
kept (the least disturbed run). Only ratios are printed, never absolute
times: machines differ, ratios within one run do not.

The parse-only configuration enables one check that registers no AST matcher
(readability-redundant-preprocessor), because clang-tidy refuses
to run with no check at all.

  bench/perf.py                                  every major built, on stdout
  bench/perf.py --llvm 16,19,22 --write docs/performance.md
  bench/perf.py --llvm 22 --quick                2 files, 1 repetition (test suite)
Standard library only.
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustness  # noqa: E402  pylint: disable=wrong-import-position

ROOT = robustness.ROOT
# A check that only watches the preprocessor and exists in every supported
# major (readability-avoid-unconditional-preprocessor-if is LLVM 17 and
# later: with 16, a run naming it checks nothing and measures nothing).
PARSE_ONLY = "-*,readability-redundant-preprocessor"
LEAK = "-*,leak-*"
BUGPRONE = "-*,bugprone-*"
PROFILE_ROW = re.compile(r"^\s*(?P<user>[\d.]+) \([^)]*\)\s+(?P<sys>[\d.]+) \([^)]*\)\s+"
                         r"(?P<total>[\d.]+) \([^)]*\)\s+(?P<wall>[\d.]+) \([^)]*\)\s+(?P<name>\S+)\s*$")


def example_entries():
    example = os.path.join(ROOT, "examples", "order-service")
    flags = ["-std=c++20", "-I", os.path.join(example, "include"), "-I/usr/include/postgresql",
             "-I/usr/include/mariadb", "-I", os.path.join(ROOT, "test", "Inputs", "aws-sdk"),
             "-DASIO_STANDALONE", "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]
    source_dir = os.path.join(example, "src")
    return [(os.path.join(source_dir, f), flags) for f in sorted(os.listdir(source_dir))
            if f.endswith(".cpp")]


def load_module(name, path):
    """Imports a script by path (bench/labeled and bench/real both have a score.py)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_entries(count):
    """A fixed sample of bench/real's labeled files whose sources are there."""
    real_score = load_module("real_score", os.path.join(ROOT, "bench", "real", "score.py"))
    flags = real_score.read_flags()
    entries = []
    for package, path in real_score.files_of(real_score.read_labels()):
        top = real_score.fetch.top_dir(package)
        if top:
            entries.append((os.path.join(top, path), real_score.flags_for(package, flags[(package, path)])))
    return robustness.quick_sample(entries, count)


def labeled_entries():
    sys.path.insert(0, os.path.join(ROOT, "bench", "labeled"))
    try:
        import score  # pylint: disable=import-outside-toplevel
    except ImportError:
        return []
    return score.corpus_entries()


def measure(leak_tidy, checks, path, flags, repeat, profile=False):
    """Best wall time, peak RSS (KiB) and profile of one configuration. The
    runs happen in a child Python process so that ru_maxrss is theirs alone."""
    code = (
        "import resource, subprocess, sys, time, json\n"
        "argv = json.loads(sys.argv[1])\n"
        "best = None\n"
        "for _ in range(int(sys.argv[2])):\n"
        "    t = time.perf_counter()\n"
        "    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, universal_newlines=True)\n"
        "    w = time.perf_counter() - t\n"
        "    best = w if best is None else min(best, w)\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'wall': best, 'rss': rss, 'stderr': p.stderr}))\n")
    import json  # pylint: disable=import-outside-toplevel
    argv = [leak_tidy, "--checks=" + checks, "--quiet"] + (["--enable-check-profile"] if profile else []) + [
        path, "--"] + flags
    result = subprocess.run([sys.executable, "-c", code, json.dumps(argv), str(repeat)],
                            stdout=subprocess.PIPE, universal_newlines=True, check=True)
    data = json.loads(result.stdout)
    profile = {}
    for line in data["stderr"].splitlines():
        row = PROFILE_ROW.match(line)
        if row and row["name"] != "Total":
            profile[row["name"]] = float(row["total"])
    return data["wall"], data["rss"], profile


def percent(part, whole):
    return 100.0 * part / whole if whole > 0 else 0.0


# Per translation unit and check: time above this share of the parse time, or
# peak memory above this increase over the parse-only run, is listed.
CHECK_TIME_LIMIT = 2.0
CHECK_MEMORY_LIMIT = 1.0


def built_majors():
    return [m for m in ("14", "15", "16", "19", "22")
            if os.path.exists(os.path.join(ROOT, "build", "llvm-" + m, "bin", "leak-tidy"))]


def measure_major(major, leak_tidy, entries, repeat):
    """The tables of one LLVM major, as markdown lines."""
    rows = []
    per_check = {}
    check_memory = {}  # check -> worst peak RSS increase (%), and where
    over = []
    totals = {"parse": 0.0, "leak": 0.0, "bugprone": 0.0, "leak_profile": 0.0, "bugprone_profile": 0.0}
    peak = {"parse": 0, "leak": 0, "bugprone": 0}
    for path, flags in entries:
        name = robustness.short_path(path)
        parse_wall, parse_rss, _ = measure(leak_tidy, PARSE_ONLY, path, flags, repeat)
        # Wall time and memory without the profiler, whose timers cost time of
        # their own; the attribution to checks from one profiled run.
        leak_wall, leak_rss, _ = measure(leak_tidy, LEAK, path, flags, repeat)
        _, _, leak_profile = measure(leak_tidy, LEAK, path, flags, 1, profile=True)
        bug_wall, bug_rss, _ = measure(leak_tidy, BUGPRONE, path, flags, repeat)
        _, _, bug_profile = measure(leak_tidy, BUGPRONE, path, flags, 1, profile=True)
        leak_checks = sum(v for k, v in leak_profile.items() if k.startswith("leak-"))
        bug_checks = sum(v for k, v in bug_profile.items() if k.startswith("bugprone-"))
        for check, seconds in leak_profile.items():
            per_check[check] = per_check.get(check, 0.0) + seconds
            if percent(seconds, parse_wall) > CHECK_TIME_LIMIT:
                over.append("| %s | %s | time %.2f%% of parsing |" % (name, check, percent(seconds, parse_wall)))
        for check in sorted(leak_profile):
            _, check_rss, _ = measure(leak_tidy, "-*," + check, path, flags, 1)
            increase = percent(check_rss - parse_rss, parse_rss)
            if check not in check_memory or increase > check_memory[check][0]:
                check_memory[check] = (increase, name)
            if increase > CHECK_MEMORY_LIMIT:
                over.append("| %s | %s | peak memory %+.2f%% |" % (name, check, increase))
        totals["parse"] += parse_wall
        totals["leak"] += leak_wall
        totals["bugprone"] += bug_wall
        totals["leak_profile"] += leak_checks
        totals["bugprone_profile"] += bug_checks
        peak["parse"] = max(peak["parse"], parse_rss)
        peak["leak"] = max(peak["leak"], leak_rss)
        peak["bugprone"] = max(peak["bugprone"], bug_rss)
        rows.append((name, percent(leak_checks, parse_wall),
                     percent(leak_wall - parse_wall, parse_wall), percent(bug_checks, parse_wall),
                     leak_rss / parse_rss if parse_rss else 0.0))

    lines = ["### LLVM %s" % major, "",
             "%d translation units, best of %d runs each." % (len(rows), repeat), "",
             "| measure | value |", "|---|---|"]
    lines.append("| all leak-* checks, profiled time / parse-only time | %.2f%% |"
                 % percent(totals["leak_profile"], totals["parse"]))
    lines.append("| leak-* run / parse-only run, wall time | %.3f |"
                 % (totals["leak"] / totals["parse"] if totals["parse"] else 0))
    lines.append("| bugprone-* checks, profiled time / parse-only time (for scale) | %.2f%% |"
                 % percent(totals["bugprone_profile"], totals["parse"]))
    lines.append("| bugprone-* run / parse-only run, wall time | %.3f |"
                 % (totals["bugprone"] / totals["parse"] if totals["parse"] else 0))
    lines.append("| peak RSS, leak-* run / parse-only run | %.3f |"
                 % (peak["leak"] / peak["parse"] if peak["parse"] else 0))
    lines.append("| peak RSS, bugprone-* run / parse-only run | %.3f |"
                 % (peak["bugprone"] / peak["parse"] if peak["parse"] else 0))
    worst = max(rows, key=lambda r: r[1]) if rows else None
    if worst:
        lines.append("| worst translation unit: leak-* profiled time / its parse time | %.2f%% (%s) |"
                     % (worst[1], worst[0]))
    lines += ["", "| check | profiled time / parse-only time | worst peak RSS increase, check alone |",
              "|---|---|---|"]
    for check in sorted(per_check):
        memory = check_memory.get(check)
        lines.append("| %s | %.3f%% | %s |" % (
            check, percent(per_check[check], totals["parse"]),
            "%+.2f%% (%s)" % memory if memory else "n/a"))
    lines += ["", "Translation units where one check takes more than %.0f%% of the parse time or adds "
              "more than %.0f%% to peak memory: %s." % (CHECK_TIME_LIMIT, CHECK_MEMORY_LIMIT,
                                                         len(over) if over else "none")]
    if over:
        lines += ["", "| translation unit | check | over the limit |", "|---|---|---|"] + over
    lines += ["", "| translation unit | leak-* profiled / parse | leak-* wall overhead | bugprone-* profiled / parse | RSS ratio |",
              "|---|---|---|---|---|"]
    for name, leak_share, overhead, bug_share, rss_ratio in rows:
        lines.append("| %s | %.2f%% | %+.1f%% | %.2f%% | %.3f |" % (name, leak_share, overhead, bug_share, rss_ratio))
    return lines, len(over)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default=None, help="comma-separated majors (default: every one built)")
    parser.add_argument("--leak-tidy", default=None, help="the leak-tidy binary (one major only)")
    parser.add_argument("--quick", action="store_true", help="2 files, 1 repetition")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=12, help="robustness corpus files to sample")
    parser.add_argument("--real-files", type=int, default=12, help="bench/real files to sample")
    parser.add_argument("--labeled-files", type=int, default=None,
                        help="labeled benchmark files to sample (default: all)")
    parser.add_argument("--example-files", type=int, default=None,
                        help="example service files to sample (default: all)")
    parser.add_argument("--write", default=None, help="also write the tables to this markdown file")
    args = parser.parse_args()

    majors = args.llvm.split(",") if args.llvm else built_majors()
    if args.leak_tidy and len(majors) != 1:
        parser.error("--leak-tidy needs exactly one --llvm major")
    entries = robustness.quick_sample(robustness.collect_corpus(), args.files)
    examples, labeled = example_entries(), labeled_entries()
    if args.example_files is not None:
        examples = robustness.quick_sample(examples, args.example_files)
    if args.labeled_files is not None:
        labeled = robustness.quick_sample(labeled, args.labeled_files)
    entries += examples + labeled + real_entries(args.real_files)
    repeat = args.repeat
    if args.quick:
        entries, repeat = example_entries()[:2], 1

    lines, over = [], 0
    for major in majors:
        leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + major, "bin", "leak-tidy")
        major_lines, major_over = measure_major(major, leak_tidy, entries, repeat)
        lines += major_lines + [""]
        over += major_over
    table = "\n".join(lines).rstrip() + "\n"
    print(table)
    if args.write:
        with open(args.write, encoding="utf-8") as handle:
            doc = handle.read()
        begin, end = "<!-- perf-table-begin -->", "<!-- perf-table-end -->"
        if begin in doc and end in doc:
            doc = doc[:doc.index(begin) + len(begin)] + "\n" + table + doc[doc.index(end):]
        else:
            doc += "\n" + begin + "\n" + table + end + "\n"
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write(doc)
    print("perf: %d translation units measured with LLVM %s, %d over a per-check limit"
          % (len(entries), ", ".join(majors), over))
    return 0


if __name__ == "__main__":
    sys.exit(main())

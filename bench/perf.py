#!/usr/bin/env python3
"""Measures what the leak-* checks cost, as ratios within one run.

For every translation unit of the corpus (a sample of the robustness corpus,
the example service and the labeled benchmark), in the same run and on the
same machine:
  (a) wall time of leak-tidy with a parse-only configuration versus with
      -checks=-*,leak-* (the overhead the leak checks add to parsing);
  (b) --enable-check-profile: the time of each leak-* check relative to the
      parse-only time;
  (c) the same for upstream's bugprone-* checks, for scale;
  (d) peak resident memory of the parse-only, leak-* and bugprone-* runs.
Each configuration runs --repeat times per file; the minimum wall time is
kept (the least disturbed run). Only ratios are printed, never absolute
times: machines differ, ratios within one run do not.

The parse-only configuration enables one check that registers no AST matcher
(readability-avoid-unconditional-preprocessor-if), because clang-tidy refuses
to run with no check at all.

  bench/perf.py --llvm 22                        the table, on stdout
  bench/perf.py --llvm 22 --write docs/performance.md
  bench/perf.py --llvm 22 --quick                2 files, 1 repetition (test suite)
Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustness  # noqa: E402  pylint: disable=wrong-import-position

ROOT = robustness.ROOT
PARSE_ONLY = "-*,readability-avoid-unconditional-preprocessor-if"
LEAK = "-*,leak-*"
BUGPRONE = "-*,bugprone-*"
PROFILE_ROW = re.compile(r"^\s*(?P<user>[\d.]+) \([^)]*\)\s+(?P<sys>[\d.]+) \([^)]*\)\s+"
                         r"(?P<total>[\d.]+) \([^)]*\)\s+(?P<wall>[\d.]+) \([^)]*\)\s+(?P<name>\S+)\s*$")


def example_entries():
    example = os.path.join(ROOT, "examples", "order-service")
    flags = ["-std=c++20", "-I", os.path.join(example, "include"), "-I/usr/include/postgresql",
             "-I", os.path.join(ROOT, "test", "Inputs", "aws-sdk"),
             "-DASIO_STANDALONE", "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]
    source_dir = os.path.join(example, "src")
    return [(os.path.join(source_dir, f), flags) for f in sorted(os.listdir(source_dir))
            if f.endswith(".cpp")]


def labeled_entries():
    sys.path.insert(0, os.path.join(ROOT, "bench", "labeled"))
    try:
        import score  # pylint: disable=import-outside-toplevel
    except ImportError:
        return []
    return score.corpus_entries()


def measure(leak_tidy, checks, path, flags, repeat):
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
    argv = [leak_tidy, "--checks=" + checks, "--quiet", "--enable-check-profile", path, "--"] + flags
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="22")
    parser.add_argument("--leak-tidy", default=None)
    parser.add_argument("--quick", action="store_true", help="2 files, 1 repetition")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=12, help="robustness corpus files to sample")
    parser.add_argument("--write", default=None, help="also write the table to this markdown file")
    args = parser.parse_args()

    leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + args.llvm, "bin", "leak-tidy")
    entries = robustness.quick_sample(robustness.collect_corpus(), args.files)
    entries += example_entries() + labeled_entries()
    repeat = args.repeat
    if args.quick:
        entries, repeat = example_entries()[:2], 1

    rows = []
    per_check = {}
    totals = {"parse": 0.0, "leak": 0.0, "bugprone": 0.0, "leak_profile": 0.0, "bugprone_profile": 0.0}
    peak = {"parse": 0, "leak": 0, "bugprone": 0}
    for path, flags in entries:
        parse_wall, parse_rss, _ = measure(leak_tidy, PARSE_ONLY, path, flags, repeat)
        leak_wall, leak_rss, leak_profile = measure(leak_tidy, LEAK, path, flags, repeat)
        bug_wall, bug_rss, bug_profile = measure(leak_tidy, BUGPRONE, path, flags, repeat)
        leak_checks = sum(v for k, v in leak_profile.items() if k.startswith("leak-"))
        bug_checks = sum(v for k, v in bug_profile.items() if k.startswith("bugprone-"))
        for name, seconds in leak_profile.items():
            per_check[name] = per_check.get(name, 0.0) + seconds
        totals["parse"] += parse_wall
        totals["leak"] += leak_wall
        totals["bugprone"] += bug_wall
        totals["leak_profile"] += leak_checks
        totals["bugprone_profile"] += bug_checks
        peak["parse"] = max(peak["parse"], parse_rss)
        peak["leak"] = max(peak["leak"], leak_rss)
        peak["bugprone"] = max(peak["bugprone"], bug_rss)
        rows.append((robustness.short_path(path), percent(leak_checks, parse_wall),
                     percent(leak_wall - parse_wall, parse_wall), percent(bug_checks, parse_wall),
                     leak_rss / parse_rss if parse_rss else 0.0))

    lines = []
    lines.append("LLVM %s, %d translation units, best of %d runs each." % (args.llvm, len(rows), repeat))
    lines.append("")
    lines.append("| measure | value |")
    lines.append("|---|---|")
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
    lines.append("")
    lines.append("| check | profiled time / parse-only time |")
    lines.append("|---|---|")
    for name in sorted(per_check):
        lines.append("| %s | %.3f%% |" % (name, percent(per_check[name], totals["parse"])))
    lines.append("")
    lines.append("| translation unit | leak-* profiled / parse | leak-* wall overhead | bugprone-* profiled / parse | RSS ratio |")
    lines.append("|---|---|---|---|---|")
    for name, leak_share, overhead, bug_share, rss_ratio in rows:
        lines.append("| %s | %.2f%% | %+.1f%% | %.2f%% | %.3f |" % (name, leak_share, overhead, bug_share, rss_ratio))
    table = "\n".join(lines)
    print(table)
    if args.write:
        with open(args.write, encoding="utf-8") as handle:
            doc = handle.read()
        begin, end = "<!-- perf-table-begin -->", "<!-- perf-table-end -->"
        if begin in doc and end in doc:
            doc = doc[:doc.index(begin) + len(begin)] + "\n" + table + "\n" + doc[doc.index(end):]
        else:
            doc += "\n" + begin + "\n" + table + "\n" + end + "\n"
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write(doc)
    print("perf: %d translation units measured" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

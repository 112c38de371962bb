#!/usr/bin/env python3
"""Runs every leak-* check over C++ code nobody on the project wrote, and over
mangled copies of the project's own test inputs, and reports crashes.

Corpus: the example programs Debian ships with its documentation packages
(libasio-doc, libboost1.74-doc's Asio and Beast examples, libpqxx-doc,
libwebsocketpp-doc, autobahn-cpp-doc). Each file gets compiler flags from its
location (language standard, include paths); files that do not compile with
the installed headers are listed and left out.

For each LLVM major asked for, the script reports:
  * crashes (a signal, a stack dump) - must be zero;
  * findings located in a system or library header - must be zero;
  * every finding on the corpus, with its verdict from bench/robustness.md
    (a table row per finding: `| file:line | check | TP or FP | why |`);
    a finding without a verdict is "untriaged".
Mutation pass: the test inputs of test/checks are cut at random token
boundaries and stripped of random braces and parentheses (seeded), then every
check runs over each variant: zero crashes expected.

  bench/robustness.py                 full run (all files, 300 mutants), ~20 min
  bench/robustness.py --quick         8 corpus files and 40 mutants (test suite)
Exit status 1 when a crash, a header finding or (with --require-triage) an
untriaged finding occurs. Standard library only.
"""
import argparse
import concurrent.futures
import gzip
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, "build", "robustness")
TRIAGE_FILE = os.path.join(ROOT, "bench", "robustness.md")

CORPUS_DIRS = [
    "/usr/share/doc/libasio-dev/examples",
    "/usr/share/doc/libboost1.74-doc/examples/libs/asio/example",
    "/usr/share/doc/libboost1.74-doc/examples/libs/beast/example",
    "/usr/share/doc/libpqxx-doc/examples",
    "/usr/share/doc/libwebsocketpp-dev/examples",
    "/usr/share/doc/autobahn-cpp-doc/examples",
]
SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".cpp.gz", ".cc.gz", ".cxx.gz")
FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): warning: (?P<msg>.*) \[(?P<check>leak-[a-z0-9-]+)[,\]]",
                     re.M)
# "LLVM ERROR:" is a fatal error, e.g. a parent lookup that differs from
# clang's under LEAKTIDY_VERIFY_PARENTS (lib/Parents.h).
CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report", "Segmentation fault",
                 "AddressSanitizer", "runtime error:", "LLVM ERROR:")


def log(message):
    print(message, flush=True)


def flags_for(path):
    """Compiler flags chosen from where the example lives."""
    flags = ["-I", os.path.dirname(path), "-w"]
    if "/libasio-dev/" in path:
        flags += ["-DASIO_STANDALONE"]
    if "/cpp03/" in path or "/cpp11/" in path:
        flags.insert(0, "-std=c++11")
    elif "/cpp14/" in path:
        flags.insert(0, "-std=c++14")
    elif "/cpp17/" in path:
        flags.insert(0, "-std=c++17")
    elif "/cpp20/" in path:
        flags[:0] = ["-std=c++20", "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]
    elif "/beast/" in path:
        flags[:0] = ["-std=c++17"]
    elif "pqxx" in path:
        flags[:0] = ["-std=c++17", "-I/usr/include/postgresql"]
    else:
        flags.insert(0, "-std=c++17")
    return flags


def collect_corpus():
    """(source path in the scratch tree, flags) for every corpus file."""
    entries = []
    for top in CORPUS_DIRS:
        if not os.path.isdir(top):
            continue
        for dirpath, dirnames, files in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "diffs")
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                source = os.path.join(dirpath, name)
                if name.endswith(".gz"):
                    # Keep the example's directory layout so relative includes work.
                    target = os.path.join(SCRATCH, "gunzip", source.lstrip("/"))[:-3]
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    if not os.path.exists(target):
                        with gzip.open(source, "rb") as packed, open(target, "wb") as out:
                            shutil.copyfileobj(packed, out)
                    flags = flags_for(source) + ["-I", dirpath]
                    entries.append((target, flags))
                else:
                    entries.append((source, flags_for(source)))
    return entries


def quick_sample(entries, count):
    """A fixed, spread-out sample: the same files on every machine."""
    keyed = sorted(entries, key=lambda e: hashlib.sha1(e[0].encode()).hexdigest())
    return sorted(keyed[:count])


def run_tidy(leak_tidy, files, flags, timeout=600):
    argv = [leak_tidy, "--checks=-*,leak-*", "--quiet"] + files + ["--"] + flags
    started = time.time()
    try:
        result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace", timeout=timeout)
        output, code = result.stdout, result.returncode
    except subprocess.TimeoutExpired as expired:
        output, code = (expired.output or "") + "\n<timeout>", -999
    return code, output, time.time() - started


def crashed(code, output):
    return code < 0 or any(marker in output for marker in CRASH_MARKERS)


def load_triage():
    verdicts = {}
    if not os.path.exists(TRIAGE_FILE):
        return verdicts
    row = re.compile(r"^\|\s*`?(?P<where>[^|`]+?:\d+)`?\s*\|\s*(?P<check>leak-[a-z0-9-]+)\s*\|\s*(?P<verdict>TP|FP)\s*\|")
    with open(TRIAGE_FILE, encoding="utf-8") as handle:
        for line in handle:
            match = row.match(line.strip())
            if match:
                verdicts[(match["where"].strip(), match["check"])] = match["verdict"]
    return verdicts


def short_path(path):
    for prefix in ("/usr/share/doc/", os.path.join(SCRATCH, "gunzip", "usr/share/doc/")):
        if path.startswith(prefix):
            return path[len(prefix):]
    return os.path.relpath(path, ROOT)


def analyse_corpus(leak_tidy, entries, jobs):
    report = {"crashes": [], "not_compiling": [], "header_findings": [], "findings": [],
              "analysed": 0, "seconds": 0.0}

    def one(entry):
        path, flags = entry
        return entry, run_tidy(leak_tidy, [path], flags)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (path, flags), (code, output, seconds) in pool.map(one, entries):
            report["seconds"] += seconds
            if crashed(code, output):
                report["crashes"].append((short_path(path), output[-2000:]))
                continue
            if "[clang-diagnostic-error]" in output or re.search(r"\berror:", output):
                report["not_compiling"].append(short_path(path))
                continue
            report["analysed"] += 1
            for match in FINDING.finditer(output):
                where = os.path.realpath(match["file"])
                item = (short_path(where) + ":" + match["line"], match["check"], match["msg"])
                if where != os.path.realpath(path):
                    report["header_findings"].append(item)
                else:
                    report["findings"].append(item)
    return report


TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|\S")


def mutate(text, rng):
    """One damaged copy of a source file: truncated at a token boundary, with
    some braces and parentheses dropped, or with a line removed."""
    tokens = [m.span() for m in TOKEN.finditer(text)]
    if not tokens:
        return text
    choice = rng.randrange(4)
    if choice == 0:  # Cut the file at a token boundary.
        cut = tokens[rng.randrange(len(tokens))][0]
        return text[:cut]
    if choice == 1:  # Drop a few brackets.
        brackets = [s for s in tokens if text[s[0]:s[1]] in "{}()[]<>"]
        for start, end in sorted(rng.sample(brackets, min(len(brackets), rng.randint(1, 4))),
                                 reverse=True):
            text = text[:start] + text[end:]
        return text
    if choice == 2:  # Duplicate a token.
        start, end = tokens[rng.randrange(len(tokens))]
        return text[:end] + " " + text[start:end] + text[end:]
    lines = text.splitlines(True)  # Remove a line.
    del lines[rng.randrange(len(lines))]
    return "".join(lines)


def mutation_pass(leak_tidy, count, seed, jobs):
    inputs = sorted(os.path.join(ROOT, "test", "checks", f)
                    for f in os.listdir(os.path.join(ROOT, "test", "checks")) if f.endswith(".cpp"))
    rng = random.Random(seed)
    directory = os.path.join(SCRATCH, "mutants-%d" % seed)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    mutants = []
    for index in range(count):
        source = inputs[index % len(inputs)]
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        target = os.path.join(directory, "m%03d-%s" % (index, os.path.basename(source)))
        with open(target, "w", encoding="utf-8") as out:
            out.write(mutate(text, rng))
        mutants.append(target)
    flags = ["-std=c++20", "-I", os.path.join(ROOT, "test", "Inputs", "aws-sdk"),
             "-I", os.path.join(ROOT, "test", "Inputs")]
    batches = [mutants[i:i + 10] for i in range(0, len(mutants), 10)]
    crashes = []

    def one(batch):
        code, output, _ = run_tidy(leak_tidy, batch, flags)
        if not crashed(code, output):
            return []
        # Find which variants crash on their own.
        return [m for m in batch if crashed(*run_tidy(leak_tidy, [m], flags)[:2])]

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for found in pool.map(one, batches):
            crashes += [os.path.relpath(m, ROOT) for m in found]
    return len(mutants), crashes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="19,22", help="comma-separated LLVM majors")
    parser.add_argument("--leak-tidy", default=None,
                        help="leak-tidy binary (default: build/llvm-<major>/bin/leak-tidy)")
    parser.add_argument("--quick", action="store_true", help="8 corpus files, 40 mutants")
    parser.add_argument("--mutations", type=int, default=None)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--require-triage", action="store_true",
                        help="fail when a finding has no verdict in bench/robustness.md")
    args = parser.parse_args()

    os.makedirs(SCRATCH, exist_ok=True)
    # Nothing from the project's own lint configuration applies here.
    shutil.copy(os.path.join(ROOT, "bench", ".clang-tidy"), SCRATCH)
    entries = collect_corpus()
    if args.quick:
        entries = quick_sample(entries, 8)
    mutations = args.mutations if args.mutations is not None else (40 if args.quick else 300)
    verdicts = load_triage()
    failed = False
    for major in [m for m in args.llvm.split(",") if m]:
        leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + major, "bin", "leak-tidy")
        if not os.path.exists(leak_tidy):
            log("llvm-%s: %s is missing: build it first" % (major, leak_tidy))
            failed = True
            continue
        log("== llvm-%s: %d corpus files" % (major, len(entries)))
        report = analyse_corpus(leak_tidy, entries, args.jobs)
        total, mutant_crashes = mutation_pass(leak_tidy, mutations, args.seed, args.jobs)
        untriaged = [f for f in report["findings"] if (f[0], f[1]) not in verdicts]
        log("llvm-%s corpus: %d analysed, %d do not compile with the installed headers, "
            "%d crashes, %d findings (%d TP, %d FP, %d untriaged), %d findings in headers"
            % (major, report["analysed"], len(report["not_compiling"]), len(report["crashes"]),
               len(report["findings"]),
               sum(1 for f in report["findings"] if verdicts.get((f[0], f[1])) == "TP"),
               sum(1 for f in report["findings"] if verdicts.get((f[0], f[1])) == "FP"),
               len(untriaged), len(report["header_findings"])))
        log("llvm-%s mutants: %d variants, %d crashes" % (major, total, len(mutant_crashes)))
        for path, tail in report["crashes"]:
            log("CRASH %s\n%s" % (path, tail))
        for path in mutant_crashes:
            log("CRASH on mutant %s" % path)
        for where, check, message in report["header_findings"]:
            log("HEADER FINDING %s [%s] %s" % (where, check, message))
        for where, check, message in report["findings"]:
            log("finding %s [%s] %s: %s" % (where, check, verdicts.get((where, check), "untriaged"),
                                            message))
        if args.quick is False:
            for path in report["not_compiling"]:
                log("not compiling: " + path)
        if report["crashes"] or mutant_crashes or report["header_findings"]:
            failed = True
        if args.require_triage and untriaged:
            failed = True
    log("robustness: %s" % ("FAILED" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds LeakTidy for every supported LLVM major and runs the whole test suite.

For each LLVM major (build tree build/llvm-<major>):
  * lit through the standalone leak-tidy, and again through the stock
    clang-tidy-<major> with --load=LeakTidyModule.so; the tests that do not
    depend on the major (the example service, pre-commit, CI files, parts of
    the runner's, and in the plugin pass the real-header integration tests,
    whose checks the standalone pass of the same major already runs) run
    with the newest major only;
then once, with the newest major's leak-tidy:
  * the project's own lint (.clang-tidy) over checks/, lib/ and tools/.

Prints one line per suite and ends with the line
  total: N passed, N failed
Exits 1 when anything failed. Standard library only.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUPPORTED_MAJORS = ["14", "15", "16", "19", "22"]
PASS_CODES = {"PASS", "XFAIL"}
FAIL_CODES = {"FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"}


def log(message):
    print(message, flush=True)


def installed_majors():
    return [m for m in SUPPORTED_MAJORS
            if os.path.exists("/usr/lib/llvm-%s/lib/cmake/clang/ClangConfig.cmake" % m)]


# "-asan" for the sanitized build trees (--sanitize).
BUILD_SUFFIX = ""


def build_dir(major):
    return os.path.join(ROOT, "build", "llvm-" + major + BUILD_SUFFIX)


def build(major, extra_cmake_args=()):
    """Configures (once) and builds one major. Returns True on success."""
    tree = build_dir(major)
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    if not os.path.exists(os.path.join(tree, "CMakeCache.txt")):
        log("== configuring LLVM %s in %s" % (major, os.path.relpath(tree, ROOT)))
        result = subprocess.run(["cmake", "-S", ROOT, "-B", tree, "-DLEAKTIDY_LLVM_VERSION=" + major]
                                + generator + list(extra_cmake_args))
        if result.returncode != 0:
            return False
    log("== building LLVM %s" % major)
    jobs = str(os.cpu_count() or 2)
    return subprocess.run(["cmake", "--build", tree, "--", "-j", jobs]).returncode == 0


def lit_command():
    """The newest lit installed: the suite uses lit features (%if) that the
    lit of the oldest majors lacks, and lit itself runs any major's tree."""
    for major in sorted(SUPPORTED_MAJORS, key=int, reverse=True):
        for lit in ("/usr/lib/llvm-%s/bin/lit" % major, "/usr/lib/llvm-%s/build/utils/lit/lit.py" % major):
            if os.path.exists(lit):
                return [sys.executable, lit]
    return None


class Tally:
    def __init__(self):
        self.rows = []

    def add(self, suite, passed, failed, note=""):
        self.rows.append((suite, passed, failed, note))
        log("-- %s: %d passed, %d failed%s" % (suite, passed, failed, (" (" + note + ")") if note else ""))

    @property
    def passed(self):
        return sum(r[1] for r in self.rows)

    @property
    def failed(self):
        return sum(r[2] for r in self.rows)


def run_lit(major, mode, require_all, tally, filters, once):
    command = lit_command()
    suite = "lit llvm-%s %s" % (major, mode)
    if command is None:
        tally.add(suite, 0, 1, "lit not found: install llvm-%s-tools" % major)
        return
    with tempfile.TemporaryDirectory() as scratch:
        results = os.path.join(scratch, "results.json")
        argv = command + ["-sv", "--param", "mode=" + mode, "--param", "once=" + ("1" if once else "0"),
                          "-o", results, os.path.join(build_dir(major), "test")]
        if filters:
            argv += ["--filter", "|".join(re.escape(f) for f in filters)]
        log("== " + suite)
        subprocess.run(argv)
        if not os.path.exists(results):
            tally.add(suite, 0, 1, "lit did not run")
            return
        with open(results, encoding="utf-8") as handle:
            tests = json.load(handle).get("tests", [])
    passed = sum(1 for t in tests if t["code"] in PASS_CODES)
    failed = sum(1 for t in tests if t["code"] in FAIL_CODES)
    unsupported = [t["name"] for t in tests if t["code"] == "UNSUPPORTED"]
    note = ""
    if unsupported:
        note = "%d unsupported" % len(unsupported)
        if require_all:
            for name in unsupported:
                log("UNSUPPORTED but required: " + name)
            failed += len(unsupported)
            note += ", counted as failed: a package is missing"
    tally.add(suite, passed, failed, note)


def test_filters(paths):
    """Turns test paths (files or directories under test/) into lit name filters."""
    test_root = os.path.join(ROOT, "test")
    filters = []
    for path in paths:
        relative = os.path.relpath(os.path.abspath(path), test_root)
        filters.append(path if relative.startswith("..") else relative)
    return filters


def self_lint(major, tally):
    """Lints the project's own sources with its .clang-tidy; one test per file."""
    tree = build_dir(major)
    leak_tidy = os.path.join(tree, "bin", "leak-tidy")
    sources = []
    for top in ("checks", "lib", "tools"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            sources += [os.path.join(dirpath, f) for f in files if f.endswith(".cpp")]
    sources.sort()
    log("== self-lint of %d files with llvm-%s leak-tidy" % (len(sources), major))

    def lint(path):
        result = subprocess.run([leak_tidy, "-p", tree, "--quiet", "--warnings-as-errors=*", path],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True)
        return path, result.returncode, result.stdout

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for path, code, output in pool.map(lint, sources):
            if code == 0:
                passed += 1
            else:
                failed += 1
                log("FAIL: self-lint %s\n%s" % (os.path.relpath(path, ROOT), output))
    tally.add("self-lint", passed, failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default=",".join(SUPPORTED_MAJORS),
                        help="comma-separated LLVM majors (default: %(default)s)")
    parser.add_argument("--mode", choices=["standalone", "plugin", "both"], default="both")
    parser.add_argument("--require-all", action="store_true",
                        help="count tests unsupported for a missing package as failures")
    parser.add_argument("--no-lint", action="store_true", help="skip the self-lint")
    parser.add_argument("--sanitize", action="store_true",
                        help="build in build/llvm-N-asan with -fsanitize=address,undefined")
    parser.add_argument("--build-only", action="store_true", help="build, run no test")
    parser.add_argument("filters", nargs="*", help="test paths or directories for lit")
    args = parser.parse_args()

    global BUILD_SUFFIX  # pylint: disable=global-statement
    BUILD_SUFFIX = "-asan" if args.sanitize else ""
    started = time.time()
    tally = Tally()
    majors = [m for m in args.llvm.split(",") if m]
    for major in majors:
        if major not in SUPPORTED_MAJORS:
            tally.add("llvm-" + major, 0, 1, "unsupported major; supported: " + ", ".join(SUPPORTED_MAJORS))
            continue
        if major not in installed_majors():
            tally.add("llvm-" + major, 0, 1, "not installed: apt-get install libclang-%s-dev llvm-%s-dev "
                      "llvm-%s-tools clang-tidy-%s" % (major, major, major, major))
            continue
        extra = []
        if args.sanitize:
            # clangd's static libraries are not instrumented; mixing them with
            # instrumented LLVM headers gives false reports, so leak-clangd
            # is left out of the sanitized build.
            extra = ["-DLEAKTIDY_SANITIZE=ON", "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                     "-DLEAKTIDY_BUILD_CLANGD=OFF"]
        if not build(major, extra):
            tally.add("build llvm-" + major, 0, 1, "build failed")
            continue
        if args.build_only:
            continue
        modes = ["standalone", "plugin"] if args.mode == "both" else [args.mode]
        if args.sanitize:
            modes = ["standalone"]  # The stock clang-tidy cannot load a sanitized plugin.
        # Tests that do not depend on the major run with the newest one only.
        once = major == max((m for m in majors if m in SUPPORTED_MAJORS), key=int)
        for mode in modes:
            run_lit(major, mode, args.require_all, tally, test_filters(args.filters), once)

    if args.build_only:
        return 1 if tally.failed else 0

    lint_major = next((m for m in reversed(SUPPORTED_MAJORS)
                       if m in majors and os.path.exists(os.path.join(build_dir(m), "bin", "leak-tidy"))),
                      None)
    if not args.no_lint and not args.filters and not args.sanitize:
        if lint_major:
            self_lint(lint_major, tally)
        else:
            tally.add("self-lint", 0, 1, "no leak-tidy was built")

    log("")
    log("%-28s %8s %8s" % ("suite", "passed", "failed"))
    for suite, passed, failed, _ in tally.rows:
        log("%-28s %8d %8d" % (suite, passed, failed))
    log("time: %.0f s" % (time.time() - started))
    log("total: %d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Applies every leak-* fix-it and proves that the result compiles and that
the finding it fixed is gone.

Inputs: the labeled benchmark (bench/labeled/corpus) and the lit inputs
(test/checks, test/integration), each with the checks, options and compiler
flags of its RUN line. For every file:
  1. leak-tidy runs with --export-fixes and --fix on a copy: which findings
     carry a fix-it, per check, and the copy with them applied;
  2. files without a fix-it stop here;
  3. the fixed copy is compiled with clang++-<major> -fsyntax-only and the same
     flags;
  4. the checks run on the fixed copy: each check must report at least as
     many fewer findings as it had fix-its applied.
Prints one line per file with fix-its and a summary:
  fixits: N applied in M files, N compile, N removed their finding
Exit status 1 unless every applied fix-it compiles and removes its finding.

  bench/fixits.py --llvm 22
Standard library only.
"""
import argparse
import collections
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRATCH = os.path.join(ROOT, "build", "fixits")
CHECK_COMMENT = re.compile(r"//\s*CHECK-(?:MESSAGES|FIXES|NOTES)[A-Za-z0-9_-]*:[^\r\n]*")
WARNING = re.compile(r"^[^:\n]+:\d+:\d+: warning: .*? \[(?P<check>leak-[a-z0-9-]+)[,\]]", re.M)

sys.path.insert(0, os.path.join(HERE, "labeled"))
import score  # noqa: E402  pylint: disable=wrong-import-position


def run_lines_of(path):
    """[(checks, tidy args, compiler args)] for each %check_leak_tidy RUN
    command of a lit test, leaving out those that expect compile errors."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    commands, current = [], ""
    for part in re.findall(r"^//\s*RUN:(.*)$", text, re.M):
        part = part.strip()
        current += " " + part.rstrip("\\").strip()
        if not part.endswith("\\"):
            commands.append(current)
            current = ""
    found = []
    for command in commands:
        if "%check_leak_tidy" not in command or "-expect-error" in command:
            continue
        command = command.split("%check_leak_tidy", 1)[1].split("|")[0]
        words = shlex.split(command.replace("%S", os.path.dirname(path)))
        std = "-std=c++17"
        positional, rest = [], []
        for index, word in enumerate(words):
            if word == "--":
                rest = words[index:]
                break
            if word.startswith("-std="):
                std = word
            elif not word.startswith("-"):
                positional.append(word)
        checks = positional[1] if len(positional) > 1 else "leak-*"
        rest = rest[1:]
        if "--" in rest:
            at = rest.index("--")
            tidy_args, compiler_args = rest[:at], rest[at + 1:]
        else:
            tidy_args, compiler_args = rest, []
        if not any(a.startswith("-std=") for a in compiler_args):
            compiler_args = [std] + compiler_args
        found.append((checks, tidy_args, compiler_args))
    return found


def inputs():
    items = []
    # The corpus runs the checks it labels, like bench/labeled/score.py.
    corpus_checks = ",".join(score.scored_checks())
    for path, flags in score.corpus_entries():
        items.append((path, corpus_checks, [], flags))
    for sub in ("checks", "integration"):
        directory = os.path.join(ROOT, "test", sub)
        for name in sorted(os.listdir(directory)):
            if name.endswith(".cpp"):
                for parsed in run_lines_of(os.path.join(directory, name)):
                    items.append((os.path.join(directory, name),) + parsed)
    return items


def count_findings(output):
    return collections.Counter(m["check"] for m in WARNING.finditer(output))


def fixes_per_check(yaml_path):
    """Counts the diagnostics that carry replacements in an --export-fixes file
    (clang-tidy's own YAML layout, read without a YAML library)."""
    counts = collections.Counter()
    if not os.path.exists(yaml_path):
        return counts
    name, replacements, in_replacements = None, 0, False
    with open(yaml_path, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped.startswith("- DiagnosticName:"):
                if name and replacements:
                    counts[name] += 1
                name, replacements = stripped.split(":", 1)[1].strip().strip("'\""), 0
                in_replacements = False
            elif stripped.startswith("Replacements:"):
                in_replacements = stripped == "Replacements:"  # "[]" when empty
            elif re.match(r"^[A-Za-z]+:", stripped) or stripped.startswith("- Message:"):
                in_replacements = False
            elif stripped.startswith("- FilePath:") and name and in_replacements:
                replacements += 1
    if name and replacements:
        counts[name] += 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="22")
    parser.add_argument("--leak-tidy", default=None)
    args = parser.parse_args()
    leak_tidy = args.leak_tidy or os.path.join(ROOT, "build", "llvm-" + args.llvm, "bin", "leak-tidy")
    clangxx = "/usr/lib/llvm-%s/bin/clang++" % args.llvm

    shutil.rmtree(SCRATCH, ignore_errors=True)
    os.makedirs(SCRATCH)
    # Nothing from the project's own lint configuration applies here.
    shutil.copy(os.path.join(HERE, ".clang-tidy"), SCRATCH)
    applied = compiled = removed = files = 0
    failures = []
    for index, (path, checks, tidy_args, flags) in enumerate(inputs()):
        with open(path, encoding="utf-8") as handle:
            text = CHECK_COMMENT.sub("//", handle.read())
        copy = os.path.join(SCRATCH, "%03d-%s" % (index, os.path.basename(path)))
        with open(copy, "w", encoding="utf-8") as out:
            out.write(text)
        base = [leak_tidy, "--checks=-*," + checks, "--quiet", "--format-style=none"] + tidy_args
        yaml_path = copy + ".yaml"
        # One run reports, exports and applies: --fix edits the copy after
        # writing the same fixes to the YAML file.
        before = subprocess.run(base + ["--export-fixes=" + yaml_path, "--fix", copy, "--"] + flags,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True)
        fixes = fixes_per_check(yaml_path)
        if not fixes:
            continue
        files += 1
        applied += sum(fixes.values())
        compile_result = subprocess.run([clangxx, "-fsyntax-only", "-x", "c++", copy] + flags,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        universal_newlines=True)
        name = os.path.relpath(path, ROOT)
        if compile_result.returncode != 0:
            failures.append("%s: the fixed file does not compile:\n%s" % (name, compile_result.stdout[-1500:]))
            print("%s: %d fix-its, DOES NOT COMPILE" % (name, sum(fixes.values())))
            continue
        compiled += sum(fixes.values())
        after = subprocess.run(base + [copy, "--"] + flags, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, universal_newlines=True)
        counts_before, counts_after = count_findings(before.stdout), count_findings(after.stdout)
        gone = 0
        for check, fixed in fixes.items():
            if counts_before[check] - counts_after[check] >= fixed:
                gone += fixed
            else:
                failures.append("%s: %s had %d fix-its, but its findings went from %d to %d"
                                % (name, check, fixed, counts_before[check], counts_after[check]))
        removed += gone
        print("%s: %d fix-its, compiles, %d findings removed" % (name, sum(fixes.values()), gone))
    for failure in failures:
        print("FAIL: " + failure)
    print("fixits: %d applied in %d files, %d compile, %d removed their finding"
          % (applied, files, compiled, removed))
    return 1 if failures or applied != compiled or applied != removed else 0


if __name__ == "__main__":
    sys.exit(main())

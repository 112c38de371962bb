#!/usr/bin/env python3
"""Runs leak-* checks on a test file and verifies the expectations written in it.

Usage:
  check_leak_tidy.py [options] INPUT CHECKS TEMP [-- TIDY_ARGS... [-- COMPILER_ARGS...]]

INPUT is a C++ file annotated with FileCheck comments:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [leak-foo]
      every warning or error; any other warning or error fails the test;
  // CHECK-NOTES: ...
      like CHECK-MESSAGES, but notes must be listed as well;
  // CHECK-FIXES: {{^}}  the whole line after the fix-its{{$}}
      matched against the file after every fix-it was applied.
With -check-suffixes=A,B the prefixes become CHECK-MESSAGES-A, CHECK-FIXES-B...

The input is copied to TEMP.<ext> with the CHECK comments blanked (so line
numbers stay), the checks run with -fix, and then:
  * the diagnostics are matched by FileCheck against the CHECK-MESSAGES/NOTES;
  * the fixed file is matched against the CHECK-FIXES;
  * when the fix-its changed the file, the fixed file is compiled with
    `clang++ -fsyntax-only` and the same compiler arguments: a fix-it that does
    not compile fails the test.
A test without any CHECK line is an error: it would assert nothing.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-(?:MESSAGES|FIXES|NOTES)[A-Za-z0-9_-]*:[^\r\n]*")


def fail(message):
    sys.exit("check_leak_tidy.py: error: " + message)


def run(argv, **kwargs):
    print("RUN: " + " ".join(shlex.quote(a) for a in argv), flush=True)
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def split_args(extra):
    """Splits '-- tidy args -- compiler args' as lit passes them."""
    if extra and extra[0] == "--":
        extra = extra[1:]
    if "--" in extra:
        at = extra.index("--")
        return extra[:at], extra[at + 1:]
    return extra, []


def prefixes_for(kind, suffixes):
    if not suffixes:
        return ["CHECK-" + kind]
    return ["CHECK-%s-%s" % (kind, suffix) for suffix in suffixes]


def has_prefix(text, prefixes):
    return any(re.search(r"//\s*%s:" % re.escape(p), text) for p in prefixes)


def filecheck(args, check_file, input_file, prefixes, extra=()):
    argv = [args.filecheck, "-input-file=" + input_file, check_file,
            "-check-prefixes=" + ",".join(prefixes)] + list(extra)
    result = run(argv)
    if result.returncode != 0:
        print(result.stdout)
        return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True, help="clang-tidy or leak-tidy binary")
    parser.add_argument("--load", default=None, help="plugin to load into --clang-tidy")
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("--clangxx", default=None,
                        help="compiler used to prove that fixed files compile")
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes", default="",
                        help="comma-separated suffixes of the CHECK prefixes to use")
    parser.add_argument("-expect-error", action="store_true",
                        help="the input does not compile; only match the diagnostics")
    parser.add_argument("-std", default="c++17", help="language standard when none is given")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at:]
    args = parser.parse_args(argv)
    tidy_args, compiler_args = split_args(extra)
    suffixes = [s for s in args.suffixes.split(",") if s]

    with open(args.input, encoding="utf-8") as source:
        original = source.read()

    message_prefixes = prefixes_for("MESSAGES", suffixes)
    note_prefixes = prefixes_for("NOTES", suffixes)
    fix_prefixes = prefixes_for("FIXES", suffixes)
    has_messages = has_prefix(original, message_prefixes)
    has_notes = has_prefix(original, note_prefixes)
    has_fixes = has_prefix(original, fix_prefixes)
    if has_messages and has_notes:
        fail("use CHECK-MESSAGES or CHECK-NOTES, not both, for one suffix")
    if not (has_messages or has_notes or has_fixes):
        fail("'%s' has none of the prefixes %s: the test would assert nothing"
             % (args.input, ", ".join(message_prefixes + note_prefixes + fix_prefixes)))

    extension = os.path.splitext(args.input)[1] or ".cpp"
    temp_file = args.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp_file)), exist_ok=True)
    cleaned = CHECK_COMMENT.sub("//", original)
    with open(temp_file, "w", encoding="utf-8") as out:
        out.write(cleaned)

    if not any(a.startswith("-std=") for a in compiler_args) and extension != ".c":
        compiler_args = ["-std=" + args.std] + compiler_args

    tidy = [args.clang_tidy]
    if args.load:
        tidy.append("--load=" + args.load)
    tidy += [temp_file, "-fix", "--checks=-*," + args.checks, "--format-style=none"]
    tidy += tidy_args + ["--"] + compiler_args
    result = run(tidy)
    output = result.stdout
    print("------------------------ clang-tidy output -------------------------")
    print(output)
    print("--------------------------------------------------------------------")
    if "Segmentation fault" in output or "Stack dump" in output or result.returncode < 0:
        fail("clang-tidy crashed (exit code %d)" % result.returncode)
    if not args.expect_error:
        if result.returncode != 0 or re.search(r"error:", output):
            fail("clang-tidy reported an error or failed (exit code %d); pass "
                 "-expect-error if the input is meant not to compile" % result.returncode)

    messages_file = temp_file + ".msg"
    with open(messages_file, "w", encoding="utf-8") as out:
        out.write(output)

    ok = True
    if has_messages:
        ok &= filecheck(args, args.input, messages_file, message_prefixes,
                        ["-implicit-check-not={{warning|error}}:"])
    elif has_notes:
        ok &= filecheck(args, args.input, messages_file, note_prefixes,
                        ["-implicit-check-not={{note|warning|error}}:"])
    else:
        # No expectation on messages was written: there must be none.
        if re.search(r"(warning|error):", output):
            print("unexpected diagnostics; add CHECK-MESSAGES for them")
            ok = False

    with open(temp_file, encoding="utf-8") as fixed_source:
        fixed = fixed_source.read()
    if has_fixes:
        ok &= filecheck(args, args.input, temp_file, fix_prefixes, ["-strict-whitespace"])

    if fixed != cleaned and not args.expect_error:
        if not args.clangxx:
            fail("the fix-its changed the file, but no --clangxx was given to compile it")
        compile_result = run([args.clangxx, "-fsyntax-only", "-x",
                              "c" if extension == ".c" else "c++", temp_file] + compiler_args)
        if compile_result.returncode != 0:
            print(compile_result.stdout)
            print("the file after applying the fix-its does not compile")
            ok = False
        else:
            print("the fixed file compiles")

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Unit tests of leaktidy.diff: git's quoted paths, the #include scanner and
the line filter."""
import os
import subprocess
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.common import UsageError  # noqa: E402
from leaktidy.database import CompileCommand  # noqa: E402
from leaktidy.diff import (IncludeScanner, changes_since, filter_by_lines,  # noqa: E402
                           unquote_git_path)
from leaktidy.exportfixes import Diagnostic  # noqa: E402


class UnquoteGitPathTest(unittest.TestCase):
    def test_plain_paths_stay(self):
        for text in ("src/a.cpp", "a/src/with space.cpp", "/dev/null", '"', 'x"y"', ""):
            with self.subTest(text=text):
                self.assertEqual(unquote_git_path(text), text)

    def test_octal_utf8(self):
        self.assertEqual(unquote_git_path('"b/src/caf\\303\\251.cpp"'), "b/src/caf\u00e9.cpp")
        self.assertEqual(unquote_git_path('"\\346\\227\\245\\346\\234\\254.h"'),
                         "\u65e5\u672c.h")

    def test_c_escapes(self):
        self.assertEqual(unquote_git_path('"a/tab\\there"'), "a/tab\there")
        self.assertEqual(unquote_git_path('"a/say \\"hi\\".cpp"'), 'a/say "hi".cpp')
        self.assertEqual(unquote_git_path('"a/back\\\\slash"'), "a/back\\slash")
        self.assertEqual(unquote_git_path('"a/new\\nline"'), "a/new\nline")
        # Unquoted non-ASCII text (core.quotePath=false) passes through.
        self.assertEqual(unquote_git_path('"a/caf\u00e9 \\"x\\""'), 'a/caf\u00e9 "x"')

    def test_invalid_utf8_is_replaced(self):
        self.assertEqual(unquote_git_path('"bad\\377.h"'), "bad\ufffd.h")


class IncludeScannerTest(support.ScratchCase):
    def setUp(self):
        super().setUp()
        base = self.root
        self.root = os.path.join(base, "proj")
        self.outside = os.path.join(base, "third_party")
        files = {
            "proj/src/main.cpp": ('#include "local.h"\n'
                                  '  #  include <api/api.h>\n'
                                  "#include <vector>\n"
                                  "#include <ext.h>\n"
                                  '#include "missing.h"\n'
                                  '#include "api/types.h"\n'
                                  "#if 0\n"
                                  '#include "disabled.h"\n'
                                  "#endif\n"
                                  "int main() {}\n"),
            "proj/src/local.h": '#pragma once\n#include "detail/inner.h"\n',
            "proj/src/detail/inner.h": '#include "../local.h"\n#include "sibling.h"\n',
            "proj/src/detail/sibling.h": "// reached through inner.h's own directory\n",
            "proj/src/disabled.h": "// only in an #if 0 branch\n",
            "proj/include/api/api.h": '#include "api/types.h"\n#include_next <api/api.h>\n',
            "proj/include/api/types.h": "struct T {};\n",
            "proj/include/only_from_outside.h": "// included by a header outside the root\n",
            "proj/src/unused.h": "// included by nobody\n",
            "third_party/ext.h": "#include <only_from_outside.h>\n",
        }
        for relative, text in files.items():
            path = os.path.join(base, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write(text)
        self.unit = os.path.join(self.root, "src", "main.cpp")

    def scan(self, arguments, directory=None):
        command = CompileCommand(self.unit, directory or os.path.join(self.root, "build"),
                                 ["clang++"] + arguments + ["-c", self.unit])
        found = IncludeScanner(self.root).scan(self.unit, command)
        return sorted(os.path.relpath(path, self.root) for path in found)

    def test_quoted_chain_angle_includes_and_disabled_branches(self):
        found = self.scan(["-I" + os.path.join(self.root, "include"), "-I", self.outside])
        self.assertEqual(found, ["include/api/api.h", "include/api/types.h",
                                 "src/detail/inner.h", "src/detail/sibling.h",
                                 "src/disabled.h", "src/local.h"])

    def test_relative_include_directories(self):
        self.assertEqual(self.scan(["-I../include"]), self.scan(
            ["-I", os.path.join(self.root, "include")]))
        self.assertIn("include/api/api.h", self.scan(["-isystem", "../include"]))
        self.assertEqual(self.scan(["-iquote../include"]),
                         ["include/api/types.h", "src/detail/inner.h", "src/detail/sibling.h",
                          "src/disabled.h", "src/local.h"])

    def test_without_include_directories(self):
        self.assertEqual(self.scan([]), ["src/detail/inner.h", "src/detail/sibling.h",
                                         "src/disabled.h", "src/local.h"])

    def test_quote_directories_do_not_serve_angle_includes(self):
        found = self.scan(["-iquote", os.path.join(self.root, "include")])
        self.assertIn("include/api/types.h", found)
        self.assertNotIn("include/api/api.h", found)

    def test_files_outside_the_root_are_not_followed(self):
        found = self.scan(["-I", self.outside, "-I", os.path.join(self.root, "include")])
        self.assertNotIn("include/only_from_outside.h", found)
        self.assertFalse(any(path.startswith("..") for path in found), found)


class ChangesSinceTest(support.ScratchCase):
    """git diff against a commit of a scratch repository."""

    NAMES = ("src/plain.cpp", "src/caf\u00e9.cpp", 'src/say"hi".cpp', "src/gone.cpp",
             "src/my file.cpp", 'src/a "b".cpp')

    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.root, "src"))
        for name in self.NAMES:
            self.write(name, "one\ntwo\nthree\n")
        self.git("init", "-q")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "initial")

    def write(self, name, text):
        with open(os.path.join(self.root, name), "w", encoding="utf-8") as handle:
            handle.write(text)

    def git(self, *args):
        env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.invalid",
                   GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.invalid")
        subprocess.run(["git", "-C", self.root] + list(args), env=env, check=True,
                       stdout=subprocess.DEVNULL)

    def path(self, name):
        return os.path.join(self.root, name)

    def test_files_and_new_side_lines(self):
        self.write("src/plain.cpp", "one\nTWO\nthree\nfour\nfive\n")
        self.write("src/caf\u00e9.cpp", "zero\none\ntwo\nthree\n")
        self.write('src/say"hi".cpp', "one\nthree\n")
        os.remove(self.path("src/gone.cpp"))
        self.write("src/new.cpp", "new\n")
        self.git("add", "src/new.cpp")
        changes = changes_since(self.root, "HEAD")
        self.assertEqual(changes.base, "HEAD")
        self.assertEqual(changes.files, {self.path(n) for n in (
            "src/plain.cpp", "src/caf\u00e9.cpp", 'src/say"hi".cpp', "src/gone.cpp",
            "src/new.cpp")})
        self.assertEqual(changes.lines, {
            self.path("src/plain.cpp"): [[2, 2], [4, 5]],
            self.path("src/caf\u00e9.cpp"): [[1, 1]],
            self.path("src/new.cpp"): [[1, 1]]})

    def test_names_with_spaces(self):
        for name in ("src/my file.cpp", 'src/a "b".cpp'):     # plain and C-quoted
            self.write(name, "one\nTWO\nthree\n")
        changes = changes_since(self.root, "HEAD")
        self.assertEqual(changes.files, {self.path("src/my file.cpp"),
                                         self.path('src/a "b".cpp')})
        self.assertEqual(changes.lines, {self.path("src/my file.cpp"): [[2, 2]],
                                         self.path('src/a "b".cpp'): [[2, 2]]})

    def test_unknown_revision(self):
        with self.assertRaisesRegex(UsageError, "git diff against 'no-such-ref' failed"):
            changes_since(self.root, "no-such-ref")


class FilterByLinesTest(unittest.TestCase):
    def diag(self, path, line, level="Warning"):
        diag = Diagnostic("leak-x", level, "m", path, 0, [], [], "")
        diag.line = line
        return diag

    def test_keeps_changed_lines_and_errors(self):
        changed = {"/p/a.cpp": [[3, 5], [10, 10]]}
        diagnostics = [self.diag("/p/a.cpp", line) for line in (2, 3, 5, 6, 10, 11)]
        diagnostics += [self.diag("/p/b.cpp", 3), self.diag("/p/b.cpp", 1, "Error")]
        kept = filter_by_lines(diagnostics, changed)
        self.assertEqual([(d.path, d.line) for d in kept],
                         [("/p/a.cpp", 3), ("/p/a.cpp", 5), ("/p/a.cpp", 10), ("/p/b.cpp", 1)])


if __name__ == "__main__":
    unittest.main()

"""Unit tests of leaktidy.baseline: fingerprints and baseline files."""
import json
import os
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.baseline import (assign_fingerprints, baseline_items,  # noqa: E402
                               baseline_text, load_baseline, read_baseline, write_baseline)
from leaktidy.common import UsageError  # noqa: E402
from leaktidy.exportfixes import Diagnostic, Sources  # noqa: E402

SOURCE = ("#include <future>\nint compute(int);\nvoid handle() {\n"
          "  std::async(std::launch::async, compute, 1);\n"
          "  std::async(std::launch::async, compute, 1);\n}\n")


class BaselineCase(support.ScratchCase):
    def setUp(self):
        super().setUp()
        self.path = os.path.join(self.root, "src", "handler.cpp")
        os.makedirs(os.path.dirname(self.path))
        self.write(SOURCE)

    def write(self, text):
        with open(self.path, "w") as handle:
            handle.write(text)

    def findings(self, text):
        """The two leak findings of TEXT, at its 'std::async' calls."""
        first = text.index("std::async")
        second = text.index("std::async", first + 1)
        sources = Sources()
        found = []
        for offset in (first, second):
            diag = Diagnostic("leak-unawaited-future", "Warning", "discarded", self.path,
                              offset, [], [], "")
            diag.line, diag.column, diag.char_column = sources.position(self.path, offset)
            found.append(diag)
        assign_fingerprints(found, self.root, sources)
        return found


class FingerprintTest(BaselineCase):
    def test_identical_findings_differ_by_a_counter(self):
        first, second = self.findings(SOURCE)
        self.assertRegex(first.fingerprint, r"^[0-9a-f]{32}$")
        self.assertNotEqual(first.fingerprint, second.fingerprint)

    def test_survive_a_line_shift(self):
        before = [d.fingerprint for d in self.findings(SOURCE)]
        shifted = "// a new first line\n\n" + SOURCE
        self.write(shifted)
        after = self.findings(shifted)
        self.assertEqual([d.line for d in after], [6, 7])
        self.assertEqual([d.fingerprint for d in after], before)

    def test_change_with_the_line_text(self):
        before = self.findings(SOURCE)[0].fingerprint
        edited = SOURCE.replace("compute, 1);\n  std", "compute, 2);\n  std", 1)
        self.write(edited)
        self.assertNotEqual(self.findings(edited)[0].fingerprint, before)


class BaselineFileTest(BaselineCase):
    def test_round_trip(self):
        findings = self.findings(SOURCE)
        items = baseline_items(findings, self.root)
        self.assertEqual(items[0], {"fingerprint": findings[0].fingerprint,
                                    "check": "leak-unawaited-future",
                                    "path": "src/handler.cpp", "line": 4,
                                    "message": "discarded"})
        target = os.path.join(self.root, "baseline.json")
        with open(target, "w") as handle:
            handle.write(baseline_text(list(reversed(items))))
        self.assertEqual(load_baseline(target), items)
        self.assertEqual(read_baseline(target), {d.fingerprint for d in findings})
        with open(target, encoding="utf-8") as handle:
            data = json.load(handle)
        self.assertEqual((data["version"], data["tool"], data["fingerprint"]),
                         (1, "leak-tidy-run", "leakTidy/v1"))

    def test_write_baseline(self):
        findings = self.findings(SOURCE)
        target = os.path.join(self.root, "baseline.json")
        write_baseline(target, findings, self.root)
        self.assertEqual([i["line"] for i in load_baseline(target)], [4, 5])
        self.assertEqual(read_baseline(target), {d.fingerprint for d in findings})

    def test_sorted_by_place(self):
        items = [{"fingerprint": "c", "check": "leak-x", "path": "b.cpp", "line": 1},
                 {"fingerprint": "b", "check": "leak-x", "path": "a.cpp", "line": 10},
                 {"fingerprint": "a", "check": "leak-x", "path": "a.cpp", "line": 9}]
        order = [i["fingerprint"] for i in json.loads(baseline_text(items))["findings"]]
        self.assertEqual(order, ["a", "b", "c"])

    def test_unreadable_baselines(self):
        with self.assertRaisesRegex(UsageError, "does not exist"):
            load_baseline(os.path.join(self.root, "missing.json"))
        for content in ("{broken", "[]", '{"findings": 3}'):
            target = os.path.join(self.root, "bad.json")
            with open(target, "w") as handle:
                handle.write(content)
            with self.subTest(content=content):
                with self.assertRaises(UsageError):
                    load_baseline(target)
        with open(target, "w") as handle:
            handle.write('{"findings": [{"fingerprint": "x"}, "junk", 3]}')
        self.assertEqual(load_baseline(target), [{"fingerprint": "x"}])


if __name__ == "__main__":
    unittest.main()

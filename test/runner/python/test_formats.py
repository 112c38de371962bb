"""Unit tests of the rdjson and HTML reports (leaktidy.formats, leaktidy.htmlreport)."""
import json
import os
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.exportfixes import Diagnostic, Note, Sources  # noqa: E402
from leaktidy.formats import format_rdjson  # noqa: E402
from leaktidy.htmlreport import format_html  # noqa: E402


class ReportTest(support.ScratchCase):
    def setUp(self):
        super().setUp()
        self.path = os.path.join(self.root, "a.cpp")
        self.other = os.path.join(self.root, "b.h")
        with open(self.path, "wb") as handle:
            handle.write("int f();\n/* \u00e9\u00e9 */ go(<x>);\nend();\n".encode("utf-8"))
        with open(self.other, "w") as handle:
            handle.write("// header\n")
        self.sources = Sources()

    def diag(self, offset, replacements=(), notes=(), message="leaks <here> & there"):
        diag = Diagnostic("leak-x", "Warning", message, self.path, offset, list(replacements),
                          list(notes), self.root)
        diag.line, diag.column, diag.char_column = self.sources.position(self.path, offset)
        for item in diag.notes:
            item.line, item.column, item.char_column = self.sources.position(item.path, item.offset)
        return diag

    def go_offset(self):
        return "int f();\n/* \u00e9\u00e9 */ ".encode("utf-8").__len__()

    def test_rdjson_columns_are_bytes_and_suggestions_ranges(self):
        offset = self.go_offset()
        diag = self.diag(offset, [{"path": self.path, "offset": offset, "length": 2, "text": "run"}],
                         [Note("first here", self.path, 0)])
        data = json.loads(format_rdjson([diag], [], self.root, self.sources, None, None))
        item = data["diagnostics"][0]
        self.assertEqual(item["location"], {"path": "a.cpp", "range": {
            "start": {"line": 2, "column": 12}}})          # 10 characters, 12 bytes
        self.assertEqual(diag.char_column, 10)
        self.assertEqual(item["suggestions"], [{"range": {"start": {"line": 2, "column": 12},
                                                          "end": {"line": 2, "column": 14}},
                                                "text": "run"}])
        self.assertIn("\n1. a.cpp:1: first here", item["message"])
        self.assertEqual(item["severity"], "WARNING")
        self.assertEqual(item["code"], {"value": "leak-x"})

    def test_rdjson_no_half_fix_its(self):
        offset = self.go_offset()
        diag = self.diag(offset, [{"path": self.path, "offset": offset, "length": 2, "text": "run"},
                                  {"path": self.other, "offset": 0, "length": 0, "text": "#x\n"}])
        item = json.loads(format_rdjson([diag], [], self.root, self.sources, None,
                                        None))["diagnostics"][0]
        self.assertNotIn("suggestions", item)

    def test_rdjson_error_without_location(self):
        error = Diagnostic("clang-tidy-config", "Error", "bad option", "", 0, [], [], "")
        item = json.loads(format_rdjson([], [error], self.root, self.sources, None,
                                        None))["diagnostics"][0]
        self.assertNotIn("location", item)
        self.assertEqual(item["severity"], "ERROR")

    def test_html_escapes_and_links(self):
        offset = self.go_offset()
        diag = self.diag(offset, [{"path": self.path, "offset": offset, "length": 2, "text": "run"}],
                         [Note("step <one>", self.path, 0)])
        page = format_html([diag], [], self.root, self.sources,
                           lambda check: "https://example.invalid/%s.md" % check, title="t")
        self.assertNotIn("<here>", page)
        self.assertIn("leaks &lt;here&gt; &amp; there", page)
        self.assertIn("step &lt;one&gt;", page)
        self.assertIn('data-check="leak-x" data-path="a.cpp" data-line="2" data-column="10"', page)
        self.assertIn('<span class="del">-/* \u00e9\u00e9 */ go(&lt;x&gt;);</span>', page)
        self.assertIn('<span class="add">+/* \u00e9\u00e9 */ run(&lt;x&gt;);</span>', page)
        self.assertIn('<a href="https://example.invalid/leak-x.md">', page)
        self.assertIn('<span class="badge">1</span> step &lt;one&gt;', page)
        for external in ("<link", "src=", "@import", "url("):
            self.assertNotIn(external, page)

    def test_html_without_findings(self):
        page = format_html([], [], self.root, self.sources, lambda check: None)
        self.assertIn('<p class="empty">No findings.</p>', page)
        self.assertIn('<p id="counts">0 findings, 0 errors', page)


if __name__ == "__main__":
    unittest.main()

"""Unit tests of leaktidy.exportfixes: reading and writing clang-tidy's
--export-fixes documents."""
import os
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.exportfixes import (Diagnostic, ExportError, Note, Sources,  # noqa: E402
                                  diagnostics_from_export, dump_export_fixes, load_export)

HANDLER = (b"#include <future>\n"
           b"\n"
           b"int compute(int);\n"
           b"\n"
           b"void handle() {\n"
           b"  std::async(std::launch::async, compute, 1);\n"
           b"  int *Slot = 0;\n"
           b"  (void)Slot;\n"
           b"}\n")

# What leak-tidy --export-fixes writes for HANDLER (offsets 56, 97 and 114 are
# the call, the end of the statement and the 0), with the project in @ROOT@
# and replacement texts that a YAML 1.1 loader would turn into other types.
EXPORT = """---
MainSourceFile:  '@ROOT@/src/handler.cpp'
Diagnostics:
  - DiagnosticName:  leak-unawaited-future
    DiagnosticMessage:
      Message:         '''std::future<int>'' returned by ''std::async'' is discarded'
      FilePath:        '@ROOT@/src/handler.cpp'
      FileOffset:      56
      Replacements:    []
      Ranges:
        - FilePath:        '@ROOT@/src/handler.cpp'
          FileOffset:      56
          Length:          42
    Notes:
      - Message:         'the discarded future''s destructor blocks here'
        FilePath:        '@ROOT@/src/handler.cpp'
        FileOffset:      97
        Replacements:    []
    Level:           Warning
    BuildDirectory:  '@ROOT@/build'
  - DiagnosticName:  modernize-use-nullptr
    DiagnosticMessage:
      Message:         use nullptr
      FilePath:        '../src/handler.cpp'
      FileOffset:      114
      Replacements:
        - FilePath:        '../src/handler.cpp'
          Offset:          114
          Length:          1
          ReplacementText: yes
        - FilePath:        '@ROOT@/src/handler.cpp'
          Offset:          120
          Length:          0
          ReplacementText: 1.0
        - FilePath:        '@ROOT@/src/handler.cpp'
          Offset:          121
          Length:          0
          ReplacementText: null
        - FilePath:        '@ROOT@/src/handler.cpp'
          Offset:          122
          Length:          0
          ReplacementText: '''quoted'' text'
        - FilePath:        '@ROOT@/src/handler.cpp'
          Offset:          123
          Length:          0
          ReplacementText: ''
    Level:           Error
    BuildDirectory:  '@ROOT@/build'
...
"""


class ProjectCase(support.ScratchCase):
    """A temporary project with src/handler.cpp."""

    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.root, "src"))
        os.makedirs(os.path.join(self.root, "build"))
        self.handler = os.path.join(self.root, "src", "handler.cpp")
        with open(self.handler, "wb") as handle:
            handle.write(HANDLER)


class LoadExportTest(ProjectCase):
    def document(self):
        return load_export(EXPORT.replace("@ROOT@", self.root))

    def test_reads_the_structure(self):
        document = self.document()
        self.assertEqual(document["MainSourceFile"], self.handler)
        self.assertEqual(len(document["Diagnostics"]), 2)
        first = document["Diagnostics"][0]
        self.assertEqual(first["DiagnosticName"], "leak-unawaited-future")
        self.assertEqual(first["DiagnosticMessage"]["Message"],
                         "'std::future<int>' returned by 'std::async' is discarded")
        self.assertEqual(first["Notes"][0]["Message"],
                         "the discarded future's destructor blocks here")
        self.assertEqual(first["Level"], "Warning")

    def test_every_scalar_stays_a_string(self):
        replacements = self.document()["Diagnostics"][1]["DiagnosticMessage"]["Replacements"]
        texts = [r["ReplacementText"] for r in replacements]
        self.assertEqual(texts, ["yes", "1.0", "null", "'quoted' text", ""])
        for text in texts:
            self.assertIsInstance(text, str)
        self.assertEqual(replacements[0]["Offset"], "114")

    def test_diagnostics_with_positions(self):
        diagnostics = diagnostics_from_export(self.document(), Sources())
        self.assertEqual(len(diagnostics), 2)
        leak, nullptr = diagnostics
        self.assertEqual((leak.check, leak.path, leak.offset), (
            "leak-unawaited-future", self.handler, 56))
        self.assertEqual((leak.line, leak.column), (6, 3))
        self.assertFalse(leak.is_error)
        self.assertEqual(len(leak.notes), 1)
        self.assertEqual((leak.notes[0].line, leak.notes[0].column), (6, 44))
        self.assertEqual(leak.build_dir, os.path.join(self.root, "build"))
        # Relative paths are taken from the build directory.
        self.assertEqual(nullptr.path, self.handler)
        self.assertEqual((nullptr.line, nullptr.column), (7, 15))
        self.assertTrue(nullptr.is_error)
        self.assertEqual(nullptr.replacements[0], {
            "path": self.handler, "offset": 114, "length": 1, "text": "yes"})
        self.assertEqual([r["text"] for r in nullptr.replacements],
                         ["yes", "1.0", "null", "'quoted' text", ""])

    def test_empty_documents(self):
        for text in ("", "\n", "---\n...\n", "# only a comment\n"):
            with self.subTest(text=text):
                self.assertEqual(load_export(text), {})
                self.assertEqual(diagnostics_from_export(load_export(text), Sources()), [])
        self.assertEqual(load_export("---\nMainSourceFile: ''\nDiagnostics: []\n...\n"),
                         {"MainSourceFile": "", "Diagnostics": []})

    def test_garbage_raises_export_error(self):
        for text in ("Diagnostics: [unclosed\n", "key: 'open quote\n", "{a: b\n",
                     "- a list\n- of things\n", "just a sentence\n", "\tMainSourceFile: x\n"):
            with self.subTest(text=text):
                with self.assertRaises(ExportError):
                    load_export(text)

    def test_bad_shapes_raise_export_error(self):
        with self.assertRaises(ExportError):
            diagnostics_from_export(load_export("Diagnostics: not a list\n"), Sources())
        with self.assertRaises(ExportError):
            diagnostics_from_export(load_export("Diagnostics:\n  - just text\n"), Sources())


class SourcesTest(ProjectCase):
    def test_positions_count_bytes_and_characters(self):
        path = os.path.join(self.root, "src", "utf8.cpp")
        with open(path, "wb") as handle:
            handle.write("int x;\n// é\nint café = 1;\n".encode("utf-8"))
        sources = Sources()
        self.assertEqual(sources.position(path, 0), (1, 1, 1))
        self.assertEqual(sources.position(path, 7), (2, 1, 1))
        # "int café = 1;": the '=' is byte 10 of the line but character 9.
        line_start = len("int x;\n// é\n".encode("utf-8"))
        offset = line_start + len("int café ".encode("utf-8"))
        self.assertEqual(sources.position(path, offset), (3, 11, 10))
        self.assertEqual(sources.line_text(path, 3), "int café = 1;")
        self.assertEqual(sources.line_text(path, 9), "")
        self.assertEqual(sources.position(os.path.join(self.root, "missing.cpp"), 40), (1, 1, 1))


class DumpRoundTripTest(ProjectCase):
    def test_dump_then_load_keeps_everything(self):
        header = os.path.join(self.root, "src", "odd name.h")
        with open(header, "wb") as handle:
            handle.write(b"#pragma once\nint value();\n")
        messages = ["'std::future<int>' returned by 'std::async' is discarded: call \"get()\"",
                    "yes", "1.0", "null", "a: b # not a comment", "tab\tand back\\slash",
                    "caf\u00e9 \u2014 \u65e5\u672c"]
        diagnostics = []
        for number, message in enumerate(messages):
            replacements = [{"path": self.handler, "offset": 114, "length": 1,
                             "text": "nullptr"},
                            {"path": header, "offset": 13, "length": 0,
                             "text": ["yes", "'", "''", "null", "\n  two lines\n"][number % 5]}]
            notes = [Note("note for " + message, header, 13)] if number % 2 else []
            diag = Diagnostic("leak-check-%d" % number, "Warning" if number else "Error",
                              message, self.handler, 56 + number, replacements, notes,
                              os.path.join(self.root, "build"))
            diagnostics.append(diag)
        text = dump_export_fixes(diagnostics, self.handler)
        document = load_export(text)
        self.assertEqual(document["MainSourceFile"], self.handler)
        loaded = diagnostics_from_export(document, Sources())
        self.assertEqual(len(loaded), len(diagnostics))
        for before, after in zip(diagnostics, loaded):
            with self.subTest(message=before.message):
                self.assertEqual(after.check, before.check)
                self.assertEqual(after.level, before.level)
                self.assertEqual(after.message, before.message)
                self.assertEqual(after.path, before.path)
                self.assertEqual(after.offset, before.offset)
                self.assertEqual(after.replacements, before.replacements)
                self.assertEqual(after.build_dir, before.build_dir)
                self.assertEqual([(n.message, n.path, n.offset) for n in after.notes],
                                 [(n.message, n.path, n.offset) for n in before.notes])
                self.assertEqual((after.line, after.column), (6, 3 + before.offset - 56))
                for note in after.notes:
                    self.assertEqual((note.line, note.column), (2, 1))

    def test_control_characters_round_trip(self):
        message = "a\x7fb \x85 \x9b end"
        diag = Diagnostic("leak-x", "Warning", message, self.handler, 0, [], [], "")
        loaded = diagnostics_from_export(load_export(dump_export_fixes([diag], "")), Sources())
        self.assertEqual(loaded[0].message, message)

    def test_no_diagnostics(self):
        text = dump_export_fixes([], self.handler)
        self.assertEqual(load_export(text), {"MainSourceFile": self.handler, "Diagnostics": []})

    def test_to_export_reads_back(self):
        diag = Diagnostic("leak-x", "Warning", "on", self.handler, 114,
                          [{"path": self.handler, "offset": 114, "length": 1, "text": "no"}],
                          [Note("off", self.handler, 56)], os.path.join(self.root, "build"))
        moved = diag.to_export(lambda path: path.replace(self.root, "/elsewhere"))
        self.assertEqual(moved["DiagnosticMessage"]["FilePath"], "/elsewhere/src/handler.cpp")
        self.assertEqual(moved["BuildDirectory"], "/elsewhere/build")
        again = diagnostics_from_export({"Diagnostics": [diag.to_export()]}, Sources())[0]
        self.assertEqual((again.message, again.offset, again.line, again.column),
                         ("on", 114, 7, 15))
        self.assertEqual(again.replacements, diag.replacements)
        self.assertEqual((again.notes[0].message, again.notes[0].line), ("off", 6))


if __name__ == "__main__":
    unittest.main()

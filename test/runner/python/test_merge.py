"""Unit tests of leaktidy.merge: the reports of shards merged into one."""
import json
import os
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.common import UsageError  # noqa: E402
from leaktidy.exportfixes import load_export  # noqa: E402
from leaktidy.merge import (check_coverage, merge_baselines, merge_gitlab,  # noqa: E402
                            merge_sarif, merge_yaml, read_report)


def rule(rule_id):
    return {"id": rule_id, "name": rule_id, "shortDescription": {"text": rule_id + "."}}


def result(rule_id, rule_index, path, line, fingerprint, level="warning"):
    return {"ruleId": rule_id, "ruleIndex": rule_index, "level": level,
            "message": {"text": "finding of " + rule_id},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": line, "startColumn": 3}}}],
            "partialFingerprints": {"leakTidy/v1": fingerprint}}


def sarif(rules, results, units=None, total=None):
    run = {"tool": {"driver": {"name": "leak-tidy", "rules": [rule(r) for r in rules]}},
           "results": results}
    if units is not None:
        run["properties"] = {"leakTidy/shard": "x", "leakTidy/units": units,
                             "leakTidy/unitsTotal": total}
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [run]}


class CheckCoverageTest(unittest.TestCase):
    def runs(self, *unit_lists, total=4):
        return [("shard%d" % number, sarif([], [], units, total)["runs"][0])
                for number, units in enumerate(unit_lists, 1)]

    def test_complete(self):
        self.assertEqual(check_coverage(self.runs(["a", "c"], ["b", "d"])), [])

    def test_doubled(self):
        problems = check_coverage(self.runs(["a", "b"], ["b", "c", "d"]))
        self.assertEqual(len(problems), 1)
        self.assertIn("1 units were analysed by more than one shard (e.g. b)", problems[0])

    def test_missing(self):
        problems = check_coverage(self.runs(["a"], ["c", "d"]))
        self.assertEqual(problems, ["the shards analysed 3 units of 4: some units were in "
                                    "no shard"])

    def test_doubled_and_missing(self):
        problems = check_coverage(self.runs(["a", "b"], ["b"], total=3))
        self.assertEqual(len(problems), 2)
        self.assertIn("more than one shard", problems[0])
        self.assertIn("analysed 2 units of 3", problems[1])

    def test_runs_without_unit_lists_are_not_checked(self):
        runs = self.runs(["a"], ["a"]) + [("plain", sarif([], [])["runs"][0])]
        self.assertEqual(check_coverage(runs), [])


class MergeSarifTest(unittest.TestCase):
    def test_rules_reindexed_and_duplicates_once(self):
        first = sarif(["leak-b", "leak-a"], [
            result("leak-b", 0, "src/x.cpp", 4, "f1"),
            result("leak-a", 1, "include/h.h", 2, "f2")], ["src/x.cpp"], 2)
        second = sarif(["leak-c", "leak-a", "clang-diagnostic-error"], [
            result("leak-a", 1, "include/h.h", 2, "f2"),      # the header's finding again
            result("leak-c", 0, "src/y.cpp", 9, "f3"),
            result("clang-diagnostic-error", 2, "src/y.cpp", 1, "f4", "error")],
            ["src/y.cpp"], 2)
        text, findings, errors, problems = merge_sarif([("1.sarif", first), ("2.sarif", second)])
        self.assertEqual((findings, errors, problems), (3, 1, []))
        merged = json.loads(text)
        self.assertEqual(merged["version"], "2.1.0")
        self.assertEqual(len(merged["runs"]), 1)
        run = merged["runs"][0]
        rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
        self.assertEqual(rule_ids, sorted(["leak-a", "leak-b", "leak-c",
                                           "clang-diagnostic-error"]))
        self.assertEqual(len(run["results"]), 4)
        for item in run["results"]:
            self.assertEqual(rule_ids[item["ruleIndex"]], item["ruleId"])
        self.assertEqual(sorted(r["partialFingerprints"]["leakTidy/v1"] for r in run["results"]),
                         ["f1", "f2", "f3", "f4"])
        self.assertNotIn("properties", run)

    def test_results_without_fingerprints_dedup_by_place_and_message(self):
        plain = result("leak-a", 0, "src/x.cpp", 4, "unused")
        del plain["partialFingerprints"]
        moved = json.loads(json.dumps(plain))
        moved["locations"][0]["physicalLocation"]["region"]["startLine"] = 5
        _, findings, _, _ = merge_sarif([("1", sarif(["leak-a"], [plain])),
                                         ("2", sarif(["leak-a"], [plain, moved]))])
        self.assertEqual(findings, 2)

    def test_problems_are_reported(self):
        first = sarif(["leak-a"], [], ["a", "b"], 3)
        second = sarif(["leak-a"], [], ["b"], 3)
        _, _, _, problems = merge_sarif([("1", first), ("2", second)])
        self.assertEqual(len(problems), 2)

    def test_a_result_of_an_unknown_rule_keeps_no_stale_index(self):
        first = sarif(["leak-b"], [result("leak-b", 0, "a.cpp", 1, "f1"),
                                   result("clang-diagnostic-error", 1, "a.cpp", 2, "f2")])
        second = sarif(["leak-a"], [result("leak-a", 0, "b.cpp", 1, "f3")])
        run = json.loads(merge_sarif([("1", first), ("2", second)])[0])["runs"][0]
        rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
        for item in run["results"]:
            if "ruleIndex" in item:
                self.assertEqual(rule_ids[item["ruleIndex"]], item["ruleId"])

    def test_no_runs(self):
        with self.assertRaises(UsageError):
            merge_sarif([("empty", {"runs": []})])


def issue(fingerprint, path, line, severity="major"):
    return {"description": "d [leak-x]", "check_name": "leak-x", "fingerprint": fingerprint,
            "severity": severity, "categories": ["Bug Risk"],
            "location": {"path": path, "lines": {"begin": line}}}


class MergeGitlabTest(unittest.TestCase):
    def test_dedup_by_fingerprint_and_sorted(self):
        first = [issue("f2", "src/b.cpp", 3), issue("f1", "src/a.cpp", 9)]
        second = [issue("f1", "src/a.cpp", 9), issue("f3", "src/a.cpp", 2, "critical")]
        text, findings, errors, problems = merge_gitlab([("1", first), ("2", second)])
        merged = json.loads(text)
        self.assertEqual([i["fingerprint"] for i in merged], ["f3", "f1", "f2"])
        self.assertEqual((findings, errors, problems), (2, 1, []))

    def test_items_without_fingerprints(self):
        item = issue("", "src/a.cpp", 1)
        other = issue("", "src/a.cpp", 2)
        _, findings, _, _ = merge_gitlab([("1", [item, other]), ("2", [dict(item)])])
        self.assertEqual(findings, 2)


class MergeBaselinesTest(unittest.TestCase):
    def test_union(self):
        first = [{"fingerprint": "f1", "check": "leak-x", "path": "a.cpp", "line": 1,
                  "message": "m"}]
        second = first + [{"fingerprint": "f2", "check": "leak-x", "path": "b.cpp", "line": 2,
                           "message": "m"}]
        text, findings, _, _ = merge_baselines([("1", first), ("2", second)])
        self.assertEqual(findings, 2)
        self.assertEqual([i["fingerprint"] for i in json.loads(text)["findings"]], ["f1", "f2"])


EXPORT = """---
MainSourceFile:  '{main}'
Diagnostics:
  - DiagnosticName:  leak-unawaited-future
    DiagnosticMessage:
      Message:         '''std::future<int>'' returned by ''std::async'' is discarded'
      FilePath:        '{header}'
      FileOffset:      {header_offset}
      Replacements:    []
    Notes:
      - Message:         'the destructor blocks here'
        FilePath:        '{header}'
        FileOffset:      {note_offset}
        Replacements:    []
    Level:           Warning
    BuildDirectory:  '{root}/build'
  - DiagnosticName:  modernize-use-nullptr
    DiagnosticMessage:
      Message:         use nullptr
      FilePath:        '{main}'
      FileOffset:      {main_offset}
      Replacements:
        - FilePath:        '{main}'
          Offset:          {main_offset}
          Length:          1
          ReplacementText: nullptr
    Level:           Warning
    BuildDirectory:  '{root}/build'
...
"""


class MergeYamlTest(support.ScratchCase):
    HEADER = ("#pragma once\n#include <future>\nint compute(int);\n"
              "inline void kick() {\n  std::async(std::launch::async, compute, 1);\n}\n")
    SOURCE = '#include "shared.h"\nint *slot() {\n  return 0;\n}\n'

    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.root, "src"))
        self.header = os.path.join(self.root, "src", "shared.h")
        with open(self.header, "w") as handle:
            handle.write(self.HEADER)
        self.documents = []
        for name in ("a.cpp", "b.cpp"):
            main = os.path.join(self.root, "src", name)
            with open(main, "w") as handle:
                handle.write(self.SOURCE)
            text = EXPORT.format(main=main, header=self.header, root=self.root,
                                 header_offset=self.HEADER.index("std::async"),
                                 note_offset=self.HEADER.index(";\n}"),
                                 main_offset=self.SOURCE.index("0;"))
            self.documents.append((name + ".yaml", load_export(text)))

    def test_to_text(self):
        text, findings, errors, problems = merge_yaml(self.documents, "text", self.root, None)
        self.assertEqual((findings, errors, problems), (3, 0, []))
        self.assertEqual(text.splitlines(), [
            "src/a.cpp:3:10: warning: use nullptr [modernize-use-nullptr]",
            "src/b.cpp:3:10: warning: use nullptr [modernize-use-nullptr]",
            "src/shared.h:5:3: warning: 'std::future<int>' returned by 'std::async' is "
            "discarded [leak-unawaited-future]",
            "src/shared.h:5:45: note: the destructor blocks here"])

    def test_to_sarif(self):
        text, findings, errors, _ = merge_yaml(self.documents, "sarif", self.root,
                                               "https://docs.example/checks")
        self.assertEqual((findings, errors), (3, 0))
        run = json.loads(text)["runs"][0]
        rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
        self.assertEqual(rule_ids, ["leak-unawaited-future", "modernize-use-nullptr"])
        places = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"])
                  for r in run["results"]]
        self.assertEqual(places, [("modernize-use-nullptr", "src/a.cpp", 3),
                                  ("modernize-use-nullptr", "src/b.cpp", 3),
                                  ("leak-unawaited-future", "src/shared.h", 5)])
        for item in run["results"]:
            self.assertEqual(rule_ids[item["ruleIndex"]], item["ruleId"])
            self.assertEqual(len(item["partialFingerprints"]["leakTidy/v1"]), 32)
        self.assertEqual(run["tool"]["driver"]["rules"][0]["helpUri"],
                         "https://docs.example/checks/leak-unawaited-future.md")
        fixes = run["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
        self.assertEqual(fixes["insertedContent"], {"text": "nullptr"})
        self.assertEqual(fixes["deletedRegion"]["startLine"], 3)

    def test_to_yaml_and_gitlab(self):
        text, findings, _, _ = merge_yaml(self.documents, "yaml", self.root, None)
        self.assertEqual(findings, 3)
        document = load_export(text)
        self.assertEqual(sorted(d["DiagnosticName"] for d in document["Diagnostics"]),
                         ["leak-unawaited-future", "modernize-use-nullptr",
                          "modernize-use-nullptr"])
        text, findings, _, _ = merge_yaml(self.documents, "gitlab", self.root, None)
        self.assertEqual([(i["location"]["path"], i["location"]["lines"]["begin"])
                          for i in json.loads(text)],
                         [("src/a.cpp", 3), ("src/b.cpp", 3), ("src/shared.h", 5)])

    def test_read_report_kinds(self):
        paths = {}
        for kind, content in (("sarif", json.dumps(sarif(["leak-a"], []))),
                              ("gitlab", json.dumps([issue("f", "a.cpp", 1)])),
                              ("baseline", json.dumps({"version": 1, "findings": []})),
                              ("yaml", "---\nMainSourceFile: ''\nDiagnostics: []\n...\n")):
            path = os.path.join(self.root, "report." + kind)
            with open(path, "w") as handle:
                handle.write(content)
            paths[kind] = path
        for kind, path in paths.items():
            with self.subTest(kind=kind):
                self.assertEqual(read_report(path)[0], kind)
        other = os.path.join(self.root, "other.yaml")
        with open(other, "w") as handle:
            handle.write("name: not a report\n")
        with self.assertRaises(UsageError):
            read_report(other)
        with self.assertRaises(UsageError):
            read_report(os.path.join(self.root, "missing.json"))


if __name__ == "__main__":
    unittest.main()

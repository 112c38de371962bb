#!/usr/bin/env python3
"""Validates the machine-readable reports of leak-tidy-run (standard library only).

  check_report.py sarif FILE [--root DIR]
  check_report.py gitlab FILE
  check_report.py rdjson FILE [--root DIR] [--apply]

sarif: checks the structure SARIF 2.1.0 requires: the properties each object
must have, the types and ranges of the properties it may have, and no property
the format does not define (its objects allow no extra properties, except
property bags); then the rules the specification states in words: ruleIndex
points at the rule named by ruleId, regions end after they start, a uriBaseId
is declared in originalUriBaseIds, whose URIs are absolute and end with '/'.
With --root, every file a relative URI names must exist under DIR.

gitlab: checks GitLab Code Quality's fields: description, check_name,
fingerprint (unique in the report), severity (info, minor, major, critical,
blocker), location.path (relative) and location.lines.begin (>= 1).

rdjson: checks reviewdog's Diagnostic Format as its published definition
(proto/rdf/reviewdog.proto and its JSON schema) states it: a DiagnosticResult
with `diagnostics`, each with a non-empty `message`, a `location` with a
`path`, an optional `range` whose `start` is required and whose `end`, when
given, does not come before it; positions have a line >= 1 and a column >= 1
(UTF-8 bytes); `severity` is one of UNKNOWN_SEVERITY, ERROR, WARNING, INFO;
`source` has a `name`, `code` a `value`; every suggestion has a `range` with a
`start` and a string `text`; no field the format does not define. With
--root, paths are relative and name files under DIR, and every position
falls inside its file (a column at most one past the end of its line, an end
at most the start of the line after the last); the suggestions of one
diagnostic do not overlap. With --apply, the suggestions are then applied to
the files under DIR, as reviewdog's one-click suggestions would be.

Prints one line per result ("result <ruleId> <uri>:<line>:<column>") and a
last line "valid"; exits 1 with the list of problems otherwise.
"""
import argparse
import json
import os
import re
import sys
from urllib.parse import urlsplit, unquote

# The objects of SARIF 2.1.0 a linter writes, as the format defines them:
# name -> (required properties, {property: type}). Types: "string", "uri",
# "uri-reference", "integer", "integer>=N", "number", "boolean", "bag" (a
# property bag, anything goes), ("enum", values), ("ref", object),
# ("array", item type, minItems, unique), ("map", value type). A property of an
# object the format defines but these tests never expect is "unexpected": its
# presence is reported so that the table is extended deliberately.
UNEXPECTED = "unexpected"
LEVELS = ("enum", ("none", "note", "warning", "error"))
OBJECTS = {
    "log": (["version", "runs"], {
        "$schema": "uri", "version": ("enum", ("2.1.0",)),
        "runs": ("array", ("ref", "run"), 0, False),
        "inlineExternalProperties": UNEXPECTED, "properties": "bag"}),
    "run": (["tool"], {
        "tool": ("ref", "tool"), "results": ("array", ("ref", "result"), 0, False),
        "originalUriBaseIds": ("map", ("ref", "artifactLocation")),
        "columnKind": ("enum", ("utf16CodeUnits", "unicodeCodePoints")),
        "language": "string", "defaultEncoding": "string", "defaultSourceLanguage": "string",
        "invocations": UNEXPECTED, "conversion": UNEXPECTED, "versionControlProvenance": UNEXPECTED,
        "artifacts": UNEXPECTED, "logicalLocations": UNEXPECTED, "graphs": UNEXPECTED,
        "automationDetails": UNEXPECTED, "runAggregates": UNEXPECTED, "baselineGuid": UNEXPECTED,
        "redactionTokens": UNEXPECTED, "newlineSequences": UNEXPECTED,
        "externalPropertyFileReferences": UNEXPECTED, "threadFlowLocations": UNEXPECTED,
        "taxonomies": UNEXPECTED, "addresses": UNEXPECTED, "translations": UNEXPECTED,
        "policies": UNEXPECTED, "webRequests": UNEXPECTED, "webResponses": UNEXPECTED,
        "specialLocations": UNEXPECTED, "properties": "bag"}),
    "tool": (["driver"], {
        "driver": ("ref", "toolComponent"),
        "extensions": ("array", ("ref", "toolComponent"), 0, True), "properties": "bag"}),
    "toolComponent": (["name"], {
        "name": "string", "version": "string", "semanticVersion": "string",
        "organization": "string", "product": "string", "fullName": "string",
        "informationUri": "uri", "downloadUri": "uri",
        "shortDescription": ("ref", "multiformatMessageString"),
        "fullDescription": ("ref", "multiformatMessageString"),
        "rules": ("array", ("ref", "reportingDescriptor"), 0, True),
        "notifications": ("array", ("ref", "reportingDescriptor"), 0, True),
        "guid": UNEXPECTED, "productSuite": UNEXPECTED, "dottedQuadFileVersion": UNEXPECTED,
        "releaseDateUtc": UNEXPECTED, "globalMessageStrings": UNEXPECTED, "taxa": UNEXPECTED,
        "locations": UNEXPECTED, "language": UNEXPECTED, "contents": UNEXPECTED,
        "isComprehensive": UNEXPECTED, "localizedDataSemanticVersion": UNEXPECTED,
        "minimumRequiredLocalizedDataSemanticVersion": UNEXPECTED,
        "associatedComponent": UNEXPECTED, "translationMetadata": UNEXPECTED,
        "supportedTaxonomies": UNEXPECTED, "properties": "bag"}),
    "reportingDescriptor": (["id"], {
        "id": "string", "name": "string",
        "shortDescription": ("ref", "multiformatMessageString"),
        "fullDescription": ("ref", "multiformatMessageString"),
        "help": ("ref", "multiformatMessageString"), "helpUri": "uri",
        "defaultConfiguration": ("ref", "reportingConfiguration"),
        "deprecatedIds": UNEXPECTED, "guid": UNEXPECTED, "deprecatedGuids": UNEXPECTED,
        "deprecatedNames": UNEXPECTED, "messageStrings": UNEXPECTED, "relationships": UNEXPECTED,
        "properties": "bag"}),
    "reportingConfiguration": ([], {
        "enabled": "boolean", "level": LEVELS, "rank": "number", "parameters": "bag",
        "properties": "bag"}),
    "multiformatMessageString": (["text"], {"text": "string", "markdown": "string",
                                            "properties": "bag"}),
    "message": ([], {"text": "string", "markdown": "string", "id": "string",
                     "arguments": ("array", "string", 0, False), "properties": "bag"}),
    "result": (["message"], {
        "ruleId": "string", "ruleIndex": "integer>=-1", "level": LEVELS,
        "kind": ("enum", ("notApplicable", "pass", "fail", "review", "open", "informational")),
        "message": ("ref", "message"),
        "locations": ("array", ("ref", "location"), 0, False),
        "relatedLocations": ("array", ("ref", "location"), 0, True),
        "partialFingerprints": ("map", "string"), "fingerprints": ("map", "string"),
        "fixes": ("array", ("ref", "fix"), 0, True),
        "baselineState": ("enum", ("new", "unchanged", "updated", "absent")),
        "occurrenceCount": "integer>=1", "rank": "number",
        "rule": UNEXPECTED, "analysisTarget": UNEXPECTED, "guid": UNEXPECTED,
        "correlationGuid": UNEXPECTED, "stacks": UNEXPECTED, "codeFlows": UNEXPECTED,
        "graphs": UNEXPECTED, "graphTraversals": UNEXPECTED, "suppressions": UNEXPECTED,
        "attachments": UNEXPECTED, "hostedViewerUri": UNEXPECTED, "workItemUris": UNEXPECTED,
        "provenance": UNEXPECTED, "taxa": UNEXPECTED, "webRequest": UNEXPECTED,
        "webResponse": UNEXPECTED, "properties": "bag"}),
    "location": ([], {
        "id": "integer>=-1", "physicalLocation": ("ref", "physicalLocation"),
        "message": ("ref", "message"), "logicalLocations": UNEXPECTED,
        "annotations": UNEXPECTED, "relationships": UNEXPECTED, "properties": "bag"}),
    "physicalLocation": ([], {
        "artifactLocation": ("ref", "artifactLocation"), "region": ("ref", "region"),
        "contextRegion": ("ref", "region"), "address": UNEXPECTED, "properties": "bag"}),
    "artifactLocation": ([], {
        "uri": "uri-reference", "uriBaseId": "string", "index": "integer>=-1",
        "description": ("ref", "message"), "properties": "bag"}),
    "region": ([], {
        "startLine": "integer>=1", "startColumn": "integer>=1", "endLine": "integer>=1",
        "endColumn": "integer>=1", "charOffset": "integer>=-1", "charLength": "integer>=0",
        "byteOffset": "integer>=-1", "byteLength": "integer>=0",
        "snippet": ("ref", "artifactContent"), "message": ("ref", "message"),
        "sourceLanguage": "string", "properties": "bag"}),
    "fix": (["artifactChanges"], {
        "description": ("ref", "message"),
        "artifactChanges": ("array", ("ref", "artifactChange"), 1, True), "properties": "bag"}),
    "artifactChange": (["artifactLocation", "replacements"], {
        "artifactLocation": ("ref", "artifactLocation"),
        "replacements": ("array", ("ref", "replacement"), 1, False), "properties": "bag"}),
    "replacement": (["deletedRegion"], {
        "deletedRegion": ("ref", "region"), "insertedContent": ("ref", "artifactContent"),
        "properties": "bag"}),
    "artifactContent": ([], {"text": "string", "binary": "string",
                             "rendered": ("ref", "multiformatMessageString"),
                             "properties": "bag"}),
}
URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, path, message):
        self.problems.append("%s: %s" % (path or "/", message))

    def value(self, path, spec, value):
        if spec == UNEXPECTED:
            self.fail(path, "a property this tool is not expected to write")
        elif spec == "bag":
            if not isinstance(value, dict):
                self.fail(path, "a property bag must be an object")
            elif "tags" in value and not (isinstance(value["tags"], list) and all(
                    isinstance(t, str) for t in value["tags"])
                    and len(set(value["tags"])) == len(value["tags"])):
                self.fail(path + "/tags", "tags must be unique strings")
        elif spec in ("string", "uri", "uri-reference"):
            if not isinstance(value, str):
                self.fail(path, "must be a string")
            elif spec == "uri" and not URI_SCHEME.match(value):
                self.fail(path, "must be an absolute URI, got %r" % value)
            elif spec == "uri-reference" and (" " in value or "\\" in value):
                self.fail(path, "not a valid URI reference: %r" % value)
        elif spec.__class__ is str and spec.startswith("integer"):
            if not isinstance(value, int) or isinstance(value, bool):
                self.fail(path, "must be an integer")
            elif ">=" in spec and value < int(spec.split(">=")[1]):
                self.fail(path, "must be %s, got %d" % (spec.split("integer")[1], value))
        elif spec == "number":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.fail(path, "must be a number")
        elif spec == "boolean":
            if not isinstance(value, bool):
                self.fail(path, "must be a boolean")
        elif spec[0] == "enum":
            if value not in spec[1]:
                self.fail(path, "must be one of %s, got %r" % (", ".join(spec[1]), value))
        elif spec[0] == "ref":
            self.object(path, spec[1], value)
        elif spec[0] == "array":
            _, item, minimum, unique = spec
            if not isinstance(value, list):
                self.fail(path, "must be an array")
                return
            if len(value) < minimum:
                self.fail(path, "needs at least %d items" % minimum)
            if unique:
                seen = [json.dumps(v, sort_keys=True) for v in value]
                if len(set(seen)) != len(seen):
                    self.fail(path, "items must be unique")
            for i, element in enumerate(value):
                self.value("%s/%d" % (path, i), item, element)
        elif spec[0] == "map":
            if not isinstance(value, dict):
                self.fail(path, "must be an object")
                return
            for key, element in value.items():
                self.value("%s/%s" % (path, key), spec[1], element)

    def object(self, path, kind, value):
        if not isinstance(value, dict):
            self.fail(path, "a %s must be an object" % kind)
            return
        required, properties = OBJECTS[kind]
        for name in required:
            if name not in value:
                self.fail(path, "a %s requires '%s'" % (kind, name))
        for name, element in value.items():
            if name not in properties:
                self.fail("%s/%s" % (path, name), "'%s' is not a property of %s" % (name, kind))
            else:
                self.value("%s/%s" % (path, name), properties[name], element)
        if kind == "message" and "text" not in value and "id" not in value:
            self.fail(path, "a message needs 'text' or 'id'")
        if kind == "region":
            if "startLine" not in value and "charOffset" not in value and "byteOffset" not in value:
                self.fail(path, "a region needs startLine, charOffset or byteOffset")
            if value.get("endLine", value.get("startLine", 1)) < value.get("startLine", 1):
                self.fail(path, "endLine before startLine")
            if value.get("endLine", value.get("startLine")) == value.get("startLine") and \
                    value.get("endColumn", value.get("startColumn", 1)) < value.get("startColumn", 1):
                self.fail(path, "endColumn before startColumn")


def check_sarif(path, root):
    with open(path, encoding="utf-8") as handle:
        log = json.load(handle)
    checker = Checker()
    checker.object("", "log", log)
    lines = []
    for r, run in enumerate(log.get("runs") or []):
        bases = run.get("originalUriBaseIds") or {}
        for name, base in bases.items():
            uri = base.get("uri", "")
            if not URI_SCHEME.match(uri) or not uri.endswith("/"):
                checker.fail("/runs/%d/originalUriBaseIds/%s" % (r, name),
                             "must be an absolute URI ending with '/'")
        rules = ((run.get("tool") or {}).get("driver") or {}).get("rules") or []
        ids = [rule.get("id") for rule in rules]
        if len(set(ids)) != len(ids):
            checker.fail("/runs/%d/tool/driver/rules" % r, "rule ids must be unique")

        def location_of(where, location):
            physical = location.get("physicalLocation") or {}
            artifact = physical.get("artifactLocation") or {}
            base = artifact.get("uriBaseId")
            uri = artifact.get("uri", "")
            if base is not None and base not in bases:
                checker.fail(where, "uriBaseId '%s' is not in originalUriBaseIds" % base)
            if base is None and uri and not URI_SCHEME.match(uri):
                checker.fail(where, "relative URI %r without a uriBaseId" % uri)
            if root and base is not None and not os.path.exists(
                    os.path.join(root, unquote(urlsplit(uri).path))):
                checker.fail(where, "%r does not exist under %s" % (uri, root))
            region = physical.get("region") or {}
            return "%s:%s:%s" % (uri, region.get("startLine"), region.get("startColumn"))

        for i, result in enumerate(run.get("results") or []):
            where = "/runs/%d/results/%d" % (r, i)
            index = result.get("ruleIndex")
            if index is not None and index >= 0:
                if index >= len(rules):
                    checker.fail(where + "/ruleIndex", "no rule %d" % index)
                elif result.get("ruleId") is not None and rules[index].get("id") != result["ruleId"]:
                    checker.fail(where, "ruleIndex %d names '%s', ruleId is '%s'" % (
                        index, rules[index].get("id"), result["ruleId"]))
            shown = [location_of(where + "/locations/%d" % n, loc)
                     for n, loc in enumerate(result.get("locations") or [])]
            for n, loc in enumerate(result.get("relatedLocations") or []):
                location_of(where + "/relatedLocations/%d" % n, loc)
            for f, fix in enumerate(result.get("fixes") or []):
                for c, change in enumerate(fix.get("artifactChanges") or []):
                    location_of(where + "/fixes/%d/artifactChanges/%d" % (f, c),
                                {"physicalLocation": {"artifactLocation": change.get(
                                    "artifactLocation") or {}}})
            lines.append("result %s %s%s" % (result.get("ruleId"), shown[0] if shown else "-",
                                             " fixes=%d" % len(result["fixes"])
                                             if result.get("fixes") else ""))
    return checker.problems, lines


def check_gitlab(path):
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    checker = Checker()
    lines = []
    if not isinstance(report, list):
        return ["the report must be a JSON array"], lines
    fingerprints = set()
    for i, issue in enumerate(report):
        where = "/%d" % i
        if not isinstance(issue, dict):
            checker.fail(where, "an issue must be an object")
            continue
        for name in ("description", "check_name", "fingerprint"):
            if not isinstance(issue.get(name), str) or not issue.get(name):
                checker.fail(where + "/" + name, "must be a non-empty string")
        if issue.get("severity") not in ("info", "minor", "major", "critical", "blocker"):
            checker.fail(where + "/severity", "must be info, minor, major, critical or blocker")
        if issue.get("fingerprint") in fingerprints:
            checker.fail(where + "/fingerprint", "not unique")
        fingerprints.add(issue.get("fingerprint"))
        location = issue.get("location")
        if not isinstance(location, dict):
            checker.fail(where + "/location", "must be an object")
            continue
        if not isinstance(location.get("path"), str) or os.path.isabs(location.get("path", "")):
            checker.fail(where + "/location/path", "must be a relative path")
        begin = (location.get("lines") or {}).get("begin")
        if not isinstance(begin, int) or begin < 1:
            checker.fail(where + "/location/lines/begin", "must be an integer >= 1")
        lines.append("issue %s %s:%s %s" % (issue.get("check_name"), location.get("path"), begin,
                                            issue.get("severity")))
    return checker.problems, lines


RD_SEVERITIES = {"UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"}
RD_FIELDS = {
    "result": {"diagnostics", "source", "severity"},
    "diagnostic": {"message", "location", "severity", "source", "code", "suggestions",
                   "original_output", "images"},
    "location": {"path", "range"}, "range": {"start", "end"}, "position": {"line", "column"},
    "source": {"name", "url"}, "code": {"value", "url"}, "suggestion": {"range", "text"},
}


def _rd_fields(obj, kind, where, problems):
    if not isinstance(obj, dict):
        problems.append("%s: not an object" % where)
        return False
    for key in obj:
        if key not in RD_FIELDS[kind]:
            problems.append("%s: '%s' is not a field of %s" % (where, key, kind))
    return True


def _rd_position(obj, where, problems):
    if not _rd_fields(obj, "position", where, problems):
        return None
    line, column = obj.get("line"), obj.get("column")
    for name, value in (("line", line), ("column", column)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            problems.append("%s: %s must be an integer >= 1" % (where, name))
            return None
    if line is None:
        problems.append("%s: no line" % where)
        return None
    return (line, column or 1)


def _rd_range(obj, where, problems):
    if not _rd_fields(obj, "range", where, problems):
        return None
    if "start" not in obj:
        problems.append("%s: a range needs a start" % where)
        return None
    start = _rd_position(obj["start"], where + ".start", problems)
    end = _rd_position(obj["end"], where + ".end", problems) if "end" in obj else start
    if start and end and end < start:
        problems.append("%s: the end comes before the start" % where)
    return (start, end) if start and end else None


def _rd_inside(lines, position, where, problems, end=False):
    line, column = position
    if line > len(lines) + (1 if end else 0):
        problems.append("%s: line %d is past the end of the file (%d lines)" % (where, line, len(lines)))
        return None
    if line == len(lines) + 1:
        if column != 1:
            problems.append("%s: past the end of the file" % where)
        return None
    if column > len(lines[line - 1]) + 1:
        problems.append("%s: column %d is past the end of line %d (%d bytes)"
                        % (where, column, line, len(lines[line - 1])))
    return None


def _rd_offset(data, position):
    line, column = position
    offset = 0
    for _ in range(line - 1):
        offset = data.index(b"\n", offset) + 1
    return offset + column - 1


def check_rdjson(path, root, apply):
    problems, lines = [], []
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not _rd_fields(data, "result", "result", problems):
        return problems, lines
    if data.get("severity") is not None and data["severity"] not in RD_SEVERITIES:
        problems.append("result: bad severity %r" % data["severity"])
    if "source" in data and _rd_fields(data["source"], "source", "result.source", problems) \
            and not isinstance(data["source"].get("name"), str):
        problems.append("result.source: no name")
    diagnostics = data.get("diagnostics")
    if not isinstance(diagnostics, list):
        problems.append("result: diagnostics must be a list")
        return problems, lines
    edits = {}
    for index, diag in enumerate(diagnostics):
        where = "diagnostics[%d]" % index
        if not _rd_fields(diag, "diagnostic", where, problems):
            continue
        if not isinstance(diag.get("message"), str) or not diag["message"]:
            problems.append("%s: no message" % where)
        if diag.get("severity") is not None and diag["severity"] not in RD_SEVERITIES:
            problems.append("%s: bad severity %r" % (where, diag["severity"]))
        if "source" in diag and _rd_fields(diag["source"], "source", where + ".source", problems) \
                and not isinstance(diag["source"].get("name"), str):
            problems.append("%s.source: no name" % where)
        code = diag.get("code")
        if code is not None and _rd_fields(code, "code", where + ".code", problems) \
                and not isinstance(code.get("value"), str):
            problems.append("%s.code: no value" % where)
        location = diag.get("location")
        if location is None:
            if diag.get("suggestions"):
                problems.append("%s: suggestions without a location" % where)
            lines.append("diagnostic %s (no location)" % (code or {}).get("value"))
            continue
        if not _rd_fields(location, "location", where + ".location", problems):
            continue
        file_path = location.get("path")
        if not isinstance(file_path, str) or not file_path:
            problems.append("%s.location: no path" % where)
            continue
        span = _rd_range(location["range"], where + ".location.range", problems) \
            if "range" in location else None
        text_lines = None
        if root:
            if os.path.isabs(file_path):
                problems.append("%s.location: path %s is not relative" % (where, file_path))
                continue
            full = os.path.join(root, file_path)
            if not os.path.isfile(full):
                problems.append("%s.location: %s does not exist under the root" % (where, file_path))
                continue
            with open(full, "rb") as handle:
                content = handle.read()
            text_lines = content.split(b"\n")
            if text_lines and text_lines[-1] == b"":
                text_lines.pop()
            if span:
                _rd_inside(text_lines, span[0], where + ".location.range.start", problems)
                _rd_inside(text_lines, span[1], where + ".location.range.end", problems, end=True)
        suggestions = diag.get("suggestions") or []
        if not isinstance(suggestions, list):
            problems.append("%s: suggestions must be a list" % where)
            suggestions = []
        spans = []
        for number, suggestion in enumerate(suggestions):
            at = "%s.suggestions[%d]" % (where, number)
            if not _rd_fields(suggestion, "suggestion", at, problems):
                continue
            if "range" not in suggestion:
                problems.append("%s: no range" % at)
                continue
            if not isinstance(suggestion.get("text"), str):
                problems.append("%s: text must be a string" % at)
            found = _rd_range(suggestion["range"], at + ".range", problems)
            if found and text_lines is not None:
                _rd_inside(text_lines, found[0], at + ".range.start", problems)
                _rd_inside(text_lines, found[1], at + ".range.end", problems, end=True)
                spans.append((found, suggestion.get("text") or ""))
        spans.sort()
        for (first, _), (second, _) in zip(spans, spans[1:]):
            if second[0] < first[1]:
                problems.append("%s: suggestions overlap" % where)
        if spans:
            edits.setdefault(file_path, []).extend(spans)
        start = span[0] if span else (0, 0)
        lines.append("diagnostic %s %s:%d:%d%s" % ((code or {}).get("value"), file_path, start[0],
                                                  start[1], " (%d suggestions)" % len(spans)
                                                  if spans else ""))
    if apply and root and not problems:
        for file_path, spans in sorted(edits.items()):
            full = os.path.join(root, file_path)
            with open(full, "rb") as handle:
                content = handle.read()
            for (start, end), text in sorted(set((s, t) for s, t in spans), reverse=True):
                first, last = _rd_offset(content, start), _rd_offset(content, end)
                content = content[:first] + text.encode("utf-8") + content[last:]
            with open(full, "wb") as handle:
                handle.write(content)
            lines.append("applied %d suggestions to %s" % (len(set(spans)), file_path))
    return problems, lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["sarif", "gitlab", "rdjson"])
    parser.add_argument("file")
    parser.add_argument("--root")
    parser.add_argument("--apply", action="store_true")
    args = parser.parse_args()
    try:
        if args.kind == "sarif":
            problems, lines = check_sarif(args.file, args.root)
        elif args.kind == "rdjson":
            problems, lines = check_rdjson(args.file, args.root, args.apply)
        else:
            problems, lines = check_gitlab(args.file)
    except (OSError, ValueError) as error:
        print("invalid: %s" % error)
        return 1
    for line in lines:
        print(line)
    if problems:
        for problem in problems:
            print("problem: " + problem)
        print("invalid")
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())

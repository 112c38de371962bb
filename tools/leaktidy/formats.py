"""The reports: text, SARIF 2.1.0, GitLab Code Quality JSON and clang-tidy's
export-fixes YAML."""
import glob
import json
import os
import re

from .common import FINGERPRINT_VERSION, INVOKED, display_path
from .exportfixes import dump_export_fixes

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
UPSTREAM_DOCS = "https://clang.llvm.org/extra/clang-tidy/checks/"
DIAGNOSTICS_DOCS = "https://clang.llvm.org/docs/DiagnosticsReference.html"
FORMATS = ("text", "sarif", "gitlab", "yaml", "rdjson", "html")


def format_text(findings, errors, root):
    out = []
    for diag in sorted(errors + findings, key=lambda d: (display_path(d.path, root), d.line,
                                                         d.column, d.check)):
        level = "error" if diag.is_error else "warning"
        where = "%s:%d:%d: " % (display_path(diag.path, root), diag.line, diag.column) \
            if diag.path else ""
        out.append("%s%s: %s [%s]" % (where, level, diag.message, diag.check))
        for item in diag.notes:
            where = "%s:%d:%d: " % (display_path(item.path, root), item.line, item.column) \
                if item.path else ""
            out.append("%snote: %s" % (where, item.message))
    return "\n".join(out) + ("\n" if out else "")


def docs_page(check, docs_url, docs_dir):
    """(helpUri, local page path or None) for a check."""
    if check.startswith("leak-"):
        local = os.path.join(docs_dir, check + ".md") if docs_dir else None
        if local and not os.path.isfile(local):
            local = None
        if docs_url:
            return docs_url.rstrip("/") + "/" + check + ".md", local
        if local:
            return "file://" + local, local
        return None, None
    if check in ("clang-diagnostic-error", "clang-diagnostic-warning") or \
            check.startswith("clang-tidy-"):
        return None, None   # compiler errors, configuration errors: no page
    if check.startswith("clang-diagnostic-"):
        return "%s#w%s" % (DIAGNOSTICS_DOCS, check[len("clang-diagnostic-"):]), None
    if check.startswith("clang-analyzer-"):
        return UPSTREAM_DOCS + "clang-analyzer/" + check[len("clang-analyzer-"):] + ".html", None
    module, _, rest = check.partition("-")
    if rest:
        return UPSTREAM_DOCS + module + "/" + rest + ".html", None
    return None, None


def docs_links(docs_url):
    """check -> the URL of its docs page (or None), for reports that link them."""
    docs_dir = find_docs_dir()
    return lambda check: docs_page(check, docs_url, docs_dir)[0]


def summary_sentence(page):
    """The first paragraph of a docs page (its summary sentence)."""
    try:
        with open(page, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if paragraph and not paragraph.startswith("#") and not paragraph.startswith("```") \
                and not paragraph.startswith("|"):
            return " ".join(paragraph.split())
    return None


def find_docs_dir():
    here = os.path.dirname(os.path.realpath(INVOKED))
    candidates = [os.path.join(here, "..", "docs", "checks")]
    candidates += sorted(glob.glob(os.path.join(here, "..", "..", "..", "..", "share", "doc",
                                                "leaktidy*", "checks")))
    for candidate in candidates:
        if os.path.isdir(candidate):
            return os.path.realpath(candidate)
    return None


def _uri_of(path, root):
    relative = display_path(path, root)
    if relative != path:
        return {"uri": _uri_quote(relative.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}
    return {"uri": "file://" + _uri_quote(path)}


def _uri_quote(text):
    return re.sub(r"[^A-Za-z0-9._~/+\-]", lambda m: "".join(
        "%%%02X" % b for b in m.group(0).encode("utf-8")), text)


def _region(sources, path, offset, length):
    line, _, column = sources.position(path, offset)
    end_line, _, end_column = sources.position(path, offset + length)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def format_sarif(findings, errors, enabled_checks, root, sources, docs_url, docs_dir, version,
                 properties=None):
    results_all = findings + errors
    rule_ids = sorted(set(enabled_checks) | {d.check for d in results_all})
    rules, index = [], {}
    for rule_id in rule_ids:
        uri, page = docs_page(rule_id, docs_url, docs_dir)
        summary = summary_sentence(page) if page else None
        if summary is None:
            summary = ("clang diagnostic %s." if rule_id.startswith("clang-")
                       else "clang-tidy check %s.") % rule_id
        rule = {"id": rule_id, "name": rule_id, "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "help": {"text": summary + (" See %s" % uri if uri else ""),
                         "markdown": summary + (" [Documentation](%s)" % uri if uri else "")},
                "defaultConfiguration": {"level": "error" if rule_id in (
                    "clang-diagnostic-error", "clang-tidy-config") else "warning"},
                "properties": {"tags": ["leak" if rule_id.startswith("leak-") else "clang-tidy"]}}
        if uri:
            rule["helpUri"] = uri
        index[rule_id] = len(rules)
        rules.append(rule)

    results = []
    for diag in sorted(results_all, key=lambda d: (display_path(d.path, root), d.line, d.column,
                                                   d.check)):
        result = {"ruleId": diag.check, "ruleIndex": index[diag.check],
                  "level": "error" if diag.is_error else "warning",
                  "message": {"text": diag.message}}
        if diag.path:
            result["locations"] = [{"physicalLocation": {
                "artifactLocation": _uri_of(diag.path, root),
                "region": {"startLine": diag.line, "startColumn": diag.char_column}}}]
        if diag.fingerprint:
            result["partialFingerprints"] = {FINGERPRINT_VERSION: diag.fingerprint}
        related = []
        for number, item in enumerate(diag.notes, 1):
            if item.path:
                related.append({"id": number, "message": {"text": item.message},
                                "physicalLocation": {
                                    "artifactLocation": _uri_of(item.path, root),
                                    "region": {"startLine": item.line,
                                               "startColumn": item.char_column}}})
        if related:
            result["relatedLocations"] = related
        changes = {}
        for rep in diag.replacements:
            changes.setdefault(rep["path"], []).append({
                "deletedRegion": _region(sources, rep["path"], rep["offset"], rep["length"]),
                "insertedContent": {"text": rep["text"]}})
        if changes:
            result["fixes"] = [{"description": {"text": "apply the fix-it of %s" % diag.check},
                                "artifactChanges": [{"artifactLocation": _uri_of(path, root),
                                                     "replacements": reps}
                                                    for path, reps in sorted(changes.items())]}]
        results.append(result)

    driver = {"name": "leak-tidy", "rules": rules}
    if docs_url:
        driver["informationUri"] = docs_url
    if version:
        driver["properties"] = {"llvmVersion": version}
    run = {"tool": {"driver": driver},
           "columnKind": "unicodeCodePoints",
           "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + _uri_quote(
               root.rstrip("/") + "/")}},
           "results": results}
    if properties:
        run["properties"] = properties
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]},
                      indent=2) + "\n"


def format_gitlab(findings, errors, root):
    out = []
    for diag in sorted(findings + errors, key=lambda d: (display_path(d.path, root), d.line,
                                                         d.check)):
        out.append({"description": "%s [%s]" % (diag.message, diag.check),
                    "check_name": diag.check,
                    "fingerprint": diag.fingerprint,
                    "severity": "critical" if diag.is_error else "major",
                    "categories": ["Bug Risk"],
                    "location": {"path": display_path(diag.path, root) or ".",
                                 "lines": {"begin": diag.line}}})
    return json.dumps(out, indent=2) + "\n"


def format_yaml(findings, errors, main_file):
    return dump_export_fixes(sorted(findings + errors, key=lambda d: (d.path, d.offset)), main_file)



def _rd_position(sources, path, offset):
    line, byte_column, _ = sources.position(path, offset)
    return {"line": line, "column": byte_column}


def format_rdjson(findings, errors, root, sources, docs_url, docs_dir):
    """reviewdog's Diagnostic Format (rdjson): one diagnostic per finding,
    positions in UTF-8 bytes, and the fix-it as suggestions when every edit of
    it is in the finding's own file (reviewdog suggests changes to that file
    only, and half a fix-it would not compile)."""
    diagnostics = []
    for diag in sorted(findings + errors, key=lambda d: (display_path(d.path, root), d.line,
                                                         d.column, d.check)):
        message = diag.message
        for number, item in enumerate(diag.notes, 1):
            place = "%s:%d: " % (display_path(item.path, root), item.line) if item.path else ""
            message += "\n%d. %s%s" % (number, place, item.message)
        item = {"message": message, "severity": "ERROR" if diag.is_error else "WARNING",
                "source": {"name": "leak-tidy"}, "code": {"value": diag.check}}
        uri, _ = docs_page(diag.check, docs_url, docs_dir)
        if uri:
            item["code"]["url"] = uri
        if diag.path:
            item["location"] = {"path": display_path(diag.path, root), "range": {
                "start": {"line": diag.line, "column": diag.column}}}
            if diag.replacements and all(r["path"] == diag.path for r in diag.replacements):
                item["suggestions"] = [
                    {"range": {"start": _rd_position(sources, r["path"], r["offset"]),
                               "end": _rd_position(sources, r["path"], r["offset"] + r["length"])},
                     "text": r["text"]}
                    for r in sorted(diag.replacements, key=lambda r: r["offset"])]
        where = "%s:%d:%d: " % (display_path(diag.path, root), diag.line, diag.column) \
            if diag.path else ""
        item["original_output"] = "%s%s: %s [%s]" % (
            where, "error" if diag.is_error else "warning", diag.message, diag.check)
        diagnostics.append(item)
    return json.dumps({"source": {"name": "leak-tidy"}, "diagnostics": diagnostics},
                      indent=2, ensure_ascii=False) + "\n"

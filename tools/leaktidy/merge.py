"""leak-tidy-run merge: one report from the reports of several runs (the
shards of a CI matrix, the per-source reports of the Bazel aspect).

  leak-tidy-run merge --format F -o OUT REPORT...

Reports of one kind merge into that kind: SARIF into SARIF, GitLab Code
Quality into GitLab, baselines into a baseline, clang-tidy export-fixes YAML
into YAML. Export-fixes YAML holds everything (offsets, notes, fix-its), so it
also converts to any other format. A finding in several reports (a header's
finding seen by two shards) is kept once. SARIF reports of shards name the
units they analysed: merge checks that together they cover every unit once.
"""
import argparse
import json
import os
import sys

from .baseline import assign_fingerprints, baseline_items, baseline_text, load_baseline
from .common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, TOOL_NAME, UsageError, note,
                     normalize)
from .database import repository_root
from .exportfixes import ExportError, Sources, diagnostics_from_export, load_export
from .formats import (docs_links, find_docs_dir, format_gitlab, format_rdjson, format_sarif,
                      format_text, format_yaml)
from .htmlreport import format_html

KINDS = ("sarif", "gitlab", "baseline", "yaml")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog=TOOL_NAME + " merge", description=__doc__.split("\n\n")[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="+", metavar="REPORT")
    parser.add_argument("--format", choices=("text", "sarif", "gitlab", "yaml", "baseline", "rdjson",
                                             "html"),
                        required=True)
    parser.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    parser.add_argument("--root", help="repository root for relative paths (YAML input; "
                        "default: the git top level, or the current directory)")
    parser.add_argument("--docs-url", default=os.environ.get("LEAKTIDY_DOCS_URL"))
    return parser.parse_args(argv)


def read_report(path):
    """(kind, content) of a report file."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError as error:
        raise UsageError("cannot read %s: %s" % (path, error))
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("runs"), list):
        return "sarif", data
    if isinstance(data, list):
        return "gitlab", data
    if isinstance(data, dict) and isinstance(data.get("findings"), list):
        return "baseline", load_baseline(path)
    try:
        document = load_export(text)
    except ExportError as error:
        raise UsageError("%s is neither SARIF, GitLab Code Quality JSON, a baseline nor "
                         "export-fixes YAML: %s" % (path, error))
    if text.strip() and "Diagnostics" not in document and "MainSourceFile" not in document:
        raise UsageError("%s is not a report of %s" % (path, TOOL_NAME))
    return "yaml", document


def _sarif_result_key(result):
    fingerprints = result.get("partialFingerprints") or {}
    if fingerprints:
        return (result.get("ruleId"), json.dumps(fingerprints, sort_keys=True))
    return (result.get("ruleId"), json.dumps(result.get("locations"), sort_keys=True),
            json.dumps(result.get("message"), sort_keys=True))


def check_coverage(runs):
    """Units analysed by no shard or by several, from the shards' properties."""
    seen, total, problems = {}, None, []
    for name, run in runs:
        properties = run.get("properties") or {}
        units = properties.get("leakTidy/units")
        if not isinstance(units, list):
            return []
        total = properties.get("leakTidy/unitsTotal", total)
        for unit in units:
            seen.setdefault(unit, []).append(name)
    doubled = sorted(u for u, names in seen.items() if len(names) > 1)
    if doubled:
        problems.append("%d units were analysed by more than one shard (e.g. %s)" % (
            len(doubled), doubled[0]))
    if isinstance(total, int) and len(seen) != total:
        problems.append("the shards analysed %d units of %d: some units were in no shard"
                        % (len(seen), total))
    return problems


def merge_sarif(reports):
    runs = [(name, run) for name, data in reports for run in data["runs"]]
    if not runs:
        raise UsageError("no SARIF run to merge")
    problems = check_coverage(runs)
    base = json.loads(json.dumps(runs[0][1]))
    rules, order = {}, []
    for _, run in runs:
        for rule in ((run.get("tool") or {}).get("driver") or {}).get("rules") or []:
            if rule.get("id") not in rules:
                rules[rule.get("id")] = rule
                order.append(rule.get("id"))
    order.sort()
    index = {rule_id: i for i, rule_id in enumerate(order)}
    results, seen = [], set()
    for _, run in runs:
        rule_list = ((run.get("tool") or {}).get("driver") or {}).get("rules") or []
        for result in run.get("results") or []:
            key = _sarif_result_key(result)
            if key in seen:
                continue
            seen.add(key)
            result = dict(result)
            rule_id = result.get("ruleId")
            if rule_id is None and isinstance(result.get("ruleIndex"), int) and \
                    result["ruleIndex"] < len(rule_list):
                rule_id = rule_list[result["ruleIndex"]].get("id")
            if rule_id in index:
                result["ruleIndex"] = index[rule_id]
            else:
                result.pop("ruleIndex", None)
            results.append(result)
    results.sort(key=lambda r: json.dumps(r.get("locations"), sort_keys=True) + str(r.get("ruleId")))
    base.setdefault("tool", {}).setdefault("driver", {})["rules"] = [rules[r] for r in order]
    base["results"] = results
    base.pop("properties", None)
    document = {"$schema": reports[0][1].get("$schema"), "version": reports[0][1].get("version"),
                "runs": [base]}
    errors = sum(1 for r in results if r.get("level") == "error")
    return json.dumps(document, indent=2) + "\n", len(results) - errors, errors, problems


def merge_gitlab(reports):
    out, seen = [], set()
    for _, items in reports:
        for item in items:
            key = item.get("fingerprint") or json.dumps(item, sort_keys=True)
            if key not in seen:
                seen.add(key)
                out.append(item)
    out.sort(key=lambda i: ((i.get("location") or {}).get("path", ""),
                            ((i.get("location") or {}).get("lines") or {}).get("begin", 0),
                            i.get("check_name", "")))
    errors = sum(1 for i in out if i.get("severity") == "critical")
    return json.dumps(out, indent=2) + "\n", len(out) - errors, errors, []


def merge_baselines(reports):
    items, seen = [], set()
    for _, findings in reports:
        for item in findings:
            if item.get("fingerprint") not in seen:
                seen.add(item.get("fingerprint"))
                items.append(item)
    return baseline_text(items), len(items), 0, []


def merge_yaml(reports, fmt, root, docs_url):
    sources = Sources()
    unique = {}
    for name, document in reports:
        try:
            for diag in diagnostics_from_export(document, sources):
                unique.setdefault(diag.key(), diag)
        except (ExportError, ValueError, TypeError, AttributeError) as error:
            raise UsageError("cannot read %s: %s" % (name, error))
    diagnostics = sorted(unique.values(), key=lambda d: (d.path, d.offset, d.check))
    assign_fingerprints(diagnostics, root, sources)
    errors = [d for d in diagnostics if d.is_error]
    findings = [d for d in diagnostics if not d.is_error]
    if fmt == "yaml":
        text = format_yaml(findings, errors, "")
    elif fmt == "sarif":
        text = format_sarif(findings, errors, [], root, sources, docs_url, find_docs_dir(), None)
    elif fmt == "gitlab":
        text = format_gitlab(findings, errors, root)
    elif fmt == "baseline":
        text = baseline_text(baseline_items(findings, root))
    elif fmt == "rdjson":
        text = format_rdjson(findings, errors, root, sources, docs_url, find_docs_dir())
    elif fmt == "html":
        text = format_html(findings, errors, root, sources, docs_links(docs_url),
                           title="leak-tidy: %s" % os.path.basename(root),
                           note="merged from %d reports" % len(reports))
    else:
        text = format_text(findings, errors, root)
    return text, len(findings), len(errors), []


def main(argv):
    args = parse_args(argv)
    root = normalize(args.root, os.getcwd()) if args.root else (
        repository_root(os.getcwd()) or os.path.realpath(os.getcwd()))
    reports = []
    for path in args.reports:
        kind, content = read_report(path)
        reports.append((path, kind, content))
    kinds = sorted({kind for _, kind, _ in reports})
    if len(kinds) > 1:
        raise UsageError("the reports are of different kinds (%s): merge reports of one kind"
                         % ", ".join(kinds))
    kind = kinds[0]
    pairs = [(path, content) for path, _, content in reports]
    if kind == "yaml":
        text, findings, errors, problems = merge_yaml(pairs, args.format, root, args.docs_url)
    elif kind != args.format:
        raise UsageError("%s reports merge into --format %s; only export-fixes YAML reports "
                         "convert to other formats" % (kind, kind))
    elif kind == "sarif":
        text, findings, errors, problems = merge_sarif(pairs)
    elif kind == "gitlab":
        text, findings, errors, problems = merge_gitlab(pairs)
    else:
        text, findings, errors, problems = merge_baselines(pairs)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    for problem in problems:
        note("error: " + problem)
    sys.stderr.write("merged %d reports: %d findings, %d errors\n" % (len(reports), findings,
                                                                      errors))
    if problems or errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN

#!/usr/bin/env python3
"""Checks the sharded CI jobs of docs/ci.md and runs their commands.

  shards_check.py DOCS PROJECT

For the blocks marked github-shards and gitlab-shards: the matrix (or
`parallel:`) has N shards; the analysing job runs `leak-tidy-run --shard K/N`
and keeps the report it writes; the report job comes after it, merges the
files the shards write and publishes the file merge writes. Then it runs, in
PROJECT (a configured project with a compile database), each shard's
leak-tidy-run line with the shard's values, and the merge line, as the CI
would, and prints the merged report's findings, sorted. One line per fact,
a last line "ok"; problems are printed and exit 1.
"""
import fnmatch
import glob
import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ci_tool import marked_blocks, run_shell, verdict  # noqa: E402


def runner_line(lines, word):
    found = [line for line in lines if re.search(r"\bleak-tidy-run\b", line) and word in line]
    return found[0] if len(found) == 1 else None


def output_of(line):
    match = re.search(r"(?:-o|--output)[ =]((?:\$\{\{[^}]*\}\}|\S)+)", line)
    return match.group(1).strip('"') if match else None


def check_github(block, facts, problems):
    workflow = yaml.safe_load(block)
    jobs = workflow.get("jobs") or {}
    analyse = next((j for j in jobs.values() if "matrix" in (j.get("strategy") or {})), None)
    if analyse is None:
        problems.append("github-shards: no job with a matrix")
        return None
    shards = analyse["strategy"]["matrix"].get("shard") or []
    total = len(shards)
    if shards != list(range(1, total + 1)):
        problems.append("github-shards: matrix.shard is not 1..N: %r" % shards)
    steps = analyse.get("steps") or []
    lines = [s.get("run", "") for s in steps]
    line = runner_line(lines, "--shard")
    if not line or "--shard ${{ matrix.shard }}/%d" % total not in line:
        problems.append("github-shards: no 'leak-tidy-run --shard ${{ matrix.shard }}/%d'" % total)
        return None
    written = output_of(line)
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    if not uploads or uploads[0]["with"].get("path") != written:
        problems.append("github-shards: the shard's report %s is not uploaded" % written)
    name = uploads[0]["with"].get("name", "") if uploads else ""
    names = [name.replace("${{ matrix.shard }}", str(k)) for k in shards]
    report_name, report = next(((n, j) for n, j in jobs.items() if j is not analyse), (None, None))
    analyse_name = next(n for n, j in jobs.items() if j is analyse)
    if report is None or report.get("needs") not in (analyse_name, [analyse_name]):
        problems.append("github-shards: no report job that needs the shards")
        return None
    rsteps = report.get("steps") or []
    downloads = [s for s in rsteps if str(s.get("uses", "")).startswith("actions/download-artifact@")]
    pattern = downloads[0]["with"].get("pattern", "") if downloads else ""
    if not downloads or not all(fnmatch.fnmatch(n, pattern) for n in names):
        problems.append("github-shards: the report job does not download every shard")
    merge = runner_line([s.get("run", "") for s in rsteps], " merge ")
    merged = output_of(merge or "")
    uploads = [s for s in rsteps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    if not merge or not uploads or uploads[0]["with"].get("sarif_file") != merged:
        problems.append("github-shards: the report job does not upload what merge writes")
        return None
    facts.append("github-shards: %d shards, %s uploaded as %s, merged into %s"
                 % (total, written.replace("${{ matrix.shard }}", "K"),
                    name.replace("${{ matrix.shard }}", "K"), merged))
    shard_lines = [(line.replace("${{ matrix.shard }}", str(k)), {}) for k in shards]
    return shard_lines, merge, merged


def check_gitlab(block, facts, problems):
    jobs = yaml.safe_load(block)
    shard_name = next((n for n, j in jobs.items() if isinstance(j, dict) and "parallel" in j), None)
    if shard_name is None:
        problems.append("gitlab-shards: no job with parallel:")
        return None
    shard_job = jobs[shard_name]
    total = shard_job["parallel"]
    line = runner_line(shard_job.get("script") or [], "--shard")
    if not line or '--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"' not in line:
        problems.append("gitlab-shards: no --shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"")
        return None
    written = output_of(line)
    kept = (shard_job.get("artifacts") or {}).get("paths") or []
    if not any(fnmatch.fnmatch(written.replace("$CI_NODE_INDEX", "1"), p) for p in kept):
        problems.append("gitlab-shards: the shard's report is not kept as an artifact")
    report = next((j for n, j in jobs.items() if isinstance(j, dict) and shard_name in (j.get("needs") or [])), None)
    if report is None:
        problems.append("gitlab-shards: no report job that needs the shards")
        return None
    merge = runner_line(report.get("script") or [], " merge ")
    merged = output_of(merge or "")
    published = ((report.get("artifacts") or {}).get("reports") or {}).get("codequality")
    if not merge or published != merged:
        problems.append("gitlab-shards: the report job does not publish what merge writes")
        return None
    facts.append("gitlab-shards: %d shards, %s kept, merged into %s"
                 % (total, written.replace("$CI_NODE_INDEX", "K"), merged))
    shard_lines = [(line, {"CI_NODE_INDEX": str(k), "CI_NODE_TOTAL": str(total)})
                   for k in range(1, total + 1)]
    return shard_lines, merge, merged


def findings(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if isinstance(data, list):
        return sorted("%s %s:%s" % (i["check_name"], i["location"]["path"],
                                    i["location"]["lines"]["begin"]) for i in data)
    out = []
    for result in data["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]
        out.append("%s %s:%d" % (result["ruleId"], where["artifactLocation"]["uri"],
                                 where["region"]["startLine"]))
    return sorted(out)


def main():
    docs, project = sys.argv[1], os.path.abspath(sys.argv[2])
    blocks = marked_blocks(docs)
    facts, problems = [], []
    for name, check in (("github-shards", check_github), ("gitlab-shards", check_gitlab)):
        if name not in blocks:
            problems.append("docs/ci.md has no block marked '%s'" % name)
            continue
        plan = check(blocks[name][1], facts, problems)
        if not plan:
            continue
        shard_lines, merge, merged = plan
        for old in glob.glob(os.path.join(project, "shard-*")):
            os.remove(old)
        for line, env in shard_lines:
            code, out = run_shell(line, project, env)
            if code != 0:
                problems.append("%s: %s exited with %d:\n%s" % (name, line, code, out))
        code, out = run_shell(merge, project)
        facts.append("%s: merge exited with %d" % (name, code))
        for item in findings(os.path.join(project, merged)):
            facts.append("%s: finding %s" % (name, item))
    return verdict(facts, problems)


if __name__ == "__main__":
    sys.exit(main())

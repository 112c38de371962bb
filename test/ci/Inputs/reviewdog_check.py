#!/usr/bin/env python3
"""Checks the reviewdog job of docs/ci.md and runs its leak-tidy-run line.

  reviewdog_check.py DOCS PROJECT

The block marked reviewdog-job must run on pull requests, install reviewdog,
write an rdjson report with leak-tidy-run and feed that same file to
`reviewdog -f=rdjson` with a reporter and the token reviewdog reads. Then the
leak-tidy-run line runs in PROJECT (github.base_ref set to main). Prints one
line per fact and "ok", or the problems and exit 1.
"""
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ci_tool import marked_blocks, run_shell, verdict  # noqa: E402


def main():
    docs, project = sys.argv[1], os.path.abspath(sys.argv[2])
    blocks = marked_blocks(docs)
    if "reviewdog-job" not in blocks:
        print("problem: docs/ci.md has no block marked 'reviewdog-job'")
        return 1
    workflow = yaml.safe_load(blocks["reviewdog-job"][1])
    problems, facts = [], []
    trigger = workflow.get("on", workflow.get(True))
    if trigger != "pull_request" and "pull_request" not in (trigger or {}):
        problems.append("the job does not run on pull requests")
    if (workflow.get("permissions") or {}).get("pull-requests") != "write":
        problems.append("posting reviews needs permissions: pull-requests: write")
    steps = [s for job in (workflow.get("jobs") or {}).values() for s in job.get("steps") or []]
    if not any(str(s.get("uses", "")).startswith("reviewdog/action-setup@") for s in steps):
        problems.append("reviewdog is not installed")
    runs = [s.get("run", "") for s in steps]
    ours = [r for r in runs if "leak-tidy-run" in r and "--format rdjson" in r]
    posts = [s for s in steps if re.search(r"\breviewdog\b.*-f=rdjson", s.get("run", ""))]
    if len(ours) != 1 or len(posts) != 1:
        problems.append("one leak-tidy-run --format rdjson step and one reviewdog -f=rdjson step")
    else:
        written = re.search(r"-o (\S+)", ours[0]).group(1)
        post = posts[0]["run"]
        if not re.search(r"<\s*%s\b" % re.escape(written), post):
            problems.append("reviewdog does not read %s" % written)
        if not re.search(r"-reporter=\S+", post):
            problems.append("reviewdog has no -reporter")
        if "REVIEWDOG_GITHUB_API_TOKEN" not in (posts[0].get("env") or {}):
            problems.append("reviewdog gets no REVIEWDOG_GITHUB_API_TOKEN")
        facts.append("reviewdog-job: leak-tidy-run writes %s, reviewdog %s reads it"
                     % (written, re.search(r"-reporter=\S+", post).group(0)))
        line = ours[0].replace("${{ github.base_ref }}", "main")
        code, out = run_shell(line, project)
        facts.append("reviewdog-job: leak-tidy-run exited with %d" % code)
        if code != 0:
            problems.append(out)
    return verdict(facts, problems)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks and runs the CI and hook files of LeakTidy (standard library only).

  ci_tool.py hooks FILE ROOT        structure of .pre-commit-hooks.yaml
  ci_tool.py action FILE            structure of action.yml
  ci_tool.py docs FILE ROOT         the blocks of docs/ci.md marked
                                    <!-- checked: NAME -->, against action.yml
  ci_tool.py block FILE NAME        prints the marked block NAME
  ci_tool.py gitlab-script FILE     prints the GitLab job's script lines
  ci_tool.py run-action FILE --workspace DIR [--input NAME=VALUE]...
                                    [--github NAME=VALUE]... [--runner-temp DIR]
      runs the composite action's steps like GitHub does: each step's `if`
      (inputs.X == '' / != ''), its `env` with ${{ }} expressions resolved,
      its `run` script with its `shell`, GITHUB_ENV carried to later steps and
      GITHUB_OUTPUT collected; prints the steps run and the outputs, and exits
      with the first failing step's code.

The structural checks print one line per fact checked and a last line "ok";
on a problem they print it and exit 1.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import yaml_subset  # noqa: E402  pylint: disable=wrong-import-position

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Problems:
    def __init__(self):
        self.items = []

    def expect(self, condition, message):
        if not condition:
            self.items.append(message)
        return condition

    def finish(self, facts):
        for fact in facts:
            print(fact)
        for item in self.items:
            print("problem: " + item)
        print("ok" if not self.items else "invalid")
        return 0 if not self.items else 1


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml_subset.load(handle.read())


def check_hooks(path, root):
    problems, facts = Problems(), []
    hooks = load(path)
    if not problems.expect(isinstance(hooks, list) and hooks, "the file must be a list of hooks"):
        return problems.finish(facts)
    ids = set()
    for hook in hooks:
        hook_id = hook.get("id")
        problems.expect(hook_id and hook_id not in ids, "hook ids must be present and unique")
        ids.add(hook_id)
        for key in ("name", "entry", "language"):
            problems.expect(isinstance(hook.get(key), str) and hook.get(key),
                            "%s: '%s' is required" % (hook_id, key))
        language = hook.get("language")
        problems.expect(language in ("script", "system"),
                        "%s: language must be script or system (no network for python)" % hook_id)
        problems.expect(hook.get("types_or") == ["c", "c++"], "%s: types_or must be [c, c++]" % hook_id)
        problems.expect(hook.get("require_serial") == "true", "%s: require_serial must be true" % hook_id)
        entry = (hook.get("entry") or "").split()
        if language == "script" and entry:
            script = os.path.join(root, entry[0])
            problems.expect(os.path.isfile(script) and os.access(script, os.X_OK),
                            "%s: %s is not an executable file of the repository" % (hook_id, entry[0]))
        facts.append("hook %s: %s %s" % (hook_id, language, " ".join(entry)))
    return problems.finish(facts)


def check_action(path):
    problems, facts = Problems(), []
    action = load(path)
    for key in ("name", "description", "inputs", "runs"):
        problems.expect(key in action, "action.yml needs '%s'" % key)
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        problems.expect(isinstance(spec, dict) and spec.get("description"),
                        "input %s needs a description" % name)
    runs = action.get("runs") or {}
    problems.expect(runs.get("using") == "composite", "runs.using must be composite")
    step_ids = set()
    for step in runs.get("steps") or []:
        problems.expect("run" in step or "uses" in step, "a step needs run or uses")
        if "run" in step:
            problems.expect(step.get("shell") in ("bash", "sh", "python", "pwsh"),
                            "step '%s': a composite run step needs a shell" % step.get("name"))
            problems.expect("${{" not in step["run"],
                            "step '%s': expressions belong in env, not in the script" % step.get("name"))
        if step.get("id"):
            problems.expect(step["id"] not in step_ids, "duplicate step id %s" % step["id"])
            step_ids.add(step["id"])
        facts.append("step: %s" % step.get("name"))
    used = set()
    for text in _strings(action):
        for expression in EXPRESSION.findall(text):
            used.update(re.findall(r"\binputs\.([\w-]+)", expression))
            for step in re.findall(r"\bsteps\.([\w-]+)\.", expression):
                problems.expect(step in step_ids, "expression names unknown step '%s'" % step)
    for name in sorted(used):
        problems.expect(name in inputs, "expression names unknown input '%s'" % name)
    for name in sorted(set(inputs) - used):
        problems.expect(False, "input '%s' is never used" % name)
    facts.append("inputs: " + ", ".join(sorted(inputs)))
    facts.append("outputs: " + ", ".join(sorted(action.get("outputs") or {})))
    return problems.finish(facts)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def marked_blocks(path):
    """{name: (language, text)} for the fenced blocks after <!-- checked: NAME -->."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    blocks = {}
    for match in re.finditer(r"<!-- checked: ([\w-]+) -->\n```(\w*)\n(.*?)\n```", text, re.S):
        blocks[match.group(1)] = (match.group(2), match.group(3) + "\n")
    return blocks


def runner_output(command):
    """The -o FILE of a leak-tidy-run command line."""
    match = re.search(r"leak-tidy-run\b.*?(?:-o|--output)[ =](\S+)", command)
    return match.group(1) if match else None


def run_shell(line, cwd, env=None):
    """(exit code, output) of a job's command line under bash -e."""
    proc = subprocess.run(["bash", "-e", "-c", line], cwd=cwd, env=dict(os.environ, **(env or {})),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, check=False)
    return proc.returncode, proc.stdout


def verdict(facts, problems):
    """Prints the facts, then the problems or "ok"; the exit code."""
    for fact in facts:
        print(fact)
    for problem in problems:
        print("problem: " + problem)
    if problems:
        return 1
    print("ok")
    return 0


def check_docs(path, root):
    problems, facts = Problems(), []
    blocks = marked_blocks(path)
    for name in ("github-workflow", "gitlab-job", "shell-step"):
        problems.expect(name in blocks, "docs/ci.md has no block marked '%s'" % name)
    action = load(os.path.join(root, "action.yml"))
    inputs = action.get("inputs") or {}

    if "github-workflow" in blocks:
        workflow = yaml_subset.load(blocks["github-workflow"][1])
        facts.append("github-workflow: parsed, jobs: " + ", ".join(workflow.get("jobs") or {}))
        problems.expect("on" in workflow, "the workflow needs 'on'")
        problems.expect((workflow.get("permissions") or {}).get("security-events") == "write",
                        "uploading SARIF needs permissions: security-events: write")
        for job_name, job in (workflow.get("jobs") or {}).items():
            steps = job.get("steps") or []
            ours = [s for s in steps if str(s.get("uses", "")).endswith("leaktidy")
                    or "leaktidy@" in str(s.get("uses", ""))]
            uploads = [s for s in steps if str(s.get("uses", "")).startswith(
                "github/codeql-action/upload-sarif@")]
            if not problems.expect(len(ours) == 1 and len(uploads) == 1,
                                   "%s: one LeakTidy step and one upload-sarif step" % job_name):
                continue
            given = ours[0].get("with") or {}
            for key in given:
                problems.expect(key in inputs, "%s: the action has no input '%s'" % (job_name, key))
            report = given.get("output", (inputs.get("output") or {}).get("default"))
            problems.expect((uploads[0].get("with") or {}).get("sarif_file") == report,
                            "%s: upload-sarif must upload %s" % (job_name, report))
            problems.expect(given.get("format", (inputs.get("format") or {}).get("default")) == "sarif",
                            "%s: the action must write SARIF" % job_name)
            problems.expect(uploads[0].get("if") == "always()",
                            "%s: upload even when the lint step fails (if: always())" % job_name)
            facts.append("github-workflow: %s uses %s and uploads %s" % (
                job_name, ours[0]["uses"], report))

    if "gitlab-job" in blocks:
        jobs = yaml_subset.load(blocks["gitlab-job"][1])
        for job_name, job in jobs.items():
            script = job.get("script") or []
            artifacts = job.get("artifacts") or {}
            report = (artifacts.get("reports") or {}).get("codequality")
            gitlab = [line for line in script if "--format gitlab" in line or "--format=gitlab" in line]
            problems.expect(len(gitlab) == 1, "%s: the script must write --format gitlab" % job_name)
            problems.expect(bool(report) and [runner_output(line) for line in gitlab] == [report],
                            "%s: the codequality report must be the runner's -o file" % job_name)
            problems.expect(artifacts.get("when") == "always",
                            "%s: publish the report also when the job fails" % job_name)
            facts.append("gitlab-job: %s publishes %s" % (job_name, report))
            for line in script:
                if "--format html" in line:
                    page = runner_output(line)
                    problems.expect(page in (artifacts.get("paths") or []),
                                    "%s: the HTML report %s must be an artifact" % (job_name, page))
                    facts.append("gitlab-job: %s keeps %s" % (job_name, page))

    if "shell-step" in blocks:
        problems.expect(blocks["shell-step"][0] == "sh", "the shell step must be an sh block")
        facts.append("shell-step: %d commands" % len([l for l in blocks["shell-step"][1].splitlines()
                                                      if l.strip()]))
    return problems.finish(facts)


def gitlab_script(path):
    jobs = yaml_subset.load(marked_blocks(path)["gitlab-job"][1])
    for job in jobs.values():
        for line in job.get("script") or []:
            print(line)
    return 0


def evaluate(expression, context):
    """The ${{ }} expressions the action uses: a.b lookups, '' literals, ==/!=."""
    expression = expression.strip()
    match = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expression)
    if match:
        left, right = evaluate(match.group(1), context), evaluate(match.group(3), context)
        return (left == right) == (match.group(2) == "==")
    if re.fullmatch(r"'(?:[^']|'')*'", expression):
        return expression[1:-1].replace("''", "'")
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+", expression):
        scope, _, name = expression.partition(".")
        return context.get(scope, {}).get(name, "")
    raise SystemExit("ci_tool.py: cannot evaluate ${{ %s }}" % expression)


def substitute(text, context):
    return EXPRESSION.sub(lambda m: str(evaluate(m.group(1), context)), text)


def run_action(path, workspace, inputs, github, temp):
    action = load(path)
    declared = action.get("inputs") or {}
    for name in inputs:
        if name not in declared:
            raise SystemExit("ci_tool.py: the action has no input '%s'" % name)
    values = {name: inputs.get(name, (spec or {}).get("default", "") or "")
              for name, spec in declared.items()}
    scratch = temp or tempfile.mkdtemp(prefix="action-")
    os.makedirs(scratch, exist_ok=True)
    context = {"inputs": values, "github": dict(github), "runner": {"temp": scratch}, "steps": {}}
    context["github"].setdefault("action_path", os.path.dirname(os.path.abspath(path)))
    context["github"].setdefault("workspace", workspace)
    env = dict(os.environ)
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("id", "?"))
        condition = step.get("if")
        if condition and not evaluate(EXPRESSION.sub(lambda m: m.group(1), condition), context):
            print("step %s: skipped (if: %s)" % (name, condition), flush=True)
            continue
        github_env = os.path.join(scratch, "env")
        github_output = os.path.join(scratch, "output")
        open(github_env, "w").close()
        open(github_output, "w").close()
        step_env = dict(env, GITHUB_ENV=github_env, GITHUB_OUTPUT=github_output,
                        GITHUB_ACTION_PATH=context["github"]["action_path"],
                        GITHUB_WORKSPACE=workspace, RUNNER_TEMP=scratch)
        for key, value in (step.get("env") or {}).items():
            step_env[key] = substitute(value or "", context)
        shell = {"bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"],
                 "sh": ["sh", "-e"]}[step["shell"]]
        script = os.path.join(scratch, "step.sh")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(step["run"])
        code = subprocess.run(shell + [script], cwd=workspace, env=step_env).returncode
        print("step %s: exit %d" % (name, code), flush=True)
        with open(github_env, encoding="utf-8") as handle:
            for line in handle.read().splitlines():
                key, _, value = line.partition("=")
                if key:
                    env[key] = value
        outputs = {}
        with open(github_output, encoding="utf-8") as handle:
            for line in handle.read().splitlines():
                key, _, value = line.partition("=")
                if key:
                    outputs[key] = value
        if step.get("id"):
            context["steps"][step["id"]] = {"outputs": outputs}
        if code != 0:
            return code
    for name, spec in (action.get("outputs") or {}).items():
        value = spec.get("value", "")
        resolved = EXPRESSION.sub(lambda m: _step_output(m.group(1), context), value)
        print("output %s=%s" % (name, resolved))
    return 0


def _step_output(expression, context):
    match = re.fullmatch(r"\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*", expression)
    if not match:
        raise SystemExit("ci_tool.py: cannot evaluate ${{ %s }}" % expression)
    return context["steps"].get(match.group(1), {}).get("outputs", {}).get(match.group(2), "")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    hooks = sub.add_parser("hooks")
    hooks.add_argument("file")
    hooks.add_argument("root")
    action = sub.add_parser("action")
    action.add_argument("file")
    docs = sub.add_parser("docs")
    docs.add_argument("file")
    docs.add_argument("root")
    block = sub.add_parser("block")
    block.add_argument("file")
    block.add_argument("name")
    script = sub.add_parser("gitlab-script")
    script.add_argument("file")
    run = sub.add_parser("run-action")
    run.add_argument("file")
    run.add_argument("--workspace", required=True)
    run.add_argument("--input", action="append", default=[])
    run.add_argument("--github", action="append", default=[])
    run.add_argument("--runner-temp", help="runner.temp (default: a new temporary directory)")
    args = parser.parse_args()
    try:
        if args.command == "hooks":
            return check_hooks(args.file, args.root)
        if args.command == "action":
            return check_action(args.file)
        if args.command == "docs":
            return check_docs(args.file, args.root)
        if args.command == "block":
            sys.stdout.write(marked_blocks(args.file)[args.name][1])
            return 0
        if args.command == "gitlab-script":
            return gitlab_script(args.file)
        pairs = lambda items: dict(item.split("=", 1) for item in items)  # noqa: E731
        return run_action(args.file, os.path.abspath(args.workspace), pairs(args.input),
                          pairs(args.github), args.runner_temp)
    except yaml_subset.YamlError as error:
        print("invalid YAML: %s" % error)
        return 1


if __name__ == "__main__":
    sys.exit(main())

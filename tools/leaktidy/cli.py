"""The command line of leak-tidy-run."""
import argparse
import json
import os
import re
import subprocess
import sys
import time

from . import cache as result_cache
from .baseline import assign_fingerprints, read_baseline, write_baseline
from .common import (DEFAULT_CHECKS, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SOURCE_EXTENSIONS,
                     TOOL_NAME, UsageError, count, display_path, note)
from .database import find_database, find_leak_tidy, load_commands, repository_root
from .diff import IncludeScanner, changes_since, filter_by_lines
from .exportfixes import Sources
from .fixes import apply_fixes
from .formats import (FORMATS, docs_links, find_docs_dir, format_gitlab, format_rdjson,
                      format_sarif, format_text, format_yaml)
from .htmlreport import format_html
from .schedule import Progress, Runner, Unit, list_checks, parse_shard, split_shards

DESCRIPTION = """Finds compile_commands.json (-p DIR, else build/, out/, cmake-build-*/,
_build/ or the top of the repository), runs leak-tidy on every file of the
database (or on the FILEs given) in parallel, and reports the findings as
text, SARIF 2.1.0, GitLab Code Quality JSON, clang-tidy's export-fixes YAML,
reviewdog's rdjson or one self-contained HTML page.
Results are cached: a unit whose content, includes, compile command, checks
and options did not change is not analysed again.

  leak-tidy-run merge --format F -o OUT REPORT...   merges the reports of shards
"""


def summary(findings, errors, results, seconds, extra_lines):
    per_check = {}
    for diag in findings:
        per_check[diag.check] = per_check.get(diag.check, 0) + 1
    width = max([len("check")] + [len(c) for c in per_check]) + 2
    lines = ["", "%-*s %8s" % (width, "check", "findings")]
    for check in sorted(per_check):
        lines.append("%-*s %8d" % (width, check, per_check[check]))
    lines.append("%-*s %8d" % (width, "total", len(findings)))
    failed = sum(1 for r in results if r.tool_error or any(d.is_error for d in r.diagnostics))
    lines.append("files analysed: %d%s; errors: %d; time: %.1f s" % (
        len(results), " (%d could not be analysed)" % failed if failed else "", len(errors),
        seconds))
    lines += extra_lines
    return "\n".join(lines) + "\n"


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog=TOOL_NAME, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 no findings, 1 findings, 2 tool/configuration/compile-database error")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="analyse only these files of the database (default: all of them)")
    parser.add_argument("-p", dest="database", metavar="DIR",
                        help="directory of compile_commands.json (default: found automatically)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel leak-tidy processes (default: %(default)s, the cores)")
    parser.add_argument("--checks", default=None,
                        help="clang-tidy check globs (default: '%s' unless --config-file or "
                        "--use-config-checks)" % DEFAULT_CHECKS)
    parser.add_argument("--use-config-checks", action="store_true",
                        help="take the checks from the project's .clang-tidy files")
    parser.add_argument("--config-file", help="a .clang-tidy file to use")
    parser.add_argument("--header-filter", default=None,
                        help="regex of headers whose findings are shown (clang-tidy's option)")
    parser.add_argument("--extra-arg", action="append", default=[],
                        help="compiler argument to append (repeatable)")
    parser.add_argument("--extra-arg-before", action="append", default=[],
                        help="compiler argument to prepend (repeatable)")
    parser.add_argument("--diff-base", metavar="REF",
                        help="analyse only the units whose file or included project headers "
                        "changed since git REF, and report only findings on changed lines")
    parser.add_argument("--baseline", metavar="FILE",
                        help="report only findings that are not in this baseline")
    parser.add_argument("--write-baseline", action="store_true",
                        help="write the current findings to --baseline FILE and exit 0")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here (default: stdout)")
    parser.add_argument("--fix", action="store_true", help="apply the fix-its of the findings reported")
    parser.add_argument("--root", help="repository root for relative paths "
                        "(default: the git top level, or the current directory)")
    parser.add_argument("--docs-url", default=os.environ.get("LEAKTIDY_DOCS_URL"),
                        help="base URL of docs/checks/ for SARIF helpUri (default: $LEAKTIDY_DOCS_URL, "
                        "else the local docs)")
    parser.add_argument("--leak-tidy", metavar="PATH", help="the leak-tidy binary to run")
    group = parser.add_argument_group("cache")
    group.add_argument("--cache-dir", metavar="DIR",
                       default=os.environ.get("LEAKTIDY_CACHE_DIR"),
                       help="the local result cache (default: $LEAKTIDY_CACHE_DIR, else "
                       "$XDG_CACHE_HOME/leak-tidy, else ~/.cache/leak-tidy)")
    group.add_argument("--cache-size", metavar="SIZE", default="2G",
                       help="cap of the local cache; the least recently used entries go first "
                       "(default: %(default)s)")
    group.add_argument("--no-cache", action="store_true",
                       help="analyse every unit; read and write no cache")
    group.add_argument("--remote-cache", metavar="URL",
                       default=os.environ.get("LEAKTIDY_REMOTE_CACHE"),
                       help="a shared cache speaking Bazel's HTTP remote cache protocol "
                       "(bazel-remote, nginx WebDAV...; default: $LEAKTIDY_REMOTE_CACHE)")
    group.add_argument("--shard", metavar="K/N",
                       help="analyse only the K-th of N parts of the units (for CI matrices); "
                       "merge the reports with 'leak-tidy-run merge'")
    parser.add_argument("--no-progress", action="store_true", help="no progress output")
    parser.add_argument("--no-summary", action="store_true", help="no summary table")
    args = parser.parse_args(argv)
    if args.write_baseline and not args.baseline:
        parser.error("--write-baseline needs --baseline FILE")
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    if args.checks is None and not args.use_config_checks and not args.config_file:
        args.checks = DEFAULT_CHECKS
    try:
        args.cache_bytes = result_cache.parse_size(args.cache_size)
        args.shard_spec = parse_shard(args.shard) if args.shard else None
    except ValueError as error:
        parser.error(str(error))
    return args


def select_files(args, database_files):
    if not args.files:
        return list(database_files)
    wanted, chosen = {}, []
    for name in args.files:
        wanted[os.path.realpath(name)] = name
    for path in database_files:
        if path in wanted:
            chosen.append(path)
            del wanted[path]
    for path, name in sorted(wanted.items()):
        if os.path.splitext(path)[1].lower() in SOURCE_EXTENSIONS:
            note("%s is not in the compile database: skipped" % name)
    return chosen


def touched_by(units, changes, cache, top):
    """The units a change touches: their own file changed, or a file they
    include (as the cache last saw it, or as their #include lines say)."""
    scanner = IncludeScanner(top)
    chosen, through_headers = [], 0
    for unit in units:
        if unit.path in changes.files:
            chosen.append(unit)
            continue
        deps = cache.known_deps(unit.path, unit.commands) if cache else None
        if deps is None:
            deps = scanner.scan(unit.path, unit.commands[0])
        if any(path in changes.files for path in deps):
            chosen.append(unit)
            through_headers += 1
    return chosen, through_headers


def shard_parts(paths, total, cache, costs, top):
    """The split of PATHS into TOTAL shards, and whether costs balance it.

    Every shard must compute the same split. Costs change as shards finish,
    so the first shard to split a set of units into N keeps its split in the
    local cache, and every later shard of that set and N (from the same cache
    directory) takes it as it is; shards that restored the same cache
    snapshot in CI compute the same split from the same costs."""
    if not cache:
        return split_shards(paths, total)
    name = "shards-%s.json" % result_cache.sha_of(
        "shards", total, *sorted(result_cache.relocate(p, top) for p in paths))
    kept = cache.local.read_json(name)
    if isinstance(kept, dict) and isinstance(kept.get("parts"), list) and \
            len(kept["parts"]) == total:
        parts = [[result_cache.restore(p, top) for p in part] for part in kept["parts"]]
        if sorted(p for part in parts for p in part) == sorted(paths):
            return parts, bool(kept.get("balanced"))
    parts, balanced = split_shards(paths, total, costs.of)
    cache.local.write_json(name, {"balanced": balanced, "parts": [
        [result_cache.relocate(p, top) for p in part] for part in parts]})
    return parts, balanced


def open_cache(args, leak_tidy, top):
    """(ResultCache or None, Costs or None, a description for the summary)."""
    if args.no_cache:
        return None, None, "off"
    directory = os.path.abspath(args.cache_dir or result_cache.default_directory())
    local = result_cache.LocalStore(directory, args.cache_bytes)
    remote = None
    if args.remote_cache:
        try:
            remote = result_cache.RemoteStore(args.remote_cache)
        except ValueError as error:
            raise UsageError(str(error))
    config_text = ""
    if args.config_file:
        try:
            with open(args.config_file, encoding="utf-8", errors="replace") as handle:
                config_text = handle.read()
        except OSError as error:
            raise UsageError("cannot read --config-file %s: %s" % (args.config_file, error))
    identity = result_cache.binary_identity(leak_tidy, local)
    cache = result_cache.ResultCache(local, remote, identity,
                                     result_cache.settings_hash(args, config_text), top)
    return cache, result_cache.Costs(local, top), directory


def main(argv=None):
    started = time.time()
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["merge"]:
            from .merge import main as merge_main
            return merge_main(argv[1:])
        args = parse_args(argv)
        top = os.path.realpath(args.root) if args.root else (
            repository_root(os.getcwd()) or os.path.realpath(os.getcwd()))
        return run(args, top, started)
    except UsageError as error:
        note("error: " + str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        note("interrupted")
        return EXIT_ERROR


def run(args, top, started):
    database = find_database(args.database, top)
    commands, database_files = load_commands(database)
    leak_tidy = find_leak_tidy(args.leak_tidy)
    cache, costs, cache_place = open_cache(args, leak_tidy, top)
    units = [Unit(path, commands[path]) for path in select_files(args, database_files)]
    extra = []

    shard_units, selected = None, len(units)
    if args.shard_spec:
        first, total = args.shard_spec
        parts, balanced = shard_parts([u.path for u in units], total, cache, costs, top)
        mine = set(parts[first - 1])
        shard_units = parts[first - 1]
        extra.append("shard %d/%d: %d of %d units (split %s)" % (
            first, total, len(mine), len(units),
            "by the last known cost" if balanced else "by path"))
        units = [u for u in units if u.path in mine]

    changes = line_filter = None
    if args.diff_base:
        changes = changes_since(top, args.diff_base)
        line_filter = json.dumps([{"name": display_path(path, top), "lines": lines}
                                  for path, lines in sorted(changes.lines.items())])
        units, through_headers = touched_by(units, changes, cache, top)
        extra.append("changed lines since %s only: %s changed, %s analysed (%d through an "
                     "included header)" % (args.diff_base, count(len(changes.files), "file"),
                                           count(len(units), "unit"), through_headers))

    sources = Sources()
    progress = Progress(len(units), sys.stderr, not args.no_progress, top)
    if not units and not args.no_progress:
        note("no file of the compile database changed since %s" % args.diff_base
             if changes is not None else "no file to analyse")

    runner = Runner(args, leak_tidy, database, sources, cache, costs, line_filter)
    results = runner.run_all(units, progress)

    # One diagnostic per place: a header's finding arrives once per file that includes it.
    unique = {}
    for result in results:
        for diag in result.diagnostics:
            unique.setdefault(diag.key(), diag)
    diagnostics = list(unique.values())
    if changes is not None:
        diagnostics = filter_by_lines(diagnostics, changes.lines)
    assign_fingerprints(diagnostics, top, sources)
    errors = [d for d in diagnostics if d.is_error]
    findings = [d for d in diagnostics if not d.is_error]

    if args.write_baseline:
        write_baseline(args.baseline, findings, top)
        extra.append("baseline: wrote %d findings to %s" % (len(findings), args.baseline))
    elif args.baseline:
        known = read_baseline(args.baseline)
        new = [d for d in findings if d.fingerprint not in known]
        extra.append("baseline: %d known findings hidden, %d new" % (len(findings) - len(new), len(new)))
        findings = new

    if args.fix and findings:
        applied, skipped, fixed_files = apply_fixes(findings, sources)
        extra.append("fix-its: applied %d in %d files%s" % (
            applied, len(fixed_files), ", %d skipped (overlapping edits)" % skipped if skipped else ""))

    if cache:
        evicted = cache.local.evict()
        costs.save()
        remote = ""
        if cache.remote:
            remote = "; remote %s: %d hits, %d stored%s" % (
                cache.remote.url, cache.remote.hits, cache.remote.puts,
                ", off after an error" if cache.remote.failed else "")
        extra.append("cache: %s, %d miss%s, %d stored%s (%s%s)" % (
            count(cache.hits, "hit"), cache.misses, "" if cache.misses == 1 else "es",
            cache.stored, ", %d old entries evicted" % evicted if evicted else "",
            cache_place, remote))

    tool_errors = [r for r in results if r.tool_error]
    for result in tool_errors:
        note("error: %s: %s" % (display_path(result.path, top), result.tool_error))
        lines = result.output.strip().splitlines()
        shown = [line for line in lines if re.search(r"\berror\b", line, re.I)][:10] or lines[-10:]
        if shown:
            print("\n".join(shown), file=sys.stderr)

    if args.format == "text":
        report = format_text(findings, errors, top)
    elif args.format == "sarif":
        enabled = list_checks(args, leak_tidy, database, units[0].path if units else None)
        properties = None
        if args.shard_spec:
            properties = {"leakTidy/shard": "%d/%d" % args.shard_spec,
                          "leakTidy/units": [display_path(p, top) for p in shard_units],
                          "leakTidy/unitsTotal": selected}
        report = format_sarif(findings, errors, enabled, top, sources, args.docs_url,
                              find_docs_dir(), tool_version(leak_tidy), properties)
    elif args.format == "gitlab":
        report = format_gitlab(findings, errors, top)
    elif args.format == "rdjson":
        report = format_rdjson(findings, errors, top, sources, args.docs_url, find_docs_dir())
    elif args.format == "html":
        report = format_html(findings, errors, top, sources, docs_links(args.docs_url),
                             title="leak-tidy: %s" % os.path.basename(top),
                             note="%s analysed" % count(len(results), "file"))
    else:
        report = format_yaml(findings, errors, units[0].path if len(units) == 1 else "")
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        sys.stdout.write(report)
        sys.stdout.flush()

    if not args.no_summary:
        sys.stderr.write(summary(findings, errors, results, time.time() - started, extra))
    if tool_errors or errors:
        return EXIT_ERROR
    if args.write_baseline:
        return EXIT_CLEAN
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def tool_version(leak_tidy):
    try:
        out = subprocess.run([leak_tidy, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, check=False)
    except OSError:
        return None
    match = re.search(r"version (\d+[\w.\-]*)", out.stdout)
    return match.group(1) if match else None

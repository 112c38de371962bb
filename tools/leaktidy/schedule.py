"""Running leak-tidy on the units: in parallel, from the cache when it can,
and split into shards."""
import concurrent.futures
import os
import subprocess
import tempfile
import threading
import time

from .cache import dependency_args, parse_depfile
from .common import clock, count, display_path
from .exportfixes import ExportError, diagnostics_from_export, read_export_file


class FileResult:
    def __init__(self, path):
        self.path = path
        self.diagnostics = []
        self.returncode = 0
        self.output = ""
        self.tool_error = ""   # set when leak-tidy itself failed (crash, bad flags...)
        self.seconds = 0.0
        self.cached = False


class Progress:
    """A progress bar on a terminal, one plain line per file otherwise."""

    def __init__(self, total, stream, enabled, root):
        self.total, self.stream, self.root = total, stream, root
        self.enabled = enabled
        self.bar = enabled and stream.isatty() and os.environ.get("TERM") != "dumb"
        self.done = self.findings = 0
        self.started = time.time()
        self.lock = threading.Lock()

    def update(self, result, findings):
        with self.lock:
            self.done += 1
            self.findings += findings
            if not self.enabled:
                return
            elapsed = time.time() - self.started
            if self.bar:
                eta = elapsed / self.done * (self.total - self.done)
                width = 24
                filled = int(width * self.done / max(self.total, 1))
                text = "\r[%s%s] %d/%d files  %s  ETA %s " % (
                    "#" * filled, "." * (width - filled), self.done, self.total,
                    count(self.findings, "finding"), clock(eta))
                self.stream.write(text)
                if self.done == self.total:
                    self.stream.write("\n")
            else:
                state = count(findings, "finding")
                if result.tool_error:
                    state = "tool error"
                elif any(d.is_error for d in result.diagnostics):
                    state = "compile errors"
                self.stream.write("[%d/%d] %s: %s (%.1f s)\n" % (
                    self.done, self.total, display_path(result.path, self.root), state,
                    result.seconds))
            self.stream.flush()


def tidy_command(args, leak_tidy, database, export, path, line_filter):
    argv = [leak_tidy, "-p", database, "--quiet", "--export-fixes=" + export]
    if args.checks:
        argv.append("--checks=" + args.checks)
    if args.config_file:
        argv.append("--config-file=" + args.config_file)
    if args.header_filter is not None:
        argv.append("--header-filter=" + args.header_filter)
    if line_filter is not None:
        argv.append("--line-filter=" + line_filter)
    for extra in args.extra_arg:
        argv.append("--extra-arg=" + extra)
    for extra in args.extra_arg_before:
        argv.append("--extra-arg-before=" + extra)
    argv.append(path)
    return argv


class Unit:
    """One file of the database and its compile commands."""

    def __init__(self, path, commands):
        self.path, self.commands = path, commands


class Runner:
    """Analyses units with leak-tidy; with a cache, looks each one up first
    and stores the clean results."""

    def __init__(self, args, leak_tidy, database, sources, cache=None, costs=None,
                 line_filter=None):
        self.args, self.leak_tidy, self.database = args, leak_tidy, database
        self.sources, self.cache, self.costs = sources, cache, costs
        # With a cache, results are stored whole and the lines are filtered
        # afterwards, so that one entry serves every diff.
        self.line_filter = None if cache else line_filter

    def run_all(self, units, progress):
        results = []
        with tempfile.TemporaryDirectory(prefix="leak-tidy-run-") as scratch:
            with concurrent.futures.ThreadPoolExecutor(max_workers=self.args.jobs) as pool:
                futures = [pool.submit(self.run_one, scratch, i, unit)
                           for i, unit in enumerate(units)]
                for future in concurrent.futures.as_completed(futures):
                    result = future.result()
                    results.append(result)
                    progress.update(result, sum(1 for d in result.diagnostics if not d.is_error))
        results.sort(key=lambda r: r.path)
        return results

    def run_one(self, scratch, index, unit):
        manifest_key = None
        if self.cache:
            started = time.time()
            manifest_key, entry = self.cache.lookup(unit.path, unit.commands)
            if entry is not None:
                result = FileResult(unit.path)
                result.cached = True
                try:
                    result.diagnostics = diagnostics_from_export(
                        self.cache.restore_document(entry), self.sources)
                    result.seconds = time.time() - started
                    if self.costs:
                        self.costs.record(unit.path, entry.get("seconds") or 0.0)
                    return result
                except (ExportError, ValueError, TypeError, AttributeError):
                    pass     # an unreadable entry is a miss
        return self._analyse(scratch, index, unit, manifest_key)

    def _analyse(self, scratch, index, unit, manifest_key):
        result = FileResult(unit.path)
        export = os.path.join(scratch, "%05d.yaml" % index)
        depfile = os.path.join(scratch, "%05d.d" % index)
        argv = tidy_command(self.args, self.leak_tidy, self.database, export, unit.path,
                            self.line_filter)
        if manifest_key:
            argv[-1:-1] = dependency_args(depfile)
        started = time.time()
        try:
            proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True, errors="replace", check=False)
        except OSError as error:
            result.tool_error = "cannot run %s: %s" % (self.leak_tidy, error)
            return result
        result.seconds = time.time() - started
        result.returncode, result.output = proc.returncode, proc.stdout
        if proc.returncode < 0:
            result.tool_error = "leak-tidy was killed by signal %d" % -proc.returncode
        if os.path.exists(export):
            try:
                result.diagnostics = read_export_file(export, self.sources)
            except (ExportError, ValueError, KeyError, TypeError, AttributeError) as error:
                result.tool_error = "cannot read leak-tidy's exported diagnostics: %s" % error
        elif not result.tool_error and proc.returncode != 0:
            # leak-tidy writes the export whenever it has a diagnostic; a failure
            # without one means it stopped before analysing (bad flag, no check
            # enabled, unreadable configuration...). When the export exists, the
            # diagnostics in it decide, whatever the exit code says.
            result.tool_error = "leak-tidy exited with code %d before analysing the file" % \
                proc.returncode
        if self.costs and not result.tool_error:
            self.costs.record(unit.path, result.seconds)
        clean = not result.tool_error and not any(d.is_error for d in result.diagnostics)
        if manifest_key and clean and os.path.exists(depfile):
            try:
                with open(depfile, encoding="utf-8", errors="surrogateescape") as handle:
                    deps = parse_depfile(handle.read(), unit.commands[0].directory)
            except OSError:
                deps = None
            if deps:
                deps = [d for d in deps if d != unit.path]
                self.cache.store(manifest_key, deps, result.diagnostics, result.seconds)
        return result


def parse_shard(text):
    """'K/N' -> (K, N), 1 <= K <= N."""
    try:
        first, total = (int(x) for x in text.split("/"))
    except ValueError:
        raise ValueError("--shard takes K/N, for example 2/4, not %r" % text)
    if total < 1 or not 1 <= first <= total:
        raise ValueError("--shard K/N needs 1 <= K <= N, not %r" % text)
    return first, total


def split_shards(paths, total, cost_of=None):
    """Splits PATHS into TOTAL lists. The split depends only on the paths and
    the known costs, so every shard computes the same one. Without costs the
    paths, sorted, are dealt in turn; with costs (unknown ones count as the
    median), the most expensive units go first, each to the least loaded
    shard (ties to the lowest shard)."""
    ordered = sorted(paths)
    known = {p: cost_of(p) for p in ordered} if cost_of else {}
    values = sorted(v for v in known.values() if v is not None)
    if not values:
        return [ordered[k::total] for k in range(total)], False
    median = values[len(values) // 2]
    costs = {p: (known[p] if known[p] is not None else median) for p in ordered}
    shards, loads = [[] for _ in range(total)], [0.0] * total
    for path in sorted(ordered, key=lambda p: (-costs[p], p)):
        target = min(range(total), key=lambda k: (loads[k], k))
        shards[target].append(path)
        loads[target] += costs[path]
    return [sorted(s) for s in shards], True


def list_checks(args, leak_tidy, database, sample):
    argv = [leak_tidy, "--list-checks", "-p", database]
    if args.checks:
        argv.append("--checks=" + args.checks)
    if args.config_file:
        argv.append("--config-file=" + args.config_file)
    if sample:
        argv.append(sample)
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             universal_newlines=True, check=False)
    except OSError:
        return []
    checks, started = [], False
    for line in out.stdout.splitlines():
        if line.strip() == "Enabled checks:":
            started = True
        elif started and line.strip():
            checks.append(line.strip())
    return checks


# ---------------------------------------------------------------------------
# Paths, fingerprints, filters.

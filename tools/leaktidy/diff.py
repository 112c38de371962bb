"""What changed since a git revision: lines for the report, files for the
choice of units."""
import os
import re
import subprocess

from .common import UsageError

_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote_git_path(text):
    """A path as git prints it: plain, or C-quoted with octal bytes."""
    if not (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        return text
    out, i, body = bytearray(), 0, text[1:-1]
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            octal = re.match(r"[0-7]{3}", body[i + 1:i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 4
                continue
            out.append(_ESCAPES.get(following, ord(following)))
            i += 2
            continue
        out += char.encode("utf-8")
        i += 1
    return out.decode("utf-8", "replace")


class Changes:
    """The changes since BASE: every changed file (added, modified or
    deleted) and the new-side line ranges of each."""

    def __init__(self, base, files, lines):
        self.base = base
        self.files = files      # set of absolute paths
        self.lines = lines      # {absolute path: [[first, last], ...]}


def changes_since(root, base):
    argv = ["git", "-C", root, "-c", "core.quotePath=false", "diff", "-U0", "--no-color",
            "--no-ext-diff", "--no-renames", base, "--"]
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True, errors="replace", check=False)
    except OSError as error:
        raise UsageError("cannot run git: %s" % error)
    if out.returncode != 0:
        raise UsageError("git diff against '%s' failed: %s" % (base, out.stderr.strip()))
    files, lines, current = set(), {}, None

    def path_of(name, prefix):
        # git ends a name that has a space with a tab
        name = unquote_git_path(name[:-1] if name.endswith("\t") else name)
        if name == "/dev/null":
            return None
        if name.startswith(prefix):
            name = name[len(prefix):]
        return os.path.realpath(os.path.join(root, name))

    for line in out.stdout.splitlines():
        if line.startswith("--- "):
            old = path_of(line[4:], "a/")
            if old:
                files.add(old)
            continue
        if line.startswith("+++ "):
            current = path_of(line[4:], "b/")
            if current:
                files.add(current)
            continue
        match = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        if match and current:
            first, count = int(match.group(1)), int(match.group(2) or 1)
            if count > 0:
                lines.setdefault(current, []).append([first, first + count - 1])
    return Changes(base, files, lines)


def filter_by_lines(diagnostics, changed):
    """Diagnostics on the changed lines; errors wherever they are."""
    kept = []
    for diag in diagnostics:
        if diag.is_error or any(first <= diag.line <= last
                                for first, last in changed.get(diag.path, [])):
            kept.append(diag)
    return kept


_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*(?:include|include_next|import)[ \t]*([<"])([^>"\n]+)[>"]',
                      re.M)


def _search_paths(command):
    """The quote and angle include directories of a compile command."""
    quote, angle = [], []
    args = command.arguments
    i = 0
    while i < len(args):
        arg = args[i]
        for flag, into in (("-iquote", quote), ("-I", angle), ("-isystem", angle),
                           ("-idirafter", angle)):
            if arg == flag and i + 1 < len(args):
                into.append(args[i + 1])
                i += 1
                break
            if arg.startswith(flag) and len(arg) > len(flag):
                into.append(arg[len(flag):])
                break
        i += 1
    def absolute(paths):
        return [os.path.normpath(os.path.join(command.directory, p)) for p in paths]
    return absolute(quote), absolute(angle)


class IncludeScanner:
    """The project files a unit includes, found by reading #include lines
    (every branch of every #if counts, so the answer can only be too large).
    Used when the cache does not know a unit's dependencies yet; files outside
    ROOT are not followed (a change there is no change of the project)."""

    def __init__(self, root):
        self.root = root.rstrip(os.sep) + os.sep
        self._includes = {}

    def _directives(self, path):
        if path not in self._includes:
            try:
                with open(path, "rb") as handle:
                    found = _INCLUDE.findall(handle.read())
            except OSError:
                found = []
            self._includes[path] = [(kind == b'"', name.decode("utf-8", "replace").strip())
                                    for kind, name in found]
        return self._includes[path]

    def scan(self, unit, command):
        quote, angle = _search_paths(command)
        seen, stack = {unit}, [unit]
        while stack:
            current = stack.pop()
            for quoted, name in self._directives(current):
                places = ([os.path.dirname(current)] + quote if quoted else []) + angle
                for place in places:
                    candidate = os.path.realpath(os.path.join(place, name))
                    if os.path.isfile(candidate):
                        if candidate.startswith(self.root) and candidate not in seen:
                            seen.add(candidate)
                            stack.append(candidate)
                        break
        seen.discard(unit)
        return seen

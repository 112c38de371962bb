"""The compile database, the leak-tidy binary and the repository."""
import glob
import json
import os
import re
import shlex
import shutil
import subprocess

from .common import DATABASE_DIRS, INVOKED, UsageError, normalize, note


MISSING_DATABASE = """no compile_commands.json was found.
looked in: {looked}

leak-tidy needs the compile command of every file. Make one with:
  CMake:  cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
          (then run leak-tidy-run again: it finds build/compile_commands.json)
  Make or any other build system, with Bear:
          bear -- make            (writes ./compile_commands.json)
  Meson:  meson setup build       (writes build/compile_commands.json)
or point at an existing database with: leak-tidy-run -p DIR"""


def repository_root(start):
    try:
        out = subprocess.run(["git", "-C", start, "rev-parse", "--show-toplevel"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             universal_newlines=True, check=False)
    except OSError:
        return None
    if out.returncode == 0 and out.stdout.strip():
        return os.path.realpath(out.stdout.strip())
    return None


def find_database(explicit, top):
    """Returns the directory holding compile_commands.json, or raises UsageError."""
    if explicit:
        candidate = explicit
        if os.path.basename(candidate) == "compile_commands.json":
            candidate = os.path.dirname(candidate) or "."
        if os.path.isfile(os.path.join(candidate, "compile_commands.json")):
            return os.path.realpath(candidate)
        raise UsageError(MISSING_DATABASE.format(looked=os.path.join(candidate, "compile_commands.json")))
    looked, found = [], []
    for pattern in DATABASE_DIRS:
        for directory in sorted(glob.glob(os.path.join(top, pattern))):
            for candidate in [directory] + sorted(glob.glob(os.path.join(directory, "*"))):
                path = os.path.join(candidate, "compile_commands.json")
                if os.path.isfile(path):
                    found.append(path)
        looked.append(os.path.join(top, pattern, "[*/]compile_commands.json"))
    top_db = os.path.join(top, "compile_commands.json")
    looked.append(top_db)
    if not found and os.path.isfile(top_db):
        found.append(top_db)
    if not found:
        raise UsageError(MISSING_DATABASE.format(looked="\n  ".join([""] + looked)))
    # The most recently written database is the one the user builds with.
    found.sort(key=lambda p: (-os.path.getmtime(p), p))
    if len(found) > 1:
        note("using %s (also found: %s; pick one with -p)" % (
            os.path.relpath(found[0], top), ", ".join(os.path.relpath(p, top) for p in found[1:])))
    return os.path.realpath(os.path.dirname(found[0]))


class CompileCommand:
    """One entry of compile_commands.json."""

    def __init__(self, file, directory, arguments):
        self.file, self.directory, self.arguments = file, directory, arguments


def _arguments(entry):
    if isinstance(entry.get("arguments"), list):
        return [str(a) for a in entry["arguments"]]
    try:
        return shlex.split(entry.get("command") or "")
    except ValueError:
        return [entry.get("command") or ""]


def load_commands(directory):
    """{source path: [CompileCommand, ...]} in database order, and the files
    in database order."""
    path = os.path.join(directory, "compile_commands.json")
    try:
        with open(path, encoding="utf-8") as handle:
            entries = json.load(handle)
    except (OSError, ValueError) as error:
        raise UsageError("cannot read %s: %s" % (path, error))
    if not isinstance(entries, list):
        raise UsageError("%s is not a JSON array of compile commands" % path)
    commands, files = {}, []
    for entry in entries:
        if not isinstance(entry, dict) or "file" not in entry:
            raise UsageError("%s: an entry has no 'file'" % path)
        workdir = normalize(entry.get("directory") or directory, directory)
        source = normalize(entry["file"], workdir)
        if source not in commands:
            commands[source] = []
            files.append(source)
        commands[source].append(CompileCommand(source, workdir, _arguments(entry)))
    return commands, files


def load_database(directory):
    return load_commands(directory)[1]


def find_leak_tidy(explicit):
    """leak-tidy: --leak-tidy, $LEAK_TIDY, next to this script, on PATH, or
    in the build trees of the source checkout this script belongs to."""
    if explicit:
        found = shutil.which(explicit) or (explicit if os.path.isfile(explicit) else None)
        if not found:
            raise UsageError("leak-tidy not found at '%s'" % explicit)
        return found
    if os.environ.get("LEAK_TIDY"):
        return find_leak_tidy(os.environ["LEAK_TIDY"])
    invoked = INVOKED
    names = ["leak-tidy"]
    suffix = re.search(r"-(\d+)$", os.path.basename(invoked))
    if suffix:
        names.insert(0, "leak-tidy-" + suffix.group(1))
    for directory in (os.path.dirname(invoked), os.path.dirname(os.path.realpath(invoked))):
        for name in names:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    checkout = os.path.dirname(os.path.dirname(os.path.realpath(invoked)))
    trees = glob.glob(os.path.join(checkout, "build", "llvm-*", "bin", "leak-tidy"))
    trees.sort(key=lambda p: [int(x) for x in re.findall(r"llvm-(\d+)", p)] or [0], reverse=True)
    if trees:
        return trees[0]
    raise UsageError("leak-tidy was not found: put it on PATH, set LEAK_TIDY, or pass --leak-tidy PATH")

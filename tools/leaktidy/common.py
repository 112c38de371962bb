"""Names, exit codes and small helpers shared by every module."""
import os
import sys

TOOL_NAME = "leak-tidy-run"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_CHECKS = "-*,leak-*"
SOURCE_EXTENSIONS = (".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".m", ".mm", ".cu")
DATABASE_DIRS = ("build", "out", "cmake-build-*", "_build")
FINGERPRINT_VERSION = "leakTidy/v1"

# The directory of the command the user ran (set by the launcher): leak-tidy
# and the docs are looked for next to it.
INVOKED = os.path.abspath(sys.argv[0])


class UsageError(Exception):
    """An error that ends the run with exit code 2 and one message."""


def note(message):
    print("%s: %s" % (TOOL_NAME, message), file=sys.stderr, flush=True)


def display_path(path, root):
    if path and root and (path == root or path.startswith(root.rstrip(os.sep) + os.sep)):
        return os.path.relpath(path, root)
    return path


def normalize(path, base):
    """An absolute, symlink-free path; relative paths are taken from BASE."""
    if not path:
        return ""
    if not os.path.isabs(path):
        path = os.path.join(base or os.getcwd(), path)
    return os.path.realpath(path)


def count(number, noun):
    return "%d %s%s" % (number, noun, "" if number == 1 else "s")


def clock(seconds):
    seconds = int(seconds + 0.5)
    return "%d:%02d" % (seconds // 60, seconds % 60)

"""What the unit tests of tools/leaktidy share: the package on sys.path, and a
test case with a scratch directory of its own."""
import os
import sys
import tempfile
import unittest

TOOLS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                      "..", "..", "..", "tools"))
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)


class ScratchCase(unittest.TestCase):
    """self.root: an empty directory (symbolic links resolved, as the
    package's paths are) that is removed after each test."""

    def setUp(self):
        scratch = tempfile.TemporaryDirectory()
        self.addCleanup(scratch.cleanup)
        self.root = os.path.realpath(scratch.name)

    def write_file(self, relative, data):
        """Writes DATA (bytes, or text as UTF-8) to RELATIVE under self.root,
        making its directories; returns the path."""
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        return path

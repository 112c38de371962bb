"""clang-tidy's --export-fixes documents: reading (PyYAML), writing, and the
diagnostics they carry."""
import json
import re
import threading

import yaml

from .common import normalize

try:
    _Loader = yaml.CBaseLoader
except AttributeError:          # PyYAML built without libyaml
    _Loader = yaml.BaseLoader


class ExportError(Exception):
    """An --export-fixes document that cannot be read."""


def load_export(text):
    """The parsed document. Every scalar stays a string (BaseLoader), so that a
    message or replacement text such as 'yes' or '1.0' is never converted."""
    try:
        document = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ExportError(str(error).replace("\n", " "))
    if document in (None, ""):
        return {}
    if not isinstance(document, dict):
        raise ExportError("not a mapping of MainSourceFile and Diagnostics")
    return document


def read_export_file(path, sources):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return diagnostics_from_export(load_export(handle.read()), sources)


def _yaml_string(value):
    # JSON's escapes are YAML's; YAML also wants DEL and the C1 controls escaped.
    return re.sub("[\x7f-\x9f]", lambda m: "\\x%02x" % ord(m.group()),
                  json.dumps(value, ensure_ascii=False))


def dump_export_fixes(diagnostics, main_file):
    """clang-tidy's --export-fixes format, readable by clang-apply-replacements."""
    out = ["---", "MainSourceFile:  %s" % _yaml_string(main_file), "Diagnostics:"]
    if not diagnostics:
        out[-1] += " []"

    def message(indent, text, path, offset, replacements):
        pad = " " * indent
        out.append(pad + "Message:         " + _yaml_string(text))
        out.append(pad + "FilePath:        " + _yaml_string(path))
        out.append(pad + "FileOffset:      %d" % offset)
        if not replacements:
            out.append(pad + "Replacements:    []")
            return
        out.append(pad + "Replacements:")
        for rep in replacements:
            out.append(pad + "  - FilePath:        " + _yaml_string(rep["path"]))
            out.append(pad + "    Offset:          %d" % rep["offset"])
            out.append(pad + "    Length:          %d" % rep["length"])
            out.append(pad + "    ReplacementText: " + _yaml_string(rep["text"]))

    for diag in diagnostics:
        out.append("  - DiagnosticName:  " + _yaml_string(diag.check))
        out.append("    DiagnosticMessage:")
        message(6, diag.message, diag.path, diag.offset, diag.replacements)
        if diag.notes:
            out.append("    Notes:")
            for item in diag.notes:
                out.append("      - Message:         " + _yaml_string(item.message))
                out.append("        FilePath:        " + _yaml_string(item.path))
                out.append("        FileOffset:      %d" % item.offset)
                out.append("        Replacements:    []")
        out.append("    Level:           " + diag.level)
        out.append("    BuildDirectory:  " + _yaml_string(diag.build_dir or ""))
    out.append("...")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Source files: offsets to lines and columns.
# ---------------------------------------------------------------------------

class Sources:
    """Reads each file once; converts byte offsets to 1-based line/column."""

    def __init__(self):
        self._cache = {}
        self._lock = threading.Lock()

    def _load(self, path):
        with self._lock:
            if path not in self._cache:
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                except OSError:
                    data = None
                starts = [0]
                if data is not None:
                    starts += [m.end() for m in re.finditer(b"\n", data)]
                self._cache[path] = (data, starts)
            return self._cache[path]

    def position(self, path, offset):
        """(line, byte column, character column), all 1-based."""
        data, starts = self._load(path)
        if data is None:
            return 1, 1, 1
        line = _bisect_right(starts, offset)
        start = starts[line - 1]
        prefix = data[start:offset]
        return line, len(prefix) + 1, len(prefix.decode("utf-8", "replace")) + 1

    def line_text(self, path, line):
        data, starts = self._load(path)
        if data is None or line < 1 or line > len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(data)
        return data[starts[line - 1]:end].decode("utf-8", "replace").rstrip("\r\n")

    def content(self, path):
        """The bytes of PATH, or None when it cannot be read."""
        return self._load(path)[0]

    def forget(self, path):
        with self._lock:
            self._cache.pop(path, None)


def _bisect_right(values, x):
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


# ---------------------------------------------------------------------------
# Diagnostics.
# ---------------------------------------------------------------------------

class Note:
    def __init__(self, message, path, offset):
        self.message, self.path, self.offset = message, path, offset
        self.line = self.column = self.char_column = 1


class Diagnostic:
    def __init__(self, check, level, message, path, offset, replacements, notes, build_dir):
        self.check = check
        self.level = level            # Warning, Error or Remark as clang-tidy exports it
        self.message = message
        self.path = path              # absolute, normalized; "" when the diagnostic has no location
        self.offset = offset
        self.replacements = replacements  # [{"path", "offset", "length", "text"}]
        self.notes = notes
        self.build_dir = build_dir
        self.line = self.column = self.char_column = 1
        self.fingerprint = ""

    @property
    def is_error(self):
        return self.level in ("Error", "Fatal") or self.check == "clang-tidy-config"

    def key(self):
        return (self.check, self.path, self.offset, self.message)

    def to_export(self, relocate=None):
        """This diagnostic as clang-tidy exports it (a dict for load_export's
        readers); RELOCATE maps each path (for example to a cache-neutral form)."""
        move = relocate or (lambda path: path)
        return {"DiagnosticName": self.check, "Level": self.level,
                "BuildDirectory": move(self.build_dir or ""),
                "DiagnosticMessage": {
                    "Message": self.message, "FilePath": move(self.path),
                    "FileOffset": str(self.offset),
                    "Replacements": [{"FilePath": move(r["path"]), "Offset": str(r["offset"]),
                                      "Length": str(r["length"]),
                                      "ReplacementText": r["text"]}
                                     for r in self.replacements]},
                "Notes": [{"Message": n.message, "FilePath": move(n.path),
                           "FileOffset": str(n.offset)} for n in self.notes]}


def diagnostics_from_export(document, sources):
    """Turns one parsed --export-fixes document into Diagnostic objects."""
    result = []
    diagnostics = (document or {}).get("Diagnostics") or []
    if not isinstance(diagnostics, list):
        raise ExportError("Diagnostics is not a list")
    for raw in diagnostics:
        if not isinstance(raw, dict):
            raise ExportError("a diagnostic is not a mapping")
        body = raw.get("DiagnosticMessage") or {}
        build_dir = raw.get("BuildDirectory") or ""
        path = normalize(body.get("FilePath") or "", build_dir)
        replacements = []
        for rep in body.get("Replacements") or []:
            replacements.append({"path": normalize(rep.get("FilePath") or "", build_dir),
                                 "offset": int(rep.get("Offset") or 0),
                                 "length": int(rep.get("Length") or 0),
                                 "text": rep.get("ReplacementText") or ""})
        notes = []
        for item in raw.get("Notes") or []:
            notes.append(Note(item.get("Message") or "",
                              normalize(item.get("FilePath") or "", build_dir),
                              int(item.get("FileOffset") or 0)))
        diag = Diagnostic(raw.get("DiagnosticName") or "", raw.get("Level") or "Warning",
                          body.get("Message") or "", path, int(body.get("FileOffset") or 0),
                          replacements, notes, build_dir)
        for located in [diag] + notes:
            if located.path:
                located.line, located.column, located.char_column = sources.position(
                    located.path, located.offset)
        result.append(diag)
    return result

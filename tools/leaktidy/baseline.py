"""Fingerprints of findings and baseline files."""
import hashlib
import json

from .common import FINGERPRINT_VERSION, TOOL_NAME, UsageError, display_path


def assign_fingerprints(diagnostics, root, sources):
    """A fingerprint per finding that survives unrelated line shifts: the check,
    the repository-relative path, the message and the text of the line (spaces
    collapsed), plus a counter among identical findings of one file."""
    counts = {}
    for diag in sorted(diagnostics, key=lambda d: (d.path, d.offset, d.check, d.message)):
        text = " ".join(sources.line_text(diag.path, diag.line).split()) if diag.path else ""
        base = "\0".join([diag.check, display_path(diag.path, root), diag.message, text])
        counts[base] = counts.get(base, 0) + 1
        digest = hashlib.sha256(("%s\0%d" % (base, counts[base])).encode("utf-8"))
        diag.fingerprint = digest.hexdigest()[:32]


def load_baseline(path):
    """The findings of a baseline file, as written: [{fingerprint, check, ...}]."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise UsageError("baseline %s does not exist: create it with --baseline %s --write-baseline"
                         % (path, path))
    except (OSError, ValueError) as error:
        raise UsageError("cannot read baseline %s: %s" % (path, error))
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError("%s is not a leak-tidy-run baseline" % path)
    return [item for item in data["findings"] if isinstance(item, dict)]


def read_baseline(path):
    return {item.get("fingerprint") for item in load_baseline(path)}


def baseline_items(findings, root):
    return [{"fingerprint": d.fingerprint, "check": d.check, "path": display_path(d.path, root),
             "line": d.line, "message": d.message} for d in findings]


def baseline_text(items):
    items = sorted(items, key=lambda i: (str(i.get("path")), i.get("line") or 0,
                                         str(i.get("check")), str(i.get("fingerprint"))))
    data = {"version": 1, "tool": TOOL_NAME, "fingerprint": FINGERPRINT_VERSION,
            "findings": items}
    return json.dumps(data, indent=2, sort_keys=False) + "\n"


def write_baseline(path, findings, root):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(baseline_text(baseline_items(findings, root)))

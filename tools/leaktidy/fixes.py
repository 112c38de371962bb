"""Applying the fix-its of findings to the files."""


def apply_fixes(findings, sources):
    """Applies every finding's replacements; a finding whose edits overlap an
    edit already accepted is skipped whole. Returns (applied, skipped, files)."""
    accepted = {}   # path -> [(offset, length, text)]
    applied = skipped = 0
    for diag in sorted(findings, key=lambda d: (d.path, d.offset)):
        edits = {(r["path"], r["offset"], r["length"], r["text"]) for r in diag.replacements}
        if not edits:
            continue
        clash = False
        for path, offset, length, text in edits:
            for other_offset, other_length, other_text in accepted.get(path, []):
                same = (offset, length, text) == (other_offset, other_length, other_text)
                overlap = offset < other_offset + other_length and other_offset < offset + length
                touch = offset == other_offset and (length == 0 or other_length == 0)
                if not same and (overlap or touch):
                    clash = True
        if clash:
            skipped += 1
            continue
        for path, offset, length, text in edits:
            if (offset, length, text) not in accepted.setdefault(path, []):
                accepted[path].append((offset, length, text))
        applied += 1
    for path, edits in accepted.items():
        with open(path, "rb") as handle:
            data = handle.read()
        for offset, length, text in sorted(edits, reverse=True):
            data = data[:offset] + text.encode("utf-8") + data[offset + length:]
        with open(path, "wb") as handle:
            handle.write(data)
        sources.forget(path)
    return applied, skipped, sorted(accepted)

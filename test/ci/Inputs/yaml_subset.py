#!/usr/bin/env python3
"""A YAML reader for the block-style subset that CI and hook files use
(standard library only: Debian's python3 has no YAML module).

Supported: block mappings and sequences, plain / single- / double-quoted
scalars (also over several lines), literal (|) and folded (>) block scalars
with chomping indicators, flow sequences and mappings ([a, b], {k: v}),
comments and document markers. Anchors, aliases, tags, complex keys and
multiple documents are reported as errors, as are duplicate keys, tabs in
indentation and lines that fit nowhere: a file this reader accepts has a
plain, unambiguous structure. Scalars stay strings (no type resolution),
except that `load` returns None for an empty value.

  python3 yaml_subset.py FILE    prints the parsed document as JSON
"""
import json
import re
import sys


class YamlError(Exception):
    def __init__(self, line, message):
        super().__init__("line %d: %s" % (line, message))
        self.line = line


_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
            "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _strip_comment(text):
    """Removes a trailing comment outside quotes."""
    quote, skip = None, False
    for i, char in enumerate(text):
        if skip:
            skip = False
        elif quote:
            if char == "\\" and quote == '"':
                skip = True
            elif char == quote and quote == "'" and text[i + 1:i + 2] == "'":
                skip = True
            elif char == quote:
                quote = None
        elif char in "'\"" and (i == 0 or text[i - 1] in " \t[{,:"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _unquote(text, number):
    if text[0] == "'":
        if not re.fullmatch(r"'(?:[^']|'')*'", text, re.S):
            raise YamlError(number, "unterminated single-quoted scalar")
        return _fold_quoted(text[1:-1]).replace("''", "'")
    if not re.fullmatch(r'"(?:[^"\\]|\\.)*"', text, re.S):
        raise YamlError(number, "unterminated double-quoted scalar")
    body, out, i = _fold_quoted(text[1:-1]), [], 0
    while i < len(body):
        if body[i] != "\\":
            out.append(body[i])
            i += 1
            continue
        code = body[i + 1]
        if code in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[code]
            out.append(chr(int(body[i + 2:i + 2 + width], 16)))
            i += 2 + width
        elif code in _ESCAPES:
            out.append(_ESCAPES[code])
            i += 2
        else:
            raise YamlError(number, "unknown escape '\\%s'" % code)
    return "".join(out)


def _fold_quoted(body):
    """Line folding inside a quoted scalar that spans lines."""
    if "\n" not in body:
        return body
    lines = [line.strip() for line in body.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        out += "\n" if not line else (line if out.endswith("\n") else " " + line)
    return out


class _Flow:
    """Parses a flow collection or scalar: [a, 'b', {c: d}]."""

    def __init__(self, text, number):
        self.text, self.pos, self.number = text, 0, number

    def error(self, message):
        raise YamlError(self.number, message + " in flow collection %r" % self.text)

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\n":
            self.pos += 1

    def node(self):
        self.skip()
        if self.pos >= len(self.text):
            self.error("unexpected end")
        char = self.text[self.pos]
        if char == "[":
            self.pos += 1
            items = []
            while True:
                self.skip()
                if self.text[self.pos:self.pos + 1] == "]":
                    self.pos += 1
                    return items
                items.append(self.node())
                self.skip()
                if self.text[self.pos:self.pos + 1] == ",":
                    self.pos += 1
                elif self.text[self.pos:self.pos + 1] != "]":
                    self.error("expected ',' or ']'")
        if char == "{":
            self.pos += 1
            mapping = {}
            while True:
                self.skip()
                if self.text[self.pos:self.pos + 1] == "}":
                    self.pos += 1
                    return mapping
                key = self.scalar(key=True)
                self.skip()
                if self.text[self.pos:self.pos + 1] != ":":
                    self.error("expected ':' after key %r" % key)
                self.pos += 1
                if key in mapping:
                    self.error("duplicate key %r" % key)
                self.skip()
                mapping[key] = None if self.text[self.pos:self.pos + 1] in (",", "}") else self.node()
                self.skip()
                if self.text[self.pos:self.pos + 1] == ",":
                    self.pos += 1
                elif self.text[self.pos:self.pos + 1] != "}":
                    self.error("expected ',' or '}'")
        return self.scalar()

    def scalar(self, key=False):
        self.skip()
        char = self.text[self.pos:self.pos + 1]
        if char in ("'", '"'):
            pattern = r"'(?:[^']|'')*'" if char == "'" else r'"(?:[^"\\]|\\.)*"'
            match = re.compile(pattern, re.S).match(self.text, self.pos)
            if not match:
                self.error("unterminated quoted scalar")
            self.pos = match.end()
            return _unquote(match.group(0), self.number)
        stops = ",]}:" if key else ",]}"
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in stops:
            if self.text[self.pos] == ":" and self.text[self.pos + 1:self.pos + 2] in (" ", ""):
                break
            self.pos += 1
        value = self.text[start:self.pos].strip()
        if not value and not key:
            self.error("empty entry")
        return value


def _parse_flow(text, number):
    parser = _Flow(text, number)
    value = parser.node()
    parser.skip()
    if parser.pos != len(text):
        parser.error("unexpected text after the collection")
    return value


_KEY = re.compile(r"""^(?P<key>'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"\-?:,\[\]{}#&*!|>%@`][^#]*?|-[^\s]"""
                  r"""[^#]*?)\s*:(?:[ \t]+(?P<value>.*))?$""")


class _Reader:
    def __init__(self, text):
        self.lines = []
        for number, raw in enumerate(text.splitlines(), 1):
            indent = len(raw) - len(raw.lstrip(" "))
            if raw[indent:indent + 1] == "\t":
                raise YamlError(number, "tab in indentation")
            self.lines.append((number, indent, raw))
        self.pos = 0
        self.documents = 0

    def significant(self):
        """Moves past blank lines, comments and document markers."""
        while self.pos < len(self.lines):
            number, _, raw = self.lines[self.pos]
            stripped = raw.strip()
            if stripped == "---" or stripped.startswith("--- "):
                self.documents += 1
                if self.documents > 1:
                    raise YamlError(number, "more than one document")
                self.pos += 1
                continue
            if stripped == "...":
                self.pos += 1
                continue
            if not stripped or stripped.startswith("#") or stripped.startswith("%"):
                self.pos += 1
                continue
            return self.lines[self.pos]
        return None

    def node(self, parent_indent):
        line = self.significant()
        if line is None or line[1] <= parent_indent:
            return None
        number, indent, raw = line
        content = raw[indent:]
        if content == "-" or content.startswith("- "):
            return self.sequence(indent)
        if _KEY.match(_strip_comment(content)) or content.startswith("? "):
            return self.mapping(indent)
        return self.plain_lines(parent_indent)

    def sequence(self, indent):
        items = []
        while True:
            line = self.significant()
            if line is None or line[1] < indent:
                return items
            number, this_indent, raw = line
            content = raw[this_indent:]
            if this_indent > indent:
                raise YamlError(number, "unexpected indentation in a sequence")
            if not (content == "-" or content.startswith("- ")):
                if this_indent == indent:
                    return items
                raise YamlError(number, "expected '- '")
            rest = content[1:].lstrip(" ")
            if not rest or rest.startswith("#"):
                self.pos += 1
                items.append(self.node(indent))
                continue
            column = this_indent + (len(content) - len(rest))
            if rest.startswith("- ") or _KEY.match(_strip_comment(rest)):
                # '- key: value': a mapping (or sequence) whose first line shares the dash.
                self.lines[self.pos] = (number, column, " " * column + rest)
                items.append(self.node(column - 1))
            else:
                self.lines[self.pos] = (number, column, " " * column + rest)
                items.append(self.value_after(rest, number, indent, column))

    def mapping(self, indent):
        mapping = {}
        while True:
            line = self.significant()
            if line is None or line[1] < indent:
                return mapping
            number, this_indent, raw = line
            if this_indent > indent:
                raise YamlError(number, "unexpected indentation in a mapping")
            content = raw[this_indent:]
            if content.startswith("- "):
                return mapping
            if content.startswith("? "):
                raise YamlError(number, "complex keys are not supported")
            match = _KEY.match(_strip_comment(content))
            if not match:
                raise YamlError(number, "expected 'key: value', got %r" % content)
            key_text = match.group("key").strip()
            key = _unquote(key_text, number) if key_text[0] in "'\"" else key_text
            if key in mapping:
                raise YamlError(number, "duplicate key %r" % key)
            value = match.group("value")
            if value is None or not _strip_comment(value):
                self.pos += 1
                following = self.significant()
                if following is not None and following[1] == indent and (
                        following[2][indent:].startswith("- ") or following[2][indent:] == "-"):
                    mapping[key] = self.sequence(indent)
                else:
                    mapping[key] = self.node(indent)
            else:
                column = len(raw) - len(value)
                mapping[key] = self.value_after(value, number, indent, column)

    def value_after(self, value, number, indent, column):
        """A value that starts on the current line, after 'key:' or '- '."""
        text = _strip_comment(value) if value[:1] not in ("'", '"') else value.rstrip()
        if text[:1] in ("&", "*", "!"):
            raise YamlError(number, "anchors, aliases and tags are not supported")
        if text[:1] in ("|", ">"):
            if not re.fullmatch(r"[|>][+-]?[1-9]?|[|>][1-9][+-]", _strip_comment(text)):
                raise YamlError(number, "bad block scalar header %r" % text)
            self.pos += 1
            return self.block_scalar(_strip_comment(text), indent)
        if text[:1] in ("[", "{"):
            collected, start = text, self.pos
            while True:
                try:
                    result = _parse_flow(collected, number)
                    self.pos += 1
                    return result
                except YamlError:
                    self.pos += 1
                    if self.pos >= len(self.lines) or self.lines[self.pos][1] <= indent:
                        self.pos = start
                        return _parse_flow(text, number)
                    collected += "\n" + _strip_comment(self.lines[self.pos][2].strip())
        if text[:1] in ("'", '"'):
            collected = text
            while True:
                try:
                    # The quoted scalar may be followed by a comment only.
                    match = re.compile(r"'(?:[^']|'')*'" if text[0] == "'" else
                                       r'"(?:[^"\\]|\\.)*"', re.S).match(collected)
                    if match and not _strip_comment(collected[match.end():]).strip():
                        self.pos += 1
                        return _unquote(match.group(0), number)
                    if match:
                        raise YamlError(number, "text after a quoted scalar")
                except YamlError:
                    raise
                self.pos += 1
                if self.pos >= len(self.lines):
                    raise YamlError(number, "unterminated quoted scalar")
                collected += "\n" + self.lines[self.pos][2]
        # A plain scalar, possibly continued on more indented lines.
        self.pos += 1
        parts = [text]
        while True:
            line = self.significant_raw()
            if line is None or line[1] <= indent:
                break
            content = line[2].strip()
            if _KEY.match(content) or content.startswith("- "):
                raise YamlError(line[0], "a plain scalar cannot be followed by %r" % content)
            parts.append(_strip_comment(content))
            self.pos += 1
        return " ".join(parts)

    def significant_raw(self):
        """The next non-blank, non-comment line, without skipping markers."""
        while self.pos < len(self.lines):
            stripped = self.lines[self.pos][2].strip()
            if stripped and not stripped.startswith("#"):
                return self.lines[self.pos]
            if stripped.startswith("#"):
                return None
            self.pos += 1
        return None

    def plain_lines(self, parent_indent):
        number, indent, raw = self.lines[self.pos]
        return self.value_after(raw[indent:], number, parent_indent, indent)

    def block_scalar(self, header, indent):
        chomp = "-" if "-" in header else "+" if "+" in header else ""
        explicit = re.search(r"[1-9]", header)
        lines = []
        content_indent = indent + int(explicit.group(0)) if explicit else None
        while self.pos < len(self.lines):
            number, this_indent, raw = self.lines[self.pos]
            if not raw.strip():
                lines.append("")
                self.pos += 1
                continue
            if content_indent is None:
                if this_indent <= indent:
                    break
                content_indent = this_indent
            if this_indent < content_indent:
                break
            lines.append(raw[content_indent:])
            self.pos += 1
        while lines and lines[-1] == "" and chomp != "+":
            lines.pop()
        if header[0] == "|":
            text = "\n".join(lines)
        else:
            text, previous = "", None
            for line in lines:
                if previous is None:
                    text = line
                elif line == "" or line.startswith(" ") or (previous or "").startswith(" "):
                    text += "\n" + line
                elif previous == "":
                    text += line
                else:
                    text += " " + line
                previous = line
        if chomp == "-" or not lines:
            return text
        return text + "\n"


def load(text):
    """Parses one YAML document of the supported subset."""
    reader = _Reader(text)
    if reader.significant() is None:
        return None
    first = reader.lines[reader.pos]
    document = reader.node(first[1] - 1)
    rest = reader.significant()
    if rest is not None:
        raise YamlError(rest[0], "unexpected %r" % rest[2].strip())
    return document


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        try:
            document = load(handle.read())
        except YamlError as error:
            print("%s: %s" % (sys.argv[1], error))
            return 1
    print(json.dumps(document, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

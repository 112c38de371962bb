#!/usr/bin/env python3
"""Drives a clangd over LSP and prints the diagnostics it publishes for a file.

Usage: lsp_diagnostics.py --clangd BIN [--code-actions] FILE [-- clangd args...]

Prints one line per diagnostic:
  <line>:<col>: <severity>: <message> [<code>] (source: <source>)
and, with --code-actions, one line per quick fix offered for each diagnostic
that names its check (leak-* and every other clang-tidy check):
  fix <line>:<col>: <title>: <new text...> [<code>]
Exits 2 when clangd does not answer in time.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import queue

SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class Connection:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(stream.read(length)))

    def send(self, payload):
        body = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate, timeout):
        while True:
            try:
                message = self.messages.get(timeout=timeout)
            except queue.Empty:
                return None
            if message is None:
                return None
            if predicate(message):
                return message

    def close(self):
        try:
            shutdown = self.request("shutdown", None)
            self.wait_for(lambda m: m.get("id") == shutdown, 10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--code-actions", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("file")
    parser.add_argument("clangd_args", nargs="*")
    args = parser.parse_args()

    path = os.path.abspath(args.file)
    uri = "file://" + path
    with open(path, encoding="utf-8") as source:
        text = source.read()

    conn = Connection([args.clangd, "--log=error", "--pch-storage=memory"] + args.clangd_args)
    init = conn.request("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + os.path.dirname(path),
        "capabilities": {"textDocument": {"publishDiagnostics": {"codeActionsInline": False},
                                          "codeAction": {"codeActionLiteralSupport": {
                                              "codeActionKind": {"valueSet": ["quickfix"]}}}}},
    })
    if conn.wait_for(lambda m: m.get("id") == init, args.timeout) is None:
        print("error: clangd did not answer 'initialize'", file=sys.stderr)
        conn.proc.kill()
        return 2
    conn.notify("initialized", {})
    conn.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    published = conn.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri, args.timeout)
    if published is None:
        print("error: clangd published no diagnostics", file=sys.stderr)
        conn.proc.kill()
        return 2

    diagnostics = published["params"]["diagnostics"]
    for diag in diagnostics:
        start = diag["range"]["start"]
        print("%d:%d: %s: %s [%s] (source: %s)" % (
            start["line"] + 1, start["character"] + 1, SEVERITY.get(diag.get("severity"), "?"),
            diag["message"].splitlines()[0], diag.get("code", ""), diag.get("source", "")))

    if args.code_actions:
        for diag in diagnostics:
            if not diag.get("code"):
                continue
            ask = conn.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": diag["range"],
                "context": {"diagnostics": [diag], "only": ["quickfix"]}})
            reply = conn.wait_for(lambda m: m.get("id") == ask, args.timeout)
            for action in (reply or {}).get("result") or []:
                edits = action.get("edit", {}).get("changes", {}).get(uri, [])
                for edit in edits:
                    start = edit["range"]["start"]
                    print("fix %d:%d: %s: %s [%s]" % (start["line"] + 1, start["character"] + 1,
                                                      action.get("title", ""),
                                                      edit["newText"].replace("\n", "\\n"),
                                                      diag["code"]))
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

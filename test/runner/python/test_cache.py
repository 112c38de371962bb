"""Unit tests of leaktidy.cache: dependency files, cache keys, the local
store, the result cache, costs, and the remote store's behaviour when the
server is down."""
import contextlib
import hashlib
import http.server
import io
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy import cache  # noqa: E402
from leaktidy.database import CompileCommand  # noqa: E402
from leaktidy.exportfixes import Diagnostic, Note, Sources, diagnostics_from_export  # noqa: E402


class ParseDepfileTest(unittest.TestCase):
    def test_continuations_escapes_and_relative_paths(self):
        text = ("deps: ../src/main.cpp \\\n"
                "  /usr/include/stdio.h inc/with\\ space.h \\\n"
                "  cost$$1.h /proj/src/hash\\#tag.h\n")
        self.assertEqual(cache.parse_depfile(text, "/proj/build"), [
            "/proj/src/main.cpp", "/usr/include/stdio.h", "/proj/build/inc/with space.h",
            "/proj/build/cost$1.h", "/proj/src/hash#tag.h"])

    def test_windows_line_ends(self):
        text = "deps: a.cpp \\\r\n b.h \\\r\n c.h\r\n"
        self.assertEqual(cache.parse_depfile(text, "/p"), ["/p/a.cpp", "/p/b.h", "/p/c.h"])

    def test_duplicates_removed_in_order(self):
        text = "deps: b.h a.h ./b.h ../p/a.h \\\n  c.h b.h\n"
        self.assertEqual(cache.parse_depfile(text, "/p"), ["/p/b.h", "/p/a.h", "/p/c.h"])

    def test_target_without_space_and_empty(self):
        self.assertEqual(cache.parse_depfile("deps:x.h\n", "/p"), ["/p/x.h"])
        self.assertEqual(cache.parse_depfile("deps:\n", "/p"), [])
        self.assertEqual(cache.parse_depfile("", "/p"), [])

    def test_symlinks_resolve_before_dotdot(self):
        with tempfile.TemporaryDirectory() as scratch:
            base = os.path.realpath(scratch)
            os.makedirs(os.path.join(base, "usr", "lib", "gcc", "x86_64", "12"))
            os.makedirs(os.path.join(base, "usr", "include", "c++"))
            header = os.path.join(base, "usr", "include", "c++", "future")
            with open(header, "w") as handle:
                handle.write("// libstdc++\n")
            os.symlink("usr/lib", os.path.join(base, "lib"))
            text = "deps: %s/lib/gcc/x86_64/12/../../../../include/c++/future\n" % base
            self.assertEqual(cache.parse_depfile(text, "/"), [header])

    def test_dependency_args_name_the_file(self):
        self.assertEqual(cache.dependency_args("/tmp/x.d"), ["--extra-arg=-Wp,-MD,/tmp/x.d"])
        # A comma would split -Wp's argument: cc1's own options instead.
        args = cache.dependency_args("/tmp/a,b.d")
        self.assertIn("--extra-arg=-Xclang=/tmp/a,b.d", args)
        self.assertIn("--extra-arg=-Xclang=-dependency-file", args)
        self.assertIn("--extra-arg=-Xclang=-sys-header-deps", args)


class NormalizedCommandTest(unittest.TestCase):
    ROOT = "/home/dev/proj"

    def command(self, arguments, directory="/home/dev/proj/build"):
        return CompileCommand(self.ROOT + "/src/a.cpp", directory, arguments)

    def test_drops_outputs_and_relocates(self):
        args = ["/usr/lib/llvm-22/bin/clang++", "-I/home/dev/proj/include", "-I",
                "/home/dev/proj/gen", "-Iinclude", "-DNAME=1", "-D", "OTHER", "-std=c++20",
                "-o", "a.o", "-oa2.o", "-MF", "a.d", "-MFa2.d", "-MD", "-MMD", "-MP",
                "-MT", "a.o", "-MTa2.o", "-MQ", "q", "-c", "/home/dev/proj/src/a.cpp"]
        self.assertEqual(cache.normalized_command(self.command(args), self.ROOT), [
            "$ROOT/build", "clang++", "-I$ROOT/include", "-I", "$ROOT/gen", "-Iinclude",
            "-DNAME=1", "-D", "OTHER", "-std=c++20", "-c", "$ROOT/src/a.cpp"])

    def test_same_on_another_checkout(self):
        here = self.command(["/usr/bin/clang++", "-I/home/dev/proj/include", "-o",
                             "/home/dev/proj/build/a.o", "-c", "/home/dev/proj/src/a.cpp"])
        there = CompileCommand("/ci/work/proj/src/a.cpp", "/ci/work/proj/build",
                               ["/opt/clang/bin/clang++", "-I/ci/work/proj/include", "-o",
                                "/ci/work/proj/build/other.o", "-c",
                                "/ci/work/proj/src/a.cpp"])
        self.assertEqual(cache.normalized_command(here, self.ROOT),
                         cache.normalized_command(there, "/ci/work/proj"))

    def test_flags_that_matter_differ(self):
        base = ["clang++", "-c", "/home/dev/proj/src/a.cpp"]
        plain = cache.normalized_command(self.command(base), self.ROOT)
        for extra in (["-DDEBUG"], ["-I", "/home/dev/proj/other"], ["-std=c++17"], ["-O2"]):
            with self.subTest(extra=extra):
                self.assertNotEqual(cache.normalized_command(
                    self.command(base[:1] + extra + base[1:]), self.ROOT), plain)
        # Another compiler kind matters; its place does not.
        self.assertNotEqual(cache.normalized_command(self.command(["gcc"] + base[1:]),
                                                     self.ROOT), plain)
        self.assertEqual(cache.normalized_command(self.command(["/x/y/clang++"] + base[1:]),
                                                  self.ROOT), plain)

    def test_relocate_and_restore(self):
        root = self.ROOT
        self.assertEqual(cache.relocate(root, root), "$ROOT")
        self.assertEqual(cache.relocate(root + "/src/a.cpp", root), "$ROOT/src/a.cpp")
        self.assertEqual(cache.relocate("-I" + root + "/inc", root), "-I$ROOT/inc")
        self.assertEqual(cache.relocate("/usr/include/stdio.h", root), "/usr/include/stdio.h")
        self.assertEqual(cache.relocate("/x", "/"), "/x")
        # A sibling whose name starts with the root's is not the root.
        self.assertEqual(cache.relocate(root + "2/src/a.cpp", root), root + "2/src/a.cpp")
        self.assertEqual(cache.relocate("-DDIR=" + root + ";x", root), "-DDIR=$ROOT;x")
        for path in (root, root + "/src/a.cpp", root + "/deep/er/b.h", "/usr/include/c++/12/vector",
                     "/home/dev/project-build/gen.h", "relative/x.h"):
            with self.subTest(path=path):
                self.assertEqual(cache.restore(cache.relocate(path, root), root), path)
        moved = cache.restore(cache.relocate(root + "/src/a.cpp", root), "/ci/proj")
        self.assertEqual(moved, "/ci/proj/src/a.cpp")


class ParseSizeTest(unittest.TestCase):
    def test_sizes(self):
        self.assertEqual(cache.parse_size("2G"), 2 * 1024 ** 3)
        self.assertEqual(cache.parse_size("500M"), 500 * 1024 ** 2)
        self.assertEqual(cache.parse_size("1048576"), 1048576)
        self.assertEqual(cache.parse_size("64k"), 65536)
        self.assertEqual(cache.parse_size("1.5G"), 3 * 1024 ** 3 // 2)
        self.assertEqual(cache.parse_size("10MiB"), 10 * 1024 ** 2)
        self.assertEqual(cache.parse_size(" 3 g "), 3 * 1024 ** 3)

    def test_bad_sizes(self):
        for text in ("", "G", "abc", "-1", "2X", "1e3", "2 GB and more", None):
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    cache.parse_size(text)


class LocalStoreTest(support.ScratchCase):
    def key(self, number):
        return hashlib.sha256(b"%d" % number).hexdigest()

    def test_put_get(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 1 << 20)
        self.assertIsNone(store.get(self.key(1)))
        store.put(self.key(1), b"one")
        store.put(self.key(2), b"two")
        store.put(self.key(1), b"uno")
        self.assertEqual(store.get(self.key(1)), b"uno")
        self.assertEqual(store.get(self.key(2)), b"two")
        key = self.key(1)
        self.assertTrue(os.path.isfile(os.path.join(self.root, "c", "ac", key[:2], key)))
        self.assertEqual(store.written, 9)
        leftovers = [name for _, _, names in os.walk(self.root) for name in names
                     if name.startswith(".tmp-")]
        self.assertEqual(leftovers, [])

    def test_json_files(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 1 << 20)
        self.assertIsNone(store.read_json("costs.json"))
        store.write_json("costs.json", {"a": 1})
        self.assertEqual(store.read_json("costs.json"), {"a": 1})
        self.write_file("c/broken.json", "{not json")
        self.assertIsNone(store.read_json("broken.json"))

    def fill(self, store, count, size):
        """COUNT entries of SIZE bytes; entry i last used i*100 s after the first."""
        now = time.time() - 100000
        for number in range(count):
            store.put(self.key(number), b"x" * size)
            path = store._path(self.key(number))
            os.utime(path, (now + number * 100, now + number * 100))

    def present(self, store, count):
        return [n for n in range(count) if os.path.exists(store._path(self.key(n)))]

    def test_evict_least_recently_used_first(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 350)
        self.fill(store, 5, 100)
        # 500 bytes over a 350 byte cap: down to at most 315, oldest first.
        self.assertEqual(store.evict(), 2)
        self.assertEqual(self.present(store, 5), [2, 3, 4])
        self.assertEqual(store.evict(), 0)
        self.assertEqual(self.present(store, 5), [2, 3, 4])

    def test_a_hit_refreshes_an_entry(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 350)
        self.fill(store, 5, 100)
        self.assertEqual(store.get(self.key(0)), b"x" * 100)
        self.assertEqual(store.evict(), 2)
        self.assertEqual(self.present(store, 5), [0, 3, 4])

    def test_under_the_cap_nothing_goes(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 500)
        self.fill(store, 5, 100)
        self.assertEqual(store.evict(), 0)
        self.assertEqual(self.present(store, 5), [0, 1, 2, 3, 4])
        self.assertEqual(cache.LocalStore(os.path.join(self.root, "none"), 1).evict(), 0)

    def test_json_files_are_not_evicted(self):
        store = cache.LocalStore(os.path.join(self.root, "c"), 10)
        store.write_json("costs.json", {"x": 1.0})
        self.fill(store, 3, 100)
        self.assertEqual(store.evict(), 3)
        self.assertEqual(store.read_json("costs.json"), {"x": 1.0})


class Args:
    checks, use_config_checks, header_filter = "-*,leak-*", False, None
    extra_arg, extra_arg_before = [], []


class ResultCacheTest(support.ScratchCase):
    def make_project(self, name):
        root = os.path.join(self.root, name)
        files = {"src/main.cpp": '#include "api.h"\nint main() { return api(); }\n',
                 "include/api.h": "#pragma once\ninline int api() { return 0; }\n"}
        for relative, text in files.items():
            self.write_file(os.path.join(name, relative), text)
        unit = os.path.join(root, "src", "main.cpp")
        command = CompileCommand(unit, os.path.join(root, "build"),
                                 ["clang++", "-I" + os.path.join(root, "include"), "-o",
                                  "main.o", "-c", unit])
        return root, unit, command

    def open(self, root, local_dir="local", identity="id-1"):
        store = cache.LocalStore(os.path.join(self.root, local_dir), 1 << 20)
        return cache.ResultCache(store, None, identity, cache.settings_hash(Args(), ""), root)

    def finding(self, root, unit):
        header = os.path.join(root, "include", "api.h")
        return Diagnostic("leak-x", "Warning", "a finding", unit, 17,
                          [{"path": unit, "offset": 17, "length": 3, "text": "yes"}],
                          [Note("in the header", header, 13)], os.path.join(root, "build"))

    def test_miss_store_hit(self):
        root, unit, command = self.make_project("proj")
        header = os.path.join(root, "include", "api.h")
        results = self.open(root)
        key, entry = results.lookup(unit, [command])
        self.assertIsNone(entry)
        self.assertEqual((results.hits, results.misses), (0, 1))
        self.assertIsNone(results.known_deps(unit, [command]))
        results.store(key, [header], [self.finding(root, unit)], 1.25)
        self.assertEqual(results.stored, 1)

        again = self.open(root)
        key2, entry = again.lookup(unit, [command])
        self.assertEqual(key2, key)
        self.assertIsNotNone(entry)
        self.assertEqual((again.hits, again.misses), (1, 0))
        self.assertEqual(entry["deps"], [header])
        self.assertEqual(entry["seconds"], 1.25)
        self.assertEqual(again.known_deps(unit, [command]), [header])
        # Entries hold no absolute path of the project.
        for directory, _, names in os.walk(os.path.join(self.root, "local", "ac")):
            for name in names:
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    self.assertNotIn(root, handle.read())
        diag, = diagnostics_from_export(again.restore_document(entry), Sources())
        self.assertEqual((diag.check, diag.path, diag.offset, diag.message),
                         ("leak-x", unit, 17, "a finding"))
        self.assertEqual(diag.replacements, [{"path": unit, "offset": 17, "length": 3,
                                              "text": "yes"}])
        self.assertEqual((diag.notes[0].path, diag.notes[0].line), (header, 2))
        self.assertEqual(diag.build_dir, os.path.join(root, "build"))

    def test_a_changed_dependency_is_a_miss(self):
        root, unit, command = self.make_project("proj")
        header = os.path.join(root, "include", "api.h")
        results = self.open(root)
        key, _ = results.lookup(unit, [command])
        results.store(key, [header], [], 0.5)
        with open(header, "a") as handle:
            handle.write("int more();\n")
        changed = self.open(root)
        _, entry = changed.lookup(unit, [command])
        self.assertIsNone(entry)
        self.assertEqual(changed.misses, 1)
        # The manifest still names the header: a change there touches the unit.
        self.assertEqual(changed.known_deps(unit, [command]), [header])
        # Restoring the content restores the hit.
        with open(header, "w") as handle:
            handle.write("#pragma once\ninline int api() { return 0; }\n")
        _, entry = self.open(root).lookup(unit, [command])
        self.assertIsNotNone(entry)

    def test_store_hashes_the_files_as_they_are_now(self):
        root, unit, command = self.make_project("proj")
        header = os.path.join(root, "include", "api.h")
        results = self.open(root)
        key, _ = results.lookup(unit, [command])
        results.store(key, [header], [], 0.5)
        with open(header, "a") as handle:
            handle.write("int second();\n")
        during = self.open(root)
        key, entry = during.lookup(unit, [command])     # hashes the header as edited
        self.assertIsNone(entry)
        # Edited again while the unit is analysed: the entry is for what was analysed.
        with open(header, "a") as handle:
            handle.write("int third();\n")
        during.store(key, [header], [], 0.5)
        self.assertIsNotNone(self.open(root).lookup(unit, [command])[1])

    def test_what_changes_the_key(self):
        root, unit, command = self.make_project("proj")
        results = self.open(root)
        key, _ = results.lookup(unit, [command])
        results.store(key, [], [], 0.1)
        self.assertIsNotNone(self.open(root).lookup(unit, [command])[1])
        other_output = CompileCommand(unit, command.directory,
                                      command.arguments[:3] + ["elsewhere.o"] +
                                      command.arguments[4:])
        self.assertIsNotNone(self.open(root).lookup(unit, [other_output])[1])
        define = CompileCommand(unit, command.directory, command.arguments + ["-DX"])
        self.assertIsNone(self.open(root).lookup(unit, [define])[1])
        self.assertIsNone(self.open(root, identity="id-2").lookup(unit, [command])[1])
        self.write_file("proj/.clang-tidy", "Checks: '-*,leak-*'\n")
        self.assertIsNone(self.open(root).lookup(unit, [command])[1])
        os.remove(os.path.join(root, ".clang-tidy"))
        with open(unit, "a") as handle:
            handle.write("// edited\n")
        self.assertIsNone(self.open(root).lookup(unit, [command])[1])

    def test_entries_move_with_the_checkout(self):
        root, unit, command = self.make_project("proj")
        results = self.open(root)
        key, _ = results.lookup(unit, [command])
        results.store(key, [os.path.join(root, "include", "api.h")],
                      [self.finding(root, unit)], 2.0)
        other, other_unit, other_command = self.make_project("copy")
        moved = self.open(other)
        _, entry = moved.lookup(other_unit, [other_command])
        self.assertIsNotNone(entry)
        self.assertEqual(entry["deps"], [os.path.join(other, "include", "api.h")])
        diag, = diagnostics_from_export(moved.restore_document(entry), Sources())
        self.assertEqual(diag.path, other_unit)
        self.assertEqual(diag.notes[0].path, os.path.join(other, "include", "api.h"))

    def test_unreadable_entries_are_misses(self):
        root, unit, command = self.make_project("proj")
        results = self.open(root)
        key, _ = results.lookup(unit, [command])
        results.local.put(key, b"\xff not json")
        self.assertIsNone(self.open(root).lookup(unit, [command])[1])
        results.local.put(key, json.dumps({"deps": [], "version": "another"}).encode())
        self.assertIsNone(self.open(root).lookup(unit, [command])[1])


class CostsTest(support.ScratchCase):
    def test_save_and_reload(self):
        root = os.path.join(self.root, "proj")
        store = cache.LocalStore(os.path.join(self.root, "local"), 1 << 20)
        costs = cache.Costs(store, root)
        self.assertIsNone(costs.of(root + "/a.cpp"))
        costs.save()
        self.assertIsNone(store.read_json("costs.json"))
        costs.record(root + "/a.cpp", 2.5)
        costs.record(root + "/b.cpp", 0.0004)
        costs.save()
        self.assertEqual(store.read_json("costs.json"), {"$ROOT/a.cpp": 2.5, "$ROOT/b.cpp": 0.0})
        again = cache.Costs(store, root)
        self.assertEqual(again.of(root + "/a.cpp"), 2.5)
        self.assertEqual(again.of(root + "/b.cpp"), 0.0)
        self.assertIsNone(again.of(root + "/c.cpp"))
        # A second run keeps the costs it did not measure.
        again.record(root + "/c.cpp", 1.0)
        again.save()
        third = cache.Costs(store, "/elsewhere/proj")
        self.assertEqual(third.of("/elsewhere/proj/a.cpp"), 2.5)
        self.assertEqual(third.of("/elsewhere/proj/c.cpp"), 1.0)

    def test_bad_values_are_unknown(self):
        store = cache.LocalStore(os.path.join(self.root, "local"), 1 << 20)
        store.write_json("costs.json", {"$ROOT/a.cpp": "slow", "$ROOT/b.cpp": -1})
        costs = cache.Costs(store, "/p")
        self.assertIsNone(costs.of("/p/a.cpp"))
        self.assertIsNone(costs.of("/p/b.cpp"))
        store.write_json("costs.json", [1, 2])
        self.assertEqual(cache.Costs(store, "/p").known, {})


class BinaryIdentityTest(support.ScratchCase):
    def test_stable_and_remembered(self):
        binary = self.write_file("bin/leak-tidy", b"\x7fELF fake binary")
        store = cache.LocalStore(os.path.join(self.root, "local"), 1 << 20)
        first = cache.binary_identity(binary, store)
        self.assertEqual(first, hashlib.sha256(b"\x7fELF fake binary").hexdigest())
        self.assertEqual(cache.binary_identity(binary, store), first)
        known = store.read_json("identities.json")
        self.assertEqual(list(known.values()), [first])
        stamp, = known
        self.assertTrue(stamp.startswith(os.path.realpath(binary) + ":"))
        # The remembered value is used while the stamp (size, time) is the same.
        store.write_json("identities.json", {stamp: "remembered"})
        self.assertEqual(cache.binary_identity(binary, store), "remembered")
        # A rebuilt binary is hashed again and replaces its old stamp.
        with open(binary, "wb") as handle:
            handle.write(b"\x7fELF another build")
        second = cache.binary_identity(binary, store)
        self.assertEqual(second, hashlib.sha256(b"\x7fELF another build").hexdigest())
        self.assertEqual(list(store.read_json("identities.json").values()), [second])

    def test_without_a_store_and_missing(self):
        binary = self.write_file("bin/leak-tidy", b"content")
        self.assertEqual(cache.binary_identity(binary, None),
                         hashlib.sha256(b"content").hexdigest())
        missing = cache.binary_identity(os.path.join(self.root, "none"), None)
        self.assertEqual(missing, cache.binary_identity(os.path.join(self.root, "none"), None))
        self.assertNotEqual(missing, cache.binary_identity(binary, None))


class _Handler(http.server.BaseHTTPRequestHandler):
    """A Bazel-style cache in memory; server.status forces an answer."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.server.requests.append(("GET", self.path, self.headers.get("Authorization")))
        self.server.before_answer()
        if self.server.status:
            self._answer(self.server.status)
        elif self.path in self.server.entries:
            self._answer(200, self.server.entries[self.path])
        else:
            self._answer(404)

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(("PUT", self.path, self.headers.get("Authorization")))
        if self.server.status:
            self._answer(self.server.status)
        else:
            self.server.entries[self.path] = body
            self._answer(201)


def _close(store):
    """Closes the calling thread's connection of a RemoteStore."""
    conn = getattr(store._local, "conn", None)
    if conn is not None:
        conn.close()


class RemoteStoreTest(unittest.TestCase):
    KEY = "ab" * 32

    def remote(self, url):
        store = cache.RemoteStore(url, timeout=5)
        self.addCleanup(_close, store)
        return store

    def serve(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.entries, server.requests, server.status = {}, [], None
        server.before_answer = lambda: None
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        self.addCleanup(thread.join)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        return server

    def test_bad_urls(self):
        for url in ("ftp://host/x", "host:8080", "http://", "file:///tmp/x"):
            with self.subTest(url=url):
                with self.assertRaises(ValueError):
                    cache.RemoteStore(url)

    def test_get_and_put(self):
        server = self.serve()
        port = server.server_address[1]
        store = self.remote("http://user:p%%40ss@127.0.0.1:%d/cache/" % port)
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.assertIsNone(store.get(self.KEY))
            store.put(self.KEY, b"entry")
            self.assertEqual(store.get(self.KEY), b"entry")
        self.assertEqual(stderr.getvalue(), "")
        self.assertIsNone(store.failed)
        self.assertEqual((store.hits, store.puts), (1, 1))
        self.assertEqual(server.entries, {"/cache/ac/" + self.KEY: b"entry"})
        self.assertEqual([(m, p) for m, p, _ in server.requests],
                         [("GET", "/cache/ac/" + self.KEY), ("PUT", "/cache/ac/" + self.KEY),
                          ("GET", "/cache/ac/" + self.KEY)])
        import base64
        self.assertEqual(server.requests[0][2],
                         "Basic " + base64.b64encode(b"user:p@ss").decode())

    def test_a_server_error_turns_it_off(self):
        server = self.serve()
        server.status = 503
        store = self.remote("http://127.0.0.1:%d" % server.server_address[1])
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.assertIsNone(store.get(self.KEY))
            server.status = None
            store.put(self.KEY, b"entry")
            self.assertIsNone(store.get(self.KEY))
        self.assertEqual(len(server.requests), 1)
        self.assertEqual(stderr.getvalue().count("the remote cache is not answering"), 1)
        self.assertIn("503", store.failed)

    def test_one_warning_when_several_threads_fail(self):
        server = self.serve()
        server.status = 500
        barrier = threading.Barrier(4, timeout=10)
        server.before_answer = barrier.wait      # every request is in flight before one fails
        store = cache.RemoteStore("http://127.0.0.1:%d" % server.server_address[1], timeout=15)
        stderr = io.StringIO()

        def lookup():
            self.assertIsNone(store.get(self.KEY))
            _close(store)
        with contextlib.redirect_stderr(stderr):
            threads = [threading.Thread(target=lookup) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(len(server.requests), 4)
        self.assertEqual(len(stderr.getvalue().splitlines()), 1, stderr.getvalue())

    def test_bad_port_is_refused_at_once(self):
        for url in ("http://127.0.0.1:99999/cache", "http://127.0.0.1:port/cache"):
            with self.subTest(url=url):
                with self.assertRaises(ValueError):
                    cache.RemoteStore(url)

    def test_a_refused_put_turns_it_off(self):
        server = self.serve()
        server.status = 405
        store = self.remote("http://127.0.0.1:%d" % server.server_address[1])
        with contextlib.redirect_stderr(io.StringIO()):
            store.put(self.KEY, b"entry")
        self.assertIn("PUT answered 405", store.failed)
        self.assertEqual(store.puts, 0)

    def test_nothing_listening(self):
        # A bound socket that does not listen: connections are refused.
        blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.addCleanup(blocker.close)
        blocker.bind(("127.0.0.1", 0))
        url = "http://127.0.0.1:%d/cache" % blocker.getsockname()[1]
        store = self.remote(url)
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.assertIsNone(store.get(self.KEY))
            self.assertTrue(store.failed)
            tries = []
            store._connection = lambda: tries.append(1)
            self.assertIsNone(store.get(self.KEY))
            store.put(self.KEY, b"entry")
            self.assertIsNone(store.get("cd" * 32))
        self.assertEqual(tries, [])
        lines = stderr.getvalue().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertRegex(lines[0], r"^leak-tidy-run: warning: the remote cache is not "
                                   r"answering \(GET http://127\.0\.0\.1:\d+/cache: .*\); "
                                   r"going on without it$")
        self.assertEqual((store.hits, store.puts), (0, 0))

    def test_result_cache_fills_the_local_store_from_the_remote(self):
        server = self.serve()
        scratch = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, scratch)
        root = os.path.realpath(scratch)
        unit = os.path.join(root, "a.cpp")
        with open(unit, "w") as handle:
            handle.write("int a;\n")
        command = CompileCommand(unit, root, ["clang++", "-c", unit])
        url = "http://127.0.0.1:%d/c" % server.server_address[1]

        def open_cache(local):
            return cache.ResultCache(cache.LocalStore(os.path.join(root, local), 1 << 20),
                                     self.remote(url), "id", "settings", root)
        first = open_cache("one")
        key, _ = first.lookup(unit, [command])
        first.store(key, [], [], 0.2)
        self.assertEqual(first.remote.puts, 2)
        second = open_cache("two")
        self.assertIsNotNone(second.lookup(unit, [command])[1])
        self.assertEqual(second.remote.hits, 2)
        third = cache.ResultCache(second.local, None, "id", "settings", root)
        self.assertIsNotNone(third.lookup(unit, [command])[1])


if __name__ == "__main__":
    unittest.main()

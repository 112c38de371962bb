"""The result cache.

A unit's result (its diagnostics and fixes) is stored under a key made of:
  - leak-tidy's build identity (a hash of the binary),
  - the effective checks and options (--checks, --config-file, --header-filter,
    and every .clang-tidy file from the unit's directory up to /),
  - the normalized compile command (output and dependency-file flags dropped,
    the project root replaced by a placeholder),
  - the content of the unit and of every file it includes.

The included files are known only after the unit has been analysed once, so
lookups take two steps, as ccache's direct mode does: the first four parts
give a manifest key whose entry lists the files the unit included last time;
the hashes of those files, as they are now, complete the result key. A
changed header changes the result key: a miss, after which the new list of
files replaces the manifest.

The files a unit includes come from a dependency file that clang writes while
leak-tidy analyses it (-dependency-file, with system headers), so a miss costs
no extra compiler run.

Entries live in a local directory (least recently used evicted past a size
cap) and, optionally, on a server speaking the HTTP protocol of Bazel's remote
cache (GET and PUT of /ac/<sha256>): bazel-remote, nginx with WebDAV, or a
hosted cache. A server that is down or slow only costs misses.
"""
import hashlib
import http.client
import json
import os
import re
import shlex
import tempfile
import threading
import urllib.parse

from .common import note

ENTRY_VERSION = "leak-tidy-run cache 1"
ROOT_MARK = "$ROOT"
DEFAULT_MAX_BYTES = 2 << 30


def _remote_timeout():
    """Seconds a remote cache may take to answer: $LEAKTIDY_REMOTE_TIMEOUT, else 10."""
    try:
        value = float(os.environ.get("LEAKTIDY_REMOTE_TIMEOUT") or 10.0)
    except ValueError:
        return 10.0
    return value if value > 0 else 10.0


REMOTE_TIMEOUT = _remote_timeout()

# Compiler flags that name outputs or dependency files: they do not change
# what leak-tidy sees. The value follows as the next argument or is joined.
_OUTPUT_FLAGS_WITH_VALUE = ("-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics")
_OUTPUT_FLAGS = ("-MD", "-MMD", "-MP", "-MG", "-M", "-MM")


def default_directory():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "leak-tidy")


def parse_size(text):
    """'500M', '2G', '1048576' -> bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)i?[bB]?\s*", text or "")
    if not match:
        raise ValueError("not a size: %r (use e.g. 500M or 2G)" % text)
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    return int(float(match.group(1)) * scale[match.group(2).lower()])


def sha_of(*parts):
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogateescape")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


class FileHashes:
    """Content hashes of files, each file read once per run (thread-safe)."""

    def __init__(self):
        self._known = {}
        self._lock = threading.Lock()

    def of(self, path):
        with self._lock:
            if path in self._known:
                return self._known[path]
        try:
            with open(path, "rb") as handle:
                value = hashlib.sha256(handle.read()).hexdigest()
        except OSError:
            value = "missing"
        with self._lock:
            self._known[path] = value
        return value

    def forget(self, path):
        with self._lock:
            self._known.pop(path, None)


def parse_depfile(text, directory):
    """The prerequisites of a make-style dependency file, as absolute paths."""
    text = text.replace("\\\r\n", " ").replace("\\\n", " ")
    _, _, rest = text.partition(": ")
    if not rest:
        _, _, rest = text.partition(":")
    paths, word, i = [], "", 0
    while i < len(rest):
        char = rest[i]
        if char == "\\" and i + 1 < len(rest) and rest[i + 1] in " #\\":
            word += rest[i + 1]
            i += 2
            continue
        if char == "$" and rest[i + 1:i + 2] == "$":
            word += "$"
            i += 2
            continue
        if char.isspace():
            if word:
                paths.append(word)
            word = ""
        else:
            word += char
        i += 1
    if word:
        paths.append(word)
    seen, result = set(), []
    for path in paths:
        # realpath, not normpath: '..' after a symbolic link (libstdc++'s
        # .../gcc/x86_64-linux-gnu/12/../../../../include) must follow the link.
        absolute = os.path.realpath(os.path.join(directory, path))
        if absolute not in seen:
            seen.add(absolute)
            result.append(absolute)
    return result


def dependency_args(depfile):
    """leak-tidy arguments that make clang write the unit's dependencies,
    system headers included. Both spellings pass tooling's filter, which
    drops the -M family and their values from command lines."""
    if "," not in depfile:
        # -Wp,-MD,FILE: the driver turns it into the dependency file with
        # system headers; clang 14's driver does not know -Xclang=.
        return ["--extra-arg=-Wp,-MD," + depfile]
    return ["--extra-arg=-Xclang=-dependency-file", "--extra-arg=-Xclang=" + depfile,
            "--extra-arg=-Xclang=-MTdeps", "--extra-arg=-Xclang=-sys-header-deps"]


def normalized_command(command, root):
    """A compile command as it matters to the analysis, the same on every
    machine that checks the project out at a different place."""
    args, skip = [], False
    arguments = list(command.arguments)
    for index, arg in enumerate(arguments):
        if skip:
            skip = False
            continue
        if arg in _OUTPUT_FLAGS_WITH_VALUE:
            skip = True
            continue
        if arg in _OUTPUT_FLAGS or any(arg.startswith(flag) and len(arg) > len(flag)
                                       for flag in ("-o", "-MF", "-MT", "-MQ", "-MJ")):
            continue
        if index == 0:
            arg = os.path.basename(arg)   # the compiler's place does not matter, its kind does
        args.append(relocate(arg, root))
    return [relocate(command.directory, root)] + args


def relocate(text, root):
    """TEXT with the project root replaced by a placeholder, where the root is
    a whole path or the start of one (not /work/app in /work/app2)."""
    root = (root or "").rstrip(os.sep)
    if not root or root not in text:
        return text
    return re.sub(re.escape(root) + r"(?=/|$|[\s\"';:,])", lambda _: ROOT_MARK, text)


def restore(text, root):
    if text.startswith(ROOT_MARK):
        return root.rstrip(os.sep) + text[len(ROOT_MARK):]
    return text


class LocalStore:
    """Entries as files under DIRECTORY/ac/xx/<key>. A hit refreshes the file's
    time, so eviction removes the least recently used entries first."""

    def __init__(self, directory, max_bytes):
        self.directory, self.max_bytes = directory, max_bytes
        self.written = 0

    def _path(self, key):
        return os.path.join(self.directory, "ac", key[:2], key)

    def get(self, key):
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        try:
            os.utime(path)
        except OSError:
            pass
        return data

    def put(self, key, data):
        if self._write(self._path(key), data):
            self.written += len(data)

    def _write(self, path, data):
        """Writes DATA to PATH whole or not at all (readers never see half a file)."""
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
            return True
        except OSError as error:
            note("warning: cannot write the cache in %s: %s" % (self.directory, error))
            return False

    def read_json(self, name):
        try:
            with open(os.path.join(self.directory, name), encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return None

    def write_json(self, name, value):
        self._write(os.path.join(self.directory, name),
                    json.dumps(value, sort_keys=True).encode("utf-8"))

    def evict(self):
        """Removes the least recently used entries until the cache is at most
        90% of its cap, when it is over the cap. Returns the entries removed."""
        entries, total = [], 0
        root = os.path.join(self.directory, "ac")
        try:
            shards = os.listdir(root)
        except OSError:
            return 0
        for shard in shards:
            try:
                with os.scandir(os.path.join(root, shard)) as found:
                    for entry in found:
                        if entry.is_file():
                            info = entry.stat()
                            entries.append((info.st_mtime, info.st_size, entry.path))
                            total += info.st_size
            except OSError:
                continue
        if total <= self.max_bytes:
            return 0
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes * 0.9:
                break
            try:
                os.remove(path)
                total -= size
                removed += 1
            except OSError:
                pass
        return removed


class RemoteStore:
    """A cache server speaking the HTTP protocol of Bazel's remote cache:
    GET and PUT of URL/ac/<sha256>. The first failure (refused, timed out,
    a 5xx answer) turns the remote cache off for the rest of the run, with
    one warning: every later lookup is a miss, every store is skipped."""

    def __init__(self, url, timeout=REMOTE_TIMEOUT):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("--remote-cache needs an http:// or https:// URL, not %r" % url)
        try:
            parsed.port
        except ValueError as error:
            raise ValueError("--remote-cache: bad port in %r: %s" % (url, error))
        self.url, self.parsed, self.timeout = url, parsed, timeout
        self.failed = None
        self.hits = self.puts = 0
        self._lock = threading.Lock()
        self._local = threading.local()

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            kind = http.client.HTTPSConnection if self.parsed.scheme == "https" \
                else http.client.HTTPConnection
            conn = kind(self.parsed.hostname, self.parsed.port, timeout=self.timeout)
            self._local.conn = conn
        return conn

    def _headers(self):
        headers = {"User-Agent": "leak-tidy-run"}
        if self.parsed.username:
            import base64
            token = "%s:%s" % (urllib.parse.unquote(self.parsed.username),
                               urllib.parse.unquote(self.parsed.password or ""))
            headers["Authorization"] = "Basic " + base64.b64encode(token.encode()).decode()
        return headers

    def _request(self, method, key, body=None):
        if self.failed:
            return None, None
        path = self.parsed.path.rstrip("/") + "/ac/" + key
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=self._headers())
                response = conn.getresponse()
                data = response.read()
                return response.status, data
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                self._local.conn = None
                # A kept-alive connection the server closed: retry once.
                if attempt == 2 or isinstance(error, (ConnectionRefusedError, TimeoutError)) or \
                        "timed out" in str(error):
                    self._fail("%s %s: %s" % (method, self.url, error))
                    return None, None
        return None, None

    def _fail(self, reason):
        with self._lock:
            if not self.failed:
                self.failed = reason
                note("warning: the remote cache is not answering (%s); "
                     "going on without it" % reason)

    def get(self, key):
        status, data = self._request("GET", key)
        if status == 200:
            with self._lock:
                self.hits += 1
            return data
        if status is not None and status >= 500:
            self._fail("GET answered %d" % status)
        return None

    def put(self, key, data):
        status, _ = self._request("PUT", key, data)
        if status is not None and status not in (200, 201, 204):
            self._fail("PUT answered %d" % status)
        elif status is not None:
            with self._lock:
                self.puts += 1


class ResultCache:
    """Looks up and stores the results of units (see the module's docs)."""

    def __init__(self, local, remote, identity, settings, root):
        self.local, self.remote = local, remote
        self.identity = identity      # hash of leak-tidy
        self.settings = settings      # hash of the options that are the same for every unit
        self.root = root
        self.hashes = FileHashes()
        self._config = {}
        self._lock = threading.Lock()
        self.hits = self.misses = self.stored = 0

    # Entries --------------------------------------------------------------
    def _get(self, key):
        data = self.local.get(key) if self.local else None
        if data is None and self.remote:
            data = self.remote.get(key)
            if data is not None and self.local:
                self.local.put(key, data)
        if data is None:
            return None
        try:
            value = json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        return value if isinstance(value, dict) and value.get("version") == ENTRY_VERSION \
            else None

    def _put(self, key, value):
        value["version"] = ENTRY_VERSION
        data = json.dumps(value, sort_keys=True).encode("utf-8")
        if self.local:
            self.local.put(key, data)
        if self.remote:
            self.remote.put(key, data)

    # Keys -----------------------------------------------------------------
    def _config_files(self, directory):
        """Hash of every .clang-tidy from DIRECTORY up to /."""
        with self._lock:
            if directory in self._config:
                return self._config[directory]
        parent = os.path.dirname(directory)
        above = self._config_files(parent) if parent != directory else ""
        own = os.path.join(directory, ".clang-tidy")
        value = sha_of(above, self.hashes.of(own)) if os.path.isfile(own) else above
        with self._lock:
            self._config[directory] = value
        return value

    def manifest_key(self, unit, commands):
        return sha_of("manifest", ENTRY_VERSION, self.identity, self.settings,
                    self._config_files(os.path.dirname(unit)),
                    relocate(unit, self.root), self.hashes.of(unit),
                    json.dumps([normalized_command(c, self.root) for c in commands]))

    def _result_key(self, manifest_key, deps):
        parts = [manifest_key]
        for path in deps:
            parts += [relocate(path, self.root), self.hashes.of(path)]
        return sha_of("result", *parts)

    # Lookups and stores ---------------------------------------------------
    def lookup(self, unit, commands):
        """(manifest key, entry or None). The entry holds 'diagnostics' (export
        dicts with relocated paths), 'seconds' and 'deps'."""
        manifest_key = self.manifest_key(unit, commands)
        manifest = self._get(manifest_key)
        entry = None
        if manifest and isinstance(manifest.get("deps"), list):
            deps = [restore(p, self.root) for p in manifest["deps"]]
            entry = self._get(self._result_key(manifest_key, deps))
            if entry is not None:
                entry["deps"] = deps
        with self._lock:
            if entry is None:
                self.misses += 1
            else:
                self.hits += 1
        return manifest_key, entry

    def known_deps(self, unit, commands):
        """The files UNIT included when last analysed with the same content
        and command, or None: for choosing the units a change touches."""
        manifest = self._get(self.manifest_key(unit, commands))
        if manifest and isinstance(manifest.get("deps"), list):
            return [restore(p, self.root) for p in manifest["deps"]]
        return None

    def store(self, manifest_key, deps, diagnostics, seconds):
        for path in deps:
            self.hashes.forget(path)     # analysed as they are now
        moved = [relocate(p, self.root) for p in deps]
        self._put(self._result_key(manifest_key, deps), {
            "diagnostics": [d.to_export(lambda p: relocate(p, self.root)) for d in diagnostics],
            "seconds": round(seconds, 3)})
        self._put(manifest_key, {"deps": moved, "seconds": round(seconds, 3)})
        with self._lock:
            self.stored += 1

    def restore_document(self, entry):
        """An export-fixes document of a cached entry, with real paths."""
        def back(path):
            return restore(path, self.root)
        diagnostics = []
        for raw in entry.get("diagnostics") or []:
            body = dict(raw.get("DiagnosticMessage") or {})
            body["FilePath"] = back(body.get("FilePath") or "")
            body["Replacements"] = [dict(r, FilePath=back(r.get("FilePath") or ""))
                                    for r in body.get("Replacements") or []]
            diagnostics.append(dict(raw, DiagnosticMessage=body,
                                    BuildDirectory=back(raw.get("BuildDirectory") or ""),
                                    Notes=[dict(n, FilePath=back(n.get("FilePath") or ""))
                                           for n in raw.get("Notes") or []]))
        return {"Diagnostics": diagnostics}


def binary_identity(path, local):
    """A hash of the leak-tidy binary, remembered by path, size and time."""
    try:
        info = os.stat(path)
    except OSError:
        return sha_of("unknown", path)
    stamp = "%s:%d:%d" % (os.path.realpath(path), info.st_size, info.st_mtime_ns)
    known = (local.read_json("identities.json") if local else None) or {}
    if isinstance(known, dict) and isinstance(known.get(stamp), str):
        return known[stamp]
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    if local:
        known = {k: v for k, v in known.items() if not k.startswith(os.path.realpath(path) + ":")} \
            if isinstance(known, dict) else {}
        known[stamp] = value
        local.write_json("identities.json", known)
    return value


def settings_hash(args, config_text):
    """The options that are the same for every unit."""
    return sha_of("settings", args.checks or "", "config-checks" if args.use_config_checks else "",
                config_text or "", args.header_filter if args.header_filter is not None else "\0",
                shlex.join(args.extra_arg), shlex.join(args.extra_arg_before))


class Costs:
    """The last known analysis time of each unit, kept in the local cache
    directory: shards use it to balance their work."""

    NAME = "costs.json"

    def __init__(self, local, root):
        self.local, self.root = local, root
        known = (local.read_json(self.NAME) if local else None) or {}
        self.known = known if isinstance(known, dict) else {}
        self.updated = {}

    def of(self, unit):
        value = self.known.get(relocate(unit, self.root))
        return value if isinstance(value, (int, float)) and value >= 0 else None

    def record(self, unit, seconds):
        self.updated[relocate(unit, self.root)] = round(seconds, 3)

    def save(self):
        if self.local and self.updated:
            merged = dict(self.known)
            merged.update(self.updated)
            self.local.write_json(self.NAME, merged)

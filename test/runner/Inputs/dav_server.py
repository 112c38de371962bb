#!/usr/bin/env python3
"""Runs a command next to a cache server on a free localhost port, for the
remote cache tests.

  dav_server.py DIR [--slow SECONDS | --closed] -- COMMAND [ARG...]

By default nginx serves DIR/store over WebDAV (GET, PUT, DELETE), so that
http://127.0.0.1:PORT/cache/ac/KEY is the file DIR/store/cache/ac/KEY. Its
configuration, pid file, logs and temporary files are in DIR/nginx.
  --slow SECONDS  instead a Python server that waits SECONDS before it
                  answers anything (404 to a GET, 201 to a PUT)
  --closed        instead a port that is bound but not listening: every
                  connection is refused

Every '@PORT@' in the command's arguments becomes the port, which is also in
the environment as LEAKTIDY_TEST_PORT. The server is stopped when the command
ends, however it ends; the exit code is the command's (2 when the server did
not start). nginx is $NGINX, else nginx on PATH, else /usr/sbin/nginx.
"""
import argparse
import http.client
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

NGINX_CONF = """worker_processes 1;
daemon off;
pid {pid};
error_log {error_log} notice;
{user}
events {{
    worker_connections 64;
}}
http {{
    access_log {access_log};
    client_body_temp_path {body};
    proxy_temp_path {proxy};
    fastcgi_temp_path {fastcgi};
    uwsgi_temp_path {uwsgi};
    scgi_temp_path {scgi};
    client_max_body_size 64m;
    server {{
        listen 127.0.0.1:{port};
        location /cache/ {{
            root {store};
            dav_methods PUT DELETE;
            create_full_put_path on;
            dav_access user:rw group:rw all:r;
        }}
    }}
}}
"""


def fail(message):
    print("dav_server.py: error: %s" % message, file=sys.stderr, flush=True)
    sys.exit(2)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def quoted(path):
    """A path as an nginx configuration string."""
    return '"%s"' % path.replace("\\", "\\\\").replace('"', '\\"')


def answers(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/cache/")
        conn.getresponse().read()
        conn.close()
        return True
    except (OSError, http.client.HTTPException):
        return False


def find_nginx():
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    fail("nginx was not found (set NGINX, or install Debian's nginx-light)")


class Nginx:
    def __init__(self, directory):
        self.state = os.path.join(directory, "nginx")
        self.store = os.path.join(directory, "store")
        self.process = None
        self.port = None

    def start(self):
        nginx = find_nginx()
        os.makedirs(self.state, exist_ok=True)
        os.makedirs(self.store, exist_ok=True)
        log = os.path.join(self.state, "error.log")
        for _ in range(5):
            self.port = free_port()
            conf = os.path.join(self.state, "nginx.conf")
            with open(conf, "w") as handle:
                places = {name: quoted(os.path.join(self.state, file)) for name, file in (
                    ("pid", "nginx.pid"), ("error_log", "error.log"),
                    ("access_log", "access.log"), ("body", "body"), ("proxy", "proxy"),
                    ("fastcgi", "fastcgi"), ("uwsgi", "uwsgi"), ("scgi", "scgi"))}
                handle.write(NGINX_CONF.format(
                    store=quoted(self.store), port=self.port, **places,
                    # Workers run as `user` only when the master is root; as
                    # root they must be able to write the store.
                    user="user root;" if os.geteuid() == 0 else ""))
            start = os.path.getsize(log) if os.path.exists(log) else 0
            self.process = subprocess.Popen(
                [nginx, "-p", self.state + os.sep, "-c", conf, "-e", log],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.time() + 20
            while time.time() < deadline:
                if self.process.poll() is not None:
                    break
                if answers(self.port):
                    return
                time.sleep(0.05)
            stderr = self.process.stderr.read().decode("utf-8", "replace") \
                if self.process.poll() is not None else ""
            self.stop()
            try:
                with open(log, encoding="utf-8", errors="replace") as handle:
                    handle.seek(start)
                    stderr += handle.read()
            except OSError:
                pass
            if "Address already in use" not in stderr:
                fail("nginx did not start:\n" + stderr.strip())
        fail("nginx found no free port")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()        # fast shutdown, workers included
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()


class SlowHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self, status):
        time.sleep(self.server.delay)
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass            # the client gave up waiting

    def do_GET(self):
        self._answer(404)

    def do_PUT(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(201)


class SlowServer:
    def __init__(self, delay):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
        self.server.daemon_threads = True
        self.server.delay = delay
        self.port = self.server.server_address[1]
        self.thread = None

    def start(self):
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class ClosedPort:
    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]

    def start(self):
        pass

    def stop(self):
        self.socket.close()


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        fail("usage: dav_server.py DIR [--slow SECONDS | --closed] -- COMMAND [ARG...]")
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="dav_server.py")
    parser.add_argument("dir")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--slow", type=float, metavar="SECONDS")
    mode.add_argument("--closed", action="store_true")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        fail("no command to run")

    def stop_on_signal(number, _frame):
        raise SystemExit(128 + number)
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)

    if args.closed:
        server = ClosedPort()
    elif args.slow is not None:
        server = SlowServer(args.slow)
    else:
        server = Nginx(os.path.abspath(args.dir))
    try:
        server.start()
        port = str(server.port)
        env = dict(os.environ, LEAKTIDY_TEST_PORT=port)
        try:
            return subprocess.call([arg.replace("@PORT@", port) for arg in command], env=env)
        except OSError as error:
            fail("cannot run %s: %s" % (command[0], error))
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())

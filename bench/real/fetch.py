#!/usr/bin/env python3
"""Downloads the source packages of bench/real from Debian's source archive.

Every package of bench/real/sources.tsv is fetched at its pinned version with
'apt-get source PACKAGE=VERSION' into bench/real/src/PACKAGE/ (ignored by
git), unless it is already there. A package that cannot be fetched is an
error: the benchmark skips nothing silently.

Needs a deb-src entry for bookworm; as root, --add-deb-src writes one (the
same archive, suite and key as the binary packages) and runs apt-get update.
Generated code the labeled files include (protoc output for gRPC's examples)
is made here too, into bench/real/src/PACKAGE/generated/.

  bench/real/fetch.py [--add-deb-src]
Standard library only.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources.tsv")
SRC = os.path.join(HERE, "src")
DEB_SRC = "/etc/apt/sources.list.d/leaktidy-deb-src.sources"
DEB_SRC_TEXT = """Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""
# Generated headers: package -> [(proto directory under the top dir, proto file)].
PROTOS = {"grpc": [("examples/protos", "route_guide.proto")]}


def read_tsv(path):
    """The rows of a tab-separated file, without comments and blank lines."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def packages():
    """{package: version} of sources.tsv."""
    return {row[0]: row[1] for row in read_tsv(SOURCES)}


def top_dir(package):
    """The extracted source tree of a package, or None when it is not there."""
    trees = [d for d in glob.glob(os.path.join(SRC, package, "*")) if os.path.isdir(d)
             and os.path.basename(d) != "generated"]
    return trees[0] if len(trees) == 1 else None


def generated_dir(package):
    return os.path.join(SRC, package, "generated")


def has_deb_src():
    for path in ["/etc/apt/sources.list"] + glob.glob("/etc/apt/sources.list.d/*"):
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            continue
        if "deb-src" in text and "bookworm" in text:
            return True
    return False


def add_deb_src():
    if has_deb_src():
        return True
    if os.geteuid() != 0:
        print("error: no deb-src entry for bookworm; as root, run bench/real/fetch.py --add-deb-src",
              file=sys.stderr)
        return False
    with open(DEB_SRC, "w", encoding="utf-8") as handle:
        handle.write(DEB_SRC_TEXT)
    return subprocess.run(["apt-get", "update"], stdout=subprocess.DEVNULL).returncode == 0


def dsc_path(package, version):
    """The .dsc apt-get source leaves beside the tree (the epoch is not in its name)."""
    return os.path.join(SRC, package, "%s_%s.dsc" % (package, version.split(":")[-1]))


def fetch(package, version):
    target = os.path.join(SRC, package)
    if top_dir(package) and os.path.exists(dsc_path(package, version)):
        return True
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    print("== apt-get source %s=%s" % (package, version), flush=True)
    result = subprocess.run(["apt-get", "source", "-q", "--only-source", "%s=%s" % (package, version)],
                            cwd=target, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode != 0 or not top_dir(package):
        print(result.stdout[-2000:], file=sys.stderr)
        print("error: could not fetch the source of %s %s" % (package, version), file=sys.stderr)
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def generate(package):
    protos = PROTOS.get(package)
    if not protos:
        return True
    out = generated_dir(package)
    os.makedirs(out, exist_ok=True)
    plugin = shutil.which("grpc_cpp_plugin")
    if not shutil.which("protoc") or not plugin:
        print("error: protoc and grpc_cpp_plugin are needed (protobuf-compiler-grpc)", file=sys.stderr)
        return False
    for directory, proto in protos:
        include = os.path.join(top_dir(package), directory)
        argv = ["protoc", "-I", include, "--cpp_out", out, "--grpc_out", out,
                "--plugin=protoc-gen-grpc=" + plugin, os.path.join(include, proto)]
        if subprocess.run(argv).returncode != 0:
            print("error: protoc failed on %s" % proto, file=sys.stderr)
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add-deb-src", action="store_true",
                        help="write a deb-src entry for bookworm if there is none (root)")
    args = parser.parse_args()
    wanted = packages()
    if any(not top_dir(p) or not os.path.exists(dsc_path(p, v)) for p, v in wanted.items()):
        if args.add_deb_src and not add_deb_src():
            return 2
    ok = True
    for package, version in sorted(wanted.items()):
        ok = fetch(package, version) and generate(package) and ok
    print("bench/real: %d source packages in %s" % (len(wanted), os.path.relpath(SRC)))
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())

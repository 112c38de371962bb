# lit configuration of the LeakTidy suite.
#
# One build tree = one LLVM major. The parameter `mode` chooses how the checks
# run in test/checks and test/integration:
#   standalone (default)  the leak-tidy binary
#   plugin                the stock clang-tidy-N with --load=LeakTidyModule.so
# Tests in tool/, examples/, bench/, runner/, precommit/, ci/ and package/
# name the artifact they run and only run in the standalone pass.
import os
import shlex
import shutil

import lit.formats

if not hasattr(config, "llvm_major"):
    lit_config.fatal("run lit on a build tree, e.g. 'lit build/llvm-22/test', "
                     "or use tools/run-tests.py; the source tree has no site configuration")

mode = lit_config.params.get("mode", "standalone")
if mode not in ("standalone", "plugin"):
    lit_config.fatal("unknown mode '%s': use --param mode=standalone or mode=plugin" % mode)

config.name = "leak-tidy llvm-%s %s" % (config.llvm_major, mode)
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "README.md"]
if mode == "plugin":
    # These tests name the artifacts they run (plugin, leak-tidy, leak-clangd)
    # and so run once, in the standalone pass.
    config.excludes += ["tool", "examples", "bench", "runner", "precommit", "ci", "package"]
# Tests that check nothing specific to an LLVM major (they drive git,
# pre-commit, CMake and the CI files), the slow example service and the
# benchmark harnesses (bench/robustness.py and bench/fixits.py run every major
# in their documented full runs) run in one major's pass only:
# tools/run-tests.py gives every other major --param once=0. A plain lit run
# has them all.
# The plugin pass of such a major loads the same checks into the stock
# clang-tidy: test/checks shows that loading and options work, and the
# standalone pass of the major runs the real-header integration tests.
if lit_config.params.get("once", "1") == "0":
    config.excludes += ["examples", "bench", "precommit", "ci", "database.test",
                        "progress.test"]
    if mode == "plugin":
        config.excludes += ["integration"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.leaktidy_obj_root, "test", mode)

llvm_bin = config.llvm_bin_dir
config.environment["PATH"] = os.pathsep.join(
    [llvm_bin, config.leaktidy_bin_dir, config.environment.get("PATH", "/usr/bin:/bin")])
config.environment["HOME"] = config.environment.get("HOME", "/tmp")
# leak-tidy-run's result cache: one per build tree, never the user's.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "xdg-cache")
# Compares every parent lookup with clang's own map (lib/Parents.h).
for variable in ("LEAKTIDY_VERIFY_PARENTS", "LEAKTIDY_FORBID_PARENT_MAP"):
    if os.environ.get(variable):
        config.environment[variable] = os.environ[variable]
if config.leaktidy_sanitized:
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0"

def q(path):
    return shlex.quote(path)

stock_clang_tidy = os.path.join(llvm_bin, "clang-tidy")
leak_tidy = os.path.join(config.leaktidy_bin_dir, "leak-tidy")
plugin_runner = "%s --load=%s" % (q(stock_clang_tidy), q(config.leaktidy_plugin))
runner = q(leak_tidy) if mode == "standalone" else plugin_runner
clangxx = os.path.join(llvm_bin, "clang++")

check_script = os.path.join(config.test_source_root, "check_leak_tidy.py")
check_leak_tidy = "%s %s --clang-tidy %s %s --filecheck %s --clangxx %s" % (
    q(config.python_executable), q(check_script),
    q(leak_tidy if mode == "standalone" else stock_clang_tidy),
    "" if mode == "standalone" else "--load " + q(config.leaktidy_plugin),
    q(os.path.join(llvm_bin, "FileCheck")), q(clangxx))

# Longer names first: a substitution also matches the start of a longer one.
config.substitutions += [
    ("%leak_tidy_run", q(os.path.join(config.leaktidy_bin_dir, "leak-tidy-run"))),
    ("%check_leak_tidy", check_leak_tidy),
    ("%clang_tidy_plugin", plugin_runner),
    ("%clang_tidy", runner),
    ("%leak_tidy", q(leak_tidy)),
    ("%leak_clangd", q(os.path.join(config.leaktidy_bin_dir, "leak-clangd"))),
    ("%options_map", "%s %s" % (q(config.python_executable),
                                 q(os.path.join(config.test_source_root, "options_map.py")))),
    ("%lsp_diagnostics", "%s %s" % (q(config.python_executable),
                                     q(os.path.join(config.test_source_root, "lsp_diagnostics.py")))),
    ("%clang_apply_replacements", q(os.path.join(llvm_bin, "clang-apply-replacements"))),
    ("%clangxx", q(clangxx)),
    ("%python", q(config.python_executable)),
    ("%plugin", q(config.leaktidy_plugin)),
    ("%other_llvm_major", "15" if config.llvm_major != "15" else "14"),
    ("%llvm_major", config.llvm_major),
    ("%src_root", q(config.leaktidy_src_root)),
    ("%obj_root", q(config.leaktidy_obj_root)),
]

config.available_features.add("mode-" + mode)
config.available_features.add("llvm-" + config.llvm_major)
if not config.leaktidy_sanitized:
    # A sanitized plugin cannot be loaded into the stock clang-tidy.
    config.available_features.add("plugin")
if config.leaktidy_has_clangd:
    config.available_features.add("leak-clangd")
elif int(config.llvm_major) < 17:
    # clangd's main became a library in LLVM 17: no leak-clangd can exist for
    # older majors, so their clangd-* tests are left out rather than counted
    # as unsupported (which --require-all turns into failures).
    config.excludes += [name for name in os.listdir(os.path.join(os.path.dirname(__file__), "tool"))
                        if name.startswith("clangd-")]

# Tools the workflow tests drive for real (Debian packages clang-tools-N,
# pre-commit, dpkg-dev's dpkg-deb); --require-all counts their absence as a failure.
if os.path.exists(os.path.join(llvm_bin, "clang-apply-replacements")):
    config.available_features.add("clang-apply-replacements")
for tool in ("pre-commit", "dpkg-deb", "git"):
    if shutil.which(tool):
        config.available_features.add(tool)
# Bazel (Debian's bazel-bootstrap) runs the aspect of tools/bazel in test/bazel.
if shutil.which("bazel"):
    config.available_features.add("bazel")
# nginx with its WebDAV module (Debian's nginx-light) serves the remote cache
# of runner/remote-cache*.test.
if shutil.which("nginx") or os.access("/usr/sbin/nginx", os.X_OK):
    config.available_features.add("nginx")
# Debian's chromium opens the HTML report headless (runner/html.test).
if shutil.which("chromium"):
    config.available_features.add("chromium")

# Real library headers, from Debian's -dev packages. The suite's runner turns a
# test that is unsupported because of a missing package into a failure when it
# is asked for the full suite (tools/run-tests.py --require-all).
LIBRARY_HEADERS = {
    "asio": "/usr/include/asio.hpp",
    "boost-asio": "/usr/include/boost/asio.hpp",
    "boost-beast": "/usr/include/boost/beast.hpp",
    "boost-thread": "/usr/include/boost/thread/future.hpp",
    "pqxx": "/usr/include/pqxx/pqxx",
    "libpq": "/usr/include/postgresql/libpq-fe.h",
    "grpc": "/usr/include/grpcpp/grpcpp.h",
    "cpprest": "/usr/include/cpprest/http_client.h",
    "httplib": "/usr/include/httplib.h",
    "hiredis": "/usr/include/hiredis/hiredis.h",
    "sqlite3": "/usr/include/sqlite3.h",
    "curl": "/usr/include/x86_64-linux-gnu/curl/curl.h",
    "odbc": "/usr/include/sql.h",
    "ldap": "/usr/include/ldap.h",
    "mariadb": "/usr/include/mariadb/mysql.h",
    "mongoc": "/usr/include/libmongoc-1.0/mongoc/mongoc.h",
    "rdkafka": "/usr/include/librdkafka/rdkafka.h",
    "memcached": "/usr/include/libmemcached/memcached.h",
    "mysqlcppconn": "/usr/include/cppconn/driver.h",
    "sqlitecpp": "/usr/include/SQLiteCpp/SQLiteCpp.h",
    "soci": "/usr/include/soci/soci.h",
    "poco": "/usr/include/Poco/Net/HTTPRequestHandler.h",
}
LIBRARY_HEADERS["robustness-corpus"] = "/usr/share/doc/libasio-dev/examples"
for feature, header in LIBRARY_HEADERS.items():
    if os.path.exists(header):
        config.available_features.add(feature)

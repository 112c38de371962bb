#!/usr/bin/env bash
# LeakTidy set-up on Debian bookworm (as root, or with sudo).
#
#   tools/setup.sh demo      install what is missing, build leak-tidy for the newest
#                            supported LLVM and run leak-tidy-run on examples/order-service
#   tools/setup.sh test      install what is missing, build for every supported LLVM
#                            and run the whole test suite (ends with "N passed, N failed")
#   tools/setup.sh packages [demo|test]
#                            print the Debian packages the command needs
#
# Both commands are idempotent: the second run installs nothing and only
# rebuilds what changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUPPORTED_MAJORS=(14 15 16 19 22)
DEMO_MAJOR="${LEAKTIDY_LLVM_VERSION:-22}"

BASE_PACKAGES=(cmake ninja-build g++ make python3 python3-yaml git)
# What the workflow tests drive for real: pre-commit, and dpkg-shlibdeps for
# the .deb's dependencies.
TOOL_PACKAGES=(pre-commit dpkg-dev
               # The remote result cache test serves it with nginx (WebDAV).
               nginx-light
               # The Bazel aspect test runs Debian's Bazel offline.
               bazel-bootstrap
               # The HTML report test opens the report in a real browser.
               chromium
               # bench/real: headers its labeled files of Debian source packages
               # include, and protoc for the gRPC example they use.
               protobuf-compiler-grpc unixodbc-dev liblua5.3-dev libedit-dev
               libldap-dev libsasl2-dev libev-dev libevent-dev libssl-dev libc-ares-dev
               # Database and messaging clients the catalog's tests compile
               # against (their real headers).
               libmysqlcppconn-dev libmongoc-dev libsqlitecpp-dev libsoci-dev libpoco-dev
               librdkafka-dev libmemcached-dev)
# Real library headers the example service and the tests compile against.
LIBRARY_PACKAGES=(libasio-dev libboost-dev libpqxx-dev libpq-dev libgrpc++-dev libprotobuf-dev
                  libcpprest-dev libcpp-httplib-dev libhiredis-dev libsqlite3-dev
                  libcurl4-openssl-dev libmariadb-dev
                  # Example programs nobody here wrote: the robustness corpus.
                  libasio-doc libboost1.74-doc libpqxx-doc libwebsocketpp-doc libwebsocketpp-dev)

llvm_packages() {
  local major="$1"
  echo "clang-tidy-$major libclang-$major-dev llvm-$major-dev llvm-$major-tools clang-$major clang-tools-$major"
}

packages_for() {
  local what="$1" list=("${BASE_PACKAGES[@]}" "${LIBRARY_PACKAGES[@]}")
  if [[ "$what" == demo ]]; then
    # shellcheck disable=SC2207
    list+=($(llvm_packages "$DEMO_MAJOR"))
  else
    list+=("${TOOL_PACKAGES[@]}")
    for major in "${SUPPORTED_MAJORS[@]}"; do
      # shellcheck disable=SC2207
      list+=($(llvm_packages "$major"))
    done
  fi
  echo "${list[@]}"
}

ensure_packages() {
  local missing=()
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if (( ${#missing[@]} == 0 )); then
    return
  fi
  echo "== installing: ${missing[*]}"
  local sudo=()
  if (( EUID != 0 )); then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "error: missing packages and not root: apt-get install ${missing[*]}" >&2
      exit 2
    fi
  fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

demo() {
  # shellcheck disable=SC2046
  ensure_packages $(packages_for demo)
  python3 "$ROOT/tools/run-tests.py" --build-only --llvm "$DEMO_MAJOR"
  local example="$ROOT/examples/order-service" example_build="$ROOT/build/examples/order-service"
  cmake -S "$example" -B "$example_build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
  echo "== leak-tidy-run (LLVM $DEMO_MAJOR) on examples/order-service"
  local status=0
  (cd "$ROOT" && "$ROOT/build/llvm-$DEMO_MAJOR/bin/leak-tidy-run" -p "$example_build" --no-progress) || status=$?
  # 1 means findings, which the example service is there to show.
  if (( status > 1 )); then
    echo "error: leak-tidy-run failed (exit code $status)" >&2
    exit "$status"
  fi
  # The same findings as one page to open in a browser (from the result
  # cache: nothing is analysed again).
  local report="$ROOT/build/examples/order-service-leaks.html"
  status=0
  (cd "$ROOT" && "$ROOT/build/llvm-$DEMO_MAJOR/bin/leak-tidy-run" -p "$example_build" --no-progress \
     --no-summary --format html -o "$report") || status=$?
  if (( status > 1 )); then
    echo "error: leak-tidy-run --format html failed (exit code $status)" >&2
    exit "$status"
  fi
  echo "HTML report: $report"
}

test_all() {
  # shellcheck disable=SC2046
  ensure_packages $(packages_for test)
  # Code written by others: pinned Debian source packages (bench/real).
  python3 "$ROOT/bench/real/fetch.py" --add-deb-src
  exec python3 "$ROOT/tools/run-tests.py" --require-all
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  packages) packages_for "${2:-test}" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

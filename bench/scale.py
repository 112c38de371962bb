#!/usr/bin/env python3
"""Measures leak-tidy-run on a generated project of many translation units.

Generates (deterministically, from --seed) a C++ service project of --units
translation units that share about 35 project headers (models, a database
client wrapper, an HTTP handler base, executors, caches, utilities), writes
its compile_commands.json, makes it a git repository, and measures, in one
run and on the same machine, separate leak-tidy-run invocations:
  1. cold: an empty result cache (--cache-dir, a fresh directory);
  2. warm: the same again, nothing changed;
  3. one project header changed: a line appended to the header about 1% of
     the units include (those units must be analysed again);
  4. one .cpp changed;
  5. four shards (--shard K/4), one after the other, each with a cache that
     holds only the costs the cold run recorded (what a CI job restores), so
     that every unit of a shard is analysed: the time of each, and whether the union of their findings is the cold run's findings,
     none lost or doubled (compared by check, file, offset and message).
It also times what a cache keyed on preprocessed text would pay on every run:
preprocessing every unit with its compile command (-E, in parallel with the
same --jobs), next to the warm run's time.

A few units hold real leak shapes (a std::async future dropped, an endless
loop on a detached std::thread) so that there are findings to compare; the
rest is ordinary service code, with look-alikes (futures awaited, threads
joined).

Times are printed with their ratio to the cold run of the same invocation;
targets: warm <= 5% of cold; one header changed <= 3% of cold plus the units
that include it at the mean cost of a unit; slowest shard within 15% of the
fastest. Steps the runner does not support (no --cache-dir or --shard in its
--help) are skipped and say so.

  bench/scale.py                                  2000 units, LLVM 22
  bench/scale.py --units 200 --keep /tmp/scale    keep the generated project
  bench/scale.py --write docs/performance.md      replace its "Scale" section
  bench/scale.py --units 24 --jobs 2 --check      the test suite's smoke run

Exit status 0; with --check, 1 when the shards' findings differ from the
single run's or a unit could not be analysed. No time is ever asserted.
Standard library only.
"""
import argparse
import collections
import concurrent.futures
import datetime
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = ".leaktidy-scale-project"
AUDIT_HEADER = "common/audit.h"
SECTION_BEGIN, SECTION_END = "<!-- scale:begin -->", "<!-- scale:end -->"
SHARDS = 4
WARM_TARGET = 0.05          # warm run / cold run
CHANGED_SHARE = 0.03        # fixed share of cold allowed to an incremental run
SHARD_SPREAD = 1.15         # slowest shard / fastest shard


# ---------------------------------------------------------------------------
# The project headers.
# ---------------------------------------------------------------------------

# name, fields (type, name), the other model it refers to (or None)
MODELS = [
    ("User", [("Id", "id"), ("std::string", "email"), ("std::string", "name"),
              ("Timestamp", "created_at"), ("bool", "active")], None),
    ("Product", [("Id", "id"), ("std::string", "sku"), ("std::string", "title"),
                 ("Money", "price"), ("int", "stock")], None),
    ("Order", [("Id", "id"), ("Id", "user_id"), ("std::vector<Id>", "product_ids"),
               ("Money", "total"), ("int", "state")], "product"),
    ("Invoice", [("Id", "id"), ("Id", "order_id"), ("Money", "amount"),
                 ("Timestamp", "issued_at"), ("bool", "paid")], "order"),
    ("Session", [("Id", "id"), ("Id", "user_id"), ("std::string", "token"),
                 ("Timestamp", "expires_at"), ("bool", "active")], "user"),
    ("Inventory", [("Id", "id"), ("Id", "product_id"), ("int", "warehouse"),
                   ("int", "quantity"), ("Timestamp", "updated_at")], "product"),
    ("Payment", [("Id", "id"), ("Id", "invoice_id"), ("Money", "amount"),
                 ("std::string", "provider"), ("int", "state")], "invoice"),
    ("Shipment", [("Id", "id"), ("Id", "order_id"), ("std::string", "carrier"),
                  ("std::string", "tracking"), ("Timestamp", "shipped_at")], "order"),
    ("Review", [("Id", "id"), ("Id", "product_id"), ("Id", "user_id"),
                ("int", "rating"), ("std::string", "text")], None),
    ("Cart", [("Id", "id"), ("Id", "user_id"), ("std::vector<Id>", "product_ids"),
              ("Money", "total"), ("Timestamp", "updated_at")], "user"),
]

FIXED_HEADERS = {
    "common/types.h": """
#include <cstdint>
#include <string>
#include <vector>

namespace svc {
using Id = std::int64_t;
using Timestamp = std::int64_t;

struct Money {
  std::int64_t cents = 0;
  std::string currency = "EUR";
};

inline Money operator+(Money a, const Money &b) {
  a.cents += b.cents;
  return a;
}

inline bool operator<(const Money &a, const Money &b) { return a.cents < b.cents; }
}  // namespace svc
""",
    "common/status.h": """
#include <string>
#include <utility>

namespace svc {
enum class Code { Ok, NotFound, Invalid, Conflict, Unavailable, Internal };

struct Status {
  Code code = Code::Ok;
  std::string message;
  bool ok() const { return code == Code::Ok; }
  static Status error(Code c, std::string m) { return Status{c, std::move(m)}; }
};

template <typename T> struct Result {
  T value{};
  Status status;
  bool ok() const { return status.ok(); }
};
}  // namespace svc
""",
    "common/log.h": """
#include <string>

namespace svc::log {
enum class Level { Debug, Info, Warn, Error };
void write(Level level, const std::string &component, const std::string &message);
inline void info(const std::string &component, const std::string &message) {
  write(Level::Info, component, message);
}
inline void warn(const std::string &component, const std::string &message) {
  write(Level::Warn, component, message);
}
inline void error(const std::string &component, const std::string &message) {
  write(Level::Error, component, message);
}
}  // namespace svc::log
""",
    "common/config.h": """
#include <map>
#include <string>

namespace svc {
class Config {
public:
  explicit Config(std::map<std::string, std::string> values) : values_(std::move(values)) {}
  std::string get(const std::string &key, const std::string &fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }
  long get_int(const std::string &key, long fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : std::stol(it->second);
  }
  static const Config &global();

private:
  std::map<std::string, std::string> values_;
};
}  // namespace svc
""",
    "common/strings.h": """
#include <string>
#include <vector>

namespace svc::strings {
inline std::vector<std::string> split(const std::string &text, char sep) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == sep) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

inline std::string join(const std::vector<std::string> &parts, const std::string &sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += sep;
    out += parts[i];
  }
  return out;
}

inline std::string trim(const std::string &text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\\t'))
    ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\\t'))
    --end;
  return text.substr(begin, end - begin);
}
}  // namespace svc::strings
""",
    "common/clock.h": """
#include <chrono>
#include "common/types.h"

namespace svc::clock {
inline Timestamp now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
inline bool expired(Timestamp at, Timestamp ttl_ms) { return now_ms() - at > ttl_ms; }
}  // namespace svc::clock
""",
    "common/metrics.h": """
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace svc::metrics {
class Counter {
public:
  void add(long n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  long value() const { return value_.load(std::memory_order_relaxed); }

private:
  std::atomic<long> value_{0};
};

class Registry {
public:
  Counter &counter(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    return counters_[name];
  }
  static Registry &instance();

private:
  std::mutex mutex_;
  std::map<std::string, Counter> counters_;
};
}  // namespace svc::metrics
""",
    AUDIT_HEADER: """
#include <string>
#include "common/types.h"

namespace svc::audit {
struct Event {
  Id actor = 0;
  std::string action;
  std::string target;
  Timestamp at = 0;
};
void record(const Event &event);
inline void record(Id actor, const std::string &action, const std::string &target) {
  record(Event{actor, action, target, 0});
}
}  // namespace svc::audit
""",
    "db/row.h": """
#include <map>
#include <string>
#include <vector>

namespace svc::db {
struct Row {
  std::map<std::string, std::string> columns;
  std::string get(const std::string &name) const {
    auto it = columns.find(name);
    return it == columns.end() ? std::string() : it->second;
  }
  long long get_int(const std::string &name) const {
    auto text = get(name);
    return text.empty() ? 0 : std::stoll(text);
  }
};
using Rows = std::vector<Row>;
}  // namespace svc::db
""",
    "db/client.h": """
#include <memory>
#include <string>
#include <vector>
#include "common/status.h"
#include "db/row.h"

namespace svc::db {
class Client {
public:
  virtual ~Client() = default;
  virtual Rows query(const std::string &sql, const std::vector<std::string> &params) = 0;
  virtual Status execute(const std::string &sql, const std::vector<std::string> &params) = 0;
  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;
};

std::shared_ptr<Client> shared_client();

class Transaction {
public:
  explicit Transaction(Client &client) : client_(client) { client_.begin(); }
  ~Transaction() {
    if (!done_)
      client_.rollback();
  }
  Status commit() {
    done_ = true;
    return client_.commit();
  }

private:
  Client &client_;
  bool done_ = false;
};
}  // namespace svc::db
""",
    "db/pool.h": """
#include <memory>
#include <mutex>
#include <vector>
#include "db/client.h"

namespace svc::db {
class Pool {
public:
  explicit Pool(std::size_t size) : size_(size) {}
  std::shared_ptr<Client> acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.empty())
      return shared_client();
    auto client = idle_.back();
    idle_.pop_back();
    return client;
  }
  void release(std::shared_ptr<Client> client) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < size_)
      idle_.push_back(std::move(client));
  }

private:
  std::size_t size_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<Client>> idle_;
};
}  // namespace svc::db
""",
    "db/query.h": """
#include <string>
#include <vector>

namespace svc::db {
class Query {
public:
  explicit Query(std::string table) : table_(std::move(table)) {}
  Query &where(const std::string &condition) {
    conditions_.push_back(condition);
    return *this;
  }
  Query &limit(int n) {
    limit_ = n;
    return *this;
  }
  std::string sql() const {
    std::string out = "SELECT * FROM " + table_;
    for (std::size_t i = 0; i < conditions_.size(); ++i)
      out += (i ? " AND " : " WHERE ") + conditions_[i];
    if (limit_ > 0)
      out += " LIMIT " + std::to_string(limit_);
    return out;
  }

private:
  std::string table_;
  std::vector<std::string> conditions_;
  int limit_ = 0;
};
}  // namespace svc::db
""",
    "http/request.h": """
#include <map>
#include <string>

namespace svc::http {
struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;
  std::map<std::string, std::string> params;
  std::string body;
  std::string param(const std::string &name, const std::string &fallback = "") const {
    auto it = params.find(name);
    return it == params.end() ? fallback : it->second;
  }
  std::string header(const std::string &name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};
}  // namespace svc::http
""",
    "http/response.h": """
#include <map>
#include <string>

namespace svc::http {
struct Response {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  void json(int code, std::string text) {
    status = code;
    headers["Content-Type"] = "application/json";
    body = std::move(text);
  }
  void error(int code, const std::string &message) {
    json(code, "{\\"error\\":\\"" + message + "\\"}");
  }
};
}  // namespace svc::http
""",
    "http/handler.h": """
#include "common/status.h"
#include "http/request.h"
#include "http/response.h"

namespace svc::http {
class Handler {
public:
  virtual ~Handler() = default;
  virtual const char *route() const = 0;
  virtual void handle(const Request &request, Response &response) = 0;

protected:
  static int status_code(const Status &status) {
    switch (status.code) {
    case Code::Ok: return 200;
    case Code::NotFound: return 404;
    case Code::Invalid: return 400;
    case Code::Conflict: return 409;
    case Code::Unavailable: return 503;
    default: return 500;
    }
  }
};
}  // namespace svc::http
""",
    "http/router.h": """
#include <functional>
#include <map>
#include <memory>
#include <string>
#include "http/handler.h"

namespace svc::http {
class Router {
public:
  void add(std::unique_ptr<Handler> handler) {
    std::string route = handler->route();
    handlers_[route] = std::move(handler);
  }
  void add(const std::string &route, std::function<void(const Request &, Response &)> fn) {
    functions_[route] = std::move(fn);
  }
  bool dispatch(const Request &request, Response &response) {
    auto it = handlers_.find(request.path);
    if (it != handlers_.end()) {
      it->second->handle(request, response);
      return true;
    }
    auto fn = functions_.find(request.path);
    if (fn == functions_.end())
      return false;
    fn->second(request, response);
    return true;
  }

private:
  std::map<std::string, std::unique_ptr<Handler>> handlers_;
  std::map<std::string, std::function<void(const Request &, Response &)>> functions_;
};
}  // namespace svc::http
""",
    "http/middleware.h": """
#include <functional>
#include <vector>
#include "http/request.h"
#include "http/response.h"

namespace svc::http {
using Middleware = std::function<bool(const Request &, Response &)>;

class Chain {
public:
  Chain &use(Middleware middleware) {
    steps_.push_back(std::move(middleware));
    return *this;
  }
  bool run(const Request &request, Response &response) const {
    for (const auto &step : steps_)
      if (!step(request, response))
        return false;
    return true;
  }

private:
  std::vector<Middleware> steps_;
};
}  // namespace svc::http
""",
    "async/executor.h": """
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace svc::async {
class Executor {
public:
  explicit Executor(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i)
      workers_.emplace_back([this] { loop(); });
  }
  ~Executor() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto &worker : workers_)
      worker.join();
  }
  template <typename F> auto submit(F fn) -> std::future<decltype(fn())> {
    auto task = std::make_shared<std::packaged_task<decltype(fn())()>>(std::move(fn));
    auto result = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push([task] { (*task)(); });
    }
    ready_.notify_one();
    return result;
  }

private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_ && queue_.empty())
          return;
        job = std::move(queue_.front());
        queue_.pop();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};
}  // namespace svc::async
""",
    "async/worker.h": """
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace svc::async {
class Worker {
public:
  ~Worker() { stop(); }
  void start(std::function<void()> tick, std::chrono::milliseconds period) {
    running_ = true;
    thread_ = std::thread([this, tick, period] {
      while (running_) {
        tick();
        std::this_thread::sleep_for(period);
      }
    });
  }
  void stop() {
    running_ = false;
    if (thread_.joinable())
      thread_.join();
  }

private:
  std::atomic<bool> running_{false};
  std::thread thread_;
};
}  // namespace svc::async
""",
    "cache/lru.h": """
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

namespace svc::cache {
template <typename K, typename V> class Lru {
public:
  explicit Lru(std::size_t capacity) : capacity_(capacity) {}
  std::optional<V> get(const K &key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end())
      return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }
  void put(const K &key, V value) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    if (order_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
  }

private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::pair<K, V>> order_;
  std::unordered_map<K, typename std::list<std::pair<K, V>>::iterator> index_;
};
}  // namespace svc::cache
""",
    "util/json.h": """
#include <string>
#include <vector>

namespace svc::json {
inline std::string escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\\\')
      out += '\\\\';
    out += c;
  }
  return out;
}

class Writer {
public:
  Writer &field(const std::string &name, const std::string &value) {
    sep();
    out_ += "\\"" + escape(name) + "\\":\\"" + escape(value) + "\\"";
    return *this;
  }
  Writer &field(const std::string &name, long long value) {
    sep();
    out_ += "\\"" + escape(name) + "\\":" + std::to_string(value);
    return *this;
  }
  std::string str() const { return "{" + out_ + "}"; }

private:
  void sep() {
    if (!out_.empty())
      out_ += ",";
  }
  std::string out_;
};

inline std::string array(const std::vector<std::string> &items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? "," : "") + items[i];
  return out + "]";
}
}  // namespace svc::json
""",
    "util/retry.h": """
#include <chrono>
#include <thread>
#include "common/status.h"

namespace svc::retry {
template <typename F> Status with_backoff(int attempts, F fn) {
  Status last;
  auto delay = std::chrono::milliseconds(10);
  for (int i = 0; i < attempts; ++i) {
    last = fn();
    if (last.ok() || last.code != Code::Unavailable)
      return last;
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
  return last;
}
}  // namespace svc::retry
""",
    "util/validate.h": """
#include <string>
#include "common/status.h"
#include "common/strings.h"

namespace svc::validate {
inline Status email(const std::string &text) {
  auto parts = strings::split(strings::trim(text), '@');
  if (parts.size() != 2 || parts[0].empty() || parts[1].find('.') == std::string::npos)
    return Status::error(Code::Invalid, "bad e-mail address");
  return {};
}
inline Status positive(long long value, const char *what) {
  if (value <= 0)
    return Status::error(Code::Invalid, std::string(what) + " must be positive");
  return {};
}
}  // namespace svc::validate
""",
    "util/pagination.h": """
#include <string>
#include "http/request.h"

namespace svc {
struct Page {
  int offset = 0;
  int limit = 50;
};
inline Page page_of(const http::Request &request) {
  Page page;
  auto offset = request.param("offset", "0");
  auto limit = request.param("limit", "50");
  page.offset = std::stoi(offset);
  page.limit = std::stoi(limit);
  if (page.limit > 200)
    page.limit = 200;
  return page;
}
}  // namespace svc
""",
}


def snake(name):
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def model_header(name, fields, refers):
    lines = ["#include <string>", "#include <vector>", '#include "common/types.h"']
    if refers:
        lines.append('#include "models/%s.h"' % refers)
    lines += ["", "namespace svc::models {", "struct %s {" % name]
    for ftype, fname in fields:
        default = {"Id": " = 0", "Timestamp": " = 0", "int": " = 0", "bool": " = false"}.get(ftype, "")
        lines.append("  %s %s%s;" % (ftype, fname, default))
    lines += ["};", ""]
    lines.append("inline bool valid(const %s &value) { return value.id > 0; }" % name)
    describe = " + \", \" + ".join(
        '"%s=" + %s' % (fname, "value." + fname if ftype == "std::string" else
                        "std::to_string(value.%s)" % fname)
        for ftype, fname in fields if ftype in ("std::string", "Id", "int", "Timestamp"))
    lines.append("inline std::string describe(const %s &value) { return %s; }" % (name, describe))
    lines.append("std::vector<%s> load_%ss(const std::vector<Id> &ids);" % (name, snake(name)))
    lines += ["}  // namespace svc::models", ""]
    return "\n".join(lines)


def all_headers():
    """Path under include/ -> text."""
    headers = {}
    for path, text in FIXED_HEADERS.items():
        headers[path] = text.lstrip("\n")
    for name, fields, refers in MODELS:
        headers["models/%s.h" % snake(name)] = model_header(name, fields, refers)
    return {path: "#pragma once\n" + text for path, text in sorted(headers.items())}


# ---------------------------------------------------------------------------
# The translation units.
# ---------------------------------------------------------------------------

def model_of(header):
    for name, fields, _ in MODELS:
        if header == "models/%s.h" % snake(name):
            return name, fields
    return None


def model_snippet(rng, uid, header):
    name, fields = model_of(header)
    var = snake(name)
    int_fields = [f for t, f in fields if t in ("int", "Timestamp", "Id") and f != "id"]
    key = rng.choice(int_fields)
    threshold = rng.randint(1, 500)
    func = "select_%s_%s" % (var, uid)
    code = """
std::vector<models::{name}> {func}(const std::vector<models::{name}> &all, long long floor) {{
  std::vector<models::{name}> kept;
  std::copy_if(all.begin(), all.end(), std::back_inserter(kept), [floor](const models::{name} &item) {{
    return models::valid(item) && item.{key} >= floor;
  }});
  std::sort(kept.begin(), kept.end(), [](const models::{name} &a, const models::{name} &b) {{
    return a.{key} < b.{key};
  }});
  std::map<long long, int> histogram;
  for (const auto &item : kept)
    ++histogram[item.{key} / {bucket}];
  if (histogram.size() > {threshold}u)
    kept.resize(kept.size() / 2);
  return kept;
}}
""".format(name=name, func=func, key=key, bucket=rng.randint(2, 64), threshold=threshold)
    call = "auto %s_list = %s(models::load_%ss({1, 2, 3}), %d);\n  total += %s_list.size();" % (
        var, func, var, rng.randint(0, 50), var)
    return code, call


def db_client_snippet(rng, uid, _header):
    table = rng.choice(["orders", "users", "products", "invoices", "payments", "sessions"])
    cls = "%sRepository_%s" % (table.capitalize(), uid)
    code = """
class {cls} {{
public:
  explicit {cls}(std::shared_ptr<db::Client> client) : client_(std::move(client)) {{}}

  std::vector<long long> ids_since(long long since, int limit) {{
    auto rows = client_->query("SELECT id FROM {table} WHERE updated_at > $1 LIMIT $2",
                               {{std::to_string(since), std::to_string(limit)}});
    std::vector<long long> ids;
    ids.reserve(rows.size());
    for (const auto &row : rows)
      ids.push_back(row.get_int("id"));
    return ids;
  }}

  Status mark(long long id, const std::string &state) {{
    db::Transaction tx(*client_);
    auto status = client_->execute("UPDATE {table} SET state = $1 WHERE id = $2",
                                   {{state, std::to_string(id)}});
    if (!status.ok())
      return status;
    return tx.commit();
  }}

private:
  std::shared_ptr<db::Client> client_;
}};
""".format(cls=cls, table=table)
    call = ("{cls} repo(db::shared_client());\n"
            "  for (long long id : repo.ids_since({since}, {limit}))\n"
            "    if (!repo.mark(id, \"seen\").ok())\n"
            "      ++total;").format(cls=cls, since=rng.randint(0, 10 ** 6), limit=rng.randint(10, 100))
    return code, call


def db_pool_snippet(rng, uid, _header):
    func = "with_connection_%s" % uid
    code = """
template <typename F> auto {func}(db::Pool &pool, F fn) {{
  auto client = pool.acquire();
  auto result = fn(*client);
  pool.release(std::move(client));
  return result;
}}
""".format(func=func)
    call = ("static db::Pool pool({size});\n"
            "  total += {func}(pool, [](db::Client &c) {{ return c.query(\"SELECT 1\", {{}}).size(); }});"
            ).format(size=rng.randint(2, 16), func=func)
    return code, call


def db_query_snippet(rng, uid, _header):
    func = "search_sql_%s" % uid
    column = rng.choice(["name", "title", "email", "sku", "carrier"])
    code = """
std::string {func}(const std::vector<std::string> &terms) {{
  db::Query query("{table}");
  for (const auto &term : terms)
    query.where("{column} LIKE '%" + term + "%'");
  return query.limit({limit}).sql();
}}
""".format(func=func, table=rng.choice(["catalog", "accounts", "shipments"]), column=column,
           limit=rng.randint(10, 200))
    call = "total += %s({\"a\", \"b\"}).size();" % func
    return code, call


def handler_snippet(rng, uid, _header):
    cls = "%sHandler_%s" % (rng.choice(["Create", "Update", "List", "Get", "Delete", "Search"]), uid)
    route = "/api/v%d/%s/%s" % (rng.randint(1, 3), rng.choice(["orders", "users", "items", "carts"]), uid)
    code = """
class {cls} : public http::Handler {{
public:
  const char *route() const override {{ return "{route}"; }}

  void handle(const http::Request &request, http::Response &response) override {{
    auto id = request.param("id");
    if (id.empty()) {{
      response.status = status_code(Status::error(Code::Invalid, "missing id"));
      return;
    }}
    std::vector<std::string> fields;
    for (const auto &header : request.headers)
      if (header.first.rfind("X-", 0) == 0)
        fields.push_back(header.first + "=" + header.second);
    auto by_length = [](const std::string &a, const std::string &b) {{ return a.size() < b.size(); }};
    std::sort(fields.begin(), fields.end(), by_length);
    response.json(200, "{{\\"id\\":\\"" + id + "\\",\\"fields\\":" + std::to_string(fields.size()) + "}}");
    ++served_;
  }}

private:
  long served_ = 0;
}};
""".format(cls=cls, route=route)
    call = ("{cls} handler;\n"
            "  http::Request request;\n"
            "  request.params[\"id\"] = \"{id}\";\n"
            "  http::Response response;\n"
            "  handler.handle(request, response);\n"
            "  total += response.body.size();").format(cls=cls, id=rng.randint(1, 9999))
    return code, call


def request_snippet(rng, uid, _header):
    func = "client_key_%s" % uid
    code = """
std::string {func}(const http::Request &request) {{
  auto key = request.header("X-Api-Key");
  if (key.empty())
    key = request.param("key", "{fallback}");
  return key;
}}
""".format(func=func, fallback="anon%d" % rng.randint(0, 99))
    call = "total += %s(http::Request{}).size();" % func
    return code, call


def response_snippet(rng, uid, _header):
    func = "not_found_%s" % uid
    code = """
void {func}(http::Response &response, const std::string &what) {{
  response.error(404, what + " not found");
  response.headers["Cache-Control"] = "max-age={age}";
}}
""".format(func=func, age=rng.randint(0, 600))
    call = "http::Response missing;\n  %s(missing, \"thing\");\n  total += missing.status;" % func
    return code, call


def router_snippet(rng, uid, _header):
    func = "register_routes_%s" % uid
    code = """
void {func}(http::Router &router) {{
  router.add("/health/{uid}", [](const http::Request &, http::Response &response) {{
    response.json(200, "{{\\"ok\\":true}}");
  }});
  router.add("/echo/{uid}", [](const http::Request &request, http::Response &response) {{
    response.json(200, request.body);
  }});
}}
""".format(func=func, uid=uid)
    call = "http::Router router;\n  %s(router);" % func
    return code, call


def middleware_snippet(rng, uid, _header):
    func = "guard_chain_%s" % uid
    code = """
http::Chain {func}() {{
  http::Chain chain;
  chain.use([](const http::Request &request, http::Response &response) {{
    if (request.header("Authorization").empty()) {{
      response.status = 401;
      return false;
    }}
    return true;
  }});
  chain.use([](const http::Request &request, http::Response &response) {{
    if (request.body.size() > {limit}u) {{
      response.status = 413;
      return false;
    }}
    return true;
  }});
  return chain;
}}
""".format(func=func, limit=rng.randint(1024, 1 << 20))
    call = "http::Response guarded;\n  total += %s().run(http::Request{}, guarded);" % func
    return code, call


def executor_snippet(rng, uid, _header):
    func = "checksum_all_%s" % uid
    code = """
long long {func}(async::Executor &executor, const std::vector<std::string> &chunks) {{
  std::vector<std::future<long long>> parts;
  for (const auto &chunk : chunks)
    parts.push_back(executor.submit([chunk] {{
      long long sum = 0;
      for (char c : chunk)
        sum = sum * {mul} + static_cast<unsigned char>(c);
      return sum;
    }}));
  long long total = 0;
  for (auto &part : parts)
    total ^= part.get();
  return total;
}}
""".format(func=func, mul=rng.choice([31, 33, 131, 257]))
    call = "async::Executor executor(%d);\n  total += %s(executor, {\"x\", \"yz\"});" % (
        rng.randint(2, 8), func)
    return code, call


def worker_snippet(rng, uid, _header):
    cls = "Refresher_%s" % uid
    code = """
class {cls} {{
public:
  void start() {{
    worker_.start([this] {{ ++refreshes_; }}, std::chrono::milliseconds({period}));
  }}
  void stop() {{ worker_.stop(); }}
  long refreshes() const {{ return refreshes_; }}

private:
  std::atomic<long> refreshes_{{0}};
  async::Worker worker_;
}};
""".format(cls=cls, period=rng.randint(100, 60000))
    call = "%s refresher;\n  refresher.start();\n  refresher.stop();\n  total += refresher.refreshes();" % cls
    return code, call


def lru_snippet(rng, uid, _header):
    cls = "PriceCache_%s" % uid
    code = """
class {cls} {{
public:
  long long price(long long sku) {{
    if (auto hit = cache_.get(sku))
      return *hit;
    long long value = sku * {factor} % 10007;
    cache_.put(sku, value);
    return value;
  }}

private:
  cache::Lru<long long, long long> cache_{{{capacity}}};
}};
""".format(cls=cls, factor=rng.randint(3, 97), capacity=rng.randint(64, 4096))
    call = "%s prices;\n  for (long long sku = 0; sku < %d; ++sku)\n    total += prices.price(sku);" % (
        cls, rng.randint(3, 20))
    return code, call


def metrics_snippet(rng, uid, _header):
    func = "count_event_%s" % uid
    code = """
void {func}(const std::string &kind) {{
  metrics::Registry::instance().counter("{prefix}." + kind).add();
}}
""".format(func=func, prefix=rng.choice(["orders", "users", "http", "db"]))
    call = "%s(\"run\");" % func
    return code, call


def config_snippet(rng, uid, _header):
    func = "timeout_ms_%s" % uid
    code = """
long {func}() {{
  const auto &config = Config::global();
  long timeout = config.get_int("{key}.timeout_ms", {fallback});
  return timeout > 0 ? timeout : {fallback};
}}
""".format(func=func, key=rng.choice(["db", "http", "cache"]), fallback=rng.randint(100, 30000))
    call = "total += %s();" % func
    return code, call


def log_snippet(rng, uid, _header):
    func = "report_%s" % uid
    code = """
void {func}(int failures) {{
  if (failures > {limit})
    log::warn("{component}", std::to_string(failures) + " failures");
  else
    log::info("{component}", "ok");
}}
""".format(func=func, limit=rng.randint(0, 10), component=rng.choice(["billing", "auth", "sync"]))
    call = "%s(static_cast<int>(total));" % func
    return code, call


def strings_snippet(rng, uid, _header):
    func = "normalize_tags_%s" % uid
    code = """
std::string {func}(const std::string &csv) {{
  std::vector<std::string> tags;
  for (const auto &part : strings::split(csv, ','))
    if (!strings::trim(part).empty())
      tags.push_back(strings::trim(part));
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return strings::join(tags, "{sep}");
}}
""".format(func=func, sep=rng.choice([",", ";", "|"]))
    call = "total += %s(\"b, a, b\").size();" % func
    return code, call


def clock_snippet(rng, uid, _header):
    func = "stale_%s" % uid
    code = """
bool {func}(Timestamp updated_at) {{
  return clock::expired(updated_at, {ttl});
}}
""".format(func=func, ttl=rng.randint(1000, 86400000))
    call = "total += %s(0);" % func
    return code, call


def status_snippet(rng, uid, _header):
    func = "parse_quantity_%s" % uid
    code = """
Result<int> {func}(const std::string &text) {{
  Result<int> result;
  if (text.empty() || text.size() > {digits}u) {{
    result.status = Status::error(Code::Invalid, "bad quantity");
    return result;
  }}
  for (char c : text) {{
    if (c < '0' || c > '9') {{
      result.status = Status::error(Code::Invalid, "not a number");
      return result;
    }}
    result.value = result.value * 10 + (c - '0');
  }}
  return result;
}}
""".format(func=func, digits=rng.randint(3, 9))
    call = "total += %s(\"42\").value;" % func
    return code, call


def types_snippet(rng, uid, _header):
    func = "sum_amounts_%s" % uid
    code = """
Money {func}(const std::vector<Money> &amounts) {{
  Money sum;
  for (const auto &amount : amounts)
    if (amount.currency == sum.currency)
      sum = sum + amount;
  return sum;
}}
""".format(func=func)
    call = "total += %s({Money{%d, \"EUR\"}}).cents;" % (func, rng.randint(1, 10000))
    return code, call


def audit_snippet(rng, uid, _header):
    func = "audit_change_%s" % uid
    code = """
void {func}(Id actor, const std::string &target) {{
  audit::record(actor, "{action}", target);
}}
""".format(func=func, action=rng.choice(["update", "delete", "grant", "export"]))
    call = "%s(%d, \"unit-%s\");" % (func, rng.randint(1, 500), uid)
    return code, call


def json_snippet(rng, uid, _header):
    func = "to_json_%s" % uid
    code = """
std::string {func}(const std::map<std::string, long long> &counts) {{
  std::vector<std::string> items;
  for (const auto &entry : counts)
    items.push_back(json::Writer().field("name", entry.first).field("count", entry.second).str());
  return json::array(items);
}}
""".format(func=func)
    call = "total += %s({{\"a\", %d}}).size();" % (func, rng.randint(1, 100))
    return code, call


def retry_snippet(rng, uid, _header):
    func = "publish_%s" % uid
    code = """
Status {func}(int &attempts) {{
  return retry::with_backoff({n}, [&attempts] {{
    ++attempts;
    return attempts < 2 ? Status::error(Code::Unavailable, "busy") : Status{{}};
  }});
}}
""".format(func=func, n=rng.randint(2, 6))
    call = "int attempts = 0;\n  total += %s(attempts).ok();" % func
    return code, call


def validate_snippet(rng, uid, _header):
    func = "check_signup_%s" % uid
    code = """
Status {func}(const std::string &email, long long age) {{
  auto status = validate::email(email);
  if (!status.ok())
    return status;
  return validate::positive(age, "{what}");
}}
""".format(func=func, what=rng.choice(["age", "quantity", "amount"]))
    call = "total += %s(\"a@b.c\", %d).ok();" % (func, rng.randint(1, 99))
    return code, call


def pagination_snippet(rng, uid, _header):
    func = "window_%s" % uid
    code = """
std::pair<int, int> {func}(const http::Request &request, int available) {{
  auto page = page_of(request);
  int end = page.offset + page.limit;
  return {{page.offset, end < available ? end : available}};
}}
""".format(func=func)
    call = "total += %s(http::Request{}, %d).second;" % (func, rng.randint(10, 1000))
    return code, call


SNIPPETS = {
    "common/types.h": types_snippet, "common/status.h": status_snippet,
    "common/log.h": log_snippet, "common/config.h": config_snippet,
    "common/strings.h": strings_snippet, "common/clock.h": clock_snippet,
    "common/metrics.h": metrics_snippet, AUDIT_HEADER: audit_snippet,
    "db/row.h": None, "db/client.h": db_client_snippet, "db/pool.h": db_pool_snippet,
    "db/query.h": db_query_snippet, "http/request.h": request_snippet,
    "http/response.h": response_snippet, "http/handler.h": handler_snippet,
    "http/router.h": router_snippet, "http/middleware.h": middleware_snippet,
    "async/executor.h": executor_snippet, "async/worker.h": worker_snippet,
    "cache/lru.h": lru_snippet, "util/json.h": json_snippet, "util/retry.h": retry_snippet,
    "util/validate.h": validate_snippet, "util/pagination.h": pagination_snippet,
}

# kind of unit -> (file name prefix, the header it is built around)
KINDS = [("handler", "http/handler.h", 50), ("repository", "db/client.h", 20),
         ("routes", "http/router.h", 8), ("job", "async/executor.h", 7),
         ("worker", "async/worker.h", 5), ("cache", "cache/lru.h", 5), ("api", "util/json.h", 5)]

UNAWAITED_FUTURE = """
bool send_notification_{uid}(long long id, std::string channel) {{
  return id > 0 && !channel.empty();
}}

void notify_{uid}(long long id) {{
  std::async(std::launch::async, send_notification_{uid}, id, std::string("{channel}"));
}}
"""
UNAWAITED_CALL = "notify_{uid}(total);"

DETACHED_LOOP = """
class Heartbeat_{uid} {{
public:
  void start() {{
    std::thread([this] {{
      while (true) {{
        std::this_thread::sleep_for(std::chrono::seconds({period}));
        beats_.fetch_add(1);
      }}
    }}).detach();
  }}
  long beats() const {{ return beats_.load(); }}

private:
  std::atomic<long> beats_{{0}};
}};
"""
DETACHED_CALL = "static Heartbeat_{uid} heartbeat;\n  heartbeat.start();"

# Look-alikes: the same calls, awaited or joined.
AWAITED_FUTURE = """
int score_{uid}(int seed) {{
  auto first = std::async(std::launch::async, [seed] {{ return seed * {mul}; }});
  auto second = std::async(std::launch::async, [seed] {{ return seed + {add}; }});
  return first.get() + second.get();
}}
"""
AWAITED_CALL = "total += score_{uid}(static_cast<int>(total));"
JOINED_THREAD = """
long long crunch_{uid}(const std::vector<long long> &values) {{
  long long left = 0, right = 0;
  std::size_t half = values.size() / 2;
  std::thread helper([&] {{
    for (std::size_t i = 0; i < half; ++i)
      left += values[i];
  }});
  for (std::size_t i = half; i < values.size(); ++i)
    right += values[i];
  helper.join();
  return left + right;
}}
"""
JOINED_CALL = "total += crunch_{uid}({{1, 2, 3, {n}}});"


def pick_spread(rng, total, count):
    """COUNT distinct unit indexes out of TOTAL, deterministic for RNG."""
    return set(rng.sample(range(total), min(total, count)))


class Plan:
    """What the generator decided: units, planted leaks, audit includers."""

    def __init__(self, units, seed):
        rng = random.Random(seed)
        self.units = units
        share = lambda p: max(1, int(round(units * p)))  # noqa: E731
        self.audit = pick_spread(rng, units, share(0.01))
        self.unawaited = pick_spread(rng, units, share(0.02))
        self.detached = pick_spread(rng, units, share(0.01))
        self.awaited = pick_spread(rng, units, share(0.05))
        self.joined = pick_spread(rng, units, share(0.03))
        self.services = max(1, (units + 49) // 50)
        self.rng_seed = seed


def unit_text(plan, index):
    rng = random.Random("%d/%d" % (plan.rng_seed, index))
    uid = "%04d" % index
    kind, main_header, _ = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
    pool = sorted(h for h in list(SNIPPETS) + ["models/%s.h" % snake(m[0]) for m in MODELS]
                  if h not in (AUDIT_HEADER, "db/row.h", main_header))
    models = [h for h in pool if h.startswith("models/")]
    others = [h for h in pool if not h.startswith("models/")]
    extra = rng.randint(1, 4)
    if index in plan.audit:
        extra = min(extra, 3)
    chosen = [main_header]
    chosen += rng.sample(models, rng.randint(1, min(2, extra)))
    remaining = 1 + extra - len(chosen)
    if remaining > 0:
        chosen += rng.sample(others, remaining)
    if index in plan.audit:
        chosen.append(AUDIT_HEADER)
    std = {"<algorithm>", "<iterator>", "<map>", "<string>", "<vector>"}
    sections, calls = [], []
    for header in chosen:
        maker = SNIPPETS.get(header) or model_snippet
        code, call = maker(rng, uid, header)
        sections.append(code)
        calls.append(call)
    fill = {"uid": uid, "channel": rng.choice(["email", "sms", "push"]), "period": rng.randint(1, 60),
            "mul": rng.randint(2, 9), "add": rng.randint(1, 99), "n": rng.randint(4, 99)}
    extras = [(plan.awaited, AWAITED_FUTURE, AWAITED_CALL, {"<future>"}),
              (plan.joined, JOINED_THREAD, JOINED_CALL, {"<thread>"}),
              (plan.unawaited, UNAWAITED_FUTURE, UNAWAITED_CALL, {"<future>"}),
              (plan.detached, DETACHED_LOOP, DETACHED_CALL, {"<atomic>", "<chrono>", "<thread>"})]
    for indexes, code, call, headers in extras:
        if index in indexes:
            sections.append(code.format(**fill))
            calls.append(call.format(**fill))
            std |= headers
    service = index % plan.services
    lines = ["// Service %02d, %s %s (generated by bench/scale.py)." % (service, kind, uid)]
    lines += ['#include "%s"' % h for h in chosen]
    lines += ["#include %s" % h for h in sorted(std)]
    lines += ["", "namespace svc {", "namespace {"]
    lines += [s.strip("\n") + "\n" for s in sections]
    lines += ["}  // namespace", "",
              "long long run_%s_%s() {" % (kind, uid), "  long long total = 0;"]
    lines += ["  " + c for c in calls]
    lines += ["  return total;", "}", "}  // namespace svc", ""]
    path = "src/svc_%02d/%s_%s.cpp" % (service, kind, uid)
    return path, "\n".join(lines), chosen


def git(project, *argv):
    env = dict(os.environ, GIT_AUTHOR_NAME="scale", GIT_AUTHOR_EMAIL="scale@example.invalid",
               GIT_COMMITTER_NAME="scale", GIT_COMMITTER_EMAIL="scale@example.invalid")
    subprocess.run(["git", "-C", project] + list(argv), env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def generate(project, units, seed):
    """Writes the project; returns (unit paths, units that include the audit header)."""
    plan = Plan(units, seed)
    for path, text in all_headers().items():
        write(os.path.join(project, "include", path), text)
    entries, paths, audit_units = [], [], []
    for index in range(units):
        path, text, chosen = unit_text(plan, index)
        write(os.path.join(project, path), text)
        obj = "build/obj/" + path[len("src/"):-len(".cpp")] + ".o"
        entries.append({"directory": project, "file": path,
                        "arguments": ["c++", "-std=c++17", "-Iinclude", "-c", path, "-o", obj]})
        paths.append(path)
        if AUDIT_HEADER in chosen:
            audit_units.append(path)
    write(os.path.join(project, "compile_commands.json"), json.dumps(entries, indent=1) + "\n")
    write(os.path.join(project, ".gitignore"), "build/\n")
    write(os.path.join(project, MARKER), "seed %d, %d units\n" % (seed, units))
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Generated service project")
    return paths, audit_units, plan


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


# ---------------------------------------------------------------------------
# Running leak-tidy-run and reading what it reports.
# ---------------------------------------------------------------------------

CACHE_LINE = re.compile(r"cache\s*:\s*(\d+)\s+hits?\s*,\s*(\d+)\s+miss(?:es)?", re.I)
SPLIT_LINE = re.compile(r"shard\s+\d+\s*/\s*\d+\s*:.*\(split ([^)]*)\)", re.I)
ANALYSED_LINE = re.compile(r"files analysed\s*:\s*(\d+)", re.I)


def children_cpu():
    """User and system time of every child process waited for so far (leak-tidy
    processes count once leak-tidy-run, their parent, has been waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Step:
    def __init__(self, name, seconds, cpu, returncode, stderr, report):
        self.name, self.seconds, self.cpu, self.returncode = name, seconds, cpu, returncode
        self.stderr, self.report = stderr, report
        match = None
        for match in CACHE_LINE.finditer(stderr):
            pass
        self.hits = int(match.group(1)) if match else None
        self.misses = int(match.group(2)) if match else None
        analysed = None
        for analysed in ANALYSED_LINE.finditer(stderr):
            pass
        self.files = int(analysed.group(1)) if analysed else None

    @property
    def analysed(self):
        """Units leak-tidy really ran on: the misses when the cache says so."""
        return self.misses if self.misses is not None else self.files


def run_runner(runner, leak_tidy, project, jobs, report, extra):
    argv = [sys.executable, runner, "-p", project, "--no-progress", "--format", "yaml",
            "-o", report, "-j", str(jobs), "--leak-tidy", leak_tidy] + extra
    cpu, started = children_cpu(), time.perf_counter()
    proc = subprocess.run(argv, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    return (time.perf_counter() - started, children_cpu() - cpu, proc.returncode,
            proc.stdout + proc.stderr)


def yaml_value(text):
    text = text.strip()
    if text.startswith('"'):
        try:
            return json.loads(text)
        except ValueError:
            return text[1:-1]
    if text.startswith("'") and text.endswith("'") and len(text) > 1:
        return text[1:-1].replace("''", "'")
    return text


def findings_of(report):
    """(check, file, offset, message) of each diagnostic of an export-fixes YAML,
    as a Counter (a diagnostic reported twice counts twice)."""
    found = collections.Counter()
    if not os.path.exists(report):
        return found
    current = None

    def flush():
        if current and "DiagnosticName" in current:
            found[(current["DiagnosticName"], current.get("FilePath", ""),
                   current.get("FileOffset", ""), current.get("Message", ""))] += 1

    with open(report, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped.startswith("- DiagnosticName:"):
                flush()
                current = {"DiagnosticName": yaml_value(stripped.split(":", 1)[1])}
                continue
            if current is None:
                continue
            for key in ("Message", "FilePath", "FileOffset"):
                prefix = key + ":"
                if (stripped.startswith(prefix) or stripped.startswith("- " + prefix)) and key not in current:
                    current[key] = yaml_value(stripped.split(":", 1)[1])
    flush()
    return found


def runner_support(runner):
    out = subprocess.run([sys.executable, runner, "--help"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True)
    text = out.stdout
    return {"cache": "--cache-dir" in text, "no-cache": "--no-cache" in text, "shard": "--shard" in text}


def preprocess_all(project, jobs):
    """Wall time of -E on every unit of the database, JOBS at a time."""
    with open(os.path.join(project, "compile_commands.json"), encoding="utf-8") as handle:
        entries = json.load(handle)

    def one(entry):
        argv, skip = [], False
        for arg in entry["arguments"]:
            if skip:
                skip = False
            elif arg == "-o":
                skip = True
            else:
                argv.append("-E" if arg == "-c" else arg)
        return subprocess.run(argv + ["-o", os.devnull], cwd=entry["directory"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode

    cpu, started = children_cpu(), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        codes = list(pool.map(one, entries))
    return (time.perf_counter() - started, children_cpu() - cpu, sum(1 for c in codes if c != 0),
            entries[0]["arguments"][0])


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def fmt_count(value):
    return "n/a" if value is None else str(value)


def fmt_ratio(part, whole):
    return "%.1f%%" % (100.0 * part / whole) if whole else "n/a"


def met(flag):
    return "met" if flag else "NOT met"


def prepare_project(keep):
    if not keep:
        return tempfile.mkdtemp(prefix="leaktidy-scale-project-"), True
    keep = os.path.abspath(keep)
    if os.path.isdir(keep) and os.listdir(keep):
        if not os.path.exists(os.path.join(keep, MARKER)):
            sys.exit("scale: %s is not empty and was not generated by this script" % keep)
        shutil.rmtree(keep)
    os.makedirs(keep, exist_ok=True)
    return keep, False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llvm", default="22", help="LLVM major of the build tree (build/llvm-N)")
    parser.add_argument("--leak-tidy", default=None, help="the leak-tidy binary (default: the build tree's)")
    parser.add_argument("--units", type=int, default=2000, help="translation units to generate")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel jobs")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--keep", metavar="DIR", default=None,
                        help="generate the project here and keep it (it is left modified by steps 3 and 4)")
    parser.add_argument("--write", metavar="MD", default=None,
                        help="replace the section between %s and %s of this page" % (SECTION_BEGIN, SECTION_END))
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when the shards' findings differ from the single run's or a unit fails")
    args = parser.parse_args()
    if args.units < 1 or args.jobs < 1:
        parser.error("--units and --jobs must be at least 1")

    bin_dir = os.path.join(ROOT, "build", "llvm-" + args.llvm, "bin")
    leak_tidy = os.path.abspath(args.leak_tidy or os.path.join(bin_dir, "leak-tidy"))
    runner = os.path.join(os.path.dirname(leak_tidy), "leak-tidy-run")
    if not os.path.exists(runner):
        runner = os.path.join(bin_dir, "leak-tidy-run")
    if not os.path.exists(runner):
        runner = os.path.join(ROOT, "tools", "leak-tidy-run")
    support = runner_support(runner)

    project, remove_project = prepare_project(args.keep)
    scratch = tempfile.mkdtemp(prefix="leaktidy-scale-")
    try:
        return measure(args, leak_tidy, runner, support, project, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if remove_project:
            shutil.rmtree(project, ignore_errors=True)


def measure(args, leak_tidy, runner, support, project, scratch):
    generated = time.perf_counter()
    paths, audit_units, plan = generate(project, args.units, args.seed)
    generated = time.perf_counter() - generated
    print("scale: %d units in %d services, %d project headers, %s included by %d of them; "
          "planted: %d dropped std::async futures, %d detached endless threads (generated in %.1f s)"
          % (len(paths), plan.services, len(all_headers()), AUDIT_HEADER, len(audit_units),
             len(plan.unawaited), len(plan.detached), generated))
    print("scale: LLVM %s, --jobs %d, runner %s" % (args.llvm, args.jobs, os.path.relpath(runner, ROOT)
                                                   if runner.startswith(ROOT) else runner))
    skipped = []
    steps = {}
    cache_flags = ["--cache-dir", os.path.join(scratch, "cache")] if support["cache"] else []
    if not support["cache"]:
        skipped.append("warm, header changed and .cpp changed runs: leak-tidy-run has no --cache-dir")

    def step(key, label, extra):
        report = os.path.join(scratch, key + ".yaml")
        seconds, cpu, code, stderr = run_runner(runner, leak_tidy, project, args.jobs, report, extra)
        steps[key] = Step(label, seconds, cpu, code, stderr, report)
        return steps[key]

    cold = step("cold", "cold (empty cache)" if support["cache"] else "cold (no cache)", cache_flags)
    if support["cache"]:
        step("warm", "warm (nothing changed)", cache_flags)
        append(os.path.join(project, "include", AUDIT_HEADER),
               "\ninline int audit_format_revision() { return 2; }\n")
        step("header", "one header changed (%d of %d units include it)" % (len(audit_units), len(paths)),
             cache_flags)
        changed_unit = paths[len(paths) // 2]
        append(os.path.join(project, changed_unit), "\nnamespace svc {\nint scale_edit_marker() { return 1; }\n}\n")
        step("cpp", "one .cpp changed", cache_flags)

    shard_keys = []
    if support["shard"]:
        # Each shard starts as a CI job does that restored the costs of an
        # earlier run and nothing else: every unit of the shard is analysed,
        # and the split is balanced by the costs the cold run recorded.
        costs = os.path.join(scratch, "cache", "costs.json")
        for k in range(1, SHARDS + 1):
            key = "shard%d" % k
            if support["cache"] and os.path.isfile(costs):
                own = os.path.join(scratch, "shard-cache-%d" % k)
                os.makedirs(own)
                shutil.copy(costs, own)
                flags, kind = ["--cache-dir", own], "costs of the cold run"
            else:
                flags = ["--no-cache"] if support["no-cache"] else []
                kind = "no cache"
            done = step(key, "shard %d/%d" % (k, SHARDS), ["--shard", "%d/%d" % (k, SHARDS)] + flags)
            split = SPLIT_LINE.search(done.stderr)
            done.name += " (%s%s)" % (kind, ", split " + split.group(1) if split else "")
            shard_keys.append(key)
    else:
        skipped.append("shards: leak-tidy-run has no --shard")

    pre_seconds, pre_cpu, pre_failed, compiler = preprocess_all(project, args.jobs)

    # Findings: the cold run against the union of the shards. The shards ran
    # after steps 3 and 4 changed the project, at their end: the lines added
    # there hold no finding and shift none (they are appended).
    cold_findings = findings_of(cold.report)
    equal = None
    if shard_keys:
        union = collections.Counter()
        for key in shard_keys:
            union.update(findings_of(steps[key].report))
        equal = union == cold_findings
        lost = sum((cold_findings - union).values())
        doubled = sum((union - cold_findings).values())

    tool_errors = [s for s in steps.values() if s.returncode not in (0, 1)]

    table = ["| step | units analysed | cache hits | time s | ratio to cold |",
             "|---|---:|---:|---:|---:|"]
    order = ["cold", "warm", "header", "cpp"] + shard_keys
    for key in order:
        if key in steps:
            s = steps[key]
            table.append("| %s | %s | %s | %.2f | %s |" % (
                s.name, fmt_count(s.analysed), fmt_count(s.hits), s.seconds, fmt_ratio(s.seconds, cold.seconds)))
    table.append("| preprocess every unit (`%s -E`, -j %d) | %d | n/a | %.2f | %s |" % (
        compiler, args.jobs, len(paths), pre_seconds, fmt_ratio(pre_seconds, cold.seconds)))

    unit_wall = cold.seconds / len(paths)
    lines = []
    lines.append("Mean cost of a unit in the cold run: %.3f s of wall time at -j %d, %.3f s of CPU "
                 "(user + system, not disturbed by other load); the cold run used %.0f%% of %d cores."
                 % (unit_wall, args.jobs, cold.cpu / len(paths),
                    100.0 * cold.cpu / (cold.seconds * (os.cpu_count() or 1)), os.cpu_count() or 1))
    if "warm" in steps:
        warm = steps["warm"]
        ratio = warm.seconds / cold.seconds
        lines.append("Warm / cold: %.1f%% (target <= %d%%): %s." % (100 * ratio, 100 * WARM_TARGET,
                                                                  met(ratio <= WARM_TARGET)))
        header = steps["header"]
        bound = CHANGED_SHARE * cold.seconds + len(audit_units) * unit_wall
        lines.append("One header changed: %.2f s, %d units include it, re-analysed %s "
                     "(target <= 3%% of cold + %d x %.3f s = %.2f s): %s." % (
                         header.seconds, len(audit_units), fmt_count(header.analysed), len(audit_units),
                         unit_wall, bound, met(header.seconds <= bound)))
        cpp = steps["cpp"]
        cpp_bound = CHANGED_SHARE * cold.seconds + unit_wall
        lines.append("One .cpp changed / cold: %.1f%%, re-analysed %s (target <= 3%% of cold + 1 unit = %.2f s): %s."
                     % (100 * cpp.seconds / cold.seconds, fmt_count(cpp.analysed), cpp_bound,
                        met(cpp.seconds <= cpp_bound)))
        lines.append("Preprocessing every unit (what a cache keyed on preprocessed text pays on each run): "
                     "%.2f s (%.1f s of CPU), %.1f times the warm run's %.2f s (%.1f s of CPU)." % (
                         pre_seconds, pre_cpu, pre_seconds / warm.seconds if warm.seconds else 0.0,
                         warm.seconds, warm.cpu))
    else:
        lines.append("Preprocessing every unit (what a cache keyed on preprocessed text pays on each run): "
                     "%.2f s, %s of the cold run." % (pre_seconds, fmt_ratio(pre_seconds, cold.seconds)))
    if shard_keys:
        times = [steps[k].seconds for k in shard_keys]
        spread = max(times) / min(times) if min(times) > 0 else float("inf")
        cpus = [steps[k].cpu for k in shard_keys]
        cpu_spread = max(cpus) / min(cpus) if min(cpus) > 0 else float("inf")
        lines.append("Shards: slowest / fastest %.2f (target <= %.2f): %s; in CPU time %.2f (%s s)." % (
            spread, SHARD_SPREAD, met(spread <= SHARD_SPREAD), cpu_spread,
            ", ".join("%.1f" % c for c in cpus)))
        lines.append("Findings of the shards equal the single run: %s (%d findings in the single run, "
                     "%d lost, %d doubled)." % ("yes" if equal else "NO", sum(cold_findings.values()),
                                                lost, doubled))
    else:
        lines.append("Findings of the shards equal the single run: skipped, leak-tidy-run has no --shard "
                     "(%d findings in the single run)." % sum(cold_findings.values()))
    per_check = collections.Counter(f[0] for f in cold_findings.elements())
    lines.append("Findings of the cold run per check: %s." % (
        ", ".join("%s %d" % item for item in sorted(per_check.items())) or "none"))
    for reason in skipped:
        lines.append("Skipped: %s." % reason)
    if pre_failed:
        lines.append("Preprocessing failed on %d units." % pre_failed)
    for s in tool_errors:
        lines.append("Errors: %s exited with %d." % (s.name, s.returncode))

    text = "\n".join(table) + "\n\n" + "\n".join("* " + line for line in lines) + "\n"
    print(text)
    if tool_errors:
        first = tool_errors[0]
        print("scale: stderr of %s:\n%s" % (first.name, "\n".join(first.stderr.splitlines()[-20:])))
    if args.write:
        write_section(args, len(paths), text)
    failed = (equal is False) or bool(tool_errors) or pre_failed > 0
    print("scale: %d units, findings %s, %s" % (
        len(paths), "equal" if equal else ("differ" if equal is False else "not compared"),
        "errors" if tool_errors or pre_failed else "no errors"))
    return 1 if args.check and failed else 0


def write_section(args, units, text):
    section = "%s\n## Scale\n\nMeasured %s with `bench/scale.py --units %d --jobs %d --llvm %s`: a generated " \
              "project of %d translation units, each step a separate `leak-tidy-run` in one run.\n\n%s%s\n" % (
                  SECTION_BEGIN, datetime.date.today().isoformat(), units, args.jobs, args.llvm, units, text,
                  SECTION_END)
    with open(args.write, encoding="utf-8") as handle:
        doc = handle.read()
    if SECTION_BEGIN in doc and SECTION_END in doc:
        rest = doc[doc.index(SECTION_END) + len(SECTION_END):]
        doc = doc[:doc.index(SECTION_BEGIN)] + section + (rest[1:] if rest.startswith("\n") else rest)
    else:
        doc = doc.rstrip("\n") + "\n\n" + section
    with open(args.write, "w", encoding="utf-8") as handle:
        handle.write(doc)


if __name__ == "__main__":
    sys.exit(main())

// Feature-flag service of the platform team. Flags live in a local SQLite
// database and are served over HTTP (cpp-httplib); every change is announced
// to the subscribed webhooks with libcurl by a notifier thread.

#include <curl/curl.h>
#include <httplib.h>
#include <sqlite3.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace flags {

const char *databasePath();
std::vector<std::string> webhookUrls();
void logWarning(const std::string &message);

struct StatementDeleter {
  void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// Opens the flag database; nullptr when it cannot be opened.
sqlite3 *openStore() {
  sqlite3 *db = nullptr;
  if (sqlite3_open_v2(databasePath(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, // FINDING: leak-unreleased-handle
                      nullptr) != SQLITE_OK)
    return nullptr;
  sqlite3_busy_timeout(db, 2000);
  return db;
}

// Whether a flag is switched on; unknown flags are off.
bool enabled(sqlite3 *db, const std::string &name) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT enabled FROM flags WHERE name = ?", -1, &stmt, nullptr) != // FINDING: leak-unreleased-handle
      SQLITE_OK)
    return false;
  sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(stmt) != SQLITE_ROW)
    return false;
  const bool on = sqlite3_column_int(stmt, 0) != 0;
  sqlite3_finalize(stmt);
  return on;
}

// Rollout percentage of a flag, 0 when it has none.
int rollout(sqlite3 *db, const std::string &name) {
  sqlite3_stmt *stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db, "SELECT rollout FROM flags WHERE name = ?", -1, &stmt, nullptr); // NO-FINDING: leak-unreleased-handle
  if (rc != SQLITE_OK)
    return 0;
  sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  int percent = 0;
  if (sqlite3_step(stmt) == SQLITE_ROW)
    percent = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return percent;
}

// The flags a team owns, in name order.
std::vector<std::string> flagsOf(sqlite3 *db, const std::string &team) {
  std::vector<std::string> names;
  sqlite3_stmt *raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT name FROM flags WHERE owner = ? ORDER BY name", -1, &raw, // NO-FINDING: leak-unreleased-handle
                         nullptr) != SQLITE_OK)
    return names;
  Statement stmt(raw);
  sqlite3_bind_text(stmt.get(), 1, team.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(stmt.get()) == SQLITE_ROW)
    names.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0)));
  return names;
}

bool store(sqlite3 *db, const std::string &name, bool on) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db, "UPDATE flags SET enabled = ? WHERE name = ?", -1, &stmt, nullptr) != // NO-FINDING: leak-unreleased-handle
      SQLITE_OK)
    return false;
  sqlite3_bind_int(stmt, 1, on ? 1 : 0);
  sqlite3_bind_text(stmt, 2, name.c_str(), -1, SQLITE_TRANSIENT);
  const bool done = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(db) == 1;
  sqlite3_finalize(stmt);
  return done;
}

// Imports the flags of a release manifest, one statement per flag.
void importManifest(sqlite3 *db, const std::map<std::string, bool> &manifest) {
  sqlite3_stmt *stmt = nullptr;
  for (const auto &[name, on] : manifest) {
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO flags(name, enabled) VALUES (?, ?)", -1, &stmt, // FINDING: leak-unreleased-handle
                       nullptr);
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, on ? 1 : 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
}

// Writes one CSV row of a dump; ends the response after the last row.
bool sendRow(sqlite3_stmt *stmt, httplib::DataSink &sink) {
  if (sqlite3_step(stmt) != SQLITE_ROW) {
    sink.done();
    return true;
  }
  std::string row;
  for (int column = 0; column < sqlite3_column_count(stmt); ++column) {
    if (column > 0)
      row += ',';
    if (const unsigned char *text = sqlite3_column_text(stmt, column))
      row += reinterpret_cast<const char *>(text);
  }
  row += '\n';
  return sink.write(row.data(), row.size());
}

// Posts a change event to one webhook with the notifier's handle.
bool announce(CURL *curl, const std::string &url, const std::string &event) {
  struct curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json"); // FINDING: leak-unreleased-handle
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, event.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 5L);
  if (curl_easy_perform(curl) != CURLE_OK)
    return false;
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  return status >= 200 && status < 300;
}

// Checked once at start-up: does a webhook answer at all?
bool webhookAlive(const std::string &url) {
  CURL *curl = curl_easy_init(); // FINDING: leak-unreleased-handle
  if (!curl)
    return false;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 3L);
  if (curl_easy_perform(curl) != CURLE_OK)
    return false;
  curl_easy_cleanup(curl);
  return true;
}

// The same probe for the admin console, with the handle owned by a
// unique_ptr so that every return cleans it up.
bool webhookAnswers(const std::string &url) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), // NO-FINDING: leak-unreleased-handle
                                                           &curl_easy_cleanup);
  if (!curl)
    return false;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 3L);
  return curl_easy_perform(curl.get()) == CURLE_OK;
}

// Stable bucket of a user in [0, 100), for percentage rollouts.
int bucket(const std::string &user) {
  return static_cast<int>(std::hash<std::string>{}(user) % 100);
}

class FlagService {
public:
  explicit FlagService(httplib::Server &server) : db_(openStore()) {
    server.Get(R"(/flags/([\w.-]+))", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string name = req.matches[1];
      const std::string user = req.get_param_value("user");
      std::lock_guard<std::mutex> lock(mutex_);
      bool on;
      if (auto forced = overrides_.find(name); forced != overrides_.end()) {
        on = forced->second;
      } else {
        // Sticky decisions: a user keeps the variant they were first given,
        // even while the rollout percentage moves.
        auto decided = decisions_.find(name + "/" + user);
        if (decided == decisions_.end())
          decided = decisions_.emplace(name + "/" + user, // FINDING: leak-unbounded-shared-container
                                       enabled(db_, name) && bucket(user) < rollout(db_, name)).first;
        on = decided->second;
      }
      evaluationsByClient_[req.remote_addr] += 1; // FINDING: leak-unbounded-shared-container
      res.set_content(on ? "on" : "off", "text/plain");
    });

    server.Put(R"(/flags/([\w.-]+))", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string name = req.matches[1];
      std::lock_guard<std::mutex> lock(mutex_);
      if (!store(db_, name, req.body == "on")) {
        res.status = 404;
        return;
      }
      outbox_.push_back(R"({"flag":")" + name + R"(","enabled":)" + // NO-FINDING: leak-unbounded-shared-container
                        (req.body == "on" ? "true" : "false") + "}");
      wake_.notify_one();
      res.status = 204;
    });

    // Overrides force a flag on or off until they are removed.
    server.Put(R"(/flags/([\w.-]+)/override)", [this](const httplib::Request &req, httplib::Response &res) {
      std::lock_guard<std::mutex> lock(mutex_);
      overrides_[req.matches[1]] = req.body == "on"; // NO-FINDING: leak-unbounded-shared-container
      res.status = 204;
    });
    server.Delete(R"(/flags/([\w.-]+)/override)", [this](const httplib::Request &req, httplib::Response &res) {
      std::lock_guard<std::mutex> lock(mutex_);
      overrides_.erase(req.matches[1]);
      res.status = 204;
    });

    server.Get(R"(/teams/(\w+)/flags)", [this](const httplib::Request &req, httplib::Response &res) {
      std::string body;
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto &name : flagsOf(db_, req.matches[1]))
        body += name + "\n";
      res.set_content(body, "text/plain");
    });

    // Dump of the flag table, one row per chunk. The releaser finalizes the
    // statement when the response is over, however it ends.
    server.Get("/flags.csv", [this](const httplib::Request &, httplib::Response &res) {
      sqlite3_stmt *stmt = nullptr;
      if (sqlite3_prepare_v2(db_, "SELECT name, enabled, rollout FROM flags ORDER BY name", -1, &stmt, // NO-FINDING: leak-unreleased-handle
                             nullptr) != SQLITE_OK) {
        res.status = 500;
        return;
      }
      res.set_chunked_content_provider(
          "text/csv",
          [stmt](std::size_t, httplib::DataSink &sink) { return sendRow(stmt, sink); }, // NO-FINDING: leak-captured-stream
          [stmt](bool) { sqlite3_finalize(stmt); });
    });

    // History of flag changes, one row per chunk; the provider finalizes the
    // statement after the last row.
    server.Get("/flags/history.csv", [this](const httplib::Request &, httplib::Response &res) {
      sqlite3_stmt *stmt = nullptr;
      if (sqlite3_prepare_v2(db_, "SELECT at, name, enabled, actor FROM history ORDER BY at", -1, &stmt,
                             nullptr) != SQLITE_OK) {
        res.status = 500;
        return;
      }
      res.set_chunked_content_provider("text/csv", [&stmt](std::size_t, httplib::DataSink &sink) { // FINDING: leak-captured-stream
        const bool ok = sendRow(stmt, sink);
        if (!ok || sqlite3_stmt_busy(stmt) == 0)
          sqlite3_finalize(stmt);
        return ok;
      });
    });

    notifier_ = std::thread([this] { runNotifier(); });
  }

  ~FlagService() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    notifier_.join();
    sqlite3_close(db_);
  }

private:
  // Delivers the queued change events to every webhook, reusing one curl
  // handle (and its connections) for the life of the thread.
  void runNotifier() {
    CURL *curl = curl_easy_init(); // NO-FINDING: leak-unreleased-handle
    if (!curl)
      return;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      wake_.wait(lock, [this] { return stopping_ || !outbox_.empty(); });
      std::deque<std::string> batch;
      batch.swap(outbox_);
      lock.unlock();
      const auto urls = webhookUrls();
      for (const auto &event : batch)
        for (const auto &url : urls)
          if (!announce(curl, url, event))
            logWarning("webhook " + url + " did not take " + event);
      lock.lock();
    }
    curl_easy_cleanup(curl);
  }

  sqlite3 *db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::unordered_map<std::string, bool> decisions_;
  std::unordered_map<std::string, bool> overrides_;
  std::map<std::string, long> evaluationsByClient_;
  std::deque<std::string> outbox_;
  std::thread notifier_;
};

} // namespace flags

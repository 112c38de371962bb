// REQUIRES: sqlite3, curl, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// SQLite databases opened and curl handles created for every request.

#include <curl/curl.h>
#include <httplib.h>
#include <sqlite3.h>

#include <string>

static const char *const kDatabase = "/var/lib/orders/orders.db";

void routes(httplib::Server &Server) {
  Server.Get("/orders", [](const httplib::Request &, httplib::Response &Res) {
    sqlite3 *Db = nullptr;
    sqlite3_open(kDatabase, &Db);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sqlite3_open' is called for every request: each call opens the database file, takes its locks and parses its schema again; open the database once and share the handle through a pool or one per thread ('thread_local') [leak-per-request-client]
    Res.set_content(sqlite3_db_filename(Db, "main"), "text/plain");
    sqlite3_close(Db);
  });
  Server.Post("/orders", [](const httplib::Request &, httplib::Response &) {
    sqlite3 *Db = nullptr;
    if (sqlite3_open_v2(kDatabase, &Db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sqlite3_open_v2' is called for every request
      return;
    sqlite3_close(Db);
  });
  // A scratch database of the request's own: nothing shared to reopen.
  Server.Get("/report", [](const httplib::Request &, httplib::Response &) {
    sqlite3 *Scratch = nullptr;
    sqlite3_open(":memory:", &Scratch);
    sqlite3_close(Scratch);
  });
  // A database chosen by the request.
  Server.Get("/archive", [](const httplib::Request &Req, httplib::Response &) {
    sqlite3 *Db = nullptr;
    sqlite3_open(Req.get_param_value("file").c_str(), &Db);
    sqlite3_close(Db);
  });

  Server.Post("/notify", [](const httplib::Request &Req, httplib::Response &) {
    CURL *Curl = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'curl_easy_init' is called for every request: each call starts with empty connection, DNS and TLS session caches, so no connection is reused; reuse one handle per thread (reset with 'curl_easy_reset') or share connections through a multi or share handle [leak-per-request-client]
    curl_easy_setopt(Curl, CURLOPT_URL, "https://hooks.internal/notify");
    curl_easy_setopt(Curl, CURLOPT_POSTFIELDS, Req.body.c_str());
    curl_easy_perform(Curl);
    curl_easy_cleanup(Curl);
  });
  Server.Post("/notify-reuse", [](const httplib::Request &Req, httplib::Response &) {
    thread_local CURL *Curl = curl_easy_init(); // One handle per thread.
    curl_easy_reset(Curl);
    curl_easy_setopt(Curl, CURLOPT_URL, "https://hooks.internal/notify");
    curl_easy_perform(Curl);
  });
  // One database per thread, opened the first time the thread serves.
  Server.Get("/orders/local", [](const httplib::Request &, httplib::Response &Res) {
    thread_local sqlite3 *Db = nullptr;
    if (!Db)
      sqlite3_open(kDatabase, &Db);
    Res.set_content(sqlite3_db_filename(Db, "main"), "text/plain");
  });
  // The same handle, opened again on every request.
  Server.Get("/orders/reopen", [](const httplib::Request &, httplib::Response &Res) {
    thread_local sqlite3 *Db = nullptr;
    sqlite3_open(kDatabase, &Db);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sqlite3_open' is called for every request
    Res.set_content(sqlite3_db_filename(Db, "main"), "text/plain");
  });
}

// The database opened once, in the constructor of the object serving it.
class OrderArchive {
public:
  OrderArchive() { sqlite3_open_v2(kDatabase, &Db_, SQLITE_OPEN_READONLY, nullptr); }
  ~OrderArchive() { sqlite3_close(Db_); }
  void routes(httplib::Server &Server) {
    Server.Get("/archive/count", [this](const httplib::Request &, httplib::Response &Res) {
      Res.set_content(sqlite3_db_filename(Db_, "main"), "text/plain");
    });
  }

private:
  sqlite3 *Db_ = nullptr;
};

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  sqlite3 *Db = nullptr;
  sqlite3_open(kDatabase, &Db);
  httplib::Server Server;
  routes(Server);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}

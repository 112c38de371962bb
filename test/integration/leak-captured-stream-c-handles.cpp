// REQUIRES: libpq, hiredis, sqlite3, httplib
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17 -I/usr/include/postgresql

// C client handles: a PGresult released while a detached lambda still reads
// it, a borrowed redisReply stored in a callback list, a statement captured by
// reference; next to ownership handed over to the lambda, and joined work.

#include <hiredis/hiredis.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <functional>
#include <thread>
#include <vector>

void record(int Count);

void countLater(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  std::thread([Res] { record(PQntuples(Res)); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'Res' ('PGresult') is captured by pointer in a lambda that runs on a detached thread: the pointer dangles once 'countLater' releases it; finish with the stream before releasing it, or let the lambda release it [leak-captured-stream]
  PQclear(Res);
}

class ReplyCache {
public:
  void remember(redisReply *Reply) {
    Replays.push_back([Reply] { record(static_cast<int>(Reply->elements)); });
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: stream 'Reply' ('redisReply') is captured by pointer in a lambda that is added to member 'Replays': the pointer dangles once 'remember' returns
  }

private:
  std::vector<std::function<void()>> Replays;
};

void stepLater(sqlite3 *Db) {
  sqlite3_stmt *Stmt = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM orders", -1, &Stmt, nullptr);
  std::thread([&Stmt] {
    while (sqlite3_step(Stmt) == SQLITE_ROW)
      record(sqlite3_column_int(Stmt, 0));
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: stream 'Stmt' ('sqlite3_stmt') is captured by reference in a lambda that runs on a detached thread: the reference dangles once 'stepLater' returns
  sqlite3_finalize(Stmt);
}

// ---- Look-alike negatives ---------------------------------------------------

void handOver(PGconn *Conn) {
  // The lambda owns the result and releases it.
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  std::thread([Res] {
    record(PQntuples(Res));
    PQclear(Res);
  }).detach();
}

void countJoined(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  std::thread Worker([Res] { record(PQntuples(Res)); });
  Worker.join();
  PQclear(Res);
}

void stepNow(sqlite3 *Db) {
  sqlite3_stmt *Stmt = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM orders", -1, &Stmt, nullptr);
  auto Step = [Stmt] { return sqlite3_step(Stmt) == SQLITE_ROW; };
  while (Step())
    record(sqlite3_column_int(Stmt, 0));
  sqlite3_finalize(Stmt);
}

void handOverTwice(PGconn *Conn, bool Cancel) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  std::thread([Res] {
    record(PQntuples(Res));
    PQclear(Res);
  }).detach();
  if (Cancel)
    PQclear(Res);
  // CHECK-MESSAGES: :[[@LINE-6]]:16: warning: stream 'Res' ('PGresult') is captured by pointer in a lambda that runs on a detached thread: the pointer dangles once 'handOverTwice' releases it
}

// A chunked response: the provider reads the statement, and the releaser given
// with it finalizes the statement when the response is over.
void serveRows(sqlite3 *Db, httplib::Response &Res) {
  sqlite3_stmt *Stmt = nullptr;
  if (sqlite3_prepare_v2(Db, "SELECT id FROM orders", -1, &Stmt, nullptr) != SQLITE_OK)
    return;
  Res.set_chunked_content_provider(
      "text/plain",
      [Stmt](size_t, httplib::DataSink &Sink) {
        if (sqlite3_step(Stmt) != SQLITE_ROW) {
          Sink.done();
          return true;
        }
        const std::string Row = std::to_string(sqlite3_column_int(Stmt, 0)) + "\n";
        return Sink.write(Row.data(), Row.size());
      },
      [Stmt](bool) { sqlite3_finalize(Stmt); });
}

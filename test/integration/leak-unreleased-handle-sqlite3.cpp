// REQUIRES: sqlite3
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// Statements and connections of SQLite, with the real sqlite3.h.

#include <sqlite3.h>

#include <memory>
#include <string>

std::string customerName(sqlite3 *Db, int Id) {
  sqlite3_stmt *Stmt = nullptr;
  if (sqlite3_prepare_v2(Db, "SELECT name FROM customers WHERE id = ?", -1,
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Stmt' acquired by 'sqlite3_prepare_v2' is not released on every path: it leaks each time such a path runs; call 'sqlite3_finalize' on every path or own it with 'std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>' [leak-unreleased-handle]
                         &Stmt, nullptr) != SQLITE_OK)
    return {};
  sqlite3_bind_int(Stmt, 1, Id);
  if (sqlite3_step(Stmt) != SQLITE_ROW)
    return {};
  std::string Name =
      reinterpret_cast<const char *>(sqlite3_column_text(Stmt, 0));
  sqlite3_finalize(Stmt);
  return Name;
}

std::string customerNameReleased(sqlite3 *Db, int Id) {
  sqlite3_stmt *Stmt = nullptr;
  const int Rc = sqlite3_prepare_v3(
      Db, "SELECT name FROM customers WHERE id = ?", -1, 0, &Stmt, nullptr);
  if (Rc != SQLITE_OK)
    return {};
  sqlite3_bind_int(Stmt, 1, Id);
  std::string Name;
  if (sqlite3_step(Stmt) == SQLITE_ROW)
    Name = reinterpret_cast<const char *>(sqlite3_column_text(Stmt, 0));
  sqlite3_finalize(Stmt);
  return Name;
}

void insertAll(sqlite3 *Db, int Count) {
  sqlite3_stmt *Stmt = nullptr;
  for (int I = 0; I < Count; ++I) {
    sqlite3_prepare_v2(Db, "INSERT INTO t VALUES (?)", -1, &Stmt, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle 'Stmt' acquired by 'sqlite3_prepare_v2' is acquired again before it is released
    sqlite3_bind_int(Stmt, 1, I);
    sqlite3_step(Stmt);
  }
  sqlite3_finalize(Stmt);
}

void insertAllReleased(sqlite3 *Db, int Count) {
  sqlite3_stmt *Stmt = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO t VALUES (?)", -1, &Stmt, nullptr);
  for (int I = 0; I < Count; ++I) {
    sqlite3_bind_int(Stmt, 1, I);
    sqlite3_step(Stmt);
    sqlite3_reset(Stmt);
  }
  sqlite3_finalize(Stmt);
}

bool openReport(const char *Path) {
  sqlite3 *Db = nullptr;
  if (sqlite3_open_v2(Path, &Db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Db' acquired by 'sqlite3_open_v2' is not released on every path
    return false; // The connection must be closed even when opening failed.
  sqlite3_close(Db);
  return true;
}

bool openReportClosed(const char *Path) {
  sqlite3 *Db = nullptr;
  const int Rc = sqlite3_open(Path, &Db);
  sqlite3_close(Db);
  return Rc == SQLITE_OK;
}

class Database {
public:
  explicit Database(const char *Path) { sqlite3_open(Path, &Db); }
  ~Database() { sqlite3_close(Db); }
  sqlite3_stmt *prepare(const char *Sql) {
    sqlite3_stmt *Stmt = nullptr;
    sqlite3_prepare_v2(Db, Sql, -1, &Stmt, nullptr);
    return Stmt;
  }

private:
  sqlite3 *Db = nullptr;
};

int countRows(sqlite3 *Db) {
  sqlite3_stmt *Raw = nullptr;
  if (sqlite3_prepare_v2(Db, "SELECT count(*) FROM t", -1, &Raw, nullptr) !=
      SQLITE_OK)
    return -1;
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> Stmt(
      Raw, &sqlite3_finalize);
  if (sqlite3_step(Stmt.get()) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int(Stmt.get(), 0);
}

// REQUIRES: sqlite3
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// The real sqlite3.h included inside a namespace, as some database layers do
// to keep the C API out of the global namespace. Functions with C language
// linkage are the same functions whatever namespace declares them, so the
// catalog's '::sqlite3_*' pairs apply; a C++ function of the same name in a
// namespace is not one of them.

#include <string>

namespace sqlite_api {
#include <sqlite3.h>
}

namespace local {
// Not SQLite's: C++ linkage, so not the catalog's '::sqlite3_open'.
int sqlite3_open(const char *Path, int **Out);
} // namespace local

std::string firstName(sqlite_api::sqlite3 *Db) {
  sqlite_api::sqlite3_stmt *Stmt = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(Db, "SELECT name FROM customers", -1,
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Stmt' acquired by 'sqlite3_prepare_v2' is not released on every path
                                     &Stmt, nullptr) != SQLITE_OK)
    return {};
  if (sqlite_api::sqlite3_step(Stmt) != SQLITE_ROW)
    return {};
  std::string Name = reinterpret_cast<const char *>(
      sqlite_api::sqlite3_column_text(Stmt, 0));
  sqlite_api::sqlite3_finalize(Stmt);
  return Name;
}

bool openReleased(const char *Path) {
  sqlite_api::sqlite3 *Db = nullptr;
  const int Rc = sqlite_api::sqlite3_open(Path, &Db);
  sqlite_api::sqlite3_close(Db);
  return Rc == SQLITE_OK;
}

int openLookAlike(const char *Path) {
  int *Handle = nullptr;
  return local::sqlite3_open(Path, &Handle);
}

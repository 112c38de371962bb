// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -isystem /usr/include/postgresql

// A 'throw' that leaves the function ends a path as a return does: a local
// handle still held there leaks. A throw inside a try block of the function
// may be caught there and is not an exit. With the real libpq-fe.h.

#include <libpq-fe.h>

#include <stdexcept>
#include <string>

std::string firstName(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT name FROM users LIMIT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is not released on every path
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    throw std::runtime_error(PQresultErrorMessage(Res));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Res' leaks when the exception thrown here leaves the function
  std::string Name = PQgetvalue(Res, 0, 0);
  PQclear(Res);
  return Name;
}

std::string firstNameReleased(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT name FROM users LIMIT 1");
  if (PQresultStatus(Res) != PGRES_TUPLES_OK) {
    const std::string Error = PQresultErrorMessage(Res);
    PQclear(Res);
    throw std::runtime_error(Error);
  }
  std::string Name = PQgetvalue(Res, 0, 0);
  PQclear(Res);
  return Name;
}

int countOrCleanUp(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT count(*) FROM orders");
  try {
    if (PQntuples(Res) != 1)
      throw std::runtime_error("no count");
  } catch (...) {
    PQclear(Res);
    throw;
  }
  const int Count = std::stoi(PQgetvalue(Res, 0, 0));
  PQclear(Res);
  return Count;
}

PGconn *open(const char *Info) {
  PGconn *Conn = PQconnectdb(Info);
  if (!Conn)
    throw std::bad_alloc();
  if (PQstatus(Conn) != CONNECTION_OK) {
    PQfinish(Conn);
    throw std::runtime_error("cannot connect");
  }
  return Conn;
}

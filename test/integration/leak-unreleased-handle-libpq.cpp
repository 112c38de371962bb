// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -isystem /usr/include/postgresql

// Query results and connections of libpq, with the real libpq-fe.h.

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

int countOrders(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT count(*) FROM orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is not released on every path: it leaks each time such a path runs; call 'PQclear' on every path or own it with 'std::unique_ptr<PGresult, decltype(&PQclear)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<PGresult, decltype(&PQclear)> Res(PQexec(Conn, "SELECT count(*) FROM orders"), &PQclear);{{$}}
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    // CHECK-FIXES: {{^}}  if (PQresultStatus(Res.get()) != PGRES_TUPLES_OK){{$}}
    return -1;
  const int Count = std::stoi(PQgetvalue(Res, 0, 0));
  // CHECK-FIXES: {{^}}  const int Count = std::stoi(PQgetvalue(Res.get(), 0, 0));{{$}}
  PQclear(Res);
  return Count;
}

int countOrdersReleased(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT count(*) FROM orders");
  if (!Res)
    return -1;
  if (PQresultStatus(Res) != PGRES_TUPLES_OK) {
    PQclear(Res);
    return -1;
  }
  const int Count = std::stoi(PQgetvalue(Res, 0, 0));
  PQclear(Res);
  return Count;
}

bool insertOrder(PGconn *Conn, const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  PGresult *Res = PQexecParams(Conn, "INSERT INTO orders(id) VALUES ($1)", 1,
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexecParams' is not released on every path
                               nullptr, Params, nullptr, nullptr, 0);
  return PQresultStatus(Res) == PGRES_COMMAND_OK;
}

bool prepareStatements(PGconn *Conn) {
  PGresult *Res = PQprepare(Conn, "find", "SELECT * FROM orders WHERE id = $1",
                            1, nullptr);
  const bool Ok = PQresultStatus(Res) == PGRES_COMMAND_OK;
  PQclear(Res);
  return Ok;
}

void runPrepared(PGconn *Conn, const std::vector<std::string> &Ids) {
  PGresult *Res = nullptr;
  for (const std::string &Id : Ids) {
    const char *Params[] = {Id.c_str()};
    Res = PQexecPrepared(Conn, "find", 1, Params, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: handle 'Res' acquired by 'PQexecPrepared' is acquired again before it is released: every earlier handle leaks; call 'PQclear' before acquiring the next one [leak-unreleased-handle]
  }
  PQclear(Res);
}

void drainPipeline(PGconn *Conn) {
  PQsendQuery(Conn, "SELECT 1; SELECT 2");
  while (PGresult *Res = PQgetResult(Conn))
    PQclear(Res);
}

// A drain that skips clearing the failed results: each is overwritten by the
// next PQgetResult.
int drainCountingErrors(PGconn *Conn) {
  PGresult *Res = nullptr;
  int Errors = 0;
  PQsendQuery(Conn, "SELECT 1; SELECT 2");
  while ((Res = PQgetResult(Conn)) != nullptr) {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: handle 'Res' acquired by 'PQgetResult' is acquired again before it is released: every earlier handle leaks; call 'PQclear' before acquiring the next one [leak-unreleased-handle]
    if (PQresultStatus(Res) == PGRES_FATAL_ERROR) {
      ++Errors;
      continue;
    }
    PQclear(Res);
  }
  return Errors;
}

// The same drain with the result assigned in the condition: the loop ends at
// the null result, every other one is cleared.
void drainAssigned(PGconn *Conn) {
  PGresult *Res = nullptr;
  PQsendQuery(Conn, "SELECT 1; SELECT 2");
  while ((Res = PQgetResult(Conn)) != nullptr)
    PQclear(Res);
}

void drainAssignedPlain(PGconn *Conn) {
  PGresult *Res;
  PQsendQuery(Conn, "SELECT 1; SELECT 2");
  while ((Res = PQgetResult(Conn)))
    PQclear(Res);
}

class OrderStore {
public:
  explicit OrderStore(const char *Dsn) : Conn(PQconnectdb(Dsn)) {}
  ~OrderStore() { PQfinish(Conn); }
  void load() {
    PGresult *Res = PQexec(Conn, "SELECT * FROM orders");
    Results.push_back(Res);
  }
  PGresult *take() {
    PGresult *Res = PQexec(Conn, "SELECT * FROM orders");
    if (PQresultStatus(Res) != PGRES_TUPLES_OK) {
      PQclear(Res);
      return nullptr;
    }
    return Res;
  }

private:
  PGconn *Conn;
  std::vector<PGresult *> Results;
};

bool ping(const char *Dsn) {
  PGconn *Conn = PQconnectdb(Dsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: handle 'Conn' acquired by 'PQconnectdb' is not released on every path: it leaks each time such a path runs; call 'PQfinish' on every path or own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<PGconn, decltype(&PQfinish)> Conn(PQconnectdb(Dsn), &PQfinish);{{$}}
  if (PQstatus(Conn) != CONNECTION_OK)
    // CHECK-FIXES: {{^}}  if (PQstatus(Conn.get()) != CONNECTION_OK){{$}}
    return false;
  PQfinish(Conn);
  return true;
}

bool pingOwned(const char *Dsn) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> Conn(PQconnectdb(Dsn),
                                                    &PQfinish);
  return PQstatus(Conn.get()) == CONNECTION_OK;
}

void vacuum(PGconn *Conn) {
  PQexec(Conn, "VACUUM");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handle returned by 'PQexec' is discarded: it can never be released and leaks each time this code runs; store it and call 'PQclear' on it [leak-unreleased-handle]
  PQclear(PQexec(Conn, "ANALYZE"));
}

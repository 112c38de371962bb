// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -I %S/../Inputs/c-handles

// Every note: where the handle leaks, and where a new one overwrites it.

#include <c_handles.h>

int countOrders(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is not released on every path
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'Res' leaks when the function returns here
  const int Count = PQntuples(Res);
  if (Count > 100)
    return 100;
  PQclear(Res);
  return Count;
}

void forget(redisContext *Ctx) {
  void *Reply = redisCommand(Ctx, "INCR visits");
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: handle 'Reply' acquired by 'redisCommand' is not released on every path
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Reply' leaks at the end of the function

void reuse(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "BEGIN");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is acquired again before it is released
  Res = PQexec(Conn, "COMMIT");
  // CHECK-NOTES: :[[@LINE-1]]:9: note: 'Res' receives a new handle here while the previous one is still held
  PQclear(Res);
}

// A constructor that throws with a handle in a member: the note points at
// the acquisition.
struct ThrowOnBadConnection {
  explicit ThrowOnBadConnection(const char *Info) {
    Conn = PQconnectdb(Info);
    if (PQstatus(Conn) != CONNECTION_OK)
      throw 1;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: handle in member 'Conn' acquired by 'PQconnectdb' leaks when this throw leaves the constructor
    // CHECK-NOTES: :[[@LINE-4]]:12: note: 'Conn' receives the handle here
  }
  ~ThrowOnBadConnection() { PQfinish(Conn); }
  PGconn *Conn = nullptr;
};

// Code that does not compile: no crash, and no finding on the broken parts.
// RUN: %check_leak_tidy -expect-error %s leak-unreleased-handle %t -- -- -I %S/../Inputs/c-handles

#include <c_handles.h>

void broken(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, undeclared_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: error: use of undeclared identifier 'undeclared_name' [clang-diagnostic-error]
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    return;
  PQclear(Res);
  PGresult *Other = PQexec(Conn, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: handle 'Other' acquired by 'PQexec' is not released on every path
  NoSuchType Value = PQntuples(Other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'NoSuchType' [clang-diagnostic-error]
}

// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- -- -I /usr/include/postgresql

// SQL pagination with libpq's C API.

#include <libpq-fe.h>

#include <cstdlib>
#include <string>
#include <vector>

// LIMIT/OFFSET with the offset passed as a text parameter.
std::vector<std::string> allNames(PGconn *Conn) {
  std::vector<std::string> Names;
  long Offset = 0;
  for (;;) {
    const std::string OffsetText = std::to_string(Offset);
    const char *Params[] = {OffsetText.c_str()};
    PGresult *Res = PQexecParams(Conn, "SELECT name FROM customers ORDER BY id LIMIT 200 OFFSET $1",
                                 1, nullptr, Params, nullptr, nullptr, 0);
    const int Rows = PQntuples(Res);
    for (int I = 0; I < Rows; ++I)
      Names.emplace_back(PQgetvalue(Res, I, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Names' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    PQclear(Res);
    if (Rows == 0)
      break;
    Offset += Rows;
  }
  return Names;
}
// CHECK-FIXES: {{^}}  long Offset = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  for (;;) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Names.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    const std::string OffsetText = std::to_string(Offset);{{$}}

// Keyset with the statement built as text.
std::vector<long> allIds(PGconn *Conn) {
  std::vector<long> Ids;
  long Last = 0;
  while (true) {
    const std::string Sql = "SELECT id FROM orders WHERE id > " + std::to_string(Last) + " ORDER BY id LIMIT 500";
    PGresult *Res = PQexec(Conn, Sql.c_str());
    const int Rows = PQntuples(Res);
    if (Rows == 0) {
      PQclear(Res);
      break;
    }
    for (int I = 0; I < Rows; ++I)
      Ids.push_back(std::atol(PQgetvalue(Res, I, 0)));
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Ids' accumulates every page of this pagination loop with no cap
    Last = std::atol(PQgetvalue(Res, Rows - 1, 0));
    PQclear(Res);
  }
  return Ids;
}

// ---- Look-alike negatives -----------------------------------------------

// Capped by a row counter.
std::vector<std::string> someNames(PGconn *Conn) {
  std::vector<std::string> Names;
  long Offset = 0;
  int Seen = 0;
  while (Seen < 5000) {
    const std::string OffsetText = std::to_string(Offset);
    const char *Params[] = {OffsetText.c_str()};
    PGresult *Res = PQexecParams(Conn, "SELECT name FROM customers ORDER BY id LIMIT 200 OFFSET $1",
                                 1, nullptr, Params, nullptr, nullptr, 0);
    const int Rows = PQntuples(Res);
    for (int I = 0; I < Rows; ++I, ++Seen)
      Names.emplace_back(PQgetvalue(Res, I, 0));
    PQclear(Res);
    if (Rows == 0)
      break;
    Offset += Rows;
  }
  return Names;
}

// Rows are counted, nothing is kept.
long countRows(PGconn *Conn) {
  long Count = 0;
  long Offset = 0;
  for (;;) {
    const std::string Sql = "SELECT 1 FROM orders LIMIT 1000 OFFSET " + std::to_string(Offset);
    PGresult *Res = PQexec(Conn, Sql.c_str());
    const int Rows = PQntuples(Res);
    PQclear(Res);
    if (Rows == 0)
      break;
    Count += Rows;
    Offset += Rows;
  }
  return Count;
}

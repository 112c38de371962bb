// REQUIRES: pqxx
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t

// SQL pagination with libpqxx 6.4: LIMIT/OFFSET, keyset, server-side
// cursors.

#include <pqxx/pqxx>

#include <cstddef>
#include <string>
#include <vector>

struct Order {
  long Id;
  long Cents;
};

// ---- Positives ----------------------------------------------------------

// LIMIT/OFFSET, the offset advanced by the size of each page.
std::vector<Order> byOffset(pqxx::work &Txn, const std::string &Customer) {
  std::vector<Order> All;
  long Offset = 0;
  while (true) {
    pqxx::result Page = Txn.exec_params(
        "SELECT id, cents FROM orders WHERE customer = $1 ORDER BY id LIMIT 500 OFFSET $2",
        Customer, Offset);
    if (Page.empty())
      break;
    for (const auto &Row : Page)
      All.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'All' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    Offset += static_cast<long>(Page.size());
  }
  return All;
}
// CHECK-FIXES: {{^}}  long Offset = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (All.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    pqxx::result Page = Txn.exec_params({{$}}

// Keyset: the last row's key feeds the next query, which has no LIMIT.
std::vector<Order> byKeyset(pqxx::work &Txn) {
  std::vector<Order> All;
  long LastId = 0;
  for (;;) {
    pqxx::result Page = Txn.exec_params("SELECT id, cents FROM orders WHERE id > $1 ORDER BY id", LastId);
    if (Page.empty())
      break;
    for (const auto &Row : Page) {
      All.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'All' accumulates every page of this pagination loop with no cap
      LastId = Row[0].as<long>();
    }
  }
  return All;
}
// CHECK-FIXES: {{^}}  long LastId = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  for (;;) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (All.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    pqxx::result Page = Txn.exec_params("SELECT id, cents FROM orders WHERE id > $1 ORDER BY id", LastId);{{$}}

// A page number in a statement built by concatenation; the page size is a
// constant.
std::vector<std::string> byPageNumber(pqxx::work &Txn) {
  std::vector<std::string> Names;
  constexpr int kPage = 100;
  for (int Number = 0;; ++Number) {
    const pqxx::result Page = Txn.exec("SELECT name FROM customers ORDER BY name LIMIT 100 OFFSET " +
                                       std::to_string(Number * kPage));
    for (const auto &Row : Page)
      Names.push_back(Row[0].c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Names' accumulates every page of this pagination loop with no cap
    if (Page.size() < kPage)
      break;
  }
  return Names;
}

// A server-side cursor read block by block.
std::vector<Order> byCursor(pqxx::work &Txn) {
  std::vector<Order> All;
  pqxx::icursorstream Cursor(Txn, "SELECT id, cents FROM orders", "orders_cursor", 200);
  pqxx::result Block;
  while (Cursor >> Block) {
    for (const auto &Row : Block)
      All.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'All' accumulates every page of this pagination loop with no cap
  }
  return All;
}
// CHECK-FIXES: {{^}}  pqxx::result Block;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES: {{^}}    if (All.size() >= kMaxItems) break;{{$}}

// ---- Look-alike negatives -----------------------------------------------

// Each page is summed and dropped.
long totalCents(pqxx::work &Txn) {
  long Total = 0;
  long Offset = 0;
  while (true) {
    pqxx::result Page = Txn.exec_params("SELECT cents FROM orders ORDER BY id LIMIT 500 OFFSET $1", Offset);
    if (Page.empty())
      break;
    for (const auto &Row : Page)
      Total += Row[0].as<long>();
    Offset += 500;
  }
  return Total;
}

// Capped by the size of what is kept.
std::vector<Order> capped(pqxx::work &Txn) {
  std::vector<Order> All;
  long Offset = 0;
  while (All.size() < 10000) {
    pqxx::result Page = Txn.exec_params("SELECT id, cents FROM orders ORDER BY id LIMIT 500 OFFSET $1", Offset);
    if (Page.empty())
      break;
    for (const auto &Row : Page)
      All.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
    Offset += 500;
  }
  return All;
}

// Capped by a page counter.
std::vector<Order> pageCap(pqxx::work &Txn) {
  std::vector<Order> All;
  for (int Page = 0; Page < 20; ++Page) {
    pqxx::result Rows = Txn.exec_params("SELECT id, cents FROM orders ORDER BY id LIMIT 500 OFFSET $1", Page * 500);
    if (Rows.empty())
      break;
    for (const auto &Row : Rows)
      All.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
  }
  return All;
}

// One query per known id: the index walks an in-memory list.
std::vector<long> centsOf(pqxx::work &Txn, const std::vector<long> &Ids) {
  std::vector<long> Cents;
  for (std::size_t I = 0; I < Ids.size(); ++I) {
    pqxx::result Row = Txn.exec_params("SELECT cents FROM orders WHERE id = $1", Ids[I]);
    Cents.push_back(Row[0][0].as<long>());
  }
  for (auto It = Ids.begin(); It != Ids.end(); ++It) {
    pqxx::result Row = Txn.exec_params("SELECT cents FROM orders WHERE id = $1", *It);
    Cents.push_back(Row[0][0].as<long>());
  }
  return Cents;
}

// A single bounded query, no loop.
std::vector<Order> latest(pqxx::work &Txn) {
  std::vector<Order> Rows;
  for (const auto &Row : Txn.exec("SELECT id, cents FROM orders ORDER BY id DESC LIMIT 50"))
    Rows.push_back(Order{Row[0].as<long>(), Row[1].as<long>()});
  return Rows;
}

// The cursor's blocks are written out and dropped.
void exportAll(pqxx::work &Txn, void (*Write)(const pqxx::result &)) {
  pqxx::icursorstream Cursor(Txn, "SELECT id, cents FROM orders", "export_cursor", 1000);
  pqxx::result Block;
  while (Cursor >> Block)
    Write(Block);
}

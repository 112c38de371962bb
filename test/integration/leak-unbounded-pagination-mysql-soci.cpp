// REQUIRES: mariadb, soci
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- -- -I /usr/include/mariadb

// SQL pagination through the MySQL C API and through SOCI, with the real
// headers: LIMIT/OFFSET and keyset loops that keep every page.

#include <mysql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <string>
#include <vector>

// OFFSET carried from one mysql_query to the next.
std::vector<std::string> allSkus(MYSQL *Conn) {
  std::vector<std::string> Skus;
  long Offset = 0;
  for (;;) {
    const std::string Sql = "SELECT sku FROM items ORDER BY id LIMIT 500 OFFSET " +
                            std::to_string(Offset);
    if (mysql_query(Conn, Sql.c_str()) != 0)
      break;
    MYSQL_RES *Res = mysql_store_result(Conn);
    const my_ulonglong Rows = mysql_num_rows(Res);
    while (MYSQL_ROW Row = mysql_fetch_row(Res))
      Skus.emplace_back(Row[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Skus' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    mysql_free_result(Res);
    if (Rows == 0)
      break;
    Offset += static_cast<long>(Rows);
  }
  return Skus;
}

// The same loop, stopped at a maximum size.
std::vector<std::string> someSkus(MYSQL *Conn) {
  std::vector<std::string> Skus;
  long Offset = 0;
  while (Skus.size() < 10000) {
    const std::string Sql = "SELECT sku FROM items ORDER BY id LIMIT 500 OFFSET " +
                            std::to_string(Offset);
    if (mysql_query(Conn, Sql.c_str()) != 0)
      break;
    MYSQL_RES *Res = mysql_store_result(Conn);
    const my_ulonglong Rows = mysql_num_rows(Res);
    while (MYSQL_ROW Row = mysql_fetch_row(Res))
      Skus.emplace_back(Row[0]);
    mysql_free_result(Res);
    if (Rows == 0)
      break;
    Offset += static_cast<long>(Rows);
  }
  return Skus;
}

// Each page handled and dropped: only a counter grows.
long countSkus(MYSQL *Conn) {
  long Offset = 0, Count = 0;
  for (;;) {
    const std::string Sql = "SELECT sku FROM items ORDER BY id LIMIT 500 OFFSET " +
                            std::to_string(Offset);
    if (mysql_query(Conn, Sql.c_str()) != 0)
      break;
    MYSQL_RES *Res = mysql_store_result(Conn);
    const my_ulonglong Rows = mysql_num_rows(Res);
    Count += static_cast<long>(Rows);
    mysql_free_result(Res);
    if (Rows == 0)
      break;
    Offset += static_cast<long>(Rows);
  }
  return Count;
}

// Keyset pagination with SOCI: the last id read is bound into the next query.
std::vector<int> allOrderIds(soci::session &Sql) {
  std::vector<int> Ids;
  int Last = 0;
  for (;;) {
    std::vector<int> Page(200);
    Sql << "SELECT id FROM orders WHERE id > :last ORDER BY id LIMIT 200",
        soci::use(Last), soci::into(Page);
    if (Page.empty())
      break;
    Ids.insert(Ids.end(), Page.begin(), Page.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Ids' accumulates every page of this pagination loop with no cap
    Last = Page.back();
  }
  return Ids;
}

// The same, processing each page and dropping it.
long sumOrderIds(soci::session &Sql) {
  long Sum = 0;
  int Last = 0;
  for (;;) {
    std::vector<int> Page(200);
    Sql << "SELECT id FROM orders WHERE id > :last ORDER BY id LIMIT 200",
        soci::use(Last), soci::into(Page);
    if (Page.empty())
      break;
    for (int Id : Page)
      Sum += Id;
    Last = Page.back();
  }
  return Sum;
}

// A rowset fetches its rows from the server as the loop goes: every row of
// an unbounded query is kept.
std::vector<std::string> allCustomerNames(soci::session &Sql) {
  std::vector<std::string> Names;
  soci::rowset<soci::row> Rows = (Sql.prepare << "SELECT name FROM customers");
  for (const soci::row &Row : Rows)
    Names.push_back(Row.get<std::string>(0));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Names' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
  return Names;
}

// The query is limited by the server.
std::vector<std::string> newestCustomerNames(soci::session &Sql) {
  std::vector<std::string> Names;
  soci::rowset<soci::row> Rows =
      (Sql.prepare << "SELECT name FROM customers ORDER BY id DESC LIMIT 50");
  for (const soci::row &Row : Rows)
    Names.push_back(Row.get<std::string>(0));
  return Names;
}

// Stopped at a maximum size.
std::vector<std::string> someCustomerNames(soci::session &Sql) {
  std::vector<std::string> Names;
  soci::rowset<soci::row> Rows = (Sql.prepare << "SELECT name FROM customers");
  for (const soci::row &Row : Rows) {
    if (Names.size() >= 1000)
      break;
    Names.push_back(Row.get<std::string>(0));
  }
  return Names;
}

// Each row handled and dropped.
std::size_t countCustomers(soci::session &Sql) {
  std::size_t Count = 0;
  soci::rowset<soci::row> Rows = (Sql.prepare << "SELECT name FROM customers");
  for (const soci::row &Row : Rows)
    Count += Row.size() > 0 ? 1 : 0;
  return Count;
}

// A range-based loop over a vector already read is not paging.
std::vector<std::string> copyNames(const std::vector<std::string> &From) {
  std::vector<std::string> Names;
  for (const std::string &Name : From)
    Names.push_back(Name);
  return Names;
}

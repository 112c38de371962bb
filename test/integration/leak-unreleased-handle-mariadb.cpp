// REQUIRES: mariadb
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -I /usr/include/mariadb

// MySQL/MariaDB connections, result sets and statements, with the real
// mysql.h of libmariadb-dev.

#include <mysql.h>

#include <memory>
#include <stdexcept>
#include <string>

long countRows(MYSQL *Conn, const char *Sql) {
  if (mysql_query(Conn, Sql) != 0)
    return -1;
  MYSQL_RES *Res = mysql_store_result(Conn);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: handle 'Res' acquired by 'mysql_store_result' is not released on every path: it leaks each time such a path runs; call 'mysql_free_result' on every path or own it with 'std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> Res(mysql_store_result(Conn), &mysql_free_result);{{$}}
  if (mysql_num_fields(Res) == 0)
    // CHECK-FIXES: {{^}}  if (mysql_num_fields(Res.get()) == 0){{$}}
    return 0;
  const long Rows = static_cast<long>(mysql_num_rows(Res));
  // CHECK-FIXES: {{^}}  const long Rows = static_cast<long>(mysql_num_rows(Res.get()));{{$}}
  mysql_free_result(Res);
  return Rows;
}

long countRowsFreed(MYSQL *Conn, const char *Sql) {
  if (mysql_query(Conn, Sql) != 0)
    return -1;
  MYSQL_RES *Res = mysql_use_result(Conn);
  if (!Res)
    return -1;
  long Rows = 0;
  while (mysql_fetch_row(Res))
    ++Rows;
  mysql_free_result(Res);
  return Rows;
}

class Link {
public:
  explicit Link(const char *Host) {
    Conn = mysql_init(nullptr);
    if (!Conn)
      throw std::runtime_error("out of memory");
    if (!mysql_real_connect(Conn, Host, "app", nullptr, "app", 0, nullptr, 0))
      throw std::runtime_error(mysql_error(Conn));
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Conn' acquired by 'mysql_init' leaks when this throw leaves the constructor
  }
  ~Link() { mysql_close(Conn); }

  bool prepare(const std::string &Sql) {
    MYSQL_STMT *Stmt = mysql_stmt_init(Conn);
    if (!Stmt)
      return false;
    if (mysql_stmt_prepare(Stmt, Sql.c_str(), Sql.size()) != 0)
      return false;
    // CHECK-MESSAGES: :[[@LINE-5]]:24: warning: handle 'Stmt' acquired by 'mysql_stmt_init' is not released on every path
    mysql_stmt_close(Stmt);
    return true;
  }

private:
  MYSQL *Conn = nullptr;
};

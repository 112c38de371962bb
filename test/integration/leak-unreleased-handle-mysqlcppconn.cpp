// REQUIRES: mysqlcppconn
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// MySQL Connector/C++ 1.1 hands out connections, statements and result sets
// as raw pointers that the caller must delete. With the real cppconn headers.

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>
#include <string>

int firstId(sql::Connection *Conn, const std::string &Sql) {
  sql::Statement *Stmt = Conn->createStatement();
  std::unique_ptr<sql::Statement> OwnedStmt(Stmt);
  sql::ResultSet *Rows = OwnedStmt->executeQuery(Sql);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: handle 'Rows' acquired by 'executeQuery' is not released on every path: it leaks each time such a path runs; delete it on every path or own it with 'std::unique_ptr<sql::ResultSet>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<sql::ResultSet> Rows(OwnedStmt->executeQuery(Sql));{{$}}
  if (!Rows->next())
    return -1;
  const int Id = Rows->getInt(1);
  delete Rows;
  // CHECK-FIXES: {{^}}  const int Id = Rows->getInt(1);{{$}}
  // CHECK-FIXES-NOT: delete Rows;
  // CHECK-FIXES: {{^}}  return Id;{{$}}
  return Id;
}

std::string ownerOf(sql::Connection *Conn, int OrderId) {
  sql::PreparedStatement *Stmt =
      Conn->prepareStatement("SELECT owner FROM orders WHERE id = ?");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Stmt' acquired by 'prepareStatement' is not released on every path: it leaks each time such a path runs; delete it on every path or own it with 'std::unique_ptr<sql::PreparedStatement>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<sql::PreparedStatement> Stmt(Conn->prepareStatement("SELECT owner FROM orders WHERE id = ?"));{{$}}
  Stmt->setInt(1, OrderId);
  std::unique_ptr<sql::ResultSet> Rows(Stmt->executeQuery());
  if (!Rows->next())
    return {}; // the statement is lost here
  std::string Owner = Rows->getString(1);
  delete Stmt;
  return Owner;
}

void touch(sql::Connection *Conn) {
  // Used once through '->' and never deleted.
  Conn->createStatement()->execute("UPDATE stats SET hits = hits + 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handle returned by 'createStatement' is used once through '->' and never released: it leaks each time this code runs; store it and delete it after its use [leak-unreleased-handle]
}

void refresh(sql::Statement *Stmt) {
  Stmt->executeQuery("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handle returned by 'executeQuery' is discarded: it can never be released and leaks each time this code runs; store it and delete it [leak-unreleased-handle]
}

sql::Connection *open(sql::Driver *Driver) {
  sql::Connection *Conn = Driver->connect("tcp://127.0.0.1:3306", "app", "pw");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: handle 'Conn' acquired by 'connect' is not released on every path: it leaks each time such a path runs; delete it on every path or own it with 'std::unique_ptr<sql::Connection>' [leak-unreleased-handle]
  if (Conn->isClosed())
    return nullptr;
  Conn->setSchema("shop");
  return Conn;
}

// Look-alikes: owned by unique_ptr, deleted on every path, handed to the
// caller, or objects the connection keeps (metadata).

int countRows(sql::Connection *Conn) {
  std::unique_ptr<sql::Statement> Stmt(Conn->createStatement());
  std::unique_ptr<sql::ResultSet> Rows(
      Stmt->executeQuery("SELECT COUNT(*) FROM orders"));
  return Rows->next() ? Rows->getInt(1) : 0;
}

int countDeleted(sql::Connection *Conn) {
  sql::Statement *Stmt = Conn->createStatement();
  sql::ResultSet *Rows = Stmt->executeQuery("SELECT COUNT(*) FROM orders");
  int Count = 0;
  if (Rows->next())
    Count = Rows->getInt(1);
  delete Rows;
  delete Stmt;
  return Count;
}

sql::ResultSet *query(sql::Statement *Stmt) {
  sql::ResultSet *Rows = Stmt->executeQuery("SELECT id FROM orders");
  return Rows;
}

std::string productName(sql::Connection *Conn) {
  sql::DatabaseMetaData *Meta = Conn->getMetaData();
  return Meta->getDatabaseProductName();
}

void reset(std::unique_ptr<sql::ResultSet> &Rows, sql::Statement *Stmt) {
  Rows.reset(Stmt->executeQuery("SELECT id FROM orders"));
}

// Owned by a unique_ptr to const: its constructor takes a pointer to const,
// and owns what it is given.
bool anyRow(sql::Statement *Stmt) {
  const std::unique_ptr<const sql::ResultSet> Rows(
      Stmt->executeQuery("SELECT 1"));
  return Rows->rowsCount() > 0;
}

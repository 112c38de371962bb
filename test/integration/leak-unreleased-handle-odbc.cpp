// REQUIRES: odbc
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// ODBC environment, connection and statement handles, with the real unixODBC
// headers: handles allocated into members by a constructor that throws, and
// statements allocated into locals.

#include <sql.h>
#include <sqlext.h>

#include <stdexcept>
#include <string>

static void expectSuccess(SQLRETURN Rc, const char *What) {
  if (!SQL_SUCCEEDED(Rc))
    throw std::runtime_error(What);
}

class Warehouse {
public:
  explicit Warehouse(const std::string &Dsn) {
    SQLRETURN Rc = SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &Env);
    if (Rc != SQL_SUCCESS)
      throw std::runtime_error("no environment");
    Rc = SQLSetEnvAttr(Env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    expectSuccess(Rc, "odbc version");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle in member 'Env' acquired by 'SQLAllocHandle' leaks when 'expectSuccess' throws out of the constructor: no destructor runs for an object whose constructor throws; call 'SQLFreeHandle' before throwing or hold the handle in a 'std::unique_ptr' member with 'SQLFreeHandle' as its deleter [leak-unreleased-handle]
    if (SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc) != SQL_SUCCESS) {
      SQLFreeHandle(SQL_HANDLE_ENV, Env);
      throw std::runtime_error("no connection handle");
    }
    Rc = SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)Dsn.c_str(), SQL_NTS,
                          nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(Rc))
      throw std::runtime_error("cannot connect");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Dbc' acquired by 'SQLAllocHandle' leaks when this throw leaves the constructor
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: handle in member 'Env' acquired by 'SQLAllocHandle' leaks when this throw leaves the constructor
  }
  ~Warehouse() {
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, Env);
  }

  long count(const char *Sql) {
    SQLHSTMT Stmt = SQL_NULL_HSTMT;
    if (SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt) != SQL_SUCCESS)
      return -1;
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: handle 'Stmt' acquired by 'SQLAllocHandle' is not released on every path: it leaks each time such a path runs; call 'SQLFreeHandle' on every path [leak-unreleased-handle]
    if (!SQL_SUCCEEDED(SQLExecDirect(Stmt, (SQLCHAR *)Sql, SQL_NTS)))
      return -1;
    SQLLEN Rows = 0;
    SQLRowCount(Stmt, &Rows);
    SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
    return Rows;
  }

  long countFreed(const char *Sql) {
    SQLHSTMT Stmt = SQL_NULL_HSTMT;
    if (SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt) != SQL_SUCCESS)
      return -1;
    SQLLEN Rows = -1;
    if (SQL_SUCCEEDED(SQLExecDirect(Stmt, (SQLCHAR *)Sql, SQL_NTS)))
      SQLRowCount(Stmt, &Rows);
    SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
    return Rows;
  }

private:
  SQLHENV Env = SQL_NULL_HENV;
  SQLHDBC Dbc = SQL_NULL_HDBC;
};

// The ODBC 2 allocation functions.
class LegacyLink {
public:
  LegacyLink() {
    SQLAllocEnv(&Env);
    if (SQLAllocConnect(Env, &Dbc) != SQL_SUCCESS) {
      SQLFreeEnv(Env);
      throw std::runtime_error("no connection handle");
    }
    if (!SQL_SUCCEEDED(SQLConnect(Dbc, (SQLCHAR *)"dsn", SQL_NTS, nullptr, 0,
                                  nullptr, 0))) {
      SQLFreeConnect(Dbc);
      SQLFreeEnv(Env);
      throw std::runtime_error("cannot connect");
    }
  }
  ~LegacyLink() {
    SQLDisconnect(Dbc);
    SQLFreeConnect(Dbc);
    SQLFreeEnv(Env);
  }

private:
  SQLHENV Env = SQL_NULL_HENV;
  SQLHDBC Dbc = SQL_NULL_HDBC;
};

// Status tests through a predicate of the project, on a status the previous
// statement assigned: a failed allocation leaves no handle.
inline bool isOdbcError(SQLRETURN Rc) {
  if (Rc != SQL_SUCCESS && Rc != SQL_SUCCESS_WITH_INFO && Rc != SQL_NO_DATA)
    return true;
  else
    return false;
}
static bool succeeded(SQLRETURN Rc) { return Rc == SQL_SUCCESS; }

class Ledger {
public:
  Ledger() {
    SQLRETURN Rc;
    Rc = SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &Env);
    if (isOdbcError(Rc))
      throw std::runtime_error("no environment");
    Rc = SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    if (!succeeded(Rc))
      throw std::runtime_error("no connection handle");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Env' acquired by 'SQLAllocHandle' leaks when this throw leaves the constructor
  }
  ~Ledger() {
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, Env);
  }

private:
  SQLHENV Env = SQL_NULL_HENV;
  SQLHDBC Dbc = SQL_NULL_HDBC;
};

long countRows(SQLHDBC Dbc) {
  SQLHSTMT Stmt;
  SQLRETURN Rc;
  Rc = SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt);
  if (isOdbcError(Rc))
    return -1;
  if (isOdbcError(SQLExecDirect(Stmt, (SQLCHAR *)"SELECT 1", SQL_NTS)))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-5]]:8: warning: handle 'Stmt' acquired by 'SQLAllocHandle' is not released on every path
  SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
  return 1;
}

// REQUIRES: odbc, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// ODBC connections opened for every request, with the real unixODBC
// headers; connections opened once at start-up or in a constructor, or
// naming a data source chosen by the request, are not.

#include <httplib.h>
#include <sql.h>
#include <sqlext.h>

#include <mutex>
#include <string>

static SQLHENV Env = SQL_NULL_HENV;
static const char *const kConnection = "DSN=orders;UID=app;PWD=secret";

void routes(httplib::Server &Server) {
  Server.Get("/orders/count", [](const httplib::Request &, httplib::Response &Res) {
    SQLHDBC Dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    const SQLRETURN Rc = SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr,
                                          0, nullptr, SQL_DRIVER_NOPROMPT);
    // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: 'SQLDriverConnect' is called for every request: each call loads the driver, opens a socket and authenticates to the data source; turn on the driver manager's connection pooling ('SQL_ATTR_CONNECTION_POOLING') or keep one connection per thread [leak-per-request-client]
    Res.status = SQL_SUCCEEDED(Rc) ? 204 : 503;
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  });
  // The statement is bound to request data after the connection is made:
  // the connection itself is not built from the request.
  Server.Get("/orders/status", [](const httplib::Request &Req, httplib::Response &Res) {
    const std::string Id = Req.get_param_value("id");
    SQLHDBC Dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr, 0, nullptr,
                     SQL_DRIVER_NOPROMPT);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'SQLDriverConnect' is called for every request
    SQLHSTMT Stmt = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt);
    SQLLEN IdLen = SQL_NTS;
    SQLBindParameter(Stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, Id.size(), 0,
                     (SQLPOINTER)Id.c_str(), 0, &IdLen);
    Res.status = SQL_SUCCEEDED(SQLExecDirect(Stmt, (SQLCHAR *)"SELECT status FROM orders WHERE id = ?",
                                             SQL_NTS))
                     ? 200
                     : 404;
    SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  });
  Server.Get("/orders/legacy", [](const httplib::Request &, httplib::Response &Res) {
    SQLHDBC Dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    if (!SQL_SUCCEEDED(SQLConnect(Dbc, (SQLCHAR *)"orders", SQL_NTS, (SQLCHAR *)"app", SQL_NTS,
                                  (SQLCHAR *)"secret", SQL_NTS))) {
      // CHECK-MESSAGES: :[[@LINE-2]]:24: warning: 'SQLConnect' is called for every request: each call loads the driver, opens a socket and authenticates to the data source
      SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
      Res.status = 503;
      return;
    }
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
    Res.status = 204;
  });
}

// A helper that connects, called by a handler.
static bool connectOrders(SQLHDBC Dbc) {
  return SQL_SUCCEEDED(SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr,
                                        0, nullptr, SQL_DRIVER_NOPROMPT));
  // CHECK-MESSAGES: :[[@LINE-2]]:24: warning: 'SQLDriverConnect' is called for every request
}

void auditRoutes(httplib::Server &Server) {
  Server.Post("/audit", [](const httplib::Request &, httplib::Response &Res) {
    SQLHDBC Dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    Res.status = connectOrders(Dbc) ? 204 : 503;
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  });
}

// ---- Look-alike negatives -------------------------------------------------

void otherRoutes(httplib::Server &Server) {
  // One connection per thread, made the first time the thread serves.
  Server.Get("/orders/local", [](const httplib::Request &, httplib::Response &Res) {
    thread_local SQLHDBC Dbc = SQL_NULL_HDBC;
    if (Dbc == SQL_NULL_HDBC) {
      SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
      SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr, 0, nullptr,
                       SQL_DRIVER_NOPROMPT);
    }
    Res.status = 204;
  });
  // The data source is named by the request.
  Server.Get("/tenant", [](const httplib::Request &Req, httplib::Response &Res) {
    SQLHDBC Dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
    const std::string Connection = "DSN=" + Req.get_param_value("tenant");
    SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)Connection.c_str(), SQL_NTS, nullptr, 0, nullptr,
                     SQL_DRIVER_NOPROMPT);
    SQLDisconnect(Dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
    Res.status = 204;
  });
}

// A member connection opened in the constructor and used under a lock.
class OrderLedger {
public:
  OrderLedger() {
    SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc_);
    SQLDriverConnect(Dbc_, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr, 0, nullptr,
                     SQL_DRIVER_NOPROMPT);
  }
  ~OrderLedger() {
    SQLDisconnect(Dbc_);
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc_);
  }
  void routes(httplib::Server &Server) {
    Server.Get("/ledger", [this](const httplib::Request &, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      SQLHSTMT Stmt = SQL_NULL_HSTMT;
      SQLAllocHandle(SQL_HANDLE_STMT, Dbc_, &Stmt);
      Res.status = SQL_SUCCEEDED(SQLExecDirect(Stmt, (SQLCHAR *)"SELECT 1", SQL_NTS)) ? 204 : 500;
      SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
    });
  }

private:
  std::mutex Mutex_;
  SQLHDBC Dbc_ = SQL_NULL_HDBC;
};

int main() {
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &Env);
  SQLSetEnvAttr(Env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
  SQLHDBC Admin = SQL_NULL_HDBC;
  SQLAllocHandle(SQL_HANDLE_DBC, Env, &Admin);
  SQLDriverConnect(Admin, nullptr, (SQLCHAR *)kConnection, SQL_NTS, nullptr, 0, nullptr,
                   SQL_DRIVER_NOPROMPT);
  httplib::Server Server;
  routes(Server);
  auditRoutes(Server);
  otherRoutes(Server);
  OrderLedger Ledger;
  Ledger.routes(Server);
  const bool Ok = Server.listen("0.0.0.0", 8080);
  SQLDisconnect(Admin);
  SQLFreeHandle(SQL_HANDLE_DBC, Admin);
  SQLFreeHandle(SQL_HANDLE_ENV, Env);
  return Ok ? 0 : 1;
}

// REQUIRES: libpq, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -isystem /usr/include/postgresql

// libpq connections opened in request handlers and per item of a batch.

#include <httplib.h>
#include <libpq-fe.h>

#include <string>
#include <vector>

static const char *const kConnInfo = "host=db dbname=orders user=orders";

void routes(httplib::Server &Server) {
  Server.Get("/count", [](const httplib::Request &, httplib::Response &Res) {
    PGconn *Conn = PQconnectdb(kConnInfo);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQconnectdb' is called for every request: each call opens a socket, authenticates and starts a PostgreSQL server process; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
    PGresult *Rows = PQexec(Conn, "SELECT count(*) FROM orders");
    Res.set_content(PQgetvalue(Rows, 0, 0), "text/plain");
    PQclear(Rows);
    PQfinish(Conn);
  });
  Server.Get("/params", [](const httplib::Request &, httplib::Response &Res) {
    static const char *const Keys[] = {"host", "dbname", nullptr};
    static const char *const Values[] = {"db", "orders", nullptr};
    PGconn *Conn = PQconnectdbParams(Keys, Values, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQconnectdbParams' is called for every request
    Res.status = PQstatus(Conn) == CONNECTION_OK ? 200 : 503;
    PQfinish(Conn);
  });
  Server.Get("/login", [](const httplib::Request &, httplib::Response &Res) {
    // PQsetdb is a macro over PQsetdbLogin: the call is the user's.
    PGconn *Conn = PQsetdb("db", "5432", nullptr, nullptr, "orders");
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQsetdbLogin' is called for every request
    Res.status = PQstatus(Conn) == CONNECTION_OK ? 200 : 503;
    PQfinish(Conn);
  });
}

// A helper that connects, called once per order of a batch.
static void markShipped(const std::string &Id) {
  PGconn *Conn = PQconnectdb(kConnInfo);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'PQconnectdb' is called for every item of a loop: each call opens a socket, authenticates and starts a PostgreSQL server process; connect once before the loop and reuse the handle [leak-per-request-client]
  const char *Params[] = {Id.c_str()};
  PQclear(PQexecParams(Conn, "UPDATE orders SET shipped = true WHERE id = $1", 1, nullptr,
                       Params, nullptr, nullptr, 0));
  PQfinish(Conn);
}

void shipAll(const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    markShipped(Id);
}

// ---- Look-alike negatives -------------------------------------------------

static PGconn *Shared = nullptr;

PGconn *initDatabase() { return PQconnectdb(kConnInfo); }

void sharedRoutes(httplib::Server &Server) {
  Server.Get("/shared", [](const httplib::Request &, httplib::Response &Res) {
    if (Shared == nullptr)
      Shared = PQconnectdb(kConnInfo);
    Res.status = PQstatus(Shared) == CONNECTION_OK ? 200 : 503;
  });
  Server.Get("/thread", [](const httplib::Request &, httplib::Response &Res) {
    thread_local PGconn *Conn = PQconnectdb(kConnInfo);
    Res.status = PQstatus(Conn) == CONNECTION_OK ? 200 : 503;
  });
  // The target comes from the request.
  Server.Get("/probe", [](const httplib::Request &Req, httplib::Response &Res) {
    PGconn *Conn = PQconnectdb(Req.get_param_value("conninfo").c_str());
    Res.status = PQstatus(Conn) == CONNECTION_OK ? 200 : 503;
    PQfinish(Conn);
  });
}

// One connection per database: each iteration connects somewhere else.
void checkAll(const std::vector<std::string> &ConnInfos) {
  for (const std::string &Info : ConnInfos) {
    PGconn *Conn = PQconnectdb(Info.c_str());
    PQfinish(Conn);
  }
}

int main() {
  Shared = initDatabase();
  PGconn *Admin = PQconnectdb(kConnInfo);
  PQfinish(Admin);
  httplib::Server Server;
  routes(Server);
  sharedRoutes(Server);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}

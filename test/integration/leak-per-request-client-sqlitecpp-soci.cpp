// REQUIRES: sqlitecpp, soci, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// Databases opened for every request through SQLiteCpp and SOCI, with the
// real headers; sessions borrowed from a SOCI connection pool are not new
// connections.

#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>
#include <soci/soci.h>

#include <memory>
#include <string>

static const char *const kOrders = "/var/lib/orders/orders.db";
static const char *const kWarehouse = "dbname=warehouse host=db.internal";

void sqliteRoutes(httplib::Server &Server) {
  Server.Get("/flags", [](const httplib::Request &, httplib::Response &Res) {
    SQLite::Database Db(kOrders, SQLite::OPEN_READONLY);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'SQLite::Database' is created for every request: each one opens the database file, takes its locks and parses its schema again; open the database once and share the handle through a pool or one per thread ('thread_local') [leak-per-request-client]
    SQLite::Statement Query(Db, "SELECT name FROM flags");
    std::string Names;
    while (Query.executeStep())
      Names += Query.getColumn(0).getString() + "\n";
    Res.set_content(Names, "text/plain");
  });
  Server.Post("/flags", [](const httplib::Request &Req, httplib::Response &) {
    auto Db = std::make_unique<SQLite::Database>(kOrders,
                                                 SQLite::OPEN_READWRITE);
    // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'SQLite::Database' is created for every request
    Db->exec("INSERT INTO flags(name) VALUES ('" + Req.body + "')");
  });
  // A private in-memory database: nothing shared is opened again.
  Server.Get("/scratch", [](const httplib::Request &, httplib::Response &) {
    SQLite::Database Scratch(":memory:", SQLite::OPEN_READWRITE);
    Scratch.exec("CREATE TABLE t(x)");
  });
}

// One database object for the service, opened when it starts.
class FlagStore {
public:
  FlagStore() : Db(kOrders, SQLite::OPEN_READONLY) {}
  void install(httplib::Server &Server) {
    Server.Get("/flag", [this](const httplib::Request &, httplib::Response &Res) {
      SQLite::Statement Query(Db, "SELECT COUNT(*) FROM flags");
      Res.set_content(Query.executeStep() ? "1" : "0", "text/plain");
    });
  }

private:
  SQLite::Database Db;
};

class StockRoutes {
public:
  StockRoutes() : Pool(4) {
    for (std::size_t I = 0; I != 4; ++I)
      Pool.at(I).open("postgresql", kWarehouse);
  }

  void install(httplib::Server &Server) {
    Server.Get("/stock", [](const httplib::Request &, httplib::Response &Res) {
      soci::session Sql("postgresql", kWarehouse);
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'soci::session' is created for every request: each one opens a connection to the database server and authenticates; create one 'soci::connection_pool' at start-up and build the session from it ('soci::session sql(pool)') for the request [leak-per-request-client]
      int Count = 0;
      Sql << "SELECT COUNT(*) FROM stock", soci::into(Count);
      Res.set_content(std::to_string(Count), "text/plain");
    });
    // Borrowed from the pool for the request, given back when it ends.
    Server.Get("/stock/pooled", [this](const httplib::Request &,
                                       httplib::Response &Res) {
      soci::session Sql(Pool);
      int Count = 0;
      Sql << "SELECT COUNT(*) FROM stock", soci::into(Count);
      Res.set_content(std::to_string(Count), "text/plain");
    });
  }

private:
  soci::connection_pool Pool;
};

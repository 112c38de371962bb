// REQUIRES: pqxx, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I /usr/include/postgresql

// libpqxx 6 connections opened in cpp-httplib routes, beside the ways of
// sharing them that are fine.

#include <httplib.h>
#include <pqxx/pqxx>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct Config {
  std::string DatabaseUrl = "postgresql://orders@localhost/orders";
};

static const char *const kDsn = "postgresql://orders@localhost/orders";

void perRequest(httplib::Server &Server, const Config &Cfg) {
  Server.Get("/orders", [&Cfg](const httplib::Request &Req, httplib::Response &Res) {
    pqxx::connection Conn{Cfg.DatabaseUrl};
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'pqxx::connection' is created for every request: each one opens a socket, authenticates and starts a PostgreSQL server process; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
    // CHECK-FIXES: {{^}}    pqxx::connection Conn{Cfg.DatabaseUrl};{{$}}
    pqxx::work Txn{Conn};
    Res.set_content(Txn.exec1("SELECT count(*) FROM orders")[0].c_str(), "text/plain");
  });
  // Never 'static', even with constant arguments: a connection is not
  // safe to share between the server's threads.
  Server.Post("/orders", [](const httplib::Request &Req, httplib::Response &) {
    auto Conn = std::make_unique<pqxx::connection>(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'pqxx::connection' is created for every request
    // CHECK-FIXES: {{^}}    auto Conn = std::make_unique<pqxx::connection>(kDsn);{{$}}
    pqxx::work Txn{*Conn};
    Txn.exec_params("INSERT INTO orders(body) VALUES ($1)", Req.body);
    Txn.commit();
  });
  Server.Delete("/orders", [](const httplib::Request &, httplib::Response &) {
    pqxx::lazyconnection Lazy{kDsn};
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'pqxx::lazyconnection' is created for every request
    pqxx::work{Lazy}.exec("DELETE FROM orders WHERE done");
  });
}

// A handler registered from a named function and a stored lambda.
static void health(const httplib::Request &, httplib::Response &Res) {
  pqxx::connection Probe{kDsn};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' is created for every request
  Res.status = Probe.is_open() ? 200 : 503;
}

void otherForms(httplib::Server &Server) {
  Server.Get("/health", health);
  auto Stats = [](const httplib::Request &, httplib::Response &Res) {
    pqxx::connection Conn{kDsn};
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'pqxx::connection' is created for every request
    Res.set_content(Conn.dbname(), "text/plain");
  };
  Server.Get("/stats", Stats);
}

// ---- Look-alike negatives -------------------------------------------------

class OrderStore {
public:
  explicit OrderStore(const Config &Cfg) : Conn_(Cfg.DatabaseUrl) {}
  void routes(httplib::Server &Server) {
    Server.Get("/member", [this](const httplib::Request &, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      pqxx::work Txn{Conn_}; // The member connection, made once.
      Res.set_content(Txn.exec1("SELECT 1")[0].c_str(), "text/plain");
    });
  }

private:
  std::mutex Mutex_;
  pqxx::connection Conn_;
};

// A small pool: connections are opened only when none is idle.
class ConnectionPool {
public:
  explicit ConnectionPool(std::string Dsn) : Dsn_(std::move(Dsn)) {}
  std::unique_ptr<pqxx::connection> acquire() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    if (Idle_.empty())
      return std::make_unique<pqxx::connection>(Dsn_);
    auto Conn = std::move(Idle_.back());
    Idle_.pop_back();
    return Conn;
  }
  void release(std::unique_ptr<pqxx::connection> Conn) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    Idle_.push_back(std::move(Conn));
  }

private:
  std::string Dsn_;
  std::mutex Mutex_;
  std::vector<std::unique_ptr<pqxx::connection>> Idle_;
};

void shared(httplib::Server &Server, ConnectionPool &Pool, const Config &Cfg) {
  Server.Get("/pooled", [&Pool](const httplib::Request &, httplib::Response &Res) {
    auto Conn = Pool.acquire();
    Res.set_content(pqxx::work{*Conn}.exec1("SELECT 1")[0].c_str(), "text/plain");
    Pool.release(std::move(Conn));
  });
  static pqxx::connection *Lazy = nullptr;
  static std::mutex LazyMutex;
  Server.Get("/lazy", [&Cfg](const httplib::Request &, httplib::Response &Res) {
    std::lock_guard<std::mutex> Lock(LazyMutex);
    if (!Lazy)
      Lazy = new pqxx::connection{Cfg.DatabaseUrl};
    Res.set_content(pqxx::work{*Lazy}.exec1("SELECT 1")[0].c_str(), "text/plain");
  });
  Server.Get("/per-thread", [](const httplib::Request &, httplib::Response &Res) {
    thread_local pqxx::connection Conn{kDsn};
    Res.set_content(pqxx::work{Conn}.exec1("SELECT 1")[0].c_str(), "text/plain");
  });
  // The database depends on the request: a per-tenant pool is the fix, and
  // the check does not guess it.
  Server.Get("/tenant", [](const httplib::Request &Req, httplib::Response &Res) {
    pqxx::connection Conn{"dbname=" + Req.get_header_value("X-Tenant")};
    Res.set_content(Conn.dbname(), "text/plain");
  });
}

int main() {
  Config Cfg;
  pqxx::connection Migrations{Cfg.DatabaseUrl};
  pqxx::work{Migrations}.exec("SELECT 1");
  ConnectionPool Pool(Cfg.DatabaseUrl);
  OrderStore Store(Cfg);
  httplib::Server Server;
  Store.routes(Server);
  shared(Server, Pool, Cfg);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}

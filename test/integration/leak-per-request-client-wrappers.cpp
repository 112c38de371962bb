// REQUIRES: pqxx, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// Classes of the program whose constructor creates a client are clients too:
// a repository built in a route opens a PostgreSQL connection with every
// request. With the real libpqxx and cpp-httplib headers.

#include <httplib.h>
#include <pqxx/pqxx>

#include <memory>
#include <string>

struct Settings {
  std::string DatabaseUrl;
};

class OrderRepository {
public:
  explicit OrderRepository(const Settings &S) : Conn_(S.DatabaseUrl) {}
  int count() {
    pqxx::work Tx(Conn_);
    return static_cast<int>(Tx.exec("SELECT 1 FROM orders").size());
  }

private:
  pqxx::connection Conn_;
};

// The connection is made in the body, through a smart pointer.
class AuditLog {
public:
  explicit AuditLog(const std::string &Url) {
    Conn_ = std::make_unique<pqxx::connection>(Url);
  }
  void write(const std::string &) {}

private:
  std::unique_ptr<pqxx::connection> Conn_;
};

// Two levels: the service owns a repository that connects.
class OrderService {
public:
  explicit OrderService(const Settings &S) : Orders_(S) {}
  int count() { return Orders_.count(); }

private:
  OrderRepository Orders_;
};

void routes(httplib::Server &Server, const Settings &S) {
  Server.Get("/orders/count", [&S](const httplib::Request &, httplib::Response &Res) {
    OrderRepository Repository(S);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'OrderRepository' is created for every request, and its constructor creates 'pqxx::connection': each one opens a socket, authenticates and starts a PostgreSQL server process; create the 'OrderRepository' once and share it, or give it a client that outlives the request instead of creating one [leak-per-request-client]
    // CHECK-MESSAGES: :20:49: note: 'pqxx::connection' is created here with every 'OrderRepository'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the lambda is a request handler: it is registered with 'httplib::Server::Get' here
    Res.set_content(std::to_string(Repository.count()), "text/plain");
  });
  Server.Post("/audit", [&S](const httplib::Request &Req, httplib::Response &) {
    auto Log = std::make_shared<AuditLog>(S.DatabaseUrl);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'AuditLog' is created for every request, and its constructor creates 'pqxx::connection'
    // CHECK-MESSAGES: :34:13: note: 'pqxx::connection' is created here with every 'AuditLog'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the lambda is a request handler
    Log->write(Req.body);
  });
  Server.Get("/service/count", [&S](const httplib::Request &, httplib::Response &Res) {
    OrderService Service(S);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'OrderService' is created for every request, and its constructor creates 'pqxx::connection'
    // CHECK-MESSAGES: :20:49: note: 'pqxx::connection' is created here with every 'OrderService'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the lambda is a request handler
    Res.set_content(std::to_string(Service.count()), "text/plain");
  });
}

// Look-alikes.

// Built once, where the routes are registered, and shared by the routes.
void sharedRoutes(httplib::Server &Server, const Settings &S) {
  auto Shared = std::make_shared<OrderRepository>(S);
  Server.Get("/shared/count", [Shared](const httplib::Request &, httplib::Response &Res) {
    Res.set_content(std::to_string(Shared->count()), "text/plain");
  });
}

// The connection comes from outside: the object is cheap.
class BorrowingRepository {
public:
  explicit BorrowingRepository(pqxx::connection &Conn) : Conn_(Conn) {}
  int count() {
    pqxx::work Tx(Conn_);
    return static_cast<int>(Tx.exec("SELECT 1 FROM orders").size());
  }

private:
  pqxx::connection &Conn_;
};

// Connects only once, into a shared connection.
class LazyRepository {
public:
  explicit LazyRepository(const Settings &S) {
    if (!Shared)
      Shared = new pqxx::connection(S.DatabaseUrl);
  }

private:
  static pqxx::connection *Shared;
};
pqxx::connection *LazyRepository::Shared = nullptr;

// The database is chosen by the request: a client per tenant needs a cache
// keyed by tenant, which is not guessed.
class TenantRepository {
public:
  explicit TenantRepository(const std::string &Url) : Conn_(Url) {}

private:
  pqxx::connection Conn_;
};

void moreRoutes(httplib::Server &Server, pqxx::connection &Conn, const Settings &S) {
  Server.Get("/borrowed/count", [&Conn](const httplib::Request &, httplib::Response &Res) {
    BorrowingRepository Repository(Conn);
    Res.set_content(std::to_string(Repository.count()), "text/plain");
  });
  Server.Get("/lazy", [&S](const httplib::Request &, httplib::Response &) {
    LazyRepository Repository(S);
  });
  Server.Get("/tenant", [](const httplib::Request &Req, httplib::Response &) {
    TenantRepository Repository(Req.get_header_value("X-Tenant-Database"));
  });
}

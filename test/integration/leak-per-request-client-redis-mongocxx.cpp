// REQUIRES: httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/redis-plus-plus -I %S/../Inputs/mongocxx

// redis-plus-plus and mongocxx clients built for every request. Both own a
// connection pool: redis-plus-plus's is safe to share between threads, a
// mongocxx client is not, and comes from a mongocxx::pool instead.

#include <httplib.h>
#include <mongocxx/client.hpp>
#include <mongocxx/instance.hpp>
#include <mongocxx/pool.hpp>
#include <mongocxx/uri.hpp>
#include <sw/redis++/redis++.h>

#include <string>

void sessionRoutes(httplib::Server &Server) {
  Server.Get("/session", [](const httplib::Request &Req, httplib::Response &Res) {
    sw::redis::Redis Redis("tcp://cache.internal:6379");
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'sw::redis::Redis' is created for every request: each one opens its own connection pool to the Redis server; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
    // CHECK-FIXES: {{^}}    static sw::redis::Redis Redis("tcp://cache.internal:6379");{{$}}
    const auto Value = Redis.get(Req.get_param_value("id"));
    Res.set_content(Value.value_or(""), "text/plain");
  });
  Server.Post("/session", [](const httplib::Request &Req, httplib::Response &) {
    sw::redis::ConnectionOptions Options;
    Options.host = "cache.internal";
    sw::redis::RedisCluster Cluster(Options);
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'sw::redis::RedisCluster' is created for every request
    Cluster.set("session", Req.body);
  });
}

class CatalogRoutes {
public:
  CatalogRoutes()
      : Pool(mongocxx::uri("mongodb://db.internal:27017")),
        Cache("tcp://cache.internal:6379") {}

  void install(httplib::Server &Server) {
    Server.Get("/items", [](const httplib::Request &, httplib::Response &Res) {
      mongocxx::client Client(mongocxx::uri("mongodb://db.internal:27017"));
      // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'mongocxx::client' is created for every request: each one starts its own topology scanner, connection pool and server monitoring; create one 'mongocxx::pool' at start-up and 'acquire()' a client from it for the request [leak-per-request-client]
      auto Items = Client["shop"]["items"];
      Res.set_content(std::to_string(Items.count_documents("{}")), "text/plain");
    });
    // A client acquired from the pool for the request, and the service's
    // own shared Redis client.
    Server.Get("/items/pooled", [this](const httplib::Request &,
                                       httplib::Response &Res) {
      auto Client = Pool.acquire();
      auto Items = (*Client)["shop"]["items"];
      Cache.incr("items.pooled");
      Res.set_content(std::to_string(Items.count_documents("{}")), "text/plain");
    });
  }

private:
  mongocxx::pool Pool;
  sw::redis::Redis Cache;
};

int main() {
  mongocxx::instance Driver;
  httplib::Server Server;
  sessionRoutes(Server);
  CatalogRoutes Routes;
  Routes.install(Server);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}

// REQUIRES: mongoc, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I /usr/include/libmongoc-1.0 -I /usr/include/libbson-1.0

// MongoDB C driver clients made per request and per item of a loop, with the
// real mongoc.h of libmongoc-dev; clients popped from a pool made at
// start-up, made in main or a constructor, or kept per thread are not.

#include <httplib.h>
#include <mongoc/mongoc.h>

#include <mutex>
#include <string>
#include <vector>

static const char *const kUri = "mongodb://db.internal:27017/?appname=orders";

void routes(httplib::Server &Server) {
  Server.Get("/orders/count", [](const httplib::Request &, httplib::Response &Res) {
    mongoc_client_t *Client = mongoc_client_new(kUri);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'mongoc_client_new' is called for every request: each call starts its own topology scanner, connection pool and server monitoring; create one 'mongoc_client_pool_t' at start-up and pop a client from it for the request ('mongoc_client_pool_pop'/'mongoc_client_pool_push') [leak-per-request-client]
    mongoc_collection_t *Orders = mongoc_client_get_collection(Client, "shop", "orders");
    bson_t *Filter = bson_new();
    bson_error_t Error;
    const int64_t Count =
        mongoc_collection_count_documents(Orders, Filter, nullptr, nullptr, nullptr, &Error);
    Res.set_content(std::to_string(Count), "text/plain");
    bson_destroy(Filter);
    mongoc_collection_destroy(Orders);
    mongoc_client_destroy(Client);
  });
  Server.Post("/orders/ping", [](const httplib::Request &, httplib::Response &Res) {
    mongoc_uri_t *Uri = mongoc_uri_new(kUri);
    mongoc_client_t *Client = mongoc_client_new_from_uri(Uri);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'mongoc_client_new_from_uri' is called for every request
    bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
    bson_error_t Error;
    Res.status =
        mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error) ? 204 : 503;
    bson_destroy(Ping);
    mongoc_client_destroy(Client);
    mongoc_uri_destroy(Uri);
  });
}

// The error the client reports into is reused later for parsing the
// request's body: the client is not built from request data.
void insertRoutes(httplib::Server &Server) {
  Server.Post("/orders", [](const httplib::Request &Req, httplib::Response &Res) {
    bson_error_t Error;
    mongoc_uri_t *Uri = mongoc_uri_new(kUri);
    mongoc_client_t *Client = mongoc_client_new_from_uri_with_error(Uri, &Error);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'mongoc_client_new_from_uri_with_error' is called for every request: each call starts its own topology scanner, connection pool and server monitoring; create one 'mongoc_client_pool_t' at start-up and pop a client from it for the request ('mongoc_client_pool_pop'/'mongoc_client_pool_push') [leak-per-request-client]
    mongoc_collection_t *Orders = mongoc_client_get_collection(Client, "shop", "orders");
    bson_t *Doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(Req.body.data()),
                                     static_cast<ssize_t>(Req.body.size()), &Error);
    Res.status =
        Doc && mongoc_collection_insert_one(Orders, Doc, nullptr, nullptr, &Error) ? 201 : 400;
    if (Doc)
      bson_destroy(Doc);
    mongoc_collection_destroy(Orders);
    mongoc_client_destroy(Client);
    mongoc_uri_destroy(Uri);
  });
}

// A helper that connects, called by a handler.
static bool recordAudit(const std::string &Line) {
  mongoc_client_t *Client = mongoc_client_new(kUri);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'mongoc_client_new' is called for every request
  mongoc_collection_t *Audit = mongoc_client_get_collection(Client, "shop", "audit");
  bson_t *Doc = BCON_NEW("line", BCON_UTF8(Line.c_str()));
  bson_error_t Error;
  const bool Ok = mongoc_collection_insert_one(Audit, Doc, nullptr, nullptr, &Error);
  bson_destroy(Doc);
  mongoc_collection_destroy(Audit);
  mongoc_client_destroy(Client);
  return Ok;
}

void auditRoutes(httplib::Server &Server) {
  Server.Post("/audit", [](const httplib::Request &Req, httplib::Response &Res) {
    Res.status = recordAudit(Req.body) ? 204 : 500;
  });
}

// One client for every line of the import.
void importLines(const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines) {
    bson_error_t Error;
    mongoc_uri_t *Uri = mongoc_uri_new_with_error(kUri, &Error);
    mongoc_client_t *Client = mongoc_client_new_from_uri_with_error(Uri, &Error);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'mongoc_client_new_from_uri_with_error' is called for every item of a loop: each call starts its own topology scanner, connection pool and server monitoring; connect once before the loop and reuse the handle [leak-per-request-client]
    mongoc_collection_t *Target = mongoc_client_get_collection(Client, "shop", "lines");
    bson_t *Doc = BCON_NEW("line", BCON_UTF8(Line.c_str()));
    mongoc_collection_insert_one(Target, Doc, nullptr, nullptr, nullptr);
    bson_destroy(Doc);
    mongoc_collection_destroy(Target);
    mongoc_client_destroy(Client);
    mongoc_uri_destroy(Uri);
  }
}

// ---- Look-alike negatives -------------------------------------------------

// Clients popped from the pool that main creates once, and pushed back.
void pooledRoutes(httplib::Server &Server, mongoc_client_pool_t *Pool) {
  Server.Get("/pooled", [Pool](const httplib::Request &, httplib::Response &Res) {
    mongoc_client_t *Client = mongoc_client_pool_pop(Pool);
    bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
    bson_error_t Error;
    Res.status =
        mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error) ? 204 : 503;
    bson_destroy(Ping);
    mongoc_client_pool_push(Pool, Client);
  });
  Server.Get("/pooled/try", [Pool](const httplib::Request &, httplib::Response &Res) {
    mongoc_client_t *Client = mongoc_client_pool_try_pop(Pool);
    if (!Client) {
      Res.status = 503;
      return;
    }
    Res.status = 204;
    mongoc_client_pool_push(Pool, Client);
  });
}

void otherRoutes(httplib::Server &Server) {
  // The cluster is chosen by the request.
  Server.Get("/tenant", [](const httplib::Request &Req, httplib::Response &Res) {
    mongoc_client_t *Client = mongoc_client_new(Req.get_param_value("uri").c_str());
    mongoc_client_destroy(Client);
    Res.status = 204;
  });
  // The URI the client connects to comes from the request.
  Server.Post("/tenant/orders", [](const httplib::Request &Req, httplib::Response &Res) {
    bson_error_t Error;
    mongoc_uri_t *Uri =
        mongoc_uri_new_with_error(Req.get_header_value("X-Cluster").c_str(), &Error);
    mongoc_client_t *Client = mongoc_client_new_from_uri_with_error(Uri, &Error);
    bson_t *Doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(Req.body.data()),
                                     static_cast<ssize_t>(Req.body.size()), &Error);
    Res.status = Doc ? 204 : 400;
    if (Doc)
      bson_destroy(Doc);
    mongoc_client_destroy(Client);
    mongoc_uri_destroy(Uri);
  });
  // One client per thread, made by the first request of that thread.
  Server.Get("/per-thread", [](const httplib::Request &, httplib::Response &Res) {
    thread_local mongoc_client_t *Client = mongoc_client_new(kUri);
    bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
    bson_error_t Error;
    Res.status =
        mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error) ? 204 : 503;
    bson_destroy(Ping);
  });
}

// A member client made in the constructor and used under a lock.
class ItemCatalog {
public:
  ItemCatalog() : Client_(mongoc_client_new(kUri)) {}
  ~ItemCatalog() { mongoc_client_destroy(Client_); }
  void routes(httplib::Server &Server) {
    Server.Get("/items", [this](const httplib::Request &, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      mongoc_collection_t *Items = mongoc_client_get_collection(Client_, "shop", "items");
      Res.status = 204;
      mongoc_collection_destroy(Items);
    });
  }

private:
  std::mutex Mutex_;
  mongoc_client_t *Client_;
};

int main() {
  mongoc_init();
  mongoc_uri_t *Uri = mongoc_uri_new(kUri);
  mongoc_client_pool_t *Pool = mongoc_client_pool_new(Uri);
  mongoc_client_t *Admin = mongoc_client_new(kUri);
  httplib::Server Server;
  routes(Server);
  insertRoutes(Server);
  auditRoutes(Server);
  pooledRoutes(Server, Pool);
  otherRoutes(Server);
  ItemCatalog Items;
  Items.routes(Server);
  const bool Ok = Server.listen("0.0.0.0", 8080);
  mongoc_client_destroy(Admin);
  mongoc_client_pool_destroy(Pool);
  mongoc_uri_destroy(Uri);
  mongoc_cleanup();
  return Ok ? 0 : 1;
}

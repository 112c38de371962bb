// REQUIRES: httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// cpp-httplib clients created inside cpp-httplib routes: a gateway that
// forwards to a backend.

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

static const char *const kBackend = "http://inventory.internal:8080";

class Gateway {
public:
  explicit Gateway(httplib::Server &Server) : Backend_(kBackend) {
    using namespace std::placeholders;
    Server.Get("/stock", std::bind(&Gateway::stock, this, _1, _2));
    Server.Get("/shared", [this](const httplib::Request &Req, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      if (auto Reply = Backend_.Get(Req.path.c_str())) // The member client.
        Res.set_content(Reply->body, "application/json");
    });
    Server.set_pre_routing_handler([](const httplib::Request &Req, httplib::Response &Res) {
      httplib::Client Auth("http://auth.internal:8080");
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'httplib::Client' is created for every request: each one opens its own socket and TLS session that no other request can reuse; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
      // CHECK-FIXES: {{^}}      httplib::Client Auth("http://auth.internal:8080");{{$}}
      auto Reply = Auth.Get("/check");
      return Reply && Reply->status == 200 ? httplib::Server::HandlerResponse::Unhandled
                                           : httplib::Server::HandlerResponse::Handled;
    });
  }

private:
  void stock(const httplib::Request &Req, httplib::Response &Res) {
    httplib::Client Inventory(kBackend);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'httplib::Client' is created for every request
    if (auto Reply = Inventory.Get(Req.path.c_str()))
      Res.set_content(Reply->body, "application/json");
  }

  std::mutex Mutex_;
  httplib::Client Backend_;
};

// Registered in another file: the request parameter says it is a handler.
void prices(const httplib::Request &Req, httplib::Response &Res) {
  auto Pricing = std::make_unique<httplib::Client>("pricing.internal", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'httplib::Client' is created for every request
  if (auto Reply = Pricing->Get("/prices"))
    Res.set_content(Reply->body, "application/json");
}

// ---- Look-alike negatives -------------------------------------------------

// A proxy: where to connect comes from the request.
void proxy(httplib::Server &Server) {
  Server.Get("/proxy", [](const httplib::Request &Req, httplib::Response &Res) {
    httplib::Client Upstream(Req.get_header_value("X-Upstream"));
    if (auto Reply = Upstream.Get(Req.path.c_str()))
      Res.set_content(Reply->body, "text/plain");
  });
}

// Callbacks given to a client's request are not routes.
std::string download(httplib::Client &Client) {
  std::string Body;
  Client.Get("/export", [&Body](const char *Data, size_t Length) {
    Body.append(Data, Length);
    return true;
  });
  return Body;
}

int main() {
  httplib::Client Probe(kBackend);
  httplib::Server Server;
  Gateway Routes(Server);
  Server.Get("/prices", prices);
  proxy(Server);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}

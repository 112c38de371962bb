// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-per-request-client %t

// cpprestsdk http_client objects created in http_listener handlers.

#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>

#include <functional>

using web::http::http_request;
using web::http::methods;
using web::http::status_codes;
using web::http::client::http_client;
using web::http::experimental::listener::http_listener;

class CatalogApi {
public:
  CatalogApi(http_listener &Listener) : Search_(U("http://search.internal:9200")) {
    Listener.support(methods::GET,
                     std::bind(&CatalogApi::get, this, std::placeholders::_1));
    Listener.support(methods::POST, [](http_request Request) {
      http_client Indexer(U("http://indexer.internal:8080"));
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'http_client' is created for every request: each one sets up its own HTTP pipeline and connection pool; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
      // CHECK-FIXES: {{^}}      static http_client Indexer(U("http://indexer.internal:8080"));{{$}}
      Indexer.request(methods::POST, U("/index")).wait();
      Request.reply(status_codes::Accepted);
    });
    Listener.support(methods::DEL, [this](http_request Request) {
      Search_.request(methods::DEL, U("/cache")).wait(); // The member client.
      Request.reply(status_codes::OK);
    });
  }

private:
  void get(http_request Request) {
    web::http::client::http_client_config Config;
    Config.set_timeout(std::chrono::seconds(2));
    http_client Pricing(U("http://pricing.internal:8080"), Config);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'http_client' is created for every request
    // CHECK-FIXES: {{^}}    http_client Pricing(U("http://pricing.internal:8080"), Config);{{$}}
    Request.reply(status_codes::OK, Pricing.request(methods::GET).get().extract_json().get());
  }

  http_client Search_;
};

// A webhook: the target is the caller's.
void webhooks(http_listener &Listener) {
  Listener.support(methods::PUT, [](http_request Request) {
    const auto Target = Request.headers()[U("X-Callback")];
    http_client Callback(Target);
    Callback.request(methods::POST).wait();
    Request.reply(status_codes::Accepted);
  });
}

// Registered in another file: replying to the http_request it receives is
// what makes this a handler.
void lookupCity(http_request Message, const utility::string_t &PostalCode) {
  http_client Geo(U("http://geo.internal:8080"));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'http_client' is created for every request
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: 'lookupCity' is a request handler: it replies to its parameter 'Message' with 'web::http::http_request::reply', so it runs once for each request received
  Geo.request(methods::GET, PostalCode)
      .then([=](web::http::http_response Response) {
        Message.reply(status_codes::OK, Response.extract_json().get());
      })
      .wait();
}

// Client code: it sends the http_request it is given and replies to nothing,
// so it is not a handler.
web::http::http_response forward(http_request Outgoing) {
  http_client Upstream(U("http://upstream.internal:8080"));
  return Upstream.request(Outgoing).get();
}

int main() {
  http_listener Listener(U("http://0.0.0.0:8080/catalog"));
  CatalogApi Api(Listener);
  webhooks(Listener);
  Listener.open().wait();
  http_client Warmup(U("http://search.internal:9200"));
  return 0;
}

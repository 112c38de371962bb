// REQUIRES: poco
// RUN: %check_leak_tidy %s leak-per-request-client %t

// Poco: the server calls 'handleRequest' of a handler its factory creates
// for every request; database sessions and HTTP client sessions opened there
// are opened for every request. With the real Poco headers.

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

static const std::string kConnector = "PostgreSQL";
static const std::string kDatabase = "host=db.internal dbname=shop";

class OrderHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &Request,
                     Poco::Net::HTTPServerResponse &Response) override {
    Poco::Data::Session Session(kConnector, kDatabase);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Poco::Data::Session' is created for every request: each one opens a connection to the database server and authenticates; create one 'Poco::Data::SessionPool' at start-up and take a session from it ('pool.get()') for the request [leak-per-request-client]
    Poco::Net::HTTPClientSession Pricing("pricing.internal", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'Poco::Net::HTTPClientSession' is created for every request: each one opens its own TCP connection (and TLS session) that no other request can reuse; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
    Poco::Net::HTTPRequest Quote(Poco::Net::HTTPRequest::HTTP_GET,
                                 Request.getURI());
    Pricing.sendRequest(Quote);
    Poco::Net::HTTPResponse Reply;
    Pricing.receiveResponse(Reply);
    Response.setStatus(Reply.getStatus());
    Response.send() << "ok";
  }
};

// Sessions taken from a pool made once, when the factory is built.
class PooledHandler : public Poco::Net::HTTPRequestHandler {
public:
  explicit PooledHandler(Poco::Data::SessionPool &Pool) : Pool(Pool) {}
  void handleRequest(Poco::Net::HTTPServerRequest &,
                     Poco::Net::HTTPServerResponse &Response) override {
    Poco::Data::Session Session(Pool.get());
    Response.send() << (Session.isConnected() ? "up" : "down");
  }

private:
  Poco::Data::SessionPool &Pool;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Factory() : Pool(kConnector, kDatabase, 1, 8) {}
  Poco::Net::HTTPRequestHandler *
  createRequestHandler(const Poco::Net::HTTPServerRequest &Request) override {
    if (Request.getURI() == "/orders")
      return new OrderHandler;
    return new PooledHandler(Pool);
  }

private:
  Poco::Data::SessionPool Pool;
};

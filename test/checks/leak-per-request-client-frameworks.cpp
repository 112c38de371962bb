// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/aws-sdk -I %S/../Inputs/drogon -I %S/../Inputs/pistache

// Handlers of web frameworks whose headers Debian does not ship, recognised
// by the qualified names of their registration functions and base classes.

#include <aws/dynamodb/DynamoDBClient.h>
#include <drogon/drogon.h>
#include <pistache/router.h>

#include <functional>
#include <memory>
#include <string>

using Aws::DynamoDB::DynamoDBClient;
static const Aws::Client::ClientConfiguration kConfig;
void use(const DynamoDBClient &);

// ---- Drogon ---------------------------------------------------------------

void drogonRoutes() {
  drogon::app().registerHandler(
      "/users/{id}",
      [](const drogon::HttpRequestPtr &Req,
         std::function<void(const drogon::HttpResponsePtr &)> &&Callback) {
        DynamoDBClient Client(kConfig);
        // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'DynamoDBClient' is created for every request
        use(Client);
        Callback(drogon::HttpResponse::newHttpResponse());
      },
      {drogon::Get});
}

class UserController : public drogon::HttpController<UserController> {
public:
  METHOD_LIST_BEGIN
  METHOD_ADD(UserController::get, "/{id}", drogon::Get);
  ADD_METHOD_TO(UserController::list, "/users", drogon::Get);
  METHOD_LIST_END

  void get(const drogon::HttpRequestPtr &Req,
           std::function<void(const drogon::HttpResponsePtr &)> &&Callback,
           const std::string &Id) const {
    DynamoDBClient Client(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every request
    use(Client);
  }
  void list(const drogon::HttpRequestPtr &Req,
            std::function<void(const drogon::HttpResponsePtr &)> &&Callback) const {
    auto Client = std::make_shared<DynamoDBClient>();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'DynamoDBClient' is created for every request
    // CHECK-FIXES: {{^}}    static auto Client = std::make_shared<DynamoDBClient>();{{$}}
    use(*Client);
  }
  // Not listed as a route, and not called by one.
  void audit() const {
    DynamoDBClient Client(kConfig);
    use(Client);
  }
};

class HealthController : public drogon::HttpSimpleController<HealthController> {
public:
  HealthController() : Client_(kConfig) {}
  void asyncHandleHttpRequest(
      const drogon::HttpRequestPtr &Req,
      std::function<void(const drogon::HttpResponsePtr &)> &&Callback) override {
    use(Client_); // The member built in the constructor: fine.
    DynamoDBClient Probe(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every request
    use(Probe);
  }

private:
  DynamoDBClient Client_;
};

// ---- Pistache -------------------------------------------------------------

void freeHandler(const Pistache::Rest::Request &Req, Pistache::Http::ResponseWriter Response) {
  DynamoDBClient Client(kConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'DynamoDBClient' is created for every request
  use(Client);
}

class Api {
public:
  explicit Api(Pistache::Rest::Router &Router) : Shared_(kConfig) {
    using namespace Pistache::Rest;
    Routes::Get(Router, "/orders/:id", Routes::bind(&Api::getOrder, this));
    Routes::Post(Router, "/orders", Routes::bind(&Api::postOrder, this));
    Routes::Get(Router, "/ping", Routes::bind(&freeHandler));
    DynamoDBClient Warmup(kConfig); // In a constructor: once.
    use(Warmup);
  }

private:
  void getOrder(const Pistache::Rest::Request &Req, Pistache::Http::ResponseWriter Response) {
    DynamoDBClient Client(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every request
    use(Client);
  }
  void postOrder(const Pistache::Rest::Request &Req, Pistache::Http::ResponseWriter Response) {
    use(Shared_); // Shared member: fine.
  }
  DynamoDBClient Shared_;
};

class RawHandler : public Pistache::Http::Handler {
public:
  void onRequest(const Pistache::Http::Request &Req,
                 Pistache::Http::ResponseWriter Response) override {
    use(DynamoDBClient(kConfig));
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'DynamoDBClient' is created for every request
  }
  std::shared_ptr<Pistache::Http::Handler> clone() const override {
    return std::make_shared<RawHandler>();
  }
};

// A lambda that is stored but never registered is not known to be a handler.
std::function<void()> notRegistered() {
  return [] { use(DynamoDBClient(kConfig)); };
}

// RUN: %check_leak_tidy %s leak-per-request-client %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: leak-per-request-client.ClientTypes, value: '::legacy::DbSession'}, \
// RUN:     {key: leak-per-request-client.ClientFactories, value: '::legacy::openSession'}, \
// RUN:     {key: leak-per-request-client.ThreadSafeClients, value: '::legacy::openSession'}, \
// RUN:     {key: leak-per-request-client.HandlerFunctions, value: '^api::handle[A-Z]'}, \
// RUN:     {key: leak-per-request-client.HandlerRegistrationFunctions, value: '::api::Router::add'}, \
// RUN:     {key: leak-per-request-client.HandlerBaseClasses, value: '::api::Endpoint'}, \
// RUN:     {key: leak-per-request-client.PerCallTypes, value: '::api::CallState'}, \
// RUN:     {key: leak-per-request-client.CallableWrappers, value: '::api::wrap'}, \
// RUN:     {key: leak-per-request-client.MessageReadFunctions, value: '::api::Inbox::next'}, \
// RUN:     {key: leak-per-request-client.ContainerBoundMethods, value: 'count'}, \
// RUN:     {key: leak-per-request-client.SetupFunctions, value: '::warmUp$'}, \
// RUN:     {key: leak-per-request-client.PoolFunctions, value: 'SessionCache::'}]}" \
// RUN:   -- -I %S/../Inputs/aws-sdk

// An in-house framework and database library, described to the check through
// its options. Every list replaces its default: the AWS client below is not a
// client for this configuration, and httplib-style names mean nothing here.

#include <aws/dynamodb/DynamoDBClient.h>

#include <functional>
#include <string>

namespace legacy {
class DbSession {
public:
  explicit DbSession(const std::string &Dsn);
  void run(const std::string &Sql);
};
DbSession *openSession(const char *Dsn);
} // namespace legacy

namespace api {
struct Request {
  std::string Body;
};
using Handler = std::function<void(const Request &)>;
class HandlerObject {
public:
  explicit HandlerObject(Handler H);
};
class Router {
public:
  void add(const std::string &Path, Handler H);
  void add(const std::string &Path, HandlerObject *H);
};
template <typename F> Handler wrap(F Function) { return Handler(Function); }
class Endpoint {
public:
  virtual ~Endpoint() = default;
  virtual void serve(const Request &R) = 0;
};
class CallState {
public:
  bool done() const;
};
class Inbox {
public:
  bool next(Request &Out);
};
struct Batch {
  int count() const;
};
class SessionCache {
public:
  legacy::DbSession *get();

private:
  legacy::DbSession *Idle_ = nullptr;
};
} // namespace api

static const char *const kDsn = "postgresql://orders@db/orders";

namespace api {

// HandlerFunctions
void handleOrder(const Request &R) {
  legacy::DbSession Session(kDsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'legacy::DbSession' is created for every request: each one holds its own connections and buffers; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
  Session.run(R.Body);
}
void handle_legacy(const Request &R) { // Does not match the pattern.
  legacy::DbSession Session(kDsn);
  Session.run(R.Body);
}

// HandlerRegistrationFunctions, CallableWrappers, ThreadSafeClients
void onWrapped(const Request &R) {
  legacy::DbSession Session(kDsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'legacy::DbSession' is created for every request
  Session.run(R.Body);
}
void routes(Router &Router) {
  Router.add("/orders", [](const Request &R) {
    legacy::DbSession *Session = legacy::openSession(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'legacy::openSession' is called for every request: each call holds its own connections and buffers; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
    // CHECK-FIXES: {{^}}    static legacy::DbSession *Session = legacy::openSession(kDsn);{{$}}
    Session->run(R.Body);
    Aws::DynamoDB::DynamoDBClient NotAClientHere; // ClientTypes was replaced.
  });
  Router.add("/wrapped", wrap(&onWrapped));
  Router.add("/object", new HandlerObject([](const Request &R) {
               legacy::DbSession Session(kDsn);
               // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'legacy::DbSession' is created for every request
               Session.run(R.Body);
             }));
}

// HandlerBaseClasses
class OrdersEndpoint : public Endpoint {
public:
  void serve(const Request &R) override {
    legacy::DbSession Session(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'legacy::DbSession' is created for every request
    Session.run(R.Body);
  }
};

// PerCallTypes: one object per call, so each of its member functions runs
// for every call.
class CallData {
public:
  void proceed() {
    legacy::DbSession Session(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'legacy::DbSession' is created for every request
    Session.run("SELECT 1");
  }

private:
  CallState State_;
};

// MessageReadFunctions and ContainerBoundMethods
void consume(Inbox &Box, const Batch &Items) {
  Request Next;
  while (Box.next(Next)) {
    legacy::DbSession Session(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'legacy::DbSession' is created for every message a loop reads
    Session.run(Next.Body);
  }
  for (int I = 0; I < Items.count(); ++I) {
    legacy::DbSession Session(kDsn);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'legacy::DbSession' is created for every item of a loop
    Session.run("SELECT 1");
  }
}

// PoolFunctions: the cache opens sessions only when it has none.
legacy::DbSession *SessionCache::get() {
  if (Idle_)
    return Idle_;
  return legacy::openSession(kDsn);
}

// SetupFunctions: called from a handler, but named as start-up code.
void warmUp() {
  legacy::DbSession Session(kDsn);
  Session.run("SELECT 1");
}
void handleStatus(const Request &R, SessionCache &Cache) {
  warmUp();
  Cache.get()->run(R.Body);
}

} // namespace api

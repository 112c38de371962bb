// Regular-expression options over qualified names match with or without a
// leading '::', as the name-list options do: both spellings of the pattern
// make 'api::handleOrder' a handler, and neither makes 'api::handle_legacy'
// one.
// RUN: %check_leak_tidy -check-suffix=GLOBAL %s leak-per-request-client %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: leak-per-request-client.ClientTypes, value: '::legacy::DbSession'}, \
// RUN:     {key: leak-per-request-client.HandlerFunctions, value: '^::api::handle[A-Z]'}]}"
// RUN: %check_leak_tidy -check-suffix=PLAIN %s leak-per-request-client %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: leak-per-request-client.ClientTypes, value: '::legacy::DbSession'}, \
// RUN:     {key: leak-per-request-client.HandlerFunctions, value: '^api::handle[A-Z]'}]}"

#include <string>

namespace legacy {
class DbSession {
public:
  explicit DbSession(const std::string &Dsn);
  void run(const std::string &Sql);
};
} // namespace legacy

namespace api {
struct Request {
  std::string Body;
};

void handleOrder(const Request &R) {
  legacy::DbSession Session("postgresql://orders@db/orders");
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-1]]:21: warning: 'legacy::DbSession' is created for every request
  // CHECK-MESSAGES-PLAIN: :[[@LINE-2]]:21: warning: 'legacy::DbSession' is created for every request
  Session.run(R.Body);
}

void handle_legacy(const Request &R) { // Matches neither pattern.
  legacy::DbSession Session("postgresql://orders@db/orders");
  Session.run(R.Body);
}
} // namespace api

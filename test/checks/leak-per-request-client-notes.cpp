// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/aws-sdk -I %S/../Inputs/crow

// Every note: the calls from the handler down to the client, the reason the
// handler runs per request, and how to hoist the client when no fix-it can.

#include <aws/dynamodb/DynamoDBClient.h>
#include <crow.h>

#include <istream>
#include <string>
#include <vector>

using Aws::DynamoDB::DynamoDBClient;
static const Aws::Client::ClientConfiguration kConfig;
void use(const DynamoDBClient &);

static void store(const std::string &Key) {
  Aws::Client::ClientConfiguration Config = kConfig;
  DynamoDBClient Client(Config);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'DynamoDBClient' is created for every request: each one owns an HTTP client with its own connection pool, TLS sessions, request signer and retry state; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
  // CHECK-NOTES: :[[@LINE+10]]:5: note: 'store' is called here
  // CHECK-NOTES: :[[@LINE+14]]:5: note: 'save' is called here
  // CHECK-NOTES: :[[@LINE+12]]:28: note: the lambda is a request handler: it is registered with 'crow::TaggedRule::operator()' here
  // CHECK-NOTES: :[[@LINE-5]]:18: note: to share it, build it once where the service starts (a member set in the constructor, or a 'static' whose arguments never change) and use that instance here
  use(Client);
  (void)Key;
}

static void save(const std::string &Key) {
  if (!Key.empty())
    store(Key);
}

void route(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/save")([](const crow::request &Req) {
    save(Req.url);
    return crow::response("ok");
  });
}

// A fix-it needs no advice note.
void routeWithFix(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/fix")([](const crow::request &) {
    DynamoDBClient Client(kConfig);
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every request
    // CHECK-NOTES: :[[@LINE-2]]:5: note: FIX-IT applied suggested code changes
    // CHECK-NOTES: :[[@LINE-4]]:27: note: the lambda is a request handler: it is registered with 'crow::TaggedRule::operator()' here
    // CHECK-FIXES: {{^}}    static DynamoDBClient Client(kConfig);{{$}}
    use(Client);
    return crow::response("ok");
  });
}

// Loops: once per item, once per message, and a helper called per item.
void perItem(const std::vector<std::string> &Keys, const DynamoDBClient &Shared) {
  for (const std::string &Key : Keys) {
    Aws::Client::ClientConfiguration Config = kConfig;
    use(DynamoDBClient(Config));
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'DynamoDBClient' is created for every item of a loop: each one owns an HTTP client with its own connection pool, TLS sessions, request signer and retry state; create it once before the loop and reuse it [leak-per-request-client]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs once per item of 'Keys'
    // CHECK-NOTES: :[[@LINE-3]]:9: note: hoist it above the loop: build it once before the loop starts and use it in every iteration
    use(Shared);
    (void)Key;
  }
}

void perMessage(std::istream &In) {
  std::string Line;
  while (std::getline(In, Line)) {
    DynamoDBClient Client;
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every message a loop reads
    // CHECK-NOTES: :[[@LINE-2]]:5: note: FIX-IT applied suggested code changes
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop reads one message per iteration with 'std::getline'
    // CHECK-FIXES: {{^}}    static DynamoDBClient Client;{{$}}
    use(Client);
  }
}

static void archive(int Id) {
  Aws::Client::ClientConfiguration Config = kConfig;
  DynamoDBClient Client(Config);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'DynamoDBClient' is created for every item of a loop: each one owns an HTTP client with its own connection pool, TLS sessions, request signer and retry state; create it once before the loop and reuse it [leak-per-request-client]
  // CHECK-NOTES: :[[@LINE+9]]:5: note: 'archive' is called here
  // CHECK-NOTES: :[[@LINE+7]]:3: note: the loop runs once per item of 'Ids'
  // CHECK-NOTES: :[[@LINE-4]]:18: note: build it once before the loop starts and pass it down to 'archive'
  use(Client);
  (void)Id;
}

void archiveAll(const std::vector<int> &Ids) {
  for (std::size_t I = 0; I != Ids.size(); ++I)
    archive(Ids[I]);
}

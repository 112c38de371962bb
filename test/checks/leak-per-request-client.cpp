// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/aws-sdk -I %S/../Inputs/crow

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>
#include <crow.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using Aws::DynamoDB::DynamoDBClient;

Aws::Client::ClientConfiguration awsConfig();
const Aws::Client::ClientConfiguration &sharedConfig();
static const Aws::Client::ClientConfiguration kConfig;
void use(const DynamoDBClient &);

// A client of an in-house service, built on the SDK's core: a client too.
class AuditClient : public Aws::Client::AWSJsonClient {
public:
  using AWSJsonClient::AWSJsonClient;
  void record(const std::string &Event) const;
};

// ---- Positives: a client built inside a route handler --------------------

void defaultConstructed(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/items")([](const crow::request &Req) {
    DynamoDBClient Client;
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'DynamoDBClient' is created for every request: each one owns an HTTP client with its own connection pool, TLS sessions, request signer and retry state; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
    // CHECK-FIXES: {{^}}    static DynamoDBClient Client;{{$}}
    use(Client);
    return crow::response(Req.body);
  });
}

void fromGlobalConfig(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/orders")([](const crow::request &) {
    const Aws::DynamoDB::DynamoDBClient Client(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'Aws::DynamoDB::DynamoDBClient' is created for every request: each one owns an HTTP client
    // CHECK-FIXES: {{^}}    static const Aws::DynamoDB::DynamoDBClient Client(kConfig);{{$}}
    use(Client);
    return crow::response("ok");
  });
}

// The shape of the seed articles: a configuration filled in, then a client,
// on every request. No fix-it: the configuration is rebuilt each time too.
void configuredInHandler(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/customers").methods(crow::HTTPMethod::Get)([](const crow::request &Req) {
    Aws::Client::ClientConfiguration Config;
    Config.region = "eu-west-1";
    Config.maxConnections = 50;
    Aws::DynamoDB::DynamoDBClient Client(Config);
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Aws::DynamoDB::DynamoDBClient' is created for every request
    // CHECK-FIXES: {{^}}    Aws::DynamoDB::DynamoDBClient Client(Config);{{$}}
    use(Client);
    return crow::response(Req.body);
  });
}

void smartPointers(crow::SimpleApp &App) {
  App.route_dynamic("/objects")([](const crow::request &) {
    auto Shared = std::make_shared<Aws::S3::S3Client>(awsConfig());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Aws::S3::S3Client' is created for every request
    // CHECK-FIXES: {{^}}    static auto Shared = std::make_shared<Aws::S3::S3Client>(awsConfig());{{$}}
    std::unique_ptr<Aws::S3::S3Client> Unique = Aws::MakeUnique<Aws::S3::S3Client>("s3", kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'Aws::S3::S3Client' is created for every request
    // CHECK-FIXES: {{^}}    static std::unique_ptr<Aws::S3::S3Client> Unique = Aws::MakeUnique<Aws::S3::S3Client>("s3", kConfig);{{$}}
    auto *Raw = new Aws::S3::S3Client(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Aws::S3::S3Client' is created for every request
    // CHECK-FIXES: {{^}}    auto *Raw = new Aws::S3::S3Client(kConfig);{{$}}
    delete Raw;
    return crow::response("ok");
  });
}

void temporaryClient(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/list")([](const crow::request &) {
    Aws::S3::Model::ListObjectsV2Request Request;
    auto Outcome = Aws::S3::S3Client(kConfig).ListObjectsV2(Request);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Aws::S3::S3Client' is created for every request
    return crow::response(Outcome.IsSuccess() ? 200 : 500, "");
  });
}

void derivedFromAwsClient(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/audit")([](const crow::request &Req) {
    AuditClient Audit(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'AuditClient' is created for every request
    // CHECK-FIXES: {{^}}    static AuditClient Audit(kConfig);{{$}}
    Audit.record(Req.url);
    return crow::response("ok");
  });
}

// A lambda called where it is written runs as part of the handler.
void invokedInPlace(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/inline")([](const crow::request &) {
    const bool Ok = [] {
      DynamoDBClient Inner(kConfig);
      // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'DynamoDBClient' is created for every request
      // CHECK-FIXES: {{^}}      static DynamoDBClient Inner(kConfig);{{$}}
      use(Inner);
      return true;
    }();
    auto Step = [] { use(DynamoDBClient(kConfig)); };
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'DynamoDBClient' is created for every request
    Step();
    return crow::response(Ok ? "ok" : "failed");
  });
}

// A helper called from a handler runs for every request too.
static void putItem(const std::string &Key) {
  DynamoDBClient Client(sharedConfig());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'DynamoDBClient' is created for every request
  // CHECK-FIXES: {{^}}  static DynamoDBClient Client(sharedConfig());{{$}}
  use(Client);
  (void)Key;
}

template <typename Item> void putTyped(const Item &) {
  DynamoDBClient Typed(kConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'DynamoDBClient' is created for every request
  // CHECK-FIXES: {{^}}  static DynamoDBClient Typed(kConfig);{{$}}
  use(Typed);
}

void callsHelpers(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/put")([](const crow::request &Req) {
    putItem(Req.body);
    putTyped(1);
    putTyped(2.0);
    return crow::response("ok");
  });
}

// A client rebuilt into a member on every request is still rebuilt.
class Uploader {
public:
  void route(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/upload")([this](const crow::request &) {
      Client_ = std::make_shared<Aws::S3::S3Client>(kConfig);
      // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Aws::S3::S3Client' is created for every request
      return crow::response("ok");
    });
  }

private:
  std::shared_ptr<Aws::S3::S3Client> Client_;
};

// ---- Positives: a client built once per item of a loop -------------------

void archiveAll(const std::vector<std::string> &Keys) {
  for (const std::string &Key : Keys) {
    Aws::S3::S3Client Client(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Aws::S3::S3Client' is created for every item of a loop: each one owns an HTTP client with its own connection pool, TLS sessions, request signer and retry state; create it once before the loop and reuse it [leak-per-request-client]
    // CHECK-FIXES: {{^}}    static Aws::S3::S3Client Client(kConfig);{{$}}
    (void)Key;
  }
}

void drainQueue(std::vector<std::string> &Queue) {
  while (!Queue.empty()) {
    auto Client = std::make_unique<DynamoDBClient>();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'DynamoDBClient' is created for every item of a loop
    // CHECK-FIXES: {{^}}    static auto Client = std::make_unique<DynamoDBClient>();{{$}}
    Queue.pop_back();
  }
  for (std::size_t I = 0; I < Queue.size(); ++I)
    use(DynamoDBClient(kConfig));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'DynamoDBClient' is created for every item of a loop
}

// ---- Look-alike negatives -------------------------------------------------

void staticClient(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/static")([](const crow::request &) {
    static DynamoDBClient Shared(kConfig);
    static const auto Lazy = [] { return std::make_shared<Aws::S3::S3Client>(kConfig); }();
    thread_local DynamoDBClient PerThread(kConfig);
    use(Shared);
    use(PerThread);
    return crow::response(Lazy ? "ok" : "none");
  });
}

class OrderService {
public:
  explicit OrderService(const Aws::Client::ClientConfiguration &Config)
      : Orders_(Config), Archive_(std::make_unique<Aws::S3::S3Client>(Config)) {
    Audit_ = std::make_unique<AuditClient>(Config);
  }
  void route(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/member")([this](const crow::request &) {
      use(Orders_); // A member, built once in the constructor.
      return crow::response("ok");
    });
  }

private:
  DynamoDBClient Orders_;
  std::unique_ptr<Aws::S3::S3Client> Archive_;
  std::unique_ptr<AuditClient> Audit_;
};

void injected(crow::SimpleApp &App, DynamoDBClient &Client) {
  CROW_ROUTE(App, "/injected")([&Client](const crow::request &) {
    use(Client);
    return crow::response("ok");
  });
}

// Lazy initialization: only the first request builds the client.
class LazyService {
public:
  void route(crow::SimpleApp &App) {
    static std::shared_ptr<Aws::S3::S3Client> Cached;
    static std::mutex Mutex;
    CROW_ROUTE(App, "/lazy")([this](const crow::request &) {
      {
        std::lock_guard<std::mutex> Lock(Mutex);
        if (!Cached)
          Cached = std::make_shared<Aws::S3::S3Client>(kConfig);
        if (Client_ == nullptr)
          Client_.reset(new DynamoDBClient(kConfig));
        if (!Ready_) {
          Audit_ = std::make_unique<AuditClient>(kConfig);
          Ready_ = true;
        }
      }
      std::call_once(Once_, [this] { Archive_ = std::make_unique<Aws::S3::S3Client>(kConfig); });
      return crow::response("ok");
    });
  }

private:
  std::unique_ptr<DynamoDBClient> Client_;
  std::unique_ptr<AuditClient> Audit_;
  std::unique_ptr<Aws::S3::S3Client> Archive_;
  std::once_flag Once_;
  bool Ready_ = false;
};

// A pool builds clients only when it has none idle.
class ClientPool {
public:
  std::shared_ptr<DynamoDBClient> acquire() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    if (Idle_.empty())
      return std::make_shared<DynamoDBClient>(kConfig);
    auto Client = Idle_.back();
    Idle_.pop_back();
    return Client;
  }

private:
  std::mutex Mutex_;
  std::vector<std::shared_ptr<DynamoDBClient>> Idle_;
};

void pooled(crow::SimpleApp &App, ClientPool &Pool) {
  CROW_ROUTE(App, "/pooled")([&Pool](const crow::request &) {
    auto Client = Pool.acquire();
    use(*Client);
    return crow::response("ok");
  });
}

// A client that depends on the request (its region, its tenant) cannot just
// be shared: not reported.
void perTenant(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/tenant")([](const crow::request &Req) {
    Aws::Client::ClientConfiguration Config;
    Config.region = Req.get_header_value("X-Region");
    DynamoDBClient Client(Config);
    use(Client);
    return crow::response("ok");
  });
}

// Work handed to another thread is not known to run once per request.
void backgroundWork(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/background")([](const crow::request &) {
    std::thread([] { use(DynamoDBClient(kConfig)); }).detach();
    std::function<void()> Later = [] { use(DynamoDBClient(kConfig)); };
    return crow::response("accepted");
  });
}

// A loop that keeps what it builds (a pool, one client per shard) builds
// those clients on purpose.
void fillPool(std::vector<std::unique_ptr<DynamoDBClient>> &Pool,
              std::vector<std::shared_ptr<Aws::S3::S3Client>> &Shards,
              const std::vector<std::string> &Names) {
  for (std::size_t I = 0; I < Pool.size(); ++I)
    Pool[I] = std::make_unique<DynamoDBClient>(kConfig);
  for (const std::string &Name : Names) {
    auto Shard = std::make_shared<Aws::S3::S3Client>(kConfig);
    Shards.push_back(Shard);
    (void)Name;
  }
  for (const std::string &Name : Names)
    Shards.emplace_back(new Aws::S3::S3Client(kConfig));
}

// Start-up code runs once.
DynamoDBClient *initClients() { return new DynamoDBClient(kConfig); }
void setupArchive(std::vector<Aws::S3::S3Client *> &Out) {
  for (int Shard = 0; Shard < 3; ++Shard)
    Out.push_back(new Aws::S3::S3Client(kConfig));
}

// Not called from any handler, and no per-item loop.
void nightlyReport() {
  DynamoDBClient Client(kConfig);
  use(Client);
}

// Loops that do not run once per item of some input.
void notPerItem(const std::vector<std::string> &Regions) {
  for (const char *Region : {"eu-west-1", "us-east-1"}) {
    Aws::Client::ClientConfiguration Config;
    Config.region = Region;
    use(DynamoDBClient(Config));
  }
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    DynamoDBClient Retry(kConfig);
    use(Retry);
  }
  for (const std::string &Region : Regions) {
    Aws::Client::ClientConfiguration Config;
    Config.region = Region; // One client per region: each one is different.
    use(DynamoDBClient(Config));
  }
}

// Code in a macro's body is not the user's to change where it expands.
#define WITH_CLIENT(Body)                                                       \
  do {                                                                          \
    DynamoDBClient MacroClient(kConfig);                                        \
    Body;                                                                       \
  } while (false)

void inMacro(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/macro")([](const crow::request &) {
    WITH_CLIENT(use(MacroClient));
    return crow::response("ok");
  });
}

// A type that depends on a template parameter is not known to be a client.
template <typename ClientType> void genericHandler(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/generic")([](const crow::request &) {
    ClientType Client(kConfig);
    return crow::response("ok");
  });
}
template void genericHandler<DynamoDBClient>(crow::SimpleApp &);

int main() {
  crow::SimpleApp App;
  DynamoDBClient Client(kConfig);
  for (int I = 0; I < 2; ++I)
    use(Client);
  OrderService Service(kConfig);
  Service.route(App);
  App.port(8080).run();
}

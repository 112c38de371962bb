//===-- CatalogClients.cpp - expensive clients and connections ------------===//

#include "Catalog.h"
#include <vector>

namespace clang::tidy::leak::catalog {

namespace {
constexpr llvm::StringRef AwsCost =
    "owns an HTTP client with its own connection pool, TLS sessions, request "
    "signer and retry state";
constexpr llvm::StringRef PostgresCost =
    "opens a socket, authenticates and starts a PostgreSQL server process";
constexpr llvm::StringRef HttplibCost =
    "opens its own socket and TLS session that no other request can reuse";
constexpr llvm::StringRef RedisCost =
    "opens a new TCP connection to the Redis server";
constexpr llvm::StringRef GrpcCost =
    "opens its own HTTP/2 connection, with name resolution, TLS handshake and "
    "load-balancing state";
constexpr llvm::StringRef SqliteCost =
    "opens the database file, takes its locks and parses its schema again";
constexpr llvm::StringRef CurlCost =
    "starts with empty connection, DNS and TLS session caches, so no "
    "connection is reused";
constexpr llvm::StringRef SqliteAdvice =
    "open the database once and share the handle through a pool or one per "
    "thread ('thread_local')";
constexpr llvm::StringRef CurlAdvice =
    "reuse one handle per thread (reset with 'curl_easy_reset') or share "
    "connections through a multi or share handle";
constexpr llvm::StringRef DatabaseCost =
    "opens a connection to the database server and authenticates";
constexpr llvm::StringRef MysqlCost =
    "opens a socket, authenticates and starts a session on the MySQL server";
constexpr llvm::StringRef MysqlAdvice =
    "take a connection from a pool for the request, or keep one per thread "
    "('thread_local'); a MySQL connection must not be used by two threads "
    "at once";
constexpr llvm::StringRef MongoCost =
    "starts its own topology scanner, connection pool and server monitoring";
constexpr llvm::StringRef MongocAdvice =
    "create one 'mongoc_client_pool_t' at start-up and pop a client from it "
    "for the request ('mongoc_client_pool_pop'/'mongoc_client_pool_push')";
constexpr llvm::StringRef MongocxxAdvice =
    "create one 'mongocxx::pool' at start-up and 'acquire()' a client from "
    "it for the request";
constexpr llvm::StringRef SociAdvice =
    "create one 'soci::connection_pool' at start-up and build the session "
    "from it ('soci::session sql(pool)') for the request";
constexpr llvm::StringRef PocoSessionAdvice =
    "create one 'Poco::Data::SessionPool' at start-up and take a session "
    "from it ('pool.get()') for the request";
constexpr llvm::StringRef PocoHttpCost =
    "opens its own TCP connection (and TLS session) that no other request "
    "can reuse";
constexpr llvm::StringRef OdbcCost =
    "loads the driver, opens a socket and authenticates to the data source";
constexpr llvm::StringRef OdbcAdvice =
    "turn on the driver manager's connection pooling "
    "('SQL_ATTR_CONNECTION_POOLING') or keep one connection per thread";
constexpr llvm::StringRef KafkaCost =
    "starts its own broker threads, connections and metadata cache";
constexpr llvm::StringRef MemcachedCost =
    "opens new connections to every server of its list";
constexpr llvm::StringRef MemcachedAdvice =
    "create one 'memcached_pool_st' at start-up and pop a handle from it for "
    "the request ('memcached_pool_pop'/'memcached_pool_push')";
constexpr llvm::StringRef RedisPlusPlusCost =
    "opens its own connection pool to the Redis server";
constexpr llvm::StringRef SqlitePrivateTargets[] = {":memory:", ""};
} // namespace

llvm::ArrayRef<ClientEntry> clientTypes() {
  static const ClientEntry Types[] = {
      {"::Aws::DynamoDB::DynamoDBClient", AwsCost, true, {}, {}},
      {"::Aws::S3::S3Client", AwsCost, true, {}, {}},
      {"::Aws::Client::AWSClient", AwsCost, true, {}, {}},
      {"::pqxx::connection", PostgresCost, false, {}, {}},
      {"::pqxx::basic_connection", PostgresCost, false, {}, {}},
      {"::pqxx::connection_base", PostgresCost, false, {}, {}},
      {"::httplib::Client", HttplibCost, false, {}, {}},
      {"::httplib::SSLClient", HttplibCost, false, {}, {}},
      {"::httplib::ClientImpl", HttplibCost, false, {}, {}},
      {"::web::http::client::http_client",
       "sets up its own HTTP pipeline and connection pool",
       true,
       {},
       {}},
      {"::SQLite::Database", SqliteCost, false, SqliteAdvice,
       SqlitePrivateTargets},
      {"::soci::session", DatabaseCost, false, SociAdvice, {}},
      {"::Poco::Data::Session", DatabaseCost, false, PocoSessionAdvice, {}},
      {"::Poco::Net::HTTPClientSession", PocoHttpCost, false, {}, {}},
      {"::sw::redis::Redis", RedisPlusPlusCost, true, {}, {}},
      {"::sw::redis::RedisCluster", RedisPlusPlusCost, true, {}, {}},
      {"::mongocxx::client", MongoCost, false, MongocxxAdvice, {}},
  };
  return Types;
}

llvm::ArrayRef<ClientEntry> clientFactories() {
  static const ClientEntry Factories[] = {
      {"::PQconnectdb", PostgresCost, false, {}, {}},
      {"::PQconnectdbParams", PostgresCost, false, {}, {}},
      {"::PQsetdbLogin", PostgresCost, false, {}, {}},
      {"::redisConnect", RedisCost, false, {}, {}},
      {"::redisConnectWithTimeout", RedisCost, false, {}, {}},
      {"::redisConnectNonBlock", RedisCost, false, {}, {}},
      {"::redisConnectUnix", RedisCost, false, {}, {}},
      {"::redisConnectUnixWithTimeout", RedisCost, false, {}, {}},
      {"::redisConnectUnixNonBlock", RedisCost, false, {}, {}},
      {"::redisConnectWithOptions", RedisCost, false, {}, {}},
      {"::redisAsyncConnect", RedisCost, false, {}, {}},
      {"::redisAsyncConnectUnix", RedisCost, false, {}, {}},
      {"::grpc::CreateChannel", GrpcCost, true, {}, {}},
      {"::grpc::CreateCustomChannel", GrpcCost, true, {}, {}},
      {"::grpc::experimental::CreateCustomChannelWithInterceptors",
       GrpcCost,
       true,
       {},
       {}},
      {"::sqlite3_open", SqliteCost, false, SqliteAdvice, SqlitePrivateTargets},
      {"::sqlite3_open_v2", SqliteCost, false, SqliteAdvice,
       SqlitePrivateTargets},
      {"::sqlite3_open16", SqliteCost, false, SqliteAdvice,
       SqlitePrivateTargets},
      {"::curl_easy_init", CurlCost, false, CurlAdvice, {}},
      {"::mysql_real_connect", MysqlCost, false, MysqlAdvice, {}},
      {"::sql::Driver::connect", MysqlCost, false, MysqlAdvice, {}},
      {"::mongoc_client_new", MongoCost, false, MongocAdvice, {}},
      {"::mongoc_client_new_from_uri", MongoCost, false, MongocAdvice, {}},
      {"::mongoc_client_new_from_uri_with_error", MongoCost, false,
       MongocAdvice, {}},
      {"::SQLDriverConnect", OdbcCost, false, OdbcAdvice, {}},
      {"::SQLConnect", OdbcCost, false, OdbcAdvice, {}},
      {"::rd_kafka_new", KafkaCost, true, {}, {}},
      {"::memcached_create", MemcachedCost, false, MemcachedAdvice, {}},
      {"::memcached", MemcachedCost, false, MemcachedAdvice, {}},
      {"::memcached_clone", MemcachedCost, false, MemcachedAdvice, {}},
      {"::memcached_pool", MemcachedCost, false,
       "create the pool once at start-up and pop a handle from it for the "
       "request",
       {}},
      {"::mongoc_client_pool_new", MongoCost, true,
       "create the pool once at start-up and pop a client from it for the "
       "request",
       {}},
  };
  return Factories;
}

const ClientEntry *findClientEntry(llvm::StringRef Name) {
  for (const ClientEntry &Entry : clientTypes())
    if (Entry.Name == Name)
      return &Entry;
  for (const ClientEntry &Entry : clientFactories())
    if (Entry.Name == Name)
      return &Entry;
  return nullptr;
}

static std::vector<llvm::StringRef> namesOf(llvm::ArrayRef<ClientEntry> Entries,
                                            bool OnlyThreadSafe) {
  std::vector<llvm::StringRef> Names;
  for (const ClientEntry &Entry : Entries)
    if (!OnlyThreadSafe || Entry.ThreadSafe)
      Names.push_back(Entry.Name);
  return Names;
}

llvm::ArrayRef<llvm::StringRef> clientTypeNames() {
  static const std::vector<llvm::StringRef> Names =
      namesOf(clientTypes(), /*OnlyThreadSafe=*/false);
  return Names;
}

llvm::ArrayRef<llvm::StringRef> clientFactoryNames() {
  static const std::vector<llvm::StringRef> Names =
      namesOf(clientFactories(), /*OnlyThreadSafe=*/false);
  return Names;
}

llvm::ArrayRef<llvm::StringRef> threadSafeClientNames() {
  static const std::vector<llvm::StringRef> Names = [] {
    std::vector<llvm::StringRef> All = namesOf(clientTypes(), true);
    std::vector<llvm::StringRef> Factories = namesOf(clientFactories(), true);
    All.insert(All.end(), Factories.begin(), Factories.end());
    return All;
  }();
  return Names;
}

llvm::ArrayRef<llvm::StringRef> smartPointerFactories() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::make_shared",   "::std::make_unique", "::std::allocate_shared",
      "::boost::make_shared", "::Aws::MakeShared",  "::Aws::MakeUnique",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> clientWrappers() {
  static constexpr llvm::StringRef Functions[] = {
      "NewStub", // gRPC generated 'Foo::NewStub(channel)'
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> testFilePatterns() {
  static constexpr llvm::StringRef Patterns[] = {
      "(_test|_tests|_unittest|Test|Tests)\\.(c|cc|cpp|cxx)$",
      "(^|/)test_[^/]*\\.(c|cc|cpp|cxx)$",
  };
  return Patterns;
}

} // namespace clang::tidy::leak::catalog

// REQUIRES: mongoc
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -I /usr/include/libmongoc-1.0 -I /usr/include/libbson-1.0

// MongoDB C driver cursors, collections, databases and pooled clients, and
// libbson documents and JSON strings, with the real headers of libmongoc-dev
// and libbson-dev.

#include <mongoc/mongoc.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

long countShipped(mongoc_collection_t *Orders) {
  bson_t Filter;
  bson_init(&Filter);
  BSON_APPEND_UTF8(&Filter, "status", "shipped");
  mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, &Filter, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: handle 'Cursor' acquired by 'mongoc_collection_find_with_opts' is not released on every path: it leaks each time such a path runs; call 'mongoc_cursor_destroy' on every path or own it with 'std::unique_ptr<mongoc_cursor_t, decltype(&mongoc_cursor_destroy)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<mongoc_cursor_t, decltype(&mongoc_cursor_destroy)> Cursor(mongoc_collection_find_with_opts(Orders, &Filter, nullptr, nullptr), &mongoc_cursor_destroy);{{$}}
  const bson_t *Doc = nullptr;
  long Count = 0;
  while (mongoc_cursor_next(Cursor, &Doc))
    // CHECK-FIXES: {{^}}  while (mongoc_cursor_next(Cursor.get(), &Doc)){{$}}
    ++Count;
  bson_error_t Error;
  if (mongoc_cursor_error(Cursor, &Error)) {
    // CHECK-FIXES: {{^}}  if (mongoc_cursor_error(Cursor.get(), &Error)) {{{$}}
    bson_destroy(&Filter);
    return -1;
  }
  mongoc_cursor_destroy(Cursor);
  bson_destroy(&Filter);
  return Count;
}
// CHECK-FIXES: {{^}}  }{{$}}
// CHECK-FIXES-NEXT: {{^}}  bson_destroy(&Filter);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return Count;{{$}}

bool insertOrder(mongoc_client_t *Client, const char *Json) {
  mongoc_collection_t *Orders = mongoc_client_get_collection(Client, "shop", "orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: handle 'Orders' acquired by 'mongoc_client_get_collection' is not released on every path: it leaks each time such a path runs; call 'mongoc_collection_destroy' on every path or own it with 'std::unique_ptr<mongoc_collection_t, decltype(&mongoc_collection_destroy)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<mongoc_collection_t, decltype(&mongoc_collection_destroy)> Orders(mongoc_client_get_collection(Client, "shop", "orders"), &mongoc_collection_destroy);{{$}}
  bson_error_t Error;
  bson_t *Doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(Json), -1, &Error);
  if (!Doc)
    return false;
  const bool Ok = mongoc_collection_insert_one(Orders, Doc, nullptr, nullptr, &Error);
  // CHECK-FIXES: {{^}}  const bool Ok = mongoc_collection_insert_one(Orders.get(), Doc, nullptr, nullptr, &Error);{{$}}
  bson_destroy(Doc);
  mongoc_collection_destroy(Orders);
  return Ok;
}
// CHECK-FIXES: {{^}}  bson_destroy(Doc);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return Ok;{{$}}

bool dropArchive(mongoc_client_t *Client) {
  mongoc_database_t *Db = mongoc_client_get_database(Client, "archive");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: handle 'Db' acquired by 'mongoc_client_get_database' is not released on every path
  // CHECK-FIXES: {{^}}  std::unique_ptr<mongoc_database_t, decltype(&mongoc_database_destroy)> Db(mongoc_client_get_database(Client, "archive"), &mongoc_database_destroy);{{$}}
  bson_error_t Error;
  if (!mongoc_database_drop(Db, &Error))
    // CHECK-FIXES: {{^}}  if (!mongoc_database_drop(Db.get(), &Error)){{$}}
    return false;
  mongoc_database_destroy(Db);
  return true;
}

bool pingAdmin(mongoc_client_t *Client) {
  bson_t *Ping = bson_new();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: handle 'Ping' acquired by 'bson_new' is not released on every path: it leaks each time such a path runs; call 'bson_destroy' on every path or own it with 'std::unique_ptr<bson_t, decltype(&bson_destroy)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<bson_t, decltype(&bson_destroy)> Ping(bson_new(), &bson_destroy);{{$}}
  bson_append_int32(Ping, "ping", -1, 1);
  // CHECK-FIXES: {{^}}  bson_append_int32(Ping.get(), "ping", -1, 1);{{$}}
  bson_error_t Error;
  if (!mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error))
    return false;
  bson_destroy(Ping);
  return true;
}

// The copy is returned on one path and dropped on the other.
bson_t *copyIfValid(const bson_t *Source, bool Valid) {
  bson_t *Copy = bson_copy(Source);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: handle 'Copy' acquired by 'bson_copy' is not released on every path
  if (!Valid)
    return nullptr;
  return Copy;
}

// JSON strings that libbson allocates and only bson_free releases.
std::string firstAsJson(mongoc_cursor_t *Cursor) {
  const bson_t *Doc = nullptr;
  if (!mongoc_cursor_next(Cursor, &Doc))
    return {};
  return std::string(bson_as_json(Doc, nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: handle returned by 'bson_as_json' is copied into a 'basic_string' and never released: it leaks each time this code runs; store it and call 'bson_free' on it after the copy [leak-unreleased-handle]
}

void printAll(mongoc_cursor_t *Cursor) {
  const bson_t *Doc = nullptr;
  while (mongoc_cursor_next(Cursor, &Doc))
    std::printf("%s\n", bson_as_canonical_extended_json(Doc, nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: handle returned by 'bson_as_canonical_extended_json' is passed straight to 'printf', which does not release it: it leaks each time this code runs; store it and call 'bson_free' on it after the call [leak-unreleased-handle]
}

void logDocument(const bson_t *Doc) {
  char *Json = bson_as_relaxed_extended_json(Doc, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'Json' acquired by 'bson_as_relaxed_extended_json' is not released on every path: it leaks each time such a path runs; call 'bson_free' on every path or own it with 'std::unique_ptr<char, decltype(&bson_free)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<char, decltype(&bson_free)> Json(bson_as_relaxed_extended_json(Doc, nullptr), &bson_free);{{$}}
  std::printf("%s\n", Json);
  // CHECK-FIXES: {{^}}  std::printf("%s\n", Json.get());{{$}}
}

// The string copies the JSON; the JSON itself is never given to bson_free.
std::string relaxedJson(const bson_t *Doc) {
  char *Json = bson_as_relaxed_extended_json(Doc, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'Json' acquired by 'bson_as_relaxed_extended_json' is not released on every path: it leaks each time such a path runs; call 'bson_free' on every path or own it with 'std::unique_ptr<char, decltype(&bson_free)>' [leak-unreleased-handle]
  std::string Out = Json;
  return Out;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Json' leaks when the function returns here
}

// A client popped from the pool and not pushed back when the command fails:
// the pool runs dry.
bool pooledPing(mongoc_client_pool_t *Pool) {
  mongoc_client_t *Client = mongoc_client_pool_pop(Pool);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: handle 'Client' acquired by 'mongoc_client_pool_pop' is not released on every path
  bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
  bson_error_t Error;
  if (!mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error)) {
    bson_destroy(Ping);
    return false;
  }
  bson_destroy(Ping);
  mongoc_client_pool_push(Pool, Client);
  return true;
}

// One cursor per SKU, and only the last one destroyed.
long countBySku(mongoc_collection_t *Stock, const std::vector<std::string> &Skus) {
  long Count = 0;
  mongoc_cursor_t *Cursor = nullptr;
  for (const std::string &Sku : Skus) {
    bson_t *Filter = BCON_NEW("sku", BCON_UTF8(Sku.c_str()));
    Cursor = mongoc_collection_find_with_opts(Stock, Filter, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: handle 'Cursor' acquired by 'mongoc_collection_find_with_opts' is acquired again before it is released
    bson_destroy(Filter);
    const bson_t *Doc = nullptr;
    while (mongoc_cursor_next(Cursor, &Doc))
      ++Count;
  }
  mongoc_cursor_destroy(Cursor);
  return Count;
}

// A client and a collection acquired into members leak when the constructor
// throws after them.
class OrderStore {
public:
  explicit OrderStore(const char *Uri) {
    Client_ = mongoc_client_new(Uri);
    if (!Client_)
      throw std::runtime_error("invalid MongoDB URI");
    Orders_ = mongoc_client_get_collection(Client_, "shop", "orders");
    bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
    bson_error_t Error;
    const bool Ok = mongoc_client_command_simple(Client_, "admin", Ping, nullptr, nullptr, &Error);
    bson_destroy(Ping);
    if (!Ok)
      throw std::runtime_error(Error.message);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Client_' acquired by 'mongoc_client_new' leaks when this throw leaves the constructor
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: handle in member 'Orders_' acquired by 'mongoc_client_get_collection' leaks when this throw leaves the constructor
  }
  ~OrderStore() {
    mongoc_collection_destroy(Orders_);
    mongoc_client_destroy(Client_);
  }

private:
  mongoc_client_t *Client_ = nullptr;
  mongoc_collection_t *Orders_ = nullptr;
};

// ---- Look-alike negatives: released on every path --------------------------

long countShippedReleased(mongoc_collection_t *Orders) {
  bson_t *Filter = BCON_NEW("status", BCON_UTF8("shipped"));
  mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, Filter, nullptr, nullptr);
  const bson_t *Doc = nullptr;
  long Count = 0;
  while (mongoc_cursor_next(Cursor, &Doc))
    ++Count;
  bson_error_t Error;
  if (mongoc_cursor_error(Cursor, &Error))
    Count = -1;
  mongoc_cursor_destroy(Cursor);
  bson_destroy(Filter);
  return Count;
}

bool insertOrderReleased(mongoc_client_t *Client, const char *Json) {
  bson_error_t Error;
  bson_t *Doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(Json), -1, &Error);
  if (!Doc)
    return false;
  mongoc_collection_t *Orders = mongoc_client_get_collection(Client, "shop", "orders");
  const bool Ok = mongoc_collection_insert_one(Orders, Doc, nullptr, nullptr, &Error);
  mongoc_collection_destroy(Orders);
  bson_destroy(Doc);
  return Ok;
}

long totalStock(mongoc_client_t *Client) {
  mongoc_database_t *Db = mongoc_client_get_database(Client, "shop");
  mongoc_collection_t *Stock = mongoc_database_get_collection(Db, "stock");
  bson_t *Pipeline = BCON_NEW("pipeline", "[", "{", "$group", "{", "_id", BCON_NULL, "total",
                              "{", "$sum", BCON_UTF8("$units"), "}", "}", "}", "]");
  mongoc_cursor_t *Cursor =
      mongoc_collection_aggregate(Stock, MONGOC_QUERY_NONE, Pipeline, nullptr, nullptr);
  long Total = 0;
  const bson_t *Doc = nullptr;
  bson_iter_t Iter;
  if (mongoc_cursor_next(Cursor, &Doc) && bson_iter_init_find(&Iter, Doc, "total"))
    Total = static_cast<long>(bson_iter_as_int64(&Iter));
  mongoc_cursor_destroy(Cursor);
  bson_destroy(Pipeline);
  mongoc_collection_destroy(Stock);
  mongoc_database_destroy(Db);
  return Total;
}

std::string firstAsJsonReleased(mongoc_cursor_t *Cursor) {
  const bson_t *Doc = nullptr;
  if (!mongoc_cursor_next(Cursor, &Doc))
    return {};
  char *Json = bson_as_json(Doc, nullptr);
  if (!Json)
    return {};
  std::string Out(Json);
  bson_free(Json);
  return Out;
}

std::string relaxedJsonReleased(const bson_t *Doc) {
  char *Json = bson_as_relaxed_extended_json(Doc, nullptr);
  std::string Out = Json;
  bson_free(Json);
  return Out;
}

long countOwned(mongoc_collection_t *Orders) {
  std::unique_ptr<bson_t, decltype(&bson_destroy)> Filter(bson_new(), &bson_destroy);
  std::unique_ptr<mongoc_cursor_t, decltype(&mongoc_cursor_destroy)> Cursor(
      mongoc_collection_find_with_opts(Orders, Filter.get(), nullptr, nullptr),
      &mongoc_cursor_destroy);
  const bson_t *Doc = nullptr;
  long Count = 0;
  while (mongoc_cursor_next(Cursor.get(), &Doc))
    ++Count;
  return Count;
}

bool pooledPingReturned(mongoc_client_pool_t *Pool) {
  mongoc_client_t *Client = mongoc_client_pool_pop(Pool);
  bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
  bson_error_t Error;
  const bool Ok = mongoc_client_command_simple(Client, "admin", Ping, nullptr, nullptr, &Error);
  bson_destroy(Ping);
  mongoc_client_pool_push(Pool, Client);
  return Ok;
}

// The URI is destroyed once the pool holds its own copy; the pool and the
// collection go to the caller.
mongoc_client_pool_t *makePool(const char *UriText) {
  mongoc_uri_t *Uri = mongoc_uri_new(UriText);
  if (!Uri)
    return nullptr;
  mongoc_client_pool_t *Pool = mongoc_client_pool_new(Uri);
  mongoc_uri_destroy(Uri);
  return Pool;
}

mongoc_collection_t *ordersOf(mongoc_client_t *Client) {
  return mongoc_client_get_collection(Client, "shop", "orders");
}

class OrderStoreReleased {
public:
  explicit OrderStoreReleased(const char *Uri) {
    Client_ = mongoc_client_new(Uri);
    if (!Client_)
      throw std::runtime_error("invalid MongoDB URI");
    bson_t *Ping = BCON_NEW("ping", BCON_INT32(1));
    bson_error_t Error;
    const bool Ok = mongoc_client_command_simple(Client_, "admin", Ping, nullptr, nullptr, &Error);
    bson_destroy(Ping);
    if (!Ok) {
      mongoc_client_destroy(Client_);
      throw std::runtime_error(Error.message);
    }
  }
  ~OrderStoreReleased() { mongoc_client_destroy(Client_); }

private:
  mongoc_client_t *Client_ = nullptr;
};

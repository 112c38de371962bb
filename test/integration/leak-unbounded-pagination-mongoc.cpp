// REQUIRES: mongoc
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- -- -I /usr/include/libmongoc-1.0 -I /usr/include/libbson-1.0

// MongoDB C driver: a skip/limit loop passes its position in the options of
// mongoc_collection_find_with_opts, and every cursor read may fetch another
// batch from the server. With the real mongoc.h of libmongoc-dev.

#include <mongoc/mongoc.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

// Pages of 100 documents, skipped by their position, until an empty page:
// every page is kept.
std::vector<std::string> allOrders(mongoc_collection_t *Orders, const bson_t *Filter) {
  std::vector<std::string> Out;
  int64_t Skip = 0;
  while (true) {
    bson_t *Opts = BCON_NEW("skip", BCON_INT64(Skip), "limit", BCON_INT64(100));
    mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, Filter, Opts, nullptr);
    bson_destroy(Opts);
    const bson_t *Doc = nullptr;
    if (!mongoc_cursor_next(Cursor, &Doc)) {
      mongoc_cursor_destroy(Cursor);
      break;
    }
    do {
      char *Json = bson_as_json(Doc, nullptr);
      Out.emplace_back(Json);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Out' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
      bson_free(Json);
    } while (mongoc_cursor_next(Cursor, &Doc));
    mongoc_cursor_destroy(Cursor);
    Skip += 100;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: page position advanced here for the next request
  }
  return Out;
}
// CHECK-FIXES: {{^}}  int64_t Skip = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Out.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    bson_t *Opts = BCON_NEW("skip", BCON_INT64(Skip), "limit", BCON_INT64(100));{{$}}

// A cursor over every matching document: each mongoc_cursor_next may fetch
// the next batch from the server, and every document is kept.
std::vector<std::string> everyOrder(mongoc_collection_t *Orders, const bson_t *Filter) {
  std::vector<std::string> Out;
  mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, Filter, nullptr, nullptr);
  const bson_t *Doc = nullptr;
  while (mongoc_cursor_next(Cursor, &Doc)) {
    char *Json = bson_as_json(Doc, nullptr);
    Out.emplace_back(Json);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Out' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    bson_free(Json);
  }
  mongoc_cursor_destroy(Cursor);
  return Out;
}

// ---- Look-alike negatives -------------------------------------------------

// The same skip/limit loop, stopped at a maximum number of documents.
std::vector<std::string> recentOrders(mongoc_collection_t *Orders, const bson_t *Filter) {
  constexpr std::size_t kMaxOrders = 5000;
  std::vector<std::string> Out;
  int64_t Skip = 0;
  while (Out.size() < kMaxOrders) {
    bson_t *Opts = BCON_NEW("skip", BCON_INT64(Skip), "limit", BCON_INT64(100));
    mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, Filter, Opts, nullptr);
    bson_destroy(Opts);
    const bson_t *Doc = nullptr;
    if (!mongoc_cursor_next(Cursor, &Doc)) {
      mongoc_cursor_destroy(Cursor);
      break;
    }
    do {
      char *Json = bson_as_json(Doc, nullptr);
      Out.emplace_back(Json);
      bson_free(Json);
    } while (mongoc_cursor_next(Cursor, &Doc));
    mongoc_cursor_destroy(Cursor);
    Skip += 100;
  }
  return Out;
}

// The same skip/limit loop, counting the documents of each page and keeping
// none.
int64_t countOrders(mongoc_collection_t *Orders, const bson_t *Filter) {
  int64_t Count = 0;
  int64_t Skip = 0;
  while (true) {
    bson_t *Opts = BCON_NEW("skip", BCON_INT64(Skip), "limit", BCON_INT64(100));
    mongoc_cursor_t *Cursor = mongoc_collection_find_with_opts(Orders, Filter, Opts, nullptr);
    bson_destroy(Opts);
    const bson_t *Doc = nullptr;
    if (!mongoc_cursor_next(Cursor, &Doc)) {
      mongoc_cursor_destroy(Cursor);
      break;
    }
    do
      ++Count;
    while (mongoc_cursor_next(Cursor, &Doc));
    mongoc_cursor_destroy(Cursor);
    Skip += 100;
  }
  return Count;
}

// A cursor read with a cap on what is kept.
std::vector<std::string> firstOrders(mongoc_cursor_t *Cursor) {
  constexpr std::size_t kMaxOrders = 500;
  std::vector<std::string> Out;
  const bson_t *Doc = nullptr;
  while (mongoc_cursor_next(Cursor, &Doc)) {
    if (Out.size() >= kMaxOrders)
      break;
    char *Json = bson_as_json(Doc, nullptr);
    Out.emplace_back(Json);
    bson_free(Json);
  }
  return Out;
}

// A cursor read stopped by a counter.
std::vector<std::string> sampleOrders(mongoc_cursor_t *Cursor) {
  std::vector<std::string> Out;
  const bson_t *Doc = nullptr;
  int Seen = 0;
  while (Seen < 100 && mongoc_cursor_next(Cursor, &Doc)) {
    char *Json = bson_as_json(Doc, nullptr);
    Out.emplace_back(Json);
    bson_free(Json);
    ++Seen;
  }
  return Out;
}

// Cursor reads that only aggregate or write out each document.
int64_t totalUnits(mongoc_cursor_t *Cursor) {
  int64_t Total = 0;
  const bson_t *Doc = nullptr;
  bson_iter_t Iter;
  while (mongoc_cursor_next(Cursor, &Doc))
    if (bson_iter_init_find(&Iter, Doc, "units"))
      Total += bson_iter_as_int64(&Iter);
  return Total;
}

std::size_t exportOrders(mongoc_cursor_t *Cursor, std::FILE *Out) {
  std::size_t Written = 0;
  const bson_t *Doc = nullptr;
  while (mongoc_cursor_next(Cursor, &Doc)) {
    char *Json = bson_as_json(Doc, nullptr);
    std::fprintf(Out, "%s\n", Json);
    bson_free(Json);
    ++Written;
  }
  return Written;
}

// REQUIRES: hiredis
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t

// Redis SCAN, HSCAN, SSCAN and ZSCAN return the next cursor with each batch:
// a loop that follows the cursor and keeps every batch holds the whole
// keyspace in memory. With the real hiredis header.

#include <hiredis/hiredis.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

std::vector<std::string> sessionKeys(redisContext *Ctx) {
  std::vector<std::string> Keys;
  std::string Cursor = "0";
  do {
    auto *Reply = static_cast<redisReply *>(
        redisCommand(Ctx, "SCAN %s MATCH session:* COUNT 100", Cursor.c_str()));
    if (!Reply || Reply->type != REDIS_REPLY_ARRAY || Reply->elements != 2) {
      freeReplyObject(Reply);
      break;
    }
    Cursor = Reply->element[0]->str;
    const redisReply *Batch = Reply->element[1];
    for (std::size_t I = 0; I < Batch->elements; ++I)
      Keys.push_back(Batch->element[I]->str);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Keys' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: token fed back into the next request here
    freeReplyObject(Reply);
  } while (Cursor != "0");
  return Keys;
}
// CHECK-FIXES: {{^}}  std::string Cursor = "0";{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Keys.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto *Reply = static_cast<redisReply *>({{$}}

std::map<std::string, std::string> allFields(redisContext *Ctx, const std::string &Hash) {
  std::map<std::string, std::string> Fields;
  std::string Cursor = "0";
  while (true) {
    auto *Reply = static_cast<redisReply *>(
        redisCommand(Ctx, "HSCAN %s %s COUNT 100", Hash.c_str(), Cursor.c_str()));
    if (!Reply || Reply->type != REDIS_REPLY_ARRAY)
      break;
    Cursor = Reply->element[0]->str;
    const redisReply *Batch = Reply->element[1];
    for (std::size_t I = 0; I + 1 < Batch->elements; I += 2)
      Fields[Batch->element[I]->str] = Batch->element[I + 1]->str;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Fields' accumulates every page of this pagination loop with no cap
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: token fed back into the next request here
    freeReplyObject(Reply);
    if (Cursor == "0")
      break;
  }
  return Fields;
}

// Look-alikes: every batch is handled and dropped; a GET per key of a list
// is not paging.
std::size_t expireSessions(redisContext *Ctx) {
  std::size_t Expired = 0;
  std::string Cursor = "0";
  do {
    auto *Reply = static_cast<redisReply *>(
        redisCommand(Ctx, "SCAN %s MATCH session:* COUNT 100", Cursor.c_str()));
    if (!Reply || Reply->type != REDIS_REPLY_ARRAY || Reply->elements != 2) {
      freeReplyObject(Reply);
      break;
    }
    Cursor = Reply->element[0]->str;
    const redisReply *Batch = Reply->element[1];
    for (std::size_t I = 0; I < Batch->elements; ++I) {
      freeReplyObject(redisCommand(Ctx, "EXPIRE %s 60", Batch->element[I]->str));
      ++Expired;
    }
    freeReplyObject(Reply);
  } while (Cursor != "0");
  return Expired;
}

std::vector<std::string> values(redisContext *Ctx, const std::vector<std::string> &Keys) {
  std::vector<std::string> Values;
  for (const std::string &Key : Keys) {
    auto *Reply = static_cast<redisReply *>(redisCommand(Ctx, "GET %s", Key.c_str()));
    if (Reply && Reply->type == REDIS_REPLY_STRING)
      Values.push_back(Reply->str);
    freeReplyObject(Reply);
  }
  return Values;
}

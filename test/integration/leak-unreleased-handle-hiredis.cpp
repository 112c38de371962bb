// REQUIRES: hiredis
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// Replies and contexts of hiredis, with the real hiredis/hiredis.h.

#include <hiredis/hiredis.h>

#include <memory>
#include <string>
#include <vector>

long long visits(redisContext *Ctx) {
  redisReply *Reply = (redisReply *)redisCommand(Ctx, "INCR visits");
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: handle 'Reply' acquired by 'redisCommand' is not released on every path: it leaks each time such a path runs; call 'freeReplyObject' on every path or own it with 'std::unique_ptr<redisReply, decltype(&freeReplyObject)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<redisReply, decltype(&freeReplyObject)> Reply((redisReply *)redisCommand(Ctx, "INCR visits"), &freeReplyObject);{{$}}
  if (Reply == nullptr)
    // CHECK-FIXES: {{^}}  if (Reply.get() == nullptr){{$}}
    return -1;
  if (Reply->type != REDIS_REPLY_INTEGER)
    return -1;
  const long long Value = Reply->integer;
  freeReplyObject(Reply);
  // CHECK-FIXES: {{^}}  return Value;{{$}}
  return Value;
}

long long visitsReleased(redisContext *Ctx) {
  auto *Reply = static_cast<redisReply *>(redisCommand(Ctx, "INCR visits"));
  if (!Reply)
    return -1;
  const long long Value =
      Reply->type == REDIS_REPLY_INTEGER ? Reply->integer : -1;
  freeReplyObject(Reply);
  return Value;
}

std::string get(redisContext *Ctx, const std::string &Key) {
  const char *Argv[] = {"GET", Key.c_str()};
  auto *Reply = static_cast<redisReply *>(
      redisCommandArgv(Ctx, 2, Argv, nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Reply' acquired by 'redisCommandArgv' is not released on every path
  if (!Reply || Reply->type != REDIS_REPLY_STRING)
    return {};
  return std::string(Reply->str, Reply->len);
}

void pipeline(redisContext *Ctx, const std::vector<std::string> &Keys) {
  for (const std::string &Key : Keys)
    redisAppendCommand(Ctx, "DEL %s", Key.c_str());
  redisReply *Reply = nullptr;
  for (size_t I = 0; I < Keys.size(); ++I)
    redisGetReply(Ctx, (void **)&Reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle 'Reply' acquired by 'redisGetReply' is acquired again before it is released
  freeReplyObject(Reply);
}

void pipelineReleased(redisContext *Ctx, const std::vector<std::string> &Keys) {
  for (const std::string &Key : Keys)
    redisAppendCommand(Ctx, "DEL %s", Key.c_str());
  for (size_t I = 0; I < Keys.size(); ++I) {
    void *Reply = nullptr;
    if (redisGetReply(Ctx, &Reply) != REDIS_OK)
      return; // No reply was stored.
    freeReplyObject(Reply);
  }
}

class ReplyLog {
public:
  void record(redisContext *Ctx) {
    auto *Reply = static_cast<redisReply *>(redisCommand(Ctx, "TIME"));
    Kept.push_back(Reply);
  }
  ~ReplyLog() {
    for (redisReply *Reply : Kept)
      freeReplyObject(Reply);
  }

private:
  std::vector<redisReply *> Kept;
};

bool connected(const char *Host) {
  redisContext *Ctx = redisConnect(Host, 6379);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: handle 'Ctx' acquired by 'redisConnect' is not released on every path
  if (Ctx == nullptr || Ctx->err)
    return false;
  redisFree(Ctx);
  return true;
}

bool connectedReleased(const char *Host) {
  redisContext *Ctx = redisConnect(Host, 6379);
  if (Ctx == nullptr)
    return false;
  const bool Ok = Ctx->err == 0;
  redisFree(Ctx);
  return Ok;
}

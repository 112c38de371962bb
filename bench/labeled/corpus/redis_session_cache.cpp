// Session cache of the auth service (hiredis). Handlers look sessions up;
// a subscriber thread listens for revocations; a sweeper expires stale keys.

#include <hiredis/hiredis.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace auth {

const char *redisHost();
int redisPort();
void revoke(const std::string &sessionId);
void auditRevocation(const char *sessionId);

struct RedisDeleter {
  void operator()(redisContext *context) const { redisFree(context); }
};
using RedisPtr = std::unique_ptr<redisContext, RedisDeleter>;

std::string get(redisContext *context, const std::string &key) {
  std::string value;
  auto *reply = static_cast<redisReply *>(redisCommand(context, "GET %s", key.c_str())); // NO-FINDING: leak-unreleased-handle
  if (reply && reply->type == REDIS_REPLY_STRING)
    value.assign(reply->str, reply->len);
  if (reply)
    freeReplyObject(reply);
  return value;
}

// Remaining lifetime of a session in seconds; -2 when it does not exist.
long long ttl(redisContext *context, const std::string &sessionId) {
  auto *reply = static_cast<redisReply *>(
      redisCommand(context, "TTL session:%s", sessionId.c_str())); // FINDING: leak-unreleased-handle
  if (!reply)
    return -2;
  if (reply->type != REDIS_REPLY_INTEGER)
    return -2;
  const long long seconds = reply->integer;
  freeReplyObject(reply);
  return seconds;
}

// Slides a session's expiry by another 30 minutes. The reply is owned by a
// unique_ptr, so every return releases it.
bool touch(redisContext *context, const std::string &sessionId) {
  std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(
      static_cast<redisReply *>(redisCommand(context, "EXPIRE session:%s 1800", sessionId.c_str())), // NO-FINDING: leak-unreleased-handle
      &freeReplyObject);
  return reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
}

// The session ids of a user (a Redis set), copied out of the reply before it
// is released.
std::vector<std::string> sessionsOf(redisContext *context, const std::string &user) {
  std::vector<std::string> ids;
  auto *reply = static_cast<redisReply *>(
      redisCommand(context, "SMEMBERS user:%s:sessions", user.c_str())); // NO-FINDING: leak-unreleased-handle
  if (!reply)
    return ids;
  auto member = [reply](std::size_t i) { // NO-FINDING: leak-captured-stream
    return std::string(reply->element[i]->str, reply->element[i]->len);
  };
  if (reply->type == REDIS_REPLY_ARRAY)
    for (std::size_t i = 0; i < reply->elements; ++i)
      ids.push_back(member(i)); // NO-FINDING: leak-unbounded-shared-container
  freeReplyObject(reply);
  return ids;
}

class SessionCache {
public:
  SessionCache() : shared_(redisConnect(redisHost(), redisPort())) {} // NO-FINDING: leak-per-request-client

  ~SessionCache() {
    running_ = false;
    if (subscriber_.joinable())
      subscriber_.join();
  }

  void registerRoutes(httplib::Server &server) {
    server.Get(R"(/session/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (revoked_.count(req.matches[1].str())) {
        res.status = 401;
        return;
      }
      res.set_content(get(shared_.get(), "session:" + req.matches[1].str()), "text/plain");
    });

    server.Get(R"(/session/(\w+)/ttl)", [](const httplib::Request &req, httplib::Response &res) {
      RedisPtr context(redisConnect(redisHost(), redisPort())); // FINDING: leak-per-request-client
      auto *reply = static_cast<redisReply *>(
          redisCommand(context.get(), "TTL session:%s", req.matches[1].str().c_str())); // NO-FINDING: leak-unreleased-handle
      res.set_content(reply ? std::to_string(reply->integer) : "-2", "text/plain");
      if (reply)
        freeReplyObject(reply);
    });

    server.Post(R"(/session/(\w+)/touch)", [this](const httplib::Request &req, httplib::Response &res) {
      std::lock_guard<std::mutex> lock(mutex_);
      const std::string id = req.matches[1].str();
      if (!touch(shared_.get(), id)) {
        res.status = 404;
        return;
      }
      res.set_content(std::to_string(ttl(shared_.get(), id)), "text/plain");
    });

    server.Get(R"(/user/(\w+)/sessions)", [this](const httplib::Request &req, httplib::Response &res) {
      std::string body;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto &id : sessionsOf(shared_.get(), req.matches[1].str()))
          body += id + "\n";
      }
      res.set_content(body, "text/plain");
    });

    server.Delete(R"(/session/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
      struct timeval timeout = {1, 0};
      redisContext *context = redisConnectWithTimeout(redisHost(), redisPort(), timeout); // FINDING: leak-per-request-client
      redisCommand(context, "DEL session:%s", req.matches[1].str().c_str()); // FINDING: leak-unreleased-handle
      redisFree(context);
      res.status = 204;
    });

    server.Get("/sessions/count", [](const httplib::Request &, httplib::Response &res) {
      res.set_content(std::to_string(countSessions()), "text/plain");
    });
  }

  // Revocations arrive on a pub/sub channel; one message per iteration. The
  // revoked ids are remembered so that lookups can reject them without a
  // round trip, and each revocation is queued for the audit trail.
  void startSubscriber() {
    subscriber_ = std::thread([this] { // NO-FINDING: leak-detached-task
      RedisPtr context(redisConnect(redisHost(), redisPort())); // NO-FINDING: leak-per-request-client
      redisCommand(context.get(), "SUBSCRIBE revocations"); // FINDING: leak-unreleased-handle
      void *message = nullptr;
      while (running_ && redisGetReply(context.get(), &message) == REDIS_OK) { // NO-FINDING: leak-unreleased-handle
        auto *reply = static_cast<redisReply *>(message);
        if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 3) {
          revoke(reply->element[2]->str);
          std::lock_guard<std::mutex> lock(mutex_);
          revoked_.insert(reply->element[2]->str); // FINDING: leak-unbounded-shared-container
          auditQueue_.push_back( // NO-FINDING: leak-unbounded-shared-container
              [reply] { auditRevocation(reply->element[2]->str); }); // FINDING: leak-captured-stream
        }
        freeReplyObject(reply);
      }
    });
  }

  // Called by the audit writer every few seconds: runs what was queued.
  void flushAudit() {
    std::vector<std::function<void()>> batch;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      batch.swap(auditQueue_);
    }
    for (auto &job : batch)
      job();
  }

  // Warms the per-user caches, one connection per user id of the list.
  void warm(const std::vector<std::string> &userIds) {
    for (const auto &user : userIds) {
      redisContext *context = redisConnect(redisHost(), redisPort()); // FINDING: leak-per-request-client
      get(context, "user:" + user);
      redisFree(context);
    }
  }

  // The sweeper: detached, loops until the process dies.
  void startSweeper() {
    std::thread sweeper([] {
      RedisPtr context(redisConnect(redisHost(), redisPort())); // NO-FINDING: leak-per-request-client
      while (true) {
        redisCommand(context.get(), "EVAL %s 0", "return 0"); // FINDING: leak-unreleased-handle
        std::this_thread::sleep_for(std::chrono::minutes(1));
      }
    });
    sweeper.detach(); // FINDING: leak-detached-task
  }

private:
  static long long countSessions() {
    RedisPtr context(redisConnect(redisHost(), redisPort())); // FINDING: leak-per-request-client
    auto *reply = static_cast<redisReply *>(redisCommand(context.get(), "DBSIZE")); // NO-FINDING: leak-unreleased-handle
    long long count = reply ? reply->integer : 0;
    if (reply)
      freeReplyObject(reply);
    return count;
  }

  std::mutex mutex_;
  RedisPtr shared_;
  std::unordered_set<std::string> revoked_;
  std::vector<std::function<void()>> auditQueue_;
  std::atomic<bool> running_{true};
  std::thread subscriber_;
};

} // namespace auth

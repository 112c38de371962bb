// Session cache of the auth service (hiredis). Handlers look sessions up;
// a subscriber thread listens for revocations; a sweeper expires stale keys.

#include <hiredis/hiredis.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace auth {

const char *redisHost();
int redisPort();
void revoke(const std::string &sessionId);

struct RedisDeleter {
  void operator()(redisContext *context) const { redisFree(context); }
};
using RedisPtr = std::unique_ptr<redisContext, RedisDeleter>;

std::string get(redisContext *context, const std::string &key) {
  std::string value;
  auto *reply = static_cast<redisReply *>(redisCommand(context, "GET %s", key.c_str()));
  if (reply && reply->type == REDIS_REPLY_STRING)
    value.assign(reply->str, reply->len);
  if (reply)
    freeReplyObject(reply);
  return value;
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
      res.set_content(get(shared_.get(), "session:" + req.matches[1].str()), "text/plain");
    });

    server.Get(R"(/session/(\w+)/ttl)", [](const httplib::Request &req, httplib::Response &res) {
      RedisPtr context(redisConnect(redisHost(), redisPort())); // FINDING: leak-per-request-client
      auto *reply = static_cast<redisReply *>(
          redisCommand(context.get(), "TTL session:%s", req.matches[1].str().c_str()));
      res.set_content(reply ? std::to_string(reply->integer) : "-2", "text/plain");
      if (reply)
        freeReplyObject(reply);
    });

    server.Delete(R"(/session/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
      struct timeval timeout = {1, 0};
      redisContext *context = redisConnectWithTimeout(redisHost(), redisPort(), timeout); // FINDING: leak-per-request-client
      redisCommand(context, "DEL session:%s", req.matches[1].str().c_str());
      redisFree(context);
      res.status = 204;
    });

    server.Get("/sessions/count", [](const httplib::Request &, httplib::Response &res) {
      res.set_content(std::to_string(countSessions()), "text/plain");
    });
  }

  // Revocations arrive on a pub/sub channel; one message per iteration.
  void startSubscriber() {
    subscriber_ = std::thread([this] { // NO-FINDING: leak-detached-task
      RedisPtr context(redisConnect(redisHost(), redisPort())); // NO-FINDING: leak-per-request-client
      redisCommand(context.get(), "SUBSCRIBE revocations");
      void *message = nullptr;
      while (running_ && redisGetReply(context.get(), &message) == REDIS_OK) {
        auto *reply = static_cast<redisReply *>(message);
        if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 3)
          revoke(reply->element[2]->str);
        freeReplyObject(reply);
      }
    });
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
        redisCommand(context.get(), "EVAL %s 0", "return 0");
        std::this_thread::sleep_for(std::chrono::minutes(1));
      }
    });
    sweeper.detach(); // FINDING: leak-detached-task
  }

private:
  static long long countSessions() {
    RedisPtr context(redisConnect(redisHost(), redisPort())); // FINDING: leak-per-request-client
    auto *reply = static_cast<redisReply *>(redisCommand(context.get(), "DBSIZE"));
    long long count = reply ? reply->integer : 0;
    if (reply)
      freeReplyObject(reply);
    return count;
  }

  std::mutex mutex_;
  RedisPtr shared_;
  std::atomic<bool> running_{true};
  std::thread subscriber_;
};

} // namespace auth

// REQUIRES: hiredis, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// hiredis connections made per request and per message of a subscription.

#include <hiredis/hiredis.h>
#include <httplib.h>

#include <mutex>
#include <string>
#include <sys/time.h>
#include <vector>

void routes(httplib::Server &Server) {
  Server.Get("/hits", [](const httplib::Request &, httplib::Response &Res) {
    redisContext *Redis = redisConnect("cache", 6379);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisConnect' is called for every request: each call opens a new TCP connection to the Redis server; take one from a connection pool for the request or keep one per thread ('thread_local') [leak-per-request-client]
    auto *Reply = static_cast<redisReply *>(redisCommand(Redis, "INCR hits"));
    Res.set_content(std::to_string(Reply->integer), "text/plain");
    freeReplyObject(Reply);
    redisFree(Redis);
  });
  Server.Post("/flush", [](const httplib::Request &, httplib::Response &) {
    const timeval Timeout = {1, 500000};
    redisContext *Redis = redisConnectWithTimeout("cache", 6379, Timeout);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisConnectWithTimeout' is called for every request
    freeReplyObject(redisCommand(Redis, "FLUSHDB"));
    redisFree(Redis);
  });
}

// Every message of a subscription opens another connection to store it.
void subscribe(redisContext *Subscriber) {
  void *Message = nullptr;
  while (redisGetReply(Subscriber, &Message) == REDIS_OK) {
    redisContext *Store = redisConnectUnix("/run/redis.sock");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisConnectUnix' is called for every message a loop reads
    freeReplyObject(redisCommand(Store, "LPUSH inbox x"));
    redisFree(Store);
    freeReplyObject(Message);
  }
}

// ---- Look-alike negatives -------------------------------------------------

void sharedRoutes(httplib::Server &Server) {
  Server.Get("/per-thread", [](const httplib::Request &, httplib::Response &Res) {
    thread_local redisContext *Redis = nullptr;
    if (!Redis)
      Redis = redisConnect("cache", 6379);
    freeReplyObject(redisCommand(Redis, "PING"));
    Res.status = 204;
  });
  Server.Get("/node", [](const httplib::Request &Req, httplib::Response &Res) {
    // A shard chosen by the request.
    redisContext *Redis = redisConnect(Req.get_param_value("node").c_str(), 6379);
    redisFree(Redis);
    Res.status = 204;
  });
}

// A member connection made in the constructor, and a small pool.
class HitCounter {
public:
  HitCounter() : Redis_(redisConnect("cache", 6379)) {}
  void routes(httplib::Server &Server) {
    Server.Get("/count", [this](const httplib::Request &, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      freeReplyObject(redisCommand(Redis_, "INCR hits"));
      Res.status = 204;
    });
  }

private:
  std::mutex Mutex_;
  redisContext *Redis_;
};

class RedisPool {
public:
  redisContext *acquire() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    if (Idle_.empty())
      return redisConnect("cache", 6379);
    redisContext *Redis = Idle_.back();
    Idle_.pop_back();
    return Redis;
  }

private:
  std::mutex Mutex_;
  std::vector<redisContext *> Idle_;
};

void pooled(httplib::Server &Server, RedisPool &Pool) {
  Server.Get("/pooled", [&Pool](const httplib::Request &, httplib::Response &Res) {
    redisContext *Redis = Pool.acquire();
    freeReplyObject(redisCommand(Redis, "PING"));
    Res.status = 204;
  });
}

int main() {
  redisContext *Subscriber = redisConnect("cache", 6379);
  httplib::Server Server;
  routes(Server);
  sharedRoutes(Server);
  subscribe(Subscriber);
  return 0;
}

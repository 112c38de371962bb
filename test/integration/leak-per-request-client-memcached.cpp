// REQUIRES: memcached, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// libmemcached handles made for every request and every item of a loop, with
// the real headers of libmemcached-dev; handles popped from a pool made at
// start-up, kept per thread or made in a constructor are not.

#include <httplib.h>
#include <libmemcached/memcached.h>
#include <libmemcached/util.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

static const char kConfig[] = "--SERVER=cache-1.internal:11211 --SERVER=cache-2.internal:11211";

void routes(httplib::Server &Server) {
  Server.Get("/session", [](const httplib::Request &Req, httplib::Response &Res) {
    memcached_st *Cache = memcached_create(nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'memcached_create' is called for every request: each call opens new connections to every server of its list; create one 'memcached_pool_st' at start-up and pop a handle from it for the request ('memcached_pool_pop'/'memcached_pool_push') [leak-per-request-client]
    memcached_server_add(Cache, "cache-1.internal", 11211);
    const std::string Key = Req.get_param_value("id");
    size_t Len = 0;
    uint32_t Flags = 0;
    memcached_return_t Rc;
    char *Value = memcached_get(Cache, Key.data(), Key.size(), &Len, &Flags, &Rc);
    if (Value) {
      Res.set_content(std::string(Value, Len), "application/json");
      std::free(Value);
    } else {
      Res.status = 404;
    }
    memcached_free(Cache);
  });
  Server.Post("/session", [](const httplib::Request &Req, httplib::Response &Res) {
    memcached_st *Cache = memcached(kConfig, std::strlen(kConfig));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'memcached' is called for every request: each call opens new connections to every server of its list
    const std::string Key = Req.get_param_value("id");
    memcached_set(Cache, Key.data(), Key.size(), Req.body.data(), Req.body.size(), 3600, 0);
    memcached_free(Cache);
    Res.status = 204;
  });
}

// A helper that connects, called by a handler.
static bool forget(const std::string &Key) {
  memcached_st *Cache = memcached(kConfig, std::strlen(kConfig));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'memcached' is called for every request
  const memcached_return_t Rc = memcached_delete(Cache, Key.data(), Key.size(), 0);
  memcached_free(Cache);
  return memcached_success(Rc);
}

void logoutRoutes(httplib::Server &Server) {
  Server.Post("/logout", [](const httplib::Request &Req, httplib::Response &Res) {
    Res.status = forget(Req.get_param_value("id")) ? 204 : 500;
  });
}

// One handle for every key to warm.
void warm(const std::vector<std::string> &Keys) {
  for (const std::string &Key : Keys) {
    memcached_st *Cache = memcached_create(nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'memcached_create' is called for every item of a loop: each call opens new connections to every server of its list; connect once before the loop and reuse the handle [leak-per-request-client]
    memcached_server_add(Cache, "cache-1.internal", 11211);
    memcached_set(Cache, Key.data(), Key.size(), "1", 1, 600, 0);
    memcached_free(Cache);
  }
}

// ---- Look-alike negatives -------------------------------------------------

// Handles popped from the pool main creates once, and pushed back.
void pooledRoutes(httplib::Server &Server, memcached_pool_st *Pool) {
  Server.Get("/pooled", [Pool](const httplib::Request &Req, httplib::Response &Res) {
    memcached_return_t Rc;
    memcached_st *Cache = memcached_pool_pop(Pool, true, &Rc);
    if (!Cache) {
      Res.status = 503;
      return;
    }
    const std::string Key = Req.get_param_value("id");
    size_t Len = 0;
    uint32_t Flags = 0;
    char *Value = memcached_get(Cache, Key.data(), Key.size(), &Len, &Flags, &Rc);
    Res.status = Value ? 200 : 404;
    if (Value)
      Res.set_content(std::string(Value, Len), "application/json");
    std::free(Value);
    memcached_pool_push(Pool, Cache);
  });
  Server.Get("/fetched", [Pool](const httplib::Request &, httplib::Response &Res) {
    memcached_return_t Rc;
    memcached_st *Cache = memcached_pool_fetch(Pool, nullptr, &Rc);
    if (!Cache) {
      Res.status = 503;
      return;
    }
    memcached_pool_release(Pool, Cache);
    Res.status = 204;
  });
}

void otherRoutes(httplib::Server &Server) {
  // One handle per thread, made by the first request of that thread.
  Server.Get("/per-thread", [](const httplib::Request &Req, httplib::Response &Res) {
    thread_local memcached_st *Cache = memcached(kConfig, std::strlen(kConfig));
    const std::string Key = Req.get_param_value("id");
    Res.status = memcached_success(memcached_touch(Cache, Key.data(), Key.size(), 600)) ? 204 : 404;
  });
  // The server is named by the request.
  Server.Get("/node", [](const httplib::Request &Req, httplib::Response &Res) {
    const std::string Config = "--SERVER=" + Req.get_param_value("host");
    memcached_st *Cache = memcached(Config.c_str(), Config.size());
    memcached_free(Cache);
    Res.status = 204;
  });
}

// A member handle made in the constructor and used under a lock.
class RateLimiter {
public:
  RateLimiter() : Cache_(memcached(kConfig, std::strlen(kConfig))) {}
  ~RateLimiter() { memcached_free(Cache_); }
  void routes(httplib::Server &Server) {
    Server.Post("/hit", [this](const httplib::Request &Req, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      const std::string Key = "hits:" + Req.remote_addr;
      uint64_t Hits = 0;
      memcached_increment(Cache_, Key.data(), Key.size(), 1, &Hits);
      Res.status = Hits > 100 ? 429 : 204;
    });
  }

private:
  std::mutex Mutex_;
  memcached_st *Cache_;
};

int main() {
  memcached_pool_st *Pool = memcached_pool(kConfig, std::strlen(kConfig));
  memcached_st *Admin = memcached_create(nullptr);
  memcached_server_add(Admin, "cache-1.internal", 11211);
  httplib::Server Server;
  routes(Server);
  logoutRoutes(Server);
  pooledRoutes(Server, Pool);
  otherRoutes(Server);
  RateLimiter Limiter;
  Limiter.routes(Server);
  const bool Ok = Server.listen("0.0.0.0", 8080);
  memcached_free(Admin);
  memcached_pool_destroy(Pool);
  return Ok ? 0 : 1;
}

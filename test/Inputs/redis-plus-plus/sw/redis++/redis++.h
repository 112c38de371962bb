// Declarations following the public API of redis-plus-plus (sw::redis), for
// tests: the classes and members that services use, no implementation.
#ifndef LEAKTIDY_TEST_REDISPLUSPLUS_H
#define LEAKTIDY_TEST_REDISPLUSPLUS_H

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sw {
namespace redis {

using StringView = std::string_view;
using OptionalString = std::optional<std::string>;

struct ConnectionOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;
  int db = 0;
  std::chrono::milliseconds socket_timeout{0};
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
  std::chrono::milliseconds wait_timeout{0};
};

// A Redis client: owns a pool of connections and is safe to share.
class Redis {
public:
  explicit Redis(const std::string &uri);
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = {});
  Redis(const Redis &) = delete;
  Redis &operator=(const Redis &) = delete;
  Redis(Redis &&) = default;
  Redis &operator=(Redis &&) = default;
  ~Redis();

  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val);
  long long incr(const StringView &key);
  long long del(const StringView &key);
};

class RedisCluster {
public:
  explicit RedisCluster(const std::string &uri);
  explicit RedisCluster(const ConnectionOptions &connection_opts,
                        const ConnectionPoolOptions &pool_opts = {});
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val);
};

} // namespace redis
} // namespace sw

#endif

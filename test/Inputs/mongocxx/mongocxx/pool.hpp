// Declarations following the public API of mongocxx, for tests.
#ifndef LEAKTIDY_TEST_MONGOCXX_POOL_HPP
#define LEAKTIDY_TEST_MONGOCXX_POOL_HPP

#include <functional>
#include <memory>

#include <mongocxx/client.hpp>
#include <mongocxx/uri.hpp>

namespace mongocxx {
inline namespace v_noabi {

// A thread-safe pool of clients; 'acquire' hands one out for a while.
class pool {
public:
  explicit pool(const uri &mongodb_uri = uri());
  ~pool();
  using entry = std::unique_ptr<client, std::function<void(client *)>>;
  entry acquire();
};

} // namespace v_noabi
} // namespace mongocxx

#endif

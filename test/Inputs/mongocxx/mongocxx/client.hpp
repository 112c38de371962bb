// Declarations following the public API of mongocxx, for tests.
#ifndef LEAKTIDY_TEST_MONGOCXX_CLIENT_HPP
#define LEAKTIDY_TEST_MONGOCXX_CLIENT_HPP

#include <cstdint>
#include <string>

#include <mongocxx/uri.hpp>

namespace mongocxx {
inline namespace v_noabi {

class collection {
public:
  std::int64_t count_documents(const std::string &filter_json);
  std::string name() const;
};

class database {
public:
  class collection operator[](const std::string &name) const;
  class collection collection(const std::string &name) const;
};

// One client: its own connection pool and server monitoring; not safe to
// use from two threads at once.
class client {
public:
  client() noexcept;
  explicit client(const class uri &mongodb_uri);
  client(client &&) noexcept;
  client &operator=(client &&) noexcept;
  ~client();
  class database operator[](const std::string &name) const;
  class database database(const std::string &name) const;
};

} // namespace v_noabi
} // namespace mongocxx

#endif

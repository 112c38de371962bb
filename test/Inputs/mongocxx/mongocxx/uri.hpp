// Declarations following the public API of mongocxx (the MongoDB C++
// driver), for tests; no implementation.
#ifndef LEAKTIDY_TEST_MONGOCXX_URI_HPP
#define LEAKTIDY_TEST_MONGOCXX_URI_HPP

#include <string>

namespace mongocxx {
inline namespace v_noabi {

class uri {
public:
  static const std::string k_default_uri;
  uri();
  explicit uri(const std::string &uri_string);
};

} // namespace v_noabi
} // namespace mongocxx

#endif

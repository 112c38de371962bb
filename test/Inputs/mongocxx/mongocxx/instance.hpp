// Declarations following the public API of mongocxx, for tests.
#ifndef LEAKTIDY_TEST_MONGOCXX_INSTANCE_HPP
#define LEAKTIDY_TEST_MONGOCXX_INSTANCE_HPP

namespace mongocxx {
inline namespace v_noabi {

// The driver's global state: exactly one per program.
class instance {
public:
  instance();
  ~instance();
};

} // namespace v_noabi
} // namespace mongocxx

#endif

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <utility>

namespace Aws {
namespace Utils {
template <typename R, typename E> class Outcome {
public:
  Outcome() = default;
  Outcome(const R &r) : result(r), success(true) {}
  Outcome(R &&r) : result(std::move(r)), success(true) {}
  Outcome(const E &e) : error(e), success(false) {}

  bool IsSuccess() const { return success; }
  const R &GetResult() const { return result; }
  R &GetResult() { return result; }
  R &&GetResultWithOwnership() { return std::move(result); }
  const E &GetError() const { return error; }

private:
  R result{};
  E error{};
  bool success = false;
};
} // namespace Utils
} // namespace Aws

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <memory>

namespace Aws {
// Default SDK builds (no custom memory management) alias std::allocator.
template <typename T> using Allocator = std::allocator<T>;

template <typename T, typename... Args>
std::shared_ptr<T> MakeShared(const char * /*allocationTag*/, Args &&...args) {
  return std::make_shared<T>(static_cast<Args &&>(args)...);
}
template <typename T, typename... Args>
std::unique_ptr<T> MakeUnique(const char * /*allocationTag*/, Args &&...args) {
  return std::unique_ptr<T>(new T(static_cast<Args &&>(args)...));
}
} // namespace Aws

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSAllocator.h>
#include <vector>

namespace Aws {
template <typename T> using Vector = std::vector<T, Aws::Allocator<T>>;
} // namespace Aws

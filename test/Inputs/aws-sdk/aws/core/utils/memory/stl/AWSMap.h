// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSAllocator.h>
#include <functional>
#include <map>

namespace Aws {
template <typename K, typename V>
using Map = std::map<K, V, std::less<K>, Aws::Allocator<std::pair<const K, V>>>;
} // namespace Aws

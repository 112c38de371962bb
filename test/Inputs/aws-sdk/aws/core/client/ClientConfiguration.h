// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace Client {
struct ClientConfiguration {
  ClientConfiguration() = default;
  Aws::String region;
  Aws::String endpointOverride;
  unsigned maxConnections = 25;
  long requestTimeoutMs = 3000;
  long connectTimeoutMs = 1000;
};
} // namespace Client
} // namespace Aws

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
struct SDKOptions {
  struct LoggingOptions {
    int logLevel = 0;
  } loggingOptions;
};
void InitAPI(const SDKOptions &options);
void ShutdownAPI(const SDKOptions &options);
} // namespace Aws

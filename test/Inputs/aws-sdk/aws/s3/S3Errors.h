// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSError.h>

namespace Aws {
namespace S3 {
enum class S3Errors { ACCESS_DENIED, NO_SUCH_BUCKET, NO_SUCH_KEY, SLOW_DOWN };
using S3Error = Aws::Client::AWSError<S3Errors>;
} // namespace S3
} // namespace Aws

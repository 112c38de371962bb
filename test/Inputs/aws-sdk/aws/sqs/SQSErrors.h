// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSError.h>

namespace Aws {
namespace SQS {
enum class SQSErrors { INTERNAL_FAILURE, THROTTLING, OVER_LIMIT, QUEUE_DOES_NOT_EXIST };
using SQSError = Aws::Client::AWSError<SQSErrors>;
} // namespace SQS
} // namespace Aws

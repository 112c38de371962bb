// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSError.h>

namespace Aws {
namespace DynamoDB {
enum class DynamoDBErrors { INCOMPLETE_SIGNATURE, INTERNAL_FAILURE, THROTTLING, PROVISIONED_THROUGHPUT_EXCEEDED };
using DynamoDBError = Aws::Client::AWSError<DynamoDBErrors>;
} // namespace DynamoDB
} // namespace Aws

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSClient.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <aws/sqs/SQSErrors.h>
#include <aws/sqs/model/ListQueuesRequest.h>
#include <aws/sqs/model/ListQueuesResult.h>

namespace Aws {
namespace SQS {
namespace Model {
using ListQueuesOutcome = Aws::Utils::Outcome<ListQueuesResult, SQSError>;
} // namespace Model

class SQSClient : public Aws::Client::AWSJsonClient {
public:
  explicit SQSClient(const Aws::Client::ClientConfiguration &clientConfiguration =
                         Aws::Client::ClientConfiguration())
      : AWSJsonClient(clientConfiguration) {}

  Model::ListQueuesOutcome ListQueues(const Model::ListQueuesRequest &request) const;
};
} // namespace SQS
} // namespace Aws

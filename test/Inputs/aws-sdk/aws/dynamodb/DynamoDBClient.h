// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSClient.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <aws/dynamodb/DynamoDBErrors.h>
#include <aws/dynamodb/model/GetItemRequest.h>
#include <aws/dynamodb/model/QueryRequest.h>
#include <aws/dynamodb/model/QueryResult.h>
#include <aws/dynamodb/model/ScanRequest.h>
#include <aws/dynamodb/model/ScanResult.h>

namespace Aws {
namespace DynamoDB {
namespace Model {
using ScanOutcome = Aws::Utils::Outcome<ScanResult, DynamoDBError>;
using QueryOutcome = Aws::Utils::Outcome<QueryResult, DynamoDBError>;
using GetItemOutcome = Aws::Utils::Outcome<GetItemResult, DynamoDBError>;
using PutItemOutcome = Aws::Utils::Outcome<PutItemResult, DynamoDBError>;
} // namespace Model

class DynamoDBClient : public Aws::Client::AWSJsonClient {
public:
  explicit DynamoDBClient(const Aws::Client::ClientConfiguration &clientConfiguration =
                              Aws::Client::ClientConfiguration())
      : AWSJsonClient(clientConfiguration) {}

  Model::ScanOutcome Scan(const Model::ScanRequest &request) const;
  Model::QueryOutcome Query(const Model::QueryRequest &request) const;
  Model::GetItemOutcome GetItem(const Model::GetItemRequest &request) const;
  Model::PutItemOutcome PutItem(const Model::PutItemRequest &request) const;
};
} // namespace DynamoDB
} // namespace Aws

// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSMap.h>
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/core/utils/memory/stl/AWSVector.h>
#include <aws/dynamodb/model/AttributeValue.h>

namespace Aws {
namespace DynamoDB {
namespace Model {
class QueryResult {
public:
  QueryResult() = default;
  const Aws::Vector<Aws::Map<Aws::String, AttributeValue>> &GetItems() const { return m_items; }
  void SetItems(const Aws::Vector<Aws::Map<Aws::String, AttributeValue>> &value) { m_items = value; }
  int GetCount() const { return m_count; }
  int GetScannedCount() const { return m_scannedCount; }
  const Aws::Map<Aws::String, AttributeValue> &GetLastEvaluatedKey() const { return m_lastEvaluatedKey; }
  void SetLastEvaluatedKey(const Aws::Map<Aws::String, AttributeValue> &value) { m_lastEvaluatedKey = value; }

private:
  Aws::Vector<Aws::Map<Aws::String, AttributeValue>> m_items;
  int m_count = 0;
  int m_scannedCount = 0;
  Aws::Map<Aws::String, AttributeValue> m_lastEvaluatedKey;
};
} // namespace Model
} // namespace DynamoDB
} // namespace Aws

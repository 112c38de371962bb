// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSMap.h>
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/dynamodb/model/AttributeValue.h>

namespace Aws {
namespace DynamoDB {
namespace Model {
class ScanRequest {
public:
  ScanRequest() = default;
  const Aws::String &GetTableName() const { return m_tableName; }
  void SetTableName(const Aws::String &value) { m_tableName = value; }
  ScanRequest &WithTableName(const Aws::String &value) { m_tableName = value; return *this; }
  void SetIndexName(const Aws::String &value) { m_indexName = value; }
  int GetLimit() const { return m_limit; }
  void SetLimit(int value) { m_limit = value; }
  ScanRequest &WithLimit(int value) { m_limit = value; return *this; }
  const Aws::Map<Aws::String, AttributeValue> &GetExclusiveStartKey() const { return m_exclusiveStartKey; }
  void SetExclusiveStartKey(const Aws::Map<Aws::String, AttributeValue> &value) { m_exclusiveStartKey = value; }
  void SetExclusiveStartKey(Aws::Map<Aws::String, AttributeValue> &&value) { m_exclusiveStartKey = static_cast<Aws::Map<Aws::String, AttributeValue> &&>(value); }
  ScanRequest &WithExclusiveStartKey(const Aws::Map<Aws::String, AttributeValue> &value) { m_exclusiveStartKey = value; return *this; }
  void SetProjectionExpression(const Aws::String &value) { m_projection = value; }
  void SetFilterExpression(const Aws::String &value) { m_filterExpression = value; }
  void SetSegment(int value) { m_segment = value; }
  void SetTotalSegments(int value) { m_totalSegments = value; }

private:
  Aws::String m_tableName;
  Aws::String m_indexName;
  int m_limit = 0;
  Aws::Map<Aws::String, AttributeValue> m_exclusiveStartKey;
  Aws::String m_projection;
  Aws::String m_filterExpression;
  int m_segment = 0;
  int m_totalSegments = 0;
};
} // namespace Model
} // namespace DynamoDB
} // namespace Aws

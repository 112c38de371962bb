// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSMap.h>
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/dynamodb/model/AttributeValue.h>

namespace Aws {
namespace DynamoDB {
namespace Model {
class GetItemRequest {
public:
  void SetTableName(const Aws::String &value) { m_tableName = value; }
  void SetKey(const Aws::Map<Aws::String, AttributeValue> &value) { m_key = value; }
  void AddKey(const Aws::String &name, const AttributeValue &value) { m_key[name] = value; }

private:
  Aws::String m_tableName;
  Aws::Map<Aws::String, AttributeValue> m_key;
};

class GetItemResult {
public:
  const Aws::Map<Aws::String, AttributeValue> &GetItem() const { return m_item; }

private:
  Aws::Map<Aws::String, AttributeValue> m_item;
};

class PutItemRequest {
public:
  void SetTableName(const Aws::String &value) { m_tableName = value; }
  void SetItem(const Aws::Map<Aws::String, AttributeValue> &value) { m_item = value; }
  void AddItem(const Aws::String &name, const AttributeValue &value) { m_item[name] = value; }

private:
  Aws::String m_tableName;
  Aws::Map<Aws::String, AttributeValue> m_item;
};

class PutItemResult {};
} // namespace Model
} // namespace DynamoDB
} // namespace Aws

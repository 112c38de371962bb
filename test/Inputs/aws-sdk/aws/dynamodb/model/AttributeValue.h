// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace DynamoDB {
namespace Model {
class AttributeValue {
public:
  AttributeValue() = default;
  explicit AttributeValue(const Aws::String &s) : m_s(s) {}
  const Aws::String &GetS() const { return m_s; }
  AttributeValue &SetS(const Aws::String &s) { m_s = s; return *this; }
  const Aws::String &GetN() const { return m_n; }
  AttributeValue &SetN(const Aws::String &n) { m_n = n; return *this; }
  bool GetBool() const { return m_bool; }
  bool operator==(const AttributeValue &other) const {
    return m_s == other.m_s && m_n == other.m_n && m_bool == other.m_bool;
  }
  bool operator!=(const AttributeValue &other) const { return !(*this == other); }

private:
  Aws::String m_s;
  Aws::String m_n;
  bool m_bool = false;
};
} // namespace Model
} // namespace DynamoDB
} // namespace Aws

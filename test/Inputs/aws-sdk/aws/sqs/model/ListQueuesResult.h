// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/core/utils/memory/stl/AWSVector.h>

namespace Aws {
namespace SQS {
namespace Model {
class ListQueuesResult {
public:
  ListQueuesResult() = default;
  const Aws::Vector<Aws::String> &GetQueueUrls() const { return m_queueUrls; }
  void SetQueueUrls(const Aws::Vector<Aws::String> &value) { m_queueUrls = value; }
  const Aws::String &GetNextToken() const { return m_nextToken; }
  void SetNextToken(const Aws::String &value) { m_nextToken = value; }

private:
  Aws::Vector<Aws::String> m_queueUrls;
  Aws::String m_nextToken;
};
} // namespace Model
} // namespace SQS
} // namespace Aws

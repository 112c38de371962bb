// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace SQS {
namespace Model {
class ListQueuesRequest {
public:
  ListQueuesRequest() = default;
  const Aws::String &GetQueueNamePrefix() const { return m_queueNamePrefix; }
  void SetQueueNamePrefix(const Aws::String &value) { m_queueNamePrefix = value; }
  ListQueuesRequest &WithQueueNamePrefix(const Aws::String &value) { m_queueNamePrefix = value; return *this; }
  const Aws::String &GetNextToken() const { return m_nextToken; }
  void SetNextToken(const Aws::String &value) { m_nextToken = value; }
  ListQueuesRequest &WithNextToken(const Aws::String &value) { m_nextToken = value; return *this; }
  int GetMaxResults() const { return m_maxResults; }
  void SetMaxResults(int value) { m_maxResults = value; }
  ListQueuesRequest &WithMaxResults(int value) { m_maxResults = value; return *this; }

private:
  Aws::String m_queueNamePrefix;
  Aws::String m_nextToken;
  int m_maxResults = 0;
};
} // namespace Model
} // namespace SQS
} // namespace Aws

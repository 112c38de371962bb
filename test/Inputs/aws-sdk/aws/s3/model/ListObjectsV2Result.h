// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>
#include <aws/core/utils/memory/stl/AWSVector.h>

namespace Aws {
namespace S3 {
namespace Model {
class Object {
public:
  const Aws::String &GetKey() const { return m_key; }
  long long GetSize() const { return m_size; }
  const Aws::String &GetETag() const { return m_eTag; }

private:
  Aws::String m_key;
  long long m_size = 0;
  Aws::String m_eTag;
};

class ListObjectsV2Result {
public:
  bool GetIsTruncated() const { return m_isTruncated; }
  const Aws::Vector<Object> &GetContents() const { return m_contents; }
  int GetKeyCount() const { return m_keyCount; }
  const Aws::String &GetContinuationToken() const { return m_continuationToken; }
  const Aws::String &GetNextContinuationToken() const { return m_nextContinuationToken; }

private:
  bool m_isTruncated = false;
  Aws::Vector<Object> m_contents;
  int m_keyCount = 0;
  Aws::String m_continuationToken;
  Aws::String m_nextContinuationToken;
};
} // namespace Model
} // namespace S3
} // namespace Aws

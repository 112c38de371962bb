// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace S3 {
namespace Model {
class ListObjectsV2Request {
public:
  void SetBucket(const Aws::String &value) { m_bucket = value; }
  ListObjectsV2Request &WithBucket(const Aws::String &value) { m_bucket = value; return *this; }
  void SetPrefix(const Aws::String &value) { m_prefix = value; }
  ListObjectsV2Request &WithPrefix(const Aws::String &value) { m_prefix = value; return *this; }
  int GetMaxKeys() const { return m_maxKeys; }
  void SetMaxKeys(int value) { m_maxKeys = value; }
  ListObjectsV2Request &WithMaxKeys(int value) { m_maxKeys = value; return *this; }
  const Aws::String &GetContinuationToken() const { return m_continuationToken; }
  void SetContinuationToken(const Aws::String &value) { m_continuationToken = value; }
  ListObjectsV2Request &WithContinuationToken(const Aws::String &value) { m_continuationToken = value; return *this; }
  void SetStartAfter(const Aws::String &value) { m_startAfter = value; }

private:
  Aws::String m_bucket;
  Aws::String m_prefix;
  int m_maxKeys = 0;
  Aws::String m_continuationToken;
  Aws::String m_startAfter;
};
} // namespace Model
} // namespace S3
} // namespace Aws

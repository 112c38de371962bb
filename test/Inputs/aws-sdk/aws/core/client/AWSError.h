// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace Client {
template <typename ERROR_TYPE> class AWSError {
public:
  AWSError() = default;
  const Aws::String &GetMessage() const { return m_message; }
  const Aws::String &GetExceptionName() const { return m_exceptionName; }
  ERROR_TYPE GetErrorType() const { return m_errorType; }
  bool ShouldRetry() const { return false; }

private:
  ERROR_TYPE m_errorType{};
  Aws::String m_message;
  Aws::String m_exceptionName;
};
} // namespace Client
} // namespace Aws

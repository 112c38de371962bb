// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/ClientConfiguration.h>

namespace Aws {
namespace Client {
// Every service client derives from AWSClient: it owns an HTTP client with its
// connection pool, a signer and a retry strategy.
class AWSClient {
public:
  explicit AWSClient(const ClientConfiguration &configuration) : m_config(configuration) {}
  virtual ~AWSClient() = default;
  AWSClient(const AWSClient &) = delete;
  AWSClient &operator=(const AWSClient &) = delete;

protected:
  ClientConfiguration m_config;
};

class AWSJsonClient : public AWSClient {
public:
  using AWSClient::AWSClient;
};

class AWSXMLClient : public AWSClient {
public:
  using AWSClient::AWSClient;
};
} // namespace Client
} // namespace Aws

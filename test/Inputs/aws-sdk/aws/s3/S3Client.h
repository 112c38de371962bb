// Test header shaped like the AWS SDK for C++ public API (subset).
#pragma once
#include <aws/core/client/AWSClient.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <aws/s3/S3Errors.h>
#include <aws/s3/model/ListObjectsV2Request.h>
#include <aws/s3/model/ListObjectsV2Result.h>

namespace Aws {
namespace S3 {
namespace Model {
using ListObjectsV2Outcome = Aws::Utils::Outcome<ListObjectsV2Result, S3Error>;
} // namespace Model

class S3Client : public Aws::Client::AWSXMLClient {
public:
  explicit S3Client(const Aws::Client::ClientConfiguration &clientConfiguration =
                        Aws::Client::ClientConfiguration())
      : AWSXMLClient(clientConfiguration) {}

  Model::ListObjectsV2Outcome ListObjectsV2(const Model::ListObjectsV2Request &request) const;
};
} // namespace S3
} // namespace Aws

// Invoice archive of the billing service: PDFs live in S3 under
// "invoices/<tenant>/<yyyy>/<mm>/". HTTP routes (cpp-httplib) list and size
// them; a retention job walks every tenant prefix.

#include <aws/core/client/ClientConfiguration.h>
#include <aws/s3/S3Client.h>
#include <aws/s3/model/ListObjectsV2Request.h>

#include <httplib.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace billing {

Aws::Client::ClientConfiguration s3Config();
std::string toJson(const std::vector<std::string> &keys);

// Every key under a prefix: used by the "download all" zip builder.
std::vector<std::string> listKeys(const Aws::S3::S3Client &s3, const std::string &bucket,
                                  const std::string &prefix) {
  std::vector<std::string> keys;
  Aws::S3::Model::ListObjectsV2Request request;
  request.SetBucket(bucket);
  request.SetPrefix(prefix);
  bool more = true;
  while (more) { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto outcome = s3.ListObjectsV2(request);
    if (!outcome.IsSuccess())
      break;
    const auto &result = outcome.GetResult();
    for (const auto &object : result.GetContents())
      keys.push_back(object.GetKey()); // FINDING: leak-unbounded-pagination
    more = result.GetIsTruncated();
    request.SetContinuationToken(result.GetNextContinuationToken());
  }
  return keys;
}

// Total size of a tenant's archive: only a number survives each page.
std::int64_t archiveBytes(const Aws::S3::S3Client &s3, const std::string &bucket,
                          const std::string &prefix) {
  std::int64_t bytes = 0;
  Aws::S3::Model::ListObjectsV2Request request;
  request.SetBucket(bucket);
  request.SetPrefix(prefix);
  request.SetMaxKeys(1000);
  std::string previous;
  for (;;) {
    auto outcome = s3.ListObjectsV2(request);
    if (!outcome.IsSuccess())
      break;
    const auto &result = outcome.GetResult();
    for (const auto &object : result.GetContents())
      bytes += object.GetSize(); // NO-FINDING: leak-unbounded-pagination
    if (!result.GetIsTruncated() || result.GetNextContinuationToken() == previous)
      break;
    previous = result.GetNextContinuationToken();
    request.SetContinuationToken(previous);
  }
  return bytes;
}

// The listing page of the UI: at most 200 keys, then "refine your search".
std::vector<std::string> firstKeys(const Aws::S3::S3Client &s3, const std::string &bucket,
                                   const std::string &prefix) {
  const std::size_t limit = 200;
  std::vector<std::string> keys;
  Aws::S3::Model::ListObjectsV2Request request;
  request.SetBucket(bucket);
  request.SetPrefix(prefix);
  request.SetMaxKeys(100);
  for (;;) {
    auto outcome = s3.ListObjectsV2(request);
    if (!outcome.IsSuccess())
      break;
    const auto &result = outcome.GetResult();
    for (const auto &object : result.GetContents())
      keys.push_back(object.GetKey()); // NO-FINDING: leak-unbounded-pagination
    if (keys.size() >= limit || !result.GetIsTruncated())
      break;
    request.SetContinuationToken(result.GetNextContinuationToken());
  }
  return keys;
}

void registerArchiveRoutes(httplib::Server &server, const std::string &bucket) {
  server.Get(R"(/tenants/(\w+)/invoices)",
             [bucket](const httplib::Request &req, httplib::Response &res) {
               Aws::S3::S3Client s3(s3Config()); // FINDING: leak-per-request-client
               auto keys = firstKeys(s3, bucket, "invoices/" + req.matches[1].str() + "/");
               res.set_content(toJson(keys), "application/json");
             });

  server.Get(R"(/tenants/(\w+)/invoices/size)",
             [bucket](const httplib::Request &req, httplib::Response &res) {
               static Aws::S3::S3Client s3(s3Config()); // NO-FINDING: leak-per-request-client
               auto bytes = archiveBytes(s3, bucket, "invoices/" + req.matches[1].str() + "/");
               res.set_content(std::to_string(bytes), "text/plain");
             });

  server.Get(R"(/tenants/(\w+)/invoices/zip)",
             [bucket](const httplib::Request &req, httplib::Response &res) {
               auto s3 = std::make_shared<Aws::S3::S3Client>(s3Config()); // FINDING: leak-per-request-client
               auto keys = listKeys(*s3, bucket, "invoices/" + req.matches[1].str() + "/");
               res.set_content(toJson(keys), "application/json");
             });
}

// Retention job: one client per configured region is what the tenant
// placement needs, and the clients are kept for the next run.
class RetentionJob {
public:
  void prepare(const std::vector<std::string> &regions) {
    for (const auto &region : regions) {
      Aws::Client::ClientConfiguration config = s3Config();
      config.region = region;
      clients_.push_back(std::make_unique<Aws::S3::S3Client>(config)); // NO-FINDING: leak-per-request-client
    }
  }

  // Sizes every tenant's archive, building a client per tenant.
  std::int64_t sizeAll(const std::string &bucket, const std::vector<std::string> &tenants) {
    std::int64_t total = 0;
    for (const auto &tenant : tenants) {
      Aws::S3::S3Client s3(s3Config()); // FINDING: leak-per-request-client
      total += archiveBytes(s3, bucket, "invoices/" + tenant + "/");
    }
    return total;
  }

  // Same walk, with the client built once before the loop.
  std::int64_t sizeAllShared(const std::string &bucket, const std::vector<std::string> &tenants) {
    Aws::S3::S3Client s3(s3Config()); // NO-FINDING: leak-per-request-client
    std::int64_t total = 0;
    for (const auto &tenant : tenants)
      total += archiveBytes(s3, bucket, "invoices/" + tenant + "/");
    return total;
  }

private:
  std::vector<std::unique_ptr<Aws::S3::S3Client>> clients_;
};

} // namespace billing

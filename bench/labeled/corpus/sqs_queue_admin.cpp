// Admin endpoints of the messaging gateway: list the SQS queues of an
// environment, and a health probe. Served with cpp-httplib.

#include <aws/core/client/ClientConfiguration.h>
#include <aws/sqs/SQSClient.h>
#include <aws/sqs/model/ListQueuesRequest.h>

#include <httplib.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gateway {

Aws::Client::ClientConfiguration sqsConfig();

std::string joinLines(const std::vector<std::string> &lines) {
  std::string text;
  for (const auto &line : lines)
    text += line + "\n";
  return text;
}

// All queue URLs of the account.
std::vector<std::string> allQueues(const Aws::SQS::SQSClient &sqs, const std::string &prefix) {
  std::vector<std::string> urls;
  Aws::SQS::Model::ListQueuesRequest request;
  request.SetQueueNamePrefix(prefix);
  do { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto outcome = sqs.ListQueues(request);
    if (!outcome.IsSuccess())
      break;
    const auto &result = outcome.GetResult();
    urls.insert(urls.end(), result.GetQueueUrls().begin(), // FINDING: leak-unbounded-pagination
                result.GetQueueUrls().end());
    request.SetNextToken(result.GetNextToken());
  } while (!request.GetNextToken().empty());
  return urls;
}

// Deduplicates tokens: stops when the service repeats one, and never holds
// more than the page budget.
std::vector<std::string> someQueues(const Aws::SQS::SQSClient &sqs, const std::string &prefix,
                                    int pageBudget) {
  std::vector<std::string> urls;
  std::set<std::string> seenTokens;
  Aws::SQS::Model::ListQueuesRequest request;
  request.SetQueueNamePrefix(prefix);
  for (int page = 0; page < pageBudget; ++page) {
    auto outcome = sqs.ListQueues(request);
    if (!outcome.IsSuccess())
      break;
    const auto &result = outcome.GetResult();
    for (const auto &url : result.GetQueueUrls())
      urls.push_back(url); // NO-FINDING: leak-unbounded-pagination
    if (result.GetNextToken().empty() || !seenTokens.insert(result.GetNextToken()).second)
      break;
    request.SetNextToken(result.GetNextToken());
  }
  return urls;
}

// Counts queues whose name mentions "dlq"; the page is dropped.
int countDeadLetterQueues(const Aws::SQS::SQSClient &sqs) {
  int count = 0;
  Aws::SQS::Model::ListQueuesRequest request;
  std::string token;
  do { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto outcome = sqs.ListQueues(request);
    if (!outcome.IsSuccess())
      return -1;
    for (const auto &url : outcome.GetResult().GetQueueUrls()) // NO-FINDING: leak-unbounded-pagination
      if (url.find("dlq") != std::string::npos)
        ++count;
    token = outcome.GetResult().GetNextToken();
    request.SetNextToken(token);
  } while (!token.empty());
  return count;
}

class QueueAdmin {
public:
  explicit QueueAdmin(httplib::Server &server)
      : sqs_(std::make_shared<Aws::SQS::SQSClient>(sqsConfig())) { // NO-FINDING: leak-per-request-client
    server.Get("/admin/queues", [this](const httplib::Request &req, httplib::Response &res) {
      auto prefix = req.has_param("prefix") ? req.get_param_value("prefix") : std::string();
      res.set_content(joinLines(someQueues(*sqs_, prefix, 20)), "text/plain");
    });
    server.Get("/admin/queues/all", [](const httplib::Request &req, httplib::Response &res) {
      Aws::SQS::SQSClient sqs(sqsConfig()); // FINDING: leak-per-request-client
      res.set_content(joinLines(allQueues(sqs, req.get_param_value("prefix"))), "text/plain");
    });
    server.Get("/admin/queues/dlq", [](const httplib::Request &, httplib::Response &res) {
      res.set_content(std::to_string(deadLetterCount()), "text/plain");
    });
    server.Get("/healthz", [](const httplib::Request &, httplib::Response &res) {
      res.set_content("ok", "text/plain");
    });
  }

private:
  // Called by the dlq route on every request.
  static int deadLetterCount() {
    auto sqs = Aws::SQS::SQSClient(sqsConfig()); // FINDING: leak-per-request-client
    return countDeadLetterQueues(sqs);
  }

  std::shared_ptr<Aws::SQS::SQSClient> sqs_;
};

// A client per region named in the request: sharing it needs a cache keyed by
// region, which is not what the check is about.
void registerRegionProbe(httplib::Server &server) {
  server.Get("/admin/probe", [](const httplib::Request &req, httplib::Response &res) {
    Aws::Client::ClientConfiguration config = sqsConfig();
    config.region = req.get_param_value("region");
    Aws::SQS::SQSClient sqs(config); // NO-FINDING: leak-per-request-client
    Aws::SQS::Model::ListQueuesRequest request;
    res.set_content(sqs.ListQueues(request).IsSuccess() ? "up" : "down", "text/plain");
  });
}

} // namespace gateway

// GET /customers/<id>: a customer's profile, kept in DynamoDB.
#include "orders/service.h"

#include <aws/core/client/ClientConfiguration.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/GetItemRequest.h>
#include <httplib.h>

#include <sstream>

namespace orders {

namespace {

constexpr const char *kCustomersTable = "customers";

Aws::Client::ClientConfiguration dynamo_config() {
  Aws::Client::ClientConfiguration config;
  config.region = "eu-west-1";
  config.requestTimeoutMs = 1000;
  return config;
}

Aws::DynamoDB::Model::GetItemRequest customer_key(const std::string &id) {
  Aws::DynamoDB::Model::GetItemRequest request;
  request.SetTableName(kCustomersTable);
  request.AddKey("id", Aws::DynamoDB::Model::AttributeValue(id));
  return request;
}

std::string to_json(const Aws::DynamoDB::Model::GetItemOutcome &outcome) {
  std::ostringstream out;
  out << '{';
  const char *separator = "";
  for (const auto &[name, value] : outcome.GetResult().GetItem()) {
    out << separator << '"' << name << "\":\"" << value.GetS() << '"';
    separator = ",";
  }
  out << '}';
  return out.str();
}

} // namespace

void register_customer_routes(httplib::Server &server, Metrics &metrics) {
  server.Get(R"(/customers/(\w+))", [&metrics](const httplib::Request &req,
                                               httplib::Response &res) {
    metrics.count("/customers");

    // LEAK (per-request client): a DynamoDB client - its own HTTP connection
    // pool, TLS sessions and request signer - built and torn down on every
    // request.
    Aws::DynamoDB::DynamoDBClient client(dynamo_config());
    const auto outcome = client.GetItem(customer_key(req.matches[1]));
    if (!outcome.IsSuccess()) {
      res.status = 502;
      return;
    }
    res.set_content(to_json(outcome), "application/json");
  });

  // Fine: one client for the whole process; the SDK's clients are safe to
  // share between the server's threads.
  static const Aws::DynamoDB::DynamoDBClient shared_client(dynamo_config());
  server.Get(R"(/customers/(\w+)/exists)", [](const httplib::Request &req,
                                              httplib::Response &res) {
    const auto outcome = shared_client.GetItem(customer_key(req.matches[1]));
    res.status = outcome.IsSuccess() && !outcome.GetResult().GetItem().empty() ? 204 : 404;
  });
}

} // namespace orders

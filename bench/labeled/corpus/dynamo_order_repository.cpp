// Order history repository of the orders service, backed by DynamoDB. The
// table is keyed by customer id and order id; a GSI on status serves the
// back-office screens.

#include <aws/core/client/ClientConfiguration.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/QueryRequest.h>
#include <aws/dynamodb/model/ScanRequest.h>

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orders {

using Item = Aws::Map<Aws::String, Aws::DynamoDB::Model::AttributeValue>;

struct OrderRow {
  std::string customerId;
  std::string orderId;
  std::string status;
};

static OrderRow toRow(const Item &item) {
  OrderRow row;
  auto it = item.find("customer_id");
  if (it != item.end())
    row.customerId = it->second.GetS();
  it = item.find("order_id");
  if (it != item.end())
    row.orderId = it->second.GetS();
  it = item.find("status");
  if (it != item.end())
    row.status = it->second.GetS();
  return row;
}

class OrderRepository {
public:
  explicit OrderRepository(const Aws::Client::ClientConfiguration &config)
      : client_(config) {} // NO-FINDING: leak-per-request-client

  // Every order of one customer, for the "my orders" page.
  std::vector<OrderRow> ordersOf(const std::string &customerId) const {
    std::vector<OrderRow> rows;
    Aws::DynamoDB::Model::QueryRequest request;
    request.SetTableName(table_);
    request.SetKeyConditionExpression("customer_id = :c");
    Item values;
    values["c"].SetS(customerId);
    request.SetExpressionAttributeValues(values);
    request.SetLimit(50);
    do { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
      auto outcome = client_.Query(request);
      if (!outcome.IsSuccess())
        break;
      for (const auto &item : outcome.GetResult().GetItems())
        rows.push_back(toRow(item)); // FINDING: leak-unbounded-pagination
      request.SetExclusiveStartKey(outcome.GetResult().GetLastEvaluatedKey());
    } while (!request.GetExclusiveStartKey().empty());
    return rows;
  }

  // The back-office list is capped: the screen shows at most 500 orders.
  std::vector<OrderRow> recentWithStatus(const std::string &status) const {
    constexpr std::size_t kScreenRows = 500;
    std::vector<OrderRow> rows;
    Aws::DynamoDB::Model::QueryRequest request;
    request.SetTableName(table_);
    request.SetIndexName("status-index");
    request.SetKeyConditionExpression("status = :s");
    Item values;
    values["s"].SetS(status);
    request.SetExpressionAttributeValues(values);
    request.SetScanIndexForward(false);
    request.SetLimit(100);
    while (rows.size() < kScreenRows) {
      auto outcome = client_.Query(request);
      if (!outcome.IsSuccess())
        break;
      const auto &result = outcome.GetResult();
      for (const auto &item : result.GetItems())
        rows.push_back(toRow(item)); // NO-FINDING: leak-unbounded-pagination
      if (result.GetLastEvaluatedKey().empty() ||
          result.GetLastEvaluatedKey() == request.GetExclusiveStartKey())
        break;
      request.SetExclusiveStartKey(result.GetLastEvaluatedKey());
    }
    return rows;
  }

  // Nightly export: every page goes to the sink and is dropped.
  std::size_t exportAll(const std::function<void(const OrderRow &)> &sink) const {
    std::size_t exported = 0;
    Aws::DynamoDB::Model::ScanRequest request;
    request.SetTableName(table_);
    request.SetLimit(200);
    Item previous;
    do {
      auto outcome = client_.Scan(request);
      if (!outcome.IsSuccess())
        return exported;
      const auto &result = outcome.GetResult();
      for (const auto &item : result.GetItems()) { // NO-FINDING: leak-unbounded-pagination
        sink(toRow(item));
        ++exported;
      }
      if (result.GetLastEvaluatedKey() == previous)
        break;
      previous = result.GetLastEvaluatedKey();
      request.SetExclusiveStartKey(previous);
    } while (!request.GetExclusiveStartKey().empty());
    return exported;
  }

  // Reconciliation keeps the ids of every order of the table in memory.
  std::vector<std::string> allOrderIds() const {
    std::vector<std::string> ids;
    Aws::DynamoDB::Model::ScanRequest request;
    request.SetTableName(table_);
    request.SetProjectionExpression("order_id");
    while (true) { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
      auto outcome = client_.Scan(request);
      if (!outcome.IsSuccess())
        break;
      const auto &result = outcome.GetResult();
      for (const auto &item : result.GetItems()) {
        auto id = item.find("order_id");
        if (id != item.end())
          ids.emplace_back(id->second.GetS()); // FINDING: leak-unbounded-pagination
      }
      if (result.GetLastEvaluatedKey().empty())
        break;
      request.SetExclusiveStartKey(result.GetLastEvaluatedKey());
    }
    return ids;
  }

  // One page only, for the "load more" button: the caller keeps the key.
  std::vector<OrderRow> page(const std::string &customerId, Item &startKey) const {
    std::vector<OrderRow> rows;
    Aws::DynamoDB::Model::QueryRequest request;
    request.SetTableName(table_);
    request.SetKeyConditionExpression("customer_id = :c");
    Item values;
    values["c"].SetS(customerId);
    request.SetExpressionAttributeValues(values);
    request.SetLimit(25);
    if (!startKey.empty())
      request.SetExclusiveStartKey(startKey);
    auto outcome = client_.Query(request);
    if (outcome.IsSuccess()) {
      for (const auto &item : outcome.GetResult().GetItems())
        rows.push_back(toRow(item)); // NO-FINDING: leak-unbounded-pagination
      startKey = outcome.GetResult().GetLastEvaluatedKey();
    }
    return rows;
  }

private:
  Aws::DynamoDB::DynamoDBClient client_;
  Aws::String table_ = "orders";
};

static void appendPage(std::vector<OrderRow> &rows,
                       const Aws::DynamoDB::Model::ScanResult &result) {
  for (const auto &item : result.GetItems())
    rows.push_back(toRow(item));
}

// Full-table dump for the support tool; the page is appended by a helper.
std::vector<OrderRow> dumpOrders(const Aws::DynamoDB::DynamoDBClient &client) {
  std::vector<OrderRow> rows;
  Aws::DynamoDB::Model::ScanRequest request;
  request.SetTableName("orders");
  request.SetLimit(100);
  Item previous;
  for (;;) {
    auto outcome = client.Scan(request);
    if (!outcome.IsSuccess())
      break;
    appendPage(rows, outcome.GetResult()); // FINDING: leak-unbounded-pagination
    const auto &next = outcome.GetResult().GetLastEvaluatedKey();
    if (next.empty() || next == previous)
      break;
    previous = next;
    request.SetExclusiveStartKey(next);
  }
  return rows;
}

// Routes of the order history. The repository owns a DynamoDB client.
std::string toJson(const std::vector<OrderRow> &rows);
void registerOrderRoutes(httplib::Server &server, const OrderRepository &shared,
                         const Aws::Client::ClientConfiguration &config) {
  server.Get(R"(/customers/(\w+)/orders)",
             [&shared](const httplib::Request &req, httplib::Response &res) {
               res.set_content(toJson(shared.ordersOf(req.matches[1])), "application/json");
             });
  // Built per request: its constructor builds a new client every time.
  server.Get(R"(/orders/status/(\w+))",
             [&config](const httplib::Request &req, httplib::Response &res) {
               OrderRepository repository(config); // FINDING: leak-per-request-client
               res.set_content(toJson(repository.recentWithStatus(req.matches[1])),
                               "application/json");
             });
}

// Segment worker of the parallel scan; the caller passes the shared client.
std::vector<Item> scanSegment(const Aws::DynamoDB::DynamoDBClient &client, int segment,
                              int totalSegments) {
  std::vector<Item> items;
  Aws::DynamoDB::Model::ScanRequest request;
  request.SetTableName("orders");
  request.SetSegment(segment);
  request.SetTotalSegments(totalSegments);
  for (;;) { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto outcome = client.Scan(request);
    if (!outcome.IsSuccess())
      break;
    auto result = outcome.GetResultWithOwnership();
    items.insert(items.end(), result.GetItems().begin(), // FINDING: leak-unbounded-pagination
                 result.GetItems().end());
    if (result.GetLastEvaluatedKey().empty())
      break;
    request.SetExclusiveStartKey(result.GetLastEvaluatedKey());
  }
  return items;
}

} // namespace orders

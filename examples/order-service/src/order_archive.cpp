// Reads archived orders back from DynamoDB.
#include "orders/order_archive.h"

#include <aws/dynamodb/model/QueryRequest.h>
#include <aws/dynamodb/model/ScanRequest.h>

#include <stdexcept>

namespace orders {

using Aws::DynamoDB::Model::AttributeValue;
using Item = Aws::Map<Aws::String, AttributeValue>;

static ArchivedOrder from_item(const Item &item) {
  ArchivedOrder order;
  order.id = item.at("id").GetS();
  order.customer = item.at("customer").GetS();
  order.cents = std::stoll(item.at("cents").GetN());
  return order;
}

std::vector<ArchivedOrder> OrderArchive::all_orders() const {
  // LEAK (unbounded pagination): the whole table is scanned page after page
  // and every item is kept in `orders`; no page size, no cap, and the loop
  // trusts DynamoDB to stop returning a LastEvaluatedKey.
  std::vector<ArchivedOrder> orders;
  Aws::DynamoDB::Model::ScanRequest request;
  request.SetTableName("order-archive");
  do {
    auto outcome = client_.Scan(request);
    if (!outcome.IsSuccess())
      throw std::runtime_error(outcome.GetError().GetMessage());
    const auto &result = outcome.GetResult();
    for (const Item &item : result.GetItems())
      orders.push_back(from_item(item));
    request.SetExclusiveStartKey(result.GetLastEvaluatedKey());
  } while (!request.GetExclusiveStartKey().empty());
  return orders;
}

std::vector<ArchivedOrder> OrderArchive::customer_orders(const std::string &customer,
                                                         std::size_t max) const {
  // Fine: the same loop over one customer's partition, with a page size and
  // a cap on what is kept.
  std::vector<ArchivedOrder> orders;
  Aws::DynamoDB::Model::QueryRequest request;
  request.SetTableName("order-archive");
  request.SetKeyConditionExpression("customer = :customer");
  request.SetExpressionAttributeValues({{":customer", AttributeValue(customer)}});
  request.SetLimit(100);
  do {
    auto outcome = client_.Query(request);
    if (!outcome.IsSuccess())
      throw std::runtime_error(outcome.GetError().GetMessage());
    const auto &result = outcome.GetResult();
    for (const Item &item : result.GetItems()) {
      if (orders.size() >= max)
        return orders;
      orders.push_back(from_item(item));
    }
    request.SetExclusiveStartKey(result.GetLastEvaluatedKey());
  } while (!request.GetExclusiveStartKey().empty());
  return orders;
}

} // namespace orders

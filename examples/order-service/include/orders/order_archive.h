// Orders older than a year are moved to DynamoDB (table "order-archive",
// partition key "customer", sort key "id"); this repository reads them back.
#pragma once

#include <aws/dynamodb/DynamoDBClient.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace orders {

struct ArchivedOrder {
  std::string id;
  std::string customer;
  std::int64_t cents = 0;
};

class OrderArchive {
public:
  explicit OrderArchive(const Aws::DynamoDB::DynamoDBClient &client) : client_(client) {}

  // Every archived order, for the yearly export.
  std::vector<ArchivedOrder> all_orders() const;

  // At most `max` archived orders of one customer, for the account page.
  std::vector<ArchivedOrder> customer_orders(const std::string &customer, std::size_t max) const;

private:
  const Aws::DynamoDB::DynamoDBClient &client_;
};

} // namespace orders

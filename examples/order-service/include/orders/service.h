// Shared pieces of the order service.
#pragma once

#include <asio/io_context.hpp>
#include <cstdint>
#include <future>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace orders {

struct Order {
  std::int64_t id = 0;
  std::string customer;
  std::int64_t cents = 0;
};

// The carrier database (MySQL or MariaDB) that tracks the parcels.
struct ShippingDatabase {
  std::string host = "localhost";
  std::string user = "orders";
  std::string database = "shipping";
  unsigned port = 3306;
};

struct Config {
  std::string database_url = "postgresql://orders@localhost/orders";
  ShippingDatabase shipping;
  int port = 8080;
};

// Sends an e-mail receipt; slow (SMTP round trip).
bool send_receipt(std::int64_t order_id);

// Counts requests; flushed to the metrics backend in the background.
class Metrics {
public:
  void count(const std::string &route);
  void flush();
  void start_flusher();

private:
  std::mutex mutex_;
  std::vector<std::string> pending_;
};

// Keeps the stock levels of the shop in sync with the warehouse.
void start_inventory_poller(asio::io_context &io, const Config &config);

class Routes;

} // namespace orders

// Entry point: wires the HTTP routes and the background jobs.
#include "orders/service.h"

#include <aws/core/Aws.h>
#include <httplib.h>

#include <thread>

namespace orders {
void register_order_routes(httplib::Server &server, const Config &config, Metrics &metrics);
void register_receipt_routes(httplib::Server &server, Metrics &metrics);
void register_customer_routes(httplib::Server &server, Metrics &metrics);
void register_export_routes(httplib::Server &server, const Config &config);
void register_payment_routes(httplib::Server &server, Metrics &metrics);
void register_stock_routes(httplib::Server &server, const Config &config);
void register_shipment_routes(httplib::Server &server, const Config &config);
} // namespace orders

int main() {
  Aws::SDKOptions aws_options;
  Aws::InitAPI(aws_options);

  orders::Config config;
  orders::Metrics metrics;
  metrics.start_flusher();

  asio::io_context io;
  orders::start_inventory_poller(io, config);
  std::thread io_thread([&io] { io.run(); });

  httplib::Server server;
  orders::register_order_routes(server, config, metrics);
  orders::register_receipt_routes(server, metrics);
  orders::register_customer_routes(server, metrics);
  orders::register_export_routes(server, config);
  orders::register_payment_routes(server, metrics);
  orders::register_stock_routes(server, config);
  orders::register_shipment_routes(server, config);
  server.listen("0.0.0.0", config.port);

  io.stop();
  io_thread.join();
  Aws::ShutdownAPI(aws_options);
  return 0;
}

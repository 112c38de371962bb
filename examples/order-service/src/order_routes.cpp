// GET /orders: lists a customer's orders as JSON.
#include "orders/service.h"

#include <httplib.h>

#include <sstream>

namespace orders {

static std::string to_json(const std::vector<Order> &rows) {
  std::ostringstream out;
  out << '[';
  for (std::size_t i = 0; i < rows.size(); ++i)
    out << (i ? "," : "") << "{\"id\":" << rows[i].id << ",\"cents\":" << rows[i].cents << '}';
  out << ']';
  return out.str();
}

void register_order_routes(httplib::Server &server, const Config &config, Metrics &metrics) {
  server.Get("/orders", [&config, &metrics](const httplib::Request &req, httplib::Response &res) {
    metrics.count("/orders");
    const std::string customer = req.get_param_value("customer");

    // LEAK (per-request client): a new PostgreSQL connection - a socket, TLS
    // state and a backend process - for every request.
    pqxx::connection conn{config.database_url};
    pqxx::work txn{conn};

    // LEAK (unbounded pagination): every page of the customer's history is
    // appended to one vector; a customer with a million orders takes the
    // process down.
    std::vector<Order> all;
    long offset = 0;
    while (true) {
      pqxx::result page = txn.exec_params(
          "SELECT id, cents FROM orders WHERE customer = $1 ORDER BY id LIMIT 500 OFFSET $2",
          customer, offset);
      if (page.empty())
        break;
      for (const auto &row : page)
        all.push_back(Order{row[0].as<std::int64_t>(), customer, row[1].as<std::int64_t>()});
      offset += static_cast<long>(page.size());
    }
    txn.commit();
    res.set_content(to_json(all), "application/json");
  });

  // Fine: one bounded page per request, on a connection made once.
  static pqxx::connection *shared = nullptr;
  server.Get("/orders/latest", [&config](const httplib::Request &, httplib::Response &res) {
    static std::mutex connection_mutex;
    std::lock_guard<std::mutex> lock(connection_mutex);
    if (!shared)
      shared = new pqxx::connection{config.database_url};
    pqxx::work txn{*shared};
    pqxx::result page = txn.exec("SELECT id, cents FROM orders ORDER BY id DESC LIMIT 50");
    std::vector<Order> rows;
    for (const auto &row : page)
      rows.push_back(Order{row[0].as<std::int64_t>(), "", row[1].as<std::int64_t>()});
    res.set_content(to_json(rows), "application/json");
  });
}

} // namespace orders

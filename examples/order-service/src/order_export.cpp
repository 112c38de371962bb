// GET /orders/export: streams a customer's orders as CSV, page by page from a
// server-side cursor, so that large histories never sit in memory at once.
#include "orders/service.h"

#include <httplib.h>

#include <memory>
#include <string>

namespace orders {

static std::string csv_line(const pqxx::row &row) {
  return row[0].as<std::string>() + "," + row[1].as<std::string>() + "\n";
}

void register_export_routes(httplib::Server &server, const Config &config) {
  server.Get("/orders/export", [&config](const httplib::Request &req, httplib::Response &res) {
    const std::string customer = req.get_param_value("customer");
    // LEAK (per-request client): a new PostgreSQL connection for every export.
    pqxx::connection conn{config.database_url};
    pqxx::work txn{conn};
    pqxx::icursorstream cursor{
        txn, "SELECT id, cents FROM orders WHERE customer = " + txn.quote(customer) + " ORDER BY id",
        "orders_export", 500};

    // LEAK (captured stream): httplib calls the content provider after this
    // handler has returned, while it sends the response; by then `cursor`,
    // `txn` and `conn` are destroyed and the provider pages through dangling
    // references.
    res.set_chunked_content_provider("text/csv", [&cursor](std::size_t, httplib::DataSink &sink) {
      pqxx::result page;
      if (!(cursor >> page)) {
        sink.done();
        return true;
      }
      for (const auto &row : page) {
        const std::string line = csv_line(row);
        if (!sink.write(line.data(), line.size()))
          return false;
      }
      return true;
    });
  });

  // Fine: the provider owns the connection, the transaction and the cursor;
  // httplib destroys the provider, and them with it, when the response ends
  // or the client goes away.
  server.Get("/orders/export/v2", [&config](const httplib::Request &req, httplib::Response &res) {
    struct Export {
      Export(const std::string &url, const std::string &customer)
          : conn{url}, txn{conn},
            cursor{txn, "SELECT id, cents FROM orders WHERE customer = " + txn.quote(customer) + " ORDER BY id",
                   "orders_export", 500} {}
      pqxx::connection conn;
      pqxx::work txn;
      pqxx::icursorstream cursor;
    };
    auto state = std::make_shared<Export>(config.database_url, req.get_param_value("customer"));
    res.set_chunked_content_provider("text/csv", [state](std::size_t, httplib::DataSink &sink) {
      pqxx::result page;
      if (!(state->cursor >> page)) {
        sink.done();
        return true;
      }
      for (const auto &row : page) {
        const std::string line = csv_line(row);
        if (!sink.write(line.data(), line.size()))
          return false;
      }
      return true;
    });
  });
}

} // namespace orders

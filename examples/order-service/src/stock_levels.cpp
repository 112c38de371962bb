// GET /stock/<sku>: the stock level of one product, read with libpq from the
// warehouse database over one connection that the service opens at start-up.
#include "orders/service.h"

#include <httplib.h>
#include <libpq-fe.h>

#include <mutex>
#include <string>

namespace orders {

class StockLevels {
public:
  explicit StockLevels(const std::string &dsn) : conn_(PQconnectdb(dsn.c_str())) {}
  ~StockLevels() { PQfinish(conn_); }
  StockLevels(const StockLevels &) = delete;
  StockLevels &operator=(const StockLevels &) = delete;

  // Units in stock, or -1 when the product is unknown or the query failed.
  long units(const std::string &sku) {
    std::lock_guard<std::mutex> lock(mutex_);
    const char *params[] = {sku.c_str()};
    // LEAK (unreleased handle): the result is cleared on the success path
    // only; every unknown SKU (zero rows) and every failed query leaks one
    // PGresult, with its copy of the rows, for the life of the process.
    PGresult *res = PQexecParams(conn_, "SELECT units FROM stock WHERE sku = $1", 1,
                                 nullptr, params, nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) == 0)
      return -1;
    const long units = std::stol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return units;
  }

  // Fine: the result is cleared on every path.
  bool reserve(const std::string &sku, long count) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string amount = std::to_string(count);
    const char *params[] = {sku.c_str(), amount.c_str()};
    PGresult *res = PQexecParams(
        conn_, "UPDATE stock SET units = units - $2 WHERE sku = $1 AND units >= $2", 2,
        nullptr, params, nullptr, nullptr, 0);
    const bool reserved = PQresultStatus(res) == PGRES_COMMAND_OK &&
                          std::string(PQcmdTuples(res)) == "1";
    PQclear(res);
    return reserved;
  }

private:
  std::mutex mutex_;
  PGconn *conn_;
};

void register_stock_routes(httplib::Server &server, const Config &config) {
  static StockLevels stock(config.database_url);
  server.Get(R"(/stock/([\w-]+))", [](const httplib::Request &req, httplib::Response &res) {
    const long units = stock.units(req.matches[1]);
    if (units < 0) {
      res.status = 404;
      return;
    }
    res.set_content(std::to_string(units), "text/plain");
  });
}

} // namespace orders

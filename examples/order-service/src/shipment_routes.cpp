// GET /shipments/<order id>: where an order's parcel is, and
// GET /shipments/in-transit: how many parcels each carrier is carrying. Both
// read the carrier database (MySQL or MariaDB) with the MariaDB C API.
#include "orders/service.h"

#include <httplib.h>
#include <mysql.h>

#include <mutex>
#include <sstream>
#include <string>

namespace orders {

namespace {

// The password comes from the [orders] group of the client's option files.
constexpr const char *kOptionGroup = "orders";

std::string shipment_json(const char *order_id, MYSQL_ROW row) {
  std::ostringstream out;
  out << "{\"order\":" << order_id << ",\"carrier\":\"" << row[0] << "\",\"tracking\":\""
      << row[1] << "\",\"status\":\"" << row[2] << "\"}";
  return out.str();
}

// The parcels in transit per carrier, over one connection that the service
// opens at start-up. A MySQL connection runs one statement at a time, so the
// mutex keeps the server's threads from using it together.
class CarrierLoad {
public:
  explicit CarrierLoad(const ShippingDatabase &db) : conn_(mysql_init(nullptr)) {
    mysql_options(conn_, MYSQL_READ_DEFAULT_GROUP, kOptionGroup);
    if (!mysql_real_connect(conn_, db.host.c_str(), db.user.c_str(), nullptr,
                            db.database.c_str(), db.port, nullptr, 0))
      connected_ = false;
  }
  ~CarrierLoad() { mysql_close(conn_); }
  CarrierLoad(const CarrierLoad &) = delete;
  CarrierLoad &operator=(const CarrierLoad &) = delete;

  // A JSON object from carrier to parcel count, or "" when the query failed.
  std::string in_transit() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!connected_ ||
        mysql_query(conn_, "SELECT carrier, COUNT(*) FROM shipments "
                           "WHERE status = 'in_transit' GROUP BY carrier") != 0)
      return "";
    // Fine: the result is freed on every path that has one.
    MYSQL_RES *rows = mysql_store_result(conn_);
    if (!rows)
      return "";
    std::ostringstream out;
    out << '{';
    const char *separator = "";
    while (MYSQL_ROW row = mysql_fetch_row(rows)) {
      out << separator << '"' << row[0] << "\":" << row[1];
      separator = ",";
    }
    out << '}';
    mysql_free_result(rows);
    return out.str();
  }

private:
  std::mutex mutex_;
  MYSQL *conn_;
  bool connected_ = true;
};

} // namespace

void register_shipment_routes(httplib::Server &server, const Config &config) {
  server.Get(R"(/shipments/(\d+))", [&config](const httplib::Request &req,
                                             httplib::Response &res) {
    const ShippingDatabase &db = config.shipping;
    // LEAK (per-request client): a new MySQL session - a socket, the
    // handshake and authentication, a thread on the server - for every
    // request.
    MYSQL *conn = mysql_init(nullptr);
    if (!conn) {
      res.status = 500;
      return;
    }
    mysql_options(conn, MYSQL_READ_DEFAULT_GROUP, kOptionGroup);
    if (!mysql_real_connect(conn, db.host.c_str(), db.user.c_str(), nullptr,
                            db.database.c_str(), db.port, nullptr, 0)) {
      mysql_close(conn);
      res.status = 503;
      return;
    }

    // The route's pattern admits digits only.
    const std::string order_id = req.matches[1];
    const std::string query =
        "SELECT carrier, tracking_code, status FROM shipments WHERE order_id = " + order_id;
    if (mysql_query(conn, query.c_str()) != 0) {
      mysql_close(conn);
      res.status = 502;
      return;
    }
    // LEAK (unreleased handle): the result is freed on the success path
    // only; every order that has not shipped yet (no row) leaks one
    // MYSQL_RES, with its buffers, for the life of the process.
    MYSQL_RES *rows = mysql_store_result(conn);
    if (!rows) {
      mysql_close(conn);
      res.status = 502;
      return;
    }
    MYSQL_ROW row = mysql_fetch_row(rows);
    if (!row) {
      mysql_close(conn);
      res.status = 404;
      return;
    }
    res.set_content(shipment_json(order_id.c_str(), row), "application/json");
    mysql_free_result(rows);
    mysql_close(conn);
  });

  // Fine: one connection for the whole process, opened before the first
  // request.
  static CarrierLoad load(config.shipping);
  server.Get("/shipments/in-transit", [](const httplib::Request &, httplib::Response &res) {
    const std::string counts = load.in_transit();
    if (counts.empty()) {
      res.status = 503;
      return;
    }
    res.set_content(counts, "application/json");
  });
}

} // namespace orders

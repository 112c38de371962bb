// FLAGS: -I/usr/include/mariadb
// Loyalty points service of the storefront, on MariaDB (C connector). Members
// read their balance and history over HTTP (cpp-httplib), checkout credits
// the points of an order, the shop redeems them; a nightly job mails the
// monthly statements and expires old points.

#include <mysql.h>

#include <httplib.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace loyalty {

const char *dbHost();
const char *replicaHost();
const char *dbUser();
const char *dbPassword();
const char *dbName();
unsigned int dbPort();
void logError(const std::string &message);
void logInfo(const std::string &message);
void mailStatement(const std::string &memberId, const std::string &body);

struct Movement {
  std::string at;
  long points = 0;
  std::string reason;
};

struct StatementCloser {
  void operator()(MYSQL_STMT *stmt) const { mysql_stmt_close(stmt); }
};

std::string escape(MYSQL *conn, const std::string &text) {
  std::string out(text.size() * 2 + 1, '\0');
  out.resize(mysql_real_escape_string(conn, out.data(), text.data(), text.size()));
  return out;
}

MYSQL_BIND textParam(const std::string &value, unsigned long &length) {
  MYSQL_BIND bind;
  std::memset(&bind, 0, sizeof bind);
  length = value.size();
  bind.buffer_type = MYSQL_TYPE_STRING;
  bind.buffer = const_cast<char *>(value.data());
  bind.buffer_length = length;
  bind.length = &length;
  return bind;
}

MYSQL_BIND longParam(long long &value) {
  MYSQL_BIND bind;
  std::memset(&bind, 0, sizeof bind);
  bind.buffer_type = MYSQL_TYPE_LONGLONG;
  bind.buffer = &value;
  return bind;
}

// A fixed set of connections opened when the service starts; every request
// borrows one and gives it back.
class ConnectionPool {
public:
  explicit ConnectionPool(int size) {
    for (int i = 0; i < size; ++i) {
      MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
      if (!mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0)) { // NO-FINDING: leak-per-request-client
        logError(std::string("pool connection failed: ") + mysql_error(conn));
        mysql_close(conn);
        continue;
      }
      idle_.push_back(conn);
    }
  }

  ~ConnectionPool() {
    for (MYSQL *conn : idle_)
      mysql_close(conn);
  }

  MYSQL *acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty(); });
    MYSQL *conn = idle_.back();
    idle_.pop_back();
    return conn;
  }

  void release(MYSQL *conn) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      idle_.push_back(conn);
    }
    returned_.notify_one();
  }

private:
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<MYSQL *> idle_;
};

// A connection borrowed from the pool for the length of a request.
class Lease {
public:
  explicit Lease(ConnectionPool &pool) : pool_(pool), conn_(pool.acquire()) {}
  ~Lease() { pool_.release(conn_); }
  Lease(const Lease &) = delete;
  Lease &operator=(const Lease &) = delete;
  MYSQL *get() const { return conn_; }

private:
  ConnectionPool &pool_;
  MYSQL *conn_;
};

// Current balance of a member; -1 when the member is unknown.
long balanceOf(MYSQL *conn, const std::string &memberId) {
  const std::string sql = "SELECT balance FROM members WHERE id = '" + escape(conn, memberId) + "'";
  if (mysql_query(conn, sql.c_str()) != 0)
    return -1;
  MYSQL_RES *res = mysql_store_result(conn); // FINDING: leak-unreleased-handle
  if (!res)
    return -1;
  MYSQL_ROW row = mysql_fetch_row(res);
  if (!row || !row[0])
    return -1;
  const long balance = std::atol(row[0]);
  mysql_free_result(res);
  return balance;
}

// Tier of a member; members without one are "basic".
std::string tierOf(MYSQL *conn, const std::string &memberId) {
  const std::string sql = "SELECT tier FROM members WHERE id = '" + escape(conn, memberId) + "'";
  if (mysql_query(conn, sql.c_str()) != 0)
    return "basic";
  MYSQL_RES *res = mysql_store_result(conn); // NO-FINDING: leak-unreleased-handle
  if (!res)
    return "basic";
  MYSQL_ROW row = mysql_fetch_row(res);
  std::string tier = row && row[0] ? row[0] : "basic";
  mysql_free_result(res);
  return tier;
}

// Name printed on the statement. The result is owned by a unique_ptr, so the
// early returns free it as well.
std::string displayName(MYSQL *conn, const std::string &memberId) {
  const std::string sql = "SELECT display_name FROM members WHERE id = '" + escape(conn, memberId) + "'";
  if (mysql_query(conn, sql.c_str()) != 0)
    return {};
  std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> res(mysql_store_result(conn), // NO-FINDING: leak-unreleased-handle
                                                               &mysql_free_result);
  if (!res)
    return {};
  MYSQL_ROW row = mysql_fetch_row(res.get());
  if (!row || !row[0])
    return {};
  return row[0];
}

// Credits the points of an order (order_id is a unique key: an order is
// credited once).
bool credit(MYSQL *conn, const std::string &memberId, const std::string &orderId, long long points) {
  MYSQL_STMT *stmt = mysql_stmt_init(conn); // FINDING: leak-unreleased-handle
  if (!stmt)
    return false;
  static const char sql[] =
      "INSERT INTO movements (member_id, order_id, points, reason) VALUES (?, ?, ?, 'order')";
  if (mysql_stmt_prepare(stmt, sql, sizeof sql - 1) != 0) {
    logError(mysql_stmt_error(stmt));
    return false;
  }
  unsigned long memberLength = 0, orderLength = 0;
  MYSQL_BIND params[3] = {textParam(memberId, memberLength), textParam(orderId, orderLength),
                          longParam(points)};
  const bool ok = mysql_stmt_bind_param(stmt, params) == 0 && mysql_stmt_execute(stmt) == 0;
  mysql_stmt_close(stmt);
  return ok;
}

// Takes points off a balance for a redemption; false when the balance is too
// low (the UPDATE matches no row) or the statement fails.
bool debit(MYSQL *conn, const std::string &memberId, long long points) {
  MYSQL_STMT *stmt = mysql_stmt_init(conn); // FINDING: leak-unreleased-handle
  if (!stmt)
    return false;
  static const char sql[] = "UPDATE members SET balance = balance - ? WHERE id = ? AND balance >= ?";
  if (mysql_stmt_prepare(stmt, sql, sizeof sql - 1) != 0) {
    mysql_stmt_close(stmt);
    return false;
  }
  long long needed = points;
  unsigned long memberLength = 0;
  MYSQL_BIND params[3] = {longParam(points), textParam(memberId, memberLength), longParam(needed)};
  if (mysql_stmt_bind_param(stmt, params) != 0 || mysql_stmt_execute(stmt) != 0) {
    logError("debit of " + memberId + " failed: " + mysql_stmt_error(stmt));
    return false;
  }
  const bool debited = mysql_stmt_affected_rows(stmt) == 1;
  mysql_stmt_close(stmt);
  return debited;
}

// Records who referred a new member; the statement is closed on every path.
bool recordReferral(MYSQL *conn, const std::string &memberId, const std::string &referrerId) {
  MYSQL_STMT *stmt = mysql_stmt_init(conn); // NO-FINDING: leak-unreleased-handle
  if (!stmt)
    return false;
  static const char sql[] = "INSERT INTO referrals (member_id, referrer_id) VALUES (?, ?)";
  bool ok = mysql_stmt_prepare(stmt, sql, sizeof sql - 1) == 0;
  if (ok) {
    unsigned long memberLength = 0, referrerLength = 0;
    MYSQL_BIND params[2] = {textParam(memberId, memberLength), textParam(referrerId, referrerLength)};
    ok = mysql_stmt_bind_param(stmt, params) == 0 && mysql_stmt_execute(stmt) == 0;
  }
  if (!ok)
    logError("referral of " + memberId + " failed: " + mysql_stmt_error(stmt));
  mysql_stmt_close(stmt);
  return ok;
}

// Points credited but not yet confirmed (orders still in their return
// window). The statement is owned by a unique_ptr.
long long pendingPoints(MYSQL *conn, const std::string &memberId) {
  std::unique_ptr<MYSQL_STMT, StatementCloser> stmt(mysql_stmt_init(conn)); // NO-FINDING: leak-unreleased-handle
  static const char sql[] =
      "SELECT COALESCE(SUM(points), 0) FROM movements WHERE member_id = ? AND confirmed = 0";
  if (!stmt || mysql_stmt_prepare(stmt.get(), sql, sizeof sql - 1) != 0)
    return 0;
  unsigned long memberLength = 0;
  MYSQL_BIND param = textParam(memberId, memberLength);
  long long pending = 0;
  MYSQL_BIND column = longParam(pending);
  if (mysql_stmt_bind_param(stmt.get(), &param) != 0 || mysql_stmt_execute(stmt.get()) != 0 ||
      mysql_stmt_bind_result(stmt.get(), &column) != 0 || mysql_stmt_fetch(stmt.get()) != 0)
    return 0;
  return pending;
}

// Streams a member's whole history as CSV into the response, row by row as
// the server sends it; false when the client went away.
bool streamHistory(MYSQL *conn, const std::string &memberId, httplib::DataSink &sink) {
  const std::string sql = "SELECT at, points, reason FROM movements WHERE member_id = '" +
                          escape(conn, memberId) + "' ORDER BY at";
  if (mysql_query(conn, sql.c_str()) != 0)
    return false;
  MYSQL_RES *res = mysql_use_result(conn); // FINDING: leak-unreleased-handle
  if (!res)
    return false;
  while (MYSQL_ROW row = mysql_fetch_row(res)) {
    const std::string line = std::string(row[0]) + "," + row[1] + "," + (row[2] ? row[2] : "") + "\n";
    if (!sink.write(line.data(), line.size()))
      return false;
  }
  mysql_free_result(res);
  sink.done();
  return true;
}

// Every movement of a member, read with LIMIT/OFFSET into one vector.
std::vector<Movement> allMovements(MYSQL *conn, const std::string &memberId) {
  std::vector<Movement> movements;
  const std::string member = escape(conn, memberId);
  long offset = 0;
  while (true) {
    const std::string sql = "SELECT at, points, reason FROM movements WHERE member_id = '" + member +
                            "' ORDER BY at, id LIMIT 500 OFFSET " + std::to_string(offset);
    if (mysql_query(conn, sql.c_str()) != 0)
      break;
    MYSQL_RES *res = mysql_store_result(conn); // NO-FINDING: leak-unreleased-handle
    if (!res)
      break;
    const auto rows = static_cast<long>(mysql_num_rows(res));
    if (rows == 0) {
      mysql_free_result(res);
      break;
    }
    while (MYSQL_ROW row = mysql_fetch_row(res))
      movements.push_back(Movement{row[0], std::atol(row[1]), row[2] ? row[2] : ""}); // FINDING: leak-unbounded-pagination
    mysql_free_result(res);
    offset += rows;
  }
  return movements;
}

// The member page shows recent movements only: pages are read until the
// screen is full.
std::vector<Movement> recentMovements(MYSQL *conn, const std::string &memberId) {
  constexpr std::size_t kScreen = 200;
  std::vector<Movement> movements;
  const std::string member = escape(conn, memberId);
  long offset = 0;
  while (movements.size() < kScreen) {
    const std::string sql = "SELECT at, points, reason FROM movements WHERE member_id = '" + member +
                            "' ORDER BY at DESC, id DESC LIMIT 50 OFFSET " + std::to_string(offset);
    if (mysql_query(conn, sql.c_str()) != 0)
      break;
    MYSQL_RES *res = mysql_store_result(conn); // NO-FINDING: leak-unreleased-handle
    if (!res)
      break;
    const auto rows = static_cast<long>(mysql_num_rows(res));
    while (MYSQL_ROW row = mysql_fetch_row(res))
      movements.push_back(Movement{row[0], std::atol(row[1]), row[2] ? row[2] : ""}); // NO-FINDING: leak-unbounded-pagination
    mysql_free_result(res);
    if (rows < 50)
      break;
    offset += rows;
  }
  return movements;
}

// Ids of every member with a balance, walked by key (id > last) for the
// nightly statement run.
std::vector<std::string> membersWithBalance(MYSQL *conn) {
  std::vector<std::string> ids;
  std::string last;
  for (;;) {
    const std::string sql = "SELECT id FROM members WHERE balance > 0 AND id > '" + escape(conn, last) +
                            "' ORDER BY id LIMIT 1000";
    if (mysql_query(conn, sql.c_str()) != 0)
      break;
    MYSQL_RES *res = mysql_store_result(conn); // NO-FINDING: leak-unreleased-handle
    if (!res)
      break;
    const bool empty = mysql_num_rows(res) == 0;
    while (MYSQL_ROW row = mysql_fetch_row(res)) {
      ids.emplace_back(row[0]); // MISSED: leak-unbounded-pagination
      last = row[0];
    }
    mysql_free_result(res);
    if (empty)
      break;
  }
  return ids;
}

// Expires points older than two years, one batch of members at a time: each
// page is handled and dropped.
long expireOldPoints(MYSQL *conn) {
  long expired = 0;
  std::string last;
  for (;;) {
    const std::string sql = "SELECT id FROM members WHERE id > '" + escape(conn, last) +
                            "' ORDER BY id LIMIT 1000";
    if (mysql_query(conn, sql.c_str()) != 0)
      break;
    MYSQL_RES *res = mysql_store_result(conn); // NO-FINDING: leak-unreleased-handle
    if (!res)
      break;
    std::vector<std::string> batch;
    while (MYSQL_ROW row = mysql_fetch_row(res))
      batch.emplace_back(row[0]); // NO-FINDING: leak-unbounded-pagination
    mysql_free_result(res);
    if (batch.empty())
      break;
    for (const auto &id : batch) {
      const std::string call = "SELECT expire_points('" + escape(conn, id) + "', 730)";
      if (mysql_query(conn, call.c_str()) == 0) {
        mysql_free_result(mysql_store_result(conn)); // NO-FINDING: leak-unreleased-handle
        ++expired;
      }
    }
    last = batch.back();
  }
  return expired;
}

// Recomputes every member's tier. The procedure answers with a summary that
// nobody reads.
void refreshTiers(MYSQL *conn) {
  if (mysql_query(conn, "CALL refresh_tiers()") != 0) {
    logError(mysql_error(conn));
    return;
  }
  mysql_store_result(conn); // FINDING: leak-unreleased-handle
  while (mysql_next_result(conn) == 0) {
  }
}

// Offers of the partner shops for a tier, read from the reporting replica.
std::vector<std::string> partnerOffers(const std::string &tier) {
  std::vector<std::string> offers;
  MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
  if (!mysql_real_connect(conn, replicaHost(), dbUser(), dbPassword(), "partners", dbPort(), nullptr, 0)) { // FINDING: leak-per-request-client
    mysql_close(conn);
    return offers;
  }
  const std::string sql = "SELECT title FROM offers WHERE tier = '" + escape(conn, tier) + "' LIMIT 20";
  if (mysql_query(conn, sql.c_str()) == 0) {
    if (MYSQL_RES *res = mysql_store_result(conn)) { // NO-FINDING: leak-unreleased-handle
      while (MYSQL_ROW row = mysql_fetch_row(res))
        offers.emplace_back(row[0]);
      mysql_free_result(res);
    }
  }
  mysql_close(conn);
  return offers;
}

// Run once by main before the server starts listening.
bool databaseReachable() {
  MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
  const bool ok =
      mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0) != nullptr; // NO-FINDING: leak-per-request-client
  mysql_close(conn);
  return ok;
}

std::string render(const std::vector<Movement> &movements) {
  std::string body;
  for (const auto &m : movements)
    body += m.at + "\t" + std::to_string(m.points) + "\t" + m.reason + "\n";
  return body;
}

class LoyaltyService {
public:
  LoyaltyService() : pool_(8) {}

  void registerRoutes(httplib::Server &server) {
    // Balance lookups open a connection of their own for every request.
    server.Get(R"(/members/(\w+)/balance)", [](const httplib::Request &req, httplib::Response &res) {
      MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
      if (!mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0)) { // FINDING: leak-per-request-client
        mysql_close(conn);
        res.status = 503;
        return;
      }
      const long balance = balanceOf(conn, req.matches[1]);
      mysql_close(conn);
      if (balance < 0) {
        res.status = 404;
        return;
      }
      res.set_content(std::to_string(balance), "text/plain");
    });

    server.Get(R"(/members/(\w+)/summary)", [this](const httplib::Request &req, httplib::Response &res) {
      Lease lease(pool_);
      const std::string member = req.matches[1];
      std::string body = displayName(lease.get(), member) + "\n" + tierOf(lease.get(), member) + "\n" +
                         std::to_string(balanceOf(lease.get(), member)) + " points, " +
                         std::to_string(pendingPoints(lease.get(), member)) + " pending\n";
      for (const auto &offer : partnerOffers(tierOf(lease.get(), member)))
        body += "offer: " + offer + "\n";
      res.set_content(body, "text/plain");
    });

    server.Get(R"(/members/(\w+)/recent)", [this](const httplib::Request &req, httplib::Response &res) {
      Lease lease(pool_);
      res.set_content(render(recentMovements(lease.get(), req.matches[1])), "text/plain");
    });

    server.Get(R"(/members/(\w+)/movements)", [this](const httplib::Request &req, httplib::Response &res) {
      Lease lease(pool_);
      res.set_content(render(allMovements(lease.get(), req.matches[1])), "text/plain");
    });

    server.Get(R"(/members/(\w+)/history.csv)", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string member = req.matches[1];
      res.set_chunked_content_provider("text/csv", [this, member](std::size_t, httplib::DataSink &sink) {
        Lease lease(pool_);
        return streamHistory(lease.get(), member, sink);
      });
    });

    server.Post(R"(/members/(\w+)/credit)", [this](const httplib::Request &req, httplib::Response &res) {
      Lease lease(pool_);
      const long long points = std::atoll(req.get_param_value("points").c_str());
      res.status = credit(lease.get(), req.matches[1], req.get_param_value("order"), points) ? 204 : 409;
    });

    server.Post(R"(/members/(\w+)/referral)", [this](const httplib::Request &req, httplib::Response &res) {
      Lease lease(pool_);
      res.status = recordReferral(lease.get(), req.matches[1], req.body) ? 204 : 409;
    });

    // Redemptions run on a fresh connection so that a slow shop cannot hold
    // a pooled one.
    server.Post(R"(/members/(\w+)/redeem)", [](const httplib::Request &req, httplib::Response &res) {
      MYSQL *conn = mysql_init(nullptr); // FINDING: leak-unreleased-handle
      if (!mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0)) { // FINDING: leak-per-request-client
        res.status = 503;
        return;
      }
      const long long points = std::atoll(req.get_param_value("points").c_str());
      res.status = debit(conn, req.matches[1], points) ? 204 : 402;
      mysql_close(conn);
    });
  }

  // Nightly: one statement per member, each built on a connection of its own.
  void mailStatements() {
    std::vector<std::string> members;
    {
      Lease lease(pool_);
      members = membersWithBalance(lease.get());
    }
    for (const auto &member : members) {
      MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
      if (!mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0)) { // FINDING: leak-per-request-client
        mysql_close(conn);
        continue;
      }
      mailStatement(member, displayName(conn, member) + "\n" + render(recentMovements(conn, member)));
      mysql_close(conn);
    }
  }

  // Nightly maintenance on one connection for the whole run.
  void maintain() {
    MYSQL *conn = mysql_init(nullptr); // NO-FINDING: leak-unreleased-handle
    if (!mysql_real_connect(conn, dbHost(), dbUser(), dbPassword(), dbName(), dbPort(), nullptr, 0)) { // NO-FINDING: leak-per-request-client
      logError(mysql_error(conn));
      mysql_close(conn);
      return;
    }
    refreshTiers(conn);
    const long expired = expireOldPoints(conn);
    logInfo("expired points of " + std::to_string(expired) + " members");
    mysql_close(conn);
  }

private:
  ConnectionPool pool_;
};

} // namespace loyalty

// Customer data access of the CRM service (libpqxx 6). Routes are served by
// cpp-httplib; a connection pool hands out connections to handlers.

#include <httplib.h>
#include <pqxx/pqxx>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace crm {

struct Customer {
  long id;
  std::string email;
};

const std::string &databaseUrl();
std::string toJson(const std::vector<Customer> &customers);

class ConnectionPool {
public:
  explicit ConnectionPool(std::size_t size) {
    for (std::size_t i = 0; i < size; ++i)
      idle_.push_back(std::make_unique<pqxx::connection>(databaseUrl())); // NO-FINDING: leak-per-request-client
  }
  std::unique_ptr<pqxx::connection> acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.empty())
      return std::make_unique<pqxx::connection>(databaseUrl()); // NO-FINDING: leak-per-request-client
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  void release(std::unique_ptr<pqxx::connection> conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(conn));
  }

private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

// LIMIT/OFFSET walk over the whole table, kept in memory for the CSV export.
std::vector<Customer> allCustomers(pqxx::work &txn) {
  std::vector<Customer> customers;
  long offset = 0;
  for (;;) {
    pqxx::result page = txn.exec_params(
        "SELECT id, email FROM customers ORDER BY id LIMIT 1000 OFFSET $1", offset);
    if (page.empty())
      break;
    for (const auto &row : page)
      customers.push_back(Customer{row[0].as<long>(), row[1].as<std::string>()}); // FINDING: leak-unbounded-pagination
    offset += static_cast<long>(page.size());
  }
  return customers;
}

// Keyset pagination with a cap: the search box shows 300 matches at most.
std::vector<Customer> searchByDomain(pqxx::work &txn, const std::string &domain) {
  std::vector<Customer> customers;
  long lastId = 0;
  while (customers.size() < 300) {
    pqxx::result page = txn.exec_params(
        "SELECT id, email FROM customers WHERE email LIKE $1 AND id > $2 ORDER BY id LIMIT 100",
        "%@" + domain, lastId);
    if (page.empty())
      break;
    for (const auto &row : page)
      customers.push_back(Customer{row[0].as<long>(), row[1].as<std::string>()}); // NO-FINDING: leak-unbounded-pagination
    lastId = page[page.size() - 1][0].as<long>();
  }
  return customers;
}

// Keyset walk that mails each batch and keeps nothing.
std::size_t sendNewsletter(pqxx::work &txn, void (*send)(const std::vector<Customer> &)) {
  std::size_t sent = 0;
  long lastId = 0;
  for (;;) {
    pqxx::result page = txn.exec_params(
        "SELECT id, email FROM customers WHERE id > $1 AND opted_in ORDER BY id LIMIT 500", lastId);
    if (page.empty())
      break;
    std::vector<Customer> batch;
    for (const auto &row : page)
      batch.push_back(Customer{row[0].as<long>(), row[1].as<std::string>()}); // NO-FINDING: leak-unbounded-pagination
    send(batch);
    sent += batch.size();
    lastId = batch.back().id;
  }
  return sent;
}

// A server-side cursor read block by block into one vector.
std::vector<std::string> allEmails(pqxx::work &txn) {
  std::vector<std::string> emails;
  pqxx::icursorstream cursor(txn, "SELECT email FROM customers", "emails", 500);
  pqxx::result block;
  while (cursor >> block) {
    for (const auto &row : block)
      emails.push_back(row[0].as<std::string>()); // FINDING: leak-unbounded-pagination
  }
  return emails;
}

void registerCustomerRoutes(httplib::Server &server, ConnectionPool &pool) {
  server.Get("/customers/export", [](const httplib::Request &, httplib::Response &res) {
    pqxx::connection conn{databaseUrl()}; // FINDING: leak-per-request-client
    pqxx::work txn{conn};
    res.set_content(toJson(allCustomers(txn)), "application/json");
  });

  server.Get(R"(/customers/search/([\w.-]+))",
             [&pool](const httplib::Request &req, httplib::Response &res) {
               auto conn = pool.acquire(); // NO-FINDING: leak-per-request-client
               std::vector<Customer> found;
               {
                 pqxx::work txn{*conn};
                 found = searchByDomain(txn, req.matches[1]);
               }
               pool.release(std::move(conn));
               res.set_content(toJson(found), "application/json");
             });

  server.Post("/customers/newsletter", [](const httplib::Request &, httplib::Response &res) {
    thread_local pqxx::connection conn{databaseUrl()}; // NO-FINDING: leak-per-request-client
    pqxx::work txn{conn};
    auto sent = sendNewsletter(txn, [](const std::vector<Customer> &) {});
    txn.commit();
    res.set_content(std::to_string(sent), "text/plain");
  });

  server.Get("/customers/emails", [](const httplib::Request &, httplib::Response &res) {
    auto conn = std::make_unique<pqxx::connection>(databaseUrl()); // FINDING: leak-per-request-client
    pqxx::work txn{*conn};
    std::string body;
    for (const auto &email : allEmails(txn))
      body += email + "\n";
    res.set_content(body, "text/plain");
  });
}

} // namespace crm

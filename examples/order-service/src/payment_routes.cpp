// POST /payments: charges a card at most once per idempotency key.
#include "orders/service.h"

#include <httplib.h>

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace orders {

namespace {

constexpr std::size_t recent_payments_shown = 100;

class PaymentRoutes {
public:
  PaymentRoutes(httplib::Server &server, Metrics &metrics) {
    server.Post("/payments", [this, &metrics](const httplib::Request &req, httplib::Response &res) {
      metrics.count("/payments");
      const std::string key = req.get_header_value("Idempotency-Key");
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto done = responses_.find(key); done != responses_.end()) {
        res.set_content(done->second, "application/json");
        return;
      }
      const std::string receipt = charge(req.body);

      // LEAK (unbounded shared container): the response to every idempotency
      // key ever received stays in the map for the life of the process. The
      // mutex makes it thread-safe, not bounded: keys should expire after the
      // client's retry window.
      responses_.emplace(key, receipt);

      // Fine: the dashboard's list of recent payments keeps the last 100.
      recent_.push_back(receipt);
      if (recent_.size() > recent_payments_shown)
        recent_.pop_front();
      res.set_content(receipt, "application/json");
    });
  }

private:
  static std::string charge(const std::string &payload) {
    return "{\"status\":\"charged\",\"bytes\":" + std::to_string(payload.size()) + "}";
  }

  std::mutex mutex_;
  std::unordered_map<std::string, std::string> responses_;
  std::deque<std::string> recent_;
};

} // namespace

void register_payment_routes(httplib::Server &server, Metrics &metrics) {
  static PaymentRoutes routes(server, metrics);
}

} // namespace orders

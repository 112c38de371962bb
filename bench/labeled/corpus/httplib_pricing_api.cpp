// Pricing API of the storefront (cpp-httplib). Prices come from the pricing
// engine over HTTP; currency rates are refreshed in the background.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pricing {

std::string engineHost();
double parsePrice(const std::string &body);
void refreshRates();
bool notifyAnalytics(const std::string &sku, double price);

class PricingApi {
public:
  explicit PricingApi(httplib::Server &server) : engine_(engineHost()) { // NO-FINDING: leak-per-request-client
    server.Get(R"(/price/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      std::string sku = req.matches[1];
      double price = 0;
      {
        std::lock_guard<std::mutex> lock(engineMutex_);
        auto reply = engine_.Get(("/v2/price/" + sku).c_str());
        if (reply && reply->status == 200)
          price = parsePrice(reply->body);
      }
      std::async(std::launch::async, notifyAnalytics, sku, price); // FINDING: leak-unawaited-future
      res.set_content(std::to_string(price), "text/plain");
    });

    server.Get(R"(/quote/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
      httplib::Client engine(engineHost()); // FINDING: leak-per-request-client
      engine.set_connection_timeout(std::chrono::seconds(2));
      auto reply = engine.Get(("/v2/price/" + req.matches[1].str()).c_str());
      res.set_content(reply ? reply->body : "", "text/plain");
    });

    server.Post("/basket/price", [](const httplib::Request &req, httplib::Response &res) {
      std::vector<std::string> skus;
      std::string sku;
      for (char c : req.body) {
        if (c == ',') {
          skus.push_back(sku);
          sku.clear();
        } else {
          sku += c;
        }
      }
      if (!sku.empty())
        skus.push_back(sku);
      std::vector<std::future<double>> prices;
      for (const auto &item : skus)
        prices.push_back(std::async(std::launch::async, [item] { return priceOf(item); })); // NO-FINDING: leak-unawaited-future
      double total = 0;
      for (auto &price : prices)
        total += price.get();
      res.set_content(std::to_string(total), "text/plain");
    });

    server.Post("/basket/notify", [](const httplib::Request &req, httplib::Response &res) {
      auto sent = std::async(std::launch::async, notifyAnalytics, req.body, 0.0); // FINDING: leak-unawaited-future
      res.set_content("queued", "text/plain");
    });

    server.Post("/basket/notify-sync", [](const httplib::Request &req, httplib::Response &res) {
      auto sent = std::async(std::launch::async, notifyAnalytics, req.body, 0.0); // NO-FINDING: leak-unawaited-future
      res.set_content(sent.get() ? "sent" : "failed", "text/plain");
    });
  }

  // Started once from main: refreshes rates until the service stops.
  void startRateRefresher() {
    refresher_ = std::thread([this] { // NO-FINDING: leak-detached-task
      while (!stopping_.load()) {
        refreshRates();
        std::this_thread::sleep_for(std::chrono::minutes(5));
      }
    });
  }

  void stop() {
    stopping_ = true;
    if (refresher_.joinable())
      refresher_.join();
  }

  // Legacy warm-up: a detached thread polling the engine forever.
  void startWarmup() {
    std::thread([] {
      httplib::Client engine(engineHost());
      for (;;) {
        engine.Get("/v2/ping");
        std::this_thread::sleep_for(std::chrono::seconds(30));
      }
    }).detach(); // FINDING: leak-detached-task
  }

  // One-shot warm-up on a detached thread: finite, nothing to stop.
  void warmOnce() {
    std::thread([] {
      httplib::Client engine(engineHost());
      engine.Get("/v2/ping");
    }).detach(); // NO-FINDING: leak-detached-task
  }

private:
  static double priceOf(const std::string &sku) {
    static httplib::Client engine(engineHost()); // NO-FINDING: leak-per-request-client
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    auto reply = engine.Get(("/v2/price/" + sku).c_str());
    return reply ? parsePrice(reply->body) : 0.0;
  }

  httplib::Client engine_;
  std::mutex engineMutex_;
  std::atomic<bool> stopping_{false};
  std::thread refresher_;
};

} // namespace pricing

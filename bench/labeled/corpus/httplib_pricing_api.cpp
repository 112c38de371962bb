// Pricing API of the storefront (cpp-httplib). Prices come from the pricing
// engine over HTTP; currency rates are refreshed in the background.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace pricing {

std::string engineHost();
double parsePrice(const std::string &body);
void refreshRates();
bool notifyAnalytics(const std::string &sku, double price);
std::string priceListPath(const std::string &region);

constexpr std::size_t kRecentQuotes = 100;

// SKUs the engine had no price for, reported to the catalog team.
std::vector<std::string> &unpricedSkus() {
  static std::vector<std::string> skus;
  return skus;
}

// Streams a price list file to the client, 16 KiB per chunk.
bool sendChunk(std::istream &in, httplib::DataSink &sink) {
  char buffer[16384];
  in.read(buffer, sizeof buffer);
  if (in.gcount() > 0 && !sink.write(buffer, static_cast<std::size_t>(in.gcount())))
    return false;
  if (!in)
    sink.done();
  return true;
}

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
      {
        // Last price served per SKU (for the support console), the number
        // of price requests, and the most recent SKUs for the dashboard.
        std::lock_guard<std::mutex> lock(statsMutex_);
        lastQuoted_[sku] = price; // FINDING: leak-unbounded-shared-container
        requests_["price"] += 1; // NO-FINDING: leak-unbounded-shared-container
        if (recent_.size() >= kRecentQuotes)
          recent_.pop_front();
        recent_.push_back(sku); // NO-FINDING: leak-unbounded-shared-container
        if (price == 0)
          unpricedSkus().push_back(sku); // MISSED: leak-unbounded-shared-container
      }
      std::async(std::launch::async, notifyAnalytics, sku, price); // FINDING: leak-unawaited-future
      res.set_content(std::to_string(price), "text/plain");
    });

    server.Get(R"(/quote/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      httplib::Client engine(engineHost()); // FINDING: leak-per-request-client
      engine.set_connection_timeout(std::chrono::seconds(2));
      auto reply = engine.Get(("/v2/price/" + req.matches[1].str()).c_str());
      res.set_content(reply ? reply->body : "", "text/plain");
      std::lock_guard<std::mutex> lock(statsMutex_);
      quoteLog_.push_back(req.remote_addr + " " + req.matches[1].str()); // FINDING: leak-unbounded-shared-container
    });

    server.Get("/stats/recent", [this](const httplib::Request &, httplib::Response &res) {
      std::string body;
      std::lock_guard<std::mutex> lock(statsMutex_);
      for (const auto &sku : recent_)
        body += sku + "\n";
      res.set_content(body, "text/plain");
    });

    // Regional price lists are large files: they are sent in chunks.
    server.Get(R"(/pricelist/(\w+)\.csv)", [](const httplib::Request &req, httplib::Response &res) {
      std::ifstream file(priceListPath(req.matches[1]), std::ios::binary);
      if (!file) {
        res.status = 404;
        return;
      }
      res.set_chunked_content_provider("text/csv", [&file](std::size_t, httplib::DataSink &sink) { // FINDING: leak-captured-stream
        return sendChunk(file, sink);
      });
    });

    // The same download for the partner feed; the provider owns the file,
    // which closes when the response is done.
    server.Get(R"(/feed/(\w+)\.csv)", [](const httplib::Request &req, httplib::Response &res) {
      auto file = std::make_shared<std::ifstream>(priceListPath(req.matches[1]), std::ios::binary);
      if (!*file) {
        res.status = 404;
        return;
      }
      res.set_chunked_content_provider("text/csv", [file](std::size_t, httplib::DataSink &sink) { // NO-FINDING: leak-captured-stream
        return sendChunk(*file, sink);
      });
    });

    server.Post("/basket/price", [](const httplib::Request &req, httplib::Response &res) {
      std::vector<std::string> skus;
      std::string sku;
      for (char c : req.body) {
        if (c == ',') {
          skus.push_back(sku); // NO-FINDING: leak-unbounded-shared-container
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
  std::mutex statsMutex_;
  std::unordered_map<std::string, double> lastQuoted_;
  std::map<std::string, long> requests_;
  std::deque<std::string> recent_;
  std::vector<std::string> quoteLog_;
  std::atomic<bool> stopping_{false};
  std::thread refresher_;
};

} // namespace pricing

// Request counters, flushed to the metrics backend every few seconds.
#include "orders/service.h"

#include <chrono>
#include <thread>

namespace orders {

void Metrics::count(const std::string &route) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back(route);
}

void Metrics::flush() {
  std::vector<std::string> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(pending_);
  }
  // ... send `batch` to the metrics backend ...
}

void Metrics::start_flusher() {
  // LEAK (detached task): an endless loop on a detached thread. Nothing can
  // stop it, and it touches `this` after the service object is gone.
  std::thread([this] {
    while (true) {
      std::this_thread::sleep_for(std::chrono::seconds(5));
      flush();
    }
  }).detach();
}

} // namespace orders

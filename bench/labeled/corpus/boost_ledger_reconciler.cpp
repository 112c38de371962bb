// FLAGS: -DBOOST_THREAD_VERSION=4 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// Ledger reconciler of the payments service (Boost.Thread, Boost.Asio 1.74):
// compares the ledger with the bank's settlement files, in the background.

#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange unincluded.

#include <boost/asio.hpp>
#include <boost/thread/future.hpp>
#include <boost/thread/thread.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace net = boost::asio;

namespace payments {

int reconcileDay(const std::string &day);
void fetchSettlements();
void alert(const std::string &message);

class Reconciler {
public:
  explicit Reconciler(net::io_context &io) : io_(io), timer_(io) {}

  ~Reconciler() {
    if (fetcher_.joinable()) {
      fetcher_.interrupt();
      fetcher_.join();
    }
  }

  // Reconciles each day of the range in parallel and reports mismatches.
  int reconcileRange(const std::vector<std::string> &days) {
    std::vector<boost::future<int>> results;
    for (const auto &day : days)
      results.push_back(boost::async(boost::launch::async, [day] { return reconcileDay(day); })); // NO-FINDING: leak-unawaited-future
    int mismatches = 0;
    for (auto &result : results)
      mismatches += result.get();
    return mismatches;
  }

  // Fire-and-forget: the mismatches of the day are never looked at.
  void reconcileToday(const std::string &today) {
    boost::async(boost::launch::async, [today] { return reconcileDay(today); }); // FINDING: leak-unawaited-future
  }

  // Chained: the continuation raises the alert.
  boost::future<void> reconcileAndAlert(const std::string &day) {
    auto count = boost::async(boost::launch::async, [day] { return reconcileDay(day); }); // NO-FINDING: leak-unawaited-future
    return count.then([day](boost::future<int> done) {
      if (done.get() > 0)
        alert("mismatches on " + day);
    });
  }

  // Settlement files are fetched by an interruptible thread, joined on
  // destruction.
  void startFetcher() {
    fetcher_ = boost::thread([] { // NO-FINDING: leak-detached-task
      for (;;) {
        fetchSettlements();
        boost::this_thread::sleep_for(boost::chrono::minutes(15));
      }
    });
  }

  // The legacy fetcher: detached, loops forever.
  void startLegacyFetcher() {
    boost::thread legacy([] {
      while (true) {
        fetchSettlements();
        boost::this_thread::sleep_for(boost::chrono::minutes(15));
      }
    });
    legacy.detach(); // FINDING: leak-detached-task
  }

  // A coroutine that rechecks yesterday forever, spawned detached.
  void startRechecker() {
    net::co_spawn(io_, recheck(), net::detached); // FINDING: leak-detached-task
  }

  // The same loop ends on a flag that stop() sets.
  void startStoppableRechecker() {
    net::co_spawn(io_, recheckUntilStopped(), net::detached); // NO-FINDING: leak-detached-task
  }

  void stop() {
    stopped_ = true;
    timer_.cancel();
  }

  // A periodic check re-posting itself with no way out.
  void tick() {
    fetchSettlements();
    io_.post([this] { tick(); }); // FINDING: leak-detached-task
  }

private:
  net::awaitable<void> recheck() {
    net::steady_timer timer(co_await net::this_coro::executor);
    for (;;) {
      reconcileDay("yesterday");
      timer.expires_after(std::chrono::hours(1));
      co_await timer.async_wait(net::use_awaitable);
    }
  }

  net::awaitable<void> recheckUntilStopped() {
    net::steady_timer timer(co_await net::this_coro::executor);
    while (!stopped_) {
      reconcileDay("yesterday");
      timer.expires_after(std::chrono::hours(1));
      co_await timer.async_wait(net::use_awaitable);
    }
  }

  net::io_context &io_;
  net::steady_timer timer_;
  boost::thread fetcher_;
  std::atomic<bool> stopped_{false};
};

} // namespace payments

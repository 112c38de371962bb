// REQUIRES: boost-asio
// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

// leak-detached-task against the real Boost.Asio headers (Boost 1.74, Asio
// 1.18: co_spawn and detached, but no cancellation slots yet).

#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange unincluded.

#include <boost/asio.hpp>

#include <chrono>

namespace net = boost::asio;

void record();

net::awaitable<void> pollInventory() {
  net::steady_timer Timer(co_await net::this_coro::executor);
  for (;;) {
    Timer.expires_after(std::chrono::seconds(30));
    co_await Timer.async_wait(net::use_awaitable);
    record();
  }
}

net::awaitable<void> pollOnce() {
  record();
  co_return;
}

void spawn(net::io_context &Io) {
  net::co_spawn(Io, pollInventory(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'net::detached' runs an endless loop: it has no cancellation slot, so nothing can stop it short of destroying its execution context; give the loop a stop condition, such as a flag set on shutdown [leak-detached-task]
  boost::asio::co_spawn(Io.get_executor(), pollInventory, boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'boost::asio::detached' runs an endless loop

  // Look-alikes: a completion handler, a finite coroutine.
  net::co_spawn(Io, pollInventory(), [](std::exception_ptr) {});
  net::co_spawn(Io, pollOnce(), net::detached);
}

class Sweeper {
public:
  explicit Sweeper(net::io_context &Io) : Io(Io), Timer(Io) {}
  void start() {
    net::post(Io, [this] { sweep(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler passed to 'boost::asio::post' reschedules itself forever
    net::post(Io, [this] { sweepUntilCancelled(); });
  }
  void stop() { Timer.cancel(); }

private:
  void sweep() {
    record();
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](const boost::system::error_code &) { sweep(); });
  }
  void sweepUntilCancelled() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](const boost::system::error_code &Ec) {
      if (Ec == net::error::operation_aborted)
        return;
      sweepUntilCancelled();
    });
  }
  net::io_context &Io;
  net::steady_timer Timer;
};

// REQUIRES: asio
// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

// leak-detached-task against the real standalone Asio headers (1.22).

#include <asio.hpp>

#include <atomic>
#include <chrono>
#include <functional>

void record();

asio::awaitable<void> pollPrices() {
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  for (;;) {
    Timer.expires_after(std::chrono::seconds(5));
    co_await Timer.async_wait(asio::use_awaitable);
    record();
  }
}

asio::awaitable<void> pollOnce() {
  record();
  co_return;
}

namespace net = asio;

void spawn(asio::io_context &Io) {
  asio::co_spawn(Io, pollPrices(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop: it has no cancellation slot, so nothing can stop it short of destroying its execution context; bind a cancellation slot to the completion token and emit the signal on shutdown [leak-detached-task]
  net::co_spawn(Io.get_executor(), pollPrices, net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'net::detached' runs an endless loop
  using asio::detached;
  asio::co_spawn(
      Io,
      [&Io]() -> asio::awaitable<void> {
        asio::steady_timer Timer(Io);
        while (true) {
          Timer.expires_after(std::chrono::seconds(1));
          co_await Timer.async_wait(asio::use_awaitable);
        }
      },
      detached);
  // CHECK-MESSAGES: :[[@LINE-10]]:3: warning: coroutine spawned with 'detached' runs an endless loop

  // Look-alikes: a completion handler, a finite coroutine.
  asio::co_spawn(Io, pollPrices(), [](std::exception_ptr) {});
  asio::co_spawn(Io, pollOnce(), asio::detached);
}

class PriceFeed {
public:
  explicit PriceFeed(asio::io_context &Io) : Io(Io) {}
  void start() {
    asio::co_spawn(Io, pollPrices(), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine spawned with 'asio::detached' runs an endless loop
    // CHECK-FIXES: {{^}}    asio::co_spawn(Io, pollPrices(), asio::bind_cancellation_slot(Stop.slot(), asio::detached));{{$}}
    // Already cancellable: not reported.
    asio::co_spawn(Io, pollPrices(),
                   asio::bind_cancellation_slot(Stop.slot(), asio::detached));
  }
  void stop() { Stop.emit(asio::cancellation_type::all); }

private:
  asio::io_context &Io;
  asio::cancellation_signal Stop;
};

class Heartbeat {
public:
  explicit Heartbeat(asio::io_context &Io) : Io(Io), Timer(Io) {}
  void start() {
    asio::post(Io, [this] { beat(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler passed to 'asio::post' reschedules itself forever: nothing on the way checks a stop condition, so it runs until its execution context is destroyed; check a flag set on shutdown before rescheduling [leak-detached-task]
    Io.post([this] { beat(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler passed to 'asio::io_context::post' reschedules itself forever
    asio::dispatch(Io, [this] { watch(); }); // Stops on a timer error.
  }

private:
  void beat() {
    record();
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](const asio::error_code &) { beat(); });
  }
  void watch() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](const asio::error_code &Ec) {
      if (!Ec)
        watch();
    });
  }
  asio::io_context &Io;
  asio::steady_timer Timer;
};

void selfPosting(asio::io_context &Io, std::atomic<bool> &Stop) {
  std::function<void()> Job;
  Job = [&] {
    record();
    asio::defer(Io, Job);
  };
  asio::post(Io, Job);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handler passed to 'asio::post' reschedules itself forever

  std::function<void()> Polite;
  Polite = [&] {
    if (!Stop)
      asio::defer(Io, Polite);
  };
  asio::post(Io, Polite); // 'Stop' is a reference: whoever owns it can set it.
}

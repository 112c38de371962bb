// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20 -I %S/../Inputs/tasks

// Asio: co_spawn with the detached token (recognised by its type), and
// handlers that post or re-arm a timer for themselves.

#include <asio.hpp>
#include <boost/asio.hpp>

#include <atomic>
#include <functional>

void record();
bool more();
asio::awaitable<void> pollElsewhere(); // Defined in another file.

asio::awaitable<void> pollInventory() {
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  for (;;) {
    Timer.expires_after(std::chrono::seconds(30));
    co_await Timer.async_wait(asio::use_awaitable);
    record();
  }
}

asio::awaitable<void> pollOnce() {
  record();
  co_return;
}

// ---- co_spawn: positives ------------------------------------------------

namespace net = asio;

void spawnDetached(asio::io_context &Io) {
  asio::co_spawn(Io, pollInventory(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop: it has no cancellation slot, so nothing can stop it short of destroying its execution context; bind a cancellation slot to the completion token and emit the signal on shutdown [leak-detached-task]

  asio::co_spawn(Io, pollInventory, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop

  asio::co_spawn(
      Io,
      [&Io]() -> asio::awaitable<void> {
        asio::steady_timer Timer(Io);
        while (true)
          co_await Timer.async_wait(asio::use_awaitable);
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-8]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop

  // The token is recognised by its type, whatever it is called.
  net::co_spawn(Io.get_executor(), pollInventory(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'net::detached' runs an endless loop
  using asio::detached;
  co_spawn(Io, pollInventory(), detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'detached' runs an endless loop
  constexpr auto Forget = asio::detached;
  asio::co_spawn(Io, pollInventory(), Forget);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'Forget' runs an endless loop
}

// The fix-it: the class already has a cancellation signal.
class InventoryPoller {
public:
  explicit InventoryPoller(asio::io_context &Io) : Io(Io) {}
  void start() {
    asio::co_spawn(Io, pollInventory(), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine spawned with 'asio::detached' runs an endless loop
    // CHECK-FIXES: {{^}}    asio::co_spawn(Io, pollInventory(), asio::bind_cancellation_slot(Cancel.slot(), asio::detached));{{$}}
  }
  void stop() { Cancel.emit(asio::cancellation_type::all); }

private:
  asio::io_context &Io;
  asio::cancellation_signal Cancel;
};

class PriceFeed {
public:
  void start(asio::io_context &Io) {
    asio::co_spawn(Io, run(), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine spawned with 'asio::detached' runs an endless loop
  }

private:
  asio::awaitable<void> run() {
    while (!Stopped)
      co_await asio::this_coro::executor;
  }
  std::atomic<bool> Stopped{false};
};

void spawnWithBoost(boost::asio::io_context &Io) {
  boost::asio::co_spawn(
      Io,
      []() -> boost::asio::awaitable<void> {
        for (;;)
          record();
        co_return;
      },
      boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-8]]:3: warning: coroutine spawned with 'boost::asio::detached' runs an endless loop: it has no cancellation slot, so nothing can stop it short of destroying its execution context; give the loop a stop condition, such as a flag set on shutdown [leak-detached-task]
}

// ---- co_spawn: look-alike negatives -------------------------------------

namespace mylib {
struct detached_t {};
inline constexpr detached_t detached;
} // namespace mylib

class Stoppable {
public:
  void start(asio::io_context &Io) {
    asio::co_spawn(Io, pollInventory(), [](std::exception_ptr) {});
    asio::co_spawn(Io, pollInventory(),
                   asio::bind_cancellation_slot(Cancel.slot(), asio::detached));
    asio::co_spawn(Io, pollOnce(), asio::detached);
    asio::co_spawn(Io, pollElsewhere(), asio::detached); // StrictMode only.
    asio::co_spawn(Io, pollInventory(), mylib::detached); // Not Asio's token.
    asio::co_spawn(Io, run(), asio::detached);
    asio::co_spawn(Io, guarded(), asio::detached);
  }
  void stop() { Stopped = true; }

private:
  asio::awaitable<void> run() {
    while (!Stopped)
      co_await asio::this_coro::executor;
  }
  asio::awaitable<void> guarded() {
    try {
      for (;;)
        co_await asio::this_coro::executor;
    } catch (...) {
    }
  }
  std::atomic<bool> Stopped{false};
  asio::cancellation_signal Cancel;
};

// ---- Handlers that reschedule themselves: positives ----------------------

class Heartbeat {
public:
  explicit Heartbeat(asio::io_context &Io) : Io(Io), Timer(Io) {}

  void start() {
    asio::post(Io, [this] { tick(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler passed to 'asio::post' reschedules itself forever: nothing on the way checks a stop condition, so it runs until its execution context is destroyed; check a flag set on shutdown before rescheduling [leak-detached-task]
  }

private:
  void tick() {
    record();
    Timer.expires_after(std::chrono::seconds(1));
    // The error code is ignored, so even cancelling the timer goes on.
    Timer.async_wait([this](const asio::error_code &) { tick(); });
  }

  asio::io_context &Io;
  asio::steady_timer Timer;
};

struct Pump {
  asio::io_context *Io;
  void operator()() const {
    record();
    asio::post(*Io, *this);
  }
};

void startPumps(asio::io_context &Io, asio::io_context::strand &Strand) {
  asio::post(Io, Pump{&Io});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handler passed to 'asio::post' reschedules itself forever

  std::function<void()> Job;
  Job = [&Io, &Job] {
    record();
    asio::defer(Io, Job);
  };
  Io.post(Job);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handler passed to 'asio::io_context::post' reschedules itself forever

  std::function<void()> Relay = [&] {
    Strand.post(Relay);
  };
  asio::dispatch(Io, [&] { Strand.post(Relay); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handler passed to 'asio::dispatch' reschedules itself forever
}

// Started by a direct call, not a post: the rescheduling call is reported.
class Sampler {
public:
  explicit Sampler(asio::io_context &Io) : Io(Io) {}
  void start() { sample(); }

private:
  void sample() {
    record();
    if (!Stopped)
      asio::post(Io, [this] { sample(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler reschedules itself here forever: nothing on the way checks a stop condition
  }

  asio::io_context &Io;
  bool Stopped = false; // Nothing sets it.
};

// ---- Handlers: look-alike negatives -------------------------------------

class Stopping {
public:
  explicit Stopping(asio::io_context &Io) : Io(Io), Timer(Io) {}
  void start() {
    asio::post(Io, [this] { tick(); });
    asio::post(Io, [this] { wait(); });
    asio::post(Io, [this] { drain(); });
    asio::post(Io, [this] { countdown(); });
    asio::post(Io, [] { record(); });
  }
  void stop() {
    Stopped = true;
    Timer.cancel();
  }

private:
  void tick() {
    if (Stopped)
      return;
    record();
    asio::post(Io, [this] { tick(); });
  }
  void wait() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](const asio::error_code &Ec) {
      if (Ec)
        return;
      wait();
    });
  }
  void drain() {
    if (more())
      asio::post(Io, [this] { drain(); });
  }
  void countdown() {
    if (--Left > 0)
      asio::post(Io, [this] { countdown(); });
  }

  asio::io_context &Io;
  asio::steady_timer Timer;
  std::atomic<bool> Stopped{false};
  int Left = 10;
};

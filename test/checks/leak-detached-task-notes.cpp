// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20 -I %S/../Inputs/tasks

// Every note: the endless loop, the flag nothing sets, where a named thread
// starts, the rescheduling call, and the pattern to follow when no fix-it
// is offered.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <pplx/pplxtasks.h>

#include <atomic>
#include <thread>

void flush();

void temporary() {
  std::thread([] {
    while (true)
      flush();
  }).detach();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; run it on a 'std::jthread' and end the loop when its 'std::stop_token' asks to stop [leak-detached-task]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this loop never ends: its condition is always true and nothing in it breaks, returns or throws
  // CHECK-NOTES: :[[@LINE-3]]:6: note: for example, keep a 'std::jthread' member started with a lambda taking 'std::stop_token st', loop while '!st.stop_requested()' and do not detach it: its destructor then asks the loop to stop and joins it
}

class Exporter {
public:
  void start() {
    std::thread Worker(&Exporter::run, this);
    Worker.detach();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: detached thread runs an endless loop
    // CHECK-NOTES: :[[@LINE-3]]:17: note: the thread is started here
    // CHECK-NOTES: :[[@LINE+8]]:5: note: this loop never ends: it only stops when 'Stopped' changes, and nothing in it breaks, returns or throws
    // CHECK-NOTES: :[[@LINE+7]]:13: note: nothing in this file sets 'Stopped'
    // CHECK-NOTES: :[[@LINE-5]]:12: note: for example, keep a 'std::jthread' member
  }

private:
  void run() {
    // The loop:
    while (!Stopped)
      flush();
  }
  std::atomic<bool> Stopped{false};
};

asio::awaitable<void> poll() {
  for (;;)
    co_await asio::this_coro::executor;
}

void spawn(asio::io_context &Io, boost::asio::io_context &BoostIo) {
  asio::co_spawn(Io, poll(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop
  // CHECK-NOTES: :[[@LINE-7]]:3: note: this loop never ends: its condition is always true
  // CHECK-NOTES: :[[@LINE-3]]:30: note: for example, spawn it with 'asio::bind_cancellation_slot(signal.slot(), asio::detached)' and call 'signal.emit(asio::cancellation_type::all)' on shutdown, where 'signal' is declared 'asio::cancellation_signal signal;' in an object that outlives the coroutine

  boost::asio::co_spawn(
      BoostIo,
      []() -> boost::asio::awaitable<void> {
        while (true)
          flush();
        co_return;
      },
      boost::asio::detached);
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: coroutine spawned with 'boost::asio::detached' runs an endless loop
  // CHECK-NOTES: :[[@LINE-6]]:9: note: this loop never ends: its condition is always true
  // CHECK-NOTES: :[[@LINE-3]]:7: note: 'boost::asio' has no cancellation slots: test a flag set on shutdown in the loop, or keep the timer or socket the loop waits on and cancel it
}

class Beacon {
public:
  explicit Beacon(asio::io_context &Io) : Io(Io), Timer(Io) {}
  void start() {
    asio::post(Io, [this] { beat(); });
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: handler passed to 'asio::post' reschedules itself forever
    // CHECK-NOTES: :[[@LINE+9]]:7: note: the handler schedules itself again here
    // CHECK-NOTES: :[[@LINE+7]]:10: note: nothing in this file sets 'Quiet'
  }

private:
  void beat() {
    flush();
    Timer.expires_after(std::chrono::seconds(1));
    if (!Quiet)
      Timer.async_wait([this](const asio::error_code &) { beat(); });
  }
  asio::io_context &Io;
  asio::steady_timer Timer;
  bool Quiet = false;
};

void dropped() {
  pplx::create_task([] {
    for (;;)
      flush();
  });
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this loop never ends: its condition is always true
}

// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20 -I %S/../Inputs/tasks

// Work started once per process is a fixed pool for the program's lifetime:
// detached threads, detached coroutines and dropped tasks with endless
// bodies started from main(), from a function run through std::call_once
// with a static flag, from the initializer of a static variable, or from a
// function only those call, are not reported. The same work started per call
// (a per-object flag, a second caller, a loop with no fixed count) is.

#include <asio.hpp>
#include <mutex>
#include <pplx/pplxtasks.h>
#include <thread>

void drainQueue(int Lane);
bool acceptConnection();

void drainForever(int Lane) {
  for (;;)
    drainQueue(Lane);
}

asio::awaitable<void> sweepForever() {
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  for (;;)
    co_await Timer.async_wait(asio::use_awaitable);
}

// ---- Started once: not reported -----------------------------------------

static std::once_flag LanesStarted;

void startLanes() {
  for (int Lane = 0; Lane < 4; ++Lane) {
    std::thread Worker([Lane] { drainForever(Lane); });
    Worker.detach();
  }
}

void ensureLanes() { std::call_once(LanesStarted, startLanes); }

class Mailroom {
public:
  void ensureSorter() { std::call_once(SorterStarted, &Mailroom::startSorter); }

private:
  static void startSorter() {
    std::thread([] { drainForever(0); }).detach();
  }
  static std::once_flag SorterStarted;
};

void ensureArchiver() {
  static std::once_flag ArchiverStarted;
  std::call_once(ArchiverStarted, [] {
    std::thread([] { drainForever(1); }).detach();
  });
}

void startJanitor() { std::thread([] { drainForever(2); }).detach(); }

void ensureJanitor() {
  static const bool Started = (startJanitor(), true);
  (void)Started;
}

void ensureAuditor() {
  static const bool Started = [] {
    std::thread([] { drainForever(3); }).detach();
    return true;
  }();
  (void)Started;
}

static void startSweeper(asio::io_context &Io) {
  asio::co_spawn(Io, sweepForever(), asio::detached);
}

static const bool IndexerStarted = [] {
  std::thread([] { drainForever(13); }).detach();
  return true;
}();

void startPump() { pplx::create_task([] { drainForever(4); }); }

void startReporters() {
  for (int Lane : {5, 6})
    std::thread([Lane] { drainForever(Lane); }).detach();
}

// ---- Started per call: reported -----------------------------------------

class Session {
public:
  // A flag per object: once per session, not once per process.
  void ensureHeartbeat() {
    std::call_once(HeartbeatStarted, [] {
      std::thread([] { drainForever(8); }).detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: detached thread runs an endless loop
    });
  }

private:
  std::once_flag HeartbeatStarted;
};

// Called from main and from a request path: not only at start-up.
void startWatcher() {
  std::thread([] { drainForever(9); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: detached thread runs an endless loop
}

void onRequest() { startWatcher(); }

// Not called in this file: its callers are unknown.
void startExporter() {
  std::thread([] { drainForever(10); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: detached thread runs an endless loop
}

// A loop that runs once per connection, called from main.
void serve() {
  while (acceptConnection())
    std::thread([] { drainForever(11); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: detached thread runs an endless loop
}

// A thread_local is initialized once per thread, not once per process.
thread_local const bool WatcherStarted = [] {
  std::thread([] { drainForever(12); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: detached thread runs an endless loop
  return true;
}();

int main() {
  asio::io_context Io;
  std::thread([] { drainForever(7); }).detach();
  startSweeper(Io);
  startPump();
  startReporters();
  ensureLanes();
  startWatcher();
  serve();
  Io.run();
}

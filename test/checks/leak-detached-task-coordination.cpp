// RUN: %check_leak_tidy %s leak-detached-task,leak-unawaited-future %t -- -- -std=c++20 -I %S/../Inputs/tasks

// leak-detached-task and leak-unawaited-future together: one finding per
// site, never two. A discarded std::async future belongs to
// leak-unawaited-future; detached threads and coroutines belong to
// leak-detached-task. (Dropped pplx tasks: leak-detached-task-coordination-pplx.cpp.)

#include <asio.hpp>
#include <future>
#include <thread>

void refresh();
int compute(int);

void refreshForever() {
  while (true)
    refresh();
}

asio::awaitable<void> pollForever() {
  for (;;)
    co_await asio::this_coro::executor;
}

void shared(asio::io_context &Io) {
  std::async(std::launch::async, refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<void>' returned by 'std::async' is discarded: the task is never awaited and cannot be cancelled; store the future and call 'get()' or 'wait()' on it [leak-unawaited-future]
  std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded: the task is never awaited{{.*}} [leak-unawaited-future]
  (void)std::async(std::launch::async, [] { for (;;) refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::future<void>' returned by 'std::async' is discarded: the task is never awaited{{.*}} [leak-unawaited-future]

  std::thread(refreshForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: detached thread runs an endless loop: nothing can stop or join it{{.*}} [leak-detached-task]
  asio::co_spawn(Io, pollForever(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' runs an endless loop{{.*}} [leak-detached-task]

  // Kept but never awaited: leak-unawaited-future only.
  auto Kept = std::async(std::launch::async, refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future<void>' returned by 'std::async' is stored in 'Kept' but never awaited{{.*}} [leak-unawaited-future]
  // Kept and awaited: neither check.
  auto Awaited = std::async(std::launch::async, refreshForever);
  Awaited.wait();
}

// RUN: %check_leak_tidy %s leak-detached-task %t \
// RUN:   -- -config="{CheckOptions: [{key: leak-detached-task.StrictMode, value: 'true'}]}" \
// RUN:   -- -std=c++20 -I %S/../Inputs/tasks

// StrictMode: every detach, detached spawn and dropped task is reported,
// whatever its body; what has a handle or a way to stop is still not.

#include <asio.hpp>
#include <future>
#include <pplx/pplxtasks.h>
#include <thread>

void flush();
void externalWork();
asio::awaitable<void> pollElsewhere();

asio::awaitable<void> once() { co_return; }

void strictPositives(asio::io_context &Io) {
  std::thread([] { flush(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: detached thread cannot be stopped or joined: it may outlive the request and the objects it uses; keep the thread object and join it, or run the work on a 'std::jthread' [leak-detached-task]
  std::thread(externalWork).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: detached thread cannot be stopped or joined
  asio::co_spawn(Io, once(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' cannot be cancelled or awaited: it may outlive the request and the objects it uses; bind a cancellation slot to the completion token [leak-detached-task]
  asio::co_spawn(Io, pollElsewhere(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'asio::detached' cannot be cancelled or awaited
  pplx::create_task([] { flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped: nothing can cancel or wait for it, and its errors are lost; keep the task and wait for it, or pass a 'pplx::cancellation_token' [leak-detached-task]
  std::async(std::launch::async, flush);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: future of the task started by 'std::async' is discarded: its destructor waits here until the task ends, and the task's result and errors are lost; keep the future and wait for it where the result is needed [leak-detached-task]
  std::thread([] { while (true) flush(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: detached thread runs an endless loop
}

class Owner {
public:
  void start(asio::io_context &Io, pplx::cancellation_token_source &Source) {
    Worker = std::thread([] { flush(); });
    std::jthread([](std::stop_token) { flush(); }).join();
    asio::co_spawn(Io, once(), [](std::exception_ptr) {});
    asio::co_spawn(Io, once(), asio::bind_cancellation_slot(Cancel.slot(), asio::detached));
    pplx::create_task([] { flush(); }, Source.get_token());
    auto Kept = pplx::create_task([] { flush(); });
    Kept.wait();
    std::async(std::launch::deferred, flush);
    // A chain that stops is not a detached task, strict or not.
    asio::post(Io, [this, &Io] { step(Io); });
  }
  ~Owner() { Worker.join(); }

private:
  void step(asio::io_context &Io) {
    if (--Left > 0)
      asio::post(Io, [this, &Io] { step(Io); });
  }
  std::thread Worker;
  asio::cancellation_signal Cancel;
  int Left = 3;
};

// Work started once per process is reported too in StrictMode.
int main() {
  std::thread([] {
    while (true)
      flush();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop
  pplx::create_task([] {
    for (;;)
      flush();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop
}

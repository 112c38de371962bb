// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20

// leak-detached-task against the installed standard library: <thread>,
// <stop_token> and <future>.

#include <atomic>
#include <future>
#include <stop_token>
#include <thread>

void flush();

void threads() {
  std::thread([] {
    while (true)
      flush();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; run it on a 'std::jthread' and end the loop when its 'std::stop_token' asks to stop [leak-detached-task]

  // Look-alikes: an owned jthread that is asked to stop, a finite detached
  // thread.
  std::jthread Owned([](std::stop_token St) {
    while (!St.stop_requested())
      flush();
  });
  std::thread([] { flush(); }).detach();
}

void futures() {
  std::async(std::launch::async, [] {
    for (;;)
      flush();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: task started by 'std::async' runs an endless loop and its future is discarded: the future's destructor waits here for a task that never ends; keep the future and give the loop a stop condition [leak-detached-task]
  std::async(std::launch::deferred, [] {
    for (;;)
      flush();
  });
}

class Flusher {
public:
  void start() {
    Worker = std::thread([this] {
      // CHECK-FIXES: {{^}}    Worker = std::jthread([this](std::stop_token st) {{{$}}
      while (true) {
        // CHECK-FIXES: {{^}}      while (!st.stop_requested()) {{{$}}
        flush();
        Flushed.fetch_add(1);
      }
    });
    Worker.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: detached thread runs an endless loop
  }

private:
  std::thread Worker;
  // CHECK-FIXES: {{^}}  std::jthread Worker;{{$}}
  std::atomic<int> Flushed{0};
};

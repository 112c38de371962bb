// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++17

// Before C++20 there is no std::jthread: the advice changes and the field
// is not rewritten.

#include <thread>

void flush();

class Pump {
public:
  void start() {
    Worker = std::thread([this] {
      while (true)
        flush();
    });
    // CHECK-FIXES: {{^}}    Worker = std::thread([this] {{{$}}
    Worker.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; keep the thread, end the loop with a flag set on shutdown and join it [leak-detached-task]
    // CHECK-FIXES: {{^}}    Worker.detach();{{$}}
  }

private:
  std::thread Worker;
  // CHECK-FIXES: {{^}}  std::thread Worker;{{$}}
};

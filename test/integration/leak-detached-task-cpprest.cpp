// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++17

// leak-detached-task against the real C++ REST SDK pplx headers.

#include <pplx/pplxtasks.h>

#include <chrono>
#include <thread>

void refresh();

void refreshForever() {
  while (true) {
    refresh();
    std::this_thread::sleep_for(std::chrono::seconds(10));
  }
}

void start(pplx::cancellation_token_source &Source) {
  pplx::create_task(refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop: without a cancellation token nothing can cancel or wait for it; keep the task, pass a 'pplx::cancellation_token' and end the loop when cancellation is requested [leak-detached-task]
  pplx::create_task([] {
    for (;;)
      refresh();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop
  pplx::create_task(refreshForever, pplx::cancellation_token::none());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop

  // Look-alikes: a real token, a kept task, a finite body kept.
  pplx::create_task(refreshForever, Source.get_token());
  pplx::create_task(refreshForever, pplx::task_options(Source.get_token()));
  auto Kept = pplx::create_task(refreshForever);
  // A finite body ends by itself: dropping its task is not reported.
  pplx::create_task([] { refresh(); });
  pplx::create_task([] { refresh(); }).then([] { refresh(); }).wait();
}

// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++17 -I %S/../Inputs/tasks

// Tasks whose only handle is dropped while their body runs forever:
// pplx::create_task, Concurrency::create_task, and (when
// leak-unawaited-future is not enabled) std::async with std::launch::async.

#include <future>
#include <ppltasks.h>
#include <pplx/pplxtasks.h>

void refresh();
int compute(int);
void externalWork();

void refreshForever() {
  for (;;)
    refresh();
}

struct Refresher {
  void operator()() const {
    while (true)
      refresh();
  }
};

// ---- Positives ----------------------------------------------------------

void droppedTasks() {
  pplx::create_task([] {
    while (true)
      refresh();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop: without a cancellation token nothing can cancel or wait for it; keep the task, pass a 'pplx::cancellation_token' and end the loop when cancellation is requested [leak-detached-task]

  pplx::create_task([] { refreshForever(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop

  // The empty token can never be cancelled.
  pplx::create_task(refreshForever, pplx::cancellation_token::none());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop

  (void)pplx::create_task(refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop

  concurrency::create_task(Refresher{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'Concurrency::create_task' is dropped while it runs an endless loop: without a cancellation token nothing can cancel or wait for it; keep the task, pass a 'Concurrency::cancellation_token' and end the loop when cancellation is requested [leak-detached-task]
}

void discardedAsync() {
  std::async(std::launch::async, [] {
    while (true)
      refresh();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: task started by 'std::async' runs an endless loop and its future is discarded: the future's destructor waits here for a task that never ends; keep the future and give the loop a stop condition [leak-detached-task]

  std::async(std::launch::async, refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task started by 'std::async' runs an endless loop
}

// ---- Look-alike negatives -----------------------------------------------

pplx::task<void> returned() { return pplx::create_task(refreshForever); }

void keptOrCancellable(pplx::cancellation_token_source &Source,
                       Concurrency::cancellation_token_source &Other) {
  pplx::create_task(refreshForever, Source.get_token());
  pplx::create_task(refreshForever, pplx::task_options(Source.get_token()));
  concurrency::create_task(Refresher{}, Other.get_token());
  auto Kept = pplx::create_task(refreshForever);
  Kept.wait();
  pplx::create_task(refreshForever).then([] { refresh(); }).wait();
}

// Dropped tasks whose bodies end: the work finishes by itself and hands its
// outcome to what it calls. Reported only in StrictMode.
void finiteDropped() {
  pplx::create_task([] { refresh(); });
  pplx::create_task(externalWork); // Body not visible.
  pplx::create_task([] {
    try {
      refresh();
    } catch (...) {
      externalWork(); // The outcome goes to a callback.
    }
  });
  concurrency::create_task([] {
    for (int Attempt = 0; Attempt < 3; ++Attempt)
      refresh();
  });
}

void asyncLookAlikes() {
  std::async(std::launch::deferred, refreshForever); // Never runs.
  std::async(refreshForever);                         // Policy left to the library.
  std::async(std::launch::async | std::launch::deferred, refreshForever);
  auto Pending = std::async(std::launch::async, refreshForever);
  std::async(std::launch::async, compute, 1); // Finite.
}

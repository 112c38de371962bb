// RUN: %check_leak_tidy %s leak-detached-task,leak-unawaited-future %t -- -- -std=c++17 -I %S/../Inputs/tasks

// leak-detached-task and leak-unawaited-future together on dropped tasks of
// pplx::create_task and Concurrency::create_task: the site belongs to
// leak-detached-task, so there is exactly one finding, from it, whatever the
// task's body does.

#include <ppltasks.h>
#include <pplx/pplxtasks.h>

void refresh();

void refreshForever() {
  while (true)
    refresh();
}

void dropped(pplx::cancellation_token_source &Source) {
  pplx::create_task(refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped while it runs an endless loop{{.*}} [leak-detached-task]
  concurrency::create_task(refreshForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'Concurrency::create_task' is dropped while it runs an endless loop{{.*}} [leak-detached-task]

  // Finite but dropped: its errors are lost; one finding, from
  // leak-detached-task.
  pplx::create_task([] { refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task created by 'pplx::create_task' is dropped: nothing can cancel or wait for it, and its errors are lost; keep the task and wait for it, or pass a 'pplx::cancellation_token' [leak-detached-task]
  // Cancellable: neither check.
  pplx::create_task(refreshForever, Source.get_token());
}

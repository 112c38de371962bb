// RUN: %check_leak_tidy %s leak-detached-task,leak-unawaited-future %t -- -- -std=c++17 -I %S/../Inputs/tasks

// leak-detached-task and leak-unawaited-future together on dropped tasks of
// pplx::create_task and Concurrency::create_task: the site belongs to
// leak-detached-task, so there is at most one finding, from it: when the
// task's body runs forever.

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

  // Finite and dropped: the site still belongs to leak-detached-task, which
  // reports only endless bodies; neither check.
  pplx::create_task([] { refresh(); });
  // Cancellable: neither check.
  pplx::create_task(refreshForever, Source.get_token());
}

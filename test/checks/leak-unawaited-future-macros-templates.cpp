// RUN: %check_leak_tidy %s leak-unawaited-future %t

#include <future>

std::future<int> fetchAsync(int);

// Written inside a macro's body: not the user's code at the expansion site.
#define FIRE_AND_FORGET(X) fetchAsync(X)
// A macro argument is the user's code.
#define RUN_TWICE(STMT) do { STMT; STMT; } while (0)

void macros() {
  FIRE_AND_FORGET(1);
  RUN_TWICE(fetchAsync(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future<int>' returned by 'fetchAsync' is discarded
  // CHECK-FIXES: {{^}}  RUN_TWICE(fetchAsync(2));{{$}}
}

// Dependent code: the result type is unknown until instantiation.
template <typename F> void spawnDependent(F Fn) {
  std::async(std::launch::async, Fn);
  auto Kept = std::async(std::launch::async, Fn);
}

// A non-dependent call inside a template is checked in the template.
template <typename T> void spawnKnown(T) {
  fetchAsync(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'fetchAsync' is discarded
}

void instantiate() {
  spawnDependent([] { return 1; });
  spawnKnown(1);
  spawnKnown(2.0);
}

// packaged_task: the future is the only way to get the result.
void packaged() {
  std::packaged_task<int()> Task([] { return 4; });
  Task.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::packaged_task::get_future' is discarded
  Task();
}

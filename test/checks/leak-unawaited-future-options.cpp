// RUN: %check_leak_tidy %s leak-unawaited-future %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unawaited-future.FutureTypes, value: '::jobs::Ticket'}, {key: leak-unawaited-future.LazyTaskTypes, value: '::jobs::Lazy'}, {key: leak-unawaited-future.BlockingSpawnFunctions, value: '::jobs::runNow'}, {key: leak-unawaited-future.JoinFunctions, value: 'collect'}]}"

#include <future>

namespace jobs {
class Ticket {
public:
  int collect();
  bool valid() const;
};
template <typename T> class Lazy {};
Ticket submit(int);
Ticket runNow(int);
Lazy<int> later();
} // namespace jobs

std::future<int> fetchAsync(int);

void userTypes() {
  jobs::submit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs::Ticket' returned by 'jobs::submit' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]
  jobs::runNow(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs::Ticket' returned by 'jobs::runNow' is discarded: the task is never awaited and cannot be cancelled
  jobs::later();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs::Lazy<int>' returned by 'jobs::later' is discarded: the coroutine never runs
  auto Kept = jobs::submit(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'jobs::Ticket' stored in 'Kept' is never awaited
  // CHECK-FIXES: {{^}}  auto Kept = jobs::submit(3);{{$}}
  auto Collected = jobs::submit(4);
  Collected.collect();
}

// std::future is not in the configured list any more.
void standardTypesNotListed() {
  fetchAsync(5);
}

// RUN: %check_leak_tidy %s leak-unawaited-future %t -- -- -I %S/Inputs

#include <future>
#include <utility>
#include <vector>

int compute(int);
std::future<int> fetchAsync(int);
std::shared_future<int> sharedFetch();
std::future<int> &cachedFuture();
void consume(std::future<int>);

// ---- Positives ----------------------------------------------------------

void discardedAsync() {
  std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded: the task is never awaited and cannot be cancelled; store the future and call 'get()' or 'wait()' on it [leak-unawaited-future]
  // CHECK-FIXES: {{^}}  std::async(std::launch::async, compute, 1);{{$}}
}

void discardedAsyncDefaultPolicy() {
  std::async([] { return compute(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded: the task is never awaited
}

void discardedAsyncVoid() {
  std::async(std::launch::async, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<void>' returned by 'std::async' is discarded
}

void discardedByVoidCast() {
  (void)std::async(std::launch::async, compute, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::future<int>' returned by 'std::async' is discarded
  // CHECK-FIXES: {{^}}  (void)std::async(std::launch::async, compute, 3);{{$}}
  static_cast<void>(fetchAsync(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::future<int>' returned by 'fetchAsync' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]
}

void discardedFromUserFunction() {
  fetchAsync(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'fetchAsync' is discarded: its result and exceptions are lost
  sharedFetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future<int>' returned by 'sharedFetch' is discarded
}

void discardedGetFuture() {
  std::promise<int> Promise;
  Promise.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::promise::get_future' is discarded
  Promise.set_value(1);
}

void discardedInControlFlow(bool Flag, const std::vector<int> &Ids) {
  if (Flag)
    std::async(std::launch::async, compute, 6);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future<int>' returned by 'std::async' is discarded
  else
    fetchAsync(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future<int>' returned by 'fetchAsync' is discarded
  for (int Id : Ids)
    std::async(std::launch::async, compute, Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future<int>' returned by 'std::async' is discarded
  while (Flag)
    fetchAsync(8), Flag = false;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future<int>' returned by 'fetchAsync' is discarded
}

void discardedThroughCallable(std::future<int> (*Start)(int)) {
  Start(9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'this call' is discarded
}

// ---- Look-alike negatives -----------------------------------------------

int keptAndJoined() {
  auto Pending = std::async(std::launch::async, compute, 10);
  return Pending.get();
}

std::future<int> returnedToCaller() {
  return std::async(std::launch::async, compute, 11);
}

void passedOn() {
  consume(std::async(std::launch::async, compute, 12));
  consume(fetchAsync(13));
}

void storedInContainer(std::vector<std::future<int>> &Futures) {
  Futures.push_back(std::async(std::launch::async, compute, 14));
  Futures.emplace_back(fetchAsync(15));
}

void referenceResultIsNotOwned() {
  cachedFuture();          // Returns a reference: nothing is destroyed here.
  std::move(cachedFuture());
}

void assigned(std::future<int> &Slot) {
  Slot = fetchAsync(16);
}

int chainedConsumption() {
  return fetchAsync(17).get() + std::async(compute, 18).get();
}

void conditionUsesValue() {
  if (fetchAsync(19).valid()) {
  }
}

std::future<int> commaLastOperandIsUsed() {
  return (compute(20), fetchAsync(21));
}

void notAFuture() {
  std::async(std::launch::async, compute, 22).wait();
  compute(23);
}

// RUN: %check_leak_tidy %s leak-unawaited-future %t

#include <future>
#include <utility>
#include <vector>

int compute(int);
std::future<int> fetchAsync(int);
void consume(std::future<int>);
void consumeRef(std::future<int> &);
void log(bool);

// ---- Positives ----------------------------------------------------------

void storedAsyncNeverAwaited() {
  auto Pending = std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future<int>' returned by 'std::async' is stored in 'Pending' but never awaited: the task's result and exceptions are lost; call 'get()' or 'wait()' on it [leak-unawaited-future]
  // CHECK-FIXES: {{^}}  auto Pending = std::async(std::launch::async, compute, 1);{{$}}
  compute(2);
}

void storedFutureNeverAwaited() {
  std::future<int> Reply = fetchAsync(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'std::future<int>' stored in 'Reply' is never awaited: its result and exceptions are lost and nothing waits for the work; call 'get()' or 'wait()' on it or return it to the caller [leak-unawaited-future]
}

void onlyInspected() {
  auto Reply = fetchAsync(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future<int>' stored in 'Reply' is never awaited
  log(Reply.valid());
}

void reassignedButNeverAwaited() {
  auto Reply = fetchAsync(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future<int>' stored in 'Reply' is never awaited
  Reply = fetchAsync(6);
}

void sharedFutureNeverAwaited() {
  std::shared_future<int> Shared = fetchAsync(7).share();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'std::shared_future<int>' stored in 'Shared' is never awaited
}

void insideLambda() {
  auto Handler = [] {
    auto Pending = std::async(std::launch::async, compute, 8);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::future<int>' returned by 'std::async' is stored in 'Pending' but never awaited
  };
  Handler();
}

// ---- Look-alike negatives -----------------------------------------------

int awaited() {
  auto Pending = std::async(std::launch::async, compute, 10);
  return Pending.get();
}

void waitedWithTimeout() {
  auto Pending = fetchAsync(11);
  if (Pending.wait_for(std::chrono::seconds(1)) != std::future_status::ready)
    log(false);
}

std::future<int> returned() {
  auto Pending = fetchAsync(12);
  return Pending;
}

void passedOn() {
  auto First = fetchAsync(13);
  consume(std::move(First));
  auto Second = fetchAsync(14);
  consumeRef(Second);
}

void movedIntoContainer(std::vector<std::future<int>> &Out) {
  auto Pending = fetchAsync(15);
  Out.push_back(std::move(Pending));
}

void capturedByLambdaThatAwaits() {
  auto Pending = fetchAsync(16);
  auto Later = [&Pending] { return Pending.get(); };
  Later();
}

void movedIntoLambda() {
  auto Pending = fetchAsync(17);
  auto Later = [P = std::move(Pending)]() mutable { return P.get(); };
  Later();
}

void explicitlyIgnored() {
  // The author says, in code, that the result does not matter.
  auto Guard = std::async(std::launch::async, compute, 18);
  (void)Guard;
}

void defaultConstructed() {
  std::future<int> Empty;
  std::shared_future<void> AlsoEmpty{};
}

void referenceToFuture(std::future<int> &Source) {
  std::future<int> &Alias = Source;
}

void waitedInLoop() {
  std::vector<int> Ids = {1, 2};
  for (int Id : Ids) {
    auto Pending = fetchAsync(Id);
    Pending.wait();
  }
}

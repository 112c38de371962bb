// RUN: %check_leak_tidy %s leak-captured-stream %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-captured-stream.StreamTypes, value: '::app::Cursor'}, {key: leak-captured-stream.EscapingSinks, value: '::app::defer'}]}" \
// RUN:   -- -std=c++17

// Every note: the way out of the function, step by step, then the safe
// pattern when no fix-it applies.

#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

namespace app {
class Cursor {
public:
  bool next();
};
void defer(std::function<void()> Work);
} // namespace app

void consume(std::istream &In);

void detachedLater() {
  std::ifstream In("orders.csv");
  std::thread Worker([&In] { consume(In); });
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread: the reference dangles once 'detachedLater' returns; finish with the stream inside 'detachedLater' or keep the lambda from outliving it [leak-captured-stream]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: the lambda runs on the 'std::thread' started here
  // CHECK-NOTES: :[[@LINE+3]]:10: note: the thread is detached here: nothing waits for the lambda to finish
  // CHECK-NOTES: :[[@LINE-4]]:24: note: safe pattern: keep the thread and join it before the stream goes out of scope, or read the stream to completion first
  consume(In);
  Worker.detach();
}

class Jobs {
public:
  void enqueue() {
    std::ifstream In("orders.csv");
    auto Read = [&In] { consume(In); };
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to member 'Pending'
    // CHECK-NOTES: :[[@LINE+4]]:24: note: the lambda is captured by another lambda here
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the lambda is added to member 'Pending' here
    // CHECK-NOTES: :[[@LINE-4]]:19: note: safe pattern: store a callable that owns what it needs (copies, or a 'std::weak_ptr' it locks) and remove it when the request ends
    Read();
    Pending.push_back([Read] { Read(); });
  }

  void keepFuture() {
    std::ifstream In("orders.csv");
    Result = std::async(std::launch::async, [&In] { consume(In); });
    // CHECK-NOTES: :[[@LINE-1]]:47: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs under 'std::async' whose future is stored in member 'Result'
    // CHECK-NOTES: :[[@LINE-2]]:14: note: the lambda is handed to 'std::async' here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the future of the lambda is stored in member 'Result' here
    // CHECK-NOTES: :[[@LINE-4]]:47: note: safe pattern: store a callable that owns what it needs (copies, or a 'std::weak_ptr' it locks) and remove it when the request ends
  }

private:
  std::vector<std::function<void()>> Pending;
  std::future<void> Result;
};

void ownedWithFix(std::shared_ptr<app::Cursor> Rows) {
  app::defer([Rows] {
    Rows->next();
  });
  // CHECK-NOTES: :[[@LINE-3]]:15: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that is handed to 'app::defer'
  // CHECK-NOTES: :[[@LINE-4]]:15: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-4]]:5: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the lambda is handed to 'app::defer' here, which keeps it after returning
  // CHECK-FIXES: {{^}}  app::defer([weak_Rows = std::weak_ptr(Rows)] {{{$}}
  Rows->next();
}

void ownedWithoutFix(std::shared_ptr<app::Cursor> Rows) {
  app::defer([=] { Rows->next(); });
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that is handed to 'app::defer'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the lambda is handed to 'app::defer' here, which keeps it after returning
  // CHECK-NOTES: :[[@LINE-3]]:20: note: safe pattern: capture 'weak_Rows = std::weak_ptr(Rows)' and start the lambda with 'auto Rows = weak_Rows.lock(); if (!Rows) return;'
  Rows->next();
}

// No leak-* check may make clang build its parent map of the whole
// translation unit, headers included: with LEAKTIDY_FORBID_PARENT_MAP=1 such
// a question stops leak-tidy with "LLVM ERROR: ... would build its parent map
// of the whole translation unit". This file has the shape that once did: a
// future pushed into a member container outside any loop, where the walk up
// from the call reached the translation unit and asked clang for its parents.
// REQUIRES: asio
// RUN: env LEAKTIDY_FORBID_PARENT_MAP=1 leak-tidy --checks='-*,leak-*' --quiet %s -- -std=c++20 > %t.out 2>&1
// RUN: FileCheck %s --input-file=%t.out --allow-empty --implicit-check-not='LLVM ERROR'

#include <asio.hpp>
#include <future>
#include <string>
#include <vector>

void process(const std::string &payload);

class Dispatcher {
public:
  void submit(std::string payload) {
    pending_.push_back(std::async(std::launch::async, [payload] { process(payload); }));
  }

  void submitAll(const std::vector<std::string> &payloads) {
    for (const std::string &payload : payloads)
      pending_.push_back(std::async(std::launch::async, [payload] { process(payload); }));
    // CHECK: :[[@LINE-1]]:16: warning: futures added to 'pending_' are never awaited
  }

private:
  std::vector<std::future<void>> pending_;
};

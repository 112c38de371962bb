// Code that does not compile: leak-captured-stream does not crash, and still
// reports what it can prove in the valid parts.
// RUN: %check_leak_tidy -expect-error %s leak-captured-stream %t -- -- -std=c++17

#include <fstream>
#include <functional>
#include <thread>

std::function<void()> Global;

void broken() {
  std::ifstream In("orders.csv");
  std::thread([&In, &Missing] { In.get(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread
  // CHECK-MESSAGES: :[[@LINE-2]]:22: error: use of undeclared identifier 'Missing' [clang-diagnostic-error]
  Global = [&In] { In.get(); undeclared_function(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is stored in global 'Global'
  // CHECK-MESSAGES: :[[@LINE-2]]:30: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  std::thread(std::bind(no_such_function, std::ref(In))).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: error: use of undeclared identifier 'no_such_function' [clang-diagnostic-error]
  auto Later = [&In]() -> NoSuchType { return In.get(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: unknown type name 'NoSuchType' [clang-diagnostic-error]
  Global = Later;
}

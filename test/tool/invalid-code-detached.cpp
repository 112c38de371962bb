// Code that does not compile produces the compiler's errors and no crash from
// leak-detached-task; what it recognises in the valid parts is still reported.
// RUN: %check_leak_tidy -expect-error %s leak-detached-task %t -- -- -std=c++20

#include <thread>

void flush();

class Broken {
public:
  void start() {
    std::thread([this] { while (!Missing) flush(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:34: error: use of undeclared identifier 'Missing' [clang-diagnostic-error]
    Worker = std::thread(undeclared_body);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: error: use of undeclared identifier 'undeclared_body' [clang-diagnostic-error]
    Worker.detach();
    std::thread([] { while (true) flush(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: detached thread runs an endless loop
  }

private:
  std::thread Worker;
};

template <typename F> void spawn(F Work) {
  std::thread([Work] { while (true) Work(); }).detach();
  std::thread(Work).detach();
}

// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++20

// C++20: std::jthread joins when destroyed, std::latch signals completion.

#include <fstream>
#include <latch>
#include <thread>
#include <vector>

void consume(std::istream &In);

void scopedThread() {
  std::ifstream In("orders.csv");
  std::jthread Worker([&In] { consume(In); });
}

void latchWaited() {
  std::ifstream In("orders.csv");
  std::latch Done(1);
  std::thread([&In, &Done] {
    consume(In);
    Done.count_down();
  }).detach();
  Done.wait();
}

void latchWaitedTooEarly() {
  std::ifstream In("orders.csv");
  std::latch Ready(1);
  Ready.wait();
  std::thread([&In, &Ready] {
    consume(In);
    Ready.count_down();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread
}

class Pool {
public:
  void add() {
    std::ifstream In("orders.csv");
    Workers.emplace_back([&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to member 'Workers'
  }

  void detachScoped() {
    std::ifstream In("orders.csv");
    std::jthread Worker([&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread
    Worker.detach();
  }

private:
  std::vector<std::jthread> Workers;
};

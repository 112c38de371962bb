// RUN: %check_leak_tidy %s leak-detached-task %t \
// RUN:   -- -config="{CheckOptions: [ \
// RUN:        {key: leak-detached-task.ThreadTypes, value: '::std::thread;::rt::Thread'}, \
// RUN:        {key: leak-detached-task.SpawnFunctions, value: '::rt::spawn;::rt::Loop::schedule'}, \
// RUN:        {key: leak-detached-task.DetachedTokens, value: '::rt::fire_and_forget_t'}, \
// RUN:        {key: leak-detached-task.JoinFunctions, value: 'shutdown'}]}" \
// RUN:   -- -std=c++17

// Every list option replaces its default: a project's own thread class,
// spawn functions, detached token and join function.

#include <thread>

namespace rt {
class Thread {
public:
  template <typename F> explicit Thread(F f) {}
  void detach();
  void shutdown();
  void join();
};
struct fire_and_forget_t {};
inline constexpr fire_and_forget_t fire_and_forget;
template <typename F, typename Token> void spawn(F f, Token t) {}
class Loop {
public:
  template <typename F> void schedule(F f) {}
};
} // namespace rt

void work();

void spinForever() {
  while (true)
    work();
}

struct Repeat {
  rt::Loop *Owner;
  void operator()() const { Owner->schedule(*this); }
};

void custom(rt::Loop &Loop) {
  rt::Thread(spinForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: detached thread runs an endless loop
  rt::spawn(spinForever, rt::fire_and_forget);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine spawned with 'rt::fire_and_forget' runs an endless loop
  Loop.schedule(Repeat{&Loop});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handler passed to 'rt::Loop::schedule' reschedules itself forever

  // 'join' is not a join function any more; 'shutdown' is.
  rt::Thread Joined(spinForever);
  Joined.join();
  Joined.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: detached thread runs an endless loop
  rt::Thread Stopped(spinForever);
  Stopped.shutdown();
  Stopped.detach();

  // The defaults are replaced, not extended: std::thread stays listed here.
  std::thread(spinForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: detached thread runs an endless loop
}

// REQUIRES: boost-thread
// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++17

// leak-detached-task against the real Boost.Thread headers.

#include <boost/thread/thread.hpp>

void flush();

void flushForever() {
  for (;;)
    flush();
}

void start() {
  boost::thread(flushForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; keep the thread, end the loop with a flag set on shutdown and join it [leak-detached-task]

  // Interrupted elsewhere: managed, not reported.
  boost::thread Managed(flushForever);
  Managed.interrupt();
  Managed.detach();
}

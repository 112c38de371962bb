// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20

// Threads: std::thread(...).detach() and t.detach() on a named thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <stop_token>
#include <thread>

void flush();
void poll(int);
bool ready();
void externalWork(); // Defined in another file.

void pollForever() {
  while (true)
    poll(0);
}

// ---- Positives ----------------------------------------------------------

void temporaryThreads() {
  std::thread([] {
    while (true) {
      flush();
      std::this_thread::sleep_for(std::chrono::seconds(5));
    }
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; run it on a 'std::jthread' and end the loop when its 'std::stop_token' asks to stop [leak-detached-task]

  std::thread([] { for (;;) flush(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: detached thread runs an endless loop

  std::thread([] {
    do {
      flush();
    } while (1);
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop

  std::thread(pollForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: detached thread runs an endless loop

  std::thread(&pollForever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: detached thread runs an endless loop

  std::thread{[] { while (true) poll(1); }}.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: detached thread runs an endless loop

  // A detached std::jthread is never asked to stop either.
  std::jthread([] { while (true) poll(1); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; keep the 'std::jthread' instead of detaching it and end the loop when its 'std::stop_token' asks to stop [leak-detached-task]
}

void namedThreads() {
  std::thread Worker([] { while (true) flush(); });
  Worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: detached thread runs an endless loop

  auto Job = [] {
    for (;;)
      poll(2);
  };
  std::thread(Job).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: detached thread runs an endless loop

  std::thread Later;
  Later = std::thread(pollForever);
  Later.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: detached thread runs an endless loop
}

void loopsThatDoNotLeave(int Kind) {
  // 'break' in an inner loop or a switch, and 'continue', leave nothing.
  std::thread([Kind] {
    while (true) {
      for (int I = 0; I < 3; ++I)
        if (I == Kind)
          break;
      switch (Kind) {
      case 0:
        break;
      default:
        continue;
      }
    }
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop

  // A local flag that nothing sets (and that dangles once this returns).
  bool Stop = false;
  std::thread([&Stop] {
    while (!Stop)
      flush();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop
}

struct Flusher {
  void operator()() const {
    while (true)
      flush();
  }
};

void functionObject() {
  std::thread(Flusher{}).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: detached thread runs an endless loop
}

class Ticker {
public:
  void start() {
    std::thread([this] { loop(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: detached thread runs an endless loop
    std::thread T(&Ticker::loop, this);
    T.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: detached thread runs an endless loop
  }
  // Writing the value that keeps the loop running does not stop it.
  void reset() { Stopped = false; }

private:
  void loop() {
    while (!Stopped.load())
      flush();
  }
  std::atomic<bool> Stopped{false};
};

class Reporter {
public:
  void start() {
    std::thread([this] {
      while (Running)
        poll(3);
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: detached thread runs an endless loop
  }

private:
  bool Running = true;
};

// The fix-it: a field assigned once from a thread whose lambda runs
// 'while (true)' becomes a std::jthread that is asked to stop.
class MetricsPump {
public:
  void start() {
    Pump = std::thread([this] {
      // CHECK-FIXES: {{^}}    Pump = std::jthread([this](std::stop_token st) {{{$}}
      while (true) {
        // CHECK-FIXES: {{^}}      while (!st.stop_requested()) {{{$}}
        flush();
      }
    });
    Pump.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: detached thread runs an endless loop
    // CHECK-FIXES: {{^}}    });{{$}}
    // CHECK-FIXES-NEXT: {{^}}    //{{$}}
  }
  bool busy() const { return Pump.joinable(); }

private:
  std::thread Pump;
  // CHECK-FIXES: {{^}}  std::jthread Pump;{{$}}
};

class CachePump {
public:
  void start() {
    Worker = std::thread([this]() mutable {
      // CHECK-FIXES: {{^}}    Worker = std::jthread([this](std::stop_token st) mutable {{{$}}
      do {
        // CHECK-FIXES: {{^}}      do {{{$}}
        poll(4);
      } while (true);
      // CHECK-FIXES: {{^}}      } while (!st.stop_requested());{{$}}
    });
    Worker.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: detached thread runs an endless loop
  }

private:
  std::thread Worker;
  // CHECK-FIXES: {{^}}  std::jthread Worker;{{$}}
};

// No fix-it: the lambda already uses the name the stop token would take,
// or the thread type is written through an alias.
class NoRewrite {
public:
  void start(int st) {
    First = std::thread([st] { while (true) poll(st); });
    // CHECK-FIXES: {{^}}    First = std::thread([st] { while (true) poll(st); });{{$}}
    First.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: detached thread runs an endless loop
    Second = Thread([] { while (true) flush(); });
    // CHECK-FIXES: {{^}}    Second = Thread([] { while (true) flush(); });{{$}}
    Second.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: detached thread runs an endless loop
  }

private:
  using Thread = std::thread;
  std::thread First;
  Thread Second;
};

// ---- Look-alike negatives -----------------------------------------------

void finiteBodies(int N) {
  std::thread([] { flush(); }).detach();
  std::thread([N] {
    for (int I = 0; I < N; ++I)
      poll(I);
  }).detach();
  std::thread([] {
    while (true) {
      if (ready())
        break;
    }
  }).detach();
  std::thread([] {
    while (true) {
      if (ready())
        return;
      flush();
    }
  }).detach();
  std::thread([] {
    for (;;) {
      if (!ready())
        throw std::runtime_error("lost");
    }
  }).detach();
  std::thread([] {
    while (true)
      if (ready())
        std::terminate();
  }).detach();
  std::thread([N] {
    int Left = N;
    while (Left > 0)
      --Left;
  }).detach();
}

void unknownBody() {
  std::thread(externalWork).detach(); // Body not visible: StrictMode only.
}

void stopTokens() {
  std::jthread Owned([](std::stop_token St) {
    while (!St.stop_requested())
      flush();
  });
  std::jthread([](std::stop_token St) {
    while (true) {
      if (St.stop_requested())
        return;
      flush();
    }
  }).detach();
}

class Service {
public:
  void start() {
    std::thread([this] {
      while (!Stopped)
        flush();
    }).detach();
    Worker = std::thread([this] { while (Running) poll(5); });
  }
  void stop() {
    Stopped = true;
    Running.store(false);
  }
  ~Service() {
    if (Worker.joinable())
      Worker.join();
  }

private:
  std::atomic<bool> Stopped{false};
  std::atomic<bool> Running{true};
  std::thread Worker;
};

struct PublicFlag {
  // Any file can set a public flag.
  bool Stop = false;
  void start() {
    std::thread([this] { while (!Stop) flush(); }).detach();
  }
};

class DefinedElsewhere {
public:
  void start() {
    std::thread([this] { while (!Stopped) flush(); }).detach();
  }
  void stop(); // May set 'Stopped': its body is in another file.

private:
  std::atomic<bool> Stopped{false};
};

void arm(std::atomic<bool> &Flag);

class ByReference {
public:
  void start() {
    std::thread([this] { while (!Stopped) flush(); }).detach();
    arm(Stopped); // May set it.
  }

private:
  std::atomic<bool> Stopped{false};
};

class Queue {
public:
  void start() {
    // Waits on a condition variable with a predicate.
    std::thread([this] {
      while (true) {
        std::unique_lock<std::mutex> Lock(Mutex);
        Ready.wait(Lock, [this] { return !Items.empty(); });
        Items.pop();
      }
    }).detach();
  }

private:
  std::mutex Mutex;
  std::condition_variable Ready;
  std::queue<int> Items;
};

void handledByException() {
  std::thread([] {
    try {
      while (true)
        flush();
    } catch (...) {
    }
  }).detach();
}

constexpr bool KeepGoing = false;

void neverEntered() {
  std::thread([] {
    while (KeepGoing)
      flush();
  }).detach();
}

class Joined {
public:
  void start() {
    Worker = std::thread([] { while (true) flush(); });
    if (!Wait)
      Worker.detach();
  }
  ~Joined() {
    if (Worker.joinable())
      Worker.join();
  }

private:
  bool Wait = false;
  std::thread Worker;
};

void detachedReference(std::thread &Started) {
  Started.detach(); // Started elsewhere.
}

#define DETACH(T) (T).detach()

void inMacro() {
  DETACH(std::thread([] { while (true) flush(); }));
}

template <typename F> void spawn(F Work) { std::thread(Work).detach(); }

// RUN: %check_leak_tidy %s leak-captured-stream %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-captured-stream.StreamTypes, value: '::app::Cursor;::app::Writer'}, {key: leak-captured-stream.EscapingSinks, value: '::app::EventLoop::schedule;::app::defer'}, {key: leak-captured-stream.EscapingSinkPatterns, value: '^::app::Queue::post_'}, {key: leak-captured-stream.PerRequestClasses, value: '::app::Call;::std::enable_shared_from_this'}]}" \
// RUN:   -- -std=c++17

// Project types as streams, project functions as sinks: pointer, owning and
// 'this' captures, and the weak_ptr fix-it.

#include <functional>
#include <memory>
#include <thread>
#include <utility>

namespace app {
class Cursor {
public:
  bool next();
};
class Writer {
public:
  void write(int Value);
};
class EventLoop {
public:
  void schedule(std::function<void()> Work); // Runs it later: a sink.
  void runNow(std::function<void()> Work);   // Not listed: unknown.
};
class Queue {
public:
  void post_later(std::function<void()> Work);
  void post_now(std::function<void()> Work);
};
void defer(std::function<void()> Work);
class Call {
public:
  virtual ~Call();
};
} // namespace app

app::EventLoop &loop();
app::Queue &queue();
bool wanted(int Value);

// ---- Pointer parameters: borrowed for the duration of the call -------------

void streamRows(app::Writer *Out) {
  loop().schedule([Out] { Out->write(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stream 'Out' ('app::Writer') is captured by pointer in a lambda that is handed to 'EventLoop::schedule': the pointer dangles once 'streamRows' returns; finish with the stream inside 'streamRows' or keep the lambda from outliving it [leak-captured-stream]
  queue().post_later([Out] { Out->write(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: stream 'Out' ('app::Writer') is captured by pointer in a lambda that is handed to 'Queue::post_later'
  loop().runNow([Out] { Out->write(3); });
}

void localCursorByReference() {
  app::Cursor Rows;
  app::defer([&Rows] { Rows.next(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'Rows' ('app::Cursor') is captured by reference in a lambda that is handed to 'app::defer'
}

// ---- Owning handles: the lambda keeps the stream alive ----------------------

void ownedCursor() {
  auto Rows = std::make_shared<app::Cursor>();
  app::defer([Rows] {
    while (Rows->next()) {
    }
  });
  Rows->next(); // The request keeps its own owner.
  // CHECK-MESSAGES: :[[@LINE-5]]:15: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that is handed to 'app::defer': its lifetime extends past the request with its cursor, buffers and connection; capture a 'std::weak_ptr' and lock it, or finish with the stream inside 'ownedCursor' [leak-captured-stream]
  // CHECK-FIXES: {{^}}  app::defer([weak_Rows = std::weak_ptr(Rows)] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto Rows = weak_Rows.lock();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Rows){{$}}
  // CHECK-FIXES-NEXT: {{^}}      return;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    while (Rows->next()) {{{$}}
}

void ownedWriterAmongOtherCaptures(std::shared_ptr<app::Writer> Out, int Count) {
  loop().schedule([Count, Out]() {
    for (int I = 0; I < Count; ++I)
      Out->write(I);
  });
  Out->write(-1);
  // CHECK-MESSAGES: :[[@LINE-5]]:27: warning: stream 'Out' ('app::Writer') is kept alive by an owning capture in a lambda that is handed to 'EventLoop::schedule'
  // CHECK-FIXES: {{^}}  loop().schedule([Count, weak_Out = std::weak_ptr(Out)]() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto Out = weak_Out.lock();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Out){{$}}
  // CHECK-FIXES-NEXT: {{^}}      return;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int I = 0; I < Count; ++I){{$}}
}

void ownedMovedIn() {
  auto Rows = std::make_unique<app::Cursor>();
  std::thread([Rows = std::move(Rows)] { Rows->next(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that runs on a detached thread
}

void ownedByDefaultCapture(std::shared_ptr<app::Cursor> Rows) {
  app::defer([=] { Rows->next(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that is handed to 'app::defer'
  // CHECK-FIXES: {{^}}  app::defer([=] { Rows->next(); });{{$}}
  Rows->next();
}

void ownedWithResult() {
  auto Rows = std::make_shared<app::Cursor>();
  std::thread([Rows] { return Rows->next(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'Rows' ('app::Cursor') is kept alive by an owning capture in a lambda that runs on a detached thread
  // CHECK-FIXES: {{^}}  std::thread([Rows] { return Rows->next(); }).detach();{{$}}
}

// Look-alikes: a weak handle, an owning one that does not escape, and the only
// owner handed to a one-shot handler (it owns the stream by design and ends
// with it).

void handOverCursor(std::shared_ptr<app::Cursor> Passed) {
  auto Rows = std::make_shared<app::Cursor>();
  Rows->next();
  app::defer([Rows] { Rows->next(); });
  auto Moved = std::make_shared<app::Cursor>();
  app::defer([Rows = std::move(Moved)] { Rows->next(); });
  // A handler chain passing its handle on.
  app::defer([Passed] { Passed->next(); });
}

void weakCursor() {
  auto Rows = std::make_shared<app::Cursor>();
  app::defer([Weak = std::weak_ptr<app::Cursor>(Rows)] {
    if (auto Locked = Weak.lock())
      Locked->next();
  });
}

void ownedButLocal() {
  auto Rows = std::make_shared<app::Cursor>();
  auto Step = [Rows] { return Rows->next(); };
  while (Step()) {
  }
  loop().runNow([Rows] { Rows->next(); });
}

// ---- 'this' in per-request objects -----------------------------------------

class ExportCall : public app::Call {
public:
  void start() {
    loop().schedule([this] { Rows.next(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: stream member 'Rows' ('app::Cursor') is used through 'this' in a lambda that is handed to 'EventLoop::schedule': the reference dangles once the object is destroyed; cancel the lambda first or capture a weak handle to the object [leak-captured-stream]
  }
  void startDefault() {
    std::thread([&] { Out->write(1); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: stream member 'Out' ('app::Writer') is used through 'this' in a lambda that runs on a detached thread
  }
  void storedInOwnMember() {
    // The lambda lives in the object: it dies with the stream.
    OnCancel = [this] { Rows.next(); };
  }

private:
  app::Cursor Rows;
  std::unique_ptr<app::Writer> Out;
  std::function<void()> OnCancel;
};

class Session : public std::enable_shared_from_this<Session> {
public:
  void keepAlive() {
    loop().schedule([this, Self = shared_from_this()] { Rows.next(); });
  }
  void keepAliveByName() {
    std::shared_ptr<Session> Self = shared_from_this();
    loop().schedule([this, Self] { Rows.next(); });
  }
  void checkAlive() {
    loop().schedule([this, Weak = weak_from_this()] {
      if (auto Self = Weak.lock())
        Rows.next();
    });
  }
  void unguarded() {
    loop().schedule([this] { Rows.next(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: stream member 'Rows' ('app::Cursor') is used through 'this' in a lambda that is handed to 'EventLoop::schedule'
  }

private:
  app::Cursor Rows;
};

class LongLivedExporter {
public:
  // Not a per-request object: its lifetime is the service's.
  void start() { loop().schedule([this] { Rows.next(); }); }

private:
  app::Cursor Rows;
};

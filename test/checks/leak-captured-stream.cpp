// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -I %S/../Inputs/aws-sdk

// Standard streams with the default options: a local stream captured by
// reference (or by a pointer to it) into a lambda that escapes is reported;
// every positive has a look-alike that is safe next to it.

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void consume(std::istream &In);
void runLater(std::function<void()> Work);
std::function<void()> GlobalCallback;

struct Registry {
  std::vector<std::function<void()>> Handlers;
};

// ---- Detached threads -------------------------------------------------------

void detachedByReference() {
  std::ifstream In("orders.csv");
  std::thread([&In] { consume(In); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread: the reference dangles once 'detachedByReference' returns; finish with the stream inside 'detachedByReference' or keep the lambda from outliving it [leak-captured-stream]
}

void detachedByDefaultCapture() {
  std::ifstream In("orders.csv");
  int Lines = 0;
  std::thread([&] {
    ++Lines;
    consume(In);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread
  }).detach();
}

void detachedThroughVariable() {
  std::ostringstream Out;
  std::thread Worker([&Out] { Out << "done"; });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: stream 'Out' ('std::ostringstream') is captured by reference in a lambda that runs on a detached thread
  std::thread Moved(std::move(Worker));
  Moved.detach();
}

void detachedByPointerToLocal() {
  std::ifstream In("orders.csv");
  std::thread([Source = &In] { consume(*Source); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'In' ('std::ifstream') is captured by pointer in a lambda that runs on a detached thread: the pointer dangles once 'detachedByPointerToLocal' returns
  std::ifstream *Alias = &In;
  std::thread([=] { consume(*Alias); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: stream 'In' ('std::ifstream') is captured by pointer in a lambda that runs on a detached thread
}

void readAll(std::istream &In);

void detachedBind() {
  std::ifstream In("orders.csv");
  std::thread(std::bind(readAll, std::ref(In))).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: stream 'In' ('std::ifstream') is captured by reference in a callable that runs on a detached thread
}

// Look-alikes: the thread is joined, or the stream is the lambda's own.

void joinedThread() {
  std::ifstream In("orders.csv");
  std::thread Worker([&In] { consume(In); });
  Worker.join();
}

void joinedThreadInLocalVector() {
  std::ifstream In("orders.csv");
  std::vector<std::thread> Workers;
  Workers.emplace_back([&In] { consume(In); });
  for (std::thread &Worker : Workers)
    Worker.join();
}

void movedInStream() {
  std::ifstream In("orders.csv");
  std::thread([Own = std::move(In)]() mutable { consume(Own); }).detach();
}

void neitherJoinedNorDetached() {
  std::ifstream In("orders.csv");
  std::thread Worker([&In] { consume(In); }); // Terminates: not this check.
}

void referenceParameter(std::ostream &Out) {
  // The caller owns 'Out': its lifetime is unknown here.
  std::thread([&Out] { Out << "done"; }).detach();
}

void notAStream() {
  std::string Name = "orders";
  std::thread([&Name] { (void)Name.size(); }).detach();
}

// ---- Stored callables -------------------------------------------------------

class Exporter {
public:
  void addToMember() {
    std::ifstream In("orders.csv");
    Callbacks.push_back([&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to member 'Callbacks': the reference dangles once 'addToMember' returns
  }

  void assignToMember() {
    std::ifstream In("orders.csv");
    OnDone = [&In] { consume(In); };
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is stored in member 'OnDone'
  }

  void storeInMap() {
    std::ifstream In("orders.csv");
    ByName["orders"] = [&In] { consume(In); };
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is stored in member 'ByName'
    std::ifstream Archive("archive.csv");
    ByName.emplace("archive", [&Archive] { consume(Archive); });
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: stream 'Archive' ('std::ifstream') is captured by reference in a lambda that is added to member 'ByName'
  }

  void storeThroughLocal() {
    std::ifstream In("orders.csv");
    auto Job = [&In] { consume(In); };
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to member 'Callbacks'
    Job();
    Callbacks.push_back(std::move(Job));
  }

  void storeThreadInMember() {
    std::ifstream In("orders.csv");
    Workers.emplace_back([&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to member 'Workers'
  }

  void storeFutureInMember() {
    std::ifstream In("orders.csv");
    Pending = std::async(std::launch::async, [&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs under 'std::async' whose future is stored in member 'Pending'
  }

  // Look-alikes: the callable stays local or runs before returning.
  void localCallbacks() {
    std::ifstream In("orders.csv");
    std::vector<std::function<void()>> Steps;
    Steps.push_back([&In] { consume(In); });
    for (auto &Step : Steps)
      Step();
    std::function<void()> Once = [&In] { consume(In); };
    Once();
  }

  void futureWaited() {
    std::ifstream In("orders.csv");
    auto Done = std::async(std::launch::async, [&In] { consume(In); });
    Done.get();
    // A discarded std::async future blocks until the task has finished.
    std::async(std::launch::async, [&In] { consume(In); });
  }

  void ownMemberStream() {
    // Standard streams are reported only when a local one is captured.
    Callbacks.push_back([this] { Log << "flushed"; });
  }

private:
  std::vector<std::function<void()>> Callbacks;
  std::function<void()> OnDone;
  std::map<std::string, std::function<void()>> ByName;
  std::vector<std::thread> Workers;
  std::future<void> Pending;
  std::ofstream Log;
};

void storeInGlobal() {
  std::ifstream In("orders.csv");
  GlobalCallback = [&In] { consume(In); };
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is stored in global 'GlobalCallback'
}

void storeInStatic() {
  std::ifstream In("orders.csv");
  static std::function<void()> Retry = [&In] { consume(In); };
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is stored in static 'Retry'
}

void storeInCallersRegistry(Registry &Target) {
  std::ifstream In("orders.csv");
  Target.Handlers.push_back([&In] { consume(In); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to 'Target.Handlers'
}

void capturedByEscapingLambda() {
  std::ifstream In("orders.csv");
  auto Read = [&In] { consume(In); };
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread
  std::thread([Read] { Read(); }).detach();
}

auto returnedLambda() {
  std::ifstream In("orders.csv");
  return [&In] { consume(In); };
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is returned from 'returnedLambda': the reference dangles once 'returnedLambda' returns
}

// ---- Run before returning -------------------------------------------------

void calledImmediately() {
  std::ifstream In("orders.csv");
  [&In] { consume(In); }();
  std::vector<int> Ids{3, 1, 2};
  std::for_each(Ids.begin(), Ids.end(), [&In](int) { consume(In); });
  std::sort(Ids.begin(), Ids.end(), [&In](int A, int B) {
    consume(In);
    return A < B;
  });
}

void unknownCallee() {
  // 'runLater' may keep the callable or not: without proof, no finding.
  std::ifstream In("orders.csv");
  runLater([&In] { consume(In); });
}

void waitedWithConditionVariable() {
  std::ifstream In("orders.csv");
  std::mutex Mutex;
  std::condition_variable Done;
  bool Finished = false;
  std::thread([&] {
    consume(In);
    std::lock_guard<std::mutex> Lock(Mutex);
    Finished = true;
    Done.notify_one();
  }).detach();
  std::unique_lock<std::mutex> Lock(Mutex);
  Done.wait(Lock, [&] { return Finished; });
}

void waitedWithPromise() {
  std::ifstream In("orders.csv");
  std::promise<void> Finished;
  std::future<void> Signal = Finished.get_future();
  std::thread([&In, &Finished] {
    consume(In);
    Finished.set_value();
  }).detach();
  Signal.wait();
}

auto returnedFromInnerLambda() {
  std::ifstream In("orders.csv");
  auto Make = [&In] { return [&In] { consume(In); }; };
  auto Reader = Make();
  Reader();
  return 0;
}

// ---- Macros and templates ---------------------------------------------------

#define DETACH_READER(STREAM) std::thread([&STREAM] { consume(STREAM); }).detach()

void inMacroBody() {
  std::ifstream In("orders.csv");
  DETACH_READER(In);
}

template <typename Row> void dependentLambda(Row Template) {
  std::ifstream In("orders.csv");
  std::thread([&] {
    consume(In);
    Template.fill();
  }).detach();
}

// ---- Constructors -----------------------------------------------------------

class Job {
public:
  // 'Source' is a by-value parameter: it dies when the constructor returns.
  explicit Job(std::ifstream Source) : Run([&Source] { consume(Source); }) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: stream 'Source' ('std::ifstream') is captured by reference in a lambda that is stored in member 'Run': the reference dangles once 'Job' returns

private:
  std::function<void()> Run;
};

struct Forwarder {
  Registry *Target;
  void forward() {
    std::ifstream In("orders.csv");
    Target->Handlers.push_back([&In] { consume(In); });
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: stream 'In' ('std::ifstream') is captured by reference in a lambda that is added to 'Target->Handlers'
  }
  void keepLocal() {
    std::ifstream In("orders.csv");
    Registry Local;
    Local.Handlers.push_back([&In] { consume(In); });
    for (auto &Handler : Local.Handlers)
      Handler();
  }
};

// RUN: %check_leak_tidy %s leak-unawaited-future %t

#include <algorithm>
#include <deque>
#include <future>
#include <map>
#include <string>
#include <utility>
#include <vector>

int compute(int);
std::future<int> fetchAsync(int);

// ---- Positives ----------------------------------------------------------

class Dispatcher {
public:
  void dispatchAll(const std::vector<int> &Ids) {
    for (int Id : Ids)
      Pending.push_back(std::async(std::launch::async, compute, Id));
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: futures added to 'Pending' are never awaited or removed: the container grows with every call and keeps each task's state and result alive; wait for finished futures and erase them, or bound the container [leak-unawaited-future]
    // CHECK-FIXES: {{^}}      Pending.push_back(std::async(std::launch::async, compute, Id));{{$}}
  }
  int queued() const { return static_cast<int>(Pending.size()); }

private:
  std::vector<std::future<int>> Pending;
};

std::deque<std::future<int>> GlobalJobs;

void onMessage(int Id) {
  auto Callback = [Id] { GlobalJobs.emplace_back(fetchAsync(Id)); };
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: futures added to 'GlobalJobs' are never awaited or removed
  Callback();
}

class Cache {
public:
  void refreshAll(const std::vector<std::string> &Keys) {
    for (const auto &Key : Keys)
      Refreshes.emplace(Key, fetchAsync(static_cast<int>(Key.size())));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: futures added to 'Refreshes' are never awaited or removed
  }

private:
  std::map<std::string, std::future<int>> Refreshes;
};

// ---- Look-alike negatives -----------------------------------------------

class JoiningDispatcher {
public:
  void dispatchAll(const std::vector<int> &Ids) {
    for (int Id : Ids)
      Pending.push_back(std::async(std::launch::async, compute, Id));
  }
  ~JoiningDispatcher() {
    for (auto &Future : Pending)
      Future.wait();
  }

private:
  std::vector<std::future<int>> Pending;
};

class ReapingDispatcher {
public:
  void dispatch(int Id) {
    auto Run = [this, Id] { Pending.push_back(fetchAsync(Id)); };
    Run();
    reap();
  }
  void reap() {
    Pending.erase(std::remove_if(Pending.begin(), Pending.end(), [](std::future<int> &F) {
      return F.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }), Pending.end());
  }

private:
  std::vector<std::future<int>> Pending;
};

class OneShot {
public:
  // Not in a loop or a callback: one future per object.
  void start() { Pending.push_back(fetchAsync(1)); }

private:
  std::vector<std::future<int>> Pending;
};

void localContainer(const std::vector<int> &Ids) {
  // Dies with the function: the futures block in its destructor.
  std::vector<std::future<int>> Local;
  for (int Id : Ids)
    Local.push_back(fetchAsync(Id));
  for (auto &F : Local)
    F.get();
}

class NotFutures {
public:
  void addAll(const std::vector<int> &Ids) {
    for (int Id : Ids)
      Values.push_back(Id);
  }

private:
  std::vector<int> Values;
};
